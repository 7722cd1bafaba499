//! Figures of section C that are computed, never typed: the figures of a
//! row with sub-rows (the sums of theirs), the remainders of each row, the
//! percentages and the Total row. All arithmetic is exact and checked.
//!
//! A row with sub-rows (a program and its kegiatan, a kegiatan and its
//! outputs) has the sums of its sub-rows' pagu, realisasi and RPD; a figure
//! it states must agree. The Total adds the rows at the top level only, so
//! that nothing is counted twice. The physical remainder (sisa capaian) is
//! volume minus capaian but never below zero: an achievement beyond the
//! volume leaves nothing to do, and is printed as achieved.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Anggaran, Rincian};
use crate::error::Problem;
use crate::format::angka;

/// Sub-rows may nest this deep under a row at the top level (program,
/// kegiatan, KRO, RO).
pub const MAX_DEPTH: usize = 4;

/// The Total row of section C.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The sum of pagu.
    pub pagu: Decimal,
    /// The sum of realisasi.
    pub realisasi: Decimal,
    /// The sum of sisa anggaran (equal to pagu minus realisasi).
    pub sisa_anggaran: Decimal,
    /// The sum of the spending plans, if every row at the top level has
    /// one.
    pub rpd: Option<Decimal>,
}

/// One printed row of the budget table with its figures, given or
/// computed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BarisAnggaran<'r> {
    /// The row as written.
    pub rincian: &'r Rincian,
    /// Its JSON path, e.g. `anggaran.rincian[1].rincian[0]`.
    pub path: String,
    /// 0 for a row at the top level, 1 for its sub-rows, …
    pub depth: usize,
    /// Its number among the rows at the top level (1-based); `None` for a
    /// sub-row.
    pub number: Option<usize>,
    /// Whether it has sub-rows.
    pub parent: bool,
    /// Its pagu.
    pub pagu: Decimal,
    /// Its realisasi.
    pub realisasi: Decimal,
    /// Pagu minus realisasi.
    pub sisa_anggaran: Decimal,
    /// Its spending plan, if known.
    pub rpd: Option<Decimal>,
    /// Volume minus capaian, at least zero, if both are given.
    pub sisa_capaian: Option<Decimal>,
}

/// The figures of a row, for its parent's sums.
#[derive(Clone, Copy)]
struct Figures {
    pagu: Decimal,
    realisasi: Decimal,
    rpd: Option<Decimal>,
}

/// The rows of a budget table in print order (each row before its
/// sub-rows) with their figures, the Total, and every problem of its
/// figures: a missing pagu or realisasi, a negative figure, realisasi over
/// pagu, a stated figure that disagrees with the computed one, a sum out
/// of the exact range, sub-rows nested too deep.
pub(crate) fn compute(a: &Anggaran) -> (Vec<BarisAnggaran<'_>>, Totals, Vec<Problem>) {
    let mut c = Computer::default();
    let mut sums = Sums::default();
    for (i, r) in a.rincian.iter().enumerate() {
        let f = c.row(r, format!("anggaran.rincian[{i}]"), 0, Some(i + 1));
        sums.add(&f, &mut c.problems, "anggaran.rincian");
    }
    let totals = Totals {
        pagu: sums.pagu,
        realisasi: sums.realisasi,
        sisa_anggaran: sums.pagu.checked_sub(sums.realisasi).unwrap_or_default(),
        rpd: sums.rpd(),
    };
    if let Some(stated) = &a.total {
        let rpd = totals.rpd.unwrap_or_default();
        for (field, given, computed) in [
            ("pagu", stated.pagu, totals.pagu),
            ("realisasi", stated.realisasi, totals.realisasi),
            ("sisa_anggaran", stated.sisa_anggaran, totals.sisa_anggaran),
            ("rpd", stated.rpd, rpd),
        ] {
            if let Some(given) = given
                && given != computed
            {
                c.problems.push(Problem::new(
                    format!("anggaran.total.{field}"),
                    format!(
                        "states {} but the rows add up to {}",
                        angka(&given),
                        angka(&computed)
                    ),
                ));
            }
        }
    }
    (c.rows, totals, c.problems)
}

#[derive(Default)]
struct Computer<'r> {
    rows: Vec<BarisAnggaran<'r>>,
    problems: Vec<Problem>,
}

/// Running sums of sibling rows.
#[derive(Default)]
struct Sums {
    pagu: Decimal,
    realisasi: Decimal,
    rpd: Decimal,
    /// How many rows had a spending plan, of how many.
    with_rpd: (usize, usize),
}

impl Sums {
    fn add(&mut self, f: &Figures, problems: &mut Vec<Problem>, path: &str) {
        let sum = |a: Decimal, b: Decimal, problems: &mut Vec<Problem>| {
            a.checked_add(b).unwrap_or_else(|| {
                problems.push(Problem::new(
                    path,
                    "the sums are out of the exact range of numbers (about 7.9 × 10^28)",
                ));
                Decimal::ZERO
            })
        };
        self.pagu = sum(self.pagu, f.pagu, problems);
        self.realisasi = sum(self.realisasi, f.realisasi, problems);
        if let Some(rpd) = f.rpd {
            self.rpd = sum(self.rpd, rpd, problems);
            self.with_rpd.0 += 1;
        }
        self.with_rpd.1 += 1;
    }

    /// The sum of the spending plans, if every row had one.
    fn rpd(&self) -> Option<Decimal> {
        (self.with_rpd.0 == self.with_rpd.1 && self.with_rpd.1 > 0).then_some(self.rpd)
    }
}

impl<'r> Computer<'r> {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem::new(path, message));
    }

    /// Adds row `r` at `path` and its sub-rows; gives its figures.
    fn row(
        &mut self,
        r: &'r Rincian,
        path: String,
        depth: usize,
        number: Option<usize>,
    ) -> Figures {
        let at = self.rows.len();
        self.rows.push(BarisAnggaran {
            rincian: r,
            path: path.clone(),
            depth,
            number,
            parent: !r.rincian.is_empty(),
            pagu: Decimal::ZERO,
            realisasi: Decimal::ZERO,
            sisa_anggaran: Decimal::ZERO,
            rpd: None,
            sisa_capaian: None,
        });
        for (field, v) in [
            ("volume", r.volume),
            ("capaian", r.capaian),
            ("pagu", r.pagu),
            ("realisasi", r.realisasi),
            ("rpd", r.rpd),
        ] {
            if let Some(v) = v
                && v.is_sign_negative()
                && !v.is_zero()
            {
                self.problem(
                    format!("{path}.{field}"),
                    format!("must not be negative, found {}", angka(&v)),
                );
            }
        }
        let f = if r.rincian.is_empty() {
            self.leaf(r, &path)
        } else {
            self.parent(r, &path, depth)
        };
        let sisa = f.pagu.checked_sub(f.realisasi).unwrap_or_default();
        if f.realisasi > f.pagu {
            self.problem(
                format!("{path}.realisasi"),
                format!(
                    "realisasi {} is more than the pagu {}",
                    angka(&f.realisasi),
                    angka(&f.pagu)
                ),
            );
        }
        self.check_stated(&path, "sisa_anggaran", r.sisa_anggaran, sisa, || {
            format!(
                "pagu {} - realisasi {}",
                angka(&f.pagu),
                angka(&f.realisasi)
            )
        });
        let sisa_capaian = self.sisa_capaian(r, &path);
        let row = &mut self.rows[at];
        (row.pagu, row.realisasi, row.rpd) = (f.pagu, f.realisasi, f.rpd);
        (row.sisa_anggaran, row.sisa_capaian) = (sisa, sisa_capaian);
        f
    }

    /// A row without sub-rows: its own figures, pagu and realisasi
    /// required.
    fn leaf(&mut self, r: &Rincian, path: &str) -> Figures {
        let mut required = |field: &str, v: Option<Decimal>| {
            v.unwrap_or_else(|| {
                self.problem(
                    format!("{path}.{field}"),
                    format!(
                        "a row without sub-rows needs its {field}: write it as a number (0 if \
                         nothing)"
                    ),
                );
                Decimal::ZERO
            })
        };
        Figures {
            pagu: required("pagu", r.pagu),
            realisasi: required("realisasi", r.realisasi),
            rpd: r.rpd,
        }
    }

    /// A row with sub-rows: the sums of theirs; a figure it states must
    /// agree.
    fn parent(&mut self, r: &'r Rincian, path: &str, depth: usize) -> Figures {
        if depth + 1 >= MAX_DEPTH {
            self.problem(
                format!("{path}.rincian"),
                format!(
                    "sub-rows nest {} levels deep here; at most {MAX_DEPTH} levels (program, \
                     kegiatan, KRO, RO) are allowed",
                    depth + 2
                ),
            );
            return Figures {
                pagu: Decimal::ZERO,
                realisasi: Decimal::ZERO,
                rpd: None,
            };
        }
        let mut sums = Sums::default();
        let mut problems = Vec::new();
        for (i, child) in r.rincian.iter().enumerate() {
            let f = self.row(child, format!("{path}.rincian[{i}]"), depth + 1, None);
            sums.add(&f, &mut problems, path);
        }
        self.problems.extend(problems);
        if sums.with_rpd.0 > 0 && sums.with_rpd.0 < sums.with_rpd.1 {
            self.problem(
                format!("{path}.rincian"),
                "some sub-rows have an rpd and some do not: give it to every sub-row or to none"
                    .to_owned(),
            );
        }
        let by_children = || "its sub-rows add up to".to_owned();
        self.check_stated(path, "pagu", r.pagu, sums.pagu, by_children);
        self.check_stated(path, "realisasi", r.realisasi, sums.realisasi, by_children);
        let rpd = match (sums.rpd(), r.rpd) {
            (Some(sum), stated) => {
                self.check_stated(path, "rpd", stated, sum, by_children);
                Some(sum)
            }
            (None, stated) => stated,
        };
        Figures {
            pagu: sums.pagu,
            realisasi: sums.realisasi,
            rpd,
        }
    }

    /// Volume minus capaian, at least zero, if both are given; a stated
    /// remainder must agree.
    fn sisa_capaian(&mut self, r: &Rincian, path: &str) -> Option<Decimal> {
        let (Some(volume), Some(capaian)) = (r.volume, r.capaian) else {
            return None;
        };
        let sisa = volume.checked_sub(capaian)?.max(Decimal::ZERO);
        self.check_stated(path, "sisa_capaian", r.sisa_capaian, sisa, || {
            let over = if capaian > volume {
                " (an achievement beyond the volume leaves nothing to do)"
            } else {
                ""
            };
            format!(
                "volume {} - capaian {}{over}",
                angka(&volume),
                angka(&capaian)
            )
        });
        Some(sisa)
    }

    /// A figure the row states must equal the one computed, `how` it is
    /// computed ("pagu 10 - realisasi 4", "its sub-rows add up to").
    fn check_stated(
        &mut self,
        path: &str,
        field: &str,
        stated: Option<Decimal>,
        computed: Decimal,
        how: impl FnOnce() -> String,
    ) {
        if let Some(stated) = stated
            && stated != computed
        {
            let how = how();
            let message = if how.ends_with("add up to") {
                format!("states {} but {how} {}", angka(&stated), angka(&computed))
            } else {
                format!("states {} but {how} = {}", angka(&stated), angka(&computed))
            };
            self.problem(format!("{path}.{field}"), message);
        }
    }
}

impl Anggaran {
    /// The Total row computed from the rows, or `None` if a figure is
    /// missing or out of the exact range (about 7.9 × 10²⁸), or a stated
    /// figure disagrees (see [`crate::validate`] for the problems).
    pub fn totals(&self) -> Option<Totals> {
        let (_, totals, problems) = compute(self);
        problems.is_empty().then_some(totals)
    }
}

/// `part` as a percentage of `whole`, exactly, rounded to `digits` after
/// the comma half away from zero; `None` if `whole` is zero or the result
/// is out of range.
pub fn persen(part: Decimal, whole: Decimal, digits: u32) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let p = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    let mut p =
        p.round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    // Printed with exactly `digits` after the comma: 12,50.
    p.rescale(digits);
    Some(p)
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

    fn anggaran(rincian: Vec<Rincian>) -> Anggaran {
        Anggaran {
            kolom: None,
            rincian,
            total: None,
        }
    }

    #[test]
    fn remainders_of_the_reference_rows() {
        let a = anggaran(vec![row(2025, 0, 8_069_025_000, 804_448_500)]);
        let (rows, _, problems) = compute(&a);
        assert!(problems.is_empty());
        assert_eq!(rows[0].sisa_capaian, Some(2025.into()));
        assert_eq!(rows[0].sisa_anggaran, 7_264_576_500i64.into());
    }

    #[test]
    fn totals_of_the_reference_table() {
        let a = anggaran(vec![
            row(2025, 0, 8_069_025_000, 804_448_500),
            row(2111, 0, 147_520_000, 56_324_800),
            row(1, 0, 475_000_000, 136_438_220),
            row(1, 0, 17_680_042_000, 7_871_739_384),
            row(1, 0, 900_850_000, 46_864_000),
            row(1, 0, 304_313_000, 0),
        ]);
        let t = a.totals().unwrap();
        assert_eq!(t.pagu, Decimal::from(27_576_750_000i64));
        assert_eq!(t.realisasi, Decimal::from(8_915_814_904i64));
        assert_eq!(t.sisa_anggaran, Decimal::from(18_660_935_096i64));
        assert_eq!(t.rpd, None);
    }

    #[test]
    fn cents_are_exact() {
        let mut a = row(1, 0, 0, 0);
        a.pagu = Some("0.3".parse().unwrap());
        a.realisasi = Some("0.3".parse().unwrap());
        let mut b = a.clone();
        b.pagu = Some("0.2".parse().unwrap());
        b.realisasi = Some("0".parse().unwrap());
        let t = anggaran(vec![a, b]).totals().unwrap();
        assert_eq!(t.pagu.to_string(), "0.5");
        assert_eq!(t.sisa_anggaran.to_string(), "0.2");
    }

    #[test]
    fn overflow_is_a_problem_not_a_panic() {
        let mut big = row(1, 0, 0, 0);
        big.pagu = Some(Decimal::MAX);
        let a = anggaran(vec![big.clone(), big]);
        assert_eq!(a.totals(), None);
        let (_, _, problems) = compute(&a);
        assert!(
            problems[0].to_string().contains("out of the exact range"),
            "{problems:?}"
        );
    }

    /// A parent's figures are its sub-rows' sums, counted once in the
    /// Total; a figure it states must agree.
    #[test]
    fn a_parent_row_is_the_sum_of_its_sub_rows_and_counted_once() {
        let mut program = Rincian::new_belanja("Program", 0, 0);
        program.pagu = None;
        program.realisasi = None;
        program.rincian = vec![
            Rincian::new_belanja("Kegiatan A", 300, 100).with_rpd(150),
            Rincian::new_belanja("Kegiatan B", 200, 50).with_rpd(100),
        ];
        let other = Rincian::new_belanja("Belanja Modal", 500, 0).with_rpd(0);
        let a = anggaran(vec![program.clone(), other]);
        let (rows, totals, problems) = compute(&a);
        assert!(problems.is_empty(), "{problems:?}");
        let figures: Vec<(usize, String, Decimal, Option<Decimal>)> = rows
            .iter()
            .map(|r| (r.depth, r.path.clone(), r.pagu, r.rpd))
            .collect();
        assert_eq!(
            figures,
            [
                (
                    0,
                    "anggaran.rincian[0]".into(),
                    500.into(),
                    Some(250.into())
                ),
                (
                    1,
                    "anggaran.rincian[0].rincian[0]".into(),
                    300.into(),
                    Some(150.into())
                ),
                (
                    1,
                    "anggaran.rincian[0].rincian[1]".into(),
                    200.into(),
                    Some(100.into())
                ),
                (0, "anggaran.rincian[1]".into(), 500.into(), Some(0.into())),
            ]
        );
        assert_eq!(totals.pagu, Decimal::from(1000));
        assert_eq!(totals.realisasi, Decimal::from(150));
        assert_eq!(totals.rpd, Some(250.into()));
        program.pagu = Some(600.into());
        let a = anggaran(vec![program]);
        let (_, _, problems) = compute(&a);
        assert_eq!(
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["anggaran.rincian[0].pagu: states 600 but its sub-rows add up to 500"]
        );
    }

    /// An achievement beyond the volume leaves a physical remainder of
    /// zero, not a negative one; a stated remainder must say so.
    #[test]
    fn an_achievement_beyond_the_volume_leaves_nothing_to_do() {
        let mut r = row(10, 12, 100, 40);
        let a = anggaran(vec![r.clone()]);
        let (rows, _, problems) = compute(&a);
        assert!(problems.is_empty());
        assert_eq!(rows[0].sisa_capaian, Some(Decimal::ZERO));
        r.sisa_capaian = Some((-2).into());
        let a = anggaran(vec![r]);
        let (_, _, problems) = compute(&a);
        assert_eq!(
            problems[0].to_string(),
            "anggaran.rincian[0].sisa_capaian: states -2 but volume 10 - capaian 12 (an \
             achievement beyond the volume leaves nothing to do) = 0"
        );
    }

    #[test]
    fn percentages_are_exact_and_rounded_half_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(persen(d("13818"), d("60000"), 2), Some(d("23.03")));
        assert_eq!(persen(d("1"), d("8"), 2), Some(d("12.50")));
        assert_eq!(persen(d("1"), d("3"), 2), Some(d("33.33")));
        assert_eq!(persen(d("2"), d("3"), 0), Some(d("67")));
        assert_eq!(persen(d("0.12345"), d("1"), 2), Some(d("12.35")));
        assert_eq!(persen(d("-0.12345"), d("1"), 2), Some(d("-12.35")));
        assert_eq!(persen(d("5"), d("0"), 2), None);
    }
}
