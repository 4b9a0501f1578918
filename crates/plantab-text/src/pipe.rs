//! Markdown tables: GitHub pipe tables (what docling, marker, LLM
//! converters and pandoc's `gfm` writer print), pandoc grid tables
//! (pandoc's own markdown writer, for cells holding lists or paragraphs)
//! and pandoc simple and multiline tables (columns under a guide line of
//! dash runs; a multiline table's rows are separated by blank lines and
//! their cells wrapped).
//!
//! Pipe tables are read with or without leading and trailing pipes, the
//! alignment row (`|:---|---:|`) ignored, cells trimmed of their padding
//! (docling pads every cell to its column's width), `\|` a pipe inside a
//! cell, `<br>` a line break inside a cell (marker joins a cell's lines
//! so), inline markdown removed ([`crate::inline`]).
//!
//! A converter always prints a header line. When a table continued from
//! the page before does not repeat its header, docling prints the first
//! row of the continuation in the header line: a header line that does not
//! read as a header, right after a table fragment of the same width, is
//! read as a row. Docling also repeats a cell spanning several columns in
//! each of them: a row whose cells from the first or second on all hold
//! the same text of several words, over three or more columns, is read as
//! one cell across (a spanning row).

use crate::html_doc::is_span_row;
use crate::inline::markdown_to_text;
use crate::tabular::{is_header_row, is_header_with_year, is_spanning};
use plantab_model::{CellSpan, FragmentRow, TableFragment};

/// Splits a pipe-table line at its unescaped pipes; a leading and a
/// trailing pipe open and close the row and make no cell.
pub(crate) fn split_row(line: &str) -> Vec<&str> {
    let t = line.trim();
    let b = t.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'|' {
            cells.push(t.get(start..i).unwrap_or_default());
            start = i + 1;
        }
        i += 1;
    }
    cells.push(t.get(start..).unwrap_or_default());
    if t.starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    if ends_with_unescaped_pipe(t) && cells.len() > 1 {
        cells.pop();
    }
    cells
}

fn ends_with_unescaped_pipe(t: &str) -> bool {
    let b = t.as_bytes();
    if b.last() != Some(&b'|') {
        return false;
    }
    let backslashes = b.iter().rev().skip(1).take_while(|&&c| c == b'\\').count();
    backslashes % 2 == 0
}

/// Whether a line has a pipe that is not escaped.
pub(crate) fn has_pipe(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'|', b).any(|i| {
        let backslashes = b
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&c| c == b'\\')
            .count();
        backslashes % 2 == 0
    })
}

/// The cell count of an alignment row (`|---|:--:|`, `--- | ---`): every
/// cell dashes with optional colons, and a pipe somewhere (a line of
/// dashes alone is a rule or a heading underline).
pub(crate) fn delimiter_cells(line: &str) -> Option<usize> {
    if !has_pipe(line) {
        return None;
    }
    let cells = split_row(line);
    let ok = !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        });
    ok.then_some(cells.len())
}

/// A pipe table's fragment from its header line, its alignment row's cell
/// count and its rows. `after_table_of_width` is the width of a table
/// fragment printed just before (nothing between), if any.
///
/// A second header row is merged into the header line's labels, as the
/// PDF reader merges a grid's header rows: when a header label spans
/// columns (docling repeats it in each, marker leaves the others empty)
/// and the first row's cells are all known column headers or year
/// labels. A column takes its own label from that row; the spanning label
/// is given back (the second value) to be reported, as `header_group`.
pub(crate) fn pipe_fragment(
    header: (usize, &str),
    delimiter_width: usize,
    rows: &[(usize, &str)],
    after_table_of_width: Option<usize>,
) -> (TableFragment, Vec<String>) {
    let head: Vec<String> = split_row(header.1).into_iter().map(cell_text).collect();
    let width = head.len().max(delimiter_width);
    let mut body: Vec<(usize, Vec<String>)> = Vec::with_capacity(rows.len() + 1);
    let header_empty = head.iter().all(String::is_empty);
    let header_is_row = !header_empty
        && after_table_of_width == Some(width)
        && !is_header_row(&head, !rows.is_empty());
    let header_labels = if header_empty {
        None
    } else if header_is_row {
        body.push((header.0, head));
        None
    } else {
        Some(head)
    };
    body.extend(
        rows.iter()
            .map(|(n, r)| (*n, split_row(r).into_iter().map(cell_text).collect())),
    );
    let mut header_labels = header_labels.map(|mut h| {
        h.resize(width, String::new());
        h
    });
    let mut extra = Vec::new();
    if let (Some(h), Some((_, second))) = (header_labels.as_ref(), body.first()) {
        if let Some((merged, groups)) = merge_second_header(h, second) {
            header_labels = Some(merged);
            extra = groups;
            body.remove(0);
        }
    }
    let frag = TableFragment {
        page: None,
        header: header_labels,
        rows: body
            .into_iter()
            .map(|(n, cells)| text_row(n, cells, width))
            .collect(),
        bbox: None,
        line: Some(header.0),
        header_cells: Vec::new(),
    };
    (frag, extra)
}

/// The header line and a second header row merged (see
/// [`pipe_fragment`]), with the spanning labels no column kept.
fn merge_second_header(head: &[String], row: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let n = head.len();
    fn cell(v: &[String], c: usize) -> &str {
        v.get(c).map_or("", String::as_str)
    }
    // Columns a label at `c` spans: repeated (docling) or followed by empty
    // header cells over text in the row (marker).
    let extent = |c: usize| {
        let h = cell(head, c);
        if h.is_empty() {
            return 1;
        }
        1 + (c + 1..n)
            .take_while(|&k| {
                let hk = cell(head, k);
                hk == h || hk.is_empty() && !cell(row, k).is_empty()
            })
            .count()
    };
    if !(0..n).any(|c| extent(c) > 1) || row.iter().all(String::is_empty) || row == head {
        return None;
    }
    let labelled = row.iter().filter(|c| !c.is_empty()).all(|c| {
        c.len() <= 100 && plantab_vocab::match_header(c).is_some_and(|m| m.score >= 0.95)
            || is_header_with_year(c) && c.bytes().any(|b| b.is_ascii_digit())
    });
    if !labelled {
        return None;
    }
    let mut labels = Vec::with_capacity(n);
    let mut groups = Vec::new();
    let mut c = 0;
    while c < n {
        let span = extent(c);
        let h = cell(head, c).to_string();
        let own: Vec<String> = (c..c + span)
            .map(|k| {
                let r = cell(row, k);
                if r.is_empty() || r == h {
                    h.clone()
                } else if span > 1 || h.is_empty() {
                    r.to_string()
                } else {
                    format!("{h} {r}")
                }
            })
            .collect();
        if span > 1 {
            let first = own.first().cloned().unwrap_or_default();
            let last = own.last().cloned().unwrap_or_default();
            if first != h || last != h {
                groups.push(format!("\"{h}\" over \"{first}\" … \"{last}\""));
            }
        }
        labels.extend(own);
        c += span;
    }
    Some((labels, groups))
}

fn cell_text(raw: &str) -> String {
    markdown_to_text(raw.trim())
}

/// A row of a text table of `width` columns: empty cells beyond the width
/// dropped, a cell repeated across the row (docling's spans) read as one
/// spanning cell.
fn text_row(line: usize, mut cells: Vec<String>, width: usize) -> FragmentRow {
    while cells.len() > width && cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    let mut spans = Vec::new();
    if let Some(k) = repeated_from(&cells) {
        let text = cells.get(k).cloned().unwrap_or_default();
        let n = cells.len();
        for c in cells.iter_mut().skip(k + 1) {
            c.clear();
        }
        for (col, c) in cells.iter().enumerate().take(k) {
            if !c.is_empty() {
                spans.push(CellSpan {
                    col,
                    col_span: 1,
                    row_span: 1,
                    text: c.clone(),
                    fill: None,
                });
            }
        }
        spans.push(CellSpan {
            col: k,
            col_span: n - k,
            row_span: 1,
            text,
            fill: None,
        });
    }
    let spanning = !spans.is_empty() || is_spanning(&cells, width.max(cells.len()));
    FragmentRow {
        cells,
        spanning,
        line: Some(line),
        bbox: None,
        spans,
    }
}

/// The column (0 or 1) from which every cell to the row's end holds one
/// same text of three or more words, over three or more columns.
fn repeated_from(cells: &[String]) -> Option<usize> {
    (0..2).find(|&k| {
        let Some(first) = cells.get(k) else {
            return false;
        };
        cells.len() >= k + 3
            && first.split_whitespace().nth(2).is_some()
            && cells.iter().skip(k + 1).all(|c| c == first)
    })
}

/// A grid-table cell: its column, the columns it spans, its text.
type GridCell = (usize, usize, String);

/// Whether a line is a grid-table border: `+---+---+` or `+===+===+`.
pub(crate) fn is_grid_border(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
        && t.bytes().any(|b| b == b'-' || b == b'=')
}

/// Reads the grid table whose lines (borders and content lines, first
/// border first) are `lines`.
pub(crate) fn grid_fragment(lines: &[(usize, &str)]) -> TableFragment {
    let Some(&(first_line, top)) = lines.first() else {
        return empty_fragment(None);
    };
    let bounds: Vec<usize> = top
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '+')
        .map(|(i, _)| i)
        .collect();
    let width = bounds.len().saturating_sub(1);
    // Rows: (first line, content lines); header rows end at a `=` border.
    let mut rows: Vec<(usize, Vec<Vec<char>>)> = Vec::new();
    let mut header_rows = 0;
    let mut current: Option<(usize, Vec<Vec<char>>)> = None;
    for &(n, l) in lines.iter().skip(1) {
        if is_grid_border(l) {
            rows.extend(current.take());
            if l.contains('=') {
                header_rows = rows.len();
            }
        } else {
            current
                .get_or_insert_with(|| (n, Vec::new()))
                .1
                .push(l.trim_end().chars().collect());
        }
    }
    rows.extend(current.take());
    let read: Vec<(usize, Vec<GridCell>)> = rows
        .iter()
        .map(|(n, ls)| (*n, grid_cells(ls, &bounds)))
        .collect();
    let plain = |cells: &[GridCell]| {
        let mut v = vec![String::new(); width];
        for (col, _, text) in cells {
            if let Some(slot) = v.get_mut(*col) {
                slot.clone_from(text);
            }
        }
        v
    };
    let header = if header_rows > 0 {
        let mut labels = vec![String::new(); width];
        for (_, cells) in read.iter().take(header_rows) {
            for (col, span, text) in cells {
                for slot in labels.iter_mut().skip(*col).take(*span) {
                    if !text.is_empty() {
                        if !slot.is_empty() {
                            slot.push(' ');
                        }
                        slot.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                }
            }
        }
        Some(labels)
    } else {
        None
    };
    let mut body = read.get(header_rows..).unwrap_or_default().iter();
    let mut frag = empty_fragment(Some(first_line));
    frag.header = header;
    if frag.header.is_none() {
        if let Some((_, first)) = read.first() {
            let cells = plain(first);
            if is_header_row(&cells, read.len() > 1) {
                frag.header = Some(cells);
                body.next();
            }
        }
    }
    frag.rows = body
        .map(|(n, cells)| {
            let mut row = text_row(*n, plain(cells), width);
            if cells.iter().any(|(_, span, _)| *span > 1) {
                row.spans = cells
                    .iter()
                    .filter(|(_, _, t)| !t.is_empty())
                    .map(|(col, span, text)| CellSpan {
                        col: *col,
                        col_span: *span,
                        row_span: 1,
                        text: text.clone(),
                        fill: None,
                    })
                    .collect();
                let shape: Vec<(usize, usize)> = cells.iter().map(|(c, s, _)| (*c, *s)).collect();
                row.spanning = row.spanning || is_span_row(&shape, width);
            }
            row
        })
        .collect();
    frag
}

/// A pandoc column guide: two or more runs of dashes separated by spaces,
/// nothing else.
pub(crate) fn is_dash_guide(line: &str) -> bool {
    let t = line.trim_end();
    t.bytes().all(|b| b == b'-' || b == b' ')
        && t.split(' ').filter(|r| r.len() >= 2).count() >= 2
        && t.split(' ').all(|r| r.is_empty() || r.len() >= 2)
}

/// A line of dashes alone (a multiline table's top or bottom border).
pub(crate) fn is_dash_rule(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// A pandoc simple or multiline table: its header lines (none for a
/// headerless table), the guide line under them, and its rows, each the
/// lines it takes (one for a simple table).
pub(crate) fn aligned_fragment(
    header: &[(usize, &str)],
    guide: (usize, &str),
    rows: &[Vec<(usize, &str)>],
) -> TableFragment {
    // Column starts: the first column from the line start, the others
    // where their dash run starts.
    let mut starts = vec![0];
    let g: Vec<char> = guide.1.chars().collect();
    for (i, c) in g.iter().enumerate().skip(1) {
        if *c == '-' && g.get(i - 1) == Some(&' ') {
            starts.push(i);
        }
    }
    let width = starts.len();
    let columns = |lines: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        let mut pieces: Vec<Vec<String>> = vec![Vec::new(); width];
        for l in lines {
            let chars: Vec<char> = l.chars().collect();
            for (k, piece) in pieces.iter_mut().enumerate() {
                let from = starts.get(k).copied().unwrap_or(0);
                let to = starts.get(k + 1).copied().unwrap_or(chars.len());
                let text: String = chars
                    .get(from.min(chars.len())..to.min(chars.len()))
                    .unwrap_or_default()
                    .iter()
                    .collect();
                piece.push(text);
            }
        }
        pieces
            .into_iter()
            .map(|p| cell_block_text(p.into_iter()))
            .collect()
    };
    let mut frag = empty_fragment(Some(header.first().map_or(guide.0, |h| h.0)));
    if !header.is_empty() {
        frag.header = Some(columns(&mut header.iter().map(|(_, l)| *l)));
    }
    frag.rows = rows
        .iter()
        .filter_map(|r| {
            let line = r.first()?.0;
            Some(text_row(
                line,
                columns(&mut r.iter().map(|(_, l)| *l)),
                width,
            ))
        })
        .collect();
    frag
}

fn empty_fragment(line: Option<usize>) -> TableFragment {
    TableFragment {
        page: None,
        header: None,
        rows: Vec::new(),
        bbox: None,
        line,
        header_cells: Vec::new(),
    }
}

/// The cells of one grid-table row: `(column, span, text)`. A boundary
/// without `|` on every line of the row is spanned over.
fn grid_cells(lines: &[Vec<char>], bounds: &[usize]) -> Vec<GridCell> {
    let width = bounds.len().saturating_sub(1);
    let closed = |k: usize| {
        let Some(&x) = bounds.get(k) else {
            return true;
        };
        k == 0
            || k == width
            || lines
                .iter()
                .all(|l| matches!(l.get(x), Some('|') | None) && l.get(x).is_some())
    };
    let mut cells = Vec::new();
    let mut start = 0;
    for k in 1..=width {
        if !closed(k) {
            continue;
        }
        let (Some(&x0), Some(&x1)) = (bounds.get(start), bounds.get(k)) else {
            break;
        };
        let text = cell_block_text(lines.iter().map(|l| {
            l.get(x0 + 1..x1.min(l.len()))
                .unwrap_or_default()
                .iter()
                .collect::<String>()
        }));
        cells.push((start, k - start, text));
        start = k;
    }
    cells
}

/// A grid cell's lines as text: wrapped lines joined with spaces, list
/// items and paragraphs on lines of their own, inline markdown removed.
fn cell_block_text(lines: impl Iterator<Item = String>) -> String {
    let mut md = String::new();
    let mut break_owed = false;
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            break_owed = !md.is_empty();
            continue;
        }
        let item = t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ");
        if !md.is_empty() {
            md.push_str(if break_owed || item { "<br>" } else { " " });
        }
        if item {
            md.push_str("- ");
            md.push_str(t.get(2..).unwrap_or_default());
        } else {
            md.push_str(t);
        }
        break_owed = false;
    }
    markdown_to_text(&md)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_delimiters() {
        assert_eq!(split_row("| a | b |"), [" a ", " b "]);
        assert_eq!(split_row("a | b"), ["a ", " b"]);
        assert_eq!(split_row("| a \\| b | c |"), [" a \\| b ", " c "]);
        assert_eq!(split_row("|  |  |"), ["  ", "  "]);
        assert_eq!(delimiter_cells("|:---|---:|"), Some(2));
        assert_eq!(delimiter_cells("--- | :-:"), Some(2));
        assert_eq!(delimiter_cells("|---------|"), Some(1));
        assert_eq!(delimiter_cells("---"), None);
        assert_eq!(delimiter_cells("| a | --- |"), None);
        assert!(has_pipe("a | b"));
        assert!(!has_pipe("a \\| b"));
    }

    #[test]
    fn pipe_table_header_cells_and_spans() {
        let (f, _) = pipe_fragment(
            (1, "| ID      | Action                 | Lead | Due |"),
            4,
            &[
                (3, "| HS 1    | **Build** 500 homes<br>- phase one | Homes \\| Places | 2026 |"),
                (4, "| HS      | Theme two: better places | Theme two: better places | Theme two: better places |"),
                (5, "| HS 2    | Theme two: better places | Theme two: better places | 2027 |"),
            ],
            None,
        );
        assert_eq!(
            f.header.as_deref().unwrap(),
            ["ID", "Action", "Lead", "Due"]
        );
        assert_eq!(
            f.rows[0].cells,
            [
                "HS 1",
                "Build 500 homes\n- phase one",
                "Homes | Places",
                "2026"
            ]
        );
        assert!(!f.rows[0].spanning);
        assert!(f.rows[1].spanning, "{:?}", f.rows[1]);
        assert_eq!(f.rows[1].cells, ["HS", "Theme two: better places", "", ""]);
        assert_eq!(f.rows[1].spans[1].col_span, 3);
        assert!(!f.rows[2].spanning);
        // A continuation whose first row sits in the header line.
        let (f, _) = pipe_fragment(
            (9, "| HS 2 | Repair 200 homes by March. | Homes |"),
            3,
            &[(11, "| HS 3 | Open the new depot. | Roads |")],
            Some(3),
        );
        assert!(f.header.is_none());
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].cells[0], "HS 2");
        // Not after a table: the header line is the header.
        let (f, _) = pipe_fragment((1, "| Q1 | Q2 |"), 2, &[(3, "| 5 | 6 |")], None);
        assert_eq!(f.header.as_deref().unwrap(), ["Q1", "Q2"]);
    }

    #[test]
    fn two_header_rows_merged() {
        // docling: the spanning label repeated, the rowspan label too.
        let (f, groups) = pipe_fragment(
            (1, "| Ref | Action | December | December | December |"),
            5,
            &[
                (3, "| Ref | Action | Status | Revised date | Commentary |"),
                (4, "| A1 | Build | On track | | Fine |"),
            ],
            None,
        );
        assert_eq!(
            f.header.as_deref().unwrap(),
            ["Ref", "Action", "Status", "Revised date", "Commentary"]
        );
        assert_eq!(groups, ["\"December\" over \"Status\" … \"Commentary\""]);
        assert_eq!(f.rows.len(), 1);
        // marker: the spanning label at its first column, the others empty.
        let (f, _) = pipe_fragment(
            (1, "| Region | Grants paid |  | Projects |"),
            4,
            &[
                (3, "|  | 2023 | 2024 |  |"),
                (4, "| Lakeland | 12.5 | 14.1 | 37 |"),
            ],
            None,
        );
        assert_eq!(
            f.header.as_deref().unwrap(),
            ["Region", "2023", "2024", "Projects"]
        );
        assert_eq!(f.rows[0].cells[0], "Lakeland");
        // Statuses under a repeated label are a row, not a header.
        let (f, groups) = pipe_fragment(
            (1, "| Action | Status | Status |"),
            3,
            &[(3, "| Build homes | On track | Delayed |")],
            None,
        );
        assert_eq!(f.header.as_deref().unwrap(), ["Action", "Status", "Status"]);
        assert_eq!(f.rows.len(), 1);
        assert!(groups.is_empty());
    }

    #[test]
    fn pandoc_simple_and_multiline_tables() {
        assert!(is_dash_guide("------- ------ ----------"));
        assert!(!is_dash_guide("-------"));
        assert!(!is_dash_guide("-- a --"));
        let f = aligned_fragment(
            &[(1, "Ref    Action                Due")],
            (2, "-----  --------------------  ----------"),
            &[
                vec![(3, "A1     Build the depot       May 2025")],
                vec![(4, "A2     Open it               2026")],
            ],
        );
        assert_eq!(f.header.as_deref().unwrap(), ["Ref", "Action", "Due"]);
        assert_eq!(f.rows[1].cells, ["A2", "Open it", "2026"]);
        let f = aligned_fragment(
            &[
                (2, " Ref   Action               Lead"),
                (3, "                            service"),
            ],
            (4, "----- -------------------- ---------"),
            &[vec![
                (5, " B1   Resurface the high     Roads"),
                (6, "      street and the square"),
            ]],
        );
        assert_eq!(
            f.header.as_deref().unwrap(),
            ["Ref", "Action", "Lead service"]
        );
        assert_eq!(
            f.rows[0].cells,
            ["B1", "Resurface the high street and the square", "Roads"]
        );
    }

    #[test]
    fn grid_table() {
        let lines = [
            "+--------+----------------+--------+",
            "| Ref    | Action         | Due    |",
            "+========+================+========+",
            "| CS 1.1 | Publish the    | Q2     |",
            "|        | strategy       | 2025   |",
            "|        |                |        |",
            "|        | - consult      |        |",
            "|        | - adopt        |        |",
            "+--------+----------------+--------+",
            "| CS 2   | A theme across the table  |",
            "+--------+----------------+--------+",
        ];
        let numbered: Vec<(usize, &str)> =
            lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect();
        let f = grid_fragment(&numbered);
        assert_eq!(f.header.as_deref().unwrap(), ["Ref", "Action", "Due"]);
        assert_eq!(f.rows.len(), 2);
        assert_eq!(
            f.rows[0].cells,
            [
                "CS 1.1",
                "Publish the strategy\n- consult\n- adopt",
                "Q2 2025"
            ]
        );
        assert_eq!(f.rows[1].cells, ["CS 2", "A theme across the table", ""]);
        assert_eq!(f.rows[1].spans[1].col_span, 2);
        assert!(f.rows[1].spanning);
        assert_eq!(f.rows[0].line, Some(4));
    }
}
