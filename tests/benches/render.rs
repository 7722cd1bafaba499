//! Speed of rendering: the reference report, and a generated report of about
//! 800 pages (sections A and B repeated 50 times, section C with 5,000
//! rows), per stage and whole. Run with `cargo bench`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lapkin::{RenderOptions, build_document, layout_document, parse_report, write_pdf};
use lapkin_tests::{REFERENCE, big_report, fixture_bytes, load_report};

fn reference(c: &mut Criterion) {
    let json = fixture_bytes(REFERENCE);
    let report = load_report(REFERENCE);
    let opts = RenderOptions::default();
    let doc = build_document(&report).unwrap();
    let layout = layout_document(&doc, &opts.style, &opts.fonts).unwrap();
    let mut g = c.benchmark_group("reference");
    g.bench_function("parse", |b| b.iter(|| parse_report(&json).unwrap()));
    g.bench_function("layout", |b| {
        b.iter(|| layout_document(&doc, &opts.style, &opts.fonts).unwrap())
    });
    g.bench_function("pdf", |b| {
        b.iter(|| write_pdf(&layout, &doc.meta, &opts.fonts, &opts.pdf).unwrap())
    });
    g.bench_function("render", |b| {
        b.iter(|| lapkin::render_pdf(&report, &opts).unwrap())
    });
    g.bench_function("fonts", |b| b.iter(lapkin::FontSet::liberation_sans));
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let base = load_report(REFERENCE);
    let opts = RenderOptions::default();
    let mut g = c.benchmark_group("pages");
    g.sample_size(10);
    for (times, rows) in [(1, 60), (6, 600), (50, 5000)] {
        let report = big_report(&base, times, rows);
        let doc = build_document(&report).unwrap();
        let pages = layout_document(&doc, &opts.style, &opts.fonts)
            .unwrap()
            .pages
            .len();
        g.throughput(Throughput::Elements(pages as u64));
        g.bench_with_input(BenchmarkId::new("render", pages), &report, |b, r| {
            b.iter(|| lapkin::render_pdf(r, &opts).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, reference, scaling);
criterion_main!(benches);
