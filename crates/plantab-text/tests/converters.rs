//! The markdown and HTML readers on converter output: shape detection
//! over every text fixture, and the fragments, spans and pages the
//! readers give for the seed renderings (fixtures/text/converters/, made
//! by make_converted.py) and our own documents (fixtures/text/own/).
//! Facts are read off the files.

use plantab_model::{Block, Layout, TableFragment};
use plantab_text::{detect_shape, html_doc, markdown, read_str, TextShape};

fn fixture(rel: &str) -> String {
    let path = format!("{}/../../fixtures/text/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn tables(l: &Layout) -> Vec<&TableFragment> {
    l.fragments().collect()
}

#[test]
fn seed_shapes_are_detected_as_before_and_conversions_as_theirs() {
    use TextShape::*;
    let seeds = [
        ("000_10d08a98e15f6a96.txt", Tabular),
        ("001_8716d6a5475247b4.txt", Tabular),
        ("002_5028bfdfd469f7ca.txt", Tabular),
        ("003_c94608ba926f5920.txt", Vertical),
        ("004_74a441625af668df.txt", Flattened),
        ("own/env_progress_update.txt", Tabular),
        ("own/transport_delivery_plan.txt", Tabular),
        ("own/mismatch_progress_report.txt", Tabular),
        ("own/vertical_business_plan.txt", Vertical),
        ("own/flattened_tracker_homes.txt", Flattened),
    ];
    for (name, shape) in seeds {
        let text = fixture(name);
        assert!(!markdown::looks_markdown(&text), "{name}");
        assert!(!html_doc::looks_html_document(&text), "{name}");
        assert_eq!(detect_shape(&text), shape, "{name}");
    }
    for prefix in ["000", "001", "002"] {
        for (converter, ext, shape) in [
            ("docling", "md", Markdown),
            ("marker", "md", Markdown),
            ("azure", "md", Markdown),
            ("pandoc", "html", Html),
        ] {
            let name = format!("converters/{converter}_{prefix}.{ext}");
            assert_eq!(detect_shape(&fixture(&name)), shape, "{name}");
        }
    }
    for (name, shape) in [
        ("own/scot_digital_skills_llm.md", Markdown),
        ("own/nz_water_services_pandoc.md", Markdown),
        ("own/us_state_parks_progress.html", Html),
        ("own/us_federal_apg_docling.html", Html),
    ] {
        assert_eq!(detect_shape(&fixture(name)), shape, "{name}");
    }
}

#[test]
fn docling_rendering_continuations_and_repeated_spans() {
    let l = read_str(&fixture("converters/docling_001.md"));
    assert_eq!(l.pages, None);
    let t = tables(&l);
    // The priority tables of the seed: the first prints the header, the
    // seven continuations print their first row in the header line.
    assert_eq!(
        t[0].header.as_deref().unwrap()[..3],
        ["ID", "MINISTERIAL ACTION", "WHAT WILL WE DO IN 2023?"]
    );
    assert_eq!(t[0].rows[0].cells[0], "MSS P1");
    // MSS P1's text, printed by docling in each of the eight columns it
    // spans: one cell across.
    assert!(t[0].rows[0].spanning);
    assert_eq!(t[0].rows[0].spans[1].col_span, 8);
    assert_eq!(
        t[0].rows[0].cells[1],
        "Developing targeted support and polices to help Islanders with the rising cost of living:"
    );
    assert!(t[0].rows[0].cells[2..].iter().all(String::is_empty));
    assert!(t[1].header.is_none());
    assert_eq!(t[1].rows[0].cells[0], "MSS P1.4 100 Day Plan Action 5");
    assert_eq!(t[1].rows.len(), 2);
    // A list inside a cell, its lines joined with spaces by docling.
    assert!(t[0].rows[1].cells[2].starts_with("Seek approval for legislation"));
}

#[test]
fn marker_rendering_pages_and_br_lines() {
    let l = read_str(&fixture("converters/marker_000.md"));
    // {0} … {16}.
    assert_eq!(l.pages, Some(17));
    let t = tables(&l);
    assert_eq!(t.len(), 16);
    assert_eq!(t[0].page, Some(2));
    assert_eq!(t[1].page, Some(3));
    assert_eq!(
        t[1].header.as_deref().unwrap(),
        [
            "December Status vs By When",
            "December Revised date if delayed",
            "December Commentary Update"
        ]
    );
    // <br> between a cell's lines; list items as "- " lines.
    let p11 = &t[0].rows[0].cells[2];
    assert!(p11.starts_with(
        "We will support the Chief Minister to drive change on her relentless cross-cutting priorities, in particular:\n- Improving recruitment"
    ));
    // <u>…</u> inside a pipe cell: the text kept.
    assert!(t[0].rows[2].cells[1].starts_with("Supporting the Engagement and Information Review"));
}

#[test]
fn pandoc_html_rendering_colspan_rows_and_wrapped_cells() {
    let l = read_str(&fixture("converters/pandoc_001.html"));
    assert_eq!(l.pages, None);
    let t = tables(&l);
    let first = t[0];
    assert_eq!(first.header.as_deref().unwrap().len(), 9);
    // <td>MSS P1</td><td colspan="8">…</td>: an id cell and one across.
    assert!(first.rows[0].spanning);
    assert_eq!(first.rows[0].cells.len(), 2);
    assert_eq!(first.rows[0].spans[1].col_span, 8);
    // pandoc wraps cell text at 72 columns: the line ends are spaces.
    assert_eq!(
        first.rows[1].cells[1],
        "Revising the community cost bonus scheme in 2023."
    );
    assert_eq!(
        first.rows[3].cells[2],
        "Continue ongoing work with the Financial Impact Action Group and the Cluster Network to improve coordination and communication between charities, funders and GoJ throughout 2023."
    );
}

#[test]
fn azure_rendering_comments_and_html_tables() {
    let l = read_str(&fixture("converters/azure_001.md"));
    assert_eq!(l.pages, Some(20));
    // PageHeader / PageNumber comments are furniture: no text block holds
    // them.
    assert!(l.blocks.iter().all(|b| match b {
        Block::Text(t) =>
            !t.text.contains("PageHeader") && !t.text.contains("Delivery Plan 2023 -"),
        _ => true,
    }));
    let t = tables(&l);
    assert_eq!(t[0].page, Some(2));
    assert_eq!(t[0].header.as_deref().unwrap()[0], "ID");
    // The seed's cell HTML inside <td> (the appendix): paragraphs and list
    // items as lines.
    let type_row = t
        .iter()
        .flat_map(|f| &f.rows)
        .find(|r| r.cells[0] == "TYPE" && r.cells[1].starts_with("The type"))
        .unwrap();
    assert!(
        type_row.cells[1].starts_with("The type of Project or Programme:\n• Project - "),
        "{:?}",
        type_row.cells[1]
    );
}

#[test]
fn own_documents_layouts() {
    // The Scottish LLM conversion: a table continued on page 3 under its
    // repeated header, in its own fragment; bold theme lines as headings.
    let l = read_str(&fixture("own/scot_digital_skills_llm.md"));
    let t = tables(&l);
    assert_eq!(t.len(), 4);
    assert_eq!(
        t.iter().map(|f| f.page).collect::<Vec<_>>(),
        [Some(2), Some(2), Some(3), Some(3)]
    );
    assert_eq!(t[1].header, t[2].header);
    assert_eq!(
        t[1].rows[0].cells[1],
        "Publish a national framework of essential digital skills for adults\n- consult learning providers\n- agree the levels with SQA"
    );
    let headings: Vec<(&str, u8)> = l
        .texts()
        .filter_map(|t| t.heading.map(|h| (t.text.as_str(), h)))
        .collect();
    assert!(headings.contains(&("Theme 1: Digital skills for everyone", 4)));
    assert!(headings.contains(&("Progress at a glance", 2)));
    // The foreword's wrapped lines are one paragraph.
    assert!(l.blocks.iter().any(|b| matches!(b, Block::Text(t)
        if t.text.starts_with("This report sets out") && t.text.ends_with("when we now expect to deliver."))));

    // The US state HTML: two header rows (one spanning two columns), the
    // rowspans of the body kept as spans.
    let l = read_str(&fixture("own/us_state_parks_progress.html"));
    let t = tables(&l);
    assert_eq!(t.len(), 2);
    assert_eq!((t[0].page, t[1].page), (Some(1), Some(2)));
    assert_eq!(t[0].header_cells.len(), 8);
    assert_eq!(t[0].rows.len(), 5);
    assert_eq!(t[0].rows[0].spans[0].row_span, 3);
    assert_eq!(t[0].rows[0].spans[3].row_span, 2);
    assert_eq!(t[0].rows[1].cells[..2], ["", "1.2"]);
    assert_eq!(
        t[0].rows[1].cells[2],
        "Adopt a wildfire fuel\u{2011}reduction plan for each forested park"
    );
    assert_eq!(l.warnings.len(), 2);

    // The pandoc grid tables: two theme rows across the table.
    let l = read_str(&fixture("own/nz_water_services_pandoc.md"));
    let t = tables(&l);
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].header.as_deref().unwrap(),
        ["Ref", "Action", "Lead", "Due", "Status"]
    );
    assert_eq!(t[0].rows.len(), 9);
    assert!(t[0].rows[0].spanning);
    assert_eq!(t[0].rows[0].cells[0], "Theme A -- Safe drinking water");
    assert_eq!(
        t[0].rows[2].cells[1],
        "Replace 12 km of asbestos-cement mains:\n- Ngaio (4 km)\n- Karori (8 km)"
    );
    assert_eq!(t[0].rows[2].cells[3], "31 December 2025");
    // pandoc's caption line after the table, without its ": ".
    assert!(l
        .texts()
        .any(|t| t.text == "Table 1: Actions and their status at 31 March 2025"));
    // The front matter's title, subtitle and author are the title page.
    let Some(Block::Text(first)) = l.blocks.first() else {
        panic!("a title first");
    };
    assert_eq!(
        (first.text.as_str(), first.heading),
        ("Water Services Delivery Plan 2024–2027", Some(1))
    );
}

/// Converter output cut and spliced at random (a fixed seed, so the run
/// is the same every time): the readers end, never panic, and every table
/// fragment's rows fit the width they claim.
#[test]
fn mutated_conversions_never_panic() {
    let sources: Vec<String> = [
        "own/scot_digital_skills_llm.md",
        "own/nz_water_services_pandoc.md",
        "own/us_state_parks_progress.html",
        "own/us_federal_apg_docling.html",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect();
    let tokens = [
        "|",
        "\\|",
        "<br>",
        "<table>",
        "</table>",
        "<tr>",
        "<td colspan=\"3\">",
        "<td rowspan=0>",
        "<th>",
        "</td>",
        "<!--",
        "-->",
        "{3}-----",
        "\u{c}",
        "+---+---+",
        "|---|",
        "**",
        "_",
        "`",
        "[",
        "](",
        ")",
        "\n",
        "\n\n",
        "# ",
        "---",
        "-----  -----",
        "<caption>",
        "&amp;",
        "é",
        "–",
        "<div class=\"page\">",
        "\\newpage",
        "\t",
        "<!-- page 7 -->",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    for _ in 0..300 {
        let src = &sources[next(sources.len())];
        let mut s: Vec<char> = src.chars().collect();
        for _ in 0..1 + next(20) {
            let at = next(s.len() + 1);
            match next(3) {
                0 => {
                    let t: Vec<char> = tokens[next(tokens.len())].chars().collect();
                    s.splice(at..at, t);
                }
                1 => {
                    let end = (at + next(40)).min(s.len());
                    s.drain(at..end);
                }
                _ => {
                    let from = next(s.len() + 1);
                    let end = (from + next(200)).min(s.len());
                    let piece: Vec<char> = s[from..end].to_vec();
                    s.splice(at..at, piece);
                }
            }
        }
        let text: String = s.into_iter().collect();
        let l = read_str(&text);
        for f in l.fragments() {
            for r in &f.rows {
                for span in &r.spans {
                    assert!(span.col_span >= 1 && span.row_span >= 1);
                }
            }
        }
    }
}
