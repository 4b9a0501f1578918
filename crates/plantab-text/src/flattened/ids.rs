//! Row identifiers on a line of a flattened tracker (a leaf module but for
//! [`super::words`]): where a row begins.
//!
//! A row begins at a line that holds an identifier as a whole word, first
//! on the line or after a short workstream name (at most six words,
//! capitalised, no digits, not ending a sentence). Trackers number their
//! rows in one of a few [`Scheme`]s; a document uses one, learned from the
//! lines ([`Scheme::learn`]): the scheme most lines begin a row with.

use super::words::word_spans;

/// How a tracker numbers its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// Letters, a dot, letters and digits, dot-separated numbers:
    /// `HS.B1.2`, `OC.A2.10`, `PR.1.4`.
    Dotted,
    /// Capitals, a dash, a number, dot-separated numbers: `HSG-04`,
    /// `CP-3.1`.
    Dashed,
    /// Dot-separated numbers: `2.3.1`, `4.10` (not a date such as
    /// `18.12.23`).
    Numbered,
}

impl Scheme {
    /// Every scheme, in order of precedence when as many lines begin a
    /// row with each.
    pub(crate) const ALL: [Scheme; 3] = [Scheme::Dotted, Scheme::Dashed, Scheme::Numbered];

    fn index(self) -> usize {
        match self {
            Scheme::Dotted => 0,
            Scheme::Dashed => 1,
            Scheme::Numbered => 2,
        }
    }

    /// Is `w` (a whole printed word) an identifier of this scheme?
    pub(crate) fn matches(self, w: &str) -> bool {
        let b = w.as_bytes();
        match self {
            Scheme::Dotted => {
                // [A-Z]{1,5} \. [A-Z]{0,3} [0-9]+ (\.[0-9]+)+
                let caps = run(b, 0, u8::is_ascii_uppercase);
                if !(1..=5).contains(&caps) || b.get(caps) != Some(&b'.') {
                    return false;
                }
                let i = caps + 1;
                let caps2 = run(b, i, u8::is_ascii_uppercase);
                caps2 <= 3 && numbers(b, i + caps2, usize::MAX).is_some_and(|n| n >= 2)
            }
            Scheme::Dashed => {
                // [A-Z]{2,6} - [0-9]{1,4} (\.[0-9]{1,4})*
                let caps = run(b, 0, u8::is_ascii_uppercase);
                (2..=6).contains(&caps)
                    && b.get(caps) == Some(&b'-')
                    && numbers(b, caps + 1, 4).is_some()
            }
            Scheme::Numbered => {
                // [0-9]{1,2} (\.[0-9]{1,2}){1,3}, not a day.month.year date
                let Some(n) = numbers(b, 0, 2) else {
                    return false;
                };
                (2..=4).contains(&n) && !date_like(w)
            }
        }
    }

    /// The scheme most lines begin a row with (ties go to the earlier in
    /// [`Scheme::ALL`]), with how many lines do, and for each line whether
    /// it begins a row in that scheme. `None` when no line begins one.
    pub(crate) fn learn<'a>(lines: impl Iterator<Item = &'a str>) -> Option<(Scheme, Vec<bool>)> {
        let mut marks: Vec<u8> = Vec::new();
        let mut counts = [0usize; 3];
        for l in lines {
            let m = schemes_on_line(l);
            for s in Scheme::ALL {
                if m & (1 << s.index()) != 0 {
                    if let Some(c) = counts.get_mut(s.index()) {
                        *c += 1;
                    }
                }
            }
            marks.push(m);
        }
        let best = Scheme::ALL
            .into_iter()
            .filter(|s| counts.get(s.index()).is_some_and(|&c| c > 0))
            .max_by_key(|s| (counts.get(s.index()).copied(), std::cmp::Reverse(s.index())))?;
        let bit = 1 << best.index();
        Some((best, marks.into_iter().map(|m| m & bit != 0).collect()))
    }
}

/// Bytes from `from` on for which `f` holds.
fn run(b: &[u8], from: usize, f: fn(&u8) -> bool) -> usize {
    b.get(from..)
        .map_or(0, |r| r.iter().take_while(|c| f(c)).count())
}

/// `b[from..]` is numbers of at most `max` digits each, joined by dots:
/// how many.
fn numbers(b: &[u8], from: usize, max: usize) -> Option<usize> {
    let mut i = from;
    let mut n = 0;
    loop {
        let d = run(b, i, u8::is_ascii_digit);
        if d == 0 || d > max {
            return None;
        }
        i += d;
        n += 1;
        match b.get(i) {
            None => return Some(n),
            Some(b'.') => i += 1,
            Some(_) => return None,
        }
    }
}

/// Day, month and year joined by dots ("18.12.23", "1.02.2024"): a
/// date, not a row number.
fn date_like(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    let [day, month, year] = parts[..] else {
        return false;
    };
    let num = |s: &str| s.parse::<u32>().ok();
    month.len() == 2
        && matches!(year.len(), 2 | 4)
        && num(day).is_some_and(|d| (1..=31).contains(&d))
        && num(month).is_some_and(|m| (1..=12).contains(&m))
}

/// Can a scheme's identifier be printed around byte `i` of `b` (a dot
/// or a dash there)? A cheap test before a line is looked at.
pub(crate) fn may_hold_id_at(b: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|p| b.get(p));
    let after = b.get(i + 1);
    match b.get(i) {
        Some(b'.') => {
            before.is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        }
        Some(b'-') => {
            before.is_some_and(u8::is_ascii_uppercase) && after.is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The schemes (a bit each, [`Scheme::index`]) in which the line begins
/// a row: one pass over its first words for all of them.
pub(crate) fn schemes_on_line(line: &str) -> u8 {
    let b = line.as_bytes();
    if !memchr::memchr2_iter(b'.', b'-', b).any(|i| may_hold_id_at(b, i)) {
        return 0;
    }
    let (mut seen, mut found) = (0u8, 0u8);
    for (at, w) in word_spans(line).take(ID_WORDS) {
        if !w.bytes().any(|c| c == b'.' || c == b'-') {
            continue;
        }
        for s in Scheme::ALL {
            let bit = 1 << s.index();
            if seen & bit == 0 && s.matches(w) {
                seen |= bit;
                if workstream_before(line, at).is_some() {
                    found |= bit;
                }
            }
        }
    }
    found
}

/// A workstream name has at most six words: an identifier is one of a
/// line's first seven words.
const ID_WORDS: usize = 7;

/// The text before byte `at` of a line, trimmed, when it can be a
/// workstream name printed before a row's identifier: a short capitalised
/// phrase without digits, not ending a sentence (or nothing).
fn workstream_before(line: &str, at: usize) -> Option<&str> {
    let before = line.get(..at)?.trim();
    if before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(first) = before.split_whitespace().next() {
        if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        if before.ends_with(['.', ':', ';', ',']) {
            return None;
        }
    }
    Some(before)
}

/// A row identifier of `scheme` on a line: (text printed before it, the
/// identifier, where the text after it begins in the line). The
/// identifier is the line's first word of the scheme; the text before it
/// must be a workstream name printed on the same line, or nothing.
pub(crate) fn row_id(line: &str, scheme: Scheme) -> Option<(&str, &str, usize)> {
    let (at, id) = word_spans(line)
        .take(ID_WORDS)
        .find(|(_, w)| scheme.matches(w))?;
    Some((workstream_before(line, at)?, id, at + id.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The schemes written as patterns (ASCII classes): an identifier is
    /// a whole word, at most six words after the line start.
    fn reference(line: &str, scheme: Scheme) -> Option<(usize, usize)> {
        static RES: std::sync::OnceLock<Vec<Regex>> = std::sync::OnceLock::new();
        let res = RES.get_or_init(|| {
            [
                r"[A-Z]{1,5}\.[A-Z]{0,3}[0-9]+(?:\.[0-9]+)+",
                r"[A-Z]{2,6}-[0-9]{1,4}(?:\.[0-9]{1,4})*",
                r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}",
            ]
            .iter()
            .filter_map(|pat| Regex::new(&format!(r"^(?:\S+\s+){{0,6}}?({pat})(?:\s|$)")).ok())
            .collect()
        });
        let m = res.get(scheme.index())?.captures(line)?.get(1)?;
        let whole = m.start() == 0 || line[..m.start()].ends_with(char::is_whitespace);
        let date = scheme == Scheme::Numbered && date_like(m.as_str());
        (whole && !date).then_some((m.start(), m.end()))
    }

    /// Identifiers and near misses.
    const PIECES: &[&str] = &[
        "HS.B1.2",
        "ab.C1.2",
        "ABCDEF.A1.2",
        "AB.ABCD1.2",
        "AB.1",
        "AB.1.",
        "AB.1.2.3",
        "X.Y12.34.5",
        "Q.1.2x",
        "(AB.C1.2)",
        "AB.C1.2\r",
        "Dec.",
        "N/A",
        "12.3.4",
        "A.B.1.2",
        "HSG-04",
        "H-1",
        "CP-3.1",
        "COVID-19",
        "2.3.1",
        "4.10",
        "18.12.23",
        "1.02.2024",
        "123.4",
        "1.2.3.4.5",
        "Housing",
        "Staff",
        "\u{e9}",
        "word",
        "AB..1.2",
        "-",
        ".",
    ];

    proptest! {
        /// The scan finds the identifier the pattern finds (when the text
        /// before it passes), and only lines that pass the cheap test
        /// hold one.
        #[test]
        fn identifier_scan_agrees_with_the_patterns(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(&[" ", "\t", "  "][..])),
                1..9,
            ),
        ) {
            let l: String = parts.iter().map(|(a, s)| format!("{a}{s}")).collect();
            let marks = schemes_on_line(&l);
            for s in Scheme::ALL {
                let got = row_id(&l, s).map(|(_, id, end)| (end - id.len(), end));
                let want = reference(&l, s).filter(|_| got.is_some());
                prop_assert_eq!(got, want, "{:?} {:?}", l, s);
                if let Some((at, end)) = reference(&l, s) {
                    // The pattern's identifier is the scan's unless the
                    // text before it is no workstream name.
                    if got.is_none() {
                        let before = l[..at].trim();
                        let named = before.split_whitespace().next()
                            .is_none_or(|f| f.starts_with(char::is_uppercase))
                            && !before.ends_with(['.', ':', ';', ','])
                            && !before.chars().any(|c| c.is_ascii_digit());
                        prop_assert!(!named, "{:?} {:?} {}..{}", l, s, at, end);
                    }
                }
                prop_assert_eq!(marks & (1 << s.index()) != 0, got.is_some());
            }
        }
    }

    #[test]
    fn schemes_by_hand() {
        assert_eq!(
            row_id("HS.B1.2 Review the repairs policy", Scheme::Dotted),
            Some(("", "HS.B1.2", 7))
        );
        assert_eq!(
            row_id("Waste Services CW.A3.0 Improve", Scheme::Dotted).map(|r| r.0),
            Some("Waste Services")
        );
        assert!(row_id("HSG-04 Build homes", Scheme::Dashed).is_some());
        assert!(row_id("2.3.1 Build homes", Scheme::Numbered).is_some());
        // A date in an update is no row number; nor is a number in prose.
        assert_eq!(row_id("11.01.24", Scheme::Numbered), None);
        assert_eq!(row_id("approved on 2.3.1 today", Scheme::Numbered), None);
        let lines = ["1.1 A", "HS.B1.2 B", "1.2 C", "text", "2.1 D"];
        let (s, marks) = Scheme::learn(lines.into_iter()).unwrap();
        assert_eq!(s, Scheme::Numbered);
        assert_eq!(marks, [true, false, true, false, true]);
        assert_eq!(Scheme::learn(["no ids", "here"].into_iter()), None);
    }
}
