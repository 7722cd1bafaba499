//! A message's values ([`Arg`]) and how a catalogue's template is filled
//! with them in a language.

use std::borrow::Cow;

use super::catalogue::Phrase;
use super::{JsonPath, Lang};

/// A value named in a message. Most are shown as they are in every
/// language; a few (a nested phrase, a list, a month) are words of the
/// language the message is shown in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// Shown as it is.
    Text(String),
    /// Shown in quotes, as Rust's `{:?}` writes a string: `"IKK 1.1"`.
    Quoted(String),
    /// A character and its code point: `'漢' (U+6F22)`.
    Char(char),
    /// A character and its code point inside parentheses: `'ש', U+05E9`.
    CharCode(char),
    /// A JSON path, as its `Display` writes it.
    Path(JsonPath),
    /// A phrase of the catalogue, in the message's language, filled with
    /// its own values.
    Phrase(Phrase, Args),
    /// Words given in both languages (a script's or a month's name).
    Both(Cow<'static, str>, Cow<'static, str>),
    /// Values joined as a list: `a, b or c` (`a, b, atau c`).
    List(Vec<Arg>, Conj),
}

/// How a list's last item is joined to the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conj {
    /// `a, b or c`.
    Or,
    /// `a, b and c`.
    And,
    /// `a, b, c`.
    Comma,
}

/// A message's values, by the names its templates use.
pub(crate) type Args = Vec<(&'static str, Arg)>;

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

macro_rules! arg_from_display {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Text(v.to_string())
            }
        }
    )*};
}

arg_from_display!(usize, u64, u32, u16, u8, i64, i32, char);

impl From<&JsonPath> for Arg {
    fn from(p: &JsonPath) -> Self {
        Arg::Path(p.clone())
    }
}

impl From<Phrase> for Arg {
    fn from(p: Phrase) -> Self {
        Arg::Phrase(p, Vec::new())
    }
}

impl Arg {
    /// A string shown in quotes.
    pub(crate) fn quoted(s: impl Into<String>) -> Self {
        Arg::Quoted(s.into())
    }

    /// A phrase with its values.
    pub(crate) fn phrase(p: Phrase, args: Args) -> Self {
        Arg::Phrase(p, args)
    }

    /// Words in English and in Indonesian.
    pub(crate) fn both(en: impl Into<Cow<'static, str>>, id: impl Into<Cow<'static, str>>) -> Self {
        Arg::Both(en.into(), id.into())
    }

    /// Nothing: an optional part of a message left out.
    pub(crate) fn none() -> Self {
        Arg::Text(String::new())
    }

    /// Writes the value in `lang`.
    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Text(t) => out.push_str(t),
            Arg::Quoted(t) => out.push_str(&format!("{t:?}")),
            Arg::Char(c) => out.push_str(&format!("{c:?} (U+{:04X})", u32::from(*c))),
            Arg::CharCode(c) => out.push_str(&format!("{c:?}, U+{:04X}", u32::from(*c))),
            Arg::Path(p) => out.push_str(&p.to_string()),
            Arg::Phrase(p, args) => {
                let (template, _) = p.template(lang);
                fill(template, args, lang, out);
            }
            Arg::Both(en, id) => out.push_str(match lang {
                Lang::En => en,
                Lang::Id => id,
            }),
            Arg::List(items, conj) => write_list(items, *conj, lang, out),
        }
    }
}

/// `a, b or c` in English, `a, b, atau c` in Indonesian (PUEBI puts a
/// comma before *atau* and *dan* in a list of three or more).
fn write_list(items: &[Arg], conj: Conj, lang: Lang, out: &mut String) {
    let word = match (conj, lang) {
        (Conj::Or, Lang::En) => " or ",
        (Conj::And, Lang::En) => " and ",
        (Conj::Or, Lang::Id) => " atau ",
        (Conj::And, Lang::Id) => " dan ",
        (Conj::Comma, _) => ", ",
    };
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            let last = i + 1 == items.len();
            match (last, conj, lang) {
                (false, ..) | (true, Conj::Comma, _) => out.push_str(", "),
                (true, _, Lang::Id) if items.len() > 2 => {
                    out.push(',');
                    out.push_str(word);
                }
                (true, ..) => out.push_str(word),
            }
        }
        item.write(lang, out);
    }
}

#[cfg(test)]
/// The placeholders of a template: `{name}`, a name of lower-case ASCII
/// letters, digits and `_`. Other braces (`{"daftar": ...}`) are text.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match placeholder_at(after) {
            Some(name) => {
                out.push(name);
                rest = &after[name.len() + 1..];
            }
            None => rest = after,
        }
    }
    out
}

/// The name of a placeholder whose `{` is just before `s`.
fn placeholder_at(s: &str) -> Option<&str> {
    let end = s.find('}')?;
    let name = &s[..end];
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then_some(name)
}

/// Fills `template` with `args` in `lang`.
pub(crate) fn fill(template: &str, args: &Args, lang: Lang, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match placeholder_at(after) {
            Some(name) => {
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, arg)) => arg.write(lang, out),
                    None => {
                        debug_assert!(false, "no value for {{{name}}} in {template:?}");
                        out.push_str(&rest[open..open + name.len() + 2]);
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `template` filled with `args` in `lang`, as a new string.
pub(crate) fn filled(template: &str, args: &Args, lang: Lang) -> String {
    let mut out = String::new();
    fill(template, args, lang, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_names_in_braces() {
        assert_eq!(
            placeholders("expected {expected}, found {found}; {\"daftar\": ...} {x_1}"),
            ["expected", "found", "x_1"]
        );
    }

    #[test]
    fn lists_read_as_each_language_writes_them() {
        let items: Vec<Arg> = ["a", "b", "c"].into_iter().map(Arg::from).collect();
        let list = |items: &[Arg], conj, lang| {
            let mut out = String::new();
            write_list(items, conj, lang, &mut out);
            out
        };
        assert_eq!(list(&items, Conj::Or, Lang::En), "a, b or c");
        assert_eq!(list(&items, Conj::Or, Lang::Id), "a, b, atau c");
        assert_eq!(list(&items[..2], Conj::And, Lang::Id), "a dan b");
        assert_eq!(list(&items, Conj::Comma, Lang::Id), "a, b, c");
        assert_eq!(list(&items[..1], Conj::Or, Lang::En), "a");
    }

    #[test]
    fn a_template_is_filled_with_its_values() {
        let args: Args = vec![("n", Arg::from(3usize)), ("c", Arg::Char('\u{6f22}'))];
        assert_eq!(
            filled("{n} times {c}, {\"x\": 1}", &args, Lang::En),
            "3 times '\u{6f22}' (U+6F22), {\"x\": 1}"
        );
    }
}
