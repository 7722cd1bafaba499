//! Text: font families and their metrics, and breaking styled text into
//! lines.

pub mod fonts;
pub mod linebreak;
mod unicode;

pub use fonts::{FontFace, FontSet, Glyph};
pub use linebreak::{Align, Extent, Line, Piece, Run, break_lines, measure};
pub use unicode::{is_ignorable, normalize};
