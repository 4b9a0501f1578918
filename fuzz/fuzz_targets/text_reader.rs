//! Any bytes through the text reader: `Ok` or `not_text`, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = plantab_text::read_text(data);
});
