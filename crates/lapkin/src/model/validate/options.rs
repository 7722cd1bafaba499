//! The checks of the unit's own wording and shape of its document: the
//! title, the intro, the sections, the columns of tables A and C, the
//! page furniture. Each problem names its JSON path.

use super::Checker;
use crate::model::{Anggaran, IsiAnggaran, IsiKinerja, JenisBagian, Report};

impl Checker {
    /// The title's lines, the period, the intro and the sections.
    pub(super) fn wording(&mut self, r: &Report) {
        if let Some(judul) = &r.judul {
            self.lines("judul", judul);
        }
        if let Some(periode) = &r.periode {
            self.line("periode", periode);
        }
        if let Some(pengantar) = &r.pengantar {
            self.blocks("pengantar", pengantar, 0);
        }
        self.susunan(r);
    }

    /// The sections: a standard part at most once, a free one with a
    /// heading and blocks, the closing block without a heading; every part
    /// that has content placed.
    fn susunan(&mut self, r: &Report) {
        let Some(bagian) = r.susunan.as_ref().and_then(|s| s.bagian.as_ref()) else {
            return;
        };
        let mut placed: Vec<(JenisBagian, usize)> = Vec::new();
        for (k, b) in bagian.iter().enumerate() {
            let p = format!("susunan.bagian[{k}]");
            if let Some(judul) = &b.judul {
                self.inline(&format!("{p}.judul"), judul);
            }
            self.blocks(&format!("{p}.isi"), &b.isi, 0);
            match b.jenis {
                Some(j) => {
                    if let Some((_, first)) = placed.iter().find(|(done, _)| *done == j) {
                        self.problem(
                            format!("{p}.jenis"),
                            format!(
                                "{} is already placed by susunan.bagian[{first}]; place each part once",
                                j.field()
                            ),
                        );
                    }
                    placed.push((j, k));
                    if j == JenisBagian::Penutup && (b.judul.is_some() || !b.isi.is_empty()) {
                        self.problem(
                            &p,
                            "the closing block has no heading or blocks of its own; put them in \
                             a section before it",
                        );
                    }
                }
                None if b.judul.is_none() => self.problem(
                    format!("{p}.judul"),
                    "missing: a section of your own needs its heading (or name a standard part \
                     in `jenis`)",
                ),
                None if b.isi.is_empty() => self.problem(
                    format!("{p}.isi"),
                    "a section of your own needs at least one paragraph, list or table",
                ),
                None => {}
            }
        }
        // The closing block goes last when it is not placed.
        for j in &JenisBagian::ALL[..4] {
            let j = *j;
            if has_content(r, j) && !placed.iter().any(|(done, _)| *done == j) {
                self.problem(
                    j.field(),
                    format!(
                        "is not printed: susunan.bagian does not place it; add {{\"jenis\": \
                         \"{}\"}} where it belongs, or leave it out",
                        j.field()
                    ),
                );
            }
        }
    }

    /// Table A's columns: at least one; `dari`, `terhadap` and `desimal`
    /// only for a percentage; headings and groups of text.
    pub(super) fn kolom_kinerja(&mut self, r: &Report) {
        let Some(kolom) = &r.kinerja.kolom else {
            return;
        };
        if kolom.is_empty() {
            self.problem(
                "kinerja.kolom",
                "must hold at least one column (or leave it out)",
            );
        }
        for (j, k) in kolom.iter().enumerate() {
            let p = format!("kinerja.kolom[{j}]");
            self.column_texts(&p, k.judul.as_ref(), k.grup.as_ref());
            if k.isi != IsiKinerja::Persen {
                for (field, given) in [
                    ("dari", k.dari.is_some()),
                    ("terhadap", k.terhadap.is_some()),
                    ("desimal", k.desimal.is_some()),
                ] {
                    if given {
                        self.problem(
                            format!("{p}.{field}"),
                            format!(
                                "only a computed percentage (\"isi\": \"persen\") has `{field}`"
                            ),
                        );
                    }
                }
            }
            self.desimal(&p, k.desimal);
        }
    }

    /// The budget table's columns: at least one; `desimal` only for a
    /// percentage. Without columns of its own, rows with a volume and rows
    /// without one cannot share the standard columns.
    pub(super) fn kolom_anggaran(&mut self, a: &Anggaran) {
        let Some(kolom) = &a.kolom else {
            self.mixed_rows(a);
            return;
        };
        if kolom.is_empty() {
            self.problem(
                "anggaran.kolom",
                "must hold at least one column (or leave it out)",
            );
        }
        for (j, k) in kolom.iter().enumerate() {
            let p = format!("anggaran.kolom[{j}]");
            self.column_texts(&p, k.judul.as_ref(), k.grup.as_ref());
            let percentage = matches!(k.isi, IsiAnggaran::RpdPersen | IsiAnggaran::RealisasiPersen);
            if k.desimal.is_some() && !percentage {
                self.problem(
                    format!("{p}.desimal"),
                    "only a percentage (rpd_persen, realisasi_persen) has `desimal`",
                );
            }
            self.desimal(&p, k.desimal);
        }
    }

    /// Without its own columns, a budget table's rows without sub-rows all
    /// have a volume (by rincian output) or none has (by type of spending).
    fn mixed_rows(&mut self, a: &Anggaran) {
        fn leaves<'a>(
            path: String,
            rows: &'a [crate::model::Rincian],
            out: &mut Vec<(String, &'a crate::model::Rincian)>,
        ) {
            for (i, r) in rows.iter().enumerate() {
                let p = format!("{path}[{i}]");
                if r.rincian.is_empty() {
                    out.push((p, r));
                } else {
                    leaves(format!("{p}.rincian"), &r.rincian, out);
                }
            }
        }
        let mut all = Vec::new();
        leaves("anggaran.rincian".to_owned(), &a.rincian, &mut all);
        if !all.iter().any(|(_, r)| r.volume.is_some()) {
            return;
        }
        for (p, r) in all {
            if r.volume.is_none() {
                self.problem(
                    format!("{p}.volume"),
                    "missing: other rows have a volume, and the standard columns (by rincian \
                     output) show it for every row; give it, or choose the columns in \
                     anggaran.kolom",
                );
            }
        }
    }

    /// A column's own heading and its groups.
    fn column_texts(
        &mut self,
        p: &str,
        judul: Option<&crate::model::Inline>,
        grup: Option<&crate::model::Baris>,
    ) {
        if let Some(judul) = judul {
            self.inline(&format!("{p}.judul"), judul);
        }
        if let Some(grup) = grup {
            self.lines(&format!("{p}.grup"), grup);
        }
    }

    /// The digits after the comma: 0 to 6.
    fn desimal(&mut self, p: &str, desimal: Option<u8>) {
        if let Some(d) = desimal
            && d > 6
        {
            self.problem(
                format!("{p}.desimal"),
                format!("expected 0 to 6, found {d}"),
            );
        }
    }

    /// The page furniture: the page number's wording with its two
    /// placeholders only, the running header and footer, the note's label.
    pub(super) fn halaman(&mut self, r: &Report) {
        let h = &r.halaman;
        if let Some(nomor) = &h.nomor {
            self.optional_line("halaman.nomor", nomor);
            let mut rest = nomor.as_str();
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let name = after.split('}').next().unwrap_or_default();
                if !matches!(name, "halaman" | "jumlah") || !after.contains('}') {
                    self.problem(
                        "halaman.nomor",
                        format!(
                            "unknown placeholder {{{name}}}; write {{halaman}} for the page's \
                             number and {{jumlah}} for the number of pages"
                        ),
                    );
                    break;
                }
                rest = &after[name.len() + 1..];
            }
        }
        for (field, text) in [("kepala", &h.kepala), ("kaki", &h.kaki)] {
            if let Some(text) = text {
                self.line(&format!("halaman.{field}"), text);
            }
        }
        if let Some(j) = &h.judul_catatan {
            self.optional_line("halaman.judul_catatan", j);
        }
    }
}

/// Whether the standard part `j` of the report has content to print.
fn has_content(r: &Report, j: JenisBagian) -> bool {
    match j {
        JenisBagian::Kinerja => !r.kinerja.sasaran.is_empty(),
        JenisBagian::Analisis => !r.analisis.is_empty(),
        JenisBagian::Anggaran => r.anggaran.is_some(),
        JenisBagian::Rekomendasi => !r.rekomendasi.is_empty(),
        JenisBagian::Penutup => true,
    }
}
