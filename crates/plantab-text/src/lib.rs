//! # plantab-text
//!
//! Readers for text conversions of plan documents. Each turns decoded text
//! into a [`plantab_model::Layout`] — the same intermediate the PDF reader
//! produces — so everything below the reader is shared.
//!
//! Five text shapes are known:
//! * [`html_doc`]: an HTML document (`.html`, `.htm`: pandoc, docling,
//!   marker, "save as web page");
//! * [`markdown`]: a markdown conversion as converters write it — pipe
//!   tables, grid tables or HTML `<table>` blocks between markdown prose,
//!   with the converter's page markers ([`pages`]);
//! * [`tabular`]: tab-separated table rows (cells may hold HTML) between
//!   markdown prose;
//! * [`vertical`]: one record per paragraph group, field order varying;
//! * [`flattened`]: a text extractor's flattening of a wide tracker table.
//!
//! Shape detection ([`detect_shape`]) takes them in that order: an HTML
//! document by how it opens; a markdown conversion by a table only
//! converters print (a pipe-table alignment row under a line with a pipe,
//! a grid-table border over a `|` line, a `<table>` at a line start); then
//! the seed shapes as before (tab-separated rows, a flattened tracker,
//! vertical records), tab-separated when none fits. The two new checks are
//! byte searches (`|`, `<`) first, so a text with neither costs two scans.

#![warn(missing_docs)]

mod builder;
pub mod decode;
pub mod flattened;
pub mod html;
pub mod html_doc;
pub mod inline;
pub mod markdown;
pub mod pages;
mod pipe;
pub mod tabular;
pub mod vertical;

use plantab_model::Layout;

/// Why a text input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The bytes are not text in any supported encoding (the reason).
    #[error("{0}")]
    NotText(String),
}

/// Which text shape a document has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextShape {
    /// An HTML document.
    Html,
    /// Markdown with pipe, grid or HTML tables.
    Markdown,
    /// Tab-separated tables between prose.
    Tabular,
    /// Vertical records.
    Vertical,
    /// A flattened wide tracker table.
    Flattened,
}

/// What detection found, with the work the chosen reader can reuse.
enum Detected<'a> {
    Html,
    Markdown,
    Tabular,
    Flattened,
    /// Vertical records, with the paragraph scan detection made.
    Vertical(vertical::Scan<'a>),
}

/// Runs the shape checks in order of precedence: an HTML document, a
/// markdown conversion, tab-separated tables, a flattened tracker,
/// vertical records; tabular when none fits.
fn detect(text: &str) -> Detected<'_> {
    if html_doc::looks_html_document(text) {
        return Detected::Html;
    }
    if markdown::looks_markdown(text) {
        return Detected::Markdown;
    }
    // A tab-separated table needs a tab: a text without one (found by
    // byte search) skips the line-by-line tabular check.
    let has_tab = memchr::memchr(b'\t', text.as_bytes()).is_some();
    if has_tab && tabular::looks_tabular(text) {
        return Detected::Tabular;
    }
    if flattened::looks_flattened(text) {
        return Detected::Flattened;
    }
    // `looks_tabular` rejects most texts with tabs, not all; vertical
    // records never have one.
    if !has_tab {
        let scan = vertical::Scan::new(text);
        if scan.looks_vertical() {
            return Detected::Vertical(scan);
        }
    }
    Detected::Tabular
}

/// Tells the shape of decoded text.
pub fn detect_shape(text: &str) -> TextShape {
    match detect(text) {
        Detected::Html => TextShape::Html,
        Detected::Markdown => TextShape::Markdown,
        Detected::Tabular => TextShape::Tabular,
        Detected::Flattened => TextShape::Flattened,
        Detected::Vertical(_) => TextShape::Vertical,
    }
}

/// Decodes `bytes` and reads them with the reader for their shape.
pub fn read_text(bytes: &[u8]) -> Result<Layout, TextError> {
    let text = decode::decode(bytes)?;
    Ok(read_str(&text))
}

/// Reads already-decoded text with the reader for its shape (the vertical
/// reader reuses the paragraph scan detection made).
pub fn read_str(text: &str) -> Layout {
    match detect(text) {
        Detected::Html => html_doc::read_html(text),
        Detected::Markdown => markdown::read_markdown(text),
        Detected::Tabular => tabular::read_tabular(text),
        Detected::Vertical(scan) => scan.into_layout(),
        Detected::Flattened => flattened::read_flattened(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vertical records of our own making (other ids, other wording).
    const VERTICAL: &str = "Library Service Plan\n\nOur plan.\n\nBranches\n\nBranch work.\n\n\
Open a new branch\n\n\nSite chosen in the north of the town.\n\nLB-7/01\nIn progress\nLibraries\n\n\
Extend opening hours\n\n\nSunday opening from the spring.\n\nComplete\nLB-7/02\nProject\n";

    #[test]
    fn read_str_reuses_the_vertical_scan_with_the_same_result() {
        assert_eq!(detect_shape(VERTICAL), TextShape::Vertical);
        let via_detection = read_str(VERTICAL);
        let direct = vertical::read_vertical(VERTICAL);
        assert_eq!(format!("{via_detection:?}"), format!("{direct:?}"));
        let Some(plantab_model::Block::Table(t)) = via_detection.blocks.last() else {
            panic!("a table last");
        };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[0].cells[2..],
            ["In progress", "Libraries", "LB-7/01", ""]
        );
        assert_eq!(t.rows[1].cells[2..], ["Complete", "", "LB-7/02", "Project"]);
    }

    #[test]
    fn text_with_a_tab_is_not_vertical() {
        let tabbed = VERTICAL.replace("Libraries", "Libraries\tEast");
        assert_ne!(detect_shape(&tabbed), TextShape::Vertical);
        assert_eq!(
            detect_shape("Just prose.\n\n\nMore prose.\n"),
            TextShape::Tabular
        );
    }
}
