//! What the PDF writer accepts: a [`Layout`] checked whole before anything
//! is written, so that the writer's internals can index its pages and
//! trust its numbers. A layout made by `layout_document` always passes; a
//! layout built or deserialized by a caller gets every bad field named by
//! its path (`layout.outline[3].page`), never a panic.

use crate::error::Result;
use crate::frame::{Item, Layout, MAX_LENGTH, PAGE_SIDES, Page};
use crate::problem::{Arg, JsonPath, Kind, Phrase, Problem, range, shown};
use crate::text::FontSet;
use crate::units::{Pt, Rect};

/// Collects the problems of a layout.
struct Checker<'a> {
    problems: Vec<Problem>,
    fonts: &'a FontSet,
    /// How many images the layout has.
    images: usize,
}

/// The path of a field of the layout: `layout.` and `key`.
fn at(key: &'static str) -> JsonPath {
    JsonPath::root().key("layout").key(key)
}

impl Checker<'_> {
    /// A value outside what is expected.
    fn out_of_range(&mut self, path: JsonPath, expected: Arg, found: f64) {
        self.problems.push(
            Problem::new(path, Kind::OutOfRange)
                .with("expected", expected)
                .with("found", shown(found)),
        );
    }

    /// A coordinate: finite, within [`MAX_LENGTH`] of the page's corner.
    /// Paths are made only for a value refused (thousands are checked).
    fn coordinate(&mut self, path: impl FnOnce() -> JsonPath, v: Pt) {
        if !(v.0.is_finite() && v.0.abs() <= MAX_LENGTH) {
            let expected = Arg::phrase(Phrase::Coordinate, vec![("max", shown(MAX_LENGTH).into())]);
            self.out_of_range(path(), expected, v.0);
        }
    }

    /// A length from 0 to [`MAX_LENGTH`].
    fn length(&mut self, path: impl FnOnce() -> JsonPath, v: Pt) {
        if !(v.0 >= 0.0 && v.0 <= MAX_LENGTH) {
            let range = range(0.0, MAX_LENGTH, false, Phrase::UnitPt);
            let expected = Arg::phrase(Phrase::Length, vec![("range", range)]);
            self.out_of_range(path(), expected, v.0);
        }
    }

    /// Coordinates, each with its key under `path`.
    fn coordinates<const N: usize>(
        &mut self,
        path: impl Fn() -> JsonPath,
        vs: [(&'static str, Pt); N],
    ) {
        for (key, v) in vs {
            self.coordinate(|| path().key(key), v);
        }
    }

    fn rect(&mut self, path: impl Fn() -> JsonPath, r: &Rect) {
        let sides = [("width", r.width), ("height", r.height)];
        self.coordinates(path, [("x", r.x), ("y", r.y), sides[0], sides[1]]);
    }

    fn page(&mut self, p: usize, page: &Page) {
        let (min, max) = PAGE_SIDES;
        let path = at("pages").index(p);
        for (side, v) in [("width", page.size.width), ("height", page.size.height)] {
            if !(v.0 >= min && v.0 <= max) {
                let limits = vec![("min", shown(min).into()), ("max", shown(max).into())];
                let expected = Arg::phrase(Phrase::PageSide, limits);
                self.out_of_range(path.child("size").key(side), expected, v.0);
            }
        }
        for (part, items) in page.parts() {
            let base = part.path(&path);
            for (i, item) in items.iter().enumerate() {
                self.item(&|| base.clone().index(i), item);
            }
        }
    }

    fn item(&mut self, at: &dyn Fn() -> JsonPath, item: &Item) {
        match item {
            Item::Text(t) => {
                let spacing = ("word_spacing", t.word_spacing);
                self.coordinates(at, [("x", t.x), ("y", t.y), spacing, ("width", t.width)]);
                let (_, max) = PAGE_SIDES;
                if !(t.size.0 > 0.0 && t.size.0 <= max) {
                    let expected = Arg::phrase(Phrase::FontSize, vec![("max", shown(max).into())]);
                    self.out_of_range(at().key("size"), expected, t.size.0);
                }
                let face = self.fonts.face(t.face);
                // Each character once, in order.
                let mut seen = std::collections::HashSet::new();
                let missing: Vec<char> = (t.text.chars())
                    .filter(|&c| face.glyph(c).is_none() && seen.insert(c))
                    .collect();
                if !missing.is_empty() {
                    let path = at().key("text");
                    let p = crate::text::glyphs::missing_glyph(
                        &path, t.face, face, &missing, &t.text, false,
                    );
                    self.problems.push(p);
                }
            }
            Item::Rule(l) => {
                self.coordinates(at, [("x1", l.x1), ("y1", l.y1), ("x2", l.x2), ("y2", l.y2)]);
                self.length(|| at().key("width"), l.width);
            }
            Item::Box(b) => {
                self.rect(|| at().key("rect"), &b.rect);
                if let Some(g) = b.fill
                    && !(0.0..=1.0).contains(&g)
                {
                    self.out_of_range(at().key("fill"), Phrase::GreyLevel.into(), f64::from(g));
                }
                if let Some(w) = b.stroke {
                    self.length(|| at().key("stroke"), w);
                }
            }
            Item::Link(l) => self.rect(|| at().key("rect"), &l.rect),
            Item::Image(i) => {
                self.rect(|| at().key("rect"), &i.rect);
                if i.image >= self.images {
                    let n = self.images.to_string();
                    let expected = Arg::both(
                        format!("an index of one of the layout's {n} images"),
                        format!("indeks salah satu dari {n} gambar tata letak"),
                    );
                    self.out_of_range(at().key("image"), expected, i.image as f64);
                }
            }
        }
    }

    /// The page labels' runs on pages of the layout, each after the one
    /// before; the anchors on pages of the layout.
    fn labels_and_anchors(&mut self, layout: &Layout) {
        let pages = layout.pages.len();
        let mut last = 0;
        for (i, l) in layout.page_labels.iter().enumerate() {
            let path = at("page_labels").index(i).key("page");
            if l.page <= last {
                let after = Arg::phrase(Phrase::PageAfterRun, vec![("page", last.into())]);
                self.out_of_range(path.clone(), after, l.page as f64);
            }
            self.page_number(path, l.page, pages);
            last = l.page;
        }
        for (i, a) in layout.anchors.iter().enumerate() {
            let path = at("anchors").index(i);
            self.page_number(path.child("page"), a.page, pages);
            self.coordinate(|| path.child("y"), a.y);
        }
    }

    /// A 1-based page number of a layout of `pages` pages.
    fn page_number(&mut self, path: JsonPath, page: usize, pages: usize) {
        if page == 0 || page > pages {
            self.problems.push(
                Problem::new(path, Kind::NoSuchPage)
                    .with("page", page)
                    .with("pages", pages),
            );
        }
    }
}

/// Checks that `layout` can be written with `fonts` (the values
/// [`write_pdf`](super::write_pdf) lists, and that its structure is a
/// tree). Every problem is reported, each with its path.
pub(crate) fn check_layout(layout: &Layout, fonts: &FontSet) -> Result<()> {
    let mut c = Checker {
        problems: Vec::new(),
        fonts,
        images: layout.images.len(),
    };
    for (i, image) in layout.images.iter().enumerate() {
        c.problems.extend(image.problems(&at("images").index(i)));
    }
    let pages = layout.pages.len();
    if pages == 0 {
        c.problems.push(Problem::new(at("pages"), Kind::NoPages));
    }
    for (p, page) in layout.pages.iter().enumerate() {
        c.page(p, page);
    }
    for (i, e) in layout.outline.iter().enumerate() {
        let path = at("outline").index(i);
        c.page_number(path.child("page"), e.page, pages);
        c.coordinate(|| path.child("y"), e.y);
    }
    for (i, s) in layout.signatures.iter().enumerate() {
        let path = at("signatures").index(i);
        c.page_number(path.child("page"), s.page, pages);
        c.rect(|| path.child("rect"), &s.rect);
        if let Some(page) = s.page.checked_sub(1).and_then(|p| layout.pages.get(p))
            && !(s.page_height.approx_eq(page.size.height))
        {
            c.problems.push(
                Problem::new(path.child("page_height"), Kind::WrongPageHeight)
                    .with("found", shown(s.page_height.0))
                    .with("page", s.page)
                    .with("height", page.size.height.to_string()),
            );
        }
    }
    c.labels_and_anchors(layout);
    let year = layout.meta.date.year();
    if !(1..=9999).contains(&year) {
        let path = at("meta").key("date");
        c.problems.push(
            Problem::new(path, Kind::OutOfRange)
                .with("expected", Phrase::PdfYear)
                .with("found", year),
        );
    }
    c.problems
        .extend(layout.structure.tree_problems(&layout.pages));
    crate::error::none_or_invalid(c.problems)
}
