//! `plantab extract` and `plantab tables`: the batch run, shared by both
//! commands (a [`Job`] says which, and with which output format).
//!
//! Inputs are handed to a rayon pool of `--jobs` threads in input order
//! (`par_bridge` pulls them one at a time). Each file's work — extraction
//! and serialisation — runs isolated on the pool thread's own worker
//! thread ([`plantab::Isolator`]): a panic
//! becomes `internal_error`, a file over `--timeout-secs` becomes `timeout`
//! and is abandoned. Per-file outputs are written atomically by the pool
//! thread from the returned bytes only, so an abandoned file never writes.
//! Streamed outputs (stdout, `records.ndjson`, `records.csv`) are written
//! by the main thread in input order through a small reorder buffer, so
//! the bytes do not depend on `--jobs` and no more documents are held in
//! memory than are in flight.

use crate::inputs::{self, Input};
use crate::manifest::{self, round3, Entry, Finished, Manifest, Totals, MANIFEST_NAME};
use crate::progress::Progress;
use crate::{BatchArgs, ExtractArgs, Format, TablesArgs, TablesFormat};
use anyhow::{bail, Context, Result};
use plantab_model::{ErrorCode, SourceFormat};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

/// A checkpoint manifest is written this often during a run with `-o`, so
/// `--incremental` after a killed run skips what was already written.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(2);

/// Streamed output: how many inputs per job may finish ahead of the one
/// the stream waits for.
const WINDOW_PER_JOB: usize = 32;

/// What the per-file work hands back.
struct Produced {
    records: usize,
    warnings: usize,
    tables: usize,
    /// The serialised output (per-file or streamed).
    out: Vec<u8>,
    /// `tables --format csv`: one (name, bytes) per table, in place of
    /// `out`.
    files: Vec<(String, Vec<u8>)>,
}

/// What a batch run makes of each input.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `plantab extract --format F`.
    Extract(Format),
    /// `plantab tables --format F`.
    Tables(TablesFormat),
}

impl Kind {
    fn command(self) -> &'static str {
        match self {
            Kind::Extract(_) => "extract",
            Kind::Tables(_) => "tables",
        }
    }

    /// The format's name on the command line and in the manifest.
    fn format_name(self) -> &'static str {
        match self {
            Kind::Extract(f) => f.name(),
            Kind::Tables(TablesFormat::Json) => "json",
            Kind::Tables(TablesFormat::Csv) => "csv",
            Kind::Tables(TablesFormat::Md) => "md",
        }
    }

    /// With `-o DIR`: files of its own for each input (else one streamed
    /// file for all).
    fn per_file(self) -> bool {
        matches!(self, Kind::Extract(Format::Json) | Kind::Tables(_))
    }

    /// Streamed JSON documents (an array for several inputs).
    fn json_stream(self) -> bool {
        matches!(
            self,
            Kind::Extract(Format::Json) | Kind::Tables(TablesFormat::Json)
        )
    }

    /// The one streamed output file in DIR, when the format has one.
    fn stream_name(self) -> Option<&'static str> {
        match self {
            Kind::Extract(Format::Ndjson) => Some("records.ndjson"),
            Kind::Extract(Format::Csv) => Some("records.csv"),
            _ => None,
        }
    }

    /// Whether `--incremental` can be used: one output file per input.
    fn incremental_ok(self) -> bool {
        matches!(
            self,
            Kind::Extract(Format::Json)
                | Kind::Tables(TablesFormat::Json)
                | Kind::Tables(TablesFormat::Md)
        )
    }

    /// The per-file output name from the `<stem>.json` name.
    fn output_name(self, json_name: String) -> String {
        match self {
            Kind::Tables(TablesFormat::Md) => match json_name.strip_suffix(".json") {
                Some(stem) => format!("{stem}.md"),
                None => json_name,
            },
            _ => json_name,
        }
    }
}

/// One batch run: the inputs, where output goes, and what to make.
pub struct Job<'a> {
    paths: &'a [PathBuf],
    files_from: Option<&'a Path>,
    globs: &'a [String],
    output: Option<&'a Path>,
    jobs: Option<u32>,
    timeout_secs: u64,
    incremental: bool,
    quiet: bool,
    kind: Kind,
    overrides: plantab::Overrides,
}

impl<'a> Job<'a> {
    fn new(
        b: &'a BatchArgs,
        output: Option<&'a Path>,
        kind: Kind,
        overrides: plantab::Overrides,
    ) -> Self {
        Job {
            paths: &b.paths,
            files_from: b.files_from.as_deref(),
            globs: &b.globs,
            output,
            jobs: b.jobs,
            timeout_secs: b.timeout_secs,
            incremental: b.incremental,
            quiet: b.quiet,
            kind,
            overrides,
        }
    }
}

impl<'a> From<&'a ExtractArgs> for Job<'a> {
    fn from(a: &'a ExtractArgs) -> Self {
        Job::new(
            &a.batch,
            a.output.as_deref(),
            Kind::Extract(a.format),
            a.finder.overrides(),
        )
    }
}

impl<'a> From<&'a TablesArgs> for Job<'a> {
    fn from(a: &'a TablesArgs) -> Self {
        Job::new(
            &a.batch,
            a.output.as_deref(),
            Kind::Tables(a.format),
            a.finder.overrides(),
        )
    }
}

/// Settings shared by the pool threads.
struct Ctx<'a> {
    kind: Kind,
    /// `Some` with `-o DIR`.
    dir: Option<&'a Path>,
    /// One `<stem>.json` per input (json with `-o`).
    per_file: bool,
    names: Vec<Option<String>>,
    /// `--incremental`: the previous manifest's ok entries by path.
    previous: Option<HashMap<String, Entry>>,
    timeout: Option<Duration>,
    /// The name of the one streamed output file (`records.ndjson`), for
    /// the manifest.
    stream_name: Option<&'static str>,
    /// Set when output can no longer be written: the pool stops taking
    /// new inputs.
    abort: AtomicBool,
    /// Inputs emitted to the stream so far (all before this index).
    emitted: AtomicUsize,
    /// Streamed output: an input is not started while it is this far
    /// ahead of the stream, so one slow file (up to its timeout) cannot
    /// pile every later result up in memory.
    window: Option<usize>,
    /// Read the pages of each PDF in parallel: when there are fewer inputs
    /// than `--jobs`, cores would idle otherwise.
    parallel_pages: bool,
    /// The run has one input: its document is left to the process exit
    /// instead of being freed piece by piece (see [`release_document`]).
    single_input: bool,
    /// The table finder's overrides (`--pages`, `--area`, ...).
    overrides: plantab::Overrides,
}

/// One input's result, sent to the main thread.
struct Outcome {
    entry: Entry,
    /// Bytes for the streamed output.
    chunk: Option<Vec<u8>>,
    /// An output file could not be written (exit code 2).
    output_error: bool,
}

/// Runs `plantab extract` or `plantab tables`; returns the exit code.
pub fn run(args: &Job) -> Result<u8> {
    let started_wall = SystemTime::now();
    let started = Instant::now();
    let kind = args.kind;
    if args.incremental && (args.output.is_none() || !kind.incremental_ok()) {
        match kind {
            Kind::Extract(_) => {
                bail!("--incremental needs -o DIR and --format json (per-file outputs to keep)")
            }
            Kind::Tables(_) => bail!(
                "--incremental needs -o DIR and --format json or md (per-file outputs to keep)"
            ),
        }
    }
    if kind == Kind::Tables(TablesFormat::Csv) && args.output.is_none() {
        bail!("--format csv needs -o DIR (it writes one file per table)");
    }
    let globs = args
        .globs
        .iter()
        .map(|g| crate::glob::Glob::new(g).map_err(anyhow::Error::msg))
        .collect::<Result<Vec<_>>>()?;
    let mut paths = args.paths.to_vec();
    if let Some(list) = args.files_from {
        let listed = inputs::read_files_from(list)
            .with_context(|| format!("cannot read --files-from {}", list.display()))?;
        paths.extend(listed);
    }
    if paths.is_empty() && args.files_from.is_none() {
        bail!("no input paths given");
    }
    let dir = args.output;
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output folder {}", dir.display()))?;
        remove_dead_temp_files(dir);
    }
    let inputs = inputs::collect(&paths, &globs);
    let per_file = dir.is_some() && kind.per_file();
    let previous = if args.incremental {
        match dir.map(|d| manifest::previous(d, kind.command(), kind.format_name())) {
            Some(Ok(p)) => Some(p),
            Some(Err(e)) => {
                eprintln!("plantab: warning: {e}; reading every input");
                Some(HashMap::new())
            }
            None => None,
        }
    } else {
        None
    };
    let jobs = args
        .jobs
        .map(|j| j as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let ctx = Ctx {
        kind,
        dir,
        per_file,
        names: inputs::output_names(&inputs)
            .into_iter()
            .map(|n| n.map(|n| kind.output_name(n)))
            .collect(),
        previous,
        timeout: (args.timeout_secs > 0).then(|| Duration::from_secs(args.timeout_secs)),
        stream_name: dir.and(kind.stream_name()),
        abort: AtomicBool::new(false),
        emitted: AtomicUsize::new(0),
        window: (!per_file).then_some(WINDOW_PER_JOB * jobs),
        parallel_pages: jobs > 1 && inputs.len() < jobs,
        single_input: inputs.len() == 1,
        overrides: args.overrides.clone(),
    };
    if ctx.parallel_pages {
        // Pages of a file are read on rayon's global pool: sized by
        // `--jobs`, and its threads named as the isolated workers are, so
        // a panic in a page is reported as that file's error like any other
        // (see `quiet_isolated_panics`). It can be built once per process;
        // a second batch in the same process keeps the first pool.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|_| plantab::ISOLATED_THREAD_NAME.to_string())
            .build_global();
    }
    let mut sink = if per_file {
        None
    } else {
        Some(Sink::open(kind, dir, inputs.len() == 1)?)
    };

    let total = inputs.len();
    let mut progress = Progress::new(total, args.quiet);
    let mut entries: Vec<Option<Entry>> = vec![None; total];
    let mut pending: BTreeMap<usize, (Option<Vec<u8>>, Option<String>)> = BTreeMap::new();
    let mut next = 0usize;
    let mut output_error = false;
    let mut last_checkpoint = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("plantab-worker-{i}"))
        .build()
        .context("cannot start the worker threads")?;
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|s| {
        let ctx = &ctx;
        let inputs = &inputs;
        s.spawn(move || {
            pool.install(|| {
                inputs
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, input)| {
                        if let Some(window) = ctx.window {
                            // Inputs are handed out in order, so the one
                            // the stream waits for is already being read.
                            while i >= ctx.emitted.load(Ordering::Acquire) + window
                                && !ctx.abort.load(Ordering::Relaxed)
                            {
                                std::thread::sleep(Duration::from_millis(2));
                            }
                        }
                        if ctx.abort.load(Ordering::Relaxed) {
                            return;
                        }
                        let outcome = process_one(ctx, i, input);
                        let _ = tx.send((i, outcome));
                    });
            });
        });
        loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok((i, outcome)) => {
                    let ok = outcome.entry.is_ok();
                    output_error |= outcome.output_error;
                    let line = (!ok).then(|| error_line(&outcome.entry));
                    if let Some(slot) = entries.get_mut(i) {
                        *slot = Some(outcome.entry);
                    }
                    progress.finished_one(!ok);
                    pending.insert(i, (outcome.chunk, line));
                    // Emit whatever is now in input order.
                    while let Some((chunk, line)) = pending.remove(&next) {
                        next += 1;
                        ctx.emitted.store(next, Ordering::Release);
                        if let Some(line) = line {
                            progress.message(&line);
                        }
                        if let (Some(chunk), Some(sk)) = (chunk, sink.as_mut()) {
                            if let Err(e) = sk.push(&chunk) {
                                progress.message(&format!("plantab: error: {e:#}"));
                                output_error = true;
                                ctx.abort.store(true, Ordering::Relaxed);
                                sink = None;
                            }
                        }
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            progress.tick();
            if let Some(dir) = dir {
                if last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
                    last_checkpoint = Instant::now();
                    // A failed checkpoint is retried next time; the final
                    // manifest's failure is the one that counts.
                    let _ = write_manifest(
                        dir,
                        &manifest_view(&entries, started_wall, started, kind, total, None),
                    );
                }
            }
        }
    });
    progress.finish();

    if let Some(sk) = sink {
        if let Err(e) = sk.finish() {
            eprintln!("plantab: error: {e:#}");
            output_error = true;
        }
    }
    let done = manifest_view(
        &entries,
        started_wall,
        started,
        kind,
        total,
        Some(SystemTime::now()),
    );
    if let Some(dir) = dir {
        if let Err(e) = write_manifest(dir, &done) {
            eprintln!("plantab: error: {e:#}");
            output_error = true;
        }
    }
    let t = &done.totals;
    if !args.quiet {
        let (n, what) = match kind {
            Kind::Extract(_) => (t.records, "records"),
            Kind::Tables(_) => (t.tables, "tables"),
        };
        eprintln!(
            "plantab: {} file(s) ok, {} failed, {} skipped (unchanged), {n} {what}, {} warnings, {:.1} s",
            t.ok, t.failed, t.skipped, t.warnings, t.seconds
        );
    }
    let unfinished = t.ok + t.failed < total;
    Ok(if output_error || unfinished {
        2
    } else if t.failed > 0 {
        1
    } else {
        0
    })
}

thread_local! {
    /// Each pool thread's isolated worker thread, reused file after file.
    static ISOLATOR: std::cell::RefCell<plantab::Isolator> =
        std::cell::RefCell::new(plantab::Isolator::new());
    /// Where the last panic on this thread happened (`file:line:col`), set
    /// by the panic hook (`main.rs`) on isolated threads.
    pub static PANIC_AT: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// The manifest of the run so far (`finished`: `None` for a checkpoint).
fn manifest_view(
    entries: &[Option<Entry>],
    started_wall: SystemTime,
    started: Instant,
    kind: Kind,
    total: usize,
    finished: Option<SystemTime>,
) -> Manifest<Finished<'_>> {
    Manifest {
        manifest_version: manifest::MANIFEST_VERSION,
        plantab_version: env!("CARGO_PKG_VERSION").to_string(),
        started: manifest::rfc3339(started_wall),
        finished: finished.map(manifest::rfc3339),
        complete: finished.is_some(),
        command: kind.command().to_string(),
        format: kind.format_name().to_string(),
        totals: Totals::over(
            total,
            entries.iter().flatten(),
            started.elapsed().as_secs_f64(),
        ),
        inputs: Finished(entries),
    }
}

/// `plantab: PATH: CODE: MESSAGE`.
fn error_line(e: &Entry) -> String {
    format!(
        "plantab: {}: {}: {}",
        e.path,
        e.error_code.map_or("error", ErrorCode::as_str),
        e.error_message.as_deref().unwrap_or("")
    )
}

/// Reads, hashes, (maybe) skips, extracts in isolation, serialises and
/// (per-file mode) writes one input.
fn process_one(ctx: &Ctx, i: usize, input: &Input) -> Outcome {
    let start = Instant::now();
    let path_str = input.path().to_string_lossy().into_owned();
    let secs = || round3(start.elapsed().as_secs_f64());
    let fail = |entry: Entry| Outcome {
        entry,
        chunk: None,
        output_error: false,
    };
    let file = match input {
        Input::File(f) => f,
        Input::Failed { code, message, .. } => {
            return fail(Entry::error(path_str, *code, message.clone(), 0.0));
        }
    };
    let name = ctx.names.get(i).cloned().flatten();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            remove_stale(ctx, name.as_deref());
            return fail(Entry::error(
                path_str,
                ErrorCode::Io,
                format!("cannot read: {e}"),
                secs(),
            ));
        }
    };
    let mut entry = Entry {
        path: path_str,
        sha256: Some(plantab::sha256_hex(&bytes)),
        bytes: Some(bytes.len() as u64),
        format: Some(
            match plantab::sniff_format(&bytes) {
                SourceFormat::Pdf => "pdf",
                SourceFormat::Text => "text",
            }
            .to_string(),
        ),
        status: "ok".into(),
        skipped: false,
        error_code: None,
        error_message: None,
        records: 0,
        warnings: 0,
        seconds: 0.0,
        output: None,
        tables: 0,
        outputs: Vec::new(),
    };
    if let (Some(previous), Some(dir), Some(name)) = (&ctx.previous, ctx.dir, &name) {
        if let Some(prev) = previous.get(&entry.path) {
            if prev.sha256 == entry.sha256
                && prev.output.as_deref() == Some(name.as_str())
                && dir.join(name).is_file()
            {
                entry.skipped = true;
                entry.records = prev.records;
                entry.warnings = prev.warnings;
                entry.tables = prev.tables;
                entry.output = Some(name.clone());
                entry.seconds = secs();
                return fail(entry);
            }
        }
    }

    let kind = ctx.kind;
    let work_path = entry.path.clone();
    let stem = name
        .as_deref()
        .map(|n| n.rsplit_once('.').map_or(n, |(s, _)| s).to_string())
        .unwrap_or_else(|| "input".to_string());
    let work_stem = stem.clone();
    let work_sha = entry.sha256.clone();
    let parallel_pages = ctx.parallel_pages;
    let single_input = ctx.single_input;
    let overrides = ctx.overrides.clone();
    let produce = move || -> std::result::Result<Produced, (ErrorCode, String)> {
        #[cfg(debug_assertions)]
        test_fault(&work_path);
        let input = plantab::Input {
            path: &work_path,
            bytes: &bytes,
            sha256: work_sha.as_deref(),
            parallel_pages,
        };
        let read = match kind {
            Kind::Extract(_) => plantab::extract_input_with(input, &overrides),
            Kind::Tables(_) => plantab::tables_input_with(input, &overrides),
        };
        let doc = read.map_err(|e| (e.code(), e.message()))?;
        let internal = |e: plantab_output::OutputError| {
            (ErrorCode::InternalError, format!("cannot serialise: {e}"))
        };
        let mut files = Vec::new();
        let out = match kind {
            Kind::Extract(Format::Json) | Kind::Tables(TablesFormat::Json) => {
                plantab_output::to_json(&doc)
                    .map_err(internal)?
                    .into_bytes()
            }
            Kind::Extract(Format::Ndjson) => {
                let mut buf = Vec::new();
                plantab_output::write_ndjson(&doc, &mut buf).map_err(internal)?;
                buf
            }
            Kind::Extract(Format::Csv) => csv_rows(&doc).map_err(internal)?,
            Kind::Tables(TablesFormat::Md) => plantab_output::tables_markdown(&doc).into_bytes(),
            Kind::Tables(TablesFormat::Csv) => {
                let names = plantab_output::table_file_names(&work_stem, &doc);
                for (name, t) in names.into_iter().zip(&doc.tables) {
                    files.push((name, plantab_output::table_csv(t).map_err(internal)?));
                }
                Vec::new()
            }
        };
        let produced = Produced {
            records: doc.records.len(),
            warnings: doc.warnings.len(),
            tables: doc.tables.len(),
            out,
            files,
        };
        release_document(doc, single_input);
        Ok(produced)
    };
    // Caught here too (not only by `run_isolated`) to add where it
    // happened, which the panic hook noted on this thread.
    let work = move || match std::panic::catch_unwind(std::panic::AssertUnwindSafe(produce)) {
        Ok(r) => r,
        Err(payload) => {
            let mut message = plantab::panic_message(&*payload);
            if let Some(at) = PANIC_AT.with(|c| c.take()) {
                message.push_str(&format!(" (at {at})"));
            }
            Err((ErrorCode::InternalError, format!("panic: {message}")))
        }
    };
    let result = match ISOLATOR.with(|iso| iso.borrow_mut().run(ctx.timeout, work)) {
        Ok(r) => r,
        Err(e) => Err((e.code(), plantab::error_chain(&e))),
    };
    let mut outcome = Outcome {
        entry,
        chunk: None,
        output_error: false,
    };
    match result {
        Ok(p) => {
            outcome.entry.records = p.records;
            outcome.entry.warnings = p.warnings;
            outcome.entry.tables = p.tables;
            match (ctx.per_file, ctx.dir, &name) {
                (true, Some(dir), Some(_)) if ctx.kind == Kind::Tables(TablesFormat::Csv) => {
                    match write_table_files(dir, &stem, &p.files) {
                        Ok(()) => {
                            outcome.entry.output = Some(format!("{stem}-p*-t*.csv"));
                            outcome.entry.outputs = p.files.into_iter().map(|(n, _)| n).collect();
                        }
                        Err(e) => {
                            set_error(&mut outcome.entry, ErrorCode::Output, format!("{e:#}"));
                            outcome.output_error = true;
                        }
                    }
                }
                (true, Some(dir), Some(name)) => match write_atomic(&dir.join(name), &p.out) {
                    Ok(()) => outcome.entry.output = Some(name.clone()),
                    Err(e) => {
                        set_error(&mut outcome.entry, ErrorCode::Output, format!("{e:#}"));
                        outcome.output_error = true;
                    }
                },
                _ => {
                    outcome.entry.output = ctx.stream_name.map(str::to_string);
                    outcome.chunk = Some(p.out);
                }
            }
        }
        Err((code, message)) => {
            set_error(&mut outcome.entry, code, message);
            remove_stale(ctx, name.as_deref());
        }
    }
    outcome.entry.seconds = secs();
    outcome
}

/// `tables --format csv`: writes one input's table files atomically, and
/// removes the files an earlier run wrote for the same input that this run
/// did not (a table fewer).
fn write_table_files(dir: &Path, stem: &str, files: &[(String, Vec<u8>)]) -> Result<()> {
    for (name, bytes) in files {
        write_atomic(&dir.join(name), bytes)?;
    }
    for old in table_files_of(dir, stem) {
        if !files.iter().any(|(n, _)| *n == old) {
            let _ = std::fs::remove_file(dir.join(old));
        }
    }
    Ok(())
}

/// The per-table CSV files of `stem` in DIR: `<stem>-p<N>-t<N>.csv` or
/// `<stem>-t<N>.csv`.
fn table_files_of(dir: &Path, stem: &str) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    rd.flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let Some(rest) = n
                .strip_prefix(stem)
                .and_then(|r| r.strip_prefix('-'))
                .and_then(|r| r.strip_suffix(".csv"))
            else {
                return false;
            };
            let t = match rest.strip_prefix('p').and_then(|r| r.split_once("-t")) {
                Some((p, t)) if number(p) => t,
                _ => match rest.strip_prefix('t') {
                    Some(t) => t,
                    None => return false,
                },
            };
            number(t)
        })
        .collect()
}

fn set_error(entry: &mut Entry, code: ErrorCode, message: String) {
    entry.status = "error".into();
    entry.error_code = Some(code);
    entry.error_message = Some(message);
    entry.records = 0;
    entry.warnings = 0;
    entry.output = None;
}

/// A failed input leaves no output: an earlier run's output for it (its
/// `<stem>.json`) is removed, so DIR never holds a document that does not
/// match the input's current bytes.
fn remove_stale(ctx: &Ctx, name: Option<&str>) {
    if let (true, Some(dir), Some(name)) = (ctx.per_file, ctx.dir, name) {
        if ctx.kind == Kind::Tables(TablesFormat::Csv) {
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            for old in table_files_of(dir, stem) {
                let _ = std::fs::remove_file(dir.join(old));
            }
        } else {
            let _ = std::fs::remove_file(dir.join(name));
        }
    }
}

/// The document's CSV rows, without the header (the sink writes it once).
fn csv_rows(
    doc: &plantab_model::Document,
) -> std::result::Result<Vec<u8>, plantab_output::OutputError> {
    let header = csv_header()?;
    let mut w = plantab_output::CsvWriter::new(Vec::new());
    w.write_document(doc)?;
    let mut rows = w.finish()?;
    if rows.starts_with(&header) {
        rows.drain(..header.len());
    }
    Ok(rows)
}

fn csv_header() -> std::result::Result<Vec<u8>, plantab_output::OutputError> {
    plantab_output::CsvWriter::new(Vec::new()).finish()
}

/// The streamed output: stdout, or `records.ndjson` / `records.csv` in DIR
/// (written under a temporary name and renamed by [`Sink::finish`]).
struct Sink {
    out: Box<dyn Write>,
    /// JSON documents: wrapped in an array when there are several.
    json: bool,
    /// One input: JSON is the bare document, not an array.
    single: bool,
    written: usize,
    /// (temporary, final) paths of a file sink.
    file: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn open(kind: Kind, dir: Option<&Path>, single: bool) -> Result<Sink> {
        let (out, file): (Box<dyn Write>, _) = match (dir, kind.stream_name()) {
            (Some(dir), Some(name)) => {
                let path = dir.join(name);
                let tmp = temp_path(&path);
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("cannot write {}", tmp.display()))?;
                (Box::new(std::io::BufWriter::new(f)), Some((tmp, path)))
            }
            _ => (Box::new(std::io::BufWriter::new(std::io::stdout())), None),
        };
        let mut sink = Sink {
            out,
            json: kind.json_stream(),
            single,
            written: 0,
            file,
        };
        if kind == Kind::Extract(Format::Csv) {
            let header = csv_header()?;
            sink.write(&header)?;
        }
        Ok(sink)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let r = self.out.write_all(bytes);
        r.with_context(|| match &self.file {
            Some((tmp, _)) => format!("cannot write {}", tmp.display()),
            None => "cannot write to stdout".to_string(),
        })
    }

    /// One input's bytes, in input order.
    fn push(&mut self, chunk: &[u8]) -> Result<()> {
        if self.json && !self.single {
            // The same bytes as `serde_json::to_string_pretty` of the
            // array: elements indented by two spaces, `,\n` between.
            let mut buf = Vec::with_capacity(chunk.len() + chunk.len() / 16 + 8);
            buf.extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
            let body = chunk.strip_suffix(b"\n").unwrap_or(chunk);
            for (k, line) in body.split(|b| *b == b'\n').enumerate() {
                if k > 0 {
                    buf.push(b'\n');
                }
                buf.extend_from_slice(b"  ");
                buf.extend_from_slice(line);
            }
            self.write(&buf)?;
        } else {
            self.write(chunk)?;
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.json && !self.single {
            let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.write(end)?;
        }
        let flushed = self.out.flush();
        match self.file.take() {
            Some((tmp, path)) => {
                drop(self.out);
                if let Err(e) = flushed {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e).with_context(|| format!("cannot write {}", tmp.display()));
                }
                std::fs::rename(&tmp, &path).with_context(|| {
                    format!("cannot rename {} to {}", tmp.display(), path.display())
                })
            }
            None => flushed.context("cannot write to stdout"),
        }
    }
}

/// Writes the manifest atomically, streamed (no whole-text copy in memory).
fn write_manifest(dir: &Path, m: &Manifest<Finished>) -> Result<()> {
    let path = dir.join(MANIFEST_NAME);
    let tmp = temp_path(&path);
    let written = (|| -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        serde_json::to_writer_pretty(&mut w, m)?;
        w.write_all(b"\n")?;
        w.flush()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", tmp.display()));
    }
    std::fs::rename(&tmp, &path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot rename {} to {}", tmp.display(), path.display())
    })
}

static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

/// `DIR/.<name>.<pid>-<n>.tmp`: unique per process and write, hidden, and
/// never ending in an output extension, so a killed run's leftovers are
/// never taken for output.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let n = TEMP_SEQ.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Writes to a unique temporary name beside `path`, then renames, so a
/// killed run never leaves a truncated file under an output name.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_path(path);
    if let Err(e) = std::fs::write(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", tmp.display()));
    }
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot rename {} to {}", tmp.display(), path.display())
    })
}

/// Removes temporary files left in DIR by plantab runs that were killed
/// (their process no longer exists). Only where `/proc` tells (Linux);
/// elsewhere they stay, harmless (hidden, `.tmp`).
fn remove_dead_temp_files(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".tmp") else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        // `<pid>-<n>`, both numbers, or it is not ours.
        let Some((pid, seq)) = stem.rsplit('.').next().and_then(|t| t.split_once('-')) else {
            continue;
        };
        let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), seq.parse::<u64>()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Test hook, debug builds only (release builds do not compile it):
/// `PLANTAB_TEST_FAULT=panic:<substring>` or `hang:<substring>` (several
/// joined by `;`) makes the work on every input whose path contains
/// `<substring>` panic or hang, so the tests can prove panic isolation and
/// timeouts without a hostile file.
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
        if let Some(s) = part.strip_prefix("hang:") {
            if !s.is_empty() && path.contains(s) {
                loop {
                    std::thread::sleep(Duration::from_secs(3600));
                }
            }
        }
    }
}

/// Frees a serialised document, or, when it is the only input of the run,
/// leaves it to the process exit.
///
/// A large document is a million small allocations (every record's fields,
/// dates and provenance); freeing them one by one costs 5–15 % of a run on
/// a big text input, and the process exits right after its only input is
/// written, when the operating system takes the memory back at once. In a
/// batch every document is freed as usual, so memory stays flat.
fn release_document(doc: plantab_model::Document, single_input: bool) {
    if single_input {
        std::mem::forget(doc);
    } else {
        drop(doc);
    }
}
