//! Blocks into chunks: titles, headings, paragraphs, lists, the signature
//! block. Tables are laid out by [`super::table`], which this module
//! uses (never the other way).
//!
//! Keep rules are set here: a heading keeps with what follows; the first
//! and the second-to-last line of a paragraph keep with the next line, so
//! no line of a paragraph stands alone at the foot or the head of a page.

use super::chunk::Chunk;
use super::contents::contents;
use super::ctx::Ctx;
use super::lines::text_lines;
use super::table::layout_table;
use crate::doc::{Block, Heading, List, Signature};
use crate::error::Result;
use crate::frame::{ArtifactKind, Item, NodeId, Role, SignatureBox, Tag, TextRun};
use crate::problem::{Kind, Phrase, Problem};
use crate::style::Style;
use crate::text::Align;
use crate::text::Face;
use crate::units::{Pt, Rect};

/// The marker (list number, heading number) placed left of a block whose
/// chunks are already laid out, on the first baseline, belonging to `tag`.
fn add_marker(
    ctx: &Ctx<'_>,
    chunks: &mut [Chunk],
    (marker, tag): (&str, Tag),
    x: Pt,
    size: Pt,
    face: Face,
) {
    let Some(first) = chunks.first_mut() else {
        return;
    };
    let y = first.baseline.unwrap_or_else(|| ctx.baseline(size));
    let width = ctx.fonts.face(face).width(marker, size);
    first.items.insert(
        0,
        Item::Text(TextRun {
            x,
            y,
            face,
            size,
            text: marker.to_owned(),
            word_spacing: Pt::ZERO,
            width,
            invisible: false,
            tag,
            actual_text: None,
            // Set apart from its text by its place, not by a space.
            space_after: true,
        }),
    );
}

/// Lays out `blocks` at `x`, `width` wide, appending chunks to `out` and
/// their structure nodes to `parent`'s children, in order. `first_space`
/// is the space above the first block. Fails if a table is too wide even
/// at its smallest type, or the closing block's box is wider than its
/// column.
pub(super) fn flow(
    ctx: &Ctx<'_>,
    blocks: &[Block],
    (x, width): (Pt, Pt),
    first_space: Pt,
    parent: NodeId,
    out: &mut Vec<Chunk>,
) -> Result<()> {
    let mut page_break = None;
    for (i, block) in blocks.iter().enumerate() {
        if let Block::PageBreak(b) = block {
            // Nothing keeps across it.
            if let Some(last) = out.last_mut() {
                last.keep_with_next = false;
            }
            page_break = Some(b.clone());
            continue;
        }
        let start = out.len();
        let space = if i == 0 {
            first_space
        } else {
            ctx.style.block_spacing
        };
        block_chunks(ctx, block, (x, width), space, parent, out)?;
        let at_top = i == 0 && first_space == Pt::ZERO;
        if let Some(c) = out.get_mut(start) {
            if let Some(space) = space_above(ctx.style, block, space, at_top) {
                c.space_before = space;
            }
            c.page_break = page_break.take().or(c.page_break.take());
            c.anchors.extend(anchor(block));
        }
    }
    Ok(())
}

/// The anchor a block is the target of, if any.
fn anchor(block: &Block) -> Option<String> {
    match block {
        Block::Heading(h) => h.anchor.clone(),
        Block::Paragraph(p) => p.anchor.clone(),
        Block::Figure(f) => f.id.clone(),
        _ => None,
    }
}

/// The space above `block`'s first chunk: `space` (the gap between
/// blocks, or what the caller asked for above the first block), except
/// above headings and the closing block, which have their own; and
/// nothing above a heading `at_top`: first in a flow asked for no space
/// above (the document's, a list item's). `None` for indented blocks,
/// whose first block takes `space` itself.
fn space_above(style: &Style, block: &Block, space: Pt, at_top: bool) -> Option<Pt> {
    Some(match block {
        Block::Heading(_) if at_top => Pt::ZERO,
        Block::Heading(h) => match h.level {
            1 => style.section_spacing,
            2 => style.subsection_spacing,
            _ => style.subheading_spacing,
        },
        Block::Signature(_) | Block::SignatureRow(_) => style.signature_spacing,
        Block::Figure(_) => style.block_spacing * 1.5,
        Block::Indent(_) | Block::Landscape(_) | Block::PageBreak(_) => return None,
        _ => space,
    })
}

/// Appends the chunks of one block to `out`, with their keep rules.
/// `space` is the space above it, for an indented block's first block.
fn block_chunks(
    ctx: &Ctx<'_>,
    block: &Block,
    (x, width): (Pt, Pt),
    space: Pt,
    parent: NodeId,
    out: &mut Vec<Chunk>,
) -> Result<()> {
    let style = ctx.style;
    match block {
        Block::Title(text) => {
            let size = style.title_size;
            let tag = Tag::Node(ctx.node(Role::H1, parent));
            let mut lines = text_lines(
                ctx,
                text,
                size,
                x,
                width,
                Align::Center,
                Phrase::ChunkTitle,
                tag,
            );
            for l in &mut lines {
                l.keep_with_next = true;
            }
            out.extend(lines);
        }
        Block::Heading(h) => heading(ctx, h, (x, width), parent, out),
        Block::Paragraph(p) => {
            let size = style.font_size;
            let tag = Tag::Node(ctx.node(Role::P, parent));
            out.extend(text_lines(
                ctx,
                &p.text,
                size,
                x,
                width,
                p.align,
                Phrase::ChunkLine,
                tag,
            ));
            if p.keep_with_next
                && let Some(last) = out.last_mut()
            {
                last.keep_with_next = true;
            }
        }
        Block::List(l) => list(ctx, l, (x, width), parent, out)?,
        Block::Contents(c) => contents(ctx, c, (x, width), parent, out),
        Block::PageBreak(_) => {}
        Block::Table(t) => out.extend(layout_table(ctx, t, x, width, parent)?),
        Block::Figure(f) => super::figure::figure(ctx, f, (x, width), parent, out),
        Block::Cover(c) => out.push(super::figure::cover(ctx, c, (x, width), parent)),
        Block::Indent(blocks) => {
            let indent = style.indent;
            flow(
                ctx,
                blocks,
                (x + indent, width - indent),
                space,
                parent,
                out,
            )?;
        }
        Block::Landscape(blocks) => landscape(ctx, blocks, (x, width), space, parent, out)?,
        Block::Signature(_) | Block::SignatureRow(_) => {
            let chunk = match block {
                Block::Signature(s) => signature(ctx, s, x, width, parent)?,
                Block::SignatureRow(signers) => signature_row(ctx, signers, x, width, parent)?,
                _ => return Ok(()),
            };
            // Tata naskah: a signature never stands on a page without
            // the text it closes; the last line goes with it (and the
            // widow rule brings the line before that along).
            if let Some(last) = out.last_mut() {
                last.keep_with_next = true;
            }
            out.push(chunk);
        }
    }
    Ok(())
}

/// Blocks on landscape pages: laid out across the landscape text area,
/// as far in from its edges as `x` and `width` are from the portrait
/// one's (a table in a list item keeps its indent), their chunks marked for
/// landscape pages. Inside blocks already on landscape pages, as indented
/// blocks are (the first with `space` above). Else the first block takes
/// no space above: it starts a page.
fn landscape(
    ctx: &Ctx<'_>,
    blocks: &[Block],
    (x, width): (Pt, Pt),
    space: Pt,
    parent: NodeId,
    out: &mut Vec<Chunk>,
) -> Result<()> {
    if ctx.landscape.get() {
        return flow(ctx, blocks, (x, width), space, parent, out);
    }
    let (style, turned) = (ctx.style, ctx.style.landscape());
    // The indents from the portrait text area's edges, kept.
    let left = (x - style.margin.left).max(Pt::ZERO);
    let right = (style.margin.left + style.text_width() - x - width).max(Pt::ZERO);
    let area = (
        turned.margin.left + left,
        turned.text_width() - left - right,
    );
    let start = out.len();
    ctx.landscape.set(true);
    let laid = flow(ctx, blocks, area, Pt::ZERO, parent, out);
    ctx.landscape.set(false);
    laid?;
    for c in &mut out[start..] {
        c.landscape = true;
    }
    Ok(())
}

/// A heading: its level in the document is one below the title's, so a
/// section (level 1) is an `H2`.
fn heading(ctx: &Ctx<'_>, h: &Heading, (x, width): (Pt, Pt), parent: NodeId, out: &mut Vec<Chunk>) {
    let size = ctx.style.font_size;
    let tag = Tag::Node(ctx.node(Role::heading(h.level.saturating_add(1)), parent));
    let indent = match &h.marker {
        Some(m) => ctx
            .style
            .indent
            .max(ctx.fonts.face(Face::Bold).width(m, size) + ctx.style.marker_gap),
        None => Pt::ZERO,
    };
    let align = if h.centered {
        Align::Center
    } else {
        Align::Left
    };
    let mut lines = text_lines(
        ctx,
        &h.text,
        size,
        x + indent,
        width - indent,
        align,
        Phrase::ChunkHeading,
        tag,
    );
    for l in &mut lines {
        l.keep_with_next = true;
    }
    // A centred heading's lines ("BAB I" over its title) are words apart
    // for text extraction.
    let n = lines.len();
    for l in lines
        .iter_mut()
        .take(n.saturating_sub(1))
        .filter(|_| h.centered)
    {
        if let Some(Item::Text(t)) = l
            .items
            .iter_mut()
            .rev()
            .find(|i| matches!(i, Item::Text(_)))
        {
            t.space_after = true;
        }
    }
    if let Some(m) = &h.marker {
        add_marker(ctx, &mut lines, (m, tag), x, size, Face::Bold);
    }
    if let (Some(first), Some(b)) = (lines.first_mut(), &h.bookmark) {
        first.bookmarks.push(b.clone());
    }
    out.extend(lines);
}

/// A list (`L`): each item an `LI` of its marker (`Lbl`) and its blocks
/// (`LBody`).
fn list(
    ctx: &Ctx<'_>,
    list: &List,
    (x, width): (Pt, Pt),
    parent: NodeId,
    out: &mut Vec<Chunk>,
) -> Result<()> {
    let l = ctx.list_node(parent, list.items.iter().map(|i| i.marker.as_str()));
    let size = ctx.style.font_size;
    let face = ctx.fonts.face(Face::Regular);
    let widest = list
        .items
        .iter()
        .map(|i| face.width(&i.marker, size))
        .fold(Pt::ZERO, Pt::max);
    let indent = ctx.style.indent.max(widest + ctx.style.marker_gap);
    for (i, item) in list.items.iter().enumerate() {
        let li = ctx.node(Role::LI, l);
        let lbl = ctx.node(Role::Lbl, li);
        let body = ctx.node(Role::LBody, li);
        let mut chunks = Vec::new();
        flow(
            ctx,
            &item.blocks,
            (x + indent, width - indent),
            Pt::ZERO,
            body,
            &mut chunks,
        )?;
        // An item's text heads the blocks under it: keep it with them.
        if item.blocks.len() > 1
            && let Some(first_block_end) = first_block_end(&chunks)
        {
            chunks[first_block_end].keep_with_next = true;
        }
        let marker = (item.marker.as_str(), Tag::Node(lbl));
        add_marker(ctx, &mut chunks, marker, x, size, Face::Regular);
        if let Some(first) = chunks.first_mut()
            && i > 0
        {
            first.space_before = ctx.style.list_item_spacing;
        }
        out.extend(chunks);
    }
    Ok(())
}

/// The index of the last chunk of the first block in `chunks`: the chunk
/// before the first one that has space above it.
fn first_block_end(chunks: &[Chunk]) -> Option<usize> {
    if chunks.is_empty() {
        return None;
    }
    let next = chunks
        .iter()
        .skip(1)
        .position(|c| c.space_before.0 > 0.0)
        .map_or(chunks.len(), |p| p + 1);
    Some(next - 1)
}

/// One signer's part of a closing block, laid out from its own top.
struct SignerBlock {
    items: Vec<Item>,
    /// The box of an electronic signer, relative to the block's top.
    boxed: Option<SignatureBox>,
    /// The height of the lines above the space.
    before: Pt,
    height: Pt,
    baseline: Option<Pt>,
}

/// Lays out one signer at `left`, `width` wide: a `Div` of a `P` per line
/// in `parent`, the reserved space between the lines before and after it,
/// the tag (an artifact) in an electronic signer's box. The space must fit
/// in the width.
fn signer_block(
    ctx: &Ctx<'_>,
    s: &Signature,
    (left, width, size): (Pt, Pt, Pt),
    parent: NodeId,
) -> Result<SignerBlock> {
    if s.space.width.0 > width.0 + 1e-6 {
        let p = Problem::new(s.space_origin.location(), Kind::SignatureBoxTooWide)
            .with("width", format!("{:.0}", s.space.width.0))
            .with("block", format!("{:.0}", width.0));
        return Err(p.into());
    }
    let div = ctx.node(Role::Div, parent);
    let mut block = SignerBlock {
        items: Vec::new(),
        boxed: None,
        before: Pt::ZERO,
        height: Pt::ZERO,
        baseline: None,
    };
    let mut y = Pt::ZERO;
    let place = |texts: &[crate::doc::Text], y: &mut Pt, block: &mut SignerBlock| {
        for text in texts {
            let tag = Tag::Node(ctx.node(Role::P, div));
            for line in text_lines(
                ctx,
                text,
                size,
                left,
                width,
                Align::Left,
                Phrase::ChunkLine,
                tag,
            ) {
                for mut item in line.items {
                    item.shift_y(*y);
                    block.items.push(item);
                }
                if block.baseline.is_none() {
                    block.baseline = line.baseline.map(|b| b + *y);
                }
                *y += line.height;
            }
        }
    };
    place(&s.before, &mut y, &mut block);
    block.before = y;
    let gap = ctx.style.signature_gap;
    y += gap;
    if s.electronic {
        let mut b = SignatureBox::new(
            0,
            Rect::new(left, y, s.space.width, s.space.height),
            Pt(0.0),
        );
        (b.tag, b.field, b.node) = (s.tag, s.field.clone(), Some(div));
        b.signer = (!s.signer.is_empty()).then(|| s.signer.clone());
        block.boxed = Some(b);
    }
    if let (true, Some(tag)) = (s.electronic, s.tag) {
        block
            .items
            .push(tag_run(ctx, tag, left, y + s.space.height));
    }
    y += s.space.height + gap;
    place(&s.after, &mut y, &mut block);
    block.height = y;
    Ok(block)
}

/// The invisible tag in a box's lower-left corner, its whole glyph box
/// inside (`bottom` is the box's bottom): BSrE's service anchors the stamp
/// at the tag it finds. Not content a reader should hear, but still text
/// that extraction finds.
fn tag_run(ctx: &Ctx<'_>, tag: char, left: Pt, bottom: Pt) -> Item {
    let size = ctx.style.font_size;
    let face = ctx.fonts.face(Face::Regular);
    let text = tag.to_string();
    Item::Text(TextRun {
        x: left,
        y: bottom - face.descent(size),
        face: Face::Regular,
        size,
        width: face.width(&text, size),
        text,
        word_spacing: Pt::ZERO,
        invisible: true,
        tag: Tag::Artifact(ArtifactKind::Layout),
        actual_text: None,
        space_after: false,
    })
}

/// The closing block as one chunk, at the right of the text area.
fn signature(ctx: &Ctx<'_>, s: &Signature, x: Pt, width: Pt, parent: NodeId) -> Result<Chunk> {
    let block_width = ctx.style.signature_width.min(width);
    let at = (x + width - block_width, block_width, ctx.style.font_size);
    let block = signer_block(ctx, s, at, parent)?;
    Ok(signers_chunk(vec![block], s.origin.clone()))
}

/// Signers side by side as one chunk: the first at the left of the text
/// area, the last at the right, the others evenly between, each as wide as
/// the style's closing block or its share of the width; the lines above
/// their spaces end on one line, so the spaces and the names below them
/// line up.
fn signature_row(
    ctx: &Ctx<'_>,
    signers: &[Signature],
    x: Pt,
    width: Pt,
    parent: NodeId,
) -> Result<Chunk> {
    let n = signers.len().max(1) as f64;
    let gap = ctx.style.indent;
    let block_width = ctx
        .style
        .signature_width
        .min((width - gap * (n - 1.0)) / n)
        .max(Pt(1.0));
    let step = if n > 1.0 {
        (width - block_width) / (n - 1.0)
    } else {
        Pt::ZERO
    };
    let size = row_size(ctx, signers, block_width);
    let mut blocks = Vec::with_capacity(signers.len());
    for (k, s) in signers.iter().enumerate() {
        let left = if signers.len() == 1 {
            x + width - block_width
        } else {
            x + step * k as f64
        };
        blocks.push(signer_block(ctx, s, (left, block_width, size), parent)?);
    }
    let origin = signers
        .first()
        .map(|s| s.origin.clone())
        .unwrap_or_default();
    Ok(signers_chunk(blocks, origin))
}

/// The type size of signers side by side in columns `width` wide: the
/// body's, or smaller in the tables' steps (down to the tables' size) until
/// every line kept whole ([`Signature::keep_last`], the NIP) fits its
/// column. At most a few dozen steps, each measuring one line per signer.
fn row_size(ctx: &Ctx<'_>, signers: &[Signature], width: Pt) -> Pt {
    let style = ctx.style;
    let kept = signers.iter().filter(|s| s.keep_last);
    let kept: Vec<&crate::doc::Text> = kept.filter_map(|s| s.after.last()).collect();
    let fits = |size: Pt| kept.iter().all(|t| ctx.fonts.spans_width(t, size) <= width);
    let (floor, step) = (style.table_font_size, style.table_font_step.max(Pt(0.1)));
    let mut size = style.font_size;
    while size - step >= floor && !fits(size) {
        size -= step;
    }
    size
}

/// Signer blocks side by side in one chunk, each moved down so that the
/// lines above its space end where the tallest's do; named by `origin`.
fn signers_chunk(blocks: Vec<SignerBlock>, origin: crate::doc::Origin) -> Chunk {
    let before = blocks.iter().map(|b| b.before).fold(Pt::ZERO, Pt::max);
    let mut chunk = Chunk::new(Phrase::ChunkClosing, Pt::ZERO);
    chunk.what.origin = origin;
    for block in blocks {
        let dy = before - block.before;
        for mut item in block.items {
            item.shift_y(dy);
            chunk.items.push(item);
        }
        if let Some(mut b) = block.boxed {
            b.rect.y += dy;
            chunk.signatures.push(b);
        }
        chunk.height = chunk.height.max(block.height + dy);
        let baseline = block.baseline.map(|b| b + dy);
        chunk.baseline = match (chunk.baseline, baseline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    chunk
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{List, ListItem, Paragraph};
    use crate::style::Style;
    use crate::text::{FontSet, Span, SpanStyle};

    fn paragraph(text: &str, keep_with_next: bool) -> Block {
        Block::Paragraph(Paragraph {
            text: vec![Span {
                text: text.to_owned(),
                style: SpanStyle::REGULAR,
                link: None,
            }],
            align: Align::Left,
            origin: Default::default(),
            keep_with_next,
            anchor: None,
        })
    }

    /// The layout stage keeps a paragraph with the next block when its
    /// flag says so, whatever its text ends with.
    #[test]
    fn a_paragraph_keeps_with_the_next_block_as_its_flag_says() {
        let (style, fonts) = (Style::default(), FontSet::liberation_sans());
        let ctx = Ctx::new(&style, &fonts);
        let list = Block::List(List {
            items: vec![ListItem {
                marker: "1.".into(),
                blocks: vec![paragraph("Satu.", false)],
                origin: Default::default(),
            }],
        });
        let blocks = [
            paragraph("Tanpa titik dua", true),
            list.clone(),
            paragraph("Sebagai berikut:", false),
            list,
        ];
        let mut chunks = Vec::new();
        flow(
            &ctx,
            &blocks,
            (Pt(0.0), Pt(400.0)),
            Pt::ZERO,
            0,
            &mut chunks,
        )
        .unwrap();
        let keeps: Vec<bool> = chunks.iter().map(|c| c.keep_with_next).collect();
        assert_eq!(keeps, [true, false, false, false]);
    }
}
