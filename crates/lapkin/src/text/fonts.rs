//! Font families: four TrueType faces, their metrics and glyph advances.
//!
//! The default family, Liberation Sans (metric-compatible with Arial, SIL
//! Open Font License 1.1), is compiled into the library from `fonts/`, so
//! rendering never reads system fonts. Any other TrueType family can be
//! loaded from its four files' bytes.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::unicode::{SOFT_HYPHEN, is_ignorable, normalize, prepare};
use super::{Face, Span};
use crate::error::Result;
use crate::problem::{Arg, Conj, Kind, Location, Phrase, Problem};
use crate::units::Pt;

static LIBERATION_SANS: [(&str, &[u8]); 4] = [
    (
        "LiberationSans-Regular.ttf",
        include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    ),
    (
        "LiberationSans-Bold.ttf",
        include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    ),
    (
        "LiberationSans-Italic.ttf",
        include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    ),
    (
        "LiberationSans-BoldItalic.ttf",
        include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
    ),
];

/// Code points below this are looked up in a flat table (Latin, general
/// punctuation, arrows and mathematical operators such as ≤); the rest in a
/// hash map.
const DENSE: usize = 0x2400;

/// A glyph: its id in the font and its advance width in font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in the original font.
    pub id: u16,
    /// Advance width in font units.
    pub advance: u16,
}

/// A font file's bytes: the bundled fonts' where the program holds them,
/// a caller's shared.
#[derive(Debug, Clone)]
enum FontBytes {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FontBytes::Static(b) => b,
            FontBytes::Shared(b) => b,
        }
    }
}

/// One face of a family, parsed once.
#[derive(Debug, Clone)]
pub struct FontFace {
    data: FontBytes,
    /// The PostScript name, e.g. "LiberationSans-Bold".
    pub postscript_name: String,
    /// The family name, e.g. "Liberation Sans".
    pub family: String,
    /// Units per em.
    pub units_per_em: u16,
    /// Typographic ascender, font units (positive).
    pub ascender: i16,
    /// Typographic descender, font units (negative).
    pub descender: i16,
    /// Line gap, font units.
    pub line_gap: i16,
    /// Bounding box of all glyphs: x min, y min, x max, y max.
    pub bbox: [i16; 4],
    /// The italic angle in degrees, counter-clockwise from vertical
    /// (negative for a face that leans right).
    pub italic_angle: f32,
    /// OS/2 weight class (400 regular, 700 bold).
    pub weight: u16,
    /// Whether the font says it is bold.
    pub is_bold: bool,
    /// Whether the font says it is italic.
    pub is_italic: bool,
    dense: Vec<u32>,
    sparse: HashMap<u32, Glyph>,
}

#[cfg(test)]
thread_local! {
    /// How many characters were measured on this thread: tests bound the
    /// work of the line breaker with it.
    pub(crate) static MEASURED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The bounds on a face's vertical metrics, in ems: outside them lines
/// would stack on each other or a single line would fill a page.
const MIN_LINE_EMS: f64 = 0.5;
const MAX_LINE_EMS: f64 = 5.0;

/// Refuses vertical metrics that cannot lay out text: units per em outside
/// 16–16384 (the OpenType range), an ascender at or below the baseline, a
/// descender above it, a line (ascender to descender, plus the line gap)
/// shorter than half an em or longer than five.
fn check_metrics(face: &ttf_parser::Face<'_>) -> std::result::Result<(), Problem> {
    let upem = face.units_per_em();
    if !(16..=16384).contains(&upem) {
        return Err(Problem::new(Location::Given, Kind::FontUnitsPerEm).with("upem", upem));
    }
    let (asc, desc, gap) = (face.ascender(), face.descender(), face.line_gap());
    let em = f64::from(upem);
    let lines = |why: Phrase| {
        Problem::new(Location::Given, Kind::FontMetrics)
            .with("ascender", i64::from(asc))
            .with("descender", i64::from(desc))
            .with("gap", i64::from(gap))
            .with("upem", upem)
            .with("why", why)
    };
    if asc <= 0 {
        return Err(lines(Phrase::AscenderBelowBaseline));
    }
    if desc > 0 {
        return Err(lines(Phrase::DescenderAboveBaseline));
    }
    let body = f64::from(asc) - f64::from(desc);
    let line = body + f64::from(gap.max(0));
    if body < MIN_LINE_EMS * em {
        return Err(lines(Phrase::LineTooShort));
    }
    if line > MAX_LINE_EMS * em {
        return Err(lines(Phrase::LineTooTall));
    }
    Ok(())
}

/// The character map's Unicode subtables worth reading: only the best one,
/// a full-repertoire table (format 12) or else the Basic Multilingual
/// Plane's (format 4), when the font has one. A font's Unicode subtables map
/// the same characters (format 12 includes what format 4 maps), and reading
/// each costs a lookup per character: Liberation Sans has two identical
/// format 4 subtables, whose second reading was half the cost of loading
/// the fonts. Otherwise every Unicode subtable, the first mapping of a
/// character winning.
fn unicode_subtables(cmap: ttf_parser::cmap::Table<'_>) -> Vec<ttf_parser::cmap::Subtable<'_>> {
    use ttf_parser::cmap::Format;
    let all: Vec<_> = cmap
        .subtables
        .into_iter()
        .filter(|s| s.is_unicode())
        .collect();
    let best = all
        .iter()
        .find(|s| matches!(s.format, Format::SegmentedCoverage(_)))
        .or_else(|| {
            all.iter()
                .find(|s| matches!(s.format, Format::SegmentMappingToDeltaValues(_)))
        })
        .copied();
    match best {
        Some(best) => vec![best],
        None => all,
    }
}

impl FontFace {
    /// Parses a TrueType or OpenType face. `name` says which file it came
    /// from in errors.
    pub fn parse(name: &str, data: impl Into<Arc<[u8]>>) -> Result<FontFace> {
        FontFace::parse_bytes(name, FontBytes::Shared(data.into()))
    }

    /// [`FontFace::parse`] for bytes that live as long as the program
    /// (the bundled fonts): they are used where they are, not copied.
    fn parse_bytes(name: &str, data: FontBytes) -> Result<FontFace> {
        let at = || Location::File(name.to_owned());
        let face = ttf_parser::Face::parse(&data, 0)
            .map_err(|e| Problem::new(at(), Kind::FontUnusable).with("en_detail", e.to_string()))?;
        let mut dense = vec![0u32; DENSE];
        let mut sparse = HashMap::new();
        let mut any = false;
        let mut any_advance = false;
        if let Some(cmap) = face.tables().cmap {
            for sub in unicode_subtables(cmap) {
                sub.codepoints(|cp| {
                    let Some(gid) = sub.glyph_index(cp) else {
                        return;
                    };
                    if gid.0 == 0 {
                        return;
                    }
                    let advance = face.glyph_hor_advance(gid).unwrap_or(0);
                    let glyph = Glyph { id: gid.0, advance };
                    any = true;
                    any_advance |= advance > 0;
                    match dense.get_mut(cp as usize) {
                        Some(slot) => {
                            if *slot == 0 {
                                *slot = (u32::from(gid.0) << 16) | u32::from(advance);
                            }
                        }
                        None => {
                            sparse.entry(cp).or_insert(glyph);
                        }
                    }
                });
            }
        }
        if !any {
            return Err(Problem::new(at(), Kind::FontNoUnicodeMap).into());
        }
        if !any_advance {
            return Err(Problem::new(at(), Kind::FontNoAdvances).into());
        }
        if face.tables().glyf.is_none() && face.tables().cff.is_none() {
            return Err(Problem::new(at(), Kind::FontNoOutlines).into());
        }
        let names = face.names();
        let find_name = |id: u16| {
            names
                .into_iter()
                .filter(|n| n.name_id == id && n.is_unicode())
                .find_map(|n| n.to_string())
        };
        let postscript_name = find_name(ttf_parser::name_id::POST_SCRIPT_NAME)
            .unwrap_or_else(|| name.trim_end_matches(".ttf").to_owned());
        // A PostScript name must be a PDF name without spaces or delimiters.
        let postscript_name: String = postscript_name
            .chars()
            .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
            .collect();
        let family = find_name(ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
            .or_else(|| find_name(ttf_parser::name_id::FAMILY))
            .unwrap_or_else(|| postscript_name.clone());
        check_metrics(&face).map_err(|p| p.placed(at()))?;
        let bbox = face.global_bounding_box();
        Ok(FontFace {
            postscript_name,
            family,
            units_per_em: face.units_per_em(),
            ascender: face.ascender(),
            descender: face.descender(),
            line_gap: face.line_gap(),
            bbox: [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max],
            italic_angle: face.italic_angle(),
            weight: face.weight().to_number(),
            is_bold: face.is_bold(),
            is_italic: face.is_italic(),
            dense,
            sparse,
            data,
        })
    }

    /// The font file's bytes.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The glyph for a character, if the font has one.
    #[inline]
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        let cp = c as u32;
        match self.dense.get(cp as usize) {
            Some(0) => None,
            Some(packed) => Some(Glyph {
                id: (packed >> 16) as u16,
                advance: (packed & 0xffff) as u16,
            }),
            None => self.sparse.get(&cp).copied(),
        }
    }

    /// Whether the font can draw `c`. Characters that are never drawn (line
    /// breaks, and the zero-width format characters such as U+200D ZERO
    /// WIDTH JOINER or U+00AD SOFT HYPHEN) count as drawable; see
    /// [`FontFace::first_missing`] for the hyphen a soft hyphen may show.
    pub fn has(&self, c: char) -> bool {
        c == '\n' || self.glyph(c).is_some() || is_ignorable(c)
    }

    /// The advance of `c` in font units: zero for a character the font
    /// lacks and for a zero-width format character.
    #[inline]
    pub(crate) fn advance_units(&self, c: char) -> u16 {
        #[cfg(test)]
        MEASURED.with(|m| m.set(m.get() + 1));
        if is_ignorable(c) {
            return 0;
        }
        self.glyph(c).map_or(0, |g| g.advance)
    }

    /// Font units to points at `size`.
    #[inline]
    pub(crate) fn scale(&self, units: u64, size: Pt) -> Pt {
        Pt(units as f64 * size.0 / f64::from(self.units_per_em))
    }

    /// The advance of `c` at `size`; a character the font lacks is zero
    /// wide (checked separately, see [`FontFace::first_missing`]), and so is
    /// a zero-width format character (never drawn).
    #[inline]
    pub fn advance(&self, c: char, size: Pt) -> Pt {
        self.scale(u64::from(self.advance_units(c)), size)
    }

    /// The width of `text` at `size`, without kerning. Measures the text as
    /// given: callers that draw it themselves normalise it first (NFC,
    /// without format characters), as the line breaker does.
    pub fn width(&self, text: &str, size: Pt) -> Pt {
        let units: u64 = text.chars().map(|c| u64::from(self.advance_units(c))).sum();
        self.scale(units, size)
    }

    /// The first character the font cannot draw in `text` as it will be
    /// drawn: the text in NFC (a font that has `é` can draw `e` + U+0301),
    /// zero-width format characters skipped, and `-` required where a soft
    /// hyphen may be shown at a line break.
    pub fn first_missing(&self, text: &str) -> Option<char> {
        if text.is_ascii() {
            // In NFC already, without format characters or soft hyphens.
            return text
                .bytes()
                .map(char::from)
                .find(|&c| c != '\n' && self.glyph(c).is_none());
        }
        let text = prepare(text);
        text.chars().find_map(|c| match c {
            SOFT_HYPHEN if self.glyph('-').is_none() => Some('-'),
            c if !self.has(c) => Some(c),
            _ => None,
        })
    }

    /// The ascender at `size`, in points above the baseline.
    pub fn ascent(&self, size: Pt) -> Pt {
        Pt(f64::from(self.ascender) * size.0 / f64::from(self.units_per_em))
    }

    /// The descender at `size`, in points below the baseline (positive).
    pub fn descent(&self, size: Pt) -> Pt {
        Pt(-f64::from(self.descender) * size.0 / f64::from(self.units_per_em))
    }

    /// The natural distance between baselines at `size`: ascender plus
    /// descender plus line gap.
    pub fn line_height(&self, size: Pt) -> Pt {
        let units =
            f64::from(self.ascender) - f64::from(self.descender) + f64::from(self.line_gap.max(0));
        Pt(units * size.0 / f64::from(self.units_per_em))
    }
}

/// A family of four faces: regular, bold, italic and bold italic.
///
/// Cloning is cheap: the parsed faces are shared.
///
/// ```
/// use lapkin::layout::Pt;
/// use lapkin::text::{Face, FontSet};
///
/// let fonts = FontSet::liberation_sans();
/// assert_eq!(fonts.family(), "Liberation Sans");
/// let regular = fonts.width("Capaian", Face::Regular, Pt(11.0));
/// assert!(fonts.width("Capaian", Face::Bold, Pt(11.0)) > regular);
/// ```
#[derive(Debug, Clone)]
pub struct FontSet {
    faces: Arc<[FontFace; 4]>,
}

/// Liberation Sans, parsed the first time it is asked for.
static BUNDLED: OnceLock<FontSet> = OnceLock::new();

impl FontSet {
    /// Liberation Sans, the bundled Arial-compatible family. Its files are
    /// parsed once per process; every call shares them.
    pub fn liberation_sans() -> FontSet {
        BUNDLED
            .get_or_init(|| {
                let faces = LIBERATION_SANS.map(|(name, data)| {
                    FontFace::parse_bytes(name, FontBytes::Static(data))
                        .expect("the bundled fonts are valid TrueType fonts")
                });
                FontSet::new(faces)
            })
            .clone()
    }

    fn new(faces: [FontFace; 4]) -> FontSet {
        FontSet {
            faces: Arc::new(faces),
        }
    }

    /// A family from its four faces' bytes, in the order regular, bold,
    /// italic, bold italic. `names` label them in errors (e.g. file names).
    pub fn from_faces(faces: [(String, Vec<u8>); 4]) -> Result<FontSet> {
        let [r, b, i, bi] = faces;
        Ok(FontSet::new([
            FontFace::parse(&r.0, r.1)?,
            FontFace::parse(&b.0, b.1)?,
            FontFace::parse(&i.0, i.1)?,
            FontFace::parse(&bi.0, bi.1)?,
        ]))
    }

    /// A family from four font files in any order, each face recognised by
    /// what the font says of itself (bold, italic).
    pub fn from_files(files: Vec<(String, Vec<u8>)>) -> Result<FontSet> {
        let mut slots: [Vec<FontFace>; 4] = Default::default();
        for (name, data) in files {
            let face = FontFace::parse(&name, data)?;
            let kind = match (face.is_bold, face.is_italic) {
                (false, false) => Face::Regular,
                (true, false) => Face::Bold,
                (false, true) => Face::Italic,
                (true, true) => Face::BoldItalic,
            };
            slots[kind.index()].push(face);
        }
        let mut problems = Vec::new();
        for kind in Face::ALL {
            let found = &slots[kind.index()];
            let face = Arg::from(crate::text::glyphs::face_name(kind));
            match found.len() {
                1 => {}
                0 => problems.push(Arg::phrase(Phrase::NoFace, vec![("face", face)])),
                n => {
                    let names = found.iter().map(|f| f.postscript_name.as_str().into());
                    let names = Arg::List(names.collect(), Conj::Comma);
                    let args = vec![("count", n.into()), ("face", face), ("names", names)];
                    problems.push(Arg::phrase(Phrase::SeveralFaces, args));
                }
            }
        }
        if !problems.is_empty() {
            let faces = Arg::List(problems, Conj::Comma);
            return Err(Problem::new(Location::Given, Kind::FontFamily)
                .with("faces", faces)
                .into());
        }
        Ok(FontSet::new(slots.map(|mut v| v.remove(0))))
    }

    /// The face for regular, bold, italic or bold italic text.
    #[inline]
    pub(crate) fn face(&self, face: Face) -> &FontFace {
        &self.faces[face.index()]
    }

    /// The family name, e.g. "Liberation Sans".
    pub fn family(&self) -> &str {
        &self.faces[0].family
    }

    /// The width of `text` set on one line in `face` at `size`, as the
    /// layout measures it: the advance widths of the text in NFC, without
    /// its zero-width format characters (soft hyphens included), no
    /// kerning. A character the face lacks counts as zero wide
    /// ([`FontSet::missing`] finds those); `\n` counts as nothing.
    ///
    /// ```
    /// use lapkin::layout::Pt;
    /// use lapkin::text::{Face, FontSet};
    ///
    /// let fonts = FontSet::liberation_sans();
    /// // Liberation Sans has Arial's widths: a figure is 1139/2048 em.
    /// let w = fonts.width("2024", Face::Regular, Pt(10.0));
    /// assert!((w.0 - 4.0 * 1139.0 * 10.0 / 2048.0).abs() < 1e-9);
    /// ```
    pub fn width(&self, text: &str, face: Face, size: Pt) -> Pt {
        self.face(face)
            .width(&normalize(text).replace('\n', ""), size)
    }

    /// The width of styled runs set on one line at `size`, each in its
    /// own face (see [`FontSet::width`]).
    ///
    /// ```
    /// use lapkin::layout::Pt;
    /// use lapkin::text::{Face, FontSet, Span};
    ///
    /// let fonts = FontSet::liberation_sans();
    /// let spans = [Span::plain("Total "), Span::bold("Rp")];
    /// let both = fonts.width("Total ", Face::Regular, Pt(11.0)) + fonts.width("Rp", Face::Bold, Pt(11.0));
    /// assert_eq!(fonts.spans_width(&spans, Pt(11.0)), both);
    /// ```
    pub fn spans_width(&self, spans: &[Span], size: Pt) -> Pt {
        spans.iter().fold(Pt::ZERO, |w, s| {
            w + self.width(&s.text, Face::for_style(s.style), size)
        })
    }

    /// The distance from one baseline to the next at `size` with a line
    /// spacing of 1 (the regular face's ascender, descender and line gap;
    /// the layout multiplies it by [`Style::line_spacing`](crate::layout::Style::line_spacing)).
    ///
    /// ```
    /// use lapkin::layout::Pt;
    /// let h = lapkin::text::FontSet::liberation_sans().line_height(Pt(10.0));
    /// assert!(h.0 > 11.0 && h.0 < 12.0);
    /// ```
    pub fn line_height(&self, size: Pt) -> Pt {
        self.face(Face::Regular).line_height(size)
    }

    /// The first character of `text` that `face` cannot draw, as it will
    /// be drawn (in NFC, zero-width format characters aside, and `-` where
    /// a soft hyphen may be shown at a line break); `None` when it can
    /// draw them all. [`validate`](crate::validate) checks every text of a
    /// report this way.
    ///
    /// ```
    /// use lapkin::text::{Face, FontSet};
    ///
    /// let fonts = FontSet::liberation_sans();
    /// assert_eq!(fonts.missing("Rp 1.000 \u{2603}", Face::Regular), Some('\u{2603}'));
    /// assert_eq!(fonts.missing("Capaian", Face::Italic), None);
    /// ```
    pub fn missing(&self, text: &str, face: Face) -> Option<char> {
        self.face(face).first_missing(text)
    }

    /// A warning (a problem of kind
    /// [`MixedFamilies`](crate::problem::Kind::MixedFamilies)) when the
    /// four faces do not come from one family (their family names, from the
    /// fonts' name tables, differ), e.g. a bold face of another typeface
    /// given by mistake; `None` when they agree.
    ///
    /// ```
    /// assert!(lapkin::text::FontSet::liberation_sans().mixed_families().is_none());
    /// ```
    pub fn mixed_families(&self) -> Option<Problem> {
        let regular = &self.faces[0].family;
        if self.faces.iter().all(|f| &f.family == regular) {
            return None;
        }
        let list = Face::ALL
            .iter()
            .map(|&face| {
                let name = Arg::from(crate::text::glyphs::face_name(face));
                let family = Arg::quoted(&self.faces[face.index()].family);
                Arg::phrase(Phrase::FaceFamily, vec![("face", name), ("family", family)])
            })
            .collect();
        let p = Problem::new(Location::Given, Kind::MixedFamilies)
            .with("families", Arg::List(list, Conj::Comma));
        Some(p)
    }
}

impl Default for FontSet {
    fn default() -> Self {
        FontSet::liberation_sans()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liberation_sans_has_arial_metrics() {
        let fonts = FontSet::liberation_sans();
        let r = fonts.face(Face::Regular);
        assert_eq!(r.family, "Liberation Sans");
        assert_eq!(r.postscript_name, "LiberationSans");
        assert_eq!(r.units_per_em, 2048);
        // Arial's advance of "0" is 1139/2048 em, of a space 569/2048.
        assert_eq!(r.glyph('0').unwrap().advance, 1139);
        assert_eq!(r.glyph(' ').unwrap().advance, 569);
        assert!((r.width("0000", Pt(10.0)).0 - 4.0 * 1139.0 * 10.0 / 2048.0).abs() < 1e-9);
        assert!(fonts.face(Face::Bold).is_bold);
        assert!(fonts.face(Face::BoldItalic).is_italic);
    }

    #[test]
    fn the_characters_of_the_source_document_are_covered() {
        let fonts = FontSet::liberation_sans();
        for face in Face::ALL {
            let f = fonts.face(face);
            for c in "≤ ’ “ ” – — é … Rp 1.234,5%".chars() {
                assert!(f.has(c), "{face:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn reading_one_subtable_maps_what_every_subtable_maps() {
        let fonts = FontSet::liberation_sans();
        for face in Face::ALL {
            let f = fonts.face(face);
            let parsed = ttf_parser::Face::parse(f.data(), 0).unwrap();
            let cmap = parsed.tables().cmap.unwrap();
            let subtables: Vec<_> = cmap
                .subtables
                .into_iter()
                .filter(|s| s.is_unicode())
                .collect();
            assert!(
                subtables.len() > 1,
                "{face:?}: the test needs several subtables"
            );
            let mut seen = 0;
            for sub in subtables {
                sub.codepoints(|cp| {
                    let (Some(c), Some(gid)) = (char::from_u32(cp), sub.glyph_index(cp)) else {
                        return;
                    };
                    if gid.0 != 0 {
                        seen += 1;
                        assert_eq!(f.glyph(c).map(|g| g.id), Some(gid.0), "{face:?} {c:?}");
                    }
                });
            }
            assert!(seen > 2000, "{face:?}: only {seen} mappings");
        }
    }

    #[test]
    fn missing_glyphs_are_found() {
        let r = FontSet::liberation_sans();
        let r = r.face(Face::Regular);
        assert_eq!(r.first_missing("abc 漢 d"), Some('漢'));
        assert_eq!(r.first_missing("abc\nd"), None);
        assert_eq!(r.advance('漢', Pt(10.0)), Pt::ZERO);
        // ASCII (looked up directly) as any other text.
        for c in (0..128u8).map(char::from) {
            let expected = (!r.has(c)).then_some(c);
            assert_eq!(r.first_missing(&format!("a{c}b")), expected, "{c:?}");
            assert_eq!(r.first_missing(&format!("é{c}b")), expected, "{c:?}");
        }
        assert_eq!(r.first_missing("tab\there"), Some('\t'));
    }

    #[test]
    fn a_family_is_recognised_from_its_files_in_any_order() {
        let files: Vec<(String, Vec<u8>)> = LIBERATION_SANS
            .iter()
            .rev()
            .map(|(n, d)| (n.to_string(), d.to_vec()))
            .collect();
        let set = FontSet::from_files(files).unwrap();
        assert_eq!(
            set.face(Face::Italic).postscript_name,
            "LiberationSans-Italic"
        );

        let two_regular = vec![
            ("a.ttf".to_string(), LIBERATION_SANS[0].1.to_vec()),
            ("b.ttf".to_string(), LIBERATION_SANS[0].1.to_vec()),
        ];
        let err = FontSet::from_files(two_regular).unwrap_err().to_string();
        assert!(err.contains("2 regular faces"), "{err}");
        assert!(err.contains("no bold face"), "{err}");
    }

    #[test]
    fn faces_of_different_families_are_told() {
        let liberation = |i: usize| {
            (
                LIBERATION_SANS[i].0.to_string(),
                LIBERATION_SANS[i].1.to_vec(),
            )
        };
        let set = FontSet::from_faces([0, 1, 2, 3].map(liberation)).unwrap();
        assert_eq!(set.mixed_families(), None);
        let mut mixed = set.clone();
        Arc::make_mut(&mut mixed.faces)[1].family = "DejaVu Sans".into();
        let warning = mixed.mixed_families().unwrap();
        assert_eq!(
            warning.to_string(),
            "the four faces come from different families: regular \"Liberation Sans\", \
             bold \"DejaVu Sans\", italic \"Liberation Sans\", bold italic \"Liberation Sans\""
        );
    }

    #[test]
    fn garbage_is_a_font_error() {
        let err = FontFace::parse("x.ttf", b"not a font".to_vec()).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.kind, crate::problem::Kind::FontUnusable, "{err}");
        assert_eq!(p.location, crate::problem::Location::File("x.ttf".into()));
    }

    /// A table tag, an offset in that table, a value.
    type Patch = (&'static [u8; 4], usize, i16);

    /// Liberation Sans Regular with the big-endian i16 at offset `field` of
    /// table `tag` replaced by `value`, for each patch; the tables are found
    /// through the table directory.
    fn patched(patches: &[Patch]) -> Vec<u8> {
        let mut data = LIBERATION_SANS[0].1.to_vec();
        for &(tag, field, value) in patches {
            let tables = usize::from(u16::from_be_bytes([data[4], data[5]]));
            let record = (0..tables)
                .map(|i| 12 + 16 * i)
                .find(|&r| &data[r..r + 4] == tag)
                .expect("the table is in the font");
            let offset =
                u32::from_be_bytes(data[record + 8..record + 12].try_into().unwrap()) as usize;
            data[offset + field..offset + field + 2].copy_from_slice(&value.to_be_bytes());
        }
        data
    }

    #[test]
    fn fonts_whose_metrics_cannot_lay_out_text_are_refused() {
        // hhea: ascender at 4, descender at 6, line gap at 8. ttf-parser
        // falls back to OS/2 (typographic ascender at 68, Windows ascender
        // at 74) when the hhea ascender is 0, so those are zeroed too.
        const ASC: (&[u8; 4], usize) = (b"hhea", 4);
        const DESC: (&[u8; 4], usize) = (b"hhea", 6);
        const GAP: (&[u8; 4], usize) = (b"hhea", 8);
        let face = FontFace::parse("same.ttf", patched(&[(ASC.0, ASC.1, 1854)])).unwrap();
        assert_eq!((face.ascender, face.descender), (1854, -434));
        let zero_ascender: &[Patch] = &[(ASC.0, ASC.1, 0), (b"OS/2", 68, 0), (b"OS/2", 74, 0)];
        let cases: [(&[Patch], &str); 7] = [
            (zero_ascender, "ascender must be above the baseline"),
            (
                &[(ASC.0, ASC.1, -500)],
                "ascender must be above the baseline",
            ),
            (
                &[(DESC.0, DESC.1, 300)],
                "descender must not be above the baseline",
            ),
            (
                &[(DESC.0, DESC.1, 2000)],
                "descender must not be above the baseline",
            ),
            (
                &[(ASC.0, ASC.1, 100), (DESC.0, DESC.1, -10)],
                "less than half an em",
            ),
            (&[(ASC.0, ASC.1, 32767)], "more than five ems"),
            (&[(GAP.0, GAP.1, 12000)], "more than five ems"),
        ];
        for (patches, reason) in cases {
            let data = patched(patches);
            let raw = ttf_parser::Face::parse(&data, 0).unwrap();
            let metrics = (raw.ascender(), raw.descender(), raw.line_gap());
            assert_ne!(metrics, (1854, -434, 67), "the patch reaches ttf-parser");
            let regular = ("bad-regular.ttf".to_string(), data);
            let rest = LIBERATION_SANS[1..]
                .iter()
                .map(|(n, d)| (n.to_string(), d.to_vec()));
            let mut faces = std::iter::once(regular).chain(rest);
            let faces = std::array::from_fn(|_| faces.next().unwrap());
            let err = FontSet::from_faces(faces).unwrap_err();
            let p = &err.problems()[0];
            let message = p.message(crate::problem::Lang::En);
            assert_eq!(
                p.location,
                crate::problem::Location::File("bad-regular.ttf".into())
            );
            assert!(message.contains(reason), "{metrics:?}: {message}");
            assert!(message.contains("vertical metrics"), "{message}");
        }
        // Units per em (head, at 18) outside the OpenType range.
        for upem in [0, 8, 20000] {
            let data = patched(&[(b"head", 18, upem)]);
            assert!(FontFace::parse("upem.ttf", data).is_err(), "{upem}");
        }
    }

    /// A table's offset in a font, through the table directory.
    fn table_offset(data: &[u8], tag: &[u8; 4]) -> usize {
        let tables = usize::from(u16::from_be_bytes([data[4], data[5]]));
        let record = (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|&r| &data[r..r + 4] == tag)
            .expect("the table is in the font");
        u32::from_be_bytes(data[record + 8..record + 12].try_into().unwrap()) as usize
    }

    #[test]
    fn fonts_whose_advances_are_all_zero_are_refused() {
        let mut data = LIBERATION_SANS[0].1.to_vec();
        let hhea = table_offset(&data, b"hhea");
        let metrics = usize::from(u16::from_be_bytes([data[hhea + 34], data[hhea + 35]]));
        let hmtx = table_offset(&data, b"hmtx");
        for i in 0..metrics {
            data[hmtx + 4 * i..hmtx + 4 * i + 2].copy_from_slice(&[0, 0]);
        }
        let err = FontFace::parse("flat.ttf", data).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.kind, crate::problem::Kind::FontNoAdvances, "{err}");
        assert_eq!(
            p.location,
            crate::problem::Location::File("flat.ttf".into())
        );
        assert!(
            err.to_string().contains("every character's advance is 0"),
            "{err}"
        );
    }

    #[test]
    fn format_characters_are_drawable_and_zero_wide() {
        let fonts = FontSet::liberation_sans();
        let r = fonts.face(Face::Regular);
        for c in [
            '\u{AD}', '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{FE0F}',
        ] {
            assert!(r.has(c), "{c:?}");
            assert_eq!(r.advance(c, Pt(10.0)), Pt::ZERO, "{c:?}");
        }
        assert_eq!(r.width("a\u{AD}b", Pt(10.0)), r.width("ab", Pt(10.0)));
        // Bidi controls are not ignored (the model refuses them).
        assert!(!is_ignorable('\u{202E}') && !is_ignorable('\u{200F}'));
        // The composed form is checked: the font has é.
        assert_eq!(r.first_missing("e\u{301}"), None);
    }
}
