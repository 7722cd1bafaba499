//! Every text of a report that ends up on the page, with its JSON path:
//! for checks that concern what is printed (the signature tag must occur
//! nowhere else; the font must have every character).

use super::{Block, Inline, Nilai, Report, Sel};

/// The printed texts of a report, each with its JSON path, in document
/// order. Markup is removed (a link's target is not printed); a text whose
/// markup does not parse is left out (validation reports it).
pub fn printed_texts(report: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |path: String, text: &str| out.push((path, text.to_owned()));
    let inline = |t: &Inline| t.plain_text().unwrap_or_default();

    add("unit.nama".into(), &report.unit.nama);
    for (i, s) in report.kinerja.sasaran.iter().enumerate() {
        let p = format!("kinerja.sasaran[{i}]");
        add(format!("{p}.kode"), &s.kode);
        add(format!("{p}.uraian"), &inline(&s.uraian));
        for (j, ind) in s.indikator.iter().enumerate() {
            let p = format!("{p}.indikator[{j}]");
            add(format!("{p}.kode"), &ind.kode);
            add(format!("{p}.uraian"), &inline(&ind.uraian));
            add(format!("{p}.satuan"), &ind.satuan);
            for (field, v) in [
                ("target_pk", &ind.target_pk),
                ("target", &ind.target),
                ("capaian", &ind.capaian),
            ] {
                if let Nilai::Teks(t) = v {
                    add(format!("{p}.{field}"), t);
                }
            }
        }
    }
    let mut blocks_out = Vec::new();
    for (i, a) in report.analisis.iter().enumerate() {
        for (part, blocks) in [
            ("progress", &a.progress),
            ("kendala", &a.kendala),
            ("strategi", &a.strategi),
        ] {
            blocks_texts(&format!("analisis[{i}].{part}"), blocks, &mut blocks_out);
        }
    }
    for (i, r) in report.anggaran.rincian.iter().enumerate() {
        let p = format!("anggaran.rincian[{i}]");
        blocks_out.push((format!("{p}.kode"), r.kode.clone()));
        blocks_out.push((format!("{p}.uraian"), inline(&r.uraian)));
        blocks_out.push((format!("{p}.satuan"), r.satuan.clone()));
    }
    blocks_texts("rekomendasi", &report.rekomendasi, &mut blocks_out);
    let p = &report.penutup;
    for (field, text) in [
        ("tempat", &p.tempat),
        ("jabatan", &p.jabatan),
        ("keterangan", &p.keterangan),
        ("nama", &p.nama),
        ("nip", &p.nip),
    ] {
        blocks_out.push((format!("penutup.{field}"), text.clone()));
    }
    if let Some(items) = &report.catatan {
        for (i, item) in items.iter().enumerate() {
            blocks_out.push((format!("catatan[{i}]"), inline(item)));
        }
    }
    out.extend(blocks_out);
    out
}

fn blocks_texts(path: &str, blocks: &[Block], out: &mut Vec<(String, String)>) {
    let inline = |t: &Inline| t.plain_text().unwrap_or_default();
    for (i, b) in blocks.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match b {
            Block::Paragraf(t) => out.push((p, inline(t))),
            Block::Daftar(d) => {
                for (j, item) in d.butir.iter().enumerate() {
                    let p = format!("{p}.daftar.butir[{j}]");
                    if item.isi.is_empty() {
                        out.push((p, inline(&item.teks)));
                    } else {
                        out.push((format!("{p}.teks"), inline(&item.teks)));
                        blocks_texts(&format!("{p}.isi"), &item.isi, out);
                    }
                }
            }
            Block::Tabel(t) => {
                let p = format!("{p}.tabel");
                for (j, k) in t.kolom.iter().enumerate() {
                    out.push((format!("{p}.kolom[{j}].judul"), inline(&k.judul)));
                }
                for (j, row) in t.baris.iter().enumerate() {
                    for (k, cell) in row.iter().enumerate() {
                        if let Sel::Teks(text) = cell {
                            out.push((format!("{p}.baris[{j}][{k}]"), inline(text)));
                        }
                    }
                }
                if let Some(c) = &t.keterangan {
                    out.push((format!("{p}.keterangan"), inline(c)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_of_the_minimal_report_with_their_paths() {
        let r = crate::parse_report(include_bytes!("../../tests-data/minimal.json")).unwrap();
        let texts = printed_texts(&r);
        let find = |path: &str| {
            texts
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(find("unit.nama"), Some("UPT Contoh"));
        assert_eq!(
            find("kinerja.sasaran[0].indikator[0].kode"),
            Some("IKK 1.1")
        );
        assert_eq!(
            find("analisis[0].progress[0]"),
            Some("Kegiatan yang sudah dilakukan adalah rapat koordinasi.")
        );
        assert_eq!(find("penutup.nip"), Some("197001012000031001"));
    }
}
