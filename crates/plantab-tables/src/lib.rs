//! # plantab-tables
//!
//! Rebuilds whole tables from the reader's fragments. Not yet implemented.

#![warn(missing_docs)]

use plantab_model::{Layout, RebuiltDocument};

/// Joins a layout's fragments into whole tables.
pub fn rebuild(layout: Layout) -> RebuiltDocument {
    RebuiltDocument {
        blocks: Vec::new(),
        warnings: layout.warnings,
    }
}
