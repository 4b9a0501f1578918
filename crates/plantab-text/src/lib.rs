//! # plantab-text
//!
//! Readers for text conversions of plan documents. Each turns decoded text
//! into a [`plantab_model::Layout`] — the same intermediate the PDF reader
//! produces — so everything below the reader is shared.
//!
//! Three text shapes are known:
//! * [`tabular`]: tab-separated table rows (cells may hold HTML) between
//!   markdown prose;
//! * [`vertical`]: one record per paragraph group, field order varying;
//! * [`flattened`]: a text extractor's flattening of a wide tracker table.

#![warn(missing_docs)]

pub mod decode;
pub mod flattened;
pub mod html;
pub mod tabular;
pub mod vertical;

use plantab_model::Layout;

/// Why a text input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The bytes are not text in any supported encoding.
    #[error("not_text: {0}")]
    NotText(String),
}

/// Which text shape a document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextShape {
    /// Tab-separated tables between prose.
    Tabular,
    /// Vertical records.
    Vertical,
    /// A flattened wide tracker table.
    Flattened,
}

/// Tells the shape of decoded text.
pub fn detect_shape(text: &str) -> TextShape {
    if tabular::looks_tabular(text) {
        TextShape::Tabular
    } else if flattened::looks_flattened(text) {
        TextShape::Flattened
    } else if vertical::looks_vertical(text) {
        TextShape::Vertical
    } else {
        TextShape::Tabular
    }
}

/// Decodes `bytes` and reads them with the reader for their shape.
pub fn read_text(bytes: &[u8]) -> Result<Layout, TextError> {
    let text = decode::decode(bytes)?;
    Ok(read_str(&text))
}

/// Reads already-decoded text with the reader for its shape.
pub fn read_str(text: &str) -> Layout {
    match detect_shape(text) {
        TextShape::Tabular => tabular::read_tabular(text),
        TextShape::Vertical => vertical::read_vertical(text),
        TextShape::Flattened => flattened::read_flattened(text),
    }
}
