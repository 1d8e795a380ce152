//! Interface text in the reader's language (`lang="en|fr|es"`).
//!
//! Every phrase is written where it is used, in all three languages at once, through [`tr!`]
//! (plain text) or [`trf!`] (text with `{0}`, `{1}`… filled in). Both check at compile time
//! that no language is missing or empty and that every language fills the same placeholders,
//! so a missing translation stops the build instead of showing a key or English text.
//! Numbers follow the language too: see [`Numbers`].
//!
//! What stays as printed: quotations and notes from the source documents (English), file
//! names, and the column ids of the CSV download (stable for scripts in every language).

use crate::data::{Metric, Region, Tier};
pub use crate::model::spec::Lang;

/// One piece of interface text in every language tipviz speaks: the English, French and
/// Spanish texts in one string, separated by [`SEPARATOR`]. One string per phrase, because
/// three `&str` side by side put a 24-byte table in the wasm at every use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase(&'static str);

/// Separates a phrase's three texts: the ASCII unit separator, which no text holds (checked).
pub const SEPARATOR: char = '\u{1f}';

/// The placeholders `{0}`–`{9}` that `bytes[start..end]` uses, as a bit set.
const fn placeholders(bytes: &[u8], start: usize, end: usize) -> u16 {
    let mut set = 0u16;
    let mut i = start;
    while i + 2 < end {
        if bytes[i] == b'{' && bytes[i + 1].is_ascii_digit() && bytes[i + 2] == b'}' {
            set |= 1 << (bytes[i + 1] - b'0');
        }
        i += 1;
    }
    set
}

impl Phrase {
    /// A phrase from its three texts joined by [`SEPARATOR`] (as [`phrase!`] joins them), all
    /// there and filling the same placeholders. Called in a `const` block by the macros, so a
    /// failure here is a compile error.
    pub const fn checked(joined: &'static str) -> Phrase {
        let bytes = joined.as_bytes();
        // Where the English and the French text end.
        let mut ends = [0; 2];
        let mut found = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == SEPARATOR as u8 {
                assert!(found < 2, "a text holds the separator");
                ends[found] = i;
                found += 1;
            }
            i += 1;
        }
        assert!(found == 2, "a phrase needs three texts");
        let [en_end, fr_end] = ends;
        assert!(en_end > 0 && fr_end > en_end + 1 && bytes.len() > fr_end + 1, "a translation is missing");
        let wanted = placeholders(bytes, 0, en_end);
        assert!(
            placeholders(bytes, en_end + 1, fr_end) == wanted && placeholders(bytes, fr_end + 1, bytes.len()) == wanted,
            "translations fill other placeholders"
        );
        Phrase(joined)
    }

    pub fn get(self, lang: Lang) -> &'static str {
        let mut texts = self.0.split(SEPARATOR);
        let text = match lang {
            Lang::En => texts.next(),
            Lang::Fr => texts.nth(1),
            Lang::Es => texts.nth(2),
        };
        text.unwrap_or_default()
    }

    /// The text in `lang` with `{0}` replaced by `args[0]`, and so on.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        let text = self.get(lang);
        let mut out = String::with_capacity(text.len() + args.iter().map(|a| a.len()).sum::<usize>());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let digit = rest.as_bytes().get(open + 1).filter(|d| d.is_ascii_digit());
            match (digit, rest.as_bytes().get(open + 2)) {
                (Some(d), Some(b'}')) => {
                    out.push_str(&rest[..open]);
                    out.push_str(args.get(usize::from(d - b'0')).copied().unwrap_or_default());
                    rest = &rest[open + 3..];
                }
                _ => {
                    out.push_str(&rest[..=open]);
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// `phrase!("English", "français", "español")`: the checked [`Phrase`], a constant.
#[macro_export]
macro_rules! phrase {
    ($en:literal, $fr:literal, $es:literal $(,)?) => {
        const { $crate::i18n::Phrase::checked(concat!($en, "\u{1f}", $fr, "\u{1f}", $es)) }
    };
}

/// `tr!(lang, "English", "français", "español")`: the phrase in `lang`, a `&'static str`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $fr:literal, $es:literal $(,)?) => {
        $crate::phrase!($en, $fr, $es).get($lang)
    };
}

/// `trf!(lang, "{0} rose", "{0} a augmenté", "{0} aumentó"; value)`: the phrase in `lang`
/// with its placeholders filled by the values after the `;` (anything `AsRef<str>`).
#[macro_export]
macro_rules! trf {
    ($lang:expr, $en:literal, $fr:literal, $es:literal; $($arg:expr),+ $(,)?) => {
        $crate::phrase!($en, $fr, $es).fill($lang, &[$(AsRef::<str>::as_ref(&$arg)),+])
    };
}

pub use crate::{phrase, tr, trf};

/// Numbers as the reader's language writes them: `15,791` / `15 791` / `15.791`, and
/// decimals with a point or a comma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbers(pub Lang);

impl Numbers {
    /// Whole numbers grouped by thousands. French groups with a narrow no-break space; Spanish
    /// groups with a point from five digits on (`1234`, `12.345`), as its usage has it.
    pub fn whole(self, n: u64) -> String {
        let digits = n.to_string();
        let (separator, from_digits) = match self.0 {
            Lang::En => (",", 4),
            Lang::Fr => ("\u{202f}", 4),
            Lang::Es => (".", 5),
        };
        if digits.len() < from_digits {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(separator);
            }
            out.push(c);
        }
        out
    }

    /// A number with one decimal place at most (`2.5`, `2,5`, `3`).
    pub fn one_decimal(self, x: f64) -> String {
        let tenths = (x * 10.0).round() as i64;
        let whole = self.whole(tenths.unsigned_abs() / 10);
        let sign = if tenths < 0 { "-" } else { "" };
        match tenths.unsigned_abs() % 10 {
            0 => format!("{sign}{whole}"),
            d => format!("{sign}{whole}{}{d}", if self.0 == Lang::En { "." } else { "," }),
        }
    }

    /// Axis labels: `15k`, `2.5k`, `1.2M` (`2,5k` in French and Spanish).
    pub fn compact(self, n: f64) -> String {
        if n >= 1_000_000.0 {
            format!("{}M", self.one_decimal(n / 1_000_000.0))
        } else if n >= 1_000.0 {
            format!("{}k", self.one_decimal(n / 1_000.0))
        } else {
            self.whole(n.round().max(0.0) as u64)
        }
    }

    /// A share of a total as a percentage, with a decimal when it is under 10: `4.5%`, `12%`,
    /// `4,5 %` (French puts a space before the sign).
    pub fn percent(self, part: u64, total: u64) -> String {
        let share = if total == 0 { 0.0 } else { part as f64 * 100.0 / total as f64 };
        let number = if share < 10.0 { self.one_decimal(share) } else { self.whole(share.round() as u64) };
        match self.0 {
            Lang::Fr => format!("{number}\u{202f}%"),
            _ => format!("{number}%"),
        }
    }
}

/// A tier's name as the reports' French and Spanish editions give it.
pub fn tier(t: Tier, lang: Lang) -> &'static str {
    match t {
        Tier::One => tr!(lang, "Tier 1", "Catégorie 1", "Nivel 1"),
        Tier::Two => tr!(lang, "Tier 2", "Catégorie 2", "Nivel 2"),
        Tier::WatchList => {
            tr!(lang, "Tier 2 Watch List", "Liste de surveillance de la catégorie 2", "Lista de vigilancia del Nivel 2")
        }
        Tier::Three => tr!(lang, "Tier 3", "Catégorie 3", "Nivel 3"),
        Tier::Special => tr!(lang, "Special case", "Cas particulier", "Caso especial"),
    }
}

/// The short name for narrow places (legends on a phone).
pub fn tier_short(t: Tier, lang: Lang) -> &'static str {
    match t {
        Tier::WatchList => tr!(lang, "Tier 2 WL", "Cat. 2 LS", "Nivel 2 LV"),
        Tier::Special => tr!(lang, "Special", "Particulier", "Especial"),
        other => tier(other, lang),
    }
}

pub fn region(r: Region, lang: Lang) -> &'static str {
    match r {
        Region::Africa => tr!(lang, "Africa", "Afrique", "África"),
        Region::EastAsiaPacific => tr!(lang, "East Asia & Pacific", "Asie de l'Est et Pacifique", "Asia oriental y el Pacífico"),
        Region::Europe => tr!(lang, "Europe", "Europe", "Europa"),
        Region::NearEast => tr!(lang, "Near East", "Proche-Orient", "Cercano Oriente"),
        Region::SouthCentralAsia => tr!(lang, "South & Central Asia", "Asie du Sud et centrale", "Asia meridional y central"),
        Region::WesternHemisphere => tr!(lang, "Western Hemisphere", "Hémisphère occidental", "Hemisferio occidental"),
    }
}

pub fn metric(m: Metric, lang: Lang) -> &'static str {
    match m {
        Metric::Prosecutions => tr!(lang, "Prosecutions", "Poursuites", "Procesamientos"),
        Metric::ProsecutionsLabor => tr!(
            lang,
            "Prosecutions (labor only)",
            "Poursuites (travail forcé seul)",
            "Procesamientos (solo trabajo forzoso)"
        ),
        Metric::Convictions => tr!(lang, "Convictions", "Condamnations", "Condenas"),
        Metric::ConvictionsLabor => tr!(
            lang,
            "Convictions (labor only)",
            "Condamnations (travail forcé seul)",
            "Condenas (solo trabajo forzoso)"
        ),
        Metric::Victims => tr!(lang, "Victims identified", "Victimes identifiées", "Víctimas identificadas"),
        Metric::VictimsLabor => tr!(
            lang,
            "Victims identified (labor only)",
            "Victimes identifiées (travail forcé seul)",
            "Víctimas identificadas (solo trabajo forzoso)"
        ),
        Metric::Legislation => {
            tr!(lang, "New or amended legislation", "Lois nouvelles ou modifiées", "Leyes nuevas o modificadas")
        }
    }
}

/// `2025 TIP Report` / `Rapport TIP 2025` / `Informe TIP 2025`.
pub fn tip_report(edition: u16, lang: Lang) -> String {
    trf!(lang, "{0} TIP Report", "Rapport TIP {0}", "Informe TIP {0}"; edition.to_string())
}

/// `line 12` or `lines 12, 40`.
pub fn lines(numbers: &[u32], lang: Lang) -> String {
    let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
    let list = list.join(", ");
    if numbers.len() == 1 {
        trf!(lang, "line {0}", "ligne {0}", "línea {0}"; list)
    } else {
        trf!(lang, "lines {0}", "lignes {0}", "líneas {0}"; list)
    }
}

/// What a summary says when a chart has nothing to show.
pub fn no_values(lang: Lang) -> &'static str {
    tr!(lang, "No values to show.", "Aucune valeur à afficher.", "No hay valores que mostrar.")
}

/// The last column of every table: where each row's values were printed.
pub fn source_column(lang: Lang) -> &'static str {
    tr!(lang, "Source", "Source", "Fuente")
}

/// A remark from the source, labelled as such: `note: …` (the remark stays as printed).
pub fn note(text: &str, lang: Lang) -> String {
    trf!(lang, "note: {0}", "remarque : {0}", "nota: {0}"; text)
}

/// What separates the parts of a sentence: "; ", or " ; " with the space French puts before a
/// semicolon as before a colon.
pub fn separator(lang: Lang) -> &'static str {
    tr!(lang, "; ", " ; ", "; ")
}

/// `label: value`, with the space French puts before a colon (`Poursuites : 15 791`).
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label} : {value}"),
        _ => format!("{label}: {value}"),
    }
}

/// Country names in a list: separated by commas, or by semicolons where a name holds a comma
/// ("Congo, Democratic Republic of the; Congo, Republic of; Djibouti"), which commas alone
/// would run together into one list of wrong names.
pub fn name_list(names: &[&str]) -> String {
    let separator = if names.iter().any(|n| n.contains(',')) { "; " } else { ", " };
    names.join(separator)
}

/// Items in a sentence: `a, b and c` / `a, b et c` / `a, b y c`.
pub fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = tr!(lang, "and", "et", "y");
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// The form names sort in. English keeps the plain order it always had; French and Spanish
/// sort without case and accents, so `Îles Marshall` comes under I and `Líbano` under L.
pub fn sort_key(name: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return name.to_owned();
    }
    let mut key = String::with_capacity(name.len());
    for c in name.chars().map(crate::data::lower_latin) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => key.push('a'),
            'ç' => key.push('c'),
            'è' | 'é' | 'ê' | 'ë' => key.push('e'),
            'ì' | 'í' | 'î' | 'ï' => key.push('i'),
            'ñ' => key.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => key.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => key.push('u'),
            'ý' | 'ÿ' => key.push('y'),
            'æ' => key.push_str("ae"),
            'œ' => key.push_str("oe"),
            other => key.push(other),
        }
    }
    key
}

/// The words of the widget's own controls and messages (the loader's buttons, tooltip,
/// announcements and key help), for the chart shown: `searches` is what its type-ahead finds
/// (`country`, `region`, `country or edition`), if anything. `{0}` in a value is filled by the
/// loader (a series label, or the text typed).
pub fn widget_words(lang: Lang, searches: Option<&str>) -> Vec<(&'static str, String)> {
    // What type-ahead finds, as each language's phrases need it: "(the name) of a country" and
    // "no country", which in French and Spanish agree with the noun's gender.
    let noun = searches.map(|s| match s {
        "country" => (tr!(lang, "country", "d'un pays", "de un país"), tr!(lang, "country", "Aucun pays", "Ningún país")),
        "region" => (tr!(lang, "region", "d'une région", "de una región"), tr!(lang, "region", "Aucune région", "Ninguna región")),
        _ => (
            tr!(lang, "country or edition", "d'un pays ou d'une édition", "de un país o de una edición"),
            tr!(lang, "country or edition", "Aucun pays ni aucune édition", "Ningún país ni edición"),
        ),
    });
    let own = |s: &str| s.to_owned();
    let mut words = vec![
        // The widget box's `lang` attribute, so screen readers speak it in its language even
        // on a page in another (WCAG 3.1.2).
        ("lang_code", own(tr!(lang, "en", "fr", "es"))),
        ("download_csv", own(tr!(lang, "Download CSV", "Télécharger le CSV", "Descargar CSV"))),
        ("download_png", own(tr!(lang, "Download PNG", "Télécharger le PNG", "Descargar PNG"))),
        ("cannot_show", own(tr!(lang, "This chart cannot be shown", "Ce graphique ne peut pas être affiché", "Este gráfico no se puede mostrar"))),
        ("stopped", own(tr!(lang, "tipviz stopped", "tipviz s'est arrêté", "tipviz se detuvo"))),
        ("internal_error", own(tr!(lang, "Internal error: {0}", "Erreur interne : {0}", "Error interno: {0}"))),
        ("show", own(tr!(lang, "Show {0}", "Afficher {0}", "Mostrar {0}"))),
        ("hide", own(tr!(lang, "Hide {0}", "Masquer {0}", "Ocultar {0}"))),
        // French and Spanish name the series first, so the participle agrees with "série"
        // whatever the label's gender and number ("Poursuites masqué" did not).
        ("shown", own(tr!(lang, "{0} shown", "Série affichée : {0}", "Serie visible: {0}"))),
        ("hidden", own(tr!(lang, "{0} hidden", "Série masquée : {0}", "Serie oculta: {0}"))),
        ("chart_role", own(tr!(lang, "chart", "graphique", "gráfico"))),
        // Between the parts of the canvas's name.
        ("separator", own(separator(lang))),
        ("key_help_title", own(tr!(lang, "Keyboard", "Clavier", "Teclado"))),
        ("key_help_open", own(tr!(lang, "Keyboard help (?)", "Aide clavier (?)", "Ayuda de teclado (?)"))),
        ("close", own(tr!(lang, "Close", "Fermer", "Cerrar"))),
        ("key_arrows", own(tr!(lang, "step through the values", "parcourir les valeurs", "recorrer los valores"))),
        ("key_home_end", own(tr!(lang, "first or last value", "première ou dernière valeur", "primer o último valor"))),
        ("key_enter", own(tr!(lang, "pin the value and announce it", "épingler la valeur et l'annoncer", "fijar el valor y anunciarlo"))),
        ("key_escape", own(tr!(lang, "clear the pin, close this help", "retirer l'épingle, fermer cette aide", "quitar la fijación, cerrar esta ayuda"))),
        ("key_tab", own(tr!(lang, "legend buttons and downloads", "boutons de la légende et téléchargements", "botones de la leyenda y descargas"))),
        ("key_tab_buttons", own(tr!(lang, "this help's button and downloads", "bouton de cette aide et téléchargements", "botón de esta ayuda y descargas"))),
        ("key_help", own(tr!(lang, "show or hide this help", "afficher ou masquer cette aide", "mostrar u ocultar esta ayuda"))),
        // The names of the keys as each language's keyboards print them.
        ("keycap_home_end", own(tr!(lang, "Home, End", "Début, Fin", "Inicio, Fin"))),
        ("keycap_enter", own(tr!(lang, "Enter, Space", "Entrée, Espace", "Intro, Espacio"))),
        ("keycap_escape", own(tr!(lang, "Esc", "Échap", "Esc"))),
        ("keycap_tab", own(tr!(lang, "Tab", "Tab", "Tab"))),
        ("keycap_letters", own(tr!(lang, "a–z", "a–z", "a–z"))),
    ];
    let how = match noun {
        Some((of_noun, no_noun)) => {
            words.push(("key_type", trf!(lang, "type a {0} to jump to it", "taper le nom {0} pour y aller", "escribir el nombre {0} para ir a él"; of_noun)));
            words.push(("no_match", trf!(lang, "No {0} starts with \u{201c}{1}\u{201d}.", "{0} ne commence par « {1} ».", "{0} empieza por «{1}».";
                no_noun, "{0}")));
            trf!(lang,
                "Tab here and use the arrow keys or type the name of a {0} to read values; ? for keys",
                "Tab ici, puis les flèches ou le nom {0} pour lire les valeurs ; ? pour l'aide clavier",
                "Tab aquí, luego las flechas o el nombre {0} para leer los valores; ? para la ayuda de teclado";
                of_noun)
        }
        None => tr!(lang,
            "Tab here and use the arrow keys to read values; ? for keys",
            "Tab ici, puis les flèches pour lire les valeurs ; ? pour l'aide clavier",
            "Tab aquí, luego las flechas para leer los valores; ? para la ayuda de teclado").to_owned(),
    };
    words.push(("how_to_read", how));
    words
}

/// What the loader says when the engine itself cannot start (before any of the above can be
/// asked for); the loader holds these few words itself, in `www/loader.js`.
#[cfg(test)]
const LOADER_OWN_WORDS: &[&str] = &["could not start", "n'a pas pu démarrer", "no pudo iniciarse"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_commas_are_listed_apart() {
        assert_eq!(name_list(&["Benin", "Botswana"]), "Benin, Botswana");
        assert_eq!(name_list(&["Congo, Republic of", "Djibouti"]), "Congo, Republic of; Djibouti");
    }

    #[test]
    fn the_latin_lower_case_agrees_with_unicode_on_every_name_the_dataset_holds() {
        let dataset = crate::data::dataset();
        let mut names: Vec<&str> = Vec::new();
        for c in dataset.countries.iter() {
            names.extend([&*c.id, &*c.name, &*c.name_fr, &*c.name_es]);
            names.extend(c.aliases.iter().map(|a| &**a));
        }
        names.extend(dataset.tiers.iter().map(|t| t.name_printed.as_ref()));
        assert!(names.iter().any(|n| n.contains('Î')) && names.iter().any(|n| n.contains('É')), "accented capitals are covered");
        for name in names {
            assert_eq!(crate::data::lowercase(name), name.to_lowercase(), "{name}");
        }
        // Letters beyond Latin-1 are kept as they are rather than guessed.
        assert_eq!(crate::data::lowercase("ŁÓDŹ"), "ŁódŹ");
    }

    #[test]
    fn phrases_fill_their_placeholders_in_the_order_each_language_needs() {
        let p = phrase!("{0} in {1}", "en {1} : {0}", "{0} en {1}");
        assert_eq!(p.fill(Lang::En, &["Tier 1", "2025"]), "Tier 1 in 2025");
        assert_eq!(p.fill(Lang::Fr, &["Catégorie 1", "2025"]), "en 2025 : Catégorie 1");
        // Braces that are not placeholders stay as they are.
        assert_eq!(phrase!("{x} {0}", "{x} {0}", "{x} {0}").fill(Lang::Es, &["a"]), "{x} a");
        assert_eq!(trf!(Lang::Fr, "{0} TIP Report", "Rapport TIP {0}", "Informe TIP {0}"; "2024"), "Rapport TIP 2024");
    }

    #[test]
    #[should_panic(expected = "a translation is missing")]
    fn a_missing_translation_is_refused() {
        // In a `tr!` this is a compile error; called at run time it panics the same way.
        let _ = Phrase::checked("Year\u{1f}\u{1f}Año");
    }

    #[test]
    #[should_panic(expected = "holds the separator")]
    fn a_text_holding_the_separator_is_refused() {
        let _ = Phrase::checked("a\u{1f}b\u{1f}c\u{1f}d");
    }

    #[test]
    #[should_panic(expected = "other placeholders")]
    fn a_translation_that_drops_a_value_is_refused() {
        let _ = Phrase::checked("{0} rose to {1}\u{1f}{0} a augmenté\u{1f}{0} subió a {1}");
    }

    #[test]
    fn numbers_are_grouped_and_pointed_as_each_language_writes_them() {
        let (en, fr, es) = (Numbers(Lang::En), Numbers(Lang::Fr), Numbers(Lang::Es));
        assert_eq!([en.whole(0), en.whole(999), en.whole(1_000), en.whole(1_234_567)], ["0", "999", "1,000", "1,234,567"]);
        assert_eq!(fr.whole(133_948), "133\u{202f}948");
        assert_eq!([es.whole(1_234), es.whole(12_345)], ["1234", "12.345"]);
        assert_eq!([en.compact(2_500.0), fr.compact(2_500.0), es.compact(15_000.0)], ["2.5k", "2,5k", "15k"]);
        assert_eq!([en.compact(1_200_000.0), en.compact(20.0), en.compact(0.0)], ["1.2M", "20", "0"]);
        assert_eq!([en.percent(1, 8), fr.percent(1, 8), en.percent(3, 0), es.percent(1, 40)], ["13%", "13\u{202f}%", "0%", "2,5%"]);
        assert_eq!([en.one_decimal(-2.46), es.one_decimal(2.04)], ["-2.5", "2"]);
    }

    #[test]
    fn lists_join_with_the_languages_and() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(and_list(&items, Lang::Fr), "a, b et c");
        assert_eq!(and_list(&items[..1], Lang::Es), "a");
        assert_eq!(lines(&[3, 9], Lang::Es), "líneas 3, 9");
    }

    #[test]
    fn french_and_spanish_names_sort_without_accents() {
        let mut names = ["Îles Marshall", "Islande", "Inde"];
        crate::sort::sort_by_key(&mut names, |n| sort_key(n, Lang::Fr));
        assert_eq!(names, ["Îles Marshall", "Inde", "Islande"]);
        assert_eq!(sort_key("Líbano", Lang::Es), "libano");
        assert_eq!(sort_key("Côte d'Ivoire", Lang::En), "Côte d'Ivoire");
    }

    #[test]
    fn the_widget_words_exist_in_every_language_with_the_same_keys() {
        let keys = |lang| widget_words(lang, Some("country")).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys(Lang::En), keys(Lang::Fr));
        assert_eq!(keys(Lang::En), keys(Lang::Es));
        let fr = widget_words(Lang::Fr, Some("region"));
        let no_match = &fr.iter().find(|(k, _)| *k == "no_match").unwrap().1;
        assert_eq!(no_match, "Aucune région ne commence par « {0} ».");
        let es = widget_words(Lang::Es, Some("country"));
        let key_type = &es.iter().find(|(k, _)| *k == "key_type").unwrap().1;
        assert_eq!(key_type, "escribir el nombre de un país para ir a él");
        assert!(widget_words(Lang::Es, None).iter().all(|(k, _)| *k != "no_match"), "no type-ahead, no message for it");
        // The loader's own few words are there in each language.
        let loader = include_str!("../www/loader.js");
        for words in LOADER_OWN_WORDS {
            assert!(loader.contains(words), "{words}");
        }
    }
}
