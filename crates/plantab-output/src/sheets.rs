//! The analyst's tables: what `--format csv` and `--format xlsx` write and
//! what a DataFrame holds — `records.csv` (one row per record),
//! `statuses.csv` (one row per record and status entry), `documents.csv`
//! (one row per input) and, for `plantab tables`, `tables.csv` (one row per
//! printed cell of every table).
//!
//! Every table here is a list of columns and rows of typed [`Cell`]s
//! (text, whole numbers, booleans, ISO dates), so the same rows become CSV
//! ([`write_csv_cells`]: RFC 4180, UTF-8, rows ended by CRLF) or a
//! worksheet with numbers and dates as such.
//!
//! # Rules every table follows
//!
//! - snake_case column names, no dots (`df.status_code` works in pandas);
//! - no JSON and no joined numbers in a cell: a record's first and last
//!   page are two integer columns, each status entry is a row of
//!   `statuses.csv`, each `fields` key a `field_<key>` column;
//! - the same columns whatever the inputs, except `records.csv`'s
//!   `field_<key>` columns: the contract's keys always
//!   ([`contract_field_keys`](crate::csv::contract_field_keys)), then every other key the documents hold,
//!   in byte order (a header the vocabulary does not know keeps its printed
//!   words as its key);
//! - line breaks inside a cell are kept, as `\n` (a CR LF or lone CR in
//!   the text becomes LF), inside a quoted cell: `pandas.read_csv` and
//!   Excel read them back as one cell.
//!
//! # `records.csv` columns
//!
//! [`RECORD_COLUMNS`], then `field_<key>` ([`RecordColumns`]). `owner` is
//! the record's accountable lead: the value of its first owner-like
//! `fields` column in the order the table printed them ([`is_owner_key`]:
//! a key one of whose words is a role title or body of the role-word
//! vocabulary — lead, director, minister, member, owner, team … — or an
//! owner word — department, council, office …), with `owner_field` naming
//! the key; both empty when the record has none. The value is also in its
//! own `field_<key>` column.
//!
//! # Writing one document at a time
//!
//! The `field_<key>` columns depend on every document of the file, so a
//! batch makes each document's rows apart ([`RecordRows::of_document`],
//! passed between threads or processes as bytes with
//! [`RecordRows::to_bytes`]), collects their keys in a [`RecordColumns`]
//! and writes the header and rows at the end. The other tables have fixed
//! columns: their rows can be written as they come.

use crate::csv::CsvColumns;
use crate::OutputError;
use plantab_model::{DateValue, Document, Measure, Record, StatusEntry, Table};
use serde::{Deserialize, Serialize};
use std::io::Write;

/// One cell of an analyst table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    /// Nothing (an empty CSV field, a blank worksheet cell).
    Empty,
    /// Text.
    Text(String),
    /// A whole number (pages, indexes, counts).
    Int(i64),
    /// `true` / `false`.
    Bool(bool),
    /// An ISO 8601 day, `YYYY-MM-DD` (a worksheet date).
    Date(String),
}

impl Cell {
    /// The cell as CSV text before quoting: text as it is, numbers in
    /// decimal, `true`/`false`, dates as ISO 8601, empty for none.
    pub fn to_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) | Cell::Date(s) => Cow::Borrowed(s.as_str()),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }

    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn opt_text(s: Option<&String>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::text(s))
    }

    fn opt_date(s: Option<&String>) -> Cell {
        match s {
            Some(s) if !s.is_empty() => Cell::Date(s.clone()),
            _ => Cell::Empty,
        }
    }

    fn count(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    fn opt_count<T: Into<u64>>(n: Option<T>) -> Cell {
        n.map_or(Cell::Empty, |n| {
            Cell::Int(i64::try_from(n.into()).unwrap_or(i64::MAX))
        })
    }
}

/// The fixed columns of `records.csv`, in order; the `field_<key>` columns
/// follow ([`RecordColumns::header`]).
pub const RECORD_COLUMNS: &[&str] = &[
    "source_path",
    "document_kind",
    "document_title",
    "document_owner",
    "document_period",
    "page_first",
    "page_last",
    "line",
    "table",
    "row",
    "id",
    "aliases",
    "parent_id",
    "kind",
    "section",
    "title",
    "description",
    "owner",
    "owner_field",
    "due_raw",
    "due_kind",
    "due_start",
    "due_end",
    "start_raw",
    "start_kind",
    "start_start",
    "start_end",
    "status_count",
    "status_period",
    "status_label",
    "status_code",
    "status_raw",
    "status_revised_due_raw",
    "status_revised_due_kind",
    "status_revised_due_start",
    "status_revised_due_end",
    "status_commentary",
    "status_colour_name",
    "status_colour_rgb",
    "status_code_from",
    "status_subject",
    "measure_baseline",
    "measure_target",
    "measure_actual",
    "measure_unit",
];

/// The prefix of a `fields` key's column in `records.csv`.
pub const FIELD_COLUMN_PREFIX: &str = "field_";

/// The columns of `statuses.csv`, in order: the record's key columns
/// (`source_path`, `table`, `row` identify it; `id` and `title` to read
/// it), the entry's place (`entry`, 1-based, oldest first; `latest` for
/// the last), then the entry.
pub const STATUS_COLUMNS: &[&str] = &[
    "source_path",
    "table",
    "row",
    "id",
    "title",
    "entry",
    "latest",
    "period",
    "label",
    "code",
    "raw",
    "revised_due_raw",
    "revised_due_kind",
    "revised_due_start",
    "revised_due_end",
    "commentary",
    "colour_name",
    "colour_rgb",
    "code_from",
    "subject",
    "measure_baseline",
    "measure_target",
    "measure_actual",
    "measure_unit",
];

/// The columns of `documents.csv` (the workbook's `documents` sheet), in
/// order: one row per input converted.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "source_path",
    "source_sha256",
    "source_format",
    "source_pages",
    "source_bytes",
    "document_kind",
    "document_title",
    "document_owner",
    "document_period",
    "tables",
    "records",
    "statuses",
    "warnings",
];

/// The columns of `tables.csv` (`plantab tables`), in order: one row per
/// printed cell with text. `file` is the input's path; `page` the table's
/// first page and `table` its 1-based position among the tables starting
/// there (as its own CSV file is named, `<stem>-p<page>-t<table>.csv`;
/// `page` empty and `table` counted over the document for text without
/// page marks); `row` and `col` 0-based in the table's rows as printed,
/// header rows first (`is_header`); `table_index` the table's 0-based
/// index in the JSON document's `tables`.
pub const TABLE_CELL_COLUMNS: &[&str] = &[
    "file",
    "page",
    "table",
    "row",
    "col",
    "row_span",
    "col_span",
    "is_header",
    "text",
    "table_index",
];

/// Whether a `fields` key names who is accountable for a record: one of
/// its words (split at anything not a letter or digit) is a role title or
/// body of the role-word vocabulary (`lead`, `director`, `minister`,
/// `member`, `owner`, `team` …, not a mere qualifier like `chief`) or an
/// owner word (`department`, `council`, `office` …).
///
/// ```
/// use plantab_output::is_owner_key;
/// assert!(is_owner_key("lead_department"));
/// assert!(is_owner_key("director_lead"));
/// assert!(is_owner_key("cabinet_member"));
/// assert!(!is_owner_key("main_action_risk"));
/// assert!(!is_owner_key("reporting_frequency"));
/// ```
pub fn is_owner_key(key: &str) -> bool {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            plantab_vocab::role_word(w)
                .is_some_and(|r| r.kind != plantab_vocab::RoleWordKind::Prefix)
                || plantab_vocab::owner_word_end(w).is_some()
        })
}

/// The record's accountable lead: `(key, value)` of its first non-empty
/// owner-like `fields` entry ([`is_owner_key`]), in the order of its
/// table's columns, then (keys without a column) in key order.
pub fn record_owner<'a>(doc: &Document, record: &'a Record) -> Option<(&'a str, &'a str)> {
    let value = |key: &str| {
        record
            .fields
            .get_key_value(key)
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.as_str(), v.as_str()))
    };
    let columns = doc
        .tables
        .get(record.provenance.table)
        .map(|t| t.columns.as_slice())
        .unwrap_or_default();
    columns
        .iter()
        .filter(|c| is_owner_key(&c.key))
        .find_map(|c| value(&c.key))
        .or_else(|| {
            record
                .fields
                .keys()
                .filter(|k| is_owner_key(k))
                .find_map(|k| value(k))
        })
}

/// The columns of a `records.csv`: [`RECORD_COLUMNS`], then one
/// `field_<key>` column per `fields` key — the contract's first
/// ([`contract_field_keys`](crate::csv::contract_field_keys)), then the other keys added, in byte order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordColumns {
    keys: CsvColumns,
}

impl RecordColumns {
    /// The columns of a file whose records hold no keys beyond the
    /// contract's.
    pub fn contract() -> RecordColumns {
        RecordColumns::default()
    }

    /// The columns for these documents.
    pub fn of_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> RecordColumns {
        RecordColumns {
            keys: CsvColumns::of_documents(docs),
        }
    }

    /// Adds a column for `key` unless there is one.
    pub fn add_key(&mut self, key: &str) {
        self.keys.add_key(key);
    }

    /// Adds a column for every key of `rows`.
    pub fn add_rows(&mut self, rows: &RecordRows) {
        for row in &rows.rows {
            for (k, _) in &row.fields {
                self.keys.add_key(k);
            }
        }
    }

    /// The `fields` keys with a column, in column order.
    pub fn field_keys(&self) -> &[String] {
        self.keys.field_keys()
    }

    /// The header: [`RECORD_COLUMNS`] then `field_<key>` per key.
    pub fn header(&self) -> Vec<String> {
        let mut cells: Vec<String> = RECORD_COLUMNS.iter().map(|c| c.to_string()).collect();
        cells.extend(
            self.field_keys()
                .iter()
                .map(|k| format!("{FIELD_COLUMN_PREFIX}{k}")),
        );
        cells
    }
}

/// The `records.csv` columns for these documents (what `plantab extract
/// --format csv` writes and the Python package's `records()` DataFrame
/// holds).
pub fn records_columns(docs: &[Document]) -> Vec<String> {
    RecordColumns::of_documents(docs).header()
}

/// The `records.csv` columns every file has, whatever its documents:
/// [`RECORD_COLUMNS`] and a `field_<key>` column per contract key (for
/// `--help` and documentation).
pub fn records_contract_columns() -> Vec<String> {
    RecordColumns::contract().header()
}

/// One record's row before the file's columns are known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct RecordRow {
    /// The [`RECORD_COLUMNS`] cells.
    fixed: Vec<Cell>,
    /// The record's `fields`, in key order.
    fields: Vec<(String, String)>,
}

/// One document's `records.csv` rows whose `field_<key>` columns are not
/// placed yet (see the [module docs](self)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRows {
    rows: Vec<RecordRow>,
}

impl RecordRows {
    /// The rows of `doc`'s records, in record order.
    pub fn of_document(doc: &Document) -> Result<RecordRows, OutputError> {
        let doc_cells = DocCells::of(doc)?;
        let mut rows = Vec::with_capacity(doc.records.len());
        for record in &doc.records {
            rows.push(RecordRow {
                fixed: record_cells(doc, &doc_cells, record)?,
                fields: record
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            });
        }
        Ok(RecordRows { rows })
    }

    /// How many rows (records).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows as bytes (compact JSON, no raw newline), to pass them
    /// between threads or processes or spool them until the end of a run.
    pub fn to_bytes(&self) -> Result<Vec<u8>, OutputError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// Rows from [`RecordRows::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<RecordRows, OutputError> {
        Ok(serde_json::from_slice(bytes)?)
    }

    /// The rows' cells under `columns`, in the order of
    /// [`RecordColumns::header`]. A `fields` key without a column is an
    /// error ([`OutputError::NoColumn`]): nothing is dropped silently.
    pub fn cells(&self, columns: &RecordColumns) -> Result<Vec<Vec<Cell>>, OutputError> {
        let keys = columns.field_keys();
        let mut out = Vec::with_capacity(self.rows.len());
        for row in &self.rows {
            let mut cells = row.fixed.clone();
            cells.reserve(keys.len());
            let mut placed = 0;
            for key in keys {
                match row.fields.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                    Ok(i) => {
                        let value = row.fields.get(i).map(|(_, v)| v.as_str()).unwrap_or("");
                        cells.push(Cell::text(value));
                        placed += 1;
                    }
                    Err(_) => cells.push(Cell::Empty),
                }
            }
            if placed < row.fields.len() {
                let missing = row
                    .fields
                    .iter()
                    .find(|(k, _)| !keys.contains(k))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                return Err(OutputError::NoColumn(missing));
            }
            out.push(cells);
        }
        Ok(out)
    }

    /// Writes the rows as CSV under `columns` (no header). Returns the
    /// number of rows written.
    pub fn write_csv<W: Write>(
        &self,
        columns: &RecordColumns,
        out: &mut W,
    ) -> Result<usize, OutputError> {
        let rows = self.cells(columns)?;
        for row in &rows {
            write_csv_cells(out, row)?;
        }
        Ok(rows.len())
    }
}

/// A document's cells that every one of its rows repeats.
struct DocCells {
    kind: String,
    title: Cell,
    owner: Cell,
    period: Cell,
}

impl DocCells {
    fn of(doc: &Document) -> Result<DocCells, OutputError> {
        Ok(DocCells {
            kind: enum_name(&doc.document.kind)?,
            title: Cell::opt_text(doc.document.title.as_ref()),
            owner: Cell::opt_text(doc.document.owner.as_ref()),
            period: Cell::opt_text(doc.document.period.as_ref()),
        })
    }
}

/// The [`RECORD_COLUMNS`] cells of one record.
fn record_cells(doc: &Document, d: &DocCells, record: &Record) -> Result<Vec<Cell>, OutputError> {
    let mut cells = Vec::with_capacity(RECORD_COLUMNS.len());
    let pages = &record.provenance.pages;
    cells.push(Cell::text(&doc.source.path));
    cells.push(Cell::Text(d.kind.clone()));
    cells.push(d.title.clone());
    cells.push(d.owner.clone());
    cells.push(d.period.clone());
    cells.push(Cell::opt_count(pages.iter().min().copied()));
    cells.push(Cell::opt_count(pages.iter().max().copied()));
    cells.push(Cell::opt_count(record.provenance.line.map(|l| l as u64)));
    cells.push(Cell::count(record.provenance.table));
    cells.push(Cell::count(record.provenance.row));
    cells.push(Cell::opt_text(record.id.as_ref()));
    cells.push(Cell::text(&record.aliases.join("; ")));
    cells.push(Cell::opt_text(record.parent_id.as_ref()));
    cells.push(Cell::Text(enum_name(&record.kind)?));
    cells.push(Cell::opt_text(record.section.as_ref()));
    cells.push(Cell::opt_text(record.title.as_ref()));
    cells.push(Cell::opt_text(record.description.as_ref()));
    match record_owner(doc, record) {
        Some((key, value)) => {
            cells.push(Cell::text(value));
            cells.push(Cell::text(key));
        }
        None => cells.extend([Cell::Empty, Cell::Empty]),
    }
    push_date(&mut cells, record.due.as_ref())?;
    push_date(&mut cells, record.start.as_ref())?;
    cells.push(Cell::count(record.status.len()));
    push_status(&mut cells, record.status.last())?;
    push_measure(&mut cells, record.measure.as_ref());
    Ok(cells)
}

/// Appends a record's measure cells: baseline, target, actual, unit
/// (empty for none).
fn push_measure(cells: &mut Vec<Cell>, measure: Option<&Measure>) {
    match measure {
        Some(m) => {
            for v in [&m.baseline, &m.target, &m.actual, &m.unit] {
                cells.push(Cell::opt_text(v.as_ref()));
            }
        }
        None => cells.resize(cells.len() + 4, Cell::Empty),
    }
}

/// Appends `raw`, `kind`, `start`, `end` of a date (four empty cells for
/// none).
fn push_date(cells: &mut Vec<Cell>, date: Option<&DateValue>) -> Result<(), OutputError> {
    match date {
        Some(d) => {
            cells.push(Cell::text(&d.raw));
            cells.push(Cell::Text(enum_name(&d.kind)?));
            cells.push(Cell::opt_date(d.start.as_ref()));
            cells.push(Cell::opt_date(d.end.as_ref()));
        }
        None => cells.resize(cells.len() + 4, Cell::Empty),
    }
    Ok(())
}

/// Appends the status cells of one entry: period, label, code, raw, the
/// revised due date's four cells, commentary, colour name and RGB,
/// code_from, subject (thirteen empty cells for none).
fn push_status(cells: &mut Vec<Cell>, status: Option<&StatusEntry>) -> Result<(), OutputError> {
    match status {
        Some(s) => {
            cells.push(Cell::opt_text(s.period.as_ref()));
            cells.push(Cell::opt_text(s.label.as_ref()));
            cells.push(Cell::Text(s.code.as_str().to_string()));
            cells.push(Cell::text(&s.raw));
            push_date(cells, s.revised_due.as_ref())?;
            cells.push(Cell::opt_text(s.commentary.as_ref()));
            cells.push(Cell::opt_text(s.colour.as_ref().map(|c| &c.name)));
            cells.push(Cell::opt_text(s.colour.as_ref().map(|c| &c.rgb)));
            match s.code_from {
                Some(from) => cells.push(Cell::Text(enum_name(&from)?)),
                None => cells.push(Cell::Empty),
            }
            cells.push(Cell::opt_text(s.subject.as_ref()));
        }
        None => cells.resize(cells.len() + 13, Cell::Empty),
    }
    Ok(())
}

/// The `statuses.csv` rows of a document ([`STATUS_COLUMNS`]): one per
/// record and status entry, in record order and then oldest first. A
/// record without status entries has no row.
pub fn status_rows(doc: &Document) -> Result<Vec<Vec<Cell>>, OutputError> {
    let mut rows = Vec::new();
    for record in &doc.records {
        let n = record.status.len();
        for (i, s) in record.status.iter().enumerate() {
            let mut cells = Vec::with_capacity(STATUS_COLUMNS.len());
            cells.push(Cell::text(&doc.source.path));
            cells.push(Cell::count(record.provenance.table));
            cells.push(Cell::count(record.provenance.row));
            cells.push(Cell::opt_text(record.id.as_ref()));
            cells.push(Cell::opt_text(record.title.as_ref()));
            cells.push(Cell::count(i + 1));
            cells.push(Cell::Bool(i + 1 == n));
            push_status(&mut cells, Some(s))?;
            push_measure(&mut cells, record.measure.as_ref());
            rows.push(cells);
        }
    }
    Ok(rows)
}

/// The `documents.csv` row of a document ([`DOCUMENT_COLUMNS`]).
pub fn document_row(doc: &Document) -> Result<Vec<Cell>, OutputError> {
    let d = DocCells::of(doc)?;
    Ok(vec![
        Cell::text(&doc.source.path),
        Cell::text(&doc.source.sha256),
        Cell::Text(enum_name(&doc.source.format)?),
        Cell::opt_count(doc.source.pages),
        Cell::Int(i64::try_from(doc.source.bytes).unwrap_or(i64::MAX)),
        Cell::Text(d.kind),
        d.title,
        d.owner,
        d.period,
        Cell::count(doc.tables.len()),
        Cell::count(doc.records.len()),
        Cell::count(doc.records.iter().map(|r| r.status.len()).sum()),
        Cell::count(doc.warnings.len()),
    ])
}

/// The `tables.csv` rows of one table ([`TABLE_CELL_COLUMNS`]): its
/// printed cells with text, top to bottom and left to right. `file`,
/// `page` and `n` are the table's input path, first page and position
/// (see [`crate::TableFile`]). Cells come from the table's `cells` (with
/// their spans) when it has them, else from `rows` (each non-empty entry a
/// 1 × 1 cell).
pub fn table_cell_rows(file: &str, page: Option<u32>, n: u32, table: &Table) -> Vec<Vec<Cell>> {
    let mut out = Vec::new();
    let mut push = |row: usize, col: usize, row_span: usize, col_span: usize, text: &str| {
        out.push(vec![
            Cell::text(file),
            Cell::opt_count(page),
            Cell::Int(i64::from(n)),
            Cell::count(row),
            Cell::count(col),
            Cell::count(row_span),
            Cell::count(col_span),
            Cell::Bool(row < table.header_rows),
            Cell::text(text),
            Cell::count(table.index),
        ]);
    };
    if table.cells.is_empty() {
        for (r, row) in table.rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.trim().is_empty() {
                    push(r, c, 1, 1, text);
                }
            }
        }
    } else {
        let mut cells: Vec<&plantab_model::Cell> = table.cells.iter().collect();
        cells.sort_by_key(|c| (c.row, c.col));
        for c in cells {
            push(c.row, c.col, c.row_span, c.col_span, &c.text);
        }
    }
    out
}

/// The `tables.csv` rows of every table of a document.
pub fn document_table_cell_rows(doc: &Document) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (place, table) in crate::TableFile::of_document(doc).iter().zip(&doc.tables) {
        rows.extend(table_cell_rows(
            &doc.source.path,
            place.page,
            place.n,
            table,
        ));
    }
    rows
}

/// The documents' records as one `records.csv` (header, then one row per
/// record; columns from [`RecordColumns::of_documents`]).
pub fn records_csv(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let columns = RecordColumns::of_documents(docs);
    let mut out = Vec::new();
    write_csv_cells(&mut out, &columns.header())?;
    for doc in docs {
        RecordRows::of_document(doc)?.write_csv(&columns, &mut out)?;
    }
    Ok(out)
}

/// The documents' status entries as one `statuses.csv`.
pub fn statuses_csv(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::new();
    write_csv_cells(&mut out, STATUS_COLUMNS)?;
    for doc in docs {
        for row in status_rows(doc)? {
            write_csv_cells(&mut out, &row)?;
        }
    }
    Ok(out)
}

/// The documents as one `documents.csv`.
pub fn documents_csv(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::new();
    write_csv_cells(&mut out, DOCUMENT_COLUMNS)?;
    for doc in docs {
        write_csv_cells(&mut out, &document_row(doc)?)?;
    }
    Ok(out)
}

/// Every printed cell of the documents' tables as one long `tables.csv`.
pub fn tables_long_csv(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut out = Vec::new();
    write_csv_cells(&mut out, TABLE_CELL_COLUMNS)?;
    for doc in docs {
        for row in document_table_cell_rows(doc) {
            write_csv_cells(&mut out, &row)?;
        }
    }
    Ok(out)
}

/// Something a CSV row can be written from.
pub trait CsvCell {
    /// The cell's text before quoting.
    fn csv_text(&self) -> std::borrow::Cow<'_, str>;
}

impl CsvCell for Cell {
    fn csv_text(&self) -> std::borrow::Cow<'_, str> {
        self.to_text()
    }
}

impl CsvCell for String {
    fn csv_text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
}

impl CsvCell for &str {
    fn csv_text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
}

/// Writes one CSV row (RFC 4180) ended by CRLF: a cell is quoted when it
/// holds `,`, `"`, CR or LF, quotes doubled; a CR LF or lone CR inside a
/// cell is written as LF.
pub fn write_csv_cells<W: Write, C: CsvCell>(out: &mut W, cells: &[C]) -> Result<(), OutputError> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let text = cell.csv_text();
        if text.contains('\r') {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            crate::csv::push_csv_cell(&mut line, &text);
        } else {
            crate::csv::push_csv_cell(&mut line, &text);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())?;
    Ok(())
}

/// The snake_case name serde gives a unit enum variant.
fn enum_name<T: Serialize>(value: &T) -> Result<String, OutputError> {
    Ok(match serde_json::to_value(value)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}
