//! The layout's images as image XObjects: a JPEG as given (`/DCTDecode`),
//! other samples as the media stage compressed them (`/FlateDecode`), the
//! alpha channel as a soft mask (`/SMask`, allowed by PDF/A-2 and -3), in
//! DeviceGray or DeviceRGB under the sRGB output intent. Never
//! `/Interpolate`.

use pdf_writer::{Filter, Name, Ref};
use sha2::{Digest, Sha256};

use super::file::Writer;
use crate::frame::Layout;
use crate::media::{Encoding, Image};

/// The resource name of image `k`.
pub(crate) fn name(k: usize) -> String {
    format!("LKIM{k}")
}

/// Writes one sample stream of `image` (its colour, or with `mask` its
/// alpha channel as a grey image), with the soft mask `smask` if any.
fn write(w: &mut Writer, id: Ref, image: &Image, mask: Option<&[u8]>, smask: Option<Ref>) {
    let data = mask.unwrap_or(&image.data);
    let mut x = w.stream(id).image_xobject(id, data);
    x.width(image.width as i32).height(image.height as i32);
    x.bits_per_component(i32::from(image.bits));
    let gray = mask.is_some() || image.components == 1;
    x.color_space_name(Name(if gray { b"DeviceGray" } else { b"DeviceRGB" }));
    x.filter(match (mask, image.encoding) {
        (None, Encoding::Jpeg) => Filter::DctDecode,
        _ => Filter::FlateDecode,
    });
    if let Some(s) = smask {
        x.s_mask(s);
    }
}

/// Writes every image of `layout` (each fed to the document ID's `hash`)
/// and returns their objects, in order.
pub(super) fn write_images(w: &mut Writer, layout: &Layout, hash: &mut Sha256) -> Vec<Ref> {
    let mut refs = Vec::with_capacity(layout.images.len());
    for image in &layout.images {
        hash.update(&image.data);
        let id = w.alloc();
        let smask = image.alpha.as_deref().map(|alpha| {
            hash.update(alpha);
            let s = w.alloc();
            write(w, s, image, Some(alpha), None);
            s
        });
        write(w, id, image, None, smask);
        refs.push(id);
    }
    refs
}

/// A figure's alternative text (`/Alt`) and the box it covers on its page
/// (`/A << /O /Layout /BBox [...] >>`), a page `height` high.
pub(super) fn figure_attributes(
    e: &mut pdf_writer::writers::StructElement<'_>,
    node: &crate::frame::StructNode,
    height: Option<crate::units::Pt>,
) {
    if let Some(alt) = &node.alt {
        e.alt(pdf_writer::TextStr(alt));
    }
    if let (Some(b), Some(h)) = (node.bbox, height) {
        let n = |v: f64| ((v * 100.0).round() / 100.0) as f32;
        let rect = pdf_writer::Rect::new(
            n(b.x.0),
            n(h.0 - b.bottom().0),
            n(b.right().0),
            n(h.0 - b.y.0),
        );
        let attrs = e
            .insert(Name(b"A"))
            .start::<pdf_writer::writers::Attributes<'_>>();
        attrs.layout().bbox(rect);
    }
}
