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
            let size0 = glyph_size(page, first);
            let anchor = first.c;
            let mut end = start + 1;
            while let Some(f) = fr.get(end) {
                let size = glyph_size(page, f);
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
        join_raised_glyphs(page, &mut clusters);
        for mut cluster in clusters {
            if cluster.is_empty() {
                continue;
            }
            cluster.sort_by(|a, b| a.a0.total_cmp(&b.a0));
            emit_cluster(page, &cluster, split_runs, &mut out);
        }
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    out
}

fn glyph_size(page: &PageGlyphs, f: &Framed) -> f64 {
    page.glyphs.get(f.idx as usize).map_or(10.0, |g| g.size)
}

/// Glyphs smaller than this share of a line's font size, whose centres lie
/// within that line's height, are its superscripts or subscripts.
const SMALL_GLYPHS: f64 = 0.8;

/// Joins a cluster of small glyphs (a footnote mark raised above its line,
/// "Licence⁶?", a subscript) to the neighbouring line whose height holds
/// their centres, beside (not on) its glyphs, right after one of its
/// words: clustered on
/// their centres alone they would be a line of their own, between two
/// lines of a cell.
fn join_raised_glyphs(page: &PageGlyphs, clusters: &mut [Vec<Framed>]) {
    for i in 0..clusters.len() {
        let Some(small) = clusters.get(i) else {
            continue;
        };
        if small.is_empty() {
            continue;
        }
        let small_max = small
            .iter()
            .map(|f| glyph_size(page, f))
            .fold(0.0, f64::max);
        let (c0, c1) = small.iter().fold((f64::MAX, f64::MIN), |(lo, hi), f| {
            (lo.min(f.c), hi.max(f.c))
        });
        let fits = |line: &[Framed]| {
            let size = line.iter().map(|f| glyph_size(page, f)).fold(0.0, f64::max);
            if line.is_empty() || small_max > SMALL_GLYPHS * size {
                return false;
            }
            let (lo, hi) = line.iter().fold((f64::MAX, f64::MIN), |(lo, hi), f| {
                let half = glyph_size(page, f) / 2.0;
                (lo.min(f.c - half), hi.max(f.c + half))
            });
            let beside = small
                .iter()
                .all(|s| line.iter().all(|f| s.a1.min(f.a1) - s.a0.max(f.a0) < 0.5));
            // A mark follows the word it belongs to; a footnote's own mark,
            // printed before its text, stays apart (the tables stage reads
            // it as a footnote under the table).
            let after_a_word = small.iter().any(|s| {
                line.iter()
                    .any(|f| f.a0 < s.a0 && (-0.5..3.0).contains(&(s.a0 - f.a1)))
            });
            lo <= c0 && c1 <= hi && beside && after_a_word
        };
        let target = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| clusters.get(j).is_some_and(|l| fits(l)))
            .min_by(|&a, &b| {
                let d = |j: usize| {
                    clusters.get(j).map_or(f64::MAX, |l| {
                        let mid = l.iter().map(|f| f.c).sum::<f64>() / l.len().max(1) as f64;
                        (mid - (c0 + c1) / 2.0).abs()
                    })
                };
                d(a).total_cmp(&d(b))
            });
        if let Some(j) = target {
            let moved = clusters.get_mut(i).map(std::mem::take).unwrap_or_default();
            if let Some(line) = clusters.get_mut(j) {
                line.extend(moved);
            }
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
    use crate::source::FontInfo;

    /// A page of glyphs: (text, x0, top, size), each glyph 0.6 em wide.
    fn page_of(glyphs: &[(&str, f64, f64, f64)]) -> PageGlyphs {
        let mut page = PageGlyphs {
            number: 1,
            width: 600.0,
            height: 800.0,
            fonts: vec![FontInfo::from_name("Arial")],
            ..PageGlyphs::default()
        };
        for &(t, x0, top, size) in glyphs {
            let start = page.text.len() as u32;
            page.text.push_str(t);
            page.glyphs.push(Glyph {
                start,
                end: page.text.len() as u32,
                x0,
                x1: x0 + 0.6 * size,
                top,
                bottom: top + size,
                size,
                font: 0,
                dir: Dir::Upright,
            });
        }
        page
    }

    /// The lines' texts of a page of `glyphs`.
    fn line_texts(glyphs: &[(&str, f64, f64, f64)]) -> Vec<String> {
        let page = page_of(glyphs);
        let idx: Vec<u32> = (0..page.glyphs.len() as u32).collect();
        build_lines(&page, &idx, false)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    /// Glyphs of `word` from `x0`, at `top`, in `size`.
    fn word(
        word: &'static str,
        x0: f64,
        top: f64,
        size: f64,
    ) -> Vec<(&'static str, f64, f64, f64)> {
        word.char_indices()
            .map(|(i, _)| (&word[i..i + 1], x0 + i as f64 * 0.6 * size, top, size))
            .collect()
    }

    #[test]
    fn a_raised_footnote_mark_stays_on_its_line() {
        // "Government" over "Licence6?", the 6 raised and smaller, as a
        // header cell prints a footnote mark.
        let mut g = word("Government", 100.0, 231.3, 12.0);
        g.extend(word("Licence", 100.0, 245.1, 12.0));
        g.push(("6", 150.4, 242.7, 8.0));
        g.extend(word("?", 155.2, 245.1, 12.0));
        assert_eq!(line_texts(&g), ["Government", "Licence6?"]);
    }

    #[test]
    fn a_footnote_mark_before_its_text_stays_apart() {
        let mut g = vec![("6", 56.6, 485.3, 6.0)];
        g.extend(word("http", 60.4, 488.0, 8.0));
        assert_eq!(line_texts(&g), ["6", "http"]);
    }

    #[test]
    fn small_print_on_a_line_of_its_own_stays_apart() {
        let mut g = word("Title", 100.0, 100.0, 12.0);
        g.extend(word("note", 100.0, 114.0, 7.0));
        assert_eq!(line_texts(&g), ["Title", "note"]);
    }
}
