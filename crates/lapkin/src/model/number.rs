//! Exact decimals as JSON numbers.
//!
//! serde_json's `arbitrary_precision` feature keeps a number's digits as
//! written, so `3.92` and `8069025000.15` reach [`Decimal`] without passing
//! through `f64`. These helpers are used with `#[serde(with = "number")]`.

use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// Reads a JSON number exactly.
pub(crate) fn from_json_number(n: &serde_json::Number) -> Result<Decimal, String> {
    let text = n.to_string();
    Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map_err(|_| {
            format!("the number {text} cannot be held exactly (at most 28 significant digits)")
        })
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

/// Deserializes a decimal from a JSON number.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let n = serde_json::Number::deserialize(deserializer)?;
    from_json_number(&n).map_err(serde::de::Error::custom)
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

/// Describes a JSON value for an error message: `the string "abc"`.
pub(crate) fn describe(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let mut shown: String = s.chars().take(60).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            format!("the string {shown:?}")
        }
        Value::Array(a) => format!("an array of {} item(s)", a.len()),
        Value::Object(o) if o.is_empty() => "an empty object".to_owned(),
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().take(4).map(|k| format!("`{k}`")).collect();
            format!("an object with {}", keys.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn too_many_digits_is_an_error() {
        let n: serde_json::Number = serde_json::from_str("1e40").unwrap();
        let e = from_json_number(&n).unwrap_err();
        assert!(e.contains("cannot be held exactly"), "{e}");
    }
}
