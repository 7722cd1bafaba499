//! What can go wrong in a run, how it is told, and the exit code it maps to.
//!
//! Every failure is a [`Failure`]; `main` prints it once, as `lapkin: ...`
//! on standard error (in the language of the run, see [`crate::lang`]),
//! or with `--message-format json` as JSON objects ([`Failure::json`]), and
//! exits with [`Failure::exit_code`]. The exit codes are documented in one
//! place, [`exit_codes`], which `--help` prints under every command and the
//! README's CLI section repeats as a table (the test
//! `the_readme_lists_the_exit_codes_of_help` in `tests/cli.rs` keeps the
//! two lists of codes equal):
//!
//! | code  | meaning |
//! |-------|---------|
//! | 0     | success, also when standard output is closed early ([`Failure::Quiet`]) |
//! | 1     | invalid input ([`Failure::Input`] of an input error, [`Failure::TooLarge`]), a document that is not its attached report's rendering ([`Failure::NotVerified`]) |
//! | 2     | usage error ([`Failure::Usage`]); clap's own errors exit 2 too |
//! | 3     | a file could not be read or written, or is refused ([`Failure::Io`], `Refused`); the fonts to verify with are missing ([`Failure::FontsMissing`]) |
//! | 4     | internal error, a bug in lapkin ([`Failure::Input`] of a non-input error) |
//! | 128+N | interrupted by signal N (see [`crate::signals`]) |

use std::fmt;
use std::io;

use serde_json::{Value, json};

use crate::lang::{Lang, Words, lang};

/// The exit codes, as `--help` prints them after every command's options.
pub fn exit_codes(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EXIT_CODES_EN,
        Lang::Id => EXIT_CODES_ID,
    }
}

const EXIT_CODES_EN: &str = "\
Exit codes:
  0  success (also when standard output is closed early, as by `| head`)
  1  invalid input: broken JSON, a report with problems (all are listed),
     an input over the size limit, a character the font lacks, a font file
     that is not a usable font, content that cannot be laid out; extract
     and verify: a PDF that cannot be read unambiguously, or without an
     attached report; extract: a later revision changes the report;
     verify: the document is not lapkin's rendering of its attached
     report, or a later revision changes more than a signature (the first
     difference is named)
  2  usage error: unknown command or option, missing argument, a bad
     option value or SOURCE_DATE_EPOCH, an output that is the input itself
  3  a file could not be read or written (a full disk, a missing
     directory), or is refused: a directory, a device, FIFO or socket (as
     an output, or as extract's and verify's PDF or a --font file), a
     read-only file; verify: the fonts the document was made with are not
     the bundled ones or those given with --font
  4  internal error: a bug in lapkin, please report it
  128+N  interrupted by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP);
     the temporary files are removed and no output is replaced";

const EXIT_CODES_ID: &str = "\
Kode keluar:
  0  berhasil (juga bila keluaran standar ditutup lebih awal, seperti oleh
     `| head`)
  1  masukan tidak sah: JSON rusak, laporan yang bermasalah (semua masalah
     disebutkan), masukan melebihi batas ukuran, karakter yang tidak ada
     dalam fon, berkas fon yang tidak dapat dipakai, isi yang tidak dapat
     ditata; extract dan verify: PDF yang tidak dapat dibaca secara tunggal
     atau tanpa laporan terlampir; extract: revisi sesudahnya mengubah
     laporan; verify: dokumen bukan hasil lapkin dari laporan terlampirnya,
     atau revisi sesudahnya mengubah lebih dari sekadar tanda tangan
     (perbedaan pertama disebutkan)
  2  kesalahan penggunaan: perintah atau opsi tidak dikenal, argumen belum
     diberikan, nilai opsi atau SOURCE_DATE_EPOCH yang tidak sah, keluaran
     yang sama dengan masukannya
  3  berkas tidak dapat dibaca atau ditulis (disk penuh, folder tidak ada),
     atau ditolak: folder, perangkat, FIFO, atau soket (sebagai keluaran,
     atau sebagai PDF untuk extract dan verify atau berkas --font), berkas
     hanya-baca; verify: fon yang dipakai membuat dokumen bukan fon bawaan
     atau yang diberikan dengan --font
  4  kesalahan internal: galat di lapkin, mohon laporkan
  128+N  dihentikan oleh sinyal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP);
     berkas sementara dihapus dan tidak ada keluaran yang ditimpa";

/// What went wrong, with the exit code it maps to.
#[derive(Debug)]
pub enum Failure {
    /// The input is not a valid report (or the library failed on it).
    Input {
        /// The input as messages name it: its path, `<stdin>`, or the
        /// option the error is about (`--font`).
        source: String,
        /// The library's error.
        error: lapkin::Error,
    },
    /// The input is larger than the limit.
    TooLarge {
        /// The input as messages name it.
        source: String,
        /// How large it is.
        size: Size,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The arguments do not fit together.
    Usage(Words),
    /// A file could not be read or written.
    Io {
        /// What was being done.
        what: Action,
        /// The file as messages name it.
        path: String,
        /// Why it failed.
        error: io::Error,
    },
    /// An output that would destroy something if written.
    Refused(Words),
    /// `verify`: the document is not lapkin's rendering of its attached
    /// report; the message names the first difference.
    NotVerified(Words),
    /// `verify`: the fonts the document was made with are not available.
    FontsMissing(Words),
    /// Standard output was closed by its reader: nothing more to say.
    Quiet,
}

/// What was being done to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Reading it.
    Read,
    /// Writing it.
    Write,
}

/// The size of an input over the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Exactly this many bytes.
    Exact(u64),
    /// Counting stopped there (e.g. an endless stream).
    MoreThan(u64),
}

impl Failure {
    /// The process's exit code for this failure: see [`exit_codes`].
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Quiet => 0,
            Failure::Input { error, .. } if is_internal(error) => 4,
            Failure::Input { .. } | Failure::TooLarge { .. } | Failure::NotVerified(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Io { .. } | Failure::Refused(_) | Failure::FontsMissing(_) => 3,
        }
    }

    /// A `map_err` adapter: an I/O error doing `what` to `path`.
    pub fn io(what: Action, path: impl fmt::Display) -> impl FnOnce(io::Error) -> Failure {
        move |error| Failure::Io {
            what,
            path: path.to_string(),
            error,
        }
    }

    /// The failure as `--message-format json` prints it: one object per
    /// problem of the input (its location, `kind`, `message`, `hint`, as
    /// [`lapkin::problem::Problem::in_language`] gives them), or one object
    /// for any other failure, each with the input it is about (`input`)
    /// and `level` "error".
    pub fn json(&self, lang: Lang) -> Vec<Value> {
        let object = |input: Option<&str>, kind: &str, message: String| json!({"input": input, "level": "error", "kind": kind, "message": message, "hint": null});
        match self {
            Failure::Input { source, error } if !is_internal(error) => error
                .problems()
                .iter()
                .map(|p| {
                    let mut v = serde_json::to_value(p.in_language(lang)).unwrap_or(Value::Null);
                    if let Value::Object(map) = &mut v {
                        map.insert("input".into(), json!(source));
                        map.insert("level".into(), json!("error"));
                    }
                    v
                })
                .collect(),
            Failure::Input { source, .. } => {
                vec![object(Some(source), "internal", self.text(lang))]
            }
            Failure::TooLarge { source, .. } => {
                vec![object(Some(source), "too-large", self.text(lang))]
            }
            Failure::Usage(w) => vec![object(None, "usage", w.text(lang).to_owned())],
            Failure::Io { path, .. } => vec![object(Some(path), "io", self.text(lang))],
            Failure::Refused(w) => vec![object(None, "refused", w.text(lang).to_owned())],
            Failure::NotVerified(w) => vec![object(None, "not-verified", w.text(lang).to_owned())],
            Failure::FontsMissing(w) => {
                vec![object(None, "fonts-missing", w.text(lang).to_owned())]
            }
            Failure::Quiet => Vec::new(),
        }
    }

    /// The failure as text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Failure::Input { source, error } if is_internal(error) => match lang {
                Lang::En => format!(
                    "internal error: this is a bug in lapkin, please report it: {source}: {}",
                    error.text(lang)
                ),
                Lang::Id => format!(
                    "kesalahan internal: ini galat di lapkin, mohon laporkan: {source}: {}",
                    error.text(lang)
                ),
            },
            Failure::Input { source, error } => input(source, error, lang),
            Failure::TooLarge {
                source,
                size,
                limit,
            } => too_large(source, *size, *limit, lang),
            Failure::Usage(w)
            | Failure::Refused(w)
            | Failure::NotVerified(w)
            | Failure::FontsMissing(w) => w.text(lang).to_owned(),
            Failure::Io { what, path, error } => {
                let error = io_error(error, lang);
                match (what, lang) {
                    (Action::Read, Lang::En) => format!("cannot read {path}: {error}"),
                    (Action::Write, Lang::En) => format!("cannot write {path}: {error}"),
                    (Action::Read, Lang::Id) => format!("tidak dapat membaca {path}: {error}"),
                    (Action::Write, Lang::Id) => format!("tidak dapat menulis {path}: {error}"),
                }
            }
            Failure::Quiet => String::new(),
        }
    }
}

/// Whether a library error is lapkin's own fault rather than the input's
/// (the report, its fonts, its options).
fn is_internal(error: &lapkin::Error) -> bool {
    !error.is_input_error()
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(lang()))
    }
}

/// An input error: broken JSON at its line and column; a report's
/// problems counted, each on its line; another problem after the input's
/// name.
fn input(source: &str, error: &lapkin::Error, lang: Lang) -> String {
    use lapkin::problem::Location;
    match error.problems() {
        [one] if !matches!(one.location, Location::Json(_)) => match one.location {
            Location::Text { line, column } => {
                let mut out = format!("{source}:{line}:{column}: {}", one.message(lang));
                if let Some(hint) = one.hint(lang) {
                    out.push_str("; ");
                    out.push_str(&hint);
                }
                out
            }
            _ => format!("{source}: {}", one.text(lang)),
        },
        problems => {
            let list = lapkin::problem::Problems(problems.to_vec()).text(lang);
            match lang {
                Lang::En => format!("{source} is not a valid report, {list}"),
                Lang::Id => format!("{source} bukan laporan yang sah, {list}"),
            }
        }
    }
}

/// An I/O error in `lang`: the system's message in English; in
/// Indonesian, the common kinds in words, else the system's message.
fn io_error(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    if lang == Lang::En {
        return error.to_string();
    }
    let said = match error.kind() {
        K::NotFound => "berkas atau folder tidak ditemukan",
        K::PermissionDenied => "izin ditolak",
        K::AlreadyExists => "berkas sudah ada",
        K::StorageFull => "ruang penyimpanan penuh",
        K::IsADirectory => "ini sebuah folder",
        K::NotADirectory => "bagian jalurnya bukan folder",
        K::ReadOnlyFilesystem => "sistem berkasnya hanya-baca",
        K::FileTooLarge => "berkas terlalu besar",
        K::InvalidData => "datanya tidak sah",
        K::BrokenPipe => "saluran pipa ditutup",
        K::Interrupted => "terputus",
        _ => return format!("kesalahan sistem ({error})"),
    };
    said.to_owned()
}

/// Tells an input over the limit: its size, the limit, and the option
/// value that would let it through.
fn too_large(source: &str, size: Size, limit: u64, lang: Lang) -> String {
    let (n, more) = match size {
        Size::Exact(n) => (n, false),
        Size::MoreThan(n) => (n, true),
    };
    let at_least = if more { n + 1 } else { n };
    let raise = at_least.div_ceil(1 << 20);
    match lang {
        Lang::En => format!(
            "{source}: the input is {}{n} bytes ({}); the limit is {limit} bytes ({}); raise it \
             with --max-input-size, e.g. --max-input-size {raise}M",
            if more { "more than " } else { "" },
            human(n),
            human(limit)
        ),
        Lang::Id => format!(
            "{source}: masukan berukuran {}{n} bita ({}); batasnya {limit} bita ({}); naikkan \
             dengan --max-input-size, misalnya --max-input-size {raise}M",
            if more { "lebih dari " } else { "" },
            human(n),
            human(limit)
        ),
    }
}

/// A size in the largest binary unit that keeps it at least 1.
fn human(n: u64) -> String {
    const UNITS: [(&str, u32); 3] = [("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if n >= 1 << shift {
            let value = n as f64 / f64::from(1u32 << shift);
            return if value.fract() == 0.0 {
                format!("{value} {unit}")
            } else {
                format!("{value:.1} {unit}")
            };
        }
    }
    format!("{n} B")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_of_lapkin_itself_is_exit_4_and_says_so() {
        let internal = Failure::Input {
            source: "laporan.json".into(),
            error: lapkin::Error::Internal("lopdf failed".into()),
        };
        assert_eq!(internal.exit_code(), 4);
        assert_eq!(
            internal.text(Lang::En),
            "internal error: this is a bug in lapkin, please report it: laporan.json: lapkin \
             failed: lopdf failed"
        );
        assert!(
            internal
                .text(Lang::Id)
                .starts_with("kesalahan internal: ini galat di lapkin")
        );
        let bad_font = lapkin::text::FontSet::from_files(vec![("x.ttf".into(), b"bad".to_vec())]);
        for error in [
            lapkin::model::parse_report_with_limit(b"{}", 1).unwrap_err(),
            bad_font.unwrap_err(),
        ] {
            let input = Failure::Input {
                source: "laporan.json".into(),
                error,
            };
            assert_eq!(input.exit_code(), 1, "{input}");
        }
    }

    #[test]
    fn sizes_are_told_in_binary_units() {
        assert_eq!(human(32 << 20), "32 MiB");
        assert_eq!(human(40_000_000), "38.1 MiB");
        assert_eq!(human(512), "512 B");
    }

    /// Each problem is one JSON object, with its input and its path as an
    /// array.
    #[test]
    fn problems_are_json_objects_with_their_paths() {
        let error = lapkin::parse_report(br#"{"unit": {"nama": 1}}"#).unwrap_err();
        let failure = Failure::Input {
            source: "bad.json".into(),
            error,
        };
        let objects = failure.json(Lang::Id);
        assert!(objects.len() > 3, "{objects:?}");
        let nama = objects
            .iter()
            .find(|o| o["path"] == json!(["unit", "nama"]))
            .unwrap();
        assert_eq!(nama["input"], "bad.json");
        assert_eq!(nama["kind"], "wrong-type");
        assert_eq!(nama["level"], "error");
        assert_eq!(nama["message"], "seharusnya teks, bukan angka 1");
    }
}
