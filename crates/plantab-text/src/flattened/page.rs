//! Page structure of a flattened tracker: which lines are the repeated
//! column header, page furniture (header-group lines, "update due" banners),
//! section headings, the legend, and table content.

use super::facts::header_start;
use super::ids::Scheme;
use super::lines::Lines;
use super::tokens::WordTable;
use super::words::{is_blank, words};
use plantab_vocab::{
    compact_into, header_compact_max_len, header_run_may_match, match_header_exact_compact,
};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRole {
    /// Empty or whitespace.
    Blank,
    /// Table content (rows) or, before the first table, legend / prose.
    Content,
    /// Part of the printed column header of block `.0` (a `u32`, so that
    /// a role takes 8 bytes: documents have many lines).
    Header(u32),
    /// Page furniture repeated around the headers.
    Furniture,
    /// A section heading printed above a table.
    Heading,
}

/// One printed column header.
#[derive(Debug, Clone)]
pub(crate) struct HeaderBlock {
    /// First line (0-based) of the header.
    pub first: usize,
    /// Labels as printed (unwrapped), with their canonical keys.
    pub labels: Vec<(String, &'static str)>,
}

/// Lines before / after a header line searched for furniture.
const NEAR_BEFORE: usize = 15;
const NEAR_AFTER: usize = 25;

/// Entries a [`HeaderMemo`] table holds before it starts afresh.
const MEMO_MAX: usize = 1 << 16;

/// Remembered answers of the header matching for one document: header
/// text repeats on every page, and words recur.
#[derive(Default)]
pub(crate) struct HeaderMemo<'a> {
    /// Per printed word: may a label start at it, may an identifier label.
    starts: FxHashMap<&'a str, (bool, bool)>,
    /// Per run of compact text: may it or a longer run match, and the key
    /// it matches.
    runs: FxHashMap<String, (bool, Option<&'static str>)>,
    /// Per line that passed [`may_be_header_core`]: is it a header line.
    lines: FxHashMap<&'a str, bool>,
}

impl HeaderMemo<'_> {
    /// `header_run_may_match` and `match_header_exact_compact` of a run.
    fn run(&mut self, run: &str) -> (bool, Option<&'static str>) {
        if let Some(&hit) = self.runs.get(run) {
            return hit;
        }
        let may = header_run_may_match(run);
        let key = if may {
            match_header_exact_compact(run).map(|m| m.key)
        } else {
            None
        };
        if self.runs.len() >= MEMO_MAX {
            self.runs.clear();
        }
        self.runs.insert(run.to_string(), (may, key));
        (may, key)
    }
}

/// A header word with what layout said about its end.
#[derive(Debug, Clone)]
struct HWord<'a> {
    text: &'a str,
    line: usize,
    /// Last word of its line, printed without a trailing space: the word may
    /// continue on the next line.
    open_end: bool,
}

/// The words of some lines, given as (line number, text).
fn header_words<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<HWord<'a>> {
    let mut out = Vec::new();
    for (i, l) in lines {
        let from = out.len();
        out.extend(words(l).map(|w| HWord {
            text: w,
            line: i,
            open_end: false,
        }));
        if out.len() > from && !l.ends_with(char::is_whitespace) {
            if let Some(last) = out.last_mut() {
                last.open_end = true;
            }
        }
    }
    out
}

/// Greedy longest-match of header labels over words: the labels (printed
/// text, key) and, per word, whether a label took it.
#[cfg(test)]
///
/// A label is at most twelve words; runs whose compact form is already
/// longer than any label can be are not tried. Compact forms are built
/// word by word (a run's compact form is its words' compact forms
/// concatenated), so each start costs one pass over the words it may take.
fn parse_labels(
    words: &[HWord],
    memo: &mut HeaderMemo,
) -> (Vec<(String, &'static str)>, Vec<bool>) {
    let ends = label_ends(words, memo);
    let mut labels = Vec::new();
    let used = greedy_labels(&ends, words.len(), |i, j, key| {
        labels.push((join_header(words.get(i..j).unwrap_or(&[])), key));
    });
    (labels, used)
}

/// For every word `i`: the runs of words from `i` (up to twelve) whose
/// text matches a header exactly, as (end, key), longest first.
///
/// Compact forms are built word by word (a run's compact form is its
/// words' compact forms concatenated), and a start stops growing as soon
/// as no longer run can match (`plantab_vocab::header_run_may_match`).
fn label_ends(words: &[HWord], memo: &mut HeaderMemo) -> Vec<Vec<(usize, &'static str)>> {
    let mut ends = LabelEnds::new(words);
    ends.upto(words.len(), memo);
    ends.ends
}

/// [`label_ends`] worked out on demand, for the first words only as far
/// as they are asked for.
struct LabelEnds<'w, 'a> {
    words: &'w [HWord<'a>],
    /// The compact forms of the first words (as many as were needed) in
    /// one buffer: the compact form of the run of words i..j is
    /// `buf[offs[i]..offs[j]]`.
    buf: String,
    offs: Vec<usize>,
    ends: Vec<Vec<(usize, &'static str)>>,
}

impl<'w, 'a> LabelEnds<'w, 'a> {
    fn new(words: &'w [HWord<'a>]) -> LabelEnds<'w, 'a> {
        LabelEnds {
            words,
            buf: String::new(),
            offs: vec![0],
            ends: Vec::new(),
        }
    }

    /// The end of word `j - 1`'s compact form in `buf` (compacting the
    /// words up to it first).
    fn off(&mut self, j: usize) -> Option<usize> {
        while self.offs.len() <= j {
            let w = self.words.get(self.offs.len() - 1)?;
            compact_into(w.text, &mut self.buf);
            self.offs.push(self.buf.len());
        }
        self.offs.get(j).copied()
    }

    /// Makes sure the runs starting at the first `n` words are known.
    fn upto(&mut self, n: usize, memo: &mut HeaderMemo) -> &[Vec<(usize, &'static str)>] {
        let words = self.words.len();
        let max_len = header_compact_max_len();
        while self.ends.len() < n.min(words) {
            let i = self.ends.len();
            let mut found = Vec::new();
            let from = self.off(i).unwrap_or(0);
            for j in i + 1..=(i + 12).min(words) {
                let Some(e) = self.off(j) else {
                    break;
                };
                let Some(run) = self.buf.get(from..e) else {
                    break;
                };
                if run.len() > max_len {
                    break;
                }
                let (may, key) = memo.run(run);
                if !may {
                    break;
                }
                if let Some(key) = key {
                    found.push((j, key));
                }
            }
            found.reverse();
            self.ends.push(found);
        }
        &self.ends
    }
}

/// Greedy longest-match over the first `n` words, given [`label_ends`]:
/// calls `take(start, end, key)` for each label and returns, per word,
/// whether a label took it.
fn greedy_labels(
    ends: &[Vec<(usize, &'static str)>],
    n: usize,
    mut take: impl FnMut(usize, usize, &'static str),
) -> Vec<bool> {
    let mut used = vec![false; n];
    let mut i = 0;
    while i < n {
        let found = ends
            .get(i)
            .and_then(|e| e.iter().find(|(j, _)| *j <= n))
            .copied();
        match found {
            Some((j, key)) => {
                take(i, j, key);
                for u in used.iter_mut().take(j).skip(i) {
                    *u = true;
                }
                i = j;
            }
            None => i += 1,
        }
    }
    used
}

/// Joins header words; a word left open at a line end and continued in
/// lower case on the next line is joined without a space ("(Decembe" +
/// "r 2023)" → "(December 2023)").
fn join_header(words: &[HWord]) -> String {
    let mut s = String::new();
    let mut prev: Option<&HWord> = None;
    for w in words {
        if let Some(p) = prev {
            let join = p.open_end
                && p.line != w.line
                && w.text.chars().next().is_some_and(|c| c.is_lowercase());
            if !join {
                s.push(' ');
            }
        }
        s.push_str(w.text);
        prev = Some(w);
    }
    s
}

/// A line that prints a table's column header: at least four labels, one
/// of them an identifier column.
///
/// Answers about words and runs are remembered in `memo` across lines.
pub(crate) fn is_header_core_memo<'a>(line: &'a str, memo: &mut HeaderMemo<'a>) -> bool {
    if !may_be_header_core(line, memo) {
        return false;
    }
    header_core_parse_memo(line, memo)
}

/// [`header_core_parse`] of a line that passed the cheap word checks,
/// remembered per line text in `memo`.
fn header_core_parse_memo<'a>(line: &'a str, memo: &mut HeaderMemo<'a>) -> bool {
    if let Some(&hit) = memo.lines.get(line) {
        return hit;
    }
    let found = header_core_parse(line, memo);
    if memo.lines.len() >= MEMO_MAX {
        memo.lines.clear();
    }
    memo.lines.insert(line, found);
    found
}

/// [`is_header_core_memo`] of line `i`, its words' facts taken from
/// `table` when the line is indexed there.
fn is_header_core_at<'a>(
    i: usize,
    line: &'a str,
    table: &WordTable<'a>,
    memo: &mut HeaderMemo<'a>,
) -> bool {
    let Some(ids) = table.line_ids(i) else {
        return is_header_core_memo(line, memo);
    };
    // As [`may_be_header_core`]: four words, four of them may start a
    // label, one an identifier label.
    let mut n = 0usize;
    let mut starts = 0usize;
    let mut id = false;
    let mut may = false;
    for w in ids {
        n += 1;
        let (start, id_start) = table.header_start(w);
        if start {
            starts += 1;
            id |= id_start;
            if starts >= 4 && id {
                may = true;
                break;
            }
        }
    }
    if !may || n < 4 {
        return false;
    }
    header_core_parse_memo(line, memo)
}

fn header_core_parse(line: &str, memo: &mut HeaderMemo) -> bool {
    let words = header_words([(0, line)]);
    let ends = label_ends(&words, memo);
    let mut labels = 0usize;
    let mut id = false;
    let used = greedy_labels(&ends, words.len(), |_, _, key| {
        labels += 1;
        id |= key == "id";
    });
    let unused = used.iter().filter(|u| !**u).count();
    labels >= 4 && id && unused <= labels
}

/// A bound for [`is_header_core_memo`]: a label starts at a
/// word whose own compact form may begin a header; a header line has four
/// such words, one of which may begin an identifier header.
fn may_be_header_core<'a>(line: &'a str, memo: &mut HeaderMemo<'a>) -> bool {
    // Four words at least (most lines of a flattened table are shorter):
    // told without looking anything up.
    if words(line).nth(3).is_none() {
        return false;
    }
    let mut starts = 0usize;
    let mut id = false;
    for w in words(line) {
        let (start, id_start) = match memo.starts.get(w) {
            Some(&hit) => hit,
            None => {
                let v = header_start(w);
                if memo.starts.len() >= MEMO_MAX {
                    memo.starts.clear();
                }
                memo.starts.insert(w, v);
                v
            }
        };
        if start {
            starts += 1;
            id |= id_start;
            if starts >= 4 && id {
                return true;
            }
        }
    }
    false
}

/// The line's words joined by single spaces: the trimmed line itself
/// (borrowed) when its words are already so joined.
fn norm(line: &str) -> Cow<'_, str> {
    let t = line.trim();
    let normal = if t.is_ascii() {
        let b = t.as_bytes();
        b.iter().enumerate().all(|(i, &c)| match c {
            b' ' => i == 0 || b.get(i - 1) != Some(&b' '),
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => false,
            _ => true,
        })
    } else {
        let mut prev_space = false;
        t.chars().all(|c| {
            let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
            prev_space = c.is_whitespace();
            ok
        })
    };
    if normal {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(line.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// The lines classified.
pub(crate) struct Classified {
    /// Each line's role.
    pub roles: Vec<LineRole>,
    /// The column headers found.
    pub blocks: Vec<HeaderBlock>,
    /// How the document numbers its rows, when any line begins one.
    pub scheme: Option<Scheme>,
    /// Per line: does it begin a row ([`super::ids::row_id`] in `scheme`).
    pub has_ref: Vec<bool>,
}

/// The first and last bytes of a line's text without the whitespace
/// around it: the same for a line and its [`norm`] form (which only
/// changes whitespace). 0 for a blank line.
fn text_sig(line: &str) -> usize {
    let b = line.trim().as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => usize::from(f) << 8 | usize::from(l),
        _ => 0,
    }
}

/// A set of [`text_sig`] values: a cheap test before a look-up by text.
struct SigSet(Vec<u64>);

impl Default for SigSet {
    fn default() -> SigSet {
        SigSet(vec![0; 1 << 10])
    }
}

impl SigSet {
    fn insert(&mut self, sig: usize) {
        if let Some(w) = self.0.get_mut(sig / 64) {
            *w |= 1 << (sig % 64);
        }
    }

    fn contains(&self, sig: usize) -> bool {
        self.0
            .get(sig / 64)
            .is_some_and(|w| w & (1 << (sig % 64)) != 0)
    }
}

/// Classifies every line.
pub(crate) fn classify<'a>(lines: &Lines<'a>, table: &WordTable<'a>) -> Classified {
    let n = lines.len();
    let mut roles: Vec<LineRole> = lines
        .iter()
        .map(|l| {
            if is_blank(l) {
                LineRole::Blank
            } else {
                LineRole::Content
            }
        })
        .collect();
    let (scheme, has_ref) = match Scheme::learn(lines.iter()) {
        Some((s, marks)) => (Some(s), marks),
        None => (None, vec![false; n]),
    };
    let is_ref = |i: usize| has_ref.get(i).copied().unwrap_or(false);
    let mut memo = HeaderMemo::default();
    let cores: Vec<usize> = (0..n)
        .filter(|&i| {
            lines
                .get(i)
                .is_some_and(|l| is_header_core_at(i, l, table, &mut memo))
        })
        .collect();
    let mut is_core = vec![false; n];
    for &c in &cores {
        if let Some(x) = is_core.get_mut(c) {
            *x = true;
        }
    }

    // Lines repeated around header lines and seldom elsewhere: furniture.
    let mut near = vec![false; n];
    for &c in &cores {
        for v in near
            .iter_mut()
            .take((c + NEAR_AFTER + 1).min(n))
            .skip(c.saturating_sub(NEAR_BEFORE))
        {
            *v = true;
        }
    }
    // (total, near) counts of the texts printed near a header at least
    // once: no other text can be furniture.
    let mut counts: FxHashMap<Cow<str>, (usize, usize)> = FxHashMap::default();
    let is_near = |i: usize| near.get(i).copied().unwrap_or(false);
    for (i, l) in lines.iter().enumerate() {
        if !is_near(i) || is_blank(l) || is_ref(i) {
            continue;
        }
        let e = counts.entry(norm(l)).or_default();
        e.0 += 1;
        e.1 += 1;
    }
    // A text printed near headers fewer than `need` times is no furniture
    // whatever its total: only the others are counted on, and a line is
    // looked up only when its [`text_sig`] is one of theirs.
    // Printed near three headers at least, or near both of a document's
    // two.
    let need = cores.len().clamp(2, 3);
    counts.retain(|_, &mut (_, nearc)| nearc >= need);
    let mut sigs = SigSet::default();
    for k in counts.keys() {
        sigs.insert(text_sig(k));
    }
    for (i, l) in lines.iter().enumerate() {
        if is_near(i) || !sigs.contains(text_sig(l)) || is_ref(i) {
            continue;
        }
        if let Some(e) = counts.get_mut(norm(l).as_ref()) {
            e.0 += 1;
        }
    }
    let is_furniture_text = |i: usize, l: &str| -> bool {
        if !sigs.contains(text_sig(l)) || is_ref(i) {
            return false;
        }
        counts
            .get(norm(l).as_ref())
            .is_some_and(|&(total, nearc)| nearc >= need && nearc * 4 >= total * 3)
    };

    let mut blocks = Vec::new();
    // The forward look from a header line depends only on the lines it
    // may look at (their text, identifier and header-line flags) and on
    // document-wide facts: headers repeat page after page, so the outcome
    // (the lines' roles and the labels) is remembered per such look.
    let mut looks: FxHashMap<Vec<(&str, bool, bool)>, Look> = FxHashMap::default();
    let mut look_key: Vec<(&str, bool, bool)> = Vec::new();
    for (b, &core) in cores.iter().enumerate() {
        // Past `u32` blocks (a document of gigabytes) the number is
        // clipped; the offsets the reader keeps are `u32`s anyway.
        let b_role = u32::try_from(b).unwrap_or(u32::MAX);
        // Forward: header continuation lines, then furniture.
        let mut header_last = core;
        let mut j = core + 1;
        let limit = (core + NEAR_AFTER).min(n);
        // The lines looked at still have the roles their text gives them
        // (Blank or Content) unless an earlier look reached them.
        let pristine = roles.get(core..limit).is_some_and(|rs| {
            rs.iter()
                .all(|r| matches!(r, LineRole::Blank | LineRole::Content))
        });
        look_key.clear();
        look_key.extend((core..limit).map(|i| {
            (
                lines.at(i),
                is_ref(i),
                is_core.get(i).copied().unwrap_or(false),
            )
        }));
        if pristine {
            if let Some((seen, labels)) = looks.get(&look_key) {
                for (r, s) in roles
                    .get_mut(core..limit)
                    .unwrap_or(&mut [])
                    .iter_mut()
                    .zip(seen)
                {
                    *r = match s {
                        LineRole::Header(_) => LineRole::Header(b_role),
                        other => *other,
                    };
                }
                backward_and_push(
                    lines,
                    &has_ref,
                    &mut roles,
                    &is_furniture_text,
                    core,
                    labels.clone(),
                    &mut blocks,
                );
                continue;
            }
        }
        // The words of the lines looked at (from the header line on) and
        // the labels that may start at each: a look at lines core..=k is
        // a greedy pass over a prefix of these words.
        let area = header_words((core..limit).map(|i| (i, lines.at(i))));
        let mut area_ends = LabelEnds::new(&area);
        while j < limit {
            let Some(l) = lines.get(j) else { break };
            if is_blank(l) {
                j += 1;
                continue;
            }
            if is_ref(j) || is_core.get(j).copied().unwrap_or(false) {
                break;
            }
            // Does adding this line (with up to two more) give labels words
            // on this line?
            let mut look_last = j;
            let mut extra = 0;
            let mut k = j + 1;
            while extra < 3 && k < limit {
                if lines.get(k).is_some_and(|x| !is_blank(x)) {
                    if is_ref(k) {
                        break;
                    }
                    look_last = k;
                    extra += 1;
                }
                k += 1;
            }
            // Lines core..=look_last (the blank ones among them have no
            // words): a prefix of the area's words.
            let words = area.partition_point(|w| w.line <= look_last);
            let used = greedy_labels(area_ends.upto(words, &mut memo), words, |_, _, _| {});
            let takes = area.iter().zip(&used).any(|(w, u)| w.line == j && *u);
            if takes {
                header_last = j;
            } else if is_furniture_text(j, l) {
                if let Some(r) = roles.get_mut(j) {
                    *r = LineRole::Furniture;
                }
            } else {
                break;
            }
            j += 1;
        }
        // The header's words are the area's first ones: their labels are
        // the greedy pass over them.
        let n_words = area.partition_point(|w| w.line <= header_last);
        let words = area.get(..n_words).unwrap_or(&[]);
        let mut labels = Vec::new();
        let used = greedy_labels(area_ends.upto(n_words, &mut memo), n_words, |i, j, key| {
            labels.push((join_header(words.get(i..j).unwrap_or(&[])), key));
        });
        for i in core..=header_last {
            if let Some(r) = roles.get_mut(i) {
                if *r == LineRole::Content {
                    // A header-area line no label took is furniture.
                    let any_used = words.iter().zip(&used).any(|(w, u)| w.line == i && *u);
                    *r = if any_used || i == core {
                        LineRole::Header(b_role)
                    } else {
                        LineRole::Furniture
                    };
                }
            }
        }
        if pristine {
            let seen = roles.get(core..limit).unwrap_or(&[]).to_vec();
            looks.insert(look_key.clone(), (seen, labels.clone()));
        }
        backward_and_push(
            lines,
            &has_ref,
            &mut roles,
            &is_furniture_text,
            core,
            labels,
            &mut blocks,
        );
    }
    Classified {
        roles,
        blocks,
        scheme,
        has_ref,
    }
}

/// What a forward look from a header line found: the roles of the lines
/// it may look at, and the header's labels.
type Look = (Vec<LineRole>, Vec<(String, &'static str)>);

/// The backward look from header line `core` (furniture, and a heading
/// after a page break), then the header block with its `labels` pushed.
fn backward_and_push(
    lines: &Lines,
    has_ref: &[bool],
    roles: &mut [LineRole],
    is_furniture_text: &impl Fn(usize, &str) -> bool,
    core: usize,
    labels: Vec<(String, &'static str)>,
    blocks: &mut Vec<HeaderBlock>,
) {
    {
        // Backward: furniture, and a heading after a page break.
        let mut k = core;
        let mut heading_done = false;
        while k > 0 {
            k -= 1;
            let Some(l) = lines.get(k) else { break };
            if roles
                .get(k)
                .is_some_and(|r| !matches!(r, LineRole::Blank | LineRole::Content))
            {
                break;
            }
            if is_blank(l) {
                continue;
            }
            if is_furniture_text(k, l) {
                if let Some(r) = roles.get_mut(k) {
                    *r = LineRole::Furniture;
                }
                continue;
            }
            if !heading_done && is_heading_at(lines, has_ref, k) {
                if let Some(r) = roles.get_mut(k) {
                    *r = LineRole::Heading;
                }
                heading_done = true;
                continue;
            }
            break;
        }
        blocks.push(HeaderBlock {
            first: core,
            labels,
        });
    }
}

/// A short line printed after a page break (two or more blank lines, or
/// the start of the document): a section heading.
fn is_heading_at(lines: &Lines, has_ref: &[bool], k: usize) -> bool {
    let Some(l) = lines.get(k) else { return false };
    let words = l.split_whitespace().count();
    if words == 0 || words > 12 || has_ref.get(k).copied().unwrap_or(false) {
        return false;
    }
    let mut blanks = 0;
    let mut i = k;
    while i > 0 {
        i -= 1;
        if lines.get(i).is_some_and(is_blank) {
            blanks += 1;
        } else {
            break;
        }
    }
    blanks >= 2 || (i == 0 && blanks == k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label texts the greedy parse takes from some lines.
    fn labels_of(lines: &[&str]) -> Vec<(String, &'static str)> {
        let words = header_words(lines.iter().copied().enumerate());
        parse_labels(&words, &mut HeaderMemo::default()).0
    }

    #[test]
    fn month_names_broken_across_lines_still_make_labels() {
        // A header of our own making, its month names broken at line ends
        // (as a PDF converter prints narrow header cells).
        let lines = [
            "Stream Ref Action Lead Service Start date Due date Status",
            "(Novemb",
            "er 2025) Update (Initial and Date)(Febru",
            "ary 2026)",
        ];
        let labels = labels_of(&lines);
        let keys: Vec<&str> = labels.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            keys,
            [
                "id",
                "title",
                "lead_service",
                "start",
                "due",
                "status",
                "commentary"
            ]
        );
        let texts: Vec<&str> = labels.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"Status (November 2025)"), "{texts:?}");
        assert!(
            texts.contains(&"Update (Initial and Date)(February 2026)"),
            "{texts:?}"
        );
        // The seed's own break: "(Decembe" / "r 2023)".
        let seed = ["Ref Action Director Lead Status", "(Decembe", "r 2023)"];
        let labels = labels_of(&seed);
        assert_eq!(
            labels.last().map(|(t, k)| (t.as_str(), *k)),
            Some(("Status (December 2023)", "status"))
        );
    }

    #[test]
    fn header_lines_are_found_and_prose_is_not() {
        let mut memo = HeaderMemo::default();
        assert!(is_header_core_memo(
            "Stream Ref Action Lead Service Start date Due date",
            &mut memo
        ));
        // Same again, now from the memo.
        assert!(is_header_core_memo(
            "Stream Ref Action Lead Service Start date Due date",
            &mut memo
        ));
        for prose in [
            "The council and its partners will update the status of each action in May 2025",
            "Director - Law & Governance Leader of the Council Jul-23 Nov-23 N/A",
            "- & - & - &",
            "",
        ] {
            assert!(!is_header_core_memo(prose, &mut memo), "{prose}");
        }
    }

    /// Pages of our own making, the same header and furniture on each:
    /// every page's header is a block of its own (the later ones as the
    /// first look found them), its furniture dropped.
    #[test]
    fn repeated_pages_are_read_alike() {
        let mut doc = String::new();
        for p in 0..4 {
            doc.push_str("Transport Plan Tracker\n\n");
            doc.push_str("Stream Ref Action Lead Service Start date Due date\n");
            doc.push_str(&format!(
                "Roads QR.A{p}.1 Mend the bridges Head of Roads Jan-25 Mar-25\n\n\n"
            ));
        }
        let lines = Lines::new(&doc);
        let mut table = WordTable::default();
        table.index_lines(&lines);
        let c = classify(&lines, &table);
        assert_eq!(c.blocks.len(), 4);
        for (p, b) in c.blocks.iter().enumerate() {
            let top = p * 6;
            assert_eq!(b.first, top + 2);
            assert_eq!(b.labels, c.blocks[0].labels);
            assert_eq!(c.roles[top], LineRole::Furniture, "page {p}");
            assert_eq!(c.roles[top + 2], LineRole::Header(p as u32), "page {p}");
            assert_eq!(c.roles[top + 3], LineRole::Content, "page {p}");
            assert!(c.has_ref[top + 3]);
        }
        let keys: Vec<&str> = c.blocks[0].labels.iter().map(|(_, k)| *k).collect();
        assert!(keys.contains(&"id"), "{keys:?}");
    }

    #[test]
    fn a_line_and_its_normal_form_share_a_signature() {
        for l in [
            "  Update Due  ",
            "Update\t Due",
            "a",
            " \u{a0}Café\u{2003}au  lait\u{a0}",
            "\u{b}x\u{c}y\r",
        ] {
            assert_eq!(text_sig(l), text_sig(norm(l).as_ref()), "{l:?}");
            assert_ne!(text_sig(l), 0, "{l:?}");
        }
        assert_eq!(text_sig(" \t "), 0);
        let mut set = SigSet::default();
        set.insert(text_sig("Update Due"));
        assert!(set.contains(text_sig("  Update   Due ")));
        assert!(!set.contains(text_sig("Due Update")));
    }
}
