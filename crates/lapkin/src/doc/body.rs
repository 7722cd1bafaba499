//! The report's body blocks (paragraphs, lists, tables) as document
//! blocks, built as the walk visits them: a stack of frames, one for each
//! block being filled.

use super::build::{emboldened, source_text, text_paragraph};
use super::{Block, Bookmark, Heading, List, ListItem, Origin, Paragraph, Row, Table};
use crate::model::GayaDaftar;
use crate::model::walk::{Node, Role, Source};
use crate::problem::JsonPath;
use crate::text::{Align, Span};

/// A block being built.
pub(super) enum Frame {
    /// A sequence of blocks: an analysis's content, section D.
    Blocks(Vec<Block>),
    /// A list, its items so far.
    List(GayaDaftar, Vec<ListItem>),
    /// A list item, its marker and its blocks so far.
    Item(String, Vec<Block>, Origin),
    /// A table, its rows so far, and its id.
    Table(Table, Option<String>),
}

/// Adds `block` to the innermost frame that holds blocks.
pub(super) fn push(frames: &mut [Frame], block: Block) {
    for frame in frames.iter_mut().rev() {
        match frame {
            Frame::Blocks(blocks) | Frame::Item(_, blocks, _) => {
                blocks.push(block);
                return;
            }
            Frame::List(..) | Frame::Table(..) => {}
        }
    }
}

/// The table being built, if the innermost frame is one.
fn table(frames: &mut [Frame]) -> Option<&mut Table> {
    match frames.last_mut() {
        Some(Frame::Table(t, _)) => Some(t),
        _ => None,
    }
}

/// Takes the body's part of `node`, at `path`; whether it was one. A
/// sub-heading is a heading of `level`.
pub(super) fn enter(frames: &mut Vec<Frame>, path: &JsonPath, node: Node<'_>, level: u8) -> bool {
    match node {
        Node::Text(t) => return text(frames, path, t.role, t.source, level),
        Node::List(d, _) => frames.push(Frame::List(d.gaya, Vec::new())),
        Node::Item(_, number) => {
            let marker = match frames.last() {
                Some(Frame::List(gaya, _)) => gaya.marker(number),
                _ => String::new(),
            };
            frames.push(Frame::Item(marker, Vec::new(), path.into()));
        }
        Node::Table(t) => {
            // A table on landscape pages gathers its title with it.
            if t.mendatar {
                frames.push(Frame::Blocks(Vec::new()));
            }
            let header = Origin::at(path.child("kolom"));
            let table = super::tables::table(t, path.into(), &header);
            frames.push(Frame::Table(table, t.id.clone()));
        }
        Node::Row(cells) => {
            if let Some(t) = table(frames) {
                t.body.push(Row {
                    origin: path.into(),
                    ..Row::new(cells.iter().map(super::tables::cell).collect())
                });
            }
        }
        // A table's cells are made with its row.
        Node::Number(_) => {}
        Node::Subbab(s, depth) => subbab(frames, path, s, (depth, level)),
        _ => return false,
    }
    true
}

/// A text of the body at `path`: a paragraph, an item's text, a
/// sub-heading, a table's title or caption (a table's headings and cells
/// are made with the table and its rows); whether it is one.
fn text(frames: &mut [Frame], path: &JsonPath, role: Role, source: Source<'_>, level: u8) -> bool {
    match role {
        Role::Paragraph | Role::ItemText => push(frames, text_paragraph(source, path.into())),
        Role::ColumnTitle | Role::ColumnGroup | Role::Cell => {}
        Role::Caption => {
            if let Some(t) = table(frames) {
                t.caption = Some(source_text(source));
            }
        }
        Role::SubHeading => {
            let text = source_text(source);
            let title = text.iter().map(|s| s.text.as_str()).collect::<String>();
            push(
                frames,
                Block::Heading(Heading {
                    bookmark: Some(Bookmark::new(title, level.saturating_sub(1))),
                    origin: path.into(),
                    ..Heading::new(level, emboldened(text))
                }),
            );
        }
        // Above the table, kept with it (the table's frame is skipped),
        // with a slot for its number.
        Role::TableTitle => {
            let mut text = emboldened(source_text(source));
            text.insert(0, Span::plain(super::lkj::TABLE_SLOT));
            let anchor = match frames.last() {
                Some(Frame::Table(_, id)) => id.clone(),
                _ => None,
            };
            push(
                frames,
                Block::Paragraph(Paragraph {
                    origin: path.into(),
                    keep_with_next: true,
                    anchor,
                    ..Paragraph::new(text, Align::Center)
                }),
            );
        }
        // Made with its subsection's heading.
        Role::SubbabHeading => {}
        _ => return false,
    }
    true
}

/// A subsection's heading at `level` (its blocks follow it), `depth`
/// subsections deep, after a page break if it asks for one; its number
/// is left to its chapter (a slot in its marker).
fn subbab(
    frames: &mut [Frame],
    path: &JsonPath,
    s: &crate::model::Subbab,
    (depth, level): (usize, u8),
) {
    if s.halaman_baru {
        push(frames, Block::PageBreak(super::PageBreak::default()));
    }
    let text = emboldened(super::build::inline(&s.judul));
    let title = super::lkj::text_of(&text);
    let depth = u8::try_from(depth).unwrap_or(u8::MAX);
    push(
        frames,
        Block::Heading(Heading {
            marker: Some(format!("{}{depth}", super::lkj::SUBBAB_SLOT)),
            bookmark: Some(Bookmark::new(title, depth.saturating_add(1))),
            origin: Origin::at(path.child("judul")),
            anchor: s.id.clone(),
            ..Heading::new(level, text)
        }),
    );
}

/// Closes the body's block `node`, if it is one.
pub(super) fn leave(frames: &mut Vec<Frame>, _path: &JsonPath, node: Node<'_>) {
    match node {
        Node::Item(..) => {
            if let Some(Frame::Item(marker, blocks, origin)) = frames.pop()
                && let Some(Frame::List(_, items)) = frames.last_mut()
            {
                items.push(ListItem {
                    origin,
                    ..ListItem::new(marker, blocks)
                });
            }
        }
        Node::List(..) => {
            if let Some(Frame::List(_, items)) = frames.pop() {
                push(frames, Block::List(List::new(items)));
            }
        }
        Node::Table(tabel) => {
            if let Some(Frame::Table(t, _)) = frames.pop() {
                push(frames, Block::Table(t));
            }
            if tabel.mendatar
                && let Some(Frame::Blocks(blocks)) = frames.pop()
            {
                push(frames, Block::Landscape(blocks));
            }
        }
        _ => {}
    }
}
