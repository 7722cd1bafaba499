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
