//! The output contract (v1): the JSON document every input becomes.
//!
//! Field names here are stable promises to downstream users (see
//! `docs/OUTPUT.md` and `schemas/plantab-document.schema.json`). Add
//! fields freely; never rename or drop one without a new [`SCHEMA_VERSION`].

use crate::codes::{Location, WarningCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The contract version written into every document.
pub const SCHEMA_VERSION: &str = "1";

/// The [`Record::fields`] key of text printed in a row that fits no column
/// (the contract's `fields.unparsed`).
pub const UNPARSED_FIELD: &str = "unparsed";

/// One input file, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Where the document came from.
    pub source: Source,
    /// What the document is, as a whole.
    pub document: DocumentInfo,
    /// Every table rebuilt from the input, plan tables and others alike.
    pub tables: Vec<Table>,
    /// One record per plan item (action, project, measure …).
    pub records: Vec<Record>,
    /// Everything the pipeline was unsure about.
    pub warnings: Vec<Warning>,
}

/// The input file a document was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given on the command line.
    pub path: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Which reader read it.
    pub format: SourceFormat,
    /// Page count; `None` for text without page marks.
    pub pages: Option<u32>,
    /// Size of the input in bytes.
    pub bytes: u64,
}

/// The kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// A PDF file.
    Pdf,
    /// A text conversion of a document.
    Text,
}

/// Document-level facts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Which family of plan document this is.
    pub kind: DocumentKind,
    /// The document's title, when one is printed.
    pub title: Option<String>,
    /// Minister, department or council the document belongs to, when stated.
    pub owner: Option<String>,
    /// The plan/report year or span, when stated.
    pub period: Option<String>,
    /// The status legend, when the document defines one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_legend: Vec<StatusLegendEntry>,
    /// The month (1–12) the document's financial years start in, when
    /// the option, the document or its jurisdiction says; absent for the
    /// default rule (April, years written as pairs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_start: Option<u32>,
    /// The jurisdiction the document's names place it in (`uk`,
    /// `scotland`, `wales`, `northern_ireland`, `ireland`, `jersey`,
    /// `canada`, `australia`, `new_zealand`, `us_federal`, `us_state` …),
    /// when recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The date the document reports at (`YYYY-MM-DD`: "as at 31 May
    /// 2024", "Position at the end of October 2023"), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_date: Option<String>,
}

/// The document families plantab knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// An end-of-period progress report against a plan.
    ProgressReport,
    /// A ministerial delivery plan.
    DeliveryPlan,
    /// A department business plan.
    BusinessPlan,
    /// An annual report.
    AnnualReport,
    /// An improvement-plan tracker.
    ImprovementTracker,
    /// None of the above could be told.
    #[default]
    Unknown,
}

/// One entry of a document's own status legend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusLegendEntry {
    /// The normalised code the label maps to.
    pub code: StatusCode,
    /// The label as printed.
    pub label: String,
    /// The definition the document gives, unwrapped.
    pub definition: Option<String>,
    /// The colour the legend prints the label on (a swatch or a filled
    /// label cell), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
}

/// A printed colour: a cell's fill, a legend swatch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colour {
    /// The colour's name as the eye reads it (`red`, `amber`, `green`,
    /// `blue`, `grey` …; `data/colours.tsv` of plantab-vocab).
    pub name: String,
    /// The colour as printed, `#rrggbb` (lower case).
    pub rgb: String,
}

/// Where a status entry's code came from, when not from its printed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeFrom {
    /// The status cell printed no words, only a fill: the code is the
    /// colour's meaning in the document's legend, else the usual RAG
    /// meaning of the colour's name.
    Colour,
}

/// One rebuilt table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Position in [`Document::tables`], 0-based.
    pub index: usize,
    /// What the table holds.
    pub kind: TableKind,
    /// The nearest heading above the table.
    pub section: Option<String>,
    /// Every page the table was rebuilt from (1-based); empty for text
    /// without page marks.
    pub pages: Vec<u32>,
    /// One entry per column: canonical key and header as printed.
    pub columns: Vec<Column>,
    /// The rebuilt grid, one string per column.
    pub rows: Vec<Vec<String>>,
    /// How page fragments were put back together.
    pub joined: Joined,
    /// Where the table sits on each page (PDF input only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bbox: Vec<PageBox>,
    /// How many of `rows` are the printed header (title bars and header
    /// rows, top first). `plantab tables` keeps the header in `rows`;
    /// `extract` moves it into `columns` (0, left out).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub header_rows: usize,
    /// The printed cells with their spans, when the reader saw them (PDF
    /// grids), positioned in `rows`; cells with no text are left out. Empty
    /// (and left out) when nothing is known beyond `rows`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Cell>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One printed cell of a [`Table`], with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// 0-based row in [`Table::rows`] of its top edge.
    pub row: usize,
    /// 0-based column of its left edge.
    pub col: usize,
    /// Rows covered (1 for a plain cell).
    pub row_span: usize,
    /// Columns covered (1 for a plain cell).
    pub col_span: usize,
    /// The text, lines joined with `\n`.
    pub text: String,
}

/// What a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Actions (ministerial actions, tracker rows).
    Actions,
    /// Projects and programmes.
    Projects,
    /// A legislative programme.
    Legislation,
    /// Performance measures.
    Measures,
    /// Initiatives (government plan, departmental).
    Initiatives,
    /// Money: budgets, allocations, £'000 figures.
    Financial,
    /// Anything else (explanations, structure charts …).
    Other,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Canonical key (`id`, `title`, `due`, `status`, or a `fields` key).
    pub key: String,
    /// The header as printed (unwrapped).
    pub header: String,
}

/// How page fragments of a table were put back together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Joined {
    /// One fragment.
    None,
    /// Left and right columns printed on different pages, joined row by row.
    SideBySide,
    /// Rows continued on following pages, appended.
    Continued,
}

/// A bounding box on one page, PDF points, origin bottom left.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageBox {
    /// 1-based page number.
    pub page: u32,
    /// `[x0, y0, x1, y1]`.
    pub bbox: [f64; 4],
}

/// One plan item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The row's identifier as printed, whitespace normalised.
    pub id: Option<String>,
    /// Further identifiers printed in the id cell.
    pub aliases: Vec<String>,
    /// The priority / theme / workstream the row sits under.
    pub parent_id: Option<String>,
    /// What kind of item this is.
    pub kind: RecordKind,
    /// The section (nearest heading) the record's table sits in.
    pub section: Option<String>,
    /// The action / initiative / project name.
    pub title: Option<String>,
    /// What will be done, plain text.
    pub description: Option<String>,
    /// Due date.
    pub due: Option<DateValue>,
    /// Start date.
    pub start: Option<DateValue>,
    /// One entry per reporting period, oldest first.
    pub status: Vec<StatusEntry>,
    /// The step planned in each period of a period grid, in column order;
    /// omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanEntry>,
    /// A measure's baseline, target, actual and unit (records of tables
    /// with target, baseline or actual columns); omitted when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Every other column: canonical snake_case key → text.
    pub fields: BTreeMap<String, String>,
    /// Where the record was printed.
    pub provenance: Provenance,
}

/// A measure's values as printed: what it started from, what it aims
/// for, what it reached and what they are counted in. The result's
/// rating (Met, Not met, Partially achieved …) is the record's `status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// The baseline as printed ("64.2%", "14 (end 2021)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// The target as printed ("95% or more", "£45.0m").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The actual / result / outturn figure as printed, without a rating
    /// printed in the same cell ("97.1%" of "97.1% Achieved").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// What the values are in ("%", "£m", "$", "days", "tonnes CO2e",
    /// "number"): from the values' cells, else the measure's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Record kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A priority / theme row other rows sit under.
    Priority,
    /// A row of an actions table.
    Action,
    /// A project or programme.
    Project,
    /// An item of legislation.
    Legislation,
    /// A performance measure.
    Measure,
    /// An initiative.
    Initiative,
}

/// The step a record plans for one period of a period grid (a column
/// headed by a month, quarter or year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// `YYYY-MM` when the column names a month.
    pub period: Option<String>,
    /// The period as printed (the column's header).
    pub label: Option<String>,
    /// The planned step as printed, unwrapped.
    pub text: String,
}

/// The status of a record for one reporting period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusEntry {
    /// `YYYY-MM` when the column names a month.
    pub period: Option<String>,
    /// The period as printed.
    pub label: Option<String>,
    /// The status as printed, unwrapped.
    pub raw: String,
    /// The normalised status.
    pub code: StatusCode,
    /// Revised due date, when given.
    pub revised_due: Option<DateValue>,
    /// Commentary for the period.
    pub commentary: Option<String>,
    /// The status cell's fill, when it has one (PDF input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// Set when the code was not read from words (`colour`: a fill with
    /// no text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_from: Option<CodeFrom>,
    /// Whose status this is, on a scorecard: the organisation, department
    /// or area its column's header names (`label` is then the document's
    /// reporting period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// Normalised status codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusCode {
    /// On track.
    OnTrack,
    /// Medium progress / some slippage.
    MediumProgress,
    /// Significant issues / slippage.
    SignificantIssues,
    /// Delayed.
    Delayed,
    /// Deferred.
    Deferred,
    /// In progress.
    InProgress,
    /// Delivered.
    Delivered,
    /// Complete.
    Complete,
    /// Closed.
    Closed,
    /// Cancelled / withdrawn.
    Cancelled,
    /// On hold.
    OnHold,
    /// Not due to start.
    NotDueToStart,
    /// A new action added in the period.
    NewAction,
    /// An assurance action.
    AssuranceAction,
    /// Not applicable.
    NotApplicable,
    /// A measure's result: the target was met ("Met", "Fully met").
    Met,
    /// A measure's result: the target was not met ("Not met", "Not
    /// achieved").
    NotMet,
    /// A measure's result: the target was partly met ("Partially met",
    /// "Partially achieved", "Partial").
    PartiallyMet,
    /// Matched nothing.
    Unknown,
}

impl StatusCode {
    /// Every code, in contract order.
    pub const ALL: [StatusCode; 19] = [
        StatusCode::OnTrack,
        StatusCode::MediumProgress,
        StatusCode::SignificantIssues,
        StatusCode::Delayed,
        StatusCode::Deferred,
        StatusCode::InProgress,
        StatusCode::Delivered,
        StatusCode::Complete,
        StatusCode::Closed,
        StatusCode::Cancelled,
        StatusCode::OnHold,
        StatusCode::NotDueToStart,
        StatusCode::NewAction,
        StatusCode::AssuranceAction,
        StatusCode::NotApplicable,
        StatusCode::Met,
        StatusCode::NotMet,
        StatusCode::PartiallyMet,
        StatusCode::Unknown,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusCode::OnTrack => "on_track",
            StatusCode::MediumProgress => "medium_progress",
            StatusCode::SignificantIssues => "significant_issues",
            StatusCode::Delayed => "delayed",
            StatusCode::Deferred => "deferred",
            StatusCode::InProgress => "in_progress",
            StatusCode::Delivered => "delivered",
            StatusCode::Complete => "complete",
            StatusCode::Closed => "closed",
            StatusCode::Cancelled => "cancelled",
            StatusCode::OnHold => "on_hold",
            StatusCode::NotDueToStart => "not_due_to_start",
            StatusCode::NewAction => "new_action",
            StatusCode::AssuranceAction => "assurance_action",
            StatusCode::NotApplicable => "not_applicable",
            StatusCode::Met => "met",
            StatusCode::NotMet => "not_met",
            StatusCode::PartiallyMet => "partially_met",
            StatusCode::Unknown => "unknown",
        }
    }

    /// Parses the snake_case name used in JSON (and in vocabulary files).
    pub fn from_name(name: &str) -> Option<StatusCode> {
        StatusCode::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A date as printed and as understood. Never a bare string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// As printed.
    pub raw: String,
    /// What kind of date expression it is.
    pub kind: DateKind,
    /// ISO 8601 first day covered.
    pub start: Option<String>,
    /// ISO 8601 last day covered.
    pub end: Option<String>,
    /// True when the year came from the document, not the cell.
    pub year_inferred: bool,
    /// The financial year printed, as `YYYY-YY` (first calendar year and
    /// the last two digits of the next: `2024-25` for `2024/25`, `Q3
    /// 2024-25`, or US `FY2025` under an October year), or `YYYY` where
    /// the financial year is the calendar year; absent when the cell names
    /// no financial year (or several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<String>,
}

/// Kinds of date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// One day.
    Date,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A span between two points.
    Range,
    /// Several dates or periods.
    Multiple,
    /// Ongoing, no end.
    Ongoing,
    /// To be confirmed.
    Tbc,
    /// A recurring schedule.
    Recurring,
    /// Not applicable.
    NotApplicable,
    /// Not understood (raw kept).
    Unknown,
}

/// Where a record was printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Index into [`Document::tables`].
    pub table: usize,
    /// Pages the row was printed on (1-based); empty for text without page
    /// marks.
    pub pages: Vec<u32>,
    /// 0-based row index in the table's `rows`.
    pub row: usize,
    /// 1-based line in a text input where the row starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Where the row sits on each page (PDF input only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bbox: Vec<PageBox>,
}

/// Something the pipeline was unsure about, or text it could not place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What it is about (serialised as its stable snake_case string:
    /// `row_count_mismatch`, `unknown_status`, `unparsed_text`, …).
    pub code: WarningCode,
    /// What happened, for a person.
    pub message: String,
    /// Where it points: `page` (always written, `null` when not known),
    /// and `line`, `table`, `row` when known.
    #[serde(flatten)]
    pub location: Location,
}

impl Warning {
    /// A warning with no location.
    pub fn new(code: WarningCode, message: impl Into<String>) -> Self {
        Warning {
            code,
            message: message.into(),
            location: Location::default(),
        }
    }

    /// The same warning, placed on a page.
    pub fn on_page(mut self, page: Option<u32>) -> Self {
        self.location.page = page;
        self
    }

    /// The same warning, placed at a 1-based line of a text input.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.location.line = line;
        self
    }

    /// The same warning, placed at a row of a table (indexes into the
    /// document's `tables` and that table's `rows`).
    pub fn at_row(mut self, table: usize, row: usize) -> Self {
        self.location.table = Some(table);
        self.location.row = Some(row);
        self
    }

    /// The same warning, placed on a table.
    pub fn in_table(mut self, table: usize) -> Self {
        self.location.table = Some(table);
        self
    }

    /// The 1-based page it points at, when known.
    pub fn page(&self) -> Option<u32> {
        self.location.page
    }
}
