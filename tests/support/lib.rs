//! Shared helpers for the end-to-end tests in `tests/`: running the
//! pipeline on fixtures, looking records up, and the hand-checked fact lists
//! for each seed document. Each fact list is one function so the same
//! assertions run on a seed's text version and on its PDF version.
//!
//! Every number and value asserted here was checked by hand against the
//! seed documents in `fixtures/text/` (and `../shared/seeds/`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantab_model::{
    DateKind, Document, Record, RecordKind, StatusCode, Table, TableKind, WarningCode,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The seed fixture whose name starts with `prefix` (e.g. "000") in
/// `fixtures/<dir>/`.
pub fn seed(dir: &str, prefix: &str) -> PathBuf {
    let d = fixture(dir);
    let mut hits: Vec<PathBuf> = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    hits.sort();
    hits.into_iter()
        .next()
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", d.display()))
}

/// Runs the whole pipeline on a file; panics with the error otherwise.
pub fn extract(path: &Path) -> Document {
    plantab::extract_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The record with this id; panics listing the ids when absent.
pub fn rec<'a>(doc: &'a Document, id: &str) -> &'a Record {
    doc.records
        .iter()
        .find(|r| r.id.as_deref() == Some(id))
        .unwrap_or_else(|| {
            let ids: Vec<_> = doc.records.iter().filter_map(|r| r.id.as_deref()).collect();
            panic!("no record {id}; have {ids:?}")
        })
}

/// The record whose title starts with `prefix`.
pub fn rec_titled<'a>(doc: &'a Document, prefix: &str) -> &'a Record {
    doc.records
        .iter()
        .find(|r| r.title.as_deref().is_some_and(|t| t.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no record titled {prefix:?}"))
}

/// Count of records by their latest status code.
pub fn latest_status_counts(doc: &Document) -> BTreeMap<StatusCode, usize> {
    let mut m = BTreeMap::new();
    for r in &doc.records {
        if let Some(s) = r.status.last() {
            *m.entry(s.code).or_default() += 1;
        }
    }
    m
}

/// The tables of a kind, in document order.
pub fn tables_of_kind(doc: &Document, kind: TableKind) -> Vec<&Table> {
    doc.tables.iter().filter(|t| t.kind == kind).collect()
}

/// Count of records of a kind.
pub fn kind_count(doc: &Document, kind: RecordKind) -> usize {
    doc.records.iter().filter(|r| r.kind == kind).count()
}

/// The latest status code of a record.
pub fn code(r: &Record) -> StatusCode {
    r.status
        .last()
        .map(|s| s.code)
        .unwrap_or(StatusCode::Unknown)
}

/// `(kind, start, end)` of a date, for compact assertions.
pub fn date(d: &Option<plantab_model::DateValue>) -> (DateKind, Option<&str>, Option<&str>) {
    let d = d.as_ref().expect("a date");
    (d.kind, d.start.as_deref(), d.end.as_deref())
}

/// Facts of seed 000 (Chief Minister's 2023 progress report, split tables).
pub fn facts_000(doc: &Document) {
    use StatusCode::*;
    assert_eq!(doc.records.len(), 46, "46 actions");
    let counts = latest_status_counts(doc);
    // The cover letter: delivered (11), on track (27), delays (7), one withdrawn.
    assert_eq!(counts.get(&Delivered), Some(&11));
    assert_eq!(counts.get(&OnTrack), Some(&27));
    assert_eq!(counts.get(&Delayed), Some(&7));
    assert_eq!(counts.get(&Cancelled), Some(&1));
    assert_eq!(
        doc.document.kind,
        plantab_model::DocumentKind::ProgressReport
    );
    assert_eq!(doc.document.owner.as_deref(), Some("Chief Minister"));
    assert_eq!(doc.document.period.as_deref(), Some("2023"));
    assert_eq!(
        doc.document.title.as_deref(),
        Some("2023 Delivery Plan Progress Report")
    );

    let p13 = rec(doc, "CM P1.3");
    assert_eq!(p13.aliases, ["100 Day Plan Action 2"]);
    assert_eq!(p13.parent_id.as_deref(), Some("CM P1"));
    assert_eq!(
        date(&p13.due),
        (DateKind::Quarter, Some("2023-04-01"), Some("2023-06-30"))
    );
    let s = p13.status.last().unwrap();
    assert_eq!(s.code, Delayed);
    assert_eq!(s.period.as_deref(), Some("2023-12"));
    assert_eq!(s.label.as_deref(), Some("December"));
    let rd = s.revised_due.as_ref().unwrap();
    assert_eq!(rd.raw, "31-Dec");
    assert_eq!(rd.start.as_deref(), Some("2023-12-31"));
    assert!(rd.year_inferred);
    assert!(s
        .commentary
        .as_deref()
        .unwrap()
        .starts_with("Implementing the 37 actions"));

    let p46 = rec(doc, "CM P4.6");
    assert_eq!(code(p46), Cancelled);
    assert_eq!(
        p46.status[0].revised_due.as_ref().unwrap().kind,
        DateKind::NotApplicable
    );
    let a10 = rec(doc, "100 Day Plan Action 10");
    assert_eq!(code(a10), Delayed);
    assert_eq!(a10.parent_id, None);
    assert_eq!(
        date(&a10.status[0].revised_due),
        (DateKind::Month, Some("2024-03-01"), Some("2024-03-31"))
    );
    assert_eq!(
        a10.title.as_deref(),
        Some("Establish a public service ombudsperson")
    );
    let p15 = rec(doc, "CM P1.5");
    assert_eq!(p15.aliases, ["100 Day Plan Action 18"]);
    assert_eq!(
        date(&p15.due),
        (DateKind::Multiple, Some("2023-04-01"), Some("2023-12-31"))
    );
    assert_eq!(code(p15), Delayed);
    assert_eq!(date(&p15.status[0].revised_due).0, DateKind::Year);
    assert_eq!(code(rec(doc, "CM P7.4")), Delayed);
    assert_eq!(
        date(&rec(doc, "CM P7.4").status[0].revised_due).1,
        Some("2024-06-01")
    );
    assert_eq!(
        date(&rec(doc, "CM 9.2").status[0].revised_due),
        (DateKind::Quarter, Some("2024-01-01"), Some("2024-03-31"))
    );
    assert_eq!(code(rec(doc, "MTR P10.3")), Delayed);
    let p104 = rec(doc, "MTR P10.4");
    assert_eq!(code(p104), Delayed);
    assert_eq!(p104.parent_id.as_deref(), Some("MTR P10"));
    assert_eq!(date(&p104.due).1, Some("2023-01-01"));
    assert_eq!(code(rec(doc, "CM P2.3")), Delivered);
    assert_eq!(code(rec(doc, "CM 9.5")), Delivered);
    assert_eq!(code(rec(doc, "MTR P8.1")), Delivered);
    assert_eq!(code(rec(doc, "CM KA2")), Delivered);
    assert_eq!(rec(doc, "CM KA2").parent_id, None);
    assert_eq!(rec(doc, "CM 8.3").parent_id.as_deref(), Some("CM 8"));
    assert_eq!(date(&rec(doc, "CM P1.1").due).0, DateKind::Ongoing);
    let p5 = rec(doc, "CM P5");
    assert!(p5.title.is_none());
    assert!(p5
        .description
        .as_deref()
        .unwrap()
        .starts_with("Supporting the Minister for Housing and Communities"));
    for r in &doc.records {
        assert_eq!(r.kind, RecordKind::Action);
        assert_eq!(r.status.len(), 1, "{:?}", r.id);
    }
    let actions: Vec<_> = tables_of_kind(doc, TableKind::Actions);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].columns.len(), 7);
    assert_eq!(actions[0].rows.len(), 46);
    assert!(!doc
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::RowCountMismatch));
}

/// The layout fact of 000 as published: its action table was printed
/// split, left and right halves on different pages, and was joined side
/// by side.
pub fn facts_000_split(doc: &Document) {
    let t = doc
        .tables
        .iter()
        .find(|t| t.kind == TableKind::Actions)
        .unwrap();
    assert_eq!(t.joined, plantab_model::Joined::SideBySide);
}

/// Facts of seed 001 (Minister for Social Security's 2023 delivery plan).
pub fn facts_001(doc: &Document) {
    assert_eq!(doc.document.kind, plantab_model::DocumentKind::DeliveryPlan);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Minister for Social Security")
    );
    assert_eq!(doc.document.period.as_deref(), Some("2023"));
    assert_eq!(kind_count(doc, RecordKind::Priority), 8, "MSS P1 … MSS P8");
    assert_eq!(kind_count(doc, RecordKind::Action), 27);
    assert_eq!(kind_count(doc, RecordKind::Project), 3);
    assert_eq!(kind_count(doc, RecordKind::Legislation), 5);
    assert_eq!(kind_count(doc, RecordKind::Measure), 7);
    assert_eq!(doc.records.len(), 50);
    for r in doc.records.iter().filter(|r| r.kind == RecordKind::Action) {
        let id = r.id.as_deref().unwrap();
        let parent = r.parent_id.as_deref().unwrap();
        assert!(id.starts_with(&format!("{parent}.")), "{id} under {parent}");
        assert_eq!(r.section.as_deref(), Some("Ministerial Priorities"));
    }
    let p11 = rec(doc, "MSS P1.1");
    assert_eq!(p11.parent_id.as_deref(), Some("MSS P1"));
    assert_eq!(p11.fields["csp_2023"], "Housing and Cost of Living");
    assert_eq!(p11.fields["lead_department"], "CABO");
    assert_eq!(p11.fields["lead_service"], "Policy");
    assert_eq!(p11.fields["type"], "Pipeline project to be established");
    assert_eq!(
        date(&p11.due),
        (DateKind::Date, Some("2023-11-30"), Some("2023-11-30"))
    );
    let p15 = rec(doc, "MSS P1.5");
    assert_eq!(p15.aliases, ["100 Day Plan Action 15"]);
    assert_eq!(p15.fields["reference"], "PRO29233");
    let p4 = rec(doc, "MSS P4");
    assert_eq!(p4.kind, RecordKind::Priority);
    assert!(p4
        .title
        .as_deref()
        .unwrap()
        .starts_with("Developing schemes to improve financial wellbeing"));
    assert_eq!(rec(doc, "MSS P4.2").parent_id.as_deref(), Some("MSS P4"));
    assert_eq!(rec(doc, "MSS P1").title.as_deref(), Some("Developing targeted support and polices to help Islanders with the rising cost of living:"));
    let pro = rec(doc, "PRO29233");
    assert_eq!(pro.kind, RecordKind::Project);
    assert_eq!(
        pro.title.as_deref(),
        Some("Free Period Products – Community Scheme Pilot")
    );
    assert_eq!(date(&pro.due).1, Some("2023-08-30"));
    assert_eq!(pro.fields["next_stage_date"], "31/01/2023");
    assert_eq!(pro.fields["size"], "Local Initiative");
    let emp = rec_titled(doc, "Employment (Jersey) Law 2003");
    assert_eq!(emp.kind, RecordKind::Legislation);
    assert_eq!(emp.fields["minister"], "Minister for Social Security");
    assert_eq!(
        date(&emp.due),
        (DateKind::Quarter, Some("2023-10-01"), Some("2023-12-31"))
    );
    let calls = rec_titled(doc, "Calls answered (%)");
    assert_eq!(calls.kind, RecordKind::Measure);
    assert_eq!(calls.fields["baseline"], "95.9%");
    assert_eq!(calls.fields["target"], "95%");
    assert_eq!(calls.fields["lead_service"], "ALL CLS");
}

/// 001 as published ends with an appendix of COLUMN TITLE | EXPLANATION
/// tables: kept, as `other`, making no records.
pub fn facts_001_appendix(doc: &Document) {
    let other = doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::Other)
        .count();
    assert!(other >= 4, "appendix tables kept: {other}");
}

/// Facts of seed 002 (Customer and Local Services 2021 business plan).
pub fn facts_002(doc: &Document) {
    assert_eq!(doc.document.kind, plantab_model::DocumentKind::BusinessPlan);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Customer and Local Services")
    );
    assert_eq!(doc.document.period.as_deref(), Some("2021"));
    let gp: Vec<_> = doc
        .records
        .iter()
        .filter(|r| r.section.as_deref() == Some("Government Plan Initiatives"))
        .collect();
    assert_eq!(gp.len(), 17);
    assert!(gp.iter().all(|r| r.kind == RecordKind::Initiative));
    let dep: Vec<_> = doc
        .records
        .iter()
        .filter(|r| r.section.as_deref() == Some("Departmental Initiatives"))
        .collect();
    assert_eq!(dep.len(), 8);
    assert_eq!(kind_count(doc, RecordKind::Measure), 8);
    assert_eq!(doc.records.len(), 33);
    // Printed split as "GP20- CSP4-3-02".
    let dsi = rec(doc, "GP20-CSP4-3-02");
    assert_eq!(dsi.title.as_deref(), Some("Disability Social Inclusion"));
    assert_eq!(dsi.fields["lead_service"], "Local Services");
    assert_eq!(dsi.fields["type"], "Programme");
    let mig = rec(doc, "GP21-CSP3-4-02");
    assert_eq!(
        date(&mig.due),
        (DateKind::Date, Some("2021-12-31"), Some("2021-12-31"))
    );
    let pensions = rec_titled(doc, "Pensions and Care Service");
    assert_eq!(date(&pensions.due).1, Some("2021-12-31"), "31/12/21");
    let savings = rec_titled(doc, "Delivery of committed savings in 2021");
    assert_eq!(savings.kind, RecordKind::Measure);
    // Financial tables are kept with numbers as printed, and make no records.
    let fin: Vec<_> = tables_of_kind(doc, TableKind::Financial);
    assert!(fin.len() >= 6, "financial tables: {}", fin.len());
    assert!(fin
        .iter()
        .any(|t| t.rows.iter().any(|r| r.iter().any(|c| c == "91,725"))));
    assert!(doc
        .records
        .iter()
        .all(|r| r.title.as_deref() != Some("Income Support Costs")));
}

/// Facts of seed 003 (Customer and Local Services 2020 annual report,
/// vertical records).
pub fn facts_003(doc: &Document) {
    use StatusCode::*;
    assert_eq!(doc.document.kind, plantab_model::DocumentKind::AnnualReport);
    assert_eq!(
        doc.document.owner.as_deref(),
        Some("Customer and Local Services")
    );
    assert_eq!(doc.document.period.as_deref(), Some("2020"));
    assert_eq!(doc.records.len(), 27);
    let by_section = |s: &str| {
        doc.records
            .iter()
            .filter(|r| {
                r.section
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(s))
            })
            .count()
    };
    assert_eq!(by_section("Government Plan initiatives"), 5);
    assert_eq!(by_section("Departmental initiatives"), 15);
    assert_eq!(by_section("Covid-19 initiatives"), 7);
    assert!(doc.records.iter().all(|r| r.kind == RecordKind::Initiative));
    let care = rec_titled(doc, "Care Needs at Home");
    assert_eq!(code(care), Deferred);
    assert_eq!(care.fields["lead_service"], "Service Operations");
    assert_eq!(care.fields["reference"], "GP20-CSP4-3-01");
    assert_eq!(care.fields["type"], "Project");
    let dis = rec_titled(doc, "Implementing the Disability Strategy");
    assert_eq!(code(dis), InProgress);
    assert_eq!(dis.fields["reference"], "GP20-CSP4-3-02");
    let single = rec_titled(doc, "Single Parent Component P.113/2017");
    assert!(single.status.is_empty());
    assert!(!single.fields.contains_key("lead_service"));
    assert!(single
        .description
        .as_deref()
        .unwrap()
        .starts_with("Permanent funding"));
    let transform = rec_titled(doc, "Complete the transformation");
    assert_eq!(code(transform), Delayed);
    assert_eq!(transform.fields["type"], "Project");
    assert_eq!(
        transform.fields["lead_service"],
        "Customer Service and Customer Operations"
    );
    let vcs = rec_titled(doc, "Continue engagement with Voluntary");
    assert_eq!(code(vcs), OnTrack);
    assert_eq!(vcs.fields["lead_service"], "Local Services");
    assert!(!vcs.fields.contains_key("type"));
    let team = rec_titled(doc, "Fully participate in, and support, Team Jersey");
    assert_eq!(team.fields["type"], "Business as usual");
    assert_eq!(team.fields["lead_service"], "All CLS directorates");
    assert_eq!(
        code(rec_titled(doc, "Covid-related Emergency Support Scheme")),
        Complete
    );
    let counts = latest_status_counts(doc);
    assert_eq!(counts.get(&OnTrack), Some(&13));
    assert_eq!(counts.get(&Complete), Some(&7));
    assert_eq!(counts.get(&Delayed), Some(&3));
    assert_eq!(counts.get(&Deferred), Some(&2));
}

/// Facts of seed 004 (a council improvement-plan tracker: 14 columns,
/// statuses for December 2023 and January 2024, a status legend).
pub fn facts_004(doc: &Document) {
    use StatusCode::*;
    assert_eq!(
        doc.document.kind,
        plantab_model::DocumentKind::ImprovementTracker
    );
    assert_eq!(doc.records.len(), 118, "every ref once");
    let ids: std::collections::BTreeSet<_> =
        doc.records.iter().filter_map(|r| r.id.as_deref()).collect();
    assert_eq!(ids.len(), 118);
    // The 40 x.x.0 rows are the priorities; every other row sits under one.
    assert_eq!(kind_count(doc, RecordKind::Priority), 40);
    for r in doc.records.iter().filter(|r| r.kind == RecordKind::Action) {
        let id = r.id.as_deref().unwrap();
        let (head, _) = id.rsplit_once('.').unwrap();
        let parent = r.parent_id.as_deref().unwrap();
        assert!(
            parent == format!("{head}.0") || parent == head,
            "{id} under {parent}"
        );
    }
    let legend: Vec<_> = doc.document.status_legend.iter().map(|e| e.code).collect();
    assert_eq!(
        legend,
        [
            OnTrack,
            MediumProgress,
            SignificantIssues,
            NotDueToStart,
            Complete,
            Closed,
            NotApplicable,
            OnHold
        ]
    );
    let sections: Vec<_> = doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::Actions)
        .map(|t| t.section.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(sections.len(), 6, "one table per theme: {sections:?}");
    assert!(sections[0].contains("Organisational Culture"));
    assert!(sections[5].contains("Partnerships & Relationships"));

    let a20 = rec(doc, "OC.A2.0");
    assert_eq!(a20.kind, RecordKind::Priority);
    assert_eq!(a20.fields["director_lead"], "Chief Executive");
    assert_eq!(a20.fields["cabinet_member"], "Deputy Leader");
    assert_eq!(a20.fields["main_action_risk"], "Focus 1");
    assert_eq!(
        a20.fields["workstream"],
        "Establishing Organisational Culture"
    );

    let a21 = rec(doc, "OC.A2.1");
    assert_eq!(a21.parent_id.as_deref(), Some("OC.A2.0"));
    assert_eq!(a21.title.as_deref(), Some("Workforce Strategy approved"));
    assert_eq!(a21.fields["director_lead"], "Chief Executive");
    assert_eq!(a21.fields["cabinet_member"], "Deputy Leader");
    assert_eq!(a21.fields["other_leads"], "Head of HR");
    assert_eq!(
        date(&a21.start),
        (DateKind::Month, Some("2022-12-01"), Some("2022-12-31"))
    );
    assert_eq!(
        date(&a21.due),
        (DateKind::Month, Some("2024-03-01"), Some("2024-03-31"))
    );
    assert_eq!(a21.status.len(), 2);
    assert_eq!(a21.status[0].period.as_deref(), Some("2023-12"));
    assert_eq!(a21.status[1].period.as_deref(), Some("2024-01"));
    assert_eq!(a21.status[0].code, MediumProgress);
    // Clipped in the source: "… of 1-2" without "months".
    assert_eq!(
        a21.status[0].raw,
        "Medium Progress- actual/ projected slippage of 1-2"
    );
    assert_eq!(
        a21.status[1].raw,
        "Medium Progress- actual/ projected slippage of 1-2 months"
    );

    let a23 = rec(doc, "OC.A2.3");
    assert_eq!(
        (a23.status[0].code, a23.status[1].code),
        (OnTrack, Complete)
    );
    let d32 = rec(doc, "OC.D3.2");
    assert_eq!(
        (d32.status[0].code, d32.status[1].code),
        (Complete, Complete)
    );
    assert_eq!(d32.status[0].commentary.as_deref(), Some("complete"));
    assert_eq!(d32.fields["director_lead"], "Director - Law & Governance");
    assert_eq!(d32.fields["cabinet_member"], "Leader of the Council");
    let e24 = rec(doc, "OC.E2.4");
    assert_eq!(e24.status[0].code, SignificantIssues);
    assert_eq!(date(&e24.due).1, Some("2023-10-01"));
    let d54 = rec(doc, "OC.D5.4");
    assert_eq!(d54.status[0].code, NotDueToStart);
    assert_eq!(code(rec(doc, "OC.C4.4")), NewAction);
    let a19 = rec(doc, "CO.A1.9");
    assert_eq!(a19.fields["workstream"], "ERP");
    assert_eq!(a19.parent_id.as_deref(), Some("CO.A1.0"));
    assert_eq!(date(&a19.start).1, Some("2023-02-01"));
    let a111 = rec(doc, "CO.A1.11");
    assert_eq!(date(&a111.due).0, DateKind::Recurring);
    assert_eq!(a111.status[0].code, OnTrack);
}
