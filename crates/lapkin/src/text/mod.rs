//! Text: the font family a report is set in ([`FontSet`], with a way to
//! measure text in it), its four faces ([`Face`]), and runs of styled text
//! ([`Span`], [`SpanStyle`]) aligned as the document says ([`Align`]).
//! Breaking text into lines is the layout's, inside this module.

pub(crate) mod fonts;
pub(crate) mod glyphs;
mod hyphenate;
pub(crate) mod linebreak;
mod span;
pub(crate) mod tokens;
mod unicode;

pub(crate) use fonts::FontFace;
pub use fonts::FontSet;
pub(crate) use hyphenate::hyphenate_parts;
#[cfg(feature = "internals")]
pub use linebreak::Extent;
#[cfg(feature = "internals")]
pub use linebreak::measure;
pub(crate) use linebreak::{Justification, break_lines_with};
#[cfg(feature = "internals")]
pub use linebreak::{Line, Piece, break_lines};
#[cfg(not(feature = "internals"))]
pub(crate) use linebreak::{Line, Piece, break_lines};
pub(crate) use linebreak::{measure_capped, measure_syllables};
pub use span::{Align, Face, Span, SpanStyle};

/// About 50 characters of `text` around the first `c`, in NFC as it is
/// printed (a missing character's context in an error message). A soft
/// hyphen stands for the hyphen it shows as.
pub(crate) fn around(text: &str, c: char) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text: String = text.nfc().collect();
    let c = if text.contains(c) { c } else { '\u{00AD}' };
    let at = text.find(c).unwrap_or(0);
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(24)
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(25)
        .map_or(text.len(), |(i, _)| at + i);
    text[start..end].to_owned()
}
