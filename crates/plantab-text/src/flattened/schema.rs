//! What a tracker's columns hold, in printed order (a leaf module but for
//! plantab-vocab): from its printed header, each label's canonical key
//! looked up in the header vocabulary's column kinds
//! (`plantab_vocab::column_kind`), or — for a tracker printed without a
//! header — the columns a row's words can fill, named from the same
//! vocabulary.
//!
//! A row prints, after its identifier: the action text, the leads columns
//! (role titles), the dates, the risk value, then status and update
//! columns. The schema says which printed column each of those goes to.

use plantab_vocab::{column_keys, column_kind, ColumnHolds, DateColumn};

/// What a column after the dates and risk value holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TailKind {
    /// A status label.
    Status,
    /// Free text (an update / commentary).
    Update,
}

/// A leads column, as its header key says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct LeadCol {
    /// It takes an elected member's title (cabinet member, portfolio
    /// holder).
    pub political: bool,
    /// It takes several titles one after another (other leads).
    pub several: bool,
}

/// Canonical column positions.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub width: usize,
    /// The column labels, when the document prints a header.
    pub header: Option<Vec<String>>,
    pub ws: Option<usize>,
    pub id: usize,
    pub title: usize,
    /// The leads columns, in printed order.
    pub leads: Vec<(usize, LeadCol)>,
    pub start: Option<usize>,
    pub due: Option<usize>,
    pub risk: Option<usize>,
    pub tail: Vec<(usize, TailKind)>,
}

/// What a header key's column holds (text when the vocabulary does not
/// say).
fn holds(key: &str) -> Option<ColumnHolds> {
    column_kind(key).map(|k| k.holds)
}

impl Schema {
    /// The schema of a printed header: its labels (as printed) with their
    /// canonical keys. `None` when no label names an identifier column.
    pub(crate) fn from_labels(labels: &[(String, &'static str)]) -> Option<Schema> {
        let keys: Vec<&str> = labels.iter().map(|(_, k)| *k).collect();
        let is = |i: usize, h: ColumnHolds| keys.get(i).is_some_and(|k| holds(k) == Some(h));
        let id = (0..keys.len()).find(|&i| is(i, ColumnHolds::Id))?;
        // The grouping column, else the first column when the identifier
        // is not.
        let ws = (0..keys.len())
            .find(|&i| is(i, ColumnHolds::Group))
            .or(if id > 0 { Some(0) } else { None });
        let title = (id + 1..keys.len())
            .find(|&i| is(i, ColumnHolds::Text))
            .unwrap_or(id + 1);
        // The leads are every column between the title and the first
        // date, risk, status or update column.
        let after_leads = |i: usize| {
            keys.get(i).and_then(|k| holds(k)).is_some_and(|h| {
                matches!(
                    h,
                    ColumnHolds::Date
                        | ColumnHolds::Risk
                        | ColumnHolds::Status
                        | ColumnHolds::Update
                )
            })
        };
        let first_after = (title + 1..keys.len())
            .find(|&i| after_leads(i))
            .unwrap_or(keys.len());
        let leads = (title + 1..first_after)
            .map(|i| {
                let kind = keys.get(i).and_then(|k| column_kind(k));
                let col = LeadCol {
                    political: kind.is_some_and(|k| k.political),
                    several: kind.is_some_and(|k| k.several),
                };
                (i, col)
            })
            .collect();
        let date = |role: DateColumn| {
            (0..keys.len()).find(|&i| {
                keys.get(i)
                    .and_then(|k| column_kind(k))
                    .is_some_and(|k| k.holds == ColumnHolds::Date && k.date == Some(role))
            })
        };
        let start = date(DateColumn::Start);
        let due = date(DateColumn::Due);
        let risk = (0..keys.len()).find(|&i| is(i, ColumnHolds::Risk));
        // Status and update columns follow the last date or risk column.
        let tail_from = [start, due, risk]
            .into_iter()
            .flatten()
            .max()
            .map_or(first_after, |m| m + 1)
            .max(first_after);
        let tail = (tail_from..keys.len())
            .map(|i| {
                let kind = if is(i, ColumnHolds::Status) {
                    TailKind::Status
                } else {
                    TailKind::Update
                };
                (i, kind)
            })
            .collect();
        Some(Schema {
            width: labels.len(),
            header: Some(labels.iter().map(|(t, _)| t.clone()).collect()),
            ws,
            id,
            title,
            leads,
            start,
            due,
            risk,
            tail,
        })
    }

    /// The columns a tracker printed without a header may have: a
    /// workstream, the identifier, the action, an officer's, an elected
    /// member's and other leads, start and due dates, a risk value when
    /// the document prints "Word N" ones, and `periods` status and update
    /// pairs; each named by the vocabulary's label for its kind
    /// (`data/column_kinds.tsv`). Columns no row fills are dropped once
    /// the rows are read ([`Schema::keep`]).
    pub(crate) fn inferred(periods: usize, has_risk: bool) -> Schema {
        let owner = |political: bool, several: bool| {
            column_keys(ColumnHolds::Owner)
                .find(|k| k.political == political && k.several == several)
                .map_or("", |k| k.label)
        };
        let date = |role: DateColumn| {
            column_keys(ColumnHolds::Date)
                .find(|k| k.date == Some(role))
                .map_or("", |k| k.label)
        };
        let first = |h: ColumnHolds| column_keys(h).next().map_or("", |k| k.label);
        let mut labels: Vec<&str> = vec![
            first(ColumnHolds::Group),
            first(ColumnHolds::Id),
            first(ColumnHolds::Text),
            owner(false, false),
            owner(true, false),
            owner(false, true),
            date(DateColumn::Start),
            date(DateColumn::Due),
        ];
        let risk = has_risk.then(|| {
            labels.push(first(ColumnHolds::Risk));
            labels.len() - 1
        });
        let mut tail = Vec::new();
        for _ in 0..periods.max(1) {
            for (h, kind) in [
                (ColumnHolds::Status, TailKind::Status),
                (ColumnHolds::Update, TailKind::Update),
            ] {
                tail.push((labels.len(), kind));
                labels.push(first(h));
            }
        }
        Schema {
            width: labels.len(),
            header: Some(labels.into_iter().map(str::to_string).collect()),
            ws: Some(0),
            id: 1,
            title: 2,
            leads: vec![
                (3, LeadCol::default()),
                (
                    4,
                    LeadCol {
                        political: true,
                        several: false,
                    },
                ),
                (
                    5,
                    LeadCol {
                        political: false,
                        several: true,
                    },
                ),
            ],
            start: Some(6),
            due: Some(7),
            risk,
            tail,
        }
    }

    /// The leads columns' kinds.
    pub(crate) fn lead_cols(&self) -> Vec<LeadCol> {
        self.leads.iter().map(|(_, c)| *c).collect()
    }

    /// The columns to keep of rows read with this schema: the identifier
    /// and action columns, and every column some row fills.
    pub(crate) fn keep(&self, rows: &[Vec<String>]) -> Vec<usize> {
        (0..self.width)
            .filter(|&c| {
                c == self.id
                    || c == self.title
                    || rows
                        .iter()
                        .any(|r| r.get(c).is_some_and(|cell| !cell.is_empty()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(keys: &[&'static str]) -> Vec<(String, &'static str)> {
        keys.iter().map(|k| (k.to_string(), *k)).collect()
    }

    #[test]
    fn columns_come_from_the_header_vocabulary() {
        // Lead Officer, Cabinet Member, Partners; a target date; RAG and
        // progress update columns.
        let s = Schema::from_labels(&labels(&[
            "id",
            "title",
            "lead_officer",
            "cabinet_member",
            "partners",
            "due",
            "status",
            "commentary",
        ]))
        .unwrap();
        assert_eq!((s.ws, s.id, s.title), (None, 0, 1));
        assert_eq!(
            s.lead_cols(),
            [
                LeadCol::default(),
                LeadCol {
                    political: true,
                    several: false
                },
                LeadCol {
                    political: false,
                    several: true
                }
            ]
        );
        assert_eq!((s.start, s.due, s.risk), (None, Some(5), None));
        assert_eq!(s.tail, [(6, TailKind::Status), (7, TailKind::Update)]);
        // A grouping column before the identifier; no identifier, no schema.
        let s = Schema::from_labels(&labels(&["workstream", "id", "title", "status"])).unwrap();
        assert_eq!(s.ws, Some(0));
        assert!(Schema::from_labels(&labels(&["title", "due", "status"])).is_none());
    }

    #[test]
    fn an_inferred_schema_names_its_columns_from_the_vocabulary() {
        let s = Schema::inferred(2, true);
        let h = s.header.clone().unwrap();
        assert_eq!(h.len(), s.width);
        for (c, want) in [
            (1, "id"),
            (2, "title"),
            (7, "due"),
            (9, "status"),
            (12, "commentary"),
        ] {
            let key = plantab_vocab::match_header(&h[c]).map(|m| m.key);
            assert_eq!(key, Some(want), "{}", h[c]);
        }
        assert_eq!(s.risk, Some(8));
        assert_eq!(s.tail.len(), 4);
    }
}
