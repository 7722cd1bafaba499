//! PDF/A-2b, lapkin's default (issue 9 §1), read back with lopdf and at
//! the byte level: XMP metadata that repeats the document information, the
//! sRGB output intent, printable annotations, links that say where they
//! lead, and the byte-level syntax rules pikepdf's validator does not see
//! (`tests/external/run.sh` runs that validator on the same files).

use lapkin::{
    RenderOptions,
    pdf::{PdfOptions, PdfStandard},
};
use lapkin_tests::{REFERENCE, load_report};
use lopdf::{Dictionary, Document, Object};

use crate::pdf::string;

fn render(report: &lapkin::Report, pdf: PdfOptions) -> Vec<u8> {
    lapkin::render(report, &RenderOptions::default().with_pdf(pdf))
        .unwrap()
        .pdf
}

fn info(doc: &Document) -> Dictionary {
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id).unwrap().clone()
}

/// The catalog's `/Metadata` stream: its dictionary and its text.
fn metadata(doc: &Document) -> Option<(Dictionary, String)> {
    let id = doc.catalog().unwrap().get(b"Metadata").ok()?;
    let stream = doc
        .get_object(id.as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    Some((
        stream.dict.clone(),
        String::from_utf8(stream.content.clone()).expect("XMP is UTF-8"),
    ))
}

/// The text of the first element `<tag>…</tag>` of an XMP packet, the
/// `rdf:li` inside it if there is one, with XML's entities and character
/// references resolved.
fn xmp_value(xmp: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = xmp
        .find(&open)
        .unwrap_or_else(|| panic!("no {tag} in\n{xmp}"))
        + open.len();
    let end = start + xmp[start..].find(&format!("</{tag}>")).unwrap();
    let mut inner = &xmp[start..end];
    if let Some(li) = inner.find("<rdf:li") {
        let text = li + inner[li..].find('>').unwrap() + 1;
        inner = &inner[text..text + inner[text..].find("</rdf:li>").unwrap()];
    }
    let mut out = String::new();
    let mut rest = inner;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = amp + rest[amp..].find(';').unwrap();
        let entity = &rest[amp + 1..semi];
        out.push(match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e => {
                let hex = e.strip_prefix("#x").expect("a character reference");
                char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()
            }
        });
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// A PDF date (`D:20240807000000+07'00`, `D:20231114221320Z`) in XMP's
/// form (`2024-08-07T00:00:00+07:00`, `2023-11-14T22:13:20Z`).
fn pdf_date_as_xmp(d: &str) -> String {
    let d = d.strip_prefix("D:").unwrap();
    let zone = match &d[14..] {
        "Z" => "Z".to_owned(),
        z => format!("{}:{}", &z[..3], &z[4..6]),
    };
    format!(
        "{}-{}-{}T{}:{}:{}{zone}",
        &d[..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14]
    )
}

/// Every XMP field says what the document information says.
fn assert_xmp_matches_info(pdf: &[u8], part: &str) {
    let doc = Document::load_mem(pdf).unwrap();
    let (dict, xmp) = metadata(&doc).expect("a /Metadata stream");
    assert_eq!(dict.get(b"Type").unwrap().as_name().unwrap(), b"Metadata");
    assert_eq!(dict.get(b"Subtype").unwrap().as_name().unwrap(), b"XML");
    assert!(dict.get(b"Filter").is_err(), "the XMP is not compressed");
    let header = xmp.lines().next().unwrap();
    assert!(
        header.starts_with("<?xpacket begin=\"\u{feff}\" id="),
        "{header}"
    );
    assert!(
        !header.contains("bytes=") && !header.contains("encoding="),
        "{header}"
    );
    assert!(xmp.ends_with("<?xpacket end=\"r\"?>"), "{xmp}");
    let info = info(&doc);
    for (key, tag) in [
        ("Title", "dc:title"),
        ("Author", "dc:creator"),
        ("Subject", "dc:description"),
        ("Keywords", "pdf:Keywords"),
        ("Creator", "xmp:CreatorTool"),
        ("Producer", "pdf:Producer"),
    ] {
        assert_eq!(xmp_value(&xmp, tag), string(&info, key), "{key} / {tag}");
    }
    for (key, tag) in [
        ("CreationDate", "xmp:CreateDate"),
        ("ModDate", "xmp:ModifyDate"),
    ] {
        assert_eq!(
            xmp_value(&xmp, tag),
            pdf_date_as_xmp(&string(&info, key)),
            "{key} / {tag}"
        );
    }
    assert_eq!(xmp_value(&xmp, "dc:language"), "id-ID");
    assert_eq!(string(doc.catalog().unwrap(), "Lang"), "id-ID");
    assert_eq!(xmp_value(&xmp, "pdfaid:part"), part);
    assert_eq!(xmp_value(&xmp, "pdfaid:conformance"), "B");
    assert!(!xmp.contains("pdfuaid"), "no PDF/UA claim");
}

#[test]
fn the_xmp_metadata_repeats_the_document_information() {
    let report = load_report(REFERENCE);
    assert_xmp_matches_info(&render(&report, PdfOptions::default()), "2");
    // A timestamp in UTC, and texts with XML's markup characters and
    // letters outside ASCII (UTF-16 in the information dictionary).
    let mut odd = report.clone();
    odd.unit.nama = "Balai \"Mutu\" & <Data> Bengkulu ≤ 'é'".into();
    odd.unit.nama_lengkap = "Balai & Co. (Bengkulu)".into();
    let pdf = render(&odd, PdfOptions::default().with_timestamp(1_700_000_000));
    assert_xmp_matches_info(&pdf, "2");
    let xmp = metadata(&Document::load_mem(&pdf).unwrap()).unwrap().1;
    assert!(
        xmp.contains("Balai &quot;Mutu&quot; &amp; &lt;Data&gt; Bengkulu ≤ &apos;é&apos;"),
        "{xmp}"
    );
    assert_eq!(xmp_value(&xmp, "xmp:CreateDate"), "2023-11-14T22:13:20Z");
    // A character XML cannot hold (the model lets U+FFFF through in a
    // name that is not printed) is U+FFFD in both.
    let mut nonchar = report.clone();
    nonchar.unit.nama_lengkap = "Balai\u{FFFF}Mutu".into();
    let pdf = render(&nonchar, PdfOptions::default());
    assert_xmp_matches_info(&pdf, "2");
    let doc = Document::load_mem(&pdf).unwrap();
    assert_eq!(string(&info(&doc), "Author"), "Balai\u{FFFD}Mutu");
    // PDF/A-3b says part 3.
    let three = render(
        &report,
        PdfOptions::default().with_standard(PdfStandard::A3b),
    );
    assert_xmp_matches_info(&three, "3");
}

#[test]
fn the_output_intent_is_one_srgb_profile() {
    let pdf = render(&load_report(REFERENCE), PdfOptions::default());
    let doc = Document::load_mem(&pdf).unwrap();
    let intents = doc
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(
        intent.get(b"Type").unwrap().as_name().unwrap(),
        b"OutputIntent"
    );
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    assert!(string(intent, "OutputConditionIdentifier").starts_with("sRGB"));
    let profile = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile
        .decompressed_content()
        .unwrap_or(profile.content.clone());
    assert_eq!(icc.len(), 480);
    assert_eq!(&icc[12..20], b"mntrRGB ", "a display profile of RGB");
    assert!(icc[8] < 5, "ICC version {} (PDF/A-2 wants < 5)", icc[8]);
}

#[test]
fn a_plain_pdf_has_neither_metadata_nor_output_intent() {
    let report = load_report(REFERENCE);
    let plain = render(
        &report,
        PdfOptions::default().with_standard(PdfStandard::None),
    );
    let doc = Document::load_mem(&plain).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Metadata").is_err());
    assert!(catalog.get(b"OutputIntents").is_err());
    let archival = render(&report, PdfOptions::default());
    assert!(archival.len() > plain.len());
    // The profile and the packet cost about 2 KB, no more.
    assert!(
        archival.len() - plain.len() < 3_000,
        "{} bytes more",
        archival.len() - plain.len()
    );
    assert_eq!(PdfOptions::default().standard, PdfStandard::A2b);
    // Different files, different IDs.
    let id = |pdf: &[u8]| {
        Document::load_mem(pdf)
            .unwrap()
            .trailer
            .get(b"ID")
            .unwrap()
            .clone()
    };
    assert_ne!(id(&plain), id(&archival));
}

/// Every annotation of every page, resolved.
fn annotations(doc: &Document) -> Vec<Dictionary> {
    let mut out = Vec::new();
    for page in doc.get_pages().into_values() {
        let Ok(annots) = doc.get_dictionary(page).unwrap().get(b"Annots") else {
            continue;
        };
        let annots = match annots {
            Object::Reference(id) => doc.get_object(*id).unwrap().as_array().unwrap(),
            a => a.as_array().unwrap(),
        };
        for a in annots {
            out.push(match a {
                Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
                a => a.as_dict().unwrap().clone(),
            });
        }
    }
    out
}

#[test]
fn every_annotation_prints_and_every_link_says_where_it_leads() {
    let report = load_report(REFERENCE);
    for standard in [PdfStandard::A2b, PdfStandard::None] {
        let pdf = render(
            &report,
            PdfOptions::default()
                .with_standard(standard)
                .with_signature_field("ttd_kepala"),
        );
        let doc = Document::load_mem(&pdf).unwrap();
        let annots = annotations(&doc);
        let mut links = Vec::new();
        for a in &annots {
            let flags = a.get(b"F").unwrap().as_i64().unwrap();
            // Print set; Invisible (1), Hidden (2), NoView (32) and
            // ToggleNoView (256) clear.
            assert_eq!(flags & (4 | 1 | 2 | 32 | 256), 4, "{a:?}");
            match a.get(b"Subtype").unwrap().as_name().unwrap() {
                b"Link" => {
                    assert_eq!(flags, 4);
                    let uri = a
                        .get(b"A")
                        .unwrap()
                        .as_dict()
                        .unwrap()
                        .get(b"URI")
                        .unwrap()
                        .as_str()
                        .unwrap();
                    let uri = String::from_utf8(uri.to_vec()).unwrap();
                    assert_eq!(string(a, "Contents"), format!("Tautan ke {uri}"));
                    links.push(uri);
                }
                b"Widget" => assert_eq!(flags, 132, "Print and Locked"),
                other => panic!("unexpected annotation {}", String::from_utf8_lossy(other)),
            }
        }
        assert_eq!(
            links,
            ["https://bit.ly/3U2g3j7", "https://s.id/SosialisasiCapaian"],
            "{standard}"
        );
        assert_eq!(annots.len(), 3, "two links and the signature field");
    }
}

#[test]
fn a_link_is_described_with_its_target_as_written() {
    // The `/URI` is percent-encoded; `/Contents` shows the address as typed.
    let mut report = load_report("minimal.json");
    report.rekomendasi = vec![lapkin::model::Blok::from(
        "Lihat <https://bücher.example/straße> dan [surat](mailto:kepala@example.org).",
    )];
    let pdf = render(&report, PdfOptions::default());
    let doc = Document::load_mem(&pdf).unwrap();
    let contents: Vec<String> = annotations(&doc)
        .iter()
        .map(|a| string(a, "Contents"))
        .collect();
    assert_eq!(
        contents,
        [
            "Tautan ke https://bücher.example/straße",
            "Kirim surel ke kepala@example.org"
        ]
    );
}

/// Finds `needle` in `hay` from `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn is_eol(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// The byte-level rules of PDF/A-2 (ISO 19005-2, 6.1) that object-level
/// validators cannot see, checked on the bytes themselves.
fn assert_pdfa_bytes(pdf: &[u8]) {
    // 6.1.2: the header at byte 0, then a comment of at least four bytes
    // above 127.
    assert!(pdf.starts_with(b"%PDF-1.7\n%"), "header");
    let mark = &pdf[10..];
    let end = mark.iter().position(|&b| is_eol(b)).unwrap();
    assert!(
        end >= 4 && mark[..end].iter().all(|&b| b > 127),
        "binary comment"
    );

    // 6.1.3: an ID, no encryption; nothing but one EOL after %%EOF.
    let doc = Document::load_mem(pdf).unwrap();
    let ids = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(ids.len(), 2);
    assert!(doc.trailer.get(b"Encrypt").is_err());
    let eof = find(pdf, b"%%EOF", 0).unwrap();
    assert_eq!(find(pdf, b"%%EOF", eof + 1), None, "one revision");
    let tail = &pdf[eof + 5..];
    assert!(
        tail.is_empty() || tail == b"\n" || tail == b"\r\n",
        "{tail:?} after %%EOF"
    );

    // 6.1.8 and the cross-reference table: each object where the table
    // says, `N G obj` with single spaces, `obj` and `endobj` on lines of
    // their own. 6.1.7: `stream` followed by an EOL, `/Length` exact, an EOL
    // before `endstream`.
    let mut objects = 0;
    for (&id, entry) in &doc.reference_table.entries {
        let lopdf::xref::XrefEntry::Normal { offset, generation } = *entry else {
            continue;
        };
        objects += 1;
        let at = offset as usize;
        assert!(is_eol(pdf[at - 1]), "object {id}: no EOL before it");
        let head = format!("{id} {generation} obj");
        assert!(
            pdf[at..].starts_with(head.as_bytes()),
            "object {id}: the table points at {:?}",
            String::from_utf8_lossy(&pdf[at..at + 20])
        );
        assert!(
            is_eol(pdf[at + head.len()]),
            "object {id}: no EOL after obj"
        );
        // The object as written (lopdf, when it reads object streams,
        // keeps their objects rather than the streams themselves).
        let head_end = at + head.len();
        let is_stream = find(pdf, b">>stream", head_end)
            .is_some_and(|k| find(pdf, b"endobj", head_end).is_some_and(|e| k < e));
        let endobj = if is_stream {
            let keyword = find(pdf, b"stream", head_end).unwrap();
            let dict = std::str::from_utf8(&pdf[head_end..keyword]).unwrap();
            let length: usize = dict
                .split("/Length ")
                .nth(1)
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("object {id}: no direct /Length in {dict}"));
            assert!(!dict.contains("LZWDecode"), "object {id}: LZW");
            let data = match &pdf[keyword + 6..keyword + 8] {
                [b'\r', b'\n'] => keyword + 8,
                [b'\n', _] => keyword + 7,
                other => panic!("object {id}: stream followed by {other:?}"),
            };
            let after = &pdf[data + length..];
            assert!(
                after.starts_with(b"\nendstream") || after.starts_with(b"\r\nendstream"),
                "object {id}: /Length {length} does not end at an EOL and endstream"
            );
            find(pdf, b"endobj", data + length).unwrap()
        } else {
            find(pdf, b"endobj", head_end).unwrap()
        };
        assert!(is_eol(pdf[endobj - 1]), "object {id}: no EOL before endobj");
        assert!(is_eol(pdf[endobj + 6]), "object {id}: no EOL after endobj");
    }
    assert!(objects > 10, "{objects} objects");
}

#[test]
fn the_bytes_keep_pdfa_syntax_rules() {
    let report = load_report(REFERENCE);
    assert_pdfa_bytes(&render(&report, PdfOptions::default()));
    assert_pdfa_bytes(&render(
        &report,
        PdfOptions::default().with_signature_field("ttd_kepala"),
    ));
    assert_pdfa_bytes(&render(
        &load_report("layout/table-over-three-pages.json"),
        PdfOptions::default(),
    ));
}
