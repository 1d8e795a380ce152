//! `country-enforcement`: the law-enforcement counts of the 2019 TIP Report country
//! narratives (Jamaica to Namibia), as horizontal bars.
//!
//! - `country="…"`: one country's counts, a group per metric, a bar per period and unit,
//!   newest period first. Each group has its own scale because the narratives count different
//!   things (cases, suspects, defendants).
//! - no `country`: every narrative country ranked on one `metric` for its reporting period
//!   (period 0). Where a country has several period-0 rows for the metric, the bar shows the
//!   first one with a value in the narrative's line order (else the first); the others are
//!   listed in its readout. Countries without a value come last, with the reason.

use crate::i18n::{self, tr, trf, Lang, Numbers};
use crate::data::{Country, CountryEnforcement, CountryMetric, Dataset};
use crate::model::bars::{not_reported, BarChartInput, BarGroup, BarInput};
use crate::model::line::Cite;
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryEnforcementSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    /// The country id, or `None` for the ranked comparison of all narrative countries.
    pub country: Option<String>,
    /// What the ranked comparison ranks on; the one-country view shows all four.
    pub metric: CountryMetric,
}

pub const METRICS: &[&str] = &["investigations", "prosecutions", "convictions", "victims"];

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<CountryEnforcementSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let metric =
        CountryMetric::from_id(&attrs.choose("metric", METRICS, "convictions")?).unwrap_or(CountryMetric::Convictions);
    let Some(asked) = attrs.given("country") else { return Ok(CountryEnforcementSpec { lang, country: None, metric }) };

    let narrated = narrative_countries(dataset, lang);
    let mut ids = Vec::with_capacity(narrated.len());
    let mut list = Vec::with_capacity(narrated.len());
    for c in &narrated {
        ids.push(&*c.id);
        list.push(format!("{} ({})", c.name, c.id));
    }
    let list = list.join(tr!(lang, "; ", " ; ", "; "));
    let report = i18n::tip_report(edition(dataset), lang);
    match dataset.country_by_name(asked) {
        None => Err(SpecError::new("country", asked, &ids).explained(trf!(lang,
            "is not a country or territory tipviz knows. Write its name (such as {0}) or its three-letter \
             code (such as JAM), or leave country out to compare all countries. The countries this chart \
             covers, those with a {1} narrative here: {2}.",
            "n'est pas un pays ou territoire que tipviz connaît. Écrivez son nom (par exemple {0}) ou son \
             code à trois lettres (par exemple JAM), ou omettez cet attribut pour comparer tous les pays. Les \
             pays que couvre ce graphique, ceux qui ont ici un chapitre dans le {1} : {2}.",
            "no es un país o territorio que tipviz conozca. Escriba su nombre (por ejemplo, {0}) o su código \
             de tres letras (por ejemplo, JAM), u omita este atributo para comparar todos los países. Los \
             países que cubre este gráfico, los que tienen aquí un capítulo en el {1}: {2}.";
            dataset.name_of("JAM"), report, list))),
        Some(country) if !ids.contains(&&*country.id) => {
            let (first, last) = span(dataset);
            Err(SpecError::new("country", asked, &ids).explained(trf!(lang,
                "is {0}, which tipviz knows, but this chart's source has no narrative for it: it holds only \
                 the {1} country narratives from {2} to {3}. Countries with a narrative: {4}.",
                "correspond au pays {0}, que tipviz connaît, mais la source de ce graphique n'a pas de chapitre \
                 pour lui : elle ne contient que les chapitres par pays du {1} ({2} – {3}). Pays ayant un \
                 chapitre : {4}.",
                "es {0}, que tipviz conoce, pero la fuente de este gráfico no tiene capítulo para ese país: solo \
                 contiene los capítulos por país del {1} ({2} – {3}). Países con capítulo: {4}.";
                country.name, report, first, last, list)))
        }
        Some(country) => Ok(CountryEnforcementSpec { lang, country: Some(country.id.to_string()), metric }),
    }
}

/// The edition the narratives come from: the newest in the table.
fn edition(dataset: &Dataset) -> u16 {
    let mut newest = None;
    for r in dataset.country_enforcement.iter() {
        newest = newest.max(Some(r.edition));
    }
    newest.unwrap_or(2019)
}

/// The countries with a narrative in [`edition`], by name as `lang` sorts it.
pub fn narrative_countries(dataset: &Dataset, lang: Lang) -> Vec<&Country> {
    let edition = edition(dataset);
    let mut ids: Vec<&str> = Vec::new();
    for r in dataset.country_enforcement.iter() {
        if r.edition == edition {
            ids.push(&r.country);
        }
    }
    crate::sort::sort(&mut ids);
    ids.dedup();
    let mut countries: Vec<&Country> = Vec::with_capacity(ids.len());
    for id in ids {
        countries.extend(dataset.country(id));
    }
    let mut keys = Vec::with_capacity(countries.len());
    for c in &countries {
        keys.push(i18n::sort_key(&c.name, lang));
    }
    crate::sort::sort_by_names(&mut countries, &keys);
    countries
}

/// The first and the last country of the extract, in the report's own (English) order: its
/// narratives run from Jamaica to Namibia whatever the reader's language sorts first.
fn span(dataset: &Dataset) -> (&str, &str) {
    let edition = edition(dataset);
    let (mut first, mut last): (Option<&CountryEnforcement>, Option<&CountryEnforcement>) = (None, None);
    for r in dataset.country_enforcement.iter() {
        if r.edition != edition {
            continue;
        }
        // The earliest line (the first of equal ones) and the latest (the last of equal ones).
        if first.map_or(true, |f| r.source < f.source) {
            first = Some(r);
        }
        if last.map_or(true, |l| r.source >= l.source) {
            last = Some(r);
        }
    }
    (first.map_or("", |r| dataset.name_of(&r.country)), last.map_or("", |r| dataset.name_of(&r.country)))
}

fn metric_title(metric: CountryMetric, lang: Lang) -> &'static str {
    match metric {
        CountryMetric::Investigations => tr!(lang, "Investigations", "Enquêtes", "Investigaciones"),
        CountryMetric::Prosecutions => i18n::metric(crate::data::Metric::Prosecutions, lang),
        CountryMetric::Convictions => i18n::metric(crate::data::Metric::Convictions, lang),
        CountryMetric::Victims => i18n::metric(crate::data::Metric::Victims, lang),
    }
}

/// The metric inside a sentence: `investigations`, `enquêtes`, `investigaciones`.
fn metric_word(metric: CountryMetric, lang: Lang) -> &'static str {
    match metric {
        CountryMetric::Investigations => tr!(lang, "investigations", "enquêtes", "investigaciones"),
        CountryMetric::Prosecutions => tr!(lang, "prosecutions", "poursuites", "procesamientos"),
        CountryMetric::Convictions => tr!(lang, "convictions", "condamnations", "condenas"),
        CountryMetric::Victims => tr!(lang, "victims", "victimes", "víctimas"),
    }
}

/// "36 cases"; "1 conviction" for one (units are plural nouns as the narratives count them,
/// quoted in English in every language; the number follows `lang`).
pub fn count_with_unit(value: u64, unit: &str, lang: Lang) -> String {
    let unit = match unit.strip_suffix('s') {
        // A compound unit ("workers and potential victims") has no single noun to make singular.
        Some(singular) if value == 1 && !unit.contains(" and ") => singular,
        _ => unit,
    };
    format!("{} {unit}", Numbers(lang).whole(value))
}

/// A period named by how far it is before the narrative's reporting period.
fn relative_period(offset: i16, lang: Lang) -> &'static str {
    match offset {
        0 => tr!(lang, "reporting period", "période de référence", "período de referencia"),
        -1 => tr!(lang, "previous reporting period", "période de référence précédente", "período de referencia anterior"),
        -2 => tr!(lang, "two periods earlier", "deux périodes plus tôt", "dos períodos antes"),
        -3 => tr!(lang, "three periods earlier", "trois périodes plus tôt", "tres períodos antes"),
        _ => tr!(lang, "an earlier period", "une période antérieure", "un período anterior"),
    }
}

/// One bar to draw: a country's record for a metric, or the fact that its narrative has none.
struct Drawn<'d> {
    country: &'d Country,
    metric: CountryMetric,
    record: Option<&'d CountryEnforcement>,
    /// Other records for the same country, metric and period that the bar does not show.
    others: Vec<&'d CountryEnforcement>,
}

impl Drawn<'_> {
    /// The period as the bar names it. A year or a dated span keeps the narrative's words
    /// ("2017", "first nine months of 2018"); a period it names only by how far back it is
    /// ("previous reporting period", "two years ago", "the year before that") is named by that
    /// distance in the reader's language, so one period reads alike in every group (Jamaica's
    /// investigations and convictions name the same one two ways). The printed words stay in
    /// the CSV and `tipviz:select`, and the readout gives them where they differ.
    fn period_label(&self, lang: Lang) -> &str {
        match self.record {
            Some(r) if r.period_label.bytes().any(|b| b.is_ascii_digit()) => r.period_label.as_ref(),
            Some(r) => relative_period(r.period, lang),
            None => relative_period(0, lang),
        }
    }

    /// The narrative's own words for the period, where they are not what the bar says (in
    /// English: in French and Spanish "previous reporting period" is only the translation).
    fn printed_period(&self) -> Option<&str> {
        let printed = self.record?.period_label.as_ref();
        (printed != self.period_label(Lang::En)).then_some(printed)
    }

    /// Why there is no record at all.
    fn missing_reason(&self, edition: u16, lang: Lang) -> String {
        trf!(lang,
            "the {0} narrative gives no {1} count for the reporting period",
            "le chapitre du Rapport TIP {0} ne chiffre pas les {1} de la période de référence",
            "el capítulo del Informe TIP {0} no da ninguna cifra de {1} para el período de referencia";
            edition.to_string(), metric_word(self.metric, lang))
    }
}

fn records_of<'d>(dataset: &'d Dataset, country: &str, metric: CountryMetric) -> Vec<&'d CountryEnforcement> {
    let edition = edition(dataset);
    let mut records: Vec<&CountryEnforcement> = Vec::new();
    for r in dataset.country_enforcement.iter() {
        if r.edition == edition && r.country == country && r.metric == metric {
            records.push(r);
        }
    }
    // Newest period first; within a period, in the narrative's line order.
    crate::sort::sort_by_key(&mut records, |r| (std::cmp::Reverse(r.period), r.source));
    records
}

/// The bars of the view, in drawing order: the chart and its CSV both come from here.
fn drawn<'d>(dataset: &'d Dataset, spec: &CountryEnforcementSpec) -> Vec<Drawn<'d>> {
    let mut bars: Vec<Drawn> = Vec::new();
    match spec.country.as_deref().and_then(|id| dataset.country(id)) {
        Some(country) => {
            for &metric in CountryMetric::ALL {
                let records = records_of(dataset, &country.id, metric);
                if records.is_empty() {
                    bars.push(Drawn { country, metric, record: None, others: Vec::new() });
                }
                for r in records {
                    bars.push(Drawn { country, metric, record: Some(r), others: Vec::new() });
                }
            }
            bars
        }
        None => {
            let metric = spec.metric;
            for country in narrative_countries(dataset, spec.lang) {
                let mut current: Vec<&CountryEnforcement> = Vec::new();
                for r in records_of(dataset, &country.id, metric) {
                    if r.period == 0 {
                        current.push(r);
                    }
                }
                let chosen = current.iter().position(|r| r.value.is_some()).unwrap_or(0);
                let record = (!current.is_empty()).then(|| current.remove(chosen));
                bars.push(Drawn { country, metric, record, others: current });
            }
            let value = |d: &Drawn| d.record.and_then(|r| r.value);
            // Largest first; countries without a value last; ties by name.
            crate::sort::sort_by(&mut bars, |a, b| {
                (value(a).is_none(), std::cmp::Reverse(value(a)), &a.country.name).cmp(&(
                    value(b).is_none(),
                    std::cmp::Reverse(value(b)),
                    &b.country.name,
                ))
            });
            bars
        }
    }
}

fn bar(dataset: &Dataset, edition: u16, d: &Drawn, label: String, lang: Lang) -> BarInput {
    let cite = d.record.map(|r| Cite {
        edition: r.edition,
        file: dataset.source(r.source).file.clone(),
        line: r.source.line,
        printed: None,
        // The bar's note carries the remark; the cite only says where.
        note: String::new(),
    });
    let mut details = Vec::with_capacity(d.others.len());
    for o in &d.others {
        let what = o.value.map_or_else(|| not_reported(lang).to_owned(), |v| count_with_unit(v, &o.unit, lang));
        // An absent value's note often starts by saying so; once is enough.
        let note = o.note.strip_prefix("not reported:").map_or(o.note.as_ref(), str::trim_start);
        let note = if note.is_empty() { String::new() } else { format!(" ({note})") };
        let line = i18n::lines(&[o.source.line], lang);
        details.push(trf!(lang,
            "also for this period: {0}{1}, {2}",
            "aussi pour cette période : {0}{1}, {2}",
            "también para este período: {0}{1}, {2}";
            what, note, line));
    }
    if let Some(printed) = d.printed_period() {
        details.push(trf!(lang, "period as printed: {0}", "période telle que publiée : {0}", "período tal como se publicó: {0}"; printed));
    }
    // What `tipviz:select` reports is the narrative's words, as the CSV's period_label.
    let mut selection = vec![
        ("country".to_owned(), d.country.id.to_string()),
        ("metric".to_owned(), d.metric.id().to_owned()),
        ("period".to_owned(), d.record.map_or_else(|| d.period_label(Lang::En).to_owned(), |r| r.period_label.to_string())),
    ];
    if let Some(r) = d.record {
        selection.push(("unit".to_owned(), r.unit.to_string()));
    }
    BarInput {
        label,
        value: d.record.and_then(|r| r.value),
        // A record the dataset marks "absent:" is a part of the narrative the source file does
        // not hold (Namibia's sections), which is not the country not reporting.
        value_text: match d.record {
            Some(r) if r.value.is_none() && r.note.starts_with("absent:") => crate::model::line::not_in_the_source(lang).to_owned(),
            _ => d.record.and_then(|r| r.value.map(|v| count_with_unit(v, &r.unit, lang))).unwrap_or_default(),
        },
        heading: i18n::labelled(&d.country.name, &format!("{}, {}", metric_word(d.metric, lang), d.period_label(lang)), lang),
        note: d.record.map_or_else(|| d.missing_reason(edition, lang), |r| r.note.to_string()),
        details,
        cite,
        selection,
    }
}

pub fn bar_input(dataset: &Dataset, spec: &CountryEnforcementSpec) -> BarChartInput {
    let lang = spec.lang;
    let edition = edition(dataset);
    let report = i18n::tip_report(edition, lang);
    let drawn = drawn(dataset, spec);
    match spec.country.as_deref().and_then(|id| dataset.country(id)) {
        Some(country) => {
            let mut groups = Vec::with_capacity(CountryMetric::ALL.len());
            for &metric in CountryMetric::ALL.iter() {
                let mut bars = Vec::new();
                for d in &drawn {
                    if d.metric == metric {
                        bars.push(bar(dataset, edition, d, d.period_label(lang).to_owned(), lang));
                    }
                }
                groups.push(BarGroup { title: metric_title(metric, lang).to_owned(), bars });
            }
            BarChartInput {
                lang,
                title: trf!(lang,
                    "{0}: law-enforcement counts in the {1}",
                    "{0} : chiffres de l'application de la loi, {1}",
                    "{0}: cifras de aplicación de la ley, {1}";
                    country.name, report),
                subtitle: tr!(
                    lang,
                    "As the narrative reports them, newest period first; units differ, so each value \
                     names what it counts. Each group has its own scale.",
                    "Tels que le chapitre les rapporte, période la plus récente en premier ; les unités diffèrent, \
                     chaque valeur nomme donc ce qu'elle compte (en anglais, comme le rapport). Chaque groupe a \
                     sa propre échelle.",
                    "Tal como los informa el capítulo, el período más reciente primero; las unidades difieren, así \
                     que cada valor nombra lo que cuenta (en inglés, como el informe). Cada grupo tiene su propia \
                     escala."
                )
                .to_owned(),
                groups,
            }
        }
        None => {
            let (first, last) = span(dataset);
            let mut bars = Vec::with_capacity(drawn.len());
            for d in &drawn {
                bars.push(bar(dataset, edition, d, d.country.name.to_string(), lang));
            }
            let metric = metric_title(spec.metric, lang);
            BarChartInput {
                lang,
                title: trf!(lang,
                    "{0} in the {1} narratives, {2} to {3}",
                    "{0} dans les chapitres par pays du {1} ({2} – {3})",
                    "{0} en los capítulos por país del {1} ({2} – {3})";
                    metric, report, first, last),
                subtitle: tr!(
                    lang,
                    "Each country's reporting period, as reported; units differ, so each value names its unit. \
                     Countries without a value are listed last.",
                    "Période de référence de chaque pays, telle que rapportée ; les unités diffèrent, chaque valeur \
                     nomme donc la sienne (en anglais, comme le rapport). Les pays sans valeur viennent en dernier.",
                    "Período de referencia de cada país, tal como se informó; las unidades difieren, así que cada \
                     valor nombra la suya (en inglés, como el informe). Los países sin valor van al final."
                )
                .to_owned(),
                groups: vec![BarGroup { title: String::new(), bars }],
            }
        }
    }
}

pub const CSV_COLUMNS: &[&str] = &[
    "edition",
    "country",
    "country_name",
    "metric",
    "period",
    "period_label",
    "value",
    "unit",
    "note",
    "source_file",
    "source_line",
];

/// One row per drawn bar, in drawing order, with its source; an empty value where the
/// narrative reports none (the note says why, in the reader's language).
pub fn table(dataset: &Dataset, spec: &CountryEnforcementSpec) -> DataTable {
    let edition = edition(dataset);
    let mut rows = Vec::new();
    for d in drawn(dataset, spec) {
        rows.push(match d.record {
            Some(r) => vec![
                r.edition.to_string(),
                r.country.to_string(),
                d.country.name.to_string(),
                r.metric.id().to_owned(),
                r.period.to_string(),
                r.period_label.to_string(),
                r.value.map(|v| v.to_string()).unwrap_or_default(),
                r.unit.to_string(),
                r.note.to_string(),
                dataset.source(r.source).file.clone(),
                r.source.line.to_string(),
            ],
            None => vec![
                edition.to_string(),
                d.country.id.to_string(),
                d.country.name.to_string(),
                d.metric.id().to_owned(),
                "0".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                d.missing_reason(edition, spec.lang),
                String::new(),
                String::new(),
            ],
        });
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

    fn spec(pairs: &[(&str, &str)]) -> Result<CountryEnforcementSpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    fn layout(spec: &CountryEnforcementSpec) -> BarChart {
        BarChart::layout(&bar_input(dataset(), spec), Size { width_css: 720.0, height_css: 900.0, dpr: 1.0 })
    }

    fn bars(input: &BarChartInput) -> Vec<&BarInput> {
        input.groups.iter().flat_map(|g| &g.bars).collect()
    }

    fn pairs(selection: &[(String, String)]) -> Vec<(&str, &str)> {
        selection.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect()
    }

    #[test]
    fn on_a_phone_no_two_countries_read_alike_in_the_ranked_list() {
        // In French at 320 px Korea and Moldova were both "République de …".
        use crate::model::measure;
        for (language, lang) in [(Lang::Fr, "fr"), (Lang::Es, "es"), (Lang::En, "en")] {
            let input = bar_input(crate::charts::dataset_in(language), &spec(&[("lang", lang)]).unwrap());
            for width in [286.0, 320.0, 720.0] {
                let size = Size { width_css: width, height_css: 1400.0, dpr: 2.0 };
                let chart = measure::using(measure::tests::dejavu(), || BarChart::layout(&input, size));
                let names: Vec<&str> = chart.rows.iter().map(|r| r.input.label.as_str()).collect();
                for row in &chart.rows {
                    assert!(!measure::reads_as_another(&row.label, &row.input.label, &names), "{lang} {width} px: {} reads {}", row.input.label, row.label);
                }
            }
        }
    }

    #[test]
    fn a_country_is_found_by_code_name_or_alias_in_any_case() {
        for spelling in ["JAM", "jam", "Jamaica", " jamaica ", "JAMAICA"] {
            assert_eq!(spec(&[("country", spelling)]).unwrap().country.as_deref(), Some("JAM"), "{spelling}");
        }
        assert_eq!(spec(&[("country", "south korea")]).unwrap().country.as_deref(), Some("KOR"));
        assert_eq!(spec(&[("country", "kyrgyz republic")]).unwrap().country.as_deref(), Some("KGZ"));
        // Blank means "all countries".
        assert_eq!(spec(&[("country", "  ")]).unwrap().country, None);
    }

    #[test]
    fn jamaica_shows_the_printed_counts_with_their_lines() {
        let s = spec(&[("country", "jam")]).unwrap();
        let input = bar_input(dataset(), &s);
        assert_eq!(input.title, "Jamaica: law-enforcement counts in the 2019 TIP Report");
        assert!(input.subtitle.contains("units differ") && input.subtitle.contains("own scale"), "{}", input.subtitle);
        let titles: Vec<&str> = input.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Investigations", "Prosecutions", "Convictions", "Victims identified"]);
        // Newest period first, each bar with its period and the value with its unit.
        let investigations: Vec<(&str, &str)> =
            input.groups[0].bars.iter().map(|b| (b.label.as_str(), b.value_text.as_str())).collect();
        assert_eq!(
            investigations,
            [
                ("reporting period", "36 cases"),
                ("previous reporting period", "30 investigations"),
                ("two periods earlier", "40 investigations")
            ]
        );
        // The narrative names the period two back "the year before that" for investigations and
        // "two years ago" for convictions: the bars name it alike, the details say as printed.
        let convictions = &input.groups[2].bars[2];
        assert_eq!(convictions.label, "two periods earlier");
        assert_eq!(input.groups[0].bars[2].details, ["period as printed: the year before that"]);
        assert_eq!(convictions.details, ["period as printed: two years ago"]);
        assert!(input.groups[0].bars[1].details.is_empty(), "the printed words are the label's");
        assert_eq!(pairs(&convictions.selection)[2], ("period", "two years ago"));

        let chart = layout(&s);
        let readout = chart.readout(0).unwrap();
        assert_eq!(readout.heading, "Jamaica: investigations, reporting period");
        assert_eq!(readout.values, ["36 cases", "note: potential trafficking cases"]);
        assert_eq!(readout.sources, ["2019 TIP Report, 003_a785160c3ddcd3ba.txt line 89"]);
        assert_eq!(
            pairs(&readout.selection),
            [("country", "JAM"), ("metric", "investigations"), ("period", "reporting period"), ("unit", "cases")]
        );
        // One conviction, said in the singular, from line 98.
        let conviction = chart.readout(5).unwrap();
        assert_eq!(
            (conviction.heading.as_str(), conviction.values[0].as_str()),
            ("Jamaica: convictions, reporting period", "1 conviction")
        );
        assert_eq!(conviction.sources, ["2019 TIP Report, 003_a785160c3ddcd3ba.txt line 98"]);
    }

    #[test]
    fn the_ranked_view_is_largest_first_with_the_not_reported_last_and_their_reasons() {
        let s = spec(&[]).unwrap();
        assert_eq!(s.metric, CountryMetric::Convictions);
        let input = bar_input(dataset(), &s);
        assert_eq!(input.title, "Convictions in the 2019 TIP Report narratives, Jamaica to Namibia");
        assert!(input.subtitle.contains("as reported; units differ"), "{}", input.subtitle);
        let bars = bars(&input);
        assert_eq!(bars.len(), 35);
        let top: Vec<(&str, &str)> = bars[..3].iter().map(|b| (b.label.as_str(), b.value_text.as_str())).collect();
        assert_eq!(
            top,
            [("Kenya", "98 convictions"), ("Korea, Republic of", "75 offenders"), ("Mexico", "60 traffickers")]
        );
        let values: Vec<Option<u64>> = bars.iter().map(|b| b.value).collect();
        let reported = values.iter().take_while(|v| v.is_some()).count();
        assert!(values[reported..].iter().all(Option::is_none), "not reported must come last: {values:?}");
        assert!(values[..reported].windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        let last: Vec<&str> = bars[reported..].iter().map(|b| b.label.as_str()).collect();
        assert_eq!(last, ["Korea, Democratic People's Republic of", "Namibia"]);
        assert!(
            bars[34].value_line(Lang::En).starts_with("not in the source: the extraction ends"),
            "{}",
            bars[34].value_line(Lang::En)
        );
        // The summary tells the two absences apart: North Korea did not report, Namibia's
        // sections are missing from the source file.
        let summary = input.summary();
        assert!(summary.contains("Not reported: Korea, Democratic People's Republic of: convictions"), "{summary}");
        assert!(summary.contains("Not in the source: Namibia: convictions"), "{summary}");
        // A reported zero is a value, not an absence.
        let lesotho = bars.iter().find(|b| b.label == "Lesotho").unwrap();
        assert_eq!((lesotho.value, lesotho.value_text.as_str()), (Some(0), "0 traffickers"));
    }

    #[test]
    fn kazakhstan_did_not_report_prosecutions() {
        let ranked = bar_input(dataset(), &spec(&[("metric", "Prosecutions")]).unwrap());
        let bars = bars(&ranked);
        let kaz = bars.iter().position(|b| b.label == "Kazakhstan").unwrap();
        assert!(bars[kaz..].iter().all(|b| b.value.is_none()));
        assert_eq!(
            bars[kaz].value_line(Lang::En),
            "not reported: printed 'The government did not report the number of prosecutions.' (lines 1316-1317)"
        );
        assert_eq!(bars[kaz].cite.as_ref().unwrap().describe(Lang::En), "2019 TIP Report, 003_a785160c3ddcd3ba.txt line 1316");

        let own = spec(&[("country", "Kazakhstan")]).unwrap();
        let chart = layout(&own);
        let row = chart.rows.iter().find(|r| r.input.heading == "Kazakhstan: prosecutions, reporting period").unwrap();
        assert_eq!((row.bar, row.value_label.as_str()), (None, "not reported"));
        assert!(row.placeholder.is_some());
    }

    #[test]
    fn a_metric_with_no_row_at_all_is_drawn_as_not_given() {
        let input = bar_input(dataset(), &spec(&[("country", "MWI")]).unwrap());
        let bar = &input.groups[0].bars[0];
        assert_eq!(bar.value, None);
        assert_eq!(bar.cite, None);
        assert_eq!(
            bar.value_line(Lang::En),
            "not reported: the 2019 narrative gives no investigations count for the reporting period"
        );
    }

    #[test]
    fn of_several_current_rows_the_first_with_a_value_is_drawn_and_the_others_are_told() {
        let mut data = dataset().clone();
        let kaz = data
            .country_enforcement
            .iter()
            .find(|r| r.country == "KAZ" && r.metric == CountryMetric::Investigations && r.period == 0)
            .unwrap()
            .clone();
        let mut earlier_blank = kaz.clone();
        (earlier_blank.value, earlier_blank.note, earlier_blank.source.line) =
            (None, "not reported: test".into(), 1300);
        let mut later = kaz.clone();
        (later.value, later.unit, later.note, later.source.line) =
            (Some(182), "investigations".into(), "".into(), 1324);
        data.country_enforcement.extend([later, earlier_blank]);
        let input = bar_input(&data, &CountryEnforcementSpec { lang: Default::default(), country: None, metric: CountryMetric::Investigations });
        let bar = bars(&input).into_iter().find(|b| b.label == "Kazakhstan").unwrap();
        assert_eq!(bar.value_text, "106 cases");
        assert_eq!(bar.cite.as_ref().unwrap().line, 1315);
        assert_eq!(
            bar.details,
            [
                "also for this period: not reported (test), line 1300",
                "also for this period: 182 investigations, line 1324"
            ]
        );
    }

    #[test]
    fn an_unknown_country_says_how_to_write_one_and_lists_the_covered_ones() {
        let err = spec(&[("country", "Atlantis")]).unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("country", "Atlantis"));
        assert_eq!(err.accepted.len(), 35);
        assert!(err.accepted.contains(&"JAM".to_owned()));
        let message = err.message(Lang::En);
        assert!(
            message.starts_with(
                "country=\"Atlantis\" is not a country or territory tipviz knows. Write its name (such as Jamaica) \
                 or its three-letter code (such as JAM), or leave country out to compare all countries."
            ),
            "{message}"
        );
        assert!(message.contains("Jamaica (JAM); Japan (JPN);"), "{message}");
        assert!(message.ends_with("Mozambique (MOZ); Namibia (NAM)."), "{message}");
    }

    #[test]
    fn a_known_country_without_a_narrative_says_so() {
        let message = spec(&[("country", "france")]).unwrap_err().message(Lang::En);
        assert!(
            message.starts_with(
                "country=\"france\" is France, which tipviz knows, but this chart's source has no narrative for it: \
                 it holds only the 2019 TIP Report country narratives from Jamaica to Namibia. Countries with a \
                 narrative: Jamaica (JAM);"
            ),
            "{message}"
        );
    }

    #[test]
    fn a_bad_metric_lists_the_four() {
        let message = spec(&[("metric", "arrests")]).unwrap_err().message(Lang::En);
        assert_eq!(
            message,
            "metric=\"arrests\" is not a value tipviz knows. Accepted values: investigations, prosecutions, convictions, victims."
        );
    }

    #[test]
    fn csv_rows_are_the_drawn_bars_in_order() {
        for attributes in [vec![("country", "JAM")], vec![("country", "MWI")], vec![], vec![("metric", "victims")]] {
            let s = spec(&attributes).unwrap();
            let table = table(dataset(), &s);
            assert_eq!(table.columns, CSV_COLUMNS);
            let input = bar_input(dataset(), &s);
            let bars = bars(&input);
            assert_eq!(table.rows.len(), bars.len(), "{attributes:?}");
            for (row, bar) in table.rows.iter().zip(&bars) {
                let selection = pairs(&bar.selection);
                assert_eq!(row[1], selection[0].1);
                assert_eq!(row[3], selection[1].1);
                assert_eq!(row[6], bar.value.map(|v| v.to_string()).unwrap_or_default());
                assert_eq!(row[10], bar.cite.as_ref().map(|c| c.line.to_string()).unwrap_or_default());
            }
        }
        let jamaica = table(dataset(), &spec(&[("country", "JAM")]).unwrap());
        assert_eq!(
            jamaica.rows[0],
            [
                "2019",
                "JAM",
                "Jamaica",
                "investigations",
                "0",
                "reporting period",
                "36",
                "cases",
                "potential trafficking cases",
                "003_a785160c3ddcd3ba.txt",
                "89"
            ]
        );
        let ranked = table(dataset(), &spec(&[("metric", "prosecutions")]).unwrap());
        let kaz = ranked.rows.iter().find(|r| r[1] == "KAZ").unwrap();
        assert_eq!((kaz[6].as_str(), kaz[10].as_str()), ("", "1316"));
    }

    #[test]
    fn pointing_at_a_row_in_the_widget_reads_it_out_and_keys_step_down() {
        let mut widget = crate::widget::Widget::default();
        widget.configure(&attrs(&[("chart", "country-enforcement"), ("country", "jamaica")])).unwrap();
        widget.resize(Size { width_css: 360.0, height_css: 700.0, dpr: 2.0 });
        let Some(crate::model::figure::Figure::Bars(chart)) = widget.figure() else { panic!("not a bar chart") };
        let row = &chart.rows[0];
        let (x_css, y_css) = (row.band.right / 2.0 - 5.0, row.center_y_dev / 2.0);
        assert!(widget.pointer(x_css, y_css));
        assert_eq!(
            widget.readout().unwrap().sentence(Lang::En),
            "Jamaica: investigations, reporting period: 36 cases; note: potential trafficking cases. \
             Source: 2019 TIP Report, 003_a785160c3ddcd3ba.txt line 89."
        );
        widget.key("ArrowDown");
        assert_eq!(widget.readout().unwrap().heading, "Jamaica: investigations, previous reporting period");
        assert!(widget.csv().starts_with("edition,country,country_name,metric,period,period_label,value,unit,note,"));
        assert!(widget.summary().contains("Investigations: largest is two periods earlier, 40 investigations."));
    }

    /// The spec in `lang`, parsed against the dataset as that language names countries.
    fn spec_in(lang: Lang, pairs: &[(&str, &str)]) -> Result<CountryEnforcementSpec, SpecError> {
        let code = if lang == Lang::Fr { "fr" } else { "es" };
        let mut all = pairs.to_vec();
        all.push(("lang", code));
        parse(&Attributes(&attrs(&all)), crate::charts::dataset_in(lang))
    }

    #[test]
    fn french_titles_readouts_and_reasons() {
        let data = crate::charts::dataset_in(Lang::Fr);
        let s = spec_in(Lang::Fr, &[("country", "Jamaïque")]).unwrap();
        let input = bar_input(data, &s);
        assert_eq!(input.title, "Jamaïque : chiffres de l'application de la loi, Rapport TIP 2019");
        let titles: Vec<&str> = input.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Enquêtes", "Poursuites", "Condamnations", "Victimes identifiées"]);
        // A period named by how far back it is reads in French; the unit stays the narrative's.
        assert_eq!(input.groups[0].bars[0].heading, "Jamaïque : enquêtes, période de référence");
        assert_eq!(input.groups[0].bars[0].value_text, "36 cases");
        assert_eq!(input.groups[0].bars[2].label, "deux périodes plus tôt");
        assert_eq!(input.groups[0].bars[2].details, ["période telle que publiée : the year before that"]);
        // A year keeps the narrative's words.
        let japan = bar_input(data, &spec_in(Lang::Fr, &[("country", "JPN")]).unwrap());
        assert_eq!(japan.groups[0].bars[0].label, "2018");

        let ranked = bar_input(data, &spec_in(Lang::Fr, &[("metric", "victims")]).unwrap());
        assert_eq!(ranked.title, "Victimes identifiées dans les chapitres par pays du Rapport TIP 2019 (Jamaïque – Namibie)");
        let malawi = bar_input(data, &spec_in(Lang::Fr, &[("country", "MWI")]).unwrap());
        let missing = &malawi.groups[0].bars[0];
        assert_eq!(missing.label, "période de référence");
        assert_eq!(
            missing.value_line(Lang::Fr),
            "non communiqué : le chapitre du Rapport TIP 2019 ne chiffre pas les enquêtes de la période de référence"
        );
    }

    #[test]
    fn the_lists_sort_as_the_reader_spells_and_errors_speak_spanish() {
        let data = crate::charts::dataset_in(Lang::Es);
        let names: Vec<&str> = narrative_countries(data, Lang::Es).iter().map(|c| &*c.name).collect();
        let islas = names.iter().position(|n| *n == "Islas Marshall").unwrap();
        assert_eq!(names[islas + 1], "Jamaica", "{names:?}");
        let message = spec_in(Lang::Es, &[("country", "Francia")]).unwrap_err().message(Lang::Es);
        assert!(
            message.starts_with(
                "country=\"Francia\" es Francia, que tipviz conoce, pero la fuente de este gráfico no tiene capítulo \
                 para ese país: solo contiene los capítulos por país del Informe TIP 2019 (Jamaica – Namibia)."
            ),
            "{message}"
        );
        let message = spec_in(Lang::Es, &[("country", "Atlántida")]).unwrap_err().message(Lang::Es);
        assert!(message.contains("Escriba su nombre (por ejemplo, Jamaica)"), "{message}");
    }
}
