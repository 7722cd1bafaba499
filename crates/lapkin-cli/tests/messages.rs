//! What `lapkin` says, in which language and which format: Bahasa
//! Indonesia for Indonesian users, English otherwise; text for people, or
//! one JSON object per problem for editors and forms.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

/// Runs `lapkin` with only the locale variables given.
fn lapkin(locale: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lapkin"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(locale.iter().copied())
        .args(args)
        .output()
        .expect("running lapkin")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const INDONESIAN: &[(&str, &str)] = &[("LANG", "id_ID.UTF-8")];

/// Words that English messages use and Indonesian ones never do.
const ENGLISH_WORDS: &[&str] = &[
    " the ", " is ", "expected", " found", "problem", "unknown", "missing", "must ", "cannot",
    " not ", " should", " of ", "Usage", "error:",
];

/// Every invalid fixture is told in Indonesian only, in Indonesian; in
/// English with `LANG=C` (the same problems, the same paths, exit 1).
#[test]
fn lang_id_speaks_indonesian_only_and_lang_c_english() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixture("invalid")).unwrap() {
        let path = entry.unwrap().path();
        let file = path.to_str().unwrap();
        let id = lapkin(INDONESIAN, &["check", file]);
        let en = lapkin(&[("LANG", "C")], &["check", file]);
        assert_eq!(id.status.code(), Some(1), "{file}");
        assert_eq!(en.status.code(), Some(1), "{file}");
        // Without the input's own words (quoted, or JSON itself).
        let said = text(&id.stderr).replace(file, "");
        let unquoted: String = said.split('"').step_by(2).collect();
        for word in ENGLISH_WORDS {
            assert!(
                !unquoted.contains(word),
                "{file}: {word:?} in the Indonesian messages:\n{said}"
            );
        }
        let en = text(&en.stderr);
        assert!(
            en.contains("is not a valid report")
                || en.contains("invalid JSON")
                || en.contains("UTF-"),
            "{file}: {en}"
        );
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}

/// `--lang` wins over the locale; `LC_ALL` over `LANG`.
#[test]
fn the_option_and_the_locale_variables_choose_the_language() {
    let bad = fixture("invalid/nip-wrong-length.json");
    let bad = bad.to_str().unwrap();
    let said = |locale: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["check", bad];
        all.extend(args);
        text(&lapkin(locale, &all).stderr)
    };
    assert!(said(INDONESIAN, &[]).contains("seharusnya 18 angka"));
    assert!(said(INDONESIAN, &["--lang", "en"]).contains("expected 18 digits"));
    assert!(said(&[], &["--lang=id"]).contains("seharusnya 18 angka"));
    assert!(said(&[("LC_ALL", "C"), ("LANG", "id_ID.UTF-8")], &[]).contains("expected 18 digits"));
    assert!(said(&[("LC_MESSAGES", "id_ID")], &[]).contains("bukan laporan yang sah"));
}

/// `--message-format json`: one JSON object per problem and line, on
/// standard output, with its path as an array of keys and indices, its
/// kind, its message and hint in the language of the run; exit 1.
#[test]
fn json_messages_put_each_problem_on_its_field() {
    let bad = fixture("invalid/unknown-fields-several.json");
    let out = lapkin(
        INDONESIAN,
        &["check", bad.to_str().unwrap(), "--message-format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "");
    let objects: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(objects.len() >= 2, "{objects:?}");
    for o in &objects {
        assert!(o["path"].is_array(), "{o}");
        assert_eq!(o["kind"], "unknown-field", "{o}");
        assert_eq!(o["message"], "isian tidak dikenal", "{o}");
        assert_eq!(o["level"], "error");
        assert_eq!(o["input"], bad.to_str().unwrap());
    }
    // The same in English.
    let en = lapkin(
        &[],
        &["check", bad.to_str().unwrap(), "--message-format=json"],
    );
    let first: serde_json::Value =
        serde_json::from_str(text(&en.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["message"], "unknown field");
    assert_eq!(first["path"], objects[0]["path"]);
    // Broken JSON: its line and column.
    let broken = fixture("invalid/broken-json-trailing-comma.json");
    let out = lapkin(
        &[],
        &[
            "check",
            broken.to_str().unwrap(),
            "--message-format",
            "json",
        ],
    );
    let o: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(
        (o["line"].as_u64(), o["column"].as_u64()),
        (Some(6), Some(3))
    );
    assert_eq!(o["kind"], "json-syntax");
}

/// A render whose PDF goes to standard output tells its problems, as
/// JSON, on standard error; a failure that is not a problem of the input
/// is one object too.
#[test]
fn json_messages_leave_standard_output_to_the_pdf() {
    let bad = fixture("invalid/nip-wrong-length.json");
    let out = lapkin(
        &[],
        &[
            "render",
            bad.to_str().unwrap(),
            "-o",
            "-",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let o: serde_json::Value = serde_json::from_str(text(&out.stderr).trim()).unwrap();
    assert_eq!(o["path"], serde_json::json!(["penutup", "nip"]));
    assert_eq!(o["kind"], "nip-length");
    let out = lapkin(
        &[],
        &[
            "check",
            "/nonexistent/laporan.json",
            "--message-format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let o: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(o["kind"], "io");
    assert_eq!(o["input"], "/nonexistent/laporan.json");
}

/// `--help`, the commands' own words and clap's usage errors are in
/// Indonesian for Indonesian users.
#[test]
fn help_and_usage_errors_are_indonesian() {
    let help = text(&lapkin(INDONESIAN, &["--help"]).stdout);
    for words in [
        "Penggunaan: lapkin [OPSI] <PERINTAH>",
        "Perintah:",
        "Memeriksa laporan",
        "Kode keluar:",
        "Tampilkan bantuan",
    ] {
        assert!(help.contains(words), "{words}:\n{help}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "Exit codes:",
    ] {
        assert!(!help.contains(english), "{english}:\n{help}");
    }
    let render = text(&lapkin(INDONESIAN, &["help", "render"]).stdout);
    assert!(
        render.contains("Membuat PDF resmi dari laporan"),
        "{render}"
    );
    assert!(render.contains("<KELUARAN>"), "{render}");
    let out = lapkin(INDONESIAN, &["chek"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("galat: perintah 'chek' tidak dikenal"),
        "{err}"
    );
    assert!(
        err.contains("mungkin maksudnya perintah") && err.contains("'check'"),
        "{err}"
    );
    let out = lapkin(
        INDONESIAN,
        &["check", "x.json", "--max-input-size", "banyak"],
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("seharusnya jumlah bita seperti 64M atau 1048576"),
        "{err}"
    );
    let ok = lapkin(
        INDONESIAN,
        &["check", fixture("minimal.json").to_str().unwrap()],
    );
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        text(&ok.stdout).contains(": baik: Laporan Kinerja Triwulan 1"),
        "{}",
        text(&ok.stdout)
    );
}
