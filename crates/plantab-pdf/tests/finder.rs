//! Tables without a full grid, on PDFs of our own making
//! (fixtures/pdf/finder/*.html printed by LibreOffice with make_finder.py;
//! LibreOffice puts an empty page 1 before the content, so everything is on
//! page 2). Each grid below was checked by hand against the rendered page
//! and `pdftotext -layout`.
//!
//! Also: the ICDAR 2013 EU set (`shared/corpus/external/icdar2013-eu`
//! beside the checkout or a folder above it, kept out of the repository)
//! scored with the competition metric by the python scorer; skipped with a
//! notice on stderr when the corpus or python3 is absent, failed when the
//! corpus is there without the set or the scorer.

use plantab_model::{Block, Layout, TableFragment, TextBlock};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(name: &str) -> Layout {
    let p = root().join("fixtures/pdf/finder").join(name);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    plantab_pdf::read_pdf(&bytes).unwrap()
}

fn tables(l: &Layout) -> Vec<&TableFragment> {
    l.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn texts(l: &Layout) -> Vec<&TextBlock> {
    l.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn header(t: &TableFragment) -> Vec<&str> {
    t.header
        .as_ref()
        .expect("a header")
        .iter()
        .map(String::as_str)
        .collect()
}

fn row(t: &TableFragment, i: usize) -> Vec<&str> {
    t.rows[i].cells.iter().map(String::as_str).collect()
}

/// Position of the first block whose text contains `needle`.
fn pos_text(l: &Layout, needle: &str) -> usize {
    l.blocks
        .iter()
        .position(|b| matches!(b, Block::Text(t) if t.text.contains(needle)))
        .unwrap_or_else(|| panic!("no text {needle:?}"))
}

fn pos_table(l: &Layout, k: usize) -> usize {
    l.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Table(_)))
        .nth(k)
        .unwrap()
        .0
}

#[test]
fn ruled_only_horizontally() {
    let l = read("hrule_only.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(t.page, Some(2));
    assert_eq!(header(t), ["Work", "Budget", "Due", "Lead"]);
    assert_eq!(t.rows.len(), 5);
    assert_eq!(
        row(t, 0),
        ["Quay wall repair", "4.2", "Q3 2025", "Marine unit"]
    );
    assert_eq!(
        row(t, 1),
        ["Dredging of berth 4", "1.8", "Q1 2026", "Operations"]
    );
    assert_eq!(
        row(t, 4),
        ["Fender upgrade", "0.7", "Q2 2025", "Operations"]
    );
    // The prose above and below stays text, in reading order.
    assert!(pos_text(&l, "The table below lists") < pos_table(&l, 0));
    assert!(pos_text(&l, "Budgets are in millions") > pos_table(&l, 0));
}

#[test]
fn unruled_with_a_wrapped_cell() {
    let l = read("unruled.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(header(t), ["Branch", "Visitors", "Proposed change"]);
    assert_eq!(t.rows.len(), 4);
    // Wrapped over two lines, still one cell.
    assert_eq!(row(t, 0)[..2], ["Northgate", "48,210"]);
    assert_eq!(
        row(t, 0)[2].replace('\n', " "),
        "Open on Sunday afternoons from April and move the children's corner next to the reading room"
    );
    assert_eq!(
        row(t, 3),
        ["Hillcrest", "9,065", "Mobile library visits twice a week"]
    );
    assert!(texts(&l)
        .iter()
        .any(|b| b.text.starts_with("Each branch library was asked")));
}

#[test]
fn two_tables_on_one_page() {
    let l = read("two_tables.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 2);
    assert_eq!(header(t[0]), ["Plant", "Samples", "Failures"]);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(row(t[0], 2), ["Southbank", "144", "5"]);
    assert_eq!(
        header(t[1]),
        ["Plant", "Operators", "Engineers", "Chemists"]
    );
    assert_eq!(t[1].rows.len(), 4);
    assert_eq!(row(t[1], 3), ["Total", "44", "9", "5"]);
    // The paragraph between them is text, between them.
    let between = pos_text(&l, "Staffing at the same plants");
    assert!(pos_table(&l, 0) < between && between < pos_table(&l, 1));
}

#[test]
fn two_row_header_with_a_group_label() {
    let l = read("multi_header.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let t = t[0];
    // "Region" and "Projects" span both header rows; LibreOffice prints the
    // group label "Grants paid" over the 2024 column only, so that is where
    // it lands.
    let h = header(t);
    assert_eq!(h.len(), 4);
    assert_eq!(h[0], "Region");
    assert_eq!(h[1], "2023");
    assert!(
        h[2].contains("Grants paid") && h[2].ends_with("2024"),
        "{h:?}"
    );
    assert_eq!(h[3], "Projects");
    assert_eq!(t.rows.len(), 4);
    assert_eq!(row(t, 0), ["Lakeland", "12.5", "14.1", "37"]);
    assert_eq!(row(t, 3), ["Uplands", "4.4", "5.2", "12"]);
}

#[test]
fn table_after_a_column_of_prose() {
    // LibreOffice stacks the two layout cells, so the table follows a
    // narrow column of prose rather than sitting beside it.
    let l = read("beside_prose.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    assert_eq!(header(t[0]), ["Vehicle", "2025", "2026"]);
    assert_eq!(t[0].rows.len(), 3);
    assert_eq!(row(t[0], 0), ["Refuse lorry", "3", "2"]);
    assert!(texts(&l).iter().any(|b| b
        .text
        .contains("The council runs a fleet of refuse lorries")));
    // No prose line became a table row.
    assert!(t[0]
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| !c.contains("council"))));
}

/// Writes per-page tables (all grid rows, explicit cell spans) as the
/// scorer's JSON.
/// Prose set in two columns (a borderless layout table in the source) is
/// told from a table: no fragment, every paragraph kept as text.
#[test]
fn two_column_prose_is_not_a_table() {
    let l = read("two_column_prose.pdf");
    assert!(tables(&l).is_empty(), "{:?}", tables(&l));
    let all: String = texts(&l)
        .iter()
        .map(|t| t.text.replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "The council's improvement programme entered its",
        "Progress has been uneven.",
        "warmly acknowledged here.",
        "theme on a single page.",
    ] {
        assert!(all.contains(needle), "{needle:?} missing from {all:?}");
    }
}

fn predict(pdf: &Path) -> serde_json::Value {
    use plantab_pdf::GlyphSource;
    let bytes = std::fs::read(pdf).unwrap();
    let mut out = Vec::new();
    if let Ok((src, _)) = plantab_pdf::open(&bytes) {
        for i in 0..src.page_count() {
            let Ok(g) = src.page(i) else { continue };
            let a = plantab_pdf::analyse(&g);
            for t in &a.tables {
                let cells: Vec<serde_json::Value> = t
                    .grid
                    .cells
                    .iter()
                    .zip(&t.cell_lines)
                    .filter(|(_, l)| !l.is_empty())
                    .map(|(c, l)| {
                        serde_json::json!({"row": c.row, "col": c.col, "row_span": c.row_span,
                            "col_span": c.col_span, "text": plantab_pdf::table::cell_text(l)})
                    })
                    .collect();
                out.push(serde_json::json!({"pages": [a.number], "cells": cells}));
            }
        }
    }
    serde_json::json!({ "tables": out })
}

#[test]
fn icdar_2013_eu_floor() {
    // Notices go straight to stderr: `cargo test` captures `eprintln!`.
    use std::io::Write;
    let notice = |line: &str| {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    };
    let Some(shared) = root()
        .ancestors()
        .skip(1)
        .map(|p| p.join("shared"))
        .find(|p| p.join("corpus").is_dir())
    else {
        notice("SKIPPED icdar_2013_eu_floor: no shared/corpus beside the checkout");
        return;
    };
    let data = shared.join("corpus/external/icdar2013-eu");
    let scorer = shared.join("tools/icdar/icdar_score.py");
    assert!(
        data.is_dir() && scorer.is_file(),
        "{} is there without the ICDAR 2013 EU set or its scorer",
        shared.display()
    );
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        notice("SKIPPED icdar_2013_eu_floor: python3 not found (it runs the scorer)");
        return;
    }
    let out = std::env::temp_dir().join(format!("plantab-icdar-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    for e in std::fs::read_dir(&data).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "pdf") {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            std::fs::write(out.join(format!("{stem}.json")), predict(&p).to_string()).unwrap();
        }
    }
    let score = |strict: bool| -> f64 {
        let json = out.join(if strict {
            "strict.json"
        } else {
            "default.json"
        });
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&scorer)
            .arg(&out)
            .arg(&data)
            .arg("--json")
            .arg(&json);
        if strict {
            cmd.arg("--strict");
        }
        let st = cmd.output().unwrap();
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        v["summary"]["mean_f1"].as_f64().unwrap()
    };
    let (d, s) = (score(false), score(true));
    let _ = std::fs::remove_dir_all(&out);
    eprintln!("ICDAR 2013 EU mean per-document F1: default {d:.3}, strict {s:.3}");
    // Measured 0.962 / 0.960 (bench/icdar.sh); camelot lattice 0.709 / 0.699.
    assert!(d >= 0.94, "default F1 {d:.3}");
    assert!(s >= 0.93, "strict F1 {s:.3}");
}

/// Chromium fixtures (see make_finder.py): content on page 1.
#[test]
fn a_chart_is_not_a_table_and_small_print_keeps_its_spaces() {
    let l = read("chart_and_small_print.pdf");
    let t = tables(&l);
    // Only the payments table: the chart's gridlines, tick labels (0..400,
    // Jan-10..Dec-10) and legend make none.
    assert_eq!(t.len(), 1, "{t:?}");
    let t = t[0];
    assert!(t
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| !c.contains("Jan-10") && c != "350")));
    let all: Vec<Vec<&str>> = (0..t.rows.len()).map(|i| row(t, i)).collect();
    // Four columns, names with their spaces, the amount in its own column
    // although "TRAVEL AND LODGING" fills its column up to it.
    assert!(all.contains(&vec!["AALAEI, BEHZAD", "HIGHLAND, IN", "MEALS", "$51.24"]));
    assert!(
        all.contains(&vec![
            "BAIN, J MATTHEW",
            "SAINT PAUL, MN",
            "TRAVEL AND LODGING",
            "$66.12"
        ]),
        "{all:?}"
    );
    assert!(texts(&l).iter().any(|b| b.text.contains("Figure 1 shows")));
}

/// The tables of a layout after fragments are joined.
fn rebuilt_tables(l: Layout) -> Vec<plantab_model::RebuiltTable> {
    plantab_tables::rebuild(l)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            plantab_model::RebuiltBlock::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn a_header_printed_on_every_page_is_one_header() {
    let bytes = std::fs::read(root().join("fixtures/pdf/finder/repeated_header.pdf")).unwrap();
    let t = rebuilt_tables(plantab_pdf::read_pdf(&bytes).unwrap());
    assert_eq!(t.len(), 1);
    let t = &t[0];
    assert_eq!(t.pages, [1, 2]);
    assert_eq!(t.header, ["Contributor", "Town", "State", "Amount"]);
    // Donor 01 .. Donor 90, the header row on page 2 dropped.
    assert_eq!(t.rows.len(), 90);
    assert_eq!(t.rows[0].cells, ["Donor 01", "Hudson", "MN", "101.00"]);
    assert_eq!(t.rows[89].cells, ["Donor 90", "Lakeland", "MN", "190.00"]);
    assert!(t.rows.iter().all(|r| r.cells[0] != "Contributor"));
}

/// All rows of a table, the header rows (when found) first.
fn all_rows(t: &TableFragment) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    if let Some(h) = &t.header {
        out.push(h.iter().map(String::as_str).collect());
    }
    out.extend(
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect()),
    );
    out
}

#[test]
fn ruled_only_after_the_first_column() {
    // Checked on the page image: two tables whose only vertical ruling is
    // the one after the row labels (horizontal rules above and under the
    // header and at the foot); the second has its body ruled as one row,
    // its lines broken by <br>. The columns right of the ruling are text
    // columns.
    let l = read("first_column_ruled.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 2);
    let a = all_rows(t[0]);
    assert!(a.iter().all(|r| r.len() == 5), "{a:?}");
    assert_eq!(
        a[0][1..],
        ["Count", "Share", "Mean spend", "Share of grant"]
    );
    assert!(a.contains(&vec!["Roof and gutters", "412", "38.1", "5210", "64.0%"]));
    assert!(a.contains(&vec!["Damp treatment", "143", "13.2", "2490", "30.6%"]));
    assert!(a.contains(&vec!["Total", "1081", "100.0", "4680", "57.5%"]));
    let b = all_rows(t[1]);
    assert!(b.iter().all(|r| r.len() == 4), "{b:?}");
    assert_eq!(b[0], ["Works carried out", "Count", "Share", "Cumulative"]);
    assert!(b.contains(&vec!["2", "318", "29.4", "76.8"]));
    assert!(b.contains(&vec!["4 or more", "82", "7.6", "100.0"]));
    assert!(pos_text(&l, "Source: repair grant") > pos_table(&l, 0));
}

#[test]
fn a_budget_header_block_over_a_gap_is_the_tables_header() {
    // Checked on the page image: a title bar ("Budget 2025-2026" ...
    // "(In millions of euro)"), group labels Plan and Non-Plan over
    // Revenue / Capital / Total each, wrapped "Total Plan & / Non-Plan"
    // and "Page No.", all plain but the title and group labels; a rule
    // under the header, a blank line, then nine rows of amounts (ministry
    // rows bold, nil amounts "..."). One table, the header rows its
    // header, the first bold row a body row.
    let l = read("budget_header_block.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1, "{t:?}");
    let t = t[0];
    let h = header(t);
    assert_eq!(h.len(), 9, "{h:?}");
    assert_eq!(h[0], "Department/Vote");
    assert_eq!(h[1], "Revenue");
    assert_eq!(h[3], "Total");
    assert_eq!(h[8], "Page No.");
    assert_eq!(t.rows.len(), 9);
    assert_eq!(
        row(t, 0),
        [
            "REGIONAL AFFAIRS",
            "1210.40",
            "86.60",
            "1297.00",
            "342.15",
            "12.05",
            "354.20",
            "1651.20",
            ""
        ]
    );
    assert_eq!(
        row(t, 1),
        [
            "1. Rural roads",
            "820.25",
            "51.75",
            "872.00",
            "210.40",
            "8.00",
            "218.40",
            "1090.40",
            "4-9"
        ]
    );
    assert_eq!(
        row(t, 4),
        [
            "3. Railways",
            "1460.00",
            "705.00",
            "2165.00",
            "402.10",
            "...",
            "402.10",
            "2567.10",
            "15-22"
        ]
    );
    assert_eq!(
        row(t, 8),
        [
            "6. Public health",
            "840.50",
            "22.50",
            "863.00",
            "502.65",
            "6.25",
            "508.90",
            "1371.90",
            "36-40"
        ]
    );
    assert!(pos_text(&l, "Amounts of the departments") > pos_table(&l, 0));
}

// Fixtures written by `make_raw.py` (content on page 1).

#[test]
fn a_snaked_list_is_one_table_read_group_after_group() {
    // snaked.pdf: districts 1-24 in the left group of three columns,
    // 25-40 in the right group (checked on the page image).
    let l = read("snaked.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 2, "one fragment per group");
    assert_eq!(t[0].rows.len(), 24);
    assert_eq!(t[1].rows.len(), 16);
    assert_eq!(row(t[0], 0), ["1", "Abbey", "1,200"]);
    assert_eq!(row(t[0], 23), ["24", "Yarrow", "2,051"]);
    assert_eq!(row(t[1], 0), ["25", "Abbotsford", "2,088"]);
    assert_eq!(row(t[1], 15), ["40", "Queensway", "2,643"]);
    // Rebuilt: one table of 40 rows in the list's order.
    let t = rebuilt_tables(l);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].header.len(), 3);
    assert_eq!(t[0].rows.len(), 40);
    assert_eq!(t[0].rows[24].cells, ["25", "Abbotsford", "2,088"]);
    assert_eq!(t[0].rows[39].cells, ["40", "Queensway", "2,643"]);
}

#[test]
fn a_cell_wrapped_longer_than_its_row_stays_in_the_row() {
    // tall_last_cell.pdf: rules between rows only; the last row's Remarks
    // wrap over five lines, closed by the bottom rule.
    let l = read("tall_last_cell.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(header(t), ["Site", "Inspector", "Remarks"]);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        row(t, 2),
        [
            "East works",
            "M. Novak",
            "Drainage blocked at the\nsouth gate; contractor\nasked to clear it\nbefore the next visit\nin March"
        ]
    );
    // The note under the table stays text.
    assert!(texts(&l)
        .iter()
        .any(|b| b.text.contains("Inspections are made every quarter")));
    assert!(!texts(&l).iter().any(|b| b.text.contains("in March")));
}

#[test]
fn borders_drawn_as_thin_polygons_are_rulings() {
    // polygon_rules.pdf: the Contract No. column's borders are six-corner
    // filled paths; its cells are cells like the others.
    let l = read("polygon_rules.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(
        header(t),
        ["No.", "Supplier", "Contract No.", "Amount", "Signed"]
    );
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        row(t, 0),
        [
            "1",
            "Harbour Motors",
            "TSP/G-1/Lot 1",
            "902,418.00",
            "13-Sep-11"
        ]
    );
    assert_eq!(
        row(t, 2),
        [
            "3",
            "Allied Tools",
            "TSP/G-4/Lot 1",
            "198,770.00",
            "12-Sep-11"
        ]
    );
}

#[test]
fn rows_in_a_box_ruled_only_around_them_are_rows() {
    // boxed_rows.pdf: six expenses in a box ruled around its edges and
    // once across, each description on two lines beside one-line fields.
    let l = read("boxed_rows.pdf");
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let rows = all_rows(t[0]);
    assert_eq!(rows.len(), 7, "the header and six expenses");
    assert_eq!(
        rows[0],
        ["DOC NO.", "DATE", "PAYEE", "DESCRIPTION", "AMOUNT"]
    );
    assert_eq!(
        rows[1],
        [
            "EX0101",
            "03/04/2024",
            "RAIL CARD ACCOUNT",
            "STAFF TRAVEL\nRAIL FARE LEEDS TO YORK AND RETURN",
            "120.40"
        ]
    );
    assert_eq!(
        rows[6],
        [
            "EX0106",
            "05/28/2024",
            "TRAVEL CARD",
            "MINISTER'S TRAVEL\nAIRFARE LONDON TO CARDIFF",
            "205.75"
        ]
    );
    assert_eq!(rows[4][4], "22.50");
    // EX0103's description runs on past the amount column's edge: that
    // row keeps its description and amount in one cell (not yet split).
    assert_eq!(rows[3][..3], ["EX0103", "04/02/2024", "TRAVEL CARD"]);
}
