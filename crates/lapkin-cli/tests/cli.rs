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
