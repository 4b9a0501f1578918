//! Record types, document kinds and section kinds
//! (`data/record_types.tsv`, `data/document_kinds.tsv`,
//! `data/section_kinds.tsv`).

use crate::load::{
    self, is_one_word, load_list, parse_table_kind, DataFile, Loaded, Reader, TableReport,
};
use crate::normalise::compact;
use plantab_model::{DocumentKind, TableKind};
use std::sync::OnceLock;

fn record_types() -> &'static Loaded<Vec<String>> {
    static CELL: OnceLock<Loaded<Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| load_record_types(load::RECORD_TYPES))
}

/// Reads a record-type table: one value a line, compared on its
/// [`compact`] form (two values with one form are one entry).
fn load_record_types(file: DataFile) -> Loaded<Vec<String>> {
    load_list(file, "record type", |value| {
        let c = compact(value);
        if c.is_empty() {
            Err("has no letters or digits")
        } else {
            Ok(c)
        }
    })
}

/// True when `s` is a record-type value ("Project", "Business as usual",
/// "Programme" …).
pub fn is_record_type(s: &str) -> bool {
    let c = compact(s);
    !c.is_empty() && record_types().value.contains(&c)
}

fn document_kinds() -> &'static Loaded<Vec<(DocumentKind, String)>> {
    static CELL: OnceLock<Loaded<Vec<(DocumentKind, String)>>> = OnceLock::new();
    CELL.get_or_init(|| load_document_kinds(load::DOCUMENT_KINDS))
}

/// Reads a document-kind table: `kind`, title phrase (matched lower-cased,
/// its words one space apart, as titles are compared).
fn load_document_kinds(file: DataFile) -> Loaded<Vec<(DocumentKind, String)>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<2>() {
        let [kind_name, phrase] = row.fields;
        let kind = match kind_name {
            "progress_report" => DocumentKind::ProgressReport,
            "delivery_plan" => DocumentKind::DeliveryPlan,
            "business_plan" => DocumentKind::BusinessPlan,
            "annual_report" => DocumentKind::AnnualReport,
            "improvement_tracker" => DocumentKind::ImprovementTracker,
            other => {
                r.unknown::<2, ()>(&row, "document kind", other);
                continue;
            }
        };
        let Some(phrase) = r.non_empty(&row, "phrase", phrase) else {
            continue;
        };
        if phrase.split_whitespace().collect::<Vec<_>>().join(" ") != phrase {
            r.invalid::<2, ()>(
                &row,
                "phrase",
                phrase,
                "has words more than one space apart, which no title has once its spacing is folded",
            );
            continue;
        }
        let phrase = phrase.to_ascii_lowercase();
        if r.first(&row, "", phrase.clone(), [kind_name, ""]) {
            out.push((kind, phrase));
        }
    }
    r.finish(out)
}

/// The document kind a title phrase names ("2023 Delivery Plan Progress
/// Report" → progress report), by the first phrase of the table found in
/// `text`, case-insensitively.
pub fn document_kind_of(text: &str) -> Option<DocumentKind> {
    let lower = text.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    document_kinds()
        .value
        .iter()
        .find(|(_, phrase)| find_phrase(&lower, phrase).is_some())
        .map(|(k, _)| *k)
}

/// Where `phrase` first occurs in `text` as whole words, or with a plural
/// `s` (the characters either side are not letters or digits: "update" is
/// not in "updated").
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find(phrase)) {
        let start = from + pos;
        let end = start + phrase.len();
        let before = text.get(..start).and_then(|t| t.chars().next_back());
        // A plural counts too ("annual performance statements").
        let rest = text.get(end..).unwrap_or_default();
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        let after = rest.chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(start);
        }
        from = end;
    }
    None
}

/// Where the earliest document-kind phrase of the table starts in
/// `lower` (text already lower-cased, its words one space apart): the
/// byte offset, for cutting the words printed before it ("BIS open data
/// strategy" → 4).
pub fn document_kind_phrase_at(lower: &str) -> Option<usize> {
    document_kinds()
        .value
        .iter()
        .filter_map(|(_, phrase)| find_phrase(lower, phrase))
        .min()
}

fn section_kinds() -> &'static Loaded<Vec<(TableKind, String)>> {
    static CELL: OnceLock<Loaded<Vec<(TableKind, String)>>> = OnceLock::new();
    CELL.get_or_init(|| load_section_kinds(load::SECTION_KINDS))
}

/// Reads a section-kind table: table `kind`, the start of a heading word
/// (letters and digits only: headings are split into words at anything
/// else).
fn load_section_kinds(file: DataFile) -> Loaded<Vec<(TableKind, String)>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<2>() {
        let [kind_name, word] = row.fields;
        let Some(kind) = parse_table_kind(kind_name) else {
            r.unknown::<2, ()>(&row, "table kind", kind_name);
            continue;
        };
        let Some(word) = r.non_empty(&row, "word", word) else {
            continue;
        };
        if !is_one_word(word) {
            r.invalid::<2, ()>(&row, "word", word, "is not one word of letters and digits");
            continue;
        }
        let word = word.to_lowercase();
        if r.first(&row, "", word.clone(), [kind_name, ""]) {
            out.push((kind, word));
        }
    }
    r.finish(out)
}

/// The record-type, document-kind and section-kind tables' data files and
/// bad lines.
pub(crate) fn tables() -> [TableReport; 3] {
    [
        record_types().report(),
        document_kinds().report(),
        section_kinds().report(),
    ]
}

/// The table kind a section heading names ("Departmental Initiatives" →
/// initiatives), by the first entry of the section-kind table whose word
/// starts a word of `heading`.
pub fn section_table_kind(heading: &str) -> Option<TableKind> {
    let table = &section_kinds().value;
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
    use crate::load::BadLineReason;

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

    #[test]
    fn kind_lines_that_do_not_parse_are_reported() {
        use BadLineReason::*;
        let docs = load_document_kinds(DataFile {
            name: "document_kinds.tsv",
            text: "progress_report\tProgress Report\nprogress_reprot\tUpdate\n\
                   annual_report\tAnnual  Report\nannual_report\tprogress report\n",
        });
        assert_eq!(docs.value.len(), 1);
        assert_eq!(
            docs.reasons(),
            [
                (
                    2,
                    Unknown {
                        field: "document kind",
                        value: "progress_reprot".into()
                    }
                ),
                (
                    3,
                    Invalid {
                        field: "phrase",
                        value: "Annual  Report".into(),
                        why: "has words more than one space apart, which no title has once its \
                              spacing is folded"
                    }
                ),
                (4, Conflicting { first_line: 1 }),
            ]
        );
        let sections = load_section_kinds(DataFile {
            name: "section_kinds.tsv",
            text: "projects\tproject\nmeasures\tkey-indicator\nplans\tplan\n",
        });
        assert_eq!(sections.value.len(), 1);
        assert_eq!(
            sections.reasons(),
            [
                (
                    2,
                    Invalid {
                        field: "word",
                        value: "key-indicator".into(),
                        why: "is not one word of letters and digits"
                    }
                ),
                (
                    3,
                    Unknown {
                        field: "table kind",
                        value: "plans".into()
                    }
                ),
            ]
        );
        let types = load_record_types(DataFile {
            name: "record_types.tsv",
            text: "Project\nBAU\nB.A.U.\n(-)\n",
        });
        assert_eq!(types.value, ["project", "bau"]);
        assert_eq!(
            types.reasons(),
            [
                (3, Repeated { first_line: 2 }),
                (
                    4,
                    Invalid {
                        field: "record type",
                        value: "(-)".into(),
                        why: "has no letters or digits"
                    }
                ),
            ]
        );
    }
}
