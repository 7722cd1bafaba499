//! A PDF file as viewers read it: from the last `startxref`, through each
//! cross-reference section's `/Prev`, to the first; each section is a
//! revision (lapkin's, then one per incremental update). Objects are read
//! when asked for, as of a revision, and object streams are decoded once,
//! under the file's one decoding budget.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::decode::{Budget, DECODE_BUDGET, decode};
use super::error::{ReadError, ReadResult, malformed};
use super::object::{Dict, Id, Obj, Stream};
use super::parse::{Parser, is_space};
use super::xref::{Entry, Section, section};

/// The most revisions a file may have (lapkin's and the incremental
/// updates after it).
pub(crate) const MAX_REVISIONS: usize = 256;

/// How many references in a row are followed (`1 0 R` naming an object
/// that is itself a reference).
const MAX_INDIRECTION: usize = 16;

/// A PDF file, read.
pub(crate) struct Pdf<'a> {
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// Its cross-reference sections, the first revision's first.
    sections: Vec<Section>,
    /// What is left of the decoding budget.
    pub budget: Budget,
    /// Decoded object streams, by the stream object's offset.
    streams: RefCell<HashMap<usize, Rc<ObjectStream>>>,
}

/// A decoded object stream: its objects' numbers and where each starts.
struct ObjectStream {
    data: Vec<u8>,
    objects: Vec<(u32, usize)>,
}

impl<'a> Pdf<'a> {
    /// Reads a file's structure: its revisions, from the last `startxref`.
    pub fn open(bytes: &'a [u8]) -> ReadResult<Pdf<'a>> {
        if !bytes.starts_with(b"%PDF-") {
            return Err(malformed(0, "the file does not start with `%PDF-`"));
        }
        let budget = Budget::new(DECODE_BUDGET);
        let mut offset = last_startxref(bytes)?;
        let mut sections = Vec::new();
        let mut seen = HashSet::new();
        loop {
            if !seen.insert(offset) {
                return Err(malformed(
                    offset,
                    "the cross-reference sections' /Prev form a loop",
                ));
            }
            if sections.len() == MAX_REVISIONS {
                return Err(ReadError::OverLimit {
                    what: "the number of revisions".into(),
                    limit: format!("{MAX_REVISIONS} revisions"),
                });
            }
            let s = section(bytes, offset, &budget)?;
            let prev = s.trailer.get(b"Prev").cloned();
            sections.push(s);
            match prev {
                None => break,
                Some(Obj::Int(p)) if p >= 0 => offset = p as usize,
                Some(_) => return Err(malformed(offset, "a /Prev that is not an offset")),
            }
        }
        sections.reverse();
        check_order(&sections, bytes)?;
        if sections.iter().any(|s| s.trailer.get(b"Encrypt").is_some()) {
            return Err(ReadError::Encrypted);
        }
        Ok(Pdf {
            bytes,
            sections,
            budget,
            streams: RefCell::default(),
        })
    }

    /// How many revisions the file has (1 for lapkin's alone).
    pub fn revisions(&self) -> usize {
        self.sections.len()
    }

    /// Where revision `k` ends: after its `%%EOF`.
    pub fn revision_end(&self, k: usize) -> usize {
        self.sections[k].end
    }

    /// The trailer of revision `k`.
    pub fn trailer(&self, k: usize) -> &Dict {
        &self.sections[k].trailer
    }

    /// The entries revision `k` gives (new or changed objects).
    pub fn entries(&self, k: usize) -> &HashMap<u32, Entry> {
        &self.sections[k].entries
    }

    /// Where object `number` is as of revision `k`.
    pub fn entry(&self, number: u32, k: usize) -> Option<Entry> {
        self.sections[..=k]
            .iter()
            .rev()
            .find_map(|s| s.entries.get(&number).copied())
    }

    /// Object `id` as of revision `k`; `Null` if it is not in use (or
    /// has another generation).
    pub fn get(&self, id: Id, k: usize) -> ReadResult<Obj> {
        self.get_nested(id, k, false)
    }

    fn get_nested(&self, id: Id, k: usize, in_length: bool) -> ReadResult<Obj> {
        match self.entry(id.0, k) {
            None | Some(Entry::Free) => Ok(Obj::Null),
            Some(Entry::File { generation, .. }) if generation != id.1 => Ok(Obj::Null),
            Some(Entry::File { offset, .. }) => self.parse_at(id, offset, k, in_length),
            Some(Entry::InStream { .. }) if id.1 != 0 => Ok(Obj::Null),
            Some(Entry::InStream { stream, index }) => {
                let s = self.object_stream(stream, k)?;
                s.object(index, id.0, stream)
            }
        }
    }

    /// The indirect object `id` written at `offset`.
    fn parse_at(&self, id: Id, offset: usize, k: usize, in_length: bool) -> ReadResult<Obj> {
        if offset >= self.bytes.len() {
            return Err(malformed(
                offset,
                format!("object {} {} is said to be past the file", id.0, id.1),
            ));
        }
        let mut p = Parser::new(self.bytes, offset, 0);
        let found = p.object_header()?;
        if found != id {
            return Err(malformed(
                offset,
                format!(
                    "the cross-reference entry of object {} {} points at object {} {}",
                    id.0, id.1, found.0, found.1
                ),
            ));
        }
        p.indirect_body(&mut |length| match length {
            Obj::Int(i) => Ok(*i),
            Obj::Ref(r) if !in_length => match self.get_nested(*r, k, true)? {
                Obj::Int(i) => Ok(i),
                _ => Err(malformed(offset, "a stream's /Length is not an integer")),
            },
            _ => Err(malformed(offset, "a stream's /Length is not an integer")),
        })
    }

    /// Follows references: the object `o` stands for, as of revision `k`.
    pub fn resolve(&self, o: &Obj, k: usize) -> ReadResult<Obj> {
        match o {
            Obj::Ref(_) => self.resolve_owned(o.clone(), k),
            other => Ok(other.clone()),
        }
    }

    /// [`Pdf::resolve`], taking the object (a direct one is not copied).
    pub fn resolve_owned(&self, mut o: Obj, k: usize) -> ReadResult<Obj> {
        for _ in 0..MAX_INDIRECTION {
            match o {
                Obj::Ref(id) => o = self.get(id, k)?,
                other => return Ok(other),
            }
        }
        Err(ReadError::OverLimit {
            what: "a chain of references".into(),
            limit: format!("{MAX_INDIRECTION} references"),
        })
    }

    /// The dictionary `o` stands for, or an empty one.
    pub fn dict(&self, o: Option<&Obj>, k: usize) -> ReadResult<Dict> {
        Ok(match o {
            Some(o) => self.resolve(o, k)?.dict().cloned().unwrap_or_default(),
            None => Dict::default(),
        })
    }

    /// The catalog of revision `k`, and its object's id.
    pub fn catalog(&self, k: usize) -> ReadResult<(Id, Dict)> {
        match self.trailer(k).get(b"Root") {
            Some(Obj::Ref(id)) => match self.get(*id, k)? {
                Obj::Dict(d) => Ok((*id, d)),
                _ => Err(malformed(0, "the trailer's /Root is not a dictionary")),
            },
            _ => Err(malformed(0, "the trailer has no /Root reference")),
        }
    }

    /// A stream's bytes as written.
    pub fn raw(&self, s: &Stream) -> &'a [u8] {
        &self.bytes[s.data.clone()]
    }

    /// A stream's bytes, decoded under the budget.
    pub fn decode(&self, s: &Stream, what: &str) -> ReadResult<Vec<u8>> {
        decode(&s.dict, self.raw(s), &self.budget, what)
    }

    /// Object stream `number` as of revision `k`, decoded once.
    fn object_stream(&self, number: u32, k: usize) -> ReadResult<Rc<ObjectStream>> {
        let Some(Entry::File {
            offset,
            generation: 0,
        }) = self.entry(number, k)
        else {
            return Err(malformed(
                0,
                format!("object stream {number} is not an object in the file"),
            ));
        };
        if let Some(s) = self.streams.borrow().get(&offset) {
            return Ok(Rc::clone(s));
        }
        let Obj::Stream(stream) = self.parse_at((number, 0), offset, k, false)? else {
            return Err(malformed(
                offset,
                format!("object stream {number} is not a stream"),
            ));
        };
        let what = format!("the object stream {number} 0");
        let data = self.decode(&stream, &what)?;
        let parsed = Rc::new(ObjectStream::new(&stream.dict, data, offset)?);
        self.streams.borrow_mut().insert(offset, Rc::clone(&parsed));
        Ok(parsed)
    }
}

impl ObjectStream {
    /// Reads the header of a decoded object stream (`/N` pairs of object
    /// number and offset, the objects from `/First`).
    fn new(dict: &Dict, data: Vec<u8>, at: usize) -> ReadResult<Self> {
        let int = |k: &[u8]| match dict.get(k) {
            Some(Obj::Int(i)) if *i >= 0 => Ok(*i as usize),
            _ => Err(malformed(at, "an object stream without /N or /First")),
        };
        let (n, first) = (int(b"N")?, int(b"First")?);
        if first > data.len() || n > first / 2 {
            return Err(malformed(
                at,
                "an object stream's /N or /First does not fit its data",
            ));
        }
        let mut p = Parser::new(&data[..first], 0, 0);
        let mut objects = Vec::with_capacity(n);
        for _ in 0..n {
            let number = p
                .unsigned()
                .map_err(|_| malformed(at, "an object stream's header is broken"))?;
            let offset = p
                .unsigned()
                .map_err(|_| malformed(at, "an object stream's header is broken"))?;
            let start = first
                .checked_add(offset as usize)
                .filter(|s| *s <= data.len());
            match (u32::try_from(number), start) {
                (Ok(number), Some(start)) => objects.push((number, start)),
                _ => return Err(malformed(at, "an object stream's header is out of range")),
            }
        }
        Ok(ObjectStream { data, objects })
    }

    /// Object `index`, which must be object `number`.
    fn object(&self, index: u32, number: u32, stream: u32) -> ReadResult<Obj> {
        match self.objects.get(index as usize) {
            Some(&(n, start)) if n == number => Parser::new(&self.data, start, 0)
                .object(0)
                .map_err(|e| in_stream(e, stream)),
            _ => Err(malformed(
                0,
                format!("object {number} is not at index {index} of object stream {stream}"),
            )),
        }
    }
}

/// An error inside object stream `stream`, said so.
fn in_stream(e: ReadError, stream: u32) -> ReadError {
    match e {
        ReadError::Malformed { offset, what } => ReadError::Malformed {
            offset,
            what: format!("{what} (in object stream {stream}, at its decoded byte {offset})"),
        },
        other => other,
    }
}

/// The offset the file's last `startxref` gives: viewers read the file
/// from there. The file must end with it, its offset, `%%EOF` and white
/// space.
fn last_startxref(bytes: &[u8]) -> ReadResult<usize> {
    let at = bytes
        .windows(9)
        .rposition(|w| w == b"startxref")
        .ok_or_else(|| malformed(bytes.len(), "the file has no `startxref`"))?;
    let mut p = Parser::new(bytes, at + 9, 0);
    let offset = p.unsigned()?;
    p.skip_space_only();
    p.keyword_exact("%%EOF")?;
    if !bytes[p.pos..].iter().all(|b| is_space(*b)) {
        return Err(malformed(p.pos, "bytes after the last `%%EOF`"));
    }
    usize::try_from(offset).map_err(|_| malformed(at, "a `startxref` offset out of range"))
}

/// Checks that the revisions follow each other in the file: each section
/// after the end of the revision before it, the last one ending the file.
fn check_order(sections: &[Section], bytes: &[u8]) -> ReadResult<()> {
    for pair in sections.windows(2) {
        if pair[1].offset < pair[0].end {
            return Err(ReadError::Ambiguous(format!(
                "the cross-reference section at byte {} comes before the end of the revision it \
                 updates (byte {}): not a file of incremental updates",
                pair[1].offset, pair[0].end
            )));
        }
    }
    let last = sections.last().map_or(0, |s| s.end);
    if !bytes[last.min(bytes.len())..].iter().all(|b| is_space(*b)) {
        return Err(malformed(last, "bytes after the last revision"));
    }
    Ok(())
}
