//! # plantab
//!
//! The pipeline as a library: one call turns a file (PDF or text
//! conversion) into its contract [`Document`].
//!
//! ```text
//! bytes ─▶ plantab-pdf / plantab-text ─▶ Layout
//!       ─▶ plantab-tables ─▶ RebuiltDocument
//!       ─▶ plantab-records ─▶ Document
//! ```
//!
//! Everything here runs in the caller's process and thread: the batch
//! machinery (`plantab-batch`: many files, parallel runs, panics and
//! timeouts isolated, atomic output, the run manifest) and the CLI
//! (`plantab-cli`) are layers over [`extract_input`] and [`tables_input`].

#![warn(missing_docs)]

pub mod sniff;

use plantab_model::{Block, Document, Layout, RebuiltDocument, Source, SourceFormat, Warning};
use sha2::{Digest, Sha256};
use std::path::Path;

pub use plantab_model::ErrorCode;
pub use plantab_pdf::{error_chain, panic_message, PdfError};
/// The table finder's overrides (pages, areas, column separators,
/// strategy) and their parsers; see [`plantab_pdf::options`].
pub use plantab_pdf::{parse_columns, Area, OptionError, Overrides, PageSet, Strategy};

/// Why a file produced no document. Every variant has a stable
/// [`ErrorCode`] ([`ExtractError::code`]); `Display` is the reason alone,
/// and an underlying error is kept as the [`std::error::Error::source`]
/// ([`ExtractError::message`] gives both on one line).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file could not be read from disk.
    #[error("cannot read the file")]
    Io(#[source] std::io::Error),
    /// The file is empty.
    #[error("the file is 0 bytes long")]
    Empty,
    /// Text input that is not text.
    #[error(transparent)]
    NotText(#[from] plantab_text::TextError),
    /// A PDF the reader refused.
    #[error(transparent)]
    Pdf(#[from] plantab_pdf::PdfError),
    /// A file named `.pdf` whose bytes are not a PDF but something else
    /// (an image, an Office document, a web page), named by
    /// [`sniff::what_is`] (code `malformed`).
    #[error("not a PDF: the file is named .pdf but holds {0}; check the file type")]
    NotPdf(&'static str),
    /// The debug picture could not be rasterised.
    #[error("render: {0}")]
    Render(#[from] plantab_pdf::RenderError),
}

impl ExtractError {
    /// The stable error code: `io`, `empty`, `not_text`, `encrypted`,
    /// `no_text_layer`, `malformed` or `limit_exceeded` (a PDF over
    /// `plantab_pdf::Limits`); `internal_error` when a debug picture
    /// could not be rasterised.
    pub fn code(&self) -> ErrorCode {
        match self {
            ExtractError::Io(_) => ErrorCode::Io,
            ExtractError::Empty => ErrorCode::Empty,
            ExtractError::NotText(_) => ErrorCode::NotText,
            ExtractError::Pdf(e) => e.code(),
            ExtractError::NotPdf(_) => ErrorCode::Malformed,
            ExtractError::Render(_) => ErrorCode::InternalError,
        }
    }

    /// The reason and its causes on one line (`reason: cause: …`), for a
    /// log line or a manifest entry.
    pub fn message(&self) -> String {
        plantab_pdf::error_chain(self)
    }
}

/// Which reader a file's bytes call for: PDF when they start with the PDF
/// signature (within the first KiB, as readers allow), else text.
pub fn sniff_format(bytes: &[u8]) -> SourceFormat {
    if plantab_pdf::has_pdf_signature(bytes) {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    }
}

/// Reads `path` and runs the whole pipeline. `path` is recorded as given.
pub fn extract_file(path: &Path) -> Result<Document, ExtractError> {
    let bytes = std::fs::read(path).map_err(ExtractError::Io)?;
    extract_bytes(&path.to_string_lossy(), &bytes)
}

/// Runs the whole pipeline on bytes already read; `path` is recorded in
/// `source.path`.
pub fn extract_bytes(path: &str, bytes: &[u8]) -> Result<Document, ExtractError> {
    extract_input(Input::new(path, bytes))
}

/// One input already read: its path as given, its bytes, and its SHA-256
/// when the caller has already computed it (a batch hashes every input for
/// its manifest; hashing again would double that cost).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The path as given; recorded in `source.path`.
    pub path: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// Lower-case hex SHA-256 of `bytes`, when already known.
    pub sha256: Option<&'a str>,
    /// Read the pages of a multi-page PDF in parallel on rayon's current
    /// thread pool (see [`plantab_pdf::ReadOptions::parallel_pages`]): for
    /// a caller with idle cores, e.g. one large file. Off by [`Input::new`].
    pub parallel_pages: bool,
    /// The password of a password-protected PDF (its user or owner
    /// password; see [`plantab_pdf::decrypt`]); ignored for a PDF that is
    /// not encrypted and for text. `None` by [`Input::new`].
    pub password: Option<&'a str>,
    /// The month (1–12) financial years start in (`--fiscal-year-start`):
    /// overrides what the document states and its jurisdiction (see
    /// [`plantab_records::Options`]); a month outside 1–12 is not used.
    /// `None` by [`Input::new`]: decided per document.
    pub fiscal_year_start: Option<u32>,
}

impl<'a> Input<'a> {
    /// An input whose hash is not known yet.
    pub fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        Input {
            path,
            bytes,
            sha256: None,
            parallel_pages: false,
            password: None,
            fiscal_year_start: None,
        }
    }
}

/// [`extract_bytes`] for an [`Input`].
pub fn extract_input(input: Input<'_>) -> Result<Document, ExtractError> {
    extract_input_with(input, &Overrides::default())
}

/// [`extract_input`] with the table finder's [`Overrides`] (pages, areas,
/// column separators, strategy).
pub fn extract_input_with(input: Input<'_>, o: &Overrides) -> Result<Document, ExtractError> {
    let options = records_options(&input);
    let (layout, source) = read_layout_input_with(input, o)?;
    let rebuilt = rebuild(layout);
    Ok(plantab_records::build_document_with(
        rebuilt, source, &options,
    ))
}

/// The records stage's options an input carries.
fn records_options(input: &Input<'_>) -> plantab_records::Options {
    plantab_records::Options {
        fiscal_year_start: input.fiscal_year_start,
    }
}

/// A month given as a number (`4`, `04`), an English name (`April`) or its
/// three-letter abbreviation (`apr`), case-insensitively: how
/// `--fiscal-year-start` is parsed. `None` for anything else.
pub fn parse_month(s: &str) -> Option<u32> {
    let t = s.trim();
    match t.parse::<u32>() {
        Ok(m) => (1..=12).contains(&m).then_some(m),
        Err(_) => plantab_vocab::month_number(t, true),
    }
}

/// [`tables_bytes`] for an [`Input`].
pub fn tables_input(input: Input<'_>) -> Result<Document, ExtractError> {
    tables_input_with(input, &Overrides::default())
}

/// [`tables_input`] with the table finder's [`Overrides`].
pub fn tables_input_with(input: Input<'_>, o: &Overrides) -> Result<Document, ExtractError> {
    let options = records_options(&input);
    let (layout, source) = read_layout_input_with(input, o)?;
    let rebuilt = rebuild(layout);
    Ok(plantab_records::tables_document_with(
        rebuilt, source, &options,
    ))
}

/// `plantab tables`: every table in bytes already read, as printed
/// (header rows kept in `rows`, cells with their spans), in the contract's
/// document shape with no records (see
/// [`plantab_records::tables_document`]). The same reader and joiners as
/// [`extract_bytes`]; `path` is recorded in `source.path`.
pub fn tables_bytes(path: &str, bytes: &[u8]) -> Result<Document, ExtractError> {
    tables_input(Input::new(path, bytes))
}

/// The reader stage alone: bytes → [`Layout`], with the [`Source`] facts.
pub fn read_layout(path: &str, bytes: &[u8]) -> Result<(Layout, Source), ExtractError> {
    read_layout_input(Input::new(path, bytes))
}

/// [`read_layout`] for an [`Input`].
pub fn read_layout_input(input: Input<'_>) -> Result<(Layout, Source), ExtractError> {
    read_layout_input_with(input, &Overrides::default())
}

/// [`read_layout_input`] with the table finder's [`Overrides`]. For text
/// input, `pages` keeps the blocks of those pages (text with page marks);
/// areas, columns and a strategy other than `auto` do not apply to text and
/// are reported in a `option_ignored` warning.
pub fn read_layout_input_with(
    input: Input<'_>,
    o: &Overrides,
) -> Result<(Layout, Source), ExtractError> {
    let Input {
        path,
        bytes,
        sha256,
        parallel_pages,
        password,
        fiscal_year_start: _,
    } = input;
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let format = sniff_format(bytes);
    if format == SourceFormat::Text && sniff::named_pdf(path) {
        return Err(ExtractError::NotPdf(
            sniff::what_is(bytes).unwrap_or("binary data of no known type"),
        ));
    }
    let decrypted = decrypted(format, bytes, password)?;
    let layout = match format {
        SourceFormat::Pdf => plantab_pdf::read_pdf_with_options(
            decrypted.as_deref().unwrap_or(bytes),
            &plantab_pdf::ReadOptions {
                limits: plantab_pdf::limits::Limits::default(),
                parallel_pages,
                overrides: o.clone(),
            },
        )?,
        SourceFormat::Text => {
            let mut layout = plantab_text::read_text(bytes)?;
            text_overrides(&mut layout, o);
            layout
        }
    };
    let source = Source {
        path: path.to_string(),
        sha256: sha256.map_or_else(|| sha256_hex(bytes), str::to_string),
        format,
        pages: layout.pages,
        bytes: bytes.len() as u64,
    };
    Ok((layout, source))
}

/// A password-protected PDF's bytes decrypted with `password` (see
/// [`plantab_pdf::decrypt`]); `None` to read `bytes` as they are (no
/// password, text, a PDF that is not encrypted).
pub fn decrypted(
    format: SourceFormat,
    bytes: &[u8],
    password: Option<&str>,
) -> Result<Option<Vec<u8>>, ExtractError> {
    match (format, password) {
        (SourceFormat::Pdf, Some(pw)) => Ok(plantab_pdf::decrypt(
            bytes,
            pw,
            &plantab_pdf::limits::Limits::default(),
        )?),
        _ => Ok(None),
    }
}

/// Applies the overrides that make sense for text input (`pages`, on text
/// with page marks) and warns about the rest.
fn text_overrides(layout: &mut Layout, o: &Overrides) {
    if let Some(set) = &o.pages {
        let before = layout.blocks.len();
        layout
            .blocks
            .retain(|b| block_page(b).is_none_or(|p| set.contains(p)));
        if layout.blocks.len() == before && layout.pages.is_none() {
            layout.warnings.push(Warning::new(
                plantab_model::WarningCode::OptionIgnored,
                format!("--pages {set}: this text input has no page marks, so every line was read"),
            ));
        }
    }
    let mut ignored = Vec::new();
    if !o.areas.is_empty() {
        ignored.push("area");
    }
    if !o.columns.is_empty() {
        ignored.push("columns");
    }
    if o.strategy != Strategy::Auto {
        ignored.push("strategy");
    }
    if !ignored.is_empty() {
        layout.warnings.push(Warning::new(
            plantab_model::WarningCode::OptionIgnored,
            format!(
                "{} only apply to PDF input; this text input was read without them",
                ignored.join(", ")
            ),
        ));
    }
}

/// The page a block was printed on, when known.
pub fn block_page(b: &Block) -> Option<u32> {
    match b {
        Block::Text(t) => t.page,
        Block::Legend(l) => l.page,
        Block::Table(t) => t.page,
    }
}

/// What the PDF reader saw on 1-based page `page` (text runs with their
/// positions, the columns and rows it found, the grid): `plantab debug`.
pub fn debug_pdf_page(bytes: &[u8], page: u32) -> Result<String, ExtractError> {
    Ok(plantab_pdf::debug_page(bytes, page)?)
}

/// [`debug_pdf_page`] with the table finder's [`Overrides`].
pub fn debug_pdf_page_with(bytes: &[u8], page: u32, o: &Overrides) -> Result<String, ExtractError> {
    Ok(plantab_pdf::debug_page_with(bytes, page, o)?)
}

/// A picture of what the PDF reader saw on 1-based page `page`, as SVG
/// (see [`plantab_pdf::debug_svg`]), each column labelled with the key the
/// later stages gave it (the page read on its own, so a table continued
/// from the page before is labelled as a table of its own would be).
/// `text_as_paths` draws labels as bitmap-font paths (needed for
/// [`debug_pdf_png`], whose rasteriser has no fonts).
pub fn debug_pdf_svg(
    bytes: &[u8],
    page: u32,
    o: &Overrides,
    text_as_paths: bool,
) -> Result<String, ExtractError> {
    let labels = page_labels(bytes, page, o);
    Ok(plantab_pdf::debug_svg(
        bytes,
        page,
        o,
        &labels,
        plantab_pdf::SvgStyle { text_as_paths },
    )?)
}

/// [`debug_pdf_svg`] rasterised to PNG (pure Rust), `scale` pixels per PDF
/// point.
pub fn debug_pdf_png(
    bytes: &[u8],
    page: u32,
    o: &Overrides,
    scale: f32,
) -> Result<Vec<u8>, ExtractError> {
    let svg = debug_pdf_svg(bytes, page, o, true)?;
    Ok(plantab_pdf::svg_to_png(&svg, scale)?)
}

/// The column keys of the tables on one page, with their boxes; empty
/// when the page does not read (the picture then says what it can).
fn page_labels(bytes: &[u8], page: u32, o: &Overrides) -> Vec<plantab_pdf::TableLabels> {
    let Ok(set) = PageSet::parse(&page.to_string()) else {
        return Vec::new();
    };
    let o = Overrides {
        pages: Some(set),
        ..o.clone()
    };
    let Ok(doc) = extract_input_with(Input::new("", bytes), &o) else {
        return Vec::new();
    };
    doc.tables
        .iter()
        .filter_map(|t| {
            let b = t.bbox.iter().find(|b| b.page == page)?;
            Some(plantab_pdf::TableLabels {
                bbox: plantab_model::BBox {
                    x0: b.bbox[0],
                    y0: b.bbox[1],
                    x1: b.bbox[2],
                    y1: b.bbox[3],
                },
                columns: t.columns.iter().map(|c| c.key.clone()).collect(),
            })
        })
        .collect()
}

/// The tables stage alone.
pub fn rebuild(layout: Layout) -> RebuiltDocument {
    plantab_tables::rebuild(layout)
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
