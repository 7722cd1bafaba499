//! Peak heap and time of line breaking on hostile inputs, with a counting
//! allocator: `cargo run --release -p lapkin --example linebreak_memory`.
//!
//! For each input it prints the input's bytes, the peak heap during
//! `break_lines` (beyond what was allocated before), the heap the result
//! keeps (the lines themselves), and the peak beyond the result, per input
//! byte; and the same for `measure`.

use std::time::Instant;

use lapkin::internals::{Piece, break_lines, measure};
use lapkin::layout::Pt;
use lapkin::text::Face;
use lapkin::text::{Align, FontSet};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn paragraph(bytes: usize) -> String {
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
    let mut s = String::with_capacity(bytes + 16);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i += 1;
    }
    s
}

fn main() {
    let fonts = FontSet::liberation_sans();
    let size = Pt(11.0);
    let width = Pt::from_mm(160.0);
    let inputs = [
        ("word of 2,000,000 letters", "x".repeat(2_000_000)),
        ("paragraph of 20 MB", paragraph(20_000_000)),
        (
            "paragraph of 20 MB, not NFC",
            paragraph(20_000_000).replace('é', "e\u{301}") + "e\u{301}",
        ),
    ];
    for (name, text) in &inputs {
        let pieces = [Piece::new(text.as_str(), Face::Regular)];
        let n = text.len() as f64;

        let before = HEAP.current_usage();
        HEAP.reset_peak_usage();
        let t = Instant::now();
        let lines = break_lines(&pieces, &fonts, size, width, Align::Justify);
        let secs = t.elapsed().as_secs_f64();
        let peak = HEAP.peak_usage().saturating_sub(before);
        let kept = HEAP.current_usage().saturating_sub(before);
        println!(
            "break_lines, {name}: {} lines in {secs:.3} s; peak heap {:.1} B/byte, \
             the lines {:.1} B/byte, beyond them {:.1} B/byte",
            lines.len(),
            peak as f64 / n,
            kept as f64 / n,
            peak.saturating_sub(kept) as f64 / n,
        );
        drop(lines);

        let before = HEAP.current_usage();
        HEAP.reset_peak_usage();
        let t = Instant::now();
        let e = measure(&pieces, &fonts, size);
        let secs = t.elapsed().as_secs_f64();
        let peak = HEAP.peak_usage().saturating_sub(before);
        println!(
            "measure, {name}: max {} in {secs:.3} s; peak heap {:.2} B/byte",
            e.max,
            peak as f64 / n
        );
    }
}
