//! The columns of table A (section A) and of the budget table (section
//! C), chosen and ordered by the unit from a vocabulary, each with its
//! own label, and grouped under shared headings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::wording::Baris;
use super::{Inline, Rata};

/// A column of table A.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KolomKinerja {
    /// What the column shows: `no`, `sasaran`, `indikator`, `satuan`,
    /// `target_pk`, `target_renaksi`, `target`, `realisasi`, `capaian`,
    /// `persen` (computed), `tw1` … `tw4` or `keterangan`.
    pub isi: IsiKinerja,
    /// Its heading as printed; the standard one if left out ("No",
    /// "Sasaran", "Indikator", "Satuan", "Target Perjanjian Kinerja",
    /// "Target Renaksi Triwulanan", "Target", "Realisasi", "Capaian",
    /// "Capaian (%)", "TW I" … "TW IV", "Keterangan").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// The heading(s) this column is grouped under, outermost first:
    /// neighbouring columns with the same `grup` share one heading cell
    /// spanning them ("TW III" over Target, Realisasi and Capaian); a
    /// column without a group spans the header's rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grup: Option<Baris>,
    /// The alignment of its cells; figures and values default to the
    /// right, texts to the left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rata: Option<Rata>,
    /// For `persen`: the value divided (default `realisasi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dari: Option<NilaiIndikator>,
    /// For `persen`: the value divided by (default `target`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terhadap: Option<NilaiIndikator>,
    /// For `persen`: the digits after the decimal comma, 0 to 6 (default
    /// 2); the percentage is computed exactly and rounded half away from
    /// zero (62,345 → 62,35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 6))]
    pub desimal: Option<u8>,
}

/// What a column of table A shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IsiKinerja {
    /// The row's number: counted "1.", "2." …, or each indicator's own
    /// `no` if the indicators have one.
    No,
    /// The sasaran, with its code in brackets if it has one; the cell
    /// spans its indicators' rows.
    Sasaran,
    /// The indicator, with its code in brackets if it has one.
    Indikator,
    /// The indicator's `satuan`.
    Satuan,
    /// The target of the performance agreement (`target_pk`), the year's.
    TargetPk,
    /// The quarter's target of the action plan (`target_renaksi`), e.g.
    /// "TW2 : 250".
    TargetRenaksi,
    /// The quarter's target (`target`).
    Target,
    /// The quarter's realisation (`realisasi`).
    Realisasi,
    /// The quarter's achievement (`capaian`) as stated.
    Capaian,
    /// A percentage computed exactly: `dari` ÷ `terhadap` × 100, rounded
    /// to `desimal` digits; "-" where either is not a number or the
    /// divisor is zero.
    Persen,
    /// The value up to the end of the first quarter (`tw1`), cumulative.
    Tw1,
    /// Up to the second quarter (`tw2`).
    Tw2,
    /// Up to the third quarter (`tw3`).
    Tw3,
    /// Up to the fourth quarter (`tw4`).
    Tw4,
    /// The indicator's `keterangan`.
    Keterangan,
}

impl KolomKinerja {
    /// A column showing `isi` under its standard heading.
    ///
    /// ```
    /// use lapkin::model::{IsiKinerja, KolomKinerja};
    ///
    /// let kolom = KolomKinerja::new(IsiKinerja::TargetRenaksi);
    /// assert_eq!((kolom.isi, kolom.judul), (IsiKinerja::TargetRenaksi, None));
    /// ```
    pub fn new(isi: IsiKinerja) -> Self {
        KolomKinerja {
            isi,
            judul: None,
            grup: None,
            rata: None,
            dari: None,
            terhadap: None,
            desimal: None,
        }
    }
}

impl KolomAnggaran {
    /// A column showing `isi` under its standard heading.
    ///
    /// ```
    /// use lapkin::model::{IsiAnggaran, KolomAnggaran};
    ///
    /// let kolom = KolomAnggaran::new(IsiAnggaran::RpdPersen);
    /// assert_eq!((kolom.isi, kolom.judul), (IsiAnggaran::RpdPersen, None));
    /// ```
    pub fn new(isi: IsiAnggaran) -> Self {
        KolomAnggaran {
            isi,
            judul: None,
            grup: None,
            rata: None,
            desimal: None,
        }
    }
}

impl IsiKinerja {
    /// Every kind of column.
    pub const ALL: [IsiKinerja; 15] = [
        IsiKinerja::No,
        IsiKinerja::Sasaran,
        IsiKinerja::Indikator,
        IsiKinerja::Satuan,
        IsiKinerja::TargetPk,
        IsiKinerja::TargetRenaksi,
        IsiKinerja::Target,
        IsiKinerja::Realisasi,
        IsiKinerja::Capaian,
        IsiKinerja::Persen,
        IsiKinerja::Tw1,
        IsiKinerja::Tw2,
        IsiKinerja::Tw3,
        IsiKinerja::Tw4,
        IsiKinerja::Keterangan,
    ];

    /// The standard heading of the column.
    ///
    /// ```
    /// use lapkin::model::IsiKinerja;
    ///
    /// assert_eq!(IsiKinerja::TargetPk.standard_heading(), "Target Perjanjian Kinerja");
    /// assert_eq!(IsiKinerja::Tw3.standard_heading(), "TW III");
    /// ```
    pub fn standard_heading(self) -> &'static str {
        match self {
            IsiKinerja::No => "No",
            IsiKinerja::Sasaran => "Sasaran",
            IsiKinerja::Indikator => "Indikator",
            IsiKinerja::Satuan => "Satuan",
            IsiKinerja::TargetPk => "Target Perjanjian Kinerja",
            IsiKinerja::TargetRenaksi => "Target Renaksi Triwulanan",
            IsiKinerja::Target => "Target",
            IsiKinerja::Realisasi => "Realisasi",
            IsiKinerja::Capaian => "Capaian",
            IsiKinerja::Persen => "Capaian (%)",
            IsiKinerja::Tw1 => "TW I",
            IsiKinerja::Tw2 => "TW II",
            IsiKinerja::Tw3 => "TW III",
            IsiKinerja::Tw4 => "TW IV",
            IsiKinerja::Keterangan => "Keterangan",
        }
    }

    /// The value of the indicator the column shows, if it shows one.
    ///
    /// ```
    /// use lapkin::model::{IsiKinerja, NilaiIndikator};
    ///
    /// assert_eq!(IsiKinerja::Capaian.value(), Some(NilaiIndikator::Capaian));
    /// assert_eq!(IsiKinerja::Sasaran.value(), None);
    /// ```
    pub fn value(self) -> Option<NilaiIndikator> {
        Some(match self {
            IsiKinerja::TargetPk => NilaiIndikator::TargetPk,
            IsiKinerja::TargetRenaksi => NilaiIndikator::TargetRenaksi,
            IsiKinerja::Target => NilaiIndikator::Target,
            IsiKinerja::Realisasi => NilaiIndikator::Realisasi,
            IsiKinerja::Capaian => NilaiIndikator::Capaian,
            IsiKinerja::Tw1 => NilaiIndikator::Tw1,
            IsiKinerja::Tw2 => NilaiIndikator::Tw2,
            IsiKinerja::Tw3 => NilaiIndikator::Tw3,
            IsiKinerja::Tw4 => NilaiIndikator::Tw4,
            _ => return None,
        })
    }
}

/// A value of an indicator, for a computed percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NilaiIndikator {
    /// `target_pk`
    TargetPk,
    /// `target_renaksi`
    TargetRenaksi,
    /// `target`
    Target,
    /// `realisasi`
    Realisasi,
    /// `capaian`
    Capaian,
    /// `tw1`
    Tw1,
    /// `tw2`
    Tw2,
    /// `tw3`
    Tw3,
    /// `tw4`
    Tw4,
}

impl NilaiIndikator {
    /// The field's name in an indicator.
    ///
    /// ```
    /// use lapkin::model::NilaiIndikator;
    ///
    /// assert_eq!(NilaiIndikator::TargetRenaksi.field(), "target_renaksi");
    /// ```
    pub fn field(self) -> &'static str {
        match self {
            NilaiIndikator::TargetPk => "target_pk",
            NilaiIndikator::TargetRenaksi => "target_renaksi",
            NilaiIndikator::Target => "target",
            NilaiIndikator::Realisasi => "realisasi",
            NilaiIndikator::Capaian => "capaian",
            NilaiIndikator::Tw1 => "tw1",
            NilaiIndikator::Tw2 => "tw2",
            NilaiIndikator::Tw3 => "tw3",
            NilaiIndikator::Tw4 => "tw4",
        }
    }
}

/// A column of the budget table (section C).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct KolomAnggaran {
    /// What the column shows: `no`, `uraian`, `kode`, `satuan`, `volume`,
    /// `capaian`, `sisa_capaian`, `pagu`, `rpd`, `rpd_persen`, `realisasi`,
    /// `realisasi_persen`, `sisa_anggaran` or `keterangan`.
    pub isi: IsiAnggaran,
    /// Its heading as printed; the standard one if left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// The heading(s) this column is grouped under, outermost first, as
    /// for table A.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grup: Option<Baris>,
    /// The alignment of its cells; figures default to the right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rata: Option<Rata>,
    /// For the percentages: the digits after the decimal comma, 0 to 6
    /// (default 2), rounded half away from zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 6))]
    pub desimal: Option<u8>,
}

/// What a column of the budget table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IsiAnggaran {
    /// The row's number: "1.", "2." … for the rows at the top level.
    No,
    /// The description, with its code in brackets if it has one; sub-rows
    /// indented under their parent.
    Uraian,
    /// The row's code alone.
    Kode,
    /// The unit of the volume (`satuan`).
    Satuan,
    /// The target volume (`volume`).
    Volume,
    /// The physical achievement (`capaian`).
    Capaian,
    /// Volume minus capaian, never below zero (an achievement beyond the
    /// volume leaves nothing to do).
    SisaCapaian,
    /// The budget ceiling (`pagu`).
    Pagu,
    /// The spending plan up to this quarter (`rpd`, rencana penarikan
    /// dana).
    Rpd,
    /// The spending plan as a percentage of the pagu.
    RpdPersen,
    /// The budget spent (`realisasi`).
    Realisasi,
    /// The spending as a percentage of the pagu.
    RealisasiPersen,
    /// Pagu minus realisasi.
    SisaAnggaran,
    /// The row's `keterangan`.
    Keterangan,
}

impl IsiAnggaran {
    /// Every kind of column.
    pub const ALL: [IsiAnggaran; 14] = [
        IsiAnggaran::No,
        IsiAnggaran::Uraian,
        IsiAnggaran::Kode,
        IsiAnggaran::Satuan,
        IsiAnggaran::Volume,
        IsiAnggaran::Capaian,
        IsiAnggaran::SisaCapaian,
        IsiAnggaran::Pagu,
        IsiAnggaran::Rpd,
        IsiAnggaran::RpdPersen,
        IsiAnggaran::Realisasi,
        IsiAnggaran::RealisasiPersen,
        IsiAnggaran::SisaAnggaran,
        IsiAnggaran::Keterangan,
    ];

    /// The standard heading of the column.
    ///
    /// ```
    /// use lapkin::model::IsiAnggaran;
    ///
    /// assert_eq!(IsiAnggaran::Pagu.standard_heading(), "Pagu Anggaran");
    /// assert_eq!(IsiAnggaran::RealisasiPersen.standard_heading(), "Realisasi (%)");
    /// ```
    pub fn standard_heading(self) -> &'static str {
        match self {
            IsiAnggaran::No => "No",
            IsiAnggaran::Uraian => "Uraian Rincian Output",
            IsiAnggaran::Kode => "Kode",
            IsiAnggaran::Satuan => "Satuan",
            IsiAnggaran::Volume => "Volume",
            IsiAnggaran::Capaian => "Capaian",
            IsiAnggaran::SisaCapaian => "Sisa Capaian",
            IsiAnggaran::Pagu => "Pagu Anggaran",
            IsiAnggaran::Rpd => "RPD",
            IsiAnggaran::RpdPersen => "RPD (%)",
            IsiAnggaran::Realisasi => "Realisasi",
            IsiAnggaran::RealisasiPersen => "Realisasi (%)",
            IsiAnggaran::SisaAnggaran => "Sisa Anggaran",
            IsiAnggaran::Keterangan => "Keterangan",
        }
    }

    /// Whether the Total row sums this column (the money and its
    /// percentages).
    ///
    /// ```
    /// use lapkin::model::IsiAnggaran;
    ///
    /// assert!(IsiAnggaran::Pagu.in_total());
    /// assert!(!IsiAnggaran::Volume.in_total());
    /// ```
    pub fn in_total(self) -> bool {
        matches!(
            self,
            IsiAnggaran::Pagu
                | IsiAnggaran::Rpd
                | IsiAnggaran::RpdPersen
                | IsiAnggaran::Realisasi
                | IsiAnggaran::RealisasiPersen
                | IsiAnggaran::SisaAnggaran
        )
    }

    /// Whether the column is text rather than figures.
    ///
    /// ```
    /// use lapkin::model::IsiAnggaran;
    ///
    /// assert!(IsiAnggaran::Uraian.is_text());
    /// assert!(!IsiAnggaran::SisaAnggaran.is_text());
    /// ```
    pub fn is_text(self) -> bool {
        matches!(
            self,
            IsiAnggaran::Uraian | IsiAnggaran::Keterangan | IsiAnggaran::Kode
        )
    }
}

/// The budget table's standard columns, by rincian output: Uraian Rincian
/// Output, Satuan, Volume, Capaian, Sisa Capaian, Pagu Anggaran,
/// Realisasi, Sisa Anggaran.
pub const KOLOM_ANGGARAN_OUTPUT: [IsiAnggaran; 8] = [
    IsiAnggaran::Uraian,
    IsiAnggaran::Satuan,
    IsiAnggaran::Volume,
    IsiAnggaran::Capaian,
    IsiAnggaran::SisaCapaian,
    IsiAnggaran::Pagu,
    IsiAnggaran::Realisasi,
    IsiAnggaran::SisaAnggaran,
];

/// The heading of the rows' column ([`IsiAnggaran::Uraian`]) among the
/// standard columns by type of spending ([`KOLOM_ANGGARAN_BELANJA`]).
pub const JUDUL_JENIS_BELANJA: &str = "Jenis Belanja";

/// The budget table's standard columns when no row has a volume (rows by
/// type of spending): Jenis Belanja ([`IsiAnggaran::Uraian`] under
/// [`JUDUL_JENIS_BELANJA`]), Pagu Anggaran, Realisasi, Realisasi (%),
/// Sisa Anggaran.
pub const KOLOM_ANGGARAN_BELANJA: [IsiAnggaran; 5] = [
    IsiAnggaran::Uraian,
    IsiAnggaran::Pagu,
    IsiAnggaran::Realisasi,
    IsiAnggaran::RealisasiPersen,
    IsiAnggaran::SisaAnggaran,
];

/// Table A's standard columns: No, Sasaran, Indikator, Target Perjanjian
/// Kinerja, Satuan, Target, Capaian.
pub const KOLOM_KINERJA: [IsiKinerja; 7] = [
    IsiKinerja::No,
    IsiKinerja::Sasaran,
    IsiKinerja::Indikator,
    IsiKinerja::TargetPk,
    IsiKinerja::Satuan,
    IsiKinerja::Target,
    IsiKinerja::Capaian,
];
