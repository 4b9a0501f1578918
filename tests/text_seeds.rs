//! The seed documents' text versions, end to end: every fact here was
//! checked by hand against the seed (the fact lists live in
//! `tests/support/lib.rs` and run on the PDF versions too).

use plantab_e2e::*;

#[test]
fn seed_000_progress_report_split_tables() {
    let doc = extract(&seed("text", "000"));
    facts_000(&doc);
    facts_000_split(&doc);
}

#[test]
fn seed_001_delivery_plan() {
    let doc = extract(&seed("text", "001"));
    facts_001(&doc);
    facts_001_appendix(&doc);
}

#[test]
fn seed_002_business_plan() {
    facts_002(&extract(&seed("text", "002")));
}

#[test]
fn seed_003_annual_report_vertical_records() {
    facts_003(&extract(&seed("text", "003")));
}

#[test]
fn seed_004_flattened_tracker() {
    facts_004(&extract(&seed("text", "004")));
}
