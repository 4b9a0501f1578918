//! The column model: what each column of a table holds, decided once per
//! column by the tables stage (`plantab-tables`, with the recogniser of
//! `plantab-vocab::columns`) and consumed by the records stage. No stage
//! after the tables stage matches header words again.
//!
//! A [`TableColumn`] keeps the decided [`ColumnRole`], the key its text goes
//! under in the output (a contract key such as `id`, `due`, `status`, or a
//! `fields` key), the header as printed, the reporting period a status-like
//! header names, and the [`RoleEvidence`] that chose the role: what the
//! header's words matched and what the column's cells look like.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// The row's identifier (`1.2`, `P3.2`, `OC.A2.1`, `HSG-04`, `Action 12`).
    Id,
    /// The item's name: the action, commitment, milestone, dataset, measure.
    Title,
    /// What will be done, in more words than the title.
    Description,
    /// Who is responsible: a lead, owner, department, agency, officer.
    Owner,
    /// Other bodies involved besides the owner (partners, other leads).
    Partners,
    /// The due date (by when, deadline, target date, timescale).
    Due,
    /// The start date.
    Start,
    /// A revised due date (for a reporting period).
    RevisedDue,
    /// A status word (for a reporting period).
    Status,
    /// A red/amber/green rating (a status given as a colour word or fill).
    Rag,
    /// Commentary or progress text (for a reporting period).
    Commentary,
    /// The step planned for a reporting period: a column headed by a month,
    /// quarter or year ("Dec-2010", "Q1 2023–24") whose cells are no status
    /// words.
    Plan,
    /// One column of a scorecard: the organisation, department or area
    /// its header names, a status word or colour in each cell (one status
    /// entry per cell, `subject` the header).
    Subject,
    /// A measure's target.
    Target,
    /// A measure's baseline.
    Baseline,
    /// A measure's actual value or result.
    Actual,
    /// A measure's unit.
    Unit,
    /// Money: a budget, cost, funding, allocation.
    Amount,
    /// The priority, theme, goal or workstream a row belongs to.
    Priority,
    /// How often something is published, updated or reported.
    Frequency,
    /// A further reference (a second identifier column).
    Reference,
    /// Anything else: its text is kept in `fields` under the column's key.
    Field,
}

impl ColumnRole {
    /// Every role, in declaration order.
    pub const ALL: [ColumnRole; 22] = [
        ColumnRole::Id,
        ColumnRole::Title,
        ColumnRole::Description,
        ColumnRole::Owner,
        ColumnRole::Partners,
        ColumnRole::Due,
        ColumnRole::Start,
        ColumnRole::RevisedDue,
        ColumnRole::Status,
        ColumnRole::Rag,
        ColumnRole::Commentary,
        ColumnRole::Plan,
        ColumnRole::Subject,
        ColumnRole::Target,
        ColumnRole::Baseline,
        ColumnRole::Actual,
        ColumnRole::Unit,
        ColumnRole::Amount,
        ColumnRole::Priority,
        ColumnRole::Frequency,
        ColumnRole::Reference,
        ColumnRole::Field,
    ];

    /// The role's snake_case name (as in JSON and in the vocabulary's
    /// `column_roles.tsv`).
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Id => "id",
            ColumnRole::Title => "title",
            ColumnRole::Description => "description",
            ColumnRole::Owner => "owner",
            ColumnRole::Partners => "partners",
            ColumnRole::Due => "due",
            ColumnRole::Start => "start",
            ColumnRole::RevisedDue => "revised_due",
            ColumnRole::Status => "status",
            ColumnRole::Rag => "rag",
            ColumnRole::Commentary => "commentary",
            ColumnRole::Plan => "plan",
            ColumnRole::Subject => "subject",
            ColumnRole::Target => "target",
            ColumnRole::Baseline => "baseline",
            ColumnRole::Actual => "actual",
            ColumnRole::Unit => "unit",
            ColumnRole::Amount => "amount",
            ColumnRole::Priority => "priority",
            ColumnRole::Frequency => "frequency",
            ColumnRole::Reference => "reference",
            ColumnRole::Field => "field",
        }
    }

    /// The role named `name` ([`Self::as_str`]), if any.
    pub fn from_name(name: &str) -> Option<ColumnRole> {
        ColumnRole::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// True for the roles whose columns come once per reporting period
    /// (status, RAG, revised due date, commentary, planned step): they are
    /// grouped by the period their header names.
    pub fn is_periodic(self) -> bool {
        matches!(
            self,
            ColumnRole::Status
                | ColumnRole::Rag
                | ColumnRole::RevisedDue
                | ColumnRole::Commentary
                | ColumnRole::Plan
        )
    }

    /// True for the roles a measures table is made of.
    pub fn is_measure(self) -> bool {
        matches!(
            self,
            ColumnRole::Target | ColumnRole::Baseline | ColumnRole::Actual
        )
    }
}

impl fmt::Display for ColumnRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The reporting period a status-like column's header names ("December
/// Status vs By When", "Status (January 2024)").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Period {
    /// The period as printed ("December", "January 2024"); `None` when the
    /// header names none.
    pub label: Option<String>,
    /// Month 1–12 when the header names one.
    pub month: Option<u32>,
    /// Year when the header names one (with a month).
    pub year: Option<i32>,
}

impl Period {
    /// True when the header names no period.
    pub fn is_none(&self) -> bool {
        self.label.is_none() && self.month.is_none() && self.year.is_none()
    }
}

/// One column of a table, interpreted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableColumn {
    /// What the column holds.
    pub role: ColumnRole,
    /// The key its text goes under: the role's contract key (`id`, `title`,
    /// `description`, `due`, `start`, `status`, `revised_due`,
    /// `commentary`) or a `fields` key (`lead_service`, `owner`, `target`,
    /// the printed words in snake_case, `column_N` for a column with no
    /// header).
    pub key: String,
    /// The header as printed, unwrapped (empty when none is printed).
    pub header: String,
    /// The reporting period the header names (status-like columns).
    #[serde(default, skip_serializing_if = "Period::is_none")]
    pub period: Period,
    /// True for a title column whose cells open with the row's id (`1.1.1
    /// Issue the standard`, `C1.1 – Connect …`) in a table with no id
    /// column: the records stage splits the id off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leading_id: bool,
    /// What chose the role.
    pub evidence: RoleEvidence,
}

impl TableColumn {
    /// One line for a person: the header, the role and key, and the
    /// evidence (`"Due by" → due [due] (header: due_by 1.00; cells: dates
    /// 0.75 of 4; header and content)`), as `plantab debug` prints it.
    pub fn summary(&self) -> String {
        let header = if self.header.is_empty() {
            "(no header)".to_string()
        } else {
            format!("{:?}", self.header)
        };
        let mut parts = Vec::new();
        if let Some(h) = &self.evidence.header {
            parts.push(format!("header: {} ({}) {:.2}", h.key, h.role, h.score));
        }
        if let Some(c) = &self.evidence.content {
            parts.push(format!("cells: {} {:.2} of {}", c.shows, c.share, c.cells));
        }
        parts.push(format!("{:?}", self.evidence.source).to_lowercase());
        if self.evidence.conflict {
            parts.push("conflict".into());
        }
        if let Some(n) = &self.evidence.note {
            parts.push(n.clone());
        }
        if let Some(l) = &self.period.label {
            parts.push(format!("period {l}"));
        }
        format!(
            "{header} → {} [{}] ({})",
            self.role,
            self.key,
            parts.join("; ")
        )
    }
}

/// Where a column's role came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleSource {
    /// The header's words; the cells agree or say nothing clear.
    Header,
    /// The header's words, and the cells say the same.
    HeaderAndContent,
    /// The cells: the header is empty or unknown, the content unmistakable.
    Content,
    /// The cells overruled the header (an ambiguous or contradicted
    /// header; see [`RoleEvidence::note`]).
    ContentOverHeader,
    /// The column's place among the others (a second id column becomes a
    /// reference; a second title a field).
    Position,
    /// Nothing known: the column is a field under its printed words.
    Unknown,
}

/// What the header said about a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderEvidence {
    /// The canonical key the header matched in the vocabulary.
    pub key: String,
    /// The role that key stands for.
    pub role: ColumnRole,
    /// 1.0 for an exact match (after removing footnote marks, years, months
    /// and wrapping), lower for a fuzzy one.
    pub score: f64,
}

/// What the cells said about a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentEvidence {
    /// The role the cells point to.
    pub role: ColumnRole,
    /// Share of the non-empty cells that show it (0–1).
    pub share: f64,
    /// Non-empty cells looked at.
    pub cells: usize,
    /// What the cells show, for a person ("ids", "dates", "status words",
    /// "owner names", "prose", "money" …).
    pub shows: String,
}

/// The evidence behind a column's role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleEvidence {
    /// How the role was chosen.
    pub source: RoleSource,
    /// What the header's words matched, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<HeaderEvidence>,
    /// What the cells look like, when they point to a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<ContentEvidence>,
    /// True when the header and the cells point to different roles.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conflict: bool,
    /// Why, in words, when the choice is not plain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RoleEvidence {
    /// Evidence of nothing: a column with no known header and no clear
    /// content.
    pub fn unknown() -> Self {
        RoleEvidence {
            source: RoleSource::Unknown,
            header: None,
            content: None,
            conflict: false,
            note: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for r in ColumnRole::ALL {
            assert_eq!(ColumnRole::from_name(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }
}
