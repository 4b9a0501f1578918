//! Facts checked by hand (pdftotext -layout, rendered pages) against the
//! seed PDFs in fixtures/pdf, and against a PDF of our own making
//! (fixtures/pdf/reader/harbours_plan.pdf: other ids, other wording, made
//! by LibreOffice rather than Chromium).

use plantab_model::{Block, Layout, TableFragment, TextBlock};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read(name: &str) -> Layout {
    plantab_pdf::read_pdf(&fixture(name)).unwrap()
}

fn tables(l: &Layout, page: u32) -> Vec<&TableFragment> {
    l.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.page == Some(page) => Some(t),
            _ => None,
        })
        .collect()
}

fn texts(l: &Layout, page: u32) -> Vec<&TextBlock> {
    l.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) if t.page == Some(page) => Some(t),
            _ => None,
        })
        .collect()
}

fn header(t: &TableFragment) -> Vec<&str> {
    t.header
        .as_ref()
        .unwrap()
        .iter()
        .map(String::as_str)
        .collect()
}

const S000: &str = "000_10d08a98e15f6a96.pdf";
const S001: &str = "001_8716d6a5475247b4.pdf";
const S003: &str = "003_c94608ba926f5920.pdf";
const S004: &str = "004_74a441625af668df.pdf";

#[test]
fn seed_000_left_and_right_halves() {
    let l = read(S000);
    assert_eq!(l.pages, Some(17));
    assert!(tables(&l, 1).is_empty(), "page 1 is a letter");
    assert!(texts(&l, 1)
        .iter()
        .any(|t| t.text == "2023 Delivery Plan Progress Report" && t.heading.is_some()));

    let p2 = tables(&l, 2);
    assert_eq!(p2.len(), 1);
    assert_eq!(
        header(p2[0]),
        [
            "ID",
            "MINISTERIAL ACTION",
            "WHAT WILL WE DO IN 2023?",
            "BY WHEN"
        ]
    );
    let ids: Vec<&str> = p2[0]
        .rows
        .iter()
        .map(|r| r.cells[0].lines().next().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["CM P1.1", "CM P1.2", "CM P1.3", "CM P1.4", "CM P1.5", "CM P2.1", "CM P2.2"]
    );
    // Second line of the id cell, dash bullets kept as lines.
    assert_eq!(p2[0].rows[2].cells[0], "CM P1.3\n100 Day Plan\nAction 2");
    assert!(p2[0].rows[0].cells[2].contains(
        "\n- Improving recruitment and retention, especially across health, social care and schools, and so creating a more\n"
    ));
    assert_eq!(p2[0].rows[4].cells[3], "Q2, Q4 2023");
    assert!(p2[0].rows.iter().all(|r| !r.spanning && r.bbox.is_some()));

    let p3 = tables(&l, 3);
    assert_eq!(p3.len(), 1);
    assert_eq!(
        header(p3[0]),
        [
            "December Status vs By When",
            "December Revised date if delayed",
            "December Commentary Update"
        ]
    );
    let statuses: Vec<&str> = p3[0].rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(
        statuses,
        ["On Track", "On Track", "Delayed", "On Track", "Delayed", "On Track", "On Track"]
    );
    let revised: Vec<&str> = p3[0].rows.iter().map(|r| r.cells[1].as_str()).collect();
    assert_eq!(revised, ["", "", "31-Dec", "", "2024", "", ""]);
    // Rows are drawn with the same height on both pages of a pair.
    for (a, b) in p2[0].rows.iter().zip(&p3[0].rows) {
        let (a, b) = (a.bbox.unwrap(), b.bbox.unwrap());
        assert!(((a.y1 - a.y0) - (b.y1 - b.y0)).abs() < 1.0);
    }
    // Page numbers at the foot are not text.
    assert!(texts(&l, 2).is_empty());

    // Whole document: 46 rows on the left pages; status counts on the right.
    let mut left_rows = 0;
    let mut counts = std::collections::BTreeMap::new();
    for page in 2..=17u32 {
        let t = tables(&l, page);
        assert_eq!(t.len(), 1, "page {page}");
        if page % 2 == 0 {
            assert_eq!(t[0].width(), 4);
            left_rows += t[0].rows.len();
        } else {
            assert_eq!(t[0].width(), 3);
            for r in &t[0].rows {
                *counts.entry(r.cells[0].clone()).or_insert(0) += 1;
            }
        }
    }
    assert_eq!(left_rows, 46);
    assert_eq!(counts.get("Delivered"), Some(&11));
    assert_eq!(counts.get("On Track"), Some(&27));
    assert_eq!(counts.get("Delayed"), Some(&7));
    assert_eq!(counts.get("Cancelled"), Some(&1));
    // CM P8.2 (page 10, last row) has an empty BY WHEN.
    let p10 = tables(&l, 10);
    let last = p10[0].rows.last().unwrap();
    assert!(last.cells[0].starts_with("CM P8.2"));
    assert_eq!(last.cells[3], "");
}

#[test]
fn seed_001_nine_columns_and_spanning_priorities() {
    let l = read(S001);
    assert_eq!(l.pages, Some(18));
    let p3 = tables(&l, 3);
    assert_eq!(p3.len(), 1);
    assert_eq!(
        header(p3[0]),
        [
            "ID",
            "MINISTERIAL ACTION",
            "WHAT WILL WE DO IN 2023?",
            "CSP 2023",
            "LEAD DEPT",
            "LEAD SERVICE",
            "TYPE",
            "REF#",
            "BY WHEN"
        ]
    );
    let rows = &p3[0].rows;
    assert_eq!(rows.len(), 4);
    assert!(rows[0].spanning);
    assert_eq!(rows[0].cells[0], "MSS P1");
    assert!(rows[0].cells[1].starts_with("Developing targeted support"));
    let due: Vec<&str> = rows[1..].iter().map(|r| r.cells[8].as_str()).collect();
    assert_eq!(due, ["30/11/2023", "30/03/2023", "31/12/2023"]);
    assert!(rows[1..].iter().all(|r| !r.spanning));
    // The heading above the table comes before it.
    let pos_heading = l
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Text(t) if t.text == "Ministerial Priorities" && t.heading == Some(1)))
        .unwrap();
    let pos_table = l
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table(t) if t.page == Some(3)))
        .unwrap();
    assert!(pos_heading < pos_table);
    // Eight priority rows over the actions pages; P4 and P5 print id and
    // text in one cell.
    let spanning: Vec<&Vec<String>> = (3..=10)
        .flat_map(|p| tables(&l, p))
        .flat_map(|t| &t.rows)
        .filter(|r| r.spanning)
        .map(|r| &r.cells)
        .collect();
    assert_eq!(spanning.len(), 8);
    assert_eq!(spanning[3].len(), 1);
    assert!(spanning[3][0].starts_with("MSS P4 Developing"));
    // Legislative programme, page 12.
    let p12 = tables(&l, 12);
    assert_eq!(
        header(p12[0]),
        [
            "MINISTER",
            "LEGISLATION",
            "BRIEF DESCRIPTION",
            "ESTIMATED LODGING PERIOD"
        ]
    );
    assert_eq!(p12[0].rows.len(), 5);
}

#[test]
fn seed_003_three_progress_tables() {
    let l = read(S003);
    let p1 = tables(&l, 1);
    assert_eq!(
        header(p1[0]),
        [
            "Initiative",
            "Progress in 2020",
            "Status",
            "Lead Service / Directorate",
            "Reference",
            "Project / BAU"
        ]
    );
    assert_eq!(p1[0].rows.len(), 5);
    // Single Parent Component: no status, lead service, reference or type.
    let sp = &p1[0].rows[4];
    assert!(sp.cells[0].starts_with("Single Parent Component"));
    assert!(sp.cells[2..].iter().all(String::is_empty));
    let dept: usize = [2, 3].iter().map(|&p| tables(&l, p)[0].rows.len()).sum();
    assert_eq!(dept, 15);
    assert_eq!(tables(&l, 4)[0].rows.len(), 7);
}

#[test]
fn seed_004_fourteen_columns_every_page() {
    let l = read(S004);
    assert_eq!(l.pages, Some(20));
    // Page 1: the status legend as a table whose first column is labels.
    let legend = tables(&l, 1);
    assert_eq!(legend.len(), 1);
    let labels: Vec<&str> = legend[0].rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "On Track",
            "Medium progress",
            "Significant issues / slippage",
            "Not due to start",
            "Complete",
            "Closed",
            "N/A",
            "On hold"
        ]
    );
    let mut rows = 0;
    for page in 2..=20u32 {
        let t = tables(&l, page);
        assert_eq!(t.len(), 1, "page {page}");
        assert_eq!(t[0].width(), 14, "page {page}");
        rows += t[0].rows.len();
    }
    assert_eq!(rows, 118);
    let p2 = tables(&l, 2);
    let h = header(p2[0]);
    assert_eq!(h[0], "Workstream");
    assert_eq!(h[1], "Ref");
    assert_eq!(h[10], "Status (December 2023)");
    assert_eq!(h[12], "Status (January 2024)");
    assert_eq!(h[6], "Update Owner (if different)");
    assert_eq!(p2[0].rows[0].cells[1], "OC.A2.0");
    assert_eq!(p2[0].rows[1].cells[7], "Dec-22");
    // The theme bar is a heading before the table; group labels are kept
    // in a warning.
    assert!(texts(&l, 2)
        .iter()
        .any(|t| t.text.starts_with("Theme 1") && t.heading.is_some()));
    assert!(l
        .warnings
        .iter()
        .any(|w| w.code == plantab_model::WarningCode::HeaderGroup
            && w.page() == Some(2)
            && w.message.contains("Static data")));
}

#[test]
fn own_document_other_ids_other_producer() {
    let l = read("reader/harbours_plan.pdf");
    let all: Vec<&TableFragment> = l
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(all.len(), 1);
    let t = all[0];
    assert_eq!(
        header(t),
        ["Ref", "Key Action", "Description", "Due date", "Status"]
    );
    assert_eq!(t.rows.len(), 6);
    assert!(t.rows[0].spanning && t.rows[3].spanning);
    assert_eq!(
        t.rows[0].cells,
        ["HB-A Keep the harbours safe and open all year"]
    );
    let statuses: Vec<&str> = t
        .rows
        .iter()
        .filter(|r| !r.spanning)
        .map(|r| r.cells[4].as_str())
        .collect();
    assert_eq!(
        statuses,
        ["On Track", "Delayed", "Complete", "Not\nstarted"]
    );
    assert!(t.rows[1].cells[2].ends_with("\n- survey the basin\n- let the dredging contract"));
}

#[test]
fn errors_are_named() {
    let e = plantab_pdf::read_pdf(b"").unwrap_err();
    assert_eq!(e.code().as_str(), "malformed");
    let e = plantab_pdf::read_pdf(b"hello, this is not a pdf").unwrap_err();
    assert_eq!(e.code().as_str(), "malformed");
    assert!(e.reason().contains("not a PDF"));
    // A truncated seed: repaired or malformed, never a panic.
    let bytes = fixture(S003);
    for cut in [10, 200, bytes.len() / 3, bytes.len() / 2, bytes.len() - 100] {
        match plantab_pdf::read_pdf(&bytes[..cut]) {
            Ok(l) => assert_eq!(l.format, plantab_model::SourceFormat::Pdf),
            Err(e) => assert!(
                ["malformed", "no_text_layer"].contains(&e.code().as_str()),
                "{e}"
            ),
        }
    }
}

#[test]
fn debug_page_shows_grid_and_rows() {
    let s = plantab_pdf::debug_page(&fixture(S000), 3).unwrap();
    assert!(s.contains("column bounds:"));
    assert!(s.contains("header: [\"December Status vs By When\""));
    assert!(s.contains("\"Delayed\", \"31-Dec\""));
    assert_eq!(
        plantab_pdf::debug_page(&fixture(S000), 99)
            .unwrap_err()
            .code()
            .as_str(),
        "malformed"
    );
}

/// Pages read in parallel give the very layout pages read one after
/// another: same blocks in the same order, same warnings (every seed, the
/// 33-page business plan and the 20-page tracker among them).
#[test]
fn parallel_pages_give_the_same_layout() {
    for name in [
        "000_10d08a98e15f6a96.pdf",
        "001_8716d6a5475247b4.pdf",
        "002_5028bfdfd469f7ca.pdf",
        "003_c94608ba926f5920.pdf",
        "004_74a441625af668df.pdf",
    ] {
        let bytes = fixture(name);
        let options = |parallel_pages| plantab_pdf::ReadOptions {
            limits: plantab_pdf::Limits::default(),
            parallel_pages,
            ..Default::default()
        };
        let one_by_one = plantab_pdf::read_pdf_with_options(&bytes, &options(false)).unwrap();
        let parallel = plantab_pdf::read_pdf_with_options(&bytes, &options(true)).unwrap();
        assert!(one_by_one.pages.unwrap_or(0) > 1, "{name}");
        assert_eq!(one_by_one, parallel, "{name}");
    }
}
