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
//!   compression.
//!
//! The y axis is flipped from top-down to PDF's bottom-up in the content
//! writer and, for annotations and bookmarks, where they are made.

mod content;
mod finish;
mod fonts;

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, FontId, LinkAnnotation, Mm, Op, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Rect as PdfRect, TextItem,
};

use crate::doc::Meta;
use crate::error::{Error, Result};
use crate::frame::{Face, Item, Layout, Page};
use crate::text::FontSet;
use crate::units::Pt;

pub(crate) use content::{CharSet, GlyphCodes};

/// Options of the PDF writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// The document's creation and modification time, in seconds since the
    /// Unix epoch (e.g. from `SOURCE_DATE_EPOCH`). Without it, the date of
    /// the report's closing block at 00:00 WIB is used, so that the same
    /// report always gives the same bytes.
    pub timestamp: Option<i64>,
    /// Adds an empty signature field of this name over the signature box,
    /// for PAdES signers (pyHanko, Adobe). The name must not contain dots.
    pub signature_field: Option<String>,
}

/// The latest [`PdfOptions::timestamp`]: 9999-12-31 23:59:59 UTC, the last
/// time a PDF date (`D:YYYYMMDDHHmmSS`, four-digit year) can hold.
pub const MAX_TIMESTAMP: i64 = 253_402_300_799;

/// Checks that `secs` (seconds since 1970-01-01 00:00 UTC) can be the
/// document's time: from 1970-01-01 00:00:00 to 9999-12-31 23:59:59 UTC
/// ([`MAX_TIMESTAMP`]). [`write_pdf`] refuses any other timestamp.
///
/// ```
/// assert!(lapkin::pdf::check_timestamp(1_700_000_000).is_ok());
/// assert!(lapkin::pdf::check_timestamp(-1).is_err());
/// assert!(lapkin::pdf::check_timestamp(lapkin::pdf::MAX_TIMESTAMP + 1).is_err());
/// ```
pub fn check_timestamp(secs: i64) -> std::result::Result<(), String> {
    if secs < 0 {
        Err(format!(
            "{secs} is before 1970-01-01 00:00:00 UTC; expected seconds since then"
        ))
    } else if secs > MAX_TIMESTAMP {
        Err(format!(
            "{secs} is after 9999-12-31 23:59:59 UTC ({MAX_TIMESTAMP}), the last time a PDF \
             date can hold"
        ))
    } else {
        Ok(())
    }
}

fn pt(p: Pt) -> printpdf::Pt {
    printpdf::Pt(p.0 as f32)
}

/// Writes the layout as PDF bytes.
pub fn write_pdf(
    layout: &Layout,
    meta: &Meta,
    fonts: &FontSet,
    opts: &PdfOptions,
) -> Result<Vec<u8>> {
    // The characters each face draws.
    let mut sets: [CharSet; 4] = Default::default();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                sets[t.face.index()].extend(&t.text);
            }
        }
    }
    let used: BTreeMap<Face, BTreeSet<char>> = Face::ALL
        .iter()
        .map(|f| (*f, sets[f.index()].chars()))
        .filter(|(_, chars)| !chars.is_empty())
        .collect();

    let mut doc = PdfDocument::new(&meta.title);
    let mut codes: GlyphCodes = Default::default();
    // printpdf learns which glyphs a font uses from the text operations it
    // serializes: the first page lists each face's characters once. (Its
    // content is replaced, like every page's, by `content::page_content`.)
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
        return Err(Error::Pdf(w.msg.clone()));
    }
    finish::finish(lopdf_doc, layout, meta, &codes, opts)
}

/// The page's link areas as printpdf link annotations, without a border.
fn link_ops(page: &Page) -> impl Iterator<Item = Op> + '_ {
    let height = page.size.height;
    page.items.iter().filter_map(move |item| match item {
        Item::Link(l) => Some(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                PdfRect::from_xywh(
                    pt(l.rect.x),
                    pt(height - l.rect.bottom()),
                    pt(l.rect.width),
                    pt(l.rect.height),
                ),
                Actions::Uri(crate::model::uri_ascii(&l.uri)),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        }),
        _ => None,
    })
}
