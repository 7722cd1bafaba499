//! Rough stage timings (development aid): `cargo run --release --example timing -- REPORT.json [N]`.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args().nth(2).map_or(1, |s| s.parse().unwrap());
    let bytes = std::fs::read(path).unwrap();
    let fonts = lapkin::FontSet::default();
    let report = lapkin::parse_report(&bytes).unwrap();
    for _ in 0..n {
        let t = Instant::now();
        let doc = lapkin::build_document(&report).unwrap();
        let layout = lapkin::layout_document(&doc, &lapkin::Style::default(), &fonts).unwrap();
        let tl = t.elapsed();
        let pdf = lapkin::write_pdf(&layout, &doc.meta, &fonts, &Default::default()).unwrap();
        eprintln!(
            "layout {:?} total {:?} ({} pages, {} bytes)",
            tl,
            t.elapsed(),
            layout.pages.len(),
            pdf.len()
        );
    }
}
