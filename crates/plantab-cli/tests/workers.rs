//! Worker processes and hostile inputs end to end (issue 15): the same
//! bytes as the in-process runner whatever `--jobs`; a memory bomb, a hang
//! and a panic (the debug-build hook `PLANTAB_TEST_FAULT`) cost one file
//! each, the worker killed or replaced, the rest of the batch intact;
//! `--incremental` does not hand a file that ended its worker to a worker
//! again; FIFOs and devices are `not_a_file` and cannot hang the run; a
//! file growing while read is `changed_while_read`.

mod common;

use common::{bin, repo, run, stderr};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("workers", name)
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

fn assert_valid(m: &Value) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-manifest.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "manifest invalid: {errors:#?}");
}

/// Entries of a manifest by file name.
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

/// Every file in a folder (hidden ones too) with its bytes, but the
/// manifest's timings and the folder's lock file (it holds the pid).
fn folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name == ".plantab.lock" {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        if name == "manifest.json" {
            let mut m: Value = serde_json::from_slice(&bytes).unwrap();
            for k in ["started", "finished"] {
                m[k] = Value::Null;
            }
            m["totals"]["seconds"] = Value::Null;
            for e in m["inputs"].as_array_mut().unwrap() {
                e["seconds"] = Value::Null;
            }
            out.insert(name, serde_json::to_vec(&m).unwrap());
        } else {
            out.insert(name, bytes);
        }
    }
    out
}

/// Text fixtures copied into a folder of their own, plus `extra` copies of
/// the first under the names given (the files the faults pick out).
fn batch_folder(dir: &Path, extra: &[&str]) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut first = None;
    for e in std::fs::read_dir(repo().join("fixtures/text")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
            first.get_or_insert(p);
        }
    }
    let first = first.expect("text fixtures");
    for name in extra {
        std::fs::copy(&first, input.join(name)).unwrap();
    }
    input
}

#[test]
fn workers_give_the_in_process_bytes_whatever_jobs() {
    let base = tmpdir("identical");
    let text = repo().join("fixtures/text");
    // One PDF (the larger ones are slow in a debug build).
    let pdf = repo().join("fixtures/pdf/003_c94608ba926f5920.pdf");
    // Streams on stdout.
    for (command, format) in [("extract", "json"), ("extract", "ndjson"), ("tables", "md")] {
        let reference = run(bin()
            .args([command, "--in-process", "--jobs", "1", "--format", format])
            .arg(&text)
            .arg(&pdf));
        assert_eq!(reference.status.code(), Some(0), "{}", stderr(&reference));
        assert!(!reference.stdout.is_empty());
        for jobs in ["1", "3"] {
            let o = run(bin()
                .args([command, "--jobs", jobs, "--format", format])
                .arg(&text)
                .arg(&pdf));
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            assert!(
                o.stdout == reference.stdout,
                "{command} --format {format} --jobs {jobs}: workers differ from in-process"
            );
        }
    }
    // Per-file outputs in a folder, manifest included (timings aside).
    for (command, format) in [
        ("extract", "json"),
        ("tables", "csv"),
        ("extract", "csv"),
        ("extract", "flat-csv"),
        ("extract", "xlsx"),
        ("tables", "xlsx"),
    ] {
        let reference = base.join(format!("{command}-{format}-ref"));
        let o = run(bin()
            .args([command, "--in-process", "--format", format, "-o"])
            .arg(&reference)
            .arg(&text)
            .arg(&pdf));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let want = folder(&reference);
        assert!(want.len() >= 2, "{:?}", want.keys());
        for jobs in ["1", "2", "3"] {
            let out = base.join(format!("{command}-{format}-{jobs}"));
            let o = run(bin()
                .args([command, "--jobs", jobs, "--format", format, "-o"])
                .arg(&out)
                .arg(&text)
                .arg(&pdf));
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            assert!(
                folder(&out) == want,
                "{command} --format {format} -o, --jobs {jobs}: workers differ from in-process"
            );
        }
    }
}

#[test]
fn memory_bomb_hang_and_panic_cost_one_file_each() {
    let dir = tmpdir("hostile");
    let input = batch_folder(&dir, &["zz-bomb.txt", "zz-slow.txt", "zz-panic.txt"]);
    let good = std::fs::read_dir(&input).unwrap().count() - 3;
    let out = dir.join("out");
    let start = Instant::now();
    let o = run(bin()
        .env(
            "PLANTAB_TEST_FAULT",
            "alloc:zz-bomb;hang:zz-slow;panic:zz-panic",
        )
        .args([
            "extract",
            "--jobs",
            "2",
            "--timeout-secs",
            "4",
            "--max-memory",
            "400",
            "-o",
        ])
        .arg(&out)
        .arg(&input));
    let took = start.elapsed();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(40), "took {took:?}");
    let m = manifest(&out);
    assert_valid(&m);
    assert_eq!(
        m["totals"]["inputs"],
        good + 3,
        "every input in the manifest"
    );
    assert_eq!(m["totals"]["ok"], good);
    assert_eq!(m["totals"]["failed"], 3);
    let e = entries(&m);
    let bomb = &e["zz-bomb.txt"];
    assert_eq!(bomb["error_code"], "limit_exceeded", "{bomb}");
    let msg = bomb["error_message"].as_str().unwrap();
    assert!(
        msg.starts_with("memory: over the worker's cap of 400 MiB"),
        "{msg}"
    );
    assert_eq!(bomb["lost_worker"], true);
    assert!(bomb["sha256"].is_string(), "facts kept: {bomb}");
    let slow = &e["zz-slow.txt"];
    assert_eq!(slow["error_code"], "timeout", "{slow}");
    assert!(slow["error_message"]
        .as_str()
        .unwrap()
        .contains("worker process was killed"));
    assert_eq!(slow["lost_worker"], true);
    let panic = &e["zz-panic.txt"];
    assert_eq!(panic["error_code"], "internal_error");
    assert!(panic["error_message"]
        .as_str()
        .unwrap()
        .contains("test fault injected"));
    assert!(
        panic.get("lost_worker").is_none(),
        "a panic is caught in the worker, which lives on"
    );
    for (name, entry) in &e {
        if !name.starts_with("zz-") {
            assert_eq!(entry["status"], "ok", "{name}: {entry}");
            assert!(out.join(entry["output"].as_str().unwrap()).is_file());
        }
    }
    for name in ["zz-bomb.json", "zz-slow.json", "zz-panic.json"] {
        assert!(!out.join(name).exists(), "{name}");
    }
    assert!(
        err.contains("zz-bomb.txt: limit_exceeded: memory: "),
        "{err}"
    );

    // The next night: the unchanged bomb and hang are not read again (a
    // fault that would hang is not reached: the run is quick), the panic
    // is retried; the good files are kept.
    let start = Instant::now();
    let o = run(bin()
        .env(
            "PLANTAB_TEST_FAULT",
            "alloc:zz-bomb;hang:zz-slow;panic:zz-panic",
        )
        .args([
            "extract",
            "--incremental",
            "--jobs",
            "2",
            "--timeout-secs",
            "30",
            "--max-memory",
            "400",
            "-o",
        ])
        .arg(&out)
        .arg(&input));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        start.elapsed() < Duration::from_secs(25),
        "the hang was not handed to a worker again"
    );
    let m = manifest(&out);
    assert_valid(&m);
    let e = entries(&m);
    for name in ["zz-bomb.txt", "zz-slow.txt"] {
        let x = &e[name];
        assert_eq!(x["status"], "error");
        assert_eq!(x["skipped"], true, "{x}");
        assert_eq!(x["lost_worker"], true);
        assert!(x["error_message"]
            .as_str()
            .unwrap()
            .starts_with("unchanged since a run in which it ended its worker process"));
    }
    assert_eq!(e["zz-bomb.txt"]["error_code"], "limit_exceeded");
    assert_eq!(e["zz-slow.txt"]["error_code"], "timeout");
    assert_eq!(e["zz-panic.txt"]["skipped"], false);
    assert_eq!(m["totals"]["skipped"], good + 2);

    // Changed bytes are read again.
    std::fs::write(input.join("zz-slow.txt"), b"Action | Owner\nA | B\n").unwrap();
    let o = run(bin()
        .args(["extract", "--incremental", "-o"])
        .arg(&out)
        .arg(&input));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = entries(&manifest(&out));
    assert_eq!(e["zz-slow.txt"]["skipped"], false);
    assert_eq!(e["zz-slow.txt"]["status"], "ok", "{}", e["zz-slow.txt"]);
}

#[cfg(unix)]
#[test]
fn fifo_and_device_are_not_a_file_and_cannot_hang_the_run() {
    let dir = tmpdir("fifo");
    let input = batch_folder(&dir, &[]);
    let fifo = input.join("waiting.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("SKIPPED the FIFO case: mkfifo failed");
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", input.join("zero.txt")).unwrap();
    for in_process in [false, true] {
        let out = dir.join(format!("out-{in_process}"));
        let mut cmd = bin();
        cmd.args(["extract", "--follow-links", "--timeout-secs", "20", "-o"])
            .arg(&out);
        if in_process {
            cmd.arg("--in-process");
        }
        let start = Instant::now();
        let o = run(cmd.arg(&input).arg("/dev/null"));
        assert!(start.elapsed() < Duration::from_secs(15), "not hung");
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let m = manifest(&out);
        assert_valid(&m);
        let e = entries(&m);
        assert_eq!(e["waiting.txt"]["error_code"], "not_a_file");
        assert!(e["waiting.txt"]["error_message"]
            .as_str()
            .unwrap()
            .contains("FIFO"));
        assert_eq!(e["zero.txt"]["error_code"], "not_a_file");
        assert!(e["zero.txt"]["error_message"]
            .as_str()
            .unwrap()
            .contains("character device"));
        assert_eq!(e["null"]["error_code"], "not_a_file");
        assert_eq!(m["totals"]["failed"], 3);
        assert!(m["totals"]["ok"].as_u64().unwrap() >= 5);
    }
}

#[test]
fn a_file_growing_while_read_is_changed_while_read() {
    let dir = tmpdir("grow");
    let input = batch_folder(&dir, &["zz-growing.txt"]);
    for in_process in [false, true] {
        let out = dir.join(format!("out-{in_process}"));
        let mut cmd = bin();
        cmd.env("PLANTAB_TEST_FAULT", "grow:zz-growing")
            .args(["extract", "-o"])
            .arg(&out);
        if in_process {
            cmd.arg("--in-process");
        }
        let o = run(cmd.arg(&input));
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let m = manifest(&out);
        assert_valid(&m);
        let e = entries(&m);
        let g = &e["zz-growing.txt"];
        assert_eq!(g["error_code"], "changed_while_read", "{g}");
        assert!(!out.join("zz-growing.json").exists());
        assert_eq!(m["totals"]["failed"], 1);
    }
}

#[test]
fn a_second_run_into_a_folder_in_use_exits_2_naming_the_pid() {
    let dir = tmpdir("lock");
    let input = batch_folder(&dir, &["zz-slow.txt"]);
    let out = dir.join("out");
    let mut first = bin()
        .env("PLANTAB_TEST_FAULT", "hang:zz-slow")
        .args(["extract", "-q", "--timeout-secs", "6", "-o"])
        .arg(&out)
        .arg(&input)
        .spawn()
        .unwrap();
    // Wait for the first run to hold the lock (its first checkpoint).
    let start = Instant::now();
    while !out.join("manifest.json").exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let o = run(bin().args(["extract", "-q", "-o"]).arg(&out).arg(&input));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("another plantab run (pid {})", first.id())),
        "{err}"
    );
    assert_eq!(first.wait().unwrap().code(), Some(1));
    // Once it ended, the folder is free.
    let o = run(bin().args(["extract", "-q", "-o"]).arg(&out).arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn long_names_fit_and_control_characters_are_escaped() {
    let dir = tmpdir("names");
    let input = batch_folder(&dir, &[]);
    let first = std::fs::read_dir(&input)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let long = format!("{}.txt", "a".repeat(246));
    std::fs::copy(&first, input.join(&long)).unwrap();
    std::fs::write(input.join("x\nplantab: forged: timeout: y.txt"), b"").unwrap();
    let out = dir.join("out");
    let o = run(bin().args(["extract", "-o"]).arg(&out).arg(&input));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        !err.lines().any(|l| l.starts_with("plantab: forged")),
        "{err}"
    );
    assert!(err.contains("x\\nplantab: forged"), "{err}");
    let m = manifest(&out);
    assert_valid(&m);
    let e = entries(&m);
    // In the manifest the name is kept whole (a JSON escape, not a line).
    let forged = &e["x\nplantab: forged: timeout: y.txt"];
    assert_eq!(forged["status"], "error", "{forged}");
    let text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!text.lines().any(|l| l.starts_with("plantab: forged")));
    let l = &e[&long];
    assert_eq!(l["status"], "ok", "{l}");
    assert_eq!(l["name_shortened"], true);
    let name = l["output"].as_str().unwrap();
    assert!(name.len() <= 255 && name.contains('~'), "{name}");
    assert!(out.join(name).is_file());
}

#[cfg(unix)]
#[test]
fn symlinks_leading_outside_are_not_followed_unless_asked() {
    let dir = tmpdir("links");
    let input = batch_folder(&dir, &[]);
    let n = std::fs::read_dir(&input).unwrap().count();
    let outside = dir.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    let seed = repo().join("fixtures/text/003_c94608ba926f5920.txt");
    std::fs::copy(&seed, outside.join("elsewhere.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, input.join("link-dir")).unwrap();
    std::os::unix::fs::symlink(outside.join("elsewhere.txt"), input.join("link-file.txt")).unwrap();
    // A link leading inside the folder named is followed (and the file it
    // names read once).
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::os::unix::fs::symlink(input.join("sub"), input.join("link-inside")).unwrap();
    std::fs::copy(&seed, input.join("sub/inner.txt")).unwrap();
    let out = dir.join("out");
    let o = run(bin().args(["extract", "-o"]).arg(&out).arg(&input));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    for link in ["link-dir", "link-file.txt"] {
        assert!(
            err.lines().any(|l| l.starts_with("plantab: warning: ")
                && l.contains(link)
                && l.contains("symlink leads outside the folders named")),
            "{err}"
        );
    }
    let m = manifest(&out);
    assert_valid(&m);
    let e = entries(&m);
    assert_eq!(e.len(), n + 1, "{:?}", e.keys());
    assert!(e.contains_key("inner.txt") && !e.contains_key("elsewhere.txt"));
    // --follow-links follows them: `elsewhere.txt` once (the folder link
    // and the file link name the same file).
    let out = dir.join("out-follow");
    let o = run(bin()
        .args(["extract", "-q", "--follow-links", "-o"])
        .arg(&out)
        .arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = entries(&manifest(&out));
    assert_eq!(e.len(), n + 2, "{:?}", e.keys());
    assert_eq!(e["elsewhere.txt"]["status"], "ok");
}

#[test]
fn jobs_above_the_maximum_are_clamped_with_a_warning() {
    let dir = tmpdir("jobs");
    let input = batch_folder(&dir, &[]);
    let n = std::fs::read_dir(&input).unwrap().count();
    let out = dir.join("out");
    let o = run(bin()
        .args(["extract", "--jobs", "4000", "-o"])
        .arg(&out)
        .arg(&input));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = (cores * 4).max(4);
    assert!(
        err.contains(&format!(
            "plantab: warning: --jobs 4000 is more than this machine can use; using {most}"
        )),
        "{err}"
    );
    let m = manifest(&out);
    assert_eq!(m["totals"]["ok"], n);
}

#[cfg(unix)]
#[test]
fn non_utf8_names_are_kept_apart_and_matched_by_incremental() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tmpdir("bytes");
    let input = batch_folder(&dir, &[]);
    let seed = repo().join("fixtures/text/003_c94608ba926f5920.txt");
    let names: [&[u8]; 2] = [b"plan-\xff.txt", b"plan-\xfe.txt"];
    for n in names {
        let p = input.join(std::ffi::OsStr::from_bytes(n));
        if std::fs::copy(&seed, &p).is_err() {
            eprintln!("SKIPPED the non-UTF-8 case: the file system refuses such names");
            return;
        }
    }
    let total = std::fs::read_dir(&input).unwrap().count();
    let out = dir.join("out");
    let o = run(bin().args(["extract", "-q", "-o"]).arg(&out).arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    assert_valid(&m);
    let inputs = m["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), total);
    let raw: Vec<&Value> = inputs
        .iter()
        .filter(|e| e.get("path_hex").is_some())
        .collect();
    assert_eq!(raw.len(), 2, "{inputs:?}");
    // Both look alike as text; their bytes are kept apart and exact.
    assert_eq!(raw[0]["path"], raw[1]["path"]);
    let mut hex: Vec<String> = raw
        .iter()
        .map(|e| e["path_hex"].as_str().unwrap().to_string())
        .collect();
    hex.sort();
    let expect = |n: &[u8]| {
        input
            .join(std::ffi::OsStr::from_bytes(n))
            .as_os_str()
            .as_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(hex, [expect(names[1]), expect(names[0])]);
    assert_ne!(raw[0]["output"], raw[1]["output"]);
    // Unchanged, both are skipped by --incremental.
    let o = run(bin()
        .args(["extract", "-q", "--incremental", "-o"])
        .arg(&out)
        .arg(&input));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    for e in m["inputs"].as_array().unwrap() {
        assert_eq!(e["skipped"], true, "{e}");
    }
}

/// A full disk, on a small tmpfs (needs permission to mount: root;
/// skipped visibly otherwise). A first run writes `z.txt`'s output; then
/// `z.txt` changes and 29 more inputs fill the disk before it (`--jobs 1`:
/// in order). The manifest still lists every input, each either written
/// (its file there) or an `output` error; `z.txt`'s old output, which no
/// longer matches it, is removed and the message says so; no temporary
/// file is left; exit 2.
#[cfg(target_os = "linux")]
#[test]
fn full_disk_keeps_the_manifest_and_no_temporary_file() {
    let dir = tmpdir("full");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let seed = repo().join("fixtures/text/000_10d08a98e15f6a96.txt");
    std::fs::copy(&seed, input.join("z.txt")).unwrap();
    let disk = dir.join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=400k", "tmpfs"])
        .arg(&disk)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("SKIPPED the full-disk case: cannot mount a tmpfs (no permission)");
        return;
    }
    let into = |format: &str| {
        let out = disk.join(format);
        let o = run(bin()
            .args(["extract", "-q", "--jobs", "1", "--format", format, "-o"])
            .arg(&out)
            .arg(&input));
        (out, o)
    };
    let check = || -> Result<(), String> {
        let formats = [("json", "z.json"), ("ndjson", "records.ndjson")];
        for (format, old) in formats {
            let (out, o) = into(format);
            if o.status.code() != Some(0) || !out.join(old).is_file() {
                return Err(format!("{format}: first run: {}", stderr(&o)));
            }
        }
        let mut text = std::fs::read(&seed).unwrap();
        text.extend_from_slice(b"\nChanged since the first run.\n");
        std::fs::write(input.join("z.txt"), &text).unwrap();
        for i in 1..30 {
            std::fs::copy(&seed, input.join(format!("s{i:02}.txt"))).unwrap();
        }
        for (format, old) in formats {
            let (out, o) = into(format);
            let err = stderr(&o);
            if o.status.code() != Some(2) {
                return Err(format!("{format}: exit {:?}: {err}", o.status));
            }
            let m = manifest(&out);
            assert_valid(&m);
            let inputs = m["inputs"].as_array().cloned().unwrap_or_default();
            if m["totals"]["inputs"] != 30 || m["complete"] != true || inputs.len() != 30 {
                return Err(format!("{format}: manifest {}", m["totals"]));
            }
            let mut written = 0;
            for e in &inputs {
                match (e["status"].as_str(), e["output"].as_str()) {
                    (Some("ok"), Some(name)) if out.join(name).is_file() => written += 1,
                    (Some("error"), None) if e["error_code"] == "output" => {}
                    _ => return Err(format!("{format}: {e}")),
                }
            }
            if !(1..30).contains(&written) && format == "json" {
                return Err(format!(
                    "{format}: {written} written: the disk did not fill"
                ));
            }
            if format == "ndjson" && (written != 0 || out.join(old).exists()) {
                return Err(format!("{format}: {written} said written without the file"));
            }
            // The old output of the changed input is gone, and told.
            if out.join(old).exists() {
                return Err(format!("{format}: the stale {old} is still there"));
            }
            let told = match format {
                "json" => inputs.iter().any(|e| {
                    e["path"].as_str().is_some_and(|p| p.ends_with("z.txt"))
                        && e["error_message"]
                            .as_str()
                            .is_some_and(|m| m.contains("(z.json) was removed"))
                }),
                _ => err.contains("removed") && err.contains("records.ndjson"),
            };
            if !told {
                return Err(format!("{format}: the removal is not told: {err}"));
            }
            if err.contains(".tmp") {
                return Err(format!("{format}: an error names a temporary file: {err}"));
            }
            let left: Vec<String> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp") || n.contains("reserve"))
                .collect();
            if !left.is_empty() {
                return Err(format!("{format}: left {left:?}"));
            }
        }
        Ok(())
    };
    let result = check();
    let _ = std::process::Command::new("umount").arg(&disk).status();
    if let Err(e) = result {
        panic!("{e}");
    }
}
