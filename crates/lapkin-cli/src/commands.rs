//! The commands: `check`, `render`, `schema`, `extract` and `verify`, each
//! from its checked arguments to its output.
//!
//! `check` and `render` run the same rules ([`read_and_render`]), so a
//! report that passes `check` renders. `render` refuses everything that
//! could destroy data before it reads, renders or writes anything, writes
//! its outputs to temporaries, and puts them in place at the end, the PDF
//! first.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::args::{MessageFormat, RenderArgs, is_dash};
use crate::failure::Failure;
use crate::fonts::load_fonts;
use crate::input::{input_identity, input_name, read_input, read_regular};
use crate::lang::{Lang, words};
use crate::options::{Options, render_options};
use crate::output::{Destination, Staged, write_stdout};

/// `lapkin check`: renders the report in memory, discards the PDF, and
/// prints a line saying what the report holds.
pub fn check(input: &Path, args: &RenderArgs) -> Result<(), Failure> {
    let options = render_options(args)?;
    let (source, report, rendered) = read_and_render(input, &options)?;
    warn_all(&rendered, args);
    if args.message_format == MessageFormat::Json {
        return Ok(());
    }
    let (title, indikator, rincian) = (
        report.title(),
        report.indikator().count(),
        report.anggaran.as_ref().map_or(0, |a| rows(&a.rincian)),
    );
    // Budget rows, sub-rows included: rows by rincian output, by type of
    // spending or by program are all rows of the budget table.
    let line = words(
        format!("{source}: ok: {title} ({indikator} indikator, {rincian} budget rows)\n"),
        format!("{source}: baik: {title} ({indikator} indikator, {rincian} baris anggaran)\n"),
    );
    write_stdout(line.to_string().as_bytes())
}

/// The rows of a budget table, sub-rows included.
fn rows(rincian: &[lapkin::model::Rincian]) -> usize {
    rincian.iter().map(|r| 1 + rows(&r.rincian)).sum()
}

/// `lapkin schema`: prints the JSON Schema of the input.
pub fn schema() -> Result<(), Failure> {
    let schema = lapkin::model::report_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    write_stdout(format!("{text}\n").as_bytes())
}

/// `lapkin extract`: writes the report attached to a PDF (its
/// canonical JSON) to `output`, standard output by default.
pub fn extract(input: &Path, output: Option<PathBuf>, limit: u64) -> Result<(), Failure> {
    let output = output.unwrap_or_else(|| PathBuf::from("-"));
    let destination = Destination::new(&output)?;
    if let (Some(id), Destination::File(target)) = (input_identity(input), &destination)
        && target.id == Some(id)
    {
        let (o, name) = (output.display(), input_name(input));
        return Err(Failure::Usage(words(
            format!(
                "-o {o} is the input file{}; the JSON would replace the PDF; choose another name",
                name.en
            ),
            format!(
                "-o {o} adalah berkas masukan{}; JSON-nya akan menimpa PDF; pilih nama lain",
                name.id
            ),
        )));
    }
    let mut staged = destination.stage()?;
    let (source, pdf) = read_pdf(input, limit)?;
    let json =
        lapkin::extract_source(&pdf, limit).map_err(|error| Failure::Input { source, error })?;
    staged.fill(&json)?;
    staged.commit().map(|_| ())
}

/// `lapkin verify`: renders the report attached to a PDF again, with the
/// recorded options, and compares it with the document as lapkin wrote
/// it: one line on standard output when they are the same, else a
/// failure naming the first difference (exit 1) or the fonts that are
/// missing (exit 3).
pub fn verify(input: &Path, fonts: &[OsString], limit: u64) -> Result<(), Failure> {
    let fonts = if fonts.is_empty() {
        lapkin::text::FontSet::liberation_sans()
    } else {
        load_fonts(fonts)?
    };
    let (source, pdf) = read_pdf(input, limit)?;
    let verdict = lapkin::verify(&pdf, &fonts, limit).map_err(|error| Failure::Input {
        source: source.clone(),
        error,
    })?;
    verdict_text(&source, verdict)
}

/// What `verify` says of its verdict: one line on standard output when the
/// document is lapkin's rendering, else the failure that names why. The
/// first difference or change is named in PDF terms (an object, a page's
/// content), in English in both languages.
fn verdict_text(source: &str, verdict: lapkin::Verification) -> Result<(), Failure> {
    use lapkin::Verification as V;
    match verdict {
        V::Identical { later_revisions } => {
            let (en, id) = if later_revisions {
                (
                    " (the revisions appended since add only a signature)",
                    " (revisi yang ditambahkan sesudahnya hanya menambahkan tanda tangan)",
                )
            } else {
                ("", "")
            };
            let line = words(
                format!(
                    "{source}: the pages are exactly lapkin's rendering of the attached report{en}\n"
                ),
                format!(
                    "{source}: halaman-halamannya persis hasil lapkin dari laporan terlampir{id}\n"
                ),
            );
            write_stdout(line.to_string().as_bytes())
        }
        V::Differs(what) => Err(Failure::NotVerified(words(
            format!(
                "{source}: the document is not lapkin's rendering of the report attached to it; \
                 the first difference: {what}"
            ),
            format!(
                "{source}: dokumen ini bukan hasil lapkin dari laporan yang terlampir padanya; \
                 perbedaan pertama (dalam istilah PDF): {what}"
            ),
        ))),
        V::Changed { revision, what } => Err(Failure::NotVerified(words(
            format!(
                "{source}: lapkin's revision is its rendering of the attached report, but \
                 revision {revision} (an incremental update after it) changes more than a \
                 signature: {what}"
            ),
            format!(
                "{source}: revisi lapkin adalah hasilnya dari laporan terlampir, tetapi revisi \
                 ke-{revision} (pembaruan bertahap sesudahnya) mengubah lebih dari sekadar tanda \
                 tangan (dalam istilah PDF): {what}"
            ),
        ))),
        V::FontsDiffer(why) => {
            let message = |lang| why.message(lang);
            Err(Failure::FontsMissing(words(
                format!(
                    "{source}: cannot verify: {}; give the family's files with --font",
                    message(Lang::En)
                ),
                format!(
                    "{source}: tidak dapat diperiksa: {}; berikan berkas-berkas keluarga fon itu \
                     dengan --font",
                    message(Lang::Id)
                ),
            )))
        }
        other => Err(Failure::NotVerified(words(
            format!("{source}: {other:?}"),
            format!("{source}: {other:?}"),
        ))),
    }
}

/// Reads a PDF for `extract` or `verify`: standard input, or a regular
/// file (a FIFO or a device is refused before it is opened for reading),
/// at most four times `limit` (the attached report's limit) bytes.
fn read_pdf(input: &Path, limit: u64) -> Result<(String, Vec<u8>), Failure> {
    let limit = limit.saturating_mul(4);
    if crate::args::is_dash(input) {
        read_input(input, limit)
    } else {
        read_regular(input, limit)
    }
}

/// `lapkin render`: writes the PDF to `output` (by default the input with
/// the extension `.pdf`, or standard output for standard input), and the
/// signature box to `signature_box` if given.
pub fn render(
    input: &Path,
    output: Option<PathBuf>,
    signature_box: Option<&Path>,
    args: &RenderArgs,
) -> Result<(), Failure> {
    let options = render_options(args)?;
    let (pdf, sig) = destinations(input, output, signature_box)?;
    // The temporaries exist from here on, so that a directory that cannot
    // be written is found before the work is done.
    let mut pdf = pdf.stage()?;
    let mut sig = sig.map(Destination::stage).transpose()?;

    let (_, _, rendered) = read_and_render(input, &options)?;
    warn_all(&rendered, args);
    pdf.fill(&rendered.pdf)?;
    if let Some(sig) = &mut sig {
        fill_signature_box(sig, &rendered)?;
    }
    commit(pdf, sig)
}

/// Tells the warnings about what was rendered (a table whose words break
/// at their syllables on a portrait page).
fn warn_all(rendered: &lapkin::Rendered, args: &RenderArgs) {
    for notice in &rendered.notices {
        crate::options::warn(notice, args);
    }
}

/// Reads the input, parses it and renders it in memory: `check` and
/// `render` run the same rules. Returns the input's name for messages, the
/// report and what was rendered.
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
    let base = crate::input::base_dir(input);
    let read = |name: &str| crate::input::read_named(&base, name);
    let (report, rendered) =
        lapkin::parse_and_render_with(&bytes, limit, &options.render, read).map_err(input_error)?;
    Ok((source, report, rendered))
}

/// The outputs of `render`, checked: the PDF's and the signature box's.
/// Everything that could destroy data is refused here, before anything is
/// read, rendered or written: both on standard output, an output that is
/// the input, the box on the PDF, and what [`Destination::new`] refuses.
fn destinations(
    input: &Path,
    output: Option<PathBuf>,
    signature_box: Option<&Path>,
) -> Result<(Destination, Option<Destination>), Failure> {
    let defaulted = output.is_none();
    let output = output.unwrap_or_else(|| default_output(input));
    if is_dash(&output) && signature_box.is_some_and(is_dash) {
        return Err(Failure::Usage(words(
            "the PDF and --signature-box cannot both go to standard output",
            "PDF dan --signature-box tidak dapat sama-sama ditulis ke keluaran standar",
        )));
    }
    let input_id = input_identity(input);
    let pdf = Destination::new(&output)?;
    let sig = signature_box.map(Destination::new).transpose()?;
    if let (Some(id), Destination::File(target)) = (input_id, &pdf)
        && target.id == Some(id)
    {
        return Err(replacing_input(input, &output, defaulted));
    }
    if let Some(Destination::File(target)) = &sig {
        let shown = &target.shown;
        if input_id.is_some() && target.id == input_id {
            let name = input_name(input);
            return Err(Failure::Usage(words(
                format!(
                    "--signature-box {shown} is the input file{}; choose another name",
                    name.en
                ),
                format!(
                    "--signature-box {shown} adalah berkas masukan{}; pilih nama lain",
                    name.id
                ),
            )));
        }
        if let Destination::File(out) = &pdf
            && out.same_as(target)
        {
            let pdf = &out.shown;
            return Err(Failure::Usage(words(
                format!("--signature-box {shown} is the PDF's output {pdf}; choose another name"),
                format!("--signature-box {shown} adalah keluaran PDF {pdf}; pilih nama lain"),
            )));
        }
    }
    Ok((pdf, sig))
}

/// Where the PDF goes without `-o`: standard output for standard input,
/// else the input with the extension `.pdf`.
fn default_output(input: &Path) -> PathBuf {
    if input == Path::new("-") {
        PathBuf::from("-")
    } else {
        input.with_extension("pdf")
    }
}

/// The refusal of a PDF output that is the input file: named by `-o`, or
/// the default for an input whose name ends in `.pdf`.
fn replacing_input(input: &Path, output: &Path, defaulted: bool) -> Failure {
    let (i, o, name) = (input.display(), output.display(), input_name(input));
    Failure::Usage(if defaulted {
        words(
            format!(
                "the PDF would replace the input {i} (its name ends in .pdf); name the output \
                 with -o"
            ),
            format!(
                "PDF-nya akan menimpa masukan {i} (namanya berakhiran .pdf); beri nama keluaran \
                 dengan -o"
            ),
        )
    } else {
        words(
            format!(
                "-o {o} is the input file{}; the PDF would replace the report; choose another \
                 name",
                name.en
            ),
            format!(
                "-o {o} adalah berkas masukan{}; PDF-nya akan menimpa laporan; pilih nama lain",
                name.id
            ),
        )
    })
}

/// Writes the signature boxes, as JSON, to its staged output: the first
/// electronic signer's box, with `signers` listing every electronic
/// signer's box in document order (the first again); `null` for a report
/// without an electronic signer.
fn fill_signature_box(sig: &mut Staged, rendered: &lapkin::Rendered) -> Result<(), Failure> {
    let failed = |e: serde_json::Error| Failure::Input {
        source: "--signature-box".into(),
        error: lapkin::Error::Internal(e.to_string()),
    };
    let mut value = serde_json::to_value(&rendered.signature).map_err(failed)?;
    if let serde_json::Value::Object(first) = &mut value {
        let all = serde_json::to_value(&rendered.signatures).map_err(failed)?;
        first.insert("signers".to_owned(), all);
    }
    let json = serde_json::to_string_pretty(&value).map_err(failed)?;
    sig.fill(format!("{json}\n").as_bytes())
}

/// Puts the outputs in place, the PDF first. A box that cannot be put in
/// place after the PDF was is told as exactly that: the PDF stays.
fn commit(pdf: Staged, sig: Option<Staged>) -> Result<(), Failure> {
    let written = pdf.commit()?;
    let Some(sig) = sig else {
        return Ok(());
    };
    let shown = sig.shown();
    sig.commit()
        .map(|_| ())
        .map_err(|failure| match (failure, written) {
            (Failure::Quiet, _) => Failure::Quiet,
            (failure, Some(pdf)) => Failure::Refused(words(
                format!(
                    "the PDF was written to {pdf}, but the signature box could not be written to \
                     {shown}: {}; the PDF stays (it is complete); run again to write the box",
                    failure.text(Lang::En)
                ),
                format!(
                    "PDF sudah ditulis ke {pdf}, tetapi kotak tanda tangan tidak dapat ditulis ke \
                     {shown}: {}; PDF-nya tetap ada (sudah lengkap); jalankan lagi untuk menulis \
                     kotaknya",
                    failure.text(Lang::Id)
                ),
            )),
            (failure, None) => failure,
        })
}
