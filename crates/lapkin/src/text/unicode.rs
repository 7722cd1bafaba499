//! The Unicode rules that measuring and drawing share: text is normalised
//! to NFC (so that `e` + U+0301 is drawn as the composed `é`), and
//! zero-width format characters are never drawn and take no width.
//!
//! Two of those characters are also break opportunities for the line
//! breaker: U+00AD SOFT HYPHEN (shown as `-` only where a line breaks at
//! it) and U+200B ZERO WIDTH SPACE. Bidirectional controls are *not*
//! ignored here: right-to-left text is out of scope and refused by the
//! model, and a font lacks glyphs for them, so they are reported.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// U+00AD SOFT HYPHEN: a break opportunity that shows a hyphen only at the
/// end of a line.
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// Whether `text` holds a [`SOFT_HYPHEN`]. ASCII text (nearly every word)
/// has none and is told so at once: for a two-byte character,
/// `str::contains` on a short text compares byte pairs one call at a time,
/// which was a tenth of laying out the reference report.
pub(crate) fn has_soft_hyphen(text: &str) -> bool {
    !text.is_ascii() && text.contains(SOFT_HYPHEN)
}

/// U+200B ZERO WIDTH SPACE: a break opportunity that shows nothing.
pub(crate) const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Whether `c` is a zero-width format character that is never drawn and
/// takes no width: the Default_Ignorable_Code_Points of Unicode except the
/// bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) and unassigned ones. Includes the soft hyphen and the zero
/// width space, which the line breaker also treats as break opportunities.
#[inline]
pub(crate) fn is_ignorable(c: char) -> bool {
    // Below the soft hyphen (ASCII and most of Latin-1: nearly every
    // character of a report) the answer is no, at one comparison.
    if c < '\u{AD}' {
        return false;
    }
    matches!(
        c,
        '\u{AD}'                     // soft hyphen
        | '\u{34F}'                  // combining grapheme joiner
        | '\u{115F}'..='\u{1160}'    // Hangul fillers
        | '\u{17B4}'..='\u{17B5}'    // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}'    // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200D}'    // zero width space, ZWNJ, ZWJ
        | '\u{2060}'..='\u{2064}'    // word joiner, invisible operators
        | '\u{206A}'..='\u{206F}'    // deprecated format characters
        | '\u{3164}'                 // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'    // variation selectors
        | '\u{FEFF}'                 // zero width no-break space (BOM)
        | '\u{FFA0}'                 // halfwidth Hangul filler
        | '\u{1BCA0}'..='\u{1BCA3}'  // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}'  // musical symbol format controls
        | '\u{E0000}'..='\u{E0FFF}' // tags, variation selectors supplement
    )
}

/// `text` as it is drawn when no line breaks inside it: in NFC, without the
/// zero-width format characters of [`is_ignorable`] (soft hyphens and zero
/// width spaces included). Borrows when nothing changes, which is the
/// common case. For text that is drawn without the line breaker (markers,
/// labels), for measuring one line ([`FontSet::width`](super::FontSet::width))
/// and for comparing text with what the PDF holds.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// `text` as the line breaker and the glyph check see it: in NFC, without
/// the zero-width format characters except the soft hyphen and the zero
/// width space (break opportunities). Borrows when nothing changes.
pub(crate) fn prepare(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

fn clean(text: &str, keep_breaks: bool) -> Cow<'_, str> {
    let dropped =
        |c: char| is_ignorable(c) && !(keep_breaks && (c == SOFT_HYPHEN || c == ZERO_WIDTH_SPACE));
    // ASCII text (most of a report) is in NFC and has no format
    // characters.
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    // Ignorable characters are removed first, so that a joiner between a
    // letter and its accent does not keep them from composing.
    if !text.chars().any(dropped) && is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let out: String = text.chars().filter(|c| !dropped(*c)).nfc().collect();
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_drops_format_characters() {
        assert_eq!(normalize("Cafe\u{301}"), "Café");
        assert_eq!(normalize("e\u{200D}\u{301}"), "é");
        assert_eq!(normalize("ko\u{AD}ta\u{200B}x\u{FEFF}"), "kotax");
        assert_eq!(
            prepare("ko\u{AD}ta\u{200B}x\u{2060}"),
            "ko\u{AD}ta\u{200B}x"
        );
        // Bidi controls are left for the model to refuse.
        assert_eq!(normalize("a\u{200F}b"), "a\u{200F}b");
        assert!(matches!(normalize("plain text"), Cow::Borrowed(_)));
    }
}
