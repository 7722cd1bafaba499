//! Arbitrary layouts, documents and styles (`lapkin_tests::values`), as a
//! caller can build them, fed to `write_pdf` and `layout_document`: an
//! error names the value's fields, a layout `layout_document` makes is one
//! `write_pdf` takes, a written PDF reads back with its pages; no panic.
#![no_main]

use std::sync::OnceLock;

use lapkin::{text::FontSet, pdf::PdfOptions};
use libfuzzer_sys::fuzz_target;

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(FontSet::default)
}

fuzz_target!(|data: &[u8]| {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(one_in) = u.choose(&[0u8, 4, 30, 250]).copied() else {
        return;
    };
    let Ok(layout) = u.arbitrary::<bool>() else {
        return;
    };
    let broken = if layout {
        let Ok(layout) = lapkin_tests::values::layout(&mut u, one_in) else {
            return;
        };
        let mut opts = PdfOptions::default();
        if u.arbitrary().unwrap_or(false) {
            opts = opts.with_signature_field("ttd");
        }
        lapkin_tests::values::write_and_read(&layout, fonts(), &opts).1
    } else {
        let Ok((doc, style)) = lapkin_tests::values::document(&mut u, one_in) else {
            return;
        };
        lapkin_tests::values::lay_out_and_write(&doc, &style, fonts()).1
    };
    assert!(broken.is_empty(), "{}", broken.join("\n"));
});
