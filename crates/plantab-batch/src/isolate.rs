//! Running one file's work so that a panic or a hang costs that file only.
//!
//! [`run_isolated`] runs a closure on a fresh thread, catches any panic and
//! stops waiting after a time limit. The in-thread runner
//! ([`InThread`](crate::InThread)) calls it once per file, through an
//! [`Isolator`] per pool thread: a file that panics becomes
//! [`Isolated::Panicked`] (`internal_error`), one that runs too long
//! [`Isolated::TimedOut`] (`timeout`), and the batch goes on.
//!
//! [`install_panic_hook`] keeps the default panic report of the isolated
//! threads off stderr (the message is the file's error instead) and notes
//! where each panic happened, so that the error says it.
//!
//! A thread cannot be killed safely, so a timed-out closure is *abandoned*:
//! it may keep running (and using a CPU) until it ends or the process
//! exits. Its result, if it ever comes, is dropped. Nothing the closure
//! does after the time limit can reach the caller, so a caller that writes
//! output only from the returned value never writes output for a file that
//! timed out.

use plantab::panic_message;
use plantab_model::ErrorCode;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Duration;

/// The name given to the threads [`run_isolated`] starts, so a process-wide
/// panic hook can recognise them (e.g. to keep their panics off stderr,
/// since the message is returned in [`Isolated::Panicked`]).
pub const ISOLATED_THREAD_NAME: &str = "plantab-file";

/// Stack size of the isolated threads: 8 MiB, as a main thread has, so
/// deep but legitimate recursion behaves as it does on the main thread.
const STACK_SIZE: usize = 8 * 1024 * 1024;

thread_local! {
    /// Where the last panic on this thread happened (`file:line:col`), noted
    /// by the hook of [`install_panic_hook`].
    static PANIC_AT: Cell<Option<String>> = const { Cell::new(None) };
}

/// Sets the process's panic hook for isolated work: a panic on an isolated
/// thread (named [`ISOLATED_THREAD_NAME`]) is reported as that file's
/// `internal_error`, with the panic message and where it happened, so the
/// default hook's report on stderr is kept off for those threads (set
/// `PLANTAB_PANIC_REPORT=1` to see it anyway); panics elsewhere are
/// reported by the hook that was set before. For a program's `main`: a
/// library caller keeps its own hook (the error then has no location).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let isolated = std::thread::current().name() == Some(ISOLATED_THREAD_NAME);
        if isolated {
            PANIC_AT.with(|c| c.set(info.location().map(|l| l.to_string())));
        }
        if !isolated || std::env::var_os("PLANTAB_PANIC_REPORT").is_some() {
            default(info);
        }
    }));
}

/// The message of a panic caught on this thread, with where it happened
/// when the hook of [`install_panic_hook`] noted it (`boom (at
/// src/x.rs:3:5)`).
fn caught_message(payload: &(dyn std::any::Any + Send)) -> String {
    let mut message = panic_message(payload);
    if let Some(at) = PANIC_AT.with(|c| c.take()) {
        message.push_str(&format!(" (at {at})"));
    }
    message
}

/// Why an isolated run produced no value.
#[derive(Debug, thiserror::Error)]
pub enum Isolated {
    /// The closure panicked; the panic message (and where, when known).
    #[error("panic: {0}")]
    Panicked(String),
    /// The closure did not finish within the limit; it was abandoned.
    #[error("no result after {} s", .0.as_secs_f64())]
    TimedOut(Duration),
    /// The operating system refused to start a thread.
    #[error("cannot start a worker thread")]
    Spawn(#[source] std::io::Error),
}

impl Isolated {
    /// The stable error code: `internal_error` or `timeout`.
    pub fn code(&self) -> ErrorCode {
        match self {
            Isolated::Panicked(_) | Isolated::Spawn(_) => ErrorCode::InternalError,
            Isolated::TimedOut(_) => ErrorCode::Timeout,
        }
    }
}

/// Runs `work` on a new thread named [`ISOLATED_THREAD_NAME`] and waits at
/// most `timeout` (`None`: no limit) for its value.
///
/// A panic in `work` is caught and returned as [`Isolated::Panicked`] with
/// its message; a closure still running at the limit is abandoned (see the
/// module docs) and [`Isolated::TimedOut`] returned. The thread is never
/// joined, so an abandoned closure does not keep the process alive. For
/// many calls in a row, an [`Isolator`] reuses its thread.
pub fn run_isolated<T, F>(timeout: Option<Duration>, work: F) -> Result<T, Isolated>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    Isolator::new().run(timeout, work)
}

type Job = Box<dyn FnOnce() + Send>;

/// A reusable isolated worker thread: [`Isolator::run`] behaves as
/// [`run_isolated`] but keeps one thread for call after call (no thread
/// start per file, and the allocator keeps one arena for it instead of
/// spreading freed memory over many). After a timeout the thread is
/// abandoned and the next call starts a new one; a panic does not end the
/// thread.
#[derive(Debug, Default)]
pub struct Isolator {
    worker: Option<mpsc::Sender<Job>>,
}

impl Isolator {
    /// An isolator; its thread starts with the first call.
    pub fn new() -> Isolator {
        Isolator { worker: None }
    }

    /// Runs `work` on this isolator's thread; see [`run_isolated`].
    pub fn run<T, F>(&mut self, timeout: Option<Duration>, work: F) -> Result<T, Isolated>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (tx, rx) = mpsc::sync_channel::<Result<T, String>>(1);
        let mut job: Job = Box::new(move || {
            let result = catch_unwind(AssertUnwindSafe(work)).map_err(|p| caught_message(&*p));
            // The receiver is gone when the caller gave up (timeout).
            let _ = tx.send(result);
        });
        // A worker that has died (it cannot, short of an abort) is replaced
        // once.
        for _ in 0..2 {
            let worker = match self.worker.take() {
                Some(w) => w,
                None => spawn_worker()?,
            };
            match worker.send(job) {
                Ok(()) => {
                    self.worker = Some(worker);
                    break;
                }
                Err(mpsc::SendError(back)) => job = back,
            }
        }
        let received = match timeout {
            Some(limit) => rx.recv_timeout(limit).map_err(|e| match e {
                mpsc::RecvTimeoutError::Timeout => Isolated::TimedOut(limit),
                mpsc::RecvTimeoutError::Disconnected => {
                    Isolated::Panicked("worker thread ended without a result".into())
                }
            }),
            None => rx
                .recv()
                .map_err(|_| Isolated::Panicked("worker thread ended without a result".into())),
        };
        if received.is_err() {
            // Abandon the busy thread: dropping its sender ends its loop
            // once (if ever) the job returns.
            self.worker = None;
        }
        received?.map_err(Isolated::Panicked)
    }
}

fn spawn_worker() -> Result<mpsc::Sender<Job>, Isolated> {
    let (tx, rx) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name(ISOLATED_THREAD_NAME.to_string())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            while let Ok(job) = rx.recv() {
                job();
            }
        })
        .map_err(Isolated::Spawn)?;
    Ok(tx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_panic_and_timeout() {
        assert_eq!(run_isolated(None, || 7).ok(), Some(7));
        let e = run_isolated(Some(Duration::from_secs(5)), || -> u8 {
            panic!("boom {}", 1)
        })
        .unwrap_err();
        assert!(
            matches!(&e, Isolated::Panicked(m) if m == "boom 1"),
            "{e:?}"
        );
        assert_eq!(e.code(), ErrorCode::InternalError);
        let e = run_isolated(Some(Duration::from_millis(50)), || {
            std::thread::sleep(Duration::from_secs(3600));
        })
        .unwrap_err();
        assert_eq!(e.code(), ErrorCode::Timeout);
    }

    #[test]
    fn isolator_survives_panics_and_replaces_a_hung_thread() {
        let mut iso = Isolator::new();
        // Generous: a panic with RUST_BACKTRACE set takes a while.
        let limit = Some(Duration::from_secs(30));
        let id = |iso: &mut Isolator| iso.run(limit, || std::thread::current().id()).unwrap();
        let first = id(&mut iso);
        assert_eq!(id(&mut iso), first, "thread reused");
        assert!(matches!(
            iso.run(limit, || -> u8 { panic!("x") }),
            Err(Isolated::Panicked(_))
        ));
        assert_eq!(id(&mut iso), first, "a panic does not end the thread");
        assert!(matches!(
            iso.run(Some(Duration::from_millis(100)), || std::thread::sleep(
                Duration::from_secs(3600)
            )),
            Err(Isolated::TimedOut(_))
        ));
        assert_ne!(id(&mut iso), first, "a new thread after a timeout");
    }
}
