//! Words of a tracker table that carry no column header of their own: the
//! date words of its date columns (`data/tracker_date_words.tsv`), the joining
//! words of its role titles and prose (`data/joining_words.tsv`), and what
//! a row prints under each canonical header key (`data/column_kinds.tsv`),
//! for readers that must find cell boundaries from the words alone.

use crate::load::{self, DataFile, Loaded, Reader, TableReport};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a tracker date word ([`tracker_date_word`]) says about where its
/// cell ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWordKind {
    /// Names a time loosely and may stand alone in a date cell ("TBC",
    /// "Ongoing", "Quarterly").
    Loose,
    /// A part of a year: a date when a year follows ("Autumn", "Q3", "late").
    Period,
}

fn date_words() -> &'static Loaded<HashMap<&'static str, DateWordKind>> {
    static CELL: OnceLock<Loaded<HashMap<&'static str, DateWordKind>>> = OnceLock::new();
    CELL.get_or_init(|| load_date_words(load::TRACKER_DATE_WORDS))
}

fn load_date_words(file: DataFile) -> Loaded<HashMap<&'static str, DateWordKind>> {
    let mut r = Reader::new(file);
    let mut words = HashMap::new();
    for row in r.rows::<2>() {
        let [w, kind] = row.fields;
        let Some(w) = r.non_empty(&row, "word", w) else {
            continue;
        };
        if crate::compact(w) != w {
            r.invalid::<2, ()>(&row, "word", w, "not in compact form");
            continue;
        }
        let kind = match kind {
            "loose" => DateWordKind::Loose,
            "period" => DateWordKind::Period,
            other => {
                r.unknown::<2, ()>(&row, "kind", other);
                continue;
            }
        };
        if r.first(&row, "", w, [row.fields[1], ""]) {
            words.insert(w, kind);
        }
    }
    r.finish(words)
}

/// The tracker date word whose [`crate::compact`] form is `compact`, if it
/// is one. (The date reader's own view of date words is
/// [`crate::date_word`]; this one only says how a flattened tracker's date
/// cell may run on.)
///
/// ```
/// use plantab_vocab::{tracker_date_word, DateWordKind};
/// assert_eq!(tracker_date_word("tbc"), Some(DateWordKind::Loose));
/// assert_eq!(tracker_date_word("autumn"), Some(DateWordKind::Period));
/// assert_eq!(tracker_date_word("review"), None);
/// ```
pub fn tracker_date_word(compact: &str) -> Option<DateWordKind> {
    date_words().value.get(compact).copied()
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
    &joining_table().value
}

fn joining_table() -> &'static Loaded<Vec<JoiningWord>> {
    static CELL: OnceLock<Loaded<Vec<JoiningWord>>> = OnceLock::new();
    CELL.get_or_init(|| load_joining_words(load::JOINING_WORDS))
}

fn load_joining_words(file: DataFile) -> Loaded<Vec<JoiningWord>> {
    let mut r = Reader::new(file);
    let mut words = Vec::new();
    'rows: for row in r.rows::<2>() {
        let [w, classes] = row.fields;
        let Some(w) = r.non_empty(&row, "word", w) else {
            continue;
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
                other => {
                    r.unknown::<2, ()>(&row, "classes", other);
                    continue 'rows;
                }
            }
        }
        if r.first(&row, "", w.to_ascii_lowercase(), [classes, ""]) {
            words.push(j);
        }
    }
    r.finish(words)
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
pub enum DateColumn {
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
    pub date: Option<DateColumn>,
    /// The header to give the column when the document prints none.
    pub label: &'static str,
}

fn column_kinds() -> &'static [ColumnKind] {
    &column_table().value
}

fn column_table() -> &'static Loaded<Vec<ColumnKind>> {
    static CELL: OnceLock<Loaded<Vec<ColumnKind>>> = OnceLock::new();
    CELL.get_or_init(|| load_column_kinds(load::COLUMN_KINDS))
}

fn load_column_kinds(file: DataFile) -> Loaded<Vec<ColumnKind>> {
    let mut r = Reader::new(file);
    let mut kinds = Vec::new();
    'rows: for row in r.rows::<4>() {
        let [key, holds, flags, label] = row.fields;
        let holds = match holds {
            "id" => ColumnHolds::Id,
            "group" => ColumnHolds::Group,
            "text" => ColumnHolds::Text,
            "owner" => ColumnHolds::Owner,
            "date" => ColumnHolds::Date,
            "risk" => ColumnHolds::Risk,
            "status" => ColumnHolds::Status,
            "update" => ColumnHolds::Update,
            other => {
                r.unknown::<4, ()>(&row, "holds", other);
                continue;
            }
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
                "start" => kind.date = Some(DateColumn::Start),
                "due" => kind.date = Some(DateColumn::Due),
                other => {
                    r.unknown::<4, ()>(&row, "flags", other);
                    continue 'rows;
                }
            }
        }
        if r.first(&row, "", key, [row.fields[1], row.fields[2]]) {
            kinds.push(kind);
        }
    }
    r.finish(kinds)
}

/// The tracker tables with their data files and bad lines.
pub(crate) fn tables() -> [TableReport; 3] {
    [
        date_words().report(),
        joining_table().report(),
        column_table().report(),
    ]
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

    /// A column's label matches its own key back.
    #[test]
    fn labels_match_their_keys() {
        for k in column_kinds() {
            let m = crate::match_header(k.label).map(|m| m.key);
            assert_eq!(m, Some(k.key), "{}", k.label);
        }
    }

    /// Every loose tracker date word is one the date reader knows too, so
    /// the two lists cannot drift apart on what a date cell may hold.
    #[test]
    fn loose_words_are_date_words() {
        for (w, k) in &date_words().value {
            if *k == DateWordKind::Loose {
                assert!(
                    crate::date_word(w).is_some(),
                    "{w} unknown to the date reader"
                );
            }
        }
    }
}
