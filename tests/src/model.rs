use lapkin::Report;
use lapkin_tests::{REFERENCE, fixture, fixture_bytes, load_report, root};

#[test]
fn the_reference_fixture_round_trips() {
    let report = load_report(REFERENCE);
    let json = serde_json::to_string_pretty(&report).unwrap();
    let again = lapkin::parse_report(json.as_bytes()).unwrap();
    assert_eq!(report, again);
    // Serde alone agrees with the checked parser.
    let plain: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(report, plain);
}

#[test]
fn the_reference_fixture_holds_the_whole_report() {
    let r = load_report(REFERENCE);
    assert_eq!(
        r.title(),
        "Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu Tahun 2024"
    );
    let codes: Vec<&str> = r
        .indikator()
        .filter_map(|(_, i)| i.kode.as_deref())
        .collect();
    assert_eq!(codes, ["IKK 1.1", "IKK 1.2", "IKK 2.1", "IKK 2.2"]);
    let analysed: Vec<&str> = r
        .analisis
        .iter()
        .filter_map(|a| a.indikator.as_deref())
        .collect();
    assert_eq!(analysed, codes);
    let anggaran = r.anggaran.as_ref().unwrap();
    assert_eq!(anggaran.rincian.len(), 6);
    let t = anggaran.totals().unwrap();
    assert_eq!(lapkin::format::angka(&t.pagu), "27.576.750.000");
    assert_eq!(lapkin::format::angka(&t.realisasi), "8.915.814.904");
    assert_eq!(lapkin::format::angka(&t.sisa_anggaran), "18.660.935.096");
    let penutup = r.penutup.as_ref().unwrap();
    assert_eq!(penutup.tanggal.printed(), "07 Agustus 2024");
    assert_eq!(penutup.nip.as_deref(), Some("196805091993032001"));
}

#[test]
fn every_valid_fixture_round_trips() {
    for entry in std::fs::read_dir(root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") && !path.ends_with("lapkin.schema.json") {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let report = load_report(&name);
            let json = serde_json::to_vec(&report).unwrap();
            assert_eq!(lapkin::parse_report(&json).unwrap(), report, "{name}");
        }
    }
}

/// Each invalid fixture is refused, with every problem, its path and what
/// was expected, in English and in Indonesian: the messages are snapshots.
#[test]
fn invalid_fixtures_are_refused_with_clear_messages() {
    insta::glob!("../../fixtures", "invalid/*.json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let err = lapkin::parse_report(&bytes).expect_err("an invalid fixture was accepted");
        assert!(err.is_input_error(), "{err:?}");
        let id = err.text(lapkin::problem::Lang::Id);
        insta::assert_snapshot!(format!("{err}\n\n{id}"));
    });
}

#[test]
fn there_are_at_least_fifteen_invalid_fixtures() {
    let n = std::fs::read_dir(fixture("invalid")).unwrap().count();
    assert!(n >= 15, "{n}");
}

/// `fixtures/lapkin.schema.json` is what `lapkin schema` prints; editors
/// point `$schema` at it. Regenerate with
/// `cargo run -p lapkin-cli -- schema > fixtures/lapkin.schema.json`.
#[test]
fn the_committed_schema_is_in_sync_with_the_model() {
    let committed: serde_json::Value =
        serde_json::from_slice(&fixture_bytes("lapkin.schema.json")).unwrap();
    assert_eq!(
        committed,
        lapkin::model::report_schema(),
        "fixtures/lapkin.schema.json is stale: regenerate it with \
         `cargo run -p lapkin-cli -- schema > fixtures/lapkin.schema.json`"
    );
}

/// `render` refuses what it cannot print with every problem at once, each
/// with its path: characters the faces lack (in the face each text is
/// printed in), a tab, the signature tag without a glyph.
#[test]
fn render_names_every_missing_character_and_the_tag() {
    let mut report = load_report("minimal.json");
    report.penutup.as_mut().unwrap().nama = Some("Nama \u{6f22}".into());
    report.analisis[0].kendala = Some(vec![
        lapkin::model::Blok::Paragraf("Kendala \u{2603}.".into()),
        lapkin::model::Blok::Paragraf("Tidak\tada.".into()),
    ]);
    report.rekomendasi = vec![lapkin::model::Blok::Paragraf("*Miring \u{5b57}*".into())];
    report.tanda_tangan.tag = Some("\u{2318}".into());
    let err = lapkin::render(&report, &lapkin::RenderOptions::default()).unwrap_err();
    let problems: Vec<String> = err
        .problems()
        .iter()
        .map(|p| {
            let message = p.message(lapkin::problem::Lang::En);
            format!(
                "{}: {}",
                p.path().unwrap(),
                message.split(',').next().unwrap()
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            "analisis[0].kendala[0]: the regular font LiberationSans has no glyph for '\u{2603}' (U+2603)",
            "analisis[0].kendala[1]: contains a tab character",
            "rekomendasi[0]: the italic font LiberationSans-Italic has no glyph for '\u{5b57}' (U+5B57)",
            "penutup.nama: the bold font LiberationSans-Bold has no glyph for '\u{6f22}' (U+6F22)",
            "tanda_tangan.tag: the regular font LiberationSans has no glyph for the tag '\u{2318}' (U+2318)",
        ]
    );
}

/// A link with letters outside ASCII reaches the PDF as a 7-bit `/URI`,
/// percent-encoded as UTF-8.
#[test]
fn non_ascii_links_are_percent_encoded_in_the_pdf() {
    let mut report = load_report("minimal.json");
    report.rekomendasi = vec![lapkin::model::Blok::Paragraf(
        "Lihat <https://bücher.example/straße>.".into(),
    )];
    let pdf = lapkin::render(&report, &lapkin::RenderOptions::default())
        .unwrap()
        .pdf;
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let mut uris: Vec<Vec<u8>> = Vec::new();
    for page in doc.get_pages().values() {
        let Ok(annots) = doc.get_dictionary(*page).unwrap().get(b"Annots") else {
            continue;
        };
        for a in annots.as_array().unwrap() {
            let a = match a {
                lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                other => other.as_dict().unwrap(),
            };
            if let Ok(action) = a.get(b"A") {
                let action = match action {
                    lopdf::Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
                    other => other.as_dict().unwrap(),
                };
                uris.push(action.get(b"URI").unwrap().as_str().unwrap().to_vec());
            }
        }
    }
    assert_eq!(
        uris,
        [b"https://b%C3%BCcher.example/stra%C3%9Fe".to_vec()],
        "{:?}",
        uris.iter()
            .map(|u| String::from_utf8_lossy(u))
            .collect::<Vec<_>>()
    );
}
