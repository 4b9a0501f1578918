//! The column recogniser: each column of a table → its [`ColumnRole`],
//! decided once, from the header's words **and** what the column holds.
//!
//! The tables stage calls [`recognise_columns`] on every whole table; the
//! readers call the header side ([`header_role`]) and the cell side
//! ([`crate::cells`]) to find header rows; the records stage only reads the
//! decided [`TableColumn`]s.
//!
//! # The two kinds of evidence
//!
//! * **Header**: the printed header matched against `data/headers.tsv`
//!   ([`crate::match_header`]: footnote marks, years, months, fiscal-year
//!   and quarter words, wrapping and bracketed explanations removed; a
//!   header that starts with a known one takes its key; misprints matched
//!   fuzzily). The key's role comes from `data/column_roles.tsv`.
//! * **Content**: every non-empty cell read by [`crate::cells::look`]; the
//!   column's profile is the share of cells that are ids (whole, or opening
//!   the cell), dates, status labels (whole, or opening the cell before
//!   commentary), RAG words, money, numbers, yes/no answers, frequencies,
//!   owner names, and how many words the cells have and how many differ.
//!   A share of 60% or more (80% for ids, which must also differ row by
//!   row) makes the content *clear*.
//!
//! # How they combine
//!
//! 1. A known header decides, unless its cells clearly contradict it in
//!    one of the ways real documents do — then the cells win and the
//!    column carries a note (the tables stage warns
//!    `column_role_conflict`):
//!    * a status header (`Progress`) over prose that opens with no status
//!      label → commentary;
//!    * a commentary, description or unknown-role header over status
//!      labels (whole, or opening the cell: "Commenced. As at …"), when the
//!      table has no status column → status;
//!    * a priority/goal or unknown-role header over distinct ids, when the
//!      table has no id column → id (a `Reference` column stays a
//!      reference: the seed families print a second code there);
//!    * a title header over cells that are ids only → id.
//! 2. An empty or unknown header takes the role its content clearly shows
//!    (ids, dates → due, status, RAG, owner names, money, frequency).
//! 3. Then the table as a whole: one id column (the leftmost; a second one
//!    is a `reference`), one due column, one title column — of two title
//!    columns, one that repeats while the other differs row by row is the
//!    parent (priority); with no title column, a table with ids names its
//!    items by a text column of unknown header before its description
//!    column, else by the description, else by its first text column; a
//!    table with no id column whose title cells open with ids has its ids
//!    there (`leading_id`). A RAG column beside a status column is a field.
//! 4. Anything else is a field under its printed words (`column_N` when
//!    nothing is printed).
//!
//! Everything is linear in the number of cells: each cell is read once.

use crate::cells::{look, IdPlace, StatusPlace};
use crate::headers::{match_header, snake_key, HeaderMatch};
use crate::load::{self, DataFile, Loaded, Reader, TableReport};
use crate::normalise::{compact, MONTHS};
use plantab_model::{
    ColumnRole, ContentEvidence, HeaderEvidence, Period, RoleEvidence, RoleSource, TableColumn,
    TableKind,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Non-empty cells of a column looked at: enough to tell its kind.
const CELLS_LOOKED_AT: usize = 400;

/// Share of cells that makes a column's content clear.
const CLEAR: f64 = 0.6;
/// Words of its own (`CellLook::date_text_words`) from which a date-like
/// cell also counts as text (see `Profile`).
const DATED_TEXT_WORDS: usize = 2;

/// Share of cells that must be ids (and differ) for an id column.
const CLEAR_IDS: f64 = 0.8;

fn column_roles() -> &'static Loaded<HashMap<&'static str, ColumnRole>> {
    static CELL: OnceLock<Loaded<HashMap<&'static str, ColumnRole>>> = OnceLock::new();
    CELL.get_or_init(|| load_column_roles(load::COLUMN_ROLES))
}

/// Reads a key → role table: a snake_case key, a [`ColumnRole`] name.
fn load_column_roles(file: DataFile) -> Loaded<HashMap<&'static str, ColumnRole>> {
    let mut r = Reader::new(file);
    let mut out = HashMap::new();
    for row in r.rows::<2>() {
        let [key, role_name] = row.fields;
        let Some(role) = ColumnRole::from_name(role_name) else {
            r.unknown::<2, ()>(&row, "column role", role_name);
            continue;
        };
        if r.first(&row, "", key, [role_name, ""]) {
            out.insert(key, role);
        }
    }
    r.finish(out)
}

/// The key → role table's data file and bad lines.
pub(crate) fn tables() -> [TableReport; 1] {
    [column_roles().report()]
}

/// The role of a canonical header key (`data/column_roles.tsv`); a key not
/// listed there is a plain [`ColumnRole::Field`].
///
/// ```
/// use plantab_model::ColumnRole;
/// assert_eq!(plantab_vocab::role_of_key("lead_service"), ColumnRole::Owner);
/// assert_eq!(plantab_vocab::role_of_key("due"), ColumnRole::Due);
/// assert_eq!(plantab_vocab::role_of_key("size"), ColumnRole::Field);
/// ```
pub fn role_of_key(key: &str) -> ColumnRole {
    column_roles()
        .value
        .get(key)
        .copied()
        .unwrap_or(ColumnRole::Field)
}

/// What a printed header says about its column.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderRole {
    /// The canonical key it matched.
    pub key: &'static str,
    /// The role of that key.
    pub role: ColumnRole,
    /// The table kind the header suggests, if any.
    pub table_kind: Option<TableKind>,
    /// 1.0 for an exact match, lower for prefix and fuzzy ones.
    pub score: f64,
}

/// The header side of the recogniser: a printed header → its key and role
/// (see [`crate::match_header`] for how words are matched). `None` when
/// the header matches nothing.
///
/// ```
/// use plantab_model::ColumnRole;
/// let r = plantab_vocab::header_role("To be first published on⁵").unwrap();
/// assert_eq!(r.role, ColumnRole::Due);
/// let r = plantab_vocab::header_role("Frequenc y of update (e.g. monthly)").unwrap();
/// assert_eq!(r.key, "frequency");
/// ```
pub fn header_role(printed: &str) -> Option<HeaderRole> {
    let m = match_header(printed)?;
    Some(header_role_of(&m))
}

fn header_role_of(m: &HeaderMatch) -> HeaderRole {
    HeaderRole {
        key: m.key,
        role: role_of_key(m.key),
        table_kind: m.table_kind,
        score: m.score,
    }
}

/// The month (and year) a header names: "December Status vs By When" →
/// December; "Status (Decemb er 2023)" → December 2023 (matched on the
/// letters-only form, so a word broken by wrapping still counts).
pub fn period_of(header: &str) -> Period {
    let c = compact(header);
    let mut month = None;
    let mut at = usize::MAX;
    for (i, m) in MONTHS.iter().enumerate() {
        if let Some(pos) = c.find(m) {
            if pos < at {
                at = pos;
                month = Some(i as u32 + 1);
            }
        }
    }
    let year = find_year(&c);
    let label = month.map(|m| {
        let name = MONTHS.get(m as usize - 1).copied().unwrap_or_default();
        let mut name = capitalise(name);
        if let Some(y) = year {
            name.push_str(&format!(" {y}"));
        }
        name
    });
    Period {
        label,
        month,
        year: if month.is_some() { year } else { None },
    }
}

/// The period a header names when it names nothing else: a month
/// ("Dec-2010", "January 2024", "June"), a quarter ("Q1 2023–24 April to
/// June", "Quarter 3 2023") or a year ("2023", "2023/24"): the header of a
/// period grid's column. The label is the header as printed (whitespace
/// folded); month and year are set when the header names one month (a
/// quarter or a span keeps only its year). `None` when any word is not a
/// period word.
///
/// ```
/// let p = plantab_vocab::period_header("Dec-2010").unwrap();
/// assert_eq!((p.month, p.year), (Some(12), Some(2010)));
/// let p = plantab_vocab::period_header("Q1 2023–24 April to June").unwrap();
/// assert_eq!((p.month, p.year), (None, Some(2023)));
/// assert!(plantab_vocab::period_header("Status (January 2024)").is_none());
/// assert!(plantab_vocab::period_header("Lead").is_none());
/// ```
pub fn period_header(header: &str) -> Option<Period> {
    let label = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut months = Vec::new();
    let mut year = None;
    let mut quarter = false;
    let mut after_year = false;
    let mut expect_quarter_number = false;
    let tokens = label
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | ',' | '.'))
        .filter(|t| !t.is_empty());
    for t in tokens {
        let lower = t.to_ascii_lowercase();
        let digits = t.chars().all(|c| c.is_ascii_digit());
        if digits && t.len() == 4 && find_year(t).is_some() {
            year = year.or_else(|| t.parse().ok());
            after_year = true;
            continue;
        }
        if digits && t.len() == 2 && after_year {
            // "2023–24", "2010/11": a fiscal year's second part.
            after_year = false;
            continue;
        }
        if digits && t.len() == 1 && expect_quarter_number {
            expect_quarter_number = false;
            continue;
        }
        after_year = false;
        expect_quarter_number = false;
        if let Some(m) = crate::normalise::month_number(t, true) {
            months.push(m);
            continue;
        }
        match lower.as_str() {
            "q1" | "q2" | "q3" | "q4" => quarter = true,
            "quarter" | "qtr" => {
                quarter = true;
                expect_quarter_number = true;
            }
            "to" | "fy" => {}
            _ => return None,
        }
    }
    if months.is_empty() && year.is_none() && !quarter {
        return None;
    }
    let month = (months.len() == 1 && !quarter)
        .then(|| months.first().copied())
        .flatten();
    Some(Period {
        label: Some(label),
        month,
        year,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first 4-digit year (19xx/20xx) standing alone among digits.
///
/// ```
/// assert_eq!(plantab_vocab::find_year("whatwillwedoin2023"), Some(2023));
/// assert_eq!(plantab_vocab::find_year("12023"), None);
/// ```
pub fn find_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = b.get(i..i + 4)?;
        let standalone = (i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if standalone
            && w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
        {
            std::str::from_utf8(w).ok()?.parse().ok()
        } else {
            None
        }
    })
}

/// What a column's cells show, counted.
#[derive(Debug, Clone, Default)]
struct Profile {
    cells: usize,
    words: usize,
    id_whole: usize,
    id_leading: usize,
    date: usize,
    /// Date-like cells with words of their own: titles naming a period.
    dated_text: usize,
    status_whole: usize,
    status_leading: usize,
    rag: usize,
    money: usize,
    number: usize,
    yes_no: usize,
    frequency: usize,
    owner: usize,
    prose: usize,
    text: usize,
    distinct: HashSet<String>,
    /// Whole-id cells made of numbers only (`12`, `1.2`, `3.1.1`), and how
    /// many of them follow a smaller one (row numbers count up; amounts,
    /// figures and a contents list's page numbers need not).
    numbered: usize,
    counting_up: usize,
    last_number: Vec<u64>,
    /// Cells that are a known header label ("Target", "Lead", "Status"):
    /// the label column of a table printed as label/value cards.
    header_word: usize,
}

impl Profile {
    fn add(&mut self, cell: &str) {
        let l = look(cell);
        if l.words == 0 || self.cells >= CELLS_LOOKED_AT {
            return;
        }
        self.cells += 1;
        self.words += l.words;
        match l.id {
            IdPlace::Whole => {
                self.id_whole += 1;
                if let Some(n) = numeric_id(cell) {
                    self.numbered += 1;
                    if !self.last_number.is_empty() && n > self.last_number {
                        self.counting_up += 1;
                    }
                    self.last_number = n;
                }
            }
            IdPlace::Leading => self.id_leading += 1,
            IdPlace::None => {}
        }
        match l.status {
            StatusPlace::Whole(_) => self.status_whole += 1,
            StatusPlace::Leading(_) => self.status_leading += 1,
            StatusPlace::None => {}
        }
        self.date += usize::from(l.date);
        let dated_text = l.date && l.date_text_words >= DATED_TEXT_WORDS;
        self.dated_text += usize::from(dated_text);
        self.rag += usize::from(l.rag);
        self.money += usize::from(l.money);
        self.number += usize::from(l.number);
        self.yes_no += usize::from(l.yes_no);
        self.frequency += usize::from(l.frequency);
        self.owner += usize::from(l.owner_like);
        self.prose += usize::from(l.prose());
        if l.words <= 4 && crate::headers::match_header_exact(cell).is_some() {
            self.header_word += 1;
        }
        // A date-like cell with two or more words of its own ("Move to
        // three-yearly revaluations from 2021", "Ministerial diaries Q2
        // 2023") is also text: it counts for a date column and for a title
        // column alike (dates are weighed first).
        let texty = !l.punctuation
            && l.id == IdPlace::None
            && (!l.date || dated_text)
            && !l.number
            && !l.money
            && !l.rag
            && !l.yes_no
            && matches!(l.status, StatusPlace::None);
        self.text += usize::from(texty);
        let key: String = compact(cell).chars().take(60).collect();
        self.distinct.insert(key);
    }

    fn share(&self, n: usize) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            n as f64 / self.cells as f64
        }
    }

    fn mean_words(&self) -> f64 {
        self.share(self.words)
    }

    /// Share of the cells that differ from every other.
    fn distinct_share(&self) -> f64 {
        self.share(self.distinct.len())
    }

    fn status(&self) -> usize {
        self.status_whole + self.status_leading
    }

    /// The role the cells clearly show, if any (see the module docs).
    fn evidence(&self, min_cells: usize) -> Option<ContentEvidence> {
        if self.cells < min_cells.max(1) {
            return None;
        }
        let ev = |role: ColumnRole, n: usize, shows: &str| ContentEvidence {
            role,
            share: round2(self.share(n)),
            cells: self.cells,
            shows: shows.to_string(),
        };
        let clear = |n: usize| self.share(n) >= CLEAR;
        if self.share(self.header_word) >= 0.5 && self.cells >= 2 {
            return Some(ev(ColumnRole::Field, self.header_word, "header labels"));
        }
        if clear(self.rag) {
            return Some(ev(ColumnRole::Rag, self.rag, "RAG words"));
        }
        if clear(self.status()) {
            let shows = if self.status_leading > self.status_whole {
                "status labels opening commentary"
            } else {
                "status labels"
            };
            return Some(ev(ColumnRole::Status, self.status(), shows));
        }
        // Bare numbers are row numbers only when they count up.
        let numbers_count_up = self.numbered < self.cells.max(2) / 2
            || (self.counting_up + 1) as f64 >= CLEAR_IDS * self.numbered as f64;
        if self.share(self.id_whole) >= CLEAR_IDS
            && (self.distinct_share() >= CLEAR_IDS || self.cells == 1)
            && self.mean_words() <= 4.0
            && numbers_count_up
        {
            return Some(ev(ColumnRole::Id, self.id_whole, "ids"));
        }
        // Dates, unless most of them are titles naming a period
        // ("Ministerial diaries Q2 2023").
        if clear(self.date) && !clear(self.dated_text) && self.mean_words() <= 8.0 {
            return Some(ev(ColumnRole::Due, self.date, "dates"));
        }
        if self.share(self.money) >= 0.5 {
            return Some(ev(ColumnRole::Amount, self.money, "money"));
        }
        if self.share(self.number) >= 0.7 {
            return Some(ev(ColumnRole::Field, self.number, "numbers"));
        }
        if self.share(self.yes_no) >= 0.7 {
            return Some(ev(ColumnRole::Field, self.yes_no, "yes/no answers"));
        }
        if clear(self.frequency) {
            return Some(ev(ColumnRole::Frequency, self.frequency, "frequencies"));
        }
        if clear(self.owner) && self.mean_words() <= 8.0 {
            return Some(ev(ColumnRole::Owner, self.owner, "owner names"));
        }
        if clear(self.id_leading) {
            return Some(ev(ColumnRole::Title, self.id_leading, "ids opening text"));
        }
        if clear(self.text) {
            let shows = if self.share(self.prose) >= 0.5 {
                "prose"
            } else {
                "text"
            };
            return Some(ev(ColumnRole::Title, self.text, shows));
        }
        None
    }
}

/// The parts of an id made of numbers only (`3.1.1` → 3, 1, 1), for
/// telling row numbers that count up from figures.
fn numeric_id(cell: &str) -> Option<Vec<u64>> {
    let bare = cell.trim().trim_end_matches(['.', ')']);
    if bare.is_empty() || !bare.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    bare.split('.').map(|p| p.parse().ok()).collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A column's roles decided, with what the tables stage should say about
/// them.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognised {
    /// One entry per header column.
    pub columns: Vec<TableColumn>,
    /// Columns whose header and cells disagree: (column, message), for a
    /// `column_role_conflict` warning.
    pub conflicts: Vec<(usize, String)>,
    /// The table kind the title column's header suggests ("Action",
    /// "Commitment", "Performance Measure"), if any.
    pub title_kind: Option<TableKind>,
    /// The table kind another header suggests (the first), if any.
    pub other_kind: Option<TableKind>,
}

impl Recognised {
    /// The table kind the headers suggest: the title's first.
    pub fn hinted_kind(&self) -> Option<TableKind> {
        self.title_kind.or(self.other_kind)
    }
}

/// One column while the table is being decided.
struct Candidate {
    header: String,
    hm: Option<HeaderRole>,
    content: Option<ContentEvidence>,
    profile: Profile,
    role: ColumnRole,
    key: Option<String>,
    source: RoleSource,
    note: Option<String>,
    conflict: bool,
    leading_id: bool,
}

impl Candidate {
    fn content_is(&self, role: ColumnRole) -> bool {
        self.content.as_ref().is_some_and(|c| c.role == role)
    }

    fn shows(&self, what: &str) -> bool {
        self.content.as_ref().is_some_and(|c| c.shows == what)
    }

    fn set(&mut self, role: ColumnRole, source: RoleSource, note: Option<String>) {
        self.role = role;
        self.source = source;
        self.key = None;
        if note.is_some() {
            self.note = note;
        }
        if source == RoleSource::ContentOverHeader {
            self.conflict = true;
        }
    }

    fn header_word(&self) -> String {
        if self.header.is_empty() {
            "(no header)".to_string()
        } else {
            format!("{:?}", self.header)
        }
    }
}

/// Decides the role of every column of a table (see the module docs).
/// `header` holds one printed label per column (empty where none is
/// printed); `rows` the body rows' cells (spanning rows left out by the
/// caller).
pub fn recognise_columns<'a>(
    header: &[String],
    rows: impl IntoIterator<Item = &'a [String]>,
) -> Recognised {
    let width = header.len();
    let mut profiles: Vec<Profile> = (0..width).map(|_| Profile::default()).collect();
    let mut body_rows = 0usize;
    for row in rows {
        body_rows += 1;
        for (p, cell) in profiles.iter_mut().zip(row) {
            p.add(cell);
        }
    }
    let header_flat: Vec<String> = header
        .iter()
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let any_header_known = header_flat.iter().any(|h| header_role(h).is_some());
    // A table of one row shows its content in one cell a column.
    let min_cells = if body_rows <= 1 { 1 } else { 2 };
    let mut cands: Vec<Candidate> = header_flat
        .into_iter()
        .zip(profiles)
        .map(|(h, profile)| {
            let hm = if h.is_empty() {
                None
            } else {
                header_role(&h).or_else(|| money_header(&h))
            };
            let content = profile.evidence(min_cells);
            Candidate {
                header: h,
                hm,
                content,
                profile,
                role: ColumnRole::Field,
                key: None,
                source: RoleSource::Unknown,
                note: None,
                conflict: false,
                leading_id: false,
            }
        })
        .collect();

    for c in &mut cands {
        decide_column(c);
    }
    decide_table(&mut cands, any_header_known);
    let grid_periods = period_grid(&mut cands);
    scorecard(&mut cands);

    let mut hinted_kind = None;
    let mut title_hint = None;
    for c in &cands {
        if let Some(k) = c.hm.as_ref().and_then(|h| h.table_kind) {
            if c.role == ColumnRole::Title {
                title_hint = title_hint.or(Some(k));
            } else if hinted_kind.is_none() && c.hm.as_ref().is_some_and(|h| h.role == c.role) {
                hinted_kind = Some(k);
            }
        }
    }

    let mut conflicts = Vec::new();
    let mut used_keys: HashSet<String> = HashSet::new();
    let mut columns = Vec::with_capacity(width);
    for (i, c) in cands.into_iter().enumerate() {
        let key = column_key(&c, i, &mut used_keys);
        if c.conflict {
            conflicts.push((
                i,
                format!(
                    "column {} {}: the header says {}, the cells show {}; read as {}{}",
                    i + 1,
                    c.header_word(),
                    c.hm.as_ref().map_or("nothing known", |h| h.role.as_str()),
                    c.content
                        .as_ref()
                        .map_or("nothing clear", |e| e.shows.as_str()),
                    c.role,
                    c.note
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default(),
                ),
            ));
        }
        let grid_period = grid_periods.get(i).cloned().flatten();
        let period = if let Some(p) = grid_period {
            p
        } else if c.role.is_periodic() {
            period_of(&c.header)
        } else {
            Period::default()
        };
        let mut note = c.note;
        if c.leading_id && note.is_none() {
            note = Some("the cells open with the row's id".to_string());
        }
        columns.push(TableColumn {
            role: c.role,
            key,
            header: c.header,
            period,
            leading_id: c.leading_id,
            evidence: RoleEvidence {
                source: c.source,
                header: c.hm.map(|h| HeaderEvidence {
                    key: if h.key.is_empty() {
                        "(a money unit)".to_string()
                    } else {
                        h.key.to_string()
                    },
                    role: h.role,
                    score: round2(h.score),
                }),
                content: c.content,
                conflict: c.conflict,
                note,
            },
        });
    }
    Recognised {
        columns,
        conflicts,
        title_kind: title_hint,
        other_kind: hinted_kind,
    }
}

/// The columns of a period grid: two or more columns whose headers name
/// only a period ([`period_header`]) and match no other header word hold
/// one period each: status columns where the cells are status words, else
/// the step planned for the period. Returns each column's period (`None`
/// for the others).
fn period_grid(cands: &mut [Candidate]) -> Vec<Option<Period>> {
    let periods: Vec<Option<Period>> = cands
        .iter()
        .map(|c| {
            if c.hm.is_some() || c.header.is_empty() {
                return None;
            }
            period_header(&c.header)
        })
        .collect();
    if periods.iter().filter(|p| p.is_some()).count() < 2 {
        return cands.iter().map(|_| None).collect();
    }
    for (c, p) in cands.iter_mut().zip(&periods) {
        if p.is_none() {
            continue;
        }
        let statuses = c.content_is(ColumnRole::Status) || c.content_is(ColumnRole::Rag);
        let role = if statuses {
            ColumnRole::Status
        } else {
            ColumnRole::Plan
        };
        c.set(
            role,
            RoleSource::Header,
            Some("a period grid's column: the header names a period".to_string()),
        );
    }
    periods
}

/// Fewest columns of status words under names the vocabulary does not
/// know that make a table a scorecard.
const SCORECARD_SUBJECTS: usize = 3;

/// Most words (and characters) of a scorecard column's header: a name or
/// an acronym ("DAFM", "DoD", "North West"), not a sentence.
const SUBJECT_HEADER_WORDS: usize = 4;
const SUBJECT_HEADER_CHARS: usize = 40;

/// Most words a scorecard cell has on average: a status word ("Met", "Not
/// Met", "Partial"), not commentary.
const SUBJECT_CELL_WORDS: f64 = 3.0;

/// The columns of a scorecard: three or more columns whose headers are
/// short names that match no header word and no period (an organisation,
/// a department, an area: "DAFM", "BIS", "DoH") and whose cells are
/// status words are each one subject's status column
/// ([`ColumnRole::Subject`]); so is an empty column under such a name
/// among them (a column printed only as fills: "no return"). With no title
/// column, the first other column with no known header names the rows.
fn scorecard(cands: &mut [Candidate]) {
    let named = |c: &Candidate| {
        let words = c.header.split_whitespace().count();
        !c.header.is_empty()
            && words <= SUBJECT_HEADER_WORDS
            && c.header.chars().count() <= SUBJECT_HEADER_CHARS
            && c.hm
                .as_ref()
                .is_none_or(|h| matches!(h.role, ColumnRole::Owner | ColumnRole::Field))
            && period_header(&c.header).is_none()
            && !matches!(c.role, ColumnRole::Plan)
    };
    let statuses = |c: &Candidate| {
        (c.content_is(ColumnRole::Status) || c.content_is(ColumnRole::Rag))
            && c.profile.mean_words() <= SUBJECT_CELL_WORDS
    };
    let subjects: Vec<usize> = (0..cands.len())
        .filter(|&i| cands.get(i).is_some_and(|c| named(c) && statuses(c)))
        .collect();
    if subjects.len() < SCORECARD_SUBJECTS {
        return;
    }
    let (Some(&first), Some(&last)) = (subjects.first(), subjects.last()) else {
        return;
    };
    for (i, c) in cands.iter_mut().enumerate() {
        let blank = c.profile.cells == 0 && (first..=last).contains(&i) && named(c);
        if subjects.contains(&i) || blank {
            c.set(
                ColumnRole::Subject,
                RoleSource::HeaderAndContent,
                Some("a scorecard's column: a name over status words".to_string()),
            );
        }
    }
    if cands.iter().any(|c| c.role == ColumnRole::Title) {
        return;
    }
    if let Some(c) = cands.iter_mut().find(|c| {
        c.role != ColumnRole::Subject
            && c.hm.is_none()
            && c.profile.cells > 0
            && (c.source == RoleSource::Content || c.source == RoleSource::Unknown)
    }) {
        c.set(
            ColumnRole::Title,
            RoleSource::Position,
            Some("a scorecard's row labels".to_string()),
        );
    }
}

/// Takes back the roles a table's cells alone gave its columns, for a
/// table that turned out to be no plan table (a contents list, a box of
/// labels and values, a table of figures): those columns are fields under
/// their printed words again, so only plan tables are read by their cells.
/// The evidence stays, with a note.
pub fn keep_header_roles_only(columns: &mut [TableColumn]) {
    for (i, c) in columns.iter_mut().enumerate() {
        let by_cells = c.evidence.source == RoleSource::Content
            || c.evidence.source == RoleSource::Position && c.role == ColumnRole::Title;
        if !by_cells || c.role == ColumnRole::Field {
            continue;
        }
        let (role, key) = match &c.evidence.header {
            Some(h) if h.role != ColumnRole::Field && !h.key.starts_with('(') => {
                (h.role, h.key.clone())
            }
            _ => (
                ColumnRole::Field,
                if c.header.is_empty() {
                    format!("column_{}", i + 1)
                } else {
                    snake_key(&c.header)
                },
            ),
        };
        c.evidence.note = Some(format!(
            "the cells show {}, but the table is no plan table",
            c.role
        ));
        c.key = key;
        c.role = role;
        c.evidence.source = RoleSource::Unknown;
        c.leading_id = false;
    }
}

/// A header that names money by its unit (`£'000`, "Income £'000",
/// "2021 Allocation (£000)", "Budget"): an amount column.
fn money_header(h: &str) -> Option<HeaderRole> {
    crate::words::is_financial_marker(h).then_some(HeaderRole {
        key: "",
        role: ColumnRole::Amount,
        table_kind: None,
        score: 1.0,
    })
}

/// Step 1 and 2 of the module docs for one column, before the table is
/// looked at as a whole.
fn decide_column(c: &mut Candidate) {
    use ColumnRole::*;
    let content_role = c.content.as_ref().map(|e| e.role);
    match (c.hm.as_ref().map(|h| h.role), content_role) {
        (None, None) => c.set(Field, RoleSource::Unknown, None),
        (None, Some(r)) => {
            // Unknown header, clear content: the roles the cells can tell
            // by themselves. Text and numbers say what a column is not,
            // not what it is: the table decides (titles) or it stays a
            // field.
            let role = match r {
                Id | Due | Status | Rag | Owner | Amount | Frequency => r,
                _ => Field,
            };
            let source = if role == Field {
                RoleSource::Unknown
            } else {
                RoleSource::Content
            };
            c.set(role, source, None);
        }
        (Some(h), r) => {
            let agrees = r.is_some_and(|r| compatible(h, r));
            c.set(
                h,
                if agrees {
                    RoleSource::HeaderAndContent
                } else {
                    RoleSource::Header
                },
                None,
            );
            // The header's own key for its role (a money unit has none: its
            // printed words are its key).
            c.key =
                c.hm.as_ref()
                    .filter(|m| !m.key.is_empty())
                    .map(|m| m.key.to_string());
            match (h, r) {
                (Status | Rag, Some(Title)) if c.shows("prose") => c.set(
                    Commentary,
                    RoleSource::ContentOverHeader,
                    Some("a status header over prose".into()),
                ),
                (Title, Some(Id)) => c.set(
                    Id,
                    RoleSource::ContentOverHeader,
                    Some("a title header over ids only".into()),
                ),
                (Title | Description, Some(Field)) if c.shows("numbers") => c.set(
                    Field,
                    RoleSource::ContentOverHeader,
                    Some("an item's name is text, the cells are numbers".into()),
                ),
                _ => {}
            }
        }
    }
}

/// Whether a header's role and the role the cells show agree.
fn compatible(header: ColumnRole, content: ColumnRole) -> bool {
    use ColumnRole::*;
    match header {
        Id | Reference => content == Id,
        Due | Start | RevisedDue => content == Due,
        Status | Rag => matches!(content, Status | Rag),
        Owner | Partners => content == Owner,
        Title | Description | Commentary => content == Title,
        Amount => content == Amount,
        Frequency => content == Frequency,
        _ => false,
    }
}

/// Step 1's table-dependent overrides and step 3 of the module docs.
fn decide_table(cands: &mut [Candidate], any_header_known: bool) {
    use ColumnRole::*;
    let has = |cands: &[Candidate], role: ColumnRole| cands.iter().any(|c| c.role == role);

    // Status from cells under a commentary, description or field header
    // ("Progress at end of June 2024" holding "Underway – on track. …"),
    // when no column is a status one.
    if !has(cands, Status) && !has(cands, Rag) {
        if let Some(c) = cands.iter_mut().find(|c| {
            c.content_is(Status)
                && c.hm
                    .as_ref()
                    .is_some_and(|h| matches!(h.role, Commentary | Description | Field))
        }) {
            let note = if c.profile.status_leading > c.profile.status_whole {
                "status labels opening commentary under a commentary header"
            } else {
                "status labels under another header"
            };
            c.set(Status, RoleSource::ContentOverHeader, Some(note.into()));
        }
    }

    // One id column: the leftmost by header; else a column of distinct
    // ids under a priority, reference or field header; else by content.
    let header_id = cands
        .iter()
        .position(|c| c.role == Id && c.source != RoleSource::Content);
    if header_id.is_none() {
        if let Some(c) = cands.iter_mut().find(|c| {
            c.content_is(Id)
                && c.hm
                    .as_ref()
                    .is_some_and(|h| matches!(h.role, Priority | Field))
        }) {
            c.set(
                Id,
                RoleSource::ContentOverHeader,
                Some("distinct ids under another header".into()),
            );
        }
    }
    let mut seen_id = false;
    for c in cands.iter_mut() {
        if c.role != Id {
            continue;
        }
        if !seen_id {
            seen_id = true;
            continue;
        }
        if c.source == RoleSource::Content {
            c.set(Field, RoleSource::Unknown, None);
        } else {
            c.set(
                Reference,
                RoleSource::Position,
                Some("a second id column".into()),
            );
        }
    }

    // Titles: one per table.
    let titles: Vec<usize> = (0..cands.len())
        .filter(|&i| cands.get(i).is_some_and(|c| c.role == Title))
        .collect();
    if titles.len() >= 2 {
        // A title that repeats beside one that differs row by row is the
        // parent the other rows sit under.
        let varied = titles.iter().copied().find(|&i| {
            cands
                .get(i)
                .is_some_and(|c| c.profile.distinct_share() >= 0.9)
        });
        if let Some(keep) = varied {
            for &i in &titles {
                if i == keep {
                    continue;
                }
                if let Some(c) = cands.get_mut(i) {
                    if c.profile.distinct_share() < 0.75 && i < keep {
                        c.set(
                            Priority,
                            RoleSource::Position,
                            Some("repeats beside a title that differs row by row".into()),
                        );
                    } else {
                        c.set(
                            Field,
                            RoleSource::Position,
                            Some("a second title column".into()),
                        );
                    }
                }
            }
        } else {
            for &i in titles.iter().skip(1) {
                if let Some(c) = cands.get_mut(i) {
                    c.set(
                        Field,
                        RoleSource::Position,
                        Some("a second title column".into()),
                    );
                }
            }
        }
    }
    let has_id = has(cands, Id);
    if !has(cands, Title) {
        // A table with ids names its items by its description, else by its
        // first text column; a table whose headers are all unknown, by its
        // first text column.
        let description = cands.iter().position(|c| c.role == Description);
        let text = cands.iter().position(|c| {
            c.role == Field && c.key.is_none() && c.content_is(Title) && c.hm.is_none()
        });
        let pick = if has_id {
            // A text column of unknown header before the description
            // (Id | Implication | … | Detail) names the item; the
            // description describes it.
            let first_text = text.filter(|&t| description.is_some_and(|d| t < d));
            first_text
                .map(|i| (i, "no title column: the text column before the description"))
                .or(description.map(|i| (i, "no title column: the description names the item")))
                .or(text.map(|i| (i, "no title column: the first text column")))
        } else if !any_header_known {
            text.map(|i| (i, "no header: the first text column"))
        } else {
            None
        };
        if let Some((i, note)) = pick {
            if let Some(c) = cands.get_mut(i) {
                let source = if c.hm.is_some() {
                    RoleSource::Position
                } else {
                    RoleSource::Content
                };
                c.set(Title, source, Some(note.into()));
            }
        }
    }
    // Ids opening the title cells, when no column holds them.
    if !has(cands, Id) {
        if let Some(c) = cands
            .iter_mut()
            .find(|c| c.role == Title && c.profile.share(c.profile.id_leading) >= CLEAR)
        {
            c.leading_id = true;
        }
    }

    // One due and one start column; of due dates found by their cells
    // alone, the last (a meeting's date comes first).
    let header_due = cands
        .iter()
        .any(|c| c.role == Due && c.source != RoleSource::Content);
    let content_dues: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            cands
                .get(i)
                .is_some_and(|c| c.role == Due && c.source == RoleSource::Content)
        })
        .collect();
    for (n, &i) in content_dues.iter().enumerate() {
        if header_due || n + 1 < content_dues.len() {
            if let Some(c) = cands.get_mut(i) {
                c.set(Field, RoleSource::Unknown, None);
            }
        }
    }
    for role in [Due, Start, Description] {
        let mut seen = false;
        for c in cands.iter_mut().filter(|c| c.role == role) {
            if seen {
                c.set(
                    Field,
                    RoleSource::Position,
                    Some(format!("a second {role} column")),
                );
            }
            seen = true;
        }
    }
    // Content-only owners, statuses and RAG columns: one each.
    for role in [Owner, Status, Rag, Amount, Frequency] {
        let header_has = cands
            .iter()
            .any(|c| c.role == role && c.source != RoleSource::Content);
        let mut seen = header_has;
        for c in cands
            .iter_mut()
            .filter(|c| c.role == role && c.source == RoleSource::Content)
        {
            if seen {
                c.set(Field, RoleSource::Unknown, None);
            }
            seen = true;
        }
    }
    // A RAG column beside a status column is a field of its own.
    if has(cands, Status) {
        for c in cands.iter_mut().filter(|c| c.role == Rag) {
            c.set(
                Field,
                RoleSource::Position,
                Some("a RAG column beside a status column".into()),
            );
            c.key = Some("rag".into());
        }
    }
}

/// The key a column's text goes under (see [`TableColumn::key`]).
fn column_key(c: &Candidate, index: usize, used: &mut HashSet<String>) -> String {
    use ColumnRole::*;
    let contract = match c.role {
        Id => Some("id"),
        Title => Some("title"),
        Description => Some("description"),
        Due => Some("due"),
        Start => Some("start"),
        Status | Rag => Some("status"),
        RevisedDue => Some("revised_due"),
        Commentary => Some("commentary"),
        Plan => Some("plan"),
        _ => None,
    };
    if let Some(k) = contract {
        return k.to_string();
    }
    // The header's own key when it names this role (lead_service, target,
    // reference); the first column with a key keeps it, later ones their
    // printed words.
    let header_key = c
        .key
        .clone()
        .or_else(|| {
            c.hm.as_ref()
                .filter(|h| !h.key.is_empty())
                .filter(|h| h.role == c.role || c.role == Field && h.role == Field)
                .map(|h| h.key.to_string())
        })
        .or_else(|| match (c.role, c.header.is_empty()) {
            (Reference, _) => Some("reference".into()),
            (Owner | Amount | Frequency | Priority | Partners, true) => {
                Some(c.role.as_str().to_string())
            }
            _ => None,
        });
    let printed = (!c.header.is_empty()).then(|| snake_key(&c.header));
    let key = match header_key {
        Some(k) if !used.contains(&k) => k,
        _ => printed.unwrap_or_else(|| format!("column_{}", index + 1)),
    };
    used.insert(key.clone());
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnRole::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn roles(header: &[&str], rows: &[&[&str]]) -> Vec<(ColumnRole, String)> {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| strings(r)).collect();
        recognise_columns(&strings(header), rows.iter().map(|r| r.as_slice()))
            .columns
            .into_iter()
            .map(|c| (c.role, c.key))
            .collect()
    }

    #[test]
    fn a_text_column_before_the_description_names_the_item() {
        // An alignment table: id | Implication | Aligned? | Detail. The
        // implication is the item, the detail describes it.
        let r = roles(
            &["", "Implication", "Aligned?", "Detail"],
            &[
                &[
                    "1.1",
                    "There is a declaration of the value of information",
                    "Y",
                    "In general terms the organisation has declared the importance of information.",
                ],
                &[
                    "1.2",
                    "The approach to cataloguing assets is defined",
                    "Y",
                    "The information asset owner role is how the approach is implemented here.",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got[0], Id);
        assert_eq!(got[1], Title);
        assert_eq!(got[3], Description);
    }

    #[test]
    fn a_scorecard_has_one_subject_column_per_organisation() {
        // Commitments × departments, 'Met' / 'Not Met' in each cell; the
        // row labels end with the period the publication covers; one
        // department sent no return (an empty column).
        let r = roles(
            &["", "BIS", "CO", "DCLG", "DoD", "HMT"],
            &[
                &["Spend data Q2 2023", "Met", "Not\nMet", "Met", "", "Met"],
                &["GPC data Q2 2023", "Not Met", "Met", "Met", "", "Partial"],
                &[
                    "Organogram as at 1 July 2023",
                    "Met",
                    "Met",
                    "N/A",
                    "",
                    "Met",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Title, Subject, Subject, Subject, Subject, Subject]);
        assert_eq!(r.get(1).map(|(_, k)| k.as_str()), Some("bis"));
    }

    #[test]
    fn status_columns_under_known_or_period_headers_are_no_scorecard() {
        // Two status words under unknown names are not enough, and
        // period headers make a period grid.
        let r = roles(
            &["Action", "North", "South", "Status"],
            &[
                &["Open the depot", "Complete", "Delayed", "On track"],
                &["Hire staff", "On track", "Complete", "Delayed"],
            ],
        );
        assert!(r.iter().all(|(role, _)| *role != Subject));
        let r = roles(
            &["Milestone", "Q1 2023-24", "Q2 2023-24", "Q3 2023-24"],
            &[
                &["Launch", "Complete", "Complete", "Complete"],
                &["Review", "On track", "Delayed", "On track"],
            ],
        );
        assert!(r.iter().all(|(role, _)| *role != Subject));
    }

    #[test]
    fn header_words_of_other_governments() {
        let r = roles(
            &[
                "No.",
                "Action",
                "Lead",
                "Timescale",
                "Progress at end of March 2024",
                "Status",
            ],
            &[
                &[
                    "1.1",
                    "Press for a social tariff",
                    "Scottish Government",
                    "2023-24",
                    "We wrote to the UK Government in May.",
                    "Complete",
                ],
                &[
                    "1.2",
                    "Extend the fund",
                    "Social Justice Directorate",
                    "Winter 2023-24",
                    "The fund was extended for a further year.",
                    "Complete",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Id, Title, Owner, Due, Commentary, Status]);
    }

    #[test]
    fn content_decides_ambiguous_and_unknown_headers() {
        // A Goal column of distinct ids is the id; footnote marks and
        // fiscal years do not hide the measures' headers.
        let r = roles(
            &[
                "Goal",
                "Measure",
                "Baseline (FY2022)",
                "Target FY2024¹",
                "Q3 FY2024 Actual²",
                "Status",
                "Lead Agency",
            ],
            &[
                &[
                    "ED-1",
                    "Third graders reading at grade level",
                    "58%",
                    "66%",
                    "63%",
                    "Progressing",
                    "Department of Education",
                ],
                &[
                    "ED-2",
                    "High school graduation rate",
                    "85.1%",
                    "88.0%",
                    "88.4%",
                    "On Target",
                    "Department of Education",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Id, Title, Baseline, Target, Actual, Status, Owner]);
        // A status fused with commentary under a progress header.
        let r = roles(
            &[
                "Commitment",
                "Lead",
                "Target date",
                "Progress at end of June 2024",
            ],
            &[
                &[
                    "C1.1 – Connect 98% of homes",
                    "Broadband Directorate",
                    "March 31, 2026",
                    "Underway – on track. Agreements signed.",
                ],
                &[
                    "C1.2 – Launch a transit fund",
                    "Infrastructure Branch",
                    "2024–25",
                    "Completed – fully met. The fund opened.",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Title, Owner, Due, Status]);
        let rec = recognise_columns(
            &strings(&[
                "Commitment",
                "Lead",
                "Target date",
                "Progress at end of June 2024",
            ]),
            [
                strings(&[
                    "C1.1 – Connect 98% of homes",
                    "A Directorate",
                    "2025",
                    "Underway – on track. Signed.",
                ]),
                strings(&[
                    "C1.2 – Launch a fund",
                    "B Branch",
                    "2026",
                    "Completed – fully met. Opened.",
                ]),
            ]
            .iter()
            .map(|r| r.as_slice()),
        );
        assert!(rec.columns[0].leading_id);
        assert_eq!(rec.conflicts.len(), 1);
    }

    #[test]
    fn a_headerless_log_is_read_by_its_cells() {
        let r = roles(
            &["", "", ""],
            &[
                &[
                    "Circulate minutes and actions from the meeting",
                    "KK",
                    "New",
                ],
                &[
                    "Establish date and objectives of the next event",
                    "All",
                    "Ongoing",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Title, Owner, Status]);
    }

    #[test]
    fn two_titles_the_repeating_one_is_the_parent() {
        let r = roles(
            &[
                "Ref",
                "Commitment",
                "Milestone 2024-25",
                "Lead",
                "Target date",
                "RAG",
            ],
            &[
                &[
                    "HSG-01",
                    "Build more social homes",
                    "Approve grant plans",
                    "Housing Division",
                    "Q1 2024-25",
                    "",
                ],
                &[
                    "HSG-02",
                    "Build more social homes",
                    "Complete 4,500 homes in year",
                    "Housing Division",
                    "31/03/2025",
                    "",
                ],
                &[
                    "HSG-03",
                    "Build more social homes",
                    "Open the land release fund",
                    "Land Division",
                    "Summer 2024",
                    "",
                ],
            ],
        );
        let got: Vec<ColumnRole> = r.iter().map(|(r, _)| *r).collect();
        assert_eq!(got, [Id, Priority, Title, Owner, Due, Rag]);
    }

    #[test]
    fn keys_keep_the_seed_families_names() {
        let r = roles(
            &[
                "ID",
                "MINISTERIAL ACTION",
                "LEAD DEPT",
                "REF#",
                "Other Leads",
            ],
            &[&["CM P1.1", "Do it", "CLS", "PRO29233", "Head of Housing"]],
        );
        let keys: Vec<&str> = r.iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["id", "title", "lead_department", "reference", "other_leads"]
        );
    }

    #[test]
    fn periods() {
        let p = period_of("December Status vs By When");
        assert_eq!(
            (p.month, p.year, p.label.as_deref()),
            (Some(12), None, Some("December"))
        );
        let p = period_of("Status (Decemb\ner 2023)");
        assert_eq!(
            (p.month, p.year, p.label.as_deref()),
            (Some(12), Some(2023), Some("December 2023"))
        );
        assert_eq!(period_of("Status"), Period::default());
    }
}
