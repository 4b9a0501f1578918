//! Normalisation: the forms printed text is compared in.
//!
//! [`compact`] keeps lower-case letters and digits only (accents folded for
//! the common Latin-1 letters), so wrapping, hyphen breaks, spacing and
//! punctuation do not matter. [`header_core`] further drops years and month
//! names, so a header's date ("Status (December 2023)") does not change its
//! meaning. The byte-level helpers here (`*_into`, month scanning) do the
//! same without allocating, for the hot header matching of [`crate::headers`].

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

/// The character `c` stands for in [`compact`] form (`É` → `e`), `None`
/// for one [`compact`] drops: walking printed text char by char with it
/// finds where a run of compact characters ends in the text.
pub fn compact_char(c: char) -> Option<char> {
    let f = fold_accent(c);
    f.is_ascii_alphanumeric().then(|| f.to_ascii_lowercase())
}

/// The unaccented letter of a common Latin-1 accented one (`é` → `e`);
/// any other character as it is. Inlined into the callers in other modules
/// (every character of every compared word goes through it).
#[inline(always)]
pub(crate) fn fold_accent(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
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
pub(crate) fn core_of_compact(mut c: String) -> String {
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
pub(crate) fn has_month(c: &str) -> bool {
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
pub(crate) fn remove_months_into<'b>(c: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
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
pub(crate) fn strip_years_into<'b>(b: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
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
pub(crate) fn first_month_at(b: &[u8]) -> Option<usize> {
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
pub(crate) fn month_spill_floor(b: &[u8]) -> usize {
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

/// The 1-based month whose name (or a 3-letter abbreviation, when `allow_abbrev`)
/// `word` is, case-insensitively.
pub fn month_number(word: &str, allow_abbrev: bool) -> Option<u32> {
    // Compared in place (ASCII case folded byte by byte), without a
    // lower-case copy: date readers ask of nearly every word.
    let w = word.trim_end_matches('.').as_bytes();
    if w.len() < 3 || w.len() > "september".len() {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.as_bytes();
            (m.len() == w.len() && m.eq_ignore_ascii_case(w))
                || (allow_abbrev
                    && m.get(..w.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(w))
                    && (w.len() == 3 || w.eq_ignore_ascii_case(b"sept")))
        })
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `month_number` as first written, with a lower-case copy.
    fn month_number_by_copy(word: &str, allow_abbrev: bool) -> Option<u32> {
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

    #[test]
    fn month_number_agrees_with_a_lower_case_copy() {
        let words = [
            "",
            "d",
            "de",
            "dec",
            "Dec",
            "DEC.",
            "dece",
            "december",
            "DECEMBER",
            "Decembers",
            "december.",
            "sept",
            "SEPT.",
            "septe",
            "september",
            "mar",
            "ma",
            "may",
            "May.",
            "jun",
            "june",
            "juni",
            "jul",
            "Ju",
            "feb",
            "febr",
            "février",
            "déc",
            "oct..",
            "novembre",
            "a",
            "aug",
            "augus",
            "august",
            "xyz",
            "Sep",
            "sep.",
            "s\u{e9}pt",
        ];
        for w in words {
            for abbrev in [false, true] {
                assert_eq!(
                    month_number(w, abbrev),
                    month_number_by_copy(w, abbrev),
                    "{w:?} {abbrev}"
                );
            }
        }
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
    fn months() {
        assert_eq!(month_number("Dec", true), Some(12));
        assert_eq!(month_number("December", false), Some(12));
        assert_eq!(month_number("Dec", false), None);
        assert_eq!(month_number("Sept", true), Some(9));
        assert_eq!(month_number("Ma", true), None);
    }
}
