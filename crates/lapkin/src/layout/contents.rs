//! Generated lists (Daftar Isi, Daftar Tabel …): each entry its text,
//! dot leaders and its target's page at the right, the whole entry a link
//! to the target; tagged `TOC` with a `TOCI` per entry. And the pages
//! the entries print, read from a layout of the document (the layout
//! stage lays a document with lists out again until they agree).

use std::collections::HashMap;

use super::chunk::Chunk;
use super::ctx::Ctx;
use super::lines::text_lines;
use crate::doc::{Block, Contents, ContentsEntry};
use crate::frame::{ArtifactKind, Item, Layout, LinkArea, NodeId, Role, Tag, TextRun};
use crate::problem::Phrase;
use crate::text::{Align, Face};
use crate::units::{Pt, Rect};

/// The width kept for a page number at `size`, so that an entry's lines
/// break the same whatever its page: "00000", or the page if it is wider.
fn page_column(ctx: &Ctx<'_>, page: &str, size: Pt) -> Pt {
    let face = ctx.fonts.face(Face::Regular);
    face.width("00000", size).max(face.width(page, size))
}

/// Lays out a generated list at `x`, `width` wide, as a `TOC` in
/// `parent`.
pub(super) fn contents(
    ctx: &Ctx<'_>,
    c: &Contents,
    (x, width): (Pt, Pt),
    parent: NodeId,
    out: &mut Vec<Chunk>,
) {
    let toc = ctx.node(Role::TOC, parent);
    for (i, e) in c.entries.iter().enumerate() {
        let mut chunks = entry(ctx, e, (x, width), toc);
        if let Some(first) = chunks.first_mut()
            && i > 0
        {
            first.space_before = ctx.style.list_item_spacing;
        }
        out.extend(chunks);
    }
}

/// One entry: a `TOCI` holding a `P` whose text and page are a `Link`.
fn entry(ctx: &Ctx<'_>, e: &ContentsEntry, (x, width): (Pt, Pt), toc: NodeId) -> Vec<Chunk> {
    let size = ctx.style.font_size;
    let p = ctx.node(Role::P, ctx.node(Role::TOCI, toc));
    let link = Tag::Node(ctx.node(Role::Link, p));
    let gap = ctx.style.marker_gap;
    let column = page_column(ctx, &e.page, size);
    let face = ctx.fonts.face(Face::Regular);
    let indent = ctx.style.indent * f64::from(e.level);
    // The number hangs before the text, whose lines align after it.
    let hang = e
        .number
        .as_ref()
        .map_or(Pt::ZERO, |n| face.width(n, size) + gap);
    let text_width = (width - indent - hang - column - gap * 2.0).max(Pt(1.0));
    let mut lines = text_lines(
        ctx,
        &e.text,
        size,
        x + indent + hang,
        text_width,
        Align::Left,
        Phrase::ChunkLine,
        link,
    );
    if let (Some(n), Some(first)) = (&e.number, lines.first_mut()) {
        let mut run = TextRun::new(
            x + indent,
            baseline_of(ctx),
            Face::Regular,
            size,
            n,
            hang - gap,
        );
        run.tag = link;
        run.space_after = true;
        first.items.insert(0, Item::Text(run));
    }
    let (ascent, descent) = (face.ascent(size), face.descent(size));
    let baseline = baseline_of(ctx);
    let n = lines.len();
    for (k, line) in lines.iter_mut().enumerate() {
        line.keep_with_next = k + 1 < n;
        let rect = Rect::new(
            x + indent,
            baseline - ascent,
            width - indent,
            ascent + descent,
        );
        line.items.push(Item::Link(LinkArea {
            rect,
            uri: format!("#{}", e.target),
            tag: link,
        }));
    }
    if let Some(last) = lines.last_mut() {
        let end = last
            .items
            .iter()
            .filter_map(text_end)
            .fold(x + indent, Pt::max);
        let page_width = face.width(&e.page, size);
        let page_x = x + width - page_width;
        last.items.push(leaders(
            ctx,
            (end + gap, x + width - column - gap),
            baseline,
        ));
        if !e.page.is_empty() {
            let mut run = TextRun::new(page_x, baseline, Face::Regular, size, &e.page, page_width);
            run.tag = link;
            last.items.push(Item::Text(run));
        }
    }
    lines
}

/// The baseline of an entry's lines, from a line's top.
fn baseline_of(ctx: &Ctx<'_>) -> Pt {
    ctx.baseline(ctx.style.font_size)
}

/// Where a text run ends.
fn text_end(item: &Item) -> Option<Pt> {
    match item {
        Item::Text(t) => Some(t.x + t.width),
        _ => None,
    }
}

/// Dot leaders from `from` to `to` on `baseline`: dots at a fixed pitch
/// ending at `to`, so that they line up from entry to entry; an artifact.
fn leaders(ctx: &Ctx<'_>, (from, to): (Pt, Pt), baseline: Pt) -> Item {
    let size = ctx.style.font_size;
    let face = ctx.fonts.face(Face::Regular);
    let pitch = face.width(" .", size);
    let count = if pitch.0 > 0.0 {
        ((to - from).0 / pitch.0).floor().max(0.0) as usize
    } else {
        0
    };
    let text = " .".repeat(count);
    let w = pitch * count as f64;
    let mut run = TextRun::new(to - w, baseline, Face::Regular, size, text, w);
    run.tag = Tag::Artifact(ArtifactKind::Layout);
    Item::Text(run)
}

/// Whether `blocks` hold a generated list, at any level.
pub(super) fn has_contents(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Contents(_) => true,
        Block::Indent(inner) | Block::Landscape(inner) => has_contents(inner),
        Block::List(l) => l.items.iter().any(|i| has_contents(&i.blocks)),
        _ => false,
    })
}

/// Sets the page of every list entry of `blocks` to its target's label in
/// `layout` (empty for a target the layout does not have); whether any
/// changed.
pub(super) fn fill_pages(blocks: &mut [Block], layout: &Layout) -> bool {
    let pages: HashMap<&str, usize> = layout
        .anchors
        .iter()
        .map(|a| (a.id.as_str(), a.page))
        .collect();
    fill(blocks, &|target| {
        pages
            .get(target)
            .map(|p| layout.page_label(*p))
            .unwrap_or_default()
    })
}

fn fill(blocks: &mut [Block], page: &impl Fn(&str) -> String) -> bool {
    let mut changed = false;
    for b in blocks {
        match b {
            Block::Contents(c) => {
                for e in &mut c.entries {
                    let p = page(&e.target);
                    if p != e.page {
                        e.page = p;
                        changed = true;
                    }
                }
            }
            Block::Indent(inner) | Block::Landscape(inner) => changed |= fill(inner, page),
            Block::List(l) => {
                for i in &mut l.items {
                    changed |= fill(&mut i.blocks, page);
                }
            }
            _ => {}
        }
    }
    changed
}
