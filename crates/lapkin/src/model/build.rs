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
//!     Indikator::new("IKK 1.1", "Persentase layanan tepat waktu", "%", 90, 20, Decimal::new(225, 1)),
//! ))
//! .with_analisis(
//!     Analisis::new("IKK 1.1")
//!         .with_progress("Rapat koordinasi *daring*.")
//!         .with_kendala(Inline::plain("Tidak ada kendala (0% * 2)."))
//!         .with_strategi("Melanjutkan kegiatan."),
//! )
//! .with_rincian(Rincian::new("123456.AB.1234.ABC.001", "Layanan Perkantoran", "Layanan", 1, 0, 1_000_000, 250_000))
//! .with_rekomendasi("Melanjutkan kegiatan sesuai rencana.");
//! assert!(lapkin::check(&report, &lapkin::RenderOptions::default()).is_ok());
//! ```

use rust_decimal::Decimal;

use super::{
    Analisis, Anggaran, Baris, Block, Butir, Daftar, GayaDaftar, Halaman, Indikator, Inline,
    Kinerja, Kolom, Nilai, Penutup, Rata, Report, Rincian, Sasaran, Sel, Susunan, TandaTangan,
    Tanggal, Total, Unit,
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
    pub fn with_sasaran(mut self, sasaran: Sasaran) -> Report {
        self.kinerja.sasaran.push(sasaran);
        self
    }

    /// Adds the analysis of one indicator to section B.
    pub fn with_analisis(mut self, analisis: Analisis) -> Report {
        self.analisis.push(analisis);
        self
    }

    /// Adds a budget row to section C.
    pub fn with_rincian(mut self, rincian: Rincian) -> Report {
        self.anggaran
            .get_or_insert_with(Anggaran::default)
            .rincian
            .push(rincian);
        self
    }

    /// Sets the Total row of section C as stated in the source, to be
    /// checked against the sums.
    pub fn with_total(mut self, total: Total) -> Report {
        self.anggaran.get_or_insert_with(Anggaran::default).total = Some(total);
        self
    }

    /// Sets the title as printed, one entry per line.
    pub fn with_judul<S: Into<String>>(mut self, lines: impl IntoIterator<Item = S>) -> Report {
        self.judul = Some(Baris(lines.into_iter().map(Into::into).collect()));
        self
    }

    /// Sets the sections: their order, headings and numbering.
    pub fn with_susunan(mut self, susunan: Susunan) -> Report {
        self.susunan = Some(susunan);
        self
    }

    /// Sets what every page carries besides the body.
    pub fn with_halaman(mut self, halaman: Halaman) -> Report {
        self.halaman = halaman;
        self
    }

    /// Adds a block (a paragraph from a `&str`, a [`Daftar`], a [`Tabel`](super::Tabel))
    /// to section D, the recommendation.
    pub fn with_rekomendasi(mut self, block: impl Into<Block>) -> Report {
        self.rekomendasi.push(block.into());
        self
    }

    /// Adds an item to the legal note at the foot of every page; the first
    /// one replaces the standard note.
    pub fn with_catatan(mut self, item: impl Into<Inline>) -> Report {
        self.catatan.get_or_insert_with(Vec::new).push(item.into());
        self
    }

    /// Sets how the electronic signature is prepared.
    pub fn with_tanda_tangan(mut self, tanda_tangan: TandaTangan) -> Report {
        self.tanda_tangan = tanda_tangan;
        self
    }

    /// Sets the `$schema` link written into the JSON for editors.
    pub fn with_schema(mut self, url: impl Into<String>) -> Report {
        self.schema = Some(url.into());
        self
    }
}

impl Unit {
    /// A unit: its short name (in the title), its full name (the PDF's
    /// author) and its province.
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
    pub fn new(kode: impl Into<String>, uraian: impl Into<Inline>) -> Sasaran {
        Sasaran {
            kode: Some(kode.into()),
            uraian: uraian.into(),
            indikator: Vec::new(),
        }
    }

    /// Adds an indicator.
    pub fn with_indikator(mut self, indikator: Indikator) -> Sasaran {
        self.indikator.push(indikator);
        self
    }
}

impl Indikator {
    /// An indicator: its code (e.g. "IKK 1.1"), text, unit of the values
    /// (e.g. "%"), the target of the performance agreement, the quarter's
    /// target and the achievement. A value is a number
    /// (`90`, `Decimal::new(225, 1)`), a text (`"A"`) or [`Nilai::TidakAda`].
    pub fn new(
        kode: impl Into<String>,
        uraian: impl Into<Inline>,
        satuan: impl Into<String>,
        target_pk: impl Into<Nilai>,
        target: impl Into<Nilai>,
        capaian: impl Into<Nilai>,
    ) -> Indikator {
        Indikator {
            no: None,
            kode: Some(kode.into()),
            uraian: uraian.into(),
            target_pk: target_pk.into(),
            satuan: Some(satuan.into()),
            target: target.into(),
            capaian: capaian.into(),
            target_renaksi: Nilai::TidakAda,
            realisasi: Nilai::TidakAda,
            tw1: Nilai::TidakAda,
            tw2: Nilai::TidakAda,
            tw3: Nilai::TidakAda,
            tw4: Nilai::TidakAda,
            keterangan: None,
        }
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
    /// 1.1"), with empty parts: add blocks with the `with_…` methods.
    pub fn new(indikator: impl Into<String>) -> Analisis {
        Analisis {
            indikator: Some(indikator.into()),
            judul: None,
            progress: Some(Vec::new()),
            kendala: Some(Vec::new()),
            strategi: Some(Vec::new()),
            bagian: None,
        }
    }

    /// Adds a block to *Progress / Kegiatan*.
    pub fn with_progress(mut self, block: impl Into<Block>) -> Analisis {
        self.progress
            .get_or_insert_with(Vec::new)
            .push(block.into());
        self
    }

    /// Adds a block to *Kendala / Permasalahan*.
    pub fn with_kendala(mut self, block: impl Into<Block>) -> Analisis {
        self.kendala.get_or_insert_with(Vec::new).push(block.into());
        self
    }

    /// Adds a block to *Strategi / Tindak Lanjut*.
    pub fn with_strategi(mut self, block: impl Into<Block>) -> Analisis {
        self.strategi
            .get_or_insert_with(Vec::new)
            .push(block.into());
        self
    }
}

impl Block {
    /// A paragraph; a `&str` is read as inline markup (`*italic*`,
    /// `**bold**`, links), use [`Inline::plain`] for text printed as is.
    pub fn paragraf(text: impl Into<Inline>) -> Block {
        Block::Paragraf(text.into())
    }
}

impl From<Inline> for Block {
    /// A paragraph.
    fn from(text: Inline) -> Self {
        Block::Paragraf(text)
    }
}

impl From<&str> for Block {
    /// A paragraph of inline markup, as [`Inline::new`] reads it.
    fn from(text: &str) -> Self {
        Block::Paragraf(Inline::new(text))
    }
}

impl From<String> for Block {
    /// A paragraph of inline markup, as [`Inline::new`] reads it.
    fn from(text: String) -> Self {
        Block::Paragraf(Inline::new(text))
    }
}

impl From<Daftar> for Block {
    /// A list.
    fn from(daftar: Daftar) -> Self {
        Block::Daftar(daftar)
    }
}

impl From<super::Tabel> for Block {
    /// A table.
    fn from(tabel: super::Tabel) -> Self {
        Block::Tabel(tabel)
    }
}

impl Daftar {
    /// An empty list with markers of style `gaya`, numbered from 1.
    pub fn new(gaya: GayaDaftar) -> Daftar {
        Daftar {
            gaya,
            mulai: 1,
            butir: Vec::new(),
        }
    }

    /// Numbers the first item `mulai` (1 = `1.` or `a.`), to continue a
    /// list after a paragraph or a table.
    pub fn with_mulai(mut self, mulai: u32) -> Daftar {
        self.mulai = mulai;
        self
    }

    /// Adds an item: a `&str` (inline markup), an [`Inline`] or a
    /// [`Butir`] with blocks under it.
    pub fn with_butir(mut self, butir: impl Into<Butir>) -> Daftar {
        self.butir.push(butir.into());
        self
    }
}

impl Butir {
    /// An item with its text and nothing under it.
    pub fn new(teks: impl Into<Inline>) -> Butir {
        Butir {
            teks: teks.into(),
            isi: Vec::new(),
        }
    }

    /// Adds a block (a paragraph, a nested list, a table) under the item's
    /// text.
    pub fn with_isi(mut self, block: impl Into<Block>) -> Butir {
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
    pub fn new<K: Into<Kolom>>(kolom: impl IntoIterator<Item = K>) -> super::Tabel {
        super::Tabel {
            judul: None,
            kolom: kolom.into_iter().map(Into::into).collect(),
            baris: Vec::new(),
            keterangan: None,
        }
    }

    /// Adds a row, one cell per column: texts (`"SD"`, an [`Inline`]) and
    /// numbers (`42`, a `Decimal`) as [`Sel`] values, e.g.
    /// `[Sel::from("SD"), Sel::from(42)]`.
    pub fn with_baris<S: Into<Sel>>(mut self, baris: impl IntoIterator<Item = S>) -> super::Tabel {
        self.baris.push(baris.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the caption printed under the table.
    pub fn with_keterangan(mut self, keterangan: impl Into<Inline>) -> super::Tabel {
        self.keterangan = Some(keterangan.into());
        self
    }
}

impl Kolom {
    /// A column with its header text, aligned by default (numbers to the
    /// right).
    pub fn new(judul: impl Into<Inline>) -> Kolom {
        Kolom {
            judul: judul.into(),
            rata: None,
            grup: None,
        }
    }

    /// Sets the alignment of the column's cells.
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
    /// A budget row: its code, description, unit of the volume, target
    /// volume, physical achievement, budget ceiling (pagu) and budget spent
    /// (realisasi), in rupiah. Numbers are anything a `Decimal` is made
    /// from (`42`, `1_000_000i64`, `Decimal::new(25, 1)`). The remainders
    /// are computed; give them with `with_sisa_…` to have them checked.
    pub fn new(
        kode: impl Into<String>,
        uraian: impl Into<Inline>,
        satuan: impl Into<String>,
        volume: impl Into<Decimal>,
        capaian: impl Into<Decimal>,
        pagu: impl Into<Decimal>,
        realisasi: impl Into<Decimal>,
    ) -> Rincian {
        Rincian {
            kode: Some(kode.into()),
            uraian: uraian.into(),
            satuan: Some(satuan.into()),
            volume: Some(volume.into()),
            capaian: Some(capaian.into()),
            sisa_capaian: None,
            pagu: Some(pagu.into()),
            realisasi: Some(realisasi.into()),
            sisa_anggaran: None,
            rpd: None,
            keterangan: None,
            rincian: Vec::new(),
        }
    }

    /// A row by type of spending ("Belanja Pegawai"): its pagu and
    /// realisasi, without code, unit, volume or physical achievement.
    pub fn new_belanja(
        uraian: impl Into<Inline>,
        pagu: impl Into<Decimal>,
        realisasi: impl Into<Decimal>,
    ) -> Rincian {
        Rincian {
            kode: None,
            uraian: uraian.into(),
            satuan: None,
            volume: None,
            capaian: None,
            sisa_capaian: None,
            pagu: Some(pagu.into()),
            realisasi: Some(realisasi.into()),
            sisa_anggaran: None,
            rpd: None,
            keterangan: None,
            rincian: Vec::new(),
        }
    }

    /// Sets the spending plan up to this quarter (RPD).
    pub fn with_rpd(mut self, rpd: impl Into<Decimal>) -> Rincian {
        self.rpd = Some(rpd.into());
        self
    }

    /// Adds a sub-row; this row's figures become the sums of its sub-rows'.
    pub fn with_rincian(mut self, sub: Rincian) -> Rincian {
        if self.rincian.is_empty() {
            (self.pagu, self.realisasi, self.rpd) = (None, None, None);
        }
        self.rincian.push(sub);
        self
    }

    /// States the physical remainder (volume minus capaian), to be checked.
    pub fn with_sisa_capaian(mut self, sisa: impl Into<Decimal>) -> Rincian {
        self.sisa_capaian = Some(sisa.into());
        self
    }

    /// States the budget remainder (pagu minus realisasi), to be checked.
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
    pub fn with_pagu(mut self, pagu: impl Into<Decimal>) -> Total {
        self.pagu = Some(pagu.into());
        self
    }

    /// States the sum of realisasi.
    pub fn with_realisasi(mut self, realisasi: impl Into<Decimal>) -> Total {
        self.realisasi = Some(realisasi.into());
        self
    }

    /// States the sum of sisa anggaran.
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
    pub fn with_keterangan(mut self, keterangan: impl Into<String>) -> Penutup {
        self.keterangan = Some(keterangan.into());
        self
    }

    /// Sets the signature in ink (`false`) or electronic (`true`, the
    /// default).
    pub fn with_elektronik(mut self, elektronik: bool) -> Penutup {
        self.elektronik = elektronik;
        self
    }
}

impl TandaTangan {
    /// Sets the tag character drawn, invisible, at the signature box for
    /// BSrE's `tag_koordinat`; `None` draws none.
    pub fn with_tag(mut self, tag: Option<char>) -> TandaTangan {
        self.tag = tag.map(String::from);
        self
    }

    /// Sets the size of the box reserved for the visual signature, in
    /// millimetres (10 to 80 each).
    pub fn with_kotak_mm(mut self, lebar_mm: f64, tinggi_mm: f64) -> TandaTangan {
        self.lebar_mm = lebar_mm;
        self.tinggi_mm = tinggi_mm;
        self
    }

    /// Adds an empty signature field of this name over the box, for PAdES
    /// signers.
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
        assert_eq!(Block::from("*a*"), Block::Paragraf(Inline::new("*a*")));
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
            Sasaran::new("SK 1.0", "Meningkatnya mutu layanan").with_indikator(Indikator::new(
                "IKK 1.1",
                "Persentase layanan yang tepat waktu",
                "%",
                90,
                20,
                Decimal::new(225, 1),
            )),
        )
        .with_analisis(
            Analisis::new("IKK 1.1")
                .with_progress("Kegiatan yang sudah dilakukan adalah rapat koordinasi.")
                .with_kendala("Tidak ada kendala.")
                .with_strategi("Melanjutkan kegiatan."),
        )
        .with_rincian(Rincian::new(
            "123456.AB.1234.ABC.001",
            "Layanan Perkantoran",
            "Layanan",
            1,
            0,
            1_000_000,
            250_000,
        ))
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
            .with_analisis(
                Analisis::new("IKK 1.2")
                    .with_progress(Inline::plain(plain))
                    .with_kendala(Inline::plain("-"))
                    .with_strategi(Block::paragraf("Terus")),
            )
            .with_sasaran(
                Sasaran::new("SK 2.0", "Sasaran dua").with_indikator(Indikator::new(
                    "IKK 1.2",
                    "Predikat",
                    "Predikat",
                    "A",
                    None::<i32>,
                    Nilai::TidakAda,
                )),
            )
            .with_rekomendasi(tabel)
            .with_rekomendasi(daftar)
            .with_rincian(
                Rincian::new("2", "Dua", "Dokumen", 2, 1, 10, 4)
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
            Some(vec![Block::Paragraf(Inline::plain(plain))])
        );
        let Some(Block::Paragraf(text)) = parsed.analisis[1].progress.as_ref().map(|p| &p[0])
        else {
            unreachable!()
        };
        assert_eq!(text.plain_text().unwrap(), plain);
    }
}
