//! Page labels (i, ii … then 1, 2 …) and anchors (the places links and
//! generated lists point to): what the layout records of them, and the
//! label of a page as printed.

use serde::{Deserialize, Serialize};

use super::Layout;
use crate::units::Pt;

/// How the pages of a run are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberStyle {
    /// 1, 2, 3 …
    #[default]
    Arabic,
    /// i, ii, iii … (front matter)
    LowerRoman,
    /// I, II, III …
    UpperRoman,
    /// No number (a cover): the page label is empty, and no page number
    /// is printed on the page.
    Unnumbered,
}

impl NumberStyle {
    /// The number `n` written in this style.
    ///
    /// ```
    /// use lapkin::layout::NumberStyle;
    ///
    /// assert_eq!(NumberStyle::LowerRoman.write(4), "iv");
    /// assert_eq!(NumberStyle::Arabic.write(12), "12");
    /// ```
    pub fn write(self, n: u32) -> String {
        match self {
            NumberStyle::Arabic => n.to_string(),
            NumberStyle::LowerRoman => crate::format::roman(n).to_lowercase(),
            NumberStyle::UpperRoman => crate::format::roman(n),
            NumberStyle::Unnumbered => String::new(),
        }
    }
}

/// Where the page numbering starts again: in `style`, from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageNumbering {
    /// How the pages are numbered.
    pub style: NumberStyle,
    /// The number of the first page, at least 1.
    pub start: u32,
}

impl PageNumbering {
    /// Numbering in `style` from `start`.
    ///
    /// ```
    /// use lapkin::layout::{NumberStyle, PageNumbering};
    ///
    /// let front = PageNumbering::new(NumberStyle::LowerRoman, 1);
    /// assert_eq!(front.start, 1);
    /// ```
    pub fn new(style: NumberStyle, start: u32) -> Self {
        PageNumbering {
            style,
            start: start.max(1),
        }
    }
}

/// A run of pages numbered one way, from its first page to the next run's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageLabel {
    /// The run's first page, 1-based.
    pub page: usize,
    /// How its pages are numbered, from `start`.
    pub numbering: PageNumbering,
}

/// A place in the document that links and generated lists point to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Anchor {
    /// Its name, as links write it after `#`.
    pub id: String,
    /// Its page, 1-based.
    pub page: usize,
    /// Its top, from the top of the page.
    pub y: Pt,
}

impl Anchor {
    /// The anchor `id` at `y` on the 1-based `page`.
    pub fn new(id: impl Into<String>, page: usize, y: Pt) -> Self {
        Anchor {
            id: id.into(),
            page,
            y,
        }
    }
}

impl Layout {
    /// The label of the 1-based `page` as printed: "iii" in roman front
    /// matter, "12" after; the page's number when the layout has no
    /// labels.
    ///
    /// ```
    /// use lapkin::Date;
    /// use lapkin::document::Meta;
    /// use lapkin::layout::{Layout, NumberStyle, Page, PageLabel, PageNumbering, Size};
    /// use lapkin::model::Month;
    ///
    /// let date = Date::from_calendar_date(2025, Month::April, 10).unwrap();
    /// let mut layout = Layout::new(Meta::new("LKj", date));
    /// layout.pages = vec![Page::new(Size::A4); 4];
    /// layout.page_labels = vec![
    ///     PageLabel::new(1, PageNumbering::new(NumberStyle::LowerRoman, 1)),
    ///     PageLabel::new(3, PageNumbering::new(NumberStyle::Arabic, 1)),
    /// ];
    /// let labels: Vec<String> = (1..=4).map(|p| layout.page_label(p)).collect();
    /// assert_eq!(labels, ["i", "ii", "1", "2"]);
    /// ```
    pub fn page_label(&self, page: usize) -> String {
        page_label(&self.page_labels, page)
    }

    /// The anchor named `id`, if the layout has it.
    pub fn anchor(&self, id: &str) -> Option<&Anchor> {
        self.anchors.iter().find(|a| a.id == id)
    }
}

impl PageLabel {
    /// The run numbered `numbering` from the 1-based `page` on.
    pub fn new(page: usize, numbering: PageNumbering) -> Self {
        PageLabel { page, numbering }
    }
}

/// The label of the 1-based `page` under `labels` (runs in page order).
pub(crate) fn page_label(labels: &[PageLabel], page: usize) -> String {
    match labels.iter().rev().find(|l| l.page <= page) {
        Some(l) => {
            let n = u32::try_from(page - l.page).unwrap_or(u32::MAX);
            l.numbering.style.write(l.numbering.start.saturating_add(n))
        }
        None => page.to_string(),
    }
}
