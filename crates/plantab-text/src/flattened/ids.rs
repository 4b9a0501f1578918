//! Row identifiers on a line of a flattened tracker (a leaf module but
//! for the pattern crate): where a row begins.

use regex::Regex;
use std::sync::OnceLock;

fn ref_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|\s)([A-Z]{1,5}\.[A-Z]{0,3}\d+(?:\.\d+)+)(?:\s|$)").ok())
        .as_ref()
}

/// A row identifier on a line: (text printed before it, the id, the text
/// after it). The text before must be a short capitalised phrase without
/// digits (a workstream name printed on the same line).
pub(crate) fn ref_on_line(line: &str) -> Option<(&str, &str, &str)> {
    if !may_hold_ref(line) {
        return None;
    }
    let (start, end) = if line.is_ascii() {
        ref_span_ascii(line)?
    } else {
        let caps = ref_re()?.captures(line)?;
        let m = caps.get(1)?;
        (m.start(), m.end())
    };
    let id = line.get(start..end)?;
    let before = line.get(..start)?.trim();
    let after = line.get(end..)?;
    let words: Vec<&str> = before.split_whitespace().collect();
    if words.len() > 6 || before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = words.first() {
        if !f.chars().next().is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        if before.ends_with(['.', ':', ';', ',']) {
            return None;
        }
    }
    Some((before, id, after))
}

/// Where [`ref_re`] finds its identifier in an ASCII line (leftmost
/// match, group 1), by hand: at the line start or after whitespace, 1–5
/// capitals, a dot, 0–3 capitals, digits, one or more dot-and-digits
/// groups, then whitespace or the line end.
fn ref_span_ascii(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let at = |i: usize| b.get(i).copied();
    // ASCII `\s`.
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let run = |from: usize, f: fn(&u8) -> bool| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| f(c)).count())
    };
    (0..b.len())
        .filter(|&p| p == 0 || at(p - 1).is_some_and(space))
        .find_map(|p| {
            let caps = run(p, u8::is_ascii_uppercase);
            if !(1..=5).contains(&caps) || at(p + caps) != Some(b'.') {
                return None;
            }
            let mut i = p + caps + 1;
            let caps2 = run(i, u8::is_ascii_uppercase);
            if caps2 > 3 {
                return None;
            }
            i += caps2;
            let digits = run(i, u8::is_ascii_digit);
            if digits == 0 {
                return None;
            }
            i += digits;
            let mut groups = 0;
            while at(i) == Some(b'.') {
                let d = run(i + 1, u8::is_ascii_digit);
                if d == 0 {
                    break;
                }
                i += 1 + d;
                groups += 1;
            }
            let ends = at(i).is_none_or(space);
            (groups > 0 && ends).then_some((p, i))
        })
}

/// A cheap test that must pass for [`ref_re`] to match: a dot printed
/// right after a capital letter and right before a capital or a digit.
pub(crate) fn may_hold_ref(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'.', b).any(|i| {
        i > 0
            && b.get(i - 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        " ",
        "\t",
        "word",
        "AB.C1.2.",
        "AB..1.2",
        "\u{e9}",
    ];

    proptest! {
        /// The scan by hand finds what the pattern finds, and only lines
        /// that pass the cheap test hold one.
        #[test]
        fn identifier_scan_agrees_with_the_pattern(
            parts in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::sample::select(&["", " ", "\t"][..])),
                1..5,
            ),
        ) {
            let l: String = parts.iter().map(|(a, s)| format!("{a}{s}")).collect();
            let by_regex = ref_re()
                .and_then(|re| re.captures(&l))
                .and_then(|c| c.get(1))
                .map(|m| (m.start(), m.end()));
            if !may_hold_ref(&l) {
                prop_assert_eq!(by_regex, None);
            } else if l.is_ascii() {
                prop_assert_eq!(ref_span_ascii(&l), by_regex);
            }
        }
    }
}
