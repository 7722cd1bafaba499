//! # lapkin
//!
//! Turns a JSON description of an Indonesian government *Laporan Kinerja
//! Triwulan* (quarterly performance report) into the official A4 PDF.
//!
//! The work is a pipeline of pure stages with plain data between them:
//!
//! 1. **JSON → [`Report`]**: [`parse_report`] checks syntax, structure (against
//!    the schema generated from the model, [`model::report_schema`]) and
//!    meaning, and reports every problem at once with its JSON path.
//!
//! Numbers and dates are formatted the Indonesian way by [`format`].
#![warn(missing_docs)]

pub mod error;
pub mod format;
pub mod model;

pub use error::{Error, Problem, Problems, Result};
pub use model::{Report, parse_report};
