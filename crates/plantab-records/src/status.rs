//! Printed status labels → [`plantab_model::StatusCode`].
//!
//! Labels are compared on their compact form ([`plantab_vocab::compact`]:
//! letters and digits only), so wrapping, hyphen breaks and spacing do not
//! matter. A document's own legend wins over the shared vocabulary
//! (`plantab-vocab/data/statuses.tsv`), so a document that defines its own
//! label gets its own meaning.

use plantab_model::{StatusCode, StatusLegendEntry};
use plantab_vocab::{compact, StatusLabels};

/// Maps a printed status to its code (`unknown` when nothing matches).
pub fn normalise_status(raw: &str) -> StatusCode {
    plantab_vocab::status_code(raw).unwrap_or(StatusCode::Unknown)
}

/// Maps a printed status to its code, trying the document's own legend
/// first, then the vocabulary ([`normalise_status`]).
///
/// Legend labels match by the vocabulary's label rule
/// ([`StatusLabels::code_of_compact`]): the printed text starts with the
/// label (compact forms, longest label first, so "On Track- little or no
/// slippage" beats "On Track"; a label of 3 characters or fewer must be
/// the whole text), or is a clipped start of a label at least 8
/// characters long. Legend entries whose own code is `unknown` are
/// skipped.
pub fn normalise_status_with_legend(raw: &str, legend: &[StatusLegendEntry]) -> StatusCode {
    let c = compact(raw);
    if c.is_empty() {
        return StatusCode::Unknown;
    }
    let labels = StatusLabels::new(
        legend
            .iter()
            .filter(|e| e.code != StatusCode::Unknown)
            .map(|e| (e.label.as_str(), e.code)),
    );
    labels
        .code_of_compact(&c)
        .unwrap_or_else(|| normalise_status(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatusCode::*;

    fn entry(code: StatusCode, label: &str) -> StatusLegendEntry {
        StatusLegendEntry {
            code,
            label: label.to_string(),
            definition: None,
        }
    }

    /// The legend printed at the top of the 004 tracker.
    fn legend_004() -> Vec<StatusLegendEntry> {
        vec![
            entry(OnTrack, "On Track"),
            entry(MediumProgress, "Medium progress"),
            entry(SignificantIssues, "Significant issues / slippage"),
            entry(NotDueToStart, "Not due to start"),
            entry(Complete, "Complete"),
            entry(Closed, "Closed"),
            entry(NotApplicable, "N/A"),
            entry(OnHold, "On hold"),
        ]
    }

    #[test]
    fn seed_000_labels() {
        for (raw, code) in [
            ("On Track", OnTrack),
            ("Delayed", Delayed),
            ("Delivered", Delivered),
            ("Cancelled", Cancelled),
        ] {
            assert_eq!(normalise_status(raw), code, "{raw}");
            assert_eq!(normalise_status_with_legend(raw, &[]), code, "{raw}");
        }
    }

    #[test]
    fn seed_003_labels() {
        for (raw, code) in [
            ("Deferred", Deferred),
            ("Complete", Complete),
            ("In progress", InProgress),
            ("Delayed", Delayed),
            ("On Track", OnTrack),
        ] {
            assert_eq!(normalise_status(raw), code, "{raw}");
        }
    }

    #[test]
    fn seed_004_labels_wrapped_as_printed() {
        let legend = legend_004();
        for (raw, code) in [
            (
                "Medium \nProgress- \nactual/ \nprojected \nslippage \nof 1-2",
                MediumProgress,
            ),
            (
                "Medium \nProgress- \nactual/ \nprojected \nslippage \nof 1-2 \nmonths",
                MediumProgress,
            ),
            (
                "Medium Progress- actual/ projected \nslippage of 1-2 months",
                MediumProgress,
            ),
            ("On Track- \nlittle or no \nslippage", OnTrack),
            ("On Track- little or no slippage", OnTrack),
            (
                "Significant \nissues / \nactual/pro\njected \nslippage- \nmore than \n2 months",
                SignificantIssues,
            ),
            (
                "Significant issues / \nactual/projected \nslippage- more than 2 \nmonths",
                SignificantIssues,
            ),
            ("Not due \nto start", NotDueToStart),
            ("New \nAction \nAdded", NewAction),
            ("New Action Added", NewAction),
            ("new action", NewAction),
            ("Complete", Complete),
            ("complete", Complete),
            ("Completed", Complete),
            ("Closed", Closed),
            ("N/A", NotApplicable),
            ("N/a", NotApplicable),
            ("On hold", OnHold),
            ("Action on Hold", OnHold),
            ("Assurance Action due Feb", AssuranceAction),
            ("Assurance Action", AssuranceAction),
            ("In progress", InProgress),
            ("Update not required at this time", NotApplicable),
        ] {
            assert_eq!(normalise_status(raw), code, "vocabulary: {raw:?}");
            assert_eq!(
                normalise_status_with_legend(raw, &legend),
                code,
                "legend: {raw:?}"
            );
        }
    }

    #[test]
    fn unknown_labels_stay_unknown() {
        for raw in ["", "   ", "Purple", "Nationally significant"] {
            assert_eq!(normalise_status(raw), Unknown, "{raw:?}");
            assert_eq!(normalise_status_with_legend(raw, &legend_004()), Unknown);
        }
    }

    /// A document of my own making: a board report whose legend gives its
    /// own words meanings the shared vocabulary does not know, and one it
    /// reads differently ("Amber" is on hold here, not medium progress).
    #[test]
    fn a_documents_own_legend_wins() {
        let legend = vec![
            entry(OnTrack, "Sailing"),
            entry(SignificantIssues, "Stormy waters"),
            entry(OnHold, "Amber"),
            entry(Delivered, "Landed"),
            entry(NotApplicable, "NR"),
            entry(Unknown, "Grey"),
        ];
        assert_eq!(normalise_status_with_legend("Sailing", &legend), OnTrack);
        assert_eq!(
            normalise_status_with_legend("Stormy \nwaters - see note", &legend),
            SignificantIssues
        );
        // Clipped at a cell edge.
        assert_eq!(
            normalise_status_with_legend("Stormy wat", &legend),
            SignificantIssues
        );
        assert_eq!(normalise_status_with_legend("AMBER", &legend), OnHold);
        assert_eq!(normalise_status("Amber"), MediumProgress);
        assert_eq!(normalise_status_with_legend("Landed", &legend), Delivered);
        assert_eq!(normalise_status_with_legend("NR", &legend), NotApplicable);
        // A short label must be the whole text.
        assert_eq!(normalise_status_with_legend("NRA review", &legend), Unknown);
        // Unknown legend codes fall through to the vocabulary.
        assert_eq!(normalise_status_with_legend("Grey", &legend), Unknown);
        // Labels the legend does not define still map by the vocabulary.
        assert_eq!(normalise_status_with_legend("Delayed", &legend), Delayed);
    }
}
