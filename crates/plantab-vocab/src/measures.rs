//! Measures (`data/measures.tsv`): the heading that names one measure over
//! its box ("Performance measure 1.1", "Measure 1.1: Average wait time in
//! field offices") and the unit a measure's values are counted in ("%",
//! "£m", "days", "tonnes CO2e", "number").

use crate::load::{self, Loaded, TableReport};
use std::sync::OnceLock;

/// Most words an item heading's word (before its identifier) has.
const MAX_ITEM_WORDS: usize = 4;

/// The measure vocabulary: item-heading words and unit forms.
struct Table {
    /// Heading words, lower case, as word lists, longest first.
    items: Vec<Vec<String>>,
    /// Unit forms (lower-case words), the unit, and whether a measure's
    /// name may give it outside brackets; longest first.
    units: Vec<(Vec<String>, String, bool)>,
}

fn table() -> &'static Loaded<Table> {
    static CELL: OnceLock<Loaded<Table>> = OnceLock::new();
    CELL.get_or_init(load_table)
}

pub(crate) fn tables() -> [TableReport; 1] {
    [table().report()]
}

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

fn load_table() -> Loaded<Table> {
    let mut r = load::Reader::new(load::MEASURES);
    let mut items = Vec::new();
    let mut units = Vec::new();
    for row in r.rows::<3>() {
        let [group, printed, meaning] = row.fields;
        let Some(printed) = r.non_empty(&row, "printed", printed) else {
            continue;
        };
        let words = words_of(printed);
        let key = words.join(" ");
        match group {
            "item" => {
                if meaning != "-" {
                    r.invalid::<3, ()>(&row, "meaning", meaning, "an item word's meaning is -");
                    continue;
                }
                if words.len() > MAX_ITEM_WORDS {
                    r.invalid::<3, ()>(&row, "printed", printed, "at most four words");
                    continue;
                }
                if r.first(&row, "item", key, ["", ""]) {
                    items.push(words);
                }
            }
            "unit" | "figure_unit" => {
                let Some(unit) = r.non_empty(&row, "meaning", meaning) else {
                    continue;
                };
                if r.first(&row, "unit", key, [unit, ""]) {
                    units.push((words, unit.to_string(), group == "unit"));
                }
            }
            other => {
                r.unknown::<3, ()>(&row, "group", other);
            }
        }
    }
    items.sort_by_key(|w| std::cmp::Reverse(w.len()));
    units.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
    r.finish(Table { items, units })
}

/// A heading naming one measure: its identifier and, when printed, its
/// name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHeading {
    /// The identifier after the heading's word ("1.1", "PI-04").
    pub id: String,
    /// The name after the identifier and its separator, when printed.
    pub name: Option<String>,
}

/// True for an identifier token: letters, digits, dots and dashes with a
/// digit among them ("1.1", "2", "PI-04", "A3").
fn is_item_id(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && t.chars().count() <= 12
}

/// The measure a heading names: the heading opens with a word of the
/// vocabulary's `item` group, then an identifier, then nothing or a
/// separator (`:`, `–`, `—`, `-`, `.`) and the measure's name
/// ("Measure 1.1: Average wait time in field offices" → `1.1`, "Average
/// wait time in field offices"). `None` for any other heading ("Goal 1:
/// Customers are served quickly", "Performance measures").
pub fn item_heading(text: &str) -> Option<ItemHeading> {
    let flat: Vec<&str> = text.split_whitespace().collect();
    if flat.len() > 40 {
        return None;
    }
    let lower: Vec<String> = flat.iter().map(|w| w.to_lowercase()).collect();
    let item = table()
        .value
        .items
        .iter()
        .find(|w| lower.len() > w.len() && lower.iter().zip(w.iter()).all(|(a, b)| a == b))?;
    let token = flat.get(item.len())?;
    // "1.1:" / "1.1." / "1.1" then the rest.
    let id = token.trim_end_matches([':', '.', ',']);
    if !is_item_id(id) {
        return None;
    }
    let rest: Vec<&str> = flat.get(item.len() + 1..).unwrap_or_default().to_vec();
    let mut rest = rest.join(" ");
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-' | '.')
    });
    // Words after the id with no separator of their own ("Measure 1 of
    // 3") are no name: the token must end with one, or the rest start
    // with one.
    let separated = token.len() > id.len() || trimmed.len() < rest.len() || rest.is_empty();
    if !separated {
        return None;
    }
    rest = trimmed.trim().to_string();
    Some(ItemHeading {
        id: id.to_string(),
        name: (!rest.is_empty()).then_some(rest),
    })
}

/// A token's figure split as (what is printed before it, the figure,
/// what is glued after it): `£41.7m` → (`£`, `41.7`, `m`); `None` without
/// a digit.
fn split_figure(token: &str) -> Option<(&str, &str, &str)> {
    let start = token.find(|c: char| c.is_ascii_digit())?;
    let sign = token.get(..start)?;
    let rest = token.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    Some((sign, rest.get(..end)?, rest.get(end..)?))
}

/// A currency sign printed before a figure.
fn is_currency(s: &str) -> bool {
    matches!(s, "£" | "$" | "€" | "¥" | "₹" | "A$" | "C$" | "NZ$" | "US$")
}

/// A multiplier glued after a figure ("£41.7m", "$2bn", "€300k").
fn is_multiplier(s: &str) -> bool {
    matches!(s, "m" | "bn" | "k" | "b" | "mn")
}

/// The unit form of the vocabulary that `words` (lower case) open with,
/// when `from_name` only those a name's words may give.
fn unit_at(words: &[String], from_name: bool) -> Option<&'static str> {
    table()
        .value
        .units
        .iter()
        .filter(|(_, _, any)| !from_name || *any)
        .find(|(w, _, _)| words.len() >= w.len() && words.iter().zip(w.iter()).all(|(a, b)| a == b))
        .map(|(_, u, _)| u.as_str())
}

/// Lower-case words of `s` with the punctuation around them set aside.
fn plain_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '.' | '[' | ']'))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The unit a measure's value is printed in: a currency sign before its
/// first figure ("$4.61" → `$`, with a glued multiplier "£41.7m" → `£m`),
/// `%` after it ("97.1%", "10% reduction"), or a unit word of the
/// vocabulary right after it ("17 minutes", "9.2 days", "3.5 business
/// days"). `None` for a plain count ("163", "12 of 12 releases") or no
/// figure ("Not available").
pub fn value_unit(value: &str) -> Option<String> {
    let tokens: Vec<&str> = value.split_whitespace().collect();
    let (at, (sign, _, after)) = tokens
        .iter()
        .enumerate()
        .find_map(|(i, t)| split_figure(t).map(|f| (i, f)))?;
    let sign = sign.trim_start_matches(['(', '<', '>', '~', '≥', '≤', '+', '-', '−']);
    let after = after.trim_end_matches([')', ',', ';', '.', '*']);
    if is_currency(sign) {
        return Some(if is_multiplier(after) {
            format!("{sign}{after}")
        } else {
            sign.to_string()
        });
    }
    if after.starts_with('%') {
        return Some("%".to_string());
    }
    if !after.is_empty() {
        // A unit glued to the figure ("20mins").
        return unit_at(&[after.to_lowercase()], false).map(str::to_string);
    }
    let next = plain_words(&tokens.get(at + 1..).unwrap_or_default().join(" "));
    unit_at(&next, false).map(str::to_string)
}

/// A figure or number word (a condition's "within 30 days", "six
/// months").
fn is_count_word(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
        )
}

/// The unit a measure's name gives: a unit in brackets ("… (number)", "…
/// (tonnes CO2e)", "(%)"), else the first unit word of the name that does
/// not follow a figure ("Average days to process …" → `days`,
/// "Percentage of households …" → `%`; "within 30 days of request" is a
/// condition). `None` when the name names none.
pub fn name_unit(name: &str) -> Option<String> {
    // Bracketed units, last first.
    let mut rest = name;
    let mut brackets = Vec::new();
    while let Some(open) = rest.find('(') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(')') else { break };
        brackets.push(after.get(..close).unwrap_or(""));
        rest = after.get(close + 1..).unwrap_or("");
    }
    for b in brackets.iter().rev() {
        let t = b.trim();
        if t == "%" {
            return Some("%".to_string());
        }
        if is_currency(t) {
            return Some(t.to_string());
        }
        let words = plain_words(t);
        if let Some(u) = unit_at(&words, false) {
            let (w, _, _) = table().value.units.iter().find(|(_, unit, _)| unit == u)?;
            // The whole bracket is the unit, not a phrase that opens with one.
            if w.len() == words.len() || words.len() == 1 {
                return Some(u.to_string());
            }
        }
    }
    let words = plain_words(name);
    for i in 0..words.len() {
        let after_count = i > 0 && words.get(i - 1).is_some_and(|w| is_count_word(w));
        if after_count {
            continue;
        }
        if let Some(u) = unit_at(words.get(i..).unwrap_or_default(), true) {
            return Some(u.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_headings() {
        let h = item_heading("Measure 1.1: Average wait time in field offices").unwrap();
        assert_eq!(h.id, "1.1");
        assert_eq!(
            h.name.as_deref(),
            Some("Average wait time in field offices")
        );
        let h = item_heading("Performance measure 2.2").unwrap();
        assert_eq!(h.id, "2.2");
        assert_eq!(h.name, None);
        let h = item_heading("KPI 4 – Households in temporary\naccommodation").unwrap();
        assert_eq!(h.id, "4");
        assert_eq!(
            h.name.as_deref(),
            Some("Households in temporary accommodation")
        );
        assert_eq!(item_heading("Goal 1: Customers are served quickly"), None);
        assert_eq!(item_heading("Performance measures"), None);
        assert_eq!(item_heading("Measure 1 of the plan"), None);
        assert_eq!(item_heading("Measures of success"), None);
    }

    #[test]
    fn measure_headers() {
        use plantab_model::ColumnRole;
        let role = |h: &str| crate::header_role(h).map(|r| (r.role, r.key));
        assert_eq!(role("FY 2023 TARGET"), Some((ColumnRole::Target, "target")));
        assert_eq!(role("FY 2023 RESULT"), Some((ColumnRole::Actual, "actual")));
        assert_eq!(
            role("Baseline 2021/22"),
            Some((ColumnRole::Baseline, "baseline"))
        );
        assert_eq!(role("Outturn 2022"), Some((ColumnRole::Actual, "actual")));
        assert_eq!(role("KPI"), Some((ColumnRole::Title, "title")));
        assert_eq!(role("Source"), Some((ColumnRole::Field, "source")));
    }

    #[test]
    fn units_of_values() {
        assert_eq!(value_unit("97.1%").as_deref(), Some("%"));
        assert_eq!(value_unit("10% reduction").as_deref(), Some("%"));
        assert_eq!(value_unit("£41.7m").as_deref(), Some("£m"));
        assert_eq!(value_unit("$4.75 or less").as_deref(), Some("$"));
        assert_eq!(value_unit("Less than $12.50").as_deref(), Some("$"));
        assert_eq!(value_unit("20 minutes or less").as_deref(), Some("minutes"));
        assert_eq!(value_unit("9.2 days").as_deref(), Some("days"));
        assert_eq!(value_unit("3.5 business days").as_deref(), Some("days"));
        assert_eq!(value_unit("163"), None);
        assert_eq!(value_unit("9,870"), None);
        assert_eq!(value_unit("12 of 12 releases"), None);
        assert_eq!(value_unit("Not available"), None);
    }

    #[test]
    fn units_of_names() {
        assert_eq!(
            name_unit("Council fleet vehicles that are ultra low emission (number)").as_deref(),
            Some("number")
        );
        assert_eq!(
            name_unit("Carbon emissions from council buildings (tonnes CO2e)").as_deref(),
            Some("tonnes CO2e")
        );
        assert_eq!(
            name_unit("Average days to process new claims").as_deref(),
            Some("days")
        );
        assert_eq!(
            name_unit("Working days lost to sickness absence per employee").as_deref(),
            Some("days")
        );
        assert_eq!(
            name_unit("Percentage of households prevented from becoming homeless").as_deref(),
            Some("%")
        );
        assert_eq!(
            name_unit("Skills tests conducted within 30 days of request"),
            None
        );
        assert_eq!(name_unit("Audit findings resolved within six months"), None);
        assert_eq!(name_unit("Affordable homes delivered in the year"), None);
        assert_eq!(name_unit("Towns with a plan (see note 3)"), None);
    }
}
