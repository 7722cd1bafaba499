//! A whole LKj (`fixtures/lkj/pppomn-2021-tw2.json`, shaped like PPPOMN's
//! Laporan Kinerja Interim Triwulan II 2021): its front matter on pages
//! i, ii …, its chapters from page 1, its subsections numbered under their
//! chapter, its tables numbered through the document, its cross-references
//! and its generated lists; read back from the PDF, every entry of the
//! Daftar Isi prints the label of the page its outline entry points to.

use std::collections::HashMap;

use lapkin::RenderOptions;
use lapkin::layout::{Item, Layout};
use lapkin::problem::Lang;
use lapkin_tests::load_report;
use lopdf::{Document, ObjectId};

const FIXTURE: &str = "lkj/pppomn-2021-tw2.json";

fn layout() -> Layout {
    let (report, opts) = lapkin_tests::load_with_files(FIXTURE);
    lapkin_tests::layout_report(&report, &opts).unwrap()
}

/// The 1-based page whose body holds a run reading `text`, if any.
fn page_of(layout: &Layout, text: &str) -> Option<usize> {
    layout
        .pages
        .iter()
        .position(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Text(t) if t.text == text))
        })
        .map(|p| p + 1)
}

/// The 1-based page whose body starts with a run reading `text`.
fn page_starting(layout: &Layout, text: &str) -> usize {
    (1..=layout.pages.len())
        .find(|p| runs(layout, *p).first().is_some_and(|t| t == text))
        .unwrap_or_else(|| panic!("no page starts with {text}"))
}

/// The body's runs of page `page` (1-based), in order.
fn runs(layout: &Layout, page: usize) -> Vec<String> {
    layout.pages[page - 1]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !t.text.trim().is_empty() => Some(t.text.clone()),
            _ => None,
        })
        .collect()
}

/// The x of the `k`-th run of page `page` (1-based).
fn first_run_x(layout: &Layout, page: usize, k: usize) -> f64 {
    layout.pages[page - 1]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !t.text.trim().is_empty() => Some(t.x.0),
            _ => None,
        })
        .nth(k)
        .unwrap()
}

/// The text with every white space removed.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The page labels `/PageLabels` gives each of `pages` pages (as the PDF
/// standard counts: decimal, roman, or only the prefix without a style).
fn page_labels(doc: &Document, pages: usize) -> Vec<String> {
    let catalog = doc.catalog().unwrap();
    let labels = doc
        .dereference(catalog.get(b"PageLabels").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap();
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    let mut runs: Vec<(usize, Option<Vec<u8>>, i64)> = Vec::new();
    for pair in nums.chunks(2) {
        let start = pair[0].as_i64().unwrap() as usize;
        let d = doc.dereference(&pair[1]).unwrap().1.as_dict().unwrap();
        let style = d.get(b"S").ok().map(|s| s.as_name().unwrap().to_vec());
        let first = d.get(b"St").map_or(1, |n| n.as_i64().unwrap());
        runs.push((start, style, first));
    }
    (0..pages)
        .map(|i| {
            let (start, style, first) = runs.iter().rev().find(|r| r.0 <= i).unwrap();
            let n = first + (i - start) as i64;
            match style.as_deref() {
                Some(b"D") => n.to_string(),
                Some(b"r") => roman(n).to_lowercase(),
                Some(b"R") => roman(n),
                None => String::new(),
                Some(other) => panic!("style {other:?}"),
            }
        })
        .collect()
}

fn roman(mut n: i64) -> String {
    let mut out = String::new();
    for (v, d) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(d);
            n -= v;
        }
    }
    out
}

/// Every outline entry: its title and the page (0-based) its destination
/// is on.
fn outline(doc: &Document, pages: &HashMap<ObjectId, usize>) -> Vec<(String, usize)> {
    fn walk(
        doc: &Document,
        first: Option<ObjectId>,
        pages: &HashMap<ObjectId, usize>,
        out: &mut Vec<(String, usize)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let dest = item.get(b"Dest").unwrap().as_array().unwrap();
            let page = pages[&dest[0].as_reference().unwrap()];
            out.push((crate::pdf::string(item, "Title"), page));
            let kid = item.get(b"First").ok().map(|k| k.as_reference().unwrap());
            walk(doc, kid, pages, out);
            next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
        }
    }
    let catalog = doc.catalog().unwrap();
    let root = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    let first = root.get(b"First").ok().map(|f| f.as_reference().unwrap());
    walk(doc, first, pages, &mut out);
    out
}

/// The pages (0-based) the `GoTo` links of page `page` lead to.
fn go_to_pages(doc: &Document, page: ObjectId, pages: &HashMap<ObjectId, usize>) -> Vec<usize> {
    let Ok(annots) = doc.get_dictionary(page).unwrap().get(b"Annots") else {
        return Vec::new();
    };
    annots
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| {
            let a = doc.dereference(a).unwrap().1.as_dict().unwrap();
            let action = a.get(b"A").unwrap().as_dict().unwrap();
            (action.get(b"S").unwrap().as_name().unwrap() == b"GoTo").then(|| {
                let d = action.get(b"D").unwrap().as_array().unwrap();
                pages[&d[0].as_reference().unwrap()]
            })
        })
        .collect()
}

/// The Daftar Isi read back from the PDF: every entry (found by its
/// outline entry's title, in order, in the strict reader's text of the
/// Daftar Isi's page) prints, after its dot leaders, the label that
/// `/PageLabels` gives the page its outline entry points to; that page
/// prints the label in its own footer; and a link of the Daftar Isi's page
/// leads there.
#[test]
fn every_daftar_isi_entry_prints_the_page_label_its_outline_entry_points_to() {
    let (report, opts) = lapkin_tests::load_with_files(FIXTURE);
    let pdf = lapkin_tests::render_pdf(&report, &opts).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    let ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let index: HashMap<ObjectId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let labels = page_labels(&doc, ids.len());
    let texts: Vec<String> = crate::glyph_strings::read_pages(&pdf)
        .into_iter()
        .map(|r| squeezed(&r.text))
        .collect();
    let toc_page = texts
        .iter()
        .position(|t| t.contains("DAFTARISI") && t.contains("TIMPENYUSUN."))
        .expect("a Daftar Isi page");
    let toc = &texts[toc_page];
    let links = go_to_pages(&doc, ids[toc_page], &index);
    // The entries the Daftar Isi lists: the outline entries with a number
    // or a chapter's, front matter's or appendix's title.
    let entries: Vec<(String, usize)> = outline(&doc, &index)
        .into_iter()
        .filter(|(title, _)| toc.contains(&format!("{}.", squeezed(title))))
        .collect();
    assert!(entries.len() >= 25, "{entries:?}");
    let mut at = 0;
    for (k, (title, page)) in entries.iter().enumerate() {
        let title = squeezed(title);
        let start = at
            + toc[at..]
                .find(&title)
                .unwrap_or_else(|| panic!("{title} in {toc}"));
        let after = start + title.len();
        let end = match entries.get(k + 1) {
            Some((next, _)) => after + toc[after..].find(&squeezed(next)).unwrap(),
            // The last entry: its page, then the page's header and footer.
            None => after + toc[after..].find("Lap").unwrap(),
        };
        let printed = toc[after..end].trim_start_matches('.');
        assert!(
            toc[after..].starts_with(".."),
            "{title}: no dot leaders in {toc}"
        );
        assert_eq!(printed, labels[*page], "{title}");
        assert!(!printed.is_empty(), "{title}");
        // The page prints its label in its footer.
        let footer = format!("PPPOMN–{}", labels[*page]);
        assert!(texts[*page].ends_with(&footer), "{title}: {}", texts[*page]);
        assert!(links.contains(page), "{title}: no link to page {page}");
        at = end;
    }
    // Roman front matter, arabic from the first chapter, the cover unnumbered.
    assert_eq!(labels[..3], ["", "i", "ii"]);
    let bab1 = entries
        .iter()
        .find(|(t, _)| t == "BAB I PENDAHULUAN")
        .unwrap();
    assert_eq!(labels[bab1.1], "1");
    assert_eq!(labels.last().unwrap(), &(ids.len() - bab1.1).to_string());
}

/// Subsections are numbered under their chapter to any depth, tagged one
/// heading level below it; titled tables are numbered through the
/// document with their title above them; each chapter, front matter part
/// and appendix starts a page (the foreword's signer stays with it).
#[test]
fn chapters_subsections_tables_and_appendices_are_numbered_and_start_pages() {
    let layout = layout();
    for heading in [
        "TIM PENYUSUN",
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "RINGKASAN EKSEKUTIF",
        "BAB I",
        "BAB II",
        "BAB III",
        "BAB IV",
        "LAMPIRAN I",
        "LAMPIRAN II",
    ] {
        let page = page_starting(&layout, heading);
        // Nothing of it on the page before but the list entries.
        assert!(page > 1, "{heading}");
    }
    // The chapter's number over its title, centred.
    let bab = page_starting(&layout, "BAB III");
    assert_eq!(runs(&layout, bab)[1], "AKUNTABILITAS KINERJA");
    let (a, b) = (first_run_x(&layout, bab, 0), first_run_x(&layout, bab, 1));
    assert!(a > 150.0 && b > 100.0 && a > b, "centred: {a} {b}");
    // The foreword's signer under the foreword.
    let foreword = page_starting(&layout, "KATA PENGANTAR");
    assert_eq!(
        page_of(&layout, "Nama Kepala Pusat (pengganti)"),
        Some(foreword)
    );
    let text: Vec<String> = (1..=layout.pages.len())
        .flat_map(|p| runs(&layout, p))
        .collect();
    let in_order = [
        "1.1",
        "Gambaran Umum Organisasi",
        "1.1.1",
        "Dasar Hukum",
        "1.2",
        "Tugas Pokok dan Fungsi",
        "2.2",
        "Perjanjian Kinerja Tahun 2021",
        "Tabel 1. ",
        "3.1",
        "3.1.1",
        "3.1.3",
        "3.2",
        "Tabel 2. ",
        "Tabel 3. ",
        "4.2",
        "Rencana Tindak Lanjut",
    ];
    let mut from = 0;
    for want in in_order {
        let at = text[from..].iter().position(|t| t.starts_with(want));
        from += at.unwrap_or_else(|| panic!("{want} after {:?}", &text[from.saturating_sub(3)..]));
    }
    // Heading levels: chapters H2, 1.1 H3, 1.1.1 H4, 3.1.1's sub-heading H5.
    let roles: Vec<String> = layout
        .structure
        .nodes
        .iter()
        .filter(|n| n.role.heading_level().is_some())
        .map(|n| n.role.name().to_owned())
        .collect();
    for level in ["H1", "H2", "H3", "H4", "H5"] {
        assert!(roles.iter().any(|r| r == level), "{level}: {roles:?}");
    }
    assert!(!roles.iter().any(|r| r == "H6"), "{roles:?}");
}

/// A cross-reference without text prints its target's label ("Subbab
/// 2.2", "Tabel 3", "BAB I") and is a link to its anchor; one with text
/// keeps it.
#[test]
fn cross_references_print_their_targets_label_and_link_to_it() {
    let layout = layout();
    let foreword = page_starting(&layout, "KATA PENGANTAR");
    let page_text = layout.page_text(foreword - 1).unwrap();
    let page_text = page_text.replace('\n', " ");
    assert!(
        page_text.contains("Perjanjian Kinerja (lihat Subbab 2.2)"),
        "{page_text}"
    );
    assert!(page_text.contains("disajikan pada Tabel 3."), "{page_text}");
    for uri in ["#perjanjian-kinerja", "#tabel-anggaran-sasaran"] {
        let linked = layout.pages[foreword - 1]
            .items
            .iter()
            .any(|i| matches!(i, Item::Link(l) if l.uri == uri));
        assert!(linked, "{uri}");
        let anchor = layout.anchor(&uri[1..]).unwrap();
        assert!(anchor.page > foreword, "{uri}: {anchor:?}");
    }
    // "{nomor}, halaman {halaman}" in a link's text: the label and the
    // target's page as printed.
    let summary = page_starting(&layout, "RINGKASAN EKSEKUTIF");
    let anchor = layout.anchor("capaian-anggaran").unwrap();
    let text = layout.page_text(summary - 1).unwrap().replace('\n', " ");
    let want = format!(
        "(uraian pada Subbab 3.2, halaman {}).",
        layout.page_label(anchor.page)
    );
    assert!(text.contains(&want), "{want} in {text}");
    assert!(
        runs(&layout, anchor.page).contains(&"3.2".to_owned()),
        "{anchor:?}"
    );
    let bab1 = page_starting(&layout, "BAB I");
    let text = layout.page_text(bab1 - 1).unwrap().replace('\n', " ");
    assert!(
        text.contains("terdiri atas BAB I Pendahuluan, BAB II Perencanaan Kinerja, BAB III"),
        "{text}"
    );
}

/// The Daftar Tabel lists every numbered table, the Daftar Lampiran every
/// appendix, each with its page.
#[test]
fn the_lists_of_tables_and_appendices_give_their_pages() {
    let layout = layout();
    let tables = page_starting(&layout, "DAFTAR TABEL");
    let text = layout.page_text(tables - 1).unwrap();
    let label = |heading: &str| layout.page_label(page_starting(&layout, heading));
    let t3 = layout.anchor("tabel-anggaran-sasaran").unwrap();
    let want = format!(
        "Realisasi Anggaran Per Sasaran Strategis\n{}",
        layout.page_label(t3.page)
    );
    assert!(text.contains("Tabel 3."), "{text}");
    let squeezed_text = squeezed(&text).replace('.', "");
    assert!(
        squeezed_text.contains(&squeezed(&want).replace('.', "")),
        "{want:?} in {text}"
    );
    let appendices = page_starting(&layout, "DAFTAR LAMPIRAN");
    let text = squeezed(&layout.page_text(appendices - 1).unwrap()).replace('.', "");
    assert!(
        text.contains(&format!(
            "LAMPIRANIIRENCANAAKSIPERJANJIANKINERJATRIWULANIITAHUN2021{}",
            label("LAMPIRAN II")
        )),
        "{text}"
    );
}

/// A link to an id the report does not have is refused with its path and
/// the nearest id, in English and in Indonesian; an id given twice, an id
/// a link cannot name, a link without text to an unnumbered table, a
/// standard part among the appendices and subsections nested too deep are
/// refused with their paths.
#[test]
fn wrong_ids_and_references_are_refused_with_their_paths() {
    let mut json: serde_json::Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes(FIXTURE)).unwrap();
    let awal = &mut json["susunan"]["awal"];
    awal[2]["isi"][0] = "Lihat [](#gambaran-umu).".into();
    json["susunan"]["bagian"][1]["id"] = "gambaran-umum".into();
    json["susunan"]["lampiran"][1]["id"] = "bad id".into();
    json["susunan"]["lampiran"][0]["isi"] = serde_json::json!(["Lihat [](#tabel-polos).",
        {"tabel": {"id": "tabel-polos", "kolom": [{"judul": "A"}], "baris": [["x"]]}}]);
    json["periode"] = "s.d. Bulan Juni".into();
    let lampiran = json["susunan"]["lampiran"].as_array_mut().unwrap();
    lampiran.push(serde_json::json!({"jenis": "kinerja"}));
    let mut deep = serde_json::json!({"judul": "Terdalam", "isi": ["teks"]});
    for _ in 0..7 {
        deep = serde_json::json!({"judul": "Sub", "isi": [{"subbab": deep}]});
    }
    json["susunan"]["bagian"][3]["isi"][1] = serde_json::json!({"subbab": deep});
    let err = lapkin::parse_report(json.to_string().as_bytes()).unwrap_err();
    let messages: Vec<String> = err.problems().iter().map(|p| p.text(Lang::En)).collect();
    let all = messages.join("\n");
    for want in [
        "susunan.awal[2].isi[0]: the link points to \"gambaran-umu\", which no section, subsection, \
         table or figure has; did you mean \"gambaran-umum\"?",
        "susunan.bagian[1].id: the id \"gambaran-umum\" is already used by susunan.bagian[0].isi[0].subbab",
        "susunan.lampiran[1].id: the id \"bad id\" is not one a link can name",
        "susunan.lampiran[0].isi[0]: the link has no text and susunan.lampiran[0].isi[1].tabel has no \
         number to print in its place",
        "susunan.lampiran[2].jenis: an appendix is a section of your own",
        "subbab: subsections nested 7 deep; at most 6 are allowed",
        "periode: is not printed: the cover (\"sampul\" in susunan.awal) replaces the title and the intro",
    ] {
        assert!(all.contains(want), "{want}\nnot in\n{all}");
    }
    let id: Vec<String> = err.problems().iter().map(|p| p.text(Lang::Id)).collect();
    let id: Vec<&String> = id.iter().filter(|m| m.contains("gambaran-umu\"")).collect();
    assert!(
        id[0].contains("tautan merujuk ke \"gambaran-umu\"")
            && id[0].contains("mungkin maksudnya \"gambaran-umum\"?"),
        "{}",
        id[0]
    );
}

/// The same report gives the same bytes, and a report with no id, no
/// front matter and no appendix renders as before: no page labels, no
/// anchors.
#[test]
fn the_lkj_is_deterministic_and_other_reports_get_no_labels() {
    let (report, opts) = lapkin_tests::load_with_files(FIXTURE);
    let a = lapkin_tests::render_pdf(&report, &opts).unwrap();
    let b = lapkin_tests::render_pdf(&report, &opts).unwrap();
    assert!(a == b);
    let reference = load_report(lapkin_tests::REFERENCE);
    let layout = lapkin_tests::layout_report(&reference, &opts).unwrap();
    assert!(layout.page_labels.is_empty() && layout.anchors.is_empty());
    let pdf = lapkin_tests::render_pdf(&reference, &opts).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"PageLabels").is_err());
}

/// The examples of `docs/lkj.md`, put together in order into one report
/// (the front matter and a chapter, the chapter's own content, a table and
/// a paragraph in it, the appendices), render and print what the page
/// says they print.
#[test]
fn the_examples_of_docs_lkj_render_as_described() {
    use serde_json::{Value, json};
    let page = std::fs::read_to_string(lapkin_tests::root().join("docs/lkj.md")).unwrap();
    let blocks: Vec<&str> = page
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().trim())
        .collect();
    assert_eq!(blocks.len(), 6, "{blocks:?}");
    let mut report: Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
    for part in ["kinerja", "analisis", "anggaran", "rekomendasi"] {
        report.as_object_mut().unwrap().remove(part);
    }
    let parsed =
        |b: &str| -> Value { serde_json::from_str(b).unwrap_or_else(|e| panic!("{e}: {b}")) };
    report["susunan"] = parsed(&format!("{{{}}}", blocks[0]))["susunan"].clone();
    report["susunan"]["bagian"] = json!([parsed(blocks[1])]);
    let isi = report["susunan"]["bagian"][0]["isi"]
        .as_array_mut()
        .unwrap();
    isi.push(parsed(blocks[3]));
    isi.push(parsed(blocks[4]));
    // The chapter with table A and the budget as its subsection 2.2.
    let chapters = parsed(&format!("{{{}}}", blocks[2]))["bagian"].clone();
    let minimal: Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
    report["kinerja"] = minimal["kinerja"].clone();
    report["anggaran"] = minimal["anggaran"].clone();
    let bagian = report["susunan"]["bagian"].as_array_mut().unwrap();
    bagian.extend(chapters.as_array().unwrap().iter().cloned());
    report["susunan"]["lampiran"] = parsed(&format!("{{{}}}", blocks[5]))["lampiran"].clone();
    let report =
        lapkin::parse_report(report.to_string().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let layout = lapkin_tests::layout_report(&report, &RenderOptions::default()).unwrap();
    let text: String = (0..layout.pages.len())
        .map(|p| layout.page_text(p).unwrap().replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ");
    let text = squeezed(&text).to_uppercase();
    for want in [
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "1.1 Latar Belakang",
        "1.1.1 Dasar Hukum",
        "1.2 Tugas dan Fungsi",
        "Tabel 1. Realisasi Anggaran Per Sasaran Strategis",
        "Laporan ini terdiri atas BAB I Pendahuluan; capaian anggaran pada Tabel 1 dan Subbab 1.1, serta uraian berikut.",
        "BAB II AKUNTABILITAS KINERJA",
        "2.1 Capaian Kinerja per Sasaran Strategis",
        "2.2 Capaian Kinerja Anggaran",
        "Total",
        "Realisasi anggaran sampai dengan Triwulan II sebesar 23,03%",
        "Lampiran I PERJANJIAN KINERJA TAHUN 2021",
        "LAMPIRAN II RENCANA AKSI TRIWULAN II TAHUN 2021",
    ] {
        assert!(
            text.contains(&squeezed(want).to_uppercase()),
            "{want}\nnot in\n{text}"
        );
    }
    // The subsection with "halaman_baru" starts its page.
    assert_eq!(
        runs(&layout, page_starting(&layout, "1.2"))[1],
        "Tugas dan Fungsi"
    );
    assert_eq!(layout.page_label(1), "");
    assert_eq!(layout.page_label(2), "i");
    // "{jumlah}" counts the pages of the numbering the page is in.
    assert!(
        text.contains("HALAMANIIDARIVII") && text.contains("HALAMAN1DARI5"),
        "{text}"
    );
}

/// A layout built by a caller: page label runs out of order or on pages it
/// does not have, and anchors on such pages, are refused with their paths;
/// runs that start after the first page get an arabic run for the pages
/// before them.
#[test]
fn page_labels_and_anchors_of_a_callers_layout_are_checked() {
    use lapkin::layout::{Anchor, NumberStyle, PageLabel, PageNumbering, Pt};
    let (report, opts) = lapkin_tests::load_with_files(FIXTURE);
    let good = lapkin_tests::layout_report(&report, &opts).unwrap();
    let mut layout = good.clone();
    let roman = PageNumbering::new(NumberStyle::LowerRoman, 1);
    layout.page_labels = vec![
        PageLabel::new(3, roman),
        PageLabel::new(2, roman),
        PageLabel::new(99, roman),
    ];
    layout.anchors.push(Anchor::new("jauh", 0, Pt(10.0)));
    let err = lapkin::pdf::write_pdf(&layout, &opts.fonts, &opts.pdf)
        .unwrap_err()
        .to_string();
    for path in ["layout.page_labels[1].page", "layout.page_labels[2].page"] {
        assert!(err.contains(path), "{path} in {err}");
    }
    assert!(
        err.contains(&format!("layout.anchors[{}].page", good.anchors.len())),
        "{err}"
    );
    assert!(!err.contains("layout.page_labels[0]"), "{err}");
    // Runs from page 3 on: pages 1 and 2 are arabic.
    layout.page_labels.truncate(1);
    layout.anchors.pop();
    let pdf = lapkin::pdf::write_pdf(&layout, &opts.fonts, &opts.pdf).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    let labels = page_labels(&doc, 4);
    assert_eq!(labels, ["1", "2", "i", "ii"]);
}

/// A generated list among the sections of a report without front matter:
/// not numbered, listing the numbered chapters and their subsections and
/// the unnumbered section, each on page 1.
#[test]
fn a_list_among_the_sections_is_not_numbered() {
    let json = serde_json::json!({
        "unit": {"nama": "UPT X", "nama_lengkap": "Unit X", "provinsi": "Jambi"},
        "triwulan": 1, "tahun": 2025,
        "susunan": {"penomoran": "angka", "bagian": [
            {"jenis": "daftar_isi"},
            {"judul": "Pendahuluan", "isi": [{"subbab": {"judul": "Latar", "isi": ["Teks [](#ringkas)."]}}]},
            {"judul": "Ringkasan", "id": "ringkas", "bernomor": false, "isi": ["x"]}
        ]}
    });
    let report = lapkin::parse_report(json.to_string().as_bytes()).unwrap();
    let layout = lapkin_tests::layout_report(&report, &RenderOptions::default()).unwrap();
    let text = squeezed(&layout.page_text(0).unwrap());
    for want in [
        "DaftarIsi",
        "DaftarIsi..",
        "1.Pendahuluan..",
        "1.1Latar..",
        "Ringkasan..",
        "TeksRingkasan.",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    assert!(
        !text.contains("1.DaftarIsi") && !text.contains("2.Pendahuluan"),
        "{text}"
    );
    assert!(layout.page_labels.is_empty());
}
