//! `peacekeeping`: the reports' table on peacekeepers — personnel, missions and allegations of
//! sexual exploitation and abuse for the UN, the OSCE and NATO — as labelled bars.
//!
//! - `org="un" | "osce" | "nato" | "all"` (a comma list works too; default `all`).
//! - `metric="personnel" | "missions" | "allegations" | "victims" | "all"` (a comma list works
//!   too; default `all`).
//!
//! One group of bars per metric, each with its own scale: personnel run to tens of thousands
//! and missions to a dozen, so one axis would flatten one of them. Within a group the bars go
//! organisation by organisation, data year by data year, so a reader sees one organisation's
//! change over time next to the others'. The tables exist for three editions only (data years
//! 2017, 2023 and 2024), so a line would draw five years the sources never mention.
//!
//! Victims (and, of them, children) are given for the UN only; where an edition gives none the
//! bar is an empty box saying "not in the source", never a zero.

use crate::i18n::{self, tr, trf, Lang, Numbers};
use crate::data::{Dataset, Org, PeacekeepingValue};
use crate::model::bars::{BarChartInput, BarGroup, BarInput};
use crate::model::line::{not_in_the_source, Cite};
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

/// The metrics a reader can ask for; each is one group of bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Personnel,
    Missions,
    Allegations,
    Victims,
}

impl Metric {
    pub const ALL: [Metric; 4] = [Metric::Personnel, Metric::Missions, Metric::Allegations, Metric::Victims];

    pub fn id(self) -> &'static str {
        match self {
            Metric::Personnel => "personnel",
            Metric::Missions => "missions",
            Metric::Allegations => "allegations",
            Metric::Victims => "victims",
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Metric::Personnel => tr!(
                lang,
                "Peacekeeping and support personnel",
                "Personnel de maintien de la paix et d'appui",
                "Personal de mantenimiento de la paz y de apoyo"
            ),
            Metric::Missions => tr!(lang, "Missions", "Missions", "Misiones"),
            Metric::Allegations => tr!(
                lang,
                "Allegations of sexual exploitation and abuse",
                "Allégations d'exploitation et d'atteintes sexuelles",
                "Denuncias de explotación y abusos sexuales"
            ),
            Metric::Victims => tr!(
                lang,
                "Victims identified in the allegations (of them, children)",
                "Victimes identifiées dans les allégations (dont enfants)",
                "Víctimas identificadas en las denuncias (de ellas, niños)"
            ),
        }
    }

    /// What a value counts, after the number: `92,682 personnel`, `1 mission`.
    fn unit(self, value: u64, lang: Lang) -> &'static str {
        // French puts 0 and 1 in the singular, Spanish only 1; English keeps the id as it was.
        let one = match lang {
            Lang::En => false,
            Lang::Fr => value <= 1,
            Lang::Es => value == 1,
        };
        match (self, one) {
            (Metric::Personnel, false) => tr!(lang, "personnel", "personnes", "efectivos"),
            (Metric::Personnel, true) => tr!(lang, "personnel", "personne", "efectivo"),
            (Metric::Missions, false) => tr!(lang, "missions", "missions", "misiones"),
            (Metric::Missions, true) => tr!(lang, "missions", "mission", "misión"),
            (Metric::Allegations, false) => tr!(lang, "allegations", "allégations", "denuncias"),
            (Metric::Allegations, true) => tr!(lang, "allegations", "allégation", "denuncia"),
            (Metric::Victims, false) => tr!(lang, "victims", "victimes", "víctimas"),
            (Metric::Victims, true) => tr!(lang, "victims", "victime", "víctima"),
        }
    }
}

pub fn org_label(org: Org, lang: Lang) -> &'static str {
    match org {
        Org::Un => tr!(lang, "UN", "ONU", "ONU"),
        Org::Osce => tr!(lang, "OSCE", "OSCE", "OSCE"),
        Org::Nato => tr!(lang, "NATO", "OTAN", "OTAN"),
    }
}

/// The organisation inside a sentence, with its article: `the UN`, `l'ONU`, `la ONU`.
fn org_in_sentence(org: Org, lang: Lang) -> String {
    trf!(lang, "the {0}", "l'{0}", "la {0}"; org_label(org, lang))
}

/// The organisations whose tables give victims, in a sentence: `the UN`, `l'ONU et l'OSCE`.
fn orgs_with_victims(dataset: &Dataset, lang: Lang) -> String {
    let mut orgs = Vec::new();
    for org in orgs_with(dataset, "victims") {
        orgs.push(org_in_sentence(org, lang));
    }
    i18n::and_list(&orgs, lang)
}

/// The table's other rows, read out with the allegations they describe.
const ALLEGATION_DETAILS: [&str; 5] =
    ["accused_personnel", "missions_with_allegations", "allegations_children", "allegations_drc", "allegations_car"];

/// What one of [`ALLEGATION_DETAILS`] counts, after its number.
fn allegation_detail(id: &str, lang: Lang) -> &'static str {
    match id {
        "accused_personnel" => tr!(
            lang,
            "personnel the allegations were made against",
            "membres du personnel visés par les allégations",
            "efectivos contra los que se presentaron las denuncias"
        ),
        "missions_with_allegations" => tr!(
            lang,
            "missions in which allegations were made",
            "missions dans lesquelles des allégations ont été formulées",
            "misiones en las que se presentaron denuncias"
        ),
        "allegations_children" => tr!(
            lang,
            "allegations that affected children (a count of allegations, not of victims)",
            "allégations concernant des enfants (un nombre d'allégations, non de victimes)",
            "denuncias que afectaban a niños (un recuento de denuncias, no de víctimas)"
        ),
        "allegations_drc" => tr!(
            lang,
            "allegations from the missions in the Democratic Republic of the Congo",
            "allégations provenant des missions en République démocratique du Congo",
            "denuncias procedentes de las misiones en la República Democrática del Congo"
        ),
        _ => tr!(
            lang,
            "allegations from the mission in the Central African Republic",
            "allégations provenant de la mission en République centrafricaine",
            "denuncias procedentes de la misión en la República Centroafricana"
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeacekeepingSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    pub orgs: Vec<Org>,
    pub metrics: Vec<Metric>,
}

/// A comma list of `ids` or `all`, in the canonical order whatever order it was typed in.
fn pick<T: Copy + PartialEq>(
    attrs: &Attributes,
    name: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
) -> Result<Vec<T>, SpecError> {
    let mut accepted = Vec::with_capacity(all.len() + 1);
    for &t in all {
        accepted.push(id(t));
    }
    accepted.push("all");
    match attrs.list(name, &accepted)? {
        None => Ok(all.to_vec()),
        Some(words) if words.iter().any(|w| w == "all") => Ok(all.to_vec()),
        Some(words) => {
            let mut picked = Vec::new();
            for &t in all {
                if words.iter().any(|w| w == id(t)) {
                    picked.push(t);
                }
            }
            Ok(picked)
        }
    }
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<PeacekeepingSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let orgs = pick(attrs, "org", Org::ALL, Org::id)?;
    let metrics = pick(attrs, "metric", &Metric::ALL, Metric::id)?;
    let spec = PeacekeepingSpec { lang, orgs, metrics };
    if groups(dataset, &spec).iter().all(|(_, orgs)| orgs.is_empty()) {
        let asked = attrs.given("org").unwrap_or_default();
        return Err(SpecError::new("org", asked, &["un", "osce", "nato", "all"]).because(&trf!(lang,
            "the tables give victims for {0} only",
            "les tableaux ne donnent de victimes que pour {0}",
            "las tablas solo dan víctimas para {0}";
            orgs_with_victims(dataset, lang))));
    }
    Ok(spec)
}

fn orgs_with(dataset: &Dataset, metric: &str) -> Vec<Org> {
    let mut orgs = Vec::new();
    for &org in Org::ALL {
        if dataset.peacekeeping.iter().any(|v| v.org == org && v.metric == metric) {
            orgs.push(org);
        }
    }
    orgs
}

/// Each asked metric with the organisations it has bars for: victims only where a table gives any.
fn groups(dataset: &Dataset, spec: &PeacekeepingSpec) -> Vec<(Metric, Vec<Org>)> {
    let mut groups = Vec::with_capacity(spec.metrics.len());
    for &metric in &spec.metrics {
        let mut orgs = spec.orgs.clone();
        if metric == Metric::Victims {
            let given = orgs_with(dataset, "victims");
            orgs.retain(|o| given.contains(o));
        }
        groups.push((metric, orgs));
    }
    groups
}

/// Every (edition, data year) a table exists for, oldest first.
fn editions(dataset: &Dataset) -> Vec<(u16, u16)> {
    let mut pairs: Vec<(u16, u16)> = Vec::new();
    for v in dataset.peacekeeping.iter() {
        pairs.push((v.edition, v.year));
    }
    crate::sort::sort(&mut pairs);
    pairs.dedup();
    pairs
}

fn cell<'d>(dataset: &'d Dataset, edition: u16, org: Org, metric: &str) -> Option<&'d PeacekeepingValue> {
    dataset.peacekeeping.iter().find(|v| v.edition == edition && v.org == org && v.metric == metric)
}

fn cite(dataset: &Dataset, v: &PeacekeepingValue) -> Cite {
    Cite {
        edition: v.edition,
        file: dataset.source(v.source).file.clone(),
        line: v.source.line,
        printed: None,
        note: v.note.to_string(),
    }
}

fn bar(dataset: &Dataset, metric: Metric, org: Org, edition: u16, year: u16, lang: Lang) -> BarInput {
    let number = |n: u64| Numbers(lang).whole(n);
    let value = cell(dataset, edition, org, metric.id());
    let report = i18n::tip_report(edition, lang);
    let mut details = vec![trf!(lang,
        "data year {0}, from the {1}",
        "année de données {0}, selon le {1}",
        "año de datos {0}, según el {1}";
        year.to_string(), report)];
    let mut value_text = value.map(|v| format!("{} {}", number(v.value), metric.unit(v.value, lang))).unwrap_or_default();
    match metric {
        Metric::Allegations => {
            for id in ALLEGATION_DETAILS {
                if let Some(d) = cell(dataset, edition, org, id) {
                    let words = allegation_detail(id, lang);
                    details.push(format!("{} {words} ({})", number(d.value), cite(dataset, d).describe(lang)));
                }
            }
        }
        Metric::Victims => {
            if let Some(c) = cell(dataset, edition, org, "children") {
                if let Some(v) = value {
                    // Short enough for a phone's value column; the heading says these are victims.
                    value_text = trf!(lang, "{0}, {1} children", "{0}, dont {1} enfants", "{0}, de ellas {1} niños";
                        number(v.value), number(c.value));
                }
                details.push(trf!(lang,
                    "{0} of the victims were children ({1})",
                    "{0} des victimes étaient des enfants ({1})",
                    "{0} de las víctimas eran niños ({1})";
                    number(c.value), cite(dataset, c).describe(lang)));
            }
            if let Some(c) = cell(dataset, edition, org, "allegations_children") {
                details.push(trf!(lang,
                    "{0} allegations affected children: a count of allegations, not of victims ({1})",
                    "{0} allégations concernaient des enfants : un nombre d'allégations, non de victimes ({1})",
                    "{0} denuncias afectaban a niños: un recuento de denuncias, no de víctimas ({1})";
                    number(c.value), cite(dataset, c).describe(lang)));
            }
        }
        Metric::Personnel | Metric::Missions => {}
    }
    let label = format!("{} {year}", org_label(org, lang));
    BarInput {
        heading: i18n::labelled(&format!("{}, {year}", org_label(org, lang)), &crate::data::lowercase(metric.title(lang)), lang),
        value: value.map(|v| v.value),
        value_text: if value.is_some() { value_text } else { not_in_the_source(lang).to_owned() },
        note: match value {
            Some(v) => v.note.to_string(),
            None => trf!(lang,
                "the {0}'s table gives no {1} count for {2}",
                "le tableau du {0} ne donne aucun chiffre pour {2} ({1})",
                "la tabla del {0} no da ninguna cifra de {1} para {2}";
                report, metric.unit(2, lang), org_in_sentence(org, lang)),
        },
        details,
        cite: value.map(|v| cite(dataset, v)),
        selection: vec![
            ("org".to_owned(), org.id().to_owned()),
            ("metric".to_owned(), metric.id().to_owned()),
            ("year".to_owned(), year.to_string()),
            ("edition".to_owned(), edition.to_string()),
        ],
        label,
    }
}

pub fn bar_input(dataset: &Dataset, spec: &PeacekeepingSpec) -> BarChartInput {
    let lang = spec.lang;
    let editions = editions(dataset);
    let mut bar_groups: Vec<BarGroup> = Vec::new();
    for (metric, orgs) in groups(dataset, spec) {
        if orgs.is_empty() {
            continue;
        }
        let mut bars = Vec::with_capacity(orgs.len() * editions.len());
        for &org in &orgs {
            for &(edition, year) in &editions {
                bars.push(bar(dataset, metric, org, edition, year, lang));
            }
        }
        bar_groups.push(BarGroup { title: metric.title(lang).to_owned(), bars });
    }
    let mut who: Vec<&str> = Vec::with_capacity(spec.orgs.len());
    for &org in &spec.orgs {
        who.push(org_label(org, lang));
    }
    let (mut years, mut reports) = (Vec::with_capacity(editions.len()), Vec::with_capacity(editions.len()));
    for (edition, year) in &editions {
        years.push(year.to_string());
        reports.push(edition.to_string());
    }
    reports.dedup();
    let mut subtitle = trf!(lang,
        "As the {0} TIP Reports print it, for data years {1}; each group has its own scale. \
         Zero allegations are printed as words (\"No reported allegations\").",
        "Tel que l'impriment les Rapports TIP {0}, pour les années de données {1} ; chaque groupe a sa \
         propre échelle. Zéro allégation s'imprime en toutes lettres (\"No reported allegations\").",
        "Tal como lo imprimen los Informes TIP {0}, para los años de datos {1}; cada grupo tiene su propia \
         escala. Cero denuncias se imprime con palabras (\"No reported allegations\").";
        i18n::and_list(&reports, lang), years.join(", "));
    if spec.metrics.contains(&Metric::Victims) {
        subtitle.push_str(&trf!(lang,
            " Victims are given for {0} only.",
            " Les victimes ne sont données que pour {0}.",
            " Las víctimas solo se dan para {0}.";
            orgs_with_victims(dataset, lang)));
    }
    let title = trf!(lang, "Peacekeeping: {0}", "Maintien de la paix : {0}", "Mantenimiento de la paz: {0}"; who.join(", "));
    BarChartInput { lang, title, subtitle, groups: bar_groups }
}

pub const CSV_COLUMNS: &[&str] = &["edition", "year", "org", "metric", "value", "note", "source_file", "source_line"];

/// The dataset's rows for the organisations asked, every metric the drawn groups read.
pub fn table(dataset: &Dataset, spec: &PeacekeepingSpec) -> DataTable {
    let mut metrics: Vec<&str> = Vec::new();
    for metric in &spec.metrics {
        metrics.push(metric.id());
        match metric {
            Metric::Allegations => metrics.extend(ALLEGATION_DETAILS),
            Metric::Victims => metrics.extend(["children", "allegations_children"]),
            Metric::Personnel | Metric::Missions => {}
        }
    }
    let mut rows = Vec::new();
    for v in dataset.peacekeeping.iter() {
        if !spec.orgs.contains(&v.org) || !metrics.contains(&v.metric.as_ref()) {
            continue;
        }
        rows.push(vec![
            v.edition.to_string(),
            v.year.to_string(),
            v.org.id().to_owned(),
            v.metric.to_string(),
            v.value.to_string(),
            v.note.to_string(),
            dataset.source(v.source).file.clone(),
            v.source.line.to_string(),
        ]);
    }
    DataTable::new(CSV_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::model::bars::BarChart;
    use crate::model::line::Size;
    use crate::model::spec::attrs;

    fn spec(pairs: &[(&str, &str)]) -> Result<PeacekeepingSpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    fn value(edition: u16, org: Org, metric: &str) -> &'static PeacekeepingValue {
        cell(dataset(), edition, org, metric).unwrap()
    }

    #[test]
    fn default_draws_every_metric_for_every_organisation_and_table_year() {
        let input = bar_input(dataset(), &spec(&[]).unwrap());
        let titles: Vec<&str> = input.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, Metric::ALL.map(|m| m.title(Lang::En)));
        let years = editions(dataset());
        // Personnel, missions and allegations: each organisation in each table.
        for group in &input.groups[..3] {
            assert_eq!(group.bars.len(), 3 * years.len(), "{}", group.title);
            for b in &group.bars {
                assert!(b.value.is_some(), "{} is printed in every table", b.heading);
            }
        }
        // Bars go organisation by organisation, oldest data year first.
        let labels: Vec<&str> = input.groups[0].bars.iter().take(years.len() + 1).map(|b| b.label.as_str()).collect();
        let mut expected: Vec<String> = years.iter().map(|(_, y)| format!("UN {y}")).collect();
        expected.push(format!("OSCE {}", years[0].1));
        assert_eq!(labels, expected);
        let un_2017 = &input.groups[0].bars[0];
        assert_eq!(un_2017.value, Some(value(2018, Org::Un, "personnel").value));
        assert_eq!(un_2017.value_text, format!("{} personnel", Numbers(Lang::En).whole(value(2018, Org::Un, "personnel").value)));
        assert_eq!(un_2017.cite.as_ref().unwrap().describe(Lang::En), "2018 TIP Report, 002_294c21104cf34196.txt line 30");
    }

    #[test]
    fn victims_are_the_un_s_only_and_an_edition_without_them_is_not_in_the_source() {
        let input = bar_input(dataset(), &spec(&[("metric", "victims")]).unwrap());
        assert!(input.subtitle.ends_with("Victims are given for the UN only."), "{}", input.subtitle);
        let bars = &input.groups[0].bars;
        assert!(bars.iter().all(|b| b.label.starts_with("UN ")));
        let v2024 = value(2025, Org::Un, "victims");
        let c2024 = value(2025, Org::Un, "children");
        let last = bars.last().unwrap();
        assert_eq!(last.value_text, format!("{}, {} children", v2024.value, c2024.value));
        // The 2024 edition counts allegations involving children, not victims: no victim bar.
        let none = bars.iter().find(|b| b.selection.contains(&("edition".into(), "2024".into()))).unwrap();
        assert_eq!(none.value, None);
        assert_eq!(none.absent_label(Lang::En), "not in the source");
        let children = value(2024, Org::Un, "allegations_children");
        assert!(none.details.iter().any(|d| d.starts_with(&format!("{} allegations affected children", children.value))));
        assert!(input.summary().contains("Not in the source: UN, 2023: victims identified"), "{}", input.summary());
        // Asking for victims of an organisation that gives none says so.
        let err = spec(&[("metric", "victims"), ("org", "nato")]).unwrap_err();
        assert_eq!(err.attribute, "org");
        assert_eq!(
            err.message(Lang::En),
            "org=\"nato\" cannot be used: the tables give victims for the UN only. Accepted values: un, osce, nato, all."
        );
    }

    #[test]
    fn zero_allegations_are_zero_bars_with_the_printed_words() {
        let input = bar_input(dataset(), &spec(&[("org", "osce"), ("metric", "allegations")]).unwrap());
        assert_eq!(input.title, "Peacekeeping: OSCE");
        for b in &input.groups[0].bars {
            assert_eq!(b.value, Some(0));
            assert!(b.note.starts_with("printed as text:"), "{}", b.note);
        }
        let chart = BarChart::layout(&input, Size { width_css: 600.0, height_css: 300.0, dpr: 1.0 });
        let readout = chart.readout(0).unwrap();
        assert_eq!(readout.values[0], "0 allegations");
        assert!(readout.values[1].contains("No reported allegations"), "{:?}", readout.values);
    }

    #[test]
    fn un_allegations_read_out_their_details_with_lines() {
        let input = bar_input(dataset(), &spec(&[("org", "un"), ("metric", "allegations")]).unwrap());
        let b2024 = input.groups[0].bars.last().unwrap();
        let drc = value(2025, Org::Un, "allegations_drc");
        let line = format!("{} allegations from the missions in the Democratic Republic of the Congo (2025 TIP Report, 001_bb56f66af96aedbd.txt line {})", drc.value, drc.source.line);
        assert!(b2024.details.contains(&line), "{:?}", b2024.details);
        assert_eq!(b2024.selection[..2], [("org".to_owned(), "un".to_owned()), ("metric".to_owned(), "allegations".to_owned())]);
    }

    #[test]
    fn lists_and_bad_values() {
        let s = spec(&[("org", "NATO, un"), ("metric", "missions")]).unwrap();
        assert_eq!(s.orgs, [Org::Un, Org::Nato]);
        assert_eq!(s.metrics, [Metric::Missions]);
        assert_eq!(spec(&[("org", "all")]).unwrap().orgs, Org::ALL);
        let err = spec(&[("org", "eu")]).unwrap_err();
        assert_eq!(err.message(Lang::En), "org=\"eu\" is not a value tipviz knows. Accepted values: un, osce, nato, all.");
        let err = spec(&[("metric", "deaths")]).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "metric=\"deaths\" is not a value tipviz knows. Accepted values: personnel, missions, allegations, victims, all."
        );
    }

    #[test]
    fn the_csv_holds_the_dataset_rows_for_what_is_drawn() {
        let s = spec(&[("org", "un"), ("metric", "victims")]).unwrap();
        let csv = table(dataset(), &s);
        assert_eq!(csv.columns, CSV_COLUMNS);
        let expected = dataset()
            .peacekeeping
            .iter()
            .filter(|v| v.org == Org::Un && ["victims", "children", "allegations_children"].contains(&v.metric.as_ref()))
            .count();
        assert_eq!(csv.rows.len(), expected);
        let all = table(dataset(), &spec(&[]).unwrap());
        assert_eq!(all.rows.len(), dataset().peacekeeping.len(), "the default CSV holds every peacekeeping row");
    }

    fn spec_in(lang: &str, pairs: &[(&str, &str)]) -> Result<PeacekeepingSpec, SpecError> {
        let mut all = pairs.to_vec();
        all.push(("lang", lang));
        parse(&Attributes(&attrs(&all)), dataset())
    }

    #[test]
    fn french_bars_count_with_french_numbers_and_words() {
        let input = bar_input(dataset(), &spec_in("fr", &[]).unwrap());
        assert_eq!(input.title, "Maintien de la paix : ONU, OSCE, OTAN");
        assert!(input.subtitle.starts_with("Tel que l'impriment les Rapports TIP 2018, 2024 et 2025, pour les années de données 2017, 2023, 2024 ;"));
        assert!(input.subtitle.ends_with("Les victimes ne sont données que pour l'ONU."), "{}", input.subtitle);
        let un_2017 = &input.groups[0].bars[0];
        let personnel = value(2018, Org::Un, "personnel").value;
        assert_eq!(un_2017.label, "ONU 2017");
        assert_eq!(un_2017.value_text, format!("{} personnes", Numbers(Lang::Fr).whole(personnel)));
        assert!(un_2017.value_text.contains('\u{202f}'), "{}", un_2017.value_text);
        assert_eq!(un_2017.heading, "ONU, 2017 : personnel de maintien de la paix et d'appui");
        assert_eq!(un_2017.details[0], "année de données 2017, selon le Rapport TIP 2018");
        // Zero and one are singular in French.
        let osce = bar_input(dataset(), &spec_in("fr", &[("org", "osce"), ("metric", "allegations")]).unwrap());
        assert_eq!(osce.groups[0].bars[0].value_text, "0 allégation");
    }

    #[test]
    fn spanish_victims_and_the_reason_an_organisation_has_none() {
        let input = bar_input(dataset(), &spec_in("es", &[("metric", "victims")]).unwrap());
        let last = input.groups[0].bars.last().unwrap();
        let (v, c) = (value(2025, Org::Un, "victims").value, value(2025, Org::Un, "children").value);
        assert_eq!(last.value_text, format!("{v}, de ellas {c} niños"));
        let none = input.groups[0].bars.iter().find(|b| b.value.is_none()).unwrap();
        assert_eq!(none.absent_label(Lang::Es), "no figura en la fuente");
        assert_eq!(none.note, "la tabla del Informe TIP 2024 no da ninguna cifra de víctimas para la ONU");
        let err = spec_in("es", &[("metric", "victims"), ("org", "nato")]).unwrap_err();
        assert_eq!(
            err.message(Lang::Es),
            "org=\"nato\" no se puede usar: las tablas solo dan víctimas para la ONU. Valores aceptados: un, osce, nato, all."
        );
    }
}
