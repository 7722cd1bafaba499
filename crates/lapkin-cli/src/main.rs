//! `lapkin`: check a *Laporan Kinerja Triwulan* JSON, print its schema, and
//! render it to the official PDF.
//!
//! A thin shell over the `lapkin` library: parse the arguments, read the
//! input, call the library, write the output, map the outcome to an exit
//! code. Everything the user sees on failure is printed once, here.
//!
//! Nothing here panics on output: every write's error is handled (a closed
//! standard output ends the run quietly, as `| head` expects; a full disk
//! is exit 3; an error writing standard error is ignored). Nothing here
//! loses data: outputs are checked before anything is written, written
//! under temporary names beside their targets and renamed into place at
//! the end, and the temporaries are removed on SIGINT, SIGTERM and SIGHUP.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, MutexGuard};

use clap::{Args, Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when standard output is closed early, as by `| head`)
  1  invalid input: broken JSON, a report with problems (all are listed),
     an input over the size limit, a character the font lacks, a font file
     that is not a usable font, content that cannot be laid out
  2  usage error: unknown command or option, missing argument, a bad
     option value or SOURCE_DATE_EPOCH, an output that is the input itself
  3  a file could not be read or written (a full disk, a missing
     directory), or is refused: a directory, a device, FIFO or socket, a
     read-only file
  4  internal error: a bug in lapkin, please report it
  128+N  interrupted by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP);
     the temporary files are removed and no output is replaced";

const MAX_INPUT_HELP: &str = "\
The largest input accepted, in bytes; K, M and G (or KiB, MiB, GiB) multiply by \
1024, 1024² and 1024³. The default, 32M, is about 800 times the reference report; \
an input over the limit is refused with its real size, before it is parsed.";

/// Lay out an Indonesian Laporan Kinerja Triwulan from JSON into the
/// official A4 PDF, ready to be signed electronically.
#[derive(Debug, Parser)]
#[command(name = "lapkin", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a report and list every problem with its JSON path. The report
    /// is rendered in memory with the same options as `render` and the PDF
    /// discarded, so a report that passes `check` renders.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The report's JSON file, or `-` for standard input.
        input: PathBuf,
        #[command(flatten)]
        options: RenderArgs,
    },
    /// Render a report to the official PDF.
    #[command(after_help = EXIT_CODES)]
    Render {
        /// The report's JSON file, or `-` for standard input.
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
        #[command(flatten)]
        options: RenderArgs,
    },
    /// Print the JSON Schema of the input, for editors' completion and checks.
    #[command(after_help = EXIT_CODES)]
    Schema,
}

/// The options that change whether and how a report renders, shared by
/// `check` and `render`.
#[derive(Debug, Args)]
struct RenderArgs {
    /// A font family to use instead of the bundled Liberation Sans: its
    /// four TrueType/OpenType files, recognised from the fonts themselves,
    /// or a directory holding them; or each face by role:
    /// `--font regular=FILE --font bold=FILE --font italic=FILE --font
    /// bold-italic=FILE` (for families whose faces do not say which they
    /// are, such as Light/Demi). Repeat for each file.
    #[arg(long = "font", value_name = "FILE|DIR|ROLE=FILE")]
    fonts: Vec<OsString>,
    /// Add an empty signature field over the box, for PAdES signers
    /// such as pyHanko or Adobe; `--signature-field=NAME` names it
    /// [default NAME: ttd_kepala].
    #[arg(
        long,
        value_name = "NAME",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = lapkin::DEFAULT_SIGNATURE_FIELD
    )]
    signature_field: Option<String>,
    #[arg(
        long,
        value_name = "BYTES",
        default_value = "32M",
        value_parser = parse_size,
        help = "The largest input accepted, in bytes (K, M, G suffixes) [default: 32M]",
        long_help = MAX_INPUT_HELP,
        hide_default_value = true
    )]
    max_input_size: u64,
}

/// What went wrong, with the exit code it maps to.
#[derive(Debug)]
enum Failure {
    /// The input is not a valid report (or the library failed on it).
    Input {
        source: String,
        error: lapkin::Error,
    },
    /// The input is larger than the limit.
    TooLarge {
        source: String,
        size: Size,
        limit: u64,
    },
    /// The arguments do not fit together.
    Usage(String),
    /// A file could not be read or written.
    Io {
        what: &'static str,
        path: String,
        error: io::Error,
    },
    /// An output that would destroy something if written.
    Refused(String),
    /// Standard output was closed by its reader: nothing more to say.
    Quiet,
}

/// The size of an input over the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    Exact(u64),
    /// Counting stopped there (e.g. an endless stream).
    MoreThan(u64),
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::Quiet => 0,
            Failure::Input { error, .. } if is_internal(error) => 4,
            Failure::Input { .. } | Failure::TooLarge { .. } => 1,
            Failure::Usage(_) => 2,
            Failure::Io { .. } | Failure::Refused(_) => 3,
        }
    }

    fn io(what: &'static str, path: impl fmt::Display) -> impl FnOnce(io::Error) -> Failure {
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
            } => {
                let (text, at_least) = match size {
                    Size::Exact(n) => (format!("{n} bytes ({})", human(*n)), *n),
                    Size::MoreThan(n) => (format!("more than {n} bytes ({})", human(*n)), n + 1),
                };
                write!(
                    f,
                    "{source}: the input is {text}; the limit is {limit} bytes ({}); raise it \
                     with --max-input-size, e.g. --max-input-size {}M",
                    human(*limit),
                    at_least.div_ceil(1 << 20)
                )
            }
            Failure::Usage(message) | Failure::Refused(message) => write!(f, "{message}"),
            Failure::Io { what, path, error } => write!(f, "cannot {what} {path}: {error}"),
            Failure::Quiet => Ok(()),
        }
    }
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

/// `--max-input-size`: a number of bytes with an optional binary suffix.
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let shift = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "expected a number of bytes such as 64M or 1048576, found {text:?}"
            ));
        }
    };
    let n: u64 = number.parse().map_err(|_| {
        format!("expected a number of bytes such as 64M or 1048576, found {text:?}")
    })?;
    n.checked_mul(1 << shift)
        .filter(|&n| n >= 1 && usize::try_from(n).is_ok())
        .ok_or_else(|| format!("expected at least 1 byte and at most {} bytes", usize::MAX))
}

/// Writes a line to standard error, ignoring errors: there is nowhere left
/// to report them.
fn tell(message: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output, errors to standard
            // error; either may be closed.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    if let Err(error) = cleanup_on_signals() {
        tell(format_args!(
            "lapkin: warning: cannot watch for interruptions ({error}); an interrupted render \
             may leave a temporary .lapkin-*.tmp file"
        ));
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Quiet) => ExitCode::SUCCESS,
        Err(failure) => {
            tell(format_args!("lapkin: {failure}"));
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Check { input, options } => {
            let options = render_options(&options)?;
            let (source, report, _) = read_and_render(&input, &options)?;
            write_stdout(
                format!(
                    "{source}: ok: {} ({} indikator, {} rincian output)\n",
                    report.title(),
                    report.indikator().count(),
                    report.anggaran.rincian.len()
                )
                .as_bytes(),
            )
        }
        Command::Render {
            input,
            output,
            signature_box,
            options,
        } => {
            let render = render_options(&options)?;
            let defaulted = output.is_none();
            let output = match output {
                Some(o) => o,
                None if input == Path::new("-") => PathBuf::from("-"),
                None => input.with_extension("pdf"),
            };
            if is_stdout(&output) && signature_box.as_deref().is_some_and(is_stdout) {
                return Err(Failure::Usage(
                    "the PDF and --signature-box cannot both go to standard output".into(),
                ));
            }
            // Everything that could destroy data is refused before anything
            // is read, rendered or written.
            let input_id = input_identity(&input);
            let pdf = Destination::new(&output)?;
            let sig = signature_box.as_deref().map(Destination::new).transpose()?;
            if let (Some(id), Destination::File(target)) = (input_id, &pdf)
                && target.id == Some(id)
            {
                return Err(Failure::Usage(if defaulted {
                    format!(
                        "the PDF would replace the input {} (its name ends in .pdf); name the \
                         output with -o",
                        input.display()
                    )
                } else {
                    format!(
                        "-o {} is the input file{}; the PDF would replace the report; choose \
                         another name",
                        output.display(),
                        input_name(&input)
                    )
                }));
            }
            if let Some(Destination::File(target)) = &sig {
                if input_id.is_some() && target.id == input_id {
                    return Err(Failure::Usage(format!(
                        "--signature-box {} is the input file{}; choose another name",
                        target.shown,
                        input_name(&input)
                    )));
                }
                if let Destination::File(out) = &pdf
                    && out.same_as(target)
                {
                    return Err(Failure::Usage(format!(
                        "--signature-box {} is the PDF's output {}; choose another name",
                        target.shown, out.shown
                    )));
                }
            }
            // The temporaries exist from here on, so that a directory that
            // cannot be written is found before the work is done.
            let mut pdf = pdf.stage()?;
            let mut sig = sig.map(Destination::stage).transpose()?;

            let (_, _, rendered) = read_and_render(&input, &render)?;
            pdf.fill(&rendered.pdf)?;
            if let Some(sig) = &mut sig {
                let json = serde_json::to_string_pretty(&rendered.signature).map_err(|e| {
                    Failure::Input {
                        source: "--signature-box".into(),
                        error: lapkin::Error::Pdf(e.to_string()),
                    }
                })?;
                sig.fill(format!("{json}\n").as_bytes())?;
            }
            let written = pdf.commit()?;
            if let Some(sig) = sig {
                let shown = sig.shown().to_owned();
                sig.commit().map_err(|failure| match (failure, written) {
                    (Failure::Quiet, _) => Failure::Quiet,
                    (failure, Some(pdf)) => Failure::Refused(format!(
                        "the PDF was written to {pdf}, but the signature box could not be \
                         written to {shown}: {failure}; the PDF stays (it is complete); run \
                         again to write the box"
                    )),
                    (failure, None) => failure,
                })?;
            }
            Ok(())
        }
        Command::Schema => {
            let schema = lapkin::model::report_schema();
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            write_stdout(format!("{text}\n").as_bytes())
        }
    }
}

/// The input, as a message names it after "the input file".
fn input_name(input: &Path) -> String {
    if is_stdout(input) {
        " (standard input reads from it)".into()
    } else {
        format!(" {}", input.display())
    }
}

fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
}

/// Reads the input, parses it and renders it in memory: `check` and
/// `render` run the same rules.
fn read_and_render(
    input: &Path,
    options: &Options,
) -> Result<(String, lapkin::Report, lapkin::Rendered), Failure> {
    let (source, bytes) = read_input(input, options.max_input_size)?;
    let input_error = |error| Failure::Input {
        source: source.clone(),
        error,
    };
    let limit = usize::try_from(options.max_input_size).unwrap_or(usize::MAX);
    let report = lapkin::parse_report_with_limit(&bytes, limit).map_err(input_error)?;
    let rendered = lapkin::render(&report, &options.render).map_err(input_error)?;
    Ok((source, report, rendered))
}

/// The checked options of a render.
struct Options {
    render: lapkin::RenderOptions,
    max_input_size: u64,
}

fn render_options(args: &RenderArgs) -> Result<Options, Failure> {
    let mut render = lapkin::RenderOptions::default();
    if let Some(name) = &args.signature_field {
        lapkin::check_signature_field_name(name)
            .map_err(|e| Failure::Usage(format!("--signature-field={name}: {e}")))?;
    }
    render.pdf.signature_field = args.signature_field.clone();
    render.pdf.timestamp = source_date_epoch()?;
    if !args.fonts.is_empty() {
        render.fonts = load_fonts(&args.fonts)?;
        if let Some(warning) = render.fonts.mixed_families() {
            tell(format_args!("lapkin: warning: --font: {warning}"));
        }
    }
    Ok(Options {
        render,
        max_input_size: args.max_input_size,
    })
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed
/// timestamp: unset or empty means none; anything but a whole number of
/// seconds from 1970 to 9999 is an error.
fn source_date_epoch() -> Result<Option<i64>, Failure> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    if text.trim().is_empty() {
        return Ok(None);
    }
    let secs: i64 = text.trim().parse().map_err(|_| {
        Failure::Usage(format!(
            "SOURCE_DATE_EPOCH={text:?} is not a whole number of seconds since 1970-01-01 \
             00:00 UTC; unset it or give one, e.g. 1700000000"
        ))
    })?;
    lapkin::check_timestamp(secs).map_err(|e| Failure::Usage(format!("SOURCE_DATE_EPOCH: {e}")))?;
    Ok(Some(secs))
}

/// The roles of `--font ROLE=FILE`, in the order of [`lapkin::FontSet::from_faces`].
const ROLES: [&str; 4] = ["regular", "bold", "italic", "bold-italic"];

/// Reads the fonts of `--font`: four faces by role, or files and the font
/// files inside directories, recognised from what they say of themselves.
fn load_fonts(args: &[OsString]) -> Result<lapkin::FontSet, Failure> {
    let read = |path: &Path| {
        fs::read(path)
            .map(|data| (path.display().to_string(), data))
            .map_err(Failure::io("read", path.display()))
    };
    let font_error = |error| Failure::Input {
        source: "--font".into(),
        error,
    };
    let mut roles: [Option<PathBuf>; 4] = Default::default();
    let mut plain = Vec::new();
    for arg in args {
        let role = arg.to_str().and_then(|s| {
            let (role, file) = s.split_once('=')?;
            let index = ROLES
                .iter()
                .position(|r| *r == role.replace('_', "-").to_ascii_lowercase())?;
            Some((index, PathBuf::from(file)))
        });
        match role {
            Some((index, file)) => {
                if roles[index].replace(file).is_some() {
                    return Err(Failure::Usage(format!(
                        "--font {}=FILE is given twice",
                        ROLES[index]
                    )));
                }
            }
            None => plain.push(PathBuf::from(arg)),
        }
    }
    if roles.iter().any(Option::is_some) {
        if !plain.is_empty() {
            return Err(Failure::Usage(format!(
                "--font {}: give the four faces either by role (regular=FILE, bold=FILE, \
                 italic=FILE, bold-italic=FILE) or as files and directories, not both",
                plain[0].display()
            )));
        }
        let missing: Vec<String> = ROLES
            .iter()
            .zip(&roles)
            .filter(|(_, f)| f.is_none())
            .map(|(r, _)| format!("{r}=FILE"))
            .collect();
        if !missing.is_empty() {
            return Err(Failure::Usage(format!(
                "--font: {} missing; by role, give all four faces: regular=FILE, bold=FILE, \
                 italic=FILE, bold-italic=FILE",
                missing.join(", ")
            )));
        }
        let [r, b, i, bi] = roles.map(|f| f.unwrap_or_default());
        let faces = [read(&r)?, read(&b)?, read(&i)?, read(&bi)?];
        return lapkin::FontSet::from_faces(faces).map_err(font_error);
    }
    let mut files = Vec::new();
    for path in plain {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(&path)
                .map_err(Failure::io("read", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf"))
                })
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(path);
        }
    }
    let faces = files
        .iter()
        .map(|f| read(f))
        .collect::<Result<Vec<_>, _>>()?;
    lapkin::FontSet::from_files(faces).map_err(font_error)
}

/// Writes to standard output: a reader that closed it (`| head`) ends the
/// run quietly; any other error (a full disk) is a failure.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::Quiet),
        Err(error) => Err(Failure::Io {
            what: "write",
            path: "standard output".into(),
            error,
        }),
    }
}

/// Reads the input file, or standard input for `-`, up to `limit` bytes.
/// A regular file over the limit is refused by its size before it is read;
/// a stream is counted on (without keeping what is read) to tell its size.
fn read_input(path: &Path, limit: u64) -> Result<(String, Vec<u8>), Failure> {
    if is_stdout(path) {
        let source = "<stdin>".to_owned();
        let bytes = read_limited(io::stdin().lock(), &source, limit)?;
        return Ok((source, bytes));
    }
    let source = path.display().to_string();
    let file = fs::File::open(path).map_err(Failure::io("read", &source))?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(Failure::TooLarge {
            source,
            size: Size::Exact(meta.len()),
            limit,
        });
    }
    let bytes = read_limited(file, &source, limit)?;
    Ok((source, bytes))
}

fn read_limited(reader: impl Read, source: &str, limit: u64) -> Result<Vec<u8>, Failure> {
    let mut reader = io::BufReader::new(reader);
    let mut bytes = Vec::new();
    (&mut reader)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Failure::io("read", source))?;
    let read = bytes.len() as u64;
    if read <= limit {
        return Ok(bytes);
    }
    drop(bytes);
    // Count the rest without keeping it, up to a bound: an endless stream
    // (/dev/zero) must not keep lapkin reading forever.
    let bound = limit.saturating_mul(4).max(1 << 30);
    let rest = io::copy(&mut reader.take(bound - read), &mut io::sink())
        .map_err(Failure::io("read", source))?;
    let total = read + rest;
    Err(Failure::TooLarge {
        source: source.to_owned(),
        size: if total >= bound {
            Size::MoreThan(total)
        } else {
            Size::Exact(total)
        },
        limit,
    })
}

/// A file's identity: device and inode.
type FileId = (u64, u64);

fn file_id(meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The identity of the input file (through symbolic links; for `-`, of
/// the file standard input is redirected from, if any).
fn input_identity(input: &Path) -> Option<FileId> {
    let path = if is_stdout(input) {
        Path::new("/dev/stdin")
    } else {
        input
    };
    fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| file_id(&m))
}

/// Where an output goes.
enum Destination {
    Stdout,
    File(Target),
}

/// An output file, checked: a regular file that may be replaced, or a new
/// path.
struct Target {
    /// The path as the user gave it.
    shown: String,
    /// The path to replace: the given one with symbolic links followed.
    path: PathBuf,
    /// The existing file's identity and permissions, if there is one.
    id: Option<FileId>,
    mode: Option<u32>,
}

impl Destination {
    fn new(path: &Path) -> Result<Destination, Failure> {
        if is_stdout(path) {
            return Ok(Destination::Stdout);
        }
        Target::new(path).map(Destination::File)
    }

    fn stage(self) -> Result<Staged, Failure> {
        match self {
            Destination::Stdout => Ok(Staged::Stdout(Vec::new())),
            Destination::File(target) => target.stage(),
        }
    }
}

/// How many symbolic links are followed, as the kernel does (ELOOP).
const MAX_LINKS: usize = 40;

impl Target {
    fn new(given: &Path) -> Result<Target, Failure> {
        let shown = given.display().to_string();
        let mut path = given.to_path_buf();
        for _ in 0..=MAX_LINKS {
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Ok(Target {
                        shown,
                        path,
                        id: None,
                        mode: None,
                    });
                }
                Err(e) => return Err(Failure::io("write", &shown)(e)),
            };
            let kind = meta.file_type();
            if kind.is_symlink() {
                let link = fs::read_link(&path).map_err(Failure::io("write", &shown))?;
                path = match path.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
                continue;
            }
            let target = if path == given {
                shown.clone()
            } else {
                format!("{shown} (a link to {})", path.display())
            };
            if kind.is_dir() {
                return Err(Failure::Refused(format!(
                    "cannot write {target}: it is a directory; name the file to write, e.g. \
                     {}",
                    Path::new(&shown).join("laporan.pdf").display()
                )));
            }
            if !kind.is_file() {
                return Err(Failure::Refused(format!(
                    "cannot write {target}: it is not a regular file (a device, FIFO or \
                     socket), which lapkin does not replace; use `-` for standard output"
                )));
            }
            // Root may write anything: the write bits, not access(2), say
            // whether the owner protected the file.
            let writable = !meta.permissions().readonly()
                && fs::OpenOptions::new().write(true).open(&path).is_ok();
            if !writable {
                return Err(Failure::Refused(format!(
                    "cannot write {target}: it is read-only; lapkin does not override a \
                     file's protection (make it writable, or choose another name)"
                )));
            }
            use std::os::unix::fs::PermissionsExt;
            return Ok(Target {
                shown,
                path,
                id: Some(file_id(&meta)),
                mode: Some(meta.permissions().mode()),
            });
        }
        Err(Failure::Refused(format!(
            "cannot write {shown}: more than {MAX_LINKS} levels of symbolic links"
        )))
    }

    /// Whether two targets are the same file: the same identity, or for
    /// new paths the same name in the same directory.
    fn same_as(&self, other: &Target) -> bool {
        match (self.id, other.id) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.canonical_new() == other.canonical_new(),
            _ => false,
        }
    }

    /// A new path with its directory made canonical.
    fn canonical_new(&self) -> Option<PathBuf> {
        let name = self.path.file_name()?;
        let dir = self.dir();
        Some(fs::canonicalize(dir).ok()?.join(name))
    }

    fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        }
    }

    /// Creates the temporary file beside the target (the link's target,
    /// so that the rename stays in one file system and directory).
    fn stage(self) -> Result<Staged, Failure> {
        let mut pending = pending();
        let tmp = tempfile::Builder::new()
            .prefix(".lapkin-")
            .suffix(".tmp")
            .tempfile_in(self.dir())
            .map_err(|e| Failure::io("write", &self.shown)(os_error(e)))?;
        pending.push(tmp.path().to_path_buf());
        Ok(Staged::File { tmp, target: self })
    }
}

/// An io::Error without tempfile's note of the temporary's path, which
/// names a file the user never asked for.
fn os_error(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(end) => io::Error::new(e.kind(), &message[..end]),
        None => e,
    }
}

/// An output being written: bytes for standard output, or a temporary
/// file beside its target.
enum Staged {
    Stdout(Vec<u8>),
    File {
        tmp: tempfile::NamedTempFile,
        target: Target,
    },
}

impl Staged {
    fn shown(&self) -> &str {
        match self {
            Staged::Stdout(_) => "standard output",
            Staged::File { target, .. } => &target.shown,
        }
    }

    /// Writes the content: to the temporary file, completely and durably.
    fn fill(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        match self {
            Staged::Stdout(buffer) => {
                buffer.extend_from_slice(bytes);
                Ok(())
            }
            Staged::File { tmp, target } => {
                let io = Failure::io("write", &target.shown);
                tmp.write_all(bytes).map_err(io)?;
                // A temporary file is private (0600); the PDF is an
                // ordinary document, or keeps the permissions of the one
                // it replaces.
                use std::os::unix::fs::PermissionsExt;
                let mode = target.mode.unwrap_or(0o644) & 0o7777;
                tmp.as_file()
                    .set_permissions(fs::Permissions::from_mode(mode))
                    .map_err(Failure::io("write", &target.shown))?;
                tmp.as_file()
                    .sync_all()
                    .map_err(Failure::io("write", &target.shown))
            }
        }
    }

    /// Puts the content in place: prints it, or renames the temporary over
    /// the target. Returns the path written, for a file.
    fn commit(self) -> Result<Option<String>, Failure> {
        match self {
            Staged::Stdout(bytes) => write_stdout(&bytes).map(|()| None),
            Staged::File { tmp, target } => {
                // Under the lock, so that an interruption either removes
                // the temporary or comes after the rename.
                let mut pending = pending();
                let tmp_path = tmp.path().to_path_buf();
                tmp.persist(&target.path)
                    .map_err(|e| Failure::io("write", &target.shown)(e.error))?;
                pending.retain(|p| *p != tmp_path);
                Ok(Some(target.shown))
            }
        }
    }
}

/// The temporary files that exist now, for the signal handler to remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files and exit with
/// 128 + the signal's number, as a shell reports a process the signal
/// killed.
fn cleanup_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the exit: no rename can follow the removal.
                let pending = pending();
                for path in pending.iter() {
                    let _ = fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
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
