//! The unit of pagination: a horizontal slice of laid-out content.
//!
//! Flow and table layout turn blocks into a list of chunks (a line of a
//! paragraph, a heading line, a table row with its borders, the signature
//! block); pagination stacks them onto pages. A chunk's items are
//! positioned with x on the page and y from the chunk's top.

use std::rc::Rc;

use crate::doc::Bookmark;
use crate::frame::{BoxItem, Item, Rule};
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
    /// The reserved signature space, relative to the chunk.
    pub signature: Option<Rect>,
    /// For a table body row: the header rows to repeat above it when it
    /// starts a page.
    pub repeat: Option<Rc<Vec<Chunk>>>,
    /// Where the chunk may be split if it is taller than a page, in
    /// increasing order: positions between lines of text.
    pub cuts: Vec<Pt>,
    /// For a split table row: the horizontal extent of the rule to draw
    /// at the cut, and the padding to put above the continued part.
    pub cut_rule: Option<CutRule>,
}

/// What a chunk is, for error messages: its kind and, when known, the
/// JSON path of the input it comes from.
#[derive(Debug, Clone)]
pub(crate) struct What {
    /// The kind, e.g. "a table row".
    pub kind: &'static str,
    /// The JSON path, e.g. `analisis[0].progress[1].tabel.baris[3]`.
    pub path: Option<Rc<str>>,
}

impl What {
    /// "a table row at analisis[0].progress[1].tabel.baris[3]".
    pub fn describe(&self) -> String {
        match &self.path {
            Some(p) if !p.is_empty() => format!("{} at {p}", self.kind),
            _ => self.kind.to_owned(),
        }
    }
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

impl Chunk {
    /// An empty chunk of the given kind and height.
    pub fn new(what: &'static str, height: Pt) -> Self {
        Chunk {
            what: What {
                kind: what,
                path: None,
            },
            height,
            space_before: Pt::ZERO,
            items: Vec::new(),
            keep_with_next: false,
            baseline: None,
            bookmarks: Vec::new(),
            signature: None,
            repeat: None,
            cuts: Vec::new(),
            cut_rule: None,
        }
    }

    /// Splits the chunk at `cut` (one of its `cuts`): the first part ends
    /// at the cut, the rest starts at the top of its own chunk, with the
    /// table's rule closing the first part and opening the rest.
    pub fn split(mut self, cut: Pt) -> (Chunk, Chunk) {
        let pad = self.cut_rule.map_or(Pt::ZERO, |r| r.padding);
        let shift = pad - cut;
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for item in std::mem::take(&mut self.items) {
            match item {
                Item::Text(mut t) => {
                    if t.y.0 < cut.0 {
                        first.push(Item::Text(t));
                    } else {
                        t.y += shift;
                        rest.push(Item::Text(t));
                    }
                }
                Item::Link(mut l) => {
                    if l.rect.y.0 < cut.0 {
                        first.push(Item::Link(l));
                    } else {
                        l.rect.y += shift;
                        rest.push(Item::Link(l));
                    }
                }
                Item::Line(l) => {
                    let (top, bottom) = if l.y1.0 <= l.y2.0 {
                        (l.y1, l.y2)
                    } else {
                        (l.y2, l.y1)
                    };
                    if bottom.0 <= cut.0 {
                        first.push(Item::Line(l));
                    } else if top.0 >= cut.0 {
                        rest.push(Item::Line(Rule {
                            y1: l.y1 + shift,
                            y2: l.y2 + shift,
                            ..l
                        }));
                    } else {
                        // A vertical rule crossing the cut continues on both parts.
                        first.push(Item::Line(Rule {
                            y1: top,
                            y2: cut,
                            ..l.clone()
                        }));
                        rest.push(Item::Line(Rule {
                            y1: Pt::ZERO,
                            y2: bottom + shift,
                            ..l
                        }));
                    }
                }
                Item::Rect(b) => {
                    let r = b.rect;
                    if r.bottom().0 <= cut.0 {
                        first.push(Item::Rect(b));
                    } else if r.y.0 >= cut.0 {
                        rest.push(Item::Rect(BoxItem {
                            rect: Rect {
                                y: r.y + shift,
                                ..r
                            },
                            ..b
                        }));
                    } else {
                        first.push(Item::Rect(BoxItem {
                            rect: Rect {
                                height: cut - r.y,
                                ..r
                            },
                            ..b.clone()
                        }));
                        rest.push(Item::Rect(BoxItem {
                            rect: Rect {
                                y: Pt::ZERO,
                                height: r.bottom() + shift,
                                ..r
                            },
                            ..b
                        }));
                    }
                }
            }
        }
        if let Some(rule) = self.cut_rule {
            let line = |y: Pt| {
                Item::Line(Rule {
                    x1: rule.x1,
                    y1: y,
                    x2: rule.x2,
                    y2: y,
                    width: rule.width,
                })
            };
            first.push(line(cut));
            rest.push(line(Pt::ZERO));
        }
        let rest_height = self.height + shift;
        let head = Chunk {
            height: cut,
            items: first,
            keep_with_next: false,
            cuts: self.cuts.iter().copied().filter(|c| c.0 < cut.0).collect(),
            signature: None,
            repeat: self.repeat.clone(),
            bookmarks: std::mem::take(&mut self.bookmarks),
            ..self.clone()
        };
        let tail = Chunk {
            height: rest_height,
            items: rest,
            space_before: Pt::ZERO,
            cuts: self
                .cuts
                .iter()
                .copied()
                .filter(|c| c.0 > cut.0)
                .map(|c| c + shift)
                .collect(),
            bookmarks: Vec::new(),
            baseline: None,
            ..self
        };
        (head, tail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::{Face, TextRun};

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
        })
    }

    #[test]
    fn splitting_a_row_moves_later_lines_and_continues_its_rules() {
        let mut c = Chunk::new("a table row", Pt(100.0));
        c.items = vec![
            text(10.0),
            text(60.0),
            Item::Line(Rule {
                x1: Pt(0.0),
                y1: Pt(0.0),
                x2: Pt(0.0),
                y2: Pt(100.0),
                width: Pt(0.5),
            }),
        ];
        c.cuts = vec![Pt(20.0), Pt(50.0), Pt(70.0)];
        c.cut_rule = Some(CutRule {
            x1: Pt(0.0),
            x2: Pt(200.0),
            width: Pt(0.5),
            padding: Pt(3.0),
        });
        let (a, b) = c.split(Pt(50.0));
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
                .any(|i| i == "line 0.00 50.00 -> 200.00 50.00 w=0.50"),
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
                .any(|i| i == "line 0.00 0.00 -> 200.00 0.00 w=0.50"),
            "{b_items:?}"
        );
    }
}
