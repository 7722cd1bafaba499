//! Prints the page dump of a report: `cargo run --example dump -- report.json`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump REPORT.json")?;
    let report = lapkin::parse_report(&std::fs::read(path)?)?;
    let fonts = lapkin::text::FontSet::default();
    let doc = lapkin::document::build_document(&lapkin::validate(&report, &fonts)?);
    let layout = lapkin::layout::layout_document(&doc, &lapkin::layout::Style::default(), &fonts)?;
    print!("{layout}");
    Ok(())
}
