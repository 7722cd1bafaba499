//! What `layout_document` accepts: the style's numbers and the document's
//! shape, checked before anything is laid out, so that the layout's
//! arithmetic stays finite and its recursion shallow. A style or document
//! built by a caller gets every bad field named by its path
//! (`style.margin.left`, `document.blocks[3].space.width`), never a panic
//! or a layout the PDF writer refuses.

use crate::doc::{Block, Document};
use crate::error::{Error, Problem, Problems, Result};
use crate::frame::{MAX_LENGTH, PAGE_SIDES};
use crate::style::Style;

/// The deepest nesting of lists and indents laid out (a report's JSON
/// cannot nest deeper than 128 levels, which is about 40 lists).
pub(crate) const MAX_NESTING: usize = 100;

/// A number as messages show it: plain unless very large.
fn shown(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// `v` in `min..=max` (`min` excluded if `open`), else a problem at `path`.
fn within(
    out: &mut Vec<Problem>,
    path: &str,
    v: f64,
    (min, max): (f64, f64),
    open: bool,
    unit: &str,
) {
    let low = if open { v > min } else { v >= min };
    if !(low && v <= max) {
        let from = if open {
            format!("more than {min}")
        } else {
            format!("from {min}")
        };
        out.push(Problem::new(
            path,
            format!("expected {from} to {max}{unit}, found {}", shown(v)),
        ));
    }
}

/// The problems of a style: page sides from 3 to 14,400 pt; margins,
/// spacing and widths finite and not negative; type sizes and the line
/// spacing above 0; the grey level from 0 to 1; margins that leave a text
/// width. (Longer than most functions: it is one line per field of the
/// style, which reads better as one table than split.)
pub(crate) fn style_problems(s: &Style) -> Vec<Problem> {
    let mut out = Vec::new();
    let pt = " pt";
    within(
        &mut out,
        "style.page.width",
        s.page.width.0,
        PAGE_SIDES,
        false,
        pt,
    );
    within(
        &mut out,
        "style.page.height",
        s.page.height.0,
        PAGE_SIDES,
        false,
        pt,
    );
    let (_, max_side) = PAGE_SIDES;
    for (path, v) in [
        ("style.font_size", s.font_size),
        ("style.title_size", s.title_size),
        ("style.table_font_size", s.table_font_size),
        ("style.table_min_font_size", s.table_min_font_size),
        ("style.footer_font_size", s.footer_font_size),
    ] {
        within(&mut out, path, v.0, (0.0, max_side), true, pt);
    }
    within(
        &mut out,
        "style.line_spacing",
        s.line_spacing,
        (0.0, 100.0),
        true,
        " times the font's line height",
    );
    for (path, v) in [
        ("style.margin.top", s.margin.top),
        ("style.margin.right", s.margin.right),
        ("style.margin.bottom", s.margin.bottom),
        ("style.margin.left", s.margin.left),
        ("style.table_font_step", s.table_font_step),
        ("style.block_spacing", s.block_spacing),
        ("style.section_spacing", s.section_spacing),
        ("style.subsection_spacing", s.subsection_spacing),
        ("style.subheading_spacing", s.subheading_spacing),
        ("style.list_item_spacing", s.list_item_spacing),
        ("style.marker_gap", s.marker_gap),
        ("style.caption_spacing", s.caption_spacing),
        ("style.footer_rule_width", s.footer_rule_width),
        ("style.footer_rule_gap", s.footer_rule_gap),
        ("style.signature_spacing", s.signature_spacing),
        ("style.signature_gap", s.signature_gap),
        ("style.indent", s.indent),
        ("style.cell_padding", s.cell_padding),
        ("style.rule_width", s.rule_width),
        ("style.footer_bottom", s.footer_bottom),
        ("style.footer_gap", s.footer_gap),
        ("style.signature_width", s.signature_width),
    ] {
        within(&mut out, path, v.0, (0.0, MAX_LENGTH), false, pt);
    }
    within(
        &mut out,
        "style.justify_tolerance",
        s.justify_tolerance,
        (0.0, 10_000.0),
        false,
        " (TeX's badness)",
    );
    within(
        &mut out,
        "style.word_space_stretch",
        s.word_space_stretch,
        (0.0, 10.0),
        false,
        " times the space's width",
    );
    within(
        &mut out,
        "style.word_space_shrink",
        s.word_space_shrink,
        (0.0, 0.9),
        false,
        " times the space's width",
    );
    within(
        &mut out,
        "style.header_fill",
        f64::from(s.header_fill),
        (0.0, 1.0),
        false,
        " (0 black, 1 white)",
    );
    if out.is_empty() && s.text_width().0 <= 0.0 {
        out.push(Problem::new(
            "style.margin",
            format!(
                "the left and right margins ({} and {} pt) leave no text on a page {} pt wide; \
                 expected margins narrower than the page",
                s.margin.left, s.margin.right, s.page.width
            ),
        ));
    }
    out
}

/// The problems of a document's shape: its date's year from 1 to 9999 (a
/// PDF date has four digits), lists and indents nested at most
/// [`MAX_NESTING`] deep, signature spaces of finite, non-negative size.
/// Walks the blocks with a stack: no recursion, whatever the depth; the
/// problems in document order.
pub(crate) fn document_problems(doc: &Document) -> Vec<Problem> {
    let mut out = Vec::new();
    let year = doc.meta.date.year();
    if !(1..=9999).contains(&year) {
        out.push(Problem::new(
            "document.meta.date",
            format!("expected a year from 1 to 9999 (a PDF date has four digits), found {year}"),
        ));
    }
    // Depth first, in document order: each frame the blocks left of one
    // sequence, its path and its depth.
    type Frame<'a> = (
        std::iter::Enumerate<std::slice::Iter<'a, Block>>,
        String,
        usize,
    );
    let mut stack: Vec<Frame<'_>> = vec![(
        doc.blocks.iter().enumerate(),
        "document.blocks".to_owned(),
        0,
    )];
    while let Some((blocks, path, depth)) = stack.last_mut() {
        let Some((i, b)) = blocks.next() else {
            stack.pop();
            continue;
        };
        let (at, depth) = (format!("{path}[{i}]"), *depth);
        let mut inner: Vec<(&[Block], String)> = Vec::new();
        match b {
            Block::List(l) => {
                for (k, item) in l.items.iter().enumerate() {
                    inner.push((&item.blocks, format!("{at}.items[{k}].blocks")));
                }
            }
            Block::Indent(blocks) => inner.push((blocks, at.clone())),
            Block::Signature(s) => {
                for (side, v) in [("width", s.space.width), ("height", s.space.height)] {
                    let path = format!("{at}.space.{side}");
                    within(&mut out, &path, v.0, (0.0, MAX_LENGTH), false, " pt");
                }
            }
            Block::SignatureRow(row) => {
                for (k, s) in row.iter().enumerate() {
                    for (side, v) in [("width", s.space.width), ("height", s.space.height)] {
                        let path = format!("{at}[{k}].space.{side}");
                        within(&mut out, &path, v.0, (0.0, MAX_LENGTH), false, " pt");
                    }
                }
            }
            _ => {}
        }
        if inner.is_empty() {
            continue;
        }
        if depth + 1 > MAX_NESTING {
            // Once per branch: what is under it is not walked.
            out.push(Problem::new(
                at,
                format!(
                    "lists and indents are nested more than {MAX_NESTING} deep here; expected at \
                     most {MAX_NESTING}"
                ),
            ));
            continue;
        }
        // The first item on top.
        for (blocks, path) in inner.into_iter().rev() {
            stack.push((blocks.iter().enumerate(), path, depth + 1));
        }
    }
    out
}

/// Checks the style and the document before they are laid out; every
/// problem at once, style first.
pub(crate) fn check_input(doc: &Document, style: &Style) -> Result<()> {
    let mut problems = style_problems(style);
    problems.extend(document_problems(doc));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
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
            if !problems.iter().any(|p| p.path.starts_with(path.as_str())) {
                unchecked.push(format!("{path}: {problems:?}"));
            }
        }
        assert!(unchecked.is_empty(), "{}", unchecked.join("\n"));
    }
}
