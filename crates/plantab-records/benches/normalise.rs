//! Criterion benchmarks for status and date normalisation on printed
//! values of the kinds plan tables carry. `cargo bench -p plantab-records`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use plantab_records::dates::{parse_date, DateContext};
use plantab_records::status::normalise_status;

const STATUSES: &[&str] = &[
    "On Track",
    "On track – little or no slippage",
    "Delayed",
    "Compl-\neted",
    "Not started",
    "Delivered in full in Q3 as planned",
    "Cancelled",
    "Ongoing",
    "At risk",
    "The project board has agreed a revised scope and the team is recruiting",
];

const DATES: &[&str] = &[
    "Q3 2024",
    "December 2023",
    "31/03/2025",
    "End of 2024",
    "2024-25",
    "Spring 2025",
    "Mar-24",
    "Ongoing",
    "By the end of Q1 2026",
    "H2 2024",
];

/// Date cells longer than the 64 bytes `parse_date` remembers answers for:
/// every call runs the parser (word lists, periods, spans).
const LONG_DATES: &[&str] = &[
    "Ongoing – reviewed quarterly by the programme board and reported annually",
    "To be confirmed following the outcome of the spending review in Autumn 2024",
    "From January 2021 onwards, with a first report to Cabinet by end of Q2 2021",
    "Q1, Q2, Q3 and Q4 2023/24 – each quarter as part of the performance report",
    "Phase 1 by March 2024; phase 2 by the end of the second half of 2025 (TBC)",
    "Early 2024 for the consultation, with implementation planned for late 2025",
    "June & December each year, in line with the council's reporting timetable",
    "Not applicable – this action was closed at the last review in October 2023",
    "Spring 2025 (subject to funding being agreed by the department in Winter 2024)",
    "31/03/2025 for the business case, then delivery continuing until 2027-28",
];

fn normalise(c: &mut Criterion) {
    c.bench_function("normalise_status (10 labels)", |b| {
        b.iter(|| {
            for s in STATUSES {
                black_box(normalise_status(s));
            }
        })
    });
    let ctx = DateContext::for_column(Some(2024), DATES.iter().copied());
    c.bench_function("parse_date (10 dates)", |b| {
        b.iter(|| {
            for d in DATES {
                black_box(parse_date(d, &ctx));
            }
        })
    });
}

fn long_dates(c: &mut Criterion) {
    assert!(LONG_DATES.iter().all(|d| d.len() > 64));
    let ctx = DateContext::for_column(Some(2024), LONG_DATES.iter().copied());
    c.bench_function("parse_date (10 long cells, not remembered)", |b| {
        b.iter(|| {
            for d in LONG_DATES {
                black_box(parse_date(d, &ctx));
            }
        })
    });
}

criterion_group!(benches, normalise, long_dates);
criterion_main!(benches);
