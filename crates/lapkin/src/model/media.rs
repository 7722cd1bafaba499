//! Figures and the cover: images from files named in the report
//! (`gambar`), charts drawn from the report's own figures (`grafik`) and
//! the cover page (`sampul`).
//!
//! The files themselves are not in the report: a caller gives their bytes
//! ([`crate::media::Files`]); the command-line tool reads them relative to
//! the JSON file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Baris, Inline, Nilai, Report};
use crate::media::{FileError, Files, Loaded, MAX_FILE_BYTES};
use crate::problem::{Arg, JsonPath, Kind, Problem};

/// An image in the text, from a PNG or JPEG file: `{"gambar": {"berkas":
/// "img/struktur.png", "judul": "Struktur Organisasi", "alt": "Bagan: …"}}`.
/// Scaled to `lebar_mm` or to the text width (never wider), kept whole on
/// one page, with its caption "Gambar N. judul" below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Gambar {
    /// The file, a path relative to the JSON file (`img/logo.png`): a PNG
    /// or a JPEG of at most 16 MiB.
    #[schemars(length(min = 1))]
    pub berkas: String,
    /// The caption printed below the image, after its number ("Gambar 3.
    /// Struktur Organisasi"). Left out: no caption and no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// What the image shows, in words, for screen readers and search (the
    /// `/Alt` text of its `Figure` element). Required: an image without it
    /// is lost to a reader who cannot see it.
    #[schemars(length(min = 1))]
    pub alt: String,
    /// The printed width in millimetres; left out, the text width (or the
    /// image's own size at 150 dpi, if smaller). Never wider than the
    /// text; a figure taller than the page is scaled down to fit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 5.0, max = 1000.0))]
    pub lebar_mm: Option<f64>,
    /// An identifier, for cross-references (`[](#struktur)`) and the
    /// list of figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A bar chart drawn from the report's figures: `{"grafik": {"sumber":
/// "kinerja", "judul": "Target dan Realisasi per Indikator"}}`. Vector
/// graphics, in grey shades; its alternative text is generated from the
/// figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Grafik {
    /// Which figures: `kinerja`, each indicator of table A, its target
    /// (100 %) against its realisation as a percentage of the target;
    /// `triwulan`, one indicator (`indikator`) quarter by quarter, its
    /// cumulative values `tw1` to `tw4` against its year's target
    /// (`target_pk`); or `anggaran`, each top-level budget row, its pagu
    /// against its realisasi in millions of rupiah.
    pub sumber: SumberGrafik,
    /// For `"sumber": "triwulan"`: the code of the indicator ("IKK 1.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indikator: Option<String>,
    /// The caption printed below the chart, after its number ("Gambar 2.
    /// …"). Left out: no caption and no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Inline>,
    /// An identifier, for cross-references and the list of figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The figures a chart is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SumberGrafik {
    /// Table A: each indicator's target against its realisation.
    Kinerja,
    /// One indicator of table A quarter by quarter: `tw1` to `tw4`
    /// against `target_pk`.
    Triwulan,
    /// Section C: each top-level budget row's pagu against its realisasi.
    Anggaran,
}

/// The cover page, printed where `{"jenis": "sampul"}` stands in the
/// sections: centred, the logo, the agencies above the unit, the title,
/// the unit and the year; no page number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sampul {
    /// The logo, a PNG or JPEG file relative to the JSON file, printed
    /// 35 mm wide (or `lebar_logo_mm`) at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub logo: Option<String>,
    /// The logo's width in millimetres (default 35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 10.0, max = 150.0))]
    pub lebar_logo_mm: Option<f64>,
    /// What the logo shows, for screen readers. Left out: "Logo" and the
    /// first line of `instansi` (or the unit's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_logo: Option<String>,
    /// The parent agencies, one line each, in capitals as printed
    /// (`["KEMENTERIAN …", "BADAN …"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instansi: Option<Baris>,
    /// The title lines. Left out: the report's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judul: Option<Baris>,
    /// The unit's name, one line each. Left out: `unit.nama_lengkap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Baris>,
    /// The place and year at the foot ("BENGKULU", "2024"), one line
    /// each. Left out: the report's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<Baris>,
}

/// Every file a report names (each figure's `berkas`, the cover's
/// `logo`), with the JSON path where it is named, in document order.
pub(crate) fn files_named(report: &Report) -> Vec<(JsonPath, &str)> {
    use super::walk::{Node, Visit, walk};
    struct Files<'r>(Vec<(JsonPath, &'r str)>);
    impl<'r> Visit<'r> for Files<'r> {
        fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
            match node {
                Node::Gambar(g) => self.0.push((path.child("berkas"), &g.berkas)),
                Node::Sampul(s) => {
                    if let Some(logo) = &s.logo {
                        self.0.push((path.child("logo"), logo));
                    }
                }
                _ => {}
            }
        }
    }
    let mut f = Files(Vec::new());
    walk(report, &mut f);
    f.0
}

impl Report {
    /// The files the report names (each figure's `berkas`, the cover's
    /// `logo`), each once, in the order of the JSON: what a caller gives in
    /// [`Files`].
    ///
    /// ```
    /// let json = std::fs::read("tests-data/minimal.json").unwrap();
    /// let mut report = lapkin::parse_report(&json).unwrap();
    /// assert!(report.files().is_empty());
    /// report.rekomendasi.push(serde_json::from_str(r#"{"gambar": {"berkas": "img/a.png", "alt": "A"}}"#).unwrap());
    /// assert_eq!(report.files(), ["img/a.png"]);
    /// ```
    pub fn files(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (_, name) in files_named(self) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

/// The problems of an image's width (a report built in code skips the
/// schema's range).
pub(crate) fn gambar_problems(path: &JsonPath, g: &Gambar) -> Vec<Problem> {
    let mut out = Vec::new();
    let widths = [("lebar_mm", g.lebar_mm)];
    for (key, w) in widths {
        if let Some(w) = w
            && !(5.0..=1000.0).contains(&w)
        {
            let expected = Arg::both("5 to 1000 (millimetres)", "5 sampai 1000 (milimeter)");
            let p = Problem::new(path.child(key), Kind::OutOfRange)
                .with("expected", expected)
                .with("found", format!("{w}"));
            out.push(p);
        }
    }
    out
}

/// The problems of a chart's figures: each value it draws must be a
/// number, not text (named at its own path; a value left out draws no
/// bar), and there must be something to draw.
pub(crate) fn grafik_problems(path: &JsonPath, g: &Grafik, report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    let not_a_number = |at: JsonPath, found: &Nilai| {
        let found = match found {
            Nilai::Teks(t) => Arg::quoted(t),
            _ => Arg::none(),
        };
        Problem::new(&at, Kind::ChartNotANumber)
            .with("chart", path)
            .with("found", found)
    };
    match g.sumber {
        SumberGrafik::Kinerja => {
            let indicators = JsonPath::root().key("kinerja").key("sasaran");
            for (i, s) in report.kinerja.sasaran.iter().enumerate() {
                for (j, ind) in s.indikator.iter().enumerate() {
                    let at = indicators.clone().index(i).key("indikator").index(j);
                    let (field, done) = realisation(ind);
                    // A value left out or 0 is no bar; text cannot be drawn.
                    if let Nilai::Teks(_) = &ind.target {
                        out.push(not_a_number(at.child("target"), &ind.target));
                    }
                    if let Nilai::Teks(_) = done {
                        out.push(not_a_number(at.child(field), done));
                    }
                }
            }
            if report.indikator().next().is_none() {
                let what = Arg::both("indicators in kinerja", "indikator di kinerja");
                out.push(Problem::new(path, Kind::ChartNoData).with("what", what));
            }
        }
        SumberGrafik::Triwulan => out.extend(triwulan_problems(path, g, report)),
        SumberGrafik::Anggaran => {
            if report
                .anggaran
                .as_ref()
                .is_none_or(|a| a.rincian.is_empty())
            {
                let what = Arg::both("budget rows in anggaran", "rincian di anggaran");
                out.push(Problem::new(path, Kind::ChartNoData).with("what", what));
            }
        }
    }
    out
}

/// Decodes every file `report` names from `files`: the images, or every
/// problem, each at the path that names the file (a file named twice is
/// decoded once, and its problem given once, at the first).
pub(crate) fn load_files(report: &Report, files: &Files) -> Result<Loaded, Vec<Problem>> {
    let (mut loaded, mut problems) = (Loaded::new(), Vec::new());
    let mut seen = std::collections::BTreeSet::new();
    for (path, name) in files_named(report) {
        if !seen.insert(name) {
            continue;
        }
        let found = match files.entry(name) {
            None => Err(Problem::new(&path, Kind::FileNotGiven)),
            Some(Err(FileError::NotFound(at))) => {
                Err(Problem::new(&path, Kind::FileMissing).with("where", Arg::quoted(at)))
            }
            Some(Err(FileError::Unreadable(why))) => {
                Err(Problem::new(&path, Kind::FileUnreadable).with("en_detail", why.as_str()))
            }
            Some(Err(FileError::TooLarge(size))) => Err(too_large(&path, *size)),
            Some(Ok(bytes)) if bytes.len() as u64 > MAX_FILE_BYTES => {
                Err(too_large(&path, bytes.len() as u64))
            }
            Some(Ok(bytes)) => crate::media::decode(bytes).map_err(|p| p.placed(&path)),
        };
        match found {
            Ok(image) => {
                loaded.insert(name.to_owned(), std::sync::Arc::new(image));
            }
            Err(p) => problems.push(p.with("file", Arg::quoted(name))),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}

fn too_large(path: &JsonPath, size: u64) -> Problem {
    Problem::new(path, Kind::FileTooLarge)
        .with("size", size)
        .with("limit", MAX_FILE_BYTES)
}

/// An indicator's realisation, as a chart of `kinerja` shows it: its
/// `realisasi` if given, else its `capaian`; with the field's name.
pub(crate) fn realisation(i: &super::Indikator) -> (&'static str, &Nilai) {
    if i.realisasi.is_absent() {
        ("capaian", &i.capaian)
    } else {
        ("realisasi", &i.realisasi)
    }
}

/// The problems of a chart of one indicator by quarter: the indicator
/// named and known, its year's target and quarters numbers or left out.
fn triwulan_problems(path: &JsonPath, g: &Grafik, report: &Report) -> Vec<Problem> {
    let Some(code) = &g.indikator else {
        let p = Problem::new(path.child("indikator"), Kind::MissingField)
            .with("en_description", " (the code of the indicator to chart)")
            .with("name", "indikator");
        return vec![p];
    };
    let same =
        |ind: &super::Indikator| ind.kode.as_deref().is_some_and(|k| k.trim() == code.trim());
    let found = report
        .kinerja
        .sasaran
        .iter()
        .enumerate()
        .find_map(|(i, s)| {
            s.indikator
                .iter()
                .position(same)
                .map(|j| (i, j, &s.indikator[j]))
        });
    let Some((i, j, ind)) = found else {
        let p = Problem::new(path.child("indikator"), Kind::UnknownIndicator)
            .with("code", Arg::quoted(code))
            .with("suggestion", Arg::none());
        return vec![p];
    };
    let at = JsonPath::root()
        .key("kinerja")
        .key("sasaran")
        .index(i)
        .key("indikator")
        .index(j);
    let values = [
        ("target_pk", &ind.target_pk),
        ("tw1", &ind.tw1),
        ("tw2", &ind.tw2),
    ];
    let values = values
        .into_iter()
        .chain([("tw3", &ind.tw3), ("tw4", &ind.tw4)]);
    values
        .filter_map(|(key, v)| match v {
            Nilai::Teks(t) => Some(
                Problem::new(at.child(key), Kind::ChartNotANumber)
                    .with("chart", path)
                    .with("found", Arg::quoted(t)),
            ),
            _ => None,
        })
        .collect()
}
