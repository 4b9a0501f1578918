//! The run: a [`Batch`] (inputs, output, settings) in, every input's
//! [`Entry`] and the outputs out, events for a progress display through an
//! [`Observer`], and a [`Report`] for the summary and the exit code.
//!
//! Inputs are handed to a rayon pool of `jobs` threads in input order
//! (`par_bridge` pulls them one at a time). Each pool thread runs an
//! input's work through the [`Runner`] and writes its per-file outputs
//! atomically from the returned bytes only, so an abandoned conversion
//! never writes. Streamed outputs are written by the calling thread in
//! input order through a [`Reorder`] buffer; an input is not started while
//! it is more than [`WINDOW_PER_JOB`] × `jobs` inputs ahead of the stream,
//! so one slow file (up to its timeout) holds the run back rather than
//! piling every later result up in memory. With an output folder, a
//! checkpoint manifest is written every [`CHECKPOINT_EVERY`].

use crate::atomic::OutputDir;
use crate::error::{BatchError, BatchWarning, FileError};
use crate::incremental::Previous;
use crate::inputs::{self, Input, Select};
use crate::isolate::ISOLATED_THREAD_NAME;
use crate::kind::Kind;
use crate::manifest::{self, round3, Entry, Finder, Finished, Manifest, TableFileEntry, Totals};
use crate::names::{output_names, stem_of};
use crate::runner::{Converted, InThread, Runner, Task};
use crate::sink::{self, Reorder, Stream};
use crate::work::{Files, Work};
use plantab_model::ErrorCode;
use plantab_output::TableFile;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

/// A checkpoint manifest is written this often during a run with an output
/// folder, so `--incremental` after a killed run skips what was already
/// written.
pub const CHECKPOINT_EVERY: Duration = Duration::from_secs(2);

/// Streamed output: how many inputs per job may finish ahead of the one
/// the stream waits for.
pub const WINDOW_PER_JOB: usize = 32;

/// The message of an input skipped as failed by `--incremental` (it ended
/// its worker last time and is unchanged) starts so.
const LOST_BEFORE: &str =
    "unchanged since a run in which it ended its worker process; not read again";

/// One batch run: the inputs, where output goes, and what to make.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Files and folders named (in order).
    pub paths: Vec<PathBuf>,
    /// A list of further paths, one per line (`-`: standard input).
    pub files_from: Option<PathBuf>,
    /// `--glob` patterns choosing the files taken from folders.
    pub globs: Vec<String>,
    /// The output folder; `None`: stdout.
    pub output: Option<PathBuf>,
    /// Inputs converted at once; `None`: one per core.
    pub jobs: Option<usize>,
    /// Give up on an input after this long; `None`: no limit.
    pub timeout: Option<Duration>,
    /// Keep the outputs of unchanged inputs (see [`crate::incremental`]).
    pub incremental: bool,
    /// What to make.
    pub kind: Kind,
    /// The table finder's overrides for every input.
    pub overrides: plantab::Overrides,
    /// Follow symbolic links found in folders even where they lead outside
    /// the folders named (see [`inputs::collect_with`]).
    pub follow_links: bool,
    /// The password for password-protected PDFs (`--password`).
    pub password: Option<String>,
    /// The month (1–12) financial years start in for every input
    /// (`--fiscal-year-start`); `None`: decided per document.
    pub fiscal_year_start: Option<u32>,
}

/// `--jobs` is clamped to this many per core (with a warning): more only
/// costs memory and, with worker processes, processes.
pub const MAX_JOBS_PER_CORE: usize = 4;

/// What a run tells as it goes (a progress display). Every method has an
/// empty default.
pub trait Observer {
    /// The inputs are collected: the run has this many.
    fn started(&mut self, inputs: usize) {
        let _ = inputs;
    }
    /// An input finished, in the order inputs finish.
    fn finished(&mut self, entry: &Entry) {
        let _ = entry;
    }
    /// A failed input, in input order (once every input before it was
    /// reported), for its error line.
    fn failed(&mut self, entry: &Entry) {
        let _ = entry;
    }
    /// An output (stdout, the streamed file, the manifest) could not be
    /// written; the run goes on where it can.
    fn output_error(&mut self, error: &BatchError) {
        let _ = error;
    }
    /// Something the run tells about without failing.
    fn warning(&mut self, warning: &BatchWarning) {
        let _ = warning;
    }
    /// Called about five times a second while inputs are being read.
    fn tick(&mut self) {}
    /// Every input is done; the streamed output and the manifest are
    /// written next.
    fn inputs_done(&mut self) {}
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The totals of the final manifest.
    pub totals: Totals,
    /// Some output could not be written.
    pub output_error: bool,
    /// Some inputs were not finished (the run stopped after an output
    /// error, or when stdout was closed).
    pub unfinished: bool,
    /// Standard output was closed by its reader (`| head`): the run
    /// stopped taking inputs, quietly (not an output error).
    pub stdout_closed: bool,
}

/// One input's result, sent to the calling thread.
struct Outcome {
    entry: Entry,
    /// Its part of each stream (none when it failed).
    chunks: Vec<Vec<u8>>,
    /// An output file could not be written.
    output_error: bool,
}

/// Settings shared by the pool threads.
struct Ctx<'a> {
    work: Work,
    runner: &'a dyn Runner,
    dir: Option<&'a OutputDir>,
    /// Each input's output name (`None` for a failed path).
    names: Vec<Option<String>>,
    /// `--incremental`: what the previous run left.
    previous: Option<Previous>,
    timeout: Option<Duration>,
    /// The first streamed output file in the folder, for the manifest.
    stream_name: Option<&'static str>,
    /// Set when output can no longer be written: the pool stops taking
    /// new inputs.
    abort: AtomicBool,
    /// Inputs emitted to the stream so far (all before this index).
    emitted: AtomicUsize,
    /// Streamed output: the window (see the module docs).
    window: Option<usize>,
}

/// Runs a batch with the [`InThread`] runner; see [`run_with`].
pub fn run(batch: &Batch, observer: &mut dyn Observer) -> Result<Report, BatchError> {
    run_with(batch, &InThread, observer)
}

/// Runs a batch: collects the inputs, converts each through `runner`,
/// writes the outputs and the manifest. An error is a run that could not
/// start (a usage error, an output folder that cannot be made); an input
/// that fails is its entry's error, and an output that cannot be written is
/// told to `observer` and in the [`Report`].
pub fn run_with(
    batch: &Batch,
    runner: &dyn Runner,
    observer: &mut dyn Observer,
) -> Result<Report, BatchError> {
    let started_wall = SystemTime::now();
    let started = Instant::now();
    let kind = batch.kind;
    if batch.incremental && (batch.output.is_none() || !kind.incremental_ok()) {
        return Err(BatchError::IncrementalNeedsPerFile(kind.command()));
    }
    if kind.needs_output_dir() && batch.output.is_none() {
        return Err(BatchError::NeedsOutputDir(kind.format()));
    }
    let select = Select::globs(&batch.globs)?;
    let finder = Finder::of(&batch.overrides);
    let mut paths = batch.paths.clone();
    if let Some(list) = &batch.files_from {
        let listed = inputs::read_files_from(list).map_err(|source| BatchError::FilesFrom {
            path: list.clone(),
            source,
        })?;
        paths.extend(listed);
    }
    if paths.is_empty() && batch.files_from.is_none() {
        return Err(BatchError::NoPaths);
    }
    let stdin_uses = paths
        .iter()
        .filter(|p| p.as_os_str() == inputs::STDIN)
        .count()
        + usize::from(
            batch
                .files_from
                .as_deref()
                .is_some_and(|f| f.as_os_str() == inputs::STDIN),
        );
    if stdin_uses > 1 {
        return Err(BatchError::StdinTwice);
    }
    if batch.incremental && paths.iter().any(|p| p.as_os_str() == inputs::STDIN) {
        return Err(BatchError::IncrementalStdin);
    }
    let dir = batch.output.as_deref().map(OutputDir::open).transpose()?;
    // Before any input is read: a folder that cannot take a file fails the
    // run now, not after every input was converted.
    if let Some(d) = &dir {
        d.check_writable()?;
    }
    let collected = inputs::collect_with(&paths, &select, batch.follow_links);
    for w in collected.warnings {
        observer.warning(&w);
    }
    let inputs = collected.inputs;
    let streams = kind.streams(dir.is_some());
    let previous = match (&dir, batch.incremental) {
        (Some(d), true) => Some(
            Previous::load(d, kind, &finder, batch.fiscal_year_start).unwrap_or_else(|e| {
                observer.warning(&BatchWarning::PreviousManifest(e));
                Previous::none()
            }),
        ),
        _ => None,
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = (cores * MAX_JOBS_PER_CORE).max(MAX_JOBS_PER_CORE);
    let jobs = batch.jobs.unwrap_or(cores).max(1);
    let jobs = if jobs > most {
        observer.warning(&BatchWarning::JobsClamped {
            asked: jobs,
            used: most,
        });
        most
    } else {
        jobs
    };
    let parallel_pages = jobs > 1 && inputs.len() < jobs;
    let ctx = Ctx {
        work: Work {
            kind,
            to_dir: dir.is_some(),
            single_input: inputs.len() == 1,
            parallel_pages,
            overrides: std::sync::Arc::new(batch.overrides.clone()),
            password: batch.password.as_deref().map(std::sync::Arc::from),
            fiscal_year_start: batch.fiscal_year_start,
        },
        runner,
        dir: dir.as_ref(),
        names: output_names(&inputs)
            .into_iter()
            .map(|n| n.map(|n| kind.output_name(n)))
            .collect(),
        previous,
        timeout: batch.timeout,
        stream_name: streams.first().and_then(|s| s.file),
        abort: AtomicBool::new(false),
        emitted: AtomicUsize::new(0),
        window: (!streams.is_empty()).then_some(WINDOW_PER_JOB * jobs),
    };
    if parallel_pages {
        // Pages of a file are read on rayon's global pool: sized by
        // `jobs`, and its threads named as the isolated threads are, so a
        // panic in a page is reported as that file's error like any other.
        // It can be built once per process; a second batch in the same
        // process keeps the first pool.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|_| ISOLATED_THREAD_NAME.to_string())
            .build_global();
    }
    // The run's own files in the folder, for the manifest's `outputs`.
    let stream_files: Vec<&'static str> = streams.iter().filter_map(|s| s.file).collect();
    let mut opened: Vec<Box<dyn Stream>> = Vec::with_capacity(streams.len());
    for spec in &streams {
        opened.push(sink::open(
            *spec,
            dir.as_ref().map(OutputDir::path),
            inputs.len() == 1,
        )?);
    }
    // `None` once a stream could not be written: the run stops taking
    // inputs.
    let mut streams = Some(opened);

    let total = inputs.len();
    let clock = Clock {
        started_wall,
        started,
        kind,
        total,
        finder,
        fiscal_year_start: batch.fiscal_year_start,
    };
    let mut entries: Vec<Option<Entry>> = vec![None; total];
    if let Some(dir) = &dir {
        // Room for the final manifest even on a full disk (given back
        // when the manifest cannot be written otherwise), and a first
        // checkpoint at once: the folder says a run is under way. Not over
        // the manifest an `--incremental` run keeps from (killed at once,
        // the next run would have nothing to keep).
        let estimate: u64 = inputs
            .iter()
            .map(|i| 2 * i.path().as_os_str().len() as u64 + 800)
            .sum();
        dir.reserve(estimate + 16 * 1024);
        if !batch.incremental || !dir.has_file(manifest::MANIFEST_NAME) {
            let _ = dir.write_manifest(&clock.view(&entries, None, Vec::new()));
        }
    }
    observer.started(total);
    let mut order: Reorder<(Vec<Vec<u8>>, bool)> = Reorder::new();
    let mut output_error = false;
    let mut stdout_closed = false;
    // The first error of a streamed output file (records.ndjson, ...).
    let mut stream_failed: Option<String> = None;
    let mut last_checkpoint = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("plantab-worker-{i}"))
        .build()
        .map_err(BatchError::Threads)?;
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
                    output_error |= outcome.output_error;
                    observer.finished(&outcome.entry);
                    let failed = !outcome.entry.is_ok();
                    if let Some(slot) = entries.get_mut(i) {
                        *slot = Some(outcome.entry);
                    }
                    order.insert(i, (outcome.chunks, failed));
                    // Emit whatever is now in input order.
                    while let Some((chunks, failed)) = order.pop() {
                        let at = order.handed_out();
                        ctx.emitted.store(at, Ordering::Release);
                        if failed {
                            if let Some(Some(e)) = entries.get(at - 1) {
                                observer.failed(e);
                            }
                        }
                        let Some(open) = streams.as_mut() else {
                            continue;
                        };
                        let pushed = open
                            .iter_mut()
                            .zip(&chunks)
                            .try_for_each(|(st, chunk)| st.push(chunk));
                        if let Err(e) = pushed {
                            if e.is_closed_stdout() {
                                stdout_closed = true;
                            } else {
                                stream_failed.get_or_insert_with(|| plantab::error_chain(&e));
                                observer.output_error(&BatchError::Write(e));
                                output_error = true;
                            }
                            ctx.abort.store(true, Ordering::Relaxed);
                            streams = None;
                            remove_stale_streams(&dir, &kind, observer);
                        }
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            observer.tick();
            if let Some(dir) = &dir {
                if last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
                    last_checkpoint = Instant::now();
                    // A failed checkpoint is retried next time; the final
                    // manifest's failure is the one that counts.
                    let _ = dir.write_manifest(&clock.view(&entries, None, Vec::new()));
                }
            }
        }
    });
    observer.inputs_done();

    let mut written = Vec::new();
    let mut finished_ok = true;
    for (i, st) in streams.into_iter().flatten().enumerate() {
        match st.finish() {
            Ok(()) => written.extend(stream_files.get(i).map(|f| f.to_string())),
            Err(e) if e.is_closed_stdout() => stdout_closed = true,
            Err(e) => {
                stream_failed.get_or_insert_with(|| plantab::error_chain(&e));
                observer.output_error(&BatchError::Write(e));
                output_error = true;
                finished_ok = false;
            }
        }
    }
    if !finished_ok {
        remove_stale_streams(&dir, &kind, observer);
        // Every run file is gone: the manifest lists none.
        written.clear();
    }
    if let (Some(why), true) = (&stream_failed, dir.is_some()) {
        // The streamed file is not there: the manifest says so of every
        // input, read or not, rather than list records nobody can find.
        for (slot, input) in entries.iter_mut().zip(&inputs) {
            match slot {
                Some(e) if e.is_ok() => e.fail(
                    ErrorCode::Output,
                    format!("read, but its records were not written: {why}"),
                ),
                Some(_) => {}
                None => {
                    let mut e = Entry::of_path(input.path());
                    e.fail(
                        ErrorCode::Output,
                        format!("not read: the run stopped when its output failed: {why}"),
                    );
                    *slot = Some(e);
                }
            }
        }
    }
    let done = clock.view(&entries, Some(SystemTime::now()), written);
    if let Some(dir) = &dir {
        if let Err(e) = dir.write_manifest(&done) {
            observer.output_error(&BatchError::Write(e));
            output_error = true;
        }
        dir.release();
    }
    let totals = done.totals;
    Ok(Report {
        unfinished: totals.ok + totals.failed < total,
        totals,
        output_error,
        stdout_closed,
    })
}

/// What a manifest of the run says besides its entries.
struct Clock {
    started_wall: SystemTime,
    started: Instant,
    kind: Kind,
    total: usize,
    finder: Finder,
    fiscal_year_start: Option<u32>,
}

impl Clock {
    /// The manifest of the run so far (`finished`: `None` for a
    /// checkpoint), with the run's files written (`outputs`).
    fn view<'a>(
        &self,
        entries: &'a [Option<Entry>],
        finished: Option<SystemTime>,
        outputs: Vec<String>,
    ) -> Manifest<Finished<'a>> {
        Manifest {
            manifest_version: manifest::MANIFEST_VERSION,
            plantab_version: env!("CARGO_PKG_VERSION").to_string(),
            started: manifest::rfc3339(self.started_wall),
            finished: finished.map(manifest::rfc3339),
            complete: finished.is_some(),
            command: self.kind.command(),
            format: self.kind.format(),
            finder: self.finder.clone(),
            fiscal_year_start: self.fiscal_year_start,
            outputs,
            totals: Totals::over(
                self.total,
                entries.iter().flatten(),
                self.started.elapsed().as_secs_f64(),
            ),
            inputs: Finished(entries),
        }
    }
}

/// Runs, (maybe) skips, and (per-file mode) writes one input.
fn process_one(ctx: &Ctx, i: usize, input: &Input) -> Outcome {
    let start = Instant::now();
    let blank = Entry::of_path(input.path());
    let key = blank.key();
    let path = blank.path.clone();
    let secs = || round3(start.elapsed().as_secs_f64());
    let file = match input {
        Input::File(f) => f,
        Input::Failed { error, .. } => {
            let mut entry = blank;
            entry.fail(error.code(), plantab::error_chain(error));
            return Outcome {
                entry,
                chunks: Vec::new(),
                output_error: false,
            };
        }
    };
    let name = ctx.names.get(i).cloned().flatten();
    let kept = match (&ctx.previous, ctx.dir, &name) {
        (Some(prev), Some(dir), Some(name)) => prev.kept(&key, name, dir),
        _ => None,
    };
    let lost = match (&ctx.previous, kept) {
        (Some(prev), None) => prev.lost(&key),
        _ => None,
    };
    let task = Task {
        file,
        path: &path,
        unchanged_if: kept.or(lost).and_then(|e| e.sha256.as_deref()),
        timeout: ctx.timeout,
    };
    let ran = ctx.runner.run(&ctx.work, &task);
    let mut outcome = Outcome {
        entry: blank,
        chunks: Vec::new(),
        output_error: false,
    };
    let entry = &mut outcome.entry;
    entry.name_shortened = ctx.work.per_file() && crate::names::stem_shortened(file);
    if let Some(f) = ran.facts {
        entry.sha256 = Some(f.sha256);
        entry.bytes = Some(f.bytes);
        entry.format = Some(f.format);
    }
    match ran.result {
        Ok(Converted::Unchanged) if lost.is_some() => {
            if let Some(prev) = lost {
                let before = prev.error_message.as_deref().unwrap_or("");
                let message = if before.starts_with(LOST_BEFORE) {
                    before.to_string()
                } else {
                    format!("{LOST_BEFORE}: {before}")
                };
                entry.fail(prev.error_code.unwrap_or(ErrorCode::InternalError), message);
                entry.skipped = true;
                entry.lost_worker = true;
            }
            remove_stale(ctx, name.as_deref());
        }
        Ok(Converted::Unchanged) => {
            if let Some(prev) = kept {
                entry.skipped = true;
                entry.records = prev.records;
                entry.warnings = prev.warnings;
                entry.tables = prev.tables;
                entry.output = name;
            }
        }
        Ok(Converted::Made(made)) => {
            entry.records = made.records;
            entry.warnings = made.warnings;
            entry.tables = made.tables;
            let written = match (made.files, ctx.dir, &name) {
                (Files::One(bytes), Some(dir), Some(name)) => dir
                    .write(name, &bytes)
                    .map(|()| entry.output = Some(name.clone())),
                (Files::Tables(tables), Some(dir), Some(name)) => {
                    let stem = stem_of(name);
                    let listed: Vec<TableFileEntry> = tables
                        .iter()
                        .map(|t| TableFileEntry {
                            file: t.file.name(stem),
                            header_rows: t.header_rows,
                            rows: t.rows,
                        })
                        .collect();
                    let files: Vec<(String, Vec<u8>)> = listed
                        .iter()
                        .zip(tables)
                        .map(|(l, t)| (l.file.clone(), t.bytes))
                        .collect();
                    dir.write_table_files(stem, &files).map(|()| {
                        entry.output = Some(TableFile::pattern(stem));
                        entry.outputs = files.into_iter().map(|(n, _)| n).collect();
                        entry.table_files = listed;
                    })
                }
                _ => {
                    entry.output = ctx.stream_name.map(str::to_string);
                    Ok(())
                }
            };
            match written {
                Ok(()) => outcome.chunks = made.chunks,
                Err(e) => {
                    entry.set_error(&FileError::Write(e));
                    let removed = remove_stale(ctx, name.as_deref());
                    if !removed.is_empty() {
                        if let Some(m) = &mut entry.error_message {
                            m.push_str(&format!(
                                "; the previous run's output ({}) was removed: this run could not replace it, and it may not match the input",
                                removed.join(", ")
                            ));
                        }
                    }
                    outcome.output_error = true;
                }
            }
        }
        Err(e) => {
            entry.set_error(&e);
            remove_stale(ctx, name.as_deref());
        }
    }
    outcome.entry.seconds = secs();
    outcome
}

/// A failed input leaves no output: an earlier run's output for it is
/// removed, so the folder never holds a document that does not match the
/// input's current bytes.
fn remove_stale(ctx: &Ctx, name: Option<&str>) -> Vec<String> {
    let mut removed = Vec::new();
    if let (true, Some(dir), Some(name)) = (ctx.work.per_file(), ctx.dir, name) {
        let names = if ctx.work.kind.table_files() {
            dir.table_files_of(stem_of(name))
        } else {
            vec![name.to_string()]
        };
        for old in names {
            if dir.has_file(&old) {
                dir.remove(&old);
                removed.push(old);
            }
        }
    }
    removed
}

/// A streamed file of the run could not be written: the previous run's
/// file of that name no longer matches the inputs, so it is removed (and
/// told).
fn remove_stale_streams(dir: &Option<OutputDir>, kind: &Kind, observer: &mut dyn Observer) {
    let Some(dir) = dir else {
        return;
    };
    for spec in kind.streams(true) {
        if let Some(name) = spec.file.filter(|n| !n.is_empty()) {
            if dir.has_file(name) {
                dir.remove(name);
                observer.warning(&BatchWarning::StaleRemoved(dir.path().join(name)));
            }
        }
    }
}
