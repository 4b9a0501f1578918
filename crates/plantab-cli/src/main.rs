//! `plantab`: government delivery plans and progress reports (PDFs and text
//! conversions) → normalised JSON. A thin layer: the command line (clap),
//! progress on stderr, the summary and the exit codes, over the batch
//! machinery of `plantab-batch` (inputs, parallel runs, isolation, atomic
//! output, the run manifest, incremental runs) and the `plantab` library.

mod progress;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use plantab_batch::{BatchError, BatchWarning, Entry, Observer};
use progress::Progress;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

const EXIT_HELP: &str = "\
A second run into an output folder in use (-o DIR) does not wait: it exits
with 2, naming the pid of the run holding DIR/.plantab.lock.

Exit codes:
  0  every input was read (inputs skipped by --incremental count as read),
     or stdout was closed by its reader (`| head`)
  1  some inputs failed (each named on stderr with its error code; the run
     manifest lists them); the others were still written. Also: no inputs
     were found (an empty folder, a --glob matching nothing)
  2  usage error, or output that could not be written (an output file, the
     manifest or stdout)";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  plantab extract plan.pdf                      one document as JSON on stdout
  plantab extract plans/ -o out/                one out/<name>.json per input, out/manifest.json
  plantab extract plans/ --format csv -o out/   out/records.csv, statuses.csv, documents.csv
  plantab extract plans/ --format xlsx -o out/  out/plantab.xlsx: documents, records, statuses
  plantab extract plans/ --format ndjson | jq -c '.id'
  plantab extract --glob '*.pdf' --incremental -o out/ plans/
  plantab extract locked.pdf --password secret  (or PLANTAB_PASSWORD=secret)
  curl -s URL | plantab extract -               one input from stdin
";

const TABLES_EXAMPLES: &str = "\
Examples:
  plantab tables budget.pdf --format md         every table as markdown
  plantab tables annexes/ --format csv -o out/  one out/<name>-p<page>-t<n>.csv per table,
                                                every cell in out/tables.csv
  plantab tables annexes/ --format xlsx -o out/ out/tables.xlsx, a sheet per table
  plantab tables report.pdf --pages 3-5 --strategy ruled
  plantab tables report.pdf --area 2:30,100,580,700 --columns 120,300,450
";

const DEBUG_EXAMPLES: &str = "\
Examples:
  plantab debug plan.pdf --page 3               what the reader saw on page 3
  plantab debug plan.pdf --page 3 --png p3.png  a picture of it
  plantab debug plan.pdf --stage tables | jq '.tables | length'
";

const SCHEMA_EXAMPLES: &str = "\
Examples:
  plantab schema > plantab.schema.json
  check-jsonschema --schemafile plantab.schema.json out/*.json
";

/// `extract --help`'s end: the examples, the columns of `records.csv` and
/// `statuses.csv` (from `plantab-output`, so the lists are the writer's
/// own) and the exit codes.
fn extract_help() -> String {
    let records = wrap_columns(&plantab_output::records_contract_columns());
    let statuses = wrap_columns(plantab_output::STATUS_COLUMNS);
    format!(
        "{EXTRACT_EXAMPLES}\n\
         records.csv columns (--format csv; then one field_<key> column per other\n\
         key the documents have, sorted; docs/OUTPUT.md explains each):\n{records}\n\n\
         statuses.csv columns (one row per record and status entry):\n{statuses}\n\n{EXIT_HELP}"
    )
}

/// Column names as indented lines of at most 78 characters.
fn wrap_columns<S: AsRef<str>>(columns: &[S]) -> String {
    let mut lines = String::new();
    let mut line = String::from(" ");
    for c in columns {
        let c = c.as_ref();
        if line.len() + c.len() + 2 > 78 {
            lines.push_str(&line);
            lines.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(c);
    }
    lines.push_str(&line);
    lines
}

/// Turns government delivery plans and progress reports (PDFs and text
/// conversions of PDFs) into normalised JSON: every action, its owner, due
/// date and status, with provenance.
#[derive(Parser)]
#[command(name = "plantab", version, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from files and folders (folders are searched
    /// recursively for .pdf, .txt, .text, .md, .markdown, .tsv, .html and
    /// .htm files, or for the files matching --glob). Files are read in
    /// parallel; the output is the same whatever --jobs is. `-` reads one
    /// input from standard input.
    #[command(after_help = extract_help())]
    Extract(ExtractArgs),
    /// Extract every table from files and folders (any text PDF — budgets,
    /// statistics annexes, notices — or text conversions), as printed:
    /// header rows kept, spanning cells with their spans, a table continued
    /// on following pages stitched into one. Same inputs, batch behaviour,
    /// errors and exit codes as `extract`; no records.
    #[command(after_help = format!("{TABLES_EXAMPLES}\n{EXIT_HELP}"))]
    Tables(TablesArgs),
    /// Print the JSON Schema (2020-12) of the output document.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema,
    /// A worker process of a batch (started by plantab itself; frames on
    /// stdin and stdout).
    #[command(name = "__worker", hide = true)]
    Worker {
        /// The worker's settings (`--max-memory-mb N`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<std::ffi::OsString>,
    },
    /// Show what the reader saw in one file: the blocks and table fragments
    /// it produced (stage `layout`) or the tables after joining (stage
    /// `tables`), as JSON, so you can see why a table was misread.
    #[command(after_help = DEBUG_EXAMPLES)]
    Debug {
        /// The file to inspect.
        file: PathBuf,
        /// What to print: `reader` (default) — for a PDF, what the reader
        /// saw on each page (text runs with positions, the columns and rows
        /// found, the grid) as text; for text input, the layout; `layout` —
        /// the reader's blocks and table fragments as JSON; `tables` — the
        /// tables after fragments were joined, as JSON.
        #[arg(long, value_enum, default_value_t = Stage::Reader)]
        stage: Stage,
        /// Only this page (1-based; PDF input).
        #[arg(long)]
        page: Option<u32>,
        /// Write a picture of what the finder saw on `--page N` as PNG
        /// (text runs, rulings, fills, tables with their cell grid, header
        /// rows shaded, spans and column keys).
        #[arg(long, value_name = "OUT.png", requires = "page")]
        png: Option<PathBuf>,
        /// The same picture as SVG.
        #[arg(long, value_name = "OUT.svg", requires = "page")]
        svg: Option<PathBuf>,
        /// Table finder overrides.
        #[command(flatten)]
        finder: FinderArgs,
        /// The password of a password-protected PDF.
        #[command(flatten)]
        password: PasswordArg,
    },
}

/// `--password`.
#[derive(clap::Args)]
pub struct PasswordArg {
    /// The password of password-protected PDFs (their user or owner
    /// password; the same for every input; ignored for files that are not
    /// encrypted). A protected PDF without it fails with `encrypted`, with
    /// a password that does not open it with `wrong_password`. The
    /// environment variable keeps it out of the process list and shell
    /// history.
    #[arg(
        long,
        value_name = "PASSWORD",
        env = "PLANTAB_PASSWORD",
        hide_env_values = true
    )]
    pub password: Option<String>,
}

/// The table finder's overrides, for when it is wrong (as camelot's and
/// tabula's options).
#[derive(clap::Args)]
pub struct FinderArgs {
    /// Read only these pages: `1,3-5,8-` (1-based; `8-` to the end).
    #[arg(long, value_name = "PAGES")]
    pub pages: Option<plantab::PageSet>,
    /// Look for tables only inside this box, `x0,y0,x1,y1` in PDF points
    /// with the origin at the bottom left (as the JSON bbox), on every
    /// page, or `PAGE:x0,y0,x1,y1` on one; an area where no table is seen
    /// is read as one table. Repeatable.
    #[arg(long = "area", value_name = "BOX")]
    pub areas: Vec<plantab::Area>,
    /// Column separators for tables found by text alignment: x positions
    /// in PDF points, `x1,x2,...`.
    #[arg(long, value_name = "X,...", value_delimiter = ',')]
    pub columns: Vec<f64>,
    /// How tables are found: `auto` (ruled grids, then text alignment),
    /// `ruled` (ruled grids only) or `text` (text alignment only).
    #[arg(long, value_name = "auto|ruled|text", default_value = "auto")]
    pub strategy: plantab::Strategy,
}

impl FinderArgs {
    /// The overrides for the library.
    pub fn overrides(&self) -> plantab::Overrides {
        plantab::Overrides {
            pages: self.pages.clone(),
            areas: self.areas.clone(),
            columns: self.columns.clone(),
            strategy: self.strategy,
        }
    }
}

/// The options `extract` and `tables` share: which inputs, how the batch
/// runs.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Files or folders to read (files named here are read whatever their
    /// name). An input reached twice is read once.
    #[arg(required_unless_present = "files_from")]
    pub paths: Vec<PathBuf>,
    /// Also read the paths listed in FILE, one per line (`-`: standard
    /// input); blank lines and lines starting with `#` are ignored.
    /// Relative paths are relative to the current folder.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Only take files found in folders whose name matches PATTERN (`*`,
    /// `?`, `[a-z]`, `{pdf,txt}`; a pattern with `/` is matched against the
    /// path below the folder named, `**` spanning folders). Repeatable.
    /// Replaces the default extension filter.
    #[arg(long = "glob", value_name = "PATTERN")]
    pub globs: Vec<String>,
    /// Files read at once (default: the number of cores; at most 4 per
    /// core: more is clamped, with a warning). With fewer inputs than
    /// that (one large PDF), the pages of each PDF are read in parallel
    /// instead.
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<u32>,
    /// Give up on a file after this many seconds (error `timeout`; the
    /// batch goes on). 0: no limit.
    #[arg(long, value_name = "N", default_value_t = 60)]
    pub timeout_secs: u64,
    /// Skip inputs whose SHA-256 and plantab version match the previous
    /// run's manifest in DIR (same command and format) and whose output is
    /// still there (needs `-o DIR`; `extract`: `--format json`; `tables`:
    /// `json` or `md`).
    #[arg(long)]
    pub incremental: bool,
    /// No progress and no summary (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
    /// Each file is read and converted in a worker process (this program)
    /// whose address space is capped at MB MiB (default 3072: two jobs fit
    /// an 8 GB machine; 0: no cap). A file over the cap is
    /// `limit_exceeded` (memory); one over `--timeout-secs` has its worker
    /// killed at once (its core and memory freed); either way the batch
    /// goes on with a new worker.
    #[arg(long, value_name = "MB", default_value_t = plantab_batch::DEFAULT_MAX_MEMORY_MB)]
    pub max_memory: u64,
    /// Follow symbolic links found in folders even where they lead outside
    /// the folders named (by default such a link is not followed, with a
    /// warning; paths named are always followed).
    #[arg(long)]
    pub follow_links: bool,
    /// Read and convert files in this process instead of worker processes
    /// (no memory cap; a timed-out file's thread is abandoned, not killed).
    #[arg(long)]
    pub in_process: bool,
    /// The password of password-protected PDFs.
    #[command(flatten)]
    pub password: PasswordArg,
    /// The month financial years start in, for every input: `1`–`12` or a
    /// month's English name (`july`, `Oct`). Overrides what a document
    /// states ("the financial year runs from 1 July") and its
    /// jurisdiction's rule; reads "FY2024", "2024/25", "Q3 2024-25" and
    /// year-less dates under it, and is given back as
    /// `document.fiscal_year_start`. Default: decided per document (else
    /// April).
    #[arg(long, value_name = "MONTH", value_parser = parse_fiscal_month)]
    pub fiscal_year_start: Option<u32>,
}

/// `--fiscal-year-start MONTH`: 1–12 or a month's name.
fn parse_fiscal_month(s: &str) -> Result<u32, String> {
    plantab::parse_month(s).ok_or_else(|| {
        format!("`{s}` is not a month (1-12, or a month's name such as `july` or `oct`)")
    })
}

/// `--jobs N`: a whole number of files read at once, at least 1.
fn parse_jobs(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(0) => Err(
            "--jobs must be at least 1 (the number of files read at once); leave it out to use one per core"
                .into(),
        ),
        Ok(n) => Ok(n),
        Err(_) => Err(format!(
            "`{s}` is not a number of files to read at once (a whole number, at least 1)"
        )),
    }
}

/// `plantab extract`'s options.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Inputs and batch options.
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Write output into this folder (created if missing): one
    /// `<input-stem>.json` per input, or the run's files
    /// (`records.ndjson`; `records.csv`, `statuses.csv`, `documents.csv`;
    /// `plantab.xlsx`), and the run manifest `manifest.json`. Without it,
    /// output goes to stdout (JSON: one document for one input, an array of
    /// documents for several). One run at a time: a second run into a
    /// folder in use does not wait, it exits 2 naming the other run's pid.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Output format: `json` (whole documents), `ndjson` (one record a
    /// line, each carrying source and document kind), `csv` (with -o:
    /// `records.csv`, one row per record with its latest status;
    /// `statuses.csv`, one row per record and status entry;
    /// `documents.csv`; without -o: `records.csv` to stdout), `xlsx` (one
    /// workbook, `plantab.xlsx`, sheets documents, records, statuses; needs
    /// -o) or `flat-csv` (the first CSV layout, `fields.<key>` columns, kept
    /// for scripts written against it).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Table finder overrides.
    #[command(flatten)]
    pub finder: FinderArgs,
}

/// `plantab tables`' options.
#[derive(clap::Args)]
pub struct TablesArgs {
    /// Inputs and batch options.
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Write output into this folder (created if missing): one
    /// `<input-stem>.json` or `<input-stem>.md` per input, or one
    /// `<input-stem>-p<page>-t<n>.csv` per table and `tables.csv`, or
    /// `tables.xlsx`, and the run manifest
    /// `manifest.json`. Without it, output goes to stdout (JSON: one
    /// document for one input, an array for several; markdown: one after
    /// another). `--format csv` and `xlsx` need it. One run at a time: a
    /// second run into a folder in use does not wait, it exits 2 naming
    /// the other run's pid.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Output format: `json` (the contract's document with `tables` filled:
    /// pages, bbox per page, rows, cells with spans; no records), `csv`
    /// (one file per table; `page` is the table's first page, `n` its
    /// 1-based position among the tables starting there; and one long
    /// `tables.csv`, a row per cell of every table), `md` (markdown tables
    /// for a quick look) or `xlsx` (one workbook, `tables.xlsx`, a sheet
    /// per table; needs -o).
    #[arg(long, value_enum, default_value_t = TablesFormat::Json)]
    pub format: TablesFormat,
    /// Table finder overrides.
    #[command(flatten)]
    pub finder: FinderArgs,
}

/// `plantab tables` output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TablesFormat {
    /// The contract's document, tables filled, no records.
    Json,
    /// One CSV file per table.
    Csv,
    /// Markdown tables.
    Md,
    /// One workbook, a sheet per table.
    Xlsx,
}

/// Output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Whole documents.
    Json,
    /// One record a line.
    Ndjson,
    /// Analyst tables: records, statuses, documents.
    Csv,
    /// One workbook: documents, records, statuses.
    Xlsx,
    /// The first CSV layout.
    FlatCsv,
}

impl From<Format> for plantab_batch::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => plantab_batch::Format::Json,
            Format::Ndjson => plantab_batch::Format::Ndjson,
            Format::Csv => plantab_batch::Format::Csv,
            Format::Xlsx => plantab_batch::Format::Xlsx,
            Format::FlatCsv => plantab_batch::Format::FlatCsv,
        }
    }
}

impl From<TablesFormat> for plantab_batch::Format {
    fn from(f: TablesFormat) -> Self {
        match f {
            TablesFormat::Json => plantab_batch::Format::Json,
            TablesFormat::Csv => plantab_batch::Format::Csv,
            TablesFormat::Md => plantab_batch::Format::Md,
            TablesFormat::Xlsx => plantab_batch::Format::Xlsx,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Stage {
    Reader,
    Layout,
    Tables,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    plantab_batch::install_panic_hook();
    let result = match cli.command {
        Command::Extract(args) => run_batch(
            &args.batch,
            args.output,
            plantab_batch::Command::Extract,
            args.format.into(),
            args.finder.overrides(),
        ),
        Command::Tables(args) => run_batch(
            &args.batch,
            args.output,
            plantab_batch::Command::Tables,
            args.format.into(),
            args.finder.overrides(),
        ),
        Command::Schema => {
            // A closed pipe just ends the output.
            let _ = print_stdout(plantab_output::schema().trim_end_matches('\n'));
            Ok(0)
        }
        Command::Worker { args } => match plantab_batch::WorkerSettings::from_args(args) {
            Ok(settings) => Ok(plantab_batch::serve(settings)),
            Err(e) => Err(anyhow::anyhow!("__worker: {e}")),
        },
        Command::Debug {
            file,
            stage,
            page,
            png,
            svg,
            finder,
            password,
        } => debug(
            &file,
            stage,
            page,
            &finder.overrides(),
            password.password.as_deref(),
            [png, svg],
        ),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("plantab: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `extract` / `tables`: runs the batch; returns the exit code.
fn run_batch(
    b: &BatchArgs,
    output: Option<PathBuf>,
    command: plantab_batch::Command,
    format: plantab_batch::Format,
    overrides: plantab::Overrides,
) -> Result<u8> {
    let batch = plantab_batch::Batch {
        paths: b.paths.clone(),
        files_from: b.files_from.clone(),
        globs: b.globs.clone(),
        output,
        jobs: b.jobs.map(|j| j as usize),
        timeout: (b.timeout_secs > 0).then(|| Duration::from_secs(b.timeout_secs)),
        incremental: b.incremental,
        kind: plantab_batch::Kind::new(command, format)?,
        overrides,
        follow_links: b.follow_links,
        password: b.password.password.clone(),
        fiscal_year_start: b.fiscal_year_start,
    };
    let mut shown = Shown {
        quiet: b.quiet,
        progress: None,
    };
    // Standard input (`-`) is read in this process: a worker's stdin is
    // its request pipe.
    let stdin_input = b.paths.iter().any(|p| p.as_os_str() == "-");
    let report = if b.in_process || stdin_input {
        plantab_batch::run(&batch, &mut shown)?
    } else {
        let settings = plantab_batch::WorkerSettings {
            max_memory_mb: (b.max_memory > 0).then_some(b.max_memory),
        };
        let workers = plantab_batch::Workers::this_program(settings)
            .context("cannot find this program to start worker processes")?;
        plantab_batch::run_with(&batch, &workers, &mut shown)?
    };
    let t = &report.totals;
    if report.stdout_closed {
        // `plantab … | head`: the reader has what it wanted.
        return Ok(0);
    }
    if t.inputs == 0 {
        eprintln!("plantab: {}", no_inputs(b));
        return Ok(1);
    }
    if !b.quiet {
        let (n, what) = match command {
            plantab_batch::Command::Extract => (t.records, "records"),
            plantab_batch::Command::Tables => (t.tables, "tables"),
        };
        eprintln!(
            "plantab: {} file(s) ok, {} failed, {} skipped (unchanged), {n} {what}, {} warnings, {:.1} s",
            t.ok, t.failed, t.skipped, t.warnings, t.seconds
        );
    }
    Ok(if report.output_error || report.unfinished {
        2
    } else if t.failed > 0 {
        1
    } else {
        0
    })
}

/// Why a run found nothing to read, for its one line on stderr.
fn no_inputs(b: &BatchArgs) -> String {
    let chosen = if b.globs.is_empty() {
        format!(
            "with an input extension (.{})",
            plantab_batch::inputs::INPUT_EXTENSIONS.join(", .")
        )
    } else {
        format!("matching --glob {}", b.globs.join(" --glob "))
    };
    format!(
        "no inputs: found no file {chosen} in the paths given{}; nothing was read",
        if b.files_from.is_some() {
            " or listed by --files-from"
        } else {
            ""
        }
    )
}

/// What a run shows on stderr: progress while inputs are read, one line
/// per failed input in input order (`plantab: PATH: CODE: MESSAGE`, also
/// with `--quiet`), output errors and warnings.
struct Shown {
    quiet: bool,
    /// While inputs are read.
    progress: Option<Progress>,
}

impl Shown {
    fn line(&self, line: &str) {
        match &self.progress {
            Some(p) => p.message(line),
            None => eprintln!("{line}"),
        }
    }
}

impl Observer for Shown {
    fn started(&mut self, inputs: usize) {
        self.progress = Some(Progress::new(inputs, self.quiet));
    }

    fn finished(&mut self, entry: &Entry) {
        if let Some(p) = &mut self.progress {
            p.finished_one(!entry.is_ok());
        }
    }

    fn failed(&mut self, e: &Entry) {
        self.line(&format!(
            "plantab: {}: {}: {}",
            plantab_batch::names::escape_control(&e.path),
            e.error_code
                .map_or("error", plantab_model::ErrorCode::as_str),
            plantab_batch::names::escape_control(e.error_message.as_deref().unwrap_or(""))
        ));
    }

    fn output_error(&mut self, error: &BatchError) {
        let message = plantab::error_chain(error);
        self.line(&format!(
            "plantab: error: {}",
            plantab_batch::names::escape_control(&message)
        ));
    }

    fn warning(&mut self, warning: &BatchWarning) {
        let message = warning.to_string();
        self.line(&format!(
            "plantab: warning: {}",
            plantab_batch::names::escape_control(&message)
        ));
    }

    fn tick(&mut self) {
        if let Some(p) = &mut self.progress {
            p.tick();
        }
    }

    fn inputs_done(&mut self) {
        if let Some(p) = self.progress.take() {
            p.finish();
        }
    }
}

fn debug(
    file: &Path,
    stage: Stage,
    page: Option<u32>,
    o: &plantab::Overrides,
    password: Option<&str>,
    [png, svg]: [Option<PathBuf>; 2],
) -> Result<u8> {
    let bytes = plantab_batch::inputs::read_input(file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let path = file.to_string_lossy();
    let failed = |e: plantab::ExtractError| match e {
        // A page past the end is the caller's mistake (exit 2, as every
        // error here), not a damaged file.
        plantab::ExtractError::Pdf(p @ plantab::PdfError::NoSuchPage { .. }) => {
            anyhow::anyhow!("{}: --page: {p}", file.display())
        }
        e => anyhow::anyhow!("{}: {}: {}", file.display(), e.code(), e.message()),
    };
    let input = plantab::Input {
        password,
        ..plantab::Input::new(&path, &bytes)
    };
    let (layout, source) = plantab::read_layout_input_with(input, o).map_err(failed)?;
    // The page pictures and listings read the PDF again: decrypted once.
    let decrypted = plantab::decrypted(source.format, &bytes, password).map_err(failed)?;
    let bytes = decrypted.unwrap_or(bytes);
    if let (Some(p), Some(n)) = (page, source.pages) {
        if p == 0 || p > n {
            bail!(
                "{}: --page: page {p} does not exist (the {} has {n} page(s))",
                file.display(),
                if source.format == plantab_model::SourceFormat::Pdf {
                    "PDF"
                } else {
                    "text"
                }
            );
        }
    }
    if let (Some(p), true) = (page, png.is_some() || svg.is_some()) {
        if let Some(out) = &svg {
            let s = plantab::debug_pdf_svg(&bytes, p, o, false).map_err(failed)?;
            std::fs::write(out, s).with_context(|| format!("cannot write {}", out.display()))?;
        }
        if let Some(out) = &png {
            let b = plantab::debug_pdf_png(&bytes, p, o, 2.0).map_err(failed)?;
            std::fs::write(out, b).with_context(|| format!("cannot write {}", out.display()))?;
        }
        return Ok(0);
    }
    if stage == Stage::Reader && source.format == plantab_model::SourceFormat::Pdf {
        let pages: Vec<u32> = match page {
            Some(p) => vec![p],
            None => {
                let n = source.pages.unwrap_or(0);
                o.pages
                    .as_ref()
                    .map_or_else(|| (1..=n).collect(), |s| s.pages_of(n))
            }
        };
        for p in pages {
            let text = plantab::debug_pdf_page_with(&bytes, p, o).map_err(failed)?;
            // A closed pipe (`| head`) just ends the listing.
            if print_stdout(&text).is_err() {
                return Ok(0);
            }
        }
        return Ok(0);
    }
    let mut layout = layout;
    if let Some(p) = page {
        layout.blocks.retain(|b| block_page(b) == Some(p));
    }
    let json = match stage {
        Stage::Layout | Stage::Reader => serde_json::to_string_pretty(&layout)?,
        Stage::Tables => serde_json::to_string_pretty(&plantab::rebuild(layout))?,
    };
    let _ = print_stdout(&json);
    Ok(0)
}

/// Writes `text` and a newline to stdout, returning the error (a closed
/// pipe) instead of panicking as `println!` does.
fn print_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

fn block_page(b: &plantab_model::Block) -> Option<u32> {
    match b {
        plantab_model::Block::Text(t) => t.page,
        plantab_model::Block::Legend(l) => l.page,
        plantab_model::Block::Table(t) => t.page,
    }
}
