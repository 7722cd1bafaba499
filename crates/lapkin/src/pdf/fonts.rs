//! Subset fonts for embedding.
//!
//! printpdf 0.12 subsets only with its `text_layout` feature (which pulls
//! in azul). Instead, each face is subset here with `subsetter` (typst's
//! font subsetter) to the glyphs the layout uses, and handed to printpdf as
//! a font whose character map points at the renumbered glyphs. printpdf
//! then writes it as a CID font with a ToUnicode map, as usual.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use printpdf::{FontMetrics, ParsedFont, font::PdfFontMetricsStub};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;

use crate::error::{Error, Result};
use crate::text::FontFace;

/// A subset ready for printpdf.
pub(crate) struct Subset {
    /// The font for printpdf.
    pub font: ParsedFont,
    /// Each character's glyph code in the subset.
    pub codes: HashMap<char, u16>,
}

/// A subset tag: six capital letters derived from the face and its glyphs,
/// so that the same text gives the same tag (ISO 32000-1, 9.6.4).
fn subset_tag(face: &FontFace, chars: &BTreeSet<char>) -> String {
    let mut hash = Sha256::new();
    hash.update(face.postscript_name.as_bytes());
    for c in chars {
        hash.update((*c as u32).to_le_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// Subsets `face` to the characters in `chars`.
pub(crate) fn subset_face(face: &FontFace, chars: &BTreeSet<char>) -> Result<Subset> {
    let mut remapper = GlyphRemapper::new();
    let mut cmap = BTreeMap::new();
    let mut codes = HashMap::with_capacity(chars.len());
    let mut widths = BTreeMap::new();
    for &c in chars {
        if let Some(g) = face.glyph(c) {
            let new = remapper.remap(g.id);
            cmap.insert(c as u32, new);
            codes.insert(c, new);
            widths.insert(new, g.advance);
        }
    }
    let bytes = subsetter::subset(face.data(), 0, &remapper).map_err(|e| Error::Font {
        font: face.postscript_name.clone(),
        message: format!("could not be subset for embedding ({e:?})"),
    })?;
    let tag = subset_tag(face, chars);
    let font_type = if bytes.starts_with(b"OTTO") {
        printpdf::font::FontType::OpenTypeCFF(())
    } else {
        printpdf::font::FontType::TrueType
    };
    // The descriptor's italic angle comes from the hhea caret slope.
    let angle = f64::from(face.italic_angle).to_radians();
    let (rise, run) = (1000i16, (-angle.tan() * 1000.0).round() as i16);
    let font = ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(format!("{tag}+{}", face.postscript_name)),
        codepoint_to_glyph: cmap,
        glyph_widths: widths,
        units_per_em: face.units_per_em,
        font_metrics: FontMetrics {
            ascent: face.ascender,
            descent: face.descender,
        },
        font_type,
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: face.units_per_em,
            x_min: face.bbox[0],
            y_min: face.bbox[1],
            x_max: face.bbox[2],
            y_max: face.bbox[3],
            caret_slope_rise: rise,
            caret_slope_run: run,
            us_weight_class: face.weight,
        },
    };
    Ok(Subset { font, codes })
}
