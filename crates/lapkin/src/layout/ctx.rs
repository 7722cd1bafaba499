//! What every layout function needs: the style and the fonts, and the
//! line metrics derived from them. Imports nothing else of the layout
//! stage.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::frame::{ListNumbering, NodeId, Role, Structure};
use crate::style::Style;
use crate::text::Face;
use crate::text::FontSet;
use crate::units::Pt;

/// What every layout function needs: the style and the fonts, and the
/// structure tree being built as the blocks are walked.
pub(crate) struct Ctx<'a> {
    pub style: &'a Style,
    pub fonts: &'a FontSet,
    pub tree: RefCell<Structure>,
    /// The images drawn so far, each once (an item names its index).
    pub images: RefCell<Vec<Arc<crate::media::Image>>>,
    /// The height of a page's body (between the top margin and the
    /// footer), for what must fit on one page: on portrait pages and on
    /// landscape ones.
    pub body: Cell<[Pt; 2]>,
    /// Whether the blocks being laid out go on landscape pages.
    pub landscape: Cell<bool>,
    /// Warnings found so far (see [`crate::frame::Layout::notices`]).
    pub notices: RefCell<Vec<crate::problem::Problem>>,
}

impl<'a> Ctx<'a> {
    /// The context of a layout in this style and these fonts, with a
    /// structure tree holding only its root.
    pub(crate) fn new(style: &'a Style, fonts: &'a FontSet) -> Self {
        Ctx {
            style,
            fonts,
            tree: RefCell::new(Structure::document()),
            images: RefCell::new(Vec::new()),
            body: Cell::new([style.page.height - style.margin.top - style.margin.bottom; 2]),
            landscape: Cell::new(false),
            notices: RefCell::new(Vec::new()),
        }
    }

    /// The height of the body of the pages being laid out.
    pub(crate) fn body(&self) -> Pt {
        self.body.get()[usize::from(self.landscape.get())]
    }

    /// The index of `image` among the layout's images, added if new.
    pub(crate) fn image(&self, image: &Arc<crate::media::Image>) -> usize {
        let mut images = self.images.borrow_mut();
        match images
            .iter()
            .position(|i| Arc::ptr_eq(i, image) || i == image)
        {
            Some(k) => k,
            None => {
                images.push(image.clone());
                images.len() - 1
            }
        }
    }

    /// Adds a structure node of `role` as the last child of `parent`.
    pub(crate) fn node(&self, role: Role, parent: NodeId) -> NodeId {
        self.tree.borrow_mut().add(role, parent)
    }

    /// Adds a list ([`Role::L`]) numbered as its `markers` say.
    pub(crate) fn list_node<'m>(
        &self,
        parent: NodeId,
        markers: impl IntoIterator<Item = &'m str>,
    ) -> NodeId {
        let mut tree = self.tree.borrow_mut();
        let l = tree.add(Role::L, parent);
        tree.nodes[l].list_numbering = Some(ListNumbering::of_markers(markers));
        l
    }

    /// Distance between baselines at `size`.
    pub(crate) fn line_height(&self, size: Pt) -> Pt {
        self.fonts.face(Face::Regular).line_height(size) * self.style.line_spacing
    }

    /// The baseline's distance from the top of a line box at `size`.
    pub(crate) fn baseline(&self, size: Pt) -> Pt {
        let face = self.fonts.face(Face::Regular);
        let (ascent, descent) = (face.ascent(size), face.descent(size));
        (self.line_height(size) - ascent - descent) / 2.0 + ascent
    }
}
