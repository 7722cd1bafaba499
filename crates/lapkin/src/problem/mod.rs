//! Problems as data: where ([`Location`], a [`JsonPath`] into the report
//! or an option, file or environment variable outside it), what ([`Kind`],
//! a stable name), and the message and hint in English or Indonesian
//! ([`Lang`]).
//!
//! Every input error of lapkin is a list of [`Problem`]s
//! ([`Error::Invalid`](crate::Error::Invalid)): broken JSON, a field that
//! breaks a rule, a character a font lacks, a table too wide for the page.
//! An application can put each problem beside its field (by its path),
//! count them (by their kind) and show them in the user's language:
//!
//! ```
//! use lapkin::problem::{Kind, Lang};
//!
//! let json = std::fs::read("tests-data/minimal.json").unwrap();
//! let mut report: serde_json::Value = serde_json::from_slice(&json).unwrap();
//! report["penutup"]["nip"] = "12".into();
//! let err = lapkin::parse_report(report.to_string().as_bytes()).unwrap_err();
//! let problem = &err.problems()[0];
//! assert!(problem.path().unwrap() == "penutup.nip");
//! assert_eq!(problem.kind, Kind::NipLength);
//! assert_eq!(
//!     problem.message(Lang::Id),
//!     "seharusnya 18 angka (tanggal lahir, bulan pengangkatan, jenis kelamin, nomor urut), \
//!      bukan \"12\""
//! );
//! // As an editor or a web form reads it:
//! let json = serde_json::to_value(problem.in_language(Lang::En)).unwrap();
//! assert_eq!(json["path"], serde_json::json!(["penutup", "nip"]));
//! assert_eq!(json["kind"], "nip-length");
//! ```
//!
//! The messages of both languages are kept in one catalogue (`catalogue.rs`),
//! entry by entry, so that no message exists in one language only (a test
//! checks that each entry's two texts name the same values).

mod catalogue;
mod message;
mod path;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

pub use catalogue::Kind;
pub(crate) use catalogue::Phrase;
pub(crate) use message::{Arg, Args, Conj};
pub use path::{BadPath, JsonPath, Segment};

/// The language of messages: English or Bahasa Indonesia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The language of a POSIX locale name such as `id_ID.UTF-8` (from
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`): Indonesian if it starts with
    /// `id`, English for any other; `None` for an empty name, which
    /// leaves the choice to the next variable.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// assert_eq!(Lang::from_locale("id_ID.UTF-8"), Some(Lang::Id));
    /// assert_eq!(Lang::from_locale("C"), Some(Lang::En));
    /// assert_eq!(Lang::from_locale(""), None);
    /// ```
    pub fn from_locale(locale: &str) -> Option<Lang> {
        match locale.trim() {
            "" => None,
            l if l.starts_with("id") => Some(Lang::Id),
            _ => Some(Lang::En),
        }
    }

    /// The language's code, `en` or `id`.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// assert_eq!(Lang::Id.code(), "id");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }
}

/// A name that is not `en` or `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected `en` or `id`, found {:?}", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `en` or `id` (any case).
    ///
    /// ```
    /// assert_eq!("ID".parse::<lapkin::problem::Lang>().unwrap(), lapkin::problem::Lang::Id);
    /// ```
    fn from_str(s: &str) -> Result<Self, UnknownLang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "id" => Ok(Lang::Id),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// A value in the JSON given to lapkin, by its path: a field of the
    /// report (`anggaran.rincian[3].pagu`); for the stages that take
    /// other values, a field of the style (`style.margin.left`), the
    /// document (`document.blocks[3]`) or the layout (`layout.pages[0]`),
    /// named by their first key.
    Json(JsonPath),
    /// A place in the input's text: broken JSON.
    Text {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// The input as a whole (its size, its encoding).
    Input,
    /// An option of the command (`--font`) or of [`RenderOptions`](crate::RenderOptions)
    /// (`pdf.signature_field`).
    Option(Cow<'static, str>),
    /// A file, such as a font file, by its name.
    File(String),
    /// An environment variable, such as `SOURCE_DATE_EPOCH`.
    Env(Cow<'static, str>),
    /// The value given to the function that found the problem (such as
    /// [`model::check_nip`](crate::model::check_nip)); the caller knows
    /// where it came from ([`Problem::placed`]).
    Given,
}

impl Location {
    /// The location as messages name it, in `lang`: the path, `line 4,
    /// column 3`, the option, file or variable; empty for the input as a
    /// whole or a given value.
    ///
    /// ```
    /// use lapkin::problem::{Lang, Location};
    ///
    /// let here = Location::Text { line: 4, column: 3 };
    /// assert_eq!(here.text(Lang::Id), "baris 4, kolom 3");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Location::Json(p) if p.is_root() => match lang {
                Lang::En => "(top level)".to_owned(),
                Lang::Id => "(tingkat teratas)".to_owned(),
            },
            Location::Json(p) => p.to_string(),
            Location::Text { line, column } => match lang {
                Lang::En => format!("line {line}, column {column}"),
                Lang::Id => format!("baris {line}, kolom {column}"),
            },
            Location::Input | Location::Given => String::new(),
            Location::Option(o) | Location::Env(o) => o.to_string(),
            Location::File(f) => f.clone(),
        }
    }

    /// Writes the location's fields into a problem's JSON object.
    fn serialize_into<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self {
            Location::Json(p) => map.serialize_entry("path", p),
            Location::Text { line, column } => {
                map.serialize_entry("line", line)?;
                map.serialize_entry("column", column)
            }
            Location::Input | Location::Given => Ok(()),
            Location::Option(o) => map.serialize_entry("option", o),
            Location::File(f) => map.serialize_entry("file", f),
            Location::Env(v) => map.serialize_entry("env", v),
        }
    }
}

impl From<JsonPath> for Location {
    fn from(p: JsonPath) -> Self {
        Location::Json(p)
    }
}

impl From<&JsonPath> for Location {
    fn from(p: &JsonPath) -> Self {
        Location::Json(p.clone())
    }
}

/// One problem: where, what kind, and the message and hint in each
/// language.
///
/// It serializes as a JSON object with its location (`path`, an array of
/// keys and indices; or `line` and `column`; or `option`, `file` or
/// `env`), its `kind`, and its `message` and `hint` in both languages
/// (`{"en": ..., "id": ...}`, the hint `null` if it has none);
/// [`Problem::in_language`] gives the same in one language.
///
/// ```
/// use lapkin::problem::{JsonPath, Kind, Lang};
///
/// let nip = JsonPath::root().key("penutup").key("nip");
/// let problem = lapkin::model::check_nip("12").unwrap_err().placed(nip);
/// assert_eq!(problem.kind, Kind::NipLength);
/// assert!(problem.message(Lang::En).contains("18 digits"));
/// assert!(problem.message(Lang::Id).contains("18 angka"));
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["path"], serde_json::json!(["penutup", "nip"]));
/// assert_eq!(json["kind"], "nip-length");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where the problem is.
    pub location: Location,
    /// What kind of problem it is: a stable name (`nip-length`).
    pub kind: Kind,
    /// The values its message names.
    args: Args,
}

impl Problem {
    /// A problem of `kind` at `location`, its values to be added with
    /// [`Problem::with`].
    pub(crate) fn new(location: impl Into<Location>, kind: Kind) -> Self {
        Problem {
            location: location.into(),
            kind,
            args: Vec::new(),
        }
    }

    /// This problem with the value `name` of its message.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// This problem at another location (a problem found in a value whose
    /// place only the caller knows, such as a NIP checked alone).
    ///
    /// ```
    /// use lapkin::problem::{JsonPath, Location};
    ///
    /// let problem = lapkin::model::check_nip("12").unwrap_err();
    /// assert_eq!(problem.location, Location::Given);
    /// let placed = problem.placed(JsonPath::root().key("penutup").key("nip"));
    /// assert!(placed.path().unwrap() == "penutup.nip");
    /// ```
    pub fn placed(mut self, location: impl Into<Location>) -> Self {
        self.location = location.into();
        self
    }

    /// The JSON path of the problem, if it is in the JSON.
    ///
    /// ```
    /// let err = lapkin::parse_report(br#"{"unit": 1}"#).unwrap_err();
    /// assert!(err.problems().iter().any(|p| p.path().is_some_and(|p| *p == "unit")));
    /// ```
    pub fn path(&self) -> Option<&JsonPath> {
        match &self.location {
            Location::Json(p) => Some(p),
            _ => None,
        }
    }

    /// What was found and what was expected, in `lang`.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let problem = lapkin::model::check_nip("12").unwrap_err();
    /// assert!(problem.message(Lang::En).starts_with("expected 18 digits"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        message::filled(self.kind.template(lang).0, &self.args, lang)
    }

    /// How to fix it, in `lang`, if the catalogue says.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let err = lapkin::parse_report(br#"{"unit": {"nama": "x", "nama_lengkp": "y"}}"#).unwrap_err();
    /// let typo = err.problems().iter().find(|p| p.path().unwrap() == "unit.nama_lengkp").unwrap();
    /// assert_eq!(typo.hint(Lang::En).unwrap(), "did you mean `nama_lengkap`?");
    /// assert_eq!(typo.hint(Lang::Id).unwrap(), "mungkin maksudnya `nama_lengkap`?");
    /// ```
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let hint = message::filled(self.kind.template(lang).1?, &self.args, lang);
        (!hint.is_empty()).then_some(hint)
    }

    /// The whole problem as one line in `lang`: its location, its message,
    /// its hint (`penutup.nip: expected 18 digits ...; ...`). The
    /// [`Display`](fmt::Display) form is this line in English.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let problem = lapkin::model::check_nip("12").unwrap_err();
    /// assert_eq!(problem.text(Lang::En), problem.to_string());
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let mut out = self.location.text(lang);
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&self.message(lang));
        if let Some(hint) = self.hint(lang) {
            out.push_str("; ");
            out.push_str(&hint);
        }
        out
    }

    /// The problem in one language, for JSON output: its location, `kind`,
    /// `message` and `hint` (`null` if none).
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let problem = lapkin::model::check_nip("12").unwrap_err();
    /// let json = serde_json::to_value(problem.in_language(Lang::Id)).unwrap();
    /// assert_eq!(json["kind"], "nip-length");
    /// assert!(json["message"].as_str().unwrap().starts_with("seharusnya 18 angka"));
    /// ```
    pub fn in_language(&self, lang: Lang) -> InLanguage<'_> {
        InLanguage {
            problem: self,
            lang,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Problem {}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Both {
            en: String,
            id: String,
        }
        let mut map = serializer.serialize_map(None)?;
        self.location.serialize_into(&mut map)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry(
            "message",
            &Both {
                en: self.message(Lang::En),
                id: self.message(Lang::Id),
            },
        )?;
        let hint = match (self.hint(Lang::En), self.hint(Lang::Id)) {
            (Some(en), Some(id)) => Some(Both { en, id }),
            _ => None,
        };
        map.serialize_entry("hint", &hint)?;
        map.end()
    }
}

/// A [`Problem`] in one language, as `--message-format json` prints it:
/// its location, `kind`, `message` and `hint`.
#[derive(Debug, Clone, Copy)]
pub struct InLanguage<'p> {
    problem: &'p Problem,
    lang: Lang,
}

impl Serialize for InLanguage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.problem.location.serialize_into(&mut map)?;
        map.serialize_entry("kind", &self.problem.kind)?;
        map.serialize_entry("message", &self.problem.message(self.lang))?;
        map.serialize_entry("hint", &self.problem.hint(self.lang))?;
        map.end()
    }
}

/// All problems of an input, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems as one text in `lang`: one problem on its own line;
    /// several counted (`3 problems:`), one per line below. The
    /// [`Display`](fmt::Display) form is this text in English.
    ///
    /// ```
    /// use lapkin::problem::Lang;
    ///
    /// let err = lapkin::parse_report(br#"{"unit": 1}"#).unwrap_err();
    /// let lapkin::Error::Invalid(problems) = err else { panic!() };
    /// assert!(problems.text(Lang::Id).starts_with(&format!("{} masalah:", problems.0.len())));
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let mut out = match (self.0.len(), lang) {
            (1, Lang::En) => "1 problem:".to_owned(),
            (n, Lang::En) => format!("{n} problems:"),
            (n, Lang::Id) => format!("{n} masalah:"),
        };
        for p in &self.0 {
            out.push_str("\n  ");
            out.push_str(&p.text(lang));
        }
        out
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<Problem> for Problems {
    fn from(p: Problem) -> Self {
        Problems(vec![p])
    }
}

/// A number as messages show it: plain unless very large.
pub(crate) fn shown(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// The range `min..=max` (`min` excluded if `open`), in `unit`, as a
/// message names it.
pub(crate) fn range(min: f64, max: f64, open: bool, unit: Phrase) -> Arg {
    let phrase = if open {
        Phrase::AboveTo
    } else {
        Phrase::FromTo
    };
    Arg::phrase(
        phrase,
        vec![
            ("min", shown(min).into()),
            ("max", shown(max).into()),
            ("unit", unit.into()),
        ],
    )
}

/// Sorts problems into the order of an input document: by the position of
/// each key in its object as written, and of each item in its array; a
/// path that is not in the document (a missing field) sorts after what its
/// object holds, and a problem that is not at a path after all of them.
/// The sort is stable: problems at one path keep their order.
pub(crate) fn sort_in_document_order(problems: &mut [Problem], document: &serde_json::Value) {
    let key = |p: &Problem| -> Vec<usize> {
        let Some(path) = p.path() else {
            return vec![usize::MAX];
        };
        let mut node = Some(document);
        let mut key = Vec::with_capacity(path.segments().len());
        for segment in path.segments() {
            let (position, next) = match (segment, node) {
                (Segment::Index(i), Some(serde_json::Value::Array(a))) => (*i, a.get(*i)),
                (Segment::Key(k), Some(serde_json::Value::Object(o))) => {
                    match o.iter().position(|(key, _)| key == k) {
                        Some(i) => (i, o.get(k.as_ref())),
                        None => (usize::MAX, None),
                    }
                }
                (Segment::Index(i), _) => (*i, None),
                (Segment::Key(_), _) => (usize::MAX, None),
            };
            key.push(position);
            node = next;
        }
        key
    };
    problems.sort_by_cached_key(key);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(path: &str) -> Problem {
        Problem::new(path.parse::<JsonPath>().unwrap(), Kind::Empty)
    }

    #[test]
    fn problems_follow_the_document() {
        let doc = json!({"zeta": [1, {"b": 1, "a": 2}], "alpha": 1});
        let mut problems: Vec<Problem> = [
            "alpha",
            "zeta[1].a",
            "zeta[1].missing",
            "zeta[1].b",
            "zeta[0]",
        ]
        .iter()
        .map(|p| at(p))
        .collect();
        problems.push(Problem::new(Location::Input, Kind::Empty));
        sort_in_document_order(&mut problems, &doc);
        let order: Vec<String> = problems.iter().map(|p| p.location.text(Lang::En)).collect();
        assert_eq!(
            order,
            [
                "zeta[0]",
                "zeta[1].b",
                "zeta[1].a",
                "zeta[1].missing",
                "alpha",
                ""
            ]
        );
    }

    #[test]
    fn a_problem_serializes_with_its_path_as_an_array() {
        let p = at("analisis[0].kendala[1]");
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["path"], json!(["analisis", 0, "kendala", 1]));
        assert_eq!(json["kind"], "empty");
        assert_eq!(json["message"]["id"], "tidak boleh kosong");
        assert_eq!(json["hint"], serde_json::Value::Null);
        let one = serde_json::to_value(p.in_language(Lang::En)).unwrap();
        assert_eq!(
            one,
            json!({"path": ["analisis", 0, "kendala", 1], "kind": "empty",
                   "message": "must not be empty", "hint": null})
        );
    }

    #[test]
    fn locales_choose_the_language() {
        for (locale, lang) in [
            ("id_ID.UTF-8", Some(Lang::Id)),
            ("id", Some(Lang::Id)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("C.UTF-8", Some(Lang::En)),
            ("POSIX", Some(Lang::En)),
            ("  ", None),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale:?}");
        }
    }
}
