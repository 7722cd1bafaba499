//! Tables: column widths that suit the content, wrapped cells, row and
//! column spans, borders, and the header row repeated on every page.
//!
//! Each header, and each group of body rows tied together by a row span,
//! becomes one chunk. Pagination moves a chunk that does not fit to the
//! next page, and splits one taller than a page between lines of text.

use std::rc::Rc;

use super::chunk::{Chunk, CutRule};
use super::ctx::Ctx;
use super::lines::{Tagger, line_items, pieces, text_lines};
use crate::doc::Origin;
use crate::doc::{Cell, Table, Text};
use crate::error::Result;
use crate::frame::{ArtifactKind, BoxItem, Item, NodeId, Role, Rule, Scope, Tag};
use crate::problem::{Arg, Kind, Phrase, Problem};
use crate::text::break_lines;
use crate::text::{Face, Piece};
use crate::units::{Pt, Rect};

/// A cell at its place in the grid.
struct Placed<'a> {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    cell: &'a Cell,
}

/// Places cells in the grid, skipping positions covered by spans from
/// above (as HTML does). Spans are clipped to the table.
fn place<'a>(t: &'a Table) -> (Vec<Placed<'a>>, usize) {
    let ncols = t.columns.len();
    let rows: Vec<(&crate::doc::Row, bool)> = t
        .header
        .iter()
        .map(|r| (r, true))
        .chain(t.body.iter().map(|r| (r, false)))
        .collect();
    let nrows = rows.len();
    let header_rows = t.header.len();
    let mut covered = vec![vec![false; ncols]; nrows];
    let mut placed = Vec::new();
    for (r, (row, header)) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in &row.cells {
            while c < ncols && covered[r][c] {
                c += 1;
            }
            if c >= ncols {
                break;
            }
            let colspan = cell.colspan.max(1).min(ncols - c);
            // A header's spans stay in the header, a body's in the body.
            let limit = if *header { header_rows } else { nrows };
            let rowspan = cell.rowspan.max(1).min(limit - r);
            for row in &mut covered[r..r + rowspan] {
                row[c..c + colspan].fill(true);
            }
            placed.push(Placed {
                row: r,
                col: c,
                rowspan,
                colspan,
                cell,
            });
            c += colspan;
        }
    }
    (placed, nrows)
}

/// The padding left and right of a cell's text at type `size`: the style's
/// cell padding, but at least 0.55 of the type size, so that the text of
/// two cells side by side is more than one type size apart. Closer than
/// that, text extractors (poppler's `pdftotext`, and the copy-paste and
/// indexing paths like it) take the two cells for one block of text and
/// read the table column by column.
fn side_padding(style: &crate::style::Style, size: Pt) -> Pt {
    style.cell_padding.max(size * 0.55)
}

/// The columns whose right-aligned cells are set close to the next
/// column's left-aligned cells, because a cell in that next column spans
/// rows (`joined[c]` for the boundary between columns c and c + 1).
///
/// A spanning cell leaves a hole in the grid of its column, in the rows
/// below its first. poppler's `pdftotext` places a block of text in a
/// table only as a corner of a square of four blocks (one, its neighbour
/// to the right, the one below it and the one diagonally below) aligned
/// alike; the cell left of a span's first row has the span as its right
/// neighbour, with nothing below it, so it makes no square, and the cell
/// under it, if it is in the table's last row, is then in none either. A
/// block left out of a table is read before or after all of the table:
/// the column comes out on its own. Set closer than a type size to the
/// span (see [`join_padding`]), the cell and the span's text are one block
/// for poppler, with the next column's cells below it: the squares close
/// again, and each row is read in order, the cell and the spanning text
/// on one line.
fn joined_columns(t: &Table, placed: &[Placed<'_>]) -> Vec<bool> {
    let ncols = t.columns.len();
    let mut joined = vec![false; ncols];
    for p in placed {
        if p.rowspan > 1 && p.col > 0 && t.columns[p.col - 1].align == crate::text::Align::Right {
            joined[p.col - 1] = true;
        }
    }
    joined
}

/// The padding right of a right-aligned cell and left of a left-aligned
/// cell on a joined boundary (see [`joined_columns`]) at type `size`:
/// together 0.8 of the type size (poppler joins text closer than one type
/// size into a block), the right-aligned text the closer to the rule.
fn join_padding(size: Pt) -> (Pt, Pt) {
    (size * 0.3, size * 0.5)
}

/// What each column needs at one type size, padding included.
struct Needs {
    /// Its text on one line per paragraph.
    max: Vec<Pt>,
    /// Its widest word.
    min: Vec<Pt>,
    /// Its widest piece between soft break points.
    soft: Vec<Pt>,
    /// What it can never go below: its widest figure (never broken),
    /// its widest cell kept whole, and its widest letter.
    hard: Vec<Pt>,
    /// Its widest piece when words also break at their syllables, and at
    /// least `hard`: measured only when `soft` does not fit at any size
    /// (empty until then).
    syl: Vec<Pt>,
}

/// What measuring a cell needs whatever the type size, made once per
/// table rather than once per size tried: its pieces (with their tied
/// words), and the advances of its narrowest and widest character in each
/// span, in font units.
struct CellText<'a> {
    pieces: Vec<Piece<'a>>,
    advances: Vec<(Face, u16, u16)>,
}

impl<'a> CellText<'a> {
    fn new(ctx: &Ctx<'_>, cell: &'a Cell) -> Self {
        let advances = cell
            .text
            .iter()
            .map(|s| {
                let face = Face::for_style(s.style);
                let f = ctx.fonts.face(face);
                let (lo, hi) = s
                    .text
                    .chars()
                    .map(|c| f.advance_units(c))
                    .fold((u16::MAX, 0), |(lo, hi), u| (lo.min(u), hi.max(u)));
                (face, lo, hi)
            })
            .collect();
        CellText {
            pieces: pieces(&cell.text),
            advances,
        }
    }

    /// The widest single character of the cell at `size`: narrower than
    /// that, its text would cross its border. (A character's width at
    /// `size` grows with its advance, so the widest is one of the two
    /// extremes of each span; an empty span counts as nothing.)
    fn widest_char(&self, ctx: &Ctx<'_>, size: Pt) -> Pt {
        self.advances
            .iter()
            .filter(|(_, lo, hi)| lo <= hi)
            .flat_map(|&(face, lo, hi)| {
                let f = ctx.fonts.face(face);
                [f.scale(u64::from(lo), size), f.scale(u64::from(hi), size)]
            })
            .fold(Pt::ZERO, Pt::max)
    }
}

/// Measures the columns at `size`.
fn column_needs(
    ctx: &Ctx<'_>,
    placed: &[Placed<'_>],
    texts: &[CellText<'_>],
    ncols: usize,
    (size, width): (Pt, Pt),
) -> Needs {
    let pad2 = side_padding(ctx.style, size) * 2.0;
    // Wider than the whole table, a word is split between letters anyway.
    let cap = width - pad2;
    let mut max = vec![Pt(1.0); ncols];
    let mut min = vec![Pt(1.0); ncols];
    let mut soft = vec![Pt(1.0); ncols];
    let mut hard = vec![Pt(1.0); ncols];
    let extents: Vec<_> = texts
        .iter()
        .zip(placed)
        .map(|(t, p)| {
            let e = crate::text::measure_capped(&t.pieces, ctx.fonts, size, cap);
            let mut hard = e.unbreakable.max(t.widest_char(ctx, size));
            if p.cell.keep_whole {
                hard = hard.max(e.max);
            }
            (e, hard)
        })
        .collect();
    for (p, (e, h)) in placed.iter().zip(&extents) {
        let pad = pad2 + cell_indent(ctx.style, p.cell);
        if p.colspan == 1 {
            max[p.col] = max[p.col].max(e.max + pad);
            min[p.col] = min[p.col].max(e.min + pad);
            soft[p.col] = soft[p.col].max(e.min_soft + pad);
            hard[p.col] = hard[p.col].max(*h + pad);
        }
    }
    // Spanning cells widen the columns they cover if they must.
    for (p, (e, h)) in placed.iter().zip(&extents) {
        let pad = pad2 + cell_indent(ctx.style, p.cell);
        if p.colspan > 1 {
            widen(&mut max, p, e.max + pad);
            widen(&mut min, p, e.min + pad);
            widen(&mut soft, p, e.min_soft + pad);
            widen(&mut hard, p, *h + pad);
        }
    }
    for c in 0..ncols {
        soft[c] = soft[c].max(hard[c]);
        min[c] = min[c].max(soft[c]);
        max[c] = max[c].max(min[c]);
    }
    Needs {
        max,
        min,
        soft,
        hard,
        syl: Vec::new(),
    }
}

/// How far a cell's text is indented from its left padding: half the
/// style's indent per step.
fn cell_indent(style: &crate::style::Style, cell: &Cell) -> Pt {
    style.indent * (f64::from(cell.indent) / 2.0)
}

/// Widens the columns a spanning cell covers, evenly, so that together
/// they are at least `need`.
fn widen(v: &mut [Pt], p: &Placed<'_>, need: Pt) {
    let cols = p.col..p.col + p.colspan;
    let have: Pt = v[cols.clone()].iter().copied().sum();
    if need.0 > have.0 {
        let add = (need - have) / p.colspan as f64;
        for c in cols {
            v[c] += add;
        }
    }
}

/// The columns' widest pieces at `size` when words may also break at their
/// syllables (see [`crate::text::measure_syllables`]), padding included,
/// at least their hard minimums; a piece wider than the whole table
/// (`width`) is left to be split between letters.
fn syllable_needs(
    ctx: &Ctx<'_>,
    placed: &[Placed<'_>],
    texts: &[CellText<'_>],
    needs: &Needs,
    (size, width): (Pt, Pt),
) -> Vec<Pt> {
    let pad2 = side_padding(ctx.style, size) * 2.0;
    let mut syl = needs.hard.clone();
    let cap = width - pad2;
    let widths: Vec<Pt> = texts
        .iter()
        .zip(placed)
        .map(|(t, p)| {
            let pad = pad2 + cell_indent(ctx.style, p.cell);
            crate::text::measure_syllables(&t.pieces, ctx.fonts, size, cap) + pad
        })
        .collect();
    for (p, w) in placed.iter().zip(&widths) {
        if p.colspan == 1 {
            syl[p.col] = syl[p.col].max(*w);
        }
    }
    for (p, w) in placed.iter().zip(&widths) {
        if p.colspan > 1 {
            widen(&mut syl, p, *w);
        }
    }
    for (s, soft) in syl.iter_mut().zip(&needs.soft) {
        *s = s.min(*soft);
    }
    syl
}

/// The type sizes to try for a table, largest first: from the style's
/// table size down to its minimum, step by step (at most 64 sizes; with a
/// step that is not positive, straight to the minimum).
fn table_sizes(style: &crate::style::Style) -> Vec<Pt> {
    let start = style.table_font_size;
    let end = style.table_min_font_size.min(start);
    let step = style.table_font_step.0;
    let mut sizes = vec![start];
    if step > 0.0 {
        for k in 1..64 {
            let s = start.0 - step * k as f64;
            if s <= end.0 + 1e-9 {
                break;
            }
            sizes.push(Pt(s));
        }
    }
    if end.0 < start.0 {
        sizes.push(end);
    }
    sizes
}

/// Column widths filling `width`: wide enough for every word where
/// possible, the rest shared by how much text each column holds; never
/// below a column's hard minimum (which must fit: `needs.hard_total()` is
/// at most `width`).
fn column_widths(needs: &Needs, width: Pt) -> Vec<Pt> {
    let Needs {
        max,
        min,
        soft,
        hard,
        syl,
    } = needs;
    // The least each column gets when words must break: their syllables
    // if they were measured, else the hard minimums.
    let least = if syl.is_empty() { hard } else { syl };
    let sum = |v: &[Pt]| -> Pt { v.iter().copied().sum() };
    // Share `extra` in proportion to `weights`.
    let share = |base: &[Pt], weights: &[Pt], extra: Pt| -> Vec<Pt> {
        let total = sum(weights);
        base.iter()
            .zip(weights)
            .map(|(b, w)| {
                if total.0 > 0.0 {
                    *b + extra * (w.0 / total.0)
                } else {
                    *b + extra / base.len() as f64
                }
            })
            .collect()
    };
    let diff = |a: &[Pt], b: &[Pt]| -> Vec<Pt> { a.iter().zip(b).map(|(x, y)| *x - *y).collect() };
    if sum(max).0 <= width.0 {
        share(max, max, width - sum(max))
    } else if sum(min).0 <= width.0 {
        share(min, &diff(max, min), width - sum(min))
    } else if sum(soft).0 <= width.0 {
        share(soft, &diff(min, soft), width - sum(soft))
    } else {
        // Not even the words fit whole: every column gets its least (its
        // widest syllable, figure and code), and the room left raises the
        // narrowest columns first towards their widest word, to the level
        // that fills the width exactly (no column gets more than its
        // words need while another has less than its own). 60 halvings: a
        // fixed number of steps.
        let at = |level: f64| -> Vec<Pt> {
            soft.iter()
                .zip(least)
                .map(|(s, h)| Pt(s.0.min(level).max(h.0)))
                .collect()
        };
        let (mut lo, mut hi) = (0.0, soft.iter().fold(0.0f64, |m, w| m.max(w.0)));
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if sum(&at(mid)).0 > width.0 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        at(lo)
    }
}

/// A cell laid out: its text items relative to the cell's top-left, and
/// the vertical extent of each line.
struct CellBox {
    items: Vec<Item>,
    lines: Vec<(Pt, Pt)>,
    height: Pt,
}

/// Lays out a cell's text in its box at `x`, `width` wide, padded by the
/// side padding, or on a joined boundary (`joined`: the cell's left and
/// right edges) by the join padding.
fn layout_cell(
    ctx: &Ctx<'_>,
    (p, node): (&Placed<'_>, NodeId),
    align: crate::text::Align,
    (x, width): (Pt, Pt),
    size: Pt,
    joined: (bool, bool),
) -> CellBox {
    let mut tagger = Tagger::new(Tag::Node(node));
    use crate::text::Align;
    let pad = ctx.style.cell_padding;
    let side = side_padding(ctx.style, size);
    let (join_right, join_left) = join_padding(size);
    let left = if joined.0 && align == Align::Left {
        join_left
    } else {
        side
    } + cell_indent(ctx.style, p.cell);
    let right = if joined.1 && align == Align::Right {
        join_right
    } else {
        side
    };
    let line_height = ctx.line_height(size);
    let baseline = ctx.baseline(size);
    let ascent = ctx.fonts.face(Face::Regular).ascent(size);
    let descent = ctx.fonts.face(Face::Regular).descent(size);
    let inner = (width - left - right).max(Pt(1.0));
    let lines = break_lines(&pieces(&p.cell.text), ctx.fonts, size, inner, align);
    let mut items = Vec::new();
    let mut extents = Vec::new();
    let mut y = pad;
    for line in lines {
        line_items(
            ctx,
            line,
            (x + left, y + baseline, size),
            (ascent, descent),
            &mut tagger,
            &mut items,
        );
        extents.push((y, y + line_height));
        y += line_height;
    }
    CellBox {
        items,
        lines: extents,
        height: y + pad,
    }
}

/// Joins edges `(position, from, to)` that lie on one line and touch or
/// overlap, so each rule is drawn once.
fn merge_edges(mut edges: Vec<(Pt, Pt, Pt)>) -> Vec<(Pt, Pt, Pt)> {
    edges.sort_by(|a, b| a.0.0.total_cmp(&b.0.0).then(a.1.0.total_cmp(&b.1.0)));
    let mut out: Vec<(Pt, Pt, Pt)> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(last) if last.0.approx_eq(e.0) && e.1.0 <= last.2.0 + 1e-3 => {
                last.2 = last.2.max(e.2);
            }
            _ => out.push(e),
        }
    }
    out
}

/// Where a unit of rows of `height` may be split: below a line of a cell
/// or between rows, where no line of any cell straddles the cut; in
/// increasing order, without near duplicates. `lines` are the cells' lines
/// (top and bottom, from the unit's top), `row_top` the rows' tops and the
/// unit's bottom.
///
/// A sweep over the candidates and the lines, both sorted: O(n log n) in
/// the lines (a row of one long cell has a line per cut).
fn cuts_between_lines(lines: &mut [(Pt, Pt)], row_top: &[Pt], height: Pt) -> Vec<Pt> {
    let inner = row_top
        .get(1..row_top.len().saturating_sub(1))
        .unwrap_or_default();
    let mut candidates: Vec<Pt> = lines
        .iter()
        .map(|(_, bottom)| *bottom)
        .chain(inner.iter().copied())
        .filter(|c| c.0 > 0.0 && c.0 < height.0)
        .collect();
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines.sort_by(|a, b| a.0.0.total_cmp(&b.0.0));
    // `reach`: the lowest bottom of the lines starting above the
    // candidate (by more than the tolerance); `next` the first line not
    // yet counted. Both only grow, as the candidates increase.
    let mut next = 0;
    let mut reach = f64::NEG_INFINITY;
    let mut cuts = Vec::with_capacity(candidates.len());
    for c in candidates {
        while let Some((a, z)) = lines.get(next)
            && a.0 < c.0 - 1e-6
        {
            reach = reach.max(z.0);
            next += 1;
        }
        // A line straddles the cut if it starts above and ends below it.
        if reach <= c.0 + 1e-6 {
            cuts.push(c);
        }
    }
    cuts.dedup_by(|a, b| a.approx_eq(*b));
    cuts
}

/// Lays out a table at `x`, `width` wide: the header as one chunk kept
/// with the first row, then one chunk per group of rows.
///
/// If its columns cannot hold their figures and letters at the style's
/// table size, the text is made smaller step by step down to
/// `table_min_font_size`; a table that does not fit even then is refused
/// with its JSON path and the width it needs.
pub(super) fn layout_table(
    ctx: &Ctx<'_>,
    t: &Table,
    x: Pt,
    width: Pt,
    parent: NodeId,
) -> Result<Vec<Chunk>> {
    if t.columns.is_empty() {
        return Ok(Vec::new());
    }
    let (placed, nrows) = place(t);
    let (size, needs) = fitting_size(ctx, t, &placed, width)?;
    let (table, cells) = table_nodes(ctx, t, &placed, nrows, parent);
    let mut grid = Grid::new(
        ctx,
        t,
        (placed, &cells),
        nrows,
        x,
        &column_widths(&needs, width),
        size,
    );
    let header_rows = t.header.len();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut header: Option<Rc<Vec<Chunk>>> = None;
    for (start, end) in grid.units(header_rows) {
        let is_header = start < header_rows;
        let mut chunk = grid.unit_chunk(ctx, t, start, end, is_header);
        if is_header {
            chunk.keep_with_next = true;
            header = Some(Rc::new(vec![chunk]));
            if let Some(h) = &header {
                chunks.push(h[0].clone());
            }
            continue;
        }
        chunk.repeat = header.clone();
        // A row kept with the previous one (a Total row).
        let body_row = start - header_rows;
        if t.body.get(body_row).is_some_and(|r| r.keep_with_previous)
            && let Some(prev) = chunks.last_mut()
        {
            prev.keep_with_next = true;
        }
        chunks.push(chunk);
    }
    if let Some(caption) = &t.caption {
        if let Some(last) = chunks.last_mut() {
            last.keep_with_next = true;
        }
        let tag = Tag::Node(ctx.node(Role::Caption, table));
        chunks.extend(caption_lines(ctx, caption, size, (x, width), tag));
    }
    Ok(chunks)
}

/// The table's structure nodes in `parent`: `Table`, `THead` (the header
/// rows) and `TBody`, a `TR` per row, a `TH` (scope `Column` in the
/// header, `Row` for a body cell labelling its row) or `TD` per placed
/// cell, with its spans. Returns the table's node and each cell's, in the
/// order of `placed`.
fn table_nodes(
    ctx: &Ctx<'_>,
    t: &Table,
    placed: &[Placed<'_>],
    nrows: usize,
    parent: NodeId,
) -> (NodeId, Vec<NodeId>) {
    let table = ctx.node(Role::Table, parent);
    let head = (!t.header.is_empty()).then(|| ctx.node(Role::THead, table));
    let body = (t.header.len() < nrows).then(|| ctx.node(Role::TBody, table));
    let mut cells = Vec::with_capacity(placed.len());
    let mut next = 0;
    let mut tree = ctx.tree.borrow_mut();
    for r in 0..nrows {
        let section = if r < t.header.len() { head } else { body };
        let tr = tree.add(Role::TR, section.unwrap_or(table));
        // Cells are placed row by row: those of row r come next.
        while let Some(p) = placed.get(next).filter(|p| p.row == r) {
            let in_header = r < t.header.len();
            let (role, scope) = match (in_header, p.cell.row_header) {
                (true, _) => (Role::TH, Some(Scope::Column)),
                (false, true) => (Role::TH, Some(Scope::Row)),
                (false, false) => (Role::TD, None),
            };
            let id = tree.add(role, tr);
            let node = &mut tree.nodes[id];
            node.scope = scope;
            node.rowspan = p.rowspan;
            node.colspan = p.colspan;
            cells.push(id);
            next += 1;
        }
    }
    (table, cells)
}

/// The type size and the columns' needs there: the largest of the table
/// sizes (see [`table_sizes`]) at which every word fits whole in its
/// column (the columns' soft minimums fit in `width`; words still break
/// after a `-` or `/`); else the smallest size, if every column holds its
/// widest syllable there (words then break at their syllables, the fewest
/// at the smallest type), with its figures, codes and cells kept whole;
/// else the error naming the table and the width it needs at the
/// smallest size.
fn fitting_size(ctx: &Ctx<'_>, t: &Table, placed: &[Placed<'_>], width: Pt) -> Result<(Pt, Needs)> {
    let ncols = t.columns.len();
    let fits = |v: &[Pt]| v.iter().copied().sum::<Pt>().0 <= width.0 + 1e-6;
    let texts: Vec<CellText<'_>> = placed.iter().map(|p| CellText::new(ctx, p.cell)).collect();
    let mut smallest = None;
    // A bounded loop: one turn per size.
    for size in table_sizes(ctx.style) {
        let needs = column_needs(ctx, placed, &texts, ncols, (size, width));
        if fits(&needs.soft) {
            return Ok((size, needs));
        }
        smallest = Some((size, needs));
    }
    let (size, mut needs) = match smallest {
        Some(found) => found,
        None => {
            let size = ctx.style.table_font_size;
            (
                size,
                column_needs(ctx, placed, &texts, ncols, (size, width)),
            )
        }
    };
    needs.syl = syllable_needs(ctx, placed, &texts, &needs, (size, width));
    if fits(&needs.syl) {
        let whole: Pt = needs.soft.iter().copied().sum();
        let p = Problem::new(t.origin.location(), Kind::TableWordsBroken)
            .with("columns", ncols)
            .with("need", format!("{:.0}", whole.0.ceil()))
            .with("size", format!("{}", size.0))
            .with("width", format!("{:.0}", width.0.floor()))
            // A wider page breaks fewer words even if not none.
            .with("advice", advice(ctx, Pt::ZERO, width));
        ctx.notices.borrow_mut().push(p);
        return Ok((size, needs));
    }
    let need: Pt = needs.syl.iter().copied().sum();
    let p = Problem::new(t.origin.location(), Kind::TableTooWide)
        .with("columns", ncols)
        .with("need", format!("{:.0}", need.0.ceil()))
        .with("size", format!("{}", size.0))
        .with("width", format!("{:.0}", width.0.floor()))
        .with("advice", advice(ctx, need, width));
    Err(p.into())
}

/// What to do with a table that needs `need` where it has `width`: set
/// it on landscape pages if it is on a portrait one and would fit there
/// (its indents kept), else split or shorten it.
fn advice(ctx: &Ctx<'_>, need: Pt, width: Pt) -> Arg {
    let style = ctx.style;
    let turned = style.landscape().text_width() - (style.text_width() - width);
    if ctx.landscape.get() || need.0 > turned.0 + 1e-6 {
        return Arg::from(Phrase::TableSplitIt);
    }
    let width = format!("{:.0}", turned.0.floor()).into();
    Arg::phrase(Phrase::TableTurnIt, vec![("width", width)])
}

/// A table's cells laid out in its grid, before it is cut into chunks.
struct Grid<'a> {
    /// The cells, row by row.
    placed: Vec<Placed<'a>>,
    /// Each cell's box, in the order of `placed`.
    boxes: Vec<CellBox>,
    /// The columns' left edges, and the table's right edge last.
    col_x: Vec<Pt>,
    /// The rows' heights.
    row_h: Vec<Pt>,
    /// `first[r]..first[r + 1]` are the cells starting in row r.
    first: Vec<usize>,
    /// Where the table comes from.
    origin: Origin,
}

impl<'a> Grid<'a> {
    /// Lays out every cell at `size` in columns `widths` wide from `x`,
    /// then sizes the rows.
    fn new(
        ctx: &Ctx<'_>,
        t: &Table,
        (placed, nodes): (Vec<Placed<'a>>, &[NodeId]),
        nrows: usize,
        x: Pt,
        widths: &[Pt],
        size: Pt,
    ) -> Self {
        let mut col_x = vec![x];
        for w in widths {
            let last = *col_x.last().unwrap_or(&x);
            col_x.push(last + *w);
        }
        let joined = joined_columns(t, &placed);
        let boxes: Vec<CellBox> = placed
            .iter()
            .zip(nodes)
            .map(|(p, node)| {
                let align = p.cell.align.unwrap_or(t.columns[p.col].align);
                let w = col_x[p.col + p.colspan] - col_x[p.col];
                let edges = (
                    p.col > 0 && joined[p.col - 1],
                    joined[p.col + p.colspan - 1],
                );
                layout_cell(ctx, (p, *node), align, (col_x[p.col], w), size, edges)
            })
            .collect();
        let row_h = row_heights(&placed, &boxes, nrows);
        let first = first_cells(&placed, nrows);
        Grid {
            placed,
            boxes,
            col_x,
            row_h,
            first,
            origin: t.origin.clone(),
        }
    }

    fn rows(&self) -> usize {
        self.row_h.len()
    }

    /// The table's left and right edges.
    fn edges(&self) -> (Pt, Pt) {
        let left = self.col_x[0];
        (left, *self.col_x.last().unwrap_or(&left))
    }

    /// The rows grouped into units that no row span crosses (the header
    /// rows, the first `header_rows`, are one unit), as `start..end`.
    fn units(&self, header_rows: usize) -> Vec<(usize, usize)> {
        let (nrows, first) = (self.rows(), &self.first);
        let mut units = Vec::new();
        // Progress: `r` grows to `end > r` each turn. Inside, `scanned`
        // grows to `end` each turn and `end` never passes `nrows` (spans
        // are clipped to the table): each cell is looked at once, so this
        // is linear.
        let mut r = 0;
        while r < nrows {
            let mut end = if r < header_rows { header_rows } else { r + 1 };
            let mut scanned = r;
            while scanned < end {
                let reach = self.placed[first[scanned]..first[end]]
                    .iter()
                    .map(|p| p.row + p.rowspan)
                    .max()
                    .unwrap_or(end);
                scanned = end;
                end = end.max(reach).min(nrows);
            }
            units.push((r, end));
            r = end;
        }
        units
    }

    /// The rows `start..end` as one chunk: the header's fill, the rules
    /// (each drawn once, as long as it runs), the cells' text (moved out of
    /// their boxes: each cell is in one unit, and the table's text is not
    /// held twice), and the cuts between lines where pagination may split
    /// it.
    fn unit_chunk(
        &mut self,
        ctx: &Ctx<'_>,
        t: &Table,
        start: usize,
        end: usize,
        is_header: bool,
    ) -> Chunk {
        let (left, right) = self.edges();
        let mut row_top = vec![Pt::ZERO; end - start + 1];
        for r in start..end {
            row_top[r - start + 1] = row_top[r - start] + self.row_h[r];
        }
        let height = row_top[end - start];
        let kind = if is_header {
            Phrase::ChunkTableHeader
        } else {
            Phrase::ChunkTableRow
        };
        let mut chunk = Chunk::new(kind, height);
        // Named by its first row's origin, else by the table's.
        chunk.what.origin = match t.header.iter().chain(&t.body).nth(start) {
            Some(row) if row.origin.path().is_some() => row.origin.clone(),
            _ => self.origin.clone(),
        };
        let mut lines: Vec<(Pt, Pt)> = Vec::new();
        let mut texts = Vec::new();
        let mut h_edges: Vec<(Pt, Pt, Pt)> = Vec::new();
        let mut v_edges: Vec<(Pt, Pt, Pt)> = Vec::new();
        let cells = self.first[start]..self.first[end];
        for (p, b) in self.placed[cells.clone()]
            .iter()
            .zip(&mut self.boxes[cells])
        {
            let top = row_top[p.row - start];
            let bottom = row_top[p.row + p.rowspan - start];
            let (x1, x2) = (self.col_x[p.col], self.col_x[p.col + p.colspan]);
            // The cell's top and left edges.
            h_edges.push((top, x1, x2));
            v_edges.push((x1, top, bottom));
            for mut item in std::mem::take(&mut b.items) {
                item.shift_y(top);
                texts.push(item);
            }
            lines.extend(b.lines.iter().map(|(a, z)| (*a + top, *z + top)));
        }
        if is_header {
            chunk.items.push(Item::Box(BoxItem {
                rect: Rect::new(left, Pt::ZERO, right - left, height),
                fill: Some(ctx.style.header_fill),
                stroke: None,
                tag: Tag::Artifact(ArtifactKind::Layout),
            }));
        }
        // The unit's right and bottom edges.
        v_edges.push((right, Pt::ZERO, height));
        h_edges.push((height, left, right));
        chunk
            .items
            .extend(rules(h_edges, v_edges, ctx.style.rule_width));
        chunk.baseline = texts.iter().find_map(|i| match i {
            Item::Text(t) => Some(t.y),
            _ => None,
        });
        chunk.items.extend(texts);
        chunk.cuts = cuts_between_lines(&mut lines, &row_top, height);
        chunk.cut_rule = Some(CutRule {
            x1: left,
            x2: right,
            width: ctx.style.rule_width,
            padding: ctx.style.cell_padding,
        });
        chunk
    }
}

/// The rows' heights: each the tallest of the cells starting in it, a cell
/// spanning rows included: its text stays beside its first row.
///
/// A spanning cell's text that ran on beside the next row would sit to
/// the right of that row's first cells and beside them: text extractors
/// (poppler's `pdftotext`) then read the next row's first cells before the
/// spanning cell, and the table no longer reads row by row.
fn row_heights(placed: &[Placed<'_>], boxes: &[CellBox], nrows: usize) -> Vec<Pt> {
    let mut row_h = vec![Pt::ZERO; nrows];
    for (p, b) in placed.iter().zip(boxes) {
        row_h[p.row] = row_h[p.row].max(b.height);
    }
    row_h
}

/// Cells are placed row by row: `first[r]..first[r + 1]` are the cells
/// starting in row r (of `nrows`).
fn first_cells(placed: &[Placed<'_>], nrows: usize) -> Vec<usize> {
    let mut first = vec![placed.len(); nrows + 1];
    for (i, p) in placed.iter().enumerate().rev() {
        first[p.row] = i;
    }
    for r in (0..nrows).rev() {
        first[r] = first[r].min(first[r + 1]);
    }
    first
}

/// The horizontal edges `(y, x1, x2)` and the vertical ones
/// `(x, y1, y2)` as rules `width` wide, each drawn once, as long as it
/// runs: the horizontal ones first.
fn rules(
    h_edges: Vec<(Pt, Pt, Pt)>,
    v_edges: Vec<(Pt, Pt, Pt)>,
    width: Pt,
) -> impl Iterator<Item = Item> {
    let horizontal = merge_edges(h_edges).into_iter().map(move |(y, x1, x2)| {
        Item::Rule(Rule {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            tag: Tag::Artifact(ArtifactKind::Layout),
        })
    });
    let vertical = merge_edges(v_edges).into_iter().map(move |(x, y1, y2)| {
        Item::Rule(Rule {
            x1: x,
            y1,
            x2: x,
            y2,
            width,
            tag: Tag::Artifact(ArtifactKind::Layout),
        })
    });
    horizontal.chain(vertical)
}

/// A table's caption, centred under it at the table's type size.
fn caption_lines(
    ctx: &Ctx<'_>,
    caption: &Text,
    size: Pt,
    (x, width): (Pt, Pt),
    tag: Tag,
) -> Vec<Chunk> {
    let mut lines = text_lines(
        ctx,
        caption,
        size,
        x,
        width,
        crate::text::Align::Center,
        Phrase::ChunkCaption,
        tag,
    );
    if let Some(first) = lines.first_mut() {
        first.space_before = ctx.style.caption_spacing;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Column, Row};
    use crate::frame::Scope;
    use crate::style::Style;
    use crate::text::{Align, FontSet};
    use crate::text::{Span, SpanStyle};

    fn table(ncols: usize, cell: impl Fn(usize, usize) -> String) -> Table {
        let row = |r: usize| Row {
            cells: (0..ncols)
                .map(|c| {
                    Cell::new(vec![Span {
                        text: cell(r, c),
                        style: SpanStyle::REGULAR,
                        link: None,
                    }])
                })
                .collect(),
            keep_with_previous: false,
            origin: Default::default(),
        };
        Table {
            columns: vec![
                Column {
                    align: Align::Right
                };
                ncols
            ],
            header: vec![row(0)],
            body: (1..4).map(row).collect(),
            caption: None,
            origin: Origin::at("t".parse().unwrap()),
        }
    }

    /// The text runs of the chunks, each with the cell it is in.
    fn runs(chunks: &[Chunk]) -> Vec<&crate::frame::TextRun> {
        chunks
            .iter()
            .flat_map(|c| &c.items)
            .filter_map(|i| match i {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    /// Whatever the number of columns and their content, a table is either
    /// refused or drawn inside `x..x + width`, every run inside its column,
    /// every figure whole.
    #[test]
    fn tables_stay_inside_their_width_or_are_refused() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let (x, width) = (Pt(120.0), Pt(380.0));
        type Content<'a> = &'a dyn Fn(usize, usize) -> String;
        let contents: [(&str, Content<'_>); 5] = [
            ("digits", &|r, c| format!("{}", (r * 7 + c) % 10)),
            ("figures", &|r, c| {
                format!("{}.069.025.000,{}", r + 1, c % 90 + 10)
            }),
            ("codes", &|r, c| format!("[4195{r}.DI.{c}.QDB.750] Satuan")),
            ("letters", &|_, c| "M".repeat(c % 5 + 1)),
            ("words", &|r, c| format!("kata{r} panjang{c}sekali")),
        ];
        for ncols in [1, 2, 5, 8, 12, 20, 30, 40, 60, 80] {
            for (name, content) in &contents {
                let t = table(ncols, content);
                let Ok(chunks) = layout_table(&ctx, &t, x, width, 0) else {
                    continue;
                };
                assert_inside(&chunks, (x, width), &format!("{ncols} columns of {name}"));
                if *name == "figures" {
                    let n = runs(&chunks)
                        .iter()
                        .filter(|r| r.text.contains(".069.025.000,"))
                        .count();
                    assert_eq!(n, 4 * ncols, "{ncols} columns: a figure was broken");
                }
                if *name == "codes" {
                    let n = runs(&chunks)
                        .iter()
                        .filter(|r| r.text.contains(".QDB.750]") && r.text.starts_with("[4195"))
                        .count();
                    assert_eq!(n, 4 * ncols, "{ncols} columns: a code was broken");
                }
            }
        }
    }

    /// Every item of `chunks` is inside `x..x + width`, and runs never
    /// overlap on a line: each stays in its cell.
    fn assert_inside(chunks: &[Chunk], (x, width): (Pt, Pt), what: &str) {
        for c in chunks {
            for item in &c.items {
                let (x1, x2) = match item {
                    Item::Text(t) => (t.x, t.x + t.width),
                    Item::Rule(l) => (l.x1.min(l.x2), l.x1.max(l.x2)),
                    Item::Box(b) => (b.rect.x, b.rect.x + b.rect.width),
                    Item::Link(l) => (l.rect.x, l.rect.x + l.rect.width),
                    Item::Image(i) => (i.rect.x, i.rect.x + i.rect.width),
                };
                assert!(
                    x1.0 >= x.0 - 1e-6 && x2.0 <= (x + width).0 + 1e-6,
                    "{what}: {item}"
                );
            }
            let mut rs = runs(std::slice::from_ref(c));
            rs.sort_by(|a, b| a.y.0.total_cmp(&b.y.0).then(a.x.0.total_cmp(&b.x.0)));
            for w in rs.windows(2) {
                if w[0].y.approx_eq(w[1].y) {
                    assert!(
                        (w[0].x + w[0].width).0 <= w[1].x.0 + 1e-6,
                        "{what}: {:?} overlaps {:?}",
                        w[0].text,
                        w[1].text
                    );
                }
            }
        }
    }

    /// A table that cannot fit its width even at the smallest size is
    /// refused, naming how wide its columns need to be.
    #[test]
    fn tables_too_wide_even_at_the_smallest_size_are_refused() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let (x, width) = (Pt(120.0), Pt(380.0));
        // 12 columns of codes cannot fit 380 pt even at 6 pt: refused, not broken.
        let e = layout_table(
            &ctx,
            &table(12, |_, c| format!("[419548.DI.{c}.QDB.750]")),
            x,
            width,
            0,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t: the table does not fit on a page: its 12 columns need at least "),
            "{e}"
        );
        // 80 columns of digits cannot fit 380 pt even at 6 pt: refused.
        let e = layout_table(&ctx, &table(80, |_, _| "7".into()), x, width, 0)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t: the table does not fit on a page: its 80 columns need at least "),
            "{e}"
        );
    }

    /// A table of 4 columns (numbers, a span over the first two body rows
    /// in column 1, figures), the numbers aligned `align`.
    fn spanning(align: Align) -> Table {
        let mut t = table(4, |r, c| match (r, c) {
            (_, 0) => format!("{r}."),
            (1, 1) => "kata panjang yang mengisi beberapa baris di sel ini".into(),
            (_, 1) => "x".into(),
            _ => format!("{}", r * 10 + c),
        });
        t.columns[0].align = align;
        t.columns[1].align = Align::Left;
        t.body[0].cells[1].rowspan = 2;
        t.body[1].cells.remove(1);
        t
    }

    /// The text of two cells side by side is more than one type size
    /// apart (poppler joins words closer than that into one block; for the
    /// exception, right-aligned cells left of a span, see the next test),
    /// and a cell spanning rows keeps its text beside its first row (else
    /// poppler reads the next row's first cells before it).
    #[test]
    fn cells_are_apart_for_extractors_and_spans_stay_in_their_first_row() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let t = spanning(Align::Center);
        let chunks = layout_table(&ctx, &t, Pt(0.0), Pt(200.0), 0).unwrap();
        let rs = runs(&chunks);
        let size = rs[0].size;
        // Each chunk's runs are placed from its top.
        for c in &chunks {
            let mut by_line = runs(std::slice::from_ref(c));
            by_line.sort_by(|a, b| a.y.0.total_cmp(&b.y.0).then(a.x.0.total_cmp(&b.x.0)));
            for w in by_line.windows(2) {
                if w[0].y.approx_eq(w[1].y) {
                    let gap = w[1].x - (w[0].x + w[0].width);
                    assert!(
                        gap.0 > size.0 * 1.05,
                        "{:?} {:?}: {gap}",
                        w[0].text,
                        w[1].text
                    );
                }
            }
        }
        // The spanning text ends above the second row's text (in the same
        // chunk: a span's rows are one).
        let group = chunks
            .iter()
            .find(|c| runs(std::slice::from_ref(c)).iter().any(|r| r.text == "2."))
            .unwrap();
        let rs = runs(std::slice::from_ref(group));
        // The spanning text ends above the second row's text.
        let span_bottom = rs
            .iter()
            .filter(|r| r.x.0 > 20.0 && r.text.chars().any(char::is_alphabetic))
            .map(|r| r.y)
            .fold(Pt::ZERO, Pt::max);
        let second_row = rs.iter().find(|r| r.text == "2.").unwrap().y;
        assert!(span_bottom.0 < second_row.0, "{span_bottom} {second_row}");
    }

    /// A right-aligned cell left of a cell spanning rows is set less than
    /// a type size from the spanning text (and clearly apart: more than 0.3
    /// of it), so that poppler reads the two as one block, at every type
    /// size and cell padding; the numbers of the rows below the span's
    /// first are right-aligned the same. Centred or left-aligned numbers
    /// are not moved.
    #[test]
    fn a_right_aligned_cell_left_of_a_span_is_set_close_to_it() {
        let fonts = FontSet::liberation_sans();
        for (size, padding) in [(9.0, 3.0), (6.0, 3.0), (12.0, 3.0), (9.0, 8.0), (6.0, 0.0)] {
            let style = Style {
                table_font_size: Pt(size),
                table_min_font_size: Pt(size),
                cell_padding: Pt(padding),
                ..Style::default()
            };
            let ctx = Ctx::new(&style, &fonts);
            let at = |align: Align| {
                let chunks = layout_table(&ctx, &spanning(align), Pt(0.0), Pt(300.0), 0).unwrap();
                let rs: Vec<crate::frame::TextRun> = runs(&chunks).into_iter().cloned().collect();
                let one = rs.iter().find(|r| r.text == "1.").unwrap().clone();
                let two = rs.iter().find(|r| r.text == "2.").unwrap().clone();
                let span = rs
                    .iter()
                    .find(|r| r.text.starts_with("kata"))
                    .unwrap()
                    .clone();
                (one, two, span)
            };
            let (one, two, span) = at(Align::Right);
            assert_eq!(one.size, Pt(size));
            assert!(one.y.approx_eq(span.y), "{one:?} {span:?}");
            let gap = span.x - (one.x + one.width);
            assert!(
                gap.0 < size && gap.0 > size * 0.3,
                "{size} pt, padding {padding}: {gap}"
            );
            assert!((two.x + two.width).approx_eq(one.x + one.width));
            for align in [Align::Center, Align::Left] {
                let (one, _, span) = at(align);
                let gap = span.x - (one.x + one.width);
                assert!(gap.0 > size * 1.05, "{align:?} {size} pt: {gap}");
            }
        }
    }

    /// A smaller size where no word must be split between letters is
    /// preferred to a larger one that splits them.
    #[test]
    fn words_are_not_split_between_letters_while_a_smaller_size_avoids_it() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let t = table(8, |r, c| match c {
            0 => format!("[419548.DI.{r}397.QDB.750] Satuan"),
            1 => "Lembaga".into(),
            _ => "17.680.042.000".into(),
        });
        let chunks = layout_table(&ctx, &t, Pt(0.0), Pt(453.0), 0).unwrap();
        let rs = runs(&chunks);
        assert!(
            rs.iter().any(|r| r.text == "Lembaga"),
            "{:?}",
            rs.iter().map(|r| &r.text).collect::<Vec<_>>()
        );
        assert!(rs[0].size.0 < 9.0);
    }

    fn plain(t: &str) -> crate::doc::Text {
        vec![Span {
            text: t.into(),
            style: SpanStyle::REGULAR,
            link: None,
        }]
    }

    /// A table shaped like PPPOMN's Tabel 14: two columns of long text and
    /// ten of figures under a two-level grouped header.
    fn tabel_14() -> Table {
        let groups: &[&[&str]] = &[
            &["No"],
            &["Sasaran Strategis"],
            &["Indikator"],
            &["Target 2021"],
            &["Target Triwulan (kumulatif)", "TW I"],
            &["Target Triwulan (kumulatif)", "TW II"],
            &["Realisasi per Triwulan (kumulatif)", "Pembilang"],
            &["Realisasi per Triwulan (kumulatif)", "Penyebut"],
            &["Realisasi per Triwulan (kumulatif)", "Realisasi"],
            &["Capaian", "thd Target TW II (%)"],
            &["Capaian", "thd Target 2021 (%)"],
            &["Realisasi Anggaran (Rp)"],
        ];
        let header = Table::grouped_header(
            &groups
                .iter()
                .map(|g| g.iter().map(|l| plain(l)).collect())
                .collect::<Vec<_>>(),
        );
        let body = (1..=3)
            .map(|r| {
                let cells = [
                    format!("{r}"),
                    "Terwujudnya pengembangan metode pengujian Obat dan Makanan yang andal".into(),
                    "Persentase laboratorium yang mengikuti uji profisiensi dengan hasil memuaskan"
                        .into(),
                    "100".into(),
                    "25".into(),
                    "50".into(),
                    "14".into(),
                    "28".into(),
                    "196,82".into(),
                    "100".into(),
                    "98,41".into(),
                    "1.843.126.400".into(),
                ];
                Row::new(cells.iter().map(|t| Cell::new(plain(t))).collect())
            })
            .collect();
        let mut t = Table::new(vec![Column::new(Align::Right); 12], header, body);
        t.columns[1].align = Align::Left;
        t.columns[2].align = Align::Left;
        t.origin = Origin::at("tabel14".parse().unwrap());
        t
    }

    /// A grouped header is two rows: a group's cell spans its columns, a
    /// column without a group spans both rows; each is a `TH` of scope
    /// `Column` with its spans, in a `THead` of two `TR`s.
    #[test]
    fn a_grouped_header_spans_columns_and_rows_and_is_tagged_so() {
        let t = tabel_14();
        assert_eq!(t.header.len(), 2);
        let spans: Vec<Vec<(usize, usize)>> = t
            .header
            .iter()
            .map(|r| r.cells.iter().map(|c| (c.colspan, c.rowspan)).collect())
            .collect();
        assert_eq!(
            spans,
            [
                vec![
                    (1, 2),
                    (1, 2),
                    (1, 2),
                    (1, 2),
                    (2, 1),
                    (3, 1),
                    (2, 1),
                    (1, 2)
                ],
                vec![(1, 1); 7]
            ]
        );
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let root = ctx.node(Role::Document, 0);
        layout_table(&ctx, &t, Pt(85.0), Pt(453.0), root).unwrap();
        let tree = ctx.tree.borrow();
        let head = tree
            .nodes
            .iter()
            .position(|n| n.role == Role::THead)
            .unwrap();
        let rows = &tree.nodes[head].children;
        assert_eq!(rows.len(), 2);
        let cells = |tr: usize| -> Vec<(Role, Option<Scope>, usize, usize)> {
            tree.nodes[tr]
                .children
                .iter()
                .map(|&c| {
                    let n = &tree.nodes[c];
                    (n.role, n.scope, n.colspan, n.rowspan)
                })
                .collect()
        };
        let th = |colspan, rowspan| (Role::TH, Some(Scope::Column), colspan, rowspan);
        assert_eq!(cells(rows[0])[4], th(2, 1));
        assert_eq!(cells(rows[0])[0], th(1, 2));
        assert_eq!(cells(rows[1]), vec![th(1, 1); 7]);
    }

    /// Tabel 14's text columns get their words whole, or broken at their
    /// syllables, never split between letters; its figures stay whole;
    /// the type is made smaller first.
    #[test]
    fn text_columns_hold_their_words_before_figure_columns_grow() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let chunks = layout_table(&ctx, &tabel_14(), Pt(85.0), Pt(453.0), 0).unwrap();
        let rs = runs(&chunks);
        let texts: Vec<&str> = rs.iter().map(|r| r.text.as_str()).collect();
        assert!(texts.contains(&"1.843.126.400"), "{texts:?}");
        assert!(rs[0].size.0 < 9.0, "{}", rs[0].size);
        // Every word of the long texts is on the page whole or in
        // syllables: the pieces of each line are words of the source, or
        // syllables ending in a hyphen.
        let source = "Terwujudnya pengembangan metode pengujian Obat dan Makanan yang andal \
                      Persentase laboratorium yang mengikuti uji profisiensi dengan hasil memuaskan";
        for r in runs(&chunks[1..]) {
            for word in r.text.split(' ') {
                let bare = word.trim_end_matches('-');
                if bare.chars().all(char::is_alphabetic) && !bare.is_empty() {
                    assert!(source.contains(bare), "{word:?} in {:?}", r.text);
                    if word.ends_with('-') {
                        let whole = source
                            .split(' ')
                            .find(|w| w.starts_with(bare))
                            .unwrap_or_else(|| panic!("{word:?}"));
                        let at = bare.len();
                        assert!(
                            crate::text::hyphenate_parts(whole).contains(&at),
                            "{word:?} of {whole:?} is not at a syllable"
                        );
                    }
                }
            }
        }
        assert!(texts.iter().any(|t| t.contains("Terwujudnya")), "{texts:?}");
    }

    /// A table whose columns cannot hold their syllables and figures even
    /// at the smallest size is refused with its path.
    #[test]
    fn a_table_too_wide_for_its_syllables_is_refused_with_its_path() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let t = table(30, |_, c| format!("Pengembangan{c} kelembagaan"));
        let e = layout_table(&ctx, &t, Pt(0.0), Pt(453.0), 0)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t: the table does not fit on a page: its 30 columns need at least "),
            "{e}"
        );
        assert!(e.contains("each word at least a syllable wide"), "{e}");
    }

    /// A word wider than its column even at the smallest size breaks at
    /// its syllables with a visible hyphen, not between any two letters.
    #[test]
    fn a_word_wider_than_its_cell_breaks_at_syllables() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let word = "Pertanggungjawaban";
        let t = table(1, |_, _| word.into());
        let chunks = layout_table(&ctx, &t, Pt(0.0), Pt(40.0), 0).unwrap();
        let body = &chunks[1];
        let parts: Vec<&str> = runs(std::slice::from_ref(body))
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert!(parts.len() > 2, "{parts:?}");
        let syllables = crate::text::hyphenate_parts(word);
        let mut at = 0;
        for (i, p) in parts.iter().enumerate() {
            let last = i + 1 == parts.len();
            let text = if last {
                *p
            } else {
                p.strip_suffix('-').unwrap_or_else(|| panic!("{parts:?}"))
            };
            at += text.len();
            assert!(
                last || syllables.contains(&at),
                "{parts:?}: {at} not in {syllables:?}"
            );
        }
        assert_eq!(parts.concat().replace('-', ""), word);
    }

    #[test]
    fn the_type_is_made_smaller_step_by_step_only_as_needed() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let size_of = |ncols: usize| {
            let t = table(ncols, |_, _| "8.069.025.000".into());
            layout_table(&ctx, &t, Pt(0.0), Pt(453.0), 0)
                .map(|chunks| runs(&chunks)[0].size)
                .ok()
        };
        assert_eq!(size_of(4), Some(Pt(9.0)));
        let sizes: Vec<Option<Pt>> = (4..12).map(size_of).collect();
        // Never larger with more columns; some smaller; never below 6.
        for w in sizes.windows(2) {
            assert!(w[1].map_or(0.0, |s| s.0) <= w[0].map_or(0.0, |s| s.0));
        }
        assert!(sizes.iter().flatten().any(|s| s.0 < 9.0 && s.0 >= 6.0));
        assert!(sizes.last().unwrap().is_none(), "{sizes:?}");
        assert_eq!(
            table_sizes(&style),
            [9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0].map(Pt)
        );
        let odd = Style {
            table_font_step: Pt(0.0),
            ..Style::default()
        };
        assert_eq!(table_sizes(&odd), [Pt(9.0), Pt(6.0)]);
    }

    #[test]
    fn the_widest_character_of_a_cell_is_found_once_for_every_size() {
        let style = Style::default();
        let fonts = FontSet::liberation_sans();
        let ctx = Ctx::new(&style, &fonts);
        let span = |text: &str, bold: bool| Span {
            text: text.into(),
            style: SpanStyle {
                bold,
                italic: false,
            },
            link: None,
        };
        let cell = Cell::new(vec![
            span("il.,", false),
            span("", true),
            span("Wm\u{ad}\u{301}", true),
            span("mmm", false),
        ]);
        let text = CellText::new(&ctx, &cell);
        for size in [0.0, 6.0, 7.25, 9.0, 11.0, 1e4] {
            let size = Pt(size);
            // Each character measured at the size.
            let each = cell
                .text
                .iter()
                .flat_map(|s| {
                    let face = fonts.face(Face::for_style(s.style));
                    s.text.chars().map(move |c| face.advance(c, size))
                })
                .fold(Pt::ZERO, Pt::max);
            assert_eq!(text.widest_char(&ctx, size), each);
        }
        assert!(text.widest_char(&ctx, Pt(9.0)) > fonts.face(Face::Bold).advance('m', Pt(9.0)));
    }
}
