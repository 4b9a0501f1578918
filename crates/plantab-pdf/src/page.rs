//! One page: glyphs split between the tables found and the text around
//! them; text runs grouped into paragraphs; everything ordered top to
//! bottom.

use crate::align::{assign, find_text_grids, forced_grid, refine_ruled, split_snaked};
use crate::grid::find_grids;
use crate::lines::{build_lines, TextLine};
use crate::options::{Overrides, Strategy};
use crate::source::{PageGlyphs, Ruling};
use crate::table::FoundTable;
use plantab_model::{Legend, LegendItem};

/// A paragraph (or heading) outside tables, before heading levels are
/// known.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Its lines.
    pub lines: Vec<TextLine>,
    /// Left.
    pub x0: f64,
    /// Right.
    pub x1: f64,
    /// Top.
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
    /// Font size (largest on its first line).
    pub size: f64,
    /// Whether it is bold.
    pub bold: bool,
}

impl Para {
    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        crate::table::cell_text(&self.lines)
    }
}

/// What the reader saw on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageAnalysis {
    /// 1-based page number.
    pub number: u32,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// Tables found, top to bottom.
    pub tables: Vec<FoundTable>,
    /// Paragraphs outside tables, top to bottom.
    pub paras: Vec<Para>,
    /// Page numbers printed alone at the foot (not emitted as text).
    pub folios: Vec<String>,
    /// Glyph count (all glyphs, spaces included).
    pub glyphs: usize,
    /// Legends printed as coloured swatches outside tables, each with
    /// its top edge.
    pub swatch_legends: Vec<(f64, Legend)>,
}

/// Reads one page.
pub fn analyse(page: &PageGlyphs) -> PageAnalysis {
    analyse_with(page, &Overrides::default())
}

/// Reads one page with the finder's [`Overrides`] (its `pages` are not
/// looked at here: the caller chooses the pages).
pub fn analyse_with(page: &PageGlyphs, o: &Overrides) -> PageAnalysis {
    let all: Vec<u32> = (0..u32::try_from(page.glyphs.len()).unwrap_or(u32::MAX)).collect();
    let areas: Vec<(f64, f64, f64, f64)> = o
        .areas
        .iter()
        .filter(|a| a.on_page(page.number))
        .map(|a| a.top_left(page.height))
        .collect();
    let mut tables = Vec::new();
    let mut outside = Vec::new();
    if areas.is_empty() {
        outside = find_tables(page, all, &page.rulings, o, false, &mut tables);
    } else {
        // Each area on its own: glyphs by their centre (first area holding
        // it), rulings cut to the area.
        let mut per_area: Vec<Vec<u32>> = vec![Vec::new(); areas.len()];
        for i in all {
            let Some(g) = page.glyphs.get(i as usize) else {
                continue;
            };
            let (cx, cy) = (g.cx(), g.cy());
            let at = areas
                .iter()
                .position(|&(x0, t, x1, b)| cx >= x0 && cx <= x1 && cy >= t && cy <= b);
            match at.and_then(|k| per_area.get_mut(k)) {
                Some(v) => v.push(i),
                None => outside.push(i),
            }
        }
        for (idx, &area) in per_area.into_iter().zip(&areas) {
            let rulings = clip_rulings(&page.rulings, area);
            outside.extend(find_tables(page, idx, &rulings, o, true, &mut tables));
        }
        outside.sort_unstable();
    }
    tables.sort_by(|a, b| {
        let (ax, at, ..) = a.grid.bounds();
        let (bx, bt, ..) = b.grid.bounds();
        at.total_cmp(&bt).then(ax.total_cmp(&bx))
    });
    let runs = build_lines(page, &outside, true);
    let mut paras = group_paras(runs);
    let mut folios = Vec::new();
    paras.retain(|p| {
        let foot = p.top > page.height * 0.85;
        if foot && p.lines.len() == 1 && is_folio(&p.text()) {
            folios.push(p.text());
            false
        } else {
            true
        }
    });
    let swatch_legends = swatch_legends(page, &tables, &paras);
    PageAnalysis {
        number: page.number,
        width: page.width,
        height: page.height,
        tables,
        paras,
        folios,
        glyphs: page.glyphs.len(),
        swatch_legends,
    }
}

/// Largest swatch side, points.
const SWATCH_MAX: f64 = 60.0;
/// Smallest swatch side, points.
const SWATCH_MIN: f64 = 4.0;
/// Widest gap between a swatch and its label, points.
const SWATCH_GAP: f64 = 24.0;

/// Legends printed as a row (or column) of small filled boxes, each with a
/// short label to its right ("■ On track ■ Some slippage …"), outside
/// every table: one legend per band of swatches two or more strong, each
/// label taking its swatch's fill.
fn swatch_legends(page: &PageGlyphs, tables: &[FoundTable], paras: &[Para]) -> Vec<(f64, Legend)> {
    let in_table = |x: f64, y: f64| {
        tables.iter().any(|t| {
            let (x0, top, x1, bottom) = t.grid.bounds();
            x >= x0 && x <= x1 && y >= top && y <= bottom
        })
    };
    let lines: Vec<&TextLine> = paras.iter().flat_map(|p| &p.lines).collect();
    let mut found: Vec<(f64, LegendItem)> = Vec::new();
    for f in &page.fills {
        let (w, h) = (f.x1 - f.x0, f.bottom - f.top);
        let Some(rgb) = f.rgb else { continue };
        if f.is_white()
            || !(SWATCH_MIN..=SWATCH_MAX).contains(&w)
            || !(SWATCH_MIN..=SWATCH_MAX / 2.0).contains(&h)
        {
            continue;
        }
        let cy = (f.top + f.bottom) / 2.0;
        if in_table((f.x0 + f.x1) / 2.0, cy) {
            continue;
        }
        // The label: the words of a line beside the swatch, from its right
        // edge to the next swatch or a wide gap.
        let Some(line) = lines.iter().find(|l| {
            l.top <= cy && l.bottom >= cy && l.x0 >= f.x1 - 1.0 && l.x0 <= f.x1 + SWATCH_GAP
        }) else {
            continue;
        };
        let next_swatch = page
            .fills
            .iter()
            .filter(|g| g.x0 > f.x1 && g.top <= cy && g.bottom >= cy)
            .map(|g| g.x0)
            .fold(f64::INFINITY, f64::min);
        let words: Vec<&str> = line
            .words
            .iter()
            .filter(|w| w.x1 <= next_swatch)
            .filter_map(|w| line.text.get(w.start..w.end))
            .collect();
        if words.is_empty() || words.len() > 6 {
            continue;
        }
        found.push((
            f.top,
            LegendItem {
                label: words.join(" "),
                definition: None,
                fill: Some(crate::table::hex(rgb)),
            },
        ));
    }
    if found.len() < 2 {
        return Vec::new();
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    let top = found.first().map_or(0.0, |f| f.0);
    vec![(
        top,
        Legend {
            items: found.into_iter().map(|(_, i)| i).collect(),
            page: Some(page.number),
        },
    )]
}

/// Finds the tables among the glyphs `idx` (ruled grids from `rulings`,
/// then text alignment, as `o.strategy` says), pushing them to `tables`;
/// returns the glyphs left outside every table, in order. With `force`
/// (an area the user marked), glyphs that make no table are read as one
/// table by text alignment.
fn find_tables(
    page: &PageGlyphs,
    idx: Vec<u32>,
    rulings: &[Ruling],
    o: &Overrides,
    force: bool,
    tables: &mut Vec<FoundTable>,
) -> Vec<u32> {
    let found_before = tables.len();
    let grids = if o.strategy == Strategy::Text {
        Vec::new()
    } else {
        find_grids(rulings)
    };
    // Per grid, per merged cell: glyph indices.
    let mut per_cell: Vec<Vec<Vec<u32>>> = grids
        .iter()
        .map(|g| vec![Vec::new(); g.cells.len()])
        .collect();
    let mut outside: Vec<u32> = Vec::new();
    for i in idx {
        let Some(g) = page.glyphs.get(i as usize) else {
            continue;
        };
        let (cx, cy) = (g.cx(), g.cy());
        let mut placed = false;
        for (gi, grid) in grids.iter().enumerate() {
            if !grid.contains(cx, cy) {
                continue;
            }
            if let Some(cell) = grid.cell_of(cx, cy) {
                if let Some(v) = per_cell.get_mut(gi).and_then(|c| c.get_mut(cell)) {
                    v.push(i);
                    placed = true;
                    break;
                }
            }
        }
        if !placed {
            outside.push(i);
        }
    }
    for (grid, cells) in grids.into_iter().zip(per_cell) {
        let (grid, cells) = refine_ruled(page, grid, cells);
        match FoundTable::new(page, grid, &cells) {
            Some(t) => tables.push(t),
            None => outside.extend(cells.into_iter().flatten()),
        }
    }
    outside.sort_unstable();
    if o.strategy == Strategy::Ruled {
        return outside;
    }
    // Tables without a full grid: text alignment (and horizontal rulings).
    for grid in find_text_grids(page, &outside, rulings, &o.columns) {
        let (cells, rest) = assign(page, &grid, &outside);
        if !force && o.columns.is_empty() && sparse(&grid, &cells) {
            continue;
        }
        let parts = if o.columns.is_empty() {
            split_snaked(page, grid, cells)
        } else {
            vec![(grid, cells)]
        };
        // A part that makes no table keeps its glyphs outside.
        let mut any = false;
        let mut left_out = Vec::new();
        for (grid, cells) in parts {
            match FoundTable::new(page, grid, &cells) {
                Some(t) => {
                    tables.push(t);
                    any = true;
                }
                None => left_out.extend(cells.into_iter().flatten()),
            }
        }
        if any {
            outside = rest;
            if !left_out.is_empty() {
                outside.extend(left_out);
                outside.sort_unstable();
            }
        }
    }
    if force && tables.len() == found_before {
        if let Some(grid) = forced_grid(page, &outside, rulings, &o.columns) {
            let (cells, rest) = assign(page, &grid, &outside);
            if let Some(t) = FoundTable::new(page, grid, &cells) {
                tables.push(t);
                outside = rest;
            }
        }
    }
    outside
}

/// Whether a grid found by text alignment is mostly empty: a tall grid
/// with text cells for under a third of its positions is the scattered labels
/// around charts and diagrams (tick labels, legends), not a table, which
/// fills most of its positions.
fn sparse(grid: &crate::grid::Grid, cells: &[Vec<u32>]) -> bool {
    let (rows, cols) = (grid.rows(), grid.cols());
    if rows < 8 || cols < 3 {
        return false;
    }
    let filled = cells.iter().filter(|v| !v.is_empty()).count();
    filled * 3 < rows * cols
}

/// The parts of `rulings` inside a top-left box `(x0, top, x1, bottom)`.
fn clip_rulings(rulings: &[Ruling], (x0, t, x1, b): (f64, f64, f64, f64)) -> Vec<Ruling> {
    rulings
        .iter()
        .filter_map(|r| {
            let (lo, hi, inside) = if r.horizontal {
                (x0, x1, r.pos >= t && r.pos <= b)
            } else {
                (t, b, r.pos >= x0 && r.pos <= x1)
            };
            let (from, to) = (r.from.max(lo), r.to.min(hi));
            (inside && to > from).then_some(Ruling { from, to, ..*r })
        })
        .collect()
}

/// "12", "Page 12", "12 of 40", "- 12 -".
fn is_folio(s: &str) -> bool {
    let t = s
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .or_else(|| t.strip_prefix("PAGE "))
        .unwrap_or(t)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let num = |p: Option<&str>| {
        p.is_some_and(|p| p.len() <= 4 && p.parse::<u32>().is_ok_and(|n| n < 1900))
    };
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (a @ Some(_), None, None, None) => num(a),
        (a @ Some(_), Some("of"), b @ Some(_), None) => num(a) && num(b),
        (a @ Some(_), b @ Some(_), None, None) => num(a) && num(b) && t.contains('/'),
        _ => false,
    }
}

/// Groups text runs into paragraphs: a run continues the paragraph above
/// it when it starts just below it, overlaps it horizontally and has the
/// same size and weight.
fn group_paras(runs: Vec<TextLine>) -> Vec<Para> {
    let mut done: Vec<Para> = Vec::new();
    let mut open: Vec<Para> = Vec::new();
    for run in runs {
        // Close paragraphs left far behind.
        let mut k = 0;
        while k < open.len() {
            if open
                .get(k)
                .is_some_and(|p| run.top - p.bottom > 3.0 * p.size.max(run.size))
            {
                done.push(open.remove(k));
            } else {
                k += 1;
            }
        }
        let fits = |p: &Para| {
            let Some(last) = p.lines.last() else {
                return false;
            };
            let gap = run.top - last.bottom;
            let overlap = run.x1.min(last.x1) - run.x0.max(last.x0);
            gap > -0.3 * run.size
                && gap < 0.8 * run.size
                && run.top > last.top + 0.5 * run.size
                && overlap > 0.0
                && (run.size - p.size).abs() < 0.6
                && run.bold == p.bold
        };
        if let Some(p) = open.iter_mut().rev().find(|p| fits(p)) {
            p.x0 = p.x0.min(run.x0);
            p.x1 = p.x1.max(run.x1);
            p.bottom = p.bottom.max(run.bottom);
            p.lines.push(run);
        } else {
            open.push(Para {
                x0: run.x0,
                x1: run.x1,
                top: run.top,
                bottom: run.bottom,
                size: run.size,
                bold: run.bold,
                lines: vec![run],
            });
        }
    }
    done.extend(open);
    done.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    done
}

#[cfg(test)]
mod tests {
    use super::{analyse, is_folio};
    use crate::source::testing::{fill as strip, page, put};
    use crate::source::{push_fill_edges, PageGlyphs, Ruling};

    /// A word processor's table ruled only between rows, its rows shaded
    /// light and white in turn, each shaded cell painted as a padding strip
    /// on either side and one strip per line of text: the strips' seams
    /// are no rulings, so the rows are the ruled rows (wrapped lines stay
    /// in their cell) and the columns come from the text, the same in the
    /// white row as in the shaded ones.
    #[test]
    fn a_table_shaded_in_strips_keeps_its_rows_whole() {
        let mut p = page(600.0, 400.0);
        const DARK: [f32; 3] = [0.61, 0.73, 0.35];
        const LIGHT: [f32; 3] = [0.9, 0.93, 0.84];
        let cols = [(50.0, 200.0), (200.0, 450.0), (450.0, 560.0)];
        // (top, bottom, shade, lines per column)
        type Row<'a> = (f64, f64, Option<[f32; 3]>, [&'a [&'a str]; 3]);
        let rows: [Row; 4] = [
            (
                50.0,
                80.0,
                Some(DARK),
                [&["Section"], &["Commitment"], &["Notes"]],
            ),
            (
                81.0,
                131.0,
                Some(LIGHT),
                [
                    &["Step 5: External", "Challenge or", "Request"],
                    &["We will publish all the data", "about our datasets"],
                    &["By March 2014"],
                ],
            ),
            (
                132.0,
                170.0,
                None,
                [
                    &["Who do I ask", "to release data?"],
                    &["We will publish how we deal", "with requests"],
                    &["By May 2014"],
                ],
            ),
            (
                171.0,
                221.0,
                Some(LIGHT),
                [
                    &["Step 2: Assess"],
                    &[
                        "We will prioritise our data",
                        "with our users and",
                        "publish roadmaps",
                    ],
                    &["Initial action by", "December"],
                ],
            ),
        ];
        let mut fills = Vec::new();
        for (top, bottom, shade, lines) in rows {
            for (&(x0, x1), cell) in cols.iter().zip(lines) {
                for (k, line) in cell.iter().enumerate() {
                    let font = u16::from(shade == Some(DARK));
                    put(
                        &mut p,
                        line,
                        (x0 + 6.0, top + 4.0 + 14.0 * k as f64),
                        10.0,
                        font,
                    );
                }
                if let Some(rgb) = shade {
                    fills.push(strip(x0, top, x0 + 5.0, bottom, rgb));
                    fills.push(strip(x1 - 5.0, top, x1, bottom, rgb));
                    let mut y = top;
                    for k in 0..cell.len() {
                        let next = if k + 1 == cell.len() {
                            bottom
                        } else {
                            top + 4.0 + 14.0 * (k + 1) as f64
                        };
                        fills.push(strip(x0 + 5.0, y, x1 - 5.0, next, rgb));
                        y = next;
                    }
                }
            }
        }
        // Rules between the rows (one per column, end to end) and the
        // table's sides.
        for y in [49.5, 80.5, 131.5, 170.5, 221.5] {
            for &(x0, x1) in &cols {
                p.rulings.push(Ruling {
                    horizontal: true,
                    pos: y,
                    from: x0,
                    to: x1,
                });
            }
        }
        for x in [50.0, 560.0] {
            p.rulings.push(Ruling {
                horizontal: false,
                pos: x,
                from: 49.5,
                to: 221.5,
            });
        }
        push_fill_edges(&mut p.rulings, &fills);
        p.fills = fills;
        let a = analyse(&p);
        assert_eq!(a.tables.len(), 1);
        let t = &a.tables[0];
        assert_eq!(t.grid.cols(), 3);
        assert_eq!(
            t.header.as_deref(),
            Some(
                &[
                    "Section".to_string(),
                    "Commitment".to_string(),
                    "Notes".to_string()
                ][..]
            )
        );
        let body: Vec<Vec<String>> = t.body().into_iter().map(|r| r.cells).collect();
        assert_eq!(
            body,
            vec![
                vec![
                    "Step 5: External\nChallenge or\nRequest",
                    "We will publish all the data\nabout our datasets",
                    "By March 2014"
                ],
                vec![
                    "Who do I ask\nto release data?",
                    "We will publish how we deal\nwith requests",
                    "By May 2014"
                ],
                vec![
                    "Step 2: Assess",
                    "We will prioritise our data\nwith our users and\npublish roadmaps",
                    "Initial action by\nDecember"
                ],
            ]
        );
    }

    #[test]
    fn folios() {
        assert!(is_folio("12"));
        assert!(is_folio("Page 3"));
        assert!(is_folio("3 of 17"));
        assert!(is_folio("- 4 -"));
        assert!(!is_folio("2023"));
        assert!(!is_folio("Q2 2023"));
    }

    /// A table of cells shaded one by one with white gaps between them
    /// (`rows` of (shade, labels), 30 pt tall, columns 120 pt wide from
    /// x 50), every glyph in the regular font; then `bars` drawn over the
    /// cells: (row, x0, x1).
    fn cell_shaded(rows: &[([f32; 3], &[&str])], bars: &[(usize, f64, f64)]) -> PageGlyphs {
        let mut p = page(600.0, 400.0);
        let mut fills = Vec::new();
        for (r, (rgb, labels)) in rows.iter().enumerate() {
            let top = 50.0 + 31.0 * r as f64;
            for (c, label) in labels.iter().enumerate() {
                let x0 = 50.0 + 121.0 * c as f64;
                fills.push(strip(x0, top, x0 + 120.0, top + 30.0, *rgb));
                put(&mut p, label, (x0 + 4.0, top + 4.0), 10.0, 0);
            }
        }
        for &(r, x0, x1) in bars {
            let top = 50.0 + 31.0 * r as f64;
            fills.push(strip(x0, top + 14.0, x1, top + 26.0, [0.74, 0.3, 0.62]));
        }
        push_fill_edges(&mut p.rulings, &fills);
        p.fills = fills;
        p
    }

    /// A header printed plain, white on a coloured band, over cells of
    /// another shade: the band is the header though its words are neither
    /// bold nor known.
    #[test]
    fn a_plain_header_on_a_shaded_band_is_the_header() {
        const BAND: [f32; 3] = [0.74, 0.3, 0.62];
        const CELL: [f32; 3] = [0.94, 0.85, 0.92];
        let p = cell_shaded(
            &[
                (BAND, &["Step", "Done", "Next"]),
                (CELL, &["1. Model", "A model", "Review it"]),
                (CELL, &["2. Measures", "Listed", "Agree them"]),
            ],
            &[],
        );
        let a = analyse(&p);
        assert_eq!(a.tables.len(), 1);
        let t = &a.tables[0];
        let header: Vec<&str> = t.header.iter().flatten().map(String::as_str).collect();
        assert_eq!(header, ["Step", "Done", "Next"]);
        assert_eq!(t.body().len(), 2);
    }

    /// Gantt bars drawn over a period grid's cells, starting and ending
    /// inside cells, make no columns of their own.
    #[test]
    fn gantt_bars_make_no_columns() {
        const HEAD: [f32; 3] = [0.2, 0.3, 0.6];
        const CELL: [f32; 3] = [0.94, 0.85, 0.92];
        let p = cell_shaded(
            &[
                (HEAD, &["Task", "Q1 2012/13", "Q2 2012/13", "Q3 2012/13"]),
                (CELL, &["Assign owners", "", "", ""]),
                (CELL, &["Report", "", "", ""]),
            ],
            &[(1, 180.0, 290.0), (2, 300.0, 530.0)],
        );
        let a = analyse(&p);
        assert_eq!(a.tables.len(), 1);
        assert_eq!(a.tables[0].grid.cols(), 4);
    }

    /// A fully ruled table whose row wraps its name and its date over
    /// three lines beside one-line cells: one row, not three.
    #[test]
    fn a_ruled_row_with_two_wrapped_cells_stays_one_row() {
        let mut p = page(600.0, 400.0);
        let xs = [40.0, 130.0, 340.0, 420.0, 500.0, 560.0];
        let ys = [40.0, 60.0, 110.0, 140.0];
        for &y in &ys {
            p.rulings.push(Ruling {
                horizontal: true,
                pos: y,
                from: 40.0,
                to: 560.0,
            });
        }
        for &x in &xs {
            p.rulings.push(Ruling {
                horizontal: false,
                pos: x,
                from: 40.0,
                to: 140.0,
            });
        }
        let rows: [&[&[&str]]; 3] = [
            &[
                &["Dataset"],
                &["Description"],
                &["Published"],
                &["Frequency"],
                &["Licence"],
            ],
            &[
                &["Non Consolidated", "Performance", "Related Pay"],
                &["Non-consolidated pay"],
                &["Next release", "November", "2012"],
                &["Annual"],
                &["Yes"],
            ],
            &[
                &["Pocket Data"],
                &["Weekly figures"],
                &["May 2012"],
                &["Weekly"],
                &["Yes"],
            ],
        ];
        for (r, cells) in rows.iter().enumerate() {
            for (c, lines) in cells.iter().enumerate() {
                for (k, line) in lines.iter().enumerate() {
                    let at = (xs[c] + 3.0, ys[r] + 3.0 + 12.0 * k as f64);
                    put(&mut p, line, at, 8.0, u16::from(r == 0));
                }
            }
        }
        let a = analyse(&p);
        assert_eq!(a.tables.len(), 1);
        let body: Vec<Vec<String>> = a.tables[0].body().into_iter().map(|r| r.cells).collect();
        assert_eq!(body.len(), 2, "{body:?}");
        assert_eq!(body[0][0], "Non Consolidated\nPerformance\nRelated Pay");
        assert_eq!(body[0][2], "Next release\nNovember\n2012");
    }
}
