//! Total-fit line breaking of justified text, after Knuth and Plass,
//! "Breaking Paragraphs into Lines" (1981), as TeX does it.
//!
//! A paragraph is a list of items: boxes (pieces of words), glue (the
//! spaces, which may stretch by [`Justification::stretch`] and shrink by
//! [`Justification::shrink`] of their width) and penalties (the places a
//! word may break: at an Indonesian syllable or a soft hyphen, showing a
//! hyphen, or after a hyphen it has). The breaks chosen minimise the sum of
//! the lines' demerits over the whole paragraph: a line's badness (how far
//! its spaces are from their natural width), the penalty of a hyphen, extra
//! demerits for two hyphenated lines in a row, for a line much looser or
//! tighter than the one before, and for a hyphen on the second-to-last
//! line. The last line is set at its natural width (it may shrink, not
//! stretch). Constraints: at most two hyphenated lines in a row, and the
//! last word before the paragraph's end (or a forced line break) is never
//! broken.
//!
//! Every line is feasible in the second pass (a line looser than the
//! tolerance only costs more), so a breaking always exists; the first pass
//! keeps to the tolerance. A word wider than the whole line is split by
//! the greedy breaker (see `Breaker::place_word`), on lines of its own.
//!
//! Time and memory are linear in the text: the active list holds at most
//! [`MAX_ACTIVE`] break candidates (the oldest go first), and a paragraph
//! of more than [`WINDOW`] items is committed in windows: the lines of the
//! best breaking up to the window's last quarter are set, and breaking
//! goes on from there (a paragraph of several hundred lines is not optimal
//! over its whole length, only over each window).

use super::{Breaker, EPS, Event, Frag, SOFT_HYPHEN, Seg, SegKind};
use crate::text::hyphenate::{LONGEST_WORD, hyphenate_each};
use crate::text::unicode::has_soft_hyphen;
use crate::units::Pt;

/// How justified text is broken into lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Justification {
    /// Whether words may break at their Indonesian syllables.
    pub hyphenate: bool,
    /// The highest badness (100 × the adjustment ratio cubed) a line may
    /// have before a looser one is tried at all: TeX's `\tolerance`.
    pub tolerance: f64,
    /// How much a space may stretch at badness 100, as a fraction of its
    /// width.
    pub stretch: f64,
    /// How much a space may shrink at most, as a fraction of its width.
    pub shrink: f64,
}

impl Default for Justification {
    fn default() -> Self {
        Justification {
            hyphenate: true,
            tolerance: 200.0,
            stretch: 0.5,
            shrink: 0.4,
        }
    }
}

impl Justification {
    /// The settings made usable whatever a caller built: NaN and negative
    /// numbers count as the defaults or zero.
    fn sane(self) -> Self {
        let d = Justification::default();
        let pick = |v: f64, def: f64, max: f64| {
            if v.is_nan() { def } else { v.clamp(0.0, max) }
        };
        Justification {
            hyphenate: self.hyphenate,
            tolerance: pick(self.tolerance, d.tolerance, 1e6),
            stretch: pick(self.stretch, d.stretch, 100.0),
            shrink: pick(self.shrink, d.shrink, 0.9),
        }
    }
}

/// The most break candidates kept active; beyond, the oldest are dropped.
const MAX_ACTIVE: usize = 96;
/// Items of a paragraph before a window is committed.
const WINDOW: usize = 4096;
/// TeX's `\linepenalty`, `\hyphenpenalty` (300, six times TeX's: Indonesian
/// words break at most syllables, and fewer hyphens read better; on the
/// reference report 300 gives 79 hyphenated lines of 295 against 95 at 100,
/// and 1000 only 74, the rest being forced by the tolerance), `\adjdemerits`,
/// `\doublehyphendemerits`, `\finalhyphendemerits`.
const LINE_PENALTY: f64 = 10.0;
const HYPHEN_PENALTY: f64 = 300.0;
const ADJ_DEMERITS: f64 = 10_000.0;
const DOUBLE_HYPHEN_DEMERITS: f64 = 10_000.0;
const FINAL_HYPHEN_DEMERITS: f64 = 5_000.0;
/// The most hyphenated lines in a row.
const MAX_HYPHENS_IN_A_ROW: u8 = 2;
/// TeX's `\pretolerance`: a paragraph is first broken without hyphenating
/// its words (their soft hyphens, own hyphens and `/` still break), and
/// that breaking is kept if every line's badness is within this (spaces
/// stretched by at most [`Justification::stretch`]); only otherwise are
/// its words hyphenated and the paragraph broken again within
/// [`Justification::tolerance`]. Fewer hyphens, and most paragraphs never
/// need their words' syllables at all.
const PRETOLERANCE: f64 = 100.0;
/// The fewest bytes a word needs to break at a syllable: two letters
/// before the break and three after.
const SHORTEST_HYPHENATED: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A piece of a word.
    Box,
    /// A space.
    Glue,
    /// A place to break inside a word (`flagged`: the line then ends with
    /// a hyphen, shown by `hyphen` or the word's own), or between two
    /// words without a space (a zero width space).
    Penalty { hyphen: bool, flagged: bool },
}

/// An item: what it is, and its segment (for a penalty that shows a
/// hyphen, the hyphen's).
#[derive(Debug, Clone, Copy)]
struct Item {
    kind: Kind,
    seg: Seg,
}

/// A break candidate.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The item it breaks at (`items.len()` for the end).
    at: usize,
    /// The first item of the line after it.
    start: usize,
    fitness: u8,
    /// Hyphenated lines in a row ending here.
    hyphens: u8,
    total: f64,
    /// The candidate before (index in the arena); the first has itself.
    prev: usize,
}

/// How the items end.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    /// The paragraph ends (or a forced line break): the last line is not
    /// stretched.
    Final,
    /// More is to come: the best breaking so far, without a last line.
    Open,
}

/// Where breaking starts: the state of the line before.
#[derive(Debug, Clone, Copy)]
struct Start {
    fitness: u8,
    hyphens: u8,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            fitness: 1,
            hyphens: 0,
        }
    }
}

/// A word waiting for the event after it (is it the paragraph's last?);
/// its fragments are in `Justifier::pending_frags`.
struct Pending {
    width: Pt,
    figure: bool,
    space: Option<usize>,
}

/// A word whose items were made without its syllable breaks (the first
/// pass does without them): its items, and its fragments in
/// `Justifier::lazy_frags`.
struct Lazy {
    items: std::ops::Range<usize>,
    frags: std::ops::Range<usize>,
}

/// Total-fit breaking on top of a [`Breaker`], which sets the lines.
pub(super) struct Justifier<'b, 't, 'p> {
    b: &'b mut Breaker<'t, 'p>,
    j: Justification,
    /// The buffers, reused from word to word and from paragraph to
    /// paragraph (see [`Buffers`]).
    buf: Buffers,
    pending: Option<Pending>,
    space: Option<usize>,
    start: Start,
    /// The first line to set continues a word whose head has its whole
    /// text (the line before broke it).
    cont: bool,
    window: usize,
}

/// The buffers of a [`Justifier`]: empty between paragraphs, and kept
/// (one set per thread, see [`Buffers::take`]) so that each paragraph does
/// not grow them again from nothing.
#[derive(Default)]
pub(super) struct Buffers {
    items: Vec<Item>,
    /// The pending word's fragments (one buffer for all words).
    pending_frags: Vec<Frag>,
    /// The words of `items` not yet hyphenated, in order.
    lazy: Vec<Lazy>,
    lazy_frags: Vec<Frag>,
    /// A word's text, its breaks, and the items while they are remade with
    /// the syllable breaks.
    word_text: String,
    breaks: Vec<(usize, bool)>,
    spare: Vec<Item>,
    /// The breaking's buffers.
    kp: KpBuffers,
    /// The breaker's line under construction (see `Breaker::cur`).
    pub(super) cur: Vec<Seg>,
}

/// The buffers of [`Justifier::knuth_plass`]: prefix sums of width,
/// stretch and shrink, the break candidates, the active ones.
#[derive(Default)]
struct KpBuffers {
    sums: Vec<(f64, f64, f64)>,
    arena: Vec<Node>,
    active: Vec<usize>,
}

/// The most bytes a kept buffer may hold on to: one that grew larger (a
/// paragraph of megabytes) is given back, so that memory stays bounded by
/// the paragraph being broken.
const KEEP_BYTES: usize = 1 << 20;

thread_local! {
    /// The buffers of the last [`Justifier`] on this thread.
    static POOL: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
}

impl Buffers {
    /// This thread's kept buffers (empty), or new ones.
    pub(super) fn take() -> Buffers {
        POOL.with(std::cell::Cell::take)
    }

    /// Empties the buffers and keeps them for the next paragraph on this
    /// thread; a buffer larger than [`KEEP_BYTES`] is freed.
    pub(super) fn keep(mut self) {
        fn trim<T>(v: &mut Vec<T>) {
            v.clear();
            if v.capacity() * std::mem::size_of::<T>().max(1) > KEEP_BYTES {
                *v = Vec::new();
            }
        }
        trim(&mut self.items);
        trim(&mut self.pending_frags);
        trim(&mut self.lazy);
        trim(&mut self.lazy_frags);
        trim(&mut self.breaks);
        trim(&mut self.spare);
        trim(&mut self.kp.sums);
        trim(&mut self.kp.arena);
        trim(&mut self.kp.active);
        trim(&mut self.cur);
        self.word_text.clear();
        if self.word_text.capacity() > KEEP_BYTES {
            self.word_text = String::new();
        }
        POOL.with(|p| p.set(self));
    }
}

impl<'b, 't, 'p> Justifier<'b, 't, 'p> {
    pub(super) fn new(b: &'b mut Breaker<'t, 'p>, j: Justification, buf: Buffers) -> Self {
        Justifier {
            b,
            j: j.sane(),
            buf,
            pending: None,
            space: None,
            start: Start::default(),
            cont: false,
            window: WINDOW,
        }
    }

    /// Takes one event of the tokenizer.
    pub(super) fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Word(frags, width, figure) => {
                if let Some(p) = self.pending.take() {
                    self.place(p, true);
                }
                self.buf.pending_frags.clear();
                self.buf.pending_frags.extend_from_slice(frags);
                self.pending = Some(Pending {
                    width,
                    figure,
                    space: self.space.take(),
                });
            }
            Event::Space(piece) => self.space = Some(piece),
            Event::Newline => {
                if let Some(p) = self.pending.take() {
                    self.place(p, false);
                }
                self.space = None;
                self.set(End::Final);
            }
        }
    }

    /// Ends the text: sets what is left (an empty text is one empty line),
    /// and gives back the buffers.
    pub(super) fn finish(mut self) -> Buffers {
        if let Some(p) = self.pending.take() {
            self.place(p, false);
        }
        if !self.buf.items.is_empty() || self.b.lines.is_empty() {
            self.set(End::Final);
        }
        self.buf
    }

    fn width(&self) -> f64 {
        self.b.width.0
    }

    /// Adds the pending word (`breakable`: it may break inside, it is not
    /// the last).
    fn place(&mut self, p: Pending, breakable: bool) {
        let frags = std::mem::take(&mut self.buf.pending_frags);
        self.place_frags(&frags, p, breakable);
        self.buf.pending_frags = frags;
    }

    fn place_frags(&mut self, frags: &[Frag], p: Pending, breakable: bool) {
        if frags.is_empty() {
            return;
        }
        if p.width.0 > self.width() + EPS {
            // Wider than a line: set what is before it (its last line is
            // not stretched: a gap of an em or more would be worse), then
            // split it greedily on lines of its own; its last part starts
            // the next line.
            if !self.buf.items.is_empty() {
                self.set(End::Final);
            }
            self.b.pending_space = None;
            self.b.place_word(frags, p.width, p.figure);
            for seg in self.b.cur.drain(..) {
                self.buf.items.push(Item {
                    kind: Kind::Box,
                    seg,
                });
            }
            self.b.cur_width = Pt::ZERO;
            self.start = Start::default();
            self.cont = false;
            return;
        }
        if !self.buf.items.is_empty() {
            let item = match p.space {
                Some(piece) => Item {
                    kind: Kind::Glue,
                    seg: Seg {
                        piece,
                        start: 0,
                        end: 0,
                        width: self.b.face(piece).advance(' ', self.b.size),
                        kind: SegKind::Space,
                    },
                },
                None => Item {
                    kind: Kind::Penalty {
                        hyphen: false,
                        flagged: false,
                    },
                    seg: empty_seg(frags[0].piece),
                },
            };
            self.buf.items.push(item);
        }
        let lazy = breakable && !p.figure && self.j.hyphenate && self.may_hyphenate(frags);
        let first = self.buf.items.len();
        self.push_word(frags, p.figure, breakable, !lazy);
        if lazy {
            let from = self.buf.lazy_frags.len();
            self.buf.lazy_frags.extend_from_slice(frags);
            self.buf.lazy.push(Lazy {
                items: first..self.buf.items.len(),
                frags: from..self.buf.lazy_frags.len(),
            });
        }
        if self.buf.items.len() >= self.window {
            self.commit_open();
        }
    }

    /// Whether `frags`, a word without a hyphen of its own, might break at
    /// a syllable: it is long enough, and not too long.
    fn may_hyphenate(&self, frags: &[Frag]) -> bool {
        let len: usize = frags.iter().map(|f| f.end - f.start).sum();
        (SHORTEST_HYPHENATED..=LONGEST_WORD).contains(&len)
            && !frags
                .iter()
                .any(|f| self.b.texts[f.piece][f.start..f.end].contains('-'))
    }

    /// Where a word may break inside, as byte offsets into its text, with
    /// whether the break shows a hyphen, into `self.buf.breaks`: at its soft
    /// hyphens, after a `/` (see below), after its own hyphens, and, with
    /// `syllables`, at its syllables.
    fn inner_breaks(&mut self, frags: &[Frag], syllables: bool) {
        self.buf.breaks.clear();
        let len: usize = frags.iter().map(|f| f.end - f.start).sum();
        if len > LONGEST_WORD {
            return;
        }
        let mut text = std::mem::take(&mut self.buf.word_text);
        text.clear();
        for f in frags {
            text.push_str(&self.b.texts[f.piece][f.start..f.end]);
        }
        self.b.looked += text.len();
        self.breaks_of(&text, syllables);
        self.buf.word_text = text;
    }

    fn breaks_of(&mut self, text: &str, syllables: bool) {
        let out = &mut self.buf.breaks;
        let has_hyphen = text.contains('-');
        let soft_hyphen = has_soft_hyphen(text);
        let has_slash = text.contains('/');
        if !syllables && !has_hyphen && !soft_hyphen && !has_slash {
            return;
        }
        if soft_hyphen {
            for (i, c) in text.char_indices() {
                let after = i + c.len_utf8();
                if c == SOFT_HYPHEN && i > 0 && after < text.len() {
                    out.push((after, true));
                }
            }
        }
        // After a `/` in an address (not in its `//`), or between two
        // words of three letters or more (*Kabupaten/Kota*): no hyphen.
        let url = has_slash && text.contains("://");
        let letters = |t: &str| t.chars().take_while(|c| c.is_alphabetic()).count();
        if has_slash {
            for (i, c) in text.char_indices() {
                if c != '/' || i == 0 || i + 1 >= text.len() {
                    continue;
                }
                let (before, after) = (&text[..i], &text[i + 1..]);
                let ok = if url {
                    !before.ends_with('/') && !after.starts_with('/') && !before.ends_with(':')
                } else {
                    let back: String = before.chars().rev().collect();
                    let lower = |t: &str| {
                        t.chars()
                            .take_while(|c| c.is_alphabetic())
                            .any(char::is_lowercase)
                    };
                    letters(&back) >= 3 && letters(after) >= 3 && lower(&back) && lower(after)
                };
                if ok {
                    out.push((i + 1, false));
                }
            }
        }
        // Without a hyphen of its own, a word breaks only at its
        // syllables, which are not asked for.
        if (syllables && text.len() >= SHORTEST_HYPHENATED) || has_hyphen {
            let keep_syllables = syllables && self.j.hyphenate;
            hyphenate_each(text, |at| {
                let after_hyphen = text[..at].ends_with('-');
                if after_hyphen || keep_syllables {
                    out.push((at, !after_hyphen));
                }
            });
        }
        out.sort_unstable();
        out.dedup_by_key(|b| b.0);
        // Never before a combining mark (none in ASCII).
        if text.is_ascii() {
            return;
        }
        out.retain(|&(at, _)| {
            !text[at..]
                .chars()
                .next()
                .is_some_and(unicode_normalization::char::is_combining_mark)
        });
    }

    /// Adds a word's boxes and the penalties between them (`syllables`:
    /// breaks at its syllables too).
    fn push_word(&mut self, frags: &[Frag], figure: bool, breakable: bool, syllables: bool) {
        if breakable && !figure {
            self.inner_breaks(frags, syllables);
        } else {
            self.buf.breaks.clear();
        }
        let breaks = std::mem::take(&mut self.buf.breaks);
        self.push_pieces(frags, &breaks);
        self.buf.breaks = breaks;
    }

    /// Adds a word's boxes, broken at `breaks`, and a penalty at each.
    fn push_pieces(&mut self, frags: &[Frag], breaks: &[(usize, bool)]) {
        if breaks.is_empty() {
            for f in frags {
                self.buf.items.push(Item {
                    kind: Kind::Box,
                    seg: Seg {
                        piece: f.piece,
                        start: f.start,
                        end: f.end,
                        width: f.width,
                        kind: SegKind::Text,
                    },
                });
            }
            return;
        }
        let size = self.b.size;
        let mut next = 0;
        let mut global = 0;
        // Each iteration measures one fragment's characters once.
        for f in frags {
            let face = self.b.fonts.face(self.b.pieces[f.piece].face);
            let text = &self.b.texts[f.piece][f.start..f.end];
            let mut from = f.start;
            let mut width = Pt::ZERO;
            for (i, c) in text.char_indices() {
                self.b.looked += 1;
                width += face.advance(c, size);
                let after = global + i + c.len_utf8();
                if breaks.get(next).is_some_and(|b| b.0 == after) {
                    let hyphen = breaks[next].1;
                    next += 1;
                    let end = f.start + i + c.len_utf8();
                    self.buf.items.push(Item {
                        kind: Kind::Box,
                        seg: Seg {
                            piece: f.piece,
                            start: from,
                            end,
                            width,
                            kind: SegKind::Text,
                        },
                    });
                    let mut seg = empty_seg(f.piece);
                    if hyphen {
                        seg.width = face.advance('-', size);
                        seg.kind = SegKind::Hyphen;
                    }
                    self.buf.items.push(Item {
                        kind: Kind::Penalty {
                            hyphen,
                            flagged: true,
                        },
                        seg,
                    });
                    from = end;
                    width = Pt::ZERO;
                }
            }
            if from < f.end {
                self.buf.items.push(Item {
                    kind: Kind::Box,
                    seg: Seg {
                        piece: f.piece,
                        start: from,
                        end: f.end,
                        width,
                        kind: SegKind::Text,
                    },
                });
            }
            global += text.len();
        }
    }

    /// Sets all the items as lines, the last as `end` says.
    fn set(&mut self, end: End) {
        if self.buf.items.is_empty() {
            if end == End::Final {
                self.b.finish_line(true);
            }
            self.start = Start::default();
            self.cont = false;
            return;
        }
        let chain = self.solve_lazily(end);
        let n = self.buf.items.len();
        let mut s = first_box(&self.buf.items, 0);
        for node in &chain {
            let last = node.at >= n;
            self.set_line(s, node.at, last && end == End::Final);
            s = first_box(&self.buf.items, node.at + 1);
        }
        self.buf.items.clear();
        self.buf.lazy.clear();
        self.buf.lazy_frags.clear();
        self.start = Start::default();
        self.cont = false;
    }

    /// Sets the lines of the best breaking so far up to the window's last
    /// quarter, and keeps the rest.
    fn commit_open(&mut self) {
        // A window is broken with every word's syllables (the first pass
        // without them is for paragraphs).
        self.expand();
        let n = self.buf.items.len();
        let keep_from = n - n / 4;
        let chain = self.solve(End::Open);
        let chosen: Vec<Node> = chain.into_iter().filter(|c| c.at < keep_from).collect();
        let Some(last) = chosen.last().copied() else {
            // No break early enough (lines longer than the window): try
            // again with twice the window, so that the work stays linear.
            self.window = self.window.saturating_mul(2);
            return;
        };
        let mut s = first_box(&self.buf.items, 0);
        for node in &chosen {
            self.set_line(s, node.at, false);
            s = first_box(&self.buf.items, node.at + 1);
        }
        self.buf.items.drain(..s.min(n));
        self.start = Start {
            fitness: last.fitness,
            hyphens: last.hyphens,
        };
        self.window = WINDOW.max(self.buf.items.len() * 2);
    }

    /// Sets the items `s..e` as a line (breaking at item `e`, or at the end
    /// if `e` is past the items).
    fn set_line(&mut self, s: usize, e: usize, last: bool) {
        let n = self.buf.items.len();
        let e = e.min(n);
        debug_assert!(self.b.cur.is_empty());
        let mut first_glue: Option<usize> = None;
        let mut head_start = 0;
        let mut natural = Pt::ZERO;
        let mut spaces = Pt::ZERO;
        for item in &self.buf.items[s.min(e)..e] {
            match item.kind {
                Kind::Box => self.b.cur.push(item.seg),
                Kind::Glue => {
                    first_glue.get_or_insert(self.b.cur.len());
                    spaces += item.seg.width;
                    self.b.cur.push(item.seg);
                    head_start = self.b.cur.len();
                }
                Kind::Penalty { flagged: false, .. } => {
                    first_glue.get_or_insert(self.b.cur.len());
                    head_start = self.b.cur.len();
                }
                Kind::Penalty { .. } => {}
            }
            natural += if matches!(item.kind, Kind::Penalty { .. }) {
                Pt::ZERO
            } else {
                item.seg.width
            };
        }
        let mut flagged = false;
        let mut head = None;
        if let Some(Item {
            kind:
                Kind::Penalty {
                    hyphen,
                    flagged: true,
                },
            seg,
        }) = self.buf.items.get(e).copied()
        {
            flagged = true;
            if hyphen {
                natural += seg.width;
                self.b.cur.push(seg);
            }
            head = self.word_from(head_start_item(&self.buf.items, s, e));
        }
        let cont = if self.cont {
            first_glue.unwrap_or(usize::MAX)
        } else {
            0
        };
        // The head carries the word's whole text, unless the whole line is
        // the middle of the word (the first line's head carries it).
        let head_at = if cont == usize::MAX {
            None
        } else {
            head.map(|h| (head_start, h))
        };
        self.cont = flagged && (cont == usize::MAX || head_at.is_some());
        let room = self.b.width - natural;
        let ratio = if spaces.0 > 0.0 && !(last && room.0 >= 0.0) {
            Some(room.0 / spaces.0)
        } else {
            None
        };
        self.b.line_cont = cont;
        self.b.line_head = head_at;
        self.b.line_ratio = ratio;
        self.b.line_flagged = flagged;
        // A break at a glue is a break at a space between words.
        self.b.line_space = !last
            && self
                .buf
                .items
                .get(e)
                .is_some_and(|i| matches!(i.kind, Kind::Glue));
        self.b.finish_line(last || ratio.is_none());
    }

    /// The text of the word whose head starts at item `from`, to its end,
    /// without soft hyphens; `None` if it is longer than a word can be.
    fn word_from(&self, from: usize) -> Option<String> {
        let mut out = String::new();
        for item in &self.buf.items[from..] {
            match item.kind {
                Kind::Box => {
                    let t = &self.b.texts[item.seg.piece][item.seg.start..item.seg.end];
                    out.extend(t.chars().filter(|&c| c != SOFT_HYPHEN));
                    if out.len() > LONGEST_WORD {
                        return None;
                    }
                }
                Kind::Penalty { flagged: true, .. } => {}
                _ => break,
            }
        }
        Some(out)
    }

    /// The best breaking of the items: without the syllable breaks of the
    /// words not yet hyphenated if every line is within [`PRETOLERANCE`],
    /// else (with them) as [`Justifier::solve`].
    fn solve_lazily(&mut self, end: End) -> Vec<Node> {
        if !self.buf.lazy.is_empty() {
            if let Some(chain) = self.knuth_plass(end, self.j.tolerance.min(PRETOLERANCE)) {
                return chain;
            }
            self.expand();
        }
        self.solve(end)
    }

    /// Remakes the items of the words not yet hyphenated with their
    /// syllable breaks. Each word is hyphenated once; the items are copied
    /// once.
    fn expand(&mut self) {
        if self.buf.lazy.is_empty() {
            return;
        }
        let mut old = std::mem::take(&mut self.buf.spare);
        old.clear();
        std::mem::swap(&mut old, &mut self.buf.items);
        let lazy = std::mem::take(&mut self.buf.lazy);
        let frags = std::mem::take(&mut self.buf.lazy_frags);
        let mut last = 0;
        // Each iteration copies the items before a word and remakes it.
        for w in &lazy {
            self.buf.items.extend_from_slice(&old[last..w.items.start]);
            self.push_word(&frags[w.frags.clone()], false, true, true);
            last = w.items.end;
        }
        self.buf.items.extend_from_slice(&old[last..]);
        self.buf.spare = old;
        self.buf.lazy = lazy;
        self.buf.lazy.clear();
        self.buf.lazy_frags = frags;
        self.buf.lazy_frags.clear();
    }

    /// The best breaking of the items: a first pass within the tolerance,
    /// else one where every line that fits is allowed, else first fit.
    fn solve(&mut self, end: End) -> Vec<Node> {
        self.knuth_plass(end, self.j.tolerance)
            .or_else(|| self.knuth_plass(end, f64::INFINITY))
            .unwrap_or_else(|| self.first_fit())
    }

    fn knuth_plass(&mut self, end: End, tolerance: f64) -> Option<Vec<Node>> {
        let mut buf = std::mem::take(&mut self.buf.kp);
        let chain = self.knuth_plass_in(end, tolerance, &mut buf);
        self.buf.kp = buf;
        chain
    }

    fn knuth_plass_in(&self, end: End, tolerance: f64, buf: &mut KpBuffers) -> Option<Vec<Node>> {
        let items = &self.buf.items;
        let KpBuffers {
            sums,
            arena,
            active,
        } = buf;
        prefix_sums(items, (self.j.stretch, self.j.shrink), sums);
        let lines = Lines {
            sums,
            width: self.width(),
            tolerance,
        };
        arena.clear();
        active.clear();
        arena.push(Node {
            at: usize::MAX,
            start: first_box(items, 0),
            fitness: self.start.fitness,
            hyphens: self.start.hyphens,
            total: 0.0,
            prev: 0,
        });
        active.push(0);
        // Each iteration looks at one item and at most MAX_ACTIVE nodes.
        for (i, item) in items.iter().enumerate() {
            let brk = match item.kind {
                Kind::Glue if i > 0 && items[i - 1].kind == Kind::Box => Break {
                    width: 0.0,
                    flagged: false,
                    cost: 0.0,
                },
                Kind::Penalty { hyphen, flagged } => Break {
                    width: if hyphen { item.seg.width.0 } else { 0.0 },
                    flagged,
                    cost: if flagged { HYPHEN_PENALTY } else { 0.0 },
                },
                _ => continue,
            };
            let best = lines.best_before(arena, active, i, brk);
            let next = first_box(items, i + 1);
            for (fit, row) in best.iter().enumerate() {
                for (hyphens, slot) in row.iter().enumerate() {
                    if let Some((total, prev)) = *slot {
                        arena.push(Node {
                            at: i,
                            start: next,
                            fitness: fit as u8,
                            hyphens: hyphens as u8,
                            total,
                            prev,
                        });
                        active.push(arena.len() - 1);
                    }
                }
            }
            if active.len() > MAX_ACTIVE {
                let extra = active.len() - MAX_ACTIVE;
                active.drain(..extra);
            }
            if active.is_empty() {
                return None;
            }
        }
        let last = lines.last_line(arena, active, end, items.len())?;
        let mut chain = Vec::new();
        let mut node = last;
        // Each iteration steps back to an earlier node; the first points
        // to itself and ends the walk.
        while node.at != usize::MAX {
            chain.push(node);
            node = arena[node.prev];
        }
        chain.reverse();
        Some(chain)
    }

    /// First fit over the items: the last resort, if no breaking was found
    /// (never, as every single word fits a line).
    fn first_fit(&self) -> Vec<Node> {
        let items = &self.buf.items;
        let n = items.len();
        let width = self.width();
        let node = |at: usize| Node {
            at,
            start: first_box(items, at + 1),
            fitness: 1,
            hyphens: 0,
            total: 0.0,
            prev: 0,
        };
        let size = |it: &Item| match it.kind {
            Kind::Penalty { .. } => 0.0,
            _ => it.seg.width.0,
        };
        let mut chain = Vec::new();
        let first = first_box(items, 0);
        let mut s = first;
        let mut w = 0.0;
        let mut last_break = None;
        // Each iteration looks at the next item; a break re-measures only
        // the line it starts.
        for i in first..n {
            let item = &items[i];
            if item.kind != Kind::Box {
                if i > s {
                    last_break = Some(i);
                }
                w += size(item);
                continue;
            }
            if w + size(item) > width + EPS
                && let Some(b) = last_break.take()
            {
                chain.push(node(b));
                s = first_box(items, b + 1);
                w = items[s.min(i)..i].iter().map(size).sum();
            }
            w += size(item);
        }
        chain.push(node(n));
        chain
    }
}

/// An empty segment of a piece (a penalty that shows nothing).
fn empty_seg(piece: usize) -> Seg {
    Seg {
        piece,
        start: 0,
        end: 0,
        width: Pt::ZERO,
        kind: SegKind::Text,
    }
}

/// A place to break a line: the width of what it shows there (a hyphen),
/// whether it is a hyphen's, and its penalty.
#[derive(Debug, Clone, Copy)]
struct Break {
    width: f64,
    flagged: bool,
    cost: f64,
}

/// The best node to break from for each fitness class (rows) and count of
/// hyphenated lines in a row (0, 1, 2): its total demerits and its index in
/// the arena.
type Best = [[Option<(f64, usize)>; 3]; 4];

/// Fills `sums` with the prefix sums of the items' width, stretch and
/// shrink (`stretch` and `shrink` are the glue's, as fractions of its width).
fn prefix_sums(items: &[Item], (stretch, shrink): (f64, f64), sums: &mut Vec<(f64, f64, f64)>) {
    sums.clear();
    let mut acc = (0.0, 0.0, 0.0);
    sums.push(acc);
    for item in items {
        match item.kind {
            Kind::Box => acc.0 += item.seg.width.0,
            Kind::Glue => {
                acc.0 += item.seg.width.0;
                acc.1 += item.seg.width.0 * stretch;
                acc.2 += item.seg.width.0 * shrink;
            }
            Kind::Penalty { .. } => {}
        }
        sums.push(acc);
    }
}

/// The lines of one paragraph, measured from the prefix sums of its items.
struct Lines<'s> {
    sums: &'s [(f64, f64, f64)],
    width: f64,
    tolerance: f64,
}

impl Lines<'_> {
    /// The width, stretch and shrink of the line from item `from` to `to`.
    #[inline]
    fn line(&self, from: usize, to: usize) -> (f64, f64, f64) {
        let (a, b) = (self.sums[from], self.sums[to]);
        (b.0 - a.0, b.1 - a.1, b.2 - a.2)
    }

    /// Whether the line from item `from` to `to` is too wide even shrunk.
    #[inline]
    fn overfull(&self, from: usize, to: usize) -> bool {
        let (w, _, z) = self.line(from, to);
        w - z > self.width + EPS
    }

    /// The best nodes to break from at item `i`, among the active ones;
    /// drops those whose line to `i` is overfull (so will be every longer
    /// one).
    fn best_before(&self, arena: &[Node], active: &mut Vec<usize>, i: usize, brk: Break) -> Best {
        let mut best: Best = [[None; 3]; 4];
        // The active nodes are in the order of their breaks, so the lines
        // from them to here get shorter and looser along the list: the ones
        // too long to fit come first (they are dropped), and once a line is
        // looser than the tolerance, so are all after it (they stay,
        // untouched).
        let mut overfull = 0;
        // Whether the overfull nodes are the first ones of the list.
        let mut overfull_first = true;
        // The lowest total of the nodes from the first very loose line on,
        // by hyphens (see `all_beaten`).
        let mut lowest: Option<[f64; 3]> = None;
        for (k, &a) in active.iter().enumerate() {
            let node = arena[a];
            if node.start > i {
                break;
            }
            #[cfg(test)]
            tests::VISITS.with(|v| v.set(v.get() + 1));
            let (w, y, z) = self.line(node.start, i);
            if w - z > self.width + EPS {
                overfull_first &= overfull == k;
                overfull += 1;
                continue;
            }
            let r = ratio(w + brk.width, y, z, self.width);
            if r < -1.0 - EPS {
                continue;
            }
            let bad = badness(r);
            if bad > self.tolerance {
                if r > 0.0 {
                    break;
                }
                continue;
            }
            #[cfg(test)]
            let prune = !tests::UNPRUNED.with(std::cell::Cell::get);
            #[cfg(not(test))]
            let prune = true;
            if r > 1.0 && prune {
                let low = *lowest.get_or_insert_with(|| lowest_totals(arena, &active[k..]));
                if all_beaten(
                    &best,
                    low,
                    (LINE_PENALTY + bad).powi(2) + brk.cost * brk.cost,
                    brk.flagged,
                ) {
                    break;
                }
            }
            consider(&mut best, node, a, r, brk);
        }
        if overfull > 0 {
            // The nodes after one whose line fits are not overfull (their
            // lines are no wider); drop the overfull ones.
            if overfull_first {
                active.drain(..overfull);
            } else {
                active.retain(|&a| {
                    let node = arena[a];
                    node.start > i || !self.overfull(node.start, i)
                });
            }
        }
        best
    }

    /// The best last line (to item `n`, the end of the items) from the
    /// active nodes: its node at the end.
    fn last_line(&self, arena: &[Node], active: &[usize], end: End, n: usize) -> Option<Node> {
        let mut chosen: Option<(f64, Node)> = None;
        for &a in active {
            let node = arena[a];
            if node.start >= n && node.at != usize::MAX {
                continue;
            }
            let candidate = match end {
                End::Open => Some((node.total, node)),
                _ => self.closing(node, a, end, n),
            };
            if let Some((total, node)) = candidate
                && chosen.is_none_or(|(t, _)| total < t)
            {
                chosen = Some((total, node));
            }
        }
        chosen.map(|(_, node)| node)
    }

    /// The last line from `node` (index `a`) to the end `n`, as a node at
    /// the end with its total demerits; `None` if it does not fit.
    fn closing(&self, node: Node, a: usize, end: End, n: usize) -> Option<(f64, Node)> {
        let (w, y, z) = self.line(node.start.min(n), n);
        let r = match end {
            End::Final if w <= self.width + EPS => 0.0,
            _ => ratio(w, y, z, self.width),
        };
        if w - z > self.width + EPS || r < -1.0 - EPS {
            return None;
        }
        let mut d = (LINE_PENALTY + badness(r)).powi(2);
        if node.hyphens > 0 {
            d += FINAL_HYPHEN_DEMERITS;
        }
        let total = node.total + d;
        let last = Node {
            at: n,
            start: n,
            fitness: fitness(r),
            hyphens: 0,
            total,
            prev: a,
        };
        Some((total, last))
    }
}

/// The lowest total among `nodes`, by their hyphenated lines in a row (0,
/// 1, 2 or more).
fn lowest_totals(arena: &[Node], nodes: &[usize]) -> [f64; 3] {
    let mut low = [f64::INFINITY; 3];
    for &b in nodes {
        let n = &arena[b];
        let h = usize::from(n.hyphens.min(2));
        low[h] = low[h].min(n.total);
    }
    low
}

/// Whether no node from a very loose line on can beat the candidates
/// already in `best`. Such a line's ratio and badness only grow along the
/// active list (in floating point too: each step is monotonic), so the
/// lines from the later nodes are at least as bad: their totals are at
/// least `low` (the lowest among them) plus this line's demerits `d`. Once
/// that cannot beat the best very loose candidate in any place they could
/// take, none of them can (a candidate replaces another only if lower), and
/// the rest of the list is skipped: the same breaking, in far fewer steps
/// when the tolerance is infinite.
fn all_beaten(best: &Best, low: [f64; 3], d: f64, flagged: bool) -> bool {
    let beaten = |from: f64, to: usize| {
        from == f64::INFINITY || best[3][to].is_some_and(|(t, _)| from + d >= t)
    };
    if flagged {
        beaten(low[0], 1) && beaten(low[1], 2)
    } else {
        beaten(low[0].min(low[1]).min(low[2]), 0)
    }
}

/// Puts the line from `node` (index `a`) to a break with adjustment ratio
/// `r` among the candidates, if it is the best of its fitness class and
/// hyphen count.
#[inline]
fn consider(best: &mut Best, node: Node, a: usize, r: f64, brk: Break) {
    let hyphens = if brk.flagged { node.hyphens + 1 } else { 0 };
    if hyphens > MAX_HYPHENS_IN_A_ROW {
        return;
    }
    let fit = fitness(r);
    let mut d = (LINE_PENALTY + badness(r)).powi(2) + brk.cost * brk.cost;
    if brk.flagged && node.hyphens > 0 {
        d += DOUBLE_HYPHEN_DEMERITS;
    }
    if fit.abs_diff(node.fitness) > 1 {
        d += ADJ_DEMERITS;
    }
    let total = node.total + d;
    let slot = &mut best[fit as usize][hyphens as usize];
    if slot.is_none_or(|(t, _)| total < t) {
        *slot = Some((total, a));
    }
}

/// The first box at or after `i` (a line starts there: spaces and breaks
/// after a break are dropped), or the number of items.
fn first_box(items: &[Item], i: usize) -> usize {
    items
        .get(i..)
        .and_then(|rest| rest.iter().position(|it| it.kind == Kind::Box))
        .map_or(items.len(), |p| i + p)
}

/// The first item of the word that ends the line `s..e` (after its last
/// space or word break).
fn head_start_item(items: &[Item], s: usize, e: usize) -> usize {
    let mut at = s;
    for (k, item) in items.iter().enumerate().take(e).skip(s) {
        if matches!(item.kind, Kind::Glue | Kind::Penalty { flagged: false, .. }) {
            at = k + 1;
        }
    }
    at
}

/// The adjustment ratio of a line of natural width `w`, stretch `y` and
/// shrink `z` set `width` wide: positive if its spaces stretch.
fn ratio(w: f64, y: f64, z: f64, width: f64) -> f64 {
    if w < width - EPS {
        if y > 0.0 { (width - w) / y } else { 1e4 }
    } else if w > width + EPS {
        if z > 0.0 { (width - w) / z } else { -1e4 }
    } else {
        0.0
    }
}

/// TeX's badness: 100 × |r|³, bounded.
fn badness(r: f64) -> f64 {
    (100.0 * r.abs().powi(3)).min(1e10)
}

/// Fitness classes: tight, decent, loose, very loose.
fn fitness(r: f64) -> u8 {
    if r < -0.5 {
        0
    } else if r <= 0.5 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Line, Piece, break_lines, break_lines_with};
    use super::*;
    use crate::text::{Align, Face, FontSet};

    const SIZE: Pt = Pt(11.0);

    thread_local! {
        /// The active nodes looked at by `knuth_plass_in` on this thread.
        pub(super) static VISITS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// Whether `knuth_plass_in` looks at every active node (no skipping
        /// of very loose lines that cannot win).
        pub(super) static UNPRUNED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    /// A paragraph of the reference report.
    const TEXT: &str = "Kegiatan yang sudah dilakukan untuk mendukung ketercapaian IKK 1.1 adalah \
        pendampingan penyusunan dokumen perencanaan pendidikan daerah, sosialisasi kebijakan \
        pendidikan inklusif kepada kepala sekolah dan pengawas, serta pelaksanaan bimbingan \
        teknis pemanfaatan rapor pendidikan bagi satuan pendidikan di Provinsi Bengkulu \
        dilaksanakan secara daring dan luring pada bulan April sampai dengan Juni 2024.";

    /// The widest gap between words on a justified line, in em.
    fn widest_gap(lines: &[Line], fonts: &FontSet) -> f64 {
        let space = fonts.face(Face::Regular).advance(' ', SIZE);
        lines[..lines.len() - 1]
            .iter()
            .flat_map(|l| &l.runs)
            .filter(|r| r.text.contains(' '))
            .map(|r| (space + r.word_spacing).0 / SIZE.0)
            .fold(0.0, f64::max)
    }

    #[test]
    fn total_fit_is_more_even_than_first_fit_and_fills_every_line() {
        let fonts = FontSet::liberation_sans();
        let pieces = [Piece::new(TEXT, Face::Regular)];
        for width in [Pt(200.0), Pt(260.0), Pt(330.0)] {
            let lines = break_lines(&pieces, &fonts, SIZE, width, Align::Justify);
            let greedy = break_lines(&pieces, &fonts, SIZE, width, Align::Left);
            // Greedy lines justified: their gaps.
            let greedy_gap = greedy[..greedy.len() - 1]
                .iter()
                .map(|l| {
                    let spaces = l
                        .runs
                        .iter()
                        .map(|r| r.text.matches(' ').count())
                        .sum::<usize>();
                    let space = fonts.face(Face::Regular).advance(' ', SIZE);
                    (space + (width - l.width) / spaces.max(1) as f64).0 / SIZE.0
                })
                .fold(0.0, f64::max);
            let gap = widest_gap(&lines, &fonts);
            assert!(gap < greedy_gap, "{width}: {gap} vs greedy {greedy_gap}");
            assert!(gap < 0.7, "{width}: {gap} {:?}", texts(&lines));
            let (last, rest) = lines.split_last().unwrap();
            for l in rest {
                assert!(l.width.approx_eq(width), "{width}: {l:?}");
            }
            assert!(last.width.0 <= width.0 + 1e-6);
            // Every word is kept, the hyphens of broken words aside.
            let all: String = texts(&lines).concat().replace(['-', ' '], "");
            assert_eq!(all, TEXT.replace(' ', ""));
        }
    }

    #[test]
    fn hyphens_follow_the_rules_and_extract_as_whole_words() {
        let fonts = FontSet::liberation_sans();
        let pieces = [Piece::new(TEXT, Face::Regular)];
        let mut hyphenated_somewhere = false;
        for w in 150..=330 {
            let width = Pt(f64::from(w));
            let lines = break_lines(&pieces, &fonts, SIZE, width, Align::Justify);
            let ends: Vec<bool> = lines.iter().map(|l| l.hyphenated).collect();
            // At most two hyphenated lines in a row, and never the last
            // word of the paragraph ("2024." is last; "Juni" before it).
            assert!(
                !ends.windows(3).any(|w| w.iter().all(|h| *h)),
                "{width}: {ends:?}"
            );
            assert!(!lines[lines.len() - 1].hyphenated);
            if lines.len() >= 2 {
                assert!(!texts(&lines)[lines.len() - 2].ends_with("20-"));
            }
            for (i, l) in lines.iter().enumerate() {
                if !l.hyphenated {
                    continue;
                }
                hyphenated_somewhere = true;
                // The head names the whole word; the next line's start reads
                // as nothing.
                let head = l.runs.last().unwrap();
                let whole = head.actual_text.as_deref().unwrap();
                let next = &lines[i + 1].runs[0];
                assert_eq!(next.actual_text.as_deref(), Some(""));
                let shown = format!("{}{}", head.text.trim_end_matches('-'), next.text);
                assert_eq!(whole, shown, "{width}");
                assert!(TEXT.contains(whole), "{whole}");
            }
        }
        assert!(hyphenated_somewhere);
        // Without hyphenation: no word is broken.
        let j = Justification {
            hyphenate: false,
            ..Justification::default()
        };
        for w in 150..=330 {
            let lines =
                break_lines_with(&pieces, &fonts, SIZE, Pt(f64::from(w)), Align::Justify, j);
            assert!(lines.iter().all(|l| !l.hyphenated), "{w}");
        }
    }

    /// The words [`hyphenate`] looks at while `f` runs.
    fn hyphenated(f: impl FnOnce()) -> usize {
        use crate::text::hyphenate::HYPHENATED;
        HYPHENATED.with(|h| h.set(0));
        f();
        HYPHENATED.with(|h| h.get())
    }

    #[test]
    fn words_are_hyphenated_only_when_the_first_pass_fails() {
        let fonts = FontSet::liberation_sans();
        let pieces = [Piece::new(TEXT, Face::Regular)];
        // On one line, or in lines within the pretolerance: no word is
        // hyphenated at all.
        let calls = hyphenated(|| {
            break_lines(&pieces, &fonts, SIZE, Pt(5000.0), Align::Justify);
        });
        assert_eq!(calls, 0);
        let (mut without, mut with) = (0, 0);
        // Up to the 16 cm of the report's text.
        for w in 150..=460 {
            let width = Pt(f64::from(w));
            let mut lines = Vec::new();
            let calls = hyphenated(|| {
                lines = break_lines(&pieces, &fonts, SIZE, width, Align::Justify);
            });
            if calls == 0 {
                // The first pass: no hyphen, every line within the
                // pretolerance (spaces stretched by at most half).
                without += 1;
                assert!(lines.iter().all(|l| !l.hyphenated), "{width}");
                let space = fonts.face(Face::Regular).advance(' ', SIZE);
                let most = (space * (1.0 + Justification::default().stretch)).0 / SIZE.0;
                assert!(widest_gap(&lines, &fonts) <= most + 1e-9, "{width}");
            } else {
                // The second pass hyphenates each word of the paragraph
                // once at most, and only those of five letters or more
                // (41 of its 50 words).
                with += 1;
                assert!(calls <= 41, "{width}: {calls}");
            }
        }
        assert!(without > 0 && with > 0, "{without} {with}");
    }

    #[test]
    fn a_long_paragraph_keeps_the_active_list_and_the_window_bounded() {
        // Many windows: every word kept, in order, every line full.
        let fonts = FontSet::liberation_sans();
        let text = format!("{TEXT} ").repeat(300);
        let pieces = [Piece::new(text.as_str(), Face::Regular)];
        let width = Pt(300.0);
        let lines = break_lines(&pieces, &fonts, SIZE, width, Align::Justify);
        let all: String = texts(&lines).concat().replace(['-', ' '], "");
        assert_eq!(all, text.replace(' ', ""));
        for l in &lines[..lines.len() - 1] {
            assert!(l.width.approx_eq(width));
        }
        assert!(widest_gap(&lines, &fonts) < 0.6);
    }

    #[test]
    fn buffers_kept_between_paragraphs_change_nothing_and_stay_small() {
        let fonts = FontSet::liberation_sans();
        let para = |t: &str, w: f64| {
            let pieces = [Piece::new(t, Face::Regular)];
            break_lines(&pieces, &fonts, SIZE, Pt(w), Align::Justify)
        };
        // A paragraph broken with fresh buffers, then after others (a
        // longer one, a narrower one, a greedy one) with the kept ones.
        POOL.with(std::cell::Cell::take);
        let fresh = para(TEXT, 300.0);
        let long = format!("{TEXT} ").repeat(20);
        para(&long, 200.0);
        let pieces = [Piece::new(TEXT, Face::Regular)];
        break_lines(&pieces, &fonts, SIZE, Pt(120.0), Align::Left);
        assert_eq!(para(TEXT, 300.0), fresh);
        // Buffers grown by a paragraph of megabytes are not kept; small
        // ones are, emptied.
        let mut grown = Buffers::take();
        grown.items.reserve(KEEP_BYTES);
        grown.kp.arena.reserve(KEEP_BYTES);
        grown.cur.push(empty_seg(0));
        grown.breaks.reserve(16);
        let small = grown.breaks.capacity();
        grown.keep();
        let kept = Buffers::take();
        assert!(kept.cur.is_empty());
        assert_eq!(kept.items.capacity(), 0);
        assert_eq!(kept.kp.arena.capacity(), 0);
        assert_eq!(kept.breaks.capacity(), small);
        for b in [
            kept.cur.capacity() * std::mem::size_of::<Seg>(),
            kept.spare.capacity() * std::mem::size_of::<Item>(),
            kept.kp.sums.capacity() * std::mem::size_of::<(f64, f64, f64)>(),
        ] {
            assert!(b <= KEEP_BYTES, "{b} bytes kept");
        }
    }

    #[test]
    fn skipping_very_loose_lines_that_cannot_win_changes_no_break() {
        // Narrow measures make the tolerance fail, so that every line that
        // fits is a candidate: the same lines with and without skipping,
        // in a fraction of the steps.
        let fonts = FontSet::liberation_sans();
        let text = format!(
            "{TEXT} [419548.DI.6397.QDB.750] Satuan pendidikan (SK 1.0) \
             https://bpmpbengkulu.kemdikbud.go.id/laporan {TEXT}"
        );
        let pieces = [Piece::new(text.as_str(), Face::Regular)];
        let (mut with, mut without) = (0, 0);
        for w in (90..=330).step_by(12) {
            let lines = |unpruned: bool| {
                UNPRUNED.with(|u| u.set(unpruned));
                VISITS.with(|v| v.set(0));
                let lines = break_lines(&pieces, &fonts, SIZE, Pt(f64::from(w)), Align::Justify);
                UNPRUNED.with(|u| u.set(false));
                (lines, VISITS.with(std::cell::Cell::get))
            };
            let (all, slow) = lines(true);
            let (skipped, fast) = lines(false);
            assert_eq!(skipped, all, "at {w} pt");
            with += fast;
            without += slow;
        }
        assert!(with * 2 < without, "{with} steps against {without}");
    }
}
