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
/// use lapkin::check_signature_field_name;
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
