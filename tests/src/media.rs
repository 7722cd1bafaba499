//! Figures, charts and the cover (`fixtures/media.json`, its images in
//! `fixtures/img/`): where an image lands and at what size, its caption
//! below, the chart's bars proportional to the report's figures, the
//! cover's page without furniture, the files refused with their paths,
//! the PDF's image objects, and `verify` from the PDF alone.

use lapkin::layout::{Item, Layout};
use lapkin::media::{FileError, Files};
use lapkin::problem::Kind;
use lapkin::{RenderOptions, Report, Verification};
use lapkin_tests::{fixture, fixture_bytes, load_report};

const MEDIA: &str = "media.json";

/// The files `report` names, read from `fixtures/` (the JSON's folder).
fn files(report: &Report) -> Files {
    lapkin_tests::files_in(report, &fixture(""))
}

/// The bars of chart `figure` (a structure node): its outlined boxes wider
/// than 10 pt (the legend's keys are narrower), in painting order.
fn bars(layout: &Layout, figure: usize) -> Vec<&lapkin::layout::BoxItem> {
    let items = layout.pages.iter().flat_map(|p| &p.items);
    let boxes = items.filter_map(|i| match i {
        Item::Box(b) => Some(b),
        _ => None,
    });
    let node = lapkin::layout::tags::Tag::Node(figure);
    boxes
        .filter(|b| b.tag == node && b.stroke.is_some() && b.rect.width.0 > 10.0)
        .collect()
}

fn opts(report: &Report) -> RenderOptions {
    RenderOptions::default().with_files(files(report))
}

fn layout(report: &Report) -> Layout {
    let opts = opts(report);
    let checked = lapkin::validate_with_files(report, &opts.fonts, &opts.files).unwrap();
    checked.layout(&opts).unwrap()
}

/// The page (0-based) and rectangle of every image drawn, in order.
fn images(layout: &Layout) -> Vec<(usize, lapkin::layout::Rect, usize)> {
    let mut out = Vec::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Image(i) = item {
                out.push((p, i.rect, i.image));
            }
        }
    }
    out
}

/// The first text run on page `p` that starts with `text`: (x, baseline).
fn run(layout: &Layout, p: usize, text: &str) -> (f64, f64) {
    layout.pages[p]
        .all_items()
        .find_map(|i| match i {
            Item::Text(t) if t.text.starts_with(text) => Some((t.x.0, t.y.0)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no run {text:?} on page {}", p + 1))
}

/// The organisation chart (1200 × 640 px, no width given) is as wide as
/// the text (it is wider at 150 dpi) and keeps its proportions; the photo
/// is 80 mm wide as asked, centred; each caption, numbered, is centred
/// right below its image; the logo is on the cover, 35 mm wide.
#[test]
fn images_land_scaled_and_centred_with_their_captions_below() {
    let report = load_report(MEDIA);
    let layout = layout(&report);
    let style = lapkin::layout::Style::default();
    let (left, width) = (style.margin.left.0, style.text_width().0);
    let found = images(&layout);
    assert_eq!(found.len(), 3, "{found:?}");
    let (p, logo, _) = found[0];
    assert_eq!(p, 0);
    assert!((logo.width.0 - 35.0 * 72.0 / 25.4).abs() < 0.01, "{logo:?}");
    assert!((logo.width.0 - logo.height.0).abs() < 0.01, "a square logo");
    let (p, chart, _) = found[1];
    assert!((chart.width.0 - width).abs() < 0.01, "{chart:?}");
    assert!((chart.x.0 - left).abs() < 0.01);
    assert!((chart.height.0 - width * 640.0 / 1200.0).abs() < 0.01);
    let (cx, cy) = run(&layout, p, "Gambar 1. Struktur Organisasi");
    assert!(
        cy > chart.bottom().0 && cy < chart.bottom().0 + 30.0,
        "{cy}"
    );
    let caption_w = layout.pages[p]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text(t) if t.text.starts_with("Gambar 1.") => Some(t.width.0),
            _ => None,
        })
        .unwrap();
    assert!(
        (cx + caption_w / 2.0 - (left + width / 2.0)).abs() < 0.5,
        "centred"
    );
    let (_, photo, _) = found[2];
    assert!(
        (photo.width.0 - 80.0 * 72.0 / 25.4).abs() < 0.01,
        "{photo:?}"
    );
    assert!((photo.height.0 - photo.width.0 * 320.0 / 480.0).abs() < 0.01);
    assert!((photo.x.0 + photo.width.0 / 2.0 - (left + width / 2.0)).abs() < 0.01);
    // Three distinct images, each once in the layout.
    assert_eq!(layout.images.len(), 3);
}

/// An image taller than the page body is scaled down whole to fit it,
/// with its caption, on one page.
#[test]
fn an_image_taller_than_the_page_is_scaled_down_to_fit() {
    let mut report = load_report(MEDIA);
    let mut opts = opts(&report);
    let tall =
        r#"{"gambar": {"berkas": "img/tinggi.png", "judul": "Bagan tinggi", "alt": "Bagan"}}"#;
    report.rekomendasi.push(serde_json::from_str(tall).unwrap());
    let mut png = Vec::new();
    {
        let mut enc = png_encoder(&mut png, 100, 2000);
        enc.write_image_data(&vec![128u8; 100 * 2000]).unwrap();
    }
    opts.files.insert("img/tinggi.png", png);
    let checked = lapkin::validate_with_files(&report, &opts.fonts, &opts.files).unwrap();
    let layout = checked.layout(&opts).unwrap();
    let (p, rect, _) = *images(&layout).last().unwrap();
    let style = lapkin::layout::Style::default();
    let body = style.page.height.0 - style.margin.top.0 - style.margin.bottom.0;
    assert!(rect.height.0 < body, "{rect:?}");
    assert!((rect.width.0 / rect.height.0 - 100.0 / 2000.0).abs() < 1e-6);
    let (_, caption_y) = run(&layout, p, "Gambar 6. Bagan tinggi");
    assert!(
        caption_y > rect.bottom().0,
        "the caption on the image's page, below it"
    );
}

fn png_encoder(out: &mut Vec<u8>, w: u32, h: u32) -> png::Writer<&mut Vec<u8>> {
    let mut enc = png::Encoder::new(out, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap()
}

/// The chart of `kinerja`: each indicator's realisation bar is to its
/// target bar (100 %) as its realisation is to its target (22,5 of 20,
/// 1 of 1, 70 of 80), all bars on one baseline; the alternative text says
/// the figures.
#[test]
fn the_chart_bars_are_proportional_to_the_figures() {
    let report = load_report(MEDIA);
    let layout = layout(&report);
    let figure = layout
        .structure
        .nodes
        .iter()
        .position(|n| {
            n.alt
                .as_deref()
                .is_some_and(|a| a.starts_with("Grafik batang target"))
        })
        .expect("the chart's Figure");
    let alt = layout.structure.nodes[figure].alt.clone().unwrap();
    assert!(
        alt.contains("IKK 1.1: target 100 %, realisasi 112,5 %"),
        "{alt}"
    );
    assert!(
        alt.contains("IKK 2.1: target 100 %, realisasi 87,5 %"),
        "{alt}"
    );
    let bars: Vec<(f32, lapkin::layout::Rect)> = (bars(&layout, figure).iter())
        .map(|b| (b.fill.unwrap(), b.rect))
        .collect();
    // Three indicators, a target and a realisation bar each.
    assert_eq!(bars.len(), 6, "{bars:?}");
    let bottom = bars[0].1.bottom().0;
    for (_, r) in &bars {
        assert!((r.bottom().0 - bottom).abs() < 1e-6);
    }
    for (k, want) in [(0, 1.125), (1, 1.0), (2, 0.875)] {
        let (target, done) = (bars[2 * k].1.height.0, bars[2 * k + 1].1.height.0);
        assert!(
            (done / target - want).abs() < 1e-9,
            "{k}: {done} / {target}"
        );
        assert!(bars[2 * k].0 > bars[2 * k + 1].0, "the target lighter");
    }
    // The axis's labels, the Indonesian way, and the value labels.
    let texts: Vec<&str> = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(t) if t.tag == lapkin::layout::tags::Tag::Node(figure) => {
                Some(t.text.as_str())
            }
            _ => None,
        })
        .collect();
    for want in [
        "Target",
        "Realisasi",
        "0",
        "25",
        "125",
        "112,5",
        "87,5",
        "IKK 1.2",
    ] {
        assert!(texts.contains(&want), "{want} in {texts:?}");
    }
}

/// The budget chart: pagu and realisasi per top-level row, in millions,
/// its bars' heights in the ratio of the figures.
#[test]
fn the_budget_chart_shows_pagu_and_realisasi_in_millions() {
    let report = load_report(MEDIA);
    let layout = layout(&report);
    let figure = layout.structure.nodes.iter().position(|n| {
        n.alt
            .as_deref()
            .is_some_and(|a| a.starts_with("Grafik batang pagu"))
    });
    let figure = figure.expect("the budget chart");
    let alt = layout.structure.nodes[figure].alt.clone().unwrap();
    assert!(
        alt.contains("pagu Rp 2.500.000.000, realisasi Rp 1.100.000.000 (44 %)"),
        "{alt}"
    );
    let bars: Vec<f64> = bars(&layout, figure)
        .iter()
        .map(|b| b.rect.height.0)
        .collect();
    assert_eq!(bars.len(), 4);
    assert!(
        (bars[3] / bars[2] - 1_100.0 / 2_500.0).abs() < 1e-9,
        "{bars:?}"
    );
    assert!(
        (bars[1] / bars[2] - 0.25 / 2_500.0).abs() < 1e-9,
        "{bars:?}"
    );
}

/// A chart of figures written as text is refused at the value's path,
/// naming the chart; an indicator without a target this quarter (0, or
/// left out) or without a realisation is drawn without bars, and the
/// alternative text says so.
#[test]
fn a_chart_of_text_values_is_refused_at_the_values_path() {
    let mut json: serde_json::Value = serde_json::from_slice(&fixture_bytes(MEDIA)).unwrap();
    json["kinerja"]["sasaran"][1]["indikator"][0]["capaian"] = serde_json::json!("BB");
    json["kinerja"]["sasaran"][0]["indikator"][1]["target"] = serde_json::json!("TW2 : 1");
    let err = lapkin::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap_err();
    let found: Vec<(String, Kind)> = err
        .problems()
        .iter()
        .map(|p| (p.path().unwrap().to_string(), p.kind))
        .collect();
    let at = |s: &str| (s.to_owned(), Kind::ChartNotANumber);
    assert_eq!(
        found,
        [
            at("kinerja.sasaran[0].indikator[1].target"),
            at("kinerja.sasaran[1].indikator[0].capaian"),
        ]
    );
    let text = err.to_string();
    let says = "the chart at susunan.bagian[2].isi[0].grafik needs a number here, found \"BB\"";
    assert!(text.contains(says), "{text}");
    let id = err.problems()[1].text(lapkin::problem::Lang::Id);
    assert!(id.contains("memerlukan angka"), "{id}");
    // A target of 0 and a realisation left out: no bars for those two.
    json["kinerja"]["sasaran"][1]["indikator"][0]["capaian"] = serde_json::Value::Null;
    json["kinerja"]["sasaran"][0]["indikator"][1]["target"] = serde_json::json!(0);
    json["kinerja"]["sasaran"][1]["indikator"][0]
        .as_object_mut()
        .unwrap()
        .remove("capaian");
    let report = lapkin::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap();
    let layout = layout(&report);
    let figure = (layout.structure.nodes.iter())
        .position(|n| {
            n.alt
                .as_deref()
                .is_some_and(|a| a.starts_with("Grafik batang target"))
        })
        .unwrap();
    let alt = layout.structure.nodes[figure].alt.clone().unwrap();
    assert!(alt.contains("IKK 1.2: tanpa target triwulan ini"), "{alt}");
    assert!(alt.contains("IKK 2.1: belum ada realisasi"), "{alt}");
    assert_eq!(bars(&layout, figure).len(), 2, "IKK 1.1's two bars only");
}

/// Each file that cannot be had is refused at the path that names it,
/// with why, in both languages: missing, unreadable, too large, not an
/// image, cut short, a CMYK JPEG; and a file given nowhere.
#[test]
fn files_that_cannot_be_used_are_refused_with_their_paths() {
    let report = load_report(MEDIA);
    let at = "susunan.bagian[1].isi[1].gambar.berkas";
    let refused = |files: Files| {
        let opts = RenderOptions::default().with_files(files);
        let err = lapkin::render(&report, &opts).unwrap_err();
        err.problems()
            .iter()
            .map(|p| (p.path().unwrap().to_string(), p.kind, p.to_string()))
            .collect::<Vec<_>>()
    };
    let png = std::fs::read(fixture("img/struktur.png")).unwrap();
    type Case = (Result<Vec<u8>, FileError>, Kind, &'static str);
    let cases: Vec<Case> = vec![
        (
            Err(FileError::NotFound("/srv/img/struktur.png".into())),
            Kind::FileMissing,
            "does not exist (looked for at \"/srv/img/struktur.png\")",
        ),
        (
            Err(FileError::Unreadable("Permission denied".into())),
            Kind::FileUnreadable,
            "cannot be read: Permission denied",
        ),
        (
            Err(FileError::TooLarge(20_000_000)),
            Kind::FileTooLarge,
            "is 20000000 bytes; the limit is 16777216 bytes",
        ),
        (
            Ok(b"bukan gambar".to_vec()),
            Kind::NotAnImage,
            "is not a PNG or JPEG image",
        ),
        (
            Ok(png[..png.len() / 2].to_vec()),
            Kind::ImageUndecodable,
            "cannot be decoded",
        ),
        (Ok(cmyk_jpeg()), Kind::ImageUnsupported, "is a CMYK JPEG"),
        (
            Ok(png_header(10_000, 10_000)),
            Kind::ImageTooManyPixels,
            "is 10000 × 10000 pixels; the limit is 20000000 pixels",
        ),
    ];
    for (given, kind, says) in cases {
        let mut files = files(&report);
        match given {
            Ok(bytes) => files.insert("img/struktur.png", bytes),
            Err(e) => files.insert_error("img/struktur.png", e),
        }
        let found = refused(files);
        assert_eq!(found.len(), 1, "{found:?}");
        let (path, k, text) = &found[0];
        assert_eq!((path.as_str(), *k), (at, kind), "{text}");
        assert!(
            text.contains("\"img/struktur.png\"") && text.contains(says),
            "{text}"
        );
    }
    // Given nowhere: every file, each at its own path, in the JSON's order.
    let found = refused(Files::new());
    let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        paths,
        [
            "susunan.bagian[1].isi[1].gambar.berkas",
            "susunan.bagian[1].isi[2].gambar.berkas",
            "sampul.logo",
        ]
    );
    assert!(found.iter().all(|f| f.1 == Kind::FileNotGiven));
}

/// The start of a PNG of `w` × `h` grey pixels: its signature and header
/// chunk, all lapkin reads before it refuses too many pixels.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut chunk = b"IHDR".to_vec();
    chunk.extend(w.to_be_bytes());
    chunk.extend(h.to_be_bytes());
    chunk.extend([8, 0, 0, 0, 0]);
    let mut crc = flate2::Crc::new();
    crc.update(&chunk);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&chunk);
    png.extend(crc.sum().to_be_bytes());
    png
}

/// The frame header of a JPEG with four components (CMYK), as a
/// printing house's file has: enough for lapkin to refuse it.
fn cmyk_jpeg() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8];
    j.extend([0xFF, 0xC0, 0, 20, 8, 0, 16, 0, 16, 4]);
    j.extend([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
    j.extend([0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
    j
}

/// The PDF: the JPEG embedded byte for byte (`/DCTDecode`), the logo's
/// transparency as a soft mask, no `/Interpolate`; the same bytes twice.
#[test]
fn the_pdf_embeds_the_jpeg_as_given_and_the_alpha_as_a_soft_mask() {
    let report = load_report(MEDIA);
    let pdf = lapkin::render(&report, &opts(&report)).unwrap().pdf;
    let again = lapkin::render(&report, &opts(&report)).unwrap().pdf;
    assert!(pdf == again, "the same bytes");
    let jpeg = std::fs::read(fixture("img/foto.jpg")).unwrap();
    assert!(
        pdf.windows(jpeg.len()).any(|w| w == jpeg),
        "the JPEG as given"
    );
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let images: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict
                .get(b"Subtype")
                .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image"))
        })
        .collect();
    // Logo (with its mask), chart, photo.
    assert_eq!(images.len(), 4);
    let filters: Vec<Vec<u8>> = images
        .iter()
        .map(|s| s.dict.get(b"Filter").unwrap().as_name().unwrap().to_vec())
        .collect();
    assert_eq!(
        filters
            .iter()
            .filter(|f| f.as_slice() == b"DCTDecode")
            .count(),
        1
    );
    let masked: Vec<_> = images
        .iter()
        .filter(|s| s.dict.get(b"SMask").is_ok())
        .collect();
    assert_eq!(masked.len(), 1, "the logo's transparency");
    assert!(images.iter().all(|s| s.dict.get(b"Interpolate").is_err()));
    // The organisation chart's samples, decoded, are its pixels.
    let chart = images
        .iter()
        .find(|s| s.dict.get(b"Width").unwrap().as_i64().unwrap() == 1200)
        .unwrap();
    let samples = chart.decompressed_content().unwrap();
    assert_eq!(samples.len(), 1200 * 640 * 3);
}

/// `--attach-source` carries the images: `verify` re-renders the document
/// from the PDF alone (its attached images, not any file on disk) and
/// finds it identical.
#[test]
fn verify_rerenders_from_the_pdf_alone_with_its_images() {
    let report = load_report(MEDIA);
    let opts = opts(&report).with_attach_source(true);
    let pdf = lapkin::render(&report, &opts).unwrap().pdf;
    let fonts = lapkin::text::FontSet::liberation_sans();
    let limit = lapkin::model::MAX_INPUT_BYTES as u64;
    assert_eq!(
        lapkin::verify(&pdf, &fonts, limit).unwrap(),
        Verification::Identical {
            later_revisions: false
        }
    );
    // The attached report parses back, naming the same files.
    let json = lapkin::extract_source(&pdf, limit).unwrap();
    assert_eq!(lapkin::parse_report(&json).unwrap().files(), report.files());
    // Made with another organisation chart, the document differs, and is
    // re-made from its own attachments.
    let mut other = opts.clone();
    other.files.insert(
        "img/struktur.png",
        std::fs::read(fixture("img/logo.png")).unwrap(),
    );
    let changed = lapkin::render(&report, &other).unwrap().pdf;
    assert!(changed != pdf);
    assert_eq!(
        lapkin::verify(&changed, &fonts, limit).unwrap(),
        Verification::Identical {
            later_revisions: false
        },
        "its own attachments remake it"
    );
}

/// The cover is the first page, alone: its lines, the logo, and no page
/// label, running header or legal note; the title follows on page 2.
#[test]
fn the_cover_has_a_page_of_its_own_without_furniture() {
    let report = load_report(MEDIA);
    let layout = layout(&report);
    let cover = &layout.pages[0];
    assert!(cover.footer.is_empty() && cover.header.is_empty());
    let text = layout.page_text(0).unwrap();
    assert_eq!(
        text,
        "LAPORAN KINERJA\nTRIWULAN I TAHUN 2025\nUNIT PELAKSANA TEKNIS CONTOH\nKEMENTERIAN CONTOH\nREPUBLIK INDONESIA\nBENGKULU\n2025"
    );
    assert!(
        layout
            .page_text(1)
            .unwrap()
            .starts_with("Laporan Kinerja Triwulan 1 UPT Contoh")
    );
    assert!(layout.page_text(1).unwrap().contains("Halaman 2 dari"));
    // The agencies and the year at the foot, the title at the top.
    let style = lapkin::layout::Style::default();
    let (_, title) = run(&layout, 0, "LAPORAN KINERJA");
    let (_, year) = run(&layout, 0, "2025");
    assert!(title < style.margin.top.0 + 30.0, "{title}");
    assert!(
        year > style.page.height.0 - style.margin.bottom.0 - 20.0,
        "{year}"
    );
    // Without a `sampul` object: the title, the unit and the year.
    let mut bare = report.clone();
    bare.sampul = None;
    let layout = self::layout(&bare);
    assert_eq!(
        layout.page_text(0).unwrap(),
        "Laporan Kinerja Triwulan 1 UPT Contoh Tahun 2025\nUnit Pelaksana Teknis Contoh\n2025"
    );
}

/// The command reads the images next to the JSON file, and refuses a
/// missing one with its path and no output.
#[test]
fn the_parse_and_render_reader_is_asked_for_each_file_once() {
    let json = fixture_bytes(MEDIA);
    let mut asked = Vec::new();
    let read = |name: &str| {
        asked.push(name.to_owned());
        std::fs::read(fixture(name)).map_err(|e| FileError::Unreadable(e.to_string()))
    };
    let opts = RenderOptions::default();
    let (_, rendered) = lapkin::parse_and_render_with(&json, 1 << 20, &opts, read).unwrap();
    assert_eq!(asked, ["img/struktur.png", "img/foto.jpg", "img/logo.png"]);
    assert_eq!(
        rendered.pdf,
        lapkin::render(&load_report(MEDIA), &self::opts(&load_report(MEDIA)))
            .unwrap()
            .pdf
    );
}

/// A report of the reference's content four times over (about 60 pages)
/// with a cover, the organisation chart and ten charts: it renders, the
/// charts where they are asked for, the pages linear in the input (the
/// benchmark `figures` measures the time against the same report without
/// them).
#[test]
fn a_long_report_with_ten_charts_renders() {
    let plain = lapkin_tests::big_report(&load_report(lapkin_tests::REFERENCE), 4, 300);
    let with = lapkin_tests::with_figures(&plain);
    let layout = layout(&with);
    let charts = (layout.structure.nodes.iter())
        .filter(|n| {
            n.alt
                .as_deref()
                .is_some_and(|a| a.starts_with("Grafik batang"))
        })
        .count();
    assert_eq!(charts, 10);
    assert_eq!(
        images(&layout).len(),
        2,
        "the logo and the organisation chart"
    );
    assert!(layout.pages.len() >= 40, "{}", layout.pages.len());
}

/// The chart of one indicator by quarter: its year's target beside each
/// quarter's cumulative value (10 and 22,5 of 90 %; no bar for the
/// quarters not reported yet); without an indicator, or with an unknown
/// one, refused at `indikator`.
#[test]
fn the_quarter_chart_shows_one_indicator_quarter_by_quarter() {
    let report = load_report(MEDIA);
    let layout = layout(&report);
    let figure = (layout.structure.nodes.iter())
        .position(|n| {
            n.alt
                .as_deref()
                .is_some_and(|a| a.starts_with("Grafik batang realisasi kumulatif"))
        })
        .expect("the quarter chart");
    let alt = layout.structure.nodes[figure].alt.clone().unwrap();
    assert!(
        alt.contains("IKK 1.1: target tahunan 90 %; TW I 10 %; TW II 22,5 %; TW III belum ada"),
        "{alt}"
    );
    let bars: Vec<f64> = bars(&layout, figure)
        .iter()
        .map(|b| b.rect.height.0)
        .collect();
    // Target, realisation for TW I and II; the target alone for III and IV.
    assert_eq!(bars.len(), 6, "{bars:?}");
    assert!((bars[1] / bars[0] - 10.0 / 90.0).abs() < 1e-9, "{bars:?}");
    assert!((bars[3] / bars[2] - 22.5 / 90.0).abs() < 1e-9, "{bars:?}");
    let mut json: serde_json::Value = serde_json::from_slice(&fixture_bytes(MEDIA)).unwrap();
    let chart = &mut json["susunan"]["bagian"][2]["isi"][1]["grafik"];
    chart["indikator"] = serde_json::json!("IKK 9.9");
    let err = lapkin::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.kind, Kind::UnknownIndicator);
    assert!(p.path().unwrap() == "susunan.bagian[2].isi[1].grafik.indikator");
    json["susunan"]["bagian"][2]["isi"][1]["grafik"]
        .as_object_mut()
        .unwrap()
        .remove("indikator");
    let err = lapkin::parse_report(&serde_json::to_vec(&json).unwrap()).unwrap_err();
    assert_eq!(err.problems()[0].kind, Kind::MissingField);
}

/// A greyscale JPEG stays one component (`/DeviceGray`), as given; a
/// PNG with transparency gets its soft mask, one without none.
#[test]
fn colour_spaces_follow_the_files() {
    let mut report = load_report(MEDIA);
    let grey = r#"{"gambar": {"berkas": "img/abu.jpg", "alt": "Foto hitam putih"}}"#;
    report.rekomendasi.push(serde_json::from_str(grey).unwrap());
    let pdf = lapkin::render(&report, &opts(&report)).unwrap().pdf;
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let mut found: Vec<(i64, String, bool)> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict
                .get(b"Subtype")
                .is_ok_and(|t| t.as_name().is_ok_and(|n| n == b"Image"))
        })
        .map(|s| {
            let w = s.dict.get(b"Width").unwrap().as_i64().unwrap();
            let cs = s.dict.get(b"ColorSpace").unwrap().as_name().unwrap();
            (
                w,
                String::from_utf8_lossy(cs).into_owned(),
                s.dict.get(b"SMask").is_ok(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (240, "DeviceGray".to_owned(), false),
            (240, "DeviceRGB".to_owned(), true),
            (480, "DeviceGray".to_owned(), false),
            (480, "DeviceRGB".to_owned(), false),
            (1200, "DeviceRGB".to_owned(), false),
        ]
    );
    let abu = std::fs::read(fixture("img/abu.jpg")).unwrap();
    assert!(pdf.windows(abu.len()).any(|w| w == abu));
}
