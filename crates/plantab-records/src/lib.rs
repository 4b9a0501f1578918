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

pub mod columns;
pub mod dates;
pub mod document;
pub mod ids;
pub mod status;

use columns::{interpret, ColumnRole, Period, TableColumns};
use dates::{parse_date, DateContext};
use plantab_model::{
    Cell, Document, DocumentInfo, LegendItem, Provenance, RebuiltBlock, RebuiltDocument,
    RebuiltRow, RebuiltTable, Record, RecordKind, Source, StatusCode, StatusEntry,
    StatusLegendEntry, Table, TableKind, Warning, SCHEMA_VERSION,
};
use std::collections::{BTreeMap, HashSet};

/// Turns a rebuilt document into the contract document.
///
/// Each table's `rows` are its body rows (the header is in `columns`);
/// its `cells` give the body's printed cells with their spans when the
/// reader saw them (PDF grids).
pub fn build_document(rebuilt: RebuiltDocument, source: Source) -> Document {
    build(rebuilt, source, Mode::Records)
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
    build(rebuilt, source, Mode::Tables)
}

/// What [`build`] makes of the tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Body rows in `rows`, records built.
    Records,
    /// Header and body rows in `rows`, no records.
    Tables,
}

fn build(rebuilt: RebuiltDocument, source: Source, mode: Mode) -> Document {
    let blocks = rebuilt.blocks;
    let mut warnings = rebuilt.warnings;

    // Pass 1: columns, sections and legends.
    let mut section: Option<String> = None;
    let mut legend_items: Vec<LegendItem> = Vec::new();
    let mut interpreted: Vec<(&RebuiltTable, TableColumns, Option<String>)> = Vec::new();
    for b in &blocks {
        match b {
            RebuiltBlock::Text(t) if t.heading.is_some() => {
                section = Some(t.text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            RebuiltBlock::Text(_) => {}
            RebuiltBlock::Legend(l) => legend_items.extend(l.items.iter().cloned()),
            RebuiltBlock::Table(t) => {
                let cols = interpret(t);
                if !cols.is_plan_table() {
                    if let Some(items) = legend_from_table(t) {
                        legend_items.extend(items);
                    }
                }
                interpreted.push((t, cols, section.clone()));
            }
        }
    }

    let header_years = plan_header_years(&interpreted);
    let title = document::title(&blocks);
    let period = document::period(title.as_deref(), &header_years, &blocks);
    let status_legend = document::legend(&legend_items);
    let doc_year = period
        .as_deref()
        .and_then(|p| p.rsplit('-').next())
        .and_then(|y| y.parse::<i32>().ok());

    // Pass 2: kinds and records, read from the tables in place.
    let mut kinds = Vec::with_capacity(interpreted.len());
    let mut records = Vec::new();
    let mut max_periods = 0usize;
    let mut has_status = false;
    for (index, (t, cols, section)) in interpreted.iter().enumerate() {
        let kind = columns::table_kind(t, cols, section.as_deref());
        kinds.push(kind);
        if !cols.is_plan_table() || matches!(kind, TableKind::Financial | TableKind::Other) {
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
            cols,
            doc_year,
            legend: &status_legend,
            month_year_columns: month_year_columns(t, cols),
        };
        records.extend(table_records(t, &ctx, &mut warnings));
    }

    let kind = document::kind(
        title.as_deref(),
        &blocks,
        max_periods >= 2 && !status_legend.is_empty(),
        has_status,
    );
    let owner = document::owner(title.as_deref(), &blocks);
    let interpreted: Vec<(TableColumns, Option<String>)> = interpreted
        .into_iter()
        .map(|(_, cols, section)| (cols, section))
        .collect();

    // Pass 3: the tables, their rows moved out of the rebuilt document.
    let rebuilt_tables = blocks.into_iter().filter_map(|b| match b {
        RebuiltBlock::Table(t) => Some(t),
        _ => None,
    });
    let tables = rebuilt_tables
        .zip(interpreted)
        .zip(kinds)
        .enumerate()
        .map(|(index, ((t, (cols, section)), kind))| {
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
                columns: cols.columns,
                rows,
                joined: t.joined,
                bbox: t.bbox,
                header_rows,
                cells,
            }
        })
        .collect();

    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document: DocumentInfo {
            kind,
            title,
            owner,
            period,
            status_legend,
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
        for s in &r.spans {
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
        for (h, role) in t.header.iter().zip(&c.roles) {
            match role {
                ColumnRole::Status(p) | ColumnRole::RevisedDue(p) | ColumnRole::Commentary(p) => {
                    period_years.extend(p.year)
                }
                _ => {
                    if let Some(y) = columns::find_year(&plantab_vocab::compact(h)) {
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
    for (i, role) in cols.roles.iter().enumerate() {
        if !matches!(role, ColumnRole::Due | ColumnRole::Start) {
            continue;
        }
        let cells: Vec<&str> = t
            .rows
            .iter()
            .filter_map(|r| r.cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let mon_yy = cells
            .iter()
            .filter(|c| {
                c.split_once('-').is_some_and(|(m, y)| {
                    plantab_vocab::month_number(m, true).is_some()
                        && y.len() == 2
                        && y.chars().all(|ch| ch.is_ascii_digit())
                })
            })
            .count();
        if mon_yy * 2 > cells.len() {
            out.push(role.clone());
        }
    }
    out
}

/// What the records of one table share.
struct TableContext<'a> {
    index: usize,
    kind: TableKind,
    section: Option<String>,
    cols: &'a TableColumns,
    doc_year: Option<i32>,
    legend: &'a [StatusLegendEntry],
    /// Date columns whose cells mostly print `Mon-YY` (`Sep-22`): there a
    /// stray `22-Sep` is the same month written the other way round.
    month_year_columns: Vec<ColumnRole>,
}

/// The distinct reporting periods of a table's status-like columns, in
/// column order.
fn status_periods(cols: &TableColumns) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for r in &cols.roles {
        let p = match r {
            ColumnRole::Status(p) | ColumnRole::RevisedDue(p) | ColumnRole::Commentary(p) => p,
            _ => continue,
        };
        if !out.iter().any(|q| q.key() == p.key()) {
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
        glue_next = t.ends_with('-') && t.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric());
        prev_code = t
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn table_records(
    t: &RebuiltTable,
    ctx: &TableContext<'_>,
    warnings: &mut Vec<Warning>,
) -> Vec<Record> {
    let id_col = ctx.cols.roles.iter().position(|r| *r == ColumnRole::Id);
    let parsed_ids: Vec<ids::IdCell> = t
        .rows
        .iter()
        .map(|r| {
            id_col
                .and_then(|i| r.cells.get(i))
                .map(|c| ids::parse_id_cell(c))
                .unwrap_or_default()
        })
        .collect();
    let existing: HashSet<String> = parsed_ids.iter().filter_map(|c| c.id.clone()).collect();
    let exists = |s: &str| existing.contains(s);
    let header_key: Vec<String> = t.header.iter().map(|h| plantab_vocab::compact(h)).collect();
    // The table prints each level's own row as `….0` when some row sits
    // under such a row: then every `….0` row is a priority, children or not.
    let uses_level_rows = existing
        .iter()
        .any(|o| ids::implied_parent(o, &exists).is_some_and(|p| ids::is_level_row(&p)));

    let mut out = Vec::new();
    let mut current_priority: Option<String> = None;
    for (row_idx, (row, idc)) in t.rows.iter().zip(parsed_ids).enumerate() {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // A header the reader did not recognise, repeated as a row.
        if row.cells.len() == header_key.len()
            && row
                .cells
                .iter()
                .zip(&header_key)
                .all(|(c, k)| plantab_vocab::compact(c) == *k)
        {
            continue;
        }
        let is_priority = row.spanning && idc.id.is_some()
            || idc
                .id
                .as_deref()
                .is_some_and(|id| ids::is_level_row(id) && uses_level_rows);
        let mut rec = row_record(row, row_idx, &idc, ctx, warnings);
        if is_priority {
            rec.kind = RecordKind::Priority;
            rec.parent_id = None;
            current_priority = rec.id.clone();
        } else {
            let implied = rec
                .id
                .as_deref()
                .and_then(|id| ids::implied_parent(id, &exists));
            rec.parent_id = match (&current_priority, implied) {
                (Some(p), Some(i)) if *p == i => Some(i),
                (Some(p), None) => Some(p.clone()),
                (_, Some(i)) => Some(i),
                (None, None) => None,
            };
        }
        out.push(rec);
    }
    out
}

/// One reporting period's cells in a row.
#[derive(Default)]
struct PeriodCells {
    period: Period,
    status: Option<String>,
    revised: Option<String>,
    commentary: Option<String>,
}

fn row_record(
    row: &RebuiltRow,
    row_idx: usize,
    idc: &ids::IdCell,
    ctx: &TableContext<'_>,
    warnings: &mut Vec<Warning>,
) -> Record {
    let page = row.pages.first().copied();
    let mut title = None;
    let mut description = None;
    let mut due_raw = None;
    let mut start_raw = None;
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut groups: Vec<PeriodCells> = Vec::new();
    for (role, cell) in ctx.cols.roles.iter().zip(&row.cells) {
        let value = non_empty(cell);
        match role {
            ColumnRole::Id => {}
            ColumnRole::Title => title = value,
            ColumnRole::Description => description = value,
            ColumnRole::Due => due_raw = value,
            ColumnRole::Start => start_raw = value,
            ColumnRole::Status(p) | ColumnRole::RevisedDue(p) | ColumnRole::Commentary(p) => {
                let slot = match groups.iter().position(|g| g.period.key() == p.key()) {
                    Some(i) => i,
                    None => {
                        groups.push(PeriodCells {
                            period: p.clone(),
                            ..PeriodCells::default()
                        });
                        groups.len() - 1
                    }
                };
                if let Some(g) = groups.get_mut(slot) {
                    match role {
                        ColumnRole::Status(_) => g.status = value,
                        ColumnRole::RevisedDue(_) => g.revised = value,
                        _ => g.commentary = value,
                    }
                }
            }
            ColumnRole::Field(k) => {
                if let Some(v) = value {
                    if k.starts_with("column_") {
                        warnings.push(
                            Warning::new(
                                "unparsed_text",
                                format!(
                                    "table {} row {}: text under no printed header kept in fields.unparsed: {:?}",
                                    ctx.index,
                                    row_idx,
                                    truncate(&v, 80)
                                ),
                            )
                            .on_page(page),
                        );
                        append_field(&mut fields, "unparsed", v);
                    } else {
                        append_field(&mut fields, k, unwrap_text(&v));
                    }
                }
            }
        }
    }
    if let Some(rest) = &idc.rest {
        if title.is_none() {
            title = Some(rest.clone());
        } else {
            append_field(&mut fields, "unparsed", rest.clone());
            warnings.push(
                Warning::new(
                    "unparsed_text",
                    format!(
                        "table {} row {}: text in the id cell kept in fields.unparsed",
                        ctx.index, row_idx
                    ),
                )
                .on_page(page),
            );
        }
    }
    let date_ctx = DateContext {
        year: ctx.doc_year,
        ..DateContext::default()
    };
    let due_ctx = DateContext {
        short_year_first: ctx.month_year_columns.contains(&ColumnRole::Due),
        ..date_ctx
    };
    let start_ctx = DateContext {
        short_year_first: ctx.month_year_columns.contains(&ColumnRole::Start),
        ..date_ctx
    };
    let mut status = Vec::new();
    groups.sort_by_key(|g| (g.period.year.or(ctx.doc_year), g.period.month));
    for PeriodCells {
        period: p,
        status: st,
        revised: rev,
        commentary: com,
    } in groups
    {
        if st.is_none() && rev.is_none() && com.is_none() {
            continue;
        }
        let raw = st.as_deref().map(unwrap_text).unwrap_or_default();
        let code = if raw.is_empty() {
            StatusCode::Unknown
        } else {
            status::normalise_status_with_legend(&raw, ctx.legend)
        };
        if code == StatusCode::Unknown && !raw.is_empty() {
            warnings.push(
                Warning::new(
                    "unknown_status",
                    format!(
                        "table {} row {}{}: status {:?} matches no known label",
                        ctx.index,
                        row_idx,
                        idc.id
                            .as_deref()
                            .map(|i| format!(" ({i})"))
                            .unwrap_or_default(),
                        raw
                    ),
                )
                .on_page(page),
            );
        }
        let year = p.year.or(ctx.doc_year);
        let period = match (year, p.month) {
            (Some(y), Some(m)) => Some(format!("{y:04}-{m:02}")),
            _ => None,
        };
        let rev_ctx = DateContext {
            year,
            ..DateContext::default()
        };
        let revised_due = rev.map(|r| revised_date(&unwrap_text(&r), rev_ctx, p.month));
        status.push(StatusEntry {
            period,
            label: p.label.clone(),
            raw,
            code,
            revised_due,
            commentary: com,
        });
    }
    let kind = match ctx.kind {
        TableKind::Projects => RecordKind::Project,
        TableKind::Legislation => RecordKind::Legislation,
        TableKind::Measures => RecordKind::Measure,
        TableKind::Initiatives => RecordKind::Initiative,
        _ => RecordKind::Action,
    };
    Record {
        id: idc.id.clone(),
        aliases: idc.aliases.clone(),
        parent_id: None,
        kind,
        section: ctx.section.clone(),
        title: title.map(|t| unwrap_text(&t)),
        description,
        due: due_raw.map(|d| parse_date(&unwrap_text(&d), &due_ctx)),
        start: start_raw.map(|d| parse_date(&unwrap_text(&d), &start_ctx)),
        status,
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
    let period_start = format!("{year:04}-{month:02}-01");
    if d.year_inferred && d.end.as_deref().is_some_and(|e| e < period_start.as_str()) {
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
                c.split_whitespace().count() <= 8
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
