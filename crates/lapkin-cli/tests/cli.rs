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

/// The command, in English whatever the locale of the machine running the
/// tests (tests/messages.rs runs it in Indonesian).
fn english() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lapkin"));
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}

fn lapkin(args: &[&str]) -> Output {
    english().args(args).output().expect("running lapkin")
}

fn lapkin_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = english()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running lapkin");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A PDF's objects written out plainly, for searching its bytes: lapkin
/// packs its dictionaries into compressed object streams.
fn plain(pdf: &[u8]) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.decompress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
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
        "ok: Laporan Kinerja Triwulan 2 BPMP Provinsi Bengkulu Tahun 2024 (4 indikator, 6 budget rows)"
    ));
}

/// A budget of programs with their kegiatan counts every row it prints.
#[test]
fn check_counts_the_budget_rows_with_their_sub_rows() {
    let path = fixture("units/bluppb-karawang-2020-tw3.json");
    let out = lapkin(&["check", "--lang", "id", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(", 7 baris anggaran)"),
        "{}",
        text(&out.stdout)
    );
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
    assert!(
        err.contains("judl: unknown field; did you mean `judul`?"),
        "{err}"
    );
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

/// The exit codes `--help` lists (its lines `  CODE  meaning`) are the rows
/// of the README's table after "Exit codes:", in the same order.
#[test]
fn the_readme_lists_the_exit_codes_of_help() {
    let help = text(&lapkin(&["--help"]).stdout);
    let from_help: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Exit codes:")
        .filter_map(|l| l.strip_prefix("  ")?.split_once("  ").map(|(c, _)| c))
        .filter(|c| !c.is_empty() && !c.starts_with(' '))
        .collect();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let from_readme: Vec<&str> = readme
        .lines()
        .skip_while(|l| *l != "Exit codes:")
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
        .map_while(|l| l.strip_prefix("| ")?.split_once(" |").map(|(c, _)| c))
        .collect();
    assert_eq!(from_help, ["0", "1", "2", "3", "4", "128+N"], "{help}");
    assert_eq!(from_readme, from_help);
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
    english()
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

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn pdf_standard_chooses_pdfa_2b_or_a_plain_pdf() {
    let dir = scratch("minimal.json");
    let render = |extra: &[&str]| {
        let mut args = vec!["render", "minimal.json", "-o", "-"];
        args.extend_from_slice(extra);
        let out = lapkin_in(dir.path(), &args, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        out.stdout
    };
    let default = render(&[]);
    // The XMP packet is not compressed, so its claim is in the bytes.
    assert!(contains(&default, b"<pdfaid:part>2</pdfaid:part>"));
    // The output intent is in a compressed object stream.
    assert!(contains(&plain(&default), b"/GTS_PDFA1"));
    assert_eq!(render(&["--pdf-standard", "a2b"]), default);
    let none = render(&["--pdf-standard=none"]);
    assert!(!contains(&none, b"pdfaid") && !contains(&plain(&none), b"/OutputIntents"));
    assert!(none.len() < default.len());
    let a3b = render(&["--pdf-standard", "a3b"]);
    assert!(contains(&a3b, b"<pdfaid:part>3</pdfaid:part>"));
    // `check` takes the option too.
    let out = lapkin_in(
        dir.path(),
        &["check", "minimal.json", "--pdf-standard", "none"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "--pdf-standard", "a1b"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid value 'a1b' for '--pdf-standard <STANDARD>'"),
        "{err}"
    );
    assert!(err.contains("[possible values: a2b, a3b, none]"), "{err}");
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
    let c = plain(&c);
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
    let pdf = plain(&std::fs::read(dir.path().join("bpmp-bengkulu-2024-tw2.pdf")).unwrap());
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
    let pdf = plain(&std::fs::read(dir.path().join("b.pdf")).unwrap());
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

// ---- issue 7: output errors, data loss, options ----

fn lapkin_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = english();
    cmd.current_dir(dir)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// A pipe whose reader is already closed: every write to it fails with
/// EPIPE, deterministically.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let dir = scratch("minimal.json");
    for args in [
        &["check", "minimal.json"][..],
        &["render", "minimal.json", "-o", "-"][..],
        &["schema"][..],
    ] {
        let out = lapkin_cmd(dir.path(), args)
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn closed_standard_output_and_error_together_never_panic() {
    // `lapkin check ... 2>&1 | head -c 10` once the reader has gone.
    let dir = scratch("minimal.json");
    std::fs::write(dir.path().join("bad.json"), b"{").unwrap();
    for (args, code) in [
        (&["check", "minimal.json"][..], 0),
        (&["check", "bad.json"][..], 1),
    ] {
        let pipe = closed_pipe();
        let out = lapkin_cmd(dir.path(), args)
            .stdout(pipe.try_clone().unwrap())
            .stderr(pipe)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn a_full_disk_on_standard_output_is_exit_3() {
    let dir = scratch("minimal.json");
    for args in [
        &["check", "minimal.json"][..],
        &["render", "minimal.json", "-o", "-"][..],
        &["schema"][..],
    ] {
        let out = lapkin_cmd(dir.path(), args)
            .stdout(dev_full())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        assert!(
            text(&out.stderr).contains("cannot write standard output: No space left on device"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_full_standard_error_is_ignored() {
    let dir = scratch("minimal.json");
    for (args, code) in [
        (&["check", "minimal.json"][..], 0),
        (&["check", "missing.json"][..], 3),
        (&["check", "minimal.json", "--max-input-size", "10"][..], 1),
    ] {
        let out = lapkin_cmd(dir.path(), args)
            .stdout(Stdio::null())
            .stderr(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn help_documents_the_internal_error_and_the_size_limit() {
    let out = lapkin(&["render", "--help"]);
    let help = text(&out.stdout);
    assert!(
        help.contains("4  internal error: a bug in lapkin"),
        "{help}"
    );
    assert!(help.contains("--max-input-size <BYTES>"), "{help}");
    assert!(help.contains("The default, 32M"), "{help}");
    let out = lapkin(&["check", "-h"]);
    assert!(text(&out.stdout).contains("--max-input-size <BYTES>"));
}

#[test]
fn check_runs_every_rule_of_render() {
    // A character the font lacks: found by the layout, not by the parser.
    let dir = tempfile::tempdir().unwrap();
    let mut report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("minimal.json")).unwrap()).unwrap();
    report["analisis"][0]["kendala"] = serde_json::json!(["Kendala \u{6f22}."]);
    std::fs::write(dir.path().join("r.json"), report.to_string()).unwrap();
    let out = lapkin_in(dir.path(), &["check", "r.json"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr)
            .contains("analisis[0].kendala[0]: the regular font LiberationSans has no glyph for '\u{6f22}' (U+6F22)"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());

    // The options of render count for check too, and check writes nothing.
    let dir = scratch("minimal.json");
    let fonts = root().join("fonts");
    let out = lapkin_in(
        dir.path(),
        &["check", "minimal.json", "--font", fonts.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("minimal.json: ok: "));
    let regular = fonts.join("LiberationSans-Regular.ttf");
    let out = lapkin_in(
        dir.path(),
        &["check", "minimal.json", "--font", regular.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = lapkin_in(
        dir.path(),
        &["check", "minimal.json"],
        &[("SOURCE_DATE_EPOCH", "x")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "check writes no file"
    );
}

/// Runs a render expected to be refused and checks that nothing changed.
fn refused(dir: &Path, args: &[&str], code: i32, message: &str) {
    let before = snapshot(dir);
    let out = lapkin_in(dir, args, &[]);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains(message),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert_eq!(snapshot(dir), before, "{args:?} changed the directory");
}

/// Every entry of a directory with its kind and content.
fn snapshot(dir: &Path) -> Vec<(String, String, Vec<u8>)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let kind = e.file_type().unwrap();
            let content = if kind.is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (
                e.file_name().into_string().unwrap(),
                format!("{kind:?}"),
                content,
            )
        })
        .collect();
    entries.sort();
    entries
}

#[test]
fn an_output_that_is_the_input_is_refused() {
    let dir = scratch("minimal.json");
    let d = dir.path();
    std::os::unix::fs::symlink("minimal.json", d.join("link.json")).unwrap();
    std::fs::hard_link(d.join("minimal.json"), d.join("hard.json")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    let also = format!(
        "../{}/minimal.json",
        d.file_name().unwrap().to_str().unwrap()
    );
    for output in [
        "minimal.json",
        "./minimal.json",
        "sub/../minimal.json",
        also.as_str(),
        "link.json",
        "hard.json",
    ] {
        refused(
            d,
            &["render", "minimal.json", "-o", output],
            2,
            &format!("-o {output} is the input file minimal.json"),
        );
        refused(
            d,
            &["render", "minimal.json", "--signature-box", output],
            2,
            &format!("--signature-box {output} is the input file minimal.json"),
        );
    }
    // The default output of an input named *.pdf is the input itself.
    std::fs::copy(d.join("minimal.json"), d.join("laporan.pdf")).unwrap();
    refused(
        d,
        &["render", "laporan.pdf"],
        2,
        "the PDF would replace the input laporan.pdf (its name ends in .pdf); name the output with -o",
    );
    // The signature box over the PDF, new or existing.
    for args in [
        &["render", "minimal.json", "--signature-box", "minimal.pdf"][..],
        &[
            "render",
            "minimal.json",
            "-o",
            "a.pdf",
            "--signature-box",
            "./a.pdf",
        ][..],
        &[
            "render",
            "minimal.json",
            "-o",
            "laporan.pdf",
            "--signature-box",
            "sub/../laporan.pdf",
        ][..],
    ] {
        refused(d, args, 2, "is the PDF's output");
    }
    // Standard input redirected from the file named by -o.
    let before = snapshot(d);
    let out = lapkin_cmd(d, &["render", "-", "-o", "minimal.json"])
        .stdin(std::fs::File::open(d.join("minimal.json")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(snapshot(d), before);
}

#[test]
fn only_a_regular_file_or_a_new_path_is_written() {
    let dir = scratch("minimal.json");
    let d = dir.path();
    std::fs::create_dir(d.join("out")).unwrap();
    refused(
        d,
        &["render", "minimal.json", "-o", "."],
        3,
        "cannot write .: it is a directory",
    );
    refused(
        d,
        &[
            "render",
            "minimal.json",
            "-o",
            "out",
            "--signature-box",
            "b.json",
        ],
        3,
        "cannot write out: it is a directory",
    );
    let fifo = Command::new("mkfifo").arg(d.join("fifo")).status().unwrap();
    assert!(fifo.success());
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket")).unwrap();
    for special in ["fifo", "socket"] {
        refused(
            d,
            &["render", "minimal.json", "-o", special],
            3,
            &format!("cannot write {special}: it is not a regular file"),
        );
        refused(
            d,
            &["render", "minimal.json", "--signature-box", special],
            3,
            &format!("cannot write {special}: it is not a regular file"),
        );
    }
    // A read-only file keeps its protection, even for root.
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(d.join("signed.pdf"), b"the signed original").unwrap();
    std::fs::set_permissions(d.join("signed.pdf"), std::fs::Permissions::from_mode(0o444)).unwrap();
    refused(
        d,
        &["render", "minimal.json", "-o", "signed.pdf"],
        3,
        "cannot write signed.pdf: it is read-only",
    );
    // A writable file is replaced and keeps its permissions.
    std::fs::write(d.join("old.pdf"), b"old").unwrap();
    std::fs::set_permissions(d.join("old.pdf"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = lapkin_in(d, &["render", "minimal.json", "-o", "old.pdf"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read(d.join("old.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let mode = std::fs::metadata(d.join("old.pdf"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(leftovers(d).is_empty());
}

#[test]
fn a_symbolic_link_is_followed_and_its_target_replaced() {
    let dir = scratch("minimal.json");
    let d = dir.path();
    std::fs::create_dir(d.join("archive")).unwrap();
    std::fs::write(d.join("archive/laporan.pdf"), b"old").unwrap();
    std::os::unix::fs::symlink("archive/laporan.pdf", d.join("current.pdf")).unwrap();
    // A dangling link: its target is created.
    std::os::unix::fs::symlink("archive/box.json", d.join("box.json")).unwrap();
    let out = lapkin_in(
        d,
        &[
            "render",
            "minimal.json",
            "-o",
            "current.pdf",
            "--signature-box",
            "box.json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let link = std::fs::symlink_metadata(d.join("current.pdf")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert!(
        std::fs::read(d.join("archive/laporan.pdf"))
            .unwrap()
            .starts_with(b"%PDF-1.7")
    );
    assert!(
        std::fs::symlink_metadata(d.join("box.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("archive/box.json")).unwrap()).unwrap();
    assert!(b["page"].is_u64());
    assert!(leftovers(d).is_empty() && leftovers(&d.join("archive")).is_empty());
    // A link to the input is the input.
    std::os::unix::fs::symlink("minimal.json", d.join("in.pdf")).unwrap();
    refused(
        d,
        &["render", "minimal.json", "-o", "in.pdf"],
        2,
        "is the input file",
    );
}

/// The hidden temporary files in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    leftovers(dir)
}

/// Starts a render from standard input that waits for the rest of its
/// input, and returns once its `outputs` temporary files exist: a signal then finds them in
/// place, whatever the speed of the machine.
fn render_waiting_for_input(
    dir: &Path,
    args: &[&str],
    outputs: usize,
) -> (std::process::Child, std::process::ChildStdin) {
    let mut child = lapkin_cmd(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"{\"unit\": ").unwrap();
    // The temporaries are made before the input is read; wait for them
    // (bounded, so that a regression fails instead of hanging).
    let mut waited = 0;
    while temporaries(dir).len() < outputs {
        assert!(waited < 60_000, "no temporary file after a minute");
        std::thread::sleep(std::time::Duration::from_millis(5));
        waited += 5;
    }
    (child, stdin)
}

#[test]
fn an_interrupted_render_leaves_no_temporary_file() {
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("laporan.pdf"), b"the signed original").unwrap();
        let (child, stdin) = render_waiting_for_input(
            d,
            &[
                "render",
                "-",
                "-o",
                "laporan.pdf",
                "--signature-box",
                "box.json",
            ],
            2,
        );
        assert_eq!(temporaries(d).len(), 2);
        let kill = Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(out.status.code(), Some(128 + number), "SIG{signal}");
        assert!(
            temporaries(d).is_empty(),
            "SIG{signal}: {:?}",
            temporaries(d)
        );
        assert_eq!(
            std::fs::read(d.join("laporan.pdf")).unwrap(),
            b"the signed original"
        );
        assert!(!d.join("box.json").exists());
    }
}

#[test]
fn a_signature_box_that_cannot_be_written_after_the_pdf_is_told_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (child, mut stdin) = render_waiting_for_input(
        d,
        &[
            "render",
            "-",
            "-o",
            "laporan.pdf",
            "--signature-box",
            "box.json",
        ],
        2,
    );
    // The box's place becomes a directory while the report is read.
    std::fs::create_dir(d.join("box.json")).unwrap();
    std::fs::write(d.join("box.json/keep"), b"").unwrap();
    let json = std::fs::read(fixture("minimal.json")).unwrap();
    let rest = &json[json.iter().position(|&b| b == b':').unwrap() + 1..];
    stdin.write_all(rest).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "the PDF was written to laporan.pdf, but the signature box could not be written to \
             box.json: cannot write box.json: "
        ),
        "{err}"
    );
    assert!(err.contains("the PDF stays"), "{err}");
    assert!(
        std::fs::read(d.join("laporan.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    assert!(temporaries(d).is_empty(), "{:?}", temporaries(d));
}

#[test]
fn source_date_epoch_must_be_a_date_a_pdf_can_hold() {
    let dir = scratch("minimal.json");
    for (value, message) in [
        (
            "soon",
            "SOURCE_DATE_EPOCH=\"soon\" is not a whole number of seconds",
        ),
        (
            "1.5",
            "SOURCE_DATE_EPOCH=\"1.5\" is not a whole number of seconds",
        ),
        ("-1", "SOURCE_DATE_EPOCH: -1 is before 1970-01-01"),
        (
            "253402300800",
            "SOURCE_DATE_EPOCH: 253402300800 is after 9999-12-31 23:59:59 UTC",
        ),
        (
            "99999999999999999999",
            "SOURCE_DATE_EPOCH=\"99999999999999999999\" is not",
        ),
    ] {
        let out = lapkin_in(
            dir.path(),
            &["render", "minimal.json"],
            &[("SOURCE_DATE_EPOCH", value)],
        );
        assert_eq!(out.status.code(), Some(2), "{value}");
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
        assert!(!dir.path().join("minimal.pdf").exists());
    }
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json"],
        &[("SOURCE_DATE_EPOCH", "253402300799")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = plain(&std::fs::read(dir.path().join("minimal.pdf")).unwrap());
    assert!(pdf.windows(17).any(|w| w == b"D:99991231235959Z"));
}

#[test]
fn the_size_limit_gives_the_real_size_and_can_be_raised() {
    let dir = scratch("bpmp-bengkulu-2024-tw2.json");
    let input = "bpmp-bengkulu-2024-tw2.json";
    let size = std::fs::metadata(dir.path().join(input)).unwrap().len();
    let out = lapkin_in(dir.path(), &["check", input, "--max-input-size", "1K"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!(
            "{input}: the input is {size} bytes ({:.1} KiB); the limit is 1024 bytes (1 KiB); \
             raise it with --max-input-size",
            size as f64 / 1024.0
        )),
        "{}",
        text(&out.stderr)
    );
    let out = lapkin_in(dir.path(), &["check", input, "--max-input-size", "1M"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // From a stream the size is counted, not read into memory.
    let stream = vec![b' '; 3000];
    let out = lapkin_stdin(&["check", "-", "--max-input-size", "2000"], &stream);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("<stdin>: the input is 3000 bytes"),
        "{}",
        text(&out.stderr)
    );
    let out = lapkin(&["check", input, "--max-input-size", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("invalid value 'lots' for '--max-input-size <BYTES>'"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_option_error_names_the_option() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "--signature-field=ttd.kepala"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("lapkin: --signature-field=ttd.kepala: expected a field name"),
        "{err}"
    );
    assert!(!err.contains("minimal.json"), "{err}");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "--font", "missing.ttf"],
        &[],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(text(&out.stderr).contains("cannot read missing.ttf"));
}

#[test]
fn fonts_can_be_given_by_role() {
    let dir = scratch("minimal.json");
    let f = |name: &str| root().join("fonts").join(name).display().to_string();
    let roles = [
        format!("regular={}", f("LiberationSans-Regular.ttf")),
        format!("bold={}", f("LiberationSans-Bold.ttf")),
        format!("italic={}", f("LiberationSans-Italic.ttf")),
        format!("bold-italic={}", f("LiberationSans-BoldItalic.ttf")),
    ];
    let mut args = vec!["render", "minimal.json", "-o", "roles.pdf"];
    for r in &roles {
        args.extend(["--font", r.as_str()]);
    }
    let out = lapkin_in(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "one family: no warning");
    let default = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "-o", "default.pdf"],
        &[],
    );
    assert_eq!(default.status.code(), Some(0));
    assert_eq!(
        std::fs::read(dir.path().join("roles.pdf")).unwrap(),
        std::fs::read(dir.path().join("default.pdf")).unwrap(),
        "the bundled family given by role renders the same bytes"
    );
    // Three roles: the missing one is named.
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "minimal.json",
            "--font",
            &roles[0],
            "--font",
            &roles[1],
            "--font",
            &roles[3],
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--font: italic=FILE missing"),
        "{}",
        text(&out.stderr)
    );
    // A role twice; roles mixed with files.
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "minimal.json",
            "--font",
            &roles[0],
            "--font",
            &roles[0],
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--font regular=FILE is given twice"));
    let fonts = root().join("fonts").display().to_string();
    let out = lapkin_in(
        dir.path(),
        &[
            "render",
            "minimal.json",
            "--font",
            &roles[0],
            "--font",
            &fonts,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not both"),
        "{}",
        text(&out.stderr)
    );
}

/// Needs fonts-urw-base35 and fonts-dejavu-core (apt): run with
/// `cargo test -p lapkin-cli -- --ignored`.
#[test]
#[ignore = "needs the system fonts of fonts-urw-base35 and fonts-dejavu-core"]
fn system_families_by_role_and_a_mixed_family_warning() {
    let dir = scratch("minimal.json");
    let b = "/usr/share/fonts/opentype/urw-base35/URWBookman";
    let bookman = [
        format!("regular={b}-Light.otf"),
        format!("bold={b}-Demi.otf"),
        format!("italic={b}-LightItalic.otf"),
        format!("bold-italic={b}-DemiItalic.otf"),
    ];
    let mut args = vec!["render", "minimal.json", "-o", "bookman.pdf"];
    for r in &bookman {
        args.extend(["--font", r.as_str()]);
    }
    let out = lapkin_in(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let pdf = plain(&std::fs::read(dir.path().join("bookman.pdf")).unwrap());
    assert!(pdf.windows(9).any(|w| w == b"URWBookma"));

    let d = "/usr/share/fonts/truetype/dejavu";
    let mixed = [
        format!("regular={d}/DejaVuSans.ttf"),
        format!("bold={d}/DejaVuSerif-Bold.ttf"),
        format!("italic={d}/DejaVuSans-Oblique.ttf"),
        format!("bold-italic={d}/DejaVuSans-BoldOblique.ttf"),
    ];
    let mut args = vec!["render", "minimal.json", "-o", "mixed.pdf"];
    for r in &mixed {
        args.extend(["--font", r.as_str()]);
    }
    let out = lapkin_in(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(
            "lapkin: warning: --font: the four faces come from different families: regular \
             \"DejaVu Sans\", bold \"DejaVu Serif\""
        ),
        "{}",
        text(&out.stderr)
    );
}

/// What only laying a report out finds (a table too wide even at the
/// smallest type) is an input error, exit 1, naming the table's JSON path.
#[test]
fn a_late_layout_error_names_the_path_and_exits_1() {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("minimal.json")).unwrap()).unwrap();
    let columns: Vec<serde_json::Value> = (0..80)
        .map(|k| serde_json::json!({"judul": format!("K{k}")}))
        .collect();
    let row: Vec<u32> = (0..80).map(|k| 1000 + k).collect();
    json["analisis"][0]["progress"] =
        serde_json::json!(["Tabel:", {"tabel": {"kolom": columns, "baris": [row]}}]);
    let input = serde_json::to_vec(&json).unwrap();
    for args in [&["check", "-"][..], &["render", "-", "-o", "-"]] {
        let command = args[0];
        let out = lapkin_stdin(args, &input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{command}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            err.contains(
                "analisis[0].progress[1].tabel: the table does not fit on a page: its 80 columns"
            ),
            "{command}: {err}"
        );
        assert!(out.stdout.is_empty(), "{command}");
    }
}

/// `render --attach-source`, then `extract` (to standard output and to a
/// file written atomically) gives the report's canonical JSON, and
/// `verify` says in one line that the pages are its rendering.
#[test]
fn an_attached_report_is_extracted_and_verified() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "-o", "a.pdf", "--attach-source"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let out = lapkin_in(dir.path(), &["extract", "a.pdf"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = lapkin::parse_report(&std::fs::read(fixture("minimal.json")).unwrap()).unwrap();
    assert_eq!(lapkin::parse_report(&out.stdout).unwrap(), report);
    assert_eq!(out.stdout, lapkin::source::canonical_json(&report).unwrap());

    let out = lapkin_in(dir.path(), &["extract", "a.pdf", "-o", "b.json"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("b.json")).unwrap(),
        lapkin::source::canonical_json(&report).unwrap()
    );
    assert!(leftovers(dir.path()).is_empty());

    let out = lapkin_in(dir.path(), &["verify", "a.pdf"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "a.pdf: the pages are exactly lapkin's rendering of the attached report\n"
    );

    // The output may not be the input.
    let out = lapkin_in(dir.path(), &["extract", "a.pdf", "-o", "./a.pdf"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        std::fs::read(dir.path().join("a.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
}

/// A PDF without an attached report: extract and verify exit 1 and say
/// so; a file that is no PDF too.
#[test]
fn a_pdf_without_an_attached_report_exits_1() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(dir.path(), &["render", "minimal.json"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for command in ["extract", "verify"] {
        let out = lapkin_in(dir.path(), &[command, "minimal.pdf"], &[]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert_eq!(
            text(&out.stderr),
            "lapkin: minimal.pdf: the PDF carries no attached report (laporan-kinerja.json) in \
             the revision lapkin wrote; only a PDF rendered with --attach-source \
             (RenderOptions::attach_source) does\n"
        );
        let out = lapkin_in(dir.path(), &[command, "minimal.json"], &[]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(
            text(&out.stderr).contains("it is not a PDF that can be read"),
            "{}",
            text(&out.stderr)
        );
    }
}

/// A document edited after rendering: verify exits 1 and names the page;
/// fonts that are not the recorded files: exit 3, naming the faces.
#[test]
fn verify_names_the_difference_and_the_missing_fonts() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "-o", "a.pdf", "--attach-source"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut doc = lopdf::Document::load(dir.path().join("a.pdf")).unwrap();
    let page = doc.get_pages()[&1];
    let content = doc.get_page_content(page);
    let edited = String::from_utf8_lossy(&content).replacen(" Td\n", " Td\n1 0 Td\n", 1);
    doc.change_page_content(page, edited.into_bytes()).unwrap();
    doc.save(dir.path().join("edited.pdf")).unwrap();
    let out = lapkin_in(dir.path(), &["verify", "edited.pdf"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "lapkin: edited.pdf: the document is not lapkin's rendering of the report attached to \
         it; the first difference: page 1's content\n"
    );
    assert!(out.stdout.is_empty());

    let fonts = root().join("crates/lapkin/fonts");
    let role = |r: &str, f: &str| format!("{r}={}", fonts.join(f).display());
    let args = [
        "verify".to_owned(),
        "a.pdf".to_owned(),
        "--font".to_owned(),
        role("regular", "LiberationSans-Bold.ttf"),
        "--font".to_owned(),
        role("bold", "LiberationSans-Regular.ttf"),
        "--font".to_owned(),
        role("italic", "LiberationSans-Italic.ttf"),
        "--font".to_owned(),
        role("bold-italic", "LiberationSans-BoldItalic.ttf"),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = lapkin_in(dir.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "cannot verify: the document was made with the font family \"Liberation Sans\""
        ) && err.contains("regular (LiberationSans), bold (LiberationSans-Bold) differ")
            && err.ends_with("give the family's files with --font\n"),
        "{err}"
    );
}

/// extract and verify read only regular files (a FIFO nobody writes to
/// would block forever, /dev/zero never ends), and so does --font: each is
/// refused with exit 3, at once.
#[test]
fn extract_and_verify_refuse_what_is_not_a_regular_file() {
    let dir = scratch("minimal.json");
    let out = lapkin_in(
        dir.path(),
        &["render", "minimal.json", "--attach-source"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fifo = dir.path().join("fifo.ttf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    for args in [
        &["extract", "/dev/zero"][..],
        &["verify", "/dev/zero"],
        &["verify", fifo],
        &["verify", "minimal.pdf", "--font", fifo],
    ] {
        let out = lapkin_in(dir.path(), args, &[]);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("it is not a regular file"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // The PDF over four times --max-input-size (the report's limit).
    let out = lapkin_in(
        dir.path(),
        &["extract", "minimal.pdf", "--max-input-size", "100"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("the limit is 400 bytes"),
        "{}",
        text(&out.stderr)
    );
}

/// A copy of `fixtures/media.json` with its images (`img/`) in a scratch
/// directory, under `sub/`.
fn media_scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir_all(sub.join("img")).unwrap();
    std::fs::copy(fixture("media.json"), sub.join("media.json")).unwrap();
    for f in ["logo.png", "struktur.png", "foto.jpg"] {
        std::fs::copy(fixture(&format!("img/{f}")), sub.join("img").join(f)).unwrap();
    }
    dir
}

/// The images are read relative to the JSON file, wherever lapkin runs;
/// from standard input, relative to the current directory. The same PDF
/// either way.
#[test]
fn render_reads_the_images_next_to_the_json_file() {
    let dir = media_scratch();
    let out = lapkin_in(
        dir.path(),
        &["render", "sub/media.json", "-o", "a.pdf"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let a = std::fs::read(dir.path().join("a.pdf")).unwrap();
    assert!(a.windows(6).any(|w| w == b"/Image"), "an image XObject");
    let json = std::fs::read(fixture("media.json")).unwrap();
    let mut child = english()
        .current_dir(dir.path().join("sub"))
        .args(["render", "-", "-o", "../b.pdf"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&json).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read(dir.path().join("b.pdf")).unwrap() == a);
}

/// A missing image: exit 1, the path in the JSON and where it was looked
/// for, and no PDF written.
#[test]
fn render_refuses_a_missing_image_with_its_path_and_writes_nothing() {
    let dir = media_scratch();
    std::fs::remove_file(dir.path().join("sub/img/foto.jpg")).unwrap();
    let out = lapkin_in(
        dir.path(),
        &["render", "sub/media.json", "-o", "a.pdf"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("susunan.bagian[1].isi[2].gambar.berkas: the file \"img/foto.jpg\" does not exist (looked for at \"sub/img/foto.jpg\")"),
        "{err}"
    );
    assert!(!dir.path().join("a.pdf").exists());
    let out = english()
        .current_dir(dir.path())
        .args(["check", "--lang", "id", "sub/media.json"])
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("berkas \"img/foto.jpg\" tidak ada"),
        "{}",
        text(&out.stderr)
    );
}

/// A table whose words break at their syllables to fit a portrait page is
/// rendered, with a warning that says to set it landscape; set landscape,
/// it is rendered without one.
#[test]
fn a_table_whose_words_break_is_rendered_with_a_warning_to_turn_it() {
    let json = |mendatar: bool| {
        let mut json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(fixture("minimal.json")).unwrap()).unwrap();
        let columns: Vec<serde_json::Value> = (1..=8)
            .map(|k| serde_json::json!({"judul": format!("Kolom {k}")}))
            .collect();
        let row = vec!["Pertanggungjawaban keberlangsungan"; 8];
        json["rekomendasi"] = serde_json::json!([
            {"tabel": {"kolom": columns, "baris": [row], "mendatar": mendatar}}
        ]);
        serde_json::to_vec(&json).unwrap()
    };
    for args in [&["check", "-"][..], &["render", "-", "-o", "-"]] {
        let out = lapkin_stdin(args, &json(false));
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stderr),
            "lapkin: warning: rekomendasi[0].tabel: the table's words break at their syllables \
             to fit the page: its 8 columns need 507 pt to keep every word whole at 6 pt type, \
             but the text area there is 453 pt wide; set it on landscape pages with \
             `\"mendatar\": true` (in the table, or in its section of `susunan.bagian`), where \
             it has 714 pt; or split the table, or shorten its headers, words or figures\n"
        );
        let out = lapkin_stdin(args, &json(true));
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "");
    }
    let out = lapkin_stdin(&["check", "--message-format", "json", "-"], &json(false));
    let warning: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(warning["level"], "warning");
    assert_eq!(warning["kind"], "table-words-broken");
}
