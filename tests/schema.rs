//! Every document the tests produce validates against
//! `schemas/plantab-document.schema.json` (the contract, stated as JSON
//! Schema 2020-12), and `plantab schema` prints exactly that file.

use plantab_e2e::*;
use serde_json::Value;
use std::path::PathBuf;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(plantab_output::schema()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// Every fixture file (text and PDF), recursively.
fn fixture_files() -> Vec<PathBuf> {
    fn walk(d: &std::path::Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "pdf"))
            {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(&root().join("fixtures"), &mut v);
    v
}

#[test]
fn every_fixture_document_validates() {
    let v = validator();
    let mut checked = 0;
    for f in fixture_files() {
        // Inputs that are meant to fail (damaged files) have no document.
        let Ok(doc) = plantab::extract_file(&f) else {
            continue;
        };
        let json: Value = serde_json::from_str(&plantab_output::to_json(&doc).unwrap()).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        checked += 1;
    }
    assert!(checked >= 9, "validated {checked} documents");
}

#[test]
fn schema_file_is_what_the_library_serves() {
    let on_disk =
        std::fs::read_to_string(root().join("schemas/plantab-document.schema.json")).unwrap();
    assert!(
        on_disk == plantab_output::schema(),
        "schemas/plantab-document.schema.json and crates/plantab-output/schema/ differ: \
         edit the first, then copy it over the second"
    );
}

/// Every warning and error code is documented in the contract
/// (`docs/OUTPUT.md`, one table row each), and every warning code is named
/// in the schema's description of `code`: a new code cannot land
/// undocumented.
#[test]
fn every_code_is_documented() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let contract = std::fs::read_to_string(root.join("docs/OUTPUT.md")).unwrap();
    let schema = plantab_output::schema();
    let documented = |code: &str| {
        contract
            .lines()
            .any(|l| l.starts_with('|') && l.contains(&format!("`{code}`")))
    };
    for c in plantab_model::WarningCode::ALL {
        assert!(
            documented(c.as_str()),
            "warning {} not in docs/OUTPUT.md",
            c.as_str()
        );
        assert!(
            schema.contains(c.as_str()),
            "warning {} not named in the schema",
            c.as_str()
        );
    }
    for c in plantab_model::ErrorCode::ALL {
        assert!(
            documented(c.as_str()),
            "error {} not in docs/OUTPUT.md",
            c.as_str()
        );
    }
}
