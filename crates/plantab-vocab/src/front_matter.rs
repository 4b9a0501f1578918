//! Front-matter words: what names a document's owner, what is page
//! furniture rather than a title, and which jurisdiction (and so which
//! financial year) a document belongs to (`data/document_owners.tsv`,
//! `data/document_noise.tsv`, `data/jurisdictions.tsv`,
//! `data/jurisdiction_cues.tsv`).

use crate::load::{self, is_one_word, DataFile, Loaded, Reader, TableReport};
use std::sync::OnceLock;

/// What an owner word says about the name it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnerWordKind {
    /// A word that names a government as a whole ("Government", "State"):
    /// an owner only when nothing more specific is printed.
    Generic,
    /// A word that names a body ("Department", "Council", "Agency").
    Body,
    /// A word that opens a body's name ("HM" in "HM Treasury").
    Prefix,
    /// A word that makes a name a law, a scheme or a document rather than
    /// a body ("Act", "Regulations", "Scheme").
    Excluded,
}

fn owner_words() -> &'static Loaded<Vec<(String, OwnerWordKind)>> {
    static CELL: OnceLock<Loaded<Vec<(String, OwnerWordKind)>>> = OnceLock::new();
    CELL.get_or_init(|| load_owner_words(load::DOCUMENT_OWNERS))
}

/// Reads an owner-word table: word (letters and digits), kind (`body`,
/// `generic`, `prefix`, `excluded`); words compared lower-cased.
fn load_owner_words(file: DataFile) -> Loaded<Vec<(String, OwnerWordKind)>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<2>() {
        let [word, kind_name] = row.fields;
        let kind = match kind_name {
            "body" => OwnerWordKind::Body,
            "generic" => OwnerWordKind::Generic,
            "prefix" => OwnerWordKind::Prefix,
            "excluded" => OwnerWordKind::Excluded,
            other => {
                r.unknown::<2, ()>(&row, "owner word kind", other);
                continue;
            }
        };
        if word.is_empty() || !is_one_word(word) {
            r.invalid::<2, ()>(
                &row,
                "owner word",
                word,
                "is not one word of letters and digits",
            );
            continue;
        }
        let word = word.to_lowercase();
        if r.first(&row, "", word.clone(), [kind_name, ""]) {
            out.push((word, kind));
        }
    }
    r.finish(out)
}

/// The kind of an owner word (`word` compared case-insensitively), `None`
/// for other words.
///
/// ```
/// use plantab_vocab::{owner_word_kind, OwnerWordKind};
/// assert_eq!(owner_word_kind("Department"), Some(OwnerWordKind::Body));
/// assert_eq!(owner_word_kind("Government"), Some(OwnerWordKind::Generic));
/// assert_eq!(owner_word_kind("Strategy"), None);
/// ```
pub fn owner_word_kind(word: &str) -> Option<OwnerWordKind> {
    let w = word.to_lowercase();
    owner_words()
        .value
        .iter()
        .find(|(x, _)| *x == w)
        .map(|(_, k)| *k)
}

/// What makes a front-matter line page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoiseKind {
    /// A protective marking printed on every page ("UNCLASSIFIED",
    /// "OFFICIAL-SENSITIVE"): the whole line.
    Marking,
    /// A placeholder a template left ("Page Title"): the whole line.
    Placeholder,
    /// A producer's or printer's stamp ("Created with novaPDF …"): the
    /// line starts with it.
    Stamp,
    /// A document-status or version line ("Final", "Version 2.0",
    /// "Draft"): the line starts with it, is short, and no word follows.
    Version,
}

fn noise() -> &'static Loaded<Vec<(NoiseKind, String)>> {
    static CELL: OnceLock<Loaded<Vec<(NoiseKind, String)>>> = OnceLock::new();
    CELL.get_or_init(|| load_noise(load::DOCUMENT_NOISE))
}

/// Reads a noise table: kind (`marking`, `placeholder`, `stamp`,
/// `version`), text (compared lower-cased, spacing folded).
fn load_noise(file: DataFile) -> Loaded<Vec<(NoiseKind, String)>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<2>() {
        let [kind_name, text] = row.fields;
        let kind = match kind_name {
            "marking" => NoiseKind::Marking,
            "placeholder" => NoiseKind::Placeholder,
            "stamp" => NoiseKind::Stamp,
            "version" => NoiseKind::Version,
            other => {
                r.unknown::<2, ()>(&row, "noise kind", other);
                continue;
            }
        };
        let Some(text) = r.non_empty(&row, "text", text) else {
            continue;
        };
        let folded = fold(text);
        if r.first(&row, "", folded.clone(), [kind_name, ""]) {
            out.push((kind, folded));
        }
    }
    r.finish(out)
}

/// Lower case, every run of white space one space, trimmed.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Most words a version line may have ("Version 2.0 | 12 May 2011").
const VERSION_MAX_WORDS: usize = 5;

/// Whether a front-matter line is page furniture of the noise table, and
/// which kind.
///
/// ```
/// use plantab_vocab::{noise_kind, NoiseKind};
/// assert_eq!(noise_kind("UNCLASSIFIED"), Some(NoiseKind::Marking));
/// assert_eq!(noise_kind("Version 2.0"), Some(NoiseKind::Version));
/// assert_eq!(noise_kind("Open Data Strategy"), None);
/// ```
pub fn noise_kind(line: &str) -> Option<NoiseKind> {
    let l = fold(line);
    // A marking printed with the page number under it ("UNCLASSIFIED 1").
    let bare = l.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let words = l.split(' ').count();
    noise().value.iter().find_map(|(kind, text)| {
        let hit = match kind {
            NoiseKind::Marking | NoiseKind::Placeholder => bare == text || l == *text,
            NoiseKind::Stamp => l.starts_with(text.as_str()),
            NoiseKind::Version => {
                words <= VERSION_MAX_WORDS
                    && l.strip_prefix(text.as_str()).is_some_and(|rest| {
                        // "Version 2.0", "Final", not "Final report" or
                        // "Finalise".
                        !rest.starts_with(char::is_alphabetic)
                            && !rest.trim_start().starts_with(char::is_alphabetic)
                    })
            }
        };
        hit.then_some(*kind)
    })
}

/// How a jurisdiction names and counts its financial years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jurisdiction {
    /// Its key (`uk`, `us_federal`, …), as `document.jurisdiction`
    /// prints it.
    pub key: &'static str,
    /// Month (1–12) its financial year starts in.
    pub fiscal_start_month: u32,
    /// True where financial years are written as a pair of years
    /// (`2024-25`); false where they are named by one year (`FY2024`) or
    /// are the calendar year.
    pub pairs: bool,
}

fn jurisdictions() -> &'static Loaded<Vec<Jurisdiction>> {
    static CELL: OnceLock<Loaded<Vec<Jurisdiction>>> = OnceLock::new();
    CELL.get_or_init(|| load_jurisdictions(load::JURISDICTIONS))
}

/// Reads the jurisdiction table: key (lower case, `_` between words),
/// the month the financial year starts in (a month name), how years are
/// named (`pair`, `single`, `calendar`).
fn load_jurisdictions(file: DataFile) -> Loaded<Vec<Jurisdiction>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<3>() {
        let [key, month, naming] = row.fields;
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            r.invalid::<3, ()>(&row, "key", key, "is not lower-case letters and `_`");
            continue;
        }
        let Some(m) = crate::normalise::month_number(&month.to_lowercase(), false) else {
            r.unknown::<3, ()>(&row, "month", month);
            continue;
        };
        let pairs = match naming {
            "pair" => true,
            "single" | "calendar" => false,
            other => {
                r.unknown::<3, ()>(&row, "year naming", other);
                continue;
            }
        };
        if naming == "calendar" && m != 1 {
            r.invalid::<3, ()>(&row, "month", month, "is not January for a calendar year");
            continue;
        }
        if r.first(&row, "", key, [month, naming]) {
            out.push(Jurisdiction {
                key,
                fiscal_start_month: m,
                pairs,
            });
        }
    }
    r.finish(out)
}

/// The jurisdiction with this key.
pub fn jurisdiction(key: &str) -> Option<Jurisdiction> {
    jurisdictions().value.iter().find(|j| j.key == key).copied()
}

fn cues() -> &'static Loaded<Vec<(&'static str, &'static str)>> {
    static CELL: OnceLock<Loaded<Vec<(&'static str, &'static str)>>> = OnceLock::new();
    CELL.get_or_init(|| load_cues(load::JURISDICTION_CUES))
}

/// Reads the cue table: jurisdiction key (one of the jurisdiction
/// table's), cue as printed (matched case-sensitively, at word edges).
fn load_cues(file: DataFile) -> Loaded<Vec<(&'static str, &'static str)>> {
    let mut r = Reader::new(file);
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for row in r.rows::<2>() {
        let [key, cue] = row.fields;
        if jurisdiction(key).is_none() {
            r.unknown::<2, ()>(&row, "jurisdiction", key);
            continue;
        }
        let Some(cue) = r.non_empty(&row, "cue", cue) else {
            continue;
        };
        if r.first(&row, "", cue, [key, ""]) {
            out.push((key, cue));
        }
    }
    // Longest cue first: "New South Wales" before "Wales".
    out.sort_by_key(|(_, c)| std::cmp::Reverse(c.len()));
    r.finish(out)
}

/// Every jurisdiction cue found in `text`, as (key, cue) pairs, each
/// place in the text counted once (the longest cue there wins: "New South
/// Wales" is Australia, not Wales). A cue matches whole words: the
/// characters either side are not letters or digits.
///
/// ```
/// let found = plantab_vocab::jurisdiction_cues_in("Welsh Government · Cardiff");
/// assert_eq!(found.first().map(|(k, _)| *k), Some("wales"));
/// ```
pub fn jurisdiction_cues_in(text: &str) -> Vec<(&'static str, &'static str)> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for &(key, cue) in &cues().value {
        let mut from = 0;
        while let Some(pos) = text.get(from..).and_then(|t| t.find(cue)) {
            let start = from + pos;
            let end = start + cue.len();
            from = end;
            let edge_ok = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            let before = text.get(..start).and_then(|t| t.chars().next_back());
            let after = text.get(end..).and_then(|t| t.chars().next());
            // A cue that is a symbol (`£`, `€`) needs no word edge.
            let symbol = !cue.chars().any(char::is_alphanumeric);
            let whole_word = edge_ok(before) && edge_ok(after);
            if !(symbol || whole_word) {
                continue;
            }
            if taken.iter().any(|&(s, e)| start < e && s < end) {
                continue;
            }
            taken.push((start, end));
            out.push((key, cue));
        }
    }
    out
}

/// The front-matter tables' data files and bad lines.
pub(crate) fn tables() -> [TableReport; 4] {
    [
        owner_words().report(),
        noise().report(),
        jurisdictions().report(),
        cues().report(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markings_stamps_and_versions_are_noise() {
        for (line, kind) in [
            ("UNCLASSIFIED", NoiseKind::Marking),
            ("UNCLASSIFIED\n1", NoiseKind::Marking),
            ("OFFICIAL", NoiseKind::Marking),
            ("OFFICIAL-SENSITIVE", NoiseKind::Marking),
            ("Page Title", NoiseKind::Placeholder),
            (
                "Created with novaPDF Printer (www.novaPDF.com). Please register to remove this message.",
                NoiseKind::Stamp,
            ),
            ("Final", NoiseKind::Version),
            ("Version 2.0", NoiseKind::Version),
            ("Version 1.0", NoiseKind::Version),
        ] {
            assert_eq!(noise_kind(line), Some(kind), "{line:?}");
        }
        for line in [
            "Official Statistics release calendar",
            "Finalise the benefits model",
            "Final report of the review",
            "Open Data Strategy",
            "Draft Federal Data Strategy Action Plan for public comment now open",
        ] {
            assert_eq!(noise_kind(line), None, "{line:?}");
        }
    }

    #[test]
    fn jurisdictions_load_and_cues_take_the_longest_match() {
        let uk = jurisdiction("uk").expect("uk");
        assert_eq!((uk.fiscal_start_month, uk.pairs), (4, true));
        let us = jurisdiction("us_federal").expect("us federal");
        assert_eq!((us.fiscal_start_month, us.pairs), (10, false));
        assert_eq!(
            jurisdiction("jersey").map(|j| j.fiscal_start_month),
            Some(1)
        );
        let keys =
            |t: &str| -> Vec<&str> { jurisdiction_cues_in(t).iter().map(|(k, _)| *k).collect() };
        assert_eq!(keys("Transport for New South Wales"), ["australia"]);
        assert_eq!(keys("Government of Jersey"), ["jersey"]);
        assert!(keys("State of New Jersey").iter().all(|k| *k == "us_state"));
        assert!(keys("Jerseyville").is_empty());
        assert_eq!(keys("£3.2m"), ["uk"]);
    }
}
