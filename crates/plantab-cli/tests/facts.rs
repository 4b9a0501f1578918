//! The hand-checked facts (`fixtures/*/*.facts.json`: real plans of
//! `../shared/corpus/real/`, the seeds, our own documents in other
//! governments' conventions, the layouts) against the binary under test,
//! through their reference checker `bench/check_facts.py`: no document may
//! hold fewer facts than its floor in `fixtures/facts/FLOOR.json` — what
//! held when the floor was last raised (`--write-floor`). A fact that held
//! and stops holding fails this test; a document whose file is absent (no
//! `../shared/corpus`) is skipped with a visible `SKIPPED` line.

mod common;

use common::repo;
use std::io::Write;
use std::process::Command;

#[test]
fn no_document_holds_fewer_hand_checked_facts_than_its_floor() {
    let python = match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => "python3",
        _ => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "SKIPPED the facts floor: no python3 on PATH"
            );
            return;
        }
    };
    let root = repo();
    let out = Command::new(python)
        .arg(root.join("bench/check_facts.py"))
        .arg(env!("CARGO_BIN_EXE_plantab"))
        .arg("--summary")
        .arg("--floor")
        .arg(root.join("fixtures/facts/FLOOR.json"))
        .output()
        .expect("run bench/check_facts.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The per-document lines, SKIPPED ones included, for the test log.
    println!("{stdout}");
    for line in stdout.lines().filter(|l| l.contains("SKIPPED")) {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
    assert!(
        out.status.success(),
        "check_facts failed ({:?}):\n{}\n{}",
        out.status.code(),
        stdout
            .lines()
            .skip_while(|l| !l.starts_with("BELOW FLOOR"))
            .collect::<Vec<_>>()
            .join("\n"),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("TOTAL:")),
        "no total: {stdout}"
    );
}
