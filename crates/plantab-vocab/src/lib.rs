//! # plantab-vocab
//!
//! The vocabularies plantab matches printed text against, kept as data
//! tables (`data/*.tsv`, compiled in) rather than code: column-header
//! synonyms → canonical keys, status labels → [`StatusCode`]s, record-type
//! words, and title phrases → [`DocumentKind`]. A new document of a known
//! family with other wording needs a new line in a table, not new code.
//!
//! Matching works on a *compact* form of the text (see [`compact`]): lower
//! case letters and digits only. That makes it blind to the things page
//! layout does to labels — wrapping, hyphen breaks ("Decemb / er"),
//! spacing and punctuation — while staying exact enough to tell
//! "CSP 2023" from "CSP Ref".
//!
//! Every stage that reads printed words (the text and PDF readers, table
//! joining, records) asks this crate rather than keeping word lists of its
//! own. The modules:
//!
//! | module | holds |
//! | --- | --- |
//! | [`load`] | the data files compiled in, read line by line with checks: a line that does not parse is a [`BadLine`] ([`bad_lines`]) |
//! | [`normalise`] | [`compact`], [`header_core`], accents, month names and years |
//! | [`headers`] | header synonyms, the synonym tries, [`match_header`] and its exact, run-by-run forms, [`snake_key`] |
//! | [`statuses`] | status labels: [`status_code`], [`status_label_prefix`], and [`StatusLabels`], the one label rule (also for a document's own legend) |
//! | [`fuzzy`] | the bounded Levenshtein similarity behind the fuzzy matches |
//! | [`cells`] | what one table cell looks like (ids, dates, status labels, RAG, money, owners) |
//! | [`columns`] | the column recogniser: header words and cells → each column's role |
//! | [`kinds`] | record types, document kinds, section kinds |
//! | [`fields`] | unlabelled field values (vertical records, record cards): status, type, reference or lead service |
//! | [`words`] | owner words, financial markers, role words |
//! | [`front_matter`] | owner words of document owners, page furniture, jurisdictions and their financial years |
//! | [`measures`] | headings naming one measure ([`item_heading`]), units of measures' values and names ([`value_unit`], [`name_unit`]) |
//! | [`dates`] | date words: ongoing, TBC, recurring, list and range words, seasons, parts of a year, ordinals |
//!
//! The matching functions and their types are also re-exported here, at
//! the crate root.
//!
//! [`StatusCode`]: plantab_model::StatusCode
//! [`DocumentKind`]: plantab_model::DocumentKind

#![warn(missing_docs)]

pub mod cells;
pub mod colours;
pub mod columns;
pub mod dates;
pub mod fields;
pub mod front_matter;
pub mod fuzzy;
pub mod headers;
pub mod kinds;
pub mod load;
pub mod measures;
pub mod normalise;
pub mod section_owners;
pub mod statuses;
pub mod words;

pub use load::{BadLine, BadLineReason, DataFile};
pub mod tracker;
pub use tracker::{
    column_keys, column_kind, joining_word, tracker_date_word, ColumnHolds, ColumnKind, DateColumn,
    DateWordKind, JoiningWord,
};

pub use cells::{cell_word, is_id_token, is_year, look, CellLook, CellWord, IdPlace, StatusPlace};
pub use colours::colour_name;
pub use columns::{
    find_year, header_role, keep_header_roles_only, period_header, period_of, recognise_columns,
    role_of_key, HeaderRole, Recognised,
};
pub use dates::{date_word, DatePhrase, DateRole, DateWord, MonthSpan, PhraseToken};
pub use fields::{classify_field, is_prose_line, is_reference, FieldKind};
pub use front_matter::{
    jurisdiction, jurisdiction_cues_in, noise_kind, owner_word_kind, Jurisdiction, NoiseKind,
    OwnerWordKind,
};
pub use headers::{
    clean_header, field_keys, header_compact_max_len, header_run_may_match,
    header_run_may_match_key, match_header, match_header_exact, match_header_exact_compact,
    snake_key, HeaderMatch, RECORD_KEYS,
};
pub use kinds::{document_kind_of, document_kind_phrase_at, is_record_type, section_table_kind};
pub use measures::{item_heading, name_unit, value_unit, ItemHeading};
pub use normalise::{
    compact, compact_char, compact_chars, compact_into, header_core, month_number, MONTHS,
};
pub use section_owners::{section_owner, SectionOwner};
pub use statuses::{
    is_status_label_start, is_status_qualifier_cue, status_code, status_label_max_len,
    status_label_prefix, status_label_prefix_compact, status_label_whole_prefix, LabelPrefix,
    StatusLabels,
};
pub use words::{is_financial_marker, owner_word_end, role_word, RoleWord, RoleWordKind};

/// Every data line of every vocabulary table that did not load (see
/// [`load`]), in the order of [`load::DATA_FILES`], then of the lines.
/// Loads every table. Empty for the tables shipped: a unit test asserts it.
pub fn bad_lines() -> Vec<&'static BadLine> {
    tables().into_iter().flat_map(|(_, bad)| bad).collect()
}

/// Every table with its data file and bad lines.
fn tables() -> Vec<load::TableReport> {
    let mut out = Vec::new();
    out.extend(headers::tables());
    out.extend(statuses::tables());
    out.extend(kinds::tables());
    out.extend(words::tables());
    out.extend(columns::tables());
    out.extend(cells::tables());
    out.extend(dates::tables());
    out.extend(tracker::tables());
    out.extend(front_matter::tables());
    out.extend(colours::tables());
    out.extend(section_owners::tables());
    out.extend(measures::tables());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_loads() {
        let bad: Vec<String> = bad_lines().iter().map(|b| b.to_string()).collect();
        assert!(bad.is_empty(), "bad data lines:\n{}", bad.join("\n"));
    }

    /// Every file in `data/` is a table that is loaded (and checked).
    #[test]
    fn every_data_file_is_loaded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("data folder")
            .map(|e| {
                e.expect("data entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        on_disk.sort();
        // Loaded in the order of DATA_FILES, each once.
        let loaded: Vec<&str> = tables().iter().map(|(f, _)| *f).collect();
        let listed: Vec<&str> = load::DATA_FILES.iter().map(|f| f.name).collect();
        assert_eq!(listed, loaded);
        let mut loaded = loaded;
        loaded.sort_unstable();
        assert_eq!(on_disk, loaded);
        for f in load::DATA_FILES {
            let disk = std::fs::read_to_string(dir.join(f.name)).expect("data file");
            assert_eq!(disk, f.text, "{}", f.name);
        }
    }
}
