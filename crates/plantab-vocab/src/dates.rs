//! Date words: what the words of a date cell say about its date
//! (`data/date_words.tsv`, `data/date_periods.tsv`).
//!
//! The date reader (plantab-records `dates`) reads numbers, month names
//! and the structure words of its grammar ("Q3", "quarter", "half",
//! "end of", "this year") itself; the words here are the ones whose
//! meaning is a category a word list can say: "Ongoing" and "BAU" are
//! ongoing, "TBC" and "to be confirmed" not settled, "each year" and
//! "quarterly" recurring, "and" a list separator, seasons and parts of a
//! year their months, "first" … "final" an ordinal. [`date_word`] answers
//! for one lower-case word, with the phrases that start with it.

use crate::load::{self, lower, BadLineReason, DataFile, Loaded, Reader, Row, TableReport};
use crate::normalise::month_number;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a date word (or phrase) says about the date printed with it. See
/// `data/date_words.tsv` for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// Work with no end date ("Ongoing", "BAU").
    Ongoing,
    /// After a date: open-ended from it ("onwards").
    Onwards,
    /// Before a date: open-ended from it ("from", "starting").
    From,
    /// Links two dates into a range ("to", "until").
    To,
    /// Not settled yet ("TBC", "to be confirmed").
    Tbc,
    /// No date by design ("N/A", "not applicable").
    NotApplicable,
    /// The work repeats ("annually", "quarterly").
    Recurring,
    /// Repeats when a unit of time or a month name follows ("each",
    /// "every", "per").
    Every,
    /// Joins dates into a list ("and", "or").
    Separator,
    /// Printed around dates without changing them ("by", "due").
    Neutral,
    /// Not about dates (as any word listed nowhere is).
    Other,
}

impl DateRole {
    fn parse(name: &str) -> Option<DateRole> {
        Some(match name {
            "ongoing" => DateRole::Ongoing,
            "onwards" => DateRole::Onwards,
            "from" => DateRole::From,
            "to" => DateRole::To,
            "tbc" => DateRole::Tbc,
            "not_applicable" => DateRole::NotApplicable,
            "recurring" => DateRole::Recurring,
            "every" => DateRole::Every,
            "separator" => DateRole::Separator,
            "neutral" => DateRole::Neutral,
            "other" => DateRole::Other,
            _ => return None,
        })
    }
}

/// A token of a date phrase: a lower-case word or one punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseToken {
    /// A word, lower case.
    Word(String),
    /// A punctuation mark (dashes are `-`).
    Punct(char),
}

/// A phrase of several tokens that starts with a date word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePhrase {
    /// The tokens after the first word.
    pub rest: Vec<PhraseToken>,
    /// What the whole phrase says.
    pub role: DateRole,
}

/// Months of a year a word names, `first` to `last` (1-based); a `last`
/// before `first` runs into the next year (winter: December to February).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthSpan {
    /// The first month.
    pub first: u32,
    /// The last month.
    pub last: u32,
}

/// Everything the date vocabulary says about one word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateWord {
    /// What the word says alone, when it is listed alone.
    pub role: Option<DateRole>,
    /// The phrases that start with the word, most tokens first (the first
    /// that matches wins over the word alone).
    pub phrases: Vec<DatePhrase>,
    /// A unit of time an [`DateRole::Every`] word repeats over ("year",
    /// "quarter").
    pub recurring_unit: bool,
    /// A month name that is also an ordinary word ("may", "march"),
    /// read as a month only next to a number or another month name.
    pub ambiguous_month: bool,
    /// The months of the season the word names ("spring").
    pub season: Option<MonthSpan>,
    /// The months of the part of a year the word names ("early", "late").
    pub part_of_year: Option<MonthSpan>,
    /// The number the word gives a quarter or half ("first" 1, "final" 4).
    pub ordinal: Option<u32>,
}

/// The date vocabulary's entry for `word` (lower case, letters only, as a
/// date reader's tokens are), if it has one.
///
/// ```
/// use plantab_vocab::{date_word, DateRole};
/// assert_eq!(date_word("bau").and_then(|w| w.role), Some(DateRole::Ongoing));
/// assert!(date_word("spring").is_some_and(|w| w.season.is_some()));
/// assert!(date_word("to").is_some_and(|w| !w.phrases.is_empty()));
/// assert_eq!(date_word("strategy"), None);
/// ```
pub fn date_word(word: &str) -> Option<&'static DateWord> {
    date_tables().words.get(word)
}

struct DateTables {
    words: FxHashMap<Cow<'static, str>, DateWord>,
    word_file: Loaded<()>,
    period_file: Loaded<()>,
}

fn date_tables() -> &'static DateTables {
    static CELL: OnceLock<DateTables> = OnceLock::new();
    CELL.get_or_init(|| {
        let lines =
            load::line_count(load::DATE_WORDS.text) + load::line_count(load::DATE_PERIODS.text);
        let mut words = FxHashMap::with_capacity_and_hasher(lines, Default::default());
        let word_file = load_date_words(load::DATE_WORDS, &mut words);
        let period_file = load_date_periods(load::DATE_PERIODS, &mut words);
        for w in words.values_mut() {
            // Stable: phrases of one length keep the file's order.
            w.phrases.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        DateTables {
            words,
            word_file,
            period_file,
        }
    })
}

/// The date tables' data files and bad lines.
pub(crate) fn tables() -> [TableReport; 2] {
    let t = date_tables();
    [t.word_file.report(), t.period_file.report()]
}

/// A token of a phrase as written in a data file: a word of letters
/// (lower-cased) or one punctuation mark.
fn phrase_token(t: &str) -> Option<PhraseToken> {
    if t.chars().all(char::is_alphabetic) {
        return Some(PhraseToken::Word(t.to_lowercase()));
    }
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if !c.is_alphanumeric() => Some(PhraseToken::Punct(c)),
        _ => None,
    }
}

/// A phrase as written in a data file (tokens separated by spaces): its
/// first word (lower case) and the tokens after it, or what is wrong with
/// it.
fn split_phrase(
    phrase: &'static str,
) -> Result<(Cow<'static, str>, Vec<PhraseToken>), &'static str> {
    const BAD_TOKEN: &str =
        "has a token that is neither a word of letters nor one punctuation mark";
    let mut parts = phrase.split_whitespace();
    let first = match parts.next() {
        Some(w) if w.chars().all(char::is_alphabetic) => lower(w),
        Some(t) if phrase_token(t).is_some() => return Err("does not start with a word"),
        _ => return Err(BAD_TOKEN),
    };
    let rest = parts
        .map(|t| phrase_token(t).ok_or(BAD_TOKEN))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((first, rest))
}

/// One lower-cased word of letters, or the line reported.
fn one_word<const N: usize>(
    r: &mut Reader,
    row: &Row<N>,
    field: &'static str,
    word: &'static str,
) -> Option<Cow<'static, str>> {
    if word.is_empty() {
        return r.report(row, BadLineReason::Empty { field });
    }
    if !word.chars().all(char::is_alphabetic) {
        return r.invalid(row, field, word, "is not one word of letters");
    }
    Some(lower(word))
}

/// Reads a date-word table: role, word or phrase. `every`,
/// `recurring_unit` and `ambiguous_month` entries are single words, and an
/// `ambiguous_month` a month name.
fn load_date_words(
    file: DataFile,
    words: &mut FxHashMap<Cow<'static, str>, DateWord>,
) -> Loaded<()> {
    let mut r = Reader::new(file);
    for row in r.rows::<2>() {
        let [role_name, phrase] = row.fields;
        match role_name {
            "recurring_unit" | "ambiguous_month" => {
                let Some(word) = one_word(&mut r, &row, "word", phrase) else {
                    continue;
                };
                if role_name == "ambiguous_month" && month_number(&word, true).is_none() {
                    r.invalid::<2, ()>(&row, "word", phrase, "is not a month name");
                    continue;
                }
                if !r.first(&row, role_name, word.clone(), ["", ""]) {
                    continue;
                }
                let entry = words.entry(word).or_default();
                if role_name == "recurring_unit" {
                    entry.recurring_unit = true;
                } else {
                    entry.ambiguous_month = true;
                }
            }
            _ => {
                let Some(role) = DateRole::parse(role_name) else {
                    r.unknown::<2, ()>(&row, "role", role_name);
                    continue;
                };
                let Some(phrase) = r.non_empty(&row, "phrase", phrase) else {
                    continue;
                };
                let (first, rest) = match split_phrase(phrase) {
                    Ok(split) => split,
                    Err(why) => {
                        r.invalid::<2, ()>(&row, "phrase", phrase, why);
                        continue;
                    }
                };
                if role == DateRole::Every && !rest.is_empty() {
                    r.invalid::<2, ()>(&row, "phrase", phrase, "is not one word");
                    continue;
                }
                // The phrase as its tokens: words lower case, one space apart.
                let mut key = first.clone();
                for t in &rest {
                    let k = key.to_mut();
                    k.push(' ');
                    match t {
                        PhraseToken::Word(w) => k.push_str(w),
                        PhraseToken::Punct(c) => k.push(*c),
                    }
                }
                if !r.first(&row, "phrase", key, [role_name, ""]) {
                    continue;
                }
                let entry = words.entry(first).or_default();
                if rest.is_empty() {
                    entry.role = Some(role);
                } else {
                    entry.phrases.push(DatePhrase { rest, role });
                }
            }
        }
    }
    r.finish(())
}

/// A month span as written, `first-last` (months 1 to 12).
fn month_span(value: &str) -> Option<MonthSpan> {
    let (a, b) = value.split_once('-')?;
    let month = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))
    };
    Some(MonthSpan {
        first: month(a)?,
        last: month(b)?,
    })
}

/// Reads a date-period table: kind (`season`, `part`, `ordinal`), word,
/// value (a month span `first-last` for seasons and parts, a number 1 to 4
/// for ordinals). A word is a season or a part of a year, not both.
fn load_date_periods(
    file: DataFile,
    words: &mut FxHashMap<Cow<'static, str>, DateWord>,
) -> Loaded<()> {
    let mut r = Reader::new(file);
    for row in r.rows::<3>() {
        let [kind, word, value] = row.fields;
        if !matches!(kind, "season" | "part" | "ordinal") {
            r.unknown::<3, ()>(&row, "kind", kind);
            continue;
        }
        let Some(word) = one_word(&mut r, &row, "word", word) else {
            continue;
        };
        if kind == "ordinal" {
            let Some(n) = value.parse::<u32>().ok().filter(|n| (1..=4).contains(n)) else {
                r.invalid::<3, ()>(&row, "ordinal", value, "is not a number from 1 to 4");
                continue;
            };
            if r.first(&row, "ordinal", word.clone(), [value, ""]) {
                words.entry(word).or_default().ordinal = Some(n);
            }
            continue;
        }
        let Some(span) = month_span(value) else {
            r.invalid::<3, ()>(&row, "months", value, "is not first-last, months 1 to 12");
            continue;
        };
        if !r.first(&row, "period", word.clone(), [kind, value]) {
            continue;
        }
        let entry = words.entry(word).or_default();
        if kind == "season" {
            entry.season = Some(span);
        } else {
            entry.part_of_year = Some(span);
        }
    }
    r.finish(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use BadLineReason::*;

    #[test]
    fn words_and_phrases_load_with_their_roles() {
        let to = date_word("to").expect("to");
        assert_eq!(to.role, Some(DateRole::To));
        // Longest phrase first: "to be confirmed" before "to be".
        assert_eq!(to.phrases.last().map(|p| p.role), Some(DateRole::Other));
        assert_eq!(
            to.phrases.first().map(|p| (p.rest.len(), p.role)),
            Some((2, DateRole::Tbc))
        );
        let on = date_word("on").expect("on");
        assert_eq!(on.role, None);
        assert_eq!(
            on.phrases.first().map(|p| p.rest.clone()),
            Some(vec![
                PhraseToken::Punct('-'),
                PhraseToken::Word("going".into())
            ])
        );
        assert!(date_word("annum").is_some_and(|w| w.recurring_unit));
        assert!(date_word("may").is_some_and(|w| w.ambiguous_month));
        assert_eq!(
            date_word("winter").and_then(|w| w.season),
            Some(MonthSpan { first: 12, last: 2 })
        );
        assert_eq!(date_word("final").and_then(|w| w.ordinal), Some(4));
        assert_eq!(
            date_word("middle").and_then(|w| w.part_of_year),
            Some(MonthSpan { first: 5, last: 8 })
        );
    }

    #[test]
    fn date_lines_that_do_not_parse_are_reported() {
        let mut words = FxHashMap::default();
        let loaded = load_date_words(
            DataFile {
                name: "date_words.tsv",
                text: "ongoing\tOngoing\nongoin\tbau\nevery\teach year\nambiguous_month\tmight\n\
                       tbc\tto be 2b\ntbc\t- tbc\nto\tongoing\nrecurring_unit\tyear\n\
                       recurring_unit\tYear\n",
            },
            &mut words,
        );
        assert_eq!(
            loaded.reasons(),
            [
                (
                    2,
                    Unknown {
                        field: "role",
                        value: "ongoin".into()
                    }
                ),
                (
                    3,
                    Invalid {
                        field: "phrase",
                        value: "each year".into(),
                        why: "is not one word"
                    }
                ),
                (
                    4,
                    Invalid {
                        field: "word",
                        value: "might".into(),
                        why: "is not a month name"
                    }
                ),
                (
                    5,
                    Invalid {
                        field: "phrase",
                        value: "to be 2b".into(),
                        why: "has a token that is neither a word of letters nor one \
                              punctuation mark"
                    }
                ),
                (
                    6,
                    Invalid {
                        field: "phrase",
                        value: "- tbc".into(),
                        why: "does not start with a word"
                    }
                ),
                (7, Conflicting { first_line: 1 }),
                (9, Repeated { first_line: 8 }),
            ]
        );
        let loaded = load_date_periods(
            DataFile {
                name: "date_periods.tsv",
                text: "season\tspring\t3-5\nseason\tfall\t9-13\npart\tspring\t1-4\n\
                       ordinal\tfifth\t5\nweekday\tmonday\t1\nordinal\tfirst\t1\n",
            },
            &mut words,
        );
        assert_eq!(
            loaded.reasons(),
            [
                (
                    2,
                    Invalid {
                        field: "months",
                        value: "9-13".into(),
                        why: "is not first-last, months 1 to 12"
                    }
                ),
                (3, Conflicting { first_line: 1 }),
                (
                    4,
                    Invalid {
                        field: "ordinal",
                        value: "5".into(),
                        why: "is not a number from 1 to 4"
                    }
                ),
                (
                    5,
                    Unknown {
                        field: "kind",
                        value: "weekday".into()
                    }
                ),
            ]
        );
        assert!(words.get("first").is_some_and(|w| w.ordinal == Some(1)));
    }
}
