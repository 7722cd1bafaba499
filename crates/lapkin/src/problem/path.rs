//! [`JsonPath`]: where a value is in a JSON document, as a list of keys
//! and indices.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a [`JsonPath`]: a key of an object or an index of an array.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of an object, e.g. `penutup`.
    Key(Cow<'static, str>),
    /// An index of an array, counted from 0.
    Index(usize),
}

/// Where a value is in a JSON document: `anggaran.rincian[3].pagu` is the
/// key `anggaran`, the key `rincian`, the index 3 and the key `pagu`.
///
/// Its [`Display`](fmt::Display) form is the one lapkin's messages use
/// (`analisis[0].kendala[1]`, a key that is not a plain name quoted as in
/// `unit["nama lengkap"]`, the empty string for the document itself); it
/// reads back with [`str::parse`]. It serializes as an array of keys
/// (strings) and indices (numbers), `["anggaran", "rincian", 3, "pagu"]`,
/// so that an editor can find the value without parsing the text.
///
/// ```
/// use lapkin::problem::JsonPath;
///
/// let path = JsonPath::root().key("anggaran").key("rincian").index(3).key("pagu");
/// assert_eq!(path.to_string(), "anggaran.rincian[3].pagu");
/// assert_eq!("anggaran.rincian[3].pagu".parse::<JsonPath>().unwrap(), path);
/// assert_eq!(serde_json::to_string(&path).unwrap(), r#"["anggaran","rincian",3,"pagu"]"#);
/// assert!(path == "anggaran.rincian[3].pagu");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The path of the document itself (no segments).
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// assert_eq!(JsonPath::root().to_string(), "");
    /// ```
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// This path followed by the key `key`.
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// assert_eq!(JsonPath::root().key("penutup").key("nip").to_string(), "penutup.nip");
    /// ```
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// This path followed by the index `index`.
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// assert_eq!(JsonPath::root().key("sasaran").index(0).to_string(), "sasaran[0]");
    /// ```
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// The path of a key of the value at this path, leaving this one as it
    /// is.
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// let row = JsonPath::root().key("anggaran").key("rincian").index(2);
    /// assert_eq!(row.child("pagu").to_string(), "anggaran.rincian[2].pagu");
    /// assert_eq!(row.to_string(), "anggaran.rincian[2]");
    /// ```
    pub fn child(&self, key: impl Into<Cow<'static, str>>) -> Self {
        self.clone().key(key)
    }

    /// The path of an item of the array at this path.
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// let kendala = JsonPath::root().key("analisis").index(0).key("kendala");
    /// assert_eq!(kendala.item(1).to_string(), "analisis[0].kendala[1]");
    /// ```
    pub fn item(&self, index: usize) -> Self {
        self.clone().index(index)
    }

    /// Appends a key (for walkers, which push and pop as they go).
    pub(crate) fn push_key(&mut self, key: impl Into<Cow<'static, str>>) {
        self.0.push(Segment::Key(key.into()));
    }

    /// Appends an index.
    pub(crate) fn push_index(&mut self, index: usize) {
        self.0.push(Segment::Index(index));
    }

    /// Removes the last segment.
    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }

    /// The segments, from the root.
    ///
    /// ```
    /// use lapkin::problem::{JsonPath, Segment};
    ///
    /// let path: JsonPath = "catatan[1]".parse().unwrap();
    /// assert_eq!(path.segments(), [Segment::Key("catatan".into()), Segment::Index(1)]);
    /// ```
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the path of the document itself.
    ///
    /// ```
    /// assert!(lapkin::problem::JsonPath::root().is_root());
    /// ```
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `prefix` is this path or one of its ancestors.
    ///
    /// ```
    /// use lapkin::problem::JsonPath;
    ///
    /// let path: JsonPath = "analisis[0].kendala[1]".parse().unwrap();
    /// assert!(path.starts_with(&"analisis[0]".parse().unwrap()));
    /// assert!(!path.starts_with(&"analisis[1]".parse().unwrap()));
    /// ```
    pub fn starts_with(&self, prefix: &JsonPath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The last segment, if any.
    ///
    /// ```
    /// use lapkin::problem::{JsonPath, Segment};
    ///
    /// let path: JsonPath = "penutup.nip".parse().unwrap();
    /// assert_eq!(path.last(), Some(&Segment::Key("nip".into())));
    /// ```
    pub fn last(&self) -> Option<&Segment> {
        self.0.last()
    }
}

/// Whether a key is written after a dot (`a.b`) rather than quoted
/// (`a["b c"]`).
fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(k) if is_plain_key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl PartialEq<str> for JsonPath {
    /// Whether the path reads `other` (as its [`Display`](fmt::Display)
    /// form).
    fn eq(&self, other: &str) -> bool {
        other.parse::<JsonPath>().is_ok_and(|p| p == *self)
    }
}

impl PartialEq<&str> for JsonPath {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// A text that is not a path as lapkin writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPath {
    /// Where in the text it went wrong, in bytes.
    pub at: usize,
}

impl fmt::Display for BadPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a JSON path at byte {}", self.at)
    }
}

impl std::error::Error for BadPath {}

impl FromStr for JsonPath {
    type Err = BadPath;

    /// Reads a path as [`Display`](fmt::Display) writes it:
    /// `a.b[3]["odd key"]`.
    fn from_str(s: &str) -> Result<Self, BadPath> {
        let mut path = JsonPath::root();
        let mut rest = s;
        let at = |rest: &str| BadPath {
            at: s.len() - rest.len(),
        };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("[\"") {
                // A quoted key, written as a Rust string literal.
                let (key, after) = quoted_key(r).ok_or_else(|| at(rest))?;
                path.push_key(key);
                rest = after.strip_prefix(']').ok_or_else(|| at(after))?;
            } else if let Some(r) = rest.strip_prefix('[') {
                let close = r.find(']').ok_or_else(|| at(rest))?;
                let n = r[..close].parse().map_err(|_| at(r))?;
                path.push_index(n);
                rest = &r[close + 1..];
            } else {
                let r = if path.is_root() {
                    rest
                } else {
                    rest.strip_prefix('.').ok_or_else(|| at(rest))?
                };
                let end = r.find(['.', '[']).unwrap_or(r.len());
                if !is_plain_key(&r[..end]) {
                    return Err(at(r));
                }
                path.push_key(r[..end].to_owned());
                rest = &r[end..];
            }
        }
        Ok(path)
    }
}

/// The key of a quoted segment (after its `["`), unescaped, and the text
/// after its closing quote.
fn quoted_key(r: &str) -> Option<(String, &str)> {
    let mut key = String::new();
    let mut chars = r.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((key, &r[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => key.push('\n'),
                't' => key.push('\t'),
                'r' => key.push('\r'),
                '0' => key.push('\0'),
                'u' => {
                    // \u{XXXX}
                    let (start, _) = chars.next().filter(|(_, c)| *c == '{')?;
                    let close = r[start..].find('}')? + start;
                    let code = u32::from_str_radix(&r[start + 1..close], 16).ok()?;
                    key.push(char::from_u32(code)?);
                    while chars.next().is_some_and(|(i, _)| i < close) {}
                }
                other => key.push(other),
            },
            c => key.push(c),
        }
    }
    None
}

impl Serialize for JsonPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for segment in &self.0 {
            match segment {
                Segment::Key(k) => seq.serialize_element(k)?,
                Segment::Index(i) => seq.serialize_element(i)?,
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for JsonPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Step {
            Index(usize),
            Key(String),
        }
        let steps = Vec::<Step>::deserialize(deserializer)?;
        Ok(JsonPath(
            steps
                .into_iter()
                .map(|s| match s {
                    Step::Index(i) => Segment::Index(i),
                    Step::Key(k) => Segment::Key(k.into()),
                })
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_back_as_written() {
        for text in [
            "",
            "unit",
            "anggaran.rincian[3].pagu",
            "analisis[0].kendala[1].tabel.baris[2][0]",
            "[\"a b\"][\"\\\"\"]",
            "unit[\"nama lengkap\"].x",
            "$schema",
            "[0][1]",
            "a[\"\\u{7}\\n\"]",
        ] {
            let path: JsonPath = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(path.to_string(), text);
        }
        for bad in [".a", "a..b", "a[x]", "a[", "a[\"b", "a b", "a[\"b\"c"] {
            assert!(bad.parse::<JsonPath>().is_err(), "{bad}");
        }
    }

    #[test]
    fn odd_keys_are_quoted() {
        let path = JsonPath::root().key("a b").key("\"").index(2);
        assert_eq!(path.to_string(), "[\"a b\"][\"\\\"\"][2]");
        assert_eq!(path.to_string().parse::<JsonPath>().unwrap(), path);
    }

    #[test]
    fn a_path_is_an_array_in_json() {
        let path: JsonPath = "a[\"b c\"][0]".parse().unwrap();
        let json = serde_json::to_value(&path).unwrap();
        assert_eq!(json, serde_json::json!(["a", "b c", 0]));
        assert_eq!(serde_json::from_value::<JsonPath>(json).unwrap(), path);
    }
}
