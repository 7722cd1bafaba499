//! `lapkin`: check a *Laporan Kinerja Triwulan* JSON, print its schema, and
//! render it to the official PDF.
//!
//! A thin shell over the `lapkin` library: parse the arguments, read the
//! input, call the library, write the output, map the outcome to an exit
//! code. Everything the user sees on failure is printed once, here, in
//! the language of the run (English, or Bahasa Indonesia for Indonesian
//! users: see [`lang`]), as text or, with `--message-format json`, as one
//! JSON object per problem.
//!
//! Nothing here panics on output: every write's error is handled (a closed
//! standard output ends the run quietly, as `| head` expects; a full disk
//! is exit 3; an error writing standard error is ignored). Nothing here
//! loses data: outputs are checked before anything is written, written
//! under temporary names beside their targets and renamed into place at
//! the end, and the temporaries are removed on SIGINT, SIGTERM and SIGHUP.
//!
//! The modules, in the order of a run:
//!
//! - [`lang`]: the language of the run, and texts in both languages;
//! - [`args`] and [`help`]: clap's definitions of the commands and options,
//!   their help and clap's errors in the language of the run;
//! - [`commands`]: `check`, `render`, `schema`, `extract` and `verify`,
//!   and the refusals of their outputs;
//! - [`options`] and [`fonts`]: the checked render options, `--font`;
//! - [`input`]: reading the input under the size limit, its identity;
//! - [`output`]: checked destinations, temporaries renamed into place,
//!   standard output and standard error;
//! - [`signals`]: removing the temporaries on an interruption;
//! - [`failure`]: what went wrong, its message and its exit code (the
//!   table of exit codes is there).

use std::ffi::OsString;
use std::process::ExitCode;

mod args;
mod commands;
mod failure;
mod fonts;
mod help;
mod input;
mod lang;
mod options;
mod output;
mod signals;

use clap::FromArgMatches;

use args::{Cli, Command, MessageFormat, is_dash};
use failure::Failure;
use lang::{Lang, words};
use output::{tell, write_stdout};
use signals::cleanup_on_signals;

/// Parses the arguments, runs the command, and prints its failure (once)
/// with the exit code it maps to.
fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let lang = lang::choose(&argv);
    let matches = match help::command(lang).try_get_matches_from(&argv) {
        Ok(m) => m,
        Err(e) => return clap_failure(&e, lang),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        return print_help(sub.get_one::<String>("command"), lang);
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_failure(&e, lang),
    };
    if let Err(error) = cleanup_on_signals() {
        tell(format_args!(
            "lapkin: {}",
            words(
                format!(
                    "warning: cannot watch for interruptions ({error}); an interrupted render \
                     may leave a temporary .lapkin-*.tmp file"
                ),
                format!(
                    "peringatan: gangguan tidak dapat dipantau ({error}); render yang terputus \
                     dapat meninggalkan berkas sementara .lapkin-*.tmp"
                ),
            )
        ));
    }
    let reporting = Reporting::of(&cli.command);
    match run(cli) {
        Ok(()) | Err(Failure::Quiet) => ExitCode::SUCCESS,
        Err(failure) => {
            reporting.report(&failure, lang);
            ExitCode::from(failure.exit_code())
        }
    }
}

/// A clap error or request: help and the version on standard output
/// (exit 0), a usage error on standard error (exit 2), in `lang`.
fn clap_failure(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help goes to standard output, which may be closed.
            let _ = e.print();
        }
        _ if lang == Lang::En => {
            let _ = e.print();
        }
        _ => {
            use std::io::Write;
            let _ = std::io::stderr().write_all(help::error_text(e, lang).as_bytes());
        }
    }
    code
}

/// `lapkin help [COMMAND]`: the help of `lapkin` or of the command named.
fn print_help(command: Option<&String>, lang: Lang) -> ExitCode {
    let mut cmd = help::command(lang);
    let text = match command {
        None => cmd.render_long_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => sub.render_long_help(),
            None => {
                let failure = Failure::Usage(words(
                    format!("no command {name:?}; see `lapkin --help`"),
                    format!("tidak ada perintah {name:?}; lihat `lapkin --help`"),
                ));
                tell(format_args!("lapkin: {failure}"));
                return ExitCode::from(failure.exit_code());
            }
        },
    };
    match write_stdout(text.to_string().as_bytes()) {
        Ok(()) | Err(Failure::Quiet) => ExitCode::SUCCESS,
        Err(failure) => {
            tell(format_args!("lapkin: {failure}"));
            ExitCode::from(failure.exit_code())
        }
    }
}

/// How a failure is told: as text on standard error, or as JSON lines on
/// standard output (standard error when an output goes there).
struct Reporting {
    format: MessageFormat,
    to_stdout: bool,
}

impl Reporting {
    /// The reporting `command` asks for.
    fn of(command: &Command) -> Self {
        let (format, stdout_taken) = match command {
            Command::Check { options, .. } => (options.message_format, false),
            Command::Render {
                input,
                output,
                signature_box,
                options,
            } => {
                let pdf_to_stdout = match output {
                    Some(o) => is_dash(o),
                    None => is_dash(input),
                };
                let box_to_stdout = signature_box.as_deref().is_some_and(is_dash);
                (options.message_format, pdf_to_stdout || box_to_stdout)
            }
            _ => (MessageFormat::Human, false),
        };
        Reporting {
            format,
            to_stdout: !stdout_taken,
        }
    }

    /// Tells `failure` in `lang`.
    fn report(&self, failure: &Failure, lang: Lang) {
        match self.format {
            MessageFormat::Human => tell(format_args!("lapkin: {}", failure.text(lang))),
            MessageFormat::Json => {
                let mut lines = String::new();
                for object in failure.json(lang) {
                    lines.push_str(&object.to_string());
                    lines.push('\n');
                }
                if !self.to_stdout || write_stdout(lines.as_bytes()).is_err() {
                    tell(format_args!("{}", lines.trim_end()));
                }
            }
        }
    }
}

/// Runs the command the arguments name.
fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Check { input, options } => commands::check(&input, &options),
        Command::Render {
            input,
            output,
            signature_box,
            options,
        } => commands::render(&input, output, signature_box.as_deref(), &options),
        Command::Schema => commands::schema(),
        Command::Extract {
            input,
            output,
            max_input_size,
        } => commands::extract(&input, output, max_input_size),
        Command::Verify {
            input,
            fonts,
            max_input_size,
        } => commands::verify(&input, &fonts, max_input_size),
    }
}
