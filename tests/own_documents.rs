//! Documents of our own making, one per text family, with other ids and
//! wording than the seeds: the rules are general, not the seeds'.

use plantab_e2e::*;
use plantab_model::{DateKind, DocumentKind, RecordKind, StatusCode, TableKind, WarningCode};

#[test]
fn progress_update_with_other_ids_and_month() {
    let doc = extract(&fixture("text/own/env_progress_update.txt"));
    assert_eq!(doc.document.kind, DocumentKind::ProgressReport);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Minister for the Environment")
    );
    assert_eq!(doc.document.period.as_deref(), Some("2025"));
    assert_eq!(doc.records.len(), 7);
    let counts = latest_status_counts(&doc);
    // As the letter states: 3 delivered, 2 on track, 1 delayed, 1 on hold.
    assert_eq!(counts.get(&StatusCode::Delivered), Some(&3));
    assert_eq!(counts.get(&StatusCode::OnTrack), Some(&2));
    assert_eq!(counts.get(&StatusCode::Delayed), Some(&1));
    assert_eq!(counts.get(&StatusCode::OnHold), Some(&1));
    let e11 = rec(&doc, "ENV 1.1");
    assert_eq!(e11.title.as_deref(), Some("Publish the coastal strategy"));
    assert_eq!(
        e11.description.as_deref(),
        Some("Consult in spring.\n- Draft & publish\n- Review")
    );
    let e12 = rec(&doc, "ENV 1.2");
    assert_eq!(e12.aliases, ["Quick Win 4"]);
    assert_eq!(e12.parent_id.as_deref(), Some("ENV 1"));
    let e21 = rec(&doc, "ENV 2.1");
    let s = &e21.status[0];
    assert_eq!(s.period.as_deref(), Some("2025-06"));
    assert_eq!(s.label.as_deref(), Some("June"));
    // "31-Mar" revised in a June 2025 report looks forward: March 2026.
    let rd = s.revised_due.as_ref().unwrap();
    assert_eq!(rd.start.as_deref(), Some("2026-03-31"));
    assert!(rd.year_inferred);
    assert_eq!(
        date(&e21.due),
        (DateKind::Half, Some("2025-07-01"), Some("2025-12-31"))
    );
    let qw = rec(&doc, "Quick Win 9");
    assert_eq!(qw.status[0].code, StatusCode::OnHold);
    assert_eq!(
        qw.status[0].revised_due.as_ref().unwrap().kind,
        DateKind::Tbc
    );
    assert_eq!(date(&rec(&doc, "ENV 3.3").due).0, DateKind::Recurring);
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].joined, plantab_model::Joined::SideBySide);
    assert!(doc.warnings.is_empty());
}

#[test]
fn delivery_plan_with_priority_rows_legislation_and_budget() {
    let doc = extract(&fixture("text/own/transport_delivery_plan.txt"));
    assert_eq!(doc.document.kind, DocumentKind::DeliveryPlan);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Minister for Transport")
    );
    assert_eq!(doc.document.period.as_deref(), Some("2024"));
    assert_eq!(kind_count(&doc, RecordKind::Priority), 2);
    assert_eq!(kind_count(&doc, RecordKind::Action), 4);
    assert_eq!(kind_count(&doc, RecordKind::Legislation), 1);
    let p1 = rec(&doc, "TRN P1");
    assert_eq!(p1.title.as_deref(), Some("Make buses work for everyone:"));
    let p12 = rec(&doc, "TRN P1.2");
    assert_eq!(p12.parent_id.as_deref(), Some("TRN P1"));
    assert_eq!(p12.aliases, ["Quick Win 3"]);
    assert_eq!(
        date(&p12.due),
        (DateKind::Range, Some("2024-09-01"), Some("2024-11-30"))
    );
    let p11 = rec(&doc, "TRN P1.1");
    assert_eq!(p11.fields["reference"], "PRJ-2201");
    assert_eq!(p11.fields["lead_service"], "Buses");
    // The continued page keeps the priority context.
    assert_eq!(rec(&doc, "TRN P2.2").parent_id.as_deref(), Some("TRN P2"));
    assert_eq!(
        date(&rec(&doc, "TRN P2.1").due),
        (DateKind::Multiple, Some("2024-04-01"), Some("2024-09-30"))
    );
    let budget = doc
        .tables
        .iter()
        .find(|t| t.kind == TableKind::Financial)
        .unwrap();
    assert_eq!(budget.rows.last().unwrap(), &["Total", "1,200", "4,300"]);
}

#[test]
fn row_count_mismatch_is_warned_never_silent() {
    let doc = extract(&fixture("text/own/mismatch_progress_report.txt"));
    assert_eq!(doc.records.len(), 3);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::RowCountMismatch));
    assert_eq!(code(rec(&doc, "QA 1")), StatusCode::Delivered);
    assert!(rec(&doc, "QA 3").status.is_empty());
}

#[test]
fn text_under_no_header_is_kept_as_unparsed_with_a_warning() {
    let text = "ID\tACTION\tBY WHEN\nZZ 1\tThing\tQ1 2024\tstray note\nZZ 2\tOther\tQ2 2024\n";
    let doc = plantab::extract_bytes("stray.txt", text.as_bytes()).unwrap();
    assert_eq!(doc.records.len(), 2);
    assert_eq!(rec(&doc, "ZZ 1").fields["unparsed"], "stray note");
    assert!(!rec(&doc, "ZZ 2").fields.contains_key("unparsed"));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::UnparsedText));
}

#[test]
fn unknown_status_keeps_raw_and_warns() {
    let text = "ID\tACTION\nZZ 1\tThing\n\nMay Status\tMay Commentary\nPurple haze\tHmm.\n";
    let doc = plantab::extract_bytes("odd.txt", text.as_bytes()).unwrap();
    let s = &rec(&doc, "ZZ 1").status[0];
    assert_eq!(s.code, StatusCode::Unknown);
    assert_eq!(s.raw, "Purple haze");
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::UnknownStatus));
}
