//! What every layout function needs: the style and the fonts, and the
//! line metrics derived from them. Imports nothing else of the layout
//! stage.

use crate::style::Style;
use crate::text::Face;
use crate::text::FontSet;
use crate::units::Pt;

/// What every layout function needs: the style and the fonts.
pub(crate) struct Ctx<'a> {
    pub style: &'a Style,
    pub fonts: &'a FontSet,
}

impl Ctx<'_> {
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
