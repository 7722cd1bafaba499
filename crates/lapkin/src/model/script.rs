//! Writing systems lapkin cannot lay out.
//!
//! lapkin sets text left to right, one glyph per character, as Latin,
//! Greek, Cyrillic and CJK text is set. Right-to-left text (Hebrew,
//! Arabic, ...) would come out in the wrong order, and scripts whose
//! letters join, reorder or stack (the Brahmic scripts of India and South
//! East Asia, Indonesia's Javanese, Balinese, Sundanese, Batak, Buginese
//! and Rejang among them; Tibetan; Mongolian) would come out as unjoined
//! glyphs. Such text is refused with its path instead of printed wrongly.

use unicode_bidi::{BidiClass, bidi_class};

use crate::problem::{Arg, Kind, Location, Problem};

/// Unicode blocks of scripts that need shaping, with the names used in
/// messages, in English and in Indonesian. Right-to-left scripts are found by their bidi class instead.
pub const COMPLEX_SCRIPTS: &[(u32, u32, &str, &str)] = &[
    (
        0x0900,
        0x0DFF,
        "Indic (Devanagari, Bengali, Tamil, Sinhala, ...)",
        "India (Dewanagari, Bengali, Tamil, Sinhala, ...)",
    ),
    (0x0E00, 0x0E7F, "Thai", "Thai"),
    (0x0E80, 0x0EFF, "Lao", "Laos"),
    (0x0F00, 0x0FFF, "Tibetan", "Tibet"),
    (0x1000, 0x109F, "Myanmar", "Myanmar"),
    (
        0x1700,
        0x177F,
        "Philippine (Baybayin, Buhid, ...)",
        "Filipina (Baybayin, Buhid, ...)",
    ),
    (0x1780, 0x17FF, "Khmer", "Khmer"),
    (0x1800, 0x18AF, "Mongolian", "Mongol"),
    (0x1900, 0x194F, "Limbu", "Limbu"),
    (
        0x1980,
        0x19FF,
        "Khmer or New Tai Lue",
        "Khmer atau Tai Lue Baru",
    ),
    (0x1A00, 0x1A1F, "Buginese (Lontara)", "Bugis (Lontara)"),
    (0x1A20, 0x1AAF, "Tai Tham", "Tai Tham"),
    (0x1B00, 0x1B7F, "Balinese", "Bali"),
    (0x1B80, 0x1BBF, "Sundanese", "Sunda"),
    (0x1BC0, 0x1BFF, "Batak", "Batak"),
    (0x1C00, 0x1C4F, "Lepcha", "Lepcha"),
    (0x1CC0, 0x1CFF, "Sundanese or Vedic", "Sunda atau Weda"),
    (0xA800, 0xA82F, "Syloti Nagri", "Syloti Nagri"),
    (0xA840, 0xA87F, "Phags-pa", "Phags-pa"),
    (
        0xA880,
        0xA8FF,
        "Indic (Saurashtra, Devanagari)",
        "India (Saurashtra, Dewanagari)",
    ),
    (0xA900, 0xA92F, "Kayah Li", "Kayah Li"),
    (0xA930, 0xA95F, "Rejang (Kaganga)", "Rejang (Kaganga)"),
    (0xA980, 0xA9DF, "Javanese", "Jawa"),
    (0xA9E0, 0xA9FF, "Myanmar", "Myanmar"),
    (0xAA00, 0xAA5F, "Cham", "Cham"),
    (0xAA60, 0xAA7F, "Myanmar", "Myanmar"),
    (0xAA80, 0xAADF, "Tai Viet", "Tai Viet"),
    (0xAAE0, 0xAAFF, "Meetei Mayek", "Meetei Mayek"),
    (0xABC0, 0xABFF, "Meetei Mayek", "Meetei Mayek"),
    (
        0x11000,
        0x11FFF,
        "Brahmic (Brahmi, Kaithi, Sharada, Grantha, ...)",
        "Brahmi (Brahmi, Kaithi, Sharada, Grantha, ...)",
    ),
];

/// Bidi control characters: they would reorder text lapkin sets left to
/// right anyway.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// The name of a right-to-left script, in English and in Indonesian.
fn rtl_script(c: char) -> Arg {
    let (en, id) = match c {
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => ("Hebrew", "Ibrani"),
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => ("Arabic", "Arab"),
        '\u{0700}'..='\u{074F}' | '\u{0860}'..='\u{086F}' => ("Syriac", "Suryani"),
        '\u{0780}'..='\u{07BF}' => ("Thaana", "Thaana"),
        _ => ("Right-to-left", "kanan-ke-kiri"),
    };
    Arg::both(en, id)
}

/// Why lapkin cannot print `text`, if it holds right-to-left text, a bidi
/// control character or a script that needs shaping (a problem at
/// [`Location::Given`]: the caller places it).
pub fn script_problem(text: &str) -> Option<Problem> {
    // Below U+0590 (Latin, Greek, Cyrillic, Armenian: almost every
    // character of a report) there is no right-to-left letter, no bidi
    // control and no script that needs shaping.
    for c in text.chars().filter(|c| u32::from(*c) >= 0x0590) {
        let code = u32::from(c);
        if is_bidi_control(c) {
            let p = Problem::new(Location::Given, Kind::BidiControl)
                .with("code", format!("{code:04X}"));
            return Some(p);
        }
        if matches!(bidi_class(c), BidiClass::R | BidiClass::AL) {
            let p = Problem::new(Location::Given, Kind::RightToLeft)
                .with("script", rtl_script(c))
                .with("character", Arg::CharCode(c));
            return Some(p);
        }
        if let Some((_, _, en, id)) = COMPLEX_SCRIPTS
            .iter()
            .find(|(lo, hi, _, _)| (*lo..=*hi).contains(&code))
        {
            let p = Problem::new(Location::Given, Kind::ComplexScript)
                .with("script", Arg::both(*en, *id))
                .with("character", Arg::CharCode(c));
            return Some(p);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_cyrillic_and_cjk_pass() {
        for t in [
            "Capaian AKS \u{2264} 75% \u{2013} baik",
            "\u{3b1}\u{3b2}\u{3b3} \u{410}\u{411}",
            "\u{6f22}\u{5b57} \u{d55c}\u{ad6d}",
            "na\u{ef}ve caf\u{e9} e\u{301}",
            "soft\u{ad}hyphen zero\u{200b}width",
        ] {
            assert_eq!(script_problem(t), None, "{t}");
        }
    }

    #[test]
    fn right_to_left_and_complex_scripts_are_named() {
        for (t, needle) in [
            (
                "laporan \u{5e9}\u{5dc}\u{5d5}\u{5dd}",
                "Hebrew text is right-to-left",
            ),
            (
                "\u{627}\u{644}\u{639}\u{631}\u{628}\u{64a}\u{629}",
                "Arabic text is right-to-left",
            ),
            ("a\u{202e}b", "bidirectional control character U+202E"),
            ("a\u{200f}b", "U+200F"),
            ("a\u{2067}b", "U+2067"),
            ("\u{928}\u{92e}\u{938}\u{94d}\u{924}\u{947}", "Indic"),
            ("\u{e2a}\u{e27}\u{e31}\u{e2a}\u{e14}\u{e35}", "Thai"),
            ("\u{a9a7}\u{a9b1}", "Javanese"),
            ("\u{1b05}\u{1b13}", "Balinese"),
            ("\u{a930}\u{a931}", "Rejang"),
        ] {
            let p = script_problem(t).map(|p| p.to_string()).unwrap_or_default();
            assert!(p.contains(needle), "{t:?}: {p}");
        }
    }
}
