//! Date expressions → [`plantab_model::DateValue`]. Not yet implemented.

use plantab_model::{DateKind, DateValue};

/// What the document tells about dates its cells leave out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The document's (or the reporting period's) year, for cells like `31-Dec`.
    pub year: Option<i32>,
}

/// Parses a printed date expression. Never fails: what is not understood is
/// kind `unknown` with `raw` kept.
pub fn parse_date(raw: &str, _ctx: &DateContext) -> DateValue {
    DateValue {
        raw: raw.to_string(),
        kind: DateKind::Unknown,
        start: None,
        end: None,
        year_inferred: false,
    }
}
