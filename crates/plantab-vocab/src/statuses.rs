//! Status labels: printed status → [`StatusCode`] (`data/statuses.tsv`).
//!
//! [`status_code`] maps a whole printed status (wrapped, clipped or
//! misspelt); [`status_label_prefix`] finds how far a label runs into
//! running text, for readers that must cut a status off the commentary
//! printed after it.

use crate::fuzzy::similarity_at_least;
use crate::load::{self, DataFile, Loaded, Reader, TableReport};
use crate::normalise::compact;
use plantab_model::StatusCode;
use std::sync::OnceLock;

/// Least similarity (normalised Levenshtein on compact forms) for a fuzzy
/// status match.
const STATUS_FUZZY_MIN: f64 = 0.8;

/// Labels this short (compact characters) or shorter match only the whole
/// printed text: "N/A" (`na`) is not the start of "NAtional …".
const SHORT_LABEL_MAX: usize = 3;

/// Fewest compact characters of printed text that count as a clipped label
/// (the start of a longer label, cut off at a cell edge: "Significant
/// issu").
const CLIPPED_MIN: usize = 8;

#[derive(Debug, Clone)]
struct StatusLabel {
    code: StatusCode,
    compact: String,
}

/// Status labels with their codes, matched by the one label rule
/// ([`StatusLabels::code_of_compact`]). The vocabulary's table
/// (`data/statuses.tsv`, behind [`status_code`]) is one; a document's own
/// legend makes another, so that its labels are read as the vocabulary's
/// are.
#[derive(Debug, Clone, Default)]
pub struct StatusLabels {
    /// Longest compact form first, so "on track little or no slippage"
    /// wins over "on track"; labels of one length in the order given.
    labels: Vec<StatusLabel>,
}

impl StatusLabels {
    /// Labels as printed, with their codes. A label with no letters or
    /// digits is left out (it could match nothing).
    pub fn new<'a>(labels: impl IntoIterator<Item = (&'a str, StatusCode)>) -> StatusLabels {
        StatusLabels::sorted(
            labels
                .into_iter()
                .map(|(label, code)| StatusLabel {
                    code,
                    compact: compact(label),
                })
                .filter(|l| !l.compact.is_empty())
                .collect(),
        )
    }

    fn sorted(mut labels: Vec<StatusLabel>) -> StatusLabels {
        labels.sort_by_key(|s| std::cmp::Reverse(s.compact.len()));
        StatusLabels { labels }
    }

    /// How many compact characters of `c` the labels cover: the longest
    /// run `c` shares with a label's start that is the whole label or at
    /// least 8 characters long (a label clipped, or printed on into
    /// other text); 0 when none.
    pub fn run_len(&self, c: &str) -> usize {
        self.labels
            .iter()
            .map(|l| {
                let lcp = c
                    .bytes()
                    .zip(l.compact.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                if lcp == l.compact.len() || lcp >= CLIPPED_MIN {
                    lcp
                } else {
                    0
                }
            })
            .max()
            .unwrap_or(0)
    }

    /// The longest label that printed text (in [`compact`] form `c`)
    /// starts with, whole: its code and compact length. A label of 3
    /// characters or fewer counts too (the caller checks that a word ends
    /// where the label does).
    pub fn whole_prefix(&self, c: &str) -> Option<(StatusCode, usize)> {
        self.labels
            .iter()
            .find(|l| c.starts_with(&l.compact))
            .map(|l| (l.code, l.compact.len()))
    }

    /// The code of the label that printed text (in [`compact`] form `c`)
    /// shows: the longest label `c` starts with (a label of 3 characters
    /// or fewer only when it is the whole of `c`), else, when `c` has at
    /// least 8 characters, the longest label `c` is the start of (a label
    /// clipped at a cell edge). `None` when neither.
    ///
    /// ```
    /// use plantab_model::StatusCode;
    /// use plantab_vocab::StatusLabels;
    /// let legend = StatusLabels::new([
    ///     ("On Track", StatusCode::OnTrack),
    ///     ("Significant issues / slippage", StatusCode::SignificantIssues),
    ///     ("N/A", StatusCode::NotApplicable),
    /// ]);
    /// assert_eq!(legend.code_of_compact("ontrackseenote"), Some(StatusCode::OnTrack));
    /// assert_eq!(legend.code_of_compact("significantissu"), Some(StatusCode::SignificantIssues));
    /// assert_eq!(legend.code_of_compact("na"), Some(StatusCode::NotApplicable));
    /// assert_eq!(legend.code_of_compact("national"), None);
    /// ```
    pub fn code_of_compact(&self, c: &str) -> Option<StatusCode> {
        if let Some(l) = self.labels.iter().find(|l| c.starts_with(&l.compact)) {
            if l.compact.len() > SHORT_LABEL_MAX || c.len() == l.compact.len() {
                return Some(l.code);
            }
        }
        if c.len() >= CLIPPED_MIN {
            if let Some(l) = self.labels.iter().find(|l| l.compact.starts_with(c)) {
                return Some(l.code);
            }
        }
        None
    }
}

fn status_labels() -> &'static [StatusLabel] {
    &status_table().value.labels
}

/// The status-label table as loaded from `data/statuses.tsv`.
fn status_table() -> &'static Loaded<StatusLabels> {
    static CELL: OnceLock<Loaded<StatusLabels>> = OnceLock::new();
    CELL.get_or_init(|| load_statuses(load::STATUSES))
}

/// The status table's data file and bad lines.
pub(crate) fn tables() -> [TableReport; 2] {
    [status_table().report(), qualifier_cues().report()]
}

/// Reads a status table: `code` (a [`StatusCode`] name other than
/// `unknown`), label as printed. Two labels with one [`compact`] form are
/// one entry.
fn load_statuses(file: DataFile) -> Loaded<StatusLabels> {
    let mut r = Reader::new(file);
    let mut v = Vec::new();
    for row in r.rows::<2>() {
        let [code_name, label] = row.fields;
        let Some(code) = StatusCode::from_name(code_name) else {
            r.unknown::<2, ()>(&row, "status code", code_name);
            continue;
        };
        if code == StatusCode::Unknown {
            r.invalid::<2, ()>(
                &row,
                "status code",
                code_name,
                "is what an unmatched label gets anyway",
            );
            continue;
        }
        let Some(label) = r.non_empty(&row, "label", label) else {
            continue;
        };
        let c = compact(label);
        if c.is_empty() {
            r.invalid::<2, ()>(&row, "label", label, "has no letters or digits");
            continue;
        }
        if r.first(&row, "", c.clone(), [code_name, ""]) {
            v.push(StatusLabel { code, compact: c });
        }
    }
    r.finish(StatusLabels::sorted(v))
}

/// Maps a printed status label (possibly wrapped, hyphen-broken, clipped
/// or misspelt) to its code; `None` when nothing matches.
///
/// A label matches by the label rule of [`StatusLabels::code_of_compact`]
/// (the printed text starts with it, or is a clipped start of it at least
/// 8 characters long), else when it is within a small edit distance of a
/// label or of a label-length prefix of the text.
pub fn status_code(raw: &str) -> Option<StatusCode> {
    let c = compact(raw);
    if c.is_empty() {
        return None;
    }
    let table = &status_table().value;
    if let Some(code) = table.code_of_compact(&c) {
        return Some(code);
    }
    let labels = &table.labels;
    let mut best: Option<(StatusCode, f64)> = None;
    for l in labels.iter().filter(|l| l.compact.len() >= 5) {
        // `c` is ASCII (compact), so its first label-length chars are bytes.
        let head = c.get(..l.compact.len()).unwrap_or(&c);
        let sim = match (
            similarity_at_least(head, &l.compact, STATUS_FUZZY_MIN),
            similarity_at_least(&c, &l.compact, STATUS_FUZZY_MIN),
        ) {
            (Some(a), Some(b)) => a.max(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => continue,
        };
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((l.code, sim));
        }
    }
    best.map(|(code, _)| code)
}

/// The longest status label of the vocabulary that printed text (in
/// [`compact`] form `c`) starts with, whole: its code and compact length
/// (see [`StatusLabels::whole_prefix`]).
pub fn status_label_whole_prefix(c: &str) -> Option<(StatusCode, usize)> {
    let &b0 = c.as_bytes().first()?;
    let labels = status_labels();
    // Longest first within the first-byte bucket too (indices keep the
    // table's order).
    status_labels_by_first()
        .get(usize::from(b0))
        .into_iter()
        .flatten()
        .filter_map(|&i| labels.get(i))
        .find(|l| c.starts_with(&l.compact))
        .map(|l| (l.code, l.compact.len()))
}

fn qualifier_cues() -> &'static Loaded<Vec<String>> {
    static CELL: OnceLock<Loaded<Vec<String>>> = OnceLock::new();
    CELL.get_or_init(|| load_qualifier_cues(load::STATUS_QUALIFIERS))
}

/// Reads the status-qualifier cues: one word a line, compared
/// lower-cased.
fn load_qualifier_cues(file: DataFile) -> Loaded<Vec<String>> {
    load::load_list(file, "cue", |word| {
        if crate::load::is_one_word(word) && !word.is_empty() {
            Ok(word.to_lowercase())
        } else {
            Err("is not one word of letters and digits")
        }
    })
}

/// True when `word` opens a qualifier that belongs to the status label
/// before it when a date follows ("Delayed – *revised* date 22 March
/// 2024", "Deferred – *now* June 2025"; `data/status_qualifiers.tsv`).
pub fn is_status_qualifier_cue(word: &str) -> bool {
    let w = word.to_lowercase();
    qualifier_cues().value.contains(&w)
}

/// How a status label starts a printed text (see [`status_label_prefix`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelPrefix {
    /// The label's code.
    pub code: StatusCode,
    /// Compact characters of the text the label covers.
    pub len: usize,
    /// True when the whole label was matched, false for a clipped label
    /// (the text agrees with the label's start only).
    pub whole: bool,
}

/// The longest run of `raw` (compact form) that a status label covers.
///
/// A label counts when `raw` starts with the whole label, or when at least
/// 8 characters of `raw` agree with the start of a longer label (a label
/// clipped or followed by other text: "Medium Progress- actual/ projected
/// slippage of 1-2 Discussions …" covers 41 characters of the long
/// medium-progress label). Callers use the length to find where a printed
/// label ends inside running text. `None` when no label starts `raw`.
///
/// ```
/// use plantab_model::StatusCode;
/// let p = plantab_vocab::status_label_prefix("Complete complete").unwrap();
/// assert_eq!((p.code, p.len, p.whole), (StatusCode::Complete, 8, true));
/// ```
pub fn status_label_prefix(raw: &str) -> Option<LabelPrefix> {
    status_label_prefix_compact(&compact(raw))
}

/// [`status_label_prefix`] of text already in [`compact`] form (a caller
/// trying many runs of words builds their compact forms word by word).
/// Only the first [`status_label_max_len`] characters of `c` matter.
pub fn status_label_prefix_compact(c: &str) -> Option<LabelPrefix> {
    let &b0 = c.as_bytes().first()?;
    // Labels with another first character share nothing with `c` (a label
    // covers at least its first character): only those starting with its
    // first character are compared, in order.
    let labels = status_labels();
    let mut best: Option<LabelPrefix> = None;
    for l in status_labels_by_first()
        .get(usize::from(b0))
        .into_iter()
        .flatten()
        .filter_map(|&i| labels.get(i))
    {
        let lcp = c
            .bytes()
            .zip(l.compact.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let whole = lcp == l.compact.len();
        let better = best.is_none_or(|b| lcp > b.len || (lcp == b.len && whole && !b.whole));
        if (whole || lcp >= CLIPPED_MIN) && better {
            best = Some(LabelPrefix {
                code: l.code,
                len: lcp,
                whole,
            });
        }
    }
    best
}

/// True when some status label's [`compact`] form starts with `prefix`
/// (non-empty, compact). A printed label can only begin at a word whose
/// compact form is such a prefix (see [`status_label_prefix`]: a clipped
/// or whole label must take at least the whole first word).
///
/// ```
/// assert!(plantab_vocab::is_status_label_start("ontrack"));
/// assert!(!plantab_vocab::is_status_label_start("council"));
/// ```
pub fn is_status_label_start(prefix: &str) -> bool {
    let Some(&b0) = prefix.as_bytes().first() else {
        return false;
    };
    let labels = status_labels();
    status_labels_by_first()
        .get(usize::from(b0))
        .into_iter()
        .flatten()
        .filter_map(|&i| labels.get(i))
        .any(|l| l.compact.starts_with(prefix))
}

/// Indices of the status labels (in [`status_labels`] order) by the first
/// byte of their compact form.
fn status_labels_by_first() -> &'static [Vec<usize>] {
    static BY_FIRST: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut m: Vec<Vec<usize>> = vec![Vec::new(); 256];
        for (i, l) in status_labels().iter().enumerate() {
            if let Some(v) = l
                .compact
                .as_bytes()
                .first()
                .and_then(|&b| m.get_mut(usize::from(b)))
            {
                v.push(i);
            }
        }
        m
    })
}

/// The longest status label's [`compact`] length: [`status_label_prefix`]
/// never looks further into a text.
pub fn status_label_max_len() -> usize {
    static CELL: OnceLock<usize> = OnceLock::new();
    *CELL.get_or_init(|| {
        status_labels()
            .iter()
            .map(|l| l.compact.len())
            .max()
            .unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::BadLineReason;

    #[test]
    fn status_prefix_of_compact_text_agrees() {
        for raw in [
            "On Track- little or no slippage",
            "Complete complete",
            "Medium Progress- actual/ projected slippage of 1-2 Discussions",
            "N/A",
            "assurance",
            "Not due to start",
            "",
        ] {
            assert_eq!(
                status_label_prefix(raw),
                status_label_prefix_compact(&compact(raw))
            );
        }
        let p = status_label_prefix_compact("ontracklittleornoslippage").unwrap();
        assert_eq!((p.code, p.whole), (StatusCode::OnTrack, true));
        assert!(status_label_max_len() >= p.len);
    }

    #[test]
    fn statuses_map_through_wrapping_and_clipping() {
        use StatusCode::*;
        assert_eq!(status_code("On Track"), Some(OnTrack));
        assert_eq!(
            status_code("On Track- \nlittle or no \nslippage"),
            Some(OnTrack)
        );
        assert_eq!(
            status_code("Medium \nProgress- \nactual/ \nprojected \nslippage \nof 1-2"),
            Some(MediumProgress)
        );
        assert_eq!(
            status_code(
                "Significant \nissues / \nactual/pro\njected \nslippage- more than 2 months"
            ),
            Some(SignificantIssues)
        );
        assert_eq!(status_code("Not due \nto start"), Some(NotDueToStart));
        assert_eq!(status_code("New \nAction \nAdded"), Some(NewAction));
        assert_eq!(status_code("N/A"), Some(NotApplicable));
        assert_eq!(status_code("Delivered"), Some(Delivered));
        assert_eq!(status_code("Cancelled"), Some(Cancelled));
        assert_eq!(status_code("Deleyed"), Some(Delayed));
        assert_eq!(status_code("Nationally significant"), None);
        assert_eq!(status_code("Purple"), None);
    }

    #[test]
    fn status_lines_that_do_not_parse_are_reported() {
        let loaded = load_statuses(DataFile {
            name: "statuses.tsv",
            text: "on_track\tOn Track\nontrack\tOn time\nunknown\tGrey\ndelayed\t--\n\
                   on_track\tON TRACK\ndelayed\ton-track\ndelayed\n",
        });
        assert_eq!(loaded.value.labels.len(), 1);
        use BadLineReason::*;
        let invalid = |value: &str, why| Invalid {
            field: "status code",
            value: value.to_string(),
            why,
        };
        assert_eq!(
            loaded.reasons(),
            [
                (
                    2,
                    Unknown {
                        field: "status code",
                        value: "ontrack".into()
                    }
                ),
                (
                    3,
                    invalid("unknown", "is what an unmatched label gets anyway")
                ),
                (
                    4,
                    Invalid {
                        field: "label",
                        value: "--".into(),
                        why: "has no letters or digits"
                    }
                ),
                (5, Repeated { first_line: 1 }),
                (6, Conflicting { first_line: 1 }),
                (
                    7,
                    FieldCount {
                        expected: 2,
                        found: 1
                    }
                ),
            ]
        );
    }
}
