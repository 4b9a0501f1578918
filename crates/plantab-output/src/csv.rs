//! Records as CSV: one row per record, RFC 4180 (fields quoted when they
//! hold `,`, `"`, CR or LF, quotes doubled, rows ended by CRLF; UTF-8, no
//! byte-order mark).
//!
//! # Columns
//!
//! 1. [`CSV_FIXED_COLUMNS`]: `source_path`, `source_sha256`,
//!    `document_kind`, `table`, `row`, `pages` (provenance pages,
//!    `;`-joined), `id`, `aliases` (`; `-joined), `parent_id`, `kind`,
//!    `section`, `title`, `description`, `due_raw`, `due_start`, `due_end`,
//!    `start_raw`, `start_start`, `start_end`, then the status of the
//!    latest period (the last `status` entry): `status_period`,
//!    `status_code`, `status_raw`, `revised_due` (as printed),
//!    `revised_due_start`, `revised_due_end`, `commentary`;
//! 2. `fields.<key>` for every `fields` key the contract names
//!    ([`contract_field_keys`]: the keys of the header vocabulary in the
//!    order of its data file, `fields.lead_department` …
//!    `fields.main_action_risk`, then `fields.unparsed`), whether or not
//!    any record has them, so the same inputs of any family give the same
//!    leading columns;
//! 3. `fields.<key>` for every other key the documents written hold (a
//!    header the vocabulary does not know keeps its printed words as a key,
//!    `fields.csp_2023`), in byte order of the key.
//!
//! Absent values (a `null` in the JSON, no status, no date, a field the
//! record does not have) are empty cells. Cells are written as printed: no
//! spreadsheet-formula escaping is done (descriptions legitimately start
//! with `- `).
//!
//! # Writing
//!
//! The third group depends on every document of the file, so the header
//! can only be written once their keys are known. A caller holding the
//! documents uses [`flat_records_csv`] (or a [`CsvWriter`] over
//! [`CsvColumns::of_documents`]). A caller that sees documents one at a
//! time (a batch, reading files in parallel) turns each into [`CsvRows`] —
//! its rows with the field values kept by key, cheap to pass between
//! threads or processes as bytes ([`CsvRows::to_bytes`]) — collects their
//! keys into a [`CsvColumns`], and at the end writes the header
//! ([`CsvWriter::write_header`]) and the rows of each document in turn
//! ([`CsvWriter::write_rows`]): a rows-only write, no header to cut off.

use crate::OutputError;
use plantab_model::{DateValue, Document, Record, StatusEntry, UNPARSED_FIELD};
use serde::{Deserialize, Serialize};
use std::io::Write;

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

/// The `fields` keys every records CSV has a column for, in column order:
/// the header vocabulary's `fields` keys ([`plantab_vocab::field_keys`],
/// the keys the contract names) and then [`UNPARSED_FIELD`].
pub fn contract_field_keys() -> Vec<&'static str> {
    let mut keys = plantab_vocab::field_keys().to_vec();
    if !keys.contains(&UNPARSED_FIELD) {
        keys.push(UNPARSED_FIELD);
    }
    keys
}

/// The columns of a records CSV: the fixed ones, then one `fields.<key>`
/// column per key — the contract's first ([`contract_field_keys`]), then
/// the other keys added, kept in byte order (see the [module docs](self)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvColumns {
    /// Contract keys, then the added keys sorted.
    fields: Vec<String>,
    /// How many of `fields` are contract keys.
    contract: usize,
}

impl Default for CsvColumns {
    fn default() -> Self {
        CsvColumns::contract()
    }
}

impl CsvColumns {
    /// The columns of a file whose records hold no keys beyond the
    /// contract's.
    pub fn contract() -> CsvColumns {
        let fields: Vec<String> = contract_field_keys()
            .into_iter()
            .map(str::to_string)
            .collect();
        CsvColumns {
            contract: fields.len(),
            fields,
        }
    }

    /// The columns for these documents: the contract's, then every other
    /// `fields` key their records hold.
    pub fn of_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> CsvColumns {
        let mut columns = CsvColumns::contract();
        for doc in docs {
            columns.add_document(doc);
        }
        columns
    }

    /// Adds a column for `key` unless there is one (a contract key, or one
    /// added before).
    pub fn add_key(&mut self, key: &str) {
        if self.fields.iter().take(self.contract).any(|k| k == key) {
            return;
        }
        let extra = self.fields.get(self.contract..).unwrap_or_default();
        if let Err(at) = extra.binary_search_by(|k| k.as_str().cmp(key)) {
            self.fields.insert(self.contract + at, key.to_string());
        }
    }

    /// Adds a column for every `fields` key of the document's records.
    pub fn add_document(&mut self, doc: &Document) {
        for record in &doc.records {
            for key in record.fields.keys() {
                self.add_key(key);
            }
        }
    }

    /// Adds a column for every key of `rows`.
    pub fn add_rows(&mut self, rows: &CsvRows) {
        for key in rows.keys() {
            self.add_key(key);
        }
    }

    /// The `fields` keys with a column, in column order.
    pub fn field_keys(&self) -> &[String] {
        &self.fields
    }

    /// The header row's cells, in order.
    pub fn header(&self) -> Vec<String> {
        let mut cells: Vec<String> = CSV_FIXED_COLUMNS.iter().map(|c| c.to_string()).collect();
        cells.extend(self.fields.iter().map(|k| format!("fields.{k}")));
        cells
    }
}

/// One record's row before the file's columns are known: the fixed cells
/// already encoded, the fields by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct PendingRow {
    /// The [`CSV_FIXED_COLUMNS`] cells as CSV text (quoted where needed,
    /// comma-separated, no line end).
    fixed: String,
    /// The record's `fields`, in key order.
    fields: Vec<(String, String)>,
}

/// One document's records as CSV rows whose `fields.*` columns are not
/// placed yet (see the [module docs](self)): made where the document is,
/// written once the file's [`CsvColumns`] are known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvRows {
    rows: Vec<PendingRow>,
}

impl CsvRows {
    /// The rows of `doc`'s records, in record order.
    pub fn of_document(doc: &Document) -> Result<CsvRows, OutputError> {
        let document_kind = enum_name(&doc.document.kind)?;
        let mut rows = Vec::with_capacity(doc.records.len());
        for record in &doc.records {
            let cells = fixed_cells(doc, &document_kind, record)?;
            let mut fixed = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    fixed.push(',');
                }
                push_csv_cell(&mut fixed, cell);
            }
            rows.push(PendingRow {
                fixed,
                fields: record
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            });
        }
        Ok(CsvRows { rows })
    }

    /// How many rows (records).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every `fields` key of the rows (a key once per row holding it).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.rows
            .iter()
            .flat_map(|r| r.fields.iter().map(|(k, _)| k.as_str()))
    }

    /// The rows as bytes (compact JSON), to pass them between threads or
    /// processes or keep them in a file until the end of a run.
    pub fn to_bytes(&self) -> Result<Vec<u8>, OutputError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// Rows from [`CsvRows::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CsvRows, OutputError> {
        Ok(serde_json::from_slice(bytes)?)
    }

    /// Writes the rows under `columns` (no header). A key of a row without
    /// a column in `columns` is an error ([`OutputError::NoColumn`]):
    /// nothing is dropped silently. Returns the number of rows written.
    pub fn write<W: Write>(&self, columns: &CsvColumns, out: &mut W) -> Result<usize, OutputError> {
        let mut line = String::new();
        for row in &self.rows {
            line.clear();
            line.push_str(&row.fixed);
            let mut placed = 0;
            for key in &columns.fields {
                line.push(',');
                if let Ok(i) = row.fields.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                    if let Some((_, value)) = row.fields.get(i) {
                        push_csv_cell(&mut line, value);
                        placed += 1;
                    }
                }
            }
            if placed < row.fields.len() {
                let missing = row
                    .fields
                    .iter()
                    .find(|(k, _)| !columns.fields.contains(k))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                return Err(OutputError::NoColumn(missing));
            }
            line.push_str("\r\n");
            out.write_all(line.as_bytes())?;
        }
        Ok(self.rows.len())
    }
}

/// Writes records as one CSV table under a given set of [`CsvColumns`]:
/// the header once (before the first row, or by [`CsvWriter::finish`] when
/// there was none), then the rows of each document.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: W,
    columns: CsvColumns,
    header_written: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer with these columns. Every `fields` key of the documents
    /// written must have one (see [`CsvColumns::of_documents`]).
    pub fn new(out: W, columns: CsvColumns) -> Self {
        CsvWriter {
            out,
            columns,
            header_written: false,
        }
    }

    /// The writer's columns.
    pub fn columns(&self) -> &CsvColumns {
        &self.columns
    }

    /// Writes the header row unless it was written already.
    pub fn write_header(&mut self) -> Result<(), OutputError> {
        if !self.header_written {
            write_csv_row(&mut self.out, &self.columns.header())?;
            self.header_written = true;
        }
        Ok(())
    }

    /// Writes one row per record of `doc` (the header first, if not yet
    /// written). Returns the number of rows written.
    pub fn write_document(&mut self, doc: &Document) -> Result<usize, OutputError> {
        self.write_rows(&CsvRows::of_document(doc)?)
    }

    /// Writes rows made by [`CsvRows::of_document`] (the header first, if
    /// not yet written). Returns the number of rows written.
    pub fn write_rows(&mut self, rows: &CsvRows) -> Result<usize, OutputError> {
        self.write_header()?;
        rows.write(&self.columns, &mut self.out)
    }

    /// Writes the header if no row was written yet (so an empty file still
    /// has one), flushes, and hands back the destination.
    pub fn finish(mut self) -> Result<W, OutputError> {
        self.write_header()?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The records of `docs` as one flat CSV file (`--format flat-csv`), columns
/// from [`CsvColumns::of_documents`].
pub fn flat_records_csv(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut w = CsvWriter::new(Vec::new(), CsvColumns::of_documents(docs));
    for doc in docs {
        w.write_document(doc)?;
    }
    w.finish()
}

/// The [`CSV_FIXED_COLUMNS`] cells of one record.
fn fixed_cells(
    doc: &Document,
    document_kind: &str,
    record: &Record,
) -> Result<Vec<String>, OutputError> {
    let mut cells: Vec<String> = Vec::with_capacity(CSV_FIXED_COLUMNS.len());
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
    Ok(cells)
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

/// Writes one CSV row (RFC 4180) ended by CRLF.
pub(crate) fn write_csv_row<W: Write, S: AsRef<str>>(
    out: &mut W,
    cells: &[S],
) -> Result<(), OutputError> {
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
pub(crate) fn push_csv_cell(line: &mut String, cell: &str) {
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
    fn contract_keys_first_then_added_keys_sorted_once() {
        let mut c = CsvColumns::contract();
        let n = c.field_keys().len();
        c.add_key("zone");
        c.add_key("widget_count");
        c.add_key("zone");
        c.add_key("lead_department");
        let keys = c.field_keys();
        assert_eq!(keys.len(), n + 2);
        assert_eq!(keys.first().map(String::as_str), Some("lead_department"));
        assert_eq!(keys.get(n - 1).map(String::as_str), Some(UNPARSED_FIELD));
        assert_eq!(
            keys.get(n..).unwrap_or_default(),
            ["widget_count".to_string(), "zone".to_string()]
        );
        let header = c.header();
        assert_eq!(header.first().map(String::as_str), Some("source_path"));
        assert_eq!(header.last().map(String::as_str), Some("fields.zone"));
    }
}
