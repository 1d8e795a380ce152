//! One module per chart kind: its attributes → its spec → the model of what to draw.

pub mod country_enforcement;
pub mod enforcement;
pub mod tier_changes;
pub mod peacekeeping;
pub mod ratifications;
pub mod tier_history;
pub mod tier_summary;
pub mod tier_map;

use crate::data::{dataset, Dataset, SourceRef};
use crate::i18n::trf;
use crate::model::format::describe_documents;
use crate::model::figure::FigureInput;
use crate::model::spec::{ChartSpec, Lang, Spec};
use std::sync::OnceLock;
use crate::model::table::DataTable;

/// The document a source is, in words: `2025 TIP Report`, `UNODC report, 2024`, or a data
/// set's title (the Kelley & Heiss tier history).
pub fn document(dataset: &Dataset, source: SourceRef, lang: Lang) -> String {
    let file = dataset.source(source);
    match file.edition {
        Some(edition) if file.title.starts_with("U.S. Department of State") => crate::i18n::tip_report(edition, lang),
        Some(edition) => {
            let publisher = file.title.split(',').next().unwrap_or_default();
            trf!(lang, "{0} report, {1}", "Rapport {0}, {1}", "Informe {0}, {1}"; publisher, edition.to_string())
        }
        None => file.title.clone(),
    }
}

/// Sources as a reader wants them: one entry per document and file with its lines, each once.
/// Takes a slice, not any iterator, so that one copy of it serves every chart.
pub fn describe(dataset: &Dataset, sources: &[SourceRef], lang: Lang) -> Vec<String> {
    // Each file's document in words, written once: a readout cites many lines of few files.
    let mut documents: Vec<(u16, String)> = Vec::new();
    for s in sources {
        if !documents.iter().any(|(file, _)| *file == s.file) {
            documents.push((s.file, document(dataset, *s, lang)));
        }
    }
    let document_of = |file: u16| documents.iter().find(|(f, _)| *f == file).map_or("", |(_, d)| d.as_str());
    let mut cites: Vec<(&str, &str, u32)> = Vec::with_capacity(sources.len());
    for s in sources {
        cites.push((document_of(s.file), dataset.source(*s).file.as_str(), s.line));
    }
    describe_documents(&cites, lang)
}

/// A country name from the country-codes table without its trailing article:
/// `Afghanistan (l')` → `Afghanistan`; `Bolivie (État plurinational de)` stays whole.
fn without_article(name: &str) -> &str {
    const ARTICLES: [&str; 7] = [" (l')", " (le)", " (la)", " (les)", " (el)", " (los)", " (las)"];
    ARTICLES.iter().find_map(|a| name.strip_suffix(a)).unwrap_or(name)
}

/// The bundled dataset with country names in `lang`, made once per language.
pub fn dataset_in(lang: Lang) -> &'static Dataset {
    static FRENCH: OnceLock<Dataset> = OnceLock::new();
    static SPANISH: OnceLock<Dataset> = OnceLock::new();
    match lang {
        Lang::En => dataset(),
        Lang::Fr => FRENCH.get_or_init(|| localized(dataset(), Lang::Fr)),
        Lang::Es => SPANISH.get_or_init(|| localized(dataset(), Lang::Es)),
    }
}

/// The dataset with country names in the reader's language, so every chart (and the
/// `country` attribute) names countries the same way; the English name stays an alias. A
/// country without a name in that language keeps its English one. Other text is English
/// until the translations land.
fn localized(dataset: &Dataset, lang: Lang) -> Dataset {
    // The copy shares every table but the countries, which renaming them copies.
    let mut copy = dataset.clone();
    for country in &mut copy.countries {
        let name = match lang {
            Lang::Fr => without_article(&country.name_fr),
            Lang::Es => without_article(&country.name_es),
            Lang::En => "",
        };
        if !name.is_empty() && name != country.name {
            let name = crate::data::Text::from(name.to_owned());
            let english = std::mem::replace(&mut country.name, name);
            country.aliases.push(english);
        }
    }
    copy
}

/// The chart `spec` asks for, from `dataset` (as [`dataset_in`] gives it for `spec.lang`).
pub fn build(dataset: &Dataset, spec: &Spec) -> FigureInput {
    match &spec.chart {
        ChartSpec::Enforcement(e) => FigureInput::Line(enforcement::line_input(dataset, e)),
        ChartSpec::CountryEnforcement(c) => FigureInput::Bars(country_enforcement::bar_input(dataset, c)),
        ChartSpec::TierHistory(t) => FigureInput::Steps(tier_history::step_input(dataset, t)),
        ChartSpec::TierSummary(t) => FigureInput::Stacks(tier_summary::stack_input(dataset, t)),
        ChartSpec::TierMap(m) => FigureInput::Map(tier_map::input(dataset, m)),
        ChartSpec::TierChanges(c) => FigureInput::Flows(tier_changes::flow_input(dataset, c)),
        ChartSpec::Ratifications(r) => FigureInput::Matrix(ratifications::matrix_input(dataset, r)),
        ChartSpec::Peacekeeping(p) => FigureInput::Bars(peacekeeping::bar_input(dataset, p)),
    }
}

/// One row per drawn value with its edition, source and correction: the CSV download, made
/// when it is asked for rather than with every chart. `figure` is what [`build`] made of the
/// same spec (the map and the matrix read their rows from it).
pub fn csv_table(dataset: &Dataset, spec: &Spec, figure: &FigureInput) -> DataTable {
    match (&spec.chart, figure) {
        (ChartSpec::Enforcement(e), _) => enforcement::table(dataset, e),
        (ChartSpec::CountryEnforcement(c), _) => country_enforcement::table(dataset, c),
        (ChartSpec::TierHistory(t), _) => tier_history::table(dataset, t),
        (ChartSpec::TierSummary(t), _) => tier_summary::table(dataset, t),
        (ChartSpec::TierMap(_), FigureInput::Map(input)) => tier_map::table(dataset, input),
        (ChartSpec::TierChanges(c), _) => tier_changes::table(dataset, c),
        (ChartSpec::Ratifications(r), FigureInput::Matrix(input)) => ratifications::table(dataset, r, &input.cells),
        (ChartSpec::Peacekeeping(p), _) => peacekeeping::table(dataset, p),
        // A map or matrix spec with another figure: build() never makes one.
        _ => DataTable::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::widget::Widget;

    fn readout_of(pairs: &[(&str, &str)], typed: &str) -> crate::model::figure::Readout {
        let attributes: Vec<(String, String)> = pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
        let mut widget = Widget::default();
        widget.configure(&attributes).unwrap();
        widget.resize(crate::model::line::Size { width_css: 720.0, height_css: 900.0, dpr: 1.0 });
        let figure = widget.figure().unwrap();
        figure.readout(figure.item_by_name(typed).unwrap()).unwrap()
    }

    #[test]
    fn lang_names_countries_in_french_and_spanish_and_the_english_name_still_finds_them() {
        let jamaica = dataset().country("JAM").unwrap();
        assert_eq!((&*jamaica.name_fr, &*jamaica.name_es), ("Jamaïque (la)", "Jamaica"));
        let fr = readout_of(&[("chart", "tier-map"), ("lang", "fr")], "Jamaica");
        assert!(fr.heading.starts_with("Jamaïque"), "{}", fr.heading);
        let fr = readout_of(&[("chart", "tier-map"), ("lang", "fr")], "Allem");
        assert!(fr.heading.starts_with("Allemagne"), "{}", fr.heading);
        let es = readout_of(&[("chart", "tier-changes"), ("lang", "es")], "Kazakhstan");
        assert!(es.values.iter().any(|v| v.starts_with("Kazajstán 2025: ")), "{:?}", es.values);
        let en = readout_of(&[("chart", "tier-map")], "Jamaica");
        assert!(en.heading.starts_with("Jamaica"), "{}", en.heading);
        // The conventions matrix finds its rows by their English names, and without accents.
        let fr = readout_of(&[("chart", "ratifications"), ("lang", "fr")], "Denmark");
        assert!(fr.heading.starts_with("Danemark"), "{}", fr.heading);
        let es = readout_of(&[("chart", "ratifications"), ("lang", "es")], "iran");
        assert!(es.heading.starts_with("Irán"), "{}", es.heading);
        let es = readout_of(&[("chart", "tier-changes"), ("lang", "es")], "tunez");
        assert!(es.heading.starts_with("Túnez"), "{}", es.heading);
        // No name in that language: the English one.
        let kosovo = dataset().country("XKX").unwrap();
        assert!(kosovo.name_fr.is_empty());
        assert_eq!(dataset_in(Lang::Fr).country("XKX").unwrap().name, "Kosovo");
        // The country attribute takes the reader's language too.
        let mut widget = Widget::default();
        widget.configure(&crate::model::spec::attrs(&[("chart", "tier-history"), ("country", "Allemagne"), ("lang", "fr")])).unwrap();
        let Some(ChartSpec::TierHistory(history)) = widget.spec().map(|s| &s.chart) else { panic!("a tier history") };
        assert_eq!(history.countries, ["DEU"]);
        // In each language no spelling names two countries, as the build checks for English.
        for lang in [Lang::Fr, Lang::Es] {
            let data = dataset_in(lang);
            for country in &data.countries {
                for spelling in std::iter::once(&country.name).chain(&country.aliases) {
                    let named = data.countries.iter().filter(|c| c.is_named(spelling)).count();
                    assert_eq!(named, 1, "{spelling} names {named} countries in {lang:?}");
                }
            }
        }
        assert_eq!(without_article("Bolivie (État plurinational de)"), "Bolivie (État plurinational de)");
    }
}
