//! What can go wrong in a run, how it is told, and the exit code it maps to.
//!
//! Every failure is a [`Failure`]; `main` prints it once, as `lapkin: ...`
//! on standard error, and exits with [`Failure::exit_code`]. The exit codes
//! are documented in one place, [`EXIT_CODES`], which `--help` prints under
//! every command and the README's CLI section repeats as a table (the
//! test `the_readme_lists_the_exit_codes_of_help` in `tests/cli.rs` keeps
//! the two lists of codes equal):
//!
//! | code  | meaning |
//! |-------|---------|
//! | 0     | success, also when standard output is closed early ([`Failure::Quiet`]) |
//! | 1     | invalid input ([`Failure::Input`] of an input error, [`Failure::TooLarge`]), a document that is not its attached report's rendering ([`Failure::NotVerified`]) |
//! | 2     | usage error ([`Failure::Usage`]); clap's own errors exit 2 too |
//! | 3     | a file could not be read or written, or is refused ([`Failure::Io`], `Refused`); the fonts to verify with are missing ([`Failure::FontsMissing`]) |
//! | 4     | internal error, a bug in lapkin ([`Failure::Input`] of a non-input error) |
//! | 128+N | interrupted by signal N (see [`crate::signals`]) |

use std::fmt;
use std::io;

/// The exit codes, as `--help` prints them after every command's options.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when standard output is closed early, as by `| head`)
  1  invalid input: broken JSON, a report with problems (all are listed),
     an input over the size limit, a character the font lacks, a font file
     that is not a usable font, content that cannot be laid out; extract
     and verify: a PDF that cannot be read unambiguously, or without an
     attached report; extract: a later revision changes the report;
     verify: the document is not lapkin's rendering of its attached
     report, or a later revision changes more than a signature (the first
     difference is named)
  2  usage error: unknown command or option, missing argument, a bad
     option value or SOURCE_DATE_EPOCH, an output that is the input itself
  3  a file could not be read or written (a full disk, a missing
     directory), or is refused: a directory, a device, FIFO or socket (as
     an output, or as extract's and verify's PDF or a --font file), a
     read-only file; verify: the fonts the document was made with are not
     the bundled ones or those given with --font
  4  internal error: a bug in lapkin, please report it
  128+N  interrupted by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP);
     the temporary files are removed and no output is replaced";

/// What went wrong, with the exit code it maps to.
#[derive(Debug)]
pub enum Failure {
    /// The input is not a valid report (or the library failed on it).
    Input {
        /// The input as messages name it: its path, `<stdin>`, or the
        /// option the error is about (`--font`).
        source: String,
        /// The library's error.
        error: lapkin::Error,
    },
    /// The input is larger than the limit.
    TooLarge {
        /// The input as messages name it.
        source: String,
        /// How large it is.
        size: Size,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The arguments do not fit together.
    Usage(String),
    /// A file could not be read or written.
    Io {
        /// What was being done: "read" or "write".
        what: &'static str,
        /// The file as messages name it.
        path: String,
        /// Why it failed.
        error: io::Error,
    },
    /// An output that would destroy something if written.
    Refused(String),
    /// `verify`: the document is not lapkin's rendering of its attached
    /// report; the message names the first difference.
    NotVerified(String),
    /// `verify`: the fonts the document was made with are not available.
    FontsMissing(String),
    /// Standard output was closed by its reader: nothing more to say.
    Quiet,
}

/// The size of an input over the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Exactly this many bytes.
    Exact(u64),
    /// Counting stopped there (e.g. an endless stream).
    MoreThan(u64),
}

impl Failure {
    /// The process's exit code for this failure: see [`EXIT_CODES`].
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Quiet => 0,
            Failure::Input { error, .. } if is_internal(error) => 4,
            Failure::Input { .. } | Failure::TooLarge { .. } | Failure::NotVerified(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Io { .. } | Failure::Refused(_) | Failure::FontsMissing(_) => 3,
        }
    }

    /// A `map_err` adapter: an I/O error doing `what` ("read", "write") to
    /// `path`.
    pub fn io(what: &'static str, path: impl fmt::Display) -> impl FnOnce(io::Error) -> Failure {
        move |error| Failure::Io {
            what,
            path: path.to_string(),
            error,
        }
    }
}

/// Whether a library error is lapkin's own fault rather than the input's
/// (the report, its fonts, its options).
fn is_internal(error: &lapkin::Error) -> bool {
    !error.is_input_error()
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Input { source, error } if is_internal(error) => write!(
                f,
                "internal error: this is a bug in lapkin, please report it: {source}: {error}"
            ),
            Failure::Input { source, error } => match error {
                lapkin::Error::Json {
                    line,
                    column,
                    message,
                } => write!(f, "{source}:{line}:{column}: invalid JSON: {message}"),
                lapkin::Error::Invalid(problems) => {
                    write!(f, "{source} is not a valid report, {problems}")
                }
                other => write!(f, "{source}: {other}"),
            },
            Failure::TooLarge {
                source,
                size,
                limit,
            } => too_large(f, source, *size, *limit),
            Failure::Usage(message)
            | Failure::Refused(message)
            | Failure::NotVerified(message)
            | Failure::FontsMissing(message) => write!(f, "{message}"),
            Failure::Io { what, path, error } => write!(f, "cannot {what} {path}: {error}"),
            Failure::Quiet => Ok(()),
        }
    }
}

/// Tells an input over the limit: its size, the limit, and the option
/// value that would let it through.
fn too_large(f: &mut fmt::Formatter<'_>, source: &str, size: Size, limit: u64) -> fmt::Result {
    let (text, at_least) = match size {
        Size::Exact(n) => (format!("{n} bytes ({})", human(n)), n),
        Size::MoreThan(n) => (format!("more than {n} bytes ({})", human(n)), n + 1),
    };
    write!(
        f,
        "{source}: the input is {text}; the limit is {limit} bytes ({}); raise it with \
         --max-input-size, e.g. --max-input-size {}M",
        human(limit),
        at_least.div_ceil(1 << 20)
    )
}

/// A size in the largest binary unit that keeps it at least 1.
fn human(n: u64) -> String {
    const UNITS: [(&str, u32); 3] = [("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if n >= 1 << shift {
            let value = n as f64 / f64::from(1u32 << shift);
            return if value.fract() == 0.0 {
                format!("{value} {unit}")
            } else {
                format!("{value:.1} {unit}")
            };
        }
    }
    format!("{n} B")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_of_lapkin_itself_is_exit_4_and_says_so() {
        let internal = Failure::Input {
            source: "laporan.json".into(),
            error: lapkin::Error::Pdf("lopdf failed".into()),
        };
        assert_eq!(internal.exit_code(), 4);
        assert_eq!(
            internal.to_string(),
            "internal error: this is a bug in lapkin, please report it: laporan.json: writing \
             the PDF failed: lopdf failed"
        );
        for error in [
            lapkin::Error::TooLarge { size: 2, limit: 1 },
            lapkin::Error::Font {
                font: "x.ttf".into(),
                message: "bad".into(),
            },
            lapkin::Error::DoesNotFit {
                what: "a table".into(),
                path: "rekomendasi[0].tabel".into(),
                page: Some(2),
                reason: "tall".into(),
            },
        ] {
            let input = Failure::Input {
                source: "laporan.json".into(),
                error,
            };
            assert_eq!(input.exit_code(), 1, "{input}");
        }
    }

    #[test]
    fn sizes_are_told_in_binary_units() {
        assert_eq!(human(32 << 20), "32 MiB");
        assert_eq!(human(40_000_000), "38.1 MiB");
        assert_eq!(human(512), "512 B");
    }
}
