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
use super::number;
use crate::problem::Problem;
#[cfg(feature = "schema-check")]
use crate::problem::{Arg, Conj, JsonPath, Kind, Phrase};

/// The JSON Schema (draft-07) of a report, generated from
/// [`Report`](super::Report): what `lapkin schema` prints.
///
/// Draft-07 rather than 2020-12: editors' JSON language services know it
/// best, and its meta-schema is smaller, so the validator is built in
/// half the work (a process validates one report, so building it was a
/// tenth of rendering the reference report).
///
/// ```
/// let schema = lapkin::model::report_schema();
/// assert_eq!(schema["title"], "Laporan Kinerja Triwulan");
/// assert!(schema["properties"]["penutup"].is_object());
/// ```
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
            .with_format(super::signers::DATE_FORMAT, |s: &str| {
                s.parse::<super::TanggalPenutup>().is_ok()
            })
            .build(schema())
            .expect("the generated schema is a valid JSON Schema")
    })
}

#[cfg(feature = "schema-check")]
/// Every structural problem of `instance`, in document order.
pub(crate) fn schema_problems(instance: &Value) -> Vec<Problem> {
    let mut findings = Vec::new();
    for error in validator().iter_errors(instance) {
        explain(&error, &mut findings);
    }
    finish(findings)
}

/// See the other `schema_problems`: none without the `schema-check`
/// feature (deserializing the report then finds the first).
#[cfg(not(feature = "schema-check"))]
pub(crate) fn schema_problems(_: &Value) -> Vec<Problem> {
    Vec::new()
}

#[cfg(feature = "schema-check")]
/// A problem before unknown and missing fields of the same object are
/// matched up.
enum Finding {
    Unknown {
        object: JsonPath,
        name: String,
        known: Vec<String>,
    },
    Missing {
        object: JsonPath,
        name: String,
        description: Option<String>,
    },
    Other(Problem),
}

#[cfg(feature = "schema-check")]
/// `anggaran.rincian[3].pagu` from a JSON pointer location.
fn json_path(location: &Location) -> JsonPath {
    let mut out = JsonPath::root();
    for segment in location.iter() {
        match segment {
            LocationSegment::Property(p) => out.push_key(p.to_string()),
            LocationSegment::Index(i) => out.push_index(i),
        }
    }
    out
}

/// The nearest of `known` to `name`, if it is near enough to be a typo.
/// Of names equally near, the first in byte order: the suggestion does not
/// depend on the order `known` comes in (a hash map's, say), so the same
/// input always gets the same message.
pub(crate) fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name_lc = name.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&name_lc, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
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
fn type_name(t: JsonType) -> Phrase {
    match t {
        JsonType::Null => Phrase::TypeNull,
        JsonType::Boolean => Phrase::TypeBool,
        JsonType::Integer => Phrase::TypeInteger,
        JsonType::Number => Phrase::TypeNumber,
        JsonType::String => Phrase::TypeString,
        JsonType::Array => Phrase::TypeArray,
        JsonType::Object => Phrase::TypeObject,
    }
}

#[cfg(feature = "schema-check")]
fn expected_types(kind: &TypeKind) -> Vec<Phrase> {
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
/// Phrases joined as alternatives: `a string or a number`.
fn either(phrases: &[Phrase]) -> Arg {
    Arg::List(phrases.iter().map(|p| Arg::from(*p)).collect(), Conj::Or)
}

#[cfg(feature = "schema-check")]
/// The number a string such as "8.069.025.000" is written for, as a
/// JSON number.
fn number_hint(found: &Value) -> Option<String> {
    let s = found.as_str()?;
    let t = s.trim();
    let plain: String = if t.contains(',') {
        // Indonesian notation: dots between thousands, comma for decimals.
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 {
        t.replace('.', "")
    } else {
        t.to_owned()
    };
    (!plain.is_empty() && plain.parse::<rust_decimal::Decimal>().is_ok()).then_some(plain)
}

#[cfg(feature = "schema-check")]
/// Why `found`, at `path`, is not written in `format`: a date (`date`),
/// or a closing date (a day or a month).
fn format_problem(path: &JsonPath, format: &str, found: &Value) -> Problem {
    let problem = match found.as_str() {
        Some(_) if format == super::signers::DATE_FORMAT => closing_date_problem(found),
        Some(text) => super::date_problem(text),
        None => Problem::new(path, Kind::NotADate).with("found", number::found(found)),
    };
    problem.placed(path)
}

#[cfg(feature = "schema-check")]
/// Why `found` is not a closing date (a day or a month).
fn closing_date_problem(found: &Value) -> Problem {
    let text = found.as_str().unwrap_or_default();
    text.parse::<super::TanggalPenutup>()
        .err()
        .unwrap_or_else(|| super::signers::month_problem(text))
}

#[cfg(feature = "schema-check")]
fn explain(error: &ValidationError<'_>, out: &mut Vec<Finding>) {
    let path = json_path(error.instance_path());
    let found = error.instance().as_ref();
    let expected = |kind: Kind, phrase: Phrase, limit: &dyn std::fmt::Display| {
        let what = Arg::phrase(phrase, vec![("limit", limit.to_string().into())]);
        Finding::Other(
            Problem::new(&path, kind)
                .with("expected", what)
                .with("found", number::found(found)),
        )
    };
    match error.kind() {
        ValidationErrorKind::Type { kind } => out.push(wrong_type(&path, kind, found)),
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
        ValidationErrorKind::Required { property } => out.push(missing(error, path, property)),
        ValidationErrorKind::Enum { options } => {
            let options: Vec<&str> = options
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            out.push(Finding::Other(choice(&path, &options, found)));
        }
        ValidationErrorKind::Minimum { limit } => {
            out.push(expected(Kind::OutOfRange, Phrase::AtLeast, limit))
        }
        ValidationErrorKind::Maximum { limit } => {
            out.push(expected(Kind::OutOfRange, Phrase::AtMost, limit))
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(expected(Kind::OutOfRange, Phrase::MoreThan, limit))
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(expected(Kind::OutOfRange, Phrase::LessThan, limit))
        }
        ValidationErrorKind::MinItems { limit } => {
            out.push(expected(Kind::WrongCount, Phrase::AtLeastItems, limit))
        }
        ValidationErrorKind::MaxItems { limit } => {
            out.push(expected(Kind::WrongCount, Phrase::AtMostItems, limit))
        }
        ValidationErrorKind::MinLength { limit } => {
            out.push(expected(Kind::WrongCount, Phrase::AtLeastCharacters, limit))
        }
        ValidationErrorKind::Format { format }
            if format == "date" || format == super::signers::DATE_FORMAT =>
        {
            out.push(Finding::Other(format_problem(&path, format, found)));
        }
        // Its format says more (a month that does not exist).
        ValidationErrorKind::Pattern { pattern } if pattern == super::signers::DATE_PATTERN => {}
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            explain_union(&path, found, context, out);
        }
        ValidationErrorKind::Constant { expected_value } => out.push(Finding::Other(
            Problem::new(&path, Kind::NotAChoice)
                .with("options", expected_value.to_string())
                .with("found", number::found(found))
                .with("suggestion", Arg::none()),
        )),
        // The generated schema uses no other keyword; should one fail, say
        // where without the validator's wording.
        _ => out.push(Finding::Other(
            Problem::new(&path, Kind::NotAllowed).with("found", number::found(found)),
        )),
    }
}

#[cfg(feature = "schema-check")]
/// A value of the wrong type: what was expected, what was found; for a
/// number written as a string, the number to write.
fn wrong_type(path: &JsonPath, kind: &TypeKind, found: &Value) -> Finding {
    let expected = expected_types(kind);
    let plain = if expected.contains(&Phrase::TypeNumber) || expected.contains(&Phrase::TypeInteger)
    {
        number_hint(found)
    } else {
        None
    };
    let problem = match plain {
        Some(plain) => Problem::new(path, Kind::NumberInQuotes).with("plain", plain),
        None => Problem::new(path, Kind::WrongType),
    };
    Finding::Other(
        problem
            .with("expected", either(&expected))
            .with("found", number::found(found)),
    )
}

#[cfg(feature = "schema-check")]
/// A missing field, with its description from the schema.
fn missing(error: &ValidationError<'_>, object: JsonPath, property: &Value) -> Finding {
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
    Finding::Missing {
        object,
        name,
        description,
    }
}

#[cfg(feature = "schema-check")]
/// "expected "angka", "huruf" or "strip", found "hurf"; did you mean "huruf"?"
fn choice(path: &JsonPath, options: &[&str], found: &Value) -> Problem {
    let names = options
        .iter()
        .map(|o| Arg::Text(format!("\"{o}\"")))
        .collect();
    let suggestion = found
        .as_str()
        .and_then(|s| nearest(s, options.iter().copied()))
        .map(|s| {
            let name = Arg::Text(format!("\"{s}\""));
            Arg::phrase(Phrase::DidYouMean, vec![("name", name)])
        })
        .unwrap_or_else(Arg::none);
    Problem::new(path, Kind::NotAChoice)
        .with("options", Arg::List(names, Conj::Or))
        .with("found", number::found(found))
        .with("suggestion", suggestion)
}

#[cfg(feature = "schema-check")]
/// Whether a branch of an `anyOf`/`oneOf` failed because the value at the
/// union's own path has the wrong type, i.e. the branch does not apply.
fn branch_mismatches(branch: &[ValidationError<'static>], path: &JsonPath) -> bool {
    branch.iter().any(|e| {
        json_path(e.instance_path()) == *path
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
fn branch_types(branch: &[ValidationError<'static>], path: &JsonPath, out: &mut Vec<Phrase>) {
    for e in branch {
        if json_path(e.instance_path()) != *path {
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
fn branch_missing_tags(branch: &[ValidationError<'static>], path: &JsonPath) -> Vec<String> {
    branch
        .iter()
        .filter(|e| json_path(e.instance_path()) == *path)
        .filter_map(|e| match e.kind() {
            ValidationErrorKind::Required { property } => property.as_str().map(str::to_owned),
            _ => None,
        })
        .collect()
}

#[cfg(feature = "schema-check")]
fn explain_union(
    path: &JsonPath,
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
        out.push(Finding::Other(choice(path, &constants, found)));
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
        out.push(Finding::Other(
            Problem::new(path, Kind::WrongType)
                .with("expected", either(&types))
                .with("found", number::found(found)),
        ));
        return;
    }
    // Among branches of the right type, prefer those whose tag is present.
    let tagged: Vec<&&Vec<ValidationError<'static>>> = applicable
        .iter()
        .filter(|b| branch_missing_tags(b, path).is_empty())
        .collect();
    let best = match tagged.as_slice() {
        [] if applicable.len() > 1 => {
            out.push(Finding::Other(no_tag(path, found, &applicable)));
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
/// An object of a tagged union with none of its tags: the tags, and the
/// nearest one to a key it has.
fn no_tag(
    path: &JsonPath,
    found: &Value,
    applicable: &[&Vec<ValidationError<'static>>],
) -> Problem {
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
        .map(|(k, t)| {
            Arg::phrase(
                Phrase::DidYouMeanTag,
                vec![("key", (*k).into()), ("tag", t.into())],
            )
        })
        .unwrap_or_else(Arg::none);
    let quoted = tags.iter().map(|t| Arg::Text(format!("`{t}`"))).collect();
    Problem::new(path, Kind::UnknownBlock)
        .with("tags", Arg::List(quoted, Conj::Or))
        .with("found", number::found(found))
        .with("suggestion", suggestion)
}

#[cfg(feature = "schema-check")]
/// Matches unknown fields with missing ones of the same object ("`pgu`:
/// did you mean `pagu`?") and turns findings into problems.
fn finish(findings: Vec<Finding>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let missing: Vec<(JsonPath, String)> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::Missing { object, name, .. } => Some((object.clone(), name.clone())),
            _ => None,
        })
        .collect();
    let mut explained: Vec<(JsonPath, String)> = Vec::new();
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
            let hint = match suggestion {
                Some(s) => {
                    if missing_here.contains(&s) {
                        explained.push((object.clone(), s.to_owned()));
                    }
                    Arg::phrase(Phrase::DidYouMeanField, vec![("name", s.into())])
                }
                None => {
                    let known = known.iter().map(|k| Arg::Text(format!("`{k}`"))).collect();
                    Arg::phrase(
                        Phrase::KnownFields,
                        vec![("known", Arg::List(known, Conj::Comma))],
                    )
                }
            };
            let at = object.child(name.clone());
            problems.push(Problem::new(at, Kind::UnknownField).with("suggestion", hint));
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
                let description = description.map(|d| format!(" ({d})")).unwrap_or_default();
                let at = object.child(name.clone());
                problems.push(
                    Problem::new(at, Kind::MissingField)
                        .with("en_description", description)
                        .with("name", name),
                );
            }
            Finding::Other(p) => problems.push(p),
            Finding::Unknown { .. } => {}
        }
    }
    problems.dedup();
    problems
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
        // Equally near names: the first in byte order, whatever order they come in.
        let tied = ["IKK 2.1", "IKK 1.2", "IKK 1.1"];
        assert_eq!(nearest("IKK 9.9", tied), Some("IKK 1.1"));
        let mut reversed = tied;
        reversed.reverse();
        assert_eq!(nearest("IKK 9.9", reversed), Some("IKK 1.1"));
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

    /// Someone writing a report from the schema alone sees what every
    /// field means: every property, at any depth, has its description, and
    /// so has every definition.
    #[test]
    fn every_property_is_described() {
        fn visit(at: &str, node: &Value, out: &mut Vec<String>) {
            match node {
                Value::Object(map) => {
                    if let Some(Value::Object(props)) = map.get("properties") {
                        for (name, prop) in props {
                            if !prop["description"].is_string() {
                                out.push(format!("{at}.{name}"));
                            }
                        }
                    }
                    for (key, value) in map {
                        visit(&format!("{at}/{key}"), value, out);
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        visit(&format!("{at}/{i}"), item, out);
                    }
                }
                _ => {}
            }
        }
        let s = report_schema();
        let mut undescribed = Vec::new();
        visit("", &s, &mut undescribed);
        assert!(undescribed.is_empty(), "{undescribed:#?}");
        for (name, def) in s["definitions"].as_object().unwrap() {
            assert!(def["description"].is_string(), "{name} has no description");
        }
    }

    #[test]
    #[cfg(feature = "schema-check")]
    fn hints_for_numbers_in_strings() {
        assert_eq!(number_hint(&json!("8.069.025.000")).unwrap(), "8069025000");
        assert_eq!(number_hint(&json!("95,15")).unwrap(), "95.15");
        assert_eq!(number_hint(&json!("banyak")), None);
    }
}
