//! A generated report (`lapkin_tests::generate`, every class) through
//! `parse_report` and `render`: no panic, and a report that parses renders.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(json) = lapkin_tests::generate::report(&mut u) else {
        return;
    };
    let bytes = serde_json::to_vec(&json).expect("a Value serializes");
    if let Ok(report) = lapkin::parse_report(&bytes) {
        let opts = lapkin::RenderOptions::default();
        let checked = lapkin::check(&report, &opts);
        let rendered = lapkin::render(&report, &opts);
        let broken = lapkin_tests::check_render_disagreement(&checked, &rendered);
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }
});
