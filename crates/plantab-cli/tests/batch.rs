//! The batch machinery of `plantab extract` end to end: parallel runs give
//! the same bytes, inputs (folders, --glob, --files-from), the run manifest
//! (validated against its schema), --incremental, isolation of panics and
//! hangs (through the debug-build test hook `PLANTAB_TEST_FAULT`), bad paths,
//! exit codes, and a run killed midway.

mod common;

use common::{bin, repo, run, stderr};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn fixtures() -> PathBuf {
    repo().join("fixtures/text")
}

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("batch", name)
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-manifest.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "schema is valid 2020-12"
    );
    jsonschema::draft202012::new(&schema).unwrap()
}

fn assert_valid(m: &Value) {
    let v = validator();
    let errors: Vec<String> = v.iter_errors(m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "manifest invalid: {errors:#?}");
}

/// Entries of a manifest by file name of their path.
fn entries(m: &Value) -> BTreeMap<String, Value> {
    m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let p = Path::new(e["path"].as_str().unwrap());
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                e.clone(),
            )
        })
        .collect()
}

/// Output files in DIR (not the manifest, not hidden temp files).
fn outputs(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "manifest.json" && !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

/// Every text fixture (seeds and own documents) as (name, bytes).
fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    for d in [fixtures(), fixtures().join("own")] {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                v.push((
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    v.sort();
    v
}

/// Every file the folder walk reads under `fixtures/text` (recursively,
/// by the extensions `src/inputs.rs` lists: keep the two in step).
fn walked_fixtures() -> Vec<PathBuf> {
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| {
                plantab_batch::inputs::INPUT_EXTENSIONS
                    .iter()
                    .any(|e| x == *e)
            }) {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(&fixtures(), &mut v);
    v
}

/// `copies` copies of every fixture in `dir`, named `c0007_<name>`.
fn make_batch(dir: &Path, copies: usize) -> usize {
    let files = fixture_files();
    for k in 0..copies {
        for (name, bytes) in &files {
            std::fs::write(dir.join(format!("c{k:04}_{name}")), bytes).unwrap();
        }
    }
    copies * files.len()
}

/// One PDF with `--jobs 2` has its pages read in parallel (fewer inputs
/// than jobs); the document is byte for byte the one `--jobs 1` writes.
#[test]
fn one_pdf_with_pages_in_parallel_is_the_same_document() {
    let pdf = repo().join("fixtures/pdf/002_5028bfdfd469f7ca.pdf");
    let one = run(bin().args(["extract", "-q", "--jobs", "1"]).arg(&pdf));
    let two = run(bin().args(["extract", "-q", "--jobs", "2"]).arg(&pdf));
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    let doc: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(doc["source"]["pages"], 33);
    assert!(
        one.stdout == two.stdout,
        "pages in parallel changed the document"
    );
}

#[test]
fn jobs_1_and_2_give_identical_bytes() {
    for format in ["json", "ndjson", "csv"] {
        let one = run(bin()
            .args(["extract", "--jobs", "1", "--format", format])
            .arg(fixtures()));
        let two = run(bin()
            .args(["extract", "--jobs", "2", "--format", format])
            .arg(fixtures()));
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
        assert!(!one.stdout.is_empty());
        assert!(one.stdout == two.stdout, "{format}: --jobs 1 and 2 differ");
    }
    // stdout JSON for several inputs is an array in input order: the five
    // seeds (sorted), then own/ (sorted).
    let o = run(bin().args(["extract", "--jobs", "2"]).arg(fixtures()));
    let docs: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let n = walked_fixtures().len();
    assert_eq!(docs.len(), n);
    assert!(docs[0]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("000_10d08a98e15f6a96.txt"));
    assert!(docs[n - 1]["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("own/vertical_business_plan.txt"));

    // Per-file outputs: same names, same bytes; manifests equal but for
    // timings.
    let base = tmpdir("jobs");
    let (d1, d2) = (base.join("j1"), base.join("j2"));
    for (d, j) in [(&d1, "1"), (&d2, "2")] {
        let o = run(bin()
            .args(["extract", "--jobs", j, "-o"])
            .arg(d)
            .arg(fixtures()));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    assert_eq!(outputs(&d1), outputs(&d2));
    assert_eq!(outputs(&d1).len(), n);
    for n in outputs(&d1) {
        assert!(
            std::fs::read(d1.join(&n)).unwrap() == std::fs::read(d2.join(&n)).unwrap(),
            "{n} differs"
        );
    }
    let strip = |mut m: Value| {
        for k in ["started", "finished"] {
            m[k] = Value::Null;
        }
        m["totals"]["seconds"] = Value::Null;
        for e in m["inputs"].as_array_mut().unwrap() {
            e["seconds"] = Value::Null;
        }
        m
    };
    assert_eq!(strip(manifest(&d1)), strip(manifest(&d2)));
}

#[test]
fn manifest_lists_every_input_and_validates() {
    let dir = tmpdir("manifest");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let seed = fixtures().join("000_10d08a98e15f6a96.txt");
    std::fs::copy(&seed, inp.join("seed.txt")).unwrap();
    std::fs::write(inp.join("empty.txt"), b"").unwrap();
    std::fs::write(inp.join("binary.txt"), [0u8, 1, 2, 3, 255, 0, 7, 8]).unwrap();
    std::fs::write(inp.join("notes.docx"), b"not taken: extension").unwrap();
    let out = dir.join("out");
    let o = run(bin()
        .arg("extract")
        .arg(&inp)
        .arg(dir.join("missing.txt"))
        .arg("-o")
        .arg(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(m["plantab_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["complete"], true);
    assert_eq!(m["format"], "json");
    let t = &m["totals"];
    assert_eq!(t["inputs"], 4, "binary, empty, seed (sorted), then missing");
    assert_eq!((t["ok"].as_u64(), t["failed"].as_u64()), (Some(1), Some(3)));
    assert_eq!(t["records"], 46);
    let paths: Vec<&str> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert!(paths[0].ends_with("binary.txt") && paths[3].ends_with("missing.txt"));

    let e = entries(&m);
    let s = &e["seed.txt"];
    assert_eq!(s["status"], "ok");
    assert_eq!(s["records"], 46);
    assert_eq!(s["format"], "text");
    assert_eq!(s["bytes"], std::fs::metadata(&seed).unwrap().len());
    assert_eq!(s["output"], "seed.json");
    assert_eq!(s["error_code"], Value::Null);
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("seed.json")).unwrap()).unwrap();
    assert_eq!(s["sha256"], doc["source"]["sha256"]);

    assert_eq!(e["empty.txt"]["error_code"], "empty");
    assert_eq!(e["empty.txt"]["bytes"], 0);
    assert_eq!(e["empty.txt"]["output"], Value::Null);
    assert_eq!(e["binary.txt"]["error_code"], "not_text");
    assert_eq!(e["missing.txt"]["error_code"], "io");
    assert_eq!(e["missing.txt"]["sha256"], Value::Null);
    assert!(e["missing.txt"]["error_message"]
        .as_str()
        .unwrap()
        .contains("cannot open"));
    assert_eq!(
        outputs(&out),
        ["seed.json"],
        "failed inputs leave no output"
    );
    // The stderr lines name path and code.
    let err = stderr(&o);
    assert!(err.contains("empty.txt: empty: "), "{err}");
    assert!(err.contains("1 file(s) ok, 3 failed, 0 skipped"), "{err}");
}

#[test]
fn incremental_skips_unchanged_and_rereads_changed() {
    let dir = tmpdir("incr");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    for (name, bytes) in fixture_files() {
        std::fs::write(inp.join(name), bytes).unwrap();
    }
    let n = fixture_files().len();
    let out = dir.join("out");
    let extract = |extra: &[&str]| {
        run(bin()
            .arg("extract")
            .arg(&inp)
            .arg("-o")
            .arg(&out)
            .args(extra))
    };
    let o = extract(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = manifest(&out);
    assert_eq!(first["totals"]["skipped"], 0);

    // Unchanged: everything skipped, counts carried over.
    let o = extract(&["--incremental"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{n} file(s) ok, 0 failed, {n} skipped")),
        "{}",
        stderr(&o)
    );
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(m["totals"]["skipped"], n);
    assert_eq!(m["totals"]["records"], first["totals"]["records"]);
    assert!(entries(&m).values().all(|e| e["skipped"] == true));

    // One input changed, one output deleted, one input now fails.
    let mut changed = std::fs::read_to_string(inp.join("env_progress_update.txt")).unwrap();
    changed.push_str("\nA closing paragraph added after the tables.\n");
    std::fs::write(inp.join("env_progress_update.txt"), changed).unwrap();
    std::fs::remove_file(out.join("transport_delivery_plan.json")).unwrap();
    std::fs::write(inp.join("vertical_business_plan.txt"), b"").unwrap();
    let o = extract(&["--incremental"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "{} file(s) ok, 1 failed, {} skipped",
            n - 1,
            n - 3
        )),
        "{}",
        stderr(&o)
    );
    let e = entries(&manifest(&out));
    assert_eq!(e["env_progress_update.txt"]["skipped"], false);
    assert_eq!(e["transport_delivery_plan.txt"]["skipped"], false);
    assert!(
        out.join("transport_delivery_plan.json").exists(),
        "rewritten"
    );
    assert_eq!(e["vertical_business_plan.txt"]["error_code"], "empty");
    assert!(
        !out.join("vertical_business_plan.json").exists(),
        "a stale output of an input that now fails is removed"
    );
    // The changed input's new document carries the new hash.
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("env_progress_update.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        doc["source"]["sha256"],
        e["env_progress_update.txt"]["sha256"]
    );
    assert_ne!(
        e["env_progress_update.txt"]["sha256"],
        entries(&first)["env_progress_update.txt"]["sha256"]
    );

    // --incremental needs per-file JSON output.
    let o = run(bin().arg("extract").arg(&inp).arg("--incremental"));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn files_from_stdin_and_file() {
    let dir = tmpdir("filesfrom");
    let a = fixtures().join("own/env_progress_update.txt");
    let b = fixtures().join("own/transport_delivery_plan.txt");
    let list = format!(
        "# scraped tonight\n\n{}\r\n   \n  # indented comment\n{}\n{}\n",
        a.display(),
        b.display(),
        a.display()
    );
    let out = dir.join("out");
    let mut child = bin()
        .args(["extract", "--files-from", "-", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        outputs(&out),
        ["env_progress_update.json", "transport_delivery_plan.json"]
    );
    assert_eq!(
        manifest(&out)["totals"]["inputs"],
        2,
        "named twice, read once"
    );

    // From a file, together with a PATH argument.
    let listfile = dir.join("list.txt");
    std::fs::write(&listfile, format!("{}\n", b.display())).unwrap();
    let o = run(bin()
        .args(["extract", "--format", "ndjson", "--files-from"])
        .arg(&listfile)
        .arg(&a));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(
        first["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("env_progress_update.txt"),
        "PATH arguments first, then the list"
    );
    // A list that cannot be read is a usage error.
    let o = run(bin()
        .args(["extract", "--files-from"])
        .arg(dir.join("nope.txt")));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn glob_filters_folder_contents() {
    let dir = tmpdir("glob");
    let own = std::fs::read_dir(fixtures().join("own"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    let o = run(bin()
        .args(["extract", "--glob", "own/*.txt", "-o"])
        .arg(dir.join("a"))
        .arg(fixtures()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(outputs(&dir.join("a")).len(), own);
    let o = run(bin()
        .args([
            "extract",
            "--glob",
            "00[0-2]_*",
            "--glob",
            "*business*",
            "-o",
        ])
        .arg(dir.join("b"))
        .arg(fixtures()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        outputs(&dir.join("b")),
        [
            "000_10d08a98e15f6a96.json",
            "001_8716d6a5475247b4.json",
            "002_5028bfdfd469f7ca.json",
            "vertical_business_plan.json"
        ]
    );
    // A glob matching nothing: said so, exit 1; the manifest records the
    // empty run.
    let o = run(bin()
        .args(["extract", "--glob", "*.pdf", "-o"])
        .arg(dir.join("c"))
        .arg(fixtures()));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no inputs"), "{}", stderr(&o));
    assert_eq!(manifest(&dir.join("c"))["totals"]["inputs"], 0);
    let o = run(bin().args(["extract", "--glob", "*.{pdf"]).arg(fixtures()));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn exit_codes() {
    let dir = tmpdir("exit");
    let good = fixtures().join("own/transport_delivery_plan.txt");
    let o = run(bin().arg("extract").arg(&good).arg("-q"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "--quiet: {}", stderr(&o));
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let o = run(bin()
        .arg("extract")
        .arg(&good)
        .arg(dir.join("empty.txt"))
        .arg("--quiet"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("empty.txt: empty"),
        "errors are printed even with --quiet"
    );
    assert!(!stderr(&o).contains("file(s) ok"));
    // Output folder that is a file: output error.
    std::fs::write(dir.join("afile"), b"x").unwrap();
    let o = run(bin()
        .arg("extract")
        .arg(&good)
        .arg("-o")
        .arg(dir.join("afile")));
    assert_eq!(o.status.code(), Some(2));
    // Usage errors.
    let o = run(bin().args(["extract", "--jobs", "0"]).arg(&good));
    assert_eq!(o.status.code(), Some(2));
    let o = run(bin().args(["extract", "--timeout-secs", "x"]).arg(&good));
    assert_eq!(o.status.code(), Some(2));
    let o = run(bin().args(["extract", "--help"]));
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        help.contains("Exit codes") && help.contains("--jobs"),
        "{help}"
    );
}

#[cfg(debug_assertions)]
#[test]
fn panic_and_hang_cost_one_file_each() {
    let dir = tmpdir("isolation");
    let out = dir.join("out");
    let start = Instant::now();
    let o = run(bin()
        .env(
            "PLANTAB_TEST_FAULT",
            "panic:transport_delivery;hang:env_progress",
        )
        .args(["extract", "--jobs", "2", "--timeout-secs", "5", "-o"])
        .arg(&out)
        .arg(fixtures()));
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "the hung thread is abandoned, the process exits"
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        !err.contains("panicked at"),
        "default panic report kept off: {err}"
    );
    let m = manifest(&out);
    assert_valid(&m);
    let e = entries(&m);
    let t = &e["transport_delivery_plan.txt"];
    assert_eq!(t["error_code"], "internal_error");
    assert!(t["error_message"]
        .as_str()
        .unwrap()
        .contains("test fault injected"));
    assert!(
        t["error_message"]
            .as_str()
            .unwrap()
            .contains("plantab-batch/src/"),
        "the panic's location is given: {t}"
    );
    assert_eq!(e["env_progress_update.txt"]["error_code"], "timeout");
    let n = walked_fixtures().len();
    assert_eq!(m["totals"]["ok"], n - 2);
    assert_eq!(m["totals"]["failed"], 2);
    assert_eq!(outputs(&out).len(), n - 2);
    assert!(!out.join("env_progress_update.json").exists());
    assert!(
        err.contains("transport_delivery_plan.txt: internal_error: "),
        "{err}"
    );
    assert!(err.contains("env_progress_update.txt: timeout: "), "{err}");

    // Streamed: the stream waits for the hung file, then goes on without it.
    let o = run(bin()
        .env("PLANTAB_TEST_FAULT", "hang:env_progress")
        .args([
            "extract",
            "--jobs",
            "2",
            "--timeout-secs",
            "3",
            "--format",
            "ndjson",
        ])
        .arg(fixtures()));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let paths: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"]["path"].to_string())
        .collect();
    assert!(paths.iter().all(|p| !p.contains("env_progress")));
    assert!(paths.iter().any(|p| p.contains("vertical_business_plan")));
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "input order kept");
}

#[test]
fn bad_paths_are_errors_for_that_path() {
    let dir = tmpdir("badpaths");
    let inp = dir.join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::copy(
        fixtures().join("own/mismatch_progress_report.txt"),
        inp.join("sub/report.txt"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        // A folder whose entry leads back to its parent, and a symlink to
        // itself.
        std::os::unix::fs::symlink(&inp, inp.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(inp.join("self.txt"), inp.join("self.txt")).unwrap();
    }
    std::fs::write(inp.join("locked.txt"), b"Plan\nA\tB\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            inp.join("locked.txt"),
            std::fs::Permissions::from_mode(0o000),
        )
        .unwrap();
    }
    let out = dir.join("out");
    let o = run(bin().arg("extract").arg(&inp).arg("-o").arg(&out));
    let m = manifest(&out);
    assert_valid(&m);
    let e = entries(&m);
    assert_eq!(e["report.txt"]["status"], "ok");
    assert!(
        out.join("report.json").exists(),
        "the rest of the batch intact"
    );
    #[cfg(unix)]
    {
        assert_eq!(e["loop"]["error_code"], "symlink_loop", "{e:#?}");
        assert_eq!(e["self.txt"]["error_code"], "symlink_loop", "{e:#?}");
        // chmod 000 stops everyone but root.
        if std::fs::read(inp.join("locked.txt")).is_ok() {
            eprintln!(
                "notice: running as root, chmod 000 file stays readable; skipping that assertion"
            );
        } else {
            assert_eq!(e["locked.txt"]["error_code"], "io");
            assert!(e["locked.txt"]["error_message"]
                .as_str()
                .unwrap()
                .contains("ermission denied"));
        }
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_file_name_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tmpdir("nonutf8");
    let name = std::ffi::OsStr::from_bytes(b"plan-\xff\xfe.txt");
    let path = dir.join(name);
    std::fs::copy(fixtures().join("own/transport_delivery_plan.txt"), &path).unwrap();
    let out = dir.join("out");
    let o = run(bin().arg("extract").arg(&path).arg("-o").arg(&out));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(m["inputs"][0]["status"], "ok");
    assert_eq!(outputs(&out).len(), 1);
}

#[test]
fn plain_progress_lines_when_stderr_is_not_a_terminal() {
    let dir = tmpdir("progress");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let n = make_batch(&inp, 3);
    let o = run(bin()
        .arg("extract")
        .arg(&inp)
        .arg("-o")
        .arg(dir.join("out")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(&format!("/{n} files, 0 failed,")) && l.ends_with("files/s"))
        .collect();
    assert!(lines.len() >= 5, "a line per 10% step: {err}");
}

#[test]
fn killed_run_leaves_no_truncated_output_and_incremental_finishes() {
    let dir = tmpdir("kill");
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let n = make_batch(&inp, 300usize.div_ceil(fixture_files().len()));
    assert!(n >= 300);
    let out = dir.join("out");
    let mut child = bin()
        .args(["extract", "--jobs", "2", "-o"])
        .arg(&out)
        .arg(&inp)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until a checkpoint manifest and some outputs exist, then kill.
    let start = Instant::now();
    loop {
        let written = std::fs::read_dir(&out).map(|r| r.count()).unwrap_or(0);
        if (written > 40 && out.join("manifest.json").exists())
            || start.elapsed() > Duration::from_secs(60)
        {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    let before = outputs(&out);
    eprintln!("killed with {} of {n} outputs written", before.len());
    for name in &before {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{name} truncated: {e}"));
    }
    let checkpoint = manifest(&out);
    assert_valid(&checkpoint);
    let done_before = checkpoint["inputs"].as_array().unwrap().len();

    let o = run(bin()
        .args(["extract", "--jobs", "2", "--incremental", "-o"])
        .arg(&out)
        .arg(&inp));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(m["totals"]["inputs"].as_u64(), Some(n as u64));
    assert_eq!(m["totals"]["ok"].as_u64(), Some(n as u64));
    assert!(
        m["totals"]["skipped"].as_u64().unwrap() >= done_before as u64,
        "what the checkpoint listed is skipped"
    );
    let after = outputs(&out);
    assert_eq!(after.len(), n, "total outputs == inputs");
    // No stray temp file from this process remains; a killed run's hidden
    // temp files never end in .json and are cleaned by the next run.
    let stray: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn streamed_outputs_in_a_folder_get_a_manifest_too() {
    let dir = tmpdir("streamed");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    // A temp file left by a killed run (a pid that cannot be alive) is
    // cleaned; a user's own hidden file is not.
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(".records.csv.4294967295-3.tmp"), b"half").unwrap();
    std::fs::write(out.join(".notes.tmp"), b"mine").unwrap();
    let o = run(bin()
        .args(["extract", "--format", "csv", "-o"])
        .arg(&out)
        .arg(fixtures().join("own"))
        .arg(dir.join("empty.txt")));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(m["format"], "csv");
    let e = entries(&m);
    assert_eq!(e["transport_delivery_plan.txt"]["output"], "records.csv");
    assert_eq!(e["empty.txt"]["output"], Value::Null);
    let csv = std::fs::read_to_string(out.join("records.csv")).unwrap();
    let prefix = fixtures().join("own").to_string_lossy().into_owned();
    let rows = csv.lines().filter(|l| l.starts_with(&prefix)).count();
    assert_eq!(rows as u64, m["totals"]["records"].as_u64().unwrap());
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("source_path")).count(),
        1,
        "one header"
    );
    assert!(!out.join(".records.csv.4294967295-3.tmp").exists());
    assert!(out.join(".notes.tmp").exists());
}

#[test]
fn incremental_rereads_when_the_finder_overrides_change() {
    let dir = tmpdir("incr-finder");
    let out = dir.join("out");
    let pdf = repo().join("fixtures/pdf/reader/harbours_plan.pdf");
    let extract = |extra: &[&str]| {
        run(bin()
            .arg("extract")
            .arg(&pdf)
            .arg("-o")
            .arg(&out)
            .args(extra))
    };
    let o = extract(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(manifest(&out)["finder"]["strategy"], "auto");
    assert_eq!(manifest(&out)["finder"]["pages"], Value::Null);
    let o = extract(&["--incremental"]);
    assert_eq!(manifest(&out)["totals"]["skipped"], 1, "{}", stderr(&o));
    // Other overrides give other output: read again, and recorded.
    for args in [
        vec!["--pages", "2"],
        vec!["--strategy", "text"],
        vec!["--columns", "100,200"],
        vec!["--area", "2:20,20,580,800"],
    ] {
        let mut with = vec!["--incremental"];
        with.extend(&args);
        let o = extract(&with);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let m = manifest(&out);
        assert_eq!(m["totals"]["skipped"], 0, "{args:?}");
        // The same overrides again: skipped.
        let o = extract(&with);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let m = manifest(&out);
        assert_eq!(m["totals"]["skipped"], 1, "{args:?}");
        match args[0] {
            "--pages" => assert_eq!(m["finder"]["pages"], "2"),
            "--strategy" => assert_eq!(m["finder"]["strategy"], "text"),
            "--columns" => assert_eq!(m["finder"]["columns"], serde_json::json!([100.0, 200.0])),
            _ => assert_eq!(
                m["finder"]["areas"],
                serde_json::json!([{ "page": 2, "bbox": [20.0, 20.0, 580.0, 800.0] }])
            ),
        }
    }
}

/// `--fiscal-year-start`: a made-up plan whose financial year the document
/// does not state. By default (April) "Q3 2024/25" is October–December
/// 2024; with years starting in July it is January–March 2025, and
/// "2024/25" runs July 2024 – June 2025. The same in worker processes and
/// in process, for `extract` and `tables`; recorded in the manifest, and
/// `--incremental` reads again when it changes.
#[test]
fn fiscal_year_start_overrides_the_documents_financial_year() {
    let dir = tmpdir("fiscal");
    let plan = dir.join("plan.md");
    std::fs::write(
        &plan,
        "# Housing Delivery Plan 2024/25\n\n\
         | Ref | Action | Due | Status |\n\
         | --- | --- | --- | --- |\n\
         | H1 | Publish the allocations policy | Q3 2024/25 | On track |\n\
         | H2 | Open the new depot | 2024/25 | Complete |\n",
    )
    .unwrap();
    let doc = |args: &[&str]| -> Value {
        let o = run(bin().arg("extract").arg("-q").args(args).arg(&plan));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let due = |d: &Value, id: &str| -> (String, String) {
        let r = d["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap();
        (
            r["due"]["start"].as_str().unwrap().to_string(),
            r["due"]["end"].as_str().unwrap().to_string(),
        )
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    let default = doc(&[]);
    assert_eq!(default["document"]["fiscal_year_start"], Value::Null);
    assert_eq!(due(&default, "H1"), pair("2024-10-01", "2024-12-31"));
    assert_eq!(due(&default, "H2"), pair("2024-04-01", "2025-03-31"));
    for args in [
        &["--fiscal-year-start", "7"][..],
        &["--fiscal-year-start", "July", "--in-process"][..],
    ] {
        let d = doc(args);
        assert_eq!(d["document"]["fiscal_year_start"], 7, "{args:?}");
        assert_eq!(due(&d, "H1"), pair("2025-01-01", "2025-03-31"), "{args:?}");
        assert_eq!(due(&d, "H2"), pair("2024-07-01", "2025-06-30"), "{args:?}");
    }
    let o = run(bin()
        .args(["tables", "-q", "--fiscal-year-start", "oct"])
        .arg(&plan));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(t["document"]["fiscal_year_start"], 10);
    // Not a month: a usage error naming the option.
    for bad in ["13", "0", "Smarch"] {
        let o = run(bin()
            .args(["extract", "--fiscal-year-start", bad])
            .arg(&plan));
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("--fiscal-year-start"), "{}", stderr(&o));
    }
    // Recorded in the manifest; another month reads the input again.
    let out = dir.join("out");
    let extract = |extra: &[&str]| {
        let o = run(bin()
            .arg("extract")
            .arg(&plan)
            .arg("-o")
            .arg(&out)
            .args(extra));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let m = manifest(&out);
        assert_valid(&m);
        m
    };
    assert_eq!(extract(&[])["fiscal_year_start"], Value::Null);
    let m = extract(&["--incremental", "--fiscal-year-start", "7"]);
    assert_eq!(m["totals"]["skipped"], 0);
    assert_eq!(m["fiscal_year_start"], 7);
    let m = extract(&["--incremental", "--fiscal-year-start", "7"]);
    assert_eq!(m["totals"]["skipped"], 1);
    let m = extract(&["--incremental"]);
    assert_eq!(m["totals"]["skipped"], 0);
}
