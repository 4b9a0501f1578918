//! Measures: a record's baseline, target, actual and unit
//! ([`plantab_model::Measure`]), the rating printed in a result cell
//! ("97.1%" over "Achieved"), and the heading that names one measure's
//! box ("Performance measure 1.1", "Measure 1.1: Average wait time in
//! field offices").

use plantab_model::{ColumnRole, Measure, RebuiltRow, RebuiltTable};

use crate::columns::TableColumns;

/// Most words a rating printed after a result's figure has ("Partially
/// achieved", "Not yet met").
const MAX_RATING_WORDS: usize = 4;

/// The measure a heading names, for the one box under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemBox {
    /// The heading's identifier ("1.1").
    pub(crate) id: String,
    /// The measure's name after the identifier, when printed.
    pub(crate) name: Option<String>,
    /// The heading above the item heading: the record's section.
    pub(crate) section: Option<String>,
}

/// Whether the item heading above `t` names it: one body row (a box),
/// printed across no columns, and no id column of its own.
pub(crate) fn is_item_box(t: &RebuiltTable, cols: &TableColumns<'_>) -> bool {
    cols.is_plan_table()
        && cols.position(ColumnRole::Id).is_none()
        && t.rows.len() == 1
        && t.rows.iter().all(|r| !r.spanning)
}

/// A result cell's figure and the rating printed after it: "97.1%
/// Achieved" → ("97.1%", "Achieved"); "10 of 12\nNot achieved" → ("10 of
/// 12", "Not achieved"). The rating is a whole status label of the
/// vocabulary (the longest that ends the cell, at most four words) and the
/// figure before it holds a digit; `None` otherwise ("65.8%", "Not
/// available", "Target not met").
pub(crate) fn split_rating(cell: &str) -> Option<(String, String)> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let n = words.len();
    for k in (1..=MAX_RATING_WORDS.min(n.saturating_sub(1))).rev() {
        let (figure, rating) = words.split_at(n - k);
        if !figure.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
            continue;
        }
        let rating = rating.join(" ");
        let c = plantab_vocab::compact(&rating);
        if c.is_empty() {
            continue;
        }
        let whole =
            plantab_vocab::status_label_whole_prefix(&c).is_some_and(|(_, len)| len == c.len());
        if whole {
            return Some((figure.join(" "), rating));
        }
    }
    None
}

/// A row's measure values and the rating its result cell prints, read
/// from the columns whose roles are baseline, target and actual (the
/// first filled cell of each), with the unit from those values ("97.1%" →
/// `%`), else from `title` (the measure's name). `None` when the row
/// prints no such value.
pub(crate) fn row_measure(
    row: &RebuiltRow,
    cols: &TableColumns<'_>,
    title: Option<&str>,
) -> (Option<Measure>, Option<String>) {
    let mut m = Measure::default();
    for (column, cell) in cols.cols.iter().zip(&row.cells) {
        let value = cell.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            continue;
        }
        let slot = match column.role {
            ColumnRole::Baseline => &mut m.baseline,
            ColumnRole::Target => &mut m.target,
            ColumnRole::Actual => &mut m.actual,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    let mut rating = None;
    if let Some((figure, r)) = m.actual.as_deref().and_then(split_rating) {
        m.actual = Some(figure);
        rating = Some(r);
    }
    if m.baseline.is_none() && m.target.is_none() && m.actual.is_none() {
        return (None, None);
    }
    m.unit = [&m.target, &m.actual, &m.baseline]
        .into_iter()
        .flatten()
        .find_map(|v| plantab_vocab::value_unit(v))
        .or_else(|| title.and_then(plantab_vocab::name_unit));
    (Some(m), rating)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_after_figures() {
        let s = split_rating;
        assert_eq!(
            s("97.1% Achieved"),
            Some(("97.1%".into(), "Achieved".into()))
        );
        assert_eq!(
            s("10 of 12\nNot achieved"),
            Some(("10 of 12".into(), "Not achieved".into()))
        );
        assert_eq!(
            s("76% Partially achieved"),
            Some(("76%".into(), "Partially achieved".into()))
        );
        assert_eq!(
            s("100% (12 of 12)\nAchieved"),
            Some(("100% (12 of 12)".into(), "Achieved".into()))
        );
        assert_eq!(
            s("17 minutes\nMet"),
            Some(("17 minutes".into(), "Met".into()))
        );
        assert_eq!(s("65.8%"), None);
        assert_eq!(s("Not available"), None);
        assert_eq!(s("Target not met"), None);
        assert_eq!(s("12 of 12 releases"), None);
    }
}
