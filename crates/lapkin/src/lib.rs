//! # lapkin
//!
//! Turns a JSON description of an Indonesian government *Laporan Kinerja
//! Triwulan* (quarterly performance report) into the official A4 PDF.
//!
//! The work is a pipeline of pure stages with plain data between them:
//!
//! 1. **JSON → [`Report`]**: [`parse_report`] checks syntax, structure (against
//!    the schema generated from the model, [`model::report_schema`]) and
//!    meaning, and reports every problem at once with its JSON path.
//! 2. **[`Report`] → [`Document`](doc::Document)**: [`build_document`] writes
//!    the official wording, order and numbering as generic blocks.
//! 3. **[`Document`](doc::Document) → [`Layout`]**: [`layout_document`]
//!    breaks lines, sizes tables and paginates, giving pages of positioned
//!    text, rules and boxes in points: a public, serializable value with a
//!    stable text dump for snapshot tests.
//! 4. **[`Layout`] → PDF bytes**: [`write_pdf`] embeds subset fonts and
//!    writes the pages, the outline and the document information. Only this
//!    stage knows printpdf.
//!
//! [`render_pdf`] runs stages 2 to 4:
//!
//! ```
//! let json = std::fs::read("tests-data/minimal.json").unwrap();
//! let report = lapkin::parse_report(&json).unwrap();
//! let pdf = lapkin::render_pdf(&report, &lapkin::RenderOptions::default()).unwrap();
//! assert!(pdf.starts_with(b"%PDF-1.7"));
//! ```
//!
//! Numbers and dates are formatted the Indonesian way by [`format`](mod@format).
#![warn(missing_docs)]

pub mod doc;
pub mod error;
pub mod format;
pub mod frame;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod signing;
pub mod style;
pub mod text;
pub mod units;

pub use doc::build_document;
pub use error::{Error, Problem, Problems, Result};
pub use frame::Layout;
pub use layout::layout_document;
pub use model::{Report, parse_report, parse_report_with_limit};
pub use pdf::{PdfOptions, write_pdf};
pub use style::Style;
pub use text::FontSet;

/// Everything besides the report that shapes the PDF.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Page, margins, sizes and spacing.
    pub style: Style,
    /// The font family (Liberation Sans unless the caller brings another).
    pub fonts: FontSet,
    /// Options of the PDF writer.
    pub pdf: PdfOptions,
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
pub struct Rendered {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// The number of pages.
    pub pages: usize,
    /// The signature box in the signers' conventions.
    pub signature: Option<signing::SignaturePlacement>,
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
        && let Err(e) = signing::check_field_name(name)
    {
        return Err(Error::Invalid(Problems(vec![Problem::new(
            "signature field",
            e,
        )])));
    }
    let pdf = write_pdf(&layout, &doc.meta, &opts.fonts, &pdf_opts)?;
    Ok(Rendered {
        pdf,
        pages: layout.pages.len(),
        signature: layout
            .signature
            .as_ref()
            .map(|b| signing::SignaturePlacement::new(b, pdf_opts.signature_field.clone())),
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
