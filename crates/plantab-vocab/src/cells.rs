//! What one table cell looks like: the content side of the column
//! recogniser ([`crate::columns`]).
//!
//! [`look`] reads a cell once, word by word, and says whether it is an
//! identifier (or opens with one), reads as a date, is a status label (or
//! opens with one), a RAG rating, money, a number, a yes/no answer, a
//! frequency, owner-like (organisation or role words, initials), and how
//! long it is. Shapes are told by their form, never by a list of prefixes
//! or a document's own ids; the words that help (seasons, "TBC", RAG words,
//! frequencies) live in `data/cell_words.tsv`, and owner words come from
//! `data/owner_words.tsv` and `data/role_words.tsv`.
//!
//! Everything here is a linear scan of the cell's first words: the
//! recogniser runs it on every cell of every table.

use crate::load::{self, DataFile, Loaded, Reader, TableReport};
use crate::normalise::{compact, month_number};
use crate::statuses::status_label_prefix;
use plantab_model::StatusCode;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The words of a cell looked at (more says nothing new about its kind).
const WORDS_LOOKED_AT: usize = 24;

/// Cells with this many words or more are prose.
pub const PROSE_WORDS: usize = 8;

/// A class of word from `data/cell_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellWord {
    /// A season ("Spring").
    Season,
    /// A word placing a date within a period ("late", "end", "by").
    Part,
    /// A date not fixed yet ("TBC").
    Tbc,
    /// A date with no end ("Ongoing").
    Ongoing,
    /// How often ("Annual", "Quarterly").
    Frequency,
    /// A RAG rating word ("Amber").
    Rag,
    /// A yes/no answer.
    YesNo,
    /// A body that owns actions ("Division", "Branch", "Agency").
    Body,
}

fn cell_words() -> &'static Loaded<HashMap<String, CellWord>> {
    static CELL: OnceLock<Loaded<HashMap<String, CellWord>>> = OnceLock::new();
    CELL.get_or_init(|| load_cell_words(load::CELL_WORDS))
}

/// Reads a cell-word table: word (compared on its [`compact`] form),
/// class.
fn load_cell_words(file: DataFile) -> Loaded<HashMap<String, CellWord>> {
    let mut r = Reader::new(file);
    let mut out = HashMap::new();
    for row in r.rows::<2>() {
        let [word, class] = row.fields;
        let kind = match class {
            "season" => CellWord::Season,
            "part" => CellWord::Part,
            "tbc" => CellWord::Tbc,
            "ongoing" => CellWord::Ongoing,
            "frequency" => CellWord::Frequency,
            "rag" => CellWord::Rag,
            "yes_no" => CellWord::YesNo,
            "body" => CellWord::Body,
            other => {
                r.unknown::<2, ()>(&row, "cell-word class", other);
                continue;
            }
        };
        let c = compact(word);
        if c.is_empty() {
            r.invalid::<2, ()>(&row, "cell word", word, "has no letters or digits");
            continue;
        }
        if r.first(&row, "", c.clone(), [class, ""]) {
            out.insert(c, kind);
        }
    }
    r.finish(out)
}

/// The cell-word table's data file and bad lines.
pub(crate) fn tables() -> [TableReport; 1] {
    [cell_words().report()]
}

/// The class of a word (compared on its [`compact`] form), if it has one.
///
/// ```
/// use plantab_vocab::{cell_word, CellWord};
/// assert_eq!(cell_word("TBC"), Some(CellWord::Tbc));
/// assert_eq!(cell_word("Amber/Red"), Some(CellWord::Rag));
/// assert_eq!(cell_word("Review"), None);
/// ```
pub fn cell_word(word: &str) -> Option<CellWord> {
    cell_words().value.get(&compact(word)).copied()
}

/// How an identifier sits in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdPlace {
    /// No identifier.
    #[default]
    None,
    /// The cell is identifiers only (`1.2`, `HSG-04`, `Action 12`, `CM P1.3`).
    Whole,
    /// The cell opens with an identifier followed by text (`1.1.1 Issue
    /// the standard`, `C1.1 – Connect …`, `1. Develop the model`).
    Leading,
}

/// How a status label sits in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusPlace {
    /// No status label.
    #[default]
    None,
    /// The cell is a status label (as a whole, or with a short tail the
    /// label rule allows: "On Track- little or no slippage").
    Whole(StatusCode),
    /// The cell opens with a status label, then a separator and more text
    /// ("Commenced. As at end of October …", "In hand – 41 of 57").
    Leading(StatusCode),
}

/// What one cell looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CellLook {
    /// Words in the cell (whitespace-separated, all of them).
    pub words: usize,
    /// Where an identifier sits in it.
    pub id: IdPlace,
    /// It reads as a date or period (`30/11/2023`, `Q2 2024`, `Summer
    /// 2012`, `late January`, `2024–25`, `TBC`, `Ongoing`).
    pub date: bool,
    /// In a date-like cell, the words of four letters or more that say
    /// nothing about the date ("Ministerial diaries Q2 2023": 2): a
    /// title that names a period, not a date. Zero when not date-like.
    pub date_text_words: usize,
    /// Where a status label sits in it.
    pub status: StatusPlace,
    /// It is a RAG rating word.
    pub rag: bool,
    /// It states an amount of money (`£2.4m`, `$112.0m`, `€5,000`).
    pub money: bool,
    /// It is one number (`1,000`, `88.4%`, `60 km`).
    pub number: bool,
    /// It is a yes/no answer.
    pub yes_no: bool,
    /// It says how often ("Annual", "Monthly ongoing").
    pub frequency: bool,
    /// It names an organisation or a role ("Department of Education",
    /// "Director of Finance", "Housing Supply Division"), or is initials
    /// or an acronym (`KK`, `HS/KK`, `DECC`).
    pub owner_like: bool,
    /// It holds no letter or digit (a bullet, a dash).
    pub punctuation: bool,
}

impl CellLook {
    /// True when the cell is prose: [`PROSE_WORDS`] words or more.
    pub fn prose(&self) -> bool {
        self.words >= PROSE_WORDS
    }
}

/// Reads a cell (see the module docs). An empty cell looks like nothing
/// (`words == 0`).
pub fn look(cell: &str) -> CellLook {
    let text = cell.trim();
    let mut out = CellLook::default();
    if text.is_empty() {
        return out;
    }
    let words: Vec<&str> = text.split_whitespace().take(WORDS_LOOKED_AT).collect();
    out.words = if words.len() < WORDS_LOOKED_AT {
        words.len()
    } else {
        text.split_whitespace().count()
    };
    out.id = id_place(&words);
    (out.date, out.date_text_words) = date_like(&words, out.words);
    out.status = status_place(text, out.words);
    let one = words.len() == 1;
    let whole_word = |w: &str| cell_word(w);
    if out.words <= 2 {
        let joined: String = words.concat();
        match whole_word(&joined) {
            Some(CellWord::Rag) => out.rag = true,
            Some(CellWord::YesNo) => out.yes_no = true,
            _ => {}
        }
    }
    // An amount, perhaps with a word or two about it ("Growth bid
    // (£2.4m)"); a sentence that mentions money is prose.
    out.money = out.words <= 6 && words.iter().any(|w| is_money(w));
    out.number = !out.money
        && words.first().is_some_and(|w| is_number(w))
        && (one || (words.len() == 2 && words.get(1).is_some_and(|u| is_unit_word(u))));
    out.frequency = out.words <= 6
        && words
            .first()
            .is_some_and(|w| whole_word(w) == Some(CellWord::Frequency));
    // A name: short, capitalised, with a body or role word ("Housing
    // Supply Division", "Director of Finance"), or initials.
    out.owner_like = out.words <= OWNER_WORDS_MAX
        && out.id == IdPlace::None
        && !out.date
        && text.chars().next().is_some_and(|c| c.is_uppercase())
        && (words.iter().any(|w| is_owner_word(w)) || initials(&words));
    out.punctuation = !text.chars().any(char::is_alphanumeric);
    out
}

/// Words an owner's name runs to at most ("Kānoa – Regional Economic
/// Development & Investment Unit").
const OWNER_WORDS_MAX: usize = 9;

/// A word ending an amount with a unit ("60 km", "12 days", "3 sites").
fn is_unit_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty() && w.len() <= 8 && w.chars().all(char::is_alphabetic)
}

/// One number: digits with `,` `.` and an optional sign, `%` or brackets.
fn is_number(w: &str) -> bool {
    let t = w.trim_matches(|c: char| matches!(c, '(' | ')' | '+' | '-' | '–' | '%' | '~' | '≈'));
    let mut digits = 0;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, ',' | '.') {
            return false;
        }
    }
    digits > 0
}

/// A currency sign next to a figure, or a figure with a money suffix after
/// a sign (`£2.4m`, `($112.0m`, `€5,000`, `£'000`).
fn is_money(w: &str) -> bool {
    let t = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '.'));
    let Some(first) = t.chars().next() else {
        return false;
    };
    let signed = matches!(first, '£' | '$' | '€' | '¥');
    let rest: &str = if signed {
        t.get(first.len_utf8()..).unwrap_or("")
    } else {
        // "A$12m", "NZ$4m", "C$2bn", "US$5m"
        match t.split_once('$') {
            Some((pre, post)) if pre.len() <= 2 && pre.chars().all(|c| c.is_ascii_uppercase()) => {
                post
            }
            _ => return false,
        }
    };
    rest.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '\'')
}

/// An organisation, body or role word (owner and role word tables).
fn is_owner_word(w: &str) -> bool {
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.len() < 2 {
        return false;
    }
    cell_word(bare) == Some(CellWord::Body)
        || crate::words::owner_word_end(bare).is_some()
        || crate::words::role_word(bare).is_some_and(|r| r.officer || r.political)
}

/// Initials or acronyms only: every word 2–5 letters with an upper-case
/// start and more capitals than not (`KK`, `HS/KK`, `JTe`, `DECC`), or
/// "All" — the owner column of a small action log.
fn initials(words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 3 {
        return false;
    }
    words.iter().all(|w| {
        w.split(['/', ',', '&', '+'])
            .filter(|p| !p.is_empty())
            .all(|p| {
                let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                let upper = p.chars().filter(|c| c.is_uppercase()).count();
                p.chars().all(char::is_alphabetic)
                    && (2..=5).contains(&letters)
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && upper * 2 > letters
            })
            || w.eq_ignore_ascii_case("all")
    })
}

/// Where a status label sits in a cell: the vocabulary's label rule
/// ([`status_label_prefix`]) on the cell's start; a whole label (nothing
/// but punctuation after it, or at most a few words the label rule takes
/// in) is [`StatusPlace::Whole`], a label followed by a separator (`.`,
/// `–`, `-`, `:`, `;`, `,`, `(`, `[`) and more text is
/// [`StatusPlace::Leading`]. A label followed directly by more words
/// ("Complete 4,500 homes", "Late Spring 2011") is no status: it is a
/// sentence that starts with the word.
fn status_place(text: &str, words: usize) -> StatusPlace {
    // A label is a few words: look at the cell's first 80 characters.
    let head: String = text.chars().take(80).collect();
    let Some(p) = status_label_prefix(&head) else {
        return StatusPlace::None;
    };
    if !p.whole {
        // A clipped label is a whole cell cut at its edge.
        return if words <= 4 {
            StatusPlace::Whole(p.code)
        } else {
            StatusPlace::None
        };
    }
    // Where the label ends in the printed text: after `p.len` letters and
    // digits.
    let mut seen = 0usize;
    let mut end = head.len();
    for (i, c) in head.char_indices() {
        if seen == p.len {
            end = i;
            break;
        }
        if crate::normalise::fold_accent(c).is_ascii_alphanumeric() {
            seen += 1;
        }
    }
    let rest = head.get(end..).unwrap_or("").trim_start();
    let rest_full = text.get(text.len().min(end)..).unwrap_or("").trim_start();
    if rest.chars().all(|c| !c.is_alphanumeric()) && rest_full.chars().all(|c| !c.is_alphanumeric())
    {
        return StatusPlace::Whole(p.code);
    }
    match rest.chars().next() {
        Some('.' | '–' | '—' | '-' | ':' | ';' | ',' | '(' | '[' | '/') => {
            StatusPlace::Leading(p.code)
        }
        _ => StatusPlace::None,
    }
}

/// A token that is an identifier by shape: holds a digit, is made of
/// letters, digits and `.` `-` `/` `(` `)` `_`, has at most six letters
/// before its first digit (an upper-case start when it starts with a
/// letter), and is not a year, a date, a quarter, a half, a fiscal year or
/// an amount.
pub fn is_id_token(tok: &str) -> bool {
    let t = tok.trim_end_matches(['.', ':', ',', ';']);
    let t = t
        .strip_suffix(')')
        .filter(|s| !s.contains('('))
        .unwrap_or(t);
    if t.is_empty() || t.chars().count() > 18 {
        return false;
    }
    let mut digits = 0usize;
    let mut letters_before = 0usize;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphabetic() {
            if digits == 0 {
                letters_before += 1;
            }
        } else if !matches!(c, '.' | '-' | '/' | '(' | ')' | '_' | '‐' | '–') {
            return false;
        }
    }
    if digits == 0 || letters_before > 6 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if first.is_alphabetic() && !first.is_uppercase() {
        return false;
    }
    !(is_year(t) || is_numeric_date(t) || is_period_code(t) || is_number_not_id(t))
}

/// A number that is a figure rather than a row number: more than four
/// digits, or a decimal with grouping (`1,000`, `12,345.6`).
fn is_number_not_id(t: &str) -> bool {
    t.chars().all(|c| c.is_ascii_digit() || c == ',')
        && (t.contains(',') || t.chars().filter(char::is_ascii_digit).count() > 4)
}

/// `Q1`…`Q4`, `H1`, `H2`, `FY2024`, `FY24`, `Q4-18`.
fn is_period_code(t: &str) -> bool {
    let u = t.to_ascii_uppercase();
    let b = u.as_bytes();
    match b {
        [b'Q', b'1'..=b'4', rest @ ..] | [b'H', b'1'..=b'2', rest @ ..] => {
            rest.is_empty() || rest.first().is_some_and(|c| matches!(c, b'-' | b'/'))
        }
        [b'F', b'Y', rest @ ..] => rest
            .iter()
            .all(|c| c.is_ascii_digit() || *c == b'/' || *c == b'-'),
        _ => false,
    }
}

/// A year (`2024`) or a span of years (`2024-25`, `2023/24`, `2012–2013`).
pub fn is_year(t: &str) -> bool {
    let mut parts = t.split(['-', '/', '–', '‐']);
    let Some(first) = parts.next() else {
        return false;
    };
    let year4 = |s: &str| {
        s.len() == 4
            && s.chars().all(|c| c.is_ascii_digit())
            && (s.starts_with("19") || s.starts_with("20"))
    };
    if !year4(first) {
        return false;
    }
    match (parts.next(), parts.next()) {
        (None, _) => true,
        (Some(second), None) => {
            year4(second) || (second.len() == 2 && second.chars().all(|c| c.is_ascii_digit()))
        }
        _ => false,
    }
}

/// A numeric date: day, month and a two- or four-digit year separated by
/// `/`, `.` or `-` (`11.01.11`, `30/11/2023`, `19-05-2011`), or a
/// four-digit year first (`2023-11-30`).
fn is_numeric_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['/', '.', '-', '‐']).collect();
    let [a, b, c] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(c)) else {
        return false;
    };
    if a.len() == 4 {
        return (1..=12).contains(&y) && (1..=31).contains(&z);
    }
    let year_ok = c.len() == 2 || (c.len() == 4 && (c.starts_with("19") || c.starts_with("20")));
    let day_month = (1..=31).contains(&x) && (1..=12).contains(&y);
    let month_day = (1..=12).contains(&x) && (1..=31).contains(&y);
    year_ok && (day_month || month_day) && a.len() <= 2 && b.len() <= 2 && z < 10000
}

/// An identifier phrase word: capitalised letters ("Action", "Goal").
fn is_phrase_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.len() <= 14
        && chars.all(|c| c.is_alphabetic())
}

/// A phrase number: 1–3 digits and an optional letter ("12", "36a").
fn is_phrase_number(w: &str) -> bool {
    let t = w.trim_end_matches(['.', ':']);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t.len() - digits <= 1
        && t.chars().skip(digits).all(char::is_alphabetic)
}

/// Where an identifier sits among a cell's words.
fn id_place(words: &[&str]) -> IdPlace {
    let Some(&first) = words.first() else {
        return IdPlace::None;
    };
    // How many leading words the identifier takes.
    let mut used = 0usize;
    if is_id_token(first) {
        used = 1;
    } else if let (true, Some(&second)) = (is_phrase_word(first), words.get(1)) {
        // "Action 12", "Commitment 3"; an upper-case prefix word before a
        // code ("CM P1.3").
        let prefix = first.len() <= 5 && first.chars().all(|c| c.is_ascii_uppercase());
        if is_phrase_number(second) || (prefix && is_id_token(second)) {
            used = 2;
        }
    }
    if used == 0 {
        return IdPlace::None;
    }
    // Further identifiers after the first ("P1.3 Quick Win 4" is an id and
    // an alias) count as part of it.
    let mut i = used;
    while let Some(&w) = words.get(i) {
        if is_id_token(w) {
            i += 1;
        } else {
            break;
        }
    }
    let rest = words.get(i..).unwrap_or(&[]);
    let rest_is_text = rest.iter().any(|w| w.chars().any(|c| c.is_alphanumeric()));
    if rest_is_text {
        IdPlace::Leading
    } else {
        IdPlace::Whole
    }
}

/// The cell reads as a date or period: at most twelve words, one of them a
/// month name or abbreviation (with or without a year: `May‐2011`,
/// `23-Mar`, `late January`), a season, a quarter or half, a fiscal year,
/// a year or span of years, or a numeric date; or the cell is only "TBC"
/// or "Ongoing"-like words. A frequency on its own ("Annual") is not a
/// date. Also returns, for a date-like cell, how many of its other words
/// have four letters or more (see [`CellLook::date_text_words`]).
fn date_like(words: &[&str], n: usize) -> (bool, usize) {
    if n == 0 || n > 12 {
        return (false, 0);
    }
    let mut dated = false;
    let mut loose = 0usize;
    let mut text_words = 0usize;
    for w in words {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        if is_year(bare) || is_numeric_date(bare) || is_period_code(bare) {
            dated = true;
            continue;
        }
        // "Mar-2011", "June-12", "23-Mar", "May‐2011"
        if bare
            .split(['-', '‐', '–', '/'])
            .any(|p| month_number(p, true).is_some())
        {
            dated = true;
            continue;
        }
        match cell_word(bare) {
            Some(CellWord::Season) => dated = true,
            Some(CellWord::Tbc | CellWord::Ongoing) => loose += 1,
            Some(_) => {}
            None => {
                if bare.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                    text_words += 1;
                }
            }
        }
    }
    let date = dated || (loose > 0 && n <= 3);
    (date, if date { text_words } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatusCode::*;

    #[test]
    fn identifiers_by_shape() {
        for id in [
            "1.2", "P3.2", "OC.A2.1", "HSG-04", "1.1.0", "3.1.1.1", "T1.1", "A1.3(b)", "ED-1",
            "WP1.1", "RT-1.1", "12", "1.", "C1.1", "KA1", "B.61",
        ] {
            assert!(is_id_token(id), "{id}");
            assert_eq!(look(id).id, IdPlace::Whole, "{id}");
        }
        for not in [
            "2024",
            "2024-25",
            "11.01.11",
            "30/11/2023",
            "Q2",
            "FY2024",
            "£2.4m",
            "1,000",
            "1636231",
            "issue",
            "mar-24",
        ] {
            assert!(!is_id_token(not), "{not}");
        }
        assert_eq!(look("Action 12").id, IdPlace::Whole);
        assert_eq!(look("CM P1.3").id, IdPlace::Whole);
        assert_eq!(look("1.1.1 Issue the data standard").id, IdPlace::Leading);
        assert_eq!(look("C1.1 – Connect 98% of homes").id, IdPlace::Leading);
        assert_eq!(look("1. Develop the benefits model").id, IdPlace::Leading);
        assert_eq!(look("Develop the benefits model").id, IdPlace::None);
        assert_eq!(look("Goal 1: Every community").id, IdPlace::Leading);
    }

    #[test]
    fn dates_by_shape() {
        for d in [
            "30/11/2023",
            "Q2 2024",
            "Summer 2012",
            "late January",
            "2024–25",
            "TBC",
            "Ongoing",
            "May‐2011",
            "23-Mar",
            "FY2024 Q2",
            "End of FY 2024",
            "September 30, 2024",
            "Fall 2024",
            "11.01.11",
        ] {
            assert!(look(d).date, "{d}");
        }
        for not in [
            "Annual",
            "Department of Education",
            "Yes",
            "Complete the survey",
        ] {
            assert!(!look(not).date, "{not}");
        }
        // Dates with words about them, and titles that name a period.
        assert_eq!(look("In place by March 2014").date_text_words, 1);
        let title = look("Ministerial diaries Q2 2023");
        assert!(title.date);
        assert_eq!(title.date_text_words, 2);
        assert_eq!(look("Complete the survey").date_text_words, 0);
    }

    #[test]
    fn statuses_whole_leading_and_sentences() {
        assert_eq!(look("On track").status, StatusPlace::Whole(OnTrack));
        assert_eq!(look("Complete").status, StatusPlace::Whole(Complete));
        assert_eq!(
            look("Underway – on track. Agreements signed with all provinces").status,
            StatusPlace::Leading(OnTrack)
        );
        assert_eq!(
            look("Complete. Published in May.").status,
            StatusPlace::Leading(Complete)
        );
        assert_eq!(
            look("Complete 4,500 homes in year").status,
            StatusPlace::None
        );
        assert_eq!(look("Publish the map").status, StatusPlace::None);
    }

    #[test]
    fn rag_money_numbers_owners() {
        assert!(look("Amber/Red").rag);
        assert!(look("Green").rag);
        assert!(look("$112.0m (2022–23 Budget)").money);
        assert!(look("Growth bid (£2.4m)").money);
        assert!(!look("Growth bid").money);
        assert!(look("88.4%").number);
        assert!(look("60 km").number);
        assert!(look("1,000").number);
        assert!(look("Department of Education").owner_like);
        assert!(look("Director of Finance (s151 Officer)").owner_like);
        assert!(look("HS/KK").owner_like);
        assert!(look("DECC").owner_like);
        assert!(look("All").owner_like);
        assert!(!look("Publish the map of premises").owner_like);
        assert!(look("Annual").frequency);
        assert!(look("Y").yes_no);
    }
}
