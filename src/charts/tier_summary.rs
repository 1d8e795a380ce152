//! `tier-summary`: how many countries each region has in each tier, as stacked bars.
//!
//! - `edition="2024" | "2025" | "latest" | "compare"` (default `latest`, the newest full tier
//!   list): one bar per region, or with `compare` the 2024 and 2025 bars of each region
//!   together.
//! - `region="…"`: one region alone.
//!
//! Only countries a tier list places are counted. Every country with a region is placed in
//! both full lists (the build checks it); the two without a region (Andorra, Kiribati) are
//! placed in neither, so nothing is left out — the subtitle says so, and would name any placed
//! country without a region.

use crate::i18n::{self, tr, trf, Lang};
use crate::charts::tier_history::{describe_placements, TIER_ORDER};
use crate::charts::tier_map::full_editions;
use crate::data::{Dataset, Region, Tier, TierPlacement};
use crate::model::figure::NameList;
use crate::model::spec::{Attributes, SpecError};
use crate::model::stacks::{SegmentInput, StackBarInput, StackChartInput, StackGroupInput};
use crate::model::table::DataTable;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierSummarySpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    /// One edition, or two to compare.
    pub editions: Vec<u16>,
    /// `None` for all six regions.
    pub region: Option<Region>,
}

/// `edition`: one of the editions with a full tier list (as the map counts them), `latest`, or
/// `compare` for the two newest side by side.
pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<TierSummarySpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let full = full_editions(dataset);
    let names: Vec<String> = full.iter().map(u16::to_string).chain(["latest".into(), "compare".into()]).collect();
    let accepted: Vec<&str> = names.iter().map(String::as_str).collect();
    let editions = match attrs.choose("edition", &accepted, "latest")?.as_str() {
        "latest" => full.last().copied().into_iter().collect(),
        "compare" => full[full.len().saturating_sub(2)..].to_vec(),
        year => year.parse().into_iter().collect(),
    };
    Ok(TierSummarySpec { lang, editions, region: parse_region(attrs)? })
}

/// `region="…"` by id, English label or name in the reader's language; `None` when absent.
pub fn parse_region(attrs: &Attributes) -> Result<Option<Region>, SpecError> {
    let Some(asked) = attrs.given("region") else { return Ok(None) };
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let mut ids = Vec::with_capacity(Region::ALL.len());
    for &r in Region::ALL.iter() {
        if [r.id(), r.label(), i18n::region(r, lang)].iter().any(|name| crate::data::same_name(name, asked)) {
            return Ok(Some(r));
        }
        ids.push(r.id());
    }
    Err(SpecError::new("region", asked, &ids))
}

/// `in Africa`, `au Proche-Orient`, `en el Cercano Oriente`: a region after a preposition, as
/// titles and readouts put it.
pub fn in_region(r: Region, lang: Lang) -> &'static str {
    match r {
        Region::Africa => tr!(lang, "in Africa", "en Afrique", "en África"),
        Region::EastAsiaPacific => {
            tr!(lang, "in East Asia & Pacific", "en Asie de l'Est et Pacifique", "en Asia oriental y el Pacífico")
        }
        Region::Europe => tr!(lang, "in Europe", "en Europe", "en Europa"),
        Region::NearEast => tr!(lang, "in Near East", "au Proche-Orient", "en el Cercano Oriente"),
        Region::SouthCentralAsia => {
            tr!(lang, "in South & Central Asia", "en Asie du Sud et centrale", "en Asia meridional y central")
        }
        Region::WesternHemisphere => {
            tr!(lang, "in Western Hemisphere", "dans l'hémisphère occidental", "en el hemisferio occidental")
        }
    }
}

fn regions(spec: &TierSummarySpec) -> Vec<Region> {
    match spec.region {
        Some(r) => vec![r],
        None => Region::ALL.to_vec(),
    }
}

/// One placement of an edition with what the lists need of its country.
struct Placed<'d> {
    placement: &'d TierPlacement,
    region: Option<Region>,
    /// The country's name (its id when the dataset does not know it).
    name: &'d str,
}

/// The placements of `edition`, by country name: every (region, tier) list of the edition is
/// taken from this, so the placements are scanned, looked up and sorted once per edition
/// rather than once per list.
fn placed_by_name(dataset: &Dataset, edition: u16, lang: Lang) -> Vec<Placed<'_>> {
    let placements = dataset.tiers.edition(edition);
    let mut placed: Vec<Placed> = Vec::with_capacity(placements.len());
    for t in placements {
        let country = dataset.country(&t.country);
        placed.push(Placed {
            placement: t,
            region: country.and_then(|c| c.region),
            name: country.map_or(t.country.as_ref(), |c| &*c.name),
        });
    }
    let mut keys = Vec::with_capacity(placed.len());
    for p in &placed {
        keys.push(i18n::sort_key(p.name, lang));
    }
    crate::sort::sort_by_names(&mut placed, &keys);
    placed
}

/// The placements in `region` on `tier`, by country name, from one edition's [`placed_by_name`].
fn members_of<'p, 'd>(placed: &'p [Placed<'d>], region: Region, tier: Tier) -> Vec<&'p Placed<'d>> {
    let mut members = Vec::new();
    for p in placed {
        if p.placement.tier == tier && p.region == Some(region) {
            members.push(p);
        }
    }
    members
}

/// The placements of `edition` in `region` on `tier`, by country name.
#[cfg(test)]
fn members(dataset: &Dataset, edition: u16, region: Region, tier: Tier) -> Vec<&TierPlacement> {
    members_of(&placed_by_name(dataset, edition, Lang::En), region, tier).iter().map(|p| p.placement).collect()
}

/// What the subtitle says about countries without a region.
fn unregioned_note(dataset: &Dataset, editions: &[u16], lang: Lang) -> String {
    let mut placed: Vec<&str> = Vec::new();
    for &e in editions {
        for t in dataset.tiers.edition(e) {
            if dataset.country(&t.country).is_some_and(|c| c.region.is_none()) {
                placed.push(dataset.name_of(&t.country));
            }
        }
    }
    if !placed.is_empty() {
        return trf!(lang,
            "Left out for want of a region: {0}.",
            "Non comptés, faute de région : {0}.",
            "No contados, por falta de región: {0}.";
            placed.join(", "));
    }
    let mut without: Vec<String> = Vec::new();
    for c in dataset.countries.iter() {
        if c.region.is_none() {
            without.push(c.name.to_string());
        }
    }
    match without.len() {
        0 => String::new(),
        1 => trf!(lang,
            "{0}, the only country without a region, is in no tier list here.",
            "{0}, seul pays sans région, ne figure dans aucune liste ici.",
            "{0}, único país sin región, no figura en ninguna lista aquí.";
            without[0]),
        _ => trf!(lang,
            "{0}, the only countries without a region, are in neither tier list.",
            "{0}, seuls pays sans région, ne figurent dans aucune des listes.",
            "{0}, únicos países sin región, no figuran en ninguna de las listas.";
            i18n::and_list(&without, lang)),
    }
}

pub fn stack_input(dataset: &Dataset, spec: &TierSummarySpec) -> StackChartInput {
    let lang = spec.lang;
    let mut placed: Vec<Vec<Placed>> = Vec::with_capacity(spec.editions.len());
    for &edition in &spec.editions {
        placed.push(placed_by_name(dataset, edition, lang));
    }
    let mut groups: Vec<StackGroupInput> = Vec::new();
    for region in regions(spec) {
        let mut bars = Vec::with_capacity(spec.editions.len());
        for (&edition, placed) in spec.editions.iter().zip(&placed) {
            let mut lists: Vec<(Tier, Vec<&Placed>)> = Vec::with_capacity(TIER_ORDER.len());
            for tier in TIER_ORDER {
                lists.push((tier, members_of(placed, region, tier)));
            }
            let total: usize = lists.iter().map(|(_, list)| list.len()).sum();
            let mut segments = Vec::with_capacity(lists.len());
            for (category, (tier, list)) in lists.into_iter().enumerate() {
                let mut names: Vec<&str> = Vec::with_capacity(list.len());
                let mut placements: Vec<&TierPlacement> = Vec::with_capacity(list.len());
                for p in &list {
                    names.push(p.name);
                    placements.push(p.placement);
                }
                let count = list.len();
                segments.push(SegmentInput {
                    category,
                    count: count as u64,
                    heading: trf!(lang, "{0}, {1}: {2}", "{0}, {1} : {2}", "{0}, {1}: {2}";
                        i18n::region(region, lang), edition.to_string(), i18n::tier(tier, lang)),
                    values: vec![
                        trf!(lang,
                            "{0} of the {1} countries placed {2}",
                            "{0} des {1} pays classés {2}",
                            "{0} de los {1} países clasificados {2}";
                            count.to_string(), total.to_string(), in_region(region, lang)),
                        i18n::name_list(&names),
                    ],
                    list: Some(NameList::new(1, &names)),
                    sources: describe_placements(dataset, &placements, lang),
                    selection: vec![
                        ("region".to_owned(), region.id().to_owned()),
                        ("tier".to_owned(), tier.id().to_owned()),
                        ("edition".to_owned(), edition.to_string()),
                    ],
                });
            }
            bars.push(StackBarInput { label: edition.to_string(), segments });
        }
        groups.push(StackGroupInput { title: i18n::region(region, lang).to_owned(), bars });
    }
    let when = match spec.editions.as_slice() {
        [] => String::new(),
        [one] => trf!(lang, "the {0} TIP Report", "Rapport TIP {0}", "Informe TIP {0}"; one.to_string()),
        [first, .., last] => trf!(lang, "the {0} and {1} TIP Reports", "Rapports TIP {0} et {1}", "Informes TIP {0} y {1}";
            first.to_string(), last.to_string()),
    };
    let scope = spec.region.map_or(tr!(lang, "by region", "par région", "por región"), |r| in_region(r, lang));
    let finding = finding(&groups, &spec.editions, lang);
    StackChartInput {
        finding,
        lang,
        table_columns: [
            tr!(lang, "Region", "Région", "Región").to_owned(),
            tr!(lang, "Edition", "Édition", "Edición").to_owned(),
            tr!(lang, "Tier", "Catégorie", "Nivel").to_owned(),
            tr!(lang, "Countries", "Pays", "Países").to_owned(),
        ],
        title: trf!(lang, "Tier placements {0}, {1}", "Catégories {0}, {1}", "Niveles {0}, {1}"; scope, when),
        subtitle: trf!(lang,
            "Countries each tier list places, by the region the reports assign; the total is at the bar end. {0}",
            "Pays que classe chaque liste, par région selon les rapports ; le total est au bout de la barre. {0}",
            "Países que clasifica cada lista, por región según los informes; el total figura al final de la barra. {0}";
            unregioned_note(dataset, &spec.editions, lang))
        .trim_end()
        .to_owned(),
        categories: TIER_ORDER.iter().map(|&t| i18n::tier(t, lang).to_owned()).collect(),
        groups,
        unit: tr!(lang, "countries", "pays", "países").to_owned(),
    }
}

/// The summary's main finding, from the newest edition shown: where the Tier 3 and Tier 1
/// countries are (or, for one region, how many are on each), and with two editions how the
/// Tier 3 count changed.
fn finding(groups: &[StackGroupInput], editions: &[u16], lang: Lang) -> String {
    fn newest(g: &StackGroupInput) -> Option<&StackBarInput> {
        g.bars.last()
    }
    let category = |tier: Tier| TIER_ORDER.iter().position(|&t| t == tier).unwrap_or_default();
    let (tier_1, tier_3) = (category(Tier::One), category(Tier::Three));
    let count = |bar: &StackBarInput, category: usize| {
        bar.segments.iter().find(|s| s.category == category).map_or(0, |s| s.count)
    };
    let Some(&edition) = editions.last() else { return String::new() };
    let edition = edition.to_string();
    let mut sentence = match groups {
        [] => return String::new(),
        [one] => {
            let Some(bar) = newest(one) else { return String::new() };
            trf!(lang,
                "In {0}, Tier 1 holds {1} of the {2} countries and Tier 3 holds {3}.",
                "En {0}, la catégorie 1 compte {1} des {2} pays et la catégorie 3, {3}.",
                "En {0}, el Nivel 1 reúne {1} de los {2} países y el Nivel 3, {3}.";
                edition, count(bar, tier_1).to_string(), bar.total().to_string(), count(bar, tier_3).to_string())
        }
        _ => {
            // The first region with the most, in the chart's order, names each tier.
            let most = |category: usize| {
                groups.iter().filter_map(|g| newest(g).map(|b| (g, count(b, category)))).fold(None, |best, (g, n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((g, n)),
                })
            };
            let (Some((g3, n3)), Some((g1, n1))) = (most(tier_3), most(tier_1)) else { return String::new() };
            let all_3: u64 = groups.iter().filter_map(newest).map(|b| count(b, tier_3)).sum();
            trf!(lang,
                "In {0}, most Tier 3 countries are in {1} ({2} of {3}); most Tier 1 countries are in {4} ({5}).",
                "En {0}, la plupart des pays en catégorie 3 sont en {1} ({2} sur {3}) ; la plupart des pays en catégorie 1, en {4} ({5}).",
                "En {0}, la mayoría de los países del Nivel 3 están en {1} ({2} de {3}); la mayoría de los del Nivel 1, en {4} ({5}).";
                edition, g3.title, n3.to_string(), all_3.to_string(), g1.title, n1.to_string())
        }
    };
    if let [first, .., last] = editions {
        let total = |i: usize| -> u64 { groups.iter().filter_map(|g| g.bars.get(i)).map(|b| count(b, tier_3)).sum() };
        sentence.push(' ');
        sentence.push_str(&trf!(lang,
            "Tier 3: {0} countries in {1}, {2} in {3}.",
            "Catégorie 3 : {0} pays en {1}, {2} en {3}.",
            "Nivel 3: {0} países en {1}, {2} en {3}.";
            total(0).to_string(), first.to_string(), total(editions.len() - 1).to_string(), last.to_string()));
    }
    sentence
}

pub const CSV_COLUMNS: &[&str] = &["edition", "region", "tier", "count", "countries"];

/// One row per (edition, region, tier), zero counts included; the country ids joined by `|`.
pub fn table(dataset: &Dataset, spec: &TierSummarySpec) -> DataTable {
    let mut rows = Vec::new();
    for &edition in &spec.editions {
        let placed = placed_by_name(dataset, edition, spec.lang);
        for region in regions(spec) {
            for &tier in &TIER_ORDER {
                let mut ids: Vec<&str> = Vec::new();
                for p in members_of(&placed, region, tier) {
                    ids.push(&p.placement.country);
                }
                crate::sort::sort(&mut ids);
                rows.push(vec![
                    edition.to_string(),
                    region.id().to_owned(),
                    tier.id().to_owned(),
                    ids.len().to_string(),
                    ids.join("|"),
                ]);
            }
        }
    }
    DataTable::new(CSV_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::model::line::Size;
    use crate::model::stacks::StackChart;
    use crate::model::spec::attrs;

    fn spec(pairs: &[(&str, &str)]) -> Result<TierSummarySpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    #[test]
    fn the_table_names_its_columns_for_what_they_hold() {
        // They were the layout's own words: "Group", "Bar", "Members".
        let input = stack_input(dataset(), &spec(&[]).unwrap());
        assert_eq!(input.wide_table().columns, ["Region", "Edition", "Tier", "Count", "Countries", "Source"]);
        let fr = stack_input(crate::charts::dataset_in(Lang::Fr), &spec(&[("lang", "fr")]).unwrap());
        assert_eq!(fr.wide_table().columns[..3], ["Région", "Édition", "Catégorie"]);
        // A list with a comma in a name is separated by semicolons, so each name reads whole.
        let table = input.wide_table();
        let members: Vec<&str> = table.rows.iter().map(|r| r[4].as_str()).filter(|m| m.contains("Congo, Republic of")).collect();
        assert!(!members.is_empty() && members.iter().all(|m| m.contains("Congo, Republic of; ")), "{members:?}");
    }

    #[test]
    fn french_and_spanish_members_are_in_their_alphabetical_order() {
        // By character code "Bénin" came after "Burundi" and "Malí" after "Malta".
        for (language, lang) in [(Lang::Fr, "fr"), (Lang::Es, "es")] {
            let s = spec(&[("lang", lang), ("edition", "2025")]).unwrap();
            let placed = placed_by_name(crate::charts::dataset_in(language), 2025, s.lang);
            let mut accented = 0;
            for (region, tier) in regions(&s).into_iter().flat_map(|r| TIER_ORDER.map(|t| (r, t))) {
                let names: Vec<&str> = members_of(&placed, region, tier).iter().map(|p| p.name).collect();
                for pair in names.windows(2) {
                    assert!(i18n::sort_key(pair[0], language) <= i18n::sort_key(pair[1], language), "{lang}: {} before {}", pair[0], pair[1]);
                }
                accented += names.iter().filter(|n| !n.is_ascii()).count();
            }
            assert!(accented > 5, "{lang}: {accented} names with accents");
        }
    }

    #[test]
    fn the_summary_opens_with_where_tier_3_and_tier_1_countries_are() {
        // Worked out here from the placements themselves, not from the chart.
        let regional = |tier: Tier| {
            let mut counts: Vec<(Region, usize)> =
                Region::ALL.iter().map(|&r| (r, members(dataset(), 2025, r, tier).len())).collect();
            let most = counts.iter().map(|c| c.1).max().unwrap();
            counts.retain(|c| c.1 == most);
            (counts[0].0, most)
        };
        let ((r3, n3), (r1, n1)) = (regional(Tier::Three), regional(Tier::One));
        let all_3: usize = Region::ALL.iter().map(|&r| members(dataset(), 2025, r, Tier::Three).len()).sum();
        let summary = stack_input(dataset(), &spec(&[]).unwrap()).summary();
        let expected = format!(
            "In 2025, most Tier 3 countries are in {} ({n3} of {all_3}); most Tier 1 countries are in {} ({n1}).",
            r3.label(),
            r1.label()
        );
        assert!(summary.contains(&expected), "{summary}");
        let europe = stack_input(dataset(), &spec(&[("region", "europe"), ("edition", "compare"), ("lang", "fr")]).unwrap()).summary();
        let tier_1 = members(dataset(), 2025, Region::Europe, Tier::One).len();
        assert!(europe.contains(&format!("En 2025, la catégorie 1 compte {tier_1} des ")), "{europe}");
        // Each count follows its tier's name after a colon: "Catégorie 2 : 24", not "Catégorie 2 24".
        let tier_2 = members(dataset(), 2025, Region::Europe, Tier::Two).len();
        assert!(europe.contains(&format!("Catégorie 2 : {tier_2}")), "{europe}");
        let (t24, t25) = (members(dataset(), 2024, Region::Europe, Tier::Three).len(), members(dataset(), 2025, Region::Europe, Tier::Three).len());
        assert!(europe.contains(&format!("Catégorie 3 : {t24} pays en 2024, {t25} en 2025.")), "{europe}");
    }

    fn pairs(selection: &[(String, String)]) -> Vec<(&str, &str)> {
        selection.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect()
    }

    /// The 2025 counts per tier straight from data/tiers.csv.
    fn csv_counts(edition: &str) -> Vec<usize> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiers.csv")).unwrap();
        TIER_ORDER
            .iter()
            .map(|t| {
                text.lines()
                    .filter(|l| {
                        let f: Vec<&str> = l.split(',').collect();
                        f.len() > 2 && f[1] == edition && f[2] == t.id()
                    })
                    .count()
            })
            .collect()
    }

    #[test]
    fn counts_per_tier_summed_over_regions_equal_the_tier_list() {
        for edition in ["2024", "2025"] {
            let input = stack_input(dataset(), &spec(&[("edition", edition)]).unwrap());
            assert_eq!(input.groups.len(), 6);
            let mut sums = [0u64; 5];
            for g in &input.groups {
                for s in &g.bars[0].segments {
                    sums[s.category] += s.count;
                }
            }
            let expected: Vec<u64> = csv_counts(edition).into_iter().map(|c| c as u64).collect();
            assert_eq!(sums.to_vec(), expected, "{edition}");
            assert_eq!(sums.iter().sum::<u64>(), 188);
        }
        // As data/notes/countries-tiers.md tabulates them.
        assert_eq!(csv_counts("2025"), [33, 106, 25, 20, 4]);
    }

    #[test]
    fn latest_is_2025_and_the_subtitle_says_how_countries_without_a_region_are_handled() {
        let s = spec(&[]).unwrap();
        assert_eq!((s.editions.as_slice(), s.region), (&[2025][..], None));
        let input = stack_input(dataset(), &s);
        assert_eq!(input.title, "Tier placements by region, the 2025 TIP Report");
        assert!(
            input.subtitle.ends_with("Andorra and Kiribati, the only countries without a region, are in neither tier list."),
            "{}",
            input.subtitle
        );
        // Were a country without a region placed, it would be named as left out.
        let mut data = dataset().clone();
        let mut kiribati = data.tiers.iter().find(|t| t.country == "JAM" && t.edition == 2025).unwrap().clone();
        kiribati.country = "KIR".into();
        let at = data.tiers.partition_point(|t| (t.edition, &*t.country) < (2025, "KIR"));
        data.tiers.insert(at, kiribati);
        assert!(stack_input(&data, &s).subtitle.ends_with("Left out for want of a region: Kiribati."));
    }

    #[test]
    fn compare_puts_2024_and_2025_side_by_side_in_each_region() {
        let input = stack_input(dataset(), &spec(&[("edition", "compare")]).unwrap());
        assert_eq!(input.title, "Tier placements by region, the 2024 and 2025 TIP Reports");
        for g in &input.groups {
            let labels: Vec<&str> = g.bars.iter().map(|b| b.label.as_str()).collect();
            assert_eq!(labels, ["2024", "2025"], "{}", g.title);
            // Both full lists place the same countries.
            assert_eq!(g.bars[0].total(), g.bars[1].total(), "{}", g.title);
        }
        let chart = StackChart::layout(&input, Size { width_css: 720.0, height_css: 900.0, dpr: 1.0 });
        assert_eq!(chart.rows.len(), 12);
        assert_eq!(chart.headings.len(), 6);
        // The two bars of a region follow each other under its heading.
        assert!(chart.rows[0].band.bottom <= chart.rows[1].band.top + 1e-9);
        assert!(chart.headings[1].y_dev > chart.rows[1].band.bottom);
    }

    #[test]
    fn one_region_alone() {
        let s = spec(&[("region", "Western-Hemisphere"), ("edition", "2024")]).unwrap();
        assert_eq!(s.region, Some(Region::WesternHemisphere));
        let input = stack_input(dataset(), &s);
        assert_eq!(input.title, "Tier placements in Western Hemisphere, the 2024 TIP Report");
        assert_eq!(input.groups.len(), 1);
        assert_eq!(spec(&[("region", "near east")]).unwrap().region, Some(Region::NearEast));
        let err = spec(&[("region", "Oceania")]).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "region=\"Oceania\" is not a value tipviz knows. Accepted values: africa, east-asia-pacific, europe, \
             near-east, south-central-asia, western-hemisphere."
        );
        let err = spec(&[("edition", "2019")]).unwrap_err();
        assert_eq!(err.message(Lang::En), "edition=\"2019\" is not a value tipviz knows. Accepted values: 2024, 2025, latest, compare.");
    }

    #[test]
    fn the_legend_names_only_the_tiers_the_bars_hold() {
        let legend = |attrs: &[(&str, &str)]| {
            let input = stack_input(dataset(), &spec(attrs).unwrap());
            let chart = StackChart::layout(&input, Size { width_css: 720.0, height_css: 300.0, dpr: 1.0 });
            chart.legend.iter().map(|e| e.label.clone()).collect::<Vec<_>>()
        };
        // Europe in 2025: no Watch List country and no special case.
        assert_eq!(legend(&[("region", "europe")]), ["Tier 1", "Tier 2", "Tier 3"]);
        // South and Central Asia has no Tier 1 country in 2025.
        assert!(!legend(&[("region", "south-central-asia")]).contains(&"Tier 1".to_owned()));
        // All regions together hold every tier.
        assert_eq!(legend(&[]).len(), 5);
    }

    #[test]
    fn pointing_at_a_segment_reads_its_count_countries_and_lines_at_dpr_1_and_2() {
        let input = stack_input(dataset(), &spec(&[("region", "south-central-asia")]).unwrap());
        for dpr in [1.0, 2.0] {
            let chart = StackChart::layout(&input, Size { width_css: 720.0, height_css: 300.0, dpr });
            // South and Central Asia has no Tier 1 country in 2025, so Tier 2 comes first.
            assert!(chart.segments.iter().all(|s| s.input.count > 0));
            let s = &chart.segments[0];
            let (x, y) = ((s.rect.left + s.rect.right) / 2.0 / dpr, (s.rect.top + s.rect.bottom) / 2.0 / dpr);
            let index = chart.item_at(x, y).unwrap();
            assert_eq!(index, 0);
            let r = chart.readout(index).unwrap();
            assert_eq!(r.heading, "South & Central Asia, 2025: Tier 2");
            assert!(r.values[0].ends_with("of the 13 countries placed in South & Central Asia"), "{:?}", r.values);
            assert!(r.values[1].contains("Kazakhstan"), "{:?}", r.values);
            assert!(r.sources[0].starts_with("2025 TIP Report, 001_bb56f66af96aedbd.txt lines "), "{:?}", r.sources);
            assert!(r.sources[0].contains("1363"), "{:?}", r.sources);
            assert_eq!(pairs(&r.selection), [("region", "south-central-asia"), ("tier", "2"), ("edition", "2025")]);
        }
    }

    #[test]
    fn keyboard_order_is_reading_order_and_selection_names_the_segment() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-summary"), ("edition", "compare")])).unwrap();
        widget.resize(Size { width_css: 360.0, height_css: 700.0, dpr: 2.0 });
        widget.key("Home");
        assert_eq!(widget.readout().unwrap().heading, "Africa, 2024: Tier 1");
        widget.key("ArrowRight");
        let r = widget.readout().unwrap();
        assert_eq!(r.heading, "Africa, 2024: Tier 2");
        assert_eq!(widget.key("Enter"), crate::model::view::KeyOutcome::Selected);
        assert_eq!(pairs(&widget.readout().unwrap().selection), [("region", "africa"), ("tier", "2"), ("edition", "2024")]);
        widget.key("End");
        assert_eq!(widget.readout().unwrap().heading, "Western Hemisphere, 2025: Special case");
        let sentence = widget.readout().unwrap().sentence(Lang::En);
        assert!(sentence.starts_with("Western Hemisphere, 2025: Special case: 1 of the "), "{sentence}");
        assert!(sentence.contains("; Haiti. Source: 2025 TIP Report, 001_bb56f66af96aedbd.txt line 691."), "{sentence}");
    }

    #[test]
    fn type_ahead_moves_to_a_region_and_leaves_the_keys_working() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-summary"), ("edition", "compare")])).unwrap();
        widget.resize(Size { width_css: 720.0, height_css: 900.0, dpr: 1.0 });
        assert_eq!(widget.searches(), Some("region"));
        let i = widget.find("eur").unwrap();
        assert_eq!(widget.readout().unwrap().heading, "Europe, 2024: Tier 1");
        assert_eq!(widget.state.pinned, None, "type-ahead moves like an arrow key; it does not pin");
        widget.key("ArrowRight");
        assert_eq!(widget.readout().unwrap().index, i + 1);
        assert!(widget.find("western hemisphere").is_some());
        assert_eq!(widget.find("Atlantis"), None);
        assert_eq!(widget.readout().unwrap().heading, "Western Hemisphere, 2024: Tier 1", "no match changes nothing");
    }

    #[test]
    fn csv_has_a_row_per_edition_region_and_tier_with_the_ids() {
        let t = table(dataset(), &spec(&[("edition", "compare")]).unwrap());
        assert_eq!(t.columns, CSV_COLUMNS);
        assert_eq!(t.rows.len(), 2 * 6 * 5);
        let special: Vec<&Vec<String>> = t.rows.iter().filter(|r| r[0] == "2025" && r[2] == "special").collect();
        let ids: Vec<&str> = special.iter().filter(|r| r[3] != "0").map(|r| r[4].as_str()).collect();
        assert_eq!(ids, ["SOM", "LBY|YEM", "HTI"]);
        let total: usize = t.rows.iter().filter(|r| r[0] == "2025").map(|r| r[3].parse::<usize>().unwrap()).sum();
        assert_eq!(total, 188);
    }

    #[test]
    fn french_and_spanish_titles_readouts_and_subtitles() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-summary"), ("lang", "fr")])).unwrap();
        widget.resize(Size { width_css: 360.0, height_css: 700.0, dpr: 1.0 });
        assert_eq!(widget.title(), "Catégories par région, Rapport TIP 2025");
        widget.key("Home");
        let r = widget.readout().unwrap();
        assert_eq!(r.heading, "Afrique, 2025 : Catégorie 1");
        assert_eq!(r.values[0], "1 des 48 pays classés en Afrique");
        assert!(crate::i18n::widget_words(Lang::Fr, widget.searches()).iter().any(|(k, v)| *k == "no_match" && v.starts_with("Aucune région ne commence")));
        assert!(widget.find("proche").is_some(), "type-ahead takes the French region name");
        assert!(widget.readout().unwrap().heading.starts_with("Proche-Orient, 2025 : "));

        let s = spec(&[("lang", "es"), ("edition", "compare"), ("region", "near-east")]).unwrap();
        let input = stack_input(crate::charts::dataset_in(Lang::Es), &s);
        assert_eq!(input.title, "Niveles en el Cercano Oriente, Informes TIP 2024 y 2025");
        assert!(input.subtitle.ends_with("Andorra y Kiribati, únicos países sin región, no figuran en ninguna de las listas."), "{}", input.subtitle);
        assert_eq!(input.categories[2], "Lista de vigilancia del Nivel 2");
        assert_eq!(input.groups[0].title, "Cercano Oriente");
        // A region by its name in the reader's language, as countries are.
        assert_eq!(spec(&[("lang", "es"), ("region", "cercano oriente")]).unwrap().region, Some(Region::NearEast));
        assert_eq!(spec(&[("lang", "fr"), ("region", "Hémisphère occidental")]).unwrap().region, Some(Region::WesternHemisphere));
    }
}
