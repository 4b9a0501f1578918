//! The real-world PDFs of `../shared/corpus/external/` (the table-extraction
//! test suites of camelot, pdfplumber, tabula and the ICDAR 2013 EU set:
//! encrypted, empty, image-only, rotated, CJK …) through the whole pipeline
//! (`plantab::extract_file`): none panics, none hangs, every file is read
//! except the ones known not to be readable, and those fail with the
//! named error they must. The one corpus test of the workspace.
//!
//! `limit_exceeded` is not an acceptable outcome here: the caps are for
//! hostile files, and every file of these suites is an ordinary document
//! well under them (`crates/plantab/tests/hostile.rs` and
//! `crates/plantab-pdf/tests/hostile.rs` check that hostile files do hit
//! them).
//!
//! The corpus is kept out of the repository: `shared/corpus` beside the
//! checkout (or beside a folder above it, for a git worktree). Without it
//! the test says on stderr that it was skipped and why; with it, a corpus
//! in which the test finds nothing to check is a failure.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Files no reader can read, and the error each must give: checked by hand
/// with poppler (`pdfinfo`: "Incorrect password" for the encrypted ones;
/// `pdftotext` gives no characters at all for the image-only ones; `ls`:
/// 0 bytes).
const REFUSED: [(&str, &str); 8] = [
    ("camelot/health_protected.pdf", "encrypted"),
    ("pdfplumber/password-example.pdf", "encrypted"),
    ("tabula/encrypted.pdf", "encrypted"),
    ("camelot/image.pdf", "no_text_layer"),
    ("camelot/empty.pdf", "no_text_layer"),
    ("pdfplumber/issue-203-decimalize.pdf", "no_text_layer"),
    ("pdfplumber/issue-297-example.pdf", "no_text_layer"),
    ("pdfplumber/empty.pdf", "empty"),
];

/// Per-file bound for a debug build: a guard against a hang, not a speed
/// goal (speed lives in `bench/compare`).
const HANG_GUARD: Duration = Duration::from_secs(120);

/// `shared/corpus` beside the checkout or beside a folder above it.
fn shared_corpus() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|p| p.join("shared/corpus"))
        .find(|p| p.is_dir())
}

/// A line on the test's stderr that `cargo test` does not capture (it
/// captures `println!` / `eprintln!` of passing tests only).
fn notice(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

#[test]
fn every_external_pdf_reads_or_fails_with_its_named_error() {
    let Some(corpus) = shared_corpus() else {
        notice(
            "SKIPPED every_external_pdf_reads_or_fails_with_its_named_error: no shared/corpus \
             beside the checkout (the external PDF corpus is kept out of the repository)",
        );
        return;
    };
    let dir = corpus.join("external");
    let mut files = Vec::new();
    pdfs(&dir, &mut files);
    // 155 PDFs in the corpus as shipped (MANIFEST.md).
    assert!(
        files.len() >= 150,
        "{} is there but holds {} PDFs: nothing to check",
        corpus.display(),
        files.len()
    );
    let refused: BTreeMap<&str, &str> = REFUSED.into_iter().collect();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&dir)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let t = Instant::now();
        let outcome = std::panic::catch_unwind(|| plantab::extract_file(f));
        assert!(
            t.elapsed() < HANG_GUARD,
            "{rel}: no result after {HANG_GUARD:?}"
        );
        let code = match outcome {
            Err(_) => panic!("{rel}: panicked"),
            Ok(Ok(doc)) => {
                if doc.source.pages.unwrap_or(0) == 0 {
                    failures.push(format!("{rel}: read, but with no pages"));
                }
                "ok".to_string()
            }
            Ok(Err(e)) => {
                assert!(!e.message().is_empty(), "{rel}: an error without a message");
                e.code().as_str().to_string()
            }
        };
        let expected = refused.get(rel.as_str()).copied().unwrap_or("ok");
        if code != expected {
            failures.push(format!("{rel}: {code}, expected {expected}"));
        }
        *outcomes.entry(code).or_default() += 1;
    }
    notice(&format!(
        "external corpus: {} PDFs, outcomes {outcomes:?}",
        files.len()
    ));
    for (rel, _) in REFUSED {
        assert!(
            files.iter().any(|f| f.ends_with(rel)),
            "{rel} is missing from the corpus"
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
