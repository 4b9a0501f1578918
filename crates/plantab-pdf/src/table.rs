//! A found grid and the glyphs inside it → a table fragment: cell texts,
//! title bars above the header, header rows (merged per column), body rows
//! (spanning rows marked).

use crate::grid::{Grid, GridCell};
use crate::lines::{build_lines, TextLine};
use crate::source::PageGlyphs;
use plantab_model::{Cell, CellSpan};

/// Most grid rows a header wrapped over several rows is looked for in.
const HEADER_BAND_MAX: usize = 6;

/// A table found on a page, before conversion to the layout types.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTable {
    /// The grid.
    pub grid: Grid,
    /// Lines of text per merged cell (same order as `grid.cells`).
    pub cell_lines: Vec<Vec<TextLine>>,
    /// Whether each merged cell's text is (mostly) bold.
    pub cell_bold: Vec<bool>,
    /// Each merged cell's fill colour (`#rrggbb`), when a filled rectangle
    /// of about the cell's size sits behind it and is not near white.
    pub cell_fill: Vec<Option<String>>,
    /// Grid rows that are title bars above the header.
    pub title_rows: usize,
    /// Grid rows (after the title rows) that form the header.
    pub header_rows: usize,
    /// The header, one label per column, when one was found.
    pub header: Option<Vec<String>>,
    /// Header text not used in a column label (group labels above several
    /// columns, upper parts of a column's label), for a warning.
    pub header_extra: Vec<String>,
}

/// What a body row is.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyRow {
    /// Grid row.
    pub row: usize,
    /// Cell texts (one per column, or the spanning shape).
    pub cells: Vec<String>,
    /// Printed as one cell across (or id + one cell across).
    pub spanning: bool,
    /// The grid cells whose top edge is on this row, with their spans;
    /// `row_span` counts body rows (rows with no text are not body rows).
    /// Cells with no text are left out unless they have a fill.
    pub spans: Vec<CellSpan>,
}

/// Cell text: lines joined with `\n`.
pub fn cell_text(lines: &[TextLine]) -> String {
    let mut s = String::new();
    for l in lines {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(&l.text);
    }
    s
}

/// Most rows of a header found by [`FoundTable::label_band`].
const LABEL_BAND_ROWS: usize = 6;

/// Body rows that [`FoundTable::label_band`] looks at.
const LABEL_BAND_BODY: usize = 10;

/// Fewest names a scorecard's plain header row holds
/// ([`FoundTable::name_row_over_statuses`]).
const NAME_ROW_LABELS: usize = 3;

/// Most words of one of those names.
const NAME_WORDS: usize = 3;

/// An amount or a nil mark: a number (see [`crate::align::is_numeric`]), or
/// dots and dashes only ("...", "–").
fn amount_like(s: &str) -> bool {
    let t = s.trim();
    crate::align::is_numeric(t)
        || (!t.is_empty() && t.chars().all(|c| matches!(c, '.' | '-' | '–' | '—' | '…')))
}

/// A year or a span of years as a column label: "2014", "2014-15",
/// "2014/2015".
fn year_like(s: &str) -> bool {
    let t = s.trim();
    let (head, tail) = match t.find(['-', '/', '–']) {
        Some(i) => (t.get(..i).unwrap_or(""), t.get(i..).unwrap_or("")),
        None => (t, ""),
    };
    let year = |y: &str| {
        y.len() == 4
            && y.chars().all(|c| c.is_ascii_digit())
            && (y.starts_with("19") || y.starts_with("20"))
    };
    let rest = tail.trim_start_matches(['-', '/', '–']);
    year(head)
        && (tail.is_empty()
            || ((rest.len() == 2 || year(rest)) && rest.chars().all(|c| c.is_ascii_digit())))
}

/// A header label from its lines, unwrapped: lines joined with a space,
/// or with none where the label was broken inside a word (digits on both
/// sides, a month name made whole, a lone letter carried to the next
/// line). Header matching ignores spaces, so a missed join only shows.
pub fn unwrap_label(lines: &[TextLine]) -> String {
    let mut out = String::new();
    for l in lines {
        let next = l.text.as_str();
        if !out.is_empty() && !broken_inside_word(&out, next) {
            out.push(' ');
        }
        out.push_str(next);
    }
    out
}

fn broken_inside_word(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().last(), after.chars().next()) else {
        return false;
    };
    if a.is_ascii_digit() && b.is_ascii_digit() {
        // A number broken over lines ("1,2" / "34"), not a label ending in
        // a digit over a year ("Q1" / "2012/13").
        let tail = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        return tail
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/' | '-'));
    }
    if !(a.is_alphabetic() && b.is_lowercase()) {
        return false;
    }
    let tail = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let head = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if head.chars().count() == 1 && head != "a" {
        return true;
    }
    let whole = format!("{tail}{head}");
    let month = |w: &str| plantab_vocab::month_number(w, false).is_some();
    month(&whole) && !month(tail) && !month(head)
}

/// The fill behind a merged cell: the smallest non-white filled rectangle
/// that covers most of the cell and is not much larger than it (a
/// shading of the whole row or table is not the cell's colour), else the
/// colour whose pieces no larger than the cell together cover most of it.
fn cell_fill(page: &PageGlyphs, grid: &Grid, c: &GridCell) -> Option<String> {
    let (Some(&x0), Some(&x1), Some(&top), Some(&bottom)) = (
        grid.xs.get(c.col),
        grid.xs.get(c.col + c.col_span.max(1)),
        grid.ys.get(c.row),
        grid.ys.get(c.row + c.row_span.max(1)),
    ) else {
        return None;
    };
    let area = (x1 - x0) * (bottom - top);
    if area <= 0.0 {
        return None;
    }
    // (own area, overlap with the cell, colour) of the fills no larger
    // than about the cell.
    let near: Vec<(f64, f64, [f32; 3])> = page
        .fills
        .iter()
        .filter(|f| !f.is_white())
        .filter_map(|f| {
            let rgb = f.rgb?;
            let w = (f.x1.min(x1) - f.x0.max(x0)).max(0.0);
            let h = (f.bottom.min(bottom) - f.top.max(top)).max(0.0);
            let own = (f.x1 - f.x0) * (f.bottom - f.top);
            (w * h > 0.0 && own <= area * 1.5).then_some((own, w * h, rgb))
        })
        .collect();
    if let Some((_, _, rgb)) = near
        .iter()
        .filter(|(_, inter, _)| *inter >= area * 0.6)
        .min_by(|a, b| a.0.total_cmp(&b.0))
    {
        return Some(hex(*rgb));
    }
    // A cell shaded in pieces (margins and a strip per text line, as word
    // processors draw it): the colour whose pieces cover most of it.
    let mut by_colour: Vec<(String, f64)> = Vec::new();
    for (_, inter, rgb) in &near {
        let h = hex(*rgb);
        match by_colour.iter_mut().find(|(c, _)| *c == h) {
            Some((_, sum)) => *sum += inter,
            None => by_colour.push((h, *inter)),
        }
    }
    by_colour
        .into_iter()
        .filter(|(_, sum)| *sum >= area * 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// `#rrggbb` of an RGB colour with components 0–1.
pub(crate) fn hex(rgb: [f32; 3]) -> String {
    let [r, g, b] = rgb.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Most words a label of a shaded header band has.
const SHADED_LABEL_WORDS: usize = 4;

impl FoundTable {
    /// Builds a table from a grid and the glyph indices in each merged
    /// cell; `None` when the grid holds too little text to be a table.
    pub fn new(page: &PageGlyphs, grid: Grid, cell_glyphs: &[Vec<u32>]) -> Option<FoundTable> {
        let mut cell_lines = Vec::with_capacity(grid.cells.len());
        let mut cell_bold = Vec::with_capacity(grid.cells.len());
        for idx in cell_glyphs {
            cell_lines.push(build_lines(page, idx, false));
            let (mut bold, mut n) = (0usize, 0usize);
            for g in idx.iter().filter_map(|&i| page.glyphs.get(i as usize)) {
                if page.glyph_text(g).trim().is_empty() {
                    continue;
                }
                n += 1;
                if page.is_bold(g) {
                    bold += 1;
                }
            }
            cell_bold.push(n > 0 && bold * 5 >= n * 4);
        }
        let filled = cell_lines.iter().filter(|l| !l.is_empty()).count();
        if grid.cols() < 2 || filled < 2 {
            return None;
        }
        // Rows with text (a cell's text counts for every row it spans):
        // when most rows of a ruled grid are empty it is a chart's
        // gridlines or a form's boxes, not a table.
        let rows = grid.rows();
        let mut texty = vec![false; rows];
        for (c, lines) in grid.cells.iter().zip(&cell_lines) {
            if !lines.is_empty() {
                for t in texty.iter_mut().skip(c.row).take(c.row_span.max(1)) {
                    *t = true;
                }
            }
        }
        let n_texty = texty.iter().filter(|t| **t).count();
        if rows >= 4 && n_texty * 2 < rows {
            return None;
        }
        let cell_fill = grid
            .cells
            .iter()
            .map(|c| cell_fill(page, &grid, c))
            .collect();
        let mut t = FoundTable {
            grid,
            cell_lines,
            cell_bold,
            cell_fill,
            title_rows: 0,
            header_rows: 0,
            header: None,
            header_extra: Vec::new(),
        };
        t.find_header();
        Some(t)
    }

    /// Merged cells whose top-left corner is in grid row `r`.
    fn row_cells(&self, r: usize) -> impl Iterator<Item = (usize, &GridCell)> {
        // Cells are stored in row-major order of their top-left corner.
        let lo = self.grid.cells.partition_point(|c| c.row < r);
        let hi = self.grid.cells.partition_point(|c| c.row <= r);
        self.grid
            .cells
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .map(move |(i, c)| (lo + i, c))
    }

    fn has_text(&self, id: usize) -> bool {
        self.cell_lines.get(id).is_some_and(|l| !l.is_empty())
    }

    /// Whether grid row `r` is one cell across the table.
    fn full_span(&self, r: usize) -> bool {
        let cols = self.grid.cols();
        let mut it = self.row_cells(r);
        matches!((it.next(), it.next()), (Some((_, c)), None) if c.col == 0 && c.col_span == cols)
    }

    /// Whether grid row `r` is an id cell plus one cell across the rest.
    fn id_span(&self, r: usize) -> bool {
        let cols = self.grid.cols();
        let cells: Vec<&GridCell> = self.row_cells(r).map(|(_, c)| c).collect();
        match cells.as_slice() {
            [a, b] => {
                a.col == 0
                    && b.col == a.col_span
                    && b.col + b.col_span == cols
                    && b.col_span >= 2
                    && b.col_span + 1 >= cols.saturating_sub(1)
            }
            _ => false,
        }
    }

    fn row_empty(&self, r: usize) -> bool {
        self.row_cells(r).all(|(id, _)| !self.has_text(id))
    }

    fn row_bold(&self, r: usize) -> bool {
        let mut any = false;
        for (id, _) in self.row_cells(r) {
            if self.has_text(id) {
                any = true;
                if !self.cell_bold.get(id).copied().unwrap_or(false) {
                    return false;
                }
            }
        }
        any
    }

    /// Share of the row's non-empty cells that read as known headers.
    fn vocab_share(&self, r: usize) -> f64 {
        let (mut n, mut hit) = (0usize, 0usize);
        for (id, _) in self.row_cells(r) {
            let Some(lines) = self.cell_lines.get(id) else {
                continue;
            };
            if lines.is_empty() {
                continue;
            }
            n += 1;
            let label = unwrap_label(lines);
            // A period grid's column headers ("Q1 2023–24 April to June",
            // "Dec-2010") name a period and nothing else.
            if plantab_vocab::match_header(&label).is_some_and(|m| m.score >= 0.9)
                || plantab_vocab::period_header(&label).is_some()
            {
                hit += 1;
            }
        }
        if n == 0 {
            0.0
        } else {
            hit as f64 / n as f64
        }
    }

    /// The text of a merged cell, trimmed.
    fn text_of(&self, id: usize) -> String {
        self.cell_lines
            .get(id)
            .map(|l| unwrap_label(l))
            .unwrap_or_default()
    }

    /// Whether grid row `start` is a header printed plain on a shaded bar
    /// (white type on a coloured band): two or more cells, every one with
    /// a short label (at most [`SHADED_LABEL_WORDS`] words on one line) or
    /// nothing, on the same fill, a fill no cell of a later row has, and
    /// rows below.
    fn shaded_band(&self, start: usize) -> bool {
        let rows = self.grid.rows();
        if start + 1 >= rows || self.full_span(start) {
            return false;
        }
        let mut fill: Option<&String> = None;
        let mut n = 0;
        for (id, _) in self.row_cells(start) {
            let Some(f) = self.cell_fill.get(id).and_then(Option::as_ref) else {
                return false;
            };
            if fill.is_some_and(|g| g != f) {
                return false;
            }
            fill = Some(f);
            let lines = self.cell_lines.get(id).map_or(&[][..], Vec::as_slice);
            if lines.is_empty() {
                continue;
            }
            let words: usize = lines.iter().map(|l| l.words.len()).sum();
            if lines.len() != 1 || words > SHADED_LABEL_WORDS {
                return false;
            }
            n += 1;
        }
        let Some(fill) = fill else { return false };
        let below = self
            .grid
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.row > start);
        n >= 2
            && !below
                .map(|(id, _)| self.cell_fill.get(id).and_then(Option::as_ref))
                .any(|f| f == Some(fill))
    }

    /// Header rows of a table of figures: up to [`LABEL_BAND_ROWS`]
    /// rows from `start` holding only labels (no amount; a year is a
    /// label), at least one with two labels, over a body of figures: of
    /// the columns after the first with text in the next
    /// [`LABEL_BAND_BODY`] rows, at least three in four hold amounts in
    /// most of their cells (a list of names and addresses with a date and
    /// an amount column is not one).
    /// Budget and statistics tables print their header plain, so neither
    /// bold type nor known words find it.
    fn label_band(&self, start: usize) -> usize {
        let rows = self.grid.rows();
        let mut k = 0;
        let mut wide = false;
        while start + k < rows && k < LABEL_BAND_ROWS {
            let texts: Vec<String> = self
                .row_cells(start + k)
                .filter(|(id, _)| self.has_text(*id))
                .map(|(id, _)| self.text_of(id))
                .collect();
            if texts.iter().any(|t| amount_like(t) && !year_like(t)) {
                break;
            }
            wide |= texts.len() >= 2;
            k += 1;
        }
        if k == 0 || !wide || start + k >= rows {
            return 0;
        }
        // The body's columns after the first: most hold figures (amounts
        // in most of their filled cells over the next rows).
        let (used, figures) = self.columns_mostly(start + k, |t| amount_like(t) && !year_like(t));
        if used >= 2 && figures * 4 >= used * 3 {
            k
        } else {
            0
        }
    }

    /// Over the [`LABEL_BAND_BODY`] rows from `from`, of the columns after
    /// the first with text in single cells: how many there are, and in how
    /// many of them most cells are `what`.
    fn columns_mostly(&self, from: usize, what: impl Fn(&str) -> bool) -> (usize, usize) {
        let rows = self.grid.rows();
        let cols = self.grid.cols();
        let mut filled = vec![0usize; cols];
        let mut hits = vec![0usize; cols];
        for r in from..rows.min(from + LABEL_BAND_BODY) {
            for (id, c) in self.row_cells(r) {
                if c.col == 0 || c.col_span != 1 || !self.has_text(id) {
                    continue;
                }
                if let (Some(f), Some(h)) = (filled.get_mut(c.col), hits.get_mut(c.col)) {
                    *f += 1;
                    *h += usize::from(what(&self.text_of(id)));
                }
            }
        }
        let used = filled.iter().filter(|f| **f > 0).count();
        let mostly = filled
            .iter()
            .zip(&hits)
            .filter(|(f, h)| **f > 0 && **h * 2 > **f)
            .count();
        (used, mostly)
    }

    /// The header row of a scorecard printed plain: row `start` holds
    /// only short names (at least [`NAME_ROW_LABELS`], none a status word,
    /// date or id: "BIS", "CO", "DCLG") and, of the columns after the
    /// first with text in the next [`LABEL_BAND_BODY`] rows, at least three
    /// in four hold status words in most of their cells. 1 when it does,
    /// else 0.
    fn name_row_over_statuses(&self, start: usize) -> usize {
        let rows = self.grid.rows();
        if start + 1 >= rows || self.full_span(start) {
            return 0;
        }
        let mut names = 0;
        for (id, _) in self.row_cells(start).filter(|(id, _)| self.has_text(*id)) {
            let text = self.text_of(id);
            let l = plantab_vocab::look(&text);
            if l.words > NAME_WORDS
                || l.date
                || l.id != plantab_vocab::IdPlace::None
                || !matches!(l.status, plantab_vocab::StatusPlace::None)
            {
                return 0;
            }
            names += 1;
        }
        if names < NAME_ROW_LABELS {
            return 0;
        }
        let (used, status_cols) = self.columns_mostly(start + 1, |t| {
            matches!(
                plantab_vocab::look(t).status,
                plantab_vocab::StatusPlace::Whole(_)
            )
        });
        usize::from(used >= NAME_ROW_LABELS && status_cols * 4 >= used * 3)
    }

    /// Whether grid row `r` reads as a body row rather than header text: a
    /// cell opening with an id (`1.1.0`), holding a date or a status label,
    /// or a sentence — the first row under a header stays a row.
    fn row_reads_as_body(&self, r: usize) -> bool {
        self.row_cells(r).any(|(id, _)| {
            let Some(lines) = self.cell_lines.get(id).filter(|l| !l.is_empty()) else {
                return false;
            };
            let l = plantab_vocab::look(&unwrap_label(lines));
            l.id != plantab_vocab::IdPlace::None
                || l.date
                || l.prose()
                || !matches!(l.status, plantab_vocab::StatusPlace::None)
        })
    }

    /// Labels per column of the header rows `h0..h1` merged, and how many
    /// of them the vocabulary knows.
    fn known_labels(&self, h0: usize, h1: usize) -> usize {
        self.label_counts(h0, h1).0
    }

    /// (known, non-empty) labels per column of the header rows `h0..h1`
    /// merged.
    fn label_counts(&self, h0: usize, h1: usize) -> (usize, usize) {
        let cols = self.grid.cols();
        let mut known = 0;
        let mut labelled = 0;
        for c in 0..cols {
            let mut parts: Vec<String> = Vec::new();
            let mut last_id = usize::MAX;
            for r in h0..h1 {
                let Some(&id) = self.grid.cell_at.get(r * cols + c) else {
                    continue;
                };
                if id == last_id {
                    continue;
                }
                last_id = id;
                if let Some(lines) = self.cell_lines.get(id).filter(|l| !l.is_empty()) {
                    parts.push(unwrap_label(lines));
                }
            }
            let label = parts.join(" ");
            if label.is_empty() {
                continue;
            }
            labelled += 1;
            if plantab_vocab::match_header(&label).is_some_and(|m| m.score >= 0.9) {
                known += 1;
            }
        }
        (known, labelled)
    }

    fn find_header(&mut self) {
        let rows = self.grid.rows();
        let mut t = 0;
        while t < rows && self.full_span(t) {
            t += 1;
        }
        let header_in = |this: &FoundTable, start: usize| -> usize {
            let mut prefix = 0;
            while start + prefix < rows
                && (this.row_bold(start + prefix) || this.row_empty(start + prefix))
            {
                prefix += 1;
            }
            let mut k = 0;
            for i in 0..prefix {
                if this.vocab_share(start + i) >= 0.5 {
                    k = i + 1;
                }
            }
            // A header wrapped over several grid rows ("Date of" / "release",
            // "Open" / "Government" / "Licence?"): the bold rows below the
            // rows found join the header while the merged labels the
            // vocabulary knows grow, up to a row that reads as a body row.
            if k > 0 {
                let mut best = this.known_labels(start, start + k);
                let mut h = k;
                while h < prefix {
                    let r = start + h;
                    if this.full_span(r) || this.id_span(r) || this.row_reads_as_body(r) {
                        break;
                    }
                    h += 1;
                    if this.row_empty(r) {
                        continue;
                    }
                    let known = this.known_labels(start, start + h);
                    if known > best {
                        best = known;
                        k = h;
                    } else if known < best {
                        break;
                    }
                }
            }
            if k == 0 && rows > start && this.vocab_share(start) >= 0.6 {
                k = 1;
            }
            if k == 0 {
                k = this.label_band(start);
            }
            if k == 0 && this.shaded_band(start) {
                k = 1;
            }
            if k == 0 {
                k = this.name_row_over_statuses(start);
            }
            if k == 0 && prefix > 0 {
                // No single row of known labels: a bold band whose labels,
                // merged per column over its rows ("Section in" /
                // "Strategy"), are half of them known.
                let mut best = (0usize, 0usize);
                let mut b = 0;
                while b < prefix.min(HEADER_BAND_MAX) {
                    let r = start + b;
                    if this.full_span(r) || this.id_span(r) || this.row_reads_as_body(r) {
                        break;
                    }
                    b += 1;
                    if this.row_empty(r) {
                        continue;
                    }
                    let (known, labelled) = this.label_counts(start, start + b);
                    if known > 0 && known * 2 >= labelled && known >= best.0 {
                        best = (known, b);
                    }
                }
                if best.1 > 0 && start + best.1 < rows {
                    k = best.1;
                }
            }
            if k == 0 && prefix > 0 {
                // No known labels: a short bold band on top of plain rows,
                // stopping at a spanning row (a section bar, not a header).
                let mut b = 0;
                while b < prefix && !this.full_span(start + b) && !this.id_span(start + b) {
                    b += 1;
                }
                if b > 0 && b <= 3 && start + b < rows {
                    k = b;
                }
            }
            k
        };
        let mut k = header_in(self, t);
        if k == 0 && t > 0 {
            // Without a header the leading spanning rows are body rows.
            t = 0;
            k = header_in(self, 0);
        }
        if k == 0 {
            return;
        }
        self.title_rows = t;
        self.header_rows = k;
        self.merge_header();
    }

    fn merge_header(&mut self) {
        let cols = self.grid.cols();
        let (h0, h1) = (self.title_rows, self.title_rows + self.header_rows);
        let mut labels = Vec::with_capacity(cols);
        let mut extra: Vec<String> = Vec::new();
        let mut groups_seen: Vec<usize> = Vec::new();
        for c in 0..cols {
            let mut parts: Vec<String> = Vec::new();
            let mut group: Option<String> = None;
            let mut last_id = usize::MAX;
            for r in h0..h1 {
                let Some(&id) = self.grid.cell_at.get(r * cols + c) else {
                    continue;
                };
                if id == last_id {
                    continue;
                }
                last_id = id;
                let (Some(cell), Some(lines)) = (self.grid.cells.get(id), self.cell_lines.get(id))
                else {
                    continue;
                };
                if lines.is_empty() {
                    continue;
                }
                let label = unwrap_label(lines);
                if cell.col_span == 1 {
                    parts.push(label);
                } else {
                    if !groups_seen.contains(&id) {
                        groups_seen.push(id);
                    }
                    group = Some(label);
                }
            }
            let label = if parts.is_empty() {
                group.unwrap_or_default()
            } else {
                let joined = parts.join(" ");
                let last = parts.last().cloned().unwrap_or_default();
                let known = |s: &str| plantab_vocab::match_header(s).is_some();
                // Labels stacked, each known on its own ("Progress against
                // plan" over "Status (December 2023)"), are a group label
                // over the column's, unless the whole is itself a label
                // ("Target" / "Completion Date"): a longer label starting
                // with a known one is no reason to join them.
                let stacked = || {
                    plantab_vocab::match_header(&joined).is_none_or(|m| m.score < 1.0)
                        && parts.iter().take(parts.len() - 1).all(|p| known(p))
                };
                if parts.len() > 1 && known(&last) && (!known(&joined) || stacked()) {
                    for p in parts.iter().take(parts.len() - 1) {
                        extra.push(format!("\"{p}\" above \"{last}\""));
                    }
                    last
                } else {
                    joined
                }
            };
            labels.push(label);
        }
        // Group labels used by no column on their own.
        for id in groups_seen {
            let (Some(cell), Some(lines)) = (self.grid.cells.get(id), self.cell_lines.get(id))
            else {
                continue;
            };
            let text = unwrap_label(lines);
            let first = labels.get(cell.col).cloned().unwrap_or_default();
            let last = labels
                .get(cell.col + cell.col_span - 1)
                .cloned()
                .unwrap_or_default();
            if first != text || last != text {
                extra.push(format!("\"{text}\" over \"{first}\" … \"{last}\""));
            }
        }
        self.header = Some(labels);
        self.header_extra = extra;
    }

    /// Title bars above the header: texts and their grid rows.
    pub fn titles(&self) -> Vec<(usize, String)> {
        (0..self.title_rows)
            .filter_map(|r| {
                let (id, _) = self.row_cells(r).next()?;
                let text = cell_text(self.cell_lines.get(id)?);
                (!text.is_empty()).then_some((r, text))
            })
            .collect()
    }

    /// The body rows, top to bottom (rows with no text skipped).
    pub fn body(&self) -> Vec<BodyRow> {
        let cols = self.grid.cols();
        let start = self.title_rows + self.header_rows;
        let mut out = Vec::new();
        for r in start..self.grid.rows() {
            if self.row_empty(r) {
                continue;
            }
            let text_of = |id: usize| {
                self.cell_lines
                    .get(id)
                    .map(|l| cell_text(l))
                    .unwrap_or_default()
            };
            // One cell across the table, or an id cell plus one across
            // the rest: a priority / theme bar.
            if self.full_span(r) || self.id_span(r) {
                let cells = self.row_cells(r).map(|(id, _)| text_of(id)).collect();
                out.push(BodyRow {
                    row: r,
                    cells,
                    spanning: true,
                    spans: Vec::new(),
                });
                continue;
            }
            let mut cells = vec![String::new(); cols];
            for (id, cell) in self.row_cells(r) {
                if let Some(slot) = cells.get_mut(cell.col) {
                    *slot = text_of(id);
                }
            }
            out.push(BodyRow {
                row: r,
                cells,
                spanning: false,
                spans: Vec::new(),
            });
        }
        self.fill_spans(&mut out);
        out
    }

    /// Sets each body row's [`BodyRow::spans`].
    fn fill_spans(&self, rows: &mut [BodyRow]) {
        let kept: Vec<usize> = rows.iter().map(|b| b.row).collect();
        for b in rows.iter_mut() {
            for (id, c) in self.row_cells(b.row) {
                let fill = self.cell_fill.get(id).cloned().flatten();
                let text = match self.cell_lines.get(id).filter(|l| !l.is_empty()) {
                    Some(lines) => cell_text(lines),
                    // A cell with no text is kept only for its fill (a
                    // status given as a colour).
                    None if fill.is_some() => String::new(),
                    None => continue,
                };
                let end = c.row + c.row_span;
                let row_span = kept.iter().filter(|&&r| r >= c.row && r < end).count();
                b.spans.push(CellSpan {
                    col: c.col,
                    col_span: c.col_span.max(1),
                    row_span: row_span.max(1),
                    text,
                    fill,
                });
            }
        }
    }

    /// The grid rows above the body (title bars and header rows) as cells
    /// with their spans, `row` counted from the grid's top; row spans stop
    /// at the body. Cells with no text are left out.
    pub fn header_cells(&self) -> Vec<Cell> {
        let start = self.title_rows + self.header_rows;
        let mut out = Vec::new();
        for r in 0..start {
            for (id, c) in self.row_cells(r) {
                let Some(lines) = self.cell_lines.get(id).filter(|l| !l.is_empty()) else {
                    continue;
                };
                out.push(Cell {
                    row: r,
                    col: c.col,
                    row_span: c.row_span.min(start - r).max(1),
                    col_span: c.col_span.max(1),
                    text: cell_text(lines),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::broken_inside_word;

    #[test]
    fn a_label_over_a_year_keeps_its_space() {
        // "Q1" / "2012/13" in a quarter column's header is "Q1 2012/13".
        assert!(!broken_inside_word("Q1", "2012/13"));
        assert!(!broken_inside_word("Target April", "2013"));
        // A figure broken over lines is one figure.
        assert!(broken_inside_word("1,2", "34"));
        assert!(broken_inside_word("Total 20", "22"));
    }
}
