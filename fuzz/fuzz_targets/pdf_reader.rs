//! Any bytes through the PDF reader (pre-pass, repair, glyphs, tables).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = plantab_pdf::read_pdf(data);
});
