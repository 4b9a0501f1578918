//! `plantab tables` end to end on PDFs of our own making: JSON cells and
//! spans, CSV file names and contents, markdown, a table continued over
//! pages stitched into one, errors and exit codes. Every expected value was
//! checked by hand against the HTML the PDF was printed from
//! (`fixtures/pdf/finder/*.html`, `fixtures/pdf/tables/continued.html`).

mod common;

use common::{bin, repo, run, stderr};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn finder(name: &str) -> PathBuf {
    repo().join("fixtures/pdf/finder").join(name)
}

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("tables", name)
}

/// `plantab tables FILE` (JSON to stdout), checked against the schema.
fn tables_json(pdf: &Path) -> Value {
    let o = run(bin().arg("tables").arg(pdf).arg("-q"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-document.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    doc
}

fn rows(t: &Value) -> Vec<Vec<String>> {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// The cell at (row, col): (row_span, col_span, text).
fn cell(t: &Value, row: u64, col: u64) -> Option<(u64, u64, String)> {
    t["cells"].as_array().unwrap().iter().find_map(|c| {
        (c["row"] == row && c["col"] == col).then(|| {
            (
                c["row_span"].as_u64().unwrap(),
                c["col_span"].as_u64().unwrap(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
    })
}

fn plain(text: &str) -> Option<(u64, u64, String)> {
    Some((1, 1, text.to_string()))
}

#[test]
fn ruled_only_horizontally_json() {
    let doc = tables_json(&finder("hrule_only.pdf"));
    assert_eq!(doc["records"].as_array().unwrap().len(), 0);
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t["pages"], serde_json::json!([2]));
    assert_eq!(t["joined"], "none");
    assert_eq!(t["header_rows"], 1);
    let r = rows(t);
    assert_eq!(r.len(), 6, "header + 5 works");
    assert_eq!(r[0], ["Work", "Budget", "Due", "Lead"]);
    assert_eq!(r[1], ["Quay wall repair", "4.2", "Q3 2025", "Marine unit"]);
    assert_eq!(r[5], ["Fender upgrade", "0.7", "Q2 2025", "Operations"]);
    assert_eq!(cell(t, 0, 0), plain("Work"));
    assert_eq!(cell(t, 2, 0), plain("Dredging of berth 4"));
    assert_eq!(cell(t, 2, 3), plain("Operations"));
    // 4 header cells + 5 x 4 body cells, every one filled.
    assert_eq!(t["cells"].as_array().unwrap().len(), 24);
    // bbox: one per page, PDF points with the origin bottom left (A4 is
    // 595 x 842 pt; the table sits in the top half of page 2).
    let b = &t["bbox"][0];
    assert_eq!(b["page"], 2);
    let bb: Vec<f64> = b["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert!(bb[0] < bb[2] && bb[1] < bb[3], "{bb:?}");
    assert!(bb[1] > 421.0 && bb[3] < 842.0, "{bb:?}");
}

#[test]
fn unruled_table_keeps_its_wrapped_cell_whole() {
    let doc = tables_json(&finder("unruled.pdf"));
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    let r = rows(t);
    assert_eq!(r[0], ["Branch", "Visitors", "Proposed change"]);
    assert_eq!(r.len(), 5);
    let (rs, cs, text) = cell(t, 1, 2).unwrap();
    assert_eq!((rs, cs), (1, 1));
    assert_eq!(
        text.replace('\n', " "),
        "Open on Sunday afternoons from April and move the children's corner next to the reading room"
    );
    assert_eq!(
        r[4],
        ["Hillcrest", "9,065", "Mobile library visits twice a week"]
    );
    // The prose around the table is not in it.
    assert!(r
        .iter()
        .flatten()
        .all(|c| !c.contains("Each branch library")));
}

#[test]
fn multi_row_header_stays_in_rows() {
    let doc = tables_json(&finder("multi_header.pdf"));
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    let hr = t["header_rows"].as_u64().unwrap() as usize;
    assert!(hr >= 2, "the two printed header rows are kept: {hr}");
    let r = rows(t);
    assert_eq!(r.len(), hr + 4);
    // The group label sits in a header row above the year labels, which
    // share one row: 2023 over column 1, 2024 over column 2.
    let years = r.iter().position(|row| row[1] == "2023").unwrap();
    assert!(years < hr);
    assert_eq!(r[years][2], "2024");
    let group = r
        .iter()
        .position(|row| row.iter().any(|c| c == "Grants paid"));
    assert!(group.is_some_and(|g| g < years), "{r:?}");
    assert!(r[..hr].iter().any(|row| row[0] == "Region"));
    assert!(r[..hr].iter().any(|row| row[3] == "Projects"));
    assert_eq!(r[hr], ["Lakeland", "12.5", "14.1", "37"]);
    assert_eq!(r[hr + 3], ["Uplands", "4.4", "5.2", "12"]);
    // Columns: the header merged per column.
    let cols: Vec<&str> = t["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["header"].as_str().unwrap())
        .collect();
    assert_eq!(cols[0], "Region");
    assert_eq!(cols[3], "Projects");
}

#[test]
fn two_tables_on_a_page_csv_names_and_contents() {
    let out = tmpdir("csv");
    let o = run(bin()
        .args(["tables", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(finder("two_tables.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The folder's lock file (docs/BATCH.md, one run per folder).
        .filter(|n| n != ".plantab.lock")
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "manifest.json",
            "tables.csv",
            "two_tables-p2-t1.csv",
            "two_tables-p2-t2.csv"
        ]
    );
    let t1 = std::fs::read_to_string(out.join("two_tables-p2-t1.csv")).unwrap();
    assert_eq!(
        t1,
        "Plant,Samples,Failures\r\nEastfield,120,2\r\nWestmoor,96,0\r\nSouthbank,144,5\r\n"
    );
    let t2 = std::fs::read_to_string(out.join("two_tables-p2-t2.csv")).unwrap();
    assert_eq!(
        t2.lines().next(),
        Some("Plant,Operators,Engineers,Chemists")
    );
    assert_eq!(t2.lines().last(), Some("Total,44,9,5"));
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["command"], "tables");
    assert_eq!(m["format"], "csv");
    let e = &m["inputs"][0];
    assert_eq!(e["status"], "ok");
    assert_eq!(e["tables"], 2);
    assert_eq!(
        e["outputs"],
        serde_json::json!(["two_tables-p2-t1.csv", "two_tables-p2-t2.csv"])
    );
}

#[test]
fn csv_needs_an_output_folder() {
    let o = run(bin()
        .args(["tables", "--format", "csv"])
        .arg(finder("two_tables.pdf")));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs -o DIR"), "{}", stderr(&o));
}

#[test]
fn markdown_to_stdout_and_to_a_folder() {
    let o = run(bin()
        .args(["tables", "--format", "md", "-q"])
        .arg(finder("two_tables.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("## Table 1 (page 2)"), "{md}");
    assert!(md.contains("## Table 2 (page 2)"), "{md}");
    assert!(
        md.contains("| Plant | Samples | Failures |\n| --- | --- | --- |\n| Eastfield | 120 | 2 |")
    );
    assert!(md.contains("| Total | 44 | 9 | 5 |"));

    let out = tmpdir("md");
    let o = run(bin()
        .args(["tables", "--format", "md", "-q", "-o"])
        .arg(&out)
        .arg(finder("hrule_only.pdf"))
        .arg(finder("unruled.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = std::fs::read_to_string(out.join("hrule_only.md")).unwrap();
    assert!(md.contains("| Work | Budget | Due | Lead |"), "{md}");
    assert!(out.join("unruled.md").is_file());
    assert!(!out.join("hrule_only.json").exists());
    // The manifest of a tables run validates too (command and format md).
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        (&m["command"], &m["format"]),
        (&Value::from("tables"), &Value::from("md"))
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-manifest.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn continued_table_is_stitched_with_its_repeated_header_dropped() {
    let pdf = repo().join("fixtures/pdf/tables/continued.pdf");
    let doc = tables_json(&pdf);
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1, "one table over the pages");
    let t = &tables[0];
    assert_eq!(t["pages"], serde_json::json!([2, 3, 4, 5]));
    assert_eq!(t["joined"], "continued");
    assert_eq!(t["bbox"].as_array().unwrap().len(), 4);
    assert_eq!(t["header_rows"], 1);
    let r = rows(t);
    // One header, then RW-001 … RW-090 in order, no repeated header.
    assert_eq!(r.len(), 91);
    assert_eq!(
        r[0],
        ["Work ref", "Section", "Length (m)", "Surface", "Cost (k)"]
    );
    assert_eq!(r.iter().filter(|row| row[0] == "Work ref").count(), 1);
    for (i, row) in r.iter().skip(1).enumerate() {
        assert_eq!(row[0], format!("RW-{:03}", i + 1));
    }
    // RW-001: Church Road (street 1 of 10), 120 + 37 = 157 m, surface 1
    // of 4, cost 8 + 13 = 21, ".1".
    assert_eq!(
        r[1],
        [
            "RW-001",
            "Church Road section 1",
            "157",
            "Surface dressing",
            "21.1"
        ]
    );
    assert_eq!(
        r[90],
        ["RW-090", "Mill Lane section 10", "750", "Concrete", "58.0"]
    );
    assert_eq!(cell(t, 90, 4), plain("58.0"));

    // The same table through `extract`: body rows only, cells filled.
    let o = run(bin().arg("extract").arg(&pdf).arg("-q"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let t = &doc["tables"][0];
    assert_eq!(t["pages"], serde_json::json!([2, 3, 4, 5]));
    assert_eq!(rows(t).len(), 90);
    assert!(t.get("header_rows").is_none());
    assert_eq!(cell(t, 0, 0), plain("RW-001"));
    assert_eq!(cell(t, 89, 1), plain("Mill Lane section 10"));
}

#[test]
fn spanning_rows_of_a_plan_table_keep_their_span() {
    // A plan of our own making: priority bars printed across the table.
    let doc = tables_json(&repo().join("fixtures/pdf/reader/harbours_plan.pdf"));
    let t = &doc["tables"][0];
    let r = rows(t);
    let bar = r
        .iter()
        .position(|row| row[0].starts_with("HB-A Keep the harbours"))
        .unwrap();
    let (rs, cs, _) = cell(t, bar as u64, 0).unwrap();
    assert_eq!((rs, cs), (1, 5), "the bar spans all five columns");
}

#[test]
fn errors_and_exit_codes() {
    let dir = tmpdir("errors");
    let bad = dir.join("broken.pdf");
    std::fs::write(&bad, b"%PDF-1.4\nthis is not a PDF body\n").unwrap();
    let encrypted = common::corpus_file("external/tabula/encrypted.pdf");
    let out = dir.join("out");
    let mut cmd = bin();
    cmd.args(["tables", "-q", "-o"])
        .arg(&out)
        .arg(&bad)
        .arg(finder("two_tables.pdf"));
    if let Some(encrypted) = &encrypted {
        cmd.arg(encrypted);
    }
    let o = run(&mut cmd);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("broken.pdf: malformed:"), "{err}");
    if encrypted.is_some() {
        assert!(err.contains("encrypted.pdf: encrypted:"), "{err}");
    }
    // The good input was still written; the bad ones wrote nothing.
    assert!(out.join("two_tables.json").is_file());
    assert!(!out.join("broken.json").exists());
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let failed = m["totals"]["failed"].as_u64().unwrap();
    assert_eq!(failed, if encrypted.is_some() { 2 } else { 1 });

    // A missing path is that input's error too; no path at all is usage.
    let o = run(bin().args(["tables", "-q"]).arg(dir.join("missing.pdf")));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = run(bin().arg("tables"));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn incremental_tables_run_does_not_reuse_an_extract_run() {
    let out = tmpdir("incr");
    let pdf = finder("hrule_only.pdf");
    let o = run(bin().args(["extract", "-q", "-o"]).arg(&out).arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(bin()
        .args(["tables", "-q", "--incremental", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["inputs"][0]["skipped"], false);
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("hrule_only.json")).unwrap())
            .unwrap();
    assert_eq!(doc["tables"][0]["header_rows"], 1);
    // A second tables run skips it.
    let o = run(bin()
        .args(["tables", "-q", "--incremental", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["inputs"][0]["skipped"], true);
}

#[test]
fn csv_manifest_states_each_files_header_rows() {
    let out = tmpdir("csv-header-rows");
    let pdf = finder("multi_header.pdf");
    let o = run(bin()
        .args(["tables", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let files = m["inputs"][0]["table_files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let t = &tables_json(&pdf)["tables"][0];
    // The header rows the JSON has, merged into the file's one line; the
    // four regions printed below the header are its rows.
    assert_eq!(files[0]["header_rows"], t["header_rows"]);
    assert!(files[0]["header_rows"].as_u64().unwrap() >= 2);
    assert_eq!(files[0]["rows"], 4);
    let name = files[0]["file"].as_str().unwrap();
    assert_eq!(m["inputs"][0]["outputs"][0], name);
    let csv = std::fs::read_to_string(out.join(name)).unwrap();
    assert_eq!(csv.lines().count(), 1 + 4);
    assert!(csv.lines().nth(1).unwrap().starts_with("Lakeland,"));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-manifest.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}
