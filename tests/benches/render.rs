//! Speed of rendering: the reference report, and a generated report of about
//! 800 pages (sections A and B repeated 50 times, section C with 5,000
//! rows), per stage and whole; and the hostile cases of issue 7 at two
//! sizes. Run with `cargo bench`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lapkin::{
    RenderOptions, document::build_document, layout::layout_document, parse_report, pdf::write_pdf,
    validate,
};
use lapkin_tests::{REFERENCE, big_report, fixture_bytes, load_report, with_figures};

fn reference(c: &mut Criterion) {
    let json = fixture_bytes(REFERENCE);
    let report = load_report(REFERENCE);
    let opts = RenderOptions::default();
    let doc = build_document(&validate(&report, &opts.fonts).unwrap());
    let layout = layout_document(&doc, &opts.style, &opts.fonts).unwrap();
    let mut g = c.benchmark_group("reference");
    g.bench_function("parse", |b| b.iter(|| parse_report(&json).unwrap()));
    g.bench_function("layout", |b| {
        b.iter(|| layout_document(&doc, &opts.style, &opts.fonts).unwrap())
    });
    g.bench_function("pdf", |b| {
        b.iter(|| write_pdf(&layout, &opts.fonts, &opts.pdf).unwrap())
    });
    g.bench_function("render", |b| {
        b.iter(|| lapkin::render(&report, &opts).unwrap().pdf)
    });
    g.bench_function("fonts", |b| b.iter(lapkin::text::FontSet::liberation_sans));
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let base = load_report(REFERENCE);
    let opts = RenderOptions::default();
    let mut g = c.benchmark_group("pages");
    g.sample_size(10);
    for (times, rows) in [(1, 60), (6, 600), (50, 5000)] {
        let report = big_report(&base, times, rows);
        let doc = build_document(&validate(&report, &opts.fonts).unwrap());
        let pages = layout_document(&doc, &opts.style, &opts.fonts)
            .unwrap()
            .pages
            .len();
        g.throughput(Throughput::Elements(pages as u64));
        g.bench_with_input(BenchmarkId::new("render", pages), &report, |b, r| {
            b.iter(|| lapkin::render(r, &opts).unwrap().pdf)
        });
    }
    g.finish();
}

/// The hostile cases of issue 7 at two sizes each (the second twice the
/// first): time should double, not quadruple. The header taller than a
/// page is left out until it no longer loops.
fn hostile(c: &mut Criterion) {
    let opts = RenderOptions::default();
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    for scale in [200, 100] {
        for (name, json) in lapkin_tests::generate::hostile(scale) {
            if name == "tall-header.json" || name == "large.json" {
                continue;
            }
            let bytes = serde_json::to_vec(&json).unwrap();
            let Ok(report) = parse_report(&bytes) else {
                continue;
            };
            g.throughput(Throughput::Bytes(bytes.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(name.trim_end_matches(".json"), bytes.len()),
                &report,
                |b, r| b.iter(|| lapkin::render(r, &opts)),
            );
        }
    }
    g.finish();
}

/// A report of about 60 pages with a cover and its logo, the organisation
/// chart and ten charts, against the same report without them.
fn figures(c: &mut Criterion) {
    let plain = big_report(&load_report(REFERENCE), 4, 300);
    let with = with_figures(&plain);
    let files = lapkin_tests::files_in(&with, &lapkin_tests::fixture(""));
    let opts = RenderOptions::default().with_files(files);
    let mut g = c.benchmark_group("figures");
    g.sample_size(10);
    g.bench_function("without", |b| {
        b.iter(|| lapkin::render(&plain, &opts).unwrap().pdf)
    });
    g.bench_function("with", |b| {
        b.iter(|| lapkin::render(&with, &opts).unwrap().pdf)
    });
    g.finish();
}

criterion_group!(benches, reference, scaling, hostile, figures);
criterion_main!(benches);
