//! Values a caller can build, fed to the later stages: `write_pdf` on
//! arbitrary [`Layout`]s, `layout_document` on arbitrary [`Document`]s and
//! [`Style`]s, `Layout::page_text` and `Display` on both. Errors are
//! allowed, panics and hangs are not.
//!
//! The values are drawn from seeded bytes (`lapkin_tests::generate::seeded`),
//! a fixed number of cases per test, so that a failure reproduces: most
//! are sensible, so that the writer and the layout are reached deeply, and
//! a share are hostile (NaN, infinities, huge and negative numbers, pages
//! and indices out of range, characters the font lacks, deep nesting,
//! tables whose rows do not match their columns). A failing case prints
//! its seed; rerun it with
//! `PROPS_SEED=<seed> cargo test -p lapkin-tests --test suite arbitrary_values`.
//!
//! Below the properties, one test per bug they found.

use std::sync::mpsc;
use std::time::Duration;

use arbitrary::{Result, Unstructured};
use lapkin::{
    Align, Block, BoxItem, Cell, Column, Date, Document, Error, Face, FontSet, Footer, Heading,
    Item, Layout, LinkArea, List, ListItem, Meta, OutlineEntry, Page, Paragraph, PdfOptions, Pt,
    Rect, Row, Rule, Signature, SignatureBox, Size, Span, SpanStyle, Style, Table, TextRun,
};

/// How long one case may run before it counts as a hang (a debug build on
/// a shared machine is slow; a case takes milliseconds).
const WATCHDOG: Duration = Duration::from_secs(60);

/// The seeds of a test: `PROPS_SEED` if set, else `0..n`.
fn seeds(n: u64) -> Vec<u64> {
    match std::env::var("PROPS_SEED") {
        Ok(s) => vec![s.parse().expect("PROPS_SEED is a number")],
        Err(_) => (0..n).collect(),
    }
}

/// Runs `f` on another thread (a panic is caught there, a hang aborts the
/// run after naming the case); `Err` with the panic's message.
fn guarded<T: Send + 'static>(
    name: String,
    f: impl FnOnce() -> T + Send + 'static,
) -> std::result::Result<T, String> {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawning a thread");
    match rx.recv_timeout(WATCHDOG) {
        Ok(v) => Ok(v),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(match handle.join() {
            Err(p) => p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into()),
            Ok(()) => "the case ended without an answer".into(),
        }),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            eprintln!("{name} still runs after {WATCHDOG:?}: a hang");
            std::process::abort();
        }
    }
}

// ---------------------------------------------------------------------
// Generators.

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
        3 => Item::Line(Rule::new(
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
            Item::Rect(BoxItem::new(rect(u, one_in)?, fill, stroke))
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
fn layout(u: &mut Unstructured<'_>, one_in: u8) -> Result<Layout> {
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
        page.footer = page.items.len();
        page.items.extend(footer.iter().cloned());
        page.items.push(Item::Text(TextRun::new(
            Pt(500.0),
            Pt(820.0),
            Face::Regular,
            Pt(8.0),
            format!("Halaman {} dari {pages}", p + 1),
            Pt(60.0),
        )));
        if hostile(u, one_in)? {
            page.footer = *u.choose(&[page.items.len() + 1, usize::MAX, 0])?;
        }
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
    if u.arbitrary()? {
        let page = page_number(u, pages, one_in)?;
        let height = match layout.pages.get(page.wrapping_sub(1)) {
            Some(p) if !hostile(u, one_in)? => p.size.height,
            _ => pt(u, 100.0..=900.0, 1)?,
        };
        let mut b = SignatureBox::new(page, rect(u, one_in)?, height);
        b.tag = if u.arbitrary()? { Some('#') } else { None };
        layout.signature = Some(b);
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

fn cell(u: &mut Unstructured<'_>, one_in: u8) -> Result<Cell> {
    let mut c = Cell::new(text(u, 4, one_in)?);
    if u.ratio(1, 6)? {
        c.colspan = u.int_in_range(0..=4)?;
    }
    if u.ratio(1, 6)? {
        c.rowspan = u.int_in_range(0..=4)?;
    }
    if hostile(u, one_in)? {
        c.colspan = usize::MAX;
    }
    if hostile(u, one_in)? {
        c.rowspan = usize::MAX;
    }
    if u.ratio(1, 4)? {
        c.align = Some(align(u)?);
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
        // Mostly as many cells as columns; now and then fewer or more.
        let n = if hostile(u, one_in)? {
            u.int_in_range(0..=ncols + 3)?
        } else {
            ncols
        };
        let mut r = Row::new((0..n).map(|_| cell(u, one_in)).collect::<Result<_>>()?);
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
    t.path = "tabel".into();
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
                    h.bookmark = Some(lapkin::Bookmark::new(
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
fn document(u: &mut Unstructured<'_>, one_in: u8) -> Result<(Document, Style)> {
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

// ---------------------------------------------------------------------
// Properties.

/// How hostile the case of a seed is: a third hostile everywhere (one
/// choice in 4), a third now and then (one in 250), a third never.
fn hostility(seed: u64) -> u8 {
    [4, 250, 0][(seed % 3) as usize]
}

/// Everything a layout offers a caller, used: the text of each page and
/// one past the end, the dump. Breaks if `page_text` is `None` for a page
/// the layout has, or `Some` past the end.
fn inspect(layout: &Layout) -> Vec<String> {
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
fn pdf_pages(pdf: &[u8]) -> std::result::Result<usize, String> {
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| e.to_string())?;
    Ok(doc.get_pages().len())
}

/// What write_pdf did with one layout: an error is an invalid layout with
/// every problem on a path of it; a PDF reads back with its pages.
fn write_and_read(layout: &Layout, fonts: &FontSet, opts: &PdfOptions) -> (bool, Vec<String>) {
    let mut broken = inspect(layout);
    match lapkin::write_pdf(layout, fonts, opts) {
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
                if !p.path.starts_with("layout.") {
                    broken.push(format!("a problem without a layout path: {p}"));
                }
            }
        }
        Err(Error::Pdf(m)) if m.contains("no signature block") => {}
        Err(e) => broken.push(format!("refused with another error: {e}")),
    }
    (false, broken)
}

#[test]
fn write_pdf_refuses_or_writes_any_layout() {
    let fonts = std::sync::Arc::new(FontSet::default());
    let mut failures = Vec::new();
    let (mut written, mut cases) = (0, 0);
    for seed in seeds(150) {
        let fonts = fonts.clone();
        let outcome = guarded(format!("arbitrary_values::layout seed {seed}"), move || {
            let bytes = lapkin_tests::generate::seeded(seed, 1 << 14);
            let mut u = Unstructured::new(&bytes);
            let one_in = hostility(seed);
            let layout = layout(&mut u, one_in).expect("seeded bytes");
            let mut opts = PdfOptions::default();
            if u.ratio(1, 4).unwrap_or(false) {
                opts = opts.with_signature_field("ttd");
            }
            write_and_read(&layout, &fonts, &opts)
        });
        cases += 1;
        match outcome {
            Ok((ok, broken)) => {
                written += usize::from(ok);
                if !broken.is_empty() {
                    failures.push(format!("seed {seed}: {}", broken.join("; ")));
                }
            }
            Err(panic) => failures.push(format!("seed {seed}: panicked: {panic}")),
        }
    }
    eprintln!("arbitrary layouts: {written} of {cases} written");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The generator must reach the writer, not only its checks.
    assert!(written * 3 >= cases, "only {written} of {cases} written");
}

#[test]
fn layout_document_refuses_or_lays_out_any_document() {
    let fonts = std::sync::Arc::new(FontSet::default());
    let mut failures = Vec::new();
    let (mut laid_out, mut cases) = (0, 0);
    for seed in seeds(120) {
        let fonts = fonts.clone();
        let outcome = guarded(
            format!("arbitrary_values::document seed {seed}"),
            move || {
                let bytes = lapkin_tests::generate::seeded(seed, 1 << 15);
                let mut u = Unstructured::new(&bytes);
                let one_in = hostility(seed);
                let (doc, style) = document(&mut u, one_in).expect("seeded bytes");
                let mut broken = Vec::new();
                let ok = match lapkin::layout_document(&doc, &style, &fonts) {
                    Ok(layout) => {
                        broken.extend(inspect(&layout));
                        // What the layout makes, the writer takes.
                        let (written, b) = write_and_read(&layout, &fonts, &PdfOptions::default());
                        broken.extend(b);
                        if !written {
                            let e = lapkin::write_pdf(&layout, &fonts, &PdfOptions::default());
                            broken.push(format!(
                                "the writer refused the layout of a document: {}",
                                e.err().map(|e| e.to_string()).unwrap_or_default()
                            ));
                        }
                        true
                    }
                    Err(e) => {
                        if std::env::var("ARBITRARY_VERBOSE").is_ok() {
                            let first = e.to_string().lines().take(2).collect::<Vec<_>>().join(" ");
                            eprintln!("seed {seed} refused: {first}");
                        }
                        if !e.is_input_error() {
                            broken.push(format!("refused with an internal error: {e}"));
                        }
                        false
                    }
                };
                (ok, broken)
            },
        );
        cases += 1;
        match outcome {
            Ok((ok, broken)) => {
                laid_out += usize::from(ok);
                if !broken.is_empty() {
                    failures.push(format!("seed {seed}: {}", broken.join("; ")));
                }
            }
            Err(panic) => failures.push(format!("seed {seed}: panicked: {panic}")),
        }
    }
    eprintln!("arbitrary documents: {laid_out} of {cases} laid out");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(laid_out * 3 >= cases, "only {laid_out} of {cases} laid out");
}

/// Reports generated with every hostile class (`lapkin_tests::generate`),
/// deserialized without validation, as a report built in code can be, and
/// mutated past what validation allows: `build_document`, then the later
/// stages, refuse them or render them, never panic.
#[test]
fn build_document_takes_any_report_built_in_code() {
    let fonts = std::sync::Arc::new(FontSet::default());
    let mut failures = Vec::new();
    let (mut rendered, mut cases) = (0, 0);
    for seed in seeds(30) {
        let fonts = fonts.clone();
        let outcome = guarded(format!("arbitrary_values::report seed {seed}"), move || {
            let bytes = lapkin_tests::generate::seeded(seed, 1 << 16);
            let mut u = Unstructured::new(&bytes);
            let mix = lapkin_tests::generate::Mix {
                taller_than_page: false,
                ..lapkin_tests::generate::Mix::ALL
            };
            let mut json = lapkin_tests::generate::report_with(&mut u, &mix).expect("seeded");
            // Past validation: empty lists and texts, a tag in the text.
            if seed % 4 == 1 {
                json["rekomendasi"] = serde_json::json!([]);
                json["kinerja"]["sasaran"] = serde_json::json!([]);
            }
            if seed % 4 == 2 {
                json["tanda_tangan"]["tag"] = serde_json::json!("a");
                json["unit"]["nama"] = serde_json::json!("");
            }
            let Ok(report) = serde_json::from_value::<lapkin::Report>(json) else {
                return (false, Vec::new());
            };
            let mut broken = Vec::new();
            let ok = match lapkin::build_document(&report) {
                Err(e) => {
                    if !e.is_input_error() {
                        broken.push(format!("build_document: an internal error: {e}"));
                    }
                    false
                }
                Ok(doc) => match lapkin::layout_document(&doc, &Style::default(), &fonts) {
                    Err(e) => {
                        if !e.is_input_error() {
                            broken.push(format!("layout_document: an internal error: {e}"));
                        }
                        false
                    }
                    Ok(layout) => {
                        let (written, b) = write_and_read(&layout, &fonts, &PdfOptions::default());
                        broken.extend(b);
                        written
                    }
                },
            };
            (ok, broken)
        });
        cases += 1;
        match outcome {
            Ok((ok, broken)) => {
                rendered += usize::from(ok);
                if !broken.is_empty() {
                    failures.push(format!("seed {seed}: {}", broken.join("; ")));
                }
            }
            Err(panic) => failures.push(format!("seed {seed}: panicked: {panic}")),
        }
    }
    eprintln!("unvalidated reports: {rendered} of {cases} rendered");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------
// One test per bug found.

/// The one-page layout of the minimal fixture.
fn minimal_layout() -> Layout {
    let report = lapkin_tests::load_report("minimal.json");
    lapkin::layout_report(&report, &lapkin::RenderOptions::default()).expect("it lays out")
}

/// The problems of an invalid value, as `path: message` lines.
fn problems(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(p) => p.0.iter().map(|p| p.to_string()).collect(),
        e => panic!("expected an invalid value, got {e}"),
    }
}

#[test]
fn an_outline_entry_past_the_last_page_is_refused_with_its_path() {
    // It panicked (index out of bounds) in the outline writer.
    let mut layout = minimal_layout();
    assert_eq!(layout.pages.len(), 1);
    let fonts = FontSet::default();
    let n = layout.outline.len();
    layout
        .outline
        .push(OutlineEntry::new("Bab 9", 0, 2, Pt(100.0)));
    layout
        .outline
        .push(OutlineEntry::new("Bab 0", 0, 0, Pt(100.0)));
    let err = lapkin::write_pdf(&layout, &fonts, &PdfOptions::default()).unwrap_err();
    assert_eq!(
        problems(err),
        [
            format!(
                "layout.outline[{n}].page: names page 2, but the layout has 1 page(s); \
                 expected 1 (page numbers start at 1)"
            ),
            format!(
                "layout.outline[{}].page: names page 0, but the layout has 1 page(s); \
                 expected 1 (page numbers start at 1)",
                n + 1
            ),
        ]
    );
}

#[test]
fn page_text_past_the_last_page_is_none() {
    // It panicked (index out of bounds).
    let layout = minimal_layout();
    assert!(
        layout
            .page_text(0)
            .is_some_and(|t| t.contains("Halaman 1 dari 1"))
    );
    assert_eq!(layout.page_text(1), None);
    assert_eq!(layout.page_text(usize::MAX), None);
}

#[test]
fn a_signature_box_on_a_page_the_layout_lacks_is_refused() {
    // Page 0 with a signature field underflowed (`page - 1`) in debug
    // builds; past the end it was an internal error.
    let fonts = FontSet::default();
    let opts = PdfOptions::default().with_signature_field("ttd");
    for page in [0, 2, usize::MAX] {
        let mut layout = minimal_layout();
        let b = layout.signature.as_mut().expect("the fixture is signed");
        b.page = page;
        let err = lapkin::write_pdf(&layout, &fonts, &opts).unwrap_err();
        assert_eq!(
            problems(err),
            [format!(
                "layout.signature.page: names page {page}, but the layout has 1 page(s); \
                 expected 1 (page numbers start at 1)"
            )]
        );
    }
}

#[test]
fn an_empty_layout_is_refused() {
    let meta = Meta::new("Kosong", Date::from_ordinal_date(2024, 1).unwrap());
    let err = lapkin::write_pdf(
        &Layout::new(meta),
        &FontSet::default(),
        &PdfOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        problems(err),
        ["layout.pages: a PDF needs at least one page; found none"]
    );
}

#[test]
fn every_bad_field_of_a_layout_is_named_at_once() {
    let meta = Meta::new("Buruk", Date::from_ordinal_date(2024, 1).unwrap());
    let mut layout = Layout::new(meta);
    let mut page = Page::new(Size::new(Pt(f64::NAN), Pt(0.0)));
    page.items.push(Item::Text(TextRun::new(
        Pt(10.0),
        Pt(f64::INFINITY),
        Face::Bold,
        Pt(0.0),
        "ok 漢",
        Pt(10.0),
    )));
    page.items.push(Item::Rect(BoxItem::new(
        Rect::new(Pt(1e300), Pt(0.0), Pt(1.0), Pt(1.0)),
        Some(2.0),
        Some(Pt(-1.0)),
    )));
    page.items.push(Item::Line(Rule::new(
        Pt(0.0),
        Pt(0.0),
        Pt(1.0),
        Pt(1.0),
        Pt(f64::NAN),
    )));
    page.footer = 4;
    layout.pages.push(page);
    layout.signature = Some(SignatureBox::new(
        1,
        Rect::new(Pt(0.0), Pt(0.0), Pt(10.0), Pt(10.0)),
        Pt(841.89),
    ));
    let err = lapkin::write_pdf(&layout, &FontSet::default(), &PdfOptions::default()).unwrap_err();
    assert_eq!(
        problems(err),
        [
            "layout.pages[0].size.width: expected a page side from 3 to 14400 pt (ISO 32000-1, \
             Annex C), found NaN",
            "layout.pages[0].size.height: expected a page side from 3 to 14400 pt (ISO 32000-1, \
             Annex C), found 0",
            "layout.pages[0].footer: is 4, past the end of the page's 3 item(s); expected at \
             most 3",
            "layout.pages[0].items[0].y: expected a finite coordinate from -1000000 to 1000000 \
             pt, found inf",
            "layout.pages[0].items[0].size: expected a font size more than 0 and at most 14400 \
             pt, found 0",
            "layout.pages[0].items[0].text: the font LiberationSans-Bold has no glyph for '漢' \
             (U+6F22), in \"ok 漢\"; expected only characters the face draws",
            "layout.pages[0].items[1].rect.x: expected a finite coordinate from -1000000 to \
             1000000 pt, found 1e300",
            "layout.pages[0].items[1].fill: expected a grey level from 0 (black) to 1 (white), \
             found 2",
            "layout.pages[0].items[1].stroke: expected a length from 0 to 1000000 pt, found -1",
            "layout.pages[0].items[2].width: expected a length from 0 to 1000000 pt, found NaN",
            "layout.signature.page_height: is 841.89, but page 1 is 0.00 pt high; expected its \
             height",
        ]
    );
}

#[test]
fn outline_levels_may_jump_and_count_their_descendants() {
    // A jump (0 to 3) nests under the nearest lower level; an open entry's
    // /Count is its descendants (it was its children).
    let mut layout = minimal_layout();
    layout.outline = vec![
        OutlineEntry::new("A", 0, 1, Pt(100.0)),
        OutlineEntry::new("A.1", 1, 1, Pt(200.0)),
        OutlineEntry::new("A.1.a", 3, 1, Pt(300.0)),
        OutlineEntry::new("B", 0, 1, Pt(400.0)),
    ];
    let pdf = lapkin::write_pdf(&layout, &FontSet::default(), &PdfOptions::default()).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let title = |d: &lopdf::Dictionary| {
        let lopdf::Object::String(b, _) = d.get(b"Title").unwrap() else {
            panic!("a title")
        };
        String::from_utf8(b.clone()).unwrap()
    };
    let mut counts = std::collections::BTreeMap::new();
    for object in doc.objects.values() {
        if let lopdf::Object::Dictionary(d) = object
            && d.has(b"Title")
            && d.has(b"Parent")
        {
            let count = d.get(b"Count").and_then(|c| c.as_i64()).unwrap_or(0);
            counts.insert(title(d), count);
        }
    }
    let want: std::collections::BTreeMap<String, i64> =
        [("A", 2), ("A.1", 1), ("A.1.a", 0), ("B", 0)]
            .into_iter()
            .map(|(t, c)| (t.to_owned(), c))
            .collect();
    assert_eq!(counts, want);
}

#[test]
fn a_style_or_document_layout_cannot_use_is_refused_with_paths() {
    let fonts = FontSet::default();
    let meta = Meta::new("Gaya", Date::from_ordinal_date(2024, 1).unwrap());
    let para = || {
        Block::Paragraph(Paragraph::new(
            vec![Span {
                text: "teks".into(),
                style: SpanStyle::REGULAR,
                link: None,
            }],
            Align::Left,
        ))
    };
    let footer = Footer::new("Catatan :", vec![], "Halaman {page} dari {pages}");
    let doc = Document::new(meta.clone(), vec![para()], footer.clone());
    let mut style = Style::default();
    style.font_size = Pt(f64::NAN);
    style.table_font_step = Pt(-0.5);
    style.header_fill = 1.5;
    let err = lapkin::layout_document(&doc, &style, &fonts).unwrap_err();
    assert_eq!(
        problems(err),
        [
            "style.font_size: expected more than 0 to 14400 pt, found NaN",
            "style.table_font_step: expected from 0 to 1000000 pt, found -0.5",
            "style.header_fill: expected from 0 to 1 (0 black, 1 white), found 1.5",
        ]
    );

    let mut style = Style::default();
    style.margin.left = Pt(400.0);
    style.margin.right = Pt(400.0);
    let err = lapkin::layout_document(&doc, &style, &fonts).unwrap_err();
    assert_eq!(
        problems(err),
        [
            "style.margin: the left and right margins (400.00 and 400.00 pt) leave no text on a \
             page 595.28 pt wide; expected margins narrower than the page"
        ]
    );

    // Nested 150 deep, a signature space of no size, a year 0.
    let mut nest = vec![para()];
    for _ in 0..150 {
        nest = vec![Block::List(List::new(vec![ListItem::new("-", nest)]))];
    }
    let signature = Signature::new(vec![], Size::new(Pt(f64::NAN), Pt(-1.0)), vec![]);
    let mut meta0 = meta.clone();
    meta0.date = Date::from_ordinal_date(0, 1).unwrap();
    let mut blocks = nest;
    blocks.push(Block::Signature(signature));
    let doc = Document::new(meta0, blocks, footer.clone());
    let err = lapkin::layout_document(&doc, &Style::default(), &fonts).unwrap_err();
    let lines = problems(err);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(
        lines[0],
        "document.meta.date: expected a year from 1 to 9999 (a PDF date has four digits), found 0"
    );
    let deep = format!(
        "document.blocks[0]{}: lists and indents are nested more than 100 deep here; expected \
         at most 100",
        ".items[0].blocks[0]".repeat(100)
    );
    assert_eq!(lines[1], deep);
    assert_eq!(
        &lines[2..],
        [
            "document.blocks[1].space.width: expected from 0 to 1000000 pt, found NaN",
            "document.blocks[1].space.height: expected from 0 to 1000000 pt, found -1",
        ]
    );

    // A tag the font lacks would be drawn as a missing glyph.
    let mut signature = Signature::new(vec![], Size::new(Pt(80.0), Pt(80.0)), vec![]);
    signature.tag = Some('漢');
    let doc = Document::new(meta, vec![para(), Block::Signature(signature)], footer);
    let err = lapkin::layout_document(&doc, &Style::default(), &fonts).unwrap_err();
    assert!(
        matches!(
            err,
            Error::MissingGlyph {
                character: '漢',
                ..
            }
        ),
        "{err}"
    );
}
