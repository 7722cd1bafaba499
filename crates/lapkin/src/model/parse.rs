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

use super::{Report, schema, validate};
use crate::error::{Error, Problem, Problems, Result};

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
/// assert!(err.problems().unwrap().iter().any(|p| p.path == "unit"));
/// ```
pub fn parse_report(input: &[u8]) -> Result<Report> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    // Editors on Windows often start UTF-8 files with a byte order mark.
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let value: Value = serde_json::from_slice(input).map_err(json_error)?;

    let mut problems = schema::schema_problems(&value);
    if !problems.is_empty() {
        schema::sort_in_document_order(&mut problems, &value);
        return Err(Error::Invalid(Problems(problems)));
    }
    let report: Report = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Error::Invalid(Problems(vec![Problem::new(path, e.inner().to_string())]))
    })?;
    let mut problems = validate::validate(&report);
    schema::sort_in_document_order(&mut problems, &value);
    if problems.is_empty() {
        Ok(report)
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}

/// serde_json's message without its " at line L column C" suffix, which
/// [`Error::Json`] carries separately.
fn json_error(e: serde_json::Error) -> Error {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = match message {
        "recursion limit exceeded" => "the JSON is nested more than 128 levels deep".to_owned(),
        m => m.to_owned(),
    };
    Error::Json {
        line: e.line(),
        // serde_json says column 0 at the start of a line (e.g. at the end of input).
        column: e.column().max(1),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = parse_report(b"{\n  \"unit\": {\n    \"nama\": \"x\",\n  }\n}").unwrap_err();
        match err {
            Error::Json {
                line,
                column,
                message,
            } => {
                assert_eq!((line, column), (4, 3));
                assert_eq!(message, "trailing comma");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let err = parse_report(deep.as_bytes()).unwrap_err();
        assert!(
            matches!(&err, Error::Json { message, .. } if message.contains("128 levels")),
            "{err:?}"
        );
    }

    #[test]
    fn huge_input_is_refused_before_parsing() {
        let huge = vec![b' '; MAX_INPUT_BYTES + 1];
        assert!(matches!(parse_report(&huge), Err(Error::TooLarge { .. })));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let err = parse_report(b"\xEF\xBB\xBF{}").unwrap_err();
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    }

    #[test]
    fn invalid_utf8_is_a_json_error() {
        let err = parse_report(b"{\"unit\": \"\xff\"}").unwrap_err();
        assert!(matches!(err, Error::Json { line: 1, .. }), "{err:?}");
    }
}
