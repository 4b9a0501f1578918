//! # plantab-pdf
//!
//! The PDF reader: glyphs → words → lines → columns → table fragments.
//! Not yet implemented.

#![warn(missing_docs)]

use plantab_model::Layout;

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Password-protected.
    #[error("encrypted: {0}")]
    Encrypted(String),
    /// No text layer (scanned / image-only).
    #[error("no_text_layer: {0}")]
    NoTextLayer(String),
    /// Not a PDF, or damaged beyond repair.
    #[error("malformed: {0}")]
    Malformed(String),
}

impl PdfError {
    /// The stable error code (`encrypted`, `no_text_layer`, `malformed`).
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::Encrypted(_) => "encrypted",
            PdfError::NoTextLayer(_) => "no_text_layer",
            PdfError::Malformed(_) => "malformed",
        }
    }

    /// The reason, without the code.
    pub fn reason(&self) -> &str {
        match self {
            PdfError::Encrypted(m) | PdfError::NoTextLayer(m) | PdfError::Malformed(m) => m,
        }
    }
}

/// Reads a PDF into a layout.
pub fn read_pdf(_bytes: &[u8]) -> Result<Layout, PdfError> {
    Err(PdfError::Malformed(
        "PDF input is not implemented yet".into(),
    ))
}
