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

use crate::doc::{Block, Document, Signature, Text};
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
    if let Some(top) = footer.header_top()
        && top.0 < 0.0
    {
        return Err(Error::DoesNotFit {
            what: "the running header".into(),
            path: doc.footer.header_path.clone(),
            page: None,
            reason: format!(
                "its lines need {:.0} pt more than the top margin of {:.0} pt holds; shorten it",
                -top.0, style.margin.top.0
            ),
        });
    }
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
    let layout = finalize::finalize(
        &ctx,
        bodies,
        &footer,
        footer_top,
        doc.meta.clone(),
        structure,
    );
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
    let tags: Vec<(char, &str)> = signers(&doc.blocks)
        .filter(|s| s.electronic)
        .filter_map(|s| s.tag.map(|t| (t, s.tag_path.as_str())))
        .collect();
    for (k, &(tag, path)) in tags.iter().enumerate() {
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
        let message = if let Some(first) = clashes.first() {
            format!(
                "the tag {tag:?} also occurs {} time(s) in text lapkin prints, first in {first:?}; \
                 BSrE's service would place a signature there too: choose a character such as \
                 \"#\", \"$\" or \"~\"",
                clashes.len()
            )
        } else if tags[..k].iter().any(|(t, _)| *t == tag) {
            format!(
                "the tag {tag:?} is also another signer's; BSrE's service would place both \
                 signatures at the first: give each signer a tag of its own"
            )
        } else {
            continue;
        };
        return Err(Error::Invalid(crate::error::Problems(vec![
            crate::error::Problem::new(path, message),
        ])));
    }
    Ok(())
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
                Block::Signature(_) | Block::SignatureRow(_) => {
                    for s in signers(std::slice::from_ref(b)) {
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
        }
        Ok(())
    }
    blocks(&doc.blocks, fonts)?;
    plain(&doc.footer.title, Face::Bold, fonts)?;
    for item in &doc.footer.items {
        text(item, fonts)?;
    }
    for marker in doc.footer.markers.iter().flatten() {
        plain(marker, Face::Regular, fonts)?;
    }
    for t in doc.footer.text.iter().chain(&doc.footer.header) {
        text(t, fonts)?;
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
                    ..Signature::new(Vec::new(), Size::new(width, Pt(60.0)), Vec::new())
                }),
            ],
            footer: Footer {
                title: "Note".into(),
                items: vec![text("One.")],
                page_label: "{page}/{pages}".into(),
                path: String::new(),
                ..Footer::new("", Vec::new(), "")
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

    /// The texts of page `p` of `layout` at or after its footer, with
    /// their baselines.
    fn furniture(layout: &Layout, p: usize) -> Vec<(String, Pt, Pt)> {
        let page = &layout.pages[p];
        page.items[page.footer..]
            .iter()
            .filter_map(|i| match i {
                crate::frame::Item::Text(t) => Some((t.text.clone(), t.x, t.y)),
                _ => None,
            })
            .collect()
    }

    fn rules_after_footer(layout: &Layout) -> usize {
        let page = &layout.pages[0];
        page.items[page.footer..]
            .iter()
            .filter(|i| matches!(i, crate::frame::Item::Line(_)))
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
        doc.footer.header_path = "halaman.kepala".into();
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
        s.tag_path = format!("signers[{}]", after.first().copied().unwrap_or_default());
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
            e.contains("signers[Dua]: the tag '#' is also another signer's"),
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
