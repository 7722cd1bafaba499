//! Time to lay out a table whose one cell holds a very long text, at two
//! sizes: N words and 4N words. Pagination is linear when the second time
//! is about four times the first (a quadratic one would be sixteen).
//!
//! `cargo run --release -p lapkin --example long_cell -- [N]` (default
//! 20,000 words, about 80 pages).

use std::time::Instant;

use lapkin::{RenderOptions, parse_report};

/// The layout fixture with one tall row, its long cell replaced by `words`
/// words of letters.
fn report(words: usize) -> lapkin::Report {
    let mut json: serde_json::Value = serde_json::from_str(include_str!(
        "../../../fixtures/layout/row-taller-than-a-page.json"
    ))
    .expect("the fixture is JSON");
    let text: Vec<String> = (0..words)
        .map(|i| ["kegiatan", "pendampingan", "dilaksanakan", "bersama"][i % 4].to_owned())
        .collect();
    json["analisis"][0]["progress"][1]["tabel"]["baris"][1][1] = text.join(" ").into();
    parse_report(&serde_json::to_vec(&json).expect("serializable")).expect("a valid report")
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let opts = RenderOptions::default();
    let mut first = None;
    for words in [n, 4 * n] {
        let r = report(words);
        let start = Instant::now();
        let layout = lapkin::validate(&r, &opts.fonts)
            .and_then(|c| c.layout(&opts))
            .expect("lays out");
        let secs = start.elapsed().as_secs_f64();
        let ratio = first.map_or(String::new(), |f: f64| {
            format!("  ({:.1} x the first)", secs / f)
        });
        first.get_or_insert(secs);
        println!(
            "{words:>9} words  {:>6} pages  {:>8.3} s{ratio}",
            layout.pages.len(),
            secs
        );
    }
}
