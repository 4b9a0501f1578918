//! The tables stage's output: fragments put back together into whole tables,
//! still interleaved with the document's text in reading order.

use crate::columns::TableColumn;
use crate::contract::{Cell, Joined, PageBox, TableKind, Warning};
use crate::layout::{CellSpan, Legend, TextBlock};
use serde::{Deserialize, Serialize};

/// A document after table rebuilding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RebuiltDocument {
    /// Text, legends and whole tables in reading order.
    pub blocks: Vec<RebuiltBlock>,
    /// The reader's warnings plus the joiners'.
    pub warnings: Vec<Warning>,
}

/// One item of a [`RebuiltDocument`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RebuiltBlock {
    /// Prose or a heading.
    Text(TextBlock),
    /// A printed status legend.
    Legend(Legend),
    /// A whole table.
    Table(RebuiltTable),
}

/// A table rebuilt from one or more fragments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RebuiltTable {
    /// Header labels as printed, one per column (side-by-side halves
    /// concatenated left then right).
    pub header: Vec<String>,
    /// Rows, each exactly `header.len()` cells.
    pub rows: Vec<RebuiltRow>,
    /// Every page the table came from, ascending.
    pub pages: Vec<u32>,
    /// How fragments were put back together.
    pub joined: Joined,
    /// Where the table sits on each page (PDF input only).
    pub bbox: Vec<PageBox>,
    /// 1-based line in a text input where the table starts.
    pub line: Option<usize>,
    /// The first fragment's printed rows above the body (title bars and
    /// header rows) as cells with spans (PDF grids and HTML tables); repeated headers
    /// of continued fragments are not kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_cells: Vec<Cell>,
    /// One entry per column (as many as `header`): the role decided for it
    /// and the evidence that chose it (see [`crate::columns`]). Filled by
    /// the tables stage; empty until then.
    #[serde(default)]
    pub columns: Vec<TableColumn>,
    /// What the table holds, decided by the tables stage from the columns'
    /// roles (and the section heading above it).
    #[serde(default = "other_kind")]
    pub kind: TableKind,
}

fn other_kind() -> TableKind {
    TableKind::Other
}

/// One row of a rebuilt table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RebuiltRow {
    /// Exactly one cell per header column.
    pub cells: Vec<String>,
    /// True for a row printed across the whole table (priority / theme).
    pub spanning: bool,
    /// Pages the row was printed on.
    pub pages: Vec<u32>,
    /// 1-based line in a text input where the row starts.
    pub line: Option<usize>,
    /// Where the row sits on each page (PDF input only).
    pub bbox: Vec<PageBox>,
    /// The printed cells whose top edge is on this row, with their spans
    /// and columns in the rebuilt table (PDF grids, HTML and grid tables).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
}
