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
use crate::format::angka;
use crate::problem::{JsonPath, Kind, Phrase, Problem};

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
    pub path: JsonPath,
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
    /// Every pagu and realisasi it sums was given (a missing one is a
    /// problem of its own, and the figures are not compared).
    complete: bool,
}

/// The figures of a budget table: its rows in print order (each row before
/// its sub-rows), the Total, and every problem of its figures: a missing
/// pagu or realisasi, a negative figure, realisasi over pagu, a stated
/// figure that disagrees with the computed one, a sum out of the exact
/// range, sub-rows nested too deep. Each row's problems are with the row
/// (`problems[k]` for `rows[k]`); the sums' and the stated Total's apart.
#[derive(Debug, Clone)]
pub(crate) struct Computed<'r> {
    /// The rows, in print order.
    pub rows: Vec<BarisAnggaran<'r>>,
    /// The Total.
    pub totals: Totals,
    /// Each row's problems.
    pub problems: Vec<Vec<Problem>>,
    /// The problems of the sums and of the stated Total.
    pub total_problems: Vec<Problem>,
}

impl Computed<'_> {
    /// Every problem, the rows' first.
    pub(crate) fn all_problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().flatten().chain(&self.total_problems)
    }
}

/// Computes the figures of a budget table (see [`Computed`]).
pub(crate) fn compute(a: &Anggaran) -> Computed<'_> {
    let mut c = Computer::default();
    let mut sums = Sums::default();
    let top = JsonPath::root().key("anggaran").key("rincian");
    let mut total_problems = Vec::new();
    for (i, r) in a.rincian.iter().enumerate() {
        let f = c.row(r, top.clone().index(i), 0, Some(i + 1));
        sums.add(&f, &mut total_problems, &top);
    }
    let totals = Totals {
        pagu: sums.pagu,
        realisasi: sums.realisasi,
        sisa_anggaran: sums.pagu.checked_sub(sums.realisasi).unwrap_or_default(),
        rpd: sums.rpd(),
    };
    if let Some(stated) = &a.total {
        let rpd = totals.rpd.unwrap_or_default();
        let at = JsonPath::root().key("anggaran").key("total");
        for (field, given, computed) in [
            ("pagu", stated.pagu, totals.pagu),
            ("realisasi", stated.realisasi, totals.realisasi),
            ("sisa_anggaran", stated.sisa_anggaran, totals.sisa_anggaran),
            ("rpd", stated.rpd, rpd),
        ] {
            if let Some(given) = given
                && given != computed
            {
                total_problems.push(
                    Problem::new(at.child(field), Kind::WrongTotal)
                        .with("stated", angka(&given))
                        .with("computed", angka(&computed)),
                );
            }
        }
    }
    Computed {
        rows: c.rows,
        totals,
        problems: c.problems,
        total_problems,
    }
}

#[derive(Default)]
struct Computer<'r> {
    rows: Vec<BarisAnggaran<'r>>,
    /// Each row's problems, as `rows`.
    problems: Vec<Vec<Problem>>,
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
    fn add(&mut self, f: &Figures, problems: &mut Vec<Problem>, path: &JsonPath) {
        let mut sum = |a: Decimal, b: Decimal| {
            a.checked_add(b).unwrap_or_else(|| {
                let p = Problem::new(path, Kind::FiguresOutOfRange).with("what", Phrase::Sums);
                problems.push(p);
                Decimal::ZERO
            })
        };
        self.pagu = sum(self.pagu, f.pagu);
        self.realisasi = sum(self.realisasi, f.realisasi);
        if let Some(rpd) = f.rpd {
            self.rpd = sum(self.rpd, rpd);
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
    /// A problem of row `at`.
    fn push(&mut self, at: usize, p: Problem) {
        self.problems[at].push(p);
    }

    /// Adds row `r` at `path` and its sub-rows; gives its figures. Its
    /// problems in the order of its fields.
    fn row(
        &mut self,
        r: &'r Rincian,
        path: JsonPath,
        depth: usize,
        number: Option<usize>,
    ) -> Figures {
        let at = self.rows.len();
        self.problems.push(Vec::new());
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
        self.not_negative(at, &path, [("volume", r.volume), ("capaian", r.capaian)]);
        let sisa_capaian = self.sisa_capaian(at, r, &path);
        self.not_negative(at, &path, [("pagu", r.pagu), ("realisasi", r.realisasi)]);
        let f = if r.rincian.is_empty() {
            self.leaf(at, r, &path)
        } else {
            self.parent(at, r, &path, depth)
        };
        self.spending(at, r, &path, &f);
        let row = &mut self.rows[at];
        (row.pagu, row.realisasi, row.rpd) = (f.pagu, f.realisasi, f.rpd);
        row.sisa_anggaran = f.pagu.checked_sub(f.realisasi).unwrap_or_default();
        row.sisa_capaian = sisa_capaian;
        f
    }

    fn not_negative<const N: usize>(
        &mut self,
        at: usize,
        path: &JsonPath,
        figures: [(&'static str, Option<Decimal>); N],
    ) {
        for (field, v) in figures {
            if let Some(v) = v
                && v.is_sign_negative()
                && !v.is_zero()
            {
                let p = Problem::new(path.child(field), Kind::Negative).with("value", angka(&v));
                self.push(at, p);
            }
        }
    }

    /// Realisasi within the pagu, the stated remainder right, the plan not
    /// negative. A parent row's sums are over its pagu only when a sub-row
    /// is over its own, which is reported there: the parent is reported
    /// only when it states its realisasi.
    fn spending(&mut self, at: usize, r: &Rincian, path: &JsonPath, f: &Figures) {
        let own = r.rincian.is_empty() || r.realisasi.is_some();
        if own && f.complete && f.realisasi > f.pagu {
            let p = Problem::new(path.child("realisasi"), Kind::RealisasiOverPagu)
                .with("realisasi", angka(&f.realisasi))
                .with("pagu", angka(&f.pagu));
            self.push(at, p);
        }
        let sisa = f.pagu.checked_sub(f.realisasi).unwrap_or_default();
        if let Some(stated) = r.sisa_anggaran
            && f.complete
            && stated != sisa
        {
            let p = Problem::new(path.child("sisa_anggaran"), Kind::WrongRemainder)
                .with("stated", angka(&stated))
                .with("minuend_name", "pagu")
                .with("minuend", angka(&f.pagu))
                .with("subtrahend_name", "realisasi")
                .with("subtrahend", angka(&f.realisasi))
                .with("computed", angka(&sisa));
            self.push(at, p);
        }
        self.not_negative(at, path, [("rpd", r.rpd)]);
    }

    /// A row without sub-rows: its own figures, pagu and realisasi
    /// required.
    fn leaf(&mut self, at: usize, r: &Rincian, path: &JsonPath) -> Figures {
        let mut required = |field: &'static str, v: Option<Decimal>| {
            v.unwrap_or_else(|| {
                let p =
                    Problem::new(path.child(field), Kind::RowFigureMissing).with("field", field);
                self.push(at, p);
                Decimal::ZERO
            })
        };
        Figures {
            pagu: required("pagu", r.pagu),
            realisasi: required("realisasi", r.realisasi),
            rpd: r.rpd,
            complete: r.pagu.is_some() && r.realisasi.is_some(),
        }
    }

    /// A row with sub-rows: the sums of theirs; a figure it states must
    /// agree.
    fn parent(&mut self, at: usize, r: &'r Rincian, path: &JsonPath, depth: usize) -> Figures {
        let rows = path.child("rincian");
        if depth + 1 >= MAX_DEPTH {
            let p = Problem::new(rows, Kind::RowsTooDeep)
                .with("depth", depth + 2)
                .with("max", MAX_DEPTH);
            self.push(at, p);
            return Figures {
                pagu: Decimal::ZERO,
                realisasi: Decimal::ZERO,
                rpd: None,
                complete: false,
            };
        }
        let mut sums = Sums::default();
        let mut problems = Vec::new();
        let mut complete = true;
        for (i, child) in r.rincian.iter().enumerate() {
            let f = self.row(child, rows.clone().index(i), depth + 1, None);
            complete &= f.complete;
            sums.add(&f, &mut problems, path);
        }
        for p in problems {
            self.push(at, p);
        }
        if sums.with_rpd.0 > 0 && sums.with_rpd.0 < sums.with_rpd.1 {
            self.push(at, Problem::new(rows, Kind::RpdOfSomeRows));
        }
        if complete {
            self.check_sum(at, path.child("pagu"), r.pagu, sums.pagu);
            self.check_sum(at, path.child("realisasi"), r.realisasi, sums.realisasi);
        }
        let rpd = match (sums.rpd(), r.rpd) {
            (Some(sum), stated) => {
                self.check_sum(at, path.child("rpd"), stated, sum);
                Some(sum)
            }
            (None, stated) => stated,
        };
        Figures {
            pagu: sums.pagu,
            realisasi: sums.realisasi,
            rpd,
            complete,
        }
    }

    /// Volume minus capaian, at least zero, if both are given; a stated
    /// remainder must agree.
    fn sisa_capaian(&mut self, at: usize, r: &Rincian, path: &JsonPath) -> Option<Decimal> {
        let (Some(volume), Some(capaian)) = (r.volume, r.capaian) else {
            return None;
        };
        let Some(difference) = volume.checked_sub(capaian) else {
            let p = Problem::new(path, Kind::FiguresOutOfRange).with("what", Phrase::Remainders);
            self.push(at, p);
            return None;
        };
        let sisa = difference.max(Decimal::ZERO);
        if let Some(stated) = r.sisa_capaian
            && stated != sisa
        {
            let kind = if capaian > volume {
                Kind::WrongRemainderBeyondVolume
            } else {
                Kind::WrongRemainder
            };
            let p = Problem::new(path.child("sisa_capaian"), kind)
                .with("stated", angka(&stated))
                .with("minuend_name", "volume")
                .with("minuend", angka(&volume))
                .with("subtrahend_name", "capaian")
                .with("subtrahend", angka(&capaian))
                .with("computed", angka(&sisa));
            self.push(at, p);
        }
        Some(sisa)
    }

    /// A figure a row with sub-rows states must be their sum.
    fn check_sum(&mut self, at: usize, path: JsonPath, stated: Option<Decimal>, computed: Decimal) {
        if let Some(stated) = stated
            && stated != computed
        {
            let p = Problem::new(path, Kind::WrongSumOfRows)
                .with("stated", angka(&stated))
                .with("computed", angka(&computed));
            self.push(at, p);
        }
    }
}

impl Anggaran {
    /// The Total row computed from the rows, or `None` if a figure is
    /// missing or out of the exact range (about 7.9 × 10²⁸), or a stated
    /// figure disagrees (see [`crate::validate`] for the problems).
    ///
    /// ```
    /// use lapkin::model::{Anggaran, Rincian};
    ///
    /// let mut anggaran = Anggaran::default();
    /// anggaran.rincian = vec![
    ///     Rincian::belanja("Belanja Pegawai").with_pagu(900).with_realisasi(450),
    ///     Rincian::belanja("Belanja Barang").with_pagu(100).with_realisasi(20),
    /// ];
    /// let total = anggaran.totals().expect("every figure given");
    /// assert_eq!((total.pagu, total.realisasi, total.sisa_anggaran), (1000.into(), 470.into(), 530.into()));
    /// ```
    pub fn totals(&self) -> Option<Totals> {
        let c = compute(self);
        c.all_problems().next().is_none().then_some(c.totals)
    }
}

/// `part` as a percentage of `whole`, exactly, rounded to `digits` after
/// the comma half away from zero (and printed with that many); `None` if
/// `whole` is zero or the result is out of range.
///
/// ```
/// use lapkin::Decimal;
/// use lapkin::model::persen;
///
/// // 100,745 % rounds half away from zero to 100,75.
/// let p = persen(Decimal::new(100_745, 3), Decimal::from(100), 2).unwrap();
/// assert_eq!(p.to_string(), "100.75");
/// assert_eq!(persen(Decimal::from(1), Decimal::ZERO, 2), None);
/// ```
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
        Rincian::output("X", Inline::new("x"))
            .with_volume(volume, "Unit")
            .with_capaian(capaian)
            .with_pagu(pagu)
            .with_realisasi(realisasi)
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
        let c = compute(&a);
        let (rows, problems): (_, Vec<_>) = (c.rows.clone(), c.all_problems().cloned().collect());
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
        let problems: Vec<_> = compute(&a).all_problems().cloned().collect();
        assert!(
            problems[0].to_string().contains("out of the exact range"),
            "{problems:?}"
        );
    }

    /// A sub-row over its pagu is reported at its own `realisasi`, not
    /// again at its parent's, which the user did not write; a parent that
    /// states its realisasi is checked as written.
    #[test]
    fn over_the_pagu_is_reported_where_the_figure_was_written() {
        let sub = |pagu: i64, realisasi: i64| {
            Rincian::belanja("Kegiatan")
                .with_pagu(pagu)
                .with_realisasi(realisasi)
        };
        let mut program = Rincian::belanja("Program");
        program.rincian = vec![sub(300, 100), sub(100, 400)];
        let over = |a: &Anggaran| {
            let problems = compute(a).all_problems().cloned().collect::<Vec<_>>();
            let over = problems
                .iter()
                .filter(|p| p.kind == Kind::RealisasiOverPagu);
            over.map(|p| p.path().map(ToString::to_string))
                .collect::<Vec<_>>()
        };
        let a = anggaran(vec![program.clone()]);
        assert_eq!(
            over(&a),
            [Some("anggaran.rincian[0].rincian[1].realisasi".into())]
        );
        program.realisasi = Some(500.into());
        let a = anggaran(vec![program]);
        assert_eq!(
            over(&a),
            [
                Some("anggaran.rincian[0].realisasi".into()),
                Some("anggaran.rincian[0].rincian[1].realisasi".into())
            ]
        );
    }

    /// A parent's figures are its sub-rows' sums, counted once in the
    /// Total; a figure it states must agree.
    #[test]
    fn a_parent_row_is_the_sum_of_its_sub_rows_and_counted_once() {
        let mut program = Rincian::belanja("Program").with_pagu(0).with_realisasi(0);
        program.pagu = None;
        program.realisasi = None;
        program.rincian = vec![
            Rincian::belanja("Kegiatan A")
                .with_pagu(300)
                .with_realisasi(100)
                .with_rpd(150),
            Rincian::belanja("Kegiatan B")
                .with_pagu(200)
                .with_realisasi(50)
                .with_rpd(100),
        ];
        let other = Rincian::belanja("Belanja Modal")
            .with_pagu(500)
            .with_realisasi(0)
            .with_rpd(0);
        let a = anggaran(vec![program.clone(), other]);
        let c = compute(&a);
        let (rows, totals, problems): (_, _, Vec<_>) = (
            c.rows.clone(),
            c.totals,
            c.all_problems().cloned().collect(),
        );
        assert!(problems.is_empty(), "{problems:?}");
        let figures: Vec<(usize, String, Decimal, Option<Decimal>)> = rows
            .iter()
            .map(|r| (r.depth, r.path.to_string(), r.pagu, r.rpd))
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
        let problems: Vec<_> = compute(&a).all_problems().cloned().collect();
        assert_eq!(
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            [
                "anggaran.rincian[0].pagu: states 600 but its sub-rows add up to 500; correct it \
                 or leave it out: lapkin computes it from the sub-rows"
            ]
        );
    }

    /// An achievement beyond the volume leaves a physical remainder of
    /// zero, not a negative one; a stated remainder must say so.
    #[test]
    fn an_achievement_beyond_the_volume_leaves_nothing_to_do() {
        let mut r = row(10, 12, 100, 40);
        let a = anggaran(vec![r.clone()]);
        let c = compute(&a);
        let (rows, problems): (_, Vec<_>) = (c.rows.clone(), c.all_problems().cloned().collect());
        assert!(problems.is_empty());
        assert_eq!(rows[0].sisa_capaian, Some(Decimal::ZERO));
        r.sisa_capaian = Some((-2).into());
        let a = anggaran(vec![r]);
        let problems: Vec<_> = compute(&a).all_problems().cloned().collect();
        assert_eq!(
            problems[0].to_string(),
            "anggaran.rincian[0].sisa_capaian: states -2 but volume 10 - capaian 12 leaves \
             nothing to do: an achievement beyond the volume has a remainder of 0; write 0, or \
             leave it out: lapkin computes it"
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
