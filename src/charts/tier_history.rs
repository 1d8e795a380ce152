//! `tier-history`: the tier of one to four countries in every TIP Report edition the data
//! holds, 2001 to 2025, like the reports' "tier ranking by year" charts.
//!
//! - `country="…"`: one or several countries, separated by commas, each by code, report name
//!   or alias. Names that contain a comma ("Korea, Republic of") are recognised whole.
//! - x runs over every edition from 2001 to 2025, so editions without data show as gaps:
//!   2016–2017 and 2020–2023 for every country, 2018–2019 for countries outside the 2019
//!   narratives (Jamaica to Namibia).
//! - Each placement is marked by how it is known: printed (filled), inferred from a
//!   narrative's sentence (dashed ring), corrected or supplied by the dataset (ring), or from
//!   Kelley and Heiss's tier history (hollow).

use crate::i18n::{self, tr, trf, Lang};
use crate::charts::{describe, document};
use crate::data::{lowercase, Country, Dataset, Movement, Tier, TierBasis, TierPlacement};
use crate::model::spec::{Attributes, SpecError};
use crate::model::steps::{PointKind, StepChartInput, StepPointInput, StepSeriesInput, StepSource};
use crate::model::table::DataTable;
use crate::model::text::shorten;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierHistorySpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    /// Country ids, in the order given, without repeats.
    pub countries: Vec<String>,
}

/// The editions on the x axis: every one from the first TIP Report to the newest in the data.
pub const FIRST_EDITION: u16 = 2001;

/// More countries than this get an error: the palette has four colours and four marker shapes.
pub const MAX_COUNTRIES: usize = 4;

/// The rows, top to bottom.
pub const TIER_ORDER: [Tier; 5] = [Tier::One, Tier::Two, Tier::WatchList, Tier::Three, Tier::Special];

/// The row (top to bottom) of a tier.
pub fn row(tier: Tier) -> usize {
    TIER_ORDER.iter().position(|t| *t == tier).unwrap_or(TIER_ORDER.len() - 1)
}

/// The countries any placement names.
fn placed(dataset: &Dataset, country: &str) -> bool {
    !dataset.placements_of(country).is_empty()
}

/// The ids of the countries with a placement, in id order: each edition's placements are
/// sorted by country, like the countries table, so one walk of both per edition marks them.
fn ids_with_placements(dataset: &Dataset) -> Vec<&str> {
    let countries: &[Country] = &dataset.countries;
    let mut placed = vec![false; countries.len()];
    for e in dataset.tiers.editions() {
        let mut i = 0;
        for t in dataset.tiers.edition(e.edition) {
            while i < countries.len() && *countries[i].id < *t.country {
                i += 1;
            }
            if let Some(p) = placed.get_mut(i).filter(|_| countries[i].id == *t.country) {
                *p = true;
            }
        }
    }
    let mut ids = Vec::new();
    for (c, placed) in countries.iter().zip(placed) {
        if placed {
            ids.push(&*c.id);
        }
    }
    ids
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<TierHistorySpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let ids = ids_with_placements(dataset);
    let how = tr!(lang,
        "Write a name (such as Jamaica) or a three-letter code (such as JAM); separate several with commas (JAM, MEX)",
        "Écrivez un nom (par exemple Jamaïque) ou un code de trois lettres (par exemple JAM) ; séparez-en plusieurs \
         par des virgules (JAM, MEX)",
        "Escriba un nombre (por ejemplo, Jamaica) o un código de tres letras (por ejemplo, JAM); separe varios con \
         comas (JAM, MEX)");
    let Some(asked) = attrs.given("country") else {
        return Err(SpecError::new("country", "", &ids).explained(trf!(lang,
            "is required: name the countries whose tiers to show. {0}. The table view of chart=\"tier-summary\" lists \
             every placed country by region.",
            "est obligatoire : nommez les pays dont afficher la catégorie. {0}. La vue en tableau de \
             chart=\"tier-summary\" donne tous les pays classés, par région.",
            "es obligatorio: indique los países cuyo nivel mostrar. {0}. La vista de tabla de chart=\"tier-summary\" \
             enumera todos los países clasificados, por región.";
            how)));
    };
    let named = dataset
        .countries_in_list(asked)
        .map_err(|bad| SpecError::new("country", bad, &ids).explained(unknown(dataset, bad, how, lang)))?;
    if let Some((country, typed)) = named.iter().find(|(c, _)| !placed(dataset, &c.id)) {
        return Err(SpecError::new("country", typed, &ids).explained(trf!(lang,
            "is {0}, which tipviz knows, but no tier list, narrative or tier history in its data places it, so it has \
             no tier to show.",
            "désigne {0}, que tipviz connaît, mais aucune liste, aucun chapitre pays ni aucun historique de ses données \
             ne le classe : il n'a pas de catégorie à afficher.",
            "designa {0}, que tipviz conoce, pero ninguna lista, capítulo de país ni historial de sus datos lo \
             clasifica: no tiene nivel que mostrar.";
            country.name)));
    }
    let mut countries: Vec<&Country> = Vec::with_capacity(named.len());
    for (c, _) in named {
        countries.push(c);
    }
    if countries.is_empty() {
        return Err(SpecError::new("country", asked, &ids)
            .explained(trf!(lang, "names no country. {0}.", "ne nomme aucun pays. {0}.", "no nombra ningún país. {0}."; how)));
    }
    if countries.len() > MAX_COUNTRIES {
        return Err(SpecError::new("country", asked, &ids).explained(trf!(lang,
            "names {0} countries; this chart draws at most {1}: each country needs its own colour and marker shape, and \
             there are {1} that stay distinct for every reader. Draw the others in a second chart.",
            "nomme {0} pays ; ce graphique en dessine {1} au plus : chaque pays a besoin de sa couleur et de sa forme de \
             marqueur, et {1} seulement restent distinctes pour tous les lecteurs. Dessinez les autres dans un second \
             graphique.",
            "nombra {0} países; este gráfico dibuja {1} como máximo: cada país necesita su propio color y forma de \
             marcador, y solo {1} se distinguen para todos los lectores. Dibuje los demás en un segundo gráfico.";
            countries.len().to_string(), MAX_COUNTRIES.to_string())));
    }
    let mut ids = Vec::with_capacity(countries.len());
    for c in countries {
        ids.push(c.id.to_string());
    }
    Ok(TierHistorySpec { lang, countries: ids })
}

/// The message for a spelling no country has: how to write one, and the names it is part of.
fn unknown(dataset: &Dataset, bad: &str, how: &str, lang: Lang) -> String {
    let lower = lowercase(bad);
    let mut close: Vec<String> = Vec::new();
    if lower.chars().count() >= 3 {
        for country in &dataset.countries {
            if placed(dataset, &country.id) && lowercase(&country.name).contains(&lower) {
                close.push(format!("{} ({})", country.name, country.id));
            }
        }
    }
    crate::sort::sort(&mut close);
    let close = match close.len() {
        0 => String::new(),
        1..=6 => trf!(lang, " Names that contain it: {0}.", " Noms qui le contiennent : {0}.", " Nombres que lo contienen: {0}.";
            close.join("; ")),
        n => trf!(lang,
            " {0} names contain it; be more precise.",
            " {0} noms le contiennent ; soyez plus précis.",
            " {0} nombres lo contienen; sea más preciso.";
            n.to_string()),
    };
    trf!(lang,
        "is not a country or territory tipviz knows. {0}.{1} The table view of chart=\"tier-summary\" lists every \
         placed country by region.",
        "n'est pas un pays ou territoire que tipviz connaît. {0}.{1} La vue en tableau de chart=\"tier-summary\" donne \
         tous les pays classés, par région.",
        "no es un país o territorio que tipviz conozca. {0}.{1} La vista de tabla de chart=\"tier-summary\" enumera \
         todos los países clasificados, por región.";
        how, close)
}

/// The editions on the x axis.
fn years(dataset: &Dataset) -> Vec<u16> {
    let last = dataset.tiers.editions().last().map_or(FIRST_EDITION, |e| e.edition).max(FIRST_EDITION);
    (FIRST_EDITION..=last).collect()
}

fn kind(basis: TierBasis) -> PointKind {
    match basis {
        TierBasis::Printed => PointKind::Printed,
        TierBasis::Inferred => PointKind::Inferred,
        TierBasis::Corrected => PointKind::Corrected,
        TierBasis::External => PointKind::External,
    }
}

/// The first clause of a note, for a readout; the CSV keeps the whole note.
pub fn first_clause(note: &str) -> String {
    let note = note.strip_prefix("corrected:").unwrap_or(note).trim();
    let end = note.find([';', '(']).unwrap_or(note.len());
    shorten(note[..end].trim().trim_end_matches(','), 90)
}

/// How a placement is known, in words for the readout. French and Spanish use nouns and
/// `d'après`/`según`, which agree with any tier's name.
pub fn basis_text(p: &TierPlacement, dataset: &Dataset, lang: Lang) -> String {
    match p.basis {
        TierBasis::Printed => tr!(lang, "printed", "liste du rapport", "lista del informe").to_owned(),
        TierBasis::Inferred => trf!(lang,
            "inferred from the {0} narrative",
            "d'après le chapitre pays du {0}",
            "según el capítulo de país del {0}";
            document(dataset, p.source, lang)),
        TierBasis::External => tr!(lang, "external history", "historique externe", "historial externo").to_owned(),
        TierBasis::Corrected => match &p.printed {
            Some(printed) => trf!(lang,
                "corrected, printed as {0}: {1}",
                "correction, le rapport imprime {0} : {1}",
                "corrección, el informe imprime {0}: {1}";
                printed, first_clause(&p.note)),
            None => trf!(lang,
                "supplied by the dataset, not printed: {0}",
                "ajout du jeu de données, absent du rapport : {0}",
                "aporte del conjunto de datos, ausente del informe: {0}";
                first_clause(&p.note)),
        },
    }
}

/// The readout text of `p`, with the change since `before` where the tier changed.
fn placement_text(p: &TierPlacement, before: Option<&TierPlacement>, dataset: &Dataset, lang: Lang) -> String {
    let mut text = format!("{} ({})", i18n::tier(p.tier, lang), basis_text(p, dataset, lang));
    if let Some(b) = before.filter(|b| b.tier != p.tier) {
        let (was, year) = (i18n::tier(b.tier, lang), b.edition.to_string());
        let change = match b.tier.movement(p.tier) {
            Movement::Down => trf!(lang,
                " (down from {0} in {1})", " (en baisse par rapport à {0} en {1})", " (baja respecto a {0} en {1})"; was, year),
            Movement::Up => trf!(lang,
                " (up from {0} in {1})", " (en hausse par rapport à {0} en {1})", " (sube respecto a {0} en {1})"; was, year),
            Movement::Other | Movement::Same => trf!(lang,
                " (changed from {0} in {1})", " (changement par rapport à {0} en {1})", " (cambio respecto a {0} en {1})"; was, year),
        };
        text.push_str(&change);
    }
    text
}

pub fn step_input(dataset: &Dataset, spec: &TierHistorySpec) -> StepChartInput {
    let years = years(dataset);
    let mut countries: Vec<&Country> = Vec::with_capacity(spec.countries.len());
    for id in &spec.countries {
        countries.extend(dataset.country(id));
    }
    let mut series = Vec::with_capacity(countries.len());
    let mut names: Vec<String> = Vec::with_capacity(countries.len());
    for (style, country) in countries.iter().enumerate() {
        let list = dataset.placements_of(&country.id);
        let mut points = Vec::with_capacity(list.len());
        for (i, p) in list.iter().enumerate() {
            let Some(year_index) = years.iter().position(|y| *y == p.edition) else { continue };
            let before = i.checked_sub(1).map(|b| list[b]);
            points.push(StepPointInput {
                year_index,
                row: row(p.tier),
                kind: kind(p.basis),
                text: placement_text(p, before, dataset, spec.lang),
                source: StepSource {
                    document: document(dataset, p.source, spec.lang),
                    file: dataset.source(p.source).file.clone(),
                    line: p.source.line,
                },
            });
        }
        series.push(StepSeriesInput {
            key: country.id.to_string(),
            label: country.name.to_string(),
            aliases: country.owned_aliases(),
            style,
            points,
        });
        names.push(country.name.to_string());
    }
    let (first, last) = (years.first().copied().unwrap_or(FIRST_EDITION), years.last().copied().unwrap_or(FIRST_EDITION));
    let lang = spec.lang;
    let mut rows = Vec::with_capacity(TIER_ORDER.len());
    for &t in TIER_ORDER.iter() {
        rows.push((i18n::tier(t, lang).to_owned(), i18n::tier_short(t, lang).to_owned()));
    }
    StepChartInput {
        lang,
        title: trf!(lang, "Tier placements {0}–{1}: {2}", "Catégories {0}–{1} : {2}", "Niveles {0}–{1}: {2}";
            first.to_string(), last.to_string(), i18n::and_list(&names, lang)),
        subtitle: tr!(lang,
            "The tier in each TIP Report edition the data holds; shaded editions have no data, and no line crosses \
             them. 2001–2015 come from Kelley and Heiss's tier history, 2018–2019 only from the 2019 narratives \
             (Jamaica to Namibia).",
            "La catégorie de chaque édition du Rapport TIP présente dans les données ; les éditions grisées n'ont \
             aucune donnée et aucune ligne ne les traverse. 2001–2015 viennent de l'historique des catégories de \
             Kelley et Heiss, 2018–2019 des seuls chapitres pays de 2019 (de la Jamaïque à la Namibie).",
            "El nivel en cada edición del Informe TIP que contienen los datos; las ediciones sombreadas no tienen \
             datos y ninguna línea las cruza. 2001–2015 proceden del historial de niveles de Kelley y Heiss; \
             2018–2019, solo de los capítulos de país de 2019 (de Jamaica a Namibia).")
        .to_owned(),
        years,
        rows,
        series,
        kind_labels: vec![
            (PointKind::Printed, tr!(lang, "Printed in the report", "Imprimé dans le rapport", "Impreso en el informe").to_owned()),
            (PointKind::Inferred, tr!(lang, "Inferred from a narrative", "Déduit d'un chapitre pays", "Deducido de un capítulo de país").to_owned()),
            (
                PointKind::Corrected,
                tr!(lang,
                    "Corrected or supplied by the dataset",
                    "Corrigé ou ajouté par le jeu de données",
                    "Corregido o aportado por el conjunto de datos")
                .to_owned(),
            ),
            (
                PointKind::External,
                tr!(lang, "Kelley & Heiss tier history", "Historique Kelley & Heiss", "Historial de Kelley & Heiss").to_owned(),
            ),
        ],
        missing_text: tr!(lang, "no data for this edition", "aucune donnée pour cette édition", "sin datos para esta edición").to_owned(),
        gap_label: tr!(lang, "no data", "aucune donnée", "sin datos").to_owned(),
    }
}

pub const CSV_COLUMNS: &[&str] =
    &["country", "name", "edition", "tier", "basis", "name_printed", "printed", "note", "source_file", "source_line"];

/// One row per drawn placement: the countries in the order given, each in edition order.
pub fn table(dataset: &Dataset, spec: &TierHistorySpec) -> DataTable {
    let mut rows = Vec::new();
    for id in &spec.countries {
        let Some(country) = dataset.country(id) else { continue };
        for p in dataset.placements_of(&country.id) {
            rows.push(vec![
                p.country.to_string(),
                country.name.to_string(),
                p.edition.to_string(),
                p.tier.id().to_owned(),
                p.basis.id().to_owned(),
                p.name_printed.to_string(),
                p.printed.as_deref().unwrap_or_default().to_owned(),
                p.note.to_string(),
                dataset.source(p.source).file.clone(),
                p.source.line.to_string(),
            ]);
        }
    }
    DataTable::new(CSV_COLUMNS, rows)
}

/// The sources of a list of placements, grouped as readouts show them.
pub fn describe_placements(dataset: &Dataset, placements: &[&TierPlacement], lang: Lang) -> Vec<String> {
    let mut sources = Vec::with_capacity(placements.len());
    for p in placements {
        sources.push(p.source);
    }
    describe(dataset, &sources, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::model::line::Size;
    use crate::model::steps::StepChart;
    use crate::model::spec::attrs;

    fn spec(country: &str) -> Result<TierHistorySpec, SpecError> {
        parse(&Attributes(&attrs(&[("country", country)])), dataset())
    }

    fn chart(country: &str) -> StepChart {
        StepChart::layout(&step_input(dataset(), &spec(country).unwrap()), Size { width_css: 720.0, height_css: 440.0, dpr: 1.0 })
    }

    const KELLEY: &str = "Judith Kelley and Andrew Heiss, Scorecard Diplomacy replication data: TIP Report tier \
                          placements 2001-2015, kelley-tip-tiers/map_tiers.csv";

    #[test]
    fn countries_are_found_by_code_name_or_alias_and_names_with_commas_stay_whole() {
        assert_eq!(spec("jam").unwrap().countries, ["JAM"]);
        assert_eq!(spec(" Jamaica , MEXICO,kaz").unwrap().countries, ["JAM", "MEX", "KAZ"]);
        assert_eq!(spec("Korea, Republic of, Jamaica").unwrap().countries, ["KOR", "JAM"]);
        assert_eq!(spec("Korea, Democratic People's Republic of").unwrap().countries, ["PRK"]);
        // Repeats are drawn once.
        assert_eq!(spec("JAM, Jamaica").unwrap().countries, ["JAM"]);
    }

    #[test]
    fn jamaica_has_every_edition_the_data_holds_and_gaps_elsewhere() {
        let input = step_input(dataset(), &spec("JAM").unwrap());
        assert_eq!(input.title, "Tier placements 2001–2025: Jamaica");
        assert_eq!(input.years.first(), Some(&2001));
        assert_eq!(input.years.len(), 25);
        let s = &input.series[0];
        let drawn: Vec<(u16, &str, PointKind)> = s
            .points
            .iter()
            .map(|p| (input.years[p.year_index], TIER_ORDER[p.row].short_label(), p.kind))
            .collect();
        let external: Vec<(u16, &str)> =
            drawn.iter().filter(|d| d.2 == PointKind::External).map(|d| (d.0, d.1)).collect();
        // As tiers_kelley.csv lines 1414-1426 give them; Jamaica has no 2001 or 2002 row.
        assert_eq!(
            external,
            [
                (2003, "Tier 2"),
                (2004, "Tier 2 WL"),
                (2005, "Tier 3"),
                (2006, "Tier 2 WL"),
                (2007, "Tier 2"),
                (2008, "Tier 2"),
                (2009, "Tier 2"),
                (2010, "Tier 2"),
                (2011, "Tier 2"),
                (2012, "Tier 2 WL"),
                (2013, "Tier 2"),
                (2014, "Tier 2 WL"),
                (2015, "Tier 2 WL"),
            ]
        );
        assert_eq!(
            drawn[13..],
            [
                (2018, "Tier 2", PointKind::Inferred),
                (2019, "Tier 2", PointKind::Printed),
                (2024, "Tier 2", PointKind::Printed),
                (2025, "Tier 2", PointKind::Printed)
            ]
        );

        let chart = chart("JAM");
        let runs: Vec<(u16, u16)> = chart.series[0]
            .runs()
            .iter()
            .map(|r| (chart.years[r[0].year_index], chart.years[r[r.len() - 1].year_index]))
            .collect();
        assert_eq!(runs, [(2003, 2015), (2018, 2019), (2024, 2025)]);
        let gaps: Vec<(u16, u16)> = chart
            .gaps
            .iter()
            .map(|g| {
                let first = (0..25).find(|i| chart.x.position_from_index(*i) > g.rect.left).unwrap();
                let last = (0..25).rev().find(|i| chart.x.position_from_index(*i) < g.rect.right).unwrap();
                (chart.years[first], chart.years[last])
            })
            .collect();
        assert_eq!(gaps, [(2001, 2002), (2016, 2017), (2020, 2023)]);
    }

    #[test]
    fn readouts_say_the_tier_how_it_is_known_what_changed_and_where_it_is_printed() {
        let chart = chart("JAM");
        let year = |y: u16| chart.readout((y - 2001) as usize).unwrap();
        let r = year(2004);
        assert_eq!(r.heading, "2004");
        assert_eq!(r.values, ["Jamaica: Tier 2 Watch List (external history) (down from Tier 2 in 2003)"]);
        assert_eq!(r.sources, [format!("{KELLEY} line 1415")]);
        assert_eq!(r.selection, [("year".to_owned(), "2004".to_owned())]);
        assert_eq!(year(2006).values, ["Jamaica: Tier 2 Watch List (external history) (up from Tier 3 in 2005)"]);
        assert_eq!(year(2009).values, ["Jamaica: Tier 2 (external history)"]);
        // The change is measured from the previous edition with data, across the gap.
        let r = year(2018);
        assert_eq!(r.values, ["Jamaica: Tier 2 (inferred from the 2019 TIP Report narrative) (up from Tier 2 Watch List in 2015)"]);
        assert_eq!(r.sources, ["2019 TIP Report, 003_a785160c3ddcd3ba.txt line 11"]);
        assert_eq!(year(2019).values, ["Jamaica: Tier 2 (printed)"]);
        assert_eq!(year(2019).sources, ["2019 TIP Report, 003_a785160c3ddcd3ba.txt line 6"]);
        assert_eq!(year(2024).sources, ["2024 TIP Report, 000_2a6117e08afb4067.txt line 980"]);
        assert_eq!(year(2025).sources, ["2025 TIP Report, 001_bb56f66af96aedbd.txt line 627"]);
        let none = year(2021);
        assert_eq!(none.values, ["Jamaica: no data for this edition"]);
        assert!(none.sources.is_empty());
        assert_eq!(none.sentence(Lang::En), "2021: Jamaica: no data for this edition.");
    }

    #[test]
    fn several_countries_share_a_year_readout_and_the_legend_marks_each_basis() {
        let chart = chart("JAM,MEX,KAZ");
        assert_eq!(chart.series.len(), 3);
        let styles: Vec<usize> = chart.series.iter().map(|s| s.style).collect();
        assert_eq!(styles, [0, 1, 2]);
        let r = chart.readout(2025 - 2001).unwrap();
        assert_eq!(r.values[0], "Jamaica: Tier 2 (printed)");
        assert_eq!(r.values[1], "Mexico: Tier 2 (printed)");
        assert_eq!(
            r.values[2],
            "Kazakhstan: Tier 2 (supplied by the dataset, not printed: missing from the global list at lines 606-697)"
        );
        assert_eq!(
            r.sources,
            ["2025 TIP Report, 001_bb56f66af96aedbd.txt lines 627, 640, 1363"]
        );
        let r = chart.readout(2019 - 2001).unwrap();
        assert_eq!(r.values[2], "Kazakhstan: Tier 2 Watch List (printed) (down from Tier 2 in 2015)");
        let r = chart.readout(2018 - 2001).unwrap();
        assert_eq!(r.values[2], "Kazakhstan: no data for this edition");
        let r = chart.readout(0).unwrap();
        assert_eq!(r.values, ["Jamaica: no data for this edition", "Mexico: Tier 2 (external history)", "Kazakhstan: Tier 3 (external history)"]);
        assert_eq!(r.sources, [format!("{KELLEY} lines 1889, 1463")]);
        let legend: Vec<&str> = chart.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            legend,
            [
                "Jamaica",
                "Mexico",
                "Kazakhstan",
                "Printed in the report",
                "Inferred from a narrative",
                "Corrected or supplied by the dataset",
                "Kelley & Heiss tier history"
            ]
        );
        // 2001 has data for two of them, so only 2016-2017 and 2020-2023 are shaded.
        assert_eq!(chart.gaps.len(), 2);
    }

    #[test]
    fn bad_countries_are_named_with_how_to_write_one() {
        let err = spec("JAM, Atlantis").unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("country", "Atlantis"));
        assert!(err.accepted.contains(&"JAM".to_owned()) && !err.accepted.contains(&"AND".to_owned()));
        assert_eq!(
            err.message(Lang::En),
            "country=\"Atlantis\" is not a country or territory tipviz knows. Write a name (such as Jamaica) or a \
             three-letter code (such as JAM); separate several with commas (JAM, MEX). The table view of \
             chart=\"tier-summary\" lists every placed country by region."
        );
        let message = spec("Korea").unwrap_err().message(Lang::En);
        assert!(
            message.contains("Names that contain it: Korea, Democratic People's Republic of (PRK); Korea, Republic of (KOR)."),
            "{message}"
        );
        let message = spec("Andorra").unwrap_err().message(Lang::En);
        assert_eq!(
            message,
            "country=\"Andorra\" is Andorra, which tipviz knows, but no tier list, narrative or tier history in its \
             data places it, so it has no tier to show."
        );
        let message = spec("JAM,MEX,KAZ,FRA,DEU").unwrap_err().message(Lang::En);
        assert!(message.starts_with("country=\"JAM,MEX,KAZ,FRA,DEU\" names 5 countries; this chart draws at most 4:"), "{message}");
        let message = parse(&Attributes(&attrs(&[])), dataset()).unwrap_err().message(Lang::En);
        assert!(message.starts_with("country=\"\" is required: name the countries whose tiers to show."), "{message}");
        assert!(spec(" , ").is_err());
    }

    #[test]
    fn csv_has_one_row_per_drawn_placement_with_its_line() {
        let s = spec("JAM,KAZ").unwrap();
        let table = table(dataset(), &s);
        assert_eq!(table.columns, CSV_COLUMNS);
        let input = step_input(dataset(), &s);
        assert_eq!(table.rows.len(), input.series.iter().map(|s| s.points.len()).sum::<usize>());
        assert_eq!(table.rows[0], ["JAM", "Jamaica", "2003", "2", "external", "Jamaica", "", "", "kelley-tip-tiers/map_tiers.csv", "1414"]);
        let kaz = table.rows.iter().find(|r| r[0] == "KAZ" && r[2] == "2025").unwrap();
        assert_eq!((kaz[3].as_str(), kaz[4].as_str(), kaz[9].as_str()), ("2", "corrected", "1363"));
        assert!(kaz[7].starts_with("corrected: missing from the global list"));
    }

    #[test]
    fn no_country_has_two_placements_in_one_edition() {
        let mut seen = std::collections::HashSet::new();
        for t in &dataset().tiers {
            assert!(seen.insert((&t.country, t.edition)), "{} {}", t.country, t.edition);
        }
    }

    #[test]
    fn the_widget_reads_out_a_year_under_the_pointer_and_steps_with_keys() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-history"), ("country", "Mexico")])).unwrap();
        widget.resize(Size { width_css: 360.0, height_css: 400.0, dpr: 2.0 });
        let Some(crate::model::figure::Figure::Steps(chart)) = widget.figure() else { panic!("not a step chart") };
        let x = chart.x.position_from_index(2019 - 2001) / 2.0;
        let y = (chart.plot.top + chart.plot.bottom) / 4.0;
        assert!(widget.pointer(x, y));
        assert_eq!(
            widget.readout().unwrap().sentence(Lang::En),
            "2019: Mexico: Tier 2 (printed). Source: 2019 TIP Report, 003_a785160c3ddcd3ba.txt line 8263."
        );
        widget.key("ArrowRight");
        assert_eq!(widget.readout().unwrap().heading, "2020");
        assert!(widget.csv().starts_with("country,name,edition,tier,basis,name_printed,printed,note,source_file,source_line\r\n"));
        let summary = widget.summary();
        assert!(summary.contains("Mexico: 19 editions with data, 2001 to 2025; Tier 2 in 2001, Tier 2 in 2025."), "{summary}");
    }

    #[test]
    fn type_ahead_finds_a_country_latest_edition_or_a_year() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-history"), ("country", "JAM, KAZ")])).unwrap();
        widget.resize(Size { width_css: 720.0, height_css: 440.0, dpr: 1.0 });
        assert_eq!(widget.searches(), Some("country or edition"));
        let latest = |id: &str| dataset().tiers.iter().filter(|t| t.country == id).map(|t| t.edition).max().unwrap();
        widget.find("kaz");
        assert_eq!(widget.readout().unwrap().heading, latest("KAZ").to_string());
        widget.find("2012");
        let r = widget.readout().unwrap();
        assert_eq!(r.heading, "2012");
        assert!(r.values.iter().any(|v| v.starts_with("Kazakhstan: ") && v.contains("external history")), "{:?}", r.values);
        assert_eq!(widget.find("Mexico"), None, "only the drawn countries");
    }

    fn widget_in(country: &str, lang: &str) -> crate::widget::Widget {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "tier-history"), ("country", country), ("lang", lang)])).unwrap();
        widget.resize(Size { width_css: 720.0, height_css: 440.0, dpr: 1.0 });
        widget
    }

    #[test]
    fn french_rows_legend_gaps_and_readouts() {
        let widget = widget_in("JAM", "fr");
        assert_eq!(widget.title(), "Catégories 2001–2025 : Jamaïque");
        let Some(crate::model::figure::Figure::Steps(chart)) = widget.figure() else { panic!("a step chart") };
        let rows: Vec<String> = step_input(crate::charts::dataset_in(Lang::Fr), &TierHistorySpec { lang: Lang::Fr, countries: vec!["JAM".into()] })
            .rows
            .into_iter()
            .map(|(long, short)| format!("{long} / {short}"))
            .collect();
        assert_eq!(rows[2], "Liste de surveillance de la catégorie 2 / Cat. 2 LS");
        assert_eq!(rows[4], "Cas particulier / Particulier");
        let r = chart.readout(2004 - 2001).unwrap();
        assert_eq!(r.values, ["Jamaïque : Liste de surveillance de la catégorie 2 (historique externe) (en baisse par rapport à Catégorie 2 en 2003)"]);
        assert_eq!(chart.readout(2021 - 2001).unwrap().values, ["Jamaïque : aucune donnée pour cette édition"]);
        assert_eq!(chart.readout(2018 - 2001).unwrap().sources, ["Rapport TIP 2019, 003_a785160c3ddcd3ba.txt ligne 11"]);
        let legend: Vec<&str> = chart.legend.iter().map(|e| e.label.as_str()).collect();
        assert!(legend.contains(&"Déduit d'un chapitre pays"), "{legend:?}");
        assert!(crate::i18n::widget_words(Lang::Fr, widget.searches()).iter().any(|(k, v)| *k == "no_match" && v.starts_with("Aucun pays ni aucune édition ne commence")));
    }

    #[test]
    fn spanish_readouts_and_errors() {
        let widget = widget_in("KAZ", "es");
        let Some(crate::model::figure::Figure::Steps(chart)) = widget.figure() else { panic!("a step chart") };
        let r = chart.readout(2025 - 2001).unwrap();
        assert!(r.values[0].starts_with("Kazajstán: Nivel 2 (aporte del conjunto de datos, ausente del informe: "), "{:?}", r.values);
        assert_eq!(chart.readout(2019 - 2001).unwrap().values, ["Kazajstán: Lista de vigilancia del Nivel 2 (lista del informe) (baja respecto a Nivel 2 en 2015)"]);
        let message = |pairs: &[(&str, &str)]| {
            let mut all = pairs.to_vec();
            all.push(("lang", "es"));
            parse(&Attributes(&attrs(&all)), crate::charts::dataset_in(Lang::Es)).unwrap_err().message(Lang::Es)
        };
        let too_many = message(&[("country", "JAM,MEX,KAZ,FRA,DEU")]);
        assert!(too_many.starts_with("country=\"JAM,MEX,KAZ,FRA,DEU\" nombra 5 países; este gráfico dibuja 4 como máximo"), "{too_many}");
        assert!(message(&[]).starts_with("country=\"\" es obligatorio: indique los países cuyo nivel mostrar."));
        let close = message(&[("country", "Corea")]);
        assert!(close.contains("Nombres que lo contienen: "), "{close}");
    }
}
