//! # plantab-output
//!
//! Writers for the contract document: JSON, NDJSON, CSV. Not yet implemented.

#![warn(missing_docs)]
