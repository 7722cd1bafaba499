//! Chunks onto pages.
//!
//! Chunks tied by `keep_with_next` form a group that goes onto one page:
//! if the group does not fit below what is already on the page, it moves
//! to the next page. A group taller than a page is placed chunk by chunk.
//! A chunk taller than a page is split at one of its cuts (between lines
//! of text); one that cannot be split is an error, never an endless loop.
//! When a table row starts a page, its table's header is repeated above it.

use super::chunk::Chunk;
use crate::doc::Bookmark;
use crate::error::{Error, Result};
use crate::frame::Item;
use crate::units::{Pt, Rect};

/// The body of one page, before the footer is added.
#[derive(Debug, Default)]
pub(crate) struct PageBody {
    pub items: Vec<Item>,
    pub bookmarks: Vec<(Bookmark, Pt)>,
    pub signature: Option<Rect>,
}

struct Paginator {
    top: Pt,
    bottom: Pt,
    pages: Vec<PageBody>,
    page: PageBody,
    y: Pt,
    empty: bool,
}

impl Paginator {
    fn remaining(&self) -> Pt {
        self.bottom - self.y
    }

    fn space(&self, chunk: &Chunk) -> Pt {
        if self.empty {
            Pt::ZERO
        } else {
            chunk.space_before
        }
    }

    fn place(&mut self, chunk: Chunk) {
        let top = self.y + self.space(&chunk);
        for mut item in chunk.items {
            item.shift_y(top);
            self.page.items.push(item);
        }
        for b in chunk.bookmarks {
            self.page.bookmarks.push((b, top));
        }
        if let Some(mut s) = chunk.signature {
            s.y += top;
            self.page.signature = Some(s);
        }
        self.y = top + chunk.height;
        self.empty = false;
    }

    /// Starts a new page; repeats the table header if `next` is a table row.
    fn new_page(&mut self, next: Option<&Chunk>) {
        let page = std::mem::take(&mut self.page);
        self.pages.push(page);
        self.y = self.top;
        self.empty = true;
        if let Some(header) = next.and_then(|c| c.repeat.clone()) {
            for h in header.iter() {
                self.place(h.clone());
            }
        }
    }

    /// The height available on a fresh page for `chunk`, after the header
    /// it would bring along.
    fn fresh_capacity(&self, chunk: &Chunk) -> Pt {
        let header: Pt = chunk
            .repeat
            .as_ref()
            .map(|h| h.iter().map(|c| c.height).sum())
            .unwrap_or(Pt::ZERO);
        self.bottom - self.top - header
    }

    /// Places one chunk, moving it to a new page or splitting it as needed.
    fn place_or_split(&mut self, mut chunk: Chunk) -> Result<()> {
        let eps = 1e-6;
        loop {
            if (self.space(&chunk) + chunk.height).0 <= self.remaining().0 + eps {
                self.place(chunk);
                return Ok(());
            }
            let capacity = self.fresh_capacity(&chunk);
            if !self.empty && chunk.height.0 <= capacity.0 + eps {
                self.new_page(Some(&chunk));
                continue;
            }
            // Taller than what is left, and than a fresh page: split it.
            let room = self.remaining() - self.space(&chunk);
            let cut = chunk.cuts.iter().copied().rfind(|c| c.0 <= room.0 + eps);
            match cut {
                Some(cut) => {
                    let (head, tail) = chunk.split(cut);
                    self.place(head);
                    self.new_page(Some(&tail));
                    chunk = tail;
                }
                None if !self.empty => self.new_page(Some(&chunk)),
                None => {
                    return Err(Error::DoesNotFit {
                        what: chunk.what.to_owned(),
                        reason: format!(
                            "it is {:.0} pt tall and cannot be broken there, but a page holds {:.0} pt",
                            chunk.height.0, capacity.0
                        ),
                    });
                }
            }
        }
    }
}

/// Stacks `chunks` onto pages whose body runs from `top` to `bottom`.
pub(crate) fn paginate(chunks: Vec<Chunk>, top: Pt, bottom: Pt) -> Result<Vec<PageBody>> {
    let mut p = Paginator {
        top,
        bottom,
        pages: Vec::new(),
        page: PageBody::default(),
        y: top,
        empty: true,
    };
    let eps = 1e-6;
    let mut chunks = chunks.into_iter().peekable();
    while let Some(first) = chunks.next() {
        // The group: this chunk and those it keeps with.
        let mut group = vec![first];
        while group.last().is_some_and(|c| c.keep_with_next) {
            match chunks.next() {
                Some(c) => group.push(c),
                None => break,
            }
        }
        let inner: Pt = group
            .iter()
            .skip(1)
            .map(|c| c.space_before + c.height)
            .sum();
        let height = group[0].height + inner;
        let fits_here = (p.space(&group[0]) + height).0 <= p.remaining().0 + eps;
        if !fits_here && !p.empty && height.0 <= p.fresh_capacity(&group[0]).0 + eps {
            p.new_page(Some(&group[0]));
        }
        for chunk in group {
            p.place_or_split(chunk)?;
        }
    }
    let last = std::mem::take(&mut p.page);
    p.pages.push(last);
    Ok(p.pages)
}
