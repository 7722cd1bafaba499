//! What the PDF writer accepts: a [`Layout`] checked whole before anything
//! is written, so that the writer's internals can index its pages and
//! trust its numbers. A layout made by `layout_document` always passes; a
//! layout built or deserialized by a caller gets every bad field named by
//! its path (`layout.outline[3].page`), never a panic.

use crate::error::{Error, Problem, Problems, Result};
use crate::frame::{Item, Layout, MAX_LENGTH, PAGE_SIDES, Page};
use crate::text::FontSet;
use crate::units::{Pt, Rect};

/// A number as messages show it: plain unless very large.
fn shown(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Collects the problems of a layout.
struct Checker<'a> {
    problems: Vec<Problem>,
    fonts: &'a FontSet,
}

impl Checker<'_> {
    fn push(&mut self, path: String, message: String) {
        self.problems.push(Problem::new(path, message));
    }

    /// A coordinate: finite, within [`MAX_LENGTH`] of the page's corner.
    fn coordinate(&mut self, path: impl FnOnce() -> String, v: Pt) {
        if !(v.0.is_finite() && v.0.abs() <= MAX_LENGTH) {
            self.push(
                path(),
                format!(
                    "expected a finite coordinate from -{MAX_LENGTH} to {MAX_LENGTH} pt, found {}",
                    shown(v.0)
                ),
            );
        }
    }

    /// A length from `min` (inclusive unless `open`) to [`MAX_LENGTH`].
    fn length(&mut self, path: impl FnOnce() -> String, v: Pt, min: f64, open: bool) {
        let low_ok = if open { v.0 > min } else { v.0 >= min };
        if !(low_ok && v.0 <= MAX_LENGTH) {
            let from = if open {
                format!("more than {min}")
            } else {
                format!("from {min}")
            };
            self.push(
                path(),
                format!(
                    "expected a length {from} to {MAX_LENGTH} pt, found {}",
                    shown(v.0)
                ),
            );
        }
    }

    fn rect(&mut self, path: &dyn Fn() -> String, r: &Rect) {
        self.coordinate(|| format!("{}.x", path()), r.x);
        self.coordinate(|| format!("{}.y", path()), r.y);
        self.coordinate(|| format!("{}.width", path()), r.width);
        self.coordinate(|| format!("{}.height", path()), r.height);
    }

    fn page(&mut self, p: usize, page: &Page) {
        let (min, max) = PAGE_SIDES;
        for (side, v) in [("width", page.size.width), ("height", page.size.height)] {
            if !(v.0 >= min && v.0 <= max) {
                self.push(
                    format!("layout.pages[{p}].size.{side}"),
                    format!(
                        "expected a page side from {min} to {max} pt (ISO 32000-1, Annex C), \
                         found {}",
                        shown(v.0)
                    ),
                );
            }
        }
        if page.footer > page.items.len() {
            self.push(
                format!("layout.pages[{p}].footer"),
                format!(
                    "is {}, past the end of the page's {} item(s); expected at most {}",
                    page.footer,
                    page.items.len(),
                    page.items.len()
                ),
            );
        }
        for (i, item) in page.items.iter().enumerate() {
            self.item(p, i, item);
        }
    }

    fn item(&mut self, p: usize, i: usize, item: &Item) {
        let at = || format!("layout.pages[{p}].items[{i}]");
        match item {
            Item::Text(t) => {
                self.coordinate(|| format!("{}.x", at()), t.x);
                self.coordinate(|| format!("{}.y", at()), t.y);
                let (_, max) = PAGE_SIDES;
                if !(t.size.0 > 0.0 && t.size.0 <= max) {
                    self.push(
                        format!("{}.size", at()),
                        format!(
                            "expected a font size more than 0 and at most {max} pt, found {}",
                            shown(t.size.0)
                        ),
                    );
                }
                self.coordinate(|| format!("{}.word_spacing", at()), t.word_spacing);
                self.coordinate(|| format!("{}.width", at()), t.width);
                let face = self.fonts.face(t.face);
                if let Some(c) = t.text.chars().find(|&c| face.glyph(c).is_none()) {
                    self.push(
                        format!("{}.text", at()),
                        format!(
                            "the font {} has no glyph for {c:?} (U+{:04X}), in {:?}; expected \
                             only characters the face draws",
                            face.postscript_name,
                            c as u32,
                            crate::text::around(&t.text, c)
                        ),
                    );
                }
            }
            Item::Line(l) => {
                self.coordinate(|| format!("{}.x1", at()), l.x1);
                self.coordinate(|| format!("{}.y1", at()), l.y1);
                self.coordinate(|| format!("{}.x2", at()), l.x2);
                self.coordinate(|| format!("{}.y2", at()), l.y2);
                self.length(|| format!("{}.width", at()), l.width, 0.0, false);
            }
            Item::Rect(b) => {
                self.rect(&|| format!("{}.rect", at()), &b.rect);
                if let Some(g) = b.fill
                    && !(0.0..=1.0).contains(&g)
                {
                    self.push(
                        format!("{}.fill", at()),
                        format!(
                            "expected a grey level from 0 (black) to 1 (white), found {}",
                            shown(f64::from(g))
                        ),
                    );
                }
                if let Some(w) = b.stroke {
                    self.length(|| format!("{}.stroke", at()), w, 0.0, false);
                }
            }
            Item::Link(l) => self.rect(&|| format!("{}.rect", at()), &l.rect),
        }
    }

    /// A 1-based page number of a layout of `pages` pages.
    fn page_number(&mut self, path: impl FnOnce() -> String, page: usize, pages: usize) {
        if page == 0 || page > pages {
            let expected = match pages {
                0 => "there is no page to name".to_owned(),
                1 => "expected 1".to_owned(),
                n => format!("expected 1 to {n}"),
            };
            self.push(
                path(),
                format!(
                    "names page {page}, but the layout has {pages} page(s); {expected} \
                     (page numbers start at 1)"
                ),
            );
        }
    }
}

/// Checks that `layout` can be written with `fonts`: at least one page;
/// page sides from 3 to 14,400 pt; every coordinate finite and within a
/// million points; font sizes above 0; stroke widths not negative; grey
/// levels from 0 to 1; each page's `footer` at most its item count; every
/// outline entry and the signature box on a page of the layout (numbered
/// from 1), the box's `page_height` that page's; the date's year from 1 to
/// 9999 (a PDF date has four digits); and every character of a text run in
/// its face. Every problem is reported, each with its path.
pub(crate) fn check_layout(layout: &Layout, fonts: &FontSet) -> Result<()> {
    let mut c = Checker {
        problems: Vec::new(),
        fonts,
    };
    let pages = layout.pages.len();
    if pages == 0 {
        c.push(
            "layout.pages".into(),
            "a PDF needs at least one page; found none".into(),
        );
    }
    for (p, page) in layout.pages.iter().enumerate() {
        c.page(p, page);
    }
    for (i, e) in layout.outline.iter().enumerate() {
        c.page_number(|| format!("layout.outline[{i}].page"), e.page, pages);
        c.coordinate(|| format!("layout.outline[{i}].y"), e.y);
    }
    for (i, s) in layout.signatures.iter().enumerate() {
        c.page_number(|| format!("layout.signatures[{i}].page"), s.page, pages);
        c.rect(&|| format!("layout.signatures[{i}].rect"), &s.rect);
        if let Some(page) = s.page.checked_sub(1).and_then(|p| layout.pages.get(p))
            && !(s.page_height.approx_eq(page.size.height))
        {
            c.push(
                format!("layout.signatures[{i}].page_height"),
                format!(
                    "is {}, but page {} is {} pt high; expected its height",
                    shown(s.page_height.0),
                    s.page,
                    page.size.height
                ),
            );
        }
    }
    let year = layout.meta.date.year();
    if !(1..=9999).contains(&year) {
        c.push(
            "layout.meta.date".into(),
            format!("expected a year from 1 to 9999 (a PDF date has four digits), found {year}"),
        );
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(Problems(c.problems)))
    }
}
