//! Glyphs → words → lines.
//!
//! Lines are clustered on the glyphs' vertical centres, glyphs ordered left
//! to right, overprinted duplicates (the same glyph drawn again within a
//! point, a fake-bold trick) dropped, ligatures expanded, and words split
//! at space glyphs or at gaps wider than a fraction of the font size.
//! Rotated text is read along its own direction.

use crate::source::{Dir, Glyph, PageGlyphs};

/// One word inside a [`TextLine`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordSpan {
    /// Byte start in the line's text.
    pub start: usize,
    /// Byte end in the line's text.
    pub end: usize,
    /// Left.
    pub x0: f64,
    /// Right.
    pub x1: f64,
}

/// A line of text (or, outside tables, a run of a line between wide gaps).
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Words joined by single spaces.
    pub text: String,
    /// The words.
    pub words: Vec<WordSpan>,
    /// Left.
    pub x0: f64,
    /// Right.
    pub x1: f64,
    /// Top (from the page's top edge).
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
    /// The largest font size on the line.
    pub size: f64,
    /// Whether most of its glyphs are bold.
    pub bold: bool,
}

/// Horizontal gap (in font sizes) that splits a line into separate runs
/// when `split_runs` is asked for.
const RUN_GAP: f64 = 1.0;

/// Expands a Latin ligature glyph.
fn expand_ligature(t: &str) -> &str {
    match t {
        "\u{FB00}" => "ff",
        "\u{FB01}" => "fi",
        "\u{FB02}" => "fl",
        "\u{FB03}" => "ffi",
        "\u{FB04}" => "ffl",
        "\u{FB05}" | "\u{FB06}" => "st",
        _ => t,
    }
}

/// A glyph seen in a frame where text runs along `a` and lines stack
/// along `c`.
#[derive(Clone, Copy)]
struct Framed {
    idx: u32,
    a0: f64,
    a1: f64,
    c: f64,
}

fn framed(g: &Glyph, idx: u32) -> Framed {
    match g.dir {
        Dir::Upright => Framed {
            idx,
            a0: g.x0,
            a1: g.x1,
            c: g.cy(),
        },
        Dir::Down => Framed {
            idx,
            a0: g.top,
            a1: g.bottom,
            c: -g.cx(),
        },
        Dir::Up => Framed {
            idx,
            a0: -g.bottom,
            a1: -g.top,
            c: g.cx(),
        },
    }
}

/// Builds lines from the glyphs `idx` of `page`, top to bottom. With
/// `split_runs`, a line is cut where a gap wider than about one font size
/// separates two runs of words (table columns, page columns).
pub fn build_lines(page: &PageGlyphs, idx: &[u32], split_runs: bool) -> Vec<TextLine> {
    let mut out = Vec::new();
    for dir in [Dir::Upright, Dir::Up, Dir::Down] {
        let mut fr: Vec<Framed> = idx
            .iter()
            .filter_map(|&i| page.glyphs.get(i as usize).map(|g| (i, g)))
            .filter(|(_, g)| g.dir == dir)
            .map(|(i, g)| framed(g, i))
            .collect();
        if fr.is_empty() {
            continue;
        }
        fr.sort_by(|a, b| a.c.total_cmp(&b.c));
        let mut clusters: Vec<Vec<Framed>> = Vec::new();
        let mut start = 0;
        while start < fr.len() {
            let Some(first) = fr.get(start) else { break };
            let size0 = page.glyphs.get(first.idx as usize).map_or(10.0, |g| g.size);
            let anchor = first.c;
            let mut end = start + 1;
            while let Some(f) = fr.get(end) {
                let size = page.glyphs.get(f.idx as usize).map_or(10.0, |g| g.size);
                if f.c - anchor > 0.45 * size0.min(size).max(1.0) {
                    break;
                }
                end += 1;
            }
            if let Some(cluster) = fr.get(start..end) {
                clusters.push(cluster.to_vec());
            }
            start = end;
        }
        if dir == Dir::Upright {
            attach_raised(page, &mut clusters);
        }
        for cluster in &mut clusters {
            cluster.sort_by(|a, b| a.a0.total_cmp(&b.a0));
            emit_cluster(page, cluster, split_runs, &mut out);
        }
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    out
}

/// Most glyphs a raised or lowered run (a footnote mark, an exponent) has.
const MARK_MAX: usize = 3;
/// A mark's font size is at most this share of its line's.
const MARK_SIZE: f64 = 0.8;

/// Superscripts and subscripts: a line cluster of at most [`MARK_MAX`]
/// small glyphs (footnote marks as "Licence⁶?") whose every glyph overlaps
/// a neighbouring line's glyph vertically by half its height and follows it
/// closely joins that line, so the mark reads inside its word instead of as
/// a line of its own between two lines. A mark before the text (a
/// footnote's own number) stays apart.
fn attach_raised(page: &PageGlyphs, clusters: &mut Vec<Vec<Framed>>) {
    let glyph = |f: &Framed| page.glyphs.get(f.idx as usize);
    let mut k = 0;
    while k < clusters.len() {
        let Some(small) = clusters.get(k) else { break };
        let marks: Vec<&Glyph> = small
            .iter()
            .filter_map(&glyph)
            .filter(|g| !page.glyph_text(g).trim().is_empty())
            .collect();
        if marks.is_empty() || marks.len() > MARK_MAX {
            k += 1;
            continue;
        }
        // The neighbour (before or after) every mark sits against.
        let fits = |other: &[Framed]| -> bool {
            marks.iter().all(|m| {
                let h = (m.bottom - m.top).max(0.1);
                other.iter().filter_map(&glyph).any(|g| {
                    let overlap = m.bottom.min(g.bottom) - m.top.max(g.top);
                    // The mark follows a glyph of the line (a leading
                    // mark, a footnote's own number, stays apart).
                    let after = m.x0 - g.x1;
                    m.size <= MARK_SIZE * g.size
                        && overlap >= 0.5 * h
                        && after <= 0.3 * g.size
                        && g.x0 < m.x0
                })
            })
        };
        let target = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .find(|&j| clusters.get(j).is_some_and(|c| fits(c)));
        match target {
            Some(j) => {
                let moved = clusters.remove(k);
                let j = if j > k { j - 1 } else { j };
                if let Some(c) = clusters.get_mut(j) {
                    c.extend(moved);
                }
                k = j.min(k);
            }
            None => k += 1,
        }
    }
}

/// Turns one line cluster (glyphs sorted along the text direction) into
/// one or more [`TextLine`]s.
fn emit_cluster(page: &PageGlyphs, cluster: &[Framed], split_runs: bool, out: &mut Vec<TextLine>) {
    let mut cur: Option<LineAcc> = None;
    let mut prev: Option<(Framed, &str)> = None;
    let mut pending_space = false;
    for f in cluster {
        let Some(g) = page.glyphs.get(f.idx as usize) else {
            continue;
        };
        let t = page.glyph_text(g);
        if t.trim().is_empty() {
            pending_space = true;
            continue;
        }
        // Overprinted duplicate: same text within a point of the last one.
        if let Some((p, pt)) = prev {
            if pt == t && (f.a0 - p.a0).abs() < 1.0 && (f.c - p.c).abs() < 1.0 {
                continue;
            }
        }
        let tol = (0.2 * g.size).clamp(0.8, 3.0);
        let gap = prev.map_or(0.0, |(p, _)| f.a0 - p.a1);
        if split_runs && gap > RUN_GAP * g.size.max(4.0) {
            if let Some(acc) = cur.take() {
                out.push(acc.finish());
            }
            pending_space = false;
        }
        let acc = cur.get_or_insert_with(LineAcc::default);
        let new_word = acc.text.is_empty() || pending_space || gap > tol;
        acc.push(g, expand_ligature(t), new_word, page.is_bold(g));
        pending_space = false;
        prev = Some((*f, t));
    }
    if let Some(acc) = cur {
        out.push(acc.finish());
    }
}

#[derive(Default)]
struct LineAcc {
    text: String,
    words: Vec<WordSpan>,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    size: f64,
    bold: usize,
    n: usize,
}

impl LineAcc {
    fn push(&mut self, g: &Glyph, t: &str, new_word: bool, bold: bool) {
        if self.n == 0 {
            self.x0 = g.x0;
            self.x1 = g.x1;
            self.top = g.top;
            self.bottom = g.bottom;
        } else {
            self.x0 = self.x0.min(g.x0);
            self.x1 = self.x1.max(g.x1);
            self.top = self.top.min(g.top);
            self.bottom = self.bottom.max(g.bottom);
        }
        self.size = self.size.max(g.size);
        self.n += 1;
        if bold {
            self.bold += 1;
        }
        if new_word || self.words.is_empty() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.words.push(WordSpan {
                start: self.text.len(),
                end: self.text.len(),
                x0: g.x0,
                x1: g.x1,
            });
        }
        self.text.push_str(t);
        let len = self.text.len();
        if let Some(w) = self.words.last_mut() {
            w.end = len;
            w.x0 = w.x0.min(g.x0);
            w.x1 = w.x1.max(g.x1);
        }
    }

    fn finish(self) -> TextLine {
        TextLine {
            bold: self.bold * 2 > self.n,
            text: self.text,
            words: self.words,
            x0: self.x0,
            x1: self.x1,
            top: self.top,
            bottom: self.bottom,
            size: self.size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::testing;

    /// A page with `runs` of (text, x0, top, size).
    fn page(runs: &[(&str, f64, f64, f64)]) -> PageGlyphs {
        let mut p = testing::page(600.0, 800.0);
        for &(text, x0, top, size) in runs {
            testing::put(&mut p, text, (x0, top), size, 0);
        }
        p
    }

    fn texts(p: &PageGlyphs) -> Vec<String> {
        let idx: Vec<u32> = (0..u32::try_from(p.glyphs.len()).unwrap_or(0)).collect();
        build_lines(p, &idx, false)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn a_raised_footnote_mark_stays_in_its_word() {
        // "Open Government Licence⁶?" over three lines: the 8 pt mark,
        // raised 2.4 pt, sits between the second and third lines' centres.
        let p = page(&[
            ("Government", 100.0, 100.0, 12.0),
            ("Licence", 100.0, 114.0, 12.0),
            ("6", 142.0, 111.6, 8.0),
            ("?", 146.0, 114.0, 12.0),
        ]);
        assert_eq!(texts(&p), vec!["Government", "Licence6?"]);
    }

    #[test]
    fn a_footnote_number_before_its_text_stays_apart() {
        // The footnote's own mark, raised before its text, is a line of its
        // own (the table joiner reads a bare mark as a footnote under a
        // table); a small word beside a line, not after one of its glyphs,
        // is not pulled in either.
        let p = page(&[
            ("6", 100.0, 698.0, 6.0),
            (" http://example.org/", 103.0, 700.0, 9.0),
        ]);
        assert_eq!(texts(&p), vec!["6", "http://example.org/"]);
    }
}
