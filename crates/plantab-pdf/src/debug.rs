//! `plantab debug`: what the reader saw on one page, as text a person can
//! read — text runs with positions, grids with their column and row
//! boundaries, the header found and the fragment grid.

use std::fmt::Write as _;

use crate::lines::build_lines;
use crate::page::{analyse_with, PageAnalysis};
use crate::source::{GlyphSource, PageGlyphs};
use crate::table::cell_text;
use crate::{open, Overrides, PdfError};
use plantab_model::BBox;

/// Describes what the reader saw on 1-based page `page` of a PDF.
///
/// Errors: those of [`crate::read_pdf`], and [`PdfError::NoSuchPage`] for a
/// page past the last.
pub fn debug_page(bytes: &[u8], page: u32) -> Result<String, PdfError> {
    debug_page_with(bytes, page, &Overrides::default())
}

/// [`debug_page`] with the finder's [`Overrides`].
pub fn debug_page_with(bytes: &[u8], page: u32, o: &Overrides) -> Result<String, PdfError> {
    let describe = || {
        let (src, _) = open(bytes)?;
        let n = src.page_count();
        let idx = usize::try_from(page).unwrap_or(0);
        if idx == 0 || idx > n {
            return Err(PdfError::NoSuchPage { page, pages: n });
        }
        let glyphs = src.page(idx - 1)?;
        let a = analyse_with(&glyphs, o);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "page {} of {n}: {:.1} x {:.1} pt, {} glyphs, {} rulings, {} fills (boxes: [x0 y0 x1 y1] in PDF points, origin bottom left, as the JSON bbox)",
            a.number,
            a.width,
            a.height,
            glyphs.glyphs.len(),
            glyphs.rulings.len(),
            glyphs.fills.len()
        );
        let all: Vec<u32> = (0..u32::try_from(glyphs.glyphs.len()).unwrap_or(u32::MAX)).collect();
        let _ = writeln!(s, "\n== text runs ==");
        let h = a.height;
        for l in build_lines(&glyphs, &all, true) {
            let _ = writeln!(
                s,
                "[{:7.1} {:7.1} {:7.1} {:7.1}] {:4.1}pt{} {}",
                l.x0,
                h - l.bottom,
                l.x1,
                h - l.top,
                l.size,
                if l.bold { " bold" } else { "     " },
                l.text
            );
        }
        for (ti, t) in a.tables.iter().enumerate() {
            let g = &t.grid;
            let _ = writeln!(
                s,
                "\n== table {} : {} rows x {} cols, {} cells; title rows {}, header rows {} ==",
                ti + 1,
                g.rows(),
                g.cols(),
                g.cells.len(),
                t.title_rows,
                t.header_rows
            );
            let fmt = |v: &[f64]| {
                v.iter()
                    .map(|x| format!("{x:.1}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (x0, top, x1, bottom) = g.bounds();
            let _ = writeln!(
                s,
                "bbox: [{x0:.1} {:.1} {x1:.1} {:.1}]",
                h - bottom,
                h - top
            );
            let _ = writeln!(s, "column bounds: {} (x)", fmt(&g.xs));
            let ys: Vec<f64> = g.ys.iter().map(|y| h - y).collect();
            let _ = writeln!(s, "row bounds (y, top first): {}", fmt(&ys));
            for (id, c) in g.cells.iter().enumerate() {
                let text = t
                    .cell_lines
                    .get(id)
                    .map(|l| cell_text(l))
                    .unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                let _ = writeln!(
                    s,
                    "  cell r{} c{} span {}x{}{}: {:?}",
                    c.row,
                    c.col,
                    c.row_span,
                    c.col_span,
                    if t.cell_bold.get(id).copied().unwrap_or(false) {
                        " bold"
                    } else {
                        ""
                    },
                    text
                );
            }
            if let Some(h) = &t.header {
                let _ = writeln!(s, "header: {h:?}");
            }
            for e in &t.header_extra {
                let _ = writeln!(s, "header text not in labels: {e}");
            }
            let body = t.body();
            for b in &body {
                let _ = writeln!(
                    s,
                    "row r{}{}: {:?}",
                    b.row,
                    if b.spanning { " (spanning)" } else { "" },
                    b.cells
                );
            }
            // The column recogniser on this page's part of the table (the
            // tables stage decides again on the whole table).
            let header = t
                .header
                .clone()
                .unwrap_or_else(|| vec![String::new(); g.cols()]);
            let roles = plantab_vocab::recognise_columns(
                &header,
                body.iter()
                    .filter(|b| !b.spanning)
                    .map(|b| b.cells.as_slice()),
            );
            let _ = writeln!(s, "column roles (this page's rows):");
            for (i, c) in roles.columns.iter().enumerate() {
                let _ = writeln!(s, "  col {i}: {}", c.summary());
            }
        }
        let _ = writeln!(s, "\n== paragraphs outside tables ==");
        for p in &a.paras {
            let _ = writeln!(
                s,
                "[{:7.1} {:7.1} {:7.1} {:7.1}] {:4.1}pt{} {:?}",
                p.x0,
                h - p.bottom,
                p.x1,
                h - p.top,
                p.size,
                if p.bold { " bold" } else { "" },
                p.text()
            );
        }
        for f in &a.folios {
            let _ = writeln!(s, "page number dropped: {f:?}");
        }
        Ok(s)
    };
    describe()
}

/// The column labels of one table for [`debug_svg`]: where the table is
/// (PDF points, origin bottom left, as the JSON `bbox`) and one label per
/// column (its key or role, as the later stages decided).
#[derive(Debug, Clone, PartialEq)]
pub struct TableLabels {
    /// The table's box on the page.
    pub bbox: BBox,
    /// One label per column, left to right.
    pub columns: Vec<String>,
}

/// How [`debug_svg`] draws.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SvgStyle {
    /// Draw labels as little squares of an 8x8 bitmap font instead of SVG
    /// `<text>` (for rasterisers built without fonts, as [`svg_to_png`]).
    pub text_as_paths: bool,
}

/// A picture of what the reader saw on 1-based page `page`, as SVG (one
/// unit per PDF point): the page's text runs (blue boxes, their text as a
/// tooltip), rulings (red) and filled rectangles (their colour, faint);
/// each table's box (green, numbered), its cell grid with the header rows
/// shaded yellow and cells spanning several rows or columns outlined in
/// orange with their span; above each column its label from `labels`
/// (matched to the table by overlap), else its header.
pub fn debug_svg(
    bytes: &[u8],
    page: u32,
    o: &Overrides,
    labels: &[TableLabels],
    style: SvgStyle,
) -> Result<String, PdfError> {
    let (src, _) = open(bytes)?;
    let n = src.page_count();
    let idx = usize::try_from(page).unwrap_or(0);
    if idx == 0 || idx > n {
        return Err(PdfError::NoSuchPage { page, pages: n });
    }
    let glyphs = src.page(idx - 1)?;
    let a = analyse_with(&glyphs, o);
    Ok(page_svg(&glyphs, &a, labels, style))
}

/// XML-escapes text for an attribute or element.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The 8x8 bitmap of a character (ASCII and Latin-1; `?` for the rest).
fn glyph_bitmap(c: char) -> [u8; 8] {
    let code = c as u32;
    let basic = |k: u32| {
        font8x8::legacy::BASIC_LEGACY
            .get(k as usize)
            .copied()
            .unwrap_or([0; 8])
    };
    match code {
        0x20..=0x7e => basic(code),
        0xa0..=0xff => font8x8::legacy::LATIN_LEGACY
            .get((code - 0xa0) as usize)
            .copied()
            .unwrap_or([0; 8]),
        _ => basic(u32::from(b'?')),
    }
}

/// A label at `(x, baseline y)`, `size` points high.
fn label(out: &mut String, x: f64, y: f64, size: f64, fill: &str, text: &str, style: SvgStyle) {
    if text.is_empty() {
        return;
    }
    if !style.text_as_paths {
        let _ = writeln!(
            out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" font-family="sans-serif" fill="{fill}">{}</text>"#,
            esc(text)
        );
        return;
    }
    let px = size / 8.0;
    let mut d = String::new();
    for (k, c) in text.chars().enumerate() {
        let gx = x + k as f64 * px * 7.0;
        for (r, bits) in glyph_bitmap(c).iter().enumerate() {
            for b in 0..8 {
                if bits >> b & 1 == 1 {
                    let _ = write!(
                        d,
                        "M{:.2} {:.2}h{px:.2}v{px:.2}h-{px:.2}z",
                        gx + f64::from(b) * px,
                        y - size + r as f64 * px
                    );
                }
            }
        }
    }
    if !d.is_empty() {
        let _ = writeln!(out, r#"<path d="{d}" fill="{fill}"/>"#);
    }
}

/// Overlap area of two top-left boxes `(x0, top, x1, bottom)`.
fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> f64 {
    let w = a.2.min(b.2) - a.0.max(b.0);
    let h = a.3.min(b.3) - a.1.max(b.1);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

/// [`debug_svg`] for a page already analysed.
pub fn page_svg(
    glyphs: &PageGlyphs,
    a: &PageAnalysis,
    labels: &[TableLabels],
    style: SvgStyle,
) -> String {
    let (w, h) = (a.width.max(1.0), a.height.max(1.0));
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}" height="{h:.1}" viewBox="0 0 {w:.1} {h:.1}">"#
    );
    let _ = writeln!(
        s,
        r#"<rect x="0" y="0" width="{w:.1}" height="{h:.1}" fill="white"/>"#
    );
    // Filled rectangles, in their own colour.
    s.push_str("<g fill-opacity=\"0.45\">\n");
    for f in &glyphs.fills {
        let fill = f.rgb.map_or_else(
            || "#cccccc".to_string(),
            |[r, g, b]| {
                let c = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
                format!("#{:02x}{:02x}{:02x}", c(r), c(g), c(b))
            },
        );
        let _ = writeln!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="{}" stroke-width="0.3"/>"#,
            f.x0,
            f.top,
            f.x1 - f.x0,
            f.bottom - f.top,
            if f.stroked { "#888888" } else { "none" }
        );
    }
    s.push_str("</g>\n");
    // Table header rows, shaded.
    for t in &a.tables {
        let g = &t.grid;
        let (x0, top, x1, _) = g.bounds();
        let head = t.title_rows + t.header_rows;
        if let (true, Some(&hb)) = (head > 0, g.ys.get(head)) {
            let _ = writeln!(
                s,
                r##"<rect x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="#ffe066" fill-opacity="0.5"/>"##,
                x1 - x0,
                hb - top
            );
        }
    }
    // Text runs.
    let all: Vec<u32> = (0..u32::try_from(glyphs.glyphs.len()).unwrap_or(u32::MAX)).collect();
    s.push_str(
        "<g fill=\"#3070ff\" fill-opacity=\"0.12\" stroke=\"#3070ff\" stroke-width=\"0.4\">\n",
    );
    for l in build_lines(glyphs, &all, true) {
        let _ = writeln!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>{}</title></rect>"#,
            l.x0,
            l.top,
            (l.x1 - l.x0).max(0.5),
            (l.bottom - l.top).max(0.5),
            esc(&l.text)
        );
    }
    s.push_str("</g>\n");
    // Rulings.
    s.push_str("<g stroke=\"#e03030\" stroke-width=\"0.8\">\n");
    for r in &glyphs.rulings {
        let (x1, y1, x2, y2) = if r.horizontal {
            (r.from, r.pos, r.to, r.pos)
        } else {
            (r.pos, r.from, r.pos, r.to)
        };
        let _ = writeln!(
            s,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/>"#
        );
    }
    s.push_str("</g>\n");
    // Tables: cell grid, spans, box, number, column labels.
    for (ti, t) in a.tables.iter().enumerate() {
        let g = &t.grid;
        let (x0, top, x1, bottom) = g.bounds();
        s.push_str("<g fill=\"none\">\n");
        for c in &g.cells {
            let (Some(&cx0), Some(&cx1), Some(&ct), Some(&cb)) = (
                g.xs.get(c.col),
                g.xs.get(c.col + c.col_span),
                g.ys.get(c.row),
                g.ys.get(c.row + c.row_span),
            ) else {
                continue;
            };
            let spans = c.row_span > 1 || c.col_span > 1;
            let _ = writeln!(
                s,
                r##"<rect x="{cx0:.1}" y="{ct:.1}" width="{:.1}" height="{:.1}" stroke="{}" stroke-width="{}"{}/>"##,
                cx1 - cx0,
                cb - ct,
                if spans { "#ff8800" } else { "#20a040" },
                if spans { "1.2" } else { "0.5" },
                if spans {
                    r#" stroke-dasharray="3 2""#
                } else {
                    ""
                }
            );
            if spans {
                label(
                    &mut s,
                    cx1 - 14.0,
                    cb - 1.5,
                    4.0,
                    "#ff8800",
                    &format!("{}x{}", c.row_span, c.col_span),
                    style,
                );
            }
        }
        let _ = writeln!(
            s,
            r##"<rect x="{x0:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" stroke="#008020" stroke-width="1.6"/>"##,
            x1 - x0,
            bottom - top
        );
        s.push_str("</g>\n");
        label(
            &mut s,
            x0,
            top - 9.0,
            6.0,
            "#008020",
            &format!("T{} {}x{}", ti + 1, g.rows(), g.cols()),
            style,
        );
        let tb = (x0, top, x1, bottom);
        let best = labels
            .iter()
            .map(|l| {
                let b = (
                    l.bbox.x0,
                    a.height - l.bbox.y1,
                    l.bbox.x1,
                    a.height - l.bbox.y0,
                );
                (overlap(tb, b), l)
            })
            .filter(|(ov, _)| *ov > 0.0)
            .max_by(|p, q| p.0.total_cmp(&q.0))
            .map(|(_, l)| l);
        for c in 0..g.cols() {
            let text = match best {
                Some(l) => l.columns.get(c).cloned().unwrap_or_default(),
                None => t
                    .header
                    .as_ref()
                    .and_then(|h| h.get(c).cloned())
                    .unwrap_or_default(),
            };
            let (Some(&cx0), Some(&cx1)) = (g.xs.get(c), g.xs.get(c + 1)) else {
                continue;
            };
            // As many characters as fit the column.
            let fit = (((cx1 - cx0) / 3.5).floor() as usize).max(1);
            let short: String = text.chars().take(fit).collect();
            label(&mut s, cx0 + 1.0, top - 1.5, 4.0, "#6020a0", &short, style);
        }
    }
    s.push_str("</svg>\n");
    s
}

/// Why a picture could not be made.
#[cfg(feature = "png")]
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The SVG did not parse (a bug: [`debug_svg`] writes it).
    #[error("the picture's SVG did not parse: {0}")]
    Svg(#[from] resvg::usvg::Error),
    /// The picture would be empty or too large.
    #[error("cannot make a {0}x{1} pixel picture")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

/// Rasterises an SVG (as [`debug_svg`] writes it, with
/// `text_as_paths`: this rasteriser has no fonts) to PNG bytes, `scale`
/// pixels per SVG unit (PDF point; 2.0 is 144 dpi). Pure Rust (resvg).
#[cfg(feature = "png")]
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())?;
    let size = tree.size();
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let (pw, ph) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    if pw == 0 || ph == 0 || u64::from(pw) * u64::from(ph) > 100_000_000 {
        return Err(RenderError::Size(pw, ph));
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw, ph).ok_or(RenderError::Size(pw, ph))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Png(e.to_string()))
}
