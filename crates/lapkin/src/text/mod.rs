//! Text: font families and their metrics, and breaking styled text into
//! lines.

pub mod fonts;
pub mod linebreak;

pub use fonts::{FontFace, FontSet, Glyph};
pub use linebreak::{Align, Line, Piece, Run, break_lines};
