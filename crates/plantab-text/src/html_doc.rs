//! HTML conversions: whole `.html` documents (pandoc, docling, marker,
//! LLM converters, "save as web page") and the HTML blocks of markdown
//! conversions (Azure Document Intelligence and marker print tables as
//! `<table>` inside markdown).
//!
//! `<h1>`–`<h6>` become headings, paragraphs, list items (`- item`) and
//! other blocks become text blocks, `<caption>` a heading over its table.
//! A `<table>` becomes one [`TableFragment`]:
//! * header rows are the `<thead>` rows, else the leading rows of `<th>`
//!   cells, else a first row that reads as a header; several header rows
//!   are merged per column as the PDF reader merges a grid's: a column's
//!   own labels joined, a group label over several columns used only by a
//!   column with none of its own (and reported as `header_group`);
//! * a first row of one cell across the table above the header is a title
//!   bar, given as a heading;
//! * `rowspan`/`colspan` cells keep their text at their top-left slot
//!   (the others empty) and their spans in [`FragmentRow::spans`], as the
//!   PDF reader gives a ruled grid's; a row of one cell across the table
//!   (or an id cell and one cell across the rest) is a spanning row;
//! * cell text is folded as [`html_to_text`] folds it: paragraphs and
//!   `<br>` give lines, list items `- ` lines, inline markup is dropped,
//!   entities decoded; a table nested in a cell is text of that cell.
//!
//! Page markers: comment markers ([`crate::pages`]), marker's page
//! `<div class="page" data-page-id="N">`, `data-page-number`, a
//! `<div class="page">` per page, and `page-break-before` /
//! `page-break-after` styling.

use crate::builder::{Builder, LineIndex};
use crate::html::{attr, html_to_text, raw_tag_at, RawTag};
use crate::pages::{self, Marker};
use crate::tabular::{is_header_row, is_spanning};
use plantab_model::{Cell, CellSpan, FragmentRow, Layout, TableFragment, Warning, WarningCode};

/// Columns a table may have; cells beyond are reported and dropped.
const MAX_COLS: usize = 128;

/// The most rows one cell may span (the HTML limit).
const MAX_ROW_SPAN: usize = 65_534;

/// True when the text is an HTML document: after white space, comments
/// and an XML declaration it starts with `<!DOCTYPE html`, `<html`,
/// `<head` or `<body`.
pub fn looks_html_document(text: &str) -> bool {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // A few leading comments or declarations at most.
    for _ in 0..8 {
        if let Some(r) = rest.strip_prefix("<!--") {
            let Some(end) = r.find("-->") else {
                return false;
            };
            rest = r.get(end + 3..).unwrap_or_default().trim_start();
        } else if rest.starts_with("<?") {
            let Some(end) = rest.find("?>") else {
                return false;
            };
            rest = rest.get(end + 2..).unwrap_or_default().trim_start();
        } else {
            break;
        }
    }
    let head = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || ["<html", "<head", "<body"].iter().any(|t| {
            head.strip_prefix(t)
                .is_some_and(|r| r.starts_with(|c: char| c == '>' || c.is_whitespace()))
        })
}

/// Reads a whole HTML document.
pub fn read_html(text: &str) -> Layout {
    let lines = LineIndex::new(text);
    let mut b = Builder::new();
    read_range(text, 0, text.len(), &lines, &mut b);
    b.finish()
}

/// One token of HTML.
enum Tok<'a> {
    Text,
    Tag(RawTag<'a>),
    /// `<!-- … -->` (its inner text), `<!DOCTYPE …>`, `<?…?>`.
    Comment(&'a str),
    /// `<script>`, `<style>`, `<title>`, `<template>` with their contents.
    Skipped,
}

struct Token<'a> {
    start: usize,
    end: usize,
    tok: Tok<'a>,
}

/// Elements whose contents are not document text.
const SKIPPED: [&str; 5] = ["script", "style", "title", "template", "noscript"];

struct Tokenizer<'a> {
    s: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Tokenizer<'a> {
    fn new(s: &'a str, pos: usize, end: usize) -> Self {
        Tokenizer { s, pos, end }
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..self.end).unwrap_or_default()
    }

    /// Text up to the next `<` after `from` bytes of the rest.
    fn text_to_next_lt(&mut self, from: usize) -> Token<'a> {
        let start = self.pos;
        let rest = self.rest();
        let n = rest
            .as_bytes()
            .get(from..)
            .and_then(|b| memchr::memchr(b'<', b))
            .map_or(rest.len(), |i| i + from);
        self.pos += n;
        Token {
            start,
            end: self.pos,
            tok: Tok::Text,
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.rest();
        if rest.is_empty() {
            return None;
        }
        let start = self.pos;
        if !rest.starts_with('<') {
            return Some(self.text_to_next_lt(0));
        }
        if let Some(r) = rest.strip_prefix("<!--") {
            // A comment never closed ends with its line.
            let (inner, len) = match r.find("-->") {
                Some(e) => (r.get(..e).unwrap_or_default(), 4 + e + 3),
                None => {
                    let e = memchr::memchr(b'\n', r.as_bytes()).unwrap_or(r.len());
                    (r.get(..e).unwrap_or_default(), 4 + e)
                }
            };
            self.pos += len;
            return Some(Token {
                start,
                end: self.pos,
                tok: Tok::Comment(inner),
            });
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let len = memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
            self.pos += len;
            return Some(Token {
                start,
                end: self.pos,
                tok: Tok::Comment(""),
            });
        }
        let Some(tag) = rest.get(1..).and_then(raw_tag_at) else {
            return Some(self.text_to_next_lt(1));
        };
        self.pos += 1 + tag.len;
        if !tag.closing && SKIPPED.iter().any(|n| tag.name.eq_ignore_ascii_case(n)) {
            // Its contents up to its end tag; one never closed skips only
            // the tag (what follows is not lost).
            let after = self.rest();
            let close = find_close_tag(after, tag.name).unwrap_or(0);
            self.pos += close;
            return Some(Token {
                start,
                end: self.pos,
                tok: Tok::Skipped,
            });
        }
        Some(Token {
            start,
            end: self.pos,
            tok: Tok::Tag(tag),
        })
    }
}

/// The bytes up to and including `</name …>` (case-insensitive), if any.
fn find_close_tag(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(b.get(from..)?, b"</") {
        let at = from + i + 2;
        let candidate = b.get(at..at + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            let gt = memchr::memchr(b'>', b.get(at..)?)?;
            return Some(at + gt + 1);
        }
        from = at;
    }
    None
}

fn is(tag: &RawTag<'_>, name: &str) -> bool {
    tag.name.eq_ignore_ascii_case(name)
}

/// `h1`–`h6` → 1–6.
fn heading_level(tag: &RawTag<'_>) -> Option<u8> {
    match tag.name.as_bytes() {
        [h, d] if h.eq_ignore_ascii_case(&b'h') && (b'1'..=b'6').contains(d) => Some(d - b'0'),
        _ => None,
    }
}

/// Elements that end a text block where they open or close.
const BLOCKS: [&str; 35] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "address",
    "pre",
    "hr",
    "body",
    "html",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "caption",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
];

fn is_block(tag: &RawTag<'_>) -> bool {
    is_block_name(tag.name)
}

/// Whether an element (named as printed) is block-level: a heading or
/// one of [`BLOCKS`].
pub(crate) fn is_block_name(name: &str) -> bool {
    let b = name.as_bytes();
    let heading = matches!(b, [h, d] if h.eq_ignore_ascii_case(&b'h') && (b'1'..=b'6').contains(d));
    heading || BLOCKS.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// What a tag's attributes say about pages: `data-page-id="N"` (marker,
/// from 0), `data-page-number` / `data-page` (from 1), `class="page"`,
/// page-break styling. Returns (page start, break before, break after).
fn page_attrs(tag: &RawTag<'_>) -> (Option<Marker>, bool, bool) {
    if tag.attrs.is_empty() {
        return (None, false, false);
    }
    let num = |v: &str| v.trim().parse::<u32>().ok().filter(|n| *n < 1_000_000);
    let start = if let Some(n) = attr(tag.attrs, "data-page-id").and_then(num) {
        Some(Marker::Start(n + 1))
    } else {
        attr(tag.attrs, "data-page-number")
            .or_else(|| attr(tag.attrs, "data-page"))
            .and_then(num)
            .filter(|n| *n >= 1)
            .map(Marker::Start)
    };
    let style: String = attr(tag.attrs, "style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    // A page of a paginated export: `<div class="page">` (marker's HTML,
    // print-layout HTML); marker adds its `data-page-id`.
    let page_class = ["div", "section", "article"].iter().any(|n| is(tag, n))
        && attr(tag.attrs, "class")
            .is_some_and(|c| c.split_whitespace().any(|w| w.eq_ignore_ascii_case("page")));
    let before = page_class
        || style.contains("page-break-before:always")
        || style.contains("page-break-before:page")
        || style.contains("break-before:page");
    let after = style.contains("page-break-after:always")
        || style.contains("page-break-after:page")
        || style.contains("break-after:page");
    (start, before, after)
}

/// Reads the HTML in `text[start..end]` into `b`: text blocks, headings,
/// tables, page markers.
pub(crate) fn read_range(text: &str, start: usize, end: usize, lines: &LineIndex, b: &mut Builder) {
    let mut toks = Tokenizer::new(text, start, end);
    let mut seg = Segment {
        start,
        heading: None,
        item: false,
    };
    let mut heading: Option<u8> = None;
    let mut in_head = false;
    let mut pre = 0usize;
    // Elements whose close ends a page: (name, nesting of that name).
    let mut break_after: Vec<(String, usize)> = Vec::new();
    while let Some(t) = toks.next() {
        match t.tok {
            Tok::Text => {}
            Tok::Comment(inner) => {
                seg.flush(text, t.start, pre > 0, lines, b);
                if let Some(m) = pages::marker(&format!("<!--{inner}-->")) {
                    b.marker(m);
                }
                seg.restart(t.end, heading, false);
            }
            Tok::Skipped => {
                seg.flush(text, t.start, pre > 0, lines, b);
                seg.restart(t.end, heading, false);
            }
            Tok::Tag(tag) => {
                if is(&tag, "head") {
                    seg.flush(text, t.start, pre > 0, lines, b);
                    in_head = !tag.closing;
                    seg.restart(t.end, heading, false);
                    continue;
                }
                if in_head {
                    if is(&tag, "body") {
                        in_head = false;
                    } else {
                        seg.restart(t.end, heading, false);
                        continue;
                    }
                }
                if !tag.closing {
                    let (page, before, after) = page_attrs(&tag);
                    if page.is_some() || before {
                        seg.flush(text, t.start, pre > 0, lines, b);
                        seg.restart(t.start, heading, false);
                        match page {
                            Some(m) => b.marker(m),
                            None => b.soft_break(),
                        }
                    }
                    if !after {
                        if let Some(top) = break_after.last_mut() {
                            if tag.name.eq_ignore_ascii_case(&top.0) {
                                top.1 += 1;
                            }
                        }
                    } else {
                        if is(&tag, "br") || is(&tag, "hr") || tag.attrs.ends_with('/') {
                            seg.flush(text, t.end, pre > 0, lines, b);
                            seg.restart(t.end, heading, false);
                            b.soft_break();
                        } else {
                            break_after.push((tag.name.to_ascii_lowercase(), 1));
                        }
                    }
                }
                if is(&tag, "table") && !tag.closing {
                    seg.flush(text, t.start, pre > 0, lines, b);
                    let table_end = table(text, t.start, end, lines, b);
                    toks.pos = table_end.max(t.end);
                    seg.restart(toks.pos, heading, false);
                    continue;
                }
                if is_block(&tag) {
                    seg.flush(text, t.start, pre > 0, lines, b);
                    if let Some(level) = heading_level(&tag) {
                        heading = (!tag.closing).then_some(level);
                    }
                    if is(&tag, "pre") {
                        pre = if tag.closing {
                            pre.saturating_sub(1)
                        } else {
                            pre + 1
                        };
                    }
                    seg.restart(t.end, heading, is(&tag, "li") && !tag.closing);
                }
                if tag.closing {
                    if let Some(top) = break_after.last_mut() {
                        if tag.name.eq_ignore_ascii_case(&top.0) {
                            top.1 -= 1;
                            if top.1 == 0 {
                                break_after.pop();
                                seg.flush(text, t.end, pre > 0, lines, b);
                                seg.restart(t.end, heading, false);
                                b.soft_break();
                            }
                        }
                    }
                }
            }
        }
    }
    seg.flush(text, end, pre > 0, lines, b);
}

/// The inline text since the last block boundary.
struct Segment {
    start: usize,
    heading: Option<u8>,
    /// It starts a list item.
    item: bool,
}

impl Segment {
    fn restart(&mut self, at: usize, heading: Option<u8>, item: bool) {
        self.start = at;
        self.heading = heading;
        self.item = item;
    }

    /// Emits the text from the segment start to `end` as one block.
    fn flush(&mut self, text: &str, end: usize, pre: bool, lines: &LineIndex, b: &mut Builder) {
        let Some(raw) = text.get(self.start..end) else {
            return;
        };
        let Some(first) = raw.find(|c: char| !c.is_whitespace()) else {
            return;
        };
        let folded = fold_html(raw, pre);
        if !folded.is_empty() {
            let bold = self.heading.is_none() && is_bold_only(raw);
            let text = if self.item {
                format!("- {folded}")
            } else {
                folded
            };
            b.text(text, lines.line_of(self.start + first), self.heading, bold);
        }
        self.start = end;
    }
}

/// A block's HTML wholly inside `<b>`/`<strong>`.
fn is_bold_only(raw: &str) -> bool {
    let t = raw.trim();
    let lower_start = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    let lower_end = t
        .get(t.len().saturating_sub(9)..)
        .unwrap_or(t)
        .to_ascii_lowercase();
    (lower_start.starts_with("<b>") || lower_start.starts_with("<strong"))
        && (lower_end.ends_with("</b>") || lower_end.ends_with("</strong>"))
}

/// HTML text → plain text: line ends in the source are white space
/// (except inside `<pre>`), comments are dropped, then
/// [`html_to_text`] folds tags and entities.
pub(crate) fn fold_html(raw: &str, pre: bool) -> String {
    let b = raw.as_bytes();
    let has_comment = memchr::memmem::find(b, b"<!--").is_some();
    if pre || (!has_comment && memchr::memchr3(b'\n', b'\r', b'\t', b).is_none()) {
        return html_to_text(raw);
    }
    let mut s = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find("<!--") {
        s.push_str(rest.get(..i).unwrap_or_default());
        rest = match rest
            .get(i + 4..)
            .and_then(|r| r.find("-->").map(|e| (r, e)))
        {
            Some((r, e)) => r.get(e + 3..).unwrap_or_default(),
            None => "",
        };
        s.push(' ');
    }
    s.push_str(rest);
    let s: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    html_to_text(&s)
}

/// A cell as printed.
struct RawCell {
    header: bool,
    col_span: usize,
    /// 0: to the end of its row group.
    row_span: usize,
    text: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Head,
    Body,
    Foot,
}

struct RawRow {
    group: Group,
    start: usize,
    cells: Vec<RawCell>,
}

/// A table's rows and caption as printed, and the byte after it.
struct ParsedTable {
    caption: Option<(String, usize)>,
    rows: Vec<RawRow>,
    end: usize,
}

/// Parses the `<table>` at `text[start..]` (nested tables are text of
/// their cell), up to its `</table>` or `limit`.
fn parse_table(text: &str, start: usize, limit: usize) -> ParsedTable {
    let mut toks = Tokenizer::new(text, start, limit);
    let mut depth = 0usize;
    let mut group = Group::Body;
    let mut rows: Vec<RawRow> = Vec::new();
    let mut row: Option<RawRow> = None;
    // The open cell: header?, colspan, rowspan, where its content starts.
    let mut cell: Option<(bool, usize, usize, usize)> = None;
    let mut caption_start: Option<usize> = None;
    let mut caption: Option<(String, usize)> = None;
    let mut end = limit;
    let close_cell = |cell: &mut Option<(bool, usize, usize, usize)>,
                      row: &mut Option<RawRow>,
                      at: usize,
                      group: Group| {
        if let Some((header, cs, rs, from)) = cell.take() {
            let r = row.get_or_insert_with(|| RawRow {
                group,
                start: from,
                cells: Vec::new(),
            });
            r.cells.push(RawCell {
                header,
                col_span: cs,
                row_span: rs,
                text: fold_html(text.get(from..at).unwrap_or_default(), false),
            });
        }
    };
    for t in toks.by_ref() {
        let Tok::Tag(tag) = t.tok else {
            continue;
        };
        if is(&tag, "table") {
            if tag.closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    end = t.end;
                    break;
                }
            } else {
                depth += 1;
            }
            continue;
        }
        if depth != 1 {
            continue;
        }
        let name = tag.name;
        let eq = |n: &str| name.eq_ignore_ascii_case(n);
        if eq("caption") {
            if tag.closing {
                if let Some(from) = caption_start.take() {
                    let c = fold_html(text.get(from..t.start).unwrap_or_default(), false);
                    if !c.is_empty() {
                        caption = Some((c, from));
                    }
                }
            } else {
                caption_start = Some(t.end);
            }
        } else if eq("thead") || eq("tbody") || eq("tfoot") {
            close_cell(&mut cell, &mut row, t.start, group);
            rows.extend(row.take());
            if !tag.closing {
                group = if eq("thead") {
                    Group::Head
                } else if eq("tfoot") {
                    Group::Foot
                } else {
                    Group::Body
                };
            } else {
                group = Group::Body;
            }
        } else if eq("tr") {
            close_cell(&mut cell, &mut row, t.start, group);
            rows.extend(row.take());
            if !tag.closing {
                row = Some(RawRow {
                    group,
                    start: t.start,
                    cells: Vec::new(),
                });
            }
        } else if eq("td") || eq("th") {
            close_cell(&mut cell, &mut row, t.start, group);
            if !tag.closing {
                let span = |n: &str, max: usize, default: usize| {
                    attr(tag.attrs, n)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .map_or(default, |v| v.min(max))
                };
                if row.is_none() {
                    row = Some(RawRow {
                        group,
                        start: t.start,
                        cells: Vec::new(),
                    });
                }
                cell = Some((
                    eq("th"),
                    span("colspan", MAX_COLS, 1).max(1),
                    span("rowspan", MAX_ROW_SPAN, 1),
                    t.end,
                ));
            }
        }
    }
    let last = end.min(toks.pos);
    close_cell(&mut cell, &mut row, last, group);
    rows.extend(row.take());
    // <tfoot> may be printed before <tbody>: footers go last.
    let (mut body, foot): (Vec<RawRow>, Vec<RawRow>) =
        rows.into_iter().partition(|r| r.group != Group::Foot);
    body.extend(foot);
    ParsedTable {
        caption,
        rows: body,
        end,
    }
}

/// A cell placed in the table's grid.
struct Placed {
    row: usize,
    col: usize,
    row_span: usize,
    col_span: usize,
    header: bool,
    text: String,
}

/// Places cells as HTML does: each in the first free slot of its row,
/// row spans reaching at most the end of their row group.
fn place(rows: &[RawRow], mut cells: Vec<Vec<RawCell>>) -> (Vec<Placed>, usize, usize) {
    let n = rows.len();
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); n];
    let mut placed = Vec::new();
    let mut width = 0;
    let mut dropped = 0;
    // Where each row's group ends (the row after its last row).
    let mut group_ends = vec![n; n];
    for r in (0..n.saturating_sub(1)).rev() {
        let same = rows.get(r).map(|x| x.group) == rows.get(r + 1).map(|x| x.group);
        let next_end = group_ends.get(r + 1).copied().unwrap_or(n);
        if let Some(g) = group_ends.get_mut(r) {
            *g = if same { next_end } else { r + 1 };
        }
    }
    for r in 0..n {
        let group_end = group_ends.get(r).copied().unwrap_or(n);
        let mut col = 0;
        for c in cells.get_mut(r).map(std::mem::take).unwrap_or_default() {
            while taken
                .get(r)
                .and_then(|t| t.get(col))
                .copied()
                .unwrap_or(false)
            {
                col += 1;
            }
            if col >= MAX_COLS {
                dropped += 1;
                continue;
            }
            let cs = c.col_span.min(MAX_COLS - col);
            let rs = match c.row_span {
                0 => group_end - r,
                s => s.min(group_end - r),
            }
            .max(1);
            for rr in r..r + rs {
                if let Some(t) = taken.get_mut(rr) {
                    if t.len() < col + cs {
                        t.resize(col + cs, false);
                    }
                    for slot in t.iter_mut().skip(col).take(cs) {
                        *slot = true;
                    }
                }
            }
            width = width.max(col + cs);
            placed.push(Placed {
                row: r,
                col,
                row_span: rs,
                col_span: cs,
                header: c.header,
                text: c.text,
            });
            col += cs;
        }
    }
    (placed, width, dropped)
}

/// Reads the table at `text[start..]` into `b`; returns the byte after it.
fn table(text: &str, start: usize, limit: usize, lines: &LineIndex, b: &mut Builder) -> usize {
    let parsed = parse_table(text, start, limit);
    let end = parsed.end;
    if let Some((c, at)) = parsed.caption {
        b.text(c, lines.line_of(at), Some(2), false);
    }
    let row_starts: Vec<usize> = parsed.rows.iter().map(|r| r.start).collect();
    let groups: Vec<Group> = parsed.rows.iter().map(|r| r.group).collect();
    let mut rows = parsed.rows;
    let cells: Vec<Vec<RawCell>> = rows
        .iter_mut()
        .map(|r| std::mem::take(&mut r.cells))
        .collect();
    let (placed, width, dropped) = place(&rows, cells);
    if dropped > 0 {
        b.warn(Warning::new(
            WarningCode::TableTooWide,
            format!("a table has cells beyond column {MAX_COLS}: {dropped} cells not read"),
        ));
    }
    let n = rows.len();
    let mut by_row: Vec<Vec<&Placed>> = vec![Vec::new(); n];
    for p in &placed {
        if let Some(v) = by_row.get_mut(p.row) {
            v.push(p);
        }
    }
    let texts = |r: usize| -> Vec<String> {
        let mut v = vec![String::new(); width];
        for p in by_row.get(r).into_iter().flatten() {
            if let Some(slot) = v.get_mut(p.col) {
                slot.clone_from(&p.text);
            }
        }
        v
    };
    let has_text = |r: usize| {
        by_row
            .get(r)
            .is_some_and(|v| v.iter().any(|p| !p.text.is_empty()))
    };
    let full_width_single = |r: usize| {
        by_row.get(r).is_some_and(
            |v| matches!(v.as_slice(), [p] if p.col == 0 && p.col_span == width && width >= 2),
        )
    };
    let all_th = |r: usize| {
        by_row
            .get(r)
            .is_some_and(|v| !v.is_empty() && v.iter().all(|p| p.header))
    };
    // Header rows: <thead>, else leading <th> rows, else a first row that
    // reads as a header (under title bars of one cell across).
    let mut head = groups.iter().take_while(|g| **g == Group::Head).count();
    if head == 0 {
        head = (0..n).take_while(|&r| all_th(r)).count();
        if head == n && n > 1 {
            head = 1;
        }
    }
    if head == 0 {
        let titles = (0..n.min(2)).take_while(|&r| full_width_single(r)).count();
        let first = (titles..n).find(|&r| has_text(r));
        if let Some(f) = first {
            let cells = texts(f);
            if is_header_row(&cells, f + 1 < n) {
                head = f + 1;
            }
        }
    }
    let titles = (0..head.saturating_sub(1))
        .take_while(|&r| full_width_single(r))
        .count();
    for r in 0..titles {
        if let Some(p) = by_row.get(r).and_then(|v| v.first()) {
            if !p.text.is_empty() {
                b.text(
                    p.text.clone(),
                    lines.line_of(row_starts.get(r).copied().unwrap_or(start)),
                    Some(2),
                    false,
                );
            }
        }
    }
    let header = (head > titles).then(|| merged_header(&placed, titles, head, width, b));
    let header_cells: Vec<Cell> = placed
        .iter()
        .filter(|p| p.row < head && !p.text.is_empty())
        .map(|p| Cell {
            row: p.row,
            col: p.col,
            row_span: p.row_span.min(head - p.row).max(1),
            col_span: p.col_span,
            text: p.text.clone(),
        })
        .collect();
    let kept: Vec<usize> = (head..n).filter(|&r| has_text(r)).collect();
    let body: Vec<FragmentRow> = kept
        .iter()
        .map(|&r| {
            let spans: Vec<CellSpan> = by_row
                .get(r)
                .into_iter()
                .flatten()
                .filter(|p| !p.text.is_empty())
                .map(|p| CellSpan {
                    col: p.col,
                    col_span: p.col_span,
                    row_span: (kept.partition_point(|&k| k < r + p.row_span)
                        - kept.partition_point(|&k| k < r))
                    .max(1),
                    text: p.text.clone(),
                    fill: None,
                })
                .collect();
            let row_cells = by_row.get(r).map(Vec::as_slice).unwrap_or_default();
            let shape: Vec<(usize, usize)> =
                row_cells.iter().map(|p| (p.col, p.col_span)).collect();
            let explicit = is_span_row(&shape, width);
            let cells = if explicit {
                row_cells.iter().map(|p| p.text.clone()).collect()
            } else {
                texts(r)
            };
            FragmentRow {
                spanning: explicit || is_spanning(&cells, width),
                cells,
                line: Some(lines.line_of(row_starts.get(r).copied().unwrap_or(start))),
                bbox: None,
                spans,
            }
        })
        .collect();
    if header.is_some() || !body.is_empty() {
        b.table(TableFragment {
            page: None,
            header,
            rows: body,
            bbox: None,
            line: Some(lines.line_of(start)),
            header_cells,
        });
    }
    end
}

/// One cell across the table, or an id cell and one cell across the
/// rest, given each printed cell of a row as `(column, span)`.
pub(crate) fn is_span_row(cells: &[(usize, usize)], width: usize) -> bool {
    match cells {
        [(col, span)] => *col == 0 && *span == width && width >= 2,
        [(a, a_span), (b, b_span)] => {
            *a == 0
                && *b == *a_span
                && b + b_span == width
                && *b_span >= 2
                && b_span + 1 >= width.saturating_sub(1)
        }
        _ => false,
    }
}

/// One label per column from header rows `from..to`: the column's own
/// (one-column) labels top to bottom, joined — or only the last when that
/// alone is a known header and the whole is not; a group label over
/// several columns when the column has none of its own. Group labels no
/// column took as its label are reported as `header_group`.
fn merged_header(
    placed: &[Placed],
    from: usize,
    to: usize,
    width: usize,
    b: &mut Builder,
) -> Vec<String> {
    let in_header: Vec<&Placed> = placed
        .iter()
        .filter(|p| p.row >= from && p.row < to && !p.text.is_empty())
        .collect();
    let mut labels = Vec::with_capacity(width);
    let mut extra: Vec<String> = Vec::new();
    for c in 0..width {
        let mut covering: Vec<&&Placed> = in_header
            .iter()
            .filter(|p| p.col <= c && c < p.col + p.col_span)
            .collect();
        covering.sort_by_key(|p| p.row);
        let parts: Vec<String> = covering
            .iter()
            .filter(|p| p.col_span == 1)
            .map(|p| one_line(&p.text))
            .collect();
        let group = covering
            .iter()
            .rev()
            .find(|p| p.col_span > 1)
            .map(|p| one_line(&p.text));
        let label = if parts.is_empty() {
            group.unwrap_or_default()
        } else {
            let joined = parts.join(" ");
            let known = |s: &str| plantab_vocab::match_header(s).is_some();
            match parts.last() {
                Some(last) if parts.len() > 1 && !known(&joined) && known(last) => {
                    for p in parts.iter().take(parts.len() - 1) {
                        extra.push(format!("\"{p}\" above \"{last}\""));
                    }
                    last.clone()
                }
                _ => joined,
            }
        };
        labels.push(label);
    }
    for g in in_header.iter().filter(|p| p.col_span > 1) {
        let text = one_line(&g.text);
        let first = labels.get(g.col).cloned().unwrap_or_default();
        let last = labels
            .get(g.col + g.col_span - 1)
            .cloned()
            .unwrap_or_default();
        if first != text || last != text {
            extra.push(format!("\"{text}\" over \"{first}\" … \"{last}\""));
        }
    }
    if !extra.is_empty() {
        b.warn(Warning::new(
            WarningCode::HeaderGroup,
            format!(
                "table header text kept out of the column labels: {}",
                extra.join("; ")
            ),
        ));
    }
    labels
}

/// A label's lines joined with spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::Block;

    fn fragments(l: &Layout) -> Vec<&TableFragment> {
        l.fragments().collect()
    }

    fn texts(l: &Layout) -> Vec<&str> {
        l.texts().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn documents_are_told_from_fragments() {
        assert!(looks_html_document("<!DOCTYPE html>\n<html>"));
        assert!(looks_html_document("\u{feff}  <html lang=\"en\">"));
        assert!(looks_html_document(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(looks_html_document("<!-- saved -->\n<HTML><BODY>"));
        assert!(!looks_html_document("<table><tr><td>a</td></tr></table>"));
        assert!(!looks_html_document("<htmlish>"));
        assert!(!looks_html_document("# Plan\n\n<html>"));
    }

    #[test]
    fn rowspan_colspan_thead_and_caption() {
        let html = "<html><body><h2>Actions</h2>\n<p>Intro &amp; more.</p>\n<table>\n<caption>Table 1: Progress</caption>\n<thead>\n<tr><th rowspan=\"2\">Ref</th><th rowspan=\"2\">Action</th><th colspan=\"2\">Progress</th></tr>\n<tr><th>Status</th><th>Due</th></tr>\n</thead>\n<tbody>\n<tr><td rowspan=\"2\">A1</td><td>First\n<b>thing</b></td><td>On track</td><td>2025</td></tr>\n<tr><td>Second<br>line two</td><td colspan=\"2\">Complete</td></tr>\n<tr><td colspan=\"4\">Theme 2</td></tr>\n</tbody></table></body></html>";
        let l = read_html(html);
        let texts: Vec<(&str, Option<u8>)> =
            l.texts().map(|t| (t.text.as_str(), t.heading)).collect();
        assert_eq!(
            texts,
            [
                ("Actions", Some(2)),
                ("Intro & more.", None),
                ("Table 1: Progress", Some(2))
            ]
        );
        let f = fragments(&l);
        assert_eq!(f.len(), 1);
        let t = f[0];
        assert_eq!(
            t.header.as_deref().unwrap(),
            ["Ref", "Action", "Status", "Due"]
        );
        assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
        assert_eq!(l.warnings[0].code.as_str(), "header_group");
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].cells, ["A1", "First thing", "On track", "2025"]);
        assert_eq!(t.rows[1].cells, ["", "Second\nline two", "Complete", ""]);
        assert_eq!(t.rows[0].spans[0].row_span, 2);
        assert_eq!(t.rows[1].spans[1].col_span, 2);
        assert!(t.rows[2].spanning);
        assert_eq!(t.rows[2].cells, ["Theme 2"]);
        assert_eq!(t.rows[0].line, Some(10));
        assert_eq!(t.header_cells.len(), 5);
        assert_eq!(l.pages, None);
    }

    #[test]
    fn header_from_th_rows_or_first_row() {
        let l = read_html("<html><table><tr><th>ID</th><th>Action</th></tr><tr><td>1</td><td>Do it</td></tr></table>");
        assert_eq!(
            fragments(&l)[0].header.as_deref().unwrap(),
            ["ID", "Action"]
        );
        let l = read_html("<html><table><tr><td>Ref</td><td>Action</td><td>Lead</td></tr><tr><td>1.1</td><td>Do it.</td><td>Roads</td></tr></table>");
        let t = fragments(&l)[0];
        assert_eq!(t.header.as_deref().unwrap(), ["Ref", "Action", "Lead"]);
        assert_eq!(t.rows.len(), 1);
        let l = read_html("<html><table><tr><td>1.1</td><td>Do it.</td></tr><tr><td>1.2</td><td>Then this.</td></tr></table>");
        let t = fragments(&l)[0];
        assert!(t.header.is_none());
        assert_eq!(t.rows.len(), 2);
    }

    #[test]
    fn nested_tables_and_unclosed_cells() {
        let l = read_html("<html><table><tr><th>A<th>B<tr><td>x<td><table><tr><td>in</td><td>ner</td></tr></table>after</table><p>tail</p>");
        let t = fragments(&l)[0];
        assert_eq!(t.header.as_deref().unwrap(), ["A", "B"]);
        assert_eq!(t.rows[0].cells, ["x", "in ner\nafter"]);
        assert!(matches!(l.blocks.last(), Some(Block::Text(t)) if t.text == "tail"));
    }

    #[test]
    fn pages_from_markers_and_styles() {
        let html = "<html><body><div class=\"page\" data-page-id=\"0\"><p>One</p></div>\n<div class=\"page\" data-page-id=\"1\"><p>Two</p></div>\n<!-- PageBreak -->\n<p>Three</p><p style=\"page-break-before: always\">Four</p><p style=\"page-break-before: always\">Five</p></body></html>";
        let l = read_html(html);
        let pages: Vec<(String, Option<u32>)> =
            l.texts().map(|t| (t.text.clone(), t.page)).collect();
        assert_eq!(
            pages,
            [
                ("One".to_string(), Some(1)),
                ("Two".to_string(), Some(2)),
                ("Three".to_string(), Some(3)),
                ("Four".to_string(), Some(4)),
                ("Five".to_string(), Some(5)),
            ]
        );
        assert_eq!(l.pages, Some(5));
    }

    #[test]
    fn an_unclosed_comment_ends_with_its_line() {
        let l = read_html("<html><body><!-- note\n<p>Kept</p></body></html>");
        assert_eq!(texts(&l), ["Kept"]);
    }

    #[test]
    fn head_script_and_lists() {
        let l = read_html("<html><head><title>T</title><style>p{}</style></head><body><script>var x='<p>';</script><ul><li>One</li><li>Two <i>2</i></li></ul></body></html>");
        assert_eq!(texts(&l), ["- One", "- Two 2"]);
    }
}
