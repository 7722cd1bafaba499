//! Semantic checks of a structurally valid report: what a schema cannot
//! say. Indicator references, unique codes, exact remainders and totals,
//! the NIP, inline markup and nesting limits.
//!
//! [`validate`] walks the whole report and returns every problem, each with
//! its JSON path.

use std::collections::HashMap;

use rust_decimal::Decimal;

mod options;

use super::schema::nearest;
use super::{Block, Inline, Nilai, Report};
use crate::error::Problem;

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
        self.wording(r);
        let indikator_codes = self.kinerja(r);
        self.kolom_kinerja(r);
        self.analisis(r, &indikator_codes);
        // C. Figures, remainders and totals.
        self.anggaran(r);
        // D.
        self.blocks("rekomendasi", &r.rekomendasi, 0);
        self.penutup(r);
        self.catatan(r);
        self.halaman(r);
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
        let numbered = r.indikator().filter(|(_, i)| i.no.is_some()).count();
        let all = r.indikator().count();
        for (i, s) in r.kinerja.sasaran.iter().enumerate() {
            let p = format!("kinerja.sasaran[{i}]");
            if let Some(kode) = &s.kode {
                self.line(&format!("{p}.kode"), kode);
                if let Some(first) = sasaran_codes.insert(kode.trim(), i) {
                    self.problem(
                        format!("{p}.kode"),
                        format!(
                            "the code {kode:?} is already used by kinerja.sasaran[{first}]; write each sasaran once, with all its indicators"
                        ),
                    );
                }
            }
            self.inline(&format!("{p}.uraian"), &s.uraian);
            if s.indikator.is_empty() {
                self.problem(format!("{p}.indikator"), "must hold at least one indicator");
            }
            for (j, ind) in s.indikator.iter().enumerate() {
                let p = format!("{p}.indikator[{j}]");
                if let Some(kode) = &ind.kode {
                    self.line(&format!("{p}.kode"), kode);
                    if let Some(first) = indikator_codes.insert(kode.trim(), p.clone()) {
                        self.problem(
                            format!("{p}.kode"),
                            format!("the code {kode:?} is already used by {first}"),
                        );
                    }
                }
                match &ind.no {
                    Some(no) => self.line(&format!("{p}.no"), &no.0),
                    None if numbered > 0 => self.problem(
                        format!("{p}.no"),
                        format!(
                            "missing: {numbered} of the {all} indicators have their own `no`; \
                             give it to every indicator, or to none (then rows are counted 1., 2.)"
                        ),
                    ),
                    None => {}
                }
                self.inline(&format!("{p}.uraian"), &ind.uraian);
                if let Some(satuan) = &ind.satuan {
                    self.line(&format!("{p}.satuan"), satuan);
                }
                for (field, value) in ind.values() {
                    self.nilai(&format!("{p}.{field}"), value);
                }
                if let Some(k) = &ind.keterangan {
                    self.inline(&format!("{p}.keterangan"), k);
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
            self.analysis_parts(&p, a);
            if let Some(judul) = &a.judul {
                self.inline(&format!("{p}.judul"), judul);
            }
            let Some(indikator) = &a.indikator else {
                if a.judul.is_none() {
                    self.problem(
                        format!("{p}.indikator"),
                        "missing: give the code of the indicator analysed, or the heading as \
                         printed in `judul`",
                    );
                }
                continue;
            };
            if !indikator_codes.contains_key(indikator.trim()) {
                let suggestion = nearest(indikator, indikator_codes.keys().copied())
                    .map(|s| format!(" Did you mean {s:?}?"))
                    .unwrap_or_default();
                let mut known: Vec<&str> = indikator_codes.keys().copied().collect();
                known.sort_unstable();
                let known = if known.is_empty() {
                    "none have a code".to_owned()
                } else {
                    known.join(", ")
                };
                self.problem(
                    format!("{p}.indikator"),
                    format!(
                        "no indicator {indikator:?} in section A (kinerja).{suggestion} The indicators are: {known}."
                    ),
                );
            } else if let Some(first) = analysed.insert(indikator.trim(), i) {
                self.problem(
                    format!("{p}.indikator"),
                    format!("indicator {indikator:?} is already analysed in analisis[{first}]"),
                );
            }
        }
    }

    /// The parts of an analysis at `p`: its own (`bagian`), or Progress,
    /// Kendala and Strategi, each with blocks.
    fn analysis_parts(&mut self, p: &str, a: &super::Analisis) {
        if let Some(parts) = &a.bagian {
            for (_, field, part) in super::Analisis::default_parts() {
                if part(a).is_some() {
                    self.problem(
                        format!("{p}.{field}"),
                        "give the parts either in `bagian` or as progress, kendala and \
                         strategi, not both",
                    );
                }
            }
            if parts.is_empty() {
                self.problem(format!("{p}.bagian"), "must hold at least one part");
            }
            for (j, part) in parts.iter().enumerate() {
                self.inline(&format!("{p}.bagian[{j}].judul"), &part.judul);
            }
        } else {
            for (_, field, part) in super::Analisis::default_parts() {
                if part(a).is_none() {
                    self.problem(
                        format!("{p}.{field}"),
                        format!(
                            "missing: an analysis has progress, kendala and strategi, or its \
                             own parts in `bagian`; give {field}"
                        ),
                    );
                }
            }
        }
        for (_, field, blocks) in a.parts() {
            let path = format!("{p}.{field}");
            let given = a.bagian.is_some() || Self::present(a, &field);
            if given && blocks.is_empty() {
                self.problem(&path, "must hold at least one paragraph, list or table");
            }
            self.blocks(&path, blocks, 0);
        }
    }

    /// Whether the part `field` of `a` is written (a part of `bagian`, or
    /// a standard part given).
    fn present(a: &super::Analisis, field: &str) -> bool {
        match field {
            "progress" => a.progress.is_some(),
            "kendala" => a.kendala.is_some(),
            "strategi" => a.strategi.is_some(),
            _ => true,
        }
    }

    /// The closing block: one-line texts of bounded length, the NIP, the
    /// date; its one signer, or its several (not both).
    fn penutup(&mut self, r: &Report) {
        let Some(p) = &r.penutup else { return };
        self.line("penutup.tempat", &p.tempat);
        self.bounded("penutup.tempat", &p.tempat);
        self.tanggal(r, p);
        if p.penanda_tangan.is_empty() {
            let label = p.label_nip.as_deref();
            self.signer(
                "penutup",
                (p.jabatan.as_ref(), p.nama.as_deref()),
                (p.nip.as_deref(), label),
            );
            if let Some(k) = &p.keterangan {
                self.optional_line("penutup.keterangan", k);
            }
            return;
        }
        for (field, given) in [
            ("jabatan", p.jabatan.is_some()),
            ("nama", p.nama.is_some()),
            ("nip", p.nip.is_some()),
            ("label_nip", p.label_nip.is_some()),
            ("keterangan", p.keterangan.is_some()),
        ] {
            if given {
                self.problem(
                    format!("penutup.{field}"),
                    format!(
                        "with several signers in penanda_tangan, give each signer's {field} \
                         there, not here"
                    ),
                );
            }
        }
        if p.penanda_tangan.len() > super::MAX_SIGNERS {
            self.problem(
                "penutup.penanda_tangan",
                format!(
                    "has {} signers; at most {} fit on an A4 page",
                    p.penanda_tangan.len(),
                    super::MAX_SIGNERS
                ),
            );
        }
        for (k, s) in p.penanda_tangan.iter().enumerate() {
            let path = format!("penutup.penanda_tangan[{k}]");
            let nip = (s.nip.as_deref(), s.label_nip.as_deref());
            self.signer(&path, (Some(&s.jabatan), Some(&s.nama)), nip);
            if let Some(k) = &s.keterangan {
                self.optional_line(&format!("{path}.keterangan"), k);
            }
            if let Some(name) = &s.field
                && let Err(e) = crate::field::check_signature_field_name(name)
            {
                self.problem(format!("{path}.field"), e);
            }
            for (field, v) in [("lebar_mm", s.lebar_mm), ("tinggi_mm", s.tinggi_mm)] {
                if let Some(v) = v
                    && !(10.0..=80.0).contains(&v)
                {
                    self.problem(
                        format!("{path}.{field}"),
                        format!("expected 10 to 80 (millimetres), found {v}"),
                    );
                }
            }
        }
    }

    /// One signer at `path`: the position's lines and the name, required;
    /// the NIP, checked if given, and its label.
    fn signer(
        &mut self,
        path: &str,
        (jabatan, nama): (Option<&super::Baris>, Option<&str>),
        (nip, label): (Option<&str>, Option<&str>),
    ) {
        match jabatan {
            Some(j) => self.lines(&format!("{path}.jabatan"), j),
            None => self.problem(format!("{path}.jabatan"), "missing: the signer's position"),
        }
        match nama {
            Some(n) => {
                self.line(&format!("{path}.nama"), n);
                self.bounded(&format!("{path}.nama"), n);
            }
            None => self.problem(format!("{path}.nama"), "missing: the signer's name"),
        }
        if let Some(nip) = nip
            && let Err(e) = check_nip(nip)
        {
            self.problem(format!("{path}.nip"), e);
        }
        if let Some(label) = label {
            self.line(&format!("{path}.label_nip"), label);
            if label.chars().count() > 20 {
                self.problem(
                    format!("{path}.label_nip"),
                    "expected a short label such as \"NIP\" or \"NIP.\" (at most 20 characters)",
                );
            }
        }
    }

    /// Lines of text at `path` (`path[i]` for several): each one line, of
    /// bounded length.
    fn lines(&mut self, path: &str, lines: &super::Baris) {
        if lines.lines().is_empty() {
            self.problem(path, "must hold at least one line");
        }
        let many = lines.lines().len() > 1;
        for (i, line) in lines.lines().iter().enumerate() {
            let p = if many {
                format!("{path}[{i}]")
            } else {
                path.to_owned()
            };
            self.line(&p, line);
            self.bounded(&p, line);
        }
    }

    /// A line that may be empty (`""` prints none).
    fn optional_line(&mut self, path: &str, text: &str) {
        if !text.is_empty() {
            self.line(path, text);
            self.bounded(path, text);
        }
    }

    /// A text of the closing block: at most [`MAX_PENUTUP_CHARS`].
    fn bounded(&mut self, path: &str, text: &str) {
        let n = text.chars().count();
        if n > MAX_PENUTUP_CHARS {
            self.problem(
                path,
                format!(
                    "has {n} characters; the closing block must fit on one page with the \
                     signature box, so at most {MAX_PENUTUP_CHARS} are allowed"
                ),
            );
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
    fn tanggal(&mut self, r: &Report, p: &super::Penutup) {
        let date = p.tanggal;
        let year = date.date().year();
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
        let mut written = Vec::new();
        if let Some(tag) = &t.tag {
            written.push(("tanda_tangan.tag".to_owned(), tag));
        }
        for (k, s) in r
            .penutup
            .iter()
            .flat_map(|p| p.penanda_tangan.iter().enumerate())
        {
            if let Some(tag) = &s.tag {
                written.push((format!("penutup.penanda_tangan[{k}].tag"), tag));
            }
        }
        let mut well_formed = true;
        for (path, tag) in written {
            if let Some(message) = tag_problem(tag) {
                self.problem(path, message);
                well_formed = false;
            }
        }
        if well_formed {
            self.tags_in_text(r, printed);
        }
        if let Some(name) = &t.field
            && let Err(e) = crate::field::check_signature_field_name(name)
        {
            self.problem("tanda_tangan.field", e);
        }
    }

    /// Each signer's tag occurs nowhere else in the printed text, and no two
    /// signers share one: BSrE's service signs wherever it finds it.
    fn tags_in_text(&mut self, r: &Report, printed: &[(String, String)]) {
        let tags: Vec<(char, String)> = r.signer_tags().into_iter().flatten().collect();
        for (k, (c, path)) in tags.iter().enumerate() {
            if tags[..k].iter().any(|(other, _)| other == c) {
                self.problem(
                    path,
                    format!(
                        "the tag {c:?} is also another signer's; BSrE's service would place both \
                         signatures at the first: give each signer a tag of its own"
                    ),
                );
                continue;
            }
            for (at, text) in printed {
                if text.contains(*c) {
                    self.problem(
                        at.clone(),
                        format!(
                            "contains the signature tag \"{c}\", where BSrE's service would \
                             place a signature too; remove it here, or choose another tag in \
                             {path} (null for none)"
                        ),
                    );
                }
            }
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
        for (i, block) in blocks.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match block {
                Block::Paragraf(text) => self.inline(&p, text),
                Block::Judul(text) => self.inline(&format!("{p}.judul"), text),
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
                    if let Some(judul) = &table.judul {
                        self.inline(&format!("{p}.judul"), judul);
                    }
                    for (j, col) in table.kolom.iter().enumerate() {
                        self.inline(&format!("{p}.kolom[{j}].judul"), &col.judul);
                        if let Some(g) = &col.grup {
                            self.lines(&format!("{p}.kolom[{j}].grup"), g);
                        }
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

    /// C. The rows (their texts, unique codes, figures, remainders and
    /// sums), the stated Total, the columns.
    fn anggaran(&mut self, r: &Report) {
        let Some(a) = &r.anggaran else { return };
        if a.rincian.is_empty() {
            self.problem("anggaran.rincian", "must hold at least one row");
        }
        let mut codes: HashMap<String, String> = HashMap::new();
        self.rincian("anggaran.rincian", &a.rincian, &mut codes);
        let (_, _, problems) = super::anggaran::compute(a);
        self.problems.extend(problems);
        self.kolom_anggaran(a);
    }

    /// The texts of the budget rows at `path` and their sub-rows'; each
    /// code used once in the table.
    fn rincian(
        &mut self,
        path: &str,
        rows: &[super::Rincian],
        codes: &mut HashMap<String, String>,
    ) {
        for (i, row) in rows.iter().enumerate() {
            let p = format!("{path}[{i}]");
            if let Some(kode) = &row.kode {
                self.line(&format!("{p}.kode"), kode);
                if let Some(first) = codes.insert(kode.trim().to_owned(), p.clone()) {
                    self.problem(
                        format!("{p}.kode"),
                        format!("the code {kode:?} is already used by {first}"),
                    );
                }
            }
            self.inline(&format!("{p}.uraian"), &row.uraian);
            if let Some(satuan) = &row.satuan {
                self.line(&format!("{p}.satuan"), satuan);
            }
            if let Some(k) = &row.keterangan {
                self.inline(&format!("{p}.keterangan"), k);
            }
            self.rincian(&format!("{p}.rincian"), &row.rincian, codes);
        }
    }
}

/// Why `tag` cannot be a signature tag: not exactly one character, or
/// not a special character a text can do without.
fn tag_problem(tag: &str) -> Option<String> {
    let mut chars = tag.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None)
            if !(c.is_alphanumeric()
                || c.is_whitespace()
                || c.is_control()
                || super::texts::is_not_drawn(c)
                || super::script::script_problem(tag).is_some()) =>
        {
            None
        }
        (Some(_), None) => Some(format!(
            "expected a special character such as \"#\", \"$\" or \"~\" that the text does \
             not use, found {tag:?}"
        )),
        _ => Some(format!(
            "expected exactly one character (BSrE's tag_koordinat takes one), found {tag:?}"
        )),
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
        r.penutup.as_mut().unwrap().tanggal = "2026-12-31".parse().unwrap();
        assert!(paths(&r).is_empty());
        r.penutup.as_mut().unwrap().tanggal = "2027-01-01".parse().unwrap();
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
        r.penutup.as_mut().unwrap().jabatan = Some("x".repeat(MAX_PENUTUP_CHARS).into());
        assert!(paths(&r).is_empty());
        r.catatan = Some(vec![Inline::new("Catatan."); 200]);
        r.penutup.as_mut().unwrap().jabatan = Some("x".repeat(MAX_PENUTUP_CHARS + 1).into());
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
