//! The finder's overrides (pages, areas, column separators, strategy) on
//! `fixtures/pdf/finder/unruled.pdf`: a three-column table with no rulings
//! on page 2 (page 1 is the empty page LibreOffice puts first), header
//! Branch | Visitors | Proposed change, four branches; the table's header
//! sits about 65–80 pt below the page top (page height 841.9 pt), its
//! columns start at x ≈ 61, 139 and 207 pt (read off the rendered page).

use plantab_model::{Block, Layout, TableFragment};
use plantab_pdf::{Area, Overrides, PageSet, ReadOptions, Strategy};
use std::path::PathBuf;

fn read(o: Overrides) -> Layout {
    try_read(o).unwrap()
}

fn try_read(o: Overrides) -> Result<Layout, plantab_pdf::PdfError> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf/finder/unruled.pdf");
    let bytes = std::fs::read(&p).unwrap();
    plantab_pdf::read_pdf_with_options(
        &bytes,
        &ReadOptions {
            overrides: o,
            ..ReadOptions::default()
        },
    )
}

fn tables(l: &Layout) -> Vec<&TableFragment> {
    l.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn pages_choose_what_is_read() {
    // Page 1 alone has no text at all.
    let only_1 = try_read(Overrides {
        pages: Some(PageSet::parse("1").unwrap()),
        ..Overrides::default()
    });
    assert!(
        matches!(&only_1, Err(plantab_pdf::PdfError::NoTextLayer(m)) if m.contains("1 chosen of its 2")),
        "{only_1:?}"
    );
    let only_2 = read(Overrides {
        pages: Some(PageSet::parse("2-").unwrap()),
        ..Overrides::default()
    });
    assert_eq!(tables(&only_2).len(), 1);
    let past = read(Overrides {
        pages: Some(PageSet::parse("2,7").unwrap()),
        ..Overrides::default()
    });
    assert!(past
        .warnings
        .iter()
        .any(|w| w.code == plantab_model::WarningCode::PagesNotFound));
}

#[test]
fn ruled_strategy_finds_no_unruled_table() {
    let l = read(Overrides {
        strategy: Strategy::Ruled,
        ..Overrides::default()
    });
    assert!(tables(&l).is_empty());
    // Nothing lost: the cells are text now.
    assert!(l
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Text(t) if t.text.contains("Hillcrest"))));
}

#[test]
fn columns_replace_the_gaps() {
    // One separator between Visitors and Proposed change: two columns.
    let l = read(Overrides {
        columns: vec![200.0],
        strategy: Strategy::Text,
        ..Overrides::default()
    });
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    let northgate = t[0]
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| c.contains("Northgate")))
        .unwrap();
    assert_eq!(northgate.cells.len(), 2);
    assert!(northgate.cells[0].contains("48,210"));
    assert!(northgate.cells[1].starts_with("Open on Sunday"));
}

#[test]
fn an_area_bounds_the_table() {
    // From just above the header to below Northgate's wrapped line.
    let area = Area::parse("2:50,716.9,500,776.9").unwrap();
    let l = read(Overrides {
        areas: vec![area],
        ..Overrides::default()
    });
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].header.as_deref().unwrap(),
        ["Branch", "Visitors", "Proposed change"]
    );
    assert_eq!(t[0].rows.len(), 1);
    assert_eq!(t[0].rows[0].cells[0], "Northgate");
    // The rows outside the area are text, not lost.
    assert!(l
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Text(t) if t.text.contains("Riverside"))));
}
