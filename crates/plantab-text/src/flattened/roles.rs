//! Role titles in the leads columns ("Chief Executive", "Director - Law &
//! Governance", "Cabinet Member for Housing"): telling them apart from
//! action text and splitting a run of them into one title each.
//!
//! A title is recognised by its shape (capitalised words around a role word
//! from `plantab_vocab::role_word`, joined by "of", "for", "-", "&" …) and
//! by how often the same phrase recurs across the document's rows: titles
//! repeat, action text does not.

use super::page::FxMap;
use super::tokens::{PartForms, Tok};
use plantab_vocab::{RoleWord, RoleWordKind};

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
#[cfg(test)]
fn well_formed(toks: &[Tok]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let mut w = WellFormed::new(first);
    toks.iter().all(|t| w.push(t)) && w.holds(toks.len())
}

/// [`well_formed`] of a phrase growing word by word: the words are read
/// once, left to right, whatever the number of phrase ends asked about.
struct WellFormed {
    /// The words so far can still begin a title.
    ok: bool,
    any_title: bool,
    persons: usize,
    after_title: bool,
    prev_joins: bool,
    /// The last word joins what follows.
    last_joins: bool,
    /// Words read.
    n: usize,
}

impl WellFormed {
    /// A phrase beginning at `first` (not yet read).
    fn new(first: &Tok) -> WellFormed {
        let fw = first.text;
        let ok = !(first.connector || fw.starts_with(['&', '/', '-', '–']) || !first.upper);
        WellFormed {
            ok,
            any_title: false,
            persons: 0,
            after_title: false,
            prev_joins: false,
            last_joins: false,
            n: 0,
        }
    }

    /// Reads the next word; false once no longer phrase can be well formed.
    fn push(&mut self, t: &Tok) -> bool {
        if !self.ok {
            return false;
        }
        self.ok = self.step(t);
        self.n += 1;
        self.last_joins = t.joins;
        self.ok
    }

    fn step(&mut self, t: &Tok) -> bool {
        if !role_compatible(t) {
            return false;
        }
        // A phrase does not run over a blank line unless the line before
        // ends with a joining mark.
        if self.n > 0 && t.para_break && !self.prev_joins && !t.text.starts_with(['&', '/']) {
            return false;
        }
        let w = t.text;
        if w == "/" || w.starts_with('/') {
            self.persons = 0;
            self.after_title = false;
        }
        match kind_of(t) {
            Some(RoleWordKind::Title) => {
                self.persons += 1;
                if self.persons > 1 {
                    return false;
                }
                self.any_title = true;
                self.after_title = true;
            }
            Some(RoleWordKind::Collective) => {
                self.any_title = true;
                self.after_title = true;
            }
            // A prefix after a title starts another title, unless it sits
            // in a portfolio introduced by "of", "for", "-".
            Some(RoleWordKind::Prefix) if self.after_title && !self.prev_joins => return false,
            Some(RoleWordKind::Prefix) => {}
            None => {}
        }
        if w.ends_with('/') {
            self.persons = 0;
            self.after_title = false;
        }
        self.prev_joins = t.joins;
        true
    }

    /// Whether the `len` words read so far make a well-formed title.
    fn holds(&self, len: usize) -> bool {
        self.ok
            && self.n == len
            && len > 0
            && len <= MAX_PHRASE
            && !self.last_joins
            && self.any_title
    }
}

/// A phrase's key for counting: its letters and digits.
/// (Written into `out`, cleared first.)
fn key_into(toks: &[Tok], forms: &PartForms, out: &mut String) {
    out.clear();
    for t in toks {
        forms.push_form(t, out);
    }
}

/// The words' keys one after the other in `buf` (cleared first), word
/// `k`'s ending at `ends[k]`: the key of words `i..j` is
/// `buf[start(i)..ends[j - 1]]` ([`span_key`]), the keys of words
/// joined being their keys concatenated.
fn keys_into(toks: &[Tok], forms: &PartForms, buf: &mut String, ends: &mut Vec<usize>) {
    buf.clear();
    ends.clear();
    for t in toks {
        forms.push_form(t, buf);
        ends.push(buf.len());
    }
}

/// The key of words `i..j` given [`keys_into`]'s buffer and ends.
fn span_key<'b>(buf: &'b str, ends: &[usize], i: usize, j: usize) -> Option<&'b str> {
    let from = match i.checked_sub(1) {
        None => 0,
        Some(p) => *ends.get(p)?,
    };
    let to = *ends.get(j.checked_sub(1)?)?;
    buf.get(from..to)
}

/// How many rows each well-formed role phrase appears in.
///
/// Rows are counted as they are read, before the document's risk word
/// is known ([`super::cells::RiskWords`]): a phrase that stands on its own
/// only if the word after it starts a "Word N" risk value is kept aside
/// with that word, and counted by [`RoleLexicon::settle`] once the risk
/// word is known.
#[derive(Debug, Default)]
pub(crate) struct RoleLexicon<'a> {
    /// Each phrase's key, numbered.
    ids: FxMap<String, usize>,
    /// Rows each numbered phrase appears in.
    rows_with: Vec<usize>,
    /// The phrases of the row being counted.
    seen: Vec<usize>,
    /// The phrases of the row being counted that stand on their own if
    /// the word after them (given) is the risk word.
    maybe: Vec<(usize, &'a str)>,
    /// Such phrases of all rows: (row, phrase, word after it); the phrase
    /// was not counted in that row otherwise.
    deferred: Vec<(usize, usize, &'a str)>,
    /// Rows added.
    rows: usize,
    /// Room to build keys in.
    scratch: std::cell::RefCell<String>,
    /// Where each word's key ends in `scratch` ([`keys_into`]).
    ends: Vec<usize>,
    /// Room for [`segment`]'s keys and their ends.
    seg_keys: std::cell::RefCell<(String, Vec<usize>)>,
    /// The words' compact forms, looked up rather than worked out again
    /// ([`RoleLexicon::use_forms`]).
    forms: PartForms<'a>,
}

impl<'a> RoleLexicon<'a> {
    /// Looks the words' keys up in `forms` (those of the document's
    /// [`super::tokens::WordTable`]) from now on.
    pub(crate) fn use_forms(&mut self, forms: PartForms<'a>) {
        self.forms = forms;
    }

    /// [`RoleLexicon::add_row_keyed`], the words' keys worked out here.
    #[cfg(test)]
    pub(crate) fn add_row(&mut self, toks: &[Tok<'a>], anchors: &[bool]) {
        self.add_row_keyed(toks, anchors, None);
    }

    /// Counts the role phrases of one row's words. A phrase counts where
    /// it stands on its own: at a line start or after a word that cannot be
    /// part of a title, and before a line end, such a word, or an anchor
    /// (`anchors[i]`: a date, `N/A` or status label starts at word i; a
    /// "Word N" risk value, [`RoleLexicon::settle`] tells).
    ///
    /// `keys`, when given, holds the words' keys (compact forms) one after
    /// the other, word `k`'s ending at `ends[k]` (as [`keys_into`] makes
    /// them); else they are worked out here.
    pub(crate) fn add_row_keyed(
        &mut self,
        toks: &[Tok<'a>],
        anchors: &[bool],
        keys: Option<(&str, &[usize])>,
    ) {
        let scratch = self.scratch.get_mut();
        let (keys, ends) = match keys {
            Some((k, e)) if e.len() == toks.len() => (k, e),
            _ => {
                keys_into(toks, &self.forms, scratch, &mut self.ends);
                (scratch.as_str(), self.ends.as_slice())
            }
        };
        self.seen.clear();
        self.maybe.clear();
        let n = toks.len();
        let open_left = |i: usize| match (i.checked_sub(1).and_then(|p| toks.get(p)), toks.get(i)) {
            (None, _) => true,
            (Some(prev), Some(cur)) => cur.line_start || cur.para_break || !role_compatible(prev),
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
        // The word at `j` may start a "Word N" risk value: a one or two
        // digit number follows it.
        let risk_before = |j: usize| {
            toks.get(j + 1).is_some_and(|nx| {
                !nx.text.is_empty()
                    && nx.text.len() <= 2
                    && nx.text.bytes().all(|b| b.is_ascii_digit())
            })
        };
        for i in 0..n {
            if !open_left(i) {
                continue;
            }
            let Some(first) = toks.get(i) else { break };
            let mut wf = WellFormed::new(first);
            let mut alive = true;
            for j in i + 1..=(i + MAX_PHRASE).min(n) {
                let Some(span) = toks.get(i..j) else { break };
                let Some(last) = span.last() else { break };
                if !role_compatible(last) {
                    break;
                }
                alive = alive && wf.push(last);
                if !alive || !wf.holds(span.len()) {
                    continue;
                }
                let open = open_right(j);
                if !open && !risk_before(j) {
                    continue;
                }
                let Some(key) = span_key(keys, ends, i, j) else {
                    continue;
                };
                let id = match self.ids.get(key) {
                    Some(&id) => id,
                    None => {
                        let id = self.rows_with.len();
                        self.ids.insert(key.to_string(), id);
                        self.rows_with.push(0);
                        id
                    }
                };
                if open {
                    self.seen.push(id);
                } else if let Some(next) = toks.get(j) {
                    self.maybe.push((id, next.text));
                }
            }
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        for &id in &self.seen {
            if let Some(c) = self.rows_with.get_mut(id) {
                *c += 1;
            }
        }
        let row = self.rows;
        for &(id, w) in &self.maybe {
            if self.seen.binary_search(&id).is_err() {
                self.deferred.push((row, id, w));
            }
        }
        self.rows += 1;
    }

    /// Counts the phrases kept aside whose following word is the risk
    /// word (compared as `risk_at` does), once per row; to be called once,
    /// after every row was added.
    pub(crate) fn settle(&mut self, risk_word: Option<&str>) {
        let deferred = std::mem::take(&mut self.deferred);
        let Some(risk) = risk_word else { return };
        let mut hits: Vec<(usize, usize)> = deferred
            .into_iter()
            .filter(|(_, _, w)| w.eq_ignore_ascii_case(risk))
            .map(|(row, id, _)| (row, id))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        for (_, id) in hits {
            if let Some(c) = self.rows_with.get_mut(id) {
                *c += 1;
            }
        }
    }

    /// Rows the phrase appears in.
    pub(crate) fn freq(&self, toks: &[Tok]) -> usize {
        let mut k = self.scratch.borrow_mut();
        key_into(toks, &self.forms, &mut k);
        self.ids
            .get(k.as_str())
            .and_then(|&id| self.rows_with.get(id))
            .copied()
            .unwrap_or(0)
    }

    /// [`RoleLexicon::freq`] of a phrase given its key.
    fn freq_of_key(&self, key: &str) -> usize {
        self.ids
            .get(key)
            .and_then(|&id| self.rows_with.get(id))
            .copied()
            .unwrap_or(0)
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
pub(crate) fn segment(toks: &[Tok], lex: &RoleLexicon<'_>) -> Option<Vec<Phrase>> {
    let n = toks.len();
    let mut best: Vec<Option<(f64, usize, bool)>> = vec![None; n + 1];
    if let Some(b) = best.get_mut(0) {
        *b = Some((0.0, 0, false));
    }
    // formed[i * MAX_PHRASE + len - 1]: are the `len` words from `i` a
    // well-formed title?
    let mut formed = vec![false; n * MAX_PHRASE];
    // The words' keys, built once for all the spans looked up.
    let mut room = lex.seg_keys.borrow_mut();
    let (keys, ends) = &mut *room;
    keys_into(toks, &lex.forms, keys, ends);
    for i in 0..n {
        let Some(first) = toks.get(i) else { break };
        let mut wf = WellFormed::new(first);
        for (len, t) in toks.iter().skip(i).take(MAX_PHRASE).enumerate() {
            if !wf.push(t) {
                break;
            }
            if let Some(f) = formed.get_mut(i * MAX_PHRASE + len) {
                *f = wf.holds(len + 1);
            }
        }
    }
    for j in 1..=n {
        let mut cand: Option<(f64, usize, bool)> = None;
        for i in j.saturating_sub(MAX_PHRASE)..j {
            let Some(Some((base, _, _))) = best.get(i) else {
                continue;
            };
            let Some(span) = toks.get(i..j) else { continue };
            let is_formed = formed
                .get(i * MAX_PHRASE + (j - i) - 1)
                .copied()
                .unwrap_or(false);
            let scored = if is_formed {
                let f = span_key(keys, ends, i, j).map_or(0, |k| lex.freq_of_key(k)) as f64;
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
    use crate::flattened::tokens::{render, tokenize};

    /// `well_formed` as it was before it read words incrementally.
    fn orig_well_formed(toks: &[Tok]) -> bool {
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

    #[test]
    fn incremental_well_formed_agrees_with_the_original() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/text");
        let mut docs: Vec<String> = Vec::new();
        for d in [dir.to_string(), format!("{dir}/own")] {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    docs.push(t);
                }
            }
        }
        // Titles of our own: slashes, joined portfolios, blank lines.
        docs.push(
            "Head of Parks / Deputy Leader\nService Manager - Libraries &\n\nArts Officer\n\n\
             Chief Officer Chief Officer Cabinet Member for Roads and Bridges Board\n\
             Team Leader/ Assistant Director: Waste, Lead Member - Transport"
                .to_string(),
        );
        let mut formed = 0;
        for doc in &docs {
            let lines: Vec<(usize, &str)> = doc.lines().enumerate().collect();
            let toks = tokenize(lines.iter().copied());
            for i in 0..toks.len() {
                for j in i..=(i + MAX_PHRASE + 2).min(toks.len()) {
                    let span = &toks[i..j];
                    let want = orig_well_formed(span);
                    assert_eq!(well_formed(span), want, "{:?}", render(span));
                    formed += usize::from(want);
                }
            }
        }
        assert!(formed > 1000, "{formed}");
    }

    /// Row counts as kept, keyed by phrase.
    fn counts(lex: &RoleLexicon) -> std::collections::BTreeMap<String, usize> {
        lex.ids
            .iter()
            .map(|(k, &id)| (k.clone(), lex.rows_with[id]))
            .filter(|(_, c)| *c > 0)
            .collect()
    }

    #[test]
    fn rows_counted_before_the_risk_word_is_known_count_as_after() {
        use crate::flattened::cells::{anchors_into, anchors_without_risk_word_into};
        use crate::flattened::tokens::{annotate_prepared, tokenize_into, Compacts, WordTable};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/text");
        let mut docs: Vec<String> = Vec::new();
        for d in [dir.to_string(), format!("{dir}/own")] {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    docs.push(t);
                }
            }
        }
        // Rows of our own: a "Priority N" risk value after the leads, once
        // in lower case, and a title that stands alone only before it.
        docs.push(
            "Head of Parks Lead Member for Parks Priority 2 N/A\n\n\
             Head of Parks Lead Member for Parks priority 3 Complete\n\n\
             Head of Parks Lead Member for Parks Jan-25 Priority 1\n\n\
             Service Manager Waste Officer Priority 12 On hold\n\n\
             Service Manager Waste Officer Priority\n\n"
                .to_string(),
        );
        let mut checked = 0;
        for doc in &docs {
            // Paragraphs stand for rows.
            let rows: Vec<Vec<(usize, &str)>> = doc
                .split("\n\n")
                .map(|p| p.lines().enumerate().collect())
                .collect();
            for risk in [None, Some("Focus"), Some("priority"), Some("Leader")] {
                let (mut memo, mut room) = (WordTable::default(), Compacts::default());
                let (mut toks, mut anchors) = (Vec::new(), Vec::new());
                let mut after = RoleLexicon::default();
                let mut before = RoleLexicon::default();
                // Counted with the keys tokenizing left in `room`.
                let mut keyed = RoleLexicon::default();
                for row in &rows {
                    tokenize_into(row.iter().copied(), &mut memo, &mut toks, &mut room);
                    annotate_prepared(&mut toks, &room);
                    anchors_into(&toks, risk, &mut anchors);
                    after.add_row(&toks, &anchors);
                    anchors_without_risk_word_into(&toks, &mut anchors);
                    before.add_row(&toks, &anchors);
                    let keys = room.forms(toks.len());
                    assert!(keys.is_some());
                    keyed.add_row_keyed(&toks, &anchors, keys);
                }
                before.settle(risk);
                keyed.settle(risk);
                let want = counts(&after);
                assert_eq!(counts(&before), want, "risk word {risk:?}");
                assert_eq!(counts(&keyed), want, "keyed, risk word {risk:?}");
                checked += want.len();
            }
        }
        assert!(checked > 100, "{checked}");
        // Our own rows: "Cabinet Member for Parks" stands alone at a line
        // start, before the date, before a lower-case word, and before
        // the risk value "Priority 2" only once the risk word is known.
        let title = tokenize([(0, "Cabinet Member for Parks")]);
        let row = |l: &'static str| {
            let (mut toks, mut room, mut memo) =
                (Vec::new(), Compacts::default(), WordTable::default());
            tokenize_into([(0, "Works done"), (1, l)], &mut memo, &mut toks, &mut room);
            annotate_prepared(&mut toks, &room);
            toks
        };
        for (risk, want) in [(Some("Priority"), 3), (Some("PRIORITY"), 3), (None, 2)] {
            let mut lex = RoleLexicon::default();
            let mut anchors = Vec::new();
            for l in [
                "Cabinet Member for Parks Priority 2 N/A",
                "Cabinet Member for Parks priority 3 Complete",
                "Cabinet Member for Parks Jan-25 Priority 1",
            ] {
                let toks = row(l);
                anchors_without_risk_word_into(&toks, &mut anchors);
                lex.add_row(&toks, &anchors);
            }
            lex.settle(risk);
            assert_eq!(lex.freq(&title), want, "{risk:?}");
        }
    }

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
