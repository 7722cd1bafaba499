//! Building a report in code: constructors for the required parts and
//! chained `with_…` methods for the optional ones and the lists, so that a
//! [`Report`] can be written without JSON and without struct literals.
//!
//! ```
//! use lapkin::model::*;
//! use lapkin::Decimal;
//!
//! let tanggal: Tanggal = "2025-04-10".parse().unwrap();
//! let report = Report::new(
//!     Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu"),
//!     1,
//!     2025,
//!     Penutup::new("Bengkulu", tanggal, "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001"),
//! )
//! .with_sasaran(Sasaran::new("SK 1.0", "Meningkatnya mutu layanan").with_indikator(
//!     Indikator::new("IKK 1.1", "Persentase layanan tepat waktu")
//!         .with_satuan("%")
//!         .with_target_pk(90)
//!         .with_target(20)
//!         .with_capaian(Decimal::new(225, 1)),
//! ))
//! .with_analisis(
//!     Analisis::new(
//!         "IKK 1.1",
//!         "Rapat koordinasi *daring*.",
//!         Inline::plain("Tidak ada kendala (0% * 2)."),
//!         "Melanjutkan kegiatan.",
//!     ),
//! )
//! .with_rincian(
//!     Rincian::output("123456.AB.1234.ABC.001", "Layanan Perkantoran")
//!         .with_volume(1, "Layanan")
//!         .with_capaian(0)
//!         .with_pagu(1_000_000)
//!         .with_realisasi(250_000),
//! )
//! .with_rekomendasi("Melanjutkan kegiatan sesuai rencana.");
//! assert!(lapkin::check(&report, &lapkin::RenderOptions::default()).is_ok());
//! ```

use rust_decimal::Decimal;

use super::{
    Analisis, Anggaran, BagianAnalisis, Baris, Blok, Butir, Daftar, GayaDaftar, Halaman, Indikator,
    Inline, Kinerja, Kolom, Nilai, NilaiIndikator, Nomor, Penutup, Rata, Report, Rincian, Sasaran,
    Sel, Susunan, TandaTangan, Tanggal, Total, Unit,
};

impl Inline {
    /// Plain text, printed exactly as given: every character that inline
    /// markup would read (`*`, `_`, `[`, `<`, `&`, `\`, a `#` or `1.` at the
    /// start of a line, ...) is escaped, so `Inline::plain("50% * 2 [x]")`
    /// prints `50% * 2 [x]`, also after a round trip through JSON.
    ///
    /// A line break (`\n`, `\r\n` or `\r`) is printed as a line break.
    /// Spaces at the start and the end of the text and around a line break
    /// are dropped, as in every paragraph; an empty line (two breaks in a
    /// row) is one line break. Control characters such as a tab are kept
    /// and refused by the checks, as in JSON.
    ///
    /// ```
    /// use lapkin::model::Inline;
    ///
    /// let text = Inline::plain("50% * 2 [lihat]");
    /// assert_eq!(text.plain_text().unwrap(), "50% * 2 [lihat]");
    /// assert_ne!(text.as_str(), "50% * 2 [lihat]"); // escaped for the markup
    /// ```
    pub fn plain(text: &str) -> Inline {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = text
            .split('\n')
            .map(|line| line.trim_matches(' '))
            .filter(|line| !line.is_empty())
            .collect();
        let mut out = String::with_capacity(text.len() + 8);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                // A backslash before the line ending: a hard line break.
                out.push_str("\\\n");
            }
            escape_line(line, &mut out);
        }
        Inline::new(out)
    }
}

/// Appends `line` to `out` with every character that CommonMark could read
/// as markup escaped by a backslash (any ASCII punctuation may be).
fn escape_line(line: &str, out: &mut String) {
    let starts_with_digits_and_marker = {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
    };
    for (i, c) in line.char_indices() {
        let always = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~' | '|'
        );
        let at_start = i == 0 && matches!(c, '#' | '-' | '+' | '=' | '>');
        let list_marker = starts_with_digits_and_marker
            && matches!(c, '.' | ')')
            && line[..i].bytes().all(|b| b.is_ascii_digit());
        if always || at_start || list_marker {
            out.push('\\');
        }
        out.push(c);
    }
}

impl Report {
    /// A report of `unit` for quarter `triwulan` (1 to 4) of year `tahun`,
    /// closed by `penutup`, with empty sections A to D: add the sasaran,
    /// analyses, budget rows and recommendation with the `with_…` methods.
    /// The legal note is the standard one and the signature settings are
    /// the defaults.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_rekomendasi("Melanjutkan kegiatan.");
    /// assert_eq!((report.triwulan, report.tahun), (1, 2025));
    /// assert!(report.kinerja.sasaran.is_empty());
    /// ```
    pub fn new(unit: Unit, triwulan: u8, tahun: u16, penutup: Penutup) -> Report {
        Report {
            schema: None,
            unit,
            triwulan,
            tahun,
            judul: None,
            pengantar: None,
            periode: None,
            angka_triwulan: Default::default(),
            susunan: None,
            sampul: None,
            kinerja: Kinerja::default(),
            analisis: Vec::new(),
            anggaran: None,
            rekomendasi: Vec::new(),
            penutup: Some(penutup),
            catatan: None,
            halaman: Default::default(),
            tanda_tangan: TandaTangan::default(),
        }
    }

    /// Adds a sasaran, with its indicators, to section A.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_sasaran(Sasaran::new("SK 1.0", "Meningkatnya mutu layanan"));
    /// assert_eq!(report.kinerja.sasaran[0].kode.as_deref(), Some("SK 1.0"));
    /// ```
    pub fn with_sasaran(mut self, sasaran: Sasaran) -> Report {
        self.kinerja.sasaran.push(sasaran);
        self
    }

    /// Adds the analysis of one indicator to section B.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_analisis(Analisis::new("IKK 1.1", "Rapat koordinasi.", "Tidak ada.", "Melanjutkan."));
    /// assert_eq!(report.analisis[0].indikator.as_deref(), Some("IKK 1.1"));
    /// ```
    pub fn with_analisis(mut self, analisis: Analisis) -> Report {
        self.analisis.push(analisis);
        self
    }

    /// Adds a budget row to section C.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_rincian(Rincian::belanja("Belanja Pegawai").with_pagu(900).with_realisasi(450));
    /// assert_eq!(report.anggaran.map(|a| a.rincian.len()), Some(1));
    /// ```
    pub fn with_rincian(mut self, rincian: Rincian) -> Report {
        self.anggaran
            .get_or_insert_with(Anggaran::default)
            .rincian
            .push(rincian);
        self
    }

    /// Sets the Total row of section C as stated in the source, to be
    /// checked against the sums.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_rincian(Rincian::belanja("Belanja Pegawai").with_pagu(900).with_realisasi(450))
    ///     .with_total(Total::default().with_pagu(900));
    /// assert!(report.anggaran.and_then(|a| a.total).is_some());
    /// ```
    pub fn with_total(mut self, total: Total) -> Report {
        self.anggaran.get_or_insert_with(Anggaran::default).total = Some(total);
        self
    }

    /// Sets the title as printed, one entry per line.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_judul(["LAPORAN KINERJA TRIWULAN I", "UPT CONTOH TAHUN 2025"]);
    /// assert_eq!(report.judul.map(|j| j.0.len()), Some(2));
    /// ```
    pub fn with_judul<S: Into<String>>(mut self, lines: impl IntoIterator<Item = S>) -> Report {
        self.judul = Some(Baris(lines.into_iter().map(Into::into).collect()));
        self
    }

    /// Sets the sections: their order, headings and numbering.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_susunan(Susunan::default());
    /// assert!(report.susunan.is_some());
    /// ```
    pub fn with_susunan(mut self, susunan: Susunan) -> Report {
        self.susunan = Some(susunan);
        self
    }

    /// Sets what every page carries besides the body.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_halaman(Halaman::default());
    /// assert_eq!(report.halaman, Halaman::default());
    /// ```
    pub fn with_halaman(mut self, halaman: Halaman) -> Report {
        self.halaman = halaman;
        self
    }

    /// Adds a block (a paragraph from a `&str`, a [`Daftar`], a [`Tabel`](super::Tabel))
    /// to section D, the recommendation.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_rekomendasi("Pimpinan merekomendasikan:")
    ///     .with_rekomendasi(Daftar::new(GayaDaftar::Angka).with_butir("mempercepat pendampingan."));
    /// assert_eq!(report.rekomendasi.len(), 2);
    /// ```
    pub fn with_rekomendasi(mut self, block: impl Into<Blok>) -> Report {
        self.rekomendasi.push(block.into());
        self
    }

    /// Adds an item to the legal note at the foot of every page; the first
    /// one replaces the standard note.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_catatan("Dokumen ini ditandatangani secara elektronik.");
    /// assert_eq!(report.catatan.map(|c| c.len()), Some(1));
    /// ```
    pub fn with_catatan(mut self, item: impl Into<Inline>) -> Report {
        self.catatan.get_or_insert_with(Vec::new).push(item.into());
        self
    }

    /// Sets how the electronic signature is prepared.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_tanda_tangan(TandaTangan::default().with_kotak_mm(40.0, 30.0));
    /// assert_eq!(report.tanda_tangan.lebar_mm, 40.0);
    /// ```
    pub fn with_tanda_tangan(mut self, tanda_tangan: TandaTangan) -> Report {
        self.tanda_tangan = tanda_tangan;
        self
    }

    /// Sets the `$schema` link written into the JSON for editors.
    ///
    /// ```
    /// # use lapkin::model::*;
    /// # let unit = Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu");
    /// # let penutup = Penutup::new("Bengkulu", Tanggal::new(2025, 4, 10).unwrap(), "Kepala UPT Contoh,", "Nama Pejabat", "197001012000031001");
    /// let report = Report::new(unit, 1, 2025, penutup)
    ///     .with_schema("lapkin.schema.json");
    /// let json = serde_json::to_value(&report).unwrap();
    /// assert_eq!(json["$schema"], "lapkin.schema.json");
    /// ```
    pub fn with_schema(mut self, url: impl Into<String>) -> Report {
        self.schema = Some(url.into());
        self
    }
}

impl Unit {
    /// A unit: its short name (in the title), its full name (the PDF's
    /// author) and its province.
    ///
    /// ```
    /// use lapkin::model::Unit;
    ///
    /// let unit = Unit::new("BPMP Provinsi Bengkulu", "Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu", "Bengkulu");
    /// assert_eq!(unit.provinsi, "Bengkulu");
    /// ```
    pub fn new(
        nama: impl Into<String>,
        nama_lengkap: impl Into<String>,
        provinsi: impl Into<String>,
    ) -> Unit {
        Unit {
            nama: nama.into(),
            nama_lengkap: nama_lengkap.into(),
            provinsi: provinsi.into(),
        }
    }
}

impl Default for Kinerja {
    /// No sasaran yet (and then no section A), the standard columns.
    fn default() -> Self {
        Kinerja {
            kolom: None,
            sasaran: Vec::new(),
        }
    }
}

impl Sasaran {
    /// A sasaran with its code (e.g. "SK 1.0") and text, without
    /// indicators yet.
    ///
    /// ```
    /// use lapkin::model::Sasaran;
    ///
    /// let sasaran = Sasaran::new("SK 1.0", "Meningkatnya mutu layanan");
    /// assert!(sasaran.indikator.is_empty());
    /// ```
    pub fn new(kode: impl Into<String>, uraian: impl Into<Inline>) -> Sasaran {
        Sasaran {
            kode: Some(kode.into()),
            uraian: uraian.into(),
            indikator: Vec::new(),
        }
    }

    /// Adds an indicator.
    ///
    /// ```
    /// use lapkin::model::{Indikator, Sasaran};
    ///
    /// let sasaran = Sasaran::new("SK 1.0", "Meningkatnya mutu layanan")
    ///     .with_indikator(Indikator::new("IKK 1.1", "Layanan tepat waktu").with_satuan("%"));
    /// assert_eq!(sasaran.indikator.len(), 1);
    /// ```
    pub fn with_indikator(mut self, indikator: Indikator) -> Sasaran {
        self.indikator.push(indikator);
        self
    }
}

impl Indikator {
    /// An indicator: its code (e.g. "IKK 1.1") and its text. Its values are
    /// given by name, so that none can take another's place:
    /// [`with_satuan`](Self::with_satuan), [`with_target_pk`](Self::with_target_pk),
    /// [`with_target`](Self::with_target), [`with_capaian`](Self::with_capaian),
    /// and any other with [`with_nilai`](Self::with_nilai); a value left
    /// out is not available, printed "-".
    ///
    /// ```
    /// use lapkin::model::{Indikator, Nilai, NilaiIndikator};
    /// use lapkin::Decimal;
    ///
    /// let ikk = Indikator::new("IKK 1.1", "Persentase layanan tepat waktu")
    ///     .with_satuan("%")
    ///     .with_target_pk(90)
    ///     .with_target(20)
    ///     .with_capaian(Decimal::new(225, 1))
    ///     .with_nilai(NilaiIndikator::Tw2, Decimal::new(225, 1));
    /// assert_eq!(*ikk.value(NilaiIndikator::Target), Nilai::from(20));
    /// assert_eq!(*ikk.value(NilaiIndikator::TargetRenaksi), Nilai::TidakAda);
    /// ```
    pub fn new(kode: impl Into<String>, uraian: impl Into<Inline>) -> Indikator {
        Indikator {
            no: None,
            kode: Some(kode.into()),
            uraian: uraian.into(),
            target_pk: Nilai::TidakAda,
            satuan: None,
            target: Nilai::TidakAda,
            capaian: Nilai::TidakAda,
            target_renaksi: Nilai::TidakAda,
            realisasi: Nilai::TidakAda,
            tw1: Nilai::TidakAda,
            tw2: Nilai::TidakAda,
            tw3: Nilai::TidakAda,
            tw4: Nilai::TidakAda,
            keterangan: None,
        }
    }

    /// Sets the unit of the values (e.g. "%", "Predikat").
    ///
    /// ```
    /// use lapkin::model::Indikator;
    ///
    /// let ikk = Indikator::new("IKK 2.1", "Predikat SAKIP").with_satuan("Predikat");
    /// assert_eq!(ikk.satuan.as_deref(), Some("Predikat"));
    /// ```
    pub fn with_satuan(mut self, satuan: impl Into<String>) -> Indikator {
        self.satuan = Some(satuan.into());
        self
    }

    /// Sets the target of the performance agreement (Target Perjanjian
    /// Kinerja): a number (`90`, `Decimal::new(225, 1)`), a text (`"A"`)
    /// or [`Nilai::TidakAda`].
    ///
    /// ```
    /// use lapkin::model::{Indikator, Nilai};
    ///
    /// let ikk = Indikator::new("IKK 2.1", "Predikat SAKIP").with_target_pk("A");
    /// assert_eq!(ikk.target_pk, Nilai::from("A"));
    /// ```
    pub fn with_target_pk(self, value: impl Into<Nilai>) -> Indikator {
        self.with_nilai(NilaiIndikator::TargetPk, value)
    }

    /// Sets the quarter's target.
    ///
    /// ```
    /// use lapkin::model::{Indikator, Nilai};
    ///
    /// let ikk = Indikator::new("IKK 1.1", "Layanan tepat waktu").with_target(20);
    /// assert_eq!(ikk.target, Nilai::from(20));
    /// ```
    pub fn with_target(self, value: impl Into<Nilai>) -> Indikator {
        self.with_nilai(NilaiIndikator::Target, value)
    }

    /// Sets the quarter's achievement (capaian).
    ///
    /// ```
    /// use lapkin::model::{Indikator, Nilai};
    /// use lapkin::Decimal;
    ///
    /// let ikk = Indikator::new("IKK 1.1", "Layanan tepat waktu").with_capaian(Decimal::new(2215, 2));
    /// assert_eq!(ikk.capaian, Nilai::from(Decimal::new(2215, 2)));
    /// ```
    pub fn with_capaian(self, value: impl Into<Nilai>) -> Indikator {
        self.with_nilai(NilaiIndikator::Capaian, value)
    }

    /// Sets one of the values by its name: also the action plan's target
    /// (`TargetRenaksi`), the realisation and the cumulative values of
    /// each quarter (`Tw1` … `Tw4`), printed where the unit's table A has
    /// their columns.
    ///
    /// ```
    /// use lapkin::model::{Indikator, Nilai, NilaiIndikator};
    ///
    /// let ikk = Indikator::new("IKK 7.1", "Predikat SAKIP")
    ///     .with_nilai(NilaiIndikator::TargetRenaksi, "TW2 : 250");
    /// assert_eq!(ikk.target_renaksi, Nilai::from("TW2 : 250"));
    /// ```
    pub fn with_nilai(mut self, which: NilaiIndikator, value: impl Into<Nilai>) -> Indikator {
        let slot = match which {
            NilaiIndikator::TargetPk => &mut self.target_pk,
            NilaiIndikator::TargetRenaksi => &mut self.target_renaksi,
            NilaiIndikator::Target => &mut self.target,
            NilaiIndikator::Realisasi => &mut self.realisasi,
            NilaiIndikator::Capaian => &mut self.capaian,
            NilaiIndikator::Tw1 => &mut self.tw1,
            NilaiIndikator::Tw2 => &mut self.tw2,
            NilaiIndikator::Tw3 => &mut self.tw3,
            NilaiIndikator::Tw4 => &mut self.tw4,
        };
        *slot = value.into();
        self
    }

    /// Sets the row's own number in the No column (`"3"`, `"1.a"`): give
    /// it to every indicator of the report or to none.
    ///
    /// ```
    /// use lapkin::model::Indikator;
    ///
    /// let ikk = Indikator::new("IKK 7.1", "Predikat SAKIP").with_no("3");
    /// assert_eq!(ikk.no.map(|n| n.0), Some("3".to_owned()));
    /// ```
    pub fn with_no(mut self, no: impl Into<String>) -> Indikator {
        self.no = Some(Nomor(no.into()));
        self
    }

    /// Sets the remark of the Keterangan column.
    ///
    /// ```
    /// use lapkin::model::Indikator;
    ///
    /// let ikk = Indikator::new("IKK 7.1", "Predikat SAKIP").with_keterangan("dinilai akhir tahun");
    /// assert!(ikk.keterangan.is_some());
    /// ```
    pub fn with_keterangan(mut self, keterangan: impl Into<Inline>) -> Indikator {
        self.keterangan = Some(keterangan.into());
        self
    }
}

impl From<Decimal> for Nilai {
    /// A number.
    fn from(d: Decimal) -> Self {
        Nilai::Angka(d)
    }
}

impl From<i64> for Nilai {
    /// A whole number.
    fn from(n: i64) -> Self {
        Nilai::Angka(Decimal::from(n))
    }
}

impl From<i32> for Nilai {
    /// A whole number.
    fn from(n: i32) -> Self {
        Nilai::Angka(Decimal::from(n))
    }
}

impl From<&str> for Nilai {
    /// A text, such as a grade.
    fn from(s: &str) -> Self {
        Nilai::Teks(s.to_owned())
    }
}

impl From<String> for Nilai {
    /// A text, such as a grade.
    fn from(s: String) -> Self {
        Nilai::Teks(s)
    }
}

impl<T: Into<Nilai>> From<Option<T>> for Nilai {
    /// The value, or [`Nilai::TidakAda`] for `None`.
    fn from(v: Option<T>) -> Self {
        v.map_or(Nilai::TidakAda, Into::into)
    }
}

impl Analisis {
    /// The analysis of the indicator with code `indikator` (e.g. "IKK
    /// 1.1") with its three parts, as the report requires them, in the
    /// document's order: the first block of *Progress / Kegiatan*, of
    /// *Kendala / Permasalahan* and of *Strategi / Tindak Lanjut*. Add more
    /// blocks with the `with_…` methods.
    ///
    /// ```
    /// use lapkin::model::{Analisis, Daftar, GayaDaftar};
    ///
    /// let analisis = Analisis::new(
    ///     "IKK 1.1",
    ///     "Kegiatan yang sudah dilakukan:",
    ///     "Jadwal bersamaan dengan asesmen nasional.",
    ///     "Menyusun jadwal bersama dinas pendidikan.",
    /// )
    /// .with_progress(Daftar::new(GayaDaftar::Angka).with_butir("rapat koordinasi;"));
    /// assert_eq!(analisis.progress.map(|p| p.len()), Some(2));
    /// ```
    pub fn new(
        indikator: impl Into<String>,
        progress: impl Into<Blok>,
        kendala: impl Into<Blok>,
        strategi: impl Into<Blok>,
    ) -> Analisis {
        Analisis {
            indikator: Some(indikator.into()),
            judul: None,
            progress: Some(vec![progress.into()]),
            kendala: Some(vec![kendala.into()]),
            strategi: Some(vec![strategi.into()]),
            bagian: None,
        }
    }

    /// An analysis under its own heading, printed as given and not
    /// numbered ("3.2.1. Indikator 1, Nilai Tukar Pembudidaya Ikan"), with
    /// parts of its own instead of the standard three: the first here, more
    /// with [`with_bagian`](Self::with_bagian). Give the indicator it
    /// analyses with [`with_indikator`](Self::with_indikator), if any.
    ///
    /// ```
    /// use lapkin::model::{Analisis, BagianAnalisis};
    ///
    /// let analisis = Analisis::headed(
    ///     "3.2.1. Indikator 1, Nilai Tukar Pembudidaya Ikan",
    ///     BagianAnalisis::new("Faktor Pendukung :", "Harga pakan stabil."),
    /// )
    /// .with_bagian(BagianAnalisis::new("Solusi :", "Pendampingan kelompok."));
    /// assert_eq!(analisis.bagian.map(|b| b.len()), Some(2));
    /// assert_eq!(analisis.progress, None);
    /// ```
    pub fn headed(judul: impl Into<Inline>, bagian: BagianAnalisis) -> Analisis {
        Analisis {
            indikator: None,
            judul: Some(judul.into()),
            progress: None,
            kendala: None,
            strategi: None,
            bagian: Some(vec![bagian]),
        }
    }

    /// Sets the code of the indicator it analyses.
    ///
    /// ```
    /// use lapkin::model::{Analisis, BagianAnalisis};
    ///
    /// let analisis = Analisis::headed("3.2.1. Indikator 1", BagianAnalisis::new("Solusi :", "Pendampingan."))
    ///     .with_indikator("IKK 1.1");
    /// assert_eq!(analisis.indikator.as_deref(), Some("IKK 1.1"));
    /// ```
    pub fn with_indikator(mut self, indikator: impl Into<String>) -> Analisis {
        self.indikator = Some(indikator.into());
        self
    }

    /// Sets the heading as printed (then not numbered), instead of the one
    /// made from section A.
    ///
    /// ```
    /// use lapkin::model::Analisis;
    ///
    /// let analisis = Analisis::new("IKK 1.1", "Rapat.", "Tidak ada.", "Melanjutkan.")
    ///     .with_judul("3.2.1. Indikator 1, Layanan Tepat Waktu");
    /// assert!(analisis.judul.is_some());
    /// ```
    pub fn with_judul(mut self, judul: impl Into<Inline>) -> Analisis {
        self.judul = Some(judul.into());
        self
    }

    /// Adds a part of its own, after the others.
    ///
    /// ```
    /// use lapkin::model::{Analisis, BagianAnalisis};
    ///
    /// let analisis = Analisis::headed("3.2.1. Indikator 1", BagianAnalisis::new("Faktor Pendukung :", "Harga stabil."))
    ///     .with_bagian(BagianAnalisis::new("Solusi :", "Pendampingan."));
    /// assert_eq!(analisis.bagian.map(|b| b.len()), Some(2));
    /// ```
    pub fn with_bagian(mut self, bagian: BagianAnalisis) -> Analisis {
        self.bagian.get_or_insert_with(Vec::new).push(bagian);
        self
    }

    /// Adds a block to *Progress / Kegiatan*.
    ///
    /// ```
    /// use lapkin::model::{Analisis, Daftar, GayaDaftar};
    ///
    /// let analisis = Analisis::new("IKK 1.1", "Kegiatan yang sudah dilakukan:", "Tidak ada.", "Melanjutkan.")
    ///     .with_progress(Daftar::new(GayaDaftar::Angka).with_butir("rapat koordinasi;"));
    /// assert_eq!(analisis.progress.map(|p| p.len()), Some(2));
    /// ```
    pub fn with_progress(mut self, block: impl Into<Blok>) -> Analisis {
        self.progress
            .get_or_insert_with(Vec::new)
            .push(block.into());
        self
    }

    /// Adds a block to *Kendala / Permasalahan*.
    ///
    /// ```
    /// use lapkin::model::Analisis;
    ///
    /// let analisis = Analisis::new("IKK 1.1", "Rapat.", "Jadwal bentrok.", "Menyusun jadwal.")
    ///     .with_kendala("Anggaran terlambat cair.");
    /// assert_eq!(analisis.kendala.map(|k| k.len()), Some(2));
    /// ```
    pub fn with_kendala(mut self, block: impl Into<Blok>) -> Analisis {
        self.kendala.get_or_insert_with(Vec::new).push(block.into());
        self
    }

    /// Adds a block to *Strategi / Tindak Lanjut*.
    ///
    /// ```
    /// use lapkin::model::Analisis;
    ///
    /// let analisis = Analisis::new("IKK 1.1", "Rapat.", "Jadwal bentrok.", "Menyusun jadwal.")
    ///     .with_strategi("Koordinasi bulanan.");
    /// assert_eq!(analisis.strategi.map(|s| s.len()), Some(2));
    /// ```
    pub fn with_strategi(mut self, block: impl Into<Blok>) -> Analisis {
        self.strategi
            .get_or_insert_with(Vec::new)
            .push(block.into());
        self
    }
}

impl BagianAnalisis {
    /// A part of an analysis: its sub-heading as printed ("Faktor Pendukung
    /// :") and its first block; more with [`with_isi`](Self::with_isi).
    ///
    /// ```
    /// use lapkin::model::BagianAnalisis;
    ///
    /// let bagian = BagianAnalisis::new("Faktor Pendukung :", "Harga pakan stabil.");
    /// assert_eq!(bagian.isi.len(), 1);
    /// ```
    pub fn new(judul: impl Into<Inline>, isi: impl Into<Blok>) -> BagianAnalisis {
        BagianAnalisis {
            judul: judul.into(),
            isi: vec![isi.into()],
        }
    }

    /// Adds a block.
    ///
    /// ```
    /// use lapkin::model::{BagianAnalisis, Daftar, GayaDaftar};
    ///
    /// let bagian = BagianAnalisis::new("Solusi :", "Langkah yang diambil:")
    ///     .with_isi(Daftar::new(GayaDaftar::Strip).with_butir("pendampingan kelompok"));
    /// assert_eq!(bagian.isi.len(), 2);
    /// ```
    pub fn with_isi(mut self, block: impl Into<Blok>) -> BagianAnalisis {
        self.isi.push(block.into());
        self
    }
}

impl Blok {
    /// A paragraph; a `&str` is read as inline markup (`*italic*`,
    /// `**bold**`, links), use [`Inline::plain`] for text printed as is.
    ///
    /// ```
    /// use lapkin::model::{Blok, Inline};
    ///
    /// let block = Blok::paragraf("Kegiatan *daring*.");
    /// assert_eq!(block, Blok::Paragraf(Inline::new("Kegiatan *daring*.")));
    /// ```
    pub fn paragraf(text: impl Into<Inline>) -> Blok {
        Blok::Paragraf(text.into())
    }
}

impl From<Inline> for Blok {
    /// A paragraph.
    fn from(text: Inline) -> Self {
        Blok::Paragraf(text)
    }
}

impl From<&str> for Blok {
    /// A paragraph of inline markup, as [`Inline::new`] reads it.
    fn from(text: &str) -> Self {
        Blok::Paragraf(Inline::new(text))
    }
}

impl From<String> for Blok {
    /// A paragraph of inline markup, as [`Inline::new`] reads it.
    fn from(text: String) -> Self {
        Blok::Paragraf(Inline::new(text))
    }
}

impl From<Daftar> for Blok {
    /// A list.
    fn from(daftar: Daftar) -> Self {
        Blok::Daftar(daftar)
    }
}

impl From<super::Tabel> for Blok {
    /// A table.
    fn from(tabel: super::Tabel) -> Self {
        Blok::Tabel(tabel)
    }
}

impl Daftar {
    /// An empty list with markers of style `gaya`, numbered from 1.
    ///
    /// ```
    /// use lapkin::model::{Daftar, GayaDaftar};
    ///
    /// let daftar = Daftar::new(GayaDaftar::Huruf).with_butir("satu").with_butir("dua");
    /// assert_eq!(daftar.butir.len(), 2);
    /// ```
    pub fn new(gaya: GayaDaftar) -> Daftar {
        Daftar {
            gaya,
            mulai: 1,
            butir: Vec::new(),
        }
    }

    /// Numbers the first item `mulai` (1 = `1.` or `a.`), to continue a
    /// list after a paragraph or a table.
    ///
    /// ```
    /// use lapkin::model::{Daftar, GayaDaftar};
    ///
    /// let lanjutan = Daftar::new(GayaDaftar::Angka).with_mulai(4).with_butir("butir keempat");
    /// assert_eq!(lanjutan.mulai, 4);
    /// ```
    pub fn with_mulai(mut self, mulai: u32) -> Daftar {
        self.mulai = mulai;
        self
    }

    /// Adds an item: a `&str` (inline markup), an [`Inline`] or a
    /// [`Butir`] with blocks under it.
    ///
    /// ```
    /// use lapkin::model::{Butir, Daftar, GayaDaftar};
    ///
    /// let daftar = Daftar::new(GayaDaftar::Angka)
    ///     .with_butir("rapat koordinasi;")
    ///     .with_butir(Butir::new("pendampingan:").with_isi(Daftar::new(GayaDaftar::Huruf).with_butir("SD")));
    /// assert_eq!(daftar.butir.len(), 2);
    /// ```
    pub fn with_butir(mut self, butir: impl Into<Butir>) -> Daftar {
        self.butir.push(butir.into());
        self
    }
}

impl Butir {
    /// An item with its text and nothing under it.
    ///
    /// ```
    /// use lapkin::model::Butir;
    ///
    /// let butir = Butir::new("rapat koordinasi");
    /// assert!(butir.isi.is_empty());
    /// ```
    pub fn new(teks: impl Into<Inline>) -> Butir {
        Butir {
            teks: teks.into(),
            isi: Vec::new(),
        }
    }

    /// Adds a block (a paragraph, a nested list, a table) under the item's
    /// text.
    ///
    /// ```
    /// use lapkin::model::{Butir, Daftar, GayaDaftar};
    ///
    /// let butir = Butir::new("pendampingan di:").with_isi(Daftar::new(GayaDaftar::Strip).with_butir("Kaur"));
    /// assert_eq!(butir.isi.len(), 1);
    /// ```
    pub fn with_isi(mut self, block: impl Into<Blok>) -> Butir {
        self.isi.push(block.into());
        self
    }
}

impl From<Inline> for Butir {
    /// An item with only text.
    fn from(teks: Inline) -> Self {
        Butir::new(teks)
    }
}

impl From<&str> for Butir {
    /// An item with only text, read as inline markup.
    fn from(teks: &str) -> Self {
        Butir::new(teks)
    }
}

impl From<String> for Butir {
    /// An item with only text, read as inline markup.
    fn from(teks: String) -> Self {
        Butir::new(teks)
    }
}

impl super::Tabel {
    /// A table with the given columns and no rows yet.
    ///
    /// ```
    /// use lapkin::model::{Kolom, Rata, Tabel};
    ///
    /// let tabel = Tabel::new([Kolom::new("Jenjang"), Kolom::new("Nilai").with_rata(Rata::Kanan)]);
    /// assert_eq!(tabel.kolom.len(), 2);
    /// ```
    pub fn new<K: Into<Kolom>>(kolom: impl IntoIterator<Item = K>) -> super::Tabel {
        super::Tabel {
            judul: None,
            kolom: kolom.into_iter().map(Into::into).collect(),
            baris: Vec::new(),
            keterangan: None,
            id: None,
            mendatar: false,
        }
    }

    /// Sets the title printed above the table (numbered "Tabel 5." in a
    /// whole LKj) and the id cross-references point to.
    ///
    /// ```
    /// use lapkin::model::Tabel;
    ///
    /// let tabel = Tabel::new(["Jenjang"]).with_judul("Capaian per jenjang", Some("capaian"));
    /// assert_eq!(tabel.id.as_deref(), Some("capaian"));
    /// ```
    pub fn with_judul(mut self, judul: impl Into<Inline>, id: Option<&str>) -> super::Tabel {
        self.judul = Some(judul.into());
        self.id = id.map(str::to_owned);
        self
    }

    /// Adds a row, one cell per column: texts (`"SD"`, an [`Inline`]) and
    /// numbers (`42`, a `Decimal`) as [`Sel`] values, e.g.
    /// `[Sel::from("SD"), Sel::from(42)]`.
    ///
    /// ```
    /// use lapkin::model::{Sel, Tabel};
    ///
    /// let tabel = Tabel::new(["Jenjang", "Nilai"])
    ///     .with_baris([Sel::from("SD"), Sel::from(95)])
    ///     .with_baris([Sel::from("SMP"), Sel::from(88)]);
    /// assert_eq!(tabel.baris.len(), 2);
    /// ```
    pub fn with_baris<S: Into<Sel>>(mut self, baris: impl IntoIterator<Item = S>) -> super::Tabel {
        self.baris.push(baris.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the caption printed under the table.
    ///
    /// ```
    /// use lapkin::model::Tabel;
    ///
    /// let tabel = Tabel::new(["Jenjang"]).with_keterangan("Capaian per jenjang");
    /// assert!(tabel.keterangan.is_some());
    /// ```
    pub fn with_keterangan(mut self, keterangan: impl Into<Inline>) -> super::Tabel {
        self.keterangan = Some(keterangan.into());
        self
    }

    /// Sets the table on landscape pages of its own (`mendatar`).
    ///
    /// ```
    /// use lapkin::model::Tabel;
    ///
    /// let tabel = Tabel::new(["Jenjang"]).with_mendatar(true);
    /// assert!(tabel.mendatar);
    /// ```
    pub fn with_mendatar(mut self, mendatar: bool) -> super::Tabel {
        self.mendatar = mendatar;
        self
    }
}

impl Kolom {
    /// A column with its header text, aligned by default (numbers to the
    /// right).
    ///
    /// ```
    /// use lapkin::model::Kolom;
    ///
    /// let kolom = Kolom::new("Jenjang");
    /// assert_eq!(kolom.rata, None);
    /// ```
    pub fn new(judul: impl Into<Inline>) -> Kolom {
        Kolom {
            judul: judul.into(),
            rata: None,
            grup: None,
        }
    }

    /// Sets the alignment of the column's cells.
    ///
    /// ```
    /// use lapkin::model::{Kolom, Rata};
    ///
    /// let kolom = Kolom::new("NO").with_rata(Rata::Tengah);
    /// assert_eq!(kolom.rata, Some(Rata::Tengah));
    /// ```
    pub fn with_rata(mut self, rata: Rata) -> Kolom {
        self.rata = Some(rata);
        self
    }
}

impl From<&str> for Kolom {
    /// A column with this header, read as inline markup.
    fn from(judul: &str) -> Self {
        Kolom::new(judul)
    }
}

impl From<Inline> for Kolom {
    /// A column with this header.
    fn from(judul: Inline) -> Self {
        Kolom::new(judul)
    }
}

impl From<Inline> for Sel {
    /// A text cell.
    fn from(text: Inline) -> Self {
        Sel::Teks(text)
    }
}

impl From<&str> for Sel {
    /// A text cell, read as inline markup.
    fn from(text: &str) -> Self {
        Sel::Teks(Inline::new(text))
    }
}

impl From<String> for Sel {
    /// A text cell, read as inline markup.
    fn from(text: String) -> Self {
        Sel::Teks(Inline::new(text))
    }
}

impl From<Decimal> for Sel {
    /// A number cell.
    fn from(d: Decimal) -> Self {
        Sel::Angka(d)
    }
}

impl From<i64> for Sel {
    /// A whole number cell.
    fn from(n: i64) -> Self {
        Sel::Angka(Decimal::from(n))
    }
}

impl From<i32> for Sel {
    /// A whole number cell.
    fn from(n: i32) -> Self {
        Sel::Angka(Decimal::from(n))
    }
}

impl Default for Anggaran {
    /// No rows yet (a budget table needs at least one), the standard
    /// columns and no stated total.
    fn default() -> Self {
        Anggaran {
            kolom: None,
            rincian: Vec::new(),
            total: None,
        }
    }
}

impl Rincian {
    /// A budget row of an output (rincian output): its code and text. Its
    /// figures are given by name, so that none can take another's place:
    /// [`with_volume`](Self::with_volume) (with its unit),
    /// [`with_capaian`](Self::with_capaian), [`with_pagu`](Self::with_pagu)
    /// and [`with_realisasi`](Self::with_realisasi), in rupiah; numbers are
    /// anything a `Decimal` is made from (`42`, `1_000_000i64`,
    /// `Decimal::new(25, 1)`). A row without its pagu or realisasi (and
    /// without sub-rows, whose sums they would be) is refused by the checks
    /// with the figure's path. The remainders are computed; give them with
    /// `with_sisa_…` to have them checked.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::output("419548.DI.6397.QDB.750", "Satuan pendidikan yang difasilitasi")
    ///     .with_volume(220, "Lembaga")
    ///     .with_capaian(51)
    ///     .with_pagu(1_250_000_000_i64)
    ///     .with_realisasi(310_450_000_i64);
    /// assert_eq!(row.pagu, Some(1_250_000_000_i64.into()));
    /// assert_eq!(row.satuan.as_deref(), Some("Lembaga"));
    /// ```
    pub fn output(kode: impl Into<String>, uraian: impl Into<Inline>) -> Rincian {
        Rincian {
            kode: Some(kode.into()),
            ..Rincian::belanja(uraian)
        }
    }

    /// A row by type of spending ("Belanja Pegawai") or a parent row
    /// (a program, a kegiatan): its text, without code, unit, volume or
    /// physical achievement; give its pagu and realisasi (and RPD) by name,
    /// or its sub-rows with [`with_rincian`](Self::with_rincian).
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let program = Rincian::belanja("Program Pendidikan")
    ///     .with_rincian(Rincian::belanja("Belanja Pegawai").with_pagu(900).with_realisasi(450))
    ///     .with_rincian(Rincian::belanja("Belanja Barang").with_pagu(100).with_realisasi(20));
    /// assert_eq!(program.rincian.len(), 2);
    /// assert_eq!(program.pagu, None); // the sum of its sub-rows'
    /// ```
    pub fn belanja(uraian: impl Into<Inline>) -> Rincian {
        Rincian {
            kode: None,
            uraian: uraian.into(),
            satuan: None,
            volume: None,
            capaian: None,
            sisa_capaian: None,
            pagu: None,
            realisasi: None,
            sisa_anggaran: None,
            rpd: None,
            keterangan: None,
            rincian: Vec::new(),
        }
    }

    /// Sets the target volume and its unit ("Lembaga", "Dokumen").
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::output("1", "Dokumen perencanaan").with_volume(2, "Dokumen");
    /// assert_eq!((row.volume, row.satuan.as_deref()), (Some(2.into()), Some("Dokumen")));
    /// ```
    pub fn with_volume(mut self, volume: impl Into<Decimal>, satuan: impl Into<String>) -> Rincian {
        self.volume = Some(volume.into());
        self.satuan = Some(satuan.into());
        self
    }

    /// Sets the physical achievement (capaian), in the volume's unit.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::output("1", "Dokumen perencanaan").with_volume(2, "Dokumen").with_capaian(1);
    /// assert_eq!(row.capaian, Some(1.into()));
    /// ```
    pub fn with_capaian(mut self, capaian: impl Into<Decimal>) -> Rincian {
        self.capaian = Some(capaian.into());
        self
    }

    /// Sets the budget ceiling (pagu), in rupiah.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::belanja("Belanja Barang").with_pagu(8_069_025_000_i64);
    /// assert_eq!(row.pagu, Some(8_069_025_000_i64.into()));
    /// ```
    pub fn with_pagu(mut self, pagu: impl Into<Decimal>) -> Rincian {
        self.pagu = Some(pagu.into());
        self
    }

    /// Sets the budget spent (realisasi), in rupiah.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::belanja("Belanja Barang").with_pagu(1000).with_realisasi(250);
    /// assert_eq!(row.realisasi, Some(250.into()));
    /// ```
    pub fn with_realisasi(mut self, realisasi: impl Into<Decimal>) -> Rincian {
        self.realisasi = Some(realisasi.into());
        self
    }

    /// Sets the remark of the Keterangan column.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::belanja("Belanja Modal").with_keterangan("lelang ulang");
    /// assert!(row.keterangan.is_some());
    /// ```
    pub fn with_keterangan(mut self, keterangan: impl Into<Inline>) -> Rincian {
        self.keterangan = Some(keterangan.into());
        self
    }

    /// Sets the spending plan up to this quarter (RPD).
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::belanja("Belanja Pegawai").with_pagu(900).with_realisasi(400).with_rpd(450);
    /// assert_eq!(row.rpd, Some(450.into()));
    /// ```
    pub fn with_rpd(mut self, rpd: impl Into<Decimal>) -> Rincian {
        self.rpd = Some(rpd.into());
        self
    }

    /// Adds a sub-row; this row's figures become the sums of its sub-rows'.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let kegiatan = Rincian::belanja("Kegiatan A")
    ///     .with_rincian(Rincian::belanja("Belanja Barang").with_pagu(300).with_realisasi(100));
    /// assert_eq!((kegiatan.rincian.len(), kegiatan.pagu), (1, None));
    /// ```
    pub fn with_rincian(mut self, sub: Rincian) -> Rincian {
        if self.rincian.is_empty() {
            (self.pagu, self.realisasi, self.rpd) = (None, None, None);
        }
        self.rincian.push(sub);
        self
    }

    /// States the physical remainder (volume minus capaian), to be checked.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::output("1", "Dokumen").with_volume(2, "Dokumen").with_capaian(1).with_sisa_capaian(1);
    /// assert_eq!(row.sisa_capaian, Some(1.into()));
    /// ```
    pub fn with_sisa_capaian(mut self, sisa: impl Into<Decimal>) -> Rincian {
        self.sisa_capaian = Some(sisa.into());
        self
    }

    /// States the budget remainder (pagu minus realisasi), to be checked.
    ///
    /// ```
    /// use lapkin::model::Rincian;
    ///
    /// let row = Rincian::belanja("Belanja Barang").with_pagu(10).with_realisasi(4).with_sisa_anggaran(6);
    /// assert_eq!(row.sisa_anggaran, Some(6.into()));
    /// ```
    pub fn with_sisa_anggaran(mut self, sisa: impl Into<Decimal>) -> Rincian {
        self.sisa_anggaran = Some(sisa.into());
        self
    }
}

impl Default for Total {
    /// No figure stated.
    fn default() -> Self {
        Total {
            pagu: None,
            realisasi: None,
            sisa_anggaran: None,
            rpd: None,
        }
    }
}

impl Total {
    /// States the sum of pagu.
    ///
    /// ```
    /// use lapkin::model::Total;
    ///
    /// let total = Total::default().with_pagu(27_576_750_000_i64);
    /// assert_eq!(total.pagu, Some(27_576_750_000_i64.into()));
    /// ```
    pub fn with_pagu(mut self, pagu: impl Into<Decimal>) -> Total {
        self.pagu = Some(pagu.into());
        self
    }

    /// States the sum of realisasi.
    ///
    /// ```
    /// use lapkin::model::Total;
    ///
    /// let total = Total::default().with_realisasi(8_915_814_904_i64);
    /// assert_eq!(total.realisasi, Some(8_915_814_904_i64.into()));
    /// ```
    pub fn with_realisasi(mut self, realisasi: impl Into<Decimal>) -> Total {
        self.realisasi = Some(realisasi.into());
        self
    }

    /// States the sum of sisa anggaran.
    ///
    /// ```
    /// use lapkin::model::Total;
    ///
    /// let total = Total::default().with_sisa_anggaran(18_660_935_096_i64);
    /// assert_eq!(total.sisa_anggaran, Some(18_660_935_096_i64.into()));
    /// ```
    pub fn with_sisa_anggaran(mut self, sisa: impl Into<Decimal>) -> Total {
        self.sisa_anggaran = Some(sisa.into());
        self
    }
}

impl Penutup {
    /// The closing block: place and date of signing, the signer's position
    /// (e.g. "Kepala Balai ...,"), name and NIP (18 digits). The line under
    /// the signature space is the standard one
    /// ([`DEFAULT_KETERANGAN`](super::DEFAULT_KETERANGAN)).
    ///
    /// ```
    /// use lapkin::model::{Penutup, Tanggal};
    ///
    /// let penutup = Penutup::new(
    ///     "Bengkulu",
    ///     Tanggal::new(2024, 8, 7)?,
    ///     "Kepala Balai Penjaminan Mutu Pendidikan Provinsi Bengkulu,",
    ///     "Widyati Rosita",
    ///     "196805091993032001",
    /// );
    /// assert!(penutup.elektronik);
    /// # Ok::<(), lapkin::Problem>(())
    /// ```
    pub fn new(
        tempat: impl Into<String>,
        tanggal: Tanggal,
        jabatan: impl Into<String>,
        nama: impl Into<String>,
        nip: impl Into<String>,
    ) -> Penutup {
        Penutup {
            tempat: tempat.into(),
            tanggal: tanggal.into(),
            jabatan: Some(Baris::from(jabatan.into())),
            keterangan: None,
            nama: Some(nama.into()),
            nip: Some(nip.into()),
            label_nip: None,
            elektronik: true,
            penanda_tangan: Vec::new(),
            letak: Default::default(),
        }
    }

    /// Replaces the line under the signature space.
    ///
    /// ```
    /// use lapkin::model::{Penutup, Tanggal};
    ///
    /// let penutup = Penutup::new("Bengkulu", Tanggal::new(2024, 8, 7)?, "Kepala,", "Nama", "196805091993032001")
    ///     .with_keterangan("Ditandatangani oleh :");
    /// assert_eq!(penutup.keterangan.as_deref(), Some("Ditandatangani oleh :"));
    /// # Ok::<(), lapkin::Problem>(())
    /// ```
    pub fn with_keterangan(mut self, keterangan: impl Into<String>) -> Penutup {
        self.keterangan = Some(keterangan.into());
        self
    }

    /// Sets the signature in ink (`false`) or electronic (`true`, the
    /// default).
    ///
    /// ```
    /// use lapkin::model::{Penutup, Tanggal};
    ///
    /// let penutup = Penutup::new("Karawang", Tanggal::new(2020, 10, 5)?, "Kepala,", "Nama", "196104121990031003")
    ///     .with_elektronik(false); // signed in ink: no box, no tag, no legal note
    /// assert!(!penutup.elektronik);
    /// # Ok::<(), lapkin::Problem>(())
    /// ```
    pub fn with_elektronik(mut self, elektronik: bool) -> Penutup {
        self.elektronik = elektronik;
        self
    }
}

impl TandaTangan {
    /// Sets the tag character drawn, invisible, at the signature box for
    /// BSrE's `tag_koordinat`; `None` draws none.
    ///
    /// ```
    /// use lapkin::model::TandaTangan;
    ///
    /// let ttd = TandaTangan::default().with_tag(Some('~'));
    /// assert_eq!(ttd.tag.as_deref(), Some("~"));
    /// assert_eq!(TandaTangan::default().with_tag(None).tag, None);
    /// ```
    pub fn with_tag(mut self, tag: Option<char>) -> TandaTangan {
        self.tag = tag.map(String::from);
        self
    }

    /// Sets the size of the box reserved for the visual signature, in
    /// millimetres (10 to 80 each).
    ///
    /// ```
    /// use lapkin::model::TandaTangan;
    ///
    /// let ttd = TandaTangan::default().with_kotak_mm(40.0, 30.0);
    /// assert_eq!((ttd.lebar_mm, ttd.tinggi_mm), (40.0, 30.0));
    /// ```
    pub fn with_kotak_mm(mut self, lebar_mm: f64, tinggi_mm: f64) -> TandaTangan {
        self.lebar_mm = lebar_mm;
        self.tinggi_mm = tinggi_mm;
        self
    }

    /// Adds an empty signature field of this name over the box, for PAdES
    /// signers.
    ///
    /// ```
    /// use lapkin::model::TandaTangan;
    ///
    /// let ttd = TandaTangan::default().with_field("ttd_kepala");
    /// assert_eq!(ttd.field.as_deref(), Some("ttd_kepala"));
    /// ```
    pub fn with_field(mut self, name: impl Into<String>) -> TandaTangan {
        self.field = Some(name.into());
        self
    }
}

impl Tanggal {
    /// The date `tahun`-`bulan`-`hari`, or why it does not exist (a
    /// problem of kind [`NoSuchDate`](crate::problem::Kind::NoSuchDate) at
    /// [`Location::Given`](crate::problem::Location::Given)).
    ///
    /// ```
    /// use lapkin::model::Tanggal;
    /// use lapkin::problem::{Kind, Lang};
    ///
    /// assert_eq!(Tanggal::new(2024, 8, 7).unwrap().iso(), "2024-08-07");
    /// let err = Tanggal::new(2023, 2, 29).unwrap_err();
    /// assert_eq!(err.kind, Kind::NoSuchDate);
    /// assert_eq!(err.to_string(), "2023-02-29 does not exist: February 2023 has 28 days");
    /// assert_eq!(
    ///     err.message(Lang::Id),
    ///     "tanggal 2023-02-29 tidak ada: Februari 2023 hanya memiliki 28 hari"
    /// );
    /// ```
    pub fn new(tahun: i32, bulan: u8, hari: u8) -> Result<Tanggal, crate::problem::Problem> {
        format!("{tahun:04}-{bulan:02}-{hari:02}").parse()
    }
}

impl From<time::Date> for Tanggal {
    /// The same day.
    fn from(d: time::Date) -> Self {
        Tanggal(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tabel;

    /// What a plain text prints: the lines without their outer spaces,
    /// empty ones dropped.
    fn printed(s: &str) -> String {
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .map(|l| l.trim_matches(' '))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text `Inline::plain(s)` prints after a round trip through JSON.
    fn round_trip(s: &str) -> String {
        let json = serde_json::to_string(&Inline::plain(s)).unwrap();
        let back: Inline = serde_json::from_str(&json).unwrap();
        back.plain_text()
            .unwrap_or_else(|e| panic!("{s:?} as {json}: {e}"))
    }

    #[test]
    fn plain_text_prints_as_given() {
        for s in [
            "50% * 2 [lihat] _x_",
            "a\\b \\* c\\",
            "`kode` <b>tebal</b> <https://contoh.id> &amp; &#9; AT&T",
            "# bukan judul",
            "#bukan",
            "1. bukan daftar",
            "2024) tahun",
            "- strip\n+ plus\n* bintang\n> kutipan",
            "Judul\n===\nlagi\n---",
            "***",
            "___",
            "~~~\nkode\n~~~",
            "```",
            "[a](https://contoh.id) ![b](c.png) [ref]: https://x.id",
            "baris satu\nbaris dua\r\nbaris tiga\rempat",
            "    empat spasi",
            "akhir dengan garis miring\\\nlalu",
            "|a|b|\n|-|-|",
            "Rp 1.000.000,00 (100%) {x} @y ~z^ \"k\" 'l' ; : ? / $",
            "1.5 juta",
            "\u{a0}spasi tak putus\u{a0}",
        ] {
            assert_eq!(round_trip(s), printed(s), "{s:?}");
        }
    }

    #[test]
    fn plain_text_round_trips_every_short_string() {
        let alphabet: Vec<char> = "*_[]\\`<>&#-+=1.)!a \n~|(:/@;".chars().collect();
        let mut s = String::new();
        for a in &alphabet {
            for b in &alphabet {
                for c in &alphabet {
                    s.clear();
                    s.extend([*a, *b, *c]);
                    assert_eq!(round_trip(&s), printed(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn plain_keeps_control_characters_for_the_checks() {
        let e = Inline::plain("satu\tdua").spans().unwrap_err();
        assert_eq!(e.kind, crate::problem::Kind::Tab, "{e}");
    }

    #[test]
    fn plain_escapes_only_what_markup_would_read() {
        assert_eq!(Inline::plain("Capaian 95,15%").as_str(), "Capaian 95,15%");
        assert_eq!(
            Inline::plain("50% * 2 [lihat]").as_str(),
            "50% \\* 2 \\[lihat\\]"
        );
    }

    #[test]
    fn blocks_items_cells_from_text() {
        assert_eq!(Blok::from("*a*"), Blok::Paragraf(Inline::new("*a*")));
        assert_eq!(Butir::from("x"), Butir::new("x"));
        assert_eq!(Sel::from(3), Sel::Angka(Decimal::from(3)));
        assert_eq!(Nilai::from(None::<i32>), Nilai::TidakAda);
        assert_eq!(Nilai::from("A"), Nilai::Teks("A".into()));
        let t = Tabel::new(["No", "Nama"]).with_baris([Sel::from(1), Sel::from("SD")]);
        assert_eq!(t.baris[0].len(), 2);
        assert_eq!(
            Tanggal::new(2023, 2, 29).unwrap_err().to_string(),
            "2023-02-29 does not exist: February 2023 has 28 days"
        );
        assert_eq!(Tanggal::new(2024, 8, 7).unwrap().iso(), "2024-08-07");
    }

    /// `tests-data/minimal.json`, built in code.
    fn minimal() -> Report {
        let tanggal = Tanggal::new(2025, 4, 10).unwrap();
        Report::new(
            Unit::new("UPT Contoh", "Unit Pelaksana Teknis Contoh", "Bengkulu"),
            1,
            2025,
            Penutup::new(
                "Bengkulu",
                tanggal,
                "Kepala Unit Pelaksana Teknis Contoh,",
                "Nama Pejabat",
                "197001012000031001",
            ),
        )
        .with_sasaran(
            Sasaran::new("SK 1.0", "Meningkatnya mutu layanan").with_indikator(
                Indikator::new("IKK 1.1", "Persentase layanan yang tepat waktu")
                    .with_satuan("%")
                    .with_target_pk(90)
                    .with_target(20)
                    .with_capaian(Decimal::new(225, 1)),
            ),
        )
        .with_analisis(Analisis::new(
            "IKK 1.1",
            "Kegiatan yang sudah dilakukan adalah rapat koordinasi.",
            "Tidak ada kendala.",
            "Melanjutkan kegiatan.",
        ))
        .with_rincian(
            Rincian::output("123456.AB.1234.ABC.001", "Layanan Perkantoran")
                .with_volume(1, "Layanan")
                .with_capaian(0)
                .with_pagu(1_000_000)
                .with_realisasi(250_000),
        )
        .with_rekomendasi("Melanjutkan kegiatan sesuai rencana.")
    }

    #[test]
    fn a_report_built_in_code_equals_the_same_report_from_json() {
        let built = minimal();
        let parsed = crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap();
        assert_eq!(
            serde_json::to_value(&built).unwrap(),
            serde_json::to_value(&parsed).unwrap()
        );
        assert_eq!(built, parsed);
        crate::check(&built, &crate::RenderOptions::default()).unwrap();
    }

    #[test]
    fn a_report_with_every_builder_passes_check_and_the_json_round_trip() {
        let tabel = Tabel::new([
            Kolom::new("Jenjang"),
            Kolom::new("Nilai").with_rata(Rata::Tengah),
        ])
        .with_baris([Sel::from("SD"), Sel::from(Decimal::new(7525, 2))])
        .with_baris([Sel::from(Inline::plain("SMP [negeri]")), Sel::from(80)])
        .with_keterangan("Capaian per jenjang");
        let daftar = Daftar::new(GayaDaftar::Huruf)
            .with_mulai(2)
            .with_butir("satu")
            .with_butir(Butir::new("dua").with_isi(Daftar::new(GayaDaftar::Strip).with_butir("x")));
        let plain = "Target 100% * 2 [revisi] _draf_ <b> & 1. bukan daftar";
        let report = minimal()
            .with_analisis(Analisis::new(
                "IKK 1.2",
                Inline::plain(plain),
                Inline::plain("-"),
                Blok::paragraf("Terus"),
            ))
            .with_sasaran(
                Sasaran::new("SK 2.0", "Sasaran dua").with_indikator(
                    Indikator::new("IKK 1.2", "Predikat")
                        .with_satuan("Predikat")
                        .with_target_pk("A")
                        .with_target(None::<i32>)
                        .with_capaian(Nilai::TidakAda),
                ),
            )
            .with_rekomendasi(tabel)
            .with_rekomendasi(daftar)
            .with_rincian(
                Rincian::output("2", "Dua")
                    .with_volume(2, "Dokumen")
                    .with_capaian(1)
                    .with_pagu(10)
                    .with_realisasi(4)
                    .with_sisa_capaian(1)
                    .with_sisa_anggaran(6),
            )
            .with_total(
                Total::default()
                    .with_pagu(1_000_010)
                    .with_realisasi(250_004),
            )
            .with_catatan("Catatan *sendiri*")
            .with_tanda_tangan(
                TandaTangan::default()
                    .with_tag(Some('^'))
                    .with_kotak_mm(25.0, 25.0)
                    .with_field("ttd"),
            )
            .with_schema("https://example.org/lapkin.schema.json");
        crate::check(&report, &crate::RenderOptions::default()).unwrap();
        let json = serde_json::to_vec(&report).unwrap();
        let parsed = crate::parse_report(&json).unwrap();
        assert_eq!(parsed, report);
        assert_eq!(
            parsed.analisis[1].progress,
            Some(vec![Blok::Paragraf(Inline::plain(plain))])
        );
        let Some(Blok::Paragraf(text)) = parsed.analisis[1].progress.as_ref().map(|p| &p[0]) else {
            unreachable!()
        };
        assert_eq!(text.plain_text().unwrap(), plain);
    }

    /// Figures by name: a row or an indicator built with them equals the
    /// same from JSON, whatever order the names come in; a figure left out
    /// is refused by the checks at its path.
    #[test]
    fn figures_are_given_by_name_and_a_missing_one_is_refused_at_its_path() {
        let row = Rincian::output("1", "Satu")
            .with_pagu(10)
            .with_realisasi(4)
            .with_capaian(1)
            .with_volume(2, "Dokumen");
        let json: Rincian = serde_json::from_str(
            r#"{"kode": "1", "uraian": "Satu", "satuan": "Dokumen", "volume": 2, "capaian": 1, "pagu": 10, "realisasi": 4}"#,
        )
        .unwrap();
        assert_eq!(row, json);
        let ikk = Indikator::new("IKK 1.1", "Layanan")
            .with_capaian(7)
            .with_target(5)
            .with_target_pk("A")
            .with_satuan("%")
            .with_nilai(NilaiIndikator::Tw2, 6)
            .with_no("1.a");
        assert_eq!(ikk.target_pk, Nilai::Teks("A".into()));
        assert_eq!(
            (&ikk.target, &ikk.capaian, &ikk.tw2),
            (&Nilai::from(5), &Nilai::from(7), &Nilai::from(6))
        );
        assert_eq!(ikk.no, Some(Nomor("1.a".into())));

        let mut report = minimal();
        if let Some(anggaran) = report.anggaran.as_mut() {
            anggaran.rincian = vec![Rincian::output("1", "Satu").with_volume(2, "Dokumen")];
        }
        let err = crate::check(&report, &crate::RenderOptions::default()).unwrap_err();
        let missing: Vec<String> = err
            .problems()
            .iter()
            .filter(|p| p.kind == crate::problem::Kind::RowFigureMissing)
            .filter_map(|p| p.path().map(ToString::to_string))
            .collect();
        assert_eq!(
            missing,
            ["anggaran.rincian[0].pagu", "anggaran.rincian[0].realisasi"]
        );
    }

    /// An analysis built with its parts passes the checks; one of its own
    /// parts under its own heading too, and both survive the JSON round trip.
    #[test]
    fn analyses_built_with_their_parts_pass_the_checks() {
        let report = minimal().with_analisis(
            Analisis::headed(
                "3.2.1. Indikator tambahan",
                BagianAnalisis::new("Faktor Pendukung :", "Harga pakan stabil."),
            )
            .with_bagian(BagianAnalisis::new("Solusi :", "Pendampingan.").with_isi("Evaluasi.")),
        );
        crate::check(&report, &crate::RenderOptions::default()).unwrap();
        let parsed = crate::parse_report(&serde_json::to_vec(&report).unwrap()).unwrap();
        assert_eq!(parsed, report);
        let bagian = parsed.analisis[1].bagian.as_ref().unwrap();
        assert_eq!((bagian.len(), bagian[1].isi.len()), (2, 2));
    }
}
