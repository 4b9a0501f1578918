//! The reader stage's output: a document as positioned text blocks and table
//! fragments, in reading order.
//!
//! Every reader (text shapes, PDF) produces a [`Layout`]. A [`TableFragment`]
//! is what one page (or one block of a text file) shows of a table: its
//! printed header, if any, and its rows already split into cells. Putting
//! fragments back together (continued tables, side-by-side splits) is the
//! next stage's job, not the reader's.

use crate::contract::{Cell, PageBox, SourceFormat, Warning};
use serde::{Deserialize, Serialize};

/// A rectangle in PDF points, origin bottom left.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// Left.
    pub x0: f64,
    /// Bottom.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub y1: f64,
}

impl BBox {
    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The box as a contract [`PageBox`] on `page`.
    pub fn on_page(self, page: u32) -> PageBox {
        PageBox {
            page,
            bbox: [self.x0, self.y0, self.x1, self.y1],
        }
    }
}

/// What a reader saw in one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Which reader produced it.
    pub format: SourceFormat,
    /// Page count, when the input has pages.
    pub pages: Option<u32>,
    /// Text blocks, legends and table fragments in reading order.
    pub blocks: Vec<Block>,
    /// What the reader was unsure about.
    pub warnings: Vec<Warning>,
}

impl Layout {
    /// The table fragments, in reading order.
    pub fn fragments(&self) -> impl Iterator<Item = &TableFragment> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// The text blocks, in reading order.
    pub fn texts(&self) -> impl Iterator<Item = &TextBlock> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Text(t) => Some(t),
            _ => None,
        })
    }
}

/// One item of a [`Layout`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Prose, a heading, a letterhead line …
    Text(TextBlock),
    /// A status legend the document prints (label → definition).
    Legend(Legend),
    /// What one page / block shows of a table.
    Table(TableFragment),
}

/// A paragraph or heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextBlock {
    /// The text, lines joined with `\n`.
    pub text: String,
    /// 1-based page, when known.
    pub page: Option<u32>,
    /// 1-based line in a text input.
    pub line: Option<usize>,
    /// Heading level when the reader can tell (markdown `#`, bold, font
    /// size); `None` for body text or when unknown.
    pub heading: Option<u8>,
    /// Where it sits (PDF input only).
    pub bbox: Option<BBox>,
}

/// A status legend printed by the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Legend {
    /// Entries in printed order.
    pub items: Vec<LegendItem>,
    /// 1-based page, when known.
    pub page: Option<u32>,
}

/// One legend entry as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegendItem {
    /// The status label as printed.
    pub label: String,
    /// Its definition, unwrapped.
    pub definition: Option<String>,
    /// The swatch's or label cell's fill as `#rrggbb`, when printed on one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<String>,
}

/// What one page (or one block of a text file) shows of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableFragment {
    /// 1-based page, when known.
    pub page: Option<u32>,
    /// The printed header, one label per column (multi-row headers already
    /// merged, wrapped labels unwrapped); `None` when the fragment printed
    /// none (a continuation page without a repeated header).
    pub header: Option<Vec<String>>,
    /// Rows below the header, each split into cells.
    pub rows: Vec<FragmentRow>,
    /// Where the fragment sits (PDF input only).
    pub bbox: Option<BBox>,
    /// 1-based line in a text input where the fragment starts.
    pub line: Option<usize>,
    /// The printed rows above `rows` (title bars and header rows) as
    /// cells with their spans, `row` counted from the top of the fragment
    /// (PDF grids and HTML tables; empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_cells: Vec<Cell>,
}

impl TableFragment {
    /// Number of columns: the header's width, else the widest row's.
    pub fn width(&self) -> usize {
        match &self.header {
            Some(h) => h.len(),
            None => self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0),
        }
    }
}

/// One row of a fragment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FragmentRow {
    /// Cell texts, one per column (may be fewer than the header's width;
    /// missing cells are empty).
    pub cells: Vec<String>,
    /// True when the row is printed as one cell across the table (a
    /// priority or theme row); its text is in `cells[0]`, or split id/text
    /// in `cells[0]`/`cells[1]`.
    pub spanning: bool,
    /// 1-based line in a text input where the row starts.
    pub line: Option<usize>,
    /// Where it sits (PDF input only).
    pub bbox: Option<BBox>,
    /// The printed cells whose top edge is on this row, with their spans
    /// (PDF grids, HTML and grid tables, docling's repeated spans; empty
    /// when the reader knows only `cells`). A `row_span` counts this row
    /// and the rows below it in the fragment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
}

impl FragmentRow {
    /// A plain row from cell texts.
    pub fn new(cells: Vec<String>) -> Self {
        FragmentRow {
            cells,
            spanning: false,
            line: None,
            bbox: None,
            spans: Vec::new(),
        }
    }
}

/// A printed cell seen from the row its top edge is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellSpan {
    /// 0-based column of its left edge.
    pub col: usize,
    /// Columns covered.
    pub col_span: usize,
    /// Rows covered, this one included.
    pub row_span: usize,
    /// The text, lines joined with `\n`.
    pub text: String,
    /// The cell's fill colour as `#rrggbb`, when the reader saw a fill
    /// (PDF grids; near-white fills are not reported). A filled cell with
    /// no text is kept as a span with empty `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<String>,
}
