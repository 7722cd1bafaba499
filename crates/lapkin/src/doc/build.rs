//! Report → document blocks: the wording, order and numbering of the
//! official *Laporan Kinerja Triwulan*, or the unit's own.
//!
//! The report was validated ([`CheckedReport`]), so nothing here checks it
//! again: every text's markup was parsed during validation and is read
//! here, each analysis's indicator was found, the figures of section C were
//! computed. Each block gets the JSON path of what it shows, for the
//! errors of the layout stage.

use super::closing::closing;
use super::tables::{anggaran_table, kinerja_table, table};
use super::{Block, Bookmark, Document, Footer, Heading, List, ListItem, Meta, Paragraph, Text};
use crate::error::{Error, Result};
use crate::format::tanggal;
use crate::model::{
    self, Analisis, Bagian, CheckedReport, Indikator, Inline, JenisBagian, PenomoranCatatan,
    Report, Sasaran,
};
use crate::text::Align;
use crate::text::{Face, FontSet, Span, SpanStyle};

/// The title of the legal note in the footer.
pub(crate) const FOOTER_TITLE: &str = model::DEFAULT_JUDUL_CATATAN;

/// The page label, with `{page}` and `{pages}` placeholders.
pub(crate) const PAGE_LABEL: &str = "Halaman {page} dari {pages}";

fn span(text: impl Into<String>, style: SpanStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
    }
}

pub(super) fn plain(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::REGULAR)]
}

pub(super) fn bold(text: impl Into<String>) -> Text {
    vec![span(text, SpanStyle::BOLD)]
}

/// The styled runs of inline markup, as parsed during validation. A
/// checked report's markup parses; were it ever not to, the text is
/// printed as written rather than lost.
pub(super) fn inline(text: &Inline) -> Text {
    match text.parsed() {
        Ok(spans) => spans.to_vec(),
        Err(_) => plain(text.as_str()),
    }
}

/// Makes every span bold (headings built from report text).
pub(super) fn emboldened(text: Text) -> Text {
    text.into_iter()
        .map(|mut s| {
            s.style.bold = true;
            s
        })
        .collect()
}

/// The text of `t` without its styles.
fn text_of(t: &Text) -> String {
    t.iter().map(|s| s.text.as_str()).collect()
}

/// Builds the document of a validated report: the title, the intro, the
/// sections in the report's order (A to D by default) with their headings
/// and numbers, the closing block, and the page furniture. A section with
/// nothing in it is left out, and does not take a number. Each block
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
    let mut number = 0;
    for (k, bagian) in report.sections().iter().enumerate() {
        blocks.extend(section(checked, (k, bagian), &mut number));
    }
    keep_introductions_with_next(&mut blocks);
    Document {
        meta: meta(report),
        blocks,
        footer: footer(report),
    }
}

/// The title and the intro: the report's own, or the standard ones.
fn opening(report: &Report) -> Vec<Block> {
    let mut blocks = vec![Block::Title(bold(report.title_lines().join("\n")))];
    match &report.pengantar {
        Some(own) => blocks.extend(body_blocks("pengantar", own, 2)),
        None => blocks.push(Block::Paragraph(Paragraph::new(
            plain(intro(report)),
            Align::Justify,
        ))),
    }
    blocks
}

/// The standard intro sentence, with the report's period.
fn intro(report: &Report) -> String {
    let periode = match &report.periode {
        Some(p) => p.clone(),
        None => format!("selama Triwulan {}", report.quarter()),
    };
    format!(
        "Berikut ini kami sampaikan hasil Capaian Kinerja pada {} {periode} Tahun {} dengan \
         uraian sebagai berikut :",
        report.unit.nama, report.tahun
    )
}

/// The standard heading of a standard part in quarter `q` (as written),
/// without its number.
fn standard_title(jenis: JenisBagian, q: &str) -> String {
    match jenis {
        JenisBagian::Kinerja => format!("Progress Capaian Kinerja Triwulan {q}"),
        JenisBagian::Analisis => format!("Hasil Analisis Capaian Kinerja Triwulan {q}"),
        JenisBagian::Anggaran => {
            format!("Capaian Fisik dan Anggaran Per-Rincian Output Triwulan {q}")
        }
        JenisBagian::Rekomendasi | JenisBagian::Penutup => "Rekomendasi Pimpinan".to_owned(),
    }
}

/// Section `k` of the report: its heading (numbered unless it says not,
/// counting on `number`) and content; nothing if it has no content.
fn section(
    checked: &CheckedReport<'_>,
    (k, bagian): (usize, &Bagian),
    number: &mut u32,
) -> Vec<Block> {
    let report = checked.report();
    let path = match bagian.jenis {
        Some(j) => j.field().to_owned(),
        None => format!("susunan.bagian[{k}]"),
    };
    let mut content = match bagian.jenis {
        Some(JenisBagian::Kinerja) if !report.kinerja.sasaran.is_empty() => {
            vec![Block::Table(kinerja_table(report))]
        }
        Some(JenisBagian::Analisis) => analyses(checked),
        Some(JenisBagian::Anggaran) => match &report.anggaran {
            Some(a) => vec![Block::Table(anggaran_table(checked, a))],
            None => Vec::new(),
        },
        Some(JenisBagian::Rekomendasi) => body_blocks("rekomendasi", &report.rekomendasi, 2),
        Some(JenisBagian::Penutup) => return closing(report),
        _ => Vec::new(),
    };
    content.extend(body_blocks(
        &format!("susunan.bagian[{k}].isi"),
        &bagian.isi,
        2,
    ));
    if content.is_empty() {
        return Vec::new();
    }
    let mut text = match (&bagian.judul, bagian.jenis) {
        (Some(own), _) => emboldened(inline(own)),
        (None, Some(j)) => bold(standard_title(j, &report.quarter())),
        (None, None) => Vec::new(),
    };
    let susunan = report.susunan.clone().unwrap_or_default();
    if bagian.bernomor {
        *number += 1;
        text.insert(0, span(susunan.penomoran.prefix(*number), SpanStyle::BOLD));
    }
    if susunan.huruf_besar {
        for s in &mut text {
            s.text = s.text.to_uppercase();
        }
    }
    let mut blocks = vec![Block::Heading(Heading {
        level: 1,
        marker: None,
        bookmark: Some(Bookmark::new(text_of(&text), 0)),
        text,
        path,
    })];
    blocks.extend(content);
    blocks
}

/// B. Hasil Analisis: per analysis a heading (numbered, naming its sasaran
/// and indicator, or its own) and its parts under it.
fn analyses(checked: &CheckedReport<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut n = 0;
    for (i, (a, found)) in checked.analyses().enumerate() {
        blocks.push(analysis_heading(i, a, found, &mut n));
        blocks.push(Block::Indent(analysis_parts(i, a)));
    }
    blocks
}

/// The heading of `analisis[i]`: its own (unnumbered), else "1. [SK 1.0
/// ...] IKK 1.1 ..." (the sasaran left out when it has no code, each code
/// when there is none), numbered on from `n`; bold, with its bookmark.
fn analysis_heading(
    i: usize,
    a: &Analisis,
    found: Option<(&Sasaran, &Indikator)>,
    n: &mut usize,
) -> Block {
    let (marker, text) = match (&a.judul, found) {
        (Some(own), _) => (None, inline(own)),
        (None, None) => (None, Vec::new()),
        (None, Some((sasaran, ind))) => {
            *n += 1;
            let mut text = Vec::new();
            if let Some(kode) = &sasaran.kode {
                text.push(span(format!("[{kode} "), SpanStyle::REGULAR));
                text.extend(inline(&sasaran.uraian));
                text.push(span("] ", SpanStyle::REGULAR));
            }
            if let Some(kode) = &ind.kode {
                text.push(span(format!("{kode} "), SpanStyle::REGULAR));
            }
            text.extend(inline(&ind.uraian));
            (Some(format!("{n}.")), text)
        }
    };
    let title = match (&marker, found) {
        (Some(m), Some((_, ind))) => {
            let uraian = ind.uraian.plain_text().unwrap_or_default();
            match &ind.kode {
                Some(k) => format!("{m} {k} {uraian}"),
                None => format!("{m} {uraian}"),
            }
        }
        _ => text_of(&text),
    };
    Block::Heading(Heading {
        level: 2,
        marker,
        text: emboldened(text),
        bookmark: Some(Bookmark::new(title, 1)),
        path: format!("analisis[{i}]"),
    })
}

/// The parts of `analisis[i]` (Progress, Kendala and Strategi, or its own),
/// each under its sub-heading.
fn analysis_parts(i: usize, a: &Analisis) -> Vec<Block> {
    let mut content = Vec::new();
    for (title, field, blocks) in a.parts() {
        let path = format!("analisis[{i}].{field}");
        let title = match title {
            Ok(own) => emboldened(inline(own)),
            Err(standard) => bold(standard),
        };
        content.push(Block::Heading(Heading {
            path: path.clone(),
            ..Heading::new(3, title)
        }));
        content.extend(body_blocks(&path, blocks, 4));
    }
    content
}

/// A paragraph that introduces a list or a table ("... sebagai
/// berikut:", ending with a colon) is not left at the foot of a page
/// without it: it keeps with the block after it, at every level.
fn keep_introductions_with_next(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        // A table's title above it counts as the table.
        let next_is_list_or_table = match blocks.get(i + 1) {
            Some(Block::List(_) | Block::Table(_)) => true,
            Some(Block::Paragraph(title)) => {
                title.keep_with_next && matches!(blocks.get(i + 2), Some(Block::Table(_)))
            }
            _ => false,
        };
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

/// The page furniture: the legal note (the report's, the standard one, or
/// none) with its label and markers, the page number's wording, the
/// running header and footer.
fn footer(report: &Report) -> Footer {
    let h = &report.halaman;
    let items: Vec<Text> = report.catatan().iter().map(inline).collect();
    let markers = match h.penomoran_catatan {
        PenomoranCatatan::Angka => None,
        style => Some(
            (1..=items.len() as u32)
                .map(|i| match style {
                    PenomoranCatatan::Huruf => model::GayaDaftar::Huruf.marker(i),
                    PenomoranCatatan::Strip => "-".to_owned(),
                    _ => String::new(),
                })
                .collect(),
        ),
    };
    let label = h
        .nomor
        .as_deref()
        .unwrap_or(model::DEFAULT_NOMOR_HALAMAN)
        .replace("{halaman}", "{page}")
        .replace("{jumlah}", "{pages}");
    Footer {
        title: if items.is_empty() {
            String::new()
        } else {
            h.judul_catatan
                .clone()
                .unwrap_or_else(|| FOOTER_TITLE.to_owned())
        },
        items,
        page_label: label,
        path: "catatan".to_owned(),
        markers,
        text: h.kaki.clone().map(plain),
        header: h.kepala.clone().map(plain),
        header_path: "halaman.kepala".to_owned(),
    }
}

/// The PDF's document information.
fn meta(report: &Report) -> Meta {
    let (q, unit) = (report.quarter(), &report.unit);
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
        date: report.date(),
    }
}

/// Converts the report's blocks (paragraphs, lists, tables, sub-headings)
/// found at the JSON path `path` (spelt as in validation's messages); a
/// sub-heading is a heading of `level`.
fn body_blocks(path: &str, blocks: &[model::Block], level: u8) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let path = format!("{path}[{i}]");
        match b {
            model::Block::Paragraf(text) => out.push(Block::Paragraph(Paragraph {
                text: inline(text),
                align: Align::Justify,
                path,
                keep_with_next: false,
            })),
            model::Block::Daftar(d) => {
                out.push(Block::List(list(&format!("{path}.daftar"), d, level)))
            }
            model::Block::Tabel(t) => out.extend(table_blocks(&format!("{path}.tabel"), t)),
            model::Block::Judul(text) => out.push(Block::Heading(Heading {
                bookmark: Some(Bookmark::new(
                    text.plain_text().unwrap_or_default(),
                    level.saturating_sub(1),
                )),
                path,
                ..Heading::new(level, emboldened(inline(text)))
            })),
        }
    }
    out
}

/// A table of the report, with its title above it (centred, bold, kept
/// with the table) if it has one.
fn table_blocks(path: &str, t: &model::Tabel) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(judul) = &t.judul {
        out.push(Block::Paragraph(Paragraph {
            text: emboldened(inline(judul)),
            align: Align::Center,
            path: format!("{path}.judul"),
            keep_with_next: true,
        }));
    }
    out.push(Block::Table(table(path, t)));
    out
}

/// A list of the report at `path` (ending in `.daftar`).
fn list(path: &str, d: &model::Daftar, level: u8) -> List {
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
            blocks.extend(body_blocks(&format!("{item_path}.isi"), &item.isi, level));
            ListItem {
                marker: d.gaya.marker(d.mulai.saturating_add(i as u32)),
                blocks,
                path: item_path,
            }
        })
        .collect();
    List { items }
}

/// The text the document stage writes itself, beside the report's texts
/// it places, by the face it is set in: the wording of the title, the
/// intro, the headings and the table headers, the figures and signs of
/// numbers, dates and markers, the month names, the footer. Validation
/// checks that the fonts can draw it, so that the layout stage need not
/// check a validated report's document again.
pub(crate) fn own_text() -> [(Face, String); 2] {
    let figures = "0123456789 .,-:[]()%";
    let months: String = (1..=12u8)
        .filter_map(|m| time::Month::try_from(m).ok())
        .filter_map(|m| time::Date::from_calendar_date(2024, m, 1).ok())
        .map(|d| tanggal(d) + " ")
        .collect();
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let regular = format!(
        "{figures}Berikut ini kami sampaikan hasil Capaian Kinerja pada selama Triwulan Tahun \
         dengan uraian sebagai berikut {months} NIP {} {letters} {}",
        PAGE_LABEL.replace("{page}", "").replace("{pages}", ""),
        letters.to_uppercase()
    );
    let mut bold = format!(
        "{figures}Laporan Kinerja Triwulan Tahun BAB Total {FOOTER_TITLE} {letters} {}",
        letters.to_uppercase()
    );
    for j in JenisBagian::ALL {
        bold.push_str(&standard_title(j, "IV"));
    }
    for (title, _, _) in Analisis::default_parts() {
        bold.push_str(title);
    }
    for k in model::IsiKinerja::ALL {
        bold.push_str(k.standard_heading());
    }
    for k in model::IsiAnggaran::ALL {
        bold.push_str(k.standard_heading());
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
