//! Any string through date parsing and status normalisation: never a
//! panic, `raw` kept, a date span never reversed.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plantab_records::dates::{parse_date, DateContext};
use plantab_records::status::normalise_status;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for (year, short_year_first) in [(None, false), (Some(2024), false), (Some(2022), true)] {
        let ctx = DateContext {
            year,
            short_year_first,
        };
        let d = parse_date(s, &ctx);
        assert_eq!(d.raw, s);
        if let (Some(a), Some(b)) = (&d.start, &d.end) {
            assert!(a <= b, "{s:?}: {a} > {b}");
        }
    }
    let _ = normalise_status(s);
});
