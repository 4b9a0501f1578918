//! The yardstick for `bench/compare`: the `pdfplumber` crate's own
//! `find_tables` (default settings) on every page of one PDF, with nothing of
//! plantab in the way. Prints the number of pages and tables; exits 1 when
//! the file does not open.
//!
//! `cargo run --release -p plantab-pdf --example plumber_tables -- FILE.pdf`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: plumber_tables FILE.pdf");
        return ExitCode::from(2);
    };
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{path}: cannot read");
        return ExitCode::from(1);
    };
    let pdf = match pdfplumber::Pdf::open_bytes(&bytes, None) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    let settings = pdfplumber::TableSettings::default();
    let (mut pages, mut tables) = (0usize, 0usize);
    for i in 0..pdf.page_count() {
        if let Ok(page) = pdf.page(i) {
            pages += 1;
            tables += page.find_tables(&settings).len();
        }
    }
    println!("{pages} pages, {tables} tables");
    ExitCode::SUCCESS
}
