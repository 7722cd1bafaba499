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
        // `check` runs every rule of `render`: they agree, and a refusal
        // is the input's fault (a clear message), never lapkin's.
        let checked = lapkin::check(&report, &opts);
        let rendered = lapkin::render(&report, &opts);
        match (&checked, &rendered) {
            (Ok(()), Ok(_)) => {}
            (Err(c), Err(r)) => {
                assert_eq!(c, r, "check and render refused it differently");
                assert!(r.is_input_error(), "refused with an internal error: {r}");
            }
            _ => panic!("check and render disagree: {checked:?} / {:?}", rendered.map(|r| r.pages)),
        }
    }
});
