//! A rebuilt table's columns as the records stage reads them.
//!
//! The tables stage decided each column's role once (with the evidence,
//! see [`plantab_model::columns`]) and the table's kind; this module only
//! puts them in the shape the records stage works with. No header words
//! are matched here.

use plantab_model::{Column, ColumnRole, Period, RebuiltTable, TableColumn, TableKind};

/// The decided columns of a table.
#[derive(Debug, Clone)]
pub struct TableColumns<'t> {
    /// One entry per column.
    pub cols: &'t [TableColumn],
    /// What the table holds.
    pub kind: TableKind,
}

impl<'t> TableColumns<'t> {
    /// The columns and kind the tables stage decided for `t`.
    pub fn of(t: &'t RebuiltTable) -> Self {
        TableColumns {
            cols: &t.columns,
            kind: t.kind,
        }
    }

    /// True when the table's rows become records: a plan table (actions,
    /// projects, legislation, measures, initiatives).
    pub fn is_plan_table(&self) -> bool {
        !matches!(self.kind, TableKind::Financial | TableKind::Other)
    }

    /// The role of column `i` (a field when the tables stage decided none).
    pub fn role(&self, i: usize) -> ColumnRole {
        self.cols.get(i).map_or(ColumnRole::Field, |c| c.role)
    }

    /// The first column with `role`.
    pub fn position(&self, role: ColumnRole) -> Option<usize> {
        self.cols.iter().position(|c| c.role == role)
    }

    /// The reporting period of column `i`, when its role comes once per
    /// period (status, RAG, revised due, commentary).
    pub fn period(&self, i: usize) -> Option<&'t Period> {
        self.cols
            .get(i)
            .filter(|c| c.role.is_periodic())
            .map(|c| &c.period)
    }

    /// The contract columns (key and header as printed).
    pub fn contract_columns(&self) -> Vec<Column> {
        self.cols
            .iter()
            .map(|c| Column {
                key: c.key.clone(),
                header: c.header.clone(),
            })
            .collect()
    }
}

/// Grouping key of a period: columns of one period share it.
pub fn period_key(p: &Period) -> (Option<i32>, Option<u32>, Option<String>) {
    (
        p.year,
        p.month,
        p.label.as_deref().map(plantab_vocab::compact),
    )
}
