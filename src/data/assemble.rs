//! Reads every table in `data/`, runs the cross-checks and returns the [`Dataset`] to embed.
//! Shared by `build.rs` and the native data tests, so both see exactly the same result.

use super::checks::{self, CountryMention};
use super::records::*;
use super::source::*;
use std::path::Path;

/// The tier tables: one format, split by where the placements come from.
pub const TIER_FILES: &[&str] = &["tiers.csv", "tiers_2019.csv", "tiers_kelley.csv"];

/// The `data/` files the build reads, so `build.rs` can tell cargo to watch them.
pub const INPUT_FILES: &[&str] = &[
    "sources.csv",
    "countries.csv",
    "tiers.csv",
    "tiers_2019.csv",
    "tiers_kelley.csv",
    "enforcement.csv",
    "known_discrepancies.csv",
    "country_enforcement.csv",
    "ratifications.csv",
    "protocol_parties.csv",
    "peacekeeping.csv",
    "stated_totals.csv",
];

pub fn assemble(data_dir: &Path) -> Result<Dataset, Vec<DataError>> {
    let read = |name: &str| -> Result<Table, DataError> {
        let path = data_dir.join(name);
        let shown = format!("data/{name}");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| DataError { file: shown.clone(), line: 0, message: format!("cannot read: {e}") })?;
        Table::parse(&shown, &text)
    };
    let sources = read("sources.csv").and_then(|t| SourceIndex::load(&t)).map_err(|e| vec![e])?;

    // Load every file, collecting the failures of all of them before giving up.
    let mut errors = Vec::new();
    let mut countries = keep(&mut errors, read("countries.csv").and_then(|t| load_countries(&t, &sources)));
    let mut tiers = Vec::new();
    for name in TIER_FILES {
        tiers.extend(keep(&mut errors, read(name).and_then(|t| load_tiers(&t, &sources))));
    }
    let country_enforcement = keep(&mut errors, read("country_enforcement.csv").and_then(|t| load_country_enforcement(&t, &sources)));
    let ratifications = keep(&mut errors, read("ratifications.csv").and_then(|t| load_ratifications(&t, &sources)));
    let parties = keep(&mut errors, read("protocol_parties.csv").and_then(|t| load_protocol_parties(&t, &sources)));
    let peacekeeping = keep(&mut errors, read("peacekeeping.csv").and_then(|t| load_peacekeeping(&t, &sources)));
    let totals = keep(&mut errors, read("stated_totals.csv").and_then(|t| load_stated_totals(&t, &sources)));
    let mut origins = Origins::new();
    let enforcement_result = read("enforcement.csv").and_then(|t| load_enforcement(&t, &sources, &mut origins));
    let known_table = read("known_discrepancies.csv");
    let known = known_table.as_ref().map_err(Clone::clone).and_then(checks::load_known_discrepancies);
    let (enforcement, known, known_table) = match (enforcement_result, known, known_table) {
        (Ok(e), Ok(k), Ok(t)) => (e, k, t),
        (e, k, _) => {
            errors.extend(e.err().into_iter().chain(k.err()));
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }

    let mentions = country_mentions(&tiers, &country_enforcement, &ratifications, &parties);
    errors.extend(checks::country_ids(&countries, &mentions));
    errors.extend(checks::aliases(&mut countries, &mentions));
    errors.extend(checks::tier_lists(&tiers, &countries, &totals));
    errors.extend(checks::ratifications(&ratifications));
    errors.extend(checks::years_and_cells(&peacekeeping, &parties, &country_enforcement));
    errors.extend(checks::regional_sums(&enforcement, &origins, &known, &known_table.path));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut dataset = Dataset {
        sources: sources.files.into(),
        countries: records(&countries).into(),
        tiers: records(&tiers).into(),
        enforcement: enforcement.into(),
        country_enforcement: records(&country_enforcement).into(),
        ratifications: records(&ratifications).into(),
        protocol_parties: records(&parties).into(),
        peacekeeping: records(&peacekeeping).into(),
        stated_totals: records(&totals).into(),
    };
    dataset.sort();
    Ok(dataset)
}

/// Every row of every table that names a country, with the spelling it prints.
fn country_mentions<'a>(
    tiers: &'a [Loaded<TierPlacement>],
    country_enforcement: &'a [Loaded<CountryEnforcement>],
    ratifications: &'a [Loaded<Ratification>],
    parties: &'a [Loaded<ProtocolParty>],
) -> Vec<CountryMention<'a>> {
    let mention = |id: &'a str, name_printed: &'a str, at: &'a Origin| CountryMention { id, name_printed, at };
    let mut all = Vec::new();
    all.extend(tiers.iter().map(|r| mention(&r.record.country, &r.record.name_printed, &r.at)));
    all.extend(country_enforcement.iter().map(|r| mention(&r.record.country, &r.record.name_printed, &r.at)));
    all.extend(ratifications.iter().map(|r| mention(&r.record.country, &r.record.name_printed, &r.at)));
    all.extend(
        parties.iter().filter_map(|r| Some(mention(r.record.country.as_deref()?, &r.record.name_printed, &r.at))),
    );
    all
}

/// The rows a file loaded, or none after noting why it failed.
fn keep<T>(errors: &mut Vec<DataError>, result: Result<Vec<T>, DataError>) -> Vec<T> {
    result.unwrap_or_else(|e| {
        errors.push(e);
        Vec::new()
    })
}
