//! Tab-separated tables between markdown prose. Not yet implemented.

use plantab_model::{Layout, SourceFormat};

/// True when the text holds tab-separated table rows.
pub fn looks_tabular(text: &str) -> bool {
    text.lines().filter(|l| l.contains('\t')).count() >= 2
}

/// Reads tab-separated tables and the prose around them.
pub fn read_tabular(_text: &str) -> Layout {
    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks: Vec::new(),
        warnings: Vec::new(),
    }
}
