//! Layouts beyond one row per action (issue 13), on the documents of
//! `fixtures/layouts/`: facts checked by hand against the page images
//! (`pdftoppm -r 80`; the fills are those `make_layouts.py` prints).

use plantab_e2e::*;
use plantab_model::{CodeFrom, StatusCode};

/// (id, colour name, rgb, code) of a record's latest status.
fn colour_of(doc: &plantab_model::Document, id: &str) -> (String, String, StatusCode) {
    let s = rec(doc, id).status.last().expect("a status entry");
    let c = s.colour.as_ref().expect("a colour");
    (c.name.clone(), c.rgb.clone(), s.code)
}

#[test]
fn fill_only_statuses_take_their_code_from_the_swatch_legend() {
    let doc = extract(&fixture("layouts/colour_fill_only_tracker.pdf"));
    assert_eq!(doc.records.len(), 12);
    // The key above the table: green On track, amber Some slippage, red
    // Significant issues, blue Complete, each beside its swatch.
    let legend: Vec<(&str, &str, StatusCode)> = doc
        .document
        .status_legend
        .iter()
        .map(|e| {
            (
                e.label.as_str(),
                e.colour.as_ref().map_or("", |c| c.name.as_str()),
                e.code,
            )
        })
        .collect();
    assert_eq!(
        legend,
        [
            ("On track", "green", StatusCode::OnTrack),
            ("Some slippage", "amber", StatusCode::MediumProgress),
            ("Significant issues", "red", StatusCode::SignificantIssues),
            ("Complete", "blue", StatusCode::Complete),
        ]
    );
    for (id, name, rgb, code) in [
        ("1", "blue", "#0070c0", StatusCode::Complete),
        ("2", "green", "#00b050", StatusCode::OnTrack),
        ("3", "red", "#ff0000", StatusCode::SignificantIssues),
        ("5", "amber", "#ffc000", StatusCode::MediumProgress),
        ("12", "amber", "#ffc000", StatusCode::MediumProgress),
    ] {
        assert_eq!(colour_of(&doc, id), (name.into(), rgb.into(), code), "{id}");
        let s = rec(&doc, id).status.last().expect("a status");
        assert_eq!(s.raw, "", "{id}: nothing is printed in the cell");
        assert_eq!(s.code_from, Some(CodeFrom::Colour), "{id}");
    }
}

#[test]
fn status_words_on_fills_keep_their_colour() {
    let doc = extract(&fixture("layouts/colour_word_and_fill_plan.pdf"));
    assert_eq!(doc.records.len(), 8);
    for (id, name, code) in [
        ("IP1", "green", StatusCode::OnTrack),
        ("IP2", "amber", StatusCode::MediumProgress),
        ("IP4", "red", StatusCode::SignificantIssues),
        ("IP5", "blue", StatusCode::Complete),
        ("IP8", "grey", StatusCode::NotDueToStart),
    ] {
        let (got_name, _, got_code) = colour_of(&doc, id);
        assert_eq!((got_name.as_str(), got_code), (name, code), "{id}");
        let s = rec(&doc, id).status.last().expect("a status");
        assert_eq!(s.code_from, None, "{id}: the code is read from its words");
    }
    // The key table under the plan prints each word on its fill.
    let slippage = doc
        .document
        .status_legend
        .iter()
        .find(|e| e.label == "Slippage")
        .expect("Slippage in the key");
    assert_eq!(
        slippage.colour.as_ref().map(|c| c.name.as_str()),
        Some("amber")
    );
    // The text rendering has no colours.
    let md = extract(&fixture("layouts/colour_word_and_fill_plan_md.md"));
    assert!(md
        .records
        .iter()
        .all(|r| r.status.iter().all(|s| s.colour.is_none())));
}

#[test]
fn rows_under_headings_take_their_owner_and_workstream() {
    // Sub-headings '<workstream> – Lead <initials>' under bold headings.
    let doc = extract(&fixture("layouts/headings_lead_action_log.pdf"));
    assert_eq!(doc.records.len(), 14);
    let by_title = |start: &str| {
        doc.records
            .iter()
            .find(|r| r.title.as_deref().is_some_and(|t| t.starts_with(start)))
            .unwrap_or_else(|| panic!("no record {start:?}"))
    };
    let r = by_title("Draft the group's response to the");
    assert_eq!(r.fields.get("owner").map(String::as_str), Some("PM/RT"));
    assert_eq!(
        r.fields.get("workstream").map(String::as_str),
        Some("National Address Register")
    );
    let r = by_title("Ask the Land Registry for its");
    assert_eq!(r.fields.get("owner").map(String::as_str), Some("SO"));
    let r = by_title("Members to review the open requests");
    assert_eq!(r.fields.get("owner").map(String::as_str), Some("All"));
    // Under a heading with no lead line: no owner.
    let r = by_title("Circulate draft minutes of the twenty-second");
    assert_eq!(r.fields.get("owner"), None);
    assert_eq!(r.section.as_deref(), Some("Secretariat"));

    // 'Owner: …' lines under numbered headings.
    let doc = extract(&fixture("layouts/headings_owner_register.pdf"));
    let owner = |id: &str| rec(&doc, id).fields.get("owner").cloned();
    assert_eq!(
        owner("SSP-014").as_deref(),
        Some("Head of HR Shared Services")
    );
    assert_eq!(
        owner("SSP-022").as_deref(),
        Some("Director of Finance (with the Chief Information Officer)")
    );
    assert_eq!(
        owner("SSP-031").as_deref(),
        Some("Records Manager, Corporate Services")
    );
    assert_eq!(
        rec(&doc, "SSP-030").section.as_deref(),
        Some("3. Records management")
    );

    // '(Policy Lead - X)' in the heading bar; of two leads, the policy lead.
    let doc = extract(&fixture("layouts/headings_policy_lead_progress.pdf"));
    let owner_of = |start: &str| {
        doc.records
            .iter()
            .find(|r| r.title.as_deref().is_some_and(|t| t.starts_with(start)))
            .and_then(|r| r.fields.get("owner").cloned())
    };
    assert_eq!(
        owner_of("Consult on extending permitted").as_deref(),
        Some("MHCLG")
    );
    assert_eq!(
        owner_of("Issue simplified guidance").as_deref(),
        Some("BEIS")
    );
    assert_eq!(
        owner_of("Launch a single online service").as_deref(),
        Some("DIT")
    );
}

#[test]
fn headerless_boxes_in_markdown_keep_their_first_row() {
    // docling/marker write a headerless box's first row as the header line:
    // "| Circulate draft minutes … | New |" is an action, not a header.
    let doc = extract(&fixture("layouts/headings_lead_action_log_md.md"));
    assert_eq!(doc.records.len(), 14);
    let first = doc
        .records
        .iter()
        .find(|r| {
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Circulate draft minutes of the twenty-second"))
        })
        .expect("the box's first action");
    assert_eq!(first.section.as_deref(), Some("Secretariat"));
    assert_eq!(
        first.status.last().map(|s| s.code),
        Some(StatusCode::NewAction)
    );
    let r = doc
        .records
        .iter()
        .find(|r| {
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Draft the group's response"))
        })
        .expect("first action under the sub-heading");
    assert_eq!(r.fields.get("owner").map(String::as_str), Some("PM/RT"));

    let doc = extract(&fixture("layouts/headings_owner_register_md.md"));
    assert_eq!(doc.records.len(), 10);
    let r = rec(&doc, "SSP-014");
    assert_eq!(
        r.fields.get("owner").map(String::as_str),
        Some("Head of HR Shared Services")
    );
    // The 'Owner:' line is not the section.
    assert_eq!(r.section.as_deref(), Some("1. Payroll consolidation"));
}

#[test]
fn label_value_boxes_give_one_measure_per_box() {
    // Irish statement-of-strategy appendix: boxes of 'label | value' rows
    // (Indicator, Baseline, Target 2022, Outturn 2022, Status, Responsible
    // unit) under goal headings, one indicator a box; the same boxes as
    // marker writes them in markdown (the Indicator row as header line).
    for file in [
        "layouts/boxes_left_labels_strategy.pdf",
        "layouts/boxes_left_labels_strategy_md.md",
    ] {
        let doc = extract(&fixture(file));
        assert_eq!(doc.records.len(), 8, "{file}");
        let by_title = |start: &str| {
            doc.records
                .iter()
                .find(|r| r.title.as_deref().is_some_and(|t| t.starts_with(start)))
                .unwrap_or_else(|| panic!("{file}: no record {start:?}"))
        };
        let field = |r: &plantab_model::Record, k: &str| r.fields.get(k).cloned();
        for (title, baseline, target, actual, raw, code, owner, section) in [
            (
                "Number of towns with an approved",
                "14 (end 2021)",
                "26",
                "31",
                "Achieved",
                StatusCode::Delivered,
                "Town and Village Renewal Unit",
                "Goal 1: Vibrant and sustainable rural communities",
            ),
            (
                "Remote working hubs connected to the",
                "212 (end 2021)",
                "300",
                "284",
                "Partially achieved",
                StatusCode::PartiallyMet,
                "Rural Connectivity Unit",
                "Goal 1: Vibrant and sustainable rural communities",
            ),
            (
                "Share of Local Community Development Committee",
                "58%",
                "100%",
                "71%",
                "Not achieved",
                StatusCode::NotMet,
                "Local Development Policy Unit",
                "Goal 2: Strong and inclusive communities",
            ),
        ] {
            let r = by_title(title);
            assert_eq!(
                field(r, "baseline").as_deref(),
                Some(baseline),
                "{file} {title}"
            );
            assert_eq!(
                field(r, "target").as_deref(),
                Some(target),
                "{file} {title}"
            );
            assert_eq!(
                field(r, "actual").as_deref(),
                Some(actual),
                "{file} {title}"
            );
            assert_eq!(field(r, "owner").as_deref(), Some(owner), "{file} {title}");
            assert_eq!(r.section.as_deref(), Some(section), "{file} {title}");
            let s = r.status.last().expect("a status entry");
            assert_eq!((s.raw.as_str(), s.code), (raw, code), "{file} {title}");
        }
    }
}

#[test]
fn month_columns_give_one_plan_entry_per_filled_month() {
    // Annex B of the publication plan: Commitment | Lead | Dec-2010 …
    // Jun-2011, a planned step in some cells (page 1, checked on the page
    // image), the same grid as a docling pipe table.
    for file in [
        "layouts/period_months_publication_plan.pdf",
        "layouts/period_months_publication_plan_md.md",
    ] {
        let doc = extract(&fixture(file));
        assert_eq!(doc.records.len(), 10, "{file}");
        let by_title = |start: &str| {
            doc.records
                .iter()
                .find(|r| r.title.as_deref().is_some_and(|t| t.starts_with(start)))
                .unwrap_or_else(|| panic!("{file}: no record {start:?}"))
        };
        let plan = |start: &str| -> Vec<(Option<String>, Option<String>, String)> {
            by_title(start)
                .plan
                .iter()
                .map(|p| (p.period.clone(), p.label.clone(), p.text.clone()))
                .collect()
        };
        let entry = |period: &str, label: &str, text: &str| {
            (
                Some(period.to_string()),
                Some(label.to_string()),
                text.to_string(),
            )
        };
        assert_eq!(
            plan("Further education learner numbers"),
            [
                entry("2010-12", "Dec-2010", "Scope with users"),
                entry("2011-02", "Feb-2011", "First release (CSV)"),
                entry("2011-05", "May-2011", "Quarterly update"),
            ],
            "{file}"
        );
        assert_eq!(
            plan("Apprenticeship starts and achievements"),
            [
                entry("2011-01", "Jan-2011", "Publish 2009/10 final data"),
                entry("2011-04", "Apr-2011", "Publish Q2 2010/11 provisional"),
            ],
            "{file}"
        );
        assert_eq!(plan("Departmental spend over").len(), 7, "{file}");
        // The row with no step in any month gives no plan entry, and the
        // plan cells are no statuses.
        assert!(plan("Broadband coverage by postcode").is_empty(), "{file}");
        assert!(doc.records.iter().all(|r| r.status.is_empty()), "{file}");
        assert_eq!(
            by_title("Employer skills survey")
                .fields
                .get("lead")
                .map(String::as_str),
            Some("Skills Analysis"),
            "{file}"
        );
    }
}

#[test]
fn quarter_columns_of_status_words_give_status_entries() {
    // The milestone tracker (PDF page 1, checked on the page image, and
    // the same grid as a pipe table): Q1–Q3 2023–24 hold status words
    // under two-line headers, Q4 is blank, '—' after completion reports
    // nothing.
    let q = |n: &str| Some(n.to_string());
    for file in [
        "layouts/period_quarters_milestones.pdf",
        "layouts/period_quarters_milestones_md.md",
    ] {
        let doc = extract(&fixture(file));
        assert_eq!(doc.records.len(), 9, "{file}");
        let statuses = |id: &str| -> Vec<(Option<String>, String, StatusCode)> {
            rec(&doc, id)
                .status
                .iter()
                .map(|s| (s.label.clone(), s.raw.clone(), s.code))
                .collect()
        };
        let two = [
            ("Q1 2023–24 April to June", "On track", StatusCode::OnTrack),
            (
                "Q2 2023–24 July to September",
                "Delayed",
                StatusCode::Delayed,
            ),
            (
                "Q3 2023–24 October to December",
                "Delayed",
                StatusCode::Delayed,
            ),
        ]
        .map(|(l, r, c)| (q(l), r.to_string(), c));
        assert_eq!(statuses("2"), two, "{file}");
        let three = [("Q1 2023–24 April to June", "Complete", StatusCode::Complete)]
            .map(|(l, r, c)| (q(l), r.to_string(), c));
        assert_eq!(statuses("3"), three, "{file}");
    }
}

/// One measure's box under its own "Performance measure N.N" heading
/// (page 1 of the performance statement, checked on its image): the
/// heading gives the id, the heading above it the section, and the Result
/// cell's figure is the actual while the bold rating under it is the
/// status. The Source column is a field, not a due date.
#[test]
fn measure_boxes_take_their_id_from_the_heading_and_split_the_rating() {
    for path in [
        "layouts/boxes_performance_statement.pdf",
        "layouts/boxes_performance_statement_md.md",
    ] {
        let doc = extract(&fixture(path));
        assert_eq!(doc.records.len(), 6, "{path}");
        let r = rec(&doc, "1.2");
        let m = r.measure.as_ref().expect("a measure");
        assert_eq!(m.target.as_deref(), Some("12 of 12 releases"), "{path}");
        assert_eq!(m.actual.as_deref(), Some("10 of 12"), "{path}");
        let s = r.status.last().expect("a status");
        assert_eq!(
            (s.raw.as_str(), s.code),
            ("Not achieved", StatusCode::NotMet)
        );
        assert_eq!(
            r.section.as_deref(),
            Some("Key activity 1: Collect, manage and publish national water information"),
            "{path}"
        );
        assert_eq!(
            r.fields.get("source").map(String::as_str),
            Some("Corporate Plan 2022–23, p. 14"),
            "{path}"
        );
        assert!(r.due.is_none(), "{path}");
        let r = rec(&doc, "1.3");
        let m = r.measure.as_ref().expect("a measure");
        assert_eq!(m.actual.as_deref(), Some("76%"), "{path}");
        assert_eq!(m.unit.as_deref(), Some("%"), "{path}");
        let s = r.status.last().expect("a status");
        assert_eq!(s.code, StatusCode::PartiallyMet, "{path}");
    }
}

/// Target/result boxes with no name column under "Measure N.N: name"
/// headings (checked on the page images: measure 2.2 "Reduction in fatal
/// crashes …", target "10% reduction", result "6% reduction" over
/// "Partially met"; measure 3.1 "$4.75 or less" / "$4.61" / "Met"), in the
/// PDF (labels on top inside the cells) and as docling writes them (a
/// header line only, label, figure and rating run together).
#[test]
fn target_result_boxes_are_measures_named_by_their_headings() {
    for path in [
        "layouts/measures_target_result_boxes.pdf",
        "layouts/measures_target_result_boxes_md.md",
    ] {
        let doc = extract(&fixture(path));
        assert_eq!(doc.records.len(), 7, "{path}");
        let r = rec(&doc, "2.2");
        assert!(
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Reduction in fatal crashes")),
            "{path}: {:?}",
            r.title
        );
        assert_eq!(
            r.section.as_deref(),
            Some("Goal 2: Roads are safer"),
            "{path}"
        );
        let m = r.measure.as_ref().expect("a measure");
        assert_eq!(
            (m.target.as_deref(), m.actual.as_deref(), m.unit.as_deref()),
            (Some("10% reduction"), Some("6% reduction"), Some("%")),
            "{path}"
        );
        assert_eq!(
            r.status.last().map(|s| s.code),
            Some(StatusCode::PartiallyMet)
        );
        let m = rec(&doc, "3.1").measure.clone().expect("a measure");
        assert_eq!(
            (m.target.as_deref(), m.actual.as_deref(), m.unit.as_deref()),
            (Some("$4.75 or less"), Some("$4.61"), Some("$")),
            "{path}"
        );
    }
}
