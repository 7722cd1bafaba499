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

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod args;
mod failure;
mod fonts;
mod input;
mod options;
mod output;
mod signals;

use clap::Parser;

use args::{Cli, Command, is_dash};
use failure::Failure;
use input::{input_identity, input_name, read_input};
use options::{Options, render_options};
use output::{Destination, tell, write_stdout};
use signals::cleanup_on_signals;

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
            if is_dash(&output) && signature_box.as_deref().is_some_and(is_dash) {
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
