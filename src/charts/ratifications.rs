//! `ratifications`: the reports' "Relevant International Conventions" charts as one matrix of
//! countries × instruments, or as a timeline of ratification events; under either, what the
//! sources say about the parties to the UN TIP Protocol.
//!
//! - `edition="2018" | "2024" | "2025" | "all"` (default `all`): whose charts to show. No
//!   country is in two charts, so `all` is one row per listed country.
//! - `instrument="palermo" | "opsc" | … | "c189"`: the column (or timeline row) drawn emphasised.
//! - `country="…"`: only these countries (names or codes, comma separated). A country no chart
//!   lists gets a row of what the sources do say (the 2025 list of non-parties, the UNODC new
//!   parties) and "not in the source" for the rest.
//! - `sort="country" | "year"` (default `country`): rows by name, or by the year in the
//!   `instrument` column (without one, by the row's earliest year), oldest first.
//! - `view="timeline"`: the year cells as events on a time axis, one row per instrument.
//!
//! Empty cells. Each chart gives a listed country's status for all eight instruments, with a
//! year for "Ratification, Accession (a), or Acceptance (A)" (its legend) and a dash otherwise.
//! So a dash in a listed country's row is the source saying "not party as of this report",
//! and is drawn as "not party". Cells the text extraction lost (the 2025 chart's C182 years,
//! cut to "200", and its whole C189 column) and every cell of a country no chart lists are "not
//! in the source". See data/notes/ratifications.md.

use crate::i18n::{self, phrase, tr, trf, Lang, Numbers, Phrase};
use crate::data::{Dataset, Instrument, PartyFact, ProtocolParty, Ratification, RatificationKind, SourceRef};
use crate::charts::{describe, document};
use crate::model::line::not_in_the_source;
use crate::model::matrix::{not_party, CellInput, CellKind, ChipGroupInput, ChipInput, ColumnInput, MatrixInput, MatrixView, RowInput};
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

pub const EDITIONS: [u16; 3] = [2018, 2024, 2025];

/// Cells of a chart the text extraction lost, with what survives; data/notes/ratifications.md
/// ("Lost / ambiguous cells") has the line-by-line account.
const LOST: [(u16, Instrument, Phrase); 2] = [
    (
        2025,
        Instrument::C182,
        phrase!(
            "the text of the 2025 chart cuts this year off (printed \"200\" or \"20°\")",
            "le texte du tableau de 2025 tronque cette année (imprimée \"200\" ou \"20°\")",
            "el texto del cuadro de 2025 corta este año (impreso \"200\" o \"20°\")",
        ),
    ),
    (
        2025,
        Instrument::C189,
        phrase!(
            "the text of the 2025 chart lost this whole column, heading and cells",
            "le texte du tableau de 2025 a perdu toute cette colonne, en-tête et cases",
            "el texto del cuadro de 2025 perdió toda esta columna, encabezado y casillas",
        ),
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Country,
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatificationsSpec {
    /// The reader's language: every word the chart writes follows it.
    pub lang: crate::i18n::Lang,
    pub editions: Vec<u16>,
    pub instrument: Option<Instrument>,
    /// Empty for every listed country.
    pub countries: Vec<String>,
    pub sort: Sort,
    pub timeline: bool,
}

/// The matrix header: the charts' own short codes, the same in every language.
pub fn short_name(instrument: Instrument) -> &'static str {
    match instrument {
        Instrument::Palermo => "TIP",
        Instrument::Opsc => "OPSC",
        Instrument::Opac => "OPAC",
        Instrument::C029 => "C29",
        Instrument::P029 => "P29",
        Instrument::C105 => "C105",
        Instrument::C182 => "C182",
        Instrument::C189 => "C189",
    }
}

/// The timeline's row label: short, as a phone's label column allows.
pub fn label(instrument: Instrument, lang: Lang) -> &'static str {
    match instrument {
        Instrument::Palermo => tr!(lang, "UN TIP Protocol", "Palerme (ONU)", "Palermo (ONU)"),
        Instrument::Opsc => tr!(lang, "CRC-OPSC", "CDE-OPSC", "CDN-OPSC"),
        Instrument::Opac => tr!(lang, "CRC-OPAC", "CDE-OPAC", "CDN-OPAC"),
        Instrument::C029 => tr!(lang, "ILO C29", "OIT C29", "OIT C29"),
        Instrument::P029 => tr!(lang, "ILO P29", "OIT P29", "OIT P29"),
        Instrument::C105 => tr!(lang, "ILO C105", "OIT C105", "OIT C105"),
        Instrument::C182 => tr!(lang, "ILO C182", "OIT C182", "OIT C182"),
        Instrument::C189 => tr!(lang, "ILO C189", "OIT C189", "OIT C189"),
    }
}

/// The full name: in English as the charts print it, in French and Spanish the official title.
pub fn full_name(instrument: Instrument, lang: Lang) -> &'static str {
    match instrument {
        Instrument::Palermo => tr!(
            lang,
            "UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (2000)",
            "Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et \
             des enfants (ONU, 2000)",
            "Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños \
             (ONU, 2000)"
        ),
        Instrument::Opsc => tr!(
            lang,
            "Optional Protocol to the Convention on the Rights of the Child on the Sale of Children, Child \
             Prostitution and Child Pornography (2000)",
            "Protocole facultatif à la Convention relative aux droits de l'enfant, concernant la vente d'enfants, \
             la prostitution des enfants et la pornographie mettant en scène des enfants (2000)",
            "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, la \
             prostitución infantil y la utilización de niños en la pornografía (2000)"
        ),
        Instrument::Opac => tr!(
            lang,
            "Optional Protocol to the Convention on the Rights of the Child on the Involvement of Children in Armed \
             Conflict (2000)",
            "Protocole facultatif à la Convention relative aux droits de l'enfant, concernant l'implication \
             d'enfants dans les conflits armés (2000)",
            "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la participación de \
             niños en los conflictos armados (2000)"
        ),
        Instrument::C029 => tr!(
            lang,
            "ILO Convention 29, Forced Labour (1930)",
            "OIT, Convention (n° 29) sur le travail forcé, 1930",
            "OIT, Convenio sobre el trabajo forzoso, 1930 (núm. 29)"
        ),
        Instrument::P029 => tr!(
            lang,
            "ILO Protocol of 2014 to the Forced Labour Convention",
            "OIT, Protocole de 2014 relatif à la convention sur le travail forcé, 1930",
            "OIT, Protocolo de 2014 relativo al Convenio sobre el trabajo forzoso, 1930"
        ),
        Instrument::C105 => tr!(
            lang,
            "ILO Convention 105, Abolition of Forced Labour (1957)",
            "OIT, Convention (n° 105) sur l'abolition du travail forcé, 1957",
            "OIT, Convenio sobre la abolición del trabajo forzoso, 1957 (núm. 105)"
        ),
        Instrument::C182 => tr!(
            lang,
            "ILO Convention 182, Elimination of Worst Forms of Child Labour (1999)",
            "OIT, Convention (n° 182) sur les pires formes de travail des enfants, 1999",
            "OIT, Convenio sobre las peores formas de trabajo infantil, 1999 (núm. 182)"
        ),
        Instrument::C189 => tr!(
            lang,
            "ILO Convention 189, Domestic Workers (2011)",
            "OIT, Convention (n° 189) sur les travailleuses et travailleurs domestiques, 2011",
            "OIT, Convenio sobre las trabajadoras y los trabajadores domésticos, 2011 (núm. 189)"
        ),
    }
}

/// The reporting period a chart covers: "April 2017 and March 2018", as each chart's scope
/// sentence words it.
fn period(edition: u16, lang: Lang) -> String {
    trf!(lang, "April {0} and March {1}", "avril {0} et mars {1}", "abril de {0} y marzo de {1}";
        (edition - 1).to_string(), edition.to_string())
}

/// Editions' reports without an article: `2018 TIP Report`, `Rapports TIP 2018, 2024, 2025`.
fn reports(editions: &[u16], lang: Lang) -> String {
    match editions {
        [one] => i18n::tip_report(*one, lang),
        _ => {
            let all: Vec<String> = editions.iter().map(u16::to_string).collect();
            trf!(lang, "{0} TIP Reports", "Rapports TIP {0}", "Informes TIP {0}"; all.join(", "))
        }
    }
}

/// The countries each edition's chart lists.
fn listed(dataset: &Dataset, edition: u16) -> Vec<&str> {
    let mut ids: Vec<&str> =
        dataset.ratifications.iter().filter(|r| r.edition == edition).map(|r| r.country.as_ref()).collect();
    crate::sort::sort(&mut ids);
    ids.dedup();
    ids
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<RatificationsSpec, SpecError> {
    let lang = crate::model::spec::parse_lang(attrs).unwrap_or_default();
    let editions = match attrs.choose("edition", &["2018", "2024", "2025", "all"], "all")?.as_str() {
        "all" => EDITIONS.to_vec(),
        one => vec![one.parse().unwrap_or(2025)],
    };
    let ids: Vec<&str> = Instrument::ALL.iter().map(|i| i.id()).collect();
    let instrument = match attrs.given("instrument") {
        None => None,
        Some(asked) => {
            let lower = asked.to_ascii_lowercase();
            // "C29" and "P29" as well as the padded ids.
            let found = Instrument::ALL.iter().copied().find(|i| {
                i.id() == lower || short_name(*i).eq_ignore_ascii_case(&lower) || i.id().replace('0', "") == lower.replace('0', "")
            });
            Some(found.ok_or_else(|| SpecError::new("instrument", asked, &ids))?)
        }
    };
    let sort = match attrs.choose("sort", &["country", "year"], "country")?.as_str() {
        "year" => Sort::Year,
        _ => Sort::Country,
    };
    let timeline = attrs.given("view").is_some_and(|v| v.eq_ignore_ascii_case("timeline"));
    let countries = match attrs.given("country") {
        None => Vec::new(),
        Some(asked) => countries(dataset, asked, lang)?,
    };
    Ok(RatificationsSpec { lang, editions, instrument, countries, sort, timeline })
}

/// Country names or codes, comma separated; a name with a comma in it ("Korea, Republic of")
/// stays whole.
fn countries(dataset: &Dataset, asked: &str, lang: Lang) -> Result<Vec<String>, SpecError> {
    let mut charted = Vec::new();
    for edition in EDITIONS {
        charted.extend(listed(dataset, edition));
    }
    crate::sort::sort(&mut charted);
    let found = dataset.countries_in_list(asked).map_err(|bad| {
        let mut names = Vec::with_capacity(charted.len());
        for id in &charted {
            names.push(dataset.name_of(id));
        }
        let list = i18n::name_list(&names);
        SpecError::new("country", bad, &charted).explained(trf!(lang,
            "is not a country or territory tipviz knows. Write a name (such as {0}) or a three-letter code \
             (such as DNK). The conventions charts list: {1}.",
            "n'est pas un pays ou territoire que tipviz connaît. Écrivez un nom (par exemple {0}) ou un code \
             à trois lettres (par exemple DNK). Les tableaux des conventions citent : {1}.",
            "no es un país o territorio que tipviz conozca. Escriba un nombre (por ejemplo, {0}) o un código \
             de tres letras (por ejemplo, DNK). Los cuadros de convenciones incluyen: {1}.";
            dataset.name_of("DNK"), list))
    })?;
    let mut ids = Vec::with_capacity(found.len());
    for (c, _) in found {
        ids.push(c.id.to_string());
    }
    if ids.is_empty() {
        return Err(SpecError::new("country", asked, &charted).explained(tr!(
            lang,
            "names no country.",
            "ne nomme aucun pays.",
            "no nombra ningún país."
        )));
    }
    Ok(ids)
}

/// One row of the matrix: a country, and the chart that lists it (if any does).
struct Row<'d> {
    country: &'d str,
    edition: Option<u16>,
}

fn cells_of<'d>(dataset: &'d Dataset, country: &str, edition: u16) -> Vec<&'d Ratification> {
    let mut cells = Vec::new();
    for r in dataset.ratifications_of(country) {
        if r.edition == edition {
            cells.push(r);
        }
    }
    cells
}

fn facts<'d>(dataset: &'d Dataset, spec: &RatificationsSpec) -> Vec<&'d ProtocolParty> {
    let mut facts = Vec::new();
    for p in dataset.protocol_parties.iter() {
        if spec.editions.contains(&p.edition) {
            facts.push(p);
        }
    }
    facts
}

fn rows<'d>(dataset: &'d Dataset, spec: &'d RatificationsSpec) -> Vec<Row<'d>> {
    let mut rows = Vec::new();
    for &edition in &spec.editions {
        let mut listed = listed(dataset, edition);
        listed.retain(|id| spec.countries.is_empty() || spec.countries.iter().any(|c| c == id));
        let year_of = |id: &str| -> u16 {
            let cells = cells_of(dataset, id, edition);
            match spec.instrument {
                Some(instrument) => cells.iter().find(|r| r.instrument == instrument).map_or(u16::MAX, |r| r.year),
                None => cells.iter().map(|r| r.year).min().unwrap_or(u16::MAX),
            }
        };
        let name = |id: &str| i18n::sort_key(dataset.name_of(id), spec.lang);
        match spec.sort {
            Sort::Country => crate::sort::sort_by_key(&mut listed, |id| name(id)),
            Sort::Year => crate::sort::sort_by_key(&mut listed, |id| (year_of(id), name(id))),
        }
        for country in listed {
            rows.push(Row { country, edition: Some(edition) });
        }
    }
    for id in &spec.countries {
        if !rows.iter().any(|r| r.country == id) {
            rows.push(Row { country: dataset.country(id).map_or(id.as_str(), |c| &*c.id), edition: None });
        }
    }
    rows
}

fn kind_words(r: &Ratification, lang: Lang) -> &'static str {
    match r.kind {
        RatificationKind::Ratification if r.edition == 2018 => tr!(
            lang,
            "ratification (the 2018 chart prints no kind marks at all, so this means no mark was printed)",
            "ratification (le tableau de 2018 n'imprime aucune marque de type : cela signifie seulement qu'aucune \
             marque n'est imprimée)",
            "ratificación (el cuadro de 2018 no imprime ninguna marca de tipo: solo significa que no se imprimió \
             ninguna marca)"
        ),
        RatificationKind::Ratification => {
            tr!(lang, "ratification (no mark printed)", "ratification (aucune marque imprimée)", "ratificación (sin marca impresa)")
        }
        RatificationKind::Accession => {
            tr!(lang, "accession (printed \"(a)\")", "adhésion (imprimé \"(a)\")", "adhesión (impreso \"(a)\")")
        }
        RatificationKind::Acceptance => {
            tr!(lang, "acceptance (printed \"(A)\")", "acceptation (imprimé \"(A)\")", "aceptación (impreso \"(A)\")")
        }
        RatificationKind::Succession => tr!(lang, "succession", "succession", "sucesión"),
    }
}

/// What the Protocol facts say about one country, as readout lines and cites.
fn party_facts(dataset: &Dataset, spec: &RatificationsSpec, country: &str) -> (Vec<String>, Vec<SourceRef>) {
    let lang = spec.lang;
    let mut lines = Vec::new();
    let mut cites = Vec::new();
    for fact in facts(dataset, spec).into_iter().filter(|p| p.country.as_deref() == Some(country)) {
        let doc = document(dataset, fact.source, lang);
        let n = dataset.name_of(country);
        lines.push(match fact.fact {
            PartyFact::NewParty => match fact.year {
                Some(year) => trf!(lang,
                    "the {0} names {1} a new party to the Protocol ({2})",
                    "le {0} cite {1} comme nouvelle partie au Protocole ({2})",
                    "el {0} cita a {1} como nueva parte del Protocolo ({2})";
                    doc, n, year.to_string()),
                None => trf!(lang,
                    "the {0} names {1} a new party to the Protocol",
                    "le {0} cite {1} comme nouvelle partie au Protocole",
                    "el {0} cita a {1} como nueva parte del Protocolo";
                    doc, n),
            },
            PartyFact::NotParty => trf!(lang,
                "the {0} lists {1} as not party to the Protocol during its reporting period",
                "selon le {0}, {1} n'était pas partie au Protocole pendant la période couverte",
                "según el {0}, {1} no era parte del Protocolo durante el período cubierto";
                doc, n),
            PartyFact::Joined => trf!(lang,
                "the {0} says {1} became a State Party between {2}",
                "selon le {0}, {1} a acquis la qualité d'État partie entre {2}",
                "según el {0}, {1} pasó a ser Estado parte entre {2}";
                doc, n, period(fact.edition, lang)),
            PartyFact::PartiesCount => continue,
        });
        cites.push(fact.source);
    }
    (lines, cites)
}

fn cell(dataset: &Dataset, spec: &RatificationsSpec, row: usize, r: &Row, column: usize, instrument: Instrument) -> CellInput {
    let lang = spec.lang;
    let full = full_name(instrument, lang);
    let country = dataset.name_of(r.country);
    let mut selection = vec![
        ("country".to_owned(), r.country.to_owned()),
        ("instrument".to_owned(), instrument.id().to_owned()),
    ];
    if let Some(edition) = r.edition {
        selection.push(("edition".to_owned(), edition.to_string()));
    }
    let (mut extra, mut cites) =
        if instrument == Instrument::Palermo { party_facts(dataset, spec, r.country) } else { (Vec::new(), Vec::new()) };
    let found = r.edition.and_then(|e| cells_of(dataset, r.country, e).into_iter().find(|x| x.instrument == instrument));
    let row_line = r.edition.and_then(|e| cells_of(dataset, r.country, e).first().map(|x| x.source));
    let lost = r.edition.and_then(|e| LOST.iter().find(|(le, li, _)| *le == e && *li == instrument));
    let (kind, text, mut values) = match (found, lost) {
        (Some(x), _) => {
            let mark = match x.kind {
                RatificationKind::Accession => " (a)",
                RatificationKind::Acceptance => " (A)",
                _ => "",
            };
            let mut values =
                vec![i18n::labelled(&x.year.to_string(), kind_words(x, lang), lang)];
            if !x.in_force.is_empty() {
                values.push(trf!(lang, "entry into force: {0}", "entrée en vigueur : {0}", "entrada en vigor: {0}"; x.in_force));
            }
            values.push(trf!(lang,
                "listed in the {0}'s conventions chart",
                "figure dans le tableau des conventions du {0}",
                "figura en el cuadro de convenciones del {0}";
                i18n::tip_report(x.edition, lang)));
            if !x.note.is_empty() {
                values.push(i18n::note(&x.note, lang));
            }
            cites.insert(0, x.source);
            selection.push(("year".to_owned(), x.year.to_string()));
            selection.push(("kind".to_owned(), x.kind.id().to_owned()));
            let kind = CellKind::Year {
                year: x.year,
                marked: !matches!(x.kind, RatificationKind::Ratification),
                note: !x.in_force.is_empty(),
            };
            (kind, format!("{}{mark}", x.year), values)
        }
        (None, Some((_, _, why))) => {
            cites.extend(row_line);
            selection.push(("status".to_owned(), "not_in_source".to_owned()));
            (CellKind::Absent, String::new(), vec![i18n::labelled(not_in_the_source(lang), why.get(lang), lang)])
        }
        (None, None) if r.edition.is_some() => {
            let edition = r.edition.unwrap_or_default();
            cites.extend(row_line);
            selection.push(("status".to_owned(), "not_party".to_owned()));
            let values = vec![
                trf!(lang,
                    "not party as of the {0}: its chart lists {1} and leaves this cell empty",
                    "non partie selon le {0} : son tableau cite {1} et laisse cette case vide",
                    "no es parte según el {0}: su cuadro incluye a {1} y deja esta casilla vacía";
                    i18n::tip_report(edition, lang), country),
                tr!(
                    lang,
                    "each chart gives a listed country's status for all eight instruments; an empty cell means no \
                     ratification, accession or acceptance",
                    "chaque tableau donne la situation d'un pays cité pour les huit instruments ; une case vide \
                     signifie ni ratification, ni adhésion, ni acceptation",
                    "cada cuadro da la situación de un país incluido para los ocho instrumentos; una casilla vacía \
                     significa que no hubo ratificación, adhesión ni aceptación"
                )
                .to_owned(),
            ];
            (CellKind::NotParty, String::new(), values)
        }
        (None, None) => {
            let listed_not_party = instrument == Instrument::Palermo
                && facts(dataset, spec).iter().any(|p| p.fact == PartyFact::NotParty && p.country.as_deref() == Some(r.country));
            let new_party = facts(dataset, spec)
                .into_iter()
                .find(|p| instrument == Instrument::Palermo && p.fact == PartyFact::NewParty && p.country.as_deref() == Some(r.country));
            if listed_not_party {
                selection.push(("status".to_owned(), "not_party".to_owned()));
                (CellKind::NotParty, String::new(), vec![not_party(lang).to_owned()])
            } else if let Some(p) = new_party.filter(|p| p.year.is_some()) {
                let year = p.year.unwrap_or_default();
                selection.push(("year".to_owned(), year.to_string()));
                let line = trf!(lang,
                    "{0}: became party (the {1} does not say by ratification or accession)",
                    "{0} : devenu partie (le {1} ne précise pas si par ratification ou par adhésion)",
                    "{0}: pasó a ser parte (el {1} no dice si por ratificación o por adhesión)";
                    year.to_string(), document(dataset, p.source, lang));
                let kind = CellKind::Year { year, marked: false, note: false };
                (kind, year.to_string(), vec![line])
            } else {
                selection.push(("status".to_owned(), "not_in_source".to_owned()));
                let line = trf!(lang,
                    "{0}: {1} is in none of the conventions charts of the {2}, which list only the countries that \
                     acted in their reporting periods",
                    "{0} : {1} ne figure dans aucun tableau des conventions ({2}) ; ces tableaux ne citent que les \
                     pays ayant agi pendant leur période de référence",
                    "{0}: {1} no figura en ningún cuadro de convenciones ({2}); esos cuadros solo incluyen los \
                     países que actuaron en su período de referencia";
                    not_in_the_source(lang), country, reports(&spec.editions, lang));
                (CellKind::Absent, String::new(), vec![line])
            }
        }
    };
    // Say where another source backs or adds to the cell, unless the cell says it already.
    if values.first().is_some_and(|v| v != not_party(lang)) {
        values.append(&mut extra);
    } else {
        values = extra;
    }
    CellInput {
        row,
        column,
        kind,
        text,
        heading: i18n::labelled(country, full, lang),
        values,
        sources: describe(dataset, &cites, lang),
        selection,
    }
}

fn panel(dataset: &Dataset, spec: &RatificationsSpec) -> Vec<ChipGroupInput> {
    let lang = spec.lang;
    let facts = facts(dataset, spec);
    let mut groups: Vec<ChipGroupInput> = Vec::new();
    let mut counts = Vec::new();
    for p in &facts {
        let (PartyFact::PartiesCount, Some(value)) = (p.fact, p.value) else { continue };
        let doc = document(dataset, p.source, lang);
        let count = Numbers(lang).whole(value);
        counts.push(ChipInput {
            text: trf!(lang, "{0} parties ({1})", "{0} parties ({1})", "{0} partes ({1})"; count, doc),
            heading: trf!(lang,
                "{0} parties to the UN TIP Protocol, as the {1} states it",
                "{0} parties au Protocole de Palerme (ONU), selon le {1}",
                "{0} partes en el Protocolo de Palermo (ONU), según el {1}";
                count, doc),
            values: vec![p.note.to_string()],
            sources: describe(dataset, &[p.source], lang),
            selection: vec![
                ("fact".to_owned(), p.fact.id().to_owned()),
                ("edition".to_owned(), p.edition.to_string()),
                ("value".to_owned(), value.to_string()),
            ],
        });
    }
    if !counts.is_empty() {
        let title = tr!(
            lang,
            "The count of parties, as each source states it",
            "Le nombre de parties, selon chaque source",
            "El número de partes, según cada fuente"
        );
        groups.push(ChipGroupInput { title: title.to_owned(), chips: counts });
    }
    for fact in [PartyFact::NewParty, PartyFact::NotParty, PartyFact::Joined] {
        let mut docs: Vec<(u16, SourceRef)> = Vec::new();
        for p in &facts {
            if p.fact == fact && !docs.iter().any(|(e, s)| *e == p.edition && s.file == p.source.file) {
                docs.push((p.edition, p.source));
            }
        }
        for (edition, source) in docs {
            let doc = document(dataset, source, lang);
            let title = match fact {
                PartyFact::NewParty => trf!(lang,
                    "New parties named by the {0}",
                    "Nouvelles parties citées par le {0}",
                    "Nuevas partes citadas por el {0}";
                    doc),
                PartyFact::NotParty => trf!(lang,
                    "Not party during the reporting period, {0} list",
                    "Non parties pendant la période de référence, liste du {0}",
                    "No partes durante el período de referencia, lista del {0}";
                    doc),
                _ => trf!(lang,
                    "Became party between {0}, {1}",
                    "Devenus parties entre {0}, {1}",
                    "Pasaron a ser parte entre {0}, {1}";
                    period(edition, lang), doc),
            };
            let mut chips = Vec::new();
            for p in &facts {
                if p.fact != fact || p.edition != edition || p.source.file != source.file {
                    continue;
                }
                let id = p.country.as_deref().unwrap_or_default();
                let n = dataset.name_of(id);
                let text = p.year.map_or(n.to_owned(), |y| format!("{n} {y}"));
                let mut values = Vec::new();
                if !p.name_printed.is_empty() && p.name_printed != n {
                    values.push(trf!(lang, "printed as \"{0}\"", "imprimé \"{0}\"", "impreso \"{0}\"";
                        p.name_printed));
                }
                values.push(p.note.to_string());
                let mut selection = vec![
                    ("fact".to_owned(), p.fact.id().to_owned()),
                    ("country".to_owned(), id.to_owned()),
                    ("edition".to_owned(), p.edition.to_string()),
                ];
                if let Some(y) = p.year {
                    selection.push(("year".to_owned(), y.to_string()));
                }
                chips.push(ChipInput {
                    text,
                    heading: i18n::labelled(n, &title, lang),
                    values,
                    sources: describe(dataset, &[p.source], lang),
                    selection,
                });
            }
            groups.push(ChipGroupInput { title, chips });
        }
    }
    for &edition in &spec.editions {
        if !facts.iter().any(|p| p.edition == edition) {
            groups.push(ChipGroupInput {
                title: trf!(lang,
                    "The {0} states no count of parties and names no new parties or non-parties.",
                    "Le {0} ne donne aucun nombre de parties et ne cite ni nouvelles parties ni non-parties.",
                    "El {0} no da ningún número de partes ni nombra nuevas partes o no partes.";
                    i18n::tip_report(edition, lang)),
                chips: Vec::new(),
            });
        }
    }
    groups
}

pub fn matrix_input(dataset: &Dataset, spec: &RatificationsSpec) -> MatrixInput {
    let lang = spec.lang;
    let charts = reports(&spec.editions, lang);
    let rows = rows(dataset, spec);
    let mut groups: Vec<String> = Vec::new();
    let mut group_of = |title: String| match groups.iter().position(|g| *g == title) {
        Some(i) => i,
        None => {
            groups.push(title);
            groups.len() - 1
        }
    };
    let mut row_inputs: Vec<RowInput> = Vec::with_capacity(rows.len());
    for r in &rows {
        let title = match r.edition {
            Some(e) => trf!(lang,
                "{0}: countries that ratified, acceded to or accepted a convention between {1}",
                "{0} : pays ayant ratifié ou accepté une convention, ou y ayant adhéré, entre {1}",
                "{0}: países que ratificaron o aceptaron una convención, o se adhirieron a ella, entre {1}";
                i18n::tip_report(e, lang), period(e, lang)),
            None => trf!(lang,
                "In none of these charts (the {0})",
                "Dans aucun de ces tableaux ({0})",
                "En ninguno de estos cuadros ({0})";
                charts),
        };
        let aliases = dataset.country(r.country).map(|c| c.owned_aliases()).unwrap_or_default();
        row_inputs.push(RowInput { key: r.country.to_owned(), label: dataset.name_of(r.country).to_owned(), aliases, group: group_of(title) });
    }
    let mut cells = Vec::with_capacity(rows.len() * Instrument::ALL.len());
    for (i, r) in rows.iter().enumerate() {
        for (c, &inst) in Instrument::ALL.iter().enumerate() {
            cells.push(cell(dataset, spec, i, r, c, inst));
        }
    }
    let mut columns = Vec::with_capacity(Instrument::ALL.len());
    for &i in Instrument::ALL {
        columns.push(ColumnInput { short: short_name(i).to_owned(), label: label(i, lang).to_owned() });
    }
    let (title, subtitle) = if spec.timeline {
        (
            trf!(lang,
                "Ratifications by year and instrument, the {0}",
                "Ratifications par année et par instrument, {0}",
                "Ratificaciones por año e instrumento, {0}";
                charts),
            tr!(
                lang,
                "Each mark is one country joining one instrument, in the year the conventions charts print; hover or use \
                 the arrow keys to read which. Cells without a year (not party, not in the source) are in the matrix view.",
                "Chaque marque est un pays qui rejoint un instrument, l'année qu'imprime le tableau des conventions ; \
                 survolez-la ou parcourez-les avec les flèches du clavier pour savoir lequel. Les cases sans année \
                 (non partie, absent de la source) sont dans la vue en grille.",
                "Cada marca es un país que se suma a un instrumento, en el año que imprimen los cuadros de \
                 convenciones; pase el puntero o utilice las flechas del teclado para saber cuál. Las casillas sin año \
                 (no es parte, no figura en la fuente) están en la vista de matriz."
            )
            .to_owned(),
        )
    } else {
        (
            trf!(lang,
                "International conventions by country, the {0}",
                "Conventions internationales par pays, {0}",
                "Convenciones internacionales por país, {0}";
                charts),
            tr!(
                lang,
                "Each chart lists only the countries that acted in its reporting period, with their status for all eight \
                 instruments. TIP: UN TIP Protocol; OPSC, OPAC: the Optional Protocols to the Convention on the Rights \
                 of the Child (sale of children; children in armed conflict); C29, P29, C105, C182, C189: ILO \
                 conventions and protocol.",
                "Chaque tableau ne cite que les pays ayant agi pendant sa période de référence, avec leur situation \
                 pour les huit instruments. TIP : Protocole de Palerme (ONU) ; OPSC, OPAC : protocoles facultatifs \
                 à la Convention relative aux droits de l'enfant (vente d'enfants ; enfants dans les conflits \
                 armés) ; C29, P29, C105, C182, C189 : conventions et protocole de l'OIT.",
                "Cada cuadro solo incluye los países que actuaron en su período de referencia, con su situación \
                 para los ocho instrumentos. TIP: Protocolo de Palermo (ONU); OPSC, OPAC: protocolos facultativos \
                 de la Convención sobre los Derechos del Niño (venta de niños; niños en los conflictos armados); \
                 C29, P29, C105, C182, C189: convenios y protocolo de la OIT."
            )
            .to_owned(),
        )
    };
    MatrixInput {
        lang: spec.lang,
        title,
        subtitle,
        view: if spec.timeline { MatrixView::Timeline } else { MatrixView::Grid },
        columns,
        groups,
        rows: row_inputs,
        cells,
        highlight: spec.instrument.and_then(|i| Instrument::ALL.iter().position(|&x| x == i)),
        panel_title: tr!(
            lang,
            "Parties to the UN TIP Protocol",
            "Parties au Protocole de Palerme (ONU)",
            "Partes en el Protocolo de Palermo (ONU)"
        )
        .to_owned(),
        panel: panel(dataset, spec),
    }
}

pub const CSV_COLUMNS: &[&str] = &[
    "edition", "country", "country_name", "instrument", "status", "year", "kind", "in_force", "value", "note",
    "source_file", "source_line",
];

/// One row per matrix cell (status `year`, `not_party` or `not_in_source`), then one per
/// Protocol fact (status = the fact). `cells` are the [`matrix_input`]'s, row by row, so the
/// matrix's texts are not made a second time.
pub fn table(dataset: &Dataset, spec: &RatificationsSpec, cells: &[CellInput]) -> DataTable {
    let mut out = Vec::new();
    let rows = rows(dataset, spec);
    for cell in cells {
        let (Some(r), Some(&inst)) = (rows.get(cell.row), Instrument::ALL.get(cell.column)) else { continue };
        let found = r.edition.and_then(|e| cells_of(dataset, r.country, e).into_iter().find(|x| x.instrument == inst));
        let source = found
            .map(|x| x.source)
            .or_else(|| r.edition.and_then(|e| cells_of(dataset, r.country, e).first().map(|x| x.source)));
        let get = |k: &str| cell.selection.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let status = match cell.kind {
            CellKind::Year { .. } => "year",
            CellKind::NotParty => "not_party",
            CellKind::Absent => "not_in_source",
        };
        let note = match cell.kind {
            CellKind::Year { .. } => found.map(|x| x.note.to_string()).unwrap_or_else(|| cell.values.join("; ")),
            _ => cell.values.join("; "),
        };
        out.push(vec![
            r.edition.map(|e| e.to_string()).unwrap_or_default(),
            r.country.to_owned(),
            dataset.name_of(r.country).to_owned(),
            inst.id().to_owned(),
            status.to_owned(),
            get("year"),
            get("kind"),
            found.map(|x| x.in_force.to_string()).unwrap_or_default(),
            String::new(),
            note,
            source.map(|s| dataset.source(s).file.clone()).unwrap_or_default(),
            source.map(|s| s.line.to_string()).unwrap_or_default(),
        ]);
    }
    for p in facts(dataset, spec) {
        out.push(vec![
            p.edition.to_string(),
            p.country.as_deref().unwrap_or_default().to_owned(),
            p.country.as_deref().map(|c| dataset.name_of(c).to_owned()).unwrap_or_default(),
            Instrument::Palermo.id().to_owned(),
            p.fact.id().to_owned(),
            p.year.map(|y| y.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            p.value.map(|v| v.to_string()).unwrap_or_default(),
            p.note.to_string(),
            dataset.source(p.source).file.clone(),
            p.source.line.to_string(),
        ]);
    }
    DataTable { columns: CSV_COLUMNS.iter().map(|c| c.to_string()).collect(), rows: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset;
    use crate::model::line::Size;
    use crate::model::matrix::MatrixChart;
    use crate::model::spec::attrs;

    fn spec(pairs: &[(&str, &str)]) -> Result<RatificationsSpec, SpecError> {
        parse(&Attributes(&attrs(pairs)), dataset())
    }

    fn find<'a>(input: &'a MatrixInput, country: &str, instrument: Instrument) -> &'a CellInput {
        let row = input.rows.iter().position(|r| r.key == country).unwrap();
        let column = Instrument::ALL.iter().position(|&i| i == instrument).unwrap();
        input.cells.iter().find(|c| c.row == row && c.column == column).unwrap()
    }

    fn record(country: &str, instrument: Instrument) -> &'static Ratification {
        dataset().ratifications.iter().find(|r| r.country == country && r.instrument == instrument).unwrap()
    }

    #[test]
    fn every_year_cell_of_the_data_is_in_the_matrix_once_with_its_kind_and_line() {
        let input = matrix_input(dataset(), &spec(&[]).unwrap());
        let years = input.cells.iter().filter(|c| matches!(c.kind, CellKind::Year { .. })).count();
        assert_eq!(years, dataset().ratifications.len());
        assert_eq!(input.cells.len(), input.rows.len() * Instrument::ALL.len());
        for r in &dataset().ratifications {
            let cell = find(&input, &r.country, r.instrument);
            let CellKind::Year { year, marked, note } = cell.kind else { panic!("{} {:?} is a year", r.country, r.instrument) };
            assert_eq!(year, r.year);
            assert_eq!(marked, r.kind != RatificationKind::Ratification);
            assert_eq!(note, !r.in_force.is_empty());
            assert!(cell.values[0].starts_with(&format!("{}: {}", r.year, r.kind.id())), "{:?}", cell.values);
            let file = &dataset().source(r.source).file;
            let (document, lines) = cell.sources[0].split_once(" line").unwrap();
            assert_eq!(document, format!("{} TIP Report, {file}", r.edition));
            let lines: Vec<&str> = lines.trim_start_matches('s').split(',').map(str::trim).collect();
            assert_eq!(lines[0], r.source.line.to_string(), "{:?}", cell.sources);
        }
        let brunei = find(&input, "BRN", Instrument::Palermo);
        assert_eq!(brunei.text, format!("{} (a)", record("BRN", Instrument::Palermo).year));
    }

    #[test]
    fn an_empty_cell_of_a_listed_country_is_not_party_and_a_lost_cell_is_not_in_the_source() {
        let input = matrix_input(dataset(), &spec(&[("edition", "2025")]).unwrap());
        // Barbados: the chart prints years for the UN TIP Protocol and empty cells for OPAC.
        let opac = find(&input, "BRB", Instrument::Opac);
        assert_eq!(opac.kind, CellKind::NotParty);
        assert!(opac.values[0].starts_with("not party as of the 2025 TIP Report"), "{:?}", opac.values);
        let line = record("BRB", Instrument::Palermo).source.line;
        assert_eq!(opac.sources, [format!("2025 TIP Report, 001_bb56f66af96aedbd.txt line {line}")]);
        // The C182 years are cut off and the C189 column is lost: not in the source, never "not party".
        for instrument in [Instrument::C182, Instrument::C189] {
            for country in ["BRB", "PAK", "SOM"] {
                let cell = find(&input, country, instrument);
                assert_eq!(cell.kind, CellKind::Absent, "{country} {instrument:?}");
                assert!(cell.values[0].starts_with("not in the source: the text of the 2025 chart"));
            }
        }
        // No cell of the data is declared lost.
        for (edition, instrument, _) in LOST {
            assert!(!dataset().ratifications.iter().any(|r| r.edition == edition && r.instrument == instrument));
        }
    }

    #[test]
    fn a_country_no_chart_lists_shows_only_what_the_protocol_facts_say() {
        let input = matrix_input(dataset(), &spec(&[("country", "Iran, Denmark")]).unwrap());
        assert_eq!(input.rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["DNK", "IRN"]);
        assert_eq!(input.groups[1], "In none of these charts (the 2018, 2024, 2025 TIP Reports)");
        let fact = dataset()
            .protocol_parties
            .iter()
            .find(|p| p.fact == PartyFact::NotParty && p.country.as_deref() == Some("IRN"))
            .unwrap();
        let tip = find(&input, "IRN", Instrument::Palermo);
        assert_eq!(tip.kind, CellKind::NotParty);
        assert_eq!(tip.values, ["the 2025 TIP Report lists Iran as not party to the Protocol during its reporting period"]);
        assert_eq!(tip.sources, [format!("2025 TIP Report, 001_bb56f66af96aedbd.txt line {}", fact.source.line)]);
        let c29 = find(&input, "IRN", Instrument::C029);
        assert_eq!(c29.kind, CellKind::Absent);
        assert!(c29.sources.is_empty());
        // Without the 2025 edition, the list is not shown and Iran's cell is not in the source.
        let input = matrix_input(dataset(), &spec(&[("country", "IRN"), ("edition", "2018")]).unwrap());
        assert_eq!(find(&input, "IRN", Instrument::Palermo).kind, CellKind::Absent);
    }

    #[test]
    fn a_protocol_cell_says_what_the_other_sources_add() {
        let input = matrix_input(dataset(), &spec(&[]).unwrap());
        let uganda = find(&input, "UGA", Instrument::Palermo);
        let year = record("UGA", Instrument::Palermo).year;
        assert!(uganda.values.contains(&format!("the UNODC report, 2024 names Uganda a new party to the Protocol ({year})")), "{:?}", uganda.values);
        assert_eq!(uganda.sources.len(), 2, "{:?}", uganda.sources);
        assert!(uganda.sources[1].starts_with("UNODC report, 2024, 004_b81fe9faa10e4dbb.txt line "));
    }

    #[test]
    fn rows_sort_by_country_or_by_the_year_of_an_instrument() {
        let by_name = matrix_input(dataset(), &spec(&[("edition", "2018")]).unwrap());
        let names: Vec<&str> = by_name.rows.iter().map(|r| r.label.as_str()).collect();
        let mut sorted = names.clone();
        crate::sort::sort(&mut sorted);
        assert_eq!(names, sorted);

        let by_c29 = matrix_input(dataset(), &spec(&[("edition", "2018"), ("sort", "year"), ("instrument", "C29")]).unwrap());
        let years: Vec<u16> = by_c29.rows.iter().map(|r| record(&r.key, Instrument::C029).year).collect();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
        let oldest = dataset().ratifications.iter().filter(|r| r.edition == 2018 && r.instrument == Instrument::C029).min_by_key(|r| r.year).unwrap();
        assert_eq!(by_c29.rows[0].key, oldest.country);
        assert_eq!(by_c29.highlight, Some(3));

        // P29: countries without one come last, still in name order among themselves.
        let by_p29 = matrix_input(dataset(), &spec(&[("edition", "2018"), ("sort", "year"), ("instrument", "p029")]).unwrap());
        let has: Vec<bool> = by_p29.rows.iter().map(|r| cells_of(dataset(), &r.key, 2018).iter().any(|x| x.instrument == Instrument::P029)).collect();
        assert!(has.windows(2).all(|w| w[0] || !w[1]), "{has:?}");
    }

    #[test]
    fn on_a_phone_every_column_header_is_whole_and_distinct() {
        // At 320 px "OPSC" and "OPAC" were both cut to "OP…" (in the browser's font, whose
        // widths the layout measures by there).
        let input = matrix_input(dataset(), &spec(&[("edition", "2018")]).unwrap());
        for width in [286.0, 304.0, 320.0, 360.0, 720.0] {
            let size = Size { width_css: width, height_css: 900.0, dpr: 2.0 };
            let chart = crate::model::measure::using(crate::model::measure::tests::dejavu(), || MatrixChart::layout(&input, size));
            let headers: Vec<&str> = chart.headers.iter().map(|h| h.text.as_str()).collect();
            let codes: Vec<&str> = input.columns.iter().map(|c| c.short.as_str()).collect();
            assert_eq!(headers, codes, "{width} px");
            assert!(chart.header_font >= 0.8 * crate::model::line::metrics::LABEL_FONT * 2.0, "{width} px");
        }
    }

    #[test]
    fn the_timeline_puts_one_country_s_c29_and_p29_years_apart() {
        let s = spec(&[("view", "timeline"), ("country", "Denmark")]).unwrap();
        assert!(s.timeline);
        let input = matrix_input(dataset(), &s);
        let chart = MatrixChart::layout(&input, Size { width_css: 720.0, height_css: 500.0, dpr: 1.0 });
        let x = |instrument: Instrument| {
            let m = chart.marks.iter().find(|m| chart.cell(m).selection.contains(&("instrument".into(), instrument.id().into()))).unwrap();
            (m.rect.left + m.rect.right) / 2.0
        };
        let (c29, p29) = (record("DNK", Instrument::C029).year, record("DNK", Instrument::P029).year);
        let per_year = (x(Instrument::P029) - x(Instrument::C029)) / f64::from(p29 - c29);
        assert!(per_year > 0.0);
        let palermo = record("DNK", Instrument::Palermo).year;
        assert!((x(Instrument::Palermo) - x(Instrument::C029) - per_year * f64::from(palermo - c29)).abs() < 1e-6);
        // With one country each event is labelled with its year.
        let labels: Vec<&str> = chart.marks.iter().filter_map(|m| m.label.as_deref()).collect();
        assert!(labels.contains(&c29.to_string().as_str()) && labels.contains(&p29.to_string().as_str()));

        // The year axis' labels keep a gap between them however narrow the chart: on a 320 px
        // phone they ran together ("1930195019701990…").
        use crate::model::measure;
        for width in [286.0, 320.0, 400.0, 720.0, 1400.0] {
            let size = Size { width_css: width, height_css: 500.0, dpr: 2.0 };
            let (chart, year_width) = measure::using(measure::tests::dejavu(), || {
                let year_width = measure::width("0000", crate::model::line::metrics::LABEL_FONT * 2.0, measure::Weight::Regular);
                (MatrixChart::layout(&input, size), year_width)
            });
            let centres: Vec<f64> = chart.headers.iter().map(|h| h.x_dev).collect();
            assert!(centres.len() >= 3, "{width} px: {} ticks", centres.len());
            for pair in centres.windows(2) {
                assert!(pair[1] - pair[0] >= year_width * 1.25, "{width} px: tick labels {:.0} px apart, {year_width:.0} px wide", pair[1] - pair[0]);
            }
            let first = chart.headers.first().unwrap().text.parse::<u16>().unwrap();
            let last = chart.headers.last().unwrap().text.parse::<u16>().unwrap();
            assert!(first <= c29 && last >= p29, "{width} px: the axis {first}–{last} covers the events");
            let step = chart.headers[1].text.parse::<u16>().unwrap() - first;
            assert!(last - p29 < step && c29 - first < step, "{width} px: no empty step at either end of {first}–{last}");
        }
    }

    #[test]
    fn the_panel_gives_each_source_s_count_and_the_named_countries() {
        let input = matrix_input(dataset(), &spec(&[]).unwrap());
        let chips: Vec<&ChipInput> = input.panel.iter().flat_map(|g| &g.chips).collect();
        let named = dataset().protocol_parties.iter().filter(|p| p.fact != PartyFact::PartiesCount).count();
        let counts: Vec<u64> = dataset().protocol_parties.iter().filter_map(|p| p.value).collect();
        assert_eq!(chips.len(), named + counts.len());
        for value in counts {
            assert!(chips.iter().any(|c| c.text.starts_with(&format!("{value} parties ("))), "{value}");
        }
        let solomon = chips.iter().find(|c| c.text == "Solomon Islands").unwrap();
        assert_eq!(solomon.values[0], "printed as \"Soloman Islands\"");
        assert_eq!(solomon.heading, "Solomon Islands: Not party during the reporting period, 2025 TIP Report list");
        let only_2018 = matrix_input(dataset(), &spec(&[("edition", "2018")]).unwrap());
        assert_eq!(only_2018.panel.len(), 1);
        assert!(only_2018.panel[0].chips.is_empty());
    }

    #[test]
    fn the_csv_has_a_row_per_cell_with_its_status_and_one_per_fact() {
        let s = spec(&[]).unwrap();
        let csv = table(dataset(), &s, &matrix_input(dataset(), &s).cells);
        assert_eq!(csv.columns, CSV_COLUMNS);
        let input = matrix_input(dataset(), &s);
        assert_eq!(csv.rows.len(), input.cells.len() + dataset().protocol_parties.len());
        let row = |country: &str, instrument: &str| {
            csv.rows.iter().find(|r| r[1] == country && r[3] == instrument).unwrap().clone()
        };
        let pak = record("PAK", Instrument::P029);
        let r = row("PAK", "p029");
        assert_eq!(r[4..8], ["year".to_owned(), pak.year.to_string(), "ratification".to_owned(), pak.in_force.to_string()]);
        assert_eq!(r[10..], ["001_bb56f66af96aedbd.txt".to_owned(), pak.source.line.to_string()]);
        assert_eq!(row("CAF", "p029")[4], "not_party");
        assert_eq!(row("SOM", "c189")[4], "not_in_source");
    }

    #[test]
    fn bad_values_name_the_attribute_and_what_it_accepts() {
        let m = |pairs: &[(&str, &str)]| spec(pairs).unwrap_err().message(Lang::En);
        assert_eq!(m(&[("edition", "2019")]), "edition=\"2019\" is not a value tipviz knows. Accepted values: 2018, 2024, 2025, all.");
        assert_eq!(
            m(&[("instrument", "c98")]),
            "instrument=\"c98\" is not a value tipviz knows. Accepted values: palermo, opsc, opac, c029, p029, c105, c182, c189."
        );
        assert_eq!(m(&[("sort", "size")]), "sort=\"size\" is not a value tipviz knows. Accepted values: country, year.");
        assert!(m(&[("country", "Atlantis")]).starts_with("country=\"Atlantis\" is not a country or territory tipviz knows."));
        assert_eq!(spec(&[("instrument", "P29")]).unwrap().instrument, Some(Instrument::P029));
    }

    fn spec_in(lang: Lang, pairs: &[(&str, &str)]) -> Result<RatificationsSpec, SpecError> {
        let mut all = pairs.to_vec();
        all.push(("lang", if lang == Lang::Fr { "fr" } else { "es" }));
        parse(&Attributes(&attrs(&all)), crate::charts::dataset_in(lang))
    }

    #[test]
    fn french_cells_name_the_instruments_by_their_official_titles() {
        let data = crate::charts::dataset_in(Lang::Fr);
        let input = matrix_input(data, &spec_in(Lang::Fr, &[("country", "Danemark, Iran")]).unwrap());
        assert_eq!(input.title, "Conventions internationales par pays, Rapports TIP 2018, 2024, 2025");
        assert_eq!(input.columns[0].short, "TIP", "the matrix headers are the charts' codes");
        assert_eq!(input.columns[3].label, "OIT C29");
        let c29 = find(&input, "DNK", Instrument::C029);
        assert_eq!(c29.heading, "Danemark : OIT, Convention (n° 29) sur le travail forcé, 1930");
        let year = record("DNK", Instrument::C029).year;
        assert_eq!(c29.values[0], format!("{year} : ratification (le tableau de 2018 n'imprime aucune marque de type : \
            cela signifie seulement qu'aucune marque n'est imprimée)"));
        let iran = find(&input, "IRN", Instrument::Palermo);
        assert_eq!(
            iran.values,
            ["selon le Rapport TIP 2025, Iran (République islamique d') n'était pas partie au Protocole pendant la période couverte"]
        );
        assert_eq!(input.groups[1], "Dans aucun de ces tableaux (Rapports TIP 2018, 2024, 2025)");
        assert_eq!(input.panel_title, "Parties au Protocole de Palerme (ONU)");
    }

    #[test]
    fn spanish_timeline_panel_and_errors() {
        let data = crate::charts::dataset_in(Lang::Es);
        let input = matrix_input(data, &spec_in(Lang::Es, &[("view", "timeline"), ("edition", "2025")]).unwrap());
        assert_eq!(input.title, "Ratificaciones por año e instrumento, Informe TIP 2025");
        assert_eq!(input.columns[0].label, "Palermo (ONU)");
        let lost = find(&input, "SOM", Instrument::C189);
        assert_eq!(lost.values[0], "no figura en la fuente: el texto del cuadro de 2025 perdió toda esta columna, encabezado y casillas");
        let counts: Vec<&str> = input.panel[0].chips.iter().map(|c| c.text.as_str()).collect();
        assert!(counts.iter().any(|c| c.ends_with(" partes (Informe TIP 2025)")), "{counts:?}");
        let message = spec_in(Lang::Es, &[("country", "Atlántida")]).unwrap_err().message(Lang::Es);
        assert!(
            message.starts_with(
                "country=\"Atlántida\" no es un país o territorio que tipviz conozca. Escriba un nombre (por ejemplo, \
                 Dinamarca) o un código de tres letras (por ejemplo, DNK)."
            ),
            "{message}"
        );
    }
}
