//! Tab-separated tables between markdown prose.
//!
//! The shape of a text conversion where each table row is one line with
//! cells separated by tabs (cells may carry HTML: `<p>`, `<ul><li>`, `<u>`,
//! entities), and everything else is markdown-ish prose. A run of table
//! lines (up to a blank line or prose) is one [`TableFragment`]; its first
//! line is the header when it reads like one. Putting fragments back
//! together (repeated headers, side-by-side halves) is the tables stage's
//! job.
//!
//! Prose becomes [`TextBlock`]s. A block is marked as a heading when it is
//! a markdown heading (`#`…), or when it is a short standalone line (no
//! closing full stop) directly followed by a prose paragraph or a table:
//! the layout in which plan documents print their section titles.

use crate::html::html_to_text;
use plantab_model::{Block, FragmentRow, Layout, SourceFormat, TableFragment, TextBlock};

/// True when the text holds tab-separated table rows (at least two lines
/// with two or more cells).
pub fn looks_tabular(text: &str) -> bool {
    text.lines()
        .filter(|l| l.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2)
        .take(2)
        .count()
        >= 2
}

/// One input line, classified.
enum Line<'a> {
    Blank,
    Row(&'a str),
    Prose(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    if line.trim().is_empty() {
        Line::Blank
    } else if line.contains('\t') {
        Line::Row(line)
    } else {
        Line::Prose(line)
    }
}

/// Reads tab-separated tables and the prose around them.
pub fn read_tabular(text: &str) -> Layout {
    let lines: Vec<(usize, Line<'_>)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, classify(l)))
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    // Blocks printed wholly in bold markup (signatures, letterheads): they
    // head a section only when a paragraph follows, not a table.
    let mut bold_only: Vec<bool> = Vec::new();
    let mut i = 0;
    while let Some((line_no, line)) = lines.get(i) {
        match line {
            Line::Blank => i += 1,
            Line::Row(_) => {
                let start = i;
                while matches!(lines.get(i), Some((_, Line::Row(_)))) {
                    i += 1;
                }
                let rows: Vec<(usize, &str)> = lines
                    .get(start..i)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|(n, l)| match l {
                        Line::Row(r) => Some((*n, *r)),
                        _ => None,
                    })
                    .collect();
                blocks.push(Block::Table(fragment_from_rows(&rows)));
                bold_only.push(false);
            }
            Line::Prose(p) => {
                // A prose block is one line: text conversions put each
                // paragraph on its own line.
                blocks.push(Block::Text(TextBlock {
                    text: clean_prose(p),
                    page: None,
                    line: Some(*line_no),
                    heading: markdown_heading_level(p),
                    bbox: None,
                }));
                let t = p.trim();
                bold_only.push(t.len() > 4 && t.starts_with("**") && t.ends_with("**"));
                i += 1;
            }
        }
    }
    mark_standalone_headings(&mut blocks, &bold_only);
    blocks.retain(|b| !matches!(b, Block::Text(t) if t.text.is_empty()));
    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks,
        warnings: Vec::new(),
    }
}

/// Builds a fragment from consecutive table lines.
pub(crate) fn fragment_from_rows(rows: &[(usize, &str)]) -> TableFragment {
    let split = split_cells(rows);
    let has_header = split
        .first()
        .is_some_and(|(_, cells)| is_header_row(cells, split.len() > 1));
    let mut iter = split.into_iter();
    let (header, first_line) = if has_header {
        match iter.next() {
            Some((n, cells)) => (Some(trim_trailing_empty(cells)), Some(n)),
            None => (None, None),
        }
    } else {
        (None, rows.first().map(|(n, _)| *n))
    };
    let width = header.as_ref().map(Vec::len);
    let rows = iter
        .map(|(n, mut cells)| {
            // Empty cells beyond the header's width are layout noise; text
            // there is kept (the tables stage gives it a column of its own).
            if let Some(w) = width {
                while cells.len() > w && cells.last().is_some_and(|c| c.is_empty()) {
                    cells.pop();
                }
            }
            let spanning = is_spanning(&cells, width.unwrap_or(cells.len()));
            FragmentRow {
                cells,
                spanning,
                line: Some(n),
                bbox: None,
                spans: Vec::new(),
            }
        })
        .collect();
    TableFragment {
        page: None,
        header,
        rows,
        bbox: None,
        line: first_line,
        header_cells: Vec::new(),
    }
}

/// Each line's cells, less the columns that are empty on every line of the
/// fragment: a column with no header and no text prints nothing, so it
/// carries nothing (a line of a million tabs is not a million-column
/// table, and output stays proportional to the text). A line's cells still
/// end where its own tabs end. Cells are first kept sparse (only those
/// with text), so memory follows the text, not the tabs.
fn split_cells(rows: &[(usize, &str)]) -> Vec<(usize, Vec<String>)> {
    /// One line: its number, its cell count, its cells with text (by column).
    struct Sparse {
        line: usize,
        width: usize,
        filled: Vec<(usize, String)>,
    }
    let sparse: Vec<Sparse> = rows
        .iter()
        .map(|(n, r)| {
            let mut width = 0;
            let mut filled = Vec::new();
            for (i, raw) in r.split('\t').enumerate() {
                width = i + 1;
                if raw.is_empty() {
                    continue;
                }
                let text = html_to_text(raw);
                if !text.is_empty() {
                    filled.push((i, text));
                }
            }
            Sparse {
                line: *n,
                width,
                filled,
            }
        })
        .collect();
    let mut used: Vec<usize> = sparse
        .iter()
        .flat_map(|s| s.filled.iter().map(|(i, _)| *i))
        .collect();
    used.sort_unstable();
    used.dedup();
    sparse
        .into_iter()
        .map(|s| {
            let mut cells = vec![String::new(); used.partition_point(|&c| c < s.width)];
            for (i, text) in s.filled {
                if let Some(cell) = used.binary_search(&i).ok().and_then(|k| cells.get_mut(k)) {
                    *cell = text;
                }
            }
            (s.line, cells)
        })
        .collect()
}

fn trim_trailing_empty(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.is_empty()) && cells.len() > 1 {
        cells.pop();
    }
    cells
}

/// A header row: most of its non-empty cells are known column headers, or
/// (when rows follow) every non-empty cell is short label text with no
/// sentence in it and no figure.
pub(crate) fn is_header_row(cells: &[String], rows_follow: bool) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.is_empty() {
        return false;
    }
    let known = filled
        .iter()
        // No header label runs past a hundred characters: longer cells
        // are body text and need no matching.
        .filter(|c| {
            c.len() <= 100 && plantab_vocab::match_header(c).is_some_and(|m| m.score >= 0.95)
        })
        .count();
    if known * 2 >= filled.len() && known >= 1 {
        return true;
    }
    rows_follow
        && filled.len() >= 2
        && filled.iter().all(|c| {
            let words = c.split_whitespace().count();
            words <= 12
                && !c.ends_with('.')
                && !c.contains('\n')
                && !c.chars().any(|ch| ch.is_ascii_digit())
                || is_header_with_year(c)
        })
}

/// "BASELINE (2022)", "2021 Net Revenue Expenditure £'000": label text whose
/// only figures are years or units.
pub(crate) fn is_header_with_year(c: &str) -> bool {
    let words = c.split_whitespace().count();
    words <= 12
        && !c.ends_with('.')
        && c.split(|ch: char| !ch.is_ascii_digit())
            .filter(|d| !d.is_empty())
            .all(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")) || d == "000")
}

/// A row printed across the table: in a table of four or more columns,
/// only the first one or two cells hold text.
pub(crate) fn is_spanning(cells: &[String], width: usize) -> bool {
    width >= 4
        && cells.first().is_some_and(|c| !c.is_empty())
        && cells.iter().skip(2).all(|c| c.is_empty())
}

/// `#`-heading level of a markdown line.
fn markdown_heading_level(line: &str) -> Option<u8> {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        u8::try_from(hashes).ok()
    } else {
        None
    }
}

/// Prose without markdown decoration: heading hashes, bold/italic markers,
/// link targets (`[text](#)` → `text`), HTML, trailing hard-break spaces.
fn clean_prose(line: &str) -> String {
    let t = line.trim();
    let t = t.trim_start_matches('#').trim_start();
    // Most prose has no link or emphasis markup: fold it straight away.
    if memchr::memchr3(b'[', b'*', b'_', t.as_bytes()).is_none() {
        return html_to_text(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    // [text](target) → text
    while let Some(open) = rest.find('[') {
        let Some(close_rel) = rest[open..].find("](") else {
            break;
        };
        let close = open + close_rel;
        let Some(end_rel) = rest[close + 2..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[close + 2 + end_rel + 1..];
    }
    out.push_str(rest);
    let out = if out.contains("**") || out.contains("__") {
        out.replace("**", "").replace("__", "")
    } else {
        out
    };
    html_to_text(&out)
}

/// Marks short standalone lines followed by a paragraph or a table as
/// headings (level 4), when the reader has no markdown level for them.
fn mark_standalone_headings(blocks: &mut [Block], bold_only: &[bool]) {
    let n = blocks.len();
    for i in 0..n {
        let bold = bold_only.get(i).copied().unwrap_or(false);
        let next_is_body = match blocks.get(i + 1) {
            Some(Block::Table(_)) => !bold,
            Some(Block::Text(t)) => is_paragraph(&t.text),
            _ => false,
        };
        if let Some(Block::Text(t)) = blocks.get_mut(i) {
            if t.heading.is_none() && next_is_body && is_title_like(&t.text) {
                t.heading = Some(4);
            }
        }
    }
}

pub(crate) fn is_title_like(s: &str) -> bool {
    s.len() <= 120
        && !s.ends_with(['.', ',', ';', ':'])
        && !s.starts_with(['-', '•', '*', '('])
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && (1..=14).contains(&s.split_whitespace().count())
}

pub(crate) fn is_paragraph(s: &str) -> bool {
    s.ends_with(['.', ':', ')', '!', '?']) && s.split_whitespace().nth(7).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_then_rows_and_prose_headings() {
        let text = "Title line\n\nSection A\n\nThis section lists the actions that the department will take during the year ahead.\n\nID\tACTION\tBY WHEN\nX 1\tDo <u>it</u> &amp; more\tQ2 2023\nX 2\t<ul><li>- one</li><li>- two</li></ul>\tOngoing\n";
        let l = read_tabular(text);
        let texts: Vec<_> = l
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text(t) => Some((t.text.as_str(), t.heading)),
                _ => None,
            })
            .collect();
        assert_eq!(texts[1], ("Section A", Some(4)));
        let Some(Block::Table(f)) = l.blocks.last() else {
            panic!("no table")
        };
        assert_eq!(f.header.as_deref().unwrap(), ["ID", "ACTION", "BY WHEN"]);
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].cells[1], "Do it & more");
        assert_eq!(f.rows[1].cells[1], "- one\n- two");
        assert_eq!(f.rows[1].line, Some(9));
    }

    #[test]
    fn spanning_rows() {
        let text = "ID\tACTION\tWHAT\tLEAD\tBY WHEN\nAB P1 A priority heading:\t\t\t\t\nAB P1.1\tDo\tthings\tX\tQ1 2024\n";
        let l = read_tabular(text);
        let Some(Block::Table(f)) = l.blocks.first() else {
            panic!()
        };
        assert!(f.rows[0].spanning);
        assert!(!f.rows[1].spanning);
    }

    #[test]
    fn columns_empty_on_every_line_carry_nothing() {
        // 100,000 tabs between an id and a value: two cells, not 100,001.
        let row = format!("A1{}x\n", "\t".repeat(100_000));
        let text = format!("ID\tAction\tStatus\n{row}{row}");
        let l = read_tabular(&text);
        let Some(Block::Table(f)) = l.blocks.first() else {
            panic!("no table")
        };
        assert_eq!(f.header.as_deref().unwrap(), ["ID", "Action", "Status"]);
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].cells, ["A1", "", "", "x"]);
        // A header of a million columns, two of them named.
        let text = format!(
            "ID\tAction{}Status\nA1\tDo it\tDone\n",
            "\t".repeat(1_000_000)
        );
        let l = read_tabular(&text);
        let Some(Block::Table(f)) = l.blocks.first() else {
            panic!("no table")
        };
        // "Done" is printed in the third column, which has no header.
        assert_eq!(f.header.as_deref().unwrap(), ["ID", "Action", "", "Status"]);
        assert_eq!(f.rows[0].cells, ["A1", "Do it", "Done"]);
        // A column empty on one line but not on another is kept.
        let l = read_tabular("ID\tAction\tLead\nA1\tDo\t\nA2\t\tX\n");
        let Some(Block::Table(f)) = l.blocks.first() else {
            panic!("no table")
        };
        assert_eq!(f.rows[0].cells, ["A1", "Do", ""]);
        assert_eq!(f.rows[1].cells, ["A2", "", "X"]);
    }
}
