//! Vertical records: one record per paragraph group (title, description,
//! then short field lines in any order). Not yet implemented.

use plantab_model::{Layout, SourceFormat};

/// True when the text looks like vertical records.
pub fn looks_vertical(_text: &str) -> bool {
    false
}

/// Reads vertical records.
pub fn read_vertical(_text: &str) -> Layout {
    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks: Vec::new(),
        warnings: Vec::new(),
    }
}
