//! Unlabelled field values: what a short value printed without its label
//! is — a status, a record type, a reference or (a short phrase that is
//! none of these) a lead service.
//!
//! Two readers meet such values: the text reader's vertical records (one
//! field per line under a record's description) and the tables stage's
//! record cards (a run of small headerless tables, one item each, whose
//! last row holds unlabelled status / type / lead / reference cells). Both
//! classify each value by what it is, never by its position, with this one
//! rule: a reference is an identifier token ([`is_reference`]), a type a
//! record-type word (`data/record_types.tsv`), a status a status label
//! (`data/statuses.tsv`), else any short phrase with letters is a lead
//! service. Prose (a sentence, a long line) is no field value.

/// Most words a field value (status, type, lead service …) may have.
pub const FIELD_MAX_WORDS: usize = 8;
/// Most words a heading-like line may have before it counts as prose.
pub const HEADING_MAX_WORDS: usize = 14;

/// The columns of a table of such records, in cell order: title,
/// description, then one column per [`FieldKind`] ([`FieldKind::label`]).
/// They map through [`crate::match_header`] to `title`, `description`,
/// `status`, `lead_service`, `reference` and `type`.
pub const RECORD_HEADER: [&str; 6] = [
    "Title",
    "Description",
    "Status",
    "Lead Service",
    "Reference",
    "Type",
];

/// The title's column in [`RECORD_HEADER`] (the description is the next).
pub const TITLE_COLUMN: usize = 0;

/// What a short unlabelled value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// A status label ("On track", "Deferred").
    Status,
    /// A lead service or owner: a short phrase that is nothing else.
    LeadService,
    /// An identifier token ("BP2-22-H-01", "PRJ-114").
    Reference,
    /// A record type ("Project", "Business as usual").
    Type,
}

impl FieldKind {
    /// Every kind, in the order of [`FieldKind::label`]s of a card or
    /// vertical record table after its title and description.
    pub const ALL: [FieldKind; 4] = [
        FieldKind::Status,
        FieldKind::LeadService,
        FieldKind::Reference,
        FieldKind::Type,
    ];

    /// The kind's name in messages ("lead service").
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Status => "status",
            FieldKind::LeadService => "lead service",
            FieldKind::Reference => "reference",
            FieldKind::Type => "type",
        }
    }

    /// The column label a table of such values is given ("Lead Service"):
    /// a header word of `data/headers.tsv`, so the column model gives the
    /// column its role.
    pub fn label(self) -> &'static str {
        match self {
            FieldKind::Status => "Status",
            FieldKind::LeadService => "Lead Service",
            FieldKind::Reference => "Reference",
            FieldKind::Type => "Type",
        }
    }

    /// Status, type and reference are recognised by their value; a lead
    /// service only by being a short leftover phrase.
    pub fn is_strong(self) -> bool {
        !matches!(self, FieldKind::LeadService)
    }
}

/// More than `n` whitespace-separated words (counting stops at `n + 1`).
pub fn more_words_than(s: &str, n: usize) -> bool {
    // n + 1 words and the n gaps between them take at least 2n + 1 bytes.
    s.len() > 2 * n && s.split_whitespace().nth(n).is_some()
}

/// A sentence or a long line: ends with terminal punctuation or has more
/// words than a heading ([`HEADING_MAX_WORDS`]).
pub fn is_prose_line(line: &str) -> bool {
    let t = line.trim();
    let ends_sentence = t.ends_with(['.', '!', '?', ':', ';']);
    ends_sentence || more_words_than(t, HEADING_MAX_WORDS)
}

/// True when `s` is one identifier token: upper-case letters and digits
/// joined by `-`, `.` or `/`, with at least one digit, and either a letter
/// or a separator (so a bare number or year is not an identifier).
pub fn is_reference(s: &str) -> bool {
    let t = s.trim().as_bytes();
    if t.len() < 3 || !is_ref_token(t) {
        return false;
    }
    let has_digit = t.iter().any(u8::is_ascii_digit);
    let has_letter = t.iter().any(u8::is_ascii_alphabetic);
    let has_sep = t.iter().any(|b| is_ref_sep(*b));
    has_digit && (has_letter || has_sep)
}

fn is_ref_sep(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'/')
}

/// Runs of upper-case letters and digits joined by single separators
/// (`-`, `.`, `/`): the whole of `t` matches
/// `^[A-Z0-9]+(?:[-./][A-Z0-9]+)*$`.
pub fn is_ref_token(t: &[u8]) -> bool {
    let alnum = |b: &u8| b.is_ascii_uppercase() || b.is_ascii_digit();
    let (Some(first), Some(last)) = (t.first(), t.last()) else {
        return false;
    };
    alnum(first)
        && alnum(last)
        && t.iter().all(|b| alnum(b) || is_ref_sep(*b))
        && !t.windows(2).any(|w| w.iter().all(|b| is_ref_sep(*b)))
}

/// Classifies one unlabelled value (see the module docs), or `None` when
/// it is prose, longer than [`FIELD_MAX_WORDS`] words, or has no letters
/// or digits to be a value.
pub fn classify_field(value: &str) -> Option<FieldKind> {
    let t = value.trim();
    if t.is_empty() || is_prose_line(t) || more_words_than(t, FIELD_MAX_WORDS) {
        return None;
    }
    if is_reference(t) {
        return Some(FieldKind::Reference);
    }
    if crate::is_record_type(t) {
        return Some(FieldKind::Type);
    }
    if crate::status_code(t).is_some() {
        return Some(FieldKind::Status);
    }
    if t.chars().any(char::is_alphabetic) {
        return Some(FieldKind::LeadService);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_identifier_tokens() {
        for s in [
            "GP20-CSP4-3-01",
            "PRJ-114",
            "2021/07",
            "BP22-HLT-07",
            "A1.2",
        ] {
            assert!(is_reference(s), "{s}");
        }
        for s in ["2020", "Project", "N/A", "Local Services", "AB", "gp20-x1"] {
            assert!(!is_reference(s), "{s}");
        }
    }

    #[test]
    fn fields_classify_by_value() {
        assert_eq!(classify_field("Deferred"), Some(FieldKind::Status));
        assert_eq!(classify_field("On Track"), Some(FieldKind::Status));
        assert_eq!(classify_field("Business as usual"), Some(FieldKind::Type));
        assert_eq!(classify_field("XY9-1"), Some(FieldKind::Reference));
        assert_eq!(
            classify_field("Service Operations"),
            Some(FieldKind::LeadService)
        );
        assert_eq!(classify_field("A sentence that ends here."), None);
        assert_eq!(classify_field("42"), None);
        // Word limits: 8 words may be a field, 9 may not; 14 words without a
        // full stop are a heading, 15 are prose.
        assert_eq!(
            classify_field("one two three four five six seven eight"),
            Some(FieldKind::LeadService)
        );
        assert_eq!(
            classify_field("one two three four five six seven eight nine"),
            None
        );
        assert!(!is_prose_line("a b c d e f g h i j k l m n"));
        assert!(is_prose_line("a b c d e f g h i j k l m n o"));
    }

    #[test]
    fn labels_are_header_words() {
        for k in FieldKind::ALL {
            assert!(crate::match_header(k.label()).is_some(), "{}", k.label());
            assert!(RECORD_HEADER.contains(&k.label()), "{}", k.label());
        }
        for h in RECORD_HEADER {
            assert!(crate::match_header(h).is_some(), "{h}");
        }
    }
}
