//! Reads every table in `data/`, runs the cross-checks and returns the [`Dataset`] to embed.
//! Shared by `build.rs` and the native data tests, so both see exactly the same result.

use super::checks;
use super::records::*;
use super::source::{load_enforcement, DataError, Origins, SourceIndex, Table};
use std::path::Path;

/// The `data/` files the build reads, so `build.rs` can tell cargo to watch them.
pub const INPUT_FILES: &[&str] = &["sources.csv", "enforcement.csv", "known_discrepancies.csv"];

pub fn assemble(data_dir: &Path) -> Result<Dataset, Vec<DataError>> {
    let read = |name: &str| -> Result<Table, DataError> {
        let path = data_dir.join(name);
        let shown = format!("data/{name}");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| DataError { file: shown.clone(), line: 0, message: format!("cannot read: {e}") })?;
        Table::parse(&shown, &text)
    };
    let one = |e: DataError| vec![e];

    let sources = SourceIndex::load(&read("sources.csv").map_err(one)?).map_err(one)?;
    let mut origins = Origins::new();
    let enforcement_table = read("enforcement.csv").map_err(one)?;
    let enforcement = load_enforcement(&enforcement_table, &sources, &mut origins).map_err(one)?;
    let known_table = read("known_discrepancies.csv").map_err(one)?;
    let known = checks::load_known_discrepancies(&known_table).map_err(one)?;

    let errors = checks::regional_sums(&enforcement, &origins, &known, &known_table.path);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut dataset = Dataset { sources: sources.files, enforcement };
    dataset.sort();
    Ok(dataset)
}
