//! Owners named by headings (`data/section_owners.tsv`): "Owner: …"
//! lines, "Workstream – Lead X" sub-headings and "Area (Policy Lead -
//! X)" heading bars give the rows under them an owner (and a workstream).

use crate::load::{self, DataFile, Loaded, TableReport};
use std::sync::OnceLock;

/// Where a cue sits in a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Line,
    Dash,
    Bracket,
}

/// Most words an owner named by a heading has.
const OWNER_WORDS: usize = 12;

fn cues() -> &'static Loaded<Vec<(Form, String)>> {
    static CELL: OnceLock<Loaded<Vec<(Form, String)>>> = OnceLock::new();
    CELL.get_or_init(|| load_cues(load::SECTION_OWNERS))
}

pub(crate) fn tables() -> [TableReport; 1] {
    [cues().report()]
}

fn load_cues(file: DataFile) -> Loaded<Vec<(Form, String)>> {
    let mut r = load::Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<2>() {
        let [form, cue] = row.fields;
        let form = match form {
            "line" => Form::Line,
            "dash" => Form::Dash,
            "bracket" => Form::Bracket,
            other => {
                r.unknown::<2, ()>(&row, "form", other);
                continue;
            }
        };
        let Some(cue) = r.non_empty(&row, "cue", cue) else {
            continue;
        };
        let lower = cue.to_lowercase();
        let group = match form {
            Form::Line => "line",
            Form::Dash => "dash",
            Form::Bracket => "bracket",
        };
        if r.first(&row, group, lower.clone(), ["", ""]) {
            out.push((form, lower));
        }
    }
    // Longest cue first: "Lead officer" before "Lead".
    out.sort_by_key(|(_, c)| std::cmp::Reverse(c.len()));
    r.finish(out)
}

/// What a heading (or the line under it) says about the rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionOwner {
    /// The owner as printed.
    pub owner: String,
    /// The heading's name before its lead ("National Address Register"),
    /// when the heading names one (dash and bracket forms).
    pub name: Option<String>,
}

/// The words of `s` after `cue` when `s` (lower-cased as `lower`) opens
/// with it at a word boundary.
fn after_cue<'a>(s: &'a str, lower: &str, cue: &str) -> Option<&'a str> {
    if !lower.starts_with(cue) {
        return None;
    }
    let rest = s.get(cue.len()..)?;
    rest.chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(rest)
}

/// A plausible owner: some text, not too many words, not a sentence.
fn owner_text(s: &str) -> Option<String> {
    let t = s
        .trim()
        .trim_end_matches(['.', ';', ','])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let words = t.split_whitespace().count();
    ((1..=OWNER_WORDS).contains(&words) && t.chars().any(char::is_alphanumeric)).then_some(t)
}

/// The owner a heading or a line under one names, `None` when it names
/// none. Only the first line of `text` is looked at.
pub fn section_owner(text: &str) -> Option<SectionOwner> {
    let line = text.lines().next()?.trim();
    if line.is_empty() || line.split_whitespace().count() > 24 {
        return None;
    }
    let lower = line.to_lowercase();
    // Cues are ASCII; a lower-cased line keeps the byte offsets of an ASCII
    // prefix only, so offsets are taken from `lower` only when equal length.
    if lower.len() != line.len() {
        return None;
    }
    for (form, cue) in &cues().value {
        match form {
            Form::Line => {
                let Some(rest) = after_cue(line, &lower, cue) else {
                    continue;
                };
                let rest = rest.trim_start();
                let rest = match rest.strip_prefix(':') {
                    Some(r) => r,
                    None if cue.ends_with(" by") => rest,
                    None => continue,
                };
                if let Some(owner) = owner_text(rest) {
                    return Some(SectionOwner { owner, name: None });
                }
            }
            Form::Dash => {
                for dash in [" – ", " — ", " - "] {
                    let Some(at) = lower.rfind(dash) else {
                        continue;
                    };
                    let (name, tail) = (line.get(..at)?, line.get(at + dash.len()..)?);
                    let tail_lower = lower.get(at + dash.len()..)?;
                    let Some(rest) = after_cue(tail, tail_lower, cue) else {
                        continue;
                    };
                    let rest = rest.trim_start().trim_start_matches(':');
                    if let (Some(owner), false) = (owner_text(rest), name.trim().is_empty()) {
                        return Some(SectionOwner {
                            owner,
                            name: Some(name.trim().to_string()),
                        });
                    }
                }
            }
            Form::Bracket => {
                let Some(open) = line.rfind('(') else {
                    continue;
                };
                if !line.ends_with(')') {
                    continue;
                }
                let inner = line.get(open + 1..line.len() - 1)?;
                let inner_lower = lower.get(open + 1..lower.len() - 1)?;
                let first = inner.split(';').next()?;
                let first_lower = inner_lower.split(';').next()?;
                let Some(rest) = after_cue(first, first_lower, cue) else {
                    continue;
                };
                let rest = rest.trim_start();
                let Some(rest) = rest
                    .strip_prefix(':')
                    .or_else(|| rest.strip_prefix('-'))
                    .or_else(|| rest.strip_prefix('–'))
                else {
                    continue;
                };
                let name = line.get(..open)?.trim();
                if let (Some(owner), false) = (owner_text(rest), name.is_empty()) {
                    return Some(SectionOwner {
                        owner,
                        name: Some(name.to_string()),
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(s: &str) -> Option<(String, Option<String>)> {
        section_owner(s).map(|o| (o.owner, o.name))
    }

    #[test]
    fn owners_in_lines_sub_headings_and_brackets() {
        assert_eq!(
            got("Owner: Head of HR Shared Services"),
            Some(("Head of HR Shared Services".into(), None))
        );
        assert_eq!(
            got("National Address Register – Lead PM/RT"),
            Some(("PM/RT".into(), Some("National Address Register".into())))
        );
        assert_eq!(
            got("Employment regulation (Policy Lead - BEIS; Delivery Lead - Acas)"),
            Some(("BEIS".into(), Some("Employment regulation".into())))
        );
        assert_eq!(
            got("Led by the Data Unit"),
            Some(("the Data Unit".into(), None))
        );
        // No cue, or a cue that is only a word of the heading.
        assert_eq!(got("Leadership and governance"), None);
        assert_eq!(got("Lead the review of planning conditions"), None);
        assert_eq!(got("Planning (2019)"), None);
    }
}
