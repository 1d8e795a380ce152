//! Cross-checks that must hold before the dataset is embedded. A failure names the `data/`
//! file and line to look at; `build.rs` stops on any failure.

use super::records::*;
use super::source::{DataError, Loaded, Origin, Origins, Table};
use std::collections::{BTreeMap, HashMap};

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

/// One edition/year/metric cell: the global value, the sum of the regional values, and how
/// many regions were summed.
type RegionalCell = (Option<u64>, u64, usize);

/// For every edition, year and metric that has a global row and all six regional rows, the
/// regions must add up to the global value, or the cell must be a listed known discrepancy.
/// Listed discrepancies that no longer occur are reported too, so the list cannot go stale.
pub fn regional_sums(
    values: &[EnforcementValue],
    origins: &Origins,
    known: &[KnownDiscrepancy],
    known_path: &str,
) -> Vec<DataError> {
    let mut cells: BTreeMap<(u16, u16, Metric), RegionalCell> = BTreeMap::new();
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

/// The editions whose tier lists cover every ranked country: every country with a region must
/// be placed in each, and a country without a region in none.
pub const FULL_TIER_EDITIONS: [u16; 2] = [2024, 2025];

/// A country id as some table uses it, with the spelling that row prints.
pub struct CountryMention<'a> {
    pub id: &'a str,
    pub name_printed: &'a str,
    pub at: &'a Origin,
}

/// Ids are unique in `countries.csv`, and every id another table uses has a row there.
pub fn country_ids(countries: &[Loaded<Country>], mentions: &[CountryMention]) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut lines: HashMap<&str, u32> = HashMap::new();
    for c in countries {
        if let Some(first) = lines.insert(&c.record.id, c.at.line) {
            errors.push(c.at.error(format!("{} already has a row at line {first}", c.record.id)));
        }
    }
    for m in mentions {
        if !lines.contains_key(m.id) {
            errors.push(m.at.error(format!("country `{}` has no row in data/countries.csv", m.id)));
        }
    }
    errors
}

/// Builds the alias index: every id, name and alias of `countries.csv` and every `name_printed`
/// of every table must name exactly one country, and a row's printed name must name the row's
/// own country. Printed spellings not yet known become aliases of that country.
pub fn aliases(countries: &mut [Loaded<Country>], mentions: &[CountryMention]) -> Vec<DataError> {
    let mut errors = Vec::new();
    // folded spelling -> (country id, where that spelling was first given)
    let mut index: HashMap<String, (String, Origin)> = HashMap::new();
    for country in countries.iter_mut() {
        let c = &mut country.record;
        let mut own: Vec<String> = Vec::new();
        for spelling in c.spellings() {
            let folded = fold_name(spelling);
            if own.contains(&folded) {
                continue; // the same spelling twice for one country is harmless
            }
            own.push(folded.clone());
            if let Some((other, at)) = index.insert(folded, (c.id.to_string(), country.at.clone())) {
                errors.push(country.at.error(format!("`{spelling}` also names {other} (line {})", at.line)));
            }
        }
        // Keep each alias once, in its first spelling, and not repeating the id or name.
        let mut seen = vec![fold_name(&c.id), fold_name(&c.name)];
        c.aliases.retain(|alias| {
            let folded = fold_name(alias);
            let first = !seen.contains(&folded);
            seen.push(folded);
            first
        });
    }
    let position: HashMap<String, usize> =
        countries.iter().enumerate().map(|(i, c)| (c.record.id.to_string(), i)).collect();
    for m in mentions {
        let Some(&own) = position.get(m.id) else { continue }; // reported by `country_ids`
        if m.name_printed.is_empty() {
            continue;
        }
        let folded = fold_name(m.name_printed);
        match index.get(&folded) {
            Some((id, _)) if id == m.id => {}
            Some((id, at)) => errors.push(m.at.error(format!(
                "`{}` names {id} ({}:{}), not {}",
                m.name_printed, at.file, at.line, m.id
            ))),
            None => {
                let spelling = m.name_printed.split_whitespace().collect::<Vec<_>>().join(" ");
                countries[own].record.aliases.push(spelling.into());
                index.insert(folded, (m.id.to_owned(), m.at.clone()));
            }
        }
    }
    errors
}

/// Tier lists: one placement per country and edition; counts equal the stated totals; the full
/// editions place every country that has a region and none that has not; every edition places
/// at least one country of each region.
pub fn tier_lists(
    tiers: &[Loaded<TierPlacement>],
    countries: &[Loaded<Country>],
    totals: &[Loaded<StatedTotal>],
) -> Vec<DataError> {
    let mut errors = Vec::new();
    let region_of: HashMap<&str, Option<Region>> =
        countries.iter().map(|c| (&*c.record.id, c.record.region)).collect();
    let mut placed: BTreeMap<(u16, &str), &Origin> = BTreeMap::new();
    for t in tiers {
        let p = &t.record;
        if let Some(first) = placed.insert((p.edition, &p.country), &t.at) {
            errors.push(t.at.error(format!(
                "{} is already placed in the {} edition at {}:{}",
                p.country, p.edition, first.file, first.line
            )));
        }
        if FULL_TIER_EDITIONS.contains(&p.edition) && region_of.get(&*p.country) == Some(&None) {
            errors.push(t.at.error(format!(
                "{} has no region in data/countries.csv but is placed in the {} edition",
                p.country, p.edition
            )));
        }
    }
    for c in countries {
        if c.record.region.is_none() {
            continue;
        }
        for edition in FULL_TIER_EDITIONS {
            if !placed.contains_key(&(edition, &*c.record.id)) {
                errors.push(c.at.error(format!("{} has a region but no tier in the {edition} edition", c.record.id)));
            }
        }
    }
    let editions: std::collections::BTreeSet<u16> = tiers.iter().map(|t| t.record.edition).collect();
    for &edition in &editions {
        for &region in Region::ALL {
            let any = tiers.iter().any(|t| {
                t.record.edition == edition && region_of.get(&*t.record.country) == Some(&Some(region))
            });
            if !any {
                let first = tiers.iter().find(|t| t.record.edition == edition).map(|t| &t.at);
                if let Some(at) = first {
                    errors.push(at.error(format!("the {edition} edition places no country of {}", region.id())));
                }
            }
        }
    }
    for total in totals {
        let s = &total.record;
        let Some(counted) = s.subject.strip_prefix("tiers.") else {
            errors.push(total.at.error(format!("no check knows the subject `{}`", s.subject)));
            continue;
        };
        let tier = match counted {
            "countries" => None,
            id => match Tier::from_id(id) {
                Some(tier) => Some(tier),
                None => {
                    errors.push(total.at.error(format!("no check knows the subject `{}`", s.subject)));
                    continue;
                }
            },
        };
        let count = tiers
            .iter()
            .filter(|t| t.record.edition == s.edition && tier.map_or(true, |tier| t.record.tier == tier))
            .count() as u64;
        if count != s.value {
            errors.push(total.at.error(format!(
                "the {} edition states {} for `{}` but the tier tables place {count}",
                s.edition, s.value, s.subject
            )));
        }
    }
    errors
}

/// The earliest year an instrument could be ratified: the year it was adopted.
fn adopted(instrument: Instrument) -> u16 {
    match instrument {
        Instrument::Palermo | Instrument::Opsc | Instrument::Opac => 2000,
        Instrument::C029 => 1930,
        Instrument::P029 => 2014,
        Instrument::C105 => 1957,
        Instrument::C182 => 1999,
        Instrument::C189 => 2011,
    }
}

/// Ratification years lie between the instrument's adoption and the edition; one cell per
/// edition, country and instrument.
pub fn ratifications(rows: &[Loaded<Ratification>]) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<(u16, &str, Instrument), u32> = HashMap::new();
    for row in rows {
        let r = &row.record;
        let earliest = adopted(r.instrument);
        if r.year < earliest || r.year > r.edition {
            errors.push(row.at.error(format!(
                "{} {} year {} is outside {earliest}..={} (adoption .. edition)",
                r.country,
                r.instrument.id(),
                r.year,
                r.edition
            )));
        }
        if let Some(first) = seen.insert((r.edition, &r.country, r.instrument), row.at.line) {
            errors.push(row.at.error(format!("the same cell is already given at line {first}")));
        }
    }
    errors
}

/// Data years do not come after the edition that printed them, and a peacekeeping cell is
/// given once.
pub fn years_and_cells(
    peacekeeping: &[Loaded<PeacekeepingValue>],
    parties: &[Loaded<ProtocolParty>],
    country_enforcement: &[Loaded<CountryEnforcement>],
) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<(u16, u16, Org, &str), u32> = HashMap::new();
    for row in peacekeeping {
        let p = &row.record;
        if p.year >= p.edition {
            errors.push(row.at.error(format!("data year {} is not before the {} edition", p.year, p.edition)));
        }
        if let Some(first) = seen.insert((p.edition, p.year, p.org, &p.metric), row.at.line) {
            errors.push(row.at.error(format!("the same cell is already given at line {first}")));
        }
    }
    for row in parties {
        if let Some(year) = row.record.year.filter(|&y| y > row.record.edition) {
            errors.push(row.at.error(format!("year {year} is after the {} edition", row.record.edition)));
        }
    }
    for row in country_enforcement {
        if row.record.unit.is_empty() {
            errors.push(row.at.error("`unit` says what the text counts; it is empty".into()));
        }
    }
    errors
}
