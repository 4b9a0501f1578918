//! A flattened wide tracker table: what a text extractor makes of a
//! landscape tracker (workstream, ref, action, leads, dates, risk, and a
//! status + update pair per reporting month). Cells come out one after the
//! other, wrapped cells as runs of short lines, several cells sometimes on
//! one line:
//!
//! ```text
//! Theme 2 - Service Delivery
//! July  Update Due
//! Workstream Ref Action Director Lead Cabinet Member Other Leads …
//! Status (June 2024) Update (Initial and Date)(June 2024) Status (July 2024) …
//!
//! Housing
//! Standards
//!
//! HS.B1.2 Review the repairs policy Director - Housing Cabinet Member for
//! Homes Sep-23 Mar-24 N/A
//! On Track-
//! little or no
//! slippage
//! …
//! ```
//!
//! Reading it takes three steps:
//!
//! 1. Page structure ([`page`]): the printed column header (a line naming
//!    several known headers, `plantab_vocab::match_header`, with its wrapped
//!    continuation lines), page furniture (lines repeated around every
//!    header and seldom elsewhere), section headings (a short line after a
//!    page break above a header), and a status legend before the first table.
//! 2. Rows ([`ids`]): a row starts at a line holding an identifier in the
//!    document's numbering scheme (`HS.B1.2`, `HSG-04` or `2.3.1`: the
//!    scheme most lines begin with); the short paragraph printed just
//!    before it, or the words before it on its line, are its workstream.
//! 3. Columns ([`schema`], [`cells`]): what each printed column holds comes
//!    from its header's key in the header vocabulary
//!    (`plantab_vocab::column_kind`: text, owner, date, risk, status,
//!    update); each row's words are split by evidence — role titles
//!    learned from the document ([`roles`]), dates, the risk value, status
//!    labels and update prose — and the titles go to the leads columns by
//!    what each takes (an elected member's title, several titles).
//!
//! A tracker printed without a header (or whose headers name no
//! identifier column) is read by what its cells hold: the identifier, the
//! workstream above or before it, the action, an officer's, an elected
//! member's and other leads' titles, start and due dates, a "Word N" risk
//! value when the document prints such values in a fifth of its rows, and
//! as many status / update pairs as the row printing the most status
//! labels needs; the columns no row fills are dropped, the others named
//! from the vocabulary's labels, and a `header_inferred` warning lists
//! them. A text in which no line begins a row says so in an
//! `unparsed_text` warning and is kept as text blocks.
//!
//! Every word of the input ends up in exactly one place: a row cell, a
//! heading or text block, the legend, or the dropped header / furniture
//! lines ([`FlattenedRead::dropped`]).
//!
//! ## Modules
//!
//! Each module uses only modules below it in this list (the graph is a
//! DAG, tests included; the last six use nothing of the reader's own):
//!
//! ```text
//! flattened  the two passes over the rows; blocks in reading order
//!            → cells, roles, anchors, page, schema, tokens, dates, ids, lines, words
//! cells      a row's words → its columns          → roles, anchors, tokens, schema, dates
//! roles      role titles in the leads columns     → anchors (tests), tokens, facts, lines (tests)
//! anchors    where cells may begin; the risk word → tokens
//! page       headers, furniture, headings         → tokens, facts, ids, lines, words
//! tokens     rows' words with their layout, dates and labels over them,
//!            the word table, the packed store     → interner, facts, dates, labels, lines, words
//! facts      what one printed word says by itself → dates
//! ids        row identifiers and numbering schemes → words
//! schema     what the columns hold, from the header vocabulary
//! interner   distinct words numbered
//! dates      date words and how a date begins
//! labels     status labels over a run of words
//! lines      the lines, by number and byte offset
//! words      a line's words with their offsets
//! ```

mod anchors;
mod cells;
mod dates;
mod facts;
mod ids;
mod interner;
mod labels;
mod lines;
mod page;
mod roles;
mod schema;
mod tokens;
mod words;

use cells::Context;
use ids::row_id;
use lines::Lines;
use page::{classify, Classified, LineRole};
use plantab_model::{
    Block, FragmentRow, Layout, Legend, LegendItem, SourceFormat, TableFragment, TextBlock,
    Warning, WarningCode,
};
use schema::Schema;
use tokens::{push_rendered, render, status_at, Compacts, Tok, WordTable};

/// True when the text looks like a flattened tracker: few tab characters,
/// at least three lines beginning a row (after an optional short
/// workstream name) with an identifier of one numbering scheme, and a
/// column-header line naming several known headers including an
/// identifier column.
///
/// Cheap on text of any shape: lines are counted, and tab characters and
/// identifier candidates found, by byte search over the whole text; only
/// lines holding a candidate are split into words, and the header search
/// runs only once three identifier lines are found.
pub fn looks_flattened(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `str::lines` count: one per newline, plus an unterminated last line.
    let newlines = memchr::memchr_iter(b'\n', bytes).count();
    let n_lines = newlines + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"));
    let limit = n_lines.max(1);
    // Lines holding a tab, counted once each.
    let mut tabbed = 0usize;
    let mut from = 0;
    while let Some(t) = bytes.get(from..).and_then(|b| memchr::memchr(b'\t', b)) {
        tabbed += 1;
        if tabbed * 20 > limit {
            return false;
        }
        let at = from + t;
        match bytes.get(at..).and_then(|b| memchr::memchr(b'\n', b)) {
            Some(nl) => from = at + nl + 1,
            None => break,
        }
    }
    // Three lines beginning a row in one scheme. `floor` is the start of
    // the line the search is in.
    let mut rows = [0usize; 3];
    let (mut search, mut floor) = (0, 0);
    let mut enough = false;
    while let Some(d) = bytes
        .get(search..)
        .and_then(|b| memchr::memchr2(b'.', b'-', b))
    {
        let at = search + d;
        if !ids::may_hold_id_at(bytes, at) {
            search = at + 1;
            continue;
        }
        let start = bytes
            .get(floor..at)
            .and_then(|b| memchr::memrchr(b'\n', b))
            .map_or(floor, |p| floor + p + 1);
        let nl = bytes.get(at..).and_then(|b| memchr::memchr(b'\n', b));
        let end = nl.map_or(bytes.len(), |p| at + p);
        let Some(line) = text.get(start..end) else {
            break;
        };
        // As `str::lines` gives it: "\r\n" ends a line.
        let line = match nl {
            Some(_) => line.strip_suffix('\r').unwrap_or(line),
            None => line,
        };
        let marks = ids::schemes_on_line(line);
        for (k, n) in rows.iter_mut().enumerate() {
            *n += usize::from(marks & (1 << k) != 0);
            enough |= *n >= 3;
        }
        if enough {
            break;
        }
        // Each line is looked at once.
        search = end + 1;
        floor = end + 1;
    }
    let mut memo = page::HeaderMemo::default();
    enough
        && (text
            .lines()
            .any(|l| page::is_header_core_memo(l, &mut memo))
            || headerless_tracker(text))
}

/// A tracker printed without a column header: at least three lines begin
/// a row with its text after the identifier, in one lettered scheme
/// (numbered paragraphs are common in prose), and at least three lines
/// print a dashed date ("Mar-26", "22-Sep") as date columns do.
fn headerless_tracker(text: &str) -> bool {
    let mut rows = [0usize; 2];
    let mut dated = 0usize;
    for l in text.lines() {
        // Identifiers and dashed dates print a dot or a dash.
        if memchr::memchr2(b'.', b'-', l.as_bytes()).is_none() {
            continue;
        }
        for (n, scheme) in rows
            .iter_mut()
            .zip([ids::Scheme::Dotted, ids::Scheme::Dashed])
        {
            let with_text = ids::row_id(l, scheme)
                .is_some_and(|(_, _, after)| l.get(after..).is_some_and(|t| !words::is_blank(t)));
            *n += usize::from(with_text);
        }
        dated += usize::from(
            words::words(l)
                .filter(|w| w.contains('-'))
                .any(|w| dates::DateFacts::of(w).dashed()),
        );
        if dated >= 3 && rows.iter().any(|&n| n >= 3) {
            return true;
        }
    }
    false
}

/// A flattened tracker read, with what was left out of the layout.
#[derive(Debug, Clone)]
pub struct FlattenedRead {
    /// The layout (format Text, no pages).
    pub layout: Layout,
    /// Lines dropped as repeated column headers or page furniture:
    /// (1-based line, text as printed).
    pub dropped: Vec<(usize, String)>,
}

/// Reads a flattened tracker.
pub fn read_flattened(text: &str) -> Layout {
    read(text, false).layout
}

/// One row found in the text.
struct RowSpan<'a> {
    /// 0-based first line (workstream or identifier line).
    start: usize,
    workstream: String,
    id: &'a str,
    /// Its words (after the identifier), kept in the document's store.
    toks: tokens::Stored<'a>,
}

/// Reads a flattened tracker and reports the lines it dropped.
pub fn read_flattened_detailed(text: &str) -> FlattenedRead {
    read(text, true)
}

/// Reads a flattened tracker; the dropped lines are listed when
/// `list_dropped` is set.
fn read(text: &str, list_dropped: bool) -> FlattenedRead {
    let lines = Lines::new(text);
    // Every line's words, as numbers of distinct words.
    let mut table = WordTable::default();
    table.index_lines(&lines);
    let Classified {
        roles,
        blocks,
        scheme,
        has_ref,
    } = classify(&lines, &table);
    let mut warnings = Vec::new();

    // The columns, from the fullest printed header (the first of those).
    let printed = blocks
        .iter()
        .max_by_key(|b| (b.labels.len(), std::cmp::Reverse(b.first)))
        .and_then(|b| Schema::from_labels(&b.labels));

    // Where the tables begin: the first header, furniture or heading line;
    // without a header, the first row.
    let tables_from = roles
        .iter()
        .position(|r| !matches!(r, LineRole::Blank | LineRole::Content))
        .or_else(|| has_ref.iter().position(|&r| r))
        .unwrap_or(lines.len());
    let headerless =
        tables_from < lines.len() && roles.get(tables_from) == Some(&LineRole::Content);

    // Rows: (line, text before the identifier, identifier, where the text
    // after it begins in the line). Only the lines `classify` found an
    // identifier on are looked at again.
    let ref_lines: Vec<(usize, &str, &str, usize)> = (tables_from..lines.len())
        .filter(|&i| {
            has_ref.get(i).copied().unwrap_or(false) && roles.get(i) == Some(&LineRole::Content)
        })
        .filter_map(|i| {
            let (before, id, after) = row_id(lines.get(i)?, scheme?)?;
            Some((i, before, id, after))
        })
        .collect();
    let mut starts: Vec<(usize, String)> = Vec::with_capacity(ref_lines.len()); // (start line, workstream)
    let mut toks: Vec<Tok> = Vec::new();
    let mut room = Compacts::default();
    let mut ws_words: Vec<&str> = Vec::new();
    for (k, &(ri, before, _, _)) in ref_lines.iter().enumerate() {
        if !before.is_empty() {
            starts.push((ri, norm_ws(before)));
            continue;
        }
        let floor = if k == 0 {
            // Without a header, the first row's workstream may be printed
            // above it.
            if headerless {
                0
            } else {
                tables_from
            }
        } else {
            ref_lines.get(k - 1).map(|x| x.0 + 1).unwrap_or(0)
        };
        let room = Room {
            toks: &mut toks,
            compacts: &mut room,
            words: &mut ws_words,
        };
        match workstream_above(&lines, &roles, ri, floor, &mut table, room) {
            Some((s, ws)) => starts.push((s, ws)),
            None => starts.push((ri, String::new())),
        }
    }
    // Without a header, the text before the first row (its workstream
    // included) is before the table.
    let tables_from = match starts.first() {
        Some(&(s, _)) if headerless => s,
        _ => tables_from,
    };
    // Each row's words, read once and kept packed; the risk word, the
    // role phrases' row counts and the most status labels a row prints
    // are learned on the way.
    let mut store = tokens::TokStore::new(text);
    let mut risk_words = anchors::RiskWords::default();
    let mut rows: Vec<RowSpan> = Vec::with_capacity(ref_lines.len());
    let mut anchor: Vec<bool> = Vec::new();
    let mut lexicon = roles::RoleLexicon::default();
    let mut periods = 0usize;
    for (k, &(ri, _, id, after)) in ref_lines.iter().enumerate() {
        let Some((start, ws)) = starts.get_mut(k).map(|(s, w)| (*s, std::mem::take(w))) else {
            continue;
        };
        let end = starts.get(k + 1).map(|(s, _)| *s).unwrap_or(lines.len());
        // The identifier line from the identifier on, then the row's
        // lines; a line of another role reads as a blank one.
        let pieces =
            std::iter::once((ri, after)).chain((ri + 1..end.max(ri + 1)).map(
                |i| match roles.get(i) {
                    Some(LineRole::Content) | Some(LineRole::Blank) => (i, 0),
                    _ => (i, lines.at(i).len()),
                },
            ));
        tokens::tokenize_into(&lines, pieces, &mut table, &mut toks, &mut room);
        tokens::annotate_prepared(&mut toks, &room);
        risk_words.add(&toks);
        anchors::anchors_without_risk_word_into(&toks, &mut anchor);
        lexicon.add_row(&toks, &anchor, &room);
        if printed.is_none() {
            periods = periods.max(cells::labels_in(&toks));
        }
        rows.push(RowSpan {
            start,
            workstream: ws,
            id,
            toks: store.push(&toks, &table),
        });
    }
    let mut out: Vec<Block> = Vec::new();
    read_legend(&lines, tables_from, &mut table, &mut out);
    // The lines' words are needed no more (the words' own facts stay).
    table.forget_lines();
    drop(has_ref);

    // Learn from the whole document, then split each row: the rows in
    // line order (their start lines strictly increase: a row's workstream
    // lies below the previous row's identifier line).
    let risk_word = risk_words.finish();
    lexicon.settle(risk_word.as_deref());
    let inferred = printed.is_none();
    let schema = match printed {
        Some(s) => s,
        None => Schema::inferred(periods, risk_word.is_some()),
    };
    let mut row_at: Vec<(usize, FragmentRow)> = Vec::with_capacity(rows.len());
    {
        let ctx = Context {
            words: &table,
            lexicon,
            risk_word,
            tail: schema.tail.iter().map(|(_, k)| *k).collect(),
            has_risk: schema.risk.is_some(),
            leads: schema.lead_cols(),
        };
        let mut parts = cells::RowParts::default();
        for r in &rows {
            store.load(&r.toks, &table, &mut toks);
            anchors::anchors_into(&toks, ctx.risk_word.as_deref(), &mut anchor);
            cells::split_row_into(&toks, &anchor, &ctx, &mut parts);
            row_at.push((
                r.start,
                FragmentRow {
                    cells: place(&schema, r, &parts),
                    spanning: false,
                    line: Some(r.start + 1),
                    bbox: None,
                    spans: Vec::new(),
                },
            ));
        }
    }
    drop(store);
    drop(table);
    // Read without a printed header: the columns some row fills, named
    // from the vocabulary.
    let inferred_header = (inferred && !rows.is_empty())
        .then(|| project_inferred(&schema, &mut row_at, &mut warnings));
    if rows.is_empty() {
        warnings.push(Warning::new(
            WarningCode::UnparsedText,
            match scheme {
                None => "no tracker rows: no line begins with a row identifier (such as HS.B1.2, \
                         HSG-04 or 2.3.1); the text is kept as text blocks"
                    .to_string(),
                Some(_) => "no tracker rows: no line after the column header begins with a row \
                            identifier; the text is kept as text blocks"
                    .to_string(),
            },
        ));
    }
    drop(rows);
    // Lines inside some row's span (start to the next row's start).
    let mut row_line = vec![false; lines.len()];
    for (k, (s, _)) in starts.iter().enumerate() {
        let e = starts.get(k + 1).map(|(s2, _)| *s2).unwrap_or(lines.len());
        for x in row_line.iter_mut().take(e).skip(*s) {
            *x = true;
        }
    }
    let in_row = |i: usize| row_line.get(i).copied().unwrap_or(false);

    // Emit blocks in reading order.
    let mut dropped = Vec::new();
    let mut frag: Option<TableFragment> = None;
    // The rows not yet emitted, first line first.
    let mut row_at = row_at.into_iter().peekable();
    let mut orphan: Vec<(usize, &str)> = Vec::new();
    let flush_orphan = |orphan: &mut Vec<(usize, &str)>,
                        out: &mut Vec<Block>,
                        frag: &mut Option<TableFragment>,
                        warnings: &mut Vec<Warning>| {
        if orphan.is_empty() {
            return;
        }
        if let Some(f) = frag.take() {
            out.push(Block::Table(f));
        }
        let first = orphan.first().map(|(i, _)| *i + 1);
        let text = orphan
            .iter()
            .map(|(_, t)| t.trim())
            .collect::<Vec<_>>()
            .join("\n");
        warnings.push(
            Warning::new(
                WarningCode::UnparsedText,
                "text outside any row kept as a text block",
            )
            .at_line(first),
        );
        out.push(Block::Text(TextBlock {
            text,
            page: None,
            line: first,
            heading: None,
            bbox: None,
        }));
        orphan.clear();
    };
    for i in tables_from..lines.len() {
        let Some(role) = roles.get(i) else { continue };
        let line = lines.at(i);
        match role {
            LineRole::Blank => {}
            LineRole::Furniture => {
                if list_dropped {
                    dropped.push((i + 1, line.to_string()));
                }
            }
            LineRole::Header(b) => {
                let b = *b as usize;
                if list_dropped {
                    dropped.push((i + 1, line.to_string()));
                }
                if blocks.get(b).is_some_and(|hb| hb.first == i) {
                    flush_orphan(&mut orphan, &mut out, &mut frag, &mut warnings);
                    if let Some(f) = frag.take() {
                        out.push(Block::Table(f));
                    }
                    let header = match &inferred_header {
                        Some(h) => Some(h.clone()),
                        None => blocks.get(b).map(|hb| {
                            if hb.labels.len() == schema.width {
                                hb.labels.iter().map(|(t, _)| t.clone()).collect()
                            } else {
                                schema.header.clone().unwrap_or_default()
                            }
                        }),
                    };
                    frag = Some(TableFragment {
                        page: None,
                        header,
                        rows: Vec::new(),
                        bbox: None,
                        line: Some(i + 1),
                        header_cells: Vec::new(),
                    });
                }
            }
            LineRole::Heading => {
                flush_orphan(&mut orphan, &mut out, &mut frag, &mut warnings);
                if let Some(f) = frag.take() {
                    out.push(Block::Table(f));
                }
                out.push(Block::Text(TextBlock {
                    text: norm_ws(line),
                    page: None,
                    line: Some(i + 1),
                    heading: Some(2),
                    bbox: None,
                }));
            }
            LineRole::Content => {
                // A row whose first line was passed is never emitted
                // (as with a look-up by line).
                while row_at.next_if(|(s, _)| *s < i).is_some() {}
                if let Some((_, row)) = row_at.next_if(|(s, _)| *s == i) {
                    flush_orphan(&mut orphan, &mut out, &mut frag, &mut warnings);
                    let f = frag.get_or_insert_with(|| TableFragment {
                        page: None,
                        header: inferred_header.clone(),
                        rows: Vec::new(),
                        bbox: None,
                        line: Some(i + 1),
                        header_cells: Vec::new(),
                    });
                    f.rows.push(row);
                } else if !in_row(i) {
                    orphan.push((i, line));
                }
            }
        }
    }
    flush_orphan(&mut orphan, &mut out, &mut frag, &mut warnings);
    if let Some(f) = frag.take() {
        out.push(Block::Table(f));
    }
    FlattenedRead {
        layout: Layout {
            format: SourceFormat::Text,
            pages: None,
            blocks: out,
            warnings,
        },
        dropped,
    }
}

/// Keeps the columns of an inferred schema that some row fills, in the
/// rows' cells too, and says so in a warning: the kept header.
fn project_inferred(
    schema: &Schema,
    rows: &mut [(usize, FragmentRow)],
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    let cells: Vec<Vec<String>> = rows.iter().map(|(_, r)| r.cells.clone()).collect();
    let keep = schema.keep(&cells);
    for (_, r) in rows.iter_mut() {
        let cells = std::mem::take(&mut r.cells);
        r.cells = keep
            .iter()
            .map(|&c| cells.get(c).cloned().unwrap_or_default())
            .collect();
    }
    let labels = schema.header.clone().unwrap_or_default();
    let header: Vec<String> = keep
        .iter()
        .map(|&c| labels.get(c).cloned().unwrap_or_default())
        .collect();
    warnings.push(Warning::new(
        WarningCode::HeaderInferred,
        format!(
            "no column header names an identifier column: the columns were read from what the \
             cells hold ({})",
            header.join(", ")
        ),
    ));
    header
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Room kept between calls of [`workstream_above`].
struct Room<'r, 'a> {
    toks: &'r mut Vec<Tok<'a>>,
    compacts: &'r mut Compacts,
    words: &'r mut Vec<&'a str>,
}

/// The short paragraph printed just above an identifier line: the row's
/// workstream. Returns its first line and text.
fn workstream_above<'a>(
    lines: &Lines<'a>,
    roles: &[LineRole],
    ri: usize,
    floor: usize,
    table: &mut WordTable<'a>,
    room: Room<'_, 'a>,
) -> Option<(usize, String)> {
    let mut i = ri;
    // Skip blank lines.
    while i > floor {
        let prev = i - 1;
        if roles.get(prev) == Some(&LineRole::Blank) {
            i = prev;
        } else {
            break;
        }
    }
    let end = i;
    while i > floor {
        let prev = i - 1;
        if roles.get(prev) == Some(&LineRole::Content) {
            i = prev;
        } else {
            break;
        }
    }
    if i == end || end - i > 4 {
        return None;
    }
    // The lines' words (as the lines joined by spaces would split).
    let words = room.words;
    words.clear();
    for k in i..end {
        words.extend(words::words(lines.at(k)));
    }
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    if words.last()?.ends_with(['.', ':', ';']) || !words.first()?.chars().next()?.is_uppercase() {
        return None;
    }
    // A status label or a date is no workstream.
    let toks = room.toks;
    tokens::tokenize_into(lines, (i..end).map(|k| (k, 0)), table, toks, room.compacts);
    tokens::annotate_prepared(toks, room.compacts);
    if (0..toks.len()).any(|k| status_at(toks, k).is_some() || tokens::date_at(toks, k).is_some()) {
        return None;
    }
    Some((i, words.join(" ")))
}

/// Places a row's parts into the header's columns, each part rendered
/// straight into its cell.
fn place(schema: &Schema, row: &RowSpan, parts: &cells::RowParts) -> Vec<String> {
    let mut cells = vec![String::new(); schema.width.max(1)];
    let last = cells.len().saturating_sub(1);
    let cell_at = |cells: &mut Vec<String>, col: Option<usize>| -> Option<usize> {
        let c = col.unwrap_or(schema.title).min(last);
        (c < cells.len()).then_some(c)
    };
    let put = |cells: &mut Vec<String>, col: Option<usize>, text: &str| {
        if text.is_empty() {
            return;
        }
        if let Some(cell) = cell_at(cells, col).and_then(|c| cells.get_mut(c)) {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text);
        }
    };
    // As `put` of the words rendered ([`render`]).
    let put_toks = |cells: &mut Vec<String>, col: Option<usize>, toks: &[Tok]| {
        if toks.iter().all(|t| t.text.is_empty()) {
            return;
        }
        let Some(cell) = cell_at(cells, col).and_then(|c| cells.get_mut(c)) else {
            return;
        };
        if !cell.is_empty() {
            cell.push(' ');
        }
        push_rendered(toks, cell);
    };
    match schema.ws {
        Some(c) => put(&mut cells, Some(c), &row.workstream),
        None => put(&mut cells, Some(schema.title), &row.workstream),
    }
    put(&mut cells, Some(schema.id), row.id);
    put_toks(&mut cells, Some(schema.title), &parts.action);
    for (k, lead) in parts.leads.iter().enumerate() {
        let col = schema
            .leads
            .get(k)
            .or(schema.leads.last())
            .map_or(schema.title, |(c, _)| *c);
        put_toks(&mut cells, Some(col), lead);
    }
    put_toks(&mut cells, schema.start.or(schema.due), &parts.start);
    put_toks(&mut cells, schema.due.or(schema.start), &parts.due);
    put_toks(&mut cells, schema.risk, &parts.risk);
    for ((col, _), cell) in schema.tail.iter().zip(&parts.tail) {
        put_toks(&mut cells, Some(*col), cell);
    }
    cells
}

/// Reads the status legend printed before the first table: entries start
/// at a line (after a blank line) that begins with a status label; the rest
/// of that line and the following lines are its definition (all printed
/// columns of the legend, unwrapped). Lines before the first entry become
/// text blocks.
fn read_legend<'a>(lines: &Lines<'a>, to: usize, table: &mut WordTable<'a>, out: &mut Vec<Block>) {
    let mut items: Vec<LegendItem> = Vec::new();
    let (mut toks, mut room) = (Vec::new(), Compacts::default());
    let mut defs: Vec<Vec<String>> = Vec::new();
    let mut pre: Vec<(usize, String)> = Vec::new();
    let mut prev_blank = true;
    for i in 0..to.min(lines.len()) {
        let Some(line) = lines.get(i) else { continue };
        if line.trim().is_empty() {
            prev_blank = true;
            continue;
        }
        tokens::tokenize_into(lines, [(i, 0)], table, &mut toks, &mut room);
        tokens::annotate_prepared(&mut toks, &room);
        let label = if prev_blank {
            status_at(&toks, 0).and_then(|(_, n)| {
                let rest_ok = toks
                    .get(n)
                    .is_none_or(|t| t.text.chars().next().is_some_and(|c| c.is_uppercase()));
                rest_ok.then_some(n)
            })
        } else {
            None
        };
        prev_blank = false;
        match label {
            Some(n) => {
                items.push(LegendItem {
                    label: render(toks.get(..n).unwrap_or(&[])),
                    definition: None,
                    fill: None,
                });
                let rest = render(toks.get(n..).unwrap_or(&[]));
                defs.push(if rest.is_empty() {
                    Vec::new()
                } else {
                    vec![rest]
                });
            }
            None => match defs.last_mut() {
                Some(d) => d.push(norm_ws(line)),
                None => pre.push((i, norm_ws(line))),
            },
        }
    }
    for (i, t) in pre {
        out.push(Block::Text(TextBlock {
            text: t,
            page: None,
            line: Some(i + 1),
            heading: None,
            bbox: None,
        }));
    }
    if items.is_empty() {
        return;
    }
    for (item, d) in items.iter_mut().zip(defs) {
        let def = d.join(" ");
        item.definition = if def.is_empty() { None } else { Some(def) };
    }
    out.push(Block::Legend(Legend { items, page: None }));
}
