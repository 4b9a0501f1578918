//! The glyph source: what a PDF library tells us about one page — glyphs
//! with boxes and fonts, ruling lines, filled rectangles — in one small shape
//! every later step reads. The default source is the `pdfplumber` crate;
//! another library can be added by implementing [`GlyphSource`].
//!
//! Coordinates here are PDF points with the origin at the page's top left
//! (`top` grows downwards), as pdfplumber reports them; the layout built
//! from them converts to bottom-left at the very end.

use crate::PdfError;

/// One glyph on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Start of the glyph's text in [`PageGlyphs::text`] (bytes).
    pub start: u32,
    /// End of the glyph's text in [`PageGlyphs::text`] (bytes).
    pub end: u32,
    /// Left.
    pub x0: f64,
    /// Right.
    pub x1: f64,
    /// Top (from the page's top edge).
    pub top: f64,
    /// Bottom (from the page's top edge).
    pub bottom: f64,
    /// Font size in points.
    pub size: f64,
    /// Index into [`PageGlyphs::fonts`].
    pub font: u16,
    /// Which way the text runs.
    pub dir: Dir,
}

impl Glyph {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

/// Which way a glyph's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Left to right, upright.
    Upright,
    /// Rotated: text reads bottom to top.
    Up,
    /// Rotated: text reads top to bottom.
    Down,
}

/// A font as used on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontInfo {
    /// The font's name (subset prefix kept).
    pub name: String,
    /// Whether the name says bold / black / heavy / semibold.
    pub bold: bool,
}

impl FontInfo {
    /// Font info from its name.
    pub fn from_name(name: &str) -> FontInfo {
        let lower = name.to_ascii_lowercase();
        let bold = ["bold", "black", "heavy", "demi", "semibold", ",b", "-b"]
            .iter()
            .any(|k| {
                if k.len() == 2 {
                    lower.ends_with(k)
                } else {
                    lower.contains(k)
                }
            });
        FontInfo {
            name: name.to_string(),
            bold,
        }
    }
}

/// A straight ruling: a stroked line, a thin filled rectangle, or one edge
/// of a larger rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    /// Horizontal (`pos` is a y) or vertical (`pos` is an x).
    pub horizontal: bool,
    /// The fixed coordinate.
    pub pos: f64,
    /// Start along the line.
    pub from: f64,
    /// End along the line.
    pub to: f64,
}

/// A filled rectangle larger than a ruling (a shaded cell, a bar).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    /// Left.
    pub x0: f64,
    /// Top.
    pub top: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub bottom: f64,
    /// RGB fill colour, when known.
    pub rgb: Option<[f32; 3]>,
    /// Whether the rectangle is also stroked (drawn with an outline).
    pub stroked: bool,
}

impl Fill {
    /// Whether the fill is white (or near white): invisible on paper.
    pub fn is_white(&self) -> bool {
        self.rgb.is_some_and(|c| c.iter().all(|v| *v > 0.97))
    }

    /// Whether both fills have a known colour and it is the same to the
    /// eye (each component within 0.01).
    pub fn same_colour(&self, other: &Fill) -> bool {
        match (self.rgb, other.rgb) {
            (Some(a), Some(b)) => a.iter().zip(b.iter()).all(|(x, y)| (x - y).abs() < 0.01),
            _ => false,
        }
    }
}

/// Everything the reader needs from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageGlyphs {
    /// 1-based page number.
    pub number: u32,
    /// Displayed width in points.
    pub width: f64,
    /// Displayed height in points.
    pub height: f64,
    /// All glyph texts, back to back; glyphs index into it.
    pub text: String,
    /// Glyphs in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Fonts used on the page.
    pub fonts: Vec<FontInfo>,
    /// Ruling lines (and rectangle edges).
    pub rulings: Vec<Ruling>,
    /// Filled rectangles.
    pub fills: Vec<Fill>,
}

impl PageGlyphs {
    /// The text of one glyph.
    pub fn glyph_text(&self, g: &Glyph) -> &str {
        self.text
            .get(g.start as usize..g.end as usize)
            .unwrap_or("")
    }

    /// Whether the glyph's font is bold.
    pub fn is_bold(&self, g: &Glyph) -> bool {
        self.fonts.get(g.font as usize).is_some_and(|f| f.bold)
    }

    /// Whether the page shows any visible text.
    pub fn has_text(&self) -> bool {
        self.glyphs
            .iter()
            .any(|g| !self.glyph_text(g).trim().is_empty())
    }
}

/// A source of per-page glyphs.
pub trait GlyphSource {
    /// Number of pages.
    fn page_count(&self) -> usize;
    /// The glyphs, rulings and fills of page `index` (0-based).
    fn page(&self, index: usize) -> Result<PageGlyphs, PdfError>;
}

/// Thickness below which a filled rectangle is a ruling, not a fill.
const THIN: f64 = 3.0;

/// The `pdfplumber` crate as a glyph source.
pub struct PlumberSource {
    pdf: pdfplumber::Pdf,
}

impl PlumberSource {
    /// Wraps an opened document.
    pub fn new(pdf: pdfplumber::Pdf) -> Self {
        PlumberSource { pdf }
    }
}

fn rgb_of(c: &pdfplumber::Color) -> Option<[f32; 3]> {
    c.to_rgb().map(|(r, g, b)| [r, g, b])
}

impl GlyphSource for PlumberSource {
    fn page_count(&self) -> usize {
        self.pdf.page_count()
    }

    /// Every call into pdfplumber here is guarded: a panic inside it is this
    /// page's `Malformed` error.
    fn page(&self, index: usize) -> Result<PageGlyphs, PdfError> {
        crate::guarded(|| self.page_unguarded(index))
    }
}

impl PlumberSource {
    fn page_unguarded(&self, index: usize) -> Result<PageGlyphs, PdfError> {
        let page = self.pdf.page(index).map_err(|e| page_error(index, e))?;
        let mut out = PageGlyphs {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            width: page.width(),
            height: page.height(),
            ..PageGlyphs::default()
        };
        let chars = page.chars();
        out.glyphs.reserve(chars.len());
        out.text.reserve(chars.len());
        let mut last_font: Option<u16> = None;
        for c in chars {
            let (x0, x1, top, bottom) = (c.bbox.x0, c.bbox.x1, c.bbox.top, c.bbox.bottom);
            if !(x0.is_finite() && x1.is_finite() && top.is_finite() && bottom.is_finite()) {
                continue;
            }
            // Fonts: most glyphs share the previous glyph's font.
            let font = match last_font {
                Some(idx)
                    if out
                        .fonts
                        .get(idx as usize)
                        .is_some_and(|f| f.name == c.fontname) =>
                {
                    idx
                }
                _ => {
                    let idx = match out.fonts.iter().position(|f| f.name == c.fontname) {
                        Some(i) => i,
                        None => {
                            out.fonts.push(FontInfo::from_name(&c.fontname));
                            out.fonts.len() - 1
                        }
                    };
                    let idx = u16::try_from(idx).unwrap_or(u16::MAX);
                    last_font = Some(idx);
                    idx
                }
            };
            let dir = if c.upright {
                Dir::Upright
            } else {
                let [a, b, ..] = c.ctm;
                // pdfplumber's ctm is in PDF space (y up): b > 0 means the
                // baseline runs upwards.
                if b.abs() >= a.abs() && b > 0.0 {
                    Dir::Up
                } else {
                    Dir::Down
                }
            };
            let start = u32::try_from(out.text.len()).unwrap_or(u32::MAX);
            out.text.push_str(&c.text);
            let end = u32::try_from(out.text.len()).unwrap_or(u32::MAX);
            out.glyphs.push(Glyph {
                start,
                end,
                x0: x0.min(x1),
                x1: x0.max(x1),
                top: top.min(bottom),
                bottom: top.max(bottom),
                size: if c.size.is_finite() && c.size > 0.0 {
                    c.size
                } else {
                    (bottom - top).abs().max(1.0)
                },
                font,
                dir,
            });
        }
        for l in page.lines() {
            push_box_rulings(&mut out.rulings, l.x0, l.top, l.x1, l.bottom, true);
        }
        let mut edged: Vec<Fill> = Vec::new();
        for r in page.rects() {
            let (w, h) = (r.x1 - r.x0, r.bottom - r.top);
            if !(w.is_finite() && h.is_finite()) {
                continue;
            }
            let w = w.abs();
            let h = h.abs();
            if w < THIN || h < THIN {
                if r.fill || r.stroke {
                    push_box_rulings(&mut out.rulings, r.x0, r.top, r.x1, r.bottom, true);
                }
                continue;
            }
            let fill = Fill {
                x0: r.x0.min(r.x1),
                top: r.top.min(r.bottom),
                x1: r.x0.max(r.x1),
                bottom: r.top.max(r.bottom),
                rgb: if r.fill { rgb_of(&r.fill_color) } else { None },
                stroked: r.stroke,
            };
            if r.stroke || (r.fill && !fill.is_white()) {
                edged.push(fill);
            }
            if r.fill {
                out.fills.push(fill);
            }
        }
        push_fill_edges(&mut out.rulings, &edged);
        for c in page.curves() {
            if !(c.fill || c.stroke) {
                continue;
            }
            if let Some((x0, top, x1, bottom)) = thin_polygon(&c.pts) {
                push_box_rulings(&mut out.rulings, x0, top, x1, bottom, true);
            }
        }
        Ok(out)
    }
}

/// A page the library could not read: over one of the per-page budgets
/// (`limit_exceeded`, naming the [`crate::Limits`] field), or damaged.
fn page_error(index: usize, e: pdfplumber::PdfError) -> PdfError {
    let page = index + 1;
    if let Some(l) = e.resource_limit() {
        let (what, field) = match l.name {
            "max_operators_per_page" => (
                "content-stream operators (form XObjects counted each time they are drawn)",
                "max_operators_per_page",
            ),
            "max_emitted_per_page" => ("characters, path segments and images", "max_page_objects"),
            other => (other, other),
        };
        return PdfError::LimitExceeded(format!(
            "page {page}: {what} exceed the limit of {}; the file may be hostile or damaged (the limit is plantab_pdf::Limits::{field})",
            l.limit
        ));
    }
    PdfError::malformed_by(format!("page {page} could not be read"), e)
}

/// Distance within which two fills' edges meet (a seam), points.
const SEAM: f64 = 0.6;
/// Above this many outlined or coloured boxes on a page, seams are not
/// looked for (every edge is a ruling).
const SEAM_MAX_BOXES: usize = 4000;

/// The edges of outlined or coloured boxes as rulings, without their
/// seams: where a box without an outline meets (or lies on) another
/// unoutlined box of the same colour, the edge between them is invisible on
/// paper — word processors paint one shaded cell as several rectangles, one
/// per paragraph or padding strip — so that part of the edge is no
/// boundary. An edge against white, another colour or nothing stays.
///
/// A mark drawn over cells ([`is_mark`]: a Gantt bar) gives no edges at all.
pub(crate) fn push_fill_edges(out: &mut Vec<Ruling>, boxes: &[Fill]) {
    let seamless = boxes.len() > SEAM_MAX_BOXES;
    for (i, f) in boxes.iter().enumerate() {
        if !seamless && is_mark(boxes, i) {
            continue;
        }
        let (x0, x1) = (f.x0.min(f.x1), f.x0.max(f.x1));
        let (top, bottom) = (f.top.min(f.bottom), f.top.max(f.bottom));
        if !(x0.is_finite() && x1.is_finite() && top.is_finite() && bottom.is_finite()) {
            continue;
        }
        let same: Vec<&Fill> = match (seamless || f.stroked, f.rgb) {
            (false, Some(_)) => boxes
                .iter()
                .enumerate()
                .filter(|&(j, g)| j != i && !g.stroked && g.same_colour(f))
                .map(|(_, g)| g)
                .collect(),
            _ => Vec::new(),
        };
        // Each edge: horizontal ones have the other side above `top` /
        // below `bottom`, vertical ones left of `x0` / right of `x1`.
        for (horizontal, pos, outward) in [
            (true, top, -1.0),
            (true, bottom, 1.0),
            (false, x0, -1.0),
            (false, x1, 1.0),
        ] {
            let probe = pos + outward * SEAM;
            let covers: Vec<(f64, f64)> = same
                .iter()
                .filter(|g| {
                    let (lo, hi) = extent(g, !horizontal);
                    lo <= probe && hi >= probe
                })
                .map(|g| extent(g, horizontal))
                .collect();
            let (a, b) = extent(f, horizontal);
            for (from, to) in uncovered(a, b, covers) {
                out.push(Ruling {
                    horizontal,
                    pos,
                    from,
                    to,
                });
            }
        }
    }
}

/// How far inside its cell, above and below, a mark floats (points).
const MARK_INSET: f64 = 1.0;
/// A cell is at most this many times as tall as a mark drawn in it.
const MARK_HOST: f64 = 4.0;

/// Whether box `i` is a mark drawn over cells (a Gantt chart's bar across
/// its quarter columns): unoutlined, drawn after the coloured cells it
/// overlaps, each of another colour, and floating inside every one of them
/// — clear of its top and bottom, the cell at most [`MARK_HOST`] times its
/// height. Its edges are no cell boundaries.
fn is_mark(boxes: &[Fill], i: usize) -> bool {
    let Some(f) = boxes.get(i) else { return false };
    if f.rgb.is_none() || f.stroked {
        return false;
    }
    let (fx0, fx1) = extent(f, true);
    let (ft, fb) = extent(f, false);
    let mut hosts = 0;
    for g in boxes.iter().take(i) {
        if g.rgb.is_none() || g.is_white() || g.same_colour(f) {
            continue;
        }
        let (gx0, gx1) = extent(g, true);
        let (gt, gb) = extent(g, false);
        let overlaps = fx0.max(gx0) < fx1.min(gx1) - SEAM && ft.max(gt) < fb.min(gb) - SEAM;
        if !overlaps {
            continue;
        }
        let floats =
            ft >= gt + MARK_INSET && fb <= gb - MARK_INSET && gb - gt <= MARK_HOST * (fb - ft);
        if !floats {
            return false;
        }
        hosts += 1;
    }
    hosts > 0
}

/// A box's extent across (`true`: its x0..x1) or down (`false`: top..bottom).
fn extent(g: &Fill, across: bool) -> (f64, f64) {
    if across {
        (g.x0.min(g.x1), g.x0.max(g.x1))
    } else {
        (g.top.min(g.bottom), g.top.max(g.bottom))
    }
}

/// The parts of `a..b` that no interval of `covers` covers, each over a
/// point long.
fn uncovered(a: f64, b: f64, mut covers: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    covers.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut out = Vec::new();
    let mut at = a;
    for (lo, hi) in covers {
        if hi <= at {
            continue;
        }
        if lo > at + SEAM {
            out.push((at, lo.min(b)));
        }
        at = at.max(hi);
        if at >= b {
            break;
        }
    }
    if b > at {
        out.push((at, b));
    }
    out.retain(|&(from, to)| to - from > 1.0);
    out
}

/// The shortest ruling a thin polygon gives (points): shorter ones are a
/// bullet's or a dash's mark, drawn with curves as often as with lines.
const MIN_POLYGON_RULING: f64 = 6.0;

/// The box of a painted path that is a ruling drawn as a polygon (a thin
/// bar whose outline has more than four corners, or a polyline): every
/// segment horizontal or vertical and the box under [`THIN`] across.
/// Word processors draw some cell borders this way; pdfplumber counts
/// them as table edges too.
pub(crate) fn thin_polygon(pts: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    if pts.len() < 2 || pts.iter().any(|(x, y)| !(x.is_finite() && y.is_finite())) {
        return None;
    }
    let straight = pts
        .windows(2)
        .all(|w| matches!(w, [a, b] if (a.0 - b.0).abs() < 0.5 || (a.1 - b.1).abs() < 0.5));
    if !straight {
        return None;
    }
    let x0 = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x1 = pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let top = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let bottom = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (w, h) = (x1 - x0, bottom - top);
    ((w < THIN && h >= MIN_POLYGON_RULING) || (h < THIN && w >= MIN_POLYGON_RULING))
        .then_some((x0, top, x1, bottom))
}

/// Rulings from a box: one line when it is thin (`thin_ok`), else its four
/// edges.
pub(crate) fn push_box_rulings(
    out: &mut Vec<Ruling>,
    x0: f64,
    top: f64,
    x1: f64,
    bottom: f64,
    thin_ok: bool,
) {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (top, bottom) = (top.min(bottom), top.max(bottom));
    if !(x0.is_finite() && x1.is_finite() && top.is_finite() && bottom.is_finite()) {
        return;
    }
    let (w, h) = (x1 - x0, bottom - top);
    if thin_ok && h < THIN && w >= h {
        if w > 1.0 {
            out.push(Ruling {
                horizontal: true,
                pos: (top + bottom) / 2.0,
                from: x0,
                to: x1,
            });
        }
        return;
    }
    if thin_ok && w < THIN {
        if h > 1.0 {
            out.push(Ruling {
                horizontal: false,
                pos: (x0 + x1) / 2.0,
                from: top,
                to: bottom,
            });
        }
        return;
    }
    out.push(Ruling {
        horizontal: true,
        pos: top,
        from: x0,
        to: x1,
    });
    out.push(Ruling {
        horizontal: true,
        pos: bottom,
        from: x0,
        to: x1,
    });
    out.push(Ruling {
        horizontal: false,
        pos: x0,
        from: top,
        to: bottom,
    });
    out.push(Ruling {
        horizontal: false,
        pos: x1,
        from: top,
        to: bottom,
    });
}

/// Pages built by hand for unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Dir, Fill, FontInfo, Glyph, PageGlyphs};

    /// An empty page of `width` × `height` points with a regular font (0)
    /// and a bold one (1).
    pub fn page(width: f64, height: f64) -> PageGlyphs {
        PageGlyphs {
            number: 1,
            width,
            height,
            fonts: vec![
                FontInfo::from_name("Calibri"),
                FontInfo::from_name("Calibri-Bold"),
            ],
            ..PageGlyphs::default()
        }
    }

    /// Glyphs for `text` from `x0` on a line at `top`, `size` points,
    /// advancing half the size per character (spaces included).
    pub fn put(p: &mut PageGlyphs, text: &str, (x0, top): (f64, f64), size: f64, font: u16) {
        let mut x = x0;
        for c in text.chars() {
            let start = u32::try_from(p.text.len()).unwrap_or(0);
            p.text.push(c);
            let end = u32::try_from(p.text.len()).unwrap_or(0);
            p.glyphs.push(Glyph {
                start,
                end,
                x0: x,
                x1: x + size / 2.0,
                top,
                bottom: top + size,
                size,
                font,
                dir: Dir::Upright,
            });
            x += size / 2.0;
        }
    }

    /// An unoutlined fill.
    pub fn fill(x0: f64, top: f64, x1: f64, bottom: f64, rgb: [f32; 3]) -> Fill {
        Fill {
            x0,
            top,
            x1,
            bottom,
            rgb: Some(rgb),
            stroked: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::fill;
    use super::*;

    const GREEN: [f32; 3] = [0.9, 0.93, 0.84];
    const DARK: [f32; 3] = [0.61, 0.73, 0.35];

    /// Horizontal rulings at `y` (merged extents), vertical at `x`.
    fn at(rulings: &[Ruling], horizontal: bool, pos: f64) -> Vec<(f64, f64)> {
        let mut v: Vec<(f64, f64)> = rulings
            .iter()
            .filter(|r| r.horizontal == horizontal && (r.pos - pos).abs() < 0.01)
            .map(|r| (r.from, r.to))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    }

    #[test]
    fn a_cell_painted_in_strips_has_only_its_outline() {
        // One shaded cell 100..200 x 10..50, painted as a word processor
        // does: a left and a right padding strip, then one strip per line.
        let boxes = [
            fill(100.0, 10.0, 105.0, 50.0, GREEN),
            fill(195.0, 10.0, 200.0, 50.0, GREEN),
            fill(105.0, 10.0, 195.0, 24.0, GREEN),
            fill(105.0, 24.0, 195.0, 37.9, GREEN),
            fill(105.0, 38.0, 195.0, 50.0, GREEN),
        ];
        let mut out = Vec::new();
        push_fill_edges(&mut out, &boxes);
        // No seam between the strips: nothing at y 24 / 38, x 105 / 195.
        assert!(at(&out, true, 24.0).is_empty());
        assert!(at(&out, true, 38.0).is_empty());
        assert!(at(&out, true, 37.9).is_empty());
        assert!(at(&out, false, 105.0).is_empty());
        assert!(at(&out, false, 195.0).is_empty());
        // The outline stays, in pieces covering the cell's width.
        let top: f64 = at(&out, true, 10.0).iter().map(|(a, b)| b - a).sum();
        assert!((top - 100.0).abs() < 0.01, "{top}");
        assert_eq!(at(&out, false, 100.0), vec![(10.0, 50.0)]);
        assert_eq!(at(&out, false, 200.0), vec![(10.0, 50.0)]);
    }

    #[test]
    fn different_colours_and_outlines_keep_their_edges() {
        // A dark header cell over a light body cell: the colour changes,
        // so the edge between them is a boundary.
        let mut out = Vec::new();
        push_fill_edges(
            &mut out,
            &[
                fill(100.0, 10.0, 200.0, 30.0, DARK),
                fill(100.0, 30.0, 200.0, 60.0, GREEN),
            ],
        );
        assert_eq!(at(&out, true, 30.0).len(), 2);
        // An outlined box keeps all four edges whatever lies next to it.
        let mut out = Vec::new();
        let mut outlined = fill(100.0, 30.0, 200.0, 60.0, GREEN);
        outlined.stroked = true;
        push_fill_edges(&mut out, &[fill(100.0, 10.0, 200.0, 30.0, GREEN), outlined]);
        assert!(at(&out, true, 30.0).contains(&(100.0, 200.0)));
        // Two same-colour cells apart (a white gap between them) are two
        // boxes.
        let mut out = Vec::new();
        push_fill_edges(
            &mut out,
            &[
                fill(100.0, 10.0, 200.0, 30.0, GREEN),
                fill(100.0, 32.0, 200.0, 60.0, GREEN),
            ],
        );
        assert_eq!(at(&out, true, 30.0), vec![(100.0, 200.0)]);
        assert_eq!(at(&out, true, 32.0), vec![(100.0, 200.0)]);
    }

    #[test]
    fn a_bar_drawn_over_cells_is_no_boundary() {
        // Two light cells side by side (a white rule between them), then a
        // Gantt bar across both, clear of their top and bottom: the bar
        // gives no rulings; the cells keep theirs.
        const BAR: [f32; 3] = [0.74, 0.3, 0.62];
        let boxes = [
            fill(100.0, 10.0, 170.0, 55.0, GREEN),
            fill(171.0, 10.0, 240.0, 55.0, GREEN),
            fill(140.0, 25.0, 239.0, 43.0, BAR),
        ];
        let mut out = Vec::new();
        push_fill_edges(&mut out, &boxes);
        assert!(at(&out, false, 140.0).is_empty());
        assert!(at(&out, true, 25.0).is_empty());
        assert_eq!(at(&out, false, 171.0), vec![(10.0, 55.0)]);
        // A cell on a whole table's dark background is a cell, not a mark:
        // the background is far taller than it.
        let boxes = [
            fill(100.0, 10.0, 300.0, 400.0, DARK),
            fill(101.0, 40.0, 200.0, 60.0, GREEN),
        ];
        let mut out = Vec::new();
        push_fill_edges(&mut out, &boxes);
        assert_eq!(at(&out, true, 40.0), vec![(101.0, 200.0)]);
        // Nor is a box drawn before the cell it overlaps.
        let boxes = [
            fill(140.0, 25.0, 239.0, 43.0, BAR),
            fill(100.0, 10.0, 240.0, 55.0, GREEN),
        ];
        let mut out = Vec::new();
        push_fill_edges(&mut out, &boxes);
        assert_eq!(at(&out, false, 140.0), vec![(25.0, 43.0)]);
    }

    #[test]
    fn a_seam_is_cut_only_where_the_neighbour_covers_it() {
        // A wide strip under two narrower same-colour strips covering its
        // left part only: its top edge stays on the right.
        let mut out = Vec::new();
        push_fill_edges(
            &mut out,
            &[
                fill(100.0, 30.0, 300.0, 60.0, GREEN),
                fill(100.0, 10.0, 180.0, 30.0, GREEN),
            ],
        );
        assert_eq!(at(&out, true, 30.0), vec![(180.0, 300.0)]);
    }
}

#[cfg(test)]
mod polygon_tests {
    use super::thin_polygon;

    #[test]
    fn thin_polygons_are_rulings() {
        // A bar drawn with six corners (a border piece joined at a corner).
        let bar = [
            (157.7, 61.4),
            (200.0, 61.4),
            (247.3, 61.4),
            (247.3, 61.9),
            (157.7, 61.9),
            (157.7, 61.4),
        ];
        assert_eq!(thin_polygon(&bar), Some((157.7, 61.4, 247.3, 61.9)));
        // A vertical polyline.
        assert!(thin_polygon(&[(10.0, 0.0), (10.0, 40.0), (10.2, 40.0)]).is_some());
        // A diagonal (a chart line) and a large box are not.
        assert_eq!(thin_polygon(&[(0.0, 0.0), (40.0, 2.0)]), None);
        assert_eq!(
            thin_polygon(&[(0.0, 0.0), (40.0, 0.0), (40.0, 40.0), (0.0, 40.0)]),
            None
        );
        // A bullet's dash, 3 points long, is no ruling.
        assert_eq!(
            thin_polygon(&[
                (40.5, 179.0),
                (43.5, 179.0),
                (43.5, 179.5),
                (40.5, 179.5),
                (40.5, 179.0),
                (40.5, 179.2)
            ]),
            None
        );
    }
}
