//! `--incremental`: what the previous run in the output folder left that
//! can be kept. An input whose path, SHA-256 and plantab version match an
//! `ok` entry of the previous manifest (a checkpoint counts) of the same
//! command, format and table finder overrides (`--pages`, `--area`,
//! `--columns`, `--strategy`), and whose output file is still there, is not
//! converted again: its output is kept and its entry carried over with
//! `skipped: true`.
//!
//! An input that ended its worker process last time (`lost_worker`: killed
//! at the time limit, over its memory cap, dead) and whose bytes have not
//! changed is not handed to a worker again either: its error is carried
//! over, `skipped` (one hostile file costs one night, not every night).

use crate::atomic::OutputDir;
use crate::kind::Kind;
use crate::manifest::{written_by, Entry, Finder, Manifest, ManifestError, MANIFEST_NAME};
use std::collections::HashMap;

/// The previous run's `ok` entries, and those that lost their worker, by
/// path.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    entries: HashMap<(String, Option<String>), Entry>,
}

impl Previous {
    /// Nothing to keep.
    pub fn none() -> Previous {
        Previous::default()
    }

    /// The previous manifest in `dir`, when it was written by this plantab
    /// version for the same kind of run with the same finder overrides
    /// and `--fiscal-year-start`
    /// (else nothing to keep: the outputs would differ). No manifest is
    /// nothing to keep; one that cannot be read is an error.
    pub fn load(
        dir: &OutputDir,
        kind: Kind,
        finder: &Finder,
        fiscal_year_start: Option<u32>,
    ) -> Result<Previous, ManifestError> {
        let path = dir.path().join(MANIFEST_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Previous::none()),
            Err(source) => return Err(ManifestError::Read { path, source }),
        };
        let version = env!("CARGO_PKG_VERSION");
        let m: Manifest = match serde_json::from_str(&text) {
            Ok(m) => m,
            // Another version's manifest may have another shape.
            Err(_) if written_by(&text).is_some_and(|v| v != version) => {
                return Ok(Previous::none())
            }
            Err(source) => return Err(ManifestError::Parse { path, source }),
        };
        if m.plantab_version != version
            || m.command != kind.command()
            || m.format != kind.format()
            || m.finder != *finder
            || m.fiscal_year_start != fiscal_year_start
        {
            return Ok(Previous::none());
        }
        Ok(Previous {
            entries: m
                .inputs
                .into_iter()
                .filter(|e| e.is_ok() || (e.lost_worker && e.sha256.is_some()))
                .map(|e| (e.key(), e))
                .collect(),
        })
    }

    /// The previous `ok` entry of the input at `path` whose output `name`
    /// it wrote and which is still in `dir`: the input is unchanged, and
    /// the entry kept, when its bytes still have the entry's `sha256`.
    pub fn kept(
        &self,
        key: &(String, Option<String>),
        name: &str,
        dir: &OutputDir,
    ) -> Option<&Entry> {
        let prev = self.entries.get(key)?;
        (prev.is_ok()
            && prev.output.as_deref() == Some(name)
            && prev.sha256.is_some()
            && dir.has_file(name))
        .then_some(prev)
    }

    /// The previous entry of the input at `path` when it lost its worker:
    /// the input is not read again, and the error carried over, when its
    /// bytes still have the entry's `sha256`.
    pub fn lost(&self, key: &(String, Option<String>)) -> Option<&Entry> {
        self.entries
            .get(key)
            .filter(|e| !e.is_ok() && e.lost_worker && e.sha256.is_some())
    }
}
