//! The run manifest `DIR/manifest.json` as typed data (schema:
//! `schemas/plantab-manifest.schema.json`): what a run did with every
//! input, written at the end of every run with an output folder and as a
//! checkpoint during it, and read back by `--incremental`.

use crate::error::FileError;
use crate::kind::{Command, Format};
use plantab_model::{ErrorCode, SourceFormat};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// The manifest's file name in the output folder.
pub const MANIFEST_NAME: &str = "manifest.json";

/// Version of the manifest's shape.
pub const MANIFEST_VERSION: u32 = 1;

/// The whole manifest. `I` is the entries' container: a `Vec<Entry>` when
/// read, a [`Finished`] view when written (no copy of the entries).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest<I = Vec<Entry>> {
    /// Always [`MANIFEST_VERSION`].
    pub manifest_version: u32,
    /// The plantab version that wrote it.
    pub plantab_version: String,
    /// When the run started (RFC 3339, UTC).
    pub started: String,
    /// When the run ended; `null` in a checkpoint written during the run.
    pub finished: Option<String>,
    /// `false` in a checkpoint (the run was still going, or was killed).
    pub complete: bool,
    /// The command of the run (older manifests have none: `extract`).
    #[serde(default)]
    pub command: Command,
    /// Output format of the run.
    pub format: Format,
    /// The table finder's overrides of the run (`--pages`, `--area`,
    /// `--columns`, `--strategy`; older manifests have none: the
    /// defaults). `--incremental` keeps nothing from a run whose overrides
    /// differ.
    #[serde(default)]
    pub finder: Finder,
    /// `--fiscal-year-start` of the run (the month, 1–12); `null` (and in
    /// older manifests, absent): decided per document. `--incremental`
    /// keeps nothing from a run where it differs.
    #[serde(default)]
    pub fiscal_year_start: Option<u32>,
    /// The files of the whole run, relative to the output folder, once
    /// written (`extract --format csv`: `records.csv`, `statuses.csv`,
    /// `documents.csv`; `--format xlsx`: `plantab.xlsx` or `tables.xlsx`;
    /// `tables --format csv`: `tables.csv`; `ndjson`: `records.ndjson`);
    /// left out when none (per-file formats, a checkpoint, older
    /// manifests).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    /// Run totals.
    pub totals: Totals,
    /// One entry per input finished, in input order.
    pub inputs: I,
}

/// The finished entries of a run (slots of unfinished inputs are `None`),
/// serialised as an array without copying.
#[derive(Debug, Clone, Copy)]
pub struct Finished<'a>(pub &'a [Option<Entry>]);

impl Serialize for Finished<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().flatten())
    }
}

/// Run totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Inputs in the run (in a checkpoint: all of them, finished or not).
    pub inputs: usize,
    /// Inputs with status `ok` (skipped ones included).
    pub ok: usize,
    /// Inputs with status `error`.
    pub failed: usize,
    /// Inputs skipped by `--incremental`: unchanged, their output kept
    /// (counted in `ok` too), or unchanged after ending their worker
    /// process last time, their error carried over (counted in `failed`
    /// too).
    pub skipped: usize,
    /// Records over all `ok` inputs.
    pub records: usize,
    /// Warnings over all `ok` inputs.
    pub warnings: usize,
    /// Tables over all `ok` inputs (`tables` runs; left out when 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub tables: usize,
    /// Wall-clock seconds of the run so far.
    pub seconds: f64,
}

/// An input's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read, and its output written (or kept: `skipped`).
    Ok,
    /// No output: `error_code` says why.
    Error,
}

/// One input's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The path as named or found. A path that is not valid UTF-8 has
    /// U+FFFD for the bytes that are not (`path_hex` then holds it
    /// losslessly).
    pub path: String,
    /// The path's bytes in lower-case hex, only when the path is not valid
    /// UTF-8 (so two such names that look alike in `path` stay apart and
    /// `--incremental` matches each to its own entry); left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_hex: Option<String>,
    /// Lower-case hex SHA-256 of the bytes read; `null` if unreadable.
    pub sha256: Option<String>,
    /// Size in bytes; `null` if unreadable.
    pub bytes: Option<u64>,
    /// The reader chosen by content; `null` if unreadable.
    pub format: Option<SourceFormat>,
    /// `ok` or `error`.
    pub status: Status,
    /// Skipped by `--incremental`: the previous run's output was kept.
    pub skipped: bool,
    /// Stable error code; `null` when ok.
    pub error_code: Option<ErrorCode>,
    /// Error message; `null` when ok.
    pub error_message: Option<String>,
    /// Records in the document (0 on error).
    pub records: usize,
    /// Warnings in the document (0 on error).
    pub warnings: usize,
    /// Seconds spent on this input in this run.
    pub seconds: f64,
    /// Output file, relative to the output folder; `null` when none. For
    /// `tables --format csv`, the pattern of its per-table files
    /// (`<stem>-p*-t*.csv`), listed in `outputs`.
    pub output: Option<String>,
    /// Tables in the document (`tables` runs; left out when 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub tables: usize,
    /// Every file written for this input, when there are several or none
    /// (`tables --format csv`: one per table); left out otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    /// The input ended its worker process (killed at the time limit, over
    /// its memory cap, or died): an `--incremental` run does not read the
    /// same bytes again but carries the error over (`skipped`). Left out
    /// when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub lost_worker: bool,
    /// The input's file name was too long for its output names: the stem
    /// was cut and ends with `~` and 16 hex digits of its SHA-256 (see
    /// `output`). Left out when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub name_shortened: bool,
    /// `tables --format csv`: each table file with the number of printed
    /// header rows merged into its one header line; left out otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table_files: Vec<TableFileEntry>,
}

/// The bytes of `path` in lower-case hex when it is not valid UTF-8
/// (`None` when it is).
pub fn path_hex(path: &std::path::Path) -> Option<String> {
    if path.to_str().is_some() {
        return None;
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut hex = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        hex.push_str(&format!("{b:02x}"));
    }
    Some(hex)
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One table file of a `tables --format csv` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableFileEntry {
    /// The file, relative to the output folder (one of `outputs`).
    pub file: String,
    /// How many printed header rows the table has; the file's first line
    /// merges them per column (a spanning label repeated over its
    /// columns), so the file always has exactly one header line.
    pub header_rows: usize,
    /// Body rows: the lines after the header line.
    pub rows: usize,
}

/// The table finder's overrides of a run, as the manifest records them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Finder {
    /// `--pages` as given back by the page set (`1,3-5,8-`); `null`: every
    /// page.
    pub pages: Option<String>,
    /// `--area` boxes, in order.
    #[serde(default)]
    pub areas: Vec<FinderArea>,
    /// `--columns` separators (PDF points).
    #[serde(default)]
    pub columns: Vec<f64>,
    /// `--strategy`: `auto`, `ruled` or `text`.
    #[serde(default = "auto")]
    pub strategy: String,
}

fn auto() -> String {
    plantab::Strategy::Auto.name().to_string()
}

/// One `--area` box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FinderArea {
    /// The 1-based page it applies to; `null`: every page.
    pub page: Option<u32>,
    /// The box, `[x0, y0, x1, y1]` in PDF points, origin bottom left.
    pub bbox: [f64; 4],
}

impl Finder {
    /// The record of `o`.
    pub fn of(o: &plantab::Overrides) -> Finder {
        Finder {
            pages: o.pages.as_ref().map(|p| p.to_string()),
            areas: o
                .areas
                .iter()
                .map(|a| FinderArea {
                    page: a.page,
                    bbox: [a.x0, a.y0, a.x1, a.y1],
                })
                .collect(),
            columns: o.columns.clone(),
            strategy: o.strategy.name().to_string(),
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Entry {
    /// An `ok` entry for `path` with nothing counted yet, and the facts
    /// about its bytes when it was read.
    pub fn ok(path: String) -> Entry {
        Entry {
            path,
            path_hex: None,
            sha256: None,
            bytes: None,
            format: None,
            status: Status::Ok,
            skipped: false,
            error_code: None,
            error_message: None,
            records: 0,
            warnings: 0,
            seconds: 0.0,
            output: None,
            tables: 0,
            outputs: Vec::new(),
            lost_worker: false,
            name_shortened: false,
            table_files: Vec::new(),
        }
    }

    /// An entry for the input at `path`: `path` as text, and its bytes in
    /// hex when it is not valid UTF-8 (see [`Entry::path_hex`]).
    pub fn of_path(path: &std::path::Path) -> Entry {
        let mut e = Entry::ok(path.to_string_lossy().into_owned());
        e.path_hex = path_hex(path);
        e
    }

    /// What identifies the input across runs: `path`, and `path_hex` when
    /// there is one.
    pub fn key(&self) -> (String, Option<String>) {
        (self.path.clone(), self.path_hex.clone())
    }

    /// An error entry for `path` without facts about its bytes.
    pub fn failed(path: String, code: ErrorCode, message: String, seconds: f64) -> Entry {
        let mut e = Entry::ok(path);
        e.fail(code, message);
        e.seconds = seconds;
        e
    }

    /// Marks the entry failed with `error` (see [`Entry::fail`]).
    pub fn set_error(&mut self, error: &FileError) {
        self.fail(error.code(), error.message());
        self.lost_worker = error.lost_worker();
    }

    /// Marks the entry failed: the code and message, no counts, no output.
    /// Facts about the bytes read are kept.
    pub fn fail(&mut self, code: ErrorCode, message: String) {
        self.status = Status::Error;
        self.error_code = Some(code);
        self.error_message = Some(message);
        self.records = 0;
        self.warnings = 0;
        self.output = None;
    }

    /// Whether the status is `ok`.
    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }
}

impl Totals {
    /// Totals over `entries`.
    pub fn over<'a>(
        inputs: usize,
        entries: impl Iterator<Item = &'a Entry>,
        seconds: f64,
    ) -> Totals {
        let mut t = Totals {
            inputs,
            seconds: round3(seconds),
            ..Totals::default()
        };
        for e in entries {
            if e.is_ok() {
                t.ok += 1;
                t.records += e.records;
                t.warnings += e.warnings;
                t.tables += e.tables;
            } else {
                t.failed += 1;
            }
            if e.skipped {
                t.skipped += 1;
            }
        }
        t
    }
}

/// Rounds seconds to milliseconds, for a readable manifest.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A manifest that could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The file could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The manifest.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a manifest this version reads.
    #[error("cannot parse {}", path.display())]
    Parse {
        /// The manifest.
        path: PathBuf,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
}

/// The version of plantab that wrote a manifest, when the text is a
/// manifest of any shape: `--incremental` ignores the manifests of other
/// versions rather than failing on a shape it does not know.
pub(crate) fn written_by(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Version {
        plantab_version: String,
    }
    serde_json::from_str::<Version>(text)
        .ok()
        .map(|v| v.plantab_version)
}

/// `t` as RFC 3339 in UTC with whole seconds (`2026-11-23T11:42:52Z`).
pub fn rfc3339(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        // 2000-02-29 (leap day) 12:34:56 = 951827696
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(951_827_696)),
            "2000-02-29T12:34:56Z"
        );
        // 2026-12-31T23:59:59Z = 1798761599
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(1_798_761_599)),
            "2026-12-31T23:59:59Z"
        );
    }
}
