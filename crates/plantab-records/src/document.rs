//! Document-level facts from the text around the tables: title, kind,
//! owner, period, status legend, and what the document says about its
//! dates (reporting date, financial year, jurisdiction).
//!
//! # Front matter
//!
//! The *cover* is the first page with text that is not page furniture (the
//! first lines before a table, for text input without pages). Page
//! furniture is never a title or owner:
//!
//! * table-of-contents lines (a run of four or more leader dots, or `…`,
//!   before a page number);
//! * running headers and footers: a text (digits ignored) printed on at
//!   least two pages and on at least half of them, unless it is a heading
//!   of the cover;
//! * copyright lines (`©`, `Crown copyright`), page numbers (`Page 3 of
//!   9`, `| 1`), web and mail addresses alone on a line;
//! * protective markings, template placeholders, producer stamps and
//!   version lines of `plantab-vocab/data/document_noise.tsv`
//!   (`UNCLASSIFIED`, `OFFICIAL`, `Page Title`, `Created with novaPDF`,
//!   `Final`, `Version 2.0`);
//! * lines of fewer than three letters (print marks).
//!
//! # Title
//!
//! The cover's top-level headings (level 1–3, the smallest level printed),
//! read in order from the first, as one title while they go on at the same
//! level: a wrapped title printed as two headings is kept whole ("The power
//! of information:" + "Putting all of us in control …"). The run stops at
//! a date line (a publication date, "June 2012 – March 2014"), a quoted or
//! bracketed tagline, a section heading (`Appendix 2:`, `Goal 1:`), a long
//! sentence, or a line naming an owner; a line that is only a year or a
//! span of years joins it ("Open Data Strategy" + "2012 – 2015"). An owner
//! line before the title ("Cabinet Office" over "Open Data Strategy") is
//! put in front of a short title (at most four words besides years, naming
//! a kind of document), and is the title when nothing follows it. Without
//! such headings, the first short cover lines (after owner lines) are the
//! title when they name a kind of document (`document_kinds.tsv`).
//!
//! # Owner
//!
//! The body the cover names: a short cover line holding an owner word of
//! `document_owners.tsv` (`Department`, `Council`, `Ministry`, `Agency`,
//! `Board` …; `Government`, `State` only when nothing more specific is
//! printed), cut to the name ("Ministry for Civic Services · Progress
//! tracker as at 31 May 2024" → "Ministry for Civic Services"; parts of a
//! line that are names too stay: "State of Franklin – Office of the
//! Governor"); a name in a title ("Transparency Board Action Log" →
//! "Transparency Board"). Else a short owner line on the first pages (an
//! address block), an acronym or possessive before the title's document
//! kind in the title or a running header ("BIS Open Data Strategy" →
//! "BIS", "DECC's Open Data Strategy" → "DECC"), else a body named in the
//! first paragraphs. One word alone ("Department") is never an owner.
//!
//! # Period
//!
//! As printed: the title's period (a single year or financial year first —
//! `2024`, `2024/25`, `FY 2024` — then a quarter, a span of years, a span of
//! months, a season), else the first cover line that prints one, else the
//! years plan-table headers name, else the year the front matter names
//! most often.
//!
//! # Dates (see [`DateFacts`])
//!
//! * Financial year: `--fiscal-year-start` (library option) wins; then what
//!   the document states ("The 2024/25 financial year runs from 1 July",
//!   "Fiscal years run October 1 through September 30", "the calendar year
//!   2024, the Government's financial year", a quarter or financial year
//!   printed with its months: "Q3 2023–24 (October 1 to December 31,
//!   2023)"); then the jurisdiction its cues name most often
//!   (`jurisdiction_cues.tsv`, `jurisdictions.tsv`); else April, with
//!   years written as pairs.
//! * Reporting date: the date after "as of", "as at", "position at", "at /
//!   to the end of", "ending", "updated", "(to …)" in the title or cover
//!   text, or the end of a span of dates in the title.
//! * Year-less dates ("June", "31-Dec", "late January"): when the period is
//!   one financial year, the year that puts them in it; when it is one
//!   calendar year, that year; with no period, the year that puts them
//!   between three months before and eight months after the reporting
//!   month (a tracker looks forward: in a report at the end of October
//!   2023, "31-Dec" is 2023 and "end of March" 2024; in a log of 19 July
//!   2011, an overdue "June" is 2011); else the front matter's year.

use crate::dates::{parse_date, DateContext, FiscalYear};
use crate::short_regex::{mentions, Regex};
use plantab_model::{
    DateKind, DocumentKind, LegendItem, RebuiltBlock, StatusCode, StatusLegendEntry, TextBlock,
};
use plantab_vocab::OwnerWordKind;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// How many leading blocks are searched for front-matter facts.
const FRONT_MATTER_BLOCKS: usize = 40;

/// Cover lines read for the title, owner and period.
const COVER_LINES: usize = 24;

/// Most words a title line may have (the first line of a title may be a
/// long report title: "Report on Departmental Open Data Commitments …").
const TITLE_LINE_MAX_WORDS: usize = 16;
const TITLE_FIRST_LINE_MAX_WORDS: usize = 30;

/// Most words of a title an owner line is put in front of.
const SHORT_TITLE_WORDS: usize = 4;

/// Most words a line naming an owner may have.
const OWNER_LINE_MAX_WORDS: usize = 14;

/// Options the caller sets for the records stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The month (1–12) financial years start in, for every document read
    /// (`--fiscal-year-start`): overrides what a document states and its
    /// jurisdiction. `None`: decided per document.
    pub fiscal_year_start: Option<u32>,
}

/// What the front matter tells about dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateFacts {
    /// The document's year: its period's (the first year of a financial
    /// year), else its reporting date's, else the year its front matter
    /// names most often.
    pub year: Option<i32>,
    /// Where the twelve months year-less dates fall in begin (see the
    /// [module documentation](self)).
    pub yearless_from: Option<(i32, u32)>,
    /// The financial-year rule, when anything decided it (the option, the
    /// document, its jurisdiction); `None` for the default.
    pub fiscal: Option<FiscalYear>,
    /// The jurisdiction recognised, by its key (`uk`, `us_federal` …).
    pub jurisdiction: Option<&'static str>,
    /// The date the document reports at (`YYYY-MM-DD`).
    pub reporting_date: Option<String>,
}

impl DateFacts {
    /// The context for the document's date cells.
    pub fn context(&self) -> DateContext {
        DateContext {
            year: self.year,
            yearless_from: self.yearless_from,
            fiscal: self.fiscal,
            ..DateContext::default()
        }
    }

    /// The year of a month printed without one (a status column headed
    /// "December"): by the window of year-less dates, else the
    /// document's year.
    pub fn year_of_month(&self, month: u32) -> Option<i32> {
        match self.yearless_from {
            Some((y, m)) if (1..=12).contains(&month) => {
                Some(if month >= m { y } else { y.saturating_add(1) })
            }
            _ => self.year,
        }
    }
}

/// Title, owner, period and date facts of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The title (see the [module documentation](self)).
    pub title: Option<String>,
    /// The owner.
    pub owner: Option<String>,
    /// The period as printed.
    pub period: Option<String>,
    /// The period the document reports on, as printed: the first quarter
    /// the title or a cover line names ("Quarter 3 2023", "Q3 2013/14"),
    /// else [`Self::period`]. A scorecard's status entries carry it as
    /// their `label`.
    pub reporting_label: Option<String>,
    /// What the front matter tells about dates.
    pub dates: DateFacts,
}

/// One front-matter line.
#[derive(Debug, Clone)]
struct Line {
    /// The text unwrapped onto one line.
    text: String,
    /// The text as printed (line breaks kept).
    printed: String,
    page: Option<u32>,
    heading: Option<u8>,
    noise: bool,
    /// A cell of a table on the cover.
    cell: bool,
}

/// Reads the front matter of `blocks`: title, owner, period, and the date
/// facts. `header_years` are the years plan-table headers name (the
/// period's fallback).
pub fn front_matter(
    blocks: &[RebuiltBlock],
    header_years: &[i32],
    options: &Options,
) -> FrontMatter {
    let running = running_texts(blocks);
    let lines = front_lines(blocks, &running);
    let cover = cover_lines(&lines);
    let title = title_of(&cover);
    let owner = owner_of(&cover, &lines, title.as_deref(), &running, blocks);
    let (period, period_stated) = period_of(title.as_deref(), &cover, header_years, blocks);
    let dates = date_facts(
        title.as_deref(),
        owner.as_deref(),
        period.as_deref(),
        period_stated,
        &cover,
        blocks,
        options,
    );
    let reporting_label = quarter_printed(title.as_deref(), &cover).or_else(|| period.clone());
    FrontMatter {
        title,
        owner,
        period,
        reporting_label,
        dates,
    }
}

/// The first quarter ("Quarter 3 2023", "Q3 2013/14") the title, else a
/// cover line outside tables, prints.
fn quarter_printed(title: Option<&str>, cover: &[&Line]) -> Option<String> {
    let quarter = period_patterns().get(QUARTER_PATTERN)?;
    title
        .into_iter()
        .chain(
            cover
                .iter()
                .filter(|l| !l.noise && !l.cell)
                .map(|l| l.text.as_str()),
        )
        .find_map(|t| quarter.captures(t).and_then(|c| c.get(0)))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The title alone (see [`front_matter`]).
pub fn title(blocks: &[RebuiltBlock]) -> Option<String> {
    front_matter(blocks, &[], &Options::default()).title
}

// ---------------------------------------------------------------------------
// Lines and page furniture

/// A text's form for spotting repeats: lower case, digits as `#`, spacing
/// folded.
fn repeat_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Texts printed as running headers or footers: on at least two pages
/// and at least half of the document's pages.
fn running_texts(blocks: &[RebuiltBlock]) -> BTreeSet<String> {
    let mut pages_of: HashMap<String, BTreeSet<u32>> = HashMap::new();
    let mut all_pages: BTreeSet<u32> = BTreeSet::new();
    for b in blocks {
        match b {
            RebuiltBlock::Text(t) => {
                if let Some(p) = t.page {
                    all_pages.insert(p);
                    if t.text.len() <= 200 {
                        pages_of.entry(repeat_key(&t.text)).or_default().insert(p);
                    }
                }
            }
            RebuiltBlock::Table(t) => all_pages.extend(t.pages.iter().copied()),
            RebuiltBlock::Legend(_) => {}
        }
    }
    let total = all_pages.len();
    if total < 2 {
        return BTreeSet::new();
    }
    pages_of
        .into_iter()
        .filter(|(k, p)| !k.is_empty() && p.len() >= 2 && p.len() * 2 >= total)
        .map(|(k, _)| k)
        .collect()
}

fn re(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// Page furniture other than running texts (see the [module
/// documentation](self)).
fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 && !is_years_line(t) {
        return true;
    }
    if plantab_vocab::noise_kind(t).is_some() {
        return true;
    }
    static LEADER: OnceLock<Option<Regex>> = OnceLock::new();
    static PAGE: OnceLock<Option<Regex>> = OnceLock::new();
    static COPYRIGHT: OnceLock<Option<Regex>> = OnceLock::new();
    static ADDRESS: OnceLock<Option<Regex>> = OnceLock::new();
    let leader = re(&LEADER, r"(\.\s?){4,}|…|(·\s?){4,}|_{4,}");
    let page = re(&PAGE, r"(?i)\bpage\s+\d+(\s*(of|/)\s*\d+)?\b|\|\s*\d+\s*$");
    let copyright = re(
        &COPYRIGHT,
        r"(?i)^\s*(©|\(c\)\s|copyright\b)|crown copyright",
    );
    let address = re(
        &ADDRESS,
        r"(?i)^\s*(https?://\S+|www\.\S+|\S+@\S+\.\S+|[a-z0-9-]+(\.[a-z0-9-]+){2,}(/\S*)?)\s*$",
    );
    [leader, page, copyright, address]
        .into_iter()
        .flatten()
        .any(|r| r.is_match(t))
}

/// Text unwrapped for a title or owner: lines joined by a space, a line
/// ending in a hyphen after a digit glued to a next line starting with one
/// (`2023-` / `24`).
fn one_line(s: &str) -> String {
    crate::unwrap_text(s)
}

/// The leading front-matter lines: text blocks, and the cells of small
/// tables (a cover printed in a ruled box).
fn front_lines(blocks: &[RebuiltBlock], running: &BTreeSet<String>) -> Vec<Line> {
    let first_page = blocks.iter().find_map(|b| match b {
        RebuiltBlock::Text(t) => t.page,
        RebuiltBlock::Table(t) => t.pages.first().copied(),
        RebuiltBlock::Legend(l) => l.page,
    });
    let mut out = Vec::new();
    for b in blocks.iter().take(FRONT_MATTER_BLOCKS) {
        match b {
            RebuiltBlock::Text(t) => {
                let first_cover_heading = t.heading.is_some() && t.page == first_page;
                let is_running = running.contains(&repeat_key(&t.text)) && !first_cover_heading;
                out.push(Line {
                    text: one_line(&t.text),
                    printed: t.text.trim().to_string(),
                    page: t.page,
                    heading: t.heading,
                    noise: is_running || is_furniture(&t.text),
                    cell: false,
                });
            }
            RebuiltBlock::Table(t) => {
                let cells: Vec<&String> = t
                    .rows
                    .iter()
                    .flat_map(|r| r.cells.iter())
                    .chain(t.header.iter())
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                let small =
                    cells.len() <= 6 && cells.iter().all(|c| c.split_whitespace().count() <= 12);
                if !small {
                    continue;
                }
                for c in cells {
                    out.push(Line {
                        text: one_line(c),
                        printed: c.trim().to_string(),
                        page: t.pages.first().copied(),
                        heading: None,
                        noise: is_furniture(c),
                        cell: true,
                    });
                }
            }
            RebuiltBlock::Legend(_) => {}
        }
    }
    out
}

/// The cover's lines: those on the page of the first line that is not
/// page furniture (at most [`COVER_LINES`]); for text without pages, the
/// lines before the first table.
fn cover_lines(lines: &[Line]) -> Vec<&Line> {
    let Some(first) = lines.iter().find(|l| !l.noise) else {
        return Vec::new();
    };
    lines
        .iter()
        .filter(|l| l.page == first.page)
        .take(COVER_LINES)
        .collect()
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Words of a line that are not years or year spans.
fn words_besides_years(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

// ---------------------------------------------------------------------------
// What a line is

/// A line that only prints a date or a span of dates with months ("June
/// 2012", "28th June 2012", "April 2012 – March 2014", "XX March 2012"):
/// every word a month, a number or a word that goes with dates.
fn is_date_line(s: &str) -> bool {
    const DATE_WORDS: [&str; 22] = [
        "to", "until", "till", "from", "and", "of", "the", "end", "by", "between", "st", "nd",
        "rd", "th", "xx", "early", "mid", "late", "spring", "summer", "autumn", "winter",
    ];
    let only_dates = s.split(|c: char| !c.is_alphanumeric()).all(|w| {
        let l = w.to_lowercase();
        w.is_empty()
            || w.chars().any(|c| c.is_ascii_digit())
            || DATE_WORDS.contains(&l.as_str())
            || plantab_vocab::month_number(&l, true).is_some()
    });
    only_dates && has_month_word(s) && s.chars().any(|c| c.is_ascii_digit())
}

fn has_month_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .any(|w| plantab_vocab::month_number(&w.to_lowercase(), true).is_some())
}

/// A line that is only a year or a span of years ("2012 – 2015").
fn is_years_line(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-–—/".contains(c))
}

/// A section heading: a numbered part of the document ("Appendix 2:",
/// "Goal 1: …", "Theme A – …", "Priority 1 – …", "1. Introduction").
fn is_section_line(s: &str) -> bool {
    static SECTION: OnceLock<Option<Regex>> = OnceLock::new();
    re(
        &SECTION,
        r"(?i)^\s*(?:(?:appendix|annex|annexe|schedule|section|chapter|table|figure|theme|goal|priority|objective|outcome|strategic\s+goal|strategic\s+objective|well-being\s+objective|key\s+activity|performance\s+measure|measure|action|commitment|step|pillar|workstream)\s+(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)\b\s*(?:[:.\-–—]|$)|\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z])",
    )
    .is_some_and(|r| r.is_match(s))
}

/// A tagline: a line in quotes or brackets.
fn is_tagline(s: &str) -> bool {
    let t = s.trim();
    t.starts_with(['"', '“', '‘', '\'', '[', '(']) || t.ends_with(['”', ']'])
}

fn is_sentence(s: &str) -> bool {
    s.trim_end().ends_with('.') && words(s) > 3
}

// ---------------------------------------------------------------------------
// Owners

/// A word of a line with its byte span.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    word: &'a str,
    start: usize,
    end: usize,
}

fn toks(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                if let Some(word) = s.get(st..i) {
                    out.push(Tok {
                        word,
                        start: st,
                        end: i,
                    });
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// A word's letters and digits (`Council,` → `Council`).
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "&" | "the" | "de" | "du" | "des" | "la"
    )
}

/// A word that can be part of a body's name: capitalised, an acronym, or
/// a name in another script's case rules (`Manatū`).
fn is_name_word(word: &str) -> bool {
    core(word).chars().next().is_some_and(char::is_uppercase)
}

fn owner_kind(word: &str) -> Option<OwnerWordKind> {
    let c = core(word);
    if c.is_empty() {
        return None;
    }
    // Possessives as printed ("Treasury's").
    let c = strip_possessive(c);
    plantab_vocab::owner_word_kind(c)
}

/// How much an owner word says: a body (or a body's opening word) more
/// than a government as a whole; `None` for a word that is no owner word.
fn owner_rank(kind: OwnerWordKind) -> Option<u8> {
    match kind {
        OwnerWordKind::Generic => Some(0),
        OwnerWordKind::Body | OwnerWordKind::Prefix => Some(1),
        OwnerWordKind::Excluded => None,
    }
}

/// A name found for the owner, with its rank (see [`owner_rank`]).
type Owner = (String, u8);

/// Whether a name is a body's: no word of it makes it a law, a scheme or
/// a document, no document kind inside, at least two words.
fn is_body_name(name: &str) -> bool {
    toks(name).len() >= 2
        && !toks(name)
            .iter()
            .any(|t| owner_kind(t.word) == Some(OwnerWordKind::Excluded))
}

/// `name` cut before the first document kind it names ("Transparency
/// Board Action Log" → "Transparency Board").
fn cut_at_kind(name: &str) -> &str {
    let lower = name.to_lowercase();
    if lower.len() != name.len() {
        return name;
    }
    let folded = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded != lower {
        return name;
    }
    match plantab_vocab::document_kind_phrase_at(&lower) {
        Some(at) => name.get(..at).unwrap_or(name).trim_end(),
        None => name,
    }
}

/// The name around an owner word in running text ("Status update on
/// Transparency Board actions" → "Transparency Board"; "the Department
/// for International Development (DFID) will" → "Department for
/// International Development"): capitalised words and connectors either
/// side, stopping at a lower-case word or punctuation that ends a phrase,
/// cut before a document kind. The best-ranked name of the text.
fn owner_phrase(s: &str) -> Option<Owner> {
    let t = toks(s);
    let mut best: Option<Owner> = None;
    for (i, tok) in t.iter().enumerate() {
        let Some(rank) = owner_kind(tok.word).and_then(owner_rank) else {
            continue;
        };
        if !is_name_word(tok.word) || (rank == 0 && !ends_generic_name(&t, i)) {
            continue;
        }
        // Leftwards: capitalised words (connectors between them).
        let mut lo = i;
        while lo > 0 {
            let Some(prev) = t.get(lo - 1).map(|p| p.word) else {
                break;
            };
            if ends_phrase(prev) || starts_phrase_break(prev) {
                break;
            }
            let before_ok = lo >= 2
                && t.get(lo - 2)
                    .is_some_and(|p| is_name_word(p.word) && !ends_phrase(p.word));
            // Not over an article: "At the Open Government Partnership".
            let joins = is_connector(prev) && !prev.eq_ignore_ascii_case("the");
            if is_name_word(prev) || (joins && before_ok) {
                lo -= 1;
            } else {
                break;
            }
        }
        // Rightwards: further owner words; a connector and the
        // capitalised words after it ("Department of Rural and Community
        // Affairs"); capitalised words after an opening word ("HM
        // Revenue"); not a word that merely follows ("Services
        // Departmental Annual Report").
        let mut hi = i;
        let mut open = owner_kind(tok.word) == Some(OwnerWordKind::Prefix);
        loop {
            if t.get(hi).is_some_and(|x| ends_phrase(x.word)) {
                break;
            }
            let Some(next) = t.get(hi + 1).map(|x| x.word) else {
                break;
            };
            if starts_phrase_break(next) {
                break;
            }
            let next_owner = owner_kind(next).is_some_and(|k| owner_rank(k).is_some());
            if is_name_word(next) && (open || next_owner) {
                hi += 1;
            } else if is_connector(next)
                && t.get(hi + 2)
                    .is_some_and(|x| is_name_word(x.word) && !starts_phrase_break(x.word))
            {
                hi += 2;
                open = true;
            } else {
                break;
            }
        }
        // Leading connectors and articles are not part of the name.
        while lo < i
            && t.get(lo)
                .is_some_and(|x| is_connector(&x.word.to_lowercase()))
        {
            lo += 1;
        }
        let (Some(a), Some(b)) = (t.get(lo), t.get(hi)) else {
            continue;
        };
        let name = s.get(a.start..b.end).unwrap_or_default();
        let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
        let name =
            cut_at_kind(strip_possessive(name)).trim_end_matches(|c: char| !c.is_alphanumeric());
        if !is_body_name(name) || !name.contains(core(tok.word)) {
            continue;
        }
        if best.as_ref().is_none_or(|(_, r)| rank > *r) {
            best = Some((name.to_string(), rank));
        }
    }
    best
}

/// Whether the generic owner word at `i` ends a government's name ("Welsh
/// Government", "Government of Jersey"), rather than qualifying another
/// word ("Open Government License", "State Budget").
fn ends_generic_name(t: &[Tok<'_>], i: usize) -> bool {
    let word = t.get(i).map_or("", |x| x.word);
    match t.get(i + 1) {
        None => true,
        Some(next) => {
            ends_phrase(word)
                || next.word == "of"
                || starts_phrase_break(next.word)
                || !is_name_word(next.word)
        }
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix("’S"))
        .or_else(|| s.strip_suffix("'S"))
        .unwrap_or(s)
}

/// A word after which a name cannot go on (it ends a clause).
fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', '.', ';', ':', ')', '!', '?'])
}

fn starts_phrase_break(word: &str) -> bool {
    word.starts_with(['(', '[', '|', '·', '—', '–', '-'])
}

/// Separators that split a cover line into parts ("Ministry … · Progress
/// tracker", "State of Franklin – Office of the Governor").
const PART_SEPARATORS: [&str; 5] = [" | ", " · ", " — ", " – ", " - "];

fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in PART_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A part of a line that is a name: no digits, at most 10 words, every
/// word capitalised, a connector or in another script's case rules
/// (`ā-Rohe`), at most one comma, not ending in a connector, no document
/// kind.
fn is_name_part(p: &str) -> bool {
    let t = toks(p);
    let last_connector = t
        .last()
        .is_some_and(|x| is_connector(&x.word.to_lowercase()));
    !t.is_empty()
        && t.len() <= 10
        && !last_connector
        && p.matches(',').count() <= 1
        && !p.chars().any(|c| c.is_ascii_digit())
        && plantab_vocab::document_kind_of(p).is_none()
        && t.iter().all(|x| {
            let w = core(x.word);
            w.is_empty()
                || is_connector(w)
                || is_name_word(x.word)
                || w.chars().next().is_some_and(|c| !c.is_ascii())
        })
}

/// A labelled field ("Lead Minister: …", "Owner: …", "Author: …"): a
/// section's or a person's, not the document's owner.
fn is_label_line(s: &str) -> bool {
    s.split_once(':')
        .is_some_and(|(label, _)| (1..=3).contains(&words(label)) && !label.contains(['(', ',']))
}

/// The owner a short cover line names, with its rank: the best part of
/// the line that is a name with an owner word (neighbouring parts that
/// are names too join it: "State of Franklin – Office of the Governor"),
/// else a name around an owner word.
fn owner_in_line(line: &str) -> Option<Owner> {
    owner_in_line_with(line, false)
}

/// [`owner_in_line`]; `strict`: a name found inside a part of the line
/// (not the whole part) must be at least half of its words, so a subtitle
/// that mentions a body ("Refreshed as part of the UK Open Government
/// Partnership …") names no owner.
fn owner_in_line_with(line: &str, strict: bool) -> Option<Owner> {
    if words(line) > OWNER_LINE_MAX_WORDS || is_label_line(line) {
        return None;
    }
    let mut best: Option<Owner> = None;
    for seg in line.split('\n').map(str::trim).filter(|s| !s.is_empty()) {
        let parts = split_parts(seg);
        for (i, p) in parts.iter().enumerate() {
            let pt = toks(p);
            if pt
                .iter()
                .any(|t| owner_kind(t.word) == Some(OwnerWordKind::Excluded))
            {
                continue;
            }
            let rank = pt
                .iter()
                .enumerate()
                .filter_map(|(j, t)| {
                    let r = owner_kind(t.word).and_then(owner_rank)?;
                    (r > 0 || ends_generic_name(&pt, j)).then_some(r)
                })
                .max();
            let Some(rank) = rank else {
                continue;
            };
            let found = if is_name_part(p) {
                let mut lo = i;
                while lo > 0 && parts.get(lo - 1).is_some_and(|q| is_name_part(q)) {
                    lo -= 1;
                }
                let mut hi = i;
                while parts.get(hi + 1).is_some_and(|q| is_name_part(q)) {
                    hi += 1;
                }
                match (parts.get(lo), parts.get(hi)) {
                    (Some(a), Some(b)) => {
                        let (sa, sb) = (offset_in(seg, a), offset_in(seg, b) + b.len());
                        let name = seg.get(sa..sb).unwrap_or(p).trim();
                        is_body_name(name).then(|| (name.to_string(), rank))
                    }
                    _ => None,
                }
            } else {
                owner_phrase(p).filter(|(name, _)| !strict || words(name) * 2 >= words(p))
            };
            if let Some((name, r)) = found {
                if best.as_ref().is_none_or(|(_, br)| r > *br) {
                    best = Some((name, r));
                }
            }
        }
    }
    best
}

/// A list of names ("Foundation Trust CEs, Medical Directors, Directors of
/// PH, …"): three or more comma-separated items of at most four words.
fn is_list(sentence: &str) -> bool {
    sentence
        .split(',')
        .filter(|item| (1..=4).contains(&words(item)))
        .count()
        >= 3
}

/// Byte offset of `part` (a slice of `s`) in `s`.
fn offset_in(s: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(s.as_ptr() as usize)
        .min(s.len())
}

/// An acronym or a possessive name right before the first document kind a
/// text names ("BIS Open Data Strategy" → "BIS", "DECC's Open Data
/// Strategy" → "DECC", "HM Treasury's Open Data Strategy sets out" → "HM
/// Treasury", "ODUG Action Log" → "ODUG").
fn owner_before_kind(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_lowercase();
    // Offsets of the lower-cased text are the printed text's only when
    // lower-casing kept every length and the spacing is single.
    if lower.len() != s.len() || s.split_whitespace().collect::<Vec<_>>().join(" ") != s {
        return None;
    }
    let kind_at = plantab_vocab::document_kind_phrase_at(&lower)?;
    let before = s.get(..kind_at)?.trim_end();
    let t = toks(before);
    let last = t.last()?;
    let word = last.word;
    let possessive = strip_possessive(word);
    if possessive.len() < word.len() {
        // Extend over the capitalised words before it ("HM Treasury's").
        let mut lo = t.len() - 1;
        while lo > 0
            && t.get(lo - 1).is_some_and(|x| {
                is_name_word(x.word) && !ends_phrase(x.word) && x.word != "The" && x.word != "THE"
            })
        {
            lo -= 1;
        }
        let start = t.get(lo).map_or(0, |x| x.start);
        let name = strip_possessive(before.get(start..)?.trim());
        return (is_name_part(name) && !name.is_empty()).then(|| name.to_string());
    }
    let c = core(word);
    let acronym = (2..=6).contains(&c.chars().count())
        && c.chars()
            .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
        && c.chars().any(|ch| ch.is_ascii_uppercase());
    // Not the start of a title in capitals ("OPEN DATA STRATEGY").
    let in_caps_title = t.len() >= 2
        && t.iter()
            .all(|x| core(x.word).chars().all(|ch| !ch.is_lowercase()));
    (acronym && !in_caps_title && word == c).then(|| c.to_string())
}

fn owner_of(
    cover: &[&Line],
    lines: &[Line],
    title: Option<&str>,
    running: &BTreeSet<String>,
    blocks: &[RebuiltBlock],
) -> Option<String> {
    // 1. The cover's owner lines (and the title), the best-ranked first.
    let mut best: Option<Owner> = None;
    // The title as one line (a name wrapped inside it stays whole:
    // "Department for Communities & Local" / "Government Open Data
    // Strategy"); the other cover lines as printed (a block of two names
    // on two lines gives the better one).
    let candidates = cover
        .iter()
        .filter(|l| !l.noise && !is_sentence(&l.text))
        .filter(|l| !title.is_some_and(|t| t.contains(l.text.as_str())))
        .map(|l| l.printed.as_str())
        .chain(title);
    for text in candidates {
        let is_title = title == Some(text);
        if let Some((name, rank)) = owner_in_line_with(text, !is_title) {
            if best.as_ref().is_none_or(|(_, r)| rank > *r) {
                best = Some((name, rank));
            }
        }
    }
    // A government as a whole gives way to an acronym in the title ("ODUG
    // Action Log" over "Open Government …").
    if let Some((name, rank)) = best {
        if rank == 0 {
            if let Some(o) = title.and_then(owner_before_kind) {
                return Some(o);
            }
        }
        return Some(name);
    }
    // 2. An acronym or possessive before a document kind: in the title, a
    //    running header, the first paragraphs.
    if let Some(o) = title.and_then(owner_before_kind) {
        return Some(o);
    }
    for b in blocks {
        if let RebuiltBlock::Text(t) = b {
            if running.contains(&repeat_key(&t.text)) {
                if let Some(o) = owner_before_kind(&one_line(&t.text)) {
                    return Some(o);
                }
            }
        }
    }
    let prose: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.noise && !l.cell)
        .take(COVER_LINES)
        .collect();
    for l in &prose {
        for line in l.printed.lines() {
            for sentence in line.split(". ") {
                if let Some(o) = owner_before_kind(sentence) {
                    return Some(o);
                }
            }
        }
    }
    // 3. A line of the first pages that is a body's name (an address
    //    block's first line, a heading).
    for l in &prose {
        let first = l.printed.lines().next().unwrap_or_default();
        if is_sentence(first) || is_label_line(first) {
            continue;
        }
        let parts = split_parts(first);
        if parts.iter().all(|p| is_name_part(p)) || l.heading.is_some() {
            if let Some((name, 1)) = owner_in_line(first) {
                return Some(name);
            }
        }
    }
    // 4. A body named in a sentence of the first paragraphs that is about
    //    the document (it names a kind of document: "This Open Data
    //    Strategy sets out how the Department for International
    //    Development …"), not in a list of names.
    for l in prose.iter().filter(|l| l.heading.is_none()) {
        for sentence in l.text.split(". ") {
            if is_list(sentence) {
                continue;
            }
            if plantab_vocab::document_kind_of(sentence).is_none() {
                continue;
            }
            if let Some((name, 1)) = owner_phrase(sentence) {
                return Some(name);
            }
        }
    }
    // 5. A body a running header or footer names ("National Water Data
    //    Agency Annual Report 2022–23 | 1").
    for b in blocks {
        if let RebuiltBlock::Text(t) = b {
            if running.contains(&repeat_key(&t.text)) {
                if let Some((name, 1)) = owner_in_line(&one_line(&t.text)) {
                    return Some(name);
                }
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Title

/// The title: the run of headings of the first level (1–3) whose run
/// names a kind of document, else of the smallest level printed, else the
/// plain cover lines.
fn title_of(cover: &[&Line]) -> Option<String> {
    let levels: BTreeSet<u8> = cover
        .iter()
        .filter(|l| !l.noise && !is_section_line(&l.text))
        .filter_map(|l| l.heading)
        .filter(|h| *h <= 3)
        .collect();
    // A level-1 run is a title as it is; a smaller heading only when it
    // names a kind of document or a body.
    let runs: Vec<String> = levels
        .iter()
        .filter_map(|&level| heading_title(cover, level).map(|t| (level, t)))
        .filter(|(level, t)| {
            *level == 1
                || plantab_vocab::document_kind_of(t).is_some()
                || (split_parts(t).iter().all(|p| is_name_part(p)) && owner_in_line(t).is_some())
        })
        .map(|(_, t)| t)
        .collect();
    if std::env::var("FRONT_DBG").is_ok() {
        eprintln!("levels {levels:?} runs {runs:?}");
        for l in cover {
            eprintln!(
                "  {:?} {:?} noise={} {:?}",
                l.page, l.heading, l.noise, l.text
            );
        }
    }
    // The largest heading that is only a body's name ("Department of
    // Licensing and Motor Vehicles" over its report's title) is the title.
    let first_is_owner = runs.first().is_some_and(|t| {
        let parts = split_parts(t);
        parts.iter().all(|p| is_name_part(p)) && owner_in_line(t).is_some()
    });
    if first_is_owner {
        return runs.first().cloned();
    }
    runs.iter()
        .find(|t| plantab_vocab::document_kind_of(t).is_some())
        .or_else(|| runs.first())
        .cloned()
        .or_else(|| plain_title(cover))
}

/// Whether a line names an owner and little else (a name, not a title).
fn is_owner_line(l: &Line) -> bool {
    let parts = split_parts(&l.text);
    parts.len() <= 2 && parts.iter().all(|p| is_name_part(p)) && owner_in_line(&l.text).is_some()
}

fn heading_title(cover: &[&Line], level: u8) -> Option<String> {
    let mut owner_prefix: Option<&str> = None;
    // Whether the title follows the owner line directly.
    let mut adjacent = true;
    let mut run: Vec<&str> = Vec::new();
    for l in cover.iter().filter(|l| !l.noise) {
        if l.heading != Some(level) {
            if !run.is_empty() {
                break;
            }
            adjacent = owner_prefix.is_none();
            continue;
        }
        let t = l.text.as_str();
        if run.is_empty() && owner_prefix.is_none() && is_section_line(t) {
            continue;
        }
        if !run.is_empty() && is_years_line(t) {
            run.push(t);
            break;
        }
        let max = if run.is_empty() {
            TITLE_FIRST_LINE_MAX_WORDS
        } else {
            TITLE_LINE_MAX_WORDS
        };
        if is_date_line(t)
            || is_tagline(t)
            || is_section_line(t)
            || words(t) > max
            || is_sentence(t)
        {
            break;
        }
        if is_owner_line(l) {
            if run.is_empty() && owner_prefix.is_none() {
                owner_prefix = Some(t);
                continue;
            }
            break;
        }
        run.push(t);
    }
    let title = run.join(" ");
    match (owner_prefix, title.is_empty()) {
        (Some(o), true) => Some(o.to_string()),
        (Some(o), false)
            if adjacent
                && words_besides_years(&title) <= SHORT_TITLE_WORDS
                && plantab_vocab::document_kind_of(&title).is_some() =>
        {
            Some(format!("{o} {title}"))
        }
        (_, false) => Some(title),
        (None, true) => None,
    }
}

/// A title from plain cover lines (no headings): the first short lines
/// after owner lines, when they name a kind of document.
fn plain_title(cover: &[&Line]) -> Option<String> {
    let mut run: Vec<String> = Vec::new();
    for l in cover.iter().filter(|l| !l.noise) {
        let t = l.text.as_str();
        if run.is_empty() && is_owner_line(l) {
            continue;
        }
        if !run.is_empty() && is_years_line(t) {
            // A pair wrapped after its hyphen (`2023-` / `24`).
            match run.last_mut() {
                Some(last) if last.ends_with('-') => last.push_str(t.trim()),
                _ => run.push(t.to_string()),
            }
            break;
        }
        let max = if run.is_empty() {
            TITLE_FIRST_LINE_MAX_WORDS
        } else {
            TITLE_LINE_MAX_WORDS
        };
        let stop = is_date_line(t)
            || is_tagline(t)
            || is_section_line(t)
            || words(t) > max
            || is_sentence(t)
            || (l.cell && !run.is_empty())
            || (!run.is_empty() && is_owner_line(l));
        if stop {
            break;
        }
        run.push(t.to_string());
        if run.len() >= 3 {
            break;
        }
    }
    let title = run.join(" ");
    (!title.is_empty() && plantab_vocab::document_kind_of(&title).is_some()).then_some(title)
}

// ---------------------------------------------------------------------------
// Period

/// The place of the quarter phrase among [`period_patterns`].
const QUARTER_PATTERN: usize = 3;

/// Period phrases, most preferred first: one year (a financial year, a
/// pair, a year); a quarter; a span of years; a span of months; a season;
/// a month.
fn period_patterns() -> &'static [Regex] {
    static CELL: OnceLock<Vec<Regex>> = OnceLock::new();
    CELL.get_or_init(|| {
        const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let year = r"(?:19|20)\d{2}";
        let pair = format!(r"{year}\s?[-–—/]\s?(?:{year}|\d{{2}})");
        [
            // FY 2024, FY2024, Fiscal Year 2023, FY 2024-25
            format!(r"(?i)\b(?:FY|fiscal\s+year|financial\s+year)\s?(?:{pair}|{year}|\d{{2}})\b"),
            // 2024-25, 2024/25, 2024–2025 (consecutive checked later)
            format!(r"(?i)(?:^|[^\d/.\-–—])({pair})(?:$|[^\d/.\-–—])"),
            format!(r"(?:^|[^\d/.\-–—])({year})(?:$|[^\d/.\-–—])"),
            format!(r"(?i)\b(?:Q[1-4]|quarter\s+(?:[1-4]|one|two|three|four))\s+(?:{pair}|{year})"),
            format!(r"(?i)\b{MONTH}\s+{year}\s*(?:[-–—]|to|until)\s*{MONTH}\s+{year}"),
            format!(r"(?i)\b(?:spring|summer|autumn|fall|winter)\s+(?:{pair}|{year})"),
            format!(r"(?i)(?:^|[^\d\s]\s*|^\s*)\b({MONTH}\s+{year})\b"),
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    })
}

/// Whether a year pair (`2024-25`, `2012 – 2015`) is one financial year:
/// consecutive years.
fn is_consecutive_pair(p: &str) -> bool {
    let digits: Vec<&str> = p
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .collect();
    match digits[..] {
        [a, b] => {
            let (Ok(a), Ok(b)) = (a.parse::<i32>(), b.parse::<i32>()) else {
                return false;
            };
            let b = if b < 100 { a - a % 100 + b } else { b };
            b == a + 1
        }
        _ => false,
    }
}

/// The period a text prints, by the preference of [`period_patterns`]:
/// one year (a financial year, a consecutive pair, a year), a quarter, a
/// span of several years, a span of months, a season, a month; the
/// earliest of the best.
fn period_in(text: &str) -> Option<String> {
    period_in_with(text, false)
}

/// [`period_in`]; `title`: in a title a month or season names the report's
/// date, so a year inside one ("Progress Update June 2025") is the
/// period; only a span keeps its years ("December 2010 to June 2011").
fn period_in_with(text: &str, title: bool) -> Option<String> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for (i, r) in period_patterns().iter().enumerate() {
        for cap in r.captures_iter(text) {
            let Some(m) = cap.get(1).or_else(|| cap.get(0)) else {
                continue;
            };
            let s = m.as_str().trim().to_string();
            let several_years = s.chars().filter(|c| c.is_ascii_digit()).count() >= 6
                && !is_consecutive_pair(&s)
                && i <= 1;
            let rank = match i {
                _ if several_years => 3,
                0..=2 => i.min(1),
                3 => 2,
                other => other + 1,
            };
            found.push((rank, m.start(), s));
        }
    }
    // A year inside a longer phrase found ("December 2010 to June 2011")
    // is part of it.
    let spans: Vec<(usize, usize)> = found
        .iter()
        .filter(|(rank, _, _)| !title || matches!(rank, 0 | 3 | 5))
        .map(|(_, st, s)| (*st, st + s.len()))
        .collect();
    found.retain(|(_, st, s)| {
        let (a, b) = (*st, st + s.len());
        !spans
            .iter()
            .any(|&(x, y)| x <= a && b <= y && (y - x) > (b - a))
    });
    found.sort_by_key(|(rank, start, _)| (*rank, *start));
    found.into_iter().next().map(|(_, _, s)| s)
}

/// The period, and whether the title or cover printed it (rather than
/// table headers or a count of the front matter's years).
fn period_of(
    title: Option<&str>,
    cover: &[&Line],
    header_years: &[i32],
    blocks: &[RebuiltBlock],
) -> (Option<String>, bool) {
    if let Some(p) = title.and_then(|t| period_in_with(t, true)) {
        return (Some(p), true);
    }
    for l in cover
        .iter()
        .filter(|l| !l.noise && words(&l.text) <= TITLE_LINE_MAX_WORDS)
    {
        if title.is_some_and(|t| t.contains(l.text.as_str())) {
            continue;
        }
        // A publication day is not a period ("28th June 2012").
        let d = parse_date(&l.text, &DateContext::default());
        if d.kind == DateKind::Date {
            continue;
        }
        if let Some(p) = period_in(&l.text) {
            // A lone year of a longer line is too weak: the line must be
            // about the period (a heading, or a short line).
            if l.heading.is_some() || words_besides_years(&l.text) <= 3 || !is_years_line(&p) {
                return (Some(p), true);
            }
        }
    }
    if let (Some(min), Some(max)) = (header_years.iter().min(), header_years.iter().max()) {
        let p = if min == max {
            min.to_string()
        } else {
            format!("{min}-{max}")
        };
        return (Some(p), false);
    }
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for t in front_texts(blocks) {
        for w in t.text.split(|c: char| !c.is_ascii_digit()) {
            if w.len() == 4 {
                if let Some(y) = plantab_vocab::find_year(w) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    let p = counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y.to_string());
    (p, false)
}

// ---------------------------------------------------------------------------
// Dates: financial year, jurisdiction, reporting date

/// The cover's text for statements about dates: the title, then the
/// cover lines (prose included).
fn cover_text(title: Option<&str>, cover: &[&Line]) -> String {
    let mut s = String::new();
    if let Some(t) = title {
        s.push_str(t);
        s.push_str(".\n");
    }
    for l in cover {
        s.push_str(&l.text);
        s.push('\n');
    }
    s
}

const MONTH_RE: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

/// A date with a day and a month (`1 July 2024`, `July 1, 2024`, `1
/// July`): its month.
fn month_in(s: &str) -> Option<u32> {
    s.split(|c: char| !c.is_alphabetic())
        .find_map(|w| plantab_vocab::month_number(&w.to_lowercase(), true))
}

/// The financial-year start a document states, as a month (see the
/// [module documentation](self)).
fn stated_fiscal_start(text: &str) -> Option<u32> {
    static STARTS: OnceLock<Option<Regex>> = OnceLock::new();
    static FY_RUNS: OnceLock<Option<Regex>> = OnceLock::new();
    static CALENDAR: OnceLock<Option<Regex>> = OnceLock::new();
    static WITH_SPAN: OnceLock<Option<Regex>> = OnceLock::new();
    // Each pattern is built (and run) only for a text holding a word it
    // needs: most covers hold none, and building them is most of a short
    // run's work.
    let starts = mentions(text, &["fiscal", "financial"]).then(|| re(
        &STARTS,
        &format!(
            r"(?i)\b(?:fiscal|financial)\s+years?\b[^.;]{{0,30}}?\b(?:begins?|starts?|runs?|commences?|began|started|ran)\s+(?:on\s+|from\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?({MONTH_RE})"
        ),
    ));
    let fy_runs = mentions(text, &["fy"]).then(|| re(
        &FY_RUNS,
        &format!(
            r"(?i)\bFY\s?\d{{2,4}}\s+(?:runs?|ran|began|begins?|started|starts?)\s+(?:on\s+|from\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_RE})"
        ),
    ));
    for r in [starts.flatten(), fy_runs.flatten()].into_iter().flatten() {
        if let Some(m) = r
            .captures(text)
            .and_then(|c| c.get(1))
            .and_then(|m| month_in(m.as_str()))
        {
            return Some(m);
        }
    }
    let calendar = mentions(text, &["calendar"]).then(|| re(
        &CALENDAR,
        r"(?i)calendar\s+year[^.;]{0,60}?(?:fiscal|financial)\s+year|(?:fiscal|financial)\s+year\s+is\s+the\s+calendar\s+year",
    ));
    if calendar.flatten().is_some_and(|r| r.is_match(text)) {
        return Some(1);
    }
    // A quarter or a financial year printed with its months: "Q3 2023–24
    // (October 1 to December 31, 2023)", "first quarter of fiscal year
    // 2024–25 (April 1 to June 30, 2024)", "Fiscal Year 2023 … (July 1,
    // 2022 – June 30, 2023)", "Quarter Two Report: 1 October – 31 December".
    if !mentions(
        text,
        &[
            "q1",
            "q2",
            "q3",
            "q4",
            "quarter",
            "fy",
            "fiscal",
            "financial",
        ],
    ) {
        return None;
    }
    let with_span = re(
        &WITH_SPAN,
        &format!(
            r"(?i)\b(?:(Q[1-4]|quarter\s+(?:[1-4]|one|two|three|four)|(?:first|second|third|fourth)\s+quarter)|(FY|fiscal\s+year|financial\s+year))\b([^.();]{{0,60}}?)[(:]\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_RE})[^()]{{0,20}}?(?:to|through|–|—|-)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_RE})"
        ),
    );
    let r = with_span?;
    for cap in r.captures_iter(text) {
        let between = cap.get(3).map_or("", |m| m.as_str());
        let (Some(m1), Some(m2)) = (
            cap.get(4).and_then(|m| month_in(m.as_str())),
            cap.get(5).and_then(|m| month_in(m.as_str())),
        ) else {
            continue;
        };
        let months = (m2 + 12 - m1) % 12 + 1;
        if let Some(q) = cap.get(1) {
            // Only a quarter of a financial year says when that year
            // starts (`Q2 2023`, a calendar quarter, does not).
            let fiscal = between.to_lowercase().contains("fiscal")
                || between.to_lowercase().contains("financial")
                || between.contains("FY")
                || is_consecutive_pair(between)
                || q.as_str().to_lowercase().contains("quarter") && between.trim().ends_with(':');
            let n = quarter_number(q.as_str());
            if fiscal && months == 3 && (1..=4).contains(&n) {
                return Some((m1 + 12 * 2 - 3 * (n - 1) - 1) % 12 + 1);
            }
        } else if months == 12 {
            return Some(m1);
        }
    }
    None
}

fn quarter_number(q: &str) -> u32 {
    let l = q.to_lowercase();
    if let Some(d) = l.chars().find(|c| c.is_ascii_digit()) {
        return d.to_digit(10).unwrap_or(0);
    }
    for (i, w) in ["one", "two", "three", "four"].iter().enumerate() {
        if l.contains(w) {
            return i as u32 + 1;
        }
    }
    for (i, w) in ["first", "second", "third", "fourth"].iter().enumerate() {
        if l.contains(w) {
            return i as u32 + 1;
        }
    }
    0
}

/// Least score of cues for a jurisdiction to be recognised.
const JURISDICTION_MIN_SCORE: usize = 2;

/// The jurisdiction the cues name most often (title and owner count
/// three times); `None` on a tie between jurisdictions with different
/// financial years, or below [`JURISDICTION_MIN_SCORE`].
fn jurisdiction_of(
    title: Option<&str>,
    owner: Option<&str>,
    rest: &str,
) -> Option<plantab_vocab::Jurisdiction> {
    let mut score: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (text, weight) in [
        (title.unwrap_or_default(), 3),
        (owner.unwrap_or_default(), 3),
        (rest, 1),
    ] {
        for (key, _) in plantab_vocab::jurisdiction_cues_in(text) {
            *score.entry(key).or_default() += weight;
        }
    }
    let mut ranked: Vec<(&'static str, usize)> = score.into_iter().collect();
    ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (key, n) = *ranked.first()?;
    // One passing mention (a place in a table of figures) is not enough.
    if n < JURISDICTION_MIN_SCORE {
        return None;
    }
    let best = plantab_vocab::jurisdiction(key)?;
    let tied_other = ranked.iter().skip(1).any(|(k, m)| {
        *m == n
            && plantab_vocab::jurisdiction(k).is_some_and(|j| {
                (j.fiscal_start_month, j.pairs) != (best.fiscal_start_month, best.pairs)
            })
    });
    (!tied_other).then_some(best)
}

/// The date a document reports at: `(year, month, ISO day)`.
fn reporting_date(title: Option<&str>, text: &str) -> Option<(i32, u32, String)> {
    static CUE: OnceLock<Option<Regex>> = OnceLock::new();
    static SPAN: OnceLock<Option<Regex>> = OnceLock::new();
    let date = format!(
        r"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?:19|20)\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})"
    );
    // The span needs a month name (every one of `MONTH_RE` starts with one
    // of these) and is only read in the title: built only for a title
    // naming a month.
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let span = title.is_some_and(|t| mentions(t, &MONTHS)).then(|| re(
        &SPAN,
        &format!(
            r"(?i)(?:\d{{1,2}}\s+)?{MONTH_RE}(?:\s+(?:19|20)\d{{2}})?\s*(?:–|—|-|to)\s*({date})"
        ),
    )).flatten();
    let cue = re(
        &CUE,
        &format!(
            r"(?i)\b(?:as\s+of|as\s+at|as|position\s+at|status\s+at|at\s+the\s+end\s+of|to\s+the\s+end\s+of|up\s+to|ending|ended|updated|\(to)\s+(?:the\s+end\s+of\s+)?(?:({date})|[^.;()]{{0,80}}?\(({date})\))"
        ),
    );
    let end_of = |s: &str| -> Option<(i32, u32, String)> {
        let d = parse_date(s, &DateContext::default());
        if d.kind == DateKind::Unknown {
            return None;
        }
        let e = d.end?;
        let y = e.get(0..4)?.parse().ok()?;
        let m = e.get(5..7)?.parse().ok()?;
        Some((y, m, e))
    };
    if let Some(t) = title {
        if let Some(found) = cue
            .and_then(|r| r.captures(t))
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .and_then(|m| end_of(m.as_str()))
        {
            return Some(found);
        }
        if let Some(found) = span
            .and_then(|r| r.captures(t))
            .and_then(|c| c.get(1))
            .and_then(|m| end_of(m.as_str()))
        {
            return Some(found);
        }
    }
    cue.and_then(|r| r.captures(text))
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .and_then(|m| end_of(m.as_str()))
}

/// The year of an ISO day (`YYYY-MM-DD`) and its month.
fn year_month(iso: Option<&str>) -> Option<(i32, u32)> {
    let s = iso?;
    Some((s.get(0..4)?.parse().ok()?, s.get(5..7)?.parse().ok()?))
}

fn date_facts(
    title: Option<&str>,
    owner: Option<&str>,
    period: Option<&str>,
    period_stated: bool,
    cover: &[&Line],
    blocks: &[RebuiltBlock],
    options: &Options,
) -> DateFacts {
    let text = cover_text(title, cover);
    // Cue text: the cover and the cells of the first tables.
    let mut cue_text = text.clone();
    for b in blocks.iter().take(FRONT_MATTER_BLOCKS) {
        if let RebuiltBlock::Table(t) = b {
            for c in t.rows.iter().take(40).flat_map(|r| r.cells.iter()) {
                cue_text.push_str(c);
                cue_text.push('\n');
            }
        }
    }
    let jurisdiction = jurisdiction_of(title, owner, &cue_text);
    let stated = stated_fiscal_start(&text);
    let pairs = jurisdiction.map_or(FiscalYear::DEFAULT.pairs, |j| j.pairs);
    let option = options.fiscal_year_start.filter(|m| (1..=12).contains(m));
    let fiscal = match (option.or(stated), jurisdiction) {
        (Some(m), _) => Some(FiscalYear {
            start_month: m,
            pairs: pairs && m != 1,
        }),
        (None, Some(j)) => Some(FiscalYear {
            start_month: j.fiscal_start_month,
            pairs: j.pairs,
        }),
        (None, None) => None,
    };
    let ctx = DateContext {
        fiscal,
        ..DateContext::default()
    };
    let reporting = reporting_date(title, &text);
    let read = period.map(|p| parse_date(p, &ctx));
    let start = read.as_ref().and_then(|d| year_month(d.start.as_deref()));
    let end = read.as_ref().and_then(|d| year_month(d.end.as_deref()));
    let one_year = read.as_ref().is_some_and(|d| d.kind == DateKind::Year);
    let mut year = match (&read, one_year) {
        (Some(_), true) => start.map(|s| s.0),
        (Some(_), false) => end.map(|e| e.0),
        (None, _) => None,
    };
    let mut yearless_from = None;
    if one_year && read.as_ref().is_some_and(|d| d.fiscal_year.is_some()) {
        // One financial year: year-less dates fall in it.
        yearless_from = start;
    }
    if !(one_year && period_stated) {
        // No stated year: a tracker's window around its reporting month.
        if let Some((y, m, _)) = &reporting {
            yearless_from = Some(match m.checked_sub(3).filter(|b| *b >= 1) {
                Some(b) => (*y, b),
                None => (y.saturating_sub(1), m + 9),
            });
            year = Some(*y);
        }
    }
    if year.is_none() {
        year = period.and_then(|p| plantab_vocab::find_year(&plantab_vocab::compact(p)));
    }
    DateFacts {
        year,
        yearless_from,
        fiscal,
        jurisdiction: jurisdiction.map(|j| j.key),
        reporting_date: reporting.map(|r| r.2),
    }
}

// ---------------------------------------------------------------------------
// Kind and legend

/// The document kind: a report's phrase in the title or a short cover line
/// first, then a plan's phrase in the title (a progress report on a plan
/// names the plan in its title), then any short front-matter line; else
/// told by structure (`tracker_like`: a table reporting statuses for
/// several periods under a printed legend).
pub fn kind(
    title: Option<&str>,
    blocks: &[RebuiltBlock],
    tracker_like: bool,
    has_status: bool,
) -> DocumentKind {
    let is_report = |k: DocumentKind| {
        matches!(
            k,
            DocumentKind::ProgressReport
                | DocumentKind::AnnualReport
                | DocumentKind::ImprovementTracker
        )
    };
    let title_kind = title.and_then(plantab_vocab::document_kind_of);
    if let Some(k) = title_kind.filter(|k| is_report(*k)) {
        return k;
    }
    let short_lines: Vec<&TextBlock> = front_texts(blocks)
        .into_iter()
        .filter(|t| short(&t.text, 14) && !is_furniture(&t.text))
        .collect();
    if let Some(k) = short_lines
        .iter()
        .take(8)
        .filter_map(|t| plantab_vocab::document_kind_of(&t.text))
        .find(|k| is_report(*k))
    {
        return k;
    }
    if let Some(k) = title_kind {
        return k;
    }
    for t in short_lines {
        if let Some(k) = plantab_vocab::document_kind_of(&t.text) {
            return k;
        }
    }
    if tracker_like {
        DocumentKind::ImprovementTracker
    } else if has_status {
        DocumentKind::ProgressReport
    } else {
        DocumentKind::Unknown
    }
}

/// The document's own status legend, labels mapped to codes.
pub fn legend(items: &[LegendItem]) -> Vec<StatusLegendEntry> {
    items
        .iter()
        .map(|i| StatusLegendEntry {
            code: plantab_vocab::status_code(&i.label).unwrap_or(StatusCode::Unknown),
            label: i.label.split_whitespace().collect::<Vec<_>>().join(" "),
            definition: i.definition.clone(),
            colour: i.fill.as_deref().and_then(crate::colour::named),
        })
        .collect()
}

fn front_texts(blocks: &[RebuiltBlock]) -> Vec<&TextBlock> {
    blocks
        .iter()
        .filter_map(|b| match b {
            RebuiltBlock::Text(t) => Some(t),
            _ => None,
        })
        .take(FRONT_MATTER_BLOCKS)
        .collect()
}

fn short(s: &str, words: usize) -> bool {
    s.split_whitespace().count() <= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_names_in_lines_and_prose() {
        for (line, owner) in [
            ("Ministry for Civic Services · Progress tracker as at 31 May 2024", Some("Ministry for Civic Services")),
            ("Ministry for Regional Development | Manatū Whanaketanga ā-Rohe", Some("Ministry for Regional Development | Manatū Whanaketanga ā-Rohe")),
            ("State of Franklin – Office of the Governor", Some("State of Franklin – Office of the Governor")),
            ("Government of Jersey\nInfrastructure and Environment Department", Some("Infrastructure and Environment Department")),
            ("Open Data Unit, Department of Public Expenditure and Reform · Published 14 November 2023", Some("Open Data Unit, Department of Public Expenditure and Reform")),
            ("Transparency Board Action Log as 19 July 2011", Some("Transparency Board")),
            ("Status update on Transparency Board actions from last meeting 19.11.10", Some("Transparency Board")),
            ("Geospatial Data Users Group Action Log – 12 September 2023", Some("Geospatial Data Users Group")),
            ("UK Location Council Annual Report 2011-12", Some("UK Location Council")),
            ("Welsh Government", Some("Welsh Government")),
            ("The Scottish Government", Some("The Scottish Government")),
            ("Rural and Regional Economic Development Canada", Some("Rural and Regional Economic Development Canada")),
            ("Lead Minister: Cabinet Secretary for Housing and Local Government", None),
            ("Department", None),
            ("Open Government License and OS", None),
            ("Statistics and Registration Services Act 2007", None),
        ] {
            assert_eq!(owner_in_line(line).map(|o| o.0), owner.map(str::to_string), "{line:?}");
        }
        assert_eq!(
            owner_phrase("As the accountable authority of the National Water Data Agency, I present the 2022–23 annual performance statements").map(|o| o.0).as_deref(),
            Some("National Water Data Agency")
        );
        assert_eq!(
            owner_phrase("This Open Data Strategy sets out how the Department for International Development (DFID) will drive reform").map(|o| o.0).as_deref(),
            Some("Department for International Development")
        );
        assert_eq!(
            owner_phrase("Growth is the priority of the Department and open data"),
            None
        );
        for (text, owner) in [
            ("BIS Open Data Strategy", Some("BIS")),
            ("DECC’S OPEN DATA STRATEGY", Some("DECC")),
            ("THE FCO’S OPEN DATA STRATEGY", Some("FCO")),
            (
                "HM Treasury’s Open Data Strategy sets out how the Treasury is meeting",
                Some("HM Treasury"),
            ),
            ("ODUG Action Log – 19 July 2013", Some("ODUG")),
            (
                "The DCMS Open Data Strategy defines our approach",
                Some("DCMS"),
            ),
            ("OPEN DATA STRATEGY 2012-14", None),
            ("Corporate Improvement Plan – Progress Tracker", None),
            ("Defra Open Data Strategy", None),
        ] {
            assert_eq!(owner_before_kind(text).as_deref(), owner, "{text:?}");
        }
    }
}
