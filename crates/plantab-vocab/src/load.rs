//! Loading: the vocabulary tables compiled into the crate and their
//! data lines.

use plantab_model::TableKind;

pub(crate) const HEADERS_TSV: &str = include_str!("../data/headers.tsv");

pub(crate) const STATUSES_TSV: &str = include_str!("../data/statuses.tsv");

pub(crate) const RECORD_TYPES_TSV: &str = include_str!("../data/record_types.tsv");

pub(crate) const DOCUMENT_KINDS_TSV: &str = include_str!("../data/document_kinds.tsv");

pub(crate) const SECTION_KINDS_TSV: &str = include_str!("../data/section_kinds.tsv");

pub(crate) const OWNER_WORDS_TSV: &str = include_str!("../data/owner_words.tsv");

pub(crate) const FINANCIAL_MARKERS_TSV: &str = include_str!("../data/financial_markers.tsv");

pub(crate) const ROLE_WORDS_TSV: &str = include_str!("../data/role_words.tsv");

/// Tab-separated data lines of a vocabulary table (comments and blanks
/// skipped, cells trimmed).
pub(crate) fn data_lines(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

pub(crate) fn parse_table_kind(s: &str) -> Option<TableKind> {
    Some(match s {
        "actions" => TableKind::Actions,
        "projects" => TableKind::Projects,
        "legislation" => TableKind::Legislation,
        "measures" => TableKind::Measures,
        "initiatives" => TableKind::Initiatives,
        "financial" => TableKind::Financial,
        "other" => TableKind::Other,
        _ => return None,
    })
}
