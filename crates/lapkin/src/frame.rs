//! Laid-out pages: what the layout stage produces and the PDF writer draws.
//!
//! A [`Layout`] is plain data: positioned text runs, rules, boxes and link
//! areas, in points from the top-left corner of each page. It is public and
//! serializable so that programs embedding lapkin can inspect or snapshot
//! it; its [`Display`](std::fmt::Display) form is a stable, line-per-item
//! text dump made for `insta` snapshots (two decimals, no floating-point
//! noise).

mod structure;

use std::fmt;

pub use structure::{ArtifactKind, NodeId, Role, Scope, StructNode, Structure, Tag};

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
    /// The items in painting order.
    pub items: Vec<Item>,
    /// Where the page's footer begins in `items`: `items[footer..]` is the
    /// legal note, the same on every page, and last the page number. The
    /// PDF writer draws the shared part once and refers to it from every
    /// page.
    #[serde(default)]
    pub footer: usize,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Item {
    /// A run of text in one face and size.
    Text(TextRun),
    /// A straight rule.
    Line(Rule),
    /// A filled and/or stroked rectangle.
    Rect(BoxItem),
    /// A clickable area that opens a URI.
    Link(LinkArea),
}

impl Item {
    /// What the item belongs to: a structure node or an artifact.
    pub fn tag(&self) -> Tag {
        match self {
            Item::Text(t) => t.tag,
            Item::Line(r) => r.tag,
            Item::Rect(b) => b.tag,
            Item::Link(l) => l.tag,
        }
    }

    /// Sets what the item belongs to.
    pub fn set_tag(&mut self, tag: Tag) {
        match self {
            Item::Text(t) => t.tag = tag,
            Item::Line(r) => r.tag = tag,
            Item::Rect(b) => b.tag = tag,
            Item::Link(l) => l.tag = tag,
        }
    }

    /// This item belonging to `tag`.
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.set_tag(tag);
        self
    }

    /// Moves the item down by `dy` (up if negative).
    pub(crate) fn shift_y(&mut self, dy: Pt) {
        match self {
            Item::Text(t) => t.y += dy,
            Item::Link(l) => l.rect.y += dy,
            Item::Line(r) => {
                r.y1 += dy;
                r.y2 += dy;
            }
            Item::Rect(b) => b.rect.y += dy,
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
    pub fn new(meta: Meta) -> Self {
        Layout {
            pages: Vec::new(),
            outline: Vec::new(),
            signatures: Vec::new(),
            meta,
            structure: Structure::default(),
        }
    }
}

impl Meta {
    /// Document information with a title and a date; author, subject and
    /// keywords empty (set the fields to fill them).
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
    /// An empty page of this size. Its `footer` is 0: every item pushed
    /// counts as footer, which draws the same; set `footer` to the index
    /// of the first footer item (or to `items.len()`) to tell body and
    /// footer apart.
    pub fn new(size: Size) -> Self {
        Page {
            size,
            items: Vec::new(),
            footer: 0,
        }
    }
}

impl TextRun {
    /// A visible run of `text` with its left end at `x` on the baseline
    /// `y`, without word spacing. `width` is its advance, as the layout
    /// measures it (`FontSet::face(face).width(text, size)`); the PDF
    /// writer does not use it.
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
        }
    }
}

impl Rule {
    /// A rule from `(x1, y1)` to `(x2, y2)`, stroked `width` wide.
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
    pub fn page_text(&self, page: usize) -> Option<String> {
        let mut out = String::new();
        let mut last_y: Option<Pt> = None;
        for item in &self.pages.get(page)?.items {
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
            for item in &page.items {
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
                write!(f, " {:?}", t.text)
            }
            Item::Line(l) => write!(
                f,
                "line {} {} -> {} {} w={}",
                l.x1, l.y1, l.x2, l.y2, l.width
            ),
            Item::Rect(b) => {
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
        }
    }
}
