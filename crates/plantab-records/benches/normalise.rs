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

criterion_group!(benches, normalise);
criterion_main!(benches);
