//! Times each stage on one file (a profiling aid): `cargo run --release --example stages -- FILE`.
use std::time::Instant;
fn hwm() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = Instant::now();
    let text = plantab_text::decode::decode(&bytes).unwrap();
    let a = t.elapsed();
    let shape = plantab_text::detect_shape(&text);
    let b = t.elapsed();
    let _l = plantab_text::read_str(&text);
    drop(_l);
    let c = t.elapsed();
    eprintln!(
        "decode {:?} shape {:?} ({shape:?}) read_str {:?}",
        a,
        b - a,
        c - b
    );
    let t = Instant::now();
    let (layout, source) = plantab::read_layout(&path, &bytes).unwrap();
    let t1 = t.elapsed();
    eprintln!("after read: {}", hwm());
    let rebuilt = plantab_tables::rebuild(layout);
    eprintln!("after rebuild: {}", hwm());
    let t2 = t.elapsed();
    let doc = plantab_records::build_document(rebuilt, source);
    let t3 = t.elapsed();
    eprintln!("after records: {}", hwm());
    let s = plantab_output::to_json(&doc).unwrap_or_default();
    let t4 = t.elapsed();
    eprintln!("after json: {}", hwm());
    eprintln!(
        "read {:?} rebuild {:?} records {:?} json {:?} ({} bytes)",
        t1,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        s.len()
    );
}
