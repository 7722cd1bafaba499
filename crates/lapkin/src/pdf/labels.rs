//! The page labels (`/PageLabels`: i, ii … then 1, 2 …, as printed) and
//! the links inside the document (a `GoTo` to an anchor's page and top).

use std::collections::HashMap;

use pdf_writer::types::{ActionType, NumberingStyle};
use pdf_writer::writers::{Annotation, Catalog, PageLabel};
use pdf_writer::{Name, Ref};

use crate::frame::{Layout, NumberStyle};

/// Each anchor's page (0-based) and its top in PDF coordinates.
pub(super) type Targets<'a> = HashMap<&'a str, (usize, f32)>;

/// The anchors of `layout` (an anchor on a page the layout does not have
/// is left out; `check_layout` refuses it).
pub(super) fn targets(layout: &Layout) -> Targets<'_> {
    let mut out = HashMap::new();
    for a in &layout.anchors {
        if let Some(page) = a.page.checked_sub(1).and_then(|p| layout.pages.get(p)) {
            let top = (page.size.height - a.y).0 as f32;
            out.entry(a.id.as_str()).or_insert((a.page - 1, top));
        }
    }
    out
}

/// Makes the link annotation `a` go to the anchor `uri` names (`#id`),
/// if it is one the layout has; whether it did.
pub(super) fn go_to(
    a: &mut Annotation<'_>,
    uri: &str,
    targets: &Targets<'_>,
    pages: &[Ref],
) -> bool {
    let Some(&(page, top)) = uri.strip_prefix('#').and_then(|id| targets.get(id)) else {
        return false;
    };
    let mut action = a.action();
    action.action_type(ActionType::GoTo);
    action.destination().page(pages[page]).xyz(0.0, top, None);
    true
}

/// Writes the catalog's `/PageLabels`, if the layout's pages are labelled.
pub(super) fn write_page_labels(c: &mut Catalog<'_>, layout: &Layout) {
    if layout.page_labels.is_empty() {
        return;
    }
    // pdf-writer's number tree takes references only: the labels are
    // written inline, as `/Nums [0 << /S /r >> 4 << /S /D >>]`.
    let mut tree = c.insert(Name(b"PageLabels")).dict();
    let mut nums = tree.insert(Name(b"Nums")).array();
    for l in &layout.page_labels {
        let key = i32::try_from(l.page.saturating_sub(1)).unwrap_or(i32::MAX);
        nums.item(key);
        let mut label = nums.push().start::<PageLabel<'_>>();
        // An unnumbered run has no style: its labels are empty.
        let style = match l.numbering.style {
            NumberStyle::LowerRoman => Some(NumberingStyle::LowerRoman),
            NumberStyle::UpperRoman => Some(NumberingStyle::UpperRoman),
            NumberStyle::Unnumbered => None,
            _ => Some(NumberingStyle::Arabic),
        };
        if let Some(style) = style {
            label.style(style);
        }
        if l.numbering.start != 1 {
            label.offset(i32::try_from(l.numbering.start).unwrap_or(i32::MAX));
        }
    }
}

/// What a link inside the document says where it leads: "Tautan ke
/// halaman iii".
pub(super) fn description(uri: &str, targets: &Targets<'_>, layout: &Layout) -> Option<String> {
    let (page, _) = uri.strip_prefix('#').and_then(|id| targets.get(id))?;
    Some(format!("Tautan ke halaman {}", layout.page_label(page + 1)))
}
