//! Writing the outputs without losing data.
//!
//! An output is checked before anything is written ([`Destination::new`]:
//! a regular file that may be replaced, or a new path; directories,
//! devices, FIFOs, sockets and read-only files are refused), written to a
//! temporary file beside its target ([`Staged`]), and renamed over the
//! target at the end, so a failure never leaves a partial file. The
//! temporaries are listed for [`crate::signals`] to remove on an
//! interruption. Standard output is written at the end too; a reader that
//! closed it ends the run quietly.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::args::is_dash;
use crate::failure::{Action, Failure};
use crate::input::{FileId, file_id};
use crate::lang::{Lang, words};
use crate::signals::pending;

/// Standard output, as messages name it.
fn standard_output() -> String {
    match crate::lang::lang() {
        Lang::En => "standard output".to_owned(),
        Lang::Id => "keluaran standar".to_owned(),
    }
}

/// Writes a line to standard error, ignoring errors: there is nowhere left
/// to report them.
pub fn tell(message: fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// Writes to standard output: a reader that closed it (`| head`) ends the
/// run quietly; any other error (a full disk) is a failure.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::Quiet),
        Err(error) => Err(Failure::Io {
            what: Action::Write,
            path: standard_output(),
            error,
        }),
    }
}

/// Where an output goes.
pub enum Destination {
    /// Standard output (`-`).
    Stdout,
    /// A file, checked.
    File(Target),
}

/// An output file, checked: a regular file that may be replaced, or a new
/// path.
pub struct Target {
    /// The path as the user gave it.
    pub shown: String,
    /// The path to replace: the given one with symbolic links followed.
    path: PathBuf,
    /// The existing file's identity, if there is one.
    pub id: Option<FileId>,
    /// The existing file's permissions, which the new file keeps.
    mode: Option<u32>,
}

impl Destination {
    /// Checks an output: `-` is standard output, anything else a file
    /// that may be replaced (see [`Target`]).
    pub fn new(path: &Path) -> Result<Destination, Failure> {
        if is_dash(path) {
            return Ok(Destination::Stdout);
        }
        Target::new(path).map(Destination::File)
    }

    /// Starts writing: for a file, creates its temporary (so that a
    /// directory that cannot be written is found before the work is done).
    pub fn stage(self) -> Result<Staged, Failure> {
        match self {
            Destination::Stdout => Ok(Staged::Stdout(Vec::new())),
            Destination::File(target) => target.stage(),
        }
    }
}

/// How many symbolic links are followed, as the kernel does (ELOOP).
const MAX_LINKS: usize = 40;

impl Target {
    /// Checks an output path: follows symbolic links, as a shell's `>`
    /// does, to the file to replace (or to create), and refuses one that
    /// must not be replaced.
    fn new(given: &Path) -> Result<Target, Failure> {
        let shown = given.display().to_string();
        let mut path = given.to_path_buf();
        for _ in 0..=MAX_LINKS {
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Ok(Target {
                        shown,
                        path,
                        id: None,
                        mode: None,
                    });
                }
                Err(e) => return Err(Failure::io(Action::Write, &shown)(e)),
            };
            if meta.file_type().is_symlink() {
                path = follow_link(&path).map_err(Failure::io(Action::Write, &shown))?;
                continue;
            }
            let named = if path == given {
                shown.clone()
            } else {
                match crate::lang::lang() {
                    Lang::En => format!("{shown} (a link to {})", path.display()),
                    Lang::Id => format!("{shown} (tautan ke {})", path.display()),
                }
            };
            check_replaceable(&path, &meta, &named, &shown)?;
            use std::os::unix::fs::PermissionsExt;
            return Ok(Target {
                shown,
                path,
                id: Some(file_id(&meta)),
                mode: Some(meta.permissions().mode()),
            });
        }
        Err(Failure::Refused(words(
            format!("cannot write {shown}: more than {MAX_LINKS} levels of symbolic links"),
            format!("tidak dapat menulis {shown}: lebih dari {MAX_LINKS} tingkat tautan simbolik"),
        )))
    }

    /// Whether two targets are the same file: the same identity, or for
    /// new paths the same name in the same directory.
    pub fn same_as(&self, other: &Target) -> bool {
        match (self.id, other.id) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.canonical_new() == other.canonical_new(),
            _ => false,
        }
    }

    /// A new path with its directory made canonical.
    fn canonical_new(&self) -> Option<PathBuf> {
        let name = self.path.file_name()?;
        let dir = self.dir();
        Some(fs::canonicalize(dir).ok()?.join(name))
    }

    /// The directory the file is (or will be) in.
    fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        }
    }

    /// Creates the temporary file beside the target (the link's target,
    /// so that the rename stays in one file system and directory).
    fn stage(self) -> Result<Staged, Failure> {
        let mut pending = pending();
        let tmp = tempfile::Builder::new()
            .prefix(".lapkin-")
            .suffix(".tmp")
            .tempfile_in(self.dir())
            .map_err(|e| Failure::io(Action::Write, &self.shown)(os_error(e)))?;
        pending.push(tmp.path().to_path_buf());
        Ok(Staged::File { tmp, target: self })
    }
}

/// Where a symbolic link points: its target, relative to the link's
/// directory.
fn follow_link(link: &Path) -> io::Result<PathBuf> {
    let target = fs::read_link(link)?;
    Ok(match link.parent() {
        Some(dir) => dir.join(target),
        None => target,
    })
}

/// Refuses an existing output that lapkin does not replace: a directory,
/// anything but a regular file, a read-only file. `named` is the output as
/// messages name it (with the link's target), `shown` as the user gave it.
fn check_replaceable(
    path: &Path,
    meta: &fs::Metadata,
    named: &str,
    shown: &str,
) -> Result<(), Failure> {
    let kind = meta.file_type();
    if kind.is_dir() {
        let example = Path::new(shown).join("laporan.pdf");
        let example = example.display();
        return Err(Failure::Refused(words(
            format!(
                "cannot write {named}: it is a directory; name the file to write, e.g. {example}"
            ),
            format!(
                "tidak dapat menulis {named}: ini sebuah folder; sebutkan berkas yang akan \
                 ditulis, misalnya {example}"
            ),
        )));
    }
    if !kind.is_file() {
        return Err(Failure::Refused(words(
            format!(
                "cannot write {named}: it is not a regular file (a device, FIFO or socket), \
                 which lapkin does not replace; use `-` for standard output"
            ),
            format!(
                "tidak dapat menulis {named}: ini bukan berkas biasa (perangkat, FIFO, atau \
                 soket), yang tidak ditimpa lapkin; gunakan `-` untuk keluaran standar"
            ),
        )));
    }
    // Root may write anything: the write bits, not access(2), say whether
    // the owner protected the file.
    let writable =
        !meta.permissions().readonly() && fs::OpenOptions::new().write(true).open(path).is_ok();
    if !writable {
        return Err(Failure::Refused(words(
            format!(
                "cannot write {named}: it is read-only; lapkin does not override a file's \
                 protection (make it writable, or choose another name)"
            ),
            format!(
                "tidak dapat menulis {named}: berkas ini hanya-baca; lapkin tidak mengabaikan \
                 perlindungan berkas (jadikan dapat ditulis, atau pilih nama lain)"
            ),
        )));
    }
    Ok(())
}

/// An io::Error without tempfile's note of the temporary's path, which
/// names a file the user never asked for.
fn os_error(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(end) => io::Error::new(e.kind(), &message[..end]),
        None => e,
    }
}

/// An output being written: bytes for standard output, or a temporary
/// file beside its target.
pub enum Staged {
    /// The bytes for standard output, printed at the commit.
    Stdout(Vec<u8>),
    /// The temporary file and the file it will replace.
    File {
        /// The temporary, beside the target.
        tmp: tempfile::NamedTempFile,
        /// The file to replace.
        target: Target,
    },
}

impl Staged {
    /// The output as messages name it.
    pub fn shown(&self) -> String {
        match self {
            Staged::Stdout(_) => standard_output(),
            Staged::File { target, .. } => target.shown.clone(),
        }
    }

    /// Writes the content to the temporary file, completely. It is not
    /// forced to disk (no `fsync`), as `cp` and compilers do not: the PDF
    /// is made again from its input in milliseconds, and waiting for the
    /// disk took longer than rendering (25-50 ms on the CI machine). The
    /// rename in [`Staged::commit`] still means that no failure or
    /// interruption leaves a partial file.
    pub fn fill(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        match self {
            Staged::Stdout(buffer) => {
                buffer.extend_from_slice(bytes);
                Ok(())
            }
            Staged::File { tmp, target } => {
                let io = Failure::io(Action::Write, &target.shown);
                tmp.write_all(bytes).map_err(io)?;
                // A temporary file is private (0600); the PDF is an
                // ordinary document, or keeps the permissions of the one
                // it replaces.
                use std::os::unix::fs::PermissionsExt;
                let mode = target.mode.unwrap_or(0o644) & 0o7777;
                tmp.as_file()
                    .set_permissions(fs::Permissions::from_mode(mode))
                    .map_err(Failure::io(Action::Write, &target.shown))
            }
        }
    }

    /// Puts the content in place: prints it, or renames the temporary over
    /// the target. Returns the path written, for a file.
    pub fn commit(self) -> Result<Option<String>, Failure> {
        match self {
            Staged::Stdout(bytes) => write_stdout(&bytes).map(|()| None),
            Staged::File { tmp, target } => {
                // Under the lock, so that an interruption either removes
                // the temporary or comes after the rename.
                let mut pending = pending();
                let tmp_path = tmp.path().to_path_buf();
                tmp.persist(&target.path)
                    .map_err(|e| Failure::io(Action::Write, &target.shown)(e.error))?;
                pending.retain(|p| *p != tmp_path);
                crate::signals::placed();
                Ok(Some(target.shown))
            }
        }
    }
}
