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
                push_box_rulings(
                    &mut out.rulings,
                    fill.x0,
                    fill.top,
                    fill.x1,
                    fill.bottom,
                    false,
                );
            }
            if r.fill {
                out.fills.push(fill);
            }
        }
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

/// The box of a painted path that is a ruling drawn as a polygon (a thin
/// bar whose outline has more than four corners, or a polyline): every
/// segment horizontal or vertical and the box under [`THIN`] across.
/// Word processors draw some cell borders this way; pdfplumber counts
/// them as table edges too.
fn thin_polygon(pts: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
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
    ((w < THIN && h > 1.0) || (h < THIN && w > 1.0)).then_some((x0, top, x1, bottom))
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
    }
}
