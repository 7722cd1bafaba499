//! Figures (an image or a bar chart, with its caption below) and the
//! cover page, as document blocks; and how they are made from a report's
//! `gambar`, `grafik` and `sampul`.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::build::{bold, inline};
use super::{Block, Origin, Text};
use crate::format::angka;
use crate::media::Image;
use crate::model::{CheckedReport, Grafik, Nilai, Report, SumberGrafik, walk::Node};
use crate::problem::JsonPath;
use crate::units::Pt;

/// A figure: an image or a chart, kept whole on one page, with its
/// caption below ("Gambar 3. Struktur Organisasi") and its alternative
/// text (the `/Alt` of its `Figure` element).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figure {
    /// What is drawn.
    pub content: FigureContent,
    /// The printed width; `None` for the text width (an image no wider
    /// than its size at 150 dpi). Never wider than the text; a figure
    /// taller than the page body is scaled down to fit it.
    pub width: Option<Pt>,
    /// The figure's label before its caption, e.g. "Gambar 3." (the
    /// document's numbering fills it; `None` for none).
    pub number: Option<String>,
    /// The caption, printed centred below it; `None` for none.
    pub caption: Option<Text>,
    /// What it shows, in words, for screen readers.
    pub alt: String,
    /// An identifier for cross-references, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where it is in the input, e.g. `susunan.bagian[0].isi[3].gambar`.
    #[serde(default)]
    pub origin: Origin,
}

impl Figure {
    /// A figure of `image` at its own size (at most the text width),
    /// without a caption; its alternative text empty (set `alt`).
    pub fn image(image: Arc<Image>) -> Self {
        Figure {
            content: FigureContent::Image(image),
            width: None,
            number: None,
            caption: None,
            alt: String::new(),
            id: None,
            origin: Origin::none(),
        }
    }
}

/// What a figure draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FigureContent {
    /// An image.
    Image(Arc<Image>),
    /// A bar chart, drawn as vector graphics.
    Chart(Chart),
}

/// A bar chart: for each category, a bar of each series side by side, on
/// a value axis from 0 with its figures the Indonesian way, and a legend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Chart {
    /// The categories' labels under the bars, left to right.
    pub categories: Vec<String>,
    /// The series, each with a value per category.
    pub series: Vec<Series>,
    /// The value axis's title, e.g. "Persen (%)" or "Rp juta".
    pub axis: String,
}

/// One series of a [`Chart`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// Its value for each category (at least 0); `None` for no bar.
    pub values: Vec<Option<Decimal>>,
    /// The bars' grey: 0 black, 1 white.
    pub shade: f32,
}

/// The cover page: a page of its own, without a page number or the legal
/// note; the title lines at the top, then the lines under them, the logo
/// in the middle, the closing lines at the foot; all centred.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cover {
    /// The title, in large bold type.
    pub title: Vec<Text>,
    /// Lines under the title (the unit).
    pub subtitle: Vec<Text>,
    /// The logo, if any (a figure without a caption).
    pub logo: Option<Figure>,
    /// Lines at the foot (the agencies and the year).
    pub foot: Vec<Text>,
    /// Where it is in the input (`sampul`).
    #[serde(default)]
    pub origin: Origin,
}

/// The figure of a report's `gambar` or `grafik` at `path`, numbered
/// "Gambar `n`." (counting on `count`) if it has a caption.
pub(super) fn figure(
    checked: &CheckedReport<'_>,
    path: &JsonPath,
    node: Node<'_>,
    count: &mut usize,
) -> Option<Block> {
    let (content, judul, alt, width, id) = match node {
        Node::Gambar(g) => {
            let image = checked.image(&g.berkas)?.clone();
            let width = g.lebar_mm.map(Pt::from_mm);
            (
                FigureContent::Image(image),
                &g.judul,
                g.alt.clone(),
                width,
                &g.id,
            )
        }
        Node::Grafik(g) => {
            let (chart, alt) = chart(checked, g)?;
            (FigureContent::Chart(chart), &g.judul, alt, None, &g.id)
        }
        _ => return None,
    };
    let caption = judul.as_ref().map(inline);
    if caption.is_some() {
        *count += 1;
    }
    Some(Block::Figure(Figure {
        content,
        width,
        number: caption.as_ref().map(|_| format!("Gambar {count}.")),
        caption,
        alt,
        id: id.clone(),
        origin: path.into(),
    }))
}

/// A percentage of `part` in `whole`, rounded to two decimals.
fn share(part: Decimal, whole: Decimal) -> Option<Decimal> {
    let p = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(p.round_dp(2).normalize())
}

/// The figure of an indicator's value, if it is a number.
fn number(n: &Nilai) -> Option<Decimal> {
    match n {
        Nilai::Angka(d) => Some(*d),
        _ => None,
    }
}

/// The chart of `g` and its alternative text, from the figures already in
/// the report (validation has refused figures written as text).
fn chart(checked: &CheckedReport<'_>, g: &Grafik) -> Option<(Chart, String)> {
    let (chart, head, said) = match g.sumber {
        SumberGrafik::Kinerja => kinerja_chart(checked.report()),
        SumberGrafik::Triwulan => triwulan_chart(checked.report(), g.indikator.as_deref()?)?,
        SumberGrafik::Anggaran => anggaran_chart(checked),
    };
    Some((chart, format!("{head}. {}.", said.join("; "))))
}

/// Each indicator's target (100 %) and realisation as a share of it; an
/// indicator without a target this quarter (0 or none) or without a
/// realisation has no bars, and the alternative text says so.
fn kinerja_chart(report: &Report) -> (Chart, &'static str, Vec<String>) {
    let (mut categories, mut a, mut b, mut said) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (k, (_, i)) in report.indikator().enumerate() {
        let name = i
            .kode
            .clone()
            .unwrap_or_else(|| format!("Indikator {}", k + 1));
        let target = number(&i.target).filter(|t| !t.is_zero());
        let done = number(crate::model::realisation(i).1);
        let share = target.zip(done).and_then(|(t, d)| share(d, t));
        said.push(match (target, share) {
            (None, _) => format!("{name}: tanpa target triwulan ini"),
            (Some(_), None) => format!("{name}: belum ada realisasi"),
            (Some(_), Some(p)) => format!("{name}: target 100 %, realisasi {} %", angka(&p)),
        });
        categories.push(name);
        a.push(share.map(|_| Decimal::ONE_HUNDRED));
        b.push(share.map(|p| p.max(Decimal::ZERO)));
    }
    let series = vec![series("Target", a, 0.75), series("Realisasi", b, 0.3)];
    let head = "Grafik batang target (100 %) dan realisasi per indikator, dalam persen target";
    (
        chart_of(categories, series, "Persen dari target (%)"),
        head,
        said,
    )
}

/// One indicator quarter by quarter: its year's target and its cumulative
/// value at the end of each quarter, in its own unit.
fn triwulan_chart(report: &Report, code: &str) -> Option<(Chart, &'static str, Vec<String>)> {
    let (_, i) = report.find_indikator(code)?;
    let target = number(&i.target_pk);
    let unit = i.satuan.clone().unwrap_or_default();
    let shown = |v: Option<Decimal>| match v {
        Some(v) => format!("{} {unit}", angka(&v)).trim_end().to_owned(),
        None => "belum ada".to_owned(),
    };
    let mut said = vec![format!("{code}: target tahunan {}", shown(target))];
    let (mut categories, mut a, mut b) = (Vec::new(), Vec::new(), Vec::new());
    let quarters = [
        ("TW I", &i.tw1),
        ("TW II", &i.tw2),
        ("TW III", &i.tw3),
        ("TW IV", &i.tw4),
    ];
    for (name, v) in quarters {
        let v = number(v);
        said.push(format!("{name} {}", shown(v)));
        categories.push(name.to_owned());
        a.push(target.map(|t| t.max(Decimal::ZERO)));
        b.push(v.map(|v| v.max(Decimal::ZERO)));
    }
    let series = vec![
        series("Target tahunan", a, 0.75),
        series("Realisasi kumulatif", b, 0.3),
    ];
    let head = "Grafik batang realisasi kumulatif per triwulan terhadap target tahunan";
    let axis = if unit.is_empty() {
        "Nilai".to_owned()
    } else {
        unit
    };
    Some((chart_of(categories, series, &axis), head, said))
}

/// Each top-level budget row's pagu and realisasi, in millions of rupiah.
fn anggaran_chart(checked: &CheckedReport<'_>) -> (Chart, &'static str, Vec<String>) {
    let (mut categories, mut a, mut b, mut said) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let million = Decimal::from(1_000_000);
    for row in checked.rincian().iter().filter(|r| r.depth == 0) {
        // Its code if short, else its name if short ("Belanja Pegawai"),
        // else its number.
        let uraian = row.rincian.uraian.plain_text().unwrap_or_default();
        let name = match &row.rincian.kode {
            Some(k) if k.chars().count() <= 12 => k.clone(),
            _ if !uraian.is_empty() && uraian.chars().count() <= 20 => uraian,
            _ => format!("Rincian {}", row.number.unwrap_or(0)),
        };
        let pct = share(row.realisasi, row.pagu).unwrap_or(Decimal::ZERO);
        let (pagu, realisasi) = (angka(&row.pagu), angka(&row.realisasi));
        let pct = angka(&pct);
        said.push(format!(
            "{name}: pagu Rp {pagu}, realisasi Rp {realisasi} ({pct} %)"
        ));
        categories.push(name);
        a.push(row.pagu.checked_div(million));
        b.push(row.realisasi.checked_div(million));
    }
    let series = vec![series("Pagu", a, 0.75), series("Realisasi", b, 0.3)];
    let head = "Grafik batang pagu dan realisasi anggaran per rincian, dalam juta rupiah";
    (chart_of(categories, series, "Juta rupiah"), head, said)
}

fn series(name: &str, values: Vec<Option<Decimal>>, shade: f32) -> Series {
    Series {
        name: name.to_owned(),
        values,
        shade,
    }
}

fn chart_of(categories: Vec<String>, series: Vec<Series>, axis: &str) -> Chart {
    Chart {
        categories,
        series,
        axis: axis.to_owned(),
    }
}

/// The cover of a report: its `sampul`, or the title, the unit and the
/// year.
pub(super) fn cover(checked: &CheckedReport<'_>) -> Block {
    let report: &Report = checked.report();
    let s = report.sampul.clone().unwrap_or_default();
    let lines = |b: &Option<crate::model::Baris>, or: Vec<String>| -> Vec<Text> {
        let given = b.as_ref().map(|b| b.lines().to_vec());
        given.unwrap_or(or).into_iter().map(bold).collect()
    };
    let origin = Origin::at(JsonPath::root().key("sampul"));
    let logo = s.logo.as_ref().and_then(|name| {
        let image = checked.image(name)?.clone();
        let first = s.instansi.as_ref().and_then(|i| i.lines().first().cloned());
        let owner = first.unwrap_or_else(|| report.unit.nama.clone());
        Some(Figure {
            content: FigureContent::Image(image),
            width: Some(Pt::from_mm(s.lebar_logo_mm.unwrap_or(35.0))),
            number: None,
            caption: None,
            alt: s
                .alt_logo
                .clone()
                .unwrap_or_else(|| format!("Logo {owner}")),
            id: None,
            origin: Origin::at(JsonPath::root().key("sampul").key("logo")),
        })
    });
    let mut foot = lines(&s.instansi, Vec::new());
    foot.extend(lines(&s.tahun, vec![report.tahun.to_string()]));
    Block::Cover(Cover {
        title: lines(&s.judul, report.title_lines()),
        subtitle: lines(&s.unit, vec![report.unit.nama_lengkap.clone()]),
        logo,
        foot,
        origin,
    })
}
