use lapkin::RenderOptions;
use lapkin::pdf::PdfOptions;
use lapkin_tests::{REFERENCE, load_report};
use lapkin_tests::{layout_report, render_pdf};
use lopdf::{Document, Object};

fn render(name: &str, opts: &RenderOptions) -> Vec<u8> {
    render_pdf(&load_report(name), opts).unwrap()
}

fn info(doc: &Document) -> lopdf::Dictionary {
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id).unwrap().clone()
}

/// A text string of a dictionary (PDFDocEncoding's ASCII or UTF-16BE).
pub(crate) fn string(d: &lopdf::Dictionary, key: &str) -> String {
    let Ok(Object::String(bytes, _)) = d.get(key.as_bytes()) else {
        panic!("{key} is not a string in {d:?}")
    };
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => String::from_utf8(bytes.clone()).unwrap(),
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let opts = RenderOptions::default();
    let first = render(REFERENCE, &opts);
    // Other work in the same process must not change the output.
    let _ = render("minimal.json", &opts);
    let _ = render("layout/table-over-three-pages.json", &opts);
    let second = render(REFERENCE, &opts);
    assert!(first == second, "two renders of one report differ");
    // Nor may a fresh font set.
    let third = render(
        REFERENCE,
        &RenderOptions::default().with_fonts(lapkin::text::FontSet::liberation_sans()),
    );
    assert!(first == third);
}

#[test]
fn dates_come_from_the_report_or_the_timestamp() {
    let plain = Document::load_mem(&render(REFERENCE, &RenderOptions::default())).unwrap();
    assert_eq!(
        string(&info(&plain), "CreationDate"),
        "D:20240807000000+07'00"
    );
    assert_eq!(string(&info(&plain), "ModDate"), "D:20240807000000+07'00");
    let opts =
        RenderOptions::default().with_pdf(PdfOptions::default().with_timestamp(1_700_000_000));
    let stamped = Document::load_mem(&render(REFERENCE, &opts)).unwrap();
    assert_eq!(string(&info(&stamped), "CreationDate"), "D:20231114221320Z");
    // The document ID depends on the content and the date.
    assert_ne!(
        plain.trailer.get(b"ID").unwrap(),
        stamped.trailer.get(b"ID").unwrap()
    );
}

#[test]
fn the_pdf_has_the_pages_fonts_outline_and_information_of_the_layout() {
    let report = load_report(REFERENCE);
    let opts = RenderOptions::default();
    let layout = layout_report(&report, &opts).unwrap();
    let bytes = render_pdf(&report, &opts).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(doc.get_pages().len(), layout.pages.len());

    let i = info(&doc);
    assert_eq!(
        string(&i, "Title"),
        "Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu Tahun 2024"
    );
    assert_eq!(
        string(&i, "Author"),
        "Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu"
    );
    assert_eq!(
        string(&i, "Creator"),
        format!("lapkin {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(i.get(b"GTS_PDFXVersion").is_err(), "no false PDF/X claim");
    assert_eq!(embedded_subsets(&doc), 3, "regular, bold and italic");
    // The outline: A to D at the top, the indicators under B.
    assert_eq!(
        outline_titles(&doc),
        [
            ("A. Progress Capaian Kinerja Triwulan 2".to_owned(), 0),
            ("B. Hasil Analisis Capaian Kinerja Triwulan 2".to_owned(), 4),
            (
                "C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan 2".to_owned(),
                0
            ),
            ("D. Rekomendasi Pimpinan".to_owned(), 0),
        ]
    );
    assert_eq!(string(doc.catalog().unwrap(), "Lang"), "id-ID");
    assert_eq!(borderless_links(&doc), 2);
}

/// How many fonts the document embeds, after checking that each is a
/// subset of Liberation Sans embedded as a TrueType program.
fn embedded_subsets(doc: &Document) -> usize {
    let mut fonts = 0;
    for object in doc.objects.values() {
        if let Ok(d) = object.as_dict()
            && d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
        {
            fonts += 1;
            let name =
                String::from_utf8(d.get(b"FontName").unwrap().as_name().unwrap().to_vec()).unwrap();
            let (tag, family) = name.split_once('+').unwrap();
            assert!(
                tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
                "{name}"
            );
            assert!(family.starts_with("LiberationSans"), "{name}");
            let file = d.get(b"FontFile2").unwrap().as_reference().unwrap();
            let program = doc.get_object(file).unwrap().as_stream().unwrap();
            let size = program.decompressed_content().unwrap().len();
            assert!(size > 1000 && size < 60_000, "{name}: {size} bytes");
        }
    }
    fonts
}

/// The top-level bookmarks, each with its number of children.
fn outline_titles(doc: &Document) -> Vec<(String, usize)> {
    let catalog = doc.catalog().unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut titles = Vec::new();
    let mut next = Some(outlines.get(b"First").unwrap().as_reference().unwrap());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let mut kids = 0;
        let mut kid = item.get(b"First").ok().map(|k| k.as_reference().unwrap());
        while let Some(k) = kid {
            kids += 1;
            kid = doc
                .get_dictionary(k)
                .unwrap()
                .get(b"Next")
                .ok()
                .map(|n| n.as_reference().unwrap());
        }
        titles.push((string(item, "Title"), kids));
        next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
    }
    titles
}

/// How many link annotations the pages have, after checking that each is
/// a clickable area without a border (a page without any has no
/// `/Annots`).
fn borderless_links(doc: &Document) -> usize {
    let annots: Vec<&lopdf::Dictionary> = doc
        .get_pages()
        .values()
        .flat_map(|p| {
            doc.get_dictionary(*p)
                .unwrap()
                .get(b"Annots")
                .ok()
                .map(|a| a.as_array().unwrap().iter())
                .into_iter()
                .flatten()
                .map(|a| doc.dereference(a).unwrap().1.as_dict().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    for a in &annots {
        assert_eq!(a.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        let border: Vec<f32> = a
            .get(b"Border")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        assert_eq!(border, [0.0, 0.0, 0.0]);
    }
    annots.len()
}

#[test]
fn the_reference_report_is_small() {
    let bytes = render(REFERENCE, &RenderOptions::default());
    // Subset fonts (the full faces are 400 KB each) and compressed content.
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
}

/// The legal note, the same on every page, is drawn once (a form XObject)
/// and referred to by every page but the last, where it is drawn on the
/// page and tagged (read once, there); the page number stays on the page.
#[test]
fn the_footer_is_drawn_once_and_used_by_every_page() {
    let doc = Document::load_mem(&render(REFERENCE, &RenderOptions::default())).unwrap();
    let mut forms = 0;
    let last = doc.get_pages().len() as u32;
    for (n, id) in doc.get_pages() {
        let content = String::from_utf8_lossy(&doc.get_page_content(id)).into_owned();
        let uses = content.matches("/LKFOOT Do").count();
        if n == last {
            assert_eq!(uses, 0, "the last page draws its own note");
            continue;
        }
        assert_eq!(uses, 1, "page {n}");
        let page = doc.get_dictionary(id).unwrap();
        let resources = doc
            .get_dictionary(page.get(b"Resources").unwrap().as_reference().unwrap())
            .unwrap();
        let xobjects = resources.get(b"XObject").unwrap().as_dict().unwrap();
        let form = doc
            .get_object(xobjects.get(b"LKFOOT").unwrap().as_reference().unwrap())
            .unwrap()
            .as_stream()
            .unwrap();
        assert_eq!(
            form.dict.get(b"Subtype").unwrap().as_name().unwrap(),
            b"Form"
        );
        forms += 1;
    }
    assert_eq!(forms, doc.get_pages().len() - 1);
    assert!(forms >= 10, "{forms} pages");
    let form_count = doc
        .objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
            })
        })
        .count();
    assert_eq!(form_count, 1, "one footer for all pages");
}

/// A timestamp a PDF date cannot hold (before 1970, after 9999) is the
/// caller's error at the option, never "a bug in lapkin"; the limits
/// themselves render.
#[test]
fn a_timestamp_a_pdf_date_cannot_hold_is_an_error() {
    let report = load_report("minimal.json");
    let mut opts = RenderOptions::default();
    let max = 253_402_300_799; // 9999-12-31 23:59:59 UTC
    for bad in [-1, -100_000_000_000, max + 1, i64::MAX] {
        opts.pdf.timestamp = Some(bad);
        let err = render_pdf(&report, &opts).unwrap_err();
        assert!(err.is_input_error(), "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("pdf.timestamp: {bad} is ")),
            "{err}"
        );
    }
    for good in [0, max] {
        opts.pdf.timestamp = Some(good);
        assert!(render_pdf(&report, &opts).is_ok(), "{good}");
    }
}
