//! The report's body blocks (paragraphs, lists, tables) as document
//! blocks, built as the walk visits them: a stack of frames, one for each
//! block being filled.

use super::build::{
    caption, column, is_body_text, number_cell, text_cell, text_paragraph, title_cell,
};
use super::{Block, List, ListItem, Origin, Row, Table};
use crate::model::GayaDaftar;
use crate::model::walk::{Node, Role};
use crate::problem::JsonPath;

/// A block being built.
pub(super) enum Frame {
    /// A sequence of blocks: an analysis's content, section D.
    Blocks(Vec<Block>),
    /// A list, its items so far.
    List(GayaDaftar, Vec<ListItem>),
    /// A list item, its marker and its blocks so far.
    Item(String, Vec<Block>, Origin),
    /// A table, its rows so far.
    Table(Table),
}

/// Adds `block` to the innermost frame that holds blocks.
pub(super) fn push(frames: &mut [Frame], block: Block) {
    for frame in frames.iter_mut().rev() {
        match frame {
            Frame::Blocks(blocks) | Frame::Item(_, blocks, _) => {
                blocks.push(block);
                return;
            }
            Frame::List(..) | Frame::Table(_) => {}
        }
    }
}

/// The table being built, if the innermost frame is one.
fn table(frames: &mut [Frame]) -> Option<&mut Table> {
    match frames.last_mut() {
        Some(Frame::Table(t)) => Some(t),
        _ => None,
    }
}

/// Takes the body's part of `node`, at `path`; whether it was one.
pub(super) fn enter(frames: &mut Vec<Frame>, path: &JsonPath, node: Node<'_>) -> bool {
    match node {
        Node::Text(t) if is_body_text(t.role) => {
            text(frames, path, t.role, t.source);
        }
        Node::List(d, _) => frames.push(Frame::List(d.gaya, Vec::new())),
        Node::Item(_, number) => {
            let marker = match frames.last() {
                Some(Frame::List(gaya, _)) => gaya.marker(number),
                _ => String::new(),
            };
            frames.push(Frame::Item(marker, Vec::new(), path.into()));
        }
        Node::Table(t) => {
            let columns = (0..t.kolom.len()).map(|k| column(t, k)).collect();
            frames.push(Frame::Table(Table {
                origin: path.into(),
                ..Table::new(columns, Vec::new(), Vec::new())
            }));
        }
        Node::Row(_) => {
            if let Some(t) = table(frames) {
                t.body.push(Row {
                    origin: path.into(),
                    ..Row::new(Vec::new())
                });
            }
        }
        Node::Number(d) => {
            if let Some(row) = table(frames).and_then(|t| t.body.last_mut()) {
                row.cells.push(number_cell(d));
            }
        }
        _ => return false,
    }
    true
}

/// A text of the body at `path`: a paragraph, an item's text, a table's
/// column title, cell or caption.
fn text(frames: &mut [Frame], path: &JsonPath, role: Role, source: crate::model::walk::Source<'_>) {
    match role {
        Role::ColumnTitle => {
            if let Some(t) = table(frames) {
                if t.header.is_empty() {
                    // The titles' list: `...tabel.kolom`, above `kolom[j].judul`.
                    let mut kolom = path.clone();
                    kolom.pop();
                    kolom.pop();
                    t.header.push(Row {
                        origin: Origin::at(kolom),
                        ..Row::new(Vec::new())
                    });
                }
                t.header[0].cells.push(title_cell(source));
            }
        }
        Role::Cell => {
            if let Some(row) = table(frames).and_then(|t| t.body.last_mut()) {
                row.cells.push(text_cell(source));
            }
        }
        Role::Caption => {
            if let Some(t) = table(frames) {
                t.caption = Some(caption(source));
            }
        }
        _ => push(frames, text_paragraph(source, path.into())),
    }
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
        Node::Table(_) => {
            if let Some(Frame::Table(t)) = frames.pop() {
                push(frames, Block::Table(t));
            }
        }
        _ => {}
    }
}
