//! Embedded files (PDF/A-3 associated files): writing them into the
//! document (reading them back is `crate::read`'s).
//!
//! Each [`Attachment`] becomes an embedded file stream (`/Type
//! /EmbeddedFile`, its MIME type as `/Subtype`, `/Params` with the size,
//! the MD5 checksum and the date), a file specification (`/Type /Filespec`,
//! `/F` and `/UF`, `/EF`, `/AFRelationship`, `/Desc`), listed in the
//! catalog's `/AF` and in its `/Names /EmbeddedFiles` name tree (sorted by
//! name, as a name tree must be).

use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use md5::{Digest, Md5};

use crate::error::{Error, Result};
use crate::problem::{Arg, Kind, Location, Problem};

/// How an attached file relates to the document (ISO 19005-3,
/// `/AFRelationship`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Relationship {
    /// The file the document was made from (the report's JSON).
    Source,
    /// Data the document shows.
    Data,
    /// Another representation of the document.
    Alternative,
    /// A file that adds to the document (lapkin's record of how the pages
    /// were made).
    Supplement,
    /// None of the above.
    Unspecified,
}

impl Relationship {
    /// The name of the relationship in the PDF (`Source`, `Supplement`...).
    pub fn pdf_name(self) -> &'static str {
        match self {
            Relationship::Source => "Source",
            Relationship::Data => "Data",
            Relationship::Alternative => "Alternative",
            Relationship::Supplement => "Supplement",
            Relationship::Unspecified => "Unspecified",
        }
    }
}

/// A file embedded in the PDF as an associated file of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attachment {
    /// The file's name (`laporan-kinerja.json`): unique in the document,
    /// 1 to 127 bytes, without `/` or `\`.
    pub name: String,
    /// Its MIME type, e.g. `application/json`.
    pub mime: String,
    /// How it relates to the document.
    pub relationship: Relationship,
    /// What it is, in words (`/Desc`); empty for none.
    pub description: String,
    /// Its bytes.
    pub data: Vec<u8>,
}

impl Attachment {
    /// An attachment without a description.
    pub fn new(
        name: impl Into<String>,
        mime: impl Into<String>,
        relationship: Relationship,
        data: Vec<u8>,
    ) -> Self {
        Attachment {
            name: name.into(),
            mime: mime.into(),
            relationship,
            description: String::new(),
            data,
        }
    }

    /// This attachment with a description (`/Desc`).
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }
}

/// Checks the attachments of a [`PdfOptions`](super::PdfOptions): names
/// and MIME types the PDF can hold, no name twice. Each problem names the
/// attachment by its path (`pdf.attachments[1].name`). PDF/A-2b cannot
/// carry attached files (`pdf.standard`).
pub(super) fn check_attachments(
    attachments: &[Attachment],
    standard: super::PdfStandard,
) -> Result<()> {
    let mut problems = Vec::new();
    if standard == super::PdfStandard::A2b && !attachments.is_empty() {
        let at = Location::Option("pdf.standard".into());
        problems.push(Problem::new(at, Kind::AttachmentsNeedA3b));
    }
    for (i, a) in attachments.iter().enumerate() {
        let path = |field: &str| Location::Option(format!("pdf.attachments[{i}].{field}").into());
        let name = Arg::quoted(&a.name);
        if a.name.is_empty() || a.name.len() > 127 || a.name.contains(['/', '\\']) {
            problems.push(Problem::new(path("name"), Kind::BadAttachmentName).with("name", name));
        } else if attachments[..i].iter().any(|b| b.name == a.name) {
            problems.push(Problem::new(path("name"), Kind::DuplicateAttachment).with("name", name));
        }
        let mime_ok = a.mime.split_once('/').is_some_and(|(t, s)| {
            !t.is_empty()
                && !s.is_empty()
                && a.mime.len() <= 120
                && a.mime.bytes().filter(|b| *b == b'/').count() == 1
                && a.mime.bytes().all(|b| b.is_ascii_graphic())
        });
        if !mime_ok {
            let mime = Arg::quoted(&a.mime);
            problems.push(Problem::new(path("mime"), Kind::BadMimeType).with("mime", mime));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

/// Adds the attachments to the document: their streams and file
/// specifications, the catalog's `/AF` and `/Names /EmbeddedFiles`. `date`
/// is the document's date (a PDF date string). The streams are left
/// uncompressed for the finishing pass to compress. Each attachment's name
/// and bytes are fed to `hash` (the document ID's).
pub(super) fn add_attachments(
    doc: &mut Document,
    attachments: &[Attachment],
    date: &str,
    hash: &mut sha2::Sha256,
) -> Result<()> {
    if attachments.is_empty() {
        return Ok(());
    }
    let mut specs = Vec::with_capacity(attachments.len());
    for a in attachments {
        sha2::Digest::update(hash, a.name.as_bytes());
        sha2::Digest::update(hash, &a.data);
        let mut params = Dictionary::new();
        params.set("Size", a.data.len() as i64);
        params.set(
            "CheckSum",
            Object::String(Md5::digest(&a.data).to_vec(), StringFormat::Hexadecimal),
        );
        params.set("ModDate", super::finish::text_string(date));
        let mut dict = Dictionary::new();
        dict.set("Type", "EmbeddedFile");
        dict.set("Subtype", Object::Name(a.mime.as_bytes().to_vec()));
        dict.set("Params", params);
        let stream_id = doc.add_object(Stream::new(dict, a.data.clone()));

        let mut ef = Dictionary::new();
        ef.set("F", stream_id);
        ef.set("UF", stream_id);
        let mut spec = Dictionary::new();
        spec.set("Type", "Filespec");
        spec.set("F", super::finish::text_string(&a.name));
        spec.set("UF", super::finish::text_string(&a.name));
        spec.set("EF", ef);
        spec.set("AFRelationship", a.relationship.pdf_name());
        if !a.description.is_empty() {
            spec.set("Desc", super::finish::text_string(&a.description));
        }
        let spec_id = doc.add_object(spec);
        specs.push((a.name.as_str(), spec_id));
    }
    let af: Vec<Object> = specs.iter().map(|(_, id)| Object::Reference(*id)).collect();
    // A name tree's keys are sorted by their bytes.
    specs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut names = Vec::with_capacity(specs.len() * 2);
    for (name, id) in &specs {
        names.push(Object::String(
            name.as_bytes().to_vec(),
            StringFormat::Literal,
        ));
        names.push(Object::Reference(*id));
    }
    let mut tree = Dictionary::new();
    tree.set("Names", names);
    let catalog = doc
        .catalog_mut()
        .map_err(|e| Error::Internal(format!("the catalog: {e}")))?;
    catalog.set("AF", af);
    let mut name_dict = match catalog.get(b"Names") {
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    name_dict.set("EmbeddedFiles", tree);
    catalog.set("Names", name_dict);
    Ok(())
}
