//! Reading a PDF back, with lopdf (the `read` feature): its attached
//! files, its first revision (the bytes lapkin wrote, before any
//! incremental update such as a signature), and the first difference
//! between two documents, in words.

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

/// Loads a PDF with lopdf (which follows incremental updates), with every
/// stream's decoding bounded.
pub(crate) fn load(bytes: &[u8]) -> Result<Document, String> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECODED),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options)
        .map_err(|e| format!("it is not a PDF that can be read ({e})"))
}

/// How many `%%EOF` markers are tried as the end of the first revision.
const MAX_REVISION_TRIES: usize = 64;

/// The document's first revision: the bytes up to the first `%%EOF` that
/// ends a complete file (a `startxref` just before it, and the bytes up
/// to there read as a PDF), without the end-of-line after it, and that
/// revision read. A signature appended later (an incremental update)
/// starts after it.
pub(crate) fn first_revision(pdf: &[u8]) -> Result<(&[u8], Document), String> {
    let mut last_error =
        "it is not a PDF that can be read (it has no end-of-file marker `%%EOF`)".to_owned();
    let mut from = 0;
    let mut tries = 0;
    while let Some(at) = find(&pdf[from..], b"%%EOF").map(|i| i + from) {
        from = at + 5;
        let before = &pdf[at.saturating_sub(40)..at];
        if find(before, b"startxref").is_none() {
            continue;
        }
        tries += 1;
        if tries > MAX_REVISION_TRIES {
            break;
        }
        let revision = &pdf[..at + 5];
        match load(revision) {
            Ok(doc) => return Ok((revision, doc)),
            Err(e) => last_error = e,
        }
    }
    Err(last_error)
}

/// The first index of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A file's bytes without one end-of-line at its end.
fn without_eol(bytes: &[u8]) -> &[u8] {
    bytes
        .strip_suffix(b"\r\n")
        .or_else(|| bytes.strip_suffix(b"\n"))
        .or_else(|| bytes.strip_suffix(b"\r"))
        .unwrap_or(bytes)
}

/// The first difference between a document (`original`, read as
/// `original_doc`) and what it is expected to be (`expected`), in words
/// ("page 3's content"), looked for in this order: the page count, each
/// page's content, the attached files, the document information, the XMP
/// metadata, every other object, the trailer. `None` when the bytes are
/// the same (an end-of-line after the last `%%EOF` aside).
pub(crate) fn first_difference(
    original: &[u8],
    original_doc: &Document,
    expected: &[u8],
) -> Result<Option<String>, String> {
    if without_eol(original) == without_eol(expected) {
        return Ok(None);
    }
    let expected_doc = load(expected).map_err(|e| format!("lapkin's own rendering: {e}"))?;
    Ok(Some(
        object_difference(original_doc, &expected_doc)?.unwrap_or_else(|| {
            "the file's bytes (its layout, cross-reference table or trailer), though every \
             object is the same"
                .to_owned()
        }),
    ))
}

/// The first difference between the objects of two documents (see
/// [`first_difference`]).
pub(crate) fn object_difference(a: &Document, b: &Document) -> Result<Option<String>, String> {
    if let Some(what) = content_difference(a, b)? {
        return Ok(Some(what));
    }
    rest_difference(a, b)
}

/// The first difference in what a reader sees of two documents: the page
/// count, each page's content, the attached files.
pub(crate) fn content_difference(a: &Document, b: &Document) -> Result<Option<String>, String> {
    let (pages_a, pages_b) = (a.get_pages(), b.get_pages());
    if pages_a.len() != pages_b.len() {
        return Ok(Some(format!(
            "the page count: the document has {} page(s), lapkin's rendering {}",
            pages_a.len(),
            pages_b.len()
        )));
    }
    for ((n, id_a), id_b) in pages_a.iter().zip(pages_b.values()) {
        let content = |doc: &Document, id: ObjectId| {
            doc.get_page_content_with_limit(id, MAX_DECODED)
                .map_err(|e| format!("page {n}'s content cannot be read ({e})"))
        };
        if content(a, *id_a)? != content(b, *id_b)? {
            return Ok(Some(format!("page {n}'s content")));
        }
    }
    let (files_a, files_b) = (embedded_files(a)?, embedded_files(b)?);
    for (fa, fb) in files_a.iter().zip(&files_b) {
        if fa.name != fb.name {
            return Ok(Some(format!(
                "the attached files: {:?} where lapkin attaches {:?}",
                fa.name, fb.name
            )));
        }
        if fa.data != fb.data {
            return Ok(Some(format!("the attached file {:?}", fa.name)));
        }
    }
    if files_a.len() != files_b.len() {
        return Ok(Some(format!(
            "the attached files: {} file(s), where lapkin attaches {}",
            files_a.len(),
            files_b.len()
        )));
    }
    Ok(None)
}

/// The first difference between two documents past their content: the
/// document information, the XMP metadata, every other object, the
/// trailer.
fn rest_difference(a: &Document, b: &Document) -> Result<Option<String>, String> {
    let info = |d: &Document| {
        d.trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| d.get_dictionary(id))
            .cloned()
            .unwrap_or_default()
    };
    if let Some(key) = dictionary_difference(&info(a), &info(b)) {
        return Ok(Some(format!("the document information (metadata): /{key}")));
    }
    let xmp = |d: &Document| {
        d.catalog()
            .and_then(|c| c.get(b"Metadata"))
            .and_then(Object::as_reference)
            .and_then(|id| d.get_object(id))
            .and_then(Object::as_stream)
            .ok()
            .map(|s| s.decompressed_content_with_limit(MAX_DECODED).ok())
    };
    if xmp(a) != xmp(b) {
        return Ok(Some("the XMP metadata".to_owned()));
    }
    let ids = a.objects.keys().chain(b.objects.keys());
    let mut ids: Vec<ObjectId> = ids.copied().collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        match (a.objects.get(&id), b.objects.get(&id)) {
            (Some(x), Some(y)) if same_object(x, y) => {}
            (x, y) => {
                let kind = x.or(y).map(describe).unwrap_or_default();
                return Ok(Some(format!("object {} {}{kind}", id.0, id.1)));
            }
        }
    }
    if dictionary_difference(&a.trailer, &b.trailer).is_some() {
        return Ok(Some("the trailer (the document ID)".to_owned()));
    }
    Ok(None)
}

/// The first key whose value differs between two dictionaries.
fn dictionary_difference(a: &Dictionary, b: &Dictionary) -> Option<String> {
    let keys = a.iter().map(|(k, _)| k).chain(b.iter().map(|(k, _)| k));
    for key in keys {
        let (x, y) = (a.get(key).ok(), b.get(key).ok());
        let same = match (x, y) {
            (Some(x), Some(y)) => same_object(x, y),
            (None, None) => true,
            _ => false,
        };
        if !same {
            return Some(String::from_utf8_lossy(key).into_owned());
        }
    }
    None
}

/// Whether two objects are the same: streams by their dictionary and
/// their bytes (not where they were in the file).
fn same_object(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::Stream(x), Object::Stream(y)) => x.dict == y.dict && x.content == y.content,
        (Object::Array(x), Object::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_object(x, y))
        }
        (Object::Dictionary(x), Object::Dictionary(y)) => {
            x.len() == y.len() && dictionary_difference(x, y).is_none()
        }
        _ => a == b,
    }
}

/// What an object is, for a message: ` (/Type /Font)`, or nothing.
fn describe(o: &Object) -> String {
    let dict = match o {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        _ => return String::new(),
    };
    ["Type", "Subtype"]
        .iter()
        .filter_map(|k| match dict.get(k.as_bytes()) {
            Ok(Object::Name(n)) => Some(format!("/{k} /{}", String::from_utf8_lossy(n))),
            _ => None,
        })
        .reduce(|a, b| format!("{a} {b}"))
        .map(|s| format!(" ({s})"))
        .unwrap_or_default()
}

/// The largest attached file or page content read back from a PDF: a
/// small compressed stream must not expand without bound.
pub(crate) const MAX_DECODED: usize = 1 << 30;

/// A file attached to a PDF, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Embedded {
    /// Its name (`/UF`, else `/F`).
    pub name: String,
    /// Its bytes, decoded.
    pub data: Vec<u8>,
}

/// The embedded files of a PDF: those of the catalog's `/AF` and of its
/// `/Names /EmbeddedFiles` tree (flat or with `/Kids`), each once, in the
/// order found. A file specification that cannot be read is skipped; a
/// stream that cannot be decoded is an error naming the file.
pub(crate) fn embedded_files(doc: &Document) -> std::result::Result<Vec<Embedded>, String> {
    let catalog = doc
        .catalog()
        .map_err(|e| format!("the PDF has no readable catalog ({e})"))?;
    let mut specs: Vec<ObjectId> = Vec::new();
    let mut push = |o: &Object| {
        if let Ok(id) = o.as_reference()
            && !specs.contains(&id)
        {
            specs.push(id);
        }
    };
    if let Ok(af) = deref(doc, catalog.get(b"AF")).and_then(Object::as_array) {
        af.iter().for_each(&mut push);
    }
    if let Ok(tree) = deref(doc, catalog.get(b"Names"))
        .and_then(Object::as_dict)
        .and_then(|n| deref(doc, n.get(b"EmbeddedFiles")))
    {
        // The tree's nodes, depth first; bounded by the number of objects
        // (a node seen twice is not walked again).
        let mut stack = vec![tree];
        let mut seen = 0usize;
        while let Some(node) = stack.pop() {
            seen += 1;
            if seen > doc.objects.len() + 1 {
                break;
            }
            let Ok(node) = node.as_dict() else { continue };
            if let Ok(names) = deref(doc, node.get(b"Names")).and_then(Object::as_array) {
                names.iter().skip(1).step_by(2).for_each(&mut push);
            }
            if let Ok(kids) = deref(doc, node.get(b"Kids")).and_then(Object::as_array) {
                for kid in kids.iter().rev() {
                    if let Ok(k) = deref(doc, Ok(kid)) {
                        stack.push(k);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for id in specs {
        let Ok(spec) = doc.get_dictionary(id) else {
            continue;
        };
        let name = ["UF", "F"]
            .iter()
            .find_map(|k| spec.get(k.as_bytes()).ok().and_then(pdf_text))
            .unwrap_or_default();
        let Ok(ef) = deref(doc, spec.get(b"EF")).and_then(Object::as_dict) else {
            continue;
        };
        let Ok(stream) =
            deref(doc, ef.get(b"UF").or_else(|_| ef.get(b"F"))).and_then(Object::as_stream)
        else {
            continue;
        };
        let data = stream
            .decompressed_content_with_limit(MAX_DECODED)
            .map_err(|e| format!("the attached file {name:?} cannot be decoded ({e})"))?;
        out.push(Embedded { name, data });
    }
    Ok(out)
}

/// An object, following a reference.
fn deref<'a>(doc: &'a Document, o: lopdf::Result<&'a Object>) -> lopdf::Result<&'a Object> {
    let o = o?;
    match o {
        Object::Reference(id) => doc.get_object(*id),
        other => Ok(other),
    }
}

/// A PDF text string as Rust text: UTF-16BE with a byte order mark, else
/// PDFDocEncoding read as Latin-1 (exact for ASCII).
pub(crate) fn pdf_text(o: &Object) -> Option<String> {
    let Object::String(bytes, _) = o else {
        return None;
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    Some(bytes.iter().map(|&b| char::from(b)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_of_line_after_the_end_is_not_a_difference() {
        assert_eq!(without_eol(b"%%EOF\r\n"), b"%%EOF");
        assert_eq!(without_eol(b"%%EOF\n"), b"%%EOF");
        assert_eq!(without_eol(b"%%EOF"), b"%%EOF");
    }

    #[test]
    fn bytes_that_are_no_pdf_have_no_first_revision() {
        assert!(first_revision(b"hello").is_err());
        assert!(first_revision(b"startxref\n0\n%%EOF").is_err());
        assert!(first_revision(b"").is_err());
    }
}
