//! Chart specifications parsed from element attributes, with errors precise enough to show a
//! non-programmer what to type instead.

use crate::data::{Metric, Scope};

/// Why a set of attributes cannot be drawn: the attribute, the value as given, and what would
/// be accepted. Shown inside the widget box and sent with `tipviz:error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub attribute: String,
    pub value: String,
    pub accepted: Vec<String>,
}

/// Values longer than this are cut in messages: a pasted essay must not fill the page.
const MAX_SHOWN_VALUE_CHARS: usize = 60;

impl SpecError {
    fn new(attribute: &str, value: &str, accepted: &[&str]) -> SpecError {
        SpecError {
            attribute: attribute.to_owned(),
            value: value.to_owned(),
            accepted: accepted.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// The value as it may be shown: control characters dropped, length capped.
    pub fn shown_value(&self) -> String {
        let clean: String = self.value.chars().filter(|c| !c.is_control()).collect();
        if clean.chars().count() > MAX_SHOWN_VALUE_CHARS {
            let cut: String = clean.chars().take(MAX_SHOWN_VALUE_CHARS).collect();
            format!("{cut}…")
        } else {
            clean
        }
    }

    pub fn message(&self) -> String {
        let accepted = self.accepted.join(", ");
        if self.value.is_empty() {
            format!("The attribute {} is required. Accepted values: {accepted}.", self.attribute)
        } else {
            format!(
                "{}=\"{}\" is not a value tipviz knows. Accepted values: {accepted}.",
                self.attribute,
                self.shown_value()
            )
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows `prefers-color-scheme`; the web layer resolves it to light or dark.
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Chart,
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
}

/// Which printing of the law-enforcement table to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionChoice {
    /// The newest edition the data holds.
    Latest,
    Edition(u16),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnforcementSpec {
    pub scope: Scope,
    pub edition: EditionChoice,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartSpec {
    Enforcement(EnforcementSpec),
}

/// Everything the attributes say, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub chart: ChartSpec,
    pub lang: Lang,
    pub theme: Theme,
    pub view: View,
}

pub const CHARTS: &[&str] = &["enforcement"];
pub const SCOPES: &[&str] =
    &["global", "africa", "east-asia-pacific", "europe", "near-east", "south-central-asia", "western-hemisphere"];
pub const ENFORCEMENT_METRICS: &[&str] = &["prosecutions", "convictions", "victims", "legislation"];

/// The value of attribute `name` as given; when repeated, the last one wins (as in an options
/// object that overrides an earlier key).
fn raw<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().rev().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Attribute names and values as the element has them. Names are matched case-insensitively
/// (HTML lower-cases them anyway); values are trimmed and matched case-insensitively.
pub fn parse(attributes: &[(String, String)], editions: &[u16]) -> Result<Spec, SpecError> {
    let choose = |name: &str, accepted: &[&str], default: &str| -> Result<String, SpecError> {
        let Some(raw) = raw(attributes, name) else { return Ok(default.to_owned()) };
        let value = raw.trim().to_ascii_lowercase();
        if value.is_empty() && !default.is_empty() {
            Ok(default.to_owned())
        } else if accepted.contains(&value.as_str()) {
            Ok(value)
        } else {
            Err(SpecError::new(name, raw, accepted))
        }
    };

    let lang = match choose("lang", &["en", "fr", "es"], "en")?.as_str() {
        "fr" => Lang::Fr,
        "es" => Lang::Es,
        _ => Lang::En,
    };
    let theme = match choose("theme", &["light", "dark", "auto"], "auto")?.as_str() {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::Auto,
    };
    let view = match choose("view", &["chart", "table"], "chart")?.as_str() {
        "table" => View::Table,
        _ => View::Chart,
    };
    let chart = match choose("chart", CHARTS, "")?.as_str() {
        "enforcement" => ChartSpec::Enforcement(parse_enforcement(attributes, &choose, editions)?),
        _ => return Err(SpecError::new("chart", "", CHARTS)),
    };
    Ok(Spec { chart, lang, theme, view })
}

fn parse_enforcement(
    attributes: &[(String, String)],
    choose: &dyn Fn(&str, &[&str], &str) -> Result<String, SpecError>,
    editions: &[u16],
) -> Result<EnforcementSpec, SpecError> {
    let scope = Scope::from_id(&choose("scope", SCOPES, "global")?).unwrap_or(Scope::Global);

    let edition_names: Vec<String> =
        std::iter::once("latest".to_owned()).chain(editions.iter().map(u16::to_string)).collect();
    let edition_refs: Vec<&str> = edition_names.iter().map(String::as_str).collect();
    let edition = match choose("edition", &edition_refs, "latest")?.as_str() {
        "latest" => EditionChoice::Latest,
        year => EditionChoice::Edition(year.parse().unwrap_or_default()),
    };

    let metrics = match raw(attributes, "metrics").map(str::trim).filter(|v| !v.is_empty()) {
        None => vec![Metric::Prosecutions, Metric::Convictions, Metric::Victims],
        Some(list) => {
            let mut metrics = Vec::new();
            for word in list.split([',', ' ']).filter(|w| !w.is_empty()) {
                let word_lower = word.to_ascii_lowercase();
                match ENFORCEMENT_METRICS.contains(&word_lower.as_str()).then(|| Metric::from_id(&word_lower)) {
                    Some(Some(m)) if !metrics.contains(&m) => metrics.push(m),
                    Some(Some(_)) => {}
                    _ => return Err(SpecError::new("metrics", word, ENFORCEMENT_METRICS)),
                }
            }
            metrics
        }
    };
    Ok(EnforcementSpec { scope, edition, metrics })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    const EDITIONS: &[u16] = &[2024, 2025];

    #[test]
    fn defaults_draw_global_latest_three_metrics() {
        let spec = parse(&attrs(&[("chart", "enforcement")]), EDITIONS).unwrap();
        assert_eq!(spec.view, View::Chart);
        assert_eq!(spec.theme, Theme::Auto);
        let ChartSpec::Enforcement(e) = spec.chart;
        assert_eq!(e.scope, Scope::Global);
        assert_eq!(e.edition, EditionChoice::Latest);
        assert_eq!(e.metrics, vec![Metric::Prosecutions, Metric::Convictions, Metric::Victims]);
    }

    #[test]
    fn values_are_case_and_space_insensitive() {
        let spec = parse(
            &attrs(&[("CHART", " Enforcement "), ("Scope", "AFRICA"), ("edition", "2024"), ("metrics", "Victims, convictions")]),
            EDITIONS,
        )
        .unwrap();
        let ChartSpec::Enforcement(e) = spec.chart;
        assert_eq!(e.scope, Scope::Region(crate::data::Region::Africa));
        assert_eq!(e.edition, EditionChoice::Edition(2024));
        assert_eq!(e.metrics, vec![Metric::Victims, Metric::Convictions]);
    }

    #[test]
    fn unknown_chart_names_attribute_value_and_accepted() {
        let err = parse(&attrs(&[("chart", "nope")]), EDITIONS).unwrap_err();
        assert_eq!(err.attribute, "chart");
        assert_eq!(err.value, "nope");
        assert_eq!(err.message(), "chart=\"nope\" is not a value tipviz knows. Accepted values: enforcement.");
    }

    #[test]
    fn missing_chart_says_it_is_required() {
        let err = parse(&attrs(&[]), EDITIONS).unwrap_err();
        assert_eq!(err.message(), "The attribute chart is required. Accepted values: enforcement.");
    }

    #[test]
    fn edition_outside_the_data_lists_the_editions() {
        let err = parse(&attrs(&[("chart", "enforcement"), ("edition", "1999")]), EDITIONS).unwrap_err();
        assert_eq!(err.attribute, "edition");
        assert_eq!(err.accepted, vec!["latest", "2024", "2025"]);
    }

    #[test]
    fn markup_in_a_value_is_kept_as_text_and_capped() {
        let evil = "<img src=x onerror=alert(1)>";
        let err = parse(&attrs(&[("chart", "enforcement"), ("scope", evil)]), EDITIONS).unwrap_err();
        assert_eq!(err.attribute, "scope");
        assert!(err.message().contains(evil), "{}", err.message());
        let long = "x".repeat(500);
        let err = parse(&attrs(&[("chart", "enforcement"), ("scope", &long)]), EDITIONS).unwrap_err();
        assert!(err.message().len() < 250);
        assert!(err.message().contains('…'));
    }

    #[test]
    fn a_bad_metric_is_named_alone() {
        let err = parse(&attrs(&[("chart", "enforcement"), ("metrics", "victims,arrests")]), EDITIONS).unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("metrics", "arrests"));
    }

    #[test]
    fn empty_optional_attributes_fall_back_to_defaults() {
        let spec = parse(&attrs(&[("chart", "enforcement"), ("theme", ""), ("scope", " ")]), EDITIONS).unwrap();
        assert_eq!(spec.theme, Theme::Auto);
    }
}
