//! Duplicate keys in JSON objects.
//!
//! serde_json keeps the last of two equal keys and drops the first without
//! a word, so two `"progress"` arrays or two signer names would lose data.
//! [`duplicate_keys`] scans the same bytes once more, without recursion
//! (an explicit stack, one frame per open object or array), and reports
//! each key written more than once with its JSON path and lines.
//!
//! It runs after serde_json has accepted the input, so the bytes are valid
//! JSON nested at most 128 levels deep: the scanner only has to tell
//! strings, brackets, commas and colons apart.

use std::collections::HashMap;

use crate::problem::{Arg, Conj, JsonPath, Kind, Phrase, Problem};

/// One open container.
enum Frame {
    Object {
        /// Each key seen so far, with the lines it was written on.
        seen: HashMap<String, Vec<usize>>,
        /// Keys in the order first seen, for a deterministic report.
        order: Vec<String>,
        /// The key whose value is being read.
        current: Option<String>,
        /// Whether the next string is a key.
        expect_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The path of the value being read: `analisis[0].progress`.
fn path(stack: &[Frame]) -> JsonPath {
    let mut out = JsonPath::root();
    for frame in stack {
        match frame {
            Frame::Object { current, .. } => {
                if let Some(key) = current {
                    out.push_key(key.clone());
                }
            }
            Frame::Array { index } => out.push_index(*index),
        }
    }
    out
}

/// "line 3" or "lines 3, 5 and 9".
fn lines_in_words(lines: &[usize]) -> Arg {
    let mut lines = lines.to_vec();
    lines.dedup();
    match lines.as_slice() {
        [one] => Arg::phrase(Phrase::OnLine, vec![("line", (*one).into())]),
        many => {
            let list = many.iter().map(|n| Arg::from(*n)).collect();
            Arg::phrase(Phrase::OnLines, vec![("lines", Arg::List(list, Conj::And))])
        }
    }
}

/// "twice" or "3 times".
fn times(n: usize) -> Arg {
    match n {
        2 => Arg::from(Phrase::Twice),
        n => Arg::phrase(Phrase::Times, vec![("count", n.into())]),
    }
}

/// Every key that occurs more than once in its object, with its path, in
/// document order. `input` must be valid JSON (serde_json accepted it).
pub(crate) fn duplicate_keys(input: &[u8]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'\n' => line += 1,
            b'{' => stack.push(Frame::Object {
                seen: HashMap::new(),
                order: Vec::new(),
                current: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                if let Some(Frame::Object { seen, order, .. }) = stack.pop() {
                    for key in order {
                        let lines = &seen[&key];
                        if lines.len() > 1 {
                            let at = path(&stack).key(key.clone());
                            problems.push(
                                Problem::new(at, Kind::DuplicateKey)
                                    .with("key", Arg::quoted(key))
                                    .with("times", times(lines.len()))
                                    .with("lines", lines_in_words(lines)),
                            );
                        }
                    }
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                // The string runs to the next quote not escaped by a backslash.
                let start = i;
                i += 1;
                while i < input.len() && input[i] != b'"' {
                    i += if input[i] == b'\\' { 2 } else { 1 };
                }
                let raw = &input[start..(i + 1).min(input.len())];
                if let Some(Frame::Object {
                    seen,
                    order,
                    current,
                    expect_key,
                }) = stack.last_mut()
                    && *expect_key
                {
                    *expect_key = false;
                    let key = decode_key(raw);
                    match seen.get_mut(&key) {
                        Some(lines) => lines.push(line),
                        None => {
                            seen.insert(key.clone(), vec![line]);
                            order.push(key.clone());
                        }
                    }
                    *current = Some(key);
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Problems were found when each object closed, inner objects first:
    // the caller sorts them into document order by path.
    problems
}

/// The text of a JSON string literal (with its quotes): `"a\u0062"` is `ab`.
fn decode_key(raw: &[u8]) -> String {
    if !raw.contains(&b'\\') {
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
        return String::from_utf8_lossy(inner).into_owned();
    }
    serde_json::from_slice::<String>(raw)
        .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dups(json: &str) -> Vec<String> {
        serde_json::from_str::<serde_json::Value>(json).expect("valid JSON");
        duplicate_keys(json.as_bytes())
            .into_iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn no_duplicates_no_problems() {
        assert!(
            dups(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "{\"a\":1,\"a\":2}"}"#)
                .is_empty()
        );
    }

    #[test]
    fn a_duplicate_is_named_with_its_path_and_lines() {
        let json = "{\n  \"penutup\": {\n    \"nama\": \"A\",\n    \"nip\": \"1\",\n    \"nama\": \"B\"\n  }\n}";
        assert_eq!(
            dups(json),
            [
                "penutup.nama: the key \"nama\" appears twice (lines 3 and 5); JSON keeps only the \
              last value and loses the others; write the key once"
            ]
        );
    }

    #[test]
    fn duplicates_inside_arrays_and_escaped_keys() {
        let json = r#"{"analisis": [{"x": 1}, {"progress": [], "kendala": [], "progress": [], "progr\u0065ss": []}]}"#;
        assert_eq!(
            dups(json),
            [
                "analisis[1].progress: the key \"progress\" appears 3 times (line 1); JSON keeps only the last value and loses the others; write the key once"
            ]
        );
    }

    #[test]
    fn odd_keys_are_quoted_in_the_path() {
        assert_eq!(
            dups(r#"{"a b": {"\"": 1, "\"": 2}}"#),
            [
                "[\"a b\"][\"\\\"\"]: the key \"\\\"\" appears twice (line 1); JSON keeps only the \
              last value and loses the others; write the key once"
            ]
        );
    }

    #[test]
    fn deep_nesting_uses_no_recursion() {
        let depth = 100_000;
        let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(duplicate_keys(json.as_bytes()).is_empty());
    }
}
