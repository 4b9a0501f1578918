//! Column headers: printed header → canonical key (`data/headers.tsv`).
//!
//! [`match_header`] matches exactly on the [`header_core`] form, then
//! fuzzily. The exact match is also offered word run by word run to the
//! text readers ([`match_header_exact_compact`], [`header_run_may_match`]):
//! synonym cores are kept in a trie so that a run is matched, or ruled out
//! together with every longer run built on it, without building strings.

use crate::fuzzy::similarity_at_least;
use crate::load::{self, parse_table_kind, DataFile, Loaded, Reader, TableReport};
use crate::normalise::{
    compact, first_month_at, fold_accent, has_month, header_core, month_spill_floor,
    remove_months_into, strip_years_into,
};
use plantab_model::TableKind;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A printed header matched to a canonical key.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderMatch {
    /// The canonical key (`id`, `title`, `status`, `lead_service`, …).
    pub key: &'static str,
    /// The table kind this header suggests, when it suggests one.
    pub table_kind: Option<TableKind>,
    /// 1.0 for an exact match of the compact forms, lower for fuzzy ones.
    pub score: f64,
}

struct HeaderSynonym {
    key: &'static str,
    table_kind: Option<TableKind>,
    core: String,
}

fn header_synonyms() -> &'static [HeaderSynonym] {
    &header_table().value
}

/// The header table as loaded from `data/headers.tsv`.
fn header_table() -> &'static Loaded<Vec<HeaderSynonym>> {
    static CELL: OnceLock<Loaded<Vec<HeaderSynonym>>> = OnceLock::new();
    CELL.get_or_init(|| load_headers(load::HEADERS))
}

/// The header table's data file and bad lines.
pub(crate) fn tables() -> [TableReport; 1] {
    [header_table().report()]
}

/// Reads a header table: `key`, table-kind hint (or `-`), header as
/// printed. A key is snake_case; a header must keep some letters or digits
/// once years and month names are removed (its [`header_core`]), and two
/// headers with one core are one entry.
fn load_headers(file: DataFile) -> Loaded<Vec<HeaderSynonym>> {
    let mut r = Reader::new(file);
    let mut out = Vec::new();
    for row in r.rows::<3>() {
        let [key, kind, header] = row.fields;
        let Some(key) = r.non_empty(&row, "key", key) else {
            continue;
        };
        if !is_snake_key(key) {
            r.invalid::<3, ()>(&row, "key", key, "is not a snake_case key");
            continue;
        }
        let table_kind = match kind {
            "-" => None,
            k => match parse_table_kind(k) {
                Some(k) => Some(k),
                None => {
                    r.unknown::<3, ()>(&row, "table kind", k);
                    continue;
                }
            },
        };
        let Some(header) = r.non_empty(&row, "header", header) else {
            continue;
        };
        let core = header_core(header);
        if core.is_empty() {
            r.invalid::<3, ()>(
                &row,
                "header",
                header,
                "has no letters or digits besides years and month names",
            );
            continue;
        }
        if r.first(&row, "", core.clone(), [key, kind]) {
            out.push(HeaderSynonym {
                key,
                table_kind,
                core,
            });
        }
    }
    r.finish(out)
}

/// The header keys a record holds in fields of its own (`id`, `title`,
/// `description`, `due`, `start`, the status columns); every other key of
/// `data/headers.tsv` is a `fields` key.
pub const RECORD_KEYS: [&str; 8] = [
    "id",
    "title",
    "description",
    "due",
    "start",
    "status",
    "revised_due",
    "commentary",
];

/// Every `fields` key the header vocabulary can give (the keys of
/// `data/headers.tsv` that are not [`RECORD_KEYS`]), once each, in the
/// order they first appear in the data file: the `fields.*` keys the output
/// contract names. Writers that give each key a column of its own (the
/// records CSV) take their order from here.
pub fn field_keys() -> &'static [&'static str] {
    static CELL: OnceLock<Vec<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut keys: Vec<&'static str> = Vec::new();
        for s in header_synonyms() {
            if !RECORD_KEYS.contains(&s.key) && !keys.contains(&s.key) {
                keys.push(s.key);
            }
        }
        keys
    })
}

/// Lower-case ASCII letters, digits and underscores, starting with a letter.
fn is_snake_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Least similarity (normalised Levenshtein on compact forms) for a fuzzy
/// header match.
const HEADER_FUZZY_MIN: f64 = 0.86;

/// Matches a printed header against the synonym table: exactly on the
/// [`header_core`] form first, then fuzzily (misspellings, a lost letter at a
/// wrap). `None` when nothing is close; the caller then keeps the printed
/// words as a key ([`snake_key`]).
pub fn match_header(printed: &str) -> Option<HeaderMatch> {
    // Headers repeat on every page and every stage asks again: answers are
    // remembered per thread (a bounded cache, cleared when full).
    thread_local! {
        static MEMO: std::cell::RefCell<std::collections::HashMap<String, Option<HeaderMatch>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    const MEMO_MAX: usize = 4096;
    if let Some(hit) = MEMO.with(|m| m.borrow().get(printed).cloned()) {
        return hit;
    }
    let found = match_header_uncached(printed);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_MAX {
            m.clear();
        }
        m.insert(printed.to_string(), found.clone());
    });
    found
}

fn match_header_uncached(printed: &str) -> Option<HeaderMatch> {
    let syns = header_synonyms();
    let exact = |core: &str| -> Option<HeaderMatch> {
        if core.is_empty() {
            return None;
        }
        syns.iter().find(|s| s.core == core).map(|s| HeaderMatch {
            key: s.key,
            table_kind: s.table_kind,
            score: 1.0,
        })
    };
    let core = header_core(printed);
    if let Some(m) = exact(&core) {
        return Some(m);
    }
    // Footnote marks and period words out ("To be first published on⁵",
    // "Licence6?", "Target FY2024", "Q3 FY2024 Actual"), then explanations
    // in brackets ("(i.e. date, including month and year)").
    let cleaned = header_core(&clean_header(printed, false));
    if let Some(m) = exact(&cleaned) {
        return Some(m);
    }
    let unbracketed = header_core(&clean_header(printed, true));
    if let Some(m) = exact(&unbracketed) {
        return Some(m);
    }
    // A header that starts with a known one and goes on explaining it
    // ("Issued under the Open Government Licence (OGL) Yes or No*").
    let prefix = syns
        .iter()
        .filter(|s| {
            s.core.len() >= PREFIX_MIN
                && s.core.len() * 10 >= unbracketed.len() * PREFIX_SHARE_TENTHS
                && unbracketed.starts_with(s.core.as_str())
        })
        .max_by_key(|s| s.core.len());
    if let Some(s) = prefix {
        return Some(HeaderMatch {
            key: s.key,
            table_kind: s.table_kind,
            score: PREFIX_SCORE,
        });
    }
    let target = if cleaned.is_empty() { &core } else { &cleaned };
    if target.is_empty() {
        return None;
    }
    let mut best: Option<(&HeaderSynonym, f64)> = None;
    for s in syns {
        let Some(sim) = similarity_at_least(target, &s.core, HEADER_FUZZY_MIN) else {
            continue;
        };
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((s, sim));
        }
    }
    best.map(|(s, score)| HeaderMatch {
        key: s.key,
        table_kind: s.table_kind,
        score,
    })
}

/// Shortest synonym core a longer header may start with and take the key
/// of ("Lead" is too short: "Leadership Team Action" is no owner).
const PREFIX_MIN: usize = 8;

/// Share (in tenths) of a header a known start must cover: "What we want
/// to achieve with the engagement" is no target.
const PREFIX_SHARE_TENTHS: usize = 6;

/// The score of a match by a header's start.
const PREFIX_SCORE: f64 = 0.95;

/// A printed header without what does not name its column: footnote marks
/// (superscripts, `*`, `†`, a one- or two-digit mark glued to a word of
/// three letters or more: "Licence6?", "on5", "No*18"), and words naming a
/// period (years and spans `2024-25`, `FY2024`, `FY`, `Q1`–`Q4`, `H1`,
/// `H2`); with `drop_brackets`, also what stands in brackets (explanations:
/// "(i.e. …)", "(OGL)", an unclosed "(*If no, …").
pub fn clean_header(printed: &str, drop_brackets: bool) -> String {
    let mut text = String::with_capacity(printed.len());
    let mut depth = 0usize;
    for ch in printed.chars() {
        if drop_brackets {
            match ch {
                '(' | '[' => {
                    depth += 1;
                    text.push(' ');
                    continue;
                }
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    text.push(' ');
                    continue;
                }
                _ if depth > 0 => continue,
                _ => {}
            }
        }
        if is_footnote_char(ch) {
            text.push(' ');
        } else {
            text.push(ch);
        }
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let w = strip_glued_mark(word);
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if is_period_word(bare) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn is_footnote_char(c: char) -> bool {
    matches!(
        c,
        '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' | '*' | '†' | '‡' | '§'
    )
}

/// "Licence6?" → "Licence?", "on5" → "on": a mark glued to the end of a
/// word of three letters or more (lower case before it).
fn strip_glued_mark(word: &str) -> &str {
    let core_end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let (core, tail) = word.split_at(core_end);
    let digits = core.chars().rev().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return word;
    }
    let letters = &core[..core.len() - digits];
    let ok = letters.chars().count() >= 3
        && letters.chars().all(char::is_alphabetic)
        && letters.chars().last().is_some_and(char::is_lowercase);
    if !ok {
        return word;
    }
    if tail.is_empty() {
        letters
    } else {
        // Keep the word's trailing punctuation out: it does not match.
        letters
    }
}

/// A word naming a period: a year or span of years, `FY…`, `Q1`–`Q4`,
/// `H1`, `H2`.
fn is_period_word(w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    if crate::cells::is_year(w) {
        return true;
    }
    let u = w.to_ascii_uppercase();
    let b = u.as_bytes();
    match b {
        [b'F', b'Y', rest @ ..] => rest
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'/' | b'-')),
        [b'Q', b'1'..=b'4'] | [b'H', b'1' | b'2'] => true,
        [b'Q', b'1'..=b'4', rest @ ..] => crate::cells::is_year(&w[2..]) || rest.is_empty(),
        _ => false,
    }
}

/// Matches a printed header exactly (on its [`header_core`] form, so
/// wrapping, spacing, punctuation, years and month names still do not
/// matter), without the fuzzy fallback of [`match_header`]: cheap enough to
/// try on every run of words of a text.
pub fn match_header_exact(printed: &str) -> Option<HeaderMatch> {
    match_header_exact_compact(&compact(printed))
}

/// [`match_header_exact`] of text already in [`compact`] form (a caller
/// trying many runs of words builds their compact forms word by word).
pub fn match_header_exact_compact(compact: &str) -> Option<HeaderMatch> {
    if compact.is_empty() || compact.len() > header_compact_max_len() {
        return None;
    }
    // Without a month name the core is the compact form less its years:
    // walk the synonym trie without building a copy.
    let i = if !has_month(compact) {
        let trie = &header_tries().all;
        if compact.bytes().any(|b| b.is_ascii_digit()) {
            let mut buf = [0u8; 256];
            let core = strip_years_into(compact.as_bytes(), &mut buf)?;
            trie.synonym_of(core)?
        } else {
            trie.synonym_of(compact.as_bytes())?
        }
    } else {
        let mut buf = [0u8; 256];
        let mut out = [0u8; 256];
        let no_months = remove_months_into(compact.as_bytes(), &mut buf)?;
        let core = strip_years_into(no_months, &mut out)?;
        header_tries().all.synonym_of(core)?
    };
    let s = header_synonyms().get(i)?;
    Some(HeaderMatch {
        key: s.key,
        table_kind: s.table_kind,
        score: 1.0,
    })
}

/// False when neither the run of text whose [`compact`] form is `compact`
/// nor any longer run that starts with it (more words appended) can match
/// a header exactly ([`match_header_exact_compact`]); true when one may.
/// A caller extending a run word by word stops at the first false.
///
/// Exact, not a guess: see [`header_run_may_match_key`].
///
/// ```
/// assert!(plantab_vocab::header_run_may_match("status"));
/// assert!(plantab_vocab::header_run_may_match("statusdecembe"));
/// assert!(plantab_vocab::header_run_may_match("sep"));
/// assert!(!plantab_vocab::header_run_may_match("sep23"));
/// assert!(!plantab_vocab::header_run_may_match("thecouncilwill"));
/// ```
pub fn header_run_may_match(compact: &str) -> bool {
    run_may_match(compact, &header_tries().all)
}

/// [`header_run_may_match`] for the headers with canonical key `key`
/// only: false when no run starting with `compact` can match one of them.
///
/// Months and years are removed from a run before it is compared with the
/// synonym cores, and text appended to a run can complete a month name
/// that begins at its end ("…Decembe" + "r…"), so a run is judged by the
/// part of it no appended text can change: what comes before its first
/// month name, less any tail that a month name spilling over from the
/// appended text could take (repeatedly), less a trailing run of digits
/// (which appended digits could make a year), with the years inside it
/// removed. When that part begins no synonym core, no run built on it
/// matches.
///
/// ```
/// assert!(plantab_vocab::header_run_may_match_key("csp", "id"));
/// assert!(!plantab_vocab::header_run_may_match_key("status", "id"));
/// ```
pub fn header_run_may_match_key(compact: &str, key: &str) -> bool {
    match header_tries().by_key.get(key) {
        Some(trie) => run_may_match(compact, trie),
        None => false,
    }
}

fn run_may_match(compact: &str, trie: &CoreTrie) -> bool {
    if compact.len() > header_compact_max_len() {
        return false;
    }
    // The common case first: the run itself begins a core.
    if trie.is_prefix(compact.as_bytes()) {
        return true;
    }
    let b = compact.as_bytes();
    let before_month = first_month_at(b).unwrap_or(b.len());
    let mut kept = month_spill_floor(b.get(..before_month).unwrap_or(b));
    while kept > 0 && b.get(kept - 1).is_some_and(u8::is_ascii_digit) {
        kept -= 1;
    }
    let Some(kept) = compact.get(..kept) else {
        return true;
    };
    if kept.bytes().any(|x| x.is_ascii_digit()) {
        let mut buf = [0u8; 256];
        match strip_years_into(kept.as_bytes(), &mut buf) {
            Some(core) => trie.is_prefix(core),
            None => true,
        }
    } else {
        trie.is_prefix(kept.as_bytes())
    }
}

/// The synonym cores as a trie over compact characters.
struct CoreTrie {
    /// Children per node, by [`trie_slot`]; 0 for none (the root is no
    /// child).
    next: Vec<[u32; 36]>,
    /// Per node: 1 + the index (in [`header_synonyms`]) of the first
    /// synonym whose core ends there, or 0.
    term: Vec<u32>,
}

fn trie_slot(c: u8) -> Option<usize> {
    match c {
        b'a'..=b'z' => Some(usize::from(c - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(c - b'0')),
        _ => None,
    }
}

impl CoreTrie {
    /// A trie of cores, given with their synonym indices.
    fn new<'a>(cores: impl IntoIterator<Item = (usize, &'a str)>) -> CoreTrie {
        let mut next = vec![[0u32; 36]];
        let mut term = vec![0u32];
        for (index, core) in cores {
            let mut node = 0usize;
            let mut whole = true;
            for c in core.bytes() {
                let Some(slot) = trie_slot(c) else {
                    whole = false;
                    break;
                };
                let child = next
                    .get(node)
                    .and_then(|n| n.get(slot))
                    .copied()
                    .unwrap_or(0);
                node = if child == 0 {
                    let id = next.len();
                    next.push([0u32; 36]);
                    term.push(0);
                    if let Some(x) = next.get_mut(node).and_then(|n| n.get_mut(slot)) {
                        *x = id as u32;
                    }
                    id
                } else {
                    child as usize
                };
            }
            if let Some(t) = term.get_mut(node).filter(|t| whole && **t == 0) {
                *t = index as u32 + 1;
            }
        }
        CoreTrie { next, term }
    }

    /// The node `s` leads to from the root.
    fn walk(&self, s: &[u8]) -> Option<usize> {
        let mut node = 0usize;
        for &c in s {
            let slot = trie_slot(c)?;
            match self.next.get(node).and_then(|n| n.get(slot)) {
                Some(&child) if child != 0 => node = child as usize,
                _ => return None,
            }
        }
        Some(node)
    }

    /// The index of the first synonym whose core is `s`.
    fn synonym_of(&self, s: &[u8]) -> Option<usize> {
        let t = *self.term.get(self.walk(s)?)?;
        (t > 0).then(|| t as usize - 1)
    }

    /// Whether some core starts with `s`.
    fn is_prefix(&self, s: &[u8]) -> bool {
        self.walk(s).is_some()
    }
}

struct HeaderTries {
    all: CoreTrie,
    by_key: HashMap<&'static str, CoreTrie>,
}

fn header_tries() -> &'static HeaderTries {
    static CELL: OnceLock<HeaderTries> = OnceLock::new();
    CELL.get_or_init(|| {
        let syns = header_synonyms();
        let mut keys: Vec<&'static str> = syns.iter().map(|s| s.key).collect();
        keys.sort_unstable();
        keys.dedup();
        let by_key = keys
            .into_iter()
            .map(|k| {
                let cores = syns
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.key == k)
                    .map(|(i, s)| (i, s.core.as_str()));
                (k, CoreTrie::new(cores))
            })
            .collect();
        HeaderTries {
            all: CoreTrie::new(syns.iter().enumerate().map(|(i, s)| (i, s.core.as_str()))),
            by_key,
        }
    })
}

/// Room a printed label's dates may take beyond its core: two
/// month-and-year pairs ("september2023"), as in "Status (December 2023 –
/// January 2024)".
const HEADER_DATE_ROOM: usize = 2 * "september2023".len();

/// The longest [`compact`] form a printed label can have and still match
/// exactly: the longest synonym core plus room for the dates labels print
/// (month names and years are not part of a core). Longer runs of words
/// need no matching.
pub fn header_compact_max_len() -> usize {
    static CELL: OnceLock<usize> = OnceLock::new();
    *CELL.get_or_init(|| {
        header_synonyms()
            .iter()
            .map(|s| s.core.len())
            .max()
            .unwrap_or(0)
            + HEADER_DATE_ROOM
    })
}

/// Synonym cores → the first synonym with that core (the plain lookup
/// the trie walk of [`match_header_exact_compact`] is checked against).
#[cfg(test)]
fn synonym_index() -> &'static HashMap<&'static str, usize> {
    static CELL: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, s) in header_synonyms().iter().enumerate() {
            map.entry(s.core.as_str()).or_insert(i);
        }
        map
    })
}

/// The printed words of a header as a snake_case key ("CSP 2023" →
/// `csp_2023`, "Update Owner (if different)" → `update_owner_if_different`).
pub fn snake_key(printed: &str) -> String {
    let mut out = String::new();
    let mut pending_sep = false;
    for ch in printed.chars() {
        let c = fold_accent(ch);
        if c.is_ascii_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    if out.is_empty() {
        out.push_str("column");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::BadLineReason;
    use crate::normalise::core_of_compact;

    #[test]
    fn field_keys_are_the_non_record_keys_in_file_order() {
        let keys = field_keys();
        // The first and last `fields` keys of data/headers.tsv.
        assert_eq!(keys.first(), Some(&"lead_department"));
        assert!(keys.contains(&"main_action_risk"));
        assert!(keys.iter().all(|k| !RECORD_KEYS.contains(k)));
        let mut seen = std::collections::HashSet::new();
        assert!(keys.iter().all(|k| seen.insert(*k)), "each key once");
        // Every key a header can map to is either a record key or listed.
        for s in header_synonyms() {
            assert!(RECORD_KEYS.contains(&s.key) || keys.contains(&s.key));
        }
    }

    /// Every data line of `data/headers.tsv`, as written.
    fn header_lines() -> Vec<[&'static str; 3]> {
        Reader::new(load::HEADERS)
            .rows::<3>()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn headers_match_through_wrapping_years_and_months() {
        assert_eq!(match_header("ID").map(|m| m.key), Some("id"));
        assert_eq!(
            match_header("WHAT WILL WE DO IN 2023?").map(|m| m.key),
            Some("description")
        );
        assert_eq!(
            match_header("December Status vs By When").map(|m| m.key),
            Some("status")
        );
        assert_eq!(
            match_header("Status (Decemb er 2023)").map(|m| m.key),
            Some("status")
        );
        assert_eq!(
            match_header("December Revised date if delayed").map(|m| m.key),
            Some("revised_due")
        );
        assert_eq!(
            match_header("Update (Initial and Date)(December 2023)").map(|m| m.key),
            Some("commentary")
        );
        assert_eq!(
            match_header("Update Owne r (if different)").map(|m| m.key),
            Some("update_owner")
        );
        assert_eq!(match_header("CSP Ref").map(|m| m.key), Some("id"));
        assert_eq!(match_header("REF #").map(|m| m.key), Some("id"));
        assert_eq!(match_header("CSP 2023"), None);
        assert_eq!(match_header("Colour of the sky"), None);
    }

    /// The old way of matching exactly: the core as a string, looked up.
    fn exact_by_core(c: &str) -> Option<&'static str> {
        if c.is_empty() || c.len() > header_compact_max_len() {
            return None;
        }
        let core = core_of_compact(c.to_string());
        let &i = synonym_index().get(core.as_str())?;
        header_synonyms().get(i).map(|s| s.key)
    }

    /// Pieces printed headers are made of, including broken month names
    /// and years that only form when pieces are joined.
    const PIECES: [&str; 40] = [
        "",
        "status",
        "decembe",
        "r",
        "2023",
        "20",
        "23",
        "update",
        "initialanddate",
        "january",
        "jan",
        "uary",
        "ma",
        "y",
        "june",
        "jun",
        "e",
        "ref",
        "csp",
        "no",
        "id",
        "september",
        "sep",
        "t",
        "ember",
        "due",
        "date",
        "lead",
        "service",
        "the",
        "council",
        "and",
        "march",
        "x",
        "d",
        "ecember",
        "ovember",
        "an",
        "ugust",
        "ctober",
    ];

    #[test]
    fn exact_header_match_agrees_with_core_lookup() {
        assert!(header_compact_max_len() < 256);
        for a in PIECES {
            for b in PIECES {
                for c in PIECES {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(
                        match_header_exact_compact(&s).map(|m| m.key),
                        exact_by_core(&s),
                        "{s}"
                    );
                }
            }
        }
        for [key, _, header] in header_lines() {
            let c = compact(header);
            assert_eq!(
                match_header_exact_compact(&c).map(|m| m.key),
                exact_by_core(&c)
            );
            if !c.is_empty() && c.len() <= header_compact_max_len() {
                assert!(exact_by_core(&c).is_some(), "{key} {header}");
            }
        }
    }

    #[test]
    fn run_pruning_never_drops_a_match() {
        // Whenever a run is ruled out, no extension of it matches.
        let mut runs = Vec::new();
        for a in PIECES {
            for b in PIECES {
                runs.push(format!("{a}{b}"));
            }
        }
        let mut pruned = 0;
        for run in &runs {
            if header_run_may_match(run) {
                continue;
            }
            pruned += 1;
            for b in PIECES {
                for c in PIECES {
                    let s = format!("{run}{b}{c}");
                    assert_eq!(exact_by_core(&s), None, "{run} + {b}{c}");
                }
            }
        }
        assert!(pruned > 100, "{pruned}");
        // Every prefix of a printed header may still match.
        for [key, _, header] in header_lines() {
            let c = compact(header);
            if c.len() > header_compact_max_len() {
                continue;
            }
            for k in 0..=c.len() {
                let p = c.get(..k).unwrap_or("");
                assert!(header_run_may_match(p), "{header}: {p}");
                assert!(header_run_may_match_key(p, key), "{header}: {p}");
            }
        }
        // Broken month names at a run's end keep it open.
        assert!(header_run_may_match("statusdecembe"));
        assert!(header_run_may_match("updateinitialanddatejan"));
        assert!(!header_run_may_match("sep23"));
    }

    #[test]
    fn snake_keys_keep_printed_words() {
        assert_eq!(snake_key("CSP 2023"), "csp_2023");
        assert_eq!(
            snake_key("  Island Wellbeing — Outcomes "),
            "island_wellbeing_outcomes"
        );
    }

    #[test]
    fn header_lines_that_do_not_parse_are_reported() {
        let loaded = load_headers(DataFile {
            name: "headers.tsv",
            text: "id\t-\tRef\nLead Service\t-\tLead\nid\tproject\tNo\ndue\t-\tJune 2023\n\
                   id\tprojects\tREF #\nstatus\t-\t\n",
        });
        assert_eq!(loaded.value.len(), 1);
        use BadLineReason::*;
        assert_eq!(
            loaded.reasons(),
            [
                (
                    2,
                    Invalid {
                        field: "key",
                        value: "Lead Service".into(),
                        why: "is not a snake_case key"
                    }
                ),
                (
                    3,
                    Unknown {
                        field: "table kind",
                        value: "project".into()
                    }
                ),
                (
                    4,
                    Invalid {
                        field: "header",
                        value: "June 2023".into(),
                        why: "has no letters or digits besides years and month names"
                    }
                ),
                (5, Conflicting { first_line: 1 }),
                (6, Empty { field: "header" }),
            ]
        );
    }
}
