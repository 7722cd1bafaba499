//! Chunks onto pages.
//!
//! Chunks tied by `keep_with_next` form a group that goes onto one page:
//! if the group does not fit below what is already on the page, it moves
//! to the next page. A group taller than a page is placed chunk by chunk,
//! but it starts on a page only if its lead (its chunks up to the one that
//! must split, and that chunk's first piece) fits there: a heading is never
//! left at the foot of a page without at least a line of what follows.
//! A chunk taller than a page is split at one of its cuts (between lines
//! of text); one that cannot be split is an error, never an endless loop.
//! When a table row starts a page, its table's header is repeated above it,
//! if the header and the first piece of the row fit on a page together; a
//! header that cannot repeat is not repeated.
//!
//! Termination: [`paginate`] takes one group from the input in each turn
//! of its loop, and [`Paginator::place_or_split`] places or splits its
//! chunk, or errs, at least every second turn (see there). The work is
//! linear in the number of chunks, cuts and items (see [`Rest`] for
//! splitting: a chunk is never copied whole at each split), plus a sort
//! of the items of each chunk that is split.

use super::chunk::{Chunk, EPS, Rest};
use crate::doc::Bookmark;
use crate::error::Result;
use crate::frame::{ArtifactKind, Item, Tag};
use crate::problem::{Arg, Kind, Phrase, Problem};
use crate::units::Pt;

/// The body of one page, before the footer is added.
#[derive(Debug, Default)]
pub(crate) struct PageBody {
    pub items: Vec<Item>,
    pub bookmarks: Vec<(Bookmark, Pt)>,
    pub signatures: Vec<crate::frame::SignatureBox>,
    /// Whether the page carries no page furniture (the cover).
    pub bare: bool,
    /// The anchors on the page, with their tops.
    pub anchors: Vec<(String, Pt)>,
    /// The page numbering that starts on this page, if it changes here.
    pub numbering: Option<crate::frame::PageNumbering>,
    /// It is a landscape page.
    pub landscape: bool,
}

/// Where a page's body runs, from top to bottom: on portrait pages and on
/// landscape ones.
pub(crate) type Areas = [(Pt, Pt); 2];

struct Paginator {
    top: Pt,
    bottom: Pt,
    /// The body's extent on portrait and on landscape pages.
    areas: Areas,
    /// The pages being made are landscape.
    landscape: bool,
    pages: Vec<PageBody>,
    page: PageBody,
    y: Pt,
    /// Nothing is on the page yet: the next chunk's space above is dropped.
    empty: bool,
    /// Nothing but a repeated table header is on the page: starting a new
    /// page would not give more room.
    fresh: bool,
}

/// What pagination needs to know of the chunk that comes next on a new
/// page: the header to repeat above it and its first piece.
trait Next {
    /// The header rows of its table, if it is a table body row.
    fn repeat(&self) -> Option<&[Chunk]>;
    /// Its height down to its first cut.
    fn first_piece(&self) -> Pt;
}

impl Next for Chunk {
    fn repeat(&self) -> Option<&[Chunk]> {
        self.repeat.as_deref().map(Vec::as_slice)
    }

    fn first_piece(&self) -> Pt {
        Chunk::first_piece(self)
    }
}

impl Next for Rest {
    fn repeat(&self) -> Option<&[Chunk]> {
        Rest::repeat(self)
    }

    fn first_piece(&self) -> Pt {
        Rest::first_piece(self)
    }
}

impl Paginator {
    fn remaining(&self) -> Pt {
        self.bottom - self.y
    }

    /// The height of a page body.
    fn page_height(&self) -> Pt {
        self.bottom - self.top
    }

    /// The space to put above a chunk with `space_before`.
    fn space(&self, space_before: Pt) -> Pt {
        if self.empty || self.fresh {
            Pt::ZERO
        } else {
            space_before
        }
    }

    fn place(&mut self, chunk: Chunk) {
        let top = self.y + self.space(chunk.space_before);
        for mut item in chunk.items {
            item.shift_y(top);
            self.page.items.push(item);
        }
        for b in chunk.bookmarks {
            self.page.bookmarks.push((b, top));
        }
        for a in chunk.anchors {
            self.page.anchors.push((a, top));
        }
        for mut s in chunk.signatures {
            s.rect.y += top;
            self.page.signatures.push(s);
        }
        self.y = top + chunk.height;
        self.page.bare |= chunk.bare;
        self.empty = false;
        self.fresh = false;
    }

    /// The header rows to repeat above `chunk` on a new page: its table's
    /// header, if the header and the chunk's first piece fit on a page
    /// together.
    fn header_for<'c>(&self, chunk: &'c impl Next) -> Option<&'c [Chunk]> {
        let header = chunk.repeat()?;
        let height: Pt = header.iter().map(|c| c.height).sum();
        ((height + chunk.first_piece()).0 <= self.page_height().0 + EPS).then_some(header)
    }

    /// Starts a new page; repeats the table header if `next` is a table row
    /// whose header can repeat. The new page is fresh.
    fn new_page(&mut self, next: &impl Next) {
        let mut page = std::mem::take(&mut self.page);
        // Its items were pushed one by one: up to half the vector is
        // unused, and the pages are kept until the layout is done.
        page.items.shrink_to_fit();
        self.pages.push(page);
        self.page.landscape = self.landscape;
        self.y = self.top;
        self.empty = true;
        if let Some(header) = self.header_for(next) {
            // A repeated header is running furniture: its cells are
            // tagged once, where the table starts.
            for h in header {
                let mut h = h.clone();
                for item in &mut h.items {
                    item.set_tag(Tag::Artifact(ArtifactKind::Pagination));
                }
                self.place(h);
            }
        }
        self.fresh = true;
    }

    /// Turns the pages to landscape or back for `next`, the first chunk
    /// of the other orientation: a page with nothing on it is turned, any
    /// other ends and `next` starts a new one.
    fn turn(&mut self, landscape: bool, next: &impl Next) {
        self.landscape = landscape;
        (self.top, self.bottom) = self.areas[usize::from(landscape)];
        if self.empty && self.page.items.is_empty() {
            self.page.landscape = landscape;
            self.y = self.top;
        } else {
            self.new_page(next);
        }
    }

    /// The height available on a fresh page for `chunk`, after the header
    /// it would bring along.
    fn fresh_capacity(&self, chunk: &impl Next) -> Pt {
        let header: Pt = self
            .header_for(chunk)
            .map(|h| h.iter().map(|c| c.height).sum())
            .unwrap_or(Pt::ZERO);
        self.page_height() - header
    }

    /// Places one chunk, moving it to a new page or splitting it as needed.
    ///
    /// Progress: each turn of the loop either places the chunk (and
    /// returns), or errs, or splits it at a cut strictly inside it (the
    /// rest keeps only the cuts below that one, so it has fewer), or starts
    /// a new page from one that is not fresh. A new page is fresh, and on a
    /// fresh page the last kind of turn cannot happen; so the loop turns at
    /// most twice per cut of the chunk, plus twice. Each split works on
    /// the items of the piece split off and the rules and fills crossing
    /// its cut, never on all that is left (see [`Rest`]).
    fn place_or_split(&mut self, chunk: Chunk) -> Result<()> {
        let mut rest = Rest::new(chunk);
        loop {
            let height = rest.height();
            if (self.space(rest.space_before()) + height).0 <= self.remaining().0 + EPS {
                self.place(rest.into_chunk());
                return Ok(());
            }
            let capacity = self.fresh_capacity(&rest);
            if !self.fresh && height.0 <= capacity.0 + EPS {
                self.new_page(&rest);
                continue;
            }
            // Taller than what is left, and than a fresh page: split it.
            let room = self.remaining() - self.space(rest.space_before());
            match rest.last_cut_within(room) {
                Some(cut) => {
                    let head = rest.split_off(cut);
                    self.place(head);
                    self.new_page(&rest);
                }
                None if !self.fresh => self.new_page(&rest),
                None => {
                    let piece = rest.first_piece();
                    let place = if piece.approx_eq(height) {
                        Arg::from(Phrase::AtAll)
                    } else {
                        let first = format!("{:.0}", piece.0).into();
                        Arg::phrase(Phrase::WithinFirst, vec![("height", first)])
                    };
                    let what = rest.what();
                    let p = Problem::new(what.origin.location(), Kind::TooTall)
                        .with("what", what.kind)
                        .with("page", self.pages.len() + 1)
                        .with("height", format!("{:.0}", height.0))
                        .with("where", place)
                        .with("capacity", format!("{:.0}", capacity.0));
                    return Err(p.into());
                }
            }
        }
    }

    /// The height the group needs on this page to start here: all of it
    /// if it fits on a fresh page; otherwise its chunks up to the first one
    /// that would not fit on a fresh page, and that chunk's first piece.
    fn lead(&self, group: &[Chunk]) -> Pt {
        let capacity = self.fresh_capacity(&group[0]);
        let mut total = Pt::ZERO;
        for (i, c) in group.iter().enumerate() {
            let space = if i == 0 { Pt::ZERO } else { c.space_before };
            if (total + space + c.height).0 > capacity.0 + EPS {
                return total + space + c.first_piece();
            }
            total += space + c.height;
        }
        total
    }
}

/// Stacks `chunks` onto pages whose body runs from top to bottom as
/// `areas` say for portrait and for landscape pages: a chunk for
/// landscape pages where the one before is not (or the other way round)
/// starts a new page, turned; no keep rule holds across the turn.
pub(crate) fn paginate(chunks: Vec<Chunk>, areas: Areas) -> Result<Vec<PageBody>> {
    let (top, bottom) = areas[0];
    let mut p = Paginator {
        top,
        bottom,
        areas,
        landscape: false,
        pages: Vec::new(),
        page: PageBody::default(),
        y: top,
        empty: true,
        fresh: true,
    };
    let mut chunks = chunks.into_iter().peekable();
    // Each turn takes at least one chunk from `chunks`.
    while let Some(first) = chunks.next() {
        // The group: this chunk and those it keeps with.
        let landscape = first.landscape;
        let mut group = vec![first];
        while group.last().is_some_and(|c| c.keep_with_next) {
            // No keep holds across a turn or a page break.
            match chunks.next_if(|c| c.landscape == landscape && c.page_break.is_none()) {
                Some(c) => group.push(c),
                None => break,
            }
        }
        // Move the group to a new page if it cannot start here (or is
        // turned, or follows a page break: a new page unless this one is
        // still empty, where the numbering may start again); at most
        // once, as the new page is fresh.
        let page_break = group[0].page_break.take();
        if landscape != p.landscape {
            p.turn(landscape, &group[0]);
        } else if page_break.is_some() && !p.empty
            || !p.fresh
                && (p.space(group[0].space_before) + p.lead(&group)).0 > p.remaining().0 + EPS
        {
            p.new_page(&group[0]);
        }
        if let Some(numbering) = page_break.and_then(|b| b.numbering) {
            p.page.numbering = Some(numbering);
        }
        for chunk in group {
            p.place_or_split(chunk)?;
        }
    }
    let last = std::mem::take(&mut p.page);
    p.pages.push(last);
    Ok(p.pages)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::doc::Origin;
    use crate::frame::TextRun;
    use crate::problem::JsonPath;
    use crate::text::Face;

    const TOP: Pt = Pt(50.0);
    const BOTTOM: Pt = Pt(750.0);

    /// A chunk of `height` with a text run at each of `lines` (y from its top).
    fn chunk(what: &'static str, height: f64, lines: &[f64]) -> Chunk {
        let mut c = Chunk::new(Phrase::ChunkLine, Pt(height));
        c.items = lines
            .iter()
            .map(|y| {
                Item::Text(TextRun {
                    x: Pt(0.0),
                    y: Pt(*y),
                    face: Face::Regular,
                    size: Pt(10.0),
                    text: format!("{what} {y}"),
                    word_spacing: Pt::ZERO,
                    width: Pt(10.0),
                    invisible: false,
                    tag: Default::default(),
                    actual_text: None,
                    space_after: false,
                })
            })
            .collect();
        c
    }

    fn texts(pages: &[PageBody]) -> Vec<Vec<String>> {
        pages
            .iter()
            .map(|p| {
                p.items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) => Some(t.text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_header_taller_than_a_page_is_not_repeated() {
        let mut header = chunk("header", 900.0, &[10.0, 890.0]);
        header.cuts = (1..90).map(|k| Pt(k as f64 * 10.0)).collect();
        header.keep_with_next = true;
        let repeat = Rc::new(vec![header.clone()]);
        let mut chunks = vec![header];
        for n in 0..100 {
            let mut row = chunk("row", 20.0, &[15.0]);
            row.repeat = Some(repeat.clone());
            row.what.origin = Origin::at(JsonPath::root().index(n));
            chunks.push(row);
        }
        let pages = paginate(chunks, [(TOP, BOTTOM); 2]).unwrap();
        let t = texts(&pages);
        // 900 pt of header and 2000 of rows on pages of 700: five pages.
        assert_eq!(pages.len(), 5, "{t:?}");
        let headers = t
            .iter()
            .flatten()
            .filter(|s| s.starts_with("header"))
            .count();
        assert_eq!(headers, 2, "the header's two lines, once");
        assert_eq!(t.iter().flatten().filter(|s| *s == "row 15").count(), 100);
    }

    #[test]
    fn a_header_repeats_only_if_a_line_of_the_row_fits_below_it() {
        // The header fits a page, but not with the row's first line (its
        // first cut at 200): the row starts its page alone.
        let mut header = chunk("header", 600.0, &[10.0]);
        header.keep_with_next = true;
        let repeat = Rc::new(vec![header.clone()]);
        let mut row = chunk("row", 1000.0, &[100.0, 300.0, 500.0, 700.0, 900.0]);
        row.cuts = vec![Pt(200.0), Pt(400.0), Pt(600.0), Pt(800.0)];
        row.repeat = Some(repeat);
        let pages = paginate(vec![header, row], [(TOP, BOTTOM); 2]).unwrap();
        let t = texts(&pages);
        assert_eq!(t[0], ["header 10"]);
        assert_eq!(t[1][0], "row 100", "{t:?}");
        assert!(t.iter().flatten().filter(|s| *s == "header 10").count() == 1);
    }

    #[test]
    fn cuts_at_the_edges_are_ignored_and_a_chunk_that_cannot_split_is_an_error() {
        let mut c = chunk("a tall thing", 800.0, &[10.0, 790.0]);
        c.cuts = vec![Pt(0.0), Pt(800.0)];
        c.what.origin = Origin::at(JsonPath::root().key("penutup"));
        let e = paginate(vec![c], [(TOP, BOTTOM); 2])
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "penutup: a line of text does not fit on page 1: it is 800 pt tall and cannot be \
             broken at all, but a page holds 700 pt"
        );
        // After something else, the same: no page is added forever.
        let first = chunk("first", 100.0, &[10.0]);
        let mut c = chunk("a tall thing", 800.0, &[10.0]);
        c.cuts = vec![Pt(0.0), Pt(800.0)];
        assert!(paginate(vec![first, c], [(TOP, BOTTOM); 2]).is_err());
    }

    #[test]
    fn a_row_whose_first_piece_is_taller_than_a_page_is_an_error() {
        let mut c = chunk("row", 1500.0, &[10.0, 1400.0]);
        c.cuts = vec![Pt(720.0), Pt(1000.0)];
        let e = paginate(vec![c], [(TOP, BOTTOM); 2])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("cannot be broken within its first 720 pt"),
            "{e}"
        );
    }

    #[test]
    fn a_keep_chain_longer_than_a_page_is_placed_in_order() {
        let chunks: Vec<Chunk> = (0..100)
            .map(|k| {
                let mut c = chunk("line", 20.0, &[15.0]);
                c.keep_with_next = k < 99;
                c.space_before = Pt(5.0);
                c
            })
            .collect();
        let pages = paginate(chunks, [(TOP, BOTTOM); 2]).unwrap();
        // 100 lines of 25 pt (the first on each page without its space).
        assert_eq!(pages.len(), 4);
        assert_eq!(texts(&pages).iter().flatten().count(), 100);
    }

    /// A page break starts a new page unless the page is still empty,
    /// breaks a keep chain before it, and starts the numbering it carries
    /// on its page.
    #[test]
    fn a_page_break_starts_a_page_with_its_numbering() {
        use crate::doc::PageBreak;
        use crate::frame::{NumberStyle, PageNumbering};
        let roman = PageNumbering::new(NumberStyle::LowerRoman, 1);
        let arabic = PageNumbering::new(NumberStyle::Arabic, 1);
        let mut cover = chunk("cover", 20.0, &[10.0]);
        cover.page_break = Some(PageBreak::new(Some(roman)));
        let mut kept = chunk("kept", 20.0, &[10.0]);
        kept.keep_with_next = true;
        let mut chapter = chunk("chapter", 20.0, &[10.0]);
        chapter.page_break = Some(PageBreak::new(Some(arabic)));
        chapter.anchors.push("bab-1".into());
        let mut next = chunk("next", 20.0, &[10.0]);
        next.page_break = Some(PageBreak::default());
        let pages = paginate(vec![cover, kept, chapter, next], [(TOP, BOTTOM); 2]).unwrap();
        let t = texts(&pages);
        assert_eq!(
            t,
            [
                vec!["cover 10", "kept 10"],
                vec!["chapter 10"],
                vec!["next 10"]
            ]
        );
        let numbering: Vec<_> = pages.iter().map(|p| p.numbering).collect();
        assert_eq!(numbering, [Some(roman), Some(arabic), None]);
        assert_eq!(pages[1].anchors, [("bab-1".to_owned(), TOP)]);
    }

    #[test]
    fn a_heading_goes_with_the_first_piece_of_a_tall_chunk() {
        let filler = chunk("filler", 660.0, &[10.0]);
        let mut heading = chunk("heading", 15.0, &[12.0]);
        heading.keep_with_next = true;
        let mut row = chunk("row", 1000.0, &[30.0, 900.0]);
        row.cuts = vec![Pt(40.0), Pt(500.0)];
        // 660 + 15 fits, but 660 + 15 + 40 does not: the heading moves.
        let pages = paginate(vec![filler, heading, row], [(TOP, BOTTOM); 2]).unwrap();
        let t = texts(&pages);
        assert_eq!(t[0], ["filler 10"]);
        assert_eq!(t[1][..2], ["heading 12", "row 30"]);
    }

    /// A chunk for landscape pages turns the page: a page with nothing on
    /// it is turned (no blank page first), any other ends; each orientation
    /// has its own body height (`areas`), and no keep rule crosses a turn.
    #[test]
    fn pages_turn_where_the_orientation_changes() {
        const LANDSCAPE: (Pt, Pt) = (Pt(85.0), Pt(520.0));
        let turned = |mut c: Chunk| {
            c.landscape = true;
            c
        };
        let mut heading = chunk("heading", 15.0, &[12.0]);
        heading.keep_with_next = true;
        let mut chunks = vec![turned(chunk("wide", 100.0, &[10.0])), heading];
        // 10 rows of 100 pt: four to a landscape body of 435 pt.
        chunks.extend((0..10).map(|k| turned(chunk("row", 100.0, &[f64::from(k)]))));
        chunks.push(chunk("after", 20.0, &[15.0]));
        let pages = paginate(chunks, [(TOP, BOTTOM), LANDSCAPE]).unwrap();
        let turns: Vec<bool> = pages.iter().map(|p| p.landscape).collect();
        assert_eq!(turns, [true, false, true, true, true, false]);
        let t = texts(&pages);
        assert_eq!(t[0], ["wide 10"]);
        // The heading keeps with nothing across the turn: it ends its page.
        assert_eq!(t[1], ["heading 12"]);
        assert_eq!(t[2].len(), 4);
        assert_eq!(t[5], ["after 15"]);
        // Each page's body starts at its orientation's top.
        let first_y = |p: &PageBody| match &p.items[0] {
            Item::Text(t) => t.y,
            _ => unreachable!(),
        };
        assert_eq!(first_y(&pages[0]), Pt(85.0 + 10.0));
        assert_eq!(first_y(&pages[1]), Pt(50.0 + 12.0));
    }

    #[test]
    fn a_row_over_many_pages_is_split_in_linear_work() {
        // One cell of k lines, 10 pt each, over about k / 70 pages.
        for k in [2_000_usize, 8_000] {
            let lines: Vec<f64> = (0..k).map(|i| i as f64 * 10.0 + 8.0).collect();
            let mut row = chunk("row", k as f64 * 10.0, &lines);
            row.cuts = (1..k).map(|i| Pt(i as f64 * 10.0)).collect();
            let before = crate::layout::chunk::moves();
            let pages = paginate(vec![row], [(TOP, BOTTOM); 2]).unwrap();
            let moved = crate::layout::chunk::moves() - before;
            assert_eq!(pages.len(), k.div_ceil(70));
            assert_eq!(texts(&pages).iter().flatten().count(), k);
            // Each line sorted once and taken once, each cut handed on
            // once: a bound that does not grow with the pages.
            assert!(moved <= 3 * k, "k = {k}: {moved} moves");
        }
    }
}
