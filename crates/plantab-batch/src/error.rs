//! The batch's errors: of the run as a whole ([`BatchError`]: usage, an
//! output folder that cannot be made), of one input ([`FileError`], with
//! its stable [`ErrorCode`]), of a write ([`WriteError`]), and the
//! warnings a run gives ([`BatchWarning`]).

use crate::isolate::Isolated;
use crate::kind::{Command, Format};
use crate::manifest::ManifestError;
use plantab_model::ErrorCode;
use std::path::PathBuf;

/// Why a run could not start or could not finish writing: a usage error or
/// an output that could not be written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// A format the command does not write.
    #[error("{command} does not write --format {format}")]
    FormatNotFor {
        /// The command.
        command: Command,
        /// The format asked for.
        format: Format,
    },
    /// `--incremental` without per-file outputs to keep.
    #[error("--incremental needs -o DIR and --format {} (per-file outputs to keep)", incremental_formats(*.0))]
    IncrementalNeedsPerFile(Command),
    /// A format writing several files per input, or a workbook, without a
    /// folder.
    #[error("--format {0} needs -o DIR ({reason})", reason = needs_dir_reason(*.0))]
    NeedsOutputDir(Format),
    /// A `--glob` pattern that does not compile.
    #[error(transparent)]
    Glob(#[from] crate::inputs::GlobError),
    /// The `--files-from` list could not be read.
    #[error("cannot read --files-from {}", path.display())]
    FilesFrom {
        /// The list named.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// No path named and no list given.
    #[error("no input paths given")]
    NoPaths,
    /// Standard input named twice (`-` twice, or `-` and `--files-from -`).
    #[error("standard input (`-`) can be read once: as one input, or as the --files-from list")]
    StdinTwice,
    /// `--incremental` with standard input as an input (nothing to compare
    /// on a later run).
    #[error("--incremental cannot keep the output of standard input (`-`); name a file")]
    IncrementalStdin,
    /// The output folder does not take a new file (read-only, full, not a
    /// folder one may write in); found before any input is read.
    #[error("cannot write in output folder {}", path.display())]
    NotWritable {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The output folder could not be made.
    #[error("cannot create output folder {}", path.display())]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Another run holds the output folder's lock.
    #[error("another plantab run{} is writing into {}; not started (wait for it to end)", .pid.map(|p| format!(" (pid {p})")).unwrap_or_default(), dir.display())]
    Locked {
        /// The output folder.
        dir: PathBuf,
        /// The pid the other run wrote in the lock file, when readable.
        pid: Option<u32>,
    },
    /// The output folder's lock file could not be opened or locked.
    #[error("cannot lock the output folder ({})", path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The pool threads could not be started.
    #[error("cannot start the worker threads")]
    Threads(#[source] rayon::ThreadPoolBuildError),
    /// An output (streamed file, stdout, the manifest) could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

fn needs_dir_reason(format: Format) -> &'static str {
    match format {
        Format::Xlsx => "it writes a workbook, not text for a terminal",
        _ => "it writes one file per table",
    }
}

fn incremental_formats(command: Command) -> &'static str {
    match command {
        Command::Extract => "json",
        Command::Tables => "json or md",
    }
}

/// What a run tells about without failing.
#[derive(Debug, thiserror::Error)]
pub enum BatchWarning {
    /// `--incremental`, but the previous manifest could not be used.
    #[error("{}; reading every input", plantab::error_chain(.0))]
    PreviousManifest(#[source] ManifestError),
    /// `--jobs` above the sane maximum, clamped.
    #[error("--jobs {asked} is more than this machine can use; using {used}")]
    JobsClamped {
        /// Asked.
        asked: usize,
        /// Used.
        used: usize,
    },
    /// The streamed output file could not be written: the previous run's
    /// file of that name, which no longer matches the inputs, was removed.
    #[error("removed {}: the previous run's output, which this run could not replace", .0.display())]
    StaleRemoved(PathBuf),
    /// A symbolic link found in a folder leads outside the folders named:
    /// not followed (`--follow-links` follows it).
    #[error("{}: symlink leads outside the folders named (to {}); not followed (--follow-links follows it)", crate::names::escape_control(&.link.to_string_lossy()), crate::names::escape_control(&.target.to_string_lossy()))]
    LinkNotFollowed {
        /// The link.
        link: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
}

/// A file that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing (or creating) a file failed.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file being written (its final name; an atomic write goes
        /// through a temporary name beside it).
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Renaming a finished temporary file to its name failed.
    #[error("cannot write {} (the finished file could not be renamed to it)", to.display())]
    Rename {
        /// The temporary file.
        from: PathBuf,
        /// Its final name.
        to: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Standard output could not be written (a closed pipe, a full disk).
    #[error("cannot write to stdout")]
    Stdout(#[source] std::io::Error),
    /// A spool file of the run (kept until the end of the run) could not
    /// be read back.
    #[error("cannot read back {}", path.display())]
    Spool {
        /// The spool file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Bytes handed to a stream that its format cannot use (a bug).
    #[error("bad output for the stream")]
    Format(#[source] plantab_output::OutputError),
}

/// Why one input gave no output. [`FileError::code`] is its stable code;
/// `Display` is the reason, and the cause is kept as the
/// [`source`](std::error::Error::source) ([`FileError::message`] gives both
/// on one line, as the manifest and stderr write it).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read.
    #[error("cannot read")]
    Read(#[source] std::io::Error),
    /// The pipeline refused the file.
    #[error(transparent)]
    Extract(#[from] plantab::ExtractError),
    /// The document could not be serialised (a bug).
    #[error("cannot serialise")]
    Serialise(#[source] plantab_output::OutputError),
    /// The work panicked or ran out of time.
    #[error(transparent)]
    Isolated(#[from] Isolated),
    /// Its output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Not a regular file (what it is instead): not read, so a FIFO cannot
    /// hang the run nor a device fill its memory.
    #[error("not a regular file: {0}")]
    NotAFile(&'static str),
    /// The file changed while it was read (its size or modification time).
    #[error("changed while it was read ({0}); not converted")]
    ChangedWhileRead(String),
    /// Its worker process failed it (see [`crate::worker`]).
    #[error(transparent)]
    Worker(#[from] crate::worker::WorkerError),
}

impl WriteError {
    /// Standard output was closed by its reader (`plantab … | head`): the
    /// run ends quietly, as a pipeline expects.
    pub fn is_closed_stdout(&self) -> bool {
        matches!(self, WriteError::Stdout(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl FileError {
    /// The stable error code.
    pub fn code(&self) -> ErrorCode {
        match self {
            FileError::Read(_) => ErrorCode::Io,
            FileError::Extract(e) => e.code(),
            FileError::Serialise(_) => ErrorCode::InternalError,
            FileError::Isolated(e) => e.code(),
            FileError::Write(_) => ErrorCode::Output,
            FileError::NotAFile(_) => ErrorCode::NotAFile,
            FileError::ChangedWhileRead(_) => ErrorCode::ChangedWhileRead,
            FileError::Worker(e) => e.code(),
        }
    }

    /// Whether the input ended its worker process (killed at the time
    /// limit, over its memory cap, or dead): the manifest records it, and
    /// `--incremental` does not hand the same bytes to a worker again.
    pub fn lost_worker(&self) -> bool {
        matches!(self, FileError::Worker(e) if e.lost_worker())
    }

    /// The reason and its causes on one line (`reason: cause: …`).
    pub fn message(&self) -> String {
        plantab::error_chain(self)
    }
}
