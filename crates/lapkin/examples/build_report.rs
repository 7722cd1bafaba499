//! Builds a complete *Laporan Kinerja Triwulan* in code, without JSON, and
//! writes its PDF:
//!
//! ```text
//! cargo run -p lapkin --example build_report -- target/build_report.pdf
//! ```
//!
//! It shows the model's constructors (`Report::new`, `Unit::new`,
//! `Indikator::new`, ...) and `with_…` methods, the two kinds of text
//! (`"..."`/`Inline::new` read `*italic*`, `**bold**` and links;
//! `Inline::plain` prints every character as given, no escaping needed),
//! a nested list and a table inside the text, and `lapkin::render`. It reads
//! no file; the PDF goes to the first argument (default
//! `target/build_report.pdf`), and the path and page count to stderr.

use lapkin::Decimal;
use lapkin::model::{
    Analisis, Butir, Daftar, GayaDaftar, Indikator, Inline, Kolom, Nilai, Penutup, Rata, Report,
    Rincian, Sasaran, Sel, Tabel, Tanggal, Unit,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/build_report.pdf".to_owned());

    let report = laporan()?;
    let rendered = lapkin::render(&report, &lapkin::RenderOptions::default())?;
    std::fs::write(&out, &rendered.pdf).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("{out}: {} pages", rendered.pages);
    Ok(())
}

/// The report of a fictitious unit for the first quarter of 2025.
fn laporan() -> Result<Report, lapkin::Problem> {
    let unit = Unit::new(
        "BPMP Provinsi Contoh",
        "Balai Penjaminan Mutu Pendidikan Provinsi Contoh",
        "Contoh",
    );
    let penutup = Penutup::new(
        "Kota Contoh",
        Tanggal::new(2025, 4, 10)?,
        "Kepala Balai Penjaminan Mutu Pendidikan Provinsi Contoh,",
        "Dr. Nama Pejabat, M.Pd.",
        "197001012000031001",
    );
    let mut report = Report::new(unit, 1, 2025, penutup);
    for s in sasaran() {
        report = report.with_sasaran(s);
    }
    for a in analisis() {
        report = report.with_analisis(a);
    }
    for r in rincian() {
        report = report.with_rincian(r);
    }
    // D. An intro paragraph and a numbered list.
    let rekomendasi = Daftar::new(GayaDaftar::Angka)
        .with_butir("Mempercepat pelaksanaan pendampingan pada triwulan 2.")
        .with_butir("Memperkuat koordinasi dengan dinas pendidikan kabupaten/kota.");
    Ok(report
        .with_rekomendasi("Berdasarkan capaian triwulan 1, pimpinan merekomendasikan:")
        .with_rekomendasi(rekomendasi))
}

/// A. Two sasaran with their indicators: numbers, a grade, a value not
/// available yet.
fn sasaran() -> [Sasaran; 2] {
    let sasaran_1 = Sasaran::new(
        "SK 1.0",
        "Meningkatnya mutu pendidikan jenjang PAUD, Dikdas, dan Dikmen",
    )
    .with_indikator(
        Indikator::new(
            "IKK 1.1",
            "Persentase satuan pendidikan yang mendapatkan fasilitasi penjaminan mutu",
        )
        .with_satuan("%")
        .with_target_pk(80)
        .with_target(20)
        .with_capaian(Decimal::new(2215, 2)), // 22,15
    )
    .with_indikator(
        Indikator::new("IKK 1.2", "Predikat mutu layanan penjaminan mutu")
            .with_satuan("Predikat")
            .with_target_pk("A")
            .with_target("B")
            .with_capaian(Nilai::TidakAda),
    );
    let sasaran_2 = Sasaran::new("SK 2.0", "Meningkatnya tata kelola satuan kerja").with_indikator(
        Indikator::new("IKK 2.1", "Nilai kinerja anggaran")
            .with_satuan("Nilai")
            .with_target_pk(Decimal::new(9000, 2))
            .with_target(Decimal::new(8500, 2))
            .with_capaian(Decimal::new(9115, 2)),
    );
    [sasaran_1, sasaran_2]
}

/// B. The analysis of each indicator; a table and a nested list inside
/// the text.
fn analisis() -> [Analisis; 3] {
    let tabel = Tabel::new([
        Kolom::new("Jenjang"),
        Kolom::new("Sasaran").with_rata(Rata::Kanan),
        Kolom::new("Terfasilitasi").with_rata(Rata::Kanan),
    ])
    .with_baris([Sel::from("SD"), Sel::from(120), Sel::from(31)])
    .with_baris([Sel::from("SMP"), Sel::from(60), Sel::from(14)])
    .with_baris([
        Sel::from(Inline::plain("SMA/SMK [negeri & swasta]")),
        Sel::from(40),
        Sel::from(6),
    ])
    .with_keterangan("Satuan pendidikan yang difasilitasi per jenjang, triwulan 1");
    let kegiatan = Daftar::new(GayaDaftar::Angka)
        .with_butir(
            Butir::new("Pendampingan perencanaan berbasis data:").with_isi(
                Daftar::new(GayaDaftar::Huruf)
                    .with_butir("analisis *Rapor Pendidikan*;")
                    .with_butir("penyusunan rencana kerja sekolah."),
            ),
        )
        .with_butir("Bimbingan teknis **Kurikulum Merdeka**.");
    // Each part's first block (Progress, Kendala, Strategi), then more blocks of a part.
    let analisis_1 = Analisis::new(
        "IKK 1.1",
        "Pada triwulan 1 telah dilaksanakan fasilitasi penjaminan mutu melalui *workshop* \
         dan **pendampingan** langsung ke satuan pendidikan, sebagai berikut:",
        "Jadwal kegiatan bersamaan dengan asesmen nasional.",
        "Menyusun jadwal bersama dinas pendidikan.",
    )
    .with_progress(kegiatan)
    .with_progress(tabel)
    .with_progress(Inline::plain(
        "Capaian 22,15% dari target 20% (rumus: terfasilitasi / sasaran * 100) \
         [sumber: aplikasi_pemantauan <v2>].",
    ));
    let analisis_2 = Analisis::new(
        "IKK 1.2",
        "Penilaian predikat dilakukan pada akhir tahun.",
        Inline::plain("-"),
        "Menyiapkan bukti dukung sejak awal tahun.",
    );
    let analisis_3 = Analisis::new(
        "IKK 2.1",
        "Realisasi anggaran sesuai rencana penarikan dana.",
        "Tidak ada kendala.",
        "Memantau realisasi setiap bulan.",
    );
    [analisis_1, analisis_2, analisis_3]
}

/// C. Budget rows, in rupiah.
fn rincian() -> [Rincian; 2] {
    let rincian_1 = Rincian::output(
        "419548.DI.6397.QDB.750",
        "Satuan Dikdas dan Dikmen yang difasilitasi penjaminan mutunya",
    )
    .with_volume(220, "Lembaga")
    .with_capaian(51)
    .with_pagu(1_250_000_000_i64)
    .with_realisasi(310_450_000_i64);
    let rincian_2 = Rincian::output("419548.WA.4471.EBA.994", "Layanan Perkantoran")
        .with_volume(1, "Layanan")
        .with_capaian(0)
        .with_pagu(3_400_000_000_i64)
        .with_realisasi(812_300_500_i64);
    [rincian_1, rincian_2]
}
