//! Label/value cards: a small table printed as `label | value` rows
//! ("Indicator | Number of towns…", "Baseline | 14", "Target 2022 | 26",
//! "Status | Achieved", "Responsible unit | …") holds one item, its field
//! names down the first column. Such a card is turned on its side into a
//! one-row table whose header is the labels, so the column model reads it
//! like a grid: the labels get their roles from the same column-role
//! vocabulary as a grid's header words, and a run of cards gives one record
//! per card. A box printed with each label on top of its value inside one
//! cell (`FY 2023 TARGET` over `20 minutes or less`) gets its labels as its
//! header ([`lift_cell_labels`]).

use plantab_model::{RebuiltRow, RebuiltTable};

/// Fewest labels a card must name from the column vocabulary.
const MIN_KNOWN_LABELS: usize = 3;

/// Turns a label/value card into a one-row table (see the module docs);
/// returns whether it did. A card has exactly two columns, at least two
/// rows, no row printed across the table, distinct labels in its first
/// column (the header's first cell counts as one when printed), of which
/// at least three and at least 60% are header words the column
/// vocabulary knows, a value beside every known label but at most one,
/// and, where a header row is printed, a known label as its first cell and
/// no header word as its second (a key to another table's columns,
/// `Column title | Explanation`, is no card).
pub fn transpose_card(t: &mut RebuiltTable) -> bool {
    if t.header.len() != 2 || t.rows.len() < 2 || t.rows.iter().any(|r| r.spanning) {
        return false;
    }
    let mut pairs: Vec<(String, String)> = Vec::with_capacity(t.rows.len() + 1);
    let head_label = t.header.first().map(|s| s.trim()).unwrap_or("");
    let head_value = t.header.get(1).map(|s| s.trim()).unwrap_or("");
    // A key to a table's columns ("Column title | Description", then
    // "ID | …", "Priority | …") names its own value column: no card.
    // A printed header row is a card's first label/value pair only when its
    // first cell is itself a known label; otherwise it heads a two-column
    // table of its own ("Column title | Explanation").
    let known_label = |l: &str| plantab_vocab::header_role(l).is_some_and(|h| h.score >= 0.9);
    if plantab_vocab::header_role(head_value).is_some()
        || !head_label.is_empty() && !known_label(head_label)
    {
        return false;
    }
    if !head_label.is_empty() {
        pairs.push((head_label.to_string(), head_value.to_string()));
    }
    for r in &t.rows {
        let label = r.cells.first().map(|s| s.trim()).unwrap_or("");
        let value = r.cells.get(1).map(|s| s.trim()).unwrap_or("");
        if label.is_empty() {
            return false;
        }
        pairs.push((label.to_string(), value.to_string()));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut known = 0usize;
    let mut known_empty = 0usize;
    for (label, value) in &pairs {
        let key = plantab_vocab::compact(label);
        if seen.contains(&key) {
            return false;
        }
        seen.push(key);
        if known_label(label) {
            known += 1;
            if value.is_empty() {
                known_empty += 1;
            }
        }
    }
    if known < MIN_KNOWN_LABELS || known * 10 < pairs.len() * 6 || known_empty > 1 {
        return false;
    }
    let pages = t.pages.clone();
    let line = t.line;
    let bbox = t.bbox.clone();
    let (header, cells): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
    t.header = header;
    t.rows = vec![RebuiltRow {
        cells,
        spanning: false,
        pages,
        line,
        bbox,
        spans: Vec::new(),
    }];
    t.header_cells.clear();
    true
}

/// Fewest cells a box with labels inside its cells must have.
const MIN_LIFTED_LABELS: usize = 2;

/// Moves the labels of a box printed with each label on top of its value
/// inside one cell (`FY 2023 TARGET` over `20 minutes or less`, `FY 2023
/// RESULT` over `17 minutes` / `Met`) into the table's header; returns
/// whether it did. The table has no printed header, one body row of at
/// least two cells, and every filled cell holds two lines or more whose
/// first line is a header word the column vocabulary knows.
pub fn lift_cell_labels(t: &mut RebuiltTable) -> bool {
    if t.header.len() < MIN_LIFTED_LABELS
        || t.rows.len() != 1
        || t.header.iter().any(|h| !h.trim().is_empty())
    {
        return false;
    }
    let Some(row) = t.rows.first() else {
        return false;
    };
    if row.spanning {
        return false;
    }
    let mut header = Vec::with_capacity(row.cells.len());
    let mut cells = Vec::with_capacity(row.cells.len());
    let mut labelled = 0usize;
    for c in &row.cells {
        let c = c.trim();
        if c.is_empty() {
            header.push(String::new());
            cells.push(String::new());
            continue;
        }
        let Some((label, value)) = c.split_once('\n') else {
            return false;
        };
        let known = plantab_vocab::header_role(label).is_some_and(|h| h.score >= 0.9);
        if !known || value.trim().is_empty() {
            return false;
        }
        labelled += 1;
        header.push(label.trim().to_string());
        cells.push(value.trim().to_string());
    }
    if labelled < MIN_LIFTED_LABELS {
        return false;
    }
    t.header = header;
    if let Some(row) = t.rows.first_mut() {
        row.cells = cells;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::{Joined, TableKind};

    fn one_row(cells: &[&str]) -> RebuiltTable {
        RebuiltTable {
            header: vec![String::new(); cells.len()],
            rows: vec![RebuiltRow {
                cells: cells.iter().map(|c| c.to_string()).collect(),
                spanning: false,
                pages: vec![1],
                line: None,
                bbox: Vec::new(),
                spans: Vec::new(),
            }],
            pages: vec![1],
            joined: Joined::None,
            bbox: Vec::new(),
            line: None,
            header_cells: Vec::new(),
            columns: Vec::new(),
            kind: TableKind::Other,
        }
    }

    #[test]
    fn labels_on_top_inside_cells_become_the_header() {
        let mut t = one_row(&[
            "FY 2023 TARGET\n20 minutes or less",
            "FY 2023 RESULT\n17 minutes\nMet",
        ]);
        assert!(lift_cell_labels(&mut t));
        assert_eq!(t.header, ["FY 2023 TARGET", "FY 2023 RESULT"]);
        assert_eq!(t.rows[0].cells, ["20 minutes or less", "17 minutes\nMet"]);
    }

    #[test]
    fn cells_whose_first_line_is_no_label_stay() {
        // Wrapped prose: its first line is no header word.
        let mut t = one_row(&["Publish the dataset\nby March", "Target\n90%"]);
        assert!(!lift_cell_labels(&mut t));
        // One line a cell: nothing to lift.
        let mut t = one_row(&["Target", "Result"]);
        assert!(!lift_cell_labels(&mut t));
        // A printed header: the box is labelled already.
        let mut t = one_row(&["Target\n90%", "Result\n91%"]);
        t.header = vec!["Criterion".into(), "Value".into()];
        assert!(!lift_cell_labels(&mut t));
    }
}
