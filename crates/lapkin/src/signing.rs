//! Where the electronic signature goes, in the terms of the signers.
//!
//! BSrE's signing service (through an agency's Esign Client Service) adds
//! its own signature field, placed by the tag character it finds in the
//! text or by coordinates: v1 (`POST /api/sign/pdf`) takes `page`, `xAxis`,
//! `yAxis`, `width`, `height` from the bottom-left corner of the page, v2
//! (`POST /api/v2/sign/pdf`) takes `page`, `originX`, `originY`, `width`,
//! `height` from the top-left corner. PAdES signers such as pyHanko sign
//! into an empty signature field, or make one at a rectangle given in PDF
//! coordinates. [`SignaturePlacement`] gives all of these for one box.

use serde::Serialize;

use crate::frame::SignatureBox;
use crate::units::Rect;

fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Coordinates for BSrE's v1 API: points from the bottom-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BsreV1 {
    /// 1-based page number.
    pub page: usize,
    /// Left edge of the box.
    pub x_axis: f64,
    /// Bottom edge of the box, from the bottom of the page.
    pub y_axis: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Coordinates for BSrE's v2 API: points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BsreV2 {
    /// 1-based page number.
    pub page: usize,
    /// Left edge of the box.
    pub origin_x: f64,
    /// Top edge of the box, from the top of the page.
    pub origin_y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The signature box in every convention a signer needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignaturePlacement {
    /// 1-based page number.
    pub page: usize,
    /// The box in points from the top-left corner (lapkin's pages).
    pub rect: Rect,
    /// The box as a PDF rectangle `[x1, y1, x2, y2]`: points from the
    /// bottom-left corner, as pyHanko's `--field PAGE/x1,y1,x2,y2/NAME`
    /// and a field's `/Rect` take it.
    pub pdf_rect: [f64; 4],
    /// For `tag_koordinat`: the character drawn, invisible, in the box.
    pub tag: Option<String>,
    /// The empty signature field over the box, if one was added.
    pub field: Option<String>,
    /// Who signs in this box (the signer's name), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// For BSrE's v1 API.
    pub bsre_v1: BsreV1,
    /// For BSrE's v2 API.
    pub bsre_v2: BsreV2,
}

impl SignaturePlacement {
    /// The placement of a laid-out signature box; `field` is the name of the
    /// empty signature field, if the PDF has one.
    ///
    /// ```
    /// use lapkin::layout::{Pt, Rect, SignatureBox, Size};
    /// use lapkin::pdf::SignaturePlacement;
    ///
    /// let rect = Rect::new(Pt(380.0), Pt(600.0), Pt(100.0), Pt(56.0));
    /// let placement = SignaturePlacement::new(&SignatureBox::new(1, rect, Size::A4.height), None);
    /// // BSrE's v1 API counts from the bottom-left corner, in points.
    /// assert_eq!(placement.bsre_v1.y_axis, 185.89);
    /// assert_eq!(placement.pdf_rect, [380.0, 185.89, 480.0, 241.89]);
    /// ```
    pub fn new(b: &SignatureBox, field: Option<String>) -> Self {
        let r = b.rect;
        let bottom = b.page_height - r.bottom();
        let (w, h) = (r2(r.width.0), r2(r.height.0));
        SignaturePlacement {
            page: b.page,
            rect: Rect::new(
                crate::units::Pt(r2(r.x.0)),
                crate::units::Pt(r2(r.y.0)),
                crate::units::Pt(w),
                crate::units::Pt(h),
            ),
            pdf_rect: [
                r2(r.x.0),
                r2(bottom.0),
                r2(r.right().0),
                r2((b.page_height - r.y).0),
            ],
            tag: b.tag.map(String::from),
            field,
            signer: b.signer.clone(),
            bsre_v1: BsreV1 {
                page: b.page,
                x_axis: r2(r.x.0),
                y_axis: r2(bottom.0),
                width: w,
                height: h,
            },
            bsre_v2: BsreV2 {
                page: b.page,
                origin_x: r2(r.x.0),
                origin_y: r2(r.y.0),
                width: w,
                height: h,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Pt;

    #[test]
    fn both_conventions_describe_the_same_box() {
        let mut b = SignatureBox::new(
            12,
            Rect::new(Pt(308.58), Pt(104.43), Pt(85.04), Pt(85.04)),
            Pt(841.89),
        );
        b.tag = Some('#');
        let p = SignaturePlacement::new(&b, Some("ttd_kepala".into()));
        assert_eq!(
            p.bsre_v1,
            BsreV1 {
                page: 12,
                x_axis: 308.58,
                y_axis: 652.42,
                width: 85.04,
                height: 85.04
            }
        );
        assert_eq!(
            p.bsre_v2,
            BsreV2 {
                page: 12,
                origin_x: 308.58,
                origin_y: 104.43,
                width: 85.04,
                height: 85.04
            }
        );
        assert_eq!(p.pdf_rect, [308.58, 652.42, 393.62, 737.46]);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["bsre_v1"]["xAxis"], serde_json::json!(308.58));
        assert_eq!(json["bsre_v2"]["originY"], serde_json::json!(104.43));
        assert_eq!(json["tag"], "#");
    }
}
