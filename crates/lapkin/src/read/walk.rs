//! Walking a revision's trees, each node once and to a bounded depth: the
//! page tree (a page is a leaf whether or not it says `/Type /Page`, as
//! viewers draw it) and the attached files (the catalog's `/AF` and its
//! `/Names /EmbeddedFiles` name tree).

use std::collections::HashSet;

use md5::{Digest, Md5};

use super::error::{ReadError, ReadResult, malformed};
use super::file::Pdf;
use super::object::{Dict, Id, Obj, Stream, text};

/// How deep the page tree and name trees may nest.
const MAX_TREE_DEPTH: usize = 64;

/// The refusal of a tree deeper than [`MAX_TREE_DEPTH`].
fn too_deep(what: &str) -> ReadError {
    ReadError::OverLimit {
        what: format!("the depth of {what}"),
        limit: format!("{MAX_TREE_DEPTH} levels"),
    }
}

/// The pages of revision `k`, in order: each page's id and dictionary.
pub(crate) fn pages(pdf: &Pdf<'_>, k: usize) -> ReadResult<Vec<(Id, Dict)>> {
    let (_, catalog) = pdf.catalog(k)?;
    let Some(Obj::Ref(root)) = catalog.get(b"Pages") else {
        return Err(malformed(0, "the catalog has no /Pages reference"));
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![(*root, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH {
            return Err(too_deep("the page tree"));
        }
        if !seen.insert(id) {
            return Err(ReadError::Ambiguous(format!(
                "the page tree holds object {} {} twice",
                id.0, id.1
            )));
        }
        let Obj::Dict(node) = pdf.get(id, k)? else {
            return Err(malformed(
                0,
                format!("page tree node {} {} is not a dictionary", id.0, id.1),
            ));
        };
        let kind = node.name(b"Type");
        match node.get(b"Kids") {
            Some(Obj::Array(kids)) if kind != Some(b"Page") => {
                for kid in kids.iter().rev() {
                    let Obj::Ref(kid) = kid else {
                        return Err(malformed(0, "a page tree's /Kids holds a direct object"));
                    };
                    stack.push((*kid, depth + 1));
                }
            }
            None if kind != Some(b"Pages") => out.push((id, node)),
            _ => {
                return Err(ReadError::Ambiguous(format!(
                    "page tree node {} {} is neither a page nor a node with /Kids",
                    id.0, id.1
                )));
            }
        }
    }
    Ok(out)
}

/// A file attached to a revision.
#[derive(Debug, Clone)]
pub(crate) struct Attached {
    /// Its name (`/UF`, else `/F`).
    pub name: String,
    /// Its embedded file stream.
    pub stream: Stream,
}

/// The files attached to revision `k`, each once, in the order found:
/// those of the catalog's `/AF` and of its `/Names /EmbeddedFiles` tree.
/// Two different files of one name are refused (readers would show
/// either).
pub(crate) fn attachments(pdf: &Pdf<'_>, k: usize) -> ReadResult<Vec<Attached>> {
    let (_, catalog) = pdf.catalog(k)?;
    let mut found = Found::default();
    if let Some(af) = catalog.get(b"AF")
        && let Obj::Array(items) = pdf.resolve(af, k)?
    {
        for spec in items {
            found.spec(pdf, k, spec)?;
        }
    }
    let tree = pdf.dict(catalog.get(b"Names"), k)?;
    if let Some(root) = tree.get(b"EmbeddedFiles") {
        name_tree(pdf, k, root.clone(), &mut found)?;
    }
    Ok(found.files)
}

/// The attached files found so far, and the file specifications read.
#[derive(Default)]
struct Found {
    files: Vec<Attached>,
    specs: HashSet<Id>,
}

impl Found {
    /// Reads a file specification (once) and adds its file; another
    /// file of the same name is refused.
    fn spec(&mut self, pdf: &Pdf<'_>, k: usize, spec: Obj) -> ReadResult<()> {
        if let Obj::Ref(id) = spec
            && !self.specs.insert(id)
        {
            return Ok(());
        }
        let Some(file) = file_spec(pdf, k, spec)? else {
            return Ok(());
        };
        match self.files.iter().find(|f| f.name == file.name) {
            Some(f) if f.stream == file.stream => Ok(()),
            Some(_) => Err(ReadError::Ambiguous(format!(
                "two different attached files are named {:?}",
                file.name
            ))),
            None => {
                self.files.push(file);
                Ok(())
            }
        }
    }
}

/// Walks a name tree, each node once, handing its values to `found` as
/// they come (a tree of millions of entries is never held twice).
fn name_tree(pdf: &Pdf<'_>, k: usize, root: Obj, found: &mut Found) -> ReadResult<()> {
    let mut stack = vec![(root, 0usize)];
    let mut seen = HashSet::new();
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH {
            return Err(too_deep("the attached files' name tree"));
        }
        if let Obj::Ref(id) = node
            && !seen.insert(id)
        {
            continue;
        }
        let Obj::Dict(mut node) = pdf.resolve_owned(node, k)? else {
            continue;
        };
        if let Some(names) = node.take(b"Names")
            && let Obj::Array(pairs) = pdf.resolve_owned(names, k)?
        {
            for value in pairs.into_iter().skip(1).step_by(2) {
                found.spec(pdf, k, value)?;
            }
        }
        if let Some(kids) = node.take(b"Kids")
            && let Obj::Array(kids) = pdf.resolve_owned(kids, k)?
        {
            stack.extend(kids.into_iter().rev().map(|kid| (kid, depth + 1)));
        }
    }
    Ok(())
}

/// The file a file specification embeds, if it embeds one.
fn file_spec(pdf: &Pdf<'_>, k: usize, spec: Obj) -> ReadResult<Option<Attached>> {
    let Obj::Dict(spec) = pdf.resolve_owned(spec, k)? else {
        return Ok(None);
    };
    let name = [&b"UF"[..], b"F"]
        .iter()
        .find_map(|key| match spec.get(key) {
            Some(Obj::Str(s)) => text(s),
            _ => None,
        })
        .unwrap_or_default();
    let Some(ef_obj) = spec.get(b"EF") else {
        return Ok(None);
    };
    let ef = pdf.dict(Some(ef_obj), k)?;
    let Some(target) = ef.get(b"UF").or_else(|| ef.get(b"F")) else {
        return Ok(None);
    };
    match pdf.resolve(target, k)? {
        Obj::Stream(stream) => Ok(Some(Attached { name, stream })),
        _ => Ok(None),
    }
}

/// An attached file's bytes, decoded under the budget and checked against
/// the size and MD5 checksum its `/Params` give, if any.
pub(crate) fn file_bytes(pdf: &Pdf<'_>, k: usize, file: &Attached) -> ReadResult<Vec<u8>> {
    let data = pdf.decode(&file.stream, &format!("the attached file {:?}", file.name))?;
    check_params(pdf, k, file, &data)?;
    Ok(data)
}

/// Checks an attached file's decoded bytes against the size and MD5
/// checksum its `/Params` give, if any.
pub(crate) fn check_params(
    pdf: &Pdf<'_>,
    k: usize,
    file: &Attached,
    data: &[u8],
) -> ReadResult<()> {
    let what = format!("the attached file {:?}", file.name);
    let params = pdf.dict(file.stream.dict.get(b"Params"), k)?;
    let corrupt = |why: String| ReadError::Undecodable {
        what: what.clone(),
        why,
    };
    if let Some(Obj::Int(size)) = params.get(b"Size")
        && *size != data.len() as i64
    {
        return Err(corrupt(format!(
            "its /Params say {size} bytes, and its stream holds {}",
            data.len()
        )));
    }
    if let Some(Obj::Str(sum)) = params.get(b"CheckSum")
        && sum.as_slice() != Md5::digest(data).as_slice()
    {
        return Err(corrupt(
            "its bytes do not match the MD5 checksum in its /Params".into(),
        ));
    }
    Ok(())
}
