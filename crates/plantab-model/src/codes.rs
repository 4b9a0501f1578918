//! The stable codes of errors and warnings, and where a warning points.
//!
//! Codes are enums, serialised as the snake_case strings of the output
//! contract and the run manifest (`"no_text_layer"`, `"unknown_status"`), so
//! scripts can match on them and the strings never drift from the code
//! that produces them. [`ErrorCode::as_str`] / [`WarningCode::as_str`] give
//! the same strings for messages.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $s:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code as it is written in JSON and on stderr.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s,)*
                }
            }

            /// The code written `s` (as [`Self::as_str`] gives it), if any.
            pub fn from_code(s: &str) -> Option<Self> {
                match s {
                    $($s => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Why an input gave no document (the manifest's `error_code`, the
    /// `CODE` of a `plantab: PATH: CODE: MESSAGE` line).
    pub enum ErrorCode {
        /// The file could not be opened or read (permission denied, gone).
        Io = "io",
        /// A folder link leading back to a parent, or a link to itself.
        SymlinkLoop = "symlink_loop",
        /// The file is 0 bytes long.
        Empty = "empty",
        /// Binary data given as text.
        NotText = "not_text",
        /// A password-protected PDF, and no password given.
        Encrypted = "encrypted",
        /// A password-protected PDF that the password given does not open.
        WrongPassword = "wrong_password",
        /// A PDF with no text layer (scanned or image-only).
        NoTextLayer = "no_text_layer",
        /// Not a PDF, or damaged beyond repair.
        Malformed = "malformed",
        /// A PDF over a resource cap (a hostile file).
        LimitExceeded = "limit_exceeded",
        /// A bug: plantab panicked on this file.
        InternalError = "internal_error",
        /// Still running after the time limit.
        Timeout = "timeout",
        /// Its output could not be written.
        Output = "output",
        /// Not a regular file (a FIFO, a device, a socket): not read.
        NotAFile = "not_a_file",
        /// The file's size or modification time changed while it was read
        /// (it was being written): not converted, since the bytes read may
        /// be torn.
        ChangedWhileRead = "changed_while_read",
    }
}

string_enum! {
    /// What a [`Warning`](crate::Warning) is about.
    pub enum WarningCode {
        /// The two halves of a side-by-side table did not pair row for row.
        RowCountMismatch = "row_count_mismatch",
        /// A status cell whose text matches no known label (its `raw` is
        /// kept, its code is `unknown`).
        UnknownStatus = "unknown_status",
        /// Text that fits no column or field, kept where the warning says.
        UnparsedText = "unparsed_text",
        /// A tracker printed without a column header: its columns were read
        /// from what the cells hold and named from the vocabulary.
        HeaderInferred = "header_inferred",
        /// Header text spanning several columns (a group label), kept out
        /// of the column labels.
        HeaderGroup = "header_group",
        /// A page of a PDF that could not be read; the others were.
        PageUnreadable = "page_unreadable",
        /// A damaged PDF read after a structural repair.
        PdfRepaired = "pdf_repaired",
        /// The `pdf-extract` backend skipped text it does not implement
        /// (strings shown with the `'` or `"` operator).
        PdfExtractSkippedText = "pdf_extract_skipped_text",
        /// The `pdf-extract` backend could not match fonts to its text, so
        /// bold text is not recognised on that page.
        PdfExtractFontsUnmatched = "pdf_extract_fonts_unmatched",
        /// A column's header and its cells point to different roles (a
        /// `Progress` column holding prose, a `Goal` column holding distinct
        /// ids); the message says which role was taken and why.
        ColumnRoleConflict = "column_role_conflict",
        /// A table that looks like a plan or measures table (id-, date- or
        /// status-like columns, two or more rows) gave no records; the
        /// message names its page, its headers and the role it lacked.
        TableNotRead = "table_not_read",
        /// The document gave no records; the message says why (no tables,
        /// no plan tables, plan-like tables not read).
        NoRecords = "no_records",
        /// An HTML table with cells beyond the column cap; those cells are
        /// not read.
        TableTooWide = "table_too_wide",
        /// `--pages` named pages the document does not have.
        PagesNotFound = "pages_not_found",
        /// A finder override that does not apply to this input (areas,
        /// columns or a strategy given for a text input).
        OptionIgnored = "option_ignored",
    }
}

/// Where a warning points, as far as it is known: any of a page, a line
/// of a text input, a table and a row of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based page, when known (always written; `null` when not).
    pub page: Option<u32>,
    /// 1-based line of a text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Index into the document's `tables`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// 0-based row of that table's `rows`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_strings() {
        for c in ErrorCode::ALL {
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(ErrorCode::from_code(c.as_str()), Some(*c));
        }
        for c in WarningCode::ALL {
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(WarningCode::from_code(c.as_str()), Some(*c));
        }
    }
}
