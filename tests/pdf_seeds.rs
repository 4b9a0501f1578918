//! The seed documents' PDF renderings give the same facts as their text
//! versions: the fact lists in `tests/support/lib.rs` run on both.

use plantab_e2e::*;

#[test]
fn seed_000_pdf() {
    let doc = extract(&seed("pdf", "000"));
    facts_000(&doc);
    facts_000_split(&doc);
    assert_eq!(doc.source.pages, Some(17));
    // Provenance: CM P1.3 sits on page 2 (left half) and page 3 (right half).
    let r = rec(&doc, "CM P1.3");
    assert_eq!(r.provenance.pages, [2, 3]);
    assert_eq!(r.provenance.bbox.len(), 2);
}

#[test]
fn seed_001_pdf() {
    let doc = extract(&seed("pdf", "001"));
    facts_001(&doc);
    facts_001_appendix(&doc);
}

#[test]
fn seed_002_pdf() {
    facts_002(&extract(&seed("pdf", "002")));
}

#[test]
fn seed_003_pdf() {
    facts_003(&extract(&seed("pdf", "003")));
}

/// The same facts on renderings by another producer (LibreOffice), with
/// other paper, fonts and column widths (see fixtures/pdf/variants/).
#[test]
fn variants_by_another_producer() {
    let split = extract(&fixture(
        "pdf/variants/000-split-after-description-a3-libreoffice.pdf",
    ));
    facts_000(&split);
    facts_000_split(&split);
    facts_000(&extract(&fixture(
        "pdf/variants/000-unsplit-letter-libreoffice.pdf",
    )));
    facts_001(&extract(&fixture(
        "pdf/variants/001-a4-portrait-libreoffice.pdf",
    )));
}

#[test]
fn seed_004_pdf() {
    facts_004(&extract(&seed("pdf", "004")));
}
