//! Every text of a report that ends up on the page, with its JSON path:
//! for checks that concern what is printed (the signature tag must occur
//! nowhere else; the font must have every character).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::{Block, Inline, Nilai, Report, Sel};
use crate::error::Problem;
use crate::text::{Face, Span, SpanStyle};
use crate::text::{FontFace, FontSet};

/// The printed texts of a report, each with its JSON path, in document
/// order. Markup is removed (a link's target is not printed); a text whose
/// markup does not parse is left out (validation reports it).
pub fn printed_texts(report: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |path: String, text: String| out.push((path, text));
    let inline = |t: &Inline| t.plain_text().unwrap_or_default();

    add("unit.nama".into(), report.unit.nama.clone());
    for (i, s) in report.kinerja.sasaran.iter().enumerate() {
        let p = format!("kinerja.sasaran[{i}]");
        add(format!("{p}.kode"), s.kode.clone());
        add(format!("{p}.uraian"), inline(&s.uraian));
        for (j, ind) in s.indikator.iter().enumerate() {
            let p = format!("{p}.indikator[{j}]");
            add(format!("{p}.kode"), ind.kode.clone());
            add(format!("{p}.uraian"), inline(&ind.uraian));
            add(format!("{p}.satuan"), ind.satuan.clone());
            for (field, v) in [
                ("target_pk", &ind.target_pk),
                ("target", &ind.target),
                ("capaian", &ind.capaian),
            ] {
                if let Nilai::Teks(t) = v {
                    add(format!("{p}.{field}"), t.clone());
                }
            }
        }
    }
    let mut blocks_out = Vec::new();
    for (i, a) in report.analisis.iter().enumerate() {
        for (part, blocks) in [
            ("progress", &a.progress),
            ("kendala", &a.kendala),
            ("strategi", &a.strategi),
        ] {
            blocks_texts(&format!("analisis[{i}].{part}"), blocks, &mut blocks_out);
        }
    }
    for (i, r) in report.anggaran.rincian.iter().enumerate() {
        let p = format!("anggaran.rincian[{i}]");
        blocks_out.push((format!("{p}.kode"), r.kode.clone()));
        blocks_out.push((format!("{p}.uraian"), inline(&r.uraian)));
        blocks_out.push((format!("{p}.satuan"), r.satuan.clone()));
    }
    blocks_texts("rekomendasi", &report.rekomendasi, &mut blocks_out);
    let p = &report.penutup;
    for (field, text) in [
        ("tempat", &p.tempat),
        ("jabatan", &p.jabatan),
        ("keterangan", &p.keterangan),
        ("nama", &p.nama),
        ("nip", &p.nip),
    ] {
        blocks_out.push((format!("penutup.{field}"), text.clone()));
    }
    if let Some(items) = &report.catatan {
        for (i, item) in items.iter().enumerate() {
            blocks_out.push((format!("catatan[{i}]"), inline(item)));
        }
    }
    out.extend(blocks_out);
    out
}

/// Format characters that are never drawn and so need no glyph: zero-width
/// space, non-joiner and joiner, word joiner, byte order mark; and the soft
/// hyphen, which is drawn as a hyphen `-` at a line end only.
pub fn is_not_drawn(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// One text of the report in the faces it is printed in, borrowed from
/// the report.
struct Styled<'a> {
    path: String,
    /// The text as written, for the context of a message.
    source: Source<'a>,
    /// Each run of the text with the style it is set in; a text printed
    /// twice (an indicator in table A and, bold, in the heading of B) has
    /// its runs twice.
    runs: Vec<(SpanStyle, &'a str)>,
}

/// Where a [`Styled`] text comes from.
enum Source<'a> {
    Plain(&'a str),
    Markup(&'a [Span]),
}

impl Source<'_> {
    /// The plain text.
    fn text(&self) -> String {
        match self {
            Source::Plain(t) => (*t).to_owned(),
            Source::Markup(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
        }
    }
}

/// The printed texts of a report with the faces they are set in, in
/// document order; a text whose markup does not parse is left out.
fn styled_texts<'r>(report: &'r Report) -> Vec<Styled<'r>> {
    let mut out = Vec::new();
    let plain = |path: String, text, styles: &[SpanStyle]| Styled {
        path,
        source: Source::Plain(text),
        runs: styles.iter().map(|s| (*s, text)).collect(),
    };
    let inline = styled_inline;
    const R: SpanStyle = SpanStyle::REGULAR;
    const B: SpanStyle = SpanStyle::BOLD;
    // The title is bold, the intro regular.
    out.push(plain("unit.nama".into(), &report.unit.nama, &[R, B]));
    for (i, s) in report.kinerja.sasaran.iter().enumerate() {
        let p = format!("kinerja.sasaran[{i}]");
        // Table A, and the bold heading of each analysis in B.
        out.push(plain(format!("{p}.kode"), &s.kode, &[R, B]));
        out.push(inline(format!("{p}.uraian"), &s.uraian, true, true));
        for (j, ind) in s.indikator.iter().enumerate() {
            let p = format!("{p}.indikator[{j}]");
            out.push(plain(format!("{p}.kode"), &ind.kode, &[R, B]));
            out.push(inline(format!("{p}.uraian"), &ind.uraian, true, true));
            out.push(plain(format!("{p}.satuan"), &ind.satuan, &[R]));
            for (field, v) in [
                ("target_pk", &ind.target_pk),
                ("target", &ind.target),
                ("capaian", &ind.capaian),
            ] {
                if let Nilai::Teks(t) = v {
                    out.push(plain(format!("{p}.{field}"), t, &[R]));
                }
            }
        }
    }
    let blocks = |path: &str, bs: &'r [Block], out: &mut Vec<Styled<'r>>| {
        let mut texts = Vec::new();
        styled_blocks(path, bs, &mut texts);
        for (path, text, header) in texts {
            out.push(inline(path, text, !header, header));
        }
    };
    for (i, a) in report.analisis.iter().enumerate() {
        for (part, bs) in [
            ("progress", &a.progress),
            ("kendala", &a.kendala),
            ("strategi", &a.strategi),
        ] {
            blocks(&format!("analisis[{i}].{part}"), bs, &mut out);
        }
    }
    for (i, r) in report.anggaran.rincian.iter().enumerate() {
        let p = format!("anggaran.rincian[{i}]");
        out.push(plain(format!("{p}.kode"), &r.kode, &[R]));
        out.push(inline(format!("{p}.uraian"), &r.uraian, true, false));
        out.push(plain(format!("{p}.satuan"), &r.satuan, &[R]));
    }
    blocks("rekomendasi", &report.rekomendasi, &mut out);
    let p = &report.penutup;
    for (field, text, style) in [
        ("tempat", &p.tempat, R),
        ("jabatan", &p.jabatan, R),
        ("keterangan", &p.keterangan, R),
        ("nama", &p.nama, B),
        ("nip", &p.nip, R),
    ] {
        out.push(plain(format!("penutup.{field}"), text, &[style]));
    }
    match &report.catatan {
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push(inline(format!("catatan[{i}]"), item, true, false));
            }
        }
        // The standard note is printed unless the report has its own.
        None => {
            for item in super::default_catatan() {
                out.push(inline("catatan".into(), item, true, false));
            }
        }
    }
    out
}

/// Inline markup in its own styles (if `own`), and emboldened (if
/// `bold_too`); markup that does not parse has no runs.
fn styled_inline(path: String, text: &Inline, own: bool, bold_too: bool) -> Styled<'_> {
    let spans = text.parsed().unwrap_or_default();
    let mut runs = Vec::new();
    if own {
        runs.extend(spans.iter().map(|s| (s.style, s.text.as_str())));
    }
    if bold_too {
        runs.extend(spans.iter().map(|s| {
            (
                SpanStyle {
                    bold: true,
                    ..s.style
                },
                s.text.as_str(),
            )
        }));
    }
    Styled {
        path,
        source: Source::Markup(spans),
        runs,
    }
}

/// The inline texts of blocks with their paths; `true` for a table's
/// column titles, which are printed bold.
fn styled_blocks<'a>(path: &str, blocks: &'a [Block], out: &mut Vec<(String, &'a Inline, bool)>) {
    for (i, b) in blocks.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match b {
            Block::Paragraf(t) => out.push((p, t, false)),
            Block::Daftar(d) => {
                for (j, item) in d.butir.iter().enumerate() {
                    let p = format!("{p}.daftar.butir[{j}]");
                    if item.isi.is_empty() {
                        out.push((p, &item.teks, false));
                    } else {
                        out.push((format!("{p}.teks"), &item.teks, false));
                        styled_blocks(&format!("{p}.isi"), &item.isi, out);
                    }
                }
            }
            Block::Tabel(t) => {
                let p = format!("{p}.tabel");
                for (j, k) in t.kolom.iter().enumerate() {
                    out.push((format!("{p}.kolom[{j}].judul"), &k.judul, true));
                }
                for (j, row) in t.baris.iter().enumerate() {
                    for (k, cell) in row.iter().enumerate() {
                        if let Sel::Teks(text) = cell {
                            out.push((format!("{p}.baris[{j}][{k}]"), text, false));
                        }
                    }
                }
                if let Some(c) = &t.keterangan {
                    out.push((format!("{p}.keterangan"), c, false));
                }
            }
        }
    }
}

fn face_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "regular",
        Face::Bold => "bold",
        Face::Italic => "italic",
        Face::BoldItalic => "bold italic",
    }
}

/// The characters of `text` that `face` cannot draw, in order of first
/// use, after NFC normalisation (as the line breaker measures it);
/// characters that are never drawn need no glyph, a soft hyphen needs `-`.
fn missing_in(face: &FontFace, text: &str, missing: &mut Vec<char>, seen: &mut HashSet<char>) {
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

/// At most this many characters are named in one problem; the rest are
/// counted.
const NAMED_CHARACTERS: usize = 12;

/// Every text of the report that uses a character its face lacks: one
/// problem per text and face, naming the characters (the first dozen, and
/// how many more) and the text around the first. The signature tag is
/// drawn in the regular face and must be in the PDF's text, so it needs
/// its glyph too.
pub(crate) fn glyph_problems(report: &Report, fonts: &FontSet) -> Vec<Problem> {
    #[cfg(test)]
    super::CHECKS.with(|c| c.set((c.get().0, c.get().1 + 1)));
    let mut problems = Vec::new();
    for styled in styled_texts(report) {
        for face in [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic] {
            let font = fonts.face(face);
            let mut missing = Vec::new();
            let mut seen = HashSet::new();
            for (style, text) in &styled.runs {
                if Face::for_style(*style) == face {
                    missing_in(font, text, &mut missing, &mut seen);
                }
            }
            let Some(first) = missing.first() else {
                continue;
            };
            let context = crate::text::around(&styled.source.text(), *first);
            let mut named: Vec<String> = missing
                .iter()
                .take(NAMED_CHARACTERS)
                .map(|c| format!("{c:?} (U+{:04X})", u32::from(*c)))
                .collect();
            if missing.len() > NAMED_CHARACTERS {
                named.push(format!("and {} more", missing.len() - NAMED_CHARACTERS));
            }
            let standard = if styled.path == "catatan" {
                " of the standard legal note (give your own in `catatan`)"
            } else {
                ""
            };
            problems.push(Problem::new(
                styled.path.clone(),
                format!(
                    "the {} font {} has no glyph for {}, used{standard} in {:?}; replace the \
                     character or choose a font that has it",
                    face_name(face),
                    font.postscript_name,
                    named.join(", "),
                    context
                ),
            ));
        }
    }
    if let Some(tag) = report.tanda_tangan.tag_char() {
        let font = fonts.face(Face::Regular);
        if !is_not_drawn(tag) && !font.has(tag) {
            problems.push(Problem::new(
                "tanda_tangan.tag",
                format!(
                    "the regular font {} has no glyph for the tag {tag:?} (U+{:04X}), so the \
                     tag would not be in the PDF's text and BSrE's service could not find the \
                     signature box; choose a tag the font has, such as \"#\"",
                    font.postscript_name,
                    u32::from(tag)
                ),
            ));
        }
    }
    problems
}

fn blocks_texts(path: &str, blocks: &[Block], out: &mut Vec<(String, String)>) {
    let inline = |t: &Inline| t.plain_text().unwrap_or_default();
    for (i, b) in blocks.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match b {
            Block::Paragraf(t) => out.push((p, inline(t))),
            Block::Daftar(d) => {
                for (j, item) in d.butir.iter().enumerate() {
                    let p = format!("{p}.daftar.butir[{j}]");
                    if item.isi.is_empty() {
                        out.push((p, inline(&item.teks)));
                    } else {
                        out.push((format!("{p}.teks"), inline(&item.teks)));
                        blocks_texts(&format!("{p}.isi"), &item.isi, out);
                    }
                }
            }
            Block::Tabel(t) => {
                let p = format!("{p}.tabel");
                for (j, k) in t.kolom.iter().enumerate() {
                    out.push((format!("{p}.kolom[{j}].judul"), inline(&k.judul)));
                }
                for (j, row) in t.baris.iter().enumerate() {
                    for (k, cell) in row.iter().enumerate() {
                        if let Sel::Teks(text) = cell {
                            out.push((format!("{p}.baris[{j}][{k}]"), inline(text)));
                        }
                    }
                }
                if let Some(c) = &t.keterangan {
                    out.push((format!("{p}.keterangan"), inline(c)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../../../fixtures/minimal.json")).unwrap()
    }

    #[test]
    fn every_missing_character_is_named_in_the_face_it_is_printed_in() {
        let fonts = FontSet::liberation_sans();
        let mut r = minimal();
        assert!(glyph_problems(&r, &fonts).is_empty());
        r.penutup.nama = "Nama \u{6f22}\u{5b57}".into();
        r.analisis[0].kendala = vec![Block::Paragraf(Inline::new(
            "Kendala *\u{5b57}* dan \u{2603}\u{00AD}\u{200D} lagi \u{2603}",
        ))];
        r.tanda_tangan.tag = Some("\u{2318}".into());
        let problems: Vec<String> = glyph_problems(&r, &fonts)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            problems,
            [
                "analisis[0].kendala[0]: the regular font LiberationSans has no glyph for \
                 '\u{2603}' (U+2603), used in \"Kendala \u{5b57} dan \u{2603}\\u{ad}\\u{200d} lagi \u{2603}\"; replace \
                 the character or choose a font that has it",
                "analisis[0].kendala[0]: the italic font LiberationSans-Italic has no glyph for \
                 '\u{5b57}' (U+5B57), used in \"Kendala \u{5b57} dan \u{2603}\\u{ad}\\u{200d} lagi \u{2603}\"; replace \
                 the character or choose a font that has it",
                "penutup.nama: the bold font LiberationSans-Bold has no glyph for '\u{6f22}' \
                 (U+6F22), '\u{5b57}' (U+5B57), used in \"Nama \u{6f22}\u{5b57}\"; replace the \
                 character or choose a font that has it",
                "tanda_tangan.tag: the regular font LiberationSans has no glyph for the tag \
                 '\u{2318}' (U+2318), so the tag would not be in the PDF's text and BSrE's \
                 service could not find the signature box; choose a tag the font has, such as \"#\"",
            ]
        );
    }

    #[test]
    fn text_is_checked_after_nfc_normalisation() {
        let fonts = FontSet::liberation_sans();
        let mut r = minimal();
        // e + combining acute composes to é, which the font has.
        r.penutup.tempat = "Bengkulu Selatan e\u{301}".into();
        assert!(glyph_problems(&r, &fonts).is_empty());
    }

    #[test]
    fn texts_of_the_minimal_report_with_their_paths() {
        let r = crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap();
        let texts = printed_texts(&r);
        let find = |path: &str| {
            texts
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(find("unit.nama"), Some("UPT Contoh"));
        assert_eq!(
            find("kinerja.sasaran[0].indikator[0].kode"),
            Some("IKK 1.1")
        );
        assert_eq!(
            find("analisis[0].progress[0]"),
            Some("Kegiatan yang sudah dilakukan adalah rapat koordinasi.")
        );
        assert_eq!(find("penutup.nip"), Some("197001012000031001"));
    }
}
