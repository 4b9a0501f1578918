//! Every PDF of the external corpus (../shared/corpus/external, kept out of
//! the repository): no panic, each file read or refused with a named error,
//! none slow. Skips with a notice when the folder is absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

#[test]
fn external_corpus_reads_clean() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/external");
    if !dir.is_dir() {
        eprintln!(
            "NOTICE: {} absent; external corpus test skipped",
            dir.display()
        );
        return;
    }
    let mut files = Vec::new();
    walk(&dir, &mut files);
    assert!(files.len() > 100, "expected the 155-file corpus");
    let mut ok = 0;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let t = Instant::now();
        let r = plantab_pdf::read_pdf(&bytes);
        // Debug builds are ~10x slower than release; keep a generous bound.
        assert!(t.elapsed().as_secs_f64() < 20.0, "{} too slow", f.display());
        match r {
            Ok(_) => ok += 1,
            Err(e) => {
                assert!(["encrypted", "no_text_layer", "malformed"].contains(&e.code().as_str()));
                assert!(!e.reason().is_empty());
            }
        }
    }
    assert!(ok * 10 >= files.len() * 9, "{ok} of {} read", files.len());
    // Known refusals, checked with pdfinfo / pdftotext.
    let code = |rel: &str| {
        plantab_pdf::read_pdf(&std::fs::read(dir.join(rel)).unwrap())
            .err()
            .map(|e| e.code().as_str())
    };
    assert_eq!(code("camelot/health_protected.pdf"), Some("encrypted"));
    assert_eq!(code("pdfplumber/password-example.pdf"), Some("encrypted"));
    assert_eq!(code("tabula/encrypted.pdf"), Some("encrypted"));
    assert_eq!(code("pdfplumber/empty.pdf"), Some("malformed"));
    assert_eq!(code("camelot/image.pdf"), Some("no_text_layer"));
}
