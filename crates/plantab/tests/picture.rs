//! The debug picture of `fixtures/pdf/finder/multi_header.pdf` page 2: one
//! table of four columns (Region | 2023 | Grants paid 2024 | Projects, as
//! printed), a two-row header in which "Region" and "Projects" span both
//! rows, four body rows (checked on the rendered page).

use std::path::PathBuf;

fn fixture() -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf/finder/multi_header.pdf");
    std::fs::read(p).unwrap()
}

#[test]
fn svg_shows_table_header_spans_and_roles() {
    let svg = plantab::debug_pdf_svg(&fixture(), 2, &plantab::Overrides::default(), false).unwrap();
    assert!(svg.starts_with("<svg "));
    // One table, numbered, four columns.
    assert!(svg.contains(">T1 ") && svg.contains("x4<"), "{svg}");
    assert!(!svg.contains(">T2 "));
    // Header rows shaded.
    assert_eq!(svg.matches("#ffe066").count(), 1);
    // Text runs carry their text as a tooltip.
    assert!(svg.contains("<title>Lakeland</title>"));
    // A label over each column; the year columns keyed by their year.
    assert_eq!(svg.matches("fill=\"#6020a0\"").count(), 4, "{svg}");
    assert!(svg.contains(">2023</text>"), "{svg}");
}

#[test]
fn png_is_a_picture_of_the_page() {
    let o = plantab::Overrides::default();
    let png = plantab::debug_pdf_png(&fixture(), 2, &o, 1.0).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // A4 at one pixel per point: 596 x 842 (IHDR width and height).
    let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((w, h), (596, 842));
    if let Ok(dir) = std::env::var("PLANTAB_PICTURE_DIR") {
        std::fs::write(PathBuf::from(&dir).join("multi_header-p2.png"), &png).unwrap();
        let png2 = plantab::debug_pdf_png(&fixture(), 2, &o, 2.0).unwrap();
        std::fs::write(PathBuf::from(dir).join("multi_header-p2@2.png"), png2).unwrap();
    }
}
