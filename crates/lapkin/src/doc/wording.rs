//! The words of the official document that lapkin writes itself: the
//! title, the intro, the section headings, the tables' headers, the
//! footer's title and page label; and the check that a font can draw them.

use crate::format::tanggal;
use crate::model::{self, Analisis, JenisBagian, Report};
use crate::problem::{JsonPath, Problem};
use crate::text::{Face, FontSet};

/// The title of the legal note in the footer.
pub(crate) const FOOTER_TITLE: &str = model::DEFAULT_JUDUL_CATATAN;

/// The page label, with `{page}` and `{pages}` placeholders.
pub(crate) const PAGE_LABEL: &str = "Halaman {page} dari {pages}";

/// The standard intro sentence, with the period written `periode`
/// ("selama Triwulan 2", "s.d. Bulan Juli").
pub(crate) fn intro(unit: &str, periode: &str, tahun: u16) -> String {
    format!(
        "Berikut ini kami sampaikan hasil Capaian Kinerja pada {unit} {periode} Tahun {tahun} \
         dengan uraian sebagai berikut :"
    )
}

/// The standard intro sentence of a report, with its period: its own
/// (`periode`), else "selama Triwulan" and the quarter as the report
/// writes it.
pub(crate) fn intro_of(report: &Report) -> String {
    let periode = match &report.periode {
        Some(p) => p.clone(),
        None => format!("selama Triwulan {}", report.quarter()),
    };
    intro(&report.unit.nama, &periode, report.tahun)
}

/// The standard heading of a standard part in quarter `q` (as written),
/// without its number.
pub(crate) fn standard_title(jenis: JenisBagian, q: &str) -> String {
    match jenis {
        JenisBagian::Kinerja => format!("Progress Capaian Kinerja Triwulan {q}"),
        JenisBagian::Analisis => format!("Hasil Analisis Capaian Kinerja Triwulan {q}"),
        JenisBagian::Anggaran => {
            format!("Capaian Fisik dan Anggaran Per-Rincian Output Triwulan {q}")
        }
        JenisBagian::Rekomendasi | JenisBagian::Penutup => "Rekomendasi Pimpinan".to_owned(),
        JenisBagian::Sampul => String::new(),
        JenisBagian::DaftarIsi => "Daftar Isi".to_owned(),
        JenisBagian::DaftarTabel => "Daftar Tabel".to_owned(),
        JenisBagian::DaftarGambar => "Daftar Gambar".to_owned(),
        JenisBagian::DaftarLampiran => "Daftar Lampiran".to_owned(),
    }
}

/// The sub-heading of the standard part of an analysis held in `field`
/// ("Progress / Kegiatan :").
pub(crate) fn part_title(field: &str) -> &'static str {
    Analisis::default_parts()
        .iter()
        .find(|(_, f, _)| *f == field)
        .map_or("", |(title, _, _)| title)
}

/// The text the document stage writes itself, beside the report's texts
/// it places, by the face it is set in: the wording of the title, the
/// intro, the headings and the table headers, the figures and signs of
/// numbers, dates and markers (letters and roman numerals, in either
/// case), the month names, the footer. Validation checks that the fonts
/// can draw it, so that the layout stage need not check a validated
/// report's document again.
pub(crate) fn own_text() -> [(Face, String); 2] {
    let figures = "0123456789 .,-:[]()%";
    let months: String = (1..=12u8)
        .filter_map(|m| time::Month::try_from(m).ok())
        .filter_map(|m| time::Date::from_calendar_date(2024, m, 1).ok())
        .map(|d| tanggal(d) + " ")
        .collect();
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let regular = format!(
        "{figures}{} {months} NIP {} {letters} {}",
        intro("", "selama Triwulan", 2024),
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
