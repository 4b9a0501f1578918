//! Printed status labels → [`plantab_model::StatusCode`].
//!
//! Labels are compared on their compact form ([`plantab_vocab::compact`]:
//! letters and digits only), so wrapping, hyphen breaks and spacing do not
//! matter. A document's own legend wins over the shared vocabulary
//! (`plantab-vocab/data/statuses.tsv`), so a document that defines its own
//! label gets its own meaning.

use plantab_model::{StatusCode, StatusLegendEntry};
use plantab_vocab::{compact, StatusLabels};

/// A status cell read: the label as printed, its code, and the text
/// printed after the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCell<'a> {
    /// The status as printed (a slice of the cell, trimmed, without a
    /// closing full stop).
    pub label: &'a str,
    /// The normalised status.
    pub code: StatusCode,
    /// What follows the label (commentary, or the rest of a date cell),
    /// trimmed; `None` when the cell is the label alone.
    pub rest: Option<&'a str>,
}

/// The status labels a document's cells are read with: its own legend
/// first, then the vocabulary (`plantab-vocab/data/statuses.tsv`).
pub struct Labels {
    legend: StatusLabels,
}

impl Labels {
    /// The labels of `legend` (entries whose code is `unknown` left out)
    /// and the vocabulary.
    pub fn new(legend: &[StatusLegendEntry]) -> Labels {
        Labels {
            legend: StatusLabels::new(
                legend
                    .iter()
                    .filter(|e| e.code != StatusCode::Unknown)
                    .map(|e| (e.label.as_str(), e.code)),
            ),
        }
    }

    /// The longest whole label the compact text `c` starts with (legend
    /// or vocabulary, the longer winning; the legend on a tie).
    fn whole_prefix(&self, c: &str) -> Option<(StatusCode, usize)> {
        let own = self.legend.whole_prefix(c);
        let shared = plantab_vocab::status_label_whole_prefix(c);
        match (own, shared) {
            (Some(a), Some(b)) if b.1 > a.1 => Some(b),
            (Some(a), _) => Some(a),
            (None, b) => b,
        }
    }

    /// How far into the compact text `c` a label runs, clipped or not
    /// (see [`StatusLabels::run_len`]; the vocabulary's
    /// [`plantab_vocab::status_label_prefix_compact`]).
    fn run_len(&self, c: &str) -> usize {
        let shared = plantab_vocab::status_label_prefix_compact(c).map_or(0, |p| p.len);
        self.legend.run_len(c).max(shared)
    }

    /// The code of a printed status: the legend's label rule, then the
    /// vocabulary's (see [`normalise_status_with_legend`]).
    fn code(&self, raw: &str) -> StatusCode {
        let c = compact(raw);
        if c.is_empty() {
            return StatusCode::Unknown;
        }
        self.legend
            .code_of_compact(&c)
            .unwrap_or_else(|| normalise_status(raw))
    }
}

/// Most words a first sentence may have to be read as one status phrase
/// ("Carried forward to 2024/25 plan. 38% of homes …" → "Carried forward
/// to 2024/25 plan").
const STATUS_PHRASE_MAX_WORDS: usize = 8;

/// Most words a qualifier after a dash may have to stay part of the label
/// ("Underway – with challenges", "In progress – minor delays"); a longer
/// one is commentary ("In hand – 41 of 57 schemes reviewed").
const QUALIFIER_MAX_WORDS: usize = 3;

/// How strictly [`split_status`] reads a label at the start of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAt {
    /// A status cell: its first sentence is the status when it starts with
    /// a label (a short phrase: "Carried forward to 2024/25 plan").
    StatusCell,
    /// A commentary cell: the label must stand as a label, followed by a
    /// full stop, colon, semicolon, dash, bracket or a line break, or be
    /// the whole cell.
    Standing,
    /// A date cell: as [`Standing`](Self::Standing), and what follows a
    /// dash is never part of the label ("Completed - March 2013" →
    /// `Completed` + `March 2013`).
    DateCell,
}

/// Reads a cell that starts with a status label (see the [module
/// documentation](self)): the label, its code, and what follows it.
///
/// The label is the longest of the document's legend labels and the
/// vocabulary's the cell starts with (compared on compact forms, so
/// wrapping and hyphen breaks do not matter), ending where a word ends.
/// What follows it decides:
///
/// * a full stop, colon, semicolon, `!` or `?` (then a space or the end):
///   the label ends the first sentence — "Commenced. As at end of
///   October …" → `Commenced` + `As at end of October …`;
/// * a line break before a line that starts with a capital or a digit:
///   the same;
/// * a dash: the words after it up to the sentence's end are a qualifier
///   that stays in the label when it is short (3 words or fewer:
///   "Underway – on track", "Completed – fully met"), is itself a label,
///   or opens with a revision word before a date ("Delayed – revised date
///   22 March 2024"); otherwise they start the rest ("In hand – 41 of 57
///   schemes reviewed; …" → `In hand` + `41 of 57 …`). A qualifier that
///   is itself a label gives its code ("In progress – on track" →
///   `on_track`);
/// * a bracket: the rest, brackets kept ("Done [Council 19 July 2023]");
/// * a comma or a word: in a status cell the first sentence, when it has
///   at most 8 words, is the status ("Carried forward to 2024/25 plan");
///   in any other cell, and for a longer sentence, no label is read.
///
/// `None` when the cell does not start with a label read so: the caller
/// keeps the cell whole.
pub fn split_status<'a>(cell: &'a str, labels: &Labels, at: LabelAt) -> Option<StatusCell<'a>> {
    let text = cell.trim();
    // The compact form of the start of the text, as long as a label can be.
    let max = plantab_vocab::status_label_max_len().max(64);
    let mut c = String::with_capacity(max);
    for ch in text.chars() {
        if let Some(k) = plantab_vocab::compact_char(ch) {
            c.push(k);
            if c.len() >= max {
                break;
            }
        }
    }
    let (code, n) = labels.whole_prefix(&c)?;
    // A longer label the text runs on into (clipped at a cell edge:
    // "Medium Progress- actual/ projected slippage of 1-2") is the label.
    let n = n.max(labels.run_len(&c));
    let end = compact_end(text, n)?;
    let after = text.get(end..)?;
    // The label must end where a word ends ("New" is not "Newly").
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let label_text = text.get(..end)?;
    let gap = after.trim_start_matches([' ', '\t']);
    let Some(first) = gap.chars().next() else {
        return Some(StatusCell {
            label: label_text.trim_end(),
            code,
            rest: None,
        });
    };
    let offset = text.len() - gap.len();
    match first {
        '.' | ':' | ';' | '!' | '?' => Some(StatusCell {
            label: label_text.trim_end(),
            code,
            rest: non_empty(gap.get(first.len_utf8()..).unwrap_or_default()),
        }),
        '\n' | '\r' => {
            let next = gap.trim_start();
            if next.is_empty() {
                return Some(StatusCell {
                    label: label_text.trim_end(),
                    code,
                    rest: None,
                });
            }
            let starts_sentence = next
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
            if starts_sentence {
                Some(StatusCell {
                    label: label_text.trim_end(),
                    code,
                    rest: Some(next),
                })
            } else {
                phrase(text, labels, at)
            }
        }
        // A dash with a space on one side at least (`Done-ness` is a word).
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            if gap.len() < after.len()
                || gap
                    .get(first.len_utf8()..)
                    .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace)) =>
        {
            let q_start = offset + first.len_utf8();
            let q_all = text.get(q_start..).unwrap_or_default();
            let (q, q_end) = match sentence_end(q_all) {
                Some(e) => (q_all.get(..e).unwrap_or_default(), q_start + e),
                None => (q_all, text.len()),
            };
            let q = q.trim();
            if q.is_empty() {
                return Some(StatusCell {
                    label: label_text.trim_end(),
                    code,
                    rest: non_empty(text.get(q_start..).unwrap_or_default()),
                });
            }
            let qc = compact(q);
            let q_label = labels.whole_prefix(&qc).filter(|(_, n)| {
                compact_end(q, *n).is_some_and(|e| {
                    !q.get(e..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric)
                })
            });
            let words = word_count(q);
            let cue = q
                .split(|ch: char| !ch.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(plantab_vocab::is_status_qualifier_cue);
            let dated = cue && {
                let d = crate::dates::parse_date(q, &crate::dates::DateContext::default());
                d.kind != plantab_model::DateKind::Unknown
            };
            let keep = words <= QUALIFIER_MAX_WORDS || q_label.is_some() || dated;
            if keep && at != LabelAt::DateCell {
                let whole = text.get(..q_end).unwrap_or_default();
                let label = whole
                    .trim_end()
                    .trim_end_matches(['.', ';', ':'])
                    .trim_end();
                let code = q_label.map_or(code, |(qcode, _)| qcode);
                let rest = text.get(q_end..).unwrap_or_default();
                let rest = rest.trim_start_matches(['.', ';', ':', '!', '?']);
                Some(StatusCell {
                    label,
                    code,
                    rest: non_empty(rest),
                })
            } else {
                Some(StatusCell {
                    label: label_text.trim_end(),
                    code,
                    rest: non_empty(text.get(q_start..).unwrap_or_default()),
                })
            }
        }
        '(' | '[' => Some(StatusCell {
            label: label_text.trim_end(),
            code,
            rest: non_empty(gap),
        }),
        _ => phrase(text, labels, at),
    }
}

/// A status cell whose label runs on into a short first sentence
/// ("Carried forward to 2024/25 plan. 38% …").
fn phrase<'a>(text: &'a str, labels: &Labels, at: LabelAt) -> Option<StatusCell<'a>> {
    if at != LabelAt::StatusCell {
        return None;
    }
    let e = sentence_end(text)?;
    let first = text.get(..e)?.trim_end();
    if word_count(first) > STATUS_PHRASE_MAX_WORDS {
        return None;
    }
    let rest = text.get(e..)?.trim_start_matches(['.', ';', ':', '!', '?']);
    Some(StatusCell {
        label: first,
        code: labels.code(first),
        rest: non_empty(rest),
    })
}

/// The byte offset in `text` where its first `n` compact characters end.
fn compact_end(text: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    let mut count = 0;
    for (i, ch) in text.char_indices() {
        if plantab_vocab::compact_char(ch).is_some() {
            count += 1;
            if count == n {
                return Some(i + ch.len_utf8());
            }
        }
    }
    None
}

/// Where the first sentence of `text` ends: the byte offset of a full
/// stop, colon, semicolon, `!` or `?` followed by white space (or ending
/// the text). A full stop between digits (`1.2`) or after a single
/// letter (`e.g.`) does not end one.
fn sentence_end(text: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut before_prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, ch)) = it.next() {
        let next = it.peek().map(|(_, n)| *n);
        if matches!(ch, '.' | ':' | ';' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            let initial = ch == '.'
                && prev.is_some_and(char::is_alphabetic)
                && !before_prev.is_some_and(char::is_alphanumeric);
            if !initial {
                return Some(i);
            }
        }
        before_prev = prev;
        prev = Some(ch);
    }
    None
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

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
            colour: None,
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

    /// The labels of the council tracker and the Canadian annex of
    /// `fixtures/own` that the shared vocabulary may not have, as a
    /// document's own legend gives them.
    fn tracker_labels() -> Labels {
        Labels::new(&[
            entry(InProgress, "Commenced"),
            entry(InProgress, "Plan in place"),
            entry(InProgress, "In hand"),
            entry(NotDueToStart, "Not yet due"),
            entry(SignificantIssues, "Off track"),
            entry(Deferred, "Carried forward"),
            entry(NewAction, "New"),
            entry(Complete, "Done"),
            entry(Delivered, "Met"),
        ])
    }

    fn split(cell: &str, at: LabelAt) -> Option<(&str, StatusCode, Option<&str>)> {
        split_status(cell, &tracker_labels(), at).map(|s| (s.label, s.code, s.rest))
    }

    /// Status cells that go on with commentary, as the council tracker
    /// (`Status and commentary`), the Canadian mandate-letter annex and
    /// the programme board's register print them.
    #[test]
    fn a_label_followed_by_commentary_is_split() {
        use LabelAt::StatusCell as S;
        for (cell, label, code, rest) in [
            (
                "Commenced. As at end of October the\nbudget gap for 2024/25 has reduced",
                "Commenced",
                InProgress,
                Some("As at end of October the\nbudget gap for 2024/25 has reduced"),
            ),
            (
                "Plan in place. Report drafted and\nscheduled",
                "Plan in place",
                InProgress,
                Some("Report drafted and\nscheduled"),
            ),
            (
                "In hand – 41 of 57 schemes reviewed;\nre-profiled programme to be reported",
                "In hand",
                InProgress,
                Some("41 of 57 schemes reviewed;\nre-profiled programme to be reported"),
            ),
            (
                "Not yet due. External review\ncommissioned",
                "Not yet due",
                NotDueToStart,
                Some("External review\ncommissioned"),
            ),
            (
                "Off track. 1,742 open jobs at end of\nOctober (September: 1,690).",
                "Off track",
                SignificantIssues,
                Some("1,742 open jobs at end of\nOctober (September: 1,690)."),
            ),
            (
                "Carried forward to 2024/25 plan. 38%\nof homes surveyed",
                "Carried forward to 2024/25 plan",
                Deferred,
                Some("38%\nof homes surveyed"),
            ),
            (
                "New – added following the peer\nchallenge in October.",
                "New",
                NewAction,
                Some("added following the peer\nchallenge in October."),
            ),
            (
                "Complete – report published in May",
                "Complete",
                Complete,
                Some("report published in May"),
            ),
            (
                "On track: draft tested with small businesses",
                "On track",
                OnTrack,
                Some("draft tested with small businesses"),
            ),
            (
                "Complete\nUpdated map published 28 June 2024",
                "Complete",
                Complete,
                Some("Updated map published 28 June 2024"),
            ),
            (
                "Delivered (see annex)",
                "Delivered",
                Delivered,
                Some("(see annex)"),
            ),
            // Short qualifiers, labels and dated revisions stay in the label.
            (
                "Underway – on track. Agreements signed with 9",
                "Underway – on track",
                OnTrack,
                Some("Agreements signed with 9"),
            ),
            (
                "Completed – fully met. Fund launched in April 2024",
                "Completed – fully met",
                Complete,
                Some("Fund launched in April 2024"),
            ),
            (
                "Underway – with challenges. Engagement with",
                "Underway – with challenges",
                MediumProgress,
                Some("Engagement with"),
            ),
            (
                "Delayed – revised\ndate 22 March\n2024",
                "Delayed – revised\ndate 22 March\n2024",
                Delayed,
                None,
            ),
            ("Plan in place.", "Plan in place", InProgress, None),
            ("Met", "Met", Delivered, None),
        ] {
            assert_eq!(split(cell, S), Some((label, code, rest)), "{cell:?}");
        }
    }

    /// Cells that merely start with a label word are not split: prose, a
    /// label wrapped over lines, a longer label printed whole or clipped.
    #[test]
    fn prose_and_whole_labels_are_not_split() {
        use LabelAt::{Standing, StatusCell as S};
        for cell in [
            "New data will be available in August 2012",
            "Newly published guidance",
            "Done-ness review",
            "Metadata published",
            "Complete stock condition surveys for all council homes by the end of the plan period",
        ] {
            assert_eq!(split(cell, Standing), None, "{cell:?}");
        }
        // As a status cell, a short first sentence is the status phrase
        // and the cell is read whole as before.
        // ("On track for due date" is itself a label of the vocabulary:
        // read whole, the cell splits into nothing.)
        assert_eq!(
            split("On track for\nthe spring deadline", S).map(|s| s.0),
            None,
            "wrapped label continues in lower case"
        );
        assert_eq!(
            split("On track for\ndue date", S).map(|s| (s.0, s.2)),
            Some(("On track for\ndue date", None)),
            "a whole label wrapped over lines"
        );
        assert_eq!(split("Complete stock condition surveys for all council homes by the end of the plan period. Tendered.", S), None);
        // Seed 004's long vocabulary labels, whole and clipped.
        let labels = Labels::new(&legend_004());
        for cell in [
            "Medium \nProgress- \nactual/ \nprojected \nslippage \nof 1-2",
            "On Track- \nlittle or no \nslippage",
            "Significant \nissues / \nactual/pro\njected \nslippage- \nmore than \n2 months",
        ] {
            let s = split_status(cell, &labels, S).expect(cell);
            assert_eq!(s.label, cell.trim(), "{cell:?}");
            assert_eq!(s.rest, None, "{cell:?}");
        }
    }

    /// A status inside a date cell ("Done [Council 19 July 2023]",
    /// "Completed - March 2013"): the label stands as a label.
    #[test]
    fn a_status_inside_a_date_cell() {
        use LabelAt::{DateCell, Standing};
        assert_eq!(
            split("Done [Council 19 July 2023]", Standing),
            Some(("Done", Complete, Some("[Council 19 July 2023]")))
        );
        assert_eq!(
            split("Done [first published November 2012]", Standing),
            Some(("Done", Complete, Some("[first published November 2012]")))
        );
        assert_eq!(
            split("Completed - March 2013", DateCell),
            Some(("Completed", Complete, Some("March 2013")))
        );
        assert_eq!(
            split("Done [Council 19 July 2023]", DateCell),
            Some(("Done", Complete, Some("[Council 19 July 2023]")))
        );
        assert_eq!(split("Ongoing", Standing).and_then(|s| s.2), None);
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
