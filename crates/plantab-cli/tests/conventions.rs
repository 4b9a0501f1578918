//! The command-line conventions users of camelot, tabula and ripgrep
//! expect, and the set-up a new user goes through: `--password`, `-` for
//! stdin, a closed stdout, runs that find no inputs, files named `.pdf`
//! that are something else, an output folder that cannot be written,
//! `--jobs 0`, output names that differ only in case, `--help` examples,
//! the workspace's default members and the README's install lines.

mod common;

use common::{bin, corpus_file, repo, run, stderr};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("conventions", name)
}

fn locked(name: &str) -> PathBuf {
    repo().join("fixtures/pdf/locked").join(name)
}

/// The record ids of a JSON document printed on stdout.
fn ids(stdout: &[u8]) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_slice(stdout).expect("a JSON document");
    doc["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The ids printed in `fixtures/pdf/reader/harbours_plan.pdf`'s Ref
/// column (wrapped as `HB-` over `A.01`), read off the page with
/// `pdftotext -layout` (the locked copies are the same file).
const HARBOUR_IDS: [&str; 6] = ["HB-A", "HB-A.01", "HB-A.02", "HB-B", "HB-B.01", "HB-B.02"];

#[test]
fn password_opens_protected_pdfs_and_a_wrong_or_missing_one_is_named() {
    let plain = run(bin()
        .arg("extract")
        .arg(repo().join("fixtures/pdf/reader/harbours_plan.pdf")));
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let plain_ids = ids(&plain.stdout);
    assert_eq!(plain_ids, HARBOUR_IDS, "the plain file's Ref column");
    for file in [
        "harbours_plan_locked_rc4.pdf",
        "harbours_plan_locked_aes256.pdf",
    ] {
        // No password: `encrypted`, saying how to give one.
        let o = run(bin()
            .arg("extract")
            .arg(locked(file))
            .env_remove("PLANTAB_PASSWORD"));
        assert_eq!(o.status.code(), Some(1), "{file}");
        let err = stderr(&o);
        assert!(err.contains(": encrypted: "), "{err}");
        assert!(err.contains("--password"), "{err}");
        // The user password, the owner password, and the environment.
        for args in [
            vec!["--password", "harbour"],
            vec!["--password", "owner-harbour"],
        ] {
            let o = run(bin().arg("extract").arg(locked(file)).args(&args));
            assert_eq!(o.status.code(), Some(0), "{file} {args:?}: {}", stderr(&o));
            assert_eq!(ids(&o.stdout), plain_ids, "{file} {args:?}");
        }
        let o = run(bin()
            .arg("extract")
            .arg(locked(file))
            .env("PLANTAB_PASSWORD", "harbour"));
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        assert_eq!(ids(&o.stdout), plain_ids);
        // A wrong one: its own code, in the manifest too.
        let out = tmpdir(&format!("wrong-{file}"));
        let o = run(bin()
            .arg("extract")
            .arg(locked(file))
            .args(["--password", "nope", "-o"])
            .arg(&out));
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(": wrong_password: "), "{}", stderr(&o));
        let m: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap())
                .unwrap();
        assert_eq!(m["inputs"][0]["error_code"], "wrong_password");
    }
    // A file that is not encrypted reads the same with a password given.
    let o = run(bin()
        .arg("extract")
        .arg(repo().join("fixtures/pdf/reader/harbours_plan.pdf"))
        .args(["--password", "anything"]));
    assert_eq!(ids(&o.stdout), plain_ids);
    // `debug` takes it too.
    let o = run(bin()
        .args(["debug", "--page", "2", "--password", "harbour"])
        .arg(locked("harbours_plan_locked_aes256.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Dredge"));
    // `--help` never prints the environment's password.
    let o = run(bin()
        .args(["extract", "--help"])
        .env("PLANTAB_PASSWORD", "s3cret-value"));
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("PLANTAB_PASSWORD") && !help.contains("s3cret-value"));
}

#[test]
fn pdfplumbers_password_example_reads_with_its_password() {
    let Some(pdf) = corpus_file("external/pdfplumber/password-example.pdf") else {
        return;
    };
    let o = run(bin().arg("tables").arg(&pdf).env_remove("PLANTAB_PASSWORD"));
    assert!(stderr(&o).contains(": encrypted: "), "{}", stderr(&o));
    let o = run(bin()
        .arg("tables")
        .arg(&pdf)
        .args(["--format", "md", "--password", "test"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Page 1 reads "Recommended solution for:" above a list of sectors.
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("Recommended solution for"), "{md}");
    let o = run(bin().arg("extract").arg(&pdf).args(["--password", "test"]));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["source"]["pages"], 4);
}

#[test]
fn dash_reads_one_input_from_stdin() {
    let file = repo().join("fixtures/text/000_10d08a98e15f6a96.txt");
    let by_path = run(bin().arg("extract").arg(&file));
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || stdin.write_all(&bytes));
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["source"]["path"], "-");
    assert_eq!(ids(&o.stdout), ids(&by_path.stdout));
    assert_eq!(ids(&o.stdout).len(), 46);
    // Into a folder: `stdin.json`.
    let out = tmpdir("stdin");
    let o = run(bin()
        .args(["extract", "-", "-o"])
        .arg(&out)
        .stdin(std::fs::File::open(&file).unwrap()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("stdin.json").is_file());
    // Standard input is read once.
    let o = run(bin().args(["extract", "-", "--files-from", "-"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input"), "{}", stderr(&o));
}

#[test]
fn a_closed_stdout_ends_quietly_with_exit_0() {
    for args in [
        vec!["extract", "--format", "ndjson"],
        vec!["extract", "--format", "json"],
        vec!["tables", "--format", "md"],
    ] {
        let mut child = bin()
            .args(&args)
            .arg(repo().join("fixtures/text"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -c 0`: the reader goes away before the first byte.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("error"),
            "{args:?}: {err}"
        );
    }
    let mut child = bin()
        .arg("schema")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_run_that_finds_no_inputs_says_so_and_exits_1() {
    let empty = tmpdir("empty");
    let o = run(bin().arg("extract").arg(&empty));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no inputs"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("0 file(s) ok"), "{}", stderr(&o));
    let o = run(bin()
        .arg("tables")
        .arg(repo().join("fixtures/text"))
        .args(["--glob", "*.nothing"]));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("no inputs") && err.contains("--glob *.nothing"),
        "{err}"
    );
    // An empty --files-from list too.
    let list = empty.join("list.txt");
    std::fs::write(&list, "# nothing today\n").unwrap();
    let o = run(bin().arg("extract").arg("--files-from").arg(&list));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no inputs"), "{}", stderr(&o));
}

#[test]
fn a_pdf_name_on_other_bytes_is_malformed_naming_what_it_is() {
    let dir = tmpdir("not-pdf");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "scan.pdf",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
            "a PNG image",
        ),
        (
            "letter.PDF",
            b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0\x13\0[Content_Types].xml\0word/document.xml",
            "a Word document",
        ),
        (
            "error.pdf",
            b"<!DOCTYPE html>\n<html><body>404 Not Found</body></html>",
            "an HTML page",
        ),
        ("photo.pdf", b"\xff\xd8\xff\xe0\0\x10JFIF\0", "a JPEG image"),
        (
            "old.pdf",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0",
            "an old Office document",
        ),
    ];
    for (name, bytes, _) in &cases {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let o = run(bin().arg("extract").arg(&dir));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (name, _, what) in &cases {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported: {err}"));
        assert!(line.contains(": malformed: "), "{line}");
        assert!(line.contains(what), "{line}");
    }
    // The same bytes under a text name are still `not_text` (or text).
    std::fs::write(dir.join("scan.txt"), cases[0].1).unwrap();
    let o = run(bin().arg("extract").arg(dir.join("scan.txt")));
    assert!(stderr(&o).contains(": not_text: "), "{}", stderr(&o));
}

#[test]
fn an_unwritable_output_folder_fails_before_any_input_is_read() {
    // A folder no one can create a file in, even root: `/proc/self`
    // (Linux). Elsewhere a read-only folder would do, but not for root.
    if !Path::new("/proc/self").is_dir() {
        eprintln!("SKIPPED: no /proc/self to stand for an unwritable folder");
        return;
    }
    let input = repo().join("fixtures/text/000_10d08a98e15f6a96.txt");
    let started = std::time::Instant::now();
    let o = run(bin()
        .arg("extract")
        .arg(&input)
        .args(["-o", "/proc/self"])
        // Reading the input would hang: the check must come first.
        .env("PLANTAB_TEST_FAULT", "hang:000_10d08a98e15f6a96"));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(started.elapsed().as_secs() < 30);
    let err = stderr(&o);
    assert!(
        err.contains("cannot write in output folder /proc/self"),
        "{err}"
    );
}

#[test]
fn write_errors_name_the_final_file_not_a_temporary_one() {
    let out = tmpdir("final-name");
    // A folder where the output file should go: the rename fails.
    std::fs::create_dir_all(out.join("000_10d08a98e15f6a96.json")).unwrap();
    let o = run(bin()
        .arg("extract")
        .arg(repo().join("fixtures/text/000_10d08a98e15f6a96.txt"))
        .arg("-o")
        .arg(&out));
    // An output that could not be written: exit 2.
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = err.lines().find(|l| l.contains(": output: ")).unwrap();
    assert!(line.contains("000_10d08a98e15f6a96.json"), "{line}");
    assert!(!line.contains(".tmp"), "{line}");
}

#[test]
fn jobs_0_is_a_clear_usage_error() {
    let o = run(bin().args(["extract", "--jobs", "0", "x.pdf"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("--jobs must be at least 1"), "{err}");
    assert!(!err.contains("4294967295"), "{err}");
    let o = run(bin().args(["tables", "-j", "many", "x.pdf"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a number"), "{}", stderr(&o));
}

#[test]
fn output_names_differing_only_in_case_are_disambiguated() {
    let dir = tmpdir("case");
    let text = std::fs::read(repo().join("fixtures/text/own/transport_delivery_plan.txt")).unwrap();
    for sub in ["a", "b", "c"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("a/Plan.txt"), &text).unwrap();
    std::fs::write(dir.join("b/plan.txt"), &text).unwrap();
    std::fs::write(dir.join("c/MANIFEST.md"), &text).unwrap();
    let out = dir.join("out");
    let o = run(bin()
        .arg("extract")
        .arg(dir.join("a"))
        .arg(dir.join("b"))
        .arg(dir.join("c"))
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The folder's lock file (docs/BATCH.md, one run per folder).
        .filter(|n| n != ".plantab.lock")
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "MANIFEST.md.json",
            "Plan.json",
            "manifest.json",
            "plan.txt.json"
        ]
    );
    let folded: std::collections::HashSet<String> =
        names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(folded.len(), names.len());
}

#[test]
fn every_command_help_has_examples_and_extract_lists_the_csv_columns() {
    for cmd in ["extract", "tables", "debug", "schema"] {
        let o = run(bin().args([cmd, "--help"]));
        assert_eq!(o.status.code(), Some(0));
        let help = String::from_utf8_lossy(&o.stdout);
        assert!(help.contains("Examples:"), "{cmd}: {help}");
        assert!(help.contains(&format!("plantab {cmd} ")), "{cmd}: {help}");
    }
    let o = run(bin().args(["extract", "--help"]));
    let help = String::from_utf8_lossy(&o.stdout);
    let statuses = plantab_output::STATUS_COLUMNS.iter().map(|c| c.to_string());
    for column in plantab_output::records_contract_columns()
        .into_iter()
        .chain(statuses)
    {
        assert!(
            help.split_whitespace().any(|w| w == column),
            "{column} not in extract --help"
        );
    }
    assert!(help.contains("flat-csv"), "{help}");
}

#[test]
fn cargo_build_at_the_root_builds_the_binary_and_readme_says_where() {
    // `default-members`: a plain `cargo build --release` builds plantab.
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let line = manifest
        .lines()
        .find(|l| l.starts_with("default-members"))
        .expect("default-members in the workspace");
    assert!(line.contains("\"crates/plantab-cli\""), "{line}");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(readme.contains("target/release/plantab"));
    assert!(readme.contains("cargo install --locked --path crates/plantab-cli"));
    // The main job's command reads a folder of inputs only (not
    // `fixtures`, whose READMEs and facts files are not plans).
    let main_job = readme
        .lines()
        .find(|l| l.contains("extract") && l.contains("-o out"))
        .expect("the main job's command");
    for folder in main_job
        .split_whitespace()
        .filter(|w| w.starts_with("fixtures"))
    {
        let dir = repo().join(folder);
        assert!(dir.is_dir(), "{folder}");
        for e in walk(&dir) {
            let ext = e.extension().and_then(|x| x.to_str()).unwrap_or("");
            let name = e.file_name().unwrap().to_string_lossy().to_lowercase();
            assert!(
                name != "readme.md" && !name.ends_with(".facts.json"),
                "{} is in the main job's folder",
                e.display()
            );
            let _ = ext;
        }
    }
    assert!(readme.len() < 16 * 1024, "README is {} bytes", readme.len());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
