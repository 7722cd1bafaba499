//! The empty signature field over the signature box, for PAdES signers
//! (pyHanko, Adobe): a field merged with its widget annotation (`/FT
//! /Sig`, no `/V`), printable and locked, with an empty appearance.

use pdf_writer::types::{AnnotationFlags, FieldType};
use pdf_writer::{Finish, Rect, Ref, TextStr};

use super::file::Writer;
use crate::frame::SignatureBox;
use crate::signing::SignaturePlacement;

/// Writes the field `id` named `name` over the box `b`, on page `page`;
/// `key` is its key in the parent tree if the tag tree has a place for it.
pub(super) fn write_field(
    w: &mut Writer,
    id: Ref,
    name: &str,
    b: &SignatureBox,
    page: Ref,
    key: Option<i32>,
) {
    let placement = SignaturePlacement::new(b, Some(name.to_owned()));
    let [x1, y1, x2, y2] = placement.pdf_rect.map(|v| v as f32);
    let appearance = w.alloc();
    w.stream(appearance)
        .form_xobject(appearance, &[])
        .bbox(Rect::new(0.0, 0.0, x2 - x1, y2 - y1))
        .resources();
    let mut field = w.object(id).form_field(id);
    field
        .field_type(FieldType::Signature)
        .partial_name(TextStr(name));
    let mut widget = field.into_annotation();
    widget
        .rect(Rect::new(x1, y1, x2, y2))
        .page(page)
        .flags(AnnotationFlags::PRINT | AnnotationFlags::LOCKED);
    if let Some(key) = key {
        widget.struct_parent(key);
    }
    widget.appearance().normal().stream(appearance);
    widget.finish();
}
