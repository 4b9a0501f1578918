//! Regexes for short texts: the front matter's patterns (cover lines, a
//! title, the cover text), compiled for what a short text needs.
//!
//! `regex::Regex::new` builds, besides the pattern's automaton, a reverse
//! one for its lazy DFA, literal prefilters and a one-pass DFA: what makes
//! long texts fast, and far more work to build than a cover's few hundred
//! bytes take to search. The front matter's patterns (case-insensitive
//! month names, Unicode classes, bounded repeats) took 85 M instructions to
//! compile that way: most of a one-page document's run, in every process.
//! Here a pattern is built for the PikeVM and the bounded backtracker only,
//! and its classes leave out the [`rare_chars`] (digits of other scripts
//! behind every `\d`, the long s and Kelvin sign behind `(?i)s` and `k`) —
//! the pattern as written is built too, on first use, for a text that
//! holds one of them. Together about a quarter of the instructions.
//!
//! The matches are the same as `regex::Regex`'s: the same syntax settings
//! and match semantics (leftmost-first, UTF-8, empty matches never split a
//! character), every engine of a meta regex finds the same matches and
//! groups, and a class differs from the written one only in characters
//! the text does not hold. Only the speed on long texts differs.
//!
//! The type keeps the `regex` method names the front matter uses
//! (`is_match`, `captures`, `captures_iter`; a group's `as_str` and
//! `start`), so a pattern moves between the two by its `use` line.

use regex_automata::meta;
use regex_automata::util::captures::Captures as MetaCaptures;
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};
use std::sync::OnceLock;

/// A compiled pattern for short texts (see the module docs).
#[derive(Debug)]
pub struct Regex {
    /// The pattern with [`rare_chars`] taken out of (or put into) its
    /// classes, whichever is smaller: exact on texts without them.
    common: meta::Regex,
    /// The pattern as written, for texts with a rare character; built on
    /// first use (`None`: it did not compile, it matches nothing).
    full: OnceLock<Option<meta::Regex>>,
    /// The pattern, for `full`.
    pattern: String,
}

/// Why a pattern does not compile.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// `regex::Regex::new`'s engine settings, with only the PikeVM and the
/// bounded backtracker.
fn config() -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .auto_prefilter(false)
        .hybrid(false)
        .dfa(false)
        .onepass(false)
}

/// `regex::Regex::new`'s syntax settings.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().utf8(true)
}

/// Characters that make a pattern's classes big and that plans do not
/// print: decimal digits other than `0`–`9` (`\d` is Unicode's 70-odd
/// digit sets, each a run of UTF-8 states, in every `\d` and `[^\d…]`),
/// and the long s and the Kelvin sign (the non-ASCII case variants of `s`
/// and `k` under `(?i)`).
fn rare_chars() -> &'static ClassUnicode {
    static RARE: OnceLock<ClassUnicode> = OnceLock::new();
    RARE.get_or_init(|| {
        let mut rare = match syntax::parse(r"\d").map(|h| h.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(digits))) => digits,
            _ => ClassUnicode::empty(),
        };
        rare.difference(&ClassUnicode::new([ClassUnicodeRange::new('0', '9')]));
        rare.union(&ClassUnicode::new([
            ClassUnicodeRange::new('\u{17F}', '\u{17F}'),
            ClassUnicodeRange::new('\u{212A}', '\u{212A}'),
        ]));
        rare
    })
}

/// Whether `text` holds one of the [`rare_chars`].
fn has_rare_char(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let rare = rare_chars().ranges();
    text.chars().filter(|c| !c.is_ascii()).any(|c| {
        rare.binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
    })
}

/// Whether `text` may hold one of `words` (ASCII, lowercase) as a
/// case-insensitive pattern would read it: a cheap test that lets a caller
/// skip building and running a `(?i)` pattern that needs one of them.
/// ASCII letters fold only to ASCII letters, except `k` and `s` (the Kelvin
/// sign, the long s): a text holding one of those always may.
pub fn mentions(text: &str, words: &[&str]) -> bool {
    if has_rare_char(text) {
        return true;
    }
    let hay = text.as_bytes();
    words.iter().any(|w| {
        let w = w.as_bytes();
        // An empty word is in every text (and `windows(0)` would panic).
        w.is_empty() || hay.windows(w.len()).any(|win| win.eq_ignore_ascii_case(w))
    })
}

/// Whether a class reaches the rare characters (its last range ends at or
/// past the first of them), so [`without`] may change it.
fn reaches(c: &ClassUnicode, rare: &ClassUnicode) -> bool {
    let first_rare = rare.ranges().first().map_or('\u{10FFFF}', |r| r.start());
    c.ranges().last().is_some_and(|r| r.end() >= first_rare)
}

/// Whether [`without`] may change anything in `hir`.
fn has_reaching_class(hir: &Hir, rare: &ClassUnicode) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => reaches(c, rare),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().any(|h| has_reaching_class(h, rare))
        }
        HirKind::Repetition(r) => has_reaching_class(&r.sub, rare),
        HirKind::Capture(c) => has_reaching_class(&c.sub, rare),
        _ => false,
    }
}

/// `hir` for texts without any of `rare`: each class that reaches them
/// with them taken out or put in, whichever leaves fewer ranges (`\d` →
/// `[0-9]`, `[^\d/]` → `[^0-9/]`, `(?i)k` → `[Kk]`).
fn without(hir: Hir, rare: &ClassUnicode) -> Hir {
    if !has_reaching_class(&hir, rare) {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(c)) => {
            let mut out = c.clone();
            out.difference(rare);
            // Taking them out of a class that holds them (`[^.;]`) leaves
            // a hole for each: put them in instead.
            if out.ranges().len() > c.ranges().len() {
                let mut put_in = c;
                put_in.union(rare);
                if put_in.ranges().len() < out.ranges().len() {
                    out = put_in;
                }
            }
            Hir::class(Class::Unicode(out))
        }
        HirKind::Class(c) => Hir::class(c),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(|h| without(h, rare)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| without(h, rare)).collect())
        }
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without(*r.sub, rare)),
            ..r
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without(*c.sub, rare)),
            ..c
        }),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Look(l) => Hir::look(l),
    }
}

impl Regex {
    /// Compiles `pattern` with `regex::Regex::new`'s syntax and match
    /// settings.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let hir = syntax::parse_with(pattern, &syntax_config())?;
        let common = meta::Builder::new()
            .configure(config())
            .build_from_hir(&without(hir, rare_chars()))?;
        Ok(Regex {
            common,
            full: OnceLock::new(),
            pattern: pattern.to_string(),
        })
    }

    /// The compiled form that searches `haystack` exactly.
    fn engine(&self, haystack: &str) -> Option<&meta::Regex> {
        if !has_rare_char(haystack) {
            return Some(&self.common);
        }
        self.full
            .get_or_init(|| {
                meta::Builder::new()
                    .configure(config())
                    .syntax(syntax_config())
                    .build(&self.pattern)
                    .ok()
            })
            .as_ref()
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.engine(haystack).is_some_and(|r| r.is_match(haystack))
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let r = self.engine(haystack)?;
        let mut caps = r.create_captures();
        r.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    /// The groups of every successive non-overlapping match in
    /// `haystack`.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.engine(haystack)
            .into_iter()
            .flat_map(move |r| r.captures_iter(haystack))
            .map(move |caps| Captures { haystack, caps })
    }
}

/// The groups of one match.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    caps: MetaCaptures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let span = self.caps.get_group(i)?;
        Some(Match {
            text: self.haystack.get(span.start..span.end)?,
            start: span.start,
        })
    }
}

/// The text one group matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
}

impl<'h> Match<'h> {
    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Where it starts in the haystack (a byte offset).
    pub fn start(&self) -> usize {
        self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A match's groups 0..n as (start, text).
    fn groups<'h>(
        n: usize,
        get: impl Fn(usize) -> Option<(usize, &'h str)>,
    ) -> Vec<Option<(usize, &'h str)>> {
        (0..n).map(get).collect()
    }

    /// The same matches and groups as `regex::Regex` on the front
    /// matter's kinds of text, with and without the rare characters.
    #[test]
    fn matches_like_regex() {
        let patterns = [
            r"(?i)\b(?:as\s+of|as\s+at|as)\s+(?:(\d{1,2}\s+[a-z]+\s+\d{4})|[^.;()]{0,80}?\((\d{4})\))",
            r"(?:^|[^\d/.\-–—])((?:19|20)\d{2})(?:$|[^\d/.\-–—])",
            r"(?i)\b(?:FY|fiscal\s+year)\s?(\d{2}|\d{4})\b",
            r"(?i)\bpage\s+\d+(\s*(of|/)\s*\d+)?\b|\|\s*\d+\s*$",
            r"(?i)status|week",
            r"[^\d]+",
            r"",
            r"a*",
        ];
        let texts = [
            "Progress report as at 31 March 2024 (2024)",
            "Plan 2023–2024, 2025 and 1999/2000 ✓ 2030",
            "Page 3 of 12 | 4",
            "",
            "ΣΊΣΥΦΟΣ as of ſome time (2019)",
            "aaa☃aa",
            // Digits of other scripts, the long s, the Kelvin sign.
            "FY ٢٤ and FY 20２４, aſ at 1 May 20٢٤ (٢٠١٩)",
            "ſtatus at ＷEEK 3; STATUS 2024 (page ３)",
        ];
        for p in patterns {
            let ours = Regex::new(p).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            for t in texts {
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} on {t}");
                let n = theirs.captures_len();
                let a: Vec<_> = ours
                    .captures_iter(t)
                    .map(|c| groups(n, |i| c.get(i).map(|m| (m.start(), m.as_str()))))
                    .collect();
                let b: Vec<_> = theirs
                    .captures_iter(t)
                    .map(|c| groups(n, |i| c.get(i).map(|m| (m.start(), m.as_str()))))
                    .collect();
                assert_eq!(a, b, "{p} on {t}");
                let one = ours
                    .captures(t)
                    .map(|c| c.get(1).map(|m| (m.start(), m.as_str())));
                let other = theirs
                    .captures(t)
                    .map(|c| c.get(1).map(|m| (m.start(), m.as_str())));
                assert_eq!(one, other, "{p} on {t}");
            }
        }
        assert!(Regex::new("(").is_err());
    }

    /// `mentions` is true wherever a `(?i)` pattern needing a word can
    /// match.
    #[test]
    fn mentions_words() {
        for (p, w) in [(r"(?i)fiscal\s+year", "fiscal"), (r"(?i)\bkey\b", "key")] {
            let r = regex::Regex::new(p).unwrap();
            for t in [
                "FISCAL year",
                "fiscal",
                "a Key b",
                "\u{212A}ey",
                "xyz",
                "",
                "ſ",
            ] {
                if r.is_match(t) {
                    assert!(mentions(t, &[w]), "{p} on {t}");
                }
            }
        }
        assert!(mentions("The Fiscal Year", &["calendar", "fiscal"]));
        assert!(!mentions("The year", &["calendar", "fiscal"]));
        assert!(!mentions("fisca", &["fiscal"]));
        assert!(mentions("\u{212A}", &["x"]));
    }

    #[test]
    fn rare_characters() {
        assert!(!has_rare_char("Plan 2024–25 – “Status” £2.4m"));
        for t in ["٢٠٢٤", "２０２４", "ſ", "\u{212A}", "x ५"] {
            assert!(has_rare_char(t), "{t}");
        }
        // Other numbers are not decimal digits.
        assert!(!has_rare_char("¹²³ ½ Ⅻ"));
        let common = without(syntax::parse(r"(?i)[^\d/]k\d").unwrap(), rare_chars());
        assert_eq!(
            format!("{common:?}"),
            format!("{:?}", syntax::parse(r"[^0-9/][Kk][0-9]").unwrap())
        );
    }
}
