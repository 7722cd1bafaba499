//! Why a PDF given to [`extract_source`](crate::extract_source) or
//! [`verify`](crate::verify) cannot be read.

use crate::problem::{Kind, Location, Problem};

/// A PDF that cannot be read, or not unambiguously (readers could see
/// different documents in it), or not within lapkin's limits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The bytes are not a PDF lapkin can read: the header, the
    /// cross-reference sections or an object are broken. `offset` is the
    /// byte where reading failed.
    #[error("it is not a PDF that can be read: {what} (at byte {offset})")]
    Malformed {
        /// Where reading failed, in bytes from the start of the file.
        offset: usize,
        /// What was found, and what was expected.
        what: String,
    },
    /// PDF readers could read the file differently (two definitions of
    /// one object, a cross-reference section out of order, ...): it is
    /// refused rather than read one way.
    #[error("it cannot be read unambiguously: {0}")]
    Ambiguous(String),
    /// A stream lapkin needs is in a form it does not decode (a filter
    /// other than FlateDecode, an external file) or is corrupt; its raw
    /// bytes are never used instead.
    #[error("{what} cannot be decoded: {why}")]
    Undecodable {
        /// The stream, e.g. "object 12 0".
        what: String,
        /// Why: the filter, or the decoder's error.
        why: String,
    },
    /// Reading the file would take more than lapkin's limits allow: more
    /// decoded bytes than [`DECODE_BUDGET`](crate::DECODE_BUDGET) in all,
    /// too many revisions, objects nested too deep, an attached report
    /// over the input limit.
    #[error("{what} exceeds lapkin's limit of {limit}")]
    OverLimit {
        /// What is too large.
        what: String,
        /// The limit, in words ("268435456 bytes", "64 levels").
        limit: String,
    },
    /// The file is encrypted; lapkin writes no encrypted files.
    #[error("it is encrypted, which lapkin's PDFs never are")]
    Encrypted,
}

impl ReadError {
    /// The problem of the PDF given to be read, in the catalogue's words.
    pub(crate) fn problem(&self) -> Problem {
        let at = Location::Input;
        match self {
            ReadError::Malformed { offset, what } => Problem::new(at, Kind::PdfMalformed)
                .with("en_detail", what.as_str())
                .with("offset", *offset),
            ReadError::Ambiguous(why) => {
                Problem::new(at, Kind::PdfAmbiguous).with("en_detail", why.as_str())
            }
            ReadError::Undecodable { what, why } => Problem::new(at, Kind::PdfUndecodable)
                .with("en_what", what.as_str())
                .with("en_why", why.as_str()),
            ReadError::OverLimit { what, limit } => Problem::new(at, Kind::PdfOverLimit)
                .with("en_what", what.as_str())
                .with("limit", limit.as_str()),
            ReadError::Encrypted => Problem::new(at, Kind::PdfEncrypted),
        }
    }
}

/// The result of reading.
pub(crate) type ReadResult<T> = std::result::Result<T, ReadError>;

/// A malformed file at `offset`.
pub(crate) fn malformed(offset: usize, what: impl Into<String>) -> ReadError {
    ReadError::Malformed {
        offset,
        what: what.into(),
    }
}
