//! The empty signature fields over the signature boxes, for PAdES signers
//! (pyHanko, Adobe): each a field merged with its widget annotation (`/FT
//! /Sig`, no `/V`), printable and locked, with an empty appearance, and in
//! a tagged document a `Form` element in its signer's `Div`.

use pdf_writer::types::{AnnotationFlags, FieldType};
use pdf_writer::{Finish, Rect, Ref, TextStr};

use super::PdfOptions;
use super::document::Pages;
use super::file::Writer;
use super::tags::{self, Form};
use crate::error::Result;
use crate::field;
use crate::frame::{Layout, SignatureBox};
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
}

/// The name of the field over each box (see `field::field_names`).
fn names(layout: &Layout, opts: &PdfOptions) -> Vec<Option<String>> {
    field::field_names(
        layout.signatures.iter().map(|b| b.field.as_deref()),
        opts.signature_field.as_deref(),
    )
}

/// The fields to write, each with its object number (allocated now, for
/// its page's `/Annots`). The layout and the names are checked.
pub(super) fn plan<'a>(w: &mut Writer, layout: &'a Layout, opts: &PdfOptions) -> Vec<Field<'a>> {
    let boxes = layout.signatures.iter().zip(names(layout, opts));
    boxes
        .filter_map(|(b, name)| {
            name.map(|name| Field {
                b,
                name,
                id: w.alloc(),
                page: b.page.saturating_sub(1),
            })
        })
        .collect()
}

/// Writes the fields; in a tagged layout each whose signer has a `Div`
/// gets the parent tree's next key, and comes back as a [`Form`].
pub(super) fn write_fields(
    w: &mut Writer,
    layout: &Layout,
    fields: &[Field<'_>],
    pages: &Pages,
) -> Vec<Form> {
    let mut forms = Vec::new();
    for f in fields {
        let div = tags::form_parent(layout, f.b);
        let key = div.map(|div| {
            let key = pages.next_key + forms.len() as i32;
            forms.push(Form {
                widget: f.id,
                page: f.page,
                div,
                key,
            });
            key
        });
        write_field(w, f, pages.refs[f.page], key);
    }
    forms
}

/// Writes one field over its box on `page`; `key` is its key in the
/// parent tree if the tag tree has a place for it.
fn write_field(w: &mut Writer, f: &Field<'_>, page: Ref, key: Option<i32>) {
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
    if let Some(key) = key {
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
    let mut problem = asked
        .filter_map(|n| field::check_signature_field_name(n).err())
        .map(|p| p.placed(at()))
        .next();
    if problem.is_none()
        && let Some(name) = &opts.signature_field
        && layout.signatures.is_empty()
    {
        problem = Some(Problem::new(at(), Kind::FieldWithoutBox).with("name", Arg::quoted(name)));
    }
    if problem.is_none()
        && let Some(name) = field::repeated_name(&names)
    {
        problem = Some(Problem::new(at(), Kind::FieldNameTwice).with("name", Arg::quoted(name)));
    }
    match problem {
        Some(p) => Err(p.into()),
        None => Ok(()),
    }
}
