//! Fuzzy matching: a bounded Levenshtein similarity.
//!
//! [`similarity_at_least`] answers what `strsim::normalized_levenshtein`
//! answers, but only when the answer reaches a floor, and without paying
//! for the whole edit distance of strings that cannot reach it: status and
//! header matching compare one printed text with every label of a table,
//! and nearly all of them are far off.

/// `strsim::normalized_levenshtein(a, b)` when it is at least `min`, else
/// `None`, without paying for the full edit distance of strings that cannot
/// reach `min`: the distance is at least the length difference, and the
/// dynamic programme stops as soon as every cell of a row exceeds the
/// largest distance that still reaches `min`. The value returned is the one
/// strsim computes (same formula, same distance). Works on chars, like
/// strsim.
pub fn similarity_at_least(a: &str, b: &str, min: f64) -> Option<f64> {
    let (la, lb) = if a.is_ascii() && b.is_ascii() {
        (a.len(), b.len())
    } else {
        (a.chars().count(), b.chars().count())
    };
    let longest = la.max(lb);
    if longest == 0 {
        return (1.0 >= min).then_some(1.0);
    }
    let sim_of = |d: usize| 1.0 - (d as f64) / (longest as f64);
    if sim_of(la.abs_diff(lb)) < min {
        return None;
    }
    // Largest distance whose similarity still reaches `min`.
    let mut max_d = la.abs_diff(lb);
    while max_d < longest && sim_of(max_d + 1) >= min {
        max_d += 1;
    }
    let d = levenshtein_within(a, b, max_d)?;
    let sim = sim_of(d);
    (sim >= min).then_some(sim)
}

/// The Levenshtein distance of `a` and `b` (on chars) when it is at most
/// `max_d`, else `None`.
fn levenshtein_within(a: &str, b: &str, max_d: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if a.is_ascii() && b.is_ascii() {
        return levenshtein_slices(a.as_bytes(), b.as_bytes(), max_d);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    levenshtein_slices(&a, &b, max_d)
}

/// [`levenshtein_within`] on slices (bytes of ASCII text, or chars).
fn levenshtein_slices<T: PartialEq>(a: &[T], b: &[T], max_d: usize) -> Option<usize> {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = i;
        let mut left = i + 1;
        let mut row_min = left;
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let cost = usize::from(*ca != *cb);
            let cur = (diag + cost).min(up + 1).min(left + 1);
            diag = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cur;
            }
            left = cur;
            row_min = row_min.min(cur);
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        if row_min > max_d {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= max_d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_similarity_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "status",
            "statuss",
            "sttus",
            "ontrack",
            "ontrak",
            "completed",
            "compelted",
            "leadservice",
            "leadservic",
            "leaddepartment",
            "delayed",
            "delayedbutprogressing",
            "notstarted",
            "ïdé",
            "idé",
            "whatwillwedoin",
            "revisedtargetdate",
            "xyz",
        ];
        for a in words {
            for b in words {
                for min in [0.0, 0.5, 0.8, 0.86, 1.0] {
                    let want = strsim::normalized_levenshtein(a, b);
                    let got = similarity_at_least(a, b, min);
                    if want >= min {
                        assert_eq!(got, Some(want), "{a:?} {b:?} {min}");
                    } else {
                        assert_eq!(got, None, "{a:?} {b:?} {min}");
                    }
                }
            }
        }
    }
}
