//! The name of the empty signature field that PAdES signers fill: a rule
//! shared by the report model (`tanda_tangan.field`), the render options
//! and the PDF writer.

use crate::problem::{Arg, Kind, Location, Problem};

/// The default name of the empty signature field.
pub const DEFAULT_SIGNATURE_FIELD: &str = "ttd_kepala";

/// Checks a signature field name: letters, digits, `_` and `-`, at most 64
/// (a dot would make it a hierarchical name). The problem is at
/// [`Location::Given`]: place it where the name came from.
///
/// ```
/// use lapkin::pdf::check_signature_field_name;
///
/// assert!(check_signature_field_name("ttd_kepala").is_ok());
/// let err = check_signature_field_name("ttd.kepala").unwrap_err();
/// assert_eq!(err.kind, lapkin::problem::Kind::BadFieldName);
/// ```
pub fn check_signature_field_name(name: &str) -> Result<(), Problem> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Problem::new(Location::Given, Kind::BadFieldName)
            .with("example", DEFAULT_SIGNATURE_FIELD)
            .with("name", Arg::quoted(name)))
    }
}

/// The name of the empty signature field over each signature box of a
/// layout, in order, `None` where no field is made: the box's `own` name
/// (`SignatureBox::field`, set from the report's signer), else, if a field
/// was asked for by `asked` (the PDF options'), that name for the first
/// box and the name with `_2`, `_3` … after it for the others.
pub(crate) fn field_names<'a>(
    own: impl IntoIterator<Item = Option<&'a str>>,
    asked: Option<&str>,
) -> Vec<Option<String>> {
    own.into_iter()
        .enumerate()
        .map(|(i, own)| {
            own.map(str::to_owned).or_else(|| {
                asked.map(|name| match i {
                    0 => name.to_owned(),
                    _ => format!("{name}_{}", i + 1),
                })
            })
        })
        .collect()
}

/// The first name of `names` that is given twice, if any: two signature
/// fields cannot share a name.
pub(crate) fn repeated_name(names: &[Option<String>]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    names
        .iter()
        .flatten()
        .find(|n| !seen.insert(n.as_str()))
        .map(String::as_str)
}
