//! Text into positioned lines: the pieces the line breaker takes, the
//! text runs and link areas of a broken line, and a text laid out as one
//! chunk per line. Used by [`super::flow`], [`super::table`] and
//! [`super::finalize`]; it imports none of them.

use std::sync::Arc;

use super::chunk::Chunk;
use super::ctx::Ctx;
use crate::doc::Text;
use crate::frame::{Item, LinkArea, TextRun};
use crate::style::Style;
use crate::text::Face;
use crate::text::{Align, Justification, Line, Piece, break_lines_with};
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
            actual_text: run.actual_text,
        }));
    }
}

/// The style's settings of justified text.
fn justification(style: &Style) -> Justification {
    Justification {
        hyphenate: style.hyphenation,
        tolerance: style.justify_tolerance,
        stretch: style.word_space_stretch,
        shrink: style.word_space_shrink,
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
    let lines = break_lines_with(
        &pieces(text),
        ctx.fonts,
        size,
        width,
        align,
        justification(ctx.style),
    );
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
            let hyphenated = line.hyphenated;
            chunk.baseline = Some(baseline);
            line_items(line, x, baseline, size, (ascent, descent), &mut chunk.items);
            // Orphan: the first line keeps with the second; widow: the
            // second-to-last keeps with the last.
            chunk.keep_with_next = n >= 2 && (i == 0 || i + 2 == n);
            // No page ends with a hyphen: a line that ends inside a word
            // keeps with the next.
            chunk.keep_with_next |= hyphenated && i + 1 < n;
            chunk
        })
        .collect()
}
