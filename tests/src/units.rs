//! Other units' reports (`fixtures/units/`, shaped like the three of
//! `../shared/OTHER-UNITS.md`) come out as their units' documents: their
//! title, intro period, headings and table A's header, in order, in the
//! source's words; their own signers, budget table and page furniture; and
//! nothing of the reference report's wording that they do not use.
//!
//! Each is checked twice: on the layout's text (here, in `cargo test`),
//! and on what poppler's `pdftotext` reads from the PDF (ignored by `cargo
//! test`; `tests/external/run.sh` runs it).

use lapkin::RenderOptions;
use lapkin::layout::{Item, Layout};
use lapkin_tests::load_report;

/// What a unit's document says, in order, and what it must not say.
struct Unit {
    fixture: &'static str,
    /// Texts that come out in this order (each with its words in order and
    /// nothing between them but spaces).
    in_order: &'static [&'static str],
    /// Texts the document holds somewhere (a heading that spans a grouped
    /// header's rows, read before or after the group's columns).
    present: &'static [&'static str],
    /// Texts the document must not hold.
    absent: &'static [&'static str],
}

/// Kantor Bahasa Nusa Tenggara Barat, Laporan Kinerja Triwulan II 2023:
/// the title in two lines of capitals with a roman quarter, the period "s.d
/// Bulan Juli", headings numbered 1 to 4 in capitals, table A's own seven
/// columns, the unit's own row numbers, values such as "TW2 : 250" whole.
const KANTOR_BAHASA: Unit = Unit {
    fixture: "units/kantor-bahasa-ntb-2023-tw2.json",
    in_order: &[
        "LAPORAN KINERJA TRIWULAN II",
        "KANTOR BAHASA NUSA TENGGARA BARAT TAHUN 2023",
        "Berikut ini kami sampaikan hasil Capaian Kinerja pada KANTOR BAHASA NUSA TENGGARA BARAT s.d Bulan Juli Tahun 2023",
        "1. PROGRES CAPAIAN KINERJA TRIWULAN II",
        "No",
        "Sasaran Kegiatan",
        "Indikator Kinerja Kegiatan",
        "Satuan",
        "Target Perjanjian Kinerja",
        "Target Renaksi Triwulanan",
        "Capaian Triwulanan",
        "TW2 : 250",
        "BB",
        "2. HASIL ANALISIS CAPAIAN KINERJA TRIWULAN II",
        "Progress / Kegiatan :",
        "3. CAPAIAN FISIK DAN ANGGARAN PER-RINCIAN OUTPUT TRIWULAN II",
        "4. REKOMENDASI PIMPINAN",
        "Mataram, 10 Juli 2023",
        "Ditandatangani secara elektronik oleh :",
        "NIP 197501012000032001",
    ],
    present: &[],
    absent: &["A. Progress", "selama Triwulan", "Triwulan 2"],
};

/// BLUPPB Karawang, LKj Triwulan III 2020: a foreword signed in ink
/// ("Karawang, Oktober 2020", "NIP. 19610412 199003 1 003") before the
/// numbered chapters, a subsection per indicator, table A under a grouped
/// heading "TW III" over Target, Realisasi and Capaian, no legal note.
const KARAWANG: Unit = Unit {
    fixture: "units/bluppb-karawang-2020-tw3.json",
    in_order: &[
        "LAPORAN KINERJA (LKj) TRIWULAN III TAHUN 2020",
        "BALAI LAYANAN USAHA PRODUKSI PERIKANAN BUDIDAYA KARAWANG",
        "Kata Pengantar",
        "Karawang, Oktober 2020",
        "Kepala Balai Layanan Usaha Produksi Perikanan Budidaya Karawang,",
        "Ir. Nama Kepala Balai, M.Si.",
        "NIP. 19610412 199003 1 003",
        "Ikhtisar Eksekutif",
        "1. Pendahuluan",
        "1.1. Latar Belakang",
        "1.6. Sistematika Penyajian",
        "2. Perencanaan dan Penetapan Kinerja",
        "3. Akuntabilitas Kinerja dan Keuangan",
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "TW III",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Nilai Tukar Pembudidaya Ikan (NTPi)",
        "3.2. Analisis Capaian Kinerja",
        "3.2.1. Indikator 1, Nilai Tukar Pembudidaya Ikan",
        "Faktor Pendukung",
        "3.3. Akuntabilitas Keuangan",
        "Total",
        "4. Penutup",
    ],
    present: &["Target 2020", "Persentase Capaian Pertahun"],
    absent: &[
        "Ditandatangani secara elektronik",
        "Catatan :",
        "UU ITE",
        "Berikut ini kami sampaikan",
        "Halaman 1 dari",
    ],
};

/// PPPOMN, Laporan Kinerja Interim Triwulan II 2021: chapters BAB I to
/// IV in capitals, a running header, the running footer "Lapkin Interim
/// Triwulan II PPPOMN – n", the budget by type of spending against its
/// RPD, Tabel 14 under a two-level heading, a signer without a NIP.
const PPPOMN: Unit = Unit {
    fixture: "units/pppomn-2021-tw2.json",
    in_order: &[
        "LAPORAN KINERJA INTERIM TRIWULAN II TAHUN 2021",
        "PUSAT PENGEMBANGAN PENGUJIAN OBAT DAN MAKANAN NASIONAL",
        "KATA PENGANTAR",
        "Jakarta, Juli 2021",
        "Nama Kepala Pusat (pengganti)",
        "RINGKASAN EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Target 2021",
        "Triwulan II",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "3.1 CAPAIAN KINERJA PER SASARAN STRATEGIS",
        "Faktor Penghambat",
        "3.2 CAPAIAN KINERJA ANGGARAN",
        "Jenis Belanja",
        "RPD s.d. TW II (Rp)",
        "Belanja Pegawai",
        "Total",
        "60.000.000.000",
        "24.438.000.000",
        "40,73",
        "13.818.000.000",
        "23,03",
        "Tabel 14. Realisasi Anggaran Per Sasaran Strategis",
        "Target Triwulan (kumulatif)",
        "Realisasi per Triwulan (kumulatif)",
        "BAB IV PENUTUP",
    ],
    present: &["Capaian thd Target 2021 (%)", "Pembilang", "Penyebut"],
    absent: &[
        "NIP",
        "Ditandatangani secara elektronik",
        "Catatan :",
        "Halaman",
    ],
};

const UNITS: [Unit; 3] = [KANTOR_BAHASA, KARAWANG, PPPOMN];

/// `text` with runs of white space made one space, without soft hyphens.
pub(crate) fn squeeze(text: &str) -> String {
    text.replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needles` occur in `text` in this order, each whole; else the
/// first that does not come after the one before it, with what follows.
pub(crate) fn check_in_order(text: &str, needles: &[&str]) -> Result<(), String> {
    let text = squeeze(text);
    let mut at = 0;
    for needle in needles {
        let needle = squeeze(needle);
        match text[at..].find(&needle) {
            Some(i) => at += i + needle.len(),
            None => {
                let anywhere = text.find(&needle).map_or("not at all", |_| "only earlier");
                let end = text.len().min(at + 300);
                let mut start = at;
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = end;
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                return Err(format!(
                    "{needle:?} comes {anywhere}; after the texts before it: {:?}",
                    &text[start..end]
                ));
            }
        }
    }
    Ok(())
}

/// The text of a layout in painting order, each run's text (a hyphenated
/// word's first part giving the whole word, its other parts nothing, as
/// an extractor reads them), runs separated by spaces, pages in order.
pub(crate) fn layout_text(layout: &Layout) -> String {
    let mut out = String::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                if t.invisible {
                    continue;
                }
                out.push_str(t.actual_text.as_deref().unwrap_or(&t.text));
                out.push(' ');
            }
        }
    }
    out
}

fn layout(fixture: &str) -> Layout {
    lapkin_tests::layout_report(&load_report(fixture), &RenderOptions::default())
        .unwrap_or_else(|e| panic!("{fixture}: {e}"))
}

#[test]
fn each_unit_comes_out_in_its_own_words() {
    for unit in UNITS {
        let text = layout_text(&layout(unit.fixture));
        if let Err(e) = check_in_order(&text, unit.in_order) {
            panic!("{}: {e}", unit.fixture);
        }
        check_present_and_absent(&unit, &text);
    }
}

/// The texts `unit` holds somewhere are in `text`, those it must not
/// hold are not.
fn check_present_and_absent(unit: &Unit, text: &str) {
    let text = squeeze(text);
    for present in unit.present {
        assert!(text.contains(present), "{} lacks {present:?}", unit.fixture);
    }
    for absent in unit.absent {
        assert!(!text.contains(absent), "{} prints {absent:?}", unit.fixture);
    }
}

/// Kantor Bahasa numbers its rows itself (1, 1, 1, 1, 1, 2, 3, 4, 4):
/// the No column prints them, not a count.
#[test]
fn table_a_prints_the_units_own_row_numbers() {
    let l = layout(KANTOR_BAHASA.fixture);
    let page = &l.pages[0];
    let (x, y) = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(t) if t.text == "No" => Some((t.x, t.y)),
            _ => None,
        })
        .expect("the No column");
    // The runs of the No column: below its heading, left of the sasaran.
    let numbers: Vec<&str> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.y > y && (t.x - x).0.abs() < 15.0 => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, ["1", "1", "1", "1", "1", "2", "3", "4", "4"]);
}

/// A short value is never broken inside its cell: each "TW2 : …" is one
/// run, on one line.
#[test]
fn short_values_stay_whole_in_their_cells() {
    let l = layout(KANTOR_BAHASA.fixture);
    let runs: Vec<&str> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.text.contains("TW2") => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(runs.len(), 18, "{runs:?}");
    for r in runs {
        assert!(r.starts_with("TW2 : ") && r.len() > "TW2 : ".len(), "{r:?}");
    }
}

/// The ink-signed reports reserve no electronic box and draw no tag; the
/// electronic one reserves its box.
#[test]
fn only_the_electronically_signed_report_reserves_a_box() {
    assert_eq!(layout(KANTOR_BAHASA.fixture).signatures.len(), 1);
    for unit in [KARAWANG, PPPOMN] {
        let l = layout(unit.fixture);
        assert!(l.signatures.is_empty(), "{}", unit.fixture);
        let tags = l
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Text(t) if t.invisible))
            .count();
        assert_eq!(tags, 0, "{}", unit.fixture);
    }
}

/// The running header and footer are on every page of PPPOMN's report,
/// with the page's number.
#[test]
fn the_running_header_and_footer_are_on_every_page() {
    let l = layout(PPPOMN.fixture);
    assert!(l.pages.len() >= 3);
    for (p, page) in l.pages.iter().enumerate() {
        let texts: Vec<&str> = page
            .all_items()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        let footer = format!("Lapkin Interim Triwulan II PPPOMN \u{2013} {}", p + 1);
        assert!(
            texts.contains(&footer.as_str()),
            "page {}: {texts:?}",
            p + 1
        );
        assert!(
            texts.contains(&"Laporan Kinerja Interim Triwulan II Tahun 2021"),
            "page {}",
            p + 1
        );
    }
}

/// What pdftotext reads from each unit's PDF: the same texts in the same
/// order.
#[test]
#[ignore = "needs poppler-utils: run tests/external/run.sh"]
fn pdftotext_reads_each_unit_in_its_own_words() {
    for unit in UNITS {
        let dir = tempfile::tempdir().unwrap();
        let pdf = lapkin::render(&load_report(unit.fixture), &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", unit.fixture))
            .pdf;
        let path = dir.path().join("out.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext is needed (tests/external/run.sh installs it)");
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        if let Err(e) = check_in_order(&text, unit.in_order) {
            panic!("{} as pdftotext reads it: {e}", unit.fixture);
        }
        check_present_and_absent(&unit, &text);
    }
}

/// The number of columns each row of the table `table` occupies once the
/// cells spanning rows and columns are counted (every row of a table whose
/// grid closes occupies all its columns), from the layout's tag tree.
fn row_widths(s: &lapkin::layout::tags::Structure, table: usize) -> Vec<usize> {
    use lapkin::layout::tags::Role;
    let rows: Vec<usize> = s.nodes[table]
        .children
        .iter()
        .flat_map(|&c| match s.nodes[c].role {
            Role::TR => vec![c],
            _ => s.nodes[c].children.clone(),
        })
        .collect();
    // For each column, how many more rows a cell from above covers.
    let mut carry: Vec<usize> = Vec::new();
    let mut widths = Vec::new();
    for tr in rows {
        let mut col = 0;
        for &cell in &s.nodes[tr].children {
            while carry.get(col).is_some_and(|n| *n > 0) {
                col += 1;
            }
            let n = &s.nodes[cell];
            if carry.len() < col + n.colspan {
                carry.resize(col + n.colspan, 0);
            }
            for c in &mut carry[col..col + n.colspan] {
                *c = n.rowspan;
            }
            col += n.colspan;
        }
        widths.push(carry.iter().filter(|n| **n > 0).count());
        for c in &mut carry {
            *c = c.saturating_sub(1);
        }
    }
    widths
}

/// Every table's grid closes in the tag tree: with the grouped headings'
/// and the sasaran's spans counted, each row occupies all the table's
/// columns (outloud 0.2.1 reports TBL-004 for a heading spanning the
/// header's rows in the last columns: it forgets those columns in the
/// header's last row; `tests/external/run.sh` allows that finding for
/// these reports on the strength of this test).
#[test]
fn every_table_grid_closes() {
    for fixture in [
        KANTOR_BAHASA.fixture,
        KARAWANG.fixture,
        PPPOMN.fixture,
        "several-signers.json",
    ] {
        let l = layout(fixture);
        let tables: Vec<usize> = (0..l.structure.nodes.len())
            .filter(|&i| l.structure.nodes[i].role == lapkin::layout::tags::Role::Table)
            .collect();
        assert!(!tables.is_empty(), "{fixture}");
        for t in tables {
            let widths = row_widths(&l.structure, t);
            assert!(
                widths.iter().all(|w| *w == widths[0]) && widths[0] > 0,
                "{fixture}: table node {t}: rows occupy {widths:?} columns"
            );
        }
    }
}

/// The JSON examples of the README's section "Reports of other units" and
/// of docs/units.md, each put into the minimal report where it belongs (a
/// top-level field, table A's `kolom`, the budget's `rincian`, an
/// analysis), are accepted and render: the docs show only what lapkin
/// takes. The README's table of every option names each field the schema
/// has for a unit's own shape.
#[test]
fn the_docs_examples_of_other_units_render() {
    let root = lapkin_tests::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme
        .find("## Reports of other units")
        .expect("the README has the section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let long = std::fs::read_to_string(root.join("docs/units.md")).unwrap();
    let blocks = json_blocks(section);
    assert!(!blocks.is_empty(), "the README's section has no example");
    let long_blocks = json_blocks(&long);
    assert!(long_blocks.len() >= 10, "{} examples", long_blocks.len());
    for block in blocks.into_iter().chain(long_blocks) {
        render_example(block);
    }
    // Every field of the definitions that describe a unit's own shape, and
    // the unit options of the others.
    let schema = lapkin::model::report_schema();
    let mut fields: Vec<String> = "judul periode pengantar angka_triwulan susunan halaman catatan \
         no kode target_renaksi tabel anggaran rincian rpd volume total tanggal elektronik nip \
         label_nip jabatan keterangan penanda_tangan letak"
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    for def in [
        "Susunan",
        "Bagian",
        "Halaman",
        "KolomKinerja",
        "KolomAnggaran",
        "PenandaTangan",
        "BagianAnalisis",
        "Kolom",
    ] {
        let props = schema["definitions"][def]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{def} is in the schema"));
        fields.extend(props.keys().cloned());
    }
    for field in fields {
        assert!(
            section.contains(&format!("\"{field}\"")),
            "the README's section \"Reports of other units\" shows no JSON with {field}"
        );
    }
}

/// The ```json blocks of a Markdown text.
fn json_blocks(text: &str) -> Vec<&str> {
    text.split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or_default())
        .collect()
}

/// Puts one documented example into the minimal report and renders it.
fn render_example(block: &str) {
    use serde_json::Value;
    let mut report: Value =
        serde_json::from_slice(&lapkin_tests::fixture_bytes("minimal.json")).unwrap();
    let trimmed = block.trim();
    if trimmed.starts_with('{') {
        let analysis: Value =
            serde_json::from_str(trimmed).unwrap_or_else(|e| panic!("{e}: {block}"));
        report["analisis"] = serde_json::json!([analysis]);
    } else {
        let fields: serde_json::Map<String, Value> =
            serde_json::from_str(&format!("{{{trimmed}}}"))
                .unwrap_or_else(|e| panic!("{e}: {block}"));
        for (k, v) in fields {
            match k.as_str() {
                "kolom" => report["kinerja"]["kolom"] = v,
                "rincian" => report["anggaran"]["rincian"] = v,
                "kinerja" => {
                    report["kinerja"] = v;
                    report["analisis"] = serde_json::json!([]);
                }
                _ => report[k] = v,
            }
        }
    }
    // The report's year is the example's signing year.
    if let Some(year) = report["penutup"]["tanggal"]
        .as_str()
        .and_then(|t| t[..4].parse::<u16>().ok())
    {
        report["tahun"] = serde_json::json!(year);
    }
    // The parts the example's sections do not place are left out.
    if let Some(bagian) = report["susunan"]["bagian"].as_array().cloned() {
        let placed = |j: &str| bagian.iter().any(|b| b["jenis"] == j);
        for part in ["kinerja", "analisis", "anggaran", "rekomendasi"] {
            if !placed(part) {
                report.as_object_mut().map(|o| o.remove(part));
            }
        }
    }
    let bytes = serde_json::to_vec(&report).unwrap();
    let parsed = lapkin::parse_report(&bytes).unwrap_or_else(|e| panic!("{e}: {block}"));
    lapkin::render(&parsed, &RenderOptions::default()).unwrap_or_else(|e| panic!("{e}: {block}"));
}
