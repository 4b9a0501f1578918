//! The seed documents' text versions, end to end: every fact here was
//! checked by hand against the seed (the fact lists live in
//! `tests/support/lib.rs` and run on the PDF versions too).
//!
//! Seeds 000, 001 and 002 are also checked as today's converters print
//! them (`fixtures/text/converters/`, made from the seeds by
//! `make_converted.py`: docling and marker markdown, pandoc HTML, Azure
//! Document Intelligence markdown with HTML tables): every seed fact must
//! hold on every rendering.

use plantab_e2e::*;
use plantab_model::Document;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// The seed's text version, then its converter renderings.
fn renderings(prefix: &str) -> Vec<PathBuf> {
    let dir = fixture("text/converters");
    let mut conv: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.ends_with(&format!("_{prefix}.md")) || name.ends_with(&format!("_{prefix}.html"))
        })
        .collect();
    conv.sort();
    assert_eq!(
        conv.len(),
        4,
        "four renderings of {prefix} in {}",
        dir.display()
    );
    let mut all = vec![seed("text", prefix)];
    all.extend(conv);
    all
}

/// Runs `facts` on the seed and on each of its renderings; fails naming
/// every input whose facts did not hold.
fn on_every_rendering(prefix: &str, facts: impl Fn(&Document)) {
    let mut failed = Vec::new();
    for path in renderings(prefix) {
        let doc = extract(&path);
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| facts(&doc))) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{}: {msg}", path.display()));
        }
    }
    assert!(failed.is_empty(), "facts failed:\n{}", failed.join("\n"));
}

#[test]
fn seed_000_progress_report_split_tables() {
    on_every_rendering("000", |doc| {
        facts_000(doc);
        facts_000_split(doc);
    });
}

#[test]
fn seed_001_delivery_plan() {
    on_every_rendering("001", |doc| {
        facts_001(doc);
        facts_001_appendix(doc);
    });
}

#[test]
fn seed_002_business_plan() {
    on_every_rendering("002", facts_002);
}

#[test]
fn seed_003_annual_report_vertical_records() {
    facts_003(&extract(&seed("text", "003")));
}

#[test]
fn seed_004_flattened_tracker() {
    facts_004(&extract(&seed("text", "004")));
}

/// Pages as the paginated renderings print them (read off the files: the
/// script starts a page at each table fragment). marker numbers its
/// `{N}----` markers from 0; Azure separates pages with
/// `<!-- PageBreak -->`.
#[test]
fn paginated_renderings_give_tables_and_records_their_pages() {
    use plantab_model::TableKind;
    let conv = |name: &str| extract(&fixture(&format!("text/converters/{name}")));
    for name in ["marker_001.md", "azure_001.md"] {
        let doc = conv(name);
        // {0} … {19}: twenty pages.
        assert_eq!(doc.source.pages, Some(20), "{name}");
        assert_eq!(rec(&doc, "MSS P1").provenance.pages, [2], "{name}");
        assert_eq!(rec(&doc, "MSS P1.4").provenance.pages, [3], "{name}");
        assert_eq!(rec(&doc, "PRO29233").provenance.pages, [10], "{name}");
        // The measures table printed over pages 12 and 13, its header
        // repeated on 13: one table.
        let m: Vec<_> = tables_of_kind(&doc, TableKind::Measures);
        assert_eq!(m.len(), 1, "{name}");
        assert_eq!(m[0].pages, [12, 13], "{name}");
        assert_eq!(m[0].rows.len(), 7, "{name}");
        assert_eq!(
            rec_titled(&doc, "Calls answered (%)").provenance.pages,
            [12],
            "{name}"
        );
        assert_eq!(
            rec_titled(&doc, "Job Starts achieved (%)").provenance.pages,
            [13],
            "{name}"
        );
    }
    for name in ["marker_000.md", "azure_000.md"] {
        let doc = conv(name);
        assert_eq!(doc.source.pages, Some(17), "{name}");
        // Left half on one page, right half (statuses) on the next.
        assert_eq!(rec(&doc, "CM P1.3").provenance.pages, [2, 3], "{name}");
        assert_eq!(rec(&doc, "MTR P10.4").provenance.pages, [16, 17], "{name}");
    }
    // Renderings without page markers give no pages.
    for name in ["docling_001.md", "pandoc_001.html"] {
        let doc = conv(name);
        assert_eq!(doc.source.pages, None, "{name}");
        assert!(rec(&doc, "MSS P1").provenance.pages.is_empty(), "{name}");
    }
}
