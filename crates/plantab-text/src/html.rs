//! The little HTML that text conversions leave in table cells, as plain
//! text: paragraphs become lines, list items become `- ` lines, other tags
//! are dropped with their text kept, entities are decoded.

/// Converts a cell's HTML-ish text to plain text. Lines are trimmed,
/// runs of spaces collapsed, empty lines dropped; the result has no
/// leading or trailing whitespace.
///
/// One pass into one buffer: tags and entities are resolved as the text
/// is folded, so a cell costs one allocation.
pub fn html_to_text(cell: &str) -> String {
    let bytes = cell.as_bytes();
    // Most cells are plain text on one line: only whitespace to fold.
    if memchr::memchr3(b'<', b'&', b'\n', bytes).is_none() {
        if is_tidy(cell) {
            return cell.to_string();
        }
        let mut fold = LineFolder::with_capacity(cell.len());
        fold.text(cell);
        return fold.finish();
    }
    let mut fold = LineFolder::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        fold.text_with_entities(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(tag) = tag_at(after) else {
            fold.text("<");
            rest = after;
            continue;
        };
        match tag.name {
            TagName::Block => fold.new_line(false),
            TagName::ListItem if !tag.closing => fold.new_line(true),
            TagName::Cell if tag.closing => fold.space(),
            _ => {}
        }
        rest = &after[tag.len..];
    }
    fold.text_with_entities(rest);
    fold.finish()
}

/// Builds folded text line by line: words joined by single spaces, empty
/// lines dropped, list items written `- item` with the item's own bullet
/// (`- `, `• `, `•`, `* `) removed.
struct LineFolder {
    out: String,
    /// Whether the current line has a word yet.
    line_has_text: bool,
    /// Whether a space is owed before the next word of the current line.
    space_owed: bool,
    /// Whether the current line is a list item.
    item: bool,
    /// Where the current line starts in `out` (before its `\n`).
    line_start: usize,
    /// Where the current line's text starts (after `\n` and `- `).
    text_start: usize,
}

impl LineFolder {
    fn with_capacity(n: usize) -> Self {
        LineFolder {
            out: String::with_capacity(n),
            line_has_text: false,
            space_owed: false,
            item: false,
            line_start: 0,
            text_start: 0,
        }
    }

    /// Text that may hold character references.
    fn text_with_entities(&mut self, s: &str) {
        if memchr::memchr(b'&', s.as_bytes()).is_none() {
            self.text(s);
            return;
        }
        decode_entities_into(s, |piece| self.text(piece));
    }

    /// Plain text: `\n` ends a line, other whitespace separates words.
    fn text(&mut self, s: &str) {
        let mut lines = s.split('\n');
        if let Some(first) = lines.next() {
            self.words(first);
        }
        for line in lines {
            self.new_line(false);
            self.words(line);
        }
    }

    fn words(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        let mut words = s.split_whitespace().peekable();
        while let Some(w) = words.next() {
            self.word(w);
            if words.peek().is_some() {
                self.space();
            }
        }
        if !s.is_empty() && s.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        self.space_owed = self.line_has_text;
    }

    fn word(&mut self, w: &str) {
        if !self.line_has_text {
            self.line_start = self.out.len();
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            if self.item {
                self.out.push_str("- ");
            }
            self.text_start = self.out.len();
            self.line_has_text = true;
        } else if self.space_owed {
            self.out.push(' ');
        }
        self.space_owed = false;
        self.out.push_str(w);
    }

    /// Ends the current line; the next is a list item when `item`.
    fn new_line(&mut self, item: bool) {
        self.end_line();
        self.item = item;
    }

    fn end_line(&mut self) {
        if self.line_has_text && self.item {
            let text = self.out.get(self.text_start..).unwrap_or_default();
            let bullet = ["- ", "• ", "•", "* "]
                .iter()
                .find(|b| text.starts_with(**b))
                .map_or(0, |b| b.len());
            if bullet > 0 {
                let rest_len = text[bullet..].trim_start().len();
                if rest_len == 0 {
                    self.out.truncate(self.line_start);
                } else {
                    let cut = self.out.len() - rest_len;
                    self.out.replace_range(self.text_start..cut, "");
                }
            }
        }
        self.line_has_text = false;
        self.space_owed = false;
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }
}

/// True when `raw` has no leading, trailing or doubled spaces and no other
/// whitespace: folding it would change nothing.
fn is_tidy(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if memchr::memchr3(b'\t', b'\n', b'\r', b).is_some()
        || memchr::memchr2(0x0b, 0x0c, b).is_some()
        || memchr::memmem::find(b, b"  ").is_some()
    {
        return false;
    }
    // Unicode spaces (no-break, thin …) are folded too; all of them are
    // encoded with one of these lead bytes.
    memchr::memchr3(0xc2, 0xe2, 0xe3, b).is_none() && memchr::memchr(0xe1, b).is_none()
        || !raw.chars().any(|ch| ch.is_whitespace() && ch != ' ')
}

/// What a tag does to the text around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagName {
    /// Starts a new line (`p`, `div`, lists, `br`, `tr`, headings, … see
    /// `BLOCK_TAGS`).
    Block,
    /// `li`: opening starts a list item line.
    ListItem,
    /// `td`/`th`: closing separates words.
    Cell,
    /// Any other tag: dropped, its text kept.
    Inline,
}

struct Tag {
    name: TagName,
    closing: bool,
    /// Bytes from just after `<` to just after `>`.
    len: usize,
}

/// Recognises a tag starting just after a `<`, as [`raw_tag_at`] does,
/// and tells what it does to the text around it.
fn tag_at(s: &str) -> Option<Tag> {
    let raw = raw_tag_at(s)?;
    let is = |n: &str| raw.name.eq_ignore_ascii_case(n);
    let name = if BLOCK_TAGS.into_iter().any(is) {
        TagName::Block
    } else if is("li") {
        TagName::ListItem
    } else if is("td") || is("th") {
        TagName::Cell
    } else {
        TagName::Inline
    };
    Some(Tag {
        name,
        closing: raw.closing,
        len: raw.len,
    })
}

/// Tags that start a new line of folded text.
const BLOCK_TAGS: [&str; 24] = [
    "p",
    "div",
    "ul",
    "ol",
    "br",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "caption",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "figure",
    "figcaption",
];

/// A tag as printed, seen from just after its `<`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawTag<'a> {
    /// The element name as printed (compare case-insensitively).
    pub name: &'a str,
    /// `</name>`.
    pub closing: bool,
    /// The attribute text between the name and the `>` (a trailing `/`
    /// of a self-closing tag included).
    pub attrs: &'a str,
    /// Bytes from just after `<` to just after `>`.
    pub len: usize,
}

/// Recognises a tag starting just after a `<`: `/`? letter…, up to the
/// first `>`, with no `<` before it.
pub(crate) fn raw_tag_at(s: &str) -> Option<RawTag<'_>> {
    let (closing, body) = match s.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, s),
    };
    if !body.as_bytes().first()?.is_ascii_alphabetic() {
        return None;
    }
    let gt = memchr::memchr(b'>', s.as_bytes())?;
    // A '<' before the '>' means this was not a tag.
    if memchr::memchr(b'<', s.as_bytes().get(..gt)?).is_some() {
        return None;
    }
    let name_len = body
        .bytes()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body.get(..name_len)?;
    let body_end = gt - usize::from(closing);
    let attrs = body.get(name_len..body_end).unwrap_or_default();
    Some(RawTag {
        name,
        closing,
        attrs,
        len: gt + 1,
    })
}

/// The value of attribute `name` (case-insensitive) in a tag's attribute
/// text: `name="v"`, `name='v'` or `name=v`; entities are not decoded.
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Skip to an attribute name.
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let key = attrs.get(start..i).unwrap_or_default();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let vs = i + 1;
                    let ve = memchr::memchr(q, b.get(vs..).unwrap_or_default())
                        .map_or(b.len(), |e| vs + e);
                    value = attrs.get(vs..ve).unwrap_or_default();
                    i = ve + 1;
                }
                _ => {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = attrs.get(vs..i).unwrap_or_default();
                }
            }
        }
        if key.is_empty() {
            i += 1;
        } else if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
    None
}

/// Decodes named (the common ones) and numeric character references;
/// anything else is left as printed.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_entities_into(s, |piece| out.push_str(piece));
    out
}

/// [`decode_entities`], handing the decoded text to `push` piece by piece
/// (runs of plain text and single decoded characters, in order).
fn decode_entities_into(s: &str, mut push: impl FnMut(&str)) {
    let mut rest = s;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        // `&` is ASCII: both slices fall on character boundaries.
        push(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        match entity_at(after) {
            Some((c, len)) => {
                let mut buf = [0u8; 4];
                push(c.encode_utf8(&mut buf));
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                push("&");
                rest = after;
            }
        }
    }
    push(rest);
}

/// The character reference starting just after a `&` (`amp;`, `#163;`),
/// with the bytes it takes up to and including its `;`.
fn entity_at(after: &str) -> Option<(char, usize)> {
    let window = after.as_bytes().get(..after.len().min(11))?;
    let semi = memchr::memchr(b';', window)?;
    entity(after.get(..semi)?).map(|c| (c, semi + 1))
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
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "sect" => '§',
        "para" => '¶',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "cent" => '¢',
        "yen" => '¥',
        "laquo" => '«',
        "raquo" => '»',
        "sbquo" => '‚',
        "bdquo" => '„',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "prime" => '′',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{ad}',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "uacute" => 'ú',
        "uuml" => 'ü',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "Eacute" => 'É',
        "szlig" => 'ß',
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
