//! The report inside the document (`RenderOptions::attach_source`): the
//! canonical JSON reads back equal, the attachments are the PDF/A-3
//! associated files the standard asks for, `extract_source` gives the
//! report back, and `verify` tells lapkin's rendering from an edited file.

use arbitrary::Unstructured;
use lapkin::{RenderOptions, Report, Verification, text::FontSet};
use lapkin_tests::{REFERENCE, fixture_bytes, load_report, root};
use lopdf::{Document, Object, ObjectId};
use md5::{Digest, Md5};

fn attaching() -> RenderOptions {
    RenderOptions::default().with_attach_source(true)
}

fn render(report: &Report) -> Vec<u8> {
    lapkin::render(report, &attaching()).unwrap().pdf
}

const LIMIT: u64 = lapkin::model::MAX_INPUT_BYTES as u64;

fn extract(pdf: &[u8]) -> lapkin::Result<Vec<u8>> {
    lapkin::extract_source(pdf, LIMIT)
}

fn verify(pdf: &[u8]) -> Verification {
    lapkin::verify(pdf, &FontSet::liberation_sans(), LIMIT).unwrap()
}

fn differs(v: Verification) -> String {
    match v {
        Verification::Differs(what) => what,
        other => panic!("expected a difference, got {other:?}"),
    }
}

/// The canonical JSON of the reference report, of every valid fixture and
/// of generated reports parses back to an equal report.
#[test]
fn the_canonical_json_reads_back_equal() {
    let mut names = vec![REFERENCE.to_owned(), "minimal.json".to_owned()];
    for entry in std::fs::read_dir(root().join("fixtures/layout")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            names.push(format!(
                "layout/{}",
                path.file_name().unwrap().to_str().unwrap()
            ));
        }
    }
    for name in &names {
        let report = load_report(name);
        let json = lapkin::source::canonical_json(&report).unwrap();
        assert!(json.ends_with(b"}\n"), "{name}");
        assert_eq!(lapkin::parse_report(&json).unwrap(), report, "{name}");
    }
    // Generated reports, as a caller can build them (not all valid): serde
    // reads them back equal; those lapkin accepts, its parser too.
    let (mut valid, mut cases) = (0, 0);
    for seed in 0..24u64 {
        let bytes = lapkin_tests::generate::seeded(seed, 1 << 15);
        let mut u = Unstructured::new(&bytes);
        let mix = if seed % 2 == 0 {
            lapkin_tests::generate::Mix::ALL
        } else {
            lapkin_tests::generate::Mix::PLAIN
        };
        let value = lapkin_tests::generate::report_with(&mut u, &mix).unwrap();
        let Ok(report) = serde_json::from_value::<Report>(value) else {
            continue;
        };
        cases += 1;
        let json = lapkin::source::canonical_json(&report).unwrap();
        let again: Report = serde_json::from_slice(&json).unwrap();
        assert_eq!(again, report, "seed {seed}");
        if let Ok(parsed) = lapkin::parse_report(&json) {
            valid += 1;
            assert_eq!(parsed, report, "seed {seed}");
        }
    }
    assert!(cases >= 12 && valid >= 6, "{cases} cases, {valid} valid");
}

/// The catalog's dictionary of a document.
fn catalog(doc: &Document) -> &lopdf::Dictionary {
    doc.catalog().unwrap()
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a lopdf::Dictionary {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The file specifications of the catalog's /AF.
fn file_specs(doc: &Document) -> Vec<ObjectId> {
    catalog(doc)
        .get(b"AF")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_reference().unwrap())
        .collect()
}

/// The associated files are written as PDF/A-3 asks: /AF and
/// /Names /EmbeddedFiles in the catalog, each file specification with /F,
/// /UF, /EF, /AFRelationship and /Desc, each stream with its MIME type and
/// /Params (size, MD5, date); and the bytes are the canonical JSON.
#[test]
fn the_report_and_the_record_are_associated_files() {
    let report = load_report("minimal.json");
    let pdf = render(&report);
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/Subtype/application#2Fjson"),
        "the MIME type as a name, / escaped"
    );
    let doc = Document::load_mem(&pdf).unwrap();
    let specs = file_specs(&doc);
    assert_eq!(specs.len(), 2);
    let mut seen = Vec::new();
    for id in &specs {
        let spec = doc.get_dictionary(*id).unwrap();
        assert_eq!(spec.get(b"Type").unwrap().as_name().unwrap(), b"Filespec");
        let name = spec.get(b"F").unwrap().as_str().unwrap().to_vec();
        assert_eq!(spec.get(b"UF").unwrap().as_str().unwrap(), &name[..]);
        assert!(!spec.get(b"Desc").unwrap().as_str().unwrap().is_empty());
        let relationship = spec.get(b"AFRelationship").unwrap().as_name().unwrap();
        let ef = dict(&doc, spec.get(b"EF").unwrap());
        let stream_id = ef.get(b"F").unwrap().as_reference().unwrap();
        assert_eq!(ef.get(b"UF").unwrap().as_reference().unwrap(), stream_id);
        let stream = doc.get_object(stream_id).unwrap().as_stream().unwrap();
        assert_eq!(
            stream.dict.get(b"Type").unwrap().as_name().unwrap(),
            b"EmbeddedFile"
        );
        assert_eq!(
            stream.dict.get(b"Subtype").unwrap().as_name().unwrap(),
            b"application/json"
        );
        let data = stream.decompressed_content().unwrap();
        let params = dict(&doc, stream.dict.get(b"Params").unwrap());
        assert_eq!(
            params.get(b"Size").unwrap().as_i64().unwrap(),
            data.len() as i64
        );
        assert_eq!(
            params.get(b"CheckSum").unwrap().as_str().unwrap(),
            &Md5::digest(&data)[..]
        );
        assert_eq!(
            params.get(b"ModDate").unwrap().as_str().unwrap(),
            b"D:20250410000000+07'00"
        );
        seen.push((
            String::from_utf8(name).unwrap(),
            relationship.to_vec(),
            data,
        ));
    }
    assert_eq!(seen[0].0, lapkin::source::SOURCE_FILE);
    assert_eq!(seen[0].1, b"Source");
    assert_eq!(seen[0].2, lapkin::source::canonical_json(&report).unwrap());
    assert_eq!(seen[1].0, lapkin::source::RECORD_FILE);
    assert_eq!(seen[1].1, b"Supplement");
    let record: lapkin::source::RenderRecord = serde_json::from_slice(&seen[1].2).unwrap();
    assert_eq!(record.fonts.family, "Liberation Sans");
    assert_eq!(record.style, lapkin::layout::Style::default());
    assert_eq!(record.timestamp, None);
    assert_eq!(record.date, "2025-04-10T00:00:00+07:00");

    // The name tree lists both, sorted by name.
    let names = dict(&doc, catalog(&doc).get(b"Names").unwrap());
    let tree = dict(&doc, names.get(b"EmbeddedFiles").unwrap());
    let keys: Vec<&[u8]> = tree
        .get(b"Names")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .step_by(2)
        .map(|o| o.as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [b"lapkin-render.json".as_slice(), b"laporan-kinerja.json"]
    );

    // Same input, same bytes.
    assert_eq!(render(&report), pdf);
}

/// Without the option, nothing is attached, and extracting says so.
#[test]
fn without_the_option_nothing_is_attached() {
    let report = load_report("minimal.json");
    let pdf = lapkin::render(&report, &RenderOptions::default())
        .unwrap()
        .pdf;
    let doc = Document::load_mem(&pdf).unwrap();
    assert!(catalog(&doc).get(b"AF").is_err());
    assert!(catalog(&doc).get(b"Names").is_err());
    let e = extract(&pdf).unwrap_err();
    assert!(e.is_input_error());
    assert!(
        e.to_string()
            .contains("carries no attached report (laporan-kinerja.json)"),
        "{e}"
    );
    let e = lapkin::verify(&pdf, &FontSet::liberation_sans(), LIMIT).unwrap_err();
    assert_eq!(
        e.problems()[0].kind,
        lapkin::problem::Kind::NoAttachedReport,
        "{e}"
    );
    let e = extract(b"%PDF-1.7\nnot really").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("it is not a PDF that can be read"),
        "{e}"
    );
}

/// The reference report: extracted equal, verified identical.
#[test]
fn the_reference_report_is_extracted_and_verified() {
    let report = load_report(REFERENCE);
    let pdf = render(&report);
    let json = extract(&pdf).unwrap();
    assert_eq!(lapkin::parse_report(&json).unwrap(), report);
    assert_eq!(
        verify(&pdf),
        Verification::Identical {
            later_revisions: false
        }
    );
    // With a timestamp and a signature field, recorded and re-made.
    let mut opts = attaching();
    opts.pdf = opts
        .pdf
        .with_timestamp(1_700_000_000)
        .with_signature_field("ttd");
    let pdf = lapkin::render(&report, &opts).unwrap().pdf;
    assert_eq!(
        verify(&pdf),
        Verification::Identical {
            later_revisions: false
        }
    );
    // The original JSON file is attached in canonical form, not as typed.
    assert_ne!(json, fixture_bytes(REFERENCE));
}

/// The id of the embedded file stream named `name`.
fn embedded_stream(doc: &Document, name: &str) -> ObjectId {
    for id in file_specs(doc) {
        let spec = doc.get_dictionary(id).unwrap();
        if spec.get(b"F").unwrap().as_str().unwrap() == name.as_bytes() {
            let ef = dict(doc, spec.get(b"EF").unwrap());
            return ef.get(b"F").unwrap().as_reference().unwrap();
        }
    }
    panic!("no attached {name}")
}

/// Replaces an attached file's bytes with `edit` of them, as an editing
/// tool would (the whole file rewritten).
fn edit_attachment(pdf: &[u8], name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut doc = Document::load_mem(pdf).unwrap();
    let id = embedded_stream(&doc, name);
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let text = String::from_utf8(stream.decompressed_content().unwrap()).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changed nothing");
    stream.dict.remove(b"Filter");
    // As an editor that does not know /Params would: the size and checksum
    // of the old bytes would mark the new ones as corrupt.
    stream.dict.remove(b"Params");
    stream.set_content(edited.into_bytes());
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// One figure changed in the attached report: the pages no longer show
/// it, and verify names the page whose content differs. Extract gives the
/// edited report (it reads what the file holds).
#[test]
fn an_edited_figure_in_the_attachment_is_found() {
    let report = load_report("minimal.json");
    let pdf = render(&report);
    let edited = edit_attachment(&pdf, lapkin::source::SOURCE_FILE, |t| {
        t.replace("\"capaian\": 22.5", "\"capaian\": 23.5")
    });
    let what = differs(verify(&edited));
    assert_eq!(what, "page 1's content");
    let json = extract(&edited).unwrap();
    assert!(
        String::from_utf8(json)
            .unwrap()
            .contains("\"capaian\": 23.5")
    );
}

/// One page's content changed (a figure drawn differently): verify names
/// that page.
#[test]
fn an_edited_page_is_found() {
    let report = load_report(REFERENCE);
    let pdf = render(&report);
    let mut doc = Document::load_mem(&pdf).unwrap();
    let page = doc.get_pages()[&3];
    let content = doc.get_page_content(page);
    let text = String::from_utf8_lossy(&content).into_owned();
    // Move every text of the page by a point.
    let edited = text.replacen(" Td", " Td 1 0 Td", 1);
    assert_ne!(edited, text);
    doc.change_page_content(page, edited.into_bytes()).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(differs(verify(&out)), "page 3's content");
}

/// The recorded font hashes are not the fonts given: the document cannot
/// be re-made, and verify says which faces differ.
#[test]
fn other_fonts_cannot_re_make_the_document() {
    let report = load_report("minimal.json");
    let pdf = render(&report);
    let edited = edit_attachment(&pdf, lapkin::source::RECORD_FILE, |t| {
        let record: lapkin::source::RenderRecord = serde_json::from_str(t).unwrap();
        t.replace(&record.fonts.faces[1].sha256, &"0".repeat(64))
    });
    match verify(&edited) {
        Verification::FontsDiffer(why) => {
            let why = why.to_string();
            assert!(why.contains("\"Liberation Sans\""), "{why}");
            assert!(why.contains("bold (LiberationSans-Bold)"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

/// A signature-like incremental update (a new object appended, the
/// original bytes kept) does not break verification; one that replaces
/// the attached report does.
#[test]
fn later_revisions_may_add_but_not_change() {
    let report = load_report("minimal.json");
    let pdf = render(&report);
    let doc = Document::load_mem(&pdf).unwrap();
    let size = doc.max_id + 1;
    let startxref = {
        let text = String::from_utf8_lossy(&pdf);
        let at = text.rfind("startxref").unwrap();
        text[at + 9..]
            .trim()
            .trim_end_matches("%%EOF")
            .trim()
            .parse::<usize>()
            .unwrap()
    };
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let append = |object: &str, id: u32| {
        let mut out = pdf.clone();
        out.extend_from_slice(b"\n");
        let offset = out.len();
        out.extend_from_slice(format!("{id} 0 obj\n{object}\nendobj\n").as_bytes());
        let xref = out.len();
        out.extend_from_slice(
            format!(
                "xref\n{id} 1\n{offset:010} 00000 n \ntrailer\n<< /Size {} /Root {} 0 R /Info {} 0 R /Prev {startxref} >>\nstartxref\n{xref}\n%%EOF\n",
                size.max(id + 1),
                root.0,
                info.0
            )
            .as_bytes(),
        );
        out
    };
    // A new object, as a signature adds.
    let signed = append("<< /Type /Sig /Contents <00> >>", size);
    assert!(Document::load_mem(&signed).is_ok());
    assert_eq!(
        verify(&signed),
        Verification::Identical {
            later_revisions: true
        }
    );
    // The attached report replaced in an update.
    let stream = embedded_stream(&doc, lapkin::source::SOURCE_FILE);
    let other = "{}";
    let changed = append(
        &format!(
            "<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length {} >>\nstream\n{other}\nendstream",
            other.len()
        ),
        stream.0,
    );
    // extract refuses to hand back what lapkin did not write.
    let e = extract(&changed).unwrap_err();
    assert_eq!(
        e.problems()[0].kind,
        lapkin::problem::Kind::AttachmentChanged,
        "{e}"
    );
    assert!(
        e.to_string().starts_with(
            "revision 2 of the PDF (an incremental update after the one lapkin wrote) changes \
             the attached file \"laporan-kinerja.json\""
        ),
        "{e}"
    );
    match verify(&changed) {
        Verification::Changed { revision, what } => {
            assert_eq!(revision, 2);
            assert_eq!(
                what,
                format!(
                    "object {} 0 (a stream (/Type /EmbeddedFile /Subtype /application/json)): its \
                     /Filter",
                    stream.0
                )
            );
        }
        other => panic!("{other:?}"),
    }
}
