//! Text into positioned lines: the pieces the line breaker takes, the
//! text runs and link areas of a broken line, and a text laid out as one
//! chunk per line. Used by [`super::flow`], [`super::table`] and
//! [`super::finalize`]; it imports none of them.

use std::sync::Arc;

use super::chunk::Chunk;
use super::ctx::Ctx;
use crate::doc::Text;
use crate::frame::{Item, LinkArea, NodeId, Role, Tag, TextRun};
use crate::problem::Phrase;
use crate::style::Style;
use crate::text::Face;
use crate::text::{Align, Justification, Line, Piece, break_lines_with};
use crate::units::{Pt, Rect};

/// Text spans as line-breaker pieces, the words of codes, dates, NIPs and
/// figures tied with no-break spaces so that no line break cuts them (see
/// `text::tokens`).
pub(super) fn pieces(text: &Text) -> Vec<Piece<'_>> {
    text.iter()
        .map(|s| Piece {
            text: crate::text::tokens::tie(&s.text),
            face: Face::for_style(s.style),
            link: s.link.as_deref().map(Arc::from),
        })
        .collect()
}

/// What the runs of a text belong to: the text's structure node (or
/// artifact), and a [`Role::Link`] node in it for each link of the text,
/// made when its first run is laid out.
pub(super) struct Tagger {
    tag: Tag,
    /// Each link span's target (told apart by pointer: one per span) and
    /// its node.
    links: Vec<(Arc<str>, NodeId)>,
}

impl Tagger {
    /// The runs of a text belonging to `tag`.
    pub(super) fn new(tag: Tag) -> Self {
        Tagger {
            tag,
            links: Vec::new(),
        }
    }

    /// The tag of a run that is a link to `link`, if it is one: the link's
    /// node inside the text's.
    fn run(&mut self, ctx: &Ctx<'_>, link: Option<&Arc<str>>) -> Tag {
        let (Tag::Node(parent), Some(link)) = (self.tag, link) else {
            return self.tag;
        };
        if let Some((_, node)) = self.links.iter().find(|(l, _)| Arc::ptr_eq(l, link)) {
            return Tag::Node(*node);
        }
        let node = ctx.node(Role::Link, parent);
        self.links.push((link.clone(), node));
        Tag::Node(node)
    }
}

/// The text runs of a broken line, starting at `x` on `baseline`, and a
/// link area over each run that is a link (from the ascender to the
/// descender), tagged by `tagger`.
pub(super) fn line_items(
    ctx: &Ctx<'_>,
    line: Line,
    (x, baseline, size): (Pt, Pt, Pt),
    (ascent, descent): (Pt, Pt),
    tagger: &mut Tagger,
    out: &mut Vec<Item>,
) {
    let runs = line.runs.len();
    for (k, run) in line.runs.into_iter().enumerate() {
        let tag = tagger.run(ctx, run.link.as_ref());
        if let Some(uri) = &run.link {
            out.push(Item::Link(LinkArea {
                rect: Rect::new(x + run.x, baseline - ascent, run.width, ascent + descent),
                uri: uri.to_string(),
                tag,
            }));
        }
        out.push(Item::Text(TextRun {
            tag,
            x: x + run.x,
            y: baseline,
            face: run.face,
            size,
            text: run.text,
            word_spacing: run.word_spacing,
            width: run.width,
            invisible: false,
            actual_text: run.actual_text,
            space_after: line.space_after && k + 1 == runs,
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
/// the widow and orphan rule. Its runs belong to `tag` (its links to
/// link nodes inside it).
#[allow(clippy::too_many_arguments)]
pub(super) fn text_lines(
    ctx: &Ctx<'_>,
    text: &Text,
    size: Pt,
    x: Pt,
    width: Pt,
    align: Align,
    what: Phrase,
    tag: Tag,
) -> Vec<Chunk> {
    let mut tagger = Tagger::new(tag);
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
            line_items(
                ctx,
                line,
                (x, baseline, size),
                (ascent, descent),
                &mut tagger,
                &mut chunk.items,
            );
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
