//! Any text, width, size and alignment through `break_lines`: no panic, no
//! hang, every letter and digit kept in order, and no line wider than the
//! width unless it holds a single character.
#![no_main]

use std::sync::OnceLock;

use lapkin::text::Face;
use lapkin::text::Align;
use lapkin::internals::{Piece, break_lines};
use lapkin::layout::Pt;
use libfuzzer_sys::fuzz_target;

fn fonts() -> &'static lapkin::text::FontSet {
    static FONTS: OnceLock<lapkin::text::FontSet> = OnceLock::new();
    FONTS.get_or_init(lapkin::text::FontSet::liberation_sans)
}

fuzz_target!(|input: (Vec<(String, u8)>, u16, u8, u8, Option<f64>)| {
    let (texts, width, size, align, raw_width) = input;
    let pieces: Vec<Piece<'_>> = texts
        .iter()
        .map(|(t, f)| Piece::new(t.as_str(), Face::ALL[(*f % 4) as usize]))
        .collect();
    // Mostly sensible widths (0 to 655 pt) and sizes (1 to 64 pt); now and
    // then any f64 a caller could pass.
    let width = Pt(raw_width.unwrap_or(f64::from(width) / 100.0));
    let size = Pt(f64::from(size % 64 + 1));
    let align = [Align::Left, Align::Center, Align::Right, Align::Justify][(align % 4) as usize];
    let lines = break_lines(&pieces, fonts(), size, width, align);
    // Letters and digits, decomposed (NFD) so that a composed "é" and
    // "e" + U+0301 compare the same, whatever the breaker composed.
    fn letters(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd().filter(|c| c.is_ascii_alphanumeric()).collect()
    }
    let joined: String = texts.iter().map(|(t, _)| t.as_str()).collect();
    let input = letters(&joined);
    // Runs apart, as the spaces between them were (a letter is never split
    // from its marks, so no run starts with a mark that belongs to the last).
    let drawn = lines
        .iter()
        .flat_map(|l| &l.runs)
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let output = letters(&drawn);
    assert_eq!(
        input, output,
        "letters or digits lost or reordered: {texts:?} width {width:?} size {size:?} {align:?}"
    );
    if width.0.is_finite() {
        for line in &lines {
            // Characters that stand apart: a letter with its combining
            // marks is one, and it is never split.
            let chars: usize = line
                .runs
                .iter()
                .map(|r| {
                    r.text
                        .trim()
                        .chars()
                        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                        .count()
                })
                .sum();
            assert!(
                chars <= 1 || line.width.0 <= width.0 + 1e-3 || line.width.0 <= 0.0,
                "a line of {chars} characters is {} wide, more than {}: {:?}",
                line.width.0,
                width.0,
                line.runs
            );
        }
    }
});
