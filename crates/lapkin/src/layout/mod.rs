//! Layout: document blocks into pages of positioned items.
//!
//! Three steps with plain data between them, after typst's flow and
//! pages stages:
//! 1. `flow`/`table`: blocks into chunks (lines, table rows, the
//!    signature block) with their keep rules;
//! 2. `paginate`: chunks onto pages, moving, splitting and repeating
//!    table headers;
//! 3. `finalize`: the footer of every page (the legal note and the page
//!    label), which needs the page count, and the outline.
//!
//! The layout stage obeys the data of the blocks and the [`Style`]; what
//! a report means (which paragraph keeps with the list after it, the JSON
//! paths named in messages) is decided in `doc`.
//!
//! The modules import each other one way only, each only those before it
//! in this order (and this file imports them all):
//! 0. `check`: the style and the document's shape, checked before
//!    anything is laid out;
//! 1. `ctx`: the style and fonts, and line metrics;
//! 2. `chunk`: the unit of pagination, and splitting one;
//! 3. `lines`: text into line-breaker pieces and positioned lines;
//! 4. `table`: tables into chunks;
//! 5. `flow`: blocks into chunks (tables through `table`);
//! 6. `paginate`: chunks onto pages;
//! 7. `finalize`: footers and the outline.

mod check;
mod chunk;
mod ctx;
mod finalize;
mod flow;
mod lines;
mod paginate;
mod table;

use ctx::Ctx;

use crate::doc::{Block, Document, Text};
use crate::error::{Error, Result};
use crate::frame::Layout;
use crate::style::Style;
use crate::text::Face;
use crate::text::FontSet;
use crate::units::Pt;

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
    lay_out(doc, style, fonts)
}

/// [`layout_document`] of a document whose glyphs are known to be in
/// `fonts`: one built from a report validated for them (`crate::validate`).
pub(crate) fn lay_out(doc: &Document, style: &Style, fonts: &FontSet) -> Result<Layout> {
    let ctx = Ctx::new(style, fonts);
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
            path: String::new(),
            page: None,
            reason: format!(
                "the legal note at the foot of every page{} is {:.0} pt tall, and with the \
                 margins it leaves {:.0} pt of the page's {:.0} pt for the body, less than four \
                 lines; shorten the note",
                if doc.footer.path.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", doc.footer.path)
                },
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
        (style.margin.left, style.text_width()),
        Pt::ZERO,
        0,
        &mut chunks,
    )?;
    let bodies = paginate::paginate(chunks, top, bottom)?;
    let structure = ctx.tree.take();
    let mut layout = finalize::finalize(
        &ctx,
        bodies,
        &footer,
        footer_top,
        doc.meta.clone(),
        structure,
    );
    let tag = check_tag(doc, &layout)?;
    if let Some(s) = &mut layout.signature {
        s.tag = tag;
    }
    Ok(layout)
}

/// The signature tag must be the only occurrence of its character in the
/// printed text, generated text (headings, the footer, markers) included.
fn check_tag(doc: &Document, layout: &Layout) -> Result<Option<char>> {
    let Some((tag, path)) = doc.blocks.iter().find_map(|b| match b {
        Block::Signature(s) => s.tag.map(|t| (t, s.tag_path.as_str())),
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
        Some(first) => Err(Error::Invalid(crate::error::Problems(vec![
            crate::error::Problem::new(
                path,
                format!(
                    "the tag {tag:?} also occurs {} time(s) in text lapkin prints, first in {first:?}; \
                 BSrE's service would place a signature there too: choose a character such as \
                 \"#\", \"$\" or \"~\"",
                    clashes.len()
                ),
            ),
        ]))),
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
                    text_at(&h.text, fonts, &h.path)?;
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
                            text_at(&cell.text, fonts, &row.path)?;
                        }
                    }
                    if let Some(c) = &t.caption {
                        text(c, fonts)?;
                    }
                }
                Block::Indent(inner) => blocks(inner, fonts)?,
                Block::Signature(s) => {
                    for t in s.before.iter().chain(&s.after) {
                        text_at(t, fonts, &s.path)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Footer, Paragraph, Signature};
    use crate::frame::Meta;
    use crate::text::{Align, Span, SpanStyle};
    use crate::units::Size;

    fn text(t: &str) -> Text {
        vec![Span {
            text: t.to_owned(),
            style: SpanStyle::REGULAR,
            link: None,
        }]
    }

    /// A document of one paragraph and a signature block with a tag, its
    /// paths and its box `width` wide.
    fn document(paragraph: &str, tag_path: &str, width: Pt) -> Document {
        Document {
            meta: Meta {
                title: String::new(),
                author: String::new(),
                subject: String::new(),
                keywords: String::new(),
                date: time::macros::date!(2024 - 08 - 07),
            },
            blocks: vec![
                Block::Paragraph(Paragraph {
                    text: text(paragraph),
                    align: Align::Left,
                    path: String::new(),
                    keep_with_next: false,
                }),
                Block::Signature(Signature {
                    before: vec![text("Kota, 1 Januari 2025")],
                    space: Size::new(width, Pt(60.0)),
                    after: vec![text("Nama")],
                    tag: Some('#'),
                    path: "closing".into(),
                    width_path: "sign.box.width".into(),
                    tag_path: tag_path.into(),
                }),
            ],
            footer: Footer {
                title: "Note".into(),
                items: vec![text("One.")],
                page_label: "{page}/{pages}".into(),
                path: String::new(),
            },
        }
    }

    /// Where the run whose text is `text` starts: (x, baseline).
    fn position(layout: &Layout, text: &str) -> (Pt, Pt) {
        layout.pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                crate::frame::Item::Text(t) if t.text == text => Some((t.x, t.y)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no run {text:?}"))
    }

    /// The spacing in the style is what layout uses: a larger gap between
    /// blocks moves the second paragraph (and what follows) down by the
    /// difference, a larger marker gap moves a list item's text right.
    #[test]
    fn spacing_comes_from_the_style() {
        let fonts = FontSet::liberation_sans();
        let mut doc = document("Satu", "", Pt(100.0));
        doc.blocks.insert(
            1,
            Block::Paragraph(Paragraph {
                text: text("Dua"),
                align: Align::Left,
                path: String::new(),
                keep_with_next: false,
            }),
        );
        doc.blocks.insert(
            2,
            Block::List(crate::doc::List {
                items: vec![crate::doc::ListItem {
                    marker: "(xviii)".into(),
                    blocks: vec![Block::Paragraph(Paragraph {
                        text: text("Butir"),
                        align: Align::Left,
                        path: String::new(),
                        keep_with_next: false,
                    })],
                    path: String::new(),
                }],
            }),
        );
        let style = Style::default();
        let before = layout_document(&doc, &style, &fonts).unwrap();
        let wider = Style {
            block_spacing: style.block_spacing + Pt(10.0),
            marker_gap: style.marker_gap + Pt(20.0),
            ..style.clone()
        };
        let after = layout_document(&doc, &wider, &fonts).unwrap();
        let moved = |t: &str| {
            let (a, b) = (position(&before, t), position(&after, t));
            ((b.0 - a.0).0, (b.1 - a.1).0)
        };
        assert_eq!(moved("Satu"), (0.0, 0.0));
        let (dx, dy) = moved("Dua");
        assert!(dx == 0.0 && (dy - 10.0).abs() < 1e-9, "{dx} {dy}");
        // The list is the third block: two gaps above it. Its marker is
        // wider than the indent, so the gap after it sets the text's x.
        let (dx, dy) = moved("Butir");
        assert!(
            (dx - 20.0).abs() < 1e-9 && (dy - 20.0).abs() < 1e-9,
            "{dx} {dy}"
        );
        assert_eq!(moved("(xviii)").0, 0.0);
    }

    /// The messages about the signature block name the paths the block
    /// carries, not a report's field names.
    #[test]
    fn messages_name_the_paths_the_signature_block_carries() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let e = layout_document(
            &document("Harga # 5", "sign.mark", Pt(100.0)),
            &style,
            &fonts,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("sign.mark: the tag '#' also occurs 1 time(s)"),
            "{e}"
        );
        let e = layout_document(&document("Teks", "sign.mark", Pt(400.0)), &style, &fonts)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("sign.box.width: the signature box does not fit"),
            "{e}"
        );
        let layout = layout_document(&document("Teks", "", Pt(100.0)), &style, &fonts).unwrap();
        assert_eq!(layout.signature.map(|s| s.tag), Some(Some('#')));
    }
}
