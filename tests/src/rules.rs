//! The layout's rules, one small document each, built in code and laid out
//! on a small page, its body dumped one line per item
//! ([`Layout::page_dump`]: no tags, no footer) and compared with a
//! snapshot a reviewer can read beside the rule. The documents use only
//! the public API (`lapkin::document`, `lapkin::layout`), as a caller's
//! tests would.
//!
//! Each dump line is `text x y face+size "text"` (x and y from the page's
//! top-left corner, the baseline), `line x1 y1 x2 y2 width` or
//! `rect x y w h`, two decimals.

use lapkin::Date;
use lapkin::document::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, List, ListItem, Meta, Paragraph, Row,
    Signature, Table, Text,
};
use lapkin::layout::{Layout, Pt, Sides, Size, Style, layout_document};
use lapkin::model::Month;
use lapkin::text::{Align, FontSet, Span};

/// A page of 240 × 200 pt with margins of 20 pt: a few lines a page.
fn small_page() -> Style {
    Style::default()
        .with_page(Size::new(Pt(240.0), Pt(200.0)))
        .with_margin(Sides::all(Pt(20.0)))
        .with_signature_width(Pt(120.0))
}

fn text(s: &str) -> Text {
    vec![Span::plain(s)]
}

fn para(s: &str) -> Block {
    Block::Paragraph(Paragraph::new(text(s), Align::Justify))
}

fn cell(s: &str) -> Cell {
    Cell::new(text(s))
}

/// `blocks` laid out on small pages, without a footer.
fn lay_out(blocks: Vec<Block>) -> Layout {
    lay_out_with(blocks, &small_page())
}

/// `blocks` laid out with `style`, without a footer.
fn lay_out_with(blocks: Vec<Block>, style: &Style) -> Layout {
    let date = Date::from_calendar_date(2025, Month::April, 10).unwrap();
    let doc = Document::new(
        Meta::new("Aturan", date),
        blocks,
        Footer::new("", Vec::new(), ""),
    );
    layout_document(&doc, style, &FontSet::liberation_sans()).unwrap()
}

/// Every page's body, each under a `page n` line.
fn dump(layout: &Layout) -> String {
    (0..layout.pages.len())
        .map(|p| format!("page {}\n{}", p + 1, layout.page_dump(p).unwrap()))
        .collect()
}

/// Justified text fills the line but the last; a word that does not fit
/// goes to the next line (here none is hyphenated: the lines are loose
/// enough).
#[test]
fn a_paragraph_is_justified_but_its_last_line() {
    let layout = lay_out(vec![para(
        "Pada triwulan pertama telah dilaksanakan pendampingan penjaminan mutu \
         kepada satuan pendidikan.",
    )]);
    insta::assert_snapshot!(dump(&layout));
}

/// A list's markers hang in their own column, the text aligned right of
/// the widest; a nested list is indented under its item's text.
#[test]
fn list_markers_hang_and_nested_lists_indent() {
    let item = |marker: &str, blocks: Vec<Block>| ListItem::new(marker, blocks);
    let inner = List::new(vec![
        item("a.", vec![para("rapor pendidikan;")]),
        item("b.", vec![para("rencana kerja.")]),
    ]);
    let layout = lay_out(vec![Block::List(List::new(vec![
        item("1.", vec![para("Pendampingan:"), Block::List(inner)]),
        item("10.", vec![para("Bimbingan teknis.")]),
    ]))]);
    insta::assert_snapshot!(dump(&layout));
}

/// A heading is never the last thing on a page: when the paragraph after
/// it does not start on the page, the heading moves with it.
#[test]
fn a_heading_moves_to_the_page_of_what_it_heads() {
    let filler = "Baris pengisi halaman yang cukup panjang untuk dua baris teks.";
    let heading = Heading::new(1, vec![Span::bold("B. Analisis")])
        .with_marker("B.")
        .with_bookmark(Bookmark::new("B. Analisis", 0));
    let before = vec![
        para(filler),
        para(filler),
        para(filler),
        para("Satu baris lagi."),
    ];
    // Alone, the heading would fit at the foot of page 1.
    let alone = lay_out([before.clone(), vec![Block::Heading(heading.clone())]].concat());
    assert_eq!(alone.outline[0].page, 1);
    let layout = lay_out([before, vec![Block::Heading(heading), para("Isi bagian B.")]].concat());
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(
        layout.outline[0].page, 2,
        "the bookmark follows the heading"
    );
    insta::assert_snapshot!(dump(&layout));
}

/// A table's header rows are repeated on every page it continues on, and
/// a Total row is never separated from the row before it.
#[test]
fn table_headers_repeat_and_the_total_keeps_with_its_row() {
    let columns = vec![Column::new(Align::Left), Column::new(Align::Right)];
    let header = vec![Row::new(vec![cell("Jenjang"), cell("Jumlah")])];
    let mut body: Vec<Row> = (1..=9)
        .map(|i| Row::new(vec![cell(&format!("Jenjang {i}")), cell(&format!("{i}0"))]))
        .collect();
    body.push(
        Row::new(vec![
            Cell::new(vec![Span::bold("Total")]).as_row_header(),
            cell("450"),
        ])
        .kept_with_previous(),
    );
    let layout = lay_out(vec![Block::Table(Table::new(columns, header, body))]);
    assert!(layout.pages.len() >= 2);
    for p in 0..layout.pages.len() {
        let page = layout.page_text(p).unwrap();
        assert!(page.starts_with("JenjangJumlah"), "page {}: {page}", p + 1);
    }
    insta::assert_snapshot!(dump(&layout));
}

/// Grouped column headings: a group's cell spans its columns, a column's
/// own label spans down the header rows.
#[test]
fn grouped_headings_span_their_columns_and_rows() {
    let columns = vec![
        Column::new(Align::Left),
        Column::new(Align::Right),
        Column::new(Align::Right),
    ];
    let header = Table::grouped_header(&[
        vec![text("No")],
        vec![text("TW I"), text("Target")],
        vec![text("TW I"), text("Realisasi")],
    ]);
    let body = vec![Row::new(vec![cell("1"), cell("20"), cell("22")])];
    let layout = lay_out(vec![Block::Table(Table::new(columns, header, body))]);
    insta::assert_snapshot!(dump(&layout));
}

/// A paragraph that introduces a list or a table is never the last thing
/// on a page.
#[test]
fn a_paragraph_kept_with_the_next_block_moves_with_it() {
    let filler = "Baris pengisi halaman yang cukup panjang untuk dua baris teks.";
    let intro = Paragraph::new(text("sebagai berikut:"), Align::Left);
    let list = Block::List(List::new(vec![ListItem::new("1.", vec![para("Satu.")])]));
    let before = vec![
        para(filler),
        para(filler),
        para(filler),
        para("Satu baris lagi."),
    ];
    // Not kept, the paragraph ends page 1.
    let free = lay_out(
        [
            before.clone(),
            vec![Block::Paragraph(intro.clone()), list.clone()],
        ]
        .concat(),
    );
    assert!(free.page_text(0).unwrap().ends_with("sebagai berikut:"));
    let kept = Block::Paragraph(intro.kept_with_next());
    let layout = lay_out([before, vec![kept, list]].concat());
    let second = layout.page_text(1).unwrap();
    assert!(second.starts_with("sebagai berikut:"), "{second}");
    insta::assert_snapshot!(dump(&layout));
}

/// The closing block sits at the right and is never split: the space for
/// the signature between its lines, all on one page.
#[test]
fn the_signature_block_is_whole_at_the_right() {
    let space = Size::new(Pt::from_mm(30.0), Pt::from_mm(15.0));
    let signature = Signature::new(
        vec![text("Kota Contoh, 10 April 2025"), text("Kepala,")],
        space,
        vec![text("Nama Pejabat")],
    )
    .with_signer("Nama Pejabat");
    let style = small_page().with_page(Size::new(Pt(240.0), Pt(300.0)));
    let layout = lay_out_with(
        vec![para("Demikian laporan ini."), Block::Signature(signature)],
        &style,
    );
    assert_eq!((layout.pages.len(), layout.signatures.len()), (1, 1));
    insta::assert_snapshot!(dump(&layout));
}
