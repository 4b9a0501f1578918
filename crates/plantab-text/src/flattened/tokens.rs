//! Words of a row's text with their layout (line, paragraph breaks), and the
//! recognisers that work on them: dates, risk values, status labels.

use plantab_model::StatusCode;
use plantab_vocab::{
    compact_chars, compact_into, is_status_label_start, role_word, status_label_max_len,
    status_label_prefix_compact, RoleWord, RoleWordKind, MONTHS,
};

/// One word of a row's text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// The word as printed (a part of a printed word when it was split).
    pub text: &'a str,
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
    /// Cached [`status_at`] result, once [`annotate`] has run.
    status: Option<Option<(StatusCode, u8)>>,
    /// Cached [`date_at`] result, once [`annotate`] has run.
    date: u8,
    /// The role word the word is (punctuation around it ignored).
    pub role: Option<RoleWord>,
    /// Whether the word can be part of a role phrase
    /// ([`super::roles::role_compatible`]), as tokenized.
    pub role_ok: bool,
    /// What [`date_at`] needs to know about this word by itself.
    date_facts: DateFacts,
    /// The word is a joining word ("of", "for", "&", "-" …).
    pub connector: bool,
    /// The word joins what follows: a joining word, or one ending with a
    /// joining mark ("Director-", "Lead:").
    pub joins: bool,
    /// The word's first letter or digit is upper case.
    pub upper: bool,
    /// "N/A" ([`is_na`]).
    pub na: bool,
    /// A status label may begin at this word (its compact form begins one).
    status_start: bool,
    /// The word's part in the [`WordTable`] it was read with ([`NO_PART`]
    /// when none): its facts can be looked up there again.
    part: u32,
}

/// [`Tok::part`] of a word not read with a [`WordTable`].
const NO_PART: u32 = u32::MAX;

/// What is known about a printed word by itself, remembered per word text
/// across a document ([`WordMemo`]).
#[derive(Debug, Clone, Copy)]
struct WordFacts {
    role: Option<RoleWord>,
    /// [`super::roles::role_compatible_word`] when not glued / glued.
    role_ok: [bool; 2],
    date: DateFacts,
    connector: bool,
    joins: bool,
    upper: bool,
    na: bool,
    status_start: bool,
}

impl WordFacts {
    fn of(text: &str) -> WordFacts {
        let role = role_word(text.trim_matches(|c: char| !c.is_alphanumeric()));
        WordFacts {
            role,
            role_ok: [
                super::roles::role_compatible_word(text, false, role),
                super::roles::role_compatible_word(text, true, role),
            ],
            date: DateFacts::of(text),
            connector: super::roles::is_connector_word(text),
            joins: super::roles::trailing_connector(text) || super::roles::is_connector_word(text),
            upper: super::roles::starts_upper(text),
            na: is_na(text),
            status_start: is_status_label_start(&plantab_vocab::compact(text)),
        }
    }
}

/// The document's printed words, split once: every distinct word text
/// gets an id, and what is known about it (its glued parts with their
/// facts and compact forms, whether a header label may start at it) is
/// worked out once per id. The lines given to [`WordTable::index_lines`]
/// keep their words as ids, so that later passes (the header check, the
/// rows' words) walk ids instead of splitting and hashing text again.
///
/// Words of texts that are not indexed lines are interned on demand.
#[derive(Default)]
pub(crate) struct WordTable<'a> {
    /// Per id: the word and its facts.
    entries: Vec<Entry<'a>>,
    /// The parts of the words (see [`split_glued`]), `entries[id].parts`
    /// indexing into it.
    parts: Vec<Part>,
    /// The parts' compact forms, one after the other.
    compacts: String,
    /// Open-addressing hash table of ids: (low half of the word's hash,
    /// 0 when empty else `id + 1`).
    slots: Vec<(u32, u32)>,
    /// Indexed lines (one more at the end, where the last one's words
    /// end): where the line is and where its words begin in `occ`.
    lines: Vec<LineIx>,
    /// Address the indexed lines' offsets count from (the first line's).
    base: usize,
    /// The indexed lines' words: (byte offset in its line, id).
    occ: Vec<(u32, u32)>,
}

/// One indexed line, 12 bytes (documents have many lines).
#[derive(Clone, Copy)]
struct LineIx {
    /// The line's address less [`WordTable::base`]; [`NOT_INDEXED`] for
    /// a line whose words are not kept.
    off: u32,
    len: u32,
    /// Its first word in [`WordTable::occ`]; the next line's `from` ends
    /// its words.
    from: u32,
}

/// [`LineIx::off`] of a line whose words are not kept.
const NOT_INDEXED: u32 = u32::MAX;

/// One distinct word.
struct Entry<'a> {
    text: &'a str,
    hash: u64,
    /// A header label may start at it; an identifier label may.
    may_start: bool,
    id_start: bool,
    /// At most three characters, all lower case (the end of a broken word
    /// when it stands alone on its line).
    short_lower: bool,
    /// `parts[from..to]` of the table.
    parts: (usize, usize),
}

/// One part of a distinct word.
struct Part {
    /// Byte range within the word.
    from: usize,
    to: usize,
    facts: WordFacts,
    /// The compact form's range in the table's `compacts`.
    c_from: usize,
    c_to: usize,
}

fn word_hash(w: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = super::page::FxHasher::default();
    h.write(w.as_bytes());
    h.finish()
}

impl<'a> WordTable<'a> {
    /// The id of a word, interned when new.
    pub(crate) fn intern(&mut self, w: &'a str) -> usize {
        self.intern_hashed(w, word_hash(w))
    }

    /// [`WordTable::intern`] given the word's [`word_hash`].
    #[inline]
    fn intern_hashed(&mut self, w: &'a str, hash: u64) -> usize {
        if self.slots.len() < 2 * (self.entries.len() + 1) {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // Truncations intended: the hash picks a slot and is checked
        // before the text is.
        let tag = hash as u32;
        let mut at = (hash >> 32) as usize & mask;
        while let Some(&(slot_tag, slot)) = self.slots.get(at) {
            if slot == 0 {
                break;
            }
            if slot_tag == tag {
                let id = (slot - 1) as usize;
                if self.entries.get(id).is_some_and(|e| e.text == w) {
                    return id;
                }
            }
            at = (at + 1) & mask;
        }
        let id = self.entries.len();
        let entry = self.entry_of(w, hash);
        self.entries.push(entry);
        // With too many words to number in a slot, the word is still known
        // by its id, only not found again by its text.
        if let (Some(slot), Ok(v)) = (self.slots.get_mut(at), u32::try_from(id + 1)) {
            *slot = (tag, v);
        }
        id
    }

    /// Doubles the hash table (or makes the first one).
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let mut slots = vec![(0u32, 0u32); size];
        let mask = size - 1;
        for (id, e) in self.entries.iter().enumerate() {
            let Ok(v) = u32::try_from(id + 1) else { break };
            let mut at = (e.hash >> 32) as usize & mask;
            while let Some(slot) = slots.get_mut(at) {
                if slot.1 == 0 {
                    *slot = (e.hash as u32, v);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        self.slots = slots;
    }

    fn entry_of(&mut self, w: &'a str, hash: u64) -> Entry<'a> {
        let (may_start, id_start) = super::page::word_may_start(w);
        let mut split = Vec::new();
        split_glued(w, &mut split);
        let from = self.parts.len();
        let base = w.as_ptr() as usize;
        for part in split {
            let p_from = (part.as_ptr() as usize).saturating_sub(base);
            let c_from = self.compacts.len();
            compact_into(part, &mut self.compacts);
            self.parts.push(Part {
                from: p_from,
                to: p_from + part.len(),
                facts: WordFacts::of(part),
                c_from,
                c_to: self.compacts.len(),
            });
        }
        Entry {
            text: w,
            hash,
            may_start,
            id_start,
            short_lower: w.chars().count() <= 3 && w.chars().all(|c| c.is_lowercase()),
            parts: (from, self.parts.len()),
        }
    }

    /// Splits every line into words and keeps them as ids (line `i` of
    /// `lines` is line `i` for [`WordTable::line_ids`]).
    pub(crate) fn index_lines(&mut self, lines: &[&'a str]) {
        self.lines.clear();
        self.occ.clear();
        self.lines.reserve(lines.len() + 1);
        self.base = lines.first().map_or(0, |l| l.as_ptr() as usize);
        for &l in lines {
            let from = self.occ.len();
            // Where the line is, as the index keeps it (else its words
            // are not kept).
            let at = (l.as_ptr() as usize)
                .checked_sub(self.base)
                .and_then(|o| u32::try_from(o).ok())
                .filter(|&o| o != NOT_INDEXED)
                .zip(u32::try_from(l.len()).ok());
            let mut ok = at.is_some();
            let mut push = |table: &mut Self, off: usize, w: &'a str| {
                let id = table.intern(w);
                match (u32::try_from(off), u32::try_from(id)) {
                    (Ok(off), Ok(id)) => table.occ.push((off, id)),
                    _ => ok = false,
                }
            };
            if l.is_ascii() {
                // As [`words`] splits an ASCII line.
                let b = l.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    if b.get(i).is_some_and(|&c| ascii_space(c)) {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    while b.get(i).is_some_and(|&c| !ascii_space(c)) {
                        i += 1;
                    }
                    if let Some(w) = l.get(start..i) {
                        push(self, start, w);
                    }
                }
            } else {
                let base = l.as_ptr() as usize;
                for w in words(l) {
                    push(self, (w.as_ptr() as usize).saturating_sub(base), w);
                }
            }
            let (off, len) = match at {
                Some(at) if ok => at,
                _ => {
                    self.occ.truncate(from);
                    (NOT_INDEXED, 0)
                }
            };
            // `occ` holds fewer words than a `u32` counts (their ids were
            // pushed as such); a line past that keeps no words.
            let Ok(from) = u32::try_from(from) else {
                self.occ.truncate(from);
                self.lines.push(LineIx {
                    off: NOT_INDEXED,
                    len: 0,
                    from: u32::MAX,
                });
                continue;
            };
            self.lines.push(LineIx { off, len, from });
        }
        let end = u32::try_from(self.occ.len()).unwrap_or(u32::MAX);
        self.lines.push(LineIx {
            off: NOT_INDEXED,
            len: 0,
            from: end,
        });
    }

    /// The compact forms of the words' parts, to look up by [`Tok`]
    /// ([`PartForms::push_form`]) once the table is gone.
    pub(crate) fn part_forms(&self) -> PartForms<'a> {
        let mut parts = vec![("", 0, 0); self.parts.len()];
        for e in &self.entries {
            let (from, to) = e.parts;
            let Some(ps) = self.parts.get(from..to) else {
                continue;
            };
            for (k, p) in ps.iter().enumerate() {
                let (Some(slot), Some(text)) = (parts.get_mut(from + k), e.text.get(p.from..p.to))
                else {
                    continue;
                };
                if let (Ok(c_from), Ok(c_to)) = (u32::try_from(p.c_from), u32::try_from(p.c_to)) {
                    *slot = (text, c_from, c_to);
                }
            }
        }
        PartForms {
            parts,
            buf: self.compacts.clone(),
        }
    }

    /// Forgets the indexed lines (their words stay interned).
    pub(crate) fn forget_lines(&mut self) {
        self.lines = Vec::new();
        self.occ = Vec::new();
    }

    /// The words of line `i` as (offset in the line, id), when `line` is
    /// that indexed line.
    fn line_occ(&self, i: usize, line: &str) -> Option<&[(u32, u32)]> {
        let (at, len, from, to) = self.indexed(i)?;
        (line.as_ptr() as usize == at && line.len() == len).then_some(())?;
        self.occ.get(from..to)
    }

    /// Indexed line `i`: its address and length, and its words' range
    /// in `occ`.
    #[inline]
    fn indexed(&self, i: usize) -> Option<(usize, usize, usize, usize)> {
        let ix = self.lines.get(i)?;
        if ix.off == NOT_INDEXED {
            return None;
        }
        let to = self.lines.get(i + 1)?.from;
        let at = self.base.checked_add(ix.off as usize)?;
        Some((at, ix.len as usize, ix.from as usize, to as usize))
    }

    /// The distinct-word ids of line `i`'s words, when `line` is that
    /// indexed line.
    pub(crate) fn line_ids(
        &self,
        i: usize,
        line: &str,
    ) -> Option<impl Iterator<Item = usize> + '_> {
        Some(self.line_occ(i, line)?.iter().map(|&(_, id)| id as usize))
    }

    /// May a header label start at word `id`; may an identifier label
    /// (`page::word_may_start`).
    pub(crate) fn header_start(&self, id: usize) -> (bool, bool) {
        self.entries
            .get(id)
            .map_or((false, false), |e| (e.may_start, e.id_start))
    }

    /// The words of `text` (line `idx`, or a part of it that ends where the
    /// line ends and begins between words) into `out` as (word, id).
    fn words_into(&mut self, idx: usize, text: &'a str, out: &mut Vec<(&'a str, usize)>) {
        out.clear();
        if let Some((lb, l_len, from, to)) = self.indexed(idx) {
            let tb = text.as_ptr() as usize;
            let same_end = lb.checked_add(l_len) == tb.checked_add(text.len());
            if tb >= lb && same_end {
                let cut = tb - lb;
                let occ = self.occ.get(from..to).unwrap_or(&[]);
                let first = occ.partition_point(|&(off, _)| (off as usize) < cut);
                // No word may run over the cut.
                let straddles =
                    first
                        .checked_sub(1)
                        .and_then(|k| occ.get(k))
                        .is_some_and(|&(off, id)| {
                            let len = self.entries.get(id as usize).map_or(0, |e| e.text.len());
                            off as usize + len > cut
                        });
                if !straddles {
                    for &(off, id) in occ.get(first..).unwrap_or(&[]) {
                        let len = self.entries.get(id as usize).map_or(0, |e| e.text.len());
                        // `text` is the line from `cut` on.
                        let off = (off as usize).saturating_sub(cut);
                        if let Some(w) = text.get(off..off + len) {
                            out.push((w, id as usize));
                        }
                    }
                    return;
                }
            }
        }
        for w in words(text) {
            let id = self.intern(w);
            out.push((w, id));
        }
    }
}

/// The compact forms ([`compact_into`]) of a [`WordTable`]'s word parts,
/// worked out once per distinct part.
#[derive(Debug, Default)]
pub(crate) struct PartForms<'a> {
    /// Per part ([`Tok::part`]): its text and its form's range in `buf`.
    parts: Vec<(&'a str, u32, u32)>,
    buf: String,
}

impl PartForms<'_> {
    /// Pushes `t`'s compact form onto `out`: looked up when `t` is a part
    /// of the table these forms were taken from, else worked out.
    pub(crate) fn push_form(&self, t: &Tok, out: &mut String) {
        if let Some(&(text, from, to)) = self.parts.get(t.part as usize) {
            if text == t.text {
                if let Some(form) = self.buf.get(from as usize..to as usize) {
                    out.push_str(form);
                    return;
                }
            }
        }
        compact_into(t.text, out);
    }
}

impl<'a> Tok<'a> {
    /// A word with its layout flags, given its facts.
    fn with_facts(text: &'a str, glued: bool, facts: WordFacts, part: u32) -> Tok<'a> {
        let role = facts.role;
        Tok {
            text,
            line_start: false,
            para_break: false,
            glued,
            empty_cell_before: false,
            open_before: false,
            status: None,
            date: 0,
            role,
            role_ok: facts.role_ok[usize::from(glued)],
            date_facts: facts.date,
            connector: facts.connector,
            joins: facts.joins,
            upper: facts.upper,
            na: facts.na,
            status_start: facts.status_start,
            part,
        }
    }
}

/// Caches the status label and the date starting at every word (as seen
/// in `toks`: the caches hold for this sequence of words).
#[cfg(test)]
fn annotate(toks: &mut [Tok]) {
    annotate_with(toks, &mut Compacts::default());
}

/// Room for the words' compact forms, kept between rows.
#[derive(Default)]
pub(crate) struct Compacts {
    buf: String,
    offs: Vec<usize>,
}

impl Compacts {
    /// The compact forms of `n` words (when they are what `room` holds):
    /// one after the other, word `k`'s ending at the `k`th offset.
    pub(crate) fn forms(&self, n: usize) -> Option<(&str, &[usize])> {
        if self.offs.len() != n + 1 {
            return None;
        }
        Some((self.buf.as_str(), self.offs.get(1..)?))
    }
}

/// [`annotate`] with the compact forms built in `room`.
#[cfg(test)]
fn annotate_with(toks: &mut [Tok], room: &mut Compacts) {
    compacts_into(toks, room);
    annotate_prepared(toks, room);
}

/// [`annotate`], given the words' compact forms in `room` (as
/// [`tokenize_into`] left them).
pub(crate) fn annotate_prepared(toks: &mut [Tok], room: &Compacts) {
    if room.offs.len() != toks.len() + 1 {
        // Not these words' forms: work them out.
        let mut own = Compacts::default();
        compacts_into(toks, &mut own);
        return annotate_prepared(toks, &own);
    }
    let (buf, offs) = (&room.buf, &room.offs);
    for i in 0..toks.len() {
        // No label begins at a word that begins none (the label would
        // have to end inside it).
        let s = if toks.get(i).is_some_and(|t| t.status_start) {
            status_in(buf, offs, i)
        } else {
            None
        };
        let next = toks.get(i + 1).map(|n| n.date_facts);
        if let Some(t) = toks.get_mut(i) {
            // A label longer than a byte can count is left uncached
            // (`status_at` works it out again).
            t.status = match s {
                None => Some(None),
                Some((code, n)) => u8::try_from(n).ok().map(|n| Some((code, n))),
            };
            t.date = date_code(t.date_facts.start(next));
        }
    }
}

/// The words' compact forms in one buffer: word `k`'s is
/// `buf[offs[k]..offs[k + 1]]`.
fn compacts(toks: &[Tok]) -> (String, Vec<usize>) {
    let mut room = Compacts::default();
    compacts_into(toks, &mut room);
    (room.buf, room.offs)
}

/// [`compacts`] into `room` (its contents replaced).
fn compacts_into(toks: &[Tok], room: &mut Compacts) {
    room.buf.clear();
    room.offs.clear();
    room.offs.reserve(toks.len() + 1);
    room.offs.push(0);
    for t in toks {
        compact_into(t.text, &mut room.buf);
        room.offs.push(room.buf.len());
    }
}

/// Splits lines (index, text) into words. Printed words that glue two role
/// titles ("FinanceDeputy", "Director-Finance") are split in two, the second
/// part marked `glued` so that a cell holding both prints them unchanged.
pub(crate) fn tokenize<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<Tok<'a>> {
    tokenize_with(lines, &mut WordTable::default())
}

/// [`tokenize`] with the words looked up in (and added to) `table`.
pub(crate) fn tokenize_with<'a>(
    lines: impl IntoIterator<Item = (usize, &'a str)>,
    table: &mut WordTable<'a>,
) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(lines, table, &mut out, &mut Compacts::default());
    out
}

/// [`tokenize_with`] into `out` (its contents replaced), with the words'
/// compact forms put in `room` for [`annotate_prepared`]. A line `(i,
/// text)` whose text is line `i` indexed in `table` (or the end of it,
/// cut between words) takes its words from there.
pub(crate) fn tokenize_into<'a>(
    lines: impl IntoIterator<Item = (usize, &'a str)>,
    table: &mut WordTable<'a>,
    out: &mut Vec<Tok<'a>>,
    room: &mut Compacts,
) {
    out.clear();
    room.buf.clear();
    room.offs.clear();
    room.offs.push(0);
    let mut line_words: Vec<(&'a str, usize)> = Vec::new();
    let mut last_line: Option<usize> = None;
    let mut pending_break = false;
    let mut prev_open = false;
    let mut empty_cell = false;
    for (idx, text) in lines {
        if is_blank(text) {
            pending_break = true;
            empty_cell |= !text.is_empty() && last_line.is_some();
            continue;
        }
        if let Some(l) = last_line {
            if idx > l + 1 {
                pending_break = true;
            }
        }
        table.words_into(idx, text, &mut line_words);
        let mut first = true;
        // A lone short lower-case fragment under a line printed without a
        // trailing space is the end of a broken word ("Communication" / "s").
        let fragment = prev_open
            && !pending_break
            && match line_words.as_slice() {
                [(_, id)] => table.entries.get(*id).is_some_and(|e| e.short_lower),
                _ => false,
            };
        for &(word, id) in &line_words {
            let Some(entry) = table.entries.get(id) else {
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
                let Some(text) = word.get(part.from..part.to) else {
                    continue;
                };
                room.buf
                    .push_str(table.compacts.get(part.c_from..part.c_to).unwrap_or(""));
                room.offs.push(room.buf.len());
                let index = u32::try_from(p_from + k).unwrap_or(NO_PART);
                let mut t = Tok::with_facts(text, k > 0 || fragment, part.facts, index);
                if first && k == 0 {
                    t.line_start = true;
                    t.para_break = pending_break && last_line.is_some();
                    t.empty_cell_before = empty_cell;
                    t.open_before = prev_open && !pending_break;
                }
                out.push(t);
            }
            first = false;
        }
        pending_break = false;
        empty_cell = false;
        prev_open = !text.ends_with(char::is_whitespace);
        last_line = Some(idx);
    }
}

/// The words of a line, as `str::split_whitespace` gives them: byte by
/// byte for an ASCII line (the common case), char by char otherwise.
pub(crate) fn words(line: &str) -> Words<'_> {
    if line.is_ascii() {
        Words::Ascii(line)
    } else {
        Words::Other(line.split_whitespace())
    }
}

/// Iterator of [`words`].
pub(crate) enum Words<'a> {
    /// The rest of an ASCII line.
    Ascii(&'a str),
    /// A line with other characters.
    Other(std::str::SplitWhitespace<'a>),
}

/// `s.trim().is_empty()`: nothing but whitespace. A line that begins
/// with a printed ASCII character (most lines) is told at once.
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !ascii_space(b) => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical
/// tab, unlike `u8::is_ascii_whitespace`).
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Other(it) => it.next(),
            Words::Ascii(rest) => {
                let b = rest.as_bytes();
                let start = b.iter().position(|&c| !ascii_space(c))?;
                let len = b
                    .get(start..)?
                    .iter()
                    .position(|&c| ascii_space(c))
                    .unwrap_or(b.len() - start);
                let word = rest.get(start..start + len)?;
                *rest = rest.get(start + len..).unwrap_or("");
                Some(word)
            }
        }
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
    /// Where the word begins in the document (its length is its part's).
    off: u32,
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

/// Index of `v` in `table`, added when new; `None` past 253 entries
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
        let base = self.text.as_ptr() as usize;
        let off = (t.text.as_ptr() as usize).checked_sub(base)?;
        // The word must be this part of the document: its bytes lie inside
        // the document's (they are then the same bytes, nothing to compare).
        self.text.get(off..off.checked_add(t.text.len())?)?;
        // The word is all of its part (so the part gives its length back).
        let part = table.parts.get(usize::try_from(t.part).ok()?)?;
        if part.to.checked_sub(part.from) != Some(t.text.len()) {
            return None;
        }
        let flags = u8::from(t.line_start)
            | u8::from(t.para_break) << 1
            | u8::from(t.glued) << 2
            | u8::from(t.empty_cell_before) << 3
            | u8::from(t.open_before) << 4;
        let (status, status_words) = match t.status {
            None => (0, 0),
            Some(None) => (1, 0),
            Some(Some((code, n))) => (2 + table_index(&mut self.codes, code)?, n),
        };
        let date = t.date;
        Some(Packed {
            off: u32::try_from(off).ok()?,
            part: t.part,
            flags,
            status,
            status_words,
            date,
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
            let off = p.off as usize;
            // The table the words were read with holds their length and
            // facts.
            let Some(part) = table.parts.get(p.part as usize) else {
                continue;
            };
            let len = part.to.saturating_sub(part.from);
            let text = self.text.get(off..off + len).unwrap_or("");
            let facts = part.facts;
            let bit = |k: u32| p.flags & (1 << k) != 0;
            let status = match p.status {
                0 => None,
                1 => Some(None),
                c => Some(
                    self.codes
                        .get(usize::from(c - 2))
                        .map(|&code| (code, p.status_words)),
                ),
            };
            let mut t = Tok::with_facts(text, bit(2), facts, p.part);
            t.line_start = bit(0);
            t.para_break = bit(1);
            t.empty_cell_before = bit(3);
            t.open_before = bit(4);
            t.status = status;
            t.date = p.date;
            out.push(t);
        }
    }
}

/// Splits a printed word where two role words were glued together; the
/// parts replace the contents of `parts`.
fn split_glued<'a>(word: &'a str, parts: &mut Vec<&'a str>) {
    parts.clear();
    // Most words have no upper-case letter after a lower-case one or a
    // hyphen: one part.
    if word.is_ascii() {
        let b = word.as_bytes();
        let joint = b
            .windows(2)
            .any(|w| matches!(w, [p, c] if c.is_ascii_uppercase() && (p.is_ascii_lowercase() || *p == b'-')));
        if !joint {
            parts.push(word);
            return;
        }
    }
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (pos, c) in word.char_indices() {
        let Some(p) = prev.replace(c) else { continue };
        // Both splits need an upper-case letter after a lower-case letter
        // or a hyphen: test that before building anything.
        if !c.is_uppercase() || !(p == '-' || p.is_lowercase()) {
            continue;
        }
        let head = word.get(start..pos).unwrap_or("");
        let rest = word.get(pos..).unwrap_or("");
        let rest_word = rest
            .find(|c: char| !c.is_alphabetic())
            .and_then(|e| rest.get(..e))
            .unwrap_or(rest);
        let long_rest = rest_word.chars().nth(1).is_some();
        // "FinanceDeputy": lower case then upper case, the right part a role word.
        let camel = p.is_lowercase()
            && head.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && long_rest
            && role_word(rest_word).is_some_and(|r| r.kind != RoleWordKind::Collective);
        // "Director-Finance": a role word, a hyphen, a capitalised word.
        let hyphen = p == '-' && role_word(head.trim_end_matches('-')).is_some() && long_rest;
        if camel || hyphen {
            parts.push(head);
            start = pos;
        }
    }
    parts.push(word.get(start..).unwrap_or(word));
    parts.retain(|p| !p.is_empty());
}

/// Renders words as cell text: words joined by single spaces, glued parts
/// without one.
pub(crate) fn render(toks: &[Tok]) -> String {
    let mut s = String::new();
    render_into(toks, &mut s);
    s
}

/// [`render`] into `s` (its contents replaced).
pub(crate) fn render_into(toks: &[Tok], s: &mut String) {
    s.clear();
    for t in toks {
        if !s.is_empty() && !t.glued {
            s.push(' ');
        }
        s.push_str(t.text);
    }
}

/// "N/A", "N/a", "n/a".
pub(crate) fn is_na(word: &str) -> bool {
    let w = word.trim_matches(|c: char| c == '.' || c == ',');
    w.eq_ignore_ascii_case("n/a")
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with("19") || s.starts_with("20"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_two_digits(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The word's letters name a month (`plantab_vocab::month_number` with
/// abbreviations), without building a string.
fn is_month(word: &str) -> bool {
    // Lower-cased letters; a month name is ASCII and at most 9 letters.
    let mut buf = [0u8; 9];
    let mut n = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_ascii() {
            return false;
        }
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    let Some(w) = buf.get(..n) else { return false };
    if w.len() < 3 {
        return false;
    }
    MONTHS.iter().any(|m| {
        let m = m.as_bytes();
        m == w || (m.starts_with(w) && (w.len() == 3 || w == b"sept"))
    })
}

/// The word's letters and digits, lower case (`plantab_vocab::compact`),
/// when there are at most 16 of them (no word [`is_soft_date_word`] or
/// [`is_period_word`] look for is longer).
fn bare_small(word: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let mut n = 0;
    for c in compact_chars(word) {
        *buf.get_mut(n)? = c as u8;
        n += 1;
    }
    Some(n)
}

/// Words naming a period loosely: they may stand alone in a date cell and
/// take the words after them ("TBC following …", "Quarterly monitoring …").
fn is_soft_bare(b: &[u8]) -> bool {
    matches!(
        b,
        b"tbc"
            | b"tba"
            | b"tbd"
            | b"ongoing"
            | b"annually"
            | b"annual"
            | b"monthly"
            | b"quarterly"
            | b"weekly"
            | b"yearly"
            | b"fortnightly"
            | b"biannually"
            | b"continuous"
    )
}

fn is_period_bare(b: &[u8]) -> bool {
    matches!(
        b,
        b"autumn"
            | b"spring"
            | b"summer"
            | b"winter"
            | b"early"
            | b"mid"
            | b"late"
            | b"end"
            | b"start"
            | b"beginning"
            | b"q1"
            | b"q2"
            | b"q3"
            | b"q4"
            | b"h1"
            | b"h2"
    )
}

/// How a date begins at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStart {
    /// A full date of `n` words ("Dec-22", "June 2023", "22-Sep", "Autumn 2021").
    Strong(usize),
    /// A loose period word ("TBC", "Ongoing", "Quarterly", "6 monthly") of `n` words.
    Soft(usize),
    /// A bare month name ("Feb", "July").
    Month,
}

/// The date starting at `toks[i]`, if one does.
#[inline]
pub(crate) fn date_at(toks: &[Tok], i: usize) -> Option<DateStart> {
    if let Some(cached) = date_of_code(toks.get(i)?.date) {
        return cached;
    }
    date_uncached(toks, i)
}

/// A cached [`date_at`] answer in a byte: 0 when not cached (or not
/// expressible), 1 for no date, 2 for a month, `0x10 + n` for a strong
/// date of `n` words, `0x20 + n` for a soft one (`n` below 16).
fn date_code(d: Option<DateStart>) -> u8 {
    let small = |n: usize| u8::try_from(n).ok().filter(|&n| n < 16);
    match d {
        None => 1,
        Some(DateStart::Month) => 2,
        Some(DateStart::Strong(n)) => small(n).map_or(0, |n| 0x10 + n),
        Some(DateStart::Soft(n)) => small(n).map_or(0, |n| 0x20 + n),
    }
}

/// The answer [`date_code`] put in a byte; `None` when none was.
fn date_of_code(c: u8) -> Option<Option<DateStart>> {
    match c {
        1 => Some(None),
        2 => Some(Some(DateStart::Month)),
        0x10..=0x1f => Some(Some(DateStart::Strong(usize::from(c - 0x10)))),
        0x20..=0x2f => Some(Some(DateStart::Soft(usize::from(c - 0x20)))),
        _ => None,
    }
}

fn date_uncached(toks: &[Tok], i: usize) -> Option<DateStart> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1).map(|n| n.date_facts);
    t.date_facts.start(next)
}

/// What [`date_at`] needs to know about one printed word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct DateFacts {
    /// A full date by itself ("Dec-22", "22-Sep", "1/2/2023", "2024").
    whole: bool,
    /// A month with a dash and nothing after ("Dec-"): a date when a year
    /// follows. (Checked before `whole` dates of other forms.)
    month_dash: bool,
    /// Whether "Dec-22"-style dash rules decided already.
    dash_whole: bool,
    /// A month name or a period word ("Autumn"): a date when a year follows.
    month_or_period: bool,
    month: bool,
    soft: bool,
    /// One or two digits (or no characters left after trimming).
    small_number: bool,
    /// As the next word: two digits or a year.
    year_like: bool,
}

impl DateFacts {
    fn of(text: &str) -> DateFacts {
        let w = text.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'));
        let mut f = DateFacts::default();
        if let Some((a, b)) = w.split_once('-') {
            let a_month = is_month(a);
            f.dash_whole = a_month && (is_two_digits(b) || is_year(b))
                || a.len() <= 2
                    && a.bytes().all(|x| x.is_ascii_digit())
                    && !a.is_empty()
                    && is_month(b);
            f.month_dash = a_month && b.is_empty();
        }
        f.whole = w.contains('/')
            && w.split('/').count() == 3
            && w.split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            || is_year(w);
        f.month = is_month(w);
        let mut buf = [0u8; 16];
        let bare = bare_small(w, &mut buf).and_then(|n| buf.get(..n));
        f.month_or_period = f.month || bare.is_some_and(is_period_bare);
        f.soft = bare.is_some_and(is_soft_bare);
        f.small_number = w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2;
        f.year_like = is_two_digits(w) || is_year(w);
        f
    }

    /// The date starting at this word, given the next word's facts.
    fn start(self, next: Option<DateFacts>) -> Option<DateStart> {
        let next_year = next.is_some_and(|n| n.year_like);
        if self.dash_whole {
            return Some(DateStart::Strong(1));
        }
        if self.month_dash && next_year {
            return Some(DateStart::Strong(2));
        }
        if self.whole {
            return Some(DateStart::Strong(1));
        }
        if self.month_or_period && next_year {
            return Some(DateStart::Strong(2));
        }
        if self.month {
            return Some(DateStart::Month);
        }
        if self.soft {
            return Some(DateStart::Soft(1));
        }
        if self.small_number && next.is_some_and(|n| n.soft) {
            return Some(DateStart::Soft(2));
        }
        None
    }
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
    if let Some(cached) = toks.get(i)?.status {
        return cached.map(|(code, n)| (code, usize::from(n)));
    }
    status_uncached(toks, i)
}

/// [`status_at`] worked out (no answer cached).
#[cold]
#[inline(never)]
fn status_uncached(toks: &[Tok], i: usize) -> Option<(StatusCode, usize)> {
    let window = toks.get(i..)?;
    let window = window
        .get(..window.len().min(STATUS_WINDOW))
        .unwrap_or(window);
    let (buf, offs) = compacts(window);
    status_in(&buf, &offs, 0)
}

/// Words a status label may run over.
const STATUS_WINDOW: usize = 16;

/// [`status_at`] on the words' compact forms ([`compacts`]): the compact
/// form of words joined by spaces is their compact forms concatenated.
/// Only as much text as the longest label covers is looked at.
fn status_in(buf: &str, offs: &[usize], i: usize) -> Option<(StatusCode, usize)> {
    let off = |k: usize| offs.get(k).copied().unwrap_or(buf.len());
    let n_words = offs
        .len()
        .saturating_sub(1)
        .saturating_sub(i)
        .min(STATUS_WINDOW);
    let from = offs.get(i).copied()?;
    if n_words == 0 || off(i + 1) == from {
        return None;
    }
    let limit = off(i + n_words).min(from + status_label_max_len());
    let longest = status_label_prefix_compact(buf.get(from..limit)?)?;
    let m = longest.len;
    // Snap to the last word boundary at or before m characters.
    let mut acc = 0usize;
    let mut words = 0usize;
    for k in i..i + n_words {
        let l = off(k + 1) - off(k);
        if acc + l > m {
            break;
        }
        acc += l;
        words += 1;
        if acc == m {
            break;
        }
    }
    while words > 0 {
        let len = off(i + words) - from;
        // Cut where the longest match ends, the text gives that match
        // again (no label agrees with it further): it is not looked for.
        let p = if len == m {
            Some(longest)
        } else {
            buf.get(from..from + len)
                .and_then(status_label_prefix_compact)
        };
        match p {
            // A clipped label must run over two words at least, so that a
            // word such as "assurance" in prose is no label.
            Some(p) if p.len == len && len > 0 && (p.whole || words >= 2) => {
                return Some((p.code, words))
            }
            _ => words -= 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    //! The recognisers as they were before they were made fast, and checks
    //! that the fast ones agree with them word for word.
    use super::*;
    use plantab_vocab::{month_number, status_label_prefix};

    fn orig_is_month(word: &str) -> bool {
        let w: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        month_number(&w, true).is_some()
    }
    fn orig_is_soft_date_word(word: &str) -> bool {
        matches!(
            plantab_vocab::compact(word).as_str(),
            "tbc"
                | "tba"
                | "tbd"
                | "ongoing"
                | "annually"
                | "annual"
                | "monthly"
                | "quarterly"
                | "weekly"
                | "yearly"
                | "fortnightly"
                | "biannually"
                | "continuous"
        )
    }
    fn orig_is_period_word(word: &str) -> bool {
        matches!(
            plantab_vocab::compact(word).as_str(),
            "autumn"
                | "spring"
                | "summer"
                | "winter"
                | "early"
                | "mid"
                | "late"
                | "end"
                | "start"
                | "beginning"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "h1"
                | "h2"
        )
    }
    fn orig_date_at(toks: &[Tok], i: usize) -> Option<DateStart> {
        let t = toks.get(i)?;
        let w = t
            .text
            .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'));
        let next = toks.get(i + 1).map(|n| {
            n.text
                .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ';'))
        });
        // Mon-YY / Month-YYYY
        if let Some((a, b)) = w.split_once('-') {
            if orig_is_month(a) && (is_two_digits(b) || is_year(b)) {
                return Some(DateStart::Strong(1));
            }
            if a.len() <= 2
                && a.bytes().all(|x| x.is_ascii_digit())
                && !a.is_empty()
                && orig_is_month(b)
            {
                return Some(DateStart::Strong(1));
            }
            if orig_is_month(a) && b.is_empty() {
                if let Some(n) = next {
                    if is_two_digits(n) || is_year(n) {
                        return Some(DateStart::Strong(2));
                    }
                }
            }
        }
        if w.split('/').count() == 3
            && w.split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(DateStart::Strong(1));
        }
        if is_year(w) {
            return Some(DateStart::Strong(1));
        }
        if orig_is_month(w) || orig_is_period_word(w) {
            if let Some(n) = next {
                if is_two_digits(n) || is_year(n) {
                    return Some(DateStart::Strong(2));
                }
            }
        }
        if orig_is_month(w) {
            return Some(DateStart::Month);
        }
        if orig_is_soft_date_word(w) {
            return Some(DateStart::Soft(1));
        }
        if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2 {
            if let Some(n) = next {
                if orig_is_soft_date_word(n) {
                    return Some(DateStart::Soft(2));
                }
            }
        }
        None
    }
    fn orig_status_at(toks: &[Tok], i: usize) -> Option<(StatusCode, usize)> {
        let window: Vec<&Tok> = toks.iter().skip(i).take(16).collect();
        if window.is_empty() {
            return None;
        }
        let first = window.first()?;
        if plantab_vocab::compact(first.text).is_empty() {
            return None;
        }
        let joined: String = window.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        let m = status_label_prefix(&joined)?.len;
        // Snap to the last word boundary at or before m characters.
        let mut acc = 0usize;
        let mut words = 0usize;
        for t in &window {
            let l = plantab_vocab::compact(t.text).len();
            if acc + l > m {
                break;
            }
            acc += l;
            words += 1;
            if acc == m {
                break;
            }
        }
        while words > 0 {
            let text: String = window
                .iter()
                .take(words)
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            let len = plantab_vocab::compact(&text).len();
            match status_label_prefix(&text) {
                // A clipped label must run over two words at least, so that a
                // word such as "assurance" in prose is no label.
                Some(p) if p.len == len && len > 0 && (p.whole || words >= 2) => {
                    return Some((p.code, words))
                }
                _ => words -= 1,
            }
        }
        None
    }

    fn documents() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/text");
        let mut out = Vec::new();
        for d in [dir.to_string(), format!("{dir}/own")] {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    out.push(t);
                }
            }
        }
        // Words of our own: broken dates, periods, labels, odd punctuation.
        out.push(
            "Q3 2025 (Sept- 26) 1/2/2031 3 monthly 12 annually Dec- 24 Jan-2027 5-Mar \
             Autumn 2030 Ocr 25 TBC tbd On Track- little or no slippage Not due to \
             start N/a n/a Complete complete Medium Progress- actual/ projected \
             slippage of 1-2 Significant issues Closed On hold ( ) . 7 quarterly"
                .to_string(),
        );
        out
    }

    /// The words of indexed lines (whole, or cut after a word) are the
    /// words a fresh split gives, with the same facts.
    #[test]
    fn indexed_lines_tokenize_as_fresh_text_does() {
        let mut docs = documents();
        // Of our own: accents, no-break and wide spaces, curly quotes, a
        // glued title, a line cut mid-word.
        docs.push(
            "Caf\u{e9} \u{a0}Dir\u{e9}ctor\u{2003}of \u{201c}Parks\u{201d}\n\
             QR.S12.3 Director-Finance HeadOf Works\n  ab  \n"
                .to_string(),
        );
        let mut checked = 0;
        for doc in &docs {
            let lines: Vec<&str> = doc.lines().collect();
            let mut table = WordTable::default();
            table.index_lines(&lines);
            for (i, &l) in lines.iter().enumerate() {
                let cuts = l
                    .char_indices()
                    .map(|(k, _)| k)
                    .filter(|&k| k % 13 == 0)
                    .chain([0, l.len()]);
                for cut in cuts {
                    let Some(t) = l.get(cut..) else { continue };
                    let fresh = tokenize([(i, t)]);
                    let indexed = tokenize_with([(i, t)], &mut table);
                    let key = |v: &[Tok]| -> Vec<String> {
                        v.iter()
                            .map(|t| format!("{} {} {:?} {}", t.text, t.glued, t.role, t.role_ok))
                            .collect()
                    };
                    assert_eq!(key(&indexed), key(&fresh), "{t:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// [`is_blank`] is `trim().is_empty()`.
    #[test]
    fn blank_lines_are_told_as_trim_tells_them() {
        let cases = [
            "",
            " ",
            "\t\x0b\x0c\r\n",
            "\u{a0}",
            "\u{2003} \u{85}",
            "\u{3000}x",
            "x",
            " x ",
            "\x00",
            "\x01 ",
            "\u{e9}",
            "\u{a0}\u{e9}",
            "-",
            "\u{200b}",
        ];
        for c in cases {
            assert_eq!(is_blank(c), c.trim().is_empty(), "{c:?}");
        }
        for b in 0u8..=127 {
            let s = (b as char).to_string();
            assert_eq!(is_blank(&s), s.trim().is_empty(), "{b}");
        }
    }

    /// A line's words come from the index only for that very line (not
    /// for the same text printed elsewhere, nor for another line number).
    #[test]
    fn line_index_answers_for_its_own_lines_only() {
        let doc = "KX.7 Head of Parks\n\nKX.7 Head of Parks\n  \nlast line here";
        let lines: Vec<&str> = doc.lines().collect();
        let mut table = WordTable::default();
        table.index_lines(&lines);
        let ids = |t: &WordTable, i: usize, l: &str| t.line_ids(i, l).map(|w| w.count());
        assert_eq!(ids(&table, 0, lines[0]), Some(4));
        assert_eq!(ids(&table, 1, lines[1]), Some(0));
        assert_eq!(ids(&table, 3, lines[3]), Some(0));
        assert_eq!(ids(&table, 4, lines[4]), Some(3));
        // Same text, another line: not line 0's words.
        assert_eq!(ids(&table, 0, lines[2]), None);
        assert_eq!(ids(&table, 2, lines[0]), None);
        // A copy of the text elsewhere in memory, a part of the line, a
        // line past the end.
        let copy = lines[0].to_string();
        assert_eq!(ids(&table, 0, &copy), None);
        assert_eq!(ids(&table, 0, &lines[0][5..]), None);
        assert_eq!(ids(&table, 5, lines[4]), None);
        // The same words, the same ids.
        let a: Vec<usize> = table.line_ids(0, lines[0]).unwrap().collect();
        let b: Vec<usize> = table.line_ids(2, lines[2]).unwrap().collect();
        assert_eq!(a, b);
        table.forget_lines();
        assert_eq!(ids(&table, 0, lines[0]), None);
    }

    /// Rows' words kept in a [`TokStore`] come back as they were.
    #[test]
    fn stored_words_load_as_they_were_kept() {
        let mut docs = documents();
        // Of our own: glued titles, a broken word, an empty cell, labels.
        docs.push(
            "QR.S12.3 Director-Finance HeadOf Works Communication\ns\n \n\
             On Track- little\n\nor no slippage N/A Dec- 24 Caf\u{e9}\n"
                .to_string(),
        );
        let mut words = 0;
        for doc in &docs {
            let lines: Vec<&str> = doc.lines().collect();
            let mut table = WordTable::default();
            table.index_lines(&lines);
            let mut store = TokStore::new(doc);
            let (mut toks, mut room, mut back) = (Vec::new(), Compacts::default(), Vec::new());
            let mut kept = Vec::new();
            // Rows of up to seven lines.
            for chunk in lines.chunks(7).enumerate() {
                let (c, ls) = chunk;
                let feed = ls.iter().enumerate().map(|(k, l)| (c * 7 + k, *l));
                tokenize_into(feed, &mut table, &mut toks, &mut room);
                annotate_prepared(&mut toks, &room);
                kept.push((store.push(&toks, &table), format!("{toks:?}")));
            }
            table.forget_lines();
            for (row, want) in &kept {
                store.load(row, &table, &mut back);
                assert!(matches!(row, Stored::Packed(..)));
                assert_eq!(&format!("{back:?}"), want);
                words += back.len();
            }
        }
        assert!(words > 10_000, "{words}");
    }

    #[test]
    fn fast_recognisers_agree_with_the_originals() {
        let mut words = 0;
        for doc in documents() {
            let lines: Vec<(usize, &str)> = doc.lines().enumerate().collect();
            let mut memo = WordTable::default();
            let plain = tokenize(lines.iter().copied());
            let mut cached = tokenize_with(lines.iter().copied(), &mut memo);
            annotate(&mut cached);
            assert_eq!(plain.len(), cached.len());
            for i in 0..plain.len() {
                let want_date = orig_date_at(&plain, i);
                assert_eq!(date_at(&plain, i), want_date, "date at {i}");
                assert_eq!(date_at(&cached, i), want_date, "cached date at {i}");
                let want_status = orig_status_at(&plain, i);
                assert_eq!(status_at(&plain, i), want_status, "status at {i}");
                assert_eq!(status_at(&cached, i), want_status, "cached status at {i}");
                let w = plain.get(i).map(|t| t.text).unwrap_or("");
                assert_eq!(is_month(w), orig_is_month(w), "{w}");
                words += 1;
            }
        }
        assert!(words > 10_000, "{words}");
    }
}
