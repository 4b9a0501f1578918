//! What a run makes of each input: the [`Command`] (records or tables) and
//! the output [`Format`], checked together as a [`Kind`]. The manifest
//! records both, and `--incremental` only trusts a manifest of the same
//! kind.

use crate::error::BatchError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The command of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// `plantab extract`: records.
    #[default]
    Extract,
    /// `plantab tables`: every table as printed, no records.
    Tables,
}

impl Command {
    /// The name on the command line and in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Command::Extract => "extract",
            Command::Tables => "tables",
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Whole documents (one file per input, or one document / an array on
    /// stdout).
    Json,
    /// One record a line (`extract`).
    Ndjson,
    /// `extract`: records flattened, one file for the run; `tables`: one
    /// file per table.
    Csv,
    /// Markdown tables (`tables`).
    Md,
}

impl Format {
    /// The name on the command line and in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Md => "md",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A command with a format it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kind {
    command: Command,
    format: Format,
}

impl Kind {
    /// `command` writing `format`; an error for a format the command does
    /// not write (`extract` has no `md`, `tables` no `ndjson`).
    pub fn new(command: Command, format: Format) -> Result<Kind, BatchError> {
        match (command, format) {
            (Command::Extract, Format::Md) | (Command::Tables, Format::Ndjson) => {
                Err(BatchError::FormatNotFor { command, format })
            }
            _ => Ok(Kind { command, format }),
        }
    }

    /// The command.
    pub fn command(self) -> Command {
        self.command
    }

    /// The format.
    pub fn format(self) -> Format {
        self.format
    }

    /// With an output folder, each input has files of its own (else the
    /// run writes streamed files only).
    pub fn per_file(self) -> bool {
        matches!(
            (self.command, self.format),
            (Command::Extract, Format::Json) | (Command::Tables, _)
        )
    }

    /// Per-file output: one file per table (not one per input).
    pub fn table_files(self) -> bool {
        (self.command, self.format) == (Command::Tables, Format::Csv)
    }

    /// The run's streamed outputs, in order: each input's part of each is
    /// made where the input is converted ([`Made::chunks`](crate::work::Made))
    /// and written in input order. With an output folder (`to_dir`), the
    /// per-file formats have none.
    pub fn streams(self, to_dir: bool) -> Vec<StreamSpec> {
        let stream = |file: &'static str, format| StreamSpec {
            file: to_dir.then_some(file),
            format,
        };
        match (self.command, self.format) {
            (Command::Extract, Format::Ndjson) => {
                vec![stream("records.ndjson", StreamFormat::Ndjson)]
            }
            (Command::Extract, Format::Csv) => {
                vec![stream("records.csv", StreamFormat::RecordsCsv)]
            }
            _ if to_dir && self.per_file() => Vec::new(),
            (_, Format::Json) => vec![stream("", StreamFormat::Json)],
            (_, Format::Md) => vec![stream("", StreamFormat::Markdown)],
            // `tables --format csv` needs a folder (see `needs_output_dir`).
            _ => Vec::new(),
        }
    }

    /// Whether `--incremental` can be used: one output file per input.
    pub fn incremental_ok(self) -> bool {
        self.per_file() && !self.table_files()
    }

    /// Whether the output cannot go to stdout (several files per input).
    pub fn needs_output_dir(self) -> bool {
        self.table_files()
    }

    /// The per-file output name from the input's `<stem>.json` name (see
    /// [`names::output_names`](crate::names::output_names)).
    pub fn output_name(self, json_name: String) -> String {
        match self.format {
            Format::Md => match json_name.strip_suffix(".json") {
                Some(stem) => format!("{stem}.md"),
                None => json_name,
            },
            _ => json_name,
        }
    }
}

/// One streamed output of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamSpec {
    /// Its file in the output folder; `None`: stdout.
    pub file: Option<&'static str>,
    /// What it holds.
    pub format: StreamFormat,
}

/// What a streamed output holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    /// Documents: the bare document for a run of one input, else an array.
    Json,
    /// Records, one JSON object a line.
    Ndjson,
    /// Records flattened, one header for the run (written at the end: the
    /// columns depend on every document, see `plantab_output::csv`).
    RecordsCsv,
    /// Markdown tables, one input after another.
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert!(Kind::new(Command::Extract, Format::Md).is_err());
        assert!(Kind::new(Command::Tables, Format::Ndjson).is_err());
        let k = |c, f| Kind::new(c, f).unwrap();
        assert!(k(Command::Extract, Format::Json).incremental_ok());
        assert!(!k(Command::Extract, Format::Csv).per_file());
        let spec = |file, format| vec![StreamSpec { file, format }];
        assert_eq!(
            k(Command::Extract, Format::Csv).streams(true),
            spec(Some("records.csv"), StreamFormat::RecordsCsv)
        );
        assert_eq!(
            k(Command::Extract, Format::Ndjson).streams(false),
            spec(None, StreamFormat::Ndjson)
        );
        assert!(k(Command::Extract, Format::Json).streams(true).is_empty());
        assert_eq!(
            k(Command::Tables, Format::Json).streams(false),
            spec(None, StreamFormat::Json)
        );
        assert_eq!(
            k(Command::Tables, Format::Md).streams(false),
            spec(None, StreamFormat::Markdown)
        );
        assert!(k(Command::Tables, Format::Md).incremental_ok());
        assert!(!k(Command::Tables, Format::Csv).incremental_ok());
        assert!(k(Command::Tables, Format::Csv).needs_output_dir());
        assert_eq!(
            k(Command::Tables, Format::Md).output_name("a.b.json".into()),
            "a.b.md"
        );
        assert_eq!(
            serde_json::to_string(&(Command::Tables, Format::Md)).unwrap(),
            "[\"tables\",\"md\"]"
        );
    }
}
