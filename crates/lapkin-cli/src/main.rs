//! `lapkin`: check a *Laporan Kinerja Triwulan* JSON, print its schema, and
//! render it to the official PDF.
//!
//! A thin shell over the `lapkin` library: parse the arguments, read the
//! input, call the library, write the output, map the outcome to an exit
//! code. Everything the user sees on failure is printed once, here.

use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  invalid input: broken JSON, a report with problems (all are listed),
     a character the font lacks, a font file that is not a usable font
  2  usage error: unknown command or option, missing argument
  3  a file could not be read or written";

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
    /// Check a report and list every problem with its JSON path.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The report's JSON file, or `-` for standard input.
        input: PathBuf,
    },
    /// Render a report to the official PDF.
    #[command(after_help = EXIT_CODES)]
    Render {
        /// The report's JSON file, or `-` for standard input.
        input: PathBuf,
        /// Where to write the PDF, or `-` for standard output [default: INPUT
        /// with the extension .pdf; standard output when INPUT is `-`]. The
        /// file is written under a temporary name and renamed, so a failure
        /// never leaves a partial file or destroys an existing one.
        #[arg(short, long, value_name = "OUTPUT")]
        output: Option<PathBuf>,
        /// A font family to use instead of the bundled Liberation Sans: its
        /// four TrueType files (regular, bold, italic, bold italic), or a
        /// directory holding them. Repeat for several files.
        #[arg(long = "font", value_name = "FILE|DIR")]
        fonts: Vec<PathBuf>,
        /// Also write where the signature goes to FILE (`-` for standard
        /// output), as JSON: the page, the tag, the box for BSrE's v1 API
        /// (xAxis, yAxis from the bottom-left) and v2 API (originX, originY
        /// from the top-left), and the PDF rectangle, all in points.
        #[arg(long, value_name = "FILE")]
        signature_box: Option<PathBuf>,
        /// Add an empty signature field over the box, for PAdES signers
        /// such as pyHanko or Adobe; `--signature-field=NAME` names it
        /// [default NAME: ttd_kepala].
        #[arg(
            long,
            value_name = "NAME",
            num_args = 0..=1,
            require_equals = true,
            default_missing_value = lapkin::signing::DEFAULT_FIELD
        )]
        signature_field: Option<String>,
    },
    /// Print the JSON Schema of the input, for editors' completion and checks.
    #[command(after_help = EXIT_CODES)]
    Schema,
}

/// What went wrong, with the exit code it maps to.
enum Failure {
    /// The input is not a valid report.
    Input {
        source: String,
        error: lapkin::Error,
    },
    /// The arguments do not fit together.
    Usage(String),
    /// A file could not be read or written.
    Io {
        what: String,
        path: String,
        error: io::Error,
    },
}

impl Failure {
    fn exit_code(&self) -> u8 {
        match self {
            Failure::Input { .. } => 1,
            Failure::Usage(_) => 2,
            Failure::Io { .. } => 3,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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
            Failure::Usage(message) => write!(f, "{message}"),
            Failure::Io { what, path, error } => write!(f, "cannot {what} {path}: {error}"),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("lapkin: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Check { input } => {
            let (source, bytes) = read_input(&input)?;
            let report = lapkin::parse_report(&bytes).map_err(|error| Failure::Input {
                source: source.clone(),
                error,
            })?;
            let indicators = report.indikator().count();
            println!(
                "{source}: ok: {} ({} indikator, {} rincian output)",
                report.title(),
                indicators,
                report.anggaran.rincian.len()
            );
            Ok(())
        }
        Command::Render {
            input,
            output,
            fonts,
            signature_box,
            signature_field,
        } => {
            let (source, bytes) = read_input(&input)?;
            let input_error = |error| Failure::Input {
                source: source.clone(),
                error,
            };
            let report = lapkin::parse_report(&bytes).map_err(input_error)?;
            let mut options = lapkin::RenderOptions::default();
            if !fonts.is_empty() {
                options.fonts = load_fonts(&fonts)?;
            }
            options.pdf.timestamp = source_date_epoch();
            options.pdf.signature_field = signature_field;
            let output = match output {
                Some(o) => o,
                None if input == Path::new("-") => PathBuf::from("-"),
                None => input.with_extension("pdf"),
            };
            if output == Path::new("-") && signature_box.as_deref() == Some(Path::new("-")) {
                return Err(Failure::Usage(
                    "the PDF and --signature-box cannot both go to standard output".into(),
                ));
            }
            let rendered = lapkin::render(&report, &options).map_err(input_error)?;
            write_output(&output, &rendered.pdf)?;
            if let Some(path) = signature_box {
                let json = serde_json::to_string_pretty(&rendered.signature).unwrap_or_default();
                write_output(&path, format!("{json}\n").as_bytes())?;
            }
            Ok(())
        }
        Command::Schema => {
            let schema = lapkin::model::report_schema();
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            let mut out = io::stdout().lock();
            writeln!(out, "{text}").map_err(|error| Failure::Io {
                what: "write".into(),
                path: "standard output".into(),
                error,
            })
        }
    }
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed
/// timestamp, if it is set to a number.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Reads font files, and the font files inside directories.
fn load_fonts(paths: &[PathBuf]) -> Result<lapkin::FontSet, Failure> {
    let io = |path: &Path, error| Failure::Io {
        what: "read".into(),
        path: path.display().to_string(),
        error,
    };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| io(path, e))?
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
            files.push(path.clone());
        }
    }
    let mut faces = Vec::new();
    for file in &files {
        let data = std::fs::read(file).map_err(|e| io(file, e))?;
        faces.push((file.display().to_string(), data));
    }
    lapkin::FontSet::from_files(faces).map_err(|error| Failure::Input {
        source: "--font".into(),
        error,
    })
}

/// Writes `bytes` to `path` (standard output for `-`) through a temporary
/// file in the same directory, renamed over the target only when complete.
fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let io = |error| Failure::Io {
        what: "write".into(),
        path: path.display().to_string(),
        error,
    };
    if path == Path::new("-") {
        let mut out = io::stdout().lock();
        return out.write_all(bytes).and_then(|()| out.flush()).map_err(io);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".lapkin-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // A temporary file is private (0600); the PDF is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match std::fs::metadata(path) {
            Ok(existing) => existing.permissions().mode(),
            Err(_) => 0o644,
        };
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Reads the input file, or standard input for `-`, up to the size limit.
fn read_input(path: &Path) -> Result<(String, Vec<u8>), Failure> {
    let limit = lapkin::model::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let (source, result) = if path == Path::new("-") {
        let source = "<stdin>".to_owned();
        let result = io::stdin().lock().take(limit).read_to_end(&mut bytes);
        (source, result)
    } else {
        let source = path.display().to_string();
        let result = std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes));
        (source, result)
    };
    match result {
        Ok(_) => Ok((source, bytes)),
        Err(error) => Err(Failure::Io {
            what: "read".into(),
            path: source,
            error,
        }),
    }
}
