//! Exact decimals as JSON numbers.
//!
//! serde_json's `arbitrary_precision` feature keeps a number's digits as
//! written, so `3.92` and `8069025000.15` reach [`Decimal`] without passing
//! through `f64`. These helpers are used with `#[serde(with = "number::option")]`.

use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::problem::{Arg, Conj, JsonPath, Kind, Location, Phrase, Problem};

/// Schema stand-in for a [`Decimal`] written as a JSON number.
pub(crate) struct JsonNumber;

impl JsonSchema for JsonNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Angka".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// Reads a JSON number exactly: a number that a [`Decimal`] could only
/// hold rounded is an error, never silently changed.
pub(crate) fn from_json_number(n: &serde_json::Number) -> Result<Decimal, Problem> {
    let text = n.to_string();
    Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()
        .filter(|d| canonical(&d.to_string()).is_some_and(|c| Some(c) == canonical(&text)))
        .ok_or_else(|| Problem::new(Location::Given, Kind::NumberNotExact).with("number", text))
}

/// A number's value as (negative, significant digits, exponent), so that
/// `1.50`, `15e-1` and `0.15E1` compare equal; `None` if the exponent is
/// out of range.
fn canonical(text: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let mut exponent = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let digits = digits.trim_start_matches('0');
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        return Some((false, String::new(), 0));
    }
    exponent = exponent.checked_add(i64::try_from(digits.len() - trimmed.len()).ok()?)?;
    Some((negative, trimmed.to_owned(), exponent))
}

/// Writes a decimal as a JSON number with the same digits.
pub(crate) fn to_json_number(d: &Decimal) -> serde_json::Number {
    // A Decimal's Display is plain digits, which is always a valid JSON number.
    serde_json::Number::from_str(&d.to_string()).unwrap_or_else(|_| serde_json::Number::from(0))
}

/// Serializes a decimal as a JSON number.
pub(crate) fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    to_json_number(d).serialize(serializer)
}

/// The same for optional fields.
pub(crate) mod option {
    use super::*;

    /// Serializes `Some` as a JSON number and `None` as `null`.
    pub(crate) fn serialize<S: Serializer>(
        d: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        d.as_ref().map(to_json_number).serialize(serializer)
    }

    /// Deserializes a JSON number or `null`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        Option::<serde_json::Number>::deserialize(deserializer)?
            .map(|n| from_json_number(&n).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Deserializes a whole number written as any JSON number (`2`, `2.0`,
/// `2e0`: JSON Schema calls each an integer), into a small unsigned type.
pub(crate) fn whole<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64>,
{
    let n = serde_json::Number::deserialize(deserializer)?;
    let d = from_json_number(&n).map_err(serde::de::Error::custom)?;
    let not_whole = || {
        let p = Problem::new(Location::Given, Kind::NotWhole).with("number", n.to_string());
        serde::de::Error::custom(p)
    };
    if !d.fract().is_zero() || (d.is_sign_negative() && !d.is_zero()) {
        return Err(not_whole());
    }
    u64::try_from(d.trunc())
        .ok()
        .and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| {
            let p =
                Problem::new(Location::Given, Kind::NumberTooLarge).with("number", n.to_string());
            serde::de::Error::custom(p)
        })
}

/// Every JSON number in `value` that no [`Decimal`] can hold exactly
/// (more than 28 significant digits, or beyond about 7.9 × 10^28), with
/// its path. No field of a report can take such a number, and finding
/// them all at once beats failing on the first while deserializing.
pub(crate) fn number_problems(value: &serde_json::Value) -> Vec<Problem> {
    use serde_json::Value;
    // Nearly every input has none: a walk without paths says so first
    // (building each value's path was most of the work).
    if all_exact(value) {
        return Vec::new();
    }
    let mut problems = Vec::new();
    // An explicit stack: the depth is bounded by serde_json's limit, but
    // no recursion is needed. Children are pushed in reverse so that they
    // come off in document order.
    let mut stack: Vec<(JsonPath, &Value)> = vec![(JsonPath::root(), value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            Value::Number(n) => {
                if let Err(p) = from_json_number(n) {
                    problems.push(p.placed(path));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((path.item(i), item));
                }
            }
            Value::Object(fields) => {
                for (k, item) in fields.iter().rev() {
                    stack.push((path.child(k.clone()), item));
                }
            }
            _ => {}
        }
    }
    problems
}

/// Whether every number in `value` can be held exactly.
fn all_exact(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    let mut stack = vec![value];
    // Each iteration takes one value off the stack and puts its children
    // on: every value is visited once.
    while let Some(v) = stack.pop() {
        match v {
            Value::Number(n) if from_json_number(n).is_err() => return false,
            Value::Array(items) => stack.extend(items),
            Value::Object(fields) => stack.extend(fields.values()),
            _ => {}
        }
    }
    true
}

/// A JSON value as a message describes what was found: `the string
/// "abc"` (`teks "abc"`), its first 60 characters.
pub(crate) fn found(v: &serde_json::Value) -> Arg {
    use serde_json::Value;
    let (phrase, args) = match v {
        Value::Null => (Phrase::FoundNull, vec![]),
        Value::Bool(b) => (Phrase::FoundBool, vec![("value", b.to_string().into())]),
        Value::Number(n) => (Phrase::FoundNumber, vec![("value", n.to_string().into())]),
        Value::String(s) => {
            let mut shown: String = s.chars().take(60).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            (Phrase::FoundString, vec![("value", Arg::quoted(shown))])
        }
        Value::Array(a) => (Phrase::FoundArray, vec![("count", a.len().into())]),
        Value::Object(o) if o.is_empty() => (Phrase::FoundEmptyObject, vec![]),
        Value::Object(o) => {
            let keys = o
                .keys()
                .take(4)
                .map(|k| Arg::Text(format!("`{k}`")))
                .collect();
            (
                Phrase::FoundObject,
                vec![("keys", Arg::List(keys, Conj::Comma))],
            )
        }
    };
    Arg::phrase(phrase, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Lang;

    #[test]
    fn numbers_keep_their_digits() {
        for text in [
            "3.92",
            "0.50",
            "8069025000",
            "-1234.5",
            "0.1",
            "17680042000.15",
        ] {
            let n: serde_json::Number = serde_json::from_str(text).unwrap();
            let d = from_json_number(&n).unwrap();
            assert_eq!(d.to_string(), text);
            assert_eq!(to_json_number(&d).to_string(), text);
        }
    }

    #[test]
    fn scientific_notation_is_read_exactly() {
        let n: serde_json::Number = serde_json::from_str("1.5e3").unwrap();
        assert_eq!(from_json_number(&n).unwrap(), Decimal::new(1500, 0));
    }

    #[test]
    fn whole_numbers_in_any_notation() {
        let read = |text: &str| -> Result<u8, String> {
            let mut de = serde_json::Deserializer::from_str(text);
            whole::<_, u8>(&mut de).map_err(|e| e.to_string())
        };
        assert_eq!(read("2"), Ok(2));
        assert_eq!(read("2.0"), Ok(2));
        assert_eq!(read("0.2e1"), Ok(2));
        assert_eq!(
            read("2.5"),
            Err("expected a whole number, found 2.5".into())
        );
        assert_eq!(read("-1"), Err("expected a whole number, found -1".into()));
        assert_eq!(read("300"), Err("the number 300 is too large here".into()));
    }

    #[test]
    fn numbers_too_large_are_all_found_with_their_paths() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"a": [1, 1e40], "b": {"c": 2e-40, "d": 3.5}}"#).unwrap();
        let paths: Vec<String> = number_problems(&v)
            .into_iter()
            .map(|p| p.location.text(Lang::En))
            .collect();
        assert_eq!(paths, ["a[1]", "b.c"]);
    }

    #[test]
    fn numbers_that_would_be_rounded_are_errors() {
        for text in [
            "12345678901234567890123456789.5",
            "0.12345678901234567890123456789",
            "79228162514264337593543950336",
        ] {
            let n: serde_json::Number = serde_json::from_str(text).unwrap();
            assert!(from_json_number(&n).is_err(), "{text}");
        }
        for text in [
            "1.50",
            "15e-1",
            "0.15E1",
            "-0",
            "0.0",
            "1234567890123456789012345678",
        ] {
            let n: serde_json::Number = serde_json::from_str(text).unwrap();
            assert!(from_json_number(&n).is_ok(), "{text}");
        }
    }

    #[test]
    fn too_many_digits_is_an_error() {
        let n: serde_json::Number = serde_json::from_str("1e40").unwrap();
        let e = from_json_number(&n).unwrap_err().to_string();
        assert!(e.contains("cannot be held exactly"), "{e}");
    }
}
