//! Words of a row's text with their layout (line, paragraph breaks), and the
//! recognisers that work on them: dates, risk values, status labels.

use plantab_model::StatusCode;
use plantab_vocab::{month_number, role_word, status_label_prefix, RoleWordKind};

/// One word of a row's text.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// The word as printed (a part of a printed word when it was split).
    pub text: String,
    /// 0-based line index in the document.
    #[allow(dead_code)]
    pub line: usize,
    /// First word on its line.
    pub line_start: bool,
    /// A blank (or dropped) line lies between this word and the previous.
    pub para_break: bool,
    /// Printed glued to the previous word (a printed word split in two).
    pub glued: bool,
    /// A whitespace-only line (an empty cell) was printed before this word.
    pub empty_cell_before: bool,
    /// First word of a line whose previous line ended without a space: the
    /// word may continue the previous line's last word.
    pub open_before: bool,
    /// Cached [`status_at`] result, once [`annotate`] has run.
    pub status: Option<Option<(StatusCode, usize)>>,
}

/// Caches the status label starting at every word.
pub(crate) fn annotate(toks: &mut [Tok]) {
    for i in 0..toks.len() {
        let s = status_at(toks, i);
        if let Some(t) = toks.get_mut(i) {
            t.status = Some(s);
        }
    }
}

/// Splits lines (index, text) into words. Printed words that glue two role
/// titles ("FinanceDeputy", "Director-Finance") are split in two, the second
/// part marked `glued` so that a cell holding both prints them unchanged.
pub(crate) fn tokenize<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut last_line: Option<usize> = None;
    let mut pending_break = false;
    let mut prev_open = false;
    let mut empty_cell = false;
    for (idx, text) in lines {
        if text.trim().is_empty() {
            pending_break = true;
            empty_cell |= !text.is_empty() && last_line.is_some();
            continue;
        }
        if let Some(l) = last_line {
            if idx > l + 1 {
                pending_break = true;
            }
        }
        let mut first = true;
        // A lone short lower-case fragment under a line printed without a
        // trailing space is the end of a broken word ("Communication" / "s").
        let fragment = {
            let ws: Vec<&str> = text.split_whitespace().collect();
            matches!(ws.as_slice(), [w] if w.chars().count() <= 3 && w.chars().all(|c| c.is_lowercase()))
                && prev_open
                && !pending_break
        };
        for word in text.split_whitespace() {
            for (k, part) in split_glued(word).into_iter().enumerate() {
                out.push(Tok {
                    text: part.to_string(),
                    line: idx,
                    line_start: first && k == 0,
                    para_break: pending_break && first && k == 0 && last_line.is_some(),
                    glued: k > 0 || fragment,
                    empty_cell_before: empty_cell && first && k == 0,
                    open_before: prev_open && first && k == 0 && !pending_break,
                    status: None,
                });
            }
            first = false;
        }
        pending_break = false;
        empty_cell = false;
        prev_open = !text.ends_with(char::is_whitespace);
        last_line = Some(idx);
    }
    out
}

/// Splits a printed word where two role words were glued together.
fn split_glued(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for w in 1..chars.len() {
        let (Some(&(_, prev)), Some(&(pos, c))) = (chars.get(w - 1), chars.get(w)) else {
            continue;
        };
        let head = word.get(start..pos).unwrap_or("");
        let rest = word.get(pos..).unwrap_or("");
        let rest_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let head_alpha: String = head.chars().filter(|c| c.is_alphabetic()).collect();
        // "FinanceDeputy": lower case then upper case, the right part a role word.
        let camel = prev.is_lowercase()
            && c.is_uppercase()
            && head_alpha.chars().count() >= 2
            && rest_word.chars().count() >= 2
            && role_word(&rest_word).is_some_and(|r| r.kind != RoleWordKind::Collective);
        // "Director-Finance": a role word, a hyphen, a capitalised word.
        let hyphen = prev == '-'
            && c.is_uppercase()
            && role_word(head.trim_end_matches('-')).is_some()
            && rest_word.chars().count() >= 2;
        if camel || hyphen {
            parts.push(head);
            start = pos;
        }
    }
    parts.push(word.get(start..).unwrap_or(word));
    parts.retain(|p| !p.is_empty());
    parts
}

/// Renders words as cell text: words joined by single spaces, glued parts
/// without one.
pub(crate) fn render(toks: &[Tok]) -> String {
    let mut s = String::new();
    for t in toks {
        if !s.is_empty() && !t.glued {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Letters and digits of a word, lower case.
pub(crate) fn bare(word: &str) -> String {
    plantab_vocab::compact(word)
}

/// "N/A", "N/a", "n/a".
pub(crate) fn is_na(word: &str) -> bool {
    let w = word.trim_matches(|c: char| c == '.' || c == ',');
    w.eq_ignore_ascii_case("n/a")
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_two_digits(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_month(word: &str) -> bool {
    let w: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    month_number(&w, true).is_some()
}

/// Words naming a period loosely: they may stand alone in a date cell and
/// take the words after them ("TBC following …", "Quarterly monitoring …").
fn is_soft_date_word(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "tbc"
            | "tba"
            | "tbd"
            | "ongoing"
            | "annually"
            | "annual"
            | "monthly"
            | "quarterly"
            | "weekly"
            | "yearly"
            | "fortnightly"
            | "biannually"
            | "continuous"
    )
}

fn is_period_word(word: &str) -> bool {
    matches!(
        bare(word).as_str(),
        "autumn"
            | "spring"
            | "summer"
            | "winter"
            | "early"
            | "mid"
            | "late"
            | "end"
            | "start"
            | "beginning"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
            | "h1"
            | "h2"
    )
}

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

/// The date starting at `toks[i]`, if one does.
pub(crate) fn date_at(toks: &[Tok], i: usize) -> Option<DateStart> {
    let t = toks.get(i)?;
    let w = t
        .text
        .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'));
    let next = toks.get(i + 1).map(|n| {
        n.text
            .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'))
    });
    // Mon-YY / Month-YYYY
    if let Some((a, b)) = w.split_once('-') {
        if is_month(a) && (is_two_digits(b) || is_year(b)) {
            return Some(DateStart::Strong(1));
        }
        if a.len() <= 2 && a.bytes().all(|x| x.is_ascii_digit()) && !a.is_empty() && is_month(b) {
            return Some(DateStart::Strong(1));
        }
        if is_month(a) && b.is_empty() {
            if let Some(n) = next {
                if is_two_digits(n) || is_year(n) {
                    return Some(DateStart::Strong(2));
                }
            }
        }
    }
    if w.split('/').count() == 3
        && w.split('/')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(DateStart::Strong(1));
    }
    if is_year(w) {
        return Some(DateStart::Strong(1));
    }
    if is_month(w) || is_period_word(w) {
        if let Some(n) = next {
            if is_two_digits(n) || is_year(n) {
                return Some(DateStart::Strong(2));
            }
        }
    }
    if is_month(w) {
        return Some(DateStart::Month);
    }
    if is_soft_date_word(w) {
        return Some(DateStart::Soft(1));
    }
    if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2 {
        if let Some(n) = next {
            if is_soft_date_word(n) {
                return Some(DateStart::Soft(2));
            }
        }
    }
    None
}

/// A capitalised 3–4 letter word followed by a two-digit year ("Ocr 23"):
/// a date misspelt, accepted only where a date is expected.
pub(crate) fn loose_date_at(toks: &[Tok], i: usize) -> bool {
    let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    let n = a.text.chars().count();
    (3..=4).contains(&n)
        && a.text.chars().all(|c| c.is_alphabetic())
        && a.text.chars().next().is_some_and(|c| c.is_uppercase())
        && is_two_digits(&b.text)
}

/// The status label printed from `toks[i]` on: its code and how many words
/// it takes. The label must end at a word boundary.
pub(crate) fn status_at(toks: &[Tok], i: usize) -> Option<(StatusCode, usize)> {
    if let Some(cached) = toks.get(i)?.status {
        return cached;
    }
    let window: Vec<&Tok> = toks.iter().skip(i).take(16).collect();
    if window.is_empty() {
        return None;
    }
    let first = window.first()?;
    if bare(&first.text).is_empty() {
        return None;
    }
    let joined: String = window
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let m = status_label_prefix(&joined)?.len;
    // Snap to the last word boundary at or before m characters.
    let mut acc = 0usize;
    let mut words = 0usize;
    for t in &window {
        let l = bare(&t.text).len();
        if acc + l > m {
            break;
        }
        acc += l;
        words += 1;
        if acc == m {
            break;
        }
    }
    while words > 0 {
        let text: String = window
            .iter()
            .take(words)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let len = bare(&text).len();
        match status_label_prefix(&text) {
            // A clipped label must run over two words at least, so that a
            // word such as "assurance" in prose is no label.
            Some(p) if p.len == len && len > 0 && (p.whole || words >= 2) => {
                return Some((p.code, words))
            }
            _ => words -= 1,
        }
    }
    None
}
