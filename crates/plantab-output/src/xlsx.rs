//! Workbooks (`--format xlsx`, the `xlsx` feature, `rust_xlsxwriter`):
//! the analyst tables of [`crate::sheets`] as worksheets, numbers as
//! numbers and dates as dates (`yyyy-mm-dd`).
//!
//! - [`RecordsWorkbook`] (`plantab extract`): sheets `documents`,
//!   `records` and `statuses`, the columns of `documents.csv`,
//!   `records.csv` and `statuses.csv`; the header row bold, frozen and
//!   filtered.
//! - [`TablesWorkbook`] (`plantab tables`): a `documents` sheet, then one
//!   sheet per table, named `<file stem>-p<page>-t<n>` as its CSV file
//!   (the stem shortened to keep Excel's 31-character limit, names made
//!   unique ignoring case with `~2`, `~3` …; characters a sheet name
//!   cannot hold become `_`), its printed header rows bold and frozen.
//!
//! Each document's part is made where the document is
//! ([`RecordsPart::of_document`], [`TablesPart::of_document`]) and passed
//! as bytes; the workbook is built from the parts in input order and
//! written once, at the end.
//!
//! The run-long sheets are written row by row to unnamed temporary files
//! (`rust_xlsxwriter`'s low-memory mode; in the output folder when the
//! batch gives it), so a workbook of a large run holds its distinct cell
//! texts in memory, not its rows.
//!
//! The same inputs give the same bytes: the workbook's `created` property
//! is fixed at 1980-01-01T00:00:00Z (the ZIP epoch, as reproducible builds
//! use), not the time of the run, which is in the run's `manifest.json`.
//!
//! Excel's limits are kept, never broken silently: a cell longer than
//! 32,767 characters is cut there and ends with a note saying how long the
//! text was (the whole text is in the CSV and JSON outputs); a sheet that
//! would pass 1,048,576 rows is an error ([`OutputError::Xlsx`]).

use crate::sheets::{
    document_row, status_rows, Cell, RecordColumns, RecordRows, DOCUMENT_COLUMNS, STATUS_COLUMNS,
};
use crate::{OutputError, TableFile};
use plantab_model::Document;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use serde::{Deserialize, Serialize};

/// Excel's longest cell text, in characters.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Excel's longest sheet name, in UTF-16 units.
pub const MAX_SHEET_NAME: usize = 31;

/// One document's part of a [`RecordsWorkbook`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsPart {
    document: Vec<Cell>,
    records: RecordRows,
    statuses: Vec<Vec<Cell>>,
}

impl RecordsPart {
    /// The document's rows of each sheet.
    pub fn of_document(doc: &Document) -> Result<RecordsPart, OutputError> {
        Ok(RecordsPart {
            document: document_row(doc)?,
            records: RecordRows::of_document(doc)?,
            statuses: status_rows(doc)?,
        })
    }

    /// The records' rows (for the `field_<key>` columns).
    pub fn records(&self) -> &RecordRows {
        &self.records
    }

    /// The part as bytes (compact JSON, no raw newline).
    pub fn to_bytes(&self) -> Result<Vec<u8>, OutputError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// A part from [`RecordsPart::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<RecordsPart, OutputError> {
        Ok(serde_json::from_slice(bytes)?)
    }
}

/// The formats a workbook's cells use.
struct Formats {
    bold: Format,
    date: Format,
    bold_date: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            bold_date: Format::new().set_bold().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// A sheet of a workbook being filled row by row (its index in the
/// workbook).
struct Sheet {
    index: usize,
    next_row: u32,
    width: u16,
}

impl Sheet {
    /// A sheet added to `wb`: in `rust_xlsxwriter`'s low-memory mode
    /// (`streamed`: each row goes to a temporary file as soon as the next
    /// one starts, only its distinct texts kept for the shared-strings
    /// table, so a sheet of a whole run does not hold its rows), or held
    /// whole until the workbook is saved (a table's sheet, small).
    fn add(wb: &mut Workbook, name: &str, streamed: bool) -> Result<Sheet, OutputError> {
        let ws = if streamed {
            wb.add_worksheet_with_low_memory()?
        } else {
            wb.add_worksheet()
        };
        ws.set_name(name)?;
        let index = wb.worksheets().len().saturating_sub(1);
        Ok(Sheet {
            index,
            next_row: 0,
            width: 0,
        })
    }

    fn ws<'a>(&self, wb: &'a mut Workbook) -> Result<&'a mut Worksheet, OutputError> {
        Ok(wb.worksheet_from_index(self.index)?)
    }

    /// A bold, frozen header row.
    fn header<S: AsRef<str>>(
        &mut self,
        wb: &mut Workbook,
        names: &[S],
        f: &Formats,
    ) -> Result<(), OutputError> {
        let ws = self.ws(wb)?;
        for (c, name) in names.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, name.as_ref(), &f.bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        self.width = col(names.len())?;
        self.next_row = 1;
        Ok(())
    }

    fn row(
        &mut self,
        wb: &mut Workbook,
        cells: &[Cell],
        bold: bool,
        f: &Formats,
    ) -> Result<(), OutputError> {
        let r = self.next_row;
        let ws = self.ws(wb)?;
        for (c, cell) in cells.iter().enumerate() {
            write_cell(ws, r, col(c)?, cell, bold, f)?;
        }
        self.width = self.width.max(col(cells.len())?);
        self.next_row = r.checked_add(1).ok_or(OutputError::TooManyRows)?;
        Ok(())
    }

    /// Filters on the header row over every column.
    fn filter(&self, wb: &mut Workbook) -> Result<(), OutputError> {
        if self.width > 0 {
            let last_row = self.next_row.saturating_sub(1);
            self.ws(wb)?.autofilter(0, 0, last_row, self.width - 1)?;
        }
        Ok(())
    }
}

fn col(i: usize) -> Result<u16, OutputError> {
    u16::try_from(i).map_err(|_| OutputError::TooManyColumns)
}

/// Writes one cell: text (cut at Excel's limit, see the module docs),
/// numbers, booleans, dates (as text when not an ISO day).
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    bold: bool,
    f: &Formats,
) -> Result<(), OutputError> {
    let text_format = bold.then_some(&f.bold);
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            let s = fit_cell(s);
            match text_format {
                Some(b) => ws.write_string_with_format(r, c, s.as_ref(), b)?,
                None => ws.write_string(r, c, s.as_ref())?,
            };
        }
        Cell::Int(n) => {
            // Exact in an f64 up to 2^53; the counts and pages here are far
            // below.
            #[allow(clippy::cast_precision_loss)]
            let v = *n as f64;
            match text_format {
                Some(b) => ws.write_number_with_format(r, c, v, b)?,
                None => ws.write_number(r, c, v)?,
            };
        }
        Cell::Bool(b) => {
            match text_format {
                Some(bf) => ws.write_boolean_with_format(r, c, *b, bf)?,
                None => ws.write_boolean(r, c, *b)?,
            };
        }
        Cell::Date(s) => match ExcelDateTime::parse_from_str(s) {
            Ok(d) if s.len() == 10 => {
                let df = if bold { &f.bold_date } else { &f.date };
                ws.write_datetime_with_format(r, c, d, df)?;
            }
            _ => {
                ws.write_string(r, c, s.as_str())?;
            }
        },
    }
    Ok(())
}

/// The workbook's fixed `created` time (see the module docs): seconds
/// since 1970 of 1980-01-01T00:00:00Z.
const CREATED_TIMESTAMP: i64 = 315_532_800;

/// An empty workbook with the fixed document properties.
fn new_workbook() -> Result<Workbook, OutputError> {
    let created = ExcelDateTime::from_timestamp(CREATED_TIMESTAMP)?;
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(wb)
}

/// The text as a cell can hold it: cut at [`MAX_CELL_CHARS`] characters,
/// the cut saying so.
fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(s);
    }
    let total = s.chars().count();
    let note = format!(" … [cut: {total} characters in all; see the CSV or JSON output]");
    let keep = MAX_CELL_CHARS.saturating_sub(note.chars().count());
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(&note);
    std::borrow::Cow::Owned(out)
}

/// The `extract` workbook: sheets documents, records, statuses, each
/// written row by row to a temporary file (low memory: a run holds its
/// distinct cell texts, not its rows).
pub struct RecordsWorkbook {
    formats: Formats,
    columns: RecordColumns,
    wb: Workbook,
    documents: Sheet,
    records: Sheet,
    statuses: Sheet,
}

impl RecordsWorkbook {
    /// An empty workbook whose records sheet has these columns (every
    /// `fields` key of the parts pushed must have one); its temporary
    /// files in the system's temporary folder.
    pub fn new(columns: RecordColumns) -> Result<RecordsWorkbook, OutputError> {
        RecordsWorkbook::new_in(columns, None)
    }

    /// As [`RecordsWorkbook::new`], the temporary files (unnamed, gone
    /// when closed) in `tempdir` when given: the output's own folder, so a
    /// large run does not fill a small `/tmp`.
    pub fn new_in(
        columns: RecordColumns,
        tempdir: Option<&std::path::Path>,
    ) -> Result<RecordsWorkbook, OutputError> {
        let formats = Formats::new();
        let mut wb = new_workbook()?;
        if let Some(dir) = tempdir {
            wb.set_tempdir(dir)?;
        }
        let mut documents = Sheet::add(&mut wb, "documents", true)?;
        documents.header(&mut wb, DOCUMENT_COLUMNS, &formats)?;
        let mut records = Sheet::add(&mut wb, "records", true)?;
        records.header(&mut wb, &columns.header(), &formats)?;
        let mut statuses = Sheet::add(&mut wb, "statuses", true)?;
        statuses.header(&mut wb, STATUS_COLUMNS, &formats)?;
        Ok(RecordsWorkbook {
            formats,
            columns,
            wb,
            documents,
            records,
            statuses,
        })
    }

    /// Appends one document's rows to each sheet.
    pub fn push(&mut self, part: &RecordsPart) -> Result<(), OutputError> {
        let f = &self.formats;
        let wb = &mut self.wb;
        self.documents.row(wb, &part.document, false, f)?;
        for row in part.records.cells(&self.columns)? {
            self.records.row(wb, &row, false, f)?;
        }
        for row in &part.statuses {
            self.statuses.row(wb, row, false, f)?;
        }
        Ok(())
    }

    /// The workbook's bytes.
    pub fn finish(self) -> Result<Vec<u8>, OutputError> {
        let mut wb = self.wb;
        for sheet in [&self.documents, &self.records, &self.statuses] {
            sheet.filter(&mut wb)?;
        }
        Ok(wb.save_to_buffer()?)
    }
}

/// The documents' records as one `extract` workbook.
pub fn records_xlsx(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut wb = RecordsWorkbook::new(RecordColumns::of_documents(docs))?;
    for doc in docs {
        wb.push(&RecordsPart::of_document(doc)?)?;
    }
    wb.finish()
}

/// One table of a [`TablesPart`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TableSheet {
    page: Option<u32>,
    n: u32,
    header_rows: usize,
    rows: Vec<Vec<String>>,
}

/// One document's part of a [`TablesWorkbook`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TablesPart {
    stem: String,
    document: Vec<Cell>,
    tables: Vec<TableSheet>,
}

impl TablesPart {
    /// The document's row of the documents sheet and its tables as printed
    /// (header rows first, a spanning cell's text at its top-left
    /// position).
    pub fn of_document(doc: &Document) -> Result<TablesPart, OutputError> {
        let stem = std::path::Path::new(&doc.source.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tables = TableFile::of_document(doc)
            .into_iter()
            .zip(&doc.tables)
            .map(|(place, t)| TableSheet {
                page: place.page,
                n: place.n,
                header_rows: t.header_rows.min(t.rows.len()),
                rows: t.rows.clone(),
            })
            .collect();
        Ok(TablesPart {
            stem,
            document: document_row(doc)?,
            tables,
        })
    }

    /// The part as bytes (compact JSON, no raw newline).
    pub fn to_bytes(&self) -> Result<Vec<u8>, OutputError> {
        Ok(serde_json::to_vec(self)?)
    }

    /// A part from [`TablesPart::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<TablesPart, OutputError> {
        Ok(serde_json::from_slice(bytes)?)
    }
}

/// The `tables` workbook: a documents sheet (low memory), then one
/// sheet per table (each held until the workbook is saved).
pub struct TablesWorkbook {
    formats: Formats,
    wb: Workbook,
    documents: Sheet,
    /// Sheet names taken, lower-cased (Excel compares them ignoring case).
    taken: std::collections::HashSet<String>,
}

impl TablesWorkbook {
    /// An empty workbook, its temporary file in the system's temporary
    /// folder.
    pub fn new() -> Result<TablesWorkbook, OutputError> {
        TablesWorkbook::new_in(None)
    }

    /// An empty workbook, its temporary file in `tempdir` when given (see
    /// [`RecordsWorkbook::new_in`]).
    pub fn new_in(tempdir: Option<&std::path::Path>) -> Result<TablesWorkbook, OutputError> {
        let formats = Formats::new();
        let mut wb = new_workbook()?;
        if let Some(dir) = tempdir {
            wb.set_tempdir(dir)?;
        }
        let mut documents = Sheet::add(&mut wb, "documents", true)?;
        documents.header(&mut wb, DOCUMENT_COLUMNS, &formats)?;
        let mut taken = std::collections::HashSet::new();
        taken.insert("documents".to_string());
        Ok(TablesWorkbook {
            formats,
            wb,
            documents,
            taken,
        })
    }

    /// Appends one document: its row of the documents sheet and a sheet per
    /// table.
    pub fn push(&mut self, part: &TablesPart) -> Result<(), OutputError> {
        let f = &self.formats;
        let wb = &mut self.wb;
        self.documents.row(wb, &part.document, false, f)?;
        for t in &part.tables {
            let suffix = match t.page {
                Some(p) => format!("-p{p}-t{}", t.n),
                None => format!("-t{}", t.n),
            };
            let name = sheet_name(&part.stem, &suffix, &mut self.taken);
            let mut sheet = Sheet::add(wb, &name, false)?;
            for (r, row) in t.rows.iter().enumerate() {
                let cells: Vec<Cell> = row
                    .iter()
                    .map(|s| {
                        if s.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(s.clone())
                        }
                    })
                    .collect();
                sheet.row(wb, &cells, r < t.header_rows, f)?;
            }
            if t.header_rows > 0 {
                let frozen = u32::try_from(t.header_rows).map_err(|_| OutputError::TooManyRows)?;
                sheet.ws(wb)?.set_freeze_panes(frozen, 0)?;
            }
        }
        Ok(())
    }

    /// The workbook's bytes.
    pub fn finish(self) -> Result<Vec<u8>, OutputError> {
        let mut wb = self.wb;
        self.documents.filter(&mut wb)?;
        Ok(wb.save_to_buffer()?)
    }
}

/// The documents' tables as one `tables` workbook.
pub fn tables_xlsx(docs: &[Document]) -> Result<Vec<u8>, OutputError> {
    let mut wb = TablesWorkbook::new()?;
    for doc in docs {
        wb.push(&TablesPart::of_document(doc)?)?;
    }
    wb.finish()
}

/// A sheet name `<stem><suffix>` that Excel takes and no other sheet of
/// the workbook has (ignoring case): characters a name cannot hold
/// (`* ? : [ ] \ /`) become `_`, the stem is shortened to keep
/// [`MAX_SHEET_NAME`], and a name taken gets `~2`, `~3` … before the stem
/// is cut further. Records the name in `taken`.
pub fn sheet_name(
    stem: &str,
    suffix: &str,
    taken: &mut std::collections::HashSet<String>,
) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '*' | '?' | ':' | '[' | ']' | '\\' | '/') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect()
    };
    let stem = clean(stem);
    let suffix = clean(suffix);
    let units = |s: &str| s.encode_utf16().count();
    for k in 1u32.. {
        let tail = if k == 1 {
            suffix.clone()
        } else {
            format!("{suffix}~{k}")
        };
        let room = MAX_SHEET_NAME.saturating_sub(units(&tail));
        let mut head = String::new();
        for c in stem.chars() {
            if units(&head) + c.len_utf16() > room {
                break;
            }
            head.push(c);
        }
        // No leading or trailing apostrophe (Excel refuses them).
        let head = head.trim_start_matches('\'');
        let mut name = format!("{head}{tail}");
        while name.ends_with('\'') {
            name.pop();
        }
        if name.is_empty() {
            name = format!("table{tail}");
        }
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
    // Unreachable in practice: u32 suffixes run out only after 4 billion
    // sheets.
    String::from("table")
}
