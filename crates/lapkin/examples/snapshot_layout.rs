//! Snapshot-tests a layout with [insta](https://insta.rs), as a crate that
//! depends on lapkin would: build a small report in code, lay it out with
//! `lapkin::validate` and `CheckedReport::layout`, and compare the layout's text dump (the
//! `Display` of `Layout`: every text run, rule and box with its position,
//! face and size) and its outline and signature box as JSON with the
//! snapshots committed beside this file (`examples/snapshots/`).
//!
//! `cargo test -p lapkin --example snapshot_layout` runs the tests (it is an
//! example with `test = true`, so `cargo test --workspace` runs them too);
//! `cargo run -p lapkin --example snapshot_layout` prints the dump.
//!
//! In your own crate, do the same in `tests/layout.rs`:
//!
//! ```toml
//! [dev-dependencies]
//! lapkin = "0.1"
//! insta = { version = "1", features = ["json"] }
//! ```
//!
//! with the `#[test]` functions below; the snapshots go to
//! `tests/snapshots/`. Run `cargo insta test --review` (or
//! `INSTA_UPDATE=always cargo test` and read the diff) to accept a change,
//! commit the `.snap` files, and run CI with `INSTA_UPDATE=no` so that a
//! missing or changed snapshot fails. Pin lapkin's version: a new version
//! that moves a line by a point changes the snapshots, by design.

use lapkin::model::{
    Analisis, Daftar, GayaDaftar, Indikator, Inline, Kolom, Penutup, Report, Rincian, Sasaran, Sel,
    Tabel, Tanggal, Unit,
};

/// A one-page report with a list and a table in its text.
fn report() -> Report {
    let tanggal = Tanggal::new(2025, 4, 10).unwrap_or_else(|e| panic!("{e}"));
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
                .with_capaian(22),
        ),
    )
    .with_analisis(
        Analisis::new(
            "IKK 1.1",
            "Kegiatan *daring* dan **luring**:",
            "Tidak ada kendala.",
            "Melanjutkan kegiatan.",
        )
        .with_progress(
            Daftar::new(GayaDaftar::Huruf)
                .with_butir("rapat koordinasi;")
                .with_butir(Inline::plain("survei [tahap 1] 50% * 2.")),
        )
        .with_progress(
            Tabel::new([Kolom::new("Layanan"), Kolom::new("Jumlah")])
                .with_baris([Sel::from("Konsultasi"), Sel::from(12)]),
        ),
    )
    .with_rincian(
        Rincian::output("123456.AB.1234.ABC.001", "Layanan Perkantoran")
            .with_volume(1, "Layanan")
            .with_capaian(0)
            .with_pagu(1_000_000)
            .with_realisasi(250_000),
    )
    .with_rekomendasi("Melanjutkan kegiatan sesuai rencana.")
}

/// The report laid out as `render` lays it out: validated, then paginated.
fn layout(report: &Report) -> lapkin::Result<lapkin::layout::Layout> {
    let opts = lapkin::RenderOptions::default();
    lapkin::validate(report, &opts.fonts)?.layout(&opts)
}

fn main() -> Result<(), lapkin::Error> {
    let layout = layout(&report())?;
    print!("{layout}");
    Ok(())
}

/// The whole page dump: any change in wording, position, face or size
/// shows as a line of the diff.
#[test]
fn layout_dump() {
    let layout = layout(&report()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(layout.pages.len(), 2);
    insta::assert_snapshot!(layout.to_string());
}

/// Parts of the serialized layout: the bookmarks and the box reserved for
/// the signature.
#[test]
fn outline_and_signature_box() {
    let layout = layout(&report()).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_json_snapshot!("outline", layout.outline);
    insta::assert_json_snapshot!("signature", layout.signatures);
}
