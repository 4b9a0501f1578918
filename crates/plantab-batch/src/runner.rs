//! How each input's work is run. A [`Runner`] reads the input, tells what
//! it read ([`Facts`]), and runs the conversion ([`Work::convert`]) under
//! the run's time limit, so that a panic or a hang costs that input only.
//! The run calls it from its pool threads, one input at a time per thread.
//!
//! [`InThread`] is the runner of an in-process batch: the file is read on
//! the pool thread, the conversion runs on an isolated thread of that pool
//! thread's own (an [`Isolator`], reused file after file). A timed-out
//! conversion is abandoned — its thread may go on using a core until it
//! ends — but it can write nothing, since outputs are written by the run
//! from the bytes the runner returns. A runner that converts in worker
//! processes (and so can kill a timed-out conversion and cap its memory)
//! implements the same trait.

use crate::error::FileError;
use crate::isolate::Isolator;
use crate::work::{Made, Work};
use plantab_model::SourceFormat;
use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

/// One input handed to a [`Runner`].
#[derive(Debug, Clone, Copy)]
pub struct Task<'a> {
    /// The file to read.
    pub file: &'a Path,
    /// The path as recorded (`source.path`, the manifest's `path`).
    pub path: &'a str,
    /// The SHA-256 of the bytes the previous run converted, when its
    /// output is still there (`--incremental`): bytes with this hash are
    /// not converted again ([`Converted::Unchanged`]).
    pub unchanged_if: Option<&'a str>,
    /// Give up on the conversion after this long.
    pub timeout: Option<Duration>,
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// The reader the bytes call for.
    pub format: SourceFormat,
}

/// What became of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Converted {
    /// Converted: the bytes to write.
    Made(Made),
    /// The same bytes as the previous run's (`Task::unchanged_if`): not
    /// converted.
    Unchanged,
}

/// A runner's answer for one input.
#[derive(Debug)]
pub struct Ran {
    /// What was read; `None` when the file could not be read.
    pub facts: Option<Facts>,
    /// The conversion's outcome.
    pub result: Result<Converted, FileError>,
}

/// Runs the work of one input at a time (per calling thread).
pub trait Runner: Sync {
    /// Reads `task`'s file and converts it with `work`, within the task's
    /// time limit.
    fn run(&self, work: &Work, task: &Task<'_>) -> Ran;
}

/// Reads on the calling thread and converts on an isolated thread of its
/// own (see the [module docs](self)).
#[derive(Debug, Clone, Copy, Default)]
pub struct InThread;

thread_local! {
    /// Each pool thread's isolated thread, reused file after file.
    static ISOLATOR: RefCell<Isolator> = RefCell::new(Isolator::new());
}

impl Runner for InThread {
    fn run(&self, work: &Work, task: &Task<'_>) -> Ran {
        let bytes = match std::fs::read(task.file) {
            Ok(b) => b,
            Err(e) => {
                return Ran {
                    facts: None,
                    result: Err(FileError::Read(e)),
                }
            }
        };
        let facts = Facts {
            sha256: plantab::sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            format: plantab::sniff_format(&bytes),
        };
        if task.unchanged_if == Some(facts.sha256.as_str()) {
            return Ran {
                facts: Some(facts),
                result: Ok(Converted::Unchanged),
            };
        }
        let work = work.clone();
        let path = task.path.to_string();
        let sha256 = facts.sha256.clone();
        let convert = move || {
            let input = plantab::Input {
                sha256: Some(&sha256),
                ..plantab::Input::new(&path, &bytes)
            };
            work.convert(input)
        };
        let result = match ISOLATOR.with(|iso| iso.borrow_mut().run(task.timeout, convert)) {
            Ok(r) => r.map(Converted::Made),
            Err(e) => Err(FileError::Isolated(e)),
        };
        Ran {
            facts: Some(facts),
            result,
        }
    }
}
