//! Embedded files (PDF/A-3 associated files), written into the document
//! (reading them back is `crate::read`'s).
//!
//! Each [`Attachment`] becomes an embedded file stream (`/Type
//! /EmbeddedFile`, its MIME type as `/Subtype`, `/Params` with the size,
//! the MD5 checksum and the date), a file specification (`/Type /Filespec`,
//! `/F` and `/UF`, `/EF`, `/AFRelationship`, `/Desc`), listed in the
//! catalog's `/AF` and in its `/Names /EmbeddedFiles` name tree (sorted by
//! name, as a name tree must be).

use md5::{Digest, Md5};
use pdf_writer::writers::Catalog;
use pdf_writer::{Date, Finish, Name, Ref, Str, TextStr};

use super::file::{Writer, filtered};
use crate::error::Result;
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
    ///
    /// ```
    /// use lapkin::pdf::Relationship;
    ///
    /// assert_eq!(Relationship::Source.pdf_name(), "Source");
    /// ```
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
    ///
    /// ```
    /// use lapkin::pdf::{Attachment, Relationship};
    ///
    /// let csv = Attachment::new("anggaran.csv", "text/csv", Relationship::Data, b"pagu;realisasi\n".to_vec());
    /// assert_eq!((csv.name.as_str(), csv.description.as_str()), ("anggaran.csv", ""));
    /// ```
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
    ///
    /// ```
    /// use lapkin::pdf::{Attachment, Relationship};
    ///
    /// let csv = Attachment::new("anggaran.csv", "text/csv", Relationship::Data, Vec::new())
    ///     .with_description("Rincian anggaran");
    /// assert_eq!(csv.description, "Rincian anggaran");
    /// ```
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
    crate::error::none_or_invalid(problems)
}

/// Writes the attachments: each file's stream (compressed if that makes it
/// smaller) and file specification. `date` is the document's date. Each
/// attachment's name and bytes are fed to `hash` (the document ID's).
/// Returns each name with its file specification, in order.
pub(super) fn write_attachments(
    w: &mut Writer,
    attachments: &[Attachment],
    date: Date,
    hash: &mut sha2::Sha256,
) -> Vec<(String, Ref)> {
    let mut specs = Vec::with_capacity(attachments.len());
    for a in attachments {
        sha2::Digest::update(hash, a.name.as_bytes());
        sha2::Digest::update(hash, &a.data);
        let (stream, spec) = (w.alloc(), w.alloc());
        let (data, filter) = w.pack(&a.data);
        let mut file = w.stream(stream).embedded_file(stream, &data);
        file.subtype(Name(a.mime.as_bytes()));
        filtered(&mut file, filter);
        file.params()
            .size(i32::try_from(a.data.len()).unwrap_or(i32::MAX))
            .modification_date(date)
            .checksum(Str(&Md5::digest(&a.data)));
        file.finish();
        let mut f = w.object(spec).file_spec(spec);
        f.path(Str(a.name.as_bytes()))
            .unic_file(TextStr(&a.name))
            .embedded_file_with_unicode(stream);
        let relationship = Name(a.relationship.pdf_name().as_bytes());
        f.pair(Name(b"AFRelationship"), relationship);
        if !a.description.is_empty() {
            f.description(TextStr(&a.description));
        }
        f.finish();
        specs.push((a.name.clone(), spec));
    }
    specs
}

/// The catalog's `/AF` (the attachments in order) and `/Names
/// /EmbeddedFiles`, a name tree whose keys are sorted by their bytes;
/// nothing without attachments.
pub(super) fn catalog_entries(catalog: &mut Catalog<'_>, specs: &[(String, Ref)]) {
    if specs.is_empty() {
        return;
    }
    catalog
        .insert(Name(b"AF"))
        .array()
        .items(specs.iter().map(|(_, r)| *r));
    let mut sorted: Vec<&(String, Ref)> = specs.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut names = catalog.names();
    let mut tree = names.embedded_files();
    let mut entries = tree.names();
    for (name, spec) in sorted {
        entries.insert(Str(name.as_bytes()), *spec);
    }
}
