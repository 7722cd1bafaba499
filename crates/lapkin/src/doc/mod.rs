//! Generic document blocks: headings, paragraphs, lists, tables and a
//! signature block, knowing nothing of performance reports.
//!
//! [`build_document`] is the only code that knows both a [`Report`](crate::Report)
//! and these blocks: the wording, the order and the numbering of the
//! official document. The layout stage knows only the blocks.

mod build;

use serde::{Deserialize, Serialize};

pub use build::build_document;
pub(crate) use build::check_own_text;

use crate::frame::Meta;
use crate::text::{Align, Span};
use crate::units::Size;

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
    /// named in the message when the note leaves no room for the body;
    /// empty if none.
    #[serde(default)]
    pub path: String,
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
    /// too tall for the top margin; empty if none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub header_path: String,
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
    /// The JSON path of the part of the report it heads, e.g.
    /// `analisis[2]` or `analisis[2].kendala`, for error messages; empty
    /// if none.
    #[serde(default)]
    pub path: String,
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
    /// The JSON path of its text in the report, e.g.
    /// `analisis[0].progress[2]`; empty for generated text.
    pub path: String,
    /// Never break a page between its last line and the block after it
    /// (a paragraph that introduces a list or a table).
    #[serde(default)]
    pub keep_with_next: bool,
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
    /// The JSON path of the item in the report, e.g.
    /// `rekomendasi[1].daftar.butir[0]`, for error messages; empty if none.
    #[serde(default)]
    pub path: String,
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
    /// The JSON path of the table in the report, e.g.
    /// `analisis[0].progress[2].tabel` or `anggaran.rincian`, for error
    /// messages; empty if it has none.
    pub path: String,
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
    /// The JSON path of what the row shows, e.g.
    /// `analisis[0].kendala[1].tabel.baris[4]` or `anggaran.rincian[2]`,
    /// for error messages; empty for a generated row (then the table's
    /// path is named).
    #[serde(default)]
    pub path: String,
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
}

impl Cell {
    /// A one-by-one cell.
    pub fn new(text: Text) -> Self {
        Cell {
            text,
            align: None,
            colspan: 1,
            rowspan: 1,
            row_header: false,
            keep_whole: false,
        }
    }
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
    /// named when it does not fit on a page; empty if none.
    #[serde(default)]
    pub path: String,
    /// Where the width of the space is set in the input (e.g.
    /// `tanda_tangan.lebar_mm`), named when the space is wider than the
    /// block; empty if none.
    #[serde(default)]
    pub width_path: String,
    /// Where the tag is set in the input (e.g. `tanda_tangan.tag`), named
    /// when the tag also occurs in the printed text; empty if none.
    #[serde(default)]
    pub tag_path: String,
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
}

fn yes() -> bool {
    true
}

impl Document {
    /// A document of `blocks`, closed on every page by `footer`.
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
    pub fn new(title: impl Into<String>, items: Vec<Text>, page_label: impl Into<String>) -> Self {
        Footer {
            title: title.into(),
            items,
            page_label: page_label.into(),
            path: String::new(),
            markers: None,
            text: None,
            header: None,
            header_path: String::new(),
        }
    }
}

impl Heading {
    /// A heading of `level` (1 for sections, 2 and 3 below them), without a
    /// marker or a bookmark (set `marker` and `bookmark` to add them).
    pub fn new(level: u8, text: Text) -> Self {
        Heading {
            level,
            marker: None,
            text,
            bookmark: None,
            path: String::new(),
        }
    }
}

impl Bookmark {
    /// An outline entry titled `title` at `level` (0 = top).
    pub fn new(title: impl Into<String>, level: u8) -> Self {
        Bookmark {
            title: title.into(),
            level,
        }
    }
}

impl Paragraph {
    /// A paragraph aligned `align`, with no JSON path (generated text),
    /// free to end a page.
    pub fn new(text: Text, align: Align) -> Self {
        Paragraph {
            text,
            align,
            path: String::new(),
            keep_with_next: false,
        }
    }
}

impl List {
    /// A list of `items`.
    pub fn new(items: Vec<ListItem>) -> Self {
        List { items }
    }
}

impl ListItem {
    /// A list item: its marker (e.g. "1.", "a.", "-") and its content.
    pub fn new(marker: impl Into<String>, blocks: Vec<Block>) -> Self {
        ListItem {
            marker: marker.into(),
            blocks,
            path: String::new(),
        }
    }
}

impl Table {
    /// A table of `columns` with `header` rows (repeated on every page it
    /// continues on) and `body` rows; no caption and no JSON path.
    pub fn new(columns: Vec<Column>, header: Vec<Row>, body: Vec<Row>) -> Self {
        Table {
            columns,
            header,
            body,
            caption: None,
            path: String::new(),
        }
    }

    /// Header rows for columns whose headings are grouped: each column's
    /// heading is a path of labels, its groups first (outermost first) and
    /// its own label last (`[["No"], ["TW III", "Target"], ["TW III",
    /// "Realisasi"]]`). Neighbouring columns whose paths begin alike share
    /// a cell spanning them ("TW III" over Target and Realisasi); a
    /// column's own label spans down to the last header row ("No" over
    /// both rows). Columns without groups give one row. An empty path
    /// counts as one empty label. Each cell is centred.
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
    pub fn new(align: Align) -> Self {
        Column { align }
    }
}

impl Row {
    /// A row of `cells`, free to be separated from the row before it.
    pub fn new(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            keep_with_previous: false,
            path: String::new(),
        }
    }
}

impl Signature {
    /// A closing block: the lines `before` the reserved `space`, and those
    /// `after` it; electronic, no tag.
    pub fn new(before: Vec<Text>, space: Size, after: Vec<Text>) -> Self {
        Signature {
            before,
            space,
            after,
            tag: None,
            path: String::new(),
            width_path: String::new(),
            tag_path: String::new(),
            electronic: true,
            field: None,
            signer: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document serialized before the blocks carried their keep flag
    /// and paths still reads, with the flag off and the paths empty.
    #[test]
    fn blocks_without_the_newer_fields_read_with_their_defaults() {
        let p: Block =
            serde_json::from_str(r#"{"Paragraph": {"text": [], "align": "Justify", "path": "x"}}"#)
                .unwrap();
        let Block::Paragraph(p) = p else { panic!() };
        assert!(!p.keep_with_next);
        let s: Signature = serde_json::from_str(
            r##"{"before": [], "space": {"width": 10.0, "height": 5.0}, "after": [], "tag": "#"}"##,
        )
        .unwrap();
        assert_eq!((s.path, s.width_path, s.tag_path), Default::default());
        let f: Footer =
            serde_json::from_str(r#"{"title": "", "items": [], "page_label": ""}"#).unwrap();
        assert!(f.path.is_empty());
    }
}
