//! Record types, document kinds and section kinds
//! (`data/record_types.tsv`, `data/document_kinds.tsv`,
//! `data/section_kinds.tsv`).

use crate::load::{
    data_lines, parse_table_kind, DOCUMENT_KINDS_TSV, RECORD_TYPES_TSV, SECTION_KINDS_TSV,
};
use crate::normalise::compact;
use plantab_model::{DocumentKind, TableKind};
use std::sync::OnceLock;

fn record_types() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(RECORD_TYPES_TSV)
            .filter_map(|cols| cols.first().map(|s| compact(s)))
            .filter(|s| !s.is_empty())
            .collect()
    })
}

/// True when `s` is a record-type value ("Project", "Business as usual",
/// "Programme" …).
pub fn is_record_type(s: &str) -> bool {
    let c = compact(s);
    !c.is_empty() && record_types().contains(&c)
}

fn document_kinds() -> &'static [(DocumentKind, String)] {
    static CELL: OnceLock<Vec<(DocumentKind, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(DOCUMENT_KINDS_TSV)
            .filter_map(|cols| {
                let [kind, phrase] = cols[..] else {
                    return None;
                };
                let kind = match kind {
                    "progress_report" => DocumentKind::ProgressReport,
                    "delivery_plan" => DocumentKind::DeliveryPlan,
                    "business_plan" => DocumentKind::BusinessPlan,
                    "annual_report" => DocumentKind::AnnualReport,
                    "improvement_tracker" => DocumentKind::ImprovementTracker,
                    _ => return None,
                };
                Some((kind, phrase.to_ascii_lowercase()))
            })
            .collect()
    })
}

/// The document kind a title phrase names ("2023 Delivery Plan Progress
/// Report" → progress report), by the first phrase of the table found in
/// `text`, case-insensitively.
pub fn document_kind_of(text: &str) -> Option<DocumentKind> {
    let lower = text.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    document_kinds()
        .iter()
        .find(|(_, phrase)| lower.contains(phrase.as_str()))
        .map(|(k, _)| *k)
}

/// The table kind a section heading names ("Departmental Initiatives" →
/// initiatives), by the first entry of the section-kind table whose word
/// starts a word of `heading`.
pub fn section_table_kind(heading: &str) -> Option<TableKind> {
    static CELL: OnceLock<Vec<(TableKind, String)>> = OnceLock::new();
    let table = CELL.get_or_init(|| {
        data_lines(SECTION_KINDS_TSV)
            .filter_map(|cols| {
                let [kind, word] = cols[..] else {
                    return None;
                };
                Some((parse_table_kind(kind)?, word.to_lowercase()))
            })
            .collect()
    });
    let words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    table
        .iter()
        .find(|(_, w)| words.iter().any(|hw| hw.starts_with(w.as_str())))
        .map(|(k, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_types_and_document_kinds() {
        assert!(is_record_type("Business as usual"));
        assert!(is_record_type("Project"));
        assert!(!is_record_type("Local Services"));
        assert_eq!(
            document_kind_of("2023 Delivery Plan Progress Report"),
            Some(DocumentKind::ProgressReport)
        );
        assert_eq!(
            document_kind_of("Business Plan"),
            Some(DocumentKind::BusinessPlan)
        );
    }
}
