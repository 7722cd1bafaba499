//! Breaking styled text into lines: greedy first fit, as word processors do,
//! then alignment and justification.
//!
//! Lines break at spaces, and after a hyphen inside a word when the word
//! does not fit. A word wider than the whole line is broken after a `-`,
//! `/`, `.` or `_` if one makes it fit, and otherwise between characters,
//! so no text ever runs past its box. Runs of spaces count as one space;
//! `\n` forces a line break.

use std::borrow::Cow;
use std::sync::Arc;

use smallvec::SmallVec;

use super::fonts::FontSet;
use crate::frame::Face;
use crate::units::Pt;

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
    pub fn new(text: impl Into<Cow<'a, str>>, face: Face) -> Self {
        Piece {
            text: text.into(),
            face,
            link: None,
        }
    }
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Both edges flush, except the last line and lines before a forced
    /// break, which are flush left.
    Justify,
}

/// A finished line: runs positioned from the line's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// The width the text takes, justification included.
    pub width: Pt,
}

/// A run of one face (and link) on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Offset from the line's left edge.
    pub x: Pt,
    /// The text, with its inner spaces.
    pub text: String,
    /// The face.
    pub face: Face,
    /// Extra width per space (justification).
    pub word_spacing: Pt,
    /// Advance width, word spacing included.
    pub width: Pt,
    /// Link target.
    pub link: Option<Arc<str>>,
}

/// A fragment of a word in one face: a slice of a piece's text.
#[derive(Debug, Clone)]
struct Frag<'a> {
    text: &'a str,
    face: Face,
    link: Option<Arc<str>>,
    width: Pt,
}

/// The fragments of one word: almost always one, so kept inline.
type Frags<'a> = SmallVec<[Frag<'a>; 2]>;

#[derive(Debug, Clone)]
enum Token<'a> {
    Word(Frags<'a>, Pt),
    Space(Face, Option<Arc<str>>),
    Newline,
}

/// One entry of a line under construction.
#[derive(Debug, Clone)]
enum Entry<'a> {
    Word(Frags<'a>),
    Space(Face, Option<Arc<str>>, Pt),
}

fn tokenize<'a>(pieces: &'a [Piece<'_>], fonts: &FontSet, size: Pt) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let mut word: Frags<'a> = SmallVec::new();
    let mut word_width = Pt::ZERO;
    let flush = |tokens: &mut Vec<Token<'a>>, word: &mut Frags<'a>, width: &mut Pt| {
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(word), *width));
            *width = Pt::ZERO;
        }
    };
    for piece in pieces {
        let face = fonts.face(piece.face);
        let text: &'a str = &piece.text;
        // Adds a slice of the text to the word being collected.
        let grow = |word: &mut Frags<'a>, width: &mut Pt, t: &'a str| {
            if !t.is_empty() {
                let w = face.width(t, size);
                *width += w;
                word.push(Frag {
                    text: t,
                    face: piece.face,
                    link: piece.link.clone(),
                    width: w,
                });
            }
        };
        let mut start = 0;
        for (i, c) in text.char_indices() {
            let is_space = c == ' ' || c == '\t' || c == '\r';
            if is_space || c == '\n' {
                grow(&mut word, &mut word_width, &text[start..i]);
                flush(&mut tokens, &mut word, &mut word_width);
                if c == '\n' {
                    tokens.push(Token::Newline);
                } else if !matches!(
                    tokens.last(),
                    Some(Token::Space(..)) | Some(Token::Newline) | None
                ) {
                    tokens.push(Token::Space(piece.face, piece.link.clone()));
                }
                start = i + c.len_utf8();
            }
        }
        grow(&mut word, &mut word_width, &text[start..]);
    }
    flush(&mut tokens, &mut word, &mut word_width);
    tokens
}

/// Splits `word` so that the head is at most `avail` wide, breaking only
/// after one of `points` (or anywhere if `points` is empty). The head is
/// never empty unless no break point fits at all (`None`).
fn split_word<'a>(
    word: &[Frag<'a>],
    avail: Pt,
    fonts: &FontSet,
    size: Pt,
    points: Option<&[char]>,
) -> Option<(Frags<'a>, Frags<'a>)> {
    // Walk the characters, remembering the last allowed break that fits.
    let mut best: Option<(usize, usize)> = None; // (frag index, byte offset after char)
    let mut width = Pt::ZERO;
    let total_chars: usize = word.iter().map(|f| f.text.chars().count()).sum();
    let mut seen = 0;
    'outer: for (fi, frag) in word.iter().enumerate() {
        let face = fonts.face(frag.face);
        for (bi, c) in frag.text.char_indices() {
            width += face.advance(c, size);
            seen += 1;
            if width.0 > avail.0 + 1e-6 {
                break 'outer;
            }
            let allowed = match points {
                Some(points) => points.contains(&c) && seen < total_chars,
                None => seen < total_chars,
            };
            if allowed {
                best = Some((fi, bi + c.len_utf8()));
            }
        }
    }
    let (fi, at) = best?;
    let mut head: Frags<'a> = word[..fi].iter().cloned().collect();
    let mut tail: Frags<'a> = SmallVec::new();
    let frag = &word[fi];
    let (h, t) = frag.text.split_at(at);
    let face = fonts.face(frag.face);
    head.push(Frag {
        text: h,
        face: frag.face,
        link: frag.link.clone(),
        width: face.width(h, size),
    });
    if !t.is_empty() {
        tail.push(Frag {
            text: t,
            face: frag.face,
            link: frag.link.clone(),
            width: face.width(t, size),
        });
    }
    tail.extend(word[fi + 1..].iter().cloned());
    Some((head, tail))
}

fn word_width(word: &[Frag<'_>]) -> Pt {
    word.iter().map(|f| f.width).sum()
}

/// Where a word that is wider than a whole line may break, in order of
/// preference.
const SOFT_BREAKS: &[char] = &['-', '/', '.', '_', ',', ':', ';', '?', '&', '='];

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
    /// The width of its widest token that must never be split: a figure
    /// ("8.069.025.000", "95,15%"); zero if it has none.
    pub unbreakable: Pt,
}

/// Whether a word is a figure: digits with separators, signs, a percent.
fn is_figure(frags: &[Frag<'_>]) -> bool {
    let mut digits = false;
    for f in frags {
        for c in f.text.chars() {
            if c.is_ascii_digit() {
                digits = true;
            } else if !matches!(c, '.' | ',' | '-' | '+' | '%' | '(' | ')') {
                return false;
            }
        }
    }
    digits
}

/// Measures `pieces` for column-width allocation.
pub fn measure(pieces: &[Piece<'_>], fonts: &FontSet, size: Pt) -> Extent {
    let mut extent = Extent {
        max: Pt::ZERO,
        min: Pt::ZERO,
        min_soft: Pt::ZERO,
        unbreakable: Pt::ZERO,
    };
    let mut line = Pt::ZERO;
    let mut pending_space = Pt::ZERO;
    for token in tokenize(pieces, fonts, size) {
        match token {
            Token::Newline => {
                extent.max = extent.max.max(line);
                line = Pt::ZERO;
                pending_space = Pt::ZERO;
            }
            Token::Space(face, _) => {
                if line.0 > 0.0 {
                    pending_space = fonts.face(face).advance(' ', size);
                }
            }
            Token::Word(frags, w) => {
                line += pending_space + w;
                pending_space = Pt::ZERO;
                extent.min = extent.min.max(w);
                // A figure ("8.069.025.000", "95,15%") is never broken.
                if is_figure(&frags) {
                    extent.min_soft = extent.min_soft.max(w);
                    extent.unbreakable = extent.unbreakable.max(w);
                    continue;
                }
                // Widest segment between soft break points.
                let mut seg = Pt::ZERO;
                for f in &frags {
                    let face = fonts.face(f.face);
                    for c in f.text.chars() {
                        seg += face.advance(c, size);
                        if SOFT_BREAKS.contains(&c) {
                            extent.min_soft = extent.min_soft.max(seg);
                            seg = Pt::ZERO;
                        }
                    }
                }
                extent.min_soft = extent.min_soft.max(seg);
            }
        }
    }
    extent.max = extent.max.max(line);
    extent
}

/// Breaks `pieces` into lines at most `width` wide, then aligns them.
pub fn break_lines(
    pieces: &[Piece<'_>],
    fonts: &FontSet,
    size: Pt,
    width: Pt,
    align: Align,
) -> Vec<Line> {
    let tokens = tokenize(pieces, fonts, size);
    let mut lines: Vec<(Vec<Entry<'_>>, bool)> = Vec::new(); // (entries, ends paragraph or forced)
    let mut cur: Vec<Entry<'_>> = Vec::new();
    let mut cur_width = Pt::ZERO;
    let mut pending_space: Option<(Face, Option<Arc<str>>)> = None;
    let eps = 1e-6;

    let space_width = |face: Face| fonts.face(face).advance(' ', size);

    let mut queue: std::collections::VecDeque<Token<'_>> = tokens.into();
    while let Some(token) = queue.pop_front() {
        match token {
            Token::Newline => {
                lines.push((std::mem::take(&mut cur), true));
                cur_width = Pt::ZERO;
                pending_space = None;
            }
            Token::Space(face, link) => {
                if !cur.is_empty() {
                    pending_space = Some((face, link));
                }
            }
            Token::Word(frags, w) => {
                let sw = match (&pending_space, cur.is_empty()) {
                    (Some((f, _)), false) => space_width(*f),
                    _ => Pt::ZERO,
                };
                if (cur_width + sw + w).0 <= width.0 + eps {
                    if let (Some((f, l)), false) = (pending_space.take(), cur.is_empty()) {
                        cur.push(Entry::Space(f, l, sw));
                    }
                    cur.push(Entry::Word(frags));
                    cur_width += sw + w;
                    continue;
                }
                // Does not fit. Try a break after a hyphen inside the word.
                if !cur.is_empty() {
                    let avail = width - cur_width - sw;
                    if let Some((head, tail)) = split_word(&frags, avail, fonts, size, Some(&['-']))
                    {
                        if let Some((f, l)) = pending_space.take() {
                            cur.push(Entry::Space(f, l, sw));
                        }
                        cur.push(Entry::Word(head));
                        lines.push((std::mem::take(&mut cur), false));
                        cur_width = Pt::ZERO;
                        let tw = word_width(&tail);
                        queue.push_front(Token::Word(tail, tw));
                        continue;
                    }
                    lines.push((std::mem::take(&mut cur), false));
                    cur_width = Pt::ZERO;
                    pending_space = None;
                }
                // On an empty line: the word alone is wider than the line.
                if w.0 > width.0 + eps {
                    let split = split_word(&frags, width, fonts, size, Some(SOFT_BREAKS))
                        .or_else(|| split_word(&frags, width, fonts, size, None));
                    match split {
                        Some((head, tail)) => {
                            cur.push(Entry::Word(head));
                            lines.push((std::mem::take(&mut cur), false));
                            let tw = word_width(&tail);
                            queue.push_front(Token::Word(tail, tw));
                        }
                        None => {
                            // Not even one character fits: place it anyway
                            // (the box is narrower than a letter).
                            let (head, tail) = split_first_char(&frags, fonts, size);
                            cur.push(Entry::Word(head));
                            lines.push((std::mem::take(&mut cur), false));
                            if !tail.is_empty() {
                                let tw = word_width(&tail);
                                queue.push_front(Token::Word(tail, tw));
                            }
                        }
                    }
                } else {
                    cur_width = w;
                    cur.push(Entry::Word(frags));
                }
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push((cur, true));
    } else if let Some(last) = lines.last_mut() {
        last.1 = true;
    }
    // Drop empty lines produced by a trailing newline, keep explicit blank
    // lines between two newlines.
    lines
        .into_iter()
        .map(|(entries, last)| finish_line(entries, width, align, last))
        .collect()
}

fn split_first_char<'a>(word: &[Frag<'a>], fonts: &FontSet, size: Pt) -> (Frags<'a>, Frags<'a>) {
    let Some(first) = word.first() else {
        return (SmallVec::new(), SmallVec::new());
    };
    let c = first.text.chars().next().unwrap_or(' ');
    let (h, t) = first.text.split_at(c.len_utf8());
    let face = fonts.face(first.face);
    let head = smallvec::smallvec![Frag {
        text: h,
        face: first.face,
        link: first.link.clone(),
        width: face.width(h, size),
    }];
    let mut tail = SmallVec::new();
    if !t.is_empty() {
        tail.push(Frag {
            text: t,
            face: first.face,
            link: first.link.clone(),
            width: face.width(t, size),
        });
    }
    tail.extend(word[1..].iter().cloned());
    (head, tail)
}

fn finish_line(entries: Vec<Entry<'_>>, width: Pt, align: Align, last: bool) -> Line {
    let natural: Pt = entries
        .iter()
        .map(|e| match e {
            Entry::Word(f) => word_width(f),
            Entry::Space(_, _, w) => *w,
        })
        .sum();
    let spaces = entries
        .iter()
        .filter(|e| matches!(e, Entry::Space(..)))
        .count();
    let (x0, extra) = match align {
        Align::Left => (Pt::ZERO, Pt::ZERO),
        Align::Right => (width - natural, Pt::ZERO),
        Align::Center => ((width - natural) / 2.0, Pt::ZERO),
        Align::Justify if last || spaces == 0 || natural.0 >= width.0 => (Pt::ZERO, Pt::ZERO),
        Align::Justify => (Pt::ZERO, (width - natural) / spaces as f64),
    };
    // Merge into runs of one face and link; spaces join the run before them
    // when they share its face, so that extracted text keeps its spaces.
    let mut runs: Vec<Run> = Vec::new();
    let mut push = |text: &str, face: Face, link: &Option<Arc<str>>, w: Pt, is_space: bool| {
        if let Some(last) = runs.last_mut()
            && last.face == face
            && &last.link == link
        {
            last.text.push_str(text);
            last.width += w;
            if is_space {
                last.width += extra;
            }
            return;
        }
        let x = runs.last().map_or(x0, |r| r.x + r.width);
        runs.push(Run {
            x,
            text: text.to_owned(),
            face,
            word_spacing: extra,
            width: w + if is_space { extra } else { Pt::ZERO },
            link: link.clone(),
        });
    };
    for e in &entries {
        match e {
            Entry::Word(frags) => {
                for f in frags {
                    push(f.text, f.face, &f.link, f.width, false);
                }
            }
            Entry::Space(face, link, w) => push(" ", *face, link, *w, true),
        }
    }
    for r in &mut runs {
        if !r.text.contains(' ') {
            r.word_spacing = Pt::ZERO;
        }
    }
    Line {
        runs,
        width: natural + extra * spaces as f64,
    }
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
            assert!(l.runs[0].word_spacing.0 > 0.0);
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
                "Pagu 17.680.042.000 [419548.DI.6397]",
                Face::Regular,
            )],
            &f,
            SIZE,
        );
        let figure = f.face(Face::Regular).width("17.680.042.000", SIZE);
        assert!(e.min_soft.approx_eq(figure), "{} {}", e.min_soft, figure);
        assert!(
            e.unbreakable.approx_eq(figure),
            "{} {}",
            e.unbreakable,
            figure
        );
        assert!(e.min.0 > figure.0);
        assert!(e.max.0 > e.min.0);
    }

    #[test]
    fn hyphenated_words_break_after_the_hyphen() {
        let f = fonts();
        let text = "diskusi tentang sub-kegiatan prioritas";
        let w = f.face(Face::Regular).width("diskusi tentang sub-", SIZE) + Pt(1.0);
        let lines = break_lines(&[Piece::new(text, Face::Regular)], &f, SIZE, w, Align::Left);
        assert_eq!(texts(&lines)[0], "diskusi tentang sub-");
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
}
