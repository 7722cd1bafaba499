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
//!
//! The modules, in the order of a run:
//!
//! - [`args`]: clap's definitions of the commands and options;
//! - [`commands`]: `check`, `render`, `schema`, `extract` and `verify`,
//!   and the refusals of their outputs;
//! - [`options`] and [`fonts`]: the checked render options, `--font`;
//! - [`input`]: reading the input under the size limit, its identity;
//! - [`output`]: checked destinations, temporaries renamed into place,
//!   standard output and standard error;
//! - [`signals`]: removing the temporaries on an interruption;
//! - [`failure`]: what went wrong, its message and its exit code (the
//!   table of exit codes is there).

use std::process::ExitCode;

mod args;
mod commands;
mod failure;
mod fonts;
mod input;
mod options;
mod output;
mod signals;

use clap::Parser;

use args::{Cli, Command};
use failure::Failure;
use output::tell;
use signals::cleanup_on_signals;

/// Parses the arguments, runs the command, and prints its failure (once)
/// with the exit code it maps to.
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
