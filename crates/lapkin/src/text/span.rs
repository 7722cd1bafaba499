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
    ///
    /// ```
    /// use lapkin::text::{Face, SpanStyle};
    ///
    /// assert_eq!(Face::for_style(SpanStyle::BOLD), Face::Bold);
    /// assert_eq!(Face::for_style(SpanStyle { bold: true, italic: true }), Face::BoldItalic);
    /// ```
    pub fn for_style(style: SpanStyle) -> Face {
        match (style.bold, style.italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The span style set in this face.
    ///
    /// ```
    /// use lapkin::text::{Face, SpanStyle};
    ///
    /// assert_eq!(Face::for_style(Face::BoldItalic.style()), Face::BoldItalic);
    /// assert_eq!(Face::Bold.style(), SpanStyle::BOLD);
    /// ```
    pub fn style(self) -> SpanStyle {
        SpanStyle {
            bold: matches!(self, Face::Bold | Face::BoldItalic),
            italic: matches!(self, Face::Italic | Face::BoldItalic),
        }
    }

    /// Position in [`Face::ALL`].
    ///
    /// ```
    /// use lapkin::text::Face;
    ///
    /// assert_eq!(Face::ALL[Face::Italic.index()], Face::Italic);
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }

    /// A one-letter code for the page dump: R, B, I or J (bold italic).
    ///
    /// ```
    /// assert_eq!(lapkin::text::Face::BoldItalic.code(), 'J');
    /// ```
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

impl Span {
    /// A run of regular text.
    ///
    /// ```
    /// let span = lapkin::text::Span::plain("Capaian");
    /// assert_eq!((span.text.as_str(), span.style), ("Capaian", lapkin::text::SpanStyle::REGULAR));
    /// ```
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: SpanStyle::REGULAR,
            link: None,
        }
    }

    /// A run of bold text.
    ///
    /// ```
    /// assert!(lapkin::text::Span::bold("Total").style.bold);
    /// ```
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: SpanStyle::BOLD,
            link: None,
        }
    }

    /// A run of italic text.
    ///
    /// ```
    /// assert!(lapkin::text::Span::italic("sebagai berikut").style.italic);
    /// ```
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: SpanStyle::ITALIC,
            link: None,
        }
    }

    /// This run as a link to `uri`.
    ///
    /// ```
    /// let span = lapkin::text::Span::plain("laman").with_link("https://example.org");
    /// assert_eq!(span.link.as_deref(), Some("https://example.org"));
    /// ```
    pub fn with_link(mut self, uri: impl Into<String>) -> Span {
        self.link = Some(uri.into());
        self
    }
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
