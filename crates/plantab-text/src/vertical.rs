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
//! be missing: a status label, a record type, a reference (an identifier
//! token such as `AB12-CD3-4-05`, `PRJ-114` or `2021/07`), else a lead
//! service (a short phrase) — the rule of [`plantab_vocab::classify_field`],
//! which the tables stage's record cards share. A line that fits no field, or claims a field already
//! taken, is appended to the record's description and reported as an
//! `unparsed_text` warning, so nothing printed is dropped.
//!
//! Each section becomes one [`TableFragment`] with the fixed header
//! [`HEADER`]; headings and prose become [`Block::Text`]s in reading order.
//!
//! Detection and reading share one pass over the text (the crate's
//! `read_str` reuses the scan its detection made): the text is split into
//! paragraphs once, and each distinct field line is classified once.

use plantab_model::{
    Block, FragmentRow, Layout, SourceFormat, TableFragment, TextBlock, Warning, WarningCode,
};
use plantab_vocab::FieldKind;
use std::cell::RefCell;
use std::collections::HashMap;

/// The column labels of every table the vertical reader emits, in cell
/// order ([`plantab_vocab::fields::RECORD_HEADER`], shared with the tables
/// stage's record cards). They map through [`plantab_vocab::match_header`]
/// to `title`, `description`, `status`, `lead_service`, `reference` and
/// `type`.
pub const HEADER: [&str; 6] = plantab_vocab::fields::RECORD_HEADER;

/// Blank lines after a paragraph that mark it as a record title.
const TITLE_GAP: usize = 2;

/// One run of non-blank lines: a byte range of the text (from the start
/// of its first line to the end of its last, line breaks inside).
#[derive(Debug, Clone, Copy)]
struct Para {
    /// Byte offset of the first line's start.
    start: usize,
    /// Byte offset just past the last line's end (before its line break).
    end: usize,
    /// 1-based number of the first line.
    line: usize,
    /// Number of lines.
    count: usize,
    /// Blank lines between this paragraph and the next (or the end).
    gap_after: usize,
    /// Prose: some line is a sentence (terminal punctuation) or long.
    prose: bool,
}

impl Para {
    /// A single short line that is not prose: a heading or field candidate.
    fn is_heading_like(&self) -> bool {
        self.count == 1 && !self.prose
    }
}

/// Whitespace as [`char::is_whitespace`] counts it, for ASCII bytes.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// `s.trim()`, with a fast path for ASCII whitespace at the ends.
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    let mut j = b.len();
    while i < j && b.get(i).copied().is_some_and(is_ascii_space) {
        i += 1;
    }
    while j > i && b.get(j - 1).copied().is_some_and(is_ascii_space) {
        j -= 1;
    }
    // Both cuts fall next to ASCII bytes, so they are char boundaries.
    let t = s.get(i..j).unwrap_or(s);
    let non_ascii_end = |x: Option<&u8>| x.is_some_and(|c| !c.is_ascii());
    if non_ascii_end(t.as_bytes().first()) || non_ascii_end(t.as_bytes().last()) {
        // Unicode whitespace (no-break space, em space …) is trimmed too.
        t.trim()
    } else {
        t
    }
}

/// A sentence or a long line ([`plantab_vocab::is_prose_line`]).
fn line_is_prose(line: &str) -> bool {
    plantab_vocab::is_prose_line(line)
}

/// Classifies one line as a field value ([`plantab_vocab::classify_field`]).
fn classify_field(line: &str) -> Option<FieldKind> {
    plantab_vocab::classify_field(line)
}

/// Cell index of a field kind in [`HEADER`].
fn column(kind: FieldKind) -> usize {
    HEADER
        .iter()
        .position(|h| *h == kind.label())
        .unwrap_or(HEADER.len())
}

/// A text split into paragraphs once, for both detection
/// ([`Scan::looks_vertical`]) and reading ([`Scan::into_layout`]).
///
/// Field lines repeat from record to record (the same statuses, types and
/// lead services), so each distinct line is classified once per scan.
pub(crate) struct Scan<'a> {
    /// The text scanned.
    text: &'a str,
    /// Paragraphs, in order.
    paras: Vec<Para>,
    /// Indices of record-title paragraphs.
    titles: Vec<usize>,
    /// Field classification of each distinct line seen so far.
    fields: RefCell<HashMap<&'a str, Option<FieldKind>>>,
}

impl<'a> Scan<'a> {
    /// Splits `text` into paragraphs (lines as [`str::lines`] cuts them,
    /// whitespace-only lines blank) and finds the record titles.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut paras: Vec<Para> = Vec::new();
        // The paragraph being read: start byte, first line number, lines
        // so far, prose so far.
        let mut open: Option<Para> = None;
        let mut blanks = 0usize;
        let mut line_no = 0usize;
        let mut pos = 0usize;
        let bytes = text.as_bytes();
        while pos < bytes.len() {
            let nl = memchr::memchr(b'\n', bytes.get(pos..).unwrap_or(&[]))
                .map_or(bytes.len(), |k| pos + k);
            let raw = text.get(pos..nl).unwrap_or("");
            let line_start = pos;
            pos = nl + 1;
            line_no += 1;
            let line = trim(raw);
            if line.is_empty() {
                if let Some(p) = open.take() {
                    paras.push(p);
                }
                blanks += 1;
                continue;
            }
            let prose = line_is_prose(line);
            match open.as_mut() {
                Some(p) => {
                    p.end = nl;
                    p.count += 1;
                    p.prose |= prose;
                }
                None => {
                    if let Some(prev) = paras.last_mut() {
                        prev.gap_after = blanks;
                    }
                    open = Some(Para {
                        start: line_start,
                        end: nl,
                        line: line_no,
                        count: 1,
                        gap_after: 0,
                        prose,
                    });
                }
            }
            blanks = 0;
        }
        if let Some(p) = open {
            paras.push(p);
        } else if let Some(prev) = paras.last_mut() {
            prev.gap_after = blanks;
        }
        let titles = title_indices(&paras);
        Scan {
            text,
            paras,
            titles,
            fields: RefCell::new(HashMap::new()),
        }
    }

    /// The paragraph's lines: (1-based line number, trimmed text).
    fn lines_of(&self, p: &Para) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let line = p.line;
        self.text
            .get(p.start..p.end)
            .unwrap_or("")
            .split('\n')
            .enumerate()
            .map(move |(k, l)| (line + k, trim(l)))
    }

    fn start(&self, p: &Para) -> usize {
        p.line
    }

    /// The paragraph's lines joined by newlines.
    fn text(&self, p: &Para) -> String {
        join_lines(self.lines_of(p), "\n")
    }

    /// [`classify_field`] of `line`, remembered per distinct line.
    fn classify(&self, line: &'a str) -> Option<FieldKind> {
        if let Some(k) = self.fields.borrow().get(line) {
            return *k;
        }
        let k = classify_field(line);
        self.fields.borrow_mut().insert(line, k);
        k
    }

    fn is_strong_field(&self, line: &'a str) -> bool {
        self.classify(line).is_some_and(FieldKind::is_strong)
    }

    /// Every line of the paragraph is a status, type or reference value.
    fn is_field_para(&self, p: &Para) -> bool {
        self.lines_of(p).all(|(_, l)| self.is_strong_field(l))
    }

    /// The paragraph is one reference value (an identifier token).
    fn is_reference_para(&self, p: &Para) -> bool {
        p.count == 1
            && self
                .lines_of(p)
                .all(|(_, l)| self.classify(l) == Some(FieldKind::Reference))
    }

    /// The paragraphs after title `k` up to the next title (or the end).
    fn region(&self, k: usize) -> Option<&[Para]> {
        let t = *self.titles.get(k)?;
        let end = self.titles.get(k + 1).copied().unwrap_or(self.paras.len());
        self.paras.get(t + 1..end)
    }

    /// The rule of [`looks_vertical`] (without its tab check): at least two
    /// record skeletons, making up at least half of the title paragraphs.
    pub(crate) fn looks_vertical(&self) -> bool {
        let titles = self.titles.len();
        let mut skeletons = 0usize;
        for k in 0..titles {
            // Stop as soon as the answer is known: enough skeletons already,
            // or too few titles left to reach half.
            if skeletons >= 2 && skeletons * 2 >= titles {
                return true;
            }
            if (skeletons + (titles - k)) * 2 < titles {
                return false;
            }
            let Some(region) = self.region(k) else {
                continue;
            };
            let Some(first) = region.first() else {
                continue;
            };
            let has_prose = first.prose;
            let has_field = has_prose
                && region
                    .iter()
                    .skip(1)
                    .flat_map(|p| self.lines_of(p))
                    .any(|(_, l)| self.is_strong_field(l));
            if has_field {
                skeletons += 1;
            }
        }
        skeletons >= 2 && skeletons * 2 >= titles
    }

    /// Reads the scanned text as vertical records (see [`read_vertical`]).
    pub(crate) fn into_layout(self) -> Layout {
        let mut blocks: Vec<Block> = Vec::new();
        let mut warnings: Vec<Warning> = Vec::new();

        // Before the first record: document title, intro, first section heading.
        let first_title = self.titles.first().copied().unwrap_or(self.paras.len());
        let preamble = self.paras.get(..first_title).unwrap_or(&[]);
        for (i, p) in preamble.iter().enumerate() {
            let heading = if !p.is_heading_like() {
                None
            } else if i == 0 {
                Some(1)
            } else {
                Some(2)
            };
            blocks.push(self.text_block(p, heading));
        }

        let mut rows: Vec<FragmentRow> = Vec::new();
        for (k, &t) in self.titles.iter().enumerate() {
            let (Some(title), Some(region)) = (self.paras.get(t), self.region(k)) else {
                continue;
            };
            let region = split_region(
                region,
                |p| self.is_reference_para(p),
                |p| self.is_field_para(p),
            );
            rows.push(self.record_row(title, region.body, &mut warnings));
            if !region.trailer.is_empty() {
                flush_table(&mut blocks, &mut rows);
                blocks.extend(region.trailer.iter().map(|p| self.text_block(p, None)));
            }
            if let Some((heading, intro)) = region.section {
                flush_table(&mut blocks, &mut rows);
                blocks.push(self.text_block(heading, Some(2)));
                blocks.extend(intro.iter().map(|p| self.text_block(p, None)));
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

    /// Builds one record row from its title paragraph and body.
    fn record_row(&self, title: &Para, body: &[Para], warnings: &mut Vec<Warning>) -> FragmentRow {
        let title_text = join_lines(self.lines_of(title), " ");
        // The description is the first paragraph (unless it is itself a lone
        // field value: a record printed without description) and every
        // paragraph up to the last prose one; the rest are field lines.
        let first_is_field = body
            .first()
            .is_some_and(|p| !p.prose && self.lines_of(p).all(|(_, l)| self.is_strong_field(l)));
        let min_desc = usize::from(!first_is_field);
        let desc_end = body
            .iter()
            .rposition(|p| p.prose)
            .map(|i| i + 1)
            .unwrap_or(0)
            .max(min_desc)
            .min(body.len());
        let (desc_paras, field_paras) = body.split_at(desc_end);
        // The description paragraphs' texts, then any unplaced field line,
        // one per line.
        let mut description = String::new();
        let mut desc_items = 0usize;
        for p in desc_paras {
            if desc_items > 0 {
                description.push('\n');
            }
            push_joined(&mut description, self.lines_of(p), "\n");
            desc_items += 1;
        }

        let field_lines: Vec<(usize, &str, Option<FieldKind>)> = field_paras
            .iter()
            .flat_map(|p| self.lines_of(p))
            .map(|(n, l)| (n, l, self.classify(l)))
            .collect();
        let mut cells: Vec<String> = vec![String::new(); HEADER.len()];
        // A lead service is only a leftover short phrase, so when several lines
        // claim it the last wins (earlier ones are likelier spill of the
        // description); status, type and reference keep their first line.
        let last_lead = field_lines
            .iter()
            .rposition(|(_, _, k)| *k == Some(FieldKind::LeadService));
        for (i, &(n, line, kind)) in field_lines.iter().enumerate() {
            let why = match kind {
                None => "fits no field".to_string(),
                Some(FieldKind::LeadService) if Some(i) != last_lead => {
                    "is a second lead service candidate".to_string()
                }
                Some(kind) => match cells.get_mut(column(kind)) {
                    Some(cell) if cell.is_empty() => {
                        cell.push_str(line);
                        continue;
                    }
                    _ => format!("is a second {}", kind.name()),
                },
            };
            warnings.push(
                Warning::new(
                    WarningCode::UnparsedText,
                    format!("\"{line}\" {why} of record \"{title_text}\"; kept in its description"),
                )
                .at_line(Some(n)),
            );
            if desc_items > 0 {
                description.push('\n');
            }
            desc_items += 1;
            description.push_str(line);
        }
        if let Some(c) = cells.get_mut(1) {
            *c = description;
        }
        let line = Some(self.start(title));
        if let Some(c) = cells.get_mut(0) {
            *c = title_text;
        }
        FragmentRow {
            cells,
            spanning: false,
            line,
            bbox: None,
            spans: Vec::new(),
        }
    }

    fn text_block(&self, p: &Para, heading: Option<u8>) -> Block {
        Block::Text(TextBlock {
            text: self.text(p),
            page: None,
            line: Some(self.start(p)),
            heading,
            bbox: None,
        })
    }
}

/// The lines' texts joined by `sep`.
fn join_lines<'a>(lines: impl Iterator<Item = (usize, &'a str)>, sep: &str) -> String {
    let mut s = String::new();
    push_joined(&mut s, lines, sep);
    s
}

/// Appends the lines' texts, joined by `sep`, to `out`.
fn push_joined<'a>(out: &mut String, lines: impl Iterator<Item = (usize, &'a str)>, sep: &str) {
    for (i, (_, l)) in lines.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(l);
    }
}

/// Indices of record-title paragraphs: followed by at least [`TITLE_GAP`]
/// blank lines and then by more text.
fn title_indices(paras: &[Para]) -> Vec<usize> {
    paras
        .iter()
        .enumerate()
        .filter(|(i, p)| p.gap_after >= TITLE_GAP && i + 1 < paras.len() && p.count <= 3)
        .map(|(i, _)| i)
        .collect()
}

/// True when the text looks like vertical records: no tab characters, and
/// at least two record skeletons (a title, a gap of blank lines, prose,
/// then a line that classifies as a status, type or reference value), which
/// make up at least half of the title-like paragraphs.
pub fn looks_vertical(text: &str) -> bool {
    !text.contains('\t') && Scan::new(text).looks_vertical()
}

/// What one record region (the paragraphs after a title, up to the next
/// title) holds.
struct Region<'a> {
    /// Description and field paragraphs.
    body: &'a [Para],
    /// A section heading that ends the region, and its intro prose.
    section: Option<(&'a Para, &'a [Para])>,
    /// Prose after the record's last field paragraph that opens no
    /// section (a closing note under the last record): text after the
    /// table.
    trailer: &'a [Para],
}

/// Cuts a record region into body, section and trailer. `is_reference`
/// tells a paragraph that is one reference value, `is_field` one of field
/// values only.
fn split_region(
    region: &[Para],
    is_reference: impl Fn(&Para) -> bool,
    is_field: impl Fn(&Para) -> bool,
) -> Region<'_> {
    // A heading-like paragraph followed only by prose, with something
    // before it (the record's own description), opens a new section —
    // unless it is a reference (a record's last field followed by a
    // closing note: no section is named by an identifier).
    let last_non_prose = region.iter().rposition(|p| !p.prose);
    if let Some(k) = last_non_prose {
        let followed_by_prose = k + 1 < region.len();
        if k >= 1 && followed_by_prose {
            if let (Some(heading), Some(intro), Some(body)) =
                (region.get(k), region.get(k + 1..), region.get(..k))
            {
                if heading.is_heading_like() && !is_reference(heading) {
                    return Region {
                        body,
                        section: Some((heading, intro)),
                        trailer: &[],
                    };
                }
            }
        }
    }
    // Prose after a paragraph of field values, with a description before
    // them: a note after the record, not part of its description.
    let last_field = region.iter().rposition(|p| !p.prose && is_field(p));
    if let Some(f) = last_field {
        if let (true, Some(body), Some(trailer)) = (f >= 1, region.get(..=f), region.get(f + 1..)) {
            if !trailer.is_empty() && trailer.iter().all(|p| p.prose) {
                return Region {
                    body,
                    section: None,
                    trailer,
                };
            }
        }
    }
    Region {
        body: region,
        section: None,
        trailer: &[],
    }
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
    Scan::new(text).into_layout()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_tokens_match_the_pattern_they_replace() {
        let re = regex::Regex::new(r"^[A-Z0-9]+(?:[-./][A-Z0-9]+)*$").unwrap();
        for s in [
            "", "A", "-", "A-", "-A", "A--B", "A-.B", "A-B", "A.B/C-9", "AB12", "ab12", "A B",
            "ÄB-1", "A-1-", "1/2", "X//Y", "Q.", "Z9-Z9-Z9", "A_B",
        ] {
            assert_eq!(
                plantab_vocab::fields::is_ref_token(s.as_bytes()),
                re.is_match(s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn paragraphs_record_gaps_and_lines() {
        let s = Scan::new("\nA\n\n\n\n  B one.  \nB two.\n \t\nC\n\n\n");
        assert_eq!(s.paras.len(), 3);
        let [a, b, c] = [s.paras[0], s.paras[1], s.paras[2]];
        assert_eq!(s.start(&a), 2);
        assert_eq!(a.gap_after, 3);
        assert!(!a.prose && a.is_heading_like());
        assert_eq!(s.text(&b), "B one.\nB two.");
        assert!(b.prose);
        // A whitespace-only line is blank.
        assert_eq!(b.gap_after, 1);
        assert_eq!(s.start(&c), 9);
        // Trailing blank lines count for the last paragraph (the final
        // newline ends the last line, it does not open a blank one).
        assert_eq!(c.gap_after, 2);
        // Only A is a title: C has nothing after it.
        assert_eq!(s.titles, vec![0]);
    }

    #[test]
    fn fast_trim_is_str_trim() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "\t\x0Bb\x0C\r",
            "\u{a0}x\u{a0}",
            " \u{2003}y z\u{3000} ",
            "é",
            " é ",
            "\r",
            "a\r",
            "\u{85}q",
            "x\u{1F600}",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    /// Paragraphs as the first version of this reader cut them, with
    /// `str::lines`: (first line number, trimmed lines, blank lines after).
    fn reference_paras(text: &str) -> Vec<(usize, Vec<String>, usize)> {
        let mut paras: Vec<(usize, Vec<String>, usize)> = Vec::new();
        let mut current: Vec<(usize, String)> = Vec::new();
        let mut blanks = 0usize;
        let flush = |current: &mut Vec<(usize, String)>, paras: &mut Vec<_>| {
            let lines = std::mem::take(current);
            let first = lines[0].0;
            paras.push((first, lines.into_iter().map(|(_, l)| l).collect(), 0));
        };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() {
                if !current.is_empty() {
                    flush(&mut current, &mut paras);
                }
                blanks += 1;
                continue;
            }
            if current.is_empty() {
                if let Some(prev) = paras.last_mut() {
                    prev.2 = blanks;
                }
            }
            blanks = 0;
            current.push((i + 1, line.to_string()));
        }
        if !current.is_empty() {
            flush(&mut current, &mut paras);
        } else if let Some(prev) = paras.last_mut() {
            prev.2 = blanks;
        }
        paras
    }

    #[test]
    fn paragraphs_are_cut_as_str_lines_cuts_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "a\r\nb\r\n\r\n\r\nc\r\n",
            "a\rb\n\r\nc\r",
            "\n\n x \n\t\n\u{a0}\ny\nz\n\n\n\n",
            "one.\ntwo\n \n\u{2003}\nthree\n\n\nfour",
            "\u{feff}BOM line\n\n\nnext\n",
        ] {
            let scan = Scan::new(text);
            let got: Vec<(usize, Vec<String>, usize)> = scan
                .paras
                .iter()
                .map(|p| {
                    let lines: Vec<String> = scan.lines_of(p).map(|(_, l)| l.to_string()).collect();
                    assert_eq!(lines.len(), p.count);
                    let numbers: Vec<usize> = scan.lines_of(p).map(|(n, _)| n).collect();
                    assert_eq!(numbers, (p.line..p.line + p.count).collect::<Vec<_>>());
                    (p.line, lines, p.gap_after)
                })
                .collect();
            assert_eq!(got, reference_paras(text), "{text:?}");
        }
    }

    /// A document of our own making: two sections, ids of another scheme,
    /// fields in another order, one record without a type, one with a
    /// stray line.
    const OWN: &str = "Harbour Authority Business Plan 2031\n\n\
Progress on our harbour commitments.\n\n\
Capital works\n\n\
Works funded from the capital programme.\n\n\
Dredge the outer channel\n\n\n\
Survey complete and contract let for the winter season.\n\n\
HA-31-004\n\
Marine Engineering\n\n\
On track\n\n\
Project\n\n\
Replace pontoon berths\n\n\n\
Two of five berths replaced.\n\n\
HA-31-009\n\
Delayed\n\
Marine Engineering\n\
Estates Team\n\n\
Operations\n\n\
Day-to-day work of the authority.\n\n\
Renew pilotage licences\n\n\n\
All licences renewed.\n\n\
Complete\n\
Pilotage\n\n\
HA-31-101\n";

    #[test]
    fn own_document_reads_as_records() {
        let scan = Scan::new(OWN);
        assert_eq!(scan.titles.len(), 3);
        assert!(scan.looks_vertical());
        assert!(looks_vertical(OWN));
        let layout = scan.into_layout();
        let tables: Vec<&TableFragment> = layout
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 2);
        let r = &tables[0].rows[0].cells;
        assert_eq!(r[0], "Dredge the outer channel");
        assert_eq!(
            r[1],
            "Survey complete and contract let for the winter season."
        );
        assert_eq!(
            &r[2..],
            ["On track", "Marine Engineering", "HA-31-004", "Project"]
        );
        // Two lead-service candidates: the last wins, the first is kept in
        // the description with a warning.
        let r = &tables[0].rows[1].cells;
        assert_eq!(r[1], "Two of five berths replaced.\nMarine Engineering");
        assert_eq!(&r[2..], ["Delayed", "Estates Team", "HA-31-009", ""]);
        assert_eq!(tables[0].rows[1].line, Some(21));
        let r = &tables[1].rows[0].cells;
        assert_eq!(&r[2..], ["Complete", "Pilotage", "HA-31-101", ""]);
        assert_eq!(layout.warnings.len(), 1);
        assert_eq!(layout.warnings[0].location.line, Some(28));
        assert!(layout.warnings[0].message.starts_with(
            "\"Marine Engineering\" is a second lead service candidate of record \"Replace pontoon berths\""
        ));
        // The section heading between the tables is a level-2 heading.
        let headings: Vec<(&str, Option<u8>)> = layout
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text(t) => Some((t.text.as_str(), t.heading)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                ("Harbour Authority Business Plan 2031", Some(1)),
                ("Progress on our harbour commitments.", None),
                ("Capital works", Some(2)),
                ("Works funded from the capital programme.", None),
                ("Operations", Some(2)),
                ("Day-to-day work of the authority.", None),
            ]
        );
    }

    #[test]
    fn a_closing_note_after_the_last_record_is_text_after_the_table() {
        let text = format!("{OWN}\nFigures are as at 30 June and unaudited.\n");
        let layout = read_vertical(&text);
        let Some(Block::Table(last)) = layout
            .blocks
            .iter()
            .rev()
            .find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no table");
        };
        let r = &last.rows[0].cells;
        assert_eq!(r[1], "All licences renewed.");
        assert_eq!(&r[2..], ["Complete", "Pilotage", "HA-31-101", ""]);
        let Some(Block::Text(note)) = layout.blocks.last() else {
            panic!("no note");
        };
        assert_eq!(note.text, "Figures are as at 30 June and unaudited.");
        assert_eq!(note.heading, None);
    }

    #[test]
    fn field_lines_are_classified_once_per_distinct_text() {
        // Every record's rows, classifying field lines through the memo.
        fn classify_all(scan: &Scan<'_>) -> usize {
            let mut warnings = Vec::new();
            for (k, &t) in scan.titles.iter().enumerate() {
                let region = split_region(
                    scan.region(k).unwrap(),
                    |p| scan.is_reference_para(p),
                    |p| scan.is_field_para(p),
                );
                scan.record_row(&scan.paras[t], region.body, &mut warnings);
            }
            warnings.len()
        }
        // Copies joined by one blank line: each copy's preamble ends the
        // previous copy's last record (as its description and a section),
        // so only the last copy's third record has field lines.
        let three = [OWN; 3].join("\n");
        let scan = Scan::new(&three);
        assert_eq!(scan.titles.len(), 9);
        assert_eq!(classify_all(&scan), 3);
        let once = Scan::new(OWN);
        assert_eq!(classify_all(&once), 1);
        // HA-31-004, Marine Engineering, On track, Project, HA-31-009,
        // Delayed, Estates Team, Complete, Pilotage, HA-31-101, and the
        // section heading Operations (asked whether it is a reference).
        assert_eq!(once.fields.borrow().len(), 11);
        // Also the section heading Capital works of the second and third
        // copies.
        assert_eq!(scan.fields.borrow().len(), 12);
        // Detection stops once the answer is known: two skeletons of three
        // titles are enough.
        let fresh = Scan::new(OWN);
        assert!(fresh.looks_vertical());
        assert!(fresh.fields.borrow().len() < 10);
    }

    #[test]
    fn prose_and_markdown_are_not_vertical() {
        let prose = "A title\n\n\nSome prose about the plan.\n\nMore prose here.\n".repeat(50);
        assert!(!looks_vertical(&prose));
        let md = "# Plan\n\nIntro text.\n\n\n## Goals\n\n- item one\n- item two\n\n\n".repeat(50);
        assert!(!looks_vertical(&md));
        assert!(!looks_vertical(""));
        assert!(!looks_vertical(&OWN.replace("\n\n\n", "\n\n")));
        assert!(!looks_vertical(&OWN.replace("Operations", "Operations\tx")));
    }
}
