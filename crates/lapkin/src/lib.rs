//! # lapkin
//!
//! Turns an Indonesian government *Laporan Kinerja Triwulan* (quarterly
//! performance report), written as JSON or built in code, into the
//! official A4 PDF: archival (PDF/A-2b), tagged for screen readers, and
//! ready for an electronic signature.
//!
//! A report built in code and rendered:
//!
//! ```
//! use lapkin::model::{Analisis, Indikator, Penutup, Report, Rincian, Sasaran, Tanggal, Unit};
//! use lapkin::{Decimal, RenderOptions};
//!
//! let unit = Unit::new("BPMP Provinsi Contoh", "Balai Penjaminan Mutu Pendidikan Provinsi Contoh", "Contoh");
//! let penutup = Penutup::new(
//!     "Kota Contoh",
//!     Tanggal::new(2025, 4, 10)?,
//!     "Kepala Balai Penjaminan Mutu Pendidikan Provinsi Contoh,",
//!     "Dr. Nama Pejabat, M.Pd.",
//!     "197001012000031001",
//! );
//! let report = Report::new(unit, 1, 2025, penutup)
//!     // A. The quarter's targets and what was achieved.
//!     .with_sasaran(Sasaran::new("SK 1.0", "Meningkatnya mutu pendidikan").with_indikator(
//!         // Each value by its name: the performance agreement's target, the
//!         // quarter's target, what was achieved.
//!         Indikator::new("IKK 1.1", "Satuan pendidikan yang difasilitasi")
//!             .with_satuan("%")
//!             .with_target_pk(80)
//!             .with_target(20)
//!             .with_capaian(Decimal::new(2215, 2)),
//!     ))
//!     // B. The analysis of each indicator: text with *italic*, **bold** and links.
//!     .with_analisis(
//!         Analisis::new(
//!             "IKK 1.1",
//!             "Fasilitasi melalui *workshop* dan **pendampingan**.",
//!             "Jadwal bersamaan dengan asesmen nasional.",
//!             "Menyusun jadwal bersama dinas pendidikan.",
//!         ),
//!     )
//!     // C. The budget, in rupiah.
//!     .with_rincian(
//!         Rincian::output("419548.DI.6397.QDB.750", "Satuan pendidikan yang difasilitasi")
//!             .with_volume(220, "Lembaga")
//!             .with_capaian(51)
//!             .with_pagu(1_250_000_000_i64)
//!             .with_realisasi(310_450_000_i64),
//!     )
//!     // D. The recommendation.
//!     .with_rekomendasi("Mempercepat pendampingan pada triwulan 2.");
//!
//! let rendered = lapkin::render(&report, &RenderOptions::default())?;
//! assert!(rendered.pdf.starts_with(b"%PDF-1.7"));
//! // Where the visual signature goes, for the signing service.
//! let box_ = rendered.signature.expect("an electronic signer");
//! assert_eq!(box_.page, rendered.pages);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A report from JSON ([`parse_report`], every problem at once, each with
//! its JSON path) renders the same way. A report that breaks a rule gets
//! [`Problem`]s in English or Bahasa Indonesia:
//!
//! ```
//! use lapkin::problem::Lang;
//!
//! let err = lapkin::parse_report(br#"{"triwulan": 5}"#).unwrap_err();
//! for problem in err.problems() {
//!     println!("{}", problem.text(Lang::Id));
//! }
//! assert!(err.problems().iter().any(|p| p.path().is_some_and(|p| p == "triwulan")));
//! ```
//!
//! ## The whole API
//!
//! The root holds what an application needs: [`parse_report`] gives a
//! [`Report`] (the [`model`] types are the JSON), [`validate`] a
//! [`CheckedReport`], [`render`] (or [`check`], or [`parse_and_render`])
//! with [`RenderOptions`] the [`Rendered`] PDF, and [`extract_source`] and
//! [`verify`] read a rendered PDF back ([`Verification`]). Failures are one
//! [`Error`]; a caller's bad input carries [`Problem`]s, each with where it
//! is (a JSON path, or an option, file or environment variable), a stable
//! kind, and its message and hint in English and Bahasa Indonesia
//! ([`problem`]). Figures are [`Decimal`]s and dates [`Date`]s, re-exported
//! so that a caller needs no direct dependency to build a report;
//! [`format`](mod@format) prints them the Indonesian way (`1.234.567,89`,
//! `07 Agustus 2024`).
//!
//! Inside, the work is a pipeline of pure stages with plain data between
//! them, each in a module named for it, so that any stage can be run,
//! inspected or snapshot on its own:
//!
//! | stage | module | gives |
//! |---|---|---|
//! | JSON → report | [`model`] ([`parse_report`]) | the report, with every problem at once, each with its JSON path |
//! | report → checked report | [`validate`] with a [`text::FontSet`] | the report, known to pass every rule that needs no layout |
//! | checked report → document | [`document`] ([`CheckedReport::document`]) | generic blocks of styled text, each with its origin in the report |
//! | document → layout | [`layout`] ([`CheckedReport::layout`], [`layout::layout_document`]) | pages of positioned items in points, the outline, the signature boxes, the tag tree ([`layout::tags`]) |
//! | layout → PDF | [`pdf`] ([`pdf::write_pdf`]) | the PDF bytes, and where to sign them |
//! | PDF → report | [`source`] ([`extract_source`], [`verify`]) | the attached report and the record of how it was rendered |
//!
//! A [`layout::Layout`]'s [`Display`](std::fmt::Display) form is a
//! stable text dump, one line per item with two decimals, made for `insta`
//! snapshots; [`Layout::page_dump`](layout::Layout::page_dump) gives one
//! page's body.
//!
//! Public structs and enums that are expected to grow are
//! `#[non_exhaustive]`: build them with their constructors, `Default` and
//! the `with_*` methods, and match their enums with a wildcard arm.
//!
//! ## The PDF writer
//!
//! [`pdf::write_pdf`] writes the layout in one pass with `pdf-writer`
//! (every object once, typed: the pages and their content streams, the
//! fonts as composite fonts with their widths and ToUnicode maps, the tag
//! tree, the annotations and signature fields, the outline, the document
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
pub mod layout;
pub mod media;
pub mod model;
pub mod pdf;
pub mod problem;
#[cfg(feature = "read")]
mod read;
mod signing;
pub mod source;
mod style;
pub mod text;
mod units;

pub mod document {
    //! Stage 2, checked report → document: the blocks of the official
    //! document, knowing nothing of performance reports.
    //!
    //! [`build_document`] makes the [`Document`] of a
    //! [`CheckedReport`](crate::CheckedReport) (so does
    //! [`CheckedReport::document`](crate::CheckedReport::document)): its generic
    //! [`Block`]s
    //! ([`Heading`], [`Paragraph`], [`List`], [`Table`], [`Signature`],
    //! [`PageBreak`], [`Contents`]) of
    //! styled [`Text`], each with the [`Origin`] of what it shows in the
    //! report, the [`Footer`] of every page and the [`Meta`]data. A document
    //! can also be built in code and laid out with
    //! [`layout::layout_document`](crate::layout::layout_document).
    pub use crate::doc::{
        Block, Bookmark, Cell, Chart, Column, Contents, ContentsEntry, Cover, Document, Figure,
        FigureContent, Footer, Heading, List, ListItem, Origin, PageBreak, Paragraph, Row, Series,
        Signature, Table, Text, build_document,
    };
    pub use crate::frame::Meta;
}

// The application's API: read a report, check it, render it, read it back.
pub use error::{Error, Result};
#[doc(inline)]
pub use model::{CheckedReport, Report, parse_report};
#[doc(inline)]
pub use problem::Problem;
/// Exact decimal numbers, as the report's figures are held.
#[doc(no_inline)]
pub use rust_decimal::Decimal;
#[doc(inline)]
pub use source::Verification;
/// Calendar dates, as the closing block's date is held.
#[doc(no_inline)]
pub use time::Date;

// The stage types this module uses.
use doc::build_document;
use field::check_signature_field_name;
use frame::Layout;
use model::parse_report_with_limit;
use pdf::{PdfOptions, write_pdf};
use problem::Problems;
use signing::SignaturePlacement;
#[cfg(feature = "read")]
use source::SOURCE_FILE;
use style::Style;
use text::FontSet;

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
    /// ([`source::canonical_json`], named [`source::SOURCE_FILE`], relationship
    /// Source), with the record of these options ([`source::RenderRecord`], named
    /// [`source::RECORD_FILE`], relationship Supplement), so that the report can
    /// be extracted ([`extract_source`]) and the document re-made and
    /// compared ([`verify`]). The file is then PDF/A-3b. The files the
    /// report names (its images) are attached too, so that the document
    /// can be re-made from the PDF alone.
    pub attach_source: bool,
    /// The files the report names (images, the cover's logo), by the
    /// names it gives them ([`Report::files`]): the library reads no file.
    pub files: media::Files,
}

impl RenderOptions {
    /// These options with another style.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Style};
    ///
    /// let opts = lapkin::RenderOptions::default().with_style(Style::default().with_font_size(Pt(12.0)));
    /// assert_eq!(opts.style.font_size, Pt(12.0));
    /// ```
    pub fn with_style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// These options with another font family.
    ///
    /// ```
    /// // A family from its four files (here the bundled one's, as a stand-in).
    /// let fonts = lapkin::text::FontSet::liberation_sans();
    /// let opts = lapkin::RenderOptions::default().with_fonts(fonts);
    /// assert_eq!(opts.fonts.family(), "Liberation Sans");
    /// ```
    pub fn with_fonts(mut self, fonts: FontSet) -> Self {
        self.fonts = fonts;
        self
    }

    /// These options with other PDF writer options.
    ///
    /// ```
    /// use lapkin::pdf::{PdfOptions, PdfStandard};
    ///
    /// let opts = lapkin::RenderOptions::default().with_pdf(PdfOptions::default().with_standard(PdfStandard::None));
    /// assert_eq!(opts.pdf.standard, PdfStandard::None);
    /// ```
    pub fn with_pdf(mut self, pdf: PdfOptions) -> Self {
        self.pdf = pdf;
        self
    }

    /// These options with the report attached to the PDF, or not (see
    /// [`RenderOptions::attach_source`]).
    ///
    /// ```
    /// assert!(lapkin::RenderOptions::default().with_attach_source(true).attach_source);
    /// ```
    pub fn with_attach_source(mut self, attach: bool) -> Self {
        self.attach_source = attach;
        self
    }

    /// These options with the files the report names.
    ///
    /// ```
    /// let files = lapkin::media::Files::new().with("img/logo.png", std::fs::read("tests-data/logo.png").unwrap());
    /// let opts = lapkin::RenderOptions::default().with_files(files);
    /// assert!(opts.files.get("img/logo.png").is_some());
    /// ```
    pub fn with_files(mut self, files: media::Files) -> Self {
        self.files = files;
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
/// report.analisis[0].kendala = Some(vec![lapkin::model::Blok::Paragraf(link)]);
/// let fonts = lapkin::text::FontSet::liberation_sans();
/// let err = lapkin::validate(&report, &fonts).unwrap_err();
/// assert!(err.problems()[0].path().unwrap() == "analisis[0].kendala[0]");
/// ```
pub fn validate<'r>(report: &'r Report, fonts: &FontSet) -> Result<CheckedReport<'r>> {
    validate_with(report, fonts, &media::Files::new(), Rules::All)
}

/// [`validate`] for a report that names files (images, the cover's logo):
/// each is decoded from `files`, and a file missing from them, unreadable,
/// too large or not a PNG or JPEG image is a problem at the path that
/// names it.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let mut report = lapkin::parse_report(&json).unwrap();
/// let figure = r#"{"gambar": {"berkas": "logo.png", "alt": "Logo"}}"#;
/// report.rekomendasi.push(serde_json::from_str(figure).unwrap());
/// let fonts = lapkin::text::FontSet::liberation_sans();
/// let err = lapkin::validate(&report, &fonts).unwrap_err();
/// assert!(err.problems()[0].path().unwrap() == "rekomendasi[1].gambar.berkas");
/// let files = lapkin::media::Files::new().with("logo.png", std::fs::read("tests-data/logo.png").unwrap());
/// assert!(lapkin::validate_with_files(&report, &fonts, &files).is_ok());
/// ```
pub fn validate_with_files<'r>(
    report: &'r Report,
    fonts: &FontSet,
    files: &media::Files,
) -> Result<CheckedReport<'r>> {
    validate_with(report, fonts, files, Rules::All)
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
    files: &media::Files,
    rules: Rules,
) -> Result<CheckedReport<'r>> {
    let problems = model::check_with_fonts(report, fonts, rules == Rules::All);
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    let loaded = model::load_files(report, files).map_err(|p| Error::Invalid(Problems(p)))?;
    // The text lapkin writes itself (headings, numbers, dates) in the
    // same fonts.
    doc::check_own_text(fonts)?;
    Ok(CheckedReport::new(report)?.with_media(loaded))
}

impl CheckedReport<'_> {
    /// The report's document: what [`document::build_document`] makes of
    /// it.
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let report = lapkin::parse_report(&json).unwrap();
    /// let fonts = lapkin::text::FontSet::liberation_sans();
    /// let doc = lapkin::validate(&report, &fonts).unwrap().document();
    /// assert_eq!(doc.meta.title, report.title());
    /// ```
    pub fn document(&self) -> document::Document {
        build_document(self)
    }

    /// The report laid out on pages with `opts`' style and fonts: its
    /// document, laid out by [`layout::layout_document`] (which checks the
    /// document's characters against `opts.fonts`, in case the report was
    /// validated for other fonts).
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let report = lapkin::parse_report(&json).unwrap();
    /// let opts = lapkin::RenderOptions::default();
    /// let layout = lapkin::validate(&report, &opts.fonts).unwrap().layout(&opts).unwrap();
    /// assert_eq!(layout.pages.len(), 1);
    /// ```
    pub fn layout(&self, opts: &RenderOptions) -> Result<Layout> {
        layout::layout_document(&self.document(), &opts.style, &opts.fonts)
    }
}

fn layout_with(report: &Report, opts: &RenderOptions, rules: Rules) -> Result<Layout> {
    let doc = build_document(&validate_with(report, &opts.fonts, &opts.files, rules)?);
    // The caller's style: the document built from a report needs no check.
    layout::check::check_style(&opts.style)?;
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
    /// Warnings about what was rendered (`lapkin render` and `check` print
    /// them): a table on a portrait page whose words had to break at
    /// their syllables, with the hint to set it landscape (see
    /// [`layout::Layout::notices`]).
    pub notices: Vec<Problem>,
}

/// Renders a report: validation, document, layout, PDF. The signature
/// field is the one asked for in `opts`, else the report's
/// (`tanda_tangan.field`), else none.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let rendered = lapkin::render(&report, &lapkin::RenderOptions::default()).unwrap();
/// assert!(rendered.pdf.starts_with(b"%PDF-1.7"));
/// // Where the signer puts the visual signature, for BSrE's API.
/// let placement = rendered.signature.unwrap();
/// assert_eq!(placement.page, rendered.pages);
/// ```
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
/// let (report, rendered) = lapkin::parse_and_render(&json, lapkin::model::MAX_INPUT_BYTES, &opts).unwrap();
/// assert_eq!(rendered.pdf, lapkin::render(&report, &opts).unwrap().pdf);
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

/// [`parse_and_render`] for a report that names files (images, the
/// cover's logo): `read` is asked for the bytes of each file the report
/// names that `opts.files` does not hold, once per file, in document order
/// (the `lapkin` command reads them relative to the JSON file).
///
/// ```
/// use lapkin::media::FileError;
///
/// let json = br#"{"unit": {"nama": "UPT Contoh", "nama_lengkap": "UPT Contoh", "provinsi": "Bengkulu"},
///   "triwulan": 1, "tahun": 2025,
///   "rekomendasi": [{"gambar": {"berkas": "img/logo.png", "alt": "Logo UPT Contoh"}}]}"#;
/// let opts = lapkin::RenderOptions::default();
/// let read = |name: &str| match name {
///     "img/logo.png" => std::fs::read("tests-data/logo.png").map_err(|e| FileError::Unreadable(e.to_string())),
///     other => Err(FileError::NotFound(other.to_owned())),
/// };
/// let (_, rendered) = lapkin::parse_and_render_with(json, 1 << 20, &opts, read).unwrap();
/// assert!(rendered.pdf.windows(6).any(|w| w == b"/Image"));
/// ```
pub fn parse_and_render_with(
    input: &[u8],
    max_bytes: usize,
    opts: &RenderOptions,
    mut read: impl FnMut(&str) -> std::result::Result<Vec<u8>, media::FileError>,
) -> Result<(Report, Rendered)> {
    let report = parse_report_with_limit(input, max_bytes)?;
    let mut opts = opts.clone();
    for name in report.files() {
        if opts.files.get(name).is_none() {
            match read(name) {
                Ok(bytes) => opts.files.insert(name, bytes),
                Err(e) => opts.files.insert_error(name, e),
            }
        }
    }
    let rendered = render_with(&report, &opts, Rules::Glyphs)?;
    Ok((report, rendered))
}

fn render_with(report: &Report, opts: &RenderOptions, rules: Rules) -> Result<Rendered> {
    let layout = layout_with(report, opts, rules)?;
    let mut pdf_opts = opts.pdf.clone();
    if pdf_opts.signature_field.is_none() {
        pdf_opts.signature_field = report.tanda_tangan.field.clone();
    }
    if let Some(name) = &pdf_opts.signature_field
        && let Err(p) = check_signature_field_name(name)
    {
        let at = problem::Location::Option("pdf.signature_field".into());
        return Err(p.placed(at).into());
    }
    if opts.attach_source {
        source::attach(
            report,
            &opts.style,
            &opts.fonts,
            &mut pdf_opts,
            (layout.meta.date, &opts.files),
        )?;
    }
    let pdf = write_pdf(&layout, &opts.fonts, &pdf_opts)?;
    let notices = layout.notices.clone();
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
        notices,
    })
}

/// Checks a report against every rule [`render`] applies, with the same
/// options: the model's rules, the fonts' characters, and whatever only
/// laying it out finds (a table too wide even at the smallest type, a
/// closing block taller than a page). It renders the report and drops the
/// bytes, so a report that passes `check` renders, and one that fails gets
/// the same error as `render` (`lapkin check` is this).
///
/// ```
/// use lapkin::problem::Lang;
///
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let mut report = lapkin::parse_report(&json).unwrap();
/// let opts = lapkin::RenderOptions::default();
/// assert!(lapkin::check(&report, &opts).is_ok());
/// // A signature box of 20 cm: refused with its path, in both languages.
/// report.tanda_tangan.lebar_mm = 200.0;
/// let err = lapkin::check(&report, &opts).unwrap_err();
/// let problem = &err.problems()[0];
/// assert!(problem.path().unwrap() == "tanda_tangan.lebar_mm");
/// println!("{}", problem.text(Lang::Id));
/// ```
pub fn check(report: &Report, opts: &RenderOptions) -> Result<()> {
    render(report, opts).map(|_| ())
}

#[cfg(feature = "read")]
/// The report attached to a PDF rendered with
/// [`RenderOptions::attach_source`], as lapkin wrote it: the bytes of its
/// [`source::SOURCE_FILE`] in the document's first revision
/// (the one lapkin wrote), at most `max_bytes` (usually
/// [`model::MAX_INPUT_BYTES`], the limit of a report's JSON).
///
/// The PDF is read as viewers read it; a signature appended later (an
/// incremental update) is fine, but a later revision that changes the
/// attached files is a problem of kind
/// [`AttachmentChanged`](problem::Kind::AttachmentChanged), naming the
/// revision: lapkin never hands back data it did not write. Other
/// problems: a PDF that cannot be read (kinds `pdf-malformed`,
/// `pdf-ambiguous`, `pdf-undecodable`, `pdf-over-limit` (also a report
/// over `max_bytes`), `pdf-encrypted`), or without an attached report
/// (`no-attached-report`).
///
/// ```
/// use lapkin::model::MAX_INPUT_BYTES;
///
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let opts = lapkin::RenderOptions::default().with_attach_source(true);
/// let pdf = lapkin::render(&report, &opts).unwrap().pdf;
/// let attached = lapkin::extract_source(&pdf, MAX_INPUT_BYTES as u64).unwrap();
/// assert_eq!(lapkin::parse_report(&attached).unwrap(), report);
/// ```
pub fn extract_source(pdf: &[u8], max_bytes: u64) -> Result<Vec<u8>> {
    source::extract(pdf, max_bytes)
}

#[cfg(feature = "read")]
/// Checks that a PDF is exactly lapkin's rendering of the report attached
/// to it, with nothing changed after but a signature; the attached report
/// may be at most `max_bytes` (usually [`model::MAX_INPUT_BYTES`]).
///
/// Reads the document as viewers read it, finds from its structure the
/// revision lapkin wrote (the first), renders the attached report again
/// with the recorded options ([`RenderRecord`](source::RenderRecord)) in `fonts`, and compares
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
/// (the kinds `pdf-…`), without an attached report or the record
/// (`no-attached-report`, `no-render-record`); an attached report that is not valid JSON
/// gives [`Verification::Differs`] naming it.
///
/// ```
/// use lapkin::model::MAX_INPUT_BYTES;
///
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let opts = lapkin::RenderOptions::default().with_attach_source(true);
/// let pdf = lapkin::render(&report, &opts).unwrap().pdf;
/// assert!(matches!(
///     lapkin::verify(&pdf, &opts.fonts, MAX_INPUT_BYTES as u64).unwrap(),
///     lapkin::Verification::Identical { later_revisions: false }
/// ));
/// ```
pub fn verify(pdf: &[u8], fonts: &FontSet, max_bytes: u64) -> Result<Verification> {
    let doc = read::Pdf::open(pdf).map_err(Error::from)?;
    let carried = match source::carried(&doc, max_bytes) {
        // lapkin writes every attachment decodable and true to its checksum.
        Err(e) if matches!(e.problems(), [p] if p.kind == problem::Kind::PdfUndecodable) => {
            return Ok(Verification::Differs(
                e.problems()[0].message(problem::Lang::En),
            ));
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
        files: carried.files,
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
    use crate::model::MAX_INPUT_BYTES;

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
        assert!(err.problems()[0].path().unwrap() == "penutup.nip");
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
        report.rekomendasi = vec![model::Blok::Tabel(table)];
        let opts = RenderOptions::default();
        let paths = |e: Error| -> Vec<String> {
            e.problems()
                .iter()
                .map(|p| p.location.text(problem::Lang::En))
                .collect()
        };
        let want = [
            "rekomendasi[0].tabel.baris[1][0]",
            "rekomendasi[0].tabel.keterangan",
        ];
        assert_eq!(paths(validate(&report, &opts.fonts).unwrap_err()), want);
        assert_eq!(paths(render(&report, &opts).unwrap_err()), want);
        let e = layout_with(&report, &opts, Rules::All)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("(top level)"), "{e}");
    }
}

#[cfg(test)]
mod late_errors {
    use super::*;
    use crate::document::{Block, Cell, Column, Document, Origin, Paragraph, Row, Table, Text};
    use crate::layout::{Pt, layout_document};
    use crate::problem::{JsonPath, Kind};
    use crate::text::{Align, Span};

    fn text(s: &str) -> Text {
        vec![Span::plain(s)]
    }

    fn path(p: &str) -> JsonPath {
        p.parse().unwrap()
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
    /// built, is refused by the layout stage with the path of its row, in
    /// the one shape of a missing glyph.
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
        let p = &e.problems()[0];
        assert_eq!(p.kind, Kind::MissingGlyph, "{e}");
        assert!(
            p.path().unwrap() == "kinerja.sasaran[0].indikator[0]",
            "{e}"
        );
        // The same shape as validation's, for a report's text.
        let mut edited = report.clone();
        edited.kinerja.sasaran[0].indikator[0].uraian = model::Inline::new("Indikator \u{6f22}");
        let v = validate(&edited, &fonts).unwrap_err();
        assert_eq!(v.problems()[0].kind, Kind::MissingGlyph);
        assert!(
            v.problems()[0]
                .message(problem::Lang::En)
                .starts_with("the regular font")
        );
        assert!(p.message(problem::Lang::En).starts_with("the regular font"));
    }

    /// A row that cannot be split and is taller than a page is refused
    /// with its JSON path and the page it was to go on.
    #[test]
    fn a_row_too_tall_for_a_page_names_its_path_and_page() {
        let mut blocks: Vec<Block> = (0..10)
            .map(|i| {
                Block::Paragraph(Paragraph {
                    origin: Origin::at(path(&format!("analisis[2].progress[{i}]"))),
                    ..Paragraph::new(text(&format!("Paragraf pengisi nomor {i}.")), Align::Left)
                })
            })
            .collect();
        let row = |p: &str| Row {
            origin: Origin::at(path(p)),
            ..Row::new(vec![Cell::new(text("x"))])
        };
        blocks.push(Block::Table(Table {
            origin: Origin::at(path("analisis[2].kendala[0].tabel")),
            ..Table::new(
                vec![Column::new(Align::Left)],
                Vec::new(),
                vec![
                    row("analisis[2].kendala[0].tabel.baris[0]"),
                    row("analisis[2].kendala[0].tabel.baris[1]"),
                ],
            )
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
        let p = &e.problems()[0];
        assert_eq!(p.kind, Kind::TooTall, "{e}");
        assert!(p.path().unwrap() == "analisis[2].kendala[0].tabel.baris[0]");
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
        assert!(
            e.text(problem::Lang::Id)
                .contains("sebaris tabel tidak muat di halaman 2"),
            "{}",
            e.text(problem::Lang::Id)
        );
    }

    /// A table whose rows do not fill its columns is refused with the
    /// row's path, not laid out with text missing.
    #[test]
    fn a_row_that_does_not_fill_its_table_is_refused() {
        let cells = |n: usize| {
            (0..n)
                .map(|i| Cell::new(text(&format!("sel {i}"))))
                .collect()
        };
        let table = Table::new(
            vec![Column::new(Align::Left); 2],
            Vec::new(),
            vec![Row::new(cells(2)), Row::new(cells(3)), Row::new(cells(1))],
        );
        let doc = document(vec![Block::Table(table)]);
        let e = layout_document(&doc, &Style::default(), &FontSet::liberation_sans()).unwrap_err();
        let found: Vec<(String, Kind)> = e
            .problems()
            .iter()
            .map(|p| (p.path().unwrap().to_string(), p.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("document.blocks[0].body[1]".to_owned(), Kind::RowsDoNotFill),
                ("document.blocks[0].body[2]".to_owned(), Kind::RowsDoNotFill),
            ]
        );
    }
}
