//! Rough timings of `lapkin::render` (development aid; `cargo bench` has the
//! real measurements): `cargo run --release --example timing -- REPORT.json [N]`.
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: timing REPORT.json [N]");
    let n: usize = std::env::args()
        .nth(2)
        .map_or(1, |s| s.parse().unwrap_or(1));
    let bytes = std::fs::read(path).expect("reading the report");
    let report = lapkin::parse_report(&bytes).expect("a valid report");
    let opts = lapkin::RenderOptions::default();
    for _ in 0..n {
        let t = Instant::now();
        let r = lapkin::render(&report, &opts).expect("rendering");
        eprintln!(
            "{:?} ({} pages, {} bytes)",
            t.elapsed(),
            r.pages,
            r.pdf.len()
        );
    }
}
