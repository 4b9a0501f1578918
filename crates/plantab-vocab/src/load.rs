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
use std::collections::HashMap;
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

/// Every data file of the crate, in the order [`crate::bad_lines`] reports
/// them.
pub const DATA_FILES: &[DataFile] = &[
    HEADERS,
    STATUSES,
    RECORD_TYPES,
    DOCUMENT_KINDS,
    SECTION_KINDS,
    OWNER_WORDS,
    FINANCIAL_MARKERS,
    ROLE_WORDS,
    COLUMN_ROLES,
    CELL_WORDS,
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

/// Reads the data lines of one file, keeping the bad lines found.
pub(crate) struct Reader {
    file: DataFile,
    bad: Vec<BadLine>,
    /// Entries seen so far (as matching sees them): their first line and
    /// meaning.
    seen: HashMap<String, (usize, String)>,
}

impl Reader {
    pub(crate) fn new(file: DataFile) -> Reader {
        Reader {
            file,
            bad: Vec::new(),
            seen: HashMap::new(),
        }
    }

    /// The data lines of the file that have exactly `N` fields; the others
    /// are reported.
    pub(crate) fn rows<const N: usize>(&mut self) -> Vec<Row<N>> {
        let mut rows = Vec::new();
        for (i, text) in self.file.text.lines().enumerate() {
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            let cells: Vec<&'static str> = text.split('\t').map(str::trim).collect();
            let line = i + 1;
            match <[&'static str; N]>::try_from(cells.as_slice()) {
                Ok(fields) => rows.push(Row { line, text, fields }),
                Err(_) => self.report_at(
                    line,
                    text,
                    BadLineReason::FieldCount {
                        expected: N,
                        found: cells.len(),
                    },
                ),
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

    /// Whether `row`, whose entry matching sees as `entry` and which means
    /// `meaning`, is the first line with that entry; a later one is
    /// reported as a repeat (same meaning) or a contradiction (another).
    pub(crate) fn first<const N: usize>(
        &mut self,
        row: &Row<N>,
        entry: &str,
        meaning: &str,
    ) -> bool {
        match self.seen.get(entry) {
            None => {
                self.seen
                    .insert(entry.to_string(), (row.line, meaning.to_string()));
                true
            }
            Some((first_line, first_meaning)) => {
                let first_line = *first_line;
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
            .filter(|row| r.first(row, row.fields[0], row.fields[1]))
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
