//! Times each pipeline stage on one file, with the process's peak memory
//! after each (a profiling aid, for `perf` / `valgrind --tool=callgrind`):
//!
//! ```text
//! cargo build --release --example stages
//! target/release/examples/stages FILE
//! ```

use std::time::{Duration, Instant};

/// Resident and peak resident memory of this process (Linux), as printed
/// by `/proc/self/status`; empty elsewhere.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn report(stage: &str, took: Duration) {
    eprintln!(
        "{stage:<8} {:>10.2} ms   {}",
        took.as_secs_f64() * 1e3,
        memory()
    );
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let t = Instant::now();
    let (layout, source) = match plantab::read_layout(&path, &bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    report("read", t.elapsed());
    if let Ok(text) = std::str::from_utf8(&bytes) {
        let t = Instant::now();
        let shape = plantab_text::detect_shape(text);
        eprintln!(
            "  (shape {shape:?}, detected in {:.2} ms)",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let t = Instant::now();
    let rebuilt = plantab_tables::rebuild(layout);
    report("rebuild", t.elapsed());
    let t = Instant::now();
    let doc = plantab_records::build_document(rebuilt, source);
    report("records", t.elapsed());
    let t = Instant::now();
    let json = plantab_output::to_json(&doc).unwrap_or_default();
    report("json", t.elapsed());
    eprintln!(
        "{} records, {} tables, {} bytes of JSON",
        doc.records.len(),
        doc.tables.len(),
        json.len()
    );
    let t = Instant::now();
    drop(doc);
    drop(json);
    report("drop", t.elapsed());
}
