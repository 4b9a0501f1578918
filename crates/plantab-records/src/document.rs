//! Document-level facts from the text around the tables: title, kind,
//! owner, period, status legend.

use plantab_model::{
    DocumentKind, LegendItem, RebuiltBlock, StatusCode, StatusLegendEntry, TextBlock,
};
use plantab_vocab::find_year;

/// How many leading text blocks are searched for the title and owner.
const FRONT_MATTER_BLOCKS: usize = 30;

/// The title: the first markdown-level heading (1–3), else the first
/// front-matter line that names a document kind.
pub fn title(blocks: &[RebuiltBlock]) -> Option<String> {
    let texts = front_texts(blocks);
    texts
        .iter()
        .find(|t| {
            t.heading.is_some_and(|h| h <= 3) && plantab_vocab::document_kind_of(&t.text).is_some()
        })
        .or_else(|| {
            texts
                .iter()
                .find(|t| short(&t.text, 14) && plantab_vocab::document_kind_of(&t.text).is_some())
        })
        .or_else(|| texts.iter().find(|t| t.heading.is_some_and(|h| h <= 1)))
        .map(|t| first_line(&t.text))
}

/// The document kind: named by the title or the front matter; else told
/// by structure (`tracker_like`: a table reporting statuses for several
/// periods under a printed legend).
pub fn kind(
    title: Option<&str>,
    blocks: &[RebuiltBlock],
    tracker_like: bool,
    has_status: bool,
) -> DocumentKind {
    if let Some(k) = title.and_then(plantab_vocab::document_kind_of) {
        return k;
    }
    for t in front_texts(blocks).iter().filter(|t| short(&t.text, 14)) {
        if let Some(k) = plantab_vocab::document_kind_of(&t.text) {
            return k;
        }
    }
    if tracker_like {
        DocumentKind::ImprovementTracker
    } else if has_status {
        DocumentKind::ProgressReport
    } else {
        DocumentKind::Unknown
    }
}

/// The owner: the title's own owner words when it has some ("X Services
/// Departmental Annual Report 2020" → "X Services"), else the first short
/// front-matter line before the first table that names a minister,
/// department or council.
pub fn owner(title: Option<&str>, blocks: &[RebuiltBlock]) -> Option<String> {
    if let Some(t) = title {
        if let Some(end) = plantab_vocab::owner_word_end(t) {
            let owner = t.get(..end).unwrap_or_default().trim();
            let owner = owner.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
            if !owner.is_empty() {
                return Some(owner.to_string());
            }
        }
    }
    for b in blocks.iter().take(FRONT_MATTER_BLOCKS) {
        match b {
            RebuiltBlock::Table(_) => break,
            RebuiltBlock::Text(t) => {
                let line = first_line(&t.text);
                if Some(line.as_str()) != title
                    && short(&line, 8)
                    && !line.ends_with(['.', ',', ':'])
                    && plantab_vocab::owner_word_end(&line).is_some()
                {
                    return Some(line);
                }
            }
            RebuiltBlock::Legend(_) => {}
        }
    }
    None
}

/// The period: the year in the title; else the years named in plan-table
/// headers (one year, or a span "2023-2024"); else the year the front
/// matter names most often.
pub fn period(
    title: Option<&str>,
    header_years: &[i32],
    blocks: &[RebuiltBlock],
) -> Option<String> {
    if let Some(y) = title.and_then(|t| find_year(&plantab_vocab::compact(t))) {
        return Some(y.to_string());
    }
    if let (Some(min), Some(max)) = (header_years.iter().min(), header_years.iter().max()) {
        return Some(if min == max {
            min.to_string()
        } else {
            format!("{min}-{max}")
        });
    }
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for t in front_texts(blocks) {
        for w in t.text.split(|c: char| !c.is_ascii_digit()) {
            if w.len() == 4 {
                if let Some(y) = find_year(w) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y.to_string())
}

/// The document's own status legend, labels mapped to codes.
pub fn legend(items: &[LegendItem]) -> Vec<StatusLegendEntry> {
    items
        .iter()
        .map(|i| StatusLegendEntry {
            code: plantab_vocab::status_code(&i.label).unwrap_or(StatusCode::Unknown),
            label: i.label.split_whitespace().collect::<Vec<_>>().join(" "),
            definition: i.definition.clone(),
        })
        .collect()
}

fn front_texts(blocks: &[RebuiltBlock]) -> Vec<&TextBlock> {
    blocks
        .iter()
        .filter_map(|b| match b {
            RebuiltBlock::Text(t) => Some(t),
            _ => None,
        })
        .take(FRONT_MATTER_BLOCKS)
        .collect()
}

fn short(s: &str, words: usize) -> bool {
    s.split_whitespace().count() <= words
}

fn first_line(s: &str) -> String {
    s.lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
