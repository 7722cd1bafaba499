//! The objects of a PDF as read back: plain values, without a lifetime. A
//! stream holds where its bytes are in the file, not the bytes (objects
//! in object streams cannot be streams, so every stream is in the file).

use std::ops::Range;

/// An object's number and generation.
pub(crate) type Id = (u32, u16);

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Obj {
    /// `null`, and what a reference to a missing object reads as.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A string's bytes (literal or hexadecimal, decoded).
    Str(Vec<u8>),
    /// A name's bytes (`#xx` escapes decoded), without the slash.
    Name(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
    /// A reference to an indirect object.
    Ref(Id),
    /// A stream: its dictionary and where its bytes are in the file.
    Stream(Stream),
}

/// A dictionary; its keys are unique (a file that repeats one is refused)
/// and their order does not matter: they are kept sorted, in a vector
/// (a tree map costs several times the memory, and a hostile file may
/// hold millions of small dictionaries).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict(Vec<(Vec<u8>, Obj)>);

/// A stream: its dictionary and its bytes' place in the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stream {
    /// The stream's dictionary.
    pub dict: Dict,
    /// Where its (encoded) bytes are in the file.
    pub data: Range<usize>,
}

impl Dict {
    /// A dictionary of `entries`; `Err(key)` if a key is given twice.
    pub fn from_entries(mut entries: Vec<(Vec<u8>, Obj)>) -> Result<Dict, Vec<u8>> {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = entries.windows(2).find(|p| p[0].0 == p[1].0) {
            return Err(pair[0].0.clone());
        }
        entries.shrink_to_fit();
        Ok(Dict(entries))
    }

    fn find(&self, key: &[u8]) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_slice().cmp(key))
    }

    /// Sets `key` to `value`.
    pub fn insert(&mut self, key: Vec<u8>, value: Obj) {
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// Removes `key`.
    pub fn remove(&mut self, key: &[u8]) {
        self.take(key);
    }

    /// Removes `key`, giving its value.
    pub fn take(&mut self, key: &[u8]) -> Option<Obj> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The entries, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&Vec<u8>, &Obj)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The values, by key.
    pub fn values(&self) -> impl Iterator<Item = &Obj> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The values, taken.
    pub fn into_values(self) -> impl Iterator<Item = Obj> {
        self.0.into_iter().map(|(_, v)| v)
    }

    /// The value of `key`, if present (a `null` value counts as absent).
    pub fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.find(key)
            .ok()
            .map(|i| &self.0[i].1)
            .filter(|o| **o != Obj::Null)
    }

    /// The name `key` holds, if it holds a name.
    pub fn name(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key) {
            Some(Obj::Name(n)) => Some(n),
            _ => None,
        }
    }

    /// The keys, as text for messages.
    pub fn keys(&self) -> impl Iterator<Item = &[u8]> {
        self.0
            .iter()
            .filter(|(_, v)| *v != Obj::Null)
            .map(|(k, _)| k.as_slice())
    }
}

impl Obj {
    /// The dictionary of a dictionary or of a stream.
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) => Some(d),
            Obj::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// A number's value.
    pub fn number(&self) -> Option<f64> {
        match self {
            Obj::Int(i) => Some(*i as f64),
            Obj::Real(r) => Some(*r),
            _ => None,
        }
    }

    /// What an object is, in words, for a message: "a dictionary (/Type
    /// /Font)", "a stream (/Subtype /Form)", "an array".
    pub fn kind(&self) -> String {
        let (what, dict) = match self {
            Obj::Null => return "null".into(),
            Obj::Bool(_) => return "a boolean".into(),
            Obj::Int(_) | Obj::Real(_) => return "a number".into(),
            Obj::Str(_) => return "a string".into(),
            Obj::Name(_) => return "a name".into(),
            Obj::Array(_) => return "an array".into(),
            Obj::Ref(_) => return "a reference".into(),
            Obj::Dict(d) => ("a dictionary", d),
            Obj::Stream(s) => ("a stream", &s.dict),
        };
        let types: Vec<String> = [&b"Type"[..], b"Subtype", b"FT"]
            .iter()
            .filter_map(|k| dict.name(k).map(|n| format!("/{} /{}", show(k), show(n))))
            .collect();
        if types.is_empty() {
            what.to_owned()
        } else {
            format!("{what} ({})", types.join(" "))
        }
    }
}

/// Bytes (a name, a key) as text for a message.
pub(crate) fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A PDF text string as Rust text: UTF-16BE with a byte order mark, UTF-8
/// with one (PDF 2.0), else PDFDocEncoding read as Latin-1 (exact for
/// ASCII).
pub(crate) fn text(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).ok();
    }
    Some(bytes.iter().map(|&b| char::from(b)).collect())
}
