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
