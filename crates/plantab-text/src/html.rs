//! The little HTML that text conversions leave in table cells, as plain
//! text: paragraphs become lines, list items become `- ` lines, other tags
//! are dropped with their text kept, entities are decoded.

/// Converts a cell's HTML-ish text to plain text. Lines are trimmed,
/// runs of spaces collapsed, empty lines dropped; the result has no
/// leading or trailing whitespace.
pub fn html_to_text(cell: &str) -> String {
    // Most cells are plain text on one line: only whitespace to fold.
    if !cell.contains(['<', '&', '\n']) {
        return collapse_whitespace(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(tag) = tag_at(after) else {
            out.push('<');
            rest = after;
            continue;
        };
        match tag.name.as_str() {
            "p" | "div" | "ul" | "ol" | "br" | "tr" | "h1" | "h2" | "h3" | "h4" => out.push('\n'),
            "li" if !tag.closing => out.push_str("\n\u{1}"),
            "td" | "th" if tag.closing => out.push(' '),
            _ => {}
        }
        rest = &after[tag.len..];
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    let mut text = String::with_capacity(decoded.len());
    for raw in decoded.split('\n') {
        let collapsed = collapse_whitespace(raw);
        let line = if let Some(item) = collapsed.strip_prefix('\u{1}') {
            let item = item.trim_start();
            let item = item
                .strip_prefix("- ")
                .or_else(|| item.strip_prefix("• "))
                .or_else(|| item.strip_prefix('•'))
                .or_else(|| item.strip_prefix("* "))
                .unwrap_or(item)
                .trim();
            if item.is_empty() {
                continue;
            }
            format!("- {item}")
        } else if collapsed.is_empty() {
            continue;
        } else {
            collapsed
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line);
    }
    text
}

/// The words of `raw` joined by single spaces (one allocation; a plain
/// copy when `raw` is already so).
fn collapse_whitespace(raw: &str) -> String {
    if is_tidy(raw) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True when `raw` has no leading, trailing or doubled spaces and no other
/// whitespace: folding it would change nothing. One pass over the bytes.
fn is_tidy(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    let mut non_ascii = false;
    for &c in b {
        match c {
            b' ' if prev_space => return false,
            b' ' => prev_space = true,
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => return false,
            _ => {
                prev_space = false;
                non_ascii |= c >= 0x80;
            }
        }
    }
    // Unicode spaces (no-break, thin …) are folded too.
    !non_ascii || !raw.chars().any(|ch| ch.is_whitespace() && ch != ' ')
}

struct Tag {
    name: String,
    closing: bool,
    /// Bytes from just after `<` to just after `>`.
    len: usize,
}

/// Recognises a tag starting just after a `<`: `/`? letter…, up to `>`.
fn tag_at(s: &str) -> Option<Tag> {
    let (closing, body) = match s.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let first = body.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let gt = s.find('>')?;
    // A '<' before the '>' means this was not a tag.
    if s[..gt].contains('<') {
        return None;
    }
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Some(Tag {
        name,
        closing,
        len: gt + 1,
    })
}

/// Decodes named (the common ones) and numeric character references;
/// anything else is left as printed.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&after[..i]).map(|c| (c, i)));
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "pound" => '£',
        "euro" => '€',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_entities() {
        let cell = "<p>We will support:</p> <ul style=\"list-style-type: none\"> <li>- Improving A</li> <li>- B &amp; C</li> </ul> <p>Then <u>more</u>.</p>";
        assert_eq!(
            html_to_text(cell),
            "We will support:\n- Improving A\n- B & C\nThen more."
        );
        assert_eq!(html_to_text("<li>• Bullet</li>"), "- Bullet");
        assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(html_to_text("R&D &#163;5 &bogus; &"), "R&D £5 &bogus; &");
        assert_eq!(html_to_text("  plain   text "), "plain text");
        assert_eq!(html_to_text("<small>* note</small>"), "* note");
    }
}
