//! Hostile and damaged inputs through the whole pipeline
//! ([`plantab::extract_bytes`]): each ends `Ok` or with a stable error code,
//! never a panic.

#[path = "../../plantab-pdf/tests/support/mod.rs"]
mod support;

use std::time::Instant;

use support::*;

const NAMED: [&str; 6] = [
    "malformed",
    "limit_exceeded",
    "encrypted",
    "no_text_layer",
    "empty",
    "not_text",
];

fn outcome(name: &str, bytes: &[u8]) -> String {
    let t = Instant::now();
    let r = plantab::extract_bytes(name, bytes);
    let code = match &r {
        Ok(d) => format!("ok ({} records)", d.records.len()),
        Err(e) => {
            assert!(
                NAMED.contains(&e.code().as_str()),
                "{name}: unnamed error {e}"
            );
            e.code().as_str().to_string()
        }
    };
    println!(
        "{name:<44} {:>9} {:>7} ms  {code}",
        bytes.len(),
        t.elapsed().as_millis()
    );
    code
}

#[test]
fn hostile_inputs_end_with_stable_codes() {
    let mut rng = XorShift::new(0xFACADE);
    assert_eq!(outcome("empty.pdf", &[]), "empty");
    let junk = random_bytes(4096, &mut rng);
    let code = outcome("random.pdf", &junk);
    assert!(code == "not_text" || code.starts_with("ok"), "{code}");
    assert_eq!(outcome("bomb.pdf", &bomb_pdf(300)), "limit_exceeded");
    assert_eq!(
        outcome("nested-content.pdf", &nested_content_pdf(100_000)),
        "limit_exceeded"
    );
    assert_eq!(
        outcome("nested-object.pdf", &nested_object_pdf(100_000)),
        "limit_exceeded"
    );
    assert!(outcome("hello.pdf", &hello_pdf()).starts_with("ok"));
    let (name, seed) = seed_pdfs().swap_remove(3);
    assert_eq!(
        outcome(&format!("{name} 60%"), &truncated(&seed, 60)),
        "malformed"
    );
    for k in 0..2 {
        outcome(&format!("{name} flips #{k}"), &flipped(&seed, 20, &mut rng));
    }
}
