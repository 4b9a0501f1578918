//! Word lists: owner words, financial markers and role words
//! (`data/owner_words.tsv`, `data/financial_markers.tsv`,
//! `data/role_words.tsv`).

use crate::load::{self, is_one_word, load_list, DataFile, Loaded, Reader, TableReport};
use crate::normalise::{compact, compact_chars};
use std::collections::HashMap;
use std::sync::OnceLock;

fn owner_words() -> &'static Loaded<Vec<String>> {
    static CELL: OnceLock<Loaded<Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| load_owner_words(load::OWNER_WORDS))
}

/// Reads an owner-word table: one word a line (letters and digits only,
/// since lines are split into words at anything else), compared
/// lower-cased.
fn load_owner_words(file: DataFile) -> Loaded<Vec<String>> {
    load_list(file, "owner word", |word| {
        if is_one_word(word) {
            Ok(word.to_lowercase())
        } else {
            Err("is not one word of letters and digits")
        }
    })
}

/// True when `line` names an owner (minister, department, council …): it
/// holds a word of the owner-word table. Returns the byte offset just past
/// the last such word, so a title like "X Services Departmental Annual
/// Report" can be cut after "Services".
pub fn owner_word_end(line: &str) -> Option<usize> {
    let words = &owner_words().value;
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

fn financial_markers() -> &'static Loaded<Vec<String>> {
    static CELL: OnceLock<Loaded<Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| load_financial_markers(load::FINANCIAL_MARKERS))
}

/// Reads a financial-marker table: one marker a line, compared
/// lower-cased; a marker of letters only matches a whole word, any other
/// matches anywhere in the text.
fn load_financial_markers(file: DataFile) -> Loaded<Vec<String>> {
    // Never empty: a blank line is no data line.
    load_list(file, "financial marker", |marker| Ok(marker.to_lowercase()))
}

/// [`is_financial_marker`] for any text: lower-cases a copy of it.
fn is_financial_marker_general(text: &str) -> bool {
    let markers = &financial_markers().value;
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
    /// with other characters cannot match ASCII text. (The loader keeps no
    /// empty marker, which would match anything.)
    struct AsciiMarkers {
        words: Vec<String>,
        symbols: Vec<String>,
    }
    static CELL: OnceLock<AsciiMarkers> = OnceLock::new();
    if !text.is_ascii() {
        return is_financial_marker_general(text);
    }
    let markers = CELL.get_or_init(|| {
        let (words, symbols): (Vec<&String>, Vec<&String>) = financial_markers()
            .value
            .iter()
            .partition(|m| m.chars().all(char::is_alphabetic));
        let ascii = |v: Vec<&String>| v.into_iter().filter(|m| m.is_ascii()).cloned().collect();
        AsciiMarkers {
            words: ascii(words),
            symbols: ascii(symbols),
        }
    });
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

fn role_words() -> &'static Loaded<HashMap<String, RoleWord>> {
    static CELL: OnceLock<Loaded<HashMap<String, RoleWord>>> = OnceLock::new();
    CELL.get_or_init(|| load_role_words(load::ROLE_WORDS))
}

/// Reads a role-word table: word (compared on its [`compact`] form),
/// `kind` (`prefix`, `title`, `collective`), `side` (`political`,
/// `officer`, `-` for either).
fn load_role_words(file: DataFile) -> Loaded<HashMap<String, RoleWord>> {
    let mut r = Reader::new(file);
    let mut out = HashMap::new();
    for row in r.rows::<3>() {
        let [word, kind_name, side] = row.fields;
        let kind = match kind_name {
            "prefix" => RoleWordKind::Prefix,
            "title" => RoleWordKind::Title,
            "collective" => RoleWordKind::Collective,
            other => {
                r.unknown::<3, ()>(&row, "role-word kind", other);
                continue;
            }
        };
        let (political, officer) = match side {
            "political" => (true, false),
            "officer" => (false, true),
            "-" => (false, false),
            other => {
                r.unknown::<3, ()>(&row, "side", other);
                continue;
            }
        };
        let c = compact(word);
        if c.is_empty() {
            r.invalid::<3, ()>(&row, "role word", word, "has no letters or digits");
            continue;
        }
        if r.first(&row, "", c.clone(), [kind_name, side]) {
            out.insert(
                c,
                RoleWord {
                    kind,
                    political,
                    officer,
                },
            );
        }
    }
    r.finish(out)
}

/// The owner-word, financial-marker and role-word tables' data files and
/// bad lines.
pub(crate) fn tables() -> [TableReport; 3] {
    [
        owner_words().report(),
        financial_markers().report(),
        role_words().report(),
    ]
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
            return role_words().value.get(&c).copied();
        };
        *slot = c as u8;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let c = std::str::from_utf8(buf.get(..n)?).ok()?;
    role_words().value.get(c).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::BadLineReason;

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

    #[test]
    fn word_lines_that_do_not_parse_are_reported() {
        use BadLineReason::*;
        let owners = load_owner_words(DataFile {
            name: "owner_words.tsv",
            text: "Council\nCo-op\ncouncil\n",
        });
        assert_eq!(owners.value, ["council"]);
        assert_eq!(
            owners.reasons(),
            [
                (
                    2,
                    Invalid {
                        field: "owner word",
                        value: "Co-op".into(),
                        why: "is not one word of letters and digits"
                    }
                ),
                (3, Repeated { first_line: 1 }),
            ]
        );
        let roles = load_role_words(DataFile {
            name: "role_words.tsv",
            text: "Director\ttitle\tofficer\nDeputy\tprefx\t-\nLeader\ttitle\telected\n\
                   DIRECTOR\tcollective\tofficer\n",
        });
        assert_eq!(roles.value.len(), 1);
        assert_eq!(
            roles.reasons(),
            [
                (
                    2,
                    Unknown {
                        field: "role-word kind",
                        value: "prefx".into()
                    }
                ),
                (
                    3,
                    Unknown {
                        field: "side",
                        value: "elected".into()
                    }
                ),
                (4, Conflicting { first_line: 1 }),
            ]
        );
        let markers = load_financial_markers(DataFile {
            name: "financial_markers.tsv",
            text: "Budget\n\t\n\u{a3}\t\u{20ac}\nBUDGET\n",
        });
        assert_eq!(markers.value, ["budget"]);
        assert_eq!(
            markers.reasons(),
            [
                (
                    3,
                    FieldCount {
                        expected: 1,
                        found: 2
                    }
                ),
                (4, Repeated { first_line: 1 }),
            ]
        );
    }
}
