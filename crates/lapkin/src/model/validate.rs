//! Semantic checks of a structurally valid report: what a schema cannot
//! say. Indicator references, unique codes, exact remainders and totals,
//! the NIP, inline markup and nesting limits.
//!
//! [`check`] visits the whole report once ([`walk`]) and returns every
//! problem, each with its JSON path, in document order: the rules of each
//! text and node as it is met, the signature tag and the writing system of
//! every printed text, and, given fonts, every character they lack.

use std::collections::HashMap;

mod lkj;
mod options;

use rust_decimal::Decimal;

use super::anggaran::Computed;
use super::schema::nearest;
use super::script::script_problem;
use super::walk::{CodeOf, Node, Role, Source, Text, Visit, walk};
use super::{Inline, Report, TanggalPenutup};
use crate::problem::{Arg, Conj, JsonPath, Kind, Location, Phrase, Problem};
use crate::text::{Face, FontSet, SpanStyle};

/// Lists may nest this deep (`1.` › `a.` › `-` › `1.` › `a.` › `-`); deeper
/// nesting would leave no room for text on an A4 page.
pub const MAX_LIST_DEPTH: usize = 6;

/// Subsections may nest this deep (1.1.1.1.1.1 under a chapter): the
/// tag tree has six levels of headings.
pub const MAX_SUBBAB_DEPTH: usize = 6;

/// The first year a report may be for.
pub const MIN_TAHUN: u16 = 2000;
/// The last year a report may be for.
pub const MAX_TAHUN: u16 = 2100;

/// The legal note may have at most this many items: it is printed at the
/// foot of every page and must leave room for the text. (The layout still
/// refuses a note whose items are too long to fit.)
pub const MAX_CATATAN_ITEMS: usize = 10;

/// Each line of the closing block (`tempat`, `jabatan`, `keterangan`,
/// `nama`) may have at most this many characters, so that the block, which
/// is never split, fits on a page.
pub const MAX_PENUTUP_CHARS: usize = 300;

/// A NIP's label (`label_nip`) has at most this many characters.
pub const MAX_NIP_LABEL: usize = 20;

/// Every semantic problem of `report`, in document order (the model's).
pub(crate) fn validate(report: &Report) -> Vec<Problem> {
    check(report, true, None)
}

/// The problems of `report`, in document order, in one walk: the model's
/// rules (if `rules`) and, for the fonts it is to be printed in (if given),
/// every character a face lacks.
pub(crate) fn check(report: &Report, rules: bool, fonts: Option<&FontSet>) -> Vec<Problem> {
    #[cfg(test)]
    super::CHECKS.with(|c| {
        let (semantic, glyphs) = c.get();
        c.set((
            semantic + usize::from(rules),
            glyphs + usize::from(fonts.is_some()),
        ))
    });
    let mut c = Checker {
        rules,
        fonts,
        ..Checker::default()
    };
    walk(report, &mut c);
    c.problems
}

/// The checks, as a visitor of the walk: each node's problems are pushed
/// as it is met, so that they come in document order.
#[derive(Default)]
struct Checker<'r, 'f> {
    problems: Vec<Problem>,
    /// Whether the model's rules are checked (else only the glyphs).
    rules: bool,
    /// The fonts whose glyphs are checked, if they are.
    fonts: Option<&'f FontSet>,
    report: Option<&'r Report>,
    /// The signers' tags that the rules allow, each with where it is
    /// set: the texts must not contain them.
    tags: Vec<(char, String)>,
    /// The codes met so far, each with the path of its first use.
    codes: HashMap<(CodeOf, &'r str), JsonPath>,
    /// The indicators analysed so far, each with its analysis's path.
    analysed: HashMap<&'r str, JsonPath>,
    /// The number of columns of the table being walked.
    columns: usize,
    /// How many indicators have their own number, of how many.
    numbered: (usize, usize),
    /// The computed figures of section C, and the next row's index.
    figures: Option<(Computed<'r>, usize)>,
    /// The ids cross-references may point to.
    targets: Option<lkj::Targets<'r>>,
    /// The ids met so far, each with where it is set.
    ids_seen: HashMap<&'r str, JsonPath>,
}

impl<'r> Visit<'r> for Checker<'r, '_> {
    fn enter(&mut self, path: &JsonPath, node: Node<'r>) {
        if let Node::Text(text) = node {
            self.text(path, text);
            return;
        }
        if let Node::Tag(tag) = node {
            self.tag_glyph(path, tag);
        }
        if self.rules {
            self.node(path, node);
        }
    }
}

impl<'r> Checker<'r, '_> {
    fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    fn problem(&mut self, path: &JsonPath, kind: Kind) {
        self.problems.push(Problem::new(path, kind));
    }

    /// A text's problems: its rules, the signature tag in it, a script
    /// lapkin cannot set, the characters its faces lack.
    fn text(&mut self, path: &JsonPath, text: Text<'r>) {
        if self.rules {
            self.text_rules(path, text);
            if text.role.printed() && text.role != Role::StandardNote {
                let plain = match text.source {
                    Source::Plain(t) => std::borrow::Cow::Borrowed(t),
                    Source::Markup(m) => m.plain_text().unwrap_or_default().into(),
                };
                let found: Vec<(char, String)> = self
                    .tags
                    .iter()
                    .filter(|(tag, _)| plain.contains(*tag))
                    .cloned()
                    .collect();
                for (tag, set) in found {
                    let p = if set == "tanda_tangan.tag" {
                        Problem::new(path, Kind::TagInText)
                    } else {
                        Problem::new(path, Kind::SignerTagInText).with("where", set.as_str())
                    };
                    self.push(p.with("tag", Arg::quoted(tag.to_string())));
                }
                if let Some(p) = script_problem(&plain) {
                    self.push(p.placed(path));
                }
            }
        }
        if let Some(fonts) = self.fonts {
            text_glyphs(path, &text, fonts, &mut self.problems);
        }
    }

    /// The rules of a text, by its role.
    fn text_rules(&mut self, path: &JsonPath, text: Text<'r>) {
        match (text.role, text.source) {
            (Role::StandardNote, _) => {}
            (Role::Nip, Source::Plain(nip)) => {
                if let Err(p) = check_nip(nip) {
                    self.push(p.placed(path));
                }
            }
            (Role::Nilai, Source::Plain(t)) => self.nilai(path, t),
            (Role::OptionalLine | Role::NoteTitle, Source::Plain(t)) => {
                if !t.is_empty() {
                    self.line(path, t);
                    self.closing_length(path, t);
                }
            }
            (Role::PageNumber, Source::Plain(t)) => self.page_number(path, t),
            (Role::NipLabel, Source::Plain(t)) => {
                self.line(path, t);
                if t.chars().count() > MAX_NIP_LABEL {
                    let p = Problem::new(path, Kind::NipLabelTooLong).with("max", MAX_NIP_LABEL);
                    self.push(p);
                }
            }
            (Role::Cell, Source::Markup(m)) => {
                // An empty cell is allowed; bad markup is not.
                if let Err(e) = m.parsed() {
                    self.push(e.clone().placed(path));
                }
                self.references(path, m);
            }
            (_, Source::Markup(m)) => {
                self.inline(path, m);
                self.references(path, m);
            }
            (role, Source::Plain(t)) => {
                self.line(path, t);
                if let Role::Code(of) = role {
                    self.unique(path, of, t);
                }
                if matches!(role, Role::ClosingLine | Role::SignerName) {
                    self.closing_length(path, t);
                }
            }
        }
    }

    /// A one-line plain text field: not blank, no line breaks.
    fn line(&mut self, path: &JsonPath, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, Kind::Empty);
        } else if text.contains('\t') {
            self.problem(path, Kind::Tab);
        } else if let Some(c) = text.chars().find(|c| c.is_control()) {
            self.push(Problem::new(path, Kind::NotOneLine).with("code", code(c)));
        }
    }

    /// Inline markup: parses, and is not blank.
    fn inline(&mut self, path: &JsonPath, text: &Inline) {
        match text.parsed() {
            Ok(spans)
                if spans.iter().all(|s| {
                    s.text.trim().is_empty()
                        && !s.link.as_deref().is_some_and(|l| l.starts_with('#'))
                }) =>
            {
                self.problem(path, Kind::Empty);
            }
            Ok(_) => {}
            Err(e) => self.push(e.clone().placed(path)),
        }
    }

    /// A code used once among the codes of its kind; the problem names
    /// what holds the first (`kinerja.sasaran[0]`).
    fn unique(&mut self, path: &JsonPath, of: CodeOf, code: &'r str) {
        if let Some(first) = self.codes.get(&(of, code.trim())) {
            let kind = match of {
                CodeOf::Sasaran => Kind::DuplicateSasaran,
                _ => Kind::DuplicateCode,
            };
            let mut owner = first.clone();
            owner.pop();
            let p = Problem::new(path, kind)
                .with("code", Arg::quoted(code))
                .with("first", &owner);
            self.push(p);
        } else {
            self.codes.insert((of, code.trim()), path.clone());
        }
    }

    /// A line of the closing block, short enough for a page.
    fn closing_length(&mut self, path: &JsonPath, text: &str) {
        let n = text.chars().count();
        if n > MAX_PENUTUP_CHARS {
            let p = Problem::new(path, Kind::ClosingTooLong)
                .with("count", n)
                .with("max", MAX_PENUTUP_CHARS);
            self.push(p);
        }
    }

    /// An indicator's value written as text.
    fn nilai(&mut self, path: &JsonPath, t: &str) {
        let trimmed = t.trim();
        if trimmed.is_empty() {
            self.problem(path, Kind::ValueEmpty);
        } else if trimmed == "-" {
            self.problem(path, Kind::ValueDash);
        } else if looks_numeric(trimmed) {
            self.push(Problem::new(path, Kind::NumberAsText).with("text", Arg::quoted(t)));
        } else if let Some(c) = t.chars().find(|c| c.is_control()) {
            self.push(Problem::new(path, Kind::NotOneLine).with("code", code(c)));
        }
    }

    /// The rules of the nodes that are not texts.
    fn node(&mut self, path: &JsonPath, node: Node<'r>) {
        if self.unit_node(path, node) || self.lkj_node(path, node) {
            return;
        }
        match node {
            Node::Report(r) => {
                self.report = Some(r);
                self.tags = valid_tags(r);
                self.targets = Some(lkj::Targets::of(r));
            }
            Node::Triwulan(q) if !(1..=4).contains(&q) => {
                self.push(Problem::new(path, Kind::QuarterOutOfRange).with("found", q));
            }
            Node::Tahun(y) if !(MIN_TAHUN..=MAX_TAHUN).contains(&y) => {
                let p = Problem::new(path, Kind::YearOutOfRange)
                    .with("min", MIN_TAHUN)
                    .with("max", MAX_TAHUN)
                    .with("found", y);
                self.push(p);
            }
            Node::Reference(code) => self.reference(path, code),
            Node::Gambar(g) => self.problems.extend(super::media::gambar_problems(path, g)),
            Node::Grafik(g) => {
                if let Some(r) = self.report {
                    self.problems
                        .extend(super::media::grafik_problems(path, g, r));
                }
            }
            Node::Part(_, []) => self.problem(path, Kind::NoBlocks),
            Node::OwnPart(part) if part.isi.is_empty() => {
                self.problem(&path.child("isi"), Kind::NoBlocks);
            }
            Node::List(_, depth) if depth + 1 > MAX_LIST_DEPTH => {
                let p = Problem::new(path, Kind::ListsTooDeep)
                    .with("depth", depth + 1)
                    .with("max", MAX_LIST_DEPTH);
                self.push(p);
            }
            Node::Table(t) => self.columns = t.kolom.len(),
            Node::Row(cells) if cells.len() != self.columns => {
                let p = Problem::new(path, Kind::RowWidth)
                    .with("cells", cells.len())
                    .with("columns", self.columns);
                self.push(p);
            }
            Node::Anggaran(a) => {
                if a.rincian.is_empty() {
                    self.problem(&path.child("rincian"), Kind::NoRows);
                }
                self.figures = Some((super::anggaran::compute(a), 0));
            }
            Node::Figures(_) => self.row_figures(),
            Node::Total(_) => {
                if let Some((c, _)) = &self.figures {
                    let problems = c.total_problems.clone();
                    self.problems.extend(problems);
                }
            }
            Node::Tanggal(date) => self.tanggal(path, date),
            Node::Catatan(Some(items)) if items.len() > MAX_CATATAN_ITEMS => {
                let p = Problem::new(path, Kind::TooManyNotes)
                    .with("count", items.len())
                    .with("max", MAX_CATATAN_ITEMS);
                self.push(p);
            }
            Node::Tag(Some(tag)) => self.tag_rules(path, tag),
            Node::Field(Some(name)) => {
                if let Err(p) = crate::field::check_signature_field_name(name) {
                    self.push(p.placed(path));
                }
            }
            _ => {}
        }
    }

    /// B. Each analysis refers to an indicator of A, once.
    fn reference(&mut self, path: &JsonPath, code: &'r str) {
        let known: Vec<&str> = self
            .codes
            .keys()
            .filter(|(of, _)| *of == CodeOf::Indikator)
            .map(|(_, c)| *c)
            .collect();
        if !known.contains(&code.trim()) {
            let nearest = nearest(code, known.iter().copied());
            let none_coded = known.is_empty();
            let mut known: Vec<&str> = known;
            known.sort_unstable();
            let known = Arg::List(known.into_iter().map(Arg::from).collect(), Conj::Comma);
            let suggestion = match nearest {
                _ if none_coded => Arg::phrase(Phrase::NoIndicatorCodes, vec![]),
                Some(s) => Arg::phrase(
                    Phrase::DidYouMeanIndicator,
                    vec![("name", Arg::quoted(s)), ("known", known)],
                ),
                None => Arg::phrase(Phrase::IndicatorsAre, vec![("known", known)]),
            };
            let p = Problem::new(path, Kind::UnknownIndicator)
                .with("code", Arg::quoted(code))
                .with("suggestion", suggestion);
            self.push(p);
        } else if let Some(first) = self.analysed.get(code.trim()) {
            let p = Problem::new(path, Kind::AlreadyAnalysed)
                .with("code", Arg::quoted(code))
                .with("first", first);
            self.push(p);
        } else {
            let mut analysis = path.clone();
            analysis.pop();
            self.analysed.insert(code.trim(), analysis);
        }
    }

    /// The problems of the budget row the walk is at, as computed with
    /// the table's figures.
    fn row_figures(&mut self) {
        if let Some((c, next)) = &mut self.figures {
            let problems = c.problems.get(*next).cloned().unwrap_or_default();
            *next += 1;
            self.problems.extend(problems);
        }
    }

    /// The closing date: in the report's year or the next (a fourth
    /// quarter is often reported in January), so that a mistyped year
    /// ("0224", "2042") is caught before it is printed.
    fn tanggal(&mut self, path: &JsonPath, date: TanggalPenutup) {
        let Some(r) = self.report else { return };
        let year = date.date().year();
        let tahun = i32::from(r.tahun);
        if year != tahun && year != tahun + 1 {
            let p = Problem::new(path, Kind::DateNotInYear)
                .with("date", date.to_string())
                .with("year", tahun);
            self.push(p);
        }
    }

    /// The signature tag: one special character (BSrE's service signs
    /// wherever it finds it).
    fn tag_rules(&mut self, path: &JsonPath, tag: &str) {
        let mut chars = tag.chars();
        let kind = match (chars.next(), chars.next()) {
            (Some(c), None) if is_special(c, tag) => return,
            (Some(_), None) => Kind::TagNotSpecial,
            _ => Kind::TagNotOneCharacter,
        };
        self.push(Problem::new(path, kind).with("tag", Arg::quoted(tag)));
    }

    /// The tag is drawn in the regular face and must be in the PDF's
    /// text, so it needs its glyph.
    fn tag_glyph(&mut self, path: &JsonPath, tag: Option<&str>) {
        let (Some(fonts), Some(tag)) = (self.fonts, tag.and_then(|t| t.chars().next())) else {
            return;
        };
        let font = fonts.face(crate::text::Face::Regular);
        if !crate::text::glyphs::is_not_drawn(tag) && !font.has(tag) {
            let p = Problem::new(path, Kind::TagWithoutGlyph)
                .with("font", font.postscript_name.as_str())
                .with("tag", Arg::Char(tag));
            self.push(p);
        }
    }
}

/// The styled runs of a text as it is printed: in its own styles and/or
/// emboldened, as its role says. Markup that does not parse has no runs.
fn runs<'r>(text: &Text<'r>) -> Vec<(SpanStyle, &'r str)> {
    let faces = text.role.faces();
    let spans: Vec<(SpanStyle, &'r str)> = match text.source {
        Source::Plain(t) => vec![(SpanStyle::REGULAR, t)],
        Source::Markup(m) => m
            .parsed()
            .map(|spans| spans.iter().map(|s| (s.style, s.text.as_str())).collect())
            .unwrap_or_default(),
    };
    let mut out = Vec::new();
    if faces.own {
        out.extend(spans.iter().copied());
    }
    if faces.bold {
        out.extend(spans.iter().map(|(style, t)| {
            (
                SpanStyle {
                    bold: true,
                    ..*style
                },
                *t,
            )
        }));
    }
    out
}

/// Every face that lacks a character of `text` as printed, one problem
/// each, in the order regular, bold, italic, bold italic.
fn text_glyphs(path: &JsonPath, text: &Text<'_>, fonts: &FontSet, out: &mut Vec<Problem>) {
    let runs = runs(text);
    for face in [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic] {
        let font = fonts.face(face);
        let mut missing = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (style, t) in &runs {
            if Face::for_style(*style) == face {
                crate::text::glyphs::missing_in(font, t, &mut missing, &mut seen);
            }
        }
        if missing.is_empty() {
            continue;
        }
        let source = match text.source {
            Source::Plain(t) => t.to_owned(),
            Source::Markup(m) => m.plain_text().unwrap_or_default(),
        };
        let standard = text.role == Role::StandardNote;
        let p = crate::text::glyphs::missing_glyph(path, face, font, &missing, &source, standard);
        out.push(p);
    }
}

/// A control character's code point, as messages write it (`000A`).
fn code(c: char) -> String {
    format!("{:04X}", u32::from(c))
}

/// Whether `c` (all of `tag`) may be the signature tag: a special
/// character that is drawn, left to right.
fn is_special(c: char, tag: &str) -> bool {
    !(c.is_alphanumeric()
        || c.is_whitespace()
        || c.is_control()
        || crate::text::glyphs::is_not_drawn(c)
        || script_problem(tag).is_some())
}

/// The signers' tags that the rules allow, each with where it is set.
fn valid_tags(r: &Report) -> Vec<(char, String)> {
    r.signer_tags()
        .into_iter()
        .flatten()
        .filter(|(c, _)| is_special(*c, &c.to_string()))
        .collect()
}

/// Whether a text is a number in either notation ("3.92", "3,92", "1.234").
fn looks_numeric(t: &str) -> bool {
    let t = t.trim_end_matches('%').trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        && t.replace(['.', ','], "")
            .trim_start_matches(['-', '+'])
            .parse::<Decimal>()
            .is_ok()
}

/// Checks a NIP (Nomor Induk Pegawai): 18 digits made of the date of birth
/// (YYYYMMDD), the month of appointment (YYYYMM), the sex (1 or 2) and a
/// serial number (3 digits); spaces between the groups are allowed. The
/// problem is at [`Location::Given`]: place it where the NIP came from
/// ([`Problem::placed`]).
///
/// ```
/// use lapkin::problem::Kind;
///
/// assert!(lapkin::model::check_nip("19680509 199303 2 001").is_ok());
/// assert_eq!(lapkin::model::check_nip("196805091993033001").unwrap_err().kind, Kind::NipSex);
/// ```
pub fn check_nip(nip: &str) -> Result<(), Problem> {
    let problem = |kind| Problem::new(Location::Given, kind);
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 18 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(problem(Kind::NipLength).with("nip", Arg::quoted(nip)));
    }
    let num = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(4..6), num(6..8));
    let birth = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .and_then(|m| time::Date::from_calendar_date(year as i32, m, day as u8).ok());
    let Some(birth) = birth else {
        return Err(problem(Kind::NipBirthDate).with("digits", &digits[0..8]));
    };
    if !(1900..=2100).contains(&year) {
        return Err(problem(Kind::NipBirthYear).with("year", year));
    }
    let (ayear, amonth) = (num(8..12), num(12..14));
    if !(1..=12).contains(&amonth) || ayear < year {
        return Err(problem(Kind::NipAppointment)
            .with("digits", &digits[8..14])
            .with("birth", birth.to_string()));
    }
    if !matches!(&digits[14..15], "1" | "2") {
        return Err(problem(Kind::NipSex).with("digit", &digits[14..15]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_of_the_reference_report_is_valid() {
        assert_eq!(check_nip("196805091993032001"), Ok(()));
        assert_eq!(check_nip("19680509 199303 2 001"), Ok(()));
    }

    #[test]
    fn bad_nips() {
        for (nip, kind) in [
            ("1968050919930320", Kind::NipLength),
            ("19680509199303200X", Kind::NipLength),
            ("196813091993032001", Kind::NipBirthDate),
            ("196802301993032001", Kind::NipBirthDate),
            ("196805091993132001", Kind::NipAppointment),
            ("196805091960032001", Kind::NipAppointment),
            ("196805091993033001", Kind::NipSex),
            ("180005091993032001", Kind::NipBirthYear),
        ] {
            assert_eq!(check_nip(nip).unwrap_err().kind, kind, "{nip}");
        }
        assert_eq!(
            check_nip("196805091993132001").unwrap_err().to_string(),
            "digits 9 to 14 of the NIP, 199313, are not a month of appointment (YYYYMM) after \
             the date of birth 1968-05-09"
        );
    }

    fn minimal() -> Report {
        crate::parse_report(include_bytes!("../../../../fixtures/minimal.json")).unwrap()
    }

    fn paths(r: &Report) -> Vec<String> {
        validate(r).into_iter().map(|p| p.to_string()).collect()
    }

    /// The walk's order is the order of the report's JSON: the problems of
    /// a report built in code come out as its serialized form sorts them.
    #[test]
    fn problems_come_in_the_order_of_the_json() {
        let mut r = minimal();
        r.triwulan = 9;
        r.unit.provinsi = " ".into();
        let p = r.penutup.as_mut().unwrap();
        p.nip = Some("1".into());
        p.tempat = "".into();
        let row = &mut r.anggaran.as_mut().unwrap().rincian[0];
        row.realisasi = Some(Decimal::from(-5));
        row.sisa_capaian = Some(Decimal::from(7));
        row.kode = Some("".into());
        r.kinerja.sasaran[0].indikator[0].satuan = Some("\t".into());
        r.kinerja.sasaran[0].indikator[0].target = super::super::Nilai::Teks("-".into());
        r.kinerja.sasaran[0].indikator[0].target_pk = super::super::Nilai::Teks("".into());
        r.tanda_tangan.tag = Some("ab".into());
        let problems = validate(&r);
        assert!(problems.len() >= 10, "{problems:?}");
        let mut sorted = problems.clone();
        crate::problem::sort_in_document_order(&mut sorted, &serde_json::to_value(&r).unwrap());
        assert_eq!(problems, sorted);
    }

    #[test]
    fn an_analysis_naming_an_indicator_gets_the_nearest_code_or_is_told_there_are_none() {
        let mut r = minimal();
        r.analisis[0].indikator = Some("IKK 9.9".into());
        assert_eq!(
            paths(&r),
            [
                r#"analisis[0].indikator: no indicator "IKK 9.9" in section A (kinerja); did you mean "IKK 1.1"? The indicators are IKK 1.1"#
            ]
        );
        // Without codes in A, the hint says what to do instead of listing none.
        r.kinerja.sasaran[0].indikator[0].kode = None;
        let problems = paths(&r);
        assert!(
            problems.iter().any(|p| p.starts_with("analisis[0].indikator: ")
                && p.ends_with("no indicator of section A has a code; leave `indikator` out and give the analysis its heading in `judul`")),
            "{problems:?}"
        );
    }

    #[test]
    fn quarter_year_and_date_of_a_report_built_in_code() {
        let mut r = minimal();
        r.triwulan = 0;
        r.tahun = 224;
        assert_eq!(
            paths(&r),
            [
                "triwulan: expected 1 to 4, found 0",
                "tahun: expected a year from 2000 to 2100, found 224",
                "penutup.tanggal: the date 2025-04-10 is not in the report's year 224 or the \
                 year after; the report is signed after its quarter, so check the year"
            ]
        );
        let mut r = minimal();
        r.penutup.as_mut().unwrap().tanggal = "2026-12-31".parse().unwrap();
        assert!(paths(&r).is_empty());
        r.penutup.as_mut().unwrap().tanggal = "2027-01-01".parse().unwrap();
        assert_eq!(paths(&r).len(), 1);
    }

    #[test]
    fn the_tag_must_be_a_visible_left_to_right_character() {
        let mut r = minimal();
        for tag in ["\u{200B}", "\u{00AD}", "\u{200F}", "\u{5d0}"] {
            r.tanda_tangan.tag = Some(tag.into());
            let problems = paths(&r);
            assert!(
                problems
                    .iter()
                    .any(|p| p.starts_with("tanda_tangan.tag: expected a special")),
                "{tag:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn the_footer_and_the_closing_block_are_bounded() {
        let mut r = minimal();
        r.catatan = Some(vec![Inline::new("Catatan."); MAX_CATATAN_ITEMS]);
        r.penutup.as_mut().unwrap().jabatan = Some("x".repeat(MAX_PENUTUP_CHARS).into());
        assert!(paths(&r).is_empty());
        r.catatan = Some(vec![Inline::new("Catatan."); 200]);
        r.penutup.as_mut().unwrap().jabatan = Some("x".repeat(MAX_PENUTUP_CHARS + 1).into());
        assert_eq!(
            paths(&r),
            [
                "penutup.jabatan: has 301 characters; the closing block must fit on one page \
                 with the signature box, so at most 300 are allowed; shorten it",
                "catatan: has 200 items; the legal note is printed at the foot of every page, \
                 so at most 10 are allowed"
            ]
        );
    }

    #[test]
    fn numeric_texts() {
        for t in ["3.92", "3,92", "1.234.567,89", "62.05", "100%", "-5"] {
            assert!(looks_numeric(t), "{t}");
        }
        for t in ["A", "B+", "-", "Baik", "2 kali", "WTP"] {
            assert!(!looks_numeric(t), "{t}");
        }
    }
}
