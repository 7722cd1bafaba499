//! Laid-out pages into PDF bytes: the only module that knows printpdf.
//!
//! The work is shared three ways:
//! - `fonts`: each face is subset (with `subsetter`) to the characters
//!   the layout uses;
//! - printpdf embeds the subsets as CID fonts with their widths and
//!   ToUnicode maps, and makes the page objects and link annotations,
//!   handing over a lopdf document;
//! - `content` writes each page's content stream directly, and
//!   `finish` completes the document with lopdf: content streams,
//!   document information, a nested outline, an ID and dates that depend
//!   only on the input (printpdf draws ids from a process-wide counter),
//!   compression; `tags` writes the structure tree, and `save` the
//!   file's bytes (object streams and a cross-reference stream).
//!
//! The y axis is flipped from top-down to PDF's bottom-up in the content
//! writer and, for annotations and bookmarks, where they are made.

mod archival;
mod attach;
mod check;
mod content;
mod finish;
mod fonts;
mod save;
mod tags;
mod xmp;

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, FontId, LinkAnnotation, Mm, Op, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Rect as PdfRect, TextItem,
};

use crate::error::{Error, Result};
use crate::frame::{Item, Layout, Page};
use crate::problem::{Arg, Kind, Location, Problem};
use crate::text::Face;
use crate::text::FontSet;
use crate::units::Pt;

pub use crate::field::{DEFAULT_SIGNATURE_FIELD, check_signature_field_name};
pub use crate::signing::{BsreV1, BsreV2, SignaturePlacement};
pub use attach::{Attachment, Relationship};
pub(crate) use content::{CharSet, GlyphCodes};

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
    /// assert_eq!(lapkin::PdfStandard::A2b.pdfa_part(), Some(2));
    /// assert_eq!(lapkin::PdfStandard::A3b.pdfa_part(), Some(3));
    /// assert_eq!(lapkin::PdfStandard::None.pdfa_part(), None);
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
    pub fn with_timestamp(mut self, secs: i64) -> Self {
        self.timestamp = Some(secs);
        self
    }

    /// These options with an empty signature field of this name (see
    /// [`PdfOptions::signature_field`]).
    pub fn with_signature_field(mut self, name: impl Into<String>) -> Self {
        self.signature_field = Some(name.into());
        self
    }

    /// These options with another standard (see [`PdfStandard`]; PDF/A-2b
    /// by default).
    pub fn with_standard(mut self, standard: PdfStandard) -> Self {
        self.standard = standard;
        self
    }

    /// These options with one more attached file (see
    /// [`PdfOptions::attachments`]).
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
/// assert!(lapkin::check_timestamp(1_700_000_000).is_ok());
/// assert!(lapkin::check_timestamp(253_402_300_799).is_ok());
/// assert!(lapkin::check_timestamp(-1).is_err());
/// assert!(lapkin::check_timestamp(253_402_300_800).is_err());
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

fn pt(p: Pt) -> printpdf::Pt {
    printpdf::Pt(p.0 as f32)
}

/// Writes the layout as PDF bytes.
///
/// The layout is checked whole first; a layout made by
/// [`layout_document`](crate::layout::layout_document) always passes. Any other
/// gets [`Error::Invalid`] naming every field it cannot write by its path
/// (`layout.outline[3].page`): no pages; a page side outside 3 to
/// 14,400 pt (ISO 32000-1, Annex C); a coordinate or length that is not
/// finite or is more than a million points; a font size of 0 or less; a
/// negative stroke width; a grey level outside 0 to 1; a tag tree that is
/// not a tree; an outline entry or the signature box on a page the
/// layout does not have (pages are numbered from 1), or a box whose
/// `page_height` is not its page's; a date whose year has more than four
/// digits; a character a text run's face has no glyph for. Outline levels
/// may jump: an entry nests under the nearest earlier entry of a lower
/// level. Fails too on a bad [`PdfOptions::timestamp`], a signature field
/// name [`check_signature_field_name`] refuses, or a signature field
/// asked for in a layout without a signature box (located at the option
/// `pdf.signature_field`, as [`render`](crate::render) names it).
pub fn write_pdf(layout: &Layout, fonts: &FontSet, opts: &PdfOptions) -> Result<Vec<u8>> {
    check::check_layout(layout, fonts)?;
    check_signature_field(layout, opts)?;
    attach::check_attachments(&opts.attachments, opts.standard)?;
    let mut doc = PdfDocument::new(&layout.meta.title);
    let (codes, mut usage) = embed_fonts(&mut doc, layout, fonts)?;
    doc.pages = layout
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let mut ops = if i == 0 {
                std::mem::take(&mut usage)
            } else {
                Vec::new()
            };
            ops.extend(link_ops(page));
            PdfPage::new(
                Mm(page.size.width.to_mm() as f32),
                Mm(page.size.height.to_mm() as f32),
                ops,
            )
        })
        .collect();

    let save = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let lopdf_doc = doc.to_lopdf_document(&save, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(Error::Internal(w.msg.clone()));
    }
    finish::finish(lopdf_doc, layout, &codes, opts)
}

/// The signature fields asked for (by the options, or by the boxes
/// themselves) must have valid, distinct names and a signature box to lie
/// over.
fn check_signature_field(layout: &Layout, opts: &PdfOptions) -> Result<()> {
    let names = crate::field::field_names(
        layout.signatures.iter().map(|b| b.field.as_deref()),
        opts.signature_field.as_deref(),
    );
    let at = || Location::Option("pdf.signature_field".into());
    let asked = opts.signature_field.iter().chain(names.iter().flatten());
    let mut problem = asked
        .filter_map(|n| crate::field::check_signature_field_name(n).err())
        .map(|p| p.placed(at()))
        .next();
    if problem.is_none()
        && let Some(name) = &opts.signature_field
        && layout.signatures.is_empty()
    {
        problem = Some(Problem::new(at(), Kind::FieldWithoutBox).with("name", Arg::quoted(name)));
    }
    if problem.is_none()
        && let Some(name) = crate::field::repeated_name(&names)
    {
        problem = Some(Problem::new(at(), Kind::FieldNameTwice).with("name", Arg::quoted(name)));
    }
    match problem {
        Some(p) => Err(p.into()),
        None => Ok(()),
    }
}

/// Whether a face's U+00AD glyph can draw a hyphen the line breaker added
/// (see `content::drawn_text`): a glyph of its own (a glyph shared with
/// `-` would have one ToUnicode entry for both) as wide as `-`, which the
/// layout measured.
fn draws_soft_hyphen(face: &crate::text::FontFace) -> bool {
    match (face.glyph(content::SOFT_HYPHEN), face.glyph('-')) {
        (Some(soft), Some(hyphen)) => soft.id != hyphen.id && soft.advance == hyphen.advance,
        _ => false,
    }
}

/// Subsets and embeds each face the layout draws with, and returns the
/// glyph codes of its characters and the operations that tell printpdf
/// which glyphs each font uses: printpdf learns it from the text operations
/// it serializes, so the first page lists each face's characters once (its
/// content is replaced, like every page's, by `content::page_content`).
fn embed_fonts(
    doc: &mut PdfDocument,
    layout: &Layout,
    fonts: &FontSet,
) -> Result<(GlyphCodes, Vec<Op>)> {
    // The characters each face draws.
    let mut sets: [CharSet; 4] = Default::default();
    for page in &layout.pages {
        for item in page.all_items() {
            if let Item::Text(t) = item {
                sets[t.face.index()].extend(&t.text);
                if content::ends_with_added_hyphen(t) && draws_soft_hyphen(fonts.face(t.face)) {
                    sets[t.face.index()].extend("\u{AD}");
                }
                if t.space_after {
                    sets[t.face.index()].extend(" ");
                }
            }
        }
    }
    let used: BTreeMap<Face, BTreeSet<char>> = Face::ALL
        .iter()
        .map(|f| (*f, sets[f.index()].chars()))
        .filter(|(_, chars)| !chars.is_empty())
        .collect();
    let mut codes: GlyphCodes = Default::default();
    let mut usage = vec![Op::StartTextSection];
    for (face, chars) in &used {
        let subset = fonts::subset_face(fonts.face(*face), chars)?;
        for (c, code) in subset.codes {
            codes[face.index()].insert(c, code);
        }
        let id = FontId(content::font_resource(*face).to_owned());
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(subset.font));
        usage.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: printpdf::Pt(10.0),
        });
        usage.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
    }
    usage.push(Op::EndTextSection);
    Ok((codes, usage))
}

/// The page's link areas as printpdf link annotations, without a border.
fn link_ops(page: &Page) -> impl Iterator<Item = Op> + '_ {
    let height = page.size.height;
    page.all_items().filter_map(move |item| match item {
        Item::Link(l) => Some(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                PdfRect::from_xywh(
                    pt(l.rect.x),
                    pt(height - l.rect.bottom()),
                    pt(l.rect.width),
                    pt(l.rect.height),
                ),
                Actions::Uri(uri_ascii(&l.uri)),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        }),
        _ => None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn uris_are_seven_bit() {
        assert_eq!(
            uri_ascii("https://example.org/a?b=c#d"),
            "https://example.org/a?b=c#d"
        );
        assert_eq!(
            uri_ascii("https://bücher.example/straße dan \"x\""),
            "https://b%C3%BCcher.example/stra%C3%9Fe%20dan%20%22x%22"
        );
        assert_eq!(uri_ascii("https://a.id/50%25"), "https://a.id/50%25");
    }
}
