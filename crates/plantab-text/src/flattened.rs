//! A flattened wide tracker table (a text extractor's output of a landscape
//! tracker). Not yet implemented.

use plantab_model::{Layout, SourceFormat};

/// True when the text looks like a flattened tracker.
pub fn looks_flattened(_text: &str) -> bool {
    false
}

/// Reads a flattened tracker.
pub fn read_flattened(_text: &str) -> Layout {
    Layout {
        format: SourceFormat::Text,
        pages: None,
        blocks: Vec::new(),
        warnings: Vec::new(),
    }
}
