//! Line breaking, exposed for lapkin's own benchmarks and fuzz targets
//! (the `internals` feature). Not part of the API: it may change in any
//! release.

pub use crate::text::{Extent, Piece, break_lines, measure};
