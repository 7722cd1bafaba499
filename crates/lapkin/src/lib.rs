//! # lapkin
//!
//! Turns a JSON description of an Indonesian government *Laporan Kinerja
//! Triwulan* (quarterly performance report) into the official A4 PDF.
//!
//! ```
//! let json = std::fs::read("tests-data/minimal.json").unwrap();
//! let report = lapkin::parse_report(&json).unwrap();
//! let rendered = lapkin::render(&report, &lapkin::RenderOptions::default()).unwrap();
//! assert!(rendered.pdf.starts_with(b"%PDF-1.7"));
//! assert_eq!(rendered.pages, 1);
//! ```
//!
//! ## The whole API
//!
//! The work is a pipeline of pure stages with plain data between them; each
//! stage is a function of the root, and each value between stages is public
//! and serializable, so that any stage can be run, inspected or snapshot
//! on its own.
//!
//! | stage | function | gives |
//! |---|---|---|
//! | JSON → report | [`parse_report`], [`parse_report_with_limit`] | [`Report`] and the [`model`] types (they are the JSON); every problem at once, each with its JSON path |
//! | report → checked report | [`validate`] with a [`FontSet`] | [`CheckedReport`]: the report, known to pass every rule that needs no layout (the model's rules, markup, the fonts' glyphs), and what validation resolved |
//! | checked report → document | [`build_document`] | [`Document`]: generic [`Block`]s ([`Heading`], [`Paragraph`], [`List`], [`Table`], [`Signature`]) of styled [`Text`] ([`Span`], [`SpanStyle`]), the [`Footer`], the [`Meta`] |
//! | document → layout | [`layout_document`] with a [`Style`] and a [`FontSet`] | [`Layout`]: [`Page`]s of [`Item`]s ([`TextRun`], [`Rule`], [`BoxItem`], [`LinkArea`]) in [`Pt`] from each page's top-left corner, an outline ([`OutlineEntry`]), the [`SignatureBox`], and the tag tree ([`Structure`] of [`StructNode`]s with a [`Role`] and [`Scope`], ids [`NodeId`]; each item's [`Tag`], a node or an [`ArtifactKind`]) |
//! | layout → PDF | [`write_pdf`] with [`PdfOptions`] | the PDF bytes |
//! | all of them | [`render`], [`render_pdf`], [`check`], [`layout_report`] with [`RenderOptions`] | [`Rendered`]: the bytes, the page count and the [`SignaturePlacement`] in the signers' conventions ([`BsreV1`], [`BsreV2`]) |
//! | PDF → report | [`extract_source`], [`verify`] (for a PDF rendered with [`RenderOptions::attach_source`]) | the attached report's [`canonical_json`]; a [`Verification`] that the pages are its rendering with the recorded [`RenderRecord`] |
//!
//! Failures are one [`Error`]; input errors carry [`Problem`]s, each a JSON
//! path and a message ([`Error::is_input_error`] tells them from the
//! library's own failures). Figures are [`Decimal`]s and dates [`Date`]s,
//! re-exported so that a caller needs no direct dependency to build a report;
//! [`format`](mod@format) prints them the Indonesian way (`1.234.567,89`,
//! `07 Agustus 2024`).
//!
//! A [`Layout`]'s [`Display`](std::fmt::Display) form is a stable text dump,
//! one line per item with two decimals, made for `insta` snapshots.
//!
//! Public structs and enums that are expected to grow are
//! `#[non_exhaustive]`: build them with their constructors, `Default` and
//! the `with_*` methods, and match their enums with a wildcard arm.
//!
//! ## The PDF writer
//!
//! [`write_pdf`] writes the layout in one pass with `pdf-writer` (every
//! object once, typed: the pages and their content streams, the fonts as
//! composite fonts with their widths and ToUnicode maps, the tag tree, the
//! annotations and signature fields, the outline, the document
//! information, the PDF/A output intent and attached files, the object
//! streams and the cross-reference stream) and the XMP packet with
//! `xmp-writer`. The same layout and options always give the same bytes.
//!
//! ## Cargo features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `read` | on | reading PDFs back: [`extract_source`] and [`verify`] (lapkin's own reader, and `roxmltree` for the XMP); an app that only renders may turn it off |
//! | `schema-check` | on | the structural check of an input against the JSON Schema with `jsonschema`, which lists every structural problem at once; without it, deserializing names the first |
//! | `internals` | off | the line breaker, for the workspace's benchmarks and fuzz targets (not covered by semver) |
#![warn(missing_docs)]

mod doc;
mod error;
mod field;
pub mod format;
mod frame;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod internals;
mod layout;
pub mod model;
mod pdf;
#[cfg(feature = "read")]
mod read;
/// Without the `read` feature: only the error type of reading (a variant
/// of [`Error`] holds it).
#[cfg(not(feature = "read"))]
mod read {
    #[path = "error.rs"]
    #[allow(dead_code)]
    mod error;
    pub use error::ReadError;
}
mod signing;
mod source;
mod style;
mod text;
mod units;

// Stage 1: JSON → report, and the checked report.
pub use model::{CheckedReport, MAX_INPUT_BYTES, Report, parse_report, parse_report_with_limit};
/// Exact decimal numbers, as the report's figures are held.
pub use rust_decimal::Decimal;
/// Calendar dates, as the closing block's date is held.
pub use time::Date;

// Stage 2: checked report → document.
pub use doc::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, List, ListItem, Paragraph, Row,
    Signature, Table, Text, build_document,
};

// Stage 3: document → layout.
pub use frame::{
    ArtifactKind, BoxItem, Item, Layout, LinkArea, Meta, NodeId, OutlineEntry, Page, Role, Rule,
    Scope, SignatureBox, StructNode, Structure, Tag, TextRun,
};
pub use layout::layout_document;
pub use style::Style;
pub use text::{Align, Face, FontSet, Span, SpanStyle};
pub use units::{Point, Pt, Rect, Sides, Size};

// Stage 4: layout → PDF.
pub use field::{DEFAULT_SIGNATURE_FIELD, check_signature_field_name};
pub use pdf::{Attachment, PdfOptions, PdfStandard, Relationship, check_timestamp, write_pdf};
pub use signing::{BsreV1, BsreV2, SignaturePlacement};

pub use error::{Error, Problem, Problems, Result};
#[cfg(feature = "read")]
pub use read::DECODE_BUDGET;
pub use read::ReadError;

// The report's data inside the document: attach, extract, verify.
pub use source::{
    FaceRecord, FontRecord, RECORD_FILE, RenderRecord, SOURCE_FILE, Verification, canonical_json,
};

/// Everything besides the report that shapes the PDF.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Page, margins, sizes and spacing.
    pub style: Style,
    /// The font family (Liberation Sans unless the caller brings another).
    pub fonts: FontSet,
    /// Options of the PDF writer.
    pub pdf: PdfOptions,
    /// Attaches the report to the PDF, as its canonical JSON
    /// ([`canonical_json`], named [`SOURCE_FILE`], relationship Source),
    /// with the record of these options ([`RenderRecord`], named
    /// [`RECORD_FILE`], relationship Supplement), so that the report can
    /// be extracted ([`extract_source`]) and the document re-made and
    /// compared ([`verify`]). The file is then PDF/A-3b.
    pub attach_source: bool,
}

impl RenderOptions {
    /// These options with another style.
    pub fn with_style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// These options with another font family.
    pub fn with_fonts(mut self, fonts: FontSet) -> Self {
        self.fonts = fonts;
        self
    }

    /// These options with other PDF writer options.
    pub fn with_pdf(mut self, pdf: PdfOptions) -> Self {
        self.pdf = pdf;
        self
    }

    /// These options with the report attached to the PDF, or not (see
    /// [`RenderOptions::attach_source`]).
    pub fn with_attach_source(mut self, attach: bool) -> Self {
        self.attach_source = attach;
        self
    }
}

/// Validates a report for printing in `fonts`: the model's rules (so that
/// a report built in code or edited after [`parse_report`] gets the same
/// as one read from JSON: references, sums, the NIP, markup, limits, the
/// signature tag), and a glyph for every character of its texts in the
/// face each is printed in. Every problem is reported at once, each with
/// its JSON path, in document order.
///
/// The [`CheckedReport`] it gives is what [`build_document`] takes, so
/// that the later stages never check the report again.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let mut report = lapkin::parse_report(&json).unwrap();
/// let link = lapkin::model::Inline::new("Tautan [rusak](ftp://contoh)");
/// report.analisis[0].kendala = vec![lapkin::model::Block::Paragraf(link)];
/// let fonts = lapkin::FontSet::liberation_sans();
/// let err = lapkin::validate(&report, &fonts).unwrap_err();
/// assert_eq!(err.problems().unwrap()[0].path, "analisis[0].kendala[0]");
/// ```
pub fn validate<'r>(report: &'r Report, fonts: &FontSet) -> Result<CheckedReport<'r>> {
    validate_with(report, fonts, Rules::All)
}

/// Which rules a report still needs checked against.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rules {
    /// All of them: a report from anywhere.
    All,
    /// The fonts' characters only: a report [`parse_report_with_limit`]
    /// has just checked against the model's rules, which no one could
    /// change since.
    Glyphs,
}

fn validate_with<'r>(
    report: &'r Report,
    fonts: &FontSet,
    rules: Rules,
) -> Result<CheckedReport<'r>> {
    let problems = model::check_with_fonts(report, fonts, rules == Rules::All);
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    // The text lapkin writes itself (headings, numbers, dates) in the
    // same fonts.
    doc::check_own_text(fonts)?;
    CheckedReport::new(report).map_err(|p| Error::Invalid(Problems(vec![p])))
}

/// Lays out a report: validates it, builds its document and paginates it.
/// The glyphs were checked by [`validate`], for the report's texts and for
/// the text the document stage writes, so the layout stage does not check
/// them again (as [`layout_document`] does for a document of any origin).
pub fn layout_report(report: &Report, opts: &RenderOptions) -> Result<Layout> {
    layout_with(report, opts, Rules::All)
}

fn layout_with(report: &Report, opts: &RenderOptions, rules: Rules) -> Result<Layout> {
    let doc = build_document(&validate_with(report, &opts.fonts, rules)?);
    layout::lay_out(&doc, &opts.style, &opts.fonts)
}

/// A rendered report: the PDF and where it is to be signed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rendered {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// The number of pages.
    pub pages: usize,
    /// The first electronic signer's box in the signers' conventions
    /// (the only one in most reports).
    pub signature: Option<SignaturePlacement>,
    /// Every electronic signer's box, in document order.
    pub signatures: Vec<SignaturePlacement>,
}

/// Renders a report: validation, document, layout, PDF. The signature
/// field is the one asked for in `opts`, else the report's
/// (`tanda_tangan.field`), else none.
pub fn render(report: &Report, opts: &RenderOptions) -> Result<Rendered> {
    render_with(report, opts, Rules::All)
}

/// Parses a report from JSON ([`parse_report_with_limit`]) and renders it
/// ([`render`]): the same problems in the same passes, but the model's
/// rules run once (the report cannot change between the two, so the
/// render checks only the fonts' characters). Gives the report too. This
/// is `lapkin render` and `lapkin check`.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let opts = lapkin::RenderOptions::default();
/// let (report, rendered) = lapkin::parse_and_render(&json, lapkin::MAX_INPUT_BYTES, &opts).unwrap();
/// assert_eq!(rendered.pdf, lapkin::render_pdf(&report, &opts).unwrap());
/// ```
pub fn parse_and_render(
    input: &[u8],
    max_bytes: usize,
    opts: &RenderOptions,
) -> Result<(Report, Rendered)> {
    let report = parse_report_with_limit(input, max_bytes)?;
    let rendered = render_with(&report, opts, Rules::Glyphs)?;
    Ok((report, rendered))
}

fn render_with(report: &Report, opts: &RenderOptions, rules: Rules) -> Result<Rendered> {
    let layout = layout_with(report, opts, rules)?;
    let mut pdf_opts = opts.pdf.clone();
    if pdf_opts.signature_field.is_none() {
        pdf_opts.signature_field = report.tanda_tangan.field.clone();
    }
    if let Some(name) = &pdf_opts.signature_field
        && let Err(e) = check_signature_field_name(name)
    {
        return Err(Error::Invalid(Problems(vec![Problem::new(
            "signature field",
            e,
        )])));
    }
    if opts.attach_source {
        source::attach(
            report,
            &opts.style,
            &opts.fonts,
            &mut pdf_opts,
            layout.meta.date,
        )?;
    }
    let pdf = write_pdf(&layout, &opts.fonts, &pdf_opts)?;
    let names = field::field_names(
        layout.signatures.iter().map(|b| b.field.as_deref()),
        pdf_opts.signature_field.as_deref(),
    );
    let signatures: Vec<SignaturePlacement> = layout
        .signatures
        .iter()
        .zip(names)
        .map(|(b, name)| SignaturePlacement::new(b, name))
        .collect();
    Ok(Rendered {
        pdf,
        pages: layout.pages.len(),
        signature: signatures.first().cloned(),
        signatures,
    })
}

/// Checks a report against every rule [`render`] applies, with the same
/// options: the model's rules, the fonts' characters, and whatever only
/// laying it out finds (a table too wide even at the smallest type, a
/// closing block taller than a page). It renders the report and drops the
/// bytes, so a report that passes `check` renders, and one that fails gets
/// the same error as `render` (`lapkin check` is this).
pub fn check(report: &Report, opts: &RenderOptions) -> Result<()> {
    render(report, opts).map(|_| ())
}

/// Renders a report to PDF bytes; see [`render`].
pub fn render_pdf(report: &Report, opts: &RenderOptions) -> Result<Vec<u8>> {
    render(report, opts).map(|r| r.pdf)
}

/// The report attached to a PDF rendered with
/// [`RenderOptions::attach_source`], as lapkin wrote it: the bytes of its
/// [`SOURCE_FILE`] in the document's first revision (the one lapkin
/// wrote), at most [`MAX_INPUT_BYTES`]; see [`extract_source_with_limit`].
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let opts = lapkin::RenderOptions::default().with_attach_source(true);
/// let pdf = lapkin::render_pdf(&report, &opts).unwrap();
/// let attached = lapkin::extract_source(&pdf).unwrap();
/// assert_eq!(lapkin::parse_report(&attached).unwrap(), report);
/// ```
#[cfg(feature = "read")]
pub fn extract_source(pdf: &[u8]) -> Result<Vec<u8>> {
    extract_source_with_limit(pdf, MAX_INPUT_BYTES as u64)
}

/// [`extract_source`] with the largest attached report accepted, in
/// bytes. The PDF is read as viewers read it (see [`ReadError`]); a
/// signature appended later (an incremental update) is fine, but a later
/// revision that changes the attached files makes it
/// [`Error::AttachmentChanged`], naming the revision: lapkin never hands
/// back data it did not write. Errors: a PDF that cannot be read
/// ([`Error::Read`], also for a report over `max_bytes` or a corrupt
/// stream), or without an attached report ([`Error::Attachment`]).
#[cfg(feature = "read")]
pub fn extract_source_with_limit(pdf: &[u8], max_bytes: u64) -> Result<Vec<u8>> {
    source::extract(pdf, max_bytes)
}

/// Checks that a PDF is exactly lapkin's rendering of the report attached
/// to it, with nothing changed after but a signature; the attached report
/// may be at most [`MAX_INPUT_BYTES`]. See [`verify_with_limit`].
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let opts = lapkin::RenderOptions::default().with_attach_source(true);
/// let pdf = lapkin::render_pdf(&report, &opts).unwrap();
/// let fonts = lapkin::FontSet::liberation_sans();
/// assert!(matches!(
///     lapkin::verify(&pdf, &fonts).unwrap(),
///     lapkin::Verification::Identical { later_revisions: false }
/// ));
/// ```
#[cfg(feature = "read")]
pub fn verify(pdf: &[u8], fonts: &FontSet) -> Result<Verification> {
    verify_with_limit(pdf, fonts, MAX_INPUT_BYTES as u64)
}

/// [`verify`] with the largest attached report accepted, in bytes.
///
/// Reads the document as viewers read it, finds from its structure the
/// revision lapkin wrote (the first), renders the attached report again
/// with the recorded options ([`RenderRecord`]) in `fonts`, and compares
/// the bytes: when they differ, [`Verification::Differs`] names the first
/// difference (the page count, a page's content, an attached file, the
/// document information, the XMP metadata, another object). Then each
/// revision appended later must add only what a signature adds
/// (signature fields and widgets in the reserved box, their appearances
/// and values, the form, `/Perms`, the DSS, the modification date and
/// producer), else [`Verification::Changed`] names the revision, the
/// object and what changed. `fonts` must be the family the document was
/// made with, file for file, else [`Verification::FontsDiffer`].
///
/// Errors: a PDF that cannot be read unambiguously or within the limits
/// ([`Error::Read`]), without an attached report or the record
/// ([`Error::Attachment`]); an attached report that is not valid JSON
/// gives [`Verification::Differs`] naming it.
#[cfg(feature = "read")]
pub fn verify_with_limit(pdf: &[u8], fonts: &FontSet, max_bytes: u64) -> Result<Verification> {
    let doc = read::Pdf::open(pdf).map_err(Error::Read)?;
    let carried = match source::carried(&doc, max_bytes) {
        // lapkin writes every attachment decodable and true to its checksum.
        Err(Error::Read(ReadError::Undecodable { what, why })) => {
            return Ok(Verification::Differs(format!("{what}: {why}")));
        }
        other => other?,
    };
    if let Some(why) = carried.record.fonts.mismatch(fonts) {
        return Ok(Verification::FontsDiffer(why));
    }
    let report = match model::parse_report_with_limit(&carried.json, usize::MAX) {
        Ok(r) => r,
        Err(e) => {
            return Ok(Verification::Differs(format!(
                "the attached report ({SOURCE_FILE}) is not one lapkin renders: {e}"
            )));
        }
    };
    let opts = RenderOptions {
        style: carried.record.style.clone(),
        fonts: fonts.clone(),
        pdf: carried.record.pdf_options(),
        attach_source: true,
    };
    let remade = match render(&report, &opts) {
        Ok(r) => r,
        Err(e) if e.is_input_error() => {
            return Ok(Verification::Differs(format!(
                "the attached report ({SOURCE_FILE}) does not render with the recorded options: {e}"
            )));
        }
        Err(e) => return Err(e),
    };
    source::compare(&doc, &carried.record, &remade.pdf, &remade.signatures)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &[u8] = include_bytes!("../tests-data/minimal.json");

    /// The report as a caller builds it in code: no text parsed yet (and
    /// its own legal note, as the standard one is shared by all threads).
    fn fresh() -> Report {
        let mut report: Report = serde_json::from_slice(MINIMAL).unwrap();
        report.catatan = Some(vec![model::Inline::new("Catatan *pertama*.")]);
        report
    }

    fn parses() -> usize {
        model::PARSES.with(|n| n.get())
    }

    /// (semantic checks, glyph checks) run on this thread so far.
    fn checks() -> (usize, usize) {
        model::CHECKS.with(|c| c.get())
    }

    /// A render runs the model's rules and the glyph check once each, and
    /// parses each text's markup once: no more than validation alone
    /// needs; rendering again parses nothing.
    /// Parsing and rendering in one call runs the model's rules once (in
    /// the parse), not again in the render; the glyph check once.
    #[test]
    fn parse_and_render_checks_the_rules_once() {
        let before = checks();
        let (report, rendered) =
            parse_and_render(MINIMAL, MAX_INPUT_BYTES, &RenderOptions::default()).unwrap();
        let after = checks();
        assert_eq!((after.0 - before.0, after.1 - before.1), (1, 1));
        assert_eq!(report, parse_report(MINIMAL).unwrap());
        assert!(rendered.pages >= 1);
        // A report that breaks a rule is refused by the parse, with its
        // path, before any font is looked at.
        let mut bad: serde_json::Value = serde_json::from_slice(MINIMAL).unwrap();
        bad["penutup"]["nip"] = serde_json::json!("12");
        let bad = serde_json::to_vec(&bad).unwrap();
        let before = checks();
        let err = parse_and_render(&bad, MAX_INPUT_BYTES, &RenderOptions::default()).unwrap_err();
        assert_eq!(err.problems().unwrap()[0].path, "penutup.nip");
        assert_eq!(
            checks().1,
            before.1,
            "the glyphs were checked after a rule failed"
        );
    }

    #[test]
    fn a_render_validates_once_and_parses_each_text_once() {
        let opts = RenderOptions::default();
        let before = parses();
        assert!(model::validate::validate(&fresh()).is_empty());
        let for_validation = parses() - before;
        assert!(for_validation >= 5, "{for_validation}");

        let report = fresh();
        let (before, checks_before) = (parses(), checks());
        render(&report, &opts).unwrap();
        assert_eq!(parses() - before, for_validation);
        let (semantic, glyphs) = checks();
        assert_eq!(
            (semantic - checks_before.0, glyphs - checks_before.1),
            (1, 1)
        );

        let before = parses();
        render(&report, &opts).unwrap();
        assert_eq!(parses(), before, "a second render parsed markup again");
    }

    /// Bad markup in a report built in code is refused with its JSON path,
    /// by every entry point, before a document is built.
    #[test]
    fn bad_markup_built_in_code_gets_its_path() {
        let mut report = fresh();
        let mut table: model::Tabel = serde_json::from_value(serde_json::json!({
            "kolom": [{"judul": "Uraian"}], "baris": [["baik"], ["# judul"]]
        }))
        .unwrap();
        table.keterangan = Some(model::Inline::new("[tautan](file:///etc)"));
        report.rekomendasi = vec![model::Block::Tabel(table)];
        let opts = RenderOptions::default();
        let paths = |e: Error| -> Vec<String> {
            e.problems()
                .unwrap()
                .iter()
                .map(|p| p.path.clone())
                .collect()
        };
        let want = [
            "rekomendasi[0].tabel.baris[1][0]",
            "rekomendasi[0].tabel.keterangan",
        ];
        assert_eq!(paths(validate(&report, &opts.fonts).unwrap_err()), want);
        assert_eq!(paths(render(&report, &opts).unwrap_err()), want);
        let e = layout_report(&report, &opts).unwrap_err().to_string();
        assert!(!e.contains("(top level)"), "{e}");
    }
}

#[cfg(test)]
mod late_errors {
    use super::*;

    fn text(s: &str) -> Text {
        vec![Span {
            text: s.to_owned(),
            style: SpanStyle::REGULAR,
            link: None,
        }]
    }

    /// The document of the minimal report with its body replaced by
    /// `blocks`.
    fn document(blocks: Vec<Block>) -> Document {
        let report = parse_report(include_bytes!("../tests-data/minimal.json")).unwrap();
        let fonts = FontSet::liberation_sans();
        let mut doc = build_document(&validate(&report, &fonts).unwrap());
        doc.blocks = blocks;
        doc
    }

    /// A character the font lacks, put into a document after it was
    /// built, is refused by the layout stage with the path of its row.
    #[test]
    fn a_missing_glyph_in_an_edited_document_names_the_row() {
        let report = parse_report(include_bytes!("../tests-data/minimal.json")).unwrap();
        let fonts = FontSet::liberation_sans();
        let mut doc = build_document(&validate(&report, &fonts).unwrap());
        let Some(Block::Table(table)) =
            doc.blocks.iter_mut().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no table")
        };
        table.body[0].cells[2].text = text("Indikator \u{6f22}");
        let e = layout_document(&doc, &Style::default(), &fonts).unwrap_err();
        let Error::MissingGlyph { path, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(path, "kinerja.sasaran[0].indikator[0]", "{e}");
    }

    /// A row that cannot be split and is taller than a page is refused
    /// with its JSON path and the page it was to go on.
    #[test]
    fn a_row_too_tall_for_a_page_names_its_path_and_page() {
        let mut blocks: Vec<Block> = (0..10)
            .map(|i| {
                Block::Paragraph(Paragraph {
                    text: text(&format!("Paragraf pengisi nomor {i}.")),
                    align: Align::Left,
                    path: format!("analisis[2].progress[{i}]"),
                    keep_with_next: false,
                })
            })
            .collect();
        let row = |path: &str| Row {
            cells: vec![Cell::new(text("x"))],
            keep_with_previous: false,
            path: path.to_owned(),
        };
        blocks.push(Block::Table(Table {
            columns: vec![Column { align: Align::Left }],
            header: Vec::new(),
            body: vec![
                row("analisis[2].kendala[0].tabel.baris[0]"),
                row("analisis[2].kendala[0].tabel.baris[1]"),
            ],
            caption: None,
            path: "analisis[2].kendala[0].tabel".to_owned(),
        }));
        let doc = document(blocks);
        // One line of the table's type, triple-spaced, is taller than a
        // page; its "x" and the padding beside it (0.55 of the type size
        // each side) still fit the width.
        let style = Style {
            table_font_size: Pt(280.0),
            table_min_font_size: Pt(280.0),
            line_spacing: 3.0,
            ..Style::default()
        };
        let fonts = FontSet::liberation_sans();
        let e = layout_document(&doc, &style, &fonts).unwrap_err();
        let Error::DoesNotFit { path, page, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(path, "analisis[2].kendala[0].tabel.baris[0]");
        assert_eq!(*page, Some(2), "{e}");
        let message = e.to_string();
        assert!(
            message.starts_with(
                "analisis[2].kendala[0].tabel.baris[0]: a row of the table does not fit on \
                 page 2: it is "
            ),
            "{message}"
        );
        assert!(
            message.contains("cannot be broken within its first"),
            "{message}"
        );
    }
}
