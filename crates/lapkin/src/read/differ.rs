//! The first difference between a document's first revision and lapkin's
//! rendering of it, in words ("page 3's content"), looked for in this
//! order: the page count, each page's content, the attached files, the
//! document information, the XMP metadata, every other object, the
//! trailer. A stream that cannot be decoded is a difference, never
//! compared by its raw bytes.

use std::collections::BTreeSet;

use super::error::ReadResult;
use super::file::Pdf;
use super::object::{Dict, Id, Obj, show};
use super::walk::{attachments, file_bytes, pages};

/// A file's bytes without one end-of-line at its end.
pub(crate) fn without_eol(bytes: &[u8]) -> &[u8] {
    bytes
        .strip_suffix(b"\r\n")
        .or_else(|| bytes.strip_suffix(b"\n"))
        .or_else(|| bytes.strip_suffix(b"\r"))
        .unwrap_or(bytes)
}

/// The first difference between revision 0 of `a` (the document) and of
/// `b` (lapkin's rendering), or `None` when their bytes are the same.
pub(crate) fn first_difference(a: &Pdf<'_>, b: &Pdf<'_>) -> ReadResult<Option<String>> {
    let (ra, rb) = (&a.bytes[..a.revision_end(0)], &b.bytes[..b.revision_end(0)]);
    if without_eol(ra) == without_eol(rb) {
        return Ok(None);
    }
    if let Some(what) = content_difference(a, b)? {
        return Ok(Some(what));
    }
    if let Some(what) = rest_difference(a, b)? {
        return Ok(Some(what));
    }
    Ok(Some(
        "the file's bytes (its layout, cross-reference section or trailer), though every object \
         is the same"
            .into(),
    ))
}

/// A page's content: its streams decoded and joined; `None` if one
/// cannot be decoded.
fn page_content(pdf: &Pdf<'_>, page: &Dict, n: usize) -> ReadResult<Option<Vec<u8>>> {
    let streams = match page
        .get(b"Contents")
        .map(|c| pdf.resolve(c, 0))
        .transpose()?
    {
        None => Vec::new(),
        Some(Obj::Array(items)) => items
            .iter()
            .map(|i| pdf.resolve(i, 0))
            .collect::<ReadResult<Vec<_>>>()?,
        Some(other) => vec![other],
    };
    let mut out = Vec::new();
    for s in streams {
        let Obj::Stream(s) = s else { return Ok(None) };
        match pdf.decode(&s, &format!("page {n}'s content")) {
            Ok(data) => out.extend_from_slice(&data),
            Err(super::ReadError::OverLimit { what, limit }) => {
                return Err(super::ReadError::OverLimit { what, limit });
            }
            Err(_) => return Ok(None),
        }
        out.push(b'\n');
    }
    Ok(Some(out))
}

/// The first difference in what a reader sees: the page count, each
/// page's content, the attached files.
fn content_difference(a: &Pdf<'_>, b: &Pdf<'_>) -> ReadResult<Option<String>> {
    let (pa, pb) = (pages(a, 0)?, pages(b, 0)?);
    if pa.len() != pb.len() {
        return Ok(Some(format!(
            "the page count: the document has {} page(s), lapkin's rendering {}",
            pa.len(),
            pb.len()
        )));
    }
    for (n, ((_, x), (_, y))) in pa.iter().zip(&pb).enumerate() {
        let n = n + 1;
        match (page_content(a, x, n)?, page_content(b, y, n)?) {
            (Some(x), Some(y)) if x == y => {}
            (None, _) => {
                return Ok(Some(format!(
                    "page {n}'s content (a stream lapkin cannot decode)"
                )));
            }
            _ => return Ok(Some(format!("page {n}'s content"))),
        }
    }
    let (fa, fb) = (attachments(a, 0)?, attachments(b, 0)?);
    for (x, y) in fa.iter().zip(&fb) {
        if x.name != y.name {
            return Ok(Some(format!(
                "the attached files: {:?} where lapkin attaches {:?}",
                x.name, y.name
            )));
        }
        let bytes = file_bytes(a, 0, x).ok();
        if bytes.is_none() || bytes != file_bytes(b, 0, y).ok() {
            return Ok(Some(format!("the attached file {:?}", x.name)));
        }
    }
    if fa.len() != fb.len() {
        return Ok(Some(format!(
            "the attached files: {} file(s), where lapkin attaches {}",
            fa.len(),
            fb.len()
        )));
    }
    Ok(None)
}

/// The first difference past the content: the document information, the
/// XMP metadata, every other object, the trailer.
fn rest_difference(a: &Pdf<'_>, b: &Pdf<'_>) -> ReadResult<Option<String>> {
    let info = |p: &Pdf<'_>| p.dict(p.trailer(0).get(b"Info"), 0);
    if let Some(key) = dict_difference(a, &info(a)?, b, &info(b)?) {
        return Ok(Some(format!("the document information (metadata): /{key}")));
    }
    let xmp = |p: &Pdf<'_>| -> ReadResult<Option<Vec<u8>>> {
        let (_, catalog) = p.catalog(0)?;
        Ok(
            match catalog
                .get(b"Metadata")
                .map(|m| p.resolve(m, 0))
                .transpose()?
            {
                Some(Obj::Stream(s)) => p.decode(&s, "the XMP metadata").ok(),
                _ => None,
            },
        )
    };
    if xmp(a)? != xmp(b)? {
        return Ok(Some("the XMP metadata".into()));
    }
    let numbers: BTreeSet<u32> = a
        .entries(0)
        .keys()
        .chain(b.entries(0).keys())
        .copied()
        .collect();
    for number in numbers {
        let generation = |p: &Pdf<'_>| match p.entry(number, 0) {
            Some(super::xref::Entry::File { generation, .. }) => generation,
            _ => 0,
        };
        let (ida, idb): (Id, Id) = ((number, generation(a)), (number, generation(b)));
        let (x, y) = (a.get(ida, 0)?, b.get(idb, 0)?);
        if !same(a, &x, b, &y) {
            let kind = if x == Obj::Null { y.kind() } else { x.kind() };
            return Ok(Some(format!("object {number} {} ({kind})", ida.1)));
        }
    }
    if dict_difference(a, a.trailer(0), b, b.trailer(0)).is_some() {
        return Ok(Some("the trailer (the document ID)".into()));
    }
    Ok(None)
}

/// The first key whose value differs between two dictionaries.
pub(crate) fn dict_difference(pa: &Pdf<'_>, a: &Dict, pb: &Pdf<'_>, b: &Dict) -> Option<String> {
    let keys: BTreeSet<&[u8]> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .find(|key| match (a.get(key), b.get(key)) {
            (Some(x), Some(y)) => !same(pa, x, pb, y),
            (None, None) => false,
            _ => true,
        })
        .map(show)
}

/// Whether two objects (of `pa` and `pb`) are the same: streams by their
/// dictionary and their bytes as written, wherever they are in the file.
pub(crate) fn same(pa: &Pdf<'_>, a: &Obj, pb: &Pdf<'_>, b: &Obj) -> bool {
    match (a, b) {
        (Obj::Stream(x), Obj::Stream(y)) => {
            dict_difference(pa, &x.dict, pb, &y.dict).is_none() && pa.raw(x) == pb.raw(y)
        }
        (Obj::Array(x), Obj::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(pa, x, pb, y))
        }
        (Obj::Dict(x), Obj::Dict(y)) => dict_difference(pa, x, pb, y).is_none(),
        _ => a == b,
    }
}
