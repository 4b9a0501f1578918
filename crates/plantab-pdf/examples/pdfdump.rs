//! Prints what the reader saw: `pdfdump FILE.pdf [PAGE]` (a page: the
//! debug view; no page: the layout's blocks in short form).
use plantab_model::Block;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: pdfdump FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    if let Some(p) = args.next().and_then(|p| p.parse::<u32>().ok()) {
        match plantab_pdf::debug_page(&bytes, p) {
            Ok(s) => print!("{s}"),
            Err(e) => println!("error: {e}"),
        }
        return;
    }
    match plantab_pdf::read_pdf(&bytes) {
        Err(e) => println!("error: {e}"),
        Ok(l) => {
            for b in &l.blocks {
                match b {
                    Block::Text(t) => println!(
                        "p{:?} TEXT h{:?} {:?}",
                        t.page.unwrap_or(0),
                        t.heading,
                        t.text.chars().take(80).collect::<String>()
                    ),
                    Block::Legend(g) => println!("LEGEND {:?}", g.items.len()),
                    Block::Table(t) => {
                        println!(
                            "p{} TABLE {} rows header {:?}",
                            t.page.unwrap_or(0),
                            t.rows.len(),
                            t.header
                        );
                        for r in &t.rows {
                            let cells: Vec<String> = r
                                .cells
                                .iter()
                                .map(|c| c.chars().take(25).collect::<String>().replace('\n', "/"))
                                .collect();
                            println!("    {}{:?}", if r.spanning { "SPAN " } else { "" }, cells);
                        }
                    }
                }
            }
            for w in &l.warnings {
                println!("WARN {} p{:?} {}", w.code, w.page(), w.message);
            }
        }
    }
}
