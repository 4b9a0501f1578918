//! Role titles in the leads columns ("Chief Executive", "Director - Law &
//! Governance", "Cabinet Member for Housing"): telling them apart from
//! action text and splitting a run of them into one title each.
//!
//! A title is recognised by its shape (capitalised words around a role word
//! from `plantab_vocab::role_word`, joined by "of", "for", "-", "&" …) and
//! by how often the same phrase recurs across the document's rows: titles
//! repeat, action text does not.

use super::tokens::{bare, Tok};
use plantab_vocab::{role_word, RoleWordKind};
use std::collections::{HashMap, HashSet};

/// Longest role phrase considered, in words.
const MAX_PHRASE: usize = 12;

fn is_connector_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "of" | "the" | "for" | "and" | "&" | "-" | "–" | "—" | "/" | ":" | "," | "to"
    )
}

/// Ends with a joining mark ("Director-", "Lead:", "Manager,", "Leader /").
fn trailing_connector(w: &str) -> bool {
    w.ends_with(['-', '–', ':', ',', '/', '&'])
}

fn starts_upper(w: &str) -> bool {
    w.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase())
}

/// Can this word be part of a role phrase at all?
pub(crate) fn role_compatible(t: &Tok) -> bool {
    let w = t.text.as_str();
    if w == "/" || w == "&" || w == "-" || w == "–" {
        return true;
    }
    if t.glued && w.chars().all(|c| c.is_lowercase()) {
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
    starts_upper(core) || role_word(core).is_some()
}

/// Role class of a word, ignoring punctuation.
fn kind_of(w: &str) -> Option<RoleWordKind> {
    role_word(w.trim_matches(|c: char| !c.is_alphanumeric())).map(|r| r.kind)
}

/// Is `toks` one well-formed role title?
pub(crate) fn well_formed(toks: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    if toks.len() > MAX_PHRASE {
        return false;
    }
    let fw = first.text.as_str();
    if is_connector_word(fw) || fw.starts_with(['&', '/', '-', '–']) || !starts_upper(fw) {
        return false;
    }
    if trailing_connector(&last.text) || is_connector_word(&last.text) {
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
        let w = t.text.as_str();
        if w == "/" || w.starts_with('/') {
            persons = 0;
            after_title = false;
        }
        match kind_of(w) {
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
        prev_joins = trailing_connector(w) || is_connector_word(w);
    }
    any_title
}

/// A phrase's key for counting: its letters and digits.
pub(crate) fn key(toks: &[Tok]) -> String {
    toks.iter().map(|t| bare(&t.text)).collect()
}

/// How many rows each well-formed role phrase appears in.
#[derive(Debug, Default)]
pub(crate) struct RoleLexicon {
    rows_with: HashMap<String, usize>,
}

impl RoleLexicon {
    /// Counts role phrases over the rows' words. A phrase counts where it
    /// stands on its own: at a line start or after a word that cannot be
    /// part of a title, and before a line end, such a word, or an anchor
    /// (`anchors[i]`: a date, risk value or status label starts at word i).
    pub(crate) fn learn<'a>(rows: impl IntoIterator<Item = (&'a [Tok], &'a [bool])>) -> Self {
        let mut rows_with: HashMap<String, usize> = HashMap::new();
        for (toks, anchors) in rows {
            let mut seen: HashSet<String> = HashSet::new();
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
                        seen.insert(key(span));
                    }
                }
            }
            for k in seen {
                *rows_with.entry(k).or_default() += 1;
            }
        }
        RoleLexicon { rows_with }
    }

    /// Rows the phrase appears in.
    pub(crate) fn freq(&self, toks: &[Tok]) -> usize {
        self.rows_with.get(&key(toks)).copied().unwrap_or(0)
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
                let bare_title = span.len() == 1
                    && span.first().and_then(|t| kind_of(&t.text)) == Some(RoleWordKind::Title);
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
    if toks.len() == 1
        && toks
            .iter()
            .all(|t| matches!(t.text.as_str(), "/" | "&" | "-" | "–"))
    {
        return true;
    }
    toks.iter().enumerate().all(|(k, t)| {
        (k == 0 || !t.para_break)
            && starts_upper(&t.text)
            && kind_of(&t.text) != Some(RoleWordKind::Prefix)
            && role_compatible(t)
            && !is_connector_word(&t.text)
    })
}

/// True when the phrase names an elected role or body ("Deputy Leader",
/// "Cabinet Member for …", "… Committee"): the words before its first
/// "of" / "for" / "-" carry a political role word.
pub(crate) fn is_political(toks: &[Tok]) -> bool {
    let mut political = false;
    let mut officer = false;
    for t in toks {
        let w = t.text.as_str();
        let lw = w.to_ascii_lowercase();
        if matches!(lw.as_str(), "of" | "for" | "-" | "–" | ":" | ",") {
            break;
        }
        if let Some(r) = role_word(w.trim_matches(|c: char| !c.is_alphanumeric())) {
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
