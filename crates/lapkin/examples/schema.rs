//! Prints the schema.
fn main() {
    println!(
        "{}",
        serde_json::to_string_pretty(&lapkin::model::report_schema()).unwrap()
    );
}
