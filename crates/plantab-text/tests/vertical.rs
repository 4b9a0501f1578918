//! The vertical-records reader against the 003 seed (facts checked by hand
//! against the text and the PDF manifest) and against a document of our own
//! making in the same family (other sections, ids, leads and field order).

use plantab_model::{Block, FragmentRow, Layout, TableFragment, TextBlock};
use plantab_text::vertical::{looks_vertical, read_vertical, HEADER};
use std::collections::HashMap;

fn fixture(rel: &str) -> String {
    let path = format!("{}/../../fixtures/text/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn seed() -> String {
    fixture("003_c94608ba926f5920.txt")
}

fn own() -> String {
    fixture("own/vertical_business_plan.txt")
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

/// The row whose title starts with `prefix`.
fn row<'a>(l: &'a Layout, prefix: &str) -> &'a FragmentRow {
    let hits: Vec<&FragmentRow> = tables(l)
        .into_iter()
        .flat_map(|t| t.rows.iter())
        .filter(|r| r.cells[0].starts_with(prefix))
        .collect();
    assert_eq!(hits.len(), 1, "rows titled {prefix:?}");
    hits[0]
}

/// (status, lead service, reference, type) of a row.
fn fields(r: &FragmentRow) -> (&str, &str, &str, &str) {
    (&r.cells[2], &r.cells[3], &r.cells[4], &r.cells[5])
}

/// Every whitespace-separated word of `text`, as often as it occurs, is
/// found in the layout's block texts and cells.
fn assert_no_word_lost(text: &str, l: &Layout) {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for b in &l.blocks {
        match b {
            Block::Text(t) => t
                .text
                .split_whitespace()
                .for_each(|w| *have.entry(w).or_default() += 1),
            Block::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .flat_map(|c| c.split_whitespace())
                .for_each(|w| *have.entry(w).or_default() += 1),
            Block::Legend(_) => {}
        }
    }
    let mut want: HashMap<&str, usize> = HashMap::new();
    text.split_whitespace()
        .for_each(|w| *want.entry(w).or_default() += 1);
    for (w, n) in want {
        let got = have.get(w).copied().unwrap_or(0);
        assert!(got >= n, "word {w:?}: {n} in input, {got} in layout");
    }
}

#[test]
fn seed_is_detected_as_vertical_and_others_are_not() {
    assert!(looks_vertical(&seed()));
    assert!(looks_vertical(&own()));
    for other in [
        "000_10d08a98e15f6a96.txt",
        "001_8716d6a5475247b4.txt",
        "002_5028bfdfd469f7ca.txt",
        "004_74a441625af668df.txt",
    ] {
        assert!(!looks_vertical(&fixture(other)), "{other}");
    }
    let prose = "A Plain Report\n\nThis is an ordinary document.\n\nIt has paragraphs.\n\n\n\nAnd some gaps, but no records.\n\nClosing words here.\n";
    assert!(!looks_vertical(prose));
}

#[test]
fn seed_sections_headings_and_row_counts() {
    let l = read_vertical(&seed());
    assert_eq!(l.pages, None);
    let t = tables(&l);
    let counts: Vec<usize> = t.iter().map(|t| t.rows.len()).collect();
    assert_eq!(counts, vec![5, 15, 7]);
    for frag in &t {
        let header: Vec<&str> = frag
            .header
            .as_ref()
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(header, HEADER);
        assert!(frag.rows.iter().all(|r| r.cells.len() == 6 && !r.spanning));
        assert_eq!(frag.line, frag.rows[0].line);
    }

    let tx = texts(&l);
    let h1: Vec<&str> = tx
        .iter()
        .filter(|t| t.heading == Some(1))
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(
        h1,
        ["Customer and Local Services Departmental Annual Report 2020"]
    );
    let h2: Vec<(&str, Option<usize>)> = tx
        .iter()
        .filter(|t| t.heading == Some(2))
        .map(|t| (t.text.as_str(), t.line))
        .collect();
    assert_eq!(
        h2,
        [
            ("Government Plan initiatives", Some(7)),
            ("Departmental initiatives", Some(71)),
            ("Covid-19 initiatives", Some(263)),
        ]
    );
    // Intro prose stays prose, in reading order before its section's table.
    let order: Vec<String> = l
        .blocks
        .iter()
        .map(|b| match b {
            Block::Text(t) if t.heading.is_some() => format!("H{}", t.heading.unwrap()),
            Block::Text(_) => "P".to_string(),
            Block::Table(t) => format!("T{}", t.rows.len()),
            Block::Legend(_) => "L".to_string(),
        })
        .collect();
    assert_eq!(
        order,
        ["H1", "P", "H2", "P", "P", "T5", "H2", "P", "T15", "H2", "P", "T7"]
    );
    assert!(tx.iter().any(|t| t.heading.is_none()
        && t.line == Some(73)
        && t.text
            .starts_with("This table shows progress against the department's other")));
}

#[test]
fn seed_government_plan_records() {
    let l = read_vertical(&seed());
    let r = row(&l, "Care Needs at Home");
    assert_eq!(r.line, Some(13));
    assert_eq!(
        fields(r),
        (
            "Deferred",
            "Service Operations",
            "GP20-CSP4-3-01",
            "Project"
        )
    );
    assert!(r.cells[1].starts_with("The planned pilot of improved financial support"));

    let r = row(&l, "Implementing the Disability Strategy");
    assert_eq!(
        fields(r),
        ("In progress", "Local Services", "GP20-CSP4-3-02", "Project")
    );

    let r = row(&l, "Diffuse Mesothelioma Compensation Scheme");
    assert_eq!(
        fields(r),
        (
            "Complete",
            "Service Operations",
            "GP20-CSP4-1-01",
            "Business as usual"
        )
    );

    let r = row(&l, "Food Costs Bonus");
    assert_eq!(
        fields(r),
        (
            "Complete",
            "Service Operations",
            "GP20-CSP4-1-04",
            "Business as usual"
        )
    );

    // No fields at all; the next section heading is not taken as one.
    let r = row(&l, "Single Parent Component P.113/2017");
    assert_eq!(fields(r), ("", "", "", ""));
    assert!(r.cells[1].starts_with("Permanent funding for the single-parent component"));
    assert!(r.cells[1].ends_with("to a single parent receiving income support."));
    assert!(!r.cells[1].contains("Departmental initiatives"));
}

#[test]
fn seed_departmental_and_covid_records() {
    let l = read_vertical(&seed());
    let r = row(&l, "Complete the transformation of how our services");
    assert_eq!(r.line, Some(75));
    assert_eq!(
        fields(r),
        (
            "Delayed",
            "Customer Service and Customer Operations",
            "",
            "Project"
        )
    );

    let r = row(
        &l,
        "Continue engagement with Voluntary and Community Sector",
    );
    assert_eq!(fields(r), ("On Track", "Local Services", "", ""));

    // Two description paragraphs kept apart by "\n".
    let r = row(&l, "Continue to enhance the service offer");
    assert_eq!(fields(r), ("Delayed", "Local Services", "", "Project"));
    assert_eq!(r.cells[1].matches('\n').count(), 1);
    assert!(r.cells[1].ends_with("a digital record of all historic registers."));

    let r = row(
        &l,
        "Fully participate in, and support, Team Jersey activities",
    );
    assert_eq!(
        fields(r),
        ("On Track", "All CLS directorates", "", "Business as usual")
    );

    let r = row(&l, "Develop a 'One Front Door' approach with HCS");
    assert_eq!(
        fields(r),
        ("Deferred", "Customer Operations", "", "Project")
    );

    let r = row(
        &l,
        "Support the development and delivery of the Jersey Care Model",
    );
    assert_eq!(
        fields(r),
        ("On Track", "Customer Operations", "", "Project")
    );
    assert!(!r.cells[1].contains("Covid-19 initiatives"));

    // A title that starts with a status word is still a title.
    let r = row(&l, "Deferred Contributions");
    assert_eq!(r.line, Some(318));
    assert_eq!(
        fields(r),
        ("On Track", "Customer Operations", "", "Project")
    );

    let r = row(&l, "Covid-related Emergency Support Scheme (CRESS)");
    assert_eq!(
        fields(r),
        ("Complete", "Customer Operations", "", "Project")
    );

    let r = row(&l, "Community Task Force and Connect Me");
    assert_eq!(fields(r), ("On Track", "Local Services", "", "Project"));
    assert!(r.cells[1].contains("lockdown period.\n3,500 volunteers"));

    let r = row(&l, "Temporary Employee contributions reduction");
    assert_eq!(r.line, Some(342));
    assert_eq!(
        fields(r),
        ("On Track", "Customer Operations", "", "Project")
    );

    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn seed_header_labels_map_to_contract_keys() {
    let keys: Vec<&str> = HEADER
        .iter()
        .map(|h| plantab_vocab::match_header(h).unwrap().key)
        .collect();
    assert_eq!(
        keys,
        [
            "title",
            "description",
            "status",
            "lead_service",
            "reference",
            "type"
        ]
    );
}

#[test]
fn seed_loses_no_word() {
    let text = seed();
    assert_no_word_lost(&text, &read_vertical(&text));
}

#[test]
fn own_document_of_the_same_family() {
    let text = own();
    let l = read_vertical(&text);
    assert_no_word_lost(&text, &l);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);

    let counts: Vec<usize> = tables(&l).iter().map(|t| t.rows.len()).collect();
    assert_eq!(counts, vec![3, 4]);
    let tx = texts(&l);
    let heads: Vec<(Option<u8>, &str)> = tx
        .iter()
        .filter(|t| t.heading.is_some())
        .map(|t| (t.heading, t.text.as_str()))
        .collect();
    assert_eq!(
        heads,
        [
            (
                Some(1),
                "Health and Community Services Business Plan Progress Report 2022"
            ),
            (Some(2), "Business Plan priorities"),
            (Some(2), "Workforce and estates"),
        ]
    );

    // Reference, type, lead, status.
    let r = row(&l, "Expand community mental health support");
    assert_eq!(r.line, Some(12));
    assert_eq!(
        fields(r),
        (
            "On schedule",
            "Adult Mental Health Team",
            "BP22-HLT-07",
            "Programme"
        )
    );
    assert_eq!(
        r.cells[1],
        "Two new community wellbeing hubs opened in Northfield and Eastgate. Referral waiting times fell from nine weeks to four.\nA third hub is planned for the west of the county in 2023."
    );
    // Field lines with no blank lines between them.
    let r = row(&l, "Replace the patient administration system");
    assert_eq!(
        fields(r),
        ("Amber", "Digital Health Unit", "PRJ-114", "Project")
    );
    // No status line at all; the section heading after it is not a lead.
    let r = row(&l, "Review of respite care charging");
    assert_eq!(
        fields(r),
        ("", "Social Care Commissioning", "BP22-HLT-11", "Policy")
    );
    assert!(!r.cells[1].contains("Workforce"));

    // Lead, reference, status, type.
    let r = row(&l, "Recruit and retain overseas nurses");
    assert_eq!(r.line, Some(54));
    assert_eq!(
        fields(r),
        ("Completed", "Nursing Directorate", "2021/07", "BAU")
    );
    let r = row(&l, "Delayed discharge reduction scheme");
    assert_eq!(
        fields(r),
        (
            "Behind schedule",
            "Integrated Discharge Hub",
            "WF-2023.4",
            "Project (Stand-Alone)"
        )
    );
    let r = row(&l, "Refurbish the Ward 6 theatre suite");
    assert_eq!(
        fields(r),
        (
            "Delivered",
            "Estates and Facilities",
            "WF-2023.5",
            "Project"
        )
    );
    // Status then lead only, at the end of the file without a newline.
    let r = row(&l, "Staff wellbeing programme");
    assert_eq!(r.line, Some(97));
    assert_eq!(fields(r), ("Paused", "People Services", "", ""));
}

#[test]
fn lines_that_fit_nothing_or_repeat_a_field_are_kept_and_warned() {
    let text = "Annual Review 2031\n\nSection One\n\nIntro to section one.\n\n\
Build the river crossing\n\n\n\nPiling finished.\n\nDelayed\nRoads Team\nOn Track\n42\nBridge Office\nKX-9\n";
    let l = read_vertical(text);
    assert_no_word_lost(text, &l);
    let r = row(&l, "Build the river crossing");
    // First status and last lead win; the rest stays in the description.
    assert_eq!(fields(r), ("Delayed", "Bridge Office", "KX-9", ""));
    assert_eq!(r.cells[1], "Piling finished.\nRoads Team\nOn Track\n42");
    assert_eq!(l.warnings.len(), 3);
    assert!(l
        .warnings
        .iter()
        .all(|w| w.code == plantab_model::WarningCode::UnparsedText));
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "Only a title\n\n\n\n",
        "Title\r\n\r\n\r\n\r\nBody.\r\n\r\nDelayed\r\n",
    ] {
        let l = read_vertical(text);
        assert_no_word_lost(text, &l);
    }
    let l = read_vertical("Title\r\n\r\n\r\n\r\nBody.\r\n\r\nDelayed\r\n");
    let r = row(&l, "Title");
    assert_eq!(fields(r), ("Delayed", "", "", ""));
    assert_eq!(r.cells[1], "Body.");
}

#[test]
fn dispatcher_routes_the_seed_and_own_document_here() {
    use plantab_text::{detect_shape, TextShape};
    assert_eq!(detect_shape(&seed()), TextShape::Vertical);
    assert_eq!(detect_shape(&own()), TextShape::Vertical);
    assert_eq!(plantab_text::read_str(&seed()), read_vertical(&seed()));
}
