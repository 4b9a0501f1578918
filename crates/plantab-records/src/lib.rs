//! # plantab-records
//!
//! The third stage: a [`RebuiltDocument`] (whole tables and the text
//! around them) → the contract [`Document`].
//!
//! * [`columns`]: each header label → a canonical key by the synonym
//!   table (fuzzy), status/revised/commentary columns grouped by the
//!   reporting period their header names; what the table holds (plan
//!   table of actions, projects, … or financial / other).
//! * [`ids`]: id cells → id, aliases, and the parent a row sits under.
//! * [`status`], [`dates`]: printed statuses and dates → normalised values.
//! * [`document`]: title, kind, owner, period and status legend.
//!
//! Every table is kept in `tables`; only plan tables (with an id or title
//! column) produce records.

#![warn(missing_docs)]

mod colour;
pub mod columns;
pub mod dates;
pub mod document;
pub mod ids;
mod measure;
mod short_regex;
pub mod status;
mod unread;

pub use document::Options;

use columns::{period_key, TableColumns};
use dates::{parse_date, DateContext};
use plantab_model::{
    Cell, CodeFrom, ColumnRole, Document, DocumentInfo, LegendItem, Period, PlanEntry, Provenance,
    RebuiltBlock, RebuiltDocument, RebuiltRow, RebuiltTable, Record, RecordKind, Source,
    StatusCode, StatusEntry, StatusLegendEntry, Table, TableKind, Warning, WarningCode,
    SCHEMA_VERSION,
};
use std::collections::{BTreeMap, HashSet};
use unread::{no_records_warning, warn_unread};

/// Turns a rebuilt document into the contract document.
///
/// Each table's `rows` are its body rows (the header is in `columns`);
/// its `cells` give the body's printed cells with their spans when the
/// reader saw them (PDF grids).
pub fn build_document(rebuilt: RebuiltDocument, source: Source) -> Document {
    build(rebuilt, source, Mode::Records, &Options::default())
}

/// [`build_document`] with options (the financial-year start month).
pub fn build_document_with(
    rebuilt: RebuiltDocument,
    source: Source,
    options: &Options,
) -> Document {
    build(rebuilt, source, Mode::Records, options)
}

/// [`tables_document`] with options.
pub fn tables_document_with(
    rebuilt: RebuiltDocument,
    source: Source,
    options: &Options,
) -> Document {
    build(rebuilt, source, Mode::Tables, options)
}

/// The document `plantab tables` writes: every table as printed, with no
/// records.
///
/// Each table's `rows` start with its printed header rows (title bars
/// and header rows, `header_rows` of them; a repeated header of a
/// continued table is not repeated) and go on with the body; `cells` give
/// every printed cell with its span (PDF grids), or one cell per non-empty
/// entry of `rows` when the reader saw no grid (text input). `columns`
/// and `kind` are interpreted as for [`build_document`]; `records` is
/// empty.
pub fn tables_document(rebuilt: RebuiltDocument, source: Source) -> Document {
    build(rebuilt, source, Mode::Tables, &Options::default())
}

/// What [`build`] makes of the tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Body rows in `rows`, records built.
    Records,
    /// Header and body rows in `rows`, no records.
    Tables,
}

fn build(rebuilt: RebuiltDocument, source: Source, mode: Mode, options: &Options) -> Document {
    let blocks = rebuilt.blocks;
    let mut warnings = rebuilt.warnings;

    // Pass 1: columns, sections and legends.
    let mut section: Option<String> = None;
    // The owner (and workstream) a heading or the line under it names,
    // for the tables below it until the next heading.
    let mut lead: Option<plantab_vocab::SectionOwner> = None;
    let mut leads: Vec<Option<plantab_vocab::SectionOwner>> = Vec::new();
    let mut legend_items: Vec<LegendItem> = Vec::new();
    let mut interpreted: Vec<(&RebuiltTable, TableColumns, Option<String>)> = Vec::new();
    // A heading naming one measure ("Measure 1.1: …") over its box, with
    // the heading above it; and what it gave each table.
    let mut item: Option<measure::ItemBox> = None;
    let mut items: Vec<Option<measure::ItemBox>> = Vec::new();
    // The nearest heading above that names no single measure.
    let mut outer: Option<String> = None;
    for b in &blocks {
        match b {
            RebuiltBlock::Text(t) if t.heading.is_some() => {
                match plantab_vocab::section_owner(&t.text) {
                    // "Owner: …" set as a heading: the owner of the
                    // section above, not a section of its own.
                    Some(o) if o.name.is_none() => lead = Some(o),
                    found => {
                        item = plantab_vocab::item_heading(&t.text).map(|h| measure::ItemBox {
                            id: h.id,
                            name: h.name,
                            section: outer.clone(),
                        });
                        section = Some(t.text.split_whitespace().collect::<Vec<_>>().join(" "));
                        if item.is_none() {
                            outer.clone_from(&section);
                        }
                        lead = found;
                    }
                }
            }
            RebuiltBlock::Text(t) => {
                // A sub-heading printed as body text ("National Address
                // Register – Lead PM/RT") or an "Owner: …" line: one line.
                if !t.text.trim().contains('\n') {
                    if let Some(o) = plantab_vocab::section_owner(&t.text) {
                        lead = Some(o);
                    }
                }
            }
            RebuiltBlock::Legend(l) => legend_items.extend(l.items.iter().cloned()),
            RebuiltBlock::Table(t) => {
                let cols = TableColumns::of(t);
                if !cols.is_plan_table() {
                    if let Some(items) = legend_from_table(t).or_else(|| colour::swatch_legend(t)) {
                        legend_items.extend(items);
                    }
                }
                let own_item = if measure::is_item_box(t, &cols) {
                    item.take()
                } else {
                    None
                };
                interpreted.push((t, cols, section.clone()));
                leads.push(lead.clone());
                items.push(own_item);
            }
        }
    }

    let header_years = plan_header_years(&interpreted);
    let front = document::front_matter(&blocks, &header_years, options);
    let title = front.title.clone();
    let period = front.period.clone();
    let status_legend = document::legend(&legend_items);

    // Pass 2: kinds and records, read from the tables in place.
    let mut kinds = Vec::with_capacity(interpreted.len());
    let mut records = Vec::new();
    if mode == Mode::Records {
        // At most one record per body row of a plan table: one allocation
        // instead of a growing vector copied as it doubles.
        records.reserve(
            interpreted
                .iter()
                .filter(|(_, c, _)| c.is_plan_table())
                .map(|(t, _, _)| t.rows.len())
                .sum(),
        );
    }
    let labels = status::Labels::new(&status_legend);
    let mut max_periods = 0usize;
    let mut has_status = false;
    let mut not_read = 0usize;
    for (index, (t, cols, section)) in interpreted.iter().enumerate() {
        let kind = cols.kind;
        kinds.push(kind);
        if !cols.is_plan_table() {
            if mode == Mode::Records {
                not_read += usize::from(warn_unread(index, t, cols, &mut warnings));
            }
            continue;
        }
        let periods = status_periods(cols);
        max_periods = max_periods.max(periods.len());
        has_status |= !periods.is_empty();
        if mode == Mode::Tables {
            continue;
        }
        let ctx = TableContext {
            index,
            kind,
            section: section.clone(),
            lead: leads.get(index).and_then(Option::as_ref),
            item: items.get(index).and_then(Option::as_ref),
            cols,
            legend: &status_legend,
            labels: &labels,
            dates: &front.dates,
            month_year_columns: month_year_columns(t, cols),
            groups: PeriodGroups::of(cols, &front.dates),
            title_has_id: cols
                .cols
                .iter()
                .any(|c| c.role == ColumnRole::Title && c.leading_id),
            reporting_label: front.reporting_label.as_deref(),
        };
        let before = records.len();
        table_records(t, &ctx, &mut warnings, &mut records);
        if records.len() == before {
            not_read += usize::from(warn_unread(index, t, cols, &mut warnings));
        }
    }
    if mode == Mode::Records && records.is_empty() {
        warnings.push(no_records_warning(&kinds, not_read));
    }

    let kind = document::kind(
        title.as_deref(),
        &blocks,
        max_periods >= 2 && !status_legend.is_empty(),
        has_status,
    );
    let owner = front.owner.clone();
    let interpreted: Vec<(Vec<plantab_model::Column>, Option<String>)> = interpreted
        .into_iter()
        .map(|(_, cols, section)| (cols.contract_columns(), section))
        .collect();

    // Pass 3: the tables, their rows moved out of the rebuilt document.
    let rebuilt_tables = blocks.into_iter().filter_map(|b| match b {
        RebuiltBlock::Table(t) => Some(t),
        _ => None,
    });
    let mut tables = Vec::with_capacity(interpreted.len());
    let all = rebuilt_tables.zip(interpreted).zip(kinds).enumerate().map(
        |(index, ((t, (cols, section)), kind))| {
            let (rows, header_rows, cells) = match mode {
                Mode::Records => {
                    let cells = body_cells(&t, 0);
                    let rows = t.rows.into_iter().map(|r| r.cells).collect();
                    (rows, 0, cells)
                }
                Mode::Tables => printed_grid(&t),
            };
            Table {
                index,
                kind,
                section,
                pages: t.pages,
                columns: cols,
                rows,
                joined: t.joined,
                bbox: t.bbox,
                header_rows,
                cells,
            }
        },
    );
    tables.extend(all);

    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document: DocumentInfo {
            kind,
            title,
            owner,
            period,
            status_legend,
            fiscal_year_start: front.dates.fiscal.map(|f| f.start_month),
            jurisdiction: front.dates.jurisdiction.map(str::to_string),
            reporting_date: front.dates.reporting_date.clone(),
        },
        tables,
        records,
        warnings,
    }
}

/// The body's printed cells, rows counted from `offset`: each row's spans
/// when the reader saw them, else one cell per non-empty entry. Empty when
/// no row of the table has spans (nothing known beyond `rows`).
fn body_cells(t: &RebuiltTable, offset: usize) -> Vec<Cell> {
    if t.rows.iter().all(|r| r.spans.is_empty()) {
        return Vec::new();
    }
    all_body_cells(t, offset)
}

/// [`body_cells`], also for a table without spans.
fn all_body_cells(t: &RebuiltTable, offset: usize) -> Vec<Cell> {
    let n = t.rows.len();
    let mut out = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        if r.spans.is_empty() {
            out.extend(plain_cells(&r.cells, offset + i));
            continue;
        }
        // A span with no text stands for a filled empty cell: not a
        // printed cell of the contract.
        for s in r
            .spans
            .iter()
            .filter(|s| !(s.text.is_empty() && s.fill.is_some()))
        {
            out.push(Cell {
                row: offset + i,
                col: s.col,
                row_span: s.row_span.clamp(1, n - i),
                col_span: s.col_span.max(1),
                text: s.text.clone(),
            });
        }
    }
    out
}

/// One cell per non-empty entry of a row.
fn plain_cells(cells: &[String], row: usize) -> Vec<Cell> {
    cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
        .map(|(col, c)| Cell {
            row,
            col,
            row_span: 1,
            col_span: 1,
            text: c.clone(),
        })
        .collect()
}

/// A table as printed, for [`tables_document`]: `(rows, header_rows,
/// cells)`, the header rows first. The header comes from the reader's
/// header cells (PDF grids), else from the header labels as one row.
fn printed_grid(t: &RebuiltTable) -> (Vec<Vec<String>>, usize, Vec<Cell>) {
    let width = t.header.len().max(
        t.rows
            .iter()
            .map(|r| {
                r.spans
                    .iter()
                    .map(|s| s.col + s.col_span)
                    .max()
                    .unwrap_or(0)
                    .max(r.cells.len())
            })
            .max()
            .unwrap_or(0),
    );
    let mut cells: Vec<Cell> = Vec::new();
    let header_rows = if !t.header_cells.is_empty() {
        cells.extend(t.header_cells.iter().cloned());
        t.header_cells
            .iter()
            .map(|c| c.row + c.row_span.max(1))
            .max()
            .unwrap_or(0)
    } else if t.header.iter().any(|h| !h.trim().is_empty()) {
        cells.extend(plain_cells(&t.header, 0));
        1
    } else {
        0
    };
    cells.extend(all_body_cells(t, header_rows));
    let mut rows = vec![vec![String::new(); width]; header_rows + t.rows.len()];
    for c in &cells {
        if let Some(slot) = rows.get_mut(c.row).and_then(|r| r.get_mut(c.col)) {
            if !slot.is_empty() {
                slot.push('\n');
            }
            slot.push_str(&c.text);
        }
    }
    (rows, header_rows, cells)
}

/// The years plan-table headers name: those of reporting-period columns
/// (all of them, for a span) when there are any, else the year other
/// headers name most often ("WHAT WILL WE DO IN 2023?", "CSP 2023" over
/// "BASELINE (2022)").
fn plan_header_years(tables: &[(&RebuiltTable, TableColumns, Option<String>)]) -> Vec<i32> {
    let plan = tables.iter().filter(|(_, c, _)| c.is_plan_table());
    let mut period_years = Vec::new();
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for (t, c, _) in plan {
        for (i, h) in t.header.iter().enumerate() {
            match c.period(i) {
                Some(p) => period_years.extend(p.year),
                None => {
                    if let Some(y) = plantab_vocab::find_year(&plantab_vocab::compact(h)) {
                        *counts.entry(y).or_default() += 1;
                    }
                }
            }
        }
    }
    if !period_years.is_empty() {
        return period_years;
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| vec![y])
        .unwrap_or_default()
}

/// The due/start columns whose non-empty cells mostly read `Mon-YY`.
fn month_year_columns(t: &RebuiltTable, cols: &TableColumns) -> Vec<ColumnRole> {
    let mut out = Vec::new();
    for (i, c) in cols.cols.iter().enumerate() {
        let role = &c.role;
        if !matches!(role, ColumnRole::Due | ColumnRole::Start) {
            continue;
        }
        let mut total = 0usize;
        let mut mon_yy = 0usize;
        for c in t
            .rows
            .iter()
            .filter_map(|r| r.cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            total += 1;
            if c.split_once('-').is_some_and(|(m, y)| {
                y.len() == 2
                    && y.chars().all(|ch| ch.is_ascii_digit())
                    && plantab_vocab::month_number(m, true).is_some()
            }) {
                mon_yy += 1;
            }
        }
        if mon_yy * 2 > total {
            out.push(*role);
        }
    }
    out
}

/// What the records of one table share.
struct TableContext<'a> {
    index: usize,
    kind: TableKind,
    section: Option<String>,
    /// The owner (and workstream) the heading above names.
    lead: Option<&'a plantab_vocab::SectionOwner>,
    /// The measure the heading above names, when the table is its box.
    item: Option<&'a measure::ItemBox>,
    cols: &'a TableColumns<'a>,
    legend: &'a [StatusLegendEntry],
    /// The legend's labels and the vocabulary's, for cells that start
    /// with a status.
    labels: &'a status::Labels,
    /// What the front matter tells about dates.
    dates: &'a document::DateFacts,
    /// Date columns whose cells mostly print `Mon-YY` (`Sep-22`): there a
    /// stray `22-Sep` is the same month written the other way round.
    month_year_columns: Vec<ColumnRole>,
    /// The table's reporting periods, worked out once for all its rows.
    groups: PeriodGroups<'a>,
    /// The title cells open with the row's id (no id column).
    title_has_id: bool,
    /// The document's reporting period as printed: the label of a
    /// scorecard's status entries.
    reporting_label: Option<&'a str>,
}

/// The reporting periods of a table's status-like columns: one group per
/// distinct period (by [`Period::key`]), in order of first appearance,
/// holding the first such column's period.
struct PeriodGroups<'a> {
    /// The groups' periods.
    periods: Vec<&'a Period>,
    /// Per column: its group, `None` for columns of other roles.
    slot_of_column: Vec<Option<usize>>,
    /// The groups in reporting order (year, else the document's, then
    /// month), ties in column order.
    order: Vec<usize>,
}

impl<'a> PeriodGroups<'a> {
    fn of(cols: &'a TableColumns<'a>, dates: &document::DateFacts) -> Self {
        let mut periods: Vec<&Period> = Vec::new();
        let mut keys = Vec::new();
        let mut slot_of_column = Vec::with_capacity(cols.cols.len());
        // When at most one period is named ("Status" beside "Progress at end
        // of March 2024"), the status-like columns are one period's.
        let named: Vec<&Period> = (0..cols.cols.len())
            .filter_map(|i| cols.period(i))
            .filter(|p| !p.is_none())
            .collect();
        let one_period = named.iter().all(|p| {
            named
                .first()
                .is_some_and(|q| period_key(q) == period_key(p))
        });
        for i in 0..cols.cols.len() {
            let slot = cols.period(i).map(|p| {
                let p = if one_period {
                    named.first().copied().unwrap_or(p)
                } else {
                    p
                };
                let key = period_key(p);
                match keys.iter().position(|k| *k == key) {
                    Some(i) => i,
                    None => {
                        keys.push(key);
                        periods.push(p);
                        periods.len() - 1
                    }
                }
            });
            slot_of_column.push(slot);
        }
        let mut order: Vec<usize> = (0..periods.len()).collect();
        // Stable: periods that sort alike stay in column order.
        order.sort_by_key(|&i| {
            periods
                .get(i)
                .map(|p| (p.year.or_else(|| period_year(p, dates)), p.month))
        });
        PeriodGroups {
            periods,
            slot_of_column,
            order,
        }
    }
}

/// The distinct reporting periods of a table's status-like columns, in
/// column order.
fn status_periods(cols: &TableColumns) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for i in 0..cols.cols.len() {
        // A period grid's plan columns hold no statuses.
        if cols.role(i) == ColumnRole::Plan {
            continue;
        }
        let Some(p) = cols.period(i) else {
            continue;
        };
        if !out.iter().any(|q| period_key(q) == period_key(p)) {
            out.push(p.clone());
        }
    }
    out
}

/// One line of text: whitespace (including wrapping) folded to single
/// spaces. A line broken inside a code ("GP20-CSP4-3-\n02": the hyphenated
/// token holds a digit, or the next line starts with one) joins without a
/// space; any other break after a hyphen keeps the space, since a PDF does
/// not say whether a space stood there ("Lead-\nService" was printed
/// "Lead- Service", "Progress-\nactual" was "Progress- actual").
fn unwrap_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    unwrap_text_into(s, &mut out);
    out
}

/// [`unwrap_text`] of `s`, appended to `out` (no space is put before its
/// first word).
fn unwrap_text_into(s: &str, out: &mut String) {
    let mut first = true;
    let mut glue_next = false;
    let mut prev_code = false;
    // `lines()` splits at '\n' and drops a '\r' before it; a '\r' is
    // whitespace anyway, so splitting at '\n' folds the same words.
    for raw in s.split('\n') {
        let mut words = raw.split_whitespace();
        let Some(w0) = words.next() else {
            continue;
        };
        let starts_digit = w0.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if !(first || glue_next && (starts_digit || prev_code)) {
            out.push(' ');
        }
        first = false;
        out.push_str(w0);
        let mut last = w0;
        for w in words {
            out.push(' ');
            out.push_str(w);
            last = w;
        }
        // The line's last word decides how the next line joins: a hyphen
        // after a letter or digit, and whether that word holds a digit.
        glue_next = last.ends_with('-')
            && last
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_alphanumeric());
        prev_code = last.bytes().any(|c| c.is_ascii_digit());
    }
}

/// True when `s` is surely its own [`unwrap_text`]: no whitespace but
/// single spaces between words. A cheap, conservative test (ASCII control
/// characters other than whitespace also answer `false`): `false` only
/// means the text has to be unwrapped.
pub(crate) fn is_unwrapped(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &c in b {
        if c <= b' ' {
            // ASCII whitespace and control characters are all here.
            if c != b' ' || prev_space {
                return false;
            }
            prev_space = true;
        } else if c >= 0x80 {
            return is_unwrapped_unicode(s);
        } else {
            prev_space = false;
        }
    }
    true
}

/// [`is_unwrapped`] for text with non-ASCII characters (some of them are
/// whitespace: no-break space, em space …).
fn is_unwrapped_unicode(s: &str) -> bool {
    let mut prev_space = false;
    for ch in s.chars() {
        if ch == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
        } else if ch.is_whitespace() || ch.is_ascii_control() {
            return false;
        } else {
            prev_space = false;
        }
    }
    true
}

/// [`unwrap_text`] of `s` as an owned string, copying `s` once when it is
/// already unwrapped.
fn unwrapped_string(s: &str) -> String {
    if is_unwrapped(s) {
        s.to_string()
    } else {
        unwrap_text(s)
    }
}

/// [`unwrap_text`] of `s`, borrowed from `s` when it is already unwrapped,
/// else written into `buf`.
fn unwrapped_str<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    if is_unwrapped(s) {
        return s;
    }
    buf.clear();
    unwrap_text_into(s, buf);
    buf.as_str()
}

/// The trimmed text of a cell, `None` when it is blank.
fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

fn table_records(
    t: &RebuiltTable,
    ctx: &TableContext<'_>,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<Record>,
) {
    let id_col = ctx.cols.position(ColumnRole::Id);
    // With no id column, ids may open the title cells ("1.1.1 Issue …").
    let leading_col = ctx
        .title_has_id
        .then(|| ctx.cols.position(ColumnRole::Title))
        .flatten();
    let parsed_ids: Vec<ids::IdCell> = t
        .rows
        .iter()
        .map(|r| {
            if let Some(c) = id_col.and_then(|i| r.cells.get(i)) {
                return ids::parse_id_cell(c);
            }
            match leading_col.and_then(|i| r.cells.get(i)) {
                Some(c) if plantab_vocab::look(c).id != plantab_vocab::IdPlace::None => {
                    let mut idc = ids::parse_id_cell(c);
                    idc.rest = idc.rest.map(|r| {
                        r.trim_start_matches(|ch: char| {
                            ch.is_whitespace() || matches!(ch, '-' | '–' | '—' | ':' | '.' | ')')
                        })
                        .to_string()
                    });
                    // Text with no id of its own: the title as printed.
                    if idc.rest.is_none() && idc.aliases.is_empty() {
                        return ids::IdCell::default();
                    }
                    idc
                }
                _ => ids::IdCell::default(),
            }
        })
        .collect();
    // Parents are only ever looked up as a level's own row (`….0`): only
    // those ids need to be kept aside, the others move into the records.
    let level_ids: HashSet<String> = parsed_ids
        .iter()
        .filter_map(|c| c.id.as_deref())
        .filter(|id| id.ends_with(".0"))
        .map(str::to_string)
        .collect();
    let exists = |s: &str| level_ids.contains(s);
    // The table prints each level's own row as `….0` when some row sits
    // under such a row: then every `….0` row is a priority, children or not.
    let uses_level_rows = parsed_ids
        .iter()
        .filter_map(|c| c.id.as_deref())
        .any(|o| ids::implied_parent(o, &exists).is_some_and(|p| ids::is_level_row(&p)));

    let mut scratch = RowScratch::default();
    let mut current_priority: Option<String> = None;
    for (row_idx, (row, idc)) in t.rows.iter().zip(parsed_ids).enumerate() {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let is_priority = row.spanning && idc.id.is_some()
            || idc
                .id
                .as_deref()
                .is_some_and(|id| ids::is_level_row(id) && uses_level_rows);
        let mut rec = row_record(row, row_idx, idc, ctx, warnings, &mut scratch);
        if is_priority {
            rec.kind = RecordKind::Priority;
            rec.parent_id = None;
            current_priority.clone_from(&rec.id);
        } else {
            let implied = rec
                .id
                .as_deref()
                .and_then(|id| ids::implied_parent_in(id, &level_ids));
            rec.parent_id = match (&current_priority, implied) {
                (Some(p), Some(i)) if *p == i => Some(i),
                (Some(p), None) => Some(p.clone()),
                (_, Some(i)) => Some(i),
                (None, None) => None,
            };
        }
        out.push(rec);
    }
}

/// Sets `slot` to `value` when `value` holds text: of several cells of
/// one role (and period) in a row, the last non-empty one is read.
fn keep_non_empty<'r>(slot: &mut Option<&'r str>, value: Option<&'r str>) {
    if value.is_some() {
        *slot = value;
    }
}

/// One reporting period's cells in a row, trimmed.
#[derive(Default, Clone, Copy)]
struct PeriodCells<'r> {
    status: Option<&'r str>,
    revised: Option<&'r str>,
    commentary: Option<&'r str>,
    /// The step planned for the period (a period grid's plan column).
    plan: Option<&'r str>,
    /// The status cell's fill (`#rrggbb`), when it has its own.
    fill: Option<&'r str>,
}

/// Buffers reused from row to row.
#[derive(Default)]
struct RowScratch<'r> {
    groups: Vec<PeriodCells<'r>>,
    text: String,
}

/// Where a status entry was printed, for its warnings.
#[derive(Clone, Copy)]
struct EntryAt<'a> {
    id: Option<&'a str>,
    page: Option<u32>,
    row: usize,
}

/// A status cell's colour, and the code a fill with no words stands for
/// (`code_from: colour`), with the warnings a status that means nothing
/// known gives: words no label matches, a fill neither the legend nor the
/// RAG colours define. A fill the legend prints beside a label with no
/// known code ("No return received" on grey) is that label's meaning: code
/// `unknown`, no warning.
fn colour_and_code(
    raw: &str,
    code: &mut StatusCode,
    fill: Option<&str>,
    ctx: &TableContext<'_>,
    at: EntryAt<'_>,
    warnings: &mut Vec<Warning>,
) -> (Option<plantab_model::Colour>, Option<CodeFrom>) {
    let colour = fill.and_then(colour::named);
    let mut code_from = None;
    let of_id = at.id.map(|i| format!(" of {i}")).unwrap_or_default();
    // A status given only as a fill: the colour's meaning.
    if let (true, Some(c)) = (raw.is_empty(), &colour) {
        match colour::code_of(c, ctx.legend) {
            Some(from_colour) => {
                *code = from_colour;
                code_from = Some(CodeFrom::Colour);
            }
            None if colour::in_legend(c, ctx.legend) => code_from = Some(CodeFrom::Colour),
            None => warnings.push(
                Warning::new(
                    WarningCode::UnknownStatus,
                    format!(
                        "status cell{of_id} printed only a {} fill ({}) that neither the document's legend nor the usual RAG colours define",
                        c.name,
                        c.rgb,
                    ),
                )
                .on_page(at.page)
                .at_row(ctx.index, at.row),
            ),
        }
    }
    if *code == StatusCode::Unknown && !raw.is_empty() {
        warnings.push(
            Warning::new(
                WarningCode::UnknownStatus,
                format!("status {raw:?}{of_id} matches no known label"),
            )
            .on_page(at.page)
            .at_row(ctx.index, at.row),
        );
    }
    (colour, code_from)
}

fn row_record<'r>(
    row: &'r RebuiltRow,
    row_idx: usize,
    idc: ids::IdCell,
    ctx: &TableContext<'_>,
    warnings: &mut Vec<Warning>,
    scratch: &mut RowScratch<'r>,
) -> Record {
    let page = row.pages.first().copied();
    let mut title: Option<&str> = None;
    let mut description = None;
    let mut due_raw = None;
    let mut start_raw = None;
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let groups = &mut scratch.groups;
    groups.clear();
    groups.resize(ctx.groups.periods.len(), PeriodCells::default());
    // The title cell's id was split off: its rest (in the id cell) is
    // the title.
    let title_in_id = ctx.title_has_id && idc.id.is_some();
    // A scorecard's cells: (subject, status printed, fill).
    let mut subjects: Vec<(&str, Option<&str>, Option<&str>)> = Vec::new();
    for (col, (column, cell)) in ctx.cols.cols.iter().zip(&row.cells).enumerate() {
        let value = non_empty(cell);
        match column.role {
            ColumnRole::Id => {}
            ColumnRole::Subject => {
                let value = value.filter(|v| !is_dash(v));
                subjects.push((column.header.as_str(), value, colour::own_fill(row, col)));
            }
            ColumnRole::Title if title_in_id => {}
            // A later empty cell of the same role (an empty second title
            // column, an empty RAG beside a status) keeps what an earlier
            // cell gave.
            ColumnRole::Title => keep_non_empty(&mut title, value),
            ColumnRole::Description => keep_non_empty(&mut description, value),
            ColumnRole::Due => keep_non_empty(&mut due_raw, value),
            ColumnRole::Start => keep_non_empty(&mut start_raw, value),
            ColumnRole::Status
            | ColumnRole::Rag
            | ColumnRole::RevisedDue
            | ColumnRole::Commentary
            | ColumnRole::Plan => {
                let slot = ctx.groups.slot_of_column.get(col).copied().flatten();
                // A cell of only a dash ("—" after completion) reports
                // nothing for the period.
                let value = value.filter(|v| !is_dash(v));
                if let Some(g) = slot.and_then(|i| groups.get_mut(i)) {
                    match column.role {
                        ColumnRole::Status | ColumnRole::Rag => {
                            // The fill of the cell whose text is read, else
                            // of a filled cell with no text.
                            let fill = colour::own_fill(row, col);
                            if fill.is_some() && (value.is_some() || g.status.is_none()) {
                                g.fill = fill;
                            }
                            keep_non_empty(&mut g.status, value)
                        }
                        ColumnRole::RevisedDue => keep_non_empty(&mut g.revised, value),
                        ColumnRole::Plan => keep_non_empty(&mut g.plan, value),
                        _ => keep_non_empty(&mut g.commentary, value),
                    }
                }
            }
            _ => {
                if let Some(v) = value {
                    let k = column.key.as_str();
                    if k.starts_with("column_") {
                        warnings.push(
                            Warning::new(
                                WarningCode::UnparsedText,
                                format!(
                                    "text under no printed header kept in fields.unparsed: {:?}",
                                    truncate(v, 80)
                                ),
                            )
                            .on_page(page)
                            .at_row(ctx.index, row_idx),
                        );
                        append_field(&mut fields, "unparsed", v.to_string());
                    } else {
                        append_field(&mut fields, k, unwrapped_string(v));
                    }
                }
            }
        }
    }
    let ids::IdCell {
        mut id,
        aliases,
        rest,
    } = idc;
    if let Some(rest) = &rest {
        if title.is_none() {
            title = Some(rest.as_str());
        } else {
            append_field(&mut fields, "unparsed", rest.clone());
            warnings.push(
                Warning::new(
                    WarningCode::UnparsedText,
                    "text in the id cell kept in fields.unparsed",
                )
                .on_page(page)
                .at_row(ctx.index, row_idx),
            );
        }
    }
    // A measure's box under a heading that names it: the heading's id
    // and name.
    if let Some(item) = ctx.item {
        if id.is_none() {
            id = Some(item.id.clone());
        }
        if title.is_none() {
            title = item.name.as_deref();
        }
    }
    let date_ctx = ctx.dates.context();
    let due_ctx = DateContext {
        short_year_first: ctx.month_year_columns.contains(&ColumnRole::Due),
        ..date_ctx
    };
    let start_ctx = DateContext {
        short_year_first: ctx.month_year_columns.contains(&ColumnRole::Start),
        ..date_ctx
    };
    let mut status = Vec::new();
    let mut plan = Vec::new();
    for &slot in &ctx.groups.order {
        let (Some(p), Some(g)) = (ctx.groups.periods.get(slot), groups.get(slot)) else {
            continue;
        };
        let PeriodCells {
            status: st,
            revised: rev,
            commentary: com,
            plan: planned,
            fill,
        } = *g;
        let year = p.year.or_else(|| period_year(p, ctx.dates));
        let period = match (year, p.month) {
            (Some(y), Some(m)) => Some(format!("{y:04}-{m:02}")),
            _ => None,
        };
        if let Some(text) = planned {
            plan.push(PlanEntry {
                period: period.clone(),
                label: p.label.clone(),
                text: unwrapped_string(text),
            });
        }
        if st.is_none() && rev.is_none() && com.is_none() && fill.is_none() {
            continue;
        }
        let StatusRead {
            raw,
            mut code,
            commentary,
        } = read_status(st, com, ctx);
        let at = EntryAt {
            id: id.as_deref(),
            page,
            row: row_idx,
        };
        let (colour, code_from) = colour_and_code(&raw, &mut code, fill, ctx, at, warnings);
        let rev_ctx = DateContext {
            year,
            fiscal: ctx.dates.fiscal,
            ..DateContext::default()
        };
        let revised_due =
            rev.map(|r| revised_date(unwrapped_str(r, &mut scratch.text), rev_ctx, p.month));
        status.push(StatusEntry {
            period,
            label: p.label.clone(),
            raw,
            code,
            revised_due,
            commentary,
            colour,
            code_from,
            subject: None,
        });
    }
    // A scorecard: one entry per subject whose cell prints a status or a
    // fill of its own (a white or unfilled empty cell reports nothing).
    for (subject, value, fill) in subjects {
        let colour = fill.and_then(colour::named);
        if value.is_none() && colour.as_ref().is_none_or(|c| c.name == "white") {
            continue;
        }
        let StatusRead {
            raw,
            mut code,
            commentary,
        } = read_status(value, None, ctx);
        let at = EntryAt {
            id: id.as_deref(),
            page,
            row: row_idx,
        };
        let (colour, code_from) = colour_and_code(&raw, &mut code, fill, ctx, at, warnings);
        status.push(StatusEntry {
            period: None,
            label: ctx.reporting_label.map(str::to_string),
            raw,
            code,
            revised_due: None,
            commentary,
            colour,
            code_from,
            subject: Some(subject.split_whitespace().collect::<Vec<_>>().join(" ")),
        });
    }
    let (measure, rating) = measure::row_measure(row, ctx.cols, title);
    // A rating printed under the result's figure ("97.1%" over
    // "Achieved") is the record's status when no status column gave one.
    if let (Some(r), true) = (rating, status.is_empty()) {
        let StatusRead { raw, code, .. } = read_status(Some(&r), None, ctx);
        let colour = ctx
            .cols
            .position(ColumnRole::Actual)
            .and_then(|col| colour::own_fill(row, col))
            .and_then(colour::named);
        status.push(StatusEntry {
            period: None,
            label: None,
            raw,
            code,
            revised_due: None,
            commentary: None,
            colour,
            code_from: None,
            subject: None,
        });
    }
    let kind = match ctx.kind {
        TableKind::Projects => RecordKind::Project,
        TableKind::Legislation => RecordKind::Legislation,
        TableKind::Measures => RecordKind::Measure,
        TableKind::Initiatives => RecordKind::Initiative,
        _ => RecordKind::Action,
    };
    let due = due_raw.map(|d| {
        let (date, in_cell) = read_date_cell(d, &due_ctx, ctx, &mut scratch.text);
        // A status printed in the due cell ("Done [Council 19 July
        // 2023]") is the row's status when no status column gave one.
        if let (Some(entry), true) = (in_cell, status.is_empty()) {
            status.push(entry);
        }
        date
    });
    let start = start_raw.map(|d| read_date_cell(d, &start_ctx, ctx, &mut scratch.text).0);
    if let Some(lead) = ctx.lead {
        // The heading's owner for a row that prints none of its own.
        let has_owner = ctx
            .cols
            .cols
            .iter()
            .zip(&row.cells)
            .any(|(c, v)| c.role == ColumnRole::Owner && !v.trim().is_empty());
        if !has_owner && !fields.contains_key("owner") {
            fields.insert("owner".to_string(), lead.owner.clone());
        }
        if let Some(name) = &lead.name {
            if !fields.contains_key("workstream") {
                fields.insert("workstream".to_string(), name.clone());
            }
        }
    }
    Record {
        id,
        aliases,
        parent_id: None,
        kind,
        section: ctx
            .item
            .map_or_else(|| ctx.section.clone(), |i| i.section.clone()),
        title: title.map(unwrapped_string),
        description: description.map(str::to_string),
        due,
        start,
        status,
        plan,
        measure,
        fields,
        provenance: Provenance {
            table: ctx.index,
            pages: row.pages.clone(),
            row: row_idx,
            line: row.line,
            bbox: row.bbox.clone(),
        },
    }
}

/// True for a cell of dashes only ("—", "-", "–"): a grid's "nothing to
/// report".
fn is_dash(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '–' | '—' | '‒' | '―'))
}

/// The year of a reporting period whose column names a month but no
/// year ("December"): the month's year in the document's window of
/// year-less dates, else the document's year.
fn period_year(p: &Period, dates: &document::DateFacts) -> Option<i32> {
    match p.month {
        Some(m) => dates.year_of_month(m),
        None => dates.year,
    }
}

/// A status entry's printed status, its code and its commentary.
struct StatusRead {
    raw: String,
    code: StatusCode,
    commentary: Option<String>,
}

/// One reporting period's status and commentary cells read together.
///
/// A status cell that starts with a label and goes on with commentary
/// ("Commenced. As at end of October …") gives the label as `raw` and the
/// rest as commentary (see [`status::split_status`]); where the period has
/// no status cell, a commentary cell that opens with a label standing as
/// one ("Underway – on track. Agreements signed …") gives the status the
/// same way. The commentary is the status cell's rest, then a line break,
/// then the commentary cell's text.
fn read_status(st: Option<&str>, com: Option<&str>, ctx: &TableContext<'_>) -> StatusRead {
    use status::LabelAt;
    let mut rest: Option<&str> = None;
    let mut column = com;
    let (raw, code) = match st {
        Some(cell) => match status::split_status(cell, ctx.labels, LabelAt::StatusCell) {
            Some(sc) => {
                rest = sc.rest;
                (unwrapped_string(sc.label), sc.code)
            }
            None => {
                let raw = unwrapped_string(cell);
                let code = status::normalise_status_with_legend(&raw, ctx.legend);
                (raw, code)
            }
        },
        None => match com.and_then(|c| status::split_status(c, ctx.labels, LabelAt::Standing)) {
            Some(sc) => {
                column = sc.rest;
                (unwrapped_string(sc.label), sc.code)
            }
            None => (String::new(), StatusCode::Unknown),
        },
    };
    let commentary = match (rest, column) {
        (Some(r), Some(c)) => Some(format!("{r}\n{c}")),
        (Some(t), None) | (None, Some(t)) => Some(t.to_string()),
        (None, None) => None,
    };
    StatusRead {
        raw,
        code,
        commentary,
    }
}

/// A due or start cell: its date, and a status printed in it.
///
/// Line breaks a narrow column put inside a date are taken out first
/// (`30/11/202` / `3` → `30/11/2023`, [`dates::join_broken_lines`]); `raw`
/// is the whole cell. A cell that opens with a status label standing as
/// one and goes on with a date ("Done [first published November 2012]",
/// "Completed - March 2013") gives that status, its date read from the
/// rest; a cell that is only a label and no date ("Complete") gives the
/// status and an `unknown` date.
fn read_date_cell(
    cell: &str,
    date_ctx: &DateContext,
    ctx: &TableContext<'_>,
    buf: &mut String,
) -> (plantab_model::DateValue, Option<StatusEntry>) {
    let joined = dates::join_broken_lines(cell);
    let text = unwrapped_str(&joined, buf);
    let whole = parse_date(text, date_ctx);
    // Dates start with a digit or a quarter letter far more often than
    // with a label: only a letter can start one.
    if !text.starts_with(char::is_alphabetic) {
        return (whole, None);
    }
    let Some(sc) = status::split_status(text, ctx.labels, status::LabelAt::DateCell) else {
        return (whole, None);
    };
    let entry = |raw: &str, code| StatusEntry {
        period: None,
        label: None,
        raw: raw.to_string(),
        code,
        revised_due: None,
        commentary: None,
        colour: None,
        code_from: None,
        subject: None,
    };
    match sc.rest {
        Some(rest) => {
            let part = parse_date(rest, date_ctx);
            if matches!(part.kind, plantab_model::DateKind::Unknown) {
                return (whole, None);
            }
            let date = plantab_model::DateValue {
                raw: whole.raw,
                ..part
            };
            (date, Some(entry(sc.label, sc.code)))
        }
        None if whole.kind == plantab_model::DateKind::Unknown => {
            (whole, Some(entry(sc.label, sc.code)))
        }
        None => (whole, None),
    }
}

/// A revised date printed without a year takes the reporting period's
/// year, unless that would put it before the period's month: a revision
/// looks forward, so it then falls in the following year ("31-Mar" in a
/// June 2025 report → 2026-03-31).
fn revised_date(
    raw: &str,
    ctx: DateContext,
    period_month: Option<u32>,
) -> plantab_model::DateValue {
    let d = parse_date(raw, &ctx);
    let (Some(year), Some(month)) = (ctx.year, period_month) else {
        return d;
    };
    if d.year_inferred
        && d.end
            .as_deref()
            .is_some_and(|e| e < format!("{year:04}-{month:02}-01").as_str())
    {
        let next = DateContext {
            year: Some(year + 1),
            ..ctx
        };
        return parse_date(raw, &next);
    }
    d
}

fn append_field(fields: &mut BTreeMap<String, String>, key: &str, value: String) {
    match fields.get_mut(key) {
        Some(v) => {
            v.push('\n');
            v.push_str(&value);
        }
        None => {
            fields.insert(key.to_string(), value);
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// A table that is a status legend: three or more rows, most first cells
/// status labels. Label = first cell; definition = the other cells.
fn legend_from_table(t: &RebuiltTable) -> Option<Vec<LegendItem>> {
    let rows: Vec<&RebuiltRow> = t
        .rows
        .iter()
        .filter(|r| r.cells.first().is_some_and(|c| !c.trim().is_empty()))
        .collect();
    let labelled = rows
        .iter()
        .filter(|r| {
            // Printed legend labels are whole labels: the exact prefix
            // match is enough, and far cheaper than the fuzzy one.
            r.cells.first().is_some_and(|c| {
                c.split_whitespace().nth(8).is_none()
                    && plantab_vocab::status_label_prefix(c).is_some_and(|p| p.whole)
            })
        })
        .count();
    if rows.len() < 3 || labelled * 10 < rows.len() * 6 {
        return None;
    }
    Some(
        rows.iter()
            .map(|r| {
                let label = r.cells.first().map(|c| unwrap_text(c)).unwrap_or_default();
                let def = r
                    .cells
                    .iter()
                    .skip(1)
                    .map(|c| unwrap_text(c))
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                LegendItem {
                    label,
                    definition: (!def.is_empty()).then_some(def),
                    fill: colour::own_fill(r, 0).map(str::to_string),
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod unwrap_tests {
    use super::unwrap_text;

    #[test]
    fn hyphen_breaks_join_and_spaces_fold() {
        assert_eq!(unwrap_text("GP20-CSP4-3-\n02"), "GP20-CSP4-3-02");
        assert_eq!(unwrap_text("PRJ-\n2201"), "PRJ-2201");
        assert_eq!(unwrap_text("Lead-\nService"), "Lead- Service");
        assert_eq!(unwrap_text("Progress-\nactual/"), "Progress- actual/");
        assert_eq!(unwrap_text("Progress- \nActual"), "Progress- Actual");
        assert_eq!(unwrap_text("Finance -\nServices"), "Finance - Services");
        assert_eq!(
            unwrap_text("  On   Track-\n little\n\nor no "),
            "On Track- little or no"
        );
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;

    /// The line-by-line form `unwrap_text` had before it was made
    /// allocation-free: the reference its answers must equal.
    fn unwrap_text_reference(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut glue_next = false;
        let mut prev_code = false;
        for raw in s.lines() {
            let line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            let starts_digit = line.chars().next().is_some_and(|c| c.is_ascii_digit());
            if !(out.is_empty() || glue_next && (starts_digit || prev_code)) {
                out.push(' ');
            }
            out.push_str(&line);
            let t = raw.trim();
            glue_next =
                t.ends_with('-') && t.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric());
            prev_code = t
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
        }
        out
    }

    fn check(s: &str) {
        let want = unwrap_text_reference(s);
        assert_eq!(unwrap_text(s), want, "{s:?}");
        // Conservative: "unwrapped" is only ever said of text that is.
        if is_unwrapped(s) {
            assert_eq!(want, s, "{s:?}");
        }
        // Plain text (no control characters) is told exactly.
        if !s.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            assert_eq!(is_unwrapped(s), want == s, "{s:?}");
        }
        assert_eq!(unwrapped_string(s), want, "{s:?}");
        let mut buf = String::from("left over");
        assert_eq!(unwrapped_str(s, &mut buf), want, "{s:?}");
    }

    #[test]
    fn unwrap_matches_reference_on_hand_cases() {
        for s in [
            "",
            " ",
            "\n",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\r\nb",
            "a\rb",
            "GP20-CSP4-3-\n02",
            "PRJ-\n2201",
            "Lead-\nService",
            "Lead -\nService",
            "-\n2",
            "x-\n\n  \n2",
            "Ref 12-\nabc",
            "Ref 12 -\nabc",
            "On\u{a0}Track",
            "On \u{2003}Track",
            "Café-\nBar",
            "é-\n1",
            "Q4 2024\nQ1 2025",
            "line one\n\nline two\n",
            "bell\u{7}here",
            "unit\u{1f}sep",
            "a \u{85}b",
        ] {
            check(s);
        }
    }

    proptest! {
        #[test]
        fn unwrap_matches_reference(s in "[a-c1-2 \\-\\n\\t\\r\u{a0}\u{1}é.]{0,24}") {
            check(&s);
        }
    }

    /// Periods of a made-up tracker (other months, other wording): grouped
    /// by period in column order, reported oldest first.
    #[test]
    fn period_groups_are_worked_out_once_per_table() {
        let t = RebuiltTable {
            header: [
                "Ref",
                "Item",
                "Progress (March 2025)",
                "Revised date (March 2025)",
                "Progress (November 2024)",
                "Notes",
                "Commentary (November 2024)",
            ]
            .map(String::from)
            .to_vec(),
            rows: Vec::new(),
            pages: Vec::new(),
            joined: plantab_model::Joined::None,
            bbox: Vec::new(),
            line: None,
            header_cells: Vec::new(),
            columns: Vec::new(),
            kind: TableKind::Actions,
        };
        let mut t = t;
        t.columns = plantab_vocab::recognise_columns(&t.header, std::iter::empty()).columns;
        let cols = TableColumns::of(&t);
        let dates = document::DateFacts {
            year: Some(2024),
            ..Default::default()
        };
        let g = PeriodGroups::of(&cols, &dates);
        let months: Vec<Option<u32>> = g.periods.iter().map(|p| p.month).collect();
        assert_eq!(months, vec![Some(3), Some(11)]);
        assert_eq!(g.order, vec![1, 0]);
        let slots: Vec<Option<usize>> = cols
            .cols
            .iter()
            .zip(&g.slot_of_column)
            .filter(|(c, _)| c.role.is_periodic())
            .map(|(_, s)| *s)
            .collect();
        assert!(slots.iter().all(Option::is_some));
        assert_eq!(slots.first(), Some(&Some(0)));
        assert_eq!(slots.last(), Some(&Some(1)));
    }
}

#[cfg(test)]
mod same_role_tests {
    use super::*;
    use plantab_model::{Joined, SourceFormat};

    fn row(cells: [&str; 5]) -> RebuiltRow {
        RebuiltRow {
            cells: cells.map(String::from).to_vec(),
            spanning: false,
            pages: Vec::new(),
            line: None,
            bbox: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// A made-up action log with two status columns and no period named,
    /// both read as the row's one status: an empty cell in the later column
    /// keeps what the earlier one printed; a status printed only in the
    /// later column is the status.
    #[test]
    fn a_later_empty_cell_of_the_same_role_keeps_the_earlier_value() {
        let header = ["Ref", "Action", "Status", "Current Status", "Due date"].map(String::from);
        let rows = vec![
            row(["A1", "Publish the plan", "On track", "", "31 March 2025"]),
            row(["A2", "Hold the review", "", "Delayed", "30 June 2025"]),
            row(["A3", "Close the pilot", "Complete", "", ""]),
        ];
        let columns =
            plantab_vocab::recognise_columns(&header, rows.iter().map(|r| r.cells.as_slice()))
                .columns;
        let roles: Vec<ColumnRole> = columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::Id,
                ColumnRole::Title,
                ColumnRole::Status,
                ColumnRole::Status,
                ColumnRole::Due
            ]
        );
        let t = RebuiltTable {
            header: header.to_vec(),
            rows,
            pages: Vec::new(),
            joined: Joined::None,
            bbox: Vec::new(),
            line: None,
            header_cells: Vec::new(),
            columns,
            kind: TableKind::Actions,
        };
        let doc = build_document(
            RebuiltDocument {
                blocks: vec![RebuiltBlock::Table(t)],
                warnings: Vec::new(),
            },
            Source {
                path: "log.txt".into(),
                sha256: String::new(),
                format: SourceFormat::Text,
                pages: None,
                bytes: 0,
            },
        );
        let status = |id: &str| -> Vec<String> {
            doc.records
                .iter()
                .find(|r| r.id.as_deref() == Some(id))
                .map(|r| r.status.iter().map(|s| s.raw.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(status("A1"), ["On track"]);
        assert_eq!(status("A2"), ["Delayed"]);
        assert_eq!(status("A3"), ["Complete"]);
        let a1 = doc.records.iter().find(|r| r.id.as_deref() == Some("A1"));
        assert_eq!(
            a1.and_then(|r| r.status.first()).map(|s| s.code),
            Some(StatusCode::OnTrack)
        );
    }
}
