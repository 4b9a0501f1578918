//! Markdown inline markup as plain text: what converters write inside a
//! paragraph or a table cell.
//!
//! Emphasis (`**bold**`, `__bold__`, `*em*`, `_em_`, `~~struck~~`) loses
//! its markers; links keep their text (`[text](url)` → `text`), images
//! (`![alt](src)`) are left out, autolinks keep their address, code spans
//! their content as printed; backslash escapes (`\|`, `\_`, `\*`, `\$` — docling
//! and marker escape these) give the character; inline HTML is folded as
//! [`crate::html::html_to_text`] folds it (`<br>` is a line break inside
//! the text, entities are decoded).

use crate::html::html_to_text;

/// Markdown inline text → plain text (see the module docs). Whitespace is
/// folded; `<br>` gives a line break.
pub fn markdown_to_text(s: &str) -> String {
    let b = s.as_bytes();
    // Most cells and paragraphs hold no inline markup.
    if memchr::memchr3(b'\\', b'*', b'_', b).is_none()
        && memchr::memchr3(b'[', b'`', b'~', b).is_none()
        && (memchr::memchr(b'<', b).is_none() || !has_autolink(s))
    {
        return html_to_text(s);
    }
    html_to_text(&to_html(s, 0))
}

/// How far a link's text or target, or a code span, may reach: longer
/// spans are not looked for (bounded work on hostile input).
const SPAN_WINDOW: usize = 2_000;

/// Link texts inside link texts are unwrapped this deep, no deeper.
const MAX_LINK_DEPTH: usize = 3;

/// Emphasis delimiters kept open at once, at most.
const MAX_OPEN: usize = 64;

/// Link and code-span searches that may find nothing before the rest of
/// the text is taken as printed (bounded work on hostile input).
const MAX_FAILED_SEARCHES: usize = 64;

fn has_autolink(s: &str) -> bool {
    s.contains("<http") || s.contains("<mailto:") || s.contains("<www.")
}

/// Markdown inline text with its markup removed, escapes and literal text
/// written as HTML (so that [`html_to_text`] decodes them and does not
/// take them for tags).
fn to_html(s: &str, depth: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    // Emphasis delimiters kept open: their position in `out` and the char.
    let mut open: Vec<(usize, char, usize)> = Vec::new();
    let mut failed = 0usize;
    while let Some(&c) = chars.get(i) {
        let searching = failed < MAX_FAILED_SEARCHES;
        match c {
            '\\' => match chars.get(i + 1) {
                Some(&n) if n.is_ascii_punctuation() => {
                    push_literal(&mut out, n);
                    i += 2;
                }
                _ => {
                    out.push('\\');
                    i += 1;
                }
            },
            '`' if searching => {
                let run = count_run(&chars, i, '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(close) => {
                        let inner: String = chars
                            .get(i + run..close)
                            .unwrap_or_default()
                            .iter()
                            .collect();
                        for ch in inner.trim().chars() {
                            push_literal(&mut out, ch);
                        }
                        i = close + run;
                    }
                    None => {
                        failed += 1;
                        for _ in 0..run {
                            out.push('`');
                        }
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') && searching => match link_at(&chars, i + 1) {
                // An image is not printed text: its alt text (a
                // description, or a file name: Mistral OCR writes
                // `![img-0.jpeg](img-0.jpeg)`) is left out.
                Some((_, end)) => i = end,
                None => {
                    failed += 1;
                    out.push('!');
                    i += 1;
                }
            },
            '[' if depth < MAX_LINK_DEPTH && searching => match link_at(&chars, i) {
                Some((text, end)) => {
                    out.push_str(&to_html(&text, depth + 1));
                    i = end;
                }
                None => {
                    failed += 1;
                    out.push('[');
                    i += 1;
                }
            },
            '<' => match autolink_at(&chars, i) {
                Some((url, end)) => {
                    for ch in url.chars() {
                        push_literal(&mut out, ch);
                    }
                    i = end;
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = count_run(&chars, i, c);
                let before = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
                let after = chars.get(i + run).copied();
                let left = flanks(after, before, c);
                let right = flanks(before, after, c);
                // `~` only as `~~`; one `~` is text ("~5%").
                let delimiter = c != '~' || run == 2;
                if delimiter && right {
                    if let Some(k) = open
                        .iter()
                        .rposition(|(_, oc, orun)| *oc == c && *orun == run)
                    {
                        // Close: drop the opening delimiter, emit nothing.
                        let (pos, _, _) = open.remove(k);
                        out.replace_range(pos..pos + run, "");
                        for o in open.iter_mut().skip(k) {
                            o.0 -= run;
                        }
                        i += run;
                        continue;
                    }
                }
                if delimiter && left {
                    if open.len() >= MAX_OPEN {
                        open.remove(0);
                    }
                    open.push((out.len(), c, run));
                }
                for _ in 0..run {
                    out.push(c);
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Whether a delimiter run with `inner` on the emphasis side and `outer`
/// on the other can open (or, swapped, close) emphasis: the inner side is
/// not whitespace, and for `_` the outer side is not a letter or digit
/// (no intraword underscore emphasis: `snake_case_id` stays as printed).
fn flanks(inner: Option<char>, outer: Option<char>, c: char) -> bool {
    let Some(inner) = inner else {
        return false;
    };
    if inner.is_whitespace() {
        return false;
    }
    if c == '_' {
        return !outer.is_some_and(char::is_alphanumeric);
    }
    true
}

/// A character written so that HTML folding prints it as it is.
fn push_literal(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '*' => out.push_str("&#42;"),
        '_' => out.push_str("&#95;"),
        '~' => out.push_str("&#126;"),
        '[' => out.push_str("&#91;"),
        '`' => out.push_str("&#96;"),
        '\\' => out.push_str("&#92;"),
        _ => out.push(c),
    }
}

fn count_run(chars: &[char], i: usize, c: char) -> usize {
    chars
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&x| x == c)
        .count()
}

/// The start of the next run of exactly `run` `c`s at or after `from`.
fn find_run(chars: &[char], from: usize, c: char, run: usize) -> Option<usize> {
    let mut j = from;
    let end = chars.len().min(from + SPAN_WINDOW);
    while j < end {
        if chars.get(j) == Some(&c) {
            let r = count_run(chars, j, c);
            if r == run {
                return Some(j);
            }
            j += r;
        } else {
            j += 1;
        }
    }
    None
}

/// `[text](target)` or `[text][ref]` starting at `[`: the text and the
/// position after it.
fn link_at(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut j = open;
    let close = loop {
        if j > open + SPAN_WINDOW {
            return None;
        }
        match chars.get(j)? {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let text: String = chars.get(open + 1..close)?.iter().collect();
    match chars.get(close + 1) {
        Some('(') => {
            let mut depth = 0usize;
            let mut k = close + 1;
            loop {
                if k > close + SPAN_WINDOW {
                    return None;
                }
                match chars.get(k)? {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((text, k + 1));
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
        Some('[') => {
            let end = chars
                .get(close + 2..)?
                .iter()
                .take(SPAN_WINDOW)
                .position(|&c| c == ']')?;
            Some((text, close + 2 + end + 1))
        }
        _ => None,
    }
}

/// `<https://…>`, `<mailto:…>`: the address and the position after `>`.
fn autolink_at(chars: &[char], open: usize) -> Option<(String, usize)> {
    let rest = chars.get(open + 1..)?;
    let end = rest
        .iter()
        .take(SPAN_WINDOW)
        .position(|&c| c == '>' || c == '<' || c == ' ')?;
    if rest.get(end) != Some(&'>') {
        return None;
    }
    let url: String = rest.get(..end)?.iter().collect();
    let lower = url.to_ascii_lowercase();
    let scheme = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("www.");
    scheme.then(|| (url, open + 1 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_links_code_and_escapes() {
        assert_eq!(markdown_to_text("**Bold** and *em*"), "Bold and em");
        assert_eq!(markdown_to_text("__Lead__: _Housing_"), "Lead: Housing");
        assert_eq!(markdown_to_text("GP21\\_OI3\\_CAPITA"), "GP21_OI3_CAPITA");
        assert_eq!(markdown_to_text("GP21_OI3_CAPITA"), "GP21_OI3_CAPITA");
        assert_eq!(markdown_to_text("a \\| b"), "a | b");
        assert_eq!(markdown_to_text("\\$2.4m and 3 * 4"), "$2.4m and 3 * 4");
        assert_eq!(
            markdown_to_text("See [the plan](https://x.gov/p.pdf) and ![logo](l.png)"),
            "See the plan and"
        );
        assert_eq!(markdown_to_text("Use `a|b` now"), "Use a|b now");
        assert_eq!(markdown_to_text("`<br>` literal"), "<br> literal");
        assert_eq!(
            markdown_to_text("line one<br>line two<br/>three"),
            "line one\nline two\nthree"
        );
        assert_eq!(
            markdown_to_text("<https://gov.scot/plan>"),
            "https://gov.scot/plan"
        );
        assert_eq!(markdown_to_text("~~Dropped~~ Kept ~5%"), "Dropped Kept ~5%");
        assert_eq!(markdown_to_text("R&amp;D &lt;b&gt;"), "R&D <b>");
        assert_eq!(markdown_to_text("**unclosed bold"), "**unclosed bold");
        assert_eq!(markdown_to_text("***Both***"), "Both");
        assert_eq!(markdown_to_text("a\\b"), "a\\b");
    }
}
