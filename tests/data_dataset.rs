#![cfg(not(target_arch = "wasm32"))]
//! The embedded dataset against `data/`: the bytes round-trip, the build's checks catch what
//! they promise to, damaged bytes are refused without panicking, and the country lookup works.

use std::path::{Path, PathBuf};
use tipviz::data::assemble::assemble;
use tipviz::data::{dataset, decode, encode, Region, TierPlacement, DATASET_BYTES};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn embedded_bytes_reencode_to_themselves() {
    let decoded = decode(DATASET_BYTES).expect("embedded bytes decode");
    assert!(encode(&decoded) == DATASET_BYTES, "re-encoding the embedded dataset changed its bytes");
}

#[test]
fn embedded_dataset_matches_data_dir() {
    let assembled = assemble(&data_dir()).unwrap_or_else(|errors| {
        panic!("data/ fails its checks:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
    });
    assert!(&assembled == dataset(), "data/ changed since the build embedded it; rebuild");
}

#[test]
fn every_table_is_embedded() {
    let d = dataset();
    for (name, rows) in d.table_lengths() {
        assert!(rows > 0, "{name} is empty");
    }
}

#[test]
fn damaged_bytes_are_refused_without_panicking() {
    let bytes = DATASET_BYTES;
    // Every truncation point in the first part, then a sample over the rest.
    let step = (bytes.len() / 300).max(1);
    let cuts = (0..500.min(bytes.len())).chain((500..bytes.len()).step_by(step));
    for cut in cuts {
        assert!(decode(&bytes[..cut]).is_err(), "a dataset cut at {cut} bytes decoded");
    }
    let mut damaged = bytes.to_vec();
    for position in (5..bytes.len()).step_by(step) {
        for flip in [0x01u8, 0x80, 0xff] {
            damaged[position] ^= flip;
            let _ = decode(&damaged); // may decode to other values; must not panic
            damaged[position] ^= flip;
        }
    }
    let mut huge_count = bytes[..5].to_vec();
    huge_count.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
    assert!(decode(&huge_count).is_err());
}

#[test]
fn countries_are_found_by_id_name_and_alias() {
    let d = dataset();
    for (spelling, id) in [
        ("KAZ", "KAZ"),
        ("  côte d'ivoire ", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("JAMAICA", "JAM"),
        ("Brunei-Darussalam", "BRN"),
        ("Soloman Islands", "SLB"),
        ("Korea,   Democratic Republic of", "PRK"),
        ("Congo", "COG"),
        ("Andorra", "AND"),
        ("kiribati", "KIR"),
    ] {
        assert_eq!(d.country_by_name(spelling).map(|c| &*c.id), Some(id), "{spelling}");
    }
    assert!(d.country_by_name("Atlantis").is_none());
    assert_eq!(d.country("XKX").map(|c| c.region), Some(Some(Region::Europe)));
    assert_eq!(d.country("AND").map(|c| c.region), Some(None));
}

/// A copy of `data/` with one file edited, assembled: the check errors as `file:line: message`.
fn errors_after_edit(file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tipviz-data-check-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let original = std::fs::read_to_string(dir.join(file)).unwrap();
    let edited = edit(&original);
    assert_ne!(edited, original, "the edit of {file} changed nothing");
    std::fs::write(dir.join(file), edited).unwrap();
    let result = assemble(&dir);
    std::fs::remove_dir_all(&dir).ok();
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_caught(errors: &[String], expected: &str) {
    assert!(errors.iter().any(|e| e.contains(expected)), "expected an error containing `{expected}`, got {errors:#?}");
}

fn line_of(text: &str, starts: &str) -> usize {
    text.lines().position(|l| l.starts_with(starts)).expect("line present") + 1
}

#[test]
fn a_country_placed_twice_is_caught() {
    let errors = errors_after_edit("tiers.csv", |t| {
        let line = t.lines().nth(1).unwrap();
        format!("{t}{line}\n")
    });
    assert_caught(&errors, "is already placed in the 2024 edition");
}

#[test]
fn a_tier_count_against_the_stated_total_is_caught() {
    let errors = errors_after_edit("stated_totals.csv", |t| t.replacen(",188,", ",187,", 1));
    assert_caught(&errors, "data/stated_totals.csv:2: the 2024 edition states 187");
}

#[test]
fn a_country_missing_from_a_current_list_is_caught() {
    let errors = errors_after_edit("tiers.csv", |t| {
        let line = line_of(t, "KAZ,2025");
        t.lines().enumerate().filter(|(i, _)| i + 1 != line).map(|(_, l)| format!("{l}\n")).collect()
    });
    assert_caught(&errors, "KAZ has a region but no tier in the 2025 edition");
    assert_caught(&errors, "the 2025 edition states 188");
}

#[test]
fn a_spelling_naming_two_countries_is_caught() {
    // Kelley prints "Congo" for COG; giving it to COD as well must fail.
    let errors = errors_after_edit("countries.csv", |t| t.replacen("|Congo - Kinshasa|", "|Congo - Kinshasa|Congo|", 1));
    assert_caught(&errors, "`Congo` names COD");
}

#[test]
fn an_unknown_country_id_is_caught() {
    let errors = errors_after_edit("ratifications.csv", |t| t.replacen("\nBRA,palermo", "\nZZZ,palermo", 1));
    assert_caught(&errors, "data/ratifications.csv:2: country `ZZZ` has no row in data/countries.csv");
}

#[test]
fn an_implausible_ratification_year_is_caught() {
    let errors = errors_after_edit("ratifications.csv", |t| t.replacen("BRA,palermo,2004", "BRA,palermo,1999", 1));
    assert_caught(&errors, "data/ratifications.csv:2: BRA palermo year 1999 is outside 2000..=2018");
}

#[test]
fn a_correction_without_its_reason_is_caught() {
    let errors = errors_after_edit("tiers.csv", |t| t.replacen("\"corrected: missing", "\"missing", 1));
    assert_caught(&errors, "a corrected value needs a note starting `corrected:`");
}

#[test]
fn a_region_without_a_placement_and_a_placement_without_a_region_are_caught() {
    let errors = errors_after_edit("countries.csv", |t| t.replacen("KIR,Kiribati,,,,", "KIR,Kiribati,east-asia-pacific,,001_bb56f66af96aedbd.txt,1", 1));
    assert_caught(&errors, "KIR has a region but no tier in the 2024 edition");
    let errors = errors_after_edit("tiers.csv", |t| t.replacen("\nAFG,2024,", "\nAND,2024,", 1));
    assert_caught(&errors, "AND has no region in data/countries.csv but is placed in the 2024 edition");
}

#[test]
fn every_load_failure_is_listed() {
    let errors = errors_after_edit("peacekeeping.csv", |t| t.replacen(",un,personnel,", ",unicef,personnel,", 1));
    assert_caught(&errors, "data/peacekeeping.csv:2: unknown org `unicef`");
}

#[test]
fn a_regional_table_that_stops_adding_up_is_caught_at_the_global_row() {
    // 2025 global 2024 prosecutions is 15,791, which the six regions add up to exactly.
    let line = line_of(&std::fs::read_to_string(data_dir().join("enforcement.csv")).unwrap(), "2025,global,2024,prosecutions,");
    let errors = errors_after_edit("enforcement.csv", |t| t.replacen("2025,africa,2024,prosecutions,3541,", "2025,africa,2024,prosecutions,3540,", 1));
    assert_caught(
        &errors,
        &format!("data/enforcement.csv:{line}: 2025 edition, 2024, prosecutions: the six regions add up to 15790 but the global row is 15791"),
    );
}

#[test]
fn a_known_discrepancy_that_no_longer_occurs_is_caught() {
    let errors = errors_after_edit("known_discrepancies.csv", |t| {
        format!("{t}2025,2024,legislation,21,21,\"a stale entry\"\n")
    });
    let line = std::fs::read_to_string(data_dir().join("known_discrepancies.csv")).unwrap().lines().count() + 1;
    assert_caught(&errors, &format!("data/known_discrepancies.csv:{line}: this discrepancy no longer occurs"));
}

#[test]
fn a_countrys_placements_are_found_edition_by_edition_as_a_scan_finds_them() {
    // Read through a fresh embedded dataset's edition blocks first, then scanned whole.
    let data = tipviz::data::decode_embedded(DATASET_BYTES);
    let by_block: Vec<(String, Vec<TierPlacement>)> = data
        .countries
        .iter()
        .map(|c| (c.id.to_string(), data.placements_of(&c.id).into_iter().cloned().collect()))
        .collect();
    let editions = data.tiers.editions();
    let editions_by_block: Vec<Vec<TierPlacement>> = editions.iter().map(|e| data.tiers.edition(e.edition).to_vec()).collect();
    assert!(!data.tiers.decoded_whole(), "the lookups above read the edition blocks only");
    let mut checked = 0;
    for (id, found) in &by_block {
        let scanned: Vec<TierPlacement> = data.tiers.iter().filter(|t| t.country == *id).cloned().collect();
        assert_eq!(*found, scanned, "{id}");
        assert!(found.windows(2).all(|w| w[0].edition < w[1].edition), "{id}: oldest first, one per edition");
        for p in &scanned {
            assert_eq!(data.placement(id, p.edition), Some(p), "{id} {}, the whole list decoded", p.edition);
        }
        checked += scanned.len();
    }
    assert_eq!(checked, data.tiers.len(), "every placement belongs to a known country");
    assert!(data.tiers.decoded_whole());
    assert_eq!(data.tiers.editions(), editions, "the directory agrees with the placements");
    for (e, block) in editions.iter().zip(&editions_by_block) {
        assert_eq!(data.tiers.edition(e.edition), &block[..], "{}", e.edition);
    }
    assert_eq!(editions.first().map(|e| e.edition), Some(2001));
    assert!(editions.iter().any(|e| e.edition == 2025 && e.all_printed && e.count > 150));
    assert!(editions.iter().any(|e| e.edition == 2018 && !e.all_printed), "inferred from the 2019 narratives");
    assert!(editions.iter().any(|e| e.edition == 2019 && e.count < 150), "only the narratives Jamaica to Namibia");
    assert_eq!(data.placement("JAM", 2016), None);
    assert!(data.placements_of("ZZZ").is_empty());
}

#[test]
fn a_changed_clone_of_the_dataset_leaves_the_original_as_it_was() {
    let original = dataset();
    let mut copy = original.clone();
    assert!(&copy == original);
    let placement = copy.tiers[0].clone();
    copy.tiers.push(placement);
    copy.countries[0].name.to_mut().push_str(" (renamed)");
    assert_eq!(copy.tiers.len(), original.tiers.len() + 1);
    assert!(!original.countries[0].name.ends_with(" (renamed)"));
    assert!(copy.enforcement == original.enforcement, "unchanged tables stay equal");
}

#[test]
fn a_countrys_ratifications_are_found_by_binary_search_as_a_scan_finds_them() {
    let data = dataset();
    let mut checked = 0;
    for country in &data.countries {
        let scanned: Vec<_> = data.ratifications.iter().filter(|r| r.country == country.id).collect();
        let found: Vec<_> = data.ratifications_of(&country.id).iter().collect();
        assert_eq!(found, scanned, "{}", country.id);
        checked += scanned.len();
    }
    assert_eq!(checked, data.ratifications.len(), "every row belongs to a known country");
    assert!(data.ratifications_of("ZZZ").is_empty());
}

#[test]
fn tier_movements_follow_the_ranking_and_a_special_case_is_outside_it() {
    use tipviz::data::{Movement, Tier};
    assert_eq!(Tier::Two.movement(Tier::One), Movement::Up);
    assert_eq!(Tier::WatchList.movement(Tier::Three), Movement::Down);
    assert_eq!(Tier::Three.movement(Tier::Three), Movement::Same);
    assert_eq!(Tier::Special.movement(Tier::Three), Movement::Other);
    assert_eq!(Tier::One.movement(Tier::Special), Movement::Other);
    assert_eq!(Tier::Special.movement(Tier::Special), Movement::Same);
}
