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
mod inline;
mod keys;
pub(crate) mod number;
pub(crate) mod parse;
mod schema;
mod script;
pub(crate) mod validate;
pub(crate) mod walk;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use anggaran::{Sisa, Totals};
pub use checked::CheckedReport;
#[cfg(test)]
pub(crate) use inline::PARSES;
pub use inline::{Inline, LINK_SCHEMES};
pub use parse::{MAX_INPUT_BYTES, parse_report, parse_report_with_limit};
pub use schema::report_schema;
/// The months of a [`Date`](crate::Date), to build one
/// (`Date::from_calendar_date(2024, Month::August, 7)`).
#[doc(no_inline)]
pub use time::Month;
pub use validate::{
    MAX_CATATAN_ITEMS, MAX_LIST_DEPTH, MAX_PENUTUP_CHARS, MAX_TAHUN, MIN_TAHUN, check_nip,
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
    /// A. Progress Capaian Kinerja: the sasaran and their indicators.
    pub kinerja: Kinerja,
    /// B. Hasil Analisis Capaian Kinerja: one entry per indicator, in the order
    /// they are to be printed.
    pub analisis: Vec<Analisis>,
    /// C. Capaian Fisik dan Anggaran per Rincian Output.
    pub anggaran: Anggaran,
    /// D. Rekomendasi Pimpinan: usually an intro paragraph and a numbered list.
    pub rekomendasi: Vec<Block>,
    /// The closing block: place, date, position and the electronic signer.
    pub penutup: Penutup,
    /// The legal note printed at the foot of every page, one item per entry.
    /// Leave it out to use the standard note ([`Report::DEFAULT_CATATAN`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub catatan: Option<Vec<Inline>>,
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

    /// The report's title, e.g. "Laporan Kinerja Triwulan 2 BPMP Provinsi
    /// Bengkulu Tahun 2024".
    pub fn title(&self) -> String {
        format!(
            "Laporan Kinerja Triwulan {} {} Tahun {}",
            self.triwulan, self.unit.nama, self.tahun
        )
    }

    /// The legal note items: the report's own, or the standard ones.
    pub fn catatan(&self) -> Vec<Inline> {
        match &self.catatan {
            Some(items) => items.clone(),
            None => default_catatan().to_vec(),
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
        self.indikator().find(|(_, i)| i.kode == kode)
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
    /// The sasaran (targets), each with its indicators, in table order.
    #[schemars(length(min = 1))]
    pub sasaran: Vec<Sasaran>,
}

/// A sasaran (strategic target) and the indicators that measure it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sasaran {
    /// The code, e.g. "SK 1.0"; printed in brackets before the text.
    pub kode: String,
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
    /// The code, e.g. "IKK 1.1"; section B refers to the indicator by it.
    pub kode: String,
    /// The text of the indicator.
    pub uraian: Inline,
    /// The target of the performance agreement (Target Perjanjian Kinerja).
    pub target_pk: Nilai,
    /// The unit of the values, e.g. "%", "Predikat", "Nilai".
    pub satuan: String,
    /// The target for this quarter.
    pub target: Nilai,
    /// The achievement (capaian) in this quarter.
    pub capaian: Nilai,
}

/// A value in the indicator table: an exact number, a text such as a grade,
/// or not available.
///
/// In JSON: a number (`3.92`), a string (`"A"`), or `null` (printed `-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nilai {
    /// An exact number, printed the Indonesian way (`3,92`).
    Angka(Decimal),
    /// A text, such as the grade `A`.
    Teks(String),
    /// Not available; printed as `-`.
    TidakAda,
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
    /// "1. [SK 1.0 ...] IKK 1.1 ..." is made from section A's data.
    pub indikator: String,
    /// *Progress / Kegiatan*: what was done.
    pub progress: Vec<Block>,
    /// *Kendala / Permasalahan*: the constraints met.
    pub kendala: Vec<Block>,
    /// *Strategi / Tindak Lanjut*: the strategy and follow-up.
    pub strategi: Vec<Block>,
}

/// A block of body text: a paragraph, a list or a table.
///
/// In JSON a paragraph is a plain string; a list is `{"daftar": {...}}` and a
/// table `{"tabel": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "BlockRepr", into = "BlockRepr")]
#[schemars(rename = "Block")]
#[non_exhaustive]
pub enum Blok {
    /// A paragraph of text with inline markup.
    Paragraf(Inline),
    /// A numbered, lettered or bulleted list.
    Daftar(Daftar),
    /// A table.
    Tabel(Tabel),
}

/// The name [`Blok`] had before (kept while the branches in flight move).
#[doc(hidden)]
pub type Block = Blok;

/// How a [`Blok`] is written in JSON. Read by hand rather than as an
/// untagged enum, whose only error is "data did not match any variant".
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
enum BlockRepr {
    /// A paragraph.
    Paragraf(Inline),
    /// A list or a table, as an object with one key.
    Tagged(TaggedBlock),
}

/// A list or a table, tagged by its one key.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum TaggedBlock {
    /// A list.
    Daftar(Daftar),
    /// A table.
    Tabel(Tabel),
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

impl<'de> Deserialize<'de> for BlockRepr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(BlockRepr::Paragraf(Inline::new(s))),
            v @ serde_json::Value::Object(_) => from_object(v).map(BlockRepr::Tagged),
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

impl From<BlockRepr> for Block {
    fn from(repr: BlockRepr) -> Self {
        match repr {
            BlockRepr::Paragraf(text) => Block::Paragraf(text),
            BlockRepr::Tagged(TaggedBlock::Daftar(d)) => Block::Daftar(d),
            BlockRepr::Tagged(TaggedBlock::Tabel(t)) => Block::Tabel(t),
        }
    }
}

impl From<Block> for BlockRepr {
    fn from(block: Block) -> Self {
        match block {
            Block::Paragraf(text) => BlockRepr::Paragraf(text),
            Block::Daftar(d) => BlockRepr::Tagged(TaggedBlock::Daftar(d)),
            Block::Tabel(t) => BlockRepr::Tagged(TaggedBlock::Tabel(t)),
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

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
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
fn letters(mut n: u32) -> String {
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
    pub isi: Vec<Block>,
}

/// How a [`Butir`] is written in JSON; read by hand like [`BlockRepr`].
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
    isi: Vec<Block>,
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
}

/// A column of a [`Tabel`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Kolom {
    /// The header text.
    pub judul: Inline,
    /// The alignment of the column's cells; numbers default to the right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rata: Option<Rata>,
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
    /// The rows, one per rincian output.
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
    pub kode: String,
    /// The description, e.g. "Satuan Dikdas dan Dikmen yang difasilitasi
    /// penjaminan mutunya".
    pub uraian: Inline,
    /// The unit of the volume, e.g. "Lembaga".
    pub satuan: String,
    /// The target volume.
    #[serde(with = "number")]
    #[schemars(with = "JsonNumber")]
    pub volume: Decimal,
    /// The physical achievement so far.
    #[serde(with = "number")]
    #[schemars(with = "JsonNumber")]
    pub capaian: Decimal,
    /// Volume minus capaian; computed, and checked if given.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub sisa_capaian: Option<Decimal>,
    /// The budget ceiling (pagu anggaran), in rupiah.
    #[serde(with = "number")]
    #[schemars(with = "JsonNumber")]
    pub pagu: Decimal,
    /// The budget spent (realisasi), in rupiah.
    #[serde(with = "number")]
    #[schemars(with = "JsonNumber")]
    pub realisasi: Decimal,
    /// Pagu minus realisasi; computed, and checked if given.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<JsonNumber>")]
    pub sisa_anggaran: Option<Decimal>,
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
}

/// The closing block, printed at the right under the last section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Penutup {
    /// The place of signing, e.g. "Bengkulu".
    pub tempat: String,
    /// The date of signing.
    pub tanggal: Tanggal,
    /// The signer's position, e.g. "Kepala Balai Penjaminan Mutu Pendidikan
    /// Provinsi Bengkulu,".
    pub jabatan: String,
    /// The line under the signature space.
    #[serde(
        default = "default_keterangan",
        skip_serializing_if = "is_default_keterangan"
    )]
    pub keterangan: String,
    /// The signer's name.
    pub nama: String,
    /// The signer's NIP (Nomor Induk Pegawai), 18 digits.
    pub nip: String,
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

/// The default line under the signature space.
pub const DEFAULT_KETERANGAN: &str = "Ditandatangani secara elektronik oleh :";

fn default_keterangan() -> String {
    DEFAULT_KETERANGAN.to_owned()
}

fn is_default_keterangan(s: &str) -> bool {
    s == DEFAULT_KETERANGAN
}

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
                    let name = Arg::both(month_name(month), crate::format::bulan(month));
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
        let blocks: Vec<Block> = serde_json::from_str(
            r#"["teks", {"daftar": {"gaya": "huruf", "butir": ["satu", {"teks": "dua", "isi": ["x"]}]}},
                {"tabel": {"kolom": [{"judul": "No"}], "baris": [[1]]}}]"#,
        )
        .unwrap();
        assert_eq!(blocks[0], Block::Paragraf(Inline::new("teks")));
        let Block::Daftar(d) = &blocks[1] else {
            panic!("not a list: {:?}", blocks[1])
        };
        assert_eq!(d.gaya, GayaDaftar::Huruf);
        assert_eq!(d.mulai, 1);
        assert_eq!(d.butir[1].isi, vec![Block::Paragraf(Inline::new("x"))]);
        let Block::Tabel(t) = &blocks[2] else {
            panic!("not a table: {:?}", blocks[2])
        };
        assert_eq!(t.baris[0][0], Sel::Angka(Decimal::ONE));
        // And back to the same JSON forms.
        let again = serde_json::to_value(&blocks).unwrap();
        assert_eq!(again[0], serde_json::json!("teks"));
        assert_eq!(again[1]["daftar"]["butir"][0], serde_json::json!("satu"));
    }
}
