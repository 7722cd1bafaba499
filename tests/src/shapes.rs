//! The shapes of other units' reports, for the generated reports of the
//! property tests and the fuzz targets (`Mix::unit_shapes`): a report of
//! `generate` reshaped with the options of issue 20, keeping it valid, and
//! keeping every word it holds printed (a column is chosen for every value
//! the rows have), so that the properties still hold.

use arbitrary::{Result, Unstructured};
use serde_json::{Map, Value, json};

use crate::generate::{Mix, blocks, line, number, pick, plain_word, text_of};

/// Reshapes a generated report (`generate::report_with`) as another unit
/// would write it, each option on or off by the bytes.
pub fn reshape(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    wording(u, mix, report)?;
    let codes = u.ratio(2, 3)?;
    kinerja(u, mix, report, codes)?;
    if u.ratio(1, 5)? {
        report.as_object_mut().map(|o| o.remove("anggaran"));
    } else {
        anggaran(u, mix, report)?;
    }
    penutup(u, mix, report)?;
    halaman(u, mix, report)?;
    susunan(u, mix, report)?;
    Ok(())
}

/// The title, the intro or its period, the quarter in roman numerals.
fn wording(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    // The unit's name is printed in the standard title or the standard
    // intro: one of them stays.
    let own_title = u.ratio(1, 2)?;
    if own_title {
        let n = u.int_in_range(1..=3)?;
        let lines: Vec<String> = (0..n)
            .map(|_| line(u, mix, 8).map(|l| l.to_uppercase()))
            .collect::<Result<_>>()?;
        report["judul"] = json!(lines);
    }
    match u.int_in_range(0..=3)? {
        1 | 2 if own_title => {}
        0 => report["periode"] = json!(pick(u, &["s.d Bulan Juli", "s.d. Triwulan II"])?),
        1 => report["pengantar"] = json!([]),
        2 => report["pengantar"] = json!(blocks(u, mix)?),
        _ => {}
    }
    if u.ratio(1, 2)? {
        report["angka_triwulan"] = json!("romawi");
    }
    Ok(())
}

/// Groups some neighbouring columns of a table under shared headings,
/// one or two levels deep.
pub fn group_columns(u: &mut Unstructured<'_>, kolom: &mut [Value]) -> Result<()> {
    let n = kolom.len();
    if n < 2 {
        return Ok(());
    }
    let start = u.int_in_range(0..=n - 2)?;
    let end = u.int_in_range(start + 2..=n)?;
    let outer = format!("TW {}", pick(u, &["I", "II", "III", "IV"])?);
    let two = u.ratio(1, 3)? && end - start >= 3;
    for (i, k) in kolom[start..end].iter_mut().enumerate() {
        k["grup"] = if two && i > 0 {
            json!([outer, "Realisasi"])
        } else {
            json!(outer)
        };
    }
    Ok(())
}

/// Table A: codes left out (the analyses then have their own headings),
/// the unit's own numbers, values such as "TW2 : 250", realisation and
/// cumulative quarters, and columns chosen for every value the rows have,
/// in an order of the unit's, with percentages and groups.
fn kinerja(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value, codes: bool) -> Result<()> {
    let mut extra: Vec<&str> = Vec::new();
    let own_no = u.ratio(1, 3)?;
    let renaksi = u.ratio(1, 2)?;
    let realisasi = u.ratio(1, 2)?;
    let quarters = u.ratio(1, 4)?;
    let keterangan = u.ratio(1, 4)?;
    let sasaran = report["kinerja"]["sasaran"].as_array_mut();
    for (i, s) in sasaran.into_iter().flatten().enumerate() {
        if !codes {
            s.as_object_mut().map(|o| o.remove("kode"));
        }
        for (j, ind) in s["indikator"]
            .as_array_mut()
            .into_iter()
            .flatten()
            .enumerate()
        {
            if !codes {
                ind.as_object_mut().map(|o| o.remove("kode"));
            }
            if own_no {
                ind["no"] = json!(if u.ratio(1, 2)? {
                    json!(i + 1)
                } else {
                    json!(format!("{}.{}", i + 1, j + 1))
                });
            }
            if renaksi {
                ind["target_renaksi"] =
                    json!(format!("TW{} : {}", i + 1, u.int_in_range(0..=999u32)?));
            }
            if realisasi {
                ind["realisasi"] = number(u, false)?;
            }
            if quarters {
                ind["tw1"] = number(u, false)?;
                ind["tw2"] = json!(pick(u, &["BB", "A", "WTP"])?);
            }
            if keterangan {
                ind["keterangan"] = json!(text_of(u, mix, 1, 6)?);
            }
        }
    }
    for (on, isi) in [
        (renaksi, "target_renaksi"),
        (realisasi, "realisasi"),
        (quarters, "tw1"),
        (quarters, "tw2"),
        (keterangan, "keterangan"),
    ] {
        if on {
            extra.push(isi);
        }
    }
    if !codes {
        headings_for_analyses(u, mix, report)?;
    }
    if u.ratio(1, 2)? || !extra.is_empty() {
        report["kinerja"]["kolom"] = json!(kinerja_columns(u, &extra, realisasi)?);
    }
    Ok(())
}

/// Without codes, each analysis has its own heading, and some their own
/// parts.
fn headings_for_analyses(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    for a in report["analisis"].as_array_mut().into_iter().flatten() {
        let o = a.as_object_mut().expect("an analysis is an object");
        o.remove("indikator");
        o.insert("judul".into(), json!(text_of(u, mix, 2, 10)?));
        if u.ratio(1, 2)? {
            let mut parts = Vec::new();
            for key in ["progress", "kendala", "strategi"] {
                let isi = o.remove(key).unwrap_or_else(|| json!(["Teks."]));
                let judul = pick(u, &["Faktor Pendukung", "Faktor Penghambat", "Solusi"])?;
                parts.push(json!({ "judul": judul, "isi": isi }));
            }
            o.insert("bagian".into(), json!(parts));
        }
    }
    Ok(())
}

/// Table A's columns: the standard ones, the `extra` values, maybe a
/// percentage, in an order with some headings and groups of the unit's.
fn kinerja_columns(
    u: &mut Unstructured<'_>,
    extra: &[&str],
    realisasi: bool,
) -> Result<Vec<Value>> {
    let mut isi: Vec<&str> = vec![
        "no",
        "sasaran",
        "indikator",
        "satuan",
        "target_pk",
        "target",
        "capaian",
    ];
    isi.extend(extra);
    // The value columns in an order of the unit's (No, Sasaran and
    // Indikator first).
    let values = &mut isi[3..];
    for i in (1..values.len()).rev() {
        let j = u.int_in_range(0..=i)?;
        values.swap(i, j);
    }
    let mut kolom: Vec<Value> = isi.iter().map(|i| json!({ "isi": i })).collect();
    if u.ratio(1, 2)? {
        let mut p =
            json!({ "isi": "persen", "dari": if realisasi { "realisasi" } else { "capaian" } });
        if u.ratio(1, 2)? {
            p["terhadap"] = json!("target_pk");
            p["desimal"] = json!(u.int_in_range(0..=3u8)?);
        }
        kolom.push(p);
    }
    for k in &mut kolom {
        if u.ratio(1, 4)? {
            k["judul"] = json!(format!("{} {}", plain_word(u)?, plain_word(u)?));
        }
    }
    if u.ratio(1, 2)? {
        let (head, values) = kolom.split_at_mut(3);
        let _ = head;
        group_columns(u, values)?;
    }
    Ok(kolom)
}

/// The budget table: by type of spending with its spending plan, or with
/// rows under parent rows; columns chosen; an achievement beyond the
/// volume.
fn anggaran(u: &mut Unstructured<'_>, _mix: &Mix, report: &mut Value) -> Result<()> {
    let rows = report["anggaran"]["rincian"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if u.ratio(1, 2)? {
        // By type of spending.
        let rows: Vec<Value> = rows
            .iter()
            .map(|r| {
                let mut o = Map::new();
                o.insert("uraian".into(), r["uraian"].clone());
                o.insert("pagu".into(), r["pagu"].clone());
                o.insert("realisasi".into(), r["realisasi"].clone());
                o.insert("rpd".into(), r["realisasi"].clone());
                Value::Object(o)
            })
            .collect();
        report["anggaran"] = json!({ "rincian": rows });
        if u.ratio(1, 2)? {
            report["anggaran"]["kolom"] = json!([
                { "isi": "no" }, { "isi": "uraian", "judul": "Jenis Belanja" }, { "isi": "pagu" },
                { "isi": "rpd", "grup": "RPD" }, { "isi": "rpd_persen", "grup": "RPD" },
                { "isi": "realisasi" }, { "isi": "realisasi_persen", "desimal": 1 },
                { "isi": "sisa_anggaran" }
            ]);
        }
        return Ok(());
    }
    // Rows under a parent row, the parent's figures computed.
    let split = u.int_in_range(0..=rows.len())?;
    let mut top: Vec<Value> = rows[..split].to_vec();
    if split < rows.len() {
        top.push(json!({ "uraian": "Program Dukungan Manajemen", "rincian": rows[split..] }));
    }
    if let Some(first) = top.first_mut()
        && u.ratio(1, 3)?
        && let Some(v) = first["volume"].as_u64()
    {
        // More achieved than planned: nothing left to do, not a negative.
        first["capaian"] = json!(v + 3);
    }
    report["anggaran"]["rincian"] = json!(top);
    Ok(())
}

/// The closing block: several signers (side by side or stacked, in ink
/// or electronically, with or without a NIP and its own label), a month
/// for a date, or none at all.
fn penutup(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    match u.int_in_range(0..=4)? {
        0 => {
            report.as_object_mut().map(|o| o.remove("penutup"));
            return Ok(());
        }
        1 | 2 => {
            let n = u.int_in_range(2..=4)?;
            let mut signers = Vec::new();
            for k in 0..n {
                let mut s = json!({
                    "jabatan": [format!("{},", plain_word(u)?), format!("Kepala {},", line(u, mix, 3)?)],
                    "nama": line(u, mix, 3)?,
                });
                if u.ratio(1, 2)? {
                    s["nip"] = json!("196805091993032001");
                    s["label_nip"] = json!(pick(u, &["NIP", "NIP."])?);
                }
                if u.ratio(1, 3)? {
                    s["elektronik"] = json!(false);
                }
                if u.ratio(1, 4)? {
                    s["field"] = json!(format!("ttd_{k}"));
                }
                signers.push(s);
            }
            let p = report["penutup"].as_object_mut().expect("an object");
            for key in ["jabatan", "nama", "nip"] {
                p.remove(key);
            }
            p.insert("penanda_tangan".into(), json!(signers));
            if u.ratio(1, 2)? {
                p.insert("letak".into(), json!("bersusun"));
            }
        }
        3 => {
            report["penutup"]["elektronik"] = json!(false);
            report["penutup"]["label_nip"] = json!("NIP.");
        }
        _ => {
            report["penutup"].as_object_mut().map(|o| o.remove("nip"));
        }
    }
    if u.ratio(1, 3)?
        && let Some(t) = report["penutup"]["tanggal"].as_str()
    {
        report["penutup"]["tanggal"] = json!(t[..7].to_owned());
    }
    Ok(())
}

/// The page furniture: the page number's wording, a running header and
/// footer, the note's label and markers, or no note.
fn halaman(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    let mut h = Map::new();
    if u.ratio(1, 2)? {
        let nomor = pick(
            u,
            &[
                "{halaman}",
                "Lapkin Triwulan II \u{2013} {halaman}",
                "Hal. {halaman}/{jumlah}",
                "",
            ],
        )?;
        h.insert("nomor".into(), json!(nomor));
    }
    if u.ratio(1, 3)? {
        h.insert("kepala".into(), json!(line(u, mix, 6)?));
    }
    if u.ratio(1, 3)? {
        h.insert("kaki".into(), json!(line(u, mix, 6)?));
    }
    if u.ratio(1, 3)? {
        h.insert(
            "judul_catatan".into(),
            json!(pick(u, &["Keterangan :", ""])?),
        );
        h.insert(
            "penomoran_catatan".into(),
            json!(pick(u, &["huruf", "strip", "tanpa"])?),
        );
    }
    report["halaman"] = Value::Object(h);
    if u.ratio(1, 5)? {
        report["catatan"] = json!([]);
    }
    Ok(())
}

/// The sections: numbering, capitals for the standard headings, free
/// sections with sub-headings between the standard parts, some unnumbered,
/// the closing block placed after a foreword.
fn susunan(u: &mut Unstructured<'_>, mix: &Mix, report: &mut Value) -> Result<()> {
    if u.ratio(1, 3)? {
        return Ok(());
    }
    let penomoran = pick(u, &["huruf", "angka", "romawi", "bab", "tanpa"])?;
    let capitals = u.ratio(1, 3)?;
    // In capitals when the headings are printed so (the words compared
    // with the pages are the JSON's).
    let title = |t: String| if capitals { t.to_uppercase() } else { t };
    let mut bagian = Vec::new();
    if u.ratio(1, 2)? {
        let judul = title("Kata Pengantar".to_owned());
        bagian.push(json!({ "judul": judul, "bernomor": false, "isi": blocks(u, mix)? }));
        if u.ratio(1, 2)? {
            bagian.push(json!({ "jenis": "penutup" }));
        }
    }
    for jenis in ["kinerja", "analisis", "anggaran", "rekomendasi"] {
        if u.ratio(1, 4)? {
            let isi = vec![
                json!({ "judul": format!("1.{} {}", u.int_in_range(1..=9u8)?, plain_word(u)?) }),
                json!(text_of(u, mix, 3, 20)?),
            ];
            bagian.push(json!({ "judul": title(line(u, mix, 4)?), "isi": isi }));
        }
        let mut b = json!({ "jenis": jenis });
        if !capitals && u.ratio(1, 3)? {
            b["judul"] = json!(line(u, mix, 5)?);
        }
        if u.ratio(1, 5)? {
            b["bernomor"] = json!(false);
        }
        if mix.landscape && u.ratio(1, 4)? {
            b["mendatar"] = json!(true);
        }
        bagian.push(b);
    }
    let mut s = json!({ "penomoran": penomoran, "bagian": bagian });
    if capitals {
        s["huruf_besar"] = json!(true);
    }
    report["susunan"] = s;
    Ok(())
}
