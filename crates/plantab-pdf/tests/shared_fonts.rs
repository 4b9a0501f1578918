//! The vendored glyph library keeps a document's fonts from page to page
//! when no warnings are collected (vendor/README.md): the characters are
//! the same as with every page loading its own fonts (what collecting
//! warnings still does), whatever order the pages are read in.

use pdfplumber::{Char, ExtractOptions, Pdf};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every page's characters (pages read last to first when `reverse`),
/// listed by page number.
fn chars(bytes: &[u8], collect_warnings: bool, reverse: bool) -> Vec<Vec<Char>> {
    let options = ExtractOptions {
        collect_warnings,
        ..ExtractOptions::default()
    };
    let pdf = Pdf::open_bytes(bytes, Some(options)).unwrap();
    let mut pages: Vec<usize> = (0..pdf.page_count()).collect();
    if reverse {
        pages.reverse();
    }
    let mut out: Vec<(usize, Vec<Char>)> = pages
        .into_iter()
        .map(|i| (i, pdf.page(i).unwrap().chars().to_vec()))
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, c)| c).collect()
}

#[test]
fn fonts_kept_across_pages_give_the_same_chars() {
    // Chromium/Skia output with CID fonts on every page (000, 002) and
    // LibreOffice output with simple fonts.
    for name in [
        "000_10d08a98e15f6a96.pdf",
        "002_5028bfdfd469f7ca.pdf",
        "variants/000-unsplit-letter-libreoffice.pdf",
    ] {
        let bytes = fixture(name);
        let per_page = chars(&bytes, true, false);
        assert!(
            per_page.iter().filter(|p| !p.is_empty()).count() > 1,
            "{name}"
        );
        assert_eq!(chars(&bytes, false, false), per_page, "{name}");
        assert_eq!(chars(&bytes, false, true), per_page, "{name}");
    }
}
