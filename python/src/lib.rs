//! # plantab-python
//!
//! The Python binding: the `plantab._plantab` extension module that the
//! pure-Python package `plantab` (python/plantab/__init__.py) wraps. It is
//! a thin layer over the library, as the CLI is:
//!
//! ```text
//! path or bytes ─▶ plantab::extract_input_with / tables_input_with ─▶ Document
//!   one document  ─▶ plantab_output::to_json      ─▶ str (json.loads ─▶ dict)
//!   many sources  ─▶ rayon pool, one Document each
//!                 ─▶ plantab_output::records_csv / statuses_csv (the CLI's
//!                    records.csv / statuses.csv bytes) + each column's cell
//!                    type ─▶ pandas.read_csv ─▶ DataFrame
//!   one document  ─▶ plantab_tables::column_names + body rows ─▶ DataFrames
//! ```
//!
//! Every call releases the GIL while Rust works (`Python::allow_threads`),
//! so Python threads run meanwhile and the batch calls use every core.
//! Nothing here decides anything about documents: the JSON is
//! `plantab_output::to_json`'s (the CLI's bytes), the CSV is
//! `plantab_output`'s, the column names are `plantab_tables`'.
//!
//! Errors become `plantab.PlantabError` (defined in Python, in
//! `plantab/_errors.py`) with the code of the library's
//! [`ErrorCode`] or one of the binding's own [`BindingCode`]s.

use plantab::{ExtractError, Input, Overrides, PageSet};
use plantab_model::{Document, ErrorCode};
use plantab_output::{Cell, OutputError, RecordColumns, RecordRows};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Codes the binding raises of its own, beside the library's
/// [`ErrorCode`]s (documented in python/README.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingCode {
    /// A keyword argument with a value the library refuses (`pages="x"`).
    InvalidOption,
}

impl BindingCode {
    /// The code as `PlantabError.code` carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            BindingCode::InvalidOption => "invalid_option",
        }
    }
}

/// The code of a [`Failure`]: the library's or the binding's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Why the library gave no document.
    Library(ErrorCode),
    /// A problem with the call itself.
    Binding(BindingCode),
}

impl Code {
    /// The code as a string (`encrypted`, `invalid_option`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Library(c) => c.as_str(),
            Code::Binding(c) => c.as_str(),
        }
    }
}

/// Why one source gave no document: its code, the path as given (or the
/// name a bytes source was given) and the reason with its causes.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The stable code.
    pub code: Code,
    /// The source's path or name; `None` for an error of the call itself.
    pub path: Option<String>,
    /// The reason and its causes on one line.
    pub message: String,
}

impl Failure {
    fn of_extract(path: &str, e: &ExtractError) -> Failure {
        Failure {
            code: Code::Library(e.code()),
            path: Some(path.to_string()),
            message: e.message(),
        }
    }

    fn binding(code: BindingCode, message: String) -> Failure {
        Failure {
            code: Code::Binding(code),
            path: None,
            message,
        }
    }

    /// As a `plantab.PlantabError` instance.
    fn to_py(&self, py: Python<'_>) -> PyErr {
        let made = py.import("plantab._errors").and_then(|m| {
            m.getattr("PlantabError")?.call1((
                self.message.clone(),
                self.code.as_str(),
                self.path.clone(),
            ))
        });
        match made {
            Ok(v) => PyErr::from_value(v),
            Err(e) => e,
        }
    }

    /// As the `(path, code, message)` tuple the batch calls report.
    fn to_tuple(&self) -> (Option<String>, &'static str, String) {
        (self.path.clone(), self.code.as_str(), self.message.clone())
    }
}

/// The options every call takes, checked once before any work.
#[derive(Debug, Clone, Default)]
struct Options {
    overrides: Overrides,
    /// The password of password-protected PDFs (`--password`).
    password: Option<String>,
    /// The month financial years start in (`--fiscal-year-start`).
    fiscal_year_start: Option<u32>,
}

impl Options {
    /// Checks the keyword arguments: `pages` parsed as the CLI parses
    /// `--pages`; `password` passed to the PDF reader as `--password` is;
    /// `fiscal_year_start` (1–12, checked by the Python layer; checked
    /// again here) passed to the records stage as `--fiscal-year-start`
    /// is.
    fn new(
        pages: Option<&str>,
        password: Option<&str>,
        fiscal_year_start: Option<u32>,
    ) -> Result<Options, Failure> {
        let mut overrides = Overrides::default();
        if let Some(p) = pages {
            let set = PageSet::parse(p).map_err(|e| {
                Failure::binding(BindingCode::InvalidOption, format!("pages={p:?}: {e}"))
            })?;
            overrides.pages = Some(set);
        }
        if let Some(m) = fiscal_year_start.filter(|m| !(1..=12).contains(m)) {
            return Err(Failure::binding(
                BindingCode::InvalidOption,
                format!("fiscal_year_start={m}: not a month (1-12)"),
            ));
        }
        Ok(Options {
            overrides,
            password: password.map(str::to_string),
            fiscal_year_start,
        })
    }
}

/// One source: a path read here, or bytes already read with the name
/// recorded as `source.path`.
struct Source {
    name: String,
    data: Option<PyBackedBytes>,
}

/// Which document a source is turned into.
#[derive(Debug, Clone, Copy)]
enum Want {
    Records,
    Tables,
}

/// Reads a source and runs the pipeline, a panic caught as
/// `internal_error`.
fn document(src: &Source, o: &Options, want: Want) -> Result<Document, Failure> {
    let run = || -> Result<Document, ExtractError> {
        let owned;
        let bytes: &[u8] = match &src.data {
            Some(b) => b,
            None => {
                owned = std::fs::read(&src.name).map_err(ExtractError::Io)?;
                &owned
            }
        };
        let mut input = Input::new(&src.name, bytes);
        input.password = o.password.as_deref();
        input.fiscal_year_start = o.fiscal_year_start;
        match want {
            Want::Records => plantab::extract_input_with(input, &o.overrides),
            Want::Tables => plantab::tables_input_with(input, &o.overrides),
        }
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(Failure::of_extract(&src.name, &e)),
        Err(panic) => Err(Failure {
            code: Code::Library(ErrorCode::InternalError),
            path: Some(src.name.clone()),
            message: format!(
                "plantab panicked on this file (a bug): {}",
                plantab::panic_message(panic.as_ref())
            ),
        }),
    }
}

/// An output writer's error (a bug, never the input's fault).
fn output_failure(path: &str, e: impl std::fmt::Display) -> Failure {
    Failure {
        code: Code::Library(ErrorCode::Output),
        path: Some(path.to_string()),
        message: format!("cannot write the output: {e}"),
    }
}

/// `plantab.extract` / `plantab.tables`: one source's document as the
/// CLI's JSON text.
#[pyfunction]
#[pyo3(signature = (name, data, tables, pages=None, password=None, fiscal_year_start=None))]
fn document_json(
    py: Python<'_>,
    name: String,
    data: Option<PyBackedBytes>,
    tables: bool,
    pages: Option<String>,
    password: Option<String>,
    fiscal_year_start: Option<u32>,
) -> PyResult<String> {
    let o = Options::new(pages.as_deref(), password.as_deref(), fiscal_year_start)
        .map_err(|f| f.to_py(py))?;
    let src = Source { name, data };
    let want = if tables { Want::Tables } else { Want::Records };
    py.allow_threads(|| {
        let doc = document(&src, &o, want)?;
        plantab_output::to_json(&doc).map_err(|e| output_failure(&src.name, e))
    })
    .map_err(|f| f.to_py(py))
}

/// One table for `plantab.table_frames`: column names, body rows (each
/// padded to the names' width), and the table's pages.
type Frame = (Vec<String>, Vec<Vec<String>>, Vec<u32>);

/// `plantab.table_frames`: every table of one source, header rows merged
/// into column names by [`plantab_tables::column_names`].
#[pyfunction]
#[pyo3(signature = (name, data, pages=None, password=None))]
fn table_frames(
    py: Python<'_>,
    name: String,
    data: Option<PyBackedBytes>,
    pages: Option<String>,
    password: Option<String>,
) -> PyResult<Vec<Frame>> {
    let o = Options::new(pages.as_deref(), password.as_deref(), None).map_err(|f| f.to_py(py))?;
    let src = Source { name, data };
    py.allow_threads(|| {
        let doc = document(&src, &o, Want::Tables)?;
        Ok(doc
            .tables
            .iter()
            .map(|t| {
                let names = plantab_tables::column_names(t);
                let width = names.len();
                let rows = t
                    .rows
                    .iter()
                    .skip(t.header_rows)
                    .map(|r| {
                        let mut r = r.clone();
                        r.resize(width, String::new());
                        r
                    })
                    .collect();
                (names, rows, t.pages.clone())
            })
            .collect())
    })
    .map_err(|f: Failure| f.to_py(py))
}

/// What `batch` hands back: the CSV bytes, each column's type (`text`,
/// `int`, `bool` or `date`: the type of its cells; `text` for mixed ones,
/// `empty` for a column with none), and per failed source its
/// `(path, code, message)`, in input order.
type Batch<'py> = (
    Bound<'py, PyBytes>,
    Vec<&'static str>,
    Vec<(Option<String>, &'static str, String)>,
);

/// `plantab.records` / `plantab.statuses`: many sources converted in
/// parallel on a pool of `jobs` threads (default: one per core), the
/// documents in input order written as one CSV file. A source that gives
/// no document is reported in the second element and left out; the others
/// are converted all the same.
#[pyfunction]
#[pyo3(signature = (sources, kind, jobs=None, pages=None, password=None, fiscal_year_start=None))]
#[allow(clippy::too_many_arguments)]
fn batch<'py>(
    py: Python<'py>,
    sources: Vec<(String, Option<PyBackedBytes>)>,
    kind: &str,
    jobs: Option<usize>,
    pages: Option<String>,
    password: Option<String>,
    fiscal_year_start: Option<u32>,
) -> PyResult<Batch<'py>> {
    let statuses = match kind {
        "records" => false,
        "statuses" => true,
        other => return Err(PyValueError::new_err(format!("unknown kind {other:?}"))),
    };
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let o = Options::new(pages.as_deref(), password.as_deref(), fiscal_year_start)
        .map_err(|f| f.to_py(py))?;
    let sources: Vec<Source> = sources
        .into_iter()
        .map(|(name, data)| Source { name, data })
        .collect();
    let made = py.allow_threads(|| -> Result<_, Failure> {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(n) = jobs {
            pool = pool.num_threads(n);
        }
        let pool = pool.build().map_err(|e| {
            Failure::binding(
                BindingCode::InvalidOption,
                format!("jobs={jobs:?}: cannot start the threads: {e}"),
            )
        })?;
        let results: Vec<Result<Document, Failure>> = pool.install(|| {
            sources
                .par_iter()
                .map(|s| document(s, &o, Want::Records))
                .collect()
        });
        let mut docs = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(d) => docs.push(d),
                Err(f) => errors.push(f.to_tuple()),
            }
        }
        let (csv, kinds) = analyst_csv(&docs, statuses).map_err(|e| output_failure(kind, e))?;
        Ok((csv, kinds, errors))
    });
    let (csv, kinds, errors) = made.map_err(|f| f.to_py(py))?;
    Ok((PyBytes::new(py, &csv), kinds, errors))
}

/// The type of a column of an analyst table, from the typed cells of its
/// rows ([`Cell`]): what the DataFrame's dtype is.
fn column_kinds(width: usize, rows: &[Vec<Cell>]) -> Vec<&'static str> {
    let mut kinds: Vec<Option<&'static str>> = vec![None; width];
    let mut mixed = vec![false; width];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let kind = match cell {
                Cell::Empty => continue,
                Cell::Text(_) => "text",
                Cell::Int(_) => "int",
                Cell::Bool(_) => "bool",
                Cell::Date(_) => "date",
            };
            if let (Some(k), Some(m)) = (kinds.get_mut(i), mixed.get_mut(i)) {
                match k {
                    None => *k = Some(kind),
                    Some(seen) if *seen != kind => *m = true,
                    Some(_) => {}
                }
            }
        }
    }
    kinds
        .into_iter()
        .zip(mixed)
        .map(|(k, m)| if m { "text" } else { k.unwrap_or("empty") })
        .collect()
}

/// `records.csv` or `statuses.csv` of the documents, exactly as
/// plantab-output writes them for the CLI, with each column's type.
fn analyst_csv(
    docs: &[Document],
    statuses: bool,
) -> Result<(Vec<u8>, Vec<&'static str>), OutputError> {
    if statuses {
        let mut rows = Vec::new();
        for d in docs {
            rows.extend(plantab_output::status_rows(d)?);
        }
        let kinds = column_kinds(plantab_output::STATUS_COLUMNS.len(), &rows);
        Ok((plantab_output::statuses_csv(docs)?, kinds))
    } else {
        let columns = RecordColumns::of_documents(docs);
        let mut rows = Vec::new();
        for d in docs {
            rows.extend(RecordRows::of_document(d)?.cells(&columns)?);
        }
        let kinds = column_kinds(columns.header().len(), &rows);
        Ok((plantab_output::records_csv(docs)?, kinds))
    }
}

/// The extension module `plantab._plantab`.
#[pymodule]
fn _plantab(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(document_json, m)?)?;
    m.add_function(wrap_pyfunction!(table_frames, m)?)?;
    m.add_function(wrap_pyfunction!(batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
