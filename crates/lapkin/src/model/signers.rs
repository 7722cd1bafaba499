//! The signers of the closing block and the date they sign on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Tanggal;
use super::wording::Baris;
use crate::problem::{Arg, Kind, Location, Phrase, Problem};

/// One signer of the closing block, when there are several
/// (`penutup.penanda_tangan`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PenandaTangan {
    /// The position, ending with a comma ("Ketua,"); a list for several
    /// lines (`["Mengetahui,", "Ketua Pengadilan Agama Karawang,"]`).
    pub jabatan: Baris,
    /// The signer's name, printed in bold.
    pub nama: String,
    /// The NIP, 18 digits (spaces allowed, "19610412 199003 1 003");
    /// left out, no NIP line is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
    /// The label before the NIP: "NIP" (the default), "NIP." or the
    /// unit's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_nip: Option<String>,
    /// Whether this signer signs electronically (default: as
    /// `penutup.elektronik`): a box is reserved for the BSrE stamp, with
    /// its own tag and signature field. `false`: in ink, with room for the
    /// signature and the stamp and no "Ditandatangani secara elektronik"
    /// line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elektronik: Option<bool>,
    /// The line under the space; default "Ditandatangani secara elektronik
    /// oleh :" for an electronic signer, none for one in ink.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
    /// The tag character of this signer's box for BSrE's `tag_koordinat`;
    /// default `#` for the first electronic signer (`tanda_tangan.tag`),
    /// then `~`, `^`, `|`, `$`, `+`. Each signer's must differ and occur
    /// nowhere else in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The name of an empty signature field to put over this signer's
    /// box, for PAdES signers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Width of this signer's box in millimetres (default
    /// `tanda_tangan.lebar_mm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 10.0, max = 80.0))]
    pub lebar_mm: Option<f64>,
    /// Height of this signer's box in millimetres (default
    /// `tanda_tangan.tinggi_mm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 10.0, max = 80.0))]
    pub tinggi_mm: Option<f64>,
}

/// The tags of the electronic signers after the first, in order, when
/// they do not choose their own.
pub const SIGNER_TAGS: [&str; 5] = ["~", "^", "|", "$", "+"];

/// At most this many signers: side by side, more would not fit an A4 page.
pub const MAX_SIGNERS: usize = 6;

/// How several signers are placed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Letak {
    /// Side by side (the default): the first at the left, the last at the
    /// right; the place and date above the last.
    #[default]
    Berdampingan,
    /// One under another at the right, the place and date above the
    /// first.
    Bersusun,
}

/// The date of signing: a day (`"2024-08-07"`, printed "07 Agustus
/// 2024") or a month (`"2020-10"`, printed "Oktober 2020").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TanggalPenutup {
    /// A day.
    Hari(Tanggal),
    /// A month: the first day of it.
    Bulan(Tanggal),
}

impl TanggalPenutup {
    /// The day, or the first day of the month: the document's date.
    ///
    /// ```
    /// use lapkin::model::{Tanggal, TanggalPenutup};
    ///
    /// let bulan = TanggalPenutup::Bulan(Tanggal::new(2020, 10, 1)?);
    /// assert_eq!(bulan.date().to_string(), "2020-10-01");
    /// # Ok::<(), lapkin::Problem>(())
    /// ```
    pub fn date(self) -> time::Date {
        match self {
            TanggalPenutup::Hari(t) | TanggalPenutup::Bulan(t) => t.0,
        }
    }

    /// As printed: "07 Agustus 2024" or "Oktober 2020".
    ///
    /// ```
    /// use lapkin::model::{Tanggal, TanggalPenutup};
    ///
    /// assert_eq!(TanggalPenutup::Hari(Tanggal::new(2024, 8, 7)?).printed(), "07 Agustus 2024");
    /// assert_eq!(TanggalPenutup::Bulan(Tanggal::new(2020, 10, 1)?).printed(), "Oktober 2020");
    /// # Ok::<(), lapkin::Problem>(())
    /// ```
    pub fn printed(self) -> String {
        match self {
            TanggalPenutup::Hari(t) => crate::format::tanggal(t.0),
            TanggalPenutup::Bulan(t) => crate::format::bulan(t.0),
        }
    }
}

impl From<Tanggal> for TanggalPenutup {
    fn from(t: Tanggal) -> Self {
        TanggalPenutup::Hari(t)
    }
}

impl std::fmt::Display for TanggalPenutup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TanggalPenutup::Hari(t) => write!(f, "{t}"),
            TanggalPenutup::Bulan(t) => f.write_str(&t.iso()[..7]),
        }
    }
}

impl Serialize for TanggalPenutup {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TanggalPenutup {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse()
            .map_err(|p: Problem| serde::de::Error::custom(p.text(crate::problem::Lang::En)))
    }
}

impl std::str::FromStr for TanggalPenutup {
    type Err = Problem;

    /// A day written `YYYY-MM-DD` or a month written `YYYY-MM`; the
    /// problem, at [`Location::Given`], says whether the text is written
    /// neither way or names a day or month that does not exist.
    fn from_str(s: &str) -> Result<Self, Problem> {
        let b = s.as_bytes();
        let month_form = b.len() == 7
            && b[4] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if month_form {
            let year: i32 = s[..4].parse().unwrap_or(0);
            let month: u8 = s[5..7].parse().unwrap_or(0);
            return time::Month::try_from(month)
                .ok()
                .and_then(|m| time::Date::from_calendar_date(year, m, 1).ok())
                .map(|d| TanggalPenutup::Bulan(Tanggal(d)))
                .ok_or_else(|| {
                    let why = Arg::phrase(
                        Phrase::NoMonth,
                        vec![("month", format!("{month:02}").into())],
                    );
                    Problem::new(Location::Given, Kind::NoSuchDate)
                        .with("date", s)
                        .with("why", why)
                });
        }
        match s.parse::<Tanggal>() {
            Ok(t) => Ok(TanggalPenutup::Hari(t)),
            Err(p) if p.kind == Kind::NotADate => Err(month_problem(s)),
            Err(p) => Err(p),
        }
    }
}

/// The problem of a closing date written neither `YYYY-MM-DD` nor
/// `YYYY-MM`.
pub(crate) fn month_problem(s: &str) -> Problem {
    Problem::new(Location::Given, Kind::NotADayOrMonth)
        .with("found", super::number::found(&serde_json::Value::from(s)))
}

/// The schema's pattern of a closing date.
pub(crate) const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";

/// The schema's format of a closing date: a day or a month that exists
/// (checked by lapkin's validator; other tools ignore a format they do
/// not know, and check the pattern).
pub(crate) const DATE_FORMAT: &str = "tanggal-penutup";

impl JsonSchema for TanggalPenutup {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TanggalPenutup".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The date of signing: a day written YYYY-MM-DD (\"2024-08-07\", printed \"07 Agustus 2024\"), or a month written YYYY-MM (\"2020-10\", printed \"Oktober 2020\").",
            "type": "string",
            "pattern": DATE_PATTERN,
            "format": DATE_FORMAT
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_date_is_a_day_or_a_month() {
        let d: TanggalPenutup = "2024-08-07".parse().unwrap();
        assert_eq!(d.printed(), "07 Agustus 2024");
        let m: TanggalPenutup = "2020-10".parse().unwrap();
        assert_eq!(m.printed(), "Oktober 2020");
        assert_eq!(m.to_string(), "2020-10");
        assert_eq!(serde_json::to_string(&m).unwrap(), r#""2020-10""#);
        let problem = |s: &str| s.parse::<TanggalPenutup>().unwrap_err().to_string();
        assert_eq!(
            problem("2020-13"),
            "2020-13 does not exist: there is no month 13"
        );
        assert_eq!(
            problem("2023-02-29"),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        assert!(problem("Oktober 2020").contains("or a month written YYYY-MM"));
    }
}
