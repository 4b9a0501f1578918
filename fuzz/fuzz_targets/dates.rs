//! Any string through date parsing and status normalisation: never a
//! panic, `raw` kept, a date span never reversed.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plantab_records::dates::{parse_date, DateContext, FiscalYear};
use plantab_records::status::normalise_status;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let july = Some(FiscalYear {
        start_month: 7,
        pairs: true,
    });
    let us = Some(FiscalYear {
        start_month: 10,
        pairs: false,
    });
    for (year, short_year_first, yearless_from, fiscal) in [
        (None, false, None, None),
        (Some(2024), false, None, None),
        (Some(2022), true, None, july),
        (Some(2023), false, Some((2023, 8)), us),
    ] {
        let ctx = DateContext {
            year,
            short_year_first,
            yearless_from,
            fiscal,
        };
        let d = parse_date(s, &ctx);
        assert_eq!(d.raw, s);
        if let (Some(a), Some(b)) = (&d.start, &d.end) {
            assert!(a <= b, "{s:?}: {a} > {b}");
        }
    }
    let _ = normalise_status(s);
});
