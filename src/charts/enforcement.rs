//! `enforcement`: the law-enforcement table of one edition (global or one region) as lines
//! over data years. Prosecutions and convictions share a panel; victims identified, an order
//! of magnitude larger, get their own; legislation counts get a third when asked for.

use crate::data::{Dataset, EnforcementValue, Metric, Scope};
use crate::model::line::{Cite, LineChartInput, SeriesInput};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnforcementSpec {
    pub scope: Scope,
    pub edition: EditionChoice,
    pub metrics: Vec<Metric>,
}

pub const SCOPES: &[&str] =
    &["global", "africa", "east-asia-pacific", "europe", "near-east", "south-central-asia", "western-hemisphere"];
pub const METRICS: &[&str] = &["prosecutions", "convictions", "victims", "legislation"];

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<EnforcementSpec, SpecError> {
    let scope = Scope::from_id(&attrs.choose("scope", SCOPES, "global")?).unwrap_or(Scope::Global);

    let edition_names: Vec<String> =
        std::iter::once("latest".to_owned()).chain(editions(dataset).iter().map(u16::to_string)).collect();
    let edition_refs: Vec<&str> = edition_names.iter().map(String::as_str).collect();
    let edition = match attrs.choose("edition", &edition_refs, "latest")?.as_str() {
        "latest" => EditionChoice::Latest,
        year => EditionChoice::Edition(year.parse().unwrap_or_default()),
    };

    let metrics = match attrs.list("metrics", METRICS)? {
        None => vec![Metric::Prosecutions, Metric::Convictions, Metric::Victims],
        Some(words) => words.iter().filter_map(|w| Metric::from_id(w)).collect(),
    };
    Ok(EnforcementSpec { scope, edition, metrics })
}

/// The panels, in drawing order, and which metrics each holds.
const PANELS: &[(&str, &[Metric])] = &[
    ("Prosecutions and convictions", &[Metric::Prosecutions, Metric::ProsecutionsLabor, Metric::Convictions, Metric::ConvictionsLabor]),
    ("Victims identified", &[Metric::Victims, Metric::VictimsLabor]),
    ("New or amended legislation", &[Metric::Legislation]),
];

/// Each quantity keeps its colour and marker in every combination of metrics; labor-only
/// counts share their total's colour (they are told apart by the legend and the panel).
fn style_of(metric: Metric) -> usize {
    match metric {
        Metric::Prosecutions | Metric::ProsecutionsLabor => 0,
        Metric::Convictions | Metric::ConvictionsLabor => 1,
        Metric::Victims | Metric::VictimsLabor => 2,
        Metric::Legislation => 3,
    }
}

fn panel_of(metric: Metric) -> usize {
    PANELS.iter().position(|(_, ms)| ms.contains(&metric)).unwrap_or(0)
}

/// The editions whose law-enforcement tables the data holds, oldest first.
pub fn editions(dataset: &Dataset) -> Vec<u16> {
    let mut editions: Vec<u16> = dataset.enforcement.iter().map(|v| v.edition).collect();
    editions.sort_unstable();
    editions.dedup();
    editions
}

pub fn resolve_edition(dataset: &Dataset, choice: EditionChoice) -> u16 {
    match choice {
        EditionChoice::Edition(year) => year,
        EditionChoice::Latest | EditionChoice::Compare => editions(dataset).last().copied().unwrap_or_default(),
    }
}

/// The printed cells the chart draws, in (metric order of the spec, year) order.
fn cells<'d>(dataset: &'d Dataset, spec: &EnforcementSpec) -> Vec<&'d EnforcementValue> {
    let edition = resolve_edition(dataset, spec.edition);
    let mut cells: Vec<&EnforcementValue> = dataset
        .enforcement
        .iter()
        .filter(|v| v.edition == edition && v.scope == spec.scope && spec.metrics.contains(&v.metric))
        .collect();
    let order = |m: Metric| spec.metrics.iter().position(|x| *x == m);
    cells.sort_by_key(|v| (order(v.metric), v.year));
    cells
}

fn cite(dataset: &Dataset, v: &EnforcementValue) -> Cite {
    Cite {
        edition: v.edition,
        file: dataset.source(v.source).file.clone(),
        line: v.source.line,
        printed: v.printed.clone(),
        note: v.note.clone(),
    }
}

pub fn line_input(dataset: &Dataset, spec: &EnforcementSpec) -> LineChartInput {
    let edition = resolve_edition(dataset, spec.edition);
    let cells = cells(dataset, spec);
    let mut years: Vec<u16> = cells.iter().map(|v| v.year).collect();
    years.sort_unstable();
    years.dedup();

    // Only the panels that hold a requested metric, renumbered in order.
    let mut used_panels: Vec<usize> = spec.metrics.iter().map(|m| panel_of(*m)).collect();
    used_panels.sort_unstable();
    used_panels.dedup();

    let series = spec
        .metrics
        .iter()
        .map(|&metric| {
            let values = years
                .iter()
                .map(|&y| cells.iter().find(|v| v.metric == metric && v.year == y).map(|v| (v.value, cite(dataset, v))))
                .collect();
            SeriesInput {
                key: metric.id().to_owned(),
                label: metric.label().to_owned(),
                panel: used_panels.iter().position(|p| *p == panel_of(metric)).unwrap_or(0),
                style: style_of(metric),
                values,
            }
        })
        .collect();

    LineChartInput {
        title: format!("{} law-enforcement data", spec.scope.label()),
        subtitle: format!("As printed in the {edition} TIP Report (data years {})", year_span(&years)),
        years,
        panel_titles: used_panels.iter().map(|&p| PANELS[p].0.to_owned()).collect(),
        series,
    }
}

fn year_span(years: &[u16]) -> String {
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => "none".into(),
    }
}

pub const CSV_COLUMNS: &[&str] =
    &["edition", "scope", "year", "metric", "value", "printed", "note", "source_file", "source_line"];

/// One row per drawn value, with its source, so a download can be checked against the report.
pub fn table(dataset: &Dataset, spec: &EnforcementSpec) -> DataTable {
    let rows = cells(dataset, spec)
        .into_iter()
        .map(|v| {
            vec![
                v.edition.to_string(),
                v.scope.id().to_owned(),
                v.year.to_string(),
                v.metric.id().to_owned(),
                v.value.to_string(),
                v.printed.clone().unwrap_or_default(),
                v.note.clone(),
                dataset.source(v.source).file.clone(),
                v.source.line.to_string(),
            ]
        })
        .collect();
    DataTable { columns: CSV_COLUMNS.iter().map(|c| c.to_string()).collect(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{dataset, Scope};

    fn spec(edition: EditionChoice) -> EnforcementSpec {
        EnforcementSpec { scope: Scope::Global, edition, metrics: vec![Metric::Prosecutions, Metric::Convictions, Metric::Victims] }
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
        let alone = line_input(
            dataset(),
            &EnforcementSpec { scope: Scope::Global, edition: EditionChoice::Latest, metrics: vec![Metric::Victims] },
        );
        assert_eq!(alone.series[0].style, all.series.iter().find(|s| s.key == "victims").unwrap().style);
    }

    #[test]
    fn csv_rows_match_drawn_values() {
        let s = spec(EditionChoice::Latest);
        let table = table(dataset(), &s);
        assert_eq!(table.rows.len(), 3 * 7);
        assert_eq!(table.rows[0][..5], ["2025", "global", "2018", "prosecutions", "11096"]);
    }
}
