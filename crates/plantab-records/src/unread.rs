//! Never silent: a table that looks like a plan but gave no records, and a
//! document that gave none, say why (`table_not_read`, `no_records`).

use crate::columns::TableColumns;
use plantab_model::{ColumnRole, RebuiltTable, RoleSource, TableKind, Warning, WarningCode};

/// Header roles that make a table look like a plan or measures table.
fn plan_header_role(role: ColumnRole) -> bool {
    use ColumnRole::*;
    matches!(
        role,
        Id | Title | Due | Start | Status | Rag | Owner | Target | Baseline | Actual | RevisedDue
    )
}

/// Whether a table looks like a plan or measures table: two or more body
/// rows, and a column whose header names a plan role (an id, title, due
/// date, status, owner, target …) or, with no known header, whose cells
/// are dates or status labels.
pub(crate) fn looks_plan_like(t: &RebuiltTable) -> bool {
    let rows = t
        .rows
        .iter()
        .filter(|r| !r.spanning && r.cells.iter().any(|c| !c.trim().is_empty()))
        .count();
    rows >= 2
        && t.columns.iter().any(|c| {
            c.evidence
                .header
                .as_ref()
                .is_some_and(|h| plan_header_role(h.role))
                || c.evidence.header.is_none()
                    && c.evidence.source == RoleSource::Content
                    && matches!(
                        c.role,
                        ColumnRole::Due | ColumnRole::Status | ColumnRole::Rag
                    )
        })
}

/// Why a plan-like table gave no records: the role it lacked, or what it
/// was taken for instead.
fn reason(t: &RebuiltTable, cols: &TableColumns) -> String {
    use ColumnRole::*;
    let has = |r: ColumnRole| t.columns.iter().any(|c| c.role == r);
    match cols.kind {
        TableKind::Financial => {
            "it was classed financial: its money columns are at least as many as its plan columns"
                .into()
        }
        _ if !has(Title) => "it lacked a title column (the item's name)".into(),
        TableKind::Other => {
            if has(Status) || has(Rag) {
                "it reads as a status legend or lacked an id, due, status or owner column beside the title".into()
            } else {
                "it lacked an id, due, status or owner column beside the title".into()
            }
        }
        _ => "none of its rows held text in its columns".into(),
    }
}

/// Warns `table_not_read` for table `index` when it looks like a plan
/// table; true when it did.
pub(crate) fn warn_unread(
    index: usize,
    t: &RebuiltTable,
    cols: &TableColumns,
    warnings: &mut Vec<Warning>,
) -> bool {
    if !looks_plan_like(t) {
        return false;
    }
    let headers: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            if c.header.is_empty() {
                format!("(none: {})", c.role)
            } else {
                format!("{} [{}]", c.header, c.role)
            }
        })
        .collect();
    let pages = match t.pages.as_slice() {
        [] => match t.line {
            Some(l) => format!("at line {l}"),
            None => "with no page".into(),
        },
        [p] => format!("on page {p}"),
        [p, .., q] => format!("on pages {p}-{q}"),
    };
    warnings.push(
        Warning::new(
            WarningCode::TableNotRead,
            format!(
                "table {} {} looks like a plan table ({} rows; headers: {}) but gave no records: {}",
                index,
                pages,
                t.rows.len(),
                headers.join(" | "),
                reason(t, cols),
            ),
        )
        .on_page(t.pages.first().copied())
        .at_line(t.line)
        .in_table(index),
    );
    true
}

/// The `no_records` warning of a document, with the reason.
pub(crate) fn no_records_warning(kinds: &[TableKind], not_read: usize) -> Warning {
    let message = if kinds.is_empty() {
        "no records: no table was found in the document".to_string()
    } else if not_read > 0 {
        format!(
            "no records: {not_read} of {} table(s) looked like plan tables but gave none (see the table_not_read warnings)",
            kinds.len()
        )
    } else {
        let financial = kinds.iter().filter(|k| **k == TableKind::Financial).count();
        format!(
            "no records: none of the {} table(s) is a plan table (an item's name with an id, due date, status or owner); {} financial, {} other",
            kinds.len(),
            financial,
            kinds.len() - financial
        )
    };
    Warning::new(WarningCode::NoRecords, message)
}
