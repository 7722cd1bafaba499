//! `--font`: reading a font family to use instead of the bundled one.
//!
//! The four faces are given either by role (`regular=FILE`, `bold=FILE`,
//! `italic=FILE`, `bold-italic=FILE`, all four) or as files and
//! directories, whose TrueType/OpenType files the library recognises from
//! what the fonts say of themselves. The two ways are not mixed.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::failure::{Action, Failure};
use crate::lang::words;

/// The roles of `--font ROLE=FILE`, in the order of [`lapkin::text::FontSet::from_faces`].
const ROLES: [&str; 4] = ["regular", "bold", "italic", "bold-italic"];

/// The files of `--font ROLE=FILE`, by the index of their role in [`ROLES`].
type ByRole = [Option<PathBuf>; 4];

/// Reads the fonts of `--font`: four faces by role, or files and the font
/// files inside directories, recognised from what they say of themselves.
pub fn load_fonts(args: &[OsString]) -> Result<lapkin::text::FontSet, Failure> {
    let (roles, plain) = sort_args(args)?;
    if roles.iter().any(Option::is_some) {
        by_role(roles, &plain)
    } else {
        from_files(plain)
    }
}

/// Sorts the `--font` values into faces given by role (each role once) and
/// plain files or directories.
fn sort_args(args: &[OsString]) -> Result<(ByRole, Vec<PathBuf>), Failure> {
    let mut roles: ByRole = Default::default();
    let mut plain = Vec::new();
    for arg in args {
        let role = arg.to_str().and_then(|s| {
            let (role, file) = s.split_once('=')?;
            let index = ROLES
                .iter()
                .position(|r| *r == role.replace('_', "-").to_ascii_lowercase())?;
            Some((index, PathBuf::from(file)))
        });
        match role {
            Some((index, file)) => {
                if roles[index].replace(file).is_some() {
                    let role = ROLES[index];
                    return Err(Failure::Usage(words(
                        format!("--font {role}=FILE is given twice"),
                        format!("--font {role}=BERKAS diberikan dua kali"),
                    )));
                }
            }
            None => plain.push(PathBuf::from(arg)),
        }
    }
    Ok((roles, plain))
}

/// The family of four faces given by role; `plain` (files given without a
/// role) must be empty.
fn by_role(roles: ByRole, plain: &[PathBuf]) -> Result<lapkin::text::FontSet, Failure> {
    if let Some(first) = plain.first() {
        let first = first.display();
        return Err(Failure::Usage(words(
            format!(
                "--font {first}: give the four faces either by role (regular=FILE, bold=FILE, \
                 italic=FILE, bold-italic=FILE) or as files and directories, not both"
            ),
            format!(
                "--font {first}: berikan keempat fon menurut perannya (regular=BERKAS, \
                 bold=BERKAS, italic=BERKAS, bold-italic=BERKAS) atau sebagai berkas dan folder, \
                 tidak keduanya"
            ),
        )));
    }
    let missing: Vec<&str> = ROLES
        .iter()
        .zip(&roles)
        .filter(|(_, f)| f.is_none())
        .map(|(r, _)| *r)
        .collect();
    if !missing.is_empty() {
        let list = |file: &str| {
            let list: Vec<String> = missing.iter().map(|r| format!("{r}={file}")).collect();
            list.join(", ")
        };
        return Err(Failure::Usage(words(
            format!(
                "--font: {} missing; by role, give all four faces: regular=FILE, bold=FILE, \
                 italic=FILE, bold-italic=FILE",
                list("FILE")
            ),
            format!(
                "--font: {} belum diberikan; menurut peran, berikan keempat fon: regular=BERKAS, \
                 bold=BERKAS, italic=BERKAS, bold-italic=BERKAS",
                list("BERKAS")
            ),
        )));
    }
    let [r, b, i, bi] = roles.map(|f| f.unwrap_or_default());
    let faces = [read(&r)?, read(&b)?, read(&i)?, read(&bi)?];
    lapkin::text::FontSet::from_faces(faces).map_err(font_error)
}

/// The family in the files given, and in the `.ttf` and `.otf` files of
/// the directories given (in the order of their names).
fn from_files(plain: Vec<PathBuf>) -> Result<lapkin::text::FontSet, Failure> {
    let mut files = Vec::new();
    for path in plain {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(&path)
                .map_err(Failure::io(Action::Read, path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf"))
                })
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(path);
        }
    }
    let faces = files
        .iter()
        .map(|f| read(f))
        .collect::<Result<Vec<_>, _>>()?;
    lapkin::text::FontSet::from_files(faces).map_err(font_error)
}

/// The largest font file read: 64 MiB (the largest CJK families' faces
/// are about 20 MB).
const MAX_FONT_BYTES: u64 = 64 << 20;

/// A font file's name, as messages show it, and its bytes: a regular file
/// of at most [`MAX_FONT_BYTES`] (a FIFO or device is refused, not waited
/// on).
fn read(path: &Path) -> Result<(String, Vec<u8>), Failure> {
    crate::input::read_regular(path, MAX_FONT_BYTES)
}

/// A library error about the fonts: an input error of `--font`.
fn font_error(error: lapkin::Error) -> Failure {
    Failure::Input {
        source: "--font".into(),
        error,
    }
}
