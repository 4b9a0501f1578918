//! Ruled tables: rulings → connected grids → cells with spans.
//!
//! Rulings close to one another are snapped together and joined into long
//! segments; segments that cross or touch form connected groups, and each
//! group with at least two horizontal and two vertical positions is a grid.
//! A cell boundary exists where a ruling covers most of it; cells with a
//! missing boundary are merged (row and column spans).

use crate::source::Ruling;

/// Rulings closer than this (points) are the same line.
const SNAP: f64 = 2.0;
/// Collinear segments with a gap below this are joined.
const JOIN: f64 = 3.0;
/// How far a segment may stop short of another and still touch it.
const TOUCH: f64 = 2.5;
/// Share of a cell side a ruling must cover to count as a boundary.
const COVER: f64 = 0.6;
/// Boundaries closer than this (points) are one boundary: no text fits
/// between them. Word and LibreOffice tables whose header cells are shaded
/// boxes set inside the ruled cells draw the box edges some 5.4 pt inside
/// the cell's rulings (UK open data strategies 2012): those slivers are no
/// columns.
const BAND_MIN: f64 = 6.0;
/// Pages with more rulings than this are drawings, not tables.
const MAX_RULINGS: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Seg {
    pos: f64,
    from: f64,
    to: f64,
}

/// A merged cell of a [`Grid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridCell {
    /// First grid row.
    pub row: usize,
    /// First grid column.
    pub col: usize,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
}

/// A ruled grid on a page (top-left coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right (`cols + 1` values).
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (`rows + 1` values).
    pub ys: Vec<f64>,
    /// Merged cells in row-major order of their top-left corner.
    pub cells: Vec<GridCell>,
    /// For each elementary cell (row-major), the index of its merged cell.
    pub cell_at: Vec<usize>,
}

impl Grid {
    /// Number of grid rows.
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
    /// Number of grid columns.
    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    /// `(x0, top, x1, bottom)`.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        (
            self.xs.first().copied().unwrap_or(0.0),
            self.ys.first().copied().unwrap_or(0.0),
            self.xs.last().copied().unwrap_or(0.0),
            self.ys.last().copied().unwrap_or(0.0),
        )
    }
    /// Whether a point lies inside the grid.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (x0, t, x1, b) = self.bounds();
        x >= x0 && x <= x1 && y >= t && y <= b
    }
    /// The merged cell holding a point inside the grid.
    pub fn cell_of(&self, x: f64, y: f64) -> Option<usize> {
        let col = band(&self.xs, x)?;
        let row = band(&self.ys, y)?;
        self.cell_at.get(row * self.cols() + col).copied()
    }
}

/// Index of the band of `bounds` holding `v`.
fn band(bounds: &[f64], v: f64) -> Option<usize> {
    let first = *bounds.first()?;
    let last = *bounds.last()?;
    if v < first || v > last || bounds.len() < 2 {
        return None;
    }
    let i = bounds.partition_point(|b| *b <= v);
    Some(i.saturating_sub(1).min(bounds.len() - 2))
}

/// Snaps and joins segments of one orientation.
fn merge(mut segs: Vec<Seg>) -> Vec<Seg> {
    segs.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let Some(first) = segs.get(i) else { break };
        let mut j = i + 1;
        let mut last_pos = first.pos;
        while let Some(s) = segs.get(j) {
            if s.pos - last_pos > SNAP / 2.0 {
                break;
            }
            last_pos = s.pos;
            j += 1;
        }
        let Some(group) = segs.get_mut(i..j) else {
            break;
        };
        let pos = group.iter().map(|s| s.pos).sum::<f64>() / group.len() as f64;
        group.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Seg> = None;
        for s in group.iter() {
            match cur.as_mut() {
                Some(c) if s.from <= c.to + JOIN => c.to = c.to.max(s.to),
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(Seg {
                        pos,
                        from: s.from,
                        to: s.to,
                    });
                }
            }
        }
        if let Some(c) = cur {
            out.push(c);
        }
        i = j;
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = gp;
        }
        i = p;
    }
    i
}

/// Clusters positions (chaining gaps up to [`BAND_MIN`]: double and
/// triple borders, which no text fits between) into `(low, high, mean)`.
fn cluster_positions(mut v: Vec<f64>) -> Vec<(f64, f64, f64)> {
    v.sort_by(|a, b| a.total_cmp(b));
    let mut out = Vec::new();
    let mut acc: Vec<f64> = Vec::new();
    let flush = |acc: &mut Vec<f64>, out: &mut Vec<(f64, f64, f64)>| {
        if let (Some(&lo), Some(&hi)) = (acc.first(), acc.last()) {
            out.push((lo, hi, acc.iter().sum::<f64>() / acc.len() as f64));
        }
        acc.clear();
    };
    for p in v {
        if acc.last().is_some_and(|&last| p - last > BAND_MIN) {
            flush(&mut acc, &mut out);
        }
        acc.push(p);
    }
    flush(&mut acc, &mut out);
    out
}

/// Finds the ruled grids among a page's rulings.
pub fn find_grids(rulings: &[Ruling]) -> Vec<Grid> {
    if rulings.len() > MAX_RULINGS {
        return Vec::new();
    }
    let hs = merge(
        rulings
            .iter()
            .filter(|r| r.horizontal)
            .map(|r| Seg {
                pos: r.pos,
                from: r.from,
                to: r.to,
            })
            .collect(),
    );
    let mut vs = merge(
        rulings
            .iter()
            .filter(|r| !r.horizontal)
            .map(|r| Seg {
                pos: r.pos,
                from: r.from,
                to: r.to,
            })
            .collect(),
    );
    if hs.len() < 2 || vs.len() < 2 {
        return Vec::new();
    }
    vs.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let nh = hs.len();
    let mut parent: Vec<usize> = (0..nh + vs.len()).collect();
    let mut touches = vec![false; nh + vs.len()];
    for (hi, h) in hs.iter().enumerate() {
        let lo = vs.partition_point(|v| v.pos < h.from - TOUCH);
        for (k, v) in vs.iter().enumerate().skip(lo) {
            if v.pos > h.to + TOUCH {
                break;
            }
            if h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH {
                let a = find(&mut parent, hi);
                let b = find(&mut parent, nh + k);
                if a != b {
                    if let Some(slot) = parent.get_mut(a) {
                        *slot = b;
                    }
                }
                if let Some(t) = touches.get_mut(hi) {
                    *t = true;
                }
                if let Some(t) = touches.get_mut(nh + k) {
                    *t = true;
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Seg>, Vec<Seg>)> =
        std::collections::BTreeMap::new();
    for i in 0..nh + vs.len() {
        if !touches.get(i).copied().unwrap_or(false) {
            continue;
        }
        let root = find(&mut parent, i);
        let entry = groups.entry(root).or_default();
        if i < nh {
            if let Some(s) = hs.get(i) {
                entry.0.push(*s);
            }
        } else if let Some(s) = vs.get(i - nh) {
            entry.1.push(*s);
        }
    }
    let mut grids: Vec<Grid> = groups
        .into_values()
        .filter_map(|(h, v)| build_grid(&h, &v))
        .collect();
    grids.sort_by(|a, b| {
        let (ax, at, ..) = a.bounds();
        let (bx, bt, ..) = b.bounds();
        at.total_cmp(&bt).then(ax.total_cmp(&bx))
    });
    grids
}

/// The boundaries of clustered positions: each cluster's mean, but the
/// outermost of the first and of the last cluster — a frame drawn twice
/// ([`BAND_MIN`] apart) encloses what is printed between its lines (a
/// header's first line set just under the outer ruling), so the table's
/// edge is the outer line.
fn boundaries(clusters: &[(f64, f64, f64)]) -> Vec<f64> {
    let last = clusters.len().saturating_sub(1);
    clusters
        .iter()
        .enumerate()
        .map(|(i, &(lo, hi, mean))| {
            if i == 0 {
                lo
            } else if i == last {
                hi
            } else {
                mean
            }
        })
        .collect()
}

/// Whether a boundary's rulings cover most of the span a..b.
fn covered(segs: &[Seg], a: f64, b: f64) -> bool {
    let mut got = 0.0;
    for s in segs {
        let ov = s.to.min(b) - s.from.max(a);
        if ov > 0.0 {
            got += ov;
        }
    }
    got >= (b - a) * COVER
}

/// Misaligned boundaries: two neighbouring inner vertical boundaries that
/// no row draws both of, closer to each other than to the boundaries
/// beside them — a header whose borders sit a little off the body's (a
/// word processor keeps each row's own cell widths) — are one boundary,
/// where more rows draw it: the sliver between them is no column.
fn snap_misaligned(xs: &mut Vec<f64>, by_x: &mut Vec<Vec<Seg>>, ys: &[f64]) {
    let drawn =
        |segs: &[Seg]| -> Vec<bool> { ys.windows(2).map(|w| covered(segs, w[0], w[1])).collect() };
    let mut k = 1;
    while k + 2 < xs.len() {
        let (Some(&before), Some(&a), Some(&b), Some(&after)) =
            (xs.get(k - 1), xs.get(k), xs.get(k + 1), xs.get(k + 2))
        else {
            break;
        };
        let (Some(sa), Some(sb)) = (by_x.get(k), by_x.get(k + 1)) else {
            break;
        };
        let (da, db) = (drawn(sa), drawn(sb));
        let (na, nb) = (
            da.iter().filter(|d| **d).count(),
            db.iter().filter(|d| **d).count(),
        );
        let apart = da.iter().zip(&db).all(|(x, y)| !(*x && *y));
        let sliver = b - a < a - before && b - a < after - b;
        if !(apart && sliver && na > 0 && nb > 0) {
            k += 1;
            continue;
        }
        let (keep, gone) = if na >= nb { (k, k + 1) } else { (k + 1, k) };
        let pos = xs.get(keep).copied().unwrap_or(a);
        let moved: Vec<Seg> = by_x
            .get(gone)
            .map(|v| v.iter().map(|s| Seg { pos, ..*s }).collect())
            .unwrap_or_default();
        if let Some(v) = by_x.get_mut(keep) {
            v.extend(moved);
        }
        xs.remove(gone);
        by_x.remove(gone);
    }
}

fn build_grid(hs: &[Seg], vs: &[Seg]) -> Option<Grid> {
    let xc = cluster_positions(vs.iter().map(|s| s.pos).collect());
    let yc = cluster_positions(hs.iter().map(|s| s.pos).collect());
    // Segments belonging to each boundary, so boundary checks stay cheap.
    let members = |c: &[(f64, f64, f64)], segs: &[Seg]| -> Vec<Vec<Seg>> {
        c.iter()
            .map(|&(lo, hi, _)| {
                segs.iter()
                    .filter(|s| s.pos >= lo - 0.5 && s.pos <= hi + 0.5)
                    .copied()
                    .collect()
            })
            .collect()
    };
    let mut by_x = members(&xc, vs);
    let mut by_y = members(&yc, hs);
    let mut xs = boundaries(&xc);
    let mut ys = boundaries(&yc);
    // Open sides: horizontal rules reaching past the last vertical one
    // (and vice versa) close the grid there.
    let hx0 = hs.iter().map(|s| s.from).fold(f64::INFINITY, f64::min);
    let hx1 = hs.iter().map(|s| s.to).fold(f64::NEG_INFINITY, f64::max);
    let vy0 = vs.iter().map(|s| s.from).fold(f64::INFINITY, f64::min);
    let vy1 = vs.iter().map(|s| s.to).fold(f64::NEG_INFINITY, f64::max);
    let full = |pos: f64, a: f64, b: f64| {
        vec![Seg {
            pos,
            from: a,
            to: b,
        }]
    };
    if xs.first().is_some_and(|&f| hx0 < f - BAND_MIN) {
        xs.insert(0, hx0);
        by_x.insert(0, full(hx0, f64::MIN, f64::MAX));
    }
    if xs.last().is_some_and(|&l| hx1 > l + BAND_MIN) {
        xs.push(hx1);
        by_x.push(full(hx1, f64::MIN, f64::MAX));
    }
    if ys.first().is_some_and(|&f| vy0 < f - BAND_MIN) {
        ys.insert(0, vy0);
        by_y.insert(0, full(vy0, f64::MIN, f64::MAX));
    }
    if ys.last().is_some_and(|&l| vy1 > l + BAND_MIN) {
        ys.push(vy1);
        by_y.push(full(vy1, f64::MIN, f64::MAX));
    }
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    snap_misaligned(&mut xs, &mut by_x, &ys);
    let cols = xs.len() - 1;
    let rows = ys.len() - 1;
    if cols * rows > 250_000 {
        return None;
    }
    let vb = |k: usize, r: usize| -> bool {
        match (by_x.get(k), xs.get(k), ys.get(r), ys.get(r + 1)) {
            (Some(segs), Some(_), Some(&a), Some(&b)) => covered(segs, a, b),
            _ => true,
        }
    };
    let hb = |r: usize, c: usize| -> bool {
        match (by_y.get(r), ys.get(r), xs.get(c), xs.get(c + 1)) {
            (Some(segs), Some(_), Some(&a), Some(&b)) => covered(segs, a, b),
            _ => true,
        }
    };
    let mut cell_at = vec![usize::MAX; rows * cols];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if cell_at.get(r * cols + c).copied() != Some(usize::MAX) {
                continue;
            }
            let mut cs = 1;
            while c + cs < cols
                && !vb(c + cs, r)
                && cell_at.get(r * cols + c + cs).copied() == Some(usize::MAX)
            {
                cs += 1;
            }
            let mut rs = 1;
            while r + rs < rows && (c..c + cs).all(|cc| !hb(r + rs, cc)) {
                if (c..c + cs)
                    .any(|cc| cell_at.get((r + rs) * cols + cc).copied() != Some(usize::MAX))
                {
                    break;
                }
                rs += 1;
            }
            let id = cells.len();
            cells.push(GridCell {
                row: r,
                col: c,
                row_span: rs,
                col_span: cs,
            });
            for rr in r..r + rs {
                for cc in c..c + cs {
                    if let Some(slot) = cell_at.get_mut(rr * cols + cc) {
                        *slot = id;
                    }
                }
            }
        }
    }
    if cells.len() < 2 {
        return None;
    }
    Some(Grid {
        xs,
        ys,
        cells,
        cell_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, a: f64, b: f64) -> Ruling {
        Ruling {
            horizontal: true,
            pos: y,
            from: a,
            to: b,
        }
    }
    fn v(x: f64, a: f64, b: f64) -> Ruling {
        Ruling {
            horizontal: false,
            pos: x,
            from: a,
            to: b,
        }
    }

    #[test]
    fn two_by_two_with_a_spanning_first_row() {
        // Outer box 0..100 x 0..40, middle rule at y=20, split at x=50
        // only in the lower row.
        let r = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 0.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(50.0, 20.0, 40.0),
        ];
        let g = find_grids(&r);
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!((g.rows(), g.cols()), (2, 2));
        assert_eq!(g.cells.len(), 3);
        assert_eq!(g.cells[0].col_span, 2);
        assert_eq!(g.cell_of(75.0, 10.0), Some(0));
        assert_eq!(g.cell_of(75.0, 30.0), Some(2));
    }

    #[test]
    fn separate_boxes_are_separate_grids() {
        let mut r = Vec::new();
        for off in [0.0, 200.0] {
            r.extend([
                h(off, 0.0, 100.0),
                h(off + 20.0, 0.0, 100.0),
                h(off + 40.0, 0.0, 100.0),
                v(0.0, off, off + 40.0),
                v(100.0, off, off + 40.0),
            ]);
        }
        assert_eq!(find_grids(&r).len(), 2);
    }

    #[test]
    fn a_header_ruled_a_little_off_the_body_makes_no_sliver_column() {
        // Columns 0 | 30 | 200 | 300 in the body (rows 20..100); the
        // header row (0..20) draws its borders at 22 and 215 instead: one
        // grid of three columns at the body's boundaries, the header's
        // cells each over one column.
        let mut r = vec![
            h(0.0, 0.0, 300.0),
            h(20.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
            h(100.0, 0.0, 300.0),
            v(0.0, 0.0, 100.0),
            v(300.0, 0.0, 100.0),
        ];
        r.extend([v(22.0, 0.0, 20.0), v(215.0, 0.0, 20.0)]);
        r.extend([v(30.0, 20.0, 100.0), v(200.0, 20.0, 100.0)]);
        let g = find_grids(&r);
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!(g.xs, vec![0.0, 30.0, 200.0, 300.0]);
        assert_eq!(g.rows(), 3);
        assert!(g.cells.iter().all(|c| c.col_span == 1 && c.row_span == 1));
        // Boundaries both drawn in one row are two boundaries.
        let r = vec![
            h(0.0, 0.0, 300.0),
            h(20.0, 0.0, 300.0),
            v(0.0, 0.0, 20.0),
            v(300.0, 0.0, 20.0),
            v(22.0, 0.0, 20.0),
            v(30.0, 0.0, 20.0),
        ];
        assert_eq!(find_grids(&r)[0].cols(), 3);
    }
}
