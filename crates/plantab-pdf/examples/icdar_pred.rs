//! Writes table predictions for the ICDAR 2013 scorer
//! (`../shared/tools/icdar/icdar_score.py`): for each PDF in a folder, a
//! `<stem>.json` in the contract's document shape with `tables[]` holding
//! `pages`, `rows` (a spanning cell's text repeated over its span), `cells`
//! (explicit 0-based row/col/spans) and `bbox` (PDF points, bottom left).
//!
//! `icdar_pred IN_DIR OUT_DIR`
//!
//! A table whose next fragment opens the following page with the same
//! columns and no header of its own (or the same header again, dropped) is
//! one table listing both pages, as `plantab_tables::rebuild` joins them.

use std::path::Path;
use std::time::Instant;

use plantab_pdf::table::{cell_text, FoundTable};
use plantab_pdf::GlyphSource;
use serde_json::{json, Value};

struct Frag {
    page: u32,
    cols: usize,
    /// Rows of cells: (row, col, row_span, col_span, text), rows from 0.
    cells: Vec<(usize, usize, usize, usize, String)>,
    rows: usize,
    header: Option<Vec<String>>,
    header_rows: usize,
    bbox: [f64; 4],
}

fn frag(page: u32, height: f64, t: &FoundTable) -> Frag {
    let g = &t.grid;
    let mut cells = Vec::new();
    for (id, c) in g.cells.iter().enumerate() {
        let text = t
            .cell_lines
            .get(id)
            .map(|l| cell_text(l))
            .unwrap_or_default();
        if text.trim().is_empty() {
            continue;
        }
        cells.push((c.row, c.col, c.row_span, c.col_span, text));
    }
    let (x0, top, x1, bottom) = g.bounds();
    Frag {
        page,
        cols: g.cols(),
        cells,
        rows: g.rows(),
        header: t.header.clone(),
        header_rows: t.title_rows + t.header_rows,
        bbox: [x0, height - bottom, x1, height - top],
    }
}

fn compact(s: &[String]) -> String {
    s.iter()
        .flat_map(|c| c.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn predict(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (src, _) = plantab_pdf::open(&bytes).map_err(|e| e.to_string())?;
    let mut frags: Vec<Vec<Frag>> = Vec::new();
    let mut edges: Vec<(u32, usize, bool, bool)> = Vec::new();
    for i in 0..src.page_count() {
        let Ok(glyphs) = src.page(i) else {
            frags.push(Vec::new());
            continue;
        };
        let a = plantab_pdf::analyse(&glyphs);
        // A table continues over the page break only when nothing but page
        // furniture (the outer 12% of the page) follows it / precedes it.
        let body = |top: f64| top > a.height * 0.12 && top < a.height * 0.88;
        let n = a.tables.len();
        for (k, t) in a.tables.iter().enumerate() {
            let (_, top, _, bottom) = t.grid.bounds();
            let ends = k + 1 == n && !a.paras.iter().any(|p| p.top > bottom && body(p.top));
            let starts = k == 0 && !a.paras.iter().any(|p| p.bottom < top && body(p.top));
            edges.push((a.number, k, starts, ends));
        }
        frags.push(
            a.tables
                .iter()
                .map(|t| frag(a.number, a.height, t))
                .collect(),
        );
    }
    // Join continued fragments.
    let mut tables: Vec<(Vec<u32>, Vec<[f64; 4]>, Frag)> = Vec::new();
    let mut prev_last_open = false;
    for page in frags {
        let n = page.len();
        for (k, f) in page.into_iter().enumerate() {
            let starts = edges.iter().any(|e| e.0 == f.page && e.1 == k && e.2);
            let continued = k == 0
                && starts
                && prev_last_open
                && tables.last().is_some_and(|(_, _, t)| {
                    t.cols == f.cols
                        && (f.header.is_none()
                            || t.header.as_ref().map(|h| compact(h))
                                == f.header.as_ref().map(|h| compact(h)))
                });
            if continued {
                if let Some((pages, boxes, t)) = tables.last_mut() {
                    let drop = if f.header.is_some() { f.header_rows } else { 0 };
                    let base = t.rows;
                    for (r, c, rs, cs, text) in f.cells {
                        if r < drop {
                            continue;
                        }
                        t.cells.push((r - drop + base, c, rs, cs, text));
                    }
                    t.rows = base + f.rows - drop;
                    pages.push(f.page);
                    boxes.push(f.bbox);
                }
            } else {
                tables.push((vec![f.page], vec![f.bbox], f));
            }
            let _ = k;
        }
        prev_last_open = n > 0
            && edges.iter().any(|e| {
                e.1 + 1 == n && e.3 && tables.last().is_some_and(|t| t.0.last() == Some(&e.0))
            });
    }
    let out: Vec<Value> = tables
        .into_iter()
        .enumerate()
        .map(|(i, (pages, boxes, t))| {
            let mut grid = vec![vec![String::new(); t.cols]; t.rows];
            for (r, c, rs, cs, text) in &t.cells {
                for row in grid.iter_mut().skip(*r).take(*rs) {
                    for cell in row.iter_mut().skip(*c).take(*cs) {
                        cell.clone_from(text);
                    }
                }
            }
            let cells: Vec<Value> = t
                .cells
                .iter()
                .map(|(r, c, rs, cs, text)| {
                    json!({"row": r, "col": c, "row_span": rs, "col_span": cs, "text": text})
                })
                .collect();
            let bboxes: Vec<Value> = pages
                .iter()
                .zip(&boxes)
                .map(|(p, b)| json!({"page": p, "bbox": b}))
                .collect();
            json!({
                "index": i,
                "kind": "other",
                "pages": pages,
                "rows": grid,
                "cells": cells,
                "bbox": boxes.first(),
                "bboxes": bboxes,
                "joined": if pages.len() > 1 { "continued" } else { "none" },
            })
        })
        .collect();
    Ok(json!({ "tables": out }))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: icdar_pred IN_DIR OUT_DIR");
        std::process::exit(2);
    };
    let _ = std::fs::create_dir_all(&output);
    let mut files: Vec<_> = std::fs::read_dir(&input)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| {
        p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
    });
    files.sort();
    for f in files {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let t = Instant::now();
        let res = predict(&f);
        let secs = t.elapsed().as_secs_f64();
        let doc = match res {
            Ok(mut v) => {
                v["schema_version"] = json!("1");
                v["source"] = json!({"path": format!("{stem}.pdf"), "format": "pdf"});
                v["run"] = json!({"tool": "plantab-pdf icdar_pred", "elapsed_s": secs});
                v
            }
            Err(e) => {
                json!({"tables": [], "run": {"tool": "plantab-pdf icdar_pred", "elapsed_s": secs, "error": e}})
            }
        };
        let out = Path::new(&output).join(format!("{stem}.json"));
        if let Err(e) = std::fs::write(&out, doc.to_string()) {
            eprintln!("{}: {e}", out.display());
        }
    }
}
