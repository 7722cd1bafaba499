use lapkin::frame::{Face, Item, Layout, Page, TextRun};
use lapkin::units::Pt;
use lapkin::{RenderOptions, Report, Style, layout_report};
use lapkin_tests::{REFERENCE, load_report};

fn layout(report: &Report) -> Layout {
    layout_report(report, &RenderOptions::default()).unwrap()
}

fn texts(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.items.iter().filter_map(|i| match i {
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
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l)
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
        .filter(|(_, t)| t.text.contains(needle))
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
    let style = Style::default();
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
            let top = footer_top(page, &style);
            for t in body(page, &style) {
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
    let sig = l.signature.unwrap();
    assert_eq!(sig.page, l.pages.len());
    // The closing block reads in order at the right half of the page.
    let last = &l.pages[sig.page - 1];
    let right: Vec<&str> = texts(last)
        .filter(|t| t.x.0 > 300.0 && t.size == Pt(11.0) && !t.invisible)
        .map(|t| t.text.as_str())
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
        r.analisis[0].progress = (0..n)
            .map(|k| lapkin::model::Block::Paragraf(format!("Paragraf pengisi {k}.").into()))
            .collect();
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
        let sig = l.signature.unwrap();
        assert_eq!(sig.page, pages[0] + 1);
        let page = &l.pages[pages[0]];
        assert!(sig.rect.bottom().0 < footer_top(page, &style).0, "{label}");
        // Tata naskah: the signature never stands alone on a page.
        let first = body(page, &style)[0];
        assert!(first.x.0 < 200.0, "{label}: the page opens with {first:?}");
    };
    let l = layout(&base);
    assert_eq!(
        l.signature.unwrap().page,
        2,
        "the fixture's closing block moves"
    );
    check(&l, "fixture");
    // And with any length of what precedes it.
    for n in 1..30 {
        let mut r = base.clone();
        if let lapkin::model::Block::Daftar(d) = &mut r.rekomendasi[1] {
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
