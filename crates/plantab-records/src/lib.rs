//! # plantab-records
//!
//! Rebuilt tables → contract records: header keys, ids and parents, status
//! codes, dates, document kind and metadata.

#![warn(missing_docs)]

pub mod dates;
pub mod status;
