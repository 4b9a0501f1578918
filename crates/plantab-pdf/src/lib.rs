//! # plantab-pdf
//!
//! The PDF reader: glyphs → words → lines → ruled grids → table fragments,
//! and the text around them as paragraphs and headings, in reading order.
//!
//! - [`read_pdf`]: bytes → [`Layout`] (or a [`PdfError`] saying why not);
//!   [`read_pdf_with_options`] chooses the limits and whether the pages of
//!   one file are read in parallel.
//! - [`debug_page`]: what the reader saw on one page, for `plantab debug`.
//! - [`GlyphSource`]: the glyph library behind the reader (the `pdfplumber`
//!   crate by default; [`layout_from_source`] reads any other source).
//!
//! - [`read_pdf_with`]: the same with a chosen [`Backend`]. The default is
//!   the `pdfplumber` crate; build with `--features pdf-extract` and pass
//!   `Backend::PdfExtract` to read glyphs with the `pdf-extract` crate instead
//!   (a check on the default, and for users of that library; it is less
//!   robust: see `source_pdfextract`).
//!
//! Layout coordinates are PDF points with the origin at the page's bottom
//! left.

#![warn(missing_docs)]

pub mod align;
mod debug;
pub mod grid;
pub mod limits;
pub mod lines;
pub mod options;
pub mod page;
pub mod source;
#[cfg(feature = "pdf-extract")]
pub mod source_pdfextract;
pub mod table;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use plantab_model::{
    BBox, Block, ErrorCode, FragmentRow, Layout, SourceFormat, TableFragment, TextBlock, Warning,
    WarningCode,
};

pub use debug::{debug_page, debug_page_with, debug_svg, page_svg, SvgStyle, TableLabels};
#[cfg(feature = "png")]
pub use debug::{svg_to_png, RenderError};
pub use limits::Limits;
pub use options::{parse_columns, Area, OptionError, Overrides, PageSet, Strategy};
pub use page::{analyse, analyse_with, PageAnalysis};
pub use source::{GlyphSource, PageGlyphs, PlumberSource};

/// Why a PDF could not be read. `Display` is the reason alone (the code is
/// [`PdfError::code`]); an underlying library error is kept as the
/// [`std::error::Error::source`].
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Password-protected, and no password was given.
    #[error("{0}")]
    Encrypted(String),
    /// Password-protected, and the password given does not open it.
    #[error("the password given does not open this PDF (neither its user nor its owner password)")]
    WrongPassword {
        /// The PDF library's own error.
        #[source]
        source: Option<BoxError>,
    },
    /// No text layer (scanned / image-only).
    #[error("{0}")]
    NoTextLayer(String),
    /// Not a PDF, or damaged beyond repair.
    #[error("{reason}")]
    Malformed {
        /// What is wrong, for a person.
        reason: String,
        /// The PDF library's own error, when it gave one.
        #[source]
        source: Option<BoxError>,
    },
    /// Over a resource limit (see [`Limits`]): a decompression bomb, too
    /// many objects or operators, too deep nesting.
    #[error("{0}")]
    LimitExceeded(String),
    /// A page asked for by number that the PDF does not have (a usage
    /// error of the caller, not a fault of the file).
    #[error("page {page} does not exist (the PDF has {pages} page(s))")]
    NoSuchPage {
        /// The 1-based page asked for.
        page: u32,
        /// How many pages the PDF has.
        pages: usize,
    },
}

/// A library error kept as the source of a [`PdfError`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

impl PdfError {
    /// A [`PdfError::Malformed`] with no underlying error.
    pub fn malformed(reason: impl Into<String>) -> Self {
        PdfError::Malformed {
            reason: reason.into(),
            source: None,
        }
    }

    /// A [`PdfError::Malformed`] caused by a library error.
    pub fn malformed_by(
        reason: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        PdfError::Malformed {
            reason: reason.into(),
            source: Some(Box::new(source)),
        }
    }

    /// The stable error code. [`PdfError::NoSuchPage`] has none of its
    /// own: it is the caller's mistake, reported as `malformed` only by a
    /// caller that does not check page numbers first.
    pub fn code(&self) -> ErrorCode {
        match self {
            PdfError::Encrypted(_) => ErrorCode::Encrypted,
            PdfError::WrongPassword { .. } => ErrorCode::WrongPassword,
            PdfError::NoTextLayer(_) => ErrorCode::NoTextLayer,
            PdfError::Malformed { .. } | PdfError::NoSuchPage { .. } => ErrorCode::Malformed,
            PdfError::LimitExceeded(_) => ErrorCode::LimitExceeded,
        }
    }

    /// The reason with its causes, `reason: cause: cause…`, for one line
    /// of a log or manifest.
    pub fn reason(&self) -> String {
        error_chain(self)
    }
}

/// An error and its chain of sources, joined by `": "`.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !s.contains(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        cause = c.source();
    }
    s
}

/// The message of a caught panic's payload (`panic!("…")` gives a `&str`
/// or a `String`; anything else is reported as `panic`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

const ENCRYPTED_MSG: &str =
    "password-protected; give its password (plantab: --password or PLANTAB_PASSWORD), or decrypt it first (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)";

/// A password-protected PDF opened with `password` (its user or its owner
/// password) and written back without encryption, for the readers that
/// follow; `None` when the PDF is not encrypted (its bytes are read as
/// they are). The limits pre-pass ([`limits::check`]) runs on the bytes as
/// given before any library parses them, and the reader checks the
/// decrypted bytes again.
///
/// Errors: [`PdfError::WrongPassword`] when the password opens neither
/// way; [`PdfError::Malformed`] when the file does not load (or uses an
/// encryption the library does not support); [`PdfError::LimitExceeded`]
/// as [`read_pdf`].
pub fn decrypt(bytes: &[u8], password: &str, limits: &Limits) -> Result<Option<Vec<u8>>, PdfError> {
    check_signature(bytes)?;
    limits::check(bytes, limits)?;
    guarded(|| {
        let probe = lopdf::Document::load_mem(bytes)
            .map_err(|e| PdfError::malformed_by("cannot load the PDF to decrypt it", e))?;
        if !probe.is_encrypted() {
            return Ok(None);
        }
        if let Err(e) = probe.authenticate_password(password) {
            return Err(match e {
                lopdf::Error::InvalidPassword
                | lopdf::Error::Decryption(lopdf::encryption::DecryptionError::IncorrectPassword) => {
                    PdfError::WrongPassword {
                        source: Some(Box::new(e)),
                    }
                }
                lopdf::Error::Decryption(
                    lopdf::encryption::DecryptionError::UnsupportedEncryption,
                ) => PdfError::malformed_by(
                    "its encryption is not one plantab can open; decrypt it first (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)",
                    e,
                ),
                e => PdfError::malformed_by("cannot decrypt this PDF", e),
            });
        }
        let mut doc = lopdf::Document::load_mem_with_options(
            bytes,
            lopdf::LoadOptions::with_password(password),
        )
        .map_err(|e| PdfError::malformed_by("cannot decrypt this PDF", e))?;
        // Written back plain: no encryption state to re-apply on save.
        doc.encryption_state = None;
        let mut out = Vec::with_capacity(bytes.len());
        doc.save_to(&mut out)
            .map_err(|e| PdfError::malformed_by("cannot write the decrypted PDF", e))?;
        Ok(Some(out))
    })
}

/// Runs `f`, a call into a PDF library, turning a panic inside it into a
/// `Malformed` error. Only calls into the libraries go through here: a
/// panic in plantab's own code is a bug, and must reach the caller as one
/// (the batch reports it as `internal_error`).
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(PdfError::malformed(format!(
            "internal: the PDF library failed on this file ({}); the file may be damaged",
            panic_message(payload.as_ref())
        ))),
    }
}

/// Reads a PDF into a layout.
///
/// Errors: [`PdfError::Encrypted`] for a password-protected file,
/// [`PdfError::NoTextLayer`] when no page has text (scanned / image-only),
/// [`PdfError::Malformed`] for anything that is not a readable PDF,
/// [`PdfError::LimitExceeded`] for a file over the default [`Limits`].
pub fn read_pdf(bytes: &[u8]) -> Result<Layout, PdfError> {
    read_pdf_with_limits(bytes, &Limits::default())
}

/// [`read_pdf`] with chosen resource limits: a file over any of them is
/// refused with [`PdfError::LimitExceeded`] by a structural pre-pass
/// ([`limits::check`]) before any PDF library reads it.
pub fn read_pdf_with_limits(bytes: &[u8], limits: &Limits) -> Result<Layout, PdfError> {
    read_pdf_with_options(
        bytes,
        &ReadOptions {
            limits: limits.clone(),
            ..ReadOptions::default()
        },
    )
}

/// How [`read_pdf_with_options`] reads a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// The resource limits checked before reading (see [`Limits`]).
    pub limits: Limits,
    /// Read and analyse the pages of a multi-page file on rayon's thread
    /// pool (the current one, normally the global pool) instead of one
    /// after another. The layout is the same either way; this pays when
    /// cores would otherwise idle (one large file), not when a batch
    /// already keeps every core busy with other files.
    pub parallel_pages: bool,
    /// The table finder's overrides: pages, areas, column separators,
    /// strategy (see [`Overrides`]).
    pub overrides: Overrides,
}

/// [`read_pdf`] with chosen [`ReadOptions`].
pub fn read_pdf_with_options(bytes: &[u8], options: &ReadOptions) -> Result<Layout, PdfError> {
    let (src, mut warnings) = open_with_limits(bytes, &options.limits)?;
    let o = &options.overrides;
    let mut layout = if options.parallel_pages && src.page_count() > 1 {
        layout_from_source_parallel_with(&src, o)?
    } else {
        layout_from_source_with(&src, o)?
    };
    warnings.append(&mut layout.warnings);
    layout.warnings = warnings;
    Ok(layout)
}

/// Which library reads the glyphs of a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    /// The `pdfplumber` crate (the default; what [`read_pdf`] uses).
    #[default]
    Pdfplumber,
    /// The `pdf-extract` crate (cargo feature `pdf-extract`), through
    /// [`source_pdfextract::PdfExtractSource`].
    #[cfg(feature = "pdf-extract")]
    PdfExtract,
}

/// Reads a PDF into a layout with the chosen glyph [`Backend`]; the errors
/// are those of [`read_pdf`] (a panic inside the library becomes
/// [`PdfError::Malformed`] with a reason starting `internal:`).
pub fn read_pdf_with(bytes: &[u8], backend: Backend) -> Result<Layout, PdfError> {
    match backend {
        Backend::Pdfplumber => read_pdf(bytes),
        #[cfg(feature = "pdf-extract")]
        Backend::PdfExtract => source_pdfextract::read(bytes),
    }
}

/// Opens a PDF with the default glyph source, repairing it through lopdf
/// when it does not open as it is; checks the default [`Limits`] first.
pub fn open(bytes: &[u8]) -> Result<(PlumberSource, Vec<Warning>), PdfError> {
    open_with_limits(bytes, &Limits::default())
}

/// [`open`] with chosen resource limits.
pub fn open_with_limits(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(PlumberSource, Vec<Warning>), PdfError> {
    open_inner(bytes, limits)
}

/// The glyph library's options: page content only (no structure tree,
/// outline, metadata, annotations or form fields: plantab reads none of
/// them, and each is a walk a hostile file can make exponential), and the
/// per-page budgets of `limits` enforced while a page is interpreted.
fn options(limits: &Limits) -> pdfplumber::ExtractOptions {
    pdfplumber::ExtractOptions {
        collect_warnings: false,
        content_only: true,
        max_operators_per_page: Some(
            usize::try_from(limits.max_operators_per_page).unwrap_or(usize::MAX),
        ),
        max_emitted_per_page: Some(usize::try_from(limits.max_page_objects).unwrap_or(usize::MAX)),
        max_pages: Some(usize::try_from(limits.max_pages).unwrap_or(usize::MAX)),
        ..pdfplumber::ExtractOptions::default()
    }
}

/// True when `bytes` carry the PDF signature `%PDF-` within their first
/// KiB (where readers accept it).
pub fn has_pdf_signature(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The checks every glyph source makes before parsing: not empty, and a PDF
/// signature.
pub(crate) fn check_signature(bytes: &[u8]) -> Result<(), PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::malformed("empty file (0 bytes)"));
    }
    if !has_pdf_signature(bytes) {
        return Err(PdfError::malformed(
            "not a PDF (no %PDF- header); check the file type",
        ));
    }
    Ok(())
}

fn open_inner(bytes: &[u8], limits: &Limits) -> Result<(PlumberSource, Vec<Warning>), PdfError> {
    check_signature(bytes)?;
    limits::check(bytes, limits)?;
    // Only the library calls are guarded (see `guarded`).
    let first = guarded(|| Ok(pdfplumber::Pdf::open_bytes(bytes, Some(options(limits)))))?;
    let cause: Option<BoxError> = match first {
        Ok(pdf) if pdf.page_count() > 0 => return Ok((PlumberSource::new(pdf), Vec::new())),
        Ok(_) => None,
        Err(e) => {
            use pdfplumber::PdfErrorKind as K;
            if matches!(e.kind(), K::PasswordRequired | K::InvalidPassword) {
                return Err(PdfError::Encrypted(ENCRYPTED_MSG.into()));
            }
            // Over a limit (the page count): no repair makes it smaller.
            if e.resource_limit().is_some_and(|l| l.name == "max_pages") {
                return Err(limits::pages_exceeded(limits.max_pages));
            }
            Some(Box::new(e))
        }
    };
    // Recovery: load with lopdf, save to memory, open again.
    if let Ok(Ok(mut doc)) = catch_unwind(AssertUnwindSafe(|| lopdf::Document::load_mem(bytes))) {
        if doc.is_encrypted() {
            return Err(PdfError::Encrypted(ENCRYPTED_MSG.into()));
        }
        let mut buf = Vec::new();
        let saved = catch_unwind(AssertUnwindSafe(|| doc.save_to(&mut buf)));
        if matches!(saved, Ok(Ok(_))) {
            if let Ok(Ok(pdf)) =
                guarded(|| Ok(pdfplumber::Pdf::open_bytes(&buf, Some(options(limits)))))
            {
                if pdf.page_count() > 0 {
                    return Ok((PlumberSource::new(pdf), vec![repaired_warning()]));
                }
            }
        }
    }
    if let Ok(Ok((pdf, _))) = guarded(|| {
        Ok(pdfplumber::Pdf::open_bytes_with_repair(
            bytes,
            Some(options(limits)),
            None,
        ))
    }) {
        if pdf.page_count() > 0 {
            return Ok((PlumberSource::new(pdf), vec![repaired_warning()]));
        }
    }
    let reason =
        "damaged beyond repair; try re-saving it with another tool (e.g. `qpdf in.pdf out.pdf`)";
    Err(match cause {
        Some(source) => PdfError::Malformed {
            reason: reason.to_string(),
            source: Some(source),
        },
        None => PdfError::malformed(format!("{reason} (the page tree is empty or unreadable)")),
    })
}

fn repaired_warning() -> Warning {
    Warning::new(
        WarningCode::PdfRepaired,
        "the PDF is damaged; it was read after a structural repair, so some content may be missing",
    )
}

/// Reads every page of a glyph source into a layout.
pub fn layout_from_source(src: &dyn GlyphSource) -> Result<Layout, PdfError> {
    layout_from_source_with(src, &Overrides::default())
}

/// [`layout_from_source`] with the finder's [`Overrides`]: only the pages
/// of `o.pages` are read.
pub fn layout_from_source_with(src: &dyn GlyphSource, o: &Overrides) -> Result<Layout, PdfError> {
    let n = src.page_count();
    let (chosen, mut warnings) = chosen_pages(n, o);
    let mut pages = Vec::with_capacity(chosen.len());
    for &i in &chosen {
        let page = read_page(src, i, o);
        // A page over a limit fails the file: no need to read on.
        if let Err(e @ PdfError::LimitExceeded(_)) = page {
            return Err(e);
        }
        pages.push((i, page));
    }
    let mut layout = assemble(n, pages)?;
    warnings.append(&mut layout.warnings);
    layout.warnings = warnings;
    Ok(layout)
}

/// [`layout_from_source`] with the pages read and analysed in parallel on
/// rayon's current thread pool; the result is the same.
pub fn layout_from_source_parallel<S: GlyphSource + Sync>(src: &S) -> Result<Layout, PdfError> {
    layout_from_source_parallel_with(src, &Overrides::default())
}

/// [`layout_from_source_with`], the pages read in parallel.
pub fn layout_from_source_parallel_with<S: GlyphSource + Sync>(
    src: &S,
    o: &Overrides,
) -> Result<Layout, PdfError> {
    use rayon::prelude::*;
    let n = src.page_count();
    let (chosen, mut warnings) = chosen_pages(n, o);
    let pages: Vec<_> = chosen
        .into_par_iter()
        .map(|i| (i, read_page(src, i, o)))
        .collect();
    let mut layout = assemble(n, pages)?;
    warnings.append(&mut layout.warnings);
    layout.warnings = warnings;
    Ok(layout)
}

/// The 0-based indices of the pages to read, and a warning for pages asked
/// for that the document does not have.
fn chosen_pages(n: usize, o: &Overrides) -> (Vec<usize>, Vec<Warning>) {
    let Some(set) = &o.pages else {
        return ((0..n).collect(), Vec::new());
    };
    let count = u32::try_from(n).unwrap_or(u32::MAX);
    let chosen: Vec<usize> = set
        .pages_of(count)
        .into_iter()
        .map(|p| p as usize - 1)
        .collect();
    let mut warnings = Vec::new();
    if chosen.is_empty() {
        warnings.push(Warning::new(
            WarningCode::PagesNotFound,
            format!(
                "none of the pages asked for ({set}) is in the document, which has {n} page(s)"
            ),
        ));
    } else if set.last_named().is_some_and(|p| p > count) {
        warnings.push(Warning::new(
            WarningCode::PagesNotFound,
            format!("some pages asked for ({set}) are past the document's last page ({n})"),
        ));
    }
    (chosen, warnings)
}

/// A page analysed and whether it has text, or why it could not be read.
type PageResult = Result<(PageAnalysis, bool), PdfError>;

/// One page's glyphs analysed, and whether it has any text; a panic in the
/// glyph library is this page's error (the source guards its library
/// calls), a panic in the analysis is a bug and propagates.
fn read_page<S: GlyphSource + ?Sized>(src: &S, index: usize, o: &Overrides) -> PageResult {
    let glyphs = src.page(index)?;
    let has_text = glyphs.has_text();
    Ok((analyse_with(&glyphs, o), has_text))
}

/// The layout of a document of `n` pages from the pages read (0-based
/// index and result, in page order): unreadable pages become warnings, the
/// rest blocks.
fn assemble(n: usize, results: Vec<(usize, PageResult)>) -> Result<Layout, PdfError> {
    let mut warnings = Vec::new();
    let mut pages: Vec<PageAnalysis> = Vec::with_capacity(results.len());
    let mut any_text = false;
    // A page over a resource limit fails the file (as the pre-pass does):
    // the first in page order is the one reported.
    let mut checked = Vec::with_capacity(results.len());
    for (i, r) in results {
        match r {
            Err(e @ PdfError::LimitExceeded(_)) => return Err(e),
            other => checked.push((i, other)),
        }
    }
    let asked = checked.len();
    if asked == 0 {
        return Ok(Layout {
            format: SourceFormat::Pdf,
            pages: Some(u32::try_from(n).unwrap_or(u32::MAX)),
            blocks: Vec::new(),
            warnings,
        });
    }
    for (i, res) in checked {
        let page_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        match res {
            Ok((a, has_text)) => {
                any_text |= has_text;
                pages.push(a);
            }
            Err(e) => warnings.push(
                Warning::new(
                    WarningCode::PageUnreadable,
                    format!("page {page_no} could not be read: {}", e.reason()),
                )
                .on_page(Some(page_no)),
            ),
        }
    }
    let of = if asked == n {
        format!("its {n}")
    } else {
        format!("the {asked} chosen of its {n}")
    };
    if pages.is_empty() {
        return Err(PdfError::malformed(format!(
            "none of {of} pages could be read; the file may be damaged"
        )));
    }
    if !any_text {
        return Err(PdfError::NoTextLayer(format!(
            "no text layer on any of {of} page(s) (scanned or image-only); run OCR first (e.g. `ocrmypdf in.pdf out.pdf`)"
        )));
    }
    let body = body_size(&pages);
    let mut blocks = Vec::new();
    for p in &pages {
        page_blocks(p, body, &mut blocks, &mut warnings);
    }
    Ok(Layout {
        format: SourceFormat::Pdf,
        pages: Some(u32::try_from(n).unwrap_or(u32::MAX)),
        blocks,
        warnings,
    })
}

/// The body text size: the most common size of paragraph text outside
/// tables, weighted by text length.
fn body_size(pages: &[PageAnalysis]) -> f64 {
    let mut hist: HashMap<i64, usize> = HashMap::new();
    for p in pages {
        for para in &p.paras {
            for l in &para.lines {
                *hist.entry((l.size * 2.0).round() as i64).or_default() += l.text.len();
            }
        }
    }
    hist.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(10.0, |(k, _)| k as f64 / 2.0)
}

fn heading_level(p: &page::Para, body: f64) -> Option<u8> {
    if p.size >= body * 1.3 {
        return Some(1);
    }
    if p.size >= body * 1.12 {
        return Some(2);
    }
    let chars: usize = p.lines.iter().map(|l| l.text.len()).sum();
    let ends_sentence = p
        .lines
        .last()
        .is_some_and(|l| l.text.ends_with('.') || l.text.ends_with(':'));
    if p.bold && p.lines.len() <= 2 && chars <= 120 && !ends_sentence {
        return Some(2);
    }
    None
}

/// Converts a top-left box to a layout box on a page of height `h`.
fn to_bbox(h: f64, x0: f64, top: f64, x1: f64, bottom: f64) -> BBox {
    BBox {
        x0,
        y0: h - bottom,
        x1,
        y1: h - top,
    }
}

fn page_blocks(p: &PageAnalysis, body: f64, out: &mut Vec<Block>, warnings: &mut Vec<Warning>) {
    let h = p.height;
    let mut items: Vec<(f64, f64, Block)> = Vec::new();
    for para in &p.paras {
        items.push((
            para.top,
            para.x0,
            Block::Text(TextBlock {
                text: para.text(),
                page: Some(p.number),
                line: None,
                heading: heading_level(para, body),
                bbox: Some(to_bbox(h, para.x0, para.top, para.x1, para.bottom)),
            }),
        ));
    }
    for t in &p.tables {
        let g = &t.grid;
        let (x0, top, x1, bottom) = g.bounds();
        for (r, text) in t.titles() {
            let (Some(&rt), Some(&rb)) = (g.ys.get(r), g.ys.get(r + 1)) else {
                continue;
            };
            items.push((
                rt,
                x0,
                Block::Text(TextBlock {
                    text,
                    page: Some(p.number),
                    line: None,
                    heading: Some(2),
                    bbox: Some(to_bbox(h, x0, rt, x1, rb)),
                }),
            ));
        }
        let first_row = g.ys.get(t.title_rows).copied().unwrap_or(top);
        let rows = t
            .body()
            .into_iter()
            .map(|b| {
                let (rt, rb) = (
                    g.ys.get(b.row).copied().unwrap_or(top),
                    g.ys.get(b.row + 1).copied().unwrap_or(bottom),
                );
                FragmentRow {
                    cells: b.cells,
                    spanning: b.spanning,
                    line: None,
                    bbox: Some(to_bbox(h, x0, rt, x1, rb)),
                    spans: b.spans,
                }
            })
            .collect();
        if !t.header_extra.is_empty() {
            warnings.push(
                Warning::new(
                    WarningCode::HeaderGroup,
                    format!(
                        "table header text kept out of the column labels: {}",
                        t.header_extra.join("; ")
                    ),
                )
                .on_page(Some(p.number)),
            );
        }
        items.push((
            first_row,
            x0,
            Block::Table(TableFragment {
                page: Some(p.number),
                header: t.header.clone(),
                rows,
                bbox: Some(to_bbox(h, x0, first_row, x1, bottom)),
                line: None,
                header_cells: t.header_cells(),
            }),
        ));
    }
    for (top, legend) in &p.swatch_legends {
        items.push((*top, 0.0, Block::Legend(legend.clone())));
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    out.extend(items.into_iter().map(|(_, _, b)| b));
}
