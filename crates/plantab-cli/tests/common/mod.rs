//! Helpers shared by the CLI's integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `plantab` binary under test, with the test-fault hooks cleared.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_plantab"));
    c.env_remove("PLANTAB_TEST_FAULT");
    c.env_remove("PLANTAB_PANIC_REPORT");
    c
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty temporary folder for one test (`prefix` names the test
/// file, `name` the test).
pub fn tmpdir(prefix: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantab-{prefix}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs a command to completion.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run plantab")
}

/// A run's stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `rel` in the corpus kept out of the repository (`shared/corpus` beside
/// the checkout, or beside a folder above it for a git worktree): `None`,
/// with a notice on stderr that `cargo test` does not capture, when there
/// is no corpus; a failure when the corpus is there without the file.
pub fn corpus_file(rel: &str) -> Option<PathBuf> {
    use std::io::Write;
    let Some(corpus) = repo()
        .ancestors()
        .skip(1)
        .map(|p| p.join("shared/corpus"))
        .find(|p| p.is_dir())
    else {
        let _ = writeln!(
            std::io::stderr().lock(),
            "SKIPPED the {rel} case: no shared/corpus beside the checkout"
        );
        return None;
    };
    let file = corpus.join(rel);
    assert!(file.is_file(), "{} is missing", file.display());
    Some(file)
}
