//! Damaged and hostile PDFs: every one ends `Ok` or as a named error
//! (`malformed`, `limit_exceeded`, `encrypted`, `no_text_layer`), never a
//! panic, each within a few seconds. Inputs are made with a fixed seed
//! (see `support`), so a failure reproduces.

mod support;

use std::time::{Duration, Instant};

use plantab_pdf::{limits, read_pdf, read_pdf_with_limits, Limits, PdfError};
use support::*;

const NAMED: [&str; 4] = ["malformed", "limit_exceeded", "encrypted", "no_text_layer"];
/// A hang guard, not a speed goal (speed lives in `bench/`): generous, as
/// tests share a loaded machine.
const SLOW: Duration = Duration::from_secs(120);

/// Runs `read_pdf` on each case, prints the outcome table, and checks every
/// outcome is Ok or a named error within [`SLOW`]. Returns the outcomes.
fn run(cases: Vec<(String, Vec<u8>)>, limits: &Limits) -> Vec<(String, String)> {
    let mut out = Vec::new();
    println!("{:<48} {:>10} {:>8}  outcome", "input", "bytes", "ms");
    for (name, bytes) in cases {
        let t = Instant::now();
        let r = read_pdf_with_limits(&bytes, limits);
        let el = t.elapsed();
        let outcome = match &r {
            Ok(l) => format!("ok ({} blocks)", l.blocks.len()),
            Err(e) => e.to_string().chars().take(110).collect(),
        };
        println!(
            "{name:<48} {:>10} {:>8}  {outcome}",
            bytes.len(),
            el.as_millis()
        );
        if let Err(e) = &r {
            assert!(
                NAMED.contains(&e.code().as_str()),
                "{name}: unnamed error {e}"
            );
        }
        assert!(el < SLOW, "{name}: took {el:?}");
        out.push((
            name,
            r.map_or_else(|e| e.code().as_str().to_string(), |_| "ok".into()),
        ));
    }
    out
}

#[test]
fn damaged_seed_copies_end_ok_or_named() {
    let mut rng = XorShift::new(0x5EED_2024);
    let mut cases = Vec::new();
    for (name, bytes) in seed_pdfs() {
        cases.push((format!("{name} truncated 95%"), truncated(&bytes, 95)));
        cases.push((format!("{name} truncated 60%"), truncated(&bytes, 60)));
        for k in 0..2 {
            cases.push((
                format!("{name} 20 byte flips #{k}"),
                flipped(&bytes, 20, &mut rng),
            ));
        }
    }
    let outcomes = run(cases, &Limits::default());
    assert_eq!(outcomes.len(), 20);
}

#[test]
fn junk_inputs_are_malformed() {
    let mut rng = XorShift::new(7);
    let mut with_header = b"%PDF-1.7\n".to_vec();
    with_header.extend(random_bytes(64 * 1024, &mut rng));
    let cases = vec![
        ("empty.pdf (0 bytes)".to_string(), Vec::new()),
        (
            "random.pdf (64 KiB)".to_string(),
            random_bytes(64 * 1024, &mut rng),
        ),
        ("random after %PDF- header".to_string(), with_header),
        ("header only".to_string(), b"%PDF-1.4\n".to_vec()),
    ];
    for (name, code) in run(cases, &Limits::default()) {
        assert_eq!(code, "malformed", "{name}");
    }
}

#[test]
fn own_document_reads_and_is_within_limits() {
    let pdf = hello_pdf();
    let stats = limits::check(&pdf, &Limits::default()).unwrap();
    assert_eq!(stats.objects, 5);
    assert_eq!(stats.pages, 1);
    // BT Tf Td Tj ET
    assert_eq!(stats.max_page_operators, 5);
    let layout = read_pdf(&pdf).unwrap();
    assert!(format!("{:?}", layout.blocks).contains("Quarterly delivery report"));
}

#[test]
fn seeds_pass_the_default_limits() {
    for (name, bytes) in seed_pdfs() {
        let stats = limits::check(&bytes, &Limits::default()).unwrap();
        assert!(stats.pages > 0 && stats.objects > 100, "{name}: {stats:?}");
    }
}

fn code(r: Result<plantab_model::Layout, PdfError>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => format!("{}: {}", e.code(), e.reason()),
    }
}

#[test]
fn decompression_bomb_is_limit_exceeded_quickly() {
    // 300 MiB of zeros behind two Flate layers: a file of a few KiB.
    let pdf = bomb_pdf(300);
    assert!(pdf.len() < 200 * 1024, "{}", pdf.len());
    let t = Instant::now();
    let r = code(read_pdf(&pdf));
    println!(
        "double-layer bomb: {} bytes, {:?}: {r}",
        pdf.len(),
        t.elapsed()
    );
    assert!(r.starts_with("limit_exceeded: decompressed"), "{r}");
    // Inflating 256 MiB takes well under a second optimised; an unoptimised
    // test build of the inflater is far slower, so only time it optimised.
    if !cfg!(debug_assertions) {
        assert!(t.elapsed() < SLOW);
    }

    // A single layer (300 MiB in about 1.9 MB).
    let pdf = bomb_pdf_single(300);
    let t = Instant::now();
    let r = code(read_pdf(&pdf));
    println!(
        "single-layer bomb: {} bytes, {:?}: {r}",
        pdf.len(),
        t.elapsed()
    );
    assert!(r.starts_with("limit_exceeded: decompressed"), "{r}");

    // Under a smaller cap, a small bomb too; over it, the same file reads.
    let pdf = bomb_pdf(20);
    let small = Limits {
        max_decompressed_bytes: 8 << 20,
        ..Limits::default()
    };
    assert!(code(read_pdf_with_limits(&pdf, &small)).starts_with("limit_exceeded"));
    let stats = limits::check(&pdf, &Limits::default()).unwrap();
    assert!(stats.decompressed_bytes > 19 << 20, "{stats:?}");
}

#[test]
fn deep_nesting_is_limit_exceeded_without_overflow() {
    // Tests run on 2 MiB threads: a recursive parser would overflow here.
    for depth in [300, 10_000, 100_000] {
        for (what, pdf) in [
            ("object", nested_object_pdf(depth)),
            ("content", nested_content_pdf(depth)),
        ] {
            let r = code(read_pdf(&pdf));
            println!("{what} nested {depth}: {r}");
            assert!(
                r.starts_with("limit_exceeded: nesting"),
                "{what} {depth}: {r}"
            );
        }
    }
    // Moderate nesting passes the pre-pass.
    let stats = limits::check(&nested_content_pdf(50), &Limits::default()).unwrap();
    assert_eq!(stats.max_depth, 50);
}

#[test]
fn operator_and_object_limits() {
    // 2.6 M q/Q pairs: 5.2 M operators on one page.
    let pdf = many_ops_pdf(2_600_000);
    let t = Instant::now();
    let r = code(read_pdf(&pdf));
    println!(
        "many operators: {} bytes, {:?}: {r}",
        pdf.len(),
        t.elapsed()
    );
    assert!(
        r.starts_with("limit_exceeded: content-stream operators"),
        "{r}"
    );

    let pdf = many_ops_pdf(1000);
    let stats = limits::check(&pdf, &Limits::default()).unwrap();
    assert_eq!(stats.max_page_operators, 2005);
    let few = Limits {
        max_operators_per_page: 2000,
        ..Limits::default()
    };
    assert!(code(read_pdf_with_limits(&pdf, &few)).starts_with("limit_exceeded"));

    let r = code(read_pdf(&huge_size_claim_pdf(1_000_000_000)));
    assert!(r.starts_with("limit_exceeded: object count"), "{r}");
    let few = Limits {
        max_objects: 100,
        ..Limits::default()
    };
    let (_, seed) = &seed_pdfs()[0];
    assert!(code(read_pdf_with_limits(seed, &few)).starts_with("limit_exceeded: object count"));
}
