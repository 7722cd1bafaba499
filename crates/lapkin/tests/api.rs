//! The API as a downstream crate meets it (issue 19's frictions, each
//! shown gone): only public paths, no file of the package but the minimal
//! report.

use lapkin::problem::{JsonPath, Kind, Lang, Location};
use lapkin::{Error, RenderOptions};

const MINIMAL: &[u8] = include_bytes!("../tests-data/minimal.json");

/// A problem is data: where (a path an editor can follow), a stable kind,
/// the message and the hint apart, in English and Indonesian, serializable.
#[test]
fn problems_are_data_in_both_languages() {
    let mut json: serde_json::Value = serde_json::from_slice(MINIMAL).unwrap();
    json["penutup"]["nip"] = "12".into();
    let err = lapkin::parse_report(json.to_string().as_bytes()).unwrap_err();
    assert!(err.is_input_error());
    let problem = &err.problems()[0];
    assert_eq!(problem.kind, Kind::NipLength);
    assert_eq!(problem.kind.name(), "nip-length");
    let nip = JsonPath::root().key("penutup").key("nip");
    assert_eq!(problem.location, Location::Json(nip));
    assert_ne!(problem.message(Lang::En), problem.message(Lang::Id));
    let value = serde_json::to_value(problem).unwrap();
    assert_eq!(value["path"], serde_json::json!(["penutup", "nip"]));
    assert!(
        value["message"]["id"]
            .as_str()
            .unwrap()
            .contains("18 angka")
    );
    let english = serde_json::to_value(problem.in_language(Lang::En)).unwrap();
    assert!(english["message"].as_str().unwrap().contains("18 digits"));
}

/// A caller's bad value is an input error with its place, never "a bug
/// in lapkin"; no public function's error is a `String`.
#[test]
fn bad_values_are_input_errors_with_their_place() {
    let early = lapkin::pdf::check_timestamp(-1).unwrap_err();
    assert_eq!(early.kind, Kind::TimestampBefore1970);
    let report = lapkin::parse_report(MINIMAL).unwrap();
    let pdf = lapkin::pdf::PdfOptions::default().with_timestamp(-1);
    let err = lapkin::render(&report, &RenderOptions::default().with_pdf(pdf)).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert_eq!(
        err.problems()[0].location,
        Location::Option("pdf.timestamp".into())
    );
    let date = lapkin::model::Tanggal::new(2025, 2, 30).unwrap_err();
    assert_eq!(date.kind, Kind::NoSuchDate);
}

/// The frame's vocabulary: `Item::Rule`, `Item::Box`, and the footer as
/// data beside the body.
#[test]
fn the_footer_is_data_and_items_are_rules_and_boxes() {
    use lapkin::layout::Item;

    let report = lapkin::parse_report(MINIMAL).unwrap();
    let opts = RenderOptions::default();
    let layout = lapkin::validate(&report, &opts.fonts)
        .unwrap()
        .layout(&opts)
        .unwrap();
    let page = &layout.pages[0];
    let label: Vec<&str> = (page.footer.label.iter())
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(label, ["Halaman 1 dari 1"]);
    assert!(page.footer.note.iter().any(|i| matches!(i, Item::Rule(_))));
    assert!(page.items.iter().any(|i| matches!(i, Item::Box(_))));
    // The dump of one page's body, without tags or footer, for a test.
    let dump = layout.page_dump(0).unwrap();
    assert!(!dump.contains("Halaman 1 dari 1") && !dump.contains('@'));
}

/// Text is measured with the family it is set in; the bundled family is
/// shared, not parsed again for every set of options.
#[test]
fn text_is_measured_with_a_font_set() {
    use lapkin::layout::Pt;
    use lapkin::text::{Face, FontSet, Span};

    let fonts = FontSet::liberation_sans();
    let spans = [Span::plain("Capaian "), Span::bold("95%")];
    let width = fonts.spans_width(&spans, Pt(11.0));
    let parts =
        fonts.width("Capaian ", Face::Regular, Pt(11.0)) + fonts.width("95%", Face::Bold, Pt(11.0));
    assert_eq!(width, parts);
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        drop(RenderOptions::default());
    }
    assert!(start.elapsed().as_secs_f64() < 1.0, "fonts parsed again");
}

/// A style is built with setters; a bad one is refused with its field.
#[test]
fn a_style_is_built_with_setters_and_checked() {
    use lapkin::layout::{Pt, Style};

    let report = lapkin::parse_report(MINIMAL).unwrap();
    let style = Style::default().with_font_size(Pt(-1.0));
    let err = lapkin::check(&report, &RenderOptions::default().with_style(style)).unwrap_err();
    let p = &err.problems()[0];
    assert!(p.path().is_some_and(|p| p == "style.font_size"), "{p:?}");
}

/// `write_pdf` refuses a tag tree that is not a tree, with the path of the
/// bad node, instead of dropping what hangs from it.
#[test]
fn a_structure_that_is_not_a_tree_is_refused() {
    use lapkin::layout::tags::{Role, StructNode};

    let report = lapkin::parse_report(MINIMAL).unwrap();
    let opts = RenderOptions::default();
    let mut layout = lapkin::validate(&report, &opts.fonts)
        .unwrap()
        .layout(&opts)
        .unwrap();
    // A node that is its own child.
    let id = layout.structure.nodes.len();
    let mut node = StructNode::new(Role::P, Some(id));
    node.children.push(id);
    layout.structure.nodes.push(node);
    let err = lapkin::pdf::write_pdf(&layout, &opts.fonts, &opts.pdf).unwrap_err();
    assert_eq!(err.problems()[0].kind, Kind::NotATree);
    let path = err.problems()[0].path().unwrap().to_string();
    assert!(path.starts_with("layout.structure.nodes["), "{path}");
}
