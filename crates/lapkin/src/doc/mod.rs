//! Generic document blocks: headings, paragraphs, lists, tables and a
//! signature block, knowing nothing of performance reports.
//!
//! [`build_document`] is the only code that knows both a [`Report`](crate::Report)
//! and these blocks: the wording, the order and the numbering of the
//! official document. The layout stage knows only the blocks.

mod body;
mod build;
mod closing;
mod figure;
mod front;
mod lkj;
mod tables;
mod wording;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use build::build_document;
pub use figure::{Chart, Cover, Figure, FigureContent, Series};
pub use lkj::{Contents, ContentsEntry, PageBreak};
pub(crate) use lkj::{PAGE_SLOT, for_each_text, texts};
pub(crate) use wording::check_own_text;

use crate::frame::Meta;
use crate::problem::{JsonPath, Location};
use crate::text::{Align, Span};
use crate::units::Size;

/// Where a block comes from in the input, for the messages of the later
/// stages: it names the JSON path of what the block shows
/// (`analisis[2].kendala[0].tabel.baris[4]`), or nothing for text lapkin
/// writes itself. The document builder sets it; a document built in code
/// may leave it empty or point into its own input.
///
/// It serializes as its path, an array of keys and indices, or `null`.
///
/// ```
/// use lapkin::document::Origin;
/// use lapkin::problem::JsonPath;
///
/// let origin = Origin::at(JsonPath::root().key("penutup"));
/// assert!(origin.path().unwrap() == "penutup");
/// assert!(Origin::none().path().is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Origin(Option<Arc<JsonPath>>);

impl Origin {
    /// No origin: text lapkin writes itself.
    ///
    /// ```
    /// assert!(lapkin::document::Origin::none().path().is_none());
    /// ```
    pub fn none() -> Self {
        Origin(None)
    }

    /// The value at `path` of the input.
    ///
    /// ```
    /// use lapkin::document::Origin;
    /// use lapkin::problem::JsonPath;
    ///
    /// let origin = Origin::at("analisis[0].kendala[1]".parse::<JsonPath>().unwrap());
    /// assert!(origin.path().unwrap() == "analisis[0].kendala[1]");
    /// ```
    pub fn at(path: JsonPath) -> Self {
        Origin(Some(Arc::new(path)))
    }

    /// The JSON path, if any.
    ///
    /// ```
    /// use lapkin::document::Origin;
    /// use lapkin::problem::JsonPath;
    ///
    /// let origin = Origin::at(JsonPath::root().key("rekomendasi").index(2));
    /// assert_eq!(origin.path().unwrap().to_string(), "rekomendasi[2]");
    /// ```
    pub fn path(&self) -> Option<&JsonPath> {
        self.0.as_deref()
    }

    /// Where a problem with what the block shows is: its path, else the
    /// value given (the document).
    pub(crate) fn location(&self) -> Location {
        match &self.0 {
            Some(p) => Location::Json((**p).clone()),
            None => Location::Given,
        }
    }
}

impl From<&JsonPath> for Origin {
    fn from(p: &JsonPath) -> Self {
        Origin::at(p.clone())
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.path().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Origin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<JsonPath>::deserialize(deserializer)? {
            Some(p) => Origin::at(p),
            None => Origin::none(),
        })
    }
}

/// Styled text: runs of plain, bold, italic and link text.
pub type Text = Vec<Span>;

/// A whole document: its blocks, its page footer and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Title, author and the like, for the PDF's document information.
    pub meta: Meta,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// What closes every page.
    pub footer: Footer,
}

/// What every page carries besides the body: at the foot, a titled,
/// numbered note, a running footer text and the page number; at the top,
/// a running header text. Each part may be left out (an empty title, no
/// items, no text, an empty label); with no note and no footer text, the
/// rule above the footer is left out too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Footer {
    /// The note's title, e.g. "Catatan :"; empty for none.
    pub title: String,
    /// The note's items, numbered 1., 2., ... unless `markers` says
    /// otherwise; empty for no note.
    pub items: Vec<Text>,
    /// The page label with `{page}` and `{pages}` placeholders; empty for
    /// none.
    pub page_label: String,
    /// Where the note's items come from in the input (e.g. `catatan`),
    /// named when the note leaves no room for the body.
    #[serde(default)]
    pub origin: Origin,
    /// The note's markers, one per item ("a.", "-", or "" for none);
    /// `None` numbers them 1., 2., ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markers: Option<Vec<String>>,
    /// A running footer text (the document's name), at the left of the
    /// footer's last line, or of the page label's line when there is no
    /// note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// A running header text, at the right above the body of every page,
    /// over a rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<Text>,
    /// Where the running header comes from in the input, named when it is
    /// too tall for the top margin.
    #[serde(default)]
    pub header_origin: Origin,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Block {
    /// The document title, centred.
    Title(Text),
    /// A heading, kept with what follows it.
    Heading(Heading),
    /// A paragraph.
    Paragraph(Paragraph),
    /// A list with hanging markers.
    List(List),
    /// A table.
    Table(Table),
    /// Blocks indented by one step (the content under a numbered heading).
    Indent(Vec<Block>),
    /// The closing signature block, never split, at the right. Several
    /// in a row are stacked, each kept with the one before it.
    Signature(Signature),
    /// Signature blocks side by side, as one block never split: the first
    /// at the left of the text area, the last at the right, the others
    /// evenly between; their spaces' tops aligned (the lines above each
    /// space end on one line).
    SignatureRow(Vec<Signature>),
    /// An image or a chart with its caption, kept whole on one page.
    Figure(Figure),
    /// The cover: a page of its own, without page furniture.
    Cover(Cover),
    /// What follows starts a new page (unless the page is still empty),
    /// where the page numbering may start again in another style.
    PageBreak(PageBreak),
    /// A generated list (a table of contents, a list of tables): each
    /// entry a line with dot leaders to its target's page, and a link to
    /// it.
    Contents(Contents),
    /// Blocks set on landscape pages of their own (the page's sides
    /// swapped, its margins turned with it: see
    /// [`Style::landscape`](crate::layout::Style::landscape)): the page
    /// before them ends, they start a new landscape page, and what follows
    /// them starts a new portrait page. Inside, they are laid out across
    /// the landscape text width, a table's header repeating on each of its
    /// pages as on portrait ones.
    Landscape(Vec<Block>),
}

/// A heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Heading {
    /// 1 for the sections A to D, 2 for the numbered headings under them,
    /// 3 for the sub-headings.
    pub level: u8,
    /// A hanging number such as "1.", if any.
    pub marker: Option<String>,
    /// The text.
    pub text: Text,
    /// The bookmark for the outline, if the heading gets one.
    pub bookmark: Option<Bookmark>,
    /// The part of the report it heads, e.g. `analisis[2]` or
    /// `analisis[2].kendala`.
    #[serde(default)]
    pub origin: Origin,
    /// The name links and generated lists point to it by, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Centred on the text area (a chapter's or the front matter's
    /// heading) instead of at the left.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub centered: bool,
}

/// An outline entry to make at a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bookmark {
    /// The entry's title.
    pub title: String,
    /// Its nesting level, 0 = top.
    pub level: u8,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paragraph {
    /// The text.
    pub text: Text,
    /// How lines are aligned.
    pub align: Align,
    /// Its text in the report, e.g. `analisis[0].progress[2]`; none for
    /// generated text.
    #[serde(default)]
    pub origin: Origin,
    /// Never break a page between its last line and the block after it
    /// (a paragraph that introduces a list or a table).
    #[serde(default)]
    pub keep_with_next: bool,
    /// The name links and generated lists point to it by, if any (a
    /// table's title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// A list: each item a marker and the blocks beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct List {
    /// The items.
    pub items: Vec<ListItem>,
}

/// A list item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListItem {
    /// The marker, e.g. "1.", "a.", "-".
    pub marker: String,
    /// The content, aligned right of the marker column.
    pub blocks: Vec<Block>,
    /// The item in the report, e.g. `rekomendasi[1].daftar.butir[0]`.
    #[serde(default)]
    pub origin: Origin,
}

/// A table with a header that repeats on every page it continues on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// Header rows, repeated after each page break.
    pub header: Vec<Row>,
    /// Body rows.
    pub body: Vec<Row>,
    /// A caption printed under the table.
    pub caption: Option<Text>,
    /// The table in the report, e.g. `analisis[0].progress[2].tabel` or
    /// `anggaran.rincian`.
    #[serde(default)]
    pub origin: Origin,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Column {
    /// The default alignment of its cells.
    pub align: Align,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Row {
    /// The cells, left to right; positions covered by a cell spanning from
    /// a row above are skipped, as in HTML.
    pub cells: Vec<Cell>,
    /// Never separate this row from the one before it (a Total row).
    pub keep_with_previous: bool,
    /// What the row shows, e.g. `analisis[0].kendala[1].tabel.baris[4]`
    /// or `anggaran.rincian[2]`; none for a generated row (then the
    /// table's origin is named).
    #[serde(default)]
    pub origin: Origin,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cell {
    /// The text.
    pub text: Text,
    /// Alignment, if not the column's.
    pub align: Option<Align>,
    /// Columns covered, at least 1.
    pub colspan: usize,
    /// Rows covered, at least 1.
    pub rowspan: usize,
    /// Whether a body cell is a header labelling its row (the "Total"
    /// label): tagged `TH` with the scope `Row`. Cells of header rows
    /// are column headers whatever this says.
    #[serde(default)]
    pub row_header: bool,
    /// Never break the text inside the cell: a short value such as
    /// "TW2 : 250" or "BB" stays on one line, and its column is made at
    /// least that wide (or the table's type smaller, or the table is
    /// refused), as for a figure.
    #[serde(default)]
    pub keep_whole: bool,
    /// Steps the text is indented from the cell's left padding (a sub-row
    /// under its parent), each half the style's indent.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub indent: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// The closing block: lines, the space for the signature, more lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signature {
    /// Lines above the space (place and date, position).
    pub before: Vec<Text>,
    /// The reserved space for the visual signature.
    pub space: Size,
    /// Lines below (the electronic-signature line, name, NIP).
    pub after: Vec<Text>,
    /// The tag character drawn, invisible, in the space for BSrE's signing
    /// service to find (`tag_koordinat`).
    pub tag: Option<char>,
    /// Where the block's text comes from in the input (e.g. `penutup`),
    /// named when it does not fit on a page.
    #[serde(default)]
    pub origin: Origin,
    /// Where the space's size is set in the input (e.g.
    /// `tanda_tangan.lebar_mm`), named when the space is wider than the
    /// block.
    #[serde(default)]
    pub space_origin: Origin,
    /// Where the tag is set in the input (e.g. `tanda_tangan.tag`), named
    /// when the tag also occurs in the printed text.
    #[serde(default)]
    pub tag_origin: Origin,
    /// Whether the space is reserved for an electronic signature: its box
    /// is recorded in the layout's `signatures` (with the tag), where
    /// signers and signature fields find it. `false` for a signature in
    /// ink: the space is left blank for the signature and the stamp, and
    /// nothing is recorded (no tag is drawn).
    #[serde(default = "yes")]
    pub electronic: bool,
    /// The name of the empty signature field to put over the box, if one
    /// is to be made for this signer; `None` leaves it to the PDF options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Who signs here (the signer's name), reported with the box.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer: String,
    /// Never break the last line of `after` (the NIP, "NIP. 19720315
    /// 199803 1 002"): where signers stand side by side and it is wider
    /// than its column, the row is set in smaller type (in the tables'
    /// steps, down to the tables' size) until it fits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_last: bool,
}

fn yes() -> bool {
    true
}

impl Document {
    /// A document of `blocks`, closed on every page by `footer`.
    ///
    /// ```
    /// use lapkin::Date;
    /// use lapkin::document::{Block, Document, Footer, Meta, Paragraph};
    /// use lapkin::layout::{Style, layout_document};
    /// use lapkin::model::Month;
    /// use lapkin::text::{Align, FontSet, Span};
    ///
    /// let date = Date::from_calendar_date(2025, Month::April, 10).unwrap();
    /// let doc = Document::new(
    ///     Meta::new("Nota Dinas", date),
    ///     vec![
    ///         Block::Title(vec![Span::bold("NOTA DINAS")]),
    ///         Block::Paragraph(Paragraph::new(vec![Span::plain("Dengan hormat,")], Align::Left)),
    ///     ],
    ///     Footer::new("", Vec::new(), "Halaman {page} dari {pages}"),
    /// );
    /// let fonts = FontSet::liberation_sans();
    /// let layout = layout_document(&doc, &Style::default(), &fonts).unwrap();
    /// assert_eq!(layout.page_text(0).unwrap(), "NOTA DINAS\nDengan hormat,\nHalaman 1 dari 1");
    /// ```
    pub fn new(meta: Meta, blocks: Vec<Block>, footer: Footer) -> Self {
        Document {
            meta,
            blocks,
            footer,
        }
    }
}

impl Footer {
    /// A footer: the note's title and numbered items, and the page label,
    /// where `{page}` and `{pages}` stand for the page number and count
    /// (e.g. `"Halaman {page} dari {pages}"`).
    ///
    /// ```
    /// use lapkin::document::Footer;
    /// use lapkin::text::Span;
    ///
    /// let note = vec![vec![Span::plain("Dokumen ini ditandatangani secara elektronik.")]];
    /// let footer = Footer::new("Catatan :", note, "Halaman {page} dari {pages}");
    /// assert_eq!(footer.items.len(), 1);
    /// ```
    pub fn new(title: impl Into<String>, items: Vec<Text>, page_label: impl Into<String>) -> Self {
        Footer {
            title: title.into(),
            items,
            page_label: page_label.into(),
            origin: Origin::none(),
            markers: None,
            text: None,
            header: None,
            header_origin: Origin::none(),
        }
    }

    /// This footer with the note's own markers, one per item (`"a."`,
    /// `"-"`, or `""` for none), instead of 1., 2., ...
    ///
    /// ```
    /// use lapkin::document::Footer;
    /// use lapkin::text::Span;
    ///
    /// let footer = Footer::new("Catatan :", vec![vec![Span::plain("Satu.")]], "")
    ///     .with_markers(["-"]);
    /// assert_eq!(footer.markers.unwrap(), ["-"]);
    /// ```
    pub fn with_markers<S: Into<String>>(mut self, markers: impl IntoIterator<Item = S>) -> Self {
        self.markers = Some(markers.into_iter().map(Into::into).collect());
        self
    }

    /// This footer with a running footer text (the document's name).
    ///
    /// ```
    /// use lapkin::document::Footer;
    /// use lapkin::text::Span;
    ///
    /// let footer = Footer::new("", Vec::new(), "{page}").with_text(vec![Span::plain("LKj TW I 2025")]);
    /// assert!(footer.text.is_some());
    /// ```
    pub fn with_text(mut self, text: Text) -> Self {
        self.text = Some(text);
        self
    }

    /// This footer with a running header text above the body of every
    /// page.
    ///
    /// ```
    /// use lapkin::document::Footer;
    /// use lapkin::text::Span;
    ///
    /// let footer = Footer::new("", Vec::new(), "").with_header(vec![Span::italic("Rahasia")]);
    /// assert!(footer.header.is_some());
    /// ```
    pub fn with_header(mut self, header: Text) -> Self {
        self.header = Some(header);
        self
    }

    /// This footer with the place its note comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{Footer, Origin};
    /// use lapkin::problem::JsonPath;
    ///
    /// let footer = Footer::new("", Vec::new(), "").with_origin(Origin::at(JsonPath::root().key("catatan")));
    /// assert!(footer.origin.path().unwrap() == "catatan");
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl Heading {
    /// A heading of `level` (1 for sections, 2 and 3 below them), without a
    /// marker or a bookmark ([`Heading::with_marker`] and
    /// [`Heading::with_bookmark`] add them).
    ///
    /// ```
    /// use lapkin::document::{Bookmark, Heading};
    /// use lapkin::text::Span;
    ///
    /// let h = Heading::new(1, vec![Span::bold("A. Capaian Kinerja")])
    ///     .with_marker("A.")
    ///     .with_bookmark(Bookmark::new("A. Capaian Kinerja", 0));
    /// assert_eq!(h.marker.as_deref(), Some("A."));
    /// ```
    pub fn new(level: u8, text: Text) -> Self {
        Heading {
            level,
            marker: None,
            text,
            bookmark: None,
            origin: Origin::none(),
            anchor: None,
            centered: false,
        }
    }

    /// This heading with a hanging marker such as `"1."`.
    ///
    /// ```
    /// use lapkin::document::Heading;
    /// use lapkin::text::Span;
    ///
    /// assert_eq!(Heading::new(2, vec![Span::plain("Sasaran")]).with_marker("1.").marker.unwrap(), "1.");
    /// ```
    pub fn with_marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// This heading with an entry in the outline.
    ///
    /// ```
    /// use lapkin::document::{Bookmark, Heading};
    /// use lapkin::text::Span;
    ///
    /// let h = Heading::new(1, vec![Span::plain("Penutup")]).with_bookmark(Bookmark::new("Penutup", 0));
    /// assert_eq!(h.bookmark.unwrap().title, "Penutup");
    /// ```
    pub fn with_bookmark(mut self, bookmark: Bookmark) -> Self {
        self.bookmark = Some(bookmark);
        self
    }

    /// This heading with the part of the input it heads.
    ///
    /// ```
    /// use lapkin::document::{Heading, Origin};
    /// use lapkin::problem::JsonPath;
    /// use lapkin::text::Span;
    ///
    /// let at = Origin::at(JsonPath::root().key("analisis").index(0));
    /// assert!(Heading::new(2, vec![Span::plain("IKK 1.1")]).with_origin(at).origin.path().is_some());
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl Bookmark {
    /// An outline entry titled `title` at `level` (0 = top).
    ///
    /// ```
    /// let b = lapkin::document::Bookmark::new("B. Analisis", 0);
    /// assert_eq!((b.title.as_str(), b.level), ("B. Analisis", 0));
    /// ```
    pub fn new(title: impl Into<String>, level: u8) -> Self {
        Bookmark {
            title: title.into(),
            level,
        }
    }
}

impl Paragraph {
    /// A paragraph aligned `align`, with no origin (generated text), free
    /// to end a page.
    ///
    /// ```
    /// use lapkin::document::Paragraph;
    /// use lapkin::text::{Align, Span};
    ///
    /// let p = Paragraph::new(vec![Span::plain("Capaian "), Span::bold("95%")], Align::Justify);
    /// assert_eq!(p.text.len(), 2);
    /// ```
    pub fn new(text: Text, align: Align) -> Self {
        Paragraph {
            text,
            align,
            origin: Origin::none(),
            keep_with_next: false,
            anchor: None,
        }
    }

    /// This paragraph, never separated by a page break from the block
    /// after it (it introduces a list or a table).
    ///
    /// ```
    /// use lapkin::document::Paragraph;
    /// use lapkin::text::{Align, Span};
    ///
    /// let p = Paragraph::new(vec![Span::plain("sebagai berikut:")], Align::Left).kept_with_next();
    /// assert!(p.keep_with_next);
    /// ```
    pub fn kept_with_next(mut self) -> Self {
        self.keep_with_next = true;
        self
    }

    /// This paragraph with the place its text comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{Origin, Paragraph};
    /// use lapkin::problem::JsonPath;
    /// use lapkin::text::{Align, Span};
    ///
    /// let at = Origin::at(JsonPath::root().key("rekomendasi").index(0));
    /// let p = Paragraph::new(vec![Span::plain("Teks.")], Align::Left).with_origin(at);
    /// assert!(p.origin.path().unwrap() == "rekomendasi[0]");
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl List {
    /// A list of `items`.
    ///
    /// ```
    /// use lapkin::document::{Block, List, ListItem, Paragraph};
    /// use lapkin::text::{Align, Span};
    ///
    /// let item = |m: &str, t: &str| {
    ///     ListItem::new(m, vec![Block::Paragraph(Paragraph::new(vec![Span::plain(t)], Align::Left))])
    /// };
    /// let list = List::new(vec![item("1.", "Satu."), item("2.", "Dua.")]);
    /// assert_eq!(list.items[1].marker, "2.");
    /// ```
    pub fn new(items: Vec<ListItem>) -> Self {
        List { items }
    }
}

impl ListItem {
    /// A list item: its marker (e.g. "1.", "a.", "-") and its content.
    ///
    /// ```
    /// use lapkin::document::{Block, ListItem, Paragraph};
    /// use lapkin::text::{Align, Span};
    ///
    /// let para = Paragraph::new(vec![Span::plain("Pendampingan.")], Align::Justify);
    /// let item = ListItem::new("a.", vec![Block::Paragraph(para)]);
    /// assert_eq!(item.blocks.len(), 1);
    /// ```
    pub fn new(marker: impl Into<String>, blocks: Vec<Block>) -> Self {
        ListItem {
            marker: marker.into(),
            blocks,
            origin: Origin::none(),
        }
    }

    /// This item with the place it comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{ListItem, Origin};
    /// use lapkin::problem::JsonPath;
    ///
    /// let at = Origin::at("rekomendasi[1].daftar.butir[0]".parse::<JsonPath>().unwrap());
    /// assert!(ListItem::new("1.", Vec::new()).with_origin(at).origin.path().is_some());
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl Table {
    /// A table of `columns` with `header` rows (repeated on every page it
    /// continues on) and `body` rows; no caption and no origin. Each row
    /// must fill the columns (with its cells' spans and the cells spanning
    /// down from rows above), else
    /// [`layout_document`](crate::layout::layout_document) refuses the
    /// table rather than drop text.
    ///
    /// ```
    /// use lapkin::document::{Cell, Column, Row, Table};
    /// use lapkin::text::{Align, Span};
    ///
    /// let cell = |t: &str| Cell::new(vec![Span::plain(t)]);
    /// let table = Table::new(
    ///     vec![Column::new(Align::Left), Column::new(Align::Right)],
    ///     vec![Row::new(vec![cell("Jenjang"), cell("Jumlah")])],
    ///     vec![Row::new(vec![cell("SD"), cell("120")])],
    /// )
    /// .with_caption(vec![Span::plain("Satuan pendidikan per jenjang")]);
    /// assert_eq!(table.body.len(), 1);
    /// ```
    pub fn new(columns: Vec<Column>, header: Vec<Row>, body: Vec<Row>) -> Self {
        Table {
            columns,
            header,
            body,
            caption: None,
            origin: Origin::none(),
        }
    }

    /// This table with a caption printed under it.
    ///
    /// ```
    /// use lapkin::document::Table;
    /// use lapkin::text::Span;
    ///
    /// let t = Table::new(Vec::new(), Vec::new(), Vec::new()).with_caption(vec![Span::plain("Tabel 1")]);
    /// assert!(t.caption.is_some());
    /// ```
    pub fn with_caption(mut self, caption: Text) -> Self {
        self.caption = Some(caption);
        self
    }

    /// This table with the place it comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{Origin, Table};
    /// use lapkin::problem::JsonPath;
    ///
    /// let at = Origin::at("anggaran.rincian".parse::<JsonPath>().unwrap());
    /// let t = Table::new(Vec::new(), Vec::new(), Vec::new()).with_origin(at);
    /// assert!(t.origin.path().unwrap() == "anggaran.rincian");
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// Header rows for columns whose headings are grouped: each column's
    /// heading is a path of labels, its groups first (outermost first) and
    /// its own label last (`[["No"], ["TW III", "Target"], ["TW III",
    /// "Realisasi"]]`). Neighbouring columns whose paths begin alike share
    /// a cell spanning them ("TW III" over Target and Realisasi); a
    /// column's own label spans down to the last header row ("No" over
    /// both rows). Columns without groups give one row. An empty path
    /// counts as one empty label. Each cell is centred.
    ///
    /// ```
    /// use lapkin::document::Table;
    /// use lapkin::text::Span;
    ///
    /// let t = |s: &str| vec![Span::bold(s)];
    /// let rows = Table::grouped_header(&[
    ///     vec![t("No")],
    ///     vec![t("TW III"), t("Target")],
    ///     vec![t("TW III"), t("Realisasi")],
    /// ]);
    /// assert_eq!(rows.len(), 2);
    /// assert_eq!((rows[0].cells[0].rowspan, rows[0].cells[1].colspan), (2, 2));
    /// assert_eq!(rows[1].cells.len(), 2);
    /// ```
    pub fn grouped_header(columns: &[Vec<Text>]) -> Vec<Row> {
        let depth = columns.iter().map(|p| p.len().max(1)).max().unwrap_or(1);
        let mut rows: Vec<Row> = (0..depth).map(|_| Row::new(Vec::new())).collect();
        let label = |p: &[Text], l: usize| p.get(l).cloned().unwrap_or_default();
        for (c, path) in columns.iter().enumerate() {
            let n = path.len().max(1);
            for (l, row) in rows.iter_mut().enumerate().take(n) {
                // A group's cell starts at the first column of the group.
                let own = l + 1 == n;
                let continues = !own
                    && c > 0
                    && columns[c - 1].len() > l + 1
                    && columns[c - 1][..=l] == path[..=l];
                if continues {
                    if let Some(cell) = row.cells.last_mut() {
                        cell.colspan += 1;
                    }
                    continue;
                }
                row.cells.push(Cell {
                    align: Some(Align::Center),
                    rowspan: if own { depth - l } else { 1 },
                    ..Cell::new(label(path, l))
                });
            }
        }
        rows
    }
}

impl Column {
    /// A column whose cells are aligned `align` unless they say otherwise.
    ///
    /// ```
    /// use lapkin::document::Column;
    /// use lapkin::text::Align;
    ///
    /// assert_eq!(Column::new(Align::Right).align, Align::Right);
    /// ```
    pub fn new(align: Align) -> Self {
        Column { align }
    }
}

impl Row {
    /// A row of `cells`, free to be separated from the row before it.
    ///
    /// ```
    /// use lapkin::document::{Cell, Row};
    /// use lapkin::text::Span;
    ///
    /// let total = Row::new(vec![Cell::new(vec![Span::bold("Total")]).as_row_header()])
    ///     .kept_with_previous();
    /// assert!(total.keep_with_previous && total.cells[0].row_header);
    /// ```
    pub fn new(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            keep_with_previous: false,
            origin: Origin::none(),
        }
    }

    /// This row, never separated by a page break from the row before it
    /// (a Total row).
    ///
    /// ```
    /// assert!(lapkin::document::Row::new(Vec::new()).kept_with_previous().keep_with_previous);
    /// ```
    pub fn kept_with_previous(mut self) -> Self {
        self.keep_with_previous = true;
        self
    }

    /// This row with the place it comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{Origin, Row};
    /// use lapkin::problem::JsonPath;
    ///
    /// let at = Origin::at("anggaran.rincian[2]".parse::<JsonPath>().unwrap());
    /// assert!(Row::new(Vec::new()).with_origin(at).origin.path().is_some());
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

impl Cell {
    /// A one-by-one cell, aligned as its column.
    ///
    /// ```
    /// use lapkin::document::Cell;
    /// use lapkin::text::{Align, Span};
    ///
    /// let cell = Cell::new(vec![Span::plain("TW III")]).with_align(Align::Center).with_span(2, 1);
    /// assert_eq!((cell.colspan, cell.rowspan), (2, 1));
    /// ```
    pub fn new(text: Text) -> Self {
        Cell {
            text,
            align: None,
            colspan: 1,
            rowspan: 1,
            row_header: false,
            keep_whole: false,
            indent: 0,
        }
    }

    /// This cell aligned `align`, whatever its column says.
    ///
    /// ```
    /// use lapkin::document::Cell;
    /// use lapkin::text::{Align, Span};
    ///
    /// assert_eq!(Cell::new(vec![Span::plain("1")]).with_align(Align::Right).align, Some(Align::Right));
    /// ```
    pub fn with_align(mut self, align: Align) -> Self {
        self.align = Some(align);
        self
    }

    /// This cell covering `columns` columns and `rows` rows (each at
    /// least 1).
    ///
    /// ```
    /// use lapkin::document::Cell;
    ///
    /// let cell = Cell::new(Vec::new()).with_span(1, 3);
    /// assert_eq!(cell.rowspan, 3);
    /// ```
    pub fn with_span(mut self, columns: usize, rows: usize) -> Self {
        self.colspan = columns;
        self.rowspan = rows;
        self
    }

    /// This cell as the header of its row (the "Total" label).
    ///
    /// ```
    /// use lapkin::document::Cell;
    /// use lapkin::text::Span;
    ///
    /// assert!(Cell::new(vec![Span::bold("Total")]).as_row_header().row_header);
    /// ```
    pub fn as_row_header(mut self) -> Self {
        self.row_header = true;
        self
    }

    /// This cell's text never broken (a short value such as "TW2 : 250").
    ///
    /// ```
    /// use lapkin::document::Cell;
    /// use lapkin::text::Span;
    ///
    /// assert!(Cell::new(vec![Span::plain("TW2 : 250")]).kept_whole().keep_whole);
    /// ```
    pub fn kept_whole(mut self) -> Self {
        self.keep_whole = true;
        self
    }
}

impl Signature {
    /// A closing block: the lines `before` the reserved `space`, and those
    /// `after` it; electronic, no tag.
    ///
    /// ```
    /// use lapkin::document::Signature;
    /// use lapkin::layout::{Pt, Size};
    /// use lapkin::text::Span;
    ///
    /// let space = Size::new(Pt::from_mm(35.0), Pt::from_mm(20.0));
    /// let sig = Signature::new(
    ///     vec![vec![Span::plain("Kota Contoh, 10 April 2025")], vec![Span::plain("Kepala,")]],
    ///     space,
    ///     vec![vec![Span::plain("Dr. Nama Pejabat")]],
    /// )
    /// .with_tag('^')
    /// .with_signer("Dr. Nama Pejabat");
    /// assert!(sig.electronic && sig.tag == Some('^'));
    /// ```
    pub fn new(before: Vec<Text>, space: Size, after: Vec<Text>) -> Self {
        Signature {
            before,
            space,
            after,
            tag: None,
            origin: Origin::none(),
            space_origin: Origin::none(),
            tag_origin: Origin::none(),
            electronic: true,
            field: None,
            signer: String::new(),
            keep_last: false,
        }
    }

    /// This block with the tag character drawn, invisible, in the space
    /// for BSrE's signing service to find.
    ///
    /// ```
    /// use lapkin::document::Signature;
    /// use lapkin::layout::Size;
    ///
    /// assert_eq!(Signature::new(Vec::new(), Size::default(), Vec::new()).with_tag('#').tag, Some('#'));
    /// ```
    pub fn with_tag(mut self, tag: char) -> Self {
        self.tag = Some(tag);
        self
    }

    /// This block for a signature in ink: the space is left blank, and no
    /// box is recorded nor tag drawn.
    ///
    /// ```
    /// use lapkin::document::Signature;
    /// use lapkin::layout::Size;
    ///
    /// assert!(!Signature::new(Vec::new(), Size::default(), Vec::new()).in_ink().electronic);
    /// ```
    pub fn in_ink(mut self) -> Self {
        self.electronic = false;
        self
    }

    /// This block with an empty signature field of this name over its box.
    ///
    /// ```
    /// use lapkin::document::Signature;
    /// use lapkin::layout::Size;
    ///
    /// let sig = Signature::new(Vec::new(), Size::default(), Vec::new()).with_field("ttd_kepala");
    /// assert_eq!(sig.field.as_deref(), Some("ttd_kepala"));
    /// ```
    pub fn with_field(mut self, name: impl Into<String>) -> Self {
        self.field = Some(name.into());
        self
    }

    /// This block signed by `name`, reported with its box.
    ///
    /// ```
    /// use lapkin::document::Signature;
    /// use lapkin::layout::Size;
    ///
    /// let sig = Signature::new(Vec::new(), Size::default(), Vec::new()).with_signer("Dr. Nama");
    /// assert_eq!(sig.signer, "Dr. Nama");
    /// ```
    pub fn with_signer(mut self, name: impl Into<String>) -> Self {
        self.signer = name.into();
        self
    }

    /// This block with the place its text comes from in the input.
    ///
    /// ```
    /// use lapkin::document::{Origin, Signature};
    /// use lapkin::layout::Size;
    /// use lapkin::problem::JsonPath;
    ///
    /// let at = Origin::at(JsonPath::root().key("penutup"));
    /// let sig = Signature::new(Vec::new(), Size::default(), Vec::new()).with_origin(at);
    /// assert!(sig.origin.path().unwrap() == "penutup");
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document serialized before the blocks carried their keep flag
    /// and paths still reads, with the flag off and the paths empty.
    #[test]
    fn blocks_without_the_newer_fields_read_with_their_defaults() {
        let p: Block = serde_json::from_str(
            r#"{"Paragraph": {"text": [], "align": "Justify", "origin": ["x"]}}"#,
        )
        .unwrap();
        let Block::Paragraph(p) = p else { panic!() };
        assert!(!p.keep_with_next);
        let s: Signature = serde_json::from_str(
            r##"{"before": [], "space": {"width": 10.0, "height": 5.0}, "after": [], "tag": "#"}"##,
        )
        .unwrap();
        assert_eq!((s.origin, s.space_origin, s.tag_origin), Default::default());
        let f: Footer =
            serde_json::from_str(r#"{"title": "", "items": [], "page_label": ""}"#).unwrap();
        assert!(f.origin.path().is_none());
    }
}
