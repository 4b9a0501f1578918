//! Tables without a full grid: found from text alignment, with horizontal
//! rulings (when there are any) as row evidence.
//!
//! 1. Lines are cut into *segments* at gaps wider than about one font size
//!    (a table's column gaps; word spaces stay inside a segment).
//! 2. Runs of nearby lines where most lines have two or more segments are
//!    table candidates; wide single-segment lines (prose) end a run, as does
//!    a large vertical gap.
//! 3. Column boundaries are the x-gaps (gutters) no segment of the run's
//!    multi-segment lines covers: a gap must hold across many lines, so a
//!    wide space in one line makes no column. Columns with text on fewer
//!    than two lines are merged into their neighbour. Two columns of prose
//!    (a two-column page) are told apart by their long, full-width lines.
//! 4. Rows: horizontal rulings across the table always separate rows; when
//!    they separate most lines, each band between two rulings is one row (a
//!    cell wrapped over many lines stays one cell). Otherwise a line starts
//!    a new row unless it continues the row above: no text in the first
//!    column, text only under cells the row above has, not numbers under
//!    numbers, and set as close as a wrapped line; or a first-column line
//!    starting in lower case.
//! 5. A segment crossing a column boundary (a group label over several
//!    columns, a title bar) makes a cell spanning those columns.
//!
//! The result is a [`Grid`] like a ruled one, so the rest of the reader
//! (cell texts, header rows, fragments) treats both alike. Everything here
//! is sorting and linear sweeps over the page's lines.

use crate::grid::{Grid, GridCell};
use crate::lines::{build_lines, TextLine};
use crate::source::{PageGlyphs, Ruling};

/// Gap (in font sizes) between words that cuts a line into segments.
const SEG_GAP: f64 = 0.9;
/// Normal word space ceiling (in font sizes): a column boundary falling in
/// a narrower gap does not split the words around it.
const WORD_SPACE: f64 = 0.38;
/// Largest vertical gap between two lines of one table (in font sizes).
const MAX_LINE_GAP: f64 = 2.6;
/// Most lines of a header block joined to its body over a wide gap (see
/// [`header_over_gap`]).
const HEADER_LINES: usize = 6;
/// Largest gap (in font sizes) between a header block and its body when a
/// ruling lies in the gap.
const HEADER_GAP: f64 = 4.0;
/// A single-segment line at least this wide (share of the page's text
/// width) with at least [`PROSE_WORDS`] words is prose.
const PROSE_WIDTH: f64 = 0.5;
/// See [`PROSE_WIDTH`].
const PROSE_WORDS: usize = 7;

#[derive(Debug, Clone)]
struct Seg {
    x0: f64,
    x1: f64,
    /// Word spans (x0, x1) inside the segment.
    words: Vec<(f64, f64)>,
    /// Per word: whether it is a number (an amount, a count, a date).
    word_numeric: Vec<bool>,
    numeric: bool,
    lower_start: bool,
    chars: usize,
}

#[derive(Debug, Clone)]
struct Line {
    top: f64,
    bottom: f64,
    size: f64,
    x0: f64,
    x1: f64,
    segs: Vec<Seg>,
    words: usize,
}

impl Line {
    fn multi(&self) -> bool {
        self.segs.len() >= 2
    }
}

/// A number: digits with separators, signs, currency and percent signs
/// (an amount, a count, a date), or a lone dash.
pub(crate) fn is_numeric(s: &str) -> bool {
    let t = s.trim();
    let mut digits = 0;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !(c.is_whitespace() || ",.%-+()–−/:*€$£".contains(c)) {
            return false;
        }
    }
    digits > 0 || t == "-" || t == "–"
}

fn to_line(l: &TextLine) -> Option<Line> {
    let size = l.size.max(1.0);
    let mut segs: Vec<Seg> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for w in &l.words {
        let text = l.text.get(w.start..w.end).unwrap_or("");
        let new = match segs.last() {
            Some(s) => w.x0 - s.x1 > SEG_GAP * size,
            None => true,
        };
        if new {
            segs.push(Seg {
                x0: w.x0,
                x1: w.x1,
                words: vec![(w.x0, w.x1)],
                word_numeric: vec![is_numeric(text)],
                numeric: false,
                lower_start: text.chars().next().is_some_and(char::is_lowercase),
                chars: 0,
            });
            texts.push(String::new());
        } else if let Some(s) = segs.last_mut() {
            s.x1 = s.x1.max(w.x1);
            s.words.push((w.x0, w.x1));
            s.word_numeric.push(is_numeric(text));
        }
        if let (Some(s), Some(t)) = (segs.last_mut(), texts.last_mut()) {
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(text);
            s.chars = t.chars().count();
        }
    }
    for (s, t) in segs.iter_mut().zip(&texts) {
        s.numeric = is_numeric(t);
    }
    if segs.is_empty() {
        return None;
    }
    Some(Line {
        top: l.top,
        bottom: l.bottom,
        size,
        x0: l.x0,
        x1: l.x1,
        words: l.words.len(),
        segs,
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 10.0;
    }
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(10.0)
}

/// Finds tables by text alignment among the glyphs `idx` of a page (those
/// not already in a ruled table). `rulings` are the page's rulings; the
/// horizontal ones inside a table separate its rows.
///
/// `columns`, when not empty, are the column separators (x positions) to
/// use instead of the gutters the lines leave.
pub fn find_text_grids(
    page: &PageGlyphs,
    idx: &[u32],
    rulings: &[Ruling],
    columns: &[f64],
) -> Vec<Grid> {
    let text_lines = build_lines(page, idx, false);
    let lines: Vec<Line> = text_lines.iter().filter_map(to_line).collect();
    if lines.len() < 2 {
        return Vec::new();
    }
    let (mut px0, mut px1) = (f64::INFINITY, f64::NEG_INFINITY);
    for l in &lines {
        px0 = px0.min(l.x0);
        px1 = px1.max(l.x1);
    }
    let text_width = (px1 - px0).max(1.0);
    let hrules: Vec<&Ruling> = rulings.iter().filter(|r| r.horizontal).collect();
    let mut grids = Vec::new();
    let mut prev_end: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines.get(i) else { break };
        if !first.multi() {
            i += 1;
            continue;
        }
        // Header lines above it: close, and set in from the run's left edge
        // (a group label over some columns), which prose lines are not.
        let mut start = i;
        let mut run_x0 = first.x0;
        while start > 0 && i - start < 2 {
            let (Some(above), Some(below)) = (lines.get(start - 1), lines.get(start)) else {
                break;
            };
            let close = below.top - above.bottom <= 1.2 * above.size.max(below.size);
            let free = prev_end.is_none_or(|e| start - 1 > e);
            if close && free && !above.multi() && above.x0 > run_x0 + 2.0 * above.size {
                start -= 1;
                run_x0 = run_x0.min(above.x0);
            } else {
                break;
            }
        }
        // Grow the run downwards.
        let mut end = i + 1;
        let mut last_multi = i;
        while let (Some(prev), Some(next)) = (lines.get(end - 1), lines.get(end)) {
            let size = prev.size.max(next.size);
            let gap = next.top - prev.bottom;
            if gap > MAX_LINE_GAP * size
                && !lines
                    .get(start..end)
                    .is_some_and(|head| header_over_gap(head, next, &hrules))
            {
                break;
            }
            if !next.multi() {
                let prose = next.words >= PROSE_WORDS
                    && (next.x1 - next.x0) >= PROSE_WIDTH * text_width
                    && next.x0 <= run_x0 + 2.0 * next.size;
                if prose || end - last_multi > 2 {
                    break;
                }
            } else {
                last_multi = end;
            }
            end += 1;
        }
        let run_end = last_multi + 1 + closed_tail(&lines, start, last_multi, &hrules);
        if let Some(run) = lines.get(start..run_end) {
            if let Some(g) = run_grid(run, &hrules, columns, false) {
                grids.push(g);
                prev_end = Some(run_end - 1);
            }
        }
        i = run_end.max(i + 1);
    }
    grids
}

/// How many single-segment lines after the run's last line in columns
/// (`lines[last]`) still belong to its last row: a cell wrapped over more
/// lines than the other cells of its row, in a table ruled between its
/// rows. They count when each is set as close as a wrapped line and
/// starts where a cell of the row after its first starts, no
/// ruling across the table lies between them and the row, and a ruling
/// across the table closes them just below (the rule under the last row,
/// clear of the text: an underline runs inside the line's box).
fn closed_tail(lines: &[Line], start: usize, last: usize, hrules: &[&Ruling]) -> usize {
    let Some(run) = lines.get(start..=last) else {
        return 0;
    };
    let x0 = run.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let x1 = run.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let across = |r: &&Ruling| r.to.min(x1) - r.from.max(x0) >= 0.5 * (x1 - x0);
    let top = run.first().map_or(0.0, |l| l.top);
    let bottom = run.last().map_or(0.0, |l| l.bottom);
    // Only a table ruled between its rows: a rule in a gap between lines
    // (an underline runs inside its line's box).
    let in_gap = |r: &&Ruling| !run.iter().any(|l| r.pos > l.top && r.pos < l.bottom);
    if !hrules
        .iter()
        .any(|r| r.pos > top && r.pos < bottom && across(r) && in_gap(r))
    {
        return 0;
    }
    // Where the row's cells start, after its first: a wrapped cell's lines
    // start where the cell does.
    let starts: Vec<f64> = run
        .last()
        .map(|l| l.segs.iter().skip(1).map(|s| s.x0).collect())
        .unwrap_or_default();
    let ruled_between = |a: f64, b: f64| hrules.iter().any(|r| r.pos > a && r.pos < b && across(r));
    let mut n = 0;
    let mut prev_bottom = bottom;
    let mut last_size = run.last().map_or(10.0, |l| l.size);
    while let Some(l) = lines.get(last + 1 + n) {
        let size = l.size;
        if l.multi()
            || l.top - prev_bottom > 0.6 * size
            || !starts.iter().any(|&sx| (l.x0 - sx).abs() <= 1.0)
            || ruled_between(prev_bottom - 0.5, l.top + 0.5 * size)
        {
            break;
        }
        n += 1;
        prev_bottom = l.bottom;
        last_size = size;
    }
    if n == 0 {
        return 0;
    }
    let next_top = lines.get(last + 1 + n).map_or(f64::INFINITY, |l| l.top);
    let closed = hrules.iter().any(|r| {
        r.pos > prev_bottom + 0.5
            && r.pos < next_top
            && r.pos <= prev_bottom + 1.5 * last_size
            && across(r)
    });
    if closed {
        n
    } else {
        0
    }
}

/// Whether `head` (the lines of a run so far) is a header block set apart
/// from the body below it, `next` its first line: a few lines of labels
/// (no segment a number, at least one line in columns) over a body line
/// in columns holding numbers, with a horizontal ruling across the gap
/// (the rule under a header) and the gap at most
/// [`HEADER_GAP`] font sizes. Budget statements leave a wide gap under
/// the header rule before the first row.
fn header_over_gap(head: &[Line], next: &Line, hrules: &[&Ruling]) -> bool {
    let Some(last) = head.last() else {
        return false;
    };
    if head.len() > HEADER_LINES
        || !next.multi()
        || !next.segs.iter().any(|s| s.numeric)
        || !head.iter().any(Line::multi)
        || head.iter().flat_map(|l| &l.segs).any(|s| s.numeric)
    {
        return false;
    }
    let size = last.size.max(next.size);
    if next.top - last.bottom > HEADER_GAP * size {
        return false;
    }
    let x0 = head.iter().map(|l| l.x0).fold(next.x0, f64::min);
    let x1 = head.iter().map(|l| l.x1).fold(next.x1, f64::max);
    // A rule drawn in pieces (one per cell) counts as one.
    let mut gap_rules: Vec<&Ruling> = hrules
        .iter()
        .copied()
        .filter(|r| r.pos > last.bottom && r.pos < next.top)
        .collect();
    gap_rules.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    gap_rules.chunk_by(|a, b| b.pos - a.pos < 1.0).any(|rule| {
        let covered: f64 = rule
            .iter()
            .map(|r| (r.to.min(x1) - r.from.max(x0)).max(0.0))
            .sum();
        covered >= 0.5 * (x1 - x0)
    })
}

/// Column boundaries of a run from the gutters of its multi-segment lines.
fn gutters(run: &[Line], x0: f64, x1: f64, min_gap: f64) -> Vec<f64> {
    let multi: Vec<&Line> = run.iter().filter(|l| l.multi()).collect();
    // A title or a group label may cross a gap the other lines keep.
    let tol = if multi.len() >= 4 {
        (multi.len() / 10).max(1)
    } else {
        0
    };
    let mut ev: Vec<(f64, i32)> = Vec::new();
    // Words, not segments: a narrow column gap is still a gap when every
    // line keeps it; a word space is narrower than `min_gap`.
    for l in &multi {
        for w in l.segs.iter().flat_map(|s| &s.words) {
            ev.push((w.0, 1));
            ev.push((w.1, -1));
        }
    }
    ev.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    // Gaps where at most `level` lines have text.
    let gaps = |level: usize| -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        let mut count: i64 = 0;
        let mut open_at: Option<f64> = None;
        let low = |c: i64| c <= level as i64;
        for &(x, d) in &ev {
            let before = count;
            count += i64::from(d);
            if low(before) && !low(count) {
                if let Some(a) = open_at.take() {
                    if a > x0 && x < x1 && x - a >= min_gap {
                        out.push((a, x));
                    }
                }
            } else if !low(before) && low(count) {
                open_at = Some(x);
            }
        }
        out
    };
    // Within a gap some lines cross, the boundary goes in the widest part
    // the fewest lines cross: a crossing line's text (a long label filling
    // its column, a header label set over the gap) stays on its side.
    let mut levels: Vec<Vec<(f64, f64)>> = Vec::new();
    for level in 0..tol {
        levels.push(gaps(level));
    }
    gaps(tol)
        .into_iter()
        .map(|(a, x)| {
            levels
                .iter()
                .find_map(|found| {
                    found
                        .iter()
                        .filter(|(ca, cx)| *ca >= a && *cx <= x)
                        .max_by(|p, q| (p.1 - p.0).total_cmp(&(q.1 - q.0)))
                        .map(|(ca, cx)| (ca + cx) / 2.0)
                })
                .unwrap_or((a + x) / 2.0)
        })
        .collect()
}

/// Index of the column holding `x` given inner boundaries.
fn col_of(bounds: &[f64], x: f64) -> usize {
    bounds.partition_point(|b| *b < x)
}

/// The whole of the glyphs `idx` read as one table by text alignment (an
/// area the user says holds a table, where the finder saw none), with
/// `columns` as separators when given; `None` when the glyphs make fewer
/// than two lines or (without `columns`) show no column gap.
pub fn forced_grid(
    page: &PageGlyphs,
    idx: &[u32],
    rulings: &[Ruling],
    columns: &[f64],
) -> Option<Grid> {
    let text_lines = build_lines(page, idx, false);
    let lines: Vec<Line> = text_lines.iter().filter_map(to_line).collect();
    let hrules: Vec<&Ruling> = rulings.iter().filter(|r| r.horizontal).collect();
    run_grid(&lines, &hrules, columns, true)
}

/// A run of lines → a grid. `columns` (when not empty) replace the
/// gutters; `force` keeps every line and skips the checks that tell prose
/// from a table (the user said this is a table).
fn run_grid(run: &[Line], hrules: &[&Ruling], columns: &[f64], force: bool) -> Option<Grid> {
    let n_multi = run.iter().filter(|l| l.multi()).count();
    if run.len() < 2 || (n_multi < 2 && !force) {
        return None;
    }
    let size = median(run.iter().map(|l| l.size).collect());
    let x0 = run.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let x1 = run.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let forced_cols = !columns.is_empty();
    let mut bounds = if forced_cols {
        columns
            .iter()
            .copied()
            .filter(|&c| c > x0 && c < x1)
            .collect()
    } else {
        gutters(run, x0, x1, (WORD_SPACE * size).max(1.5))
    };
    // Drop boundaries that leave a column with text on fewer than two lines.
    loop {
        if forced_cols {
            break;
        }
        if bounds.is_empty() {
            return None;
        }
        let cols = bounds.len() + 1;
        let mut lines_in = vec![0usize; cols];
        for l in run {
            let mut seen = vec![false; cols];
            for s in &l.segs {
                let c = col_of(&bounds, (s.x0 + s.x1) / 2.0);
                if let Some(v) = seen.get_mut(c) {
                    *v = true;
                }
            }
            for (k, v) in seen.iter().enumerate() {
                if *v {
                    if let Some(n) = lines_in.get_mut(k) {
                        *n += 1;
                    }
                }
            }
        }
        let weak = lines_in
            .iter()
            .enumerate()
            .filter(|(_, n)| **n < 2)
            .min_by_key(|(_, n)| **n)
            .map(|(k, _)| k);
        let Some(k) = weak else { break };
        // Merge column k with its nearer neighbour: drop the boundary on
        // the side of the narrower gap.
        let left = k.checked_sub(1);
        let right = (k < bounds.len()).then_some(k);
        let drop = match (left, right) {
            (Some(a), Some(b)) => {
                let (la, lb) = (
                    bounds.get(a).copied().unwrap_or(0.0),
                    bounds.get(b).copied().unwrap_or(0.0),
                );
                // Column k's text span.
                let (mut c0, mut c1) = (f64::INFINITY, f64::NEG_INFINITY);
                for s in run.iter().flat_map(|l| &l.segs) {
                    if col_of(&bounds, (s.x0 + s.x1) / 2.0) == k {
                        c0 = c0.min(s.x0);
                        c1 = c1.max(s.x1);
                    }
                }
                if c0 - la <= lb - c1 {
                    a
                } else {
                    b
                }
            }
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        bounds.remove(drop.min(bounds.len().saturating_sub(1)));
    }
    let cols = bounds.len() + 1;
    if cols < 2 {
        return None;
    }
    let checks = !force;
    // Two (or more) columns of prose: long segments filling their column.
    let mut long = 0usize;
    let mut segs = 0usize;
    for l in run {
        for s in &l.segs {
            segs += 1;
            if s.chars >= 30 {
                long += 1;
            }
        }
    }
    if checks && segs > 0 && long * 10 >= segs * 6 {
        return None;
    }
    // Justified prose stretched into wide, even spaces: every gap of a
    // line the same width.
    let (mut even, mut wide) = (0usize, 0usize);
    for l in run.iter().filter(|l| l.segs.len() >= 3) {
        wide += 1;
        let gaps: Vec<f64> = l
            .segs
            .windows(2)
            .filter_map(|w| match w {
                [a, b] => Some(b.x0 - a.x1),
                _ => None,
            })
            .collect();
        let lo = gaps.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = gaps.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if hi - lo < 1.0 {
            even += 1;
        }
    }
    if checks && wide >= 2 && even * 10 >= wide * 6 {
        return None;
    }
    // Rulings across the run: row separators.
    let rw = x1 - x0;
    let top = run.first().map_or(0.0, |l| l.top);
    let bottom = run.last().map_or(0.0, |l| l.bottom);
    let mut rules: Vec<f64> = hrules
        .iter()
        .filter(|r| r.pos > top && r.pos < bottom)
        .filter(|r| r.to.min(x1) - r.from.max(x0) >= 0.5 * rw)
        .map(|r| r.pos)
        .collect();
    rules.sort_by(f64::total_cmp);
    rules.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    let band = |l: &Line| rules.partition_point(|r| *r < (l.top + l.bottom) / 2.0);
    // Two text lines side by side (numbered headings, a letterhead) are
    // not a table without rulings to say so.
    if checks && n_multi < 3 && rules.is_empty() {
        return None;
    }
    let ruled_rows = !rules.is_empty() && rules.len() * 2 + 2 >= n_multi;
    // Per line: columns with text.
    let line_cols = |l: &Line| -> Vec<usize> {
        let mut v: Vec<usize> = l
            .segs
            .iter()
            .map(|s| col_of(&bounds, (s.x0 + s.x1) / 2.0))
            .collect();
        v.dedup();
        v
    };
    let seg_in = |l: &Line, c: usize| -> Option<Seg> {
        l.segs
            .iter()
            .find(|s| col_of(&bounds, (s.x0 + s.x1) / 2.0) == c)
            .cloned()
    };
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for (li, l) in run.iter().enumerate() {
        let Some(prev_row) = rows.last() else {
            rows.push(vec![li]);
            continue;
        };
        let Some(&pi) = prev_row.last() else {
            rows.push(vec![li]);
            continue;
        };
        let Some(p) = run.get(pi) else {
            rows.push(vec![li]);
            continue;
        };
        if band(l) != band(p) {
            rows.push(vec![li]);
            continue;
        }
        if ruled_rows {
            if let Some(r) = rows.last_mut() {
                r.push(li);
            }
            continue;
        }
        let gap = l.top - p.bottom;
        let tight = gap < 0.6 * size;
        let lc = line_cols(l);
        let mut row_cols: Vec<usize> = prev_row
            .iter()
            .filter_map(|&k| run.get(k))
            .flat_map(&line_cols)
            .collect();
        row_cols.sort_unstable();
        row_cols.dedup();
        let cont_a = tight
            && !lc.contains(&0)
            && lc.iter().all(|c| row_cols.contains(c))
            && lc.iter().all(|&c| {
                let a = seg_in(l, c);
                let b = seg_in(p, c);
                !(a.is_some_and(|s| s.numeric) && b.is_some_and(|s| s.numeric))
            });
        let cont_b = tight && lc == [0] && l.segs.first().is_some_and(|s| s.lower_start);
        if cont_a || cont_b {
            if let Some(r) = rows.last_mut() {
                r.push(li);
            }
        } else {
            rows.push(vec![li]);
        }
    }
    // Cells: a row's boundary is crossed when a word crosses it, or a
    // segment crosses it at a gap no wider than a word space.
    let mut spans: Vec<Vec<(usize, usize)>> = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut crossed = vec![false; cols.saturating_sub(1)];
        for l in row.iter().filter_map(|&k| run.get(k)) {
            for s in &l.segs {
                for (b, &bx) in bounds.iter().enumerate() {
                    if s.x0 >= bx || s.x1 <= bx {
                        continue;
                    }
                    let word_cross = s.words.iter().any(|w| w.0 < bx && w.1 > bx);
                    // A number set close after text across a column
                    // boundary starts the next cell (an amount after a
                    // label that fills its column), it does not continue
                    // a label spanning both.
                    let small_gap = s.words.windows(2).enumerate().any(|(k, w)| match w {
                        [a, c] => {
                            let num = |i: usize| s.word_numeric.get(i).copied().unwrap_or(false);
                            // A number after a non-number across the
                            // boundary starts a new cell.
                            let number_starts = num(k + 1) && !num(k);
                            a.1 <= bx
                                && c.0 >= bx
                                && c.0 - a.1 <= WORD_SPACE * l.size
                                && !number_starts
                        }
                        _ => false,
                    });
                    if word_cross || small_gap {
                        if let Some(v) = crossed.get_mut(b) {
                            *v = true;
                        }
                    }
                }
            }
        }
        let mut v = Vec::new();
        let mut c = 0;
        while c < cols {
            let mut span = 1;
            while c + span < cols && crossed.get(c + span - 1).copied().unwrap_or(false) {
                span += 1;
            }
            v.push((c, span));
            c += span;
        }
        spans.push(v);
    }
    // Title lines above and notes below: one cell across the table.
    let across = |v: &Vec<(usize, usize)>| v.len() == 1;
    let (lead, trail) = if checks {
        (
            spans.iter().take_while(|v| across(v)).count(),
            spans.iter().rev().take_while(|v| across(v)).count(),
        )
    } else {
        (0, 0)
    };
    if checks && lead + trail + 2 > rows.len() {
        return None;
    }
    let rows = rows.get(lead..rows.len() - trail)?;
    let spans = spans.get(lead..spans.len() - trail)?;
    // Grid geometry.
    let mut xs = Vec::with_capacity(cols + 1);
    xs.push(x0 - 0.5);
    xs.extend(bounds.iter().copied());
    xs.push(x1 + 0.5);
    let row_box = |r: &[usize]| -> (f64, f64) {
        let t = r
            .iter()
            .filter_map(|&k| run.get(k))
            .map(|l| l.top)
            .fold(f64::INFINITY, f64::min);
        let b = r
            .iter()
            .filter_map(|&k| run.get(k))
            .map(|l| l.bottom)
            .fold(f64::NEG_INFINITY, f64::max);
        (t, b)
    };
    let boxes: Vec<(f64, f64)> = rows.iter().map(|r| row_box(r)).collect();
    let mut ys = Vec::with_capacity(rows.len() + 1);
    ys.push(boxes.first().map_or(top, |b| b.0) - 0.5);
    for w in boxes.windows(2) {
        if let [a, b] = w {
            ys.push((a.1 + b.0) / 2.0);
        }
    }
    ys.push(boxes.last().map_or(bottom, |b| b.1) + 0.5);
    let mut cells = Vec::new();
    let mut cell_at = vec![0usize; rows.len() * cols];
    for (r, v) in spans.iter().enumerate() {
        for &(c, span) in v {
            let id = cells.len();
            cells.push(GridCell {
                row: r,
                col: c,
                row_span: 1,
                col_span: span,
            });
            for cc in c..c + span {
                if let Some(slot) = cell_at.get_mut(r * cols + cc) {
                    *slot = id;
                }
            }
        }
    }
    Some(Grid {
        xs,
        ys,
        cells,
        cell_at,
    })
}

/// Assigns glyphs to a grid's merged cells by their centres; glyphs outside
/// every cell are returned apart.
pub fn assign(page: &PageGlyphs, grid: &Grid, idx: &[u32]) -> (Vec<Vec<u32>>, Vec<u32>) {
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); grid.cells.len()];
    let mut rest = Vec::new();
    for &i in idx {
        let placed = page.glyphs.get(i as usize).and_then(|g| {
            let (cx, cy) = (g.cx(), g.cy());
            grid.contains(cx, cy)
                .then(|| grid.cell_of(cx, cy))
                .flatten()
        });
        match placed.and_then(|c| cells.get_mut(c)) {
            Some(v) => v.push(i),
            None => rest.push(i),
        }
    }
    (cells, rest)
}

/// How many times wider than every gutter inside a group the gutter
/// between the groups of a snaked table must be.
const SNAKE_GUTTER: f64 = 2.0;

/// A table printed snaked (a long list wrapped into side-by-side groups
/// of the same columns, as a newspaper flows text: rows 1–24 on the left,
/// 25–44 on the right) split into one grid per group, left to right; the
/// grid unchanged (alone) otherwise. The groups then read as one table
/// continued, as fragments one after another are joined.
///
/// A grid of `n × k` columns (`n ≥ 2` groups of `k ≥ 2`) is snaked when
/// the gutters between groups are each wider than every gutter inside a
/// group — at least [`SNAKE_GUTTER`] times wider, or the list says it goes
/// on (its numbering carries on into the next group, or every group has
/// the same header) — a first row of labels over numbers is the same in
/// every group, no cell crosses a group boundary,
/// each column holds numbers exactly where the same column of the first
/// group does (in rows where both have text), and a later group has text
/// only in rows where the group before it has text (it ends no later).
/// Trailing rows a group leaves empty are cut from its grid.
pub fn split_snaked(
    page: &PageGlyphs,
    grid: Grid,
    cells: Vec<Vec<u32>>,
) -> Vec<(Grid, Vec<Vec<u32>>)> {
    match snaked_groups(page, &grid, &cells) {
        Some(k) => {
            let groups = grid.cols() / k;
            let mut out = Vec::with_capacity(groups);
            for g in 0..groups {
                if let Some(part) = column_group(&grid, &cells, g * k, k) {
                    out.push(part);
                }
            }
            if out.len() == groups {
                out
            } else {
                vec![(grid, cells)]
            }
        }
        None => vec![(grid, cells)],
    }
}

/// The group width `k` of a snaked grid (see [`split_snaked`]).
fn snaked_groups(page: &PageGlyphs, grid: &Grid, cells: &[Vec<u32>]) -> Option<usize> {
    let (rows, cols) = (grid.rows(), grid.cols());
    if cols < 4 || rows < 3 {
        return None;
    }
    // Per position: the text of its one-column cell; per column: ink span.
    let mut text: Vec<Option<String>> = vec![None; rows * cols];
    let mut ink: Vec<(f64, f64)> = vec![(f64::INFINITY, f64::NEG_INFINITY); cols];
    for (id, c) in grid.cells.iter().enumerate() {
        let glyphs = cells.get(id).map_or(&[][..], |v| &v[..]);
        if glyphs.is_empty() {
            continue;
        }
        if c.col_span != 1 || c.row_span != 1 {
            return None;
        }
        let mut t = String::new();
        for &i in glyphs {
            let Some(g) = page.glyphs.get(i as usize) else {
                continue;
            };
            if let Some(s) = page.text.get(g.start as usize..g.end as usize) {
                t.push_str(s);
            }
            if let Some(span) = ink.get_mut(c.col) {
                span.0 = span.0.min(g.x0);
                span.1 = span.1.max(g.x1);
            }
        }
        if let Some(slot) = text.get_mut(c.row * cols + c.col) {
            *slot = Some(t);
        }
    }
    if ink.iter().any(|(a, b)| a > b) {
        return None;
    }
    let gutter = |c: usize| -> f64 {
        match (ink.get(c), ink.get(c + 1)) {
            (Some(l), Some(r)) => r.0 - l.1,
            _ => 0.0,
        }
    };
    let at = |r: usize, c: usize| text.get(r * cols + c).and_then(Option::as_ref);
    'k: for k in 2..=cols / 2 {
        if cols % k != 0 {
            continue;
        }
        let groups = cols / k;
        let inner = (0..cols - 1)
            .filter(|c| (c + 1) % k != 0)
            .map(gutter)
            .fold(0.0, f64::max);
        let between = (1..groups)
            .map(|g| gutter(g * k - 1))
            .fold(f64::INFINITY, f64::min);
        if inner <= 0.0 || between <= inner {
            continue;
        }
        let has = |r: usize, g: usize| (0..k).any(|j| at(r, g * k + j).is_some());
        // Below [`SNAKE_GUTTER`], the list must say it goes on: its
        // numbering carries on into the next group (…, 24 | 25, …), or
        // each group has the same header.
        let number = |r: usize, c: usize| at(r, c).and_then(|t| t.trim().parse::<u64>().ok());
        let numbering_goes_on = (1..groups).all(|g| {
            let last = (0..rows)
                .rev()
                .find_map(|r| at(r, (g - 1) * k).map(|_| number(r, (g - 1) * k)));
            let first = (0..rows).find_map(|r| at(r, g * k).map(|_| number(r, g * k)));
            matches!((last, first), (Some(Some(a)), Some(Some(b))) if b == a + 1)
        });
        // Header rows: the rows above the first number in a column of
        // numbers (of the first group).
        let numeric_cols: Vec<usize> = (0..k)
            .filter(|&j| {
                let cells: Vec<&String> = (0..rows).filter_map(|r| at(r, j)).collect();
                cells.iter().filter(|t| is_numeric(t)).count() * 2 > cells.len()
            })
            .collect();
        let head = if numeric_cols.is_empty() {
            0
        } else {
            (0..rows)
                .position(|r| {
                    numeric_cols
                        .iter()
                        .any(|&j| at(r, j).is_some_and(|t| is_numeric(t)))
                })
                .unwrap_or(0)
        };
        let same_header = head > 0
            && (1..groups).all(|g| (0..head).all(|r| (0..k).all(|j| at(r, j) == at(r, g * k + j))));
        if between < SNAKE_GUTTER * inner && !numbering_goes_on && !same_header {
            continue;
        }
        // Header rows that differ between the groups name different
        // columns (codes and names of one thing, then of another), not
        // one list.
        let header_like = head > 0;
        if header_like && !same_header {
            continue;
        }
        for g in 1..groups {
            if (0..rows).filter(|&r| has(r, g)).count() < 2 {
                continue 'k;
            }
            for r in 0..rows {
                if has(r, g) && !has(r, g - 1) {
                    continue 'k;
                }
                for j in 0..k {
                    if let (Some(a), Some(b)) = (at(r, j), at(r, g * k + j)) {
                        if is_numeric(a) != is_numeric(b) {
                            continue 'k;
                        }
                    }
                }
            }
        }
        return Some(k);
    }
    None
}

/// Columns `first..first + k` of a grid as a grid of their own, with the
/// rows after the last one holding text cut off.
fn column_group(
    grid: &Grid,
    cells: &[Vec<u32>],
    first: usize,
    k: usize,
) -> Option<(Grid, Vec<Vec<u32>>)> {
    let xs = grid.xs.get(first..=first + k)?.to_vec();
    let mut picked: Vec<(GridCell, Vec<u32>)> = grid
        .cells
        .iter()
        .zip(cells)
        .filter(|(c, _)| c.col >= first && c.col < first + k)
        .map(|(c, v)| {
            (
                GridCell {
                    col: c.col - first,
                    ..*c
                },
                v.clone(),
            )
        })
        .collect();
    let last = picked
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(c, _)| c.row + c.row_span)
        .max()?;
    picked.retain(|(c, _)| c.row < last);
    let ys = grid.ys.get(..=last)?.to_vec();
    picked.sort_by_key(|(c, _)| (c.row, c.col));
    let (gcells, glyphs): (Vec<GridCell>, Vec<Vec<u32>>) = picked.into_iter().unzip();
    Some((with_cells(xs, ys, gcells), glyphs))
}

/// Rebuilds `cell_at` (and the row-major order) from a list of cells.
fn with_cells(xs: Vec<f64>, ys: Vec<f64>, mut cells: Vec<GridCell>) -> Grid {
    cells.sort_by_key(|c| (c.row, c.col));
    let cols = xs.len().saturating_sub(1);
    let rows = ys.len().saturating_sub(1);
    let mut cell_at = vec![0usize; rows * cols];
    for (id, c) in cells.iter().enumerate() {
        for r in c.row..c.row + c.row_span {
            for cc in c.col..c.col + c.col_span {
                if let Some(slot) = cell_at.get_mut(r * cols + cc) {
                    *slot = id;
                }
            }
        }
    }
    Grid {
        xs,
        ys,
        cells,
        cell_at,
    }
}

/// Text columns inside the ruled columns of a grid (a table ruled only
/// between its first column and the rest, or only above and below): in a
/// column, a vertical gap at least [`SEG_GAP`] font sizes wide that no word
/// of its one-column cells covers, with words on both sides on at least
/// two lines (so one wide space makes no column), and at least three lines
/// of text in the column (a body ruled as one cell counts its lines). Returns the new column
/// boundaries (sorted, inside the grid).
fn text_columns(page: &PageGlyphs, grid: &Grid, cells: &[Vec<u32>]) -> Vec<f64> {
    let mut out = Vec::new();
    for c in 0..grid.cols() {
        let (Some(&a), Some(&b)) = (grid.xs.get(c), grid.xs.get(c + 1)) else {
            continue;
        };
        let per_cell: Vec<Vec<TextLine>> = grid
            .cells
            .iter()
            .enumerate()
            .filter(|(_, gc)| gc.col == c && gc.col_span == 1)
            .filter_map(|(id, _)| {
                let lines = build_lines(page, cells.get(id)?, false);
                (!lines.is_empty()).then_some(lines)
            })
            .collect();
        if per_cell.iter().map(Vec::len).sum::<usize>() < 3 {
            continue;
        }
        let size = median(per_cell.iter().flatten().map(|l| l.size).collect());
        let mut ws: Vec<(f64, f64)> = per_cell
            .iter()
            .flatten()
            .flat_map(|l| l.words.iter().map(|w| (w.x0, w.x1)))
            .collect();
        ws.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut gaps: Vec<(f64, f64)> = Vec::new();
        let mut reach: Option<f64> = None;
        for &(w0, w1) in &ws {
            if let Some(r) = reach {
                if w0 - r >= SEG_GAP * size {
                    gaps.push((r, w0));
                }
            }
            reach = Some(reach.map_or(w1, |r: f64| r.max(w1)));
        }
        for (g0, g1) in gaps {
            let mid = (g0 + g1) / 2.0;
            if mid <= a || mid >= b {
                continue;
            }
            let alnum = |l: &TextLine, left: bool| {
                l.words.iter().any(|w| {
                    let side = if left { w.x1 <= mid } else { w.x0 >= mid };
                    side && l
                        .text
                        .get(w.start..w.end)
                        .is_some_and(|t| t.chars().any(char::is_alphanumeric))
                })
            };
            let both = per_cell
                .iter()
                .flatten()
                .filter(|l| alnum(l, true) && alnum(l, false))
                .count();
            if both >= 2 {
                out.push(mid);
            }
        }
    }
    out
}

/// Splits the ruled columns of a grid at the [`text_columns`] inside
/// them: one-column cells become one cell per new column, cells spanning
/// columns span the new columns inside them.
fn split_columns(
    page: &PageGlyphs,
    grid: Grid,
    cells: Vec<Vec<u32>>,
    all: &[u32],
) -> (Grid, Vec<Vec<u32>>) {
    let extra = text_columns(page, &grid, &cells);
    if extra.is_empty() {
        return (grid, cells);
    }
    let mut xs = grid.xs.clone();
    xs.extend(extra.iter().copied());
    xs.sort_by(f64::total_cmp);
    // New index of each old boundary.
    let at: Vec<usize> = grid
        .xs
        .iter()
        .map(|&x| xs.partition_point(|&v| v < x))
        .collect();
    let mut new_cells = Vec::with_capacity(grid.cells.len() + extra.len());
    for c in &grid.cells {
        let (Some(&n0), Some(&n1)) = (at.get(c.col), at.get(c.col + c.col_span)) else {
            continue;
        };
        if c.col_span == 1 {
            for k in n0..n1 {
                new_cells.push(GridCell {
                    col: k,
                    col_span: 1,
                    ..*c
                });
            }
        } else {
            new_cells.push(GridCell {
                col: n0,
                col_span: n1.saturating_sub(n0).max(1),
                ..*c
            });
        }
    }
    let g = with_cells(xs, grid.ys, new_cells);
    let (cells, _) = assign(page, &g, all);
    (g, cells)
}

/// The text rows of a box ruled around several unruled rows of many
/// one-line fields and a cell or two wrapped further (a description over
/// two or three lines beside a one-line document number, dates and
/// payee): in a box of four or more cells with text, each row starts at a
/// line of the first column, with a line in every cell but at most one
/// beside it; one other column has a line on at least four in five of
/// those rows; every line between (no first-column line in its text row)
/// is in one or two cells and continues the row above, and there is at
/// least one such line. Returns the indices of the clusters (text rows,
/// `(top, bottom)`) that start a row after the first; `None` when the
/// lines do not read that way. `cells` are the box's cells with text,
/// sorted by column.
fn anchored_rows(
    clusters: &[(f64, f64)],
    cells: &[(GridCell, Vec<TextLine>)],
) -> Option<Vec<usize>> {
    if cells.len() < 4 {
        return None;
    }
    let (_, first) = cells.first()?;
    let hit =
        |lines: &[TextLine], (t, b): (f64, f64)| lines.iter().any(|l| l.top < b && l.bottom > t);
    let anchors: Vec<usize> = (0..clusters.len())
        .filter(|&i| clusters.get(i).is_some_and(|&c| hit(first, c)))
        .collect();
    if anchors.len() < 2 || anchors.first() != Some(&0) {
        return None;
    }
    let need = (anchors.len() * 4).div_ceil(5);
    let other = cells.iter().skip(1).any(|(_, lines)| {
        anchors
            .iter()
            .filter(|&&i| clusters.get(i).is_some_and(|&c| hit(lines, c)))
            .count()
            >= need
    });
    // A row starts with a line in most of its cells; a text row with the
    // first column and few others is cells wrapped side by side.
    let with_line = |c: (f64, f64)| cells.iter().filter(|(_, lines)| hit(lines, c)).count();
    let thin = anchors.iter().any(|&i| {
        clusters
            .get(i)
            .is_some_and(|&c| with_line(c) + 1 < cells.len())
    });
    if !other || thin {
        return None;
    }
    let mut continued = false;
    for (i, &c) in clusters.iter().enumerate() {
        if anchors.contains(&i) {
            continue;
        }
        if with_line(c) > 2 {
            return None;
        }
        continued = true;
    }
    continued.then(|| anchors.into_iter().skip(1).collect())
}

/// Splits the merged cells of a ruled grid over several columns at the
/// column boundaries their text keeps clear of, with text on both sides,
/// when most rows with text have such a cell (the rulings divide the
/// header only).
fn split_spans(
    page: &PageGlyphs,
    grid: Grid,
    cells: Vec<Vec<u32>>,
    all: &[u32],
) -> (Grid, Vec<Vec<u32>>) {
    let mut text_rows = vec![false; grid.rows()];
    let mut span_rows = vec![false; grid.rows()];
    for (id, c) in grid.cells.iter().enumerate() {
        if cells.get(id).is_some_and(|v| !v.is_empty()) {
            if let Some(t) = text_rows.get_mut(c.row) {
                *t = true;
            }
            if c.col_span >= 2 {
                if let Some(t) = span_rows.get_mut(c.row) {
                    *t = true;
                }
            }
        }
    }
    let n_text = text_rows.iter().filter(|t| **t).count();
    let n_span = span_rows.iter().filter(|t| **t).count();
    let split_spans = n_span * 2 > n_text;
    let mut changed = false;
    let mut new_cells: Vec<GridCell> = Vec::with_capacity(grid.cells.len());
    for (id, c) in grid.cells.iter().enumerate() {
        if c.col_span < 2 || !split_spans {
            new_cells.push(*c);
            continue;
        }
        let lines = build_lines(page, cells.get(id).map_or(&[][..], |v| v), false);
        let inner: Vec<f64> = (c.col + 1..c.col + c.col_span)
            .filter_map(|k| grid.xs.get(k).copied())
            .collect();
        // A boundary is free when no word crosses it and no line runs on
        // across it with a word space: running text (a card's title or
        // description bar) that happens to leave a boundary clear is no
        // row of columns.
        let free: Vec<bool> = inner
            .iter()
            .map(|&bx| {
                lines.iter().all(|l| {
                    let crossed = l.words.iter().any(|w| w.x0 < bx - 0.5 && w.x1 > bx + 0.5);
                    let left = l.words.iter().filter(|w| w.x1 <= bx + 0.5).map(|w| w.x1);
                    let right = l.words.iter().filter(|w| w.x0 >= bx - 0.5).map(|w| w.x0);
                    let gap = match (left.reduce(f64::max), right.reduce(f64::min)) {
                        (Some(x1), Some(x0)) => x0 - x1,
                        _ => f64::INFINITY,
                    };
                    !crossed && gap >= SEG_GAP * l.size
                })
            })
            .collect();
        // Text per part between free boundaries.
        let mut cuts: Vec<usize> = vec![c.col];
        for (k, f) in free.iter().enumerate() {
            if *f {
                cuts.push(c.col + 1 + k);
            }
        }
        cuts.push(c.col + c.col_span);
        let has_text = |a: usize, b: usize| {
            let (Some(&xa), Some(&xb)) = (grid.xs.get(a), grid.xs.get(b)) else {
                return false;
            };
            lines
                .iter()
                .flat_map(|l| &l.words)
                .any(|w| (w.x0 + w.x1) / 2.0 > xa && (w.x0 + w.x1) / 2.0 < xb)
        };
        let parts: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
        let texty = parts.iter().filter(|(a, b)| has_text(*a, *b)).count();
        if parts.len() < 2 || texty < 2 {
            new_cells.push(*c);
            continue;
        }
        changed = true;
        for (a, b) in parts {
            new_cells.push(GridCell {
                row: c.row,
                col: a,
                row_span: c.row_span,
                col_span: b - a,
            });
        }
    }
    if changed {
        let g = with_cells(grid.xs, grid.ys, new_cells);
        let (cells, _) = assign(page, &g, all);
        (g, cells)
    } else {
        (grid, cells)
    }
}

/// Completes a ruled grid from its text where rulings are missing:
///
/// - a ruled column holding several columns of text (words on both sides
///   of a gap every row keeps) is split at those gaps;
/// - a merged cell over several columns whose text keeps clear of the
///   column boundaries inside it, with text on both sides (a body row of a
///   table that rules only its header), is split at those boundaries;
/// - a grid row holding several text rows (a box ruled around a block of
///   unruled rows) is split at the y-gaps its columns share, when the first
///   column and another column have a line in most text rows and no cell
///   holds wrapped prose (lines filling the cell, which must stay one cell).
pub fn refine_ruled(page: &PageGlyphs, grid: Grid, cells: Vec<Vec<u32>>) -> (Grid, Vec<Vec<u32>>) {
    let all: Vec<u32> = cells.iter().flatten().copied().collect();
    // 0. Split ruled columns holding several columns of text.
    let (grid, cells) = split_columns(page, grid, cells, &all);
    // 1. Split spanning cells at uncrossed boundaries, when most rows with
    //    text span (the rulings divide the header only).
    let (grid, cells) = split_spans(page, grid, cells, &all);
    // 2. Split grid rows holding several text rows.
    let rows = grid.rows();
    let mut splits: Vec<Vec<f64>> = vec![Vec::new(); rows];
    for (r, split) in splits.iter_mut().enumerate() {
        let ids: Vec<usize> = grid
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.row <= r && c.row + c.row_span > r)
            .map(|(i, _)| i)
            .collect();
        if ids
            .iter()
            .any(|&i| grid.cells.get(i).is_some_and(|c| c.row_span != 1))
        {
            continue;
        }
        let per_cell: Vec<(GridCell, Vec<TextLine>)> = ids
            .iter()
            .filter_map(|&i| {
                let c = *grid.cells.get(i)?;
                let lines = build_lines(page, cells.get(i)?, false);
                (!lines.is_empty()).then_some((c, lines))
            })
            .collect();
        if per_cell.len() < 2 {
            continue;
        }
        // Wrapped prose anywhere: keep the row whole.
        let wrapped = per_cell.iter().any(|(c, lines)| {
            let (Some(&a), Some(&b)) = (grid.xs.get(c.col), grid.xs.get(c.col + c.col_span)) else {
                return false;
            };
            let w = b - a;
            lines.len() >= 2
                && lines.windows(2).any(|p| match p {
                    [l, next] => {
                        let cont = next.text.chars().next().is_some_and(char::is_lowercase)
                            || l.text.ends_with(['-', ',']);
                        l.words.len() >= 2 && l.x1 - l.x0 >= 0.6 * w && cont
                    }
                    _ => false,
                })
        });
        if wrapped {
            continue;
        }
        // Text rows: clusters of line centres over all cells.
        let mut ls: Vec<(f64, f64)> = per_cell
            .iter()
            .flat_map(|(_, lines)| lines.iter().map(|l| (l.top, l.bottom)))
            .collect();
        ls.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut clusters: Vec<(f64, f64)> = Vec::new();
        for (t, b) in ls {
            match clusters.last_mut() {
                Some(c) if t < c.1 - 0.5 => c.1 = c.1.max(b),
                _ => clusters.push((t, b)),
            }
        }
        if clusters.len() < 3 {
            continue;
        }
        let covers = |lines: &[TextLine]| {
            clusters
                .iter()
                .filter(|(t, b)| lines.iter().any(|l| l.top < *b && l.bottom > *t))
                .count()
        };
        let need = (clusters.len() * 4).div_ceil(5);
        let mut sorted = per_cell.clone();
        sorted.sort_by_key(|(c, _)| c.col);
        let Some((_, first)) = sorted.first() else {
            continue;
        };
        // Rows stacked in one ruled row run down most of its cells; a name
        // and a date wrapped over three lines beside one-line cells ("Non
        // Consolidated / Performance / Related Payments") are one row.
        let tall = per_cell.iter().filter(|(_, l)| covers(l) >= need).count();
        let stacked = covers(first) >= need
            && sorted.iter().skip(1).any(|(_, l)| covers(l) >= need)
            && tall * 2 >= per_cell.len();
        if stacked {
            for w in clusters.windows(2) {
                if let [a, b] = w {
                    split.push((a.1 + b.0) / 2.0);
                }
            }
        } else if let Some(starts) = (r > 0).then(|| anchored_rows(&clusters, &sorted)).flatten() {
            // Rows start where the first column has a line; the lines
            // between (one cell wrapped further) stay in the row above.
            // Not in the first grid row: a header's labels wrap unevenly.
            for i in starts {
                if let (Some(a), Some(b)) = (clusters.get(i - 1), clusters.get(i)) {
                    split.push((a.1 + b.0) / 2.0);
                }
            }
        }
    }
    if splits.iter().all(Vec::is_empty) {
        return (grid, cells);
    }
    let mut ys = Vec::new();
    let mut start = Vec::with_capacity(rows + 1);
    for r in 0..rows {
        start.push(ys.len());
        if let Some(&y) = grid.ys.get(r) {
            ys.push(y);
        }
        if let Some(s) = splits.get(r) {
            ys.extend(s.iter().copied());
        }
    }
    start.push(ys.len());
    if let Some(&y) = grid.ys.last() {
        ys.push(y);
    }
    let mut new_cells = Vec::new();
    for c in &grid.cells {
        let (Some(&s0), Some(&s1)) = (start.get(c.row), start.get(c.row + c.row_span)) else {
            continue;
        };
        if c.row_span == 1 && s1 - s0 > 1 {
            for r in s0..s1 {
                new_cells.push(GridCell {
                    row: r,
                    row_span: 1,
                    ..*c
                });
            }
        } else {
            new_cells.push(GridCell {
                row: s0,
                row_span: s1 - s0,
                ..*c
            });
        }
    }
    let g = with_cells(grid.xs, ys, new_cells);
    let (cells, _) = assign(page, &g, &all);
    // The rows now apart, a merged cell one row's text crossed may split
    // in the others.
    split_spans(page, g, cells, &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(is_numeric("3,375"));
        assert!(is_numeric("100.0 %"));
        assert!(is_numeric("-"));
        assert!(!is_numeric("Austria"));
    }
}
