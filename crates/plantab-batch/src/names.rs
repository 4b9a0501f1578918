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

/// The longest output stem, in bytes: every name made from it — the
/// output (`<stem>.<ext>.json`, `<stem>-2.json`), a table file
/// (`<stem>-p<page>-t<n>.csv`) and the temporary name of any of them
/// (`.<name>.<pid>-<n>.tmp`) — then fits the file system's 255-byte limit.
pub const MAX_STEM: usize = 180;

/// Hex digits of the SHA-256 of the whole stem that end a shortened stem.
const HASH_DIGITS: usize = 16;

/// `s` cut to at most `max` bytes, at a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// A stem that fits [`MAX_STEM`]: a longer one is cut and ends with `~`
/// and the first 16 hex digits of the SHA-256 of the whole stem (so two
/// long names differing only at their end stay apart); whether it was
/// shortened.
pub fn fit_stem(stem: &str) -> (String, bool) {
    if stem.len() <= MAX_STEM {
        return (stem.to_string(), false);
    }
    let hash = plantab::sha256_hex(stem.as_bytes());
    let head = cut(stem, MAX_STEM - HASH_DIGITS - 1);
    (
        format!("{head}~{}", hash.get(..HASH_DIGITS).unwrap_or(&hash)),
        true,
    )
}

/// Whether the output name of this input file had its stem shortened
/// ([`fit_stem`]).
pub fn stem_shortened(file: &std::path::Path) -> bool {
    file.file_stem()
        .is_some_and(|s| s.to_string_lossy().len() > MAX_STEM)
}

/// `s` with control characters (newlines, escapes, DEL, C1) written as
/// `\n`, `\t`, `\r` or `\u{..}`, so a file name cannot forge a line of
/// stderr or move the cursor.
pub fn escape_control(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The output name of each input, in input order (`None` for a failed
/// path). Stems longer than [`MAX_STEM`] are shortened ([`fit_stem`]).
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
            let (stem, _) = fit_stem(&stem);
            let ext = f
                .extension()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut candidates = vec![format!("{stem}.json")];
            if !ext.is_empty() && stem.len() + ext.len() < MAX_STEM {
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

    #[test]
    fn long_stems_are_shortened_with_a_hash_and_control_characters_escaped() {
        let a = format!("{}a.txt", "x".repeat(245));
        let b = format!("{}b.txt", "x".repeat(245));
        let inputs = [
            Input::File(PathBuf::from(&a)),
            Input::File(PathBuf::from(&b)),
        ];
        let names: Vec<String> = output_names(&inputs).into_iter().flatten().collect();
        assert!(names.iter().all(|n| n.len() <= MAX_STEM + 5), "{names:?}");
        assert_ne!(names[0], names[1], "the hash keeps them apart");
        assert!(names[0].starts_with(&"x".repeat(100)));
        assert!(stem_shortened(std::path::Path::new(&a)));
        assert!(!stem_shortened(std::path::Path::new("plan.pdf")));
        // Multi-byte characters are cut at a boundary.
        let (s, short) = fit_stem(&"é".repeat(200));
        assert!(short && s.len() <= MAX_STEM);
        assert_eq!(
            escape_control("a\nplantab: x: timeout: \u{1b}[2J"),
            "a\\nplantab: x: timeout: \\u{1b}[2J"
        );
        assert_eq!(escape_control("plain"), "plain");
    }
}
