//! Output file names, one per input: `<stem>.json`; when two inputs share
//! a stem, the later ones keep their extension (`<stem>.<ext>.json`), then
//! a counter (`<stem>-2.json`). Names are compared without regard to case,
//! so two outputs never share a name on a case-insensitive file system
//! (macOS, Windows): `Plan.pdf` and `plan.txt` give `Plan.json` and
//! `plan.txt.json`. The manifest's name is never given to an input, in any
//! case (`MANIFEST.md` gives `MANIFEST.md.json`); standard input (`-`) is
//! named `stdin.json`. [`Kind::output_name`](crate::Kind::output_name) turns a name into
//! its format's (`<stem>.md`).

use crate::inputs::{Input, STDIN};
use crate::manifest::MANIFEST_NAME;
use std::collections::HashSet;

/// The output name of each input, in input order (`None` for a failed
/// path).
pub fn output_names(inputs: &[Input]) -> Vec<Option<String>> {
    let mut used = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let Input::File(f) = input else {
                return None;
            };
            let stem = if f.as_path() == std::path::Path::new(STDIN) {
                Some("stdin".into())
            } else {
                None
            };
            let stem = stem
                .or_else(|| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "input".into());
            let ext = f
                .extension()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut candidates = vec![format!("{stem}.json")];
            if !ext.is_empty() {
                candidates.push(format!("{stem}.{ext}.json"));
            }
            let reserved = |c: &String| {
                let folded = c.to_lowercase();
                used.contains(&folded) || folded == MANIFEST_NAME
            };
            let name = candidates
                .into_iter()
                .find(|c| !reserved(c))
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{stem}-{n}.json"))
                        .find(|c| !reserved(c))
                        .unwrap_or_default()
                });
            used.insert(name.to_lowercase());
            Some(name)
        })
        .collect()
}

/// The stem of an output name: the name without its last extension
/// (`report.md` for `report.md.json`).
pub fn stem_of(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn shared_stems_and_the_manifest_name() {
        let inputs: Vec<Input> = [
            "a/report.txt",
            "b/report.md",
            "c/report.md",
            "manifest.txt",
            "d/MANIFEST.md",
            "e/Report.pdf",
            "-",
        ]
        .iter()
        .map(|p| Input::File(PathBuf::from(p)))
        .collect();
        let names: Vec<String> = output_names(&inputs).into_iter().flatten().collect();
        assert_eq!(
            names,
            [
                "report.json",
                "report.md.json",
                "report-2.json",
                "manifest.txt.json",
                "MANIFEST.md.json",
                "Report.pdf.json",
                "stdin.json",
            ]
        );
        assert_eq!(stem_of("report.md.json"), "report.md");
    }
}
