//! Markdown conversions as today's converters write them: docling,
//! marker, pandoc, pymupdf4llm, Azure Document Intelligence and LLM-based
//! converters.
//!
//! * tables: pipe tables, pandoc grid, simple and multiline tables
//!   ([`crate::pipe`]), HTML
//!   `<table>` blocks ([`crate::html_doc`]), and tab-separated rows (read
//!   as the tab-separated reader reads them); each is one
//!   [`TableFragment`], put back together with the fragments around it by
//!   the tables stage (a table continued on the next page under a repeated
//!   header, a right half printed after its left half);
//! * page markers ([`crate::pages`]) set the page of what follows; they
//!   are not text, so a table continued over a page break is not cut by
//!   them. A bare `---` rule gives no page number;
//! * headings: `#` headings and setext underlines at their level; a
//!   one-line paragraph wholly in bold, or a short standalone line, that
//!   heads a paragraph or a table, as a level-4 heading;
//! * paragraphs: a wrapped line (50 characters or more, or followed by a
//!   line starting in lower case) runs on into the next line, joined with
//!   a space; other lines one under another (a cover's title and owner, a
//!   letterhead, lines ending in a hard break) are blocks of their own;
//!   each list item is a block (`- item`, continuation lines joined);
//!   inline markdown is removed ([`crate::inline`]);
//! * code fences (LLM converters often wrap their whole answer in one)
//!   are transparent, HTML comments are dropped, YAML front matter gives
//!   its `title` (a heading), `subtitle`, `author` and `date` as text.

use crate::builder::{Builder, LineIndex};
use crate::html_doc;
use crate::inline::markdown_to_text;
use crate::pages::{self, Marker};
use crate::pipe::{
    aligned_fragment, delimiter_cells, grid_fragment, has_pipe, is_dash_guide, is_dash_rule,
    is_grid_border, pipe_fragment,
};
use crate::tabular::fragment_from_rows;
use plantab_model::{Layout, Warning, WarningCode};

/// True when the text holds a markdown table a converter prints: a pipe
/// table (a line with a pipe followed by an alignment row), a grid table
/// (a `+---+` border followed by a `|` line), a pandoc simple or
/// multiline table (a guide line of dash runs under a line of text), or
/// an HTML `<table>` at the start of a line.
pub fn looks_markdown(text: &str) -> bool {
    let b = text.as_bytes();
    // An alignment row under a line with a pipe (the header line), or a
    // `|` line under a grid border.
    let pipe_table = |line: &str, prev: &str| {
        delimiter_cells(line).is_some() && has_pipe(prev)
            || line.trim_start().starts_with('|') && is_grid_border(prev)
    };
    // A pandoc column guide under a line of text.
    let aligned_table = |line: &str, prev: &str| {
        is_dash_guide(line) && !prev.trim().is_empty() && !is_dash_guide(prev)
    };
    if lines_with(text, b"|", pipe_table) || lines_with(text, b"--", aligned_table) {
        return true;
    }
    // HTML tables at the start of a line.
    memchr::memchr_iter(b'<', b).any(|i| {
        let tag = b.get(i + 1..i + 7);
        tag.is_some_and(|t| {
            t.get(..5).is_some_and(|n| n.eq_ignore_ascii_case(b"table"))
                && t.get(5)
                    .is_some_and(|c| *c == b'>' || c.is_ascii_whitespace())
        }) && {
            // Only spaces or tabs between the line start and the `<`.
            let before = b.get(..i).unwrap_or_default();
            let ws = before
                .iter()
                .rev()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            i == ws || before.get(i - ws - 1) == Some(&b'\n')
        }
    })
}

/// Whether a line holding `needle` (each such line checked once), with
/// the line above it, passes `test`.
fn lines_with(text: &str, needle: &[u8], test: impl Fn(&str, &str) -> bool) -> bool {
    let b = text.as_bytes();
    let finder = memchr::memmem::Finder::new(needle);
    let line_start = |at: usize| {
        b.get(..at)
            .and_then(|r| memchr::memrchr(b'\n', r))
            .map_or(0, |p| p + 1)
    };
    let mut from = 0;
    while let Some(i) = b.get(from..).and_then(|r| finder.find(r)) {
        let at = from + i;
        let start = line_start(at);
        let end = b
            .get(at..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(b.len(), |p| at + p);
        if start > 0 {
            let line = text.get(start..end).unwrap_or_default();
            let prev = text
                .get(line_start(start - 1)..start - 1)
                .unwrap_or_default();
            if test(line, prev) {
                return true;
            }
        }
        from = end + 1;
        if from >= b.len() {
            break;
        }
    }
    false
}

/// One physical line (a line holding form feeds is cut at them).
#[derive(Clone, Copy)]
struct Ln<'a> {
    no: usize,
    text: &'a str,
    /// Byte offset of `text` in the document.
    offset: usize,
    /// A form feed comes just before this piece.
    form_feed: bool,
}

fn split_lines(text: &str) -> Vec<Ln<'_>> {
    let mut out = Vec::with_capacity(text.len() / 32 + 1);
    let mut offset = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if memchr::memchr(b'\x0c', line.as_bytes()).is_none() {
            out.push(Ln {
                no: i + 1,
                text: line,
                offset,
                form_feed: false,
            });
        } else {
            let mut piece_off = offset;
            for (k, piece) in line.split('\x0c').enumerate() {
                out.push(Ln {
                    no: i + 1,
                    text: piece,
                    offset: piece_off,
                    form_feed: k > 0,
                });
                piece_off += piece.len() + 1;
            }
        }
        offset += raw.len() + 1;
    }
    out
}

/// A line this long that runs on into the next line was wrapped.
const WRAPPED_LINE_CHARS: usize = 50;

/// Lines of a paragraph being gathered.
struct Para<'a> {
    lines: Vec<&'a str>,
    first: usize,
    /// It is a list item (written `- item`).
    item: bool,
}

impl<'a> Para<'a> {
    fn new() -> Self {
        Para {
            lines: Vec::new(),
            first: 0,
            item: false,
        }
    }

    fn push(&mut self, no: usize, line: &'a str) {
        // Lines are pushed by the reader only when they continue the
        // paragraph (see `continues_with`).
        if self.lines.is_empty() {
            self.first = no;
        }
        self.lines.push(line);
    }

    /// Whether `next` carries on the paragraph's last line: that line was
    /// wrapped (it has no hard break, and it is long — converters and
    /// pandoc wrap prose at 72 columns or more — or `next` starts in lower
    /// case). Short lines one under another (a cover's title and owner,
    /// a letterhead, an address) are blocks of their own, as the
    /// converters that print them so mean them.
    fn continues_with(&self, next: &str) -> bool {
        let Some(last) = self.lines.last() else {
            return true;
        };
        let (content, hard) = strip_hard_break(last);
        !hard
            && (content.trim().chars().count() >= WRAPPED_LINE_CHARS
                || next.trim_start().starts_with(|c: char| c.is_lowercase())
                || self.item && next.starts_with([' ', '\t']))
    }

    fn flush(&mut self, b: &mut Builder) {
        if self.lines.is_empty() {
            return;
        }
        let mut md = String::new();
        for l in &self.lines {
            if !md.is_empty() {
                md.push(' ');
            }
            md.push_str(strip_hard_break(l).0.trim());
        }
        let bold = self.lines.len() == 1 && self.lines.first().is_some_and(|l| is_bold_line(l));
        // A pandoc table caption (`Table: …`, `: …`) without its marker.
        let md = ["Table: ", "table: ", ": "]
            .iter()
            .find_map(|p| md.strip_prefix(p))
            .map_or(md.as_str(), str::trim_start);
        let text = markdown_to_text(md);
        let text = if self.item { format!("- {text}") } else { text };
        b.text(text, self.first, None, bold);
        self.lines.clear();
        self.item = false;
    }
}

/// A line without its hard break (two trailing spaces, a trailing `\`,
/// a trailing `<br>`), and whether it had one.
fn strip_hard_break(line: &str) -> (&str, bool) {
    if line.ends_with("  ") {
        return (line.trim_end(), true);
    }
    let t = line.trim_end();
    if let Some(s) = t.strip_suffix('\\') {
        return (s, true);
    }
    let lower_tail = t
        .get(t.len().saturating_sub(6)..)
        .unwrap_or(t)
        .to_ascii_lowercase();
    for br in ["<br />", "<br/>", "<br>"] {
        if lower_tail.ends_with(br) {
            return (t.get(..t.len() - br.len()).unwrap_or(t), true);
        }
    }
    (t, false)
}

/// A line wholly in bold: `**…**` or `__…__` with no other bold inside.
fn is_bold_line(line: &str) -> bool {
    let t = line.trim();
    ["**", "__"].iter().any(|m| {
        t.len() > 2 * m.len()
            && t.strip_prefix(m)
                .and_then(|r| r.strip_suffix(m))
                .is_some_and(|inner| !inner.contains(m) && !inner.trim().is_empty())
    })
}

/// `#`-heading: level and text.
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let hashes = t.bytes().take_while(|&c| c == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = t.get(hashes..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // Closing hashes.
    let rest = match rest.trim_end_matches('#') {
        r if r.len() < rest.len() && (r.is_empty() || r.ends_with(' ')) => r.trim_end(),
        _ => rest,
    };
    Some((u8::try_from(hashes).ok()?, rest))
}

/// A list item: its text (bullets `-`, `*`, `+`, `•` dropped; numbers
/// `1.`, `a)` kept as printed).
fn list_item(line: &str) -> Option<String> {
    let t = line.trim_start();
    for bullet in ["- ", "* ", "+ ", "• ", "\u{2022}"] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some(rest.trim().to_string());
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && t.get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
    {
        return Some(t.trim().to_string());
    }
    None
}

/// Fence lines: ```` ``` ````, `~~~`, with or without an info string.
fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// Whether a line starts an HTML block (an HTML document or fragment
/// inside markdown).
fn html_block_start(line: &str) -> bool {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return false;
    }
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let Some(name) = rest.get(..name_len) else {
        return false;
    };
    !name.is_empty()
        && ends_name(rest.as_bytes().get(name_len).copied())
        && (html_doc::is_block_name(name)
            || ["table", "head"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n)))
}

/// Whether what follows a tag name ends it: nothing, `>`, `/` or white
/// space.
fn ends_name(next: Option<u8>) -> bool {
    match next {
        None => true,
        Some(c) => c == b'>' || c == b'/' || c.is_ascii_whitespace(),
    }
}

/// `<table` and `</table` counts of a line, case-insensitive.
fn table_tags(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let mut open = 0;
    let mut close = 0;
    for i in memchr::memchr_iter(b'<', b) {
        let (name_at, closing) = if b.get(i + 1) == Some(&b'/') {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        let is_table = b
            .get(name_at..name_at + 5)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"table"))
            && ends_name(b.get(name_at + 5).copied());
        if is_table {
            if closing {
                close += 1;
            } else {
                open += 1;
            }
        }
    }
    (open, close)
}

/// Reads a markdown conversion (see the module docs).
pub fn read_markdown(text: &str) -> Layout {
    let lines = split_lines(text);
    let mut b = Builder::new();
    let mut para = Para::new();
    let mut index: Option<LineIndex> = None;
    let mut i = 0;
    // YAML front matter: what pandoc prints on the title page (title as
    // the document heading, then subtitle, author, date); the rest skipped.
    if let Some(end) = front_matter_end(&lines) {
        for l in lines.get(1..end).unwrap_or_default() {
            let Some((key, value)) = l.text.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']);
            let heading = match key.trim() {
                "title" => Some(1),
                "subtitle" | "author" | "date" => None,
                _ => continue,
            };
            b.text(markdown_to_text(value), l.no, heading, false);
        }
        i = end + 1;
    }
    while let Some(&ln) = lines.get(i) {
        if ln.form_feed {
            para.flush(&mut b);
            b.marker(Marker::Break);
        }
        let t = ln.text;
        if t.trim().is_empty() {
            para.flush(&mut b);
            i += 1;
            continue;
        }
        if let Some(m) = pages::marker(t) {
            para.flush(&mut b);
            b.marker(m);
            i += 1;
            continue;
        }
        if is_fence(t) {
            para.flush(&mut b);
            i += 1;
            continue;
        }
        let trimmed = t.trim_start();
        if trimmed.starts_with("<!--") {
            // A comment (not a page marker): dropped, to its end; one
            // never closed is taken to end with its line (the text after
            // it is not lost).
            para.flush(&mut b);
            let close = lines
                .iter()
                .skip(i)
                .position(|l| l.text.contains("-->"))
                .map_or(i, |k| i + k);
            i = close + 1;
            continue;
        }
        if html_block_start(t) {
            para.flush(&mut b);
            let end = html_block_end(&lines, i);
            let start_off = ln.offset;
            let end_off = lines
                .get(end)
                .map_or(text.len(), |l| l.offset + l.text.len())
                .min(text.len());
            let idx = index.get_or_insert_with(|| LineIndex::new(text));
            html_doc::read_range(text, start_off, end_off, idx, &mut b);
            i = end + 1;
            continue;
        }
        if is_grid_border(t)
            && lines
                .get(i + 1)
                .is_some_and(|l| l.text.trim_start().starts_with('|'))
        {
            para.flush(&mut b);
            let mut j = i;
            let mut rows = Vec::new();
            while let Some(l) = lines.get(j) {
                let lt = l.text.trim_start();
                if !(lt.starts_with('|') || lt.starts_with('+')) || l.form_feed && j > i {
                    break;
                }
                rows.push((l.no, l.text.trim_start()));
                j += 1;
            }
            b.table(grid_fragment(&rows));
            i = j;
            continue;
        }
        if has_pipe(t) {
            if let Some(width) = lines.get(i + 1).and_then(|l| delimiter_cells(l.text)) {
                para.flush(&mut b);
                let mut j = i + 2;
                let mut rows = Vec::new();
                while let Some(l) = lines.get(j) {
                    if l.form_feed || l.text.trim().is_empty() || !has_pipe(l.text) {
                        break;
                    }
                    rows.push((l.no, l.text));
                    j += 1;
                }
                let before = b.last_table_width();
                let (frag, groups) = pipe_fragment((ln.no, t), width, &rows, before);
                b.table(frag);
                if !groups.is_empty() {
                    b.warn(Warning::new(
                        WarningCode::HeaderGroup,
                        format!(
                            "table header text kept out of the column labels: {}",
                            groups.join("; ")
                        ),
                    ));
                }
                i = j;
                continue;
            }
        }
        if is_dash_guide(t) {
            if let Some(j) = aligned_table(&lines, i, &mut para, &mut b) {
                i = j;
                continue;
            }
        }
        if is_dash_rule(t) && para.lines.is_empty() {
            if let Some(j) = multiline_table(&lines, i, &mut b) {
                i = j;
                continue;
            }
        }
        if is_tab_row(t) {
            para.flush(&mut b);
            let mut j = i;
            let mut rows = Vec::new();
            while let Some(l) = lines.get(j) {
                if (l.form_feed && j > i) || l.text.trim().is_empty() || !l.text.contains('\t') {
                    break;
                }
                rows.push((l.no, l.text));
                j += 1;
            }
            b.table(fragment_from_rows(&rows));
            i = j;
            continue;
        }
        if let Some((level, h)) = atx_heading(t) {
            para.flush(&mut b);
            b.text(markdown_to_text(h), ln.no, Some(level), false);
            i += 1;
            continue;
        }
        if let Some(level) = setext_level(t) {
            if para.lines.len() == 1 && !para.item {
                let h = para.lines.first().copied().unwrap_or_default();
                b.text(markdown_to_text(h.trim()), para.first, Some(level), false);
                para.lines.clear();
                i += 1;
                continue;
            }
        }
        if pages::is_thematic_break(t) {
            para.flush(&mut b);
            i += 1;
            continue;
        }
        if let Some(item) = list_item(t) {
            para.flush(&mut b);
            para.item = !item.starts_with(|c: char| c.is_ascii_digit());
            para.push(ln.no, if para.item { bullet_text(t) } else { t });
            i += 1;
            continue;
        }
        let content = trimmed
            .strip_prefix('>')
            .map_or(t, |r| r.trim_start_matches('>').trim_start());
        if !para.continues_with(content) {
            para.flush(&mut b);
        }
        para.push(ln.no, content);
        i += 1;
    }
    para.flush(&mut b);
    b.finish()
}

/// A pandoc simple table whose guide line is `lines[i]` (its header the
/// paragraph line above, or none), or a headerless multiline table opened
/// by the guide. Returns the line after the table.
fn aligned_table(
    lines: &[Ln<'_>],
    i: usize,
    para: &mut Para<'_>,
    b: &mut Builder,
) -> Option<usize> {
    let guide = lines.get(i)?;
    if let Some(&header) = para.lines.last() {
        // pandoc's header is one line, with a blank line before it.
        if para.item || para.lines.len() > 1 {
            return None;
        }
        let header_no = para.first + para.lines.len() - 1;
        para.lines.pop();
        para.flush(b);
        let mut j = i + 1;
        let mut rows = Vec::new();
        while let Some(l) = lines.get(j) {
            if l.text.trim().is_empty() || l.form_feed {
                break;
            }
            j += 1;
            if is_dash_guide(l.text) || is_dash_rule(l.text) {
                break;
            }
            rows.push(vec![(l.no, l.text)]);
        }
        b.table(aligned_fragment(
            &[(header_no, header)],
            (guide.no, guide.text),
            &rows,
        ));
        return Some(j);
    }
    // Headerless: rows up to a closing guide line.
    let close = (i + 1..lines.len().min(i + 2000)).find(|&k| {
        lines
            .get(k)
            .is_some_and(|l| is_dash_guide(l.text) || l.form_feed)
    })?;
    if !lines.get(close).is_some_and(|l| is_dash_guide(l.text)) {
        return None;
    }
    let body = lines.get(i + 1..close)?;
    let multiline = body.iter().any(|l| l.text.trim().is_empty());
    let rows = group_rows(body, multiline);
    b.table(aligned_fragment(&[], (guide.no, guide.text), &rows));
    Some(close + 1)
}

/// A pandoc multiline table opened by the dash rule `lines[i]`: header
/// lines, a guide line, rows separated by blank lines, a closing rule.
/// Returns the line after the table.
fn multiline_table(lines: &[Ln<'_>], i: usize, b: &mut Builder) -> Option<usize> {
    let guide_at = (i + 1..i + 5).find(|&k| lines.get(k).is_some_and(|l| is_dash_guide(l.text)))?;
    let header: Vec<(usize, &str)> = lines
        .get(i + 1..guide_at)?
        .iter()
        .map(|l| (l.no, l.text))
        .collect();
    if header.is_empty() || header.iter().any(|(_, l)| l.trim().is_empty()) {
        return None;
    }
    let close = (guide_at + 1..lines.len().min(guide_at + 5000)).find(|&k| {
        lines
            .get(k)
            .is_some_and(|l| is_dash_rule(l.text) || l.form_feed)
    })?;
    if !lines.get(close).is_some_and(|l| is_dash_rule(l.text)) {
        return None;
    }
    let guide = lines.get(guide_at)?;
    let rows = group_rows(lines.get(guide_at + 1..close)?, true);
    b.table(aligned_fragment(&header, (guide.no, guide.text), &rows));
    Some(close + 1)
}

/// Table body lines as rows: one a line, or (multiline) runs of lines
/// between blank lines.
fn group_rows<'a>(body: &[Ln<'a>], multiline: bool) -> Vec<Vec<(usize, &'a str)>> {
    let mut rows: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    for l in body {
        if l.text.trim().is_empty() {
            if !current.is_empty() {
                rows.push(std::mem::take(&mut current));
            }
        } else if multiline {
            current.push((l.no, l.text));
        } else {
            rows.push(vec![(l.no, l.text)]);
        }
    }
    if !current.is_empty() {
        rows.push(current);
    }
    rows
}

/// A list item line without its bullet.
fn bullet_text(line: &str) -> &str {
    let t = line.trim_start();
    ["- ", "* ", "+ ", "• ", "\u{2022}"]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .unwrap_or(t)
}

/// A setext underline: `===` (level 1) or `---` (level 2).
fn setext_level(line: &str) -> Option<u8> {
    let t = line.trim();
    if t.len() >= 3 && t.bytes().all(|c| c == b'=') {
        Some(1)
    } else if t.len() >= 3 && t.bytes().all(|c| c == b'-') {
        Some(2)
    } else {
        None
    }
}

/// A tab-separated row: two or more non-empty cells.
fn is_tab_row(line: &str) -> bool {
    memchr::memchr(b'\t', line.as_bytes()).is_some()
        && line
            .split('\t')
            .filter(|c| !c.trim().is_empty())
            .take(2)
            .count()
            == 2
}

/// The last line (index) of the HTML block starting at `start`: its
/// outermost `</table>` when a table is open, else the line before a
/// blank line.
fn html_block_end(lines: &[Ln<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    let mut j = start;
    let mut last = start;
    while let Some(l) = lines.get(j) {
        if l.text.trim().is_empty() && depth == 0 {
            break;
        }
        let (open, close) = table_tags(l.text);
        depth = (depth + open).saturating_sub(close);
        last = j;
        j += 1;
        if depth == 0 && open > 0 && close > 0 && html_block_start_is_table(lines, start) {
            break;
        }
    }
    last
}

fn html_block_start_is_table(lines: &[Ln<'_>], start: usize) -> bool {
    lines.get(start).is_some_and(|l| {
        l.text
            .trim_start()
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("<table"))
    })
}

/// Where YAML front matter ends (the index of its closing `---`/`...`),
/// when the document opens with it.
fn front_matter_end(lines: &[Ln<'_>]) -> Option<usize> {
    if lines.first()?.text.trim_end() != "---" {
        return None;
    }
    let end = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(60)
        .find(|(_, l)| matches!(l.text.trim_end(), "---" | "..."))?
        .0;
    let yaml_like = lines.get(1..end)?.iter().all(|l| {
        let t = l.text.trim();
        t.is_empty() || t.starts_with('#') || t.starts_with("- ") || t.contains(':')
    });
    (yaml_like && end > 1).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::TableFragment;

    fn tables(l: &Layout) -> Vec<&TableFragment> {
        l.fragments().collect()
    }

    fn texts(l: &Layout) -> Vec<(&str, Option<u8>, Option<u32>)> {
        l.texts()
            .map(|t| (t.text.as_str(), t.heading, t.page))
            .collect()
    }

    #[test]
    fn detection() {
        assert!(looks_markdown("Intro\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"));
        assert!(looks_markdown("A | B\n--|--\n1 | 2"));
        assert!(looks_markdown("text\n<table>\n<tr><td>x</td></tr></table>"));
        assert!(looks_markdown("+---+---+\n| a | b |\n+---+---+\n"));
        assert!(!looks_markdown(
            "19-21 Broad Street | St Helier\nJersey | JE2 3RR\n"
        ));
        assert!(!looks_markdown("ID\tACTION\n1\t<p>x</p> <table>\n"));
        assert!(!looks_markdown("Title\n---\n\nText | more\n"));
    }

    #[test]
    fn marker_style_document() {
        let md = "\n\n{0}------------------------------------------------\n\n# Housing Action Plan 2025\n\nThis plan sets out what the council will do\nover the year ahead, and who leads it.\n\n**Theme 1: Homes**\n\n| Ref | Action | Lead | Due |\n|-----|--------|------|-----|\n| H1.1 | Build<br>500 homes | Housing | Q2 2025 |\n\n{1}------------------------------------------------\n\n| Ref | Action | Lead | Due |\n|-----|--------|------|-----|\n| H1.2 | Repair \\| renew | Estates | Q3 2025 |\n";
        let l = read_markdown(md);
        assert_eq!(
            texts(&l),
            [
                ("Housing Action Plan 2025", Some(1), Some(1)),
                (
                    "This plan sets out what the council will do over the year ahead, and who leads it.",
                    None,
                    Some(1)
                ),
                ("Theme 1: Homes", Some(4), Some(1)),
            ]
        );
        let t = tables(&l);
        assert_eq!(t.len(), 2);
        assert_eq!(
            t[0].header.as_deref().unwrap(),
            ["Ref", "Action", "Lead", "Due"]
        );
        assert_eq!(t[0].rows[0].cells[1], "Build\n500 homes");
        assert_eq!((t[0].page, t[1].page), (Some(1), Some(2)));
        assert_eq!(t[1].rows[0].cells[1], "Repair | renew");
        assert_eq!(t[1].rows[0].line, Some(20));
        assert_eq!(l.pages, Some(2));
    }

    #[test]
    fn paragraphs_lists_headings_and_breaks() {
        let md = "```markdown\nLetterhead line  \nSecond line\n\nSection A\n===\n\n- first item\n  wrapped\n* second **item**\n1. numbered\n\n---\n\n## Closing ##\n\n<!-- image -->\n\nEnd.\n```\n";
        let l = read_markdown(md);
        assert_eq!(
            texts(&l),
            [
                ("Letterhead line", None, None),
                ("Second line", None, None),
                ("Section A", Some(1), None),
                ("- first item wrapped", None, None),
                ("- second item", None, None),
                ("1. numbered", None, None),
                ("Closing", Some(2), None),
                ("End.", None, None),
            ]
        );
        assert_eq!(l.pages, None);
    }

    #[test]
    fn html_blocks_and_page_breaks_in_markdown() {
        let md = "# Plan\n\n<table>\n<caption>Actions</caption>\n<tr><th>ID</th><th>Action</th></tr>\n<tr><td>A1</td><td>Do\nit</td></tr>\n</table>\n\n<!-- PageBreak -->\n\n<!-- PageHeader=\"Plan\" -->\n\n<table>\n<tr><th>ID</th><th>Action</th></tr>\n<tr><td>A2</td><td>Then &amp; more</td></tr>\n</table>\nAfter.\n";
        let l = read_markdown(md);
        let t = tables(&l);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].rows[0].cells, ["A1", "Do it"]);
        assert_eq!(t[0].rows[0].line, Some(6));
        assert_eq!(t[1].rows[0].cells, ["A2", "Then & more"]);
        assert_eq!((t[0].page, t[1].page), (Some(1), Some(2)));
        assert_eq!(
            texts(&l),
            [
                ("Plan", Some(1), Some(1)),
                ("Actions", Some(2), Some(1)),
                ("After.", None, Some(2)),
            ]
        );
    }

    #[test]
    fn mineru_pymupdf_llamaparse_and_mistral_forms() {
        // MinerU: the table as one line of HTML inside markdown.
        let md = "# Plan\n\n<html><body><table><tr><td rowspan=2>Ref</td><td>Action</td></tr><tr><td>Do</td></tr></table></body></html>\n\nAfter.\n";
        let l = read_markdown(md);
        let t = tables(&l);
        assert_eq!(t.len(), 1);
        assert!(texts(&l).iter().any(|(s, _, _)| *s == "After."));
        // pymupdf4llm's page separators; an image line (Mistral OCR) left
        // out; LlamaParse's `---` between pages is no text.
        let md = "| ID | Action |\n|---|---|\n| 1 | One |\n\n--- end of page.page_number=1 ---\n\n![img-0.jpeg](img-0.jpeg)\n\n---\n\n| ID | Action |\n|---|---|\n| 2 | Two |\n\n--- end of page.page_number=2 ---\n";
        let l = read_markdown(md);
        assert!(l.texts().next().is_none(), "{:?}", texts(&l));
        let t = tables(&l);
        assert_eq!((t[0].page, t[1].page), (Some(1), Some(2)));
        assert_eq!(l.pages, Some(2));
    }

    #[test]
    fn an_unclosed_comment_ends_with_its_line() {
        let l = read_markdown("<!-- draft\n\nKept paragraph.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(texts(&l), [("Kept paragraph.", None, None)]);
        assert_eq!(tables(&l).len(), 1);
    }

    #[test]
    fn pandoc_simple_and_multiline_tables() {
        let md = "Intro.\n\nRef    Action                Due\n-----  --------------------  ----------\nA1     Build the depot       May 2025\nA2     Open it               2026\n\nText between.\n\n-------------------------------------------\n Ref   Action               Lead\n                            service\n----- -------------------- ---------\n B1   Resurface the high     Roads\n      street and the square\n\n B2   Light the path         Parks\n-------------------------------------------\n\n: Works\n";
        assert!(looks_markdown(md));
        let l = read_markdown(md);
        let t = tables(&l);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].header.as_deref().unwrap(), ["Ref", "Action", "Due"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].rows[0].line, Some(5));
        assert_eq!(
            t[1].header.as_deref().unwrap(),
            ["Ref", "Action", "Lead service"]
        );
        assert_eq!(t[1].rows.len(), 2);
        assert_eq!(
            t[1].rows[0].cells,
            ["B1", "Resurface the high street and the square", "Roads"]
        );
        assert_eq!(t[1].rows[1].cells, ["B2", "Light the path", "Parks"]);
        let texts: Vec<&str> = l.texts().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["Intro.", "Text between.", "Works"]);
    }

    #[test]
    fn form_feeds_tab_rows_and_front_matter() {
        let md = "---\ntitle: \"Roads Plan\"\nauthor: x\nkeywords: [a]\n---\n\nID\tAction\tDue\nR1\tResurface\tMay 2025\n\x0cID\tAction\tDue\nR2\tPatch\tJune 2025\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let l = read_markdown(md);
        assert_eq!(texts(&l)[0], ("Roads Plan", Some(1), Some(1)));
        let t = tables(&l);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].rows[0].cells, ["R1", "Resurface", "May 2025"]);
        assert_eq!(
            (t[0].page, t[1].page, t[2].page),
            (Some(1), Some(2), Some(2))
        );
    }
}
