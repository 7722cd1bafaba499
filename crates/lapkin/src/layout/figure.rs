//! Figures and the cover into chunks: an image or a bar chart scaled to
//! fit, kept whole with its caption; the cover as one chunk the height of
//! a page's body, which pagination puts on a page of its own.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::chunk::Chunk;
use super::ctx::Ctx;
use super::lines::text_lines;
use crate::doc::{Chart, Cover, Figure, FigureContent, Text};
use crate::format::angka;
use crate::frame::{BoxItem, ImageItem, Item, NodeId, Page, Role, Rule, Structure, Tag, TextRun};
use crate::problem::Phrase;
use crate::text::{Align, Face, Span};
use crate::units::{Pt, Rect};

/// Resolution at which an image without a width is printed, at most.
const DPI: f64 = 150.0;

/// A chart's height for its width.
const CHART_RATIO: f64 = 0.62;

/// The size a figure is drawn at in `width`: its own width or the text's
/// (an image no wider than at [`DPI`]), never wider than `width`; no
/// taller than `max_height`, scaled down whole.
fn graphic_size(f: &Figure, width: Pt, max_height: Pt) -> (Pt, Pt) {
    let (natural, ratio) = match &f.content {
        FigureContent::Image(i) => {
            let w = Pt(f64::from(i.width) * 72.0 / DPI);
            (w, f64::from(i.height) / f64::from(i.width.max(1)))
        }
        FigureContent::Chart(_) => (width, CHART_RATIO),
    };
    let w = f.width.unwrap_or(natural).min(width).max(Pt(1.0));
    let h = w * ratio;
    if h.0 > max_height.0 && max_height.0 > 1.0 {
        (Pt(max_height.0 / ratio), max_height)
    } else {
        (w, h)
    }
}

/// The caption's text: the figure's number and its caption.
fn caption_text(f: &Figure) -> Option<Text> {
    let caption = f.caption.as_ref()?;
    let mut text = Vec::new();
    if let Some(n) = &f.number {
        text.push(Span::plain(format!("{n} ")));
    }
    text.extend(caption.iter().cloned());
    Some(text)
}

/// A figure's chunks: the graphic, centred in `width` at `x`, then its
/// caption's lines, all kept together; a `Figure` element in `parent`
/// with its alternative text, the caption a `Caption` element in it.
pub(super) fn figure(
    ctx: &Ctx<'_>,
    f: &Figure,
    (x, width): (Pt, Pt),
    parent: NodeId,
    out: &mut Vec<Chunk>,
) {
    let node = ctx.node(Role::Figure, parent);
    ctx.tree.borrow_mut().nodes[node].alt = Some(f.alt.clone());
    let size = ctx.style.font_size;
    let caption = caption_text(f).map(|t| {
        let tag = Tag::Node(ctx.node(Role::Caption, node));
        let lines = text_lines(
            ctx,
            &t,
            size,
            x,
            width,
            Align::Center,
            Phrase::ChunkLine,
            tag,
        );
        let gap = ctx.style.block_spacing;
        (lines, gap)
    });
    let below: Pt = caption.as_ref().map_or(Pt::ZERO, |(lines, gap)| {
        lines.iter().fold(*gap, |h, c| h + c.height)
    });
    let (w, h) = graphic_size(f, width, ctx.body() - below);
    let rect = Rect::new(x + (width - w) / 2.0, Pt::ZERO, w, h);
    let mut chunk = Chunk::new(Phrase::ChunkFigure, h);
    chunk.what.origin = f.origin.clone();
    chunk.items = graphic(ctx, &f.content, rect, Tag::Node(node));
    let Some((mut lines, gap)) = caption else {
        out.push(chunk);
        return;
    };
    chunk.keep_with_next = true;
    out.push(chunk);
    if let Some(first) = lines.first_mut() {
        first.space_before = gap;
    }
    let n = lines.len();
    for (i, mut line) in lines.into_iter().enumerate() {
        line.keep_with_next = i + 1 < n;
        out.push(line);
    }
}

/// The items that draw `content` in `rect`, belonging to `tag`.
fn graphic(ctx: &Ctx<'_>, content: &FigureContent, rect: Rect, tag: Tag) -> Vec<Item> {
    match content {
        FigureContent::Image(image) => vec![Item::Image(ImageItem {
            rect,
            image: ctx.image(image),
            tag,
        })],
        FigureContent::Chart(chart) => chart_items(ctx, chart, rect, tag),
    }
}

/// A figure as a number for drawing.
fn float(d: &Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0).max(0.0)
}

/// The axis's step and number of steps for values up to `max`: a step of
/// 1, 2, 2.5 or 5 times a power of ten, about five steps.
fn axis(max: f64) -> (Decimal, u32) {
    let raw = (max / 5.0).max(1e-9);
    let exp = raw.log10().floor().clamp(-8.0, 17.0) as i32;
    let power = if exp >= 0 {
        Decimal::from(10_i64.pow(exp as u32))
    } else {
        Decimal::new(1, exp.unsigned_abs())
    };
    let base = raw / 10_f64.powi(exp);
    let m = [10, 20, 25, 50, 100]
        .into_iter()
        .find(|m| *m as f64 / 10.0 >= base - 1e-9)
        .unwrap_or(100);
    let step = Decimal::new(m, 1) * power;
    let steps = (max / float(&step)).ceil().clamp(1.0, 50.0) as u32;
    (step.normalize(), steps)
}

/// A run of `text` at `size` centred on `cx` (or starting at `x` when
/// `cx` is `None`), on the baseline `y`.
fn label(ctx: &Ctx<'_>, text: &str, size: Pt, (x, y): (Pt, Pt), centre: bool, tag: Tag) -> Item {
    let width = ctx.fonts.face(Face::Regular).width(text, size);
    let x = if centre { x - width / 2.0 } else { x };
    let mut run = TextRun::new(x, y, Face::Regular, size, text, width);
    run.tag = tag;
    Item::Text(run)
}

/// The size of a chart's small type.
const SMALL: Pt = Pt(7.5);
/// The side of a legend's swatch.
const SWATCH: Pt = Pt(8.0);

/// The bar chart in `rect`: the legend at the top, the value axis at the
/// left with its gridlines, each category's bars side by side with their
/// values above them, the categories' labels below.
fn chart_items(ctx: &Ctx<'_>, c: &Chart, rect: Rect, tag: Tag) -> Vec<Item> {
    let line = ctx.line_height(SMALL);
    let face = ctx.fonts.face(Face::Regular);
    let mut items = legend(ctx, c, rect, tag);
    let max = c
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .map(float)
        .fold(0.0, f64::max);
    // All zero: an axis to 1.
    let (step, steps) = axis(if max > 0.0 { max } else { 1.0 });
    let ticks: Vec<String> = (0..=steps)
        .map(|k| angka(&(step * Decimal::from(k)).normalize()))
        .collect();
    let label_w = ticks
        .iter()
        .map(|t| face.width(t, SMALL))
        .fold(Pt::ZERO, Pt::max);
    let (left, right) = (rect.x + label_w + Pt(6.0), rect.right());
    let top = rect.y + SWATCH + line * 2.5;
    let bottom = rect.bottom() - line * 2.0 - Pt(4.0);
    items.push(label(
        ctx,
        &c.axis,
        SMALL,
        (rect.x, top - line * 0.9),
        false,
        tag,
    ));
    let scale = (bottom - top).0 / (float(&step) * f64::from(steps));
    for (k, t) in ticks.iter().enumerate() {
        let y = bottom - Pt(float(&step) * k as f64 * scale);
        let grid = Rect::new(left, y - Pt(0.15), right - left, Pt(0.3));
        items.push(bar_plain(grid, 0.75, tag));
        let w = face.width(t, SMALL);
        items.push(label(
            ctx,
            t,
            SMALL,
            (left - Pt(4.0) - w, y + SMALL * 0.35),
            false,
            tag,
        ));
    }
    bars(ctx, c, (left, right, bottom), scale, tag, &mut items);
    let axis_rule = |x1, y1, x2, y2| {
        Item::Rule(Rule {
            tag,
            ..Rule::new(x1, y1, x2, y2, Pt(0.6))
        })
    };
    items.push(axis_rule(left, bottom, right, bottom));
    items.push(axis_rule(left, top, left, bottom));
    items
}

/// The legend, centred at the top of `rect`: a swatch and a name per
/// series.
fn legend(ctx: &Ctx<'_>, c: &Chart, rect: Rect, tag: Tag) -> Vec<Item> {
    let face = ctx.fonts.face(Face::Regular);
    let gap = (Pt(4.0), Pt(12.0));
    let widths: Vec<Pt> = c
        .series
        .iter()
        .map(|s| face.width(&s.name, SMALL))
        .collect();
    let total = widths
        .iter()
        .fold(Pt::ZERO, |a, w| a + SWATCH + gap.0 + *w + gap.1);
    let mut x = rect.x + (rect.width - total) / 2.0;
    let mut items = Vec::new();
    for (s, w) in c.series.iter().zip(&widths) {
        items.push(bar(
            Rect::new(x, rect.y + Pt(1.0), SWATCH, SWATCH),
            s.shade,
            tag,
        ));
        let at = (x + SWATCH + gap.0, rect.y + SWATCH);
        items.push(label(ctx, &s.name, SMALL, at, false, tag));
        x += SWATCH + gap.0 + *w + gap.1;
    }
    items
}

/// Each category's bars from the baseline `bottom`, `scale` points per
/// unit, with its value above each bar and its label below.
fn bars(
    ctx: &Ctx<'_>,
    c: &Chart,
    (left, right, bottom): (Pt, Pt, Pt),
    scale: f64,
    tag: Tag,
    items: &mut Vec<Item>,
) {
    let line = ctx.line_height(SMALL);
    let group = (right - left) / c.categories.len().max(1) as f64;
    let bar_w = group * 0.7 / c.series.len().max(1) as f64;
    // Type no wider than its room: `chars` characters in `room` points.
    let fit = |room: Pt, chars: usize| SMALL.min(Pt(room.0 * 1.7 / chars.max(1) as f64));
    for (i, name) in c.categories.iter().enumerate() {
        let gx = left + group * i as f64 + group * 0.15;
        for (k, s) in c.series.iter().enumerate() {
            // No value: no bar, no label.
            let Some(v) = s.values.get(i).copied().flatten() else {
                continue;
            };
            let h = Pt(float(&v) * scale);
            let bx = gx + bar_w * k as f64;
            items.push(bar(Rect::new(bx, bottom - h, bar_w, h), s.shade, tag));
            let value = angka(&v.round_dp(1).normalize());
            let size = fit(bar_w * 0.95, value.chars().count());
            let at = (bx + bar_w / 2.0, bottom - h - Pt(2.0));
            items.push(label(ctx, &value, size, at, true, tag));
        }
        let size = fit(group * 1.05, name.chars().count());
        let cx = left + group * (i as f64 + 0.5);
        items.push(label(ctx, name, size, (cx, bottom + line), true, tag));
    }
}

/// A bar: filled with `shade`, outlined in black.
fn bar(rect: Rect, shade: f32, tag: Tag) -> Item {
    let mut b = BoxItem::new(rect, Some(shade), Some(Pt(0.4)));
    b.tag = tag;
    Item::Box(b)
}

/// A filled box without outline.
fn bar_plain(rect: Rect, shade: f32, tag: Tag) -> Item {
    let mut b = BoxItem::new(rect, Some(shade), None);
    b.tag = tag;
    Item::Box(b)
}

/// The cover: one chunk the height of a page's body, marked to be printed
/// without page furniture; the title at the top, the lines under it, the
/// logo centred in the room left, the foot's lines at the bottom. A `Div`
/// of the title's `H1` (the document's title, where a whole LKj has no
/// other), a `P` per other group of lines and the logo's `Figure`.
pub(super) fn cover(ctx: &Ctx<'_>, c: &Cover, (x, width): (Pt, Pt), parent: NodeId) -> Chunk {
    let body = ctx.body();
    let div = ctx.node(Role::Div, parent);
    let mut chunk = Chunk::new(Phrase::ChunkCover, body);
    chunk.what.origin = c.origin.clone();
    chunk.bare = true;
    let mut y = Pt::ZERO;
    let stack = |(lines, role): (&[Text], Role), size: Pt, y: &mut Pt, items: &mut Vec<Item>| {
        let tag = Tag::Node(ctx.node(role, div));
        for t in lines {
            for l in text_lines(
                ctx,
                t,
                size,
                x,
                width,
                Align::Center,
                Phrase::ChunkLine,
                tag,
            ) {
                items.extend(l.items.into_iter().map(|mut i| {
                    i.shift_y(*y);
                    i
                }));
                *y += l.height;
            }
        }
    };
    stack((&c.title, Role::H1), Pt(16.0), &mut y, &mut chunk.items);
    y += ctx.line_height(Pt(13.0));
    stack((&c.subtitle, Role::P), Pt(13.0), &mut y, &mut chunk.items);
    let mut foot_items = Vec::new();
    let mut foot_h = Pt::ZERO;
    stack((&c.foot, Role::P), Pt(13.0), &mut foot_h, &mut foot_items);
    let foot_top = body - foot_h;
    if let Some(logo) = &c.logo {
        let room = foot_top - y - ctx.line_height(Pt(13.0)) * 2.0;
        let node = ctx.node(Role::Figure, div);
        ctx.tree.borrow_mut().nodes[node].alt = Some(logo.alt.clone());
        let (w, h) = graphic_size(logo, width, room.max(Pt(1.0)));
        let top = y + (foot_top - y - h) / 2.0;
        let rect = Rect::new(x + (width - w) / 2.0, top, w, h);
        chunk
            .items
            .extend(graphic(ctx, &logo.content, rect, Tag::Node(node)));
    }
    chunk.items.extend(foot_items.into_iter().map(|mut i| {
        i.shift_y(foot_top);
        i
    }));
    chunk
}

/// The box of each figure's items on the first page it is drawn on, as
/// its `/BBox` attribute.
pub(super) fn figure_boxes(pages: &[Page], structure: &mut Structure) {
    for page in pages {
        for item in &page.items {
            let Tag::Node(n) = item.tag() else { continue };
            let figure = structure
                .nodes
                .get(n)
                .is_some_and(|s| s.role == Role::Figure);
            if !figure {
                continue;
            }
            let r = extent(item);
            let node = &mut structure.nodes[n];
            node.bbox = Some(match node.bbox {
                None => r,
                Some(b) => {
                    let (x0, y0) = (b.x.min(r.x), b.y.min(r.y));
                    let (x1, y1) = (b.right().max(r.right()), b.bottom().max(r.bottom()));
                    Rect::new(x0, y0, x1 - x0, y1 - y0)
                }
            });
        }
    }
}

/// The rectangle an item covers (a text run: its advance and its size
/// above the baseline, a quarter below).
fn extent(item: &Item) -> Rect {
    match item {
        Item::Text(t) => Rect::new(t.x, t.y - t.size, t.width, t.size * 1.25),
        Item::Rule(r) => {
            let (x0, y0) = (r.x1.min(r.x2), r.y1.min(r.y2));
            let (w, h) = ((r.x1 - r.x2).0.abs(), (r.y1 - r.y2).0.abs());
            Rect::new(x0, y0, Pt(w), Pt(h))
        }
        Item::Box(b) => b.rect,
        Item::Link(l) => l.rect,
        Item::Image(i) => i.rect,
    }
}
