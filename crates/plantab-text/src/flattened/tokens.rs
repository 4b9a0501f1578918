//! A row's words with their layout (line starts, paragraph breaks, glued
//! parts), read through the document's [`WordTable`], and the recognisers
//! that work on runs of them: dates ([`date_at`]), status labels
//! ([`status_at`]). Rows' words are kept packed between the reader's two
//! passes ([`TokStore`]).

use super::dates::{date_code, date_of_code, is_two_digits, DateStart};
use super::facts::{header_start, split_glued, WordFacts};
use super::interner::Interner;
use super::labels::{status_in, STATUS_WINDOW};
use super::lines::Lines;
use super::words::{is_blank, word_spans};
use plantab_model::StatusCode;
use plantab_vocab::compact_into;

/// One word of a row's text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// The word as printed (a part of a printed word when it was split).
    pub text: &'a str,
    /// Where it is printed: its byte offset in the document.
    pub at: usize,
    /// First word on its line.
    pub line_start: bool,
    /// A blank (or dropped) line lies between this word and the previous.
    pub para_break: bool,
    /// Printed glued to the previous word (a printed word split in two).
    pub glued: bool,
    /// A whitespace-only line (an empty cell) was printed before this word.
    pub empty_cell_before: bool,
    /// First word of a line whose previous line ended without a space: the
    /// word may continue the previous line's last word.
    pub open_before: bool,
    /// Cached [`status_at`] result, once [`annotate_prepared`] has run.
    cached_status: Option<Option<(StatusCode, u8)>>,
    /// Cached [`date_at`] result ([`date_code`]), once
    /// [`annotate_prepared`] has run.
    cached_date: u8,
    /// What the word (part) says by itself.
    pub facts: WordFacts,
    /// Whether the word can be part of a role phrase
    /// ([`super::facts::role_compatible_word`]), glued as it is.
    pub role_ok: bool,
    /// The word's part in the [`WordTable`] it was read with: its facts
    /// and compact form are kept there.
    part: u32,
}

impl<'a> Tok<'a> {
    /// A word with no layout flags, given its facts.
    fn with_facts(text: &'a str, at: usize, glued: bool, facts: &WordFacts, part: u32) -> Tok<'a> {
        Tok {
            text,
            at,
            line_start: false,
            para_break: false,
            glued,
            empty_cell_before: false,
            open_before: false,
            cached_status: None,
            cached_date: 0,
            facts: *facts,
            role_ok: facts.role_ok[usize::from(glued)],
            part,
        }
    }
}

/// The document's printed words, split once: every distinct word gets a
/// number ([`Interner`]), and what is known about it (its glued parts with
/// their facts and compact forms, whether a header label may start at it)
/// is worked out once per number. The lines given to
/// [`WordTable::index_lines`] keep their words as numbers, so that later
/// passes (the header check, the rows' words) walk numbers instead of
/// splitting and hashing text again.
#[derive(Default)]
pub(crate) struct WordTable<'a> {
    words: Interner<'a>,
    /// Per word number: what is known about the word.
    entries: Vec<Entry>,
    /// The parts of the words ([`split_glued`]); `entries[id].parts`
    /// indexes into it.
    parts: Vec<Part>,
    /// The parts' compact forms, one after the other.
    compacts: String,
    /// Indexed line `i`'s words are `occ[line_from[i]..line_from[i + 1]]`;
    /// empty when no lines are indexed.
    line_from: Vec<usize>,
    /// The indexed lines' words: (byte offset in its line, word number),
    /// 8 bytes a word (documents have many).
    occ: Vec<(u32, u32)>,
}

/// One distinct word.
struct Entry {
    /// A header label may start at it; an identifier label may.
    may_start: bool,
    id_start: bool,
    /// At most three characters, all lower case (the end of a broken word
    /// when it stands alone on its line).
    short_lower: bool,
    /// Its parts: `parts[from..to]` of the table.
    parts: (usize, usize),
}

/// One part of a distinct word.
struct Part {
    /// Byte range within the word.
    from: usize,
    to: usize,
    facts: WordFacts,
    /// The compact form's range in the table's `compacts`.
    compact: (usize, usize),
}

/// One word of a line, as [`WordTable::line_words`] gives it.
#[derive(Clone, Copy)]
struct LineWord<'a> {
    /// Byte offset in the document.
    at: usize,
    text: &'a str,
    id: usize,
}

impl<'a> WordTable<'a> {
    /// The number of a word, its facts worked out when it is new.
    #[inline]
    fn intern(&mut self, w: &'a str) -> usize {
        let (id, new) = self.words.intern(w);
        if new {
            let entry = self.entry_of(w);
            self.entries.push(entry);
        }
        id
    }

    fn entry_of(&mut self, w: &str) -> Entry {
        let (may_start, id_start) = header_start(w);
        let mut split = Vec::new();
        split_glued(w, &mut split);
        let first = self.parts.len();
        for (from, to) in split {
            let text = w.get(from..to).unwrap_or("");
            let c_from = self.compacts.len();
            compact_into(text, &mut self.compacts);
            self.parts.push(Part {
                from,
                to,
                facts: WordFacts::of(text),
                compact: (c_from, self.compacts.len()),
            });
        }
        Entry {
            may_start,
            id_start,
            short_lower: w.chars().count() <= 3 && w.chars().all(|c| c.is_lowercase()),
            parts: (first, self.parts.len()),
        }
    }

    /// Splits every line into words and keeps them as numbers. A document
    /// too long for 32-bit offsets keeps none (its lines' words are split
    /// when asked for).
    pub(crate) fn index_lines(&mut self, lines: &Lines<'a>) {
        self.forget_lines();
        if u32::try_from(lines.text().len()).is_err() {
            return;
        }
        self.line_from.reserve(lines.len() + 1);
        for l in lines.iter() {
            self.line_from.push(self.occ.len());
            for (off, w) in word_spans(l) {
                let id = self.intern(w);
                // Both fit: the text's length does.
                let (Ok(off), Ok(id)) = (u32::try_from(off), u32::try_from(id)) else {
                    continue;
                };
                self.occ.push((off, id));
            }
        }
        self.line_from.push(self.occ.len());
    }

    /// Forgets the indexed lines (their words stay numbered).
    pub(crate) fn forget_lines(&mut self) {
        self.line_from = Vec::new();
        self.occ = Vec::new();
    }

    /// Indexed line `i`'s words: (offset in the line, number).
    fn indexed(&self, i: usize) -> Option<&[(u32, u32)]> {
        let from = *self.line_from.get(i)?;
        let to = *self.line_from.get(i + 1)?;
        self.occ.get(from..to)
    }

    /// The word numbers of indexed line `i`.
    pub(crate) fn line_ids(&self, i: usize) -> Option<impl Iterator<Item = usize> + '_> {
        Some(self.indexed(i)?.iter().map(|&(_, id)| id as usize))
    }

    /// May a header label start at word `id`; may an identifier label
    /// ([`header_start`]).
    pub(crate) fn header_start(&self, id: usize) -> (bool, bool) {
        self.entries
            .get(id)
            .map_or((false, false), |e| (e.may_start, e.id_start))
    }

    /// The words of line `i` from byte `from` of it on, into `out`
    /// (replaced): taken from the index when the line is indexed and no
    /// word runs over `from`, else split here.
    fn line_words(
        &mut self,
        lines: &Lines<'a>,
        i: usize,
        from: usize,
        out: &mut Vec<LineWord<'a>>,
    ) {
        out.clear();
        let line = lines.at(i);
        let start = lines.start(i).unwrap_or(0);
        if let Some(occ) = self.indexed(i) {
            let first = occ.partition_point(|&(off, _)| (off as usize) < from);
            let straddles =
                first
                    .checked_sub(1)
                    .and_then(|k| occ.get(k))
                    .is_some_and(|&(off, id)| {
                        off as usize + self.words.word(id as usize).map_or(0, str::len) > from
                    });
            if !straddles {
                for &(off, id) in occ.get(first..).unwrap_or(&[]) {
                    let Some(text) = self.words.word(id as usize) else {
                        continue;
                    };
                    out.push(LineWord {
                        at: start + off as usize,
                        text,
                        id: id as usize,
                    });
                }
                return;
            }
        }
        let rest = line.get(from..).unwrap_or("");
        for (off, w) in word_spans(rest) {
            let id = self.intern(w);
            out.push(LineWord {
                at: start + from + off,
                text: w,
                id,
            });
        }
    }

    /// Pushes `t`'s compact form ([`compact_into`]) onto `out`, kept in
    /// the table for the words read with it.
    pub(crate) fn push_form(&self, t: &Tok, out: &mut String) {
        let form = self
            .parts
            .get(t.part as usize)
            .and_then(|p| self.compacts.get(p.compact.0..p.compact.1));
        match form {
            Some(f) => out.push_str(f),
            None => compact_into(t.text, out),
        }
    }
}

/// The words' compact forms one after the other, kept between rows:
/// word `k`'s is `buf[offs[k]..offs[k + 1]]`.
#[derive(Default)]
pub(crate) struct Compacts {
    buf: String,
    offs: Vec<usize>,
}

impl Compacts {
    /// The compact forms of `toks`.
    pub(crate) fn of(toks: &[Tok]) -> Compacts {
        let mut room = Compacts::default();
        room.fill(toks);
        room
    }

    /// Replaces the contents with the compact forms of `toks`.
    fn fill(&mut self, toks: &[Tok]) {
        self.clear();
        for t in toks {
            compact_into(t.text, &mut self.buf);
            self.offs.push(self.buf.len());
        }
    }

    fn clear(&mut self) {
        self.buf.clear();
        self.offs.clear();
        self.offs.push(0);
    }

    /// The compact forms of `n` words (when they are what this holds):
    /// one after the other, word `k`'s ending at the `k`th offset.
    pub(crate) fn forms(&self, n: usize) -> Option<(&str, &[usize])> {
        if self.offs.len() != n + 1 {
            return None;
        }
        Some((self.buf.as_str(), self.offs.get(1..)?))
    }
}

/// Caches the status label and the date starting at every word (as seen
/// in `toks`: the caches hold for this sequence of words), given the
/// words' compact forms in `room` (as [`tokenize_into`] left them; worked
/// out here when they are not).
pub(crate) fn annotate_prepared(toks: &mut [Tok], room: &Compacts) {
    if room.offs.len() != toks.len() + 1 {
        return annotate_prepared(toks, &Compacts::of(toks));
    }
    let (buf, offs) = (&room.buf, &room.offs);
    for i in 0..toks.len() {
        // No label begins at a word that begins none (the label would
        // have to end inside it).
        let s = if toks.get(i).is_some_and(|t| t.facts.status_start) {
            status_in(buf, offs, i)
        } else {
            None
        };
        let next = toks.get(i + 1).map(|n| n.facts.date);
        if let Some(t) = toks.get_mut(i) {
            // A label longer than a byte can count is left uncached
            // (`status_at` works it out again).
            t.cached_status = match s {
                None => Some(None),
                Some((code, n)) => u8::try_from(n).ok().map(|n| Some((code, n))),
            };
            t.cached_date = date_code(t.facts.date.start(next));
        }
    }
}

/// The words of pieces of lines: `(i, from)` is line `i` from byte `from`
/// of it on (a piece past the line's end reads as a blank line), looked
/// up in (and added to) `table`, into `out` (replaced), with their compact
/// forms put in `room` for [`annotate_prepared`].
///
/// Printed words that glue two role titles ("FinanceDeputy",
/// "Director-Finance") are split in two, the second part marked `glued`
/// so that a cell holding both prints them unchanged.
pub(crate) fn tokenize_into<'a>(
    lines: &Lines<'a>,
    pieces: impl IntoIterator<Item = (usize, usize)>,
    table: &mut WordTable<'a>,
    out: &mut Vec<Tok<'a>>,
    room: &mut Compacts,
) {
    out.clear();
    room.clear();
    let mut line_words: Vec<LineWord<'a>> = Vec::new();
    let mut last_line: Option<usize> = None;
    let mut pending_break = false;
    let mut prev_open = false;
    let mut empty_cell = false;
    for (idx, from) in pieces {
        let text = lines.at(idx).get(from..).unwrap_or("");
        if is_blank(text) {
            pending_break = true;
            empty_cell |= !text.is_empty() && last_line.is_some();
            continue;
        }
        if last_line.is_some_and(|l| idx > l + 1) {
            pending_break = true;
        }
        table.line_words(lines, idx, from, &mut line_words);
        // A lone short lower-case fragment under a line printed without a
        // trailing space is the end of a broken word ("Communication" / "s").
        let fragment = prev_open
            && !pending_break
            && match line_words.as_slice() {
                [w] => table.entries.get(w.id).is_some_and(|e| e.short_lower),
                _ => false,
            };
        for (n, w) in line_words.iter().enumerate() {
            let Some(entry) = table.entries.get(w.id) else {
                continue;
            };
            let (p_from, p_to) = entry.parts;
            for (k, part) in table
                .parts
                .get(p_from..p_to)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let Some(text) = w.text.get(part.from..part.to) else {
                    continue;
                };
                room.buf.push_str(
                    table
                        .compacts
                        .get(part.compact.0..part.compact.1)
                        .unwrap_or(""),
                );
                room.offs.push(room.buf.len());
                let index = u32::try_from(p_from + k).unwrap_or(u32::MAX);
                let glued = k > 0 || fragment;
                let mut t = Tok::with_facts(text, w.at + part.from, glued, &part.facts, index);
                if n == 0 && k == 0 {
                    t.line_start = true;
                    t.para_break = pending_break && last_line.is_some();
                    t.empty_cell_before = empty_cell;
                    t.open_before = prev_open && !pending_break;
                }
                out.push(t);
            }
        }
        pending_break = false;
        empty_cell = false;
        prev_open = !text.ends_with(char::is_whitespace);
        last_line = Some(idx);
    }
}

/// Rows' words kept between the passes over a document, 12 bytes a word
/// (a [`Tok`] is several times that): where the word is printed, its
/// part in the document's [`WordTable`] (which holds the word's own
/// facts and its length), its layout flags, and its cached status label
/// and date.
pub(crate) struct TokStore<'a> {
    /// The document: every stored word is a part of it.
    text: &'a str,
    words: Vec<Packed>,
    codes: Vec<StatusCode>,
}

/// Where a row's words are kept.
pub(crate) enum Stored<'a> {
    /// `words[from..to]` of the store.
    Packed(usize, usize),
    /// As they are (a word the packed form cannot hold).
    Full(Vec<Tok<'a>>),
}

/// One word, packed.
#[derive(Debug, Clone, Copy)]
struct Packed {
    /// [`Tok::at`].
    at: u32,
    /// [`Tok::part`].
    part: u32,
    /// [`Tok`]'s layout flags, one bit each.
    flags: u8,
    /// 0: not cached; 1: no label; else 2 + index in `codes`.
    status: u8,
    /// The label's length in words.
    status_words: u8,
    /// [`Tok`]'s cached date ([`date_code`]).
    date: u8,
}

/// Index of `v` in `table`, added when new; `None` past 250 entries
/// (the packed form keeps two codes for other meanings).
fn table_index<T: PartialEq + Copy>(table: &mut Vec<T>, v: T) -> Option<u8> {
    let i = match table.iter().position(|x| *x == v) {
        Some(i) => i,
        None => {
            table.push(v);
            table.len() - 1
        }
    };
    u8::try_from(i).ok().filter(|&i| i < 250)
}

impl<'a> TokStore<'a> {
    /// An empty store for words of `text`.
    pub(crate) fn new(text: &'a str) -> TokStore<'a> {
        TokStore {
            text,
            words: Vec::new(),
            codes: Vec::new(),
        }
    }

    /// Keeps a row's words (read with `table`); [`TokStore::load`] gives
    /// them back.
    pub(crate) fn push(&mut self, toks: &[Tok<'a>], table: &WordTable) -> Stored<'a> {
        let from = self.words.len();
        self.words.reserve(toks.len());
        for t in toks {
            match self.pack(t, table) {
                Some(p) => self.words.push(p),
                None => {
                    self.words.truncate(from);
                    return Stored::Full(toks.to_vec());
                }
            }
        }
        Stored::Packed(from, self.words.len())
    }

    fn pack(&mut self, t: &Tok<'a>, table: &WordTable) -> Option<Packed> {
        // The word is what the document prints there, all of its part
        // (so the part gives its length back).
        let part = table.parts.get(usize::try_from(t.part).ok()?)?;
        let len = part.to.checked_sub(part.from)?;
        (len == t.text.len()).then_some(())?;
        self.text.get(t.at..t.at.checked_add(len)?)?;
        let flags = u8::from(t.line_start)
            | u8::from(t.para_break) << 1
            | u8::from(t.glued) << 2
            | u8::from(t.empty_cell_before) << 3
            | u8::from(t.open_before) << 4;
        let (status, status_words) = match t.cached_status {
            None => (0, 0),
            Some(None) => (1, 0),
            Some(Some((code, n))) => (2 + table_index(&mut self.codes, code)?, n),
        };
        Some(Packed {
            at: u32::try_from(t.at).ok()?,
            part: t.part,
            flags,
            status,
            status_words,
            date: t.cached_date,
        })
    }

    /// The words of a row kept by [`TokStore::push`], into `out` (its
    /// contents replaced), their facts looked up in `table` (the one
    /// the words were read with).
    pub(crate) fn load(&self, row: &Stored<'a>, table: &WordTable, out: &mut Vec<Tok<'a>>) {
        out.clear();
        let (from, to) = match row {
            Stored::Full(toks) => {
                out.extend_from_slice(toks);
                return;
            }
            Stored::Packed(from, to) => (*from, *to),
        };
        let Some(words) = self.words.get(from..to) else {
            return;
        };
        out.reserve(words.len());
        for p in words {
            let Some(part) = table.parts.get(p.part as usize) else {
                continue;
            };
            let at = p.at as usize;
            let text = self
                .text
                .get(at..at + part.to.saturating_sub(part.from))
                .unwrap_or("");
            let bit = |k: u32| p.flags & (1 << k) != 0;
            let mut t = Tok::with_facts(text, at, bit(2), &part.facts, p.part);
            t.line_start = bit(0);
            t.para_break = bit(1);
            t.empty_cell_before = bit(3);
            t.open_before = bit(4);
            t.cached_status = match p.status {
                0 => None,
                1 => Some(None),
                c => Some(
                    self.codes
                        .get(usize::from(c - 2))
                        .map(|&code| (code, p.status_words)),
                ),
            };
            t.cached_date = p.date;
            out.push(t);
        }
    }
}

/// Renders words as cell text: words joined by single spaces, glued parts
/// without one.
pub(crate) fn render(toks: &[Tok]) -> String {
    let mut s = String::new();
    push_rendered(toks, &mut s);
    s
}

/// Appends the [`render`]ing of `toks` to `s`.
pub(crate) fn push_rendered(toks: &[Tok], s: &mut String) {
    let mut any = false;
    for t in toks {
        if any && !t.glued {
            s.push(' ');
        }
        s.push_str(t.text);
        any |= !t.text.is_empty();
    }
}

/// The date starting at `toks[i]`, if one does.
#[inline]
pub(crate) fn date_at(toks: &[Tok], i: usize) -> Option<DateStart> {
    let t = toks.get(i)?;
    if let Some(cached) = date_of_code(t.cached_date) {
        return cached;
    }
    t.facts.date.start(toks.get(i + 1).map(|n| n.facts.date))
}

/// A capitalised 3–4 letter word followed by a two-digit year ("Ocr 23"):
/// a date misspelt, accepted only where a date is expected.
pub(crate) fn loose_date_at(toks: &[Tok], i: usize) -> bool {
    let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    let n = a.text.chars().count();
    (3..=4).contains(&n)
        && a.text.chars().all(|c| c.is_alphabetic())
        && a.text.chars().next().is_some_and(|c| c.is_uppercase())
        && is_two_digits(b.text)
}

/// The status label printed from `toks[i]` on: its code and how many words
/// it takes. The label must end at a word boundary.
#[inline]
pub(crate) fn status_at(toks: &[Tok], i: usize) -> Option<(StatusCode, usize)> {
    if let Some(cached) = toks.get(i)?.cached_status {
        return cached.map(|(code, n)| (code, usize::from(n)));
    }
    status_uncached(toks, i)
}

/// [`status_at`] worked out (no answer cached).
#[cold]
#[inline(never)]
fn status_uncached(toks: &[Tok], i: usize) -> Option<(StatusCode, usize)> {
    // As the cache: no label begins at a word that begins none.
    if !toks.get(i)?.facts.status_start {
        return None;
    }
    let window = toks.get(i..)?;
    let window = window
        .get(..window.len().min(STATUS_WINDOW))
        .unwrap_or(window);
    let room = Compacts::of(window);
    status_in(&room.buf, &room.offs, 0)
}

/// The words of `text` read as a document of its own (tests).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let lines = Lines::new(text);
    let mut out = Vec::new();
    tokenize_into(
        &lines,
        (0..lines.len()).map(|i| (i, 0)),
        &mut WordTable::default(),
        &mut out,
        &mut Compacts::default(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words of tracker rows: titles glued and broken, dates, labels,
    /// accents and other spaces.
    const PIECES: &[&str] = &[
        "Director-Finance",
        "FinanceDeputy",
        "Head",
        "of",
        "Parks",
        "Leader",
        "Communication",
        "s",
        "ab",
        "On",
        "Track-",
        "little",
        "N/A",
        "Dec-",
        "24",
        "Jan-2027",
        "TBC",
        "Caf\u{e9}",
        "\u{201c}Parks\u{201d}",
        "QR.S12.3",
        "Complete",
        "complete",
        "-",
        "&",
        "",
    ];
    const SPACES: &[&str] = &[
        " ", "  ", "\t", "\u{a0}", "\u{2003}", "\n", "\n\n", " \n", "\r\n",
    ];

    /// A text made of pieces and spaces.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                proptest::sample::select(PIECES),
                proptest::sample::select(SPACES),
            ),
            0..30,
        )
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    /// What the tests compare of a word.
    fn key(t: &Tok) -> String {
        format!(
            "{} {} {} {} {} {} {} {:?} {}",
            t.text,
            t.at,
            t.line_start,
            t.para_break,
            t.glued,
            t.open_before,
            t.empty_cell_before,
            t.facts.role,
            t.role_ok
        )
    }

    /// Each line's pieces: the whole line, and the line from a cut on.
    fn pieces(lines: &Lines, cut: usize) -> Vec<(usize, usize)> {
        (0..lines.len())
            .map(|i| {
                let l = lines.at(i);
                let c = (cut % (l.len() + 1)..=l.len())
                    .find(|&c| l.is_char_boundary(c))
                    .unwrap_or(0);
                (i, if i % 2 == 0 { c } else { 0 })
            })
            .collect()
    }

    proptest! {
        /// Words taken from indexed lines (whole, or cut anywhere) are
        /// the words a fresh split gives, with the same facts; each is
        /// printed where it says.
        #[test]
        fn indexed_lines_tokenize_as_fresh_text_does(doc in text(), cut in 0usize..40) {
            let lines = Lines::new(&doc);
            let pieces = pieces(&lines, cut);
            let mut indexed = WordTable::default();
            indexed.index_lines(&lines);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let mut room = Compacts::default();
            tokenize_into(&lines, pieces.iter().copied(), &mut indexed, &mut a, &mut room);
            tokenize_into(&lines, pieces.iter().copied(), &mut WordTable::default(), &mut b, &mut room);
            prop_assert_eq!(a.iter().map(key).collect::<Vec<_>>(), b.iter().map(key).collect::<Vec<_>>());
            for t in &a {
                prop_assert_eq!(doc.get(t.at..t.at + t.text.len()), Some(t.text));
            }
            // The words, glued parts of a printed word joined again, are
            // the pieces' `split_whitespace` words.
            let want: Vec<&str> = pieces
                .iter()
                .flat_map(|&(i, from)| lines.at(i).get(from..).unwrap_or("").split_whitespace())
                .collect();
            let mut got: Vec<String> = Vec::new();
            let mut end = usize::MAX;
            for t in &a {
                match got.last_mut() {
                    Some(last) if t.at == end => last.push_str(t.text),
                    _ => got.push(t.text.to_string()),
                }
                end = t.at + t.text.len();
            }
            prop_assert_eq!(got, want);
        }

        /// Rows' words kept in a [`TokStore`] come back as they were.
        #[test]
        fn stored_words_load_as_they_were_kept(doc in text()) {
            let lines = Lines::new(&doc);
            let mut table = WordTable::default();
            table.index_lines(&lines);
            let mut store = TokStore::new(&doc);
            let (mut toks, mut room, mut back) = (Vec::new(), Compacts::default(), Vec::new());
            let mut kept = Vec::new();
            // Rows of up to three lines.
            for from in (0..lines.len()).step_by(3) {
                let rows = (from..(from + 3).min(lines.len())).map(|i| (i, 0));
                tokenize_into(&lines, rows, &mut table, &mut toks, &mut room);
                annotate_prepared(&mut toks, &room);
                kept.push((store.push(&toks, &table), format!("{toks:?}")));
            }
            table.forget_lines();
            for (row, want) in &kept {
                store.load(row, &table, &mut back);
                prop_assert!(matches!(row, Stored::Packed(..)));
                prop_assert_eq!(&format!("{back:?}"), want);
            }
        }

        /// The cached dates and labels are the ones worked out afresh.
        #[test]
        fn cached_answers_are_fresh_answers(doc in text()) {
            let mut toks = tokenize(&doc);
            let fresh = toks.clone();
            annotate_prepared(&mut toks, &Compacts::default());
            for i in 0..toks.len() {
                prop_assert_eq!(date_at(&toks, i), date_at(&fresh, i));
                prop_assert_eq!(status_at(&toks, i), status_at(&fresh, i));
                let words: Vec<&str> = fresh.iter().map(|t| t.text).collect();
                // The reference is the label rule on words; a tracker also
                // wants a label printed capitalised.
                let want = crate::flattened::labels::reference::status_at(&words, i)
                    .filter(|_| !words.get(i).is_some_and(|w| w.starts_with(char::is_lowercase)));
                prop_assert_eq!(status_at(&fresh, i), want);
            }
        }
    }

    /// A line's words come from the index by its number.
    #[test]
    fn line_index_answers_by_line_number() {
        let doc = "KX.7 Head of Parks\n\nKX.7 Head of Parks\n  \nlast line here";
        let lines = Lines::new(doc);
        let mut table = WordTable::default();
        table.index_lines(&lines);
        let ids = |t: &WordTable, i: usize| t.line_ids(i).map(|w| w.count());
        assert_eq!(ids(&table, 0), Some(4));
        assert_eq!(ids(&table, 1), Some(0));
        assert_eq!(ids(&table, 3), Some(0));
        assert_eq!(ids(&table, 4), Some(3));
        assert_eq!(ids(&table, 5), None);
        // The same words, the same numbers.
        let a: Vec<usize> = table.line_ids(0).unwrap().collect();
        let b: Vec<usize> = table.line_ids(2).unwrap().collect();
        assert_eq!(a, b);
        table.forget_lines();
        assert_eq!(ids(&table, 0), None);
    }
}
