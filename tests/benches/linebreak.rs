//! Line breaking at two sizes, so that linearity can be read off: a long
//! word without a break point (split between letters, line after line) and
//! a long paragraph of ordinary words, each at n and 4n characters.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lapkin::internals::{Piece, break_lines, measure};
use lapkin::layout::Pt;
use lapkin::text::Face;
use lapkin::text::{Align, FontSet};

fn paragraph(chars: usize) -> String {
    let words = [
        "Pelaksanaan",
        "kegiatan",
        "sosialisasi",
        "pendidikan",
        "inklusi",
        "di",
        "Provinsi",
        "Bengkulu",
        "Rp8.069.025.000",
        "95,15%",
        "sub-kegiatan",
    ];
    let mut s = String::with_capacity(chars + 16);
    let mut i = 0;
    while s.len() < chars {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let fonts = FontSet::liberation_sans();
    let size = Pt(11.0);
    let width = Pt::from_mm(160.0);
    let mut group = c.benchmark_group("linebreak");
    group.sample_size(10);
    for n in [250_000usize, 1_000_000] {
        let word = "x".repeat(n);
        let text = paragraph(n);
        group.throughput(Throughput::Bytes(n as u64));
        group.bench_function(format!("word/{n}"), |b| {
            let pieces = [Piece::new(word.as_str(), Face::Regular)];
            b.iter(|| break_lines(&pieces, &fonts, size, width, Align::Justify))
        });
        group.bench_function(format!("paragraph/{n}"), |b| {
            let pieces = [Piece::new(text.as_str(), Face::Regular)];
            b.iter(|| break_lines(&pieces, &fonts, size, width, Align::Justify))
        });
        group.bench_function(format!("measure/{n}"), |b| {
            let pieces = [Piece::new(text.as_str(), Face::Regular)];
            b.iter(|| measure(&pieces, &fonts, size))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
