//! Prints the page dump of a report: `cargo run --example dump -- report.json`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump REPORT.json")?;
    let report = lapkin::parse_report(&std::fs::read(path)?)?;
    let doc = lapkin::build_document(&report)?;
    let layout =
        lapkin::layout_document(&doc, &lapkin::Style::default(), &lapkin::FontSet::default())?;
    print!("{layout}");
    Ok(())
}
