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
use crate::error::Result;
use crate::frame::{
    Anchor, ArtifactKind, Item, Layout, ListNumbering, Meta, NodeId, NumberStyle, OutlineEntry,
    Page, PageFooter, PageLabel, PageNumbering, Role, Rule, Structure, Tag, TextRun, page_label,
};
use crate::problem::{Kind, Phrase, Problem};

/// What every item of the footer is: running furniture (the legal note is
/// tagged where it is read, on the last page: see [`tag_the_note`]).
const FURNITURE: Tag = Tag::Artifact(ArtifactKind::Footer);
/// What every item of the running header is.
const HEADER: Tag = Tag::Artifact(ArtifactKind::Header);
use crate::text::Align;
use crate::text::Face;
use crate::units::{Pt, Size};

/// A kind of page, portrait or landscape: its size, where its body runs,
/// and its furniture laid out for its width.
pub(crate) struct Sheet {
    size: Size,
    top: Pt,
    bottom: Pt,
    /// The footer's top on the page.
    footer_top: Pt,
    footer: FooterLayout,
}

impl Sheet {
    /// The pages of `ctx`'s style, with `footer`. Fails if the running
    /// header does not fit in the top margin, or the legal note and the
    /// margins leave the body less than four lines.
    pub fn new(ctx: &Ctx<'_>, footer: &Footer) -> Result<Self> {
        let style = ctx.style;
        let layout = FooterLayout::new(ctx, footer);
        if let Some(top) = layout.header_top()
            && top.0 < 0.0
        {
            let p = Problem::new(footer.header_origin.location(), Kind::HeaderTooTall)
                .with("more", format!("{:.0}", -top.0))
                .with("margin", format!("{:.0}", style.margin.top.0));
            return Err(p.into());
        }
        let top = style.margin.top;
        let footer_top = style.page.height - style.footer_bottom - layout.height();
        let bottom = (style.page.height - style.margin.bottom).min(footer_top - style.footer_gap);
        // The body needs room for a few lines: the legal note and the
        // margins must leave it (a note taller than the page would also
        // be drawn above the page's top).
        let body = (bottom - top).0;
        if body.is_nan() || body < ctx.line_height(style.font_size).0 * 4.0 {
            let p = Problem::new(footer.origin.location(), Kind::NoteTooTall)
                .with("height", format!("{:.0}", layout.height().0))
                .with("left", format!("{:.0}", (bottom - top).0.max(0.0)))
                .with("page", format!("{:.0}", style.page.height.0));
            return Err(p.into());
        }
        Ok(Sheet {
            size: style.page,
            top,
            bottom,
            footer_top,
            footer: layout,
        })
    }

    /// Where the body runs: from its top to its bottom.
    pub fn area(&self) -> (Pt, Pt) {
        (self.top, self.bottom)
    }
}

/// The footer laid out once, relative to its own top, and the running
/// header at its place on the page.
pub(crate) struct FooterLayout {
    items: Vec<Item>,
    /// The legal note's parts, as ranges of `items`.
    note: NoteParts,
    header: Vec<Item>,
    height: Pt,
    label: String,
    label_baseline: Pt,
    size: Pt,
    right: Pt,
}

/// Where the legal note's parts are among the footer's items: read once,
/// on the last page, they are tagged there (see [`tag_the_note`]).
#[derive(Default)]
struct NoteParts {
    /// The title's lines ("Catatan :").
    title: std::ops::Range<usize>,
    /// Each numbered item: its marker (if it has one) and its lines.
    items: Vec<(Option<usize>, std::ops::Range<usize>)>,
    /// The free text under the items.
    text: std::ops::Range<usize>,
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
    for mut line in text_lines(
        ctx,
        text,
        size,
        x,
        width,
        Align::Left,
        Phrase::ChunkLine,
        FURNITURE,
    ) {
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
        let mut note = NoteParts::default();
        let ruled = !footer.items.is_empty() || !footer.title.is_empty() || footer.text.is_some();
        let mut y = Pt::ZERO;
        if ruled {
            items.push(Item::Rule(Rule {
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
            let start = items.len();
            y += furniture_lines(ctx, &title, (left, width / 2.0), y, &mut items);
            note.title = start..items.len();
        }
        y += note_items(ctx, footer, (left, width), y, &mut items, &mut note.items);
        if let Some(text) = &footer.text {
            // At the left of the label's line when it is the first line.
            let w = if y == label_baseline - ctx.baseline(size) {
                width / 2.0
            } else {
                width
            };
            let start = items.len();
            y += furniture_lines(ctx, text, (left, w), y, &mut items);
            note.text = start..items.len();
        }
        if y == Pt::ZERO && !footer.page_label.is_empty() {
            y = ctx.line_height(size);
        }
        FooterLayout {
            items,
            note,
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

    /// The footer of the page labelled `page` of `pages`, placed with its
    /// top at `top`: the legal note (as footer artifacts) and the page
    /// label.
    fn page_footer(&self, ctx: &Ctx<'_>, (page, pages): (&str, &str), top: Pt) -> PageFooter {
        let mut note = self.items.clone();
        shift_all(&mut note, top);
        // An unnumbered page (a cover) prints no page number.
        if self.label.is_empty() || page.is_empty() {
            return PageFooter::new(note, Vec::new());
        }
        let label = self.label.replace("{page}", page).replace("{pages}", pages);
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
            space_after: false,
        });
        PageFooter::new(note, vec![label])
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
    parts: &mut Vec<(Option<usize>, std::ops::Range<usize>)>,
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
        let marked = !marker.is_empty() && items.len() > start;
        parts.push(if marked {
            (Some(start), start + 1..items.len() + 1)
        } else {
            (None, start..items.len())
        });
        if marked {
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
                    space_after: true,
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
    let lines = text_lines(
        ctx,
        text,
        size,
        left,
        width,
        Align::Right,
        Phrase::ChunkLine,
        HEADER,
    );
    let total: Pt = lines.iter().map(|l| l.height).sum();
    let rule_y = style.margin.top - style.footer_gap / 2.0;
    let mut y = rule_y - style.footer_rule_gap - total;
    let mut items = Vec::new();
    for mut line in lines {
        shift_all(&mut line.items, y);
        items.append(&mut line.items);
        y += line.height;
    }
    items.push(Item::Rule(Rule {
        x1: left,
        y1: rule_y,
        x2: left + width,
        y2: rule_y,
        width: style.footer_rule_width,
        tag: HEADER,
    }));
    items
}

fn shift_all(items: &mut [Item], dy: Pt) {
    for item in items {
        item.shift_y(dy);
    }
}

/// Tags the legal note among `items` (a page's footer, from its first item
/// on) where it is read: a [`Role::Sect`] at the end of the document holding
/// the title as a [`Role::P`], the numbered items as a list and the free
/// text as a `P`. The note is printed on every page as running furniture;
/// a screen reader reads it once, from the last page, where these tags put
/// it (its copies on the other pages stay footer artifacts).
fn tag_the_note(note: &NoteParts, items: &mut [Item], structure: &mut Structure) {
    let empty = note.title.is_empty() && note.items.is_empty() && note.text.is_empty();
    if structure.is_empty() || empty {
        return;
    }
    let markers: Vec<String> = note
        .items
        .iter()
        .map(|(m, _)| match m.and_then(|m| items.get(m)) {
            Some(Item::Text(t)) => t.text.clone(),
            _ => String::new(),
        })
        .collect();
    let mut set = |range: std::ops::Range<usize>, node: NodeId| {
        for item in items.get_mut(range).into_iter().flatten() {
            item.set_tag(Tag::Node(node));
        }
    };
    let div = structure.add(Role::Sect, 0);
    if !note.title.is_empty() {
        set(note.title.clone(), structure.add(Role::P, div));
    }
    if !note.items.is_empty() {
        let l = structure.add(Role::L, div);
        structure.nodes[l].list_numbering = Some(ListNumbering::of_markers(
            markers.iter().map(String::as_str),
        ));
        for (marker, lines) in &note.items {
            let li = structure.add(Role::LI, l);
            if let Some(m) = marker {
                set(*m..*m + 1, structure.add(Role::Lbl, li));
            }
            let body = structure.add(Role::LBody, li);
            set(lines.clone(), structure.add(Role::P, body));
        }
    }
    if !note.text.is_empty() {
        set(note.text.clone(), structure.add(Role::P, div));
    }
}

/// Adds the footer to every page, the portrait sheet's or the landscape
/// one's (`sheets`, in that order), and collects the outline and the
/// signature box; tags the legal note on the last page.
pub(crate) fn finalize(
    ctx: &Ctx<'_>,
    bodies: Vec<PageBody>,
    sheets: [&Sheet; 2],
    meta: Meta,
    mut structure: Structure,
) -> Layout {
    let total = bodies.len();
    let mut outline = Vec::new();
    let mut signatures = Vec::new();
    let mut anchors = Vec::new();
    let page_labels = page_labels(&bodies);
    let pages: Vec<Page> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let sheet = sheets[usize::from(body.landscape)];
            let footer = &sheet.footer;
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
                s.page_height = sheet.size.height;
                signatures.push(s);
            }
            for (id, y) in body.anchors {
                anchors.push(Anchor::new(id, i + 1, y));
            }
            let mut items = body.items;
            let label = page_label(&page_labels, i + 1);
            let last = run_end(&page_labels, i + 1, total);
            let mut page_footer = footer.page_footer(ctx, (&label, &last), sheet.footer_top);
            let header = if body.bare {
                page_footer = Default::default();
                Vec::new()
            } else {
                footer.header.clone()
            };
            if i + 1 == total && !body.bare {
                tag_the_note(&footer.note, &mut page_footer.note, &mut structure);
            }
            // The layout is kept while the PDF is written: no room to spare
            // (a page's items were pushed one by one, so up to half its
            // vector was unused).
            items.shrink_to_fit();
            Page {
                size: sheet.size,
                items,
                header,
                footer: page_footer,
            }
        })
        .collect();
    super::figure::figure_boxes(&pages, &mut structure);
    Layout {
        pages,
        outline,
        signatures,
        meta,
        structure,
        images: ctx.images.take(),
        page_labels,
        anchors,
        notices: ctx.notices.take(),
    }
}

/// What "{pages}" prints on the 1-based `page` of `total`: the page count,
/// or in labelled pages the label of the last page of its run ("vii" in
/// the front matter, the last page's number after).
fn run_end(labels: &[PageLabel], page: usize, total: usize) -> String {
    if labels.is_empty() {
        return total.to_string();
    }
    let next = labels
        .iter()
        .find(|l| l.page > page)
        .map_or(total + 1, |l| l.page);
    page_label(labels, next - 1)
}

/// The runs of page numbering the pages start: none if no page starts
/// one (the pages are 1, 2, 3 …); else from the first page, arabic until
/// the first run if it starts later.
fn page_labels(bodies: &[PageBody]) -> Vec<PageLabel> {
    let mut labels: Vec<PageLabel> = bodies
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.numbering.map(|n| PageLabel::new(i + 1, n)))
        .collect();
    if labels.first().is_some_and(|l| l.page > 1) {
        let arabic = PageNumbering::new(NumberStyle::Arabic, 1);
        labels.insert(0, PageLabel::new(1, arabic));
    }
    labels
}
