//! # plantab-output
//!
//! The last library stage of plantab: it takes a finished contract
//! [`Document`] (built by `plantab-records`) and writes it out in one of the
//! three output formats the CLI offers. It reads nothing and changes nothing;
//! every writer is a pure view of the document.
//!
//! - **JSON** ([`to_json`]): the whole document, pretty-printed, exactly as
//!   the contract (`docs/OUTPUT.md`) and the JSON Schema
//!   ([`schema`], `schemas/plantab-document.schema.json`) state it.
//! - **NDJSON** ([`write_ndjson`]): one record a line, each line the record's
//!   own contract fields plus `"source": {"path", "sha256"}` and
//!   `"document": {"kind"}`, so lines from many documents can be
//!   concatenated and still be told apart.
//!   Several documents go into one array with [`JsonArrayWriter`], each
//!   serialised on its own ([`json_array_element`], on any thread) and
//!   written as it comes: the bytes of `serde_json::to_string_pretty` of the
//!   whole array, without holding the array.
//! - **CSV** ([`csv`]): the same records flattened to one row each, RFC
//!   4180 quoting, one header for any number of documents; the columns are
//!   the contract's and then the documents' own `fields` keys (see the
//!   [`csv`] module for the order and for writing documents one at a time).
//! - **Tables** ([`table_csv`], [`TableFile`], [`tables_markdown`]): what
//!   `plantab tables` writes besides JSON — one CSV per table, named by
//!   [`TableFile`] (which also reads such names back), and a markdown view
//!   of every table for a quick look.
//!
//! Errors are typed ([`OutputError`]): serialisation and I/O failures are
//! returned, never panicked on.

#![warn(missing_docs)]

use plantab_model::{Document, DocumentKind, Record, Table};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

pub mod csv;
pub mod sheets;
#[cfg(feature = "xlsx")]
pub mod xlsx;
pub use csv::{
    contract_field_keys, flat_records_csv, CsvColumns, CsvRows, CsvWriter, CSV_FIXED_COLUMNS,
};
pub use sheets::{
    document_row, document_table_cell_rows, documents_csv, is_owner_key, record_owner,
    records_columns, records_contract_columns, records_csv, status_rows, statuses_csv,
    table_cell_rows, tables_long_csv, write_csv_cells, Cell, RecordColumns, RecordRows,
    DOCUMENT_COLUMNS, FIELD_COLUMN_PREFIX, RECORD_COLUMNS, STATUS_COLUMNS, TABLE_CELL_COLUMNS,
};
#[cfg(feature = "xlsx")]
pub use xlsx::{
    records_xlsx, sheet_name, tables_xlsx, RecordsPart, RecordsWorkbook, TablesPart, TablesWorkbook,
};

/// The JSON Schema (2020-12) of the output document, as text: the crate's
/// own copy of `schemas/plantab-document.schema.json` (kept inside the
/// crate so it packages alone; `tests/schema.rs` checks the two are equal).
const SCHEMA: &str = include_str!("../schema/plantab-document.schema.json");

/// What can go wrong while writing output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The document could not be serialised to JSON.
    #[error("cannot serialise to JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The destination could not be written.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// A record's `fields` key has no column in the CSV being written (the
    /// columns were chosen without this document).
    #[error("no CSV column for fields key {0:?}")]
    NoColumn(String),
    /// Bytes given to [`JsonArrayWriter::push_element`] that are not one
    /// element made by [`json_array_element`].
    #[error("not a JSON array element made by json_array_element")]
    NotAnElement,
    /// A workbook could not be made (an Excel limit: more than 1,048,576
    /// rows on a sheet, a bad sheet name).
    #[cfg(feature = "xlsx")]
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// More rows than a worksheet can number.
    #[error("more rows than a worksheet holds")]
    TooManyRows,
    /// More columns than a worksheet holds (16,384).
    #[error("more columns than a worksheet holds")]
    TooManyColumns,
}

/// The JSON Schema (draft 2020-12) every document from [`to_json`] validates
/// against: the text of `schemas/plantab-document.schema.json`, compiled in.
pub fn schema() -> &'static str {
    SCHEMA
}

/// The whole document as pretty-printed JSON, ending with a newline.
///
/// Field names and shapes are the contract's (`plantab_model::contract`);
/// the result validates against [`schema`].
pub fn to_json(doc: &Document) -> Result<String, OutputError> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    Ok(text)
}

/// The document pretty-printed as the only element of a JSON array
/// (`[\n  {…}\n]`, indented as `serde_json::to_string_pretty` indents an
/// array's elements), for [`JsonArrayWriter::push_element`]. Made where the
/// document is (a worker thread), so the writer only copies bytes.
pub fn json_array_element(doc: &Document) -> Result<Vec<u8>, OutputError> {
    Ok(serde_json::to_vec_pretty(&[doc])?)
}

/// Writes documents one after another into one pretty-printed JSON array,
/// as they come: the bytes are those of `serde_json::to_string_pretty` of
/// the whole array plus a final newline (`[]\n` for none), and only one
/// document is held at a time.
#[derive(Debug)]
pub struct JsonArrayWriter<W: Write> {
    out: W,
    written: usize,
}

impl<W: Write> JsonArrayWriter<W> {
    /// A writer of an empty array so far.
    pub fn new(out: W) -> Self {
        JsonArrayWriter { out, written: 0 }
    }

    /// Appends a document.
    pub fn push(&mut self, doc: &Document) -> Result<(), OutputError> {
        self.push_element(&json_array_element(doc)?)
    }

    /// Appends an element made by [`json_array_element`].
    pub fn push_element(&mut self, element: &[u8]) -> Result<(), OutputError> {
        let inner = element
            .strip_prefix(b"[\n")
            .and_then(|e| e.strip_suffix(b"\n]"))
            .ok_or(OutputError::NotAnElement)?;
        self.out
            .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        self.out.write_all(inner)?;
        self.written += 1;
        Ok(())
    }

    /// How many elements were written.
    pub fn len(&self) -> usize {
        self.written
    }

    /// Whether no element was written.
    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Closes the array, flushes, and hands back the destination.
    pub fn finish(mut self) -> Result<W, OutputError> {
        let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
        self.out.write_all(end)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The `source` object of an NDJSON line.
#[derive(Serialize)]
struct LineSource<'a> {
    path: &'a str,
    sha256: &'a str,
}

/// The `document` object of an NDJSON line.
#[derive(Serialize)]
struct LineDocument {
    kind: DocumentKind,
}

/// One NDJSON line: source and document beside the record's own fields.
#[derive(Serialize)]
struct Line<'a> {
    source: LineSource<'a>,
    document: LineDocument,
    #[serde(flatten)]
    record: &'a Record,
}

/// Writes the document's records as NDJSON: one compact JSON object per
/// record, each followed by `\n`, in record order.
///
/// Each line holds `"source": {"path", "sha256"}` and `"document":
/// {"kind"}` followed by the record's own contract fields under their
/// contract names (`id`, `aliases`, …, `provenance`), so a line
/// deserialises as a `plantab_model::Record` as well. A document without
/// records writes nothing. Returns the number of lines written.
pub fn write_ndjson<W: Write>(doc: &Document, out: &mut W) -> Result<usize, OutputError> {
    let mut lines = 0;
    for record in &doc.records {
        let line = Line {
            source: LineSource {
                path: &doc.source.path,
                sha256: &doc.source.sha256,
            },
            document: LineDocument {
                kind: doc.document.kind,
            },
            record,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
        lines += 1;
    }
    Ok(lines)
}

/// One table as CSV (RFC 4180, CRLF line ends): one header line of column
/// names, never empty or repeated ([`plantab_tables::column_names`]: the
/// table's `header_rows` printed rows merged per column), then the body
/// rows. A spanning body cell's text is in its top-left position only; the
/// positions it covers are empty.
pub fn table_csv(table: &Table) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::new();
    csv::write_csv_row(&mut out, &plantab_tables::column_names(table))?;
    for row in table.rows.iter().skip(table.header_rows) {
        csv::write_csv_row(&mut out, row)?;
    }
    Ok(out)
}

/// Where one of a document's tables sits, as its CSV file names it:
/// `<stem>-p<page>-t<n>.csv`, `page` the table's first page and `n` its
/// 1-based position among the tables starting on that page; for a table
/// without pages (text input without page marks) `<stem>-t<n>.csv`, `n`
/// counted over the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFile {
    /// The table's first page, when it has pages.
    pub page: Option<u32>,
    /// 1-based position among the tables starting on `page`.
    pub n: u32,
}

impl TableFile {
    /// The file name for an input whose output stem is `stem`.
    pub fn name(&self, stem: &str) -> String {
        match self.page {
            Some(p) => format!("{stem}-p{p}-t{}.csv", self.n),
            None => format!("{stem}-t{}.csv", self.n),
        }
    }

    /// Reads a name back: `Some` when `name` is the CSV file name of a
    /// table of the input whose stem is `stem` (as [`TableFile::name`]
    /// writes it), so an input's table files can be found in a folder.
    pub fn parse(stem: &str, name: &str) -> Option<TableFile> {
        let rest = name
            .strip_prefix(stem)?
            .strip_prefix('-')?
            .strip_suffix(".csv")?;
        let number = |s: &str| {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        if let Some((p, t)) = rest.strip_prefix('p').and_then(|r| r.split_once("-t")) {
            if let (Some(page), Some(n)) = (number(p), number(t)) {
                return Some(TableFile {
                    page: Some(page),
                    n,
                });
            }
        }
        let n = number(rest.strip_prefix('t')?)?;
        Some(TableFile { page: None, n })
    }

    /// The names of an input's table files as a pattern, for a listing
    /// (`<stem>-p*-t*.csv`).
    pub fn pattern(stem: &str) -> String {
        format!("{stem}-p*-t*.csv")
    }

    /// Where each of a document's tables sits, in table order.
    pub fn of_document(doc: &Document) -> Vec<TableFile> {
        let mut on_page: BTreeMap<Option<u32>, u32> = BTreeMap::new();
        doc.tables
            .iter()
            .map(|t| {
                let page = t.pages.first().copied();
                let n = on_page.entry(page).or_default();
                *n += 1;
                TableFile { page, n: *n }
            })
            .collect()
    }
}

/// The file name of each of a document's tables, in table order (see
/// [`TableFile`]).
pub fn table_file_names(stem: &str, doc: &Document) -> Vec<String> {
    TableFile::of_document(doc)
        .iter()
        .map(|t| t.name(stem))
        .collect()
}

/// Every table of a document as markdown, for a quick look: a `#` line
/// naming the source, then per table a `##` line (number, pages, how it
/// was joined, section) and a pipe table whose header line is the
/// table's printed header rows merged per column (or empty when it
/// printed none). Line breaks in cells become `<br>`, `|` is escaped.
pub fn tables_markdown(doc: &Document) -> String {
    let mut s = format!("# {}\n\n", doc.source.path);
    if doc.tables.is_empty() {
        s.push_str("No tables found.\n\n");
    }
    for t in &doc.tables {
        let pages = match (t.pages.first(), t.pages.last()) {
            (Some(a), Some(b)) if a != b => format!("pages {a}–{b}"),
            (Some(a), _) => format!("page {a}"),
            _ => "no page".to_string(),
        };
        s.push_str(&format!("## Table {} ({pages}", t.index + 1));
        if t.pages.len() > 1 {
            s.push_str(", continued");
        }
        s.push_str(")\n\n");
        if let Some(sec) = &t.section {
            s.push_str(&format!("Section: {}\n\n", md_cell(sec)));
        }
        let width = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let head_rows = t.header_rows.min(t.rows.len());
        let mut header = vec![String::new(); width];
        for row in t.rows.iter().take(head_rows) {
            for (slot, cell) in header.iter_mut().zip(row) {
                let cell = cell.trim();
                if !cell.is_empty() && !slot.split(" / ").any(|p| p == cell) {
                    if !slot.is_empty() {
                        slot.push_str(" / ");
                    }
                    slot.push_str(cell);
                }
            }
        }
        md_row(&mut s, &header);
        md_row(&mut s, &vec!["---".to_string(); width]);
        for row in t.rows.iter().skip(head_rows) {
            let mut cells = row.clone();
            cells.resize(width, String::new());
            md_row(&mut s, &cells);
        }
        s.push('\n');
    }
    s
}

fn md_row(s: &mut String, cells: &[String]) {
    s.push('|');
    for c in cells {
        s.push(' ');
        s.push_str(&md_cell(c));
        s.push_str(" |");
    }
    s.push('\n');
}

fn md_cell(c: &str) -> String {
    c.trim()
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_file_names_read_back() {
        for (stem, t) in [
            (
                "plan",
                TableFile {
                    page: Some(3),
                    n: 2,
                },
            ),
            (
                "plan-p1-t1",
                TableFile {
                    page: Some(10),
                    n: 1,
                },
            ),
            ("notes", TableFile { page: None, n: 4 }),
        ] {
            assert_eq!(TableFile::parse(stem, &t.name(stem)), Some(t));
        }
        assert_eq!(TableFile::parse("plan", "plan-p3-t.csv"), None);
        assert_eq!(TableFile::parse("plan", "plan-px-t1.csv"), None);
        assert_eq!(TableFile::parse("plan", "plan.csv"), None);
        assert_eq!(TableFile::parse("plan", "planx-t1.csv"), None);
        assert_eq!(TableFile::parse("plan", "plan-t1.json"), None);
        assert_eq!(TableFile::pattern("plan"), "plan-p*-t*.csv");
    }
}
