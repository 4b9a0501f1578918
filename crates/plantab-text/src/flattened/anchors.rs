//! Where a row's cells may begin: the words a date, a risk value or a
//! status label starts at ([`anchors_into`]), and the document's "Word N"
//! risk word they need, learned row by row ([`RiskWords`]).

use super::tokens::{date_at, status_at, Tok};
use rustc_hash::FxHashMap;

/// Length of a risk value at `i` (1 for `N/A`, 2 for "Focus 2").
pub(crate) fn risk_at(toks: &[Tok], i: usize, risk_word: Option<&str>) -> Option<usize> {
    let t = toks.get(i)?;
    if t.facts.na {
        return Some(1);
    }
    let w = risk_word?;
    if t.text.eq_ignore_ascii_case(w) {
        let n = toks.get(i + 1)?;
        if !n.text.is_empty() && n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(2);
        }
    }
    None
}

/// Learns the "Word N" risk word, row by row: a capitalised word followed
/// by a 1–2 digit number in at least a fifth of the rows.
#[derive(Default)]
pub(crate) struct RiskWords<'t> {
    /// Rows each candidate word was seen in.
    counts: FxHashMap<&'t str, usize>,
    rows: usize,
    /// The words of the row being looked at.
    seen: Vec<&'t str>,
}

impl<'t> RiskWords<'t> {
    /// Counts the candidate words of one row.
    pub(crate) fn add(&mut self, toks: &[Tok<'t>]) {
        self.rows += 1;
        self.seen.clear();
        for w in toks.windows(2) {
            let [a, b] = w else { continue };
            // The number first: it is rare, and cheap to rule out.
            let num = !b.text.is_empty()
                && b.text.len() <= 2
                && b.text.bytes().all(|x| x.is_ascii_digit());
            if !num {
                continue;
            }
            let alpha = a.text.chars().all(|c| c.is_alphabetic())
                && a.text.chars().next().is_some_and(|c| c.is_uppercase())
                && a.text.chars().count() >= 3;
            if alpha {
                self.seen.push(a.text);
            }
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        for s in &self.seen {
            *self.counts.entry(s).or_default() += 1;
        }
    }

    /// The risk word, once every row was added.
    pub(crate) fn finish(self) -> Option<String> {
        let need = (self.rows / 5).max(3);
        self.counts
            .into_iter()
            .filter(|(_, c)| *c >= need)
            .max_by_key(|(w, c)| (*c, std::cmp::Reverse(*w)))
            .map(|(w, _)| w.to_string())
    }
}

/// For each word: does a date, `N/A` or status label start there? (As
/// [`anchors_into`] before the risk word is known; into `out`, its
/// contents replaced.)
pub(crate) fn anchors_without_risk_word_into(toks: &[Tok], out: &mut Vec<bool>) {
    anchors_into(toks, None, out);
}

/// For each word: does a date, risk value or status label start there?
/// (Into `out`, its contents replaced.)
pub(crate) fn anchors_into(toks: &[Tok], risk_word: Option<&str>, out: &mut Vec<bool>) {
    out.clear();
    out.extend((0..toks.len()).map(|i| {
        date_at(toks, i).is_some()
            || risk_at(toks, i, risk_word).is_some()
            || status_at(toks, i).is_some()
    }));
}
