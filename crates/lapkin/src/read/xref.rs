//! Cross-reference sections (ISO 32000-1, 7.5.4 to 7.5.8): tables,
//! streams, and hybrid sections (a table whose trailer names a stream
//! with `/XRefStm`), each ending with `startxref N %%EOF`, which also
//! marks where its revision ends.

use std::collections::HashMap;

use super::decode::{Budget, decode};
use super::error::{ReadError, ReadResult};
use super::object::{Dict, Obj};
use super::parse::Parser;

/// Where an object is, as a cross-reference entry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// Not in use.
    Free,
    /// In the file at `offset`, with generation `gen`.
    File {
        /// Its byte offset.
        offset: usize,
        /// Its generation.
        generation: u16,
    },
    /// Object number `index` of the object stream `stream`.
    InStream {
        /// The object stream's number.
        stream: u32,
        /// The object's index in it.
        index: u32,
    },
}

/// One cross-reference section: one revision of the file.
#[derive(Debug)]
pub(crate) struct Section {
    /// Where the section starts.
    pub offset: usize,
    /// The entries it gives (a table's and its `/XRefStm` stream's).
    pub entries: HashMap<u32, Entry>,
    /// Its trailer (a stream section's dictionary).
    pub trailer: Dict,
    /// Where its revision ends: after the `%%EOF` that follows it.
    pub end: usize,
}

/// Reads the section at `offset`, and where its revision ends.
pub(crate) fn section(bytes: &[u8], offset: usize, budget: &Budget) -> ReadResult<Section> {
    if offset >= bytes.len() {
        return Err(super::error::malformed(
            offset,
            "a cross-reference offset past the file",
        ));
    }
    let mut p = Parser::new(bytes, offset, 0);
    let (mut entries, trailer) = if bytes[offset..].starts_with(b"xref") {
        p.pos += 4;
        let entries = table(&mut p)?;
        p.keyword("trailer")?;
        p.skip_space();
        if !bytes[p.pos..].starts_with(b"<<") {
            return Err(p.error("expected the trailer dictionary"));
        }
        (entries, p.dict(0)?)
    } else {
        let (entries, dict) = stream_section(&mut p, bytes, budget)?;
        (entries, dict)
    };
    let end = revision_end(&mut p, offset)?;
    if let Some(at) = trailer.get(b"XRefStm") {
        let at = match at {
            Obj::Int(i) => usize::try_from(*i).map_err(|_| p.error("a negative /XRefStm"))?,
            _ => return Err(p.error("/XRefStm is not an integer")),
        };
        let mut q = Parser::new(bytes, at, 0);
        let (hidden, _) = stream_section(&mut q, bytes, budget)?;
        for (number, entry) in hidden {
            match entries.get(&number) {
                None | Some(Entry::Free) => {
                    entries.insert(number, entry);
                }
                Some(_) => {
                    return Err(ReadError::Ambiguous(format!(
                        "object {number} is given both in the cross-reference table at byte \
                         {offset} and in its /XRefStm stream"
                    )));
                }
            }
        }
    }
    Ok(Section {
        offset,
        entries,
        trailer,
        end,
    })
}

/// After a section: `startxref`, its own offset, `%%EOF`, and an end of
/// line if any; returns where that ends.
fn revision_end(p: &mut Parser<'_>, offset: usize) -> ReadResult<usize> {
    p.keyword("startxref")?;
    let at = p.pos;
    if p.unsigned()? != offset as u64 {
        p.pos = at;
        return Err(p.error(format!(
            "the `startxref` after the cross-reference section at byte {offset} does not point \
             to it"
        )));
    }
    p.skip_space_only();
    p.keyword_exact("%%EOF")?;
    Ok(p.pos)
}

/// A cross-reference table's subsections, after `xref`.
fn table(p: &mut Parser<'_>) -> ReadResult<HashMap<u32, Entry>> {
    let mut entries = HashMap::new();
    loop {
        p.skip_space();
        if p.at_keyword("trailer") {
            return Ok(entries);
        }
        let first = p.unsigned()?;
        let count = p.unsigned()?;
        for i in 0..count {
            let offset = p.unsigned()?;
            let generation = p.unsigned()?;
            p.skip_space();
            let kind = p.take_byte();
            let number =
                u32::try_from(first + i).map_err(|_| p.error("an object number out of range"))?;
            let generation =
                u16::try_from(generation).map_err(|_| p.error("a generation out of range"))?;
            let entry = match kind {
                Some(b'n') => Entry::File {
                    offset: usize::try_from(offset)
                        .map_err(|_| p.error("an offset out of range"))?,
                    generation,
                },
                Some(b'f') => Entry::Free,
                _ => return Err(p.error("a cross-reference entry is neither `n` nor `f`")),
            };
            if entries.insert(number, entry).is_some() {
                return Err(ReadError::Ambiguous(format!(
                    "object {number} is given twice in one cross-reference table"
                )));
            }
        }
    }
}

/// A cross-reference stream at the parser's position: its entries and
/// its dictionary.
fn stream_section(
    p: &mut Parser<'_>,
    bytes: &[u8],
    budget: &Budget,
) -> ReadResult<(HashMap<u32, Entry>, Dict)> {
    let id = p.object_header()?;
    let obj = p.indirect_body(&mut |l| match l {
        Obj::Int(i) => Ok(*i),
        _ => Err(ReadError::Ambiguous(
            "a cross-reference stream's /Length is not a direct integer".into(),
        )),
    })?;
    let Obj::Stream(stream) = obj else {
        return Err(p.error("expected `xref` or a cross-reference stream"));
    };
    if stream.dict.name(b"Type") != Some(b"XRef") {
        return Err(p.error("expected `xref` or a cross-reference stream (/Type /XRef)"));
    }
    let what = format!("the cross-reference stream {} {}", id.0, id.1);
    let data = decode(&stream.dict, &bytes[stream.data.clone()], budget, &what)?;
    let entries =
        stream_entries(&stream.dict, &data).map_err(|e| p.error(format!("{what}: {e}")))?;
    Ok((entries, stream.dict))
}

/// The entries of a cross-reference stream's decoded data.
fn stream_entries(dict: &Dict, data: &[u8]) -> Result<HashMap<u32, Entry>, String> {
    let ints = |o: Option<&Obj>| -> Option<Vec<u64>> {
        match o? {
            Obj::Array(a) => a
                .iter()
                .map(|x| match x {
                    Obj::Int(i) => u64::try_from(*i).ok(),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    };
    let widths = ints(dict.get(b"W")).filter(|w| w.len() == 3 && w.iter().all(|x| *x <= 8));
    let Some(w) = widths else {
        return Err("its /W is not three widths of 0 to 8 bytes".into());
    };
    let size = match dict.get(b"Size") {
        Some(Obj::Int(s)) if *s >= 0 => *s as u64,
        _ => return Err("its /Size is not a non-negative integer".into()),
    };
    let index = match dict.get(b"Index") {
        None => vec![0, size],
        Some(o) => ints(Some(o))
            .filter(|v| v.len() % 2 == 0)
            .ok_or("its /Index is not pairs of integers")?,
    };
    let width = (w[0] + w[1] + w[2]) as usize;
    let total: u64 = index.chunks(2).map(|c| c[1]).sum();
    if width == 0 || total.saturating_mul(width as u64) > data.len() as u64 {
        return Err("its /Index lists more entries than its data holds".into());
    }
    let mut entries = HashMap::new();
    let mut rows = data.chunks_exact(width);
    for pair in index.chunks(2) {
        for number in pair[0]..pair[0] + pair[1] {
            let row = rows.next().ok_or("its data ends early")?;
            let field = |from: usize, len: u64| {
                row[from..from + len as usize]
                    .iter()
                    .fold(0u64, |n, b| n << 8 | u64::from(*b))
            };
            let kind = if w[0] == 0 { 1 } else { field(0, w[0]) };
            let (a, b) = (
                field(w[0] as usize, w[1]),
                field((w[0] + w[1]) as usize, w[2]),
            );
            let entry = match kind {
                0 => Entry::Free,
                1 => Entry::File {
                    offset: usize::try_from(a).map_err(|_| "an offset out of range")?,
                    generation: u16::try_from(b).map_err(|_| "a generation out of range")?,
                },
                2 => Entry::InStream {
                    stream: u32::try_from(a).map_err(|_| "an object stream number out of range")?,
                    index: u32::try_from(b).map_err(|_| "an index out of range")?,
                },
                _ => Entry::Free,
            };
            let number = u32::try_from(number).map_err(|_| "an object number out of range")?;
            if entries.insert(number, entry).is_some() {
                return Err(format!("it gives object {number} twice"));
            }
        }
    }
    Ok(entries)
}
