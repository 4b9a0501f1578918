use super::*;
use plantab_model::{SourceFormat, TextBlock};

fn frag(header: Option<&[&str]>, rows: &[&[&str]]) -> Block {
    Block::Table(TableFragment {
        page: None,
        header: header.map(|h| h.iter().map(|s| s.to_string()).collect()),
        rows: rows
            .iter()
            .map(|r| FragmentRow::new(r.iter().map(|s| s.to_string()).collect()))
            .collect(),
        bbox: None,
        line: None,
        header_cells: Vec::new(),
    })
}

fn text(s: &str) -> Block {
    Block::Text(TextBlock {
        text: s.into(),
        page: None,
        line: None,
        heading: None,
        bbox: None,
    })
}

fn layout(blocks: Vec<Block>) -> Layout {
    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks,
        warnings: vec![],
    }
}

fn tables(doc: &RebuiltDocument) -> Vec<&RebuiltTable> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            RebuiltBlock::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

const LEFT: &[&str] = &["Ref", "Action", "Due date"];
const RIGHT: &[&str] = &["June Status", "June Commentary"];

#[test]
fn side_by_side_blocks_join_row_by_row_and_continue() {
    let doc = rebuild(layout(vec![
        frag(Some(LEFT), &[&["A1", "one", "Q1"], &["A2", "two", "Q2"]]),
        frag(Some(RIGHT), &[&["On Track", "fine"], &["Delayed", "late"]]),
        frag(Some(LEFT), &[&["A3", "three", "Q3"]]),
        frag(Some(RIGHT), &[&["Complete", "done"]]),
    ]));
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].joined, Joined::SideBySide);
    assert_eq!(t[0].header.len(), 5);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(t[0].rows[1].cells, ["A2", "two", "Q2", "Delayed", "late"]);
    assert_eq!(
        t[0].rows[2].cells,
        ["A3", "three", "Q3", "Complete", "done"]
    );
    assert!(doc.warnings.is_empty());
}

#[test]
fn row_count_mismatch_is_warned_and_nothing_lost() {
    let doc = rebuild(layout(vec![
        frag(Some(LEFT), &[&["A1", "one", "Q1"], &["A2", "two", "Q2"]]),
        frag(
            Some(RIGHT),
            &[&["On Track", "x"], &["Delayed", "y"], &["Complete", "z"]],
        ),
    ]));
    let t = tables(&doc);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(t[0].rows[2].cells, ["", "", "", "Complete", "z"]);
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(
        doc.warnings[0].code,
        plantab_model::WarningCode::RowCountMismatch
    );
}

#[test]
fn repeated_header_continues_and_text_splits_tables() {
    let doc = rebuild(layout(vec![
        frag(Some(LEFT), &[&["A1", "one", "Q1"]]),
        frag(Some(LEFT), &[&["A2", "two", "Q2"]]),
        frag(None, &[&["A3", "three", "Q3", "overflow"]]),
        text("Another section"),
        frag(Some(&["Item", "Cost £'000"]), &[&["Staff", "1,200"]]),
    ]));
    let t = tables(&doc);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].joined, Joined::Continued);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(
        t[0].header.len(),
        4,
        "an unlabelled column for the overflow"
    );
    assert_eq!(t[0].rows[2].cells, ["A3", "three", "Q3", "overflow"]);
    assert_eq!(t[1].joined, Joined::None);
}

#[test]
fn table_without_id_column_is_not_taken_for_a_right_half() {
    let doc = rebuild(layout(vec![
        frag(Some(&["Item", "Cost"]), &[&["Staff", "1"]]),
        frag(Some(&["Service", "Budget"]), &[&["Library", "2"]]),
    ]));
    assert_eq!(tables(&doc).len(), 2);
}

#[test]
fn a_row_broken_by_the_page_is_mended() {
    let doc = rebuild(layout(vec![
        frag(
            Some(LEFT),
            &[&["A1", "one", "Q1"], &["A2", "two starts", ""]],
        ),
        frag(
            Some(LEFT),
            &[&["", "and ends", "Q2"], &["A3", "three", "Q3"]],
        ),
    ]));
    let t = tables(&doc);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(t[0].rows[1].cells, ["A2", "two starts\nand ends", "Q2"]);
}

#[test]
fn a_first_row_repeated_on_every_page_is_the_header() {
    let doc = rebuild(layout(vec![
        frag(
            None,
            &[
                &["Last Name", "City", "Amount"],
                &["Lidstad", "Saint Paul", "60.00"],
            ],
        ),
        frag(
            None,
            &[
                &["Last Name", "City", "Amount"],
                &["Strom", "St. Paul", "60.00"],
            ],
        ),
        frag(
            None,
            &[
                &["Last  Name", "City", "Amount"],
                &["Hage", "Hudson", "100.00"],
            ],
        ),
    ]));
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header, ["Last Name", "City", "Amount"]);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(t[0].rows[2].cells, ["Hage", "Hudson", "100.00"]);
}

#[test]
fn a_first_row_seen_once_stays_a_row() {
    let doc = rebuild(layout(vec![
        frag(None, &[&["A1", "one", "Q1"], &["A2", "two", "Q2"]]),
        frag(None, &[&["A3", "three", "Q3"]]),
    ]));
    let t = tables(&doc);
    assert_eq!(t[0].rows.len(), 3);
    assert!(t[0].header.iter().all(String::is_empty));
}

/// A status key printed as a one-row table across the page (the colour
/// tracker of fixtures/layouts: "Status key:" then its labels) is no plan
/// table; the tracker below it is.
#[test]
fn a_status_key_printed_across_is_no_plan_table() {
    let doc = rebuild(layout(vec![
        frag(
            None,
            &[&[
                "Status key:",
                "",
                "On track",
                "",
                "Some slippage",
                "",
                "Significant issues",
                "",
                "Complete",
            ]],
        ),
        text("Actions"),
        frag(
            Some(&["No.", "Action", "Lead", "Due", "Status"]),
            &[
                &[
                    "1",
                    "Publish the standard",
                    "Chief Digital Officer",
                    "Sep 2023",
                    "Complete",
                ],
                &[
                    "2",
                    "Move the websites",
                    "Digital branch",
                    "Jun 2024",
                    "On track",
                ],
            ],
        ),
    ]));
    let t = tables(&doc);
    assert_eq!(t[0].kind, TableKind::Other);
    assert_eq!(t[1].kind, TableKind::Actions);
}

/// A table going on over the page with footnotes printed under its first
/// part (a bare mark, then the note: the DCMS open data strategy 2012,
/// pages 8–9) is one table; the notes follow it. Text that is no footnote
/// still ends the table.
#[test]
fn footnotes_under_a_table_do_not_end_it() {
    let on_page = |b: Block, page: u32| match b {
        Block::Table(mut f) => {
            f.page = Some(page);
            Block::Table(f)
        }
        Block::Text(mut t) => {
            t.page = Some(page);
            Block::Text(t)
        }
        other => other,
    };
    let header: &[&str] = &["Dataset Name", "Description", "Release date"];
    let blocks = |between: &[&str]| {
        let mut v = vec![on_page(
            frag(Some(header), &[&["Taking Part", "A survey", "Summer 2012"]]),
            8,
        )];
        v.extend(between.iter().map(|s| on_page(text(s), 8)));
        v.push(on_page(
            frag(None, &[&["School Games", "Statistics", "Autumn 2012"]]),
            9,
        ));
        v
    };
    let doc = rebuild(layout(blocks(&[
        "6",
        "There will be a number of data collections taking place.",
        "7",
        "The OGL allows the public and business to copy and publish.",
    ])));
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.len(), 2);
    assert_eq!(t[0].pages, [8, 9]);
    let texts = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, RebuiltBlock::Text(_)))
        .count();
    assert_eq!(texts, 4, "the notes are kept, after the table");
    // A paragraph that is no footnote ends the table, as before.
    let doc = rebuild(layout(blocks(&["The next section lists the datasets."])));
    assert_eq!(tables(&doc).len(), 2);
}

/// A row broken by the page in a table without ids: the next page's first
/// row goes on with the name in lower case ("Consular satisfaction and" /
/// "experience data", FCO open data strategy 2012, pages 14–15): mended.
/// A next page opening with a capitalised name is a row of its own.
#[test]
fn a_name_carried_on_in_lower_case_mends_the_row() {
    let header: &[&str] = &["Dataset Name", "Description", "Release date"];
    let two_pages = |first: &str| {
        rebuild(layout(vec![
            frag(
                Some(header),
                &[
                    &["Behaviour Abroad", "Published yearly", "August 2012"],
                    &["Consular satisfaction and", "We will publish", "June 2012"],
                ],
            ),
            frag(None, &[&[first, "show how we meet", ""]]),
        ]))
    };
    let doc = two_pages("experience data");
    let t = tables(&doc);
    assert_eq!(t[0].rows.len(), 2);
    assert_eq!(
        t[0].rows[1].cells,
        [
            "Consular satisfaction and\nexperience data",
            "We will publish\nshow how we meet",
            "June 2012"
        ]
    );
    let doc = two_pages("Passport data");
    assert_eq!(tables(&doc)[0].rows.len(), 3);
}

#[test]
fn label_value_card_is_read_as_one_row_and_a_plain_pair_table_is_not() {
    let doc = rebuild(layout(vec![
        frag(
            Some(&["Indicator", "Share of plans reviewed on time"]),
            &[
                &["Baseline", "58%"],
                &["Target 2022", "100%"],
                &["Status", "Not achieved"],
                &["Responsible unit", "Policy Unit"],
            ],
        ),
        text("Glossary"),
        frag(
            Some(&["Term", "Meaning"]),
            &[
                &["LEADER", "A rural grant scheme"],
                &["Hub", "A remote working centre"],
            ],
        ),
    ]));
    let t = tables(&doc);
    let card = t.first().expect("the card");
    assert_eq!(
        card.header,
        [
            "Indicator",
            "Baseline",
            "Target 2022",
            "Status",
            "Responsible unit"
        ]
    );
    assert_eq!(card.rows.len(), 1);
    assert_eq!(
        card.rows.first().map(|r| r.cells.clone()),
        Some(
            [
                "Share of plans reviewed on time",
                "58%",
                "100%",
                "Not achieved",
                "Policy Unit"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert_eq!(card.kind, TableKind::Measures);
    let glossary = t.get(1).expect("the glossary");
    assert_eq!(glossary.header, ["Term", "Meaning"]);
    assert_eq!(glossary.rows.len(), 2);
}

#[test]
fn a_key_under_a_markdown_scorecard_is_a_table_of_its_own() {
    // The key's row was written as a header line (statuses only: data),
    // five cells wide under a scorecard of four columns.
    let doc = rebuild(layout(vec![
        frag(
            Some(&["", "BIS", "CO", "DCLG"]),
            &[&["Spend data", "Met", "Not Met", "Met"]],
        ),
        frag(
            Some(&[
                "Met",
                "Not Met",
                "Partially met",
                "No return",
                "Not applicable",
            ]),
            &[],
        ),
    ]));
    let t = tables(&doc);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].rows.len(), 1);
}
