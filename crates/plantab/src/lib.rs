//! # plantab
//!
//! The pipeline. Not yet implemented.

#![warn(missing_docs)]
