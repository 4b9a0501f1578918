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
    /// `extract`: the analyst tables, `records.csv`, `statuses.csv` and
    /// `documents.csv` for the run (stdout: `records.csv` only); `tables`:
    /// one file per table and one long `tables.csv` of every cell.
    Csv,
    /// `extract`: the first CSV layout (`fields.<key>` columns, `pages`
    /// joined by `;`), one `records.csv` for the run, kept unchanged for
    /// scripts written against it.
    #[serde(rename = "flat-csv")]
    FlatCsv,
    /// Markdown tables (`tables`).
    Md,
    /// One workbook for the run: `extract`: `plantab.xlsx` with sheets
    /// documents, records, statuses; `tables`: `tables.xlsx` with a
    /// documents sheet and one sheet per table.
    Xlsx,
}

impl Format {
    /// Every format, in the order of the command line's list.
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::FlatCsv,
        Format::Md,
        Format::Xlsx,
    ];

    /// The name on the command line and in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::FlatCsv => "flat-csv",
            Format::Md => "md",
            Format::Xlsx => "xlsx",
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
    /// not write (`extract` has no `md`, `tables` no `ndjson` or `flat-csv`).
    pub fn new(command: Command, format: Format) -> Result<Kind, BatchError> {
        match (command, format) {
            (Command::Extract, Format::Md)
            | (Command::Tables, Format::Ndjson | Format::FlatCsv) => {
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
            (Command::Extract, Format::Json)
                | (Command::Tables, Format::Json | Format::Csv | Format::Md)
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
            // Stdout takes one table: the records.
            (Command::Extract, Format::Csv) if !to_dir => {
                vec![stream("records.csv", StreamFormat::RecordsCsv)]
            }
            (Command::Extract, Format::Csv) => vec![
                stream("records.csv", StreamFormat::RecordsCsv),
                stream("statuses.csv", StreamFormat::StatusesCsv),
                stream("documents.csv", StreamFormat::DocumentsCsv),
            ],
            (Command::Extract, Format::FlatCsv) => {
                vec![stream("records.csv", StreamFormat::FlatRecordsCsv)]
            }
            (Command::Extract, Format::Xlsx) => {
                vec![stream("plantab.xlsx", StreamFormat::RecordsXlsx)]
            }
            (Command::Tables, Format::Xlsx) => {
                vec![stream("tables.xlsx", StreamFormat::TablesXlsx)]
            }
            (Command::Tables, Format::Csv) if to_dir => {
                vec![stream("tables.csv", StreamFormat::TableCellsCsv)]
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

    /// Whether the output cannot go to stdout (several files per input, or
    /// a workbook: binary).
    pub fn needs_output_dir(self) -> bool {
        self.table_files() || self.format == Format::Xlsx
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
    /// `records.csv`: one row per record, one header for the run (written
    /// at the end: the `field_<key>` columns depend on every document, see
    /// `plantab_output::sheets`).
    RecordsCsv,
    /// `statuses.csv`: one row per record and status entry.
    StatusesCsv,
    /// `documents.csv`: one row per input converted.
    DocumentsCsv,
    /// `tables.csv`: one row per printed cell of every table.
    TableCellsCsv,
    /// The first CSV layout (`--format flat-csv`), one header for the run
    /// (written at the end, see `plantab_output::csv`).
    FlatRecordsCsv,
    /// `plantab.xlsx`: sheets documents, records, statuses (written at the
    /// end).
    RecordsXlsx,
    /// `tables.xlsx`: a documents sheet and one sheet per table (written
    /// at the end).
    TablesXlsx,
    /// Markdown tables, one input after another.
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_schema_lists_every_format() {
        let schema: serde_json::Value = serde_json::from_str(include_str!(
            "../../../schemas/plantab-manifest.schema.json"
        ))
        .unwrap();
        let listed: Vec<&str> = schema["properties"]["format"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        assert_eq!(listed, ours);
        for f in Format::ALL {
            let serde_name = serde_json::to_value(f).unwrap();
            assert_eq!(serde_name.as_str(), Some(f.as_str()));
        }
    }

    #[test]
    fn kinds() {
        assert!(Kind::new(Command::Extract, Format::Md).is_err());
        assert!(Kind::new(Command::Tables, Format::Ndjson).is_err());
        let k = |c, f| Kind::new(c, f).unwrap();
        assert!(k(Command::Extract, Format::Json).incremental_ok());
        assert!(!k(Command::Extract, Format::Csv).per_file());
        let spec = |file, format| vec![StreamSpec { file, format }];
        let files = |kind: Kind| -> Vec<_> {
            kind.streams(true)
                .iter()
                .map(|s| (s.file.unwrap(), s.format))
                .collect()
        };
        assert_eq!(
            files(k(Command::Extract, Format::Csv)),
            [
                ("records.csv", StreamFormat::RecordsCsv),
                ("statuses.csv", StreamFormat::StatusesCsv),
                ("documents.csv", StreamFormat::DocumentsCsv)
            ]
        );
        assert_eq!(
            k(Command::Extract, Format::Csv).streams(false),
            spec(None, StreamFormat::RecordsCsv)
        );
        assert_eq!(
            files(k(Command::Extract, Format::FlatCsv)),
            [("records.csv", StreamFormat::FlatRecordsCsv)]
        );
        assert_eq!(
            files(k(Command::Extract, Format::Xlsx)),
            [("plantab.xlsx", StreamFormat::RecordsXlsx)]
        );
        assert_eq!(
            files(k(Command::Tables, Format::Xlsx)),
            [("tables.xlsx", StreamFormat::TablesXlsx)]
        );
        assert_eq!(
            files(k(Command::Tables, Format::Csv)),
            [("tables.csv", StreamFormat::TableCellsCsv)]
        );
        assert!(Kind::new(Command::Tables, Format::FlatCsv).is_err());
        assert!(k(Command::Extract, Format::Xlsx).needs_output_dir());
        assert!(k(Command::Tables, Format::Xlsx).needs_output_dir());
        assert!(!k(Command::Tables, Format::Xlsx).per_file());
        assert_eq!(
            serde_json::to_string(&Format::FlatCsv).unwrap(),
            "\"flat-csv\""
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
