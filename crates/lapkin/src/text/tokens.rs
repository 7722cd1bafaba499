//! Tokens that are never broken across lines: codes, the NIP, dates,
//! figures. A reader searches a PDF for `419548.DI.6397.QDB.750` or
//! `IKK 1.1` and must find it on one line.
//!
//! Two steps:
//! - [`tie`] joins the words of a multi-word token with a no-break space
//!   (U+00A0) where a line break would cut it: a known prefix or a word in
//!   capitals and its number (`IKK 1.1`, `SK 1.0`, `NIP 1968…`,
//!   `Rp 1.234.567`), a date (`07 Agustus 2024`, `5 April`, `Juni 2024`), a
//!   NIP written in groups (`19680509 199303 2 001`), a figure and its
//!   percent sign (`90,9 %`). The line breaker never breaks at a no-break
//!   space; the font draws it as a space, and extractors (poppler's
//!   `pdftotext`) give it back as a space.
//! - [`is_whole`] says whether a word (text between breakable spaces, no-break
//!   spaces inside it) is such a token: a figure (`8.069.025.000`,
//!   `-1.234,5`, `95,15%`, an 18-digit NIP), a code (digits and capital
//!   letters joined by dots, at least one digit:
//!   `419548.DI.6397.QDB.750`), or words tied by [`tie`] (each part a
//!   figure, a code, a word in capitals or a month). Brackets, quotes and
//!   the punctuation that ends a sentence around it count with it:
//!   `[419548.DI.6397.QDB.750]` and `1.1.` are whole too.
//!
//! The line breaker gives such a word its own line rather than break it,
//! and table columns are made at least as wide as their widest such word
//! (see `layout::table`).

use std::borrow::Cow;

/// The no-break space that ties the words of a token.
pub(crate) const TIE: char = '\u{00A0}';

/// Prefixes that are always tied to the number after them.
const PREFIXES: &[&str] = &[
    "SK", "SS", "IK", "IKK", "IKU", "NIP", "NIK", "NPSN", "NUPTK", "Rp", "Rp.", "No.", "Nomor",
];

/// Characters that may open a token (and stay with it).
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '\u{201C}' | '\u{2018}')
}

/// Characters that may close a token (and stay with it).
fn closes(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '\u{201D}' | '\u{2019}' | '.' | ',' | ';' | ':' | '!' | '?'
    )
}

/// `word` without the brackets, quotes and final punctuation around it.
fn core(word: &str) -> &str {
    word.trim_start_matches(opens).trim_end_matches(closes)
}

/// A figure: digits with `.` and `,` between them, a sign before, a
/// percent sign after (`8.069.025.000`, `-1.234,5`, `95,15%`, `+3`).
fn is_figure(s: &str) -> bool {
    let s = s.strip_suffix('%').unwrap_or(s);
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && !s.contains("..")
        && !s.contains(",,")
}

/// A number with dots and digits only that has a dot (`1.1`, `1.0`): the
/// numbers of indicators and sections.
fn is_dotted_number(s: &str) -> bool {
    s.contains('.') && is_figure(s) && !s.contains(',')
}

/// A code: at least two parts joined by dots, each of ASCII digits and
/// capital letters, at least one digit in all (`419548.DI.6397.QDB.750`,
/// `4.2.A`).
fn is_code(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('.') {
        if part.is_empty()
            || !part
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        {
            return false;
        }
        parts += 1;
    }
    parts >= 2 && s.chars().any(|c| c.is_ascii_digit())
}

/// A word in capitals, two to six letters (`IKK`, `PIC`, `SAKIP`).
fn is_capitals(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
}

fn is_month(s: &str) -> bool {
    crate::format::BULAN.contains(&s)
}

/// A day of the month: one or two digits.
fn is_day(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// A year: four digits.
fn is_year(s: &str) -> bool {
    s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.chars().all(|c| c.is_ascii_digit())
}

/// Whether `word`, a run of text between breakable spaces (no-break spaces
/// inside it), is a token that must never be broken (see the module's
/// documentation).
pub(crate) fn is_whole(word: &str) -> bool {
    let word = core(word);
    if !word.contains(TIE) {
        return is_figure(word) || is_code(word);
    }
    word.split(TIE).all(|part| {
        let part = core(part);
        is_figure(part)
            || is_code(part)
            || is_capitals(part)
            || is_month(part)
            || PREFIXES.contains(&part)
            || part == "%"
    })
}

/// Whether the space between the words `a` and `b` (as written, with the
/// punctuation around them) is inside a token; never unless one of them
/// has an ASCII digit ([`tie`] relies on it).
fn tied(a: &str, b: &str) -> bool {
    let (ca, cb) = (a.trim_start_matches(opens), b.trim_end_matches(closes));
    // Punctuation between the two words separates them.
    if ca.ends_with(closes) || cb.starts_with(opens) {
        return false;
    }
    let b_number = is_figure(cb) || is_code(cb);
    // IKK 1.1, SK 1.0, NIP 1968…, Rp 1.234.567, PIC 08.
    if (PREFIXES.contains(&ca) && b_number) || (is_capitals(ca) && is_dotted_number(cb)) {
        return true;
    }
    // 07 Agustus 2024, 5 April, Juni 2024.
    if (is_day(ca) && is_month(cb)) || (is_month(ca) && is_year(cb)) {
        return true;
    }
    // 90,9 %.
    if is_figure(ca) && cb == "%" {
        return true;
    }
    false
}

/// `text` with the spaces inside tokens (see the module's documentation)
/// made no-break spaces; borrowed when it has none. Only single spaces
/// between two words are tied. Linear in the text.
pub(crate) fn tie(text: &str) -> Cow<'_, str> {
    // Cheap rejection: every token has a digit.
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    // The words, the byte offsets of the single spaces after them, and
    // whether they have a digit (every tie has a word with a digit: see
    // `tied`, and a NIP starts with one).
    let mut words: Vec<(&str, Option<usize>, bool)> = Vec::new();
    let mut start = 0;
    let mut digit = false;
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b' ' {
            let single = i > start && bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace());
            words.push((&text[start..i], single.then_some(i), digit));
            start = i + 1;
            digit = false;
        } else if b.is_ascii_whitespace() {
            words.push((&text[start..i], None, digit));
            start = i + 1;
            digit = false;
        } else {
            digit |= b.is_ascii_digit();
        }
    }
    words.push((&text[start..], None, digit));
    let mut ties = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        let (a, Some(space), a_digit) = words[i] else {
            continue;
        };
        let (b, _, b_digit) = words[i + 1];
        if (a_digit || b_digit) && tied(a, b) {
            ties.push(space);
        }
        // A NIP in groups: 19680509 199303 2 001.
        if a_digit
            && let Some(group) = words.get(i..i + 4)
            && group[..3].iter().all(|(_, space, _)| space.is_some())
            && group.iter().zip([8, 6, 1, 3]).all(|((w, _, _), n)| {
                let w = if n == 3 {
                    w.trim_end_matches(closes)
                } else {
                    w
                };
                digits(w.trim_start_matches(opens), n)
            })
        {
            ties.extend(group[..3].iter().filter_map(|(_, space, _)| *space));
        }
    }
    ties.sort_unstable();
    ties.dedup();
    if ties.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + ties.len());
    let mut last = 0;
    for at in ties {
        out.push_str(&text[last..at]);
        out.push(TIE);
        last = at + 1;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tied(text: &str) -> String {
        tie(text).replace(TIE, "~")
    }

    #[test]
    fn codes_figures_and_the_nip_are_whole() {
        for w in [
            "419548.DI.6397.QDB.750",
            "[419548.DI.6397.QDB.750]",
            "419548.WA.2005.EBB.971",
            "8.069.025.000",
            "-1.234,5",
            "95,15%",
            "(100%)",
            "196805091993032001",
            "1.1.",
            "4.2.A",
            "IKK\u{a0}1.1",
            "[SK\u{a0}1.0]",
            "07\u{a0}Agustus\u{a0}2024",
            "19680509\u{a0}199303\u{a0}2\u{a0}001",
        ] {
            assert!(is_whole(w), "{w}");
        }
        for w in [
            "Meningkatnya",
            "BPMP",
            "belajar.id",
            "s.d.",
            "https://bit.ly/3U2g3j7",
            "PBD-04B",
            "Kabupaten/Kota",
            "RKA-K/L",
            "1..2",
            "DI.QDB",
            "kata\u{a0}lain",
            "",
            ".",
        ] {
            assert!(!is_whole(w), "{w}");
        }
    }

    #[test]
    fn prefixes_and_their_numbers_are_tied() {
        assert_eq!(
            tied("[SK 1.0] Meningkatnya mutu"),
            "[SK~1.0] Meningkatnya mutu"
        );
        assert_eq!(
            tied("ketercapaian IKK 1.1 adalah"),
            "ketercapaian IKK~1.1 adalah"
        );
        assert_eq!(tied("target IKK 2.1."), "target IKK~2.1.");
        assert_eq!(tied("NIP 196805091993032001"), "NIP~196805091993032001");
        assert_eq!(tied("sebesar Rp 3.527.249.500"), "sebesar Rp~3.527.249.500");
        // A word in capitals ties only to a dotted number.
        assert_eq!(tied("PIC 08 menginisiasi"), "PIC 08 menginisiasi");
        assert_eq!(tied("PSP 1.2 dan"), "PSP~1.2 dan");
        // Not across punctuation, not a lowercase word.
        assert_eq!(tied("IKK, 1.1"), "IKK, 1.1");
        assert_eq!(tied("target 1.1"), "target 1.1");
        // Only single spaces.
        assert_eq!(tied("IKK  1.1"), "IKK  1.1");
        assert_eq!(tied("IKK\n1.1"), "IKK\n1.1");
    }

    #[test]
    fn dates_and_percentages_are_tied() {
        assert_eq!(
            tied("Bengkulu, 07 Agustus 2024"),
            "Bengkulu, 07~Agustus~2024"
        );
        assert_eq!(
            tied("tanggal 4 s.d 5 April 2024 melalui"),
            "tanggal 4 s.d 5~April~2024 melalui"
        );
        assert_eq!(
            tied("tanggal 8 Juli s.d 10 Juli 2024."),
            "tanggal 8~Juli s.d 10~Juli~2024."
        );
        assert_eq!(tied("bulan Juni 2024"), "bulan Juni~2024");
        assert_eq!(tied("sebanyak 90,9 %, tersisa"), "sebanyak 90,9~%, tersisa");
        // Not a month, not a day.
        assert_eq!(tied("sebanyak 4 kali"), "sebanyak 4 kali");
        assert_eq!(tied("123 April"), "123 April");
    }

    #[test]
    fn a_nip_in_groups_is_tied() {
        assert_eq!(
            tied("NIP 19680509 199303 2 001"),
            "NIP~19680509~199303~2~001"
        );
        // Groups of other lengths are not a NIP.
        assert_eq!(tied("19680509 199303 2 01"), "19680509 199303 2 01");
        assert_eq!(tied("sebanyak 2 001"), "sebanyak 2 001");
    }

    #[test]
    fn text_without_tokens_is_borrowed() {
        assert!(matches!(
            tie("Meningkatnya mutu pendidikan"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(tie("sebanyak 4 kali"), Cow::Borrowed(_)));
        assert!(matches!(tie(""), Cow::Borrowed(_)));
        assert!(matches!(tie("   "), Cow::Borrowed(_)));
        // Multi-byte text around a tie.
        assert_eq!(tied("“IKK 1.1” é"), "“IKK~1.1” é");
    }

    #[test]
    fn only_words_with_a_digit_are_tied() {
        // `tie` looks at a pair of words only if one has a digit: no pair
        // without one is a token.
        let words = [
            "IKK",
            "SK",
            "Rp",
            "Rp.",
            "No.",
            "Nomor",
            "NIP",
            "BPMP",
            "SAKIP",
            "Agustus",
            "Juni",
            "April",
            "%",
            "(IKK",
            "[SK",
            "Bengkulu",
            "1.1",
            "2024",
            "07",
            "5",
            "90,9",
            "4.2.A",
            "419548.DI.6397.QDB.750",
            "19680509",
            "DI.QDB",
            "A.B",
            "-",
            "(%)",
            "...",
            "X",
        ];
        for a in words {
            for b in words {
                let digit = |w: &str| w.bytes().any(|c| c.is_ascii_digit());
                assert!(!super::tied(a, b) || digit(a) || digit(b), "{a} {b}");
            }
        }
        assert_eq!(
            tied("Juni 2024 dan IKK 1.1 pada 07 Agustus"),
            "Juni~2024 dan IKK~1.1 pada 07~Agustus"
        );
    }
}
