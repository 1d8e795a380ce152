//! `lang="fr"` and `lang="es"` switch every word a reader meets: drawn text, titles, legends,
//! readouts, the summary and table a screen reader gets, and error messages. What stays as
//! the sources print it (country names aside) is the dataset's own text: notes, periods,
//! units, document titles and file names. This test removes every string the dataset holds
//! from what a chart shows and fails on any English word left over.
#![cfg(not(target_arch = "wasm32"))]

use aho_corasick::{AhoCorasick, MatchKind};
use plotters::prelude::*;
use std::collections::BTreeSet;
use tipviz::model::line::Size;
use tipviz::model::view::ViewState;
use tipviz::render;
use tipviz::widget::Widget;

/// Words that are English and neither French nor Spanish (so not `source`, `total`, `table`, `ratification`,
/// `cases`, `personnel`, `no`): one of them left in a French or Spanish chart is an
/// untranslated phrase.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "with", "from", "for", "by", "each", "to", "in", "is", "are", "was", "were", "has", "have",
    "which", "this", "that", "not", "only", "between", "since", "than", "use", "arrow", "keys", "key", "values",
    "value", "year", "years", "edition", "editions", "sources", "printed", "corrected", "revised",
    "tier", "tiers", "country", "countries", "report", "shown", "hidden", "largest", "rose", "fell", "moved", "list",
    "party", "data", "narrative", "narratives", "chart", "per", "region",
    "regions", "watch", "special", "none", "unknown", "accepted", "attribute", "required", "cannot", "write",
    "such", "as", "or", "line", "lines", "victims", "prosecutions", "convictions", "identified",
    "legislation", "children", "allegations", "peacekeeping", "protocol", "convention", "changes", "upgraded", "downgraded", "unchanged", "new", "dropped", "inferred",
    "placement", "placements", "summary", "period", "periods", "reported", "shared", "independent",
];

/// Words of that list that are also French, so not a leftover in a French chart: the ILO's
/// "Convention (n° 29) sur le travail forcé" is the French title.
const ALSO_FRENCH: &[&str] = &["convention"];

/// Chart configurations that together show every kind of text each chart writes.
const CONFIGS: &[&[(&str, &str)]] = &[
    &[("chart", "enforcement")],
    &[("chart", "enforcement"), ("edition", "compare")],
    &[("chart", "enforcement"), ("labor", "both"), ("scale", "log")],
    &[("chart", "enforcement"), ("scope", "regions"), ("metric", "victims")],
    &[("chart", "enforcement"), ("scope", "africa"), ("metrics", "legislation")],
    &[("chart", "country-enforcement")],
    &[("chart", "country-enforcement"), ("country", "JAM")],
    &[("chart", "country-enforcement"), ("country", "KAZ")],
    &[("chart", "tier-map")],
    &[("chart", "tier-map"), ("region", "europe"), ("edition", "2024")],
    &[("chart", "tier-history"), ("country", "JAM,MEX,KAZ")],
    &[("chart", "tier-summary")],
    &[("chart", "tier-summary"), ("edition", "compare"), ("region", "africa")],
    &[("chart", "tier-changes")],
    &[("chart", "tier-changes"), ("from", "2018"), ("to", "2025")],
    &[("chart", "ratifications")],
    &[("chart", "ratifications"), ("view", "timeline"), ("instrument", "palermo")],
    &[("chart", "peacekeeping")],
    &[("chart", "peacekeeping"), ("metric", "victims"), ("org", "un")],
    &[("chart", "country-enforcement"), ("country", "MWI")],
    &[("chart", "ratifications"), ("country", "Iran, Denmark, Uganda, Solomon Islands")],
];

/// Attribute values each chart refuses, so every error message is read too.
const BAD: &[&[(&str, &str)]] = &[
    &[("chart", "pie")],
    &[("chart", "")],
    &[("chart", "enforcement"), ("years", "2030")],
    &[("chart", "enforcement"), ("years", "soon")],
    &[("chart", "enforcement"), ("scope", "regions"), ("metrics", "victims,convictions")],
    &[("chart", "enforcement"), ("view", "timeline")],
    &[("chart", "country-enforcement"), ("country", "France")],
    &[("chart", "country-enforcement"), ("country", "Atlantis")],
    &[("chart", "tier-map"), ("edition", "2019")],
    &[("chart", "tier-map"), ("highlight", "Atlantis")],
    &[("chart", "tier-history")],
    &[("chart", "tier-history"), ("country", "Korea")],
    &[("chart", "tier-history"), ("country", "JAM,MEX,KAZ,FRA,DEU")],
    &[("chart", "tier-changes"), ("from", "2025"), ("to", "2024")],
    &[("chart", "tier-changes"), ("from", "2016")],
    &[("chart", "ratifications"), ("country", "Atlantis")],
    &[("chart", "peacekeeping"), ("org", "eu")],
    &[("chart", "peacekeeping"), ("org", "nato"), ("metric", "victims")],
    &[("chart", "ratifications"), ("country", ",")],
];

/// The dataset JSON's keys whose values are ids, not printed text.
const ID_KEYS: &[&str] =
    &["id", "country", "basis", "fact", "instrument", "kind", "metric", "org", "region", "scope", "tier", "version", "in_force"];

/// Every string value in the dataset's JSON: text the sources print, which stays as printed.
fn dataset_strings() -> Vec<String> {
    let json = tipviz::export::dataset_json(tipviz::data::dataset());
    let mut strings = Vec::new();
    let mut chars = json.chars().peekable();
    let mut key = String::new();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        s.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                    }
                    Some(other) => s.push(other),
                    None => {}
                },
                c => s.push(c),
            }
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek() == Some(&':') {
            key = s;
            continue;
        }
        // Ids (`victims`, `europe`, `ratification`) are not text the sources print: taking them
        // out would hide the very words an untranslated label leaves.
        if ID_KEYS.contains(&key.as_str()) {
            continue;
        }
        // Charts quote a note's first clause, or a sentence of it, as well as the whole.
        for clause in s.split(['.', ';', ':', '(', ')']).map(str::trim).filter(|c| c.len() >= 12) {
            strings.push(clause.to_owned());
        }
        if s.chars().count() >= 3 {
            strings.push(s);
        }
    }
    // Longest first, so a note is removed whole before a name inside it.
    strings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    strings.dedup();
    strings
}

fn texts_of(widget: &Widget, size: Size, dataset: &[String]) -> Vec<String> {
    let mut texts = vec![widget.title(), widget.summary()];
    let table = widget.wide_table();
    texts.extend(table.columns);
    texts.extend(table.rows.into_iter().flatten());
    let figure = widget.figure().unwrap();
    for i in 0..figure.item_count() {
        let r = figure.readout(i).unwrap();
        texts.push(r.sentence(widget.lang()));
        texts.push(r.heading);
        texts.extend(r.values);
        texts.extend(r.sources);
    }
    texts.extend(figure.toggle_targets().into_iter().map(|t| t.label));
    // The loader's buttons, messages and key help for this chart.
    texts.extend(tipviz::i18n::widget_words(widget.lang(), widget.searches()).into_iter().map(|(_, text)| text));
    
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width_dev(), size.height_dev())).into_drawing_area();
        render::draw(&root, figure, &ViewState { active: Some(0), pinned: None }, render::palette(false)).unwrap();
        root.present().unwrap();
    }
    // Drawn text in drawing order, joined with spaces, so a note wrapped over several lines
    // reads whole again.
    let drawn: Vec<String> = svg
        .split('>')
        .filter_map(|s| s.split('<').next())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(unescape)
        .filter(|t| !is_cut_quote(t, dataset))
        .collect();
    texts.push(drawn.join(" "));
    texts
}

/// A label the layout cut to fit ("the year before …") from a string of the dataset: quoted,
/// like the whole string, though no longer equal to it.
fn is_cut_quote(label: &str, dataset: &[String]) -> bool {
    let Some(stem) = label.strip_suffix('…').map(str::trim_end) else { return false };
    stem.chars().count() >= 3 && dataset.iter().any(|s| s.starts_with(stem))
}

fn unescape(text: &str) -> String {
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'")
}

/// The dataset's strings, to take out of a text in one pass (longest match first).
fn matcher(printed: &[String]) -> AhoCorasick {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(printed).unwrap()
}

/// The English words left in `text` once the dataset's own strings are taken out.
fn english_left(text: &str, printed: &AhoCorasick) -> Vec<String> {
    let quick = text.split(|c: char| !c.is_alphabetic()).any(|w| ENGLISH.contains(&w.to_lowercase().as_str()));
    if !quick {
        return Vec::new();
    }
    let mut rest = printed.replace_all(text, &vec![" "; printed.patterns_len()]);
    // Proper names that are the same in every language.
    for name in ["TIP", "Kelley & Heiss", "UNODC", "tipviz", "Natural Earth", "world-atlas", "visionscarto"] {
        rest = rest.replace(name, " ");
    }
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(str::to_owned)
        .collect()
}

/// `text` without the attributes it quotes as markup, `name="value"`: attribute names and values
/// are what a reader types, the same in every language.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("=\"") {
        let name_start = rest[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map_or(0, |i| i + 1);
        let Some(close) = rest[at + 2..].find('"') else { break };
        out.push_str(&rest[..name_start]);
        out.push(' ');
        rest = &rest[at + 2 + close + 1..];
    }
    out.push_str(rest);
    out
}

fn with_lang(pairs: &[(&str, &str)], lang: &str) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).chain([("lang".to_owned(), lang.to_owned())]).collect()
}

#[test]
fn french_and_spanish_charts_leave_no_english_word() {
    let dataset = dataset_strings();
    let printed = matcher(&dataset);
    let mut leftovers: BTreeSet<String> = BTreeSet::new();
    for lang in ["fr", "es"] {
        for config in CONFIGS {
            let mut widget = Widget::default();
            widget.configure(&with_lang(config, lang)).unwrap_or_else(|e| panic!("{config:?}: {e:?}"));
            let mut texts = BTreeSet::new();
            for width in [960.0, 360.0] {
                let height = widget.preferred_height_css(width).unwrap_or(600.0);
                let size = Size { width_css: width, height_css: height, dpr: 1.0 };
                widget.resize(size);
                texts.extend(texts_of(&widget, size, &dataset));
            }
            for text in texts {
                let mut words = english_left(&text, &printed);
                if lang == "fr" {
                    words.retain(|w| !ALSO_FRENCH.contains(&w.to_lowercase().as_str()));
                }
                if !words.is_empty() {
                    let shown: String = text.chars().take(300).collect();
                    leftovers.insert(format!("{lang} {}: {words:?} in {shown:?}", config[0].1));
                }
            }
        }
        for config in BAD {
            let error = Widget::default().configure(&with_lang(config, lang)).expect_err("a bad value");
            let message = error.message(if lang == "fr" { tipviz::i18n::Lang::Fr } else { tipviz::i18n::Lang::Es });
            // The value as typed, the accepted attribute values (`chart`, `table`) and attributes
            // quoted as markup (`from="2025"`, `chart="tier-summary"`) are not prose.
            let mut prose = without_markup(&message).replace(&error.shown_value(), " ");
            // Longest first, so `country-enforcement` goes whole, not as `country-` and `enforcement`.
            let mut accepted: Vec<&String> = error.accepted.iter().collect();
            accepted.sort_by_key(|v| std::cmp::Reverse(v.len()));
            for value in accepted {
                prose = prose.replace(value.as_str(), " ");
            }
            let words = english_left(&prose, &printed);
            if !words.is_empty() {
                leftovers.insert(format!("{lang} {config:?}: {words:?} in {message:?}"));
            }
        }
    }
    let leftovers: Vec<String> = leftovers.into_iter().collect();
    assert!(leftovers.is_empty(), "{} untranslated texts:\n{}", leftovers.len(), leftovers.join("\n"));
}

#[test]
fn english_words_are_found_when_they_are_there() {
    // The detector itself: an English phrase is caught, a French one and a quoted note are not.
    let printed = matcher(&["the text says so".to_owned()]);
    assert_eq!(english_left("Use the arrow keys", &printed), ["Use", "the", "arrow", "keys"]);
    assert!(english_left("Les flèches du clavier parcourent les années.", &printed).is_empty());
    assert!(english_left("remarque : the text says so", &printed).is_empty());
    // The dataset's ids (`legislation`, `europe`) are not taken out: an untranslated metric
    // name is caught.
    let ids = matcher(&dataset_strings());
    assert_eq!(english_left("Afrique : 12 legislation", &ids), ["legislation"]);
    // Attributes quoted as markup go; the words around them stay to be read.
    assert_eq!(without_markup("from=\"2025\" is later than to=\"2024\""), "  is later than  ");
}

/// The classroom page names the regions in its menus before any chart exists, so it keeps its
/// own copy of their names (www/classroom.js, one `regions` table per language: en, fr, es);
/// a reader must find the same name in the menu and on the chart.
#[test]
fn the_classroom_menus_name_regions_as_the_charts_do() {
    use tipviz::data::Region;
    use tipviz::model::spec::Lang;
    let page = include_str!("../www/classroom.js");
    let tables: Vec<&str> = page.split("regions: {").skip(1).map(|rest| rest.split('}').next().unwrap_or("")).collect();
    assert_eq!(tables.len(), 3, "one regions table per language");
    for (table, lang) in tables.iter().zip([Lang::En, Lang::Fr, Lang::Es]) {
        for region in Region::ALL {
            let entry = format!("\"{}\": \"{}\"", region.id(), tipviz::i18n::region(*region, lang));
            assert!(table.contains(&entry), "{lang:?}: classroom.js should have {entry}");
        }
    }
}

/// Punctuation a sentence put together from parts can get wrong: a full stop after a part that
/// ended with one, an empty part between separators.
const GARBLED: &[&str] = &["..", " .", ";;", "; ;", ",,", ": .", "( ", " )"];

#[test]
fn summaries_readouts_and_tables_read_cleanly_in_every_language() {
    let dataset = dataset_strings();
    let mut garbled: BTreeSet<String> = BTreeSet::new();
    for lang in ["en", "fr", "es"] {
        let configs = CONFIGS.iter().copied().chain([&[("chart", "tier-changes"), ("from", "2014"), ("to", "2015"), ("region", "africa")][..]]);
        for config in configs {
            let mut widget = Widget::default();
            widget.configure(&with_lang(config, lang)).unwrap();
            let size = Size { width_css: 960.0, height_css: widget.preferred_height_css(960.0).unwrap_or(600.0), dpr: 1.0 };
            widget.resize(size);
            for text in texts_of(&widget, size, &dataset) {
                // The "…" of a cut label or list is not a doubled full stop.
                let plain = text.replace('…', "");
                if let Some(bad) = GARBLED.iter().find(|g| plain.contains(*g) && !dataset.iter().any(|d| d.contains(*g) && plain.contains(d.as_str()))) {
                    let at = plain.find(bad).unwrap();
                    let shown: String = plain[at.saturating_sub(80)..].chars().take(160).collect();
                    garbled.insert(format!("{lang} {config:?}: {bad:?} in …{shown}"));
                }
            }
        }
    }
    let garbled: Vec<String> = garbled.into_iter().collect();
    assert!(garbled.is_empty(), "{} garbled texts:\n{}", garbled.len(), garbled.join("\n"));
}

#[test]
fn counts_of_one_take_the_singular_in_french_and_spanish() {
    let summary = |pairs: &[(&str, &str)], lang: &str| {
        let mut widget = Widget::default();
        widget.configure(&with_lang(pairs, lang)).unwrap();
        widget.summary()
    };
    // Africa from 2014 to 2015: one country entered the list.
    let africa = [("chart", "tier-changes"), ("from", "2014"), ("to", "2015"), ("region", "africa")];
    assert!(summary(&africa, "en").contains(", 1 entered the list"), "{}", summary(&africa, "en"));
    assert!(summary(&africa, "fr").contains(", 1 est entré dans la liste"), "{}", summary(&africa, "fr"));
    assert!(summary(&africa, "es").contains(", 1 entró en la lista"), "{}", summary(&africa, "es"));
    // One row of the matrix: the count follows its noun, so it needs no plural.
    let denmark = [("chart", "ratifications"), ("view", "timeline"), ("country", "Denmark")];
    assert!(summary(&denmark, "en").contains("Rows: 1; instruments: 8;"), "{}", summary(&denmark, "en"));
    assert!(summary(&denmark, "fr").contains("Lignes : 1 ; instruments : 8 ;"), "{}", summary(&denmark, "fr"));
}
