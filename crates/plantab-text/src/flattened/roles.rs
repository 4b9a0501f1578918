//! Role titles in the leads columns ("Chief Executive", "Director - Law &
//! Governance", "Cabinet Member for Housing"): telling them apart from
//! action text and splitting a run of them into one title each.
//!
//! A title is recognised by its shape (capitalised words around a role word
//! from `plantab_vocab::role_word`, joined by "of", "for", "-", "&" …) and
//! by how often the same phrase recurs across the document's rows: titles
//! repeat, action text does not.

use super::page::FxMap;
use super::tokens::Tok;
use plantab_vocab::{compact_into, RoleWord, RoleWordKind};
use std::collections::HashSet;

/// Longest role phrase considered, in words.
const MAX_PHRASE: usize = 12;

pub(crate) fn is_connector_word(w: &str) -> bool {
    [
        "of", "the", "for", "and", "&", "-", "–", "—", "/", ":", ",", "to",
    ]
    .iter()
    .any(|c| w.eq_ignore_ascii_case(c))
}

/// Ends with a joining mark ("Director-", "Lead:", "Manager,", "Leader /").
pub(crate) fn trailing_connector(w: &str) -> bool {
    w.ends_with(['-', '–', ':', ',', '/', '&'])
}

pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase())
}

/// Can this word be part of a role phrase at all? (Worked out once per
/// word, when it is tokenized: [`role_compatible_word`].)
pub(crate) fn role_compatible(t: &Tok) -> bool {
    t.role_ok
}

/// [`role_compatible`] of a word printed as `w`, `glued` to the word
/// before or not, whose role-word entry (punctuation around it ignored) is
/// `role`.
pub(crate) fn role_compatible_word(w: &str, glued: bool, role: Option<RoleWord>) -> bool {
    if w == "/" || w == "&" || w == "-" || w == "–" {
        return true;
    }
    if glued && w.chars().all(|c| c.is_lowercase()) {
        return true;
    }
    if is_connector_word(w.trim_end_matches([',', ':'])) && w != "to" {
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

/// Role class of a word, ignoring punctuation.
fn kind_of(t: &Tok) -> Option<RoleWordKind> {
    t.role.map(|r| r.kind)
}

/// Is `toks` one well-formed role title?
pub(crate) fn well_formed(toks: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    if toks.len() > MAX_PHRASE {
        return false;
    }
    let fw = first.text;
    if first.connector || fw.starts_with(['&', '/', '-', '–']) || !first.upper {
        return false;
    }
    if last.joins {
        return false;
    }
    let mut any_title = false;
    let mut persons = 0usize;
    let mut after_title = false;
    let mut prev_joins = false;
    for (k, t) in toks.iter().enumerate() {
        if !role_compatible(t) {
            return false;
        }
        // A phrase does not run over a blank line unless the line before
        // ends with a joining mark.
        if k > 0 && t.para_break && !prev_joins && !t.text.starts_with(['&', '/']) {
            return false;
        }
        let w = t.text;
        if w == "/" || w.starts_with('/') {
            persons = 0;
            after_title = false;
        }
        match kind_of(t) {
            Some(RoleWordKind::Title) => {
                persons += 1;
                if persons > 1 {
                    return false;
                }
                any_title = true;
                after_title = true;
            }
            Some(RoleWordKind::Collective) => {
                any_title = true;
                after_title = true;
            }
            // A prefix after a title starts another title, unless it sits
            // in a portfolio introduced by "of", "for", "-".
            Some(RoleWordKind::Prefix) if after_title && !prev_joins => return false,
            Some(RoleWordKind::Prefix) => {}
            None => {}
        }
        if w.ends_with('/') {
            persons = 0;
            after_title = false;
        }
        prev_joins = t.joins;
    }
    any_title
}

/// A phrase's key for counting: its letters and digits.
/// (Written into `out`, cleared first.)
fn key_into(toks: &[Tok], out: &mut String) {
    out.clear();
    for t in toks {
        compact_into(t.text, out);
    }
}

/// How many rows each well-formed role phrase appears in.
#[derive(Debug, Default)]
pub(crate) struct RoleLexicon {
    rows_with: FxMap<String, usize>,
    /// Room to build keys in.
    scratch: std::cell::RefCell<String>,
}

impl RoleLexicon {
    /// Counts role phrases over the rows' words. A phrase counts where it
    /// stands on its own: at a line start or after a word that cannot be
    /// part of a title, and before a line end, such a word, or an anchor
    /// (`anchors[i]`: a date, risk value or status label starts at word i).
    pub(crate) fn learn<'a, 't: 'a>(
        rows: impl IntoIterator<Item = (&'a [Tok<'t>], &'a [bool])>,
    ) -> Self {
        let mut rows_with: FxMap<String, usize> = FxMap::default();
        let mut scratch = String::new();
        for (toks, anchors) in rows {
            let mut seen: HashSet<String, std::hash::BuildHasherDefault<super::page::FxHasher>> =
                HashSet::default();
            let n = toks.len();
            let open_left =
                |i: usize| match (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) {
                    (None, _) => true,
                    (Some(prev), Some(cur)) => {
                        cur.line_start || cur.para_break || !role_compatible(prev)
                    }
                    _ => false,
                };
            let open_right = |j: usize| match toks.get(j) {
                None => true,
                Some(next) => {
                    (next.line_start && !next.glued)
                        || next.para_break
                        || !role_compatible(next)
                        || anchors.get(j).copied().unwrap_or(false)
                }
            };
            for i in 0..n {
                if !open_left(i) {
                    continue;
                }
                for j in i + 1..=(i + MAX_PHRASE).min(n) {
                    let Some(span) = toks.get(i..j) else { break };
                    if span.last().is_some_and(|t| !role_compatible(t)) {
                        break;
                    }
                    if open_right(j) && well_formed(span) {
                        key_into(span, &mut scratch);
                        if !seen.contains(scratch.as_str()) {
                            seen.insert(scratch.clone());
                        }
                    }
                }
            }
            for k in seen {
                *rows_with.entry(k).or_default() += 1;
            }
        }
        RoleLexicon {
            rows_with,
            scratch: std::cell::RefCell::new(String::new()),
        }
    }

    /// Rows the phrase appears in.
    pub(crate) fn freq(&self, toks: &[Tok]) -> usize {
        let mut k = self.scratch.borrow_mut();
        key_into(toks, &mut k);
        self.rows_with.get(k.as_str()).copied().unwrap_or(0)
    }
}

/// One title found in a leads run: word range (relative to the run's
/// words) and whether it had the shape of a title (else a loose chunk of
/// capitalised words such as a team name).
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub titled: bool,
}

/// Splits `toks` (a run of role-compatible words) into titles, preferring
/// phrases that recur in the document. `None` when no split exists.
pub(crate) fn segment(toks: &[Tok], lex: &RoleLexicon) -> Option<Vec<Phrase>> {
    let n = toks.len();
    let mut best: Vec<Option<(f64, usize, bool)>> = vec![None; n + 1];
    if let Some(b) = best.get_mut(0) {
        *b = Some((0.0, 0, false));
    }
    for j in 1..=n {
        let mut cand: Option<(f64, usize, bool)> = None;
        for i in j.saturating_sub(MAX_PHRASE)..j {
            let Some(Some((base, _, _))) = best.get(i) else {
                continue;
            };
            let Some(span) = toks.get(i..j) else { continue };
            let scored = if well_formed(span) {
                let f = lex.freq(span) as f64;
                // A bare title word ("Manager") is seldom a whole role.
                let bare_title =
                    span.len() == 1 && span.first().and_then(kind_of) == Some(RoleWordKind::Title);
                Some((
                    base + (1.0 + f).ln() - 1.0 - if bare_title { 1.0 } else { 0.0 },
                    true,
                ))
            } else if loose_chunk(span) {
                let lone_mark = span
                    .iter()
                    .all(|t| !t.text.chars().any(char::is_alphanumeric));
                Some((base - if lone_mark { 4.0 } else { 1.5 }, false))
            } else {
                None
            };
            if let Some((s, titled)) = scored {
                if cand.is_none_or(|(b, _, _)| s > b) {
                    cand = Some((s, i, titled));
                }
            }
        }
        if let Some(b) = best.get_mut(j) {
            *b = cand;
        }
    }
    let mut out = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i, titled) = (*best.get(j)?)?;
        out.push(Phrase {
            start: i,
            end: j,
            titled,
        });
        j = i;
    }
    out.reverse();
    Some(out)
}

/// One to three capitalised words with no role word ("Comms"), or a
/// lone connector mark: kept as a lead of its own.
fn loose_chunk(toks: &[Tok]) -> bool {
    if toks.is_empty() || toks.len() > 3 {
        return false;
    }
    if toks.len() == 1 && toks.iter().all(|t| matches!(t.text, "/" | "&" | "-" | "–")) {
        return true;
    }
    toks.iter().enumerate().all(|(k, t)| {
        (k == 0 || !t.para_break)
            && t.upper
            && kind_of(t) != Some(RoleWordKind::Prefix)
            && role_compatible(t)
            && !t.connector
    })
}

/// True when the phrase names an elected role or body ("Deputy Leader",
/// "Cabinet Member for …", "… Committee"): the words before its first
/// "of" / "for" / "-" carry a political role word.
pub(crate) fn is_political(toks: &[Tok]) -> bool {
    let mut political = false;
    let mut officer = false;
    for t in toks {
        let w = t.text;
        if ["of", "for", "-", "–", ":", ","]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            break;
        }
        if let Some(r) = t.role {
            if r.kind != RoleWordKind::Prefix || r.political {
                political |= r.political;
                officer |= r.officer;
            }
        }
        if w.ends_with(['-', '–', ':', ',']) {
            break;
        }
    }
    political && !officer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flattened::tokens::tokenize;

    #[test]
    fn political_titles() {
        let t = tokenize([(0, "Dept Leader")]);
        assert!(is_political(&t));
        let t = tokenize([(0, "Cabinet Member for Homes")]);
        assert!(is_political(&t));
        let t = tokenize([(0, "Director - Housing")]);
        assert!(!is_political(&t));
    }
}
