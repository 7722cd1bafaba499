//! Properties of generated reports (`lapkin_tests::generate`), each test over a
//! fixed list of seeds so that a failure reproduces:
//!
//! - nothing panics, and nothing hangs (every case runs under a
//!   watchdog; a hang aborts the run after printing the case);
//! - `check` ok implies `render` ok: a report that parses renders;
//! - every word of the input is in the text of the pages;
//! - nothing is drawn outside the text area;
//! - the pages grow at most linearly with the input;
//! - in release builds, each case takes at most two seconds.
//!
//! A failing case prints its seed, and its JSON is written to
//! `target/props/<test>-<seed>.json`; rerun one seed with
//! `PROPS_SEED=<seed> cargo test -p lapkin-tests --test suite props::<test>`.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lapkin::layout::{Item, Layout};
use lapkin::{RenderOptions, layout::Style};
use lapkin_tests::generate::{self, Mix, comparable, printed_words};
use serde_json::Value;

/// How long one case may run before it counts as a hang. Generous: the
/// machine is shared, and a debug build is slow. The hangs this catches
/// grow memory fast, so it must not be minutes either.
const WATCHDOG: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(30)
} else {
    Duration::from_secs(10)
};

/// The time bound per case in release builds.
#[cfg(not(debug_assertions))]
const TIME_BOUND: Duration = Duration::from_secs(2);

/// What happened to one report.
struct Outcome {
    json_len: usize,
    /// `None` if `parse_report` refused it (with the message).
    parsed: Result<(), String>,
    /// The layout and the render's result, if it parsed.
    /// What `check`, the layout and the render said, if it parsed.
    rendered: Option<(
        lapkin::Result<()>,
        lapkin::Result<Layout>,
        lapkin::Result<usize>,
    )>,
    elapsed: Duration,
}

/// Parses, lays out and renders `json` on another thread; `Err` with a
/// description if it panicked.
fn run(json: &Value, seed: u64, test: &str) -> Result<Outcome, String> {
    let bytes = serde_json::to_vec(json).expect("a Value serializes");
    let (tx, rx) = mpsc::channel();
    let input = bytes.clone();
    std::thread::Builder::new()
        .name(format!("{test}-{seed}"))
        .spawn(move || {
            let start = Instant::now();
            let outcome = match lapkin::parse_report(&input) {
                Err(e) => Outcome {
                    json_len: input.len(),
                    parsed: Err(e.to_string()),
                    rendered: None,
                    elapsed: start.elapsed(),
                },
                Ok(report) => {
                    let opts = RenderOptions::default();
                    let checked = lapkin::check(&report, &opts);
                    let layout = lapkin_tests::layout_report(&report, &opts);
                    let rendered = lapkin::render(&report, &opts).map(|r| r.pages);
                    Outcome {
                        json_len: input.len(),
                        parsed: Ok(()),
                        rendered: Some((checked, layout, rendered)),
                        elapsed: start.elapsed(),
                    }
                }
            };
            let _ = tx.send(outcome);
        })
        .expect("spawning a thread");
    match rx.recv_timeout(WATCHDOG) {
        Ok(outcome) => Ok(outcome),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("panicked (see above)".into()),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let path = save(test, seed, json);
            // Straight to stderr: the harness's capture is lost on abort.
            let _ = writeln!(
                std::io::stderr(),
                "props::{test}: seed {seed} still runs after {WATCHDOG:?}: a hang; the input is {}",
                path.display()
            );
            // The runaway thread cannot be stopped and may eat all memory.
            std::process::abort();
        }
    }
}

/// Writes a failing case's JSON under `target/props/` and returns the path.
fn save(test: &str, seed: u64, json: &Value) -> std::path::PathBuf {
    let dir = lapkin_tests::root().join("target").join("props");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{test}-{seed}.json"));
    let _ = std::fs::write(
        &path,
        serde_json::to_string_pretty(json).expect("a Value serializes"),
    );
    path
}

/// The properties of one case; each broken one as a line.
fn properties(json: &Value, o: &Outcome) -> Vec<String> {
    let mut broken = Vec::new();
    #[cfg(not(debug_assertions))]
    if o.elapsed > TIME_BOUND {
        broken.push(format!("took {:?}, more than {TIME_BOUND:?}", o.elapsed));
    }
    let _ = o.elapsed;
    if o.parsed.is_err() {
        return broken;
    }
    let Some((checked, layout, rendered)) = &o.rendered else {
        return broken;
    };
    broken.extend(lapkin_tests::check_render_disagreement(checked, rendered));
    let layout = match (layout, rendered) {
        (Ok(l), Ok(_)) => l,
        (Ok(_), Err(_)) | (Err(_), Err(_)) => return broken,
        (Err(e), Ok(_)) => {
            broken.push(format!("render accepted it but the layout refused it: {e}"));
            return broken;
        }
    };
    broken.extend(lost_words(json, layout));
    broken.extend(outside_text_area(layout, &Style::default()));
    // A page holds thousands of bytes of text; the worst packing (a
    // character a line in a column a few points wide) about 50 bytes.
    let bound = o.json_len / 16 + 16;
    if layout.pages.len() > bound {
        broken.push(format!(
            "{} pages for {} bytes of JSON (more than {bound})",
            layout.pages.len(),
            o.json_len
        ));
    }
    broken
}

/// Words of the input that are not in the pages' text. A word may be
/// split between lines (and between pages, with a repeated table header
/// between its parts): it is found if it is inside one run, or is the end
/// of a run followed, in painting order, by whole runs and the start of a
/// run.
fn lost_words(json: &Value, layout: &Layout) -> Vec<String> {
    let runs: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|p| p.all_items())
        .filter_map(|i| match i {
            Item::Text(t) if !t.invisible => Some(comparable(&t.text)),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect();
    let all: String = runs.concat();
    // A word split over the lines of a table cell that runs onto the next
    // page has the row's other cells painted between its parts; its parts
    // all start at the cell's left edge, so the text at each x, in
    // painting order, holds it whole.
    let mut columns: std::collections::BTreeMap<i64, String> = Default::default();
    for page in &layout.pages {
        for item in page.all_items() {
            if let Item::Text(t) = item
                && !t.invisible
            {
                columns
                    .entry((t.x.0 * 100.0).round() as i64)
                    .or_default()
                    .push_str(&comparable(&t.text));
            }
        }
    }
    let mut lost = Vec::new();
    for word in printed_words(json) {
        let w = comparable(&word);
        if w.is_empty()
            || all.contains(&w)
            || split_between_runs(&runs, &w)
            || columns.values().any(|c| c.contains(&w))
        {
            continue;
        }
        lost.push(word);
    }
    if lost.is_empty() {
        return Vec::new();
    }
    let shown: Vec<String> = lost
        .iter()
        .take(5)
        .map(|w| format!("{:?}", w.chars().take(60).collect::<String>()))
        .collect();
    vec![format!(
        "{} word(s) of the input are not on the pages, e.g. {}",
        lost.len(),
        shown.join(", ")
    )]
}

fn split_between_runs(runs: &[String], w: &str) -> bool {
    for (i, run) in runs.iter().enumerate() {
        // The longest end of this run that starts the word.
        let longest = (1..w.len().min(run.len() + 1))
            .rev()
            .find(|&k| w.is_char_boundary(k) && run.ends_with(&w[..k]));
        let Some(k) = longest else { continue };
        let mut rest = &w[k..];
        for next in &runs[i + 1..] {
            if next.starts_with(rest) {
                return true;
            }
            if let Some(r) = rest.strip_prefix(next.as_str()) {
                rest = r;
            }
        }
    }
    false
}

/// Items drawn outside the text area: left and right margins for
/// everything, top margin and the body's bottom for the body; a landscape
/// page's margins turned with it.
fn outside_text_area(layout: &Layout, portrait: &Style) -> Vec<String> {
    const EPS: f64 = 0.01;
    let turned = portrait.landscape();
    let mut out = Vec::new();
    let mut area = String::new();
    for (n, page) in layout.pages.iter().enumerate() {
        let style = match page.size.width > page.size.height {
            true => &turned,
            false => portrait,
        };
        // A rule's stroke may stand out by half its width.
        let tol = style.rule_width.0 / 2.0 + EPS;
        let left = style.margin.left.0;
        let right = (style.page.width - style.margin.right).0;
        let top = style.margin.top.0;
        let bottom = (style.page.height - style.margin.bottom).0;
        if out.is_empty() {
            area = format!("{left:.2}..{right:.2} x {top:.2}..{bottom:.2}");
        }
        for (k, item) in page.all_items().enumerate() {
            let body = k < page.items.len();
            let (x0, x1, y0, y1) = crate::layout::extent(item);
            let mut bad = x0 < left - tol || x1 > right + tol;
            if body {
                bad |= y0 < top - tol || y1 > bottom + tol;
            }
            if bad {
                out.push(format!("page {}: {item}", n + 1));
            }
        }
    }
    if out.is_empty() {
        return out;
    }
    vec![format!(
        "{} item(s) outside the text area ({area}), first {}",
        out.len(),
        out[0]
    )]
}

/// Figures of table cells printed whole, in one run: "8.069.025.000,25"
/// is never broken between lines.
fn broken_figures(json: &Value, layout: &Layout) -> Vec<String> {
    fn walk(v: &Value, key: &str, out: &mut Vec<String>) {
        match v {
            Value::Number(n) if key == "baris" => {
                if let Ok(d) = n.to_string().parse::<rust_decimal::Decimal>() {
                    out.push(lapkin::format::angka(&d));
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            Value::Object(o) => o.iter().for_each(|(k, v)| walk(v, k, out)),
            _ => {}
        }
    }
    let mut figures = Vec::new();
    walk(json, "", &mut figures);
    let runs: Vec<&str> = layout
        .pages
        .iter()
        .flat_map(|p| p.all_items())
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    let broken: Vec<&String> = figures
        .iter()
        .filter(|f| !runs.iter().any(|r| r.contains(f.as_str())))
        .collect();
    match broken.first() {
        None => Vec::new(),
        Some(f) => vec![format!(
            "{} figure(s) broken between lines, e.g. {f:?}",
            broken.len()
        )],
    }
}

/// Soft hyphens and zero-width characters are never drawn, except a soft
/// hyphen at the end of a line (shown as a hyphen).
fn visible_format_characters(_: &Value, layout: &Layout) -> Vec<String> {
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
    for page in &layout.pages {
        for item in page.all_items() {
            if let Item::Text(t) = item {
                let text = t.text.trim_end();
                let shy_inside = text
                    .char_indices()
                    .any(|(i, c)| c == '\u{AD}' && i + c.len_utf8() < text.len());
                if shy_inside || text.contains(invisible) {
                    return vec![format!("a format character is drawn: {item}")];
                }
            }
        }
    }
    Vec::new()
}

/// The seeds of a test: `PROPS_SEED` if set, else `0..n`.
fn seeds(n: u64) -> Vec<u64> {
    match std::env::var("PROPS_SEED") {
        Ok(s) => vec![s.parse().expect("PROPS_SEED is a number")],
        Err(_) => (0..n).collect(),
    }
}

/// Runs `cases` seeds of `mix` through every property (and `extra`), and
/// fails listing each broken case.
fn check(test: &str, mix: &Mix, cases: u64, extra: &[fn(&Value, &Layout) -> Vec<String>]) {
    let mut failures = Vec::new();
    let (mut valid, mut refused, mut bytes) = (0, 0, 0);
    let mut reasons: Vec<String> = Vec::new();
    for seed in seeds(cases) {
        let json = generate::report_from_seed(seed, mix);
        let mut broken = match run(&json, seed, test) {
            Err(e) => vec![e],
            Ok(o) => {
                bytes += o.json_len;
                if o.parsed.is_ok() {
                    valid += 1;
                } else {
                    refused += 1;
                }
                if let Err(e) = &o.parsed {
                    reasons.push(format!(
                        "seed {seed}: {}",
                        e.chars().take(300).collect::<String>()
                    ));
                }
                let mut b = properties(&json, &o);
                if let Some((_, Ok(layout), _)) = &o.rendered {
                    for f in extra {
                        b.extend(f(&json, layout));
                    }
                }
                b
            }
        };
        if !broken.is_empty() {
            let path = save(test, seed, &json);
            broken.insert(0, format!("seed {seed} ({}):", path.display()));
            failures.push(broken.join("\n    "));
        }
    }
    eprintln!("props::{test}: {valid} valid and {refused} refused reports, {bytes} bytes of JSON");
    for r in &reasons {
        eprintln!("  refused {r}");
    }
    assert!(
        failures.is_empty(),
        "{} of the cases break a property:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn ordinary_reports_render_whole_inside_the_margins() {
    check("ordinary", &Mix::PLAIN, 60, &[]);
}

#[test]
fn long_words_render_whole_inside_the_margins() {
    let mix = Mix {
        long_words: true,
        ..Mix::PLAIN
    };
    check("long_words", &mix, 30, &[]);
}

#[test]
fn unicode_text_is_refused_by_check_or_rendered_whole() {
    let mix = Mix {
        unicode: true,
        ..Mix::PLAIN
    };
    check("unicode", &mix, 40, &[visible_format_characters]);
}

#[test]
fn wide_tables_stay_inside_the_margins() {
    let mix = Mix {
        wide_tables: true,
        ..Mix::PLAIN
    };
    check("wide_tables", &mix, 30, &[]);
}

#[test]
fn landscape_tables_and_sections_stay_inside_their_pages_margins() {
    let mix = Mix {
        wide_tables: true,
        unit_shapes: true,
        landscape: true,
        ..Mix::PLAIN
    };
    check("landscape", &mix, 30, &[]);
}

#[test]
fn figures_in_narrow_columns_are_never_broken() {
    let mix = Mix {
        narrow_figures: true,
        ..Mix::PLAIN
    };
    check("narrow_figures", &mix, 30, &[broken_figures]);
}

#[test]
fn headers_and_notes_taller_than_a_page_end() {
    let mix = Mix {
        taller_than_page: true,
        ..Mix::PLAIN
    };
    check("taller_than_page", &mix, 20, &[]);
}

#[test]
fn other_units_shapes_render_whole_inside_the_margins() {
    let mix = Mix {
        unit_shapes: true,
        ..Mix::PLAIN
    };
    check("unit_shapes", &mix, 40, &[]);
}

#[test]
fn no_mix_of_classes_panics_or_hangs() {
    // Every class but the one that hangs today, all properties.
    let mut failures = Vec::new();
    for seed in seeds(40) {
        let bytes = generate::seeded(seed, 1 << 18);
        let mut u = arbitrary::Unstructured::new(&bytes);
        let mix = Mix {
            taller_than_page: false,
            ..Mix::arbitrary(&mut u).expect("seeded bytes")
        };
        let json = generate::report_with(&mut u, &mix).expect("seeded bytes");
        if let Err(e) = run(&json, seed, "any_mix") {
            let path = save("any_mix", seed, &json);
            failures.push(format!("seed {seed} ({}): {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
