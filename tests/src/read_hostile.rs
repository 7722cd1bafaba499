//! `extract` and `verify` on hostile files (issue 17, items 3 to 5): one
//! file per class (parser differentials, bombs, hostile trees, limits,
//! corrupt streams), and edits made after a signature, each refused with
//! what it changed, while a signature-like update is accepted. The
//! heavy cases (sizes that hit the decoding budget, a million-kid name
//! tree) run under memory and time limits in tests/external/resource.sh.

use lapkin::problem::Kind;
use lapkin::{RenderOptions, Verification, text::FontSet};
use lapkin_tests::hostile_pdf::{self as h, Body, text};
use lapkin_tests::load_report;
use lopdf::{Document, Object, ObjectId};

/// The minimal report with its source attached and a signature field.
fn lapkin_pdf() -> Vec<u8> {
    let mut opts = RenderOptions::default().with_attach_source(true);
    opts.pdf = opts.pdf.with_signature_field("ttd");
    lapkin::render(&load_report("minimal.json"), &opts)
        .unwrap()
        .pdf
}

const LIMIT: u64 = lapkin::model::MAX_INPUT_BYTES as u64;

fn extract(pdf: &[u8]) -> lapkin::Result<Vec<u8>> {
    lapkin::extract_source(pdf, LIMIT)
}

fn verify(pdf: &[u8]) -> lapkin::Result<Verification> {
    lapkin::verify(pdf, &FontSet::liberation_sans(), LIMIT)
}

/// What a later revision changes, as verify names it.
fn changed(pdf: &[u8]) -> (usize, String) {
    match verify(pdf).unwrap() {
        Verification::Changed { revision, what } => (revision, what),
        other => panic!("expected a later change, got {other:?}"),
    }
}

/// The first page's id, its content stream's id, and the footer XObject's.
fn ids(pdf: &[u8]) -> (ObjectId, ObjectId, ObjectId) {
    let doc = Document::load_mem(pdf).unwrap();
    let page = doc.get_pages()[&1];
    let dict = doc.get_dictionary(page).unwrap();
    let content = dict.get(b"Contents").unwrap().as_reference().unwrap();
    let footer = doc
        .objects
        .iter()
        .find(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
            })
        })
        .map(|(id, _)| *id)
        .unwrap();
    (page, content, footer)
}

/// A page dictionary as lopdf reads it (its `/Annots` array made
/// direct), written back as text with `edit` applied (for updates that
/// replace a page).
fn page_text(pdf: &[u8], page: ObjectId, edit: impl Fn(&mut lopdf::Dictionary)) -> String {
    let doc = Document::load_mem(pdf).unwrap();
    let mut dict = doc.get_dictionary(page).unwrap().clone();

    if let Ok(Object::Reference(id)) = dict.get(b"Annots") {
        let annots = doc.get_object(*id).unwrap().clone();
        dict.set("Annots", annots);
    }
    edit(&mut dict);
    h::dict_text(&dict)
}

/// The signature field's widget: its id and dictionary as text with `edit`.
fn widget(pdf: &[u8], edit: impl Fn(&mut lopdf::Dictionary)) -> (u32, String) {
    let doc = Document::load_mem(pdf).unwrap();
    let (id, _) = doc
        .objects
        .iter()
        .find(|(_, o)| o.as_dict().is_ok_and(|d| d.get(b"FT").is_ok()))
        .unwrap();
    let mut dict = doc.get_dictionary(*id).unwrap().clone();
    edit(&mut dict);
    (id.0, h::dict_text(&dict))
}

/// lapkin's empty signature field signed in place, as pyHanko does: a
/// value and an appearance.
fn signed(pdf: &[u8]) -> Vec<u8> {
    let n = h::next_number(pdf);
    let (id, widget) = widget(pdf, |d| {
        d.set("V", Object::Reference((n, 0)));
        d.set(
            "AP",
            lopdf::dictionary! { "N" => Object::Reference((n + 1, 0)) },
        );
    });
    h::update(
        pdf,
        &[
            (id, text(widget)),
            (
                n,
                text(
                    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Contents <00> /ByteRange [0 0 0 0] >>",
                ),
            ),
            (
                n + 1,
                Body::Stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 85 85]".into(),
                    b"0 0 85 85 re f".to_vec(),
                ),
            ),
        ],
        "",
    )
}

#[test]
fn a_signature_in_the_field_is_accepted_and_extracted() {
    let pdf = lapkin_pdf();
    let signed = signed(&pdf);
    assert_eq!(
        verify(&signed).unwrap(),
        Verification::Identical {
            later_revisions: true
        }
    );
    assert_eq!(extract(&signed).unwrap(), extract(&pdf).unwrap());
}

/// An edit: what it is, the objects it writes, what verify must say.
type Edit = (&'static str, Vec<(u32, Body)>, &'static str);

#[test]
fn edits_after_signing_are_refused_naming_what_changed() {
    let pdf = signed(&lapkin_pdf());
    let (page, content, footer) = ids(&pdf);
    let cases: Vec<Edit> = vec![
        (
            "the footer emptied",
            vec![(
                footer.0,
                Body::Stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 595 842]".into(),
                    Vec::new(),
                ),
            )],
            "(a stream (/Type /XObject /Subtype /Form)): its /",
        ),
        (
            "page 1's content replaced",
            vec![(content.0, Body::Stream(String::new(), b"0 0 m".to_vec()))],
            "(a stream): its /Filter",
        ),
        (
            "a box drawn over the page",
            vec![
                (
                    page.0,
                    text(page_text(&pdf, page, |d| {
                        let mut annots = d
                            .get(b"Annots")
                            .and_then(Object::as_array)
                            .cloned()
                            .unwrap_or_default();
                        annots.push(Object::Reference((900, 0)));
                        d.set("Annots", annots);
                    })),
                ),
                (
                    900,
                    text(
                        "<< /Type /Annot /Subtype /Square /Rect [0 0 595 842] /IC [1 1 1] /F 4 >>",
                    ),
                ),
            ],
            "page 1's /Annots: an added annotation of /Subtype /Square",
        ),
        (
            "the page rotated",
            vec![(page.0, text(page_text(&pdf, page, |d| d.set("Rotate", 90))))],
            "page 1's /Rotate",
        ),
        (
            "the signature widget moved off the box",
            vec![{
                let (id, w) = widget(&pdf, |d| {
                    d.set("Rect", vec![10.into(), 10.into(), 200.into(), 200.into()]);
                });
                (id, text(w))
            }],
            "its /Rect",
        ),
        (
            "an action on the signature widget",
            vec![{
                let (id, w) = widget(&pdf, |d| {
                    d.set("A", lopdf::dictionary! { "S" => "URI", "URI" => Object::string_literal("http://x") });
                });
                (id, text(w))
            }],
            "its /A",
        ),
    ];
    for (label, objects, expected) in cases {
        let edited = h::update(&pdf, &objects, "");
        let (revision, what) = changed(&edited);
        assert_eq!(revision, 3, "{label}: {what}");
        assert!(what.contains(expected), "{label}: {what}");
    }
}

#[test]
fn the_catalog_and_information_may_change_only_as_a_signer_changes_them() {
    let pdf = signed(&lapkin_pdf());
    let doc = Document::load_mem(&pdf).unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let dict_text = |id: ObjectId, edit: &dyn Fn(&mut lopdf::Dictionary)| {
        let mut d = doc.get_dictionary(id).unwrap().clone();
        edit(&mut d);
        h::dict_text(&d)
    };
    // The modification date and producer: a signer's.
    let dated = h::update(
        &pdf,
        &[(
            info.0,
            text(dict_text(info, &|d| {
                d.set("ModDate", Object::string_literal("D:20300101000000Z"));
                d.set("Producer", Object::string_literal("iText 5.5.13"));
            })),
        )],
        "",
    );
    assert_eq!(
        verify(&dated).unwrap(),
        Verification::Identical {
            later_revisions: true
        }
    );
    // The title, or an action on opening: refused.
    let retitled = h::update(
        &pdf,
        &[(
            info.0,
            text(dict_text(info, &|d| {
                d.set("Title", Object::string_literal("Lain"))
            })),
        )],
        "",
    );
    assert_eq!(changed(&retitled).1, "the document information's /Title");
    let action = h::update(
        &pdf,
        &[(
            root.0,
            text(dict_text(root, &|d| {
                d.set("OpenAction", lopdf::dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") })
            })),
        )],
        "",
    );
    assert_eq!(changed(&action).1, "the catalog's /OpenAction");
}

/// The catalog as iText 5 rewrites it: a direct `/AcroForm` listing the
/// new field `widget` after the old ones, and `/Version`.
fn itext_catalog(
    doc: &Document,
    root: ObjectId,
    widget: u32,
    ap: u32,
    helv: u32,
    version: &str,
) -> String {
    let mut catalog = doc.get_dictionary(root).unwrap().clone();
    let fields: Vec<Object> = match catalog.get(b"AcroForm") {
        Ok(Object::Dictionary(form)) => form.get(b"Fields").unwrap().as_array().unwrap().clone(),
        _ => Vec::new(),
    };
    let fields: Vec<String> = fields
        .iter()
        .chain([&Object::Reference((widget, 0))])
        .map(|f| format!("{} 0 R", f.as_reference().unwrap().0))
        .collect();
    catalog.remove(b"AcroForm");
    h::dict_text(&catalog).replacen(
        "<< ",
        &format!(
            "<< /AcroForm << /Fields [{}] /DA (/Helv 0 Tf 0 g ) /DR << /Font << /Helv {helv} 0 R >> \
             /XObject << /FRM {ap} 0 R >> >> /SigFlags 3 >> /Version {version} ",
            fields.join(" ")
        ),
        1,
    )
}

/// A BSrE signature as iText 5.5.13 appends it (the objects
/// tests/external/itext.py read from iText's real update): a new merged
/// field and widget `sig_<epoch-ms>` carrying `/DR` (iText's
/// `PdfFormField.setUsed` gives every field it creates the resources of its
/// appearance), the page's `/Annots`, the catalog with a direct `/AcroForm`
/// (`/DR` with Helvetica and ZapfDingbats, `/DA`, `/SigFlags 3`) and
/// `/Version /1.7` (iText's append mode writes the header's version there),
/// the information's `/ModDate` and `/Producer`.
fn itext_signed(pdf: &[u8], version: &str) -> Vec<u8> {
    let rendered =
        lapkin::render(&load_report("minimal.json"), &RenderOptions::default()).expect("renders");
    let [x1, y1, x2, y2] = rendered.signature.expect("a signer").pdf_rect;
    let doc = Document::load_mem(pdf).unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let page = doc.get_pages()[&1];
    let n = h::next_number(pdf);
    let (widget, sig, ap, helv) = (n, n + 1, n + 2, n + 3);
    let catalog = itext_catalog(&doc, root, widget, ap, helv, version);
    let mut information = doc.get_dictionary(info).unwrap().clone();
    information.set("ModDate", Object::string_literal("D:20261207100622Z"));
    information.set(
        "Producer",
        Object::string_literal("lapkin; modified using iText 5.5.13.3"),
    );
    let page_dict = page_text(pdf, page, |d| {
        let mut annots = d
            .get(b"Annots")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        annots.push(Object::Reference((widget, 0)));
        d.set("Annots", annots);
    });
    h::update(
        pdf,
        &[
            (page.0, text(page_dict)),
            (root.0, text(catalog)),
            (info.0, text(h::dict_text(&information))),
            (
                widget,
                text(format!(
                    "<< /AP << /N {ap} 0 R >> /DR << /XObject << /FRM {ap} 0 R >> >> /F 132 /FT /Sig \
                     /P {} 0 R /Rect [{x1} {y1} {x2} {y2}] /Subtype /Widget /T (sig_1796637982731) \
                     /Type /Annot /V {sig} 0 R >>",
                    page.0
                )),
            ),
            (
                sig,
                text(
                    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached \
                     /Contents <00> /ByteRange [0 0 0 0] >>",
                ),
            ),
            (
                ap,
                Body::Stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 85.04 85.04]".into(),
                    b"q Q".to_vec(),
                ),
            ),
            (
                helv,
                text(
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                ),
            ),
        ],
        "",
    )
}

#[test]
fn a_bsre_signature_as_itext_writes_it_is_accepted() {
    let pdf = lapkin_pdf();
    for version in ["/1.7", "/2.0"] {
        let signed = itext_signed(&pdf, version);
        assert_eq!(
            verify(&signed).unwrap(),
            Verification::Identical {
                later_revisions: true
            },
            "/Version {version}"
        );
        assert_eq!(extract(&signed).unwrap(), extract(&pdf).unwrap());
    }
    // /Version must name a PDF version.
    for version in ["/9.9", "(1.7)", "/1.7.1"] {
        let (_, what) = changed(&itext_signed(&pdf, version));
        assert_eq!(what, "the catalog's /Version", "/Version {version}");
    }
}

#[test]
fn a_hybrid_section_is_read_as_viewers_read_it() {
    // An update whose table lists nothing and whose /XRefStm stream
    // replaces page 1's content: lopdf did not see it, viewers do.
    let pdf = lapkin_pdf();
    let (_, content, _) = ids(&pdf);
    let mut out = pdf.clone();
    out.push(b'\n');
    let at = out.len();
    out.extend_from_slice(
        format!(
            "{} 0 obj\n<< /Length 5 >>\nstream\n0 0 m\nendstream\nendobj\n",
            content.0
        )
        .as_bytes(),
    );
    let n = h::next_number(&pdf);
    let mut row = vec![1u8];
    row.extend_from_slice(&(at as u32).to_be_bytes());
    row.extend_from_slice(&[0, 0]);
    let stm = out.len();
    out.extend_from_slice(
        format!(
            "{n} 0 obj\n<< /Type /XRef /Size {} /W [1 4 2] /Index [{} 1] /Length 7 >>\nstream\n",
            n + 1,
            content.0
        )
        .as_bytes(),
    );
    out.extend_from_slice(&row);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let doc = Document::load_mem(&pdf).unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n0 0\ntrailer\n<< /Size {} /Root {} 0 R /Info {} 0 R /Prev {} /XRefStm {stm} >>\nstartxref\n{xref}\n%%EOF\n",
            n + 1,
            root.0,
            info.0,
            h::startxref(&pdf)
        )
        .as_bytes(),
    );
    let (revision, what) = changed(&out);
    assert_eq!(revision, 2);
    assert!(
        what.starts_with(&format!("object {} 0", content.0)),
        "{what}"
    );
}

#[test]
fn a_second_startxref_at_the_end_is_refused() {
    let pdf = signed(&lapkin_pdf());
    let mut out = pdf.clone();
    out.extend_from_slice(
        format!("startxref\n{}\n%%EOF\n", h::startxref(&lapkin_pdf())).as_bytes(),
    );
    for e in [verify(&out).unwrap_err(), extract(&out).unwrap_err()] {
        assert!(
            e.problems().first().map(|p| p.kind) == Some(Kind::PdfMalformed),
            "{e}"
        );
        assert!(e.is_input_error());
    }
}

#[test]
fn a_page_without_type_is_still_a_page() {
    // A later revision that adds a page whose dictionary says no /Type:
    // viewers show it; the page tree changed.
    let pdf = lapkin_pdf();
    let doc = Document::load_mem(&pdf).unwrap();
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut tree = doc.get_dictionary(pages).unwrap().clone();
    let n = h::next_number(&pdf);
    let mut kids = tree.get(b"Kids").unwrap().as_array().unwrap().clone();
    kids.push(Object::Reference((n, 0)));
    tree.set("Kids", kids);
    tree.set("Count", 2);
    let edited = h::update(
        &pdf,
        &[
            (pages.0, text(h::dict_text(&tree))),
            (
                n,
                text(format!(
                    "<< /Parent {} 0 R /MediaBox [0 0 595 842] >>",
                    pages.0
                )),
            ),
        ],
        "",
    );
    let (_, what) = changed(&edited);
    assert!(
        what.starts_with(&format!(
            "object {} 0 (a dictionary (/Type /Pages))",
            pages.0
        )),
        "{what}"
    );
}

#[test]
fn a_stream_that_cannot_be_decoded_is_a_difference() {
    let pdf = lapkin_pdf();
    let (_, content, _) = ids(&pdf);
    let edited = h::update(
        &pdf,
        &[(
            content.0,
            Body::Stream("/Filter /LZWDecode".into(), b"\x80\x0b\x60\x50".to_vec()),
        )],
        "",
    );
    let (_, what) = changed(&edited);
    assert!(what.contains("its /Filter"), "{what}");
    // In the first revision (the file rewritten): named, not read raw.
    let mut doc = Document::load_mem(&pdf).unwrap();
    let s = doc
        .get_object_mut(content)
        .unwrap()
        .as_stream_mut()
        .unwrap();
    s.dict.set("Filter", "RunLengthDecode");
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    match verify(&out).unwrap() {
        Verification::Differs(what) => {
            assert_eq!(what, "page 1's content (a stream lapkin cannot decode)")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_genuine_file_whose_text_holds_startxref_and_eof_verifies() {
    let mut report = load_report("minimal.json");
    report.unit.nama = "UPT startxref 0 %%EOF".into();
    let mut opts = RenderOptions::default().with_attach_source(true);
    opts.pdf = opts.pdf.with_signature_field("ttd");
    let pdf = lapkin::render(&report, &opts).unwrap().pdf;
    assert!(
        pdf.windows(17).any(|w| w == b"startxref 0 %%EOF"),
        "the words are in the bytes"
    );
    assert_eq!(
        verify(&pdf).unwrap(),
        Verification::Identical {
            later_revisions: false
        }
    );
    assert_eq!(
        verify(&signed(&pdf)).unwrap(),
        Verification::Identical {
            later_revisions: true
        }
    );
}

#[test]
fn bombs_and_hostile_trees_are_bounded() {
    // Several file specifications on one stream that expands past the
    // report's limit: refused by its size, decoded only that far.
    let bomb = h::bomb_specs(8, 4 << 20);
    let e = lapkin::extract_source(&bomb, 1 << 20).unwrap_err();
    assert!(
        e.problems().first().map(|p| p.kind) == Some(Kind::PdfOverLimit),
        "{e}"
    );
    // A catalog in an object stream, found through a hybrid section.
    let e = extract(&h::object_stream_bomb(true, 1 << 16)).unwrap_err();
    assert!(e.to_string().contains("no attached report"), "{e}");
    let e = extract(&h::object_stream_bomb(false, 1 << 16)).unwrap_err();
    assert!(e.to_string().contains("no attached report"), "{e}");
    // A name tree node that lists itself, and one of many entries.
    for pdf in [h::self_listing_name_tree(200_000), h::many_names(20_000)] {
        let e = extract(&pdf).unwrap_err();
        assert!(e.to_string().contains("no attached report"), "{e}");
    }
    let e = extract(&h::deep_nesting(100_000)).unwrap_err();
    assert!(
        e.problems().first().map(|p| p.kind) == Some(Kind::PdfOverLimit),
        "{e}"
    );
    let e = extract(&h::prev_loop()).unwrap_err();
    assert!(
        e.problems().first().map(|p| p.kind) == Some(Kind::PdfMalformed),
        "{e}"
    );
    let encrypted = h::replace(&h::prev_loop(), b"/Prev", b"/Encrypt 1 0 R /Foo");
    let e = extract(&encrypted).unwrap_err();
    assert_eq!(e.problems()[0].kind, Kind::PdfEncrypted);
}

#[test]
fn the_attached_report_obeys_the_limit() {
    let pdf = h::huge_report(2 << 20);
    let e = lapkin::extract_source(&pdf, 1 << 20).unwrap_err();
    assert!(
        e.to_string()
            .contains("exceeds lapkin's limit of 1048576 bytes"),
        "{e}"
    );
    assert!(lapkin::extract_source(&pdf, 3 << 20).is_ok());
}

#[test]
fn a_corrupt_attachment_is_refused_not_truncated() {
    let pdf = lapkin_pdf();
    let mut doc = Document::load_mem(&pdf).unwrap();
    let id = doc
        .objects
        .iter()
        .find(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"EmbeddedFile")
            })
        })
        .map(|(id, _)| *id)
        .unwrap();
    let s = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let half = s.content.len() / 2;
    s.content.truncate(half);
    s.dict.set("Length", half as i64);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let e = extract(&out).unwrap_err();
    assert!(
        e.problems().first().map(|p| p.kind) == Some(Kind::PdfUndecodable),
        "{e}"
    );
}

#[test]
fn a_record_with_a_timestamp_out_of_range_is_an_input_error() {
    let mut opts = RenderOptions::default().with_attach_source(true);
    opts.pdf = opts.pdf.with_timestamp(1_700_000_000);
    let pdf = lapkin::render(&load_report("minimal.json"), &opts)
        .unwrap()
        .pdf;
    let mut doc = Document::load_mem(&pdf).unwrap();
    let id = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"EmbeddedFile")
            })
        })
        .map(|(id, _)| *id)
        .find(|id| {
            let s = doc.get_object(*id).unwrap().as_stream().unwrap();
            String::from_utf8_lossy(&s.decompressed_content().unwrap()).contains("\"timestamp\"")
        })
        .unwrap();
    let s = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let t = String::from_utf8(s.decompressed_content().unwrap()).unwrap();
    let t = t.replace("1700000000", "99999999999999");
    s.dict.remove(b"Filter");
    s.dict.remove(b"Params");
    s.set_content(t.into_bytes());
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    let e = verify(&out).unwrap_err();
    assert!(e.is_input_error(), "{e}");
    assert!(
        e.to_string()
            .contains("timestamp 99999999999999, which a PDF date cannot hold"),
        "{e}"
    );
}

/// Bytes flipped, cut and repeated anywhere in a signed file: extract
/// and the reading half of verify end with a value or an error, never a
/// panic (a seeded walk, the same every run).
#[test]
fn damaged_files_never_panic() {
    let pdf = signed(&lapkin_pdf());
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for round in 0..400 {
        let mut bytes = pdf.clone();
        match round % 4 {
            0 => {
                let at = next(bytes.len());
                bytes[at] ^= 1 << next(8);
            }
            1 => bytes.truncate(next(bytes.len())),
            2 => {
                let at = next(bytes.len());
                let digit = b'0' + next(10) as u8;
                if bytes[at].is_ascii_digit() {
                    bytes[at] = digit;
                }
            }
            _ => {
                let (a, b) = (next(bytes.len()), next(bytes.len()));
                let (a, b) = (a.min(b), a.max(b).min(a.min(b) + 4096));
                let chunk = bytes[a..b].to_vec();
                bytes.splice(a..a, chunk);
            }
        }
        let _ = extract(&bytes);
        if round % 40 == 0 {
            let _ = verify(&bytes);
        }
    }
}
