//! Random reports that look valid, for property tests and fuzzing.
//!
//! Everything is drawn from an [`arbitrary::Unstructured`], so the same code
//! serves a fuzzer (which steers the bytes) and the seeded property tests
//! ([`seeded`] turns a seed into bytes with a fixed PRNG, so a failing seed
//! reproduces). When the bytes run out every choice takes its smallest
//! value, so generation always ends.
//!
//! Most words are ordinary Indonesian, so that most reports are valid and
//! go all the way through layout. A [`Mix`] adds the hostile classes: long
//! words without a break, huge and tiny cells, deep lists, tall rows, tall
//! headers and notes, tables of many columns (nested in lists too),
//! figures, links, and every Unicode class that has tripped text layout.

use arbitrary::{Result, Unstructured};
use serde_json::{Value, json};

/// Which hostile classes a generated report may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mix {
    /// Words of hundreds to thousands of letters without a break point.
    pub long_words: bool,
    /// Soft hyphens, zero-width characters, combining accents, Hebrew and
    /// Arabic, tabs, control characters, emoji, CJK.
    pub unicode: bool,
    /// Tables of 10 to 80 columns (nested in lists too).
    pub wide_tables: bool,
    /// Figures in tables of many narrow columns, where they may not fit.
    pub narrow_figures: bool,
    /// Table headers and legal notes taller than a page.
    pub taller_than_page: bool,
    /// The shapes of other units' reports: own titles and sections, free
    /// sections, chosen and grouped columns, codes left out, budget rows
    /// by type of spending and with sub-rows, several signers, in ink or
    /// electronically, page furniture (see `lapkin_tests::shapes`).
    pub unit_shapes: bool,
    /// Tables and sections on landscape pages (`"mendatar": true`).
    pub landscape: bool,
    /// How big the report may get: the number of blocks, rows and words
    /// scale with it (1 gives a few pages).
    pub scale: u32,
}

impl Mix {
    /// Ordinary text only: Indonesian words, markup, links, figures in
    /// tables of up to six columns, lists six deep, tiny and huge cells,
    /// tall rows (many lines in one cell).
    pub const PLAIN: Mix = Mix {
        long_words: false,
        unicode: false,
        wide_tables: false,
        narrow_figures: false,
        taller_than_page: false,
        unit_shapes: false,
        landscape: false,
        scale: 1,
    };

    /// Every class.
    pub const ALL: Mix = Mix {
        long_words: true,
        unicode: true,
        wide_tables: true,
        narrow_figures: true,
        taller_than_page: true,
        unit_shapes: true,
        landscape: true,
        scale: 1,
    };

    /// A mix chosen by the bytes: each class on or off.
    pub fn arbitrary(u: &mut Unstructured<'_>) -> Result<Mix> {
        Ok(Mix {
            long_words: u.arbitrary()?,
            unicode: u.arbitrary()?,
            wide_tables: u.arbitrary()?,
            narrow_figures: u.arbitrary()?,
            taller_than_page: u.arbitrary()?,
            unit_shapes: u.arbitrary()?,
            landscape: u.arbitrary()?,
            scale: u.int_in_range(1..=2)?,
        })
    }
}

/// `len` bytes from a fixed PRNG (SplitMix64) seeded with `seed`: the
/// input of an [`Unstructured`] for a reproducible case.
pub fn seeded(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        out.extend_from_slice(&z.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A report with every class possible, the mix chosen by the bytes.
pub fn report(u: &mut Unstructured<'_>) -> Result<Value> {
    let mix = Mix::arbitrary(u)?;
    report_with(u, &mix)
}

/// The report of a seed: `report_with` over [`seeded`] bytes.
pub fn report_from_seed(seed: u64, mix: &Mix) -> Value {
    let bytes = seeded(seed, 1 << 18);
    let mut u = Unstructured::new(&bytes);
    report_with(&mut u, mix).expect("generation never fails on seeded bytes")
}

/// Ordinary Indonesian words, as in the reference report.
const WORDS: &[&str] = &[
    "kegiatan",
    "pendidikan",
    "mutu",
    "sekolah",
    "provinsi",
    "kabupaten",
    "kota",
    "dilaksanakan",
    "tanggal",
    "peserta",
    "guru",
    "kepala",
    "dinas",
    "sasaran",
    "target",
    "capaian",
    "anggaran",
    "realisasi",
    "pelaksanaan",
    "pemantauan",
    "bimbingan",
    "teknis",
    "pemerintah",
    "daerah",
    "satuan",
    "layanan",
    "kinerja",
    "strategi",
    "kendala",
    "tindak",
    "lanjut",
    "melalui",
    "dengan",
    "yang",
    "dan",
    "di",
    "untuk",
    "pada",
    "dalam",
    "adalah",
    "telah",
    "belum",
    "tercapai",
    "Bengkulu",
    "Rejang",
    "Lebong",
    "Kaur",
    "Seluma",
    "Mukomuko",
    "BPMP",
    "PAUD",
    "Dikdas",
    "Dikmen",
    "SAKIP",
    "RKA-K/L",
    "s.d.",
    "Kab/Kota",
    "(SIAR)",
    "100%",
    "2024",
    "rapat",
    "koordinasi",
    "evaluasi",
    "penjaminan",
    "pembelajaran",
    "kemitraan",
    "meningkat",
    "rapor",
];

/// Words of the Unicode classes that have broken text layout before.
const UNICODE_WORDS: &[&str] = &[
    // Soft hyphens: break opportunities, visible only at a line end.
    "pen\u{AD}di\u{AD}dik\u{AD}an",
    "ke\u{AD}ber\u{AD}lan\u{AD}jut\u{AD}an",
    // Zero-width space, joiner, non-joiner, word joiner, BOM.
    "kata\u{200B}kunci",
    "sekolah\u{200D}dasar",
    "guru\u{200C}honor",
    "dinas\u{2060}daerah",
    "mutu\u{FEFF}layanan",
    // Combining accents (NFC has composed forms).
    "Pe\u{301}ndidikan",
    "caf\u{E9}",
    "cafe\u{301}",
    "na\u{EF}ve",
    "nai\u{308}ve",
    "A\u{30A}ngstr\u{F6}m",
    // Right-to-left scripts.
    "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
    "\u{645}\u{631}\u{62D}\u{628}\u{627}",
    // Tab and control characters inside a word.
    "kata\tkata",
    "bel\u{7}bel",
    "a\u{1B}[31m",
    "nol\u{0}nol",
    // Emoji, with and without joiners and variation selectors.
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{2764}\u{FE0F}",
    "\u{1F1EE}\u{1F1E9}",
    // CJK.
    "\u{6559}\u{80B2}",
    "\u{5B66}\u{6821}\u{3002}",
    // No-break space, ligature, typographic quotes, dashes.
    "10\u{A0}%",
    "\u{FB01}nal",
    "\u{201C}mutu\u{201D}",
    "4\u{2013}5",
    "\u{2264}\u{A0}75%",
];

/// Letters for long words.
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

pub(crate) fn pick<'a>(u: &mut Unstructured<'_>, words: &[&'a str]) -> Result<&'a str> {
    Ok(words[u.choose_index(words.len())?])
}

pub(crate) fn plain_word(u: &mut Unstructured<'_>) -> Result<String> {
    let w = pick(u, WORDS)?;
    Ok(if u.ratio(1, 8)? {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        w.to_owned()
    })
}

/// A word of `min..=max` letters without any break point; sometimes with
/// `-`, `/` or `.` inside, as in an address.
fn long_word(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    let len = u.int_in_range(min..=max)?;
    let seed = u.arbitrary::<u64>()?;
    let with_points = u.ratio(1, 3)?;
    let mut s = String::with_capacity(len);
    let mut x = seed | 1;
    for i in 0..len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if with_points && i % 37 == 36 {
            s.push(['-', '/', '.'][(x % 3) as usize]);
        } else {
            s.push(LETTERS[(x % LETTERS.len() as u64) as usize] as char);
        }
    }
    Ok(s)
}

/// A figure printed the Indonesian way, as a user would type it in text.
fn figure(u: &mut Unstructured<'_>) -> Result<String> {
    let n: u64 = u.int_in_range(0..=999_999_999_999)?;
    let mut digits = n.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    let mut s = format!("{digits}{grouped}");
    match u.int_in_range(0..=2)? {
        0 => s.push_str(&format!(",{:02}", u.int_in_range(0..=99)?)),
        1 => s.push('%'),
        _ => {}
    }
    Ok(s)
}

/// One word of inline text (markup included): mostly Indonesian.
fn word(u: &mut Unstructured<'_>, mix: &Mix) -> Result<String> {
    let r: u8 = u.int_in_range(0..=99)?;
    Ok(match r {
        0 if mix.long_words => long_word(u, 100, 3000)?,
        2..=9 if mix.unicode => pick(u, UNICODE_WORDS)?.to_owned(),
        10..=13 => figure(u)?,
        14..=15 => format!("*{}*", plain_word(u)?),
        16..=17 => format!("**{}**", plain_word(u)?),
        18 => format!("***{} {}***", plain_word(u)?, plain_word(u)?),
        19 => format!(
            "[{} {}](https://contoh.go.id/{})",
            plain_word(u)?,
            plain_word(u)?,
            pick(u, &["a", "laporan/2024", "p?q=1&r=2"])?
        ),
        20 => format!("<https://bit.ly/{}>", long_word(u, 3, 12)?),
        _ => plain_word(u)?,
    })
}

/// Inline text of `min..=max` words. It starts with a plain word, so that
/// it never starts like a Markdown list or heading; `breaks` adds hard
/// line breaks (many lines in one cell).
pub(crate) fn text_of(
    u: &mut Unstructured<'_>,
    mix: &Mix,
    min: usize,
    max: usize,
) -> Result<String> {
    let n = u.int_in_range(min..=max.max(min))?;
    let breaks = u.ratio(1, 10)?;
    let mut s = plain_word(u)?;
    for _ in 1..n {
        if breaks && u.ratio(1, 2)? {
            s.push_str("\\\n");
        } else {
            s.push(' ');
        }
        s.push_str(&word(u, mix)?);
    }
    Ok(s)
}

/// A paragraph, usually a sentence or three, sometimes a long one.
fn paragraph(u: &mut Unstructured<'_>, mix: &Mix) -> Result<String> {
    let max = if u.ratio(1, 20)? { 250 } else { 50 };
    text_of(u, mix, 1, max)
}

/// A one-line plain field (no markup: it is printed as written).
pub(crate) fn line(u: &mut Unstructured<'_>, mix: &Mix, max: usize) -> Result<String> {
    let n = u.int_in_range(1..=max)?;
    let mut words = vec![plain_word(u)?];
    for _ in 1..n {
        let r: u8 = u.int_in_range(0..=19)?;
        words.push(match r {
            0 if mix.long_words => long_word(u, 50, 1500)?,
            1 if mix.unicode => {
                let w = pick(u, UNICODE_WORDS)?;
                // Control characters are refused in one-line fields.
                w.replace(|c: char| c.is_control(), "")
            }
            _ => plain_word(u)?,
        });
    }
    Ok(words.join(" "))
}

/// A table cell: a number, an empty or tiny text, a huge text, or many
/// lines.
fn cell(u: &mut Unstructured<'_>, mix: &Mix, figures: bool) -> Result<Value> {
    let r: u8 = u.int_in_range(0..=99)?;
    Ok(match r {
        0..=19 => number(u, figures)?,
        20..=24 => json!(""),
        25..=29 => json!(pick(u, &["a", "x", "1a", "."])?),
        30..=33 => json!(text_of(u, mix, 40, 150)?),
        34..=37 => {
            let n = u.int_in_range(5..=40)?;
            let mut s = plain_word(u)?;
            for _ in 1..n {
                s.push_str("\\\n");
                s.push_str(&word(u, mix)?);
            }
            json!(s)
        }
        _ => json!(text_of(u, mix, 1, 8)?),
    })
}

/// A JSON number: an integer, a decimal with two places, or (for
/// figures) a large amount.
pub(crate) fn number(u: &mut Unstructured<'_>, large: bool) -> Result<Value> {
    let int: u64 = if large && u.ratio(1, 2)? {
        u.int_in_range(1_000_000..=999_999_999_999_999)?
    } else {
        u.int_in_range(0..=9999)?
    };
    Ok(if u.ratio(1, 2)? {
        let frac: u8 = u.int_in_range(0..=99)?;
        serde_json::from_str(&format!("{int}.{frac:02}")).expect("a JSON number")
    } else {
        json!(int)
    })
}

/// A `{"tabel": ...}` block.
pub fn table(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Value> {
    let wide = mix.wide_tables && u.ratio(1, 3)?;
    let narrow = mix.narrow_figures && !wide && u.ratio(1, 3)?;
    let ncols: usize = if wide {
        u.int_in_range(10..=80)?
    } else if narrow {
        u.int_in_range(7..=16)?
    } else {
        u.int_in_range(1..=6)?
    };
    let tall_header = mix.taller_than_page && u.ratio(1, 3)?;
    let mut kolom = Vec::with_capacity(ncols);
    for c in 0..ncols {
        let judul = if tall_header && c == 0 {
            // About 10 pt a line at 9 pt: 80 lines are taller than a page.
            let n = u.int_in_range(80..=150)?;
            let mut s = "KOLOM".to_owned();
            for _ in 1..n {
                s.push_str("\\\n");
                s.push_str(&plain_word(u)?);
            }
            s
        } else if wide {
            format!("K{c}")
        } else {
            // A long word in a narrow column makes a header taller than
            // a page: that class is `taller_than_page`.
            let header_mix = Mix {
                long_words: mix.long_words && mix.taller_than_page,
                ..*mix
            };
            text_of(u, &header_mix, 1, 4)?
        };
        let mut k = json!({ "judul": judul });
        if u.ratio(1, 3)? {
            k["rata"] = json!(pick(u, &["kiri", "tengah", "kanan"])?);
        }
        kolom.push(k);
    }
    if mix.unit_shapes && u.ratio(1, 2)? {
        crate::shapes::group_columns(u, &mut kolom)?;
    }
    let nrows: usize = if tall_header {
        u.int_in_range(2..=8)?
    } else {
        u.int_in_range(1..=if wide { 6 } else { 8 * mix.scale as usize })?
    };
    let mut baris = Vec::with_capacity(nrows);
    for _ in 0..nrows {
        let mut row = Vec::with_capacity(ncols);
        for _ in 0..ncols {
            row.push(if wide && u.ratio(3, 4)? {
                // Keep wide tables mostly small cells.
                if u.ratio(1, 2)? {
                    number(u, false)?
                } else {
                    json!(plain_word(u)?)
                }
            } else {
                cell(u, mix, narrow || mix.narrow_figures)?
            });
        }
        baris.push(Value::Array(row));
    }
    let mut t = json!({ "kolom": kolom, "baris": baris });
    if u.ratio(1, 3)? {
        t["keterangan"] = json!(text_of(u, mix, 1, 12)?);
    }
    if mix.landscape && u.ratio(1, 2)? {
        t["mendatar"] = json!(true);
    }
    Ok(json!({ "tabel": t }))
}

/// A `{"daftar": ...}` block whose items may hold blocks `depth + 1` deep.
fn list(u: &mut Unstructured<'_>, mix: &Mix, depth: usize, deep: bool) -> Result<Value> {
    // Wide at the top, narrow below, so that nesting does not multiply
    // the size.
    let max = if depth <= 1 {
        4 * mix.scale as usize
    } else {
        3
    };
    let n = u.int_in_range(1..=max)?;
    let mut butir = Vec::with_capacity(n);
    for i in 0..n {
        // A deep chain goes on through the first item of each level.
        let nest = depth < 6 && ((deep && i == 0) || u.ratio(1, 5)?);
        if nest {
            let mut isi = vec![if deep && i == 0 && depth + 1 < 6 {
                list(u, mix, depth + 1, true)?
            } else {
                block(u, mix, depth + 1)?
            }];
            if u.ratio(1, 3)? {
                isi.push(block(u, mix, depth + 1)?);
            }
            butir.push(json!({ "teks": text_of(u, mix, 1, 20)?, "isi": isi }));
        } else {
            butir.push(json!(text_of(u, mix, 1, 30)?));
        }
    }
    let mut d = json!({ "butir": butir });
    if u.ratio(1, 2)? {
        d["gaya"] = json!(pick(u, &["angka", "huruf", "strip"])?);
    }
    if u.ratio(1, 5)? {
        d["mulai"] = json!(u.int_in_range(1..=9999u32)?);
    }
    Ok(json!({ "daftar": d }))
}

/// One block at list depth `depth` (0 outside lists; lists nest at most
/// six deep).
fn block(u: &mut Unstructured<'_>, mix: &Mix, depth: usize) -> Result<Value> {
    let r: u8 = u.int_in_range(0..=99)?;
    match r {
        0..=59 => Ok(json!(paragraph(u, mix)?)),
        60..=84 if depth < 6 => {
            let deep = u.ratio(1, 4)?;
            list(u, mix, depth + 1, deep)
        }
        85..=99 => table(u, mix),
        _ => Ok(json!(paragraph(u, mix)?)),
    }
}

/// A non-empty list of blocks.
pub(crate) fn blocks(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Vec<Value>> {
    let n = u.int_in_range(1..=2 * mix.scale as usize)?;
    (0..n).map(|_| block(u, mix, 0)).collect()
}

/// An indicator value: a number, a grade or null.
fn nilai(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(match u.int_in_range(0..=5)? {
        0 => Value::Null,
        1 => json!(pick(u, &["A", "BB", "Baik", "Predikat A"])?),
        _ => number(u, false)?,
    })
}

/// A whole report with the classes of `mix`. Valid unless a class makes
/// it otherwise (control characters, say), in which case `check` must
/// say so.
///
/// The parts are drawn in a fixed order (the order of the bytes a seed
/// gives): the goals, their analyses, the budget, the year and closing
/// date, then the report's other fields in the order written, the notes
/// and other units' shapes. Seeded reports and fuzz fixtures depend on it.
pub fn report_with(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Value> {
    let (sasaran, codes) = goals(u, mix)?;
    let analisis = analyses(u, mix, &codes)?;
    let rincian = budget_rows(u, mix)?;
    let tahun: u16 = u.int_in_range(2000..=2099u16)?;
    let tanggal = closing_date(u, tahun)?;
    let mut report = json!({
        "unit": unit(u, mix)?,
        "triwulan": u.int_in_range(1..=4u8)?,
        "tahun": tahun,
        "kinerja": { "sasaran": sasaran },
        "analisis": analisis,
        "anggaran": { "rincian": rincian },
        "rekomendasi": blocks(u, mix)?,
        "penutup": closing(u, mix, &tanggal)?,
    });
    if u.ratio(1, 5)? {
        report["catatan"] = notes(u, mix)?;
    }
    if mix.unit_shapes && u.ratio(3, 4)? {
        crate::shapes::reshape(u, mix, &mut report)?;
    }
    Ok(report)
}

/// The goals of table A (`kinerja.sasaran`) with one or two indicators
/// each, and the indicators' codes in order.
fn goals(u: &mut Unstructured<'_>, mix: &Mix) -> Result<(Vec<Value>, Vec<String>)> {
    let nsasaran = u.int_in_range(1..=mix.scale as usize + 1)?;
    let mut sasaran = Vec::new();
    let mut codes = Vec::new();
    for i in 1..=nsasaran {
        let nind = u.int_in_range(1..=2)?;
        let mut indikator = Vec::new();
        for j in 1..=nind {
            let kode = format!("IKK {i}.{j}");
            codes.push(kode.clone());
            indikator.push(json!({
                "kode": kode,
                "uraian": text_of(u, mix, 2, 25)?,
                "target_pk": nilai(u)?,
                "satuan": line(u, mix, 2)?,
                "target": nilai(u)?,
                "capaian": nilai(u)?,
            }));
        }
        sasaran.push(json!({
            "kode": format!("SK {i}.0"),
            "uraian": text_of(u, mix, 2, 25)?,
            "indikator": indikator,
        }));
    }
    Ok((sasaran, codes))
}

/// One analysis (section B) per indicator code, with its three parts.
fn analyses(u: &mut Unstructured<'_>, mix: &Mix, codes: &[String]) -> Result<Vec<Value>> {
    let mut analisis = Vec::new();
    for kode in codes {
        analisis.push(json!({
            "indikator": kode,
            "progress": blocks(u, mix)?,
            "kendala": blocks(u, mix)?,
            "strategi": blocks(u, mix)?,
        }));
    }
    Ok(analisis)
}

/// The budget's rows (section C): realisation at most the ceiling,
/// achievement at most the volume.
fn budget_rows(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Vec<Value>> {
    let nrows = u.int_in_range(1..=5 * mix.scale as usize)?;
    let mut rincian = Vec::new();
    for k in 0..nrows {
        let pagu: u64 = u.int_in_range(0..=99_999_999_999)?;
        let realisasi = if pagu == 0 {
            0
        } else {
            u.int_in_range(0..=pagu)?
        };
        let volume: u32 = u.int_in_range(0..=5000)?;
        rincian.push(json!({
            "kode": format!("419548.DI.6397.QDB.{k:03}"),
            "uraian": text_of(u, mix, 1, 20)?,
            "satuan": line(u, mix, 2)?,
            "volume": volume,
            "capaian": u.int_in_range(0..=volume)?,
            "pagu": pagu,
            "realisasi": realisasi,
        }));
    }
    Ok(rincian)
}

/// The closing date: signed in the report's year or early the next.
fn closing_date(u: &mut Unstructured<'_>, tahun: u16) -> Result<String> {
    Ok(if u.ratio(1, 4)? {
        format!("{}-01-{:02}", tahun + 1, u.int_in_range(1..=31u8)?)
    } else {
        format!("{tahun}-{:02}-07", u.int_in_range(1..=12u8)?)
    })
}

/// The unit: its short and full names and its province.
fn unit(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Value> {
    Ok(json!({
        "nama": format!("BPMP Provinsi {}", line(u, mix, 2)?),
        "nama_lengkap": format!("Balai Penjaminan Mutu Pendidikan {}", line(u, mix, 3)?),
        "provinsi": line(u, mix, 2)?,
    }))
}

/// The closing block: place, the date `tanggal`, position, name, NIP.
fn closing(u: &mut Unstructured<'_>, mix: &Mix, tanggal: &str) -> Result<Value> {
    Ok(json!({
        "tempat": line(u, mix, 2)?,
        "tanggal": tanggal,
        "jabatan": format!("Kepala {},", line(u, mix, 6)?),
        "nama": line(u, mix, 3)?,
        "nip": "196805091993032001",
    }))
}

/// One to three notes (`catatan`), taller than a page in half the reports
/// whose mix has `taller_than_page`.
fn notes(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Value> {
    let tall = mix.taller_than_page && u.ratio(1, 2)?;
    let n = u.int_in_range(1..=3)?;
    let mut items = Vec::new();
    for _ in 0..n {
        items.push(json!(if tall {
            text_of(u, mix, 600, 1200)?
        } else {
            text_of(u, mix, 3, 25)?
        }));
    }
    Ok(json!(items))
}

/// A small valid report whose only recommendation is a generated table
/// (for fuzzing table layout).
pub fn table_report(u: &mut Unstructured<'_>, mix: &Mix) -> Result<Value> {
    let mut report: Value =
        serde_json::from_str(MINIMAL).expect("the minimal report is valid JSON");
    report["rekomendasi"] = json!([table(u, mix)?]);
    Ok(report)
}

/// `fixtures/minimal.json`, built in so that the fuzz targets need no
/// files.
pub const MINIMAL: &str = include_str!("../../fixtures/minimal.json");

/// The words of the printed text of a report, as written in its JSON:
/// every string that is printed (not dates, styles, options, link
/// targets, the full name, which is only the PDF's author, or the
/// province, which is not printed), split at whitespace and hard breaks.
pub fn printed_words(report: &Value) -> Vec<String> {
    fn walk(v: &Value, key: &str, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                if matches!(
                    key,
                    "tanggal"
                        | "gaya"
                        | "rata"
                        | "$schema"
                        | "tag"
                        | "field"
                        | "nama_lengkap"
                        | "provinsi"
                        // Options, not texts: the vocabulary of columns,
                        // parts and styles.
                        | "isi"
                        | "jenis"
                        | "dari"
                        | "terhadap"
                        | "penomoran"
                        | "penomoran_catatan"
                        | "letak"
                        | "angka_triwulan"
                        // With placeholders, or printed only with a note.
                        | "nomor"
                        | "judul_catatan"
                ) {
                    return;
                }
                let s = strip_link_targets(s);
                out.extend(
                    s.split(|c: char| c.is_whitespace() || c == '\\')
                        .filter(|w| !comparable(w).is_empty())
                        .map(str::to_owned),
                );
            }
            // Blocks under `isi` are printed (a column's `isi` is not).
            Value::Array(a) => {
                let key = if key == "isi" { "" } else { key };
                a.iter().for_each(|v| walk(v, key, out))
            }
            Value::Object(o) => {
                for (k, v) in o {
                    if k != "tanda_tangan" {
                        walk(v, k, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(report, "", &mut out);
    out
}

/// Removes the `(target)` of `[text](target)` links.
fn strip_link_targets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..=i]);
        match rest[i + 2..].find(')') {
            Some(j) => rest = &rest[i + 2 + j + 1..],
            None => {
                rest = &rest[i + 1..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What of a text must survive layout, for comparing input and output:
/// ASCII letters and digits in order. Hyphens (soft or inserted),
/// whitespace, markup, punctuation and zero-width characters are dropped,
/// and so is an ASCII letter followed by a combining mark (normalisation
/// composes them into a non-ASCII letter, which is dropped too).
pub fn comparable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let combined = chars
            .peek()
            .is_some_and(|n| matches!(*n as u32, 0x300..=0x36F));
        if c.is_ascii_alphanumeric() && !combined {
            out.push(c);
        }
    }
    out
}

/// The hostile cases of issue 7 and the largest generated report, by
/// file name (see `tests/examples/hostile.rs`); sizes divided by `scale`.
pub fn hostile(scale: usize) -> Vec<(&'static str, Value)> {
    let base = crate::load_report(crate::REFERENCE);
    let large = serde_json::to_value(crate::big_report(&base, 50 / scale.min(50), 5000 / scale))
        .expect("a report serializes");
    let minimal: Value = serde_json::from_str(MINIMAL).expect("valid JSON");
    let with = |rekomendasi: Value| {
        let mut r = minimal.clone();
        r["rekomendasi"] = rekomendasi;
        r
    };
    let letters = |n: usize| -> String {
        (0..n)
            .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
            .collect()
    };
    let long_word = with(json!([format!(
        "Kata {} akhir.",
        letters(2_000_000 / scale)
    )]));
    let words = [
        "kegiatan",
        "pendidikan",
        "mutu",
        "sekolah",
        "provinsi",
        "guru",
    ];
    let mut paragraph = String::from("Paragraf");
    let target = 20_000_000 / scale;
    let mut i = 0;
    while paragraph.len() < target {
        paragraph.push(' ');
        paragraph.push_str(words[i % words.len()]);
        i += 1;
    }
    let big_paragraph = with(json!([paragraph]));
    let tall_title: String = std::iter::once("JUDUL".to_owned())
        .chain((1..120).map(|k| format!("baris {k}")))
        .collect::<Vec<_>>()
        .join("\\\n");
    let tall_header = with(json!([{ "tabel": {
        "kolom": [{ "judul": tall_title }, { "judul": "NILAI" }],
        "baris": (0..60).map(|k| json!([format!("baris {k}"), k])).collect::<Vec<_>>(),
    } }]));
    let wide = |n: usize| {
        json!({ "tabel": {
            "kolom": (0..n).map(|c| json!({ "judul": format!("KOLOM {c}") })).collect::<Vec<_>>(),
            "baris": (0..5).map(|r| (0..n).map(|c| json!(r * 1000 + c)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        } })
    };
    let wide_table = with(json!([
        wide(80),
        { "daftar": { "butir": [ { "teks": "Tabel dalam daftar", "isi": [ wide(40) ] } ] } }
    ]));
    vec![
        ("large.json", large),
        ("long-word.json", long_word),
        ("big-paragraph.json", big_paragraph),
        ("tall-header.json", tall_header),
        ("wide-table.json", wide_table),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_report() {
        assert_eq!(
            report_from_seed(7, &Mix::ALL),
            report_from_seed(7, &Mix::ALL)
        );
        assert_ne!(
            report_from_seed(7, &Mix::ALL),
            report_from_seed(8, &Mix::ALL)
        );
    }

    #[test]
    fn comparable_keeps_letters_and_digits() {
        assert_eq!(comparable("pen\u{AD}di-dik an"), "pendidikan");
        assert_eq!(comparable("cafe\u{301} caf\u{E9}"), "cafcaf");
        assert_eq!(comparable("8.069.025.000,25"), "806902500025");
    }

    #[test]
    fn link_targets_are_not_printed_words() {
        assert_eq!(strip_link_targets("a [b c](https://x.id/y) d"), "a [b c] d");
    }
}
