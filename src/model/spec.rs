//! Chart specifications parsed from element attributes, with errors precise enough to show a
//! non-programmer what to type instead.

use crate::data::Dataset;
use crate::i18n::trf;

/// Why a set of attributes cannot be drawn: the attribute, the value as given, and what would
/// be accepted. Shown inside the widget box and sent with `tipviz:error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub attribute: String,
    pub value: String,
    pub accepted: Vec<String>,
    /// What to say instead of the generic "is not a value tipviz knows. Accepted values: …",
    /// where a plain list of values would not explain the problem (a known country that the
    /// chart's source does not cover, say). Written, in the reader's language, to follow
    /// `attribute="value"`.
    pub explanation: Option<String>,
    /// Why a well-formed value cannot be used here, in the reader's language.
    pub reason: Option<String>,
}

/// Values longer than this are cut in messages: a pasted essay must not fill the page.
const MAX_SHOWN_VALUE_CHARS: usize = 60;

impl SpecError {
    pub fn new(attribute: &str, value: &str, accepted: &[&str]) -> SpecError {
        SpecError {
            attribute: attribute.to_owned(),
            value: value.to_owned(),
            accepted: accepted.iter().map(|s| s.to_string()).collect(),
            explanation: None,
            reason: None,
        }
    }

    /// The same error with its own wording; `accepted` stays for the `tipviz:error` event.
    pub fn explained(mut self, explanation: impl Into<String>) -> SpecError {
        self.explanation = Some(explanation.into());
        self
    }

    /// The same error for a value that is well-formed but cannot be used here: the message
    /// gives the reason, then the accepted values.
    pub fn because(mut self, reason: &str) -> SpecError {
        self.reason = Some(reason.to_owned());
        self
    }

    /// The value as it may be shown: control characters dropped, length capped, and invisible
    /// characters that change how text reads (bidirectional overrides and isolates, zero-width
    /// spaces and joiners, the byte-order mark) written out as `[U+202E]`: an override would
    /// otherwise reverse the rest of the message, and `Jam[U+200B]aica` says why a value that
    /// looks like `Jamaica` is not one.
    pub fn shown_value(&self) -> String {
        let clean: Vec<char> = self.value.chars().filter(|c| !c.is_control()).collect();
        let mut shown = String::new();
        let mut marks = 0;
        for &c in clean.iter().take(MAX_SHOWN_VALUE_CHARS) {
            // A pile of combining marks ("Zalgo" text) would climb over the lines above it.
            marks = if is_combining_mark(c) { marks + 1 } else { 0 };
            if marks > MAX_COMBINING_MARKS {
                continue;
            }
            if is_invisible_format(c) {
                shown.push_str(&format!("[U+{:04X}]", c as u32));
            } else {
                shown.push(c);
            }
        }
        if clean.len() > MAX_SHOWN_VALUE_CHARS {
            shown.push('…');
        }
        shown
    }

    /// What the widget box says, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let (attribute, value) = (self.attribute.as_str(), self.shown_value());
        let accepted = self.accepted.join(", ");
        if let Some(explanation) = &self.explanation {
            return format!("{attribute}=\"{value}\" {explanation}");
        }
        if let Some(reason) = &self.reason {
            return trf!(lang,
                "{0}=\"{1}\" cannot be used: {2}. Accepted values: {3}.",
                "{0}=\"{1}\" ne peut pas servir : {2}. Valeurs acceptées : {3}.",
                "{0}=\"{1}\" no se puede usar: {2}. Valores aceptados: {3}.";
                attribute, value, reason, accepted);
        }
        if self.value.is_empty() {
            trf!(lang,
                "The attribute {0} is required. Accepted values: {1}.",
                "L'attribut {0} est obligatoire. Valeurs acceptées : {1}.",
                "El atributo {0} es obligatorio. Valores aceptados: {1}.";
                attribute, accepted)
        } else {
            trf!(lang,
                "{0}=\"{1}\" is not a value tipviz knows. Accepted values: {2}.",
                "{0}=\"{1}\" n'est pas une valeur que tipviz connaît. Valeurs acceptées : {2}.",
                "{0}=\"{1}\" no es un valor que tipviz conozca. Valores aceptados: {2}.";
                attribute, value, accepted)
        }
    }
}

/// Enough combining marks on one letter for any real writing (Vietnamese stacks two).
const MAX_COMBINING_MARKS: usize = 2;

/// The combining diacritical mark blocks.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Format characters (Unicode category Cf) that are invisible or reorder text around them.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Attribute pairs as an element has them, from string literals: for tests.
#[cfg(test)]
pub fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
}

/// The attributes an element carries, with the lookups every chart's parser needs.
pub struct Attributes<'a>(pub &'a [(String, String)]);

impl<'a> Attributes<'a> {
    /// The value of attribute `name` as given; when repeated, the last one wins (as in an
    /// options object that overrides an earlier key). Names match case-insensitively.
    pub fn raw(&self, name: &str) -> Option<&'a str> {
        #[cfg(test)]
        tests::NAMES_READ.with(|names| names.borrow_mut().push(name.to_ascii_lowercase()));
        self.0.iter().rev().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The trimmed value, or `None` when absent or blank (blank means "use the default").
    pub fn given(&self, name: &str) -> Option<&'a str> {
        self.raw(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// One of `accepted` (matched case-insensitively), `default` when absent or blank.
    pub fn choose(&self, name: &str, accepted: &[&str], default: &str) -> Result<String, SpecError> {
        let Some(raw) = self.raw(name) else { return Ok(default.to_owned()) };
        let value = raw.trim().to_ascii_lowercase();
        if value.is_empty() && !default.is_empty() {
            Ok(default.to_owned())
        } else if accepted.contains(&value.as_str()) {
            Ok(value)
        } else {
            Err(SpecError::new(name, raw, accepted))
        }
    }

    /// A comma- or space-separated list of words from `accepted`, without repeats, in the
    /// order given; `None` when absent or blank. The first unknown word is the error.
    pub fn list(&self, name: &str, accepted: &[&str]) -> Result<Option<Vec<String>>, SpecError> {
        let Some(list) = self.given(name) else { return Ok(None) };
        let mut words: Vec<String> = Vec::new();
        for word in list.split([',', ' ']).filter(|w| !w.is_empty()) {
            let lower = word.to_ascii_lowercase();
            if !accepted.contains(&lower.as_str()) {
                return Err(SpecError::new(name, word, accepted));
            }
            if !words.contains(&lower) {
                words.push(lower);
            }
        }
        Ok(Some(words))
    }
}

/// What each chart kind's own attributes say, parsed by the chart's module in `charts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartSpec {
    Enforcement(crate::charts::enforcement::EnforcementSpec),
    CountryEnforcement(crate::charts::country_enforcement::CountryEnforcementSpec),
    TierHistory(crate::charts::tier_history::TierHistorySpec),
    TierSummary(crate::charts::tier_summary::TierSummarySpec),
    TierMap(crate::charts::tier_map::TierMapSpec),
    TierChanges(crate::charts::tier_changes::TierChangesSpec),
    Ratifications(crate::charts::ratifications::RatificationsSpec),
    Peacekeeping(crate::charts::peacekeeping::PeacekeepingSpec),
}

/// Everything the attributes say, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub chart: ChartSpec,
    pub lang: Lang,
    pub theme: Theme,
    pub view: View,
}

pub const CHARTS: &[&str] = &[
    "enforcement",
    "country-enforcement",
    "tier-map",
    "tier-history",
    "tier-summary",
    "tier-changes",
    "ratifications",
    "peacekeeping",
];

/// `view`: `chart` or `table` for every chart kind, `timeline` too for `ratifications` (and
/// elsewhere a message, in the reader's language, that says which chart has one).
fn parse_view(attrs: &Attributes, lang: Lang) -> Result<String, SpecError> {
    let timeline = attrs.given("chart").is_some_and(|c| c.eq_ignore_ascii_case("ratifications"));
    let accepted: &[&str] = if timeline { &["chart", "table", "timeline"] } else { &["chart", "table"] };
    attrs.choose("view", accepted, "chart").map_err(|e| {
        if e.value.trim().eq_ignore_ascii_case("timeline") {
            e.because(crate::i18n::tr!(
                lang,
                "only chart=\"ratifications\" has a timeline view",
                "seul chart=\"ratifications\" a une vue chronologique",
                "solo chart=\"ratifications\" tiene una vista cronológica"
            ))
        } else {
            e
        }
    })
}

/// `lang`: read first, because country names are parsed in the reader's language.
pub fn parse_lang(attrs: &Attributes) -> Result<Lang, SpecError> {
    Ok(match attrs.choose("lang", &["en", "fr", "es"], "en")?.as_str() {
        "fr" => Lang::Fr,
        "es" => Lang::Es,
        _ => Lang::En,
    })
}

/// Attribute names and values as the element has them. Names are matched case-insensitively
/// (HTML lower-cases them anyway); values are trimmed and matched case-insensitively.
pub fn parse(attributes: &[(String, String)], dataset: &Dataset) -> Result<Spec, SpecError> {
    let attrs = Attributes(attributes);
    let lang = parse_lang(&attrs)?;
    let theme = match attrs.choose("theme", &["light", "dark", "auto"], "auto")?.as_str() {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::Auto,
    };
    let view = match parse_view(&attrs, lang)?.as_str() {
        "table" => View::Table,
        // `timeline` is another drawing of the ratifications chart, which reads it itself.
        _ => View::Chart,
    };
    let chart = match attrs.choose("chart", CHARTS, "")?.as_str() {
        "enforcement" => ChartSpec::Enforcement(crate::charts::enforcement::parse(&attrs, dataset)?),
        "country-enforcement" => {
            ChartSpec::CountryEnforcement(crate::charts::country_enforcement::parse(&attrs, dataset)?)
        }
        "tier-history" => ChartSpec::TierHistory(crate::charts::tier_history::parse(&attrs, dataset)?),
        "tier-summary" => ChartSpec::TierSummary(crate::charts::tier_summary::parse(&attrs, dataset)?),
        "tier-map" => ChartSpec::TierMap(crate::charts::tier_map::parse(&attrs, dataset)?),
        "tier-changes" => ChartSpec::TierChanges(crate::charts::tier_changes::parse(&attrs, dataset)?),
        "ratifications" => ChartSpec::Ratifications(crate::charts::ratifications::parse(&attrs, dataset)?),
        "peacekeeping" => ChartSpec::Peacekeeping(crate::charts::peacekeeping::parse(&attrs, dataset)?),
        _ => return Err(SpecError::new("chart", "", CHARTS)),
    };
    Ok(Spec { chart, lang, theme, view })
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Every attribute name a parser looked up, so a test can hold the loader's list of
        /// observed attributes to what the parsers read.
        pub static NAMES_READ: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    #[test]
    fn the_loader_observes_every_attribute_a_parser_reads() {
        let loader = include_str!("../../www/loader.js");
        let start = loader.find("var OBSERVED = [").expect("the loader lists its observed attributes");
        let end = start + loader[start..].find("];").unwrap();
        let observed: Vec<&str> = loader[start..end].split('"').skip(1).step_by(2).collect();
        // Each chart with the attributes it requires, so its parser runs to the end.
        let charts: [&[(&str, &str)]; 8] = [
            &[("chart", "enforcement")],
            &[("chart", "country-enforcement")],
            &[("chart", "tier-map")],
            &[("chart", "tier-history"), ("country", "JAM")],
            &[("chart", "tier-summary")],
            &[("chart", "tier-changes")],
            &[("chart", "ratifications")],
            &[("chart", "peacekeeping")],
        ];
        assert_eq!(charts.len(), CHARTS.len());
        NAMES_READ.with(|names| names.borrow_mut().clear());
        for pairs in charts {
            parse(&attrs(pairs), dataset()).unwrap();
        }
        let mut read = NAMES_READ.with(|names| names.borrow().clone());
        crate::sort::sort(&mut read);
        read.dedup();
        for name in &read {
            assert!(observed.contains(&name.as_str()), "the loader does not observe {name}: changing it would not redraw");
        }
        for name in &observed {
            assert!(read.iter().any(|r| r == name) || *name == "height", "the loader observes {name}, which no parser reads");
        }
    }
    use crate::data::dataset;

    #[test]
    fn common_attributes_default_and_ignore_case() {
        let spec = parse(&attrs(&[("CHART", " Enforcement ")]), dataset()).unwrap();
        assert_eq!((spec.view, spec.theme, spec.lang), (View::Chart, Theme::Auto, Lang::En));
        let spec = parse(&attrs(&[("chart", "enforcement"), ("Theme", "DARK"), ("view", "table")]), dataset()).unwrap();
        assert_eq!((spec.view, spec.theme), (View::Table, Theme::Dark));
    }

    #[test]
    fn unknown_chart_names_attribute_value_and_accepted() {
        let err = parse(&attrs(&[("chart", "nope")]), dataset()).unwrap_err();
        assert_eq!(err.attribute, "chart");
        assert_eq!(err.value, "nope");
        assert_eq!(
            err.message(Lang::En),
            "chart=\"nope\" is not a value tipviz knows. Accepted values: enforcement, country-enforcement, tier-map, \
             tier-history, tier-summary, tier-changes, ratifications, \
             peacekeeping."
        );
    }

    #[test]
    fn missing_chart_says_it_is_required() {
        let err = parse(&attrs(&[]), dataset()).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "The attribute chart is required. Accepted values: enforcement, country-enforcement, tier-map, tier-history, \
             tier-summary, tier-changes, ratifications, \
             peacekeeping."
        );
    }

    #[test]
    fn timeline_is_a_view_of_ratifications_only() {
        let spec = parse(&attrs(&[("chart", "ratifications"), ("view", "Timeline")]), dataset()).unwrap();
        assert_eq!(spec.view, View::Chart, "the timeline is drawn on the canvas");
        let err = parse(&attrs(&[("chart", "peacekeeping"), ("view", "timeline")]), dataset()).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "view=\"timeline\" cannot be used: only chart=\"ratifications\" has a timeline view. Accepted values: chart, table."
        );
        let err = parse(&attrs(&[("chart", "ratifications"), ("view", "grid")]), dataset()).unwrap_err();
        assert_eq!(err.message(Lang::En), "view=\"grid\" is not a value tipviz knows. Accepted values: chart, table, timeline.");
    }

    #[test]
    fn markup_in_a_value_is_kept_as_text_and_capped() {
        let evil = "<img src=x onerror=alert(1)>";
        let err = parse(&attrs(&[("chart", "enforcement"), ("scope", evil)]), dataset()).unwrap_err();
        assert_eq!(err.attribute, "scope");
        assert!(err.message(Lang::En).contains(evil), "{}", err.message(Lang::En));
        let long = "x".repeat(500);
        let err = parse(&attrs(&[("chart", "enforcement"), ("scope", &long)]), dataset()).unwrap_err();
        assert!(err.message(Lang::En).len() < 250);
        assert!(err.message(Lang::En).contains('…'));
    }

    #[test]
    fn invisible_and_reordering_characters_are_written_out() {
        let err = SpecError::new("country", "\u{202E}acia\u{200B}maJ", &["JAM"]);
        assert_eq!(err.shown_value(), "[U+202E]acia[U+200B]maJ");
        assert!(err.message(Lang::En).ends_with("Accepted values: JAM."), "the override no longer reverses what follows");
        // Combining marks are ordinary text, but only two to a letter; the cap counts
        // characters as typed.
        let err = SpecError::new("scope", &"e\u{301}".repeat(40), &[]);
        assert_eq!(err.shown_value().chars().count(), MAX_SHOWN_VALUE_CHARS + 1);
        let err = SpecError::new("scope", "Z\u{336}\u{337}\u{338}\u{301}o\u{302}", &[]);
        assert_eq!(err.shown_value(), "Z\u{336}\u{337}o\u{302}");
    }

    #[test]
    fn an_explanation_replaces_the_generic_wording_but_keeps_the_value_safe() {
        let err = SpecError::new("country", "France\u{7}", &["JAM"]).explained("has no narrative here.");
        assert_eq!(err.message(Lang::En), "country=\"France\" has no narrative here.");
        assert_eq!(err.accepted, vec!["JAM"]);
    }

    #[test]
    fn empty_optional_attributes_fall_back_to_defaults() {
        let spec = parse(&attrs(&[("chart", "enforcement"), ("theme", ""), ("scope", " ")]), dataset()).unwrap();
        assert_eq!(spec.theme, Theme::Auto);
    }

    #[test]
    fn lists_keep_order_drop_repeats_and_name_the_first_bad_word() {
        let pairs = attrs(&[("metrics", "Victims, convictions victims")]);
        let list = Attributes(&pairs).list("metrics", &["victims", "convictions"]).unwrap();
        assert_eq!(list, Some(vec!["victims".to_owned(), "convictions".to_owned()]));
        let pairs = attrs(&[("metrics", "victims,arrests,x")]);
        let err = Attributes(&pairs).list("metrics", &["victims"]).unwrap_err();
        assert_eq!((err.attribute.as_str(), err.value.as_str()), ("metrics", "arrests"));
    }
}
