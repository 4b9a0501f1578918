//! `--incremental`: what the previous run in the output folder left that
//! can be kept. An input whose path, SHA-256 and plantab version match an
//! `ok` entry of the previous manifest (a checkpoint counts) of the same
//! command and format, and whose output file is still there, is not
//! converted again: its output is kept and its entry carried over with
//! `skipped: true`.

use crate::atomic::OutputDir;
use crate::kind::Kind;
use crate::manifest::{written_by, Entry, Manifest, ManifestError, MANIFEST_NAME};
use std::collections::HashMap;

/// The previous run's `ok` entries by path.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    entries: HashMap<String, Entry>,
}

impl Previous {
    /// Nothing to keep.
    pub fn none() -> Previous {
        Previous::default()
    }

    /// The previous manifest in `dir`, when it was written by this plantab
    /// version for the same kind of run (else nothing to keep). No
    /// manifest is nothing to keep; one that cannot be read is an error.
    pub fn load(dir: &OutputDir, kind: Kind) -> Result<Previous, ManifestError> {
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
        if m.plantab_version != version || m.command != kind.command() || m.format != kind.format()
        {
            return Ok(Previous::none());
        }
        Ok(Previous {
            entries: m
                .inputs
                .into_iter()
                .filter(Entry::is_ok)
                .map(|e| (e.path.clone(), e))
                .collect(),
        })
    }

    /// The previous `ok` entry of the input at `path` whose output `name`
    /// it wrote and which is still in `dir`: the input is unchanged, and
    /// the entry kept, when its bytes still have the entry's `sha256`.
    pub fn kept(&self, path: &str, name: &str, dir: &OutputDir) -> Option<&Entry> {
        let prev = self.entries.get(path)?;
        (prev.output.as_deref() == Some(name) && prev.sha256.is_some() && dir.has_file(name))
            .then_some(prev)
    }
}
