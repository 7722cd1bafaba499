//! Report → document blocks: the wording, order and numbering of the
//! official *Laporan Kinerja Triwulan*.
//!
//! The report was validated ([`CheckedReport`]), so nothing here checks it
//! again: every text's markup was parsed during validation and is read
//! here, each analysis's indicator was found, the figures of section C were
//! computed. Each block gets the JSON path of what it shows, for the
//! errors of the layout stage.

use super::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, List, ListItem, Meta, Paragraph, Row,
    Signature, Table, Text,
};
use crate::error::{Error, Result};
use crate::format::{angka, tanggal};
use crate::model::{
    self, Analisis, CheckedReport, Indikator, Inline, Nilai, Rata, Report, Sasaran, Sel,
};
use crate::text::Align;
use crate::text::{Face, FontSet, Span, SpanStyle};
use crate::units::{Pt, Size};

/// The title of the legal note in the footer.
pub(crate) const FOOTER_TITLE: &str = "Catatan :";

/// The page label, with `{page}` and `{pages}` placeholders.
pub(crate) const PAGE_LABEL: &str = "Halaman {page} dari {pages}";

fn span(text: impl Into<String>, style: SpanStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
    }
}

fn plain(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::REGULAR)]
}

fn bold(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::BOLD)]
}

/// The styled runs of inline markup, as parsed during validation. A
/// checked report's markup parses; were it ever not to, the text is
/// printed as written rather than lost.
fn inline(text: &Inline) -> Text {
    match text.parsed() {
        Ok(spans) => spans.to_vec(),
        Err(_) => plain(text.as_str()),
    }
}

/// Inline text with a plain prefix, e.g. "[SK 1.0] " before the sasaran.
fn prefixed(prefix: String, text: &Inline) -> Text {
    let mut out = plain(prefix);
    out.extend(inline(text));
    out
}

/// Makes every span bold (headings built from report text).
fn emboldened(text: Text) -> Text {
    text.into_iter()
        .map(|mut s| {
            s.style.bold = true;
            s
        })
        .collect()
}

fn nilai(v: &Nilai) -> String {
    match v {
        Nilai::Angka(d) => angka(d),
        Nilai::Teks(t) => t.clone(),
        Nilai::TidakAda => "-".to_owned(),
    }
}

fn align(r: Rata) -> Align {
    match r {
        Rata::Kiri => Align::Left,
        Rata::Tengah => Align::Center,
        Rata::Kanan => Align::Right,
    }
}

fn header_row(titles: &[&str]) -> Row {
    Row {
        cells: titles
            .iter()
            .map(|t| Cell {
                align: Some(Align::Center),
                ..Cell::new(bold(*t))
            })
            .collect(),
        keep_with_previous: false,
        path: String::new(),
    }
}

fn cell(text: Text) -> Cell {
    Cell::new(text)
}

/// A row of one-by-one cells showing what is at `path`.
fn row(cells: Vec<Cell>, path: String) -> Row {
    Row {
        cells,
        keep_with_previous: false,
        path,
    }
}

/// Builds the document of a validated report: title, intro, sections A
/// to D, the closing block, and the legal note of the footer. Each block
/// carries the JSON path of what it shows.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let fonts = lapkin::FontSet::liberation_sans();
/// let doc = lapkin::build_document(&lapkin::validate(&report, &fonts).unwrap());
/// assert_eq!(doc.meta.title, report.title());
/// ```
pub fn build_document(checked: &CheckedReport<'_>) -> Document {
    let report = checked.report();
    let mut blocks = opening(report);
    blocks.extend(section_a(report));
    blocks.extend(section_b(checked));
    blocks.extend(section_c(checked));
    blocks.extend(section_d(report));
    blocks.push(closing_block(report));
    keep_introductions_with_next(&mut blocks);
    Document {
        meta: meta(report),
        blocks,
        footer: footer(report),
    }
}

/// The title and the intro sentence.
fn opening(report: &Report) -> Vec<Block> {
    vec![
        Block::Title(bold(report.title())),
        Block::Paragraph(Paragraph {
            text: plain(intro(&report.unit.nama, report.triwulan, report.tahun)),
            align: Align::Justify,
            path: String::new(),
            keep_with_next: false,
        }),
    ]
}

/// The intro sentence.
fn intro(unit: &str, triwulan: u8, tahun: u16) -> String {
    format!(
        "Berikut ini kami sampaikan hasil Capaian Kinerja pada {unit} selama Triwulan {triwulan} \
         Tahun {tahun} dengan uraian sebagai berikut :"
    )
}

/// The titles of the sections A to D of quarter `q`.
fn section_titles(q: u8) -> [String; 4] {
    [
        format!("A. Progress Capaian Kinerja Triwulan {q}"),
        format!("B. Hasil Analisis Capaian Kinerja Triwulan {q}"),
        format!("C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan {q}"),
        "D. Rekomendasi Pimpinan".to_owned(),
    ]
}

/// The three parts of an analysis: their sub-headings and fields.
const PARTS: [(&str, &str); 3] = [
    ("Progress / Kegiatan :", "progress"),
    ("Kendala / Permasalahan :", "kendala"),
    ("Strategi / Tindak Lanjut :", "strategi"),
];

/// The column titles of table A.
const KINERJA_HEADER: [&str; 7] = [
    "No",
    "Sasaran",
    "Indikator",
    "Target Perjanjian Kinerja",
    "Satuan",
    "Target",
    "Capaian",
];

/// The column titles of table C.
const ANGGARAN_HEADER: [&str; 8] = [
    "Uraian Rincian Output",
    "Satuan",
    "Volume",
    "Capaian",
    "Sisa Capaian",
    "Pagu Anggaran",
    "Realisasi",
    "Sisa Anggaran",
];

/// A. Progress Capaian Kinerja: the heading and table A.
fn section_a(report: &Report) -> Vec<Block> {
    vec![
        section(section_titles(report.triwulan)[0].clone(), "kinerja"),
        Block::Table(kinerja_table(report)),
    ]
}

/// B. Hasil Analisis: per analysis a numbered heading naming its sasaran
/// and indicator, and its three parts under it.
fn section_b(checked: &CheckedReport<'_>) -> Vec<Block> {
    let [_, title, ..] = section_titles(checked.report().triwulan);
    let mut blocks = vec![section(title, "analisis")];
    for (i, (a, sasaran, ind)) in checked.analyses().enumerate() {
        blocks.push(analysis_heading(i, sasaran, ind));
        blocks.push(Block::Indent(analysis_parts(i, a)));
    }
    blocks
}

/// "1. [SK 1.0 ...] IKK 1.1 ...", bold, with its bookmark.
fn analysis_heading(i: usize, sasaran: &Sasaran, ind: &Indikator) -> Block {
    let mut text = plain(format!("[{} ", sasaran.kode));
    text.extend(inline(&sasaran.uraian));
    text.push(span(format!("] {} ", ind.kode), SpanStyle::REGULAR));
    text.extend(inline(&ind.uraian));
    let number = format!("{}.", i + 1);
    Block::Heading(Heading {
        level: 2,
        marker: Some(number.clone()),
        text: emboldened(text),
        bookmark: Some(Bookmark {
            title: format!(
                "{number} {} {}",
                ind.kode,
                ind.uraian.plain_text().unwrap_or_default()
            ),
            level: 1,
        }),
        path: format!("analisis[{i}]"),
    })
}

/// Progress, Kendala and Strategi of `analisis[i]`, each under its
/// sub-heading.
fn analysis_parts(i: usize, a: &Analisis) -> Vec<Block> {
    let mut content = Vec::new();
    for ((title, field), part) in PARTS
        .into_iter()
        .zip([&a.progress, &a.kendala, &a.strategi])
    {
        let path = format!("analisis[{i}].{field}");
        content.push(Block::Heading(Heading {
            level: 3,
            marker: None,
            text: bold(title),
            bookmark: None,
            path: path.clone(),
        }));
        content.extend(body_blocks(&path, part));
    }
    content
}

/// C. Capaian Fisik dan Anggaran: the heading and table C.
fn section_c(checked: &CheckedReport<'_>) -> Vec<Block> {
    vec![
        section(
            section_titles(checked.report().triwulan)[2].clone(),
            "anggaran",
        ),
        Block::Table(anggaran_table(checked)),
    ]
}

/// D. Rekomendasi Pimpinan: the heading and the report's blocks.
fn section_d(report: &Report) -> Vec<Block> {
    let [.., title] = section_titles(report.triwulan);
    let mut blocks = vec![section(title, "rekomendasi")];
    blocks.extend(body_blocks("rekomendasi", &report.rekomendasi));
    blocks
}

/// The closing block: place and date, position, the signature space, the
/// signer.
fn closing_block(report: &Report) -> Block {
    let p = &report.penutup;
    Block::Signature(Signature {
        before: vec![
            plain(format!("{}, {}", p.tempat, tanggal(p.tanggal.0))),
            plain(p.jabatan.clone()),
        ],
        space: Size::new(
            Pt::from_mm(report.tanda_tangan.lebar_mm),
            Pt::from_mm(report.tanda_tangan.tinggi_mm),
        ),
        after: vec![
            plain(p.keterangan.clone()),
            bold(p.nama.clone()),
            plain(format!("NIP {}", p.nip)),
        ],
        tag: report.tanda_tangan.tag_char(),
        path: "penutup".to_owned(),
        width_path: "tanda_tangan.lebar_mm".to_owned(),
        tag_path: "tanda_tangan.tag".to_owned(),
        electronic: true,
        field: None,
        signer: p.nama.clone(),
    })
}

/// A paragraph that introduces a list or a table ("... sebagai
/// berikut:", ending with a colon) is not left at the foot of a page
/// without it: it keeps with the block after it, at every level.
fn keep_introductions_with_next(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        let next_is_list_or_table =
            matches!(blocks.get(i + 1), Some(Block::List(_) | Block::Table(_)));
        match &mut blocks[i] {
            Block::Paragraph(p) => {
                let introduces = p
                    .text
                    .last()
                    .is_some_and(|s| s.text.trim_end().ends_with(':'));
                if introduces && next_is_list_or_table {
                    p.keep_with_next = true;
                }
            }
            Block::List(l) => {
                for item in &mut l.items {
                    keep_introductions_with_next(&mut item.blocks);
                }
            }
            Block::Indent(inner) => keep_introductions_with_next(inner),
            _ => {}
        }
    }
}

/// The legal note and the page label of every page.
fn footer(report: &Report) -> Footer {
    Footer {
        title: FOOTER_TITLE.to_owned(),
        items: report.catatan().iter().map(inline).collect(),
        page_label: PAGE_LABEL.to_owned(),
        path: "catatan".to_owned(),
        ..Footer::new("", Vec::new(), "")
    }
}

/// The PDF's document information.
fn meta(report: &Report) -> Meta {
    let (q, unit) = (report.triwulan, &report.unit);
    Meta {
        title: report.title(),
        author: unit.nama_lengkap.clone(),
        subject: format!(
            "Capaian kinerja {} Triwulan {q} Tahun {}",
            unit.nama, report.tahun
        ),
        keywords: format!(
            "Laporan Kinerja, Triwulan {q}, {}, {}, Provinsi {}",
            report.tahun, unit.nama, unit.provinsi
        ),
        date: report.penutup.tanggal.0,
    }
}

/// A section heading (A to D) with its bookmark; `path` is the part of the
/// report it shows.
fn section(title: String, path: &str) -> Block {
    Block::Heading(Heading {
        level: 1,
        marker: None,
        bookmark: Some(Bookmark {
            title: title.clone(),
            level: 0,
        }),
        text: bold(title),
        path: path.to_owned(),
    })
}

/// Table A: one row per indicator, the sasaran cell spanning its
/// indicators' rows.
///
/// The numbers are right-aligned, so that the layout sets them close to
/// the sasaran beside them (text extractors then read the number and the
/// spanning sasaran as one, and the table row by row: see the layout's
/// `joined_columns`), and so is the Satuan between the right-aligned
/// figures (poppler finds a table only where neighbouring columns are
/// aligned alike).
fn kinerja_table(report: &Report) -> Table {
    let columns = [
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ]
    .map(|align| Column { align })
    .to_vec();
    let header = vec![header_row(&KINERJA_HEADER)];
    let mut body = Vec::new();
    let mut n = 0;
    for (i, s) in report.kinerja.sasaran.iter().enumerate() {
        for (j, ind) in s.indikator.iter().enumerate() {
            n += 1;
            let mut cells = vec![cell(plain(format!("{n}.")))];
            if j == 0 {
                cells.push(Cell {
                    rowspan: s.indikator.len(),
                    ..cell(prefixed(format!("[{}] ", s.kode), &s.uraian))
                });
            }
            cells.push(cell(prefixed(format!("[{}] ", ind.kode), &ind.uraian)));
            cells.push(cell(plain(nilai(&ind.target_pk))));
            cells.push(cell(plain(ind.satuan.clone())));
            cells.push(cell(plain(nilai(&ind.target))));
            cells.push(cell(plain(nilai(&ind.capaian))));
            body.push(row(cells, format!("kinerja.sasaran[{i}].indikator[{j}]")));
        }
    }
    Table {
        columns,
        header,
        body,
        caption: None,
        path: "kinerja.sasaran".to_owned(),
    }
}

/// Table C: one row per rincian output with its remainders, and the Total
/// row spanning the columns before the money.
fn anggaran_table(checked: &CheckedReport<'_>) -> Table {
    let mut columns = vec![
        Column { align: Align::Left },
        Column {
            align: Align::Center,
        },
    ];
    columns.extend((0..6).map(|_| Column {
        align: Align::Right,
    }));
    let header = vec![header_row(&ANGGARAN_HEADER)];
    let mut body: Vec<Row> = checked
        .rincian()
        .enumerate()
        .map(|(i, (r, sisa))| {
            let cells = vec![
                cell(prefixed(format!("[{}] ", r.kode), &r.uraian)),
                cell(plain(r.satuan.clone())),
                cell(plain(angka(&r.volume))),
                cell(plain(angka(&r.capaian))),
                cell(plain(angka(&sisa.capaian))),
                cell(plain(angka(&r.pagu))),
                cell(plain(angka(&r.realisasi))),
                cell(plain(angka(&sisa.anggaran))),
            ];
            row(cells, format!("anggaran.rincian[{i}]"))
        })
        .collect();
    let t = checked.totals();
    body.push(Row {
        cells: vec![
            // Right-aligned, next to its sums: centred, text extractors
            // (poppler) would not see it in the table's grid and read it
            // after the table.
            Cell {
                colspan: 5,
                align: Some(Align::Right),
                row_header: true,
                ..cell(bold("Total"))
            },
            cell(bold(angka(&t.pagu))),
            cell(bold(angka(&t.realisasi))),
            cell(bold(angka(&t.sisa_anggaran))),
        ],
        keep_with_previous: true,
        path: "anggaran.total".to_owned(),
    });
    Table {
        columns,
        header,
        body,
        caption: None,
        path: "anggaran.rincian".to_owned(),
    }
}

/// Converts the report's blocks (paragraphs, lists, tables) found at the
/// JSON path `path` (spelt as in validation's messages).
fn body_blocks(path: &str, blocks: &[model::Block]) -> Vec<Block> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| body_block(&format!("{path}[{i}]"), b))
        .collect()
}

fn body_block(path: &str, block: &model::Block) -> Block {
    match block {
        model::Block::Paragraf(text) => Block::Paragraph(Paragraph {
            text: inline(text),
            align: Align::Justify,
            path: path.to_owned(),
            keep_with_next: false,
        }),
        model::Block::Daftar(d) => Block::List(list(&format!("{path}.daftar"), d)),
        model::Block::Tabel(t) => Block::Table(table(&format!("{path}.tabel"), t)),
    }
}

/// A list of the report at `path` (ending in `.daftar`).
fn list(path: &str, d: &model::Daftar) -> List {
    let items = d
        .butir
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let item_path = format!("{path}.butir[{i}]");
            let mut blocks = vec![Block::Paragraph(Paragraph {
                text: inline(&item.teks),
                align: Align::Justify,
                path: if item.isi.is_empty() {
                    item_path.clone()
                } else {
                    format!("{item_path}.teks")
                },
                keep_with_next: false,
            })];
            blocks.extend(body_blocks(&format!("{item_path}.isi"), &item.isi));
            ListItem {
                marker: d.gaya.marker(d.mulai.saturating_add(i as u32)),
                blocks,
                path: item_path,
            }
        })
        .collect();
    List { items }
}

/// A table of the report at `path` (ending in `.tabel`): a column of
/// numbers only is right-aligned unless the report says otherwise.
fn table(path: &str, t: &model::Tabel) -> Table {
    let numeric = |k: usize| {
        t.baris
            .iter()
            .all(|row| matches!(row.get(k), Some(Sel::Angka(_)) | None))
    };
    let columns = t
        .kolom
        .iter()
        .enumerate()
        .map(|(k, c)| Column {
            align: c.rata.map(align).unwrap_or(if numeric(k) {
                Align::Right
            } else {
                Align::Left
            }),
        })
        .collect();
    let header = vec![Row {
        cells: t
            .kolom
            .iter()
            .map(|c| Cell {
                align: Some(Align::Center),
                ..cell(emboldened(inline(&c.judul)))
            })
            .collect(),
        keep_with_previous: false,
        path: format!("{path}.kolom"),
    }];
    let body = t
        .baris
        .iter()
        .enumerate()
        .map(|(j, cells)| {
            let cells = cells
                .iter()
                .map(|c| match c {
                    Sel::Teks(text) => cell(inline(text)),
                    Sel::Angka(d) => cell(plain(angka(d))),
                })
                .collect();
            row(cells, format!("{path}.baris[{j}]"))
        })
        .collect();
    Table {
        columns,
        header,
        body,
        caption: t.keterangan.as_ref().map(inline),
        path: path.to_owned(),
    }
}

/// The text the document stage writes itself, beside the report's texts
/// it places, by the face it is set in: the wording of the title, the
/// intro, the headings and the table headers, the figures and signs of
/// numbers, dates and markers, the month names, the footer. Validation
/// checks that the fonts can draw it, so that the layout stage need not
/// check a validated report's document again.
pub(crate) fn own_text() -> [(Face, String); 2] {
    let figures = "0123456789 .,-:[]";
    let months: String = (1..=12u8)
        .filter_map(|m| time::Month::try_from(m).ok())
        .filter_map(|m| time::Date::from_calendar_date(2024, m, 1).ok())
        .map(|d| tanggal(d) + " ")
        .collect();
    let regular = format!(
        "{figures}{} {months} NIP {} abcdefghijklmnopqrstuvwxyz",
        intro("", 1, 2024),
        PAGE_LABEL.replace("{page}", "").replace("{pages}", "")
    );
    let mut bold = format!(
        "{figures}Laporan Kinerja Triwulan Tahun {} Total {}",
        section_titles(1).join(" "),
        FOOTER_TITLE
    );
    for (title, _) in PARTS {
        bold.push_str(title);
    }
    for title in KINERJA_HEADER.iter().chain(&ANGGARAN_HEADER) {
        bold.push_str(title);
    }
    [(Face::Regular, regular), (Face::Bold, bold)]
}

/// The first character of [`own_text`] that `fonts` cannot draw, as an
/// error naming the font and the wording around it.
pub(crate) fn check_own_text(fonts: &FontSet) -> Result<()> {
    for (face, text) in own_text() {
        let font = fonts.face(face);
        if let Some(c) = font.first_missing(&text) {
            return Err(Error::MissingGlyph {
                character: c,
                code: u32::from(c),
                font: font.postscript_name.clone(),
                path: String::new(),
                context: crate::text::around(&text, c),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap()
    }

    fn build(report: &Report) -> Document {
        let fonts = crate::FontSet::liberation_sans();
        build_document(&crate::validate(report, &fonts).unwrap())
    }

    fn text_of(t: &Text) -> String {
        t.iter().map(|s| s.text.as_str()).collect()
    }

    /// Every character of the document is the report's or in
    /// [`own_text`] for the face it is set in, so that validation's glyph
    /// checks cover all that the layout stage will draw.
    #[test]
    fn the_document_writes_only_the_report_and_its_own_text() {
        let mut report = minimal();
        report.rekomendasi = serde_json::from_value(serde_json::json!([
            "Rekomendasi:",
            {"daftar": {"gaya": "huruf", "mulai": 27, "butir": ["satu", "dua"]}},
            {"daftar": {"gaya": "strip", "butir": ["tiga"]}},
            {"tabel": {"kolom": [{"judul": "Nilai"}], "baris": [[-1234.5]]}},
        ]))
        .unwrap();
        let doc = build(&report);
        let printed: String = crate::model::texts::printed_texts(&report)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<String>()
            + &report
                .catatan()
                .iter()
                .map(|c| c.plain_text().unwrap())
                .collect::<String>();
        let own = own_text();
        let mut texts: Vec<(Face, String)> = Vec::new();
        fn text(t: &Text, out: &mut Vec<(Face, String)>) {
            for s in t {
                out.push((Face::for_style(s.style), s.text.clone()));
            }
        }
        fn walk(blocks: &[Block], out: &mut Vec<(Face, String)>) {
            for b in blocks {
                match b {
                    Block::Title(t) => text(t, out),
                    Block::Heading(h) => {
                        text(&h.text, out);
                        text(&bold(h.marker.clone().unwrap_or_default()), out);
                    }
                    Block::Paragraph(p) => text(&p.text, out),
                    Block::List(l) => {
                        for item in &l.items {
                            text(&plain(item.marker.clone()), out);
                            walk(&item.blocks, out);
                        }
                    }
                    Block::Table(t) => {
                        for row in t.header.iter().chain(&t.body) {
                            for cell in &row.cells {
                                text(&cell.text, out);
                            }
                        }
                    }
                    Block::Indent(inner) => walk(inner, out),
                    Block::Signature(s) => {
                        for t in s.before.iter().chain(&s.after) {
                            text(t, out);
                        }
                    }
                    Block::SignatureRow(row) => {
                        for t in row.iter().flat_map(|s| s.before.iter().chain(&s.after)) {
                            text(t, out);
                        }
                    }
                }
            }
        }
        walk(&doc.blocks, &mut texts);
        texts.push((Face::Bold, doc.footer.title.clone()));
        assert!(texts.len() > 40, "{}", texts.len());
        for (face, text) in texts {
            for c in text.chars() {
                let own_in_face = own.iter().any(|(f, o)| *f == face && o.contains(c));
                assert!(
                    own_in_face || printed.contains(c),
                    "{c:?} of {text:?} ({face:?}) is neither the report's nor in own_text()"
                );
            }
        }
        assert!(check_own_text(&FontSet::liberation_sans()).is_ok());
    }

    #[test]
    fn title_intro_and_sections_in_order() {
        let doc = build(&minimal());
        let headings: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Title(t) => Some(text_of(t)),
                Block::Heading(h) => Some(text_of(&h.text)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Laporan Kinerja Triwulan 1 UPT Contoh Tahun 2025",
                "A. Progress Capaian Kinerja Triwulan 1",
                "B. Hasil Analisis Capaian Kinerja Triwulan 1",
                "[SK 1.0 Meningkatnya mutu layanan] IKK 1.1 Persentase layanan yang tepat waktu",
                "C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan 1",
                "D. Rekomendasi Pimpinan",
            ]
        );
        let Block::Paragraph(intro) = &doc.blocks[1] else {
            panic!()
        };
        assert_eq!(
            text_of(&intro.text),
            "Berikut ini kami sampaikan hasil Capaian Kinerja pada UPT Contoh selama Triwulan 1 \
             Tahun 2025 dengan uraian sebagai berikut :"
        );
        assert_eq!(doc.meta.author, "Unit Pelaksana Teknis Contoh");
        assert_eq!(doc.footer.items.len(), 2);
    }

    #[test]
    fn the_total_row_is_computed_and_spans_five_columns() {
        let doc = build(&minimal());
        let table = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .nth(1)
            .unwrap();
        let total = table.body.last().unwrap();
        assert!(total.keep_with_previous);
        assert_eq!(total.cells[0].colspan, 5);
        let figures: Vec<String> = total.cells.iter().map(|c| text_of(&c.text)).collect();
        assert_eq!(figures, ["Total", "1.000.000", "250.000", "750.000"]);
        let row: Vec<String> = table.body[0]
            .cells
            .iter()
            .map(|c| text_of(&c.text))
            .collect();
        assert_eq!(
            row,
            [
                "[123456.AB.1234.ABC.001] Layanan Perkantoran",
                "Layanan",
                "1",
                "0",
                "1",
                "1.000.000",
                "250.000",
                "750.000"
            ]
        );
    }

    /// The paragraphs of `blocks`, at every level, with their flag.
    fn keeps(blocks: &[Block], out: &mut Vec<(String, bool)>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => out.push((text_of(&p.text), p.keep_with_next)),
                Block::List(l) => l.items.iter().for_each(|i| keeps(&i.blocks, out)),
                Block::Indent(inner) => keeps(inner, out),
                _ => {}
            }
        }
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_keeps_with_the_list_or_table_after_it() {
        let mut json: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../tests-data/minimal.json")).unwrap();
        json["rekomendasi"] = serde_json::json!([
            "Sebagai berikut:",
            {"daftar": {"butir": [
                {"teks": "Rincian :", "isi": [
                    {"tabel": {"kolom": [{"judul": "No"}], "baris": [[1]]}}
                ]},
                {"teks": "Dua:", "isi": ["Bukan daftar."]}
            ]}},
            "Tanpa titik dua",
            {"daftar": {"butir": ["Satu"]}},
            "Di akhir:"
        ]);
        let report = crate::parse_report(json.to_string().as_bytes()).unwrap();
        let doc = build(&report);
        let mut got = Vec::new();
        keeps(&doc.blocks, &mut got);
        let flagged: Vec<&str> = got
            .iter()
            .filter(|(_, k)| *k)
            .map(|(t, _)| t.as_str())
            .collect();
        // Not "Dua:" (a paragraph follows), nor "Di akhir:" (the closing
        // block follows), nor the intro (a heading follows).
        assert_eq!(flagged, ["Sebagai berikut:", "Rincian :"], "{got:?}");
    }

    #[test]
    fn the_signature_block_names_its_json_paths() {
        let doc = build(&minimal());
        let Some(Block::Signature(s)) = doc.blocks.last() else {
            panic!()
        };
        assert_eq!(
            [s.path.as_str(), s.width_path.as_str(), s.tag_path.as_str()],
            ["penutup", "tanda_tangan.lebar_mm", "tanda_tangan.tag"]
        );
        assert_eq!(doc.footer.path, "catatan");
    }

    #[test]
    fn the_signature_block_has_the_date_in_indonesian() {
        let doc = build(&minimal());
        let Some(Block::Signature(s)) = doc.blocks.last() else {
            panic!()
        };
        assert_eq!(text_of(&s.before[0]), "Bengkulu, 10 April 2025");
        assert_eq!(
            text_of(&s.after[0]),
            "Ditandatangani secara elektronik oleh :"
        );
        assert_eq!(text_of(&s.after[2]), "NIP 197001012000031001");
    }
}
