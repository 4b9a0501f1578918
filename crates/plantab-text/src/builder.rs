//! The layout the markdown and HTML readers build: blocks in reading
//! order, each on the page the converter's markers put it on, headings
//! marked where the markup left them unmarked.

use crate::pages::{Marker, Pager};
use crate::tabular::{is_paragraph, is_title_like};
use plantab_model::{Block, Layout, SourceFormat, TableFragment, TextBlock, Warning};

/// Byte offset → 1-based line.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// Blocks being collected, with the pager that places them.
pub(crate) struct Builder {
    blocks: Vec<Block>,
    /// Per block: a paragraph printed wholly in bold on one line.
    bold: Vec<bool>,
    warnings: Vec<Warning>,
    pager: Pager,
    /// Whether anything was placed on the current page yet.
    page_has_content: bool,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Builder {
            blocks: Vec::new(),
            bold: Vec::new(),
            warnings: Vec::new(),
            pager: Pager::new(),
            page_has_content: false,
        }
    }

    /// The page blocks go on now (resolved to `None` at the end when the
    /// document printed no page marker).
    pub(crate) fn page(&self) -> Option<u32> {
        Some(self.pager.current())
    }

    /// A page marker.
    pub(crate) fn marker(&mut self, m: Marker) {
        self.pager.apply(m);
        self.page_has_content = false;
    }

    /// A page start the markup implies (`page-break-before: always`, a
    /// `<div class="page">`): a new page when the current one has
    /// something on it; either way the document counts as paginated.
    pub(crate) fn soft_break(&mut self) {
        if self.page_has_content {
            self.marker(Marker::Break);
        } else {
            let page = self.pager.current();
            self.marker(Marker::Start(page));
        }
    }

    /// A paragraph or heading; empty text is dropped.
    pub(crate) fn text(&mut self, text: String, line: usize, heading: Option<u8>, bold: bool) {
        if text.is_empty() {
            return;
        }
        self.blocks.push(Block::Text(TextBlock {
            text,
            page: self.page(),
            line: Some(line),
            heading,
            bbox: None,
        }));
        self.bold.push(bold);
        self.page_has_content = true;
    }

    /// A table fragment, placed on the current page.
    pub(crate) fn table(&mut self, mut f: TableFragment) {
        f.page = self.page();
        self.blocks.push(Block::Table(f));
        self.bold.push(false);
        self.page_has_content = true;
    }

    /// The width of the last block, when it is a table fragment (nothing
    /// printed since).
    pub(crate) fn last_table_width(&self) -> Option<usize> {
        match self.blocks.last() {
            Some(Block::Table(t)) => Some(t.width()),
            _ => None,
        }
    }

    /// A warning on the current page.
    pub(crate) fn warn(&mut self, w: Warning) {
        let page = self.page();
        self.warnings.push(w.on_page(page));
    }

    /// The layout: pages kept only when the document printed page
    /// markers; short standalone lines (and lines wholly in bold) that
    /// head a paragraph or a table marked as headings.
    pub(crate) fn finish(mut self) -> Layout {
        mark_headings(&mut self.blocks, &self.bold);
        let pages = if self.pager.seen() {
            let last = self
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Text(t) => t.page,
                    Block::Table(t) => t.page,
                    Block::Legend(l) => l.page,
                })
                .max()
                .unwrap_or(0);
            Some(last.max(self.pager.ended()).max(1))
        } else {
            for b in &mut self.blocks {
                match b {
                    Block::Text(t) => t.page = None,
                    Block::Table(t) => t.page = None,
                    Block::Legend(l) => l.page = None,
                }
            }
            for w in &mut self.warnings {
                w.location.page = None;
            }
            None
        };
        Layout {
            format: SourceFormat::Text,
            pages,
            blocks: self.blocks,
            warnings: self.warnings,
        }
    }
}

/// Marks as headings (level 4) the one-line blocks the markup left
/// unmarked that head a paragraph or a table: title-like lines, and lines
/// printed wholly in bold (converters print sub-headings so). Bold lines
/// printed one after another (a signature or letterhead: name, then role)
/// are not headings.
fn mark_headings(blocks: &mut [Block], bold: &[bool]) {
    for i in 0..blocks.len() {
        let after_bold = i > 0 && bold.get(i - 1).copied().unwrap_or(false);
        let before_bold = bold.get(i + 1).copied().unwrap_or(false);
        let next_is_body = match blocks.get(i + 1) {
            Some(Block::Table(_)) => true,
            Some(Block::Text(t)) => t.heading.is_none() && is_paragraph(&t.text),
            _ => false,
        };
        let is_bold = bold.get(i).copied().unwrap_or(false);
        if let Some(Block::Text(t)) = blocks.get_mut(i) {
            let title = if is_bold {
                !after_bold && !before_bold && is_bold_heading(&t.text)
            } else {
                is_title_like(&t.text)
            };
            if t.heading.is_none() && next_is_body && !t.text.contains('\n') && title {
                t.heading = Some(4);
            }
        }
    }
}

/// A bold line that reads as a heading: short, no closing full stop
/// ("**Theme 2: Homes**", "**Priority 3 – Skills:**").
fn is_bold_heading(s: &str) -> bool {
    s.len() <= 120
        && !s.ends_with(['.', ',', ';'])
        && (1..=14).contains(&s.split_whitespace().count())
}
