//! The error of every stage: the input's [`Problem`]s, or lapkin's own
//! failure.

use std::fmt;

use crate::problem::{Lang, Problem, Problems};

/// The result type of lapkin.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong between JSON and PDF.
///
/// An input that cannot be used is [`Error::Invalid`] with every problem
/// found, each with its location, kind, message and hint
/// ([`Problem`]): broken JSON, an input over the size limit, a report that
/// breaks a rule, a font that cannot be used or lacks a character, content
/// that cannot be laid out, a PDF to read that carries no report. Only
/// [`Error::Internal`] is lapkin's own failure, a bug to report.
///
/// ```
/// let err = lapkin::parse_report(b"{\n  \"unit\": 1,\n}").unwrap_err();
/// assert!(err.is_input_error());
/// assert_eq!(err.to_string(), "line 3, column 1: invalid JSON: trailing comma");
/// assert_eq!(
///     err.text(lapkin::problem::Lang::Id),
///     "baris 3, kolom 1: JSON tidak sah: ada koma di akhir"
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input cannot be used: every problem found, in document order.
    Invalid(Problems),
    /// lapkin failed on a valid input: a bug. Says what failed, in
    /// English (often a dependency's message).
    Internal(String),
}

impl Error {
    /// The problems of the input; none for an internal error.
    ///
    /// ```
    /// let err = lapkin::parse_report(br#"{"unit": 1}"#).unwrap_err();
    /// assert!(err.problems().len() > 1);
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(p) => &p.0,
            Error::Internal(_) => &[],
        }
    }

    /// Whether the error is the input's fault (the report, its fonts, its
    /// options, a PDF given to be read) rather than lapkin's own
    /// ([`Error::Internal`], a bug to report).
    ///
    /// ```
    /// assert!(lapkin::parse_report(b"[").unwrap_err().is_input_error());
    /// ```
    pub fn is_input_error(&self) -> bool {
        matches!(self, Error::Invalid(_))
    }

    /// The error as text in `lang`: one problem on one line; several
    /// counted, one per line. The [`Display`](fmt::Display) form is this
    /// text in English.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let err = lapkin::model::parse_report_with_limit(b"{}", 1).unwrap_err();
    /// assert_eq!(err.text(Lang::En), "the input is 2 bytes; the limit is 1 bytes");
    /// assert_eq!(err.text(Lang::Id), "masukan berukuran 2 bita; batasnya 1 bita");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Error::Invalid(problems) => match problems.0.as_slice() {
                [one] => one.text(lang),
                _ => problems.text(lang),
            },
            Error::Internal(what) => match lang {
                Lang::En => format!("lapkin failed: {what}"),
                Lang::Id => format!("lapkin gagal: {what}"),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::Invalid(Problems(vec![p]))
    }
}

#[cfg(feature = "read")]
impl From<crate::read::ReadError> for Error {
    /// A PDF given to be read that cannot be read: an input problem.
    fn from(e: crate::read::ReadError) -> Self {
        e.problem().into()
    }
}

impl From<Problems> for Error {
    fn from(p: Problems) -> Self {
        Error::Invalid(p)
    }
}

/// `Ok` when there are no problems, else all of them as
/// [`Error::Invalid`].
pub(crate) fn none_or_invalid(problems: Vec<Problem>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

impl From<Vec<Problem>> for Error {
    fn from(p: Vec<Problem>) -> Self {
        Error::Invalid(Problems(p))
    }
}
