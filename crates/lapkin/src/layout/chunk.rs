//! The unit of pagination: a horizontal slice of laid-out content.
//!
//! Flow and table layout turn blocks into a list of chunks (a line of a
//! paragraph, a heading line, a table row with its borders, the signature
//! block); pagination stacks them onto pages. A chunk's items are
//! positioned with x on the page and y from the chunk's top.

use std::rc::Rc;

use crate::doc::Bookmark;
use crate::doc::Origin;
use crate::frame::{ArtifactKind, BoxItem, Item, Rule, Tag};
use crate::problem::Phrase;
use crate::units::{Pt, Rect};

/// A slice of content that pagination places whole, or splits at one of
/// its `cuts`.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// What it is, for error messages ("a table row").
    pub what: What,
    /// Its height.
    pub height: Pt,
    /// Space above it, dropped at the top of a page.
    pub space_before: Pt,
    /// The items, y relative to the chunk's top.
    pub items: Vec<Item>,
    /// Never break a page between this chunk and the next.
    pub keep_with_next: bool,
    /// The first baseline, for aligning a list marker with it.
    pub baseline: Option<Pt>,
    /// Bookmarks anchored at the chunk's top.
    pub bookmarks: Vec<Bookmark>,
    /// The boxes reserved for electronic signatures, relative to the
    /// chunk (their pages are set when the pages are made).
    pub signatures: Vec<crate::frame::SignatureBox>,
    /// For a table body row: the header rows to repeat above it when it
    /// starts a page.
    pub repeat: Option<Rc<Vec<Chunk>>>,
    /// Where the chunk may be split if it is taller than a page, in
    /// increasing order: positions between lines of text.
    pub cuts: Vec<Pt>,
    /// For a split table row: the horizontal extent of the rule to draw
    /// at the cut, and the padding to put above the continued part.
    pub cut_rule: Option<CutRule>,
    /// The page it is placed on carries no page furniture (the cover: no
    /// running header, legal note or page number).
    pub bare: bool,
    /// The anchors (names links point to) at the chunk's top.
    pub anchors: Vec<String>,
    /// Starts a new page (unless the page is still empty), with the page
    /// numbering this says.
    pub page_break: Option<crate::doc::PageBreak>,
    /// It goes on a landscape page: pagination starts a new page where
    /// the orientation changes.
    pub landscape: bool,
}

/// What a chunk is, for error messages: its kind and, when known, the
/// part of the input it comes from.
#[derive(Debug, Clone)]
pub(crate) struct What {
    /// The kind, e.g. "a row of the table".
    pub kind: Phrase,
    /// Where it comes from, e.g. `analisis[0].progress[1].tabel.baris[3]`.
    pub origin: Origin,
}

/// How to close and reopen a table row split across pages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CutRule {
    /// The table's left edge.
    pub x1: Pt,
    /// The table's right edge.
    pub x2: Pt,
    /// Rule width.
    pub width: Pt,
    /// Space above the continued text (the cell padding).
    pub padding: Pt,
}

impl CutRule {
    /// The rule across the table at `y`.
    fn line(&self, y: Pt) -> Item {
        Item::Rule(Rule {
            x1: self.x1,
            y1: y,
            x2: self.x2,
            y2: y,
            width: self.width,
            tag: Tag::Artifact(ArtifactKind::Layout),
        })
    }
}

impl Chunk {
    /// An empty chunk of the given kind and height.
    pub fn new(what: Phrase, height: Pt) -> Self {
        Chunk {
            what: What {
                kind: what,
                origin: Origin::none(),
            },
            height,
            space_before: Pt::ZERO,
            items: Vec::new(),
            keep_with_next: false,
            baseline: None,
            bookmarks: Vec::new(),
            signatures: Vec::new(),
            repeat: None,
            cuts: Vec::new(),
            cut_rule: None,
            bare: false,
            anchors: Vec::new(),
            page_break: None,
            landscape: false,
        }
    }

    /// The height of its first piece: down to its first cut strictly
    /// inside it, or all of it if it has none.
    pub fn first_piece(&self) -> Pt {
        first_valid_cut(&self.cuts, Pt::ZERO, self.height).unwrap_or(self.height)
    }
}

/// Tolerance of height comparisons in pagination.
pub(crate) const EPS: f64 = 1e-6;

/// The first of `cuts` (increasing, each moved by `offset`) strictly inside
/// a chunk of `height`: a cut at 0 or at the height would split off nothing.
fn first_valid_cut(cuts: &[Pt], offset: Pt, height: Pt) -> Option<Pt> {
    let i = cuts.partition_point(|c| (*c + offset).0 <= EPS);
    let c = *cuts.get(i)? + offset;
    (c.0 < height.0 - EPS).then_some(c)
}

/// One of a chunk's cuts, chosen to split it at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cut {
    /// Its index in the chunk's cuts.
    index: usize,
    /// Where it is, from the top of what is left of the chunk.
    pub at: Pt,
}

/// A chunk being split across pages: what is left of it after the pieces
/// split off so far.
///
/// Splitting is linear in the chunk's items: on the first split they are
/// sorted by their top once, and each split takes the next piece's items
/// off the end of that order; the rest are not moved but keep their
/// position in the whole chunk, with the distance to the top of what is
/// left (`offset`) applied when they are taken. Only the rules and fills
/// that cross a cut are clipped at each split (into both parts). The
/// items of a piece are put back in the order the chunk had them (the
/// order of text in the page's content stream): a cell's lines and a
/// row's cells stay in reading order.
#[derive(Debug)]
pub(crate) struct Rest {
    /// The chunk, its height and space above updated at each split. Its
    /// cuts keep their positions in the whole chunk; `cuts[next_cut..]`
    /// are left.
    chunk: Chunk,
    /// The state of a chunk split at least once.
    split: Option<Split>,
    /// Position in what is left = position in the whole chunk + offset.
    offset: Pt,
    /// The first cut left.
    next_cut: usize,
}

#[derive(Debug)]
struct Split {
    /// The items left, at their positions in the whole chunk, sorted by
    /// decreasing (top, kind, index): those of the next piece are at
    /// the end.
    sorted: Vec<Keyed>,
    /// Items already divided at the last cut, with their index, at their
    /// position in what is left: the parts of rules and fills that
    /// crossed it and continue below it (from its top).
    carried: Vec<(usize, Item)>,
    /// The rule opening what is left at its top, drawn after its items.
    top_rule: Option<Item>,
}

impl Split {
    /// The state of a chunk of `items` split for the first time: the
    /// items sorted once.
    fn new(items: Vec<Item>) -> Split {
        moved(items.len());
        let mut sorted: Vec<Keyed> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| Keyed::new(i, item))
            .collect();
        sorted.sort_by(Keyed::cmp_desc);
        Split {
            sorted,
            carried: Vec::new(),
            top_rule: None,
        }
    }

    /// Takes the items of the piece above a cut at `whole_cut` (in the
    /// whole chunk's positions; `at` in what is left, which is the whole
    /// chunk moved by `offset`), in the chunk's order: those starting
    /// above the cut and the parts carried from the last cut. The parts
    /// of them below the cut, moved by `shift`, are carried to the next.
    fn take_piece(&mut self, whole_cut: f64, offset: Pt, at: Pt, shift: Pt) -> Vec<Item> {
        let start = self.sorted.partition_point(|k| !k.above(whole_cut));
        let piece = self.sorted.split_off(start);
        let carried = std::mem::take(&mut self.carried);
        moved(piece.len() + carried.len());
        let mut first = Vec::with_capacity(piece.len() + carried.len());
        for (index, item) in piece
            .into_iter()
            .map(|k| {
                let mut item = k.item;
                item.shift_y(offset);
                (k.index, item)
            })
            .chain(carried)
        {
            // An item of the piece starts above the cut, so it has a part
            // there (unless rounding says otherwise: then it goes below).
            let (above, below) = divide(item, at, shift);
            if let Some(a) = above {
                first.push((index, a));
            }
            if let Some(b) = below {
                self.carried.push((index, b));
            }
        }
        in_order(first)
    }
}

/// An item with where it starts, for splitting.
#[derive(Debug)]
struct Keyed {
    /// Its top (a text run's baseline).
    top: f64,
    /// Whether it belongs above a cut at `top`: a rule or fill of no
    /// height does, a text run or link does not.
    above_at_top: bool,
    /// Its index in the chunk's items.
    index: usize,
    item: Item,
}

impl Keyed {
    fn new(index: usize, item: Item) -> Keyed {
        let (top, above_at_top) = match &item {
            Item::Text(t) => (t.y.0, false),
            Item::Link(l) => (l.rect.y.0, false),
            Item::Image(i) => (i.rect.y.0, false),
            Item::Rule(l) => (l.y1.0.min(l.y2.0), l.y1.0 == l.y2.0),
            Item::Box(b) => {
                let (y, bottom) = (b.rect.y.0, b.rect.bottom().0);
                (y.min(bottom), bottom <= y)
            }
        };
        Keyed {
            top,
            above_at_top,
            index,
            item,
        }
    }

    /// Whether the item starts above a cut at `cut` (both in the whole
    /// chunk): the items of a piece are those that start above its cut.
    fn above(&self, cut: f64) -> bool {
        self.top < cut || (self.top == cut && self.above_at_top)
    }

    /// The order of `sorted`: decreasing, so that the items starting
    /// above any cut are at the end.
    fn cmp_desc(a: &Keyed, b: &Keyed) -> std::cmp::Ordering {
        b.top
            .total_cmp(&a.top)
            .then(a.above_at_top.cmp(&b.above_at_top))
            .then(b.index.cmp(&a.index))
    }
}

#[cfg(test)]
thread_local! {
    /// Items and cuts moved by splitting, to check that it is linear.
    static MOVES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The items and cuts moved by splitting on this thread so far.
#[cfg(test)]
pub(crate) fn moves() -> usize {
    MOVES.with(std::cell::Cell::get)
}

/// Counts `n` items or cuts moved (in tests).
#[inline]
fn moved(n: usize) {
    #[cfg(test)]
    MOVES.with(|m| m.set(m.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// Divides `item` (at its position in what is left) at `cut`: its part
/// above the cut, and its part below, moved by `shift` to the top of the
/// rest. A rule or fill crossing the cut has both, clipped.
fn divide(item: Item, cut: Pt, shift: Pt) -> (Option<Item>, Option<Item>) {
    match item {
        Item::Text(mut t) => {
            if t.y.0 < cut.0 {
                (Some(Item::Text(t)), None)
            } else {
                t.y += shift;
                (None, Some(Item::Text(t)))
            }
        }
        Item::Link(mut l) => {
            if l.rect.y.0 < cut.0 {
                (Some(Item::Link(l)), None)
            } else {
                l.rect.y += shift;
                (None, Some(Item::Link(l)))
            }
        }
        Item::Image(mut i) => {
            if i.rect.y.0 < cut.0 {
                (Some(Item::Image(i)), None)
            } else {
                i.rect.y += shift;
                (None, Some(Item::Image(i)))
            }
        }
        Item::Rule(l) => {
            let (above, below) = divide_rule(l, cut, shift);
            (above.map(Item::Rule), below.map(Item::Rule))
        }
        Item::Box(b) => {
            let (above, below) = divide_fill(b, cut, shift);
            (above.map(Item::Box), below.map(Item::Box))
        }
    }
}

/// [`divide`] for a rule: one crossing the cut (a vertical rule)
/// continues on both parts.
fn divide_rule(l: Rule, cut: Pt, shift: Pt) -> (Option<Rule>, Option<Rule>) {
    let (top, bottom) = if l.y1.0 <= l.y2.0 {
        (l.y1, l.y2)
    } else {
        (l.y2, l.y1)
    };
    if bottom.0 <= cut.0 {
        (Some(l), None)
    } else if top.0 >= cut.0 {
        let rest = Rule {
            y1: l.y1 + shift,
            y2: l.y2 + shift,
            ..l
        };
        (None, Some(rest))
    } else {
        let first = Rule {
            y1: top,
            y2: cut,
            ..l.clone()
        };
        let rest = Rule {
            y1: Pt::ZERO,
            y2: bottom + shift,
            ..l
        };
        (Some(first), Some(rest))
    }
}

/// [`divide`] for a box: one crossing the cut (a header's fill) is
/// clipped into both parts.
fn divide_fill(b: BoxItem, cut: Pt, shift: Pt) -> (Option<BoxItem>, Option<BoxItem>) {
    let r = b.rect;
    if r.bottom().0 <= cut.0 {
        (Some(b), None)
    } else if r.y.0 >= cut.0 {
        let rest = BoxItem {
            rect: Rect {
                y: r.y + shift,
                ..r
            },
            ..b
        };
        (None, Some(rest))
    } else {
        let first = BoxItem {
            rect: Rect {
                height: cut - r.y,
                ..r
            },
            ..b.clone()
        };
        let rest = BoxItem {
            rect: Rect {
                y: Pt::ZERO,
                height: r.bottom() + shift,
                ..r
            },
            ..b
        };
        (Some(first), Some(rest))
    }
}

/// Items with their index, in the order of the indices.
fn in_order(mut items: Vec<(usize, Item)>) -> Vec<Item> {
    items.sort_by_key(|(i, _)| *i);
    items.into_iter().map(|(_, item)| item).collect()
}

impl Rest {
    /// All of `chunk` (nothing split off yet).
    pub fn new(chunk: Chunk) -> Rest {
        Rest {
            chunk,
            split: None,
            offset: Pt::ZERO,
            next_cut: 0,
        }
    }

    /// Its height.
    pub fn height(&self) -> Pt {
        self.chunk.height
    }

    /// The space above it (none once a piece was split off).
    pub fn space_before(&self) -> Pt {
        self.chunk.space_before
    }

    /// What it is, for error messages.
    pub fn what(&self) -> &What {
        &self.chunk.what
    }

    /// The header rows to repeat above it when it starts a page.
    pub fn repeat(&self) -> Option<&[Chunk]> {
        self.chunk.repeat.as_deref().map(Vec::as_slice)
    }

    /// The cuts left, at their positions in the whole chunk.
    fn cuts(&self) -> &[Pt] {
        self.chunk.cuts.get(self.next_cut..).unwrap_or_default()
    }

    /// The height of its first piece: down to its first cut strictly
    /// inside it, or all of it if it has none.
    pub fn first_piece(&self) -> Pt {
        first_valid_cut(self.cuts(), self.offset, self.height()).unwrap_or(self.height())
    }

    /// Its last cut strictly inside it at most `room` from its top (with
    /// the tolerance).
    pub fn last_cut_within(&self, room: Pt) -> Option<Cut> {
        let (offset, height) = (self.offset, self.height());
        let cuts = self.cuts();
        let end = cuts.partition_point(|c| {
            let c = (*c + offset).0;
            c <= room.0 + EPS && c < height.0 - EPS
        });
        let index = end.checked_sub(1)?;
        let at = cuts[index] + offset;
        (at.0 > EPS).then_some(Cut {
            index: self.next_cut + index,
            at,
        })
    }

    /// Splits off the piece above `cut` (from [`Rest::last_cut_within`]):
    /// it ends at the cut, closed by the table's rule; what is left starts
    /// at the top of its own chunk, opened by the rule and the padding.
    ///
    /// The work is linear in the items of the piece and the rules and
    /// fills crossing the cut.
    pub fn split_off(&mut self, cut: Cut) -> Chunk {
        let split = self
            .split
            .get_or_insert_with(|| Split::new(std::mem::take(&mut self.chunk.items)));
        let pad = self.chunk.cut_rule.map_or(Pt::ZERO, |r| r.padding);
        let shift = pad - cut.at;
        // The cut in the whole chunk's positions.
        let whole_cut = self.chunk.cuts[cut.index].0;
        let mut items = split.take_piece(whole_cut, self.offset, cut.at, shift);
        items.extend(split.top_rule.take());
        if let Some(rule) = self.chunk.cut_rule {
            items.push(rule.line(cut.at));
            split.top_rule = Some(rule.line(Pt::ZERO));
        }
        let head = self.head(cut.at, whole_cut, items);
        self.offset += shift;
        self.chunk.height += shift;
        self.chunk.space_before = Pt::ZERO;
        head
    }

    /// The piece split off at `whole_cut` (in the whole chunk's
    /// positions), `height` tall, with its `items`: it takes the space
    /// above, the baseline, the bookmarks and the cuts above the cut; the
    /// cuts below it stay.
    fn head(&mut self, height: Pt, whole_cut: f64, items: Vec<Item>) -> Chunk {
        let (next, offset) = (self.next_cut, self.offset);
        let cuts = &self.chunk.cuts;
        let below = next + cuts[next..].partition_point(|c| c.0 <= whole_cut);
        let above = next + cuts[next..].partition_point(|c| c.0 < whole_cut);
        moved(above - next);
        let head = Chunk {
            what: self.chunk.what.clone(),
            height,
            space_before: self.chunk.space_before,
            items,
            keep_with_next: false,
            baseline: self.chunk.baseline.take(),
            bookmarks: std::mem::take(&mut self.chunk.bookmarks),
            signatures: Vec::new(),
            repeat: self.chunk.repeat.clone(),
            cuts: cuts[next..above].iter().map(|c| *c + offset).collect(),
            cut_rule: self.chunk.cut_rule,
            bare: self.chunk.bare,
            anchors: std::mem::take(&mut self.chunk.anchors),
            page_break: self.chunk.page_break.take(),
            landscape: self.chunk.landscape,
        };
        self.next_cut = below;
        head
    }

    /// What is left, as a chunk. Linear in its items.
    pub fn into_chunk(self) -> Chunk {
        let Rest {
            mut chunk,
            split,
            offset,
            next_cut,
        } = self;
        let Some(split) = split else {
            return chunk;
        };
        moved(split.sorted.len() + split.carried.len());
        let mut items: Vec<(usize, Item)> = split
            .sorted
            .into_iter()
            .map(|k| {
                let mut item = k.item;
                item.shift_y(offset);
                (k.index, item)
            })
            .collect();
        items.extend(split.carried);
        chunk.items = in_order(items);
        chunk.items.extend(split.top_rule);
        chunk.cuts = chunk
            .cuts
            .get(next_cut..)
            .unwrap_or_default()
            .iter()
            .map(|c| *c + offset)
            .collect();
        chunk
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::TextRun;
    use crate::text::Face;

    fn text(y: f64) -> Item {
        Item::Text(TextRun {
            x: Pt(0.0),
            y: Pt(y),
            face: Face::Regular,
            size: Pt(10.0),
            text: format!("at {y}"),
            word_spacing: Pt::ZERO,
            width: Pt(10.0),
            invisible: false,
            tag: Default::default(),
            actual_text: None,
            space_after: false,
        })
    }

    #[test]
    fn splitting_a_row_moves_later_lines_and_continues_its_rules() {
        let mut c = Chunk::new(Phrase::ChunkTableRow, Pt(100.0));
        c.items = vec![
            text(10.0),
            text(60.0),
            Item::Rule(Rule {
                x1: Pt(0.0),
                y1: Pt(0.0),
                x2: Pt(0.0),
                y2: Pt(100.0),
                width: Pt(0.5),
                tag: Default::default(),
            }),
        ];
        c.cuts = vec![Pt(20.0), Pt(50.0), Pt(70.0)];
        c.cut_rule = Some(CutRule {
            x1: Pt(0.0),
            x2: Pt(200.0),
            width: Pt(0.5),
            padding: Pt(3.0),
        });
        let mut rest = Rest::new(c);
        let cut = rest.last_cut_within(Pt(50.0)).unwrap();
        assert_eq!(cut.at, Pt(50.0));
        let a = rest.split_off(cut);
        let b = rest.into_chunk();
        assert_eq!(a.height, Pt(50.0));
        assert_eq!(b.height, Pt(53.0));
        assert_eq!(a.cuts, vec![Pt(20.0)]);
        assert_eq!(b.cuts, vec![Pt(23.0)]);
        let ys = |c: &Chunk| -> Vec<String> { c.items.iter().map(|i| i.to_string()).collect() };
        let a_items = ys(&a);
        let b_items = ys(&b);
        assert!(a_items[0].contains("\"at 10\""));
        assert!(
            a_items
                .iter()
                .any(|i| i == "line 0.00 0.00 -> 0.00 50.00 w=0.50"),
            "{a_items:?}"
        );
        assert!(
            a_items
                .iter()
                .any(|i| i == "line 0.00 50.00 -> 200.00 50.00 w=0.50 @layout"),
            "{a_items:?}"
        );
        assert!(b_items[0].starts_with("text 0.00 13.00"), "{b_items:?}");
        assert!(
            b_items
                .iter()
                .any(|i| i == "line 0.00 0.00 -> 0.00 53.00 w=0.50"),
            "{b_items:?}"
        );
        assert!(
            b_items
                .iter()
                .any(|i| i == "line 0.00 0.00 -> 200.00 0.00 w=0.50 @layout"),
            "{b_items:?}"
        );
    }

    /// A row of `k` lines 10 pt apart, with a vertical rule and a fill
    /// running its whole height, and a cut below every line.
    fn tall_row(k: usize) -> Chunk {
        let height = k as f64 * 10.0;
        let mut c = Chunk::new(Phrase::ChunkTableRow, Pt(height));
        c.items.push(Item::Box(BoxItem {
            rect: Rect::new(Pt(0.0), Pt(0.0), Pt(200.0), Pt(height)),
            fill: None,
            stroke: None,
            tag: Default::default(),
        }));
        c.items.extend((0..k).map(|i| text(i as f64 * 10.0 + 8.0)));
        c.items.push(Item::Rule(Rule {
            x1: Pt(0.0),
            y1: Pt(0.0),
            x2: Pt(0.0),
            y2: Pt(height),
            width: Pt(0.5),
            tag: Default::default(),
        }));
        c.cuts = (1..k).map(|i| Pt(i as f64 * 10.0)).collect();
        c.cut_rule = Some(CutRule {
            x1: Pt(0.0),
            x2: Pt(200.0),
            width: Pt(0.5),
            padding: Pt(3.0),
        });
        c
    }

    /// Splits `row` into pieces of at most `room`, counting the items and
    /// cuts moved.
    fn pieces(row: Chunk, room: f64) -> (Vec<Chunk>, usize) {
        let before = moves();
        let mut rest = Rest::new(row);
        let mut out = Vec::new();
        while rest.height().0 > room {
            let cut = rest.last_cut_within(Pt(room)).expect("a cut");
            out.push(rest.split_off(cut));
        }
        out.push(rest.into_chunk());
        (out, moves() - before)
    }

    #[test]
    fn splitting_a_tall_row_moves_each_item_a_bounded_number_of_times() {
        for k in [1_000, 4_000] {
            let (pieces, moved) = pieces(tall_row(k), 100.0);
            let p = pieces.len();
            assert!(p > k / 10, "{p} pieces");
            // Each of the k + 2 items is sorted once and taken once; the
            // two crossing every cut are clipped at each; and each cut is
            // handed once to a piece. Moving what is left at each split
            // would be about k * p / 2 (2,000,000 for k = 4,000).
            let bound = 2 * (k + 2) + 2 * p + k;
            assert!(moved <= bound, "k = {k}: {moved} moves > {bound}");
            // Every line once, in order, each piece within its height,
            // and the rule and the fill on every piece.
            let mut lines = Vec::new();
            for c in &pieces {
                for item in &c.items {
                    if let Item::Text(t) = item {
                        assert!(t.y.0 > 0.0 && t.y.0 < c.height.0, "{item}");
                        lines.push(t.text.clone());
                    }
                }
                let has = |f: &dyn Fn(&Item) -> bool| c.items.iter().filter(|i| f(i)).count();
                assert_eq!(has(&|i| matches!(i, Item::Box(_))), 1);
                assert!(c.items.iter().any(|i| matches!(i,
                    Item::Rule(l) if l.x1 == l.x2 && l.y1 == Pt::ZERO && l.y2 == c.height)));
            }
            let want: Vec<String> = (0..k).map(|i| format!("at {}", i * 10 + 8)).collect();
            assert_eq!(lines, want);
        }
    }

    #[test]
    fn a_piece_keeps_the_items_in_the_order_of_the_chunk() {
        // Two cells side by side: the table emits the first cell's lines,
        // then the second's; by position they interleave.
        let mut c = Chunk::new(Phrase::ChunkTableRow, Pt(100.0));
        c.items = vec![
            text(8.0),
            text(18.0),
            text(28.0),
            text(3.0),
            text(13.0),
            text(23.0),
        ];
        c.cuts = vec![Pt(10.0), Pt(20.0), Pt(30.0)];
        let mut rest = Rest::new(c);
        let cut = rest.last_cut_within(Pt(20.0)).unwrap();
        let names = |c: &Chunk| -> Vec<String> {
            c.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) => Some(format!("{} {}", t.text, t.y)),
                    _ => None,
                })
                .collect()
        };
        let a = rest.split_off(cut);
        assert_eq!(
            names(&a),
            ["at 8 8.00", "at 18 18.00", "at 3 3.00", "at 13 13.00"]
        );
        let b = rest.into_chunk();
        assert_eq!(names(&b), ["at 28 8.00", "at 23 3.00"]);
        assert_eq!(b.height, Pt(80.0));
        assert_eq!(b.cuts, vec![Pt(10.0)]);
    }
}
