//! # plantab-vocab
//!
//! The vocabularies plantab matches printed text against, kept as data
//! tables (`data/*.tsv`, compiled in) rather than code: column-header
//! synonyms → canonical keys, status labels → [`StatusCode`]s, record-type
//! words, and title phrases → [`DocumentKind`]. A new document of a known
//! family with other wording needs a new line in a table, not new code.
//!
//! Matching works on a *compact* form of the text (see [`compact`]): lower
//! case letters and digits only. That makes it blind to the things page
//! layout does to labels — wrapping, hyphen breaks ("Decemb / er"),
//! spacing and punctuation — while staying exact enough to tell
//! "CSP 2023" from "CSP Ref".

#![warn(missing_docs)]

use plantab_model::{DocumentKind, StatusCode, TableKind};
use std::collections::HashMap;
use std::sync::OnceLock;

pub mod tracker;
pub use tracker::{
    column_keys, column_kind, date_word, joining_word, ColumnHolds, ColumnKind, DateRole,
    DateWordKind, JoiningWord,
};

const HEADERS_TSV: &str = include_str!("../data/headers.tsv");
const STATUSES_TSV: &str = include_str!("../data/statuses.tsv");
const RECORD_TYPES_TSV: &str = include_str!("../data/record_types.tsv");
const DOCUMENT_KINDS_TSV: &str = include_str!("../data/document_kinds.tsv");
const SECTION_KINDS_TSV: &str = include_str!("../data/section_kinds.tsv");
const OWNER_WORDS_TSV: &str = include_str!("../data/owner_words.tsv");
const FINANCIAL_MARKERS_TSV: &str = include_str!("../data/financial_markers.tsv");

/// Month names, January first, as matched in headers and dates.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Lower-case letters and digits of `s`, everything else dropped
/// (accents folded for the common Latin-1 letters).
///
/// ```
/// assert_eq!(plantab_vocab::compact("Status (Decemb\ner 2023)"), "statusdecember2023");
/// ```
pub fn compact(s: &str) -> String {
    if s.is_ascii() {
        // Fast path: no accents to fold, one byte per char, one allocation.
        let mut out = String::with_capacity(s.len());
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = fold_accent(ch);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Appends the [`compact`] form of `s` to `out` (no allocation beyond
/// `out` growing): `compact(a) + compact(b)` is the compact form of `a`
/// and `b` joined by any spacing or punctuation.
pub fn compact_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // Through a small buffer: pushing a few ASCII bytes at a time is
        // cheaper than pushing chars one by one.
        let mut buf = [0u8; 32];
        let mut n = 0;
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            if let Some(x) = buf.get_mut(n) {
                *x = b.to_ascii_lowercase();
                n += 1;
            } else {
                out.push_str(std::str::from_utf8(&buf).unwrap_or_default());
                buf[0] = b.to_ascii_lowercase();
                n = 1;
            }
        }
        out.push_str(std::str::from_utf8(buf.get(..n).unwrap_or_default()).unwrap_or_default());
        return;
    }
    out.extend(compact_chars(s));
}

/// The characters of [`compact`]`(s)`, one by one, without building the
/// string.
pub fn compact_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(|ch| {
        let c = fold_accent(ch);
        c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
    })
}

fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => c,
    }
}

/// The compact form of a header with years and month names removed, so
/// "December Status vs By When" and "Status (January 2024)" both reduce to
/// their column meaning.
pub fn header_core(s: &str) -> String {
    core_of_compact(compact(s))
}

/// [`header_core`] of text already in [`compact`] form.
fn core_of_compact(mut c: String) -> String {
    if has_month(&c) {
        for m in MONTHS {
            if c.contains(m) {
                c = c.replace(m, "");
            }
        }
    }
    if c.bytes().any(|b| b.is_ascii_digit()) {
        strip_years(&c)
    } else {
        c
    }
}

/// Whether compact text holds a month name: one pass, looking at the
/// letters a month name can start with.
fn has_month(c: &str) -> bool {
    let b = c.as_bytes();
    b.iter().enumerate().any(|(i, &ch)| {
        matches!(ch, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
            && b.get(i..).is_some_and(|rest| {
                MONTHS
                    .iter()
                    .any(|m| m.as_bytes().first() == Some(&ch) && rest.starts_with(m.as_bytes()))
            })
    })
}

/// The month-name removal of [`core_of_compact`] (each month in turn,
/// every occurrence left to right, as `str::replace` does) into `buf`,
/// without allocating; `None` when `buf` is too short.
fn remove_months_into<'b>(c: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let mut n = c.len();
    buf.get_mut(..n)?.copy_from_slice(c);
    // Which months occur in buf[..n] (bit per month).
    let present = |b: &[u8]| -> u16 {
        let mut mask = 0u16;
        for (i, &ch) in b.iter().enumerate() {
            for &m in months_by_initial(ch) {
                let hit = MONTHS
                    .get(m)
                    .and_then(|name| name.as_bytes().get(1..))
                    .is_some_and(|tail| b.get(i + 1..).is_some_and(|r| starts(r, tail)));
                if hit {
                    mask |= 1 << m;
                }
            }
        }
        mask
    };
    let mut mask = present(buf.get(..n)?);
    for (k, m) in MONTHS.iter().enumerate() {
        if mask & (1 << k) == 0 {
            continue;
        }
        let m = m.as_bytes();
        let mut out = 0;
        let mut i = 0;
        while i < n {
            if buf.get(i..n).is_some_and(|r| starts(r, m)) {
                i += m.len();
            } else {
                let ch = *buf.get(i)?;
                *buf.get_mut(out)? = ch;
                out += 1;
                i += 1;
            }
        }
        n = out;
        // Removing a month can join the text around it into another.
        mask = present(buf.get(..n)?);
    }
    buf.get(..n)
}

/// [`strip_years`] into `buf`; `None` when `buf` is too short.
fn strip_years_into<'b>(b: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let is_year = i + 4 <= b.len()
            && (b.get(i..i + 2) == Some(b"19") || b.get(i..i + 2) == Some(b"20"))
            && digit(i + 2)
            && digit(i + 3)
            && (i == 0 || !digit(i - 1))
            && (i + 4 == b.len() || !digit(i + 4));
        if is_year {
            i += 4;
        } else {
            *buf.get_mut(n)? = *b.get(i)?;
            n += 1;
            i += 1;
        }
    }
    buf.get(..n)
}

fn strip_years(c: &str) -> String {
    let b = c.as_bytes();
    let mut out = String::with_capacity(c.len());
    let mut i = 0;
    while i < b.len() {
        let is_year = i + 4 <= b.len()
            && (b[i..i + 2] == *b"19" || b[i..i + 2] == *b"20")
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit());
        if is_year {
            i += 4;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

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
    static CELL: OnceLock<Vec<HeaderSynonym>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(HEADERS_TSV)
            .filter_map(|cols| {
                let [key, kind, header] = cols[..] else {
                    return None;
                };
                Some(HeaderSynonym {
                    key,
                    table_kind: parse_table_kind(kind),
                    core: header_core(header),
                })
            })
            .filter(|s| !s.core.is_empty())
            .collect()
    })
}

fn parse_table_kind(s: &str) -> Option<TableKind> {
    Some(match s {
        "actions" => TableKind::Actions,
        "projects" => TableKind::Projects,
        "legislation" => TableKind::Legislation,
        "measures" => TableKind::Measures,
        "initiatives" => TableKind::Initiatives,
        "financial" => TableKind::Financial,
        "other" => TableKind::Other,
        _ => return None,
    })
}

/// Tab-separated data lines of a vocabulary table (comments and blanks
/// skipped, cells trimmed).
fn data_lines(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Least similarity (normalised Levenshtein on compact forms) for a fuzzy
/// status match.
const STATUS_FUZZY_MIN: f64 = 0.8;

/// `strsim::normalized_levenshtein(a, b)` when it is at least `min`, else
/// `None`, without paying for the full edit distance of strings that cannot
/// reach `min`: the distance is at least the length difference, and the
/// dynamic programme stops as soon as every cell of a row exceeds the
/// largest distance that still reaches `min`. The value returned is the one
/// strsim computes (same formula, same distance). Works on chars, like
/// strsim.
fn similarity_at_least(a: &str, b: &str, min: f64) -> Option<f64> {
    let (la, lb) = if a.is_ascii() && b.is_ascii() {
        (a.len(), b.len())
    } else {
        (a.chars().count(), b.chars().count())
    };
    let longest = la.max(lb);
    if longest == 0 {
        return (1.0 >= min).then_some(1.0);
    }
    let sim_of = |d: usize| 1.0 - (d as f64) / (longest as f64);
    if sim_of(la.abs_diff(lb)) < min {
        return None;
    }
    // Largest distance whose similarity still reaches `min`.
    let mut max_d = la.abs_diff(lb);
    while max_d < longest && sim_of(max_d + 1) >= min {
        max_d += 1;
    }
    let d = levenshtein_within(a, b, max_d)?;
    let sim = sim_of(d);
    (sim >= min).then_some(sim)
}

/// The Levenshtein distance of `a` and `b` (on chars) when it is at most
/// `max_d`, else `None`.
fn levenshtein_within(a: &str, b: &str, max_d: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.is_ascii() && b.is_ascii() {
        return levenshtein_slices(a.as_bytes(), b.as_bytes(), max_d);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    levenshtein_slices(&a, &b, max_d)
}

/// [`levenshtein_within`] on slices (bytes of ASCII text, or chars).
fn levenshtein_slices<T: PartialEq>(a: &[T], b: &[T], max_d: usize) -> Option<usize> {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = i;
        let mut left = i + 1;
        let mut row_min = left;
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let cost = usize::from(*ca != *cb);
            let cur = (diag + cost).min(up + 1).min(left + 1);
            diag = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cur;
            }
            left = cur;
            row_min = row_min.min(cur);
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        if row_min > max_d {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= max_d)
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
    let core = header_core(printed);
    if core.is_empty() {
        return None;
    }
    let syns = header_synonyms();
    if let Some(s) = syns.iter().find(|s| s.core == core) {
        return Some(HeaderMatch {
            key: s.key,
            table_kind: s.table_kind,
            score: 1.0,
        });
    }
    let mut best: Option<(&HeaderSynonym, f64)> = None;
    for s in syns {
        let Some(sim) = similarity_at_least(&core, &s.core, HEADER_FUZZY_MIN) else {
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

/// `h.starts_with(n)` for the short byte strings of month and core
/// matching, compared in line (no library call).
fn starts(h: &[u8], n: &[u8]) -> bool {
    h.len() >= n.len() && h.iter().zip(n).all(|(a, b)| a == b)
}

/// Month names by their first letter (indices into [`MONTHS`]).
fn months_by_initial(c: u8) -> &'static [usize] {
    match c {
        b'j' => &[0, 5, 6],
        b'f' => &[1],
        b'm' => &[2, 4],
        b'a' => &[3, 7],
        b's' => &[8],
        b'o' => &[9],
        b'n' => &[10],
        b'd' => &[11],
        _ => &[],
    }
}

/// Where the first month name in compact text starts.
fn first_month_at(b: &[u8]) -> Option<usize> {
    (0..b.len()).find(|&i| {
        let Some((&c, rest)) = b.get(i..).and_then(<[u8]>::split_first) else {
            return false;
        };
        months_by_initial(c).iter().any(|&m| {
            MONTHS
                .get(m)
                .and_then(|m| m.as_bytes().get(1..))
                .is_some_and(|tail| starts(rest, tail))
        })
    })
}

/// The shortest prefix of `b` (no month name in it) that month names
/// completed by appended text can cut it down to: a month whose start is a
/// suffix of the remaining prefix removes that suffix, and then, since
/// months are removed one name after the other in calendar order (each
/// name once over the text), only a later month can cut again.
fn month_spill_floor(b: &[u8]) -> usize {
    const MAX: usize = 256;
    if b.len() >= MAX {
        return 0;
    }
    // Per position reached: the first month index that may still cut
    // there (lower allows more), or `NONE`.
    const NONE: u8 = u8::MAX;
    let mut from = [NONE; MAX];
    let mut todo: Vec<usize> = Vec::new();
    let mut floor = b.len();
    let mut q = b.len();
    let mut first = 0u8;
    loop {
        floor = floor.min(q);
        // A suffix b[p..q] that is a proper prefix of month m (m >= first).
        for p in q.saturating_sub(8)..q {
            let Some(&c) = b.get(p) else { continue };
            for &m in months_by_initial(c) {
                let cuts = m >= usize::from(first)
                    && MONTHS.get(m).is_some_and(|name| {
                        name.len() > q - p
                            && b.get(p..q).is_some_and(|s| starts(name.as_bytes(), s))
                    });
                let next = m as u8 + 1;
                if let Some(best) = from.get_mut(p).filter(|best| cuts && next < **best) {
                    *best = next;
                    todo.push(p);
                }
            }
        }
        let Some(p) = todo.pop() else { break };
        q = p;
        first = from.get(p).copied().unwrap_or(NONE);
    }
    floor
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

struct StatusLabel {
    code: StatusCode,
    compact: String,
}

fn status_labels() -> &'static [StatusLabel] {
    static CELL: OnceLock<Vec<StatusLabel>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut v: Vec<StatusLabel> = data_lines(STATUSES_TSV)
            .filter_map(|cols| {
                let [code, label] = cols[..] else {
                    return None;
                };
                Some(StatusLabel {
                    code: StatusCode::from_name(code)?,
                    compact: compact(label),
                })
            })
            .filter(|s| !s.compact.is_empty())
            .collect();
        // Longest first, so "on track little or no slippage" wins over "on track".
        v.sort_by_key(|s| std::cmp::Reverse(s.compact.len()));
        v
    })
}

/// Maps a printed status label (possibly wrapped, hyphen-broken, clipped
/// or misspelt) to its code; `None` when nothing matches.
///
/// A label matches when the printed text starts with it (compact forms), or
/// when the printed text is a clipped prefix of a label at least 8
/// characters long, or when it is within a small edit distance of a label
/// or of a label-length prefix of the text.
pub fn status_code(raw: &str) -> Option<StatusCode> {
    let c = compact(raw);
    if c.is_empty() {
        return None;
    }
    let labels = status_labels();
    if let Some(l) = labels.iter().find(|l| c.starts_with(&l.compact)) {
        // "N/A" must be the whole text, not the start of "NAtional …".
        if l.compact.len() > 3 || c.len() == l.compact.len() {
            return Some(l.code);
        }
    }
    if c.len() >= 8 {
        if let Some(l) = labels.iter().find(|l| l.compact.starts_with(&c)) {
            return Some(l.code);
        }
    }
    let mut best: Option<(StatusCode, f64)> = None;
    for l in labels.iter().filter(|l| l.compact.len() >= 5) {
        // `c` is ASCII (compact), so its first label-length chars are bytes.
        let head = c.get(..l.compact.len()).unwrap_or(&c);
        let sim = match (
            similarity_at_least(head, &l.compact, STATUS_FUZZY_MIN),
            similarity_at_least(&c, &l.compact, STATUS_FUZZY_MIN),
        ) {
            (Some(a), Some(b)) => a.max(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => continue,
        };
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((l.code, sim));
        }
    }
    best.map(|(code, _)| code)
}

fn record_types() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(RECORD_TYPES_TSV)
            .filter_map(|cols| cols.first().map(|s| compact(s)))
            .filter(|s| !s.is_empty())
            .collect()
    })
}

/// True when `s` is a record-type value ("Project", "Business as usual",
/// "Programme" …).
pub fn is_record_type(s: &str) -> bool {
    let c = compact(s);
    !c.is_empty() && record_types().contains(&c)
}

fn document_kinds() -> &'static [(DocumentKind, String)] {
    static CELL: OnceLock<Vec<(DocumentKind, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        data_lines(DOCUMENT_KINDS_TSV)
            .filter_map(|cols| {
                let [kind, phrase] = cols[..] else {
                    return None;
                };
                let kind = match kind {
                    "progress_report" => DocumentKind::ProgressReport,
                    "delivery_plan" => DocumentKind::DeliveryPlan,
                    "business_plan" => DocumentKind::BusinessPlan,
                    "annual_report" => DocumentKind::AnnualReport,
                    "improvement_tracker" => DocumentKind::ImprovementTracker,
                    _ => return None,
                };
                Some((kind, phrase.to_ascii_lowercase()))
            })
            .collect()
    })
}

/// The document kind a title phrase names ("2023 Delivery Plan Progress
/// Report" → progress report), by the first phrase of the table found in
/// `text`, case-insensitively.
pub fn document_kind_of(text: &str) -> Option<DocumentKind> {
    let lower = text.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    document_kinds()
        .iter()
        .find(|(_, phrase)| lower.contains(phrase.as_str()))
        .map(|(k, _)| *k)
}

/// The table kind a section heading names ("Departmental Initiatives" →
/// initiatives), by the first entry of the section-kind table whose word
/// starts a word of `heading`.
pub fn section_table_kind(heading: &str) -> Option<TableKind> {
    static CELL: OnceLock<Vec<(TableKind, String)>> = OnceLock::new();
    let table = CELL.get_or_init(|| {
        data_lines(SECTION_KINDS_TSV)
            .filter_map(|cols| {
                let [kind, word] = cols[..] else {
                    return None;
                };
                Some((parse_table_kind(kind)?, word.to_lowercase()))
            })
            .collect()
    });
    let words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    table
        .iter()
        .find(|(_, w)| words.iter().any(|hw| hw.starts_with(w.as_str())))
        .map(|(k, _)| *k)
}

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

#[cfg(test)]
mod financial_marker_tests {
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

/// The 1-based month whose name (or a 3-letter abbreviation, when `allow_abbrev`)
/// `word` is, case-insensitively.
pub fn month_number(word: &str, allow_abbrev: bool) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (allow_abbrev && (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        })
        .map(|i| i as u32 + 1)
}

/// How a status label starts a printed text (see [`status_label_prefix`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelPrefix {
    /// The label's code.
    pub code: StatusCode,
    /// Compact characters of the text the label covers.
    pub len: usize,
    /// True when the whole label was matched, false for a clipped label
    /// (the text agrees with the label's start only).
    pub whole: bool,
}

/// The longest run of `raw` (compact form) that a status label covers.
///
/// A label counts when `raw` starts with the whole label, or when at least
/// 8 characters of `raw` agree with the start of a longer label (a label
/// clipped or followed by other text: "Medium Progress- actual/ projected
/// slippage of 1-2 Discussions …" covers 41 characters of the long
/// medium-progress label). Callers use the length to find where a printed
/// label ends inside running text. `None` when no label starts `raw`.
///
/// ```
/// use plantab_model::StatusCode;
/// let p = plantab_vocab::status_label_prefix("Complete complete").unwrap();
/// assert_eq!((p.code, p.len, p.whole), (StatusCode::Complete, 8, true));
/// ```
pub fn status_label_prefix(raw: &str) -> Option<LabelPrefix> {
    status_label_prefix_compact(&compact(raw))
}

/// [`status_label_prefix`] of text already in [`compact`] form (a caller
/// trying many runs of words builds their compact forms word by word).
/// Only the first [`status_label_max_len`] characters of `c` matter.
pub fn status_label_prefix_compact(c: &str) -> Option<LabelPrefix> {
    let &b0 = c.as_bytes().first()?;
    // Labels with another first character share nothing with `c` (a label
    // covers at least its first character): only those starting with its
    // first character are compared, in order.
    let labels = status_labels();
    let mut best: Option<LabelPrefix> = None;
    for l in status_labels_by_first()
        .get(usize::from(b0))
        .into_iter()
        .flatten()
        .filter_map(|&i| labels.get(i))
    {
        let lcp = c
            .bytes()
            .zip(l.compact.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let whole = lcp == l.compact.len();
        let better = best.is_none_or(|b| lcp > b.len || (lcp == b.len && whole && !b.whole));
        if (whole || lcp >= 8) && better {
            best = Some(LabelPrefix {
                code: l.code,
                len: lcp,
                whole,
            });
        }
    }
    best
}

/// True when some status label's [`compact`] form starts with `prefix`
/// (non-empty, compact). A printed label can only begin at a word whose
/// compact form is such a prefix (see [`status_label_prefix`]: a clipped
/// or whole label must take at least the whole first word).
///
/// ```
/// assert!(plantab_vocab::is_status_label_start("ontrack"));
/// assert!(!plantab_vocab::is_status_label_start("council"));
/// ```
pub fn is_status_label_start(prefix: &str) -> bool {
    let Some(&b0) = prefix.as_bytes().first() else {
        return false;
    };
    let labels = status_labels();
    status_labels_by_first()
        .get(usize::from(b0))
        .into_iter()
        .flatten()
        .filter_map(|&i| labels.get(i))
        .any(|l| l.compact.starts_with(prefix))
}

/// Indices of the status labels (in [`status_labels`] order) by the first
/// byte of their compact form.
fn status_labels_by_first() -> &'static [Vec<usize>] {
    static BY_FIRST: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut m: Vec<Vec<usize>> = vec![Vec::new(); 256];
        for (i, l) in status_labels().iter().enumerate() {
            if let Some(v) = l
                .compact
                .as_bytes()
                .first()
                .and_then(|&b| m.get_mut(usize::from(b)))
            {
                v.push(i);
            }
        }
        m
    })
}

/// The longest status label's [`compact`] length: [`status_label_prefix`]
/// never looks further into a text.
pub fn status_label_max_len() -> usize {
    static CELL: OnceLock<usize> = OnceLock::new();
    *CELL.get_or_init(|| {
        status_labels()
            .iter()
            .map(|l| l.compact.len())
            .max()
            .unwrap_or(0)
    })
}

const ROLE_WORDS_TSV: &str = include_str!("../data/role_words.tsv");

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
    fn bounded_similarity_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "status",
            "statuss",
            "sttus",
            "ontrack",
            "ontrak",
            "completed",
            "compelted",
            "leadservice",
            "leadservic",
            "leaddepartment",
            "delayed",
            "delayedbutprogressing",
            "notstarted",
            "ïdé",
            "idé",
            "whatwillwedoin",
            "revisedtargetdate",
            "xyz",
        ];
        for a in words {
            for b in words {
                for min in [0.0, 0.5, 0.8, 0.86, 1.0] {
                    let want = strsim::normalized_levenshtein(a, b);
                    let got = similarity_at_least(a, b, min);
                    if want >= min {
                        assert_eq!(got, Some(want), "{a:?} {b:?} {min}");
                    } else {
                        assert_eq!(got, None, "{a:?} {b:?} {min}");
                    }
                }
            }
        }
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
        for (key, _, header) in data_lines(HEADERS_TSV).filter_map(|c| match c[..] {
            [k, t, h] => Some((k, t, h)),
            _ => None,
        }) {
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
        for cols in data_lines(HEADERS_TSV) {
            let [key, _, header] = cols[..] else { continue };
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
    fn status_prefix_of_compact_text_agrees() {
        for raw in [
            "On Track- little or no slippage",
            "Complete complete",
            "Medium Progress- actual/ projected slippage of 1-2 Discussions",
            "N/A",
            "assurance",
            "Not due to start",
            "",
        ] {
            assert_eq!(
                status_label_prefix(raw),
                status_label_prefix_compact(&compact(raw))
            );
        }
        let p = status_label_prefix_compact("ontracklittleornoslippage").unwrap();
        assert_eq!((p.code, p.whole), (StatusCode::OnTrack, true));
        assert!(status_label_max_len() >= p.len);
    }

    #[test]
    fn compact_into_matches_compact() {
        for s in ["Status (Decemb\ner 2023)", "Ïdé – Réf", "", "a-b c"] {
            let mut out = String::from("x");
            compact_into(s, &mut out);
            assert_eq!(out, format!("x{}", compact(s)));
            assert_eq!(compact_chars(s).collect::<String>(), compact(s));
        }
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
    fn statuses_map_through_wrapping_and_clipping() {
        use StatusCode::*;
        assert_eq!(status_code("On Track"), Some(OnTrack));
        assert_eq!(
            status_code("On Track- \nlittle or no \nslippage"),
            Some(OnTrack)
        );
        assert_eq!(
            status_code("Medium \nProgress- \nactual/ \nprojected \nslippage \nof 1-2"),
            Some(MediumProgress)
        );
        assert_eq!(
            status_code(
                "Significant \nissues / \nactual/pro\njected \nslippage- more than 2 months"
            ),
            Some(SignificantIssues)
        );
        assert_eq!(status_code("Not due \nto start"), Some(NotDueToStart));
        assert_eq!(status_code("New \nAction \nAdded"), Some(NewAction));
        assert_eq!(status_code("N/A"), Some(NotApplicable));
        assert_eq!(status_code("Delivered"), Some(Delivered));
        assert_eq!(status_code("Cancelled"), Some(Cancelled));
        assert_eq!(status_code("Deleyed"), Some(Delayed));
        assert_eq!(status_code("Nationally significant"), None);
        assert_eq!(status_code("Purple"), None);
    }

    #[test]
    fn record_types_and_document_kinds() {
        assert!(is_record_type("Business as usual"));
        assert!(is_record_type("Project"));
        assert!(!is_record_type("Local Services"));
        assert_eq!(
            document_kind_of("2023 Delivery Plan Progress Report"),
            Some(DocumentKind::ProgressReport)
        );
        assert_eq!(
            document_kind_of("Business Plan"),
            Some(DocumentKind::BusinessPlan)
        );
    }

    #[test]
    fn months() {
        assert_eq!(month_number("Dec", true), Some(12));
        assert_eq!(month_number("December", false), Some(12));
        assert_eq!(month_number("Dec", false), None);
        assert_eq!(month_number("Sept", true), Some(9));
        assert_eq!(month_number("Ma", true), None);
    }
}
