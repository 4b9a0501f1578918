//! The analyst's outputs end to end (issue 16, items 1–4): `extract
//! --format csv` writes `records.csv`, `statuses.csv` and `documents.csv`,
//! `--format xlsx` one workbook, `tables --format csv` a long `tables.csv`
//! beside the per-table files, `tables --format xlsx` a sheet per table;
//! the manifest lists the run's files. Facts checked by hand against the
//! fixture texts (`fixtures/text/004_74a441625af668df.txt`, the 004
//! tracker with December 2023 and January 2024 statuses;
//! `fixtures/text/own/env_progress_update.txt`) and the finder's
//! `two_tables.pdf` (page 2: a 4×3 and a 5×4 table).

mod common;
#[path = "../../plantab-output/tests/csvread/mod.rs"]
mod csvread;

use common::{bin, repo, run, stderr};
use csvread::{column, parse_csv};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn tmpdir(name: &str) -> PathBuf {
    common::tmpdir("analyst", name)
}

fn tracker() -> PathBuf {
    repo().join("fixtures/text/004_74a441625af668df.txt")
}

fn env_update() -> PathBuf {
    repo().join("fixtures/text/own/env_progress_update.txt")
}

fn manifest(dir: &Path) -> Value {
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/plantab-manifest.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "manifest invalid: {errors:#?}");
    m
}

/// A CSV file as its header and rows.
fn table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rows = parse_csv(&std::fs::read_to_string(path).unwrap());
    let header = rows.remove(0);
    (header, rows)
}

/// The rows whose `column` is `value`.
fn rows_where<'a>(
    header: &[String],
    rows: &'a [Vec<String>],
    name: &str,
    value: &str,
) -> Vec<&'a Vec<String>> {
    rows.iter()
        .filter(|r| column(header, r, name) == value)
        .collect()
}

/// Every entry of a workbook (all XML), by name.
fn xlsx_parts(path: &Path) -> BTreeMap<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        parts.insert(f.name().unwrap().into_owned(), s);
    }
    parts
}

fn sheet_names(parts: &BTreeMap<String, String>) -> Vec<String> {
    parts["xl/workbook.xml"]
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn extract_csv_gives_records_and_statuses_per_period() {
    let out = tmpdir("csv");
    let o = run(bin()
        .args(["extract", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(tracker())
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    assert_eq!(
        m["outputs"],
        serde_json::json!(["records.csv", "statuses.csv", "documents.csv"])
    );
    let tracker_path = tracker().to_string_lossy().into_owned();
    let env_path = env_update().to_string_lossy().into_owned();

    let (h, records) = table(&out.join("records.csv"));
    // 118 refs in the tracker (tests/support facts_004), 7 actions in the
    // update.
    assert_eq!(
        rows_where(&h, &records, "source_path", &tracker_path).len(),
        118
    );
    assert_eq!(rows_where(&h, &records, "source_path", &env_path).len(), 7);
    // OC.A2.3: Director Lead "Chief Executive" (the first owner-like
    // column), Cabinet Member "Deputy Leader", start Mar-23, due Jul-23;
    // December "On Track- little or no slippage", January "Complete".
    let r = rows_where(&h, &records, "id", "OC.A2.3")[0];
    let c = |name| column(&h, r, name);
    assert_eq!(c("document_kind"), "improvement_tracker");
    assert_eq!(
        (c("owner"), c("owner_field")),
        ("Chief Executive", "director_lead")
    );
    assert_eq!(c("field_cabinet_member"), "Deputy Leader");
    assert_eq!(c("field_other_leads"), "Head of HR");
    assert_eq!(
        (c("due_raw"), c("due_kind"), c("due_start"), c("due_end")),
        ("Jul-23", "month", "2023-07-01", "2023-07-31")
    );
    assert_eq!((c("start_raw"), c("start_start")), ("Mar-23", "2023-03-01"));
    assert_eq!(c("status_count"), "2");
    assert_eq!(
        (c("status_period"), c("status_code"), c("status_raw")),
        ("2024-01", "complete", "Complete")
    );
    assert_eq!(c("status_commentary"), "Update to IPRM 1 Feb. DS 1.01.24");
    // "Ongoing" is a kind, not an empty date (ENV 3.2, due "Ongoing").
    let flood = rows_where(&h, &records, "id", "ENV 3.2")[0];
    assert_eq!(column(&h, flood, "due_kind"), "ongoing");
    assert_eq!(column(&h, flood, "due_end"), "");

    let (sh, statuses) = table(&out.join("statuses.csv"));
    let a23: Vec<_> = rows_where(&sh, &statuses, "id", "OC.A2.3")
        .into_iter()
        .map(|r| {
            (
                column(&sh, r, "period"),
                column(&sh, r, "code"),
                column(&sh, r, "latest"),
            )
        })
        .collect();
    assert_eq!(
        a23,
        [
            ("2023-12", "on_track", "false"),
            ("2024-01", "complete", "true")
        ]
    );
    // 110 of the tracker's records carry a January status as well as a
    // December one (issue 16).
    let tracker_statuses = rows_where(&sh, &statuses, "source_path", &tracker_path);
    let january = tracker_statuses
        .iter()
        .filter(|r| column(&sh, r, "period") == "2024-01")
        .count();
    assert_eq!(january, 110);
    // ENV 2.1: June "Delayed", revised date "31-Mar".
    let env21 = rows_where(&sh, &statuses, "id", "ENV 2.1");
    assert_eq!(env21.len(), 1);
    assert_eq!(column(&sh, env21[0], "code"), "delayed");
    assert_eq!(column(&sh, env21[0], "revised_due_raw"), "31-Mar");

    let (dh, docs) = table(&out.join("documents.csv"));
    assert_eq!(docs.len(), 2);
    assert_eq!(column(&dh, &docs[1], "records"), "7");

    // Stdout: records.csv alone, the same bytes.
    let o = run(bin()
        .args(["extract", "--format", "csv", "-q"])
        .arg(tracker())
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout == std::fs::read(out.join("records.csv")).unwrap());
}

#[test]
fn flat_csv_keeps_the_first_layout() {
    let out = tmpdir("flat");
    let o = run(bin()
        .args(["extract", "--format", "flat-csv", "-q", "-o"])
        .arg(&out)
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (h, rows) = table(&out.join("records.csv"));
    assert!(h.iter().any(|c| c == "fields.unparsed"), "{h:?}");
    assert!(h.iter().any(|c| c == "revised_due"), "{h:?}");
    assert_eq!(rows.len(), 7);
    assert_eq!(manifest(&out)["format"], "flat-csv");
}

#[test]
fn extract_xlsx_is_one_workbook_with_three_sheets() {
    let out = tmpdir("xlsx");
    let o = run(bin()
        .args(["extract", "--format", "xlsx", "-q", "-o"])
        .arg(&out)
        .arg(tracker())
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        manifest(&out)["outputs"],
        serde_json::json!(["plantab.xlsx"])
    );
    let parts = xlsx_parts(&out.join("plantab.xlsx"));
    assert_eq!(sheet_names(&parts), ["documents", "records", "statuses"]);
    let rows = |n: usize| {
        parts[&format!("xl/worksheets/sheet{n}.xml")]
            .matches("<row ")
            .count()
    };
    assert_eq!(rows(1), 1 + 2);
    assert_eq!(rows(2), 1 + 118 + 7);
    for n in 1..=3 {
        assert!(parts[&format!("xl/worksheets/sheet{n}.xml")].contains("ySplit=\"1\""));
    }
    assert!(parts["xl/sharedStrings.xml"].contains(">Chief Executive<"));

    // A workbook is never written to a terminal.
    let o = run(bin()
        .args(["extract", "--format", "xlsx"])
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs -o DIR"), "{}", stderr(&o));
}

#[test]
fn tables_csv_and_xlsx_hold_every_table() {
    let pdf = repo().join("fixtures/pdf/finder/two_tables.pdf");
    let out = tmpdir("tables-csv");
    let o = run(bin()
        .args(["tables", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = manifest(&out);
    assert_eq!(m["outputs"], serde_json::json!(["tables.csv"]));
    let (h, cells) = table(&out.join("tables.csv"));
    assert_eq!(
        h[..9],
        [
            "file",
            "page",
            "table",
            "row",
            "col",
            "row_span",
            "col_span",
            "is_header",
            "text"
        ]
    );
    // Page 2: a 4×3 table, then a 5×4 one, every cell printed.
    assert_eq!(rows_where(&h, &cells, "table", "1").len(), 12);
    assert_eq!(rows_where(&h, &cells, "table", "2").len(), 20);
    let at = |t: &str, r: &str, c: &str| {
        cells
            .iter()
            .find(|x| {
                column(&h, x, "table") == t
                    && column(&h, x, "row") == r
                    && column(&h, x, "col") == c
            })
            .map(|x| (column(&h, x, "text"), column(&h, x, "is_header")))
    };
    assert_eq!(at("1", "0", "1"), Some(("Samples", "true")));
    assert_eq!(at("1", "3", "0"), Some(("Southbank", "false")));
    assert_eq!(at("2", "4", "1"), Some(("44", "false")));
    assert!(cells.iter().all(|x| column(&h, x, "page") == "2"));

    let out = tmpdir("tables-xlsx");
    let o = run(bin()
        .args(["tables", "--format", "xlsx", "-q", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        manifest(&out)["outputs"],
        serde_json::json!(["tables.xlsx"])
    );
    let parts = xlsx_parts(&out.join("tables.xlsx"));
    assert_eq!(
        sheet_names(&parts),
        ["documents", "two_tables-p2-t1", "two_tables-p2-t2"]
    );
    let t2 = &parts["xl/worksheets/sheet3.xml"];
    assert_eq!(t2.matches("<row ").count(), 5);
    assert!(t2.contains("ySplit=\"1\""), "header row frozen");
}

/// The 004 tracker as a PDF (`fixtures/pdf/004_74a441625af668df.pdf`),
/// checked on the image of page 2 (`pdftoppm -png -r 60 -f 2 -l 2`): OC.A2.3
/// and OC.C4.2 printed there, Director Lead "Chief Executive" and
/// "Director - Law & Governance", due Jul-23 and Nov-23; December "On
/// Track- little or no slippage" then January "Complete" for OC.A2.3,
/// "Medium Progress- actual/ projected slippage of 1-2 months" in both
/// months for OC.C4.2.
#[test]
fn tracker_pdf_gives_a_status_row_per_period_with_its_page() {
    let out = tmpdir("pdf");
    let o = run(bin()
        .args(["extract", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(repo().join("fixtures/pdf/004_74a441625af668df.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (h, records) = table(&out.join("records.csv"));
    assert_eq!(records.len(), 118);
    for (id, owner, due) in [
        ("OC.A2.3", "Chief Executive", "Jul-23"),
        ("OC.C4.2", "Director - Law & Governance", "Nov-23"),
    ] {
        let r = rows_where(&h, &records, "id", id)[0];
        assert_eq!(
            (column(&h, r, "page_first"), column(&h, r, "page_last")),
            ("2", "2"),
            "{id}"
        );
        assert_eq!(column(&h, r, "owner"), owner, "{id}");
        assert_eq!(column(&h, r, "owner_field"), "director_lead", "{id}");
        assert_eq!(column(&h, r, "due_raw"), due, "{id}");
    }
    let (sh, statuses) = table(&out.join("statuses.csv"));
    let of = |id: &str| -> Vec<(String, String)> {
        rows_where(&sh, &statuses, "id", id)
            .into_iter()
            .map(|r| {
                (
                    column(&sh, r, "period").into(),
                    column(&sh, r, "code").into(),
                )
            })
            .collect()
    };
    let pair = |a: &str, b: &str| {
        vec![
            ("2023-12".to_string(), a.to_string()),
            ("2024-01".to_string(), b.to_string()),
        ]
    };
    assert_eq!(of("OC.A2.3"), pair("on_track", "complete"));
    assert_eq!(of("OC.C4.2"), pair("medium_progress", "medium_progress"));
}

#[test]
fn run_files_check_the_folder_first_and_name_the_final_file() {
    // `/proc/self`: a folder no one can create a file in, even root.
    if Path::new("/proc/self").is_dir() {
        for (command, format) in [
            ("extract", "csv"),
            ("extract", "xlsx"),
            ("tables", "csv"),
            ("tables", "xlsx"),
        ] {
            let o = run(bin()
                .args([command, "--format", format, "-o", "/proc/self"])
                .arg(env_update())
                // Reading the input would hang: the check must come first.
                .env("PLANTAB_TEST_FAULT", "hang:env_progress_update"));
            assert_eq!(
                o.status.code(),
                Some(2),
                "{command} {format}: {}",
                stderr(&o)
            );
            assert!(
                stderr(&o).contains("cannot write in output folder /proc/self"),
                "{}",
                stderr(&o)
            );
        }
    }
    // A folder where the workbook should go: the rename fails, and the
    // error names the workbook, not its temporary file.
    let out = tmpdir("final-name");
    std::fs::create_dir_all(out.join("plantab.xlsx")).unwrap();
    let o = run(bin()
        .args(["extract", "--format", "xlsx", "-q", "-o"])
        .arg(&out)
        .arg(env_update()));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("plantab.xlsx"), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
    // The manifest does not list a file that was not written.
    assert!(manifest(&out).get("outputs").is_none());
}

/// Colour-coded statuses reach the CSV files: the fill-only tracker of
/// `fixtures/layouts` (its facts checked on the page images: action 1 on
/// blue, complete; action 3 on red; action 5 on amber) gives each status
/// row its colour and `code_from` `colour` (the cells print no words), and
/// `records.csv` the latest entry's.
#[test]
fn statuses_csv_carries_the_status_cell_colour() {
    let out = tmpdir("colours");
    let pdf = repo().join("fixtures/layouts/colour_fill_only_tracker.pdf");
    let o = run(bin()
        .args(["extract", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (sh, statuses) = table(&out.join("statuses.csv"));
    for (id, name, code) in [
        ("1", "blue", "complete"),
        ("3", "red", "significant_issues"),
        ("5", "amber", "medium_progress"),
    ] {
        let rows = rows_where(&sh, &statuses, "id", id);
        assert_eq!(rows.len(), 1, "{id}");
        let c = |n| column(&sh, rows[0], n);
        assert_eq!((c("colour_name"), c("code")), (name, code), "{id}");
        assert!(c("colour_rgb").starts_with('#'), "{id}");
        assert_eq!(c("code_from"), "colour", "{id}");
    }
    let (h, records) = table(&out.join("records.csv"));
    let r = rows_where(&h, &records, "id", "3")[0];
    assert_eq!(column(&h, r, "status_colour_name"), "red");
    assert_eq!(column(&h, r, "status_code_from"), "colour");
}

/// Measures reach the CSV files: the KPI table of `fixtures/layouts`
/// (checked on its page image: PI-10 "Capital programme spend against the
/// revised budget", baseline £38.2m, target £45.0m, actual £41.7m,
/// Partially achieved; PI-02 "… ultra low emission (number)", 18 / 40 / 43,
/// Met) gives `records.csv` and `statuses.csv` the measure's figures and
/// unit beside its rating; the target/result boxes (measure 1.2 under
/// "Measure 1.2: Share of vehicle registration renewals completed online",
/// target 70%, result 66.5% over "Not met") give the figure without its
/// rating, the heading's id and the goal above it as section.
#[test]
fn records_csv_carries_the_measure() {
    let out = tmpdir("measures");
    let o = run(bin()
        .args(["extract", "--format", "csv", "-q", "-o"])
        .arg(&out)
        .arg(repo().join("fixtures/layouts/measures_kpi_table.pdf"))
        .arg(repo().join("fixtures/layouts/measures_target_result_boxes.pdf")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (h, records) = table(&out.join("records.csv"));
    let r = rows_where(&h, &records, "id", "PI-10")[0];
    let c = |n| column(&h, r, n);
    assert_eq!(
        (
            c("measure_baseline"),
            c("measure_target"),
            c("measure_actual")
        ),
        ("£38.2m", "£45.0m", "£41.7m")
    );
    assert_eq!(c("measure_unit"), "£m");
    assert_eq!(c("status_code"), "partially_met");
    let r = rows_where(&h, &records, "id", "PI-02")[0];
    assert_eq!(column(&h, r, "measure_unit"), "number");
    let r = rows_where(&h, &records, "id", "1.2")[0];
    let c = |n| column(&h, r, n);
    assert_eq!(
        (c("measure_target"), c("measure_actual"), c("measure_unit")),
        ("70%", "66.5%", "%")
    );
    assert_eq!((c("status_raw"), c("status_code")), ("Not met", "not_met"));
    assert_eq!(
        c("title"),
        "Share of vehicle registration renewals completed online"
    );
    assert_eq!(
        c("section"),
        "Goal 1: Customers are served quickly and conveniently"
    );
    let (sh, statuses) = table(&out.join("statuses.csv"));
    let s = rows_where(&sh, &statuses, "id", "PI-10")[0];
    assert_eq!(
        (column(&sh, s, "measure_actual"), column(&sh, s, "code")),
        ("£41.7m", "partially_met")
    );
}
