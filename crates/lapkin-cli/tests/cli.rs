//! The `lapkin` command as a user runs it: exit codes, messages, stdin.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

fn lapkin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lapkin"))
        .args(args)
        .output()
        .expect("running lapkin")
}

fn lapkin_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lapkin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running lapkin");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_accepts_the_reference_report() {
    let out = lapkin(&[
        "check",
        fixture("bpmp-bengkulu-2024-tw2.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(
        "ok: Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu Tahun 2024 (4 indikator, 6 rincian output)"
    ));
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let path = fixture("invalid/unknown-fields-several.json");
    let out = lapkin(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("is not a valid report, 3 problems:"), "{err}");
    assert!(
        err.contains("unit.nama_lengkp: unknown field; did you mean `nama_lengkap`?"),
        "{err}"
    );
    assert!(
        err.contains("penutup.jabtan: unknown field; did you mean `jabatan`?"),
        "{err}"
    );
    assert!(err.contains("judul: unknown field"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn broken_json_gives_line_and_column() {
    let path = fixture("invalid/broken-json-trailing-comma.json");
    let out = lapkin(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("broken-json-trailing-comma.json:6:3: invalid JSON: trailing comma"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn stdin_is_read_for_dash() {
    let ok = lapkin_stdin(
        &["check", "-"],
        &std::fs::read(fixture("minimal.json")).unwrap(),
    );
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).starts_with("<stdin>: ok:"));
    let bad = lapkin_stdin(&["check", "-"], b"{\"unit\": ");
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("<stdin>:1:9: invalid JSON: EOF while parsing a value"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn an_unreadable_file_exits_3() {
    let out = lapkin(&["check", "/nonexistent/laporan.json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/laporan.json"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["chek"][..],
        &["check"][..],
        &["check", "a", "b"][..],
        &[][..],
    ] {
        let out = lapkin(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn help_documents_the_exit_codes_and_version_prints() {
    let out = lapkin(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for line in [
        "0  success",
        "1  invalid input",
        "2  usage error",
        "3  a file could not be read",
    ] {
        assert!(help.contains(line), "{help}");
    }
    let out = lapkin(&["--version"]);
    assert_eq!(
        text(&out.stdout).trim(),
        format!("lapkin {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let out = lapkin(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Laporan Kinerja Triwulan");
    assert!(schema["properties"]["anggaran"].is_object());
}

fn lapkin_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lapkin"))
        .current_dir(dir)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env.iter().copied())
        .output()
        .expect("running lapkin")
}

/// A scratch directory holding a copy of a fixture.
fn scratch(fixture_name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(fixture_name).file_name().unwrap();
    std::fs::copy(fixture(fixture_name), dir.path().join(name)).unwrap();
    dir
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains(".tmp") || n.starts_with(".lapkin"))
        .collect()
}

#[test]
fn render_writes_the_pdf_beside_the_input_by_default() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(dir.path(), &["render", "minimal.json"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = std::fs::read(dir.path().join("minimal.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(leftovers(dir.path()).is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("minimal.pdf"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "an ordinary document, not a private temporary file"
        );
    }
}

#[test]
fn render_reads_stdin_and_writes_stdout() {
    let input = std::fs::read(fixture("minimal.json")).unwrap();
    let out = lapkin_stdin(&["render", "-"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.starts_with(b"%PDF-1.7"));
    let out = lapkin_stdin(&["render", "-", "-o", "-"], &input);
    assert!(out.stdout.starts_with(b"%PDF-1.7"));
}

#[test]
fn a_failed_render_leaves_the_existing_output_alone() {
    let dir = scratch("invalid/unknown-field-typo.json");
    std::fs::write(dir.path().join("laporan.pdf"), b"the signed original").unwrap();
    let out = lapkin_in(
        dir.path(),
        &["render", "unknown-field-typo.json", "-o", "laporan.pdf"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("anggaran.rincian[0].pgu: unknown field; did you mean `pagu`?")
    );
    assert_eq!(
        std::fs::read(dir.path().join("laporan.pdf")).unwrap(),
        b"the signed original"
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn an_unwritable_output_exits_3() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "-o", "no/such/dir/laporan.pdf"],
        &[],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("cannot write no/such/dir/laporan.pdf"));
}

#[test]
fn renders_are_byte_identical_and_source_date_epoch_sets_the_date() {
    let dir = scratch("bpmp-bengkulu-2024-tw2.json");
    let input = "bpmp-bengkulu-2024-tw2.json";
    let run = |output: &str, env: &[(&str, &str)]| {
        let out = lapkin_in(dir.path(), &["render", input, "-o", output], env);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        std::fs::read(dir.path().join(output)).unwrap()
    };
    let a = run("a.pdf", &[]);
    let b = run("b.pdf", &[]);
    assert!(a == b, "two runs differ");
    let c = run("c.pdf", &[("SOURCE_DATE_EPOCH", "1700000000")]);
    assert!(a != c);
    let needle = b"D:20231114221320Z";
    assert!(c.windows(needle.len()).any(|w| w == needle));
}

#[test]
fn another_font_family_can_be_given() {
    let dir = scratch("minimal.json");
    let fonts = root().join("fonts");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "--font", fonts.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let regular = fonts.join("LiberationSans-Regular.ttf");
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "minimal.json",
            "--font",
            regular.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("no bold face, no italic face, no bold italic face"),
        "{err}"
    );
}

#[test]
fn a_character_the_font_lacks_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("minimal.json")).unwrap()).unwrap();
    report["analisis"][0]["kendala"] = serde_json::json!(["Kendala pada \u{6f22}\u{5b57} sistem."]);
    std::fs::write(dir.path().join("r.json"), report.to_string()).unwrap();
    let out = lapkin_in(dir.path(), &["render", "r.json"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "analisis[0].kendala[0]: the regular font LiberationSans has no glyph for \
             '\u{6f22}' (U+6F22), '\u{5b57}' (U+5B57), used in"
        ),
        "{err}"
    );
    assert!(err.contains("Kendala pada"), "{err}");
    assert!(!dir.path().join("r.pdf").exists());
}

#[test]
fn the_signature_box_is_written_for_bsre_v1_and_v2() {
    let dir = scratch("bpmp-bengkulu-2024-tw2.json");
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "bpmp-bengkulu-2024-tw2.json",
            "--signature-box",
            "box.json",
            "--signature-field",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("box.json")).unwrap()).unwrap();
    let page = b["page"].as_u64().unwrap();
    assert!(page >= 10, "the closing block is on the last page: {b}");
    assert_eq!(b["tag"], "#");
    assert_eq!(b["field"], "ttd_kepala");
    assert_eq!(b["bsre_v1"]["page"], b["page"]);
    assert_eq!(b["bsre_v2"]["page"], b["page"]);
    let v1 = &b["bsre_v1"];
    let v2 = &b["bsre_v2"];
    let f = |v: &serde_json::Value| v.as_f64().unwrap();
    assert_eq!(f(&v1["xAxis"]), f(&v2["originX"]));
    assert!((f(&v1["width"]) - 85.04).abs() < 0.01);
    // v1 counts from the bottom, v2 from the top of the A4 page.
    assert!((f(&v1["yAxis"]) + f(&v1["height"]) + f(&v2["originY"]) - 841.89).abs() < 0.02);
    let pdf = std::fs::read(dir.path().join("bpmp-bengkulu-2024-tw2.pdf")).unwrap();
    let needle = b"/FT /Sig";
    assert!(
        pdf.windows(needle.len()).any(|w| w == needle) || pdf.windows(7).any(|w| w == b"/FT/Sig")
    );
}

#[test]
fn the_field_flag_does_not_swallow_the_input() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "--signature-field", "minimal.json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "minimal.json",
            "--signature-field=ttd_sekretaris",
            "-o",
            "b.pdf",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = std::fs::read(dir.path().join("b.pdf")).unwrap();
    assert!(pdf.windows(14).any(|w| w == b"ttd_sekretaris"));
}

#[test]
fn pdf_and_signature_box_cannot_both_go_to_stdout() {
    let out = lapkin(&[
        "render",
        fixture("minimal.json").to_str().unwrap(),
        "-o",
        "-",
        "--signature-box",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot both go to standard output"));
}

#[test]
fn a_tag_in_the_text_is_refused_with_every_place() {
    let out = lapkin(&[
        "check",
        fixture("invalid/tag-character-in-text.json")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for path in [
        "analisis[0].progress[0]: contains the signature tag \"#\"",
        "analisis[0].progress[1].daftar.butir[0]: contains the signature tag \"#\"",
        "penutup.jabatan: contains the signature tag \"#\"",
    ] {
        assert!(err.contains(path), "{err}");
    }
}
