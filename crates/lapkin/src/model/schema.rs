//! The JSON Schema of the input, generated from the model, and the
//! structural check of an input against it.
//!
//! The schema is the single description of the format: `lapkin schema`
//! prints it for editors, and every input is validated against it with the
//! `jsonschema` crate, which reports all violations at once. This module
//! turns those violations into [`Problem`]s in the user's terms: the JSON
//! path, what was found, what was expected, and for a misspelt field the
//! nearest known name.

#[cfg(feature = "schema-check")]
use std::sync::OnceLock;

#[cfg(feature = "schema-check")]
use jsonschema::error::{TypeKind, ValidationErrorKind};
#[cfg(feature = "schema-check")]
use jsonschema::paths::{Location, LocationSegment};
#[cfg(feature = "schema-check")]
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::Value;

#[cfg(feature = "schema-check")]
use super::number::describe;
use crate::error::Problem;

/// The JSON Schema (draft-07) of a report, generated from
/// [`Report`](super::Report): what `lapkin schema` prints.
///
/// Draft-07 rather than 2020-12: editors' JSON language services know it
/// best, and its meta-schema is smaller, so the validator is built in
/// half the work (a process validates one report, so building it was a
/// tenth of rendering the reference report).
pub fn report_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    serde_json::to_value(generator.into_root_schema_for::<super::Report>())
        .expect("a generated schema is always serializable")
}

#[cfg(feature = "schema-check")]
/// The schema as [`report_schema`] generates it, committed beside this
/// file (a test keeps the two equal; regenerate it with `cargo run -p
/// lapkin-cli -- schema > crates/lapkin/src/model/report.schema.json`):
/// reading it is a fifth of the work of generating it, at every start.
const SCHEMA_TEXT: &str = include_str!("report.schema.json");

#[cfg(feature = "schema-check")]
/// The schema inputs are validated against, read once per process.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(SCHEMA_TEXT).expect("the committed schema is JSON (tested)")
    })
}

#[cfg(feature = "schema-check")]
/// The compiled validator, built once per process, for the same reason.
fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema())
            .expect("the generated schema is a valid JSON Schema")
    })
}

/// Every structural problem of `instance`, in document order; none
/// without the `schema-check` feature (deserializing the report then finds
/// the first).
#[cfg(feature = "schema-check")]
pub(crate) fn schema_problems(instance: &Value) -> Vec<Problem> {
    let mut findings = Vec::new();
    for error in validator().iter_errors(instance) {
        explain(&error, &mut findings);
    }
    finish(findings)
}

/// See the other `schema_problems`.
#[cfg(not(feature = "schema-check"))]
pub(crate) fn schema_problems(_: &Value) -> Vec<Problem> {
    Vec::new()
}

#[cfg(feature = "schema-check")]
/// A problem before unknown and missing fields of the same object are
/// matched up.
enum Finding {
    Unknown {
        object: String,
        name: String,
        known: Vec<String>,
    },
    Missing {
        object: String,
        name: String,
        description: Option<String>,
    },
    Other(Problem),
}

pub(crate) fn join(object: &str, name: &str) -> String {
    let simple = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    match (object.is_empty(), simple) {
        (true, true) => name.to_owned(),
        (false, true) => format!("{object}.{name}"),
        (_, false) => format!("{object}[{name:?}]"),
    }
}

#[cfg(feature = "schema-check")]
/// `anggaran.rincian[3].pagu` from a JSON pointer location.
fn display_path(location: &Location) -> String {
    let mut out = String::new();
    for segment in location.iter() {
        match segment {
            LocationSegment::Property(p) => out = join(&out, &p),
            LocationSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The nearest of `known` to `name`, if it is near enough to be a typo.
pub(crate) fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_lc = name.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&name_lc, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(feature = "schema-check")]
/// The schema object that holds the keyword at `location` (its parent).
fn schema_at(location: &Location) -> Option<&'static Value> {
    let mut node = schema();
    let segments: Vec<_> = location.iter().collect();
    for segment in segments.iter().take(segments.len().saturating_sub(1)) {
        node = match segment {
            LocationSegment::Property(p) => node.get(p.as_ref())?,
            LocationSegment::Index(i) => node.get(*i)?,
        };
    }
    // Follow a `$ref` on the holder itself, as in `{"$ref": ..., "description": ...}`.
    Some(node)
}

#[cfg(feature = "schema-check")]
/// Resolves `{"$ref": "#/definitions/X"}` within the root schema.
fn resolve(node: &'static Value) -> &'static Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|pointer| schema().pointer(pointer))
            .map(resolve)
            .unwrap_or(node),
        None => node,
    }
}

#[cfg(feature = "schema-check")]
fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null (not available)",
        JsonType::Boolean => "true or false",
        JsonType::Integer => "a whole number",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "a list ([...])",
        JsonType::Object => "an object ({...})",
    }
}

#[cfg(feature = "schema-check")]
fn one_of_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

#[cfg(feature = "schema-check")]
fn expected_types(kind: &TypeKind) -> Vec<&'static str> {
    match kind {
        TypeKind::Single(t) => vec![type_name(*t)],
        TypeKind::Multiple(set) => {
            let mut types: Vec<JsonType> = set.into_iter().collect();
            // Null (not available) reads best last.
            types.sort_by_key(|t| *t == JsonType::Null);
            types
                .iter()
                // `X or null` only marks an optional field: do not suggest
                // writing null there. A value that may be null on purpose
                // (not available) has three or more types.
                .filter(|t| types.len() > 2 || **t != JsonType::Null)
                .map(|t| type_name(*t))
                .collect()
        }
    }
}

#[cfg(feature = "schema-check")]
/// A hint for a number written as text, such as "8.069.025.000".
fn number_hint(found: &Value) -> String {
    let Some(s) = found.as_str() else {
        return String::new();
    };
    let t = s.trim();
    let plain: String = if t.contains(',') {
        // Indonesian notation: dots between thousands, comma for decimals.
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 {
        t.replace('.', "")
    } else {
        t.to_owned()
    };
    if !plain.is_empty() && plain.parse::<rust_decimal::Decimal>().is_ok() {
        format!("; write it as a JSON number without quotes: {plain}")
    } else {
        String::new()
    }
}

#[cfg(feature = "schema-check")]
fn explain(error: &ValidationError<'_>, out: &mut Vec<Finding>) {
    let path = display_path(error.instance_path());
    let found = error.instance().as_ref();
    let other = |message: String| Finding::Other(Problem::new(path.clone(), message));
    let expected = |what: String| other(format!("expected {what}, found {}", describe(found)));
    match error.kind() {
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<String> = expected_types(kind)
                .into_iter()
                .map(str::to_owned)
                .collect();
            out.push(other(format!(
                "expected {}, found {}{}",
                one_of_words(&expected),
                describe(found),
                if expected.iter().any(|e| e.contains("number")) {
                    number_hint(found)
                } else {
                    String::new()
                }
            )));
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let known: Vec<String> = schema_at(error.schema_path())
                .and_then(|s| s.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().filter(|k| *k != "$schema").cloned().collect())
                .unwrap_or_default();
            for name in unexpected {
                out.push(Finding::Unknown {
                    object: path.clone(),
                    name: name.clone(),
                    known: known.clone(),
                });
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default().to_owned();
            let description = schema_at(error.schema_path())
                .and_then(|s| s.get("properties"))
                .and_then(|p| p.get(&name))
                .and_then(|p| {
                    p.get("description")
                        .or_else(|| resolve(p).get("description"))
                })
                .and_then(Value::as_str)
                .map(|d| d.split("\n\n").next().unwrap_or(d).replace('\n', " "));
            out.push(Finding::Missing {
                object: path,
                name,
                description,
            });
        }
        ValidationErrorKind::Enum { options } => {
            let options: Vec<&str> = options
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            out.push(other(choice(&options, found)));
        }
        ValidationErrorKind::Minimum { limit } => out.push(expected(format!("at least {limit}"))),
        ValidationErrorKind::Maximum { limit } => out.push(expected(format!("at most {limit}"))),
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(expected(format!("more than {limit}")))
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(expected(format!("less than {limit}")))
        }
        ValidationErrorKind::MinItems { limit } => {
            out.push(expected(format!("at least {limit} item(s)")))
        }
        ValidationErrorKind::MaxItems { limit } => {
            out.push(expected(format!("at most {limit} item(s)")))
        }
        ValidationErrorKind::MinLength { limit } => {
            out.push(expected(format!("at least {limit} character(s)")))
        }
        ValidationErrorKind::Format { format } if format == "date" => {
            out.push(other(match found.as_str() {
                Some(text) => super::date_problem(text),
                None => format!(
                    "expected a date written YYYY-MM-DD, such as \"2024-08-07\", found {}",
                    describe(found)
                ),
            }));
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            explain_union(&path, found, context, out);
        }
        ValidationErrorKind::Constant { expected_value } => {
            out.push(expected(format!("{expected_value}")))
        }
        // The generated schema uses no other keyword; should one fail, say
        // where without the validator's wording.
        _ => out.push(other(format!(
            "{} is not allowed here; see `lapkin schema` for what is",
            describe(found)
        ))),
    }
}

#[cfg(feature = "schema-check")]
/// "expected "angka", "huruf" or "strip", found "hurf"; did you mean "huruf"?"
fn choice(options: &[&str], found: &Value) -> String {
    let names: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
    let suggestion = found
        .as_str()
        .and_then(|s| nearest(s, options.iter().copied()))
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default();
    format!(
        "expected {}, found {}{suggestion}",
        one_of_words(&names),
        describe(found)
    )
}

#[cfg(feature = "schema-check")]
/// Whether a branch of an `anyOf`/`oneOf` failed because the value at the
/// union's own path has the wrong type, i.e. the branch does not apply.
fn branch_mismatches(branch: &[ValidationError<'static>], path: &str) -> bool {
    branch.iter().any(|e| {
        display_path(e.instance_path()) == path
            && match e.kind() {
                ValidationErrorKind::Type { .. } => true,
                ValidationErrorKind::AnyOf { context }
                | ValidationErrorKind::OneOfNotValid { context } => {
                    context.iter().all(|b| branch_mismatches(b, path))
                }
                _ => false,
            }
    })
}

#[cfg(feature = "schema-check")]
/// The types a branch (or nested union) wanted at `path`.
fn branch_types(branch: &[ValidationError<'static>], path: &str, out: &mut Vec<&'static str>) {
    for e in branch {
        if display_path(e.instance_path()) != path {
            continue;
        }
        match e.kind() {
            ValidationErrorKind::Type { kind } => {
                for t in expected_types(kind) {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
            ValidationErrorKind::AnyOf { context }
            | ValidationErrorKind::OneOfNotValid { context } => {
                for b in context {
                    branch_types(b, path, out);
                }
            }
            _ => {}
        }
    }
}

#[cfg(feature = "schema-check")]
/// The fields a branch requires at `path` that the value lacks: for the
/// one-key objects of a tagged union, the tag the branch wants.
fn branch_missing_tags(branch: &[ValidationError<'static>], path: &str) -> Vec<String> {
    branch
        .iter()
        .filter(|e| display_path(e.instance_path()) == path)
        .filter_map(|e| match e.kind() {
            ValidationErrorKind::Required { property } => property.as_str().map(str::to_owned),
            _ => None,
        })
        .collect()
}

#[cfg(feature = "schema-check")]
fn explain_union(
    path: &str,
    found: &Value,
    context: &[Vec<ValidationError<'static>>],
    out: &mut Vec<Finding>,
) {
    // An enum whose variants are documented is a union of constants.
    let constants: Option<Vec<&str>> = context
        .iter()
        .map(|b| match b.as_slice() {
            [e] => match e.kind() {
                ValidationErrorKind::Constant { expected_value } => expected_value.as_str(),
                _ => None,
            },
            _ => None,
        })
        .collect();
    if let Some(constants) = constants {
        out.push(Finding::Other(Problem::new(
            path,
            choice(&constants, found),
        )));
        return;
    }
    let applicable: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|b| !branch_mismatches(b, path))
        .collect();
    if applicable.is_empty() {
        let mut types = Vec::new();
        for b in context {
            branch_types(b, path, &mut types);
        }
        let types: Vec<String> = types.into_iter().map(str::to_owned).collect();
        out.push(Finding::Other(Problem::new(
            path,
            format!(
                "expected {}, found {}",
                one_of_words(&types),
                describe(found)
            ),
        )));
        return;
    }
    // Among branches of the right type, prefer those whose tag is present.
    let tagged: Vec<&&Vec<ValidationError<'static>>> = applicable
        .iter()
        .filter(|b| branch_missing_tags(b, path).is_empty())
        .collect();
    let best = match tagged.as_slice() {
        [] if applicable.len() > 1 => {
            // No branch's tag is present: name the tags and the nearest one.
            let tags: Vec<String> = applicable
                .iter()
                .flat_map(|b| branch_missing_tags(b, path))
                .collect();
            let keys: Vec<&str> = found
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let suggestion = keys
                .iter()
                .find_map(|k| nearest(k, tags.iter().map(String::as_str)).map(|t| (k, t)))
                .map(|(k, t)| format!("; for `{k}`, did you mean `{t}`?"))
                .unwrap_or_default();
            let quoted: Vec<String> = tags.iter().map(|t| format!("`{t}`")).collect();
            out.push(Finding::Other(Problem::new(
                path,
                format!(
                    "expected an object with one key, {}, found {}{suggestion}",
                    one_of_words(&quoted),
                    describe(found)
                ),
            )));
            return;
        }
        [] => applicable[0],
        many => many
            .iter()
            .min_by_key(|b| b.len())
            .copied()
            .copied()
            .unwrap_or(applicable[0]),
    };
    for e in best {
        explain(e, out);
    }
}

#[cfg(feature = "schema-check")]
/// Matches unknown fields with missing ones of the same object ("`pgu`:
/// did you mean `pagu`?") and turns findings into problems.
fn finish(findings: Vec<Finding>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let missing: Vec<(String, String)> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::Missing { object, name, .. } => Some((object.clone(), name.clone())),
            _ => None,
        })
        .collect();
    let mut explained: Vec<(String, String)> = Vec::new();
    for f in &findings {
        if let Finding::Unknown {
            object,
            name,
            known,
        } = f
        {
            let missing_here: Vec<&str> = missing
                .iter()
                .filter(|(o, _)| o == object)
                .map(|(_, n)| n.as_str())
                .collect();
            // A typo of a required field is the likeliest reading.
            let suggestion = nearest(name, missing_here.iter().copied())
                .or_else(|| nearest(name, known.iter().map(String::as_str)));
            let message = match suggestion {
                Some(s) => {
                    if missing_here.contains(&s) {
                        explained.push((object.clone(), s.to_owned()));
                    }
                    format!("unknown field; did you mean `{s}`?")
                }
                None => {
                    let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                    format!(
                        "unknown field; the known fields here are {}",
                        known.join(", ")
                    )
                }
            };
            problems.push(Problem::new(join(object, name), message));
        }
    }
    for f in findings {
        match f {
            Finding::Missing {
                object,
                name,
                description,
            } => {
                if explained.contains(&(object.clone(), name.clone())) {
                    continue;
                }
                let message = match description {
                    Some(d) => format!("missing required field ({d})"),
                    None => "missing required field".to_owned(),
                };
                problems.push(Problem::new(join(&object, &name), message));
            }
            Finding::Other(p) => problems.push(p),
            Finding::Unknown { .. } => {}
        }
    }
    problems.dedup();
    problems
}

/// The segments of a path as written by lapkin: `a.b[3]["odd key"]`.
fn path_segments(path: &str) -> Vec<Result<usize, String>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("[\"") {
            // A quoted key: read the Rust string literal up to its closing quote.
            let mut key = String::new();
            let mut chars = r.char_indices();
            let mut end = r.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            key.push(n);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => key.push(c),
                }
            }
            out.push(Err(key));
            rest = r[end..].strip_prefix(']').unwrap_or(&r[end..]);
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']').unwrap_or(r.len());
            out.push(r[..close].parse().map_err(|_| r[..close].to_owned()));
            rest = r.get(close + 1..).unwrap_or("");
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            out.push(Err(rest[..end].to_owned()));
            rest = &rest[end..];
        }
    }
    out
}

/// Sorts problems into the order of the input document: by the position of
/// each key in its object as written, and of each item in its array; a
/// missing field sorts after what its object holds.
pub(crate) fn sort_in_document_order(problems: &mut [Problem], document: &Value) {
    let key = |path: &str| -> Vec<usize> {
        let mut node = Some(document);
        let mut key = Vec::new();
        for segment in path_segments(path) {
            let (position, next) = match (&segment, node) {
                (Ok(i), Some(Value::Array(a))) => (*i, a.get(*i)),
                (Err(k), Some(Value::Object(o))) => match o.iter().position(|(key, _)| key == k) {
                    Some(i) => (i, o.get(k.as_str())),
                    None => (usize::MAX, None),
                },
                (Ok(i), _) => (*i, None),
                (Err(_), _) => (usize::MAX, None),
            };
            key.push(position);
            node = next;
        }
        key
    };
    problems.sort_by_cached_key(|p| key(&p.path));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nearest_names() {
        let known = ["pagu", "realisasi", "volume", "capaian"];
        assert_eq!(nearest("pgu", known), Some("pagu"));
        assert_eq!(nearest("Realisasi", known), Some("realisasi"));
        assert_eq!(nearest("xyz", known), None);
    }

    #[test]
    #[cfg(feature = "schema-check")]
    fn the_committed_schema_is_the_generated_one() {
        assert!(
            *schema() == report_schema(),
            "crates/lapkin/src/model/report.schema.json is stale: regenerate it with \
             `cargo run -p lapkin-cli -- schema > crates/lapkin/src/model/report.schema.json`"
        );
    }

    #[test]
    fn the_schema_describes_the_top_level_fields() {
        let s = report_schema();
        let props = s["properties"].as_object().unwrap();
        for f in [
            "unit",
            "triwulan",
            "tahun",
            "kinerja",
            "analisis",
            "anggaran",
            "rekomendasi",
            "penutup",
            "catatan",
        ] {
            assert!(props.contains_key(f), "{f}");
            assert!(
                props[f]["description"].is_string(),
                "{f} has no description"
            );
        }
        assert_eq!(s["additionalProperties"], json!(false));
    }

    #[test]
    #[cfg(feature = "schema-check")]
    fn hints_for_numbers_in_strings() {
        assert_eq!(
            number_hint(&json!("8.069.025.000")),
            "; write it as a JSON number without quotes: 8069025000"
        );
        assert_eq!(
            number_hint(&json!("95,15")),
            "; write it as a JSON number without quotes: 95.15"
        );
        assert_eq!(number_hint(&json!("banyak")), "");
    }

    #[test]
    fn path_segments_round_trip_the_path_syntax() {
        assert_eq!(
            path_segments("anggaran.rincian[3].pagu"),
            vec![
                Err("anggaran".into()),
                Err("rincian".into()),
                Ok(3),
                Err("pagu".into())
            ]
        );
        assert_eq!(
            path_segments("a[\"b c\"][0]"),
            vec![Err("a".into()), Err("b c".into()), Ok(0)]
        );
    }

    #[test]
    fn problems_follow_the_document() {
        let doc = json!({"zeta": [1, {"b": 1, "a": 2}], "alpha": 1});
        let mut problems: Vec<Problem> = [
            "alpha",
            "zeta[1].a",
            "zeta[1].missing",
            "zeta[1].b",
            "zeta[0]",
        ]
        .iter()
        .map(|p| Problem::new(*p, "x"))
        .collect();
        sort_in_document_order(&mut problems, &doc);
        let order: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            order,
            [
                "zeta[0]",
                "zeta[1].b",
                "zeta[1].a",
                "zeta[1].missing",
                "alpha"
            ]
        );
    }
}
