//! The unit's own wording of its document: the title, the intro, the
//! sections (their order, headings and numbering), the parts of an
//! analysis, and what every page carries (the page number, a running
//! header and footer, the legal note's label). Every option is optional,
//! and left out it gives the wording of the reference report.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Blok, Inline};
use crate::problem::Phrase;

/// Text of one or more lines: in JSON a string (one line) or a list of
/// strings (one per line), e.g. `"Kepala Balai,"` or `["Mengetahui,",
/// "Ketua,"]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Baris(pub Vec<String>);

impl Baris {
    /// The lines.
    ///
    /// ```
    /// use lapkin::model::Baris;
    ///
    /// let jabatan = Baris(vec!["Mengetahui,".into(), "Ketua,".into()]);
    /// assert_eq!(jabatan.lines(), ["Mengetahui,", "Ketua,"]);
    /// ```
    pub fn lines(&self) -> &[String] {
        &self.0
    }

    /// The lines joined by spaces, as one line.
    ///
    /// ```
    /// use lapkin::model::Baris;
    ///
    /// let judul = Baris(vec!["LAPORAN KINERJA".into(), "TRIWULAN II".into()]);
    /// assert_eq!(judul.joined(), "LAPORAN KINERJA TRIWULAN II");
    /// ```
    pub fn joined(&self) -> String {
        self.0.join(" ")
    }
}

impl From<&str> for Baris {
    fn from(s: &str) -> Self {
        Baris(vec![s.to_owned()])
    }
}

impl From<String> for Baris {
    fn from(s: String) -> Self {
        Baris(vec![s])
    }
}

impl From<Vec<String>> for Baris {
    fn from(lines: Vec<String>) -> Self {
        Baris(lines)
    }
}

impl Serialize for Baris {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => serializer.serialize_str(one),
            lines => lines.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Baris {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(Baris(vec![s])),
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => Ok(s),
                    other => Err(serde::de::Error::custom(super::wrong_type(
                        vec![Phrase::TypeString],
                        &other,
                    ))),
                })
                .collect::<Result<_, _>>()
                .map(Baris),
            other => Err(serde::de::Error::custom(super::wrong_type(
                vec![Phrase::TypeString, Phrase::TypeArray],
                &other,
            ))),
        }
    }
}

impl JsonSchema for Baris {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Baris".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One line of text (a string), or several: a list of strings, one per line.",
            "type": ["string", "array"],
            "items": { "type": "string" },
            "minItems": 1
        })
    }
}

/// How the quarter is written in the wording lapkin generates (the title,
/// the intro, the headings): `2` or `II`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AngkaTriwulan {
    /// Arabic figures: "Triwulan 2".
    #[default]
    Arab,
    /// Roman numerals: "Triwulan II".
    Romawi,
}

impl AngkaTriwulan {
    /// The quarter `q` written this way.
    ///
    /// ```
    /// use lapkin::model::AngkaTriwulan;
    ///
    /// assert_eq!(AngkaTriwulan::Arab.write(2), "2");
    /// assert_eq!(AngkaTriwulan::Romawi.write(2), "II");
    /// ```
    pub fn write(self, q: u8) -> String {
        match self {
            AngkaTriwulan::Arab => q.to_string(),
            AngkaTriwulan::Romawi => roman(u32::from(q)),
        }
    }
}

pub(crate) use crate::format::roman;

/// The sections of the document: their order, headings and numbering.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Susunan {
    /// How the sections are numbered: `huruf` "A.", "B." (the default),
    /// `angka` "1.", "2.", `romawi` "I.", "II.", `bab` "BAB I", "BAB II",
    /// or `tanpa` (none).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub penomoran: PenomoranBagian,
    /// Print the section headings in capitals ("1. PROGRES CAPAIAN
    /// KINERJA TRIWULAN II").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub huruf_besar: bool,
    /// The sections in print order. A standard part is `{"jenis":
    /// "kinerja"}` (also `analisis`, `anggaran`, `rekomendasi`, and
    /// `penutup` for the closing block), with its own `judul` if the unit
    /// words it differently; a free section is `{"judul": "Pendahuluan",
    /// "isi": [...]}`. Left out: kinerja, analisis, anggaran, rekomendasi,
    /// penutup. The closing block goes last unless it is placed (a
    /// foreword's signer: after the foreword). A section with nothing in
    /// it is not printed, and takes no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub bagian: Option<Vec<Bagian>>,
    /// The front matter of a whole LKj, before the chapters: unnumbered
    /// sections, each on a new page, the pages labelled i, ii, iii … (the
    /// chapters' pages are then numbered 1, 2, 3 … and each chapter
    /// starts a new page). Each is a free section (`{"judul": "Kata
    /// Pengantar", "isi": [...]}`), the closing block as the foreword's
    /// signer (`{"jenis": "penutup"}`), a generated list (`{"jenis":
    /// "daftar_isi"}`, `daftar_tabel`, `daftar_gambar`, `daftar_lampiran`,
    /// with its own `judul` if worded otherwise) or the cover (`{"jenis":
    /// "sampul"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub awal: Option<Vec<Bagian>>,
    /// The appendices, after the chapters: "Lampiran I", "Lampiran II" …,
    /// each a free section on a new page, their pages going on with the
    /// chapters' numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub lampiran: Option<Vec<Bagian>>,
}

/// How the sections are numbered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PenomoranBagian {
    /// "A.", "B.", "C."
    #[default]
    Huruf,
    /// "1.", "2.", "3."
    Angka,
    /// "I.", "II.", "III."
    Romawi,
    /// "BAB I", "BAB II", "BAB III"
    Bab,
    /// No numbers.
    Tanpa,
}

impl PenomoranBagian {
    /// The number of the `n`-th numbered section (1-based) and the space
    /// after it, e.g. "A. ", "BAB II ", or nothing.
    ///
    /// ```
    /// use lapkin::model::PenomoranBagian;
    ///
    /// assert_eq!(PenomoranBagian::Huruf.prefix(3), "C. ");
    /// assert_eq!(PenomoranBagian::Bab.prefix(2), "BAB II ");
    /// assert_eq!(PenomoranBagian::Tanpa.prefix(2), "");
    /// ```
    pub fn prefix(self, n: u32) -> String {
        match self {
            PenomoranBagian::Huruf => format!("{}. ", super::letters(n).to_uppercase()),
            PenomoranBagian::Angka => format!("{n}. "),
            PenomoranBagian::Romawi => format!("{}. ", roman(n)),
            PenomoranBagian::Bab => format!("BAB {} ", roman(n)),
            PenomoranBagian::Tanpa => String::new(),
        }
    }
}

/// One section of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Bagian {
    /// Which standard part this is; left out for a free section of the
    /// unit's own (a heading and the blocks in `isi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jenis: Option<JenisBagian>,
    /// The heading, without its number ("Progres Capaian Kinerja Triwulan
    /// II", "Pendahuluan"). A standard part has its standard heading if
    /// this is left out; a free section needs one; the closing block
    /// (`penutup`) has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// Whether the heading is numbered (default true): a foreword or a
    /// summary before the numbered chapters is not, and the numbers of the
    /// others go on without it.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub bernomor: bool,
    /// Blocks (paragraphs, lists, tables, sub-headings `{"judul": ...}`):
    /// a free section's content, or printed after a standard part's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub isi: Vec<Blok>,
    /// A name to refer to the section by (`[](#pendahuluan)` prints "BAB
    /// I"): letters, digits, `-`, `_`, `.` and `:`, unique in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Starts the section on a new page (in a whole LKj every chapter
    /// does).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub halaman_baru: bool,
    /// Whether the section is set on landscape A4 pages (297 × 210 mm) of
    /// its own (default false): the page before it ends, its heading and
    /// content go across the wide page (a wide table A or budget table at
    /// a legible size), and the section after it starts a new portrait
    /// page. The legal note, the running header and the page number are
    /// placed for the landscape page.
    #[serde(default, skip_serializing_if = "is_no")]
    pub mendatar: bool,
}

impl Default for Bagian {
    /// A numbered section without a part, a heading or blocks.
    fn default() -> Self {
        Bagian {
            jenis: None,
            judul: None,
            bernomor: true,
            isi: Vec::new(),
            id: None,
            halaman_baru: false,
            mendatar: false,
        }
    }
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

fn is_no(b: &bool) -> bool {
    !*b
}

/// A standard part of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JenisBagian {
    /// Section A: the indicator table (`kinerja`).
    Kinerja,
    /// Section B: the analyses (`analisis`).
    Analisis,
    /// Section C: the budget table (`anggaran`).
    Anggaran,
    /// Section D: the recommendations (`rekomendasi`).
    Rekomendasi,
    /// The closing block: place, date and signers (`penutup`).
    Penutup,
    /// The cover of a whole LKj (in `susunan.awal`).
    Sampul,
    /// The table of contents, Daftar Isi, generated from the headings.
    DaftarIsi,
    /// The list of the numbered tables, Daftar Tabel.
    DaftarTabel,
    /// The list of the numbered figures, Daftar Gambar.
    DaftarGambar,
    /// The list of the appendices, Daftar Lampiran.
    DaftarLampiran,
}

impl JenisBagian {
    /// The standard parts in their standard order.
    pub const ALL: [JenisBagian; 5] = [
        JenisBagian::Kinerja,
        JenisBagian::Analisis,
        JenisBagian::Anggaran,
        JenisBagian::Rekomendasi,
        JenisBagian::Penutup,
    ];

    /// The part's field in the report, e.g. `"anggaran"`.
    ///
    /// ```
    /// use lapkin::model::JenisBagian;
    ///
    /// assert_eq!(JenisBagian::Anggaran.field(), "anggaran");
    /// ```
    pub fn field(self) -> &'static str {
        match self {
            JenisBagian::Kinerja => "kinerja",
            JenisBagian::Analisis => "analisis",
            JenisBagian::Anggaran => "anggaran",
            JenisBagian::Rekomendasi => "rekomendasi",
            JenisBagian::Penutup => "penutup",
            JenisBagian::Sampul => "sampul",
            JenisBagian::DaftarIsi => "daftar_isi",
            JenisBagian::DaftarTabel => "daftar_tabel",
            JenisBagian::DaftarGambar => "daftar_gambar",
            JenisBagian::DaftarLampiran => "daftar_lampiran",
        }
    }
}

/// A part of an analysis in section B: its sub-heading and blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BagianAnalisis {
    /// The sub-heading as printed, e.g. "Faktor Pendukung :".
    pub judul: Inline,
    /// The blocks under it.
    #[schemars(length(min = 1))]
    pub isi: Vec<Blok>,
}

/// What every page carries besides the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Halaman {
    /// The page number as printed at the foot of every page, at the right:
    /// `{halaman}` is the page's number, `{jumlah}` the number of pages.
    /// Default "Halaman {halaman} dari {jumlah}"; "" prints none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nomor: Option<String>,
    /// A running header: text printed at the top of every page, at the
    /// right over a rule (the document's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kepala: Option<String>,
    /// A running footer: text printed at the foot of every page, at the
    /// left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kaki: Option<String>,
    /// The legal note's label. Default "Catatan :"; "" prints none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul_catatan: Option<String>,
    /// How the legal note's items are marked: `angka` "1." (the default),
    /// `huruf` "a.", `strip` "-", or `tanpa` (none).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub penomoran_catatan: PenomoranCatatan,
}

/// How the legal note's items are marked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PenomoranCatatan {
    /// "1.", "2."
    #[default]
    Angka,
    /// "a.", "b."
    Huruf,
    /// "-"
    Strip,
    /// No marker.
    Tanpa,
}

/// The default page number wording.
pub const DEFAULT_NOMOR_HALAMAN: &str = "Halaman {halaman} dari {jumlah}";

/// The default label of the legal note.
pub const DEFAULT_JUDUL_CATATAN: &str = "Catatan :";

/// A row's own number in table A, as the unit prints it: in JSON a number
/// or a string (`1`, `"1.a"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomor(pub String);

impl Serialize for Nomor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<u64>() {
            Ok(n) if n.to_string() == self.0 => serializer.serialize_u64(n),
            _ => serializer.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Nomor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(s) => Ok(Nomor(s)),
            serde_json::Value::Number(n) => Ok(Nomor(n.to_string())),
            other => Err(serde::de::Error::custom(super::wrong_type(
                vec![Phrase::TypeNumber, Phrase::TypeString],
                &other,
            ))),
        }
    }
}

impl JsonSchema for Nomor {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Nomor".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The row's own number as printed: a number or a string, e.g. 1 or \"1.a\".",
            "type": ["integer", "string"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_and_section_numbers() {
        let r: Vec<String> = [1, 2, 3, 4, 9, 14, 40, 1999].map(roman).to_vec();
        assert_eq!(r, ["I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXCIX"]);
        assert_eq!(PenomoranBagian::Huruf.prefix(4), "D. ");
        assert_eq!(PenomoranBagian::Angka.prefix(1), "1. ");
        assert_eq!(PenomoranBagian::Romawi.prefix(3), "III. ");
        assert_eq!(PenomoranBagian::Bab.prefix(2), "BAB II ");
        assert_eq!(PenomoranBagian::Tanpa.prefix(2), "");
        assert_eq!(AngkaTriwulan::Romawi.write(2), "II");
        assert_eq!(AngkaTriwulan::Arab.write(2), "2");
    }

    #[test]
    fn lines_are_a_string_or_a_list() {
        let one: Baris = serde_json::from_str(r#""Kepala,""#).unwrap();
        let two: Baris = serde_json::from_str(r#"["Mengetahui,", "Ketua,"]"#).unwrap();
        assert_eq!(one.lines(), ["Kepala,"]);
        assert_eq!(two.joined(), "Mengetahui, Ketua,");
        assert_eq!(serde_json::to_string(&one).unwrap(), r#""Kepala,""#);
        assert_eq!(
            serde_json::to_string(&two).unwrap(),
            r#"["Mengetahui,","Ketua,"]"#
        );
        assert!(serde_json::from_str::<Baris>("[1]").is_err());
        let n: Nomor = serde_json::from_str("4").unwrap();
        assert_eq!(n.0, "4");
        assert_eq!(serde_json::to_string(&n).unwrap(), "4");
        let n: Nomor = serde_json::from_str(r#""1.a""#).unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), r#""1.a""#);
    }
}
