//! Every text of a report that ends up on the page, with its JSON path:
//! for checks that concern what is printed (the signature tag must occur
//! nowhere else; the font must have every character).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use std::borrow::Cow;

use super::{Baris, Block, Inline, Nilai, Report, Sel};
use crate::error::Problem;
use crate::text::{Face, Span, SpanStyle};
use crate::text::{FontFace, FontSet};

/// The printed texts of a report, each with its JSON path, in document
/// order. Markup is removed (a link's target is not printed); a text whose
/// markup does not parse is left out (validation reports it). The
/// standard legal note is not among them (it is not the report's).
pub fn printed_texts(report: &Report) -> Vec<(String, String)> {
    styled_texts(report)
        .into_iter()
        .filter(|s| !s.standard)
        .map(|s| (s.path, s.source.text()))
        .collect()
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
    /// its runs twice; a heading printed in capitals, its runs in
    /// capitals.
    runs: Vec<(SpanStyle, Cow<'a, str>)>,
    /// Whether it is lapkin's standard wording (the standard legal note),
    /// not the report's.
    standard: bool,
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

const R: SpanStyle = SpanStyle::REGULAR;
const B: SpanStyle = SpanStyle::BOLD;

/// Collects the styled texts of a report, in document order.
#[derive(Default)]
struct Texts<'a> {
    out: Vec<Styled<'a>>,
}

impl<'a> Texts<'a> {
    /// A plain text printed in each of `styles`.
    fn plain(&mut self, path: String, text: &'a str, styles: &[SpanStyle]) {
        self.out.push(Styled {
            path,
            source: Source::Plain(text),
            runs: styles.iter().map(|s| (*s, Cow::Borrowed(text))).collect(),
            standard: false,
        });
    }

    /// Lines of text, each printed in `styles`: `path` for one line,
    /// `path[i]` for several.
    fn lines(&mut self, path: &str, lines: &'a Baris, styles: &[SpanStyle]) {
        let many = lines.lines().len() > 1;
        for (i, line) in lines.lines().iter().enumerate() {
            let p = if many {
                format!("{path}[{i}]")
            } else {
                path.to_owned()
            };
            self.plain(p, line, styles);
        }
    }

    /// Inline markup in its own styles (if `own`), and emboldened (if
    /// `bold_too`); markup that does not parse has no runs.
    fn inline(&mut self, path: String, text: &'a Inline, own: bool, bold_too: bool) {
        let spans = text.parsed().unwrap_or_default();
        let mut runs = Vec::new();
        if own {
            runs.extend(
                spans
                    .iter()
                    .map(|s| (s.style, Cow::Borrowed(s.text.as_str()))),
            );
        }
        if bold_too {
            runs.extend(spans.iter().map(|s| {
                let style = SpanStyle {
                    bold: true,
                    ..s.style
                };
                (style, Cow::Borrowed(s.text.as_str()))
            }));
        }
        self.out.push(Styled {
            path,
            source: Source::Markup(spans),
            runs,
            standard: false,
        });
    }

    /// A heading: bold, and in capitals too if `capitals`.
    fn heading(&mut self, path: String, text: &'a Inline, capitals: bool) {
        self.inline(path, text, false, true);
        if capitals && let Some(last) = self.out.last_mut() {
            for (_, run) in &mut last.runs {
                *run = Cow::Owned(run.to_uppercase());
            }
        }
    }

    /// The texts of blocks: paragraphs, list items, table cells, the
    /// column titles, groups and a table's title (bold), sub-headings
    /// (bold).
    fn blocks(&mut self, path: &str, blocks: &'a [Block]) {
        for (i, b) in blocks.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match b {
                Block::Paragraf(t) => self.inline(p, t, true, false),
                Block::Judul(t) => self.inline(format!("{p}.judul"), t, false, true),
                Block::Daftar(d) => {
                    for (j, item) in d.butir.iter().enumerate() {
                        let p = format!("{p}.daftar.butir[{j}]");
                        if item.isi.is_empty() {
                            self.inline(p, &item.teks, true, false);
                        } else {
                            self.inline(format!("{p}.teks"), &item.teks, true, false);
                            self.blocks(&format!("{p}.isi"), &item.isi);
                        }
                    }
                }
                Block::Tabel(t) => self.table(&format!("{p}.tabel"), t),
            }
        }
    }

    fn table(&mut self, p: &str, t: &'a super::Tabel) {
        if let Some(judul) = &t.judul {
            self.inline(format!("{p}.judul"), judul, false, true);
        }
        for (j, k) in t.kolom.iter().enumerate() {
            self.inline(format!("{p}.kolom[{j}].judul"), &k.judul, false, true);
            if let Some(g) = &k.grup {
                self.lines(&format!("{p}.kolom[{j}].grup"), g, &[B]);
            }
        }
        for (j, row) in t.baris.iter().enumerate() {
            for (k, cell) in row.iter().enumerate() {
                if let Sel::Teks(text) = cell {
                    self.inline(format!("{p}.baris[{j}][{k}]"), text, true, false);
                }
            }
        }
        if let Some(c) = &t.keterangan {
            self.inline(format!("{p}.keterangan"), c, true, false);
        }
    }
}

/// The printed texts of a report with the faces they are set in, in
/// document order; a text whose markup does not parse is left out.
fn styled_texts(report: &Report) -> Vec<Styled<'_>> {
    let mut t = Texts::default();
    // The title is bold, the intro regular.
    t.plain("unit.nama".into(), &report.unit.nama, &[R, B]);
    if let Some(judul) = &report.judul {
        t.lines("judul", judul, &[B]);
    }
    if let Some(p) = &report.pengantar {
        t.blocks("pengantar", p);
    }
    if let Some(p) = &report.periode {
        t.plain("periode".into(), p, &[R]);
    }
    sections_texts(report, &mut t);
    kinerja_texts(report, &mut t);
    for (i, a) in report.analisis.iter().enumerate() {
        let p = format!("analisis[{i}]");
        if let Some(judul) = &a.judul {
            t.inline(format!("{p}.judul"), judul, false, true);
        }
        for (j, b) in a.bagian.iter().flatten().enumerate() {
            t.inline(format!("{p}.bagian[{j}].judul"), &b.judul, false, true);
        }
        for (_, field, blocks) in a.parts() {
            t.blocks(&format!("{p}.{field}"), blocks);
        }
    }
    if let Some(a) = &report.anggaran {
        anggaran_texts(a, &mut t);
    }
    t.blocks("rekomendasi", &report.rekomendasi);
    if let Some(p) = &report.penutup {
        penutup_texts(p, &mut t);
    }
    halaman_texts(report, &mut t);
    t.out
}

/// The headings and blocks of the report's own sections.
fn sections_texts<'a>(report: &'a Report, t: &mut Texts<'a>) {
    let Some(s) = &report.susunan else { return };
    for (k, b) in s.bagian.iter().flatten().enumerate() {
        if let Some(judul) = &b.judul {
            t.heading(format!("susunan.bagian[{k}].judul"), judul, s.huruf_besar);
        }
        t.blocks(&format!("susunan.bagian[{k}].isi"), &b.isi);
    }
}

/// Table A: the column titles and groups (bold), the sasaran and
/// indicators (also bold, in the headings of B), the values.
fn kinerja_texts<'a>(report: &'a Report, t: &mut Texts<'a>) {
    for (j, k) in report.kinerja.kolom.iter().flatten().enumerate() {
        if let Some(judul) = &k.judul {
            t.inline(format!("kinerja.kolom[{j}].judul"), judul, false, true);
        }
        if let Some(g) = &k.grup {
            t.lines(&format!("kinerja.kolom[{j}].grup"), g, &[B]);
        }
    }
    for (i, s) in report.kinerja.sasaran.iter().enumerate() {
        let p = format!("kinerja.sasaran[{i}]");
        // Table A, and the bold heading of each analysis in B.
        if let Some(kode) = &s.kode {
            t.plain(format!("{p}.kode"), kode, &[R, B]);
        }
        t.inline(format!("{p}.uraian"), &s.uraian, true, true);
        for (j, ind) in s.indikator.iter().enumerate() {
            let p = format!("{p}.indikator[{j}]");
            if let Some(no) = &ind.no {
                t.plain(format!("{p}.no"), &no.0, &[R]);
            }
            if let Some(kode) = &ind.kode {
                t.plain(format!("{p}.kode"), kode, &[R, B]);
            }
            t.inline(format!("{p}.uraian"), &ind.uraian, true, true);
            if let Some(satuan) = &ind.satuan {
                t.plain(format!("{p}.satuan"), satuan, &[R]);
            }
            for (field, v) in ind.values() {
                if let Nilai::Teks(text) = v {
                    t.plain(format!("{p}.{field}"), text, &[R]);
                }
            }
            if let Some(k) = &ind.keterangan {
                t.inline(format!("{p}.keterangan"), k, true, false);
            }
        }
    }
}

/// The budget table: column titles and groups (bold), each row's texts
/// (a parent row's in bold).
fn anggaran_texts<'a>(a: &'a super::Anggaran, t: &mut Texts<'a>) {
    for (j, k) in a.kolom.iter().flatten().enumerate() {
        if let Some(judul) = &k.judul {
            t.inline(format!("anggaran.kolom[{j}].judul"), judul, false, true);
        }
        if let Some(g) = &k.grup {
            t.lines(&format!("anggaran.kolom[{j}].grup"), g, &[B]);
        }
    }
    fn row_texts<'a>(path: &str, rows: &'a [super::Rincian], t: &mut Texts<'a>) {
        for (i, r) in rows.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let parent = !r.rincian.is_empty();
            let style: &[SpanStyle] = if parent { &[B] } else { &[R] };
            if let Some(kode) = &r.kode {
                t.plain(format!("{p}.kode"), kode, style);
            }
            t.inline(format!("{p}.uraian"), &r.uraian, !parent, parent);
            if let Some(satuan) = &r.satuan {
                t.plain(format!("{p}.satuan"), satuan, style);
            }
            if let Some(k) = &r.keterangan {
                t.inline(format!("{p}.keterangan"), k, !parent, parent);
            }
            row_texts(&format!("{p}.rincian"), &r.rincian, t);
        }
    }
    row_texts("anggaran.rincian", &a.rincian, t);
}

/// The closing block: place, each signer's position, line, name (bold),
/// NIP and its label.
fn penutup_texts<'a>(p: &'a super::Penutup, t: &mut Texts<'a>) {
    t.plain("penutup.tempat".into(), &p.tempat, &[R]);
    let mut signer = |path: &str,
                      jabatan: Option<&'a Baris>,
                      fields: [(&str, Option<&'a String>, SpanStyle); 4]| {
        if let Some(j) = jabatan {
            t.lines(&format!("{path}.jabatan"), j, &[R]);
        }
        for (field, text, style) in fields {
            if let Some(text) = text {
                t.plain(format!("{path}.{field}"), text, &[style]);
            }
        }
    };
    signer(
        "penutup",
        p.jabatan.as_ref(),
        [
            ("keterangan", p.keterangan.as_ref(), R),
            ("nama", p.nama.as_ref(), B),
            ("label_nip", p.label_nip.as_ref(), R),
            ("nip", p.nip.as_ref(), R),
        ],
    );
    for (k, s) in p.penanda_tangan.iter().enumerate() {
        signer(
            &format!("penutup.penanda_tangan[{k}]"),
            Some(&s.jabatan),
            [
                ("keterangan", s.keterangan.as_ref(), R),
                ("nama", Some(&s.nama), B),
                ("label_nip", s.label_nip.as_ref(), R),
                ("nip", s.nip.as_ref(), R),
            ],
        );
    }
}

/// The legal note (the report's, or the standard one that is printed for
/// it) and the page furniture: the note's label (bold), the page number's
/// wording, the running header and footer.
fn halaman_texts<'a>(report: &'a Report, t: &mut Texts<'a>) {
    match &report.catatan {
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                t.inline(format!("catatan[{i}]"), item, true, false);
            }
        }
        // The standard note is printed unless the report has its own (or
        // nobody signs electronically).
        None if report.signed_electronically() => {
            for item in super::default_catatan() {
                t.inline("catatan".into(), item, true, false);
                if let Some(last) = t.out.last_mut() {
                    last.standard = true;
                }
            }
        }
        None => {}
    }
    let h = &report.halaman;
    if let Some(j) = &h.judul_catatan {
        t.plain("halaman.judul_catatan".into(), j, &[B]);
    }
    for (field, text) in [
        ("nomor", &h.nomor),
        ("kepala", &h.kepala),
        ("kaki", &h.kaki),
    ] {
        if let Some(text) = text {
            t.plain(format!("halaman.{field}"), text, &[R]);
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
            let standard = if styled.standard {
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
    let mut tags: Vec<(String, char)> = Vec::new();
    if let Some(tag) = report.tanda_tangan.tag_char() {
        tags.push(("tanda_tangan.tag".to_owned(), tag));
    }
    for (k, s) in report
        .penutup
        .iter()
        .flat_map(|p| p.penanda_tangan.iter().enumerate())
    {
        if let Some(tag) = s.tag.as_deref().and_then(|t| t.chars().next()) {
            tags.push((format!("penutup.penanda_tangan[{k}].tag"), tag));
        }
    }
    for (path, tag) in tags {
        let font = fonts.face(Face::Regular);
        if !is_not_drawn(tag) && !font.has(tag) {
            problems.push(Problem::new(
                path,
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
        r.penutup.as_mut().unwrap().nama = Some("Nama \u{6f22}\u{5b57}".into());
        r.analisis[0].kendala = Some(vec![Block::Paragraf(Inline::new(
            "Kendala *\u{5b57}* dan \u{2603}\u{00AD}\u{200D} lagi \u{2603}",
        ))]);
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
        r.penutup.as_mut().unwrap().tempat = "Bengkulu Selatan e\u{301}".into();
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
