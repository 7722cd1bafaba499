//! Reading PDFs back, for [`extract_source`](crate::extract_source) and
//! [`verify`](crate::verify): lapkin's own strict reader, apart from the
//! code that writes PDFs.
//!
//! It reads a file as viewers do, and refuses what they could read
//! differently:
//! - from the last `startxref`, through each section's `/Prev` (tables,
//!   cross-reference streams, hybrid sections with `/XRefStm`); each
//!   section is a revision, and its end (the `startxref N %%EOF` after
//!   it) is where that revision's bytes end: lapkin's revision is found
//!   from the structure, not by searching the text for `%%EOF`;
//! - objects when asked for, as of a revision; object streams decoded
//!   once; pages whether or not they say `/Type /Page`;
//! - streams decoded under one budget for the whole file
//!   ([`DECODE_BUDGET`]), only in the filters lapkin and signers write;
//!   a stream that cannot be decoded is an error, never its raw bytes;
//! - nesting, references and trees bounded, each node walked once.
//!
//! Why not lopdf's reader: it follows the first `%PDF-` and the last 512
//! bytes rather than the structure, skips a lone section's `/XRefStm`,
//! loads (and decompresses) every object of the file up front, and bounds
//! each stream alone; a reader that must say what every viewer sees, and
//! nothing more, needs none of what it does besides.

mod decode;
mod differ;
mod error;
mod file;
mod later;
mod object;
mod parse;
mod signature;
mod walk;
mod xmp;
mod xref;

pub use decode::DECODE_BUDGET;
pub use error::ReadError;
pub(crate) use error::ReadResult;
pub(crate) use file::Pdf;
pub(crate) use signature::Reserved;

use differ::same;
use walk::{Attached, attachments};

/// The bytes of the file `name` attached to lapkin's revision (the
/// first), if there is one, decoded and checked; one over `limit` bytes
/// is refused (before decoding when its `/Params` give its size).
pub(crate) fn first_revision_file(
    pdf: &Pdf<'_>,
    name: &str,
    limit: u64,
) -> ReadResult<Option<Vec<u8>>> {
    let files = attachments(pdf, 0)?;
    let Some(file) = files.into_iter().find(|f| f.name == name) else {
        return Ok(None);
    };
    let too_large = |size: u64| ReadError::OverLimit {
        what: format!("the attached file {name:?} ({size} bytes)"),
        limit: format!("{limit} bytes (--max-input-size)"),
    };
    let params = pdf.dict(file.stream.dict.get(b"Params"), 0)?;
    if let Some(object::Obj::Int(size)) = params.get(b"Size")
        && *size as u64 > limit
    {
        return Err(too_large(*size as u64));
    }
    let what = format!("the attached file {name:?}");
    let data = pdf
        .budget
        .capped(limit.saturating_add(1), || pdf.decode(&file.stream, &what))?;
    if data.len() as u64 > limit {
        return Err(ReadError::OverLimit {
            what: format!("the attached file {name:?} (more than {limit} bytes)"),
            limit: format!("{limit} bytes (--max-input-size)"),
        });
    }
    walk::check_params(pdf, 0, &file, &data)?;
    Ok(Some(data))
}

/// The first revision after lapkin's whose attached files (as a reader
/// sees them: names and streams) differ from lapkin's: its number (from
/// 1, lapkin's being 1) and what differs.
pub(crate) fn attachment_change(pdf: &Pdf<'_>) -> ReadResult<Option<(usize, String)>> {
    let first = attachments(pdf, 0)?;
    for k in 1..pdf.revisions() {
        let now = attachments(pdf, k)?;
        let changed = |a: &Attached, b: &Attached| {
            a.name != b.name
                || !same(
                    pdf,
                    &object::Obj::Stream(a.stream.clone()),
                    pdf,
                    &object::Obj::Stream(b.stream.clone()),
                )
        };
        let what = first
            .iter()
            .zip(&now)
            .find(|(a, b)| changed(a, b))
            .map(|(a, _)| format!("the attached file {:?}", a.name))
            .or_else(|| {
                (first.len() != now.len()).then(|| {
                    format!(
                        "the attached files ({} where lapkin attached {})",
                        now.len(),
                        first.len()
                    )
                })
            });
        if let Some(what) = what {
            return Ok(Some((k + 1, what)));
        }
    }
    Ok(None)
}

/// The first difference between lapkin's revision of `pdf` and lapkin's
/// rendering `remade`, or `None` when the bytes are the same.
pub(crate) fn first_difference(pdf: &Pdf<'_>, remade: &[u8]) -> ReadResult<Option<String>> {
    let end = pdf.revision_end(0);
    if differ::without_eol(&pdf.bytes[..end]) == differ::without_eol(remade) {
        return Ok(None);
    }
    let expected = Pdf::open(remade)?;
    differ::first_difference(pdf, &expected)
}

/// The first revision after lapkin's that adds or changes more than a
/// signature does: its number (from 1, lapkin's being 1) and what it
/// changes.
pub(crate) fn later_change(
    pdf: &Pdf<'_>,
    reserved: &[Reserved],
) -> ReadResult<Option<(usize, String)>> {
    for k in 1..pdf.revisions() {
        if let Some(what) = later::check_revision(pdf, k, reserved)? {
            return Ok(Some((k + 1, what)));
        }
    }
    Ok(None)
}
