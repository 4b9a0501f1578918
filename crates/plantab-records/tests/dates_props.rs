//! Properties of date and status normalisation that hold for any input.

use plantab_model::{DateKind, StatusLegendEntry};
use plantab_records::dates::{parse_date, DateContext, FiscalYear};
use plantab_records::status::{normalise_status, normalise_status_with_legend};
use proptest::prelude::*;

/// A valid ISO calendar day `YYYY-MM-DD`.
fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[0..4].parse::<i32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=dim).contains(&d)
}

fn check(raw: &str, ctx: &DateContext) -> Result<(), TestCaseError> {
    let v = parse_date(raw, ctx);
    prop_assert_eq!(&v.raw, raw);
    if let Some(s) = &v.start {
        prop_assert!(is_iso_day(s), "start {s:?} for {raw:?}");
    }
    if let Some(e) = &v.end {
        prop_assert!(is_iso_day(e), "end {e:?} for {raw:?}");
    }
    if let (Some(s), Some(e)) = (&v.start, &v.end) {
        prop_assert!(s <= e, "{s} > {e} for {raw:?}");
    }
    if matches!(v.kind, DateKind::Unknown | DateKind::NotApplicable) {
        prop_assert!(v.start.is_none() && v.end.is_none());
    }
    if ctx.year.is_none() && ctx.yearless_from.is_none() {
        prop_assert!(!v.year_inferred, "inferred without a context year: {raw:?}");
    }
    Ok(())
}

/// Pieces date cells are made of, shuffled into nonsense and near-sense.
fn date_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Q".to_string()),
        Just("H".to_string()),
        Just("Dec".to_string()),
        Just("Feb".to_string()),
        Just("march".to_string()),
        Just("Janaury".to_string()),
        Just("early".to_string()),
        Just("mid".to_string()),
        Just("end of".to_string()),
        Just("winter".to_string()),
        Just("Ongoing".to_string()),
        Just("onwards".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("TBC".to_string()),
        Just("N/A".to_string()),
        Just("each year".to_string()),
        Just("first half of".to_string()),
        Just("the year".to_string()),
        Just("next year".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("&amp;".to_string()),
        "[-/.,&' \n–]{1,2}",
        (0u64..100_000_000_000u64).prop_map(|n| n.to_string()),
        (0u32..40).prop_map(|n| n.to_string()),
        (1890i32..2210).prop_map(|n| n.to_string()),
        (1u32..32).prop_map(|n| format!("{n}th")),
    ]
}

fn any_ctx() -> impl Strategy<Value = DateContext> {
    (
        prop::option::of(prop_oneof![1800i32..2300, any::<i32>()]),
        any::<bool>(),
        prop::option::of((
            prop_oneof![1800i32..2300, any::<i32>()],
            prop_oneof![1u32..13, any::<u32>()],
        )),
        prop::option::of((prop_oneof![1u32..13, any::<u32>()], any::<bool>())),
    )
        .prop_map(
            |(year, short_year_first, yearless_from, fiscal)| DateContext {
                year,
                short_year_first,
                yearless_from,
                fiscal: fiscal.map(|(start_month, pairs)| FiscalYear { start_month, pairs }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_date_never_panics_on_any_string(raw in any::<String>(), ctx in any_ctx()) {
        check(&raw, &ctx)?;
    }

    #[test]
    fn parse_date_holds_on_date_like_text(
        pieces in prop::collection::vec(date_piece(), 0..8),
        seps in prop::collection::vec("[ \n/-]?", 8),
        ctx in any_ctx(),
    ) {
        let mut raw = String::new();
        for (p, s) in pieces.iter().zip(seps.iter()) {
            raw.push_str(p);
            raw.push_str(s);
        }
        check(&raw, &ctx)?;
    }

    #[test]
    fn numeric_dates_are_exact_or_unknown(d in 0u32..40, m in 0u32..15, y in 1890i32..2210) {
        let raw = format!("{d:02}/{m:02}/{y}");
        let v = parse_date(&raw, &DateContext::default());
        let iso = format!("{y:04}-{m:02}-{d:02}");
        if is_iso_day(&iso) && (1900..=2199).contains(&y) {
            prop_assert_eq!(v.kind, DateKind::Date);
            prop_assert_eq!(v.start.as_deref(), Some(iso.as_str()));
            prop_assert_eq!(v.end.as_deref(), Some(iso.as_str()));
        } else {
            prop_assert_eq!(v.kind, DateKind::Unknown);
        }
    }

    /// Any financial year under any start month: the pair starts on the
    /// 1st of the start month, its four quarters tile it in order, and
    /// `FY` + the next year names the same year.
    #[test]
    fn fiscal_quarters_tile_the_financial_year(y in 1950i32..2150, m in 1u32..13) {
        let ctx = DateContext {
            fiscal: Some(FiscalYear { start_month: m, pairs: true }),
            ..DateContext::default()
        };
        let yy = (y + 1) % 100;
        let fy = parse_date(&format!("{y}/{yy:02}"), &ctx);
        let fy_start = format!("{y:04}-{m:02}-01");
        prop_assert_eq!(fy.start.as_deref(), Some(fy_start.as_str()));
        if m == 1 {
            // The calendar year: a pair is two calendar years.
            prop_assert_eq!(fy.kind, DateKind::Range);
            return Ok(());
        }
        prop_assert_eq!(fy.kind, DateKind::Year);
        let label = format!("{y:04}-{yy:02}");
        prop_assert_eq!(fy.fiscal_year.as_deref(), Some(label.as_str()));
        let named = parse_date(&format!("FY{}", y + 1), &ctx);
        prop_assert_eq!((&named.start, &named.end), (&fy.start, &fy.end));
        let mut expected_start = fy.start.clone();
        for q in 1..=4 {
            let v = parse_date(&format!("Q{q} {y}-{yy:02}"), &ctx);
            prop_assert_eq!(v.kind, DateKind::Quarter);
            prop_assert_eq!(&v.start, &expected_start, "Q{} {}", q, y);
            let end = v.end.clone().unwrap_or_default();
            if q == 4 {
                prop_assert_eq!(Some(end.as_str()), fy.end.as_deref());
            }
            // The next quarter starts the day after this one ends.
            let (ey, em) = (end[0..4].parse::<i32>().unwrap_or(0), end[5..7].parse::<u32>().unwrap_or(0));
            let (ny, nm) = if em == 12 { (ey + 1, 1) } else { (ey, em + 1) };
            expected_start = Some(format!("{ny:04}-{nm:02}-01"));
        }
    }

    #[test]
    fn normalise_status_never_panics(raw in any::<String>(), labels in prop::collection::vec(any::<String>(), 0..4)) {
        let _ = normalise_status(&raw);
        let legend: Vec<StatusLegendEntry> = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| StatusLegendEntry {
                code: plantab_model::StatusCode::ALL[i % plantab_model::StatusCode::ALL.len()],
                label,
                definition: None,
                colour: None,
            })
            .collect();
        let _ = normalise_status_with_legend(&raw, &legend);
    }
}

#[test]
fn hostile_inputs() {
    let ctx = DateContext {
        year: Some(i32::MAX),
        short_year_first: true,
        yearless_from: Some((i32::MAX, u32::MAX)),
        fiscal: Some(FiscalYear {
            start_month: u32::MAX,
            pairs: true,
        }),
    };
    let low = DateContext {
        year: Some(i32::MIN),
        short_year_first: true,
        yearless_from: Some((i32::MIN, 0)),
        fiscal: Some(FiscalYear {
            start_month: 12,
            pairs: false,
        }),
    };
    for raw in [
        "99/99/99999999999",
        "99999999999999999999999999",
        "31/02/2023",
        "Q9 2023",
        "H3 2023",
        "2199-2200",
        "Winter 2199",
        "next year",
        "end of end of end of end of end of end of Q1 2023",
        "early early early early early early 2023",
        "٣١/١٢/٢٠٢٣",
        "３１/１２/２０２３",
        "ǅecember 2023",
        "<<<<>>>>",
        "22-Sep",
        "31-Dec Q4",
        "2199/00",
        "FY2199 Q4",
        "FY 2199-2200",
        "FY99",
        "Q4 2198/99",
        "2199–2200 to 2200-01",
        "June 2199/00",
        "31/12/219 9",
        "Septem\nber 2199",
        "<p",
        "\u{0}\u{feff}",
    ] {
        check(raw, &ctx).unwrap();
        check(raw, &low).unwrap();
        check(raw, &DateContext::default()).unwrap();
    }
    // `Winter 2199` runs into 2200: still a valid day.
    let v = parse_date("Winter 2199", &DateContext::default());
    assert_eq!(v.end.as_deref(), Some("2200-02-28"));
}
