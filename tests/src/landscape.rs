//! Landscape pages: a section (`"mendatar": true` in `susunan.bagian`) or a
//! single table (`{"tabel": {..., "mendatar": true}}`) set on landscape A4
//! pages of their own, with the legal note, the running header and the page
//! label placed for the wide page; the PDF's pages with their own MediaBox;
//! a signer on such a page found by coordinates; a table too wide for a
//! portrait page told to turn.

use lapkin::RenderOptions;
use lapkin::layout::tags::{ArtifactKind, Tag};
use lapkin::layout::{Item, Layout, Page, Pt, Size, Style, TextRun};
use lapkin::pdf::SignaturePlacement;
use lapkin_tests::{layout_report, load_report, render_pdf};
use lopdf::Document;

/// Table A's section, a 40-row table with a two-level heading and the
/// closing block on landscape pages (`fixtures/layout/generate.py`).
const FIXTURE: &str = "layout/landscape-pages.json";

fn layout(name: &str) -> Layout {
    layout_report(&load_report(name), &RenderOptions::default()).unwrap()
}

fn is_landscape(p: &Page) -> bool {
    p.size.width > p.size.height
}

fn texts(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.all_items().filter_map(|i| match i {
        Item::Text(t) if !t.invisible => Some(t),
        _ => None,
    })
}

/// The body's runs of page `p` (not the header or the footer).
fn body(page: &Page) -> Vec<&TextRun> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !t.invisible => Some(t),
            _ => None,
        })
        .collect()
}

fn holds(page: &Page, needle: &str) -> bool {
    texts(page).any(|t| t.text.contains(needle))
}

/// The pages (0-based) that hold a run containing `needle`.
fn pages_with(l: &Layout, needle: &str) -> Vec<usize> {
    (0..l.pages.len())
        .filter(|&p| holds(&l.pages[p], needle))
        .collect()
}

/// The 40 rows' budget figures, "1.843.127.400" … "1.843.166.400".
fn row_figures() -> Vec<String> {
    (1..=40)
        .map(|n| {
            let v = 1_843_126_400_u64 + n * 1000;
            format!(
                "{}.{:03}.{:03}.{:03}",
                v / 1_000_000_000,
                v / 1_000_000 % 1000,
                v / 1000 % 1000,
                v % 1000
            )
        })
        .collect()
}

/// The section goes on a landscape page of its own; the table's pages
/// are landscape, between a portrait page that ends with the sentence
/// introducing it and a portrait page that starts with the text after
/// it; the closing block is on a landscape page, the last.
#[test]
fn the_section_the_table_and_the_closing_block_go_on_landscape_pages() {
    let l = layout(FIXTURE);
    let turned: Vec<bool> = l.pages.iter().map(is_landscape).collect();
    let a4 = Size::A4;
    for (i, p) in l.pages.iter().enumerate() {
        let want = match turned[i] {
            true => (a4.height, a4.width),
            false => (a4.width, a4.height),
        };
        assert_eq!((p.size.width, p.size.height), want, "page {}", i + 1);
    }
    assert!(!turned[0], "the title and the intro stay portrait");
    assert_eq!(pages_with(&l, "A. Progress Capaian Kinerja"), [1]);
    assert!(turned[1] && !holds(&l.pages[1], "B. Hasil Analisis"));
    assert_eq!(pages_with(&l, "B. Hasil Analisis"), [2]);
    assert!(!turned[2]);
    let before = body(&l.pages[2]).last().unwrap().text.clone();
    assert!(before.ends_with("tabel berikut:"), "{before}");
    // The table's pages: its title on the first, a row on each.
    let figures = row_figures();
    let table: Vec<usize> = (0..l.pages.len())
        .filter(|&p| figures.iter().any(|f| holds(&l.pages[p], f)))
        .collect();
    assert!(table.len() >= 2, "{table:?}");
    assert_eq!(pages_with(&l, "Tabel 1. Realisasi Anggaran"), [table[0]]);
    assert_eq!(table[0], 3);
    assert!(table.windows(2).all(|w| w[1] == w[0] + 1), "{table:?}");
    assert!(table.iter().all(|&p| turned[p]), "{turned:?}");
    let after = table[table.len() - 1] + 1;
    assert!(!turned[after]);
    let first = body(&l.pages[after])[0].text.clone();
    assert!(
        first.starts_with("Kegiatan yang sudah dilakukan"),
        "{first}"
    );
    let last = l.pages.len() - 1;
    assert_eq!(pages_with(&l, "Nama Pejabat"), [last]);
    assert!(turned[last] && !holds(&l.pages[last], "D. Rekomendasi"));
}

/// The whole two-level header is on each of the table's landscape pages,
/// above its rows, tagged once (where the table starts) and a pagination
/// artifact where it repeats; every row is printed once.
#[test]
fn a_tables_header_repeats_on_each_of_its_landscape_pages() {
    let l = layout(FIXTURE);
    let figures = row_figures();
    let mut seen = vec![0; figures.len()];
    let mut pages = 0;
    for (p, page) in l.pages.iter().enumerate() {
        let rows: Vec<&TextRun> = body(page)
            .into_iter()
            .filter(|t| figures.contains(&t.text))
            .collect();
        if rows.is_empty() {
            continue;
        }
        pages += 1;
        for t in &rows {
            seen[figures.iter().position(|f| *f == t.text).unwrap()] += 1;
        }
        for label in ["Realisasi per Triwulan (kumulatif)", "Pembilang", "TW II"] {
            let heads: Vec<&TextRun> = body(page).into_iter().filter(|t| t.text == label).collect();
            assert_eq!(heads.len(), 1, "page {}: {label}", p + 1);
            assert!(heads[0].y < rows[0].y, "page {}: {label}", p + 1);
            let repeated = heads[0].tag == Tag::Artifact(ArtifactKind::Pagination);
            assert_eq!(repeated, pages > 1, "page {}: {:?}", p + 1, heads[0].tag);
        }
    }
    assert!(pages >= 2, "{pages}");
    assert!(seen.iter().all(|n| *n == 1), "{seen:?}");
}

/// The footer's rule, the legal note and the page label of a landscape
/// page span its own text width (its margins turned with it: 25 mm left,
/// 20 mm right), at the same distance from its bottom edge as on a
/// portrait page; the running header sits above its top margin (30 mm).
#[test]
fn the_note_the_header_and_the_label_are_placed_for_the_landscape_page() {
    let (portrait, turned) = (Style::default(), Style::default().landscape());
    let l = layout(FIXTURE);
    let (p, q) = (&l.pages[0], &l.pages[1]);
    assert!(!is_landscape(p) && is_landscape(q));
    let rule = |page: &Page| {
        page.footer
            .note
            .iter()
            .find_map(|i| match i {
                Item::Rule(r) => Some(r.clone()),
                _ => None,
            })
            .unwrap()
    };
    let r = rule(q);
    assert!(r.x1.approx_eq(Pt::from_mm(25.0)), "{r:?}");
    assert!(r.x2.approx_eq(q.size.width - Pt::from_mm(20.0)), "{r:?}");
    assert!((q.size.height - r.y1).approx_eq(p.size.height - rule(p).y1));
    let label = |page: &Page| match &page.footer.label[..] {
        [Item::Text(t)] => t.clone(),
        other => panic!("{other:?}"),
    };
    let (lp, lq) = (label(p), label(q));
    assert_eq!(lq.text, format!("Halaman 2 dari {}", l.pages.len()));
    assert!((lq.x + lq.width).approx_eq(q.size.width - turned.margin.right));
    assert!((q.size.height - lq.y).approx_eq(p.size.height - lp.y));
    // The note's lines run across the wide page: its second item's text
    // is as long as on a portrait page, and starts at the left margin.
    let note = |page: &Page| -> Vec<TextRun> {
        page.footer
            .note
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    };
    let (np, nq) = (note(p), note(q));
    assert_eq!(np.len(), nq.len());
    for (a, b) in np.iter().zip(&nq) {
        assert_eq!(a.text, b.text);
        assert!((b.x - turned.margin.left).approx_eq(a.x - portrait.margin.left));
        assert!(b.y.0 < q.size.height.0 && b.y > lq.y - Pt(1.0));
    }
    // PPPOMN's running header, over Tabel 14 on its landscape page.
    let l = layout("units/pppomn-2021-tw2.json");
    let t = pages_with(&l, "Tabel 14. Realisasi Anggaran")[0];
    let page = &l.pages[t];
    assert!(is_landscape(page));
    let header: Vec<&TextRun> = page
        .header
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(
        header[0].text,
        "Laporan Kinerja Interim Triwulan II Tahun 2021"
    );
    let h = header[0];
    assert!((h.x + h.width).approx_eq(page.size.width - turned.margin.right));
    assert!(h.y < turned.margin.top - turned.footer_gap / 2.0, "{h:?}");
    assert!(
        h.y > portrait.margin.top,
        "lower than on portrait pages: {h:?}"
    );
}

/// The signer's box on a landscape page: its page and the page's height
/// recorded, BSrE's coordinates and the PDF rectangle inside the wide
/// page, the tag drawn inside the box, and the empty signature field over
/// it on that page.
#[test]
fn a_signature_box_on_a_landscape_page_is_found_by_its_coordinates() {
    let report = load_report(FIXTURE);
    let l = layout(FIXTURE);
    let [b] = &l.signatures[..] else {
        panic!("{:?}", l.signatures)
    };
    let page = &l.pages[b.page - 1];
    assert!(is_landscape(page) && b.page == l.pages.len());
    assert!(b.page_height.approx_eq(Size::A4.width));
    let tag = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(t) if t.invisible => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(Some(tag.text.chars().next().unwrap()), b.tag);
    assert!(tag.x >= b.rect.x && tag.x + tag.width <= b.rect.right());
    assert!(tag.y >= b.rect.y && tag.y <= b.rect.bottom());
    let place = SignaturePlacement::new(b, None);
    let [x1, y1, x2, y2] = place.pdf_rect;
    assert!(0.0 < x1 && x2 < page.size.width.0 && 0.0 < y1 && y2 < page.size.height.0);
    assert_eq!(place.bsre_v1.y_axis, y1);
    assert!((place.bsre_v2.origin_y + (y2 - y1) + y1 - page.size.height.0).abs() < 0.02);
    // The field's widget on the landscape page, at the same rectangle.
    let opts = RenderOptions::default()
        .with_pdf(lapkin::pdf::PdfOptions::default().with_signature_field("ttd_kepala"));
    let doc = Document::load_mem(&render_pdf(&report, &opts).unwrap()).unwrap();
    let pages = doc.get_pages();
    let id = pages[&(b.page as u32)];
    let annots = doc.get_dictionary(id).unwrap().get(b"Annots").unwrap();
    let widget = annots
        .as_array()
        .unwrap()
        .iter()
        .map(|a| doc.get_dictionary(a.as_reference().unwrap()).unwrap())
        .find(|d| d.get(b"FT").is_ok_and(|f| f.as_name().ok() == Some(b"Sig")))
        .unwrap();
    let rect: Vec<f64> = widget
        .get(b"Rect")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap() as f64)
        .collect();
    for (got, want) in rect.iter().zip(place.pdf_rect) {
        assert!((got - want).abs() < 0.01, "{rect:?} {:?}", place.pdf_rect);
    }
}

/// Each page's MediaBox is its own size (a landscape page is 842 × 595,
/// not a portrait one with /Rotate); the legal note is drawn once per
/// page size, as a form of that size, which every page of the size but
/// the last uses.
#[test]
fn each_landscape_page_has_its_own_media_box_and_its_own_shared_note() {
    let l = layout(FIXTURE);
    let doc =
        Document::load_mem(&render_pdf(&load_report(FIXTURE), &RenderOptions::default()).unwrap())
            .unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), l.pages.len());
    let mut forms = std::collections::BTreeMap::new();
    for (n, id) in &pages {
        let page = doc.get_dictionary(*id).unwrap();
        let size = l.pages[*n as usize - 1].size;
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert_eq!(media, [0.0, 0.0, size.width.0 as f32, size.height.0 as f32]);
        assert!(page.get(b"Rotate").is_err(), "page {n}");
        let content = String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned();
        let used: Vec<&str> = ["/LKFOOT Do", "/LKFOOT2 Do"]
            .into_iter()
            .filter(|f| content.contains(f))
            .collect();
        if *n as usize == pages.len() {
            assert!(used.is_empty(), "the last page draws its own note");
            continue;
        }
        assert_eq!(used.len(), 1, "page {n}");
        let orientation = size.width > size.height;
        assert_eq!(*forms.entry(used[0]).or_insert(orientation), orientation);
    }
    assert_eq!(forms.len(), 2, "{forms:?}");
    let resources = doc
        .get_dictionary(
            doc.get_dictionary(pages[&1])
                .unwrap()
                .get(b"Resources")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    let xobjects = resources.get(b"XObject").unwrap().as_dict().unwrap();
    for (name, width) in [
        (&b"LKFOOT"[..], Size::A4.width),
        (b"LKFOOT2", Size::A4.height),
    ] {
        let form = doc
            .get_object(xobjects.get(name).unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap();
        let bbox = form.dict.get(b"BBox").unwrap().as_array().unwrap();
        assert_eq!(bbox[2].as_float().unwrap(), width.0 as f32);
    }
}

/// The tag tree keeps reading order across the turns: the sentence
/// before the table, the table, the sentence after it, the closing block.
#[test]
fn the_tag_tree_reads_across_the_turns_in_order() {
    let l = layout(FIXTURE);
    let node = |needle: &str| {
        l.pages
            .iter()
            .flat_map(|p| p.items.iter())
            .find_map(|i| match i {
                Item::Text(t) if t.text.contains(needle) => match t.tag {
                    Tag::Node(n) => Some(n),
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or_else(|| panic!("{needle}"))
    };
    let order = [
        node("A. Progress Capaian"),
        node("B. Hasil Analisis"),
        node("tabel berikut:"),
        node("Tabel 1. Realisasi"),
        node("Pembilang"),
        node("1.843.166.400"),
        node("Sumber: data realisasi"),
        node("Kegiatan yang sudah dilakukan"),
        node("Nama Pejabat"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

/// A table too wide for a portrait page that a landscape one holds is
/// refused with a hint to set it landscape; with `"mendatar": true` it is
/// laid out there; one too wide for either is told to be split.
#[test]
fn a_table_too_wide_for_portrait_is_told_to_turn() {
    let json = |columns: usize, mendatar: bool| {
        let mut r: serde_json::Value =
            serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
        let kolom: Vec<_> = (1..=columns)
            .map(|k| serde_json::json!({ "judul": format!("Kolom {k}") }))
            .collect();
        let baris: Vec<String> = (0..columns).map(|k| format!("Pengembangan{k}")).collect();
        r["rekomendasi"] = serde_json::json!([
            {"tabel": {"kolom": kolom, "baris": [baris], "mendatar": mendatar}}
        ]);
        lapkin::parse_report(&serde_json::to_vec(&r).unwrap()).unwrap()
    };
    let refused = |report: &lapkin::Report| {
        let e = layout_report(report, &RenderOptions::default()).unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(p.kind, lapkin::problem::Kind::TableTooWide);
        assert!(p.path().unwrap() == "rekomendasi[0].tabel");
        p.hint(lapkin::problem::Lang::En).unwrap()
    };
    let hint = refused(&json(12, false));
    assert!(
        hint.starts_with("set it on landscape pages with `\"mendatar\": true`"),
        "{hint}"
    );
    assert!(hint.contains("where it has 714 pt"), "{hint}");
    let l = layout_report(&json(12, true), &RenderOptions::default()).unwrap();
    let at = pages_with(&l, "Pengembangan11");
    assert!(at.len() == 1 && is_landscape(&l.pages[at[0]]), "{at:?}");
    for report in [json(14, false), json(14, true)] {
        let hint = refused(&report);
        assert!(hint.starts_with("split the table"), "{hint}");
    }
}

/// poppler reads the landscape pages in order: the sentence before the
/// table, its title, its header, its rows, its caption, the text after
/// it and the closing block (needs `pdftotext`; `tests/external/run.sh`).
#[test]
#[ignore = "needs poppler-utils (tests/external/run.sh)"]
fn pdftotext_reads_the_landscape_pages_in_order() {
    let pdf = render_pdf(&load_report(FIXTURE), &RenderOptions::default()).unwrap();
    let dir = std::env::temp_dir().join(format!("lapkin-landscape-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("landscape.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext");
    std::fs::remove_dir_all(&dir).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let figures = row_figures();
    let mut needles = vec![
        "A. Progress Capaian Kinerja Triwulan 1",
        "disajikan pada tabel berikut:",
        "Tabel 1. Realisasi Anggaran Per Sasaran Strategis",
        "Realisasi per Triwulan (kumulatif)",
        "Pembilang",
    ];
    needles.extend(figures.iter().map(String::as_str));
    needles.extend([
        "Sumber: data realisasi (angka contoh).",
        "Kegiatan yang sudah dilakukan adalah rapat koordinasi.",
        "D. Rekomendasi Pimpinan",
        "Bengkulu, 10 April 2025",
        "Nama Pejabat",
    ]);
    crate::units::check_in_order(&text, &needles).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages[1].contains("Halaman 2 dari"), "{}", pages[1]);
}

/// A heading right before a landscape table goes onto the table's first
/// landscape page (a section's heading over its one wide table, a
/// sub-heading over it): none is left alone at the foot of the portrait
/// page before.
#[test]
fn a_heading_goes_with_the_landscape_table_under_it() {
    let mut r: serde_json::Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
    let kolom: Vec<_> = (1..=10)
        .map(|k| serde_json::json!({ "judul": format!("Kolom {k}") }))
        .collect();
    let baris: Vec<String> = (0..10).map(|k| format!("Pengembangan{k}")).collect();
    r["susunan"] = serde_json::json!({"bagian": [
        {"jenis": "kinerja"}, {"jenis": "analisis"},
        {"judul": "Realisasi per Sasaran", "isi": [
            {"judul": "3.2.1 Realisasi Anggaran"},
            {"tabel": {"kolom": kolom, "baris": [baris], "mendatar": true}}
        ]},
        {"jenis": "anggaran"}, {"jenis": "rekomendasi"}
    ]});
    let report = lapkin::parse_report(&serde_json::to_vec(&r).unwrap()).unwrap();
    let l = layout_report(&report, &RenderOptions::default()).unwrap();
    let table = pages_with(&l, "Pengembangan9");
    assert_eq!(table.len(), 1);
    let page = &l.pages[table[0]];
    assert!(is_landscape(page));
    let first: Vec<&str> = body(page).iter().take(2).map(|t| t.text.as_str()).collect();
    assert_eq!(
        first,
        ["C. Realisasi per Sasaran", "3.2.1 Realisasi Anggaran"]
    );
    // The outline points at the landscape page.
    let entry = l
        .outline
        .iter()
        .find(|e| e.title == "C. Realisasi per Sasaran")
        .unwrap();
    assert_eq!(entry.page, table[0] + 1);
    let before = body(&l.pages[table[0] - 1]).last().unwrap().text.clone();
    assert!(!before.contains("Realisasi"), "{before}");
}
