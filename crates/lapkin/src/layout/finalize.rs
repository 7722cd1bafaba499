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
    ArtifactKind, Item, Layout, Meta, OutlineEntry, Page, Rule, Structure, Tag, TextRun,
};

/// What every item of the footer is: running furniture.
const FURNITURE: Tag = Tag::Artifact(ArtifactKind::Pagination);
use crate::text::Align;
use crate::text::Face;
use crate::units::Pt;

/// The footer laid out once, relative to its own top, and the running
/// header at its place on the page.
pub(crate) struct FooterLayout {
    items: Vec<Item>,
    header: Vec<Item>,
    height: Pt,
    label: String,
    label_baseline: Pt,
    size: Pt,
    right: Pt,
}

/// Lines of footer text laid out from `y` at `x`, `width` wide, their
/// items appended to `items`; gives the height they take.
fn furniture_lines(
    ctx: &Ctx<'_>,
    text: &crate::doc::Text,
    (x, width): (Pt, Pt),
    y: Pt,
    items: &mut Vec<Item>,
) -> Pt {
    let size = ctx.style.footer_font_size;
    let mut h = Pt::ZERO;
    for mut line in text_lines(ctx, text, size, x, width, Align::Left, "", FURNITURE) {
        shift_all(&mut line.items, y + h);
        items.append(&mut line.items);
        h += line.height;
    }
    h
}

impl FooterLayout {
    pub fn new(ctx: &Ctx<'_>, footer: &Footer) -> Self {
        let style = ctx.style;
        let size = style.footer_font_size;
        let left = style.margin.left;
        let width = style.text_width();
        let mut items = Vec::new();
        let ruled = !footer.items.is_empty() || !footer.title.is_empty() || footer.text.is_some();
        let mut y = Pt::ZERO;
        if ruled {
            items.push(Item::Line(Rule {
                x1: left,
                y1: Pt::ZERO,
                x2: left + width,
                y2: Pt::ZERO,
                width: style.footer_rule_width,
                tag: FURNITURE,
            }));
            y = style.footer_rule_gap;
        }
        // The page label sits at the right of the footer's first line.
        let label_baseline = y + ctx.baseline(size);
        if !footer.title.is_empty() {
            let title = vec![crate::text::Span {
                text: footer.title.clone(),
                style: crate::text::SpanStyle::BOLD,
                link: None,
            }];
            // The title takes at most the left half.
            y += furniture_lines(ctx, &title, (left, width / 2.0), y, &mut items);
        }
        y += note_items(ctx, footer, (left, width), y, &mut items);
        if let Some(text) = &footer.text {
            // At the left of the label's line when it is the first line.
            let w = if y == label_baseline - ctx.baseline(size) {
                width / 2.0
            } else {
                width
            };
            y += furniture_lines(ctx, text, (left, w), y, &mut items);
        }
        if y == Pt::ZERO && !footer.page_label.is_empty() {
            y = ctx.line_height(size);
        }
        FooterLayout {
            items,
            header: running_header(ctx, footer),
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

    /// The running header's top, if there is one: it must stay on the
    /// page.
    pub fn header_top(&self) -> Option<Pt> {
        self.header
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.y - t.size),
                _ => None,
            })
            .reduce(Pt::min)
    }

    /// The footer of page `page` of `pages`, placed with its top at `top`,
    /// the running header above the body, and the page label last.
    fn page_items(&self, ctx: &Ctx<'_>, page: usize, pages: usize, top: Pt) -> Vec<Item> {
        let mut items = self.items.clone();
        shift_all(&mut items, top);
        items.extend(self.header.iter().cloned());
        if self.label.is_empty() {
            return items;
        }
        let label = self
            .label
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string());
        let width = ctx.fonts.face(Face::Regular).width(&label, self.size);
        items.push(Item::Text(TextRun {
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
        }));
        items
    }
}

/// The note's items from `y`, each with its marker hanging left of its
/// text: "1.", "2.", ... unless the footer gives its own markers (an
/// empty one: none, and without any marker no indent). Gives their height.
fn note_items(
    ctx: &Ctx<'_>,
    footer: &Footer,
    (left, width): (Pt, Pt),
    y: Pt,
    items: &mut Vec<Item>,
) -> Pt {
    let size = ctx.style.footer_font_size;
    let regular = ctx.fonts.face(Face::Regular);
    let markers: Vec<String> = match &footer.markers {
        Some(m) => (0..footer.items.len())
            .map(|i| m.get(i).cloned().unwrap_or_default())
            .collect(),
        None => (1..=footer.items.len()).map(|i| format!("{i}.")).collect(),
    };
    let indent = if markers.iter().all(String::is_empty) {
        Pt::ZERO
    } else {
        markers
            .iter()
            .map(|m| regular.width(m, size))
            .fold(Pt::ZERO, Pt::max)
            + ctx.style.marker_gap
    };
    let mut h = Pt::ZERO;
    for (text, marker) in footer.items.iter().zip(markers) {
        let start = items.len();
        let taken = furniture_lines(ctx, text, (left + indent, width - indent), y + h, items);
        if !marker.is_empty() && items.len() > start {
            items.insert(
                start,
                Item::Text(TextRun {
                    x: left,
                    y: y + h + ctx.baseline(size),
                    face: Face::Regular,
                    size,
                    width: regular.width(&marker, size),
                    text: marker,
                    word_spacing: Pt::ZERO,
                    invisible: false,
                    tag: FURNITURE,
                    actual_text: None,
                }),
            );
        }
        h += taken;
    }
    h
}

/// The running header: its lines at the right of the text area, the last
/// ending `footer_gap` above the body, over a rule across the text area
/// half that gap above the body.
fn running_header(ctx: &Ctx<'_>, footer: &Footer) -> Vec<Item> {
    let Some(text) = &footer.header else {
        return Vec::new();
    };
    let style = ctx.style;
    let size = style.footer_font_size;
    let (left, width) = (style.margin.left, style.text_width());
    let lines = text_lines(ctx, text, size, left, width, Align::Right, "", FURNITURE);
    let total: Pt = lines.iter().map(|l| l.height).sum();
    let rule_y = style.margin.top - style.footer_gap / 2.0;
    let mut y = rule_y - style.footer_rule_gap - total;
    let mut items = Vec::new();
    for mut line in lines {
        shift_all(&mut line.items, y);
        items.append(&mut line.items);
        y += line.height;
    }
    items.push(Item::Line(Rule {
        x1: left,
        y1: rule_y,
        x2: left + width,
        y2: rule_y,
        width: style.footer_rule_width,
        tag: FURNITURE,
    }));
    items
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
    let mut signatures = Vec::new();
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
            for mut s in body.signatures {
                s.page = i + 1;
                s.page_height = ctx.style.page.height;
                signatures.push(s);
            }
            let mut items = body.items;
            let start = items.len();
            items.extend(footer.page_items(ctx, i + 1, total, footer_top));
            // The layout is kept while the PDF is written: no room to spare
            // (a page's items were pushed one by one, so up to half its
            // vector was unused).
            items.shrink_to_fit();
            Page {
                size: ctx.style.page,
                items,
                footer: start,
            }
        })
        .collect();
    Layout {
        pages,
        outline,
        signatures,
        meta,
        structure,
    }
}
