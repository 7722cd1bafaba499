//! The report's tables as document tables: table A (the indicators),
//! the budget table of section C, and the tables inside the text, each
//! with the columns the unit chose, their headings (grouped under shared
//! headings where the unit groups them) and its rows.

use super::build::{bold, inline, plain};
use super::{Cell, Column, Origin, Row, Table, Text};
use crate::format::angka;
use crate::model::{
    self, Anggaran, BarisAnggaran, CheckedReport, Indikator, Inline, IsiAnggaran, IsiKinerja,
    KolomAnggaran, KolomKinerja, Nilai, NilaiIndikator, Rata, Report, Sasaran, Sel,
};
use crate::text::Align;

/// Values at most this long (in characters) are kept whole in their cell:
/// "TW2 : 250", "BB", "Ribu ekor".
const SHORT_VALUE: usize = 24;

/// Headings at most this long are kept whole in their cell: "TW III",
/// "RPD (%)".
const SHORT_HEADING: usize = 8;

pub(super) fn align(r: Rata) -> Align {
    match r {
        Rata::Kiri => Align::Left,
        Rata::Tengah => Align::Center,
        Rata::Kanan => Align::Right,
    }
}

/// The printed form of a value of table A: a number the Indonesian way, a
/// text as written, `-` for none.
pub(super) fn nilai(v: &Nilai) -> String {
    match v {
        Nilai::Angka(d) => angka(d),
        Nilai::Teks(t) => t.clone(),
        Nilai::TidakAda => "-".to_owned(),
    }
}

/// A cell of a short value, kept whole on one line.
fn value_cell(text: String) -> Cell {
    let keep_whole = text.chars().count() <= SHORT_VALUE;
    Cell {
        keep_whole,
        ..Cell::new(plain(text))
    }
}

/// Inline text with a code in brackets before it, if it has one:
/// "[SK 1.0] Meningkatnya …".
fn coded(kode: Option<&str>, text: &Inline) -> Text {
    let mut out = match kode {
        Some(k) => plain(format!("[{k}] ")),
        None => Vec::new(),
    };
    out.extend(inline(text));
    out
}

/// The header rows of columns with these headings and groups: one row of
/// centred bold headings, or, if any column is grouped, the grouped
/// header (see [`Table::grouped_header`]).
fn header(columns: Vec<(Text, Option<&model::Baris>)>, origin: &Origin) -> Vec<Row> {
    let paths: Vec<Vec<Text>> = columns
        .into_iter()
        .map(|(heading, grup)| {
            let mut p: Vec<Text> = grup
                .map(|g| g.lines().iter().map(|l| bold(l.clone())).collect())
                .unwrap_or_default();
            p.push(heading);
            p
        })
        .collect();
    let mut rows = Table::grouped_header(&paths);
    for row in &mut rows {
        row.origin = origin.clone();
        for cell in &mut row.cells {
            let len: usize = cell.text.iter().map(|s| s.text.chars().count()).sum();
            cell.keep_whole = len <= SHORT_HEADING;
        }
    }
    rows
}

/// A heading as printed: the column's own, or the standard one; bold.
fn heading(own: Option<&Inline>, standard: &str) -> Text {
    let text = match own {
        Some(t) => inline(t),
        None => plain(standard),
    };
    super::build::emboldened(text)
}

/// Table A's columns: the report's, or the standard ones.
fn kinerja_columns(report: &Report) -> Vec<KolomKinerja> {
    match &report.kinerja.kolom {
        Some(k) => k.clone(),
        None => model::KOLOM_KINERJA
            .iter()
            .map(|isi| KolomKinerja::new(*isi))
            .collect(),
    }
}

/// Where the parts of table A or C are in the report: the rows' list,
/// the columns' list (if the report gives its columns), each row (for
/// table C, the Total row).
#[derive(Debug, Default)]
pub(super) struct TableOrigins {
    /// The list of rows (`kinerja.sasaran`, `anggaran.rincian`).
    pub table: Origin,
    /// The columns (`kinerja.kolom`), if the report gives them.
    pub header: Origin,
    /// Each row, in order: for table A each indicator.
    pub rows: Vec<Origin>,
    /// The Total row of table C.
    pub total: Origin,
}

/// Table A: one row per indicator, the sasaran cell spanning its
/// indicators' rows, in the columns the report chose.
///
/// The numbers and the values are right-aligned by default, so that the
/// layout sets a number close to the sasaran beside it (text extractors
/// then read the number and the spanning sasaran as one, and the table row
/// by row: see the layout's `joined_columns`), and so is the Satuan
/// between the right-aligned figures (poppler finds a table only where
/// neighbouring columns are aligned alike).
pub(super) fn kinerja_table(report: &Report, origins: TableOrigins) -> Table {
    let kolom = kinerja_columns(report);
    let columns = kolom
        .iter()
        .map(|k| Column {
            align: k.rata.map(align).unwrap_or(match k.isi {
                IsiKinerja::Sasaran | IsiKinerja::Indikator | IsiKinerja::Keterangan => Align::Left,
                _ => Align::Right,
            }),
        })
        .collect();
    let headings = kolom
        .iter()
        .map(|k| {
            (
                heading(k.judul.as_ref(), k.isi.standard_heading()),
                k.grup.as_ref(),
            )
        })
        .collect();
    let own_numbers = report.indikator().any(|(_, i)| i.no.is_some());
    let mut body = Vec::new();
    let mut n = 0;
    for s in &report.kinerja.sasaran {
        for (j, ind) in s.indikator.iter().enumerate() {
            let cells = kolom
                .iter()
                .filter_map(|k| kinerja_cell(k, (s, j), ind, (n + 1, own_numbers)))
                .collect();
            body.push(Row {
                origin: origins.rows.get(n).cloned().unwrap_or_default(),
                ..Row::new(cells)
            });
            n += 1;
        }
    }
    Table {
        columns,
        header: header(headings, &origins.header),
        body,
        caption: None,
        origin: origins.table,
    }
}

/// The cell of column `k` in the row of indicator `ind`, the `j`-th of
/// sasaran `s`, numbered `n` (or by its own number): `None` where the
/// sasaran's cell of an earlier row spans this one.
fn kinerja_cell(
    k: &KolomKinerja,
    (s, j): (&Sasaran, usize),
    ind: &Indikator,
    (n, own_numbers): (usize, bool),
) -> Option<Cell> {
    Some(match k.isi {
        IsiKinerja::No if own_numbers => {
            value_cell(ind.no.as_ref().map(|no| no.0.clone()).unwrap_or_default())
        }
        IsiKinerja::No => Cell::new(plain(format!("{n}."))),
        IsiKinerja::Sasaran if j > 0 => return None,
        IsiKinerja::Sasaran => Cell {
            rowspan: s.indikator.len(),
            ..Cell::new(coded(s.kode.as_deref(), &s.uraian))
        },
        IsiKinerja::Indikator => Cell::new(coded(ind.kode.as_deref(), &ind.uraian)),
        IsiKinerja::Satuan => value_cell(ind.satuan.clone().unwrap_or_default()),
        IsiKinerja::Persen => value_cell(persen_of(k, ind)),
        IsiKinerja::Keterangan => {
            Cell::new(ind.keterangan.as_ref().map(inline).unwrap_or_default())
        }
        isi => value_cell(isi.value().map(|v| nilai(ind.value(v))).unwrap_or_default()),
    })
}

/// A `persen` column's value for `ind`: `dari` ÷ `terhadap` × 100,
/// exact, rounded half away from zero to `desimal` digits; `-` where
/// either is not a number or the divisor is zero.
fn persen_of(k: &KolomKinerja, ind: &Indikator) -> String {
    let dari = ind.value(k.dari.unwrap_or(NilaiIndikator::Realisasi));
    let terhadap = ind.value(k.terhadap.unwrap_or(NilaiIndikator::Target));
    match (dari, terhadap) {
        (Nilai::Angka(a), Nilai::Angka(b)) => {
            model::persen(*a, *b, u32::from(k.desimal.unwrap_or(2)))
                .map_or_else(|| "-".to_owned(), |p| angka(&p))
        }
        _ => "-".to_owned(),
    }
}

/// The budget table's columns: the report's; else the standard columns
/// by rincian output when a row has a volume, by type of spending when
/// none has (its rows headed [`model::JUDUL_JENIS_BELANJA`]).
pub(crate) fn anggaran_columns(a: &Anggaran) -> Vec<KolomAnggaran> {
    if let Some(k) = &a.kolom {
        return k.clone();
    }
    fn has_volume(rows: &[model::Rincian]) -> bool {
        rows.iter()
            .any(|r| r.volume.is_some() || has_volume(&r.rincian))
    }
    if has_volume(&a.rincian) {
        return model::KOLOM_ANGGARAN_OUTPUT
            .iter()
            .map(|isi| KolomAnggaran::new(*isi))
            .collect();
    }
    model::KOLOM_ANGGARAN_BELANJA
        .iter()
        .map(|isi| match isi {
            IsiAnggaran::Uraian => KolomAnggaran {
                judul: Some(model::Inline::new(model::JUDUL_JENIS_BELANJA)),
                ..KolomAnggaran::new(*isi)
            },
            _ => KolomAnggaran::new(*isi),
        })
        .collect()
}

/// Table C: one row per row of the report (sub-rows indented under their
/// parent, parents in bold), and the Total row, whose label spans the
/// columns before the first one it sums.
pub(super) fn anggaran_table(
    checked: &CheckedReport<'_>,
    a: &Anggaran,
    origins: TableOrigins,
) -> Table {
    let kolom = anggaran_columns(a);
    let columns = kolom
        .iter()
        .map(|k| Column {
            align: k.rata.map(align).unwrap_or(match k.isi {
                IsiAnggaran::Uraian | IsiAnggaran::Kode | IsiAnggaran::Keterangan => Align::Left,
                IsiAnggaran::Satuan => Align::Center,
                _ => Align::Right,
            }),
        })
        .collect();
    let headings = kolom
        .iter()
        .map(|k| {
            (
                heading(k.judul.as_ref(), k.isi.standard_heading()),
                k.grup.as_ref(),
            )
        })
        .collect();
    let with_code = !kolom.iter().any(|k| k.isi == IsiAnggaran::Kode);
    let mut body: Vec<Row> = checked
        .rincian()
        .iter()
        .map(|r| Row {
            origin: Origin::at(r.path.clone()),
            ..Row::new(
                kolom
                    .iter()
                    .map(|k| anggaran_cell(k, r, with_code))
                    .collect(),
            )
        })
        .collect();
    body.push(Row {
        origin: origins.total,
        ..total_row(&kolom, checked.totals())
    });
    Table {
        columns,
        header: header(headings, &origins.header),
        body,
        caption: None,
        origin: origins.table,
    }
}

/// The cell of column `k` in row `r` (the uraian with its code in
/// brackets if `with_code`).
fn anggaran_cell(k: &KolomAnggaran, r: &BarisAnggaran<'_>, with_code: bool) -> Cell {
    let row = r.rincian;
    let digits = u32::from(k.desimal.unwrap_or(2));
    // What a row without the figure shows: nothing for a parent, "-" else.
    let none = if r.parent { "" } else { "-" };
    let figure =
        |v: Option<rust_decimal::Decimal>| v.map_or_else(|| none.to_owned(), |d| angka(&d));
    let pct = |part: Option<rust_decimal::Decimal>| {
        part.and_then(|p| model::persen(p, r.pagu, digits))
            .map_or_else(|| none.to_owned(), |p| angka(&p))
    };
    let mut cell = match k.isi {
        IsiAnggaran::No => Cell::new(plain(r.number.map(|n| format!("{n}.")).unwrap_or_default())),
        IsiAnggaran::Uraian => Cell {
            indent: u8::try_from(r.depth).unwrap_or(u8::MAX),
            ..Cell::new(coded(
                row.kode.as_deref().filter(|_| with_code),
                &row.uraian,
            ))
        },
        IsiAnggaran::Kode => Cell::new(plain(row.kode.clone().unwrap_or_default())),
        IsiAnggaran::Satuan => value_cell(row.satuan.clone().unwrap_or_else(|| none.to_owned())),
        IsiAnggaran::Volume => value_cell(figure(row.volume)),
        IsiAnggaran::Capaian => value_cell(figure(row.capaian)),
        IsiAnggaran::SisaCapaian => value_cell(figure(r.sisa_capaian)),
        IsiAnggaran::Pagu => value_cell(angka(&r.pagu)),
        IsiAnggaran::Rpd => value_cell(figure(r.rpd)),
        IsiAnggaran::RpdPersen => value_cell(pct(r.rpd)),
        IsiAnggaran::Realisasi => value_cell(angka(&r.realisasi)),
        IsiAnggaran::RealisasiPersen => value_cell(pct(Some(r.realisasi))),
        IsiAnggaran::SisaAnggaran => value_cell(angka(&r.sisa_anggaran)),
        IsiAnggaran::Keterangan => {
            Cell::new(row.keterangan.as_ref().map(inline).unwrap_or_default())
        }
    };
    if r.parent {
        cell.text = super::build::emboldened(cell.text);
    }
    cell
}

/// The Total row: "Total", right-aligned next to its sums (centred, text
/// extractors such as poppler would not see it in the table's grid and
/// read it after the table), spanning the columns before the first it
/// sums; the sums in bold; nothing under the other columns.
fn total_row(kolom: &[KolomAnggaran], t: model::Totals) -> Row {
    let span = kolom
        .iter()
        .position(|k| k.isi.in_total())
        .unwrap_or(kolom.len())
        .max(1);
    let mut cells = vec![Cell {
        colspan: span,
        align: Some(Align::Right),
        row_header: true,
        ..Cell::new(bold("Total"))
    }];
    for k in kolom.iter().skip(span) {
        let digits = u32::from(k.desimal.unwrap_or(2));
        let pct = |part: Option<rust_decimal::Decimal>| {
            part.and_then(|p| model::persen(p, t.pagu, digits))
                .map_or_else(|| "-".to_owned(), |p| angka(&p))
        };
        let text = match k.isi {
            IsiAnggaran::Pagu => angka(&t.pagu),
            IsiAnggaran::Realisasi => angka(&t.realisasi),
            IsiAnggaran::SisaAnggaran => angka(&t.sisa_anggaran),
            IsiAnggaran::Rpd => t.rpd.map_or_else(|| "-".to_owned(), |d| angka(&d)),
            IsiAnggaran::RpdPersen => pct(t.rpd),
            IsiAnggaran::RealisasiPersen => pct(Some(t.realisasi)),
            _ => String::new(),
        };
        cells.push(Cell {
            keep_whole: true,
            ..Cell::new(bold(text))
        });
    }
    Row {
        keep_with_previous: true,
        ..Row::new(cells)
    }
}

/// A table of the report at `origin`, without its rows (the body builds
/// them as the walk visits them): a column of numbers only is
/// right-aligned unless the report says otherwise; its header grouped
/// where its columns have groups.
pub(super) fn table(t: &model::Tabel, origin: Origin, header_origin: &Origin) -> Table {
    let numeric = |k: usize| {
        t.baris
            .iter()
            .all(|row| matches!(row.get(k), Some(Sel::Angka(_)) | None))
    };
    let columns = t
        .kolom
        .iter()
        .enumerate()
        .map(|(k, c)| Column {
            align: c.rata.map(align).unwrap_or(if numeric(k) {
                Align::Right
            } else {
                Align::Left
            }),
        })
        .collect();
    let headings = t
        .kolom
        .iter()
        .map(|c| (super::build::emboldened(inline(&c.judul)), c.grup.as_ref()))
        .collect();
    Table {
        columns,
        header: header(headings, header_origin),
        body: Vec::new(),
        caption: None,
        origin,
    }
}

/// A cell of a table of the report: a text as marked up, a number the
/// Indonesian way.
pub(super) fn cell(c: &Sel) -> Cell {
    match c {
        Sel::Teks(text) => Cell::new(inline(text)),
        Sel::Angka(d) => Cell::new(plain(angka(d))),
    }
}
