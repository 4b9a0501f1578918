//! # plantab-pdf
//!
//! The PDF reader. Not yet implemented.

#![warn(missing_docs)]
