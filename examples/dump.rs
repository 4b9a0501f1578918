//! Prints the contract JSON of one file (a debugging aid that needs no CLI):
//! `cargo run --example dump -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    match plantab::extract_file(std::path::Path::new(&path)) {
        Ok(doc) => println!("{}", plantab_output::to_json(&doc).unwrap_or_default()),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
