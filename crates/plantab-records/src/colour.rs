//! Colour-coded statuses: a status cell's fill named (`data/colours.tsv`
//! of plantab-vocab), a fill with no words read through the document's
//! legend or the usual RAG meaning, and legends printed as coloured
//! swatches.

use plantab_model::{Colour, LegendItem, RebuiltRow, RebuiltTable, StatusCode, StatusLegendEntry};

/// Most words a swatch legend's label has.
const SWATCH_LABEL_WORDS: usize = 6;

/// The fill of the cell at column `col` of `row`, when the cell has one of
/// its own: a fill every other cell of the row shares is the row's
/// shading, not the cell's colour.
pub(crate) fn own_fill(row: &RebuiltRow, col: usize) -> Option<&str> {
    let span = row
        .spans
        .iter()
        .find(|s| s.col <= col && col < s.col + s.col_span.max(1))?;
    let fill = span.fill.as_deref()?;
    let others: Vec<Option<&str>> = row
        .spans
        .iter()
        .filter(|s| s.col != span.col)
        .map(|s| s.fill.as_deref())
        .collect();
    let shading = others.len() >= 2 && others.iter().all(|f| *f == Some(fill));
    (!shading).then_some(fill)
}

/// A fill as a named colour, `None` when it is not `#rrggbb` or no range
/// of the vocabulary holds it.
pub(crate) fn named(hex: &str) -> Option<Colour> {
    let name = plantab_vocab::colour_name(hex)?;
    Some(Colour {
        name: name.to_string(),
        rgb: hex.to_ascii_lowercase(),
    })
}

/// The status code a colour stands for: the document's legend entry
/// printed on the same colour (the same RGB, else the same name), else the
/// status vocabulary's meaning of the colour's name ("Green" → on track);
/// `None` when neither gives a known code.
pub(crate) fn code_of(colour: &Colour, legend: &[StatusLegendEntry]) -> Option<StatusCode> {
    let known = |e: &&StatusLegendEntry| e.code != StatusCode::Unknown;
    let same_rgb = legend
        .iter()
        .filter(known)
        .find(|e| e.colour.as_ref().is_some_and(|c| c.rgb == colour.rgb));
    let same_name = || {
        legend
            .iter()
            .filter(known)
            .find(|e| e.colour.as_ref().is_some_and(|c| c.name == colour.name))
    };
    if let Some(e) = same_rgb.or_else(same_name) {
        return Some(e.code);
    }
    plantab_vocab::status_code(&colour.name).filter(|c| *c != StatusCode::Unknown)
}

/// Whether the document's legend prints a label on this colour (the same
/// RGB, else the same name), whatever code the label has.
pub(crate) fn in_legend(colour: &Colour, legend: &[StatusLegendEntry]) -> bool {
    legend.iter().any(|e| {
        e.colour
            .as_ref()
            .is_some_and(|c| c.rgb == colour.rgb || c.name == colour.name)
    })
}

/// A legend printed as coloured swatches: rows of a table where a filled
/// cell with no text is followed by a short label ("■ On track ■ Some
/// slippage …"). Two swatches at least; each label takes its swatch's
/// fill.
pub(crate) fn swatch_legend(t: &RebuiltTable) -> Option<Vec<LegendItem>> {
    let mut items = Vec::new();
    for r in &t.rows {
        let mut spans: Vec<_> = r.spans.iter().collect();
        spans.sort_by_key(|s| s.col);
        for pair in spans.windows(2) {
            let [swatch, label] = pair else { continue };
            let text = label.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if swatch.text.trim().is_empty()
                && swatch.fill.is_some()
                && label.fill.is_none()
                && !text.is_empty()
                && text.split_whitespace().count() <= SWATCH_LABEL_WORDS
            {
                items.push(LegendItem {
                    label: text,
                    definition: None,
                    fill: swatch.fill.clone(),
                });
            }
        }
    }
    (items.len() >= 2).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plantab_model::CellSpan;

    fn span(col: usize, text: &str, fill: Option<&str>) -> CellSpan {
        CellSpan {
            col,
            col_span: 1,
            row_span: 1,
            text: text.to_string(),
            fill: fill.map(str::to_string),
        }
    }

    fn row(spans: Vec<CellSpan>) -> RebuiltRow {
        RebuiltRow {
            cells: spans.iter().map(|s| s.text.clone()).collect(),
            spanning: false,
            pages: vec![1],
            line: None,
            bbox: Vec::new(),
            spans,
        }
    }

    #[test]
    fn a_cells_own_fill_but_not_the_rows_shading() {
        let r = row(vec![
            span(0, "1", None),
            span(1, "Publish", None),
            span(2, "", Some("#00b050")),
        ]);
        assert_eq!(own_fill(&r, 2), Some("#00b050"));
        assert_eq!(own_fill(&r, 1), None);
        let shaded = row(vec![
            span(0, "1", Some("#d9d9d9")),
            span(1, "Publish", Some("#d9d9d9")),
            span(2, "Done", Some("#d9d9d9")),
        ]);
        assert_eq!(own_fill(&shaded, 2), None);
    }

    #[test]
    fn a_colour_takes_the_legends_code_else_the_rag_meaning() {
        let green = named("#00B050").expect("a colour");
        assert_eq!(green.name, "green");
        assert_eq!(green.rgb, "#00b050");
        assert_eq!(code_of(&green, &[]), Some(StatusCode::OnTrack));
        let legend = [StatusLegendEntry {
            code: StatusCode::Complete,
            label: "Done".into(),
            definition: None,
            colour: named("#00b050"),
        }];
        assert_eq!(code_of(&green, &legend), Some(StatusCode::Complete));
        let grey = named("#a6a6a6").expect("a colour");
        assert_eq!(code_of(&grey, &[]), None);
    }
}
