//! The `pdf-extract` crate as an alternative [`GlyphSource`] (cargo feature
//! `pdf-extract`, off by default; choose it with
//! [`crate::read_pdf_with`]`(bytes, `[`crate::Backend::PdfExtract`]`)`).
//!
//! pdf-extract interprets each page's content stream and calls an
//! [`OutputDev`] with every character (its text-rendering matrix, advance
//! width and font size) and every stroked or filled path. It does not say
//! which font a character is in, nor the colour of `g`/`rg`/`k` fills, so a
//! small shadow pass walks the same content stream alongside it and records,
//! for each text-showing string and each fill, the font (name and descent)
//! and the fill colour in force; the two are matched by count, and when the
//! counts disagree the shadow facts are dropped (with a warning) rather than
//! misapplied.
//!
//! Boxes are built the way pdfminer / pdfplumber build them (bottom at the
//! baseline plus the font's descent, height = font size), in the same
//! top-left page coordinates as [`crate::PlumberSource`], with the page's
//! `/Rotate` applied.
//!
//! Known limits of pdf-extract (0.12): it does not implement the `'` and `"`
//! text operators (their text is missing: the shadow pass counts them and a
//! `pdf_extract_skipped_text` warning says so), ignores `f*`, `B`, `b` and
//! `s` paths, and panics on some inputs: every call into it runs under
//! `catch_unwind`, and a panic becomes [`PdfError::Malformed`]`("internal: …")`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::content::Content;
use pdf_extract::{
    ColorSpace, Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Path,
    PathOp, Transform,
};
use plantab_model::{Layout, Warning, WarningCode};

use crate::source::{
    push_box_rulings, push_fill_edges, thin_polygon, Dir, Fill, FontInfo, Glyph, GlyphSource,
    PageGlyphs,
};
use crate::{layout_from_source, PdfError, ENCRYPTED_MSG};

/// Thickness below which a filled rectangle is a ruling, not a fill (as in
/// the pdfplumber source).
const THIN: f64 = 3.0;

/// How deep form XObjects may nest before the shadow pass stops following
/// them.
const MAX_FORM_DEPTH: usize = 12;

/// The `pdf-extract` crate as a glyph source.
pub struct PdfExtractSource {
    doc: Document,
    /// Page numbers (1-based, as pdf-extract numbers them) and page objects.
    pages: Vec<(u32, ObjectId)>,
    warnings: RefCell<Vec<Warning>>,
    /// The first panic inside pdf-extract, reported when no page was read.
    panic: RefCell<Option<PdfError>>,
}

/// Turns a panic payload into a `Malformed("internal: …")` error.
fn panic_error(payload: &(dyn std::any::Any + Send)) -> PdfError {
    PdfError::malformed(format!(
        "internal: pdf-extract failed on this file ({}); the file may be damaged or use a feature it does not support",
        crate::panic_message(payload)
    ))
}

/// Runs `f` and turns a panic into `Malformed("internal: …")`.
fn shielded<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(panic_error(payload.as_ref())),
    }
}

impl PdfExtractSource {
    /// Opens a PDF with pdf-extract's loader (lopdf 0.42).
    ///
    /// Errors: `Malformed` for an empty file, a file without a `%PDF-`
    /// header, one lopdf cannot load or that has no pages (and for a panic
    /// inside the library); `Encrypted` for a password-protected file.
    pub fn open(bytes: &[u8]) -> Result<PdfExtractSource, PdfError> {
        crate::check_signature(bytes)?;
        shielded(|| {
            let doc = Document::load_mem(bytes).map_err(|e| {
                PdfError::malformed_by(
                    "pdf-extract could not load it; try the default backend, which repairs damaged files",
                    e,
                )
            })?;
            if doc.is_encrypted() {
                return Err(PdfError::Encrypted(ENCRYPTED_MSG.into()));
            }
            let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
            if pages.is_empty() {
                return Err(PdfError::malformed("the page tree is empty or unreadable"));
            }
            Ok(PdfExtractSource {
                doc,
                pages,
                warnings: RefCell::new(Vec::new()),
                panic: RefCell::new(None),
            })
        })
    }

    /// Warnings gathered while reading pages (text pdf-extract skipped,
    /// fonts it could not be matched with), taken out of the source.
    pub fn take_warnings(&self) -> Vec<Warning> {
        std::mem::take(&mut *self.warnings.borrow_mut())
    }

    fn warn(&self, page: u32, code: WarningCode, msg: String) {
        self.warnings
            .borrow_mut()
            .push(Warning::new(code, msg).on_page(Some(page)));
    }
}

/// Reads a PDF into a layout with pdf-extract as the glyph source.
pub(crate) fn read(bytes: &[u8]) -> Result<Layout, PdfError> {
    let src = PdfExtractSource::open(bytes)?;
    // Only the calls into pdf-extract are shielded (in `page`): a panic in
    // plantab's own analysis is a bug and propagates.
    let mut layout = match layout_from_source(&src) {
        Ok(l) => l,
        // No page could be read: say it was the library that failed.
        Err(e @ PdfError::Malformed { .. }) => return Err(src.panic.take().unwrap_or(e)),
        Err(e) => return Err(e),
    };
    let mut warnings = src.take_warnings();
    warnings.append(&mut layout.warnings);
    layout.warnings = warnings;
    Ok(layout)
}

impl GlyphSource for PdfExtractSource {
    fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn page(&self, index: usize) -> Result<PageGlyphs, PdfError> {
        let &(page_num, page_id) = self
            .pages
            .get(index)
            .ok_or_else(|| PdfError::malformed(format!("no page {}", index + 1)))?;
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let doc = &self.doc;
        let page_dict = doc
            .get_dictionary(page_id)
            .map_err(|e| PdfError::malformed_by(format!("page {number} could not be read"), e))?;
        let rotation = inherited(doc, page_dict, b"Rotate")
            .and_then(num)
            .map_or(0, |r| (r.round() as i64).rem_euclid(360));
        // The shadow pass first: fonts and fill colours in content order.
        let shadow = shielded(|| Ok(Shadow::of_page(doc, page_id, page_dict))).unwrap_or_default();
        let mut dev = Collector::new(number, rotation, &shadow);
        let res = match catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(doc, &mut dev, page_num)
        })) {
            Ok(r) => r.map_err(|e| PdfError::malformed(format!("page {number}: {e}"))),
            Err(payload) => {
                let err = panic_error(payload.as_ref());
                let mut first = self.panic.borrow_mut();
                if first.is_none() {
                    *first = Some(PdfError::malformed(err.reason()));
                }
                Err(err)
            }
        };
        res?;
        if shadow.quote_ops > 0 {
            self.warn(
                number,
                WarningCode::PdfExtractSkippedText,
                format!(
                    "page {number}: {} text string(s) shown with the ' or \" operator are missing (pdf-extract does not implement them); read the file with the default backend",
                    shadow.quote_ops
                ),
            );
        }
        let (out, fonts_ok) = dev.finish();
        if !fonts_ok && out.has_text() {
            self.warn(
                number,
                WarningCode::PdfExtractFontsUnmatched,
                format!(
                    "page {number}: fonts could not be matched to the text pdf-extract reported, so bold text is not recognised on this page"
                ),
            );
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------
// Small lopdf helpers.

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().map(|o| deref(doc, o))
}

fn inherited<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut cur = d;
    for _ in 0..32 {
        if let Some(o) = dict_get(doc, cur, key) {
            return Some(o);
        }
        cur = dict_get(doc, cur, b"Parent")?.as_dict().ok()?;
    }
    None
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(f) => Some(f64::from(*f)),
        _ => None,
    }
}

fn name_str(o: &Object) -> Option<String> {
    o.as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

// ---------------------------------------------------------------------------
// The shadow pass.

/// A font as the shadow pass resolved it.
#[derive(Debug, Clone)]
struct ShadowFont {
    info: FontInfo,
    /// Descent as a fraction of the font size (negative below the baseline).
    descent: f64,
    /// For a composite font with 2-byte identity codes: its glyph widths
    /// (thousandths of the font size) and default width, read in full.
    cid_widths: Option<(HashMap<u32, f64>, f64)>,
}

/// One text-showing string, as the shadow pass saw it.
#[derive(Debug, Clone)]
struct Show {
    /// Font (index into [`Shadow::fonts`]).
    font: Option<usize>,
    /// Whether the text matrix was set anew (BT, ET, Tm, Td, TD, T*, Q)
    /// since the previous string.
    reset: bool,
    /// Horizontal scaling (`Tz` / 100).
    hs: f64,
    /// Character codes, when the font has `cid_widths`.
    codes: Option<Vec<u32>>,
}

/// What the shadow pass learned about one page, in content order.
#[derive(Debug, Default)]
struct Shadow {
    fonts: Vec<ShadowFont>,
    /// Font (index into `fonts`) of each text-showing string, in the order
    /// pdf-extract shows them (`Tj`, and each string of a `TJ` array).
    shows: Vec<Show>,
    /// Fill colour of each `f`/`F` fill.
    fills: Vec<Option<[f32; 3]>>,
    /// Number of `S` strokes.
    strokes: usize,
    /// Number of `'` and `"` operators (text pdf-extract skips).
    quote_ops: usize,
}

#[derive(Clone)]
struct ShadowState {
    font: Option<usize>,
    hs: f64,
    fill: Option<[f32; 3]>,
}

impl Shadow {
    fn of_page(doc: &Document, page_id: ObjectId, page_dict: &Dictionary) -> Shadow {
        let mut s = Shadow::default();
        let Ok(content) = doc.get_page_content(page_id) else {
            return s;
        };
        let resources = inherited(doc, page_dict, b"Resources").and_then(|o| o.as_dict().ok());
        let mut st = ShadowState {
            font: None,
            hs: 1.0,
            fill: Some([0.0, 0.0, 0.0]),
        };
        s.walk(doc, &content, resources, &mut st, 0);
        s
    }

    fn push_show(&mut self, st: &ShadowState, bytes: &[u8], reset: &mut bool) {
        let codes = st
            .font
            .and_then(|f| self.fonts.get(f))
            .filter(|f| f.cid_widths.is_some())
            .map(|_| {
                bytes
                    .chunks(2)
                    .map(|c| c.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
                    .collect()
            });
        self.shows.push(Show {
            font: st.font,
            reset: std::mem::take(reset),
            hs: st.hs,
            codes,
        });
    }

    fn font_index(&mut self, doc: &Document, font: &Dictionary) -> usize {
        let name = dict_get(doc, font, b"BaseFont")
            .and_then(name_str)
            .unwrap_or_default();
        // The descriptor: the font's own, or its descendant's (Type0).
        let descriptor = dict_get(doc, font, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .or_else(|| {
                let desc = dict_get(doc, font, b"DescendantFonts")?.as_array().ok()?;
                let first = deref(doc, desc.first()?).as_dict().ok()?;
                dict_get(doc, first, b"FontDescriptor")?.as_dict().ok()
            });
        // As pdfminer: the standard 14 fonts (by exact name) take their
        // AFM descent; otherwise the descriptor's, made negative.
        let descent = standard_descent(&name)
            .or_else(|| {
                descriptor
                    .and_then(|d| dict_get(doc, d, b"Descent"))
                    .and_then(num)
                    .filter(|d| d.is_finite() && d.abs() < 2000.0)
                    .map(|d| -d.abs())
            })
            .map_or(0.0, |d| d / 1000.0);
        let cid_widths = cid_widths(doc, font);
        if let Some(i) = self
            .fonts
            .iter()
            .position(|f| f.info.name == name && f.descent == descent && f.cid_widths == cid_widths)
        {
            return i;
        }
        self.fonts.push(ShadowFont {
            info: FontInfo::from_name(&name),
            descent,
            cid_widths,
        });
        self.fonts.len() - 1
    }

    fn walk(
        &mut self,
        doc: &Document,
        content: &[u8],
        resources: Option<&Dictionary>,
        st: &mut ShadowState,
        depth: usize,
    ) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut stack: Vec<ShadowState> = Vec::new();
        let mut reset = true;
        let mut fill_space_components: Option<usize> = None;
        for op in &content.operations {
            let operands = &op.operands;
            let nums: Vec<f64> = operands.iter().filter_map(num).collect();
            match op.operator.as_str() {
                "q" => stack.push(st.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        *st = s;
                    }
                    reset = true;
                }
                "BT" | "ET" | "Tm" | "Td" | "TD" | "T*" => reset = true,
                "Tz" => {
                    if let Some(v) = nums.first().filter(|v| v.is_finite() && **v != 0.0) {
                        st.hs = v / 100.0;
                    }
                }
                "Tf" => {
                    let font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| {
                            let fonts = dict_get(doc, resources?, b"Font")?.as_dict().ok()?;
                            dict_get(doc, fonts, n)?.as_dict().ok()
                        });
                    st.font = font.map(|f| self.font_index(doc, f));
                }
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = operands.first() {
                        self.push_show(st, bytes, &mut reset);
                    } else {
                        self.push_show(st, &[], &mut reset);
                    }
                }
                "TJ" => {
                    if let Some(Ok(arr)) = operands.first().map(Object::as_array) {
                        for e in arr {
                            if let Object::String(bytes, _) = e {
                                self.push_show(st, bytes, &mut reset);
                            }
                        }
                    }
                }
                "'" | "\"" => self.quote_ops += 1,
                "g" => st.fill = color_of(&nums, Some(1)),
                "rg" => st.fill = color_of(&nums, Some(3)),
                "k" => st.fill = color_of(&nums, Some(4)),
                "cs" => {
                    fill_space_components = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| colorspace_components(doc, resources, n));
                    st.fill = match fill_space_components {
                        Some(1) | Some(3) => Some([0.0, 0.0, 0.0]),
                        Some(4) => Some([0.0, 0.0, 0.0]),
                        _ => None,
                    };
                }
                "sc" | "scn" => {
                    st.fill = if operands.iter().any(|o| matches!(o, Object::Name(_))) {
                        None
                    } else {
                        color_of(&nums, fill_space_components)
                    };
                }
                "f" | "F" => self.fills.push(st.fill),
                "S" => self.strokes += 1,
                "Do" if depth < MAX_FORM_DEPTH => {
                    let form = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| {
                            let xobjects = dict_get(doc, resources?, b"XObject")?.as_dict().ok()?;
                            dict_get(doc, xobjects, n)?.as_stream().ok()
                        });
                    if let Some(form) = form {
                        let is_form = dict_get(doc, &form.dict, b"Subtype")
                            .and_then(|o| o.as_name().ok())
                            .is_some_and(|n| n == b"Form");
                        if is_form {
                            let data = form
                                .decompressed_content()
                                .unwrap_or_else(|_| form.content.clone());
                            let res = dict_get(doc, &form.dict, b"Resources")
                                .and_then(|o| o.as_dict().ok())
                                .or(resources);
                            // pdf-extract runs a form with a fresh graphics
                            // state (no font, default colour) and drops it
                            // afterwards; so does the shadow pass.
                            let mut inner = ShadowState {
                                font: None,
                                hs: 1.0,
                                fill: Some([0.0, 0.0, 0.0]),
                            };
                            self.walk(doc, &data, res, &mut inner, depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// The AFM descent of a standard font, by its exact name.
fn standard_descent(name: &str) -> Option<f64> {
    let family = name.split([',', '-']).next().unwrap_or(name);
    let exact = [
        "Courier",
        "Courier-Bold",
        "Courier-Oblique",
        "Courier-BoldOblique",
        "CourierNew",
        "CourierNew,Bold",
        "CourierNew,Italic",
        "CourierNew,BoldItalic",
        "Helvetica",
        "Helvetica-Oblique",
        "Arial",
        "Arial,Italic",
        "Helvetica-Bold",
        "Helvetica-BoldOblique",
        "Arial,Bold",
        "Arial,BoldItalic",
        "Times-Roman",
        "TimesNewRoman",
        "Times-Bold",
        "TimesNewRoman,Bold",
        "Times-Italic",
        "TimesNewRoman,Italic",
        "Times-BoldItalic",
        "TimesNewRoman,BoldItalic",
        "Symbol",
        "ZapfDingbats",
    ];
    if !exact.contains(&name) {
        return None;
    }
    Some(match family {
        "Courier" | "CourierNew" => -194.0,
        "Helvetica" | "Arial" => -207.0,
        "Times" | "TimesNewRoman" => -217.0,
        _ => 0.0,
    })
}

/// The full width table of a composite (Type0) font with 2-byte identity
/// codes: both forms of the `W` array (`c [w1 w2 …]` and `c_first c_last
/// w`), and `DW`. pdf-extract 0.12 reads only the first form (ranges fall
/// back to the default width), which misplaces glyphs after a ranged one;
/// the collector corrects advances with this table.
fn cid_widths(doc: &Document, font: &Dictionary) -> Option<(HashMap<u32, f64>, f64)> {
    let subtype = dict_get(doc, font, b"Subtype")?.as_name().ok()?;
    if subtype != b"Type0" {
        return None;
    }
    let encoding = dict_get(doc, font, b"Encoding")?.as_name().ok()?;
    if encoding != b"Identity-H" && encoding != b"Identity-V" {
        return None;
    }
    let desc = dict_get(doc, font, b"DescendantFonts")?.as_array().ok()?;
    let cid = deref(doc, desc.first()?).as_dict().ok()?;
    let dw = dict_get(doc, cid, b"DW").and_then(num).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    if let Some(w) = dict_get(doc, cid, b"W").and_then(|o| o.as_array().ok()) {
        let mut i = 0;
        while let Some(first) = w.get(i).map(|o| deref(doc, o)).and_then(num) {
            let first = first as i64;
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (j, v) in list.iter().enumerate() {
                        if let (Some(v), Ok(code)) =
                            (num(deref(doc, v)), u32::try_from(first + j as i64))
                        {
                            widths.insert(code, v);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = num(last)? as i64;
                    let v = w.get(i + 2).map(|o| deref(doc, o)).and_then(num)?;
                    // Bounded: a damaged range must not allocate without end.
                    for code in first..=last.min(first + 65_535) {
                        if let Ok(code) = u32::try_from(code) {
                            widths.insert(code, v);
                        }
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    Some((widths, dw))
}

/// Number of colour components of a named colour space, when simple.
fn colorspace_components(
    doc: &Document,
    resources: Option<&Dictionary>,
    name: &[u8],
) -> Option<usize> {
    match name {
        b"DeviceGray" | b"CalGray" => return Some(1),
        b"DeviceRGB" | b"CalRGB" => return Some(3),
        b"DeviceCMYK" => return Some(4),
        b"Pattern" => return None,
        _ => {}
    }
    let spaces = dict_get(doc, resources?, b"ColorSpace")?.as_dict().ok()?;
    let cs = dict_get(doc, spaces, name)?;
    let arr = cs.as_array().ok()?;
    let kind = arr.first().and_then(|o| o.as_name().ok())?;
    match kind {
        b"ICCBased" => {
            let stream = deref(doc, arr.get(1)?).as_stream().ok()?;
            let n = dict_get(doc, &stream.dict, b"N").and_then(num)?;
            Some(n as usize)
        }
        b"CalGray" => Some(1),
        b"CalRGB" | b"Lab" => Some(3),
        _ => None,
    }
}

/// An RGB colour from gray, RGB or CMYK components.
fn color_of(nums: &[f64], components: Option<usize>) -> Option<[f32; 3]> {
    let c = |v: f64| v.clamp(0.0, 1.0) as f32;
    match (components.unwrap_or(nums.len()), nums) {
        (1, [g]) => Some([c(*g); 3]),
        (3, [r, g, b]) => Some([c(*r), c(*g), c(*b)]),
        (4, [cy, m, y, k]) => Some([
            c((1.0 - cy) * (1.0 - k)),
            c((1.0 - m) * (1.0 - k)),
            c((1.0 - y) * (1.0 - k)),
        ]),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// The output device.

/// A path piece in page (top-left) coordinates, kept until the page ends.
#[derive(Debug, Clone, Copy)]
struct Shape {
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    /// A rectangle (else a straight line).
    rect: bool,
    fill: bool,
    stroke: bool,
    /// Index of the fill among the page's fills (for its colour).
    fill_no: Option<usize>,
}

impl Shape {
    /// A straight line (not a rectangle) over this box, not yet painted.
    fn line(x0: f64, top: f64, x1: f64, bottom: f64) -> Shape {
        Shape {
            x0,
            top,
            x1,
            bottom,
            rect: false,
            fill: false,
            stroke: false,
            fill_no: None,
        }
    }
}

struct Collector<'s> {
    number: u32,
    rotation: i64,
    media: MediaBox,
    shadow: &'s Shadow,
    out: PageGlyphs,
    /// Text-showing strings seen so far.
    words: usize,
    /// Font index (into `out.fonts`) of each shadow font, once used.
    font_map: Vec<Option<u16>>,
    /// The current string (index into the shadow's shows) and how many of
    /// its glyphs were seen.
    cur_show: Option<usize>,
    glyph_in_show: usize,
    /// How far pdf-extract's text position is off, in text-space units
    /// along the baseline (from its misread glyph widths).
    drift: f64,
    /// Whether a string's glyph count disagreed with its codes.
    codes_mismatch: bool,
    shapes: Vec<Shape>,
    fills: usize,
    strokes: usize,
}

impl<'s> Collector<'s> {
    fn new(number: u32, rotation: i64, shadow: &'s Shadow) -> Self {
        Collector {
            number,
            rotation,
            media: MediaBox {
                llx: 0.0,
                lly: 0.0,
                urx: 0.0,
                ury: 0.0,
            },
            shadow,
            out: PageGlyphs::default(),
            words: 0,
            font_map: vec![None; shadow.fonts.len()],
            cur_show: None,
            glyph_in_show: 0,
            drift: 0.0,
            codes_mismatch: false,
            shapes: Vec::new(),
            fills: 0,
            strokes: 0,
        }
    }

    /// PDF user space → displayed page coordinates (x, top), with the
    /// page's rotation (clockwise, in degrees) applied.
    fn to_page(&self, x: f64, y: f64) -> (f64, f64) {
        let m = &self.media;
        match self.rotation {
            90 => (y - m.lly, x - m.llx),
            180 => (m.urx - x, y - m.lly),
            270 => (m.ury - y, m.urx - x),
            _ => (x - m.llx, m.ury - y),
        }
    }

    /// A direction vector in user space → displayed page space (y down).
    fn dir_to_page(&self, dx: f64, dy: f64) -> (f64, f64) {
        let (ox, ot) = self.to_page(0.0, 0.0);
        let (px, pt) = self.to_page(dx, dy);
        (px - ox, pt - ot)
    }

    fn cur(&self) -> Option<&'s Show> {
        self.cur_show.and_then(|i| self.shadow.shows.get(i))
    }

    fn cur_font(&self) -> Option<usize> {
        self.cur().and_then(|s| s.font)
    }

    /// Checks the glyph count of the string that just ended.
    fn close_show(&mut self) {
        if let Some(codes) = self.cur().and_then(|s| s.codes.as_ref()) {
            if codes.len() != self.glyph_in_show {
                self.codes_mismatch = true;
            }
        }
    }

    /// The font index in `out.fonts` for the current string.
    fn font_slot(&mut self) -> u16 {
        if let Some(fi) = self.cur_font() {
            if let Some(Some(slot)) = self.font_map.get(fi) {
                return *slot;
            }
            if let Some(f) = self.shadow.fonts.get(fi) {
                let slot = self.push_font(f.info.clone());
                if let Some(m) = self.font_map.get_mut(fi) {
                    *m = Some(slot);
                }
                return slot;
            }
        }
        self.push_font(FontInfo::from_name(""))
    }

    fn push_font(&mut self, info: FontInfo) -> u16 {
        let idx = match self.out.fonts.iter().position(|f| *f == info) {
            Some(i) => i,
            None => {
                self.out.fonts.push(info);
                self.out.fonts.len() - 1
            }
        };
        u16::try_from(idx).unwrap_or(u16::MAX)
    }

    fn add_shape(&mut self, ctm: &Transform, path: &Path, fill: bool, stroke: bool) {
        let fill_no = fill.then_some(self.fills);
        let pt = |x: f64, y: f64| -> (f64, f64) {
            let ux = x * ctm.m11 + y * ctm.m21 + ctm.m31;
            let uy = x * ctm.m12 + y * ctm.m22 + ctm.m32;
            self.to_page(ux, uy)
        };
        let mut shapes = Vec::new();
        // Points of the current subpath; None once it has a curve.
        let mut sub: Option<Vec<(f64, f64)>> = None;
        let flush = |sub: &mut Option<Vec<(f64, f64)>>, shapes: &mut Vec<Shape>| {
            if let Some(pts) = sub.take() {
                if let Some(s) = polyline_shape(&pts) {
                    shapes.push(s);
                }
            }
        };
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    flush(&mut sub, &mut shapes);
                    sub = Some(vec![pt(x, y)]);
                }
                PathOp::LineTo(x, y) => {
                    if let Some(pts) = sub.as_mut() {
                        pts.push(pt(x, y));
                    }
                }
                PathOp::CurveTo(..) => {
                    // A curved subpath is neither a line nor a rectangle.
                    sub = None;
                }
                PathOp::Close => {
                    if let Some(pts) = sub.as_mut() {
                        if let Some(&first) = pts.first() {
                            pts.push(first);
                        }
                    }
                }
                PathOp::Rect(x, y, w, h) => {
                    flush(&mut sub, &mut shapes);
                    let corners = [pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)];
                    if let Some(s) = rect_of(&corners) {
                        shapes.push(s);
                    }
                }
            }
        }
        flush(&mut sub, &mut shapes);
        for mut s in shapes {
            s.fill = fill;
            s.stroke = stroke;
            s.fill_no = fill_no;
            self.shapes.push(s);
        }
    }

    /// The page, and whether fonts and colours were matched by count.
    fn finish(mut self) -> (PageGlyphs, bool) {
        self.close_show();
        let fonts_ok = self.words == self.shadow.shows.len() && !self.codes_mismatch;
        if !fonts_ok {
            // Fonts were assigned by position in a sequence that does not
            // line up: drop them rather than mark the wrong text bold.
            self.out.fonts = vec![FontInfo::from_name("")];
            for g in &mut self.out.glyphs {
                g.font = 0;
            }
        }
        let colours_ok = self.fills == self.shadow.fills.len();
        let mut rulings = Vec::new();
        let mut fills = Vec::new();
        let mut edged: Vec<Fill> = Vec::new();
        for s in &self.shapes {
            if !s.rect {
                push_box_rulings(&mut rulings, s.x0, s.top, s.x1, s.bottom, true);
                continue;
            }
            let (w, h) = ((s.x1 - s.x0).abs(), (s.bottom - s.top).abs());
            if w < THIN || h < THIN {
                push_box_rulings(&mut rulings, s.x0, s.top, s.x1, s.bottom, true);
                continue;
            }
            let rgb = if s.fill && colours_ok {
                s.fill_no
                    .and_then(|i| self.shadow.fills.get(i))
                    .copied()
                    .flatten()
            } else {
                None
            };
            let fill = Fill {
                x0: s.x0,
                top: s.top,
                x1: s.x1,
                bottom: s.bottom,
                rgb,
                stroked: s.stroke,
            };
            if s.stroke || (s.fill && !fill.is_white()) {
                edged.push(fill);
            }
            if s.fill {
                fills.push(fill);
            }
        }
        push_fill_edges(&mut rulings, &edged);
        self.out.rulings = rulings;
        self.out.fills = fills;
        let _ = self.strokes;
        (self.out, fonts_ok)
    }
}

/// A line (two points, horizontal or vertical), an axis-aligned rectangle
/// (four corners, closed or not), or else a ruling drawn as a thin
/// polygon or polyline ([`thin_polygon`], as the pdfplumber source reads
/// its curves) from a subpath's points.
fn polyline_shape(pts: &[(f64, f64)]) -> Option<Shape> {
    line_or_rect(pts)
        .or_else(|| thin_polygon(pts).map(|(x0, top, x1, bottom)| Shape::line(x0, top, x1, bottom)))
}

/// A line (two points) or an axis-aligned rectangle (four corners, closed
/// or not) from a subpath's points.
fn line_or_rect(pts: &[(f64, f64)]) -> Option<Shape> {
    const EPS: f64 = 0.01;
    let pts: Vec<(f64, f64)> = pts
        .iter()
        .copied()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .collect();
    match pts.as_slice() {
        [a, b] => {
            let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
            let (top, bottom) = (a.1.min(b.1), a.1.max(b.1));
            Some(Shape::line(x0, top, x1, bottom))
        }
        [a, b, c, d] | [a, b, c, d, _] => {
            if let [.., e] = pts.as_slice() {
                if pts.len() == 5 && ((e.0 - a.0).abs() > EPS || (e.1 - a.1).abs() > EPS) {
                    return None;
                }
            }
            rect_of(&[*a, *b, *c, *d])
        }
        _ => None,
    }
}

/// The box of four corners when they form an axis-aligned rectangle.
fn rect_of(c: &[(f64, f64); 4]) -> Option<Shape> {
    const EPS: f64 = 0.01;
    if c.iter().any(|p| !(p.0.is_finite() && p.1.is_finite())) {
        return None;
    }
    let [a, b, cc, d] = *c;
    let h_first = (a.1 - b.1).abs() < EPS
        && (b.0 - cc.0).abs() < EPS
        && (cc.1 - d.1).abs() < EPS
        && (d.0 - a.0).abs() < EPS;
    let v_first = (a.0 - b.0).abs() < EPS
        && (b.1 - cc.1).abs() < EPS
        && (cc.0 - d.0).abs() < EPS
        && (d.1 - a.1).abs() < EPS;
    if !(h_first || v_first) {
        return None;
    }
    let xs = [a.0, b.0, cc.0, d.0];
    let ys = [a.1, b.1, cc.1, d.1];
    let (x0, x1) = xs
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let (top, bottom) = ys
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    Some(Shape {
        x0,
        top,
        x1,
        bottom,
        rect: true,
        fill: false,
        stroke: false,
        fill_no: None,
    })
}

impl OutputDev for Collector<'_> {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.media = *media_box;
        let (w, h) = (
            (media_box.urx - media_box.llx).abs(),
            (media_box.ury - media_box.lly).abs(),
        );
        let (width, height) = if self.rotation == 90 || self.rotation == 270 {
            (h, w)
        } else {
            (w, h)
        };
        self.out = PageGlyphs {
            number: self.number,
            width,
            height,
            ..PageGlyphs::default()
        };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        if !(font_size.is_finite() && width.is_finite()) {
            return Ok(());
        }
        let font = self.cur_font().and_then(|i| self.shadow.fonts.get(i));
        let descent = font.map_or(0.0, |f| f.descent);
        // The true advance width, where pdf-extract misread it.
        let show = self.cur();
        let hs = show.map_or(1.0, |s| s.hs);
        let true_w = match (
            show.and_then(|s| s.codes.as_ref())
                .and_then(|c| c.get(self.glyph_in_show)),
            font.and_then(|f| f.cid_widths.as_ref()),
        ) {
            (Some(code), Some((table, dw))) => table.get(code).copied().unwrap_or(*dw) / 1000.0,
            _ => width,
        };
        let shift = self.drift / hs;
        self.drift += hs * (true_w - width) * font_size;
        self.glyph_in_show += 1;
        let width = true_w;
        // The glyph's box in text space (pdfminer's: from the baseline plus
        // the descent, one font size high, one advance wide), through the
        // text-rendering matrix into user space, then onto the page.
        let adv = width * font_size;
        let lo = descent * font_size;
        let hi = lo + font_size;
        let user = |x: f64, y: f64| {
            (
                x * trm.m11 + y * trm.m21 + trm.m31,
                x * trm.m12 + y * trm.m22 + trm.m32,
            )
        };
        let mut x0 = f64::MAX;
        let mut x1 = f64::MIN;
        let mut top = f64::MAX;
        let mut bottom = f64::MIN;
        for (x, y) in [(0.0, lo), (adv, lo), (0.0, hi), (adv, hi)] {
            let x = x + shift;
            let (ux, uy) = user(x, y);
            let (px, pt) = self.to_page(ux, uy);
            x0 = x0.min(px);
            x1 = x1.max(px);
            top = top.min(pt);
            bottom = bottom.max(pt);
        }
        if !(x0.is_finite() && x1.is_finite() && top.is_finite() && bottom.is_finite()) {
            return Ok(());
        }
        // Direction, from the matrix as displayed (pdfminer's test:
        // upright when a·d > 0 and b·c ≤ 0, in y-up terms).
        let (bx, bt) = self.dir_to_page(trm.m11, trm.m12);
        let (ux, ut) = self.dir_to_page(trm.m21, trm.m22);
        let (a, b, c, d) = (bx, -bt, ux, -ut);
        let dir = if a * d > 0.0 && b * c <= 0.0 {
            Dir::Upright
        } else if b.abs() >= a.abs() && b > 0.0 {
            Dir::Up
        } else {
            Dir::Down
        };
        let font = self.font_slot();
        let start = u32::try_from(self.out.text.len()).unwrap_or(u32::MAX);
        self.out.text.push_str(char);
        let end = u32::try_from(self.out.text.len()).unwrap_or(u32::MAX);
        let height = bottom - top;
        self.out.glyphs.push(Glyph {
            start,
            end,
            x0,
            x1,
            top,
            bottom,
            size: if height > 0.0 {
                height
            } else {
                font_size.abs().max(1.0)
            },
            font,
            dir,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.close_show();
        self.cur_show = Some(self.words);
        self.glyph_in_show = 0;
        if self.cur().is_none_or(|s| s.reset) {
            self.drift = 0.0;
        }
        self.words += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_shape(ctm, path, false, true);
        self.strokes += 1;
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_shape(ctm, path, true, false);
        self.fills += 1;
        Ok(())
    }
}
