//! Generated lists (Daftar Isi, Daftar Tabel …): each entry its text,
//! dot leaders and its target's page at the right, the whole entry a link
//! to the target; tagged `TOC` with a `TOCI` per entry. And the pages
//! the entries print, read from a layout of the document (the layout
//! stage lays a document with lists out again until they agree).

use std::collections::HashMap;

use super::chunk::Chunk;
use super::ctx::Ctx;
use super::lines::text_lines;
use crate::doc::{Block, Contents, ContentsEntry, PAGE_SLOT, for_each_text, texts};
use crate::frame::{ArtifactKind, Item, Layout, LinkArea, NodeId, Role, Tag, TextRun};
use crate::problem::Phrase;
use crate::text::{Align, Face, Span};
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
        let to = if e.page.is_empty() {
            x + width - column
        } else {
            page_x
        };
        last.items
            .push(leaders(ctx, x, (end + gap, to - gap), baseline));
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

/// Dot leaders between `from` and `to` on `baseline`: dots at a fixed
/// pitch on a grid from the text area's left edge `left`, so that they line
/// up from entry to entry; an artifact.
fn leaders(ctx: &Ctx<'_>, left: Pt, (from, to): (Pt, Pt), baseline: Pt) -> Item {
    let size = ctx.style.font_size;
    let face = ctx.fonts.face(Face::Regular);
    let pitch = face.width(" .", size).0;
    let (first, last) = if pitch > 0.0 {
        (
            ((from - left).0 / pitch).ceil(),
            ((to - left).0 / pitch).floor() - 1.0,
        )
    } else {
        (0.0, -1.0)
    };
    let count = (last - first + 1.0).max(0.0) as usize;
    let text = " .".repeat(count);
    let x = left + Pt(first.max(0.0) * pitch);
    let mut run = TextRun::new(
        x,
        baseline,
        Face::Regular,
        size,
        text,
        Pt(pitch) * count as f64,
    );
    run.tag = Tag::Artifact(ArtifactKind::Layout);
    Item::Text(run)
}

/// Whether `blocks` print pages of targets: a generated list, or a link
/// inside the document whose text holds the target's page (`{page}`).
pub(super) fn needs_pages(blocks: &[Block]) -> bool {
    fn has_contents(blocks: &[Block]) -> bool {
        blocks.iter().any(|b| match b {
            Block::Contents(_) => true,
            Block::Indent(inner) | Block::Landscape(inner) => has_contents(inner),
            Block::List(l) => l.items.iter().any(|i| has_contents(&i.blocks)),
            _ => false,
        })
    }
    let mut all = Vec::new();
    texts(blocks, &mut all);
    has_contents(blocks) || all.iter().any(|t| t.iter().any(page_slot))
}

/// Whether a span is a link inside the document whose text holds its
/// target's page.
fn page_slot(s: &Span) -> bool {
    s.link.as_deref().is_some_and(|l| l.starts_with('#')) && s.text.contains(PAGE_SLOT)
}

/// `blocks` with the pages their targets have in `layout` (empty for none,
/// or without a layout): every list entry's page, and every `{page}` in a
/// link inside the document.
pub(super) fn with_pages(blocks: &[Block], layout: Option<&Layout>) -> Vec<Block> {
    let pages: HashMap<&str, usize> = layout
        .map(|l| l.anchors.iter().map(|a| (a.id.as_str(), a.page)).collect())
        .unwrap_or_default();
    let page = |target: &str| match (pages.get(target), layout) {
        (Some(p), Some(l)) => l.page_label(*p),
        _ => String::new(),
    };
    let mut out = blocks.to_vec();
    fill(&mut out, &page);
    for_each_text(&mut out, &mut |t| {
        for s in t.iter_mut().filter(|s| page_slot(s)) {
            let target = s
                .link
                .as_deref()
                .unwrap_or_default()
                .trim_start_matches('#');
            s.text = s.text.replace(PAGE_SLOT, &page(target));
        }
    });
    out
}

fn fill(blocks: &mut [Block], page: &impl Fn(&str) -> String) {
    for b in blocks {
        match b {
            Block::Contents(c) => c.entries.iter_mut().for_each(|e| e.page = page(&e.target)),
            Block::Indent(inner) | Block::Landscape(inner) => fill(inner, page),
            Block::List(l) => l.items.iter_mut().for_each(|i| fill(&mut i.blocks, page)),
            _ => {}
        }
    }
}
