//! Semantic checks of a structurally valid report: what a schema cannot
//! say. Indicator references, unique codes, exact remainders and totals,
//! the NIP, inline markup and nesting limits.
//!
//! [`validate`] walks the whole report and returns every problem, each with
//! its JSON path.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::schema::nearest;
use super::{Block, Inline, Nilai, Report};
use crate::error::Problem;
use crate::format::angka;

/// Lists may nest this deep (`1.` › `a.` › `-` › `1.` › `a.` › `-`); deeper
/// nesting would leave no room for text on an A4 page.
pub const MAX_LIST_DEPTH: usize = 6;

/// The first year a report may be for.
pub const MIN_TAHUN: u16 = 2000;
/// The last year a report may be for.
pub const MAX_TAHUN: u16 = 2100;

/// The legal note may have at most this many items: it is printed at the
/// foot of every page and must leave room for the text. (The layout still
/// refuses a note whose items are too long to fit.)
pub const MAX_CATATAN_ITEMS: usize = 10;

/// Each line of the closing block (`tempat`, `jabatan`, `keterangan`,
/// `nama`) may have at most this many characters, so that the block, which
/// is never split, fits on a page.
pub const MAX_PENUTUP_CHARS: usize = 300;

/// Every semantic problem of `report`, sorted by path.
pub fn validate(report: &Report) -> Vec<Problem> {
    #[cfg(test)]
    super::CHECKS.with(|c| c.set((c.get().0 + 1, c.get().1)));
    let mut c = Checker::default();
    c.check(report);
    c.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// A one-line plain text field: not blank, no line breaks.
    fn line(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty");
        } else if text.contains('\t') {
            self.problem(path, "a tab character; use a space");
        } else if let Some(c) = text.chars().find(|c| c.is_control()) {
            self.problem(
                path,
                format!(
                    "must be one line of text, found the control character U+{:04X}",
                    u32::from(c)
                ),
            );
        }
    }

    /// Inline markup: parses, and is not blank.
    fn inline(&mut self, path: &str, text: &Inline) {
        match text.parsed() {
            Ok(spans) if spans.iter().all(|s| s.text.trim().is_empty()) => {
                self.problem(path, "must not be empty")
            }
            Ok(_) => {}
            Err(e) => self.problem(path, e.message.clone()),
        }
    }

    /// Every rule, in document order; the printed texts are listed once
    /// for the rules that concern them.
    fn check(&mut self, r: &Report) {
        self.head(r);
        let indikator_codes = self.kinerja(r);
        self.analisis(r, &indikator_codes);
        // C. Figures, remainders and totals.
        self.anggaran(r);
        // D.
        self.blocks("rekomendasi", &r.rekomendasi, 0);
        if r.rekomendasi.is_empty() {
            self.problem("rekomendasi", "must hold at least one paragraph or list");
        }
        self.penutup(r);
        self.catatan(r);
        let printed = super::texts::printed_texts(r);
        self.tanda_tangan(r, &printed);
        for (path, text) in printed {
            if let Some(message) = super::script::script_problem(&text) {
                self.problem(path, message);
            }
        }
    }

    /// The quarter, the year, the unit.
    fn head(&mut self, r: &Report) {
        // The schema says so for JSON input; a report built in code is
        // checked here.
        if !(1..=4).contains(&r.triwulan) {
            self.problem("triwulan", format!("expected 1 to 4, found {}", r.triwulan));
        }
        if !(MIN_TAHUN..=MAX_TAHUN).contains(&r.tahun) {
            self.problem(
                "tahun",
                format!(
                    "expected a year from {MIN_TAHUN} to {MAX_TAHUN}, found {}",
                    r.tahun
                ),
            );
        }
        self.line("unit.nama", &r.unit.nama);
        self.line("unit.nama_lengkap", &r.unit.nama_lengkap);
        self.line("unit.provinsi", &r.unit.provinsi);
    }

    /// A. Sasaran and indicators, with unique codes; gives each
    /// indicator's code with its path.
    fn kinerja<'r>(&mut self, r: &'r Report) -> HashMap<&'r str, String> {
        let mut sasaran_codes: HashMap<&str, usize> = HashMap::new();
        let mut indikator_codes: HashMap<&str, String> = HashMap::new();
        for (i, s) in r.kinerja.sasaran.iter().enumerate() {
            let p = format!("kinerja.sasaran[{i}]");
            self.line(&format!("{p}.kode"), &s.kode);
            if let Some(first) = sasaran_codes.insert(s.kode.trim(), i) {
                self.problem(
                    format!("{p}.kode"),
                    format!(
                        "the code {:?} is already used by kinerja.sasaran[{first}]; write each sasaran once, with all its indicators",
                        s.kode
                    ),
                );
            }
            self.inline(&format!("{p}.uraian"), &s.uraian);
            for (j, ind) in s.indikator.iter().enumerate() {
                let p = format!("{p}.indikator[{j}]");
                self.line(&format!("{p}.kode"), &ind.kode);
                if let Some(first) = indikator_codes.insert(ind.kode.trim(), p.clone()) {
                    self.problem(
                        format!("{p}.kode"),
                        format!("the code {:?} is already used by {first}", ind.kode),
                    );
                }
                self.inline(&format!("{p}.uraian"), &ind.uraian);
                self.line(&format!("{p}.satuan"), &ind.satuan);
                for (field, value) in [
                    ("target_pk", &ind.target_pk),
                    ("target", &ind.target),
                    ("capaian", &ind.capaian),
                ] {
                    self.nilai(&format!("{p}.{field}"), value);
                }
            }
        }

        indikator_codes
    }

    /// B. Each analysis refers to an indicator of A, once.
    fn analisis(&mut self, r: &Report, indikator_codes: &HashMap<&str, String>) {
        let mut analysed: HashMap<&str, usize> = HashMap::new();
        for (i, a) in r.analisis.iter().enumerate() {
            let p = format!("analisis[{i}]");
            if !indikator_codes.contains_key(a.indikator.trim()) {
                let suggestion = nearest(&a.indikator, indikator_codes.keys().copied())
                    .map(|s| format!(" Did you mean {s:?}?"))
                    .unwrap_or_default();
                let mut known: Vec<&str> = indikator_codes.keys().copied().collect();
                known.sort_unstable();
                self.problem(
                    format!("{p}.indikator"),
                    format!(
                        "no indicator {:?} in section A (kinerja).{suggestion} The indicators are: {}.",
                        a.indikator,
                        known.join(", ")
                    ),
                );
            } else if let Some(first) = analysed.insert(a.indikator.trim(), i) {
                self.problem(
                    format!("{p}.indikator"),
                    format!(
                        "indicator {:?} is already analysed in analisis[{first}]",
                        a.indikator
                    ),
                );
            }
            for (part, blocks) in [
                ("progress", &a.progress),
                ("kendala", &a.kendala),
                ("strategi", &a.strategi),
            ] {
                self.blocks(&format!("{p}.{part}"), blocks, 0);
            }
        }
    }

    /// The closing block: one-line texts of bounded length, the NIP, the
    /// date.
    fn penutup(&mut self, r: &Report) {
        let p = &r.penutup;
        self.line("penutup.tempat", &p.tempat);
        self.line("penutup.jabatan", &p.jabatan);
        self.line("penutup.keterangan", &p.keterangan);
        self.line("penutup.nama", &p.nama);
        if let Err(e) = check_nip(&p.nip) {
            self.problem("penutup.nip", e);
        }
        self.tanggal(r);

        for (field, text) in [
            ("tempat", &p.tempat),
            ("jabatan", &p.jabatan),
            ("keterangan", &p.keterangan),
            ("nama", &p.nama),
        ] {
            let n = text.chars().count();
            if n > MAX_PENUTUP_CHARS {
                self.problem(
                    format!("penutup.{field}"),
                    format!(
                        "has {n} characters; the closing block must fit on one page with the \
                         signature box, so at most {MAX_PENUTUP_CHARS} are allowed"
                    ),
                );
            }
        }
    }

    /// The legal note: a bounded number of items of valid markup.
    fn catatan(&mut self, r: &Report) {
        if let Some(items) = &r.catatan {
            if items.len() > MAX_CATATAN_ITEMS {
                self.problem(
                    "catatan",
                    format!(
                        "has {} items; the legal note is printed at the foot of every page, \
                         so at most {MAX_CATATAN_ITEMS} are allowed",
                        items.len()
                    ),
                );
            }
            for (i, item) in items.iter().enumerate() {
                self.inline(&format!("catatan[{i}]"), item);
            }
        }
    }

    /// The closing date: in the report's year or the next (a fourth
    /// quarter is often reported in January), so that a mistyped year
    /// ("0224", "2042") is caught before it is printed.
    fn tanggal(&mut self, r: &Report) {
        let date = r.penutup.tanggal;
        let year = date.0.year();
        let tahun = i32::from(r.tahun);
        if year != tahun && year != tahun + 1 {
            self.problem(
                "penutup.tanggal",
                format!(
                    "the date {date} is not in the report's year {tahun} or the year after; \
                     the report is signed after its quarter, so check the year"
                ),
            );
        }
    }

    /// The signature tag: one special character that occurs nowhere else in
    /// the printed text (BSrE's service signs wherever it finds it); the
    /// field name.
    fn tanda_tangan(&mut self, r: &Report, printed: &[(String, String)]) {
        let t = &r.tanda_tangan;
        if let Some(tag) = &t.tag {
            let mut chars = tag.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None)
                    if !(c.is_alphanumeric()
                        || c.is_whitespace()
                        || c.is_control()
                        || super::texts::is_not_drawn(c)
                        || super::script::script_problem(tag).is_some()) =>
                {
                    for (path, text) in printed {
                        if text.contains(c) {
                            self.problem(
                                path.clone(),
                                format!(
                                    "contains the signature tag {tag:?}, where BSrE's service would \
                                     place a signature too; remove it here, or choose another tag \
                                     in tanda_tangan.tag (null for none)"
                                ),
                            );
                        }
                    }
                }
                (Some(_), None) => self.problem(
                    "tanda_tangan.tag",
                    format!(
                        "expected a special character such as \"#\", \"$\" or \"~\" that the \
                         text does not use, found {tag:?}"
                    ),
                ),
                _ => self.problem(
                    "tanda_tangan.tag",
                    format!(
                        "expected exactly one character (BSrE's tag_koordinat takes one), found {tag:?}"
                    ),
                ),
            }
        }
        if let Some(name) = &t.field
            && let Err(e) = crate::field::check_signature_field_name(name)
        {
            self.problem("tanda_tangan.field", e);
        }
    }

    fn nilai(&mut self, path: &str, value: &Nilai) {
        let Nilai::Teks(t) = value else { return };
        let trimmed = t.trim();
        if trimmed.is_empty() {
            self.problem(
                path,
                "must not be empty; write null for a value that is not available",
            );
        } else if trimmed == "-" {
            self.problem(
                path,
                "write null for a value that is not available (it is printed as -)",
            );
        } else if looks_numeric(trimmed) {
            self.problem(
                path,
                format!(
                    "found the text {t:?}; write numbers as JSON numbers without quotes \
                     (3.92), so that they are printed the Indonesian way (3,92)"
                ),
            );
        } else if t.chars().any(char::is_control) {
            self.problem(path, "must be one line of text");
        }
    }

    fn blocks(&mut self, path: &str, blocks: &[Block], depth: usize) {
        if blocks.is_empty() && depth == 0 && !path.starts_with("rekomendasi") {
            self.problem(path, "must hold at least one paragraph, list or table");
        }
        for (i, block) in blocks.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match block {
                Block::Paragraf(text) => self.inline(&p, text),
                Block::Daftar(list) => {
                    let p = format!("{p}.daftar");
                    if depth + 1 > MAX_LIST_DEPTH {
                        self.problem(
                            &p,
                            format!(
                                "lists nest {} levels deep here; at most {MAX_LIST_DEPTH} fit on an A4 page",
                                depth + 1
                            ),
                        );
                        continue;
                    }
                    for (j, item) in list.butir.iter().enumerate() {
                        let p = format!("{p}.butir[{j}]");
                        if item.isi.is_empty() {
                            self.inline(&p, &item.teks);
                        } else {
                            self.inline(&format!("{p}.teks"), &item.teks);
                            self.blocks(&format!("{p}.isi"), &item.isi, depth + 1);
                        }
                    }
                }
                Block::Tabel(table) => {
                    let p = format!("{p}.tabel");
                    for (j, col) in table.kolom.iter().enumerate() {
                        self.inline(&format!("{p}.kolom[{j}].judul"), &col.judul);
                    }
                    let n = table.kolom.len();
                    for (j, row) in table.baris.iter().enumerate() {
                        if row.len() != n {
                            self.problem(
                                format!("{p}.baris[{j}]"),
                                format!(
                                    "has {} cell(s), but the table has {n} column(s)",
                                    row.len()
                                ),
                            );
                        }
                        for (k, cell) in row.iter().enumerate() {
                            if let super::Sel::Teks(text) = cell {
                                // An empty cell is allowed; bad markup is not.
                                if let Err(e) = text.parsed() {
                                    self.problem(format!("{p}.baris[{j}][{k}]"), e.message.clone());
                                }
                            }
                        }
                    }
                    if let Some(caption) = &table.keterangan {
                        self.inline(&format!("{p}.keterangan"), caption);
                    }
                }
            }
        }
    }

    fn anggaran(&mut self, r: &Report) {
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, row) in r.anggaran.rincian.iter().enumerate() {
            let p = format!("anggaran.rincian[{i}]");
            self.line(&format!("{p}.kode"), &row.kode);
            if let Some(first) = codes.insert(row.kode.trim(), i) {
                self.problem(
                    format!("{p}.kode"),
                    format!(
                        "the code {:?} is already used by anggaran.rincian[{first}]",
                        row.kode
                    ),
                );
            }
            self.inline(&format!("{p}.uraian"), &row.uraian);
            self.line(&format!("{p}.satuan"), &row.satuan);
            for (field, v) in [
                ("volume", row.volume),
                ("capaian", row.capaian),
                ("pagu", row.pagu),
                ("realisasi", row.realisasi),
            ] {
                if v.is_sign_negative() && !v.is_zero() {
                    self.problem(
                        format!("{p}.{field}"),
                        format!("must not be negative, found {}", angka(&v)),
                    );
                }
            }
            if row.realisasi > row.pagu {
                self.problem(
                    format!("{p}.realisasi"),
                    format!(
                        "realisasi {} is more than the pagu {}",
                        angka(&row.realisasi),
                        angka(&row.pagu)
                    ),
                );
            }
            let Some(sisa) = row.sisa() else {
                self.problem(&p, "the remainders are out of the exact range of numbers");
                continue;
            };
            if let Some(stated) = row.sisa_capaian
                && stated != sisa.capaian
            {
                self.problem(
                    format!("{p}.sisa_capaian"),
                    format!(
                        "states {} but volume {} - capaian {} = {}",
                        angka(&stated),
                        angka(&row.volume),
                        angka(&row.capaian),
                        angka(&sisa.capaian)
                    ),
                );
            }
            if let Some(stated) = row.sisa_anggaran
                && stated != sisa.anggaran
            {
                self.problem(
                    format!("{p}.sisa_anggaran"),
                    format!(
                        "states {} but pagu {} - realisasi {} = {}",
                        angka(&stated),
                        angka(&row.pagu),
                        angka(&row.realisasi),
                        angka(&sisa.anggaran)
                    ),
                );
            }
        }
        let Some(totals) = r.anggaran.totals() else {
            self.problem(
                "anggaran.rincian",
                "the sums are out of the exact range of numbers (about 7.9 × 10^28)",
            );
            return;
        };
        if let Some(stated) = &r.anggaran.total {
            for (field, given, computed) in [
                ("pagu", stated.pagu, totals.pagu),
                ("realisasi", stated.realisasi, totals.realisasi),
                ("sisa_anggaran", stated.sisa_anggaran, totals.sisa_anggaran),
            ] {
                if let Some(given) = given
                    && given != computed
                {
                    self.problem(
                        format!("anggaran.total.{field}"),
                        format!(
                            "states {} but the rows add up to {}",
                            angka(&given),
                            angka(&computed)
                        ),
                    );
                }
            }
        }
    }
}

/// Whether a text is a number in either notation ("3.92", "3,92", "1.234").
fn looks_numeric(t: &str) -> bool {
    let t = t.trim_end_matches('%').trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        && t.replace(['.', ','], "")
            .trim_start_matches(['-', '+'])
            .parse::<Decimal>()
            .is_ok()
}

/// Checks a NIP (Nomor Induk Pegawai): 18 digits made of the date of birth
/// (YYYYMMDD), the month of appointment (YYYYMM), the sex (1 or 2) and a
/// serial number (3 digits).
pub fn check_nip(nip: &str) -> Result<(), String> {
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 18 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "expected 18 digits (date of birth, month of appointment, sex, serial), found {nip:?}"
        ));
    }
    let num = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(4..6), num(6..8));
    let birth = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .and_then(|m| time::Date::from_calendar_date(year as i32, m, day as u8).ok());
    let Some(birth) = birth else {
        return Err(format!(
            "the first 8 digits of the NIP, {}, are not a date of birth (YYYYMMDD)",
            &digits[0..8]
        ));
    };
    if !(1900..=2100).contains(&year) {
        return Err(format!(
            "the year of birth {year} in the NIP is not plausible"
        ));
    }
    let (ayear, amonth) = (num(8..12), num(12..14));
    if !(1..=12).contains(&amonth) || ayear < year {
        return Err(format!(
            "digits 9 to 14 of the NIP, {}, are not a month of appointment (YYYYMM) after the date of birth {}",
            &digits[8..14],
            birth
        ));
    }
    if !matches!(&digits[14..15], "1" | "2") {
        return Err(format!(
            "digit 15 of the NIP is the sex, 1 or 2; found {}",
            &digits[14..15]
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_of_the_reference_report_is_valid() {
        assert_eq!(check_nip("196805091993032001"), Ok(()));
        assert_eq!(check_nip("19680509 199303 2 001"), Ok(()));
    }

    #[test]
    fn bad_nips() {
        assert!(
            check_nip("1968050919930320")
                .unwrap_err()
                .contains("18 digits")
        );
        assert!(
            check_nip("19680509199303200X")
                .unwrap_err()
                .contains("18 digits")
        );
        assert!(
            check_nip("196813091993032001")
                .unwrap_err()
                .contains("date of birth")
        );
        assert!(
            check_nip("196802301993032001")
                .unwrap_err()
                .contains("date of birth")
        );
        assert!(
            check_nip("196805091993132001")
                .unwrap_err()
                .contains("appointment")
        );
        assert!(
            check_nip("196805091960032001")
                .unwrap_err()
                .contains("appointment")
        );
        assert!(check_nip("196805091993033001").unwrap_err().contains("sex"));
    }

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../../../fixtures/minimal.json")).unwrap()
    }

    fn paths(r: &Report) -> Vec<String> {
        validate(r).into_iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn quarter_year_and_date_of_a_report_built_in_code() {
        let mut r = minimal();
        r.triwulan = 0;
        r.tahun = 224;
        assert_eq!(
            paths(&r),
            [
                "triwulan: expected 1 to 4, found 0",
                "tahun: expected a year from 2000 to 2100, found 224",
                "penutup.tanggal: the date 2025-04-10 is not in the report's year 224 or the \
                 year after; the report is signed after its quarter, so check the year"
            ]
        );
        let mut r = minimal();
        r.penutup.tanggal = "2026-12-31".parse().unwrap();
        assert!(paths(&r).is_empty());
        r.penutup.tanggal = "2027-01-01".parse().unwrap();
        assert_eq!(paths(&r).len(), 1);
    }

    #[test]
    fn the_tag_must_be_a_visible_left_to_right_character() {
        let mut r = minimal();
        for tag in ["\u{200B}", "\u{00AD}", "\u{200F}", "\u{5d0}"] {
            r.tanda_tangan.tag = Some(tag.into());
            let problems = paths(&r);
            assert!(
                problems
                    .iter()
                    .any(|p| p.starts_with("tanda_tangan.tag: expected a special")),
                "{tag:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn the_footer_and_the_closing_block_are_bounded() {
        let mut r = minimal();
        r.catatan = Some(vec![Inline::new("Catatan."); MAX_CATATAN_ITEMS]);
        r.penutup.jabatan = "x".repeat(MAX_PENUTUP_CHARS);
        assert!(paths(&r).is_empty());
        r.catatan = Some(vec![Inline::new("Catatan."); 200]);
        r.penutup.jabatan.push('x');
        assert_eq!(
            paths(&r),
            [
                "penutup.jabatan: has 301 characters; the closing block must fit on one page \
                 with the signature box, so at most 300 are allowed",
                "catatan: has 200 items; the legal note is printed at the foot of every page, \
                 so at most 10 are allowed"
            ]
        );
    }

    #[test]
    fn numeric_texts() {
        for t in ["3.92", "3,92", "1.234.567,89", "62.05", "100%", "-5"] {
            assert!(looks_numeric(t), "{t}");
        }
        for t in ["A", "B+", "-", "Baik", "2 kali", "WTP"] {
            assert!(!looks_numeric(t), "{t}");
        }
    }
}
