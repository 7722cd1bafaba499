//! The options of a render, checked: what `check` and `render` share
//! (`--font`, `--signature-field`, `--pdf-standard`, `--max-input-size`) and the
//! `SOURCE_DATE_EPOCH` of the environment, turned into the library's
//! [`lapkin::RenderOptions`]. A bad value is a usage error naming the
//! option or variable.

use lapkin::problem::Location;

use crate::args::{MessageFormat, RenderArgs};
use crate::failure::Failure;
use crate::fonts::load_fonts;
use crate::lang::{Lang, lang, words};
use crate::output::tell;

/// The checked options of a render.
pub struct Options {
    /// The library's options: fonts, signature field, timestamp.
    pub render: lapkin::RenderOptions,
    /// The largest input accepted, in bytes.
    pub max_input_size: u64,
}

/// Checks the options of `check` and `render` and `SOURCE_DATE_EPOCH`,
/// and reads the fonts of `--font` (warning when they mix families).
pub fn render_options(args: &RenderArgs) -> Result<Options, Failure> {
    let mut render = lapkin::RenderOptions::default();
    if let Some(name) = &args.signature_field {
        lapkin::pdf::check_signature_field_name(name).map_err(|p| {
            let said = |lang| format!("--signature-field={name}: {}", p.text(lang));
            Failure::Usage(words(said(Lang::En), said(Lang::Id)))
        })?;
    }
    render.pdf.signature_field = args.signature_field.clone();
    render.pdf.standard = args.pdf_standard.into();
    render.pdf.timestamp = source_date_epoch()?;
    render.attach_source = args.attach_source;
    if !args.fonts.is_empty() {
        render.fonts = load_fonts(&args.fonts)?;
        if let Some(warning) = render.fonts.mixed_families() {
            warn(&warning.placed(Location::Option("--font".into())), args);
        }
    }
    Ok(Options {
        render,
        max_input_size: args.max_input_size,
    })
}

/// Tells a warning: a line on standard error (`lapkin: warning: ...`), or
/// a JSON object of `level` "warning" with `--message-format json`.
pub(crate) fn warn(p: &lapkin::Problem, args: &RenderArgs) {
    let lang = lang();
    match args.message_format {
        MessageFormat::Human => {
            let label = match lang {
                Lang::En => "warning",
                Lang::Id => "peringatan",
            };
            tell(format_args!("lapkin: {label}: {}", p.text(lang)));
        }
        MessageFormat::Json => {
            let mut v = serde_json::to_value(p.in_language(lang)).unwrap_or_default();
            if let serde_json::Value::Object(map) = &mut v {
                map.insert("level".into(), "warning".into());
            }
            tell(format_args!("{v}"));
        }
    }
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed
/// timestamp: unset or empty means none; anything but a whole number of
/// seconds from 1970 to 9999 is an error.
fn source_date_epoch() -> Result<Option<i64>, Failure> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    if text.trim().is_empty() {
        return Ok(None);
    }
    let secs: i64 = text.trim().parse().map_err(|_| {
        Failure::Usage(words(
            format!(
                "SOURCE_DATE_EPOCH={text:?} is not a whole number of seconds since 1970-01-01 \
                 00:00 UTC; unset it or give one, e.g. 1700000000"
            ),
            format!(
                "SOURCE_DATE_EPOCH={text:?} bukan bilangan bulat detik sejak 1970-01-01 00:00 \
                 UTC; hapus variabel itu atau berikan bilangan, misalnya 1700000000"
            ),
        ))
    })?;
    lapkin::pdf::check_timestamp(secs).map_err(|p| {
        let p = p.placed(Location::Env("SOURCE_DATE_EPOCH".into()));
        Failure::Usage(words(p.text(Lang::En), p.text(Lang::Id)))
    })?;
    Ok(Some(secs))
}
