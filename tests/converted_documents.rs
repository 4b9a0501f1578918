//! Documents of our own in other governments' conventions, written as
//! converters print them (`fixtures/text/own/`): an LLM converter's
//! markdown (Scottish Government), pandoc markdown with grid tables (a New
//! Zealand regional council), an HTML progress table with rowspans (a US
//! state agency) and a paginated HTML export (a US federal agency). Every
//! fact is as printed in the file.
//!
//! The column-role vocabulary is being rebuilt elsewhere: owners are
//! checked as a value of the record's fields (whatever key the column
//! gets), and where today's roles give no records (the US state table's
//! "Strategy No." / "Strategy" columns) the table as read is checked.

use plantab_e2e::*;
use plantab_model::{DateKind, DocumentKind, Joined, Record, RecordKind, StatusCode, TableKind};

fn own(name: &str) -> plantab_model::Document {
    extract(&fixture(&format!("text/own/{name}")))
}

/// Whether any field of the record holds `value` (the owner column's key
/// is not asserted).
fn has_field_value(r: &Record, value: &str) -> bool {
    r.fields.values().any(|v| v == value)
}

fn status_raw(r: &Record) -> &str {
    r.status.last().map_or("", |s| s.raw.as_str())
}

#[test]
fn scottish_action_plan_from_an_llm_converter() {
    let doc = own("scot_digital_skills_llm.md");
    assert_eq!(
        doc.document.title.as_deref(),
        Some("Digital Skills Action Plan 2024–2026: Progress Report")
    );
    assert_eq!(doc.document.kind, DocumentKind::ProgressReport);
    // <!-- Page 2 --> … <!-- Page 4 -->.
    assert_eq!(doc.source.pages, Some(4));
    let ids: Vec<&str> = doc.records.iter().filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(
        ids,
        [
            "DS 1.1", "DS 1.2", "DS 1.3", "DS 1.4", "DS 1.5", "DS 2.1", "DS 2.2", "DS 2.3",
            "DS 2.4", "DS 2.5"
        ]
    );
    assert!(doc.records.iter().all(|r| r.kind == RecordKind::Action));
    // Theme 1 is printed over pages 2 and 3, its header repeated on 3.
    let actions: Vec<_> = tables_of_kind(&doc, TableKind::Actions);
    assert_eq!(actions.len(), 2);
    assert_eq!(
        actions[0].section.as_deref(),
        Some("Theme 1: Digital skills for everyone")
    );
    assert_eq!(actions[0].rows.len(), 5);
    assert_eq!(actions[0].pages, [2, 3]);
    assert_eq!(
        actions[1].section.as_deref(),
        Some("Theme 2: A digitally skilled public sector")
    );
    assert_eq!(actions[1].rows.len(), 5);
    assert_eq!(actions[1].pages, [3]);

    let a11 = rec(&doc, "DS 1.1");
    assert!(a11
        .title
        .as_deref()
        .unwrap()
        .starts_with("Publish a national framework of essential digital skills for adults"));
    assert_eq!(
        date(&a11.due),
        (DateKind::Date, Some("2025-03-31"), Some("2025-03-31"))
    );
    assert_eq!(status_raw(a11), "Complete");
    assert!(has_field_value(a11, "Learning Directorate"));
    assert_eq!(a11.provenance.pages, [2]);
    // The link keeps its text, not its address.
    let a12 = rec(&doc, "DS 1.2");
    assert_eq!(
        a12.title.as_deref(),
        Some("Fund 5,000 free places on basic digital courses through Scotland's colleges")
    );
    assert_eq!(
        date(&a12.due),
        (DateKind::Month, Some("2025-12-01"), Some("2025-12-31"))
    );
    assert!(has_field_value(
        a12,
        "Fair Work and Employability Directorate"
    ));
    // An escaped pipe inside the cell; emphasis markers removed.
    let a13 = rec(&doc, "DS 1.3");
    assert_eq!(
        a13.title.as_deref(),
        Some("Extend the Connecting Scotland device scheme to care leavers | young carers")
    );
    assert_eq!(
        date(&a13.due),
        (DateKind::Quarter, Some("2025-04-01"), Some("2025-06-30"))
    );
    assert_eq!(status_raw(a13), "Delayed");
    let a14 = rec(&doc, "DS 1.4");
    assert_eq!(a14.provenance.pages, [3]);
    assert_eq!(status_raw(a14), "On track");
    assert_eq!(
        a14.section.as_deref(),
        Some("Theme 1: Digital skills for everyone")
    );
    assert_eq!(date(&rec(&doc, "DS 2.5").due).0, DateKind::Year);
    assert!(has_field_value(rec(&doc, "DS 2.5"), "Third Sector Unit"));
    // The foreword: three complete, five on track, two delayed.
    let counts = latest_status_counts(&doc);
    assert_eq!(counts.get(&StatusCode::Complete), Some(&3));
    assert_eq!(counts.get(&StatusCode::OnTrack), Some(&5));
    assert_eq!(counts.get(&StatusCode::Delayed), Some(&2));
}

#[test]
fn new_zealand_plan_in_pandoc_grid_tables() {
    let doc = own("nz_water_services_pandoc.md");
    assert_eq!(
        doc.document.title.as_deref(),
        Some("Water Services Delivery Plan 2024–2027")
    );
    // Its subtitle: "Quarterly progress report to 31 March 2025" — a
    // progress report on the plan, one status per action.
    assert_eq!(doc.document.kind, DocumentKind::ProgressReport);
    assert_eq!(doc.source.pages, None);
    let actions: Vec<&Record> = doc
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::Action)
        .collect();
    let ids: Vec<&str> = actions.iter().filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(
        ids,
        ["WS-A1", "WS-A2", "WS-A3", "WS-B1", "WS-B2", "WS-B3", "WS-B4"]
    );
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].section.as_deref(), Some("Actions"));
    // Two theme rows printed across the table, seven actions.
    assert_eq!(doc.tables[0].rows.len(), 9);
    let a1 = rec(&doc, "WS-A1");
    // A wrapped cell unwrapped.
    assert_eq!(
        a1.title.as_deref(),
        Some("Install UV treatment at the Kaiwharawhara plant")
    );
    assert!(has_field_value(a1, "Water Supply Operations"));
    assert_eq!(
        date(&a1.due),
        (DateKind::Date, Some("2025-06-30"), Some("2025-06-30"))
    );
    assert_eq!(status_raw(a1), "On track");
    let a2 = rec(&doc, "WS-A2");
    assert!(a2
        .title
        .as_deref()
        .unwrap()
        .starts_with("Replace 12 km of asbestos-cement mains:"));
    // "31 December" / "2025" wrapped in the Due cell.
    assert_eq!(
        date(&a2.due),
        (DateKind::Date, Some("2025-12-31"), Some("2025-12-31"))
    );
    assert_eq!(status_raw(a2), "At risk");
    assert_eq!(status_raw(rec(&doc, "WS-A3")), "Achieved");
    let b4 = rec(&doc, "WS-B4");
    assert_eq!(
        b4.title.as_deref(),
        Some("Agree a joint overflow reduction programme with mana whenua")
    );
    assert!(has_field_value(b4, "Wastewater Operations"));
    assert_eq!(date(&b4.due).1, Some("2024-12-31"));
    assert_eq!(
        actions
            .iter()
            .filter(|r| status_raw(r) == "On track")
            .count(),
        4
    );
}

#[test]
fn us_state_progress_table_with_rowspans() {
    let doc = own("us_state_parks_progress.html");
    // The <h1> prints two lines, "Strategic Plan 2024–2028" and
    // "Quarterly Progress Report, Q2 FY2025": a wrapped title kept whole.
    assert_eq!(
        doc.document.title.as_deref(),
        Some("Strategic Plan 2024–2028 Quarterly Progress Report, Q2 FY2025")
    );
    assert_eq!(doc.document.kind, DocumentKind::ProgressReport);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Department of Parks and Recreation")
    );
    // A page break before the second table, which repeats the header.
    assert_eq!(doc.source.pages, Some(2));
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.joined, Joined::Continued);
    assert_eq!(t.pages, [1, 2]);
    assert_eq!(
        t.section.as_deref(),
        Some("Table 1. Strategy status by goal")
    );
    let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
    // The two header rows merged: "Q2 FY2025 Progress" over Status and
    // Update (reported as header_group).
    assert_eq!(
        headers,
        [
            "Goal",
            "Strategy No.",
            "Strategy",
            "Responsible Division",
            "Target Date",
            "Status",
            "Update"
        ]
    );
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code.as_str() == "header_group"));
    assert_eq!(t.rows.len(), 7);
    let strategy_ids: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        strategy_ids,
        ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]
    );
    assert_eq!(
        t.rows[0],
        [
            "Goal 1: Protect natural and cultural resources",
            "1.1",
            "Complete the statewide inventory of historic structures",
            "Heritage & Archaeology",
            "06/30/2025",
            "In Progress",
            "212 of 340 structures surveyed."
        ]
    );
    // Rowspan cells: the text at the top-left slot, the covered slots empty,
    // the spans in `cells`.
    assert_eq!(t.rows[1][0], "");
    assert_eq!(t.rows[1][3], "");
    assert_eq!(t.rows[2][3], "Natural Resources");
    let span = |row: usize, col: usize| {
        t.cells
            .iter()
            .find(|c| c.row == row && c.col == col)
            .map(|c| (c.row_span, c.col_span))
    };
    assert_eq!(span(0, 0), Some((3, 1)), "Goal 1 over three strategies");
    assert_eq!(span(0, 3), Some((2, 1)), "Heritage & Archaeology over two");
    assert_eq!(span(3, 0), Some((2, 1)));
    assert_eq!(span(5, 0), Some((2, 1)), "Goal 3, after the page break");
    assert_eq!(t.rows[2][5], "Behind Schedule");
    assert_eq!(t.rows[3][6], "- 9 trailheads complete\n- 6 in design");
    assert_eq!(t.rows[5][2], "Raise concession revenue by 10 percent");
    assert_eq!(t.rows[6][6], "Published November 2024 (PDF).");
}

#[test]
fn us_federal_action_plan_exported_page_by_page() {
    let doc = own("us_federal_apg_docling.html");
    assert_eq!(
        doc.document.title.as_deref(),
        Some("FY 2024–2025 Agency Priority Goal Action Plan")
    );
    // One <div class='page'> per page; the table carries on on page 2
    // without repeating its header.
    assert_eq!(doc.source.pages, Some(2));
    let actions: Vec<_> = tables_of_kind(&doc, TableKind::Actions);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].pages, [1, 2]);
    assert_eq!(actions[0].joined, Joined::Continued);
    assert_eq!(actions[0].section.as_deref(), Some("Key milestones"));
    // Five milestones (the two strategy bars across the table besides).
    assert_eq!(actions[0].rows.len(), 7);
    let with_status: Vec<&Record> = doc
        .records
        .iter()
        .filter(|r| !r.status.is_empty())
        .collect();
    assert_eq!(with_status.len(), 5);
    let first = rec_titled(&doc, "Award the first round of state broadband grants");
    assert_eq!(
        date(&first.due),
        (DateKind::Month, Some("2023-12-01"), Some("2023-12-31"))
    );
    assert_eq!(status_raw(first), "Complete");
    assert!(has_field_value(first, "Grants Management Division"));
    assert_eq!(first.provenance.pages, [1]);
    let q2 = rec_titled(&doc, "Publish the second-round notice");
    assert_eq!(
        date(&q2.due),
        (DateKind::Quarter, Some("2024-04-01"), Some("2024-06-30"))
    );
    let verify = rec_titled(&doc, "Verify coverage claims");
    assert_eq!(status_raw(verify), "Delayed");
    assert_eq!(code(verify), StatusCode::Delayed);
    assert!(has_field_value(verify, "Mapping & Data Branch"));
    assert_eq!(verify.provenance.pages, [2]);
    let enroll = rec_titled(&doc, "Enroll 40,000 households");
    assert_eq!(status_raw(enroll), "On Track");
    assert_eq!(date(&enroll.due).1, Some("2025-09-01"));
    assert_eq!(enroll.provenance.pages, [2]);
}

/// The HTML source of `fixtures/pdf/reader/harbours_plan.pdf`, read as
/// HTML: the records the PDF gives (crates/plantab-pdf/tests/seeds.rs).
#[test]
fn html_source_of_a_pdf_fixture_gives_its_records() {
    let doc = extract(&fixture("pdf/reader/harbours_plan.html"));
    let ids: Vec<&str> = doc.records.iter().filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(
        ids,
        ["HB-A", "HB-A.01", "HB-A.02", "HB-B", "HB-B.01", "HB-B.02"]
    );
    assert_eq!(rec(&doc, "HB-A").kind, RecordKind::Priority);
    assert_eq!(
        rec(&doc, "HB-A").title.as_deref(),
        Some("Keep the harbours safe and open all year")
    );
    let a01 = rec(&doc, "HB-A.01");
    assert_eq!(a01.parent_id.as_deref(), Some("HB-A"));
    assert_eq!(a01.title.as_deref(), Some("Dredge the inner basin"));
    assert!(a01
        .description
        .as_deref()
        .unwrap()
        .ends_with("\n- survey the basin\n- let the dredging contract"));
    let statuses: Vec<&str> = ["HB-A.01", "HB-A.02", "HB-B.01", "HB-B.02"]
        .iter()
        .map(|id| status_raw(rec(&doc, id)))
        .collect();
    assert_eq!(statuses, ["On Track", "Delayed", "Complete", "Not started"]);
    assert_eq!(
        date(&rec(&doc, "HB-B.02").due),
        (DateKind::Quarter, Some("2026-01-01"), Some("2026-03-31"))
    );
}
