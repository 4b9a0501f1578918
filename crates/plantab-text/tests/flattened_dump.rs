//! Prints the flattened reader's rows of a file as JSON lines (for checking
//! by eye): `FLAT_DUMP=path cargo test -p plantab-text --test flattened_dump -- --ignored --nocapture`.

use plantab_model::Block;

#[test]
#[ignore]
fn dump() {
    let path = std::env::var("FLAT_DUMP").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/text/004_74a441625af668df.txt"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(path).unwrap();
    let layout = plantab_text::flattened::read_flattened(&text);
    for b in &layout.blocks {
        match b {
            Block::Table(f) => {
                println!("FRAG\t{:?}\t{:?}", f.line, f.header);
                for r in &f.rows {
                    let cells: Vec<String> = r.cells.iter().map(|c| c.replace('\t', " ")).collect();
                    println!("ROW\t{}\t{}", r.line.unwrap_or(0), cells.join("\t"));
                }
            }
            Block::Text(t) => println!(
                "TEXT\t{:?}\t{:?}\t{}",
                t.line,
                t.heading,
                t.text.replace('\n', " / ")
            ),
            Block::Legend(l) => {
                for i in &l.items {
                    println!(
                        "LEGEND\t{}\t{}",
                        i.label,
                        i.definition.clone().unwrap_or_default()
                    );
                }
            }
        }
    }
    for w in &layout.warnings {
        println!("WARN\t{}\t{}", w.code, w.message);
    }
}
