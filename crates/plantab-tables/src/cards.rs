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
/// whether it did. The box is a table with no printed header and one body
/// row of at least two cells, or — as a converter writes a headerless box,
/// its only row as the header line and no body — a header and no body.
/// Every filled cell opens with a header word the column vocabulary knows
/// and goes on with its value: on the lines below it, or (a header line
/// whose cells lost their line breaks: `FY 2023 TARGET 70%`) in the words
/// after the longest such label.
pub fn lift_cell_labels(t: &mut RebuiltTable) -> bool {
    let header_only = t.rows.is_empty();
    let source: &[String] = if header_only {
        &t.header
    } else if t.rows.len() == 1 && t.header.iter().all(|h| h.trim().is_empty()) {
        match t.rows.first() {
            Some(r) if !r.spanning => &r.cells,
            _ => return false,
        }
    } else {
        return false;
    };
    if source.len() < MIN_LIFTED_LABELS {
        return false;
    }
    let mut header = Vec::with_capacity(source.len());
    let mut cells = Vec::with_capacity(source.len());
    let mut labelled = 0usize;
    for c in source {
        let c = c.trim();
        if c.is_empty() {
            header.push(String::new());
            cells.push(String::new());
            continue;
        }
        let split = match c.split_once('\n') {
            Some((label, value)) => Some((label.trim().to_string(), value.trim().to_string()))
                .filter(|(l, v)| known_label(l) && !v.is_empty()),
            None if header_only => label_words(c),
            None => None,
        };
        let Some((label, value)) = split else {
            return false;
        };
        labelled += 1;
        header.push(label);
        cells.push(value);
    }
    if labelled < MIN_LIFTED_LABELS {
        return false;
    }
    t.header = header;
    if header_only {
        t.rows.push(RebuiltRow {
            cells,
            spanning: false,
            pages: t.pages.clone(),
            line: t.line,
            bbox: t.bbox.clone(),
            spans: Vec::new(),
        });
        t.header_cells.clear();
    } else if let Some(row) = t.rows.first_mut() {
        row.cells = cells;
    }
    true
}

/// A header word the column vocabulary knows exactly.
fn known_label(l: &str) -> bool {
    plantab_vocab::header_role(l).is_some_and(|h| h.score >= 0.9)
}

/// Most words a label opening a one-line cell has.
const MAX_LABEL_WORDS: usize = 6;

/// A one-line cell's label and value: the longest run of its first words
/// (at most six, leaving a value) that is a known header word, and the
/// words after it, which hold a figure ("70%", "66.5% Not met"; a header
/// line "Due date" is no box).
fn label_words(c: &str) -> Option<(String, String)> {
    let words: Vec<&str> = c.split_whitespace().collect();
    let most = MAX_LABEL_WORDS.min(words.len().saturating_sub(1));
    (1..=most).rev().find_map(|n| {
        let (label, value) = words.split_at(n);
        let label = label.join(" ");
        let figure = value
            .iter()
            .any(|w| w.chars().any(|ch| ch.is_ascii_digit()));
        (figure && known_label(&label)).then(|| (label, value.join(" ")))
    })
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
        // A header line of plain labels and no body: no values to lift.
        for head in [["Target", "Result"], ["Due date", "Action owner"]] {
            let mut t = one_row(&[]);
            t.rows.clear();
            t.header = head.iter().map(|h| h.to_string()).collect();
            assert!(!lift_cell_labels(&mut t), "{head:?}");
        }
    }

    #[test]
    fn a_box_written_as_a_header_line_gets_its_row_back() {
        // As marker writes it (line breaks kept as <br>) and as docling
        // does (the lines run together).
        for (head, want) in [
            (
                ["FY 2023 TARGET\n70%", "FY 2023 RESULT\n66.5%\nNot met"],
                ["70%", "66.5%\nNot met"],
            ),
            (
                ["FY 2023 TARGET 70%", "FY 2023 RESULT 66.5% Not met"],
                ["70%", "66.5% Not met"],
            ),
        ] {
            let mut t = one_row(&[]);
            t.rows.clear();
            t.header = head.iter().map(|h| h.to_string()).collect();
            assert!(lift_cell_labels(&mut t), "{head:?}");
            assert_eq!(t.header, ["FY 2023 TARGET", "FY 2023 RESULT"]);
            assert_eq!(t.rows.len(), 1);
            assert_eq!(t.rows[0].cells, want);
        }
    }
}
