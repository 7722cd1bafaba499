//! Helpers shared by the integration tests: where the fixtures are, and
//! loading them.

use std::path::{Path, PathBuf};

#[path = "gen.rs"]
pub mod generate;

/// Other units' shapes of a report, for the generated reports.
pub mod shapes;

/// Hostile PDFs for extract and verify.
pub mod hostile_pdf;

/// Arbitrary layouts, documents and styles, and what must hold for them.
pub mod values;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// The path of a fixture, e.g. `fixture("minimal.json")`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The bytes of a fixture.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// A fixture parsed and checked; panics with the problems if it is invalid.
pub fn load_report(name: &str) -> lapkin::Report {
    lapkin::parse_report(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The files `report` names (its images), read relative to `dir`, as the
/// command reads them relative to the JSON file's folder.
pub fn files_in(report: &lapkin::Report, dir: &Path) -> lapkin::media::Files {
    let mut files = lapkin::media::Files::new();
    for f in report.files() {
        let path = dir.join(f);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        files.insert(f, bytes);
    }
    files
}

/// A fixture and render options holding the files it names (its images),
/// read relative to the fixture's own folder, as the command reads them.
pub fn load_with_files(name: &str) -> (lapkin::Report, lapkin::RenderOptions) {
    let report = load_report(name);
    let path = fixture(name);
    let files = files_in(&report, path.parent().expect("a fixture's folder"));
    (report, lapkin::RenderOptions::default().with_files(files))
}

/// The name of the reference fixture: the whole source document.
pub const REFERENCE: &str = "bpmp-bengkulu-2024-tw2.json";

/// A report laid out with `opts`: validated, its document built, paginated
/// (what `render` does before writing the PDF).
pub fn layout_report(
    report: &lapkin::Report,
    opts: &lapkin::RenderOptions,
) -> lapkin::Result<lapkin::layout::Layout> {
    lapkin::validate_with_files(report, &opts.fonts, &opts.files)?.layout(opts)
}

/// The PDF of `report` as `lapkin::render` makes it, without the rest of
/// [`lapkin::Rendered`].
pub fn render_pdf(
    report: &lapkin::Report,
    opts: &lapkin::RenderOptions,
) -> lapkin::Result<Vec<u8>> {
    lapkin::render(report, opts).map(|r| r.pdf)
}

/// `report` as a whole LKj would show it: a cover with the logo (its
/// sections in the standard order after it), the organisation chart in
/// section D and ten charts, five of table A and five of the budget
/// (the files are `fixtures/img/`'s, named relative to `fixtures/`).
pub fn with_figures(report: &lapkin::Report) -> lapkin::Report {
    let mut r = report.clone();
    r.sampul = Some(
        serde_json::from_value(serde_json::json!({
            "logo": "img/logo.png",
            "instansi": ["KEMENTERIAN CONTOH"],
            "judul": ["LAPORAN KINERJA"]
        }))
        .expect("a cover"),
    );
    let parts = [
        "sampul",
        "kinerja",
        "analisis",
        "anggaran",
        "rekomendasi",
        "penutup",
    ];
    let bagian: Vec<serde_json::Value> = (parts.iter())
        .map(|j| serde_json::json!({ "jenis": j }))
        .collect();
    r.susunan =
        Some(serde_json::from_value(serde_json::json!({ "bagian": bagian })).expect("sections"));
    let block = |v: serde_json::Value| serde_json::from_value(v).expect("a block");
    r.rekomendasi.push(block(serde_json::json!({"gambar": {
        "berkas": "img/struktur.png", "judul": "Struktur Organisasi", "alt": "Bagan organisasi"}})));
    for k in 0..10 {
        let sumber = if k % 2 == 0 { "kinerja" } else { "anggaran" };
        r.rekomendasi.push(block(serde_json::json!({"grafik": {
            "sumber": sumber, "judul": format!("Grafik {}", k + 1)}})));
    }
    r
}

/// A large report made from `base`: its sections A and B repeated `times`
/// times (indicator codes made unique), and section C with `rows` rows.
/// The reference fixture with 50 and 5,000 gives about 800 pages.
pub fn big_report(base: &lapkin::Report, times: usize, rows: usize) -> lapkin::Report {
    use rust_decimal::Decimal;
    let mut r = base.clone();
    r.kinerja.sasaran.clear();
    r.analisis.clear();
    for n in 1..=times {
        for s in &base.kinerja.sasaran {
            let mut s = s.clone();
            s.kode = s.kode.map(|k| format!("{k} /{n}"));
            for i in &mut s.indikator {
                i.kode = i.kode.as_ref().map(|k| format!("{k} /{n}"));
            }
            r.kinerja.sasaran.push(s);
        }
        for a in &base.analisis {
            let mut a = a.clone();
            a.indikator = a.indikator.map(|k| format!("{k} /{n}"));
            r.analisis.push(a);
        }
    }
    let template = base
        .anggaran
        .as_ref()
        .map(|a| a.rincian.clone())
        .unwrap_or_default();
    if let Some(a) = &mut r.anggaran
        && !template.is_empty()
    {
        a.total = None;
        a.rincian = (0..rows)
            .map(|k| {
                let mut row = template[k % template.len()].clone();
                row.kode = Some(format!("419548.DI.6397.QDB.{k:05}"));
                row.pagu = row.pagu.map(|p| p + Decimal::from(k as i64 * 1000));
                row.sisa_capaian = None;
                row.sisa_anggaran = None;
                row
            })
            .collect();
    }
    r
}

/// What breaks the contract between `check` and `render` of one report,
/// a line each: they agree, and a refusal is the input's fault, said in the
/// user's terms (never an internal error). Shared by the property tests and
/// the fuzz targets.
pub fn check_render_disagreement<T>(
    checked: &lapkin::Result<()>,
    rendered: &lapkin::Result<T>,
) -> Vec<String> {
    let mut broken = Vec::new();
    match (checked, rendered) {
        (Ok(()), Err(e)) => broken.push(format!("check accepted it but render refused it: {e}")),
        (Err(e), Ok(_)) => broken.push(format!("check refused it but render accepted it: {e}")),
        (Err(c), Err(r)) if c != r => broken.push(format!(
            "check and render refused it differently: {c} / {r}"
        )),
        _ => {}
    }
    for e in [checked.as_ref().err(), rendered.as_ref().err()]
        .into_iter()
        .flatten()
    {
        if !e.is_input_error() {
            broken.push(format!("refused with an internal error: {e}"));
        }
    }
    broken
}

/// What a text run's glyphs read as in the PDF: its text, except that a
/// hyphen the line breaker added at the end of a line (the first part of a
/// hyphenated word, whose whole word does not start with the part) reads
/// as U+00AD SOFT HYPHEN, not as the `-` it looks like.
pub fn drawn_text(t: &lapkin::layout::TextRun) -> String {
    match t.actual_text.as_deref() {
        Some(whole)
            if !whole.is_empty() && t.text.ends_with('-') && !whole.starts_with(&t.text) =>
        {
            format!("{}\u{ad}", &t.text[..t.text.len() - 1])
        }
        _ => t.text.clone(),
    }
}

/// The words hyphenated across lines on a page, each as its parts read
/// (see [`drawn_text`]): a first part (a run with the whole word as its
/// `actual_text`) and the run drawn right after it, which ends the word.
pub fn hyphenated_words(page: &lapkin::layout::Page) -> Vec<(String, String)> {
    let runs: Vec<&lapkin::layout::TextRun> = page
        .all_items()
        .filter_map(|i| match i {
            lapkin::layout::Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    runs.windows(2)
        .filter(|w| w[0].actual_text.as_deref().is_some_and(|a| !a.is_empty()))
        .map(|w| (drawn_text(w[0]), w[1].text.clone()))
        .collect()
}

/// A literal string's bytes as ISO 32000-1 (7.3.4.2) reads them, from
/// just after its `(` to its closing `)`, or `None` if it does not close:
/// escapes, octal codes, a backslash before an end of line skipped, and
/// an end of line (CR, LF or CR LF) without a backslash read as one LF,
/// as MuPDF and Ghostscript read it.
pub fn read_literal(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let (mut out, mut depth, mut i) = (Vec::new(), 0usize, 0);
    let eol = |i: usize| match s.get(i) {
        Some(b'\r') if s.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    };
    while let Some(&b) = s.get(i) {
        match b {
            b'\\' => {
                let e = *s.get(i + 1)?;
                i += 2;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        while i < s.len() && (b'0'..=b'7').contains(&s[i]) && v < 32 {
                            v = v * 8 + u32::from(s[i] - b'0');
                            i += 1;
                        }
                        out.push(v as u8);
                    }
                    b'\r' | b'\n' => i += eol(i - 1) - 1,
                    other => out.push(other),
                }
                continue;
            }
            b'\r' | b'\n' => {
                out.push(b'\n');
                i += eol(i);
                continue;
            }
            b'(' => depth += 1,
            b')' if depth == 0 => return Some((out, i + 1)),
            b')' => depth -= 1,
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    None
}
