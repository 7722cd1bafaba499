//! After pagination: the footer of every page and the outline.
//!
//! The footer holds the legal note (a title such as "Catatan :" and its
//! numbered items) and the page label (such as "Halaman X dari Y"), which
//! needs the page count: so it is added only once all pages exist (as in
//! typst's pages/finalize.rs). It is laid out once and copied onto every
//! page at the same place.

use super::ctx::Ctx;
use super::lines::text_lines;
use super::paginate::PageBody;
use crate::doc::Footer;
use crate::frame::{
    ArtifactKind, Item, Layout, Meta, OutlineEntry, Page, PageFooter, Rule, SignatureBox,
    Structure, Tag, TextRun,
};
use crate::problem::Phrase;

/// What every item of the footer is: running furniture.
const FURNITURE: Tag = Tag::Artifact(ArtifactKind::Pagination);
use crate::text::Align;
use crate::text::Face;
use crate::units::Pt;

/// The footer laid out once, relative to its own top.
pub(crate) struct FooterLayout {
    items: Vec<Item>,
    height: Pt,
    label: String,
    label_baseline: Pt,
    size: Pt,
    right: Pt,
}

impl FooterLayout {
    pub fn new(ctx: &Ctx<'_>, footer: &Footer) -> Self {
        let style = ctx.style;
        let size = style.footer_font_size;
        let left = style.margin.left;
        let width = style.text_width();
        let line_height = ctx.line_height(size);
        let mut items = vec![Item::Rule(Rule {
            x1: left,
            y1: Pt::ZERO,
            x2: left + width,
            y2: Pt::ZERO,
            width: style.footer_rule_width,
            tag: FURNITURE,
        })];
        let mut y = style.footer_rule_gap;
        let title = vec![crate::text::Span {
            text: footer.title.clone(),
            style: crate::text::SpanStyle::BOLD,
            link: None,
        }];
        let label_baseline = y + ctx.baseline(size);
        // The title takes at most the left half: the page label sits at the
        // right of its first line.
        let title = text_lines(
            ctx,
            &title,
            size,
            left,
            width / 2.0,
            Align::Left,
            Phrase::ChunkLine,
            FURNITURE,
        );
        for mut line in title {
            shift_all(&mut line.items, y);
            items.append(&mut line.items);
            y += line.height;
        }
        let regular = ctx.fonts.face(Face::Regular);
        let indent = footer
            .items
            .iter()
            .enumerate()
            .map(|(i, _)| regular.width(&format!("{}.", i + 1), size))
            .fold(Pt::ZERO, Pt::max)
            + style.marker_gap;
        for (i, text) in footer.items.iter().enumerate() {
            let marker = format!("{}.", i + 1);
            let lines = text_lines(
                ctx,
                text,
                size,
                left + indent,
                width - indent,
                Align::Left,
                Phrase::ChunkLine,
                FURNITURE,
            );
            for (k, mut line) in lines.into_iter().enumerate() {
                shift_all(&mut line.items, y);
                if k == 0 {
                    items.push(Item::Text(TextRun {
                        x: left,
                        y: y + ctx.baseline(size),
                        face: Face::Regular,
                        size,
                        width: regular.width(&marker, size),
                        text: marker.clone(),
                        word_spacing: Pt::ZERO,
                        invisible: false,
                        tag: FURNITURE,
                        actual_text: None,
                    }));
                }
                items.append(&mut line.items);
                y += line_height;
            }
        }
        FooterLayout {
            items,
            height: y,
            label: footer.page_label.clone(),
            label_baseline,
            size,
            right: left + width,
        }
    }

    /// The footer's height: from its rule to its last line's bottom.
    pub fn height(&self) -> Pt {
        self.height
    }

    /// The footer of page `page` of `pages`, placed with its top at `top`.
    fn page_footer(&self, ctx: &Ctx<'_>, page: usize, pages: usize, top: Pt) -> PageFooter {
        let mut note = self.items.clone();
        shift_all(&mut note, top);
        let label = self
            .label
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string());
        let width = ctx.fonts.face(Face::Regular).width(&label, self.size);
        let label = Item::Text(TextRun {
            x: self.right - width,
            y: top + self.label_baseline,
            face: Face::Regular,
            size: self.size,
            text: label,
            word_spacing: Pt::ZERO,
            width,
            invisible: false,
            tag: FURNITURE,
            actual_text: None,
        });
        PageFooter::new(note, vec![label])
    }
}

fn shift_all(items: &mut [Item], dy: Pt) {
    for item in items {
        item.shift_y(dy);
    }
}

/// Adds the footer to every page and collects the outline and the
/// signature box.
pub(crate) fn finalize(
    ctx: &Ctx<'_>,
    bodies: Vec<PageBody>,
    footer: &FooterLayout,
    footer_top: Pt,
    meta: Meta,
    structure: Structure,
) -> Layout {
    let total = bodies.len();
    let mut outline = Vec::new();
    let mut signature = None;
    let pages = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            for (b, y) in body.bookmarks {
                outline.push(OutlineEntry {
                    title: b.title,
                    level: b.level,
                    page: i + 1,
                    y,
                });
            }
            if let Some(rect) = body.signature {
                signature = Some(SignatureBox {
                    page: i + 1,
                    rect,
                    page_height: ctx.style.page.height,
                    tag: None,
                });
            }
            let mut items = body.items;
            // The layout is kept while the PDF is written: no room to spare
            // (a page's items were pushed one by one, so up to half its
            // vector was unused).
            items.shrink_to_fit();
            Page {
                size: ctx.style.page,
                items,
                footer: footer.page_footer(ctx, i + 1, total, footer_top),
            }
        })
        .collect();
    Layout {
        pages,
        outline,
        signature,
        meta,
        structure,
    }
}
