//! Status labels over a run of words (a leaf module but for
//! plantab-vocab): the label printed from a word on, found on the words'
//! compact forms, where a label may run over several words and must end
//! where a word ends.

use plantab_model::StatusCode;
use plantab_vocab::{status_label_max_len, status_label_prefix_compact};

/// Words a status label may run over.
pub(crate) const STATUS_WINDOW: usize = 16;

/// The status label printed from word `i` on, given the words' compact
/// forms one after the other in `buf` (word `k`'s is `buf[offs[k]..offs[k +
/// 1]]`): its code and how many words it takes. The compact form of words
/// joined by spaces is their compact forms concatenated, so only as much
/// text as the longest label covers is looked at.
pub(crate) fn status_in(buf: &str, offs: &[usize], i: usize) -> Option<(StatusCode, usize)> {
    let off = |k: usize| offs.get(k).copied().unwrap_or(buf.len());
    let n_words = offs
        .len()
        .saturating_sub(1)
        .saturating_sub(i)
        .min(STATUS_WINDOW);
    let from = offs.get(i).copied()?;
    if n_words == 0 || off(i + 1) == from {
        return None;
    }
    let limit = off(i + n_words).min(from + status_label_max_len());
    let longest = status_label_prefix_compact(buf.get(from..limit)?)?;
    let m = longest.len;
    // Snap to the last word boundary at or before m characters.
    let mut acc = 0usize;
    let mut words = 0usize;
    for k in i..i + n_words {
        let l = off(k + 1) - off(k);
        if acc + l > m {
            break;
        }
        acc += l;
        words += 1;
        if acc == m {
            break;
        }
    }
    while words > 0 {
        let len = off(i + words) - from;
        // Cut where the longest match ends, the text gives that match
        // again (no label agrees with it further): it is not looked for.
        let p = if len == m {
            Some(longest)
        } else {
            buf.get(from..from + len)
                .and_then(status_label_prefix_compact)
        };
        match p {
            // A clipped label must run over two words at least, so that a
            // word such as "assurance" in prose is no label.
            Some(p) if p.len == len && len > 0 && (p.whole || words >= 2) => {
                return Some((p.code, words))
            }
            _ => words -= 1,
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod reference {
    //! The label rule written plainly on the printed words.
    use super::*;
    use plantab_vocab::{compact, status_label_prefix};

    /// The status label printed from `words[i]` on: the longest label
    /// the words' text starts with reaches `m` compact characters; the
    /// label takes the words up to where `m` is reached (not past it),
    /// fewer when those are not all of a label (whole, or clipped over two
    /// words or more).
    pub(crate) fn status_at(words: &[&str], i: usize) -> Option<(StatusCode, usize)> {
        let window: Vec<&str> = words.iter().skip(i).take(STATUS_WINDOW).copied().collect();
        if compact(window.first()?).is_empty() {
            return None;
        }
        let m = status_label_prefix(&window.join(" "))?.len;
        // The compact length of the first n words, n = 1, 2, …: the first
        // n to reach m exactly, else the most words not passing it.
        let reach: Vec<usize> = (1..=window.len())
            .map(|n| compact(&window[..n].join(" ")).len())
            .collect();
        let n = match reach.iter().position(|&l| l == m) {
            Some(k) => k + 1,
            None => reach.iter().take_while(|&&l| l <= m).count(),
        };
        (1..=n).rev().find_map(|n| {
            let text = window.get(..n)?.join(" ");
            let p = status_label_prefix(&text)?;
            (p.len == compact(&text).len() && (p.whole || n >= 2)).then_some((p.code, n))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words labels are printed with, broken and whole, and prose.
    const PIECES: &[&str] = &[
        "On",
        "Track",
        "Track-",
        "little",
        "or",
        "no",
        "slippage",
        "Medium",
        "Progress-",
        "actual/",
        "projected",
        "actual/pro",
        "jected",
        "of",
        "1-2",
        "months",
        "Significant",
        "issues",
        "/",
        "Complete",
        "complete",
        "Not",
        "due",
        "to",
        "start",
        "N/A",
        "n/a",
        "New",
        "Action",
        "Added",
        "Closed",
        "On hold",
        "hold",
        "assurance",
        "Assurance",
        "the",
        "council",
        "(",
        ")",
        ".",
        "",
    ];

    proptest! {
        /// The label found on compact forms is the reference's.
        #[test]
        fn labels_agree_with_the_reference(
            words in proptest::collection::vec(proptest::sample::select(PIECES), 1..12),
        ) {
            let mut buf = String::new();
            let mut offs = vec![0];
            for w in &words {
                plantab_vocab::compact_into(w, &mut buf);
                offs.push(buf.len());
            }
            for i in 0..words.len() {
                prop_assert_eq!(
                    status_in(&buf, &offs, i),
                    reference::status_at(&words, i),
                    "{:?} at {}", words, i
                );
            }
        }
    }
}
