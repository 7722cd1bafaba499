//! The evenness of justified text, measured from the layout of the
//! reference report: the inter-word gap of every justified line, in em of
//! the line's font (the space's advance plus the justification's word
//! spacing, divided by the type size).

use std::collections::BTreeMap;

use lapkin::internals::{Piece, measure};
use lapkin::{
    RenderOptions,
    layout::{Item, Layout, Pt, TextRun},
    text::FontSet,
};
use lapkin_tests::{REFERENCE, layout_report, load_report};

/// The figures of one layout's justified lines.
#[derive(Debug)]
pub struct Gaps {
    /// Justified lines measured (lines with word spacing and a space).
    pub lines: usize,
    /// The median gap, in em.
    pub median: f64,
    /// The 90th percentile, in em.
    pub p90: f64,
    /// The share of lines whose gap is over 0.5 em.
    pub over_half: f64,
    /// The lines whose gap is over 0.7 em.
    pub over_07: usize,
    /// Lines that end with a hyphen the line breaker added (a word broken
    /// across lines).
    pub hyphenated: usize,
    /// The widest gap, in em.
    pub max: f64,
}

/// The width of a space of `face` at `size`, measured through the line
/// breaker (a space between two letters, less the letters).
fn space(fonts: &FontSet, run: &TextRun) -> Pt {
    let w = |t: &str| measure(&[Piece::new(t, run.face)], fonts, run.size).max;
    w("a a") - w("aa")
}

/// Measures every line of the body (not the footer) whose runs carry word
/// spacing: each such line's gap is its widest run's.
pub fn gaps(layout: &Layout, fonts: &FontSet) -> Gaps {
    let mut gaps: Vec<f64> = Vec::new();
    let mut hyphenated = 0;
    for page in &layout.pages {
        // Lines: runs of the body on one baseline.
        let mut lines: BTreeMap<i64, Vec<&TextRun>> = BTreeMap::new();
        for item in &page.items {
            if let Item::Text(t) = item {
                lines
                    .entry((t.y.0 * 100.0).round() as i64)
                    .or_default()
                    .push(t);
            }
        }
        for runs in lines.values() {
            let gap = runs
                .iter()
                .filter(|r| r.word_spacing != Pt::ZERO && r.text.contains(' '))
                .map(|r| (space(fonts, r) + r.word_spacing).0 / r.size.0)
                .fold(None, |m: Option<f64>, g| Some(m.map_or(g, |m| m.max(g))));
            if let Some(g) = gap {
                gaps.push(g);
            }
            if let Some(last) = runs
                .iter()
                .max_by(|a, b| (a.x + a.width).0.total_cmp(&(b.x + b.width).0))
                && last.actual_text.as_deref().is_some_and(|a| !a.is_empty())
            {
                hyphenated += 1;
            }
        }
    }
    gaps.sort_by(f64::total_cmp);
    let n = gaps.len();
    let at = |q: f64| gaps[((n as f64 - 1.0) * q).round() as usize];
    Gaps {
        lines: n,
        median: at(0.5),
        p90: at(0.9),
        over_half: gaps.iter().filter(|&&g| g > 0.5).count() as f64 / n as f64,
        over_07: gaps.iter().filter(|&&g| g > 0.7).count(),
        hyphenated,
        max: gaps[n - 1],
    }
}

/// The reference report's justified lines meet the targets: median
/// gap at most 0.33 em, 90th percentile at most 0.55 em, at most 10 % of
/// lines over 0.5 em, none over 0.7 em. `cargo test -p lapkin-tests --test
/// suite typography -- --nocapture` prints the figures.
#[test]
fn justified_lines_are_even() {
    let options = RenderOptions::default();
    let layout = layout_report(&load_report(REFERENCE), &options).unwrap();
    let g = gaps(&layout, &options.fonts);
    println!("{g:#?}");
    assert!(g.lines > 200, "{g:?}");
    assert!(g.median <= 0.33, "{g:?}");
    assert!(g.p90 <= 0.55, "{g:?}");
    assert!(g.over_half <= 0.10, "{g:?}");
    assert_eq!(g.over_07, 0, "{g:?}");
    assert!(g.max <= 0.7, "{g:?}");
    assert!(g.hyphenated > 0, "{g:?}");
}

/// No page's body ends with a word hyphenated across the page break.
#[test]
fn no_page_ends_with_a_hyphen() {
    let layout = layout_report(&load_report(REFERENCE), &RenderOptions::default()).unwrap();
    for (p, page) in layout.pages.iter().enumerate() {
        let body: Vec<&TextRun> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        let bottom = body.iter().map(|t| t.y.0).fold(0.0, f64::max);
        for t in body.iter().filter(|t| t.y.0 == bottom) {
            assert!(
                t.actual_text.as_deref().is_none_or(str::is_empty),
                "page {} ends with {:?}",
                p + 1,
                t.text
            );
        }
    }
}
