//! Cross-checks that must hold before the dataset is embedded. A failure names the `data/`
//! file and line to look at; `build.rs` stops on any failure.

use super::records::*;
use super::source::{DataError, Origins, Table};
use std::collections::BTreeMap;

/// A cell where the six regional tables do not add up to the global row and the sources do
/// not say which cell is wrong: accepted only because `data/known_discrepancies.csv` says so.
pub struct KnownDiscrepancy {
    pub edition: u16,
    pub year: u16,
    pub metric: Metric,
    pub regions_sum: u64,
    pub global: u64,
    pub line: u32,
}

pub fn load_known_discrepancies(table: &Table) -> Result<Vec<KnownDiscrepancy>, DataError> {
    table.expect_columns(&["edition", "year", "metric", "regions_sum", "global", "note"])?;
    let mut list = Vec::new();
    for row in &table.rows {
        let metric_id = table.get(row, "metric");
        let metric = Metric::from_id(metric_id)
            .ok_or_else(|| table.error_at(row.line, format!("unknown metric `{metric_id}`")))?;
        if table.get(row, "note").is_empty() {
            return Err(table.error_at(row.line, "a known discrepancy needs a note saying why".into()));
        }
        list.push(KnownDiscrepancy {
            edition: table.parse_field(row, "edition")?,
            year: table.parse_field(row, "year")?,
            metric,
            regions_sum: table.parse_field(row, "regions_sum")?,
            global: table.parse_field(row, "global")?,
            line: row.line,
        });
    }
    Ok(list)
}

/// For every edition, year and metric that has a global row and all six regional rows, the
/// regions must add up to the global value, or the cell must be a listed known discrepancy.
/// Listed discrepancies that no longer occur are reported too, so the list cannot go stale.
pub fn regional_sums(
    values: &[EnforcementValue],
    origins: &Origins,
    known: &[KnownDiscrepancy],
    known_path: &str,
) -> Vec<DataError> {
    let mut cells: BTreeMap<(u16, u16, Metric), (Option<u64>, u64, usize)> = BTreeMap::new();
    for v in values {
        let cell = cells.entry((v.edition, v.year, v.metric)).or_insert((None, 0, 0));
        match v.scope {
            Scope::Global => cell.0 = Some(v.value),
            Scope::Region(_) => {
                cell.1 += v.value;
                cell.2 += 1;
            }
        }
    }
    let mut errors = Vec::new();
    let mut used = vec![false; known.len()];
    for (&(edition, year, metric), &(global, regions_sum, region_count)) in &cells {
        let Some(global) = global else { continue };
        if region_count != Region::ALL.len() || global == regions_sum {
            continue;
        }
        let listed = known.iter().position(|k| {
            (k.edition, k.year, k.metric, k.regions_sum, k.global) == (edition, year, metric, regions_sum, global)
        });
        match listed {
            Some(i) => used[i] = true,
            None => {
                let (file, line) = origins[&(Scope::Global, metric, year, edition)].clone();
                errors.push(DataError {
                    file,
                    line,
                    message: format!(
                        "{edition} edition, {year}, {}: the six regions add up to {regions_sum} but the global row is {global}; correct a cell or list it in {known_path}",
                        metric.id()
                    ),
                });
            }
        }
    }
    for (k, used) in known.iter().zip(used) {
        if !used {
            errors.push(DataError {
                file: known_path.to_owned(),
                line: k.line,
                message: "this discrepancy no longer occurs in the data; remove the line".into(),
            });
        }
    }
    errors
}
