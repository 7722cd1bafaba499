//! Stage 3, document → layout: the [`Layout`] of a document, its
//! [`Page`]s of positioned [`Item`]s ([`TextRun`], [`Rule`], [`BoxItem`],
//! [`LinkArea`]) in [`Pt`] from each page's top-left corner, the outline
//! ([`OutlineEntry`]), the signature boxes ([`SignatureBox`]) and the tag
//! tree ([`tags`]), made by [`layout_document`] with a [`Style`].
//!
//! A [`Layout`]'s [`Display`](std::fmt::Display) form is a stable text
//! dump, one line per item with two decimals, made for `insta` snapshots;
//! [`Layout::page_dump`] gives one page's, readably.
//!
//! ## Inside
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
//! 5. `figure`: figures (images, charts) and the cover into chunks;
//! 6. `contents`: generated lists into chunks, and their pages read
//!    from a layout;
//! 7. `flow`: blocks into chunks (tables through `table`);
//! 8. `paginate`: chunks onto pages;
//! 9. `finalize`: footers, page labels, anchors, figures' boxes and the
//!    outline.
//!
//! A document with generated lists (a table of contents) is laid out
//! again with the pages its first layout gives its entries, until they
//! agree (at most [`MAX_PASSES`] times; an entry's lines break the same
//! whatever its page, so the second layout agrees).

pub use crate::frame::{
    Anchor, BoxItem, ImageItem, Item, Layout, LinkArea, NumberStyle, OutlineEntry, Page,
    PageFooter, PageLabel, PageNumbering, Rule, SignatureBox, TextRun,
};
pub use crate::style::Style;
pub use crate::units::{Point, Pt, Rect, Sides, Size};

/// The tag tree of a layout: the structure nodes (headings, paragraphs,
/// lists, tables, links) in reading order, and what each item of a page
/// belongs to. The PDF writer turns it into the PDF's structure tree.
pub mod tags {
    pub use crate::frame::{
        ArtifactKind, ListNumbering, NodeId, Role, Scope, StructNode, Structure, Tag,
    };
}

pub(crate) mod check;
mod chunk;
mod contents;
mod ctx;
mod figure;
mod finalize;
mod flow;
mod lines;
mod paginate;
mod table;

use ctx::Ctx;

use crate::doc::{Block, Document, Signature, Text};
use crate::error::Result;
use crate::problem::{Arg, JsonPath, Kind, Problem};
use crate::text::Face;
use crate::text::FontSet;
use crate::text::Span;
use crate::text::glyphs;

/// Lays out a document on pages.
///
/// Fails if the style or the document has a value it cannot lay out
/// ([`Error::Invalid`](crate::Error::Invalid), naming each by its path, e.g. `style.font_size`
/// or `document.blocks[3].space.width`): a page side outside 3 to
/// 14,400 pt, a type size or line spacing of 0 or less, a negative or
/// non-finite margin, spacing or width, a grey level outside 0 to 1,
/// margins wider than the page, a date whose year has more than four
/// digits, lists and indents nested more than 100 deep, a signature space
/// of negative or non-finite size. Fails if the font lacks a character the
/// text uses (a problem of kind `missing-glyph`), or if something cannot
/// be placed even on an empty page (`too-tall`, `table-too-wide`,
/// `note-too-tall`, ...), or a table whose rows do not fill its columns
/// (`rows-do-not-fill`): text is never dropped.
///
/// ```
/// use lapkin::Date;
/// use lapkin::document::{Block, Cell, Column, Document, Footer, Meta, Origin, Row, Table};
/// use lapkin::layout::{Style, layout_document};
/// use lapkin::model::Month;
/// use lapkin::problem::{JsonPath, Kind};
/// use lapkin::text::{Align, FontSet, Span};
///
/// let cell = |t: &str| Cell::new(vec![Span::plain(t)]);
/// let columns = vec![Column::new(Align::Left), Column::new(Align::Right)];
/// let table = |rows| Table::new(columns.clone(), Vec::new(), rows);
/// let date = Date::from_calendar_date(2025, Month::April, 10).unwrap();
/// let doc = |t: Table| Document::new(Meta::new("Tabel", date), vec![Block::Table(t)], Footer::new("", Vec::new(), ""));
/// let fonts = FontSet::liberation_sans();
///
/// let full = table(vec![Row::new(vec![cell("SD"), cell("120")])]);
/// let layout = layout_document(&doc(full), &Style::default(), &fonts).unwrap();
/// assert_eq!(layout.page_text(0).unwrap(), "SD120");
///
/// // A row of one cell in two columns: refused, with the row's origin.
/// let at = Origin::at("baris[0]".parse::<JsonPath>().unwrap());
/// let short = table(vec![Row::new(vec![cell("SD")]).with_origin(at)]);
/// let err = layout_document(&doc(short), &Style::default(), &fonts).unwrap_err();
/// assert_eq!(err.problems()[0].kind, Kind::RowsDoNotFill);
/// assert!(err.problems()[0].path().unwrap() == "baris[0]");
/// ```
pub fn layout_document(doc: &Document, style: &Style, fonts: &FontSet) -> Result<Layout> {
    check::check_input(doc, style)?;
    check_glyphs(doc, fonts)?;
    lay_out(doc, style, fonts)
}

/// The most times a document with generated lists is laid out.
pub const MAX_PASSES: usize = 4;

/// [`layout_document`] of a document whose glyphs are known to be in
/// `fonts`: one built from a report validated for them (`crate::validate`).
/// A document with generated lists is laid out until the pages its lists
/// print are the pages of their targets.
pub(crate) fn lay_out(doc: &Document, style: &Style, fonts: &FontSet) -> Result<Layout> {
    if !contents::needs_pages(&doc.blocks) {
        return lay_out_once(doc, style, fonts);
    }
    // Each pass lays out the document with the pages the one before gave
    // (none at first), until they are the pages it gives.
    let mut filled = doc.clone();
    filled.blocks = contents::with_pages(&doc.blocks, None);
    let mut layout = lay_out_once(&filled, style, fonts)?;
    for _ in 1..MAX_PASSES {
        let next = contents::with_pages(&doc.blocks, Some(&layout));
        if next == filled.blocks {
            break;
        }
        filled.blocks = next;
        layout = lay_out_once(&filled, style, fonts)?;
    }
    Ok(layout)
}

/// One layout of the document, its lists' pages as they are.
fn lay_out_once(doc: &Document, style: &Style, fonts: &FontSet) -> Result<Layout> {
    let ctx = Ctx::new(style, fonts);
    let portrait = finalize::Sheet::new(&ctx, &doc.footer)?;
    // The body's height on each orientation, for the figures: a landscape
    // sheet that cannot be made is refused below if anything goes on it.
    let turned = style.landscape();
    let turned_sheet = finalize::Sheet::new(&Ctx::new(&turned, fonts), &doc.footer);
    let landscape_area = turned_sheet.as_ref().map_or(portrait.area(), |s| s.area());
    let height = |(top, bottom): (Pt, Pt)| bottom - top;
    ctx.body
        .set([height(portrait.area()), height(landscape_area)]);
    let mut chunks = Vec::new();
    flow::flow(
        &ctx,
        &doc.blocks,
        (style.margin.left, style.text_width()),
        Pt::ZERO,
        0,
        &mut chunks,
    )?;
    // Landscape pages, if any blocks go on them, have their own.
    let landscape = match chunks.iter().any(|c| c.landscape) {
        true => Some(turned_sheet?),
        false => None,
    };
    let sheets = [&portrait, landscape.as_ref().unwrap_or(&portrait)];
    let bodies = paginate::paginate(chunks, sheets.map(finalize::Sheet::area))?;
    let structure = ctx.tree.take();
    let layout = finalize::finalize(&ctx, bodies, sheets, doc.meta.clone(), structure);
    check_tags(doc, &layout)?;
    Ok(layout)
}

/// Every signature block of `blocks`, at the top level and in rows.
fn signers(blocks: &[Block]) -> impl Iterator<Item = &Signature> {
    blocks.iter().flat_map(|b| match b {
        Block::Signature(s) => std::slice::from_ref(s),
        Block::SignatureRow(row) => row.as_slice(),
        _ => &[],
    })
}

/// Each electronic signer's tag must be the only occurrence of its
/// character in the printed text, generated text (headings, the footer,
/// markers) and the other signers' tags included.
fn check_tags(doc: &Document, layout: &Layout) -> Result<()> {
    let tags: Vec<(char, &crate::doc::Origin)> = signers(&doc.blocks)
        .filter(|s| s.electronic)
        .filter_map(|s| s.tag.map(|t| (t, &s.tag_origin)))
        .collect();
    for (k, &(tag, origin)) in tags.iter().enumerate() {
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
        let tag_arg = Arg::Text(format!("{tag:?}"));
        let problem = if let Some(first) = clashes.first() {
            Problem::new(origin.location(), Kind::TagInPrintedText)
                .with("tag", tag_arg)
                .with("count", clashes.len())
                .with("first", Arg::quoted(*first))
        } else if tags[..k].iter().any(|(t, _)| *t == tag) {
            Problem::new(origin.location(), Kind::TagOfTwoSigners).with("tag", tag_arg)
        } else {
            continue;
        };
        return Err(problem.into());
    }
    Ok(())
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
    for (i, marker) in doc.footer.markers.iter().flatten().enumerate() {
        g.plain(marker, Face::Regular, &footer.child("markers").item(i));
    }
    if let Some(t) = &doc.footer.text {
        g.text(t, &footer.child("text"));
    }
    if let Some(t) = &doc.footer.header {
        let at = Glyphs::at(&doc.footer.header_origin, &footer.child("header"));
        g.text(t, &at);
    }
    // The label as printed: its placeholders become digits.
    let label = doc
        .footer
        .page_label
        .replace("{page}", "0")
        .replace("{pages}", "0");
    g.plain(&label, Face::Regular, &footer.child("page_label"));
    crate::error::none_or_invalid(g.problems)
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
                Block::Indent(inner) | Block::Landscape(inner) => self.blocks(inner, &path),
                Block::Contents(c) => {
                    for (k, e) in c.entries.iter().enumerate() {
                        let at = path.child("entries").item(k);
                        self.text(&e.text, &at);
                        let number = e.number.as_deref().unwrap_or_default();
                        let drawn = format!("{number} {} .", e.page);
                        self.plain(&drawn, Face::Regular, &at.child("page"));
                    }
                }
                Block::PageBreak(_) => {}
                Block::Signature(s) => self.signature(s, &path),
                Block::SignatureRow(row) => {
                    for (k, s) in row.iter().enumerate() {
                        self.signature(s, &path.item(k));
                    }
                }
                Block::Figure(f) => self.figure(f, &path),
                Block::Cover(c) => {
                    let at = Self::at(&c.origin, &path);
                    for t in c.title.iter().chain(&c.subtitle).chain(&c.foot) {
                        self.text(t, &at);
                    }
                }
            }
        }
    }

    /// A figure's number and caption, and a chart's labels.
    fn figure(&mut self, f: &crate::doc::Figure, path: &JsonPath) {
        let at = Self::at(&f.origin, path);
        if let Some(n) = &f.number {
            self.plain(n, Face::Regular, &at);
        }
        if let Some(c) = &f.caption {
            self.text(c, &at);
        }
        if let crate::doc::FigureContent::Chart(c) = &f.content {
            let names = c.series.iter().map(|s| s.name.as_str());
            for t in c.categories.iter().map(String::as_str).chain(names) {
                self.plain(t, Face::Regular, &at);
            }
            self.plain(&c.axis, Face::Regular, &at);
            self.plain("0123456789.,-", Face::Regular, &at);
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

    /// The texts of page `p` of `layout` at or after its footer, with
    /// their baselines.
    /// The texts of a page's furniture: its footer's note, its running
    /// header (drawn with the body) and its label.
    fn furniture(layout: &Layout, p: usize) -> Vec<(String, Pt, Pt)> {
        let page = &layout.pages[p];
        page.footer
            .note
            .iter()
            .chain(&page.header)
            .chain(&page.footer.label)
            .filter_map(|i| match i {
                crate::frame::Item::Text(t) => Some((t.text.clone(), t.x, t.y)),
                _ => None,
            })
            .collect()
    }

    fn rules_after_footer(layout: &Layout) -> usize {
        let page = &layout.pages[0];
        page.footer
            .note
            .iter()
            .filter(|i| matches!(i, crate::frame::Item::Rule(_)))
            .count()
    }

    /// Each part of the footer may be left out or relabelled: a note
    /// without a title and with the unit's markers; no note at all (and
    /// no rule), only the page label; a running footer text beside the
    /// label; a running header above the body of every page, over a rule.
    #[test]
    fn the_footer_parts_are_optional_and_relabelled() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let mut doc = document("Teks", "", Pt(100.0));
        doc.footer.title = String::new();
        doc.footer.items = vec![text("Satu."), text("Dua.")];
        doc.footer.markers = Some(vec!["a)".into(), "b)".into()]);
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let texts: Vec<String> = furniture(&layout, 0).into_iter().map(|t| t.0).collect();
        assert_eq!(texts, ["a)", "Satu.", "b)", "Dua.", "1/1"]);
        assert_eq!(rules_after_footer(&layout), 1);

        doc.footer.items.clear();
        doc.footer.page_label = "Lapkin Interim Triwulan II PPPOMN \u{2013} {page}".into();
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let f = furniture(&layout, 0);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Lapkin Interim Triwulan II PPPOMN \u{2013} 1");
        assert_eq!(rules_after_footer(&layout), 0);
        // The body reaches further down without the note.
        let bottom = style.page.height - style.footer_bottom;
        assert!(
            f[0].2.0 < bottom.0 + 1e-6 && f[0].2.0 > bottom.0 - 20.0,
            "{f:?}"
        );

        doc.footer.text = Some(text("Laporan Kinerja"));
        doc.footer.header = Some(text("Lapkin Interim Triwulan II PPPOMN"));
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let f = furniture(&layout, 0);
        let (label, footer_text) = (&f[f.len() - 1], &f[0]);
        assert_eq!(footer_text.0, "Laporan Kinerja");
        assert!(footer_text.2.approx_eq(label.2), "{f:?}");
        let header = f
            .iter()
            .find(|t| t.0.starts_with("Lapkin Interim"))
            .unwrap();
        assert!(
            header.2.0 < style.margin.top.0 - style.footer_gap.0 / 2.0,
            "{header:?}"
        );
        let right = style.margin.left + style.text_width();
        let w = fonts
            .face(Face::Regular)
            .width(&header.0, style.footer_font_size);
        assert!((header.1 + w).approx_eq(right), "{header:?}");
        // The body's first line is below it.
        let (_, body_y) = position(&layout, "Teks");
        assert!(body_y.0 > style.margin.top.0, "{body_y}");

        doc.footer.header = Some(text(&"Kepala halaman yang sangat panjang ".repeat(60)));
        doc.footer.header_origin = Origin::at(path("halaman.kepala"));
        let e = layout_document(&doc, &style, &fonts)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("halaman.kepala: the running header does not fit"),
            "{e}"
        );
    }

    /// A signer of `lines` before and after its space, electronic with
    /// `tag` or in ink.
    fn signer(before: &[&str], after: &[&str], tag: Option<char>) -> Signature {
        let mut s = Signature::new(
            before.iter().map(|t| text(t)).collect(),
            Size::new(Pt(60.0), Pt(50.0)),
            after.iter().map(|t| text(t)).collect(),
        );
        s.tag = tag;
        s.electronic = tag.is_some();
        s.signer = after.first().map(|t| t.to_string()).unwrap_or_default();
        let name = after.first().copied().unwrap_or_default().to_owned();
        s.tag_origin = Origin::at(JsonPath::root().key("signers").key(name));
        s
    }

    /// Signers side by side: the first at the left margin, the last at
    /// the right; the lines above their spaces end on one line, so their
    /// spaces and names line up; each electronic signer's box is recorded
    /// with its tag and name, an ink signer's is not (and gets no tag).
    #[test]
    fn signers_side_by_side_line_up_and_only_electronic_ones_get_a_box() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let mut doc = document("Teks", "", Pt(100.0));
        doc.blocks[1] = Block::SignatureRow(vec![
            signer(&["Mengetahui,", "Ketua,"], &["Ketua Satu"], None),
            signer(&["Sekretaris,"], &["Sekretaris Dua"], Some('~')),
            signer(
                &["Kota, Oktober 2020", "Panitera,"],
                &["Panitera Tiga"],
                Some('#'),
            ),
        ]);
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let (x1, y1) = position(&layout, "Ketua Satu");
        let (x2, y2) = position(&layout, "Sekretaris Dua");
        let (x3, y3) = position(&layout, "Panitera Tiga");
        assert!(y1.approx_eq(y2) && y2.approx_eq(y3), "{y1} {y2} {y3}");
        assert!(x1.approx_eq(style.margin.left), "{x1}");
        assert!(x1 < x2 && x2 < x3, "{x1} {x2} {x3}");
        let (_, above1) = position(&layout, "Ketua,");
        let (_, above3) = position(&layout, "Panitera,");
        assert!(above1.approx_eq(above3));
        let boxes: Vec<(Option<char>, Option<&str>)> = layout
            .signatures
            .iter()
            .map(|b| (b.tag, b.signer.as_deref()))
            .collect();
        assert_eq!(
            boxes,
            [
                (Some('~'), Some("Sekretaris Dua")),
                (Some('#'), Some("Panitera Tiga"))
            ]
        );
        let [a, b] = &layout.signatures[..] else {
            panic!()
        };
        assert!(a.rect.y.approx_eq(b.rect.y) && a.rect.x < b.rect.x);
        // Each box in its own Div.
        assert_ne!(a.node, b.node);
        let divs = layout
            .structure
            .nodes
            .iter()
            .filter(|n| n.role == crate::frame::Role::Div);
        assert_eq!(divs.count(), 3);
        // The ink signer's space holds no tag.
        let tags = layout.pages[0]
            .items
            .iter()
            .filter(|i| matches!(i, crate::frame::Item::Text(t) if t.invisible))
            .count();
        assert_eq!(tags, 2);
    }

    /// Three signers side by side with NIPs too wide for their columns at
    /// the body's size (a newcomer's Pengadilan Negeri report printed
    /// "NIP." alone on a line): the row is set smaller until each NIP line
    /// is one line; lines not kept whole may still wrap. Two signers with
    /// room keep the body's size.
    #[test]
    fn a_nip_too_wide_for_its_column_makes_the_row_smaller_never_breaks() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let nips = ["NIP. 19720315 199803 1 002", "NIP. 19801120 200604 2 001"];
        let with_nip = |name: &str, nip: &str| {
            let mut s = signer(&["Panitera,"], &[name, nip], None);
            s.keep_last = true;
            s
        };
        let mut doc = document("Teks", "", Pt(100.0));
        let mut row = vec![
            with_nip("Rahmat Hidayat, S.H., M.H.", nips[0]),
            with_nip("Dewi Anggraini, S.E.", nips[1]),
        ];
        doc.blocks[1] = Block::SignatureRow(row.clone());
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let sizes = |layout: &Layout, text: &str| {
            let runs = layout.pages[0].items.iter().filter_map(|i| match i {
                // The NIP's groups are tied with no-break spaces.
                crate::frame::Item::Text(t) if t.text.replace('\u{a0}', " ") == text => {
                    Some(t.size)
                }
                _ => None,
            });
            runs.collect::<Vec<Pt>>()
        };
        assert_eq!(sizes(&layout, nips[0]), [style.font_size]);
        // A third column: each is about a third of the text width, narrower
        // than a NIP line at 11 pt.
        let third = (style.text_width() - style.indent * 2.0) / 3.0;
        assert!(fonts.width(nips[0], Face::Regular, style.font_size) > third);
        row.push(with_nip(
            "Dr. Bambang Setiawan, S.H., M.H.",
            "NIP. 19750808 200012 1 001",
        ));
        doc.blocks[1] = Block::SignatureRow(row);
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        for nip in nips {
            let [size] = sizes(&layout, nip)[..] else {
                panic!("{nip} is not one line")
            };
            assert!(
                size < style.font_size && size >= style.table_font_size,
                "{size}"
            );
            assert!(fonts.width(nip, Face::Regular, size) <= third);
        }
        assert!(sizes(&layout, "NIP.").is_empty());
    }

    /// Two signers stacked, each a block of its own at the right; two
    /// electronic signers may not share a tag.
    #[test]
    fn stacked_signers_have_a_box_each_and_tags_of_their_own() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let mut doc = document("Teks", "", Pt(100.0));
        doc.blocks[1] = Block::Signature(signer(
            &["Kota, 1 Januari 2025", "Ketua,"],
            &["Satu"],
            Some('#'),
        ));
        doc.blocks.push(Block::Signature(signer(
            &["Sekretaris,"],
            &["Dua"],
            Some('~'),
        )));
        let layout = layout_document(&doc, &style, &fonts).unwrap();
        let [a, b] = &layout.signatures[..] else {
            panic!()
        };
        assert!(
            a.rect.x.approx_eq(b.rect.x) && a.rect.y < b.rect.y,
            "{a:?} {b:?}"
        );
        let Block::Signature(last) = &mut doc.blocks[2] else {
            panic!()
        };
        last.tag = Some('#');
        let e = layout_document(&doc, &style, &fonts)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("signers.Dua: the tag '#' is also another signer's"),
            "{e}"
        );
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
        let tags: Vec<Option<char>> = layout.signatures.iter().map(|s| s.tag).collect();
        assert_eq!(tags, [Some('#')]);
    }
}
