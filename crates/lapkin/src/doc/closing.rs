//! The closing block: place and date, and each signer's position, the
//! space for the signature, the line under it, the name and the NIP.

use super::build::{bold, plain};
use super::{Block, Signature};
use crate::model::{Letak, Penutup, Report, Signer};
use crate::units::{Pt, Size};

/// The closing block of `report`: nothing without `penutup`; one block per
/// signer, stacked, or one row of them side by side. The place and date
/// head the first stacked signer, or the last of a row (the one at the
/// right).
pub(super) fn closing(report: &Report) -> Vec<Block> {
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
            let mut sig = signature(report, p, (k, s), k == dated);
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
fn signature(report: &Report, p: &Penutup, (k, s): (usize, &Signer), dated: bool) -> Signature {
    let listed = p.penanda_tangan.get(k);
    let path = match listed {
        Some(_) => format!("penutup.penanda_tangan[{k}]"),
        None => "penutup".to_owned(),
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
    let (width_path, tag_path) = match listed {
        Some(l) => (
            if l.lebar_mm.is_some() {
                format!("{path}.lebar_mm")
            } else {
                "tanda_tangan.lebar_mm".to_owned()
            },
            if l.tag.is_some() {
                format!("{path}.tag")
            } else {
                "tanda_tangan.tag".to_owned()
            },
        ),
        None => (
            "tanda_tangan.lebar_mm".to_owned(),
            "tanda_tangan.tag".to_owned(),
        ),
    };
    Signature {
        path,
        width_path,
        tag_path,
        electronic: s.elektronik,
        field: listed.and_then(|l| l.field.clone()),
        signer: s.nama.clone(),
        ..Signature::new(
            before,
            Size::new(Pt::from_mm(lebar), Pt::from_mm(tinggi)),
            after,
        )
    }
}
