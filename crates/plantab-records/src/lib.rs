//! # plantab-records
//!
//! Rebuilt tables → contract records: header keys, ids and parents, status
//! codes, dates, document kind and metadata.

#![warn(missing_docs)]

pub mod dates;
pub mod status;

use plantab_model::{Document, DocumentInfo, RebuiltDocument, Source, SCHEMA_VERSION};

/// Turns a rebuilt document into the contract document.
pub fn build_document(rebuilt: RebuiltDocument, source: Source) -> Document {
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document: DocumentInfo::default(),
        tables: Vec::new(),
        records: Vec::new(),
        warnings: rebuilt.warnings,
    }
}
