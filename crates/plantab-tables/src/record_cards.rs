//! Record cards: a run of small headerless tables, one item each — a
//! title bar across the card, a description across it, then one row of
//! unlabelled cells (status, often on a fill; type; lead service;
//! reference). The reader joins adjacent cards into one table of spanning
//! rows and value rows; this module turns such a table into one row per
//! card under the columns of the text reader's vertical records
//! ([`plantab_vocab::fields::RECORD_HEADER`]), so both forms of a
//! document read alike.
//!
//! Each value is classified by what it is ([`plantab_vocab::classify_field`],
//! the rule the vertical text reader uses): a reference, a record type, a
//! status, else a lead service. Cards of one run print their cells in one
//! order, so a value that is only a short phrase (a type word the
//! vocabulary does not know) takes the kind most cards give that cell.
//! A second value of a kind already taken is kept in the description with
//! an `unparsed_text` warning, so nothing printed is dropped.

use plantab_model::{
    CellSpan, PageBox, RebuiltBlock, RebuiltRow, RebuiltTable, TextBlock, Warning, WarningCode,
};
use plantab_vocab::fields::{RECORD_HEADER, TITLE_COLUMN};
use plantab_vocab::FieldKind;
use std::collections::HashMap;

/// Most bars (title and description paragraphs) one card may print
/// across the table above its value row.
const MAX_BARS: usize = 4;

/// The kind of each non-empty value cell of a card, by column.
type CellKinds = Vec<(usize, FieldKind)>;

/// One card: its spanning rows (title first) and its value row.
struct Card<'a> {
    /// Rows printed across the card: the title, then description rows.
    bars: Vec<&'a RebuiltRow>,
    /// The row of unlabelled value cells (none when the card ends the
    /// table without one).
    values: Option<&'a RebuiltRow>,
}

/// The text of a spanning row: its non-empty cells joined.
fn bar_text(r: &RebuiltRow) -> String {
    let parts: Vec<&str> = r
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    parts.join(" ")
}

/// Cuts the table's rows into cards: each value row closes a card of the
/// spanning rows before it. `None` unless every row fits (only the first
/// row may be a value row without a title: a card whose title was printed
/// at the foot of the page before).
fn cut(t: &RebuiltTable) -> Option<Vec<Card<'_>>> {
    let mut cards: Vec<Card<'_>> = Vec::new();
    let mut bars: Vec<&RebuiltRow> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        if r.spanning {
            if bar_text(r).is_empty() {
                return None;
            }
            bars.push(r);
            continue;
        }
        if bars.is_empty() && i > 0 || bars.len() > MAX_BARS {
            return None;
        }
        cards.push(Card {
            bars: std::mem::take(&mut bars),
            values: Some(r),
        });
    }
    if !bars.is_empty() {
        if bars.len() > MAX_BARS {
            return None;
        }
        cards.push(Card { bars, values: None });
    }
    Some(cards)
}

/// The kind of each non-empty value cell of a card, by its value alone;
/// `None` when some cell is no field value (prose, a figure).
fn kinds_of(values: &RebuiltRow) -> Option<Vec<(usize, FieldKind)>> {
    let mut out = Vec::new();
    for (col, c) in values.cells.iter().enumerate() {
        if c.trim().is_empty() {
            continue;
        }
        out.push((col, plantab_vocab::classify_field(c)?));
    }
    Some(out)
}

/// The cards of a table that is a run of record cards, each with the
/// kinds of its value cells; `None` when it is not one. The table must
/// print no header, have at least two columns, and cut into cards whose
/// value cells are all field values; at least two cards (or one card with
/// two) must hold a status, type or reference value, and at least half of
/// the cards one.
fn card_run(t: &RebuiltTable) -> Option<Vec<(Card<'_>, CellKinds)>> {
    if t.header.len() < 2 || t.header.iter().any(|h| !h.trim().is_empty()) || t.rows.len() < 2 {
        return None;
    }
    let cards = cut(t)?;
    if !cards.iter().any(|c| !c.bars.is_empty()) {
        return None;
    }
    let mut out = Vec::with_capacity(cards.len());
    for c in cards {
        let kinds = match c.values {
            Some(v) => kinds_of(v)?,
            None => Vec::new(),
        };
        out.push((c, kinds));
    }
    let strong = |k: &[(usize, FieldKind)]| k.iter().filter(|(_, k)| k.is_strong()).count();
    let with_strong = out.iter().filter(|(_, k)| strong(k) > 0).count();
    let most_strong = out.iter().map(|(_, k)| strong(k)).max().unwrap_or(0);
    if with_strong == 0 || with_strong < 2 && most_strong < 2 || with_strong * 2 < out.len() {
        return None;
    }
    Some(out)
}

/// Turns a run of record cards into one row per card (see the module
/// docs and [`card_run`]); returns whether it did. `index` is the table's
/// number in the document, for warnings.
pub fn read_record_cards(t: &mut RebuiltTable, index: usize, warnings: &mut Vec<Warning>) -> bool {
    let width = t.header.len();
    let Some(cards) = card_run(t) else {
        return false;
    };
    // The kind most cards give each cell: a strong kind that at least two
    // cards and half of the cell's values have.
    let mut by_cell: Vec<Option<FieldKind>> = vec![None; width];
    for (col, slot) in by_cell.iter_mut().enumerate() {
        let values: Vec<FieldKind> = cards
            .iter()
            .flat_map(|(_, k)| k.iter().filter(|(c, _)| *c == col).map(|(_, k)| *k))
            .collect();
        *slot = FieldKind::ALL
            .into_iter()
            .filter(|k| k.is_strong())
            .map(|k| (k, values.iter().filter(|v| **v == k).count()))
            .filter(|&(_, n)| n >= 2 && n * 2 >= values.len())
            .max_by_key(|&(_, n)| n)
            .map(|(k, _)| k);
    }
    let page = t.pages.first().copied();
    let rows: Vec<RebuiltRow> = cards
        .iter()
        .map(|(card, k)| card_row(card, k, &by_cell, index, page, warnings))
        .collect();
    t.header = RECORD_HEADER.iter().map(|s| (*s).to_string()).collect();
    t.rows = rows;
    t.header_cells.clear();
    true
}

/// A card split by a page break: its title (and description) printed at
/// the foot of one page fall outside any table (a box of one column is no
/// table to the reader), the rest of it opens the next page's run of
/// cards. The text blocks just before a table — on the page before, set
/// inside the table's left and right edges, after skipping page furniture
/// (text printed more than once in the document) — are taken back into it
/// as the first card's title and description rows when the table then
/// reads as a run of cards, and either opens with a value row (a card
/// without its title) or the first block taken is a heading (a title whose
/// description was carried over).
pub fn stitch_split_cards(blocks: &mut Vec<RebuiltBlock>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for b in blocks.iter() {
        if let RebuiltBlock::Text(t) = b {
            *seen.entry(t.text.trim()).or_default() += 1;
        }
    }
    let furniture: Vec<bool> = blocks
        .iter()
        .map(|b| match b {
            RebuiltBlock::Text(t) => seen.get(t.text.trim()).is_some_and(|n| *n > 1),
            _ => false,
        })
        .collect();
    let mut i = 0;
    while i < blocks.len() {
        let Some(RebuiltBlock::Table(t)) = blocks.get(i) else {
            i += 1;
            continue;
        };
        let taken = split_head(blocks, &furniture, i, t);
        if taken.is_empty() {
            i += 1;
            continue;
        }
        let mut rows: Vec<RebuiltRow> = Vec::with_capacity(taken.len());
        let width = t.header.len();
        for &k in &taken {
            if let Some(RebuiltBlock::Text(tb)) = blocks.get(k) {
                rows.push(bar_row(tb, width));
            }
        }
        let mut table = t.clone();
        rows.extend(table.rows);
        table.rows = rows;
        if card_run(&table).is_none() {
            i += 1;
            continue;
        }
        for p in table.rows.iter().flat_map(|r| r.pages.clone()) {
            if !table.pages.contains(&p) {
                table.pages.push(p);
            }
        }
        table.pages.sort_unstable();
        if let Some(b) = blocks.get_mut(i) {
            *b = RebuiltBlock::Table(table);
        }
        // The taken blocks are consecutive apart from furniture, which
        // stays where it was (after the table's part on that page).
        for &k in taken.iter().rev() {
            if k < blocks.len() {
                blocks.remove(k);
            }
        }
        i = i + 1 - taken.len();
    }
}

/// Indices (ascending) of the text blocks before `blocks[i]` that are the
/// head of a card split by a page break (see [`stitch_split_cards`]).
fn split_head(
    blocks: &[RebuiltBlock],
    furniture: &[bool],
    i: usize,
    t: &RebuiltTable,
) -> Vec<usize> {
    let first_page = t.pages.first().copied();
    let edges = t.bbox.first().map(|b| (b.bbox[0], b.bbox[2]));
    let (Some(first), Some(page), Some((x0, x1))) = (t.rows.first(), first_page, edges) else {
        return Vec::new();
    };
    let mut taken: Vec<usize> = Vec::new();
    for k in (0..i).rev() {
        let Some(RebuiltBlock::Text(tb)) = blocks.get(k) else {
            break;
        };
        if furniture.get(k).copied().unwrap_or(false) {
            if taken.is_empty() {
                continue;
            }
            break;
        }
        let inside = tb
            .bbox
            .as_ref()
            .is_some_and(|b| b.x0 >= x0 + 1.0 && b.x1 <= x1 + 1.0);
        if tb.page.map(|p| p + 1) != Some(page) || !inside || taken.len() >= MAX_BARS {
            break;
        }
        taken.push(k);
    }
    taken.reverse();
    // A table opening with a bar (a description carried over) takes back
    // only a head that starts with a heading: the card's title, set apart
    // from the description it would otherwise be.
    let head_is_title = taken.first().is_some_and(
        |&k| matches!(blocks.get(k), Some(RebuiltBlock::Text(tb)) if tb.heading.is_some()),
    );
    if first.spanning && !head_is_title {
        return Vec::new();
    }
    taken
}

/// A text block as a spanning row of a table `width` columns wide.
fn bar_row(tb: &TextBlock, width: usize) -> RebuiltRow {
    let mut cells = vec![String::new(); width.max(1)];
    if let Some(c) = cells.first_mut() {
        c.clone_from(&tb.text);
    }
    RebuiltRow {
        cells,
        spanning: true,
        pages: tb.page.into_iter().collect(),
        line: tb.line,
        bbox: match (tb.page, tb.bbox.as_ref()) {
            (Some(page), Some(b)) => vec![PageBox {
                page,
                bbox: [b.x0, b.y0, b.x1, b.y1],
            }],
            _ => Vec::new(),
        },
        spans: Vec::new(),
    }
}

/// The column of `kind` in [`RECORD_HEADER`].
fn column_of(kind: FieldKind) -> usize {
    RECORD_HEADER
        .iter()
        .position(|h| *h == kind.label())
        .unwrap_or(TITLE_COLUMN)
}

/// One card as a row of [`RECORD_HEADER`] cells.
fn card_row(
    card: &Card<'_>,
    kinds: &[(usize, FieldKind)],
    by_cell: &[Option<FieldKind>],
    index: usize,
    page: Option<u32>,
    warnings: &mut Vec<Warning>,
) -> RebuiltRow {
    let mut cells = vec![String::new(); RECORD_HEADER.len()];
    let title = card.bars.first().map(|r| bar_text(r)).unwrap_or_default();
    let mut description: Vec<String> = card.bars.iter().skip(1).map(|r| bar_text(r)).collect();
    let mut spans: Vec<CellSpan> = Vec::new();
    let mut fills: Vec<(usize, Option<String>)> = Vec::new();
    // Strong values first, then short phrases: a phrase takes its cell's
    // kind when that kind is still free, else it is a lead service.
    let mut order: Vec<(usize, FieldKind)> = kinds.to_vec();
    order.sort_by_key(|(_, k)| !k.is_strong());
    let mut leftovers: Vec<(String, &'static str)> = Vec::new();
    for (col, kind) in order {
        let Some(values) = card.values else { break };
        let text = values.cells.get(col).map(|c| c.trim()).unwrap_or("");
        let kind = match by_cell.get(col).copied().flatten() {
            Some(k)
                if !kind.is_strong() && cells.get(column_of(k)).is_some_and(String::is_empty) =>
            {
                k
            }
            _ => kind,
        };
        let target = column_of(kind);
        match cells.get_mut(target) {
            Some(cell) if cell.is_empty() => {
                cell.push_str(text);
                let fill = values
                    .spans
                    .iter()
                    .find(|s| s.col <= col && col < s.col + s.col_span.max(1))
                    .and_then(|s| s.fill.clone());
                fills.push((target, fill));
            }
            _ => leftovers.push((text.to_string(), kind.name())),
        }
    }
    for (text, kind) in leftovers {
        warnings.push(
            Warning::new(
                WarningCode::UnparsedText,
                format!(
                    "\"{text}\" is a second {kind} of record card \"{title}\"; kept in its description"
                ),
            )
            .on_page(page)
            .in_table(index),
        );
        description.push(text);
    }
    if let Some(c) = cells.get_mut(TITLE_COLUMN) {
        *c = title;
    }
    if let Some(c) = cells.get_mut(TITLE_COLUMN + 1) {
        *c = description.join("\n");
    }
    let rows: Vec<&RebuiltRow> = card.bars.iter().copied().chain(card.values).collect();
    let has_spans = rows.iter().any(|r| !r.spans.is_empty());
    if has_spans {
        for (col, text) in cells.iter().enumerate() {
            let fill = fills
                .iter()
                .find(|(c, _)| *c == col)
                .and_then(|(_, f)| f.clone());
            if text.is_empty() && fill.is_none() {
                continue;
            }
            spans.push(CellSpan {
                col,
                col_span: 1,
                row_span: 1,
                text: text.clone(),
                fill,
            });
        }
    }
    let mut pages: Vec<u32> = rows.iter().flat_map(|r| r.pages.iter().copied()).collect();
    pages.sort_unstable();
    pages.dedup();
    RebuiltRow {
        cells,
        spanning: false,
        pages,
        line: rows.iter().find_map(|r| r.line),
        bbox: union_boxes(rows.iter().flat_map(|r| r.bbox.iter())),
        spans,
    }
}

/// One box per page: the union of the boxes on it, pages in order.
fn union_boxes<'a>(boxes: impl Iterator<Item = &'a PageBox>) -> Vec<PageBox> {
    let mut out: Vec<PageBox> = Vec::new();
    for b in boxes {
        match out.iter_mut().find(|o| o.page == b.page) {
            Some(o) => {
                o.bbox = [
                    o.bbox[0].min(b.bbox[0]),
                    o.bbox[1].min(b.bbox[1]),
                    o.bbox[2].max(b.bbox[2]),
                    o.bbox[3].max(b.bbox[3]),
                ];
            }
            None => out.push(*b),
        }
    }
    out.sort_by_key(|b| b.page);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::{BBox, Joined, TableKind};

    fn row(cells: &[&str], spanning: bool, page: u32) -> RebuiltRow {
        RebuiltRow {
            cells: cells.iter().map(|s| s.to_string()).collect(),
            spanning,
            pages: vec![page],
            line: None,
            bbox: vec![PageBox {
                page,
                bbox: [40.0, 100.0, 550.0, 120.0],
            }],
            spans: Vec::new(),
        }
    }

    fn bar(text: &str, page: u32) -> RebuiltRow {
        row(&[text, "", "", ""], true, page)
    }

    fn table(rows: Vec<RebuiltRow>) -> RebuiltTable {
        let mut pages: Vec<u32> = rows.iter().flat_map(|r| r.pages.clone()).collect();
        pages.dedup();
        RebuiltTable {
            header: vec![String::new(); 4],
            rows,
            pages: pages.clone(),
            joined: Joined::Continued,
            bbox: pages
                .iter()
                .map(|&page| PageBox {
                    page,
                    bbox: [40.0, 100.0, 550.0, 700.0],
                })
                .collect(),
            line: None,
            header_cells: Vec::new(),
            columns: Vec::new(),
            kind: TableKind::Other,
        }
    }

    /// Three cards of an invented harbour authority: fields in another
    /// A type word the vocabulary does not know in the second cell
    /// ("Dredging works"), a card without description, a card with only a
    /// reference.
    fn harbour() -> RebuiltTable {
        let mut on_fill = row(
            &["On track", "Project", "Marine Engineering", "HA-31-004"],
            false,
            1,
        );
        on_fill.spans = vec![CellSpan {
            col: 0,
            col_span: 1,
            row_span: 1,
            text: "On track".into(),
            fill: Some("#c6efce".into()),
        }];
        table(vec![
            bar("Dredge the outer channel", 1),
            bar("Survey complete and contract let for the winter season.", 1),
            on_fill,
            bar("Replace pontoon berths", 1),
            bar("Two of five berths replaced.", 1),
            row(
                &["Delayed", "Dredging works", "Estates Team", "HA-31-009"],
                false,
                1,
            ),
            bar("Chart the approaches", 1),
            row(
                &["Complete", "Programme", "Hydrography", "HA-31-020"],
                false,
                1,
            ),
            bar("Renew pilotage licences", 1),
            bar("Licences will be renewed in the spring.", 1),
            row(&["", "", "", "HA-31-101"], false, 1),
        ])
    }

    #[test]
    fn a_run_of_cards_gives_one_row_per_card() {
        let mut t = harbour();
        let mut warnings = Vec::new();
        assert!(read_record_cards(&mut t, 0, &mut warnings));
        assert_eq!(t.header, RECORD_HEADER);
        assert_eq!(t.rows.len(), 4);
        // Title, description, status, lead service, reference, type.
        let first = [
            "Dredge the outer channel",
            "Survey complete and contract let for the winter season.",
            "On track",
            "Marine Engineering",
            "HA-31-004",
            "Project",
        ];
        assert_eq!(t.rows[0].cells, first);
        // The status cell's fill goes with it to the status column.
        let status = t.rows[0].spans.iter().find(|s| s.col == 2).unwrap();
        assert_eq!(status.fill.as_deref(), Some("#c6efce"));
        // A type the vocabulary does not know takes its cell's kind.
        assert_eq!(
            &t.rows[1].cells[2..],
            ["Delayed", "Estates Team", "HA-31-009", "Dredging works"]
        );
        assert_eq!(t.rows[2].cells[1], "");
        assert_eq!(&t.rows[3].cells[2..], ["", "", "HA-31-101", ""]);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_second_value_of_a_kind_is_kept_in_the_description() {
        let mut t = table(vec![
            bar("Dredge the outer channel", 1),
            bar("Survey complete.", 1),
            row(
                &["On track", "Delayed", "Marine Engineering", "HA-31-004"],
                false,
                1,
            ),
            bar("Replace pontoon berths", 1),
            row(
                &["Complete", "Project", "Estates Team", "HA-31-009"],
                false,
                1,
            ),
        ]);
        let mut warnings = Vec::new();
        assert!(read_record_cards(&mut t, 3, &mut warnings));
        assert_eq!(t.rows[0].cells[1], "Survey complete.\nDelayed");
        assert_eq!(t.rows[0].cells[2], "On track");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, WarningCode::UnparsedText);
        assert_eq!(warnings[0].location.table, Some(3));
    }

    #[test]
    fn grids_and_prose_are_not_cards() {
        let mut warnings = Vec::new();
        // A printed header: a grid, not cards.
        let mut t = harbour();
        t.header = ["Status", "Type", "Lead", "Ref"].map(String::from).to_vec();
        assert!(!read_record_cards(&mut t, 0, &mut warnings));
        // A value row holding prose.
        let mut t = harbour();
        t.rows[2].cells[2] = "The works were let to a contractor in May.".into();
        assert!(!read_record_cards(&mut t, 0, &mut warnings));
        // A value row in the middle with no title above it.
        let mut t = harbour();
        t.rows.remove(3);
        t.rows.remove(3);
        assert!(!read_record_cards(&mut t, 0, &mut warnings));
        // Spanning group labels over rows of short phrases: no status,
        // type or reference anywhere.
        let mut t = table(vec![
            bar("North region", 1),
            row(&["Harbour", "Quay", "Slipway", "Pier"], false, 1),
            bar("South region", 1),
            row(&["Marina", "Dock", "Berth", "Jetty"], false, 1),
        ]);
        assert!(!read_record_cards(&mut t, 0, &mut warnings));
        assert!(warnings.is_empty());
    }

    fn text_block(text: &str, page: u32, x0: f64) -> RebuiltBlock {
        RebuiltBlock::Text(TextBlock {
            text: text.into(),
            page: Some(page),
            line: None,
            heading: Some(2),
            bbox: Some(BBox {
                x0,
                y0: 60.0,
                x1: 500.0,
                y1: 70.0,
            }),
        })
    }

    #[test]
    fn a_card_split_by_a_page_break_is_stitched() {
        // Page 2 opens with the value row of a card whose title and
        // description closed page 1 (set inside the table's edges), with
        // the running footer between them.
        let mut rest = harbour();
        rest.rows.remove(0);
        rest.rows.remove(0);
        for r in &mut rest.rows {
            r.pages = vec![2];
        }
        rest.pages = vec![2];
        rest.bbox = vec![PageBox {
            page: 2,
            bbox: [40.0, 100.0, 550.0, 700.0],
        }];
        let mut blocks = vec![
            text_block("Harbour Authority Business Plan", 1, 40.0),
            text_block("Dredge the outer channel", 1, 45.0),
            text_block("Survey complete and contract let.", 1, 45.0),
            text_block("Harbour Authority | Business Plan", 1, 40.0),
            RebuiltBlock::Table(rest),
            text_block("Harbour Authority | Business Plan", 2, 40.0),
        ];
        stitch_split_cards(&mut blocks);
        assert_eq!(blocks.len(), 4);
        let Some(RebuiltBlock::Table(t)) = blocks.get(2) else {
            panic!("{blocks:?}");
        };
        assert_eq!(t.pages, [1, 2]);
        assert_eq!(t.rows[0].cells[0], "Dredge the outer channel");
        assert!(t.rows[0].spanning && t.rows[1].spanning);
        let mut t = t.clone();
        assert!(read_record_cards(&mut t, 0, &mut Vec::new()));
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0].pages, [1, 2]);
        assert_eq!(t.rows[0].cells[4], "HA-31-004");

        // A title alone at the foot of page 1, its description carried
        // over: taken back when it is a heading, not when it is body text.
        for (heading, stitched) in [(Some(2), true), (None, false)] {
            let mut rest = harbour();
            rest.rows.remove(0);
            rest.pages = vec![2];
            rest.bbox[0].page = 2;
            let mut title = text_block("Dredge the outer channel", 1, 45.0);
            if let RebuiltBlock::Text(tb) = &mut title {
                tb.heading = heading;
            }
            let mut blocks = vec![title, RebuiltBlock::Table(rest)];
            stitch_split_cards(&mut blocks);
            assert_eq!(blocks.len() == 1, stitched, "{heading:?}");
        }

        // A heading at the table's left edge is not taken.
        let mut rest = harbour();
        rest.rows.remove(0);
        rest.rows.remove(0);
        rest.pages = vec![2];
        rest.bbox[0].page = 2;
        let mut blocks = vec![
            text_block("Dredge the outer channel", 1, 40.0),
            RebuiltBlock::Table(rest),
        ];
        stitch_split_cards(&mut blocks);
        assert_eq!(blocks.len(), 2);
    }
}
