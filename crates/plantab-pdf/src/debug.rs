//! `plantab debug`: what the reader saw on one page, as text a person can
//! read — text runs with positions, grids with their column and row
//! boundaries, the header found and the fragment grid.

use std::fmt::Write as _;

use crate::lines::build_lines;
use crate::page::analyse;
use crate::source::GlyphSource;
use crate::table::cell_text;
use crate::{open, PdfError};

/// Describes what the reader saw on 1-based page `page` of a PDF.
///
/// Errors: those of [`crate::read_pdf`], and [`PdfError::NoSuchPage`] for a
/// page past the last.
pub fn debug_page(bytes: &[u8], page: u32) -> Result<String, PdfError> {
    let describe = || {
        let (src, _) = open(bytes)?;
        let n = src.page_count();
        let idx = usize::try_from(page).unwrap_or(0);
        if idx == 0 || idx > n {
            return Err(PdfError::NoSuchPage { page, pages: n });
        }
        let glyphs = src.page(idx - 1)?;
        let a = analyse(&glyphs);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "page {} of {n}: {:.1} x {:.1} pt, {} glyphs, {} rulings, {} fills (coordinates: x, top from the page's top left)",
            a.number,
            a.width,
            a.height,
            glyphs.glyphs.len(),
            glyphs.rulings.len(),
            glyphs.fills.len()
        );
        let all: Vec<u32> = (0..u32::try_from(glyphs.glyphs.len()).unwrap_or(u32::MAX)).collect();
        let _ = writeln!(s, "\n== text runs ==");
        for l in build_lines(&glyphs, &all, true) {
            let _ = writeln!(
                s,
                "[{:7.1} {:7.1} {:7.1} {:7.1}] {:4.1}pt{} {}",
                l.x0,
                l.top,
                l.x1,
                l.bottom,
                l.size,
                if l.bold { " bold" } else { "     " },
                l.text
            );
        }
        for (ti, t) in a.tables.iter().enumerate() {
            let g = &t.grid;
            let _ = writeln!(
                s,
                "\n== table {} : {} rows x {} cols, {} cells; title rows {}, header rows {} ==",
                ti + 1,
                g.rows(),
                g.cols(),
                g.cells.len(),
                t.title_rows,
                t.header_rows
            );
            let fmt = |v: &[f64]| {
                v.iter()
                    .map(|x| format!("{x:.1}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let _ = writeln!(s, "column bounds: {}", fmt(&g.xs));
            let _ = writeln!(s, "row bounds:    {}", fmt(&g.ys));
            for (id, c) in g.cells.iter().enumerate() {
                let text = t
                    .cell_lines
                    .get(id)
                    .map(|l| cell_text(l))
                    .unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                let _ = writeln!(
                    s,
                    "  cell r{} c{} span {}x{}{}: {:?}",
                    c.row,
                    c.col,
                    c.row_span,
                    c.col_span,
                    if t.cell_bold.get(id).copied().unwrap_or(false) {
                        " bold"
                    } else {
                        ""
                    },
                    text
                );
            }
            if let Some(h) = &t.header {
                let _ = writeln!(s, "header: {h:?}");
            }
            for e in &t.header_extra {
                let _ = writeln!(s, "header text not in labels: {e}");
            }
            let body = t.body();
            for b in &body {
                let _ = writeln!(
                    s,
                    "row r{}{}: {:?}",
                    b.row,
                    if b.spanning { " (spanning)" } else { "" },
                    b.cells
                );
            }
            // The column recogniser on this page's part of the table (the
            // tables stage decides again on the whole table).
            let header = t
                .header
                .clone()
                .unwrap_or_else(|| vec![String::new(); g.cols()]);
            let roles = plantab_vocab::recognise_columns(
                &header,
                body.iter()
                    .filter(|b| !b.spanning)
                    .map(|b| b.cells.as_slice()),
            );
            let _ = writeln!(s, "column roles (this page's rows):");
            for (i, c) in roles.columns.iter().enumerate() {
                let _ = writeln!(s, "  col {i}: {}", c.summary());
            }
        }
        let _ = writeln!(s, "\n== paragraphs outside tables ==");
        for p in &a.paras {
            let _ = writeln!(
                s,
                "[{:7.1} {:7.1} {:7.1} {:7.1}] {:4.1}pt{} {:?}",
                p.x0,
                p.top,
                p.x1,
                p.bottom,
                p.size,
                if p.bold { " bold" } else { "" },
                p.text()
            );
        }
        for f in &a.folios {
            let _ = writeln!(s, "page number dropped: {f:?}");
        }
        Ok(s)
    };
    describe()
}
