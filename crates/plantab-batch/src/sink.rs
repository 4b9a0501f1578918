//! The streamed outputs of a run (stdout, or the one `records.*` file in
//! the output folder): each input's chunk is pushed in input order —
//! [`Reorder`] puts the chunks that finish out of order back in line — and
//! the stream writes it as its format wants:
//!
//! - JSON: one input's bare document; several in one array
//!   ([`plantab_output::JsonArrayWriter`]), element by element;
//! - NDJSON, markdown: the chunks one after another;
//! - `statuses.csv`, `documents.csv`, `tables.csv` (fixed columns): the
//!   header when the stream opens, then the chunks one after another;
//! - `records.csv` (and the first layout's, `--format flat-csv`): the header
//!   names the documents' own `fields` keys, known only once every
//!   document is in, so the rows are kept in a spool file (hidden, beside
//!   the output or in the temporary folder) and the file is written by
//!   [`Stream::finish`] (see `plantab_output::sheets` and
//!   `plantab_output::csv`);
//! - workbooks: `plantab.xlsx` spools its parts as `records.csv` does (the
//!   records sheet's columns); `tables.xlsx` adds each input's sheets as it
//!   comes; both are written whole by [`Stream::finish`].
//!
//! A file stream is an [`AtomicFile`]: renamed to its name when finished,
//! removed when the run fails before.

use crate::atomic::{temp_path, AtomicFile};
use crate::error::WriteError;
use crate::kind::{StreamFormat, StreamSpec};
use plantab_output::{
    CsvColumns, CsvRows, CsvWriter, JsonArrayWriter, OutputError, RecordColumns, RecordRows,
    RecordsPart, RecordsWorkbook, TablesPart, TablesWorkbook,
};
use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Puts items that arrive out of order back in order: an item is handed
/// out once every item before it was.
#[derive(Debug)]
pub struct Reorder<T> {
    next: usize,
    pending: BTreeMap<usize, T>,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Reorder {
            next: 0,
            pending: BTreeMap::new(),
        }
    }
}

impl<T> Reorder<T> {
    /// Nothing arrived yet; item 0 comes first.
    pub fn new() -> Reorder<T> {
        Reorder::default()
    }

    /// Item `i` arrived.
    pub fn insert(&mut self, i: usize, item: T) {
        self.pending.insert(i, item);
    }

    /// The next item in order, if it has arrived.
    pub fn pop(&mut self) -> Option<T> {
        let item = self.pending.remove(&self.next)?;
        self.next += 1;
        Some(item)
    }

    /// How many items were handed out (all before this index).
    pub fn handed_out(&self) -> usize {
        self.next
    }
}

/// One streamed output of a run.
pub trait Stream {
    /// One input's chunk for this stream (one of
    /// [`Made::chunks`](crate::work::Made)), in input order.
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError>;
    /// Ends the output: closes the array, writes the spooled file, flushes,
    /// renames a file to its name.
    fn finish(self: Box<Self>) -> Result<(), WriteError>;
}

/// Opens one of the run's streams: its file in the output folder `dir`
/// (written under a temporary name), or stdout.
pub fn open(
    spec: StreamSpec,
    dir: Option<&Path>,
    single_input: bool,
) -> Result<Box<dyn Stream>, WriteError> {
    let file = match (spec.file, dir) {
        (Some(name), Some(dir)) => Some(dir.join(name)),
        _ => None,
    };
    let out = match &file {
        Some(path) => Out::File(AtomicFile::create(path)?),
        None => Out::Stdout(BufWriter::new(std::io::stdout())),
    };
    let dest = out.dest();
    Ok(match spec.format {
        StreamFormat::Json if !single_input => Box::new(JsonArray {
            w: JsonArrayWriter::new(out),
            dest,
        }),
        StreamFormat::FlatRecordsCsv | StreamFormat::RecordsCsv | StreamFormat::RecordsXlsx => {
            let spool = match &file {
                Some(path) => temp_path(&spool_name(path)),
                None => temp_path(&std::env::temp_dir().join("plantab-records.spool")),
            };
            let columns = match spec.format {
                StreamFormat::FlatRecordsCsv => Columns::Flat(CsvColumns::contract()),
                StreamFormat::RecordsCsv => Columns::Records(RecordColumns::contract()),
                _ => Columns::Workbook(RecordColumns::contract(), dir.map(Path::to_path_buf)),
            };
            Box::new(Csv {
                out,
                dest,
                columns,
                spool: Spool::create(spool)?,
            })
        }
        StreamFormat::StatusesCsv | StreamFormat::DocumentsCsv | StreamFormat::TableCellsCsv => {
            let header = match spec.format {
                StreamFormat::StatusesCsv => plantab_output::STATUS_COLUMNS,
                StreamFormat::DocumentsCsv => plantab_output::DOCUMENT_COLUMNS,
                _ => plantab_output::TABLE_CELL_COLUMNS,
            };
            let mut out = out;
            plantab_output::write_csv_cells(&mut out, header).map_err(|e| dest.output_error(e))?;
            Box::new(Chunks { out, dest })
        }
        StreamFormat::TablesXlsx => Box::new(TablesXlsx {
            out,
            workbook: TablesWorkbook::new_in(dir).map_err(|e| dest.output_error(e))?,
            dest,
        }),
        StreamFormat::Json | StreamFormat::Ndjson | StreamFormat::Markdown => {
            Box::new(Chunks { out, dest })
        }
    })
}

/// Where a stream's bytes go.
enum Out {
    Stdout(BufWriter<std::io::Stdout>),
    File(AtomicFile),
}

/// Which destination, for its errors.
#[derive(Debug, Clone)]
enum Dest {
    Stdout,
    /// The file's name (never the temporary name it is written under).
    File(PathBuf),
}

impl Dest {
    fn error(&self, source: std::io::Error) -> WriteError {
        match self {
            Dest::Stdout => WriteError::Stdout(source),
            Dest::File(path) => WriteError::Write {
                path: path.clone(),
                source,
            },
        }
    }

    /// An output writer's error: an I/O error is the destination's,
    /// anything else a chunk the format cannot use.
    fn output_error(&self, e: OutputError) -> WriteError {
        match e {
            OutputError::Io(io) => self.error(io),
            other => WriteError::Format(other),
        }
    }
}

impl Out {
    fn dest(&self) -> Dest {
        match self {
            Out::Stdout(_) => Dest::Stdout,
            Out::File(f) => Dest::File(f.path().to_path_buf()),
        }
    }

    /// Flushes, and renames a file to its name.
    fn finish(self, dest: &Dest) -> Result<(), WriteError> {
        match self {
            Out::Stdout(mut w) => w.flush().map_err(|e| dest.error(e)),
            Out::File(f) => f.commit(),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Out::Stdout(w) => w.write_all(buf),
            Out::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(f) => f.flush(),
        }
    }
}

/// Chunks one after another.
struct Chunks {
    out: Out,
    dest: Dest,
}

impl Stream for Chunks {
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        self.out.write_all(chunk).map_err(|e| self.dest.error(e))
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        self.out.finish(&self.dest)
    }
}

/// JSON documents in one array.
struct JsonArray {
    w: JsonArrayWriter<Out>,
    dest: Dest,
}

impl Stream for JsonArray {
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        self.w
            .push_element(chunk)
            .map_err(|e| self.dest.output_error(e))
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        let JsonArray { w, dest } = *self;
        let out = w.finish().map_err(|e| dest.output_error(e))?;
        out.finish(&dest)
    }
}

/// The columns a spooled stream collects as its chunks come.
enum Columns {
    /// `--format flat-csv`: [`CsvRows`] chunks.
    Flat(CsvColumns),
    /// `records.csv`: [`RecordRows`] chunks.
    Records(RecordColumns),
    /// `plantab.xlsx`: [`RecordsPart`] chunks; the workbook's temporary
    /// files go in the output folder.
    Workbook(RecordColumns, Option<PathBuf>),
}

/// A records file whose columns depend on every document: chunks spooled
/// until every document's keys are known.
struct Csv {
    out: Out,
    dest: Dest,
    columns: Columns,
    spool: Spool,
}

/// `DIR/<name>.spool` for `DIR/<name>`.
fn spool_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".spool");
    path.with_file_name(name)
}

impl Stream for Csv {
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        let empty = match &mut self.columns {
            Columns::Flat(columns) => {
                let rows = CsvRows::from_bytes(chunk).map_err(WriteError::Format)?;
                columns.add_rows(&rows);
                rows.is_empty()
            }
            Columns::Records(columns) => {
                let rows = RecordRows::from_bytes(chunk).map_err(WriteError::Format)?;
                columns.add_rows(&rows);
                rows.is_empty()
            }
            Columns::Workbook(columns, _) => {
                let part = RecordsPart::from_bytes(chunk).map_err(WriteError::Format)?;
                columns.add_rows(part.records());
                // Every input has its row on the documents sheet.
                false
            }
        };
        if empty {
            return Ok(());
        }
        self.spool.push(chunk)
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        let Csv {
            mut out,
            dest,
            columns,
            spool,
        } = *self;
        let oe = |e| dest.output_error(e);
        match columns {
            Columns::Flat(columns) => {
                let mut w = CsvWriter::new(out, columns);
                spool.for_each(|chunk| {
                    let rows = CsvRows::from_bytes(chunk).map_err(WriteError::Format)?;
                    w.write_rows(&rows).map(|_| ()).map_err(oe)
                })?;
                out = w.finish().map_err(oe)?;
            }
            Columns::Records(columns) => {
                plantab_output::write_csv_cells(&mut out, &columns.header()).map_err(oe)?;
                spool.for_each(|chunk| {
                    let rows = RecordRows::from_bytes(chunk).map_err(WriteError::Format)?;
                    rows.write_csv(&columns, &mut out).map(|_| ()).map_err(oe)
                })?;
            }
            Columns::Workbook(columns, tempdir) => {
                let mut wb = RecordsWorkbook::new_in(columns, tempdir.as_deref()).map_err(oe)?;
                spool.for_each(|chunk| {
                    let part = RecordsPart::from_bytes(chunk).map_err(WriteError::Format)?;
                    wb.push(&part).map_err(oe)
                })?;
                let bytes = wb.finish().map_err(oe)?;
                out.write_all(&bytes).map_err(|e| dest.error(e))?;
            }
        }
        out.finish(&dest)
    }
}

/// `tables.xlsx`: each input's sheets added as it comes, the workbook
/// written at the end.
struct TablesXlsx {
    out: Out,
    dest: Dest,
    workbook: TablesWorkbook,
}

impl Stream for TablesXlsx {
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        let part = TablesPart::from_bytes(chunk).map_err(WriteError::Format)?;
        self.workbook
            .push(&part)
            .map_err(|e| self.dest.output_error(e))
    }

    fn finish(self: Box<Self>) -> Result<(), WriteError> {
        let TablesXlsx {
            mut out,
            dest,
            workbook,
        } = *self;
        let bytes = workbook.finish().map_err(|e| dest.output_error(e))?;
        out.write_all(&bytes).map_err(|e| dest.error(e))?;
        out.finish(&dest)
    }
}

/// Chunks kept in a hidden file until the end of the run (removed when
/// dropped).
struct Spool {
    path: PathBuf,
    w: Option<BufWriter<std::fs::File>>,
}

impl Spool {
    fn create(path: PathBuf) -> Result<Spool, WriteError> {
        let f = std::fs::File::create(&path).map_err(|source| WriteError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Spool {
            path,
            w: Some(BufWriter::new(f)),
        })
    }

    fn error(&self, source: std::io::Error) -> WriteError {
        WriteError::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// One chunk, as a line (a chunk is compact JSON: no raw newline).
    fn push(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        let Some(w) = self.w.as_mut() else {
            return Ok(());
        };
        let r = w.write_all(chunk).and_then(|()| w.write_all(b"\n"));
        r.map_err(|e| self.error(e))
    }

    /// Calls `f` on each chunk, in order.
    fn for_each(
        mut self,
        mut f: impl FnMut(&[u8]) -> Result<(), WriteError>,
    ) -> Result<(), WriteError> {
        if let Some(mut w) = self.w.take() {
            w.flush().map_err(|e| self.error(e))?;
        }
        let back = |source| WriteError::Spool {
            path: self.path.clone(),
            source,
        };
        let file = std::fs::File::open(&self.path).map_err(back)?;
        let mut r = std::io::BufReader::new(file);
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = r.read_until(b'\n', &mut line).map_err(back)?;
            if n == 0 {
                break;
            }
            f(line.strip_suffix(b"\n").unwrap_or(&line))?;
        }
        Ok(())
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        drop(self.w.take());
        let _ = std::fs::remove_file(&self.path);
    }
}
