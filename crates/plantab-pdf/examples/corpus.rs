//! Runs the reader over every PDF under a folder (default
//! `../shared/corpus/external`) and prints one line per file: result,
//! pages, blocks, tables, time. Ends with counts by outcome.
use std::collections::BTreeMap;
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

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/external".into());
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    files.sort();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut slowest = (0.0f64, String::new());
    let total = Instant::now();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        let t = Instant::now();
        let r = plantab_pdf::read_pdf(&bytes);
        let secs = t.elapsed().as_secs_f64();
        if secs > slowest.0 {
            slowest = (secs, f.display().to_string());
        }
        let name = f.display().to_string();
        match r {
            Ok(l) => {
                let tables = l
                    .blocks
                    .iter()
                    .filter(|b| matches!(b, plantab_model::Block::Table(_)))
                    .count();
                println!(
                    "ok    {secs:6.3}s {:>4}p {:>5} blocks {:>3} tables  {name}",
                    l.pages.unwrap_or(0),
                    l.blocks.len(),
                    tables
                );
                *counts.entry("ok".into()).or_default() += 1;
            }
            Err(e) => {
                println!(
                    "{:<5} {secs:6.3}s {name}: {}",
                    e.code().as_str(),
                    e.reason()
                );
                *counts.entry(e.code().as_str().into()).or_default() += 1;
            }
        }
    }
    println!(
        "\n{} files in {:.1}s; {:?}; slowest {:.2}s {}",
        files.len(),
        total.elapsed().as_secs_f64(),
        counts,
        slowest.0,
        slowest.1
    );
}
