//! Vertical records: a text conversion that prints each table row as a
//! group of paragraphs instead of a grid line.
//!
//! The shape, as a text converter writes a sectioned annual report:
//!
//! ```text
//! Document title
//!
//! Intro prose.
//!
//! Section heading
//!
//! Section intro prose.
//!
//! Record title
//! (two or more blank lines)
//! Description paragraph.
//!
//! Another description paragraph.
//!
//! Status line
//! Lead service line
//!
//! REF-01
//!
//! Type line
//! ```
//!
//! Records are found by structure: a record title is a paragraph followed
//! by two or more blank lines (the only place the shape leaves such a gap).
//! Between one title and the next sit the description (prose), then short
//! field lines, then — when a new section starts — a section heading and its
//! intro prose. Field lines are classified by what they are, never by
//! position, because the field order changes between sections and fields may
//! be missing: a status label ([`plantab_vocab::status_code`]), a record type
//! ([`plantab_vocab::is_record_type`]), a reference (an identifier token
//! such as `AB12-CD3-4-05`, `PRJ-114` or `2021/07`), else a lead service (a
//! short phrase). A line that fits no field, or claims a field already
//! taken, is appended to the record's description and reported as an
//! `unparsed_text` warning, so nothing printed is dropped.
//!
//! Each section becomes one [`TableFragment`] with the fixed header
//! [`HEADER`]; headings and prose become [`Block::Text`]s in reading order.

use plantab_model::{Block, FragmentRow, Layout, SourceFormat, TableFragment, TextBlock, Warning};
use regex::Regex;
use std::sync::OnceLock;

/// The column labels of every table the vertical reader emits, in cell
/// order. They map through [`plantab_vocab::match_header`] to `title`,
/// `description`, `status`, `lead_service`, `reference` and `type`.
pub const HEADER: [&str; 6] = [
    "Title",
    "Description",
    "Status",
    "Lead Service",
    "Reference",
    "Type",
];

/// Most words a field line (status, type, lead service …) may have.
const FIELD_MAX_WORDS: usize = 8;
/// Most words a heading-like line may have before it counts as prose.
const HEADING_MAX_WORDS: usize = 14;
/// Blank lines after a paragraph that mark it as a record title.
const TITLE_GAP: usize = 2;

/// One run of non-blank lines.
#[derive(Debug, Clone)]
struct Para {
    /// (1-based line number, text with trailing whitespace removed).
    lines: Vec<(usize, String)>,
    /// Blank lines between this paragraph and the next (or the end).
    gap_after: usize,
}

impl Para {
    fn start(&self) -> usize {
        self.lines.first().map(|(n, _)| *n).unwrap_or(0)
    }

    fn text(&self) -> String {
        self.lines
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Prose: some line is a sentence (terminal punctuation) or long.
    fn is_prose(&self) -> bool {
        self.lines.iter().any(|(_, l)| line_is_prose(l))
    }

    /// A single short line that is not prose: a heading or field candidate.
    fn is_heading_like(&self) -> bool {
        self.lines.len() == 1 && !self.is_prose()
    }
}

fn split_paras(text: &str) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut current: Vec<(usize, String)> = Vec::new();
    let mut blanks = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                paras.push(Para {
                    lines: std::mem::take(&mut current),
                    gap_after: 0,
                });
            }
            blanks += 1;
            continue;
        }
        if current.is_empty() {
            if let Some(prev) = paras.last_mut() {
                prev.gap_after = blanks;
            }
        }
        blanks = 0;
        current.push((i + 1, line.to_string()));
    }
    if !current.is_empty() {
        paras.push(Para {
            lines: current,
            gap_after: 0,
        });
    } else if let Some(prev) = paras.last_mut() {
        prev.gap_after = blanks;
    }
    paras
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A sentence or a long line: ends with terminal punctuation or has more
/// words than a heading.
fn line_is_prose(line: &str) -> bool {
    let t = line.trim();
    let ends_sentence = t.ends_with(['.', '!', '?', ':', ';']);
    ends_sentence || word_count(t) > HEADING_MAX_WORDS
}

/// What a short field line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Status,
    LeadService,
    Reference,
    Type,
}

impl FieldKind {
    /// Cell index in [`HEADER`].
    fn column(self) -> usize {
        match self {
            FieldKind::Status => 2,
            FieldKind::LeadService => 3,
            FieldKind::Reference => 4,
            FieldKind::Type => 5,
        }
    }

    fn name(self) -> &'static str {
        match self {
            FieldKind::Status => "status",
            FieldKind::LeadService => "lead service",
            FieldKind::Reference => "reference",
            FieldKind::Type => "type",
        }
    }

    /// Status, type and reference are recognised by their value; a lead
    /// service only by being a short leftover phrase.
    fn is_strong(self) -> bool {
        !matches!(self, FieldKind::LeadService)
    }
}

fn reference_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        // One token: upper-case letters/digits, groups joined by - . or /.
        Regex::new(r"^[A-Z0-9]+(?:[-./][A-Z0-9]+)*$").ok()
    })
    .as_ref()
}

/// True when `s` is one identifier token: upper-case letters and digits
/// joined by `-`, `.` or `/`, with at least one digit, and either a letter
/// or a separator (so a bare number or year is not an identifier).
pub fn is_reference(s: &str) -> bool {
    let t = s.trim();
    if t.len() < 3 || !reference_re().is_some_and(|re| re.is_match(t)) {
        return false;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let has_letter = t.chars().any(|c| c.is_ascii_alphabetic());
    let has_sep = t.contains(['-', '.', '/']);
    has_digit && (has_letter || has_sep)
}

/// Classifies one line as a field value, or `None` when it is prose, too
/// long, or has no letters or digits to be a value.
fn classify_field(line: &str) -> Option<FieldKind> {
    let t = line.trim();
    if t.is_empty() || line_is_prose(t) || word_count(t) > FIELD_MAX_WORDS {
        return None;
    }
    if is_reference(t) {
        return Some(FieldKind::Reference);
    }
    if plantab_vocab::is_record_type(t) {
        return Some(FieldKind::Type);
    }
    if plantab_vocab::status_code(t).is_some() {
        return Some(FieldKind::Status);
    }
    if t.chars().any(char::is_alphabetic) {
        return Some(FieldKind::LeadService);
    }
    None
}

fn is_strong_field(line: &str) -> bool {
    classify_field(line).is_some_and(FieldKind::is_strong)
}

/// Indices of record-title paragraphs: followed by at least [`TITLE_GAP`]
/// blank lines and then by more text.
fn title_indices(paras: &[Para]) -> Vec<usize> {
    paras
        .iter()
        .enumerate()
        .filter(|(i, p)| p.gap_after >= TITLE_GAP && i + 1 < paras.len() && p.lines.len() <= 3)
        .map(|(i, _)| i)
        .collect()
}

/// True when the text looks like vertical records: no tab characters, and
/// at least two record skeletons (a title, a gap of blank lines, prose,
/// then a line that classifies as a status, type or reference value), which
/// make up at least half of the title-like paragraphs.
pub fn looks_vertical(text: &str) -> bool {
    if text.contains('\t') {
        return false;
    }
    let paras = split_paras(text);
    let titles = title_indices(&paras);
    let mut skeletons = 0usize;
    for (k, &t) in titles.iter().enumerate() {
        let end = titles.get(k + 1).copied().unwrap_or(paras.len());
        let Some(region) = paras.get(t + 1..end) else {
            continue;
        };
        let Some(first) = region.first() else {
            continue;
        };
        let has_prose = first.is_prose();
        let has_field = region
            .iter()
            .skip(1)
            .flat_map(|p| p.lines.iter())
            .any(|(_, l)| is_strong_field(l));
        if has_prose && has_field {
            skeletons += 1;
        }
    }
    skeletons >= 2 && skeletons * 2 >= titles.len()
}

/// What one record region (the paragraphs after a title, up to the next
/// title) holds.
struct Region<'a> {
    /// Description and field paragraphs.
    body: &'a [Para],
    /// A section heading that ends the region, and its intro prose.
    section: Option<(&'a Para, &'a [Para])>,
}

fn split_region(region: &[Para]) -> Region<'_> {
    // A heading-like paragraph followed only by prose, with something
    // before it (the record's own description), opens a new section.
    let last_non_prose = region.iter().rposition(|p| !p.is_prose());
    if let Some(k) = last_non_prose {
        let followed_by_prose = k + 1 < region.len();
        if k >= 1 && followed_by_prose {
            if let (Some(heading), Some(intro), Some(body)) =
                (region.get(k), region.get(k + 1..), region.get(..k))
            {
                if heading.is_heading_like() {
                    return Region {
                        body,
                        section: Some((heading, intro)),
                    };
                }
            }
        }
    }
    Region {
        body: region,
        section: None,
    }
}

/// Builds one record row from its title paragraph and body.
fn record_row(title: &Para, body: &[Para], warnings: &mut Vec<Warning>) -> FragmentRow {
    let title_text = title
        .lines
        .iter()
        .map(|(_, l)| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    // The description is the first paragraph (unless it is itself a lone
    // field value: a record printed without description) and every
    // paragraph up to the last prose one; the rest are field lines.
    let first_is_field = body
        .first()
        .is_some_and(|p| !p.is_prose() && p.lines.iter().all(|(_, l)| is_strong_field(l)));
    let min_desc = usize::from(!first_is_field);
    let desc_end = body
        .iter()
        .rposition(Para::is_prose)
        .map(|i| i + 1)
        .unwrap_or(0)
        .max(min_desc)
        .min(body.len());
    let (desc_paras, field_paras) = body.split_at(desc_end);
    let mut description: Vec<String> = desc_paras.iter().map(Para::text).collect();

    let field_lines: Vec<(usize, &str, Option<FieldKind>)> = field_paras
        .iter()
        .flat_map(|p| p.lines.iter())
        .map(|(n, l)| (*n, l.trim(), classify_field(l)))
        .collect();
    let mut cells: Vec<String> = vec![String::new(); HEADER.len()];
    if let Some(c) = cells.get_mut(0) {
        c.clone_from(&title_text);
    }
    // A lead service is only a leftover short phrase, so when several lines
    // claim it the last wins (earlier ones are likelier spill of the
    // description); status, type and reference keep their first line.
    let last_lead = field_lines
        .iter()
        .rposition(|(_, _, k)| *k == Some(FieldKind::LeadService));
    let mut unplaced: Vec<(usize, &str, String)> = Vec::new();
    for (i, (n, line, kind)) in field_lines.iter().enumerate() {
        let Some(kind) = kind else {
            unplaced.push((*n, line, "fits no field".to_string()));
            continue;
        };
        if *kind == FieldKind::LeadService && Some(i) != last_lead {
            unplaced.push((*n, line, "is a second lead service candidate".to_string()));
            continue;
        }
        match cells.get_mut(kind.column()) {
            Some(cell) if cell.is_empty() => *cell = (*line).to_string(),
            _ => unplaced.push((*n, line, format!("is a second {}", kind.name()))),
        }
    }
    for (n, line, why) in unplaced {
        warnings.push(Warning::new(
            "unparsed_text",
            format!(
                "line {n}: \"{line}\" {why} of record \"{title_text}\"; kept in its description"
            ),
        ));
        description.push(line.to_string());
    }
    if let Some(c) = cells.get_mut(1) {
        *c = description.join("\n");
    }
    FragmentRow {
        cells,
        spanning: false,
        line: Some(title.start()),
        bbox: None,
        spans: Vec::new(),
    }
}

fn text_block(p: &Para, heading: Option<u8>) -> Block {
    Block::Text(TextBlock {
        text: p.text(),
        page: None,
        line: Some(p.start()),
        heading,
        bbox: None,
    })
}

fn flush_table(blocks: &mut Vec<Block>, rows: &mut Vec<FragmentRow>) {
    if rows.is_empty() {
        return;
    }
    let rows = std::mem::take(rows);
    let line = rows.first().and_then(|r| r.line);
    blocks.push(Block::Table(TableFragment {
        page: None,
        header: Some(HEADER.iter().map(|s| (*s).to_string()).collect()),
        rows,
        bbox: None,
        line,
        header_cells: Vec::new(),
    }));
}

/// Reads vertical records: the document title (heading 1), section
/// headings (heading 2) and prose as text blocks, and one table fragment
/// with the [`HEADER`] columns per section, one row per record.
pub fn read_vertical(text: &str) -> Layout {
    let paras = split_paras(text);
    let titles = title_indices(&paras);
    let mut blocks: Vec<Block> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();

    // Before the first record: document title, intro, first section heading.
    let first_title = titles.first().copied().unwrap_or(paras.len());
    let preamble = paras.get(..first_title).unwrap_or(&[]);
    for (i, p) in preamble.iter().enumerate() {
        let heading = if !p.is_heading_like() {
            None
        } else if i == 0 {
            Some(1)
        } else {
            Some(2)
        };
        blocks.push(text_block(p, heading));
    }

    let mut rows: Vec<FragmentRow> = Vec::new();
    for (k, &t) in titles.iter().enumerate() {
        let end = titles.get(k + 1).copied().unwrap_or(paras.len());
        let (Some(title), Some(region)) = (paras.get(t), paras.get(t + 1..end)) else {
            continue;
        };
        let region = split_region(region);
        rows.push(record_row(title, region.body, &mut warnings));
        if let Some((heading, intro)) = region.section {
            flush_table(&mut blocks, &mut rows);
            blocks.push(text_block(heading, Some(2)));
            blocks.extend(intro.iter().map(|p| text_block(p, None)));
        }
    }
    flush_table(&mut blocks, &mut rows);

    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_identifier_tokens() {
        for s in [
            "GP20-CSP4-3-01",
            "PRJ-114",
            "2021/07",
            "BP22-HLT-07",
            "A1.2",
        ] {
            assert!(is_reference(s), "{s}");
        }
        for s in ["2020", "Project", "N/A", "Local Services", "AB", "gp20-x1"] {
            assert!(!is_reference(s), "{s}");
        }
    }

    #[test]
    fn fields_classify_by_value() {
        assert_eq!(classify_field("Deferred"), Some(FieldKind::Status));
        assert_eq!(classify_field("On Track"), Some(FieldKind::Status));
        assert_eq!(classify_field("Business as usual"), Some(FieldKind::Type));
        assert_eq!(classify_field("XY9-1"), Some(FieldKind::Reference));
        assert_eq!(
            classify_field("Service Operations"),
            Some(FieldKind::LeadService)
        );
        assert_eq!(classify_field("A sentence that ends here."), None);
        assert_eq!(classify_field("42"), None);
    }

    #[test]
    fn paragraphs_record_gaps_and_lines() {
        let p = split_paras("\nA\n\n\n\nB one.\nB two.\n\nC");
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].start(), 2);
        assert_eq!(p[0].gap_after, 3);
        assert_eq!(p[1].text(), "B one.\nB two.");
        assert_eq!(p[1].gap_after, 1);
        assert_eq!(p[2].start(), 9);
    }
}
