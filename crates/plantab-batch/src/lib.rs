//! # plantab-batch
//!
//! The batch stage: many inputs in, one output folder (or stdout) and a run
//! manifest out, with the promise the nightly job relies on — one bad file
//! costs one file, never the run, and nothing is half-written.
//!
//! ```text
//! paths, --files-from, --glob ─▶ inputs ─▶ [Input]          (inputs, names)
//!   each input ─▶ Runner: read, hash, isolate, convert ─▶ Ran (runner, work)
//!   per-file outputs ─▶ OutputDir, atomically             (atomic)
//!   streamed outputs ─▶ Reorder ─▶ Stream, in input order  (sink)
//!   every input ─▶ Entry ─▶ Manifest (checkpoints, final)  (manifest)
//!   --incremental: Previous manifest ─▶ unchanged inputs skipped
//! ```
//!
//! | module | holds |
//! | --- | --- |
//! | [`inputs`] | folder walks (the `ignore` crate: symlink loops detected, no gitignore or hidden-file filtering), `--glob` (`globset`), `--files-from` |
//! | [`names`] | per-input output file names |
//! | [`kind`] | what a run makes: [`Command`] and [`Format`] |
//! | [`work`] | one input's conversion: the library pipeline, then the format's serialiser |
//! | [`runner`] | how each input's work is run: the [`Runner`] trait, [`InThread`] (an isolated thread per pool thread) |
//! | [`isolate`] | panics and time limits: [`Isolator`], [`install_panic_hook`] |
//! | [`atomic`] | the output folder, atomic writes, temporary files of killed runs |
//! | [`sink`] | the reorder buffer and the streamed outputs (JSON array, NDJSON, CSV, markdown) |
//! | [`manifest`] | the run manifest as typed data |
//! | [`incremental`] | what the previous run left that can be kept |
//! | [`run`] | the run itself: [`Batch`], [`run()`](run::run), [`Observer`], [`Report`] |
//!
//! Inputs are handed to a pool of `jobs` threads in input order. Each
//! input's conversion runs through a [`Runner`]; the one used today,
//! [`InThread`], reads the file on the pool thread and converts it on an
//! isolated thread of its own, so a panic becomes `internal_error` and a
//! file over the time limit `timeout` (the thread is abandoned). The
//! conversion hands back bytes only ([`work::Made`]), so a runner can as
//! well run it in another process. Per-file outputs are written from those
//! bytes by the pool thread, atomically; streamed outputs by the calling
//! thread, in input order, through a small reorder window — so the bytes
//! never depend on `jobs`, and only the documents in flight are in memory.
//!
//! The crate is the place for what a batch needs beyond the in-process
//! pipeline of the `plantab` facade: worker processes are another
//! [`Runner`] (the work is data, [`work::Work`], and its result bytes,
//! [`work::Made`]); an output-folder lock belongs to
//! [`atomic::OutputDir::open`]; a new output format is a [`Format`] with
//! its serialiser in [`work`] — files of each input's own, and any number
//! of streams beside them ([`Kind::streams`]: a run may write, say, a
//! records file and a statuses file, or per-table files and one long
//! table file), each a [`sink::Stream`] that may write its file only at
//! the end of the run (a workbook).

#![warn(missing_docs)]

pub mod atomic;
mod error;
pub mod incremental;
pub mod inputs;
pub mod isolate;
pub mod kind;
pub mod manifest;
pub mod names;
pub mod run;
pub mod runner;
pub mod sink;
pub mod work;
pub mod worker;

pub use error::{BatchError, BatchWarning, FileError, WriteError};
pub use inputs::{Input, InputError, Select};
pub use isolate::{install_panic_hook, run_isolated, Isolated, Isolator, ISOLATED_THREAD_NAME};
pub use kind::{Command, Format, Kind};
pub use manifest::{Entry, Finder, Manifest, Status, TableFileEntry, Totals, MANIFEST_NAME};
pub use run::{run, run_with, Batch, Observer, Report};
pub use runner::{InThread, Runner};
pub use worker::{
    serve, WorkerError, WorkerSettings, Workers, DEFAULT_MAX_MEMORY_MB, WORKER_SUBCOMMAND,
};
