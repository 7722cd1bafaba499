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

pub(crate) mod check;
mod chunk;
mod ctx;
mod finalize;
mod flow;
mod lines;
mod paginate;
mod table;

use ctx::Ctx;

use crate::doc::{Block, Document, Text};
use crate::error::Result;
use crate::frame::Layout;
use crate::problem::{Arg, JsonPath, Kind, Problem};
use crate::style::Style;
use crate::text::Face;
use crate::text::FontSet;
use crate::text::Span;
use crate::text::glyphs;
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
        let p = Problem::new(doc.footer.origin.location(), Kind::NoteTooTall)
            .with("height", format!("{:.0}", footer.height().0))
            .with("left", format!("{:.0}", (bottom - top).0.max(0.0)))
            .with("page", format!("{:.0}", style.page.height.0));
        return Err(p.into());
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
    let Some((tag, origin)) = doc.blocks.iter().find_map(|b| match b {
        Block::Signature(s) => s.tag.map(|t| (t, &s.tag_origin)),
        _ => None,
    }) else {
        return Ok(None);
    };
    let clashes: Vec<&str> = layout
        .pages
        .iter()
        .flat_map(|p| p.all_items())
        .filter_map(|i| match i {
            crate::frame::Item::Text(t) if !t.invisible && t.text.contains(tag) => {
                Some(t.text.as_str())
            }
            _ => None,
        })
        .collect();
    match clashes.first() {
        None => Ok(Some(tag)),
        Some(first) => {
            let p = Problem::new(origin.location(), Kind::TagInPrintedText)
                .with("tag", Arg::Text(format!("{tag:?}")))
                .with("count", clashes.len())
                .with("first", Arg::quoted(*first));
            Err(p.into())
        }
    }
}

/// Checks that each face can draw the text set in it: every text of the
/// document that uses a character its face lacks, one problem per text
/// and face, at the origin of what it shows, else at its path in the
/// document (`document.blocks[0]`).
fn check_glyphs(doc: &Document, fonts: &FontSet) -> Result<()> {
    let mut g = Glyphs {
        fonts,
        problems: Vec::new(),
    };
    let path = JsonPath::root().key("document");
    g.blocks(&doc.blocks, &path.child("blocks"));
    let footer = path.child("footer");
    g.plain(&doc.footer.title, Face::Bold, &footer.child("title"));
    for (i, item) in doc.footer.items.iter().enumerate() {
        let at = match doc.footer.origin.path() {
            Some(p) => p.item(i),
            None => footer.child("items").item(i),
        };
        g.text(item, &at);
    }
    // The label as printed: its placeholders become digits.
    let label = doc
        .footer
        .page_label
        .replace("{page}", "0")
        .replace("{pages}", "0");
    g.plain(&label, Face::Regular, &footer.child("page_label"));
    if g.problems.is_empty() {
        Ok(())
    } else {
        Err(g.problems.into())
    }
}

/// The glyph check of a document: its problems so far.
struct Glyphs<'f> {
    fonts: &'f FontSet,
    problems: Vec<Problem>,
}

impl Glyphs<'_> {
    /// Styled text at `path`: each face's missing characters.
    fn text(&mut self, t: &Text, path: &JsonPath) {
        for face in Face::ALL {
            let font = self.fonts.face(face);
            let (mut missing, mut seen) = (Vec::new(), std::collections::HashSet::new());
            let mut whole = String::new();
            for span in t.iter().filter(|s| Face::for_style(s.style) == face) {
                glyphs::missing_in(font, &span.text, &mut missing, &mut seen);
                whole.push_str(&span.text);
            }
            if !missing.is_empty() {
                let p = glyphs::missing_glyph(path, face, font, &missing, &whole, false);
                self.problems.push(p);
            }
        }
    }

    /// Text drawn in one face (markers, the footer's title and label).
    fn plain(&mut self, t: &str, face: Face, path: &JsonPath) {
        let span = Span {
            text: t.to_owned(),
            style: face.style(),
            link: None,
        };
        self.text(&vec![span], path);
    }

    /// The text of a block: at its origin if it has one, else at `path`.
    fn at(origin: &crate::doc::Origin, path: &JsonPath) -> JsonPath {
        origin.path().cloned().unwrap_or_else(|| path.clone())
    }

    fn blocks(&mut self, bs: &[Block], path: &JsonPath) {
        for (i, b) in bs.iter().enumerate() {
            let path = path.item(i);
            match b {
                Block::Title(t) => self.text(t, &path),
                Block::Heading(h) => {
                    let at = Self::at(&h.origin, &path);
                    self.text(&h.text, &at);
                    // The marker is drawn in bold.
                    if let Some(m) = &h.marker {
                        self.plain(m, Face::Bold, &path.child("marker"));
                    }
                }
                Block::Paragraph(p) => self.text(&p.text, &Self::at(&p.origin, &path)),
                Block::List(l) => self.list(l, &path),
                Block::Table(t) => self.table(t, &path),
                Block::Indent(inner) => self.blocks(inner, &path),
                Block::Signature(s) => self.signature(s, &path),
            }
        }
    }

    fn list(&mut self, l: &crate::doc::List, path: &JsonPath) {
        for (k, item) in l.items.iter().enumerate() {
            let path = path.child("items").item(k);
            self.plain(&item.marker, Face::Regular, &path.child("marker"));
            self.blocks(&item.blocks, &path.child("blocks"));
        }
    }

    fn table(&mut self, t: &crate::doc::Table, path: &JsonPath) {
        for (part, rows) in [("header", &t.header), ("body", &t.body)] {
            for (r, row) in rows.iter().enumerate() {
                let at = Self::at(&row.origin, &path.child(part).item(r));
                for cell in &row.cells {
                    self.text(&cell.text, &at);
                }
            }
        }
        if let Some(c) = &t.caption {
            self.text(c, &path.child("caption"));
        }
    }

    fn signature(&mut self, s: &crate::doc::Signature, path: &JsonPath) {
        let at = Self::at(&s.origin, path);
        for t in s.before.iter().chain(&s.after) {
            self.text(t, &at);
        }
        // The tag is drawn, invisible, in the regular face.
        if let Some(tag) = s.tag {
            let at = Self::at(&s.tag_origin, &path.child("tag"));
            self.plain(&tag.to_string(), Face::Regular, &at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Footer, Origin, Paragraph, Signature};
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

    fn path(p: &str) -> JsonPath {
        p.parse().unwrap()
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
                Block::Paragraph(Paragraph::new(text(paragraph), Align::Left)),
                Block::Signature(Signature {
                    tag: Some('#'),
                    origin: Origin::at(path("closing")),
                    space_origin: Origin::at(path("sign.box.width")),
                    tag_origin: Origin::at(path(tag_path)),
                    ..Signature::new(
                        vec![text("Kota, 1 Januari 2025")],
                        Size::new(width, Pt(60.0)),
                        vec![text("Nama")],
                    )
                }),
            ],
            footer: Footer::new("Note", vec![text("One.")], "{page}/{pages}"),
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
        let mut doc = document("Satu", "sign.mark", Pt(100.0));
        doc.blocks.insert(
            1,
            Block::Paragraph(Paragraph::new(text("Dua"), Align::Left)),
        );
        doc.blocks.insert(
            2,
            Block::List(crate::doc::List {
                items: vec![crate::doc::ListItem::new(
                    "(xviii)",
                    vec![Block::Paragraph(Paragraph::new(text("Butir"), Align::Left))],
                )],
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
        let layout =
            layout_document(&document("Teks", "sign.mark", Pt(100.0)), &style, &fonts).unwrap();
        assert_eq!(layout.signature.map(|s| s.tag), Some(Some('#')));
    }
}
