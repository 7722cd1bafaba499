//! The links of the READMEs, `ARCHITECTURE.md`, `CHANGELOG.md` and `docs/`:
//! each relative link names a file of the repository and, with `#anchor`, a
//! heading of that file, as GitHub and rustdoc's readers resolve them; and
//! every page of `docs/` is linked from the README.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The documents whose links are checked: the README, the two guides at
/// the root, the crates' READMEs, and every Markdown file of `docs/`.
fn documents() -> Vec<PathBuf> {
    let root = lapkin_tests::root();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    let mut files = vec![
        root.join("README.md"),
        root.join("ARCHITECTURE.md"),
        root.join("CHANGELOG.md"),
        root.join("crates/lapkin/README.md"),
        root.join("crates/lapkin-cli/README.md"),
    ];
    files.extend(docs);
    files
}

/// A Markdown file's link targets (links and images, not text in code) and
/// its headings' anchors.
struct Markdown {
    links: Vec<String>,
    anchors: Vec<String>,
}

fn read(path: &Path) -> Markdown {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut links = Vec::new();
    let mut headings = Vec::new();
    let mut heading: Option<String> = None;
    for event in Parser::new(&text) {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links.push(dest_url.to_string());
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            _ => {}
        }
    }
    Markdown {
        links,
        anchors: anchors(&headings),
    }
}

/// GitHub's anchors of headings: lowercase; letters, digits, `-` and `_`
/// kept, each space made `-`, everything else dropped; a repeated anchor
/// gets `-1`, `-2`, ….
fn anchors(headings: &[String]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    headings
        .iter()
        .map(|h| {
            let slug: String = h
                .trim()
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect();
            let n = seen.entry(slug.clone()).or_insert(0);
            let anchor = if *n == 0 { slug } else { format!("{slug}-{n}") };
            *n += 1;
            anchor
        })
        .collect()
}

/// Whether a link leaves the repository (a web address, an e-mail).
fn external(link: &str) -> bool {
    link.contains("://") || link.starts_with("mailto:")
}

/// What is wrong with `link` in `doc`, if anything.
fn broken(doc: &Path, link: &str) -> Option<String> {
    let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
    let target = if file.is_empty() {
        doc.to_path_buf()
    } else {
        doc.parent().expect("a file's directory").join(file)
    };
    if !target.exists() {
        return Some(format!("{link}: no file {}", target.display()));
    }
    if anchor.is_empty() {
        return None;
    }
    if target.extension().is_none_or(|e| e != "md") {
        return Some(format!(
            "{link}: an anchor into a file that is not Markdown"
        ));
    }
    let anchors = read(&target).anchors;
    (!anchors.iter().any(|a| a == anchor))
        .then(|| format!("{link}: no heading #{anchor} in {}", target.display()))
}

#[test]
fn every_relative_link_names_a_file_and_a_heading() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        for link in read(&doc).links.iter().filter(|l| !external(l)) {
            checked += 1;
            if let Some(p) = broken(&doc, link) {
                problems.push(format!("{}: {p}", doc.display()));
            }
        }
    }
    assert!(checked > 40, "only {checked} links found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_links_every_page_of_docs() {
    let root = lapkin_tests::root();
    let readme = read(&root.join("README.md"));
    for doc in documents()
        .iter()
        .filter(|d| d.parent() == Some(&root.join("docs")))
    {
        let name = format!("docs/{}", doc.file_name().unwrap().to_string_lossy());
        assert!(
            readme
                .links
                .iter()
                .any(|l| l.split('#').next() == Some(name.as_str())),
            "README.md does not link {name}"
        );
    }
}

#[test]
fn anchors_are_githubs() {
    let headings = [
        "What `verify` allows after lapkin's revision, and why",
        "Check, then render",
        "Exit codes",
        "Exit codes",
        "In Indonesian, or as JSON for an application",
    ]
    .map(String::from);
    assert_eq!(
        anchors(&headings),
        [
            "what-verify-allows-after-lapkins-revision-and-why",
            "check-then-render",
            "exit-codes",
            "exit-codes-1",
            "in-indonesian-or-as-json-for-an-application",
        ]
    );
    assert!(broken(&lapkin_tests::root().join("README.md"), "docs/nowhere.md").is_some());
    assert!(broken(&lapkin_tests::root().join("README.md"), "#no-such-heading").is_some());
    assert!(broken(&lapkin_tests::root().join("README.md"), "#exit-codes").is_none());
}

/// No doc test of the library includes a file: rustdoc then cannot merge
/// the doc tests into one crate and compiles each alone (8 minutes instead
/// of seconds on the CI machine).
#[test]
fn doc_tests_include_no_file() {
    let src = lapkin_tests::root().join("crates/lapkin/src");
    let mut stack = vec![src];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                for (n, line) in text.lines().enumerate() {
                    let line = line.trim_start();
                    let doc = line.starts_with("///") || line.starts_with("//!");
                    if doc && (line.contains("include_bytes!") || line.contains("include_str!")) {
                        found.push(format!("{}:{}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
