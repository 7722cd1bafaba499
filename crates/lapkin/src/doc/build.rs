//! Report → document blocks: the wording, order and numbering of the
//! official *Laporan Kinerja Triwulan*.

use super::{
    Block, Bookmark, Cell, Column, Document, Footer, Heading, List, ListItem, Meta, Paragraph, Row,
    Signature, Table, Text,
};
use crate::error::{Error, Problem, Problems, Result};
use crate::format::{angka, tanggal};
use crate::model::{self, Inline, Nilai, Rata, Report, Sel};
use crate::text::Align;
use crate::text::{Span, SpanStyle};
use crate::units::Size;

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

/// Parses inline markup; the report was validated, so an error here means a
/// report built in code without [`crate::model::validate`].
fn inline(text: &Inline) -> Result<Text> {
    text.spans().map_err(|e| {
        Error::Invalid(Problems(vec![Problem::new(
            String::new(),
            format!("{} (in {:?})", e.message, text.as_str()),
        )]))
    })
}

/// Inline text with a plain prefix, e.g. "[SK 1.0] " before the sasaran.
fn prefixed(prefix: String, text: &Inline) -> Result<Text> {
    let mut out = plain(prefix);
    out.extend(inline(text)?);
    Ok(out)
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
    }
}

fn cell(text: Text) -> Cell {
    Cell::new(text)
}

/// Builds the document of a report: title, intro, sections A to D, the
/// closing block, and the legal note of the footer.
pub fn build_document(report: &Report) -> Result<Document> {
    let q = report.triwulan;
    let unit = &report.unit.nama;
    let mut blocks = vec![
        Block::Title(bold(report.title())),
        Block::Paragraph(Paragraph {
            text: plain(format!(
                "Berikut ini kami sampaikan hasil Capaian Kinerja pada {unit} selama Triwulan {q} \
                 Tahun {} dengan uraian sebagai berikut :",
                report.tahun
            )),
            align: Align::Justify,
            path: String::new(),
            keep_with_next: false,
        }),
    ];

    // A. Progress Capaian Kinerja.
    blocks.push(section(format!("A. Progress Capaian Kinerja Triwulan {q}")));
    blocks.push(Block::Table(kinerja_table(report)?));

    // B. Hasil Analisis.
    blocks.push(section(format!(
        "B. Hasil Analisis Capaian Kinerja Triwulan {q}"
    )));
    for (i, a) in report.analisis.iter().enumerate() {
        let Some((sasaran, ind)) = report.find_indikator(&a.indikator) else {
            return Err(Error::Invalid(Problems(vec![Problem::new(
                format!("analisis[{i}].indikator"),
                format!("no indicator {:?} in section A", a.indikator),
            )])));
        };
        let mut text = plain(format!("[{} ", sasaran.kode));
        text.extend(inline(&sasaran.uraian)?);
        text.push(span(format!("] {} ", ind.kode), SpanStyle::REGULAR));
        text.extend(inline(&ind.uraian)?);
        let number = format!("{}.", i + 1);
        blocks.push(Block::Heading(Heading {
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
        }));
        let mut content = Vec::new();
        for (title, field, part) in [
            ("Progress / Kegiatan :", "progress", &a.progress),
            ("Kendala / Permasalahan :", "kendala", &a.kendala),
            ("Strategi / Tindak Lanjut :", "strategi", &a.strategi),
        ] {
            content.push(Block::Heading(Heading {
                level: 3,
                marker: None,
                text: bold(title),
                bookmark: None,
            }));
            content.extend(body_blocks(&format!("analisis[{i}].{field}"), part)?);
        }
        blocks.push(Block::Indent(content));
    }

    // C. Capaian Fisik dan Anggaran.
    blocks.push(section(format!(
        "C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan {q}"
    )));
    blocks.push(Block::Table(anggaran_table(report)?));

    // D. Rekomendasi Pimpinan.
    blocks.push(section("D. Rekomendasi Pimpinan".to_owned()));
    blocks.extend(body_blocks("rekomendasi", &report.rekomendasi)?);

    // The closing block.
    let p = &report.penutup;
    blocks.push(Block::Signature(Signature {
        before: vec![
            plain(format!("{}, {}", p.tempat, tanggal(p.tanggal.0))),
            plain(p.jabatan.clone()),
        ],
        space: Size::new(
            crate::units::Pt::from_mm(report.tanda_tangan.lebar_mm),
            crate::units::Pt::from_mm(report.tanda_tangan.tinggi_mm),
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
    }));
    keep_introductions_with_next(&mut blocks);

    let footer = Footer {
        title: FOOTER_TITLE.to_owned(),
        items: report
            .catatan()
            .iter()
            .map(inline)
            .collect::<Result<Vec<Text>>>()?,
        page_label: PAGE_LABEL.to_owned(),
        path: "catatan".to_owned(),
    };
    Ok(Document {
        meta: Meta {
            title: report.title(),
            author: report.unit.nama_lengkap.clone(),
            subject: format!(
                "Capaian kinerja {} Triwulan {q} Tahun {}",
                report.unit.nama, report.tahun
            ),
            keywords: format!(
                "Laporan Kinerja, Triwulan {q}, {}, {}, Provinsi {}",
                report.tahun, report.unit.nama, report.unit.provinsi
            ),
            date: p.tanggal.0,
        },
        blocks,
        footer,
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

fn section(title: String) -> Block {
    Block::Heading(Heading {
        level: 1,
        marker: None,
        bookmark: Some(Bookmark {
            title: title.clone(),
            level: 0,
        }),
        text: bold(title),
    })
}

/// Table A: one row per indicator, the sasaran cell spanning its
/// indicators' rows.
fn kinerja_table(report: &Report) -> Result<Table> {
    let columns = [
        Align::Center,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Center,
        Align::Right,
        Align::Right,
    ]
    .map(|align| Column { align })
    .to_vec();
    let header = vec![header_row(&[
        "No",
        "Sasaran",
        "Indikator",
        "Target Perjanjian Kinerja",
        "Satuan",
        "Target",
        "Capaian",
    ])];
    let mut body = Vec::new();
    let mut n = 0;
    for s in &report.kinerja.sasaran {
        for (j, ind) in s.indikator.iter().enumerate() {
            n += 1;
            let mut cells = vec![cell(plain(format!("{n}.")))];
            if j == 0 {
                cells.push(Cell {
                    rowspan: s.indikator.len(),
                    ..cell(prefixed(format!("[{}] ", s.kode), &s.uraian)?)
                });
            }
            cells.push(cell(prefixed(format!("[{}] ", ind.kode), &ind.uraian)?));
            cells.push(cell(plain(nilai(&ind.target_pk))));
            cells.push(cell(plain(ind.satuan.clone())));
            cells.push(cell(plain(nilai(&ind.target))));
            cells.push(cell(plain(nilai(&ind.capaian))));
            body.push(Row {
                cells,
                keep_with_previous: false,
            });
        }
    }
    Ok(Table {
        columns,
        header,
        body,
        caption: None,
        path: "kinerja.sasaran".to_owned(),
    })
}

/// Table C: one row per rincian output with computed remainders, and the
/// Total row spanning the columns before the money.
fn anggaran_table(report: &Report) -> Result<Table> {
    let a = &report.anggaran;
    let mut columns = vec![
        Column { align: Align::Left },
        Column {
            align: Align::Center,
        },
    ];
    columns.extend((0..6).map(|_| Column {
        align: Align::Right,
    }));
    let header = vec![header_row(&[
        "Uraian Rincian Output",
        "Satuan",
        "Volume",
        "Capaian",
        "Sisa Capaian",
        "Pagu Anggaran",
        "Realisasi",
        "Sisa Anggaran",
    ])];
    let overflow = || {
        Error::Invalid(Problems(vec![Problem::new(
            "anggaran.rincian",
            "the figures are out of the exact range of numbers",
        )]))
    };
    let mut body = Vec::new();
    for r in &a.rincian {
        let sisa = r.sisa().ok_or_else(overflow)?;
        body.push(Row {
            cells: vec![
                cell(prefixed(format!("[{}] ", r.kode), &r.uraian)?),
                cell(plain(r.satuan.clone())),
                cell(plain(angka(&r.volume))),
                cell(plain(angka(&r.capaian))),
                cell(plain(angka(&sisa.capaian))),
                cell(plain(angka(&r.pagu))),
                cell(plain(angka(&r.realisasi))),
                cell(plain(angka(&sisa.anggaran))),
            ],
            keep_with_previous: false,
        });
    }
    let t = a.totals().ok_or_else(overflow)?;
    body.push(Row {
        cells: vec![
            Cell {
                colspan: 5,
                align: Some(Align::Center),
                ..cell(bold("Total"))
            },
            cell(bold(angka(&t.pagu))),
            cell(bold(angka(&t.realisasi))),
            cell(bold(angka(&t.sisa_anggaran))),
        ],
        keep_with_previous: true,
    });
    Ok(Table {
        columns,
        header,
        body,
        caption: None,
        path: "anggaran.rincian".to_owned(),
    })
}

/// Converts the report's blocks (paragraphs, lists, tables) found at the
/// JSON path `path` (spelt as in [`crate::model::texts`]).
fn body_blocks(path: &str, blocks: &[model::Block]) -> Result<Vec<Block>> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| body_block(&format!("{path}[{i}]"), b))
        .collect()
}

fn body_block(path: &str, block: &model::Block) -> Result<Block> {
    Ok(match block {
        model::Block::Paragraf(text) => Block::Paragraph(Paragraph {
            text: inline(text)?,
            align: Align::Justify,
            path: path.to_owned(),
            keep_with_next: false,
        }),
        model::Block::Daftar(d) => Block::List(List {
            items: d
                .butir
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_path = format!("{path}.daftar.butir[{i}]");
                    let mut blocks = vec![Block::Paragraph(Paragraph {
                        text: inline(&item.teks)?,
                        align: Align::Justify,
                        path: if item.isi.is_empty() {
                            item_path.clone()
                        } else {
                            format!("{item_path}.teks")
                        },
                        keep_with_next: false,
                    })];
                    blocks.extend(body_blocks(&format!("{item_path}.isi"), &item.isi)?);
                    Ok(ListItem {
                        marker: d.gaya.marker(d.mulai.saturating_add(i as u32)),
                        blocks,
                    })
                })
                .collect::<Result<_>>()?,
        }),
        model::Block::Tabel(t) => {
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
                    .map(|c| {
                        Ok(Cell {
                            align: Some(Align::Center),
                            ..cell(emboldened(inline(&c.judul)?))
                        })
                    })
                    .collect::<Result<_>>()?,
                keep_with_previous: false,
            }];
            let body = t
                .baris
                .iter()
                .map(|row| {
                    Ok(Row {
                        cells: row
                            .iter()
                            .map(|c| match c {
                                Sel::Teks(text) => Ok(cell(inline(text)?)),
                                Sel::Angka(d) => Ok(cell(plain(angka(d)))),
                            })
                            .collect::<Result<_>>()?,
                        keep_with_previous: false,
                    })
                })
                .collect::<Result<_>>()?;
            Block::Table(Table {
                columns,
                header,
                body,
                caption: t.keterangan.as_ref().map(inline).transpose()?,
                path: format!("{path}.tabel"),
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap()
    }

    fn text_of(t: &Text) -> String {
        t.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn title_intro_and_sections_in_order() {
        let doc = build_document(&minimal()).unwrap();
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
        let doc = build_document(&minimal()).unwrap();
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
        let doc = build_document(&report).unwrap();
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
        let doc = build_document(&minimal()).unwrap();
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
        let doc = build_document(&minimal()).unwrap();
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
