//! `tier-changes`: how countries moved between the tiers of two editions, as a flow diagram
//! with the lists of upgrades, downgrades and countries in one list only.
//!
//! - `from`, `to`: any two editions the data holds, earlier first (default 2024 → 2025).
//! - `region`: one region's countries (as the 2024 and 2025 reports assign them).
//!
//! The 2018 and 2019 placements are partial: the dataset has them only from the 2019
//! narratives (Jamaica to Namibia). A comparison with either covers just the countries that
//! edition places, and says so; a country missing from a full list (2001–2015, 2024, 2025)
//! enters or leaves, and is never dropped silently.

use crate::i18n::{self, phrase, tr, trf, Lang, Phrase};
use crate::charts::tier_history::{basis_text, describe_placements, row, TIER_ORDER};
use crate::charts::tier_summary::{in_region, parse_region};
use crate::data::{Country, Dataset, Movement, Region, Tier, TierBasis, TierPlacement};
use crate::model::flows::{Change, FlowBandInput, FlowChartInput, FlowEntryInput, FlowListInput, FlowNodeInput, ItemText, Member};
use crate::model::figure::NameList;
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierChangesSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    pub from: u16,
    pub to: u16,
    pub region: Option<Region>,
}

/// Editions whose placements the dataset holds only in part, and what part (in each language).
pub const PARTIAL_EDITIONS: [(u16, Phrase); 2] = [
    (
        2018,
        phrase!(
            "the 2018 tiers here are only those the 2019 narratives (Jamaica to Namibia) state",
            "les catégories 2018 ne sont ici que celles qu'indiquent les chapitres pays de 2019 (de la Jamaïque à la \
             Namibie)",
            "los niveles de 2018 son aquí solo los que indican los capítulos de país de 2019 (de Jamaica a Namibia)",
        ),
    ),
    (
        2019,
        phrase!(
            "the 2019 tiers here are only those of the narratives Jamaica to Namibia",
            "les catégories 2019 ne sont ici que celles des chapitres pays de la Jamaïque à la Namibie",
            "los niveles de 2019 son aquí solo los de los capítulos de país de Jamaica a Namibia",
        ),
    ),
];

fn partial(edition: u16) -> Option<Phrase> {
    PARTIAL_EDITIONS.iter().find(|(e, _)| *e == edition).map(|(_, what)| *what)
}

fn editions(dataset: &Dataset) -> Vec<u16> {
    dataset.tiers.editions().iter().map(|e| e.edition).collect()
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<TierChangesSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let known = editions(dataset);
    let names: Vec<String> = known.iter().map(u16::to_string).collect();
    let accepted: Vec<&str> = names.iter().map(String::as_str).collect();
    let edition = |attribute: &str, default: u16| -> Result<u16, SpecError> {
        match attrs.given(attribute) {
            None => Ok(default),
            Some(asked) => match asked.parse::<u16>() {
                Ok(e) if known.contains(&e) => Ok(e),
                Ok(e) if known.first().zip(known.last()).is_some_and(|(a, b)| (*a..=*b).contains(&e)) => {
                    Err(SpecError::new(attribute, asked, &accepted).because(&trf!(lang,
                        "the dataset holds no tier placements from the {0} edition",
                        "le jeu de données n'a aucune catégorie de l'édition {0}",
                        "el conjunto de datos no tiene niveles de la edición {0}";
                        e.to_string())))
                }
                _ => Err(SpecError::new(attribute, asked, &accepted)),
            },
        }
    };
    let from = edition("from", 2024)?;
    let to = edition("to", 2025)?;
    if from == to {
        return Err(SpecError::new("to", &to.to_string(), &accepted)
            .because(tr!(lang,
                "it is the same edition as from; a change needs two different editions",
                "c'est la même édition que from ; un changement demande deux éditions différentes",
                "es la misma edición que from; un cambio necesita dos ediciones distintas")));
    }
    if from > to {
        return Err(SpecError::new("from", &from.to_string(), &accepted)
            .because(&trf!(lang,
                "it is later than to=\"{0}\"; give the earlier edition as from",
                "elle est postérieure à to=\"{0}\" ; inversez les deux éditions",
                "es posterior a to=\"{0}\"; invierta las dos ediciones";
                to.to_string())));
    }
    let region = parse_region(attrs)?;
    Ok(TierChangesSpec { lang, from, to, region })
}

/// One country's placements in the two editions.
struct Pair<'d> {
    country: &'d Country,
    from: Option<&'d TierPlacement>,
    to: Option<&'d TierPlacement>,
}

impl Pair<'_> {
    fn change(&self) -> Change {
        match (self.from, self.to) {
            (None, _) => Change::Entering,
            (_, None) => Change::Leaving,
            (Some(a), Some(b)) => match a.tier.movement(b.tier) {
                Movement::Same => Change::Same,
                Movement::Up => Change::Up,
                Movement::Down => Change::Down,
                Movement::Other => Change::Other,
            },
        }
    }

    fn placements(&self) -> Vec<&TierPlacement> {
        let mut both = Vec::with_capacity(2);
        both.extend(self.from);
        both.extend(self.to);
        both
    }
}

/// The countries compared: those either edition places (only those a partial edition places,
/// where one is partial), in the region if one is asked for, by name.
fn pairs<'d>(dataset: &'d Dataset, spec: &TierChangesSpec) -> Vec<Pair<'d>> {
    let (from_partial, to_partial) = (partial(spec.from).is_some(), partial(spec.to).is_some());
    let mut list = Vec::new();
    for country in dataset.countries.iter() {
        if spec.region.is_some_and(|r| country.region != Some(r)) {
            continue;
        }
        let pair = Pair {
            country,
            from: dataset.placement(&country.id, spec.from),
            to: dataset.placement(&country.id, spec.to),
        };
        let placed = pair.from.is_some() || pair.to.is_some();
        if placed && (!from_partial || pair.from.is_some()) && (!to_partial || pair.to.is_some()) {
            list.push(pair);
        }
    }
    let mut keys = Vec::with_capacity(list.len());
    for p in &list {
        keys.push(i18n::sort_key(&p.country.name, spec.lang));
    }
    crate::sort::sort_by_names(&mut list, &keys);
    list
}

/// The node of a placement: its tier's position, or the last node for "not in the list".
fn node(p: Option<&TierPlacement>) -> usize {
    p.map_or(TIER_ORDER.len(), |p| row(p.tier))
}

fn tier_of(p: Option<&TierPlacement>) -> Option<Tier> {
    p.map(|p| p.tier)
}

/// A tier as the lists abbreviate it: its id (`2WL` as the reports' own abbreviation in each
/// language), a dash for "not in the list".
fn code(tier: Option<Tier>, lang: Lang) -> &'static str {
    match tier {
        None => "–",
        Some(Tier::WatchList) => tr!(lang, "2WL", "2LS", "2LV"),
        Some(Tier::Special) => tr!(lang, "special", "particulier", "especial"),
        Some(t) => t.id(),
    }
}

fn tier_id(tier: Option<Tier>) -> String {
    tier.map_or("none".to_owned(), |t| t.id().to_owned())
}

fn member(country: &Country) -> Member {
    let mut names = vec![country.name.to_string()];
    names.append(&mut country.owned_aliases());
    Member { id: country.id.to_string(), names }
}

fn nodes(edition: u16, lang: Lang) -> Vec<FlowNodeInput> {
    let mut nodes = Vec::with_capacity(TIER_ORDER.len() + 1);
    for (i, &t) in TIER_ORDER.iter().enumerate() {
        nodes.push(FlowNodeInput {
            label: i18n::tier(t, lang).to_owned(),
            short_label: i18n::tier_short(t, lang).to_owned(),
            category: Some(i),
        });
    }
    nodes.push(FlowNodeInput {
        label: trf!(lang, "Not in the {0} list", "Absent de la liste {0}", "Fuera de la lista de {0}"; edition.to_string()),
        short_label: tr!(lang, "Not listed", "Hors liste", "Fuera de lista").to_owned(),
        category: None,
    });
    nodes
}

fn node_label(tier: Option<Tier>, edition: u16, lang: Lang) -> String {
    match tier {
        Some(t) => format!("{} ({edition})", i18n::tier(t, lang)),
        None => trf!(lang, "not in the {0} list", "absent de la liste {0}", "fuera de la lista de {0}"; edition.to_string()),
    }
}

/// One edition's placement in words: `2025: Tier 2 (printed)`.
fn placement_words(dataset: &Dataset, p: Option<&TierPlacement>, edition: u16, lang: Lang) -> String {
    let year = edition.to_string();
    match p {
        Some(p) => trf!(lang, "{0}: {1} ({2})", "{0} : {1} ({2})", "{0}: {1} ({2})";
            year, i18n::tier(p.tier, lang), basis_text(p, dataset, lang)),
        None => trf!(lang, "{0}: not in the list", "{0} : absent de la liste", "{0}: fuera de la lista"; year),
    }
}

/// What one country did, for its list entry.
fn verb(change: Change, lang: Lang) -> &'static str {
    match change {
        Change::Same => tr!(lang, "stayed", "même catégorie", "mismo nivel"),
        Change::Up => tr!(lang, "moved up", "en hausse", "subió"),
        Change::Down => tr!(lang, "moved down", "en baisse", "bajó"),
        Change::Other => tr!(lang, "moved", "changement", "cambió"),
        Change::Entering => tr!(lang, "entered the list", "entré dans la liste", "entró en la lista"),
        Change::Leaving => tr!(lang, "left the list", "sorti de la liste", "salió de la lista"),
    }
}

/// What a band's countries did: `4 countries stayed`, `1 pays est monté`, `2 países bajaron`.
fn moved(change: Change, count: usize, lang: Lang) -> String {
    let n = count.to_string();
    match (change, count == 1) {
        (Change::Same, true) => trf!(lang, "{0} country stayed", "{0} pays est resté", "{0} país se mantuvo"; n),
        (Change::Same, false) => trf!(lang, "{0} countries stayed", "{0} pays sont restés", "{0} países se mantuvieron"; n),
        (Change::Up, true) => trf!(lang, "{0} country moved up", "{0} pays est monté", "{0} país subió"; n),
        (Change::Up, false) => trf!(lang, "{0} countries moved up", "{0} pays sont montés", "{0} países subieron"; n),
        (Change::Down, true) => trf!(lang, "{0} country moved down", "{0} pays est descendu", "{0} país bajó"; n),
        (Change::Down, false) => trf!(lang, "{0} countries moved down", "{0} pays sont descendus", "{0} países bajaron"; n),
        (Change::Other, true) => trf!(lang, "{0} country moved", "{0} pays a changé", "{0} país cambió"; n),
        (Change::Other, false) => trf!(lang, "{0} countries moved", "{0} pays ont changé", "{0} países cambiaron"; n),
        (Change::Entering, true) => trf!(lang,
            "{0} country entered the list", "{0} pays est entré dans la liste", "{0} país entró en la lista"; n),
        (Change::Entering, false) => trf!(lang,
            "{0} countries entered the list", "{0} pays sont entrés dans la liste", "{0} países entraron en la lista"; n),
        (Change::Leaving, true) => trf!(lang,
            "{0} country left the list", "{0} pays a quitté la liste", "{0} país salió de la lista"; n),
        (Change::Leaving, false) => trf!(lang,
            "{0} countries left the list", "{0} pays ont quitté la liste", "{0} países salieron de la lista"; n),
    }
}

fn selection(spec: &TierChangesSpec, from: Option<Tier>, to: Option<Tier>) -> Vec<(String, String)> {
    vec![
        ("from".to_owned(), spec.from.to_string()),
        ("to".to_owned(), spec.to.to_string()),
        ("from_tier".to_owned(), tier_id(from)),
        ("to_tier".to_owned(), tier_id(to)),
    ]
}

fn band(dataset: &Dataset, spec: &TierChangesSpec, members: &[&Pair]) -> FlowBandInput {
    let first = members[0];
    let (from, to) = (tier_of(first.from), tier_of(first.to));
    let change = first.change();
    let lang = spec.lang;
    let mut names = Vec::with_capacity(members.len());
    let mut ids = Vec::with_capacity(members.len());
    let mut band_members = Vec::with_capacity(members.len());
    let mut placements = Vec::new();
    for p in members {
        names.push(&*p.country.name);
        ids.push(&*p.country.id);
        band_members.push(member(p.country));
        placements.extend(p.placements());
    }
    let mut values = vec![moved(change, members.len(), lang), i18n::name_list(&names)];
    // Placements that were not simply printed are worth a reader's attention.
    for p in members {
        for placement in p.placements() {
            if matches!(placement.basis, TierBasis::Corrected | TierBasis::Inferred) {
                values.push(trf!(lang, "{0} {1}: {2}", "{0} {1} : {2}", "{0} {1}: {2}";
                    p.country.name, placement.edition.to_string(), basis_text(placement, dataset, lang)));
            }
        }
    }
    let mut selection = selection(spec, from, to);
    selection.push(("countries".to_owned(), ids.join("|")));
    FlowBandInput {
        from: node(first.from),
        to: node(first.to),
        change,
        members: band_members,
        text: ItemText {
            heading: format!("{} → {}", node_label(from, spec.from, lang), node_label(to, spec.to, lang)),
            values,
            list: Some(NameList::new(1, &names)),
            sources: describe_placements(dataset, &placements, lang),
            selection,
        },
    }
}

fn entry(dataset: &Dataset, spec: &TierChangesSpec, pair: &Pair, band: usize) -> FlowEntryInput {
    let (from, to) = (tier_of(pair.from), tier_of(pair.to));
    let lang = spec.lang;
    let change = format!("{} → {}", code(from, lang), code(to, lang));
    let label = format!("{} {change}", pair.country.name);
    let mut selection = selection(spec, from, to);
    selection.insert(0, ("country".to_owned(), pair.country.id.to_string()));
    FlowEntryInput {
        label,
        kept_end: change,
        band,
        member: member(pair.country),
        text: ItemText {
            heading: pair.country.name.to_string(),
            values: vec![
                placement_words(dataset, pair.from, spec.from, lang),
                placement_words(dataset, pair.to, spec.to, lang),
                verb(pair.change(), lang).to_owned(),
            ],
            list: None,
            sources: describe_placements(dataset, &pair.placements(), lang),
            selection,
        },
    }
}

fn subtitle(spec: &TierChangesSpec, compared: usize) -> String {
    let lang = spec.lang;
    let mut parts = vec![tr!(lang,
        "Each band is the countries that moved from a tier (left) to a tier (right); its thickness is their number. \
         Lists give each country's tier in both editions.",
        "Chaque bande réunit les pays passés d'une catégorie (à gauche) à une catégorie (à droite) ; son épaisseur \
         est leur nombre. Les listes donnent la catégorie de chaque pays dans les deux éditions.",
        "Cada banda reúne los países que pasaron de un nivel (izquierda) a un nivel (derecha); su grosor es su \
         número. Las listas dan el nivel de cada país en ambas ediciones.")
    .to_owned()];
    let mut partial_notes = Vec::new();
    for edition in [spec.from, spec.to] {
        if let Some(phrase) = partial(edition) {
            partial_notes.push(phrase.get(lang));
        }
    }
    if !partial_notes.is_empty() {
        parts.push(trf!(lang,
            "The comparison covers the {0} countries both editions place here: {1}.",
            "La comparaison porte sur les {0} pays que les deux éditions classent ici : {1}.",
            "La comparación abarca los {0} países que ambas ediciones clasifican aquí: {1}.";
            compared.to_string(), partial_notes.join("; ")));
    }
    if spec.from <= 2015 {
        parts.push(tr!(lang,
            "2001–2015 tiers come from Kelley and Heiss's tier history.",
            "Les catégories 2001–2015 viennent de l'historique de Kelley et Heiss.",
            "Los niveles 2001–2015 proceden del historial de Kelley y Heiss.")
        .to_owned());
    }
    if spec.region.is_some() {
        parts.push(tr!(lang,
            "Regions as the 2024 and 2025 reports assign them.",
            "Régions telles que les attribuent les rapports 2024 et 2025.",
            "Regiones según las asignan los informes de 2024 y 2025.")
        .to_owned());
    }
    parts.join(" ")
}

pub fn flow_input(dataset: &Dataset, spec: &TierChangesSpec) -> FlowChartInput {
    let pairs = pairs(dataset, spec);
    // Bands in node order; members by name (pairs are sorted).
    let key = |p: &Pair| (node(p.from), node(p.to));
    let mut keys: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    for p in &pairs {
        keys.push(key(p));
    }
    crate::sort::sort(&mut keys);
    keys.dedup();
    let mut bands: Vec<FlowBandInput> = Vec::with_capacity(keys.len());
    for &k in &keys {
        let mut members: Vec<&Pair> = Vec::new();
        for p in &pairs {
            if key(p) == k {
                members.push(p);
            }
        }
        bands.push(band(dataset, spec, &members));
    }
    let band_of = |p: &Pair| keys.iter().position(|k| *k == key(p)).unwrap_or(0);
    let list = |change: Change, title: String, empty: String| {
        let mut entries: Vec<FlowEntryInput> = Vec::new();
        for p in &pairs {
            if p.change() == change {
                entries.push(entry(dataset, spec, p, band_of(p)));
            }
        }
        FlowListInput { title: format!("{title} ({})", entries.len()), empty, entries }
    };
    let lang = spec.lang;
    let (from, to) = (spec.from, spec.to);
    let (a, b) = (from.to_string(), to.to_string());
    let none = || tr!(lang, "None.", "Aucun.", "Ninguno.").to_owned();
    let mut lists = vec![
        list(Change::Up, trf!(lang, "Moved up, tier {0} → {1}", "En hausse, {0} → {1}", "Subieron, {0} → {1}"; a, b), none()),
        list(Change::Down, trf!(lang, "Moved down, tier {0} → {1}", "En baisse, {0} → {1}", "Bajaron, {0} → {1}"; a, b), none()),
    ];
    let other = list(
        Change::Other,
        trf!(lang,
            "To or from a special case, {0} → {1}",
            "Vers ou depuis un cas particulier, {0} → {1}",
            "Hacia o desde un caso especial, {0} → {1}";
            a, b),
        none(),
    );
    if !other.entries.is_empty() {
        lists.push(other);
    }
    // Against a partial edition, "in the other list only" cannot happen by construction, so
    // its always-empty list would only mislead. `{0}` is the list they are in, `{1}` the other.
    let only_in = |first: &str, second: &str| {
        (
            trf!(lang,
                "In the {0} list, not the {1} list",
                "Dans la liste {0}, pas dans la liste {1}",
                "En la lista de {0}, no en la de {1}";
                first, second),
            trf!(lang,
                "None: every country the {0} list places here is in the {1} list too.",
                "Aucun : chaque pays que la liste {0} classe ici figure aussi dans la liste {1}.",
                "Ninguno: todos los países que la lista de {0} clasifica aquí figuran también en la de {1}.";
                first, second),
        )
    };
    if partial(from).is_none() {
        let (title, empty) = only_in(&b, &a);
        lists.push(list(Change::Entering, title, empty));
    }
    if partial(to).is_none() {
        let (title, empty) = only_in(&a, &b);
        lists.push(list(Change::Leaving, title, empty));
    }
    let scope = spec.region.map_or(String::new(), |r| format!(" {}", in_region(r, lang)));
    FlowChartInput {
        lang,
        title: trf!(lang,
            "Tier changes{0}, {1} to {2} TIP Report",
            "Changements de catégorie{0}, Rapports TIP {1} à {2}",
            "Cambios de nivel{0}, Informes TIP {1} a {2}";
            scope, a, b),
        subtitle: subtitle(spec, pairs.len()),
        from_title: a,
        to_title: b,
        left: nodes(from, lang),
        right: nodes(to, lang),
        bands,
        lists,
        unit: tr!(lang, "countries", "pays", "países").to_owned(),
    }
}

pub const CSV_COLUMNS: &[&str] = &[
    "country",
    "name",
    "region",
    "change",
    "from_edition",
    "from_tier",
    "from_basis",
    "from_source_file",
    "from_source_line",
    "to_edition",
    "to_tier",
    "to_basis",
    "to_source_file",
    "to_source_line",
];

fn change_id(change: Change) -> &'static str {
    match change {
        Change::Same => "same",
        Change::Up => "up",
        Change::Down => "down",
        Change::Other => "other",
        Change::Entering => "entering",
        Change::Leaving => "leaving",
    }
}

/// One row per country compared; an edition that does not place it has empty cells.
pub fn table(dataset: &Dataset, spec: &TierChangesSpec) -> DataTable {
    let side = |p: Option<&TierPlacement>, edition: u16| -> [String; 5] {
        match p {
            Some(p) => [
                edition.to_string(),
                p.tier.id().to_owned(),
                p.basis.id().to_owned(),
                dataset.source(p.source).file.clone(),
                p.source.line.to_string(),
            ],
            None => [edition.to_string(), String::new(), String::new(), String::new(), String::new()],
        }
    };
    let mut rows = Vec::new();
    for p in pairs(dataset, spec) {
        let mut row = vec![
            p.country.id.to_string(),
            p.country.name.to_string(),
            p.country.region.map_or(String::new(), |r| r.id().to_owned()),
            change_id(p.change()).to_owned(),
        ];
        row.extend(side(p.from, spec.from));
        row.extend(side(p.to, spec.to));
        rows.push(row);
    }
    DataTable::new(CSV_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::model::flows::FlowChart;
    use crate::model::line::Size;
    use crate::model::spec::attrs;

    fn spec(pairs: &[(&str, &str)]) -> Result<TierChangesSpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    /// Each country's tier per edition straight from the CSV files, for expectations that do
    /// not go through the dataset's decoder.
    fn csv_tiers(edition: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for file in ["tiers.csv", "tiers_2019.csv", "tiers_kelley.csv"] {
            let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
            for line in std::fs::read_to_string(path).unwrap().lines().skip(1) {
                let f: Vec<&str> = line.split(',').collect();
                if f[1] == edition {
                    out.push((f[0].to_owned(), f[2].to_owned()));
                }
            }
        }
        out
    }

    fn rank(tier: &str) -> Option<u8> {
        ["1", "2", "2WL", "3"].iter().position(|t| *t == tier).map(|r| r as u8)
    }

    #[test]
    fn defaults_compare_2024_with_2025_and_bad_editions_say_what_is_accepted() {
        assert_eq!(spec(&[]).unwrap(), TierChangesSpec { lang: Default::default(), from: 2024, to: 2025, region: None });
        let err = spec(&[("from", "2016")]).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "from=\"2016\" cannot be used: the dataset holds no tier placements from the 2016 edition. Accepted \
             values: 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2018, \
             2019, 2024, 2025."
        );
        assert!(spec(&[("from", "1999")]).unwrap_err().message(Lang::En).starts_with("from=\"1999\" is not a value tipviz knows."));
        assert!(spec(&[("to", "latest")]).unwrap_err().message(Lang::En).starts_with("to=\"latest\" is not a value"));
        let same = spec(&[("from", "2025")]).unwrap_err();
        assert!(same.message(Lang::En).starts_with("to=\"2025\" cannot be used: it is the same edition as from"), "{}", same.message(Lang::En));
        let backwards = spec(&[("from", "2025"), ("to", "2024")]).unwrap_err();
        assert!(backwards.message(Lang::En).starts_with("from=\"2025\" cannot be used: it is later than to=\"2024\""));
        assert_eq!(spec(&[("region", "africa")]).unwrap().region, Some(Region::Africa));
        assert!(spec(&[("region", "Oceania")]).unwrap_err().message(Lang::En).starts_with("region=\"Oceania\" is not a value"));
    }

    #[test]
    fn every_country_of_both_lists_is_in_exactly_one_band_and_moves_as_the_csv_says() {
        for (from, to) in [("2024", "2025"), ("2014", "2015"), ("2001", "2002"), ("2015", "2024")] {
            let s = spec(&[("from", from), ("to", to)]).unwrap();
            let input = flow_input(dataset(), &s);
            let (before, after) = (csv_tiers(from), csv_tiers(to));
            let mut ids: Vec<&str> = before.iter().chain(&after).map(|(c, _)| c.as_str()).collect();
            crate::sort::sort(&mut ids);
            ids.dedup();
            assert_eq!(input.total(), ids.len(), "{from}->{to}");
            let mut up = 0;
            let mut down = 0;
            for id in ids {
                let then = before.iter().find(|(c, _)| c == id).map(|(_, t)| t.as_str());
                let now = after.iter().find(|(c, _)| c == id).map(|(_, t)| t.as_str());
                let bands: Vec<&FlowBandInput> = input.bands.iter().filter(|b| b.members.iter().any(|m| m.id == id)).collect();
                assert_eq!(bands.len(), 1, "{id}");
                let expected = match (then, now) {
                    (None, _) => Change::Entering,
                    (_, None) => Change::Leaving,
                    (Some(a), Some(b)) if a == b => Change::Same,
                    (Some(a), Some(b)) => match (rank(a), rank(b)) {
                        (Some(x), Some(y)) if y < x => {
                            up += 1;
                            Change::Up
                        }
                        (Some(_), Some(_)) => {
                            down += 1;
                            Change::Down
                        }
                        _ => Change::Other,
                    },
                };
                assert_eq!(bands[0].change, expected, "{id} {from}->{to}");
            }
            let listed = |title: &str| input.lists.iter().find(|l| l.title.starts_with(title)).unwrap().entries.len();
            assert_eq!((listed("Moved up"), listed("Moved down")), (up, down), "{from}->{to}");
        }
    }

    #[test]
    fn countries_in_one_list_only_enter_or_leave() {
        // The 2002 list places countries the 2001 list does not.
        let input = flow_input(dataset(), &spec(&[("from", "2001"), ("to", "2002")]).unwrap());
        let entering = input.lists.iter().find(|l| l.title.starts_with("In the 2002 list, not the 2001 list")).unwrap();
        let expected = csv_tiers("2002").iter().filter(|(c, _)| !csv_tiers("2001").iter().any(|(b, _)| b == c)).count();
        assert!(expected > 0);
        assert_eq!(entering.entries.len(), expected);
        assert_eq!(entering.title, format!("In the 2002 list, not the 2001 list ({expected})"));
        assert!(entering.entries[0].label.contains("– → "), "{}", entering.entries[0].label);
        let band = &input.bands[entering.entries[0].band];
        assert_eq!(band.change, Change::Entering);
        assert!(band.text.heading.starts_with("not in the 2001 list → Tier "), "{}", band.text.heading);
        // 2024 and 2025 place the same countries: both lists say none.
        let input = flow_input(dataset(), &spec(&[]).unwrap());
        let last: Vec<&FlowListInput> = input.lists.iter().rev().take(2).collect();
        assert!(last.iter().all(|l| l.entries.is_empty()));
        assert_eq!(last[0].empty, "None: every country the 2024 list places here is in the 2025 list too.");
    }

    #[test]
    fn a_partial_edition_limits_the_comparison_to_the_countries_it_places() {
        let input = flow_input(dataset(), &spec(&[("from", "2019"), ("to", "2024")]).unwrap());
        assert_eq!(input.total(), csv_tiers("2019").len());
        assert!(input.subtitle.contains(&format!("covers the {} countries both editions place here", csv_tiers("2019").len())));
        assert!(input.subtitle.contains("the 2019 tiers here are only those of the narratives Jamaica to Namibia"));
        assert!(input.bands.iter().all(|b| b.change != Change::Entering));
        // Nothing can enter from an edition held in part, so there is no list for it.
        assert!(input.lists.iter().all(|l| !l.title.starts_with("In the 2024 list, not the 2019 list")));
        assert!(input.lists.iter().any(|l| l.title.starts_with("In the 2019 list, not the 2024 list")));
        // The editions the dataset holds in part are the ones this chart calls partial.
        for (edition, _) in PARTIAL_EDITIONS {
            assert!(csv_tiers(&edition.to_string()).len() < 40);
        }
        for edition in ["2001", "2015", "2024", "2025"] {
            assert!(csv_tiers(edition).len() >= 79, "{edition}");
        }
    }

    #[test]
    fn kazakhstan_2025_is_read_out_as_corrected_with_both_sources() {
        let input = flow_input(dataset(), &spec(&[]).unwrap());
        let chart = FlowChart::layout(&input, Size { width_css: 720.0, height_css: 900.0, dpr: 1.0 });
        // Kazakhstan kept its tier, so type-ahead finds the band it stayed in.
        let (then, now) = (dataset().placement("KAZ", 2024).unwrap(), dataset().placement("KAZ", 2025).unwrap());
        assert_eq!((then.tier, now.basis), (now.tier, TierBasis::Corrected));
        let index = chart.item_by_name("Kazakhstan").unwrap();
        assert!(index < chart.bands.len(), "a band, not a list entry");
        let band = chart.readout(index).unwrap();
        assert_eq!(band.heading, format!("{0} (2024) → {0} (2025)", now.tier.label()));
        let kaz = format!("Kazakhstan 2025: {}", basis_text(now, dataset(), Lang::En));
        assert!(kaz.starts_with("Kazakhstan 2025: supplied by the dataset, not printed: "), "{kaz}");
        assert!(band.values.contains(&kaz), "{:?}", band.values);
        assert!(band.sources.iter().any(|s| s.starts_with("2025 TIP Report")), "{:?}", band.sources);
        assert!(band.sources.iter().any(|s| s.starts_with("2024 TIP Report")), "{:?}", band.sources);
    }

    #[test]
    fn a_listed_country_reads_both_tiers_and_selects_itself() {
        let input = flow_input(dataset(), &spec(&[]).unwrap());
        let up = &input.lists[0];
        let first = &up.entries[0];
        let id = &first.member.id;
        let then = csv_tiers("2024").into_iter().find(|(c, _)| c == id).unwrap().1;
        let now = csv_tiers("2025").into_iter().find(|(c, _)| c == id).unwrap().1;
        assert!(rank(&now) < rank(&then));
        assert!(first.text.values[0].starts_with("2024: Tier "), "{:?}", first.text.values);
        assert!(first.text.values[1].starts_with("2025: Tier "), "{:?}", first.text.values);
        assert_eq!(first.text.values[2], "moved up");
        assert_eq!(first.text.selection[0], ("country".to_owned(), id.clone()));
        assert!(first.text.selection.contains(&("from_tier".to_owned(), then)));
        assert!(first.text.selection.contains(&("to_tier".to_owned(), now)));
        assert_eq!(first.text.sources.len(), 2, "{:?}", first.text.sources);
    }

    #[test]
    fn a_region_keeps_only_its_countries() {
        let input = flow_input(dataset(), &spec(&[("region", "europe")]).unwrap());
        assert_eq!(input.title, "Tier changes in Europe, 2024 to 2025 TIP Report");
        for band in &input.bands {
            for m in &band.members {
                assert_eq!(dataset().country(&m.id).unwrap().region, Some(Region::Europe), "{}", m.id);
            }
        }
        let europe = dataset().countries.iter().filter(|c| c.region == Some(Region::Europe)).count();
        assert_eq!(input.total(), europe);
    }

    #[test]
    fn csv_has_a_row_per_country_with_both_sources() {
        let t = table(dataset(), &spec(&[("from", "2014"), ("to", "2015")]).unwrap());
        assert_eq!(t.columns, CSV_COLUMNS);
        assert_eq!(t.rows.len(), flow_input(dataset(), &spec(&[("from", "2014"), ("to", "2015")]).unwrap()).total());
        let jam = t.rows.iter().find(|r| r[0] == "JAM").unwrap();
        assert_eq!(jam[4], "2014");
        assert_eq!(jam[7], "kelley-tip-tiers/map_tiers.csv");
        assert_eq!(jam[9], "2015");
        assert!(t.rows.iter().all(|r| ["same", "up", "down", "other", "entering", "leaving"].contains(&r[3].as_str())));
    }

    #[test]
    fn french_and_spanish_lists_are_in_their_alphabetical_order() {
        // By character code "Brunéi Darussalam" came before "Bénin" and "Îles Marshall" last.
        for (language, lang) in [(Lang::Fr, "fr"), (Lang::Es, "es")] {
            let s = spec(&[("lang", lang)]).unwrap();
            let names: Vec<String> = pairs(crate::charts::dataset_in(language), &s).iter().map(|p| p.country.name.to_string()).collect();
            for pair in names.windows(2) {
                assert!(i18n::sort_key(&pair[0], language) <= i18n::sort_key(&pair[1], language), "{lang}: {} before {}", pair[0], pair[1]);
            }
            assert!(names.iter().filter(|n| !n.is_ascii()).count() > 5, "{lang}: names with accents");
        }
    }

    #[test]
    fn on_a_phone_a_long_name_is_cut_but_its_change_and_the_list_titles_are_whole() {
        // At 320 px "République démocratique populaire lao 2L…" lost its change, and "Dans la
        // liste 2025, pas dans la liste 2…" its year.
        use crate::model::{flows::FlowChart, line::Size, measure};
        let input = flow_input(crate::charts::dataset_in(Lang::Fr), &spec(&[("lang", "fr")]).unwrap());
        for width in [286.0, 320.0, 720.0] {
            let size = Size { width_css: width, height_css: 1600.0, dpr: 2.0 };
            let chart = measure::using(measure::tests::dejavu(), || FlowChart::layout(&input, size));
            let mut cut = 0;
            for e in &chart.entries {
                assert!(e.text.text.ends_with(&e.input.kept_end), "{width} px: {}", e.text.text);
                cut += usize::from(e.text.text.contains('…'));
            }
            if width < 300.0 {
                assert!(cut > 0, "{width} px: a long name is cut");
            }
            let titles = chart.list_titles.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
            let whole = input.lists.iter().map(|l| l.title.as_str()).collect::<Vec<_>>().join(" ");
            assert_eq!(titles, whole, "{width} px");
        }
    }

    #[test]
    fn french_lists_bands_and_entries() {
        let s = spec(&[("lang", "fr")]).unwrap();
        let input = flow_input(crate::charts::dataset_in(Lang::Fr), &s);
        assert_eq!(input.title, "Changements de catégorie, Rapports TIP 2024 à 2025");
        let titles: Vec<&str> = input.lists.iter().map(|l| l.title.as_str()).collect();
        assert!(titles[0].starts_with("En hausse, 2024 → 2025 ("), "{titles:?}");
        assert!(titles.iter().any(|t| t.starts_with("Dans la liste 2025, pas dans la liste 2024 (")), "{titles:?}");
        assert_eq!(input.lists.last().unwrap().empty, "Aucun : chaque pays que la liste 2024 classe ici figure aussi dans la liste 2025.");
        let slovenia = input.lists[0].entries.iter().find(|e| e.member.id == "SVN").unwrap();
        assert_eq!(slovenia.label, "Slovénie 2 → 1");
        assert_eq!(slovenia.text.values, ["2024 : Catégorie 2 (liste du rapport)", "2025 : Catégorie 1 (liste du rapport)", "en hausse"]);
        assert_eq!(input.right.last().unwrap().label, "Absent de la liste 2025");
        let band = &input.bands[slovenia.band];
        assert_eq!(band.text.heading, "Catégorie 2 (2024) → Catégorie 1 (2025)");
        assert!(band.text.values[0].ends_with(" pays est monté") || band.text.values[0].ends_with(" pays sont montés"), "{:?}", band.text.values);
        // The Watch List's French name is too long for its label column even on a desktop:
        // the nodes take their short names rather than a cut one.
        let chart = crate::model::flows::FlowChart::layout(&input, crate::model::line::Size { width_css: 900.0, height_css: 700.0, dpr: 1.0 });
        let labels: Vec<&str> = chart.nodes.iter().map(|n| n.label.text.as_str()).collect();
        assert!(labels.iter().any(|l| l.starts_with("Cat. 2 LS (")), "{labels:?}");
        assert!(labels.iter().all(|l| !l.contains('…')), "{labels:?}");
    }

    #[test]
    fn spanish_reasons_subtitles_and_counts() {
        let err = spec(&[("lang", "es"), ("from", "2016")]).unwrap_err();
        assert!(
            err.message(Lang::Es).starts_with("from=\"2016\" no se puede usar: el conjunto de datos no tiene niveles de la edición 2016."),
            "{}",
            err.message(Lang::Es)
        );
        let err = spec(&[("lang", "es"), ("from", "2025"), ("to", "2024")]).unwrap_err();
        assert!(err.message(Lang::Es).contains("es posterior a to=\"2024\"; invierta las dos ediciones."), "{}", err.message(Lang::Es));
        let s = spec(&[("lang", "es"), ("from", "2019"), ("to", "2025")]).unwrap();
        let input = flow_input(crate::charts::dataset_in(Lang::Es), &s);
        assert!(
            input.subtitle.contains("los niveles de 2019 son aquí solo los de los capítulos de país de Jamaica a Namibia"),
            "{}",
            input.subtitle
        );
        assert_eq!(moved(Change::Down, 1, Lang::Es), "1 país bajó");
        assert_eq!(moved(Change::Up, 7, Lang::Es), "7 países subieron");
        assert_eq!(moved(Change::Up, 7, Lang::En), "7 countries moved up");
        assert_eq!(code(Some(Tier::WatchList), Lang::Es), "2LV");
    }
}
