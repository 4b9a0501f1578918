//! Date expressions → [`plantab_model::DateValue`].
//!
//! Plan documents print due and start dates in many shapes. [`parse_date`]
//! reads all the ones the seed families use, and never fails: what it cannot
//! read is kind `unknown`, with `raw` kept.
//!
//! | printed | kind | start .. end |
//! | --- | --- | --- |
//! | `30/11/2023`, `31/12/21`, `1.1.21`, `2023-12-31`, `13 March 2024`, `1st Jan 2021`, `31-Dec-23` | `date` | that day (day first, UK order) |
//! | `31-Dec`, `22 Sep` | `date` | that day in [`DateContext::year`] (`year_inferred`) |
//! | `Mar-24`, `June 2023`, `July 24`, `03/2024`, `December` (with a context year) | `month` | the month |
//! | `Q2 2023`, `Quarter 1 of 2024`, `Q2 / 2021`, `first quarter 2023` | `quarter` | the calendar quarter |
//! | `H1 2023`, `first half of 2023`, `second half of the year` | `half` | Jan–Jun / Jul–Dec |
//! | `2024`, `Events planned across 2021` | `year` | the year |
//! | `Mar-23 to Jul-23`, `2023-2024`, `2021-24`, `Q2-Q4 2023`, `from Jan 2021 to Dec 2022` | `range` | first day of the first .. last day of the last |
//! | `Spring 2023`, `Autumn 2022` | `range` | spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb (into the next year) |
//! | `early 2024`, `mid-2023`, `late 2020` | `range` | the first / middle / last four months (Jan–Apr, May–Aug, Sep–Dec) |
//! | `end of Q2 / 2021`, `End 2023`, `by year end`, `start of 2024` | `date` | the last (first) day of the period |
//! | `Q2, Q4 2023`, `Q1, Q2, Q3, Q4 2023`, `Q2 2023⏎Q4 2023`, `Q4 2023 Q2 2023 Ongoing` | `multiple` | earliest start .. latest end |
//! | `Ongoing`, `Ongoing service`, `With immediate effect`, `BAU` | `ongoing` | none |
//! | `Ongoing to 2023` | `ongoing` | .. 2023-12-31 (no start) |
//! | `Continue from January 2021 onwards`, `Jan 2020 onwards` | `ongoing` | 2021-01-01 .. (no end) |
//! | `TBC`, `To be confirmed`, `TBC following review` | `tbc` | none, or the span of any period printed with it |
//! | `June & December each year`, `quarterly May Aug Nov Feb`, `Annually` | `recurring` | start of an explicitly dated period printed with it, else none |
//! | `N/A`, `Not applicable`, `-` | `not_applicable` | none |
//!
//! Periods printed without a year take it from the cell first: a later one
//! in the same list (`Q2, Q4 2023`), else an earlier one (`Q1 2023 … Q4`);
//! only then from the [`DateContext`], which sets `year_inferred`. Impossible
//! dates (`31/02/2023`) and numbers too long to be dates make the whole cell
//! `unknown`. A reversed span (`Jul-23 to Mar-23`) is `unknown` too, so
//! `start <= end` always holds.
//!
//! The words whose meaning is a category — ongoing ("Ongoing", "BAU"), not
//! settled ("TBC", "to be confirmed"), recurring ("Annually", "each
//! year"), list and range links ("and", "to", "from", "onwards"), words
//! that change nothing ("by", "due"), month names that are also ordinary
//! words ("may"), seasons and parts of a year with their months, ordinals
//! — are the date vocabulary's (`plantab-vocab/data/date_words.tsv` and
//! `date_periods.tsv`, through [`plantab_vocab::date_word`]). This module
//! keeps the grammar: numbers and their shapes, month names (English, as
//! [`plantab_vocab::MONTHS`]), ordinal suffixes (`1st`), and the structure
//! words each construction is built from (`Q`/`H` and `quarter`/`half`,
//! `year`, `end`/`start`/`beginning` `of`, `this`/`next year`).

use plantab_model::{DateKind, DateValue};
use plantab_vocab::{date_word, DateRole, DateWord, MonthSpan, PhraseToken};
use regex::Regex;
use std::sync::OnceLock;

/// What the document tells about dates its cells leave out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DateContext {
    /// The document's (or the reporting period's) year, for cells like `31-Dec`.
    pub year: Option<i32>,
    /// Read `NN-Mon` (`22-Sep`) as month and two-digit year (Excel's
    /// `yy-mmm`: September 2022) instead of day and month. Set it for a
    /// column whose other cells print `Mon-YY` (`Sep-22`); by default a
    /// number before a month name is a day.
    pub short_year_first: bool,
}

impl DateContext {
    /// The context for one column of cells: [`year`](Self::year) as given,
    /// and [`short_year_first`](Self::short_year_first) set when any cell
    /// is printed `Mon-YY` (`Sep-22`), the sign of a spreadsheet whose
    /// `NN-Mon` cells (`22-Sep`) are month and year too.
    pub fn for_column<'a, I>(year: Option<i32>, cells: I) -> DateContext
    where
        I: IntoIterator<Item = &'a str>,
    {
        static MON_YY: OnceLock<Option<Regex>> = OnceLock::new();
        let re = MON_YY.get_or_init(|| Regex::new(r"^\s*([A-Za-z]{3,9})-(\d{2})\s*$").ok());
        let short_year_first = re.as_ref().is_some_and(|re| {
            cells.into_iter().any(|c| {
                re.captures(c)
                    .and_then(|cap| cap.get(1))
                    .is_some_and(|m| month_of(&m.as_str().to_lowercase()).is_some())
            })
        });
        DateContext {
            year,
            short_year_first,
        }
    }

    /// Whether `NN-Mon` with this `NN` reads as a two-digit year: only when
    /// [`short_year_first`](Self::short_year_first) is set and the year is
    /// plausible for the document (ten years before to five after its
    /// year), so `31-Dec` stays a day.
    fn reads_short_year(&self, nn: u32) -> bool {
        self.short_year_first
            && self
                .year
                .is_none_or(|y| (y.saturating_sub(10)..=y.saturating_add(5)).contains(&century(nn)))
    }
}

/// Earliest and latest years read as dates; numbers outside are not years.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2199;

/// Parses a printed date expression. Never fails: what is not understood is
/// kind `unknown` with `raw` kept. See the [module documentation](self) for
/// every form and the spans chosen for vague ones.
pub fn parse_date(raw: &str, ctx: &DateContext) -> DateValue {
    // Plans print the same few date phrases over and over ("Ongoing",
    // "Q4 2024", "Mar-24"): answers are remembered per thread (a bounded
    // cache, cleared when full; the answer depends only on the text and
    // the context).
    // Keyed by context, then text: a lookup borrows the text, no key is
    // built unless the answer is new.
    #[derive(Default)]
    struct Memo {
        by_context:
            std::collections::HashMap<DateContext, std::collections::HashMap<String, DateValue>>,
        len: usize,
    }
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
    }
    const MEMO_MAX: usize = 4096;
    const MEMO_KEY_MAX_BYTES: usize = 64;
    if raw.len() > MEMO_KEY_MAX_BYTES {
        return parse_date_uncached(raw, ctx);
    }
    let hit = MEMO.with(|m| {
        m.borrow()
            .by_context
            .get(ctx)
            .and_then(|texts| texts.get(raw))
            .cloned()
    });
    if let Some(hit) = hit {
        return hit;
    }
    let value = parse_date_uncached(raw, ctx);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len >= MEMO_MAX {
            m.by_context.clear();
            m.len = 0;
        }
        m.by_context
            .entry(*ctx)
            .or_default()
            .insert(raw.to_string(), value.clone());
        m.len += 1;
    });
    value
}

fn parse_date_uncached(raw: &str, ctx: &DateContext) -> DateValue {
    let (kind, start, end, year_inferred) = interpret(raw, ctx);
    // Belt and braces: the contract promises start <= end.
    let reversed = matches!((&start, &end), (Some(s), Some(e)) if s > e);
    if reversed {
        return value(raw, DateKind::Unknown, None, None, false);
    }
    value(raw, kind, start.map(iso), end.map(iso), year_inferred)
}

fn value(
    raw: &str,
    kind: DateKind,
    start: Option<String>,
    end: Option<String>,
    year_inferred: bool,
) -> DateValue {
    DateValue {
        raw: raw.to_string(),
        kind,
        start,
        end,
        year_inferred,
    }
}

/// A calendar day (year, month, day), ordered chronologically.
type Ymd = (i32, u32, u32);

fn iso((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_year(y: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y)
}

/// Two-digit years are this century's.
fn century(yy: u32) -> i32 {
    2000 + yy as i32
}

// ---------------------------------------------------------------------------
// Lexing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(Word),
    /// Digits: value (None when too long), digit count, ordinal suffix.
    Num(Option<u32>, usize, bool),
    Punct(char),
}

/// A word token: its text, lower case, and what the parser asks of it,
/// worked out once.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    /// Its entry in the date vocabulary ([`plantab_vocab::date_word`]).
    entry: Option<&'static DateWord>,
    /// The month it names ([`month_of`]).
    month: Option<u32>,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    space_before: bool,
}

fn lex(raw: &str) -> Vec<Token> {
    let text = raw
        .replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&#39;", "'");
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = false;
    while let Some(&c) = chars.get(i) {
        if c == '\n' || c == '\r' {
            out.push(Token {
                tok: Tok::Punct(';'),
                space_before: true,
            });
            space = true;
            i += 1;
        } else if c.is_whitespace() {
            space = true;
            i += 1;
        } else if c == '<' {
            // An HTML tag (`<p>`, `</li>`) separates list items.
            let close = chars
                .iter()
                .skip(i + 1)
                .take(300)
                .position(|&x| x == '>' || x == '<');
            let opens_tag = chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/');
            match close {
                Some(n) if opens_tag && chars.get(i + 1 + n) == Some(&'>') => {
                    out.push(Token {
                        tok: Tok::Punct(';'),
                        space_before: true,
                    });
                    space = true;
                    i += n + 2;
                }
                _ => {
                    out.push(Token {
                        tok: Tok::Punct('<'),
                        space_before: space,
                    });
                    space = false;
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            let start = i;
            while chars.get(i).is_some_and(|x| x.is_ascii_digit()) {
                i += 1;
            }
            let digits = i - start;
            let value = if digits <= 9 {
                chars
                    .get(start..i)
                    .and_then(|s| s.iter().collect::<String>().parse::<u32>().ok())
            } else {
                None
            };
            // Ordinal suffix: 1st, 2nd, 3rd, 29th.
            let mut ordinal = false;
            let suffix: String = chars
                .get(i..(i + 2).min(chars.len()))
                .unwrap_or(&[])
                .iter()
                .collect::<String>()
                .to_lowercase();
            if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
                && !chars.get(i + 2).is_some_and(|x| x.is_alphabetic())
            {
                ordinal = true;
                i += 2;
            }
            out.push(Token {
                tok: Tok::Num(value, digits, ordinal),
                space_before: space,
            });
            space = false;
        } else if c.is_alphabetic() {
            let start = i;
            while chars.get(i).is_some_and(|x| x.is_alphabetic()) {
                i += 1;
            }
            let text: String = chars
                .get(start..i)
                .unwrap_or(&[])
                .iter()
                .collect::<String>()
                .to_lowercase();
            let word = Word {
                entry: date_word(&text),
                month: month_of(&text),
                text,
            };
            out.push(Token {
                tok: Tok::Word(word),
                space_before: space,
            });
            space = false;
        } else {
            let p = match c {
                '-' | '–' | '—' | '‒' | '‑' | '−' | '~' => '-',
                '’' | '‘' | '`' => '\'',
                other => other,
            };
            out.push(Token {
                tok: Tok::Punct(p),
                space_before: space,
            });
            space = false;
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Periods

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Day(u32, u32),
    Month(u32),
    Quarter(u32),
    Half(u32),
    Year,
    /// A span of years ending in the given year.
    Years(i32),
    /// Months of a year: a season ("Spring 2023") or a part of a year
    /// ("early 2024"), from the date vocabulary.
    Months(MonthSpan),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum YearSpec {
    /// Printed with the period.
    Given(i32),
    /// Not printed: from a neighbouring period or the context.
    Missing,
    /// "this year" / "next year": the context year plus an offset.
    Ctx(i32),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Edge {
    Start,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    None,
    /// Open-ended from here ("from …", "… onwards").
    From,
    /// Up to here ("to …", "until …") with nothing before.
    To,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum YearSource {
    Cell,
    Borrowed,
    Context,
}

#[derive(Debug, Clone, Copy)]
struct Period {
    unit: Unit,
    year: YearSpec,
    edge: Option<Edge>,
}

impl Period {
    fn new(unit: Unit, year: YearSpec) -> Period {
        Period {
            unit,
            year,
            edge: None,
        }
    }
}

/// A period with its year settled and its days computed.
#[derive(Debug, Clone, Copy)]
struct Span {
    kind: DateKind,
    start: Ymd,
    end: Ymd,
    source: YearSource,
    anchor: Anchor,
}

/// First and last day of `unit` in year `y`; `None` for an impossible day
/// or a year out of range.
fn bounds(unit: Unit, y: i32, edge: Option<Edge>) -> Option<(DateKind, Ymd, Ymd)> {
    if !valid_year(y) {
        return None;
    }
    let last = |yy: i32, m: u32| (yy, m, days_in_month(yy, m));
    let (kind, start, end) = match unit {
        Unit::Day(m, d) => {
            if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
                return None;
            }
            (DateKind::Date, (y, m, d), (y, m, d))
        }
        Unit::Month(m) => {
            if !(1..=12).contains(&m) {
                return None;
            }
            (DateKind::Month, (y, m, 1), last(y, m))
        }
        Unit::Quarter(q) => {
            if !(1..=4).contains(&q) {
                return None;
            }
            (DateKind::Quarter, (y, 3 * q - 2, 1), last(y, 3 * q))
        }
        Unit::Half(h) => match h {
            1 => (DateKind::Half, (y, 1, 1), (y, 6, 30)),
            2 => (DateKind::Half, (y, 7, 1), (y, 12, 31)),
            _ => return None,
        },
        Unit::Year => (DateKind::Year, (y, 1, 1), (y, 12, 31)),
        Unit::Years(e) => {
            if !valid_year(e) || e < y {
                return None;
            }
            (DateKind::Range, (y, 1, 1), (e, 12, 31))
        }
        Unit::Months(MonthSpan { first, last: end }) => {
            if !(1..=12).contains(&first) || !(1..=12).contains(&end) {
                return None;
            }
            // A span whose last month comes before its first runs into
            // the next year (winter: December to February).
            let end_year = if end < first { y + 1 } else { y };
            (DateKind::Range, (y, first, 1), last(end_year, end))
        }
    };
    Some(match edge {
        None => (kind, start, end),
        Some(Edge::Start) => (DateKind::Date, start, start),
        Some(Edge::End) => (DateKind::Date, end, end),
    })
}

// ---------------------------------------------------------------------------
// Parsing tokens into items

#[derive(Debug, Clone, Copy)]
enum Item {
    Period(Period),
    /// A list separator (`,`, `and`, `&`, a new line).
    Sep,
    /// A range link (`to`, `until`, `-`).
    To,
    From,
    Onwards,
    Ongoing,
    Tbc,
    Na,
    Recur,
    /// Words that are not about dates.
    Filler,
    /// A malformed date (`31/02/2023`, `99/99/99999`).
    Bad,
}

/// Month number of a word: a name, a 3-letter abbreviation, `Sept`, or a
/// full name with two letters swapped (`Janaury`).
fn month_of(word: &str) -> Option<u32> {
    if let Some(m) = plantab_vocab::month_number(word, true) {
        return Some(m);
    }
    let n = word.chars().count();
    if n < 5 {
        return None;
    }
    let first = word.chars().next();
    plantab_vocab::MONTHS
        .iter()
        .position(|m| m.len() == n && m.chars().next() == first && same_letters(m, word))
        .map(|i| i as u32 + 1)
}

/// Whether `a` and `b`, of one length of at most 9 characters (a month
/// name's), hold the same letters, each as often.
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut out = ['\0'; 9];
        for (slot, c) in out.iter_mut().zip(s.chars()) {
            *slot = c;
        }
        out.sort_unstable();
        out
    };
    sorted(a) == sorted(b)
}

struct Parser<'a> {
    toks: &'a [Token],
    ctx: &'a DateContext,
    /// Number of word tokens in the whole text.
    words: usize,
}

impl<'a> Parser<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) => Some(w.text.as_str()),
            _ => None,
        }
    }

    /// The date-vocabulary entry of the word at `i`.
    fn entry(&self, i: usize) -> Option<&'static DateWord> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) => w.entry,
            _ => None,
        }
    }

    /// The month the word at `i` names.
    fn month(&self, i: usize) -> Option<u32> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) => w.month,
            _ => None,
        }
    }

    /// Whether the tokens from `i` on are `phrase`.
    fn phrase_at(&self, i: usize, phrase: &[PhraseToken]) -> bool {
        phrase.iter().enumerate().all(|(k, p)| match p {
            PhraseToken::Word(w) => self.word(i + k) == Some(w.as_str()),
            PhraseToken::Punct(c) => self.punct(i + k) == Some(*c),
        })
    }

    fn num(&self, i: usize) -> Option<(Option<u32>, usize, bool)> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Num(v, d, o)) => Some((*v, *d, *o)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A four-digit year at `i`.
    fn year4(&self, i: usize) -> Option<i32> {
        match self.num(i) {
            Some((Some(v), 4, false)) if valid_year(v as i32) => Some(v as i32),
            _ => None,
        }
    }

    /// "this year" / "the year" / "next year" / "current year" at `i`.
    fn ctx_year(&self, i: usize) -> Option<(YearSpec, usize)> {
        let offset = match self.word(i)? {
            "this" | "the" | "current" => 0,
            "next" => 1,
            _ => return None,
        };
        match self.word(i + 1) {
            Some("year") => Some((YearSpec::Ctx(offset), i + 2)),
            _ => None,
        }
    }

    /// A year printed after a yearless period: `Q2 2023`, `Q2 / 2021`,
    /// `quarter 2 (2023)`, `Q3 in 2023`, `first half of the year`.
    fn attach_year(&self, i: usize) -> Option<(YearSpec, usize)> {
        for j in i..i + 3 {
            if let Some(y) = self.year4(j) {
                let mut next = j + 1;
                if self.punct(next) == Some(')') {
                    next += 1;
                }
                return Some((YearSpec::Given(y), next));
            }
            if let Some(found) = self.ctx_year(j) {
                return Some(found);
            }
            let skippable = matches!(self.word(j), Some("of" | "in"))
                || matches!(self.punct(j), Some('/' | '-' | '(' | ',' | '\''));
            if !skippable {
                return None;
            }
        }
        None
    }

    fn with_year(&self, unit: Unit, i: usize) -> (Period, usize) {
        match self.attach_year(i) {
            Some((y, next)) => (Period::new(unit, y), next),
            None => (Period::new(unit, YearSpec::Missing), i),
        }
    }

    /// A period starting at token `i`, with the index after it.
    /// `Err(next)` for a malformed date to skip.
    fn period(&self, i: usize, depth: u32) -> Option<Result<(Period, usize), usize>> {
        if depth > 4 {
            return None;
        }
        if let Some(found) = self.numeric(i) {
            return Some(found);
        }
        if let Some(found) = self.day_month(i) {
            return Some(found);
        }
        if let Some(y) = self.year4(i) {
            return Some(Ok((Period::new(Unit::Year, YearSpec::Given(y)), i + 1)));
        }
        if let Some(found) = self.ordinal_part(i) {
            return Some(Ok(found));
        }
        let w = self.word(i)?;
        if let Some(m) = self.month(i) {
            return self.month_word(i, m);
        }
        let entry = self.entry(i);
        if let Some(season) = entry.and_then(|e| e.season) {
            return Some(Ok(self.with_year(Unit::Months(season), i + 1)));
        }
        if let Some(part) = entry.and_then(|e| e.part_of_year) {
            let mut j = i + 1;
            if self.punct(j) == Some('-') || matches!(self.word(j), Some("of" | "in")) {
                j += 1;
            }
            if let Some(y) = self.year4(j) {
                return Some(Ok((
                    Period::new(Unit::Months(part), YearSpec::Given(y)),
                    j + 1,
                )));
            }
            if let Some((y, next)) = self.ctx_year(j) {
                return Some(Ok((Period::new(Unit::Months(part), y), next)));
            }
            // "early spring 2023", "mid Jan": the period itself.
            return self.period(j, depth + 1);
        }
        match w {
            "q" | "h" => {
                let (v, digits, _) = self.num(i + 1)?;
                if !self.tight(i + 1) || digits != 1 {
                    return None;
                }
                let v = v?;
                let unit = match w {
                    "q" if (1..=4).contains(&v) => Unit::Quarter(v),
                    "h" if (1..=2).contains(&v) => Unit::Half(v),
                    _ => return None,
                };
                Some(Ok(self.with_year(unit, i + 2)))
            }
            "quarter" | "qtr" => {
                let (v, digits, _) = self.num(i + 1)?;
                let v = v.filter(|v| digits == 1 && (1..=4).contains(v))?;
                Some(Ok(self.with_year(Unit::Quarter(v), i + 2)))
            }
            "end" | "start" | "beginning" => {
                let edge = if w == "end" { Edge::End } else { Edge::Start };
                let mut j = i + 1;
                let has_of = self.word(j) == Some("of");
                if has_of {
                    j += 1;
                }
                if w != "end" && !has_of {
                    // "start Jan 2021" means from then on (see `From`).
                    return None;
                }
                if self.word(j) == Some("the") && self.word(j + 1) != Some("year") {
                    j += 1;
                }
                if matches!(self.word(j), Some("year")) {
                    let mut p = Period::new(Unit::Year, YearSpec::Ctx(0));
                    p.edge = Some(edge);
                    return Some(Ok((p, j + 1)));
                }
                match self.period(j, depth + 1)? {
                    Ok((mut p, next)) => {
                        p.edge = Some(edge);
                        Some(Ok((p, next)))
                    }
                    Err(next) => Some(Err(next)),
                }
            }
            "year" => {
                // "year end", "year-end"
                let mut j = i + 1;
                if self.punct(j) == Some('-') {
                    j += 1;
                }
                if self.word(j) == Some("end") {
                    let mut p = Period::new(Unit::Year, YearSpec::Ctx(0));
                    p.edge = Some(Edge::End);
                    return Some(Ok((p, j + 1)));
                }
                None
            }
            _ => {
                let (y, next) = self.ctx_year(i)?;
                Some(Ok((Period::new(Unit::Year, y), next)))
            }
        }
    }

    /// Numeric forms: `30/11/2023`, `31/12/21`, `2023-12-31`, `03/2024`,
    /// `2023-2024`, `2021-24`, `2023/24`.
    fn numeric(&self, i: usize) -> Option<Result<(Period, usize), usize>> {
        let (a, da, ord) = self.num(i)?;
        if ord {
            return None;
        }
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '.' | '-') || !self.tight(i + 1) || !self.tight(i + 2) {
            return None;
        }
        let (b, db, _) = self.num(i + 2)?;
        let third = if self.punct(i + 3) == Some(sep) && self.tight(i + 3) && self.tight(i + 4) {
            self.num(i + 4)
        } else {
            None
        };
        if let Some((c, dc, _)) = third {
            let next = i + 5;
            let (Some(a), Some(b), Some(c)) = (a, b, c) else {
                return Some(Err(next));
            };
            let (y, m, d) = if da == 4 && (1..=2).contains(&db) && (1..=2).contains(&dc) {
                (a as i32, b, c)
            } else if (1..=2).contains(&da) && (1..=2).contains(&db) && dc == 4 {
                (c as i32, b, a)
            } else if (1..=2).contains(&da) && (1..=2).contains(&db) && dc == 2 {
                (century(c), b, a)
            } else {
                return Some(Err(next));
            };
            return Some(Ok((Period::new(Unit::Day(m, d), YearSpec::Given(y)), next)));
        }
        let next = i + 3;
        let (Some(a), Some(b)) = (a, b) else {
            return Some(Err(next));
        };
        if (1..=2).contains(&da) && db == 4 && sep != '-' {
            // 03/2024
            if !(1..=12).contains(&a) || !valid_year(b as i32) {
                return Some(Err(next));
            }
            return Some(Ok((
                Period::new(Unit::Month(a), YearSpec::Given(b as i32)),
                next,
            )));
        }
        if da == 4 && valid_year(a as i32) && sep != '.' {
            let y = a as i32;
            let end = match db {
                4 => b as i32,
                2 => y - y % 100 + b as i32,
                1 => y - y % 10 + b as i32,
                _ => return None,
            };
            if end > y && valid_year(end) {
                return Some(Ok((
                    Period::new(Unit::Years(end), YearSpec::Given(y)),
                    next,
                )));
            }
            if db == 2 && sep == '-' && (1..=12).contains(&b) {
                // 2023-12 (ISO year-month)
                return Some(Ok((Period::new(Unit::Month(b), YearSpec::Given(y)), next)));
            }
        }
        None
    }

    /// `13 March 2024`, `1st Jan 2021`, `31-Dec`, `31-Dec-23`, `22-Sep`.
    fn day_month(&self, i: usize) -> Option<Result<(Period, usize), usize>> {
        let (v, digits, ord) = self.num(i)?;
        let v = v.filter(|_| (1..=2).contains(&digits))?;
        let mut j = i + 1;
        if matches!(self.punct(j), Some('-' | '.' | '/')) || self.word(j) == Some("of") {
            j += 1;
        }
        let m = self.month(j)?;
        j += 1;
        // A year after the month.
        let mut k = j;
        if matches!(self.punct(k), Some('-' | ',' | '.' | '\'' | '/')) {
            k += 1;
        }
        if let Some(y) = self.year4(k) {
            return Some(Ok((
                Period::new(Unit::Day(m, v), YearSpec::Given(y)),
                k + 1,
            )));
        }
        if let Some((Some(yy), 2, false)) = self.num(k) {
            if self.tight(k) || k == j {
                return Some(Ok((
                    Period::new(Unit::Day(m, v), YearSpec::Given(century(yy))),
                    k + 1,
                )));
            }
        }
        if !ord && digits == 2 && (v > 31 || self.ctx.reads_short_year(v)) {
            return Some(Ok((
                Period::new(Unit::Month(m), YearSpec::Given(century(v))),
                j,
            )));
        }
        Some(Ok((Period::new(Unit::Day(m, v), YearSpec::Missing), j)))
    }

    /// `Mar-24`, `June 2023`, `July 24`, `March 1st`, `December`.
    fn month_word(&self, i: usize, m: u32) -> Option<Result<(Period, usize), usize>> {
        let mut j = i + 1;
        if matches!(self.punct(j), Some('-' | '\'' | '.' | ',' | '/')) {
            j += 1;
        }
        if let Some(y) = self.year4(j) {
            return Some(Ok((Period::new(Unit::Month(m), YearSpec::Given(y)), j + 1)));
        }
        if let Some((Some(v), digits, ord)) = self.num(j) {
            let mut k = j + 1;
            if self.punct(k) == Some(',') {
                k += 1;
            }
            let year_after = self.year4(k);
            if digits == 2 && !ord && year_after.is_none() {
                return Some(Ok((
                    Period::new(Unit::Month(m), YearSpec::Given(century(v))),
                    j + 1,
                )));
            }
            if (1..=2).contains(&digits) {
                return Some(Ok(match year_after {
                    Some(y) => (Period::new(Unit::Day(m, v), YearSpec::Given(y)), k + 1),
                    None => (Period::new(Unit::Day(m, v), YearSpec::Missing), j + 1),
                }));
            }
        }
        let ambiguous = |k: usize| self.entry(k).is_some_and(|e| e.ambiguous_month);
        if ambiguous(i) && self.words > 1 {
            let neighbour_month =
                |k: Option<usize>| k.is_some_and(|k| self.month(k).is_some() && !ambiguous(k));
            let prev = (0..i).rev().find(|&k| self.word(k).is_some());
            let next = (i + 1..self.toks.len()).find(|&k| self.word(k).is_some());
            if !neighbour_month(prev) && !neighbour_month(next) {
                return None;
            }
        }
        Some(Ok(self.with_year(Unit::Month(m), i + 1)))
    }

    /// `first half of 2023`, `2nd quarter 2024`, `final quarter`.
    fn ordinal_part(&self, i: usize) -> Option<(Period, usize)> {
        let n = match (self.entry(i).and_then(|e| e.ordinal), self.num(i)) {
            (Some(n), _) => n,
            (None, Some((Some(v), 1, true))) => v,
            _ => return None,
        };
        let unit = match self.word(i + 1)? {
            "quarter" | "qtr" if (1..=4).contains(&n) => Unit::Quarter(n),
            "half" if n == 4 || n == 2 => Unit::Half(2),
            "half" if n == 1 => Unit::Half(1),
            _ => return None,
        };
        Some(self.with_year(unit, i + 2))
    }

    fn items(&self) -> Vec<Item> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.period(i, 0) {
                Some(Ok((p, next))) if next > i => {
                    out.push(Item::Period(p));
                    i = next;
                    continue;
                }
                Some(Err(next)) if next > i => {
                    out.push(Item::Bad);
                    i = next;
                    continue;
                }
                _ => {}
            }
            let (item, used) = self.keyword(i);
            if let Some(item) = item {
                out.push(item);
            }
            i += used.max(1);
        }
        out
    }

    /// A non-period token at `i`: the item it makes (None to ignore it) and
    /// how many tokens it uses.
    fn keyword(&self, i: usize) -> (Option<Item>, usize) {
        if let Some(c) = self.punct(i) {
            return match c {
                '-' => (Some(Item::To), 1),
                ',' | '&' | '+' | ';' | '/' | '|' => (Some(Item::Sep), 1),
                _ => (None, 1),
            };
        }
        // Numbers, and words the date vocabulary does not list.
        let Some(entry) = self.entry(i) else {
            return (Some(Item::Filler), 1);
        };
        // The longest phrase starting here, else the word alone.
        if let Some(p) = entry
            .phrases
            .iter()
            .find(|p| self.phrase_at(i + 1, &p.rest))
        {
            return (item_of(p.role), 1 + p.rest.len());
        }
        match entry.role {
            Some(DateRole::Every) => {
                if self.entry(i + 1).is_some_and(|e| e.recurring_unit) {
                    (Some(Item::Recur), 2)
                } else if self.month(i + 1).is_some() {
                    (Some(Item::Recur), 1)
                } else {
                    (Some(Item::Filler), 1)
                }
            }
            Some(role) => (item_of(role), 1),
            None => (Some(Item::Filler), 1),
        }
    }
}

/// The item a date word or phrase makes (`None`: it changes nothing).
fn item_of(role: DateRole) -> Option<Item> {
    Some(match role {
        DateRole::Ongoing => Item::Ongoing,
        DateRole::Onwards => Item::Onwards,
        DateRole::From => Item::From,
        DateRole::To => Item::To,
        DateRole::Tbc => Item::Tbc,
        DateRole::NotApplicable => Item::Na,
        DateRole::Recurring => Item::Recur,
        DateRole::Separator => Item::Sep,
        DateRole::Neutral => return None,
        // "each" before neither a unit nor a month is no date word.
        DateRole::Every | DateRole::Other => Item::Filler,
    })
}

// ---------------------------------------------------------------------------
// From items to a date value

fn interpret(raw: &str, ctx: &DateContext) -> (DateKind, Option<Ymd>, Option<Ymd>, bool) {
    let toks = lex(raw);
    let has_text = toks.iter().any(|t| !matches!(t.tok, Tok::Punct(_)));
    if !has_text {
        let dash_only = toks.iter().any(|t| t.tok == Tok::Punct('-'));
        let kind = if dash_only {
            DateKind::NotApplicable
        } else {
            DateKind::Unknown
        };
        return (kind, None, None, false);
    }
    let parser = Parser {
        toks: &toks,
        ctx,
        words: toks
            .iter()
            .filter(|t| matches!(t.tok, Tok::Word(..)))
            .count(),
    };
    let items = parser.items();
    if items.iter().any(|it| matches!(it, Item::Bad)) {
        return (DateKind::Unknown, None, None, false);
    }
    let ctx_year = ctx.year.filter(|y| valid_year(*y));
    let spans = spans(&items, ctx_year);
    let has = |f: fn(&Item) -> bool| items.iter().any(f);
    let recurring = has(|it| matches!(it, Item::Recur));
    let tbc = has(|it| matches!(it, Item::Tbc));
    let ongoing = has(|it| matches!(it, Item::Ongoing | Item::Onwards));
    let na = has(|it| matches!(it, Item::Na));
    let inferred = spans.iter().any(|s| s.source == YearSource::Context);
    let min_start = |v: &[&Span]| v.iter().map(|s| s.start).min();
    let max_end = |v: &[&Span]| v.iter().map(|s| s.end).max();
    let all: Vec<&Span> = spans.iter().collect();

    if recurring {
        let dated: Vec<&Span> = spans
            .iter()
            .filter(|s| s.source == YearSource::Cell)
            .collect();
        return (DateKind::Recurring, min_start(&dated), None, false);
    }
    if tbc {
        return (DateKind::Tbc, min_start(&all), max_end(&all), inferred);
    }
    if spans.is_empty() {
        let kind = if ongoing {
            DateKind::Ongoing
        } else if na {
            DateKind::NotApplicable
        } else {
            DateKind::Unknown
        };
        return (kind, None, None, false);
    }
    let from: Vec<&Span> = spans.iter().filter(|s| s.anchor == Anchor::From).collect();
    let to: Vec<&Span> = spans.iter().filter(|s| s.anchor == Anchor::To).collect();
    let mut distinct: Vec<&Span> = Vec::new();
    for s in &spans {
        if !distinct
            .iter()
            .any(|d| d.start == s.start && d.end == s.end)
        {
            distinct.push(s);
        }
    }
    if ongoing || !from.is_empty() {
        if !from.is_empty() || !to.is_empty() {
            let used: Vec<&Span> = from.iter().chain(to.iter()).copied().collect();
            let inferred = used.iter().any(|s| s.source == YearSource::Context);
            return (DateKind::Ongoing, min_start(&from), max_end(&to), inferred);
        }
        if let [one] = distinct[..] {
            return (DateKind::Ongoing, Some(one.start), Some(one.end), inferred);
        }
        return (DateKind::Multiple, min_start(&all), max_end(&all), inferred);
    }
    if let [one] = distinct[..] {
        return (one.kind, Some(one.start), Some(one.end), inferred);
    }
    (DateKind::Multiple, min_start(&all), max_end(&all), inferred)
}

/// Settles years, computes days, joins `A to B` into ranges and marks
/// open-ended anchors.
fn spans(items: &[Item], ctx_year: Option<i32>) -> Vec<Span> {
    // 1. Years.
    let mut resolved: Vec<Option<(Period, i32, YearSource)>> = vec![None; items.len()];
    for (k, it) in items.iter().enumerate() {
        let Item::Period(p) = it else { continue };
        let settled = match p.year {
            YearSpec::Given(y) => Some((y, YearSource::Cell)),
            YearSpec::Ctx(off) => ctx_year.map(|y| (y + off, YearSource::Context)),
            YearSpec::Missing => later_year(items, k)
                .or_else(|| earlier_year(items, k))
                .map(|y| (y, YearSource::Borrowed))
                .or_else(|| ctx_year.map(|y| (y, YearSource::Context))),
        };
        if let (Some((y, src)), Some(slot)) = (settled, resolved.get_mut(k)) {
            *slot = Some((*p, y, src));
        }
    }
    // 2. Days, ranges and anchors, in order.
    let mut out: Vec<Span> = Vec::new();
    // What came right before the current item: a span index waiting for
    // `to`, a pending link.
    let mut last_span: Option<usize> = None;
    let mut pending_to = false;
    let mut pending_from = false;
    for (k, it) in items.iter().enumerate() {
        match it {
            Item::Period(_) => {
                let Some(Some((p, y, src))) = resolved.get(k).copied() else {
                    last_span = None;
                    pending_to = false;
                    pending_from = false;
                    continue;
                };
                let Some((kind, start, end)) = bounds(p.unit, y, p.edge) else {
                    continue;
                };
                let mut span = Span {
                    kind,
                    start,
                    end,
                    source: src,
                    anchor: Anchor::None,
                };
                if pending_to {
                    if let Some(left) = last_span.and_then(|l| out.get_mut(l)) {
                        // "Dec 2023 - Feb": a borrowed year that runs
                        // backwards belongs to the next year.
                        if span.end < left.start && src != YearSource::Cell {
                            if let Some((_, s2, e2)) = bounds(p.unit, y + 1, p.edge) {
                                span.start = s2;
                                span.end = e2;
                            }
                        }
                        left.kind = DateKind::Range;
                        left.end = span.end;
                        left.anchor = Anchor::None;
                        if src == YearSource::Context {
                            left.source = YearSource::Context;
                        }
                        pending_to = false;
                        pending_from = false;
                        continue;
                    }
                    span.anchor = Anchor::To;
                } else if pending_from {
                    span.anchor = Anchor::From;
                }
                out.push(span);
                last_span = Some(out.len() - 1);
                pending_to = false;
                pending_from = false;
            }
            Item::To => pending_to = true,
            Item::From => {
                pending_from = true;
                last_span = None;
            }
            Item::Onwards => {
                if let Some(s) = last_span.and_then(|l| out.get_mut(l)) {
                    if s.anchor == Anchor::None {
                        s.anchor = Anchor::From;
                    }
                }
                last_span = None;
                pending_to = false;
            }
            Item::Sep => {
                last_span = None;
                pending_to = false;
            }
            _ => {
                last_span = None;
                pending_to = false;
                pending_from = false;
            }
        }
    }
    out
}

/// The year of a later period in the same list (`Q2, Q4 2023`).
fn later_year(items: &[Item], k: usize) -> Option<i32> {
    for it in items.iter().skip(k + 1) {
        match it {
            Item::Period(p) => {
                if let YearSpec::Given(y) = p.year {
                    return Some(y);
                }
            }
            Item::Sep | Item::To => {}
            _ => return None,
        }
    }
    None
}

/// The year of the nearest earlier period that printed one (`Q1 2023 … Q4`).
fn earlier_year(items: &[Item], k: usize) -> Option<i32> {
    items.iter().take(k).rev().find_map(|it| match it {
        Item::Period(Period {
            year: YearSpec::Given(y),
            ..
        }) => Some(*y),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `month_of` as first written: every word's letters sorted into a
    /// vector and compared with each month's.
    fn month_of_by_sorting(word: &str) -> Option<u32> {
        if let Some(m) = plantab_vocab::month_number(word, true) {
            return Some(m);
        }
        if word.chars().count() < 5 {
            return None;
        }
        let mut sorted: Vec<char> = word.chars().collect();
        sorted.sort_unstable();
        plantab_vocab::MONTHS
            .iter()
            .position(|m| {
                let mut ms: Vec<char> = m.chars().collect();
                ms.sort_unstable();
                ms == sorted && m.chars().next() == word.chars().next()
            })
            .map(|i| i as u32 + 1)
    }

    #[test]
    fn month_of_agrees_with_sorting() {
        for w in [
            "janaury",
            "jnauary",
            "january",
            "febuary",
            "feburary",
            "mrach",
            "marhc",
            "arpil",
            "aprli",
            "juen",
            "jluy",
            "agusut",
            "setpember",
            "septmeber",
            "ocotber",
            "novmeber",
            "decmeber",
            "dcember",
            "ecember",
            "yraunaj",
            "sept",
            "sep",
            "may",
            "mya",
            "ongoing",
            "quarterly",
            "autumn",
            "decemberr",
            "\u{e9}t\u{e9}",
            "septembre",
            "",
        ] {
            assert_eq!(month_of(w), month_of_by_sorting(w), "{w:?}");
        }
    }

    fn p(raw: &str) -> DateValue {
        parse_date(raw, &DateContext::default())
    }

    fn in_year(raw: &str, year: i32) -> DateValue {
        parse_date(
            raw,
            &DateContext {
                year: Some(year),
                ..Default::default()
            },
        )
    }

    /// (kind, start, end)
    fn facts(v: &DateValue) -> (DateKind, Option<&str>, Option<&str>) {
        (v.kind, v.start.as_deref(), v.end.as_deref())
    }

    use DateKind::*;

    #[test]
    fn spec_examples() {
        assert_eq!(
            facts(&p("30/11/2023")),
            (Date, Some("2023-11-30"), Some("2023-11-30"))
        );
        assert_eq!(
            facts(&p("Mar-24")),
            (Month, Some("2024-03-01"), Some("2024-03-31"))
        );
        assert_eq!(
            facts(&p("Q2, Q4 2023")),
            (Multiple, Some("2023-04-01"), Some("2023-12-31"))
        );
        assert_eq!(facts(&p("Ongoing")), (Ongoing, None, None));
        assert_eq!(facts(&p("TBC")), (Tbc, None, None));
        assert_eq!(
            facts(&p("June & December each year")),
            (Recurring, None, None)
        );
        assert_eq!(facts(&p("N/A")), (NotApplicable, None, None));
        let v = in_year("31-Dec", 2023);
        assert_eq!(facts(&v), (Date, Some("2023-12-31"), Some("2023-12-31")));
        assert!(v.year_inferred);
        assert_eq!(v.raw, "31-Dec");
    }

    #[test]
    fn numeric_days_are_day_first_with_real_month_lengths() {
        for (raw, day) in [
            ("31/03/2023", "2023-03-31"),
            ("30/08/2023", "2023-08-30"),
            ("28/02/2023", "2023-02-28"),
            ("31/12/21", "2021-12-31"),
            ("30/6/21", "2021-06-30"),
            ("1/1/21", "2021-01-01"),
            ("11.01.24", "2024-01-11"),
            ("2023-12-31", "2023-12-31"),
            ("29/02/2024", "2024-02-29"),
            ("10/03/2023", "2023-03-10"),
        ] {
            let v = p(raw);
            assert_eq!(facts(&v), (Date, Some(day), Some(day)), "{raw}");
            assert!(!v.year_inferred);
        }
        // Impossible days are unknown, not a panic and not a guess.
        for raw in [
            "31/02/2023",
            "29/02/2023",
            "31/04/2024",
            "00/01/2023",
            "12/13/2023",
            "99/99/99999999999",
            "18.23.23",
        ] {
            assert_eq!(facts(&p(raw)), (Unknown, None, None), "{raw}");
        }
    }

    #[test]
    fn months() {
        for (raw, s, e) in [
            ("Jan-24", "2024-01-01", "2024-01-31"),
            ("Jun-24", "2024-06-01", "2024-06-30"),
            ("Dec-22", "2022-12-01", "2022-12-31"),
            ("Feb-24", "2024-02-01", "2024-02-29"),
            ("June 2023", "2023-06-01", "2023-06-30"),
            ("July 24", "2024-07-01", "2024-07-31"),
            ("sept 2024", "2024-09-01", "2024-09-30"),
            ("Sept 23", "2023-09-01", "2023-09-30"),
            ("Nov 24", "2024-11-01", "2024-11-30"),
            ("03/2024", "2024-03-01", "2024-03-31"),
            ("Janaury 2024", "2024-01-01", "2024-01-31"),
        ] {
            assert_eq!(facts(&p(raw)), (Month, Some(s), Some(e)), "{raw}");
        }
        let v = in_year("December", 2023);
        assert_eq!(facts(&v), (Month, Some("2023-12-01"), Some("2023-12-31")));
        assert!(v.year_inferred);
        // No year anywhere: nothing to anchor it.
        assert_eq!(facts(&p("December")), (Unknown, None, None));
    }

    #[test]
    fn named_days() {
        for (raw, day) in [
            ("13 March 2024", "2024-03-13"),
            ("1st Jan 2021", "2021-01-01"),
            ("Monday 29th January 2024", "2024-01-29"),
            ("31-Dec-23", "2023-12-31"),
            ("March 24, 2024", "2024-03-24"),
        ] {
            assert_eq!(facts(&p(raw)), (Date, Some(day), Some(day)), "{raw}");
        }
        // Day-month needs a year from the document.
        assert_eq!(facts(&p("31-Dec")), (Unknown, None, None));
        let v = in_year("22-Sep", 2023);
        assert_eq!(facts(&v), (Date, Some("2023-09-22"), Some("2023-09-22")));
        assert!(v.year_inferred);
        // A tracker printing Excel yy-mmm.
        let ctx = DateContext {
            year: Some(2024),
            short_year_first: true,
        };
        let v = parse_date("22-Sep", &ctx);
        assert_eq!(facts(&v), (Month, Some("2022-09-01"), Some("2022-09-30")));
        assert!(!v.year_inferred);
        assert_eq!(facts(&in_year("31-Feb", 2023)), (Unknown, None, None));
        // 000 prints `Mar-24` and `31-Dec` in one revised-date column of a
        // December 2023 report: `31-Dec` is still a day.
        let ctx = DateContext::for_column(Some(2023), ["", "31-Dec", "Mar-24", "2024"]);
        assert!(ctx.short_year_first);
        let v = parse_date("31-Dec", &ctx);
        assert_eq!(facts(&v), (Date, Some("2023-12-31"), Some("2023-12-31")));
        // 004 (a January 2024 tracker) prints `Jan-23` and `23-Jan` as start
        // dates: both January 2023.
        let ctx = DateContext::for_column(Some(2024), ["Dec-22", "23-Jan", "TBC"]);
        let v = parse_date("23-Jan", &ctx);
        assert_eq!(facts(&v), (Month, Some("2023-01-01"), Some("2023-01-31")));
        let ctx = DateContext::for_column(Some(2023), ["30/11/2023", "31-Dec"]);
        assert!(!ctx.short_year_first);
    }

    #[test]
    fn quarters_halves_years() {
        for (raw, k, s, e) in [
            ("Q2 2023", Quarter, "2023-04-01", "2023-06-30"),
            ("Q4 2023", Quarter, "2023-10-01", "2023-12-31"),
            ("Q1 2024", Quarter, "2024-01-01", "2024-03-31"),
            ("Quarter 1 of 2024", Quarter, "2024-01-01", "2024-03-31"),
            ("Q3 in 2023", Quarter, "2023-07-01", "2023-09-30"),
            ("2nd quarter 2022", Quarter, "2022-04-01", "2022-06-30"),
            ("H1 2023", Half, "2023-01-01", "2023-06-30"),
            ("H2 2023", Half, "2023-07-01", "2023-12-31"),
            ("first half of 2023", Half, "2023-01-01", "2023-06-30"),
            ("second half of 2024", Half, "2024-07-01", "2024-12-31"),
            ("2024", Year, "2024-01-01", "2024-12-31"),
            (
                "Events planned across 2021",
                Year,
                "2021-01-01",
                "2021-12-31",
            ),
        ] {
            let v = p(raw);
            assert_eq!(facts(&v), (k, Some(s), Some(e)), "{raw}");
            assert!(!v.year_inferred, "{raw}");
        }
        let v = in_year("first half of the year", 2023);
        assert_eq!(facts(&v), (Half, Some("2023-01-01"), Some("2023-06-30")));
        assert!(v.year_inferred);
        let v = in_year("Q4", 2023);
        assert_eq!(facts(&v), (Quarter, Some("2023-10-01"), Some("2023-12-31")));
        assert!(v.year_inferred);
    }

    #[test]
    fn seasons_and_parts_of_years() {
        for (raw, s, e) in [
            ("Spring 2023", "2023-03-01", "2023-05-31"),
            ("Summer 2024", "2024-06-01", "2024-08-31"),
            ("Autumn 2022", "2022-09-01", "2022-11-30"),
            ("Autumn 2021", "2021-09-01", "2021-11-30"),
            ("Winter 2023", "2023-12-01", "2024-02-29"),
            ("early 2024", "2024-01-01", "2024-04-30"),
            ("mid-2023", "2023-05-01", "2023-08-31"),
            ("mid 2023", "2023-05-01", "2023-08-31"),
            ("late 2020", "2020-09-01", "2020-12-31"),
        ] {
            assert_eq!(facts(&p(raw)), (Range, Some(s), Some(e)), "{raw}");
        }
        assert_eq!(
            facts(&p("Spring and Summer 2023")),
            (Multiple, Some("2023-03-01"), Some("2023-08-31"))
        );
    }

    #[test]
    fn ends_and_starts_of_periods() {
        for (raw, day) in [
            ("end of Q2 / 2021", "2021-06-30"),
            ("End 2023", "2023-12-31"),
            ("by the end of Q3 in 2023", "2023-09-30"),
            ("end of quarter 2 (2023)", "2023-06-30"),
            ("start of 2024", "2024-01-01"),
            ("end of March 2024", "2024-03-31"),
        ] {
            assert_eq!(facts(&p(raw)), (Date, Some(day), Some(day)), "{raw}");
        }
        let v = in_year("by the end of the year", 2023);
        assert_eq!(facts(&v), (Date, Some("2023-12-31"), Some("2023-12-31")));
        assert!(v.year_inferred);
        let v = in_year("Year end", 2023);
        assert_eq!(facts(&v), (Date, Some("2023-12-31"), Some("2023-12-31")));
    }

    #[test]
    fn ranges() {
        for (raw, s, e) in [
            ("Mar-23 to Jul-23", "2023-03-01", "2023-07-31"),
            ("2023-2024", "2023-01-01", "2024-12-31"),
            ("2023 - 2024", "2023-01-01", "2024-12-31"),
            ("2021-24", "2021-01-01", "2024-12-31"),
            ("2023/24", "2023-01-01", "2024-12-31"),
            ("Q2-Q4 2023", "2023-04-01", "2023-12-31"),
            ("from Jan 2021 to Dec 2022", "2021-01-01", "2022-12-31"),
            ("01/04/2023 - 31/03/2024", "2023-04-01", "2024-03-31"),
            ("November 2023 until February", "2023-11-01", "2024-02-29"),
        ] {
            assert_eq!(facts(&p(raw)), (Range, Some(s), Some(e)), "{raw}");
        }
        // Backwards is not a range.
        assert_eq!(facts(&p("Jul-23 to Mar-23")), (Unknown, None, None));
    }

    #[test]
    fn multiples() {
        for (raw, s, e) in [
            ("Q1, Q2, Q3, Q4 2023", "2023-01-01", "2023-12-31"),
            ("Q2 2023\nQ4 2023", "2023-04-01", "2023-12-31"),
            (
                "Q4 2023 Q4 2023 Q2 2023 Ongoing Ongoing",
                "2023-04-01",
                "2023-12-31",
            ),
            (
                "<p>Q1 2023</p> <p>Q2 2023</p> <p>Q2 and Q3 2023</p> <p>Ongoing</p> <p>Q4</p>",
                "2023-01-01",
                "2023-12-31",
            ),
            (
                "Q1 2023\nQ1 2023\nQ3 2023\nQ2 2023",
                "2023-01-01",
                "2023-09-30",
            ),
            ("Dec 2023 / Jan 2024", "2023-12-01", "2024-01-31"),
        ] {
            let v = p(raw);
            assert_eq!(facts(&v), (Multiple, Some(s), Some(e)), "{raw}");
            assert!(!v.year_inferred, "{raw}");
        }
        // The same date printed twice is one date.
        assert_eq!(
            facts(&p("31/12/2023\n31/12/2023")),
            (Date, Some("2023-12-31"), Some("2023-12-31"))
        );
    }

    #[test]
    fn ongoing_forms() {
        assert_eq!(facts(&p("Ongoing service")), (Ongoing, None, None));
        assert_eq!(facts(&p("ongoing")), (Ongoing, None, None));
        assert_eq!(facts(&p("On-going")), (Ongoing, None, None));
        assert_eq!(facts(&p("With immediate effect")), (Ongoing, None, None));
        assert_eq!(
            facts(&p("Ongoing to 2023")),
            (Ongoing, None, Some("2023-12-31"))
        );
        assert_eq!(
            facts(&p("Ongoing to 2024")),
            (Ongoing, None, Some("2024-12-31"))
        );
        for raw in [
            "Continue from January 2021 onwards",
            "January 2021 onwards January 2021 onwards March 2021 onwards",
            "Continue from January 2021 onwards Continuing to build on work done in 2020 from January 2021 onwards",
            "Continue to implement and monitor further January 2021 onwards Continue to implement and monitor further January 2021 onwards",
            "from Jan 2021",
        ] {
            assert_eq!(
                facts(&p(raw)),
                (Ongoing, Some("2021-01-01"), None),
                "{raw}"
            );
        }
        assert_eq!(
            facts(&p("Jan 2020 onwards")),
            (Ongoing, Some("2020-01-01"), None)
        );
    }

    #[test]
    fn tbc_na_recurring_unknown() {
        for raw in [
            "TBC",
            "tbc",
            "TBA",
            "To be confirmed",
            "TBC TBC",
            "TBC following review",
        ] {
            assert_eq!(facts(&p(raw)), (Tbc, None, None), "{raw}");
        }
        assert_eq!(
            facts(&p("Q2 2024 (TBC)")),
            (Tbc, Some("2024-04-01"), Some("2024-06-30"))
        );
        for raw in ["N/A", "N/a", "n/a", "NA", "Not applicable", "-", "—"] {
            assert_eq!(facts(&p(raw)), (NotApplicable, None, None), "{raw}");
        }
        for raw in [
            "quarterly May Aug Nov Feb",
            "quarterly\nMay\nAug\nNov\nFeb",
            "quarterly (from \nNov)\nNov\nFeb\nMay\nAug",
            "Jan\nJuly\neach year",
            "Annually",
        ] {
            assert_eq!(facts(&p(raw)), (Recurring, None, None), "{raw}");
        }
        assert_eq!(
            facts(&p("January 2021 with monthly and quarterly monitoring")),
            (Recurring, Some("2021-01-01"), None)
        );
        for raw in [
            "",
            "   ",
            "see commentary",
            "Purple",
            "2 months",
            "this may slip",
        ] {
            let v = p(raw);
            assert_eq!(facts(&v), (Unknown, None, None), "{raw}");
            assert_eq!(v.raw, raw);
            assert!(!v.year_inferred);
        }
    }

    #[test]
    fn raw_is_kept_exactly() {
        for raw in ["  Q2 2023 ", "Mar-24\n", "<p>Q4</p>", "weird ☃ text"] {
            assert_eq!(p(raw).raw, raw);
        }
    }

    /// A document of my own making: another council's tracker with other
    /// wording, same family of date cells.
    #[test]
    fn another_councils_tracker() {
        let ctx = DateContext {
            year: Some(2025),
            ..Default::default()
        };
        let cells = [
            (
                "Apr-25",
                Month,
                Some("2025-04-01"),
                Some("2025-04-30"),
                false,
            ),
            (
                "Q3, Q4 2025",
                Multiple,
                Some("2025-07-01"),
                Some("2025-12-31"),
                false,
            ),
            (
                "15/07/25",
                Date,
                Some("2025-07-15"),
                Some("2025-07-15"),
                false,
            ),
            (
                "Summer 2026",
                Range,
                Some("2026-06-01"),
                Some("2026-08-31"),
                false,
            ),
            (
                "late 2025",
                Range,
                Some("2025-09-01"),
                Some("2025-12-31"),
                false,
            ),
            ("30-Jun", Date, Some("2025-06-30"), Some("2025-06-30"), true),
            ("Ongoing to 2027", Ongoing, None, Some("2027-12-31"), false),
            (
                "2025-27",
                Range,
                Some("2025-01-01"),
                Some("2027-12-31"),
                false,
            ),
            ("To be agreed", Tbc, None, None, false),
            ("March & September every year", Recurring, None, None, false),
            (
                "second half of 2026",
                Half,
                Some("2026-07-01"),
                Some("2026-12-31"),
                false,
            ),
        ];
        for (raw, kind, s, e, inferred) in cells {
            let v = parse_date(raw, &ctx);
            assert_eq!(facts(&v), (kind, s, e), "{raw}");
            assert_eq!(v.year_inferred, inferred, "{raw}");
        }
    }
}
