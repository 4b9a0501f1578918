//! Identifier cells → id, aliases and leftover text; ids → parents.
//!
//! An id cell may hold one code (`XY P1.3`, `AB.C2.1`, `PRO29233`), a code
//! and further identifier phrases (`XY P1.3 100 Day Plan Action 2`), only
//! an identifier phrase (`100 Day Plan Action 10`), or a code and the
//! row's text (a priority row printed in one cell). Codes are told by
//! shape, never by a list of prefixes.

use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

/// What an id cell holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdCell {
    /// The primary identifier, whitespace normalised.
    pub id: Option<String>,
    /// Further identifiers printed in the cell.
    pub aliases: Vec<String>,
    /// Text that is not an identifier (a title printed in the id cell).
    pub rest: Option<String>,
}

/// A pattern compiled once. The patterns are constants, so compiling
/// cannot fail in practice (a unit test checks each); if it ever did, the
/// pattern simply matches nothing.
fn compiled(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// Optional short upper-case prefix words ("XY", "ABC"), then a token
/// holding a digit built of letters, digits and . - / (e.g. "P1.3", "8.3",
/// "KA1", "GP20-CSP4-3-02", "AB.C2.10"), or an all-caps code with a dash
/// ("GP21-OI3-CAPITAL").
const CODE_PATTERN: &str = r"^(?:[A-Z]{1,5}\s+)?(?:[A-Za-z]{0,6}[0-9][A-Za-z0-9]*(?:[.\-/][A-Za-z0-9]+)*\.?|[A-Z][A-Z0-9]*(?:[\-/.][A-Z0-9]+)+)(?:\s|$)";

/// An identifier phrase: up to six words ending in a number ("100 Day Plan
/// Action 2", "Priority 3", "Action 10a").
const PHRASE_PATTERN: &str = r"^(?:[0-9]+\s+)?(?:[A-Za-z][A-Za-z\-]*\s+){1,5}[0-9]+[a-z]?(?:\s|$)";

/// A separator followed by a space inside a code ("GP20- CSP4").
const SPLIT_CODE_PATTERN: &str = r"([A-Za-z0-9][\-/.])\s+([A-Za-z0-9])";

fn code_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    compiled(&RE, CODE_PATTERN)
}

fn phrase_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    compiled(&RE, PHRASE_PATTERN)
}

/// Joins a reference printed split after a separator: `GP20- CSP4-3-02` →
/// `GP20-CSP4-3-02`.
pub fn normalise_code(s: &str) -> String {
    normalise_code_cow(s).into_owned()
}

/// [`normalise_code`], borrowing `s` when it needs no change.
fn normalise_code_cow(s: &str) -> Cow<'_, str> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let flat: Cow<'_, str> = if crate::is_unwrapped(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    // The pattern needs a separator followed by a space: without one there
    // is nothing to join.
    let b = flat.as_bytes();
    let may_split = b
        .windows(2)
        .any(|w| matches!(w, [b'-' | b'/' | b'.', b' ']));
    if !may_split {
        return flat;
    }
    match compiled(&RE, SPLIT_CODE_PATTERN) {
        Some(re) => match re.replace_all(&flat, |c: &regex::Captures<'_>| join_split(c, &flat)) {
            Cow::Borrowed(_) => flat,
            Cow::Owned(o) => Cow::Owned(o),
        },
        None => flat,
    }
}

/// One match of [`SPLIT_CODE_PATTERN`] in `text`, joined — unless the
/// separator is a full stop and a word follows ("1. Develop the model",
/// "Item 3. Next"): a numbered item's title, not the rest of a code.
fn join_split(c: &regex::Captures<'_>, text: &str) -> String {
    let (Some(before), Some(after)) = (c.get(1), c.get(2)) else {
        return c.get(0).map_or(String::new(), |m| m.as_str().to_string());
    };
    let word: &str = text
        .get(after.start()..)
        .unwrap_or_default()
        .split(|ch: char| ch.is_whitespace())
        .next()
        .unwrap_or_default();
    let is_word = word.chars().count() >= 2
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).any(char::is_lowercase);
    if before.as_str().ends_with('.') && is_word {
        c.get(0).map_or(String::new(), |m| m.as_str().to_string())
    } else {
        format!("{}{}", before.as_str(), after.as_str())
    }
}

fn find<'t>(re: Option<&Regex>, text: &'t str) -> Option<regex::Match<'t>> {
    re.and_then(|re| re.find(text))
}

/// Splits an id cell.
pub fn parse_id_cell(cell: &str) -> IdCell {
    let text = normalise_code_cow(cell);
    let text = text.trim();
    if text.is_empty() {
        return IdCell::default();
    }
    let mut rest = text;
    let mut ids: Vec<String> = Vec::new();
    loop {
        let r = rest.trim_start();
        if r.is_empty() {
            rest = r;
            break;
        }
        // A phrase first when the cell starts with a bare number followed by
        // words ("100 Day Plan Action 10"), else a code.
        let m = if r.starts_with(|c: char| c.is_ascii_digit()) {
            find(phrase_re(), r).or_else(|| find(code_re(), r))
        } else {
            find(code_re(), r).or_else(|| find(phrase_re(), r))
        };
        match m {
            Some(m) if m.start() == 0 => {
                ids.push(m.as_str().trim().trim_end_matches('.').to_string());
                rest = r.get(m.end()..).unwrap_or_default();
            }
            _ => {
                rest = r;
                break;
            }
        }
    }
    let rest = rest.trim();
    let mut ids = ids.into_iter();
    match ids.next() {
        Some(id) => IdCell {
            id: Some(id),
            aliases: ids.collect(),
            rest: (!rest.is_empty()).then(|| rest.to_string()),
        },
        // Nothing shaped like an identifier: the cell as printed is the id.
        None => IdCell {
            id: Some(text.to_string()),
            aliases: Vec::new(),
            rest: None,
        },
    }
}

/// The parent an id implies by its own hierarchy: the id with its last
/// `.n` component removed (`XY P1.3` → `XY P1`, `AB.C2.1` → `AB.C2`).
/// When `existing` holds a sibling printed as the level's own row
/// (`AB.C2.0`), that row is the parent. `None` for ids with no hierarchy.
pub fn implied_parent(id: &str, existing: &dyn Fn(&str) -> bool) -> Option<String> {
    let head = implied_head(id)?;
    let zero = format!("{head}.0");
    if existing(&zero) {
        return Some(zero);
    }
    Some(head.to_string())
}

/// [`implied_parent`] with the level rows (`….0` ids; other ids are never
/// asked for) in a set: no string is built to ask when the set is empty.
pub(crate) fn implied_parent_in(
    id: &str,
    level_rows: &std::collections::HashSet<String>,
) -> Option<String> {
    if level_rows.is_empty() {
        return implied_head(id).map(str::to_string);
    }
    implied_parent(id, &|zero| level_rows.contains(zero))
}

/// The id with its last `.n` component removed, when the id has such a
/// hierarchy (see [`implied_parent`]).
fn implied_head(id: &str) -> Option<&str> {
    let (head, last) = id.rsplit_once('.')?;
    if head.is_empty() || last.is_empty() || !last.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // "AB.C2.0" is itself a level's row: its parent is above it.
    if last.chars().all(|c| c == '0') {
        return None;
    }
    if !head.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(head)
}

/// True for ids of the form `….0`: rows that head a level of the
/// hierarchy (the `x.x.0` rows of a tracker).
pub fn is_level_row(id: &str) -> bool {
    id.rsplit_once('.').is_some_and(|(h, last)| {
        !h.is_empty() && !last.is_empty() && last.chars().all(|c| c == '0')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (Option<String>, Vec<String>, Option<String>) {
        let c = parse_id_cell(s);
        (c.id, c.aliases, c.rest)
    }

    #[test]
    fn id_cells() {
        assert_eq!(
            p("ZZ P1.3 100 Day Plan Action 2"),
            (
                Some("ZZ P1.3".into()),
                vec!["100 Day Plan Action 2".into()],
                None
            )
        );
        assert_eq!(
            p("100 Day Plan Action 10"),
            (Some("100 Day Plan Action 10".into()), vec![], None)
        );
        assert_eq!(p("ZZ 8.3"), (Some("ZZ 8.3".into()), vec![], None));
        assert_eq!(p("ZZ KA1"), (Some("ZZ KA1".into()), vec![], None));
        assert_eq!(p("QRS P10.4"), (Some("QRS P10.4".into()), vec![], None));
        assert_eq!(p("AB.C2.10"), (Some("AB.C2.10".into()), vec![], None));
        assert_eq!(p("PRJ12345"), (Some("PRJ12345".into()), vec![], None));
        assert_eq!(
            p("XX21-AB3-CAPITAL"),
            (Some("XX21-AB3-CAPITAL".into()), vec![], None)
        );
        assert_eq!(
            p("XX20- AB4-3-02"),
            (Some("XX20-AB4-3-02".into()), vec![], None)
        );
        assert_eq!(
            p("QQ P4 Developing schemes to improve things:"),
            (
                Some("QQ P4".into()),
                vec![],
                Some("Developing schemes to improve things:".into())
            )
        );
        assert_eq!(
            p("New item – amendment"),
            (Some("New item – amendment".into()), vec![], None)
        );
        assert_eq!(p("  "), (None, vec![], None));
        // A numbered step: the number is the id, the words its title.
        assert_eq!(
            p("1. Develop the benefits model"),
            (
                Some("1".into()),
                vec![],
                Some("Develop the benefits model".into())
            )
        );
        assert_eq!(p("AB. C2"), (Some("AB.C2".into()), vec![], None));
    }

    #[test]
    fn patterns_compile() {
        for p in [CODE_PATTERN, PHRASE_PATTERN, SPLIT_CODE_PATTERN] {
            assert!(Regex::new(p).is_ok(), "{p}");
        }
    }

    /// `normalise_code` as it was before its fast paths: the reference.
    fn normalise_reference(s: &str) -> String {
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let re = Regex::new(SPLIT_CODE_PATTERN).unwrap();
        re.replace_all(&flat, |c: &regex::Captures<'_>| join_split(c, &flat))
            .into_owned()
    }

    #[test]
    fn normalise_code_fast_paths_match_the_pattern() {
        for s in [
            "",
            "  ",
            "QQ P4",
            "QQ  P4\n",
            "XX20- AB4-3-02",
            "XX20-\nAB4- 3-02",
            "AB. C2 / 7",
            "A- b",
            "- 2",
            "Item 3. Next",
            "Ref\u{a0}12/ 4",
            "é- 1",
        ] {
            assert_eq!(normalise_code(s), normalise_reference(s), "{s:?}");
        }
    }

    #[test]
    fn parents_from_a_set_of_level_rows() {
        let mut level = std::collections::HashSet::new();
        for id in [
            "ZZ P1.3",
            "QRS P10.4",
            "ZZ KA1",
            "AB.C2.1",
            "AB.C2.0",
            "K1.0.3",
        ] {
            assert_eq!(
                implied_parent_in(id, &level),
                implied_parent(id, &|_| false),
                "{id}"
            );
        }
        level.insert("AB.C2.0".to_string());
        let has = |s: &str| s == "AB.C2.0";
        for id in ["AB.C2.1", "AB.C2.0", "AB.C3.1", "K1.0.3"] {
            assert_eq!(
                implied_parent_in(id, &level),
                implied_parent(id, &has),
                "{id}"
            );
        }
    }

    #[test]
    fn parents() {
        let none = |_: &str| false;
        assert_eq!(implied_parent("ZZ P1.3", &none), Some("ZZ P1".into()));
        assert_eq!(implied_parent("QRS P10.4", &none), Some("QRS P10".into()));
        assert_eq!(implied_parent("ZZ KA1", &none), None);
        assert_eq!(implied_parent("100 Day Plan Action 10", &none), None);
        let has = |s: &str| s == "AB.C2.0";
        assert_eq!(implied_parent("AB.C2.1", &has), Some("AB.C2.0".into()));
        assert_eq!(implied_parent("AB.C2.0", &has), None);
        assert!(is_level_row("AB.C2.0"));
        assert!(!is_level_row("AB.C2.10"));
    }
}
