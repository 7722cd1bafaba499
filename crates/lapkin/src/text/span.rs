//! Styled text: the four faces of a family, and runs of text in one style
//! (possibly a link). The document and the layout stages share these.

use serde::{Deserialize, Serialize};

/// One of the four faces of a font family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Face {
    /// Upright, normal weight.
    Regular,
    /// Upright, bold.
    Bold,
    /// Italic, normal weight.
    Italic,
    /// Italic, bold.
    BoldItalic,
}

impl Face {
    /// All faces, in the order of [`Face::index`].
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    /// The face for a span style.
    pub fn for_style(style: SpanStyle) -> Face {
        match (style.bold, style.italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// Position in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// A one-letter code for the page dump: R, B, I or J (bold italic).
    pub fn code(self) -> char {
        match self {
            Face::Regular => 'R',
            Face::Bold => 'B',
            Face::Italic => 'I',
            Face::BoldItalic => 'J',
        }
    }
}

/// Bold and italic flags of a [`Span`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct SpanStyle {
    /// Bold (`**text**`).
    pub bold: bool,
    /// Italic (`*text*`).
    pub italic: bool,
}

impl SpanStyle {
    /// Plain upright text.
    pub const REGULAR: SpanStyle = SpanStyle {
        bold: false,
        italic: false,
    };
    /// Bold upright text.
    pub const BOLD: SpanStyle = SpanStyle {
        bold: true,
        italic: false,
    };
    /// Italic text.
    pub const ITALIC: SpanStyle = SpanStyle {
        bold: false,
        italic: true,
    };
}

/// A run of text in one style, possibly a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The text; `\n` marks a hard line break.
    pub text: String,
    /// Bold and italic.
    pub style: SpanStyle,
    /// The link target, if the run is a link.
    pub link: Option<String>,
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Both edges flush, except the last line and lines before a forced
    /// break, which are flush left.
    Justify,
}
