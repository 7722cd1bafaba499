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
//! | report → document | [`build_document`] | [`Document`]: generic [`Block`]s ([`Heading`], [`Paragraph`], [`List`], [`Table`], [`Signature`]) of styled [`Text`] ([`Span`], [`SpanStyle`]), the [`Footer`], the [`Meta`] |
//! | document → layout | [`layout_document`] with a [`Style`] and a [`FontSet`] | [`Layout`]: [`Page`]s of [`Item`]s ([`TextRun`], [`Rule`], [`BoxItem`], [`LinkArea`]) in [`Pt`] from each page's top-left corner, an outline ([`OutlineEntry`]) and the [`SignatureBox`] |
//! | layout → PDF | [`write_pdf`] with [`PdfOptions`] | the PDF bytes |
//! | all of them | [`render`], [`render_pdf`], [`check`], [`layout_report`] with [`RenderOptions`] | [`Rendered`]: the bytes, the page count and the [`SignaturePlacement`] in the signers' conventions ([`BsreV1`], [`BsreV2`]) |
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
mod signing;
mod style;
mod text;
mod units;

// Stage 1: JSON → report.
pub use model::{MAX_INPUT_BYTES, Report, parse_report, parse_report_with_limit};
/// Exact decimal numbers, as the report's figures are held.
pub use rust_decimal::Decimal;
/// Calendar dates, as the closing block's date is held.
pub use time::Date;

// Stage 2: report → document.
pub use doc::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, List, ListItem, Paragraph, Row,
    Signature, Table, Text, build_document,
};

// Stage 3: document → layout.
pub use frame::{
    BoxItem, Item, Layout, LinkArea, Meta, OutlineEntry, Page, Rule, SignatureBox, TextRun,
};
pub use layout::layout_document;
pub use style::Style;
pub use text::{Align, Face, FontSet, Span, SpanStyle};
pub use units::{Point, Pt, Rect, Sides, Size};

// Stage 4: layout → PDF.
pub use field::{DEFAULT_SIGNATURE_FIELD, check_signature_field_name};
pub use pdf::{PdfOptions, check_timestamp, write_pdf};
pub use signing::{BsreV1, BsreV2, SignaturePlacement};

pub use error::{Error, Problem, Problems, Result};

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
}

/// Checks a report before it is laid out: the semantic checks (so that a
/// report built in code gets the same as one read from JSON), and that the
/// font has every character of its texts in the face each is printed in.
/// Every problem is reported at once, each with its JSON path, in document
/// order.
fn check_report(report: &Report, fonts: &FontSet) -> Result<()> {
    let problems = model::check_with_fonts(report, fonts);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}

/// Lays out a report: checks it, builds its document and paginates it.
pub fn layout_report(report: &Report, opts: &RenderOptions) -> Result<Layout> {
    check_report(report, &opts.fonts)?;
    let doc = build_document(report)?;
    layout_document(&doc, &opts.style, &opts.fonts)
}

/// A rendered report: the PDF and where it is to be signed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Rendered {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// The number of pages.
    pub pages: usize,
    /// The signature box in the signers' conventions.
    pub signature: Option<SignaturePlacement>,
}

/// Renders a report: validation, document, layout, PDF. The signature
/// field is the one asked for in `opts`, else the report's
/// (`tanda_tangan.field`), else none.
pub fn render(report: &Report, opts: &RenderOptions) -> Result<Rendered> {
    check_report(report, &opts.fonts)?;
    let doc = build_document(report)?;
    let layout = layout_document(&doc, &opts.style, &opts.fonts)?;
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
    let pdf = write_pdf(&layout, &opts.fonts, &pdf_opts)?;
    Ok(Rendered {
        pdf,
        pages: layout.pages.len(),
        signature: layout
            .signature
            .as_ref()
            .map(|b| SignaturePlacement::new(b, pdf_opts.signature_field.clone())),
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
