//! `enforcement`: the law-enforcement tables (global, one region, or the six regions side by
//! side) as lines over data years. Prosecutions and convictions share a panel; victims
//! identified, an order of magnitude larger, get their own; legislation counts get a third
//! when asked for. Labor-only counts, a second edition and a log scale are options.

use crate::i18n::{self, tr, trf, Lang};
use crate::data::{Dataset, EnforcementValue, Metric, Region, Scope};
use crate::model::line::{Cite, LineChartInput, SeriesInput};
use crate::model::scale::ValueScaleKind;
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

/// Which printing of the law-enforcement table to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionChoice {
    /// The newest edition the data holds.
    Latest,
    Edition(u16),
    /// The two newest editions together, for the years both print, revisions marked.
    Compare,
}

/// Which rows: one table, or every region's table as small multiples of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    One(Scope),
    Regions,
}

/// Total counts, the labor-trafficking part the tables print in parentheses, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labor {
    Total,
    Labor,
    Both,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnforcementSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    pub rows: Rows,
    pub edition: EditionChoice,
    /// The quantities asked for, as totals (labor-only parts follow from `labor`).
    pub metrics: Vec<Metric>,
    pub labor: Labor,
    /// Inclusive data-year range; `None` for every year the edition prints.
    pub years: Option<(u16, u16)>,
    pub scale: ValueScaleKind,
    /// Small multiples share one y scale (`axis="shared"`, the default) or each has its own.
    pub shared_axis: bool,
}

impl EnforcementSpec {
    /// The default view of one table.
    pub fn of(scope: Scope, edition: EditionChoice, metrics: &[Metric]) -> EnforcementSpec {
        EnforcementSpec {
            lang: Default::default(),
            rows: Rows::One(scope),
            edition,
            metrics: metrics.to_vec(),
            labor: Labor::Total,
            years: None,
            scale: ValueScaleKind::Linear,
            shared_axis: true,
        }
    }
}

pub const SCOPES: &[&str] = &[
    "global",
    "regions",
    "africa",
    "east-asia-pacific",
    "europe",
    "near-east",
    "south-central-asia",
    "western-hemisphere",
];
pub const METRICS: &[&str] = &["prosecutions", "convictions", "victims", "legislation"];
const DEFAULT_METRICS: &[Metric] = &[Metric::Prosecutions, Metric::Convictions, Metric::Victims];

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<EnforcementSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let all_editions = editions(dataset);
    let rows = match attrs.choose("scope", SCOPES, "global")?.as_str() {
        "regions" => Rows::Regions,
        id => Rows::One(Scope::from_id(id).unwrap_or(Scope::Global)),
    };

    let mut edition_names = vec!["latest".to_owned(), "compare".to_owned()];
    for edition in &all_editions {
        edition_names.push(edition.to_string());
    }
    let mut edition_refs = Vec::with_capacity(edition_names.len());
    for name in &edition_names {
        edition_refs.push(name.as_str());
    }
    let edition = match attrs.choose("edition", &edition_refs, "latest")?.as_str() {
        "latest" => EditionChoice::Latest,
        "compare" => EditionChoice::Compare,
        year => EditionChoice::Edition(year.parse().unwrap_or_default()),
    };

    // `metric` (singular) is accepted too, as the regions view shows one.
    let metric_attribute = if attrs.given("metrics").is_none() && attrs.given("metric").is_some() { "metric" } else { "metrics" };
    let metrics: Vec<Metric> = match attrs.list(metric_attribute, METRICS)? {
        None if rows == Rows::Regions => vec![Metric::Prosecutions],
        None => DEFAULT_METRICS.to_vec(),
        Some(words) => {
            let mut metrics = Vec::with_capacity(words.len());
            for word in &words {
                metrics.extend(Metric::from_id(word));
            }
            metrics
        }
    };
    if rows == Rows::Regions && metrics.len() > 1 {
        let given = attrs.given(metric_attribute).unwrap_or_default();
        return Err(SpecError::new(metric_attribute, given, METRICS).because(tr!(
            lang,
            "scope=\"regions\" draws one metric per chart; name one",
            "scope=\"regions\" trace une seule mesure par graphique ; n'en nommez qu'une",
            "scope=\"regions\" dibuja una sola medida por gráfico; nombre solo una"
        )));
    }

    let labor = match attrs.choose("labor", &["total", "labor", "both"], "total")?.as_str() {
        "labor" => Labor::Labor,
        "both" => Labor::Both,
        _ => Labor::Total,
    };
    let scale = match attrs.choose("scale", &["linear", "log"], "linear")?.as_str() {
        "log" => ValueScaleKind::Log,
        _ => ValueScaleKind::Linear,
    };
    let shared_axis = attrs.choose("axis", &["shared", "independent"], "shared")? == "shared";

    let mut spec = EnforcementSpec { lang, rows, edition, metrics, labor, years: None, scale, shared_axis };
    if let Some(text) = attrs.given("years") {
        let printed = data_years(dataset, &EnforcementSpec { years: None, ..spec.clone() });
        let span = format!("{}–{}", printed.first().unwrap_or(&0), printed.last().unwrap_or(&0));
        let example = trf!(lang,
            "a year or a range within {0}, such as {0}",
            "une année ou une période comprise dans {0}, par exemple {0}",
            "un año o un intervalo dentro de {0}, por ejemplo {0}";
            span);
        let bad = |why: &str| SpecError::new("years", text, &[example.as_str()]).because(why);
        let (from, to) = parse_year_range(text).ok_or_else(|| {
            bad(tr!(
                lang,
                "write a year (2020) or a range (2019-2023)",
                "écrivez une année (2020) ou une période (2019-2023)",
                "escriba un año (2020) o un intervalo (2019-2023)"
            ))
        })?;
        if !printed.iter().any(|y| (from..=to).contains(y)) {
            return Err(bad(tr!(
                lang,
                "no year in that range is in this table",
                "aucune année de cette période ne figure dans ce tableau",
                "ningún año de ese intervalo figura en esta tabla"
            )));
        }
        spec.years = Some((from, to));
    }
    Ok(spec)
}

/// `2020`, `2019-2023`, `2019–2023`, `2019..2023` or `2019 to 2023`, either order.
fn parse_year_range(text: &str) -> Option<(u16, u16)> {
    let cleaned = text.replace(['–', '—'], "-").replace("..", "-").to_ascii_lowercase().replace(" to ", "-");
    let mut parts = cleaned.split('-').map(str::trim);
    let year = |s: &str| s.parse::<u16>().ok().filter(|y| (1900..=2200).contains(y));
    let from = year(parts.next()?)?;
    let to = match parts.next() {
        None => from,
        Some(t) => year(t)?,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((from.min(to), from.max(to)))
}

/// The panels, in drawing order: the metrics each holds.
const PANELS: &[&[Metric]] = &[
    &[Metric::Prosecutions, Metric::ProsecutionsLabor, Metric::Convictions, Metric::ConvictionsLabor],
    &[Metric::Victims, Metric::VictimsLabor],
    &[Metric::Legislation],
];

/// A panel's title: its metrics' names.
fn panel_title(panel: usize, lang: Lang) -> &'static str {
    match panel {
        0 => tr!(lang, "Prosecutions and convictions", "Poursuites et condamnations", "Procesamientos y condenas"),
        _ => i18n::metric(PANELS[panel][0], lang),
    }
}

/// Each quantity keeps its colour and marker in every combination of metrics; labor-only
/// counts share their total's colour and are drawn dashed.
fn style_of(metric: Metric) -> usize {
    match metric {
        Metric::Prosecutions | Metric::ProsecutionsLabor => 0,
        Metric::Convictions | Metric::ConvictionsLabor => 1,
        Metric::Victims | Metric::VictimsLabor => 2,
        Metric::Legislation => 3,
    }
}

fn panel_of(metric: Metric) -> usize {
    PANELS.iter().position(|ms| ms.contains(&metric)).unwrap_or(0)
}

fn labor_part(metric: Metric) -> Option<Metric> {
    match metric {
        Metric::Prosecutions => Some(Metric::ProsecutionsLabor),
        Metric::Convictions => Some(Metric::ConvictionsLabor),
        Metric::Victims => Some(Metric::VictimsLabor),
        _ => None,
    }
}

/// The columns drawn for one requested metric: (column, is the labor-only part).
/// Legislation has no labor part and is always its total.
fn columns(metric: Metric, labor: Labor) -> Vec<(Metric, bool)> {
    match (labor, labor_part(metric)) {
        (Labor::Labor, Some(part)) => vec![(part, true)],
        (Labor::Both, Some(part)) => vec![(metric, false), (part, true)],
        _ => vec![(metric, false)],
    }
}

/// The editions whose law-enforcement tables the data holds, oldest first.
pub fn editions(dataset: &Dataset) -> Vec<u16> {
    // Each edition once before sorting: sorting every row's edition cost more than the chart.
    let mut editions: Vec<u16> = Vec::new();
    for v in dataset.enforcement.iter() {
        if !editions.contains(&v.edition) {
            editions.push(v.edition);
        }
    }
    crate::sort::sort(&mut editions);
    editions
}

/// The editions drawn, oldest first: one, or the two newest for `compare`.
fn chosen_editions(dataset: &Dataset, choice: EditionChoice) -> Vec<u16> {
    let all = editions(dataset);
    match choice {
        EditionChoice::Edition(year) => vec![year],
        EditionChoice::Latest => all[all.len().saturating_sub(1)..].to_vec(),
        EditionChoice::Compare => all[all.len().saturating_sub(2)..].to_vec(),
    }
}

fn scopes(rows: Rows) -> Vec<Scope> {
    match rows {
        Rows::One(scope) => vec![scope],
        Rows::Regions => {
            let mut all = Vec::with_capacity(Region::ALL.len());
            for &region in Region::ALL.iter() {
                all.push(Scope::Region(region));
            }
            all
        }
    }
}

fn all_columns(spec: &EnforcementSpec) -> Vec<Metric> {
    let mut all = Vec::new();
    for &m in &spec.metrics {
        for (column, _) in columns(m, spec.labor) {
            all.push(column);
        }
    }
    all
}

/// The data years drawn: those every drawn edition prints (so a comparison is like for like),
/// within the `years` range.
fn data_years(dataset: &Dataset, spec: &EnforcementSpec) -> Vec<u16> {
    let scopes = scopes(spec.rows);
    let metrics = all_columns(spec);
    let chosen = chosen_editions(dataset, spec.edition);
    let years_of = |edition: u16| -> Vec<u16> {
        let mut years: Vec<u16> = Vec::new();
        for v in dataset.enforcement.iter() {
            if v.edition == edition && scopes.contains(&v.scope) && metrics.contains(&v.metric) {
                years.push(v.year);
            }
        }
        crate::sort::sort(&mut years);
        years.dedup();
        years
    };
    let mut years = chosen.first().map(|e| years_of(*e)).unwrap_or_default();
    for e in chosen.iter().skip(1) {
        let other = years_of(*e);
        years.retain(|y| other.contains(y));
    }
    if let Some((from, to)) = spec.years {
        years.retain(|y| (from..=to).contains(y));
    }
    years
}

/// The cells the chart draws for its [`data_years`] (which the caller has already worked out),
/// in (scope, metric order of the spec, edition, year) order.
fn cells<'d>(dataset: &'d Dataset, spec: &EnforcementSpec, years: &[u16]) -> Vec<&'d EnforcementValue> {
    let scopes = scopes(spec.rows);
    let metrics = all_columns(spec);
    let chosen = chosen_editions(dataset, spec.edition);
    let mut cells: Vec<&EnforcementValue> = Vec::new();
    for v in dataset.enforcement.iter() {
        let drawn = chosen.contains(&v.edition) && scopes.contains(&v.scope);
        if drawn && metrics.contains(&v.metric) && years.contains(&v.year) {
            cells.push(v);
        }
    }
    let position = |list: &[Metric], m: Metric| list.iter().position(|x| *x == m);
    crate::sort::sort_by_key(&mut cells, |v| (v.scope, position(&metrics, v.metric), v.edition, v.year));
    cells
}

/// `Global` or a region's name.
fn scope_name(scope: Scope, lang: Lang) -> &'static str {
    match scope {
        Scope::Global => tr!(lang, "Global", "Monde", "Mundo"),
        Scope::Region(r) => i18n::region(r, lang),
    }
}

fn cite(dataset: &Dataset, v: &EnforcementValue) -> Cite {
    Cite {
        edition: v.edition,
        file: dataset.source(v.source).file.clone(),
        line: v.source.line,
        printed: v.printed.as_deref().map(str::to_owned),
        note: v.note.to_string(),
    }
}

pub fn line_input(dataset: &Dataset, spec: &EnforcementSpec) -> LineChartInput {
    let lang = spec.lang;
    let chosen = chosen_editions(dataset, spec.edition);
    let compare = chosen.len() > 1;
    let years = data_years(dataset, spec);
    let cells = cells(dataset, spec, &years);
    let regions = spec.rows == Rows::Regions;

    // Stacked view: only the panels that hold a requested metric, renumbered in order.
    // Regions view: one panel per region.
    let mut used_panels: Vec<usize> = Vec::with_capacity(spec.metrics.len());
    for &m in &spec.metrics {
        used_panels.push(panel_of(m));
    }
    crate::sort::sort(&mut used_panels);
    used_panels.dedup();
    let mut panel_titles: Vec<String> = Vec::new();
    if regions {
        for &r in Region::ALL {
            panel_titles.push(i18n::region(r, lang).to_owned());
        }
    } else {
        for &p in &used_panels {
            panel_titles.push(panel_title(p, lang).to_owned());
        }
    }

    let mut series: Vec<SeriesInput> = Vec::new();
    for (scope_index, scope) in scopes(spec.rows).into_iter().enumerate() {
        for &metric in &spec.metrics {
            // Per drawn edition, the index of its total series: the labor part's "share of".
            let mut totals: Vec<Option<usize>> = vec![None; chosen.len()];
            for (column, is_labor_part) in columns(metric, spec.labor) {
                let mut older_index = None;
                for (k, &edition) in chosen.iter().enumerate() {
                    let mut values = Vec::with_capacity(years.len());
                    for &y in &years {
                        let found = cells
                            .iter()
                            .find(|v| v.scope == scope && v.metric == column && v.edition == edition && v.year == y);
                        values.push(found.map(|v| (v.value, cite(dataset, v))));
                    }
                    let named = |name: &str| {
                        if compare {
                            trf!(lang, "{0}, {1} edition", "{0}, édition {1}", "{0}, edición {1}"; name, edition.to_string())
                        } else {
                            name.to_owned()
                        }
                    };
                    let group = if compare { format!("{}@{edition}", column.id()) } else { column.id().to_owned() };
                    let group_label = named(i18n::metric(column, lang));
                    let label = if regions { named(scope_name(scope, lang)) } else { group_label.clone() };
                    let label = if regions && is_labor_part {
                        trf!(lang, "{0} (labor only)", "{0} (travail forcé seul)", "{0} (solo trabajo forzoso)"; label)
                    } else {
                        label
                    };
                    let panel = if regions {
                        scope_index
                    } else {
                        used_panels.iter().position(|p| *p == panel_of(column)).unwrap_or(0)
                    };
                    let mut s = SeriesInput::new(&group, &label, panel, style_of(column), values);
                    s.group_label = group_label;
                    s.dashed = is_labor_part;
                    s.hollow = compare && Some(&edition) == chosen.first();
                    s.revises = if compare { older_index } else { None };
                    s.share_of = if is_labor_part { totals[k] } else { None };
                    if !is_labor_part {
                        totals[k] = Some(series.len());
                    }
                    older_index = Some(series.len());
                    series.push(s);
                }
            }
        }
    }

    let title = match spec.rows {
        Rows::One(Scope::Global) => tr!(
            lang,
            "Global law-enforcement data",
            "Application de la loi dans le monde",
            "Aplicación de la ley en el mundo"
        )
        .to_owned(),
        Rows::One(scope) => trf!(lang,
            "{0} law-enforcement data",
            "Application de la loi : {0}",
            "Aplicación de la ley: {0}";
            scope_name(scope, lang)),
        Rows::Regions => {
            let metric = spec.metrics.first().map_or("", |&m| i18n::metric(m, lang));
            trf!(lang, "{0} by region", "{0} par région", "{0} por región"; metric)
        }
    };
    let printed_in = match chosen.as_slice() {
        [one] => trf!(lang,
            "As printed in the {0}",
            "Tel que publié dans le {0}",
            "Tal como se publicó en el {0}";
            i18n::tip_report(*one, lang)),
        [old, new] => trf!(lang,
            "As printed in the {0} and {1} TIP Reports, for the years both print",
            "Tel que publié dans les Rapports TIP {0} et {1}, pour les années publiées dans les deux",
            "Tal como se publicó en los Informes TIP {0} y {1}, para los años que publican ambos";
            old.to_string(), new.to_string()),
        _ => String::new(),
    };
    let mut notes = vec![trf!(lang,
        "{0} (data years {1})",
        "{0} (années de données {1})",
        "{0} (años de datos {1})";
        printed_in, year_span(&years, lang))];
    // The earlier edition's hollow markers lie under the later one's filled markers wherever
    // the two print the same value: without this the legend names lines nobody can see.
    if let [old, new] = chosen.as_slice() {
        notes.push(trf!(lang,
            "where the two agree, the {1} edition's lines cover the {0} edition's",
            "là où les deux concordent, les lignes de l'édition {1} recouvrent celles de l'édition {0}",
            "donde ambas coinciden, las líneas de la edición {1} cubren las de la edición {0}";
            old.to_string(), new.to_string()));
    }
    if spec.scale == ValueScaleKind::Log {
        notes.push(tr!(lang, "log scale", "échelle logarithmique", "escala logarítmica").into());
    }
    if regions {
        notes.push(if spec.shared_axis {
            tr!(lang, "one scale for all regions", "même échelle pour toutes les régions", "una escala para todas las regiones").into()
        } else {
            tr!(lang, "each region on its own scale", "chaque région à sa propre échelle", "cada región con su propia escala").into()
        });
    }

    LineChartInput {
        lang: spec.lang,
        title,
        subtitle: notes.join(tr!(lang, "; ", " ; ", "; ")),
        years,
        panel_titles,
        series,
        scale: spec.scale,
        grid: regions,
        shared_y: regions && spec.shared_axis,
    }
}

fn year_span(years: &[u16], lang: Lang) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => tr!(lang, "none", "aucune", "ninguno").into(),
    }
}

pub const CSV_COLUMNS: &[&str] =
    &["edition", "scope", "year", "metric", "value", "printed", "note", "source_file", "source_line"];

/// One row per drawn value, with its source, so a download can be checked against the report.
pub fn table(dataset: &Dataset, spec: &EnforcementSpec) -> DataTable {
    let mut rows = Vec::new();
    for v in cells(dataset, spec, &data_years(dataset, spec)) {
        rows.push(vec![
            v.edition.to_string(),
            v.scope.id().to_owned(),
            v.year.to_string(),
            v.metric.id().to_owned(),
            v.value.to_string(),
            v.printed.as_deref().unwrap_or_default().to_owned(),
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
    use crate::model::line::{LineChart, Size};
    use crate::model::spec::{parse as parse_spec, ChartSpec};

    const THREE: &[Metric] = &[Metric::Prosecutions, Metric::Convictions, Metric::Victims];

    fn spec(edition: EditionChoice) -> EnforcementSpec {
        EnforcementSpec::of(Scope::Global, edition, THREE)
    }

    /// The enforcement spec the attributes give, or the error.
    fn parsed(pairs: &[(&str, &str)]) -> Result<EnforcementSpec, SpecError> {
        let mut attributes = vec![("chart".to_owned(), "enforcement".to_owned())];
        attributes.extend(pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        match parse_spec(&attributes, dataset())?.chart {
            ChartSpec::Enforcement(e) => Ok(e),
            other => panic!("not an enforcement spec: {other:?}"),
        }
    }

    fn laid_out(spec: &EnforcementSpec, width_css: f64) -> LineChart {
        LineChart::layout(&line_input(dataset(), spec), Size { width_css, height_css: 600.0, dpr: 1.0 }, &[])
    }

    fn readout_of(spec: &EnforcementSpec, year: u16) -> Vec<String> {
        let chart = laid_out(spec, 800.0);
        let index = chart.years.iter().position(|y| *y == year).unwrap();
        chart.readout(index).unwrap().values
    }

    #[test]
    fn default_view_is_the_2025_global_table_2018_to_2024() {
        let input = line_input(dataset(), &spec(EditionChoice::Latest));
        assert_eq!(input.years, (2018..=2024).collect::<Vec<_>>());
        assert_eq!(input.panel_titles, vec!["Prosecutions and convictions", "Victims identified"]);
        let prosecutions = &input.series[0];
        assert_eq!(prosecutions.key, "prosecutions");
        let (value, cite) = prosecutions.values[6].as_ref().unwrap();
        assert_eq!(*value, 15_791);
        assert_eq!((cite.edition, cite.file.as_str(), cite.line), (2025, "001_bb56f66af96aedbd.txt", 789));
        assert!(!input.grid && input.scale == ValueScaleKind::Linear);
    }

    #[test]
    fn attributes_parse_case_and_space_insensitively() {
        let e = parsed(&[("Scope", "AFRICA"), ("edition", " 2024"), ("metrics", "Victims, convictions")]).unwrap();
        assert_eq!(e.rows, Rows::One(Scope::Region(Region::Africa)));
        assert_eq!(e.edition, EditionChoice::Edition(2024));
        assert_eq!(e.metrics, vec![Metric::Victims, Metric::Convictions]);
        let e = parsed(&[("edition", "Compare"), ("labor", "BOTH"), ("scale", "log"), ("years", "2019 – 2021")]).unwrap();
        assert_eq!((e.edition, e.labor, e.scale, e.years), (EditionChoice::Compare, Labor::Both, ValueScaleKind::Log, Some((2019, 2021))));
    }

    #[test]
    fn bad_values_name_the_attribute_and_what_is_accepted() {
        let err = parsed(&[("edition", "1999")]).unwrap_err();
        assert_eq!(err.attribute, "edition");
        assert_eq!(err.accepted, vec!["latest", "compare", "2024", "2025"]);
        let err = parsed(&[("metrics", "victims,arrests")]).unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("metrics", "arrests"));
        let err = parsed(&[("labor", "forced")]).unwrap_err();
        assert_eq!(err.message(Lang::En), "labor=\"forced\" is not a value tipviz knows. Accepted values: total, labor, both.");
        let err = parsed(&[("scale", "sqrt")]).unwrap_err();
        assert_eq!(err.accepted, vec!["linear", "log"]);
        let err = parsed(&[("axis", "left")]).unwrap_err();
        assert_eq!(err.attribute, "axis");
    }

    #[test]
    fn years_outside_the_table_or_not_years_are_explained() {
        let err = parsed(&[("years", "2030-2032")]).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "years=\"2030-2032\" cannot be used: no year in that range is in this table. \
             Accepted values: a year or a range within 2018–2024, such as 2018–2024."
        );
        let err = parsed(&[("years", "last five")]).unwrap_err();
        assert!(err.message(Lang::En).contains("write a year (2020) or a range (2019-2023)"), "{}", err.message(Lang::En));
        let e = parsed(&[("years", "2021..2019")]).unwrap();
        assert_eq!(line_input(dataset(), &e).years, vec![2019, 2020, 2021]);
    }

    #[test]
    fn the_2024_edition_keeps_its_own_values_for_2023() {
        let input = line_input(dataset(), &spec(EditionChoice::Edition(2024)));
        assert_eq!(input.years, (2017..=2023).collect::<Vec<_>>());
        let convictions = &input.series[1];
        assert_eq!(convictions.values[6].as_ref().unwrap().0, 7_115);
        let latest = line_input(dataset(), &spec(EditionChoice::Latest));
        assert_eq!(latest.series[1].values[5].as_ref().unwrap().0, 7_145);
    }

    #[test]
    fn compare_draws_both_editions_for_the_years_both_print_and_names_revisions() {
        let input = line_input(dataset(), &spec(EditionChoice::Compare));
        assert_eq!(input.years, (2018..=2023).collect::<Vec<_>>());
        let keys: Vec<&str> = input.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys[..2], ["prosecutions@2024", "prosecutions@2025"]);
        assert!(input.series[0].hollow && !input.series[1].hollow);
        assert_eq!(input.series[1].revises, Some(0));
        assert_eq!(
            input.subtitle,
            "As printed in the 2024 and 2025 TIP Reports, for the years both print (data years 2018–2023); \
             where the two agree, the 2025 edition's lines cover the 2024 edition's"
        );

        let values = readout_of(&spec(EditionChoice::Compare), 2023);
        assert!(values.contains(&"Convictions, 2024 edition: 7,115".to_owned()), "{values:?}");
        assert!(values.contains(&"Convictions, 2025 edition: 7,145, revised from 7,115 in the 2024 edition".to_owned()), "{values:?}");
        // French and Spanish say what the earlier value was, not a list of two values.
        let french = readout_of(&parsed(&[("edition", "compare"), ("lang", "fr")]).unwrap(), 2023);
        assert!(french.iter().any(|v| v.ends_with("7\u{202f}145, révisé (contre 7\u{202f}115 dans l'édition 2024)")), "{french:?}");
        let spanish = readout_of(&parsed(&[("edition", "compare"), ("lang", "es")]).unwrap(), 2023);
        assert!(spanish.iter().any(|v| v.ends_with("7145, revisado (frente a 7115 en la edición 2024)")), "{spanish:?}");

        let chart = laid_out(&spec(EditionChoice::Compare), 800.0);
        let convictions_2025 = chart.series.iter().find(|s| s.key == "convictions@2025").unwrap();
        assert!(convictions_2025.points.last().unwrap().revised);
        assert!(chart.legend.iter().any(|e| e.mark == crate::model::line::LegendMark::RevisionFrame));
        let summary = input.summary();
        assert!(summary.contains("values both editions print differ between them"), "{summary}");
    }

    #[test]
    fn compare_keeps_the_correction_and_shows_both_printings() {
        // 2019 victims: the 2025 edition printed 111,932; the dataset corrects it to 118,932.
        let values = readout_of(&spec(EditionChoice::Compare), 2019);
        let victims_2025 = values.iter().find(|v| v.starts_with("Victims identified, 2025 edition")).unwrap();
        // The reason in brief: the CSV keeps the whole note, with its line numbers.
        assert!(victims_2025.ends_with("118,932 (printed as 111,932; misprint)"), "{victims_2025}");
        // In French and Spanish the kind of correction is in their words.
        let french = readout_of(&parsed(&[("lang", "fr")]).unwrap(), 2019);
        assert!(french.iter().any(|v| v.ends_with("(imprimé : 111\u{202f}932 ; coquille)")), "{french:?}");
        let spanish = readout_of(&parsed(&[("lang", "es")]).unwrap(), 2019);
        assert!(spanish.iter().any(|v| v.ends_with("(impreso: 111.932; errata)")), "{spanish:?}");
        assert!(values.iter().any(|v| v.starts_with("Victims identified, 2024 edition: ")), "{values:?}");
    }

    #[test]
    fn labor_options_choose_the_parts_and_give_the_share() {
        let mut both = spec(EditionChoice::Latest);
        both.labor = Labor::Both;
        let input = line_input(dataset(), &both);
        let keys: Vec<&str> = input.series.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["prosecutions", "prosecutions_labor", "convictions", "convictions_labor", "victims", "victims_labor"]);
        assert!(input.series[1].dashed && !input.series[0].dashed);
        assert_eq!(input.series[1].share_of, Some(0));
        let values = readout_of(&both, 2024);
        let labor = values.iter().find(|v| v.starts_with("Prosecutions (labor only): ")).unwrap();
        assert!(labor.ends_with("% of the total)"), "{labor}");

        let mut only = EnforcementSpec::of(Scope::Global, EditionChoice::Latest, &[Metric::Victims, Metric::Legislation]);
        only.labor = Labor::Labor;
        let keys: Vec<String> = line_input(dataset(), &only).series.into_iter().map(|s| s.key).collect();
        assert_eq!(keys, ["victims_labor", "legislation"], "legislation has no labor part and stays as printed");
    }

    #[test]
    fn regions_are_small_multiples_of_one_metric() {
        let e = parsed(&[("scope", "regions"), ("metrics", "convictions")]).unwrap();
        let input = line_input(dataset(), &e);
        assert!(input.grid && input.shared_y);
        assert_eq!(input.panel_titles.len(), 6);
        assert_eq!(input.series.len(), 6);
        assert_eq!(input.series[2].label, "Europe");
        assert_eq!(input.title, "Convictions by region");
        // Shared scale: every panel has the same top tick.
        let chart = laid_out(&e, 1000.0);
        let tops: Vec<&str> = chart.panels.iter().map(|p| p.ticks.last().unwrap().label.as_str()).collect();
        assert!(tops.windows(2).all(|w| w[0] == w[1]), "{tops:?}");
        let own = parsed(&[("scope", "regions"), ("metric", "convictions"), ("axis", "independent")]).unwrap();
        let chart = laid_out(&own, 1000.0);
        let tops: Vec<&str> = chart.panels.iter().map(|p| p.ticks.last().unwrap().label.as_str()).collect();
        assert!(tops.windows(2).any(|w| w[0] != w[1]), "{tops:?}");

        let err = parsed(&[("scope", "regions"), ("metrics", "convictions,victims")]).unwrap_err();
        assert!(err.message(Lang::En).contains("scope=\"regions\" draws one metric per chart"), "{}", err.message(Lang::En));
    }

    #[test]
    fn small_multiples_reflow_with_the_width() {
        let e = parsed(&[("scope", "regions")]).unwrap();
        let columns = |width: f64| {
            let chart = laid_out(&e, width);
            let mut lefts: Vec<i64> = chart.panels.iter().map(|p| p.left_dev as i64).collect();
            crate::sort::sort(&mut lefts);
            lefts.dedup();
            lefts.len()
        };
        assert_eq!((columns(1000.0), columns(640.0), columns(360.0)), (3, 2, 1));
        // Hovering a year in the last panel reads every region's value for that year.
        let chart = laid_out(&e, 1000.0);
        let last = chart.panels.last().unwrap();
        let x = last.x.position_from_index(2);
        assert_eq!(chart.year_at(x, last.top_dev + 5.0), Some(2));
        assert_eq!(chart.readout(2).unwrap().values.len(), 6);
    }

    #[test]
    fn a_log_scale_puts_decades_on_the_axis() {
        let mut log = spec(EditionChoice::Latest);
        log.scale = ValueScaleKind::Log;
        let chart = laid_out(&log, 800.0);
        let labels: Vec<&str> = chart.panels[1].ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["10k", "20k", "50k", "100k", "200k"]);
        assert!(chart.subtitle.ends_with("; log scale"));
    }

    #[test]
    fn hiding_a_group_removes_its_line_and_rescales_the_panel() {
        let input = line_input(dataset(), &spec(EditionChoice::Latest));
        let size = Size { width_css: 800.0, height_css: 600.0, dpr: 1.0 };
        let all = LineChart::layout(&input, size, &[]);
        let hidden = LineChart::layout(&input, size, &["prosecutions".to_owned()]);
        assert_eq!(hidden.series.len(), 2);
        let top = |c: &LineChart| c.panels[0].ticks.last().unwrap().label.clone();
        assert_eq!((top(&all), top(&hidden)), ("20k".to_owned(), "10k".to_owned()));
        assert!(hidden.readout(0).unwrap().values.iter().all(|v| !v.starts_with("Prosecutions")));
        let toggles = hidden.toggle_targets();
        assert_eq!(toggles.len(), 3);
        assert_eq!((toggles[0].key.as_str(), toggles[0].shown), ("prosecutions", false));
    }

    #[test]
    fn the_corrected_2019_victims_value_keeps_what_was_printed() {
        let input = line_input(dataset(), &spec(EditionChoice::Latest));
        let (value, cite) = input.series[2].values[1].as_ref().unwrap();
        assert_eq!(*value, 118_932);
        assert_eq!(cite.printed.as_deref(), Some("111932"));
        assert!(cite.note.starts_with("corrected:"));
    }

    #[test]
    fn the_summary_says_what_is_shown_and_how_each_series_moved() {
        let summary = line_input(dataset(), &spec(EditionChoice::Latest)).summary();
        assert!(summary.starts_with("Global law-enforcement data, 2018 to 2024. As printed in the 2025 TIP Report"), "{summary}");
        assert!(summary.contains("Prosecutions rose from 11,096 in 2018 to 15,791 in 2024."), "{summary}");
        assert!(summary.contains("Victims identified rose from 85,613 in 2018 to 102,027 in 2024."), "{summary}");
    }

    #[test]
    fn a_metric_keeps_its_style_whatever_is_shown_with_it() {
        let all = line_input(dataset(), &spec(EditionChoice::Latest));
        let alone = line_input(dataset(), &EnforcementSpec::of(Scope::Global, EditionChoice::Latest, &[Metric::Victims]));
        assert_eq!(alone.series[0].style, all.series.iter().find(|s| s.key == "victims").unwrap().style);
    }

    #[test]
    fn csv_rows_match_drawn_values() {
        let table = table(dataset(), &spec(EditionChoice::Latest));
        assert_eq!(table.rows.len(), 3 * 7);
        assert_eq!(table.rows[0][..5], ["2025", "global", "2018", "prosecutions", "11096"]);
        let compare = table_for(&spec(EditionChoice::Compare));
        assert_eq!(compare.rows.len(), 3 * 6 * 2, "both editions, the six shared years");
        let regions = table_for(&parsed(&[("scope", "regions"), ("labor", "both"), ("years", "2024")]).unwrap());
        assert_eq!(regions.rows.len(), 6 * 2);
        assert!(regions.rows.iter().all(|r| r[2] == "2024"));
    }

    fn table_for(spec: &EnforcementSpec) -> DataTable {
        table(dataset(), spec)
    }
}

#[cfg(test)]
mod translated {
    use super::*;
    use crate::charts::dataset_in;
    use crate::model::line::{LineChart, Size};
    use crate::model::spec::{attrs, parse as parse_spec, ChartSpec};

    /// The spec `chart="enforcement"` and the attributes give in `lang`, or the error.
    fn parsed(lang: Lang, pairs: &[(&str, &str)]) -> Result<EnforcementSpec, SpecError> {
        let code = match lang {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        };
        let mut all = vec![("chart", "enforcement"), ("lang", code)];
        all.extend_from_slice(pairs);
        match parse_spec(&attrs(&all), dataset_in(lang))?.chart {
            ChartSpec::Enforcement(e) => Ok(e),
            other => panic!("not an enforcement spec: {other:?}"),
        }
    }

    #[test]
    fn french_titles_panels_and_readouts() {
        let e = parsed(Lang::Fr, &[("edition", "compare")]).unwrap();
        let input = line_input(dataset_in(Lang::Fr), &e);
        assert_eq!(input.title, "Application de la loi dans le monde");
        assert_eq!(
            input.subtitle,
            "Tel que publié dans les Rapports TIP 2024 et 2025, pour les années publiées dans les deux \
             (années de données 2018–2023) ; là où les deux concordent, les lignes de l'édition 2025 recouvrent \
             celles de l'édition 2024"
        );
        assert_eq!(input.panel_titles, ["Poursuites et condamnations", "Victimes identifiées"]);
        let chart = LineChart::layout(&input, Size { width_css: 800.0, height_css: 600.0, dpr: 1.0 }, &[]);
        let values = chart.readout(0).unwrap().values;
        assert!(values.iter().any(|v| v.starts_with("Condamnations, édition 2024") && v.ends_with("7\u{202f}481")), "{values:?}");

        let africa = parsed(Lang::Fr, &[("scope", "africa"), ("scale", "log")]).unwrap();
        let input = line_input(dataset_in(Lang::Fr), &africa);
        assert_eq!(input.title, "Application de la loi : Afrique");
        assert!(input.subtitle.ends_with(" ; échelle logarithmique"), "{}", input.subtitle);
    }

    #[test]
    fn spanish_regions_and_labor_parts() {
        let e = parsed(Lang::Es, &[("scope", "regions"), ("metric", "convictions"), ("labor", "both")]).unwrap();
        let input = line_input(dataset_in(Lang::Es), &e);
        assert_eq!(input.title, "Condenas por región");
        assert_eq!(input.panel_titles[3], "Cercano Oriente");
        let labels: Vec<&str> = input.series.iter().take(2).map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["África", "África (solo trabajo forzoso)"]);
        assert!(input.subtitle.ends_with("; una escala para todas las regiones"), "{}", input.subtitle);
    }

    #[test]
    fn errors_explain_themselves_in_the_readers_language() {
        let err = parsed(Lang::Es, &[("years", "pronto")]).unwrap_err();
        assert_eq!(
            err.message(Lang::Es),
            "years=\"pronto\" no se puede usar: escriba un año (2020) o un intervalo (2019-2023). \
             Valores aceptados: un año o un intervalo dentro de 2018–2024, por ejemplo 2018–2024."
        );
        let err = parsed(Lang::Fr, &[("scope", "regions"), ("metrics", "victims,convictions")]).unwrap_err();
        assert!(err.message(Lang::Fr).contains("trace une seule mesure par graphique ; n'en nommez qu'une"));
        let err = parsed(Lang::Fr, &[("view", "timeline")]).unwrap_err();
        assert_eq!(
            err.message(Lang::Fr),
            "view=\"timeline\" ne peut pas servir : seul chart=\"ratifications\" a une vue chronologique. \
             Valeurs acceptées : chart, table."
        );
    }
}
