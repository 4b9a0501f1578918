//! Every input in `fixtures/fuzz/<target>/` — the target's corpus after a
//! fuzzing run, minimised with `cargo fuzz cmin`, and any crash it once
//! found — run through the same function as that target: no panic, and the
//! target's own assertions hold. A folder with nothing in it is a failure:
//! a test that checks nothing must not pass.

use std::path::PathBuf;

use plantab_records::dates::{parse_date, DateContext, FiscalYear};
use plantab_records::status::normalise_status;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/fuzz")
        .join(target);
    let rd = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut out: Vec<(String, Vec<u8>)> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    assert!(
        !out.is_empty(),
        "{} holds no inputs: put the target's minimised corpus there (README, \"Fuzzing\")",
        dir.display()
    );
    out
}

#[test]
fn text_reader_regressions() {
    for (name, bytes) in inputs("text_reader") {
        println!("{name}");
        let _ = plantab_text::read_text(&bytes);
    }
}

#[test]
fn pdf_reader_regressions() {
    for (name, bytes) in inputs("pdf_reader") {
        let r = plantab_pdf::read_pdf(&bytes);
        println!("{name}: {:?}", r.as_ref().err().map(|e| e.code().as_str()));
    }
}

#[test]
fn dates_regressions() {
    let inputs = inputs("dates");
    let mut checked = 0;
    for (name, bytes) in &inputs {
        let Ok(s) = std::str::from_utf8(bytes) else {
            continue;
        };
        checked += 1;
        println!("{name}");
        let july = Some(FiscalYear {
            start_month: 7,
            pairs: true,
        });
        let us = Some(FiscalYear {
            start_month: 10,
            pairs: false,
        });
        // The contexts of the fuzz target (fuzz/fuzz_targets/dates.rs).
        for (year, short_year_first, yearless_from, fiscal) in [
            (None, false, None, None),
            (Some(2024), false, None, None),
            (Some(2022), true, None, july),
            (Some(2023), false, Some((2023, 8)), us),
        ] {
            let d = parse_date(
                s,
                &DateContext {
                    year,
                    short_year_first,
                    yearless_from,
                    fiscal,
                },
            );
            assert_eq!(d.raw, s, "{name}");
            if let (Some(a), Some(b)) = (&d.start, &d.end) {
                assert!(a <= b, "{name}: {a} > {b}");
            }
        }
        let _ = normalise_status(s);
    }
    assert!(checked > 0, "no UTF-8 input among {} files", inputs.len());
}
