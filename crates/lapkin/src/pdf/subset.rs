//! Font subsets: each face cut down to the glyphs the layout draws, with
//! `subsetter` (typst's subsetter), and without its TrueType hinting.
//!
//! The instructions that fit outlines to a screen's pixel grid are not run
//! by PDF viewers; measured on the reference report, they were 60 % of each
//! font program (see [`strip_hinting`]).

use std::collections::{BTreeSet, HashMap};

use read_fonts::tables::glyf::Glyph;
use read_fonts::types::{GlyphId, Tag};
use read_fonts::{FontRef, TableProvider};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;
use write_fonts::FontBuilder;
use write_fonts::from_obj::ToOwnedTable;
use write_fonts::tables::glyf::{Bbox, Component, CompositeGlyph};
use write_fonts::tables::head::Head;
use write_fonts::tables::loca::Loca;
use write_fonts::tables::maxp::Maxp;

use crate::error::{Error, Result};
use crate::problem::{Kind, Location, Problem};
use crate::text::FontFace;

/// A face cut down to some characters.
pub(crate) struct Subset {
    /// The font program: TrueType, or an OpenType font with CFF outlines
    /// (`OTTO`, which `subsetter` makes CID-keyed).
    pub program: Vec<u8>,
    /// The subset's name: a tag of six capital letters, `+`, the face's
    /// PostScript name.
    pub name: String,
    /// Each character's glyph in the subset (glyph 0 is `.notdef`).
    pub glyphs: HashMap<char, u16>,
    /// The advance of each glyph of the subset from glyph 1 on, in font
    /// units.
    pub advances: Vec<u16>,
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

/// Subsets `face` to the characters in `chars` (each of which it has).
pub(crate) fn subset_face(face: &FontFace, chars: &BTreeSet<char>) -> Result<Subset> {
    let mut remapper = GlyphRemapper::new();
    let mut glyphs = HashMap::with_capacity(chars.len());
    let mut advances = Vec::with_capacity(chars.len());
    for &c in chars {
        if let Some(g) = face.glyph(c) {
            let new = remapper.remap(g.id);
            glyphs.insert(c, new);
            if usize::from(new) > advances.len() {
                advances.push(g.advance);
            }
        }
    }
    let font_error = |message: String| -> Error {
        let at = Location::File(face.postscript_name.clone());
        Problem::new(at, Kind::FontSubset)
            .with("en_detail", message)
            .into()
    };
    let program = subsetter::subset(face.data(), 0, &remapper)
        .map_err(|e| font_error(format!("{e:?}")))
        .and_then(|bytes| strip_hinting(bytes).map_err(font_error))?;
    let name = format!("{}+{}", subset_tag(face, chars), face.postscript_name);
    Ok(Subset {
        program,
        name,
        glyphs,
        advances,
    })
}

/// The length of a simple glyph's flags and coordinates (its
/// `glyph_data` without the padding that may follow), from its flags as
/// read-fonts names them (read-fonts reads the points but does not say
/// where they end); `None` if the flags run past the data.
fn outline_len(glyph: &read_fonts::tables::glyf::SimpleGlyph<'_>) -> Option<usize> {
    use read_fonts::tables::glyf::SimpleGlyphFlags as F;
    let data = glyph.glyph_data();
    let mut points_left = glyph.num_points();
    let (mut at, mut coordinates) = (0usize, 0usize);
    // Each pass reads a flag, so the loop ends with the data at the latest.
    while points_left > 0 {
        let flags = F::from_bits_truncate(*data.get(at)?);
        at += 1;
        let repeats = if flags.contains(F::REPEAT_FLAG) {
            at += 1;
            usize::from(*data.get(at - 1)?) + 1
        } else {
            1
        };
        points_left = points_left.checked_sub(repeats)?;
        for (short, same) in [
            (F::X_SHORT_VECTOR, F::X_IS_SAME_OR_POSITIVE_X_SHORT_VECTOR),
            (F::Y_SHORT_VECTOR, F::Y_IS_SAME_OR_POSITIVE_Y_SHORT_VECTOR),
        ] {
            coordinates += repeats
                * match (flags.contains(short), flags.contains(same)) {
                    (true, _) => 1,
                    (false, true) => 0,
                    (false, false) => 2,
                };
        }
    }
    let end = at + coordinates;
    (end <= data.len()).then_some(end)
}

/// The tables only a TrueType hinting interpreter reads (and `hdmx`,
/// `LTSH`, `VDMX`, which record what hinting did at each size).
const HINTING_TABLES: [Tag; 6] = [
    Tag::new(b"fpgm"),
    Tag::new(b"prep"),
    Tag::new(b"cvt "),
    Tag::new(b"hdmx"),
    Tag::new(b"LTSH"),
    Tag::new(b"VDMX"),
];

/// Appends a simple glyph without its instructions: everything but them,
/// a length of zero for them, the flags and coordinates after them as they
/// are, without the padding the font had after them. `None` if malformed.
fn simple_glyph(g: &read_fonts::tables::glyf::SimpleGlyph<'_>, out: &mut Vec<u8>) -> Option<()> {
    let head = g
        .offset_data()
        .as_bytes()
        .get(..g.instruction_length_byte_range().start)?;
    let outline = g.glyph_data().get(..outline_len(g)?)?;
    out.extend_from_slice(head);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(outline);
    Some(())
}

/// Appends a composite glyph: the same components, without the
/// instructions that may follow the last one.
fn composite_glyph(
    g: &read_fonts::tables::glyf::CompositeGlyph<'_>,
    out: &mut Vec<u8>,
) -> std::result::Result<(), String> {
    let bbox = Bbox {
        x_min: g.x_min(),
        y_min: g.y_min(),
        x_max: g.x_max(),
        y_max: g.y_max(),
    };
    let mut parts = g
        .components()
        .map(|c| Component::new(c.glyph, c.anchor, c.transform, c.flags));
    let first = parts.next().ok_or("has no components")?;
    let mut composite = CompositeGlyph::new(first, bbox);
    for c in parts {
        composite.add_component(c, bbox);
    }
    let bytes =
        write_fonts::dump_table(&composite).map_err(|e| format!("cannot be written: {e}"))?;
    out.extend_from_slice(&bytes);
    Ok(())
}

/// `font` (a TrueType font) without its hinting: without the tables of
/// [`HINTING_TABLES`] and without each glyph's instructions, its outlines,
/// metrics and everything else unchanged. `loca` is rebuilt (short offsets
/// when they fit), `head` says which format it has, `maxp` no longer asks
/// for an interpreter's resources (as fontTools' subsetter does without
/// hinting). A font with CFF outlines (`OTTO`, all that `subsetter` makes
/// of a font without `glyf`) is returned as it is. An error says what could
/// not be read or written.
fn strip_hinting(font: Vec<u8>) -> std::result::Result<Vec<u8>, String> {
    if font.starts_with(b"OTTO") {
        return Ok(font);
    }
    let read = |e: read_fonts::ReadError| format!("its glyphs cannot be read: {e}");
    let parsed = FontRef::new(&font).map_err(read)?;
    let glyf = parsed.glyf().map_err(read)?;
    let loca = parsed.loca(None).map_err(read)?;
    let maxp = parsed.maxp().map_err(read)?;
    let glyph_count = maxp.num_glyphs();

    let mut glyphs = Vec::with_capacity(glyf.offset_data().len());
    let mut offsets = Vec::with_capacity(usize::from(glyph_count) + 1);
    offsets.push(0u32);
    for gid in 0..glyph_count {
        match loca.get_glyf(GlyphId::from(gid), &glyf).map_err(read)? {
            None => {}
            Some(Glyph::Simple(g)) => {
                simple_glyph(&g, &mut glyphs).ok_or_else(|| format!("glyph {gid} is malformed"))?
            }
            Some(Glyph::Composite(g)) => {
                composite_glyph(&g, &mut glyphs).map_err(|e| format!("glyph {gid} {e}"))?
            }
        }
        // Even offsets, so that short ones can hold them.
        if glyphs.len() % 2 == 1 {
            glyphs.push(0);
        }
        offsets.push(u32::try_from(glyphs.len()).map_err(|_| "its glyphs are too large")?);
    }
    let loca = Loca::new(offsets);
    let mut head: Head = parsed.head().map_err(read)?.to_owned_table();
    head.index_to_loc_format = loca.format() as i16;
    let mut maxp: Maxp = maxp.to_owned_table();
    if maxp.max_zones.is_some() {
        maxp.max_zones = Some(1);
        maxp.max_twilight_points = Some(0);
        maxp.max_storage = Some(0);
        maxp.max_function_defs = Some(0);
        maxp.max_instruction_defs = Some(0);
        maxp.max_stack_elements = Some(0);
        maxp.max_size_of_instructions = Some(0);
    }

    let mut builder = FontBuilder::new();
    let write = |e: write_fonts::BuilderError| format!("it cannot be written: {e}");
    builder
        .add_table(&head)
        .map_err(write)?
        .add_table(&maxp)
        .map_err(write)?
        .add_table(&loca)
        .map_err(write)?
        .add_raw(Tag::new(b"glyf"), glyphs);
    for record in parsed.table_directory().table_records() {
        let tag = record.tag();
        if builder.contains(tag) || HINTING_TABLES.contains(&tag) {
            continue;
        }
        let data = parsed
            .table_data(tag)
            .ok_or_else(|| format!("its table {tag} cannot be read"))?;
        builder.add_raw(tag, data.as_bytes());
    }
    Ok(builder.build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Face, FontSet};

    /// The characters the tests subset to: the reference report's kind of
    /// text and accented letters, which Liberation Sans draws as composite
    /// glyphs (as it does the no-break space).
    fn test_chars() -> BTreeSet<char> {
        (' '..='~')
            .chain("\u{a0}éèñÅÇüö≤≥–—“”‘’•…".chars())
            .collect()
    }

    /// The subset `subset_face` starts from, with its hinting.
    fn hinted_subset(face: &FontFace, chars: &BTreeSet<char>) -> Vec<u8> {
        let mut remapper = GlyphRemapper::new();
        for &c in chars {
            if let Some(g) = face.glyph(c) {
                remapper.remap(g.id);
            }
        }
        subsetter::subset(face.data(), 0, &remapper).unwrap()
    }

    /// Every glyph's outline as ttf-parser draws it (composites resolved):
    /// the path's commands in font units, and the bounding box.
    fn outlines(font: &[u8]) -> Vec<(String, Option<ttf_parser::Rect>)> {
        struct Path(String);
        impl ttf_parser::OutlineBuilder for Path {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("M{x} {y} ");
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("L{x} {y} ");
            }
            fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
                self.0 += &format!("Q{x1} {y1} {x} {y} ");
            }
            fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
                self.0 += &format!("C{x1} {y1} {x2} {y2} {x} {y} ");
            }
            fn close(&mut self) {
                self.0 += "Z ";
            }
        }
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        (0..face.number_of_glyphs())
            .map(|id| {
                let mut path = Path(String::new());
                let bbox = face.outline_glyph(ttf_parser::GlyphId(id), &mut path);
                (path.0, bbox)
            })
            .collect()
    }

    /// How many simple and how many composite glyphs of `font` have
    /// instructions.
    fn instructed_glyphs(font: &[u8]) -> (usize, usize) {
        let font = FontRef::new(font).unwrap();
        let (glyf, loca) = (font.glyf().unwrap(), font.loca(None).unwrap());
        let mut counts = (0, 0);
        for id in 0..font.maxp().unwrap().num_glyphs() {
            match loca.get_glyf(GlyphId::from(id), &glyf).unwrap() {
                Some(Glyph::Simple(g)) => counts.0 += usize::from(g.instruction_length() > 0),
                Some(Glyph::Composite(g)) => counts.1 += usize::from(g.instructions().is_some()),
                None => {}
            }
        }
        counts
    }

    fn has_table(font: &[u8], tag: Tag) -> bool {
        FontRef::new(font).unwrap().table_data(tag).is_some()
    }

    #[test]
    fn subsets_lose_their_hinting_and_keep_their_outlines() {
        let fonts = FontSet::liberation_sans();
        let chars = test_chars();
        for face in Face::ALL {
            let face = fonts.face(face);
            let name = &face.postscript_name;
            let hinted = hinted_subset(face, &chars);
            let subset = subset_face(face, &chars).unwrap();
            let stripped = &subset.program;
            // The subset had hinting, and composite glyphs.
            let (simple, composite) = instructed_glyphs(&hinted);
            assert!(
                simple > 50 && composite >= 4,
                "{name}: {simple}, {composite}"
            );
            for tag in [b"fpgm", b"prep", b"cvt "] {
                assert!(has_table(&hinted, Tag::new(tag)), "{name}");
            }
            // It has none now.
            assert_eq!(instructed_glyphs(stripped), (0, 0), "{name}");
            for tag in HINTING_TABLES {
                assert!(!has_table(stripped, tag), "{name} {tag}");
            }
            let font = FontRef::new(stripped).unwrap();
            assert_eq!(font.maxp().unwrap().max_size_of_instructions(), Some(0));
            assert!(stripped.len() * 2 < hinted.len(), "{name}");
            // The whole font's checksum is right (head.checkSumAdjustment).
            assert_eq!(
                read_fonts::tables::compute_checksum(stripped),
                0xB1B0_AFBA,
                "{name}"
            );
            // The same outlines, glyph for glyph, composites among them.
            let (before, after) = (outlines(&hinted), outlines(stripped));
            assert_eq!(before.len(), after.len());
            assert!(before.iter().filter(|(path, _)| !path.is_empty()).count() > 90);
            for (id, (b, a)) in before.iter().zip(&after).enumerate() {
                assert_eq!(b, a, "{name}, glyph {id}");
            }
            // Each character's code draws its glyph with its width.
            let parsed = ttf_parser::Face::parse(stripped, 0).unwrap();
            let original = ttf_parser::Face::parse(face.data(), 0).unwrap();
            for &c in &chars {
                let code = subset.glyphs[&c];
                let g = face.glyph(c).unwrap();
                let advance = parsed.glyph_hor_advance(ttf_parser::GlyphId(code));
                assert_eq!(advance, Some(g.advance), "{name} {c:?}");
                assert_eq!(subset.advances[usize::from(code) - 1], g.advance);
                assert_eq!(
                    parsed.glyph_bounding_box(ttf_parser::GlyphId(code)),
                    original.glyph_bounding_box(ttf_parser::GlyphId(g.id)),
                    "{name} {c:?}"
                );
            }
        }
    }

    #[test]
    fn cff_fonts_pass_through() {
        let cff = b"OTTO\x00\x01anything".to_vec();
        assert_eq!(strip_hinting(cff.clone()).unwrap(), cff);
    }

    #[test]
    fn a_damaged_subset_is_an_error_not_a_panic() {
        let fonts = FontSet::liberation_sans();
        let hinted = hinted_subset(fonts.face(Face::Regular), &test_chars());
        assert!(strip_hinting(b"\x00\x01\x00\x00".to_vec()).is_err());
        assert!(strip_hinting(hinted[..hinted.len() / 2].to_vec()).is_err());
        // Every byte of the table directory and of the glyphs' start set
        // to each of a few values: an error or a font, never a panic.
        let font = FontRef::new(&hinted).unwrap();
        let glyf = font
            .table_directory()
            .table_records()
            .iter()
            .find(|r| r.tag() == Tag::new(b"glyf"))
            .unwrap()
            .offset() as usize;
        let mut errors = 0;
        for at in (0..300).chain(glyf..glyf + 600) {
            for value in [0x00, 0x7f, 0x80, 0xff] {
                let mut bytes = hinted.clone();
                bytes[at] = value;
                errors += usize::from(strip_hinting(bytes).is_err());
            }
        }
        assert!(errors > 0);
    }
}
