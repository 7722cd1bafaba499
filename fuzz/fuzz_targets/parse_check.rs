//! Any bytes through `parse_report` (what `lapkin check` does first), and
//! a report that parses through `render`: no panic, and no report that
//! `check` accepts is refused by `render`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = lapkin::parse_report(data) {
        let opts = lapkin::RenderOptions::default();
        let checked = lapkin::check(&report, &opts);
        let rendered = lapkin::render(&report, &opts);
        let broken = lapkin_tests::check_render_disagreement(&checked, &rendered);
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }
});
