//! Printed status labels → [`plantab_model::StatusCode`]. Not yet implemented.

use plantab_model::StatusCode;

/// Maps a printed status to its code (`unknown` when nothing matches).
pub fn normalise_status(raw: &str) -> StatusCode {
    plantab_vocab::status_code(raw).unwrap_or(StatusCode::Unknown)
}

/// Maps a printed status using the document's own legend labels first
/// (compact-form prefix match, longest label first), then the vocabulary.
pub fn normalise_status_with_legend(
    raw: &str,
    legend: &[plantab_model::StatusLegendEntry],
) -> StatusCode {
    let c = plantab_vocab::compact(raw);
    let mut best: Option<(usize, StatusCode)> = None;
    for e in legend.iter().filter(|e| e.code != StatusCode::Unknown) {
        let l = plantab_vocab::compact(&e.label);
        if l.len() > 3 && c.starts_with(&l) && best.is_none_or(|(n, _)| l.len() > n) {
            best = Some((l.len(), e.code));
        }
    }
    best.map(|(_, code)| code)
        .unwrap_or_else(|| normalise_status(raw))
}
