//! Criterion benchmark for fragment joining: `rebuild` on the layouts of
//! the seed text conversions (read once, outside the measurement).
//! `cargo bench -p plantab-tables`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn layouts() -> Vec<plantab_model::Layout> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/text")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| plantab_text::read_text(&b).ok())
        .collect()
}

fn joining(c: &mut Criterion) {
    let layouts = layouts();
    c.bench_function("rebuild (all seed texts)", |b| {
        b.iter(|| {
            for l in &layouts {
                black_box(plantab_tables::rebuild(l.clone()));
            }
        })
    });
}

criterion_group!(benches, joining);
criterion_main!(benches);
