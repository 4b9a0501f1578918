//! `plantab extract`: the batch run.
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
use crate::{ExtractArgs, Format};
use anyhow::{bail, Context, Result};
use plantab_model::SourceFormat;
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

/// What the per-file work hands back: records, warnings and the
/// serialised output.
type Produced = (usize, usize, Vec<u8>);

/// Settings shared by the pool threads.
struct Ctx<'a> {
    format: Format,
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
}

/// One input's result, sent to the main thread.
struct Outcome {
    entry: Entry,
    /// Bytes for the streamed output.
    chunk: Option<Vec<u8>>,
    /// An output file could not be written (exit code 2).
    output_error: bool,
}

/// Runs `plantab extract`; returns the exit code.
pub fn extract(args: &ExtractArgs) -> Result<u8> {
    let started_wall = SystemTime::now();
    let started = Instant::now();
    if args.incremental && (args.output.is_none() || args.format != Format::Json) {
        bail!("--incremental needs -o DIR and --format json (per-file outputs to keep)");
    }
    let globs = args
        .globs
        .iter()
        .map(|g| crate::glob::Glob::new(g).map_err(anyhow::Error::msg))
        .collect::<Result<Vec<_>>>()?;
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        let listed = inputs::read_files_from(list)
            .with_context(|| format!("cannot read --files-from {}", list.display()))?;
        paths.extend(listed);
    }
    if paths.is_empty() && args.files_from.is_none() {
        bail!("no input paths given");
    }
    let dir = args.output.as_deref();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output folder {}", dir.display()))?;
        remove_dead_temp_files(dir);
    }
    let inputs = inputs::collect(&paths, &globs);
    let per_file = dir.is_some() && args.format == Format::Json;
    let previous = if args.incremental {
        match dir.map(manifest::previous) {
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
        format: args.format,
        dir,
        per_file,
        names: inputs::output_names(&inputs),
        previous,
        timeout: (args.timeout_secs > 0).then(|| Duration::from_secs(args.timeout_secs)),
        stream_name: match (dir, args.format) {
            (Some(_), Format::Ndjson) => Some("records.ndjson"),
            (Some(_), Format::Csv) => Some("records.csv"),
            _ => None,
        },
        abort: AtomicBool::new(false),
        emitted: AtomicUsize::new(0),
        window: (!per_file).then_some(WINDOW_PER_JOB * jobs),
    };
    let mut sink = if per_file {
        None
    } else {
        Some(Sink::open(args.format, dir, inputs.len() == 1)?)
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
                        &manifest_view(&entries, started_wall, started, args.format, total, None),
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
        args.format,
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
        eprintln!(
            "plantab: {} file(s) ok, {} failed, {} skipped (unchanged), {} records, {} warnings, {:.1} s",
            t.ok, t.failed, t.skipped, t.records, t.warnings, t.seconds
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
    format: Format,
    total: usize,
    finished: Option<SystemTime>,
) -> Manifest<Finished<'_>> {
    Manifest {
        manifest_version: manifest::MANIFEST_VERSION,
        plantab_version: env!("CARGO_PKG_VERSION").to_string(),
        started: manifest::rfc3339(started_wall),
        finished: finished.map(manifest::rfc3339),
        complete: finished.is_some(),
        format: format.name().to_string(),
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
        e.error_code.as_deref().unwrap_or("error"),
        e.error_message.as_deref().unwrap_or("")
    )
}

/// A message without its leading `code: ` (error displays start with it).
fn strip_code(code: &str, display: String) -> String {
    match display
        .strip_prefix(code)
        .and_then(|r| r.strip_prefix(": "))
    {
        Some(rest) => rest.to_string(),
        None => display,
    }
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
            return fail(Entry::error(path_str, code, message.clone(), 0.0));
        }
    };
    let name = ctx.names.get(i).cloned().flatten();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            remove_stale(ctx, name.as_deref());
            return fail(Entry::error(
                path_str,
                "io",
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
                entry.output = Some(name.clone());
                entry.seconds = secs();
                return fail(entry);
            }
        }
    }

    let format = ctx.format;
    let work_path = entry.path.clone();
    let produce = move || -> std::result::Result<Produced, (String, String)> {
        #[cfg(debug_assertions)]
        test_fault(&work_path);
        let doc = plantab::extract_bytes(&work_path, &bytes)
            .map_err(|e| (e.code().to_string(), strip_code(e.code(), e.to_string())))?;
        let internal = |e: plantab_output::OutputError| {
            (
                "internal_error".to_string(),
                format!("cannot serialise: {e}"),
            )
        };
        let out = match format {
            Format::Json => plantab_output::to_json(&doc)
                .map_err(internal)?
                .into_bytes(),
            Format::Ndjson => {
                let mut buf = Vec::new();
                plantab_output::write_ndjson(&doc, &mut buf).map_err(internal)?;
                buf
            }
            Format::Csv => csv_rows(&doc).map_err(internal)?,
        };
        Ok((doc.records.len(), doc.warnings.len(), out))
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
            Err(("internal_error".to_string(), format!("panic: {message}")))
        }
    };
    let result = match ISOLATOR.with(|iso| iso.borrow_mut().run(ctx.timeout, work)) {
        Ok(r) => r,
        Err(e) => Err((e.code().to_string(), strip_code(e.code(), e.to_string()))),
    };
    let mut outcome = Outcome {
        entry,
        chunk: None,
        output_error: false,
    };
    match result {
        Ok((records, warnings, out)) => {
            outcome.entry.records = records;
            outcome.entry.warnings = warnings;
            match (ctx.per_file, ctx.dir, &name) {
                (true, Some(dir), Some(name)) => match write_atomic(&dir.join(name), &out) {
                    Ok(()) => outcome.entry.output = Some(name.clone()),
                    Err(e) => {
                        set_error(&mut outcome.entry, "output", format!("{e:#}"));
                        outcome.output_error = true;
                    }
                },
                _ => {
                    outcome.entry.output = ctx.stream_name.map(str::to_string);
                    outcome.chunk = Some(out);
                }
            }
        }
        Err((code, message)) => {
            set_error(&mut outcome.entry, &code, message);
            remove_stale(ctx, name.as_deref());
        }
    }
    outcome.entry.seconds = secs();
    outcome
}

fn set_error(entry: &mut Entry, code: &str, message: String) {
    entry.status = "error".into();
    entry.error_code = Some(code.to_string());
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
        let _ = std::fs::remove_file(dir.join(name));
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
    format: Format,
    /// One input: JSON is the bare document, not an array.
    single: bool,
    written: usize,
    /// (temporary, final) paths of a file sink.
    file: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn open(format: Format, dir: Option<&Path>, single: bool) -> Result<Sink> {
        let (out, file): (Box<dyn Write>, _) = match dir {
            Some(dir) => {
                let name = match format {
                    Format::Csv => "records.csv",
                    _ => "records.ndjson",
                };
                let path = dir.join(name);
                let tmp = temp_path(&path);
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("cannot write {}", tmp.display()))?;
                (Box::new(std::io::BufWriter::new(f)), Some((tmp, path)))
            }
            None => (Box::new(std::io::BufWriter::new(std::io::stdout())), None),
        };
        let mut sink = Sink {
            out,
            format,
            single,
            written: 0,
            file,
        };
        if format == Format::Csv {
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
        if self.format == Format::Json && !self.single {
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
        if self.format == Format::Json && !self.single {
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
