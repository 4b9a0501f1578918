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
    let core = core_of_compact(compact.to_string());
    let &i = synonym_index().get(core.as_str())?;
    let s = header_synonyms().get(i)?;
    Some(HeaderMatch {
        key: s.key,
        table_kind: s.table_kind,
        score: 1.0,
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

/// Synonym cores → the first synonym with that core.
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

/// True when a header label (or a cell that is only a unit, like `£'000`)
/// marks a table of money.
pub fn is_financial_marker(text: &str) -> bool {
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
    let c = compact(raw);
    if c.is_empty() {
        return None;
    }
    let mut best: Option<LabelPrefix> = None;
    for l in status_labels() {
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
    let c = compact(word);
    if c.is_empty() {
        return None;
    }
    role_words().get(&c).copied()
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
