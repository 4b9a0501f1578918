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

// ------------------------------------------------------------ amplifiers
// The cases of bench/hostile/make_hostile.py (issue 15), built in memory at
// sizes that stay quick in a debug build. Memory is what they attack, and a
// unit test cannot measure it reliably: bench/hostile/run.sh runs the full
// sizes through the release binary under a memory cap. Here each must end
// as its named error, or read, within the hang guard.

use support::amplify::*;

/// Reads `pdf` with `limits`; returns `ok` or `code: reason`, and checks
/// the time against the hang guard.
fn read_case(name: &str, pdf: &[u8], limits: &Limits) -> String {
    let t = Instant::now();
    let r = code(read_pdf_with_limits(pdf, limits));
    println!(
        "{name:<32} {:>9} bytes {:>6} ms  {}",
        pdf.len(),
        t.elapsed().as_millis(),
        r.chars().take(160).collect::<String>()
    );
    assert!(t.elapsed() < SLOW, "{name}: took {:?}", t.elapsed());
    r
}

/// The text of a layout's blocks, for checking what was read.
fn layout_text(pdf: &[u8]) -> String {
    let layout = read_pdf(pdf).unwrap();
    format!("{:?}", layout.blocks)
}

#[test]
fn structure_tree_form_fields_and_metadata_are_not_expanded() {
    // Each is 2^40 (or 3^64) nodes for a walk that does not remember what
    // it saw; plantab reads page content only, so each reads at once.
    let d = Limits::default();
    for (name, pdf) in [
        ("structure tree, kids twice x40", struct_dag_pdf(40)),
        ("structure tree loop", struct_loop_pdf()),
        ("info dictionary, values twice x40", info_dag_pdf(40)),
        ("form fields, kids twice x40", acroform_dag_pdf(40)),
    ] {
        assert!(pdf.len() < 6 * 1024, "{name}: {} bytes", pdf.len());
        assert_eq!(read_case(name, &pdf, &d), "ok", "{name}");
        assert!(layout_text(&pdf).contains("Quarterly delivery report"));
    }
    // Annotations shared by every page are not read once per page.
    let pdf = annots_shared_pdf(100, 1000);
    assert_eq!(read_case("annotations shared", &pdf, &d), "ok");
}

#[test]
fn nested_forms_count_every_drawing() {
    // 10^8 leaf drawings from a 5 KB file: stopped while interpreting,
    // naming the limit and the page.
    let pdf = forms_nested_pdf(8, 10, 20);
    assert!(pdf.len() < 17 * 1024, "{}", pdf.len());
    let small = Limits {
        max_page_objects: 20_000,
        ..Limits::default()
    };
    let r = read_case("nested forms 10^8 (objects)", &pdf, &small);
    assert!(
        r.starts_with("limit_exceeded: page 1: characters") && r.contains("max_page_objects"),
        "{r}"
    );
    // The operator budget counts the forms' operators at each drawing: the
    // page's own stream has 61 operators, the pre-pass passes it.
    let few_ops = Limits {
        max_operators_per_page: 30_000,
        ..Limits::default()
    };
    let r = read_case("nested forms 10^8 (operators)", &pdf, &few_ops);
    assert!(
        r.starts_with("limit_exceeded: page 1: content-stream operators (form XObjects counted")
            && r.contains("max_operators_per_page"),
        "{r}"
    );
    // Within budget, the same structure reads: 10 x 10 drawings of a leaf.
    let pdf = forms_nested_pdf(2, 10, 1);
    assert_eq!(
        read_case("nested forms 10^2", &pdf, &Limits::default()),
        "ok"
    );
}

#[test]
fn characters_are_counted_before_they_are_made() {
    // One `Tj` of 2 million characters: refused before the library builds
    // a single one (the string's bytes are counted first).
    let pdf = glyphs_one_show_pdf(2_000_000);
    let r = read_case("one Tj, 2M characters", &pdf, &Limits::default());
    assert!(r.contains("max_page_objects"), "{r}");
    // A 20,000-character form drawn 2,000 times.
    let pdf = glyphs_form_reuse_pdf(4000, 2000);
    assert!(pdf.len() < 2048, "{}", pdf.len());
    let small = Limits {
        max_page_objects: 100_000,
        ..Limits::default()
    };
    let r = read_case("form of 20k characters x2000", &pdf, &small);
    assert!(r.contains("max_page_objects"), "{r}");
    // Path constructions count too: 25,000 rectangles painted at once.
    let pdf = one_path_pdf(25_000);
    let few = Limits {
        max_page_objects: 20_000,
        ..Limits::default()
    };
    let r = read_case("one path, 25k rectangles", &pdf, &few);
    assert!(r.contains("max_page_objects"), "{r}");
}

#[test]
fn operators_are_counted_for_every_page_a_stream_is_drawn_on() {
    // 1,000 pages sharing one stream of 60,000 operators: each page is far
    // under the page limit, the document (60 million) over its own.
    let pdf = pages_shared_pdf(1000, 30_000);
    assert!(pdf.len() < 200 * 1024, "{}", pdf.len());
    let r = read_case("1000 pages sharing 60k operators", &pdf, &Limits::default());
    assert!(
        r.starts_with("limit_exceeded: content-stream operators of the document")
            && r.contains("max_operators_per_document"),
        "{r}"
    );
    let stats = limits::check(&pages_shared_pdf(3, 1000), &Limits::default()).unwrap();
    // BT Tf Td Tj ET and 2,000 operators, on each of three pages.
    assert_eq!(stats.document_operators, 3 * 2005);
}

#[test]
fn page_count_is_limited() {
    let pdf = pages_many_pdf(1200);
    let few = Limits {
        max_pages: 1000,
        ..Limits::default()
    };
    let r = read_case("1,200 pages, limit 1,000", &pdf, &few);
    assert!(
        r.starts_with("limit_exceeded: page count") && r.contains("max_pages"),
        "{r}"
    );
    // Within the limit they read, each page once (no work per page that
    // grows with the page count).
    let layout = read_pdf(&pdf).unwrap();
    assert_eq!(layout.pages, Some(1200));
}

#[test]
fn font_tables_and_state_stacks_are_bounded() {
    let d = Limits::default();
    // /W [0 4294967294 500]: four billion widths for a reader that
    // expands the range.
    let pdf = cid_width_range_pdf();
    assert_eq!(read_case("CID widths over 2^32 CIDs", &pdf, &d), "ok");
    // 50 bfrange entries of 2^32 codes each.
    let pdf = cmap_range_pdf(50);
    assert_eq!(read_case("ToUnicode 50 x 2^32 codes", &pdf, &d), "ok");
    // A 20,000-entry /Widths used by a form drawn 2,000 times: loaded once.
    let pdf = font_reload_pdf(20_000, 2000);
    assert_eq!(read_case("font reloaded by 2000 drawings", &pdf, &d), "ok");
    // 200,000 `q` without `Q`: the saved states stop at 1,024.
    let pdf = q_stack_pdf(200_000);
    assert_eq!(read_case("200k q without Q", &pdf, &d), "ok");
    // 10,000 inline images claiming 65,535^2 pixels each.
    let pdf = inline_image_pdf(10_000);
    assert_eq!(read_case("10k huge inline images", &pdf, &d), "ok");
}
