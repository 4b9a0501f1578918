//! One input's conversion: the library pipeline (`plantab::extract_input`
//! or `tables_input`), then the format's serialiser, down to the bytes to
//! write. Pure: it reads no file and writes none, so it runs the same on an
//! isolated thread or in another process, and hands back only bytes
//! ([`Made`]): the input's own files, and its part of each of the run's
//! streams. A new format is a new arm here (and, when streamed, a
//! [`StreamFormat`] with its [`sink`](crate::sink) stream).

use crate::error::FileError;
use crate::kind::{Command, Format, Kind, StreamFormat};
use plantab_model::Document;
use plantab_output::{CsvRows, RecordRows, RecordsPart, TableFile, TablesPart};

/// What each input's conversion makes; set once for a run.
#[derive(Debug, Clone)]
pub struct Work {
    /// Command and format.
    pub kind: Kind,
    /// The run writes into an output folder: per-file formats make the
    /// input's own files ([`Made::files`]).
    pub to_dir: bool,
    /// The run has one input: streamed JSON is the bare document, not an
    /// array element, and the document is left to the process exit (see
    /// [`Work::convert`]).
    pub single_input: bool,
    /// Read the pages of each PDF in parallel (on rayon's current pool).
    pub parallel_pages: bool,
    /// The table finder's overrides (`--pages`, `--area`, `--columns`,
    /// `--strategy`), the same for every input.
    pub overrides: std::sync::Arc<plantab::Overrides>,
    /// The password for password-protected PDFs (`--password`), the same
    /// for every input; ignored for inputs that are not encrypted.
    pub password: Option<std::sync::Arc<str>>,
    /// The month financial years start in (`--fiscal-year-start`), the
    /// same for every input; `None`: decided per document.
    pub fiscal_year_start: Option<u32>,
}

/// What the conversion of one input made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// Records in the document.
    pub records: usize,
    /// Warnings in the document.
    pub warnings: usize,
    /// Tables in the document.
    pub tables: usize,
    /// The input's own files.
    pub files: Files,
    /// The input's part of each of the run's streams, in the order of
    /// [`Kind::streams`].
    pub chunks: Vec<Vec<u8>>,
}

/// The bytes of an input's own files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Files {
    /// None (the run streams its output).
    None,
    /// The input's one file (`<stem>.json`, `<stem>.md`).
    One(Vec<u8>),
    /// One file per table (`tables --format csv`), named by their
    /// [`TableFile`] and the input's stem.
    Tables(Vec<TableBytes>),
}

/// One table's CSV file (`tables --format csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableBytes {
    /// Where the table sits, which names the file.
    pub file: TableFile,
    /// The table's printed header rows, merged into the file's one header
    /// line (stated in the manifest entry).
    pub header_rows: usize,
    /// Body rows written after the header line.
    pub rows: usize,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Work {
    /// Whether each input has files of its own.
    pub fn per_file(&self) -> bool {
        self.to_dir && self.kind.per_file()
    }

    /// Converts one input already read.
    ///
    /// A large document is a million small allocations (every record's
    /// fields, dates and provenance); freeing them one by one costs 5–15 %
    /// of a run on a big text input. When the run has one input, the
    /// process exits right after it is written and the operating system
    /// takes the memory back at once, so the document is not freed; in a
    /// batch every document is freed as usual, so memory stays flat.
    pub fn convert(&self, input: plantab::Input<'_>) -> Result<Made, FileError> {
        #[cfg(debug_assertions)]
        test_fault(input.path);
        let input = plantab::Input {
            parallel_pages: self.parallel_pages,
            password: self.password.as_deref(),
            fiscal_year_start: self.fiscal_year_start,
            ..input
        };
        let doc = match self.kind.command() {
            Command::Extract => plantab::extract_input_with(input, &self.overrides)?,
            Command::Tables => plantab::tables_input_with(input, &self.overrides)?,
        };
        let made = self.serialise(&doc).map_err(FileError::Serialise)?;
        if self.single_input {
            std::mem::forget(doc);
        }
        Ok(made)
    }

    /// The document in the run's outputs.
    fn serialise(&self, doc: &Document) -> Result<Made, plantab_output::OutputError> {
        let files = if !self.per_file() {
            Files::None
        } else if self.kind.table_files() {
            let mut files = Vec::with_capacity(doc.tables.len());
            for (file, t) in TableFile::of_document(doc).into_iter().zip(&doc.tables) {
                let header_rows = t.header_rows.min(t.rows.len());
                files.push(TableBytes {
                    file,
                    header_rows,
                    rows: t.rows.len() - header_rows,
                    bytes: plantab_output::table_csv(t)?,
                });
            }
            Files::Tables(files)
        } else if self.kind.format() == Format::Md {
            Files::One(plantab_output::tables_markdown(doc).into_bytes())
        } else {
            Files::One(plantab_output::to_json(doc)?.into_bytes())
        };
        let mut chunks = Vec::new();
        for spec in self.kind.streams(self.to_dir) {
            chunks.push(match spec.format {
                StreamFormat::Json if self.single_input => {
                    plantab_output::to_json(doc)?.into_bytes()
                }
                StreamFormat::Json => plantab_output::json_array_element(doc)?,
                StreamFormat::Ndjson => {
                    let mut buf = Vec::new();
                    plantab_output::write_ndjson(doc, &mut buf)?;
                    buf
                }
                StreamFormat::RecordsCsv => RecordRows::of_document(doc)?.to_bytes()?,
                StreamFormat::StatusesCsv => csv_rows(&plantab_output::status_rows(doc)?)?,
                StreamFormat::DocumentsCsv => csv_rows(&[plantab_output::document_row(doc)?])?,
                StreamFormat::TableCellsCsv => {
                    csv_rows(&plantab_output::document_table_cell_rows(doc))?
                }
                StreamFormat::FlatRecordsCsv => CsvRows::of_document(doc)?.to_bytes()?,
                StreamFormat::RecordsXlsx => RecordsPart::of_document(doc)?.to_bytes()?,
                StreamFormat::TablesXlsx => TablesPart::of_document(doc)?.to_bytes()?,
                StreamFormat::Markdown => plantab_output::tables_markdown(doc).into_bytes(),
            });
        }
        Ok(Made {
            records: doc.records.len(),
            warnings: doc.warnings.len(),
            tables: doc.tables.len(),
            files,
            chunks,
        })
    }
}

/// Rows of a fixed-column CSV stream, as CSV text (no header).
fn csv_rows(rows: &[Vec<plantab_output::Cell>]) -> Result<Vec<u8>, plantab_output::OutputError> {
    let mut out = Vec::new();
    for row in rows {
        plantab_output::write_csv_cells(&mut out, row)?;
    }
    Ok(out)
}

/// Test hook, debug builds only (release builds do not compile it):
/// `PLANTAB_TEST_FAULT=panic:<substring>`, `hang:<substring>` or
/// `alloc:<substring>` (several joined by `;`) makes the work on every
/// input whose path contains `<substring>` panic, hang, or allocate (and
/// touch) memory without end, so the tests can prove panic isolation,
/// timeouts and memory caps without a hostile file.
#[cfg(debug_assertions)]
fn test_fault(path: &str) {
    let Ok(spec) = std::env::var("PLANTAB_TEST_FAULT") else {
        return;
    };
    for part in spec.split(';') {
        if let Some(s) = part.strip_prefix("panic:") {
            if !s.is_empty() && path.contains(s) {
                panic!("test fault injected for {path}");
            }
        }
        if let Some(s) = part.strip_prefix("alloc:") {
            if !s.is_empty() && path.contains(s) {
                let mut held: Vec<Vec<u8>> = Vec::new();
                loop {
                    // 64 MiB at a time, every page touched (resident).
                    held.push(vec![1u8; 64 << 20]);
                    std::hint::black_box(&held);
                }
            }
        }
        if let Some(s) = part.strip_prefix("hang:") {
            if !s.is_empty() && path.contains(s) {
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                }
            }
        }
    }
}
