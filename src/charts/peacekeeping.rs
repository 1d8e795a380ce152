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

use crate::data::{Dataset, Org, PeacekeepingValue};
use crate::model::bars::{BarChartInput, BarGroup, BarInput};
use crate::model::format::thousands;
use crate::model::line::Cite;
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

    fn title(self) -> &'static str {
        match self {
            Metric::Personnel => "Peacekeeping and support personnel",
            Metric::Missions => "Missions",
            Metric::Allegations => "Allegations of sexual exploitation and abuse",
            Metric::Victims => "Victims identified in the allegations (of them, children)",
        }
    }
}

pub fn org_label(org: Org) -> &'static str {
    match org {
        Org::Un => "UN",
        Org::Osce => "OSCE",
        Org::Nato => "NATO",
    }
}

/// The table's other rows, read out with the allegations they describe.
const ALLEGATION_DETAILS: [(&str, &str); 5] = [
    ("accused_personnel", "personnel the allegations were made against"),
    ("missions_with_allegations", "missions in which allegations were made"),
    ("allegations_children", "allegations that affected children (a count of allegations, not of victims)"),
    ("allegations_drc", "allegations from the missions in the Democratic Republic of the Congo"),
    ("allegations_car", "allegations from the mission in the Central African Republic"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeacekeepingSpec {
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
    let mut accepted: Vec<&str> = all.iter().map(|&t| id(t)).collect();
    accepted.push("all");
    match attrs.list(name, &accepted)? {
        None => Ok(all.to_vec()),
        Some(words) if words.iter().any(|w| w == "all") => Ok(all.to_vec()),
        Some(words) => Ok(all.iter().copied().filter(|&t| words.iter().any(|w| w == id(t))).collect()),
    }
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<PeacekeepingSpec, SpecError> {
    let orgs = pick(attrs, "org", Org::ALL, Org::id)?;
    let metrics = pick(attrs, "metric", &Metric::ALL, Metric::id)?;
    let spec = PeacekeepingSpec { orgs, metrics };
    if groups(dataset, &spec).iter().all(|(_, orgs)| orgs.is_empty()) {
        let asked = attrs.given("org").unwrap_or_default();
        let with_victims: Vec<&str> = orgs_with(dataset, "victims").into_iter().map(org_label).collect();
        return Err(SpecError::new("org", asked, &["un", "osce", "nato", "all"]).because(&format!(
            "the tables give victims for the {} only",
            with_victims.join(" and the ")
        )));
    }
    Ok(spec)
}

fn orgs_with(dataset: &Dataset, metric: &str) -> Vec<Org> {
    Org::ALL.iter().copied().filter(|&o| dataset.peacekeeping.iter().any(|v| v.org == o && v.metric == metric)).collect()
}

/// Each asked metric with the organisations it has bars for: victims only where a table gives any.
fn groups(dataset: &Dataset, spec: &PeacekeepingSpec) -> Vec<(Metric, Vec<Org>)> {
    spec.metrics
        .iter()
        .map(|&metric| {
            let orgs = match metric {
                Metric::Victims => {
                    let given = orgs_with(dataset, "victims");
                    spec.orgs.iter().copied().filter(|o| given.contains(o)).collect()
                }
                _ => spec.orgs.clone(),
            };
            (metric, orgs)
        })
        .collect()
}

/// Every (edition, data year) a table exists for, oldest first.
fn editions(dataset: &Dataset) -> Vec<(u16, u16)> {
    let mut pairs: Vec<(u16, u16)> = dataset.peacekeeping.iter().map(|v| (v.edition, v.year)).collect();
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
        note: v.note.clone(),
    }
}

fn bar(dataset: &Dataset, metric: Metric, org: Org, edition: u16, year: u16) -> BarInput {
    let value = cell(dataset, edition, org, metric.id());
    let mut details = vec![format!("data year {year}, from the {edition} TIP Report")];
    let mut value_text = value.map(|v| format!("{} {}", thousands(v.value), metric.id())).unwrap_or_default();
    match metric {
        Metric::Allegations => {
            for (id, words) in ALLEGATION_DETAILS {
                if let Some(d) = cell(dataset, edition, org, id) {
                    details.push(format!("{} {words} ({})", thousands(d.value), cite(dataset, d).describe()));
                }
            }
        }
        Metric::Victims => {
            if let Some(c) = cell(dataset, edition, org, "children") {
                if value.is_some() {
                    // Short enough for a phone's value column; the heading says these are victims.
                    value_text = format!("{}, {} children", thousands(value.map_or(0, |v| v.value)), thousands(c.value));
                }
                details.push(format!("{} of the victims were children ({})", thousands(c.value), cite(dataset, c).describe()));
            }
            if let Some(c) = cell(dataset, edition, org, "allegations_children") {
                details.push(format!(
                    "{} allegations affected children: a count of allegations, not of victims ({})",
                    thousands(c.value),
                    cite(dataset, c).describe()
                ));
            }
        }
        Metric::Personnel | Metric::Missions => {}
    }
    let label = format!("{} {year}", org_label(org));
    BarInput {
        heading: format!("{}, {year}: {}", org_label(org), metric.title().to_lowercase()),
        value: value.map(|v| v.value),
        value_text: if value.is_some() { value_text } else { "not in the source".to_owned() },
        note: match value {
            Some(v) => v.note.clone(),
            None => format!("the {edition} TIP Report's table gives no {} count for the {}", metric.id(), org_label(org)),
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
    let editions = editions(dataset);
    let groups: Vec<BarGroup> = groups(dataset, spec)
        .into_iter()
        .filter(|(_, orgs)| !orgs.is_empty())
        .map(|(metric, orgs)| BarGroup {
            title: metric.title().to_owned(),
            bars: orgs
                .iter()
                .flat_map(|&org| editions.iter().map(move |&(edition, year)| (org, edition, year)))
                .map(|(org, edition, year)| bar(dataset, metric, org, edition, year))
                .collect(),
        })
        .collect();
    let who: Vec<&str> = spec.orgs.iter().map(|&o| org_label(o)).collect();
    let years: Vec<String> = editions.iter().map(|(_, y)| y.to_string()).collect();
    let mut subtitle = format!(
        "As the 2018, 2024 and 2025 TIP Reports print it, for data years {}; each group has its own scale. \
         Zero allegations are printed as words (\"No reported allegations\").",
        years.join(", ")
    );
    if spec.metrics.contains(&Metric::Victims) {
        let with_victims: Vec<&str> = orgs_with(dataset, "victims").into_iter().map(org_label).collect();
        subtitle.push_str(&format!(" Victims are given for the {} only.", with_victims.join(" and the ")));
    }
    BarChartInput { title: format!("Peacekeeping: {}", who.join(", ")), subtitle, groups }
}

pub const CSV_COLUMNS: &[&str] = &["edition", "year", "org", "metric", "value", "note", "source_file", "source_line"];

/// The dataset's rows for the organisations asked, every metric the drawn groups read.
pub fn table(dataset: &Dataset, spec: &PeacekeepingSpec) -> DataTable {
    let mut metrics: Vec<&str> = Vec::new();
    for metric in &spec.metrics {
        metrics.push(metric.id());
        match metric {
            Metric::Allegations => metrics.extend(ALLEGATION_DETAILS.iter().map(|(id, _)| *id)),
            Metric::Victims => metrics.extend(["children", "allegations_children"]),
            Metric::Personnel | Metric::Missions => {}
        }
    }
    let rows = dataset
        .peacekeeping
        .iter()
        .filter(|v| spec.orgs.contains(&v.org) && metrics.contains(&v.metric.as_str()))
        .map(|v| {
            vec![
                v.edition.to_string(),
                v.year.to_string(),
                v.org.id().to_owned(),
                v.metric.clone(),
                v.value.to_string(),
                v.note.clone(),
                dataset.source(v.source).file.clone(),
                v.source.line.to_string(),
            ]
        })
        .collect();
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
        assert_eq!(titles, Metric::ALL.map(Metric::title));
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
        assert_eq!(un_2017.value_text, format!("{} personnel", thousands(value(2018, Org::Un, "personnel").value)));
        assert_eq!(un_2017.cite.as_ref().unwrap().describe(), "2018 TIP Report, 002_294c21104cf34196.txt line 30");
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
        assert_eq!(none.absent_label(), "not in the source");
        let children = value(2024, Org::Un, "allegations_children");
        assert!(none.details.iter().any(|d| d.starts_with(&format!("{} allegations affected children", children.value))));
        assert!(input.summary().contains("Not in the source: UN, 2023: victims identified"), "{}", input.summary());
        // Asking for victims of an organisation that gives none says so.
        let err = spec(&[("metric", "victims"), ("org", "nato")]).unwrap_err();
        assert_eq!(err.attribute, "org");
        assert_eq!(
            err.message(),
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
        assert_eq!(err.message(), "org=\"eu\" is not a value tipviz knows. Accepted values: un, osce, nato, all.");
        let err = spec(&[("metric", "deaths")]).unwrap_err();
        assert_eq!(
            err.message(),
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
            .filter(|v| v.org == Org::Un && ["victims", "children", "allegations_children"].contains(&v.metric.as_str()))
            .count();
        assert_eq!(csv.rows.len(), expected);
        let all = table(dataset(), &spec(&[]).unwrap());
        assert_eq!(all.rows.len(), dataset().peacekeeping.len(), "the default CSV holds every peacekeeping row");
    }
}
