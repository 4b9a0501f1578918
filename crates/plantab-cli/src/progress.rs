//! Progress on stderr: an indicatif bar on a terminal, plain periodic lines
//! otherwise (cron logs), nothing with `--quiet`. Messages (per-file errors)
//! go through here so they do not tear the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Plain lines come at least this far apart…
const PLAIN_EVERY: Duration = Duration::from_secs(5);
/// …or at each 10 % step of batches at least this large.
const PLAIN_STEPS_FROM: usize = 20;

/// The run's progress display.
pub struct Progress {
    bar: Option<ProgressBar>,
    plain: bool,
    total: usize,
    done: usize,
    failed: usize,
    start: Instant,
    last_line: Instant,
    last_step: usize,
}

impl Progress {
    /// A display for `total` inputs.
    pub fn new(total: usize, quiet: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {rate}  ETA {eta}  {msg}",
            )
            .map(|s| {
                s.with_key(
                    "rate",
                    |st: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.1} files/s", st.per_sec());
                    },
                )
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message("0 failed");
            bar
        });
        let now = Instant::now();
        Progress {
            bar,
            plain: !quiet && !terminal,
            total,
            done: 0,
            failed: 0,
            start: now,
            last_line: now,
            last_step: 0,
        }
    }

    /// Prints a message line (not suppressed by `--quiet`).
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// One more input finished.
    pub fn finished_one(&mut self, failed: bool) {
        self.done += 1;
        if failed {
            self.failed += 1;
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.done as u64);
            if failed {
                bar.set_message(format!("{} failed", self.failed));
            }
        }
        if self.plain && self.done < self.total && self.total >= PLAIN_STEPS_FROM {
            let step = self.done * 10 / self.total.max(1);
            if step > self.last_step {
                self.last_step = step;
                self.plain_line();
            }
        }
    }

    /// Called regularly: prints a plain line when one is due.
    pub fn tick(&mut self) {
        if self.plain && self.done < self.total && self.last_line.elapsed() >= PLAIN_EVERY {
            self.plain_line();
        }
    }

    fn plain_line(&mut self) {
        self.last_line = Instant::now();
        let secs = self.start.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.done as f64 / secs
        } else {
            0.0
        };
        eprintln!(
            "plantab: {}/{} files, {} failed, {rate:.1} files/s",
            self.done, self.total, self.failed
        );
    }

    /// Removes the bar (before the summary).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
