//! Page content streams, written directly as bytes.
//!
//! printpdf turns each drawing operation into lopdf objects and formats
//! them one by one; measured on an 1,100-page report that took 0.4 ms per
//! page and held every page's operations in memory twice. lapkin's pages
//! use a handful of operators (text runs, rules, filled boxes), so this
//! module writes them straight into a byte buffer, page by page, with
//! coordinates rounded to 1/100 pt (0.0035 mm). Everything else in the
//! file (fonts, their ToUnicode maps, pages, annotations) is still made by
//! printpdf and lopdf.

use std::collections::HashMap;

use super::save::{hex_byte, integer};
use crate::frame::{ArtifactKind, BoxItem, Item, NodeId, Page, Rule, Structure, Tag, TextRun};
use crate::text::Face;
use crate::units::Pt;

/// Code points below this are looked up in flat tables.
const DENSE: usize = 0x2400;

/// The glyph codes (the subset's glyph ids) of one face's characters.
#[derive(Debug, Default, Clone)]
pub(crate) struct Codes {
    dense: Vec<u16>,
    sparse: HashMap<char, u16>,
}

impl Codes {
    /// Records the code of `c`.
    pub(crate) fn insert(&mut self, c: char, code: u16) {
        match (c as usize) < DENSE {
            true => {
                if self.dense.is_empty() {
                    self.dense = vec![0; DENSE];
                }
                self.dense[c as usize] = code;
            }
            false => {
                self.sparse.insert(c, code);
            }
        }
    }

    /// The code of `c`; 0 (.notdef) if it has none.
    #[inline]
    pub(crate) fn get(&self, c: char) -> u16 {
        match self.dense.get(c as usize) {
            Some(code) => *code,
            None => self.sparse.get(&c).copied().unwrap_or(0),
        }
    }
}

/// The glyph codes of each face, in [`Face::index`] order.
pub(crate) type GlyphCodes = [Codes; 4];

/// A set of characters, for collecting what each face draws.
#[derive(Debug, Default)]
pub(crate) struct CharSet {
    dense: Vec<u64>,
    sparse: std::collections::BTreeSet<char>,
}

impl CharSet {
    /// Adds the characters of `text`.
    pub(crate) fn extend(&mut self, text: &str) {
        if self.dense.is_empty() {
            self.dense = vec![0; DENSE / 64];
        }
        for c in text.chars() {
            let i = c as usize;
            if i < DENSE {
                self.dense[i / 64] |= 1 << (i % 64);
            } else {
                self.sparse.insert(c);
            }
        }
    }

    /// The characters, in order.
    pub(crate) fn chars(&self) -> std::collections::BTreeSet<char> {
        let mut out: std::collections::BTreeSet<char> = self
            .dense
            .iter()
            .enumerate()
            .flat_map(|(w, bits)| {
                (0..64)
                    .filter(move |b| bits & (1 << b) != 0)
                    .filter_map(move |b| char::from_u32((w * 64 + b) as u32))
            })
            .collect();
        out.extend(self.sparse.iter().copied());
        out
    }
}

/// The PDF resource name of a face, as registered with printpdf.
pub(crate) fn font_resource(face: Face) -> &'static str {
    match face {
        Face::Regular => "LKREGU",
        Face::Bold => "LKBOLD",
        Face::Italic => "LKITAL",
        Face::BoldItalic => "LKBOIT",
    }
}

/// Rounds to 1/100 pt.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Appends a number rounded to two decimals, without trailing zeros.
fn num(out: &mut Vec<u8>, v: f64) {
    let cents = (v * 100.0).round() as i64;
    if cents < 0 {
        out.push(b'-');
    }
    let cents = cents.unsigned_abs();
    // Below 2^63: `cents` came from an i64.
    integer(out, (cents / 100) as i64);
    let frac = cents % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// Appends a number that is a multiple of 0.1 (as `(x * 10.0).round() /
/// 10.0` makes it) as Rust's `Display` writes it (`-16.6`, `-100`, `-0`),
/// without the formatting machinery.
fn tenths(out: &mut Vec<u8>, v: f64) {
    // Below 10^14 neighbouring doubles are less than 0.02 apart, so no
    // shorter decimal than the one-decimal form reads back as `v`, which is
    // what `Display` writes, and `v * 10` is within 0.1 of a whole number.
    // Beyond (or NaN, or infinite): `Display` itself.
    if !v.is_finite() || v.abs() >= 1e14 {
        use std::io::Write;
        // Writing to a vector cannot fail.
        let _ = write!(out, "{v}");
        return;
    }
    // Exact: `v * 10` is within a rounding error of a whole number.
    let k = (v * 10.0).round() as i64;
    if v.is_sign_negative() {
        out.push(b'-');
    }
    let k = k.unsigned_abs();
    // Below 10^15.
    integer(out, (k / 10) as i64);
    if !k.is_multiple_of(10) {
        out.push(b'.');
        out.push(b'0' + (k % 10) as u8);
    }
}

/// Appends a literal string of 2-byte glyph codes.
///
/// A glyph code is any pair of bytes, and a literal string does not carry
/// every byte as it is (ISO 32000-1, 7.3.4.2): `(`, `)` and `\` are its
/// delimiters and escape, and an end-of-line marker (a carriage return, a
/// line feed, or both) in it is read as one byte 0x0A. A raw 0x0D was read
/// as 0x0A, another glyph, by conforming readers (MuPDF, Ghostscript;
/// poppler and PDFium forgive it), so CR and LF are written as `\r` and `\n`
/// too. Every other byte stands for itself. Hexadecimal strings would have
/// done as well, but cost 22 % of the reference report (measured: 89,960
/// bytes with the bytes raw, 90,057 with CR and LF escaped, 109,509 with
/// every glyph run in hexadecimal).
fn glyphs(out: &mut Vec<u8>, text: &str, codes: &Codes) {
    out.reserve(text.len() * 2 + 2);
    out.push(b'(');
    for c in text.chars() {
        let [high, low] = codes.get(c).to_be_bytes();
        for b in [high, low] {
            match b {
                b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\n' => out.extend_from_slice(b"\\n"),
                _ => out.push(b),
            }
        }
    }
    out.push(b')');
}

/// A PDF text string: `()` if empty, else UTF-16BE with its byte order
/// mark, in hexadecimal.
fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.is_empty() {
        out.extend_from_slice(b"()");
        return;
    }
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        for b in unit.to_be_bytes() {
            hex_byte(out, b);
        }
    }
    out.push(b'>');
}

/// The operators that show `text` (a run's text, or that text with its
/// added hyphen as a soft hyphen) with the run's word spacing.
fn show(out: &mut Vec<u8>, t: &TextRun, text: &str, codes: &Codes) {
    if t.word_spacing == Pt::ZERO || !text.contains(' ') {
        glyphs(out, text, codes);
        out.extend_from_slice(b" Tj\n");
        return;
    }
    // Embedded fonts ignore `Tw` (ISO 32000-1, 9.3.3): widen each space
    // with a TJ offset, in 1/1000 em.
    let offset = -(t.word_spacing.0 * 1000.0 / t.size.0);
    let offset = (offset * 10.0).round() / 10.0;
    out.push(b'[');
    let mut rest = text;
    while let Some(i) = rest.find(' ') {
        glyphs(out, &rest[..=i], codes);
        out.push(b' ');
        tenths(out, offset);
        out.push(b' ');
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        glyphs(out, rest, codes);
    }
    out.extend_from_slice(b"] TJ\n");
}

/// U+00AD SOFT HYPHEN: what the hyphen the line breaker adds at the end of
/// a line reads as (see [`drawn_text`]).
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// Whether `t` is the first part of a word hyphenated across lines and
/// ends with a hyphen the line breaker added (`Tri-` of *Triwulan*), not
/// with the word's own (`pra-` of *pra-rakortek*): the layout gives such a
/// part the whole word as its `actual_text`, which starts with the part
/// only when the hyphen is the word's.
pub(crate) fn ends_with_added_hyphen(t: &TextRun) -> bool {
    match t.actual_text.as_deref() {
        Some(whole) if !whole.is_empty() => {
            t.text.ends_with('-') && !whole.starts_with(t.text.as_str())
        }
        _ => false,
    }
}

/// The text a run's glyphs are drawn from: its text, except that
///
/// - a hyphen the line breaker added is drawn with the face's U+00AD glyph
///   when the font subset has one (`mod.rs` adds it when the face draws it
///   exactly as its `-`). Its ToUnicode entry is then U+00AD, which readers
///   take for a hyphen that only marks a line break: poppler, MuPDF and
///   Ghostscript give `Tri\u{AD}` and `wulan` on the next line, PDFium joins
///   the word (`Tri\u{2}wulan`, its mark of a line-end hyphen, which Chrome
///   drops) and pdf.js drops the soft hyphen (it skips every format
///   character); all five give the same characters but for it. A plain `-`
///   read as a hyphen in pdf.js and Ghostscript, which ignore `/ActualText`,
///   and as nothing in the others (measured: tests/external/readers.py);
/// - a run followed by a word space its text does not hold
///   ([`TextRun::space_after`]: the line broke at a space after it, or it is
///   a heading's number) ends with a space glyph, which shows nothing: text
///   extraction and the tag tree then read the word boundary (ISO 32000-1,
///   14.8.2.5, asks for the space in the content or as `/ActualText`).
fn drawn_text<'a>(t: &'a TextRun, codes: &Codes) -> std::borrow::Cow<'a, str> {
    let soft = ends_with_added_hyphen(t) && codes.get(SOFT_HYPHEN) != 0;
    let space = t.space_after && codes.get(' ') != 0;
    if !soft && !space {
        return std::borrow::Cow::Borrowed(&t.text);
    }
    let mut text = t.text.clone();
    if soft {
        text.pop();
        text.push(SOFT_HYPHEN);
    }
    if space {
        text.push(' ');
    }
    std::borrow::Cow::Owned(text)
}

/// The resource name of the shared footer (a form XObject).
pub(crate) const FOOTER: &str = "LKFOOT";

/// The marked content of one page being written: the structure its items
/// point into, and the structure node of each marked-content id given
/// out so far (MCID n is `mcids[n]`).
pub(crate) struct Marks<'a> {
    structure: &'a Structure,
    /// The node of each MCID on the page, in order.
    pub mcids: Vec<NodeId>,
}

impl<'a> Marks<'a> {
    /// The marks of a page whose items point into `structure`.
    pub(crate) fn new(structure: &'a Structure) -> Self {
        Marks {
            structure,
            mcids: Vec::new(),
        }
    }
}

/// The content stream of one page. With `shared_footer`, the page's
/// [`footer_run`] is drawn by the form XObject [`FOOTER`], made once from
/// [`footer_content`]. With `marks`, the items are written in marked-content
/// sequences: each run of items of one structure node as one sequence with
/// the node's role and a new MCID (recorded in `marks`), artifacts as
/// `/Artifact` sequences; the footer form is drawn inside a footer
/// artifact.
pub(crate) fn page_content(
    page: &Page,
    codes: &GlyphCodes,
    shared_footer: bool,
    mut marks: Option<&mut Marks<'_>>,
) -> Vec<u8> {
    let height = page.size.height;
    let run = footer_run(page);
    if !shared_footer || run.is_empty() {
        let all: Vec<Item> = page.all_items().cloned().collect();
        return items_content(&all, height, codes, marks);
    }
    let mut out = items_content(&page.items, height, codes, marks.as_deref_mut());
    out.extend(items_content(
        &page.header,
        height,
        codes,
        marks.as_deref_mut(),
    ));
    if marks.is_some() {
        out.extend_from_slice(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
    }
    out.extend_from_slice(b"q /");
    out.extend_from_slice(FOOTER.as_bytes());
    out.extend_from_slice(b" Do Q\n");
    if marks.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    out.extend(items_content(&page.footer.label, height, codes, marks));
    out
}

/// The part of a page's footer the shared form can draw: its legal note,
/// when every item of it is a footer artifact (or untagged). A legal note
/// tagged where it is read (on the last page) is the page's own; so is the
/// page's number ([`PageFooter::label`](crate::frame::PageFooter::label)).
fn footer_run(page: &Page) -> &[Item] {
    let note = page.footer.note.as_slice();
    if note
        .iter()
        .all(|i| matches!(i.tag(), Tag::None | Tag::Artifact(ArtifactKind::Footer)))
    {
        note
    } else {
        &[]
    }
}

/// The content of the shared footer: the first page's [`footer_run`].
/// Unmarked: the page draws it inside an artifact.
pub(crate) fn footer_content(page: &Page, codes: &GlyphCodes) -> Vec<u8> {
    items_content(footer_run(page), page.size.height, codes, None)
}

/// Which pages draw their footer with the shared form: those whose
/// [`footer_run`] is the first page's, if two pages or more do (for one,
/// a form saves nothing).
pub(crate) fn shared_footers(pages: &[Page]) -> Vec<bool> {
    let first = pages.first().map(footer_run).unwrap_or_default();
    let shared: Vec<bool> = pages
        .iter()
        .map(|p| !first.is_empty() && footer_run(p) == first)
        .collect();
    if shared.iter().filter(|s| **s).count() < 2 {
        return vec![false; pages.len()];
    }
    shared
}

/// The content of a run of items, wrapped in `q` … `Q`, in marked-content
/// sequences if `marks` is given (see [`page_content`]). A sequence never
/// crosses a text object's boundary: a text item's opens inside `BT`, a
/// rule's or box's outside.
fn items_content(
    items: &[Item],
    height: Pt,
    codes: &GlyphCodes,
    mut marks: Option<&mut Marks<'_>>,
) -> Vec<u8> {
    let mut painter = Painter::new(height.0, items.len());
    // Link areas are annotations, not content.
    let drawn: Vec<&Item> = items
        .iter()
        .filter(|i| !matches!(i, Item::Link(_)))
        .collect();
    for (k, item) in drawn.iter().enumerate() {
        let is_text = matches!(item, Item::Text(_));
        if painter.in_text && !is_text {
            painter.close_mark();
            painter.end_text();
        }
        let rest = match item {
            Item::Text(t) => word_rest(t, drawn.get(k + 1).copied()),
            _ => None,
        };
        if let Some(marks) = marks.as_deref_mut() {
            if is_text && !painter.in_text {
                painter.close_mark();
                painter.begin_text();
            }
            // A word hyphenated across lines, of an element, is a sequence
            // of its own, and the part that ends it stays in it.
            let own_sequence = rest.is_some()
                && matches!(item.tag(), Tag::Node(n) if n < marks.structure.nodes.len());
            if !painter.word_span && !own_sequence {
                painter.mark(item.tag(), marks);
            }
        }
        match item {
            Item::Text(t) => {
                let codes = &codes[t.face.index()];
                if let Some(rest) = rest {
                    painter.begin_word_span(t, rest, codes, marks.as_deref_mut());
                }
                painter.text(t, codes);
                if rest.is_none() {
                    painter.close_word_span();
                }
            }
            Item::Rule(l) => painter.line(l),
            Item::Box(b) => painter.rect(b),
            Item::Link(_) => {}
        }
    }
    painter.finish()
}

/// For the first part of a word hyphenated across lines, the part that
/// ends it, if it is drawn right after (the next line's first run, of the
/// same structure node): the two are then written in one `/ActualText`
/// span (see [`Painter::begin_word_span`]).
fn word_rest<'a>(t: &TextRun, next: Option<&'a Item>) -> Option<&'a TextRun> {
    t.actual_text.as_deref().filter(|a| !a.is_empty())?;
    match next {
        Some(Item::Text(n)) if n.actual_text.as_deref() == Some("") && n.tag == t.tag => Some(n),
        _ => None,
    }
}

/// A page's content stream being written, and the graphics state it has
/// set, so that an operator is written only when its value changes.
struct Painter {
    out: Vec<u8>,
    /// The page's height: PDF's y axis points up from the bottom.
    height: f64,
    in_text: bool,
    font: Option<(Face, Pt)>,
    stroke: Option<Pt>,
    invisible: bool,
    /// The start of the current text line: `Td` moves relative to it.
    line: (f64, f64),
    /// The tag of the open marked-content sequence, if one is open.
    mark: Option<Tag>,
    /// Whether an `/ActualText` span over a hyphenated word is open, to be
    /// closed after the word's last part.
    word_span: bool,
}

impl Painter {
    fn new(height: f64, items: usize) -> Self {
        let mut out = Vec::with_capacity(items * 48);
        // Black strokes, square line caps so that table rules meet at corners.
        out.extend_from_slice(b"q\n0 G 2 J\n");
        Painter {
            out,
            height,
            in_text: false,
            font: None,
            stroke: None,
            invisible: false,
            line: (0.0, 0.0),
            mark: None,
            word_span: false,
        }
    }

    fn y(&self, v: Pt) -> f64 {
        self.height - v.0
    }

    fn end_text(&mut self) {
        self.close_word_span();
        self.out.extend_from_slice(b"ET\n");
        self.in_text = false;
    }

    /// Opens a text object unless one is open.
    fn begin_text(&mut self) {
        if !self.in_text {
            self.out.extend_from_slice(b"BT\n");
            self.in_text = true;
            self.font = None;
            self.invisible = false;
            self.line = (0.0, 0.0);
        }
    }

    /// Closes the open marked-content sequence, if any (and a word's
    /// span inside it).
    fn close_mark(&mut self) {
        if self.mark.is_some() {
            self.close_word_span();
        }
        if self.mark.take().is_some() {
            self.out.extend_from_slice(b"EMC\n");
        }
    }

    /// Puts what follows in the sequence of `tag`, opening a new one
    /// unless it is already open; nothing for [`Tag::None`] or a node the
    /// structure does not have.
    fn mark(&mut self, tag: Tag, marks: &mut Marks<'_>) {
        let role = match tag {
            Tag::Node(n) => match marks.structure.nodes.get(n) {
                Some(node) => Some(node.role),
                None => return self.close_mark(),
            },
            Tag::Artifact(_) => None,
            _ => return self.close_mark(),
        };
        if self.mark == Some(tag) {
            return;
        }
        self.close_mark();
        let out = &mut self.out;
        match (tag, role) {
            (Tag::Node(n), Some(role)) => {
                out.push(b'/');
                out.extend_from_slice(role.name().as_bytes());
                out.extend_from_slice(b" <</MCID ");
                integer(out, marks.mcids.len() as i64);
                out.extend_from_slice(b">> BDC\n");
                marks.mcids.push(n);
            }
            (Tag::Artifact(kind), _) => {
                out.extend_from_slice(b"/Artifact <</Type /");
                out.extend_from_slice(kind.name().as_bytes());
                if let Some(subtype) = kind.subtype() {
                    out.extend_from_slice(b" /Subtype /");
                    out.extend_from_slice(subtype.as_bytes());
                }
                out.extend_from_slice(b">> BDC\n");
            }
            _ => return,
        }
        self.mark = Some(tag);
    }

    /// Closes the `/ActualText` span of a hyphenated word, if one is open.
    fn close_word_span(&mut self) {
        if std::mem::take(&mut self.word_span) {
            self.out.extend_from_slice(b"EMC\n");
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.close_mark();
        if self.in_text {
            self.end_text();
        }
        self.out.extend_from_slice(b"Q\n");
        self.out
    }

    /// Sets the text state a run needs: a text object, its font and size,
    /// its rendering mode.
    fn text_state(&mut self, t: &TextRun) {
        self.begin_text();
        let out = &mut self.out;
        if self.font != Some((t.face, t.size)) {
            out.push(b'/');
            out.extend_from_slice(font_resource(t.face).as_bytes());
            out.push(b' ');
            num(out, t.size.0);
            out.extend_from_slice(b" Tf\n");
            self.font = Some((t.face, t.size));
        }
        if t.invisible != self.invisible {
            out.extend_from_slice(if t.invisible { b"3 Tr\n" } else { b"0 Tr\n" });
            self.invisible = t.invisible;
        }
    }

    /// Opens the span of a word hyphenated across lines, before its first
    /// part `t`; `rest` is the part that ends it, drawn next, after which
    /// the span is closed.
    ///
    /// The span is `/Span <</MCID n /ActualText (Tri\u{AD}wulan)>> BDC …
    /// EMC` over both parts (ISO 32000-1, 14.9.4): its replacement text is
    /// what the glyphs read (the added hyphen as U+00AD, see
    /// [`drawn_text`]) without the line break, so that poppler and PDFium
    /// give the word on one line (for a word's own hyphen, `pra-rakortek`,
    /// where they would otherwise drop the hyphen as a line-end one), and
    /// the readers that ignore the span (Ghostscript, pdf.js) read the
    /// glyphs, which say the same. It is a marked-content sequence of the
    /// word's element of its own (not nested in the element's sequence:
    /// poppler's structure text then loses the rest of the element), and
    /// the next item opens a new one. An empty `/ActualText` on the later
    /// parts, as lapkin wrote before, is ignored by PDFium, which then read
    /// the word's end twice (tests/external/readers.py).
    fn begin_word_span(
        &mut self,
        t: &TextRun,
        rest: &TextRun,
        codes: &Codes,
        marks: Option<&mut Marks<'_>>,
    ) {
        self.close_word_span();
        let node = match (t.tag, marks) {
            (Tag::Node(n), Some(marks)) if n < marks.structure.nodes.len() => {
                self.close_mark();
                Some((n, marks))
            }
            _ => None,
        };
        let out = &mut self.out;
        out.extend_from_slice(b"/Span <<");
        if let Some((n, marks)) = node {
            out.extend_from_slice(b"/MCID ");
            integer(out, marks.mcids.len() as i64);
            out.push(b' ');
            marks.mcids.push(n);
        }
        out.extend_from_slice(b"/ActualText ");
        text_string(
            out,
            &format!("{}{}", drawn_text(t, codes), drawn_text(rest, codes)),
        );
        out.extend_from_slice(b">> BDC\n");
        self.word_span = true;
    }

    /// Writes a text run (a hyphen the line breaker added as a soft
    /// hyphen: see [`drawn_text`]).
    fn text(&mut self, t: &TextRun, codes: &Codes) {
        self.text_state(t);
        // Positions are rounded once, so relative moves add up exactly.
        let at = (round(t.x.0), round(self.y(t.y)));
        let out = &mut self.out;
        num(out, at.0 - self.line.0);
        out.push(b' ');
        num(out, at.1 - self.line.1);
        out.extend_from_slice(b" Td\n");
        self.line = at;
        show(out, t, &drawn_text(t, codes), codes);
    }

    fn stroke_width(&mut self, width: Pt) {
        if self.stroke != Some(width) {
            num(&mut self.out, width.0);
            self.out.extend_from_slice(b" w\n");
            self.stroke = Some(width);
        }
    }

    fn line(&mut self, l: &Rule) {
        self.stroke_width(l.width);
        let (y1, y2) = (self.y(l.y1), self.y(l.y2));
        let out = &mut self.out;
        num(out, l.x1.0);
        out.push(b' ');
        num(out, y1);
        out.extend_from_slice(b" m ");
        num(out, l.x2.0);
        out.push(b' ');
        num(out, y2);
        out.extend_from_slice(b" l S\n");
    }

    fn rect(&mut self, b: &BoxItem) {
        let op: &[u8] = match (b.fill, b.stroke) {
            (Some(_), Some(_)) => b" re B\n",
            (Some(_), None) => b" re f\n",
            (None, Some(_)) => b" re S\n",
            (None, None) => return,
        };
        if let Some(w) = b.stroke {
            self.stroke_width(w);
        }
        let bottom = self.y(b.rect.bottom());
        let out = &mut self.out;
        if let Some(grey) = b.fill {
            num(out, f64::from(grey));
            out.extend_from_slice(b" g\n");
        }
        num(out, b.rect.x.0);
        out.push(b' ');
        num(out, bottom);
        out.push(b' ');
        num(out, b.rect.width.0);
        out.push(b' ');
        num(out, b.rect.height.0);
        out.extend_from_slice(op);
        if b.fill.is_some() {
            // Text is black.
            out.extend_from_slice(b"0 g\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::{BoxItem, Rule, TextRun};
    use crate::units::{Rect, Size};

    fn n(v: f64) -> String {
        let mut out = Vec::new();
        num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    /// Numbers across magnitudes, signs and rounding edges: whole
    /// numbers, halves of the last place kept, `-0`, huge, NaN, infinite,
    /// and pseudo-random ones.
    fn test_values() -> Vec<f64> {
        let mut values = vec![
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            1e-300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            9.22e18,
            -9.22e18,
            1e15,
            -1e15,
            1e14,
            -1e14,
            99_999_999_999_999.9,
            -99_999_999_999_999.9,
            999_999_999_999_999.9,
            123_456_789_012.34,
            (1u64 << 50) as f64,
            (1u64 << 53) as f64 + 2.0,
        ];
        for whole in [0.0, 1.0, 2.0, 9.0, 10.0, 99.0, 100.0, 841.0, 1e6, 1e12] {
            for frac in [
                0.0, 0.004, 0.005, 0.0049999, 0.015, 0.045, 0.05, 0.055, 0.095, 0.1, 0.125, 0.25,
                0.5, 0.95, 0.949_999, 0.995, 0.999,
            ] {
                values.push(whole + frac);
                values.push(-(whole + frac));
            }
        }
        // xorshift: reproducible.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 1000.0, 1e6, 1e10, 1e13, 1e14, 1e15, 1e16][i % 9];
            values.push((unit - 0.5) * 2.0 * scale);
            // Bit patterns too: any double at all.
            values.push(f64::from_bits(x));
        }
        values
    }

    /// `num` as it was, with the formatting machinery.
    fn old_num(v: f64) -> String {
        let cents = (v * 100.0).round() as i64;
        let mut out = String::new();
        if cents < 0 {
            out.push('-');
        }
        let cents = cents.unsigned_abs();
        out += &(cents / 100).to_string();
        let frac = cents % 100;
        if frac != 0 {
            out.push('.');
            out.push(char::from(b'0' + (frac / 10) as u8));
            if !frac.is_multiple_of(10) {
                out.push(char::from(b'0' + (frac % 10) as u8));
            }
        }
        out
    }

    #[test]
    fn numbers_are_written_as_the_formatting_machinery_wrote_them() {
        let mut out = Vec::new();
        for v in test_values() {
            assert_eq!(n(v), old_num(v), "{v:?}");
            // A TJ offset, rounded to tenths as `show` rounds it.
            let offset = (v * 10.0).round() / 10.0;
            out.clear();
            tenths(&mut out, offset);
            assert_eq!(String::from_utf8_lossy(&out), format!("{offset}"), "{v:?}");
        }
        out.clear();
        tenths(&mut out, -0.0);
        assert_eq!(out, b"-0");
    }

    /// Every glyph code, each byte pair among them (CR LF is 0x0D0A) and
    /// each byte beside every other, reads back as written in a conforming
    /// reader: no byte of a glyph string is one a literal string changes.
    #[test]
    fn every_glyph_code_reads_back_as_written() {
        let mut codes = Codes::default();
        let mut text = String::new();
        let mut expected = Vec::new();
        for code in 0..=u16::MAX {
            // Characters above the dense table, one per code.
            let c = char::from_u32(0x10000 + u32::from(code)).unwrap();
            codes.insert(c, code);
            text.push(c);
            expected.extend_from_slice(&code.to_be_bytes());
        }
        // And codes in reverse, so that each low byte precedes each high byte.
        for code in (0..=u16::MAX).rev() {
            text.push(char::from_u32(0x10000 + u32::from(code)).unwrap());
            expected.extend_from_slice(&code.to_be_bytes());
        }
        let mut out = Vec::new();
        glyphs(&mut out, &text, &codes);
        assert_eq!(out[0], b'(');
        let (read, end) = crate::pdf::save::read_literal(&out[1..]).expect("the string closes");
        assert_eq!(end, out.len() - 1, "the string ends where it was closed");
        assert!(read == expected, "a glyph code reads back as another");
        assert!(
            !out.contains(&b'\r') && !out.contains(&b'\n'),
            "no raw end of line"
        );
    }

    #[test]
    fn text_strings_are_utf16_in_hexadecimal() {
        for text in ["", "a", "Kata ≤ 5", "\u{1F600}x", "\u{FFFF}\u{0}"] {
            let mut out = Vec::new();
            text_string(&mut out, text);
            let expected = if text.is_empty() {
                "()".to_owned()
            } else {
                let units: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
                format!("<FEFF{units}>")
            };
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    #[test]
    fn char_sets() {
        let mut set = CharSet::default();
        set.extend("bab\u{2264}\u{4e00}");
        assert_eq!(
            set.chars().into_iter().collect::<String>(),
            "ab\u{2264}\u{4e00}"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(n(85.039_37), "85.04");
        assert_eq!(n(11.0), "11");
        assert_eq!(n(0.5), "0.5");
        assert_eq!(n(0.05), "0.05");
        assert_eq!(n(-3.1), "-3.1");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(841.889_763), "841.89");
    }

    #[test]
    fn a_page_with_text_a_rule_and_a_box() {
        let mut codes: GlyphCodes = Default::default();
        codes[0].insert('A', 1);
        codes[0].insert('\u{4e00}', 7);
        assert_eq!(codes[0].get('\u{4e00}'), 7);
        assert_eq!(codes[0].get('B'), 0);
        codes[0].insert(' ', 2);
        codes[0].insert('(', 0x28);
        let page = Page {
            header: Vec::new(),
            footer: Default::default(),
            size: Size::new(Pt(100.0), Pt(200.0)),
            items: vec![
                Item::Box(BoxItem {
                    rect: Rect::new(Pt(10.0), Pt(20.0), Pt(30.0), Pt(40.0)),
                    fill: Some(0.9),
                    stroke: None,
                    tag: Default::default(),
                }),
                Item::Rule(Rule {
                    x1: Pt(10.0),
                    y1: Pt(20.0),
                    x2: Pt(40.0),
                    y2: Pt(20.0),
                    width: Pt(0.5),
                    tag: Default::default(),
                }),
                Item::Text(TextRun {
                    x: Pt(12.0),
                    y: Pt(30.0),
                    face: Face::Regular,
                    size: Pt(10.0),
                    text: "A A(".into(),
                    word_spacing: Pt(1.0),
                    width: Pt(20.0),
                    invisible: false,
                    tag: Default::default(),
                    actual_text: None,
                    space_after: false,
                }),
            ],
        };
        let content = page_content(&page, &codes, true, None);
        let expected: &[u8] = b"q\n0 G 2 J\n0.9 g\n10 140 30 40 re f\n0 g\n0.5 w\n10 180 m 40 180 l S\nBT\n/LKREGU 10 Tf\n12 170 Td\n[(\x00\x01\x00\x02) -100 (\x00\x01\x00\\()] TJ\nET\nQ\n";
        assert_eq!(
            String::from_utf8_lossy(&content),
            String::from_utf8_lossy(expected)
        );
    }
}
