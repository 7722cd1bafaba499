//! Helpers shared by the integration tests: where the fixtures are, and
//! loading them.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// The path of a fixture, e.g. `fixture("minimal.json")`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The bytes of a fixture.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// A fixture parsed and checked; panics with the problems if it is invalid.
pub fn load_report(name: &str) -> lapkin::Report {
    lapkin::parse_report(&fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The name of the reference fixture: the whole source document.
pub const REFERENCE: &str = "bpmp-bengkulu-2024-tw2.json";
