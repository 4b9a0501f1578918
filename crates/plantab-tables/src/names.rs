//! Column names for a table written with one header line (CSV): never
//! empty, never repeated, so `pandas.read_csv` gives every column a name of
//! its own.

use plantab_model::Table;

/// One name per column of a contract [`Table`] (as `plantab tables`
/// writes it: its first `header_rows` rows are the printed header):
///
/// - the texts of the header rows over the column, top first, joined with
///   a space (a label spanning several columns is repeated over each, so a
///   group label over "2023" and "2024" gives "Grants paid 2023" and
///   "Grants paid 2024"); a text that repeats the one above it is kept
///   once;
/// - with no header text over it, the column's merged label from
///   `columns`, else `column N` (1-based);
/// - a name already taken gets ` (2)`, ` (3)`, … .
///
/// Whitespace (line breaks in a wrapped label) is collapsed to one space.
pub fn column_names(table: &Table) -> Vec<String> {
    let width = table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.columns.len()))
        .max()
        .unwrap_or(0);
    let h = table.header_rows.min(table.rows.len());
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut push = |col: usize, text: &str| {
        let t = collapse(text);
        if let Some(p) = parts.get_mut(col) {
            if !t.is_empty() && p.last() != Some(&t) {
                p.push(t);
            }
        }
    };
    let header_cells: Vec<_> = table.cells.iter().filter(|c| c.row < h).collect();
    if header_cells.is_empty() {
        for row in table.rows.iter().take(h) {
            for (c, text) in row.iter().enumerate() {
                push(c, text);
            }
        }
    } else {
        let mut sorted = header_cells;
        sorted.sort_by_key(|c| (c.row, c.col));
        for cell in sorted {
            for c in cell.col..cell.col + cell.col_span.max(1) {
                push(c, &cell.text);
            }
        }
    }
    let mut names: Vec<String> = Vec::with_capacity(width);
    for (c, p) in parts.into_iter().enumerate() {
        let mut name = p.join(" ");
        if name.is_empty() {
            name = table
                .columns
                .get(c)
                .map(|col| collapse(&col.header))
                .unwrap_or_default();
        }
        if name.is_empty() {
            name = format!("column {}", c + 1);
        }
        names.push(name);
    }
    unique(names)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Suffixes ` (2)`, ` (3)`, … to names already taken (compared
/// case-sensitively, as pandas does).
fn unique(names: Vec<String>) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let mut candidate = n.clone();
        let mut k = 2;
        while taken.contains(&candidate) {
            candidate = format!("{n} ({k})");
            k += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::{Cell, Column};

    fn cell(row: usize, col: usize, col_span: usize, text: &str) -> Cell {
        Cell {
            row,
            col,
            row_span: 1,
            col_span,
            text: text.into(),
        }
    }

    #[test]
    fn spanning_labels_repeat_and_duplicates_are_suffixed() {
        let mut t: Table = serde_json::from_value(serde_json::json!({
            "index": 0, "kind": "other", "pages": [1], "columns": [],
            "rows": [["Region", "Grants paid", "", "Amount", ""],
                     ["", "2023", "2024", "", ""],
                     ["Lakeland", "12.5", "14.1", "3", "4"]],
            "joined": "none", "header_rows": 2
        }))
        .unwrap();
        t.cells = vec![
            Cell {
                row_span: 2,
                ..cell(0, 0, 1, "Region")
            },
            cell(0, 1, 2, "Grants\npaid"),
            cell(0, 3, 2, "Amount"),
            cell(1, 1, 1, "2023"),
            cell(1, 2, 1, "2024"),
        ];
        assert_eq!(
            column_names(&t),
            [
                "Region",
                "Grants paid 2023",
                "Grants paid 2024",
                "Amount",
                "Amount (2)"
            ]
        );
    }

    #[test]
    fn no_header_gives_numbered_names() {
        let mut t: Table = serde_json::from_value(serde_json::json!({
            "index": 0, "kind": "other", "pages": [], "columns": [],
            "rows": [["a", "b", ""]], "joined": "none"
        }))
        .unwrap();
        assert_eq!(column_names(&t), ["column 1", "column 2", "column 3"]);
        t.columns = vec![serde_json::from_value::<Column>(
            serde_json::json!({"key": "id", "header": "Ref"}),
        )
        .unwrap()];
        assert_eq!(column_names(&t)[0], "Ref");
    }
}
