//! The glyph check: the characters of a text that a face cannot draw,
//! and the one shape of the problem that names them, whatever the stage
//! that finds it (validation, `layout_document`, `write_pdf`).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::{Face, FontFace};
use crate::problem::{Arg, Conj, JsonPath, Kind, Phrase, Problem};

/// Format characters that are never drawn and so need no glyph: zero-width
/// space, non-joiner and joiner, word joiner, byte order mark; and the soft
/// hyphen, which is drawn as a hyphen `-` at a line end only.
pub(crate) fn is_not_drawn(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// A face's name in messages.
pub(crate) fn face_name(face: Face) -> Phrase {
    match face {
        Face::Regular => Phrase::FaceRegular,
        Face::Bold => Phrase::FaceBold,
        Face::Italic => Phrase::FaceItalic,
        Face::BoldItalic => Phrase::FaceBoldItalic,
    }
}

/// At most this many characters are named in one problem; the rest are
/// counted.
const NAMED_CHARACTERS: usize = 12;

/// The problem of the characters `missing` (in order of first use) that
/// `face` of `fonts` lacks in `text`: at `path`, naming the first dozen
/// and the text around the first. The one shape of a missing glyph, for a
/// report's text and a document's alike.
pub(crate) fn missing_glyph(
    path: &JsonPath,
    face: Face,
    font: &FontFace,
    missing: &[char],
    text: &str,
    standard_note: bool,
) -> Problem {
    let mut named: Vec<Arg> = missing
        .iter()
        .take(NAMED_CHARACTERS)
        .map(|c| Arg::Char(*c))
        .collect();
    if missing.len() > NAMED_CHARACTERS {
        named.push(Arg::phrase(
            Phrase::AndMore,
            vec![("count", (missing.len() - NAMED_CHARACTERS).into())],
        ));
    }
    let context = Arg::quoted(crate::text::around(text, missing[0]));
    let place = if standard_note {
        Phrase::UsedInStandardNote
    } else {
        Phrase::UsedIn
    };
    Problem::new(path, Kind::MissingGlyph)
        .with("face", face_name(face))
        .with("font", font.postscript_name.as_str())
        .with("characters", Arg::List(named, Conj::Comma))
        .with("place", Arg::phrase(place, vec![("context", context)]))
}

/// The characters of `text` that `face` cannot draw, in order of first
/// use, after NFC normalisation (as the line breaker measures it);
/// characters that are never drawn need no glyph, a soft hyphen needs `-`.
pub(crate) fn missing_in(
    face: &FontFace,
    text: &str,
    missing: &mut Vec<char>,
    seen: &mut HashSet<char>,
) {
    // Most texts are already composed (NFC): then their characters are
    // the ones printed, and composing them again would be wasted work.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        missing_chars(face, text.chars(), missing, seen);
    } else {
        missing_chars(face, text.nfc(), missing, seen);
    }
}

fn missing_chars(
    face: &FontFace,
    chars: impl Iterator<Item = char>,
    missing: &mut Vec<char>,
    seen: &mut HashSet<char>,
) {
    for c in chars {
        let c = if c == '\u{00AD}' { '-' } else { c };
        if c == '\n' || is_not_drawn(c) || face.has(c) || !seen.insert(c) {
            continue;
        }
        missing.push(c);
    }
}
