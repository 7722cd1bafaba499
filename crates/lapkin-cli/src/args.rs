//! The command line: clap's definitions of the commands and options, and
//! the parsers of option values clap does not know (`--max-input-size`).
//!
//! Only the syntax is checked here; what the values mean together is
//! checked by [`crate::options`] and the commands.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::{Lang, Words, lang, words};

/// The long help of `--max-input-size`.
const MAX_INPUT_HELP: &str = "\
The largest input accepted, in bytes; K, M and G (or KiB, MiB, GiB) multiply by \
1024, 1024² and 1024³. The default, 32M, is about 800 times the reference report; \
an input over the limit is refused with its real size, before it is parsed.";

/// Lay out an Indonesian Laporan Kinerja Triwulan from JSON into the
/// official A4 PDF, ready to be signed electronically.
#[derive(Debug, Parser)]
#[command(name = "lapkin", version)]
pub struct Cli {
    /// The language of messages and help: `en` (English) or `id`
    /// (Indonesian) [default: from LC_ALL, LC_MESSAGES or LANG; Indonesian
    /// when it starts with `id`].
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands, with their arguments.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a report and list every problem with its JSON path. The report
    /// is rendered in memory with the same options as `render` and the PDF
    /// discarded, so a report that passes `check` renders.
    Check {
        /// The report's JSON file, or `-` for standard input. The images it
        /// names are read relative to it (to the current directory for
        /// standard input).
        input: PathBuf,
        /// The options shared with the other command.
        #[command(flatten)]
        options: RenderArgs,
    },
    /// Render a report to the official PDF.
    Render {
        /// The report's JSON file, or `-` for standard input. The images it
        /// names are read relative to it (to the current directory for
        /// standard input).
        input: PathBuf,
        /// Where to write the PDF, or `-` for standard output [default: INPUT
        /// with the extension .pdf; standard output when INPUT is `-`]. The
        /// file is written under a temporary name beside it and renamed, so
        /// a failure never leaves a partial file or destroys an existing
        /// one. A symbolic link is followed: its target is replaced. The
        /// input itself, a directory, a device, FIFO or socket and a
        /// read-only file are refused.
        #[arg(short, long, value_name = "OUTPUT")]
        output: Option<PathBuf>,
        /// Also write where the signature goes to FILE (`-` for standard
        /// output), as JSON: the page, the tag, the box for BSrE's v1 API
        /// (xAxis, yAxis from the bottom-left) and v2 API (originX, originY
        /// from the top-left), and the PDF rectangle, all in points. It is
        /// written like the PDF, and renamed into place after it.
        #[arg(long, value_name = "FILE")]
        signature_box: Option<PathBuf>,
        /// The options shared with the other command.
        #[command(flatten)]
        options: RenderArgs,
    },
    /// Print the JSON Schema of the input, for editors' completion and checks.
    Schema,
    /// Write the report attached to a PDF rendered with --attach-source
    /// (laporan-kinerja.json) as lapkin wrote it, also from a file signed
    /// afterwards; a file whose later revisions change the attached files
    /// is refused (exit 1), naming the revision.
    Extract {
        /// The PDF, or `-` for standard input.
        input: PathBuf,
        /// Where to write the JSON, or `-` for standard output [default:
        /// standard output]. Written under a temporary name and renamed,
        /// like render's output.
        #[arg(short, long, value_name = "OUTPUT")]
        output: Option<PathBuf>,
        /// The largest attached report accepted, in bytes (the PDF itself
        /// may be four times as large).
        #[arg(long, value_name = "BYTES", default_value = "32M", value_parser = parse_size,
              long_help = READ_LIMIT_HELP, hide_default_value = true)]
        max_input_size: u64,
    },
    /// Check that a PDF rendered with --attach-source is exactly lapkin's
    /// rendering of the report attached to it: render the report again
    /// with the recorded options and compare it with the document as
    /// lapkin wrote it, then check that every revision appended since
    /// adds only what a signature adds. Exit 0 if so, 1 naming the first
    /// difference or change, 3 if the fonts it was made with are not
    /// available.
    Verify {
        /// The PDF, or `-` for standard input.
        input: PathBuf,
        /// The font family the document was made with, when it was not the
        /// bundled Liberation Sans: as for render (files, a directory, or
        /// ROLE=FILE four times). Its files must be the ones recorded.
        #[arg(long = "font", value_name = "FILE|DIR|ROLE=FILE")]
        fonts: Vec<OsString>,
        /// The largest attached report accepted, in bytes (the PDF itself
        /// may be four times as large).
        #[arg(long, value_name = "BYTES", default_value = "32M", value_parser = parse_size,
              long_help = READ_LIMIT_HELP, hide_default_value = true)]
        max_input_size: u64,
    },
}

/// The long help of `--max-input-size` for `extract` and `verify`.
const READ_LIMIT_HELP: &str = "\
The largest attached report accepted, in bytes (K, M, G suffixes) [default: 32M, as \
render's input]; the PDF file may be four times as large. A PDF that is not a regular file \
(a FIFO, a device) is refused unless it comes on standard input (`-`).";

/// The options that change whether and how a report renders, shared by
/// `check` and `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A font family to use instead of the bundled Liberation Sans: its
    /// four TrueType/OpenType files, recognised from the fonts themselves,
    /// or a directory holding them; or each face by role:
    /// `--font regular=FILE --font bold=FILE --font italic=FILE --font
    /// bold-italic=FILE` (for families whose faces do not say which they
    /// are, such as Light/Demi). Repeat for each file.
    #[arg(long = "font", value_name = "FILE|DIR|ROLE=FILE")]
    pub fonts: Vec<OsString>,
    /// Add an empty signature field over the box, for PAdES signers
    /// such as pyHanko or Adobe; `--signature-field=NAME` names it
    /// [default NAME: ttd_kepala].
    #[arg(
        long,
        value_name = "NAME",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = lapkin::pdf::DEFAULT_SIGNATURE_FIELD
    )]
    pub signature_field: Option<String>,
    /// The standard the PDF keeps to: `a2b`, PDF/A-2b (XMP metadata and
    /// an sRGB output intent, about 2 KB), `a3b`, PDF/A-3b (what
    /// `--attach-source` makes of `a2b`), or `none`, a plain PDF 1.7.
    #[arg(long, value_name = "STANDARD", value_enum, default_value_t = PdfStandardArg::A2b)]
    pub pdf_standard: PdfStandardArg,
    /// Attach the report to the PDF (as laporan-kinerja.json, its
    /// canonical JSON, with lapkin-render.json, the options that shaped the
    /// pages, and the images the report names), making a PDF/A-3b file from
    /// which `lapkin extract` gets the report back and `lapkin verify`
    /// proves the pages show it.
    #[arg(long)]
    pub attach_source: bool,
    /// The largest input accepted, in bytes (the help is in the attribute).
    #[arg(
        long,
        value_name = "BYTES",
        default_value = "32M",
        value_parser = parse_size,
        help = "The largest input accepted, in bytes (K, M, G suffixes) [default: 32M]",
        long_help = MAX_INPUT_HELP,
        hide_default_value = true
    )]
    pub max_input_size: u64,
    /// How problems are told: `human`, text on standard error, or `json`,
    /// one JSON object per problem and line (its path as an array of keys
    /// and indices, `kind`, `message`, `hint`) on standard output, or on
    /// standard error when the PDF goes to standard output.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// The values of `--message-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// Text for people, on standard error.
    Human,
    /// One JSON object per problem and line, for editors and forms.
    Json,
}

/// `--lang`: `en` or `id`.
fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse().map_err(|_| match lang() {
        Lang::En => format!("expected `en` or `id`, found {text:?}"),
        Lang::Id => format!("seharusnya `en` atau `id`, bukan {text:?}"),
    })
}

/// The values of `--pdf-standard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    /// PDF/A-2b (ISO 19005-2, level B): archival, the default.
    A2b,
    /// PDF/A-3b: PDF/A-2b that may carry attached files (what
    /// `--attach-source` makes of `a2b`).
    A3b,
    /// A plain PDF 1.7, without XMP metadata or output intent.
    None,
}

impl From<PdfStandardArg> for lapkin::pdf::PdfStandard {
    fn from(arg: PdfStandardArg) -> Self {
        match arg {
            PdfStandardArg::A2b => lapkin::pdf::PdfStandard::A2b,
            PdfStandardArg::A3b => lapkin::pdf::PdfStandard::A3b,
            PdfStandardArg::None => lapkin::pdf::PdfStandard::None,
        }
    }
}

/// `--max-input-size`: a number of bytes with an optional binary suffix.
pub fn parse_size(text: &str) -> Result<u64, Words> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let not_a_size = || {
        words(
            format!("expected a number of bytes such as 64M or 1048576, found {text:?}"),
            format!("seharusnya jumlah bita seperti 64M atau 1048576, bukan {text:?}"),
        )
    };
    let shift = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(not_a_size()),
    };
    let n: u64 = number.parse().map_err(|_| not_a_size())?;
    n.checked_mul(1 << shift)
        .filter(|&n| n >= 1 && usize::try_from(n).is_ok())
        .ok_or_else(|| {
            words(
                format!("expected at least 1 byte and at most {} bytes", usize::MAX),
                format!(
                    "seharusnya sedikitnya 1 bita dan paling banyak {} bita",
                    usize::MAX
                ),
            )
        })
}

/// Whether a path argument is `-`: standard input as INPUT, standard
/// output as an output.
pub fn is_dash(path: &Path) -> bool {
    path == Path::new("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(
            parse_size("32M").unwrap(),
            lapkin::model::MAX_INPUT_BYTES as u64
        );
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert!(parse_size("").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("-5").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
