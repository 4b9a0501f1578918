//! What one printed word says by itself, worked out once per distinct word
//! ([`WordFacts`]): its role word, whether it can stand in a role title,
//! its date facts, its joining-word classes, whether a status label or a
//! column header may begin at it. Also where a printed word that glues two
//! titles together is split ([`split_glued`]). A leaf module but for
//! [`super::dates`] (and plantab-vocab).

use super::dates::DateFacts;
use plantab_vocab::{
    header_run_may_match, header_run_may_match_key, is_status_label_start, joining_word, role_word,
    RoleWord, RoleWordKind,
};

/// Marks a word ends with when it joins what follows ("Director-",
/// "Lead:", "Manager,", "Leader /", "Parks &").
const JOIN_MARKS: [char; 6] = ['-', '–', ':', ',', '/', '&'];

/// Marks that stand alone between titles ("Leader / Deputy", "Parks & Arts").
const LONE_MARKS: [&str; 4] = ["/", "&", "-", "–"];

/// What is known about a printed word (or a glued part of one) by itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordFacts {
    /// The role word it is (punctuation around it ignored).
    pub role: Option<RoleWord>,
    /// [`role_compatible_word`] when not glued / glued to the word before.
    pub role_ok: [bool; 2],
    /// What a date needs to know about it.
    pub date: DateFacts,
    /// A joining word of role titles ("of", "for", "&", "-" …).
    pub connector: bool,
    /// Joins what follows: a joining word, or one ending with a joining
    /// mark ("Director-", "Lead:").
    pub joins: bool,
    /// Ends a title's role words ("for", "of", "-"): a portfolio follows.
    pub portfolio: bool,
    /// A function word of running prose ("by", "with", "the").
    pub sentence: bool,
    /// Its first letter or digit is upper case.
    pub upper: bool,
    /// "N/A" ([`is_na`]).
    pub na: bool,
    /// A status label may begin at it (its compact form begins one).
    pub status_start: bool,
}

impl WordFacts {
    /// The facts of a printed word (part).
    pub(crate) fn of(text: &str) -> WordFacts {
        let role = role_word(text.trim_matches(|c: char| !c.is_alphanumeric()));
        let joining = joining_word(text);
        let connector = joining.is_some_and(|j| j.join);
        WordFacts {
            role,
            role_ok: [
                role_compatible_word(text, false, role),
                role_compatible_word(text, true, role),
            ],
            date: DateFacts::of(text),
            connector,
            joins: trailing_connector(text) || connector,
            portfolio: joining.is_some_and(|j| j.portfolio),
            sentence: joining.is_some_and(|j| j.sentence),
            upper: starts_upper(text),
            na: is_na(text),
            // A label is printed capitalised ("New", "On track", "RED"):
            // "new" or "complete" inside a sentence starts none.
            status_start: !text.starts_with(char::is_lowercase)
                && is_status_label_start(&plantab_vocab::compact(text)),
        }
    }
}

/// Ends with a joining mark ("Director-", "Lead:", "Manager,", "Leader /").
pub(crate) fn trailing_connector(w: &str) -> bool {
    w.ends_with(JOIN_MARKS)
}

/// A mark standing alone between titles ("/", "&", "-").
pub(crate) fn is_lone_mark(w: &str) -> bool {
    LONE_MARKS.contains(&w)
}

/// Its first letter or digit is upper case.
pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase())
}

/// Can a word printed as `w` be part of a role phrase at all, `glued` to
/// the word before or not, given its role-word entry (punctuation around
/// it ignored) `role`?
pub(crate) fn role_compatible_word(w: &str, glued: bool, role: Option<RoleWord>) -> bool {
    if is_lone_mark(w) {
        return true;
    }
    if glued && w.chars().all(|c| c.is_lowercase()) {
        return true;
    }
    let bare = w.trim_end_matches([',', ':']);
    if joining_word(bare).is_some_and(|j| j.join && !(j.prose && w == j.word)) {
        return true;
    }
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return false;
    }
    if w.contains(['(', ')', '.', ';', '?', '!', '"']) {
        return false;
    }
    if core.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    starts_upper(core) || role.is_some()
}

/// "N/A", "N/a", "n/a" (a full stop or comma around it ignored).
pub(crate) fn is_na(word: &str) -> bool {
    let w = word.trim_matches(|c: char| c == '.' || c == ',');
    w.eq_ignore_ascii_case("n/a")
}

/// May a header label start at this printed word; may an identifier
/// label.
pub(crate) fn header_start(w: &str) -> (bool, bool) {
    let c = plantab_vocab::compact(w);
    let start = header_run_may_match(&c);
    // A word with no letters or digits ("-", "&") adds nothing to a run's
    // text: an identifier label over it is also one over the next word.
    (
        start,
        start && !c.is_empty() && header_run_may_match_key(&c, "id"),
    )
}

/// Splits a printed word where two role words were glued together; the
/// parts, as byte ranges of the word, replace the contents of `parts`.
pub(crate) fn split_glued(word: &str, parts: &mut Vec<(usize, usize)>) {
    parts.clear();
    // Most words have no upper-case letter after a lower-case one or a
    // hyphen: one part.
    if word.is_ascii() {
        let b = word.as_bytes();
        let joint = b.windows(2).any(|w| {
            matches!(w, [p, c] if c.is_ascii_uppercase() && (p.is_ascii_lowercase() || *p == b'-'))
        });
        if !joint {
            parts.push((0, word.len()));
            return;
        }
    }
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (pos, c) in word.char_indices() {
        let Some(p) = prev.replace(c) else { continue };
        // Both splits need an upper-case letter after a lower-case letter
        // or a hyphen: test that before building anything.
        if !c.is_uppercase() || !(p == '-' || p.is_lowercase()) {
            continue;
        }
        let head = word.get(start..pos).unwrap_or("");
        let rest = word.get(pos..).unwrap_or("");
        let rest_word = rest
            .find(|c: char| !c.is_alphabetic())
            .and_then(|e| rest.get(..e))
            .unwrap_or(rest);
        let long_rest = rest_word.chars().nth(1).is_some();
        // "FinanceDeputy": lower case then upper case, the right part a role word.
        let camel = p.is_lowercase()
            && head.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && long_rest
            && role_word(rest_word).is_some_and(|r| r.kind != RoleWordKind::Collective);
        // "Director-Finance": a role word, a hyphen, a capitalised word.
        let hyphen = p == '-' && role_word(head.trim_end_matches('-')).is_some() && long_rest;
        if camel || hyphen {
            parts.push((start, pos));
            start = pos;
        }
    }
    parts.push((start, word.len()));
    parts.retain(|(a, b)| a < b);
}
