//! A run through a [`Runner`] of the test's own (as a runner of worker
//! processes would be): inputs finishing out of order still reach the
//! stream, the observer's error lines and the manifest in input order;
//! a runner's error is that input's entry; the report counts them.

use plantab_batch::runner::{Converted, Facts, Ran, Task};
use plantab_batch::work::{Files, Made, Work};
use plantab_batch::{
    Batch, Command, Entry, FileError, Format, Kind, Manifest, Observer, Runner, Status,
};
use plantab_model::{ErrorCode, SourceFormat};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Echoes each file's text as its chunk, after a delay that makes later
/// inputs finish first; a file whose text is `fail` is a read error.
struct Echo;

impl Runner for Echo {
    fn run(&self, _work: &Work, task: &Task<'_>) -> Ran {
        let text = std::fs::read_to_string(task.file).unwrap_or_default();
        let n: u64 = text.trim().parse().unwrap_or(0);
        std::thread::sleep(Duration::from_millis((20 - n % 20) * 2));
        if text.trim() == "fail" {
            return Ran {
                facts: None,
                result: Err(FileError::Read(std::io::Error::other("the test says so"))),
            };
        }
        Ran {
            facts: Some(Facts {
                sha256: format!("{n:064x}"),
                bytes: text.len() as u64,
                format: SourceFormat::Text,
            }),
            result: Ok(Converted::Made(Made {
                records: 1,
                warnings: 0,
                tables: 0,
                files: Files::None,
                chunks: vec![format!("{{\"n\":{n}}}\n").into_bytes()],
            })),
        }
    }
}

#[derive(Default)]
struct Seen {
    started: Option<usize>,
    finished: usize,
    failed: Vec<String>,
}

impl Observer for Seen {
    fn started(&mut self, inputs: usize) {
        self.started = Some(inputs);
    }
    fn finished(&mut self, _entry: &Entry) {
        self.finished += 1;
    }
    fn failed(&mut self, entry: &Entry) {
        self.failed.push(entry.path.clone());
    }
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantab-batch-run-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn name(p: &str) -> String {
    Path::new(p)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_runner_of_its_own_keeps_input_order() {
    let dir = tmpdir("order");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    for i in 0..40 {
        let text = if i % 13 == 5 {
            "fail".to_string()
        } else {
            i.to_string()
        };
        std::fs::write(inp.join(format!("f{i:02}.txt")), text).unwrap();
    }
    let out = dir.join("out");
    let batch = Batch {
        paths: vec![inp.clone()],
        files_from: None,
        globs: Vec::new(),
        output: Some(out.clone()),
        jobs: Some(4),
        timeout: None,
        incremental: false,
        kind: Kind::new(Command::Extract, Format::Ndjson).unwrap(),
        overrides: Default::default(),
        follow_links: false,
        password: None,
        fiscal_year_start: None,
    };
    let mut seen = Seen::default();
    let report = plantab_batch::run_with(&batch, &Echo, &mut seen).unwrap();
    assert_eq!(seen.started, Some(40));
    assert_eq!(seen.finished, 40);
    let failing = ["f05.txt", "f18.txt", "f31.txt"];
    assert_eq!(
        seen.failed.iter().map(|p| name(p)).collect::<Vec<_>>(),
        failing,
        "error lines in input order"
    );
    assert_eq!(report.totals.ok, 37);
    assert_eq!(report.totals.failed, 3);
    assert_eq!(report.totals.records, 37);
    assert!(!report.output_error && !report.unfinished);

    let stream = std::fs::read_to_string(out.join("records.ndjson")).unwrap();
    let ns: Vec<String> = stream.lines().map(str::to_string).collect();
    let expected: Vec<String> = (0..40)
        .filter(|i| i % 13 != 5)
        .map(|i| format!("{{\"n\":{i}}}"))
        .collect();
    assert_eq!(ns, expected, "the stream in input order");

    let m: Manifest =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert!(m.complete);
    assert_eq!((m.command, m.format), (Command::Extract, Format::Ndjson));
    let names: Vec<String> = m.inputs.iter().map(|e| name(&e.path)).collect();
    let sorted: Vec<String> = (0..40).map(|i| format!("f{i:02}.txt")).collect();
    assert_eq!(names, sorted, "manifest entries in input order");
    let bad = m
        .inputs
        .iter()
        .find(|e| e.path.ends_with("f18.txt"))
        .unwrap();
    assert_eq!(bad.status, Status::Error);
    assert_eq!(bad.error_code, Some(ErrorCode::Io));
    assert_eq!(
        bad.error_message.as_deref(),
        Some("cannot read: the test says so")
    );
    assert_eq!(bad.sha256, None);
    let good = m
        .inputs
        .iter()
        .find(|e| e.path.ends_with("f07.txt"))
        .unwrap();
    assert_eq!(good.output.as_deref(), Some("records.ndjson"));
    assert_eq!(good.sha256.as_deref(), Some(format!("{:064x}", 7).as_str()));
    assert_eq!(good.format, Some(SourceFormat::Text));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_are_errors_of_the_run() {
    let kind = |c, f| Kind::new(c, f).unwrap();
    let batch = |kind, output: Option<PathBuf>, incremental| Batch {
        paths: vec![PathBuf::from("x")],
        files_from: None,
        globs: Vec::new(),
        output,
        jobs: None,
        timeout: None,
        incremental,
        kind,
        overrides: Default::default(),
        follow_links: false,
        password: None,
        fiscal_year_start: None,
    };
    let e = plantab_batch::run(
        &batch(kind(Command::Extract, Format::Csv), None, true),
        &mut Seen::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "--incremental needs -o DIR and --format json (per-file outputs to keep)"
    );
    let e = plantab_batch::run(
        &batch(kind(Command::Tables, Format::Csv), None, false),
        &mut Seen::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "--format csv needs -o DIR (it writes one file per table)"
    );
    let mut b = batch(kind(Command::Extract, Format::Json), None, false);
    b.globs = vec!["*.{pdf".into()];
    assert!(plantab_batch::run(&b, &mut Seen::default()).is_err());
    let mut b = batch(kind(Command::Extract, Format::Json), None, false);
    b.paths.clear();
    let e = plantab_batch::run(&b, &mut Seen::default()).unwrap_err();
    assert_eq!(e.to_string(), "no input paths given");
}
