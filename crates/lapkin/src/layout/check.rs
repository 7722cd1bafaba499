//! What `layout_document` accepts: the style's numbers and the document's
//! shape, checked before anything is laid out, so that the layout's
//! arithmetic stays finite and its recursion shallow. A style or document
//! built by a caller gets every bad field named by its path
//! (`style.margin.left`, `document.blocks[3].space.width`), never a panic
//! or a layout the PDF writer refuses.

use crate::doc::{Block, Document};
use crate::error::Result;
use crate::frame::{MAX_LENGTH, PAGE_SIDES};
use crate::problem::{JsonPath, Kind, Phrase, Problem, range, shown};
use crate::style::Style;

/// The deepest nesting of lists and indents laid out (a report's JSON
/// cannot nest deeper than 128 levels, which is about 40 lists).
pub(crate) const MAX_NESTING: usize = 100;

/// `v` in `min..=max` (`min` excluded if `open`), else a problem at `path`.
fn within(
    out: &mut Vec<Problem>,
    path: JsonPath,
    v: f64,
    (min, max): (f64, f64),
    open: bool,
    unit: Phrase,
) {
    let low = if open { v > min } else { v >= min };
    if !(low && v <= max) {
        out.push(
            Problem::new(path, Kind::OutOfRange)
                .with("expected", range(min, max, open, unit))
                .with("found", shown(v)),
        );
    }
}

/// The style's lengths that may be 0 but not negative: margins, spacing,
/// widths.
fn lengths(s: &Style) -> [(&'static str, f64); 22] {
    [
        ("margin.top", s.margin.top.0),
        ("margin.right", s.margin.right.0),
        ("margin.bottom", s.margin.bottom.0),
        ("margin.left", s.margin.left.0),
        ("table_font_step", s.table_font_step.0),
        ("block_spacing", s.block_spacing.0),
        ("section_spacing", s.section_spacing.0),
        ("subsection_spacing", s.subsection_spacing.0),
        ("subheading_spacing", s.subheading_spacing.0),
        ("list_item_spacing", s.list_item_spacing.0),
        ("marker_gap", s.marker_gap.0),
        ("caption_spacing", s.caption_spacing.0),
        ("footer_rule_width", s.footer_rule_width.0),
        ("footer_rule_gap", s.footer_rule_gap.0),
        ("signature_spacing", s.signature_spacing.0),
        ("signature_gap", s.signature_gap.0),
        ("indent", s.indent.0),
        ("cell_padding", s.cell_padding.0),
        ("rule_width", s.rule_width.0),
        ("footer_bottom", s.footer_bottom.0),
        ("footer_gap", s.footer_gap.0),
        ("signature_width", s.signature_width.0),
    ]
}

/// The path of a field of the style, such as `style.margin.left`.
fn field(name: &str) -> JsonPath {
    name.split('.')
        .fold(JsonPath::root().key("style"), |p, k| p.key(k.to_owned()))
}

/// A number of the style to check: its field, its value, its range, whether
/// the range's low end is excluded, its unit.
type Check = (&'static str, f64, (f64, f64), bool, Phrase);

/// The problems of a style: page sides from 3 to 14,400 pt; margins,
/// spacing and widths finite and not negative; type sizes and the line
/// spacing above 0; the grey level from 0 to 1; margins that leave a text
/// width.
pub(crate) fn style_problems(s: &Style) -> Vec<Problem> {
    let mut out = Vec::new();
    let (_, max_side) = PAGE_SIDES;
    let pt = Phrase::UnitPt;
    let mut checks: Vec<Check> = vec![
        ("page.width", s.page.width.0, PAGE_SIDES, false, pt),
        ("page.height", s.page.height.0, PAGE_SIDES, false, pt),
    ];
    for (name, v) in [
        ("font_size", s.font_size),
        ("title_size", s.title_size),
        ("table_font_size", s.table_font_size),
        ("table_min_font_size", s.table_min_font_size),
        ("footer_font_size", s.footer_font_size),
    ] {
        checks.push((name, v.0, (0.0, max_side), true, pt));
    }
    checks.push((
        "line_spacing",
        s.line_spacing,
        (0.0, 100.0),
        true,
        Phrase::UnitLineHeights,
    ));
    for (name, v) in lengths(s) {
        checks.push((name, v, (0.0, MAX_LENGTH), false, pt));
    }
    checks.extend([
        (
            "justify_tolerance",
            s.justify_tolerance,
            (0.0, 10_000.0),
            false,
            Phrase::UnitBadness,
        ),
        (
            "word_space_stretch",
            s.word_space_stretch,
            (0.0, 10.0),
            false,
            Phrase::UnitSpaceWidths,
        ),
        (
            "word_space_shrink",
            s.word_space_shrink,
            (0.0, 0.9),
            false,
            Phrase::UnitSpaceWidths,
        ),
        (
            "header_fill",
            f64::from(s.header_fill),
            (0.0, 1.0),
            false,
            Phrase::UnitGrey,
        ),
    ]);
    for (name, v, limits, open, unit) in checks {
        within(&mut out, field(name), v, limits, open, unit);
    }
    if out.is_empty() && s.text_width().0 <= 0.0 {
        out.push(
            Problem::new(field("margin"), Kind::MarginsTooWide)
                .with("left", s.margin.left.to_string())
                .with("right", s.margin.right.to_string())
                .with("width", s.page.width.to_string()),
        );
    }
    out
}

/// The problems of a document's shape: its date's year from 1 to 9999 (a
/// PDF date has four digits), lists and indents nested at most
/// [`MAX_NESTING`] deep, signature spaces of finite, non-negative size,
/// tables whose rows fill their columns.
/// Walks the blocks with a stack: no recursion, whatever the depth; the
/// problems in document order.
pub(crate) fn document_problems(doc: &Document) -> Vec<Problem> {
    let mut out = Vec::new();
    let year = doc.meta.date.year();
    if !(1..=9999).contains(&year) {
        let at = JsonPath::root().key("document").key("meta").key("date");
        out.push(
            Problem::new(at, Kind::OutOfRange)
                .with("expected", Phrase::PdfYear)
                .with("found", year),
        );
    }
    // Depth first, in document order: each frame the blocks left of one
    // sequence, its path and its depth.
    type Frame<'a> = (
        std::iter::Enumerate<std::slice::Iter<'a, Block>>,
        JsonPath,
        usize,
    );
    let mut stack: Vec<Frame<'_>> = vec![(
        doc.blocks.iter().enumerate(),
        JsonPath::root().key("document").key("blocks"),
        0,
    )];
    while let Some((blocks, path, depth)) = stack.last_mut() {
        let Some((i, b)) = blocks.next() else {
            stack.pop();
            continue;
        };
        let (at, depth) = (path.item(i), *depth);
        let inner = block_problems(b, &at, &mut out);
        if inner.is_empty() {
            continue;
        }
        if depth + 1 > MAX_NESTING {
            // Once per branch: what is under it is not walked.
            out.push(Problem::new(at, Kind::NestedTooDeep).with("max", MAX_NESTING));
            continue;
        }
        // The first item on top.
        for (blocks, path) in inner.into_iter().rev() {
            stack.push((blocks.iter().enumerate(), path, depth + 1));
        }
    }
    out
}

/// The problems of a figure built in code, at `at` in the document: a
/// width that is not a positive length, an image lapkin cannot write, a
/// chart's series of another length than its categories or with a
/// negative value, a grey outside 0 to 1.
pub(crate) fn figure_problems(f: &crate::doc::Figure, at: &JsonPath) -> Vec<Problem> {
    use crate::doc::FigureContent;
    use crate::problem::Arg;
    let bad = |at: JsonPath, en: &'static str, id: &'static str, found: String| {
        Problem::new(&at, Kind::OutOfRange)
            .with("expected", Arg::both(en, id))
            .with("found", found)
    };
    let mut out = Vec::new();
    if let Some(w) = f.width
        && !(w.0.is_finite() && w.0 > 0.0 && w.0 <= MAX_LENGTH)
    {
        out.push(bad(
            at.child("width"),
            "a positive width",
            "lebar positif",
            w.0.to_string(),
        ));
    }
    match &f.content {
        FigureContent::Image(i) => out.extend(i.problems(&at.child("content"))),
        FigureContent::Chart(c) => {
            for (k, s) in c.series.iter().enumerate() {
                let at = at.child("content").key("series").index(k);
                let negative = s
                    .values
                    .iter()
                    .flatten()
                    .any(|v| v.is_sign_negative() && !v.is_zero());
                if s.values.len() != c.categories.len() || negative {
                    let (en, id) = (
                        "a value of at least 0 for each category",
                        "nilai paling kecil 0 untuk setiap kategori",
                    );
                    out.push(bad(at.child("values"), en, id, s.values.len().to_string()));
                }
                if !(0.0..=1.0).contains(&s.shade) {
                    out.push(bad(
                        at.child("shade"),
                        "0 to 1",
                        "0 sampai 1",
                        s.shade.to_string(),
                    ));
                }
            }
        }
    }
    out
}

/// The problems of one block at `at`, and the sequences of blocks inside
/// it, with their paths.
fn block_problems<'d>(
    b: &'d Block,
    at: &JsonPath,
    out: &mut Vec<Problem>,
) -> Vec<(&'d [Block], JsonPath)> {
    let mut inner: Vec<(&[Block], JsonPath)> = Vec::new();
    match b {
        Block::List(l) => {
            for (k, item) in l.items.iter().enumerate() {
                inner.push((&item.blocks, at.child("items").item(k).key("blocks")));
            }
        }
        Block::Indent(blocks) | Block::Landscape(blocks) => inner.push((blocks, at.clone())),
        Block::Signature(s) => space_problems(s, at, out),
        Block::SignatureRow(row) => {
            for (k, s) in row.iter().enumerate() {
                space_problems(s, &at.item(k), out);
            }
        }
        Block::Table(t) => out.extend(coverage_problems(t, at)),
        Block::Figure(f) => out.extend(figure_problems(f, at)),
        Block::Cover(c) => {
            if let Some(logo) = &c.logo {
                out.extend(figure_problems(logo, &at.child("logo")));
            }
        }
        _ => {}
    }
    inner
}

/// Every row of `t` (at `at` in the document) whose cells, placed as
/// the table stage places them (as HTML does), do not cover each of the table's columns once:
/// past the last column a cell would be dropped with its text, and a
/// column left empty is a row that lost its cells. At the row's origin if
/// it has one, else at its path in the document.
pub(crate) fn coverage_problems(
    t: &crate::doc::Table,
    at: &crate::problem::JsonPath,
) -> Vec<Problem> {
    let ncols = t.columns.len();
    let header_rows = t.header.len();
    let rows: Vec<&crate::doc::Row> = t.header.iter().chain(&t.body).collect();
    let nrows = rows.len();
    // How many columns each row's positions hold: spans from above first.
    let mut from_above = vec![0usize; nrows];
    let mut problems = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut covered = from_above[r];
        for cell in &row.cells {
            let (colspan, rowspan) = (cell.colspan.max(1), cell.rowspan.max(1));
            covered = covered.saturating_add(colspan);
            let limit = if r < header_rows { header_rows } else { nrows };
            let end = limit.min(r.saturating_add(rowspan));
            for below in from_above.iter_mut().take(end).skip(r + 1) {
                *below = below.saturating_add(colspan);
            }
        }
        if covered != ncols {
            let path = match row.origin.path() {
                Some(p) => p.clone(),
                None if r < header_rows => at.child("header").item(r),
                None => at.child("body").item(r - header_rows),
            };
            problems.push(
                Problem::new(path, Kind::RowsDoNotFill)
                    .with("covered", covered)
                    .with("columns", ncols),
            );
        }
    }
    problems
}

/// A signature space of finite, non-negative size.
fn space_problems(s: &crate::doc::Signature, at: &JsonPath, out: &mut Vec<Problem>) {
    for (side, v) in [("width", s.space.width), ("height", s.space.height)] {
        let path = at.child("space").key(side);
        within(out, path, v.0, (0.0, MAX_LENGTH), false, Phrase::UnitPt);
    }
}

/// Checks the style before a document known to be sound (one built from
/// a validated report) is laid out with it; every problem at once.
pub(crate) fn check_style(style: &Style) -> Result<()> {
    let problems = style_problems(style);
    crate::error::none_or_invalid(problems)
}

/// Checks the style and the document before they are laid out; every
/// problem at once, style first.
pub(crate) fn check_input(doc: &Document, style: &Style) -> Result<()> {
    let mut problems = style_problems(style);
    problems.extend(document_problems(doc));
    crate::error::none_or_invalid(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number of the style, read from JSON as -1 (a page side, a
    /// size, a spacing, a grey level), is refused by its path: a field added
    /// to `Style` and forgotten here fails this test.
    #[test]
    fn every_number_of_the_style_is_checked() {
        let json = serde_json::to_value(Style::default()).unwrap();
        let mut paths = Vec::new();
        fn numbers(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Number(_) => out.push(path),
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        numbers(v, format!("{path}.{k}"), out);
                    }
                }
                _ => {}
            }
        }
        numbers(&json, "style".to_owned(), &mut paths);
        assert!(paths.len() > 25, "{paths:?}");
        let mut unchecked = Vec::new();
        for path in &paths {
            let mut bad = json.clone();
            let pointer = path["style".len()..].replace('.', "/");
            *bad.pointer_mut(&pointer).unwrap() = serde_json::json!(-1.0);
            let style: Style = serde_json::from_value(bad).unwrap();
            let problems = style_problems(&style);
            let here: JsonPath = path.parse().unwrap();
            if !problems
                .iter()
                .any(|p| p.path().is_some_and(|p| p.starts_with(&here)))
            {
                unchecked.push(format!("{path}: {problems:?}"));
            }
        }
        assert!(unchecked.is_empty(), "{}", unchecked.join("\n"));
    }
}
