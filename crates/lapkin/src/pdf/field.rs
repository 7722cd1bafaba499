//! The empty signature fields over the signature boxes, for PAdES signers
//! (pyHanko, Adobe): each a field merged with its widget annotation (`/FT
//! /Sig`, no `/V`), printable and locked, with an empty appearance, and in
//! a tagged document a `Form` element in its signer's `Div`.

use pdf_writer::types::{AnnotationFlags, FieldType};
use pdf_writer::{Finish, Rect, Ref, TextStr};

use super::PdfOptions;
use super::file::Writer;
use crate::error::Result;
use crate::field;
use crate::frame::{Layout, NodeId, Role, SignatureBox};
use crate::problem::{Arg, Kind, Location, Problem};
use crate::signing::SignaturePlacement;

/// A signature field to be written.
pub(super) struct Field<'a> {
    /// Its box.
    pub b: &'a SignatureBox,
    /// Its name.
    pub name: String,
    /// Its object (field and widget).
    pub id: Ref,
    /// Its page (0-based).
    pub page: usize,
    /// In a tagged layout, the `Div` its `Form` element goes into (its
    /// signer's, else the last) and its key in the parent tree.
    pub form: Option<(NodeId, i32)>,
}

/// The name of the field over each box (see `field::field_names`).
fn names(layout: &Layout, opts: &PdfOptions) -> Vec<Option<String>> {
    field::field_names(
        layout.signatures.iter().map(|b| b.field.as_deref()),
        opts.signature_field.as_deref(),
    )
}

/// The fields to write, each with its object number (allocated now, for
/// its page's `/Annots`) and its place in the tag tree: the parent tree's
/// keys after the pages' (`check_fields` has checked the names).
pub(super) fn plan<'a>(w: &mut Writer, layout: &'a Layout, opts: &PdfOptions) -> Vec<Field<'a>> {
    let nodes = &layout.structure.nodes;
    let mut next_key = layout.pages.len() as i32;
    let boxes = layout.signatures.iter().zip(names(layout, opts));
    let boxes = boxes.filter_map(|(b, name)| Some((b, name?)));
    let fields = boxes.map(|(b, name)| {
        let div = b
            .node
            .filter(|n| nodes.get(*n).is_some_and(|n| n.role == Role::Div));
        let div = div.or_else(|| nodes.iter().rposition(|n| n.role == Role::Div));
        let form = div.map(|div| {
            next_key += 1;
            (div, next_key - 1)
        });
        let (id, page) = (w.alloc(), b.page - 1);
        Field {
            b,
            name,
            id,
            page,
            form,
        }
    });
    fields.collect()
}

/// Writes a field over its box on its page (`page`).
pub(super) fn write_field(w: &mut Writer, f: &Field<'_>, page: Ref) {
    let placement = SignaturePlacement::new(f.b, Some(f.name.clone()));
    let [x1, y1, x2, y2] = placement.pdf_rect.map(|v| v as f32);
    let appearance = w.alloc();
    w.stream(appearance)
        .form_xobject(appearance, &[])
        .bbox(Rect::new(0.0, 0.0, x2 - x1, y2 - y1))
        .resources();
    let mut field = w.object(f.id).form_field(f.id);
    // The name a screen reader speaks (PDF/UA: a form field needs /TU, or
    // an /Alt on its element).
    let spoken = match &f.b.signer {
        Some(signer) => format!("Tanda tangan elektronik {signer}"),
        None => "Tanda tangan elektronik".to_owned(),
    };
    field
        .field_type(FieldType::Signature)
        .partial_name(TextStr(&f.name))
        .alternate_name(TextStr(&spoken));
    let mut widget = field.into_annotation();
    widget
        .rect(Rect::new(x1, y1, x2, y2))
        .page(page)
        .flags(AnnotationFlags::PRINT | AnnotationFlags::LOCKED);
    if let Some((_, key)) = f.form {
        widget.struct_parent(key);
    }
    widget.appearance().normal().stream(appearance);
    widget.finish();
}

/// The signature fields asked for (by the options, or by the boxes
/// themselves) must have valid, distinct names and a signature box to lie
/// over.
pub(super) fn check_fields(layout: &Layout, opts: &PdfOptions) -> Result<()> {
    let names = names(layout, opts);
    let at = || Location::Option("pdf.signature_field".into());
    let asked = opts.signature_field.iter().chain(names.iter().flatten());
    let named = |kind, name: &str| Problem::new(at(), kind).with("name", Arg::quoted(name));
    let problem = (asked.filter_map(|n| field::check_signature_field_name(n).err()))
        .map(|p| p.placed(at()))
        .next()
        .or_else(|| {
            let without_box = opts
                .signature_field
                .as_ref()
                .filter(|_| layout.signatures.is_empty());
            without_box.map(|name| named(Kind::FieldWithoutBox, name))
        })
        .or_else(|| field::repeated_name(&names).map(|name| named(Kind::FieldNameTwice, name)));
    problem.map_or(Ok(()), |p| Err(p.into()))
}
