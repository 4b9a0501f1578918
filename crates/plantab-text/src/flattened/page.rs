//! Page structure of a flattened tracker: which lines are the repeated
//! column header, page furniture (header-group lines, "update due" banners),
//! section headings, the legend, and table content.

use plantab_vocab::{compact, header_compact_max_len, match_header_exact_compact};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRole {
    /// Empty or whitespace.
    Blank,
    /// Table content (rows) or, before the first table, legend / prose.
    Content,
    /// Part of the printed column header of block `.0`.
    Header(usize),
    /// Page furniture repeated around the headers.
    Furniture,
    /// A section heading printed above a table.
    Heading,
}

/// One printed column header.
#[derive(Debug, Clone)]
pub(crate) struct HeaderBlock {
    /// First line (0-based) of the header.
    pub first: usize,
    /// Labels as printed (unwrapped), with their canonical keys.
    pub labels: Vec<(String, &'static str)>,
}

/// Lines before / after a header line searched for furniture.
const NEAR_BEFORE: usize = 15;
const NEAR_AFTER: usize = 25;

fn ref_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|\s)([A-Z]{1,5}\.[A-Z]{0,3}\d+(?:\.\d+)+)(?:\s|$)").ok())
        .as_ref()
}

/// A row identifier on a line: (text printed before it, the id, the text
/// after it). The text before must be a short capitalised phrase without
/// digits (a workstream name printed on the same line).
pub(crate) fn ref_on_line(line: &str) -> Option<(&str, &str, &str)> {
    let caps = ref_re()?.captures(line)?;
    let m = caps.get(1)?;
    let before = line.get(..m.start())?.trim();
    let after = line.get(m.end()..)?;
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
    Some((before, m.as_str(), after))
}

/// A header word with what layout said about its end.
#[derive(Debug, Clone)]
struct HWord {
    text: String,
    line: usize,
    /// Last word of its line, printed without a trailing space: the word may
    /// continue on the next line.
    open_end: bool,
}

fn header_words(lines: &[&str], range: impl IntoIterator<Item = usize>) -> Vec<HWord> {
    let mut out = Vec::new();
    for i in range {
        let Some(l) = lines.get(i) else { continue };
        let ws: Vec<&str> = l.split_whitespace().collect();
        let n = ws.len();
        for (k, w) in ws.into_iter().enumerate() {
            out.push(HWord {
                text: w.to_string(),
                line: i,
                open_end: k + 1 == n && !l.ends_with(char::is_whitespace),
            });
        }
    }
    out
}

/// Greedy longest-match of header labels over words: the labels (printed
/// text, key) and, per word, whether a label took it.
///
/// A label is at most twelve words; runs whose compact form is already
/// longer than any label can be are not tried. Compact forms are built
/// word by word (a run's compact form is its words' compact forms
/// concatenated), so each start costs one pass over the words it may take.
fn parse_labels(words: &[HWord]) -> (Vec<(String, &'static str)>, Vec<bool>) {
    let compacts: Vec<String> = words.iter().map(|w| compact(&w.text)).collect();
    let max_len = header_compact_max_len();
    let mut labels = Vec::new();
    let mut used = vec![false; words.len()];
    // The compact form of the words from `i` on, and where each run ends
    // in it.
    let mut run = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(12);
    let mut i = 0;
    while i < words.len() {
        run.clear();
        ends.clear();
        for c in compacts.iter().skip(i).take(12) {
            run.push_str(c);
            if run.len() > max_len {
                break;
            }
            ends.push(run.len());
        }
        let found = ends.iter().enumerate().rev().find_map(|(k, &end)| {
            let j = i + k + 1;
            let m = match_header_exact_compact(run.get(..end)?)?;
            Some((j, join_header(words.get(i..j)?), m.key))
        });
        match found {
            Some((j, text, key)) => {
                labels.push((text, key));
                for u in used.iter_mut().take(j).skip(i) {
                    *u = true;
                }
                i = j;
            }
            None => i += 1,
        }
    }
    (labels, used)
}

/// Joins header words; a word left open at a line end and continued in
/// lower case on the next line is joined without a space ("(Decembe" +
/// "r 2023)" → "(December 2023)").
fn join_header(words: &[HWord]) -> String {
    let mut s = String::new();
    let mut prev: Option<&HWord> = None;
    for w in words {
        if let Some(p) = prev {
            let join = p.open_end
                && p.line != w.line
                && w.text.chars().next().is_some_and(|c| c.is_lowercase());
            if !join {
                s.push(' ');
            }
        }
        s.push_str(&w.text);
        prev = Some(w);
    }
    s
}

/// A line that prints a table's column header: at least four labels, one
/// of them an identifier column.
pub(crate) fn is_header_core(line: &str) -> bool {
    let words = header_words(&[line], [0]);
    let (labels, used) = parse_labels(&words);
    let unused = used.iter().filter(|u| !**u).count();
    labels.len() >= 4 && labels.iter().any(|(_, k)| *k == "id") && unused <= labels.len()
}

fn norm(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Classifies every line.
pub(crate) fn classify(lines: &[&str]) -> (Vec<LineRole>, Vec<HeaderBlock>) {
    let n = lines.len();
    let mut roles: Vec<LineRole> = lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                LineRole::Blank
            } else {
                LineRole::Content
            }
        })
        .collect();
    let cores: Vec<usize> = (0..n)
        .filter(|&i| lines.get(i).is_some_and(|l| is_header_core(l)))
        .collect();

    // Lines repeated around header lines and seldom elsewhere: furniture.
    let mut near = vec![false; n];
    for &c in &cores {
        for v in near
            .iter_mut()
            .take((c + NEAR_AFTER + 1).min(n))
            .skip(c.saturating_sub(NEAR_BEFORE))
        {
            *v = true;
        }
    }
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() || ref_on_line(l).is_some() {
            continue;
        }
        let e = counts.entry(norm(l)).or_default();
        e.0 += 1;
        if near.get(i).copied().unwrap_or(false) {
            e.1 += 1;
        }
    }
    let is_furniture_text = |l: &str| -> bool {
        if l.trim().is_empty() || ref_on_line(l).is_some() {
            return false;
        }
        counts
            .get(&norm(l))
            .is_some_and(|&(total, nearc)| nearc >= 3 && nearc * 4 >= total * 3)
    };

    let mut blocks = Vec::new();
    for (b, &core) in cores.iter().enumerate() {
        // Forward: header continuation lines, then furniture.
        let mut header_last = core;
        let mut j = core + 1;
        let limit = (core + NEAR_AFTER).min(n);
        while j < limit {
            let Some(l) = lines.get(j) else { break };
            if l.trim().is_empty() {
                j += 1;
                continue;
            }
            if ref_on_line(l).is_some() || cores.contains(&j) {
                break;
            }
            // Does adding this line (with up to two more) give labels words
            // on this line?
            let mut look: Vec<usize> = (core..=j).collect();
            let mut extra = 0;
            let mut k = j + 1;
            while extra < 3 && k < limit {
                if lines.get(k).is_some_and(|x| !x.trim().is_empty()) {
                    if lines.get(k).is_some_and(|x| ref_on_line(x).is_some()) {
                        break;
                    }
                    look.push(k);
                    extra += 1;
                }
                k += 1;
            }
            let words = header_words(lines, look);
            let (_, used) = parse_labels(&words);
            let takes = words.iter().zip(&used).any(|(w, u)| w.line == j && *u);
            if takes {
                header_last = j;
            } else if is_furniture_text(l) {
                if let Some(r) = roles.get_mut(j) {
                    *r = LineRole::Furniture;
                }
            } else {
                break;
            }
            j += 1;
        }
        let words = header_words(lines, core..=header_last);
        let (labels, used) = parse_labels(&words);
        for i in core..=header_last {
            if let Some(r) = roles.get_mut(i) {
                if *r == LineRole::Content {
                    // A header-area line no label took is furniture.
                    let any_used = words.iter().zip(&used).any(|(w, u)| w.line == i && *u);
                    *r = if any_used || i == core {
                        LineRole::Header(b)
                    } else {
                        LineRole::Furniture
                    };
                }
            }
        }
        // Backward: furniture, and a heading after a page break.
        let mut k = core;
        let mut heading_done = false;
        while k > 0 {
            k -= 1;
            let Some(l) = lines.get(k) else { break };
            if roles
                .get(k)
                .is_some_and(|r| !matches!(r, LineRole::Blank | LineRole::Content))
            {
                break;
            }
            if l.trim().is_empty() {
                continue;
            }
            if is_furniture_text(l) {
                if let Some(r) = roles.get_mut(k) {
                    *r = LineRole::Furniture;
                }
                continue;
            }
            if !heading_done && is_heading_at(lines, k) {
                if let Some(r) = roles.get_mut(k) {
                    *r = LineRole::Heading;
                }
                heading_done = true;
                continue;
            }
            break;
        }
        blocks.push(HeaderBlock {
            first: core,
            labels,
        });
    }
    (roles, blocks)
}

/// A short line printed after a page break (two or more blank lines, or
/// the start of the document): a section heading.
fn is_heading_at(lines: &[&str], k: usize) -> bool {
    let Some(l) = lines.get(k) else { return false };
    let words = l.split_whitespace().count();
    if words == 0 || words > 12 || ref_on_line(l).is_some() {
        return false;
    }
    let mut blanks = 0;
    let mut i = k;
    while i > 0 {
        i -= 1;
        if lines.get(i).is_some_and(|x| x.trim().is_empty()) {
            blanks += 1;
        } else {
            break;
        }
    }
    blanks >= 2 || (i == 0 && blanks == k)
}
