//! Page content streams: the layout's items as PDF operators, written with
//! pdf-writer's [`Content`].
//!
//! lapkin's pages use a handful of operators (text runs, rules, filled
//! boxes, marked content); the painter here writes an operator only when
//! the graphics state it sets changes, positions text with relative moves
//! rounded to 1/100 pt (0.0035 mm), and puts each run of items of one
//! structure node in a marked-content sequence of its own for the tag tree.

use std::borrow::Cow;

use pdf_writer::types::{ArtifactSubtype, ArtifactType, LineCapStyle, TextRenderingMode};
use pdf_writer::{Content, Name, Str, TextStr};

use super::file::COMPACT;
use super::fonts::{Codes, GlyphCodes, font_resource};
use crate::frame::{
    ArtifactKind, BoxItem, Item, NodeId, Page, PagePart, Rule, Structure, Tag, TextRun,
};
use crate::text::Face;
use crate::units::Pt;

/// Rounds to 1/100 pt.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A number as the content stream writes it: rounded to 1/100 pt.
fn num(v: f64) -> f32 {
    round(v) as f32
}

/// The glyph codes of `text`, two bytes each, into `out` (cleared first).
fn glyphs(out: &mut Vec<u8>, text: &str, codes: &Codes) {
    out.clear();
    out.reserve(text.len() * 2);
    out.extend(text.chars().flat_map(|c| codes.get(c).to_be_bytes()));
}

/// The operators that show `text` (a run's text, or that text with its
/// added hyphen as a soft hyphen) with the run's word spacing.
fn show(c: &mut Content, t: &TextRun, text: &str, codes: &Codes, buf: &mut Vec<u8>) {
    if t.word_spacing == Pt::ZERO || !text.contains(' ') {
        glyphs(buf, text, codes);
        c.show(Str(buf));
        return;
    }
    // Embedded fonts ignore `Tw` (ISO 32000-1, 9.3.3): widen each space
    // with a TJ offset, in 1/1000 em, rounded to tenths.
    let offset = -(t.word_spacing.0 * 1000.0 / t.size.0);
    let offset = ((offset * 10.0).round() / 10.0) as f32;
    let mut op = c.show_positioned();
    let mut items = op.items();
    let mut rest = text;
    while let Some(i) = rest.find(' ') {
        glyphs(buf, &rest[..=i], codes);
        items.show(Str(buf)).adjust(offset);
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        glyphs(buf, rest, codes);
        items.show(Str(buf));
    }
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

/// The text a run's glyphs are drawn from: its text, except that a hyphen
/// the line breaker added is drawn with the face's U+00AD glyph when the
/// subset has one (`fonts::embed` adds it when the face draws it exactly as
/// its `-`), which readers take for a hyphen that only marks a line break;
/// and a run followed by a word space its text does not hold
/// ([`TextRun::space_after`]) ends with a space glyph, so that text
/// extraction and the tag tree read the word boundary (ISO 32000-1,
/// 14.8.2.5). What each reader makes of it: docs/pdf.md.
fn drawn_text<'a>(t: &'a TextRun, codes: &Codes) -> Cow<'a, str> {
    let soft = ends_with_added_hyphen(t) && codes.get(SOFT_HYPHEN) != 0;
    let space = t.space_after && codes.get(' ') != 0;
    if !soft && !space {
        return Cow::Borrowed(&t.text);
    }
    let mut text = t.text.clone();
    if soft {
        text.pop();
        text.push(SOFT_HYPHEN);
    }
    if space {
        text.push(' ');
    }
    Cow::Owned(text)
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

/// The marked content of one page being written: the structure its items
/// point into, and the structure node of each marked-content id given
/// out so far (MCID n is `mcids[n]`).
pub(crate) struct Marks<'a> {
    /// The structure the page's items point into.
    pub structure: &'a Structure,
    /// The node of each MCID on the page, in order.
    pub mcids: Vec<NodeId>,
}

/// The content stream of one page: its body, its running header, its
/// legal note and its label, in that order. With `shared_footer` k, the
/// page's [`footer_run`] is drawn by the form XObject
/// [`footer_name`](super::footers::footer_name) k,
/// made once from [`footer_content`]. With `marks`, the items are written in
/// marked-content sequences: each run of items of one structure node as one
/// sequence with the node's role and a new MCID (recorded in `marks`),
/// artifacts as `/Artifact` sequences; the footer form is drawn inside a
/// footer artifact.
pub(crate) fn page_content(
    page: &Page,
    codes: &GlyphCodes,
    shared_footer: Option<usize>,
    mut marks: Option<&mut Marks<'_>>,
) -> Vec<u8> {
    let mut painter = Painter::new(page.size.height.0, page.all_items().count());
    let shared = shared_footer.filter(|_| !footer_run(page).is_empty());
    for (part, items) in page.parts() {
        let Some(form) = shared.filter(|_| matches!(part, PagePart::Note)) else {
            painter.items(items, codes, marks.as_deref_mut());
            continue;
        };
        painter.close();
        let c = &mut painter.content;
        if marks.is_some() {
            c.begin_marked_content_with_properties(Name(b"Artifact"))
                .properties()
                .artifact()
                .kind(ArtifactType::Pagination)
                .subtype(ArtifactSubtype::Footer);
        }
        c.save_state()
            .x_object(Name(&super::footers::footer_name(form)))
            .restore_state();
        if marks.is_some() {
            c.end_marked_content();
        }
    }
    painter.finish()
}

/// The part of a page's footer the shared form can draw: its legal note,
/// when every item of it is a footer artifact (or untagged). A legal note
/// tagged where it is read (on the last page) is the page's own; so is the
/// page's label ([`PageFooter::label`](crate::frame::PageFooter::label)).
pub(super) fn footer_run(page: &Page) -> &[Item] {
    let note = page.footer.note.as_slice();
    let artifact = |i: &Item| matches!(i.tag(), Tag::None | Tag::Artifact(ArtifactKind::Footer));
    if note.iter().all(artifact) { note } else { &[] }
}

/// The content of a shared footer: `page`'s [`footer_run`]. Unmarked:
/// the page draws it inside an artifact.
pub(crate) fn footer_content(page: &Page, codes: &GlyphCodes) -> Vec<u8> {
    let run = footer_run(page);
    let mut painter = Painter::new(page.size.height.0, run.len());
    painter.items(run, codes, None);
    painter.finish()
}

/// A content stream being written, and the graphics state it has set, so
/// that an operator is written only when its value changes. The content is
/// one `q` … `Q` block: black strokes, square line caps so that table rules
/// meet at corners.
struct Painter {
    content: Content,
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
    /// A run's glyph codes (reused).
    glyphs: Vec<u8>,
}

impl Painter {
    fn new(height: f64, items: usize) -> Self {
        let mut content = Content::with_settings_and_capacity(COMPACT, items * 48 + 32);
        content
            .save_state()
            .set_stroke_gray(0.0)
            .set_line_cap(LineCapStyle::ProjectingSquareCap);
        Painter {
            content,
            height,
            in_text: false,
            font: None,
            stroke: None,
            invisible: false,
            line: (0.0, 0.0),
            mark: None,
            word_span: false,
            glyphs: Vec::new(),
        }
    }

    fn y(&self, v: Pt) -> f64 {
        self.height - v.0
    }

    /// Writes `items`, in marked-content sequences if `marks` is given (see
    /// [`page_content`]). A sequence never crosses a text object's
    /// boundary: a text item's opens inside `BT`, a rule's or box's
    /// outside.
    fn items(&mut self, items: &[Item], codes: &GlyphCodes, mut marks: Option<&mut Marks<'_>>) {
        // Link areas are annotations, not content.
        let is_drawn = |i: &&Item| !matches!(i, Item::Link(_));
        let drawn: Vec<&Item> = items.iter().filter(is_drawn).collect();
        for (k, item) in drawn.iter().enumerate() {
            let is_text = matches!(item, Item::Text(_));
            if self.in_text && !is_text {
                self.close();
            }
            let rest = match item {
                Item::Text(t) => word_rest(t, drawn.get(k + 1).copied()),
                _ => None,
            };
            if let Some(marks) = marks.as_deref_mut() {
                if is_text && !self.in_text {
                    self.close_mark();
                    self.begin_text();
                }
                // A word hyphenated across lines, of an element, is a
                // sequence of its own, and the part that ends it stays in it.
                let own_sequence = rest.is_some() && matches!(item.tag(), Tag::Node(_));
                if !self.word_span && !own_sequence {
                    self.mark(item.tag(), marks);
                }
            }
            match item {
                Item::Text(t) => {
                    let codes = &codes[t.face.index()];
                    if let Some(rest) = rest {
                        self.begin_word_span(t, rest, codes, marks.as_deref_mut());
                    }
                    self.text(t, codes);
                    if rest.is_none() {
                        self.close_word_span();
                    }
                }
                Item::Rule(l) => self.line(l),
                Item::Box(b) => self.rect(b),
                Item::Image(i) => {
                    let (r, y) = (&i.rect, self.y(i.rect.bottom()));
                    let m = [
                        num(r.width.0),
                        0.0,
                        0.0,
                        num(r.height.0),
                        num(r.x.0),
                        num(y),
                    ];
                    let name = super::image::name(i.image);
                    let c = &mut self.content;
                    c.save_state()
                        .transform(m)
                        .x_object(Name(name.as_bytes()))
                        .restore_state();
                }
                Item::Link(_) => {}
            }
        }
    }

    /// Closes the open marked-content sequence and text object, if any.
    fn close(&mut self) {
        self.close_mark();
        if self.in_text {
            self.close_word_span();
            self.content.end_text();
            self.in_text = false;
        }
    }

    /// Opens a text object unless one is open.
    fn begin_text(&mut self) {
        if !self.in_text {
            self.content.begin_text();
            self.in_text = true;
            self.font = None;
            self.invisible = false;
            self.line = (0.0, 0.0);
        }
    }

    /// Closes the open marked-content sequence, if any (and a word's span
    /// inside it).
    fn close_mark(&mut self) {
        if self.mark.take().is_some() {
            self.close_word_span();
            self.content.end_marked_content();
        }
    }

    /// Puts what follows in the sequence of `tag`, opening a new one
    /// unless it is already open; in none for [`Tag::None`].
    fn mark(&mut self, tag: Tag, marks: &mut Marks<'_>) {
        if self.mark == Some(tag) {
            return;
        }
        self.close_mark();
        let c = &mut self.content;
        match tag {
            Tag::Node(n) => {
                let role = marks.structure.nodes[n].role.name();
                c.begin_marked_content_with_properties(Name(role.as_bytes()))
                    .properties()
                    .identify(marks.mcids.len() as i32);
                marks.mcids.push(n);
            }
            Tag::Artifact(kind) => {
                let mut mark = c.begin_marked_content_with_properties(Name(b"Artifact"));
                let mut properties = mark.properties();
                properties.pair(Name(b"Type"), Name(kind.name().as_bytes()));
                if let Some(subtype) = kind.subtype() {
                    properties.pair(Name(b"Subtype"), Name(subtype.as_bytes()));
                }
            }
            _ => return,
        }
        self.mark = Some(tag);
    }

    /// Closes the `/ActualText` span of a hyphenated word, if one is open.
    fn close_word_span(&mut self) {
        if std::mem::take(&mut self.word_span) {
            self.content.end_marked_content();
        }
    }

    /// Opens the span of a word hyphenated across lines, before its first
    /// part `t`; `rest` is the part that ends it, drawn next, after which
    /// the span is closed.
    ///
    /// The span is `/Span <</MCID n /ActualText (Tri\u{AD}wulan)>> BDC …
    /// EMC` over both parts (ISO 32000-1, 14.9.4), its text what the glyphs
    /// read ([`drawn_text`]) without the line break: a marked-content
    /// sequence of the word's element of its own (nested in the element's,
    /// poppler's structure text loses the rest of the element); the next
    /// item opens a new one. Why, reader by reader: docs/pdf.md and
    /// tests/external/readers.py.
    fn begin_word_span(
        &mut self,
        t: &TextRun,
        rest: &TextRun,
        codes: &Codes,
        marks: Option<&mut Marks<'_>>,
    ) {
        self.close_word_span();
        let node = match (t.tag, marks) {
            (Tag::Node(n), Some(marks)) => {
                self.close_mark();
                Some((n, marks))
            }
            _ => None,
        };
        let actual = format!("{}{}", drawn_text(t, codes), drawn_text(rest, codes));
        self.word_span = true;
        let mut span = self
            .content
            .begin_marked_content_with_properties(Name(b"Span"));
        let mut properties = span.properties();
        if let Some((n, marks)) = node {
            properties.identify(marks.mcids.len() as i32);
            marks.mcids.push(n);
        }
        properties.actual_text(TextStr(&actual));
    }

    fn finish(mut self) -> Vec<u8> {
        self.close();
        self.content.restore_state();
        self.content.finish().into_vec()
    }

    /// Sets the text state a run needs: a text object, its font and size,
    /// its rendering mode.
    fn text_state(&mut self, t: &TextRun) {
        self.begin_text();
        if self.font != Some((t.face, t.size)) {
            self.content
                .set_font(Name(font_resource(t.face)), num(t.size.0));
            self.font = Some((t.face, t.size));
        }
        if t.invisible != self.invisible {
            self.content.set_text_rendering_mode(if t.invisible {
                TextRenderingMode::Invisible
            } else {
                TextRenderingMode::Fill
            });
            self.invisible = t.invisible;
        }
    }

    /// Writes a text run (a hyphen the line breaker added as a soft
    /// hyphen: see [`drawn_text`]).
    fn text(&mut self, t: &TextRun, codes: &Codes) {
        self.text_state(t);
        // Positions are rounded once, so relative moves add up exactly.
        let at = (round(t.x.0), round(self.y(t.y)));
        self.content
            .next_line(num(at.0 - self.line.0), num(at.1 - self.line.1));
        self.line = at;
        let text = drawn_text(t, codes);
        show(&mut self.content, t, &text, codes, &mut self.glyphs);
    }

    fn stroke_width(&mut self, width: Pt) {
        if self.stroke != Some(width) {
            self.content.set_line_width(num(width.0));
            self.stroke = Some(width);
        }
    }

    fn line(&mut self, l: &Rule) {
        self.stroke_width(l.width);
        let (y1, y2) = (self.y(l.y1), self.y(l.y2));
        self.content
            .move_to(num(l.x1.0), num(y1))
            .line_to(num(l.x2.0), num(y2))
            .stroke();
    }

    fn rect(&mut self, b: &BoxItem) {
        if b.fill.is_none() && b.stroke.is_none() {
            return;
        }
        if let Some(w) = b.stroke {
            self.stroke_width(w);
        }
        let (r, bottom) = (&b.rect, self.y(b.rect.bottom()));
        let c = &mut self.content;
        if let Some(grey) = b.fill {
            c.set_fill_gray(num(f64::from(grey)));
        }
        c.rect(num(r.x.0), num(bottom), num(r.width.0), num(r.height.0));
        match (b.fill, b.stroke) {
            (Some(_), Some(_)) => c.fill_nonzero_and_stroke(),
            (Some(_), None) => c.fill_nonzero(),
            _ => c.stroke(),
        };
        if b.fill.is_some() {
            // Text is black.
            c.set_fill_gray(0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::{BoxItem, Rule, TextRun};
    use crate::units::{Rect, Size};

    #[test]
    fn numbers_are_rounded_to_hundredths_of_a_point() {
        assert_eq!(num(85.039_37), 85.04);
        assert_eq!(num(841.889_763), 841.89);
        assert_eq!(num(-0.001), 0.0);
        assert_eq!(num(-3.1), -3.1);
    }

    #[test]
    fn a_page_with_text_a_rule_and_a_box() {
        let mut codes: GlyphCodes = Default::default();
        codes[0].insert('A', 0x2021);
        codes[0].insert('\u{4e00}', 0x2022);
        assert_eq!(codes[0].get('\u{4e00}'), 0x2022);
        assert_eq!(codes[0].get('B'), 0);
        codes[0].insert(' ', 0x2020);
        codes[0].insert('(', 0x2A2B);
        let mut page = Page::new(Size::new(Pt(100.0), Pt(200.0)));
        let rect = Rect::new(Pt(10.0), Pt(20.0), Pt(30.0), Pt(40.0));
        let mut text = TextRun::new(
            Pt(12.0),
            Pt(30.0),
            Face::Regular,
            Pt(10.0),
            "A A(",
            Pt(20.0),
        );
        text.word_spacing = Pt(1.0);
        page.items = vec![
            Item::Box(BoxItem::new(rect, Some(0.9), None)),
            Item::Rule(Rule::new(Pt(10.0), Pt(20.0), Pt(40.0), Pt(20.0), Pt(0.5))),
            Item::Text(text),
        ];
        let content = page_content(&page, &codes, Some(0), None);
        assert_eq!(
            String::from_utf8(content).unwrap(),
            "q 0 G 2 J 0.9 g 10 140 30 40 re\nf 0 g 0.5 w 10 180 m 40 180 l\nS\nBT/LKREGU 10 Tf 12 170 \
             Td[( !  )-100( !*+)]TJ\nET\nQ"
        );
    }
}
