//! The look of the document as data: page, margins, sizes and spacing.
//!
//! [`Style::default`] is the official style of an Indonesian government
//! document (tata naskah dinas): A4 portrait; margins 2 cm top, 3 cm left,
//! 2 cm right and at least 2.5 cm bottom; an Arial-metric font at 11 pt.

use serde::{Deserialize, Serialize};

use crate::units::{Pt, Sides, Size};

/// Page geometry, type sizes and spacing. In serialized form, a missing
/// field takes its default value. Build one from [`Style::default`] with
/// the `with_*` setters; [`layout_document`](crate::layout::layout_document)
/// refuses a style it cannot lay out with (a margin wider than the page, a
/// negative size...), naming the field.
///
/// ```
/// use lapkin::layout::{Pt, Style};
///
/// let style = Style::default().with_font_size(Pt(12.0)).with_hyphenation(false);
/// assert_eq!(style.title_size, Pt(13.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Style {
    /// The paper size.
    pub page: Size,
    /// The margins of the body text. The footer (legal note and page
    /// number) sits inside the bottom margin.
    pub margin: Sides,
    /// Body text size.
    pub font_size: Pt,
    /// Title size.
    pub title_size: Pt,
    /// Text size in tables.
    pub table_font_size: Pt,
    /// The smallest text size a table is shrunk to when its columns do not
    /// fit the width at `table_font_size`: the figures of a column (never
    /// broken) and its widest letter, with the cell padding, must fit side
    /// by side. A table that does not fit even at this size is refused.
    pub table_min_font_size: Pt,
    /// The step by which a table's text size is reduced, from
    /// `table_font_size` down to `table_min_font_size`, until its columns
    /// fit.
    pub table_font_step: Pt,
    /// Text size of the footer.
    pub footer_font_size: Pt,
    /// Line spacing as a multiple of the font's natural line height
    /// (ascender + descender + line gap; 1.15 em for Arial).
    pub line_spacing: f64,
    /// Space between paragraphs and other blocks (the title, lists,
    /// tables, the blocks under a heading) that follow another block.
    pub block_spacing: Pt,
    /// Space above a level-1 heading (a section, A to D).
    pub section_spacing: Pt,
    /// Space above a level-2 heading (the numbered headings of a section).
    pub subsection_spacing: Pt,
    /// Space above a heading of level 3 or more (the sub-headings).
    pub subheading_spacing: Pt,
    /// Space between the items of a list.
    pub list_item_spacing: Pt,
    /// Indentation of list item text from its marker column, and of the
    /// content under a numbered heading: the least, as a marker wider
    /// than this pushes the text further right (see `marker_gap`).
    pub indent: Pt,
    /// The least gap between a hanging marker ("1.", "a.", "-") and its
    /// text, in headings, lists and the footer's note.
    pub marker_gap: Pt,
    /// Padding inside table cells, on every side.
    pub cell_padding: Pt,
    /// Width of table rules.
    pub rule_width: Pt,
    /// Grey level of table header rows (1 = white).
    pub header_fill: f32,
    /// Space between a table and its caption below it.
    pub caption_spacing: Pt,
    /// Distance from the bottom edge of the paper to the last footer line's
    /// baseline.
    pub footer_bottom: Pt,
    /// Gap between the body text and the footer.
    pub footer_gap: Pt,
    /// Width of the rule above the footer.
    pub footer_rule_width: Pt,
    /// Space between the rule above the footer and the note's title.
    pub footer_rule_gap: Pt,
    /// Width of the closing signature block, which sits at the right.
    pub signature_width: Pt,
    /// Space above the closing signature block.
    pub signature_spacing: Pt,
    /// Space above and below the signature's reserved space, between it
    /// and the lines of the closing block.
    pub signature_gap: Pt,
    /// Whether justified text (paragraphs and list items) breaks words at
    /// their Indonesian syllables, with a hyphen, where that makes the
    /// lines more even. Never in the last word of a paragraph, never more
    /// than two hyphenated lines in a row, never at the foot of a page.
    pub hyphenation: bool,
    /// How loose a line of justified text may be before a worse breaking
    /// (more hyphens, tighter neighbours) is preferred: TeX's tolerance, a
    /// badness of 100 × (stretch used / `word_space_stretch`)³. 200 lets
    /// spaces grow to about 0.45 em in Liberation Sans (natural 0.28 em). A paragraph that
    /// cannot keep to it is set as evenly as it can be.
    pub justify_tolerance: f64,
    /// How much a space of justified text stretches at badness 100, as a
    /// fraction of its natural width.
    pub word_space_stretch: f64,
    /// How much a space of justified text may shrink at most, as a
    /// fraction of its natural width (from 0 to 0.9; 0.4 lets a space of
    /// Liberation Sans shrink to 0.17 em).
    pub word_space_shrink: f64,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            page: Size::A4,
            margin: Sides {
                top: Pt::from_mm(20.0),
                right: Pt::from_mm(20.0),
                bottom: Pt::from_mm(25.0),
                left: Pt::from_mm(30.0),
            },
            font_size: Pt(11.0),
            title_size: Pt(13.0),
            table_font_size: Pt(9.0),
            table_min_font_size: Pt(6.0),
            table_font_step: Pt(0.5),
            footer_font_size: Pt(8.0),
            line_spacing: 1.0,
            block_spacing: Pt(6.0),
            section_spacing: Pt(14.0),
            subsection_spacing: Pt(10.5),
            subheading_spacing: Pt(8.0),
            list_item_spacing: Pt(3.0),
            indent: Pt(18.0),
            marker_gap: Pt(4.0),
            cell_padding: Pt(3.0),
            rule_width: Pt(0.5),
            header_fill: 0.9,
            caption_spacing: Pt(3.0),
            footer_bottom: Pt::from_mm(12.0),
            footer_gap: Pt(10.0),
            footer_rule_width: Pt(0.5),
            footer_rule_gap: Pt(3.0),
            signature_width: Pt(230.0),
            signature_spacing: Pt(21.0),
            signature_gap: Pt(6.0),
            hyphenation: true,
            justify_tolerance: 200.0,
            word_space_stretch: 0.5,
            word_space_shrink: 0.4,
        }
    }
}

impl Style {
    /// The width of the body text.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Style};
    ///
    /// // A4 less the margins of 3 cm and 2 cm.
    /// assert!(Style::default().text_width().approx_eq(Pt::from_mm(160.0)));
    /// ```
    pub fn text_width(&self) -> Pt {
        self.page.width - self.margin.left - self.margin.right
    }

    /// The style of a landscape page of a document in this style: the
    /// page's sides swapped, and the margins turned with the sheet, so
    /// that each physical edge keeps its margin when the page is bound
    /// with the portrait ones and turned a quarter clockwise to be read:
    /// the binding margin (left) is the landscape page's top, the top
    /// margin its right, the right margin its bottom (where the footer
    /// sits, at the outer edge) and the bottom margin its left. A style
    /// whose page is already wider than tall is its own landscape style.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Style};
    ///
    /// let portrait = Style::default();
    /// let landscape = portrait.landscape();
    /// assert_eq!((landscape.page.width, landscape.page.height), (portrait.page.height, portrait.page.width));
    /// assert_eq!(landscape.margin.top, Pt::from_mm(30.0));
    /// assert_eq!(landscape.margin.left, Pt::from_mm(25.0));
    /// // A4 turned: 297 mm less the margins of 2.5 cm and 2 cm.
    /// assert!(landscape.text_width().approx_eq(Pt::from_mm(252.0)));
    /// assert_eq!(landscape.landscape(), landscape);
    /// ```
    #[must_use]
    pub fn landscape(&self) -> Style {
        if self.page.width > self.page.height {
            return self.clone();
        }
        let m = self.margin;
        Style {
            page: Size::new(self.page.height, self.page.width),
            margin: Sides::new(m.left, m.top, m.right, m.bottom),
            ..self.clone()
        }
    }
}

/// One `with_*` setter per field, each with its example.
macro_rules! setters {
    ($($with:ident($field:ident: $ty:ty = $example:expr);)*) => {
        impl Style {
            $(
                #[doc = concat!("This style with another [`", stringify!($field), "`](Style::", stringify!($field), ").")]
                ///
                /// ```
                /// use lapkin::layout::{Pt, Sides, Size, Style};
                ///
                #[doc = concat!("let style = Style::default().", stringify!($with), "(", stringify!($example), ");")]
                #[doc = concat!("assert_eq!(style.", stringify!($field), ", ", stringify!($example), ");")]
                /// ```
                #[must_use]
                pub fn $with(mut self, $field: $ty) -> Self {
                    self.$field = $field;
                    self
                }
            )*
        }
    };
}

setters! {
    with_page(page: Size = Size::new(Pt::from_mm(215.0), Pt::from_mm(330.0)));
    with_margin(margin: Sides = Sides::all(Pt::from_mm(25.0)));
    with_font_size(font_size: Pt = Pt(12.0));
    with_title_size(title_size: Pt = Pt(14.0));
    with_table_font_size(table_font_size: Pt = Pt(8.5));
    with_table_min_font_size(table_min_font_size: Pt = Pt(7.0));
    with_table_font_step(table_font_step: Pt = Pt(0.25));
    with_footer_font_size(footer_font_size: Pt = Pt(7.5));
    with_line_spacing(line_spacing: f64 = 1.15);
    with_block_spacing(block_spacing: Pt = Pt(8.0));
    with_section_spacing(section_spacing: Pt = Pt(16.0));
    with_subsection_spacing(subsection_spacing: Pt = Pt(12.0));
    with_subheading_spacing(subheading_spacing: Pt = Pt(9.0));
    with_list_item_spacing(list_item_spacing: Pt = Pt(2.0));
    with_indent(indent: Pt = Pt(20.0));
    with_marker_gap(marker_gap: Pt = Pt(5.0));
    with_cell_padding(cell_padding: Pt = Pt(4.0));
    with_rule_width(rule_width: Pt = Pt(0.75));
    with_header_fill(header_fill: f32 = 0.8);
    with_caption_spacing(caption_spacing: Pt = Pt(4.0));
    with_footer_bottom(footer_bottom: Pt = Pt::from_mm(10.0));
    with_footer_gap(footer_gap: Pt = Pt(12.0));
    with_footer_rule_width(footer_rule_width: Pt = Pt(0.25));
    with_footer_rule_gap(footer_rule_gap: Pt = Pt(4.0));
    with_signature_width(signature_width: Pt = Pt(250.0));
    with_signature_spacing(signature_spacing: Pt = Pt(24.0));
    with_signature_gap(signature_gap: Pt = Pt(8.0));
    with_hyphenation(hyphenation: bool = false);
    with_justify_tolerance(justify_tolerance: f64 = 300.0);
    with_word_space_stretch(word_space_stretch: f64 = 0.6);
    with_word_space_shrink(word_space_shrink: f64 = 0.3);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_their_defaults() {
        let s: Style = serde_json::from_str(r#"{"table_min_font_size": 7.0}"#).unwrap();
        assert_eq!(s.table_min_font_size, Pt(7.0));
        assert_eq!(
            Style {
                table_min_font_size: Pt(6.0),
                ..s
            },
            Style::default()
        );
    }
}
