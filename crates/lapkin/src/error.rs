//! Errors of every stage, in the user's terms.
//!
//! Input problems carry the JSON path of what is wrong (`anggaran.rincian[3].pagu`),
//! what was found and what was expected; a report with several problems
//! carries all of them. No variant exposes a dependency's error type.

use std::fmt;

/// The result type of lapkin.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong between JSON and PDF.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON.
    #[error("line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong, e.g. "expected `,` or `}`".
        message: String,
    },
    /// The input is larger than lapkin accepts.
    #[error("the input is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is JSON, but not a valid report.
    #[error("{0}")]
    Invalid(Problems),
    /// A font could not be read or lacks what lapkin needs.
    #[error("font {font}: {message}")]
    Font {
        /// Which font (face name or file).
        font: String,
        /// What is wrong with it.
        message: String,
    },
    /// The font lacks a character the report uses.
    #[error(
        "the font {font} has no glyph for {character:?} (U+{code:04X}), used {at}in {context:?}; \
         replace the character or choose a font that has it",
        at = if path.is_empty() { String::new() } else { format!("at {path} ") }
    )]
    MissingGlyph {
        /// The character.
        character: char,
        /// Its code point.
        code: u32,
        /// The face that lacks it, e.g. "LiberationSans-Bold".
        font: String,
        /// The JSON path of the text, when it comes from the report.
        path: String,
        /// The text around it.
        context: String,
    },
    /// Something cannot be laid out, e.g. a block taller than an empty page.
    ///
    /// Reads "`path`: `what` does not fit on page `page`: `reason`", the
    /// path and the page left out where unknown ("... on a page").
    #[error(
        "{}{what} does not fit on {}: {reason}",
        if path.is_empty() { String::new() } else { format!("{path}: ") },
        match page { Some(n) => format!("page {n}"), None => "a page".to_owned() }
    )]
    DoesNotFit {
        /// What did not fit, e.g. "a row of the table".
        what: String,
        /// The JSON path of what did not fit in the report, e.g.
        /// `analisis[2].kendala[0].tabel.baris[4]`; empty if unknown.
        path: String,
        /// The page it was to go on, counted from 1, if the error arose
        /// while filling pages.
        page: Option<usize>,
        /// Why.
        reason: String,
    },
    /// A PDF given to be read (by [`extract_source`](crate::extract_source)
    /// or [`verify`](crate::verify)) cannot be read, or carries no
    /// attached report or no record of its options.
    #[error("{0}")]
    Attachment(String),
    /// A PDF given to be read cannot be read, or not unambiguously, or not
    /// within lapkin's limits (see [`ReadError`](crate::read::ReadError)).
    #[error("{0}")]
    Read(crate::read::ReadError),
    /// [`extract_source`](crate::extract_source): a revision appended
    /// after lapkin's (an incremental update) changes the attached files,
    /// so the report cannot be given as lapkin wrote it.
    #[error(
        "revision {revision} of the PDF (an incremental update after the one lapkin wrote) \
         changes {what}; lapkin gives only the report as it wrote it, and refuses a file whose \
         later revisions change it (`lapkin verify` says what else they change)"
    )]
    AttachmentChanged {
        /// The revision, counted from 1 (lapkin's).
        revision: usize,
        /// What it changes ("the attached file \"laporan-kinerja.json\"").
        what: String,
    },
    /// Writing the PDF failed.
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
}

impl Error {
    /// The problems of an invalid report, if this is one.
    pub fn problems(&self) -> Option<&[Problem]> {
        match self {
            Error::Invalid(p) => Some(&p.0),
            _ => None,
        }
    }

    /// Whether the error is the input's fault: bad JSON, too large, an
    /// invalid report, a font that cannot be used or lacks a character,
    /// content that cannot be laid out, a PDF to read that cannot be read
    /// or carries no attached report. The rest ([`Error::Pdf`]) are
    /// lapkin's own failures: bugs to report.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            Error::Json { .. }
                | Error::TooLarge { .. }
                | Error::Invalid(_)
                | Error::Font { .. }
                | Error::MissingGlyph { .. }
                | Error::DoesNotFit { .. }
                | Error::Attachment(_)
                | Error::Read(_)
                | Error::AttachmentChanged { .. }
        )
    }
}

/// One problem in a report: where and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The JSON path, e.g. `anggaran.rincian[3].pagu`; empty for the whole
    /// document.
    pub path: String,
    /// What was found and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "(top level): {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// All problems of an invalid report, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            1 => write!(f, "1 problem:")?,
            n => write!(f, "{n} problems:")?,
        }
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}
