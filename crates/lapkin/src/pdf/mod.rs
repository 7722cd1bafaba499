//! Laid-out pages into PDF bytes, in one pass: every object is written
//! once, typed, by pdf-writer (xmp-writer writes the XMP packet), in the
//! order `write_pdf` walks the layout, after `check` has checked the
//! layout whole. Each submodule says what it writes; the y axis is flipped
//! from top-down to PDF's bottom-up where content and annotations are made.

mod archival;
mod attach;
mod check;
mod content;
mod document;
mod field;
mod file;
mod fonts;
mod footers;
mod image;
mod labels;
mod subset;
mod tags;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::frame::Layout;
use crate::problem::{Kind, Location, Problem};
use crate::text::FontSet;

pub use crate::field::{DEFAULT_SIGNATURE_FIELD, check_signature_field_name};
pub use crate::signing::{BsreV1, BsreV2, SignaturePlacement};
pub use attach::{Attachment, Relationship};

/// Options of the PDF writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PdfOptions {
    /// The document's creation and modification time, in seconds since the
    /// Unix epoch (e.g. from `SOURCE_DATE_EPOCH`). Without it, the date of
    /// the report's closing block at 00:00 WIB is used, so that the same
    /// report always gives the same bytes.
    pub timestamp: Option<i64>,
    /// Adds an empty signature field of this name over the signature box,
    /// for PAdES signers (pyHanko, Adobe). The name must not contain dots.
    pub signature_field: Option<String>,
    /// The standard the document keeps to: PDF/A-2b unless set otherwise
    /// (see [`PdfStandard`]).
    pub standard: PdfStandard,
    /// Files embedded in the document as associated files (catalog `/AF`
    /// and `/Names /EmbeddedFiles`), in this order; see [`Attachment`].
    /// [`render`](crate::render) with
    /// [`RenderOptions::attach_source`](crate::RenderOptions::attach_source)
    /// puts the report's JSON and the record of the options here. A PDF/A
    /// file with attachments must say PDF/A-3 (the standard is raised from
    /// PDF/A-2b to PDF/A-3b by [`PdfOptions::with_attachment`]; PDF/A-2b
    /// with attachments is refused).
    pub attachments: Vec<Attachment>,
}

/// The standard a PDF keeps to and declares.
///
/// Whatever the standard, every annotation is printable (`/F 4`) and every
/// link annotation says where it leads (`/Contents`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PdfStandard {
    /// A plain PDF 1.7: no XMP metadata and no output intent.
    None,
    /// PDF/A-2b (ISO 19005-2, level B), the default: XMP metadata
    /// (`pdfaid:part 2`, `pdfaid:conformance B`, consistent with the
    /// document information) and an sRGB output intent (a 480-byte ICC
    /// profile). About 2 KB more than [`PdfStandard::None`].
    #[default]
    A2b,
    /// PDF/A-3b (ISO 19005-3, level B): as PDF/A-2b, with `pdfaid:part 3`;
    /// PDF/A-3 allows files of any type to be embedded.
    A3b,
}

impl PdfStandard {
    /// The part of ISO 19005 (PDF/A) this standard is, or `None` for a
    /// plain PDF.
    ///
    /// ```
    /// assert_eq!(lapkin::pdf::PdfStandard::A2b.pdfa_part(), Some(2));
    /// assert_eq!(lapkin::pdf::PdfStandard::A3b.pdfa_part(), Some(3));
    /// assert_eq!(lapkin::pdf::PdfStandard::None.pdfa_part(), None);
    /// ```
    pub fn pdfa_part(self) -> Option<u8> {
        match self {
            PdfStandard::None => None,
            PdfStandard::A2b => Some(2),
            PdfStandard::A3b => Some(3),
        }
    }

    /// The standard's short name, as the command line writes it: `none`,
    /// `a2b`, `a3b`.
    ///
    /// ```
    /// use lapkin::pdf::PdfStandard;
    ///
    /// assert_eq!(PdfStandard::A2b.name(), "a2b");
    /// assert_eq!(PdfStandard::None.to_string(), "none");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::None => "none",
            PdfStandard::A2b => "a2b",
            PdfStandard::A3b => "a3b",
        }
    }
}

impl std::fmt::Display for PdfStandard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PdfOptions {
    /// These options with a fixed creation time (see [`PdfOptions::timestamp`]).
    ///
    /// ```
    /// let opts = lapkin::pdf::PdfOptions::default().with_timestamp(1_700_000_000);
    /// assert_eq!(opts.timestamp, Some(1_700_000_000));
    /// ```
    pub fn with_timestamp(mut self, secs: i64) -> Self {
        self.timestamp = Some(secs);
        self
    }

    /// These options with an empty signature field of this name (see
    /// [`PdfOptions::signature_field`]).
    ///
    /// ```
    /// let opts = lapkin::pdf::PdfOptions::default().with_signature_field("ttd_kepala");
    /// assert_eq!(opts.signature_field.as_deref(), Some("ttd_kepala"));
    /// ```
    pub fn with_signature_field(mut self, name: impl Into<String>) -> Self {
        self.signature_field = Some(name.into());
        self
    }

    /// These options with another standard (see [`PdfStandard`]; PDF/A-2b
    /// by default).
    ///
    /// ```
    /// use lapkin::pdf::{PdfOptions, PdfStandard};
    ///
    /// let opts = PdfOptions::default().with_standard(PdfStandard::None);
    /// assert_eq!(opts.standard, PdfStandard::None);
    /// ```
    pub fn with_standard(mut self, standard: PdfStandard) -> Self {
        self.standard = standard;
        self
    }

    /// These options with one more attached file (see
    /// [`PdfOptions::attachments`]).
    ///
    /// ```
    /// use lapkin::pdf::{Attachment, PdfOptions, PdfStandard, Relationship};
    ///
    /// let data = Attachment::new("data.json", "application/json", Relationship::Data, b"{}".to_vec());
    /// let opts = PdfOptions::default().with_attachment(data);
    /// // PDF/A-2b may not carry attached files: the options become PDF/A-3b.
    /// assert_eq!(opts.standard, PdfStandard::A3b);
    /// ```
    pub fn with_attachment(mut self, attachment: Attachment) -> Self {
        // PDF/A-2b cannot carry attached files; PDF/A-3b is PDF/A-2b with them.
        if self.standard == PdfStandard::A2b {
            self.standard = PdfStandard::A3b;
        }
        self.attachments.push(attachment);
        self
    }
}

/// The latest [`PdfOptions::timestamp`]: 9999-12-31 23:59:59 UTC, the last
/// time a PDF date (`D:YYYYMMDDHHmmSS`, four-digit year) can hold.
pub(crate) const MAX_TIMESTAMP: i64 = 253_402_300_799;

/// Checks that `secs` (seconds since 1970-01-01 00:00 UTC) can be the
/// document's time: from 1970-01-01 00:00:00 to 9999-12-31 23:59:59 UTC
/// (253 402 300 799). [`write_pdf`] refuses any other timestamp.
///
/// ```
/// assert!(lapkin::pdf::check_timestamp(1_700_000_000).is_ok());
/// assert!(lapkin::pdf::check_timestamp(253_402_300_799).is_ok());
/// assert!(lapkin::pdf::check_timestamp(-1).is_err());
/// assert!(lapkin::pdf::check_timestamp(253_402_300_800).is_err());
/// ```
pub fn check_timestamp(secs: i64) -> std::result::Result<(), Problem> {
    let at = Location::Option("pdf.timestamp".into());
    if secs < 0 {
        Err(Problem::new(at, Kind::TimestampBefore1970).with("seconds", secs))
    } else if secs > MAX_TIMESTAMP {
        Err(Problem::new(at, Kind::TimestampAfter9999)
            .with("seconds", secs)
            .with("max", MAX_TIMESTAMP))
    } else {
        Ok(())
    }
}

/// Writes the layout as PDF bytes.
///
/// The layout is checked whole first; a layout made by
/// [`layout_document`](crate::layout::layout_document) always passes. Any
/// other gets [`Error::Invalid`](crate::Error::Invalid) naming every field
/// it cannot write by its path (`layout.outline[3].page`): no pages; a page
/// side outside 3 to 14,400 pt (ISO 32000-1, Annex C); a coordinate or
/// length that is not finite or is more than a million points; a font size
/// of 0 or less; a negative stroke width; a grey level outside 0 to 1; a
/// tag tree that is not a tree; an outline entry or the signature box on a
/// page the layout does not have (pages are numbered from 1), or a box
/// whose `page_height` is not its page's; a date whose year has more than
/// four digits; a character a text run's face has no glyph for. Outline
/// levels may jump: an entry nests under the nearest earlier entry of a
/// lower level. Fails too on a bad [`PdfOptions::timestamp`], a signature
/// field name [`check_signature_field_name`] refuses, or a signature field
/// asked for in a layout without a signature box (located at the option
/// `pdf.signature_field`, as [`render`](crate::render) names it).
///
/// ```
/// use lapkin::model::{Penutup, Report, Tanggal, Unit};
/// use lapkin::RenderOptions;
///
/// let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
/// let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10)?, "Kepala,", "Nama", "197001012000031001");
/// let report = Report::new(unit, 1, 2025, penutup);
/// let opts = RenderOptions::default();
/// let layout = lapkin::validate(&report, &opts.fonts)?.layout(&opts)?;
/// let pdf = lapkin::pdf::write_pdf(&layout, &opts.fonts, &opts.pdf)?;
/// assert!(pdf.starts_with(b"%PDF-1.7"));
/// # Ok::<(), lapkin::Error>(())
/// ```
pub fn write_pdf(layout: &Layout, fonts: &FontSet, opts: &PdfOptions) -> Result<Vec<u8>> {
    check::check_layout(layout, fonts)?;
    field::check_fields(layout, opts)?;
    attach::check_attachments(&opts.attachments, opts.standard)?;
    let time = document::document_time(&layout.meta, opts)?;
    let date = document::pdf_date(time);
    let mut w = file::Writer::new(layout.pages.len() * 6 * 1024);
    let mut hash = Sha256::new();
    let embedded = fonts::embed(&mut w, layout, fonts)?;
    let fields = field::plan(&mut w, layout, opts);
    let pages = document::write_pages(&mut w, layout, &embedded, &fields, &mut hash);
    for f in &fields {
        field::write_field(&mut w, f, pages.refs[f.page]);
    }
    let struct_tree = tags::write_tags(&mut w, layout, &pages, &fields);
    let outline = document::write_outline(&mut w, layout, &pages.refs);
    let files = attach::write_attachments(&mut w, &opts.attachments, date, &mut hash);

    let part = opts.standard.pdfa_part();
    let texts = document::Texts::new(&layout.meta, part.is_some());
    let info = document::write_info(&mut w, &texts, date);
    let metadata = part.map(|part| archival::write_metadata(&mut w, &texts, time, part));
    let profile = part.map(|_| archival::write_profile(&mut w));
    let parts = document::CatalogParts {
        layout,
        outline,
        struct_tree,
        widgets: fields.iter().map(|f| f.id).collect(),
        metadata,
        profile,
        files,
    };
    let catalog = document::write_catalog(&mut w, pages.tree, &parts);

    // A document ID that depends only on the content: the pages' content
    // (which decides the font subsets too), the attachments, the title,
    // the date and the PDF/A part (a PDF/A file differs from the plain one
    // of the same pages).
    hash.update(layout.meta.title.as_bytes());
    hash.update(format!("{time}").as_bytes());
    if let Some(part) = part {
        hash.update([part]);
    }
    let digest = hash.finalize();
    Ok(w.finish(catalog, info, &digest[..16]))
}

/// A link target as the 7-bit `/URI` of a PDF link needs it (ISO 32000-1,
/// 12.6.4.7): every byte that may not stand in a URI (RFC 3986), non-ASCII
/// ones included, percent-encoded as UTF-8. A host written in another
/// script is percent-encoded too, which browsers read as the same name.
fn uri_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
