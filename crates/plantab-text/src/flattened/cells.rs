//! Splitting one row's words into its columns.
//!
//! A row prints, in column order: the action text, the role titles of the
//! leads columns, the dates, the risk value, then for each reporting period
//! a status label and an update. The extraction keeps that order but not the
//! column boundaries, so each boundary is found from evidence:
//!
//! * the risk value (`N/A`, or a "Word N" value that recurs across rows) ends
//!   the dates;
//! * the leads are the run of role titles (see [`super::roles`]) that ends
//!   where the dates begin; the action is everything before;
//! * the dates are split into start and due by paragraph breaks and date
//!   expressions;
//! * after the risk, status labels (`plantab_vocab`) and update prose are
//!   assigned to the status / update columns by a small dynamic programme.

use super::anchors::risk_at;
use super::dates::DateStart;
use super::roles::{self, RoleLexicon};
use super::schema::{LeadCol, TailKind};
use super::tokens::{date_at, loose_date_at, status_at, Tok, WordTable};

/// A row split into semantic parts (word lists).
#[derive(Debug, Default, Clone)]
pub(crate) struct RowParts<'a> {
    pub action: Vec<Tok<'a>>,
    /// One per leads column (one at least).
    pub leads: Vec<Vec<Tok<'a>>>,
    pub start: Vec<Tok<'a>>,
    pub due: Vec<Tok<'a>>,
    pub risk: Vec<Tok<'a>>,
    /// One per tail column.
    pub tail: Vec<Vec<Tok<'a>>>,
}

/// Settings learned from the whole document.
pub(crate) struct Context<'t, 'a> {
    /// The table the rows' words were read with.
    pub words: &'t WordTable<'a>,
    pub lexicon: RoleLexicon<'a>,
    /// The word of "Word N" risk values ("Focus 1"), when the document has one.
    pub risk_word: Option<String>,
    pub tail: Vec<TailKind>,
    pub has_risk: bool,
    /// The leads columns, in printed order.
    pub leads: Vec<LeadCol>,
}

/// How many status labels (or "N/A"s) a row's words print, one after
/// the other: the status columns a tracker without a header needs.
pub(crate) fn labels_in(toks: &[Tok]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < toks.len() {
        let len = match status_at(toks, i) {
            Some((_, l)) => Some(l),
            None => toks.get(i).is_some_and(|t| t.facts.na).then_some(1),
        };
        match len {
            Some(l) => {
                n += 1;
                i += l.max(1);
            }
            None => i += 1,
        }
    }
    n
}

/// Words between the leads and the risk value must read as dates: at most
/// one capitalised word that is no date.
fn date_compatible(toks: &[Tok], from: usize, to: usize) -> bool {
    let mut foreign = 0;
    let mut i = from;
    while i < to {
        if let Some(d) = date_at(toks, i) {
            i += match d {
                DateStart::Strong(n) | DateStart::Soft(n) => n.max(1),
                DateStart::Month => 1,
            };
            continue;
        }
        if loose_date_at(toks, i) {
            i += 2;
            continue;
        }
        let Some(t) = toks.get(i) else { break };
        if t.text.chars().next().is_some_and(|c| c.is_uppercase()) {
            foreign += 1;
        }
        i += 1;
    }
    foreign <= 1
}

/// The leads run: (start, end) word indices and its titles.
fn find_leads(
    toks: &[Tok],
    anchor: &[bool],
    risk: usize,
    ctx: &Context,
) -> Option<(usize, usize, Vec<roles::Phrase>)> {
    let n = toks.len();
    let anchor_at = |_: &[Tok], i: usize, _: &Context| anchor.get(i).copied().unwrap_or(false);
    let mut fallback = None;
    for p in 1..risk.min(n) {
        let Some(t) = toks.get(p) else { break };
        let starts = roles::role_compatible(t)
            && (t.line_start || t.facts.role.is_some())
            && t.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_alphabetic());
        if !starts || anchor_at(toks, p, ctx) {
            continue;
        }
        // A title that ends a sentence ("… reviewed by Leadership Team") is
        // action text.
        let after_function_word =
            !t.para_break && toks.get(p - 1).is_some_and(|prev| prev.facts.sentence);
        // Nor does a title start inside another ("Leadership" / "Team").
        let inside_title = !t.para_break
            && toks.get(p - 1).is_some_and(|prev| {
                prev.facts
                    .role
                    .is_some_and(|r| r.kind == plantab_vocab::RoleWordKind::Prefix)
                    && !prev.text.ends_with(['-', '–', ':', ',', '/'])
            });
        if after_function_word || inside_title {
            continue;
        }
        let mut e = p;
        while e < risk.min(n) {
            let Some(te) = toks.get(e) else { break };
            if !roles::role_compatible(te) || anchor_at(toks, e, ctx) {
                break;
            }
            e += 1;
        }
        if e == p {
            continue;
        }
        let tail_ok = if risk < n {
            e == risk
                || (anchor_at(toks, e, ctx) || loose_date_at(toks, e))
                    && date_compatible(toks, e, risk)
        } else {
            e == n || anchor_at(toks, e, ctx)
        };
        if !tail_ok {
            continue;
        }
        let Some(run) = toks.get(p..e) else { continue };
        let Some(phrases) = roles::segment(run, &ctx.lexicon, ctx.words) else {
            continue;
        };
        let Some(first) = phrases.first() else {
            continue;
        };
        if !first.titled {
            continue;
        }
        let freq = run
            .get(first.start..first.end)
            .map(|s| ctx.lexicon.freq(s, ctx.words))
            .unwrap_or(0);
        if freq >= 2 {
            return Some((p, e, phrases));
        }
        if fallback.is_none() {
            fallback = Some((p, e, phrases));
        }
    }
    fallback
}

/// Groups date words into date expressions: (start, end) ranges covering
/// `from..to`.
fn date_atoms(toks: &[Tok], from: usize, to: usize) -> Vec<(usize, usize, bool)> {
    // (start, end, precise): precise for a full date ("Dec-22", "Autumn 2021").
    let mut atoms: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = from;
    while i < to {
        let d = date_at(toks, i);
        match d {
            Some(DateStart::Strong(n)) => {
                let end = (i + n.max(1)).min(to);
                let bare_year = n == 1
                    && toks.get(i).is_some_and(|t| {
                        t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit())
                    });
                atoms.push((i, end, !bare_year));
                i = end;
            }
            Some(DateStart::Soft(_)) | Some(DateStart::Month) => {
                let n = match d {
                    Some(DateStart::Soft(n)) => n.max(1),
                    _ => 1,
                };
                let mut j = (i + n).min(to);
                while j < to {
                    let Some(t) = toks.get(j) else { break };
                    if t.para_break || t.facts.na {
                        break;
                    }
                    match date_at(toks, j) {
                        Some(DateStart::Soft(_)) => break,
                        Some(DateStart::Strong(_)) => {
                            let prev_plain = toks.get(j - 1).is_some_and(|p| {
                                p.text.chars().all(|c| c.is_lowercase())
                                    && date_at(toks, j - 1).is_none()
                            });
                            if !prev_plain {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                atoms.push((i, j, false));
                i = j;
            }
            None => {
                if loose_date_at(toks, i) {
                    let end = (i + 2).min(to);
                    atoms.push((i, end, false));
                    i = end;
                    continue;
                }
                let mut j = i + 1;
                while j < to {
                    let Some(t) = toks.get(j) else { break };
                    if t.para_break || date_at(toks, j).is_some() || loose_date_at(toks, j) {
                        break;
                    }
                    j += 1;
                }
                // Loose words before a period word in the same paragraph
                // belong to it ("and annually thereafter").
                let next_soft = matches!(date_at(toks, j), Some(DateStart::Soft(_)))
                    && j < to
                    && toks.get(j).is_some_and(|t| !t.para_break);
                if next_soft {
                    let n = match date_at(toks, j) {
                        Some(DateStart::Soft(n)) => n.max(1),
                        _ => 1,
                    };
                    let mut k = (j + n).min(to);
                    while k < to {
                        let Some(t) = toks.get(k) else { break };
                        if t.para_break
                            || matches!(
                                date_at(toks, k),
                                Some(DateStart::Soft(_)) | Some(DateStart::Strong(_))
                            )
                        {
                            break;
                        }
                        k += 1;
                    }
                    atoms.push((i, k, false));
                    i = k;
                } else {
                    atoms.push((i, j, false));
                    i = j;
                }
            }
        }
    }
    atoms
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Status,
    Prose,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    kind: UnitKind,
    weight: f64,
    na: bool,
    /// Begins a line with a capital: a likely start of a cell.
    fresh: bool,
}

fn tail_units(toks: &[Tok], from: usize) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut i = from;
    let n = toks.len();
    while i < n {
        let Some(t) = toks.get(i) else { break };
        let status_len = if t.facts.na {
            Some(1)
        } else {
            status_at(toks, i).map(|(_, l)| l)
        };
        if let Some(l) = status_len {
            let prev_prose = units
                .last()
                .is_some_and(|u| u.kind == UnitKind::Prose && u.end == i);
            let mid = i > from
                && !t.para_break
                && prev_prose
                && toks
                    .get(i - 1)
                    .is_some_and(|p| !p.text.ends_with(['.', '!', '?', ':', ';', ')']));
            let cap = t.text.chars().next().is_some_and(|c| c.is_uppercase());
            // Followed on its line by lower-case words: a sentence that
            // begins with a label word ("On track- working with …").
            let runs_on = toks.get(i + l).is_some_and(|nx| {
                !nx.line_start && nx.text.chars().next().is_some_and(|c| c.is_lowercase())
            });
            let na = t.facts.na;
            let weight = if mid && !cap && runs_on {
                f64::NEG_INFINITY
            } else {
                3.0 + if cap { 1.0 } else { 0.0 } + if t.line_start { 0.5 } else { 0.0 }
                    - if mid { 1.0 } else { 0.0 }
                    - if mid && !cap { 2.0 } else { 0.0 }
                    - if runs_on { 0.5 } else { 0.0 }
                    - if na { 1.5 } else { 0.0 }
                    - 0.01 * units.len() as f64
            };
            let end = (i + l.max(1)).min(n);
            units.push(Unit {
                start: i,
                end,
                kind: UnitKind::Status,
                weight,
                na,
                fresh: false,
            });
            i = end;
            continue;
        }
        // Prose runs to a paragraph break or the next label.
        let mut j = i + 1;
        while j < n {
            let Some(tj) = toks.get(j) else { break };
            let fresh = tj.line_start && tj.text.chars().next().is_some_and(|c| c.is_uppercase());
            if tj.para_break || fresh || tj.facts.na || status_at(toks, j).is_some() {
                break;
            }
            j += 1;
        }
        units.push(Unit {
            start: i,
            end: j,
            kind: UnitKind::Prose,
            weight: 0.0,
            na: false,
            fresh: t.line_start && t.text.chars().next().is_some_and(|c| c.is_uppercase()),
        });
        i = j;
    }
    units
}

const EMPTY_STATUS: f64 = -2.0;
const EMPTY_UPDATE: f64 = -0.8;

/// Assigns tail units to tail columns (monotone): returns the column of each
/// unit.
fn assign_tail(units: &[Unit], kinds: &[TailKind]) -> Vec<usize> {
    let m = kinds.len();
    if m == 0 {
        return Vec::new();
    }
    // All labels (e.g. "N/A N/A N/A N/A", "Complete complete Complete
    // complete"): fill the columns left to right.
    if units.iter().all(|u| u.kind == UnitKind::Status && u.na) && units.len() <= m
        || units.iter().all(|u| u.kind == UnitKind::Status) && units.len() == m
    {
        return (0..units.len()).collect();
    }
    let empty = |k: usize| match kinds.get(k) {
        Some(TailKind::Status) => EMPTY_STATUS,
        _ => EMPTY_UPDATE,
    };
    let gain = |u: &Unit, k: usize| -> Option<f64> {
        match (kinds.get(k)?, u.kind) {
            (TailKind::Status, UnitKind::Status) => u.weight.is_finite().then_some(u.weight),
            (TailKind::Status, UnitKind::Prose) => None,
            (TailKind::Update, _) => Some(0.0),
        }
    };
    let nu = units.len();
    // dp[u * m + k]: best score with units[..=u] assigned and unit u in
    // column k.
    let mut dp: Vec<Option<(f64, usize)>> = vec![None; nu * m];
    // Unit u's row of `dp`.
    fn row_of(dp: &[Option<(f64, usize)>], m: usize, u: usize) -> Option<&[Option<(f64, usize)>]> {
        dp.get(u * m..(u + 1) * m)
    }
    for (u, unit) in units.iter().enumerate() {
        for k in 0..m {
            let Some(g) = gain(unit, k) else { continue };
            let mut best: Option<(f64, usize)> = None;
            if u == 0 {
                let skipped: f64 = (0..k).map(empty).sum();
                best = Some((skipped + g, usize::MAX));
            } else {
                for pk in 0..=k {
                    let Some(Some((ps, _))) = row_of(&dp, m, u - 1).and_then(|r| r.get(pk)) else {
                        continue;
                    };
                    if pk == k && kinds.get(k) == Some(&TailKind::Status) {
                        continue;
                    }
                    let skipped: f64 = (pk + 1..k).map(empty).sum();
                    let fresh = if pk != k && unit.fresh { 0.2 } else { 0.0 };
                    let s = ps + skipped + g + fresh;
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, pk));
                    }
                }
            }
            if let Some(c) = dp.get_mut(u * m + k) {
                *c = best;
            }
        }
    }
    let mut last: Option<(f64, usize)> = None;
    if let Some(row) = nu.checked_sub(1).and_then(|u| row_of(&dp, m, u)) {
        for (k, c) in row.iter().enumerate() {
            if let Some((s, _)) = c {
                let s = s + (k + 1..m).map(empty).sum::<f64>();
                if last.is_none_or(|(b, _)| s > b) {
                    last = Some((s, k));
                }
            }
        }
    }
    let Some((_, mut k)) = last else {
        // No valid assignment (cannot happen while an update column
        // exists); put everything in the last column.
        return vec![m - 1; nu];
    };
    let mut out = vec![0; nu];
    for u in (0..nu).rev() {
        if let Some(o) = out.get_mut(u) {
            *o = k;
        }
        let prev = row_of(&dp, m, u)
            .and_then(|r| r.get(k))
            .and_then(|c| *c)
            .map(|(_, p)| p);
        match prev {
            Some(p) if p != usize::MAX => k = p,
            _ => break,
        }
    }
    out
}

/// The words `a..b` (clipped to the words there are).
fn slice<'s, 'a>(toks: &'s [Tok<'a>], a: usize, b: usize) -> &'s [Tok<'a>] {
    toks.get(a.min(toks.len())..b.min(toks.len()))
        .unwrap_or_default()
}

impl RowParts<'_> {
    /// Empties every part, keeping the room, with `tail` parts after the
    /// risk.
    fn reset(&mut self, leads: usize, tail: usize) {
        self.action.clear();
        for l in &mut self.leads {
            l.clear();
        }
        self.leads.resize_with(leads.max(1), Vec::new);
        self.start.clear();
        self.due.clear();
        self.risk.clear();
        for t in &mut self.tail {
            t.clear();
        }
        self.tail.resize_with(tail, Vec::new);
    }
}

/// Splits a row's words (after its identifier) into parts; `anchor` is
/// [`super::anchors::anchors_into`] of the words. The parts' contents are replaced (their
/// room is reused from row to row).
pub(crate) fn split_row_into<'a>(
    toks: &[Tok<'a>],
    anchor: &[bool],
    ctx: &Context,
    parts: &mut RowParts<'a>,
) {
    let n = toks.len();
    parts.reset(ctx.leads.len(), ctx.tail.len());
    let risk_pos = (0..n).find(|&i| risk_at(toks, i, ctx.risk_word.as_deref()).is_some());
    let r = risk_pos.unwrap_or(n);

    // Action and leads.
    let leads = find_leads(toks, anchor, r, ctx);
    let dates_from = match &leads {
        Some((p, e, phrases)) => {
            parts.action.extend_from_slice(slice(toks, 0, *p));
            let run = slice(toks, *p, *e);
            assign_leads(run, phrases, &ctx.leads, &mut parts.leads);
            *e
        }
        None => {
            // No leads found: the action runs to the first date before the
            // risk value, or to the risk value.
            let mut x = r;
            while x > 1 && date_compatible(toks, x - 1, r) && date_at(toks, x - 1).is_some() {
                x -= 1;
            }
            parts.action.extend_from_slice(slice(toks, 0, x));
            x
        }
    };

    // Dates, risk, tail.
    let (dates_to, tail_from) = if r < n {
        let len = risk_at(toks, r, ctx.risk_word.as_deref()).unwrap_or(1);
        if ctx.has_risk {
            parts.risk.extend_from_slice(slice(toks, r, r + len));
            (r, r + len)
        } else {
            (r, r)
        }
    } else {
        // No risk value: dates run to the first status label.
        let mut e = dates_from;
        while e < n && (date_at(toks, e).is_some() || status_at(toks, e).is_none()) {
            e += 1;
        }
        (e, e)
    };
    let atoms = date_atoms(toks, dates_from.min(dates_to), dates_to);

    let units = tail_units(toks, tail_from.max(dates_to));
    let cols = assign_tail(&units, &ctx.tail);
    for (u, k) in units.iter().zip(cols) {
        if let Some(cell) = parts.tail.get_mut(k) {
            let from = cell.len();
            cell.extend_from_slice(slice(toks, u.start, u.end));
            if u.kind == UnitKind::Status {
                // Inside a label, a line break in mid-word ("actual/pro" /
                // "jected") is undone.
                for w in cell.iter_mut().skip(from + 1) {
                    if w.open_before && w.text.chars().next().is_some_and(|c| c.is_lowercase()) {
                        w.glued = true;
                    }
                }
            }
        }
    }

    // Start / due.
    let para_split = atoms
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, (a, _, _))| toks.get(*a).is_some_and(|t| t.para_break))
        .map(|(k, _)| k);
    let split = match (para_split, atoms.len()) {
        (_, 0) => None,
        (Some(k), _) => Some(k),
        (None, 1) => {
            // One date: a row reporting a status prints its due date; a
            // parent row without one prints its start (when the date is a
            // precise one: a vague "TBC" or "2024" is a target).
            let reported = ctx.tail.iter().zip(&parts.tail).any(|(k, cell)| {
                *k == TailKind::Status && !cell.is_empty() && !cell.iter().all(|t| t.facts.na)
            });
            let precise = atoms.first().is_some_and(|(_, _, p)| *p);
            Some(if reported || !precise { 0 } else { 1 })
        }
        (None, _) => Some(1),
    };
    if let Some(k) = split {
        for (idx, (a, b, _)) in atoms.iter().enumerate() {
            let target = if idx < k {
                &mut parts.start
            } else {
                &mut parts.due
            };
            target.extend_from_slice(slice(toks, *a, *b));
        }
    }
    if ctx.tail.is_empty() {
        // No status / update columns: what follows the dates stays with them.
        parts
            .due
            .extend_from_slice(slice(toks, tail_from.max(dates_to), n));
    }
}

/// Assigns the titles of a leads run to the leads columns `cols` (one
/// part each in `out`), left to right as they are printed: an elected
/// member's title goes to the first political column not yet passed; the
/// first other title to the first other column; a later one moves on to
/// the next other column, unless the current column takes several titles
/// and no blank line came before it; a whitespace-only line before a
/// title (an empty cell) moves it one column further.
fn assign_leads<'a>(
    run: &[Tok<'a>],
    phrases: &[roles::Phrase],
    cols: &[LeadCol],
    out: &mut [Vec<Tok<'a>>],
) {
    let m = out.len();
    let Some(last) = m.checked_sub(1) else {
        return;
    };
    let political = |c: usize| cols.get(c).is_some_and(|k| k.political);
    let several = |c: usize| cols.get(c).is_some_and(|k| k.several);
    let next_other = |after: usize| (after + 1..m).find(|&c| !political(c));
    let first_other = (0..m).find(|&c| !political(c)).unwrap_or(0);
    let mut slot = 0usize;
    for (k, ph) in phrases.iter().enumerate() {
        let toks = slice(run, ph.start, ph.end);
        let para = toks.first().is_some_and(|t| t.para_break);
        let skip = usize::from(k > 0 && toks.first().is_some_and(|t| t.empty_cell_before));
        let member_col = if roles::is_political(toks) {
            (slot..m).find(|&c| political(c))
        } else {
            None
        };
        let normal = match member_col {
            Some(c) => c,
            None if k == 0 => first_other,
            None if !several(slot) || para => next_other(slot).unwrap_or(slot),
            None => slot,
        };
        let target = (normal + skip).min(last);
        slot = slot.max(target);
        if let Some(cell) = out.get_mut(target) {
            cell.extend_from_slice(toks);
        }
    }
}
