//! The `plantab` binary end to end: outputs, formats, bad input and exit
//! codes.

mod common;

use common::{bin, repo, run, stderr};
use std::path::PathBuf;

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("cli", name)
}

#[test]
fn extract_folder_writes_one_json_per_input() {
    let out = tmpdir("folder");
    let o = run(bin()
        .arg("extract")
        .arg(repo().join("fixtures/text"))
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let seed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("000_10d08a98e15f6a96.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(seed["records"].as_array().unwrap().len(), 46);
    assert!(
        out.join("env_progress_update.json").exists(),
        "own/ recursed into"
    );
    let err = stderr(&o);
    assert!(err.contains("file(s) ok, 0 failed"), "{err}");
    // Nothing half-written is left behind.
    assert!(std::fs::read_dir(&out).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tmp")));
}

#[test]
fn bad_inputs_are_named_and_do_not_stop_the_batch() {
    let dir = tmpdir("bad");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("binary.txt"), [0u8, 1, 2, 3, 255, 0, 7, 8]).unwrap();
    std::fs::write(dir.join("broken.pdf"), b"%PDF-1.7\n1 0 obj <<").unwrap();
    let good = repo().join("fixtures/text/own/transport_delivery_plan.txt");
    let out = dir.join("out");
    let o = run(bin()
        .arg("extract")
        .arg(dir.join("empty.txt"))
        .arg(dir.join("binary.txt"))
        .arg(dir.join("broken.pdf"))
        .arg(dir.join("missing.txt"))
        .arg(&good)
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("empty.txt: empty"), "{err}");
    assert!(err.contains("binary.txt: not_text"), "{err}");
    assert!(
        err.contains("broken.pdf: malformed") || err.contains("broken.pdf: "),
        "{err}"
    );
    assert!(err.contains("missing.txt: io"), "{err}");
    assert!(err.contains("1 file(s) ok, 4 failed"), "{err}");
    assert!(out.join("transport_delivery_plan.json").exists());
    assert!(
        !out.join("empty.json").exists(),
        "a failed input leaves no output"
    );
}

#[test]
fn ndjson_and_csv_streams() {
    let f = repo().join("fixtures/text/own/env_progress_update.txt");
    let o = run(bin().arg("extract").arg(&f).arg("--format").arg("ndjson"));
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["id"], "ENV 1.1");
    assert!(lines[0]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("env_progress_update.txt"));
    assert_eq!(lines[0]["document"]["kind"], "progress_report");

    let out = tmpdir("csv");
    let o = run(bin()
        .arg("extract")
        .arg(&f)
        .arg("--format")
        .arg("csv")
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0));
    let csv = std::fs::read_to_string(out.join("records.csv")).unwrap();
    let mut rows = csv.lines();
    let header = rows.next().unwrap();
    assert!(header.contains("status_code"), "{header}");
    let path = f.to_string_lossy();
    assert_eq!(
        csv.lines().filter(|l| l.starts_with(path.as_ref())).count(),
        7
    );
}

#[test]
fn schema_and_usage() {
    let o = run(bin().arg("schema"));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let o = run(bin().arg("extract"));
    assert_eq!(o.status.code(), Some(2));
    let o = run(bin().arg("extract").arg("--format").arg("xml").arg("x"));
    assert_eq!(o.status.code(), Some(2));
    let o = run(bin().arg("--help"));
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Exit codes"));
}

#[test]
fn same_stem_inputs_get_distinct_outputs() {
    let dir = tmpdir("stems");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let src = repo().join("fixtures/text/own/mismatch_progress_report.txt");
    std::fs::copy(&src, dir.join("a/report.txt")).unwrap();
    std::fs::copy(&src, dir.join("b/report.md")).unwrap();
    let out = dir.join("out");
    let o = run(bin()
        .arg("extract")
        .arg(dir.join("a"))
        .arg(dir.join("b"))
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("report.json").exists());
    assert!(out.join("report.md.json").exists());
}

#[test]
fn debug_dumps_the_layout() {
    let f = repo().join("fixtures/text/own/mismatch_progress_report.txt");
    let o = run(bin().arg("debug").arg(&f).arg("--stage").arg("tables"));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["type"] == "table"));
}

#[test]
fn debug_shows_what_the_pdf_reader_saw_on_a_page() {
    let f = repo().join("fixtures/pdf/000_10d08a98e15f6a96.pdf");
    let o = run(bin().arg("debug").arg(&f).arg("--page").arg("3"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("page 3 of 17"), "{text}");
    assert!(text.contains("column bounds"), "{text}");
    assert!(
        text.contains("\"December Revised date if delayed\""),
        "{text}"
    );
    assert!(text.contains("31-Dec"), "{text}");
    let o = run(bin().arg("debug").arg(&f).arg("--page").arg("99"));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("page 99 does not exist"),
        "{}",
        stderr(&o)
    );
}
