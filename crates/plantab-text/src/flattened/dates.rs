//! Dates as a tracker prints them in its date columns ("Dec-22", "22-Sep",
//! "June 2023", "Autumn 2021", "1/2/2023", "TBC", "6 monthly"): what one
//! printed word says by itself ([`DateFacts`], worked out once per distinct
//! word), and how a date begins given the word after it
//! ([`DateFacts::start`]). A leaf module (plantab-vocab only).

use plantab_vocab::{compact_chars, MONTHS};

/// How a date begins at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStart {
    /// A full date of `n` words ("Dec-22", "June 2023", "22-Sep", "Autumn 2021").
    Strong(usize),
    /// A loose period word ("TBC", "Ongoing", "Quarterly", "6 monthly") of `n` words.
    Soft(usize),
    /// A bare month name ("Feb", "July").
    Month,
}

/// What a date needs to know about one printed word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DateFacts {
    /// A full date by itself ("1/2/2023", "2024").
    whole: bool,
    /// A month with a dash and nothing after ("Dec-"): a date when a year
    /// follows.
    month_dash: bool,
    /// A dashed date by itself ("Dec-22", "22-Sep").
    dash_whole: bool,
    /// A month name or a period word ("Autumn"): a date when a year follows.
    month_or_period: bool,
    month: bool,
    soft: bool,
    /// One or two digits (or no characters left after trimming).
    small_number: bool,
    /// As the next word: two digits or a year.
    year_like: bool,
}

impl DateFacts {
    /// The facts of a printed word.
    pub(crate) fn of(text: &str) -> DateFacts {
        let w = text.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'));
        let mut f = DateFacts::default();
        if let Some((a, b)) = w.split_once('-') {
            let a_month = is_month(a);
            f.dash_whole = a_month && (is_two_digits(b) || is_year(b))
                || a.len() <= 2
                    && a.bytes().all(|x| x.is_ascii_digit())
                    && !a.is_empty()
                    && is_month(b);
            f.month_dash = a_month && b.is_empty();
        }
        f.whole = w.split('/').count() == 3
            && w.split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            || is_year(w);
        f.month = is_month(w);
        let mut buf = [0u8; 16];
        let bare = bare_small(w, &mut buf).and_then(|n| buf.get(..n));
        let word = bare.and_then(|b| std::str::from_utf8(b).ok());
        let kind = word.and_then(plantab_vocab::tracker_date_word);
        f.month_or_period = f.month || kind == Some(plantab_vocab::DateWordKind::Period);
        f.soft = kind == Some(plantab_vocab::DateWordKind::Loose);
        f.small_number = w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2;
        f.year_like = is_two_digits(w) || is_year(w);
        f
    }

    /// A dashed date by itself ("Dec-22", "22-Sep"): a date column's
    /// commonest form.
    pub(crate) fn dashed(self) -> bool {
        self.dash_whole
    }

    /// The date starting at this word, given the next word's facts.
    pub(crate) fn start(self, next: Option<DateFacts>) -> Option<DateStart> {
        let next_year = next.is_some_and(|n| n.year_like);
        if self.dash_whole {
            return Some(DateStart::Strong(1));
        }
        if self.month_dash && next_year {
            return Some(DateStart::Strong(2));
        }
        if self.whole {
            return Some(DateStart::Strong(1));
        }
        if self.month_or_period && next_year {
            return Some(DateStart::Strong(2));
        }
        if self.month {
            return Some(DateStart::Month);
        }
        if self.soft {
            return Some(DateStart::Soft(1));
        }
        if self.small_number && next.is_some_and(|n| n.soft) {
            return Some(DateStart::Soft(2));
        }
        None
    }
}

/// A [`DateFacts::start`] answer in a byte (for caching): 0 when not
/// cached (or not expressible), 1 for no date, 2 for a month, `0x10 + n`
/// for a strong date of `n` words, `0x20 + n` for a soft one (`n` below 16).
pub(crate) fn date_code(d: Option<DateStart>) -> u8 {
    let small = |n: usize| u8::try_from(n).ok().filter(|&n| n < 16);
    match d {
        None => 1,
        Some(DateStart::Month) => 2,
        Some(DateStart::Strong(n)) => small(n).map_or(0, |n| 0x10 + n),
        Some(DateStart::Soft(n)) => small(n).map_or(0, |n| 0x20 + n),
    }
}

/// The answer [`date_code`] put in a byte; `None` when none was.
pub(crate) fn date_of_code(c: u8) -> Option<Option<DateStart>> {
    match c {
        1 => Some(None),
        2 => Some(Some(DateStart::Month)),
        0x10..=0x1f => Some(Some(DateStart::Strong(usize::from(c - 0x10)))),
        0x20..=0x2f => Some(Some(DateStart::Soft(usize::from(c - 0x20)))),
        _ => None,
    }
}

/// A four-digit year of the 1900s or 2000s.
pub(crate) fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly two digits.
pub(crate) fn is_two_digits(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The word's letters name a month (`plantab_vocab::month_number` with
/// abbreviations), without building a string.
pub(crate) fn is_month(word: &str) -> bool {
    // Lower-cased letters; a month name is ASCII and at most 9 letters.
    let mut buf = [0u8; 9];
    let mut n = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_ascii() {
            return false;
        }
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    let Some(w) = buf.get(..n) else { return false };
    if w.len() < 3 {
        return false;
    }
    MONTHS.iter().any(|m| {
        let m = m.as_bytes();
        m == w || (m.starts_with(w) && (w.len() == 3 || w == b"sept"))
    })
}

/// The word's letters and digits, lower case (`plantab_vocab::compact`),
/// when there are at most 16 of them (no date word is longer).
fn bare_small(word: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let mut n = 0;
    for c in compact_chars(word) {
        *buf.get_mut(n)? = c as u8;
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
pub(crate) mod reference {
    //! What the date rules say, written plainly on strings: the reference
    //! the fast per-word facts are checked against.
    use super::*;
    use plantab_vocab::{compact, month_number, DateWordKind};

    /// A month name or abbreviation ("Sept" too).
    pub(crate) fn is_month(word: &str) -> bool {
        let w: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        month_number(&w, true).is_some()
    }

    fn kind(word: &str) -> Option<DateWordKind> {
        plantab_vocab::tracker_date_word(&compact(word))
    }

    /// The date beginning at `words[i]`.
    pub(crate) fn date_at(words: &[&str], i: usize) -> Option<DateStart> {
        let trim = |w: &str| {
            w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'))
                .to_string()
        };
        let w = trim(words.get(i)?);
        let next = words.get(i + 1).map(|n| trim(n));
        let year_next = next
            .as_deref()
            .is_some_and(|n| is_two_digits(n) || is_year(n));
        if let Some((a, b)) = w.split_once('-') {
            let small = !a.is_empty() && a.len() <= 2 && a.bytes().all(|x| x.is_ascii_digit());
            if is_month(a) && (is_two_digits(b) || is_year(b)) || small && is_month(b) {
                return Some(DateStart::Strong(1));
            }
            if is_month(a) && b.is_empty() && year_next {
                return Some(DateStart::Strong(2));
            }
        }
        let parts: Vec<&str> = w.split('/').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            || is_year(&w)
        {
            return Some(DateStart::Strong(1));
        }
        if (is_month(&w) || kind(&w) == Some(DateWordKind::Period)) && year_next {
            return Some(DateStart::Strong(2));
        }
        if is_month(&w) {
            return Some(DateStart::Month);
        }
        if kind(&w) == Some(DateWordKind::Loose) {
            return Some(DateStart::Soft(1));
        }
        let loose_next = next
            .as_deref()
            .is_some_and(|n| kind(n) == Some(DateWordKind::Loose));
        if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) && loose_next {
            return Some(DateStart::Soft(2));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces dates are printed with, and pieces that look like them.
    pub(crate) const PIECES: &[&str] = &[
        "Dec",
        "dec",
        "Sept",
        "Sep",
        "June",
        "Ju",
        "Mayo",
        "Marc",
        "Q3",
        "q4",
        "H1",
        "Autumn",
        "late",
        "Start",
        "End",
        "TBC",
        "tbd",
        "Ongoing",
        "annually",
        "quarterly",
        "monthly",
        "22",
        "2024",
        "1999",
        "2100",
        "7",
        "123",
        "Dec-22",
        "22-Sep",
        "Dec-",
        "-",
        "Mar-2024",
        "1/2/2023",
        "1//2",
        "(Dec",
        "24)",
        "2024.",
        "Ocr",
        "N/A",
        "Sept.",
        "caf\u{e9}",
        "",
    ];

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(PIECES).prop_map(str::to_string),
            (
                proptest::sample::select(PIECES),
                proptest::sample::select(&["-", "/", ",", "(", "", "."][..]),
                proptest::sample::select(PIECES)
            )
                .prop_map(|(a, s, b)| format!("{a}{s}{b}")),
        ]
    }

    proptest! {
        /// The per-word facts give the reference's answer at every word.
        #[test]
        fn facts_agree_with_the_reference(words in proptest::collection::vec(word(), 1..6)) {
            let ws: Vec<&str> = words.iter().map(String::as_str).collect();
            for i in 0..ws.len() {
                let next = ws.get(i + 1).map(|n| DateFacts::of(n));
                let fast = DateFacts::of(ws[i]).start(next);
                prop_assert_eq!(fast, reference::date_at(&ws, i), "{:?} at {}", ws, i);
                prop_assert_eq!(is_month(ws[i]), reference::is_month(ws[i]), "{}", ws[i]);
                prop_assert_eq!(date_of_code(date_code(fast)), Some(fast));
            }
        }
    }
}
