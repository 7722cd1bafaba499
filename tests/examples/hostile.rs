//! Writes the largest generated report and the hostile cases of issue 7
//! into a directory, for `tests/external/resource.sh`:
//!
//! - `large.json`: the reference report's sections A and B repeated 50
//!   times, section C with 5,000 rows (about 1,100 pages);
//! - `long-word.json`: one word of 2 million letters without a break;
//! - `big-paragraph.json`: one paragraph of 20 MB;
//! - `tall-header.json`: a table whose header is taller than a page,
//!   running onto a second page;
//! - `wide-table.json`: a table of 80 columns, and one of 40 columns in a
//!   list.
//!
//! - `*.pdf`: the hostile PDFs of issue 17 for `extract` and `verify`
//!   (`lapkin_tests::hostile_pdf::heavy`): bombs, hostile trees, a huge
//!   attached report.
//!
//! `cargo run --release -p lapkin-tests --example hostile -- DIR [SCALE]`;
//! SCALE (default 1) divides the sizes, for quicker runs.

use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: hostile DIR [SCALE]"));
    let scale: usize = args
        .next()
        .map_or(1, |s| s.parse().expect("SCALE is a number"));
    std::fs::create_dir_all(&dir).expect("creating the directory");
    let write = |name: &str, v: &Value| {
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_vec(v).expect("serializes"))
            .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        println!("{}", path.display());
    };
    for (name, v) in lapkin_tests::generate::hostile(scale) {
        write(name, &v);
    }
    for (name, pdf) in lapkin_tests::hostile_pdf::heavy(scale) {
        let path = dir.join(name);
        std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        println!("{}", path.display());
    }
}
