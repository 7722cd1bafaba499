//! The library's stages import one way: each module of `crates/lapkin/src`
//! may use only the modules listed for it below, so that the pipeline
//! `model → doc → layout → frame → pdf` has no cycle and the generic stages
//! (doc's blocks, layout, frame, pdf) know nothing of the report model.
//!
//! The test reads the sources: every `crate::name` outside comments and
//! outside the unit tests at the end of a file (`#[cfg(test)] mod tests`)
//! must name a module its module may use, and a path through the root's
//! re-exports (`crate::Report`) counts as a violation too, since it hides
//! where the item lives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use lapkin_tests::root;

/// What each top-level module may import, lowest layer first. `lib.rs` (the
/// root, which wires the stages together) may import everything.
const ALLOWED: &[(&str, &[&str])] = &[
    ("units", &[]),
    ("problem", &[]),
    // lapkin's own strict PDF reader (extract, verify): depends on nothing
    // but the problems it reports.
    ("read", &["problem"]),
    ("error", &["read", "problem"]),
    ("field", &["problem"]),
    ("format", &[]),
    // Images and the files a report names: decoding, no report.
    ("media", &["problem"]),
    ("text", &["units", "error", "format", "problem"]),
    ("style", &["units"]),
    ("frame", &["units", "text", "format", "media", "problem"]),
    ("signing", &["frame", "units"]),
    (
        "model",
        &["error", "format", "text", "field", "media", "problem"],
    ),
    (
        "doc",
        &[
            "model", "frame", "text", "units", "error", "format", "media", "problem",
        ],
    ),
    // A chart's axis is printed the Indonesian way (format).
    (
        "layout",
        &[
            "doc", "frame", "text", "style", "units", "error", "format", "media", "problem",
        ],
    ),
    (
        "pdf",
        &[
            "frame", "signing", "text", "units", "error", "field", "media", "problem",
        ],
    ),
    (
        "source",
        &[
            "model", "pdf", "read", "signing", "style", "text", "error", "media", "problem",
        ],
    ),
    ("internals", &["text"]),
];

/// The source without comments and without the unit tests that close it.
fn code(source: &str) -> String {
    let end = source
        .find("#[cfg(test)]\nmod tests")
        .unwrap_or(source.len());
    source[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::name` in `code`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let tail = &rest[i + "crate::".len()..];
        let name: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = tail;
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Module → the modules it imports, from the sources.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("crates/lapkin/src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
        let source = std::fs::read_to_string(&file).unwrap();
        let mut used = crate_paths(&code(&source));
        used.remove(&module);
        out.entry(module).or_default().extend(used);
    }
    out
}

#[test]
fn the_stages_import_one_way() {
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, deps)| (*m, deps.iter().copied().collect()))
        .collect();
    let found = imports();
    let mut wrong = Vec::new();
    for (module, used) in &found {
        if module == "lib" {
            continue;
        }
        let Some(ok) = allowed.get(module.as_str()) else {
            wrong.push(format!(
                "{module}: a new module; add it to ALLOWED in tests/src/architecture.rs"
            ));
            continue;
        };
        for u in used {
            if !ok.contains(u.as_str()) {
                let why = if allowed.contains_key(u.as_str()) {
                    "a module it may not use"
                } else {
                    "not a module path (write the module: crate::model::Report)"
                };
                wrong.push(format!("{module} uses crate::{u}: {why}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The table itself has no cycle: each module uses only modules listed
    // before it.
    for (i, (m, deps)) in ALLOWED.iter().enumerate() {
        for d in *deps {
            let j = ALLOWED.iter().position(|(n, _)| n == d);
            assert!(j.is_some_and(|j| j < i), "{m} may use {d}, listed after it");
        }
    }
}

#[test]
fn the_checker_sees_imports_and_skips_comments_and_tests() {
    let source = "//! See [`X`](crate::model::X).\nuse crate::doc::Block;\n\
                  fn f() { crate::text::around(); }\n#[cfg(test)]\nmod tests {\n    \
                  use crate::pdf::Y;\n}\n";
    let used = crate_paths(&code(source));
    assert_eq!(
        used,
        ["doc", "text"].iter().map(|s| s.to_string()).collect()
    );
}

#[test]
fn the_document_blocks_know_nothing_of_the_report() {
    // Only the builder (doc/build.rs) knows both the report and the blocks.
    let source = std::fs::read_to_string(root().join("crates/lapkin/src/doc/mod.rs")).unwrap();
    let used = crate_paths(&code(&source));
    assert!(!used.contains("model"), "doc/mod.rs uses the report model");
}

/// The layout stage's own modules, in the order written in
/// `layout/mod.rs`: each may use only those before it.
const LAYOUT_ORDER: &[&str] = &[
    "check", "ctx", "chunk", "lines", "table", "figure", "contents", "flow", "paginate", "finalize",
];

#[test]
fn the_layout_modules_import_one_way() {
    let dir = root().join("crates/lapkin/src/layout");
    let mut wrong = Vec::new();
    for (i, module) in LAYOUT_ORDER.iter().enumerate() {
        let source = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
        let code = code(&source);
        for (j, other) in LAYOUT_ORDER.iter().enumerate() {
            let used = code.contains(&format!("super::{other}"))
                || code.contains(&format!("crate::layout::{other}"));
            if used && j >= i {
                wrong.push(format!(
                    "layout/{module}.rs uses {other}, which comes after it"
                ));
            }
        }
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f != "mod.rs")
        .collect();
    files.sort();
    let mut listed: Vec<String> = LAYOUT_ORDER.iter().map(|m| format!("{m}.rs")).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "a layout module is missing from LAYOUT_ORDER"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
