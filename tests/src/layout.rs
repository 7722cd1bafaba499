use lapkin::layout::{Item, Layout, Page, Pt, Style, TextRun};
use lapkin::text::Face;
use lapkin::{RenderOptions, Report};
use lapkin_tests::{REFERENCE, layout_report, load_report};

fn layout(report: &Report) -> Layout {
    layout_report(report, &RenderOptions::default()).unwrap()
}

fn texts(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.all_items().filter_map(|i| match i {
        Item::Text(t) => Some(t),
        _ => None,
    })
}

/// The body's text runs (not the footer's), in painting order.
fn body<'a>(page: &'a Page, style: &Style) -> Vec<&'a TextRun> {
    texts(page)
        .filter(|t| t.size > style.footer_font_size)
        .collect()
}

/// Where the footer starts: its rule across the text width.
fn footer_top(page: &Page, style: &Style) -> Pt {
    page.all_items()
        .filter_map(|i| match i {
            Item::Rule(l)
                if l.y1 == l.y2
                    && l.x1.approx_eq(style.margin.left)
                    && l.x2.approx_eq(page.size.width - style.margin.right) =>
            {
                Some(l.y1)
            }
            _ => None,
        })
        .fold(Pt(0.0), Pt::max)
}

fn find<'a>(l: &'a Layout, needle: &str) -> Vec<(usize, &'a TextRun)> {
    l.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| texts(p).map(move |t| (i, t)))
        // A no-break space (between the words of a date, a code) reads as a space.
        .filter(|(_, t)| t.text.replace('\u{a0}', " ").contains(needle))
        .collect()
}

/// The page dump of every focused fixture, and of the reference report.
#[test]
fn page_dumps() {
    insta::glob!("../../fixtures", "layout/*.json", |path| {
        let report = lapkin::parse_report(&std::fs::read(path).unwrap()).unwrap();
        insta::assert_snapshot!(layout(&report).to_string());
    });
    insta::assert_snapshot!("reference", layout(&load_report(REFERENCE)).to_string());
    insta::assert_snapshot!("minimal", layout(&load_report("minimal.json")).to_string());
}

/// Rules that hold on every page of every fixture.
#[test]
fn every_page_of_every_fixture_is_well_formed() {
    let portrait = Style::default();
    let mut names = vec![REFERENCE.to_owned(), "minimal.json".to_owned()];
    for entry in std::fs::read_dir(lapkin_tests::fixture("layout")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") {
            names.push(format!("layout/{name}"));
        }
    }
    for name in names {
        let l = layout(&load_report(&name));
        let n = l.pages.len();
        for (i, page) in l.pages.iter().enumerate() {
            // A landscape page has its margins turned with it.
            let turned = portrait.landscape();
            let style = match page.size.width > page.size.height {
                true => &turned,
                false => &portrait,
            };
            let all: Vec<&TextRun> = texts(page).collect();
            // The legal note and the page number, on every page.
            let footer: String = all
                .iter()
                .filter(|t| t.size == style.footer_font_size)
                .map(|t| t.text.as_str())
                .collect();
            assert!(footer.contains("Catatan :"), "{name} p{}", i + 1);
            assert!(
                footer.contains("UU ITE No.11 Tahun 2008 Pasal 5 Ayat 1"),
                "{name}"
            );
            assert!(footer.contains("diterbitkan oleh BSrE"), "{name}");
            assert!(
                footer.contains(&format!("Halaman {} dari {n}", i + 1)),
                "{name} p{}: {footer}",
                i + 1
            );
            // Nothing runs past the margins.
            for t in &all {
                assert!(t.x.0 >= style.margin.left.0 - 1e-6, "{name}: {t:?}");
                assert!(
                    (t.x + t.width).0 <= (page.size.width - style.margin.right).0 + 1e-3,
                    "{name} p{}: {t:?}",
                    i + 1
                );
            }
            // The body stays above the footer.
            let top = footer_top(page, style);
            for t in body(page, style) {
                assert!(t.y.0 < top.0, "{name} p{}: {t:?} below {top}", i + 1);
            }
            // Runs on one baseline do not overlap.
            let mut runs: Vec<&&TextRun> = all.iter().filter(|t| !t.invisible).collect();
            runs.sort_by(|a, b| a.y.0.total_cmp(&b.y.0).then(a.x.0.total_cmp(&b.x.0)));
            for w in runs.windows(2) {
                if w[0].y.approx_eq(w[1].y) {
                    assert!(
                        (w[0].x + w[0].width).0 <= w[1].x.0 + 1e-3,
                        "{name} p{}: {:?} overlaps {:?}",
                        i + 1,
                        w[0].text,
                        w[1].text
                    );
                }
            }
        }
    }
}

#[test]
fn the_reference_report_has_its_outline_and_signature() {
    let l = layout(&load_report(REFERENCE));
    let outline: Vec<(u8, &str)> = l
        .outline
        .iter()
        .map(|e| (e.level, e.title.as_str()))
        .collect();
    assert_eq!(outline.len(), 8);
    assert_eq!(outline[0], (0, "A. Progress Capaian Kinerja Triwulan 2"));
    assert_eq!(
        outline[1],
        (0, "B. Hasil Analisis Capaian Kinerja Triwulan 2")
    );
    assert!(outline[2].1.starts_with("1. IKK 1.1 Presentase"));
    assert_eq!(outline[2].0, 1);
    assert!(outline[5].1.starts_with("4. IKK 2.2"));
    assert_eq!(
        outline[6],
        (
            0,
            "C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan 2"
        )
    );
    assert_eq!(outline[7], (0, "D. Rekomendasi Pimpinan"));
    // Bookmarks point at their headings: bold text just below the mark.
    for e in &l.outline {
        let page = &l.pages[e.page - 1];
        assert!(
            texts(page).any(|t| t.face == Face::Bold && t.y.0 > e.y.0 && t.y.0 < e.y.0 + 30.0),
            "{e:?}"
        );
    }
    let sig = l.signatures[0].clone();
    assert_eq!(sig.page, l.pages.len());
    // The closing block reads in order at the right half of the page.
    let last = &l.pages[sig.page - 1];
    let right: Vec<String> = texts(last)
        .filter(|t| t.x.0 > 300.0 && t.size == Pt(11.0) && !t.invisible)
        .map(|t| t.text.replace('\u{a0}', " "))
        .collect();
    assert_eq!(
        right,
        [
            "Bengkulu, 07 Agustus 2024",
            "Kepala Balai Penjaminan Mutu Pendidikan",
            "Provinsi Bengkulu,",
            "Ditandatangani secara elektronik oleh :",
            "Widyati Rosita",
            "NIP 196805091993032001"
        ]
    );
    // The box lies between the position and the signer line.
    let pos = find(&l, "Provinsi Bengkulu,").last().unwrap().1.y;
    let signed = find(&l, "Ditandatangani secara").last().unwrap().1.y;
    assert!(sig.rect.y.0 > pos.0 && sig.rect.bottom().0 < signed.0 - 8.0);
    // Figures the Indonesian way, and the ≤ of the source.
    assert!(!find(&l, "27.576.750.000").is_empty());
    assert!(!find(&l, "AKS PAUD \u{2264} 75%").is_empty());
}

#[test]
fn a_table_over_three_pages_repeats_its_header() {
    let l = layout(&load_report("layout/table-over-three-pages.json"));
    let first = find(&l, "Kegiatan pendampingan nomor 1 di").remove(0).0;
    let last = find(&l, "Kegiatan pendampingan nomor 90 di").remove(0).0;
    assert!(last >= first + 2, "the table spans {first}..={last}");
    for p in first..=last {
        let page = &l.pages[p];
        // The header ("No", "Kegiatan", "Tanggal", "Peserta" in bold) comes
        // before the first row on the page.
        let bold: Vec<&TextRun> = texts(page)
            .filter(|t| t.face == Face::Bold && t.size == Pt(9.0))
            .collect();
        let header: Vec<&str> = bold.iter().map(|t| t.text.as_str()).collect();
        let at = header.iter().position(|t| *t == "Kegiatan").unwrap();
        assert_eq!(
            &header[at - 1..at + 3],
            ["No", "Kegiatan", "Tanggal", "Peserta"],
            "p{p}"
        );
        let header_y = bold[at].y;
        let rows = find(&l, "Kegiatan pendampingan nomor");
        let first_row = rows.iter().find(|(q, _)| *q == p).unwrap().1;
        assert!(header_y.0 < first_row.y.0);
    }
    // Every row exactly once, in order.
    let numbers: Vec<usize> = find(&l, "Kegiatan pendampingan nomor")
        .iter()
        .map(|(_, t)| t.text.split_whitespace().nth(3).unwrap().parse().unwrap())
        .collect();
    assert_eq!(numbers, (1..=90).collect::<Vec<_>>());
    // The caption follows the last row on its page.
    assert_eq!(find(&l, "Kegiatan pendampingan triwulan 1")[0].0, last);
}

#[test]
fn a_row_taller_than_a_page_is_split_between_lines() {
    let style = Style::default();
    let l = layout(&load_report("layout/row-taller-than-a-page.json"));
    // The long cell's sentences "(1)" to "(40)" come in order over pages.
    let mut seen = Vec::new();
    let mut pages = std::collections::BTreeSet::new();
    for (p, page) in l.pages.iter().enumerate() {
        for t in texts(page) {
            for word in t.text.split_whitespace() {
                if let Some(n) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
                    seen.push(n.parse::<u32>().unwrap());
                    pages.insert(p);
                }
            }
        }
    }
    assert_eq!(seen, (1..=40).collect::<Vec<_>>());
    assert!(pages.len() >= 2, "{pages:?}");
    // The row starts on the first page, right below the first row, and its
    // continuation starts under a repeated header.
    let p2 = *pages.iter().nth(1).unwrap();
    let header = texts(&l.pages[p2]).next().unwrap();
    assert_eq!(header.text, "Kegiatan");
    assert_eq!(header.face, Face::Bold);
    // Pages with the split row are filled to the bottom of the body.
    let page = &l.pages[*pages.iter().next().unwrap()];
    let lowest = body(page, &style).iter().map(|t| t.y.0).fold(0.0, f64::max);
    assert!(footer_top(page, &style).0 - lowest < 30.0, "{lowest}");
}

/// The sub-heading "Kendala / Permasalahan :" has room at the foot of the
/// page in this fixture, but the paragraph after it does not: it moves.
#[test]
fn a_heading_is_not_left_at_the_foot_of_a_page() {
    let style = Style::default();
    let l = layout(&load_report("layout/heading-at-page-foot.json"));
    let (p, h) = find(&l, "Kendala / Permasalahan :").remove(0);
    assert_eq!(p, 1);
    assert!(
        std::ptr::eq(body(&l.pages[p], &style)[0], h),
        "the heading opens page 2"
    );
    // It would have fitted on page 1.
    let prev = &l.pages[p - 1];
    let lowest = body(prev, &style).iter().map(|t| t.y.0).fold(0.0, f64::max);
    let line = 11.0 * 1.149; // Arial's line height
    assert!(lowest + line + 8.0 < footer_top(prev, &style).0 - style.footer_gap.0);
}

/// Whatever comes before it, no heading ends a page.
#[test]
fn no_heading_ends_a_page_whatever_precedes_it() {
    let style = Style::default();
    let base = load_report("minimal.json");
    for n in 1..60 {
        let mut r = base.clone();
        r.analisis[0].progress = Some(
            (0..n)
                .map(|k| lapkin::model::Blok::Paragraf(format!("Paragraf pengisi {k}.").into()))
                .collect(),
        );
        let l = layout(&r);
        for (p, page) in l.pages.iter().enumerate() {
            let b = body(page, &style);
            if let Some(last) = b.last() {
                for heading in [
                    "Progress / Kegiatan :",
                    "Kendala / Permasalahan :",
                    "Strategi / Tindak Lanjut :",
                    "D. Rekomendasi Pimpinan",
                ] {
                    assert_ne!(last.text, heading, "n={n} p{}", p + 1);
                }
            }
        }
    }
}

#[test]
fn the_signature_block_is_never_split() {
    let style = Style::default();
    let base = load_report("layout/signature-at-page-end.json");
    let check = |l: &Layout, label: &str| {
        let lines = [
            "Bengkulu, 10 April 2025",
            "Kepala Unit Pelaksana Teknis Contoh,",
            "Ditandatangani secara elektronik oleh :",
            "Nama Pejabat",
            "NIP 197001012000031001",
        ];
        let pages: Vec<usize> = lines.iter().map(|s| find(l, s).remove(0).0).collect();
        assert!(pages.iter().all(|p| *p == pages[0]), "{label}: {pages:?}");
        let sig = l.signatures[0].clone();
        assert_eq!(sig.page, pages[0] + 1);
        let page = &l.pages[pages[0]];
        assert!(sig.rect.bottom().0 < footer_top(page, &style).0, "{label}");
        // Tata naskah: the signature never stands alone on a page.
        let first = body(page, &style)[0];
        assert!(first.x.0 < 200.0, "{label}: the page opens with {first:?}");
    };
    let l = layout(&base);
    assert_eq!(
        l.signatures[0].clone().page,
        2,
        "the fixture's closing block moves"
    );
    check(&l, "fixture");
    // And with any length of what precedes it.
    for n in 1..30 {
        let mut r = base.clone();
        if let lapkin::model::Blok::Daftar(d) = &mut r.rekomendasi[1] {
            d.butir.truncate(n.min(d.butir.len()));
            while d.butir.len() < n {
                let item = d.butir[0].clone();
                d.butir.push(item);
            }
        }
        check(&layout(&r), &format!("n={n}"));
    }
}

#[test]
fn an_unbreakable_word_is_split_inside_its_narrow_cell() {
    let l = layout(&load_report("layout/unbreakable-word-in-narrow-cell.json"));
    let runs = find(&l, "xxxx");
    let total: usize = runs.iter().map(|(_, t)| t.text.trim().len()).sum();
    assert_eq!(total, 200);
    assert!(runs.len() >= 3);
    // The next column's text starts right of every piece of the word.
    let satuan = find(&l, "Lembaga")[0].1;
    for (_, t) in &runs {
        assert!((t.x + t.width).0 < satuan.x.0, "{t:?}");
    }
    // The figures beside it are whole.
    for figure in ["8.069.025.000", "804.448.500", "7.264.576.500"] {
        assert_eq!(find(&l, figure).len(), 1, "{figure}");
    }
}

#[test]
fn lists_nest_four_deep_with_hanging_indents() {
    let l = layout(&load_report("layout/lists-nested-four-deep.json"));
    let page = &l.pages[0];
    let all: Vec<&TextRun> = texts(page).collect();
    let marker_x = |level: usize, marker: &str| {
        let item = all
            .iter()
            .position(|t| t.text.starts_with(&format!("Tingkat {level} butir 1.")))
            .unwrap();
        // The marker is painted just before the item's first line.
        let m = all[..item].iter().rev().find(|t| t.text == marker).unwrap();
        assert!(m.y.approx_eq(all[item].y), "marker on the first baseline");
        (m.x, all[item].x, item)
    };
    let levels = [(1, "1."), (2, "a."), (3, "-"), (4, "1.")];
    let xs: Vec<(Pt, Pt, usize)> = levels.iter().map(|(l, m)| marker_x(*l, m)).collect();
    for w in xs.windows(2) {
        // Each level's marker sits at the text column of the level above.
        assert!(w[1].0.approx_eq(w[0].1), "{:?}", w);
    }
    // Wrapped lines of an item align with its text, not its marker.
    for (_, text_x, item) in &xs {
        let next = all[item + 1];
        assert!(next.x.approx_eq(*text_x), "{next:?} vs {text_x}");
    }
}

/// Every item's extent, horizontally and vertically: `(x1, x2, y1, y2)`.
/// Rules are taken as their geometric line (the stroke's half width is
/// not counted).
pub(crate) fn extent(item: &Item) -> (f64, f64, f64, f64) {
    match item {
        Item::Text(t) => (t.x.0, (t.x + t.width).0, t.y.0, t.y.0),
        Item::Rule(l) => (
            l.x1.0.min(l.x2.0),
            l.x1.0.max(l.x2.0),
            l.y1.0.min(l.y2.0),
            l.y1.0.max(l.y2.0),
        ),
        Item::Box(b) => (
            b.rect.x.0,
            (b.rect.x + b.rect.width).0,
            b.rect.y.0,
            b.rect.bottom().0,
        ),
        Item::Link(l) => (
            l.rect.x.0,
            (l.rect.x + l.rect.width).0,
            l.rect.y.0,
            l.rect.bottom().0,
        ),
        other => panic!("an item this test does not know: {other:?}"),
    }
}

/// Nothing is ever drawn outside the text area: every item of every page
/// of every fixture lies between the left and right margins; the body lies
/// between the top margin and the footer, the footer on the page.
#[test]
fn nothing_is_drawn_outside_the_text_area() {
    let (portrait, turned) = (Style::default(), Style::default().landscape());
    let mut names = vec![REFERENCE.to_owned(), "minimal.json".to_owned()];
    for entry in std::fs::read_dir(lapkin_tests::fixture("layout")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") {
            names.push(format!("layout/{name}"));
        }
    }
    let eps = 1e-3;
    for name in names {
        let l = layout(&load_report(&name));
        for (i, page) in l.pages.iter().enumerate() {
            // A landscape page has its margins turned with it.
            let style = match page.size.width > page.size.height {
                true => &turned,
                false => &portrait,
            };
            let left = style.margin.left.0;
            let right = (page.size.width - style.margin.right).0;
            let top = footer_top(page, style).0;
            for (k, item) in page.all_items().enumerate() {
                let (x1, x2, y1, y2) = extent(item);
                assert!(
                    x1 >= left - eps && x2 <= right + eps,
                    "{name} p{}: {item} crosses the side margins",
                    i + 1
                );
                if k < page.items.len() {
                    assert!(
                        y1 >= style.margin.top.0 - 20.0 && y2 <= top + eps,
                        "{name} p{}: {item} is outside the body",
                        i + 1
                    );
                } else {
                    assert!(
                        y1 >= top - eps && y2 <= page.size.height.0,
                        "{name} p{}: {item} is outside the footer",
                        i + 1
                    );
                }
            }
        }
    }
}

/// A header taller than a page cannot repeat above the rows on the next
/// pages: it is printed once, and pagination ends (it used to add
/// header-only pages forever).
#[test]
fn a_header_taller_than_a_page_is_not_repeated() {
    let l = layout(&load_report("layout/header-taller-than-a-page.json"));
    assert!(l.pages.len() <= 6, "{} pages", l.pages.len());
    assert_eq!(find(&l, "[180] Judul kolom").len(), 1);
    assert_eq!(find(&l, "Jumlah").len(), 1);
    let rows: Vec<usize> = find(&l, "Baris nomor ")
        .iter()
        .map(|(_, t)| t.text.trim_start_matches("Baris nomor ").parse().unwrap())
        .collect();
    assert_eq!(rows, (1..=60).collect::<Vec<_>>());
    // The rows go on over more than one page, each page filled.
    let last_page = find(&l, "Baris nomor 60")[0].0;
    assert!(last_page > find(&l, "Baris nomor 1")[0].0);
}

/// A header that fits repeats only if a line of the row fits under it; a
/// row whose first line does not fit under the header starts a page
/// without it.
#[test]
fn a_header_repeats_only_with_a_line_of_its_row() {
    let base = load_report("layout/header-taller-than-a-page.json");
    for titles in [60, 100, 140, 170] {
        let mut r = base.clone();
        if let Some(lapkin::model::Blok::Tabel(t)) =
            r.analisis[0].progress.as_mut().map(|p| &mut p[0])
        {
            t.kolom[1].judul = (1..=titles)
                .map(|n| format!("[{n}] Judul kolom yang sangat panjang"))
                .collect::<Vec<_>>()
                .join(" ")
                .into();
        }
        let l = layout(&r);
        let header_pages: Vec<usize> = find(&l, &format!("[{titles}] Judul kolom"))
            .iter()
            .map(|(p, _)| *p)
            .collect();
        for p in &header_pages {
            // Every page with the header's last line has a row below it.
            assert!(
                texts(&l.pages[*p]).any(|t| t.text.starts_with("Baris nomor")),
                "titles={titles}: page {} holds only the header",
                p + 1
            );
        }
        assert_eq!(find(&l, "Baris nomor 60").len(), 1, "titles={titles}");
    }
}

/// Whatever precedes it, the sub-heading before a table whose first row is
/// taller than a page stays with the table's header and the row's first
/// lines.
#[test]
fn a_heading_before_a_tall_row_is_not_left_alone() {
    let style = Style::default();
    let base = load_report("layout/heading-before-a-tall-row.json");
    for n in 1..60 {
        let mut r = base.clone();
        r.analisis[0].progress = Some(
            (0..n)
                .map(|k| lapkin::model::Blok::Paragraf(format!("Paragraf pengisi {k}.").into()))
                .collect(),
        );
        let l = layout(&r);
        let (p, _) = find(&l, "Kendala / Permasalahan :").remove(0);
        let page = body(&l.pages[p], &style);
        let at = page
            .iter()
            .position(|t| t.text == "Kendala / Permasalahan :")
            .unwrap();
        let after: Vec<&str> = page[at + 1..].iter().map(|t| t.text.as_str()).collect();
        assert!(
            after.contains(&"Uraian") && after.iter().any(|t| t.starts_with("Anggaran")),
            "n={n}: the heading on page {} is followed only by {after:?}",
            p + 1
        );
    }
}

/// A closing block taller than a page is refused with its path, never
/// drawn over the footer.
#[test]
fn a_closing_block_taller_than_a_page_is_refused() {
    // The model caps the closing block's texts, so this is built past it,
    // as a caller of the layout stage can.
    let report = load_report("minimal.json");
    let fonts = lapkin::text::FontSet::liberation_sans();
    let mut doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts).unwrap());
    for block in &mut doc.blocks {
        if let lapkin::document::Block::Signature(s) = block {
            let line = s.before[0].clone();
            s.before = vec![line; 80];
        }
    }
    let opts = RenderOptions::default();
    let e = lapkin::layout::layout_document(&doc, &opts.style, &opts.fonts)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("penutup: the closing block does not fit on page 3: "),
        "{e}"
    );
    assert!(e.contains("cannot be broken at all"), "{e}");
}

/// A legal note that leaves no room for the body is refused, naming it.
#[test]
fn a_legal_note_taller_than_a_page_is_refused() {
    let mut r = load_report("minimal.json");
    r.catatan = Some(vec![
        "Catatan yang sangat panjang sekali. ".repeat(900).into(),
    ]);
    let e = layout_report(&r, &RenderOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "catatan: the body text does not fit on a page: the legal note at the foot \
             of every page is "
        ),
        "{e}"
    );
}

fn table_report(
    ncols: usize,
    in_list: bool,
    cell: &dyn Fn(usize, usize) -> serde_json::Value,
) -> Report {
    let mut json: serde_json::Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
    let table = serde_json::json!({"tabel": {
        "kolom": (0..ncols).map(|k| serde_json::json!({"judul": format!("K{}", k + 1)})).collect::<Vec<_>>(),
        "baris": (0..3).map(|n| (0..ncols).map(|k| cell(n, k)).collect::<Vec<_>>()).collect::<Vec<_>>(),
    }});
    json["analisis"][0]["progress"] = if in_list {
        serde_json::json!([{"daftar": {"butir": [{"teks": "Rekap:", "isi": [{"daftar": {"butir": [
            {"teks": "Rincian:", "isi": [table]}]}}]}]}}])
    } else {
        serde_json::json!(["Tabel:", table])
    };
    lapkin::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap()
}

/// 80 columns cannot fit: the table is refused with its path and the width
/// it needs, never drawn over the margin.
#[test]
fn a_table_too_wide_even_at_the_smallest_type_is_refused() {
    let r = table_report(80, false, &|n, k| serde_json::json!(n * 80 + k));
    let e = layout_report(&r, &RenderOptions::default())
        .unwrap_err()
        .to_string();
    let want = "analisis[0].progress[1].tabel: the table does not fit on a page: its 80 \
                columns need at least ";
    assert!(e.starts_with(want), "{e}");
    assert!(e.contains("at 6 pt type"), "{e}");
    assert!(e.contains("the text area there is 435 pt wide"), "{e}");
    // Nested in lists, the path says so, and the width is the list's.
    let r = table_report(40, true, &|_, _| serde_json::json!(1234567));
    let e = layout_report(&r, &RenderOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "analisis[0].progress[0].daftar.butir[0].isi[0].daftar.butir[0].isi[0].tabel: the \
             table does not fit"
        ),
        "{e}"
    );
}

/// A table whose figures do not fit side by side at 9 pt is set in smaller
/// type, inside its column (here nested two lists deep), every figure whole.
#[test]
fn a_wide_table_is_set_smaller_and_stays_in_its_column() {
    let style = Style::default();
    let r = table_report(20, true, &|n, k| serde_json::json!(500 + n * 20 + k));
    let l = layout(&r);
    let item = find(&l, "Rincian:")[0].1;
    let runs: Vec<&TextRun> = l
        .pages
        .iter()
        .flat_map(texts)
        .filter(|t| t.text.parse::<u32>().is_ok_and(|v| (500..560).contains(&v)))
        .collect();
    assert_eq!(runs.len(), 60, "every figure once, whole");
    for t in &runs {
        assert!(
            t.size < style.table_font_size && t.size >= style.table_min_font_size,
            "{t:?}"
        );
        assert!(t.x.0 >= item.x.0, "{t:?} left of its list item");
        assert!((t.x + t.width).0 <= (l.pages[0].size.width - style.margin.right).0 + 1e-3);
    }
    // The fixture: 24 columns in a list, at a smaller size.
    let l = layout(&load_report("layout/wide-table-in-a-list.json"));
    let header: Vec<&TextRun> = l
        .pages
        .iter()
        .flat_map(texts)
        .filter(|t| t.face == Face::Bold && t.text == "24")
        .collect();
    assert_eq!(header.len(), 1);
    assert!(header[0].size < style.table_font_size, "{:?}", header[0]);
}

/// Figures are never broken, not after the decimal comma nor at the
/// thousands dots: the columns hold them, in smaller type if need be.
#[test]
fn figures_are_never_broken() {
    let l = layout(&load_report("layout/figures-in-narrow-columns.json"));
    for n in 0..3 {
        for k in 0..7 {
            let figure = lapkin::format::angka(
                &(rust_decimal::Decimal::new(806902500025, 2)
                    + rust_decimal::Decimal::from(k * 1111111 + n)),
            );
            let hits = find(&l, &figure);
            assert_eq!(hits.len(), 1, "{figure}");
            assert_eq!(hits[0].1.text.trim(), figure);
        }
    }
    // And at any table width: the unbreakable-word fixture's figures
    // beside a 200-letter word, in ever more columns.
    for cols in [8, 10, 12] {
        let r = table_report(cols, false, &|_, k| {
            if k == 1 {
                serde_json::json!("x".repeat(200))
            } else {
                serde_json::json!(8069025000.25)
            }
        });
        match layout_report(&r, &RenderOptions::default()) {
            Ok(l) => assert_eq!(find(&l, "8.069.025.000,25").len(), 3 * (cols - 1), "{cols}"),
            Err(e) => assert!(e.to_string().contains("columns need at least"), "{e}"),
        }
    }
}

/// Section C's budget codes, the NIP and the date of the reference report
/// are each on one line, whole (`text::tokens`): a search of the PDF finds
/// them.
#[test]
fn codes_dates_and_the_nip_are_never_broken() {
    let report = load_report(REFERENCE);
    let l = layout(&report);
    let mut tokens: Vec<String> = report
        .anggaran
        .iter()
        .flat_map(|a| &a.rincian)
        .filter_map(|r| r.kode.as_ref())
        .map(|k| format!("[{k}]"))
        .collect();
    tokens.extend(["NIP 196805091993032001".into(), "07 Agustus 2024".into()]);
    tokens.extend(["[SK 1.0]".into(), "[IKK 1.1]".into(), "[IKK 2.2]".into()]);
    for token in &tokens {
        assert!(!find(&l, token).is_empty(), "{token} is broken or missing");
    }
}
