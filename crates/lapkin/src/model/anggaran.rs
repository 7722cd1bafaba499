//! Figures of section C that are computed, never typed: the remainders of
//! each row and the Total row. All arithmetic is exact and checked.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Anggaran, Rincian};

/// The remainders of one row of section C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sisa {
    /// Volume minus capaian.
    pub capaian: Decimal,
    /// Pagu minus realisasi.
    pub anggaran: Decimal,
}

/// The Total row of section C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The sum of pagu.
    pub pagu: Decimal,
    /// The sum of realisasi.
    pub realisasi: Decimal,
    /// The sum of sisa anggaran (equal to pagu minus realisasi).
    pub sisa_anggaran: Decimal,
}

impl Rincian {
    /// The remainders, or `None` if a figure is out of the exact range.
    pub fn sisa(&self) -> Option<Sisa> {
        Some(Sisa {
            capaian: self.volume.checked_sub(self.capaian)?,
            anggaran: self.pagu.checked_sub(self.realisasi)?,
        })
    }
}

impl Anggaran {
    /// The Total row computed from the rows, or `None` if a sum is out of the
    /// exact range (about 7.9 × 10²⁸).
    pub fn totals(&self) -> Option<Totals> {
        let mut t = Totals {
            pagu: Decimal::ZERO,
            realisasi: Decimal::ZERO,
            sisa_anggaran: Decimal::ZERO,
        };
        for r in &self.rincian {
            t.pagu = t.pagu.checked_add(r.pagu)?;
            t.realisasi = t.realisasi.checked_add(r.realisasi)?;
            t.sisa_anggaran = t.sisa_anggaran.checked_add(r.sisa()?.anggaran)?;
        }
        Some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn row(volume: i64, capaian: i64, pagu: i64, realisasi: i64) -> Rincian {
        Rincian::new(
            "X",
            Inline::new("x"),
            "Unit",
            volume,
            capaian,
            pagu,
            realisasi,
        )
    }

    #[test]
    fn remainders_of_the_reference_rows() {
        let r = row(2025, 0, 8_069_025_000, 804_448_500);
        assert_eq!(
            r.sisa().unwrap(),
            Sisa {
                capaian: 2025.into(),
                anggaran: 7_264_576_500i64.into()
            }
        );
    }

    #[test]
    fn totals_of_the_reference_table() {
        let a = Anggaran {
            rincian: vec![
                row(2025, 0, 8_069_025_000, 804_448_500),
                row(2111, 0, 147_520_000, 56_324_800),
                row(1, 0, 475_000_000, 136_438_220),
                row(1, 0, 17_680_042_000, 7_871_739_384),
                row(1, 0, 900_850_000, 46_864_000),
                row(1, 0, 304_313_000, 0),
            ],
            total: None,
        };
        let t = a.totals().unwrap();
        assert_eq!(t.pagu, Decimal::from(27_576_750_000i64));
        assert_eq!(t.realisasi, Decimal::from(8_915_814_904i64));
        assert_eq!(t.sisa_anggaran, Decimal::from(18_660_935_096i64));
    }

    #[test]
    fn cents_are_exact() {
        let mut a = row(1, 0, 0, 0);
        a.pagu = "0.1".parse().unwrap();
        a.realisasi = "0.3".parse().unwrap();
        let mut b = a.clone();
        b.pagu = "0.2".parse().unwrap();
        b.realisasi = "0".parse().unwrap();
        let t = Anggaran {
            rincian: vec![a, b],
            total: None,
        }
        .totals()
        .unwrap();
        assert_eq!(t.pagu.to_string(), "0.3");
        assert_eq!(t.sisa_anggaran.to_string(), "0.0");
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let mut big = row(1, 0, 0, 0);
        big.pagu = Decimal::MAX;
        let a = Anggaran {
            rincian: vec![big.clone(), big],
            total: None,
        };
        assert_eq!(a.totals(), None);
        let mut neg = row(1, 0, 0, 0);
        neg.pagu = Decimal::MIN;
        neg.realisasi = Decimal::MAX;
        assert_eq!(neg.sisa(), None);
    }
}
