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
//! - **CSV** ([`CsvWriter`]): the same records flattened to one row each,
//!   RFC 4180 quoting, one header for any number of documents. See
//!   [`CsvWriter`] for the column set and why it is fixed.
//!
//! - **Tables** ([`table_csv`], [`table_file_names`], [`tables_markdown`]):
//!   what `plantab tables` writes besides JSON — one CSV per table, and a
//!   markdown view of every table for a quick look.
//!
//! Errors are typed ([`OutputError`]): serialisation and I/O failures are
//! returned, never panicked on.

#![warn(missing_docs)]

use plantab_model::{DateValue, Document, DocumentKind, Record, StatusEntry, Table};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The JSON Schema (2020-12) of the output document, as text.
const SCHEMA: &str = include_str!("../../../schemas/plantab-document.schema.json");

/// What can go wrong while writing output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The document could not be serialised to JSON.
    #[error("cannot serialise to JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The destination could not be written.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
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

/// The `fields` keys [`CsvWriter::new`] gives a column of their own: every
/// `fields.*` key the contract names (`docs/OUTPUT.md`, "Columns →
/// contract keys"), plus `unparsed` (text that fitted no column).
pub const DEFAULT_FIELD_COLUMNS: &[&str] = &[
    "lead_department",
    "lead_service",
    "type",
    "reference",
    "minister",
    "size",
    "current_stage",
    "next_stage",
    "next_stage_date",
    "data_availability",
    "reporting_frequency",
    "baseline",
    "target",
    "international_benchmarking",
    "workstream",
    "director_lead",
    "cabinet_member",
    "other_leads",
    "update_owner",
    "main_action_risk",
    "unparsed",
];

/// The fixed columns every CSV row starts with, in order.
pub const CSV_FIXED_COLUMNS: &[&str] = &[
    "source_path",
    "source_sha256",
    "document_kind",
    "table",
    "row",
    "pages",
    "id",
    "aliases",
    "parent_id",
    "kind",
    "section",
    "title",
    "description",
    "due_raw",
    "due_start",
    "due_end",
    "start_raw",
    "start_start",
    "start_end",
    "status_period",
    "status_code",
    "status_raw",
    "revised_due",
    "revised_due_start",
    "revised_due_end",
    "commentary",
];

/// The name of the last CSV column: the `fields` not given a column of
/// their own, as a JSON object.
pub const CSV_FIELDS_OTHER_COLUMN: &str = "fields_other";

/// Writes the records of any number of documents as one CSV table
/// (RFC 4180: fields quoted when they hold `,`, `"`, CR or LF, quotes
/// doubled, rows ended by CRLF; UTF-8, no byte-order mark).
///
/// # Columns
///
/// One row per record. The header is written once, before the first row
/// (or by [`CsvWriter::finish`] when no record was written), and is:
///
/// 1. [`CSV_FIXED_COLUMNS`]: `source_path`, `source_sha256`,
///    `document_kind`, `table`, `row`, `pages` (provenance pages,
///    `;`-joined), `id`, `aliases` (`; `-joined), `parent_id`, `kind`,
///    `section`, `title`, `description`, `due_raw`, `due_start`, `due_end`,
///    `start_raw`, `start_start`, `start_end`, then the status of the
///    latest period (the last `status` entry): `status_period`,
///    `status_code`, `status_raw`, `revised_due` (as printed),
///    `revised_due_start`, `revised_due_end`, `commentary`;
/// 2. one `fields.<key>` column per field key, by default the keys the
///    contract names ([`DEFAULT_FIELD_COLUMNS`]: `fields.lead_department`,
///    `fields.lead_service`, `fields.type`, …, `fields.unparsed`);
/// 3. `fields_other`: every remaining `fields` entry of the record as a
///    JSON object (`{"csp_2023":"…"}`), empty when there is none.
///
/// Absent values (a `null` in the JSON, no status, no date) are empty cells.
///
/// # Why a fixed column set
///
/// `fields` keys differ from document to document (a header the vocabulary
/// does not know keeps its own words as a key), but a CSV has one header
/// and this writer streams: it cannot know the keys of documents it has not
/// seen yet. A column set that changed with the input would also break
/// spreadsheets and scripts built against yesterday's file. So the columns
/// are fixed: the keys the contract names get real, filterable columns
/// (what a spreadsheet user sorts and filters on: lead department,
/// minister, reference …), and nothing is dropped, because every other key
/// lands in `fields_other`. A caller that knows its key set in advance
/// (e.g. after reading all documents) can choose the columns with
/// [`CsvWriter::with_field_columns`].
///
/// Cells are written as printed: no spreadsheet-formula escaping is done
/// (descriptions legitimately start with `- `).
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: W,
    field_columns: Vec<String>,
    header_written: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer with the default `fields.*` columns
    /// ([`DEFAULT_FIELD_COLUMNS`]).
    pub fn new(out: W) -> Self {
        Self::with_field_columns(
            out,
            DEFAULT_FIELD_COLUMNS
                .iter()
                .map(|k| k.to_string())
                .collect(),
        )
    }

    /// A writer with one `fields.<key>` column per key given, in that order
    /// (duplicates are kept once); keys not listed go to `fields_other`.
    pub fn with_field_columns(out: W, keys: Vec<String>) -> Self {
        let mut field_columns: Vec<String> = Vec::with_capacity(keys.len());
        for key in keys {
            if !field_columns.contains(&key) {
                field_columns.push(key);
            }
        }
        CsvWriter {
            out,
            field_columns,
            header_written: false,
        }
    }

    /// The header row's cells, in order.
    pub fn header(&self) -> Vec<String> {
        let mut cells: Vec<String> = CSV_FIXED_COLUMNS.iter().map(|c| c.to_string()).collect();
        cells.extend(self.field_columns.iter().map(|k| format!("fields.{k}")));
        cells.push(CSV_FIELDS_OTHER_COLUMN.to_string());
        cells
    }

    /// Writes one row per record of `doc` (the header first, if not yet
    /// written). Returns the number of record rows written.
    pub fn write_document(&mut self, doc: &Document) -> Result<usize, OutputError> {
        self.write_header_once()?;
        let document_kind = enum_name(&doc.document.kind)?;
        let mut rows = 0;
        for record in &doc.records {
            let cells = self.record_cells(doc, &document_kind, record)?;
            write_csv_row(&mut self.out, &cells)?;
            rows += 1;
        }
        Ok(rows)
    }

    /// Writes the header if no row was written yet (so an empty run still
    /// yields a header), flushes, and hands back the destination.
    pub fn finish(mut self) -> Result<W, OutputError> {
        self.write_header_once()?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn write_header_once(&mut self) -> Result<(), OutputError> {
        if !self.header_written {
            let header = self.header();
            write_csv_row(&mut self.out, &header)?;
            self.header_written = true;
        }
        Ok(())
    }

    fn record_cells(
        &self,
        doc: &Document,
        document_kind: &str,
        record: &Record,
    ) -> Result<Vec<String>, OutputError> {
        let mut cells: Vec<String> =
            Vec::with_capacity(CSV_FIXED_COLUMNS.len() + self.field_columns.len() + 1);
        cells.push(doc.source.path.clone());
        cells.push(doc.source.sha256.clone());
        cells.push(document_kind.to_string());
        cells.push(record.provenance.table.to_string());
        cells.push(record.provenance.row.to_string());
        cells.push(join_numbers(&record.provenance.pages, ";"));
        cells.push(opt(&record.id));
        cells.push(record.aliases.join("; "));
        cells.push(opt(&record.parent_id));
        cells.push(enum_name(&record.kind)?);
        cells.push(opt(&record.section));
        cells.push(opt(&record.title));
        cells.push(opt(&record.description));
        push_date(&mut cells, record.due.as_ref());
        push_date(&mut cells, record.start.as_ref());
        push_status(&mut cells, record.status.last())?;

        let mut other: BTreeMap<&str, &str> = BTreeMap::new();
        for (key, value) in &record.fields {
            if !self.field_columns.contains(key) {
                other.insert(key, value);
            }
        }
        for key in &self.field_columns {
            cells.push(record.fields.get(key).cloned().unwrap_or_default());
        }
        cells.push(if other.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&other)?
        });
        Ok(cells)
    }
}

/// The snake_case name serde gives a unit enum variant.
fn enum_name<T: Serialize>(value: &T) -> Result<String, OutputError> {
    Ok(match serde_json::to_value(value)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn join_numbers(numbers: &[u32], sep: &str) -> String {
    numbers
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Appends `raw`, `start`, `end` of a date (three empty cells for none).
fn push_date(cells: &mut Vec<String>, date: Option<&DateValue>) {
    match date {
        Some(d) => {
            cells.push(d.raw.clone());
            cells.push(opt(&d.start));
            cells.push(opt(&d.end));
        }
        None => cells.resize(cells.len() + 3, String::new()),
    }
}

/// Appends the seven status cells of the latest period.
fn push_status(cells: &mut Vec<String>, status: Option<&StatusEntry>) -> Result<(), OutputError> {
    match status {
        Some(s) => {
            cells.push(opt(&s.period));
            cells.push(enum_name(&s.code)?);
            cells.push(s.raw.clone());
            push_date(cells, s.revised_due.as_ref());
            cells.push(opt(&s.commentary));
        }
        None => cells.resize(cells.len() + 7, String::new()),
    }
    Ok(())
}

/// One table as CSV (RFC 4180, CRLF line ends): one header line of column
/// names, never empty or repeated ([`plantab_tables::column_names`]: the
/// table's `header_rows` printed rows merged per column), then the body
/// rows. A spanning body cell's text is in its top-left position only; the
/// positions it covers are empty.
pub fn table_csv(table: &Table) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::new();
    write_csv_row(&mut out, &plantab_tables::column_names(table))?;
    for row in table.rows.iter().skip(table.header_rows) {
        write_csv_row(&mut out, row)?;
    }
    Ok(out)
}

/// The file name of each of a document's tables, in table order:
/// `<stem>-p<page>-t<n>.csv`, `page` the table's first page and `n` the
/// table's 1-based position among the tables starting on that page;
/// `<stem>-t<n>.csv` (`n` counted over the document) for tables without
/// pages (text input without page marks).
pub fn table_file_names(stem: &str, doc: &Document) -> Vec<String> {
    let mut on_page: BTreeMap<Option<u32>, usize> = BTreeMap::new();
    doc.tables
        .iter()
        .map(|t| {
            let page = t.pages.first().copied();
            let n = on_page.entry(page).or_default();
            *n += 1;
            match page {
                Some(p) => format!("{stem}-p{p}-t{n}.csv"),
                None => format!("{stem}-t{n}.csv"),
            }
        })
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

/// Writes one CSV row (RFC 4180) ended by CRLF.
fn write_csv_row<W: Write, S: AsRef<str>>(out: &mut W, cells: &[S]) -> Result<(), OutputError> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_csv_cell(&mut line, cell.as_ref());
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())?;
    Ok(())
}

/// Appends one cell, quoted when it holds a comma, quote, CR or LF, with
/// quotes doubled.
fn push_csv_cell(line: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n']) {
        line.push('"');
        line.push_str(&cell.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let mut line = String::new();
        push_csv_cell(&mut line, "plain text");
        assert_eq!(line, "plain text");
        let mut line = String::new();
        push_csv_cell(&mut line, "a, \"b\"\nc");
        assert_eq!(line, "\"a, \"\"b\"\"\nc\"");
    }

    #[test]
    fn header_has_fixed_then_field_then_other_columns() {
        let w = CsvWriter::with_field_columns(Vec::new(), vec!["x".into(), "x".into(), "y".into()]);
        let header = w.header();
        assert_eq!(header.len(), CSV_FIXED_COLUMNS.len() + 3);
        assert_eq!(header.first().map(String::as_str), Some("source_path"));
        assert_eq!(
            header.get(CSV_FIXED_COLUMNS.len()).map(String::as_str),
            Some("fields.x")
        );
        assert_eq!(header.last().map(String::as_str), Some("fields_other"));
    }
}
