//! Any bytes through `parse_report` (what `lapkin check` does first), and
//! a report that parses through `render`: no panic, and no report that
//! `check` accepts is refused by `render`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = lapkin::parse_report(data) {
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
