//! Rough timings of `lapkin::render`, stage by stage (development aid;
//! `cargo bench` has the real measurements):
//! `cargo run --release --example timing -- REPORT.json [N]`.
use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: timing REPORT.json [N]");
    let n: usize = std::env::args()
        .nth(2)
        .map_or(1, |s| s.parse().unwrap_or(1));
    let bytes = std::fs::read(path).expect("reading the report");
    let opts = lapkin::RenderOptions::default();
    let mut best = [Duration::MAX; 5];
    for _ in 0..n {
        let t = Instant::now();
        let report = lapkin::parse_report(&bytes).expect("a valid report");
        let parse = t.elapsed();
        let t = Instant::now();
        let checked = lapkin::validate(&report, &opts.fonts).expect("a valid report");
        let doc = lapkin::document::build_document(&checked);
        let document = t.elapsed();
        let t = Instant::now();
        let layout =
            lapkin::layout::layout_document(&doc, &opts.style, &opts.fonts).expect("layout");
        let lay_out = t.elapsed();
        let t = Instant::now();
        let pdf = lapkin::pdf::write_pdf(&layout, &opts.fonts, &opts.pdf).expect("pdf");
        let write = t.elapsed();
        let t = Instant::now();
        let r = lapkin::render(&report, &opts).expect("rendering");
        let render = t.elapsed();
        eprintln!(
            "parse {parse:?}, validate+document {document:?}, layout {lay_out:?}, pdf {write:?}; \
             render {render:?} ({} pages, {} bytes)",
            r.pages,
            pdf.len()
        );
        for (b, d) in best
            .iter_mut()
            .zip([parse, document, lay_out, write, render])
        {
            *b = (*b).min(d);
        }
    }
    eprintln!(
        "best: parse {:?}, validate+document {:?}, layout {:?}, pdf {:?}; render {:?}",
        best[0], best[1], best[2], best[3], best[4]
    );
}
