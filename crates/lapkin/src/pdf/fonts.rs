//! The embedded fonts: each face the layout draws with, subset
//! ([`subset`](super::subset)) and written as a composite font (`Type0`)
//! whose CID font (`CIDFontType2` for TrueType outlines, `CIDFontType0`
//! for CFF) carries the subset, its widths (`/W`), and a ToUnicode map for
//! text extraction.
//!
//! The n-th glyph of a TrueType subset is drawn by the n-th pair of bytes
//! that are both printable ASCII other than `(`, `)` and `\` (8,464 of
//! them), so that a glyph run is a literal string without escapes. The
//! encoding is `/Identity-H`, so the codes are CIDs, which a `/CIDToGIDMap`
//! stream maps to the subset's glyphs: iText 5, with which BSrE signs,
//! reads a font's widths only under a predefined encoding (why both:
//! docs/pdf.md and docs/signing.md). A CFF subset's codes
//! are its glyph numbers, which are its CIDs.

use std::collections::{BTreeSet, HashMap};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Finish, Name, Rect, Ref, Str};

use super::content::{SOFT_HYPHEN, ends_with_added_hyphen};
use super::file::{Writer, filtered};
use super::subset::{Subset, subset_face};
use crate::error::Result;
use crate::frame::{Item, Layout};
use crate::text::{Face, FontFace, FontSet};

/// Code points below this are looked up in flat tables.
const DENSE: usize = 0x2400;

/// The glyph codes of one face's characters; while the faces' subsets
/// are collected, the characters each face draws (code 1 for each).
#[derive(Debug, Default, Clone)]
pub(crate) struct Codes {
    dense: Vec<u16>,
    sparse: HashMap<char, u16>,
}

impl Codes {
    /// Records the code of `c`.
    pub(crate) fn insert(&mut self, c: char, code: u16) {
        if (c as usize) < DENSE {
            if self.dense.is_empty() {
                self.dense = vec![0; DENSE];
            }
            self.dense[c as usize] = code;
        } else {
            self.sparse.insert(c, code);
        }
    }

    /// The code of `c`; 0 if it has none.
    #[inline]
    pub(crate) fn get(&self, c: char) -> u16 {
        match self.dense.get(c as usize) {
            Some(code) => *code,
            None => self.sparse.get(&c).copied().unwrap_or(0),
        }
    }

    /// The characters that have a code, in order.
    fn chars(&self) -> BTreeSet<char> {
        let dense = (self.dense.iter().enumerate()).filter(|(_, code)| **code != 0);
        let dense = dense.filter_map(|(i, _)| char::from_u32(i as u32));
        dense.chain(self.sparse.keys().copied()).collect()
    }
}

/// The glyph codes of each face, in [`Face::index`] order.
pub(crate) type GlyphCodes = [Codes; 4];

/// Whether a face's U+00AD glyph can draw a hyphen the line breaker added
/// (see `content::drawn_text`): a glyph of its own (a glyph shared with
/// `-` would have one ToUnicode entry for both) as wide as `-`, which the
/// layout measured.
fn draws_soft_hyphen(face: &FontFace) -> bool {
    match (face.glyph(SOFT_HYPHEN), face.glyph('-')) {
        (Some(soft), Some(hyphen)) => soft.id != hyphen.id && soft.advance == hyphen.advance,
        _ => false,
    }
}

/// The PDF resource name of a face.
pub(crate) fn font_resource(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => b"LKREGU",
        Face::Bold => b"LKBOLD",
        Face::Italic => b"LKITAL",
        Face::BoldItalic => b"LKBOIT",
    }
}

/// The bytes a glyph code is made of: printable ASCII but the delimiters
/// and the escape of a literal string.
fn is_plain_byte(b: u8) -> bool {
    matches!(b, b' '..=b'~') && !matches!(b, b'(' | b')' | b'\\')
}

/// The codes of `count` glyphs (glyph 1 on): the pairs of plain bytes in
/// order, then, for a subset of more glyphs than there are such pairs, the
/// other two-byte values in order.
fn glyph_codes(count: usize) -> Vec<u16> {
    let plain = || (0..=255u8).filter(|b| is_plain_byte(*b));
    let pairs =
        plain().flat_map(move |high| plain().map(move |low| u16::from_be_bytes([high, low])));
    // CID 0 is `.notdef`.
    let others = (1..=u16::MAX).filter(|c| !c.to_be_bytes().into_iter().all(is_plain_byte));
    pairs.chain(others).take(count).collect()
}

/// The registry, ordering and supplement of the fonts.
const IDENTITY: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// The faces the layout draws with, embedded: their glyph codes, and the
/// font resource dictionary that names them.
pub(super) struct Embedded {
    /// The code of each character of each face.
    pub codes: GlyphCodes,
    /// The `/Font` dictionary of every page and of the footer.
    pub resources: Ref,
}

/// Subsets and embeds each face the layout draws with (see the module's
/// summary), in [`Face::ALL`] order, and writes the font resource
/// dictionary.
pub(super) fn embed(w: &mut Writer, layout: &Layout, fonts: &FontSet) -> Result<Embedded> {
    let mut sets: GlyphCodes = Default::default();
    for page in &layout.pages {
        for item in page.all_items() {
            let Item::Text(t) = item else { continue };
            let set = &mut sets[t.face.index()];
            t.text.chars().for_each(|c| set.insert(c, 1));
            if ends_with_added_hyphen(t) && draws_soft_hyphen(fonts.face(t.face)) {
                set.insert(SOFT_HYPHEN, 1);
            }
            if t.space_after {
                set.insert(' ', 1);
            }
        }
    }
    let mut codes: GlyphCodes = Default::default();
    let mut faces = Vec::new();
    for face in Face::ALL {
        let chars = sets[face.index()].chars();
        if chars.is_empty() {
            continue;
        }
        let subset = subset_face(fonts.face(face), &chars)?;
        let count = subset.advances.len();
        let numbers = match subset.program.starts_with(b"OTTO") {
            true => (1..=count as u16).collect(),
            false => glyph_codes(count),
        };
        for (&c, &glyph) in &subset.glyphs {
            codes[face.index()].insert(c, numbers[usize::from(glyph) - 1]);
        }
        let font = w.alloc();
        write_font(w, font, fonts.face(face), &subset, &numbers);
        faces.push((face, font));
    }
    let resources = w.alloc();
    let mut dict = w.object(resources).indirect(resources).dict();
    for (face, font) in faces {
        dict.pair(Name(font_resource(face)), font);
    }
    dict.finish();
    Ok(Embedded { codes, resources })
}

/// Writes a subset of `face` as the composite font `id`, with `codes` (the
/// code, and CID, of glyph 1 on).
fn write_font(w: &mut Writer, id: Ref, face: &FontFace, subset: &Subset, codes: &[u16]) {
    let [cid, descriptor, program, to_unicode, gids] = [(); 5].map(|_| w.alloc());
    let name = Name(subset.name.as_bytes());
    w.object(id)
        .type0_font(id)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(to_unicode);
    let cff = subset.program.starts_with(b"OTTO");
    let subtype = [CidFontType::Type2, CidFontType::Type0][usize::from(cff)];
    let mut font = w.object(cid).cid_font(cid);
    font.subtype(subtype)
        .base_font(name)
        .system_info(IDENTITY)
        .font_descriptor(descriptor)
        .default_width(1000.0);
    if !cff {
        font.cid_to_gid_map_stream(gids);
    }
    // Whole thousandths of an em, truncated (as printpdf wrote them: the
    // pages draw exactly as they did), by CID, in runs of consecutive CIDs.
    let scale = 1000.0 / f32::from(face.units_per_em.max(1));
    let width = |a: &u16| (f32::from(*a) * scale).trunc();
    let mut widths = font.widths();
    let mut start = 0;
    for end in 1..=codes.len() {
        if end == codes.len() || codes[end] != codes[end - 1] + 1 {
            widths.consecutive(codes[start], subset.advances[start..end].iter().map(width));
            start = end;
        }
    }
    widths.finish();
    font.finish();
    write_descriptor(w, descriptor, program, face, subset, cff);

    let bare_cff = cff.then(|| cff_table(&subset.program)).flatten();
    let (data, filter) = w.pack(bare_cff.unwrap_or(&subset.program));
    let mut s = w.stream(program).stream(program, &data);
    if cff {
        s.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    } else {
        s.pair(Name(b"Length1"), subset.program.len() as i32);
    }
    filtered(&mut s, filter);
    drop(s);
    let mut map = UnicodeCmap::new(Name(b"Custom"), IDENTITY);
    let mut by_glyph: Vec<(u16, char)> = subset.glyphs.iter().map(|(c, g)| (*g, *c)).collect();
    by_glyph.sort_unstable();
    for (glyph, c) in by_glyph {
        map.pair(codes[usize::from(glyph) - 1], c);
    }
    let map = map.finish();
    let (data, filter) = w.pack(&map);
    filtered(&mut w.stream(to_unicode).stream(to_unicode, &data), filter);
    if !cff {
        // Each CID's glyph, two bytes each (`.notdef` and unused CIDs 0).
        let mut map = vec![0; 2 * (usize::from(codes.iter().max().copied().unwrap_or(0)) + 1)];
        for (n, &code) in codes.iter().enumerate() {
            let at = 2 * usize::from(code);
            map[at..at + 2].copy_from_slice(&(n as u16 + 1).to_be_bytes());
        }
        let (data, filter) = w.pack(&map);
        filtered(&mut w.stream(gids).stream(gids, &data), filter);
    }
}

/// The font descriptor `id` of a subset whose program is `program`: its
/// metrics in thousandths of an em, its flags, its italic angle.
fn write_descriptor(
    w: &mut Writer,
    id: Ref,
    program: Ref,
    face: &FontFace,
    subset: &Subset,
    cff: bool,
) {
    let scale = 1000.0 / f32::from(face.units_per_em.max(1));
    let em = |v: i16| (f32::from(v) * scale).round();
    let [x0, y0, x1, y1] = face.bbox;
    let mut flags = FontFlags::NON_SYMBOLIC;
    flags.set(FontFlags::ITALIC, face.italic_angle != 0.0);
    // No table gives the stems' width: estimated from the weight, as
    // producers do (88 at 400, 166 at 700).
    let stem_v = 50.0 + (f32::from(face.weight) / 65.0).powi(2).round();
    let mut d = w.object(id).font_descriptor(id);
    d.name(Name(subset.name.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(em(x0), em(y0), em(x1), em(y1)))
        .italic_angle(face.italic_angle.round())
        .ascent(em(face.ascender))
        .descent(em(face.descender))
        .cap_height(em(face.ascender))
        .stem_v(stem_v);
    if cff {
        d.font_file3(program);
    } else {
        d.font_file2(program);
    }
}

/// The `CFF ` table of an OpenType font, which a `CIDFontType0` embeds
/// bare (`/FontFile3 /Subtype /CIDFontType0C`).
fn cff_table(font: &[u8]) -> Option<&[u8]> {
    use read_fonts::TableProvider as _;
    let font = read_fonts::FontRef::new(font).ok()?;
    let _ = font.cff().ok()?;
    font.table_data(read_fonts::types::Tag::new(b"CFF "))
        .map(|d| d.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_codes_are_plain_byte_pairs_each_once() {
        let codes = glyph_codes(65_535);
        assert_eq!(&codes[..3], &[0x2020, 0x2021, 0x2022]);
        // 92 plain bytes: after ' ' to '\'' come '*' and the rest.
        assert_eq!(codes[8], 0x202A);
        let plain = 92 * 92;
        assert!(
            codes[..plain]
                .iter()
                .all(|c| c.to_be_bytes().into_iter().all(is_plain_byte))
        );
        assert!(
            codes[plain..]
                .iter()
                .all(|c| !c.to_be_bytes().into_iter().all(is_plain_byte))
        );
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len(), "no code twice");
    }
}
