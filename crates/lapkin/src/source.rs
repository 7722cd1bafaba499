//! The report's data inside the document: the canonical JSON of the
//! report and the record of the options that shaped the pages, attached
//! to the PDF (PDF/A-3 associated files), and read back to extract the
//! report or to re-make the document and compare.
//!
//! Two files are attached:
//! - [`SOURCE_FILE`] (`laporan-kinerja.json`, `/AFRelationship /Source`):
//!   the report as lapkin read it, serialized (pretty-printed, fields in
//!   the model's order, a final newline), so that it parses back to an
//!   equal report;
//! - [`RECORD_FILE`] (`lapkin-render.json`, `/AFRelationship
//!   /Supplement`): a [`RenderRecord`]: lapkin's version, the [`Style`],
//!   the font family and the SHA-256 of each face's file, the PDF
//!   standard, the timestamp and the signature field's name.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[cfg(feature = "read")]
/// The most bytes decoded from all the streams of one PDF given to be
/// read ([`extract_source`](crate::extract_source),
/// [`verify`](crate::verify)).
pub use crate::read::DECODE_BUDGET;

use crate::error::{Error, Result};
use crate::media::Files;
use crate::model::Report;
use crate::pdf::{Attachment, PdfOptions, PdfStandard, Relationship};
use crate::problem::{Arg, Conj, Kind, Location, Phrase, Problem};
#[cfg(feature = "read")]
use crate::read::{self, Pdf};
#[cfg(feature = "read")]
use crate::signing::SignaturePlacement;
use crate::style::Style;
use crate::text::{Face, FontSet};

/// The name of the attached report: the canonical JSON of the report.
pub const SOURCE_FILE: &str = "laporan-kinerja.json";
/// The name of the attached [`RenderRecord`].
pub const RECORD_FILE: &str = "lapkin-render.json";

/// The version of the record's format, in [`RenderRecord::format`].
const FORMAT: &str = "lapkin-render/1";

/// lapkin's version, recorded with the options.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What shaped the pages of a document rendered with
/// [`RenderOptions::attach_source`](crate::RenderOptions::attach_source):
/// enough, with the attached report and the same fonts, to make the same
/// bytes again ([`verify`](crate::verify)). Attached as
/// [`RECORD_FILE`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RenderRecord {
    /// The record's format, `lapkin-render/1`.
    pub format: String,
    /// The version of lapkin that rendered the document.
    pub lapkin: String,
    /// The page, margins, sizes and spacing.
    pub style: Style,
    /// The font family.
    pub fonts: FontRecord,
    /// The PDF standard the file follows (`A3b`, `A2b`, `None`).
    pub pdf_standard: String,
    /// [`PdfOptions::timestamp`] as given: seconds since 1970, or `null`
    /// for the closing block's date at 00:00 WIB.
    pub timestamp: Option<i64>,
    /// The document's date, as written (RFC 3339), for people.
    pub date: String,
    /// The empty signature field's name, if the document has one.
    pub signature_field: Option<String>,
    /// The files the report names (its images), each attached beside it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileRecord>,
}

/// A file the report names, attached to the document (an image), in a
/// [`RenderRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileRecord {
    /// Its name in the report (`img/struktur.png`).
    pub name: String,
    /// The name of the attached file that holds it (`struktur.png`).
    pub attachment: String,
    /// The SHA-256 of its bytes, in lowercase hexadecimal.
    pub sha256: String,
}

/// The font family of a [`RenderRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FontRecord {
    /// The family's name (`Liberation Sans`).
    pub family: String,
    /// The four faces: regular, bold, italic, bold italic.
    pub faces: Vec<FaceRecord>,
}

/// One face of a [`FontRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FaceRecord {
    /// Its role: `regular`, `bold`, `italic` or `bold-italic`.
    pub face: String,
    /// Its PostScript name (`LiberationSans-Bold`).
    pub postscript_name: String,
    /// The SHA-256 of the font file, in lowercase hexadecimal.
    pub sha256: String,
}

/// The role of a face, as a [`FaceRecord`] names it.
fn role(face: Face) -> &'static str {
    match face {
        Face::Regular => "regular",
        Face::Bold => "bold",
        Face::Italic => "italic",
        Face::BoldItalic => "bold-italic",
    }
}

impl FontRecord {
    /// The record of a family: its name, and each face's PostScript name
    /// and file hash.
    ///
    /// ```
    /// use lapkin::source::FontRecord;
    ///
    /// let record = FontRecord::of(&lapkin::text::FontSet::liberation_sans());
    /// assert_eq!(record.family, "Liberation Sans");
    /// assert_eq!(record.faces[1].postscript_name, "LiberationSans-Bold");
    /// ```
    pub fn of(fonts: &FontSet) -> FontRecord {
        FontRecord {
            family: fonts.family().to_owned(),
            faces: Face::ALL
                .iter()
                .map(|f| {
                    let face = fonts.face(*f);
                    FaceRecord {
                        face: role(*f).to_owned(),
                        postscript_name: face.postscript_name.clone(),
                        sha256: hex(&Sha256::digest(face.data())),
                    }
                })
                .collect(),
        }
    }

    /// Why `fonts` are not the family recorded (a problem of kind
    /// [`FontsDiffer`](crate::problem::Kind::FontsDiffer) naming each face
    /// whose file differs), or `None` when they are.
    ///
    /// ```
    /// let fonts = lapkin::text::FontSet::liberation_sans();
    /// let record = lapkin::source::FontRecord::of(&fonts);
    /// assert!(record.mismatch(&fonts).is_none());
    /// ```
    pub fn mismatch(&self, fonts: &FontSet) -> Option<Problem> {
        let given = FontRecord::of(fonts);
        let wrong: Vec<Arg> = self
            .faces
            .iter()
            .filter(|want| !given.faces.iter().any(|g| g == *want))
            .map(|want| Arg::Text(format!("{} ({})", want.face, want.postscript_name)))
            .collect();
        if wrong.is_empty() && self.faces.len() == given.faces.len() {
            return None;
        }
        let faces = if wrong.is_empty() {
            Arg::from(Phrase::TheFaces)
        } else {
            Arg::List(wrong, Conj::Comma)
        };
        let p = Problem::new(Location::Option("--font".into()), Kind::FontsDiffer)
            .with("family", Arg::quoted(&self.family))
            .with("given", Arg::quoted(&given.family))
            .with("faces", faces);
        Some(p)
    }
}

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The canonical JSON of a report: serialized with serde_json,
/// pretty-printed, with a final newline. It reads back to an equal report
/// (checked here: a report that would not is an internal error), and a
/// valid report parses back equal with [`parse_report`](crate::parse_report).
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// let canonical = lapkin::source::canonical_json(&report).unwrap();
/// assert_eq!(lapkin::parse_report(&canonical).unwrap(), report);
/// assert!(canonical.ends_with(b"}\n"));
/// ```
pub fn canonical_json(report: &Report) -> Result<Vec<u8>> {
    let mut json = serde_json::to_vec_pretty(report)
        .map_err(|e| Error::Internal(format!("the report cannot be serialized as JSON: {e}")))?;
    json.push(b'\n');
    match serde_json::from_slice::<Report>(&json) {
        Ok(again) if again == *report => Ok(json),
        _ => Err(Error::Internal(
            "the report's JSON does not parse back to the same report".into(),
        )),
    }
}

/// The standard of `opts` once the attachments are added (which raise
/// PDF/A-2b to PDF/A-3b), as recorded (`None`, `A3b`).
fn standard_name(opts: &PdfOptions) -> String {
    match opts.standard {
        PdfStandard::A2b => format!("{:?}", PdfStandard::A3b),
        other => format!("{other:?}"),
    }
}

#[cfg(feature = "read")]
/// Sets the recorded standard on `opts`; a name this version does not know
/// is read as PDF/A-3b, the standard of every file with an attachment.
fn apply_standard(opts: &mut PdfOptions, name: &str) {
    opts.standard = match name {
        "None" => PdfStandard::None,
        "A2b" => PdfStandard::A2b,
        _ => PdfStandard::A3b,
    };
}

/// The record of the options that shape a rendering (`pdf` with the
/// signature field resolved).
pub(crate) fn record(
    style: &Style,
    fonts: &FontSet,
    pdf: &PdfOptions,
    date: time::Date,
) -> Result<RenderRecord> {
    let when = match pdf.timestamp {
        Some(secs) => {
            crate::pdf::check_timestamp(secs)?;
            time::OffsetDateTime::from_unix_timestamp(secs)
                .map_err(|e| Error::Internal(format!("the timestamp {secs}: {e}")))?
        }
        None => {
            let wib =
                time::UtcOffset::from_hms(7, 0, 0).map_err(|e| Error::Internal(e.to_string()))?;
            date.midnight().assume_offset(wib)
        }
    };
    let date = when
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| Error::Internal(format!("the document's date: {e}")))?;
    Ok(RenderRecord {
        format: FORMAT.to_owned(),
        lapkin: VERSION.to_owned(),
        style: style.clone(),
        fonts: FontRecord::of(fonts),
        pdf_standard: standard_name(pdf),
        timestamp: pdf.timestamp,
        date,
        signature_field: pdf.signature_field.clone(),
        files: Vec::new(),
    })
}

/// The name a file of the report is attached under: its last path
/// segment, unless another attachment has it or it is not a plain name
/// of 1 to 100 bytes (then `gambar-{k}` and its extension).
fn attachment_name(name: &str, k: usize, taken: &[String]) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let plain = !base.is_empty() && base.len() <= 100 && !base.starts_with('.');
    let clash = |n: &str| taken.iter().any(|t| t == n) || n == SOURCE_FILE || n == RECORD_FILE;
    if plain && !clash(base) {
        return base.to_owned();
    }
    let ext = if plain {
        base.rsplit_once('.').map_or("", |(_, e)| e)
    } else {
        ""
    };
    let ext = if ext.len() <= 5 && !ext.is_empty() {
        format!(".{ext}")
    } else {
        String::new()
    };
    format!("gambar-{}{ext}", k + 1)
}

/// The MIME type of an image file, by its signature.
fn mime(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}

/// Each file the report names, attached (relationship Source), and their
/// records.
fn attach_files(report: &Report, files: &Files, pdf: &mut PdfOptions) -> Vec<FileRecord> {
    let mut records: Vec<FileRecord> = Vec::new();
    for (k, name) in report.files().into_iter().enumerate() {
        let Some(bytes) = files.get(name) else {
            continue;
        };
        let taken: Vec<String> = records.iter().map(|r| r.attachment.clone()).collect();
        let attachment = attachment_name(name, k, &taken);
        let file = Attachment::new(
            &attachment,
            mime(bytes),
            Relationship::Source,
            bytes.to_vec(),
        )
        .with_description(format!("{name}: a file the report names"));
        *pdf = std::mem::take(pdf).with_attachment(file);
        records.push(FileRecord {
            name: name.to_owned(),
            attachment,
            sha256: hex(&Sha256::digest(bytes)),
        });
    }
    records
}

/// Adds the two attachments (the report, the record) to `pdf`.
pub(crate) fn attach(
    report: &Report,
    style: &Style,
    fonts: &FontSet,
    pdf: &mut PdfOptions,
    (date, files): (time::Date, &Files),
) -> Result<()> {
    let json = canonical_json(report)?;
    let mut record = record(style, fonts, pdf, date)?;
    record.files = attach_files(report, files, pdf);
    let mut record_json = serde_json::to_vec_pretty(&record)
        .map_err(|e| Error::Internal(format!("the render record: {e}")))?;
    record_json.push(b'\n');
    let source = Attachment::new(SOURCE_FILE, "application/json", Relationship::Source, json)
        .with_description(format!("{}: the report's data, as JSON", report.title()));
    let record = Attachment::new(
        RECORD_FILE,
        "application/json",
        Relationship::Supplement,
        record_json,
    )
    .with_description("How lapkin made the pages: style, fonts, PDF options");
    *pdf = std::mem::take(pdf)
        .with_attachment(source)
        .with_attachment(record);
    Ok(())
}

/// The outcome of [`verify`](crate::verify).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Verification {
    /// The document as lapkin wrote it (its first revision) is exactly
    /// lapkin's rendering of the attached report with the recorded
    /// options, and the later revisions, if any, add only what a
    /// signature adds.
    Identical {
        /// Whether revisions were appended after lapkin's (e.g. a
        /// signature).
        later_revisions: bool,
    },
    /// The document is not that rendering: the first difference, in
    /// words ("page 3's content", "the page count: ...").
    Differs(String),
    /// The document as lapkin wrote it is that rendering, but a revision
    /// appended after it changes more than a signature does (see
    /// docs/signing.md, "What `verify` allows after lapkin's revision, and why").
    Changed {
        /// The revision, counted from 1 (lapkin's): 2 is the first
        /// incremental update.
        revision: usize,
        /// What it changes, naming the object ("page 1's /Annots: an
        /// added annotation of /Subtype /Square ...").
        what: String,
    },
    /// The fonts given are not the files the document was made with, so it
    /// cannot be re-made: why, naming the family and the faces (a problem
    /// of kind [`FontsDiffer`](crate::problem::Kind::FontsDiffer)).
    FontsDiffer(Problem),
}

#[cfg(feature = "read")]
/// What the first revision of a PDF carries: the report and the record.
pub(crate) struct Carried {
    /// The attached report's bytes.
    pub json: Vec<u8>,
    /// The record.
    pub record: RenderRecord,
    /// The files the report names, as attached.
    pub files: Files,
}

#[cfg(feature = "read")]
/// The attached report of a PDF, as lapkin wrote it: the bytes of
/// [`SOURCE_FILE`] in the document's first revision, refused if a later
/// revision (an incremental update) changes the attached files, or if it
/// is over `limit` bytes.
pub(crate) fn extract(pdf: &[u8], limit: u64) -> Result<Vec<u8>> {
    let doc = Pdf::open(pdf).map_err(Error::from)?;
    let json = read::first_revision_file(&doc, SOURCE_FILE, limit)
        .map_err(Error::from)?
        .ok_or_else(no_source)?;
    if let Some((revision, what)) = read::attachment_change(&doc).map_err(Error::from)? {
        return Err(Problem::new(Location::Input, Kind::AttachmentChanged)
            .with("revision", revision)
            .with("en_what", what)
            .into());
    }
    Ok(json)
}

#[cfg(feature = "read")]
/// The error of a PDF without an attached report.
fn no_source() -> Error {
    Problem::new(Location::Input, Kind::NoAttachedReport)
        .with("file", SOURCE_FILE)
        .into()
}

#[cfg(feature = "read")]
/// Reads what the first revision of a PDF carries: the report (at most
/// `limit` bytes) and the record.
pub(crate) fn carried(doc: &Pdf<'_>, limit: u64) -> Result<Carried> {
    let json = read::first_revision_file(doc, SOURCE_FILE, limit)
        .map_err(Error::from)?
        .ok_or_else(no_source)?;
    let record_bytes = read::first_revision_file(doc, RECORD_FILE, limit)
        .map_err(Error::from)?
        .ok_or_else(|| {
            Error::from(
                Problem::new(Location::Input, Kind::NoRenderRecord).with("file", RECORD_FILE),
            )
        })?;
    let record: RenderRecord = serde_json::from_slice(&record_bytes).map_err(|e| {
        Error::from(
            Problem::new(Location::Input, Kind::BadRenderRecord)
                .with("file", RECORD_FILE)
                .with("en_detail", e.to_string()),
        )
    })?;
    if record.format != FORMAT {
        return Err(Problem::new(Location::Input, Kind::UnknownRecordFormat)
            .with("file", RECORD_FILE)
            .with("found", Arg::quoted(&record.format))
            .with("version", VERSION)
            .with("expected", Arg::quoted(FORMAT))
            .into());
    }
    if let Some(secs) = record.timestamp
        && crate::pdf::check_timestamp(secs).is_err()
    {
        return Err(Problem::new(Location::Input, Kind::RecordTimestamp)
            .with("file", RECORD_FILE)
            .with("seconds", secs)
            .into());
    }
    let mut files = Files::new();
    for f in &record.files {
        let bytes = read::first_revision_file(doc, &f.attachment, crate::media::MAX_FILE_BYTES)
            .map_err(Error::from)?
            .ok_or_else(|| {
                Error::from(
                    Problem::new(Location::Input, Kind::NoAttachedReport)
                        .with("file", f.attachment.as_str()),
                )
            })?;
        files.insert(f.name.clone(), bytes);
    }
    Ok(Carried {
        json,
        record,
        files,
    })
}

#[cfg(feature = "read")]
impl RenderRecord {
    /// The PDF options the record describes, with the attachments left for
    /// the render to add.
    pub(crate) fn pdf_options(&self) -> PdfOptions {
        let mut pdf = PdfOptions {
            timestamp: self.timestamp,
            signature_field: self.signature_field.clone(),
            ..PdfOptions::default()
        };
        apply_standard(&mut pdf, &self.pdf_standard);
        pdf
    }
}

#[cfg(feature = "read")]
/// Compares a document's first revision with lapkin's rendering of it
/// (`remade`), then each later revision with the one before: they may
/// add a signature and nothing else (see `crate::read`).
pub(crate) fn compare(
    doc: &Pdf<'_>,
    record: &RenderRecord,
    remade: &[u8],
    boxes: &[SignaturePlacement],
) -> Result<Verification> {
    if let Some(what) = read::first_difference(doc, remade).map_err(Error::from)? {
        let version = if record.lapkin == VERSION {
            String::new()
        } else {
            format!(
                " (the document was made by lapkin {}; this is lapkin {VERSION}, whose output may \
                 differ)",
                record.lapkin
            )
        };
        return Ok(Verification::Differs(format!("{what}{version}")));
    }
    let reserved: Vec<read::Reserved> = boxes
        .iter()
        .map(|s| read::Reserved {
            page: s.page.saturating_sub(1),
            rect: s.pdf_rect,
        })
        .collect();
    if let Some((revision, what)) = read::later_change(doc, &reserved).map_err(Error::from)? {
        return Ok(Verification::Changed { revision, what });
    }
    Ok(Verification::Identical {
        later_revisions: doc.revisions() > 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_of_the_bundled_fonts_matches_them_and_not_others() {
        let fonts = FontSet::liberation_sans();
        let record = FontRecord::of(&fonts);
        assert_eq!(record.family, "Liberation Sans");
        assert_eq!(record.faces.len(), 4);
        assert_eq!(record.faces[1].face, "bold");
        assert_eq!(record.faces[1].postscript_name, "LiberationSans-Bold");
        assert_eq!(record.faces[0].sha256.len(), 64);
        assert_eq!(record.mismatch(&fonts), None);
        let mut other = record.clone();
        other.faces[2].sha256 = "0".repeat(64);
        let why = other.mismatch(&fonts).unwrap().to_string();
        assert!(why.contains("italic (LiberationSans-Italic)"), "{why}");
        assert!(!why.contains("bold-italic"), "{why}");
    }

    #[test]
    fn a_record_reads_back_equal() {
        let record = record(
            &Style::default(),
            &FontSet::liberation_sans(),
            &PdfOptions::default().with_signature_field("ttd"),
            time::macros::date!(2024 - 08 - 07),
        )
        .unwrap();
        assert_eq!(record.date, "2024-08-07T00:00:00+07:00");
        let json = serde_json::to_vec(&record).unwrap();
        let again: RenderRecord = serde_json::from_slice(&json).unwrap();
        assert_eq!(again, record);
        #[cfg(feature = "read")]
        assert_eq!(again.pdf_options().signature_field.as_deref(), Some("ttd"));
    }
}
