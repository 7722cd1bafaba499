//! The closing block: place and date, and each signer's position, the
//! space for the signature, the line under it, the name and the NIP.

use super::build::{bold, plain};
use super::{Block, Origin, Signature};
use crate::model::{Letak, Penutup, Report, Signer};
use crate::problem::JsonPath;
use crate::units::{Pt, Size};

/// Where the closing block's parts are in the report: `penutup`, each of
/// `penutup.penanda_tangan`, and `tanda_tangan`.
#[derive(Debug, Default)]
pub(super) struct ClosingPaths {
    /// `penutup`.
    pub penutup: Option<JsonPath>,
    /// Each listed signer.
    pub signers: Vec<JsonPath>,
    /// `tanda_tangan`.
    pub tanda_tangan: Option<JsonPath>,
}

impl ClosingPaths {
    /// The origin of `field` of the signer at `own` if it gives it, else
    /// of `tanda_tangan`'s.
    fn field(&self, own: Option<&JsonPath>, field: &'static str) -> Origin {
        own.or(self.tanda_tangan.as_ref())
            .map_or_else(Origin::none, |p| Origin::at(p.child(field)))
    }
}

/// The closing block of `report`: nothing without `penutup`; one block per
/// signer, stacked, or one row of them side by side. The place and date
/// head the first stacked signer, or the last of a row (the one at the
/// right).
pub(super) fn closing(report: &Report, paths: &ClosingPaths) -> Vec<Block> {
    let Some(p) = &report.penutup else {
        return Vec::new();
    };
    let signers = p.signers();
    let n = signers.len();
    let side_by_side = n > 1 && p.letak == Letak::Berdampingan;
    let dated = if side_by_side { n - 1 } else { 0 };
    let tags = report.signer_tags();
    let blocks: Vec<Signature> = signers
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut sig = signature(report, (p, paths), (k, s), k == dated);
            sig.tag = tags.get(k).cloned().flatten().map(|(tag, _)| tag);
            sig
        })
        .collect();
    if side_by_side {
        vec![Block::SignatureRow(blocks)]
    } else {
        blocks.into_iter().map(Block::Signature).collect()
    }
}

/// Signer `k` as a signature block, headed by the place and date if
/// `dated`.
fn signature(
    report: &Report,
    (p, paths): (&Penutup, &ClosingPaths),
    (k, s): (usize, &Signer),
    dated: bool,
) -> Signature {
    let listed = p.penanda_tangan.get(k);
    let path = match listed {
        Some(_) => paths.signers.get(k),
        None => paths.penutup.as_ref(),
    };
    let mut before = Vec::new();
    if dated {
        before.push(plain(format!("{}, {}", p.tempat, p.tanggal.printed())));
    }
    before.extend(s.jabatan.iter().map(|l| plain(l.clone())));
    let mut after = Vec::new();
    if let Some(k) = &s.keterangan {
        after.push(plain(k.clone()));
    }
    after.push(bold(s.nama.clone()));
    if let Some(nip) = &s.nip {
        after.push(plain(format!("{} {nip}", s.label_nip)));
    }
    let t = &report.tanda_tangan;
    let lebar = listed.and_then(|l| l.lebar_mm).unwrap_or(t.lebar_mm);
    let tinggi = listed.and_then(|l| l.tinggi_mm).unwrap_or(t.tinggi_mm);
    let own_width = listed.and_then(|l| l.lebar_mm).and(path);
    let own_tag = listed.and_then(|l| l.tag.as_ref()).and(path);
    Signature {
        origin: path.cloned().map_or_else(Origin::none, Origin::at),
        space_origin: paths.field(own_width, "lebar_mm"),
        tag_origin: paths.field(own_tag, "tag"),
        electronic: s.elektronik,
        field: listed.and_then(|l| l.field.clone()),
        signer: s.nama.clone(),
        keep_last: s.nip.is_some(),
        ..Signature::new(
            before,
            Size::new(Pt::from_mm(lebar), Pt::from_mm(tinggi)),
            after,
        )
    }
}
