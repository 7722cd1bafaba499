//! Blocks into chunks: titles, headings, paragraphs, lists, the signature
//! block. Tables are in [`super::table`].
//!
//! Keep rules are set here: a heading keeps with what follows; the first
//! and the second-to-last line of a paragraph keep with the next line, so
//! no line of a paragraph stands alone at the foot or the head of a page.

use std::sync::Arc;

use super::Ctx;
use super::chunk::Chunk;
use super::table::layout_table;
use crate::doc::{Block, Heading, List, Signature, Text};
use crate::error::{Error, Result};
use crate::frame::{Item, LinkArea, TextRun};
use crate::text::Face;
use crate::text::{Align, Line, Piece, break_lines};
use crate::units::{Pt, Rect};

/// Text spans as line-breaker pieces.
pub(super) fn pieces(text: &Text) -> Vec<Piece<'_>> {
    text.iter()
        .map(|s| Piece {
            text: std::borrow::Cow::Borrowed(&s.text),
            face: Face::for_style(s.style),
            link: s.link.as_deref().map(Arc::from),
        })
        .collect()
}

/// The text runs of a broken line, starting at `x` on `baseline`, and a
/// link area over each run that is a link (from the ascender to the
/// descender).
pub(super) fn line_items(
    line: Line,
    x: Pt,
    baseline: Pt,
    size: Pt,
    (ascent, descent): (Pt, Pt),
    out: &mut Vec<Item>,
) {
    for run in line.runs {
        if let Some(uri) = &run.link {
            out.push(Item::Link(LinkArea {
                rect: Rect::new(x + run.x, baseline - ascent, run.width, ascent + descent),
                uri: uri.to_string(),
            }));
        }
        out.push(Item::Text(TextRun {
            x: x + run.x,
            y: baseline,
            face: run.face,
            size,
            text: run.text,
            word_spacing: run.word_spacing,
            width: run.width,
            invisible: false,
        }));
    }
}

/// Lays out text in lines at `x`, `width` wide; one chunk per line, with
/// the widow and orphan rule.
pub(super) fn text_lines(
    ctx: &Ctx<'_>,
    text: &Text,
    size: Pt,
    x: Pt,
    width: Pt,
    align: Align,
    what: &'static str,
) -> Vec<Chunk> {
    let lines = break_lines(&pieces(text), ctx.fonts, size, width, align);
    let line_height = ctx.line_height(size);
    let baseline = ctx.baseline(size);
    let ascent = ctx.fonts.face(Face::Regular).ascent(size);
    let descent = ctx.fonts.face(Face::Regular).descent(size);
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut chunk = Chunk::new(what, line_height);
            chunk.baseline = Some(baseline);
            line_items(line, x, baseline, size, (ascent, descent), &mut chunk.items);
            // Orphan: the first line keeps with the second; widow: the
            // second-to-last keeps with the last.
            chunk.keep_with_next = n >= 2 && (i == 0 || i + 2 == n);
            chunk
        })
        .collect()
}

/// The marker (list number, heading number) placed left of a block whose
/// chunks are already laid out, on the first baseline.
fn add_marker(ctx: &Ctx<'_>, chunks: &mut [Chunk], marker: &str, x: Pt, size: Pt, face: Face) {
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
        }),
    );
}

/// Lays out `blocks` at `x`, `width` wide, appending chunks to `out`.
/// `first_space` is the space above the first block. Fails if a table is
/// too wide even at its smallest type, or the closing block's box is wider
/// than its column.
pub(super) fn flow(
    ctx: &Ctx<'_>,
    blocks: &[Block],
    x: Pt,
    width: Pt,
    first_space: Pt,
    out: &mut Vec<Chunk>,
) -> Result<()> {
    let style = ctx.style;
    for (i, block) in blocks.iter().enumerate() {
        let start = out.len();
        let default_space = if i == 0 {
            first_space
        } else {
            style.block_spacing
        };
        match block {
            Block::Title(text) => {
                let mut lines = text_lines(
                    ctx,
                    text,
                    style.title_size,
                    x,
                    width,
                    Align::Center,
                    "the title",
                );
                for l in &mut lines {
                    l.keep_with_next = true;
                }
                out.extend(lines);
                if let Some(c) = out.get_mut(start) {
                    c.space_before = default_space;
                }
            }
            Block::Heading(h) => {
                heading(ctx, h, x, width, out);
                if let Some(c) = out.get_mut(start) {
                    c.space_before = match h.level {
                        1 => style.section_spacing,
                        2 => style.section_spacing * 0.75,
                        _ => style.block_spacing + Pt(2.0),
                    };
                    if i == 0 && first_space == Pt::ZERO {
                        c.space_before = Pt::ZERO;
                    }
                }
            }
            Block::Paragraph(p) => {
                out.extend(text_lines(
                    ctx,
                    &p.text,
                    style.font_size,
                    x,
                    width,
                    p.align,
                    "a line of text",
                ));
                // A paragraph that introduces a list or a table ("... sebagai
                // berikut:") is not left at the foot of a page without it.
                let introduces = p
                    .text
                    .last()
                    .is_some_and(|s| s.text.trim_end().ends_with(':'));
                if introduces
                    && matches!(blocks.get(i + 1), Some(Block::List(_) | Block::Table(_)))
                    && let Some(last) = out.last_mut()
                {
                    last.keep_with_next = true;
                }
                if let Some(c) = out.get_mut(start) {
                    c.space_before = default_space;
                }
            }
            Block::List(list) => {
                self::list(ctx, list, x, width, out)?;
                if let Some(c) = out.get_mut(start) {
                    c.space_before = default_space;
                }
            }
            Block::Table(t) => {
                out.extend(layout_table(ctx, t, x, width)?);
                if let Some(c) = out.get_mut(start) {
                    c.space_before = default_space;
                }
            }
            Block::Indent(blocks) => {
                flow(
                    ctx,
                    blocks,
                    x + style.indent,
                    width - style.indent,
                    default_space,
                    out,
                )?;
            }
            Block::Signature(s) => {
                let mut chunk = signature(ctx, s, x, width)?;
                chunk.space_before = style.section_spacing * 1.5;
                // Tata naskah: a signature never stands on a page without
                // the text it closes; the last line goes with it (and the
                // widow rule brings the line before that along).
                if let Some(last) = out.last_mut() {
                    last.keep_with_next = true;
                }
                out.push(chunk);
            }
        }
    }
    Ok(())
}

fn heading(ctx: &Ctx<'_>, h: &Heading, x: Pt, width: Pt, out: &mut Vec<Chunk>) {
    let size = ctx.style.font_size;
    let indent = match &h.marker {
        Some(m) => ctx
            .style
            .indent
            .max(ctx.fonts.face(Face::Bold).width(m, size) + Pt(4.0)),
        None => Pt::ZERO,
    };
    let mut lines = text_lines(
        ctx,
        &h.text,
        size,
        x + indent,
        width - indent,
        Align::Left,
        "a heading",
    );
    for l in &mut lines {
        l.keep_with_next = true;
    }
    if let Some(m) = &h.marker {
        add_marker(ctx, &mut lines, m, x, size, Face::Bold);
    }
    if let (Some(first), Some(b)) = (lines.first_mut(), &h.bookmark) {
        first.bookmarks.push(b.clone());
    }
    out.extend(lines);
}

fn list(ctx: &Ctx<'_>, list: &List, x: Pt, width: Pt, out: &mut Vec<Chunk>) -> Result<()> {
    let size = ctx.style.font_size;
    let face = ctx.fonts.face(Face::Regular);
    let widest = list
        .items
        .iter()
        .map(|i| face.width(&i.marker, size))
        .fold(Pt::ZERO, Pt::max);
    let indent = ctx.style.indent.max(widest + Pt(4.0));
    for (i, item) in list.items.iter().enumerate() {
        let mut chunks = Vec::new();
        flow(
            ctx,
            &item.blocks,
            x + indent,
            width - indent,
            Pt::ZERO,
            &mut chunks,
        )?;
        // An item's text heads the blocks under it: keep it with them.
        if item.blocks.len() > 1
            && let Some(first_block_end) = first_block_end(&chunks)
        {
            chunks[first_block_end].keep_with_next = true;
        }
        add_marker(ctx, &mut chunks, &item.marker, x, size, Face::Regular);
        if let Some(first) = chunks.first_mut()
            && i > 0
        {
            first.space_before = ctx.style.block_spacing / 2.0;
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

/// The closing block as one chunk, at the right of the text area. Its
/// box must fit in the block's width.
fn signature(ctx: &Ctx<'_>, s: &Signature, x: Pt, width: Pt) -> Result<Chunk> {
    let size = ctx.style.font_size;
    let block_width = ctx.style.signature_width.min(width);
    if s.space.width.0 > block_width.0 + 1e-6 {
        return Err(Error::DoesNotFit {
            what: "the signature box".into(),
            path: "tanda_tangan.lebar_mm".into(),
            page: None,
            reason: format!(
                "it is {:.0} pt wide, but the closing block is {:.0} pt wide",
                s.space.width.0, block_width.0
            ),
        });
    }
    let left = x + width - block_width;
    let mut chunk = Chunk::new("the closing block", Pt::ZERO);
    chunk.what.path = Some(s.path.as_str().into());
    let mut y = Pt::ZERO;
    let place = |lines: Vec<Chunk>, y: &mut Pt, chunk: &mut Chunk| {
        for line in lines {
            for mut item in line.items {
                item.shift_y(*y);
                chunk.items.push(item);
            }
            if chunk.baseline.is_none() {
                chunk.baseline = line.baseline;
            }
            *y += line.height;
        }
    };
    for text in &s.before {
        let lines = text_lines(ctx, text, size, left, block_width, Align::Left, "");
        place(lines, &mut y, &mut chunk);
    }
    let gap = ctx.style.block_spacing;
    y += gap;
    chunk.signature = Some(Rect::new(left, y, s.space.width, s.space.height));
    if let Some(tag) = s.tag {
        // The tag sits in the box's lower-left corner, its whole glyph box
        // inside: BSrE's service anchors the stamp at the tag it finds.
        let face = ctx.fonts.face(Face::Regular);
        let text = tag.to_string();
        chunk.items.push(Item::Text(TextRun {
            x: left,
            y: y + s.space.height - face.descent(size),
            face: Face::Regular,
            size,
            width: face.width(&text, size),
            text,
            word_spacing: Pt::ZERO,
            invisible: true,
        }));
    }
    y += s.space.height + gap;
    for text in &s.after {
        let lines = text_lines(ctx, text, size, left, block_width, Align::Left, "");
        place(lines, &mut y, &mut chunk);
    }
    chunk.height = y;
    Ok(chunk)
}
