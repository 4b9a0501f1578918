//! Writers and schema against a hand-made document of the progress-report
//! family (ids, wording and owner invented for this test).

use plantab_model::{
    Column, DateKind, DateValue, Document, DocumentInfo, DocumentKind, Joined, PageBox, Provenance,
    Record, RecordKind, Source, SourceFormat, StatusCode, StatusEntry, StatusLegendEntry, Table,
    TableKind, Warning, SCHEMA_VERSION,
};
use plantab_output::{
    contract_field_keys, flat_records_csv, json_array_element, schema, to_json, write_ndjson,
    CsvColumns, CsvRows, CsvWriter, JsonArrayWriter, OutputError, CSV_FIXED_COLUMNS,
};
mod csvread;

use csvread::{column as cell, parse_csv};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const SHA: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const ALIAS: &str = "Spring Plan, item \"7\"\nsecond line";
const COMMENTARY: &str = "Contractor late, \"phase 2\" moved;\nsee board minutes";

fn date(raw: &str, kind: DateKind, start: Option<&str>, end: Option<&str>) -> DateValue {
    DateValue {
        raw: raw.into(),
        kind,
        start: start.map(Into::into),
        end: end.map(Into::into),
        year_inferred: false,
        fiscal_year: None,
    }
}

/// A two-record progress report of a harbour authority.
fn sample() -> Document {
    let mut fields = BTreeMap::new();
    fields.insert(
        "lead_department".to_string(),
        "Ports, Harbours & \"Coast\"".to_string(),
    );
    fields.insert("reference".to_string(), "HX-0771".to_string());
    fields.insert("harbour_zone".to_string(), "North, outer".to_string());
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        source: Source {
            path: "in/harbour, 2025 report.pdf".into(),
            sha256: SHA.into(),
            format: SourceFormat::Pdf,
            pages: Some(7),
            bytes: 52_310,
        },
        document: DocumentInfo {
            kind: DocumentKind::ProgressReport,
            title: Some("Harbour Authority 2025 Plan: Year-End Progress".into()),
            owner: Some("Harbour Authority".into()),
            period: Some("2025".into()),
            status_legend: vec![StatusLegendEntry {
                code: StatusCode::Delayed,
                label: "Behind".into(),
                definition: Some("More than one quarter late".into()),
                colour: None,
            }],
            ..DocumentInfo::default()
        },
        tables: vec![Table {
            index: 0,
            kind: TableKind::Actions,
            section: Some("Safer Waters".into()),
            pages: vec![2, 3],
            columns: vec![
                Column {
                    key: "id".into(),
                    header: "Code".into(),
                },
                Column {
                    key: "title".into(),
                    header: "Commitment".into(),
                },
            ],
            rows: vec![
                vec!["HA W4".into(), "Safer waters".into()],
                vec![
                    format!("HA W4.2 {ALIAS}"),
                    "Dredge the outer channel".into(),
                ],
            ],
            joined: Joined::Continued,
            bbox: vec![PageBox {
                page: 2,
                bbox: [36.0, 40.5, 806.0, 560.25],
            }],
            header_rows: 0,
            cells: Vec::new(),
        }],
        records: vec![
            Record {
                id: Some("HA W4".into()),
                aliases: vec![],
                parent_id: None,
                kind: RecordKind::Priority,
                section: Some("Safer Waters".into()),
                title: Some("Safer waters".into()),
                description: None,
                due: None,
                start: None,
                status: vec![],
                plan: vec![],
                measure: None,
                fields: BTreeMap::new(),
                provenance: Provenance {
                    table: 0,
                    pages: vec![2],
                    row: 0,
                    line: None,
                    bbox: vec![],
                },
            },
            Record {
                id: Some("HA W4.2".into()),
                aliases: vec![ALIAS.into(), "Board item 12".into()],
                parent_id: Some("HA W4".into()),
                kind: RecordKind::Action,
                section: Some("Safer Waters".into()),
                title: Some("Dredge the outer channel".into()),
                description: Some("- survey, then dredge\n- re-buoy".into()),
                due: Some(date(
                    "Sep-25",
                    DateKind::Month,
                    Some("2025-09-01"),
                    Some("2025-09-30"),
                )),
                start: Some(date("Ongoing", DateKind::Ongoing, None, None)),
                status: vec![
                    StatusEntry {
                        period: Some("2025-06".into()),
                        label: Some("June".into()),
                        raw: "On Track".into(),
                        code: StatusCode::OnTrack,
                        revised_due: None,
                        commentary: None,
                        colour: None,
                        code_from: None,
                        subject: None,
                    },
                    StatusEntry {
                        period: Some("2025-12".into()),
                        label: Some("December".into()),
                        raw: "Behind".into(),
                        code: StatusCode::Delayed,
                        revised_due: Some(date(
                            "Q1 2026",
                            DateKind::Quarter,
                            Some("2026-01-01"),
                            Some("2026-03-31"),
                        )),
                        commentary: Some(COMMENTARY.into()),
                        colour: None,
                        code_from: None,
                        subject: None,
                    },
                ],
                plan: vec![],
                measure: None,
                fields,
                provenance: Provenance {
                    table: 0,
                    pages: vec![2, 3],
                    row: 1,
                    line: Some(88),
                    bbox: vec![],
                },
            },
        ],
        warnings: vec![Warning::new(
            plantab_model::WarningCode::RowCountMismatch,
            "left half has 2 rows, right 3",
        )
        .on_page(Some(3))],
    }
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(schema()).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "schema is not valid 2020-12"
    );
    jsonschema::draft202012::new(&schema).unwrap()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn sample_value() -> Value {
    serde_json::from_str(&to_json(&sample()).unwrap()).unwrap()
}

#[test]
fn json_validates_and_round_trips() {
    let text = to_json(&sample()).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(
        text.contains("\n  \"schema_version\": \"1\""),
        "pretty-printed"
    );
    let v = validator();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(errors(&v, &value), Vec::<String>::new());
    let back: Document = serde_json::from_str(&text).unwrap();
    assert_eq!(back, sample());
}

#[test]
fn minimal_document_validates() {
    // Text input, no pages, no legend, no bbox, no line: the optional parts absent.
    let mut doc = sample();
    doc.source.format = SourceFormat::Text;
    doc.source.pages = None;
    doc.document = DocumentInfo::default();
    doc.tables[0].bbox.clear();
    doc.tables[0].pages.clear();
    for r in &mut doc.records {
        r.provenance.line = None;
        r.provenance.pages.clear();
    }
    let value: Value = serde_json::from_str(&to_json(&doc).unwrap()).unwrap();
    assert!(value["document"].get("status_legend").is_none());
    assert!(value["tables"][0].get("bbox").is_none());
    assert_eq!(errors(&validator(), &value), Vec::<String>::new());
}

#[test]
fn contract_breaks_fail_validation() {
    let v = validator();
    type Break = (&'static str, fn(&mut Value));
    let breaks: Vec<Break> = vec![
        ("records[0].id renamed", |d| {
            let r = d["records"][0].as_object_mut().unwrap();
            let id = r.remove("id").unwrap();
            r.insert("ident".into(), id);
        }),
        ("status code out of vocabulary", |d| {
            d["records"][1]["status"][0]["code"] = json!("sort_of");
        }),
        ("due as a bare string", |d| {
            d["records"][1]["due"] = json!("Sep-25")
        }),
        ("status period not YYYY-MM", |d| {
            d["records"][1]["status"][1]["period"] = json!("December 2025");
        }),
        ("date start not ISO", |d| {
            d["records"][1]["due"]["start"] = json!("01/09/2025");
        }),
        ("date kind unknown", |d| {
            d["records"][1]["due"]["kind"] = json!("fortnight")
        }),
        ("revised_due dropped", |d| {
            d["records"][1]["status"][1]
                .as_object_mut()
                .unwrap()
                .remove("revised_due");
        }),
        ("fields value not a string", |d| {
            d["records"][1]["fields"]["reference"] = json!(771);
        }),
        ("document kind unknown", |d| {
            d["document"]["kind"] = json!("white_paper")
        }),
        ("table joined unknown", |d| {
            d["tables"][0]["joined"] = json!("glued")
        }),
        ("table kind unknown", |d| {
            d["tables"][0]["kind"] = json!("budget")
        }),
        ("record kind unknown", |d| {
            d["records"][0]["kind"] = json!("theme")
        }),
        ("source format unknown", |d| {
            d["source"]["format"] = json!("docx")
        }),
        ("sha256 renamed", |d| {
            let s = d["source"].as_object_mut().unwrap();
            let h = s.remove("sha256").unwrap();
            s.insert("sha".into(), h);
        }),
        ("schema_version changed", |d| {
            d["schema_version"] = json!("2")
        }),
        ("provenance row missing", |d| {
            d["records"][0]["provenance"]
                .as_object_mut()
                .unwrap()
                .remove("row");
        }),
        ("warning page zero", |d| d["warnings"][0]["page"] = json!(0)),
        ("year_inferred not boolean", |d| {
            d["records"][1]["due"]["year_inferred"] = json!("no");
        }),
    ];
    for (what, apply) in breaks {
        let mut doc = sample_value();
        apply(&mut doc);
        assert!(!v.is_valid(&doc), "{what}: should fail validation");
    }
    // Additions stay valid (forward compatible).
    let mut doc = sample_value();
    doc["records"][1]["confidence"] = json!(0.9);
    doc["document"]["language"] = json!("en");
    assert!(v.is_valid(&doc));
}

/// The `enum` list of `$defs`/`properties` entry at `pointer` in the schema.
fn schema_enum(pointer: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema()).unwrap();
    let mut names: Vec<String> = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn serde_names<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    let mut names: Vec<String> = values
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn schema_enums_match_rust_enums() {
    // The matches make the compiler flag a new variant missing from the lists.
    let date_kinds = [
        DateKind::Date,
        DateKind::Month,
        DateKind::Quarter,
        DateKind::Half,
        DateKind::Year,
        DateKind::Range,
        DateKind::Multiple,
        DateKind::Ongoing,
        DateKind::Tbc,
        DateKind::Recurring,
        DateKind::NotApplicable,
        DateKind::Unknown,
    ];
    for k in date_kinds {
        match k {
            DateKind::Date
            | DateKind::Month
            | DateKind::Quarter
            | DateKind::Half
            | DateKind::Year
            | DateKind::Range
            | DateKind::Multiple
            | DateKind::Ongoing
            | DateKind::Tbc
            | DateKind::Recurring
            | DateKind::NotApplicable
            | DateKind::Unknown => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Date/properties/kind/enum"),
        serde_names(&date_kinds)
    );

    let doc_kinds = [
        DocumentKind::ProgressReport,
        DocumentKind::DeliveryPlan,
        DocumentKind::BusinessPlan,
        DocumentKind::AnnualReport,
        DocumentKind::ImprovementTracker,
        DocumentKind::Unknown,
    ];
    for k in doc_kinds {
        match k {
            DocumentKind::ProgressReport
            | DocumentKind::DeliveryPlan
            | DocumentKind::BusinessPlan
            | DocumentKind::AnnualReport
            | DocumentKind::ImprovementTracker
            | DocumentKind::Unknown => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/DocumentInfo/properties/kind/enum"),
        serde_names(&doc_kinds)
    );

    let table_kinds = [
        TableKind::Actions,
        TableKind::Projects,
        TableKind::Legislation,
        TableKind::Measures,
        TableKind::Initiatives,
        TableKind::Financial,
        TableKind::Other,
    ];
    for k in table_kinds {
        match k {
            TableKind::Actions
            | TableKind::Projects
            | TableKind::Legislation
            | TableKind::Measures
            | TableKind::Initiatives
            | TableKind::Financial
            | TableKind::Other => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Table/properties/kind/enum"),
        serde_names(&table_kinds)
    );

    let joined = [Joined::None, Joined::SideBySide, Joined::Continued];
    for j in joined {
        match j {
            Joined::None | Joined::SideBySide | Joined::Continued => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Table/properties/joined/enum"),
        serde_names(&joined)
    );

    let record_kinds = [
        RecordKind::Priority,
        RecordKind::Action,
        RecordKind::Project,
        RecordKind::Legislation,
        RecordKind::Measure,
        RecordKind::Initiative,
    ];
    for k in record_kinds {
        match k {
            RecordKind::Priority
            | RecordKind::Action
            | RecordKind::Project
            | RecordKind::Legislation
            | RecordKind::Measure
            | RecordKind::Initiative => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Record/properties/kind/enum"),
        serde_names(&record_kinds)
    );

    let formats = [SourceFormat::Pdf, SourceFormat::Text];
    for f in formats {
        match f {
            SourceFormat::Pdf | SourceFormat::Text => {}
        }
    }
    assert_eq!(
        schema_enum("/$defs/Source/properties/format/enum"),
        serde_names(&formats)
    );

    assert_eq!(
        schema_enum("/$defs/StatusCode/enum"),
        serde_names(&StatusCode::ALL)
    );
}

#[test]
fn ndjson_one_line_per_record_with_source_and_kind() {
    let doc = sample();
    let mut out = Vec::new();
    let n = write_ndjson(&doc, &mut out).unwrap();
    assert_eq!(n, 2);
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, record) in lines.iter().zip(&doc.records) {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["source"]["path"], "in/harbour, 2025 report.pdf");
        assert_eq!(value["source"]["sha256"], SHA);
        assert_eq!(value["document"]["kind"], "progress_report");
        // The record's own fields sit beside them, under contract names.
        let back: Record = serde_json::from_value(value).unwrap();
        assert_eq!(&back, record);
    }
    let second: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["aliases"][0], ALIAS);
    assert_eq!(second["status"][1]["revised_due"]["start"], "2026-01-01");

    let mut empty = doc.clone();
    empty.records.clear();
    let mut out = Vec::new();
    assert_eq!(write_ndjson(&empty, &mut out).unwrap(), 0);
    assert!(out.is_empty());
}

/// A tiny RFC 4180 reader: rows of cells, CRLF row ends, quoted cells.
#[test]
fn csv_round_trips_quoting_and_flattens_latest_status() {
    let doc = sample();
    let text = String::from_utf8(flat_records_csv(std::slice::from_ref(&doc)).unwrap()).unwrap();
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 3, "header + 2 records");
    let header = &rows[0];
    // The contract's field columns, then the document's own key.
    assert_eq!(
        header.len(),
        CSV_FIXED_COLUMNS.len() + contract_field_keys().len() + 1
    );
    assert_eq!(
        header.last().map(String::as_str),
        Some("fields.harbour_zone")
    );
    assert!(rows.iter().all(|r| r.len() == header.len()), "ragged rows");
    assert_eq!(
        &header[..6],
        [
            "source_path",
            "source_sha256",
            "document_kind",
            "table",
            "row",
            "pages"
        ]
    );

    let p = &rows[1];
    assert_eq!(cell(header, p, "id"), "HA W4");
    assert_eq!(cell(header, p, "kind"), "priority");
    assert_eq!(cell(header, p, "status_code"), "");
    assert_eq!(cell(header, p, "due_raw"), "");
    assert_eq!(cell(header, p, "fields.harbour_zone"), "");

    let a = &rows[2];
    assert_eq!(
        cell(header, a, "source_path"),
        "in/harbour, 2025 report.pdf"
    );
    assert_eq!(cell(header, a, "source_sha256"), SHA);
    assert_eq!(cell(header, a, "document_kind"), "progress_report");
    assert_eq!(cell(header, a, "table"), "0");
    assert_eq!(cell(header, a, "row"), "1");
    assert_eq!(cell(header, a, "pages"), "2;3");
    assert_eq!(cell(header, a, "id"), "HA W4.2");
    assert_eq!(
        cell(header, a, "aliases"),
        format!("{ALIAS}; Board item 12")
    );
    assert_eq!(cell(header, a, "parent_id"), "HA W4");
    assert_eq!(cell(header, a, "kind"), "action");
    assert_eq!(cell(header, a, "section"), "Safer Waters");
    assert_eq!(cell(header, a, "title"), "Dredge the outer channel");
    assert_eq!(
        cell(header, a, "description"),
        "- survey, then dredge\n- re-buoy"
    );
    assert_eq!(cell(header, a, "due_raw"), "Sep-25");
    assert_eq!(cell(header, a, "due_start"), "2025-09-01");
    assert_eq!(cell(header, a, "due_end"), "2025-09-30");
    assert_eq!(cell(header, a, "start_raw"), "Ongoing");
    assert_eq!(cell(header, a, "start_start"), "");
    assert_eq!(cell(header, a, "start_end"), "");
    // Latest period = last status entry (December), not the June one.
    assert_eq!(cell(header, a, "status_period"), "2025-12");
    assert_eq!(cell(header, a, "status_code"), "delayed");
    assert_eq!(cell(header, a, "status_raw"), "Behind");
    assert_eq!(cell(header, a, "revised_due"), "Q1 2026");
    assert_eq!(cell(header, a, "revised_due_start"), "2026-01-01");
    assert_eq!(cell(header, a, "revised_due_end"), "2026-03-31");
    assert_eq!(cell(header, a, "commentary"), COMMENTARY);
    assert_eq!(
        cell(header, a, "fields.lead_department"),
        "Ports, Harbours & \"Coast\""
    );
    assert_eq!(cell(header, a, "fields.reference"), "HX-0771");
    assert_eq!(cell(header, a, "fields.minister"), "");
    assert_eq!(cell(header, a, "fields.harbour_zone"), "North, outer");
}

#[test]
fn csv_rows_one_document_at_a_time_under_one_header() {
    let first = sample();
    let mut second = sample();
    second.source.path = "in/other.txt".into();
    second.document.kind = DocumentKind::DeliveryPlan;
    second.records.truncate(1);
    second.records[0]
        .fields
        .insert("berth".to_string(), "4".to_string());

    // Rows made apart (as a batch does on its worker threads), passed as
    // bytes, their keys collected, then written under one header.
    let made: Vec<CsvRows> = [&first, &second]
        .iter()
        .map(|d| {
            let bytes = CsvRows::of_document(d).unwrap().to_bytes().unwrap();
            CsvRows::from_bytes(&bytes).unwrap()
        })
        .collect();
    let mut columns = CsvColumns::contract();
    for rows in &made {
        columns.add_rows(rows);
    }
    let mut w = CsvWriter::new(Vec::new(), columns.clone());
    assert_eq!(w.write_rows(&made[0]).unwrap(), 2);
    assert_eq!(w.write_rows(&made[1]).unwrap(), 1);
    let bytes = w.finish().unwrap();
    // The same bytes as writing the documents in hand.
    assert_eq!(
        bytes,
        flat_records_csv(&[first.clone(), second.clone()]).unwrap()
    );
    let rows = parse_csv(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows.len(), 4);
    assert_eq!(rows.iter().filter(|r| r[0] == "source_path").count(), 1);
    let header = &rows[0];
    // Own keys after the contract's, in byte order.
    let n = CSV_FIXED_COLUMNS.len() + contract_field_keys().len();
    assert_eq!(header[n..], ["fields.berth", "fields.harbour_zone"]);
    assert_eq!(
        cell(header, &rows[2], "fields.harbour_zone"),
        "North, outer"
    );
    assert_eq!(cell(header, &rows[2], "fields.berth"), "");
    assert_eq!(cell(header, &rows[3], "fields.berth"), "4");
    assert_eq!(cell(header, &rows[3], "source_path"), "in/other.txt");
    assert_eq!(cell(header, &rows[3], "document_kind"), "delivery_plan");

    // A key without a column is an error, not a dropped value.
    let mut w = CsvWriter::new(Vec::new(), CsvColumns::contract());
    assert!(matches!(
        w.write_document(&first),
        Err(OutputError::NoColumn(k)) if k == "harbour_zone"
    ));

    // No documents at all: still a header, the contract's columns.
    let empty = CsvWriter::new(Vec::new(), CsvColumns::contract())
        .finish()
        .unwrap();
    let rows = parse_csv(&String::from_utf8(empty).unwrap());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].last().map(String::as_str), Some("fields.unparsed"));
}

#[test]
fn json_array_writer_gives_the_bytes_of_the_pretty_array() {
    let first = sample();
    let mut second = sample();
    second.source.path = "in/other.txt".into();
    second.records.truncate(1);
    let mut w = JsonArrayWriter::new(Vec::new());
    w.push_element(&json_array_element(&first).unwrap())
        .unwrap();
    w.push(&second).unwrap();
    assert_eq!(w.len(), 2);
    let bytes = w.finish().unwrap();
    let mut expected = serde_json::to_string_pretty(&[&first, &second]).unwrap();
    expected.push('\n');
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    // No documents: an empty array.
    let empty = JsonArrayWriter::new(Vec::new()).finish().unwrap();
    assert_eq!(empty, b"[]\n");
    // Bytes that are not an element are refused.
    let mut w = JsonArrayWriter::new(Vec::new());
    assert!(matches!(
        w.push_element(to_json(&first).unwrap().as_bytes()),
        Err(OutputError::NotAnElement)
    ));
}

/// `records.csv` of the sample: one row per record, the record's owner
/// from its owner-like field, pages as two integers, due and start with
/// their kind, the latest status (December) in its own columns, the
/// document's own key as a `field_<key>` column; snake_case names, no JSON.
#[test]
fn records_csv_one_row_per_record_with_owner_dates_and_latest_status() {
    let doc = sample();
    let text = String::from_utf8(plantab_output::records_csv(std::slice::from_ref(&doc)).unwrap())
        .unwrap();
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 3, "header + 2 records");
    let header = &rows[0];
    assert_eq!(
        *header,
        plantab_output::records_columns(std::slice::from_ref(&doc))
    );
    for h in header {
        assert!(
            h.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "not snake_case: {h}"
        );
    }
    // The contract's columns always, the document's own key after them.
    assert_eq!(
        header.len(),
        plantab_output::RECORD_COLUMNS.len() + contract_field_keys().len() + 1
    );
    assert_eq!(header.last().unwrap(), "field_harbour_zone");
    let r = &rows[2];
    let c = |name| cell(header, r, name);
    assert_eq!(c("source_path"), "in/harbour, 2025 report.pdf");
    assert_eq!(
        c("document_title"),
        "Harbour Authority 2025 Plan: Year-End Progress"
    );
    assert_eq!(c("document_owner"), "Harbour Authority");
    assert_eq!(c("document_period"), "2025");
    assert_eq!(c("document_kind"), "progress_report");
    assert_eq!((c("page_first"), c("page_last")), ("2", "3"));
    assert_eq!(
        (c("id"), c("parent_id"), c("kind")),
        ("HA W4.2", "HA W4", "action")
    );
    assert_eq!(c("description"), "- survey, then dredge\n- re-buoy");
    assert_eq!(c("owner"), "Ports, Harbours & \"Coast\"");
    assert_eq!(c("owner_field"), "lead_department");
    assert_eq!(c("field_lead_department"), c("owner"));
    assert_eq!(
        (c("due_raw"), c("due_kind"), c("due_start"), c("due_end")),
        ("Sep-25", "month", "2025-09-01", "2025-09-30")
    );
    assert_eq!(
        (c("start_raw"), c("start_kind"), c("start_start")),
        ("Ongoing", "ongoing", "")
    );
    assert_eq!(c("status_count"), "2");
    assert_eq!(
        (c("status_period"), c("status_code"), c("status_raw")),
        ("2025-12", "delayed", "Behind")
    );
    assert_eq!(
        (c("status_revised_due_raw"), c("status_revised_due_kind")),
        ("Q1 2026", "quarter")
    );
    assert_eq!(c("status_revised_due_end"), "2026-03-31");
    assert_eq!(c("status_commentary"), COMMENTARY);
    assert_eq!(c("field_harbour_zone"), "North, outer");
    // The priority: no owner, no status.
    let p = &rows[1];
    assert_eq!(cell(header, p, "owner"), "");
    assert_eq!(cell(header, p, "status_count"), "0");
    for row in &rows {
        for v in row {
            assert!(
                !v.starts_with('{') && !v.starts_with('['),
                "JSON in a cell: {v}"
            );
        }
    }
}

/// `statuses.csv`: one row per record and status entry, in order, the last
/// marked latest; a record without statuses has no row.
#[test]
fn statuses_csv_one_row_per_status_entry() {
    let doc = sample();
    let text = String::from_utf8(plantab_output::statuses_csv(std::slice::from_ref(&doc)).unwrap())
        .unwrap();
    let rows = parse_csv(&text);
    let header = &rows[0];
    assert_eq!(*header, plantab_output::STATUS_COLUMNS);
    assert_eq!(rows.len(), 3, "header + 2 entries of HA W4.2");
    let got: Vec<_> = rows[1..]
        .iter()
        .map(|r| {
            (
                cell(header, r, "id"),
                cell(header, r, "entry"),
                cell(header, r, "latest"),
                cell(header, r, "period"),
                cell(header, r, "code"),
                cell(header, r, "revised_due_start"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("HA W4.2", "1", "false", "2025-06", "on_track", ""),
            ("HA W4.2", "2", "true", "2025-12", "delayed", "2026-01-01")
        ]
    );
    assert_eq!(cell(header, &rows[2], "commentary"), COMMENTARY);
}

/// `tables.csv`: one row per printed cell with text, 0-based row and col,
/// the table named by its first page and position there.
#[test]
fn tables_long_csv_one_row_per_cell() {
    let mut doc = sample();
    doc.tables[0].header_rows = 1;
    let text =
        String::from_utf8(plantab_output::tables_long_csv(std::slice::from_ref(&doc)).unwrap())
            .unwrap();
    let rows = parse_csv(&text);
    let header = &rows[0];
    assert_eq!(
        header[..9],
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
    assert_eq!(rows.len(), 1 + 4, "2 rows of 2 cells");
    let r = &rows[4];
    assert_eq!(
        r[..9],
        [
            "in/harbour, 2025 report.pdf",
            "2",
            "1",
            "1",
            "1",
            "1",
            "1",
            "false",
            "Dredge the outer channel"
        ]
    );
    assert_eq!(cell(header, &rows[1], "is_header"), "true");
}

/// Every text entry of a workbook, by name.
#[cfg(feature = "xlsx")]
fn xlsx_parts(bytes: &[u8]) -> BTreeMap<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        parts.insert(f.name().unwrap().into_owned(), s);
    }
    parts
}

/// The sheet names of a workbook, in order.
#[cfg(feature = "xlsx")]
fn sheet_names(parts: &BTreeMap<String, String>) -> Vec<String> {
    parts["xl/workbook.xml"]
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// The `extract` workbook: sheets documents, records, statuses, each with
/// a frozen header row; the same bytes for the same documents.
#[cfg(feature = "xlsx")]
#[test]
fn records_workbook_has_three_sheets_with_frozen_headers() {
    let doc = sample();
    let bytes = plantab_output::records_xlsx(std::slice::from_ref(&doc)).unwrap();
    assert_eq!(
        bytes,
        plantab_output::records_xlsx(std::slice::from_ref(&doc)).unwrap()
    );
    let parts = xlsx_parts(&bytes);
    assert_eq!(sheet_names(&parts), ["documents", "records", "statuses"]);
    for n in 1..=3 {
        let sheet = &parts[&format!("xl/worksheets/sheet{n}.xml")];
        assert!(
            sheet.contains("ySplit=\"1\""),
            "sheet {n}: header not frozen"
        );
    }
    let strings = &parts["xl/sharedStrings.xml"];
    assert!(
        strings.contains("Ports, Harbours &amp; &quot;Coast&quot;")
            || strings.contains("Ports, Harbours &amp; \"Coast\"")
    );
    assert!(strings.contains(">owner_field<"));
    // Two status rows and a header on the statuses sheet.
    assert_eq!(
        parts["xl/worksheets/sheet3.xml"].matches("<row ").count(),
        3
    );
    assert_eq!(
        parts["xl/worksheets/sheet2.xml"].matches("<row ").count(),
        3
    );
}

/// The `tables` workbook: a sheet per table named by file, page and
/// table, its header rows bold and frozen.
#[cfg(feature = "xlsx")]
#[test]
fn tables_workbook_names_a_sheet_per_table() {
    let mut doc = sample();
    doc.tables[0].header_rows = 1;
    let parts = xlsx_parts(&plantab_output::tables_xlsx(std::slice::from_ref(&doc)).unwrap());
    assert_eq!(
        sheet_names(&parts),
        ["documents", "harbour, 2025 report-p2-t1"]
    );
    let sheet = &parts["xl/worksheets/sheet2.xml"];
    assert!(sheet.contains("ySplit=\"1\""));
    // The header row's cells carry the bold style, the body's none.
    let rows: Vec<&str> = sheet.split("<row ").skip(1).collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0].contains(" s=\""),
        "header row not styled: {}",
        rows[0]
    );
    assert!(!rows[1].contains(" s=\""), "body row styled: {}", rows[1]);
    assert!(parts["xl/styles.xml"].contains("<b/>"));
}

/// Sheet names keep Excel's rules: at most 31 characters, no `[]:*?/\`,
/// unique ignoring case, the page and table part kept whole.
#[cfg(feature = "xlsx")]
#[test]
fn sheet_names_fit_excel_and_stay_unique() {
    let mut taken = std::collections::HashSet::new();
    let long = "2023-24 Delivery Plan: Quarter 3 [final] progress report";
    let a = plantab_output::sheet_name(long, "-p12-t3", &mut taken);
    assert_eq!(a, "2023-24 Delivery Plan_ Q-p12-t3");
    assert!(a.encode_utf16().count() <= 31);
    let b = plantab_output::sheet_name(&long.to_uppercase(), "-p12-t3", &mut taken);
    assert!(b.ends_with("-p12-t3~2"), "{b}");
    assert!(b.encode_utf16().count() <= 31);
    assert_ne!(a.to_lowercase(), b.to_lowercase());
    let c = plantab_output::sheet_name("'quoted'", "", &mut taken);
    assert_eq!(c, "quoted");
    assert_eq!(plantab_output::sheet_name("", "", &mut taken), "table");
}
