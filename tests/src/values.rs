//! Values a caller can build, arbitrary: `Layout`s, `Document`s and
//! `Style`s, for the property tests (`arbitrary_values` in the suite)
//! and the `arbitrary_values` fuzz target; and what must hold when the
//! later stages take them.
//!
//! Everything is drawn from an [`Unstructured`](arbitrary::Unstructured); `one_in` sets how often
//! a choice is hostile (NaN, infinities, huge and negative numbers, pages
//! and indices out of range, characters the font lacks, deep nesting,
//! tables whose rows do not match their columns): about one choice in
//! `one_in`, never if it is 0. Most values are sensible, so that the
//! writer and the layout are reached deeply, not refused at their checks.

use arbitrary::{Result, Unstructured};
use lapkin::problem::{JsonPath, Location, Segment};
use lapkin::{
    Date, Error,
    document::{
        Block, Cell, Column, Document, Footer, Heading, List, ListItem, Meta, Origin, Paragraph,
        Row, Signature, Table,
    },
    layout::{
        BoxItem, Item, Layout, LinkArea, OutlineEntry, Page, PageFooter, Pt, Rect, Rule,
        SignatureBox, Size, Style, TextRun,
    },
    pdf::PdfOptions,
    text::{Align, Face, FontSet, Span, SpanStyle},
};

/// Ordinary words, with the characters of the reference report.
const WORDS: &[&str] = &[
    "kegiatan",
    "pendidikan",
    "mutu",
    "sekolah",
    "Rp",
    "1.234.567,89",
    "≤",
    "100%",
    "“capaian”",
    "–",
    "é",
    "(A)",
    "Halaman",
];

/// Text a font may lack, or that tests the edges: CJK, emoji, a control
/// character, a soft hyphen, combining marks, a bidi control, nothing.
const HOSTILE_TEXTS: &[&str] = &[
    "漢字",
    "😀",
    "a\u{0}b",
    "x\u{AD}y",
    "e\u{301}\u{302}\u{303}",
    "\u{202E}abc",
    "",
    " ",
    "\n",
    "\t",
    "\u{FFFF}",
];

/// A number that breaks arithmetic: NaN, infinities, huge, tiny, zero,
/// negative.
const HOSTILE_NUMBERS: &[f64] = &[
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    -1.0,
    -1e9,
    1e300,
    -1e300,
    f64::MIN_POSITIVE,
    1e-9,
    1e7,
    f64::MAX,
];

/// Whether to take the hostile branch: about one choice in `one_in`.
/// Never if `one_in` is 0.
fn hostile(u: &mut Unstructured<'_>, one_in: u8) -> Result<bool> {
    if one_in == 0 {
        return Ok(false);
    }
    Ok(u.int_in_range(0..=one_in - 1)? == 0)
}

/// A number in `range` mostly, a hostile one one time in `one_in`.
fn number(
    u: &mut Unstructured<'_>,
    range: std::ops::RangeInclusive<f64>,
    one_in: u8,
) -> Result<f64> {
    if hostile(u, one_in)? {
        return Ok(*u.choose(HOSTILE_NUMBERS)?);
    }
    let t = f64::from(u.int_in_range(0..=1000u16)?) / 1000.0;
    Ok(range.start() + (range.end() - range.start()) * t)
}

fn pt(u: &mut Unstructured<'_>, range: std::ops::RangeInclusive<f64>, one_in: u8) -> Result<Pt> {
    Ok(Pt(number(u, range, one_in)?))
}

/// A few words, now and then hostile text.
fn words(u: &mut Unstructured<'_>, max: usize, one_in: u8) -> Result<String> {
    let n = u.int_in_range(0..=max)?;
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        if hostile(u, one_in)? {
            out.push_str(u.choose(HOSTILE_TEXTS)?);
        } else {
            out.push_str(u.choose(WORDS)?);
        }
    }
    Ok(out)
}

fn face(u: &mut Unstructured<'_>) -> Result<Face> {
    Ok(*u.choose(&[Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic])?)
}

fn rect(u: &mut Unstructured<'_>, one_in: u8) -> Result<Rect> {
    Ok(Rect::new(
        pt(u, 0.0..=600.0, one_in)?,
        pt(u, 0.0..=850.0, one_in)?,
        pt(u, 0.0..=300.0, one_in)?,
        pt(u, 0.0..=300.0, one_in)?,
    ))
}

/// A page number of a layout of `pages` pages: mostly one of them, now
/// and then 0, one past the end or huge.
fn page_number(u: &mut Unstructured<'_>, pages: usize, one_in: u8) -> Result<usize> {
    if pages == 0 || hostile(u, one_in)? {
        return Ok(*u.choose(&[0, pages + 1, pages + 7, usize::MAX])?);
    }
    u.int_in_range(1..=pages)
}

fn date(u: &mut Unstructured<'_>, one_in: u8) -> Result<Date> {
    let year = if hostile(u, one_in)? {
        *u.choose(&[-9999, -1, 0, 1, 9999])?
    } else {
        u.int_in_range(2020..=2030)?
    };
    let day = u.int_in_range(1..=365)?;
    Ok(Date::from_ordinal_date(year, day).expect("day 1 to 365 of any year exists"))
}

fn item(u: &mut Unstructured<'_>, one_in: u8) -> Result<Item> {
    Ok(match u.int_in_range(0..=5)? {
        0..=2 => {
            let mut t = TextRun::new(
                pt(u, 0.0..=560.0, one_in)?,
                pt(u, 0.0..=840.0, one_in)?,
                face(u)?,
                pt(u, 5.0..=20.0, one_in)?,
                words(u, 6, one_in)?,
                pt(u, 0.0..=400.0, one_in)?,
            );
            if u.ratio(1, 4)? {
                t.word_spacing = pt(u, 0.0..=5.0, one_in)?;
            }
            t.invisible = u.ratio(1, 16)?;
            Item::Text(t)
        }
        3 => Item::Rule(Rule::new(
            pt(u, 0.0..=600.0, one_in)?,
            pt(u, 0.0..=850.0, one_in)?,
            pt(u, 0.0..=600.0, one_in)?,
            pt(u, 0.0..=850.0, one_in)?,
            pt(u, 0.0..=2.0, one_in)?,
        )),
        4 => {
            let fill = if u.arbitrary()? {
                Some(number(u, 0.0..=1.0, one_in)? as f32)
            } else {
                None
            };
            let stroke = if u.arbitrary()? {
                Some(pt(u, 0.0..=2.0, one_in)?)
            } else {
                None
            };
            Item::Box(BoxItem::new(rect(u, one_in)?, fill, stroke))
        }
        _ => {
            let uri = match u.int_in_range(0..=3)? {
                0 => String::new(),
                1 => "https://bücher.example/a b?c=\"d\"".into(),
                _ => format!("https://example.org/{}", words(u, 2, one_in)?),
            };
            Item::Link(LinkArea::new(rect(u, one_in)?, uri))
        }
    })
}

/// A layout: one to a few pages of items, mostly sensible; hostile values
/// about one time in `one_in`.
pub fn layout(u: &mut Unstructured<'_>, one_in: u8) -> Result<Layout> {
    let mut meta = Meta::new(words(u, 5, one_in)?, date(u, one_in)?);
    meta.author = words(u, 3, one_in)?;
    let mut layout = Layout::new(meta);
    let pages = if hostile(u, one_in.saturating_mul(2))? {
        0
    } else {
        u.int_in_range(1..=4)?
    };
    // A footer shared by the pages, as the layout makes it.
    let footer: Vec<Item> = (0..u.int_in_range(0..=3)?)
        .map(|_| item(u, one_in))
        .collect::<Result<_>>()?;
    for p in 0..pages {
        let size = if hostile(u, one_in)? {
            Size::new(pt(u, 0.0..=1.0, 1)?, pt(u, 0.0..=1.0, 1)?)
        } else if u.ratio(1, 4)? {
            Size::new(pt(u, 3.0..=2000.0, 0)?, pt(u, 3.0..=2000.0, 0)?)
        } else {
            Size::A4
        };
        let mut page = Page::new(size);
        for _ in 0..u.int_in_range(0..=25)? {
            page.items.push(item(u, one_in)?);
        }
        let label = Item::Text(TextRun::new(
            Pt(500.0),
            Pt(820.0),
            Face::Regular,
            Pt(8.0),
            format!("Halaman {} dari {pages}", p + 1),
            Pt(60.0),
        ));
        page.footer = PageFooter::new(footer.clone(), vec![label]);
        layout.pages.push(page);
    }
    for _ in 0..u.int_in_range(0..=8)? {
        let level = if hostile(u, one_in)? {
            u.arbitrary()?
        } else {
            u.int_in_range(0..=2)?
        };
        let page = page_number(u, pages, one_in)?;
        let y = pt(u, 0.0..=800.0, one_in)?;
        layout
            .outline
            .push(OutlineEntry::new(words(u, 3, one_in)?, level, page, y));
    }
    while u.ratio(1, 2)? && layout.signatures.len() < 3 {
        let page = page_number(u, pages, one_in)?;
        let height = match layout.pages.get(page.wrapping_sub(1)) {
            Some(p) if !hostile(u, one_in)? => p.size.height,
            _ => pt(u, 100.0..=900.0, 1)?,
        };
        let mut b = SignatureBox::new(page, rect(u, one_in)?, height);
        b.tag = if u.arbitrary()? { Some('#') } else { None };
        layout.signatures.push(b);
    }
    Ok(layout)
}

fn text(u: &mut Unstructured<'_>, max_words: usize, one_in: u8) -> Result<Vec<Span>> {
    let mut spans = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let style = *u.choose(&[
            SpanStyle::REGULAR,
            SpanStyle::BOLD,
            SpanStyle::ITALIC,
            SpanStyle {
                bold: true,
                italic: true,
            },
        ])?;
        let link = if u.ratio(1, 8)? {
            Some("https://example.org/x".to_owned())
        } else {
            None
        };
        spans.push(Span {
            text: words(u, max_words, one_in)?,
            style,
            link,
        });
    }
    Ok(spans)
}

fn align(u: &mut Unstructured<'_>) -> Result<Align> {
    Ok(*u.choose(&[Align::Left, Align::Center, Align::Right, Align::Justify])?)
}

/// A cell spanning `colspan` columns.
fn cell(u: &mut Unstructured<'_>, one_in: u8, colspan: usize) -> Result<Cell> {
    let mut c = Cell::new(text(u, 4, one_in)?);
    c.colspan = colspan;
    if u.ratio(1, 4)? {
        c.align = Some(align(u)?);
    }
    Ok(c)
}

/// A cell of any spans, of which a table's rows may not cover their
/// columns (the layout refuses such a table).
fn hostile_cell(u: &mut Unstructured<'_>, one_in: u8) -> Result<Cell> {
    let colspan = u.int_in_range(0..=4)?;
    let mut c = cell(u, one_in, colspan)?;
    c.rowspan = u.int_in_range(0..=4)?;
    if u.arbitrary()? {
        c.colspan = usize::MAX;
    }
    if u.arbitrary()? {
        c.rowspan = usize::MAX;
    }
    Ok(c)
}

fn table(u: &mut Unstructured<'_>, one_in: u8) -> Result<Table> {
    let ncols = if hostile(u, one_in)? {
        0
    } else {
        u.int_in_range(1..=6)?
    };
    let columns = (0..ncols)
        .map(|_| Ok(Column::new(align(u)?)))
        .collect::<Result<_>>()?;
    let row = |u: &mut Unstructured<'_>| -> Result<Row> {
        // Mostly cells that cover the columns, now and then spanning
        // several; now and then fewer or more, or of any spans.
        let cells = if hostile(u, one_in)? {
            let n = u.int_in_range(0..=ncols + 3)?;
            (0..n)
                .map(|_| hostile_cell(u, one_in))
                .collect::<Result<_>>()?
        } else {
            let mut cells = Vec::new();
            let mut left = ncols;
            while left > 0 {
                let span = if u.ratio(1, 6)? {
                    u.int_in_range(1..=left)?
                } else {
                    1
                };
                cells.push(cell(u, one_in, span)?);
                left -= span;
            }
            cells
        };
        let mut r = Row::new(cells);
        r.keep_with_previous = u.ratio(1, 8)?;
        Ok(r)
    };
    let header = (0..u.int_in_range(0..=2)?)
        .map(|_| row(u))
        .collect::<Result<_>>()?;
    let body = (0..u.int_in_range(0..=12)?)
        .map(|_| row(u))
        .collect::<Result<_>>()?;
    let mut t = Table::new(columns, header, body);
    if u.ratio(1, 4)? {
        t.caption = Some(text(u, 5, one_in)?);
    }
    t.origin = Origin::at(JsonPath::root().key("tabel"));
    Ok(t)
}

/// Blocks nested at most `depth` deep.
fn blocks(u: &mut Unstructured<'_>, depth: u32, max: usize, one_in: u8) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for _ in 0..u.int_in_range(0..=max)? {
        let kind = u.int_in_range(0..=9)?;
        let block = match kind {
            0 => Block::Title(text(u, 6, one_in)?),
            1 => {
                let level = if hostile(u, one_in)? {
                    u.arbitrary()?
                } else {
                    u.int_in_range(1..=3)?
                };
                let mut h = Heading::new(level, text(u, 6, one_in)?);
                if u.arbitrary()? {
                    h.marker = Some(words(u, 1, one_in)?);
                }
                if u.arbitrary()? {
                    h.bookmark = Some(lapkin::document::Bookmark::new(
                        words(u, 3, one_in)?,
                        u.int_in_range(0..=3)?,
                    ));
                }
                Block::Heading(h)
            }
            2..=4 => Block::Paragraph(Paragraph::new(text(u, 30, one_in)?, align(u)?)),
            5 | 6 if depth > 0 => {
                let items = (0..u.int_in_range(0..=4)?)
                    .map(|_| {
                        Ok(ListItem::new(
                            words(u, 1, one_in)?,
                            blocks(u, depth - 1, 3, one_in)?,
                        ))
                    })
                    .collect::<Result<_>>()?;
                Block::List(List::new(items))
            }
            7 if depth > 0 && u.ratio(1, 3)? => Block::Landscape(blocks(u, depth - 1, 3, one_in)?),
            7 if depth > 0 => Block::Indent(blocks(u, depth - 1, 3, one_in)?),
            8 => Block::Table(table(u, one_in)?),
            9 => {
                let space = Size::new(pt(u, 10.0..=200.0, one_in)?, pt(u, 10.0..=200.0, one_in)?);
                let before = (0..u.int_in_range(0..=3)?)
                    .map(|_| text(u, 4, one_in))
                    .collect::<Result<_>>()?;
                let after = (0..u.int_in_range(0..=3)?)
                    .map(|_| text(u, 4, one_in))
                    .collect::<Result<_>>()?;
                let mut s = Signature::new(before, space, after);
                if hostile(u, one_in)? {
                    s.tag = Some('漢');
                } else if u.arbitrary()? {
                    s.tag = Some(*u.choose(&['#', '$', '~'])?);
                }
                Block::Signature(s)
            }
            _ => Block::Paragraph(Paragraph::new(text(u, 10, one_in)?, align(u)?)),
        };
        out.push(block);
    }
    Ok(out)
}

/// A document and a style, mostly sensible.
pub fn document(u: &mut Unstructured<'_>, one_in: u8) -> Result<(Document, Style)> {
    let meta = Meta::new(words(u, 4, one_in)?, date(u, one_in)?);
    let depth = if hostile(u, one_in)? { 80 } else { 4 };
    let mut body = blocks(u, depth, 12, one_in)?;
    if depth > 4 {
        // A deep nest: an indent in a list item in an indent ...
        let mut nest = vec![Block::Paragraph(Paragraph::new(
            text(u, 3, one_in)?,
            Align::Left,
        ))];
        for k in 0..u.int_in_range(10..=200)? {
            nest = if k % 2 == 0 {
                vec![Block::Indent(nest)]
            } else {
                vec![Block::List(List::new(vec![ListItem::new("-", nest)]))]
            };
        }
        body.extend(nest);
    }
    let items = (0..u.int_in_range(0..=3)?)
        .map(|_| text(u, 8, one_in))
        .collect::<Result<_>>()?;
    let label = *u.choose(&["Halaman {page} dari {pages}", "", "{pages}{page}{x}"])?;
    let footer = Footer::new(words(u, 2, one_in)?, items, label);
    let mut style = Style::default();
    // Now and then a few fields changed, to anything.
    if hostile(u, one_in.min(6))? {
        for _ in 0..u.int_in_range(1..=3)? {
            let v = |u: &mut Unstructured<'_>, r| pt(u, r, 2);
            match u.int_in_range(0..=17)? {
                0 => style.page.width = v(u, 100.0..=2000.0)?,
                1 => style.page.height = v(u, 100.0..=2000.0)?,
                2 => style.margin.top = v(u, 0.0..=900.0)?,
                3 => style.margin.bottom = v(u, 0.0..=900.0)?,
                4 => style.margin.left = v(u, 0.0..=700.0)?,
                5 => style.margin.right = v(u, 0.0..=700.0)?,
                6 => style.font_size = v(u, 1.0..=40.0)?,
                7 => style.title_size = v(u, 1.0..=40.0)?,
                8 => style.table_font_size = v(u, 1.0..=40.0)?,
                9 => style.table_min_font_size = v(u, 1.0..=40.0)?,
                10 => style.table_font_step = v(u, 0.0..=5.0)?,
                11 => style.footer_font_size = v(u, 1.0..=40.0)?,
                12 => style.line_spacing = number(u, 0.1..=5.0, 2)?,
                13 => style.block_spacing = v(u, 0.0..=100.0)?,
                14 => style.indent = v(u, 0.0..=300.0)?,
                15 => style.cell_padding = v(u, 0.0..=50.0)?,
                16 => style.header_fill = number(u, 0.0..=1.0, 2)? as f32,
                _ => style.signature_width = v(u, 0.0..=600.0)?,
            }
        }
    }
    Ok((Document::new(meta, body, footer), style))
}

/// Everything a layout offers a caller, used: the text of each page and
/// one past the end, the dump. Breaks if `page_text` is `None` for a page
/// the layout has, or `Some` past the end.
pub fn inspect(layout: &Layout) -> Vec<String> {
    let mut broken = Vec::new();
    for p in 0..layout.pages.len() + 2 {
        if layout.page_text(p).is_some() != (p < layout.pages.len()) {
            broken.push(format!("page_text({p}) of {} pages", layout.pages.len()));
        }
    }
    let dump = layout.to_string();
    if !dump.starts_with("page 1 of") && !layout.pages.is_empty() {
        broken.push("the dump does not start with the first page".into());
    }
    broken
}

/// The number of pages of a PDF, read back with lopdf.
pub fn pdf_pages(pdf: &[u8]) -> std::result::Result<usize, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| e.to_string())?;
    Ok(doc.get_pages().len())
}

/// What write_pdf did with one layout: an error is an invalid layout with
/// every problem on a path of it; a PDF reads back with its pages.
pub fn write_and_read(layout: &Layout, fonts: &FontSet, opts: &PdfOptions) -> (bool, Vec<String>) {
    let mut broken = inspect(layout);
    match lapkin::pdf::write_pdf(layout, fonts, opts) {
        Ok(pdf) => match pdf_pages(&pdf) {
            Ok(n) if n == layout.pages.len() => return (true, broken),
            Ok(n) => broken.push(format!(
                "the PDF has {n} pages, the layout {}",
                layout.pages.len()
            )),
            Err(e) => broken.push(format!("the PDF does not read back: {e}")),
        },
        Err(Error::Invalid(problems)) => {
            if problems.0.is_empty() {
                broken.push("refused without a problem".into());
            }
            for p in &problems.0 {
                let in_layout = p.path().is_some_and(|path| {
                    path.segments().first() == Some(&Segment::Key("layout".into()))
                });
                let an_option = matches!(&p.location, Location::Option(o) if o.starts_with("pdf."));
                if !in_layout && !an_option {
                    broken.push(format!("a problem without a layout path: {p}"));
                }
            }
        }
        Err(e) => broken.push(format!("refused with another error: {e}")),
    }
    (false, broken)
}

/// What `layout_document` did with a document and a style: an error is
/// the input's (never an internal one); a layout is one the writer takes.
/// Whether it was laid out, and what broke.
pub fn lay_out_and_write(doc: &Document, style: &Style, fonts: &FontSet) -> (bool, Vec<String>) {
    match lapkin::layout::layout_document(doc, style, fonts) {
        Ok(layout) => {
            // What the layout makes, the writer takes.
            let (written, mut broken) = write_and_read(&layout, fonts, &PdfOptions::default());
            if !written {
                let e = lapkin::pdf::write_pdf(&layout, fonts, &PdfOptions::default());
                broken.push(format!(
                    "the writer refused the layout of a document: {}",
                    e.err().map(|e| e.to_string()).unwrap_or_default()
                ));
            }
            (true, broken)
        }
        Err(e) => {
            if std::env::var("ARBITRARY_VERBOSE").is_ok() {
                let first = e.to_string().lines().take(2).collect::<Vec<_>>().join(" ");
                eprintln!("refused: {first}");
            }
            if e.is_input_error() {
                (false, Vec::new())
            } else {
                (false, vec![format!("refused with an internal error: {e}")])
            }
        }
    }
}
