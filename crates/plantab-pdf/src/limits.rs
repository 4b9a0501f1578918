//! Resource limits against hostile PDFs, checked by a cheap structural
//! pre-pass before any PDF library sees the file.
//!
//! [`check`] walks the file's bytes once with a small lexer of its own
//! (strings, comments, names, numbers, keywords, brackets; no recursion, so
//! no input can overflow its stack) and measures what a hostile file could
//! use to exhaust memory, time or stack further on:
//!
//! - the **total decompressed size** of its streams: each stream is decoded
//!   (Flate, LZW, RunLength, ASCIIHex, ASCII85, in any chain) through
//!   bounded readers in 64 KiB chunks that are counted and dropped, so a
//!   decompression bomb stops at the limit without its output ever being
//!   held in memory;
//! - the **object count**: `obj` keywords plus the `/N` of every object
//!   stream, and any `/Size` claimed by a trailer or cross-reference stream;
//! - the **nesting depth** of arrays and dictionaries, in the file's objects,
//!   in object streams and in content streams (the content-stream parser of
//!   the glyph library recurses once per nested array, without a limit);
//! - the **operator count per page**: the operators of each content stream
//!   (form XObjects and glyph procedures too), summed over the streams a
//!   page's `/Contents` names;
//! - the **operator count of the document**: the same per-page sums added
//!   over all pages, so a stream shared by a thousand pages counts a
//!   thousand times.
//!
//! A file over a limit is refused with [`PdfError::LimitExceeded`] (code
//! `limit_exceeded`); the rest of the reader never runs on it.
//!
//! What a page costs once it is drawn cannot be known from the bytes alone
//! (a form XObject drawn ten times from a form drawn ten times…), so two
//! limits are also enforced while each page is interpreted, by the glyph
//! library itself (plantab's patched copy of `pdfplumber`, see
//! `vendor/README.md`): [`Limits::max_operators_per_page`] again, now
//! counting each form XObject's operators every time it is drawn, and
//! [`Limits::max_page_objects`]. A page over either fails the whole file
//! with `limit_exceeded` naming the limit and the page. The structure
//! tree, annotations, form fields, outline and metadata are never parsed:
//! plantab reads page content only.
//!
//! What is a content stream is judged from the stream's dictionary (no
//! image, font, ICC, metadata or cross-reference keys): binary streams are
//! only counted, never lexed, so their bytes cannot pass for brackets.

use std::collections::HashMap;
use std::io::Read;

use crate::PdfError;

/// Resource limits for one PDF file (see the module docs for what each
/// one measures). [`Limits::default`] is what [`crate::read_pdf`] uses.
///
/// The defaults sit far above real documents (the most any of the 190
/// corpus PDFs reaches is given with each) and keep one hostile file within
/// a few hundred MB: the glyph library holds about 100 bytes per operator
/// of the stream it interprets, and about 700 per character it emits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Total decompressed bytes of all streams (default 256 MiB).
    pub max_decompressed_bytes: u64,
    /// Objects in the file (default 2,000,000).
    pub max_objects: u64,
    /// Content-stream operators on one page, or in one content stream
    /// (default 1,000,000; the corpus's busiest page has 68,645): checked
    /// by the pre-pass on the streams the page names, and while the page
    /// is interpreted, each form XObject counted every time it is drawn.
    pub max_operators_per_page: u64,
    /// Content-stream operators of the whole document, each page counting
    /// the streams it names (default 50,000,000; the corpus's largest
    /// document has DOCOPS): a stream shared by many pages counts for each.
    pub max_operators_per_document: u64,
    /// Objects one page's interpretation may produce: characters shown,
    /// path-construction operators (`m l c v y h re`) and images (default
    /// 300,000; the corpus's fullest page has 11,378 characters).
    pub max_page_objects: u64,
    /// Pages in the document (default 50,000; the corpus's longest
    /// document has 119): checked on the page dictionaries by the pre-pass
    /// and on the page tree when the file is opened.
    pub max_pages: u64,
    /// Nesting depth of arrays and dictionaries (default 256).
    pub max_nesting_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_decompressed_bytes: 256 * 1024 * 1024,
            max_objects: 2_000_000,
            max_operators_per_page: 1_000_000,
            max_operators_per_document: 50_000_000,
            max_page_objects: 300_000,
            max_pages: 50_000,
            max_nesting_depth: 256,
        }
    }
}

/// What the pre-pass measured in a file within its limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanStats {
    /// Objects counted (see [`Limits::max_objects`]).
    pub objects: u64,
    /// Streams seen.
    pub streams: u64,
    /// Total decompressed stream bytes.
    pub decompressed_bytes: u64,
    /// Page dictionaries seen.
    pub pages: u64,
    /// The most operators on one page (or in one content stream).
    pub max_page_operators: u64,
    /// Operators of all pages (each page counting the streams it names).
    pub document_operators: u64,
    /// The deepest nesting of arrays and dictionaries.
    pub max_depth: u32,
}

/// Checks `bytes` against `limits` without handing them to any PDF
/// library. Returns what it measured, or [`PdfError::LimitExceeded`] naming
/// the first limit exceeded. A damaged file is not an error here: the
/// pre-pass measures what it can and leaves the verdict to the reader.
pub fn check(bytes: &[u8], limits: &Limits) -> Result<ScanStats, PdfError> {
    let mut st = State {
        limits,
        stats: ScanStats::default(),
        stream_ops: HashMap::new(),
        page_contents: Vec::new(),
    };
    let mut lx = Lexer::new(false);
    let mut sc = ObjScan::new(true);
    let mut i = 0usize;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let stop = lx.feed(rest, &mut |t| {
            sc.token(t);
            sc.stream_pending || sc.over(&st)
        });
        if let Some(e) = sc.take_error(&st) {
            return Err(e);
        }
        let Some(p) = stop else {
            break;
        };
        i += p;
        if sc.stream_pending {
            sc.stream_pending = false;
            lx.reset();
            let facts = std::mem::take(&mut sc.facts);
            let (start, end) = stream_span(bytes, i, &facts);
            let data = bytes.get(start..end).unwrap_or_default();
            st.stream(data, &facts, sc.cur_obj)?;
            i = end.max(i);
        }
    }
    lx.finish(&mut |t| {
        sc.token(t);
        false
    });
    if let Some(e) = sc.take_error(&st) {
        return Err(e);
    }
    st.merge(&sc);
    st.finish()
}

/// The data of a stream whose keyword ended just before `after`.
fn stream_span(bytes: &[u8], after: usize, facts: &Facts) -> (usize, usize) {
    let mut start = after;
    match bytes.get(start) {
        Some(b'\r') if bytes.get(start + 1) == Some(&b'\n') => start += 2,
        Some(b'\n' | b'\r') => start += 1,
        _ => {}
    }
    let start = start.min(bytes.len());
    // The declared length when it ends at `endstream`.
    if let Some(len) = facts.length.and_then(|l| usize::try_from(l).ok()) {
        if let Some(end) = start.checked_add(len) {
            let rest = bytes.get(end..).unwrap_or_default();
            let ws = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
            if rest.get(ws..).is_some_and(|r| r.starts_with(b"endstream")) {
                return (start, end);
            }
        }
    }
    let rest = bytes.get(start..).unwrap_or_default();
    let end = find(rest, b"endstream").map_or(bytes.len(), |p| start + p);
    (start, end)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(p) = hay.get(from..)?.iter().position(|&c| c == first) {
        let at = from + p;
        if hay.get(at..)?.starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whole-file counters.
struct State<'a> {
    limits: &'a Limits,
    stats: ScanStats,
    /// Operators per content stream, by object number.
    stream_ops: HashMap<u64, u64>,
    /// The content streams each page names.
    page_contents: Vec<Vec<u64>>,
}

fn exceeded(what: &str, limit: u64, unit: &str, field: &str) -> PdfError {
    PdfError::LimitExceeded(format!(
        "{what} exceeds the limit of {limit}{unit}; the file may be hostile or damaged (the limit is plantab_pdf::Limits::{field})"
    ))
}

/// The error for a document of more than `limit` pages.
pub(crate) fn pages_exceeded(limit: u64) -> PdfError {
    exceeded("page count", limit, " pages", "max_pages")
}

impl State<'_> {
    fn depth_error(&self) -> PdfError {
        exceeded(
            "nesting of arrays and dictionaries",
            u64::from(self.limits.max_nesting_depth),
            " levels",
            "max_nesting_depth",
        )
    }

    fn ops_error(&self) -> PdfError {
        exceeded(
            "content-stream operators on one page",
            self.limits.max_operators_per_page,
            "",
            "max_operators_per_page",
        )
    }

    fn objects_error(&self) -> PdfError {
        exceeded(
            "object count",
            self.limits.max_objects,
            " objects",
            "max_objects",
        )
    }

    fn merge(&mut self, sc: &ObjScan) {
        self.stats.objects = self.stats.objects.saturating_add(sc.objects);
        self.stats.max_depth = self.stats.max_depth.max(sc.max_depth);
        self.page_contents.extend(sc.pages.iter().cloned());
    }

    fn finish(mut self) -> Result<ScanStats, PdfError> {
        if self.stats.objects > self.limits.max_objects {
            return Err(self.objects_error());
        }
        self.stats.pages = self.page_contents.len() as u64;
        if self.stats.pages > self.limits.max_pages {
            return Err(pages_exceeded(self.limits.max_pages));
        }
        for refs in &self.page_contents {
            let mut seen: Vec<u64> = Vec::new();
            let mut sum = 0u64;
            for r in refs {
                if seen.contains(r) {
                    continue;
                }
                seen.push(*r);
                sum = sum.saturating_add(self.stream_ops.get(r).copied().unwrap_or(0));
            }
            self.stats.max_page_operators = self.stats.max_page_operators.max(sum);
            self.stats.document_operators = self.stats.document_operators.saturating_add(sum);
        }
        if self.stats.max_page_operators > self.limits.max_operators_per_page {
            return Err(self.ops_error());
        }
        if self.stats.document_operators > self.limits.max_operators_per_document {
            return Err(exceeded(
                "content-stream operators of the document (each page counting the streams it draws)",
                self.limits.max_operators_per_document,
                "",
                "max_operators_per_document",
            ));
        }
        Ok(self.stats)
    }

    /// Decodes one stream in bounded chunks: counted always, lexed when it
    /// is a content stream or an object stream.
    fn stream(&mut self, raw: &[u8], facts: &Facts, obj: Option<u64>) -> Result<(), PdfError> {
        self.stats.streams += 1;
        let kind = facts.kind();
        let limits = self.limits;
        let mut total = self.stats.decompressed_bytes;
        let cap = limits.max_decompressed_bytes;
        let mut lx = Lexer::new(kind == StreamKind::Content);
        let mut content = ContentScan::default();
        let mut objs = ObjScan::new(false);
        let mut err: Option<PdfError> = None;
        {
            let mut sink = |chunk: &[u8]| -> bool {
                total = total.saturating_add(chunk.len() as u64);
                if total > cap {
                    err = Some(exceeded(
                        "decompressed stream data",
                        cap,
                        " bytes",
                        "max_decompressed_bytes",
                    ));
                    return false;
                }
                match kind {
                    StreamKind::Binary => {}
                    StreamKind::Content => {
                        lx.feed(chunk, &mut |t| {
                            content.token(t);
                            false
                        });
                        if content.max_depth > limits.max_nesting_depth {
                            err = Some(self.depth_error());
                            return false;
                        }
                        if content.ops > limits.max_operators_per_page {
                            err = Some(self.ops_error());
                            return false;
                        }
                    }
                    StreamKind::Objects => {
                        lx.feed(chunk, &mut |t| {
                            objs.token(t);
                            false
                        });
                        if let Some(e) = objs.take_error(self) {
                            err = Some(e);
                            return false;
                        }
                    }
                }
                true
            };
            decode(raw, &facts.filters, &mut sink);
        }
        if let Some(e) = err {
            return Err(e);
        }
        self.stats.decompressed_bytes = total;
        match kind {
            StreamKind::Binary => {}
            StreamKind::Content => {
                lx.finish(&mut |t| {
                    content.token(t);
                    false
                });
                self.stats.max_depth = self.stats.max_depth.max(content.max_depth);
                self.stats.max_page_operators = self.stats.max_page_operators.max(content.ops);
                if let Some(n) = obj {
                    let e = self.stream_ops.entry(n).or_default();
                    *e = e.saturating_add(content.ops);
                }
            }
            StreamKind::Objects => {
                lx.finish(&mut |t| {
                    objs.token(t);
                    false
                });
                if let Some(e) = objs.take_error(self) {
                    return Err(e);
                }
                // The objects inside are counted by the stream's `/N`.
                objs.objects = facts.n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
                self.merge(&objs);
                if self.stats.objects > limits.max_objects {
                    return Err(self.objects_error());
                }
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- decoding

/// A stream filter the pre-pass decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    RunLength,
    AsciiHex,
    Ascii85,
    /// Anything else (image codecs, crypt): decoding stops there.
    Other,
}

impl Filter {
    fn from_name(n: &[u8]) -> Filter {
        match n {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw,
            b"RunLengthDecode" | b"RL" => Filter::RunLength,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            _ => Filter::Other,
        }
    }
}

const CHUNK: usize = 64 * 1024;

/// Decodes `raw` through `filters` (up to the first it cannot decode) and
/// hands the output to `sink` in chunks until it returns `false`. Damaged
/// data ends the output where the damage starts.
fn decode(raw: &[u8], filters: &[Filter], sink: &mut dyn FnMut(&[u8]) -> bool) {
    let mut reader: Box<dyn Read + '_> = Box::new(raw);
    for f in filters {
        reader = match f {
            Filter::Flate => Box::new(flate2::read::ZlibDecoder::new(reader)),
            Filter::Lzw => Box::new(LzwReader::new(reader)),
            Filter::RunLength => Box::new(RunLengthReader::new(reader)),
            Filter::AsciiHex => Box::new(AsciiHexReader { inner: reader }),
            Filter::Ascii85 => Box::new(Ascii85Reader::new(reader)),
            Filter::Other => break,
        };
    }
    let mut buf = vec![0u8; CHUNK];
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                if !sink(buf.get(..n).unwrap_or_default()) {
                    return;
                }
            }
        }
    }
}

/// Reads one byte; `None` at the end or on an error.
fn next_byte(r: &mut dyn Read) -> Option<u8> {
    let mut b = [0u8; 1];
    loop {
        match r.read(&mut b) {
            Ok(1) => return Some(b[0]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            _ => return None,
        }
    }
}

/// LZW (PDF's early-change variant) as a reader.
struct LzwReader<'a> {
    inner: Box<dyn Read + 'a>,
    dec: weezl::decode::Decoder,
    inbuf: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<'a> LzwReader<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        LzwReader {
            inner,
            dec: weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8),
            inbuf: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl Read for LzwReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while !self.done {
            if self.pos >= self.inbuf.len() {
                self.inbuf.resize(CHUNK, 0);
                let n = self.inner.read(&mut self.inbuf).unwrap_or(0);
                self.inbuf.truncate(n);
                self.pos = 0;
            }
            let inp = self.inbuf.get(self.pos..).unwrap_or_default();
            let at_end = inp.is_empty();
            let r = self.dec.decode_bytes(inp, out);
            self.pos += r.consumed_in;
            match r.status {
                Ok(weezl::LzwStatus::Done) | Err(_) => self.done = true,
                Ok(weezl::LzwStatus::NoProgress) if at_end => self.done = true,
                Ok(_) => {}
            }
            if r.consumed_out > 0 {
                return Ok(r.consumed_out);
            }
            if at_end {
                self.done = true;
            }
        }
        Ok(0)
    }
}

/// RunLength as a reader.
struct RunLengthReader<'a> {
    inner: Box<dyn Read + 'a>,
    /// A repeated byte still to give, and how many times.
    run: Option<(u8, usize)>,
    /// Literal bytes still to copy.
    literal: usize,
    done: bool,
}

impl<'a> RunLengthReader<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        RunLengthReader {
            inner,
            run: None,
            literal: 0,
            done: false,
        }
    }
}

impl Read for RunLengthReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n < out.len() && !self.done {
            if let Some((b, left)) = self.run {
                let k = left.min(out.len() - n);
                for slot in out.iter_mut().skip(n).take(k) {
                    *slot = b;
                }
                n += k;
                self.run = (left > k).then_some((b, left - k));
                continue;
            }
            if self.literal > 0 {
                match next_byte(&mut self.inner) {
                    Some(b) => {
                        if let Some(slot) = out.get_mut(n) {
                            *slot = b;
                        }
                        n += 1;
                        self.literal -= 1;
                    }
                    None => self.done = true,
                }
                continue;
            }
            match next_byte(&mut self.inner) {
                None | Some(128) => self.done = true,
                Some(l) if l < 128 => self.literal = usize::from(l) + 1,
                Some(l) => match next_byte(&mut self.inner) {
                    Some(b) => self.run = Some((b, 257 - usize::from(l))),
                    None => self.done = true,
                },
            }
        }
        Ok(n)
    }
}

/// ASCIIHex as a reader.
struct AsciiHexReader<'a> {
    inner: Box<dyn Read + 'a>,
}

impl Read for AsciiHexReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        let mut hi: Option<u8> = None;
        while n < out.len() {
            let Some(c) = next_byte(&mut self.inner) else {
                break;
            };
            let v = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                b'>' => break,
                _ => continue,
            };
            match hi.take() {
                None => hi = Some(v),
                Some(h) => {
                    if let Some(slot) = out.get_mut(n) {
                        *slot = h << 4 | v;
                    }
                    n += 1;
                }
            }
        }
        if let (Some(h), Some(slot)) = (hi, out.get_mut(n)) {
            *slot = h << 4;
            n += 1;
        }
        Ok(n)
    }
}

/// ASCII85 as a reader.
struct Ascii85Reader<'a> {
    inner: Box<dyn Read + 'a>,
    pending: [u8; 4],
    npending: usize,
    done: bool,
}

impl<'a> Ascii85Reader<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        Ascii85Reader {
            inner,
            pending: [0; 4],
            npending: 0,
            done: false,
        }
    }

    /// Decodes the next group into `pending`.
    fn fill(&mut self) {
        let mut group = [0u32; 5];
        let mut k = 0;
        while k < 5 {
            let Some(c) = next_byte(&mut self.inner) else {
                break;
            };
            match c {
                b'z' if k == 0 => {
                    self.pending = [0; 4];
                    self.npending = 4;
                    return;
                }
                b'!'..=b'u' => {
                    if let Some(g) = group.get_mut(k) {
                        *g = u32::from(c - b'!');
                    }
                    k += 1;
                }
                b'~' => break,
                _ => {}
            }
        }
        if k < 5 {
            self.done = true;
        }
        if k <= 1 {
            self.npending = 0;
            return;
        }
        for g in group.iter_mut().skip(k) {
            *g = 84;
        }
        let v = group
            .iter()
            .fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        self.pending = v.to_be_bytes();
        self.npending = k - 1;
    }
}

impl Read for Ascii85Reader<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        let mut from = 0usize;
        while n < out.len() {
            if from >= self.npending {
                if self.done {
                    break;
                }
                self.fill();
                from = 0;
                if self.npending == 0 {
                    break;
                }
                continue;
            }
            if let (Some(slot), Some(&b)) = (out.get_mut(n), self.pending.get(from)) {
                *slot = b;
            }
            n += 1;
            from += 1;
        }
        // Bytes of the last group not given yet.
        if from < self.npending {
            self.pending.rotate_left(from);
            self.npending -= from;
        } else {
            self.npending = 0;
        }
        Ok(n)
    }
}

// ------------------------------------------------------------------ lexing

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Int,
    Real,
    Word,
    Str,
    OpenArr,
    CloseArr,
    OpenDict,
    CloseDict,
}

/// One token; names and words keep their first 16 bytes.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    int: i64,
    buf: [u8; 16],
    len: u8,
}

impl Tok {
    fn bare(kind: Kind) -> Tok {
        Tok {
            kind,
            int: 0,
            buf: [0; 16],
            len: 0,
        }
    }
    fn text(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Normal,
    Comment,
    Literal {
        nest: u32,
        escape: bool,
    },
    Hex,
    LtSeen,
    GtSeen,
    Regular,
    Name,
    /// Inline image data after `ID`: 0 = in data, 1 = after whitespace,
    /// 2 = after whitespace `E`, 3 = after whitespace `EI`.
    Inline(u8),
}

/// Byte classes: 1 = whitespace, 2 = delimiter, 0 = regular.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let ws = b" \n\r\t\x0c\0";
    let mut k = 0;
    while k < ws.len() {
        t[ws[k] as usize] = 1;
        k += 1;
    }
    let delims = b"()<>[]{}/%";
    let mut k = 0;
    while k < delims.len() {
        t[delims[k] as usize] = 2;
        k += 1;
    }
    t
};

fn is_ws(b: u8) -> bool {
    CLASS[usize::from(b)] == 1
}

fn is_delim(b: u8) -> bool {
    CLASS[usize::from(b)] == 2
}

/// Whitespace or delimiter: the end of a name, number or keyword.
fn ends_token(b: u8) -> bool {
    CLASS[usize::from(b)] != 0
}

/// A byte-at-a-time PDF lexer: no lookahead beyond one byte and no
/// recursion, so it can be fed decoded chunks as they come.
struct Lexer {
    state: Lex,
    buf: [u8; 16],
    len: usize,
    /// Content-stream mode: `ID` starts inline image data.
    content: bool,
}

impl Lexer {
    fn new(content: bool) -> Lexer {
        Lexer {
            state: Lex::Normal,
            buf: [0; 16],
            len: 0,
            content,
        }
    }

    fn reset(&mut self) {
        self.state = Lex::Normal;
        self.len = 0;
    }

    fn add(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn word(&self) -> Tok {
        let text = self.buf.get(..self.len).unwrap_or_default();
        let mut t = Tok {
            kind: Kind::Word,
            int: 0,
            buf: self.buf,
            len: u8::try_from(self.len).unwrap_or(16),
        };
        let digits = text.strip_prefix(b"+").or_else(|| text.strip_prefix(b"-"));
        let (neg, digits) = match digits {
            Some(d) => (text.first() == Some(&b'-'), d),
            None => (false, text),
        };
        if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
            t.kind = Kind::Int;
            let v = digits.iter().fold(0i64, |acc, d| {
                acc.saturating_mul(10).saturating_add(i64::from(d - b'0'))
            });
            t.int = if neg { -v } else { v };
        } else if text
            .first()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'))
        {
            t.kind = Kind::Real;
        }
        t
    }

    /// Ends the input: gives any token still being read.
    fn finish(&mut self, out: &mut impl FnMut(Tok) -> bool) {
        match self.state {
            Lex::Regular => {
                out(self.word());
            }
            Lex::Name => {
                let mut t = self.word();
                t.kind = Kind::Name;
                out(t);
            }
            _ => {}
        }
        self.reset();
    }

    /// Lexes `data`, giving each token to `out`; stops early when `out`
    /// returns `true`, returning the position after the token (its
    /// terminating byte, if any, not consumed).
    fn feed(&mut self, data: &[u8], out: &mut impl FnMut(Tok) -> bool) -> Option<usize> {
        let mut i = 0usize;
        while let Some(rest) = data.get(i..).filter(|r| !r.is_empty()) {
            match self.state {
                Lex::Normal => {
                    let skip = rest.iter().take_while(|&&c| is_ws(c)).count();
                    i += skip;
                    let Some(&b) = rest.get(skip) else {
                        continue;
                    };
                    i += 1;
                    let tok = match b {
                        b'%' => {
                            self.state = Lex::Comment;
                            None
                        }
                        b'(' => {
                            self.state = Lex::Literal {
                                nest: 0,
                                escape: false,
                            };
                            None
                        }
                        b'<' => {
                            self.state = Lex::LtSeen;
                            None
                        }
                        b'>' => {
                            self.state = Lex::GtSeen;
                            None
                        }
                        b'[' => Some(Tok::bare(Kind::OpenArr)),
                        b']' => Some(Tok::bare(Kind::CloseArr)),
                        b'/' => {
                            self.len = 0;
                            self.state = Lex::Name;
                            None
                        }
                        _ if is_delim(b) => None,
                        _ => {
                            self.len = 0;
                            self.add(b);
                            self.state = Lex::Regular;
                            None
                        }
                    };
                    if let Some(t) = tok {
                        if out(t) {
                            return Some(i);
                        }
                    }
                }
                Lex::Comment => match rest.iter().position(|&c| c == b'\n' || c == b'\r') {
                    Some(p) => {
                        i += p + 1;
                        self.state = Lex::Normal;
                    }
                    None => i = data.len(),
                },
                Lex::Literal { nest, escape } => {
                    if escape {
                        i += 1;
                        self.state = Lex::Literal {
                            nest,
                            escape: false,
                        };
                        continue;
                    }
                    let Some(p) = rest.iter().position(|&c| matches!(c, b'\\' | b'(' | b')'))
                    else {
                        i = data.len();
                        continue;
                    };
                    i += p + 1;
                    match rest.get(p) {
                        Some(b'\\') => self.state = Lex::Literal { nest, escape: true },
                        Some(b'(') => {
                            self.state = Lex::Literal {
                                nest: nest.saturating_add(1),
                                escape: false,
                            }
                        }
                        _ if nest > 0 => {
                            self.state = Lex::Literal {
                                nest: nest - 1,
                                escape: false,
                            }
                        }
                        _ => {
                            self.state = Lex::Normal;
                            if out(Tok::bare(Kind::Str)) {
                                return Some(i);
                            }
                        }
                    }
                }
                Lex::Hex => match rest.iter().position(|&c| c == b'>') {
                    Some(p) => {
                        i += p + 1;
                        self.state = Lex::Normal;
                        if out(Tok::bare(Kind::Str)) {
                            return Some(i);
                        }
                    }
                    None => i = data.len(),
                },
                Lex::LtSeen => {
                    if rest.first() == Some(&b'<') {
                        i += 1;
                        self.state = Lex::Normal;
                        if out(Tok::bare(Kind::OpenDict)) {
                            return Some(i);
                        }
                    } else {
                        self.state = Lex::Hex;
                    }
                }
                Lex::GtSeen => {
                    self.state = Lex::Normal;
                    if rest.first() == Some(&b'>') {
                        i += 1;
                        if out(Tok::bare(Kind::CloseDict)) {
                            return Some(i);
                        }
                    }
                }
                Lex::Regular | Lex::Name => {
                    let end = rest.iter().position(|&c| ends_token(c));
                    let body = rest.get(..end.unwrap_or(rest.len())).unwrap_or_default();
                    let take = body.len().min(16usize.saturating_sub(self.len));
                    if let (Some(dst), Some(src)) = (
                        self.buf.get_mut(self.len..self.len + take),
                        body.get(..take),
                    ) {
                        dst.copy_from_slice(src);
                        self.len += take;
                    }
                    i += body.len();
                    if end.is_none() {
                        continue;
                    }
                    let mut t = self.word();
                    if self.state == Lex::Name {
                        t.kind = Kind::Name;
                    }
                    self.state = if self.content && t.kind == Kind::Word && t.text() == b"ID" {
                        Lex::Inline(0)
                    } else {
                        Lex::Normal
                    };
                    if out(t) {
                        return Some(i);
                    }
                }
                Lex::Inline(stage) => {
                    let b = rest.first().copied().unwrap_or(b' ');
                    if stage == 3 && (is_ws(b) || is_delim(b)) {
                        self.state = Lex::Normal;
                        let mut t = Tok::bare(Kind::Word);
                        t.buf[0] = b'E';
                        t.buf[1] = b'I';
                        t.len = 2;
                        if out(t) {
                            return Some(i);
                        }
                        continue;
                    }
                    i += 1;
                    self.state = match (stage, b) {
                        (1, b'E') => Lex::Inline(2),
                        (2, b'I') => Lex::Inline(3),
                        _ if is_ws(b) => Lex::Inline(1),
                        _ => Lex::Inline(0),
                    };
                }
            }
        }
        None
    }
}

/// Counts a content stream's operators and nesting.
#[derive(Default)]
struct ContentScan {
    depth: u32,
    max_depth: u32,
    ops: u64,
}

impl ContentScan {
    fn token(&mut self, t: Tok) {
        match t.kind {
            Kind::OpenArr | Kind::OpenDict => {
                self.depth = self.depth.saturating_add(1);
                self.max_depth = self.max_depth.max(self.depth);
            }
            Kind::CloseArr | Kind::CloseDict => self.depth = self.depth.saturating_sub(1),
            Kind::Word if !matches!(t.text(), b"true" | b"false" | b"null") => self.ops += 1,
            _ => {}
        }
    }
}

/// The keys of an object's top dictionary the pre-pass cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Type,
    Subtype,
    Filter,
    Length,
    N,
    Size,
    Contents,
    /// A key found only on binary streams (fonts, images, ICC profiles).
    BinaryHint,
    Other,
}

impl Key {
    fn from_name(n: &[u8]) -> Key {
        match n {
            b"Type" => Key::Type,
            b"Subtype" => Key::Subtype,
            b"Filter" => Key::Filter,
            b"Length" => Key::Length,
            b"N" => Key::N,
            b"Size" => Key::Size,
            b"Contents" => Key::Contents,
            b"Length1" | b"Length2" | b"Length3" | b"Width" | b"BitsPerComponent"
            | b"ImageMask" | b"Alternate" => Key::BinaryHint,
            _ => Key::Other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StreamKind {
    Content,
    Objects,
    Binary,
}

/// Facts about the current object's top dictionary.
#[derive(Debug, Default)]
struct Facts {
    filters: Vec<Filter>,
    length: Option<i64>,
    n: Option<i64>,
    page: bool,
    objstm: bool,
    binary: bool,
    contents: Vec<u64>,
}

impl Facts {
    fn kind(&self) -> StreamKind {
        if self.objstm {
            StreamKind::Objects
        } else if self.binary || self.n.is_some() || self.filters.contains(&Filter::Other) {
            StreamKind::Binary
        } else {
            StreamKind::Content
        }
    }
}

/// Follows the objects of a file (or of an object stream) token by token.
struct ObjScan {
    /// Whether `stream` keywords start stream data (the file itself).
    top: bool,
    depth: u32,
    max_depth: u32,
    objects: u64,
    /// The largest `/Size` claimed.
    size_claim: i64,
    cur_obj: Option<u64>,
    facts: Facts,
    /// In the top dictionary: the next token is a key.
    expect_key: bool,
    /// The key whose value is being read.
    key: Key,
    /// The last two integers seen (for `N G R` and `N G obj`).
    ints: [Option<i64>; 2],
    pages: Vec<Vec<u64>>,
    stream_pending: bool,
}

impl ObjScan {
    fn new(top: bool) -> ObjScan {
        ObjScan {
            top,
            depth: 0,
            max_depth: 0,
            objects: 0,
            size_claim: 0,
            cur_obj: None,
            facts: Facts::default(),
            expect_key: false,
            key: Key::Other,
            ints: [None; 2],
            pages: Vec::new(),
            stream_pending: false,
        }
    }

    /// Whether this scan has exceeded a limit (see [`ObjScan::take_error`]).
    fn over(&self, st: &State) -> bool {
        self.max_depth > st.limits.max_nesting_depth
            || self.size_claim > i64::try_from(st.limits.max_objects).unwrap_or(i64::MAX)
            || st.stats.objects.saturating_add(self.objects) > st.limits.max_objects
    }

    /// The first limit this scan has exceeded so far.
    fn take_error(&self, st: &State) -> Option<PdfError> {
        if self.max_depth > st.limits.max_nesting_depth {
            return Some(st.depth_error());
        }
        let claimed = u64::try_from(self.size_claim).unwrap_or(0);
        let objects = st.stats.objects.saturating_add(self.objects);
        if objects > st.limits.max_objects || claimed > st.limits.max_objects {
            return Some(st.objects_error());
        }
        None
    }

    fn value_name(&mut self, n: &[u8]) {
        match self.key {
            Key::Type => match n {
                b"Page" => self.facts.page = true,
                b"ObjStm" => self.facts.objstm = true,
                b"XRef" | b"Metadata" | b"EmbeddedFile" => self.facts.binary = true,
                _ => {}
            },
            Key::Subtype if n != b"Form" => self.facts.binary = true,
            Key::Filter => self.facts.filters.push(Filter::from_name(n)),
            _ => {}
        }
    }

    fn token(&mut self, t: Tok) {
        let prev = self.ints;
        self.ints = match t.kind {
            Kind::Int => [self.ints[1], Some(t.int)],
            _ => [None, None],
        };
        match t.kind {
            Kind::OpenArr | Kind::OpenDict => {
                if self.depth == 0 && t.kind == Kind::OpenDict {
                    self.facts = Facts::default();
                    self.expect_key = true;
                }
                self.depth = self.depth.saturating_add(1);
                self.max_depth = self.max_depth.max(self.depth);
            }
            Kind::CloseArr | Kind::CloseDict => {
                self.depth = self.depth.saturating_sub(1);
                match self.depth {
                    0 if t.kind == Kind::CloseDict && self.facts.page => {
                        self.pages.push(std::mem::take(&mut self.facts.contents));
                    }
                    1 => {
                        self.expect_key = true;
                        self.key = Key::Other;
                    }
                    _ => {}
                }
            }
            Kind::Word => match t.text() {
                b"obj" => {
                    self.objects += 1;
                    self.cur_obj = prev[0].and_then(|n| u64::try_from(n).ok());
                    self.depth = 0;
                    self.facts = Facts::default();
                }
                b"endobj" | b"trailer" | b"xref" => {
                    self.depth = 0;
                }
                b"stream" if self.top => {
                    self.stream_pending = true;
                }
                b"R" => {
                    let target = prev[0].and_then(|n| u64::try_from(n).ok());
                    match (self.depth, self.key) {
                        (1, Key::Length) => self.facts.length = None,
                        (1, Key::Contents) => {
                            // `/Contents N G R`: the value read was N.
                            self.facts.contents.clear();
                            self.facts.contents.extend(target);
                        }
                        (2, Key::Contents) => self.facts.contents.extend(target),
                        _ => {}
                    }
                }
                _ => {
                    if self.depth == 1 && !self.expect_key {
                        self.expect_key = true;
                    }
                }
            },
            Kind::Name => match self.depth {
                1 if self.expect_key => {
                    self.key = Key::from_name(t.text());
                    if self.key == Key::BinaryHint {
                        self.facts.binary = true;
                    }
                    self.expect_key = false;
                }
                1 => {
                    self.value_name(t.text());
                    self.expect_key = true;
                }
                2 if self.key == Key::Filter => {
                    self.facts.filters.push(Filter::from_name(t.text()))
                }
                _ => {}
            },
            Kind::Int => {
                if self.depth == 1 && !self.expect_key {
                    match self.key {
                        Key::Length => self.facts.length = Some(t.int),
                        Key::N => self.facts.n = Some(t.int),
                        Key::Size => self.size_claim = self.size_claim.max(t.int),
                        Key::Contents => {
                            self.facts.contents.clear();
                            self.facts.contents.extend(u64::try_from(t.int).ok());
                        }
                        _ => {}
                    }
                    self.expect_key = true;
                }
                // Otherwise: the generation of a reference (`N G R`), or
                // inside a nested value.
            }
            Kind::Real | Kind::Str => {
                if self.depth == 1 {
                    self.expect_key = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(raw: &[u8], filters: &[Filter]) -> Vec<u8> {
        let mut out = Vec::new();
        decode(raw, filters, &mut |c| {
            out.extend_from_slice(c);
            true
        });
        out
    }

    #[test]
    fn ascii_filters_decode() {
        assert_eq!(chunks(b"48 65 6c6C6f>", &[Filter::AsciiHex]), b"Hello");
        assert_eq!(
            chunks(b"87cURD]i,\"Ebo80~>", &[Filter::Ascii85]),
            b"Hello World!"
        );
        assert_eq!(chunks(b"z~>", &[Filter::Ascii85]), [0, 0, 0, 0]);
        // RunLength: 2 literal bytes, then 'x' four times, then EOD.
        assert_eq!(
            chunks(&[1, b'a', b'b', 253, b'x', 128], &[Filter::RunLength]),
            b"abxxxx"
        );
    }

    #[test]
    fn lzw_decodes_the_spec_example() {
        // PDF 32000-1, 7.4.4.2: "-----A---B" encoded with LZW.
        let raw = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(chunks(&raw, &[Filter::Lzw]), b"-----A---B");
    }

    #[test]
    fn content_operators_and_inline_images() {
        let mut lx = Lexer::new(true);
        let mut cs = ContentScan::default();
        let data =
            b"q 1 0 0 1 0 0 cm BT /F1 12 Tf [(a) 3 (b)] TJ ET\nBI /W 1 /H 1 ID \x5b\x5b\x5b EI Q";
        // Fed in two pieces, split inside a token, as decoded chunks come.
        let (a, b) = data.split_at(20);
        for piece in [a, b] {
            lx.feed(piece, &mut |t| {
                cs.token(t);
                false
            });
        }
        lx.finish(&mut |t| {
            cs.token(t);
            false
        });
        // q cm BT Tf TJ ET BI ID EI Q
        assert_eq!(cs.ops, 10);
        assert_eq!(cs.max_depth, 1);
    }
}
