//! Pairing the rows of a right-hand half with the left-hand block they
//! continue.

use plantab_model::FragmentRow;

/// Pairs right-half rows with the left-half rows they belong to.
///
/// Evidence, strongest first:
/// 1. equal row counts — rows pair in order (the halves print the same
///    rows in the same order);
/// 2. equal counts once rows printed across the whole left table
///    (priority bars, which have no right-hand cells) are set aside;
/// 3. row geometry (PDF input) — each right row pairs with the unpaired
///    left row whose top edge is nearest, when within a tolerance;
/// 4. otherwise rows pair in order from the top, and the surplus is kept
///    unpaired.
///
/// Whenever 1 and 2 fail, [`Pairing::mismatch`] says so: the caller turns
/// it into a `row_count_mismatch` warning. Rows are never shifted silently.
#[derive(Debug, Default)]
pub struct SideBySideJoiner;

/// The outcome of [`SideBySideJoiner::pair`].
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    /// For each right row, the index (into the left block) of its partner,
    /// or `None` when it has none.
    pub targets: Vec<Option<usize>>,
    /// A description of the mismatch, when the counts disagreed.
    pub mismatch: Option<String>,
}

/// Points within which two rows' top edges count as the same row.
const ROW_TOP_TOLERANCE: f64 = 6.0;

impl SideBySideJoiner {
    /// Pairs `right` rows with a left block whose rows have the given top
    /// edges (PDF points, when known) and spanning flags.
    pub fn pair(
        left_tops: &[Option<f64>],
        right: &[FragmentRow],
        left_spanning: &[bool],
    ) -> Pairing {
        let n_left = left_tops.len();
        let n_right = right.len();
        if n_left == n_right {
            return Pairing {
                targets: (0..n_right).map(Some).collect(),
                mismatch: None,
            };
        }
        let plain: Vec<usize> = (0..n_left)
            .filter(|&i| !left_spanning.get(i).copied().unwrap_or(false))
            .collect();
        if plain.len() == n_right && plain.len() < n_left {
            return Pairing {
                targets: plain.into_iter().map(Some).collect(),
                mismatch: None,
            };
        }
        let message = format!(
            "the left half of a side-by-side table has {n_left} rows but its right half has {n_right}"
        );
        let right_tops: Vec<Option<f64>> = right.iter().map(|r| r.bbox.map(|b| b.y1)).collect();
        let geometric =
            left_tops.iter().all(Option::is_some) && right_tops.iter().all(Option::is_some);
        if geometric {
            let mut used = vec![false; n_left];
            let targets = right_tops
                .iter()
                .map(|rt| {
                    let rt = (*rt)?;
                    let best = left_tops
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| !used.get(*i).copied().unwrap_or(true))
                        .filter_map(|(i, lt)| lt.map(|lt| (i, (lt - rt).abs())))
                        .filter(|(_, d)| *d <= ROW_TOP_TOLERANCE)
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                        .map(|(i, _)| i);
                    if let Some(i) = best {
                        if let Some(u) = used.get_mut(i) {
                            *u = true;
                        }
                    }
                    best
                })
                .collect();
            return Pairing {
                targets,
                mismatch: Some(format!(
                    "{message}; rows were paired by their position on the page"
                )),
            };
        }
        let targets = (0..n_right).map(|i| (i < n_left).then_some(i)).collect();
        Pairing {
            targets,
            mismatch: Some(format!(
                "{message}; rows were paired in order from the top, and the {} surplus row(s) kept unpaired — check them",
                n_left.abs_diff(n_right)
            )),
        }
    }
}
