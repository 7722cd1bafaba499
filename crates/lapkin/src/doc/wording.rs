//! The words of the official document that lapkin writes itself: the
//! title, the intro, the section headings, the tables' headers, the
//! footer's title and page label; and the check that a font can draw them.

use crate::format::tanggal;
use crate::model::Report;
use crate::problem::{JsonPath, Problem};
use crate::text::{Face, FontSet};

/// The title of the legal note in the footer.
pub(crate) const FOOTER_TITLE: &str = "Catatan :";

/// The page label, with `{page}` and `{pages}` placeholders.
pub(crate) const PAGE_LABEL: &str = "Halaman {page} dari {pages}";

/// The intro sentence.
pub(crate) fn intro(unit: &str, triwulan: u8, tahun: u16) -> String {
    format!(
        "Berikut ini kami sampaikan hasil Capaian Kinerja pada {unit} selama Triwulan {triwulan} \
         Tahun {tahun} dengan uraian sebagai berikut :"
    )
}

/// The intro sentence of a report.
pub(crate) fn intro_of(report: &Report) -> String {
    intro(&report.unit.nama, report.triwulan, report.tahun)
}

/// The titles of the sections A to D of quarter `q`.
pub(crate) fn section_titles(q: u8) -> [String; 4] {
    [
        format!("A. Progress Capaian Kinerja Triwulan {q}"),
        format!("B. Hasil Analisis Capaian Kinerja Triwulan {q}"),
        format!("C. Capaian Fisik dan Anggaran Per-Rincian Output Triwulan {q}"),
        "D. Rekomendasi Pimpinan".to_owned(),
    ]
}

/// The parts of an analysis: their fields and sub-headings.
pub(crate) const PARTS: [(&str, &str); 3] = [
    ("progress", "Progress / Kegiatan :"),
    ("kendala", "Kendala / Permasalahan :"),
    ("strategi", "Strategi / Tindak Lanjut :"),
];

/// The sub-heading of the part of an analysis held in `field`.
pub(crate) fn part_title(field: &str) -> &'static str {
    PARTS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, title)| title)
}

/// The column titles of table A.
pub(crate) const KINERJA_HEADER: [&str; 7] = [
    "No",
    "Sasaran",
    "Indikator",
    "Target Perjanjian Kinerja",
    "Satuan",
    "Target",
    "Capaian",
];

/// The column titles of table C.
pub(crate) const ANGGARAN_HEADER: [&str; 8] = [
    "Uraian Rincian Output",
    "Satuan",
    "Volume",
    "Capaian",
    "Sisa Capaian",
    "Pagu Anggaran",
    "Realisasi",
    "Sisa Anggaran",
];

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
    for (_, title) in PARTS {
        bold.push_str(title);
    }
    for title in KINERJA_HEADER.iter().chain(&ANGGARAN_HEADER) {
        bold.push_str(title);
    }
    [(Face::Regular, regular), (Face::Bold, bold)]
}

/// The characters of [`own_text`] that `fonts` cannot draw, as the one
/// shape of a missing glyph (at the document: the text is lapkin's own).
pub(crate) fn check_own_text(fonts: &FontSet) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for (face, text) in own_text() {
        let font = fonts.face(face);
        let mut missing = Vec::new();
        let mut seen = std::collections::HashSet::new();
        crate::text::glyphs::missing_in(font, &text, &mut missing, &mut seen);
        if !missing.is_empty() {
            let at = JsonPath::root();
            let p = crate::text::glyphs::missing_glyph(&at, face, font, &missing, &text, false);
            problems.push(p.placed(crate::problem::Location::Given));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
