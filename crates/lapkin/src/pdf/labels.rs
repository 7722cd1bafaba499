//! The page labels (`/PageLabels`: i, ii … then 1, 2 …, as printed) and
//! the links inside the document (a `GoTo` to an anchor's page and top).

use std::collections::HashMap;

use pdf_writer::types::{ActionType, NumberingStyle};
use pdf_writer::writers::{Annotation, Catalog, PageLabel};
use pdf_writer::{Name, Ref};

use crate::frame::{Layout, NumberStyle};

/// Where the links inside the document lead: each anchor's page and top.
pub(super) struct Links<'a> {
    layout: &'a Layout,
    pages: Vec<Ref>,
    /// Each anchor's page (0-based) and its top in PDF coordinates (an
    /// anchor on a page the layout lacks is left out).
    targets: HashMap<&'a str, (usize, f32)>,
}

impl<'a> Links<'a> {
    pub(super) fn new(layout: &'a Layout, pages: Vec<Ref>) -> Self {
        let mut targets = HashMap::new();
        for a in &layout.anchors {
            if let Some(page) = a.page.checked_sub(1).and_then(|p| layout.pages.get(p)) {
                let top = (page.size.height - a.y).0 as f32;
                targets.entry(a.id.as_str()).or_insert((a.page - 1, top));
            }
        }
        Links {
            layout,
            pages,
            targets,
        }
    }

    fn target(&self, uri: &str) -> Option<(usize, f32)> {
        uri.strip_prefix('#')
            .and_then(|id| self.targets.get(id))
            .copied()
    }

    /// Where a link leads in words: "Tautan ke halaman iii" inside the
    /// document.
    pub(super) fn description(&self, uri: &str) -> String {
        match self.target(uri) {
            Some((page, _)) => format!("Tautan ke halaman {}", self.layout.page_label(page + 1)),
            None => super::document::link_description(uri),
        }
    }

    /// Makes `a` go to the anchor `uri` names (`#id`), if the layout has
    /// it; whether it did.
    pub(super) fn go_to(&self, a: &mut Annotation<'_>, uri: &str) -> bool {
        let Some((page, top)) = self.target(uri) else {
            return false;
        };
        let mut action = a.action();
        action.action_type(ActionType::GoTo);
        action
            .destination()
            .page(self.pages[page])
            .xyz(0.0, top, None);
        true
    }
}

/// Writes the catalog's `/PageLabels`, if the layout's pages are labelled
/// (an unnumbered run has no style: its labels are empty).
pub(super) fn write_page_labels(c: &mut Catalog<'_>, layout: &Layout) {
    if layout.page_labels.is_empty() {
        return;
    }
    // pdf-writer's number tree takes references only: the labels are
    // written inline, as `/Nums [0 << /S /r >> 4 << /S /D >>]`.
    let mut tree = c.insert(Name(b"PageLabels")).dict();
    let mut nums = tree.insert(Name(b"Nums")).array();
    // The tree must say how the first page is numbered.
    if layout.page_labels.first().is_some_and(|l| l.page > 1) {
        nums.item(0);
        nums.push()
            .start::<PageLabel<'_>>()
            .style(NumberingStyle::Arabic);
    }
    for l in &layout.page_labels {
        nums.item(i32::try_from(l.page.saturating_sub(1)).unwrap_or(i32::MAX));
        let mut label = nums.push().start::<PageLabel<'_>>();
        match l.numbering.style {
            NumberStyle::LowerRoman => label.style(NumberingStyle::LowerRoman),
            NumberStyle::UpperRoman => label.style(NumberingStyle::UpperRoman),
            NumberStyle::Unnumbered => &mut label,
            _ => label.style(NumberingStyle::Arabic),
        };
        if l.numbering.start != 1 {
            label.offset(i32::try_from(l.numbering.start).unwrap_or(i32::MAX));
        }
    }
}
