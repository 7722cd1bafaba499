//! Layout: document blocks into pages of positioned items.
//!
//! Three steps with plain data between them, after typst's flow and
//! pages stages:
//! 1. `flow`/`table`: blocks into chunks (lines, table rows, the
//!    signature block) with their keep rules;
//! 2. `paginate`: chunks onto pages, moving, splitting and repeating
//!    table headers;
//! 3. `finalize`: the footer of every page (the legal note and
//!    "Halaman X dari Y"), which needs the page count, and the outline.

mod check;
mod chunk;
mod finalize;
mod flow;
mod paginate;
mod table;

use crate::doc::{Block, Document, Text};
use crate::error::{Error, Result};
use crate::frame::Layout;
use crate::style::Style;
use crate::text::Face;
use crate::text::FontSet;
use crate::units::Pt;

/// What every layout function needs: the style and the fonts.
pub(crate) struct Ctx<'a> {
    pub style: &'a Style,
    pub fonts: &'a FontSet,
}

impl Ctx<'_> {
    /// Distance between baselines at `size`.
    pub(crate) fn line_height(&self, size: Pt) -> Pt {
        self.fonts.face(Face::Regular).line_height(size) * self.style.line_spacing
    }

    /// The baseline's distance from the top of a line box at `size`.
    pub(crate) fn baseline(&self, size: Pt) -> Pt {
        let face = self.fonts.face(Face::Regular);
        let (ascent, descent) = (face.ascent(size), face.descent(size));
        (self.line_height(size) - ascent - descent) / 2.0 + ascent
    }
}

/// Lays out a document on pages.
///
/// Fails if the style or the document has a value it cannot lay out
/// ([`Error::Invalid`], naming each by its path, e.g. `style.font_size`
/// or `document.blocks[3].space.width`): a page side outside 3 to
/// 14,400 pt, a type size or line spacing of 0 or less, a negative or
/// non-finite margin, spacing or width, a grey level outside 0 to 1,
/// margins wider than the page, a date whose year has more than four
/// digits, lists and indents nested more than 100 deep, a signature space
/// of negative or non-finite size. Fails if the font lacks a character the
/// text uses ([`Error::MissingGlyph`]), or if something cannot be placed
/// even on an empty page ([`Error::DoesNotFit`]).
pub fn layout_document(doc: &Document, style: &Style, fonts: &FontSet) -> Result<Layout> {
    check::check_input(doc, style)?;
    check_glyphs(doc, fonts)?;
    let ctx = Ctx { style, fonts };
    let footer = finalize::FooterLayout::new(&ctx, &doc.footer);
    let top = style.margin.top;
    let footer_top = style.page.height - style.footer_bottom - footer.height();
    let bottom = (style.page.height - style.margin.bottom).min(footer_top - style.footer_gap);
    // The body needs room for a few lines: the legal note and the margins
    // must leave it (a note taller than the page would also be drawn
    // above the page's top).
    let body = (bottom - top).0;
    if body.is_nan() || body < ctx.line_height(style.font_size).0 * 4.0 {
        return Err(Error::DoesNotFit {
            what: "the body text".into(),
            reason: format!(
                "the legal note at the foot of every page (catatan) is {:.0} pt tall, and with \
                 the margins it leaves {:.0} pt of the page's {:.0} pt for the body, less than \
                 four lines; shorten the note",
                footer.height().0,
                (bottom - top).0.max(0.0),
                style.page.height.0
            ),
        });
    }
    let mut chunks = Vec::new();
    flow::flow(
        &ctx,
        &doc.blocks,
        style.margin.left,
        style.text_width(),
        Pt::ZERO,
        &mut chunks,
    )?;
    let bodies = paginate::paginate(chunks, top, bottom)?;
    let mut layout = finalize::finalize(&ctx, bodies, &footer, footer_top, doc.meta.clone());
    let tag = check_tag(doc, &layout)?;
    if let Some(s) = &mut layout.signature {
        s.tag = tag;
    }
    Ok(layout)
}

/// The signature tag must be the only occurrence of its character in the
/// printed text, generated text (headings, the footer, markers) included.
fn check_tag(doc: &Document, layout: &Layout) -> Result<Option<char>> {
    let Some(tag) = doc.blocks.iter().find_map(|b| match b {
        Block::Signature(s) => s.tag,
        _ => None,
    }) else {
        return Ok(None);
    };
    let clashes: Vec<&str> = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            crate::frame::Item::Text(t) if !t.invisible && t.text.contains(tag) => {
                Some(t.text.as_str())
            }
            _ => None,
        })
        .collect();
    match clashes.first() {
        None => Ok(Some(tag)),
        Some(first) => Err(Error::Invalid(crate::Problems(vec![crate::Problem::new(
            "tanda_tangan.tag",
            format!(
                "the tag {tag:?} also occurs {} time(s) in text lapkin prints, first in {first:?}; \
                 BSrE's service would place a signature there too: choose a character such as \
                 \"#\", \"$\" or \"~\"",
                clashes.len()
            ),
        )]))),
    }
}

/// The error for the first character of `text` that `face` lacks, with
/// the text around it and, if known, its JSON path.
pub(crate) fn missing_glyph(face: &crate::text::FontFace, text: &str, path: &str) -> Option<Error> {
    let c = face.first_missing(text)?;
    Some(Error::MissingGlyph {
        character: c,
        code: c as u32,
        font: face.postscript_name.clone(),
        path: path.to_owned(),
        context: crate::text::around(text, c),
    })
}

/// Checks that each face can draw the text set in it.
fn check_glyphs(doc: &Document, fonts: &FontSet) -> Result<()> {
    fn text(t: &Text, fonts: &FontSet) -> Result<()> {
        text_at(t, fonts, "")
    }
    fn text_at(t: &Text, fonts: &FontSet, path: &str) -> Result<()> {
        for span in t {
            let face = fonts.face(Face::for_style(span.style));
            if let Some(e) = missing_glyph(face, &span.text, path) {
                return Err(e);
            }
        }
        Ok(())
    }
    /// Text drawn in one face: markers, the footer's title and label.
    fn plain(t: &str, face: Face, fonts: &FontSet) -> Result<()> {
        match missing_glyph(fonts.face(face), t, "") {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
    fn blocks(bs: &[Block], fonts: &FontSet) -> Result<()> {
        for b in bs {
            match b {
                Block::Title(t) => text(t, fonts)?,
                Block::Heading(h) => {
                    text(&h.text, fonts)?;
                    // The marker is drawn in bold.
                    if let Some(m) = &h.marker {
                        plain(m, Face::Bold, fonts)?;
                    }
                }
                Block::Paragraph(p) => text_at(&p.text, fonts, &p.path)?,
                Block::List(l) => {
                    for item in &l.items {
                        plain(&item.marker, Face::Regular, fonts)?;
                        blocks(&item.blocks, fonts)?;
                    }
                }
                Block::Table(t) => {
                    for row in t.header.iter().chain(&t.body) {
                        for cell in &row.cells {
                            text(&cell.text, fonts)?;
                        }
                    }
                    if let Some(c) = &t.caption {
                        text(c, fonts)?;
                    }
                }
                Block::Indent(inner) => blocks(inner, fonts)?,
                Block::Signature(s) => {
                    for t in s.before.iter().chain(&s.after) {
                        text(t, fonts)?;
                    }
                    // The tag is drawn, invisible, in the regular face.
                    if let Some(tag) = s.tag
                        && let Some(e) =
                            missing_glyph(fonts.face(Face::Regular), &tag.to_string(), "")
                    {
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }
    blocks(&doc.blocks, fonts)?;
    plain(&doc.footer.title, Face::Bold, fonts)?;
    for item in &doc.footer.items {
        text(item, fonts)?;
    }
    // The label as printed: its placeholders become digits.
    let label = doc
        .footer
        .page_label
        .replace("{page}", "0")
        .replace("{pages}", "0");
    plain(&label, Face::Regular, fonts)?;
    Ok(())
}
