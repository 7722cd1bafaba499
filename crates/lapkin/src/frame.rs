//! Laid-out pages: what the layout stage produces and the PDF writer draws.
//!
//! A [`Layout`] is plain data: positioned text runs, rules, boxes and link
//! areas, in points from the top-left corner of each page. It is public and
//! serializable so that programs embedding lapkin can inspect or snapshot
//! it; its [`Display`](std::fmt::Display) form is a stable, line-per-item
//! text dump made for `insta` snapshots (two decimals, no floating-point
//! noise).

mod labels;
mod structure;

use std::fmt;

pub(crate) use labels::page_label;
pub use labels::{Anchor, NumberStyle, PageLabel, PageNumbering};
pub use structure::{ArtifactKind, ListNumbering, NodeId, Role, Scope, StructNode, Structure, Tag};

use serde::{Deserialize, Serialize};

use crate::text::Face;
use crate::units::{Pt, Rect, Size};

/// The smallest and largest page side a layout may have, in points: the
/// limits of ISO 32000-1, Annex C.2 (3 to 14,400 default user-space units).
pub(crate) const PAGE_SIDES: (f64, f64) = (3.0, 14_400.0);

/// The largest distance from the page's corner, length or stroke width a
/// layout may have, in points (about 350 m): far beyond any page, small
/// enough that every number is written exactly to 1/100 pt.
pub(crate) const MAX_LENGTH: f64 = 1_000_000.0;

/// A report laid out on pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Layout {
    /// The pages, first to last.
    pub pages: Vec<Page>,
    /// Bookmarks, in document order; `level` 0 for sections A to D, 1 for
    /// the indicators under B.
    pub outline: Vec<OutlineEntry>,
    /// Where the electronic signatures go: one box per electronic signer,
    /// in document order (none for a document signed in ink or not at
    /// all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<SignatureBox>,
    /// Title, author and date, for the PDF's document information.
    pub meta: Meta,
    /// The logical structure (the PDF's tag tree), which the items' `tag`
    /// fields point into; empty for an untagged layout.
    #[serde(default, skip_serializing_if = "Structure::is_empty")]
    pub structure: Structure,
    /// The images the pages draw ([`ImageItem::image`] indexes it), each
    /// once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<std::sync::Arc<crate::media::Image>>,
    /// How the pages are numbered, run by run (i, ii … then 1, 2 …), as
    /// printed and as the PDF's `/PageLabels` says; empty: 1, 2, 3 ….
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_labels: Vec<PageLabel>,
    /// The places internal links (`#id`) and generated lists point to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<Anchor>,
    /// What was laid out but is worth a warning, in document order: a
    /// table on a portrait page whose words had to break at their
    /// syllables (kind `table-words-broken`, its hint saying to set it
    /// landscape). Not serialized.
    #[serde(skip)]
    pub notices: Vec<crate::problem::Problem>,
}

/// Document information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta {
    /// The title.
    pub title: String,
    /// The author: the reporting unit.
    pub author: String,
    /// The subject.
    pub subject: String,
    /// Keywords, separated by commas.
    pub keywords: String,
    /// The document's date (the closing block's).
    #[serde(
        serialize_with = "serialize_date",
        deserialize_with = "deserialize_date"
    )]
    pub date: time::Date,
}

fn serialize_date<S: serde::Serializer>(d: &time::Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!(
        "{:04}-{:02}-{:02}",
        d.year(),
        u8::from(d.month()),
        d.day()
    ))
}

fn deserialize_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<time::Date, D::Error> {
    let s = String::deserialize(d)?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(&s, &format).map_err(serde::de::Error::custom)
}

/// One page and everything on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page {
    /// The page size (A4 portrait by default).
    pub size: Size,
    /// The body's items in painting order.
    pub items: Vec<Item>,
    /// The running header above the body, if the document has one (header
    /// artifacts), painted after the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<Item>,
    /// What closes the page, painted after the body.
    #[serde(default, skip_serializing_if = "PageFooter::is_empty")]
    pub footer: PageFooter,
}

/// Which part of a page a run of items is (see [`Page::parts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PagePart {
    Body,
    Note,
    Header,
    Label,
}

impl PagePart {
    /// Where the part's items are in a page serialized at `page`.
    pub(crate) fn path(self, page: &crate::problem::JsonPath) -> crate::problem::JsonPath {
        match self {
            PagePart::Body => page.child("items"),
            PagePart::Header => page.child("header"),
            PagePart::Note => page.child("footer").key("note"),
            PagePart::Label => page.child("footer").key("label"),
        }
    }
}

/// What closes a page: the legal note, and the page's label.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageFooter {
    /// The legal note with its rule (and a running footer text): the same
    /// items on every page of a layout, which the PDF writer draws once and
    /// refers to from every page; on the last page they are tagged as the
    /// note's structure elements instead of footer artifacts, so that a
    /// screen reader reads the note once.
    #[serde(default)]
    pub note: Vec<Item>,
    /// The page's own: its label ("Halaman 2 dari 11").
    #[serde(default)]
    pub label: Vec<Item>,
}

impl PageFooter {
    /// A footer of the legal note's items and the page's label.
    ///
    /// ```
    /// use lapkin::layout::{Item, PageFooter, Pt, TextRun};
    /// use lapkin::text::Face;
    ///
    /// let label = TextRun::new(Pt(500.0), Pt(800.0), Face::Regular, Pt(8.0), "1/1", Pt(10.0));
    /// let footer = PageFooter::new(Vec::new(), vec![Item::Text(label)]);
    /// assert_eq!(footer.label.len(), 1);
    /// ```
    pub fn new(note: Vec<Item>, label: Vec<Item>) -> Self {
        PageFooter { note, label }
    }

    /// Whether the footer has no item.
    ///
    /// ```
    /// assert!(lapkin::layout::PageFooter::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.note.is_empty() && self.label.is_empty()
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Item {
    /// A run of text in one face and size.
    Text(TextRun),
    /// A straight rule.
    #[serde(alias = "line")]
    Rule(Rule),
    /// A filled and/or stroked rectangle.
    #[serde(alias = "rect")]
    Box(BoxItem),
    /// A clickable area that opens a URI.
    Link(LinkArea),
    /// An image, scaled to a rectangle.
    Image(ImageItem),
}

impl Item {
    /// What the item belongs to: a structure node or an artifact.
    ///
    /// ```
    /// use lapkin::layout::tags::{ArtifactKind, Tag};
    /// use lapkin::layout::{Item, Pt, Rule};
    ///
    /// let rule = Item::Rule(Rule::new(Pt(0.0), Pt(10.0), Pt(100.0), Pt(10.0), Pt(0.5)));
    /// assert_eq!(rule.tag(), Tag::None);
    /// let rule = rule.with_tag(Tag::Artifact(ArtifactKind::Footer));
    /// assert_eq!(rule.tag(), Tag::Artifact(ArtifactKind::Footer));
    /// ```
    pub fn tag(&self) -> Tag {
        match self {
            Item::Text(t) => t.tag,
            Item::Rule(r) => r.tag,
            Item::Box(b) => b.tag,
            Item::Link(l) => l.tag,
            Item::Image(i) => i.tag,
        }
    }

    /// Sets what the item belongs to.
    ///
    /// ```
    /// use lapkin::layout::tags::Tag;
    /// use lapkin::layout::{Item, Pt, Rule};
    ///
    /// let mut rule = Item::Rule(Rule::new(Pt(0.0), Pt(10.0), Pt(100.0), Pt(10.0), Pt(0.5)));
    /// rule.set_tag(Tag::Node(1));
    /// assert_eq!(rule.tag(), Tag::Node(1));
    /// ```
    pub fn set_tag(&mut self, tag: Tag) {
        match self {
            Item::Text(t) => t.tag = tag,
            Item::Rule(r) => r.tag = tag,
            Item::Box(b) => b.tag = tag,
            Item::Link(l) => l.tag = tag,
            Item::Image(i) => i.tag = tag,
        }
    }

    /// This item belonging to `tag`.
    ///
    /// ```
    /// use lapkin::layout::tags::Tag;
    /// use lapkin::layout::{BoxItem, Item, Pt, Rect};
    ///
    /// let shade = BoxItem::new(Rect::new(Pt(0.0), Pt(0.0), Pt(50.0), Pt(20.0)), Some(0.9), None);
    /// assert_eq!(Item::Box(shade).with_tag(Tag::Node(3)).tag(), Tag::Node(3));
    /// ```
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.set_tag(tag);
        self
    }

    /// Moves the item down by `dy` (up if negative).
    pub(crate) fn shift_y(&mut self, dy: Pt) {
        match self {
            Item::Text(t) => t.y += dy,
            Item::Link(l) => l.rect.y += dy,
            Item::Rule(r) => {
                r.y1 += dy;
                r.y2 += dy;
            }
            Item::Box(b) => b.rect.y += dy,
            Item::Image(i) => i.rect.y += dy,
        }
    }
}

/// A run of text on one baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextRun {
    /// Left end of the baseline.
    pub x: Pt,
    /// The baseline, from the top of the page.
    pub y: Pt,
    /// The face.
    pub face: Face,
    /// The font size.
    pub size: Pt,
    /// The text, spaces included (they make extracted text readable).
    pub text: String,
    /// Extra width added to every space in `text` (justification).
    pub word_spacing: Pt,
    /// The run's advance width, word spacing included.
    pub width: Pt,
    /// Whether the text is invisible on paper but still extractable (the
    /// signature tag).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub invisible: bool,
    /// The structure node it belongs to, or the artifact it is.
    #[serde(default, skip_serializing_if = "Tag::is_none")]
    pub tag: Tag,
    /// What text extraction and copying read instead of `text`: for a word
    /// hyphenated across lines, the whole word (without the hyphen) on its
    /// first part and nothing on the parts after, so that the word is found
    /// and copied whole (written as `/ActualText`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_text: Option<String>,
    /// Whether a word space follows the run that its text does not hold:
    /// the line broke at a space after it, or it is a marker set apart from
    /// its text (a heading's number). The PDF draws an invisible space
    /// after its glyphs, so that text extraction and the tag tree keep the
    /// word boundary ("Target Perjanjian", not "TargetPerjanjian").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub space_after: bool,
}

/// A straight rule from `(x1, y1)` to `(x2, y2)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rule {
    /// Start, left.
    pub x1: Pt,
    /// Start, top.
    pub y1: Pt,
    /// End, left.
    pub x2: Pt,
    /// End, top.
    pub y2: Pt,
    /// Stroke width.
    pub width: Pt,
    /// The structure node it belongs to, or the artifact it is.
    #[serde(default, skip_serializing_if = "Tag::is_none")]
    pub tag: Tag,
}

/// A rectangle, filled with a grey and/or stroked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BoxItem {
    /// Where.
    pub rect: Rect,
    /// Fill grey level, 0 = black, 1 = white.
    pub fill: Option<f32>,
    /// Stroke width, if stroked.
    pub stroke: Option<Pt>,
    /// The structure node it belongs to, or the artifact it is.
    #[serde(default, skip_serializing_if = "Tag::is_none")]
    pub tag: Tag,
}

/// An image drawn into a rectangle (stretched to it: the layout keeps its
/// proportions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImageItem {
    /// Where.
    pub rect: Rect,
    /// The image: its index in [`Layout::images`].
    pub image: usize,
    /// The structure node it belongs to (a figure), or the artifact it is.
    #[serde(default, skip_serializing_if = "Tag::is_none")]
    pub tag: Tag,
}

/// A link area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkArea {
    /// The clickable area.
    pub rect: Rect,
    /// The target.
    pub uri: String,
    /// The structure node it belongs to, or the artifact it is.
    #[serde(default, skip_serializing_if = "Tag::is_none")]
    pub tag: Tag,
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutlineEntry {
    /// The bookmark's title.
    pub title: String,
    /// Nesting level, 0 = top.
    pub level: u8,
    /// 1-based page number.
    pub page: usize,
    /// Top of the target, from the top of the page.
    pub y: Pt,
}

/// The reserved space for the visual electronic signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureBox {
    /// 1-based page number.
    pub page: usize,
    /// The box, from the top-left of the page.
    pub rect: Rect,
    /// The height of its page, for coordinates from the bottom.
    pub page_height: Pt,
    /// The tag character drawn in the box, if any.
    pub tag: Option<char>,
    /// The name of the empty signature field to put over the box, if one
    /// is to be made for it (the PDF writer makes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The structure node of the signer's closing block (a `Div`), where
    /// a signature field over the box is tagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
    /// Who signs here (the signer's name), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
}

impl Layout {
    /// An empty layout with this document information: no pages, no
    /// outline, no signature box. Push [`Page`]s onto `pages` (a PDF needs
    /// at least one) and entries onto `outline`.
    ///
    /// ```
    /// use lapkin::Date;
    /// use lapkin::document::Meta;
    /// use lapkin::layout::{Layout, Page, Size};
    /// use lapkin::model::Month;
    ///
    /// let date = Date::from_calendar_date(2025, Month::April, 10).unwrap();
    /// let mut layout = Layout::new(Meta::new("Contoh", date));
    /// layout.pages.push(Page::new(Size::A4));
    /// assert_eq!(layout.pages.len(), 1);
    /// ```
    pub fn new(meta: Meta) -> Self {
        Layout {
            pages: Vec::new(),
            outline: Vec::new(),
            signatures: Vec::new(),
            meta,
            structure: Structure::default(),
            images: Vec::new(),
            page_labels: Vec::new(),
            anchors: Vec::new(),
            notices: Vec::new(),
        }
    }
}

impl Meta {
    /// Document information with a title and a date; author, subject and
    /// keywords empty (set the fields to fill them).
    ///
    /// ```
    /// use lapkin::Date;
    /// use lapkin::document::Meta;
    /// use lapkin::model::Month;
    ///
    /// let mut meta = Meta::new("Laporan Kinerja", Date::from_calendar_date(2025, Month::April, 10).unwrap());
    /// meta.author = "BPMP Provinsi Contoh".into();
    /// assert_eq!(meta.title, "Laporan Kinerja");
    /// ```
    pub fn new(title: impl Into<String>, date: time::Date) -> Self {
        Meta {
            title: title.into(),
            author: String::new(),
            subject: String::new(),
            keywords: String::new(),
            date,
        }
    }
}

impl Page {
    /// An empty page of this size, without a footer. Push the body's
    /// items onto `items` and set `footer` to close the page.
    ///
    /// ```
    /// use lapkin::layout::{Page, Size};
    ///
    /// let page = Page::new(Size::A4);
    /// assert!(page.items.is_empty() && page.footer.is_empty());
    /// ```
    pub fn new(size: Size) -> Self {
        Page {
            size,
            items: Vec::new(),
            header: Vec::new(),
            footer: PageFooter::default(),
        }
    }

    /// The page's runs of items in painting order: the body's, the running
    /// header's, the legal note's, the label's.
    pub(crate) fn parts(&self) -> [(PagePart, &[Item]); 4] {
        [
            (PagePart::Body, &self.items),
            (PagePart::Header, &self.header),
            (PagePart::Note, &self.footer.note),
            (PagePart::Label, &self.footer.label),
        ]
    }

    /// Every item of the page in painting order: the body's, the running
    /// header's, the legal note's, the label's.
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let report = lapkin::parse_report(&json).unwrap();
    /// let opts = lapkin::RenderOptions::default();
    /// let layout = lapkin::validate(&report, &opts.fonts).unwrap().layout(&opts).unwrap();
    /// let page = &layout.pages[0];
    /// assert_eq!(
    ///     page.all_items().count(),
    ///     page.items.len() + page.header.len() + page.footer.note.len() + page.footer.label.len()
    /// );
    /// ```
    pub fn all_items(&self) -> impl Iterator<Item = &Item> {
        self.parts().into_iter().flat_map(|(_, items)| items)
    }
}

impl TextRun {
    /// A visible run of `text` with its left end at `x` on the baseline
    /// `y`, without word spacing. `width` is its advance, as the layout
    /// measures it ([`FontSet::width`](crate::text::FontSet::width)); the PDF
    /// writer does not use it.
    ///
    /// ```
    /// use lapkin::layout::{Pt, TextRun};
    /// use lapkin::text::{Face, FontSet};
    ///
    /// let fonts = FontSet::liberation_sans();
    /// let width = fonts.width("Capaian", Face::Regular, Pt(11.0));
    /// let run = TextRun::new(Pt(85.0), Pt(100.0), Face::Regular, Pt(11.0), "Capaian", width);
    /// assert_eq!(run.text, "Capaian");
    /// ```
    pub fn new(x: Pt, y: Pt, face: Face, size: Pt, text: impl Into<String>, width: Pt) -> Self {
        TextRun {
            x,
            y,
            face,
            size,
            text: text.into(),
            word_spacing: Pt::ZERO,
            width,
            invisible: false,
            tag: Tag::None,
            actual_text: None,
            space_after: false,
        }
    }
}

impl Rule {
    /// A rule from `(x1, y1)` to `(x2, y2)`, stroked `width` wide.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rule};
    ///
    /// let rule = Rule::new(Pt(85.0), Pt(700.0), Pt(540.0), Pt(700.0), Pt(0.5));
    /// assert_eq!(rule.width, Pt(0.5));
    /// ```
    pub fn new(x1: Pt, y1: Pt, x2: Pt, y2: Pt, width: Pt) -> Self {
        Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            tag: Tag::None,
        }
    }
}

impl BoxItem {
    /// A rectangle filled with the grey `fill` (0 = black, 1 = white) if
    /// any, and stroked `stroke` wide if any.
    ///
    /// ```
    /// use lapkin::layout::{BoxItem, Pt, Rect};
    ///
    /// let cell = BoxItem::new(Rect::new(Pt(85.0), Pt(120.0), Pt(100.0), Pt(14.0)), Some(0.9), Some(Pt(0.5)));
    /// assert_eq!(cell.fill, Some(0.9));
    /// ```
    pub fn new(rect: Rect, fill: Option<f32>, stroke: Option<Pt>) -> Self {
        BoxItem {
            rect,
            fill,
            stroke,
            tag: Tag::None,
        }
    }
}

impl LinkArea {
    /// A clickable area that opens `uri`.
    ///
    /// ```
    /// use lapkin::layout::{LinkArea, Pt, Rect};
    ///
    /// let link = LinkArea::new(Rect::new(Pt(85.0), Pt(120.0), Pt(60.0), Pt(12.0)), "https://example.org");
    /// assert_eq!(link.uri, "https://example.org");
    /// ```
    pub fn new(rect: Rect, uri: impl Into<String>) -> Self {
        LinkArea {
            rect,
            uri: uri.into(),
            tag: Tag::None,
        }
    }
}

impl OutlineEntry {
    /// A bookmark at `level` (0 = top) to the point `y` from the top of the
    /// 1-based `page`.
    ///
    /// ```
    /// use lapkin::layout::{OutlineEntry, Pt};
    ///
    /// let entry = OutlineEntry::new("A. Capaian Kinerja", 0, 1, Pt(120.0));
    /// assert_eq!((entry.level, entry.page), (0, 1));
    /// ```
    pub fn new(title: impl Into<String>, level: u8, page: usize, y: Pt) -> Self {
        OutlineEntry {
            title: title.into(),
            level,
            page,
            y,
        }
    }
}

impl SignatureBox {
    /// The signature box `rect` on the 1-based `page`, which is
    /// `page_height` high; no tag.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect, SignatureBox, Size};
    ///
    /// let rect = Rect::new(Pt(380.0), Pt(600.0), Pt::from_mm(35.0), Pt::from_mm(20.0));
    /// let sig = SignatureBox::new(1, rect, Size::A4.height);
    /// assert_eq!(sig.page, 1);
    /// ```
    pub fn new(page: usize, rect: Rect, page_height: Pt) -> Self {
        SignatureBox {
            page,
            rect,
            page_height,
            tag: None,
            field: None,
            node: None,
            signer: None,
        }
    }
}

impl Layout {
    /// The text of a page in painting order, runs separated by newlines
    /// when they start a new baseline and by nothing otherwise. `page`
    /// counts from 0 (it indexes `pages`); `None` if the layout has no such
    /// page.
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let report = lapkin::parse_report(&json).unwrap();
    /// let opts = lapkin::RenderOptions::default();
    /// let layout = lapkin::validate(&report, &opts.fonts).unwrap().layout(&opts).unwrap();
    /// assert!(layout.page_text(0).unwrap().contains("Halaman 1 dari 1"));
    /// assert!(layout.page_text(1).is_none());
    /// ```
    pub fn page_text(&self, page: usize) -> Option<String> {
        let mut out = String::new();
        let mut last_y: Option<Pt> = None;
        for item in self.pages.get(page)?.all_items() {
            if let Item::Text(t) = item {
                if let Some(y) = last_y
                    && !y.approx_eq(t.y)
                {
                    out.push('\n');
                }
                out.push_str(&t.text);
                last_y = Some(t.y);
            }
        }
        Some(out)
    }
}

impl Layout {
    /// One page's body as a readable dump for a test: one line per item
    /// (`text x y face+size "text"`, `line ...`, `rect ...`, `link ...`,
    /// two decimals), without what each item belongs to and without the
    /// footer, which is the same on every page. `page` counts from 0;
    /// `None` if the layout has no such page. The whole layout's
    /// [`Display`](fmt::Display) form has every page, the footers, the tags,
    /// the outline and the tag tree.
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let report = lapkin::parse_report(&json).unwrap();
    /// let opts = lapkin::RenderOptions::default();
    /// let layout = lapkin::validate(&report, &opts.fonts).unwrap().layout(&opts).unwrap();
    /// let dump = layout.page_dump(0).unwrap();
    /// assert!(dump.lines().next().unwrap().starts_with("text "));
    /// assert!(!dump.contains('@') && !dump.contains("Halaman 1 dari 1"));
    /// ```
    pub fn page_dump(&self, page: usize) -> Option<String> {
        struct Bare<'a>(&'a Item);
        impl fmt::Display for Bare<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt_item(f)
            }
        }
        let page = self.pages.get(page)?;
        let mut out = String::new();
        for item in &page.items {
            out.push_str(&Bare(item).to_string());
            out.push('\n');
        }
        Some(out)
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, page) in self.pages.iter().enumerate() {
            writeln!(
                f,
                "page {} of {} ({} x {})",
                i + 1,
                self.pages.len(),
                page.size.width,
                page.size.height
            )?;
            for item in page.all_items() {
                writeln!(f, "  {item}")?;
            }
        }
        for e in &self.outline {
            writeln!(
                f,
                "outline {}{} p{} y={} {:?}",
                "  ".repeat(e.level as usize),
                e.level,
                e.page,
                e.y,
                e.title
            )?;
        }
        for s in &self.signatures {
            writeln!(
                f,
                "signature p{} x={} y={} w={} h={} tag={:?}",
                s.page, s.rect.x, s.rect.y, s.rect.width, s.rect.height, s.tag
            )?;
        }
        for l in &self.page_labels {
            let n = l.numbering;
            writeln!(f, "labels p{} {:?} from {}", l.page, n.style, n.start)?;
        }
        for a in &self.anchors {
            writeln!(f, "anchor {:?} p{} y={}", a.id, a.page, a.y)?;
        }
        write!(f, "{}", self.structure)
    }
}

impl fmt::Display for Item {
    /// The item, then what it belongs to (`@12` for structure node 12,
    /// `@pagination` or `@layout` for an artifact) if anything.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_item(f)?;
        match self.tag() {
            Tag::None => Ok(()),
            tag => write!(f, " {tag}"),
        }
    }
}

impl Item {
    fn fmt_item(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Text(t) => {
                write!(f, "text {} {} {}{}", t.x, t.y, t.face.code(), t.size)?;
                if t.word_spacing != Pt::ZERO {
                    write!(f, " ws={}", t.word_spacing)?;
                }
                if t.invisible {
                    write!(f, " invisible")?;
                }
                if let Some(a) = &t.actual_text {
                    write!(f, " actual={a:?}")?;
                }
                write!(f, " {:?}", t.text)?;
                if t.space_after {
                    write!(f, " +space")?;
                }
                Ok(())
            }
            Item::Rule(l) => write!(
                f,
                "line {} {} -> {} {} w={}",
                l.x1, l.y1, l.x2, l.y2, l.width
            ),
            Item::Box(b) => {
                write!(
                    f,
                    "rect {} {} {} {}",
                    b.rect.x, b.rect.y, b.rect.width, b.rect.height
                )?;
                if let Some(g) = b.fill {
                    write!(f, " fill={g:.2}")?;
                }
                if let Some(w) = b.stroke {
                    write!(f, " stroke={w}")?;
                }
                Ok(())
            }
            Item::Link(l) => write!(
                f,
                "link {} {} {} {} {:?}",
                l.rect.x, l.rect.y, l.rect.width, l.rect.height, l.uri
            ),
            Item::Image(i) => write!(
                f,
                "image {} {} {} {} #{}",
                i.rect.x, i.rect.y, i.rect.width, i.rect.height, i.image
            ),
        }
    }
}
