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
  1  invalid input: broken JSON, or a report with problems (all are listed)
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
