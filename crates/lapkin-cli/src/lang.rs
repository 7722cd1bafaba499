//! The language the command speaks: Bahasa Indonesia for Indonesian users
//! (`--lang id`, or `LC_ALL`, `LC_MESSAGES` or `LANG` starting with `id`),
//! English otherwise (`--lang en`).
//!
//! The choice is made once, before the arguments are parsed (so that
//! `--help` and clap's own errors are in the language too), and read
//! everywhere a message is written ([`lang`]).

use std::ffi::OsString;
use std::sync::OnceLock;

pub use lapkin::problem::Lang;

/// The language of this run, once chosen.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run: English until [`choose`] has run.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Chooses the language of this run from the arguments and the
/// environment (see [`detect`]), and gives it.
pub fn choose(args: &[OsString]) -> Lang {
    let lang = detect(args, |name| std::env::var(name).ok());
    *LANG.get_or_init(|| lang)
}

/// The language asked for: `--lang en|id` (also `--lang=id`), else the
/// first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty,
/// as POSIX orders them (Indonesian if it starts with `id`, such as
/// `id_ID.UTF-8`), else English. A `--lang` value that is neither is left
/// for the argument parser to refuse.
pub fn detect(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut asked = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse::<Lang>().ok()) {
            asked = Some(lang);
        }
    }
    asked
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|name| env(name).and_then(|v| Lang::from_locale(&v)))
        })
        .unwrap_or_default()
}

/// A text in both languages, shown in the language of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The English text.
    pub en: String,
    /// The Indonesian text.
    pub id: String,
}

impl Words {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }
}

/// A text in English and in Indonesian.
pub fn words(en: impl Into<String>, id: impl Into<String>) -> Words {
    Words {
        en: en.into(),
        id: id.into(),
    }
}

impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text(lang()))
    }
}

/// Words can be an error (a value parser's, shown in the run's language).
impl std::error::Error for Words {}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("lapkin")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_option_wins_then_the_locale_variables_in_posix_order() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none = env(&[]);
        assert_eq!(detect(&args(&["check", "x"]), none), Lang::En);
        assert_eq!(detect(&args(&["--lang", "id", "check"]), none), Lang::Id);
        assert_eq!(detect(&args(&["check", "--lang=id"]), none), Lang::Id);
        let indonesian = env(&[("LANG", "id_ID.UTF-8")]);
        assert_eq!(detect(&args(&["check"]), indonesian), Lang::Id);
        assert_eq!(detect(&args(&["--lang", "en"]), indonesian), Lang::En);
        let c = env(&[("LC_ALL", "C"), ("LANG", "id_ID.UTF-8")]);
        assert_eq!(detect(&args(&["check"]), c), Lang::En);
        let empty_all = env(&[("LC_ALL", ""), ("LC_MESSAGES", "id_ID"), ("LANG", "C")]);
        assert_eq!(detect(&args(&["check"]), empty_all), Lang::Id);
        // A file named like the option after `--` is not the option.
        assert_eq!(detect(&args(&["check", "--", "--lang=id"]), none), Lang::En);
    }
}
