//! # plantab-model
//!
//! The types that flow between plantab's stages, and the output contract.
//!
//! ```text
//! bytes ──reader──▶ Layout ──tables──▶ RebuiltDocument ──records──▶ Document
//!        (text/pdf)  (blocks,           (whole tables,              (contract v1:
//!                     fragments)         text in order)              tables, records)
//! ```
//!
//! * [`layout`]: what a reader saw: text blocks, legends and table fragments.
//! * [`rebuilt`]: fragments joined into whole tables.
//! * [`contract`]: the stable output contract (`docs/OUTPUT.md`).
//! * [`codes`]: the stable error and warning codes, and warning locations.
//! * [`columns`]: the column model — each column's role, decided once by
//!   the tables stage, with the evidence that chose it.
//!
//! Every type is `serde`-serialisable so any stage's output can be dumped
//! for debugging (`plantab debug`).

#![warn(missing_docs)]

pub mod codes;
pub mod columns;
pub mod contract;
pub mod layout;
pub mod rebuilt;

pub use codes::*;
pub use columns::*;
pub use contract::*;
pub use layout::*;
pub use rebuilt::*;
