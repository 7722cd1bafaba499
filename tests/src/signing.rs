use lapkin::layout::{Item, Layout, TextRun};
use lapkin::{RenderOptions, render};
use lapkin_tests::{REFERENCE, layout_report, load_report};
use lopdf::{Document, Object};

fn layout(name: &str) -> Layout {
    layout_report(&load_report(name), &RenderOptions::default()).unwrap()
}

fn invisible(l: &Layout) -> Vec<(usize, &TextRun)> {
    l.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.all_items().map(move |it| (i, it)))
        .filter_map(|(i, it)| match it {
            Item::Text(t) if t.invisible => Some((i + 1, t)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_tag_is_drawn_once_invisible_inside_the_box() {
    for name in [
        REFERENCE,
        "layout/signature-at-page-end.json",
        "minimal.json",
    ] {
        let l = layout(name);
        let sig = l.signatures[0].clone();
        assert_eq!(sig.tag, Some('#'));
        let tags = invisible(&l);
        assert_eq!(tags.len(), 1, "{name}");
        let (page, t) = tags[0];
        assert_eq!(page, sig.page, "{name}");
        assert_eq!(t.text, "#");
        // The glyph's whole box (ascent above, descent below the baseline)
        // lies in the reserved box, at its lower-left corner.
        let ascent = t.size.0 * 0.905;
        let descent = t.size.0 * 0.212;
        assert!(t.x.approx_eq(sig.rect.x), "{name}");
        assert!(t.y.0 - ascent >= sig.rect.y.0, "{name}");
        assert!(t.y.0 + descent <= sig.rect.bottom().0 + 0.01, "{name}");
        // No visible text uses the character.
        let visible = l
            .pages
            .iter()
            .flat_map(|p| p.all_items())
            .any(|i| matches!(i, Item::Text(t) if !t.invisible && t.text.contains('#')));
        assert!(!visible, "{name}");
    }
    // The signature block of this fixture starts a new page.
    assert_eq!(
        layout("layout/signature-at-page-end.json").signatures[0].page,
        2
    );
}

#[test]
fn no_tag_is_drawn_when_it_is_switched_off() {
    let l = layout("signature-field-without-tag.json");
    assert!(invisible(&l).is_empty());
    assert_eq!(l.signatures[0].clone().tag, None);
}

#[test]
fn a_tag_that_lapkin_itself_prints_is_refused() {
    let mut report = load_report("minimal.json");
    // "/" is in none of this report's texts, but in the generated
    // sub-headings "Progress / Kegiatan :" and the like.
    report.tanda_tangan.tag = Some("/".into());
    let err = layout_report(&report, &RenderOptions::default()).unwrap_err();
    let problems = err.problems();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].path().unwrap() == "tanda_tangan.tag");
    assert!(
        problems[0]
            .message(lapkin::problem::Lang::En)
            .contains("\"Progress / Kegiatan :\""),
        "{err}"
    );
}

#[test]
fn the_box_size_comes_from_the_report() {
    let mut report = load_report("minimal.json");
    report.tanda_tangan.lebar_mm = 50.0;
    report.tanda_tangan.tinggi_mm = 20.0;
    let l = layout_report(&report, &RenderOptions::default()).unwrap();
    let r = l.signatures[0].clone().rect;
    assert!((r.width.to_mm() - 50.0).abs() < 1e-9);
    assert!((r.height.to_mm() - 20.0).abs() < 1e-9);
}

#[test]
fn the_placement_gives_the_box_in_both_bsre_conventions() {
    let report = load_report(REFERENCE);
    let l = layout_report(&report, &RenderOptions::default()).unwrap();
    let b = l.signatures[0].clone();
    let p = render(&report, &RenderOptions::default())
        .unwrap()
        .signature
        .unwrap();
    assert_eq!(p.page, b.page);
    assert_eq!(p.tag.as_deref(), Some("#"));
    assert_eq!(p.field, None);
    let h = l.pages[b.page - 1].size.height.0;
    assert!((p.bsre_v1.x_axis - b.rect.x.0).abs() < 0.01);
    assert!((p.bsre_v1.y_axis - (h - b.rect.bottom().0)).abs() < 0.01);
    assert!((p.bsre_v2.origin_y - b.rect.y.0).abs() < 0.01);
    assert!((p.bsre_v1.y_axis + p.bsre_v1.height + p.bsre_v2.origin_y - h).abs() < 0.02);
    assert_eq!(p.pdf_rect[0], p.bsre_v1.x_axis);
    assert_eq!(p.pdf_rect[1], p.bsre_v1.y_axis);
}

/// Field mode: an empty signature field exactly over the box, as PAdES
/// signers expect it (ESIGN.md): `/FT /Sig`, unique name, `/F 132`, an
/// empty appearance, in the page's `/Annots` and the AcroForm's `/Fields`,
/// `/SigFlags 1`, no value.
#[test]
fn the_signature_field_lies_over_the_box() {
    let mut opts = RenderOptions::default();
    opts.pdf.signature_field = Some("ttd_kepala".into());
    let rendered = render(&load_report(REFERENCE), &opts).unwrap();
    let placement = rendered.signature.unwrap();
    assert_eq!(placement.field.as_deref(), Some("ttd_kepala"));
    let doc = Document::load_mem(&rendered.pdf).unwrap();
    let form = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(form.get(b"SigFlags").unwrap().as_i64().unwrap(), 1);
    assert!(form.get(b"NeedAppearances").is_err());
    let fields = form.get(b"Fields").unwrap().as_array().unwrap();
    assert_eq!(fields.len(), 1);
    let widget_id = fields[0].as_reference().unwrap();
    let w = doc.get_dictionary(widget_id).unwrap();
    assert_eq!(w.get(b"FT").unwrap().as_name().unwrap(), b"Sig");
    assert_eq!(w.get(b"Subtype").unwrap().as_name().unwrap(), b"Widget");
    assert_eq!(w.get(b"F").unwrap().as_i64().unwrap(), 132);
    assert!(w.get(b"V").is_err(), "an empty field has no value");
    let Object::String(name, _) = w.get(b"T").unwrap() else {
        panic!()
    };
    assert_eq!(name, b"ttd_kepala");
    let rect: Vec<f64> = w
        .get(b"Rect")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap() as f64)
        .collect();
    for (a, b) in rect.iter().zip(placement.pdf_rect) {
        assert!((a - b).abs() < 0.01, "{rect:?} vs {:?}", placement.pdf_rect);
    }
    let ap = w
        .get(b"AP")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"N")
        .unwrap()
        .as_reference()
        .unwrap();
    let ap = doc.get_object(ap).unwrap().as_stream().unwrap();
    assert_eq!(ap.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Form");
    // On the right page, and in its annotations.
    let page_id = doc.get_pages()[&(placement.page as u32)];
    assert_eq!(w.get(b"P").unwrap().as_reference().unwrap(), page_id);
    let annots = doc
        .get_dictionary(page_id)
        .unwrap()
        .get(b"Annots")
        .unwrap()
        .as_array()
        .unwrap();
    assert!(
        annots
            .iter()
            .any(|a| a.as_reference().ok() == Some(widget_id))
    );
    // Still deterministic.
    assert!(render(&load_report(REFERENCE), &opts).unwrap().pdf == rendered.pdf);
}

#[test]
fn the_report_can_ask_for_the_field_itself() {
    let rendered = render(
        &load_report("signature-field-without-tag.json"),
        &RenderOptions::default(),
    )
    .unwrap();
    assert_eq!(
        rendered.signature.unwrap().field.as_deref(),
        Some("ttd_kepala")
    );
    let doc = Document::load_mem(&rendered.pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"AcroForm").is_ok());
    // Without a field, there is no form at all.
    let plain = render(&load_report("minimal.json"), &RenderOptions::default()).unwrap();
    let doc = Document::load_mem(&plain.pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"AcroForm").is_err());
}

#[test]
fn a_bad_field_name_is_refused() {
    let mut opts = RenderOptions::default();
    opts.pdf.signature_field = Some("ttd.kepala".into());
    let err = render(&load_report("minimal.json"), &opts).unwrap_err();
    assert!(err.to_string().contains("no dots"), "{err}");
}
