//! The name of the empty signature field that PAdES signers fill: a rule
//! shared by the report model (`tanda_tangan.field`), the render options
//! and the PDF writer.

/// The default name of the empty signature field.
pub const DEFAULT_SIGNATURE_FIELD: &str = "ttd_kepala";

/// Checks a signature field name: letters, digits, `_` and `-`, at most 64
/// (a dot would make it a hierarchical name).
pub fn check_signature_field_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected a field name of letters, digits, `_` and `-` (no dots, at most 64), such \
             as \"{DEFAULT_SIGNATURE_FIELD}\", found {name:?}"
        ))
    }
}
