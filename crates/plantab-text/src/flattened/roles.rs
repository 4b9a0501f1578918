//! Role titles in the leads columns ("Chief Executive", "Director - Law &
//! Governance", "Cabinet Member for Housing"): telling them apart from
//! action text and splitting a run of them into one title each.
//!
//! A title is recognised by its shape (capitalised words around a role word
//! from `plantab_vocab::role_word`, joined by "of", "for", "-", "&" …) and
//! by how often the same phrase recurs across the document's rows: titles
//! repeat, action text does not.

use super::facts::is_lone_mark;
use super::tokens::{Compacts, Tok, WordTable};
use plantab_vocab::RoleWordKind;
use rustc_hash::FxHashMap;

/// Longest role phrase considered, in words.
const MAX_PHRASE: usize = 12;

/// Can this word be part of a role phrase at all? (Worked out once per
/// word, when it is tokenized: [`super::facts::role_compatible_word`].)
pub(crate) fn role_compatible(t: &Tok) -> bool {
    t.role_ok
}

/// Role class of a word, ignoring punctuation.
fn kind_of(t: &Tok) -> Option<RoleWordKind> {
    t.facts.role.map(|r| r.kind)
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
        let ok =
            !(first.facts.connector || fw.starts_with(['&', '/', '-', '–']) || !first.facts.upper);
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
        self.last_joins = t.facts.joins;
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
        self.prev_joins = t.facts.joins;
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
fn key_into(toks: &[Tok], forms: &WordTable, out: &mut String) {
    out.clear();
    for t in toks {
        forms.push_form(t, out);
    }
}

/// The words' keys one after the other in `buf` (cleared first), word
/// `k`'s ending at `ends[k]`: the key of words `i..j` is
/// `buf[start(i)..ends[j - 1]]` ([`span_key`]), the keys of words
/// joined being their keys concatenated.
fn keys_into(toks: &[Tok], forms: &WordTable, buf: &mut String, ends: &mut Vec<usize>) {
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
/// is known ([`super::anchors::RiskWords`]): a phrase that stands on its own
/// only if the word after it starts a "Word N" risk value is kept aside
/// with that word, and counted by [`RoleLexicon::settle`] once the risk
/// word is known.
#[derive(Debug, Default)]
pub(crate) struct RoleLexicon<'a> {
    /// Each phrase's key, numbered.
    ids: FxHashMap<String, usize>,
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
    /// Room for [`segment`]'s keys and their ends.
    seg_keys: std::cell::RefCell<(String, Vec<usize>)>,
}

impl<'a> RoleLexicon<'a> {
    /// Counts the role phrases of one row's words. A phrase counts where
    /// it stands on its own: at a line start or after a word that cannot be
    /// part of a title, and before a line end, such a word, or an anchor
    /// (`anchors[i]`: a date, `N/A` or status label starts at word i; a
    /// "Word N" risk value, [`RoleLexicon::settle`] tells).
    ///
    /// `room` holds the words' keys (compact forms), as
    /// [`super::tokens::tokenize_into`] left them (worked out here when it
    /// does not).
    pub(crate) fn add_row(&mut self, toks: &[Tok<'a>], anchors: &[bool], room: &Compacts) {
        let own;
        let (keys, ends) = match room.forms(toks.len()) {
            Some(forms) => forms,
            None => {
                own = Compacts::of(toks);
                own.forms(toks.len()).unwrap_or_default()
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

    /// Rows the phrase appears in (its words' compact forms kept in
    /// `forms`).
    pub(crate) fn freq(&self, toks: &[Tok], forms: &WordTable) -> usize {
        let mut k = self.scratch.borrow_mut();
        key_into(toks, forms, &mut k);
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
/// The words' compact forms are kept in `forms`.
pub(crate) fn segment(toks: &[Tok], lex: &RoleLexicon, forms: &WordTable) -> Option<Vec<Phrase>> {
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
    keys_into(toks, forms, keys, ends);
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
                let f = span_key(keys, ends, i, j).map_or(0, |k| lex.freq_of_key(k));
                // A bare title word ("Manager") is seldom a whole role.
                let bare_title =
                    span.len() == 1 && span.first().and_then(kind_of) == Some(RoleWordKind::Title);
                // A title never seen, that is a title seen elsewhere with
                // capitalised words after it, is that title and another
                // lead ("Cabinet Member for Housing" + "Homes England").
                // (A loose chunk is three words at most.)
                let extends_known = f == 0
                    && (j.saturating_sub(3).max(i + 1)..j).any(|k| {
                        toks.get(k..j).is_some_and(loose_chunk)
                            && formed
                                .get(i * MAX_PHRASE + (k - i) - 1)
                                .copied()
                                .unwrap_or(false)
                            && span_key(keys, ends, i, k).is_some_and(|k| lex.freq_of_key(k) > 0)
                    });
                Some((
                    base + (1.0 + f as f64).ln()
                        - 1.0
                        - if bare_title { 1.0 } else { 0.0 }
                        - if extends_known { 1.0 } else { 0.0 },
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
    if toks.len() == 1 && toks.iter().all(|t| is_lone_mark(t.text)) {
        return true;
    }
    toks.iter().enumerate().all(|(k, t)| {
        (k == 0 || !t.para_break)
            && t.facts.upper
            && kind_of(t) != Some(RoleWordKind::Prefix)
            && role_compatible(t)
            && !t.facts.connector
    })
}

/// True when the phrase names an elected role or body ("Deputy Leader",
/// "Cabinet Member for …", "… Committee"): the words before its first
/// "of" / "for" / "-" carry a political role word.
pub(crate) fn is_political(toks: &[Tok]) -> bool {
    let mut political = false;
    let mut officer = false;
    for t in toks {
        if t.facts.portfolio {
            break;
        }
        if let Some(r) = t.facts.role {
            if r.kind != RoleWordKind::Prefix || r.political {
                political |= r.political;
                officer |= r.officer;
            }
        }
        if t.text.ends_with(['-', '–', ':', ',']) {
            break;
        }
    }
    political && !officer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flattened::anchors::{anchors_into, anchors_without_risk_word_into};
    use crate::flattened::lines::Lines;
    use crate::flattened::tokens::{annotate_prepared, render, tokenize, tokenize_into};
    use proptest::prelude::*;

    /// The title rule written plainly, on the whole phrase at once.
    fn reference_well_formed(toks: &[Tok]) -> bool {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return false;
        };
        let starts_badly = first.facts.connector || first.text.starts_with(['&', '/', '-', '–']);
        if toks.len() > MAX_PHRASE || starts_badly || !first.facts.upper || last.facts.joins {
            return false;
        }
        let (mut any_title, mut persons, mut after_title, mut prev_joins) =
            (false, 0, false, false);
        for (k, t) in toks.iter().enumerate() {
            // Every word may stand in a title; no blank line inside one
            // unless the line before ends by joining.
            let broken = k > 0 && t.para_break && !prev_joins && !t.text.starts_with(['&', '/']);
            if !role_compatible(t) || broken {
                return false;
            }
            // A slash starts another person's title.
            if t.text.starts_with('/') {
                persons = 0;
                after_title = false;
            }
            match kind_of(t) {
                // One person's title word per person.
                Some(RoleWordKind::Title) if persons > 0 => return false,
                Some(RoleWordKind::Title) => {
                    persons += 1;
                    (any_title, after_title) = (true, true);
                }
                Some(RoleWordKind::Collective) => (any_title, after_title) = (true, true),
                // A prefix after a title starts another, unless a joining
                // word introduced it.
                Some(RoleWordKind::Prefix) if after_title && !prev_joins => return false,
                _ => {}
            }
            if t.text.ends_with('/') {
                persons = 0;
                after_title = false;
            }
            prev_joins = t.facts.joins;
        }
        any_title
    }

    /// Words of owner columns: titles, portfolios, joining words and
    /// marks, breaks, prose and risk values.
    const PIECES: &[&str] = &[
        "Head",
        "of",
        "Parks",
        "/",
        "Deputy",
        "Leader",
        "Service",
        "Manager",
        "-",
        "Libraries",
        "&",
        "Arts",
        "Officer",
        "Chief",
        "Cabinet",
        "Member",
        "for",
        "Roads",
        "and",
        "Board",
        "Team",
        "Leader/",
        "Assistant",
        "Director:",
        "Waste,",
        "Lead",
        "Transport",
        "/Director",
        "Director-Finance",
        "FinanceDeputy",
        "the",
        "to",
        "works",
        "Priority",
        "2",
        "N/A",
        "Jan-25",
        "Complete",
        "\n",
        "\n\n",
        "\n \n",
    ];

    /// A text of owner-column words.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|v| v.join(" "))
    }

    proptest! {
        /// The incremental check agrees with the plain rule on every span.
        #[test]
        fn incremental_well_formed_agrees_with_the_rule(doc in text()) {
            let toks = tokenize(&doc);
            for i in 0..toks.len() {
                for j in i..=(i + MAX_PHRASE + 2).min(toks.len()) {
                    let span = &toks[i..j];
                    prop_assert_eq!(well_formed(span), reference_well_formed(span), "{:?}", render(span));
                }
            }
        }

        /// Phrases counted before the risk word is known, then settled,
        /// count as when the risk word is known from the start.
        #[test]
        fn rows_counted_before_the_risk_word_is_known_count_as_after(
            rows in proptest::collection::vec(text(), 1..6),
            risk in proptest::sample::select(&[None, Some("Priority"), Some("priority"), Some("Leader")][..]),
        ) {
            let doc = rows.join("\n\n\n");
            let lines = Lines::new(&doc);
            let mut table = WordTable::default();
            let (mut toks, mut room, mut anchors) = (Vec::new(), Compacts::default(), Vec::new());
            let mut after = RoleLexicon::default();
            let mut before = RoleLexicon::default();
            // Rows are the paragraphs between triple line breaks.
            let mut from = 0;
            while from < lines.len() {
                let to = (from..lines.len())
                    .find(|&i| i > from && lines.at(i).is_empty() && lines.at(i - 1).is_empty())
                    .unwrap_or(lines.len());
                tokenize_into(&lines, (from..to).map(|i| (i, 0)), &mut table, &mut toks, &mut room);
                annotate_prepared(&mut toks, &room);
                anchors_into(&toks, risk, &mut anchors);
                after.add_row(&toks, &anchors, &room);
                anchors_without_risk_word_into(&toks, &mut anchors);
                before.add_row(&toks, &anchors, &room);
                from = to + 1;
            }
            before.settle(risk);
            prop_assert_eq!(counts(&before), counts(&after));
        }
    }

    /// Row counts as kept, keyed by phrase.
    fn counts(lex: &RoleLexicon) -> std::collections::BTreeMap<String, usize> {
        lex.ids
            .iter()
            .map(|(k, &id)| (k.clone(), lex.rows_with[id]))
            .filter(|(_, c)| *c > 0)
            .collect()
    }

    /// Our own rows: "Cabinet Member for Parks" stands alone at a line
    /// start, before the date, before a lower-case word, and before the
    /// risk value "Priority 2" only once the risk word is known.
    #[test]
    fn a_title_before_the_risk_value_counts_once_the_risk_word_is_known() {
        let docs = [
            "Works done\nCabinet Member for Parks Priority 2 N/A",
            "Works done\nCabinet Member for Parks priority 3 Complete",
            "Works done\nCabinet Member for Parks Jan-25 Priority 1",
        ];
        let title_lines = Lines::new("Cabinet Member for Parks");
        for (risk, want) in [(Some("Priority"), 3), (Some("PRIORITY"), 3), (None, 2)] {
            let mut lex = RoleLexicon::default();
            let mut anchors = Vec::new();
            let mut table = WordTable::default();
            for doc in docs {
                let lines = Lines::new(doc);
                let (mut toks, mut room) = (Vec::new(), Compacts::default());
                tokenize_into(&lines, [(0, 0), (1, 0)], &mut table, &mut toks, &mut room);
                annotate_prepared(&mut toks, &room);
                anchors_without_risk_word_into(&toks, &mut anchors);
                lex.add_row(&toks, &anchors, &room);
            }
            lex.settle(risk);
            // The title's words read with the same table.
            let mut title = Vec::new();
            let mut room = Compacts::default();
            tokenize_into(&title_lines, [(0, 0)], &mut table, &mut title, &mut room);
            assert_eq!(lex.freq(&title, &table), want, "{risk:?}");
        }
    }

    #[test]
    fn political_titles() {
        assert!(is_political(&tokenize("Dept Leader")));
        assert!(is_political(&tokenize("Cabinet Member for Homes")));
        assert!(!is_political(&tokenize("Director - Housing")));
    }
}
