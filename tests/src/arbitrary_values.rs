//! Values a caller can build, fed to the later stages: `write_pdf` on
//! arbitrary [`Layout`]s, `layout_document` on arbitrary [`Document`]s and
//! [`Style`]s, `Layout::page_text` and `Display` on both. Errors are
//! allowed, panics and hangs are not.
//!
//! The values (`lapkin_tests::values`) are drawn from seeded bytes
//! (`lapkin_tests::generate::seeded`), a fixed number of cases per test,
//! so that a failure reproduces (the fuzz target `arbitrary_values` draws
//! them from the fuzzer's bytes): most
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

use arbitrary::Unstructured;
use lapkin::{
    Date, Error,
    document::{Block, Document, Footer, List, ListItem, Meta, Paragraph, Signature},
    layout::{
        BoxItem, Item, Layout, OutlineEntry, Page, Pt, Rect, Rule, SignatureBox, Size, Style,
        TextRun,
    },
    pdf::PdfOptions,
    text::{Align, Face, FontSet, Span, SpanStyle},
};
use lapkin_tests::values::{document, lay_out_and_write, layout, write_and_read};

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
// Properties.

/// How hostile the case of a seed is: a third hostile everywhere (one
/// choice in 4), a third now and then (one in 250), a third never.
fn hostility(seed: u64) -> u8 {
    [4, 250, 0][(seed % 3) as usize]
}

#[test]
fn write_pdf_refuses_or_writes_any_layout() {
    let fonts = std::sync::Arc::new(FontSet::default());
    let mut failures = Vec::new();
    let (mut written, mut cases) = (0, 0);
    for seed in seeds(100) {
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
    for seed in seeds(90) {
        let fonts = fonts.clone();
        let outcome = guarded(
            format!("arbitrary_values::document seed {seed}"),
            move || {
                let bytes = lapkin_tests::generate::seeded(seed, 1 << 15);
                let mut u = Unstructured::new(&bytes);
                let one_in = hostility(seed);
                let (doc, style) = document(&mut u, one_in).expect("seeded bytes");
                lay_out_and_write(&doc, &style, &fonts)
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
/// mutated past what validation allows: `validate` (which `build_document`
/// requires), then the later stages, refuse them or render them, never
/// panic.
#[test]
fn any_report_built_in_code_is_refused_or_rendered() {
    let fonts = std::sync::Arc::new(FontSet::default());
    let mut failures = Vec::new();
    let (mut rendered, mut cases) = (0, 0);
    for seed in seeds(24) {
        let fonts = fonts.clone();
        let outcome = guarded(format!("arbitrary_values::report seed {seed}"), move || {
            let bytes = lapkin_tests::generate::seeded(seed, 1 << 16);
            let mut u = Unstructured::new(&bytes);
            let mix = if seed % 3 == 0 {
                lapkin_tests::generate::Mix {
                    taller_than_page: false,
                    ..lapkin_tests::generate::Mix::ALL
                }
            } else {
                lapkin_tests::generate::Mix::PLAIN
            };
            let mut json = lapkin_tests::generate::report_with(&mut u, &mix).expect("seeded");
            // Past validation: empty lists and texts, a tag in the text.
            if seed % 4 == 1 {
                json["rekomendasi"] = serde_json::json!([]);
                json["analisis"] = serde_json::json!([]);
                json["kinerja"]["sasaran"] = serde_json::json!([]);
            }
            if seed % 4 == 2 {
                json["tanda_tangan"]["tag"] = serde_json::json!("a");
                json["unit"]["nama"] = serde_json::json!("");
            }
            let report = match serde_json::from_value::<lapkin::Report>(json) {
                Ok(r) => r,
                Err(e) => {
                    if std::env::var("ARBITRARY_VERBOSE").is_ok() {
                        eprintln!("seed {seed}: not a report: {e}");
                    }
                    return (false, Vec::new());
                }
            };
            let mut broken = Vec::new();
            // build_document takes only a validated report: validation is
            // where a report past the schema's rules is refused.
            let built =
                lapkin::validate(&report, &fonts).map(|c| lapkin::document::build_document(&c));
            let ok = match built {
                Err(e) => {
                    if std::env::var("ARBITRARY_VERBOSE").is_ok() {
                        eprintln!("seed {seed}: validate refused: {e}");
                    }
                    if !e.is_input_error() {
                        broken.push(format!("validate: an internal error: {e}"));
                    }
                    false
                }
                Ok(doc) => match lapkin::layout::layout_document(&doc, &Style::default(), &fonts) {
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
    lapkin_tests::layout_report(&report, &lapkin::RenderOptions::default()).expect("it lays out")
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
    let err = lapkin::pdf::write_pdf(&layout, &fonts, &PdfOptions::default()).unwrap_err();
    assert_eq!(
        problems(err),
        [
            format!(
                "layout.outline[{n}].page: names page 2, but the layout has 1 page(s); \
                 page numbers start at 1"
            ),
            format!(
                "layout.outline[{}].page: names page 0, but the layout has 1 page(s); \
                 page numbers start at 1",
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
        let b = layout
            .signatures
            .first_mut()
            .expect("the fixture is signed");
        b.page = page;
        let err = lapkin::pdf::write_pdf(&layout, &fonts, &opts).unwrap_err();
        assert_eq!(
            problems(err),
            [format!(
                "layout.signatures[0].page: names page {page}, but the layout has 1 page(s); \
                 page numbers start at 1"
            )]
        );
    }
}

#[test]
fn an_empty_layout_is_refused() {
    let meta = Meta::new("Kosong", Date::from_ordinal_date(2024, 1).unwrap());
    let err = lapkin::pdf::write_pdf(
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
    page.items.push(Item::Box(BoxItem::new(
        Rect::new(Pt(1e300), Pt(0.0), Pt(1.0), Pt(1.0)),
        Some(2.0),
        Some(Pt(-1.0)),
    )));
    page.items.push(Item::Rule(Rule::new(
        Pt(0.0),
        Pt(0.0),
        Pt(1.0),
        Pt(1.0),
        Pt(f64::NAN),
    )));
    layout.pages.push(page);
    layout.signatures = vec![SignatureBox::new(
        1,
        Rect::new(Pt(0.0), Pt(0.0), Pt(10.0), Pt(10.0)),
        Pt(841.89),
    )];
    let err =
        lapkin::pdf::write_pdf(&layout, &FontSet::default(), &PdfOptions::default()).unwrap_err();
    assert_eq!(
        problems(err),
        [
            "layout.pages[0].size.width: expected a page side from 3 to 14400 pt (ISO 32000-1, \
             Annex C), found NaN",
            "layout.pages[0].size.height: expected a page side from 3 to 14400 pt (ISO 32000-1, \
             Annex C), found 0",
            "layout.pages[0].items[0].y: expected a finite coordinate from -1000000 to 1000000 \
             pt, found inf",
            "layout.pages[0].items[0].size: expected a font size more than 0 and at most 14400 \
             pt, found 0",
            "layout.pages[0].items[0].text: the bold font LiberationSans-Bold has no glyph for \
             '漢' (U+6F22), used in \"ok 漢\"; replace the character or choose a font that has it",
            "layout.pages[0].items[1].rect.x: expected a finite coordinate from -1000000 to \
             1000000 pt, found 1e300",
            "layout.pages[0].items[1].fill: expected a grey level from 0 (black) to 1 (white), \
             found 2",
            "layout.pages[0].items[1].stroke: expected a length from 0 to 1000000 pt, found -1",
            "layout.pages[0].items[2].width: expected a length from 0 to 1000000 pt, found NaN",
            "layout.signatures[0].page_height: is 841.89, but page 1 is 0.00 pt high; give its \
             page's height",
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
    let pdf = lapkin::pdf::write_pdf(&layout, &FontSet::default(), &PdfOptions::default()).unwrap();
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
    let err = lapkin::layout::layout_document(&doc, &style, &fonts).unwrap_err();
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
    let err = lapkin::layout::layout_document(&doc, &style, &fonts).unwrap_err();
    assert_eq!(
        problems(err),
        [
            "style.margin: the left and right margins (400.00 and 400.00 pt) leave no text on a \
             page 595.28 pt wide; make the margins narrower than the page"
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
    let err = lapkin::layout::layout_document(&doc, &Style::default(), &fonts).unwrap_err();
    let lines = problems(err);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(
        lines[0],
        "document.meta.date: expected a year from 1 to 9999 (a PDF date has four digits), found 0"
    );
    let deep = format!(
        "document.blocks[0]{}: lists and indents are nested more than 100 deep here; nest \
         them at most 100 deep",
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
    let err = lapkin::layout::layout_document(&doc, &Style::default(), &fonts).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.kind, lapkin::problem::Kind::MissingGlyph, "{err}");
    assert!(
        p.message(lapkin::problem::Lang::En).contains("'漢'"),
        "{err}"
    );
}

#[test]
fn write_pdf_refuses_a_signature_field_name_with_a_dot() {
    // It wrote a hierarchical field name ("a.b") that signers misread;
    // render refused it, write_pdf did not.
    let layout = minimal_layout();
    let opts = PdfOptions::default().with_signature_field("ttd.kepala");
    let err = lapkin::pdf::write_pdf(&layout, &FontSet::default(), &opts).unwrap_err();
    let lines = problems(err);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("pdf.signature_field: expected a field name of letters, digits"),
        "{}",
        lines[0]
    );
}

#[test]
fn a_signature_field_without_a_signature_box_is_the_callers_error() {
    // It was Error::Pdf, which says "a bug in lapkin".
    let mut layout = minimal_layout();
    layout.signatures.clear();
    let opts = PdfOptions::default().with_signature_field("ttd");
    let err = lapkin::pdf::write_pdf(&layout, &FontSet::default(), &opts).unwrap_err();
    assert!(err.is_input_error(), "{err}");
    assert_eq!(
        problems(err),
        [
            "pdf.signature_field: the field \"ttd\" was asked for, but the layout has no signature \
          box (layout.signatures) to put it over"
        ]
    );
}

#[test]
fn the_deepest_nesting_allowed_lays_out_on_a_small_stack() {
    // 100 lists deep, on a thread with a 2 MiB stack (Rust's default for
    // spawned threads): laid out or refused, no stack overflow.
    let outcome = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let text = |s: &str| {
                vec![Span {
                    text: s.into(),
                    style: SpanStyle::REGULAR,
                    link: None,
                }]
            };
            let mut nest = vec![Block::Paragraph(Paragraph::new(text("dalam"), Align::Left))];
            for _ in 0..100 {
                nest = vec![Block::List(List::new(vec![ListItem::new("-", nest)]))];
            }
            let meta = Meta::new("Dalam", Date::from_ordinal_date(2024, 1).unwrap());
            let footer = Footer::new("Catatan :", vec![], "Halaman {page} dari {pages}");
            let doc = Document::new(meta, nest, footer);
            let fonts = FontSet::default();
            lay_out_and_write(&doc, &Style::default(), &fonts).1
        })
        .expect("spawning a thread")
        .join()
        .expect("no panic");
    assert!(outcome.is_empty(), "{outcome:?}");
}

#[test]
fn markers_and_the_footer_are_checked_for_glyphs_too() {
    // Found by the fuzz target arbitrary_values: a heading marker the bold
    // face lacks was laid out, and the writer refused the layout. List
    // markers, the footer's title and its page label were not checked
    // either.
    let fonts = FontSet::default();
    let meta = Meta::new("Tanda", Date::from_ordinal_date(2024, 1).unwrap());
    let text = |s: &str| {
        vec![Span {
            text: s.into(),
            style: SpanStyle::REGULAR,
            link: None,
        }]
    };
    let footer = || Footer::new("Catatan :", vec![], "Halaman {page} dari {pages}");
    let mut heading = lapkin::document::Heading::new(2, text("Judul"));
    heading.marker = Some("漢.".into());
    let list = List::new(vec![ListItem::new(
        "字",
        vec![Block::Paragraph(Paragraph::new(text("isi"), Align::Left))],
    )]);
    let cases = [
        (
            Document::new(meta.clone(), vec![Block::Heading(heading)], footer()),
            '漢',
        ),
        (
            Document::new(meta.clone(), vec![Block::List(list)], footer()),
            '字',
        ),
        (
            Document::new(meta.clone(), vec![], Footer::new("注", vec![], "{page}")),
            '注',
        ),
        (
            Document::new(meta, vec![], Footer::new("Catatan", vec![], "页 {page}")),
            '页',
        ),
    ];
    for (doc, c) in cases {
        let err = lapkin::layout::layout_document(&doc, &Style::default(), &fonts).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.kind, lapkin::problem::Kind::MissingGlyph, "{c}: {err}");
        assert!(
            p.message(lapkin::problem::Lang::En)
                .contains(&format!("{c:?}")),
            "{c}: {err}"
        );
    }
}
