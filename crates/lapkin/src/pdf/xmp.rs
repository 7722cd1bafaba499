//! The XMP metadata stream a PDF/A document carries (ISO 19005-2, 6.6):
//! RDF/XML in UTF-8 inside an `xpacket`, saying the same as the document
//! information dictionary (title, author, subject, keywords, creator,
//! producer, dates) and, for PDF/A, which part and conformance level the
//! file claims.
//!
//! Only the schemas PDF/A predefines are used (Dublin Core, XMP basic,
//! Adobe PDF, PDF/A identification), so no extension schema is needed.

use std::borrow::Cow;
use std::fmt::Write as _;

/// What the document information dictionary says, which the XMP must
/// repeat exactly (ISO 19005-2, 6.6.2.3.1).
pub(super) struct DocumentInfo<'a> {
    /// `/Title`: `dc:title`.
    pub title: &'a str,
    /// `/Author`: `dc:creator`.
    pub author: &'a str,
    /// `/Subject`: `dc:description`.
    pub subject: &'a str,
    /// `/Keywords`: `pdf:Keywords`.
    pub keywords: &'a str,
    /// `/Creator`: `xmp:CreatorTool`.
    pub creator: &'a str,
    /// `/Producer`: `pdf:Producer`.
    pub producer: &'a str,
    /// `/CreationDate` and `/ModDate`: `xmp:CreateDate`, `xmp:ModifyDate`
    /// and `xmp:MetadataDate`.
    pub time: time::OffsetDateTime,
    /// The document's language (the catalog's `/Lang`): `dc:language`.
    pub language: &'a str,
}

/// The XMP packet of a document: `part` is the PDF/A part it claims (2 or
/// 3, conformance level B), or `None` for no claim. The packet header has
/// neither `bytes=` nor `encoding=` (ISO 19005-2, 6.6.2.1), and nothing in
/// it depends on anything but `info` and `part`, so the same document
/// gives the same bytes. A character XML 1.0 cannot hold even as a
/// character reference is written as U+FFFD (see [`xml_safe`]: the
/// document information must say the same).
pub(super) fn xmp(info: &DocumentInfo, part: Option<u8>) -> Vec<u8> {
    let text = |value: &str| escape(&xml_safe(value));
    let title = text(info.title);
    let author = text(info.author);
    let subject = text(info.subject);
    let keywords = text(info.keywords);
    let creator = text(info.creator);
    let producer = text(info.producer);
    let language = text(info.language);
    let date = xmp_date(info.time);

    let mut x = String::with_capacity(2048);
    // The header's `begin` holds U+FEFF, the byte order mark, as UTF-8.
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str("<rdf:Description rdf:about=\"\"\n");
    x.push_str(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
    x.push_str(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
    x.push_str(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
    if part.is_some() {
        x.push_str("\n xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    }
    x.push_str(">\n");
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    let _ = writeln!(
        x,
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>"
    );
    let _ = writeln!(
        x,
        "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>"
    );
    let _ = writeln!(
        x,
        "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt>\
         </dc:description>"
    );
    let _ = writeln!(
        x,
        "<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
    );
    let _ = writeln!(x, "<xmp:CreatorTool>{creator}</xmp:CreatorTool>");
    let _ = writeln!(x, "<xmp:CreateDate>{date}</xmp:CreateDate>");
    let _ = writeln!(x, "<xmp:ModifyDate>{date}</xmp:ModifyDate>");
    let _ = writeln!(x, "<xmp:MetadataDate>{date}</xmp:MetadataDate>");
    let _ = writeln!(x, "<pdf:Producer>{producer}</pdf:Producer>");
    let _ = writeln!(x, "<pdf:Keywords>{keywords}</pdf:Keywords>");
    if let Some(part) = part {
        let _ = writeln!(x, "<pdfaid:part>{part}</pdfaid:part>");
        x.push_str("<pdfaid:conformance>B</pdfaid:conformance>\n");
    }
    x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
    x.push_str("<?xpacket end=\"w\"?>");
    x.into_bytes()
}

/// An XMP date (ISO 8601, the W3C profile), the same instant and zone as
/// the PDF date of the document information: `2024-08-07T00:00:00+07:00`,
/// `2023-11-14T22:13:20Z`.
pub(super) fn xmp_date(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        super::finish::zone(t.offset(), ':', "")
    )
}

/// Whether XML 1.0 can hold a character (its production `Char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// A text as XML 1.0 can hold it: each character it cannot (most C0
/// controls, U+FFFE, U+FFFF) replaced by U+FFFD; the text itself when
/// there is none.
pub(super) fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Text XML can hold ([`xml_safe`]) as XML character data: the markup
/// characters as entities, a carriage return as a character reference (a
/// parser would turn a literal one into a line feed).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(title: &str) -> DocumentInfo<'_> {
        DocumentInfo {
            title,
            author: "Balai <Penjaminan> & \"Mutu\"",
            subject: "Capaian kinerja",
            keywords: "Laporan Kinerja, Triwulan 2",
            creator: "lapkin 0.1.0",
            producer: "lapkin 0.1.0 (printpdf 0.12.8, lopdf 0.44)",
            time: time::macros::datetime!(2024-08-07 00:00 +07:00),
            language: "id-ID",
        }
    }

    #[test]
    fn the_packet_claims_the_part_and_escapes_its_texts() {
        let bytes = xmp(&info("Laporan ≤ 'x'\r\n"), Some(2));
        let x = String::from_utf8(bytes).unwrap();
        assert!(
            x.starts_with("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"),
            "{x}"
        );
        assert!(!x.contains("bytes=") && !x.contains("encoding="));
        assert!(x.ends_with("<?xpacket end=\"w\"?>"));
        for needle in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
            "<rdf:li xml:lang=\"x-default\">Laporan ≤ &apos;x&apos;&#xD;\n</rdf:li>",
            "<rdf:Seq><rdf:li>Balai &lt;Penjaminan&gt; &amp; &quot;Mutu&quot;</rdf:li></rdf:Seq>",
            "<rdf:Bag><rdf:li>id-ID</rdf:li></rdf:Bag>",
            "<xmp:CreateDate>2024-08-07T00:00:00+07:00</xmp:CreateDate>",
            "<xmp:ModifyDate>2024-08-07T00:00:00+07:00</xmp:ModifyDate>",
            "<pdf:Producer>lapkin 0.1.0 (printpdf 0.12.8, lopdf 0.44)</pdf:Producer>",
            "<pdf:Keywords>Laporan Kinerja, Triwulan 2</pdf:Keywords>",
            "<xmp:CreatorTool>lapkin 0.1.0</xmp:CreatorTool>",
        ] {
            assert!(x.contains(needle), "{needle} not in\n{x}");
        }
        let three = String::from_utf8(xmp(&info("t"), Some(3))).unwrap();
        assert!(three.contains("<pdfaid:part>3</pdfaid:part>"));
        let plain = String::from_utf8(xmp(&info("t"), None)).unwrap();
        assert!(!plain.contains("pdfaid"), "{plain}");
    }

    #[test]
    fn a_character_xml_cannot_hold_becomes_a_replacement_character() {
        let x = String::from_utf8(xmp(&info("a\u{1}b\u{FFFF}"), Some(2))).unwrap();
        assert!(x.contains(">a\u{FFFD}b\u{FFFD}</rdf:li>"), "{x}");
        assert_eq!(xml_safe("\u{0}\u{FFFE}\u{B}"), "\u{FFFD}\u{FFFD}\u{FFFD}");
        assert!(matches!(
            xml_safe("\t\n😀\u{10FFFF}\u{FFFD}\u{E000}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn dates_in_xmp_form() {
        assert_eq!(
            xmp_date(time::macros::datetime!(2024-08-07 00:00 +07:00)),
            "2024-08-07T00:00:00+07:00"
        );
        assert_eq!(
            xmp_date(time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()),
            "2023-11-14T22:13:20Z"
        );
        assert_eq!(
            xmp_date(time::macros::datetime!(2024-01-02 03:04:05 -09:30)),
            "2024-01-02T03:04:05-09:30"
        );
    }
}
