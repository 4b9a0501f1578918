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
        let (bytes, facts) = match read_input(task.file) {
            Ok(r) => r,
            Err(e) => {
                return Ran {
                    facts: None,
                    result: Err(e),
                }
            }
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

/// Reads an input file, as every runner does: only a regular file is read
/// ([`FileError::NotAFile`] otherwise: a FIFO, a device, a socket, a
/// folder), opened without blocking so that a FIFO swapped in after the
/// check cannot hang the read either; and a file whose size or
/// modification time changed while it was read (it was being written) is
/// [`FileError::ChangedWhileRead`], since the bytes may be torn.
pub fn read_input(file: &Path) -> Result<(Vec<u8>, Facts), FileError> {
    use std::io::Read;
    if file == Path::new(crate::inputs::STDIN) {
        // Standard input: read in this process (the CLI reads `-` in
        // process, never in a worker, whose stdin is its request pipe).
        let bytes = crate::inputs::read_input(file).map_err(FileError::Read)?;
        let facts = Facts {
            sha256: plantab::sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            format: plantab::sniff_format(&bytes),
        };
        return Ok((bytes, facts));
    }
    let meta = std::fs::metadata(file).map_err(FileError::Read)?;
    if !meta.is_file() {
        return Err(FileError::NotAFile(file_kind(&meta.file_type())));
    }
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    let mut f = open.open(file).map_err(FileError::Read)?;
    let before = f.metadata().map_err(FileError::Read)?;
    if !before.is_file() {
        return Err(FileError::NotAFile(file_kind(&before.file_type())));
    }
    // The size is a hint only (it may change): capped, so a huge sparse
    // file does not reserve its size before a byte is read.
    let hint = usize::try_from(before.len())
        .unwrap_or(usize::MAX)
        .min(1 << 28);
    let mut bytes = Vec::with_capacity(hint);
    f.read_to_end(&mut bytes).map_err(FileError::Read)?;
    #[cfg(debug_assertions)]
    test_fault_after_read(file);
    let after = f.metadata().map_err(FileError::Read)?;
    let read = bytes.len() as u64;
    let changed = if after.len() != before.len() || read != before.len() {
        Some(format!(
            "{} bytes when opened, {read} read, {} after",
            before.len(),
            after.len()
        ))
    } else if after.modified().ok() != before.modified().ok() {
        Some("modified during the read".to_string())
    } else {
        None
    };
    if let Some(what) = changed {
        return Err(FileError::ChangedWhileRead(what));
    }
    let facts = Facts {
        sha256: plantab::sha256_hex(&bytes),
        bytes: read,
        format: plantab::sniff_format(&bytes),
    };
    Ok((bytes, facts))
}

/// What a path that is not a regular file is, for its error.
fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Test hook, debug builds only: `PLANTAB_TEST_FAULT=grow:<substring>`
/// appends a byte to every input whose path contains `<substring>` right
/// after it was read, as a writer still writing it would (see
/// `work::test_fault`).
#[cfg(debug_assertions)]
fn test_fault_after_read(file: &Path) {
    let Ok(spec) = std::env::var("PLANTAB_TEST_FAULT") else {
        return;
    };
    let path = file.to_string_lossy();
    for part in spec.split(';') {
        if let Some(s) = part.strip_prefix("grow:") {
            if !s.is_empty() && path.contains(s) {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(file) {
                    let _ = f.write_all(b" ");
                }
            }
        }
    }
}
