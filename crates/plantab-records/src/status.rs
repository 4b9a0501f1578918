//! Printed status labels → [`plantab_model::StatusCode`]. Not yet implemented.

use plantab_model::StatusCode;

/// Maps a printed status to its code (`unknown` when nothing matches).
pub fn normalise_status(raw: &str) -> StatusCode {
    plantab_vocab::status_code(raw).unwrap_or(StatusCode::Unknown)
}
