//! Breaking styled text into lines: greedy first fit, as word processors do,
//! for ragged text, and total fit (Knuth and Plass, see `justify`) for
//! justified text; then alignment and justification.
//!
//! Lines break at spaces and at U+200B ZERO WIDTH SPACE, and, when a word
//! does not fit, after a hyphen or at a soft hyphen (U+00AD) inside it; a
//! soft hyphen shows as `-` only where the line breaks at it and is
//! invisible otherwise. A word wider than the whole line is broken after a
//! `-`, `/`, `.`, `_` (and the like) or at a soft hyphen if one makes it
//! fit, else at an Indonesian syllable with a hyphen (see
//! `text::hyphenate`), and otherwise between characters, so no text ever
//! runs past its box. A figure ("8.069.025.000", "95,15%", "-1.234,5") is never broken
//! as long as it fits the width (see [`measure`] and [`break_lines`] for
//! the contract). Runs of spaces count as one space; `\n` forces a line
//! break.
//!
//! Text is normalised to NFC and the zero-width format characters are
//! dropped before measuring (see `text::unicode`), so what is measured
//! is what is drawn.
//!
//! Time and memory are linear in the text: the text is read once into
//! words (nothing is collected but the current word's fragments and the
//! current line), and a word that must be split is walked from where the
//! last split left it, never from its start; a character is measured at
//! most a small constant number of times (see the `linear_work` test).

use std::borrow::Cow;
use std::sync::Arc;

use super::fonts::FontSet;
use super::span::{Align, Face};
use super::unicode::{SOFT_HYPHEN, ZERO_WIDTH_SPACE, has_soft_hyphen, prepare};
use crate::units::Pt;

mod justify;
pub(crate) use justify::Justification;

/// A piece of text in one face, possibly a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Its face.
    pub face: Face,
    /// Its link target.
    pub link: Option<Arc<str>>,
}

impl<'a> Piece<'a> {
    /// A plain piece.
    #[cfg_attr(not(feature = "internals"), allow(dead_code))]
    pub fn new(text: impl Into<Cow<'a, str>>, face: Face) -> Self {
        Piece {
            text: text.into(),
            face,
            link: None,
        }
    }
}

/// A finished line: runs positioned from the line's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// The width the text takes, justification included.
    pub width: Pt,
    /// Whether the line ends inside a word, with a hyphen (shown for the
    /// break, or the word's own): pagination keeps it with the next line,
    /// so that no page ends with a hyphen.
    pub hyphenated: bool,
    /// Whether the line broke at a space between words (not inside a
    /// word, not at a forced break or the text's end): the space is not in
    /// its runs, but text extraction needs it between the line's last word
    /// and the next line's first.
    pub space_after: bool,
}

/// A run of one face (and link) on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Offset from the line's left edge.
    pub x: Pt,
    /// The text, with its inner spaces, in NFC and without zero-width
    /// format characters; a soft hyphen at which the line breaks is a `-`.
    pub text: String,
    /// The face.
    pub face: Face,
    /// Extra width per space (justification).
    pub word_spacing: Pt,
    /// Advance width, word spacing included.
    pub width: Pt,
    /// Link target.
    pub link: Option<Arc<str>>,
    /// What text extraction reads instead of `text`, for a word broken
    /// across lines: the whole word (without the hyphen) on its first part,
    /// nothing on the parts after; `None` for other text.
    pub actual_text: Option<String>,
}

/// How wide a text wants to be: for choosing table column widths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    /// The width of its longest line when nothing wraps.
    pub max: Pt,
    /// The width of its widest word: narrower, and words must be broken.
    pub min: Pt,
    /// The width of its widest piece when words may also break after
    /// `-`, `/`, `.` and the like: narrower, and letters must be split.
    pub min_soft: Pt,
    /// The width of its widest token that must never be split: its widest
    /// figure ("8.069.025.000", "95,15%"), zero if it has none. A caller
    /// must give [`break_lines`] at least this width (a table column is made
    /// this wide, or the table shrinks or is refused); narrower, and a
    /// figure would have to be broken.
    pub unbreakable: Pt,
}

/// Where a word that is wider than a whole line may break, in order of
/// preference.
const SOFT_BREAKS: &[char] = &['-', '/', '.', '_', ',', ':', ';', '?', '&', '='];

/// The largest type size the breaker works with; larger sizes are clamped.
const MAX_SIZE: f64 = 10_000.0;

/// Tolerance of the fit test, far below what a printer shows.
const EPS: f64 = 1e-6;

/// A size a caller can build, made usable: NaN and negative sizes count as
/// zero, sizes above [`MAX_SIZE`] (infinity included) as [`MAX_SIZE`].
fn sane_size(size: Pt) -> Pt {
    if size.0.is_nan() {
        Pt::ZERO
    } else {
        Pt(size.0.clamp(0.0, MAX_SIZE))
    }
}

/// A width a caller can build, made usable: NaN and negative widths count
/// as zero; an infinite width is kept (nothing wraps).
fn sane_width(width: Pt) -> Pt {
    if width.0.is_nan() {
        Pt::ZERO
    } else {
        width.max(Pt::ZERO)
    }
}

/// A fragment of a word in one face: a byte range of one piece's prepared
/// text, never empty.
#[derive(Debug, Clone, Copy)]
struct Frag {
    piece: usize,
    start: usize,
    end: usize,
    width: Pt,
}

/// What the tokenizer reports, in text order.
enum Event<'w> {
    /// A word: its fragments, its width, whether it is a figure.
    Word(&'w [Frag], Pt, bool),
    /// A space (a run of spaces) after a word, in the face of that piece.
    Space(usize),
    /// A forced line break.
    Newline,
}

/// Whether a word is a figure: digits with separators, signs, a percent.
#[derive(Default)]
struct FigureTest {
    digits: bool,
    other: bool,
}

impl FigureTest {
    fn add(&mut self, c: char) {
        if c.is_ascii_digit() {
            self.digits = true;
        } else if !matches!(c, '.' | ',' | '-' | '+' | '%' | '(' | ')') {
            self.other = true;
        }
    }
    fn is_figure(&self) -> bool {
        self.digits && !self.other
    }
    /// Whether the word, whose fragments are `word` (`buf` a buffer for
    /// its text), is never broken: a figure, or a code, a date, a NIP (see
    /// `text::tokens`). Only a word with a digit is looked at again.
    fn is_whole(&self, word: &[Frag], texts: &[Cow<'_, str>], buf: &mut String) -> bool {
        buf.clear();
        if self.is_figure() {
            return true;
        }
        if !self.digits {
            return false;
        }
        for f in word {
            buf.push_str(&texts[f.piece][f.start..f.end]);
        }
        super::tokens::is_whole(buf)
    }
}

/// Reads the pieces once, reporting words, spaces and forced breaks to
/// `emit`. Only the current word's fragments are kept (one per piece the
/// word spans). Returns the number of characters read.
fn tokenize(
    pieces: &[Piece<'_>],
    texts: &[Cow<'_, str>],
    fonts: &FontSet,
    size: Pt,
    mut emit: impl FnMut(Event<'_>),
) -> usize {
    #[derive(PartialEq)]
    enum Last {
        Nothing,
        Word,
        Space,
        Newline,
    }
    let mut read = 0;
    let mut word: Vec<Frag> = Vec::new();
    let mut word_width = Pt::ZERO;
    let mut figure = FigureTest::default();
    // The current word's text, for `FigureTest::is_whole`.
    let mut chars = String::new();
    let mut last = Last::Nothing;
    for (pi, piece) in pieces.iter().enumerate() {
        let face = fonts.face(piece.face);
        let text: &str = &texts[pi];
        let mut start = 0;
        let mut units: u64 = 0;
        // Each iteration reads one character.
        for (i, c) in text.char_indices() {
            read += 1;
            if !matches!(c, ' ' | '\t' | '\r' | '\n' | ZERO_WIDTH_SPACE) {
                units += u64::from(face.advance_units(c));
                figure.add(c);
                continue;
            }
            if start < i {
                let w = face.scale(units, size);
                word_width += w;
                word.push(Frag {
                    piece: pi,
                    start,
                    end: i,
                    width: w,
                });
            }
            if !word.is_empty() {
                let whole = figure.is_whole(&word, texts, &mut chars);
                read += chars.len();
                emit(Event::Word(&word, word_width, whole));
                word.clear();
                word_width = Pt::ZERO;
                figure = FigureTest::default();
                last = Last::Word;
            }
            if c == '\n' {
                emit(Event::Newline);
                last = Last::Newline;
            } else if c != ZERO_WIDTH_SPACE && last == Last::Word {
                emit(Event::Space(pi));
                last = Last::Space;
            }
            start = i + c.len_utf8();
            units = 0;
        }
        if start < text.len() {
            let w = face.scale(units, size);
            word_width += w;
            word.push(Frag {
                piece: pi,
                start,
                end: text.len(),
                width: w,
            });
        }
    }
    if !word.is_empty() {
        let whole = figure.is_whole(&word, texts, &mut chars);
        read += chars.len();
        emit(Event::Word(&word, word_width, whole));
    }
    read
}

/// Each piece's text in NFC, without the zero-width format characters but
/// the break opportunities (borrowed when already so).
fn prepare_all<'p>(pieces: &'p [Piece<'_>]) -> Vec<Cow<'p, str>> {
    pieces.iter().map(|p| prepare(&p.text)).collect()
}

/// Measures `pieces` for column-width allocation, in time linear in the
/// text and without allocating beyond a normalised copy of text that is not
/// in NFC.
///
/// Contract with [`break_lines`]: given a width of at least
/// [`Extent::unbreakable`], no figure is broken; at least
/// [`Extent::min_soft`], no word is split between two letters; at least
/// [`Extent::min`], words break only at spaces (and soft hyphens or
/// hyphens at a line's end); at least [`Extent::max`], nothing wraps.
/// A size that is NaN or negative counts as zero.
#[cfg(any(test, feature = "internals"))]
pub fn measure(pieces: &[Piece<'_>], fonts: &FontSet, size: Pt) -> Extent {
    measure_counted(pieces, fonts, size, Pt(f64::INFINITY)).0
}

/// [`measure`] for a box that can never be wider than `cap`: a word (or
/// a piece of one between soft break points) wider than that counts in
/// neither [`Extent::min`] nor [`Extent::min_soft`], since it is split
/// between letters in any such box (a 200-letter word in a table); it
/// still counts in [`Extent::max`], and a figure always counts.
pub(crate) fn measure_capped(pieces: &[Piece<'_>], fonts: &FontSet, size: Pt, cap: Pt) -> Extent {
    measure_counted(pieces, fonts, size, cap).0
}

/// [`measure_capped`], and the number of characters it looked at.
fn measure_counted(pieces: &[Piece<'_>], fonts: &FontSet, size: Pt, cap: Pt) -> (Extent, usize) {
    let within = |w: Pt| w.0 <= cap.0 + EPS;
    let size = sane_size(size);
    let texts = prepare_all(pieces);
    let mut extent = Extent {
        max: Pt::ZERO,
        min: Pt::ZERO,
        min_soft: Pt::ZERO,
        unbreakable: Pt::ZERO,
    };
    let mut line = Pt::ZERO;
    let mut line_has_words = false;
    let mut pending_space = Pt::ZERO;
    let mut looked = 0;
    let read = tokenize(pieces, &texts, fonts, size, |event| match event {
        Event::Newline => {
            extent.max = extent.max.max(line);
            line = Pt::ZERO;
            line_has_words = false;
            pending_space = Pt::ZERO;
        }
        Event::Space(piece) => {
            if line_has_words {
                pending_space = fonts.face(pieces[piece].face).advance(' ', size);
            }
        }
        Event::Word(frags, w, figure) => {
            line += pending_space + w;
            line_has_words = true;
            pending_space = Pt::ZERO;
            // A figure ("8.069.025.000", "95,15%") is never broken.
            if figure {
                extent.min = extent.min.max(w);
                extent.min_soft = extent.min_soft.max(w);
                extent.unbreakable = extent.unbreakable.max(w);
                return;
            }
            if within(w) {
                extent.min = extent.min.max(w);
            }
            // Widest segment between soft break points; a soft hyphen
            // shows a hyphen where the word breaks at it.
            let mut seg = Pt::ZERO;
            for f in frags {
                let face = fonts.face(pieces[f.piece].face);
                // Each iteration looks at one character.
                for c in texts[f.piece][f.start..f.end].chars() {
                    looked += 1;
                    seg += face.advance(c, size);
                    let piece = if c == SOFT_HYPHEN {
                        seg + face.advance('-', size)
                    } else if SOFT_BREAKS.contains(&c) {
                        seg
                    } else {
                        continue;
                    };
                    if within(piece) {
                        extent.min_soft = extent.min_soft.max(piece);
                    }
                    seg = Pt::ZERO;
                }
            }
            if within(seg) {
                extent.min_soft = extent.min_soft.max(seg);
            }
        }
    });
    extent.max = extent.max.max(line);
    (extent, read + looked)
}

/// The width of the widest piece of `pieces` when words may also break at
/// their Indonesian syllables (with a hyphen, see `text::hyphenate`), as
/// well as after `-`, `/`, `.` and the like: a box at least this wide
/// splits no word between two letters, and breaks no figure. A piece wider
/// than `cap` counts as nothing: it cannot fit any box that wide, so it is
/// split between letters wherever it is set (a 200-letter word without a
/// syllable). Costs the text's length and the hyphenation of its words,
/// so it is measured only when whole words do not fit ([`measure`]).
///
/// Contract with [`break_lines`]: given a width of at least this (and of
/// [`Extent::unbreakable`]), no word whose pieces are at most `cap` wide
/// is split between two letters.
pub fn measure_syllables(pieces: &[Piece<'_>], fonts: &FontSet, size: Pt, cap: Pt) -> Pt {
    let size = sane_size(size);
    let texts = prepare_all(pieces);
    let mut widest = Pt::ZERO;
    let mut keep = |w: Pt| {
        if w.0 <= cap.0 + EPS {
            widest = widest.max(w);
        }
    };
    let mut text = String::new();
    tokenize(pieces, &texts, fonts, size, |event| {
        let Event::Word(frags, w, figure) = event else {
            return;
        };
        if figure || w.0 <= EPS {
            keep(w);
            return;
        }
        text.clear();
        for f in frags {
            text.push_str(&texts[f.piece][f.start..f.end]);
        }
        let syllables = super::hyphenate_parts(&text);
        let mut next = syllables.iter().peekable();
        let (mut seg, mut at) = (Pt::ZERO, 0);
        // Each iteration looks at one character of the word.
        for f in frags {
            let face = fonts.face(pieces[f.piece].face);
            for c in texts[f.piece][f.start..f.end].chars() {
                at += c.len_utf8();
                seg += face.advance(c, size);
                while next.next_if(|b| **b < at).is_some() {}
                if c == SOFT_HYPHEN || next.next_if(|b| **b == at).is_some() {
                    keep(seg + face.advance('-', size));
                    seg = Pt::ZERO;
                } else if SOFT_BREAKS.contains(&c) {
                    keep(seg);
                    seg = Pt::ZERO;
                }
            }
        }
        keep(seg);
    });
    widest
}

/// Breaks `pieces` into lines at most `width` wide, then aligns them.
///
/// Time and memory are linear in the text. Contract: no line is wider than
/// `width` unless a single character is (a box narrower than a letter: that
/// character then stands alone on its line). A figure is never broken when
/// `width` is at least [`measure`]'s `Extent::unbreakable`; callers must
/// see to that (a table column at least that wide), because a figure wider
/// than the whole line is, as the last resort, broken like any other word
/// (after a `.` or `,` that makes it fit, else between digits) rather than
/// drawn outside the box. A word of letters wider than the whole line
/// breaks at an Indonesian syllable with a hyphen where one makes it fit
/// (see `text::hyphenate`), after a `-`, `/`, `.` or the like first. A
/// width that is NaN or negative counts as zero
/// (one character a line); an infinite width never wraps and aligns as if
/// flush left. A size that is NaN or negative counts as zero.
pub fn break_lines(
    pieces: &[Piece<'_>],
    fonts: &FontSet,
    size: Pt,
    width: Pt,
    align: Align,
) -> Vec<Line> {
    break_lines_counted(pieces, fonts, size, width, align, Justification::default()).0
}

/// [`break_lines`] with the settings of justified text: total-fit breaking
/// (see `justify`) with or without hyphenation, its tolerance and how much
/// spaces stretch and shrink. Other alignments break greedily, as
/// [`break_lines`].
pub(crate) fn break_lines_with(
    pieces: &[Piece<'_>],
    fonts: &FontSet,
    size: Pt,
    width: Pt,
    align: Align,
    justification: Justification,
) -> Vec<Line> {
    break_lines_counted(pieces, fonts, size, width, align, justification).0
}

/// [`break_lines`], and the number of times a character was looked at
/// (read, measured or copied): the linearity test bounds it.
fn break_lines_counted(
    pieces: &[Piece<'_>],
    fonts: &FontSet,
    size: Pt,
    width: Pt,
    align: Align,
    justification: Justification,
) -> (Vec<Line>, usize) {
    let size = sane_size(size);
    let width = sane_width(width);
    let texts = prepare_all(pieces);
    let justified = align == Align::Justify && width.0.is_finite();
    // Buffers kept from the paragraph before on this thread.
    let mut buf = justify::Buffers::take();
    let mut b = Breaker {
        pieces,
        texts: &texts,
        fonts,
        size,
        width,
        align,
        cur: std::mem::take(&mut buf.cur),
        cur_width: Pt::ZERO,
        pending_space: None,
        lines: Vec::new(),
        looked: 0,
        line_cont: 0,
        line_head: None,
        line_ratio: None,
        line_flagged: false,
        word_cont: false,
        line_space: false,
    };
    if justified {
        // Total fit (see `justify`).
        let mut j = justify::Justifier::new(&mut b, justification, buf);
        let read = tokenize(pieces, &texts, fonts, size, |event| j.event(event));
        let mut buf = j.finish();
        buf.cur = std::mem::take(&mut b.cur);
        buf.keep();
        let looked = read + b.looked;
        return (b.lines, looked);
    }
    let read = tokenize(pieces, &texts, fonts, size, |event| match event {
        Event::Newline => {
            b.finish_line(true);
            b.pending_space = None;
        }
        Event::Space(piece) => {
            if !b.cur.is_empty() {
                b.pending_space = Some(piece);
            }
        }
        Event::Word(frags, w, figure) => b.place_word(frags, w, figure),
    });
    // The last line ends the paragraph; a text that ends with a forced break
    // has no empty line after it, but an empty text is one empty line.
    if !b.cur.is_empty() || b.lines.is_empty() {
        b.finish_line(true);
    }
    buf.cur = std::mem::take(&mut b.cur);
    buf.keep();
    let looked = read + b.looked;
    (b.lines, looked)
}

/// What an entry of a line under construction shows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SegKind {
    /// Text of a word (soft hyphens in it are not drawn).
    Text,
    /// A space between words.
    Space,
    /// The hyphen a soft hyphen shows at the end of a line.
    Hyphen,
}

/// One entry of a line under construction: a byte range of a piece's text,
/// a space or a hyphen, in that piece's face and link.
#[derive(Debug, Clone, Copy)]
struct Seg {
    piece: usize,
    start: usize,
    end: usize,
    width: Pt,
    kind: SegKind,
}

/// A place inside a word: a fragment and a byte offset in its piece's text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pos {
    frag: usize,
    at: usize,
}

/// A place a word may break, found by [`Breaker::scan`].
#[derive(Debug, Clone, Copy)]
struct Break {
    /// Where the tail starts.
    pos: Pos,
    /// Whether the break shows `-`: at a soft hyphen, or at a syllable.
    soft_hyphen: bool,
}

/// What a walk along a word found.
struct Scan {
    /// The whole rest of the word fits.
    fits: bool,
    /// The last break after a hyphen or at a soft hyphen that fits.
    hyphen: Option<Break>,
    /// The last break after a [`SOFT_BREAKS`] character or at a soft
    /// hyphen that fits.
    soft: Option<Break>,
    /// The last break at a syllable (see `text::hyphenate`) that fits with
    /// its hyphen.
    syllable: Option<Break>,
    /// The last break between two characters that fits.
    any: Option<Break>,
    /// The break after the first character, whether it fits or not.
    first: Break,
}

impl Scan {
    /// A walk from `from` that found nothing yet.
    fn new(from: Pos) -> Scan {
        Scan {
            fits: false,
            hyphen: None,
            soft: None,
            syllable: None,
            any: None,
            first: Break {
                pos: from,
                soft_hyphen: false,
            },
        }
    }

    /// Records a break `brk` after the character `c` (which fits), at a
    /// syllable break or not; `hyphen_fits` says whether a hyphen drawn
    /// there would fit too.
    fn may_break(
        &mut self,
        c: char,
        brk: Break,
        at_syllable: bool,
        hyphen_fits: impl Fn() -> bool,
    ) {
        if c == SOFT_HYPHEN {
            // A break here shows a hyphen: only where it fits too.
            if hyphen_fits() {
                self.any = Some(brk);
                self.hyphen = Some(brk);
                self.soft = Some(brk);
            }
            return;
        }
        self.any = Some(brk);
        if c == '-' {
            self.hyphen = Some(brk);
        }
        if SOFT_BREAKS.contains(&c) {
            self.soft = Some(brk);
        }
        if at_syllable && hyphen_fits() {
            self.syllable = Some(Break {
                pos: brk.pos,
                soft_hyphen: true,
            });
        }
    }
}

/// The greedy line breaker's state: the current line and the lines done.
struct Breaker<'t, 'p> {
    pieces: &'t [Piece<'p>],
    texts: &'t [Cow<'t, str>],
    fonts: &'t FontSet,
    size: Pt,
    width: Pt,
    align: Align,
    cur: Vec<Seg>,
    cur_width: Pt,
    /// The piece of a space waiting before the next word on this line.
    pending_space: Option<usize>,
    lines: Vec<Line>,
    looked: usize,
    /// For the line being finished: how many of its first entries continue
    /// a word broken on the line before (extraction reads nothing there).
    line_cont: usize,
    /// The entry where the head of a word broken at the line's end starts,
    /// and the word's whole text (extraction reads it there).
    line_head: Option<(usize, String)>,
    /// The extra width of each space per point of its width (negative:
    /// spaces shrink), instead of spreading the room evenly.
    line_ratio: Option<f64>,
    /// The line ends at a break inside a word.
    line_flagged: bool,
    /// Greedy breaking: the line being filled starts with the rest of a
    /// word broken at the end of the line before.
    word_cont: bool,
    /// The line ends at a space between words (see [`Line::space_after`]).
    line_space: bool,
}

impl Breaker<'_, '_> {
    fn face(&self, piece: usize) -> &super::fonts::FontFace {
        self.fonts.face(self.pieces[piece].face)
    }

    fn fits(&self, w: Pt) -> bool {
        w.0 <= self.width.0 + EPS
    }

    /// The width of the pending space, if a word follows it on this line.
    fn space_width(&self) -> Pt {
        match self.pending_space {
            Some(p) if !self.cur.is_empty() => self.face(p).advance(' ', self.size),
            _ => Pt::ZERO,
        }
    }

    fn push_space(&mut self, sw: Pt) {
        if let Some(piece) = self.pending_space.take()
            && !self.cur.is_empty()
        {
            self.cur.push(Seg {
                piece,
                start: 0,
                end: 0,
                width: sw,
                kind: SegKind::Space,
            });
        }
    }

    /// Adds the part of `word` from `from` to `to` (`None`: its end) to the
    /// line and returns its width. Whole fragments keep their measured
    /// width; a part of one is measured (each character once, as it is
    /// placed once).
    fn push_part(&mut self, word: &[Frag], from: Pos, to: Option<Pos>) -> Pt {
        let last = to.map_or(word.len() - 1, |p| p.frag);
        let mut total = Pt::ZERO;
        // Each iteration places one fragment (or a part of it).
        for (i, f) in word.iter().enumerate().take(last + 1).skip(from.frag) {
            let start = if i == from.frag { from.at } else { f.start };
            let end = match to {
                Some(p) if i == p.frag => p.at,
                _ => f.end,
            };
            if start >= end {
                continue;
            }
            let width = if start == f.start && end == f.end {
                f.width
            } else {
                let text = &self.texts[f.piece][start..end];
                self.looked += text.len();
                self.face(f.piece).width(text, self.size)
            };
            total += width;
            self.cur.push(Seg {
                piece: f.piece,
                start,
                end,
                width,
                kind: SegKind::Text,
            });
        }
        total
    }

    /// Adds the hyphen a soft hyphen shows at the end of the line, in the
    /// face of the fragment that holds the soft hyphen.
    fn push_hyphen(&mut self, word: &[Frag], at: Pos) {
        // The soft hyphen ends the head, so it is in the fragment before
        // `at` when `at` is the start of a fragment.
        let frag = if at.at == word[at.frag].start && at.frag > 0 {
            at.frag - 1
        } else {
            at.frag
        };
        let piece = word[frag].piece;
        let width = self.face(piece).advance('-', self.size);
        self.cur.push(Seg {
            piece,
            start: 0,
            end: 0,
            width,
            kind: SegKind::Hyphen,
        });
    }

    /// Where `word` may break at its syllables, those of its parts between
    /// `/` and `-` included (see `text::hyphenate::hyphenate_parts`), in
    /// order. Costs the word's length, and nothing for a word too long to
    /// be hyphenated.
    fn syllable_breaks(&mut self, word: &[Frag]) -> Vec<Pos> {
        let len: usize = word.iter().map(|f| f.end - f.start).sum();
        if len > super::hyphenate::LONGEST_WORD {
            return Vec::new();
        }
        let mut text = String::new();
        // Where each fragment ends in `text`.
        let mut ends = Vec::with_capacity(word.len());
        for f in word {
            text.push_str(&self.texts[f.piece][f.start..f.end]);
            ends.push(text.len());
        }
        self.looked += text.len();
        let mut out = Vec::new();
        let mut fi = 0;
        // Each iteration maps one break; `fi` only moves forward.
        for b in super::hyphenate_parts(&text) {
            while fi + 1 < ends.len() && ends[fi] < b {
                fi += 1;
            }
            let f = &word[fi];
            let frag_start = ends[fi] - (f.end - f.start);
            out.push(Pos {
                frag: fi,
                at: f.start + (b - frag_start),
            });
        }
        out
    }

    /// Walks `word` from `from`, measuring until the width exceeds `avail`
    /// or the word ends, and remembers where it may break (`syllables`:
    /// the word's syllable breaks, in order). Costs the characters that fit
    /// plus one.
    fn scan(&mut self, word: &[Frag], from: Pos, avail: Pt, syllables: &[Pos]) -> Scan {
        let limit = avail.0 + EPS;
        let mut width = Pt::ZERO;
        let mut out = Scan::new(from);
        let mut first = true;
        let key = |p: &Pos| (p.frag, p.at);
        // The next syllable break after `from`.
        let mut syllable = syllables.partition_point(|p| key(p) <= key(&from));
        let (fonts, pieces, texts) = (self.fonts, self.pieces, self.texts);
        // Each iteration measures one character and stops at the first one
        // that does not fit.
        for (fi, f) in word.iter().enumerate().skip(from.frag) {
            let face = fonts.face(pieces[f.piece].face);
            let start = if fi == from.frag { from.at } else { f.start };
            let text = &texts[f.piece][start..f.end];
            let last_frag = fi + 1 == word.len();
            for (i, c) in text.char_indices() {
                self.looked += 1;
                width += face.advance(c, self.size);
                let after = start + i + c.len_utf8();
                let pos = Pos {
                    frag: fi,
                    at: after,
                };
                let brk = Break {
                    pos,
                    soft_hyphen: c == SOFT_HYPHEN,
                };
                // A letter and the combining marks after it are never
                // split, not even between letters as the last resort.
                let next_is_mark = text[after - start..]
                    .chars()
                    .next()
                    .is_some_and(unicode_normalization::char::is_combining_mark);
                let in_first = first;
                if first {
                    out.first = brk;
                    first = next_is_mark;
                }
                if width.0 > limit {
                    if in_first && next_is_mark {
                        // The first cluster goes whole, even if too wide.
                        continue;
                    }
                    return out;
                }
                if last_frag && after == f.end {
                    // The end of the word: no break, the rest fits.
                    out.fits = true;
                    return out;
                }
                if next_is_mark {
                    continue;
                }
                while syllables.get(syllable).is_some_and(|p| key(p) < key(&pos)) {
                    syllable += 1;
                }
                let at_syllable = syllables.get(syllable) == Some(&pos);
                let size = self.size;
                out.may_break(c, brk, at_syllable, || {
                    (width + face.advance('-', size)).0 <= limit
                });
            }
        }
        // Not reached: the last fragment ends the word. An empty word fits.
        out.fits = true;
        out
    }

    /// Places a word of width `w`, breaking lines as needed.
    fn place_word(&mut self, word: &[Frag], w: Pt, figure: bool) {
        let Some(first) = word.first() else {
            return;
        };
        let mut pos = Pos {
            frag: 0,
            at: first.start,
        };
        // The width of the word from `pos` on.
        let mut rest = w;
        // Its syllable breaks, found when first needed.
        let mut syllables: Option<Vec<Pos>> = None;
        // Progress: every iteration returns, or places at least one
        // character of the word (`pos` moves forward), or ends a line that
        // is not empty; the iteration after that, on an empty line, returns
        // or places at least one character.
        loop {
            let sw = self.space_width();
            if self.fits(self.cur_width + sw + rest) {
                self.push_space(sw);
                self.push_part(word, pos, None);
                self.cur_width += sw + rest;
                return;
            }
            if !self.cur.is_empty() {
                // Break after a hyphen or at a soft hyphen at the end of
                // this line; a figure is never broken, it goes to the next.
                if !figure {
                    let avail = self.width - self.cur_width - sw;
                    let scan = self.scan(word, pos, avail, &[]);
                    if scan.fits {
                        self.push_space(sw);
                        let placed = self.push_part(word, pos, None);
                        self.cur_width += sw + placed;
                        return;
                    }
                    if let Some(b) = scan.hyphen {
                        self.push_space(sw);
                        let head = self.cur.len();
                        let placed = self.push_part(word, pos, Some(b.pos));
                        if b.soft_hyphen {
                            self.push_hyphen(word, b.pos);
                        }
                        self.split_line(word, head);
                        rest -= placed;
                        pos = b.pos;
                        continue;
                    }
                }
                // The word goes to the next line whole: the line breaks at
                // the space before it, if there is one (not a zero-width
                // space).
                self.line_space = self.pending_space.is_some();
                self.finish_line(false);
                self.pending_space = None;
                continue;
            }
            // An empty line, and the rest of the word is wider than it: the
            // last resort, for figures too (see `break_lines`).
            let breaks = match syllables.take() {
                Some(breaks) => breaks,
                None if figure => Vec::new(),
                None => self.syllable_breaks(word),
            };
            let scan = self.scan(word, pos, self.width, &breaks);
            syllables = Some(breaks);
            if scan.fits {
                let placed = self.push_part(word, pos, None);
                self.cur_width = placed;
                return;
            }
            // After a `-`, `/`, `.` or the like, else at a syllable, else
            // between letters; if not even one character fits, it stands
            // alone (the box is narrower than a letter).
            let b = scan
                .soft
                .or(scan.syllable)
                .or(scan.any)
                .unwrap_or(scan.first);
            let head = self.cur.len();
            let placed = self.push_part(word, pos, Some(b.pos));
            if b.soft_hyphen {
                self.push_hyphen(word, b.pos);
            }
            rest -= placed;
            pos = b.pos;
            if self.at_end(word, pos) {
                // The single character was the whole rest.
                self.cur_width = placed;
                return;
            }
            self.split_line(word, head);
        }
    }

    /// Ends the line inside `word`, whose part on it starts at entry
    /// `head`: as justified text does, the head carries the word's whole
    /// text for extraction (unless the whole line is the middle of a word
    /// begun on a line before, whose head carries it), and the rest on the
    /// next line reads as nothing, so that text extractors, which join a
    /// line ending in a hyphen to the next line or not, give the word
    /// whole ("RKA-K/L", not "RKAK/L").
    fn split_line(&mut self, word: &[Frag], head: usize) {
        if !(self.word_cont && head == 0) {
            let mut text = String::new();
            for f in word {
                let part = &self.texts[f.piece][f.start..f.end];
                text.extend(part.chars().filter(|c| *c != SOFT_HYPHEN));
            }
            self.line_head = Some((head, text));
        }
        self.finish_line(false);
        self.word_cont = true;
    }

    /// Marks the start of the line being finished as the rest of a word
    /// broken greedily on the line before (up to the first space, or the
    /// whole line), which reads as nothing.
    fn mark_word_rest(&mut self) {
        if std::mem::take(&mut self.word_cont) && self.line_cont == 0 {
            self.line_cont = self
                .cur
                .iter()
                .position(|s| s.kind == SegKind::Space)
                .unwrap_or(usize::MAX);
        }
    }

    /// Whether `pos` is the end of `word`.
    fn at_end(&self, word: &[Frag], pos: Pos) -> bool {
        pos.frag + 1 == word.len() && pos.at >= word[pos.frag].end
    }

    /// Ends the current line: aligns it and turns it into runs. `last`: it
    /// ends a paragraph or comes before a forced break (never justified).
    fn finish_line(&mut self, last: bool) {
        self.mark_word_rest();
        let natural: Pt = self.cur.iter().map(|s| s.width).sum();
        let spaces = self.cur.iter().filter(|s| s.kind == SegKind::Space).count();
        let (x0, extra) = self.alignment(natural, spaces, last);
        let spacing = Spacing {
            x0,
            extra,
            ratio: self.line_ratio.take(),
        };
        let cont = std::mem::take(&mut self.line_cont);
        let head = self.line_head.take();
        let hyphenated = std::mem::take(&mut self.line_flagged)
            || self.cur.last().is_some_and(|s| s.kind == SegKind::Hyphen);
        let (runs, total_extra) = self.runs(spacing, cont, head);
        self.cur.clear();
        self.cur_width = Pt::ZERO;
        self.lines.push(Line {
            runs,
            width: natural + total_extra,
            hyphenated,
            space_after: std::mem::take(&mut self.line_space),
        });
    }

    /// Where a line of width `natural` with `spaces` spaces starts, and
    /// what each space gains (justified): an infinite width aligns as flush
    /// left; a line wider than its width (a single character wider than the
    /// box) starts at the left edge.
    fn alignment(&self, natural: Pt, spaces: usize, last: bool) -> (Pt, Pt) {
        let room = if self.width.0.is_finite() {
            (self.width - natural).max(Pt::ZERO)
        } else {
            Pt::ZERO
        };
        match self.align {
            Align::Left => (Pt::ZERO, Pt::ZERO),
            Align::Right => (room, Pt::ZERO),
            Align::Center => (room / 2.0, Pt::ZERO),
            Align::Justify if last || spaces == 0 => (Pt::ZERO, Pt::ZERO),
            Align::Justify => (Pt::ZERO, room / spaces as f64),
        }
    }

    /// The text an entry of the current line draws.
    fn seg_text(&self, seg: &Seg) -> &str {
        match seg.kind {
            SegKind::Text => &self.texts[seg.piece][seg.start..seg.end],
            SegKind::Space => " ",
            SegKind::Hyphen => "-",
        }
    }

    /// The current line's entries merged into runs of one face and link
    /// (spaces join the run before them when they share its face, so that
    /// extracted text keeps its spaces), and the width the spaces gained.
    /// `cont`: the entries before it continue a word broken on the line
    /// before; `head`: where the head of a word broken at the end starts,
    /// and the word's text (moved into the head's run).
    fn runs(
        &mut self,
        spacing: Spacing,
        cont: usize,
        head: Option<(usize, String)>,
    ) -> (Vec<Run>, Pt) {
        let (head, mut head_text) = match head {
            Some((at, text)) => (Some(at), Some(text)),
            None => (None, None),
        };
        // Which part of a broken word an entry is: 0 the continuation of
        // one from the line before, 2 the head of one broken at the end,
        // 1 neither. Runs do not cross parts.
        let part = |i: usize| {
            if i < cont {
                0
            } else if head.is_some_and(|h| i >= h) {
                2
            } else {
                1
            }
        };
        // The bytes of the entries from the current one to the line's end:
        // a run's text is made that large at once (exactly, for a line of
        // one run), instead of grown a word at a time.
        let mut rest: usize = self.cur.iter().map(|s| self.seg_text(s).len()).sum();
        let (mut total_extra, mut last_part, mut looked) = (Pt::ZERO, 1, 0);
        let mut runs: Vec<Run> = Vec::new();
        // Each iteration adds one entry to the runs.
        for (i, seg) in self.cur.iter().enumerate() {
            let piece = &self.pieces[seg.piece];
            let text = self.seg_text(seg);
            let bytes = rest;
            rest -= text.len();
            let seg_extra = spacing.extra(seg);
            total_extra += seg_extra;
            let p = part(i);
            let same = p == last_part
                && runs
                    .last()
                    .is_some_and(|r| r.face == piece.face && r.link == piece.link);
            if !same {
                if text.is_empty() || (seg.kind == SegKind::Text && only_soft_hyphens(text)) {
                    continue;
                }
                runs.push(Run {
                    x: runs.last().map_or(spacing.x0, |r| r.x + r.width),
                    text: String::with_capacity(bytes),
                    face: piece.face,
                    word_spacing: Pt::ZERO,
                    width: Pt::ZERO,
                    link: piece.link.clone(),
                    actual_text: match p {
                        0 => Some(String::new()),
                        2 => Some(head_text.take().unwrap_or_default()),
                        _ => None,
                    },
                });
                last_part = p;
            }
            let Some(run) = runs.last_mut() else {
                continue;
            };
            looked += text.len();
            run.append(seg, text, seg_extra);
        }
        self.looked += looked;
        for r in &mut runs {
            if !r.text.contains(' ') {
                r.word_spacing = Pt::ZERO;
            }
        }
        (runs, total_extra)
    }
}

/// How a line's spaces are set: where it starts, what each space gains
/// when justified by the greedy breaker (`extra`), or by what fraction of
/// its width when by the paragraph breaker (`ratio`).
#[derive(Debug, Clone, Copy)]
struct Spacing {
    x0: Pt,
    extra: Pt,
    ratio: Option<f64>,
}

impl Spacing {
    /// What the entry `seg` gains: nothing unless it is a space.
    fn extra(&self, seg: &Seg) -> Pt {
        match (seg.kind == SegKind::Space, self.ratio) {
            (false, _) => Pt::ZERO,
            (true, Some(k)) => seg.width * k,
            (true, None) => self.extra,
        }
    }
}

impl Run {
    /// Appends the entry `seg`, which draws `text` and whose spaces gain
    /// `extra` each.
    fn append(&mut self, seg: &Seg, text: &str, extra: Pt) {
        self.width += seg.width + extra;
        if seg.kind == SegKind::Space {
            self.word_spacing = extra;
        }
        if seg.kind == SegKind::Text && has_soft_hyphen(text) {
            self.text.extend(text.chars().filter(|c| *c != SOFT_HYPHEN));
        } else {
            self.text.push_str(text);
        }
    }
}

/// Whether a word's text is only soft hyphens (nothing to draw).
fn only_soft_hyphens(text: &str) -> bool {
    text.chars().all(|c| c == SOFT_HYPHEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontSet {
        FontSet::liberation_sans()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    const SIZE: Pt = Pt(11.0);

    #[test]
    fn greedy_lines_fit_their_width() {
        let f = fonts();
        let text = "Pelaksanaan Kegiatan Sosialisasi pendidikan dan pelatihan berjenjang bidang \
                    pendidikan Inklusi di Provinsi Bengkulu dilaksanakan pada tanggal 4 s.d 5 April 2024.";
        let width = Pt(200.0);
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Left,
        );
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width.0 <= width.0 + 1e-6, "{l:?}");
        }
        // Every word survives, in order, with single spaces.
        assert_eq!(
            texts(&lines).join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // Greedy: the first word of each next line would not have fitted.
        for pair in lines.windows(2) {
            let next_word = pair[1].runs[0].text.split(' ').next().unwrap();
            let w = f.face(Face::Regular).width(&format!(" {next_word}"), SIZE);
            assert!((pair[0].width + w).0 > width.0);
        }
    }

    #[test]
    fn justified_lines_end_at_the_margin_except_the_last() {
        let f = fonts();
        let text = "Kegiatan ini dimaksudkan untuk mendukung target ketercapaian IKK 1.1. Guru \
                    mengikuti pendidikan berjenjang bidang pendidikan inklusif.";
        let width = Pt(180.0);
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Justify,
        );
        let (last, rest) = lines.split_last().unwrap();
        for l in rest {
            assert!(l.width.approx_eq(width), "{} != {}", l.width, width);
            let r = l.runs.last().unwrap();
            assert!((r.x + r.width).approx_eq(width));
            // Spaces stretch or shrink (total fit, see `justify`).
            assert!(l.runs.iter().any(|r| r.word_spacing != Pt::ZERO), "{l:?}");
        }
        assert!(last.width.0 < width.0);
        assert_eq!(last.runs[0].word_spacing, Pt::ZERO);
    }

    #[test]
    fn styles_make_runs_and_keep_spaces() {
        let f = fonts();
        let pieces = vec![
            Piece::new("webinar optimalisasi ", Face::Regular),
            Piece::new("chromebook", Face::Italic),
            Piece::new(" dengan tema", Face::Regular),
        ];
        let lines = break_lines(&pieces, &f, SIZE, Pt(500.0), Align::Left);
        assert_eq!(lines.len(), 1);
        let runs: Vec<(&str, Face)> = lines[0]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.face))
            .collect();
        assert_eq!(
            runs,
            vec![
                ("webinar optimalisasi ", Face::Regular),
                ("chromebook", Face::Italic),
                (" dengan tema", Face::Regular)
            ]
        );
        // Runs abut.
        let l = &lines[0];
        assert!((l.runs[0].x + l.runs[0].width).approx_eq(l.runs[1].x));
    }

    #[test]
    fn right_and_centre() {
        let f = fonts();
        let w = Pt(300.0);
        let r = break_lines(
            &[Piece::new("8.069.025.000", Face::Regular)],
            &f,
            SIZE,
            w,
            Align::Right,
        );
        assert!((r[0].runs[0].x + r[0].runs[0].width).approx_eq(w));
        let c = break_lines(
            &[Piece::new("Total", Face::Bold)],
            &f,
            SIZE,
            w,
            Align::Center,
        );
        let run = &c[0].runs[0];
        assert!((run.x - (w - run.width - run.x)).0.abs() < 1e-6);
    }

    #[test]
    fn an_unbreakable_word_is_split_to_fit() {
        let f = fonts();
        let word = "x".repeat(200);
        let width = Pt(50.0);
        let lines = break_lines(
            &[Piece::new(&word, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Left,
        );
        assert!(lines.len() > 5);
        for l in &lines {
            assert!(l.width.0 <= width.0 + 1e-6);
        }
        assert_eq!(texts(&lines).concat(), word);
    }

    #[test]
    fn long_codes_break_at_dots_before_letters() {
        let f = fonts();
        let lines = break_lines(
            &[Piece::new("[419548.DI.6397.QDB.750] Satuan", Face::Regular)],
            &f,
            Pt(9.0),
            Pt(70.0),
            Align::Left,
        );
        let t = texts(&lines);
        assert!(t[0].ends_with('.'), "{t:?}");
        assert_eq!(
            t.concat().replace(' ', ""),
            "[419548.DI.6397.QDB.750]Satuan"
        );
    }

    #[test]
    fn figures_are_measured_as_unbreakable() {
        let f = fonts();
        let e = measure(
            &[Piece::new(
                "Pagu 17.680.042.000 pendampingan.kurikulum.merdeka",
                Face::Regular,
            )],
            &f,
            SIZE,
        );
        let figure = f.face(Face::Regular).width("17.680.042.000", SIZE);
        assert!(e.min_soft.approx_eq(figure), "{} {}", e.min_soft, figure);
        assert!(e.unbreakable.approx_eq(figure));
        assert!(e.min.0 > figure.0);
        assert!(e.max.0 > e.min.0);
    }

    #[test]
    fn codes_and_tied_tokens_are_unbreakable() {
        let f = fonts();
        let r = f.face(Face::Regular);
        for (text, token) in [
            (
                "[419548.DI.6397.QDB.750] Satuan Dikdas",
                "[419548.DI.6397.QDB.750]",
            ),
            ("[IKK\u{a0}1.1] Presentase", "[IKK\u{a0}1.1]"),
            (
                "Bengkulu, 07\u{a0}Agustus\u{a0}2024",
                "07\u{a0}Agustus\u{a0}2024",
            ),
        ] {
            let pieces = [Piece::new(text, Face::Regular)];
            let e = measure(&pieces, &f, SIZE);
            let w = r.width(token, SIZE);
            assert!(e.unbreakable.approx_eq(w), "{text}: {} {w}", e.unbreakable);
            // As wide as the token: it stays whole on a line of its own.
            let lines = break_lines(&pieces, &f, SIZE, w, Align::Left);
            assert!(
                texts(&lines).iter().any(|l| l == token),
                "{:?}",
                texts(&lines)
            );
        }
    }

    #[test]
    fn hyphenated_words_break_after_the_hyphen() {
        let f = fonts();
        let text = "diskusi tentang sub-kegiatan prioritas";
        let w = f.face(Face::Regular).width("diskusi tentang sub-", SIZE) + Pt(1.0);
        let lines = break_lines(&[Piece::new(text, Face::Regular)], &f, SIZE, w, Align::Left);
        assert_eq!(texts(&lines)[0], "diskusi tentang sub-");
    }

    /// A word broken greedily across lines (after its own hyphen, or at a
    /// syllable as the last resort) extracts whole: its head carries the
    /// whole word, its rest nothing; a line that is all the middle of a
    /// word carries nothing either.
    #[test]
    fn a_word_broken_greedily_extracts_whole() {
        let f = fonts();
        let text = "pelaksanaan RKA-K/L Kantor";
        let w = f.face(Face::Regular).width("pelaksanaan RKA-", SIZE) + Pt(1.0);
        let lines = break_lines(&[Piece::new(text, Face::Regular)], &f, SIZE, w, Align::Left);
        assert_eq!(texts(&lines), ["pelaksanaan RKA-", "K/L Kantor"]);
        fn actual(l: &Line) -> Vec<Option<&str>> {
            l.runs.iter().map(|r| r.actual_text.as_deref()).collect()
        }
        assert_eq!(actual(&lines[0]), [None, Some("RKA-K/L")]);
        assert_eq!(actual(&lines[1]), [Some(""), None]);
        let word = "x".repeat(60);
        let w = f.face(Face::Regular).width(&"x".repeat(20), SIZE) + Pt(0.5);
        let lines = break_lines(
            &[Piece::new(&word, Face::Regular)],
            &f,
            SIZE,
            w,
            Align::Left,
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(actual(&lines[0]), [Some(word.as_str())]);
        assert_eq!(actual(&lines[1]), [Some("")]);
        assert_eq!(actual(&lines[2]), [Some("")]);
    }

    /// A line that breaks at a space says so (the PDF draws the space for
    /// text extraction); one that breaks inside a word, before a forced
    /// break or at the text's end does not, in ragged and justified text.
    #[test]
    fn lines_say_whether_they_broke_at_a_space() {
        let f = fonts();
        let breaks = |text: &str, w: Pt, align: Align| -> Vec<(String, bool)> {
            break_lines(&[Piece::new(text, Face::Regular)], &f, SIZE, w, align)
                .into_iter()
                .map(|l| {
                    (
                        l.runs.iter().map(|r| r.text.as_str()).collect(),
                        l.space_after,
                    )
                })
                .collect()
        };
        let w = f.face(Face::Regular).width("diskusi tentang", SIZE) + Pt(1.0);
        for align in [Align::Left, Align::Justify] {
            let lines = breaks("diskusi tentang sub-kegiatan prioritas\ndua", w, align);
            let flags: Vec<bool> = lines.iter().map(|l| l.1).collect();
            assert_eq!(lines[0].0, "diskusi tentang", "{align:?}");
            assert!(flags[0], "{align:?}: {lines:?}");
            // The forced break and the text's end.
            assert!(
                !flags[flags.len() - 2] && !flags[flags.len() - 1],
                "{lines:?}"
            );
        }
        // A word wider than the line, split between letters, and after its
        // own hyphen.
        let narrow = f.face(Face::Regular).width("xxxxx", SIZE);
        let lines = breaks("xxxxxxxxxxxxxxx", narrow, Align::Left);
        assert!(lines.len() > 2 && lines.iter().all(|l| !l.1), "{lines:?}");
        let lines = breaks(
            "aa sub-kegiatan",
            f.face(Face::Regular).width("aa sub-", SIZE) + Pt(1.0),
            Align::Left,
        );
        assert_eq!(lines[0], ("aa sub-".to_owned(), false), "{lines:?}");
    }

    #[test]
    fn forced_breaks_and_collapsed_spaces() {
        let f = fonts();
        let lines = break_lines(
            &[Piece::new("satu   dua\ntiga", Face::Regular)],
            &f,
            SIZE,
            Pt(400.0),
            Align::Justify,
        );
        assert_eq!(texts(&lines), vec!["satu dua", "tiga"]);
        assert_eq!(
            lines[0].runs[0].word_spacing,
            Pt::ZERO,
            "a line before a forced break is not justified"
        );
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        let lines = break_lines(&[], &fonts(), SIZE, Pt(100.0), Align::Left);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].runs.is_empty());
    }

    /// The characters measured (font look-ups) while running `f`.
    fn measured(f: impl FnOnce()) -> usize {
        use crate::text::fonts::MEASURED;
        MEASURED.with(|m| m.set(0));
        f();
        MEASURED.with(|m| m.get())
    }

    #[test]
    fn linear_work() {
        let f = fonts();
        // Hostile shapes: a word without break points; one with a soft
        // break right at the start of every window; hyphenated words that
        // overflow; one word made of single-letter pieces in two faces.
        type Shape = fn(usize) -> Vec<Piece<'static>>;
        let shapes: [(&str, Shape); 4] = [
            ("word", |n| vec![Piece::new("x".repeat(n), Face::Regular)]),
            ("dots", |n| {
                let unit = "a.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                vec![Piece::new(unit.repeat(n / unit.len()), Face::Regular)]
            }),
            ("hyphens", |n| {
                vec![Piece::new(
                    "sub-kegiatan\u{AD}prioritas ".repeat(n / 26),
                    Face::Regular,
                )]
            }),
            ("pieces", |n| {
                (0..n)
                    .map(|i| {
                        let face = if i % 2 == 0 {
                            Face::Regular
                        } else {
                            Face::Bold
                        };
                        Piece::new("m", face)
                    })
                    .collect()
            }),
        ];
        for (name, make) in shapes {
            for n in [4_000, 16_000] {
                let pieces = make(n);
                let bytes: usize = pieces.iter().map(|p| p.text.len()).sum();
                for width in [Pt(40.0), Pt(300.0)] {
                    let mut looked = 0;
                    let fonts_measured = measured(|| {
                        looked = break_lines_counted(
                            &pieces,
                            &f,
                            SIZE,
                            width,
                            Align::Justify,
                            Justification::default(),
                        )
                        .1;
                    });
                    assert!(
                        fonts_measured <= 5 * bytes + 100,
                        "{name}/{n} at {width}: {fonts_measured} measurements for {bytes} bytes"
                    );
                    assert!(
                        looked <= 8 * bytes + 100,
                        "{name}/{n} at {width}: {looked} characters looked at for {bytes} bytes"
                    );
                }
                let m = measured(|| {
                    measure(&pieces, &f, SIZE);
                });
                assert!(m <= 2 * bytes + 100, "measure {name}/{n}: {m}");
            }
        }
    }

    #[test]
    fn a_figure_is_not_broken_when_it_fits_the_width() {
        let f = fonts();
        let r = f.face(Face::Regular);
        for figure in ["-1.234,5", "8.069.025.000,25", "95,15%"] {
            let text = format!("Saldo akhir {figure}");
            // Room for the figure, and for "Saldo akhir" and the figure's
            // first characters, not for the whole.
            let width = r
                .width(&format!("Saldo akhir {}", &figure[..3]), SIZE)
                .max(r.width(figure, SIZE))
                + Pt(0.5);
            assert!(width.0 < r.width(&text, SIZE).0);
            let lines = break_lines(
                &[Piece::new(text.as_str(), Face::Regular)],
                &f,
                SIZE,
                width,
                Align::Left,
            );
            assert_eq!(texts(&lines), vec!["Saldo akhir", figure], "{figure}");
        }
        // Exactly as wide as the figure: one line, unbroken.
        let figure = "8.069.025.000,25";
        let width = r.width(figure, SIZE);
        let lines = break_lines(
            &[Piece::new(figure, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Right,
        );
        assert_eq!(texts(&lines), vec![figure]);
        // `unbreakable` is the widest figure; words are not in it.
        let e = measure(
            &[Piece::new(
                format!("Anggaran {figure} dan 95,15% ketercapaian"),
                Face::Regular,
            )],
            &f,
            SIZE,
        );
        assert!(
            e.unbreakable.approx_eq(width),
            "{} {}",
            e.unbreakable,
            width
        );
        let none = measure(&[Piece::new("tanpa angka", Face::Regular)], &f, SIZE);
        assert_eq!(none.unbreakable, Pt::ZERO);
    }

    #[test]
    fn a_figure_wider_than_the_line_stays_inside_it() {
        // The contract's last resort: a caller that gives less than
        // `unbreakable` gets a broken figure, never text outside the box.
        let f = fonts();
        let figure = "8.069.025.000,25";
        let width = f.face(Face::Regular).width(figure, SIZE) / 2.0;
        let lines = break_lines(
            &[Piece::new(figure, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Left,
        );
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.width.0 <= width.0 + 1e-6, "{l:?}");
        }
        assert_eq!(texts(&lines).concat(), figure);
    }

    #[test]
    fn a_shown_soft_hyphen_never_makes_a_line_wider_than_its_box() {
        // Found by the linebreak fuzz target: at 1 pt in a box 0.97 pt wide,
        // "di" fits but "di-" does not; the break falls elsewhere.
        let fonts = FontSet::liberation_sans();
        let text = "indi\u{AD}\u{AD}tor";
        let pieces = [Piece::new(text, Face::Regular)];
        let lines = break_lines(&pieces, &fonts, Pt(1.0), Pt(0.97), Align::Left);
        for line in &lines {
            let chars: usize = line.runs.iter().map(|r| r.text.chars().count()).sum();
            assert!(chars <= 1 || line.width.0 <= 0.97, "{:?}", line.runs);
        }
        let all: String = lines
            .iter()
            .flat_map(|l| &l.runs)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(all.replace('-', ""), "indittor".replace("tt", "t"));
    }

    #[test]
    fn a_letter_and_its_combining_mark_stay_together() {
        // Found by the linebreak fuzz target: at width 0 (a character a
        // line), "1" and U+0353 were put on two lines.
        let fonts = FontSet::liberation_sans();
        let pieces = [Piece::new("ab1\u{353}c", Face::Regular)];
        let lines = break_lines(&pieces, &fonts, Pt(9.0), Pt(0.0), Align::Left);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(texts, ["a", "b", "1\u{353}", "c"]);
    }

    #[test]
    fn a_soft_hyphen_shows_only_where_the_line_breaks() {
        let f = fonts();
        let r = f.face(Face::Regular);
        let text = "pendidikan pelak\u{AD}sanaan kegiatan";
        // Mid-line: invisible and zero wide.
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            Pt(500.0),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["pendidikan pelaksanaan kegiatan"]);
        assert!(
            lines[0]
                .width
                .approx_eq(r.width("pendidikan pelaksanaan kegiatan", SIZE))
        );
        // At a line break: a hyphen.
        let width = r.width("pendidikan pelak-", SIZE) + Pt(1.0);
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Justify,
        );
        assert_eq!(texts(&lines), vec!["pendidikan pelak-", "sanaan kegiatan"]);
        assert!(lines[0].width.approx_eq(width), "justified with its hyphen");
        // The hyphen needs its room: one point less, and the line breaks at
        // the space instead.
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            width - Pt(1.5),
            Align::Left,
        );
        assert_eq!(texts(&lines)[0], "pendidikan");
        // A soft hyphen breaks a word wider than the line in preference to
        // letters.
        let word = "Pertanggung\u{AD}jawaban";
        let lines = break_lines(
            &[Piece::new(word, Face::Regular)],
            &f,
            SIZE,
            r.width("Pertanggungjawa", SIZE),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["Pertanggung-", "jawaban"]);
        let e = measure(&[Piece::new(word, Face::Regular)], &f, SIZE);
        assert!(e.min_soft.approx_eq(r.width("Pertanggung-", SIZE)));
        assert!(e.min.approx_eq(r.width("Pertanggungjawaban", SIZE)));
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_at_a_syllable_with_a_hyphen() {
        let f = fonts();
        let r = f.face(Face::Regular);
        let width = r.width("Pertanggungjawa", SIZE);
        let lines = break_lines(
            &[Piece::new("Pertanggungjawaban", Face::Regular)],
            &f,
            SIZE,
            width,
            Align::Left,
        );
        // Not "Pertanggungjawa" / "ban" between letters.
        assert_eq!(texts(&lines), vec!["Pertanggungja-", "waban"]);
        assert!(lines[0].width.approx_eq(r.width("Pertanggungja-", SIZE)));
        // Over several lines, across styles, and after punctuation.
        let pieces = [
            Piece::new("(penyelengga", Face::Regular),
            Piece::new("raannya)", Face::Bold),
        ];
        let lines = break_lines(&pieces, &f, SIZE, r.width("penyeleng", SIZE), Align::Left);
        assert_eq!(texts(&lines), vec!["(penye-", "lenggara-", "annya)"]);
        // The hyphen is in the face of the letter before it.
        let runs: Vec<(&str, Face)> = lines[1]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.face))
            .collect();
        assert_eq!(runs, vec![("lengga", Face::Regular), ("ra-", Face::Bold)]);
        // After a `/`, the next part breaks at its syllables too.
        let lines = break_lines(
            &[Piece::new("kegiatan/pendampingan", Face::Regular)],
            &f,
            SIZE,
            r.width("kegiatan/pen", SIZE),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["kegiatan/", "pendam-", "pingan"]);
        // The hyphen needs its room: a break that fits only without it is
        // not taken.
        let lines = break_lines(
            &[Piece::new("pendidikan", Face::Regular)],
            &f,
            SIZE,
            r.width("pendi-", SIZE),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["pendi-", "dikan"]);
        let lines = break_lines(
            &[Piece::new("pendidikan", Face::Regular)],
            &f,
            SIZE,
            r.width("pendi-", SIZE) - Pt(0.1),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["pen-", "di-", "dikan"]);
        // Words in capitals, codes and figures still break between
        // characters (or after their dots), without a hyphen.
        let lines = break_lines(
            &[Piece::new("KEMENDIKBUDRISTEK", Face::Regular)],
            &f,
            SIZE,
            r.width("KEMENDIKBUD", SIZE),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["KEMENDIKBUD", "RISTEK"]);
        let lines = break_lines(
            &[Piece::new("419548.DI.6397.QDB.750", Face::Regular)],
            &f,
            SIZE,
            r.width("419548.DI.639", SIZE),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["419548.DI.", "6397.QDB.", "750"]);
    }

    #[test]
    fn format_characters_are_not_drawn_and_a_zero_width_space_breaks() {
        let f = fonts();
        let r = f.face(Face::Regular);
        let text = "a\u{200D}b c\u{200C}d\u{2060}e\u{FEFF}f";
        let lines = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            Pt(500.0),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["ab cdef"]);
        assert!(lines[0].width.approx_eq(r.width("ab cdef", SIZE)));
        // A zero width space: no space on one line, a break when needed.
        let text = "satu\u{200B}dua";
        let one = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            Pt(500.0),
            Align::Justify,
        );
        assert_eq!(texts(&one), vec!["satudua"]);
        let two = break_lines(
            &[Piece::new(text, Face::Regular)],
            &f,
            SIZE,
            r.width("satudu", SIZE),
            Align::Justify,
        );
        assert_eq!(texts(&two), vec!["satu", "dua"]);
    }

    #[test]
    fn combining_accents_are_composed() {
        let f = fonts();
        let r = f.face(Face::Regular);
        let lines = break_lines(
            &[Piece::new("Cafe\u{301} e\u{301}", Face::Regular)],
            &f,
            SIZE,
            Pt(500.0),
            Align::Left,
        );
        assert_eq!(texts(&lines), vec!["Café é"]);
        assert!(lines[0].width.approx_eq(r.width("Café é", SIZE)));
        assert_eq!(r.first_missing("Cafe\u{301} a\u{200D}b\u{AD}c"), None);
    }

    #[test]
    fn widths_and_sizes_a_caller_can_build_are_safe() {
        let f = fonts();
        let text = "Pelaksanaan 8.069.025.000 kegiatan-sosialisasi";
        let chars = text.chars().count();
        for width in [
            Pt(0.0),
            Pt(-5.0),
            Pt(f64::NAN),
            Pt(f64::NEG_INFINITY),
            Pt(f64::INFINITY),
            Pt(1e-300),
        ] {
            for size in [
                SIZE,
                Pt(0.0),
                Pt(-3.0),
                Pt(f64::NAN),
                Pt(f64::INFINITY),
                Pt(1e300),
            ] {
                for align in [Align::Left, Align::Right, Align::Center, Align::Justify] {
                    let lines =
                        break_lines(&[Piece::new(text, Face::Regular)], &f, size, width, align);
                    assert!(lines.len() <= chars, "{width} {size}: {}", lines.len());
                    let all = texts(&lines).concat();
                    assert_eq!(all.replace(' ', ""), text.replace(' ', ""));
                    for l in &lines {
                        assert!(!l.width.0.is_nan());
                        for r in &l.runs {
                            assert!(r.x.0.is_finite() && r.width.0.is_finite(), "{r:?}");
                        }
                    }
                }
                let e = measure(&[Piece::new(text, Face::Regular)], &f, size);
                assert!(e.max.0.is_finite() && e.max.0 >= 0.0);
            }
        }
    }
}
