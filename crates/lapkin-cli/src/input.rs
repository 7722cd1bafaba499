//! Reading the input: a file or standard input, up to the size limit, and
//! the input's identity, so that no output replaces it.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::args::is_dash;
use crate::failure::{Action, Failure, Size};
use crate::lang::{Words, words};

/// Reads the input file, or standard input for `-`, up to `limit` bytes.
/// A regular file over the limit is refused by its size before it is read;
/// a stream is counted on (without keeping what is read) to tell its size.
pub fn read_input(path: &Path, limit: u64) -> Result<(String, Vec<u8>), Failure> {
    if is_dash(path) {
        let source = "<stdin>".to_owned();
        let bytes = read_limited(io::stdin().lock(), &source, limit)?;
        return Ok((source, bytes));
    }
    let source = path.display().to_string();
    let file = fs::File::open(path).map_err(Failure::io(Action::Read, &source))?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(Failure::TooLarge {
            source,
            size: Size::Exact(meta.len()),
            limit,
        });
    }
    let bytes = read_limited(file, &source, limit)?;
    Ok((source, bytes))
}

/// Reads a file that must be a regular file of at most `limit` bytes (a
/// PDF to extract from or verify, a font): it is opened without waiting
/// (a FIFO without a writer would block forever) and refused unless it is
/// a regular file, its size checked before it is read.
pub fn read_regular(path: &Path, limit: u64) -> Result<(String, Vec<u8>), Failure> {
    use std::os::unix::fs::OpenOptionsExt;
    let source = path.display().to_string();
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(Failure::io(Action::Read, &source))?;
    let meta = file
        .metadata()
        .map_err(Failure::io(Action::Read, &source))?;
    if !meta.is_file() {
        return Err(Failure::Refused(words(
            format!(
                "cannot read {source}: it is not a regular file (a directory, device, FIFO or \
                 socket); give a file, or `-` and the data on standard input"
            ),
            format!(
                "tidak dapat membaca {source}: ini bukan berkas biasa (folder, perangkat, FIFO, \
                 atau soket); berikan berkas, atau `-` dengan datanya pada masukan standar"
            ),
        )));
    }
    if meta.len() > limit {
        return Err(Failure::TooLarge {
            source,
            size: Size::Exact(meta.len()),
            limit,
        });
    }
    let bytes = read_limited(file, &source, limit)?;
    Ok((source, bytes))
}

/// Reads up to `limit` bytes; past it, counts the rest (up to a bound,
/// without keeping it) and refuses the input with that size.
fn read_limited(reader: impl Read, source: &str, limit: u64) -> Result<Vec<u8>, Failure> {
    let mut reader = io::BufReader::new(reader);
    let mut bytes = Vec::new();
    (&mut reader)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Failure::io(Action::Read, source))?;
    let read = bytes.len() as u64;
    if read <= limit {
        return Ok(bytes);
    }
    drop(bytes);
    // Count the rest without keeping it, up to a bound: an endless stream
    // (/dev/zero) must not keep lapkin reading forever.
    let bound = limit.saturating_mul(4).max(1 << 30);
    let rest = io::copy(&mut reader.take(bound - read), &mut io::sink())
        .map_err(Failure::io(Action::Read, source))?;
    let total = read + rest;
    Err(Failure::TooLarge {
        source: source.to_owned(),
        size: if total >= bound {
            Size::MoreThan(total)
        } else {
            Size::Exact(total)
        },
        limit,
    })
}

/// A file's identity: device and inode.
pub type FileId = (u64, u64);

/// The identity of the file `meta` describes.
pub fn file_id(meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The identity of the input file (through symbolic links; for `-`, of
/// the file standard input is redirected from, if any).
pub fn input_identity(input: &Path) -> Option<FileId> {
    let path = if is_dash(input) {
        Path::new("/dev/stdin")
    } else {
        input
    };
    fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| file_id(&m))
}

/// The input, as a message names it after "the input file".
pub fn input_name(input: &Path) -> Words {
    if is_dash(input) {
        words(
            " (standard input reads from it)",
            " (masukan standar membaca darinya)",
        )
    } else {
        let name = format!(" {}", input.display());
        words(name.clone(), name)
    }
}

/// The folder the files a report names are relative to: the JSON file's,
/// or the current directory for standard input.
pub fn base_dir(input: &Path) -> std::path::PathBuf {
    if is_dash(input) {
        return std::path::PathBuf::from(".");
    }
    match input.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// Reads a file the report names, relative to `base`: a regular file of
/// at most [`lapkin::media::MAX_FILE_BYTES`] (opened without waiting, so
/// that a FIFO cannot block).
pub fn read_named(base: &Path, name: &str) -> Result<Vec<u8>, lapkin::media::FileError> {
    use lapkin::media::{FileError, MAX_FILE_BYTES};
    use std::os::unix::fs::OpenOptionsExt;
    let path = base.join(name);
    let shown = path.display().to_string();
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => FileError::NotFound(shown.clone()),
            _ => FileError::Unreadable(format!("{shown}: {e}")),
        })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::Unreadable(format!("{shown}: {e}")))?;
    if !meta.is_file() {
        return Err(FileError::Unreadable(format!(
            "{shown} is not a regular file"
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::Unreadable(format!("{shown}: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}
