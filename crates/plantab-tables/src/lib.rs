//! # plantab-tables
//!
//! The second stage: puts the reader's [`TableFragment`]s back together
//! into whole tables. Page layout breaks wide tables in two ways, and this
//! stage undoes both:
//!
//! * **continued** — rows carry on on the next page, usually under a
//!   repeated header. A fragment whose header equals the open table's
//!   (compared on letters and digits only), or that printed no header,
//!   is appended and its repeated header dropped.
//! * **side by side** — a table too wide for the page prints its left
//!   columns for a block of rows, then its right columns for the *same*
//!   rows on the next page, without the id column. A fragment whose
//!   header shares no column with the open table's left half and has no
//!   id column, arriving while a left block waits for its right half, is
//!   joined to that block row by row ([`SideBySideJoiner`]).
//!
//! Text between fragments ends the open table, except text already seen
//! before (repeated page furniture). Nothing is dropped: cells beyond a
//! header's width get unlabelled columns of their own, and row-count mismatches
//! are aligned as well as the evidence allows and reported as
//! `row_count_mismatch` warnings. A row that repeats the header (a header
//! printed again inside a continued table) is not kept as a row.
//!
//! Then every whole table's columns get their roles, once
//! ([`plantab_vocab::recognise_columns`]: the header's words and what the
//! cells hold), and the table its kind from those roles ([`classify`]);
//! where a header and its cells disagree the stage warns
//! `column_role_conflict`. A label/value card (labels down its first
//! column) is first turned on its side into a one-row table (module `cards`),
//! so its labels are read as header words; a run of headerless record cards
//! (title bar, description, unlabelled value cells) becomes one row per
//! card under the vertical records' columns (module `record_cards`). The records stage reads the decided roles and
//! never matches header words again.

#![warn(missing_docs)]

mod cards;
pub mod classify;
mod names;
mod record_cards;
mod side_by_side;

pub use classify::table_kind;
pub use names::column_names;
pub use side_by_side::SideBySideJoiner;

use plantab_model::{
    Block, Cell, CellSpan, FragmentRow, Joined, Layout, PageBox, RebuiltBlock, RebuiltDocument,
    RebuiltRow, RebuiltTable, TableFragment, TableKind, Warning, WarningCode,
};
use std::collections::HashSet;

/// Text longer than this is never taken for repeated page furniture.
const FURNITURE_MAX_BYTES: usize = 240;

/// Joins a layout's fragments into whole tables (see the crate docs).
pub fn rebuild(layout: Layout) -> RebuiltDocument {
    let mut out: Vec<RebuiltBlock> = Vec::new();
    let mut warnings = layout.warnings;
    let mut open: Option<TableBuilder> = None;
    let repeated = repeated_text(&layout.blocks);
    // Repeated text met while a table is open (page furniture, a heading
    // printed again): it does not end the table, and is placed after it.
    let mut deferred: Vec<RebuiltBlock> = Vec::new();
    // The last text met was a bare footnote mark under the open table.
    let mut after_mark = false;
    for (block, repeated) in layout.blocks.into_iter().zip(repeated) {
        match block {
            Block::Table(f) => {
                // A box of text input (no page, no box) whose header line
                // was its first row of data (a markdown table a converter
                // wrote so) and that is narrower or wider than the open
                // table is a table of its own: a key under a scorecard.
                let own = f.page.is_none()
                    && f.bbox.is_none()
                    && f.header.as_deref().is_some_and(header_is_data);
                let f = normalise_fragment(f);
                let other_width =
                    |t: &TableBuilder| own && f.rows.iter().any(|r| r.cells.len() != t.width());
                match open.as_mut() {
                    Some(t) if t.accepts(&f) && !other_width(t) => t.push(f, &mut warnings),
                    _ => {
                        if let Some(t) = open.take() {
                            out.push(RebuiltBlock::Table(t.finish(&mut warnings)));
                        }
                        out.append(&mut deferred);
                        open = Some(TableBuilder::new(f));
                    }
                }
            }
            Block::Text(t) => {
                // Footnotes printed under the table on its page (a bare
                // mark, "6", then its text) do not end it either: the
                // table goes on over the page.
                let footnote = open
                    .as_ref()
                    .is_some_and(|o| is_footnote(&t, o.pages.last().copied(), after_mark));
                after_mark = footnote && is_footnote_mark(&t.text);
                if (repeated || footnote) && open.is_some() {
                    deferred.push(RebuiltBlock::Text(t));
                    continue;
                }
                if let Some(tb) = open.take() {
                    out.push(RebuiltBlock::Table(tb.finish(&mut warnings)));
                }
                out.append(&mut deferred);
                out.push(RebuiltBlock::Text(t));
            }
            Block::Legend(l) => {
                if let Some(tb) = open.take() {
                    out.push(RebuiltBlock::Table(tb.finish(&mut warnings)));
                }
                out.append(&mut deferred);
                out.push(RebuiltBlock::Legend(l));
            }
        }
    }
    if let Some(t) = open.take() {
        out.push(RebuiltBlock::Table(t.finish(&mut warnings)));
    }
    out.append(&mut deferred);
    record_cards::stitch_split_cards(&mut out);
    decide_columns(&mut out, &mut warnings);
    RebuiltDocument {
        blocks: out,
        warnings,
    }
}

/// Gives every table its columns' roles and its kind (see the crate docs),
/// in reading order, each table under the nearest heading above it.
fn decide_columns(blocks: &mut [RebuiltBlock], warnings: &mut Vec<Warning>) {
    let mut section: Option<String> = None;
    let mut index = 0usize;
    for b in blocks.iter_mut() {
        match b {
            RebuiltBlock::Text(t) if t.heading.is_some() => {
                section = Some(t.text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            RebuiltBlock::Table(t) => {
                if !record_cards::read_record_cards(t, index, warnings) {
                    cards::lift_cell_labels(t);
                    cards::transpose_card(t);
                }
                let recognised = plantab_vocab::recognise_columns(
                    &t.header,
                    t.rows
                        .iter()
                        .filter(|r| !r.spanning)
                        .map(|r| r.cells.as_slice()),
                );
                let page = t.pages.first().copied();
                for (_, message) in &recognised.conflicts {
                    warnings.push(
                        Warning::new(WarningCode::ColumnRoleConflict, message.clone())
                            .on_page(page)
                            .at_line(t.line)
                            .in_table(index),
                    );
                }
                t.columns = recognised.columns.clone();
                t.kind = classify::table_kind(t, &recognised, section.as_deref());
                if matches!(t.kind, TableKind::Financial | TableKind::Other) {
                    plantab_vocab::keep_header_roles_only(&mut t.columns);
                }
                index += 1;
            }
            _ => {}
        }
    }
}

/// A footnote under a table on `table_page`: on that page, no heading, and
/// a bare footnote mark ([`is_footnote_mark`]) or the text right after one.
fn is_footnote(t: &plantab_model::TextBlock, table_page: Option<u32>, after_mark: bool) -> bool {
    t.heading.is_none()
        && t.page.is_some()
        && t.page == table_page
        && (after_mark || is_footnote_mark(&t.text))
}

/// One to three digits, superscript digits or `*` / `†` alone: a
/// footnote's mark printed apart from its text.
fn is_footnote_mark(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (1..=3).contains(&n)
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '*' | '†'))
}

/// For each block, whether it is text printed before in the document: page
/// furniture is short and printed the same each time (long paragraphs are
/// not compared). The first occurrence is not repeated.
fn repeated_text(blocks: &[Block]) -> Vec<bool> {
    let mut seen: HashSet<&str> = HashSet::new();
    blocks
        .iter()
        .map(|b| match b {
            Block::Text(t) => {
                let key = t.text.trim();
                key.len() <= FURNITURE_MAX_BYTES && !key.is_empty() && !seen.insert(key)
            }
            _ => false,
        })
        .collect()
}

/// Trims header labels and drops a first row that repeats the header
/// (a header the reader did not recognise as one).
fn normalise_fragment(mut f: TableFragment) -> TableFragment {
    if let Some(h) = f.header.as_mut() {
        for label in h.iter_mut() {
            if label.trim().len() != label.len() {
                *label = label.trim().to_string();
            }
        }
    }
    // A headerless box whose first row a converter wrote as the header
    // line (docling, marker): the row goes back into the body.
    if f.header.as_deref().is_some_and(header_is_data) {
        if let Some(h) = f.header.take() {
            let mut row = FragmentRow::new(h);
            row.line = f.line;
            f.rows.insert(0, row);
        }
    }
    f
}

/// Most words a header label has; a longer one is a sentence of data.
const HEADER_WORDS_MAX: usize = 10;

/// A printed header that is a row of data: no label the header
/// vocabulary knows, and some label that is a whole status ("New",
/// "On track"), an identifier (`SSP-014`) or a sentence.
fn header_is_data(h: &[String]) -> bool {
    let filled: Vec<&String> = h.iter().filter(|c| !c.trim().is_empty()).collect();
    if filled.len() < 2
        || filled
            .iter()
            .any(|c| plantab_vocab::header_role(c).is_some())
    {
        return false;
    }
    filled.iter().any(|c| {
        let look = plantab_vocab::look(c);
        matches!(look.status, plantab_vocab::StatusPlace::Whole(_))
            || look.id == plantab_vocab::IdPlace::Whole
            || look.words > HEADER_WORDS_MAX
    })
}

/// Compact form of a header, for equality across pages.
fn header_key(h: &[String]) -> Vec<String> {
    h.iter().map(|l| plantab_vocab::compact(l)).collect()
}

/// True when a header names an identifier column.
pub fn has_id_column(header: &[String]) -> bool {
    header.iter().any(|h| is_id_header(h))
}

/// True when a printed header names the identifier column.
fn is_id_header(h: &str) -> bool {
    plantab_vocab::header_role(h).is_some_and(|r| r.role == plantab_model::ColumnRole::Id)
}

/// A table being assembled from fragments.
struct TableBuilder {
    left_header: Vec<String>,
    right_header: Vec<String>,
    rows: Vec<RebuiltRow>,
    /// Rows of the latest left block still waiting for a right half, with
    /// their bboxes (for geometric alignment).
    pending_left: Vec<usize>,
    pages: Vec<u32>,
    bbox: Vec<PageBox>,
    fragments: usize,
    side_by_side: bool,
    line: Option<usize>,
    /// The first fragment's printed header as cells (PDF grids).
    header_cells: Vec<Cell>,
    /// The first row of the first fragment, compacted, when that fragment
    /// had no header the reader recognised: a later fragment opening with
    /// the same row shows it is a header printed on every page.
    first_row_key: Option<Vec<String>>,
    /// A later fragment opened with `first_row_key`: the first row is the
    /// header.
    first_row_repeats: bool,
}

impl TableBuilder {
    fn new(f: TableFragment) -> Self {
        let header = match &f.header {
            Some(h) => h.clone(),
            None => vec![String::new(); f.width()],
        };
        let mut t = TableBuilder {
            header_cells: f.header_cells.clone(),
            left_header: header,
            right_header: Vec::new(),
            rows: Vec::new(),
            pending_left: Vec::new(),
            pages: Vec::new(),
            bbox: Vec::new(),
            fragments: 0,
            side_by_side: false,
            line: f.line,
            first_row_key: None,
            first_row_repeats: false,
        };
        if f.header.is_none() {
            t.first_row_key = f
                .rows
                .first()
                .filter(|r| !r.spanning)
                .map(|r| header_key(&r.cells))
                .filter(|k| k.iter().filter(|c| !c.is_empty()).count() >= 2);
        }
        t.append_left(f);
        t
    }

    fn width(&self) -> usize {
        self.left_header.len() + self.right_header.len()
    }

    /// Whether `f` continues this table (as more rows or as a right half).
    fn accepts(&self, f: &TableFragment) -> bool {
        match &f.header {
            None => true,
            Some(h) => {
                let k = header_key(h);
                k == header_key(&self.left_header)
                    || (!self.right_header.is_empty()
                        && k == header_key(&self.right_header)
                        && !self.pending_left.is_empty())
                    || self.is_right_half(h)
            }
        }
    }

    /// A right half: arrives while a left block waits, has no id column
    /// while the left half has one, and shares no column label with it.
    fn is_right_half(&self, h: &[String]) -> bool {
        if self.pending_left.is_empty() || !self.right_header.is_empty() {
            return false;
        }
        if !has_id_column(&self.left_header) || has_id_column(h) {
            return false;
        }
        let left: HashSet<String> = header_key(&self.left_header).into_iter().collect();
        header_key(h)
            .iter()
            .all(|k| k.is_empty() || !left.contains(k))
    }

    fn push(&mut self, f: TableFragment, warnings: &mut Vec<Warning>) {
        let is_left = match &f.header {
            None => self.right_header.is_empty() || self.pending_left.is_empty(),
            Some(h) => header_key(h) == header_key(&self.left_header),
        };
        if is_left {
            self.append_left(f);
        } else {
            if self.right_header.is_empty() {
                if let Some(h) = &f.header {
                    self.right_header = h.clone();
                    let w = self.width();
                    for r in &mut self.rows {
                        r.cells.resize(w, String::new());
                    }
                }
            }
            self.side_by_side = true;
            self.join_right(f, warnings);
        }
    }

    fn append_left(&mut self, f: TableFragment) {
        self.fragments += 1;
        if let (Some(p), Some(b)) = (f.page, f.bbox) {
            self.bbox.push(b.on_page(p));
        }
        if let Some(p) = f.page {
            add_page(&mut self.pages, p);
        }
        // Text beyond the header's width gets unlabelled columns of its
        // own (the records stage reports it as unparsed), while the table
        // has no right half yet; after that it joins the last cell.
        if self.right_header.is_empty() {
            let widest = f.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            if widest > self.left_header.len() {
                self.left_header.resize(widest, String::new());
                for r in &mut self.rows {
                    r.cells.resize(widest, String::new());
                }
            }
        }
        let left_w = self.left_header.len();
        let w = self.width();
        let mut rows = f.rows.into_iter().peekable();
        // The header printed again on this page, unrecognised as a header
        // on every page: dropped here, the first row made the header.
        if self.fragments > 1 && f.header.is_none() {
            if let Some(key) = &self.first_row_key {
                if rows.next_if(|r| header_key(&r.cells) == *key).is_some() {
                    self.first_row_repeats = true;
                }
            }
        }
        // A row broken by the page: the continued fragment starts with a
        // row whose key cell (the id column, else the first) is empty, on
        // a later page than the table's last row (a second table further
        // down the same page breaks no row).
        // (Pages unknown, as in text input: the page end may be anywhere.)
        let later_page = f.page.is_none_or(|p| {
            self.rows
                .last()
                .is_none_or(|r| r.pages.iter().all(|&q| q < p))
        });
        if self.fragments > 1 && self.right_header.is_empty() && later_page {
            if let Some(first) = rows.next_if(|r| self.continues_last_row(r)) {
                self.merge_into_last(first, f.page);
            }
        }
        self.pending_left.clear();
        for r in rows {
            let mut cells = fit_cells(r.cells, left_w);
            cells.resize(w, String::new());
            self.pending_left.push(self.rows.len());
            self.rows.push(RebuiltRow {
                cells,
                spanning: r.spanning,
                pages: f.page.into_iter().collect(),
                line: r.line,
                bbox: match (f.page, r.bbox) {
                    (Some(p), Some(b)) => vec![b.on_page(p)],
                    _ => Vec::new(),
                },
                spans: fit_spans(r.spans, 0, left_w),
            });
        }
    }

    /// The column that identifies rows: the id column, else the first.
    fn key_column(&self) -> usize {
        self.left_header
            .iter()
            .position(|h| is_id_header(h))
            .unwrap_or(0)
    }

    /// True when `r` is the rest of the table's last row, broken by a page
    /// end: its key cell is empty while every row so far has one (so an
    /// empty key is not this table's habit, as it is for subtotal rows),
    /// and it has text elsewhere.
    fn continues_last_row(&self, r: &FragmentRow) -> bool {
        let k = self.key_column();
        let has_key = |cells: &[String]| cells.get(k).is_some_and(|c| !c.trim().is_empty());
        let Some(last) = self.rows.last() else {
            return false;
        };
        // Or its key cell goes on with a sentence in lower case
        // ("Consular satisfaction and" / "experience data"): no item's name
        // or id starts so.
        let carried_on = |cells: &[String]| {
            cells
                .get(k)
                .and_then(|c| c.split_whitespace().next())
                .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(char::is_lowercase))
        };
        !r.spanning
            && !last.spanning
            && (!has_key(&r.cells) || carried_on(&r.cells))
            && self
                .rows
                .iter()
                .all(|row| row.spanning || has_key(&row.cells))
            && r.cells.iter().any(|c| !c.trim().is_empty())
    }

    fn merge_into_last(&mut self, r: FragmentRow, page: Option<u32>) {
        let left_w = self.left_header.len();
        let Some(last) = self.rows.last_mut() else {
            return;
        };
        for (slot, text) in last.cells.iter_mut().zip(fit_cells(r.cells, left_w)) {
            if text.is_empty() {
                continue;
            }
            if !slot.is_empty() {
                slot.push('\n');
            }
            slot.push_str(&text);
        }
        // The broken row's cells carry on in the cells with the same left
        // edge; a cell with no partner is kept as it is.
        for span in fit_spans(r.spans, 0, left_w) {
            match last.spans.iter_mut().find(|s| s.col == span.col) {
                Some(s) => {
                    if !s.text.is_empty() && !span.text.is_empty() {
                        s.text.push('\n');
                    }
                    s.text.push_str(&span.text);
                }
                None => last.spans.push(CellSpan {
                    row_span: 1,
                    ..span
                }),
            }
        }
        if let Some(p) = page {
            add_page(&mut last.pages, p);
            if let Some(b) = r.bbox {
                last.bbox.push(b.on_page(p));
            }
        }
    }

    fn join_right(&mut self, f: TableFragment, warnings: &mut Vec<Warning>) {
        self.fragments += 1;
        if let (Some(p), Some(b)) = (f.page, f.bbox) {
            self.bbox.push(b.on_page(p));
        }
        if let Some(p) = f.page {
            add_page(&mut self.pages, p);
        }
        let left_w = self.left_header.len();
        let right_w = self.right_header.len();
        let pending: Vec<usize> = std::mem::take(&mut self.pending_left);
        let left_boxes: Vec<Option<f64>> = pending
            .iter()
            .map(|&i| {
                self.rows
                    .get(i)
                    .and_then(|r| r.bbox.first())
                    .map(|b| b.bbox[3])
            })
            .collect();
        let right_rows: Vec<FragmentRow> = f
            .rows
            .into_iter()
            // Right halves repeat no spanning rows: a spanning left row has
            // no partner on the right page.
            .collect();
        let pairing =
            SideBySideJoiner::pair(&left_boxes, &right_rows, &self.left_spanning(&pending));
        if let Some(msg) = pairing.mismatch.as_deref() {
            warnings.push(Warning::new(WarningCode::RowCountMismatch, msg).on_page(f.page));
        }
        for (ri, target) in pairing.targets.iter().enumerate() {
            let Some(right) = right_rows.get(ri) else {
                continue;
            };
            let cells = fit_cells(right.cells.clone(), right_w);
            match target.and_then(|li| pending.get(li)).copied() {
                Some(row_idx) => {
                    if let Some(row) = self.rows.get_mut(row_idx) {
                        for (k, c) in cells.into_iter().enumerate() {
                            if let Some(slot) = row.cells.get_mut(left_w + k) {
                                *slot = c;
                            }
                        }
                        // Row spans do not survive pairing: rows of the two
                        // halves need not pair one to one.
                        row.spans.extend(
                            fit_spans(right.spans.clone(), left_w, right_w)
                                .into_iter()
                                .map(|s| CellSpan { row_span: 1, ..s }),
                        );
                        if let Some(p) = f.page {
                            add_page(&mut row.pages, p);
                            if let Some(b) = right.bbox {
                                row.bbox.push(b.on_page(p));
                            }
                        }
                    }
                }
                None => {
                    // A right row with no left partner: kept as its own row.
                    let mut all = vec![String::new(); left_w];
                    all.extend(cells);
                    self.rows.push(RebuiltRow {
                        cells: all,
                        spanning: false,
                        pages: f.page.into_iter().collect(),
                        line: right.line,
                        bbox: match (f.page, right.bbox) {
                            (Some(p), Some(b)) => vec![b.on_page(p)],
                            _ => Vec::new(),
                        },
                        spans: fit_spans(right.spans.clone(), left_w, right_w)
                            .into_iter()
                            .map(|s| CellSpan { row_span: 1, ..s })
                            .collect(),
                    });
                }
            }
        }
    }

    fn left_spanning(&self, pending: &[usize]) -> Vec<bool> {
        pending
            .iter()
            .map(|&i| self.rows.get(i).is_some_and(|r| r.spanning))
            .collect()
    }

    /// Makes the first row the header (see `first_row_repeats`).
    fn promote_first_row(&mut self) {
        if !self.first_row_repeats
            || !self.right_header.is_empty()
            || self.left_header.iter().any(|h| !h.trim().is_empty())
            || self.rows.is_empty()
        {
            return;
        }
        let first = self.rows.remove(0);
        self.pending_left = self
            .pending_left
            .iter()
            .filter_map(|&i| i.checked_sub(1))
            .collect();
        let w = self.left_header.len();
        self.left_header = fit_cells(first.cells, w)
            .into_iter()
            .map(|c| c.trim().to_string())
            .collect();
        // The header row's printed cells, when the reader saw them; body
        // cells spanning down into the rows below stay body cells.
        self.header_cells = first
            .spans
            .into_iter()
            .map(|s| Cell {
                row: 0,
                col: s.col,
                row_span: 1,
                col_span: s.col_span.max(1),
                text: s.text,
            })
            .collect();
    }

    fn finish(mut self, warnings: &mut Vec<Warning>) -> RebuiltTable {
        self.promote_first_row();
        if self.side_by_side && !self.pending_left.is_empty() {
            let first_line = self
                .pending_left
                .first()
                .and_then(|&i| self.rows.get(i))
                .and_then(|r| r.line);
            warnings.push(
                Warning::new(
                    WarningCode::RowCountMismatch,
                    format!(
                        "{} row(s) of a side-by-side table never got their right-hand columns; they are kept with those cells empty",
                        self.pending_left.len(),
                    ),
                )
                .on_page(self.pages.last().copied())
                .at_line(first_line),
            );
        }
        let joined = if self.side_by_side {
            Joined::SideBySide
        } else if self.fragments > 1 {
            Joined::Continued
        } else {
            Joined::None
        };
        let mut header = self.left_header;
        header.extend(self.right_header);
        let mut rows = self.rows;
        drop_repeated_headers(&header, &mut rows);
        RebuiltTable {
            header,
            rows,
            pages: self.pages,
            joined,
            bbox: self.bbox,
            line: self.line,
            header_cells: self.header_cells,
            columns: Vec::new(),
            kind: TableKind::Other,
        }
    }
}

/// Drops rows that print the header again (a header the reader took for a
/// row, a header repeated inside a continued table): every cell reads as
/// the header label above it, on letters and digits, footnote marks aside.
fn drop_repeated_headers(header: &[String], rows: &mut Vec<RebuiltRow>) {
    let key: Vec<String> = header
        .iter()
        .map(|h| plantab_vocab::compact(&plantab_vocab::clean_header(h, false)))
        .collect();
    let labelled = key.iter().filter(|k| !k.is_empty()).count();
    if labelled < 2 {
        return;
    }
    rows.retain(|r| {
        r.spanning
            || r.cells.len() != key.len()
            || !r
                .cells
                .iter()
                .zip(&key)
                .all(|(c, k)| plantab_vocab::compact(&plantab_vocab::clean_header(c, false)) == *k)
    });
}

fn add_page(pages: &mut Vec<u32>, p: u32) {
    if !pages.contains(&p) {
        pages.push(p);
        pages.sort_unstable();
    }
}

/// Places a fragment row's spans in a table part starting at column
/// `offset` and `width` columns wide: a cell reaching past the part's right
/// edge is cut there, one starting past it moves to the last column (as
/// [`fit_cells`] moves its text).
fn fit_spans(spans: Vec<CellSpan>, offset: usize, width: usize) -> Vec<CellSpan> {
    if width == 0 {
        return spans;
    }
    spans
        .into_iter()
        .map(|mut s| {
            if s.col >= width {
                s.col = width - 1;
                s.col_span = 1;
            } else {
                s.col_span = s.col_span.clamp(1, width - s.col);
            }
            s.col += offset;
            s
        })
        .collect()
}

/// Pads a row to `width` cells; text beyond `width` is kept, appended to
/// the last cell.
fn fit_cells(mut cells: Vec<String>, width: usize) -> Vec<String> {
    if width == 0 {
        return cells;
    }
    if cells.len() > width {
        let extra: Vec<String> = cells.split_off(width);
        let extra: Vec<String> = extra.into_iter().filter(|c| !c.is_empty()).collect();
        if let Some(last) = cells.last_mut() {
            for e in extra {
                if !last.is_empty() {
                    last.push('\n');
                }
                last.push_str(&e);
            }
        }
    }
    cells.resize(width, String::new());
    cells
}

#[cfg(test)]
mod tests;
