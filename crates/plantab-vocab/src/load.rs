//! Loading: the vocabulary tables compiled into the crate, read line by
//! line with checks.
//!
//! A data file (`data/*.tsv`) is UTF-8 text with one entry a line and its
//! fields separated by tabs (each field trimmed). Lines that start with `#`
//! and blank lines are comments. Each table knows how many fields its lines
//! have and what each field may hold; a line that does not load — the wrong
//! number of fields, an empty field, a value outside its field's closed set
//! (a status code, a table kind), an entry no printed text could ever match,
//! a repeat of an earlier line or a contradiction of one — is left out of
//! the table and reported as a [`BadLine`]. [`crate::bad_lines`] lists the
//! bad lines of every table, and a unit test asserts there are none, so a
//! mistyped line fails the build's tests instead of vanishing.

use plantab_model::TableKind;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::fmt;

/// One vocabulary data file, compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFile {
    /// The file's name in the crate's `data/` folder.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

macro_rules! data_file {
    ($(#[$doc:meta])* $id:ident, $name:literal) => {
        $(#[$doc])*
        pub const $id: DataFile = DataFile {
            name: $name,
            text: include_str!(concat!("../data/", $name)),
        };
    };
}

data_file!(
    /// Column headers → canonical keys (`key`, table-kind hint, header).
    HEADERS,
    "headers.tsv"
);
data_file!(
    /// Status labels → status codes (`code`, label).
    STATUSES,
    "statuses.tsv"
);
data_file!(
    /// Words opening a status qualifier that carries a revised date (one
    /// a line).
    STATUS_QUALIFIERS,
    "status_qualifiers.tsv"
);
data_file!(
    /// Record-type values (one a line).
    RECORD_TYPES,
    "record_types.tsv"
);
data_file!(
    /// Title phrases → document kinds (`kind`, phrase).
    DOCUMENT_KINDS,
    "document_kinds.tsv"
);
data_file!(
    /// Section-heading words → table kinds (`kind`, word).
    SECTION_KINDS,
    "section_kinds.tsv"
);
data_file!(
    /// Words that mark a line naming a document's owner (one a line).
    OWNER_WORDS,
    "owner_words.tsv"
);
data_file!(
    /// Words naming a document's owning body (word, kind).
    DOCUMENT_OWNERS,
    "document_owners.tsv"
);
data_file!(
    /// Page furniture that is never a title or owner (kind, text).
    DOCUMENT_NOISE,
    "document_noise.tsv"
);
data_file!(
    /// Jurisdictions and their financial years (key, start month, naming).
    JURISDICTIONS,
    "jurisdictions.tsv"
);
data_file!(
    /// Words placing a document in a jurisdiction (key, cue).
    JURISDICTION_CUES,
    "jurisdiction_cues.tsv"
);
data_file!(
    /// Markers of a table of money (one a line).
    FINANCIAL_MARKERS,
    "financial_markers.tsv"
);
data_file!(
    /// Words of role titles (word, kind, side).
    ROLE_WORDS,
    "role_words.tsv"
);
data_file!(
    /// Header keys → column roles (`key`, role).
    COLUMN_ROLES,
    "column_roles.tsv"
);
data_file!(
    /// Words cells print whole, by class (`word`, class).
    CELL_WORDS,
    "cell_words.tsv"
);

data_file!(
    /// Words of date cells → what they say about the date (role, word or
    /// phrase).
    DATE_WORDS,
    "date_words.tsv"
);
data_file!(
    /// Seasons, parts of a year and ordinals of date cells (kind, word,
    /// value).
    DATE_PERIODS,
    "date_periods.tsv"
);

data_file!(
    /// How a flattened tracker's date-cell words run on (word, `loose` /
    /// `period`).
    TRACKER_DATE_WORDS,
    "tracker_date_words.tsv"
);
data_file!(
    /// Small words between the words of a role title or of prose (word,
    /// classes).
    JOINING_WORDS,
    "joining_words.tsv"
);
data_file!(
    /// Canonical header keys → what a tracker row prints under them (key,
    /// holds, flags, label).
    COLUMN_KINDS,
    "column_kinds.tsv"
);

data_file!(
    /// Colour names of printed fills by hue, saturation and lightness
    /// ranges (name, ranges).
    COLOURS,
    "colours.tsv"
);

data_file!(
    /// How headings name the owner of the rows under them (form, cue).
    SECTION_OWNERS,
    "section_owners.tsv"
);

data_file!(
    /// Measures: heading words naming one measure, units (group, printed,
    /// meaning).
    MEASURES,
    "measures.tsv"
);

/// Every data file of the crate, in the order [`crate::bad_lines`] reports
/// them.
pub const DATA_FILES: &[DataFile] = &[
    HEADERS,
    STATUSES,
    STATUS_QUALIFIERS,
    RECORD_TYPES,
    DOCUMENT_KINDS,
    SECTION_KINDS,
    OWNER_WORDS,
    FINANCIAL_MARKERS,
    ROLE_WORDS,
    COLUMN_ROLES,
    CELL_WORDS,
    DATE_WORDS,
    DATE_PERIODS,
    TRACKER_DATE_WORDS,
    JOINING_WORDS,
    COLUMN_KINDS,
    DOCUMENT_OWNERS,
    DOCUMENT_NOISE,
    JURISDICTIONS,
    JURISDICTION_CUES,
    COLOURS,
    SECTION_OWNERS,
    MEASURES,
];

/// Why a data line was left out of its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadLineReason {
    /// The line has another number of tab-separated fields than the
    /// table's lines have.
    FieldCount {
        /// Fields a line of the table has.
        expected: usize,
        /// Fields this line has.
        found: usize,
    },
    /// A field that must hold something is empty.
    Empty {
        /// The field's name.
        field: &'static str,
    },
    /// A value outside its field's closed set (an unknown status code,
    /// table kind, role-word kind …).
    Unknown {
        /// The field's name.
        field: &'static str,
        /// The value as written.
        value: String,
    },
    /// An entry of the wrong shape: one that printed text could never
    /// match, or a key that is not a key.
    Invalid {
        /// The field's name.
        field: &'static str,
        /// The value as written.
        value: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// The same entry (as matching sees it) as an earlier line, with the
    /// same meaning: the line adds nothing.
    Repeated {
        /// The earlier line (1-based).
        first_line: usize,
    },
    /// The same entry (as matching sees it) as an earlier line, with
    /// another meaning: the earlier line wins and this one is never used.
    Conflicting {
        /// The earlier line (1-based).
        first_line: usize,
    },
}

impl fmt::Display for BadLineReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadLineReason::FieldCount { expected, found } => {
                write!(f, "{found} tab-separated fields, expected {expected}")
            }
            BadLineReason::Empty { field } => write!(f, "empty {field}"),
            BadLineReason::Unknown { field, value } => write!(f, "unknown {field} {value:?}"),
            BadLineReason::Invalid { field, value, why } => {
                write!(f, "{field} {value:?} {why}")
            }
            BadLineReason::Repeated { first_line } => {
                write!(f, "repeats line {first_line}")
            }
            BadLineReason::Conflicting { first_line } => {
                write!(f, "contradicts line {first_line}")
            }
        }
    }
}

/// A data line left out of its table, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// The data file's name.
    pub file: &'static str,
    /// The line's number in the file (1-based).
    pub line: usize,
    /// The line as written.
    pub text: &'static str,
    /// Why it was left out.
    pub reason: BadLineReason,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} in {:?}",
            self.file, self.line, self.reason, self.text
        )
    }
}

/// A table as loaded, with the lines left out of it.
#[derive(Debug)]
pub(crate) struct Loaded<T> {
    /// The table.
    pub(crate) value: T,
    /// The data file it was read from.
    pub(crate) file: &'static str,
    /// Its bad lines, in file order.
    pub(crate) bad: Vec<BadLine>,
}

/// A loaded table's data file and bad lines.
pub(crate) type TableReport = (&'static str, &'static [BadLine]);

impl<T> Loaded<T> {
    /// Its data file and bad lines.
    pub(crate) fn report(&'static self) -> TableReport {
        (self.file, &self.bad)
    }

    /// The line number and reason of each bad line.
    #[cfg(test)]
    pub(crate) fn reasons(&self) -> Vec<(usize, BadLineReason)> {
        self.bad
            .iter()
            .map(|b| (b.line, b.reason.clone()))
            .collect()
    }
}

/// A data line split into its `N` fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<const N: usize> {
    /// The line's number (1-based).
    pub(crate) line: usize,
    /// The line as written.
    pub(crate) text: &'static str,
    /// Its fields, trimmed.
    pub(crate) fields: [&'static str; N],
}

/// What a data line says about its entry, as the fields that say it (two
/// at most; `""` for none): lines with one entry and one meaning repeat
/// each other, with one entry and two meanings contradict each other.
pub(crate) type Meaning = [&'static str; 2];

/// Reads the data lines of one file, keeping the bad lines found.
pub(crate) struct Reader {
    file: DataFile,
    bad: Vec<BadLine>,
    /// Entries seen so far (by group, as matching sees them): their first
    /// line and meaning.
    seen: FxHashMap<(&'static str, Cow<'static, str>), (usize, Meaning)>,
}

impl Reader {
    pub(crate) fn new(file: DataFile) -> Reader {
        Reader {
            file,
            bad: Vec::new(),
            // Sized for every line at once: no growing (and re-hashing).
            seen: FxHashMap::with_capacity_and_hasher(line_count(file.text), Default::default()),
        }
    }

    /// The data lines of the file that have exactly `N` fields; the others
    /// are reported.
    pub(crate) fn rows<const N: usize>(&mut self) -> Vec<Row<N>> {
        let mut rows = Vec::new();
        for (i, text) in self.file.text.lines().enumerate() {
            if text.starts_with('#') || text.trim().is_empty() {
                continue;
            }
            let line = i + 1;
            let mut fields = [""; N];
            let mut found = 0;
            // Cells split at tabs by a plain byte scan (lines are short).
            let mut rest = text;
            loop {
                let tab = rest.bytes().position(|b| b == b'\t');
                let cell = tab.and_then(|p| rest.get(..p)).unwrap_or(rest);
                if let Some(slot) = fields.get_mut(found) {
                    *slot = cell.trim();
                }
                found += 1;
                match tab.and_then(|p| rest.get(p + 1..)) {
                    Some(after) => rest = after,
                    None => break,
                }
            }
            if found == N {
                rows.push(Row { line, text, fields });
            } else {
                self.report_at(line, text, BadLineReason::FieldCount { expected: N, found });
            }
        }
        rows
    }

    /// Reports `row` as bad; returns `None`, so a check can end with
    /// `return reader.report(..)`.
    pub(crate) fn report<const N: usize, T>(
        &mut self,
        row: &Row<N>,
        reason: BadLineReason,
    ) -> Option<T> {
        self.report_at(row.line, row.text, reason);
        None
    }

    fn report_at(&mut self, line: usize, text: &'static str, reason: BadLineReason) {
        self.bad.push(BadLine {
            file: self.file.name,
            line,
            text,
            reason,
        });
    }

    /// `field` of `row` when it is not empty; reported otherwise.
    pub(crate) fn non_empty<const N: usize>(
        &mut self,
        row: &Row<N>,
        field: &'static str,
        value: &'static str,
    ) -> Option<&'static str> {
        if value.is_empty() {
            return self.report(row, BadLineReason::Empty { field });
        }
        Some(value)
    }

    /// Reports `value` of `field` as outside its closed set.
    pub(crate) fn unknown<const N: usize, T>(
        &mut self,
        row: &Row<N>,
        field: &'static str,
        value: &str,
    ) -> Option<T> {
        self.report(
            row,
            BadLineReason::Unknown {
                field,
                value: value.to_string(),
            },
        )
    }

    /// Reports `value` of `field` as of the wrong shape.
    pub(crate) fn invalid<const N: usize, T>(
        &mut self,
        row: &Row<N>,
        field: &'static str,
        value: &str,
        why: &'static str,
    ) -> Option<T> {
        self.report(
            row,
            BadLineReason::Invalid {
                field,
                value: value.to_string(),
                why,
            },
        )
    }

    /// Whether `row`, whose entry matching sees as `entry` (in `group`,
    /// for files whose lines make entries of several sorts) and which
    /// means `meaning`, is the first line with that entry; a later one is
    /// reported as a repeat (same meaning) or a contradiction (another).
    pub(crate) fn first<const N: usize>(
        &mut self,
        row: &Row<N>,
        group: &'static str,
        entry: impl Into<Cow<'static, str>>,
        meaning: Meaning,
    ) -> bool {
        match self.seen.entry((group, entry.into())) {
            Entry::Vacant(v) => {
                v.insert((row.line, meaning));
                true
            }
            Entry::Occupied(o) => {
                let (first_line, first_meaning) = *o.get();
                let reason = if first_meaning == meaning {
                    BadLineReason::Repeated { first_line }
                } else {
                    BadLineReason::Conflicting { first_line }
                };
                self.report::<N, ()>(row, reason);
                false
            }
        }
    }

    /// The table loaded, with the bad lines found.
    pub(crate) fn finish<T>(mut self, value: T) -> Loaded<T> {
        self.bad.sort_by_key(|b| b.line);
        Loaded {
            value,
            file: self.file.name,
            bad: self.bad,
        }
    }
}

/// Reads a table of one value a line: each value as `entry` makes it (the
/// form matching compares), or why it cannot be one (reported as an
/// [`BadLineReason::Invalid`] `field`); a value whose form an earlier line
/// has is reported as a repeat.
pub(crate) fn load_list(
    file: DataFile,
    field: &'static str,
    entry: impl Fn(&'static str) -> Result<String, &'static str>,
) -> Loaded<Vec<String>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<1>() {
        let [value] = row.fields;
        match entry(value) {
            Ok(e) => {
                if r.first(&row, "", e.clone(), ["", ""]) {
                    out.push(e);
                }
            }
            Err(why) => {
                r.invalid::<1, ()>(&row, field, value, why);
            }
        }
    }
    r.finish(out)
}

/// The number of lines of `text` at most (new-line bytes, plus one).
pub(crate) fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// `s` lower-cased, borrowed when it already is (as data files mostly
/// write their words).
pub(crate) fn lower(s: &'static str) -> Cow<'static, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// A table kind as data files write it (`actions`, `projects` …; see
/// [`TableKind`]).
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

/// True when every character of `s` is a letter or digit (a word the
/// matchers that split text into words could find).
pub(crate) fn is_one_word(s: &str) -> bool {
    s.chars().all(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: DataFile = DataFile {
        name: "sample.tsv",
        text: "# a comment\n\nok\tline\nshort\n  # not a comment: one field\nthree\tfields\there\n\
               ok\tline\nok\tother\n",
    };

    #[test]
    fn rows_check_field_counts_and_first_entries() {
        let mut r = Reader::new(SAMPLE);
        let rows = r.rows::<2>();
        let kept: Vec<_> = rows
            .iter()
            .filter(|row| r.first(row, "", row.fields[0], [row.fields[1], ""]))
            .map(|row| row.line)
            .collect();
        assert_eq!(kept, [3]);
        let loaded = r.finish(());
        let why: Vec<(usize, BadLineReason)> = loaded
            .bad
            .iter()
            .map(|b| (b.line, b.reason.clone()))
            .collect();
        assert_eq!(
            why,
            [
                (
                    4,
                    BadLineReason::FieldCount {
                        expected: 2,
                        found: 1
                    }
                ),
                (
                    5,
                    BadLineReason::FieldCount {
                        expected: 2,
                        found: 1
                    }
                ),
                (
                    6,
                    BadLineReason::FieldCount {
                        expected: 2,
                        found: 3
                    }
                ),
                (7, BadLineReason::Repeated { first_line: 3 }),
                (8, BadLineReason::Conflicting { first_line: 3 }),
            ]
        );
        assert_eq!(
            loaded.bad[2].to_string(),
            "sample.tsv:6: 3 tab-separated fields, expected 2 in \"three\\tfields\\there\""
        );
    }
}
