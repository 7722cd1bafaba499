//! The report as data: serde types mirroring the JSON input.
//!
//! A [`Report`] holds everything that differs between two *Laporan Kinerja
//! Triwulan*: who reports (the [`Unit`]), for which quarter, and the four parts
//! A to D with the closing block. Everything that is the same in every report
//! (the title pattern, the intro sentence, the headings, the wording of the
//! legal note) is generated from it by the document stage, not stored here.
//!
//! The JSON field names are Indonesian, as the report is; the Rust field
//! names are the same so that a JSON path such as `anggaran.rincian[3].pagu`
//! reads the same in an error message and in code.
//!
//! Read a report with [`crate::parse_report`], which checks the JSON against
//! the schema, deserializes it and runs the semantic checks, reporting every
//! problem at once. Deserializing with `serde_json::from_str` directly, or
//! building a report in code, skips those checks: [`crate::validate`] runs
//! them (with the fonts' glyphs) and gives the [`CheckedReport`] that the
//! document stage takes.
//!
//! Or build one in code: [`Report::new`] and the `with_…` methods of the
//! types (`Sasaran::new(..).with_indikator(..)`, `Daftar::new(..).with_butir(..)`),
//! text from a `&str` read as markup, or printed as given with
//! [`Inline::plain`] (see `examples/build_report.rs`).

mod anggaran;
mod build;
mod checked;
mod columns;
mod inline;
mod keys;
mod lkj;
mod media;
pub(crate) mod number;
pub(crate) mod parse;
mod schema;
mod script;
mod signers;
pub(crate) mod validate;
pub(crate) mod walk;
mod wording;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use anggaran::{BarisAnggaran, MAX_DEPTH, Totals, persen};
pub use checked::CheckedReport;
pub use columns::{
    IsiAnggaran, IsiKinerja, JUDUL_JENIS_BELANJA, KOLOM_ANGGARAN_BELANJA, KOLOM_ANGGARAN_OUTPUT,
    KOLOM_KINERJA, KolomAnggaran, KolomKinerja, NilaiIndikator,
};
#[cfg(test)]
pub(crate) use inline::PARSES;
pub use inline::{Inline, LINK_SCHEMES};
pub use lkj::{MAX_ID_CHARS, Subbab};
pub(crate) use lkj::{check_id, internal_target, targets};
pub use media::{Gambar, Grafik, Sampul, SumberGrafik};
pub(crate) use media::{load_files, realisation};
pub use parse::{MAX_INPUT_BYTES, parse_report, parse_report_with_limit};
pub use schema::report_schema;
pub use signers::{Letak, MAX_SIGNERS, PenandaTangan, SIGNER_TAGS, TanggalPenutup};
/// The months of a [`Date`](crate::Date), to build one
/// (`Date::from_calendar_date(2024, Month::August, 7)`).
#[doc(no_inline)]
pub use time::Month;
pub use validate::{
    MAX_CATATAN_ITEMS, MAX_LIST_DEPTH, MAX_PENUTUP_CHARS, MAX_SUBBAB_DEPTH, MAX_TAHUN, MIN_TAHUN,
    check_nip,
};
pub use wording::{
    AngkaTriwulan, Bagian, BagianAnalisis, Baris, DEFAULT_JUDUL_CATATAN, DEFAULT_NOMOR_HALAMAN,
    Halaman, JenisBagian, Nomor, PenomoranBagian, PenomoranCatatan, Susunan,
};

use crate::problem::{Arg, Kind, Lang, Location, Phrase, Problem};
use number::{JsonNumber, found};

/// Every problem of a report that can be found before layout, in document
/// order, in one walk: the semantic checks (if `rules`; a report just
/// parsed passed them) and, for the fonts it is to be printed in, every
/// character a face lacks.
pub(crate) fn check_with_fonts(
    report: &Report,
    fonts: &crate::text::FontSet,
    rules: bool,
) -> Vec<crate::problem::Problem> {
    validate::check(report, rules, Some(fonts))
}

#[cfg(test)]
thread_local! {
    /// How many times this thread ran the semantic checks and the glyph
    /// check, for the tests that show a render runs each once.
    pub(crate) static CHECKS: std::cell::Cell<(usize, usize)> =
        const { std::cell::Cell::new((0, 0)) };
}

/// One *Laporan Kinerja Triwulan*: the whole input of lapkin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Laporan Kinerja Triwulan")]
#[non_exhaustive]
pub struct Report {
    /// Link to the JSON Schema of this format, for editors; ignored by lapkin.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The reporting unit (satker or UPT).
    pub unit: Unit,
    /// The quarter reported on, 1 to 4.
    #[schemars(range(min = 1, max = 4))]
    #[serde(deserialize_with = "number::whole")]
    pub triwulan: u8,
    /// The budget year reported on, for example 2024.
    #[schemars(range(min = 2000, max = 2100))]
    #[serde(deserialize_with = "number::whole")]
    pub tahun: u16,
    /// The title as printed, one string per line (`["LAPORAN KINERJA
    /// TRIWULAN II", "KANTOR BAHASA NUSA TENGGARA BARAT TAHUN 2023"]`).
    /// Left out: "Laporan Kinerja Triwulan 2 {unit.nama} Tahun 2024".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Baris>,
    /// The intro under the title, as blocks (`[]` for none). Left out:
    /// "Berikut ini kami sampaikan hasil Capaian Kinerja pada {unit.nama}
    /// {periode} Tahun 2024 dengan uraian sebagai berikut :".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pengantar: Option<Vec<Blok>>,
    /// The period in the standard intro, e.g. "s.d Bulan Juli" or "s.d.
    /// Triwulan II". Left out: "selama Triwulan 2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<String>,
    /// How the quarter is written in the wording lapkin generates (title,
    /// intro, headings): `arab` "Triwulan 2" (the default) or `romawi`
    /// "Triwulan II".
    #[serde(default, skip_serializing_if = "is_default")]
    pub angka_triwulan: AngkaTriwulan,
    /// The sections: their order, headings and numbering, and free
    /// sections of the unit's own. Left out: A. to D. as in the reference
    /// report, then the closing block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub susunan: Option<Susunan>,
    /// The cover page's content, printed where `{"jenis": "sampul"}`
    /// stands in the sections: the logo, the agencies, the title, the unit
    /// and the year. Left out: a cover of the title, the unit and the
    /// year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampul: Option<Sampul>,
    /// A. Progress Capaian Kinerja: the sasaran and their indicators, and
    /// table A's columns. Left out (or without sasaran): no section A.
    #[serde(default)]
    pub kinerja: Kinerja,
    /// B. Hasil Analisis Capaian Kinerja: one entry per indicator, in the order
    /// they are to be printed. Empty: no section B.
    #[serde(default)]
    pub analisis: Vec<Analisis>,
    /// C. Capaian Fisik dan Anggaran per Rincian Output. Left out: no
    /// section C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anggaran: Option<Anggaran>,
    /// D. Rekomendasi Pimpinan: usually an intro paragraph and a numbered
    /// list. Empty: no section D.
    #[serde(default)]
    pub rekomendasi: Vec<Blok>,
    /// The closing block: place, date and the signer(s). Left out: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penutup: Option<Penutup>,
    /// The legal note printed at the foot of every page, one item per entry;
    /// `[]` for none. Left out: the standard note (UU ITE Pasal 5 Ayat 1 and
    /// the BSrE certificate) when someone signs electronically, none when all
    /// sign in ink.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<Vec<Inline>>,
    /// What every page carries besides the body: the page number's
    /// wording, a running header and footer, the legal note's label and
    /// numbering.
    #[serde(default, skip_serializing_if = "is_default")]
    pub halaman: Halaman,
    /// How the electronic signature is prepared: the tag character, the
    /// size of the reserved box, an empty signature field.
    #[serde(default, skip_serializing_if = "is_default")]
    pub tanda_tangan: TandaTangan,
}

impl Report {
    /// The standard legal note of documents signed with a BSrE certificate.
    pub const DEFAULT_CATATAN: [&'static str; 2] = [
        "UU ITE No.11 Tahun 2008 Pasal 5 Ayat 1 \u{201c}*Informasi Elektronik dan/atau hasil cetakannya merupakan alat bukti yang sah*\u{201d}",
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE",
    ];

    /// The report's title as printed, one entry per line: its own
    /// (`judul`), else "Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu
    /// Tahun 2024".
    pub fn title_lines(&self) -> Vec<String> {
        match &self.judul {
            Some(lines) => lines.lines().to_vec(),
            None => vec![format!(
                "Laporan Kinerja Triwulan {} {} Tahun {}",
                self.quarter(),
                self.unit.nama,
                self.tahun
            )],
        }
    }

    /// The report's title on one line, e.g. "Laporan Kinerja Triwulan 2
    /// BPMP Provinsi Bengkulu Tahun 2024".
    pub fn title(&self) -> String {
        self.title_lines().join(" ")
    }

    /// The document's date: the closing block's (the first of its month
    /// when it is dated by the month), else the last day of the quarter.
    pub fn date(&self) -> time::Date {
        if let Some(p) = &self.penutup {
            return p.tanggal.date();
        }
        let month =
            time::Month::try_from(self.triwulan.clamp(1, 4) * 3).unwrap_or(time::Month::December);
        let year = i32::from(self.tahun);
        time::Date::from_calendar_date(year, month, time::util::days_in_month(month, year))
            .unwrap_or(time::Date::MIN)
    }

    /// The quarter as the generated wording writes it: "2" or "II".
    pub fn quarter(&self) -> String {
        self.angka_triwulan.write(self.triwulan)
    }

    /// Whether anyone signs electronically: the closing block has an
    /// electronic signer.
    pub fn signed_electronically(&self) -> bool {
        self.penutup
            .as_ref()
            .is_some_and(|p| p.signers().iter().any(|s| s.elektronik))
    }

    /// The tag of each signer of the closing block, in order, with the JSON
    /// path that sets it: a signer's own `tag`; else, for an electronic
    /// signer, `tanda_tangan.tag` for the first and [`SIGNER_TAGS`] for the
    /// others (none when `tanda_tangan.tag` is null); `None` for a signer
    /// in ink.
    pub fn signer_tags(&self) -> Vec<Option<(char, String)>> {
        let Some(p) = &self.penutup else {
            return Vec::new();
        };
        let mut electronic = 0;
        p.signers()
            .iter()
            .enumerate()
            .map(|(k, s)| {
                if !s.elektronik {
                    return None;
                }
                let e = electronic;
                electronic += 1;
                if let Some(own) = p.penanda_tangan.get(k).and_then(|l| l.tag.as_deref()) {
                    let path = format!("penutup.penanda_tangan[{k}].tag");
                    return own.chars().next().map(|c| (c, path));
                }
                let first = self.tanda_tangan.tag_char()?;
                let tag = match e {
                    0 => Some(first),
                    e => SIGNER_TAGS.get(e - 1).and_then(|t| t.chars().next()),
                }?;
                Some((tag, "tanda_tangan.tag".to_owned()))
            })
            .collect()
    }

    /// The legal note items: the report's own, or the standard ones when
    /// someone signs electronically (none when all sign in ink).
    pub fn catatan(&self) -> Vec<Inline> {
        match &self.catatan {
            Some(items) => items.clone(),
            None if self.signed_electronically() => default_catatan().to_vec(),
            None => Vec::new(),
        }
    }

    /// All indicators of section A in order, each with its sasaran.
    pub fn indikator(&self) -> impl Iterator<Item = (&Sasaran, &Indikator)> {
        self.kinerja
            .sasaran
            .iter()
            .flat_map(|s| s.indikator.iter().map(move |i| (s, i)))
    }

    /// The indicator with the given code, with its sasaran.
    pub fn find_indikator(&self, kode: &str) -> Option<(&Sasaran, &Indikator)> {
        self.indikator()
            .find(|(_, i)| i.kode.as_deref().is_some_and(|k| k.trim() == kode.trim()))
    }

    /// The sections in print order: the report's own (`susunan.bagian`,
    /// then the closing block if they do not place it), else the standard
    /// parts in their standard order.
    pub fn sections(&self) -> Vec<Bagian> {
        match self.susunan.as_ref().and_then(|s| s.bagian.as_ref()) {
            Some(b) => {
                let mut b = b.clone();
                let placed = b.iter().chain(self.front_matter()).chain(self.appendices());
                if !placed
                    .clone()
                    .any(|s| s.jenis == Some(JenisBagian::Penutup))
                {
                    b.push(Bagian {
                        jenis: Some(JenisBagian::Penutup),
                        ..Bagian::default()
                    });
                }
                b
            }
            None => JenisBagian::ALL
                .iter()
                .filter(|j| !self.front_matter().iter().any(|b| b.jenis == Some(**j)))
                .map(|j| Bagian {
                    jenis: Some(*j),
                    ..Bagian::default()
                })
                .collect(),
        }
    }
}

/// The standard legal note as inline texts, made once so that its markup
/// is parsed once (a clone of an [`Inline`] keeps the parse).
fn default_catatan() -> &'static [Inline] {
    static ITEMS: std::sync::OnceLock<Vec<Inline>> = std::sync::OnceLock::new();
    ITEMS.get_or_init(|| {
        Report::DEFAULT_CATATAN
            .iter()
            .map(|s| Inline::new(*s))
            .collect()
    })
}

/// The reporting unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Unit {
    /// The short name used in the title and the text, e.g. "BPMP Provinsi
    /// Bengkulu".
    pub nama: String,
    /// The full name, e.g. "Balai Penjaminan Mutu Pendidikan Provinsi
    /// Bengkulu"; it is the PDF's author.
    pub nama_lengkap: String,
    /// The province the unit serves, e.g. "Bengkulu".
    pub provinsi: String,
}

/// A. Progress Capaian Kinerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Kinerja {
    /// Table A's columns in print order, each with its own heading. Left
    /// out: No, Sasaran, Indikator, Target Perjanjian Kinerja, Satuan,
    /// Target, Capaian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub kolom: Option<Vec<KolomKinerja>>,
    /// The sasaran (targets), each with its indicators, in table order.
    #[serde(default)]
    pub sasaran: Vec<Sasaran>,
}

/// A sasaran (strategic target) and the indicators that measure it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sasaran {
    /// The code, e.g. "SK 1.0"; printed in brackets before the text.
    /// Optional: without it, no brackets are printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    /// The text, e.g. "Meningkatnya mutu pendidikan jenjang PAUD, Dikdas, dan
    /// Dikmen".
    pub uraian: Inline,
    /// The indicators of this sasaran.
    #[schemars(length(min = 1))]
    pub indikator: Vec<Indikator>,
}

/// A performance indicator (IKK) with its targets and achievement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Indikator {
    /// The row's own number in the No column, if the unit numbers its
    /// rows itself (`1`, `"1.a"`); left out, rows are counted "1.", "2.".
    /// Give it to every indicator or to none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<Nomor>,
    /// The code, e.g. "IKK 1.1"; printed in brackets, and section B refers
    /// to the indicator by it. Optional: without it, no brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    /// The text of the indicator.
    pub uraian: Inline,
    /// The target of the performance agreement (Target Perjanjian
    /// Kinerja), the year's target.
    #[serde(default)]
    pub target_pk: Nilai,
    /// The unit of the values, e.g. "%", "Predikat", "Nilai".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
    /// The target for this quarter.
    #[serde(default)]
    pub target: Nilai,
    /// The achievement (capaian) in this quarter, as stated.
    #[serde(default)]
    pub capaian: Nilai,
    /// The quarter's target of the action plan (Target Renaksi
    /// Triwulanan), e.g. "TW2 : 250".
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub target_renaksi: Nilai,
    /// The realisation in this quarter.
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub realisasi: Nilai,
    /// The value up to the end of the first quarter (cumulative).
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub tw1: Nilai,
    /// Up to the end of the second quarter.
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub tw2: Nilai,
    /// Up to the end of the third quarter.
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub tw3: Nilai,
    /// Up to the end of the fourth quarter.
    #[serde(default, skip_serializing_if = "Nilai::is_absent")]
    pub tw4: Nilai,
    /// A remark for the Keterangan column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<Inline>,
}

impl Indikator {
    /// One of its values.
    pub fn value(&self, which: NilaiIndikator) -> &Nilai {
        match which {
            NilaiIndikator::TargetPk => &self.target_pk,
            NilaiIndikator::TargetRenaksi => &self.target_renaksi,
            NilaiIndikator::Target => &self.target,
            NilaiIndikator::Realisasi => &self.realisasi,
            NilaiIndikator::Capaian => &self.capaian,
            NilaiIndikator::Tw1 => &self.tw1,
            NilaiIndikator::Tw2 => &self.tw2,
            NilaiIndikator::Tw3 => &self.tw3,
            NilaiIndikator::Tw4 => &self.tw4,
        }
    }

    /// Its values by name, in the model's order.
    pub fn values(&self) -> [(&'static str, &Nilai); 9] {
        [
            ("target_pk", &self.target_pk),
            ("target", &self.target),
            ("capaian", &self.capaian),
            ("target_renaksi", &self.target_renaksi),
            ("realisasi", &self.realisasi),
            ("tw1", &self.tw1),
            ("tw2", &self.tw2),
            ("tw3", &self.tw3),
            ("tw4", &self.tw4),
        ]
    }
}

/// A value in the indicator table: an exact number, a text such as a grade,
/// or not available.
///
/// In JSON: a number (`3.92`), a string (`"A"`), or `null` (printed `-`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Nilai {
    /// An exact number, printed the Indonesian way (`3,92`).
    Angka(Decimal),
    /// A text, such as the grade `A`.
    Teks(String),
    /// Not available; printed as `-`.
    #[default]
    TidakAda,
}

impl Nilai {
    /// Whether it is not available (also what a value left out is).
    pub fn is_absent(&self) -> bool {
        *self == Nilai::TidakAda
    }
}

impl Serialize for Nilai {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nilai::Angka(d) => number::serialize(d, serializer),
            Nilai::Teks(s) => serializer.serialize_str(s),
            Nilai::TidakAda => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Nilai {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Null => Ok(Nilai::TidakAda),
            serde_json::Value::String(s) => Ok(Nilai::Teks(s)),
            serde_json::Value::Number(n) => number::from_json_number(&n)
                .map(Nilai::Angka)
                .map_err(serde::de::Error::custom),
            other => Err(serde::de::Error::custom(wrong_type(
                vec![Phrase::TypeNumber, Phrase::TypeString, Phrase::TypeNull],
                &other,
            ))),
        }
    }
}

impl JsonSchema for Nilai {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Nilai".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number (exact, printed the Indonesian way), a text such as a grade, or null for not available (printed `-`).",
            "type": ["number", "string", "null"]
        })
    }
}

/// B. The analysis of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Analisis {
    /// The code of the indicator in section A, e.g. "IKK 1.1". The heading
    /// "1. [SK 1.0 ...] IKK 1.1 ..." is made from section A's data. May be
    /// left out when `judul` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<String>,
    /// The heading as printed, instead of the one made from section A
    /// (then not numbered): "3.2.1. Indikator 1, Nilai Tukar Pembudidaya
    /// Ikan".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// *Progress / Kegiatan*: what was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Vec<Blok>>,
    /// *Kendala / Permasalahan*: the constraints met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kendala: Option<Vec<Blok>>,
    /// *Strategi / Tindak Lanjut*: the strategy and follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategi: Option<Vec<Blok>>,
    /// The parts under the heading, each with its own sub-heading, instead
    /// of `progress`, `kendala` and `strategi` (`[{"judul": "Faktor
    /// Pendukung :", "isi": [...]}, ...]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub bagian: Option<Vec<BagianAnalisis>>,
}

/// Reads one part of an analysis.
pub type PartOf = fn(&Analisis) -> &Option<Vec<Blok>>;

impl Analisis {
    /// The standard parts: each sub-heading, its field, and the part of an
    /// analysis it heads.
    pub fn default_parts() -> [(&'static str, &'static str, PartOf); 3] {
        [
            ("Progress / Kegiatan :", "progress", |a| &a.progress),
            ("Kendala / Permasalahan :", "kendala", |a| &a.kendala),
            ("Strategi / Tindak Lanjut :", "strategi", |a| &a.strategi),
        ]
    }

    /// Its parts: each sub-heading (its own, or the standard one such as
    /// "Progress / Kegiatan :"), the part's field in JSON and its blocks.
    pub fn parts(&self) -> Vec<(Result<&Inline, &'static str>, String, &[Blok])> {
        if let Some(parts) = &self.bagian {
            return parts
                .iter()
                .enumerate()
                .map(|(i, p)| (Ok(&p.judul), format!("bagian[{i}].isi"), p.isi.as_slice()))
                .collect();
        }
        Analisis::default_parts()
            .into_iter()
            .map(|(title, field, part)| {
                (
                    Err(title),
                    field.to_owned(),
                    part(self).as_deref().unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// A block of body text: a paragraph, a list, a table or a sub-heading.
///
/// In JSON a paragraph is a plain string; a list is `{"daftar": {...}}`, a
/// table `{"tabel": {...}}` and a sub-heading `{"judul": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "BlokRepr", into = "BlokRepr")]
#[schemars(rename = "Blok")]
#[non_exhaustive]
pub enum Blok {
    /// A paragraph of text with inline markup.
    Paragraf(Inline),
    /// A numbered, lettered or bulleted list.
    Daftar(Daftar),
    /// A table.
    Tabel(Tabel),
    /// A sub-heading inside a section's blocks, printed bold:
    /// `{"judul": "1.1. Latar Belakang"}`.
    Judul(Inline),
    /// An image from a PNG or JPEG file, with its caption below.
    Gambar(Gambar),
    /// A bar chart drawn from the report's figures, with its caption
    /// below.
    Grafik(Grafik),
    /// A numbered subsection of a chapter: `{"subbab": {"judul": "Latar
    /// Belakang", "isi": [...]}}`, numbered 1.1, 1.1.1 ….
    Subbab(Subbab),
}

/// How a [`Blok`] is written in JSON. Read by hand rather than as an
/// untagged enum, whose only error is "data did not match any variant".
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
enum BlokRepr {
    /// A paragraph.
    Paragraf(Inline),
    /// A list or a table, as an object with one key.
    Tagged(BlokBertanda),
}

/// A list, a table or a sub-heading, tagged by its one key.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(transform = describe_tags)]
enum BlokBertanda {
    /// A list: `{"daftar": {"gaya": "angka", "butir": [...]}}`.
    Daftar(Daftar),
    /// A table: `{"tabel": {"kolom": [...], "baris": [...]}}`.
    Tabel(Tabel),
    /// A sub-heading, printed bold and kept with what follows:
    /// `{"judul": "1.1. Latar Belakang"}`.
    Judul(Inline),
    /// An image: `{"gambar": {"berkas": "img/struktur.png", "judul":
    /// "Struktur Organisasi", "alt": "Bagan: …"}}`.
    Gambar(Gambar),
    /// A bar chart of the report's figures: `{"grafik": {"sumber":
    /// "kinerja", "judul": "Target dan Realisasi"}}`.
    Grafik(Grafik),
    /// A numbered subsection of a chapter, numbered 1.1, 1.1.1 … under
    /// its chapter: `{"subbab": {"judul": "Latar Belakang", "id":
    /// "latar", "isi": [...]}}`.
    Subbab(Subbab),
}

/// Gives the one key of each form of [`BlokBertanda`] its form's
/// description, so that an editor shows it on the key.
fn describe_tags(schema: &mut schemars::Schema) {
    let Some(forms) = schema.get_mut("oneOf").and_then(|f| f.as_array_mut()) else {
        return;
    };
    for form in forms {
        let Some(description) = form.get("description").cloned() else {
            continue;
        };
        let Some(props) = form.get_mut("properties").and_then(|p| p.as_object_mut()) else {
            continue;
        };
        for prop in props.values_mut() {
            let inner = std::mem::take(prop);
            *prop = serde_json::json!({ "description": description, "allOf": [inner] });
        }
    }
}

/// A value of the wrong type for serde's message (in English): what
/// `expected` wants, what was found.
fn wrong_type(expected: Vec<Phrase>, found: &serde_json::Value) -> Problem {
    let expected = expected.into_iter().map(Arg::from).collect();
    Problem::new(Location::Given, Kind::WrongType)
        .with("expected", Arg::List(expected, crate::problem::Conj::Or))
        .with("found", number::found(found))
}

/// Reads the object form of a block or an item, keeping the path and the
/// message of what is wrong inside it.
fn from_object<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        if path == "." || path.is_empty() {
            E::custom(e.into_inner())
        } else {
            E::custom(format!("at {path}: {}", e.into_inner()))
        }
    })
}

impl<'de> Deserialize<'de> for BlokRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(BlokRepr::Paragraf(Inline::new(s))),
            v @ serde_json::Value::Object(_) => from_object(v).map(BlokRepr::Tagged),
            other => Err(serde::de::Error::custom(wrong_type(
                vec![Phrase::TypeBlock],
                &other,
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for ButirRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(ButirRepr::Teks(Inline::new(s))),
            v @ serde_json::Value::Object(_) => from_object(v).map(ButirRepr::Lengkap),
            other => Err(serde::de::Error::custom(wrong_type(
                vec![Phrase::TypeItem],
                &other,
            ))),
        }
    }
}

impl From<BlokRepr> for Blok {
    fn from(repr: BlokRepr) -> Self {
        match repr {
            BlokRepr::Paragraf(text) => Blok::Paragraf(text),
            BlokRepr::Tagged(BlokBertanda::Daftar(d)) => Blok::Daftar(d),
            BlokRepr::Tagged(BlokBertanda::Tabel(t)) => Blok::Tabel(t),
            BlokRepr::Tagged(BlokBertanda::Judul(t)) => Blok::Judul(t),
            BlokRepr::Tagged(BlokBertanda::Gambar(g)) => Blok::Gambar(g),
            BlokRepr::Tagged(BlokBertanda::Grafik(g)) => Blok::Grafik(g),
            BlokRepr::Tagged(BlokBertanda::Subbab(s)) => Blok::Subbab(s),
        }
    }
}

impl From<Blok> for BlokRepr {
    fn from(block: Blok) -> Self {
        match block {
            Blok::Paragraf(text) => BlokRepr::Paragraf(text),
            Blok::Daftar(d) => BlokRepr::Tagged(BlokBertanda::Daftar(d)),
            Blok::Tabel(t) => BlokRepr::Tagged(BlokBertanda::Tabel(t)),
            Blok::Judul(t) => BlokRepr::Tagged(BlokBertanda::Judul(t)),
            Blok::Gambar(g) => BlokRepr::Tagged(BlokBertanda::Gambar(g)),
            Blok::Grafik(g) => BlokRepr::Tagged(BlokBertanda::Grafik(g)),
            Blok::Subbab(s) => BlokRepr::Tagged(BlokBertanda::Subbab(s)),
        }
    }
}

/// A list: numbered `1.`, lettered `a.` or bulleted `-`, possibly nested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Daftar {
    /// The marker style; numbers by default.
    #[serde(default, skip_serializing_if = "is_default")]
    pub gaya: GayaDaftar,
    /// The number of the first item (1 = `1.` or `a.`); lets a list continue
    /// after a paragraph or a table.
    #[serde(
        default = "one",
        skip_serializing_if = "is_one",
        deserialize_with = "number::whole"
    )]
    #[schemars(range(min = 1, max = 9999))]
    pub mulai: u32,
    /// The items.
    #[schemars(length(min = 1))]
    pub butir: Vec<Butir>,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

pub(crate) fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// The marker style of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GayaDaftar {
    /// `1.`, `2.`, `3.`
    #[default]
    Angka,
    /// `a.`, `b.`, `c.`, ... `z.`, `aa.`
    Huruf,
    /// `-` for every item.
    Strip,
}

impl GayaDaftar {
    /// The marker of the item numbered `n` (1-based), e.g. `"3."`, `"c."`, `"-"`.
    pub fn marker(self, n: u32) -> String {
        match self {
            GayaDaftar::Angka => format!("{n}."),
            GayaDaftar::Huruf => format!("{}.", letters(n)),
            GayaDaftar::Strip => "-".to_owned(),
        }
    }
}

/// Bijective base-26: 1 = a, 26 = z, 27 = aa.
pub(crate) fn letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A list item: its text, then any blocks under it (paragraphs, nested
/// lists, tables), indented with the text.
///
/// In JSON an item without blocks may be written as a plain string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "ButirRepr", into = "ButirRepr")]
#[non_exhaustive]
pub struct Butir {
    /// The item's text, beside the marker.
    pub teks: Inline,
    /// Blocks under the item's text.
    pub isi: Vec<Blok>,
}

/// How a [`Butir`] is written in JSON; read by hand like [`BlokRepr`].
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
enum ButirRepr {
    /// Only text.
    Teks(Inline),
    /// Text and blocks.
    Lengkap(ButirLengkap),
}

/// A list item with blocks under its text.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ButirLengkap {
    /// The item's text, beside the marker.
    teks: Inline,
    /// Blocks under the item's text.
    #[serde(default)]
    isi: Vec<Blok>,
}

impl From<ButirRepr> for Butir {
    fn from(repr: ButirRepr) -> Self {
        match repr {
            ButirRepr::Teks(teks) => Butir {
                teks,
                isi: Vec::new(),
            },
            ButirRepr::Lengkap(ButirLengkap { teks, isi }) => Butir { teks, isi },
        }
    }
}

impl From<Butir> for ButirRepr {
    fn from(b: Butir) -> Self {
        if b.isi.is_empty() {
            ButirRepr::Teks(b.teks)
        } else {
            ButirRepr::Lengkap(ButirLengkap {
                teks: b.teks,
                isi: b.isi,
            })
        }
    }
}

/// A table inside the text, with an optional caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Tabel {
    /// A caption printed above the table, e.g. "Tabel 14. Realisasi
    /// Anggaran Per Sasaran Strategis". In a whole LKj (with
    /// `susunan.awal` or `susunan.lampiran`) lapkin numbers titled tables
    /// through the document: write the title without "Tabel 14." and it
    /// prints "Tabel 14. Realisasi …", listed in the Daftar Tabel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// A name to refer to the table by (`[](#anggaran)` prints "Tabel
    /// 14"): letters, digits, `-`, `_`, `.` and `:`, unique in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The columns: header text and alignment.
    #[schemars(length(min = 1))]
    pub kolom: Vec<Kolom>,
    /// The rows; each has one cell per column.
    #[schemars(length(min = 1))]
    pub baris: Vec<Vec<Sel>>,
    /// A caption printed under the table, e.g. "Capaian Angka Kesiapan
    /// Sekolah Provinsi Bengkulu tahun 2023".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<Inline>,
    /// Whether the table is set on landscape A4 pages (297 × 210 mm) of
    /// its own, with its title and caption (default false): the text
    /// before it ends its portrait page, its header repeats on each
    /// landscape page it takes, and the text after it goes on on a new
    /// portrait page. For a table too wide for a portrait page, whose
    /// words would otherwise break at their syllables in narrow columns.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mendatar: bool,
}

/// A column of a table (`tabel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Kolom {
    /// The header text.
    pub judul: Inline,
    /// The alignment of the column's cells; numbers default to the right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rata: Option<Rata>,
    /// The heading(s) this column is grouped under, outermost first:
    /// neighbouring columns with the same `grup` share one heading cell
    /// spanning them ("TW III" over Target, Realisasi and Capaian), and a
    /// column without one spans the header's rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grup: Option<Baris>,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rata {
    /// Flush left.
    Kiri,
    /// Centred.
    Tengah,
    /// Flush right.
    Kanan,
}

/// A table cell: a text with inline markup, or an exact number printed the
/// Indonesian way.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    /// Text with inline markup.
    Teks(Inline),
    /// A number, printed as `95,15` or `1.234`.
    Angka(Decimal),
}

impl Serialize for Sel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Sel::Teks(s) => s.serialize(serializer),
            Sel::Angka(d) => number::serialize(d, serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Sel {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(Sel::Teks(Inline::new(s))),
            serde_json::Value::Number(n) => number::from_json_number(&n)
                .map(Sel::Angka)
                .map_err(serde::de::Error::custom),
            other => Err(serde::de::Error::custom(wrong_type(
                vec![Phrase::TypeString, Phrase::TypeNumber],
                &other,
            ))),
        }
    }
}

impl JsonSchema for Sel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A cell: text with inline markup, or a number printed the Indonesian way.",
            "type": ["string", "number"]
        })
    }
}

/// C. Capaian Fisik dan Anggaran per Rincian Output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Anggaran {
    /// The table's columns in print order, each with its own heading.
    /// Left out: Uraian Rincian Output, Satuan, Volume, Capaian, Sisa
    /// Capaian, Pagu Anggaran, Realisasi, Sisa Anggaran when the rows have
    /// a volume; Jenis Belanja, Pagu Anggaran, Realisasi, Realisasi (%),
    /// Sisa Anggaran when none has (rows by type of spending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub kolom: Option<Vec<KolomAnggaran>>,
    /// The rows: one per rincian output, or per type of spending (belanja
    /// pegawai, barang, modal), each with its sub-rows if it has any.
    #[schemars(length(min = 1))]
    pub rincian: Vec<Rincian>,
    /// The Total row as stated in the source, if it is to be checked; lapkin
    /// computes it from the rows either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Total>,
}

/// One rincian output with its physical and budget achievement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rincian {
    /// The code, e.g. "419548.DI.6397.QDB.750"; printed in brackets.
    /// Optional: without it, no brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kode: Option<String>,
    /// The description, e.g. "Satuan Dikdas dan Dikmen yang difasilitasi
    /// penjaminan mutunya", or "Belanja Pegawai".
    pub uraian: Inline,
    /// The unit of the volume, e.g. "Lembaga".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
    /// The target volume.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub volume: Option<Decimal>,
    /// The physical achievement so far; it may exceed the volume.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub capaian: Option<Decimal>,
    /// Volume minus capaian, never below zero (an achievement beyond the
    /// volume leaves nothing to do); computed, and checked if given.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub sisa_capaian: Option<Decimal>,
    /// The budget ceiling (pagu anggaran), in rupiah. A row with sub-rows
    /// has the sum of theirs: computed, and checked if given.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub pagu: Option<Decimal>,
    /// The budget spent (realisasi), in rupiah; as `pagu` for a row with
    /// sub-rows.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub realisasi: Option<Decimal>,
    /// Pagu minus realisasi; computed, and checked if given.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub sisa_anggaran: Option<Decimal>,
    /// The spending plan up to this quarter (RPD, rencana penarikan dana),
    /// in rupiah; as `pagu` for a row with sub-rows.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub rpd: Option<Decimal>,
    /// A remark for the Keterangan column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<Inline>,
    /// The sub-rows (a program's kegiatan, a kegiatan's outputs), printed
    /// indented under it; the row's figures are their sums, counted once
    /// in the Total.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rincian: Vec<Rincian>,
}

/// The Total row of section C as stated in the source; each figure given
/// must equal the sum lapkin computes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Total {
    /// The sum of pagu.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub pagu: Option<Decimal>,
    /// The sum of realisasi.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub realisasi: Option<Decimal>,
    /// The sum of sisa anggaran.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub sisa_anggaran: Option<Decimal>,
    /// The sum of the spending plans (RPD).
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub rpd: Option<Decimal>,
}

/// The closing block, printed at the right under the last section.
///
/// One signer is written here (`jabatan`, `nama`, `nip`); several in
/// `penanda_tangan`, each with those fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Penutup {
    /// The place of signing, e.g. "Bengkulu".
    pub tempat: String,
    /// The date of signing: a day, "2024-08-07" (printed "07 Agustus
    /// 2024"), or a month, "2020-10" (printed "Oktober 2020").
    pub tanggal: TanggalPenutup,
    /// The signer's position, e.g. "Kepala Balai Penjaminan Mutu Pendidikan
    /// Provinsi Bengkulu,"; a list for several lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jabatan: Option<Baris>,
    /// The line under the signature space; default "Ditandatangani secara
    /// elektronik oleh :" for an electronic signature, none in ink.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
    /// The signer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nama: Option<String>,
    /// The signer's NIP (Nomor Induk Pegawai), 18 digits; left out, no NIP
    /// line is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
    /// The label before the NIP: "NIP" (the default), "NIP." or the
    /// unit's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_nip: Option<String>,
    /// Whether the report is signed electronically (the default): a box
    /// is reserved for BSrE's stamp, "Ditandatangani secara elektronik
    /// oleh :" is printed under it, and the standard legal note at the
    /// foot of every page. `false`: signed in ink, with room for the
    /// signature and the stamp.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub elektronik: bool,
    /// Several signers (a court's Panitera, Sekretaris and Ketua), instead
    /// of `jabatan`, `nama` and `nip` here; at most six.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penanda_tangan: Vec<PenandaTangan>,
    /// How several signers are placed: `berdampingan` (side by side, the
    /// default) or `bersusun` (one under another).
    #[serde(default, skip_serializing_if = "is_default")]
    pub letak: Letak,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

impl Penutup {
    /// The signers: those of `penanda_tangan`, or the one written in the
    /// block itself; the defaults applied (the `penutup.elektronik`
    /// setting, the line under the space, the NIP's label).
    pub fn signers(&self) -> Vec<Signer> {
        let signer = |jabatan: &Baris,
                      nama: &str,
                      nip: Option<&String>,
                      label: Option<&String>,
                      elektronik: bool,
                      keterangan: Option<&String>| Signer {
            jabatan: jabatan.lines().to_vec(),
            nama: nama.to_owned(),
            nip: nip.cloned(),
            label_nip: label.cloned().unwrap_or_else(|| "NIP".to_owned()),
            elektronik,
            keterangan: match keterangan {
                Some(k) => Some(k.clone()).filter(|k| !k.is_empty()),
                None => elektronik.then(|| DEFAULT_KETERANGAN.to_owned()),
            },
        };
        if self.penanda_tangan.is_empty() {
            let jabatan = self.jabatan.clone().unwrap_or_default();
            return vec![signer(
                &jabatan,
                self.nama.as_deref().unwrap_or_default(),
                self.nip.as_ref(),
                self.label_nip.as_ref(),
                self.elektronik,
                self.keterangan.as_ref(),
            )];
        }
        self.penanda_tangan
            .iter()
            .map(|p| {
                signer(
                    &p.jabatan,
                    &p.nama,
                    p.nip.as_ref(),
                    p.label_nip.as_ref(),
                    p.elektronik.unwrap_or(self.elektronik),
                    p.keterangan.as_ref(),
                )
            })
            .collect()
    }
}

/// A signer of the closing block as printed, with the defaults applied
/// ([`Penutup::signers`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Signer {
    /// The position's lines.
    pub jabatan: Vec<String>,
    /// The name.
    pub nama: String,
    /// The NIP, if printed.
    pub nip: Option<String>,
    /// The NIP's label.
    pub label_nip: String,
    /// Signs electronically.
    pub elektronik: bool,
    /// The line under the space, if any.
    pub keterangan: Option<String>,
}

/// How the PDF is prepared for the electronic signature.
///
/// BSrE's signing service finds the place for the visual signature by a
/// one-character tag in the text, or by coordinates; a PAdES signer such as
/// pyHanko can sign into an empty signature field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TandaTangan {
    /// The tag character drawn, invisible, at the reserved box for BSrE's
    /// `tag_koordinat` (default `#`); `null` draws none. It must occur
    /// nowhere else in the report.
    #[serde(default = "default_tag", skip_serializing_if = "is_default_tag")]
    pub tag: Option<String>,
    /// Width of the box reserved for the visual signature, in millimetres.
    #[serde(default = "default_box_mm", skip_serializing_if = "is_default_box")]
    #[schemars(range(min = 10.0, max = 80.0))]
    pub lebar_mm: f64,
    /// Height of the box, in millimetres.
    #[serde(default = "default_box_mm", skip_serializing_if = "is_default_box")]
    #[schemars(range(min = 10.0, max = 80.0))]
    pub tinggi_mm: f64,
    /// If given, an empty signature field of this name is added over the
    /// box, for PAdES signers (pyHanko, Adobe).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The default tag character.
pub const DEFAULT_TAG: &str = "#";

/// The default size of the signature box, in millimetres: 3 cm, which
/// suits BSrE's square QR stamp.
pub const DEFAULT_BOX_MM: f64 = 30.0;

fn default_tag() -> Option<String> {
    Some(DEFAULT_TAG.to_owned())
}

fn is_default_tag(t: &Option<String>) -> bool {
    t.as_deref() == Some(DEFAULT_TAG)
}

fn default_box_mm() -> f64 {
    DEFAULT_BOX_MM
}

fn is_default_box(v: &f64) -> bool {
    *v == DEFAULT_BOX_MM
}

impl Default for TandaTangan {
    fn default() -> Self {
        TandaTangan {
            tag: default_tag(),
            lebar_mm: DEFAULT_BOX_MM,
            tinggi_mm: DEFAULT_BOX_MM,
            field: None,
        }
    }
}

impl TandaTangan {
    /// The tag character, if one is drawn.
    pub fn tag_char(&self) -> Option<char> {
        self.tag.as_deref().and_then(|t| t.chars().next())
    }
}

/// The default line under an electronic signer's space.
pub const DEFAULT_KETERANGAN: &str = "Ditandatangani secara elektronik oleh :";

/// A calendar date, written `YYYY-MM-DD` in JSON and printed in Indonesian
/// ("07 Agustus 2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tanggal(pub time::Date);

impl Tanggal {
    /// The date as `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        let d = self.0;
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }
}

impl FromStr for Tanggal {
    type Err = Problem;

    /// A date written `YYYY-MM-DD`; the problem, at
    /// [`Location::Given`], says whether
    /// the text is not written so or names a day that does not exist.
    fn from_str(s: &str) -> Result<Self, Problem> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        match time::Date::parse(s, &format) {
            Ok(d) if s.len() == 10 => Ok(Tanggal(d)),
            _ => Err(date_problem(s)),
        }
    }
}

/// Why `s` is not a date: not written `YYYY-MM-DD`, or a day that does
/// not exist ("2023-02-29 does not exist: February 2023 has 28 days").
pub(crate) fn date_problem(s: &str) -> Problem {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let written = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    if let (true, Some(y), Some(m), Some(d)) = (written, digits(0..4), digits(5..7), digits(8..10))
    {
        let no_such = |why: Arg| {
            Problem::new(Location::Given, Kind::NoSuchDate)
                .with("date", s)
                .with("why", why)
        };
        let month = u8::try_from(m)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok());
        match month {
            None => {
                let why = Arg::phrase(Phrase::NoMonth, vec![("month", format!("{m:02}").into())]);
                return no_such(why);
            }
            Some(month) => {
                let days = time::util::days_in_month(month, y as i32);
                if d == 0 || d > u32::from(days) {
                    let name = Arg::both(month_name(month), crate::format::nama_bulan(month));
                    let why = Arg::phrase(
                        Phrase::DaysInMonth,
                        vec![("month", name), ("year", y.into()), ("days", days.into())],
                    );
                    return no_such(why);
                }
            }
        }
    }
    Problem::new(Location::Given, Kind::NotADate).with("found", found(&serde_json::Value::from(s)))
}

/// A month's English name.
fn month_name(m: time::Month) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[usize::from(u8::from(m)) - 1]
}

impl fmt::Display for Tanggal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Tanggal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Tanggal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse()
            .map_err(|p: Problem| serde::de::Error::custom(p.message(Lang::En)))
    }
}

impl JsonSchema for Tanggal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Tanggal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date written YYYY-MM-DD, e.g. 2024-08-07.",
            "type": "string",
            "format": "date"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(GayaDaftar::Angka.marker(12), "12.");
        assert_eq!(GayaDaftar::Huruf.marker(1), "a.");
        assert_eq!(GayaDaftar::Huruf.marker(26), "z.");
        assert_eq!(GayaDaftar::Huruf.marker(27), "aa.");
        assert_eq!(GayaDaftar::Huruf.marker(52), "az.");
        assert_eq!(GayaDaftar::Strip.marker(3), "-");
    }

    #[test]
    fn tanggal_parses_iso_dates_only() {
        let t: Tanggal = "2024-08-07".parse().unwrap();
        assert_eq!(t.iso(), "2024-08-07");
        assert!("2024-02-30".parse::<Tanggal>().is_err());
        assert!("07-08-2024".parse::<Tanggal>().is_err());
        assert!("2024-8-7".parse::<Tanggal>().is_err());
        assert_eq!(
            "2023-02-29".parse::<Tanggal>().unwrap_err().to_string(),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        assert_eq!(
            "2024-04-31".parse::<Tanggal>().unwrap_err().to_string(),
            "2024-04-31 does not exist: April 2024 has 30 days"
        );
        assert_eq!(
            "2024-13-01".parse::<Tanggal>().unwrap_err().to_string(),
            "2024-13-01 does not exist: there is no month 13"
        );
        assert_eq!(
            "2024-08-00".parse::<Tanggal>().unwrap_err().to_string(),
            "2024-08-00 does not exist: August 2024 has 31 days"
        );
        assert!("2024-02-29".parse::<Tanggal>().is_ok());
    }

    #[test]
    fn block_json_forms() {
        let blocks: Vec<Blok> = serde_json::from_str(
            r#"["teks", {"daftar": {"gaya": "huruf", "butir": ["satu", {"teks": "dua", "isi": ["x"]}]}},
                {"tabel": {"kolom": [{"judul": "No"}], "baris": [[1]]}}]"#,
        )
        .unwrap();
        assert_eq!(blocks[0], Blok::Paragraf(Inline::new("teks")));
        let Blok::Daftar(d) = &blocks[1] else {
            panic!("not a list: {:?}", blocks[1])
        };
        assert_eq!(d.gaya, GayaDaftar::Huruf);
        assert_eq!(d.mulai, 1);
        assert_eq!(d.butir[1].isi, vec![Blok::Paragraf(Inline::new("x"))]);
        let Blok::Tabel(t) = &blocks[2] else {
            panic!("not a table: {:?}", blocks[2])
        };
        assert_eq!(t.baris[0][0], Sel::Angka(Decimal::ONE));
        // And back to the same JSON forms.
        let again = serde_json::to_value(&blocks).unwrap();
        assert_eq!(again[0], serde_json::json!("teks"));
        assert_eq!(again[1]["daftar"]["butir"][0], serde_json::json!("satu"));
    }
}
