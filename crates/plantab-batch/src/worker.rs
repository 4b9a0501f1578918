//! Worker processes: the [`Workers`] runner reads and converts every input
//! in a child process of its own, so that what one input does to its
//! process — run past the time limit, take all memory, crash — costs that
//! input only, and its core and memory come back at once.
//!
//! ```text
//! pool thread ──request frame──▶ worker (the same program, `__worker`)
//!   (no input byte read          reads the file (regular files only),
//!    or parsed in the parent)    hashes it ──facts frame──▶
//!                                converts it ──outcome frame──▶
//! ```
//!
//! - **A worker per pool thread**, started on first use and reused input
//!   after input; each under a memory cap (`setrlimit(RLIMIT_AS)`, see
//!   [`WorkerSettings`]) and killed if the parent dies (Linux
//!   `PR_SET_PDEATHSIG`).
//! - **Frames** on the worker's stdin and stdout: an 8-byte little-endian
//!   length, then the payload (a small tagged binary encoding of
//!   [`Work`], the path, and back the [`Facts`] and the [`Made`] bytes or a
//!   typed error). The worker's own fd 1 is pointed at its stderr, so
//!   nothing printed can corrupt a frame.
//! - **A timeout kills the worker** (SIGKILL) and the next input gets a
//!   fresh one: `timeout`. A worker that dies is that input's error: over
//!   its memory cap (Rust's allocation-failure abort, seen on its stderr)
//!   `limit_exceeded` naming memory; anything else (a signal, a stack
//!   overflow) `internal_error` with the signal and the worker's last
//!   stderr line. A panic is caught in the worker (`internal_error`, as
//!   in-thread) and the worker lives on. Such an input [loses its
//!   worker](FileError::lost_worker): the manifest records it, and
//!   `--incremental` does not hand the same bytes to a worker again.
//!
//! The parent never reads an input's bytes: the facts (SHA-256, size,
//! format) come from the worker before it converts, so an input that kills
//! its worker is still recorded with its hash.

use crate::error::FileError;
use crate::isolate::{Isolator, ISOLATED_THREAD_NAME};
use crate::kind::{Command, Format, Kind};
use crate::runner::{read_input, Converted, Facts, Ran, Runner, Task};
use crate::work::{Files, Made, TableBytes, Work};
use plantab_model::{ErrorCode, SourceFormat};
use plantab_output::TableFile;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// The hidden subcommand that makes the program a worker.
pub const WORKER_SUBCOMMAND: &str = "__worker";

/// The default memory cap of a worker, in MiB: 3 GiB of address space.
/// Two workers (`--jobs 2` on a 2-core machine) then stay within 6 GiB,
/// leaving room for the parent and the system on an 8 GiB machine, while
/// the largest real plans seen (a few hundred pages) need well under 1 GiB.
pub const DEFAULT_MAX_MEMORY_MB: u64 = 3072;

/// The stderr a worker keeps for its error message, in bytes.
const STDERR_TAIL: usize = 8192;

/// How a worker runs: its memory cap. Given to [`serve`] as arguments
/// (`--max-memory-mb N`), so any program can be a worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WorkerSettings {
    /// The cap on the worker's address space in MiB; `None`: no cap.
    pub max_memory_mb: Option<u64>,
}

impl WorkerSettings {
    /// The arguments [`WorkerSettings::from_args`] reads back.
    pub fn to_args(self) -> Vec<OsString> {
        vec![
            "--max-memory-mb".into(),
            self.max_memory_mb.unwrap_or(0).to_string().into(),
        ]
    }

    /// Reads [`WorkerSettings::to_args`]'s arguments (unknown ones are an
    /// error).
    pub fn from_args<I: IntoIterator<Item = OsString>>(args: I) -> Result<WorkerSettings, String> {
        let mut s = WorkerSettings::default();
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            match a.to_str() {
                Some("--max-memory-mb") => {
                    let v = args.next().and_then(|v| v.into_string().ok());
                    let mb = v
                        .as_deref()
                        .and_then(|v| v.parse::<u64>().ok())
                        .ok_or("--max-memory-mb needs a number")?;
                    s.max_memory_mb = (mb > 0).then_some(mb);
                }
                _ => return Err(format!("unknown worker argument {a:?}")),
            }
        }
        Ok(s)
    }
}

/// Why a worker process gave an input no result.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// The worker's own error for the input (the code and message of its
    /// [`FileError`]).
    #[error("{message}")]
    Failed {
        /// The code.
        code: ErrorCode,
        /// The message with its causes.
        message: String,
    },
    /// No result within the time limit: the worker was killed.
    #[error("no result after {} s; its worker process was killed", .0.as_secs_f64())]
    TimedOut(Duration),
    /// The worker ran out of memory under its cap and died.
    #[error("memory: {}", memory_text(*.limit_mb, .detail))]
    Memory {
        /// The worker's cap, when it had one of its own.
        limit_mb: Option<u64>,
        /// What the worker said (`memory allocation of N bytes failed`).
        detail: String,
    },
    /// The worker died without a result.
    #[error("worker process died: {how}{}", last_line(.stderr))]
    Died {
        /// Its exit status (`killed by signal 11 (SIGSEGV)`).
        how: String,
        /// The end of its stderr.
        stderr: String,
    },
    /// The worker process could not be started.
    #[error("cannot start a worker process ({})", .program.display())]
    Spawn {
        /// The program.
        program: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The worker answered something that is not a frame of the protocol
    /// (a bug).
    #[error("bad answer from the worker process: {0}")]
    Protocol(String),
}

fn memory_text(limit_mb: Option<u64>, detail: &str) -> String {
    match limit_mb {
        Some(mb) => format!("over the worker's cap of {mb} MiB ({detail})"),
        None => format!("out of memory ({detail})"),
    }
}

fn last_line(stderr: &str) -> String {
    match stderr.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(l) => format!("; it said: {}", l.trim()),
        None => String::new(),
    }
}

impl WorkerError {
    /// The stable code: the worker's own, `timeout`, `limit_exceeded`
    /// (memory), else `internal_error`.
    pub fn code(&self) -> ErrorCode {
        match self {
            WorkerError::Failed { code, .. } => *code,
            WorkerError::TimedOut(_) => ErrorCode::Timeout,
            WorkerError::Memory { .. } => ErrorCode::LimitExceeded,
            WorkerError::Died { .. } | WorkerError::Spawn { .. } | WorkerError::Protocol(_) => {
                ErrorCode::InternalError
            }
        }
    }

    /// Whether the input ended its worker (killed, over its cap, dead).
    pub fn lost_worker(&self) -> bool {
        matches!(
            self,
            WorkerError::TimedOut(_) | WorkerError::Memory { .. } | WorkerError::Died { .. }
        )
    }
}

// ---------------------------------------------------------------- frames

/// Writes one frame: the payload's length (8 bytes, little-endian), then
/// the payload.
fn write_frame(w: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    w.write_all(&(payload.len() as u64).to_le_bytes())?;
    w.write_all(payload)?;
    w.flush()
}

/// Reads one frame; `None` at a clean end of the stream. The payload is
/// read as it comes, so a bogus length allocates nothing up front.
fn read_frame(r: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    let mut got = 0;
    while got < len.len() {
        match r.read(&mut len[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let len = u64::from_le_bytes(len);
    let mut payload = Vec::new();
    r.take(len).read_to_end(&mut payload)?;
    if payload.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(payload))
}

/// Encodes a payload.
#[derive(Default)]
struct Enc(Vec<u8>);

impl Enc {
    fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }
    fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn bool(&mut self, v: bool) -> &mut Self {
        self.u8(u8::from(v))
    }
    fn bytes(&mut self, v: &[u8]) -> &mut Self {
        self.u64(v.len() as u64);
        self.0.extend_from_slice(v);
        self
    }
    fn str(&mut self, v: &str) -> &mut Self {
        self.bytes(v.as_bytes())
    }
    fn opt_str(&mut self, v: Option<&str>) -> &mut Self {
        match v {
            Some(s) => self.u8(1).str(s),
            None => self.u8(0),
        }
    }
    fn f64(&mut self, v: f64) -> &mut Self {
        self.u64(v.to_bits())
    }
}

/// Decodes a payload; every read checks what is left.
struct Dec<'a>(&'a [u8]);

type DecResult<T> = Result<T, String>;

impl<'a> Dec<'a> {
    fn take(&mut self, n: usize) -> DecResult<&'a [u8]> {
        if self.0.len() < n {
            return Err("frame too short".into());
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> DecResult<u8> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }
    fn u64(&mut self) -> DecResult<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn usize(&mut self) -> DecResult<usize> {
        usize::try_from(self.u64()?).map_err(|_| "count too large".to_string())
    }
    fn bool(&mut self) -> DecResult<bool> {
        Ok(self.u8()? != 0)
    }
    fn bytes(&mut self) -> DecResult<&'a [u8]> {
        let n = self.usize()?;
        self.take(n)
    }
    fn string(&mut self) -> DecResult<String> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| "text not UTF-8".to_string())
    }
    fn opt_string(&mut self) -> DecResult<Option<String>> {
        Ok(match self.u8()? {
            0 => None,
            _ => Some(self.string()?),
        })
    }
    fn f64(&mut self) -> DecResult<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
}

const REQUEST: u8 = 1;
const FACTS: u8 = 2;
const MADE: u8 = 3;
const UNCHANGED: u8 = 4;
const ERROR: u8 = 5;

fn path_bytes(p: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        p.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        p.to_string_lossy().into_owned().into_bytes()
    }
}

fn path_from(b: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(b))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(b).into_owned())
    }
}

fn encode_request(work: &Work, task: &Task<'_>) -> Vec<u8> {
    let mut e = Enc::default();
    e.u8(REQUEST)
        .str(work.kind.command().as_str())
        .str(work.kind.format().as_str())
        .bool(work.to_dir)
        .bool(work.single_input)
        .bool(work.parallel_pages);
    let o = &*work.overrides;
    let pages = o.pages.as_ref().map(ToString::to_string);
    e.opt_str(pages.as_deref()).u64(o.areas.len() as u64);
    for a in &o.areas {
        match a.page {
            Some(p) => e.u8(1).u64(u64::from(p)),
            None => e.u8(0),
        };
        e.f64(a.x0).f64(a.y0).f64(a.x1).f64(a.y1);
    }
    e.u64(o.columns.len() as u64);
    for c in &o.columns {
        e.f64(*c);
    }
    e.str(o.strategy.name())
        .bytes(&path_bytes(task.file))
        .str(task.path)
        .opt_str(task.unchanged_if)
        .opt_str(work.password.as_deref())
        // 0: decided per document; else the month.
        .u8(work
            .fiscal_year_start
            .and_then(|m| u8::try_from(m).ok())
            .unwrap_or(0));
    e.0
}

/// A request as the worker reads it.
struct Request {
    work: Work,
    file: PathBuf,
    path: String,
    unchanged_if: Option<String>,
}

fn decode_request(b: &[u8]) -> DecResult<Request> {
    let mut d = Dec(b);
    if d.u8()? != REQUEST {
        return Err("not a request".into());
    }
    let command = d.string()?;
    let command = [Command::Extract, Command::Tables]
        .into_iter()
        .find(|c| c.as_str() == command)
        .ok_or("unknown command")?;
    let format = d.string()?;
    let format = Format::ALL
        .into_iter()
        .find(|f| f.as_str() == format)
        .ok_or("unknown format")?;
    let kind = Kind::new(command, format).map_err(|e| e.to_string())?;
    let to_dir = d.bool()?;
    let single_input = d.bool()?;
    let parallel_pages = d.bool()?;
    let mut o = plantab::Overrides {
        pages: d
            .opt_string()?
            .map(|p| p.parse::<plantab::PageSet>())
            .transpose()
            .map_err(|e| e.to_string())?,
        ..plantab::Overrides::default()
    };
    for _ in 0..d.usize()? {
        let page = match d.u8()? {
            0 => None,
            _ => Some(u32::try_from(d.u64()?).map_err(|_| "page too large")?),
        };
        o.areas.push(plantab::Area {
            page,
            x0: d.f64()?,
            y0: d.f64()?,
            x1: d.f64()?,
            y1: d.f64()?,
        });
    }
    for _ in 0..d.usize()? {
        o.columns.push(d.f64()?);
    }
    o.strategy = d
        .string()?
        .parse()
        .map_err(|e: plantab::OptionError| e.to_string())?;
    let file = path_from(d.bytes()?);
    let path = d.string()?;
    let unchanged_if = d.opt_string()?;
    let password = d.opt_string()?.map(Arc::from);
    let fiscal_year_start = match d.u8()? {
        0 => None,
        m => Some(u32::from(m)),
    };
    Ok(Request {
        work: Work {
            kind,
            to_dir,
            single_input,
            parallel_pages,
            overrides: Arc::new(o),
            password,
            fiscal_year_start,
        },
        file,
        path,
        unchanged_if,
    })
}

fn encode_facts(f: &Facts) -> Vec<u8> {
    let format = match f.format {
        SourceFormat::Pdf => 0,
        _ => 1,
    };
    let mut e = Enc::default();
    e.u8(FACTS).str(&f.sha256).u64(f.bytes).u8(format);
    e.0
}

fn encode_made(m: &Made) -> Vec<u8> {
    let mut e = Enc::default();
    e.u8(MADE)
        .u64(m.records as u64)
        .u64(m.warnings as u64)
        .u64(m.tables as u64);
    match &m.files {
        Files::None => {
            e.u8(0);
        }
        Files::One(b) => {
            e.u8(1).bytes(b);
        }
        Files::Tables(t) => {
            e.u8(2).u64(t.len() as u64);
            for t in t {
                match t.file.page {
                    Some(p) => e.u8(1).u64(u64::from(p)),
                    None => e.u8(0),
                };
                e.u64(u64::from(t.file.n))
                    .u64(t.header_rows as u64)
                    .u64(t.rows as u64)
                    .bytes(&t.bytes);
            }
        }
    }
    e.u64(m.chunks.len() as u64);
    for c in &m.chunks {
        e.bytes(c);
    }
    e.0
}

fn encode_error(e: &FileError) -> Vec<u8> {
    let mut enc = Enc::default();
    enc.u8(ERROR).str(e.code().as_str()).str(&e.message());
    enc.0
}

/// A frame from the worker.
enum Answer {
    Facts(Facts),
    Outcome(Result<Converted, FileError>),
}

fn decode_answer(b: &[u8]) -> DecResult<Answer> {
    let mut d = Dec(b);
    match d.u8()? {
        FACTS => Ok(Answer::Facts(Facts {
            sha256: d.string()?,
            bytes: d.u64()?,
            format: if d.u8()? == 0 {
                SourceFormat::Pdf
            } else {
                SourceFormat::Text
            },
        })),
        UNCHANGED => Ok(Answer::Outcome(Ok(Converted::Unchanged))),
        ERROR => {
            let code = d.string()?;
            let code = ErrorCode::from_code(&code).ok_or("unknown error code")?;
            let message = d.string()?;
            Ok(Answer::Outcome(Err(FileError::Worker(
                WorkerError::Failed { code, message },
            ))))
        }
        MADE => {
            let records = d.usize()?;
            let warnings = d.usize()?;
            let tables = d.usize()?;
            let files = match d.u8()? {
                0 => Files::None,
                1 => Files::One(d.bytes()?.to_vec()),
                _ => {
                    let n = d.usize()?;
                    let mut t = Vec::new();
                    for _ in 0..n {
                        let page = match d.u8()? {
                            0 => None,
                            _ => Some(u32::try_from(d.u64()?).map_err(|_| "page too large")?),
                        };
                        let n = u32::try_from(d.u64()?).map_err(|_| "table number too large")?;
                        let header_rows = d.usize()?;
                        let rows = d.usize()?;
                        t.push(TableBytes {
                            file: TableFile { page, n },
                            header_rows,
                            rows,
                            bytes: d.bytes()?.to_vec(),
                        });
                    }
                    Files::Tables(t)
                }
            };
            let mut chunks = Vec::new();
            for _ in 0..d.usize()? {
                chunks.push(d.bytes()?.to_vec());
            }
            Ok(Answer::Outcome(Ok(Converted::Made(Made {
                records,
                warnings,
                tables,
                files,
                chunks,
            }))))
        }
        _ => Err("unknown frame".into()),
    }
}

// ---------------------------------------------------------------- worker

/// The worker's side: caps its own memory, then answers request frames on
/// stdin until stdin ends. Returns the process exit code (0 at the end of
/// stdin; 2 when the setup failed). For a program's hidden
/// [`WORKER_SUBCOMMAND`]; the program should have called
/// [`install_panic_hook`](crate::install_panic_hook) first.
pub fn serve(settings: WorkerSettings) -> u8 {
    let mut out = match private_stdout() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("plantab worker: cannot set up its output: {e}");
            return 2;
        }
    };
    die_with_parent();
    if let Some(mb) = settings.max_memory_mb {
        if let Err(e) = cap_memory(mb.saturating_mul(1 << 20)) {
            eprintln!("plantab worker: cannot cap its memory at {mb} MiB: {e}");
            return 2;
        }
    }
    // Pages read in parallel run on rayon's global pool; its threads are
    // named as isolated threads so their panics are the input's error.
    let _ = rayon::ThreadPoolBuilder::new()
        .thread_name(|_| ISOLATED_THREAD_NAME.to_string())
        .build_global();
    let mut iso = Isolator::new();
    let mut input = io::stdin().lock();
    loop {
        let frame = match read_frame(&mut input) {
            Ok(Some(f)) => f,
            Ok(None) => return 0,
            Err(e) => {
                eprintln!("plantab worker: cannot read a request: {e}");
                return 2;
            }
        };
        let req = match decode_request(&frame) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("plantab worker: bad request: {e}");
                return 2;
            }
        };
        drop(frame);
        if answer(&mut iso, req, &mut |f| write_frame(&mut out, f)).is_err() {
            // The parent is gone or gave up on this input.
            return 0;
        }
    }
}

/// Answers one request: the facts as soon as the file is read (so that
/// the parent has them even if the conversion kills the worker), then the
/// outcome.
fn answer(
    iso: &mut Isolator,
    req: Request,
    send: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let (bytes, facts) = match read_input(&req.file) {
        Ok(r) => r,
        Err(e) => return send(&encode_error(&e)),
    };
    send(&encode_facts(&facts))?;
    if req.unchanged_if.as_deref() == Some(facts.sha256.as_str()) {
        return send(&[UNCHANGED]);
    }
    let Request { work, path, .. } = req;
    let sha256 = facts.sha256;
    let convert = move || {
        let input = plantab::Input {
            sha256: Some(&sha256),
            ..plantab::Input::new(&path, &bytes)
        };
        work.convert(input)
    };
    let outcome = match iso.run(None, convert) {
        Ok(Ok(made)) => encode_made(&made),
        Ok(Err(e)) => encode_error(&e),
        Err(e) => encode_error(&FileError::Isolated(e)),
    };
    send(&outcome)
}

/// The worker's frames go to a private copy of fd 1; fd 1 itself is
/// pointed at stderr, so that anything printed cannot corrupt a frame.
#[cfg(unix)]
fn private_stdout() -> io::Result<std::fs::File> {
    use std::os::fd::FromRawFd;
    // SAFETY: dup/dup2 on the process's own standard descriptors; the new
    // descriptor is owned by the File returned and by nothing else.
    unsafe {
        let fd = libc::fcntl(1, libc::F_DUPFD_CLOEXEC, 3);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::dup2(2, 1) < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(std::fs::File::from_raw_fd(fd))
    }
}

#[cfg(not(unix))]
fn private_stdout() -> io::Result<std::io::Stdout> {
    Ok(io::stdout())
}

/// Linux: the worker is killed when its parent dies (a killed nightly job
/// leaves no worker behind).
fn die_with_parent() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_PDEATHSIG and a signal number only sets a
    // flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
    }
}

/// Caps the process's address space at `bytes` (soft and hard limit), so
/// that an input taking more makes allocation fail in this process only.
#[cfg(unix)]
fn cap_memory(bytes: u64) -> io::Result<()> {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit read and write the rlimit structs given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut old) == 0
            && old.rlim_max != libc::RLIM_INFINITY
            && old.rlim_max < limit.rlim_max
        {
            // A lower cap set from outside (`prlimit --as`) stays.
            return Ok(());
        }
        if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn cap_memory(_bytes: u64) -> io::Result<()> {
    Err(io::Error::other("no memory cap on this system"))
}

// ---------------------------------------------------------------- parent

/// The runner of a batch in worker processes (see the [module
/// docs](self)): one worker per pool thread at most, started on first use.
#[derive(Debug)]
pub struct Workers {
    program: PathBuf,
    args: Vec<OsString>,
    settings: WorkerSettings,
    idle: Mutex<Vec<Worker>>,
    started: AtomicUsize,
}

/// One worker process.
#[derive(Debug)]
struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    /// Frames from its stdout (an error or the end: the worker is gone).
    answers: mpsc::Receiver<io::Result<Vec<u8>>>,
    /// The end of its stderr.
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<std::thread::JoinHandle<()>>,
}

impl Workers {
    /// Workers that run `program` with `args` (the arguments making it
    /// call [`serve`], e.g. `[WORKER_SUBCOMMAND]`) followed by `settings`'
    /// arguments.
    pub fn new(program: PathBuf, args: Vec<OsString>, settings: WorkerSettings) -> Workers {
        Workers {
            program,
            args,
            settings,
            idle: Mutex::new(Vec::new()),
            started: AtomicUsize::new(0),
        }
    }

    /// Workers running this very program with [`WORKER_SUBCOMMAND`].
    pub fn this_program(settings: WorkerSettings) -> io::Result<Workers> {
        Ok(Workers::new(
            std::env::current_exe()?,
            vec![WORKER_SUBCOMMAND.into()],
            settings,
        ))
    }

    /// Worker processes started so far (a killed one is replaced by a new
    /// one).
    pub fn started(&self) -> usize {
        self.started.load(Ordering::Relaxed)
    }

    fn spawn(&self) -> Result<Worker, WorkerError> {
        let spawn_error = |source| WorkerError::Spawn {
            program: self.program.clone(),
            source,
        };
        let mut child = std::process::Command::new(&self.program)
            .args(&self.args)
            .args(self.settings.to_args())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        self.started.fetch_add(1, Ordering::Relaxed);
        let stdin = child.stdin.take();
        let (tx, answers) = mpsc::channel();
        if let Some(mut out) = child.stdout.take() {
            let _ = std::thread::Builder::new()
                .name("plantab-worker-out".into())
                .spawn(move || loop {
                    match read_frame(&mut out) {
                        Ok(Some(f)) => {
                            if tx.send(Ok(f)).is_err() {
                                return;
                            }
                        }
                        Ok(None) => {
                            let _ = tx.send(Err(io::ErrorKind::UnexpectedEof.into()));
                            return;
                        }
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            return;
                        }
                    }
                })
                .map_err(spawn_error)?;
        }
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stderr_reader = child.stderr.take().and_then(|mut err| {
            let tail = Arc::clone(&stderr);
            std::thread::Builder::new()
                .name("plantab-worker-err".into())
                .spawn(move || {
                    let mut buf = [0u8; 4096];
                    while let Ok(n) = err.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        if let Ok(mut t) = tail.lock() {
                            t.extend_from_slice(buf.get(..n).unwrap_or_default());
                            let extra = t.len().saturating_sub(STDERR_TAIL);
                            t.drain(..extra);
                        }
                    }
                })
                .ok()
        });
        Ok(Worker {
            child,
            stdin,
            answers,
            stderr,
            stderr_reader,
        })
    }

    /// An idle worker, or a new one; whether it was reused.
    fn take(&self) -> Result<(Worker, bool), WorkerError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(w) => Ok((w, true)),
            None => Ok((self.spawn()?, false)),
        }
    }

    fn give_back(&self, w: Worker) {
        if let Ok(mut v) = self.idle.lock() {
            v.push(w);
        }
    }
}

impl Worker {
    /// Kills the worker and waits for it.
    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The worker is gone (its stdout ended): why, from its exit status
    /// and its stderr.
    fn dead(mut self, limit_mb: Option<u64>) -> WorkerError {
        drop(self.stdin.take());
        let status = self.child.wait();
        if let Some(r) = self.stderr_reader.take() {
            let _ = r.join();
        }
        let stderr = self
            .stderr
            .lock()
            .map(|t| String::from_utf8_lossy(&t).into_owned())
            .unwrap_or_default();
        if let Some(line) = stderr
            .lines()
            .rev()
            .find(|l| l.contains("memory allocation of"))
        {
            return WorkerError::Memory {
                limit_mb,
                detail: line.trim().to_string(),
            };
        }
        let how = match status {
            Ok(s) => describe_exit(s),
            Err(e) => format!("cannot wait for it ({e})"),
        };
        WorkerError::Died { how, stderr }
    }
}

fn describe_exit(s: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = s.signal() {
            let name = match sig {
                libc::SIGABRT => " (SIGABRT)",
                libc::SIGSEGV => " (SIGSEGV)",
                libc::SIGBUS => " (SIGBUS)",
                libc::SIGKILL => " (SIGKILL: the system's out-of-memory killer?)",
                libc::SIGILL => " (SIGILL)",
                _ => "",
            };
            return format!("killed by signal {sig}{name}");
        }
    }
    match s.code() {
        Some(c) => format!("exited with status {c} without a result"),
        None => "ended without a result".to_string(),
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        let idle = match self.idle.get_mut() {
            Ok(v) => std::mem::take(v),
            Err(_) => Vec::new(),
        };
        for mut w in idle {
            // The end of its stdin ends an idle worker.
            drop(w.stdin.take());
            let _ = w.child.wait();
        }
    }
}

impl Runner for Workers {
    fn run(&self, work: &Work, task: &Task<'_>) -> Ran {
        let started = Instant::now();
        let request = encode_request(work, task);
        let failed = |facts, e: WorkerError| Ran {
            facts,
            result: Err(FileError::Worker(e)),
        };
        // A reused worker that died since its last input is replaced once.
        let mut worker = None;
        for _ in 0..2 {
            let (mut w, reused) = match self.take() {
                Ok(w) => w,
                Err(e) => return failed(None, e),
            };
            let sent = match w.stdin.as_mut() {
                Some(i) => write_frame(i, &request),
                None => Err(io::ErrorKind::BrokenPipe.into()),
            };
            match sent {
                Ok(()) => {
                    worker = Some(w);
                    break;
                }
                Err(_) if reused => w.kill(),
                Err(_) => return failed(None, w.dead(self.settings.max_memory_mb)),
            }
        }
        let Some(w) = worker else {
            return failed(
                None,
                WorkerError::Protocol("no worker took the input".into()),
            );
        };
        let mut facts = None;
        loop {
            let answer = match task.timeout {
                Some(limit) => {
                    let left = limit.saturating_sub(started.elapsed());
                    match w.answers.recv_timeout(left) {
                        Ok(a) => a,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            w.kill();
                            return failed(facts, WorkerError::TimedOut(limit));
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => {
                            Err(io::ErrorKind::UnexpectedEof.into())
                        }
                    }
                }
                None => w
                    .answers
                    .recv()
                    .unwrap_or_else(|_| Err(io::ErrorKind::UnexpectedEof.into())),
            };
            let frame = match answer {
                Ok(f) => f,
                Err(_) => return failed(facts, w.dead(self.settings.max_memory_mb)),
            };
            match decode_answer(&frame) {
                Ok(Answer::Facts(f)) => facts = Some(f),
                Ok(Answer::Outcome(result)) => {
                    self.give_back(w);
                    return Ran { facts, result };
                }
                Err(e) => {
                    w.kill();
                    return failed(facts, WorkerError::Protocol(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_answers_round_trip() {
        let work = Work {
            kind: Kind::new(Command::Tables, Format::Csv).unwrap(),
            to_dir: true,
            single_input: false,
            parallel_pages: true,
            overrides: Arc::new(plantab::Overrides {
                pages: Some("1,3-5,8-".parse().unwrap()),
                areas: vec![
                    "2:10,20,300.5,400".parse().unwrap(),
                    "1,2,3,4".parse().unwrap(),
                ],
                columns: vec![12.5, 80.0],
                strategy: plantab::Strategy::Text,
            }),
            password: Some(Arc::from("s3cret")),
            fiscal_year_start: Some(7),
        };
        let task = Task {
            file: Path::new("in/a b.pdf"),
            path: "in/a b.pdf",
            unchanged_if: Some("ab12"),
            timeout: None,
        };
        let req = decode_request(&encode_request(&work, &task)).unwrap();
        assert_eq!(req.work.kind, work.kind);
        assert_eq!(*req.work.overrides, *work.overrides);
        assert_eq!(
            (
                req.work.to_dir,
                req.work.single_input,
                req.work.parallel_pages
            ),
            (true, false, true)
        );
        assert_eq!(req.file, Path::new("in/a b.pdf"));
        assert_eq!(req.unchanged_if.as_deref(), Some("ab12"));
        assert_eq!(req.work.password.as_deref(), Some("s3cret"));
        assert_eq!(req.work.fiscal_year_start, Some(7));
        // Every kind a worker can be asked for comes back the same.
        for command in [Command::Extract, Command::Tables] {
            for format in Format::ALL {
                let Ok(kind) = Kind::new(command, format) else {
                    continue;
                };
                let w = Work {
                    kind,
                    ..work.clone()
                };
                let back = decode_request(&encode_request(&w, &task)).unwrap();
                assert_eq!(back.work.kind, kind);
            }
        }

        let made = Made {
            records: 3,
            warnings: 1,
            tables: 2,
            files: Files::Tables(vec![
                TableBytes {
                    file: TableFile {
                        page: Some(2),
                        n: 1,
                    },
                    header_rows: 2,
                    rows: 0,
                    bytes: b"a,b\r\n".to_vec(),
                },
                TableBytes {
                    file: TableFile { page: None, n: 3 },
                    header_rows: 0,
                    rows: 0,
                    bytes: Vec::new(),
                },
            ]),
            chunks: vec![b"x".to_vec(), Vec::new()],
        };
        match decode_answer(&encode_made(&made)).unwrap() {
            Answer::Outcome(Ok(Converted::Made(m))) => assert_eq!(m, made),
            _ => panic!("not made"),
        }
        let e = FileError::NotAFile("a FIFO (named pipe)");
        match decode_answer(&encode_error(&e)).unwrap() {
            Answer::Outcome(Err(got)) => {
                assert_eq!(got.code(), ErrorCode::NotAFile);
                assert_eq!(got.message(), e.message());
            }
            _ => panic!("not an error"),
        }
        assert!(decode_answer(&encode_made(&made)[..10]).is_err());
        let mut framed = Vec::new();
        write_frame(&mut framed, b"hello").unwrap();
        let mut r = &framed[..];
        assert_eq!(read_frame(&mut r).unwrap().unwrap(), b"hello");
        assert!(read_frame(&mut r).unwrap().is_none());
        let mut cut = &framed[..10];
        assert!(read_frame(&mut cut).is_err());
    }
}
