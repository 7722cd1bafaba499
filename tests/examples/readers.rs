//! Writes the PDFs that `tests/external/readers.py` reads with five PDF
//! readers, each with what its pages must read as, from the layout:
//!
//! - `NAME.pdf` for the reference report, the minimal one, the many-glyph
//!   one, every layout fixture, the other units' reports and the report with
//!   figures (`media.json`), and `signed.unsigned.pdf` (the reference
//!   report with an empty signature field, for readers.py to sign);
//! - `NAME.json`: `{"pages": [{"text": …, "words": [[first, last], …]}]}`,
//!   each page's text as its glyphs read (the runs' texts, a line-end hyphen
//!   the line breaker added as U+00AD, one run a line) and the words
//!   hyphenated across lines on it, as their two parts read.
//!
//! `cargo run -p lapkin-tests --example readers -- FIXTURES_DIR OUT_DIR`

use std::path::{Path, PathBuf};

use lapkin::RenderOptions;
use lapkin::pdf::PdfOptions;
use lapkin_tests::{drawn_text, hyphenated_words};
use serde_json::{Value, json};

fn write(out: &Path, name: &str, report: &lapkin::Report, opts: &RenderOptions) {
    let layout = lapkin_tests::layout_report(report, opts).expect("lays out");
    let pdf = lapkin::render(report, opts).expect("renders").pdf;
    let pages: Vec<Value> = layout
        .pages
        .iter()
        .map(|page| {
            let text: Vec<String> = page
                .all_items()
                .filter_map(|i| match i {
                    lapkin::layout::Item::Text(t) => Some(drawn_text(t)),
                    _ => None,
                })
                .collect();
            json!({"text": text.join("\n"), "words": hyphenated_words(page)})
        })
        .collect();
    std::fs::write(out.join(format!("{name}.pdf")), pdf).expect("writing the PDF");
    let expect = serde_json::to_vec_pretty(&json!({ "pages": pages })).expect("serializes");
    std::fs::write(out.join(format!("{name}.json")), expect).expect("writing the JSON");
    println!("{name}: {} pages", layout.pages.len());
}

fn main() {
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let usage = "usage: readers FIXTURES_DIR OUT_DIR";
    let (fixtures, out) = (args.next().expect(usage), args.next().expect(usage));
    std::fs::create_dir_all(&out).expect("creating the output directory");
    let load = |name: &str| {
        let bytes = std::fs::read(fixtures.join(name)).expect("reading a fixture");
        lapkin::parse_report(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let plain = RenderOptions::default();
    let mut names = vec![
        ("reference", "bpmp-bengkulu-2024-tw2.json".to_owned()),
        ("minimal", "minimal.json".to_owned()),
        ("many-glyphs", "many-glyphs.json".to_owned()),
    ];
    // The layout fixtures and the other units' reports.
    let mut layouts: Vec<(String, String)> = Vec::new();
    for dir in ["layout", "units", "lkj"] {
        let mut found: Vec<String> = std::fs::read_dir(fixtures.join(dir))
            .expect("the fixtures' directory")
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.ends_with(".json").then_some(name)
            })
            .collect();
        found.sort();
        layouts.extend(found.into_iter().map(|f| {
            (
                format!("{dir}-{}", f.trim_end_matches(".json")),
                format!("{dir}/{f}"),
            )
        }));
    }
    for (name, fixture) in names.drain(..) {
        write(&out, name, &load(&fixture), &plain);
    }
    // The images a report names, read beside its JSON.
    let with_files = |fixture: &str, report: &lapkin::Report| {
        let path = fixtures.join(fixture);
        let dir = path.parent().unwrap_or(&fixtures);
        plain
            .clone()
            .with_files(lapkin_tests::files_in(report, dir))
    };
    for (name, fixture) in &layouts {
        let report = load(fixture);
        write(&out, name, &report, &with_files(fixture, &report));
    }
    // Figures, charts and a cover.
    let media = load("media.json");
    write(&out, "media", &media, &with_files("media.json", &media));
    let field = RenderOptions::default()
        .with_pdf(PdfOptions::default().with_signature_field("Tanda_Tangan"));
    write(
        &out,
        "signed.unsigned",
        &load("bpmp-bengkulu-2024-tw2.json"),
        &field,
    );
}
