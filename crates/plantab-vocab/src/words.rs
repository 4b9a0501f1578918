//! Word lists: owner words, financial markers and role words
//! (`data/owner_words.tsv`, `data/financial_markers.tsv`,
//! `data/role_words.tsv`).

use crate::load::{data_lines, FINANCIAL_MARKERS_TSV, OWNER_WORDS_TSV, ROLE_WORDS_TSV};
use crate::normalise::{compact, compact_chars};
use std::sync::OnceLock;

/// True when `line` names an owner (minister, department, council …): it
/// holds a word of the owner-word table. Returns the byte offset just past
/// the last such word, so a title like "X Services Departmental Annual
/// Report" can be cut after "Services".
pub fn owner_word_end(line: &str) -> Option<usize> {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    let words = CELL.get_or_init(|| {
        data_lines(OWNER_WORDS_TSV)
            .filter_map(|cols| cols.first().map(|w| w.to_lowercase()))
            .collect()
    });
    let mut end = None;
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            let w = line.get(s..i).unwrap_or_default().to_lowercase();
            if words.contains(&w) {
                end = Some(i);
            }
        }
    }
    end
}

/// [`is_financial_marker`] for any text: lower-cases a copy of it.
fn is_financial_marker_general(text: &str) -> bool {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    let markers = CELL.get_or_init(|| {
        data_lines(FINANCIAL_MARKERS_TSV)
            .filter_map(|cols| cols.first().map(|w| w.to_lowercase()))
            .collect()
    });
    let lower = text.to_lowercase();
    markers.iter().any(|m| {
        if m.chars().all(char::is_alphabetic) {
            lower
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == m.as_str())
        } else {
            lower.contains(m.as_str())
        }
    })
}

/// True when a header label (or a cell that is only a unit, like `£'000`)
/// marks a table of money.
///
/// ASCII text (nearly every cell) is matched without building a
/// lower-case copy: cheap enough for every short cell of a table's first
/// rows.
pub fn is_financial_marker(text: &str) -> bool {
    /// The markers lower-cased, split for ASCII text: whole-word markers
    /// (all letters) and the other ASCII ones (found anywhere); markers
    /// with other characters cannot match ASCII text. `None` when some
    /// marker is empty (then the general path answers).
    struct AsciiMarkers {
        words: Vec<String>,
        symbols: Vec<String>,
    }
    static CELL: OnceLock<Option<AsciiMarkers>> = OnceLock::new();
    let markers = CELL.get_or_init(|| {
        let all: Vec<String> = data_lines(FINANCIAL_MARKERS_TSV)
            .filter_map(|cols| cols.first().map(|w| w.to_lowercase()))
            .collect();
        if all.iter().any(String::is_empty) {
            return None;
        }
        let (words, symbols): (Vec<String>, Vec<String>) = all
            .into_iter()
            .partition(|m| m.chars().all(char::is_alphabetic));
        Some(AsciiMarkers {
            words: words.into_iter().filter(|m| m.is_ascii()).collect(),
            symbols: symbols.into_iter().filter(|m| m.is_ascii()).collect(),
        })
    });
    let Some(markers) = markers.as_ref().filter(|_| text.is_ascii()) else {
        return is_financial_marker_general(text);
    };
    // ASCII text: lower-casing is per byte and its letters are the ASCII
    // ones. Word markers are looked up in one pass over the text's words.
    let b = text.as_bytes();
    markers.symbols.iter().any(|m| {
        b.windows(m.len())
            .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
    }) || text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            markers
                .words
                .iter()
                .any(|m| m.len() == w.len() && w.eq_ignore_ascii_case(m))
        })
}

/// What part a word plays in a role title ("Deputy Leader", "Director -
/// Finance", "Leadership Team").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleWordKind {
    /// Qualifies a title that follows ("Chief", "Deputy", "Cabinet").
    Prefix,
    /// A person's role ("Director", "Leader", "Manager").
    Title,
    /// A body ("Team", "Committee", "Board").
    Collective,
}

/// A role word from `data/role_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleWord {
    /// Its part in a title.
    pub kind: RoleWordKind,
    /// True for elected members' roles and bodies ("Leader", "Cabinet",
    /// "Committee"), false for officers' or either.
    pub political: bool,
    /// True for officers' roles ("Director", "Manager", "Team").
    pub officer: bool,
}

fn role_words() -> &'static std::collections::HashMap<String, RoleWord> {
    static CELL: OnceLock<std::collections::HashMap<String, RoleWord>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(ROLE_WORDS_TSV)
            .filter_map(|cols| {
                let [word, kind, side] = cols[..] else {
                    return None;
                };
                let kind = match kind {
                    "prefix" => RoleWordKind::Prefix,
                    "title" => RoleWordKind::Title,
                    "collective" => RoleWordKind::Collective,
                    _ => return None,
                };
                Some((
                    compact(word),
                    RoleWord {
                        kind,
                        political: side == "political",
                        officer: side == "officer",
                    },
                ))
            })
            .filter(|(w, _)| !w.is_empty())
            .collect()
    })
}

/// The role-word entry for `word` (case and punctuation ignored:
/// "Director-" and "director" are both Director), if it is one.
///
/// ```
/// use plantab_vocab::{role_word, RoleWordKind};
/// assert_eq!(role_word("Director-").map(|r| r.kind), Some(RoleWordKind::Title));
/// assert!(role_word("Leader").is_some_and(|r| r.political));
/// assert_eq!(role_word("Strategy"), None);
/// ```
pub fn role_word(word: &str) -> Option<RoleWord> {
    // The compact form on the stack when it is short (every role word is).
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in compact_chars(word) {
        let Some(slot) = buf.get_mut(n) else {
            let c = compact(word);
            return role_words().get(&c).copied();
        };
        *slot = c as u8;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let c = std::str::from_utf8(buf.get(..n)?).ok()?;
    role_words().get(c).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_path_answers_as_the_general_one() {
        for text in [
            "",
            "£'000",
            "£M",
            "Budget",
            "BUDGET 2024/25",
            "Budgets",
            "budget-holder",
            "Net expenditure (£000)",
            "Allocation",
            "Reallocation",
            "'000",
            "Cost $",
            "Cost USD",
            "Lead Service",
            "Due date",
            "Budg\u{e9}t",
            "Café budget",
            "EXPENDITURE",
            "(£000)",
            "1,000",
        ] {
            assert_eq!(
                is_financial_marker(text),
                is_financial_marker_general(text),
                "{text:?}"
            );
        }
    }
}
