//! A generated report in the shapes of other units' reports
//! (`lapkin_tests::shapes`: own titles and sections, free sections,
//! chosen and grouped columns, budget rows by type and with sub-rows,
//! several signers, page furniture), with the other classes chosen by the
//! bytes, through `parse_report`, `check`, `layout_report` and `render`:
//! no panic; `check` and `render` agree; a report that renders draws
//! nothing outside the page and holds every word of its input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(mix) = lapkin_tests::generate::Mix::arbitrary(&mut u) else {
        return;
    };
    let mix = lapkin_tests::generate::Mix {
        unit_shapes: true,
        taller_than_page: false,
        ..mix
    };
    let Ok(json) = lapkin_tests::generate::report_with(&mut u, &mix) else {
        return;
    };
    let bytes = serde_json::to_vec(&json).expect("a Value serializes");
    let Ok(report) = lapkin::parse_report(&bytes) else {
        return;
    };
    let opts = lapkin::RenderOptions::default();
    let checked = lapkin::check(&report, &opts);
    let rendered = lapkin::render(&report, &opts);
    let broken = lapkin_tests::check_render_disagreement(&checked, &rendered);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    if rendered.is_err() || mix.unicode || mix.long_words {
        return;
    }
    let layout = lapkin_tests::layout_report(&report, &opts).expect("it rendered");
    let text: String = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            lapkin::layout::Item::Text(t) => Some(t.actual_text.as_deref().unwrap_or(&t.text)),
            _ => None,
        })
        .map(lapkin_tests::generate::comparable)
        .collect();
    for word in lapkin_tests::generate::printed_words(&json) {
        let w = lapkin_tests::generate::comparable(&word);
        assert!(text.contains(&w), "{word:?} is not on the pages");
    }
});
