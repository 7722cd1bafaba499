//! JSON text to a checked [`Report`].
//!
//! Three passes, each reporting everything it finds before giving up:
//! 1. JSON syntax (serde_json, with line and column; nesting deeper than
//!    128 levels is an error, not a stack overflow);
//! 2. structure, against the schema generated from the model (every
//!    unknown, missing or mistyped field at once);
//! 3. meaning ([`validate`](super::validate)): references, totals, NIP,
//!    markup, limits.

use serde_json::Value;

use super::{Report, keys, number, schema, validate};
use crate::error::{Error, Result};
use crate::problem::{Arg, Kind, Location, Problem, Problems, sort_in_document_order};

/// The largest input accepted, in bytes (32 MiB; the reference report is
/// about 40 KB, an 800-page report about 4 MB).
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Reads a report from JSON, checking everything: syntax, structure and
/// meaning. Returns every problem found, each with its JSON path.
///
/// ```
/// let json = std::fs::read("tests-data/minimal.json").unwrap();
/// let report = lapkin::parse_report(&json).unwrap();
/// assert_eq!(report.title(), "Laporan Kinerja Triwulan 1 UPT Contoh Tahun 2025");
///
/// let err = lapkin::parse_report(br#"{"unit": 1}"#).unwrap_err();
/// assert!(err.problems().iter().any(|p| p.path().unwrap() == "unit"));
/// ```
pub fn parse_report(input: &[u8]) -> Result<Report> {
    parse_report_with_limit(input, MAX_INPUT_BYTES)
}

/// [`parse_report`] with another size limit than [`MAX_INPUT_BYTES`]: an
/// input longer than `max_bytes` is refused before it is parsed (a
/// problem of [`Kind::TooLarge`](crate::problem::Kind::TooLarge)).
///
/// ```
/// let err = lapkin::model::parse_report_with_limit(b"{}", 1).unwrap_err();
/// assert_eq!(err.problems()[0].kind, lapkin::problem::Kind::TooLarge);
/// ```
pub fn parse_report_with_limit(input: &[u8], max_bytes: usize) -> Result<Report> {
    if input.len() > max_bytes {
        return Err(too_large(input.len(), max_bytes).into());
    }
    // Editors on Windows often start UTF-8 files with a byte order mark.
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    if let Some(bits) = not_utf8(input) {
        let at = Location::Text { line: 1, column: 1 };
        return Err(Problem::new(at, Kind::NotUtf8).with("bits", bits).into());
    }
    let value: Value = serde_json::from_slice(input).map_err(json_error)?;

    let mut problems = keys::duplicate_keys(input);
    let structural = schema::schema_problems(&value);
    // A number too large for any field; unless the schema already said
    // what is wrong there (`triwulan: expected at most 4`).
    problems.extend(
        number::number_problems(&value)
            .into_iter()
            .filter(|p| !structural.iter().any(|s| s.location == p.location)),
    );
    problems.extend(structural);
    if !problems.is_empty() {
        sort_in_document_order(&mut problems, &value);
        return Err(Error::Invalid(Problems(problems)));
    }
    let report: Report = serde_path_to_error::deserialize(&value).map_err(unreadable)?;
    let mut problems = validate::validate(&report);
    sort_in_document_order(&mut problems, &value);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}

/// The problem of an input over the limit.
pub(crate) fn too_large(size: usize, limit: usize) -> Problem {
    Problem::new(Location::Input, Kind::TooLarge)
        .with("size", size)
        .with("limit", limit)
}

/// A value the schema let through that the model cannot read: at its
/// path, with serde's message (in English).
fn unreadable(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut path = crate::problem::JsonPath::root();
    for segment in e.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => path.push_index(*index),
            serde_path_to_error::Segment::Map { key } => path.push_key(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => path.push_key(variant.clone()),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    Problem::new(path, Kind::Unreadable)
        .with("en_detail", e.inner().to_string())
        .into()
}

/// The width of the encoding if the input is in UTF-16 or UTF-32 (a byte
/// order mark, or NUL bytes beside ASCII ones as `{` is written in those
/// encodings), which serde_json would only call an invalid character.
fn not_utf8(input: &[u8]) -> Option<u8> {
    match input {
        [0, 0, 0xFE, 0xFF, ..] | [0xFF, 0xFE, 0, 0, ..] => Some(32),
        [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] => Some(16),
        [0, 0, 0, a, ..] | [a, 0, 0, 0, ..] if a.is_ascii() && *a != 0 => Some(32),
        [0, a, ..] | [a, 0, ..] if a.is_ascii() && *a != 0 => Some(16),
        _ => None,
    }
}

/// serde_json's syntax errors, in English (its own words) and in
/// Indonesian.
const SYNTAX_ERRORS: [(&str, &str); 19] = [
    (
        "EOF while parsing a list",
        "berkas berakhir di tengah larik",
    ),
    (
        "EOF while parsing an object",
        "berkas berakhir di tengah objek",
    ),
    (
        "EOF while parsing a string",
        "berkas berakhir di tengah teks",
    ),
    (
        "EOF while parsing a value",
        "berkas berakhir sebelum ada nilai",
    ),
    ("expected `:`", "seharusnya ada `:`"),
    ("expected `,` or `]`", "seharusnya ada `,` atau `]`"),
    ("expected `,` or `}`", "seharusnya ada `,` atau `}`"),
    ("expected ident", "seharusnya true, false, atau null"),
    ("expected value", "seharusnya ada nilai"),
    ("invalid escape", "urutan escape tidak sah"),
    ("invalid number", "angka tidak sah"),
    ("number out of range", "angka di luar jangkauan"),
    ("invalid unicode code point", "titik kode Unicode tidak sah"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "ada karakter kendali (\\u0000-\\u001F) di dalam teks",
    ),
    ("key must be a string", "kunci harus berupa teks"),
    ("trailing comma", "ada koma di akhir"),
    (
        "trailing characters",
        "ada karakter lain setelah akhir JSON",
    ),
    (
        "unexpected end of hex escape",
        "escape heksadesimal berakhir terlalu cepat",
    ),
    (
        "recursion limit exceeded",
        "JSON bersarang lebih dari 128 tingkat",
    ),
];

/// serde_json's message without its " at line L column C" suffix, at the
/// line and column it names, in both languages.
fn json_error(e: serde_json::Error) -> Error {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let detail = match SYNTAX_ERRORS.iter().find(|(en, _)| *en == message) {
        Some((_, id)) if message == "recursion limit exceeded" => {
            Arg::both("the JSON is nested more than 128 levels deep", *id)
        }
        Some((en, id)) => Arg::both(*en, *id),
        None => Arg::both(
            message.to_owned(),
            format!("JSON tidak dapat dibaca ({message})"),
        ),
    };
    let at = Location::Text {
        line: e.line(),
        // serde_json says column 0 at the start of a line (e.g. at the end of input).
        column: e.column().max(1),
    };
    Problem::new(at, Kind::JsonSyntax)
        .with("detail", detail)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = parse_report(b"{\n  \"unit\": {\n    \"nama\": \"x\",\n  }\n}").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.location, Location::Text { line: 4, column: 3 });
        assert_eq!(p.kind, Kind::JsonSyntax);
        assert_eq!(
            p.message(crate::problem::Lang::En),
            "invalid JSON: trailing comma"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let err = parse_report(deep.as_bytes()).unwrap_err();
        assert_eq!(err.problems()[0].kind, Kind::JsonSyntax);
        assert!(err.to_string().contains("128 levels"), "{err}");
    }

    #[test]
    fn huge_input_is_refused_before_parsing() {
        let huge = vec![b' '; MAX_INPUT_BYTES + 1];
        let err = parse_report(&huge).unwrap_err();
        assert_eq!(err.problems()[0].kind, Kind::TooLarge);
    }

    #[test]
    fn the_limit_can_be_raised_or_lowered() {
        let json = include_bytes!("../../../../fixtures/minimal.json");
        let err = parse_report_with_limit(json, 100).unwrap_err();
        assert_eq!(err, too_large(json.len(), 100).into());
        assert!(parse_report_with_limit(json, json.len()).is_ok());
        let huge = vec![b' '; MAX_INPUT_BYTES + 1];
        let err = parse_report_with_limit(&huge, MAX_INPUT_BYTES + 1).unwrap_err();
        assert_eq!(err.problems()[0].kind, Kind::JsonSyntax, "{err:?}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let err = parse_report(b"\xEF\xBB\xBF{}").unwrap_err();
        assert!(err.problems().iter().all(|p| p.path().is_some()), "{err:?}");
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16 = |text: &str, big_endian: bool, bom: bool| -> Vec<u8> {
            let mut out: Vec<u8> = Vec::new();
            if bom {
                out.extend(if big_endian {
                    [0xFE, 0xFF]
                } else {
                    [0xFF, 0xFE]
                });
            }
            for unit in text.encode_utf16() {
                out.extend(if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            out
        };
        for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let err = parse_report(&utf16("{\"unit\": 1}", big_endian, bom)).unwrap_err();
            assert_eq!(
                err.to_string(),
                "line 1, column 1: the file is UTF-16; save it as UTF-8",
                "big endian {big_endian}, BOM {bom}"
            );
        }
        let err = parse_report(b"\xFF\xFE\0\0{\0\0\0").unwrap_err();
        assert!(err.to_string().contains("UTF-32"), "{err}");
    }

    #[test]
    #[cfg(feature = "schema-check")]
    fn duplicate_keys_are_problems_with_the_schema_problems() {
        let json = include_str!("../../../../fixtures/minimal.json");
        let json = json.replacen(
            "\"unit\": {",
            "\"unit\": {\"nama\": \"X\", \"warna\": 1,",
            1,
        );
        let err = parse_report(json.as_bytes()).unwrap_err();
        let problems: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("unit.nama: the key \"nama\" appears twice (lines 2 and 3)"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("unit.warna: unknown field"),
            "{problems:?}"
        );
    }

    /// Without the schema check, deserializing names the first structural
    /// problem, with its path.
    #[test]
    #[cfg(not(feature = "schema-check"))]
    fn without_the_schema_check_the_first_structural_problem_is_named() {
        let json = include_str!("../../../../fixtures/minimal.json");
        let json = json.replacen("\"unit\": {", "\"unit\": {\"warna\": 1,", 1);
        let err = parse_report(json.as_bytes()).unwrap_err();
        let problems = err.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].path().is_some_and(|p| p == "unit.warna"),
            "{err}"
        );
        assert!(err.to_string().contains("warna"), "{err}");
    }

    #[test]
    fn invalid_utf8_is_a_json_error() {
        let err = parse_report(b"{\"unit\": \"\xff\"}").unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(
            (p.kind, &p.location),
            (
                Kind::JsonSyntax,
                &Location::Text {
                    line: 1,
                    column: 11
                }
            ),
            "{err:?}"
        );
    }
}
