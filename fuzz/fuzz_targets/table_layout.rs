//! A generated table (`lapkin_tests::generate::table`) in a small report,
//! laid out: no panic, nothing outside the text area, and a table that
//! parses is laid out.
#![no_main]

use lapkin::layout::Item;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(mix) = lapkin_tests::generate::Mix::arbitrary(&mut u) else {
        return;
    };
    let Ok(json) = lapkin_tests::generate::table_report(&mut u, &mix) else {
        return;
    };
    let bytes = serde_json::to_vec(&json).expect("a Value serializes");
    let Ok(report) = lapkin::parse_report(&bytes) else {
        return;
    };
    let opts = lapkin::RenderOptions::default();
    let layout = match lapkin::validate(&report, &opts.fonts).and_then(|c| c.layout(&opts)) {
        Ok(l) => l,
        // A table too wide even at the smallest type, or another refusal
        // (a character the font lacks, ...), is the input's, each problem
        // at its path in the report.
        Err(e) if e.is_input_error() => {
            assert!(
                e.problems()
                    .iter()
                    .all(|p| p.path().is_some_and(|p| !p.is_root())),
                "a problem without its path: {e}"
            );
            return;
        }
        Err(e) => panic!("the table was refused without its path: {e}"),
    };
    let style = &opts.style;
    let (left, right) = (
        style.margin.left.0 - 0.3,
        (style.page.width - style.margin.right).0 + 0.3,
    );
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(t) = item {
                assert!(
                    t.x.0 >= left && (t.x + t.width).0 <= right,
                    "drawn outside the text area: {item}"
                );
            }
        }
    }
});
