//! A rebuilt table's header → what each column means, and what the table
//! holds.

use plantab_model::{Column, RebuiltTable, TableKind};
use plantab_vocab::{compact, match_header, snake_key, MONTHS};

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnRole {
    /// The row identifier.
    Id,
    /// The item's name.
    Title,
    /// What will be done.
    Description,
    /// Due date.
    Due,
    /// Start date.
    Start,
    /// A status for a reporting period.
    Status(Period),
    /// A revised due date for a reporting period.
    RevisedDue(Period),
    /// Commentary for a reporting period.
    Commentary(Period),
    /// Any other column: its `fields` key.
    Field(String),
}

/// The reporting period a status-like column names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    /// The period as printed ("December", "January 2024"); `None` when the
    /// header names none.
    pub label: Option<String>,
    /// Month 1–12 when the header names one.
    pub month: Option<u32>,
    /// Year when the header names one.
    pub year: Option<i32>,
}

impl Period {
    /// Grouping key: columns of one period share it.
    pub fn key(&self) -> (Option<i32>, Option<u32>, Option<String>) {
        (self.year, self.month, self.label.as_deref().map(compact))
    }
}

/// The header of a table, interpreted.
#[derive(Debug, Clone)]
pub struct TableColumns {
    /// One role per column.
    pub roles: Vec<ColumnRole>,
    /// Contract columns (key + header as printed).
    pub columns: Vec<Column>,
    /// What the header suggests the table holds.
    pub hinted_kind: Option<TableKind>,
}

impl TableColumns {
    /// True when the table has an id or title column: a plan table whose
    /// rows become records.
    pub fn is_plan_table(&self) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, ColumnRole::Id | ColumnRole::Title))
    }
}

/// Interprets a header. Two `id` columns: the leftmost stays `id`, the
/// others become the `reference` field; a second title/description/date
/// column keeps its printed words as a field key.
pub fn interpret(table: &RebuiltTable) -> TableColumns {
    let mut roles = Vec::with_capacity(table.header.len());
    let mut columns = Vec::with_capacity(table.header.len());
    let mut hinted_kind = None;
    let mut title_hint = None;
    let mut seen = std::collections::HashSet::new();
    for (i, label) in table.header.iter().enumerate() {
        let label_flat = if crate::is_unwrapped(label) {
            label.clone()
        } else {
            label.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let m = match_header(&label_flat);
        let role = match m.as_ref().map(|m| m.key) {
            Some("status") => ColumnRole::Status(period_of(&label_flat)),
            Some("revised_due") => ColumnRole::RevisedDue(period_of(&label_flat)),
            Some("commentary") => ColumnRole::Commentary(period_of(&label_flat)),
            Some(key @ ("id" | "title" | "description" | "due" | "start")) => {
                if seen.insert(key) {
                    match key {
                        "id" => ColumnRole::Id,
                        "title" => ColumnRole::Title,
                        "description" => ColumnRole::Description,
                        "due" => ColumnRole::Due,
                        _ => ColumnRole::Start,
                    }
                } else if key == "id" && seen.insert("reference") {
                    ColumnRole::Field("reference".into())
                } else {
                    ColumnRole::Field(snake_key(&label_flat))
                }
            }
            Some(key) => ColumnRole::Field(key.to_string()),
            None if label_flat.is_empty() => ColumnRole::Field(format!("column_{}", i + 1)),
            None => ColumnRole::Field(snake_key(&label_flat)),
        };
        if let Some(m) = &m {
            if let Some(k) = m.table_kind {
                if matches!(role, ColumnRole::Title) {
                    title_hint = Some(k);
                } else if hinted_kind.is_none() {
                    hinted_kind = Some(k);
                }
            }
        }
        columns.push(Column {
            key: role_key(&role),
            header: label_flat,
        });
        roles.push(role);
    }
    TableColumns {
        roles,
        columns,
        hinted_kind: title_hint.or(hinted_kind),
    }
}

/// The contract key of a role.
pub fn role_key(role: &ColumnRole) -> String {
    match role {
        ColumnRole::Id => "id".into(),
        ColumnRole::Title => "title".into(),
        ColumnRole::Description => "description".into(),
        ColumnRole::Due => "due".into(),
        ColumnRole::Start => "start".into(),
        ColumnRole::Status(_) => "status".into(),
        ColumnRole::RevisedDue(_) => "revised_due".into(),
        ColumnRole::Commentary(_) => "commentary".into(),
        ColumnRole::Field(k) => k.clone(),
    }
}

/// The month (and year) a header names: "December Status vs By When" →
/// December; "Status (Decemb er 2023)" → December 2023 (matched on the
/// letters-only form, so a word broken by wrapping still counts).
pub fn period_of(header: &str) -> Period {
    let c = compact(header);
    let mut month = None;
    let mut at = usize::MAX;
    for (i, m) in MONTHS.iter().enumerate() {
        if let Some(pos) = c.find(m) {
            if pos < at {
                at = pos;
                month = Some(i as u32 + 1);
            }
        }
    }
    let year = find_year(&c);
    let label = month.map(|m| {
        let name = MONTHS.get(m as usize - 1).copied().unwrap_or_default();
        let mut name = capitalise(name);
        if let Some(y) = year {
            name.push_str(&format!(" {y}"));
        }
        name
    });
    Period {
        label,
        month,
        year: if month.is_some() { year } else { None },
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first 4-digit year (19xx/20xx) standing alone among digits.
pub fn find_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = b.get(i..i + 4)?;
        let standalone = (i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if standalone
            && w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
        {
            std::str::from_utf8(w).ok()?.parse().ok()
        } else {
            None
        }
    })
}

/// Decides what a table holds. Money first (a header or a unit-only cell
/// naming a currency or `'000`, or mostly figures); then, for plan tables,
/// the section heading's words, then the header's hint, then actions;
/// anything else is `other`.
pub fn table_kind(table: &RebuiltTable, cols: &TableColumns, section: Option<&str>) -> TableKind {
    let unit_cell = table.rows.iter().take(4).any(|r| {
        r.cells.iter().any(|c| {
            c.split_whitespace().nth(2).is_none()
                && plantab_vocab::is_financial_marker(c)
                && c.chars().any(|ch| !ch.is_alphabetic())
        })
    });
    if table
        .header
        .iter()
        .any(|h| plantab_vocab::is_financial_marker(h))
        || unit_cell
    {
        return TableKind::Financial;
    }
    if cols.is_plan_table() {
        if let Some(k) = section.and_then(plantab_vocab::section_table_kind) {
            return k;
        }
        return cols.hinted_kind.unwrap_or(TableKind::Actions);
    }
    if mostly_figures(table) {
        TableKind::Financial
    } else {
        TableKind::Other
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let p = period_of("December Status vs By When");
        assert_eq!(
            (p.month, p.year, p.label.as_deref()),
            (Some(12), None, Some("December"))
        );
        let p = period_of("Status (Decemb\ner 2023)");
        assert_eq!(
            (p.month, p.year, p.label.as_deref()),
            (Some(12), Some(2023), Some("December 2023"))
        );
        let p = period_of("Status");
        assert_eq!(p, Period::default());
        assert_eq!(find_year("whatwillwedoin2023"), Some(2023));
        assert_eq!(find_year("12023"), None);
    }
}
