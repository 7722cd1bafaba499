//! The files a report names (images, the cover's logo), given by the
//! caller: the library reads no file itself.
//!
//! A report names its files by paths relative to its JSON file
//! (`"berkas": "img/struktur.png"`). The caller gives each file's bytes
//! under that name in [`Files`] ([`RenderOptions::files`](crate::RenderOptions::files)),
//! or why it could not read it ([`FileError`]); [`Report::files`](crate::Report::files)
//! lists the names. The `lapkin` command reads them next to the JSON file
//! (the current directory for standard input). A file that is missing,
//! unreadable, over [`MAX_FILE_BYTES`], over [`MAX_PIXELS`] or not a PNG
//! or JPEG image is a problem with the JSON path that names it.
//!
//! ```
//! use lapkin::media::Files;
//!
//! let png = std::fs::read("tests-data/logo.png").unwrap();
//! let files = Files::new().with("img/logo.png", png);
//! assert!(files.get("img/logo.png").is_some());
//! assert!(files.get("img/lain.png").is_none());
//! ```

mod image;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use image::{Encoding, Image, MAX_PIXELS};

use crate::problem::Problem;

/// The largest file a report may name: 16 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a caller could not give a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileError {
    /// There is no such file; where it was looked for.
    NotFound(String),
    /// It could not be read: why (the system's message).
    Unreadable(String),
    /// It is larger than [`MAX_FILE_BYTES`]: its size in bytes.
    TooLarge(u64),
}

/// The files a report names, by the names it gives them, as the caller
/// read them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Files {
    entries: BTreeMap<String, Result<Arc<[u8]>, FileError>>,
}

impl Files {
    /// No files.
    ///
    /// ```
    /// assert!(lapkin::media::Files::new().get("logo.png").is_none());
    /// ```
    pub fn new() -> Self {
        Files::default()
    }

    /// These files and the file `name` with its bytes.
    ///
    /// ```
    /// let files = lapkin::media::Files::new().with("logo.png", vec![1, 2, 3]);
    /// assert_eq!(files.get("logo.png"), Some(&[1, 2, 3][..]));
    /// ```
    pub fn with(mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.insert(name, bytes);
        self
    }

    /// Adds the file `name` with its bytes.
    pub fn insert(&mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let bytes: Arc<[u8]> = bytes.into().into();
        self.entries.insert(name.into(), Ok(bytes));
    }

    /// Records that the file `name` could not be read, and why: the
    /// report's problem then says so at the path that names it.
    ///
    /// ```
    /// use lapkin::media::{FileError, Files};
    ///
    /// let mut files = Files::new();
    /// files.insert_error("logo.png", FileError::NotFound("/srv/laporan/logo.png".into()));
    /// assert!(files.get("logo.png").is_none());
    /// ```
    pub fn insert_error(&mut self, name: impl Into<String>, error: FileError) {
        self.entries.insert(name.into(), Err(error));
    }

    /// The bytes of the file `name`, if given.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        match self.entries.get(name) {
            Some(Ok(bytes)) => Some(bytes),
            _ => None,
        }
    }

    /// The files given with their bytes, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.entries.iter().filter_map(|(k, v)| match v {
            Ok(bytes) => Some((k.as_str(), &bytes[..])),
            Err(_) => None,
        })
    }

    /// The file `name` as given: its bytes or why it could not be read.
    pub(crate) fn entry(&self, name: &str) -> Option<&Result<Arc<[u8]>, FileError>> {
        self.entries.get(name)
    }
}

/// The images of a report, decoded, by the names it gives them.
pub(crate) type Loaded = BTreeMap<String, Arc<Image>>;

/// Decodes a PNG or JPEG file; a problem (without a place) if it is not
/// one lapkin embeds.
pub(crate) fn decode(bytes: &[u8]) -> Result<Image, Problem> {
    image::decode(bytes)
}
