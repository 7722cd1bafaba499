//! What makes the document archival (PDF/A, ISO 19005-2 and -3): the XMP
//! metadata, written with xmp-writer, and the sRGB output intent.
//!
//! The XMP says the same as the document information dictionary (title,
//! author, subject, keywords, creator, producer, dates; ISO 19005-2,
//! 6.6.2.3.1) and which part and conformance level the file claims. Only
//! the schemas PDF/A predefines are used (Dublin Core, XMP basic, Adobe PDF,
//! PDF/A identification), so no extension schema is needed.

use std::borrow::Cow;

use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::writers::Catalog;
use pdf_writer::{Ref, TextStr};
use xmp_writer::{DateTime, LangId, Timezone, XmpWriter};

use super::document::{CREATOR, LANGUAGE, PRODUCER, Texts};
use super::file::Writer;

/// The sRGB profile of the output intent: 480 bytes, ICC 4.2, class
/// `mntr`, CC0 (`icc/README.md`).
const SRGB_PROFILE: &[u8] = include_bytes!("../../icc/sRGB-v4.icc");

/// The output condition the profile describes, as the ICC's registry
/// names it.
const SRGB_CONDITION: &str = "sRGB IEC61966-2.1";

/// Writes the XMP packet of a document claiming PDF/A part `part`
/// (conformance level B), uncompressed (PDF/A readers must find it without
/// decoding anything), and returns it. The packet header has neither
/// `bytes=` nor `encoding=` (ISO 19005-2, 6.6.2.1), and nothing in it
/// depends on anything but its arguments, so the same document gives the
/// same bytes. `texts` must be [`xml_safe`].
pub(super) fn write_metadata(
    w: &mut Writer,
    texts: &Texts<'_>,
    time: time::OffsetDateTime,
    part: u8,
) -> Ref {
    let date = xmp_date(time);
    let mut x = XmpWriter::new();
    x.format("application/pdf")
        .title([(Some(LangId::default()), &*texts.title)])
        .creator([&*texts.author])
        .description([(Some(LangId::default()), &*texts.subject)])
        .language([LangId(LANGUAGE)])
        .creator_tool(CREATOR)
        .create_date(date)
        .modify_date(date)
        .metadata_date(date)
        .producer(PRODUCER)
        .pdf_keywords(&texts.keywords)
        .pdfa_part(i32::from(part))
        .pdfa_conformance("B");
    let packet = x.finish(None);
    let id = w.alloc();
    w.stream(id).metadata(id, packet.as_bytes());
    id
}

/// Writes the sRGB profile of the output intent, and returns it.
pub(super) fn write_profile(w: &mut Writer) -> Ref {
    let id = w.alloc();
    let (data, filter) = w.pack(SRGB_PROFILE);
    let mut profile = w.stream(id).icc_profile(id, &data);
    profile.n(3);
    super::file::filtered(&mut profile, filter);
    id
}

/// The catalog's `/OutputIntents`: one PDF/A intent with `profile`.
pub(super) fn output_intent(catalog: &mut Catalog<'_>, profile: Ref) {
    catalog
        .output_intents()
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr(SRGB_CONDITION))
        .info(TextStr(SRGB_CONDITION))
        .dest_output_profile(profile);
}

/// An XMP date, the same instant and zone as the PDF date of the document
/// information (`2024-08-07T00:00:00+07:00`, `2023-11-14T22:13:20Z`).
fn xmp_date(t: time::OffsetDateTime) -> DateTime {
    let (hour, minute, _) = t.offset().as_hms();
    let zone = match (hour, minute) {
        (0, 0) => Timezone::Utc,
        _ => Timezone::Local {
            hour,
            minute: minute.abs(),
        },
    };
    DateTime::new(
        t.year().clamp(0, 9999) as u16,
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        zone,
    )
}

/// Whether XML 1.0 can hold a character (its production `Char`) as XMP
/// reads it back: a carriage return is not kept (a parser makes it a line
/// feed), and xmp-writer writes no character references.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}') || c >= '\u{10000}'
}

/// A text as the XMP can hold it: each character it cannot (most C0
/// controls, a carriage return, U+FFFE, U+FFFF) replaced by U+FFFD; the
/// text itself when there is none. A PDF/A document's information says
/// the same (ISO 19005-2, 6.6.2.3.1).
pub(super) fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        return Cow::Borrowed(s);
    }
    let safe = |c| if is_xml_char(c) { c } else { '\u{FFFD}' };
    Cow::Owned(s.chars().map(safe).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_xml_cannot_hold_becomes_a_replacement_character() {
        assert_eq!(xml_safe("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(
            xml_safe("\u{0}\u{FFFE}\u{B}\r"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert!(matches!(
            xml_safe("\t\n😀\u{10FFFF}\u{FFFD}\u{E000}"),
            Cow::Borrowed(_)
        ));
    }
}
