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
        let mut boxes = Vec::new();
        let mut shades = Vec::new();
        for r in page.rects() {
            let (w, h) = (r.x1 - r.x0, r.bottom - r.top);
            if !(w.is_finite() && h.is_finite()) {
                continue;
            }
            let w = w.abs();
            let h = h.abs();
            let fill = Fill {
                x0: r.x0.min(r.x1),
                top: r.top.min(r.bottom),
                x1: r.x0.max(r.x1),
                bottom: r.top.max(r.bottom),
                rgb: if r.fill { rgb_of(&r.fill_color) } else { None },
                stroked: r.stroke,
            };
            if r.fill && fill.rgb.is_some() && !fill.is_white() {
                shades.push(fill);
            }
            if w < THIN || h < THIN {
                if r.fill || r.stroke {
                    push_box_rulings(&mut out.rulings, r.x0, r.top, r.x1, r.bottom, true);
                }
                continue;
            }
            if r.stroke || (r.fill && !fill.is_white()) {
                boxes.push(fill);
            }
            if r.fill {
                out.fills.push(fill);
            }
        }
        push_fill_rulings(&mut out.rulings, &boxes, &shades);
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

/// Outward distance at which the other side of a fill's edge is looked at.
const EDGE_PROBE: f64 = 0.4;

/// Beyond this many (box, shade) pairs a page's fill edges are all kept as
/// rulings, unchecked (the check is quadratic).
const MAX_EDGE_CHECKS: usize = 4_000_000;

/// Whether two fill colours are the same to the eye.
fn same_colour(a: Option<[f32; 3]>, b: Option<[f32; 3]>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 0.02),
        _ => false,
    }
}

/// Rulings from the edges of rectangles (`boxes`: stroked, or filled with
/// a colour), where an edge shows on paper. A stroked box keeps its four
/// edges. Along a filled box's edge, the parts where a fill of the same
/// colour (`shades`: every coloured fill on the page, thin ones too)
/// continues on the other side draw no line and give no ruling: a cell's
/// shading drawn in pieces — a strip per text line, margins around them,
/// a line's shading inside the cell's — is one shaded cell, and the text
/// lines inside it are not rows.
pub(crate) fn push_fill_rulings(out: &mut Vec<Ruling>, boxes: &[Fill], shades: &[Fill]) {
    let check = boxes.len().saturating_mul(shades.len()) <= MAX_EDGE_CHECKS;
    for b in boxes {
        if b.stroked || !check || b.rgb.is_none() {
            push_box_rulings(out, b.x0, b.top, b.x1, b.bottom, false);
            continue;
        }
        let same: Vec<&Fill> = shades
            .iter()
            .filter(|s| same_colour(s.rgb, b.rgb) && *s != b)
            .collect();
        // (horizontal, pos, probe position across the edge, from, to)
        let edges = [
            (true, b.top, b.top - EDGE_PROBE, b.x0, b.x1),
            (true, b.bottom, b.bottom + EDGE_PROBE, b.x0, b.x1),
            (false, b.x0, b.x0 - EDGE_PROBE, b.top, b.bottom),
            (false, b.x1, b.x1 + EDGE_PROBE, b.top, b.bottom),
        ];
        for (horizontal, pos, probe, from, to) in edges {
            let mut covered: Vec<(f64, f64)> = same
                .iter()
                .filter_map(|s| {
                    let (across0, across1, along0, along1) = if horizontal {
                        (s.top, s.bottom, s.x0, s.x1)
                    } else {
                        (s.x0, s.x1, s.top, s.bottom)
                    };
                    (across0 <= probe && probe <= across1)
                        .then_some((along0.max(from), along1.min(to)))
                        .filter(|(a, z)| z > a)
                })
                .collect();
            covered.sort_by(|a, z| a.0.total_cmp(&z.0));
            let mut at = from;
            for (a, z) in covered {
                if a > at + EDGE_PROBE {
                    push_edge(out, horizontal, pos, at, a);
                }
                at = at.max(z);
            }
            if to > at + EDGE_PROBE {
                push_edge(out, horizontal, pos, at, to);
            }
        }
    }
}

fn push_edge(out: &mut Vec<Ruling>, horizontal: bool, pos: f64, from: f64, to: f64) {
    if to - from > 1.0 {
        out.push(Ruling {
            horizontal,
            pos,
            from,
            to,
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shade(x0: f64, top: f64, x1: f64, bottom: f64, rgb: [f32; 3]) -> Fill {
        Fill {
            x0,
            top,
            x1,
            bottom,
            rgb: Some(rgb),
            stroked: false,
        }
    }

    const RED: [f32; 3] = [1.0, 0.0, 0.0];
    const GREEN: [f32; 3] = [0.0, 0.69, 0.31];

    /// The horizontal rulings at `pos` (within 0.01) and their total length.
    fn at(rulings: &[Ruling], horizontal: bool, pos: f64) -> f64 {
        rulings
            .iter()
            .filter(|r| r.horizontal == horizontal && (r.pos - pos).abs() < 0.01)
            .map(|r| r.to - r.from)
            .sum()
    }

    #[test]
    fn a_cell_shaded_in_pieces_shows_only_its_outline() {
        // A cell 100..140 x 10..36 shaded red as Word draws it: margins left
        // and right, one strip per text line between them.
        let pieces = [
            shade(100.0, 10.0, 105.0, 36.0, RED),
            shade(135.0, 10.0, 140.0, 36.0, RED),
            shade(105.0, 10.0, 135.0, 23.0, RED),
            shade(105.0, 23.0, 135.0, 36.0, RED),
        ];
        let mut out = Vec::new();
        push_fill_rulings(&mut out, &pieces, &pieces);
        // No ruling between the two lines, nor between margin and strip.
        assert_eq!(at(&out, true, 23.0), 0.0);
        assert_eq!(at(&out, false, 105.0), 0.0);
        assert_eq!(at(&out, false, 135.0), 0.0);
        // The outline stays.
        assert!((at(&out, true, 10.0) - 40.0).abs() < 0.01);
        assert!((at(&out, true, 36.0) - 40.0).abs() < 0.01);
        assert!((at(&out, false, 100.0) - 26.0).abs() < 0.01);
    }

    #[test]
    fn a_line_shaded_inside_its_cell_gives_no_ruling() {
        let cell = shade(100.0, 10.0, 140.0, 36.0, RED);
        let line = shade(104.0, 12.0, 130.0, 22.0, RED);
        let mut out = Vec::new();
        push_fill_rulings(&mut out, &[cell, line], &[cell, line]);
        assert_eq!(at(&out, true, 12.0), 0.0);
        assert_eq!(at(&out, true, 22.0), 0.0);
        assert_eq!(at(&out, false, 104.0), 0.0);
        assert!((at(&out, true, 10.0) - 40.0).abs() < 0.01);
    }

    #[test]
    fn cells_of_different_colours_keep_the_edge_between_them() {
        let a = shade(100.0, 10.0, 140.0, 36.0, RED);
        let b = shade(140.0, 10.0, 180.0, 36.0, GREEN);
        let mut out = Vec::new();
        push_fill_rulings(&mut out, &[a, b], &[a, b]);
        assert!(at(&out, false, 140.0) >= 26.0);
        // A stroked box keeps its edges whatever is beside it.
        let mut stroked = shade(140.0, 10.0, 180.0, 36.0, RED);
        stroked.stroked = true;
        let mut out = Vec::new();
        push_fill_rulings(&mut out, &[a, stroked], &[a, stroked]);
        assert!(at(&out, false, 140.0) >= 26.0);
    }
}
