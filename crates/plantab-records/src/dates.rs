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
    /// Where the twelve months a year-less date falls in begin, as
    /// `(year, month)`: a month or day printed without a year takes the
    /// year that puts its first month in those twelve months (`June` with
    /// `(2024, 7)` → June 2025). `None`: January of [`year`](Self::year),
    /// so a year-less date takes that year. Set from the document's
    /// reporting date or financial year (see `document::DateFacts`).
    pub yearless_from: Option<(i32, u32)>,
    /// How the document counts its financial years; `None` for
    /// [`FiscalYear::DEFAULT`].
    pub fiscal: Option<FiscalYear>,
}

/// How a document counts and names its financial years.
///
/// `FY2024` (`FY 2024`, `FY24`, `Fiscal Year 2024`) is the financial year
/// that *ends* in 2024; a consecutive pair (`2024-25`, `2024/25`,
/// `2024–2025`, `FY 2024-25`) is the one that *starts* in 2024. A quarter
/// or half of a financial year (`Q3 2024/25`, `Q1 FY2024`, `FY2024 Q2`,
/// `H1 2025-26`) counts from its start month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FiscalYear {
    /// Month (1–12) the financial year starts in (1: the calendar year).
    pub start_month: u32,
    /// True where financial years are written as a pair of years: there
    /// an unmarked consecutive pair (`2024-25`) is a financial year. False
    /// where they are named by one year (US `FY2024`): there `2023-2024`
    /// is two calendar years, and only a marked pair (`FY 2023-24`) is a
    /// financial year. With `start_month` 1 every pair is two calendar
    /// years.
    pub pairs: bool,
}

impl FiscalYear {
    /// The rule when the document does not say: April, years written as
    /// pairs (UK, Canada, New York State, India, Japan …).
    pub const DEFAULT: FiscalYear = FiscalYear {
        start_month: 4,
        pairs: true,
    };
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
            ..DateContext::default()
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

/// A date cell with the line breaks a narrow column put inside a date
/// taken out: `30/11/202` / `3` → `30/11/2023`, `30/11/` / `2023`,
/// `Septem-` / `ber 2024` → `September 2024`. Other line breaks stay.
/// Borrows the cell when nothing is joined (nearly always).
pub fn join_broken_lines(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.contains('\n') {
        return std::borrow::Cow::Borrowed(cell);
    }
    let lines: Vec<&str> = cell.split('\n').collect();
    let mut out = String::with_capacity(cell.len());
    let mut changed = false;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = lines.get(i - 1).copied().unwrap_or_default();
            match glue(prev.trim_end(), line.trim_start()) {
                Some(cut) => {
                    // Drop the break (and a hyphen the break left).
                    let keep = out.trim_end().len().saturating_sub(cut);
                    out.truncate(keep);
                    out.push_str(line.trim_start());
                    changed = true;
                    continue;
                }
                None => out.push('\n'),
            }
        }
        out.push_str(line);
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Whether line `a` ends inside a date that line `b` finishes: `Some(n)`
/// with the bytes to drop from the end of `a` (a hyphen) when so.
fn glue(a: &str, b: &str) -> Option<usize> {
    let last = a.rsplit(char::is_whitespace).next().unwrap_or_default();
    let lead_digits = b.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = b.get(lead_digits..).and_then(|r| r.chars().next());
    let digits_end =
        after_digits.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ']'));
    // `30/11/202` + `3`, `30/11/` + `2023`, `1.1.2` + `024`.
    let parts: Vec<&str> = last.split(['/', '.', '-']).collect();
    if let [d, m, y] = parts[..] {
        let short = |s: &str, max: usize| {
            (1..=max).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
        };
        let year_part = y.is_empty() || short(y, 3) && y.len() != 2;
        if short(d, 2) && short(m, 2) && year_part && digits_end && y.len() + lead_digits == 4 {
            return Some(0);
        }
    }
    // `Septem` / `ber 2024`, `Decem-` / `ber`.
    let (stem, hyphen) = match last.strip_suffix('-') {
        Some(s) => (s, 1),
        None => (last, 0),
    };
    let lead_letters: String = b.chars().take_while(|c| c.is_alphabetic()).collect();
    if !stem.is_empty() && stem.chars().all(char::is_alphabetic) && !lead_letters.is_empty() {
        let joined = format!("{stem}{lead_letters}").to_lowercase();
        let stem_l = stem.to_lowercase();
        if plantab_vocab::MONTHS.contains(&joined.as_str())
            && !plantab_vocab::MONTHS.contains(&stem_l.as_str())
            && plantab_vocab::month_number(&lead_letters.to_lowercase(), true).is_none()
        {
            return Some(hyphen);
        }
    }
    None
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
    let Reading {
        kind,
        start,
        end,
        year_inferred,
        fiscal_year,
    } = interpret(raw, ctx);
    // Belt and braces: the contract promises start <= end.
    let reversed = matches!((&start, &end), (Some(s), Some(e)) if s > e);
    if reversed {
        return value(raw, DateKind::Unknown, None, None, false, None);
    }
    value(
        raw,
        kind,
        start.map(iso),
        end.map(iso),
        year_inferred,
        fiscal_year,
    )
}

fn value(
    raw: &str,
    kind: DateKind,
    start: Option<String>,
    end: Option<String>,
    year_inferred: bool,
    fiscal_year: Option<String>,
) -> DateValue {
    DateValue {
        raw: raw.to_string(),
        kind,
        start,
        end,
        year_inferred,
        fiscal_year,
    }
}

/// What [`interpret`] read: the value's fields before formatting.
struct Reading {
    kind: DateKind,
    start: Option<Ymd>,
    end: Option<Ymd>,
    year_inferred: bool,
    fiscal_year: Option<String>,
}

impl Reading {
    fn new(kind: DateKind, start: Option<Ymd>, end: Option<Ymd>, year_inferred: bool) -> Reading {
        Reading {
            kind,
            start,
            end,
            year_inferred,
            fiscal_year: None,
        }
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
                tok: Tok::Punct('\n'),
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
                // Every dash and hyphen a text layer uses (`May‐2011` has
                // U+2010) reads as one.
                '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
                | '\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' | '~' => '-',
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
    merge_broken_months(out)
}

/// Joins a month name a line break split (`Septem` / `ber`, `Decem-` /
/// `ber`): two words (with a hyphen between or not) that together spell
/// a month's full name, the second not a month itself.
fn merge_broken_months(mut toks: Vec<Token>) -> Vec<Token> {
    // Where a month name is split: (first word, second word) indices.
    let split_at = |toks: &[Token], i: usize| -> Option<usize> {
        let Some(Tok::Word(a)) = toks.get(i).map(|t| &t.tok) else {
            return None;
        };
        // Between the halves: a hyphen, a line break, or both.
        let mut j = i + 1;
        for p in ['-', '\n'] {
            if toks.get(j).map(|t| &t.tok) == Some(&Tok::Punct(p)) {
                j += 1;
            }
        }
        let next = toks.get(j)?;
        let Tok::Word(b) = &next.tok else {
            return None;
        };
        let spells_month = plantab_vocab::MONTHS.iter().any(|m| {
            m.len() == a.text.len() + b.text.len()
                && m.starts_with(a.text.as_str())
                && m.ends_with(b.text.as_str())
        });
        (next.space_before
            && spells_month
            && !plantab_vocab::MONTHS.contains(&a.text.as_str())
            && plantab_vocab::month_number(&b.text, true).is_none())
        .then_some(j)
    };
    let mut i = 0;
    while i < toks.len() {
        if let Some(j) = split_at(&toks, i) {
            let second: String = match toks.get(j).map(|t| &t.tok) {
                Some(Tok::Word(b)) => b.text.clone(),
                _ => String::new(),
            };
            if let Some(Token {
                tok: Tok::Word(a), ..
            }) = toks.get_mut(i)
            {
                a.text.push_str(&second);
                a.entry = date_word(&a.text);
                a.month = month_of(&a.text);
            }
            toks.drain(i + 1..=j);
        }
        i += 1;
    }
    toks
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
    /// Months of a year: a season ("Spring 2023"), from the date
    /// vocabulary.
    Months(MonthSpan),
    /// A part of a year ("early 2024"), from the date vocabulary: of a
    /// financial year, the same share of that year's months.
    Part(MonthSpan),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum YearSpec {
    /// Printed with the period.
    Given(i32),
    /// Not printed: from a neighbouring period or the context.
    Missing,
    /// "this year" / "next year": the context year plus an offset.
    Ctx(i32),
    /// A financial year printed with the period (`2024/25`, `FY2024`).
    Fiscal(Fy),
}

/// A financial year as printed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fy {
    /// A pair of years (`2024-25`, `2024/2025`): the year starting in
    /// `first`. `marked` when printed with `FY` / `financial year`.
    Pair { first: i32, marked: bool },
    /// One year with `FY` / `fiscal year` (`FY2024`, `FY24`): the year
    /// ending in it.
    Ending(i32),
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
    /// The first calendar year of the financial year the period was
    /// printed with, when it was.
    fiscal: Option<i32>,
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
        Unit::Months(MonthSpan { first, last: end })
        | Unit::Part(MonthSpan { first, last: end }) => {
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

/// The month `k` months after `(y, m)`.
fn add_months((y, m): (i32, u32), k: u32) -> (i32, u32) {
    let total = (m - 1) + k;
    (y + (total / 12) as i32, total % 12 + 1)
}

/// The last day of the month before `(y, m)`.
fn day_before((y, m): (i32, u32)) -> Ymd {
    let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    (py, pm, days_in_month(py, pm))
}

/// First and last day of `unit` in the financial year `fy` under `rule`,
/// with the financial year's first calendar year when the period is one
/// of a financial year (`None` when the pair reads as calendar years).
fn fiscal_bounds(
    unit: Unit,
    fy: Fy,
    rule: FiscalYear,
    edge: Option<Edge>,
) -> Option<(DateKind, Ymd, Ymd, Option<i32>)> {
    let m = rule.start_month;
    if !(1..=12).contains(&m) {
        return None;
    }
    let first = match fy {
        Fy::Pair { first, .. } => first,
        Fy::Ending(n) if m == 1 => n,
        Fy::Ending(n) => n - 1,
    };
    // A quarter or half of a pair is one of a financial year wherever
    // the year is not the calendar year (`Q3 2024/25`).
    let part_of_year = matches!(unit, Unit::Quarter(_) | Unit::Half(_));
    let calendar_pair = matches!(fy, Fy::Pair { marked, .. }
        if m == 1 || !(rule.pairs || marked || part_of_year));
    if calendar_pair {
        // Two calendar years (`2023-2024` where financial years are the
        // calendar year or named by one year); a part of them is read in
        // the first.
        let unit = match unit {
            Unit::Year => Unit::Years(first + 1),
            other => other,
        };
        return bounds(unit, first, edge).map(|(k, s, e)| (k, s, e, None));
    }
    if !valid_year(first) || !valid_year(first + 1) {
        return None;
    }
    let begin = (first, m);
    // The calendar year of month `mo` inside the financial year.
    let year_of = |mo: u32| if mo >= m { first } else { first + 1 };
    let months = |from: u32, count: u32| {
        let (sy, sm) = add_months(begin, from);
        ((sy, sm, 1), day_before(add_months(begin, from + count)))
    };
    let (kind, start, end) = match unit {
        Unit::Year => {
            let (s, e) = months(0, 12);
            (DateKind::Year, s, e)
        }
        Unit::Quarter(q) if (1..=4).contains(&q) => {
            let (s, e) = months(3 * (q - 1), 3);
            (DateKind::Quarter, s, e)
        }
        Unit::Half(h) if (1..=2).contains(&h) => {
            let (s, e) = months(6 * (h - 1), 6);
            (DateKind::Half, s, e)
        }
        Unit::Part(MonthSpan { first: f, last: l }) => {
            // The same months of the financial year as of the calendar
            // year ("early" = its first four months).
            if !(1..=12).contains(&f) || !(1..=12).contains(&l) || l < f {
                return None;
            }
            let (s, e) = months(f - 1, l - f + 1);
            (DateKind::Range, s, e)
        }
        Unit::Years(last) => {
            // `FY 2022–2026`: from the first financial year's start to
            // the last one's end.
            let last_first = match fy {
                Fy::Ending(_) if m != 1 => last - 1,
                _ => last,
            };
            if last_first < first || !valid_year(last_first + 1) {
                return None;
            }
            let e = day_before(add_months((last_first, m), 12));
            (DateKind::Range, (first, m, 1), e)
        }
        Unit::Month(_) | Unit::Day(_, _) | Unit::Months(_) => {
            let mo = mo_of(unit);
            if !(1..=12).contains(&mo) {
                return None;
            }
            bounds(unit, year_of(mo), None)?
        }
        _ => return None,
    };
    // A season named by a pair (`Winter 2023-24`) is the winter between
    // the two years, not a part of a financial year.
    let label = (!matches!(unit, Unit::Months(_) | Unit::Years(_))).then_some(first);
    Some(match edge {
        None => (kind, start, end, label),
        Some(Edge::Start) => (DateKind::Date, start, start, label),
        Some(Edge::End) => (DateKind::Date, end, end, label),
    })
}

/// The first month of a unit that has one (months, days, seasons,
/// quarters, halves); 0 for the others.
fn mo_of(unit: Unit) -> u32 {
    match unit {
        Unit::Day(m, _) | Unit::Month(m) => m,
        Unit::Quarter(q) => (3 * q).saturating_sub(2),
        Unit::Half(h) => (6 * h).saturating_sub(5),
        Unit::Months(span) => span.first,
        Unit::Year | Unit::Years(_) | Unit::Part(_) => 0,
    }
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

    /// A four-digit year at `i`, also when a narrow cell broke it over
    /// two lines (`202` / `4`, read as `202 4` once unwrapped): the year
    /// and the index after it.
    fn year4_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            return Some((y, i + 1));
        }
        let (head, rest) = self.broken_number(i, 4)?;
        let y = head as i32;
        valid_year(y).then_some((y, rest))
    }

    /// Digits at `i` that a line break split into two runs (`202` `4`,
    /// `2` `023`): their value when the runs together have `digits`
    /// digits and the first alone could not be a year, with the index
    /// after the second.
    fn broken_number(&self, i: usize, digits: usize) -> Option<(u32, usize)> {
        let (Some(a), da, false) = self.num(i)? else {
            return None;
        };
        if !(da == 1 || da == 3) || da >= digits {
            return None;
        }
        // The second run on the next line (`202` / `3`), or after a space
        // once the cell was unwrapped (`202 3`).
        let k = if self.punct(i + 1) == Some('\n') {
            i + 2
        } else {
            i + 1
        };
        let (Some(b), db, false) = self.num(k)? else {
            return None;
        };
        let spaced = self.toks.get(k).is_some_and(|t| t.space_before);
        // Not a time (`20 23:00`) or the start of another number.
        let after = self.punct(k + 1);
        if !spaced || da + db != digits || matches!(after, Some(':' | '.' | '/')) {
            return None;
        }
        Some((a * 10u32.pow(db as u32) + b, k + 1))
    }

    /// The pair a four-digit year `y` at `i` starts (`2024-25`, `2024/25`,
    /// `2024/2025`, `2024 – 2025`): the index after it, when the second
    /// year is the next one. A two-digit (or one-digit) second year must
    /// be printed tight against the separator.
    fn pair_after(&self, i: usize, y: i32) -> Option<usize> {
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-') {
            return None;
        }
        let tight = self.tight(i + 1) && self.tight(i + 2);
        let (v, d, ord) = self.num(i + 2)?;
        let v = v? as i32;
        let next = y + 1;
        let consecutive = match d {
            4 => v == next,
            2 => tight && v == next.rem_euclid(100),
            1 => tight && sep == '/' && v == next.rem_euclid(10),
            _ => false,
        };
        (consecutive && !ord).then_some(i + 3)
    }

    /// A financial-year marker at `i` (`FY`, `fiscal year`, `financial
    /// year`, `fiscal`): the index after it.
    fn fiscal_marker(&self, i: usize) -> Option<usize> {
        match self.word(i)? {
            "fy" => Some(i + 1),
            "fiscal" | "financial" if self.word(i + 1) == Some("year") => Some(i + 2),
            "fiscal" => Some(i + 1),
            _ => None,
        }
    }

    /// A financial year after a marker at `i` (`FY2024`, `FY 24`, `FY
    /// 2024-25`, `fiscal year 2009-2010`, `FY 2022–2026`): the year, the
    /// last year of a span of financial years, and the index after it.
    fn fiscal_spec(&self, i: usize) -> Option<(Fy, Option<i32>, usize)> {
        let mut j = self.fiscal_marker(i)?;
        if self.punct(j) == Some('-') && self.tight(j) {
            j += 1;
        }
        let (v, d, ord) = self.num(j)?;
        let v = v?;
        if ord {
            return None;
        }
        let y = match d {
            4 if valid_year(v as i32) => v as i32,
            2 => century(v),
            _ => return None,
        };
        let pair_end = match d {
            4 => self.pair_after(j, y),
            // `FY23/24`, `FY 23-24`
            _ => match (self.punct(j + 1), self.num(j + 2)) {
                (Some('/' | '-'), Some((Some(b), 2, false)))
                    if self.tight(j + 1) && self.tight(j + 2) && century(b) == y + 1 =>
                {
                    Some(j + 3)
                }
                _ => None,
            },
        };
        if let Some(next) = pair_end {
            return Some((
                Fy::Pair {
                    first: y,
                    marked: true,
                },
                None,
                next,
            ));
        }
        // `FY 2022–2026`: a span of financial years.
        if d == 4 && self.punct(j + 1) == Some('-') {
            if let Some(last) = self.year4(j + 2).filter(|l| *l > y + 1) {
                return Some((Fy::Ending(y), Some(last), j + 3));
            }
        }
        Some((Fy::Ending(y), None, j + 1))
    }

    /// A quarter or half at `i` (`Q2`, `H1`, `quarter 3`): the unit and
    /// the index after it.
    fn quarter_or_half(&self, i: usize) -> Option<(Unit, usize)> {
        let w = self.word(i)?;
        let (v, digits, _) = self.num(i + 1)?;
        let v = v.filter(|_| digits == 1)?;
        match w {
            "q" if self.tight(i + 1) && (1..=4).contains(&v) => Some((Unit::Quarter(v), i + 2)),
            "h" if self.tight(i + 1) && (1..=2).contains(&v) => Some((Unit::Half(v), i + 2)),
            "quarter" | "qtr" if (1..=4).contains(&v) => Some((Unit::Quarter(v), i + 2)),
            _ => None,
        }
    }

    /// A financial-year period starting with a marker at `i`: `FY2024`,
    /// `FY2024 Q2`, `fiscal year 2024-25`, `FY 2022–2026`.
    fn fiscal_period(&self, i: usize) -> Option<(Period, usize)> {
        let (fy, last, next) = self.fiscal_spec(i)?;
        if let Some(last) = last {
            return Some((Period::new(Unit::Years(last), YearSpec::Fiscal(fy)), next));
        }
        if let Some((unit, after)) = self.quarter_or_half(next) {
            return Some((Period::new(unit, YearSpec::Fiscal(fy)), after));
        }
        Some((Period::new(Unit::Year, YearSpec::Fiscal(fy)), next))
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
                let (spec, mut next) = match self.pair_after(j, y) {
                    Some(next) => (
                        YearSpec::Fiscal(Fy::Pair {
                            first: y,
                            marked: false,
                        }),
                        next,
                    ),
                    None => (YearSpec::Given(y), j + 1),
                };
                if self.punct(next) == Some(')') {
                    next += 1;
                }
                return Some((spec, next));
            }
            if let Some((fy, None, next)) = self.fiscal_spec(j) {
                return Some((YearSpec::Fiscal(fy), next));
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
            // `2012 – 2013`: a pair printed with spaces.
            if let Some(next) = self.pair_after(i, y) {
                let fy = Fy::Pair {
                    first: y,
                    marked: false,
                };
                if let Some((unit, after)) = self.quarter_or_half(next) {
                    return Some(Ok((Period::new(unit, YearSpec::Fiscal(fy)), after)));
                }
                return Some(Ok((Period::new(Unit::Year, YearSpec::Fiscal(fy)), next)));
            }
            return Some(Ok((Period::new(Unit::Year, YearSpec::Given(y)), i + 1)));
        }
        if let Some(found) = self.fiscal_period(i) {
            return Some(Ok(found));
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
                    Period::new(Unit::Part(part), YearSpec::Given(y)),
                    j + 1,
                )));
            }
            if let Some((y, next)) = self.ctx_year(j) {
                return Some(Ok((Period::new(Unit::Part(part), y), next)));
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
        // A line break after the second separator (`30/11/` / `2023`)
        // leaves a space before a four-digit year.
        let t = if self.punct(i + 4) == Some('\n') {
            i + 5
        } else {
            i + 4
        };
        let broken_after_sep = sep != '-' && matches!(self.num(t), Some((_, 4, false)));
        let third = if self.punct(i + 3) == Some(sep)
            && self.tight(i + 3)
            && (self.tight(t) || broken_after_sep)
        {
            self.num(t)
        } else {
            None
        };
        if let Some((c, dc, _)) = third {
            // A year broken inside a narrow cell (`30/11/202` / `3`).
            let (c, dc, next) = match self.broken_number(t, 4) {
                Some((joined, after)) => (Some(joined), 4, after),
                None => (c, dc, t + 1),
            };
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
            if end == y + 1 && (db != 1 || sep == '/') {
                // `2024-25`, `2024/25`, `2024/2025`: a financial year
                // (see `FiscalYear`), `2024-25 Q2` a quarter of it.
                let fy = YearSpec::Fiscal(Fy::Pair {
                    first: y,
                    marked: false,
                });
                if let Some((unit, after)) = self.quarter_or_half(next) {
                    return Some(Ok((Period::new(unit, fy), after)));
                }
                return Some(Ok((Period::new(Unit::Year, fy), next)));
            }
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
        if let Some((y, after)) = self.year4_at(k) {
            return Some(Ok((
                Period::new(Unit::Day(m, v), YearSpec::Given(y)),
                after,
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
        if let Some((y, after)) = self.year4_at(j) {
            // `June 2024/25`: the June of that financial year.
            if let Some(next) = self.pair_after(j, y).filter(|_| after == j + 1) {
                let fy = Fy::Pair {
                    first: y,
                    marked: false,
                };
                return Some(Ok((
                    Period::new(Unit::Month(m), YearSpec::Fiscal(fy)),
                    next,
                )));
            }
            return Some(Ok((Period::new(Unit::Month(m), YearSpec::Given(y)), after)));
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
            // `end of March`, `by May`, `late March`: a word that only
            // goes before a date.
            let after_date_word = prev.and_then(|k| self.word(k)).is_some_and(|p| {
                matches!(
                    p,
                    "of" | "by"
                        | "in"
                        | "from"
                        | "until"
                        | "till"
                        | "before"
                        | "after"
                        | "since"
                        | "early"
                        | "mid"
                        | "late"
                        | "end"
                        | "during"
                        | "due"
                )
            });
            if !neighbour_month(prev) && !neighbour_month(next) && !after_date_word {
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
                ',' | '&' | '+' | ';' | '\n' | '/' | '|' => (Some(Item::Sep), 1),
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

fn interpret(raw: &str, ctx: &DateContext) -> Reading {
    let toks = lex(raw);
    let has_text = toks.iter().any(|t| !matches!(t.tok, Tok::Punct(_)));
    if !has_text {
        let dash_only = toks.iter().any(|t| t.tok == Tok::Punct('-'));
        let kind = if dash_only {
            DateKind::NotApplicable
        } else {
            DateKind::Unknown
        };
        return Reading::new(kind, None, None, false);
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
        return Reading::new(DateKind::Unknown, None, None, false);
    }
    let spans = spans(&items, ctx);
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
        return Reading::new(DateKind::Recurring, min_start(&dated), None, false);
    }
    if tbc {
        return Reading::new(DateKind::Tbc, min_start(&all), max_end(&all), inferred);
    }
    if spans.is_empty() {
        let kind = if ongoing {
            DateKind::Ongoing
        } else if na {
            DateKind::NotApplicable
        } else {
            DateKind::Unknown
        };
        return Reading::new(kind, None, None, false);
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
            return Reading::new(DateKind::Ongoing, min_start(&from), max_end(&to), inferred);
        }
        if let [one] = distinct[..] {
            return Reading::new(DateKind::Ongoing, Some(one.start), Some(one.end), inferred);
        }
        return Reading::new(DateKind::Multiple, min_start(&all), max_end(&all), inferred);
    }
    if let [one] = distinct[..] {
        let mut r = Reading::new(one.kind, Some(one.start), Some(one.end), inferred);
        r.fiscal_year = one.fiscal.map(|first| fiscal_label(first, ctx));
        return r;
    }
    Reading::new(DateKind::Multiple, min_start(&all), max_end(&all), inferred)
}

/// The `fiscal_year` label of the financial year starting in `first`:
/// `2024-25`, or `2024` where the financial year is the calendar year.
fn fiscal_label(first: i32, ctx: &DateContext) -> String {
    if ctx.fiscal.unwrap_or(FiscalYear::DEFAULT).start_month == 1 {
        format!("{first:04}")
    } else {
        format!("{first:04}-{:02}", (first + 1).rem_euclid(100))
    }
}

/// Settles years, computes days, joins `A to B` into ranges and marks
/// open-ended anchors.
fn spans(items: &[Item], ctx: &DateContext) -> Vec<Span> {
    let ctx_year = ctx.year.filter(|y| valid_year(*y));
    // The year a year-less period takes from the context: the one that
    // puts its first month in the twelve months from `yearless_from`,
    // else the context year.
    let from_context = |unit: Unit| -> Option<i32> {
        match ctx.yearless_from {
            Some((fy, fm)) if valid_year(fy) && (1..=12).contains(&fm) => {
                let mo = mo_of(unit);
                Some(if mo == 0 || mo >= fm { fy } else { fy + 1 })
            }
            _ => ctx_year,
        }
    };
    // 1. Years.
    let mut resolved: Vec<Option<(Period, Settled, YearSource)>> = vec![None; items.len()];
    for (k, it) in items.iter().enumerate() {
        let Item::Period(p) = it else { continue };
        let settled = match p.year {
            YearSpec::Given(y) => Some((Settled::Calendar(y), YearSource::Cell)),
            YearSpec::Fiscal(fy) => Some((Settled::Fiscal(fy), YearSource::Cell)),
            YearSpec::Ctx(off) => {
                ctx_year.map(|y| (Settled::Calendar(y + off), YearSource::Context))
            }
            YearSpec::Missing => later_year(items, k)
                .or_else(|| earlier_year(items, k))
                .map(|y| (y, YearSource::Borrowed))
                .or_else(|| {
                    from_context(p.unit).map(|y| (Settled::Calendar(y), YearSource::Context))
                }),
        };
        if let (Some((y, src)), Some(slot)) = (settled, resolved.get_mut(k)) {
            *slot = Some((*p, y, src));
        }
    }
    let rule = ctx.fiscal.unwrap_or(FiscalYear::DEFAULT);
    let span_bounds = |p: &Period, y: Settled| -> Option<(DateKind, Ymd, Ymd, Option<i32>)> {
        match y {
            Settled::Calendar(y) => bounds(p.unit, y, p.edge).map(|(k, s, e)| (k, s, e, None)),
            Settled::Fiscal(fy) => fiscal_bounds(p.unit, fy, rule, p.edge),
        }
    };
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
                let Some((kind, start, end, fiscal)) = span_bounds(&p, y) else {
                    continue;
                };
                let mut span = Span {
                    kind,
                    start,
                    end,
                    source: src,
                    anchor: Anchor::None,
                    fiscal,
                };
                if pending_to {
                    if let Some(left) = last_span.and_then(|l| out.get_mut(l)) {
                        // "Dec 2023 - Feb": a borrowed year that runs
                        // backwards belongs to the next year.
                        if let (true, Settled::Calendar(y)) =
                            (span.end < left.start && src != YearSource::Cell, y)
                        {
                            if let Some((_, s2, e2)) = bounds(p.unit, y + 1, p.edge) {
                                span.start = s2;
                                span.end = e2;
                            }
                        }
                        left.kind = DateKind::Range;
                        left.end = span.end;
                        left.anchor = Anchor::None;
                        left.fiscal = None;
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

/// A period's year once settled: a calendar year or a financial year.
#[derive(Debug, Clone, Copy)]
enum Settled {
    Calendar(i32),
    Fiscal(Fy),
}

/// The year a period printed one with gives its year-less neighbours.
fn lent_year(p: &Period) -> Option<Settled> {
    match p.year {
        YearSpec::Given(y) => Some(Settled::Calendar(y)),
        YearSpec::Fiscal(fy) => Some(Settled::Fiscal(fy)),
        _ => None,
    }
}

/// The year of a later period in the same list (`Q2, Q4 2023`).
fn later_year(items: &[Item], k: usize) -> Option<Settled> {
    for it in items.iter().skip(k + 1) {
        match it {
            Item::Period(p) => {
                if let Some(y) = lent_year(p) {
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
fn earlier_year(items: &[Item], k: usize) -> Option<Settled> {
    items.iter().take(k).rev().find_map(|it| match it {
        Item::Period(p) => lent_year(p),
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
            ..DateContext::default()
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
            ("2021-24", "2021-01-01", "2024-12-31"),
            ("2022–2026", "2022-01-01", "2026-12-31"),
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

    fn ctx_with(fiscal: FiscalYear, year: Option<i32>) -> DateContext {
        DateContext {
            year,
            fiscal: Some(fiscal),
            ..Default::default()
        }
    }

    const APRIL: FiscalYear = FiscalYear::DEFAULT;
    const JULY: FiscalYear = FiscalYear {
        start_month: 7,
        pairs: true,
    };
    const US_FEDERAL: FiscalYear = FiscalYear {
        start_month: 10,
        pairs: false,
    };
    const US_STATE: FiscalYear = FiscalYear {
        start_month: 7,
        pairs: false,
    };
    const CALENDAR: FiscalYear = FiscalYear {
        start_month: 1,
        pairs: false,
    };

    /// (raw, kind, start, end, fiscal_year) under `rule`.
    fn check_fiscal(rule: FiscalYear, cases: &[(&str, DateKind, &str, &str, Option<&str>)]) {
        let ctx = ctx_with(rule, None);
        for &(raw, kind, s, e, fy) in cases {
            let v = parse_date(raw, &ctx);
            assert_eq!(facts(&v), (kind, Some(s), Some(e)), "{raw} under {rule:?}");
            assert_eq!(v.fiscal_year.as_deref(), fy, "{raw}");
            assert!(!v.year_inferred, "{raw}");
        }
    }

    /// Financial years as UK, Scottish, Welsh and Canadian plans print
    /// them (April years, written as pairs): the wordings of the
    /// Scottish fuel-poverty, Welsh housing, Canadian mandate-letter and
    /// council plans in `fixtures/own`, the survey's `2012-13`,
    /// `2014–2015`, `Q2 2012/2013`, and the research's `2024 to 2025` (a
    /// span, not a pair: calendar years).
    #[test]
    fn april_financial_years() {
        check_fiscal(
            APRIL,
            &[
                ("2023-24", Year, "2023-04-01", "2024-03-31", Some("2023-24")),
                ("2024/25", Year, "2024-04-01", "2025-03-31", Some("2024-25")),
                ("2024–25", Year, "2024-04-01", "2025-03-31", Some("2024-25")),
                ("2012-13", Year, "2012-04-01", "2013-03-31", Some("2012-13")),
                (
                    "2014–2015",
                    Year,
                    "2014-04-01",
                    "2015-03-31",
                    Some("2014-15"),
                ),
                (
                    "2012 – 2013",
                    Year,
                    "2012-04-01",
                    "2013-03-31",
                    Some("2012-13"),
                ),
                ("2011-12", Year, "2011-04-01", "2012-03-31", Some("2011-12")),
                ("2099/00", Year, "2099-04-01", "2100-03-31", Some("2099-00")),
                (
                    "Q3 2024-25",
                    Quarter,
                    "2024-10-01",
                    "2024-12-31",
                    Some("2024-25"),
                ),
                (
                    "Q1 2024-25",
                    Quarter,
                    "2024-04-01",
                    "2024-06-30",
                    Some("2024-25"),
                ),
                (
                    "Q4 2024–25",
                    Quarter,
                    "2025-01-01",
                    "2025-03-31",
                    Some("2024-25"),
                ),
                (
                    "Q4 2023/24",
                    Quarter,
                    "2024-01-01",
                    "2024-03-31",
                    Some("2023-24"),
                ),
                (
                    "Q2 2012/2013",
                    Quarter,
                    "2012-07-01",
                    "2012-09-30",
                    Some("2012-13"),
                ),
                (
                    "Quarter 2 2020/21",
                    Quarter,
                    "2020-07-01",
                    "2020-09-30",
                    Some("2020-21"),
                ),
                (
                    "H1 2025-26",
                    Half,
                    "2025-04-01",
                    "2025-09-30",
                    Some("2025-26"),
                ),
                (
                    "second half of 2025-26",
                    Half,
                    "2025-10-01",
                    "2026-03-31",
                    Some("2025-26"),
                ),
                (
                    "end of 2024/25",
                    Date,
                    "2025-03-31",
                    "2025-03-31",
                    Some("2024-25"),
                ),
                (
                    "FY 2024-25",
                    Year,
                    "2024-04-01",
                    "2025-03-31",
                    Some("2024-25"),
                ),
                (
                    "financial year 2011-12",
                    Year,
                    "2011-04-01",
                    "2012-03-31",
                    Some("2011-12"),
                ),
                (
                    "2023-24 to 2025-26",
                    Range,
                    "2023-04-01",
                    "2026-03-31",
                    None,
                ),
                ("Winter 2023-24", Range, "2023-12-01", "2024-02-29", None),
                ("2024 to 2025", Range, "2024-01-01", "2025-12-31", None),
                (
                    "Q2 2012/13, Q1 2012/13",
                    Multiple,
                    "2012-04-01",
                    "2012-09-30",
                    None,
                ),
                // A year-less quarter takes the pair printed after it.
                ("Q3, Q4 2024-25", Multiple, "2024-10-01", "2025-03-31", None),
            ],
        );
        // Calendar forms are untouched.
        check_fiscal(
            APRIL,
            &[
                ("Q2 2012", Quarter, "2012-04-01", "2012-06-30", None),
                ("2021-24", Range, "2021-01-01", "2024-12-31", None),
                ("Spring 2024", Range, "2024-03-01", "2024-05-31", None),
            ],
        );
        // No rule given: the same (April is the default).
        let v = p("Q3 2024/25");
        assert_eq!(facts(&v), (Quarter, Some("2024-10-01"), Some("2024-12-31")));
    }

    /// Australian, New Zealand and US state years start in July: the
    /// Victorian and New Zealand plans of `fixtures/own`, NZTA's `Q3
    /// 2016/17` = January–March 2017, New Mexico's `FY 2016 Quarter One`
    /// = July–September 2015, Australia's `FY23` = the year to June 2023.
    #[test]
    fn july_financial_years() {
        check_fiscal(
            JULY,
            &[
                (
                    "Q1 2025–26",
                    Quarter,
                    "2025-07-01",
                    "2025-09-30",
                    Some("2025-26"),
                ),
                (
                    "Q3 2024–25",
                    Quarter,
                    "2025-01-01",
                    "2025-03-31",
                    Some("2024-25"),
                ),
                (
                    "Q3 2024/25",
                    Quarter,
                    "2025-01-01",
                    "2025-03-31",
                    Some("2024-25"),
                ),
                (
                    "Q4 2024/25",
                    Quarter,
                    "2025-04-01",
                    "2025-06-30",
                    Some("2024-25"),
                ),
                (
                    "Q3 2016/17",
                    Quarter,
                    "2017-01-01",
                    "2017-03-31",
                    Some("2016-17"),
                ),
                ("2024–25", Year, "2024-07-01", "2025-06-30", Some("2024-25")),
                (
                    "2025–26 to 2027–28",
                    Range,
                    "2025-07-01",
                    "2028-06-30",
                    None,
                ),
                ("FY23", Year, "2022-07-01", "2023-06-30", Some("2022-23")),
                (
                    "FY 2016 Q1",
                    Quarter,
                    "2015-07-01",
                    "2015-09-30",
                    Some("2015-16"),
                ),
                // A month of a financial year falls in its calendar year.
                (
                    "June 2024/25",
                    Month,
                    "2025-06-01",
                    "2025-06-30",
                    Some("2024-25"),
                ),
            ],
        );
        check_fiscal(
            US_STATE,
            &[
                (
                    "Q3 FY2024",
                    Quarter,
                    "2024-01-01",
                    "2024-03-31",
                    Some("2023-24"),
                ),
                (
                    "Third Quarter, Fiscal Year 2024",
                    Quarter,
                    "2024-01-01",
                    "2024-03-31",
                    Some("2023-24"),
                ),
                ("FY2024", Year, "2023-07-01", "2024-06-30", Some("2023-24")),
            ],
        );
    }

    /// US federal years start in October and are named by the year they
    /// end in (CRS 98-325): the coastal-resilience milestones of
    /// `fixtures/own`. An unmarked pair there is two calendar years
    /// (`DRAFT 2019-2020 Federal Data Strategy Action Plan`).
    #[test]
    fn us_federal_financial_years() {
        check_fiscal(
            US_FEDERAL,
            &[
                (
                    "FY2024 Q2",
                    Quarter,
                    "2024-01-01",
                    "2024-03-31",
                    Some("2023-24"),
                ),
                (
                    "Q3 FY2025",
                    Quarter,
                    "2025-04-01",
                    "2025-06-30",
                    Some("2024-25"),
                ),
                (
                    "FY2024 Q1",
                    Quarter,
                    "2023-10-01",
                    "2023-12-31",
                    Some("2023-24"),
                ),
                (
                    "FY2024 Q4",
                    Quarter,
                    "2024-07-01",
                    "2024-09-30",
                    Some("2023-24"),
                ),
                (
                    "End of FY 2024",
                    Date,
                    "2024-09-30",
                    "2024-09-30",
                    Some("2023-24"),
                ),
                ("FY2025", Year, "2024-10-01", "2025-09-30", Some("2024-25")),
                ("FY2026", Year, "2025-10-01", "2026-09-30", Some("2025-26")),
                ("FY 2023", Year, "2022-10-01", "2023-09-30", Some("2022-23")),
                (
                    "Q1 FY2024",
                    Quarter,
                    "2023-10-01",
                    "2023-12-31",
                    Some("2023-24"),
                ),
                (
                    "fiscal year 2009-2010",
                    Year,
                    "2009-10-01",
                    "2010-09-30",
                    Some("2009-10"),
                ),
                ("FY 2022–2026", Range, "2021-10-01", "2026-09-30", None),
                ("2019-2020", Range, "2019-01-01", "2020-12-31", None),
                (
                    "Q3 2024/25",
                    Quarter,
                    "2025-04-01",
                    "2025-06-30",
                    Some("2024-25"),
                ),
            ],
        );
    }

    /// Jersey's and Ireland's financial year is the calendar year
    /// (research/VOCABULARY.md §6): `FY2023` is 2023, a pair two
    /// calendar years.
    #[test]
    fn calendar_financial_years() {
        check_fiscal(
            CALENDAR,
            &[
                ("FY2023", Year, "2023-01-01", "2023-12-31", Some("2023")),
                ("2024-25", Range, "2024-01-01", "2025-12-31", None),
                ("Q4 2024", Quarter, "2024-10-01", "2024-12-31", None),
                ("H1 2025", Half, "2025-01-01", "2025-06-30", None),
            ],
        );
    }

    /// A year-less month or day takes the year that puts it in the twelve
    /// months from `yearless_from`: the forward-looking window of a
    /// tracker ("Position at the end of October 2023": `31-Dec` →
    /// 2023, `end of March` → 2024), of a July 2011 action log whose
    /// overdue June deadline stays 2011, and of a New Zealand 2024/25
    /// report (`June` → 2025).
    #[test]
    fn yearless_dates_take_the_year_of_the_window() {
        let window = |y: i32, m: u32| DateContext {
            year: Some(y),
            yearless_from: Some((y, m)),
            ..Default::default()
        };
        // Harrowfield: reporting month October 2023, window from July 2023.
        let ctx = window(2023, 7);
        for (raw, s, e) in [
            ("31-Dec", "2023-12-31", "2023-12-31"),
            ("end of March", "2024-03-31", "2024-03-31"),
            ("end of January", "2024-01-31", "2024-01-31"),
            ("Feb", "2024-02-01", "2024-02-29"),
            ("September", "2023-09-01", "2023-09-30"),
            ("late January", "2024-01-01", "2024-01-31"),
        ] {
            let v = parse_date(raw, &ctx);
            assert_eq!(
                (v.start.as_deref(), v.end.as_deref()),
                (Some(s), Some(e)),
                "{raw}"
            );
            assert!(v.year_inferred, "{raw}");
        }
        // TB(8): as of 19 July 2011, window from April 2011.
        let ctx = window(2011, 4);
        for (raw, s) in [
            ("June", "2011-06-01"),
            ("August", "2011-08-01"),
            ("September", "2011-09-01"),
            ("23-Mar", "2012-03-23"),
        ] {
            assert_eq!(parse_date(raw, &ctx).start.as_deref(), Some(s), "{raw}");
        }
        // New Zealand 2024/25 (July year): window from July 2024.
        let ctx = window(2024, 7);
        assert_eq!(
            parse_date("June", &ctx).start.as_deref(),
            Some("2025-06-01")
        );
        assert_eq!(
            parse_date("late January", &ctx).end.as_deref(),
            Some("2025-01-31")
        );
        // A printed year is never moved, and "this year" is the year.
        assert_eq!(
            parse_date("June 2024", &ctx).start.as_deref(),
            Some("2024-06-01")
        );
        assert_eq!(
            parse_date("end of the year", &ctx).start.as_deref(),
            Some("2024-12-31")
        );
        // A range that runs past the window's end keeps its order.
        let v = parse_date("May - August", &ctx);
        assert_eq!(facts(&v), (Range, Some("2025-05-01"), Some("2025-08-31")));
    }

    /// Dates a narrow cell broke over two lines: `30/11/202` / `3` (the
    /// council tracker of `fixtures/own`), as printed and as unwrapped,
    /// and month names split mid-word.
    #[test]
    fn dates_broken_inside_a_cell() {
        for raw in [
            "30/11/202\n3",
            "30/11/202 3",
            "30/11/2\n023",
            "30/11/\n2023",
            "30 November 202\n3",
        ] {
            assert_eq!(
                facts(&p(raw)),
                (Date, Some("2023-11-30"), Some("2023-11-30")),
                "{raw:?}"
            );
        }
        assert_eq!(
            facts(&p("31/03/202\n4")),
            (Date, Some("2024-03-31"), Some("2024-03-31"))
        );
        for raw in [
            "Septem\nber 2024",
            "Septem- ber 2024",
            "Septem-\nber 2024",
            "Decem ber 2024",
        ] {
            let v = p(raw);
            assert_eq!(v.kind, Month, "{raw:?}");
            assert!(
                v.start.as_deref().is_some_and(|s| s.starts_with("2024-")),
                "{raw:?}"
            );
        }
        // Not joined: a two-digit year and a second number, a time, two
        // months.
        assert_eq!(facts(&p("31/12/21 22")).1, Some("2021-12-31"));
        assert_eq!(facts(&p("Mar May 2024")).1, Some("2024-05-01"));
        // U+2010 (the hyphen of `May‐2011` in a TB log's text layer).
        assert_eq!(
            facts(&p("May\u{2010}2011")),
            (Month, Some("2011-05-01"), Some("2011-05-31"))
        );
        assert_eq!(
            facts(&p("Mar\u{2010}2011")),
            (Month, Some("2011-03-01"), Some("2011-03-31"))
        );
    }

    /// The council tracker's narrow `Due` column prints `30/11/2023` as
    /// `30/11/202` over `3`: the cell's raw text is the unbroken date.
    #[test]
    fn broken_lines_are_joined_in_date_cells() {
        for (cell, joined) in [
            ("30/11/202\n3", "30/11/2023"),
            ("31/03/202\n4", "31/03/2024"),
            ("30/11/\n2023", "30/11/2023"),
            ("1.1.2\n024", "1.1.2024"),
            ("Septem-\nber 2024", "September 2024"),
            ("30 Septem\nber 2024", "30 September 2024"),
            ("Q2 2023\nQ4 2023", "Q2 2023\nQ4 2023"),
            ("Late\nSpring\n2011", "Late\nSpring\n2011"),
            ("31/12/21\n22", "31/12/21\n22"),
            ("May\n2024", "May\n2024"),
            (
                "Done\n[Council\n19 July\n2023]",
                "Done\n[Council\n19 July\n2023]",
            ),
            ("30/11/202\n3 (revised)", "30/11/2023 (revised)"),
            ("", ""),
        ] {
            assert_eq!(join_broken_lines(cell), joined, "{cell:?}");
        }
        assert!(matches!(
            join_broken_lines("Q4 2023"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// The memo is keyed by the whole context: one text under two rules.
    #[test]
    fn memo_keeps_contexts_apart() {
        let a = parse_date("Q3 2024/25", &ctx_with(APRIL, None));
        let b = parse_date("Q3 2024/25", &ctx_with(JULY, None));
        let c = parse_date("Q3 2024/25", &ctx_with(APRIL, None));
        assert_eq!(a.start.as_deref(), Some("2024-10-01"));
        assert_eq!(b.start.as_deref(), Some("2025-01-01"));
        assert_eq!(a, c);
        let w1 = DateContext {
            year: Some(2023),
            yearless_from: Some((2023, 7)),
            ..Default::default()
        };
        let w2 = DateContext {
            year: Some(2023),
            ..Default::default()
        };
        assert_eq!(
            parse_date("March", &w1).start.as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            parse_date("March", &w2).start.as_deref(),
            Some("2023-03-01")
        );
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
