//! The whole *Laporan Kinerja* (LKj): front matter (`susunan.awal`),
//! chapters with numbered subsections (`{"subbab": ...}`), appendices
//! (`susunan.lampiran`), and the ids that cross-references (`[](#id)`)
//! point to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bagian, Blok, Inline, JenisBagian, Report};
use crate::problem::{Arg, JsonPath, Kind, Problem};

/// A numbered subsection of a chapter: `{"subbab": {"judul": "Latar
/// Belakang", "isi": [...]}}`, numbered 1.1, 1.1.1 … under its chapter,
/// to any depth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Subbab {
    /// The heading without its number ("Latar Belakang").
    pub judul: Inline,
    /// A name to refer to it by (`[](#latar)` prints "Subbab 1.1"):
    /// letters, digits, `-`, `_`, `.` and `:`, starting with a letter or a
    /// digit, unique in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Starts the subsection on a new page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub halaman_baru: bool,
    /// Its blocks: paragraphs, lists, tables, deeper subsections.
    #[schemars(length(min = 1))]
    pub isi: Vec<Blok>,
}

impl Subbab {
    /// A subsection headed `judul` holding `isi`.
    ///
    /// ```
    /// use lapkin::model::{Blok, Subbab};
    ///
    /// let s = Subbab::new("Latar Belakang", vec![Blok::Paragraf("Teks.".into())]);
    /// assert_eq!(s.judul.as_str(), "Latar Belakang");
    /// ```
    pub fn new(judul: impl Into<Inline>, isi: Vec<Blok>) -> Self {
        Subbab {
            judul: judul.into(),
            id: None,
            halaman_baru: false,
            isi,
        }
    }

    /// This subsection with the id `id`, for cross-references.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

/// The longest id a cross-reference target may have.
pub const MAX_ID_CHARS: usize = 64;

/// Checks an id (`id` of a subsection, a section, a table, a figure):
/// 1 to 64 ASCII letters, digits, `-`, `_`, `.` or `:`, the first a
/// letter or a digit.
pub(crate) fn check_id(id: &str) -> Result<(), Problem> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    if ok {
        Ok(())
    } else {
        Err(Problem::new(crate::problem::Location::Given, Kind::BadId)
            .with("id", Arg::quoted(id))
            .with("max", MAX_ID_CHARS))
    }
}

/// The id a link to a place in the document points to: `#latar` gives
/// `latar`; `None` for a link out of the document.
pub(crate) fn internal_target(link: &str) -> Option<&str> {
    link.strip_prefix('#')
}

impl Report {
    /// Whether the report is laid out as a whole LKj: it has front matter
    /// (`susunan.awal`), appendices (`susunan.lampiran`) or a generated
    /// list among its sections. Its front
    /// matter and chapters start on new pages, its pages are labelled
    /// i, ii … then 1, 2 …, and its titled tables are numbered.
    pub fn is_lkj(&self) -> bool {
        let list = |b: &Bagian| {
            matches!(
                b.jenis,
                Some(
                    JenisBagian::DaftarIsi
                        | JenisBagian::DaftarTabel
                        | JenisBagian::DaftarGambar
                        | JenisBagian::DaftarLampiran
                )
            )
        };
        self.susunan.as_ref().is_some_and(|s| {
            s.awal.is_some() || s.lampiran.is_some() || s.bagian.iter().flatten().any(list)
        })
    }

    /// The front matter (`susunan.awal`): cover, foreword, lists, summary.
    pub fn front_matter(&self) -> &[Bagian] {
        self.susunan
            .as_ref()
            .and_then(|s| s.awal.as_deref())
            .unwrap_or_default()
    }

    /// The appendices (`susunan.lampiran`).
    pub fn appendices(&self) -> &[Bagian] {
        self.susunan
            .as_ref()
            .and_then(|s| s.lampiran.as_deref())
            .unwrap_or_default()
    }
}

/// Every id of the report that a cross-reference may point to, with
/// where it is set (`susunan.bagian[2].isi[0].subbab.id`) and, for a
/// table, whether it has a title (`None` for what is not a table), in
/// document order.
pub(crate) fn targets(report: &Report) -> Vec<(&str, JsonPath, Option<bool>)> {
    use super::walk::{Node, Visit, walk};
    struct Ids<'r>(Vec<(&'r str, JsonPath, Option<bool>)>);
    impl<'r> Visit<'r> for Ids<'r> {
        fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
            let (id, titled) = match node {
                Node::Bagian(b, _) => (b.id.as_deref(), None),
                Node::Subbab(s, _) => (s.id.as_deref(), None),
                Node::Table(t) => (t.id.as_deref(), Some(t.judul.is_some())),
                Node::Gambar(g) => (g.id.as_deref(), Some(g.judul.is_some())),
                Node::Grafik(g) => (g.id.as_deref(), Some(g.judul.is_some())),
                _ => (None, None),
            };
            if let Some(id) = id {
                self.0.push((id, path.child("id"), titled));
            }
        }
    }
    let mut ids = Ids(Vec::new());
    walk(report, &mut ids);
    ids.0
}
