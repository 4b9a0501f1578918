//! The real-world PDFs in `../shared/corpus/external/` (table-extraction
//! test suites: encrypted, empty, malformed, rotated, CJK …): every file is
//! read, or fails with a named error; none panics. Skips with a notice
//! when the corpus is absent (it is kept out of the repository).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/external");
    p.is_dir().then_some(p)
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
fn every_external_pdf_reads_or_fails_with_a_named_error() {
    let Some(dir) = corpus() else {
        println!("notice: ../shared/corpus/external is absent; external corpus test skipped");
        return;
    };
    let mut files = Vec::new();
    pdfs(&dir, &mut files);
    assert!(files.len() >= 150, "found {} PDFs", files.len());
    let named = [
        "encrypted",
        "no_text_layer",
        "malformed",
        "empty",
        "limit_exceeded",
    ];
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let outcome = std::panic::catch_unwind(|| plantab::extract_file(f));
        let code = match outcome {
            Err(_) => panic!("{}: panicked", f.display()),
            Ok(Ok(_)) => "ok".to_string(),
            Ok(Err(e)) => {
                let code = e.code().as_str().to_string();
                assert!(
                    named.contains(&code.as_str()),
                    "{}: unexpected error {e}",
                    f.display()
                );
                assert!(!e.to_string().is_empty());
                code
            }
        };
        *outcomes.entry(code).or_default() += 1;
    }
    println!("external corpus outcomes: {outcomes:?}");
    // Checked by hand: three password-protected files, one 0-byte file.
    assert_eq!(outcomes.get("encrypted"), Some(&3));
    assert!(outcomes.get("ok").copied().unwrap_or(0) >= 140);
}
