//! Column roles and table kinds, decided once per whole table.
//!
//! After the fragments are joined, every table's columns get their roles
//! from the recogniser ([`plantab_vocab::recognise_columns`]: header words
//! and cells), and the table its [`TableKind`] from those roles:
//!
//! * **plan table** — a title column (the item's name) plus an id, due,
//!   start, status, RAG, owner, commentary or scorecard column, or ids opening the
//!   title cells, or a title header that names a plan kind ("Action",
//!   "Commitment", "Milestone"). A table whose headers are all unknown (so
//!   its roles come from its cells alone) needs a due, status or RAG
//!   column: ids beside text are numbered paragraphs, names beside text a
//!   list of bodies, not a plan.
//!   Its kind: the section heading's word ("Departmental Initiatives"),
//!   else the header's hint (the title's first), else `measures` when it
//!   has target, baseline or actual columns, else `actions`. A one-row
//!   table of target, baseline or actual columns with no title column
//!   under a heading naming one measure ("Measure 1.1: …",
//!   [`plantab_vocab::item_heading`]) is a `measures` table: the heading
//!   names the item.
//! * **financial** — money columns (an amount role, a header naming a
//!   currency or `£'000`, cells of money under a field header, a unit cell
//!   such as `£'000` in the first rows) at least as many as the plan
//!   columns (due, start, status, RAG, commentary, description, revised
//!   due, target, baseline, actual); or, for a table that is no plan
//!   table, mostly figures. An actions table with a `Funding` column
//!   printing "Growth bid (£2.4m)" is an actions table.
//! * **other** — anything else (and a status legend printed as a table).

use plantab_model::{ColumnRole, RebuiltTable, TableKind};
use plantab_vocab::Recognised;

/// The kind of a table whose columns are decided (`recognised` is what the
/// recogniser said of them; `section` the heading above the table).
pub fn table_kind(t: &RebuiltTable, recognised: &Recognised, section: Option<&str>) -> TableKind {
    let mut roles = Roles::of(t);
    roles.title_hint = recognised.title_kind.is_some();
    let hinted_kind = recognised.hinted_kind();
    let money = money_columns(t);
    if money > 0 && money >= roles.plan_fields {
        return TableKind::Financial;
    }
    // One measure's box with no name column under a heading that names
    // it ("Measure 1.1: Average wait time" over `FY 2023 TARGET | FY
    // 2023 RESULT`): the heading gives its id and name.
    if !roles.title
        && roles.measures
        && t.rows.len() == 1
        && section.and_then(plantab_vocab::item_heading).is_some()
    {
        return TableKind::Measures;
    }
    if roles.is_plan()
        && !looks_like_legend(t)
        && !looks_like_key_row(t)
        && !looks_like_cards(t)
        && rows_filled(t, &roles)
    {
        if let Some(k) = section.and_then(plantab_vocab::section_table_kind) {
            return k;
        }
        if let Some(k) = hinted_kind {
            return k;
        }
        if roles.measures {
            return TableKind::Measures;
        }
        return TableKind::Actions;
    }
    if mostly_figures(t) {
        TableKind::Financial
    } else {
        TableKind::Other
    }
}

/// What a table's roles add up to.
#[derive(Debug, Default)]
struct Roles {
    title: bool,
    id: bool,
    leading_id: bool,
    title_hint: bool,
    /// Due, start, status, RAG, owner, commentary: a plan's fields.
    plan_roles: bool,
    /// Due, status or RAG by any evidence.
    strong: bool,
    /// Columns of plan data (for the money comparison).
    plan_fields: usize,
    measures: bool,
    /// Some header is known.
    any_header: bool,
}

impl Roles {
    fn of(t: &RebuiltTable) -> Roles {
        use ColumnRole::*;
        let mut r = Roles::default();
        for c in &t.columns {
            r.any_header |= c.evidence.header.is_some();
            match c.role {
                Title => {
                    r.title = true;
                    r.leading_id |= c.leading_id;
                }
                Id => r.id = true,
                Due | Start | Status | Rag | Owner | Commentary | RevisedDue | Plan | Subject => {
                    r.plan_roles = true;
                    r.strong |= matches!(c.role, Due | Status | Rag | Plan | Subject);
                }
                Target | Baseline | Actual => r.measures = true,
                _ => {}
            }
            if matches!(
                c.role,
                Due | Start
                    | Status
                    | Rag
                    | Commentary
                    | Plan
                    | Subject
                    | Description
                    | RevisedDue
                    | Target
                    | Baseline
                    | Actual
            ) {
                r.plan_fields += 1;
            }
        }
        r
    }

    fn is_plan(&self) -> bool {
        if !self.title {
            return false;
        }
        if !self.any_header {
            return self.strong;
        }
        self.id || self.leading_id || self.plan_roles || self.title_hint || self.measures
    }
}

/// Columns of money: an amount role, a header naming money (a currency,
/// `£'000`, "Budget"), money cells under a field header; plus one for a
/// unit-only cell (`£'000`) in the first rows.
fn money_columns(t: &RebuiltTable) -> usize {
    let mut n = t
        .columns
        .iter()
        .filter(|c| {
            c.role == ColumnRole::Amount
                || matches!(c.role, ColumnRole::Field | ColumnRole::Amount)
                    && (plantab_vocab::is_financial_marker(&c.header)
                        || c.evidence
                            .content
                            .as_ref()
                            .is_some_and(|e| e.role == ColumnRole::Amount))
        })
        .count();
    let unit_cell = t.rows.iter().take(4).any(|r| {
        r.cells.iter().any(|c| {
            c.split_whitespace().nth(2).is_none()
                && plantab_vocab::is_financial_marker(c)
                && c.chars().any(|ch| !ch.is_alphabetic())
        })
    });
    if unit_cell {
        n += 1;
    }
    n
}

/// A status legend printed as a table: its first filled column holds a
/// different status label (or RAG word) on every row, and no column is a
/// date, owner or id column.
fn looks_like_legend(t: &RebuiltTable) -> bool {
    use ColumnRole::*;
    let Some(first) = t
        .columns
        .iter()
        .find(|c| c.evidence.content.is_some() || !c.header.is_empty())
    else {
        return false;
    };
    let labels = first
        .evidence
        .content
        .as_ref()
        .is_some_and(|e| matches!(e.role, Status | Rag) && e.share >= 0.9);
    labels
        && !t
            .columns
            .iter()
            .any(|c| matches!(c.role, Due | Owner | Id | Start))
}

/// A status key printed across the page (`Status key: | On track | Some
/// slippage | Significant issues | Complete`): every filled row (of at
/// most three) holds three or more different cells that are each a status
/// label or RAG word, and fewer other filled cells (the key's own label,
/// labels of no known status: "No return received").
fn looks_like_key_row(t: &RebuiltTable) -> bool {
    let rows: Vec<&plantab_model::RebuiltRow> = t
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    !rows.is_empty()
        && rows.len() <= 3
        && rows.iter().all(|r| {
            let mut labels: Vec<String> = Vec::new();
            let mut other = 0usize;
            for c in r.cells.iter().filter(|c| !c.trim().is_empty()) {
                let look = plantab_vocab::look(c);
                if look.rag || matches!(look.status, plantab_vocab::StatusPlace::Whole(_)) {
                    let key = plantab_vocab::compact(c);
                    if !labels.contains(&key) {
                        labels.push(key);
                    }
                } else {
                    other += 1;
                }
            }
            labels.len() >= 3 && other < labels.len()
        })
}

/// A table printed as label/value cards: its first filled column holds
/// header labels ("Baseline", "Target", "Lead") row after row.
fn looks_like_cards(t: &RebuiltTable) -> bool {
    t.columns
        .iter()
        .find(|c| c.evidence.content.is_some())
        .and_then(|c| c.evidence.content.as_ref())
        .is_some_and(|e| e.shows == "header labels")
}

/// A table read by its cells alone (no known header) is a plan table only
/// when most of its rows fill the title and a due, status or RAG cell:
/// record cards and boxes of prose fill one cell a row.
fn rows_filled(t: &RebuiltTable, roles: &Roles) -> bool {
    use ColumnRole::*;
    if roles.any_header {
        return true;
    }
    let title = t.columns.iter().position(|c| c.role == Title);
    let strong: Vec<usize> = (0..t.columns.len())
        .filter(|&i| {
            t.columns
                .get(i)
                .is_some_and(|c| matches!(c.role, Due | Status | Rag | Subject))
        })
        .collect();
    let filled = |r: &plantab_model::RebuiltRow, i: usize| {
        r.cells.get(i).is_some_and(|c| !c.trim().is_empty())
    };
    // Rows printed across the table count too: a box of one-cell rows is
    // no grid of items.
    let rows: Vec<&plantab_model::RebuiltRow> = t
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let full = rows
        .iter()
        .filter(|r| {
            !r.spanning
                && title.is_some_and(|i| filled(r, i))
                && strong.iter().any(|&i| filled(r, i))
        })
        .count();
    !rows.is_empty() && full * 10 >= rows.len() * 6
}

/// More than half the non-empty cells outside the first column are figures.
fn mostly_figures(table: &RebuiltTable) -> bool {
    if table.header.len() < 3 {
        return false;
    }
    let mut figures = 0usize;
    let mut total = 0usize;
    for r in &table.rows {
        for c in r.cells.iter().skip(1).filter(|c| !c.is_empty()) {
            total += 1;
            let t = c.trim_matches(|ch: char| {
                matches!(ch, '£' | '$' | '€' | '%' | '(' | ')' | '-' | ',' | ' ')
            });
            if !t.is_empty()
                && t.chars()
                    .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
            {
                figures += 1;
            }
        }
    }
    total >= 4 && figures * 2 > total
}
