//! Criterion benchmarks for the PDF reader's hot stages, on the glyphs of a
//! 33-page seed rendering (read once, outside the measurement): word and
//! line grouping, ruled-grid finding, text-alignment (column) detection and
//! the whole per-page analysis. `cargo bench -p plantab-pdf`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use plantab_pdf::source::{GlyphSource, PageGlyphs};

fn pages() -> Vec<PageGlyphs> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/pdf/002_5028bfdfd469f7ca.pdf"
    );
    let bytes = std::fs::read(path).expect("seed PDF");
    let (src, _) = plantab_pdf::open(&bytes).expect("opens");
    (0..src.page_count())
        .filter_map(|i| src.page(i).ok())
        .collect()
}

fn all_idx(p: &PageGlyphs) -> Vec<u32> {
    (0..p.glyphs.len() as u32).collect()
}

fn stages(c: &mut Criterion) {
    let pages = pages();
    let idx: Vec<Vec<u32>> = pages.iter().map(all_idx).collect();
    let mut g = c.benchmark_group("pdf_002_all_pages");
    g.sample_size(20);
    g.bench_function("build_lines (words + lines)", |b| {
        b.iter(|| {
            for (p, i) in pages.iter().zip(&idx) {
                black_box(plantab_pdf::lines::build_lines(p, i, true));
            }
        })
    });
    g.bench_function("find_grids (ruled tables)", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(plantab_pdf::grid::find_grids(&p.rulings));
            }
        })
    });
    g.bench_function("find_text_grids (column detection)", |b| {
        b.iter(|| {
            for (p, i) in pages.iter().zip(&idx) {
                black_box(plantab_pdf::align::find_text_grids(p, i, &p.rulings, &[]));
            }
        })
    });
    g.bench_function("analyse (whole page)", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(plantab_pdf::analyse(p));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
