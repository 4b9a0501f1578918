//! Words of a tracker table that carry no column header of their own: the
//! date words of its date columns (`data/date_words.tsv`), the joining
//! words of its role titles and prose (`data/joining_words.tsv`), and what
//! a row prints under each canonical header key (`data/column_kinds.tsv`),
//! for readers that must find cell boundaries from the words alone.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATE_WORDS_TSV: &str = include_str!("../data/date_words.tsv");
const JOINING_WORDS_TSV: &str = include_str!("../data/joining_words.tsv");
const COLUMN_KINDS_TSV: &str = include_str!("../data/column_kinds.tsv");

/// What a date word ([`date_word`]) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWordKind {
    /// Names a time loosely and may stand alone in a date cell ("TBC",
    /// "Ongoing", "Quarterly").
    Loose,
    /// A part of a year: a date when a year follows ("Autumn", "Q3", "late").
    Period,
}

fn date_words() -> &'static HashMap<&'static str, DateWordKind> {
    static CELL: OnceLock<HashMap<&'static str, DateWordKind>> = OnceLock::new();
    CELL.get_or_init(|| {
        crate::data_lines(DATE_WORDS_TSV)
            .filter_map(|cols| match cols[..] {
                [w, "loose"] => Some((w, DateWordKind::Loose)),
                [w, "period"] => Some((w, DateWordKind::Period)),
                _ => None,
            })
            .collect()
    })
}

/// The date word whose [`crate::compact`] form is `compact`, if it is one.
///
/// ```
/// use plantab_vocab::{date_word, DateWordKind};
/// assert_eq!(date_word("tbc"), Some(DateWordKind::Loose));
/// assert_eq!(date_word("autumn"), Some(DateWordKind::Period));
/// assert_eq!(date_word("review"), None);
/// ```
pub fn date_word(compact: &str) -> Option<DateWordKind> {
    date_words().get(compact).copied()
}

/// The classes of a joining word ([`joining_word`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JoiningWord {
    /// The word as the table prints it.
    pub word: &'static str,
    /// Joins the words of one role title ("Head of Parks", "Director -
    /// Housing").
    pub join: bool,
    /// Ends a title's role words and begins its portfolio ("Cabinet Member
    /// for Homes").
    pub portfolio: bool,
    /// A function word of running prose: a capitalised phrase right after
    /// it continues the sentence ("approved by Leadership Team").
    pub sentence: bool,
    /// Printed exactly as [`JoiningWord::word`], it is only prose: it
    /// stands in no role title ("report to Cabinet").
    pub prose: bool,
}

fn joining_words() -> &'static [JoiningWord] {
    static CELL: OnceLock<Vec<JoiningWord>> = OnceLock::new();
    CELL.get_or_init(|| {
        crate::data_lines(JOINING_WORDS_TSV)
            .filter_map(|cols| {
                let [w, classes] = cols[..] else {
                    return None;
                };
                let mut j = JoiningWord {
                    word: w,
                    ..JoiningWord::default()
                };
                for c in classes.split(',') {
                    match c.trim() {
                        "join" => j.join = true,
                        "portfolio" => j.portfolio = true,
                        "sentence" => j.sentence = true,
                        "prose" => j.prose = true,
                        _ => return None,
                    }
                }
                Some(j)
            })
            .collect()
    })
}

/// The joining word `word` is (ASCII case ignored), if it is one.
///
/// ```
/// let of = plantab_vocab::joining_word("Of").unwrap();
/// assert!(of.join && of.portfolio && of.sentence);
/// assert!(plantab_vocab::joining_word("by").is_some_and(|j| !j.join));
/// assert_eq!(plantab_vocab::joining_word("Parks"), None);
/// ```
pub fn joining_word(word: &str) -> Option<JoiningWord> {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let longest = *LONGEST.get_or_init(|| {
        joining_words()
            .iter()
            .map(|j| j.word.len())
            .max()
            .unwrap_or(0)
    });
    if word.len() > longest {
        return None;
    }
    joining_words()
        .iter()
        .find(|j| j.word.eq_ignore_ascii_case(word))
        .copied()
}

/// What a tracker row prints under a header ([`column_kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnHolds {
    /// The row identifier.
    Id,
    /// A grouping printed before the identifier (workstream, theme).
    Group,
    /// Prose: the action, a description.
    Text,
    /// Role titles or team names.
    Owner,
    /// A date or period.
    Date,
    /// A risk value ("N/A", "Focus 2").
    Risk,
    /// A status label.
    Status,
    /// Progress prose for a reporting period.
    Update,
}

/// Which date a date column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// The start date.
    Start,
    /// The due date.
    Due,
}

/// A canonical header key's entry in `data/column_kinds.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnKind {
    /// The header key.
    pub key: &'static str,
    /// What its cells hold.
    pub holds: ColumnHolds,
    /// An elected member's role (cabinet member, portfolio holder).
    pub political: bool,
    /// Takes several titles one after another (other leads, partners).
    pub several: bool,
    /// Which date, for a date column that names it.
    pub date: Option<DateRole>,
    /// The header to give the column when the document prints none.
    pub label: &'static str,
}

fn column_kinds() -> &'static [ColumnKind] {
    static CELL: OnceLock<Vec<ColumnKind>> = OnceLock::new();
    CELL.get_or_init(|| {
        crate::data_lines(COLUMN_KINDS_TSV)
            .filter_map(|cols| parse_column_kind(&cols))
            .collect()
    })
}

fn parse_column_kind(cols: &[&'static str]) -> Option<ColumnKind> {
    let [key, holds, flags, label] = cols[..] else {
        return None;
    };
    let holds = match holds {
        "id" => ColumnHolds::Id,
        "group" => ColumnHolds::Group,
        "text" => ColumnHolds::Text,
        "owner" => ColumnHolds::Owner,
        "date" => ColumnHolds::Date,
        "risk" => ColumnHolds::Risk,
        "status" => ColumnHolds::Status,
        "update" => ColumnHolds::Update,
        _ => return None,
    };
    let mut kind = ColumnKind {
        key,
        holds,
        political: false,
        several: false,
        date: None,
        label,
    };
    for f in flags.split(',').map(str::trim).filter(|f| *f != "-") {
        match f {
            "political" => kind.political = true,
            "several" => kind.several = true,
            "start" => kind.date = Some(DateRole::Start),
            "due" => kind.date = Some(DateRole::Due),
            _ => return None,
        }
    }
    Some(kind)
}

/// What a tracker row prints under headers of canonical key `key`
/// ([`crate::match_header`]); `None` for a key the table does not list
/// (its cells hold text).
///
/// ```
/// use plantab_vocab::{column_kind, ColumnHolds};
/// assert_eq!(column_kind("due").map(|k| k.holds), Some(ColumnHolds::Date));
/// assert!(column_kind("cabinet_member").is_some_and(|k| k.political));
/// assert_eq!(column_kind("baseline"), None);
/// ```
pub fn column_kind(key: &str) -> Option<ColumnKind> {
    column_kinds().iter().find(|k| k.key == key).copied()
}

/// The keys of [`column_kind`]'s table that hold `holds`, in table order.
pub fn column_keys(holds: ColumnHolds) -> impl Iterator<Item = ColumnKind> {
    column_kinds()
        .iter()
        .filter(move |k| k.holds == holds)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data line of the three tables parses.
    #[test]
    fn every_data_line_parses() {
        let n = crate::data_lines(DATE_WORDS_TSV).count();
        assert_eq!(date_words().len(), n, "date_words.tsv");
        let n = crate::data_lines(JOINING_WORDS_TSV).count();
        assert_eq!(joining_words().len(), n, "joining_words.tsv");
        let n = crate::data_lines(COLUMN_KINDS_TSV).count();
        assert_eq!(column_kinds().len(), n, "column_kinds.tsv");
        for w in date_words().keys() {
            assert_eq!(crate::compact(w), *w, "{w} is not in compact form");
        }
    }

    /// A column's label matches its own key back.
    #[test]
    fn labels_match_their_keys() {
        for k in column_kinds() {
            let m = crate::match_header(k.label).map(|m| m.key);
            assert_eq!(m, Some(k.key), "{}", k.label);
        }
    }
}
