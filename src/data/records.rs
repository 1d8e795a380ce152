//! The dataset's record types. Shared by `build.rs` (which fills them from `data/*.csv`) and
//! the runtime (which decodes them from the embedded bytes), so this file must not refer to
//! anything outside itself.

/// Where a value was printed: an index into [`Dataset::sources`] and a 1-based line number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceRef {
    pub file: u16,
    pub line: u32,
}

/// One cited document: a seed file or an extdata file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name as cited (`001_bb56f66af96aedbd.txt`, `kelley-tip-tiers/map_tiers.csv`).
    pub file: String,
    pub title: String,
    /// The report year the document is, where it is one edition.
    pub edition: Option<u16>,
    pub licence: String,
}

/// Defines a closed set of ids as an enum with `ALL`, `id` and `from_id`, so the CSV spelling,
/// the byte code (position in `ALL`) and the JSON spelling come from one list.
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }
        }
    };
}

id_enum! {
    /// The six regions of the reports' regional lists and tables.
    Region {
        Africa = "africa",
        EastAsiaPacific = "east-asia-pacific",
        Europe = "europe",
        NearEast = "near-east",
        SouthCentralAsia = "south-central-asia",
        WesternHemisphere = "western-hemisphere",
    }
}

impl Region {
    pub fn label(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::EastAsiaPacific => "East Asia & Pacific",
            Region::Europe => "Europe",
            Region::NearEast => "Near East",
            Region::SouthCentralAsia => "South & Central Asia",
            Region::WesternHemisphere => "Western Hemisphere",
        }
    }
}

/// `global` or one region: the rows of one law-enforcement table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Global,
    Region(Region),
}

impl Scope {
    pub fn id(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Region(r) => r.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<Scope> {
        if id == "global" {
            Some(Scope::Global)
        } else {
            Region::from_id(id).map(Scope::Region)
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::Global => "Global",
            Scope::Region(r) => r.label(),
        }
    }
}

id_enum! {
    /// The seven columns of the reports' law-enforcement tables.
    Metric {
        Prosecutions = "prosecutions",
        ProsecutionsLabor = "prosecutions_labor",
        Convictions = "convictions",
        ConvictionsLabor = "convictions_labor",
        Victims = "victims",
        VictimsLabor = "victims_labor",
        Legislation = "legislation",
    }
}

impl Metric {
    pub fn label(self) -> &'static str {
        match self {
            Metric::Prosecutions => "Prosecutions",
            Metric::ProsecutionsLabor => "Prosecutions (labor only)",
            Metric::Convictions => "Convictions",
            Metric::ConvictionsLabor => "Convictions (labor only)",
            Metric::Victims => "Victims identified",
            Metric::VictimsLabor => "Victims identified (labor only)",
            Metric::Legislation => "New or amended legislation",
        }
    }
}

/// One cell of a law-enforcement table, as one edition printed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnforcementValue {
    pub edition: u16,
    pub scope: Scope,
    /// The data (calendar) year of the row, not the edition.
    pub year: u16,
    pub metric: Metric,
    /// The value the dataset stands behind: the printed one, or its correction.
    pub value: u64,
    /// The text as printed, only where `value` corrects it.
    pub printed: Option<Text>,
    /// Why a value was corrected, or another remark; empty when there is none.
    pub note: Text,
    pub source: SourceRef,
}

impl EnforcementValue {
    pub fn is_corrected(&self) -> bool {
        self.printed.is_some()
    }
}


id_enum! {
    /// A TIP Report tier placement.
    Tier { One = "1", Two = "2", WatchList = "2WL", Three = "3", Special = "special" }
}

/// A country's tier in a later edition against an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    Same,
    Up,
    Down,
    /// To or from a special case.
    Other,
}

impl Tier {
    /// What legends, readouts and tables call the tier.
    pub fn label(self) -> &'static str {
        match self {
            Tier::One => "Tier 1",
            Tier::Two => "Tier 2",
            Tier::WatchList => "Tier 2 Watch List",
            Tier::Three => "Tier 3",
            Tier::Special => "Special case",
        }
    }

    /// The label where room is short (axis rows, segment captions).
    pub fn short_label(self) -> &'static str {
        match self {
            Tier::WatchList => "Tier 2 WL",
            Tier::Special => "Special",
            other => other.label(),
        }
    }

    /// How a country moved from `self` in one edition to `later` in another.
    pub fn movement(self, later: Tier) -> Movement {
        match (self.rank(), later.rank()) {
            _ if self == later => Movement::Same,
            (Some(then), Some(now)) if now < then => Movement::Up,
            (Some(_), Some(_)) => Movement::Down,
            // To or from a special case, which is outside the ranking.
            _ => Movement::Other,
        }
    }

    /// Better placements rank lower; a special case is outside the ranking.
    pub fn rank(self) -> Option<u8> {
        match self {
            Tier::One => Some(0),
            Tier::Two => Some(1),
            Tier::WatchList => Some(2),
            Tier::Three => Some(3),
            Tier::Special => None,
        }
    }
}

id_enum! {
    /// How a tier placement is known.
    TierBasis {
        /// In a tier list or a narrative heading (or, where the extraction lost a heading, the
        /// narrative's sentence naming the edition's own tier; the note says so).
        Printed = "printed",
        /// From a sentence about another edition ("remained on Tier 2"); the note quotes it.
        Inferred = "inferred",
        /// The dataset corrects or supplies the placement; the note says why.
        Corrected = "corrected",
        /// From extdata (Kelley/Heiss tier history).
        External = "external",
    }
}

id_enum! {
    /// The conventions the reports' "Relevant International Conventions" charts track.
    Instrument {
        Palermo = "palermo", Opsc = "opsc", Opac = "opac", C029 = "c029",
        P029 = "p029", C105 = "c105", C182 = "c182", C189 = "c189",
    }
}

id_enum! {
    /// How a country became bound by an instrument, as the chart marks it.
    RatificationKind {
        Ratification = "ratification", Accession = "accession",
        Acceptance = "acceptance", Succession = "succession",
    }
}

id_enum! {
    /// The four counts the 2019 country narratives give.
    CountryMetric {
        Investigations = "investigations", Prosecutions = "prosecutions",
        Convictions = "convictions", Victims = "victims",
    }
}

id_enum! {
    /// What a row of `protocol_parties.csv` states.
    PartyFact {
        /// The number of parties (`value`); no country.
        PartiesCount = "parties_count",
        /// A country named as a new party, with its year.
        NewParty = "new_party",
        /// A country named as not party.
        NotParty = "not_party",
        /// A country that became party in the report's period.
        Joined = "joined",
    }
}

id_enum! {
    /// The organisations in the peacekeeping tables.
    Org { Un = "un", Osce = "osce", Nato = "nato" }
}

/// One country or territory, with every spelling the sources use for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (`XKX` for Kosovo).
    pub id: Text,
    /// The report's name (2025 spelling where it has one).
    pub name: Text,
    /// Other spellings: those of `countries.csv` plus every `name_printed` of every table.
    pub aliases: Vec<Text>,
    /// `None` only for entities no tier list places (never ranked in 2024/2025).
    pub region: Option<Region>,
    pub region_source: Option<SourceRef>,
    pub name_fr: Text,
    pub name_es: Text,
    /// The country-codes line `name_fr`/`name_es` come from, where there is one.
    pub names_source: Option<SourceRef>,
}

/// Longer spellings name no country (see [`Dataset::country_by_name`]).
const MAX_NAME_BYTES: usize = 1024;

impl Country {
    /// The id, the name and every alias.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        [&*self.id, &*self.name].into_iter().chain(self.aliases.iter().map(|a| &**a))
    }

    /// The aliases as owned strings, for chart inputs that outlive the dataset's borrow.
    pub fn owned_aliases(&self) -> Vec<String> {
        let mut aliases = Vec::with_capacity(self.aliases.len());
        for alias in self.aliases.iter() {
            aliases.push(alias.to_string());
        }
        aliases
    }

    /// True when `spelling` is the id, the name or an alias (case-insensitive, whitespace folded).
    pub fn is_named(&self, spelling: &str) -> bool {
        same_name(&self.id, spelling)
            || same_name(&self.name, spelling)
            || self.aliases.iter().any(|a| same_name(a, spelling))
    }
}

/// `c` in lower case, for the Latin letters the dataset and its three languages write (ASCII,
/// Latin-1's À–Þ, Œ and Ÿ); any other character is returned as it is. Full Unicode case
/// mapping would bring its tables (about 11 KB gzip) into the wasm for letters no name uses.
pub fn lower_latin(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// `s` with [`lower_latin`] applied to every character.
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower_latin).collect()
}

/// The form two spellings are compared in: trimmed, inner whitespace collapsed, lower case.
pub fn fold_name(name: &str) -> String {
    lowercase(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `fold_name(a) == fold_name(b)` without allocating: lookups compare against every alias.
pub fn same_name(a: &str, b: &str) -> bool {
    Folded { rest: a.chars(), in_word: false }.eq(Folded { rest: b.chars(), in_word: false })
}

/// A name's characters as [`same_name`] compares them: lower-cased, each word followed by one
/// space, whatever whitespace came between (a hand-written iterator: one copy of `eq`).
struct Folded<'a> {
    rest: std::str::Chars<'a>,
    in_word: bool,
}

impl Iterator for Folded<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            match self.rest.next() {
                Some(c) if !c.is_whitespace() => {
                    self.in_word = true;
                    return Some(lower_latin(c));
                }
                // The end of a word, or of the name: one space, once.
                Some(_) | None if self.in_word => {
                    self.in_word = false;
                    return Some(' ');
                }
                Some(_) => {}
                None => return None,
            }
        }
    }
}

/// Text of a record: borrowed from the embedded bytes when the runtime decodes them (no copy
/// per row), owned when the build step and the tests read `data/*.csv`.
pub type Text = std::borrow::Cow<'static, str>;

/// One tier placement of one country in one edition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierPlacement {
    pub country: Text,
    pub edition: u16,
    pub tier: Tier,
    pub basis: TierBasis,
    /// The country name exactly as the cited line prints it.
    pub name_printed: Text,
    /// The tier as printed, only where `tier` corrects it.
    pub printed: Option<Text>,
    pub note: Text,
    pub source: SourceRef,
}

impl TierPlacement {
    /// Whether a report printed this placement (or the dataset corrects one it printed), as a
    /// full tier list needs: not inferred from a sentence, not from another source.
    pub fn is_printed(&self) -> bool {
        matches!(self.basis, TierBasis::Printed | TierBasis::Corrected)
    }
}

/// One count from a 2019 country narrative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryEnforcement {
    pub country: Text,
    pub edition: u16,
    /// 0 = the edition's own reporting period, -1 the one before, ... (an ordering key).
    pub period: i16,
    /// The text's own words for the period ("reporting period", "2017").
    pub period_label: Text,
    pub metric: CountryMetric,
    /// `None` where the text says the count was not reported (the note says so).
    pub value: Option<u64>,
    /// What the text counts (`cases`, `suspects`, `victims`, ...).
    pub unit: Text,
    pub name_printed: Text,
    pub note: Text,
    pub source: SourceRef,
}

/// One year cell of a conventions chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ratification {
    pub country: Text,
    pub instrument: Instrument,
    pub year: u16,
    pub kind: RatificationKind,
    /// The entry-into-force note as printed; empty when there is none.
    pub in_force: Text,
    pub name_printed: Text,
    pub note: Text,
    pub edition: u16,
    pub source: SourceRef,
}

/// One statement about the parties to the UN TIP Protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolParty {
    pub edition: u16,
    pub fact: PartyFact,
    pub country: Option<Text>,
    pub year: Option<u16>,
    pub value: Option<u64>,
    pub name_printed: Text,
    pub note: Text,
    pub source: SourceRef,
}

/// One cell of a peacekeeping table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeacekeepingValue {
    pub edition: u16,
    /// The data (calendar) year.
    pub year: u16,
    pub org: Org,
    /// An open set (`personnel`, `missions`, `allegations`, ...; see data/README.md).
    pub metric: Text,
    pub value: u64,
    pub note: Text,
    pub source: SourceRef,
}

/// A total a document states, which the checks compare the tables against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedTotal {
    pub edition: u16,
    /// What is counted, e.g. `tiers.countries` or `tiers.3`.
    pub subject: Text,
    pub value: u64,
    pub note: Text,
    pub source: SourceRef,
}

/// The whole embedded dataset. Tables are sorted so that lookups and the encoding are
/// deterministic (see `sort` in the build step).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dataset {
    pub sources: Rows<SourceFile>,
    pub countries: Rows<Country>,
    pub tiers: Tiers,
    pub enforcement: Rows<EnforcementValue>,
    pub country_enforcement: Rows<CountryEnforcement>,
    pub ratifications: Rows<Ratification>,
    pub protocol_parties: Rows<ProtocolParty>,
    pub peacekeeping: Rows<PeacekeepingValue>,
    pub stated_totals: Rows<StatedTotal>,
}

/// The tier placements, sorted by edition, then country; reads like the `Vec` of all of them.
/// One edition can also be read alone ([`Tiers::edition`]): the embedded dataset then decodes
/// only that edition's block, since a tier chart shows one or two of the 25 editions.
#[derive(Clone, Default)]
pub struct Tiers {
    all: Rows<TierPlacement>,
    /// The embedded dataset's editions, each decoded on its own when first read; empty when
    /// the placements were given whole.
    blocks: Vec<EditionBlock>,
}

/// One edition of the embedded tier placements.
#[derive(Clone)]
pub struct EditionBlock {
    pub(super) tally: EditionTally,
    pub(super) rows: Rows<TierPlacement>,
}

/// How many placements an edition has, and whether every one of them is printed
/// ([`TierPlacement::is_printed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditionTally {
    pub edition: u16,
    pub count: usize,
    pub all_printed: bool,
}

impl Tiers {
    /// All placements, decoded by `all` when read whole, or edition by edition from `blocks`.
    pub fn in_blocks(all: Rows<TierPlacement>, blocks: Vec<EditionBlock>) -> Self {
        Tiers { all, blocks }
    }

    /// Whether all placements have been decoded (or given) as one list.
    pub fn decoded_whole(&self) -> bool {
        self.all.is_decoded()
    }

    /// Whether reads go to the blocks: yes until the whole list is decoded (or changed, which
    /// decodes it), so every read sees the same placements.
    fn by_block(&self) -> bool {
        !self.blocks.is_empty() && !self.decoded_whole()
    }

    /// The placements of one edition, by country; empty for an edition the data lacks.
    pub fn edition(&self, edition: u16) -> &[TierPlacement] {
        if self.by_block() {
            return self.blocks.iter().find(|b| b.tally.edition == edition).map_or(&[], |b| &b.rows[..]);
        }
        let start = self.all.partition_point(|t| t.edition < edition);
        let end = start + self.all[start..].partition_point(|t| t.edition == edition);
        &self.all[start..end]
    }

    /// Every edition with placements, oldest first.
    pub fn editions(&self) -> Vec<EditionTally> {
        if self.by_block() {
            return self.blocks.iter().map(|b| b.tally).collect();
        }
        let mut tally: Vec<EditionTally> = Vec::new();
        for t in self.all.iter() {
            match tally.last_mut() {
                Some(last) if last.edition == t.edition => {
                    last.count += 1;
                    last.all_printed &= t.is_printed();
                }
                _ => tally.push(EditionTally { edition: t.edition, count: 1, all_printed: t.is_printed() }),
            }
        }
        tally
    }
}

impl From<Vec<TierPlacement>> for Tiers {
    fn from(rows: Vec<TierPlacement>) -> Self {
        Tiers { all: rows.into(), blocks: Vec::new() }
    }
}

impl std::ops::Deref for Tiers {
    type Target = Vec<TierPlacement>;
    fn deref(&self) -> &Vec<TierPlacement> {
        &self.all
    }
}

impl std::ops::DerefMut for Tiers {
    fn deref_mut(&mut self) -> &mut Vec<TierPlacement> {
        &mut self.all
    }
}

impl PartialEq for Tiers {
    fn eq(&self, other: &Self) -> bool {
        self.all == other.all
    }
}

impl Eq for Tiers {}

impl std::fmt::Debug for Tiers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.all.fmt(f)
    }
}

impl<'a> IntoIterator for &'a Tiers {
    type Item = &'a TierPlacement;
    type IntoIter = std::slice::Iter<'a, TierPlacement>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// One table's rows; reads like the `Vec` it dereferences to. The embedded dataset decodes
/// each table the first time it is read, so a chart pays only for the tables it uses (the
/// enforcement chart never decodes the 2,688 tier placements, which are most of the bytes).
/// Clones share the rows (decoded once, for all of them) until one is changed: a dataset in
/// another language copies only its countries.
pub struct Rows<T> {
    rows: std::sync::Arc<std::sync::OnceLock<Vec<T>>>,
    /// Where the rows come from when they are not there yet.
    decode: Option<std::sync::Arc<dyn Fn() -> Vec<T> + Send + Sync>>,
}

impl<T> Rows<T> {
    /// A table whose rows `decode` makes on first read.
    pub fn lazy(decode: impl Fn() -> Vec<T> + Send + Sync + 'static) -> Self {
        Rows { rows: Default::default(), decode: Some(std::sync::Arc::new(decode)) }
    }

    /// Whether the rows are there (given, or decoded by a read).
    pub fn is_decoded(&self) -> bool {
        self.rows.get().is_some()
    }
}

impl<T> From<Vec<T>> for Rows<T> {
    fn from(rows: Vec<T>) -> Self {
        Rows { rows: std::sync::Arc::new(rows.into()), decode: None }
    }
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<T> std::ops::Deref for Rows<T> {
    type Target = Vec<T>;
    // Not inlined: every read of a table goes through here, and one copy per row type keeps
    // the wasm small.
    #[inline(never)]
    fn deref(&self) -> &Vec<T> {
        self.rows.get_or_init(|| self.decode.as_ref().map_or_else(Vec::new, |decode| decode()))
    }
}

impl<T: Clone> std::ops::DerefMut for Rows<T> {
    /// The rows to change, copied first if a clone shares them.
    fn deref_mut(&mut self) -> &mut Vec<T> {
        // Decoded first, into the cell the clones share, so they need not decode it again.
        let _ = std::ops::Deref::deref(self);
        if std::sync::Arc::get_mut(&mut self.rows).is_none() {
            *self = (**self).clone().into();
        }
        std::sync::Arc::get_mut(&mut self.rows)
            .and_then(std::sync::OnceLock::get_mut)
            .expect("the rows were just decoded and made this table's own")
    }
}

impl<T> Clone for Rows<T> {
    fn clone(&self) -> Self {
        Rows { rows: self.rows.clone(), decode: self.decode.clone() }
    }
}

impl<T: PartialEq> PartialEq for Rows<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Rows<T> {}

impl<T: std::fmt::Debug> std::fmt::Debug for Rows<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<'a, T> IntoIterator for &'a Rows<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Rows<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl Dataset {
    /// Every exported table with its row count, by the name `TipViz.data()` uses.
    pub fn table_lengths(&self) -> [(&'static str, usize); 9] {
        [
            ("sources", self.sources.len()),
            ("countries", self.countries.len()),
            ("tiers", self.tiers.len()),
            ("enforcement", self.enforcement.len()),
            ("country_enforcement", self.country_enforcement.len()),
            ("ratifications", self.ratifications.len()),
            ("protocol_parties", self.protocol_parties.len()),
            ("peacekeeping", self.peacekeeping.len()),
            ("stated_totals", self.stated_totals.len()),
        ]
    }

    pub fn source(&self, source: SourceRef) -> &SourceFile {
        &self.sources[source.file as usize]
    }

    /// The countries a comma-separated list names, in order and without repeats, each with its
    /// text as typed; a name with a comma in it ("Korea, Republic of") stays whole. `Err` is the
    /// first piece no country is called.
    pub fn countries_in_list<'a>(&self, list: &'a str) -> Result<Vec<(&Country, String)>, &'a str> {
        let pieces: Vec<&str> = list.split(',').collect();
        // A run of pieces can name a country only if no spelling has more commas: without this
        // bound a pasted "a,a,a,…" of 100 KB tries every run and takes minutes.
        let longest_run = 1 + self.countries.iter().flat_map(Country::spellings).map(|s| s.matches(',').count()).max().unwrap_or(0);
        let mut found: Vec<(&Country, String)> = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].trim().is_empty() {
                i += 1;
                continue;
            }
            // The longest run of pieces that names a country.
            let longest = (i + 1..=pieces.len().min(i + longest_run))
                .rev()
                .find_map(|j| self.country_by_name(pieces[i..j].join(",").trim()).map(|c| (c, j)));
            let Some((country, next)) = longest else { return Err(pieces[i].trim()) };
            if !found.iter().any(|(c, _)| c.id == country.id) {
                found.push((country, pieces[i..next].join(",").trim().to_owned()));
            }
            i = next;
        }
        Ok(found)
    }

    /// The country an id, report name or alias names (case-insensitive). The build guarantees
    /// no spelling names two countries.
    pub fn country_by_name(&self, spelling: &str) -> Option<&Country> {
        // No country's name, however spaced, is a kilobyte long; comparing a pasted essay with
        // every spelling would scan it a thousand times.
        if spelling.len() > MAX_NAME_BYTES {
            return None;
        }
        self.countries.iter().find(|c| c.is_named(spelling))
    }

    /// A country's tier placements, oldest edition first.
    pub fn placements_of(&self, country: &str) -> Vec<&TierPlacement> {
        self.tiers.editions().iter().filter_map(|e| self.placement(country, e.edition)).collect()
    }

    /// A country's rows of the conventions charts: a slice of `ratifications`, which is kept
    /// sorted by country first.
    pub fn ratifications_of(&self, country: &str) -> &[Ratification] {
        let start = self.ratifications.partition_point(|r| &*r.country < country);
        let end = start + self.ratifications[start..].partition_point(|r| r.country == country);
        &self.ratifications[start..end]
    }

    /// A country's placement in one edition (each edition's placements are sorted by country).
    pub fn placement(&self, country: &str, edition: u16) -> Option<&TierPlacement> {
        let placed = self.tiers.edition(edition);
        placed.binary_search_by(|t| (*t.country).cmp(country)).ok().map(|i| &placed[i])
    }

    /// A country's name by id; the id itself for one the dataset does not know.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.country(id).map_or(id, |c| &*c.name)
    }

    /// The country with this exact id.
    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.binary_search_by(|c| (*c.id).cmp(id)).ok().map(|i| &self.countries[i])
    }

    /// Puts every table in its canonical order.
    pub fn sort(&mut self) {
        self.countries.sort_by(|a, b| a.id.cmp(&b.id));
        self.tiers.sort_by(|a, b| (a.edition, &a.country).cmp(&(b.edition, &b.country)));
        self.enforcement.sort_by_key(|e| (e.scope, e.metric, e.year, e.edition));
        self.country_enforcement.sort_by(|a, b| {
            (&a.country, a.edition, a.metric, a.period, &a.unit, a.source)
                .cmp(&(&b.country, b.edition, b.metric, b.period, &b.unit, b.source))
        });
        self.ratifications
            .sort_by(|a, b| (&a.country, a.instrument, a.edition).cmp(&(&b.country, b.instrument, b.edition)));
        self.protocol_parties.sort_by(|a, b| {
            (a.edition, a.fact, &a.country, a.source).cmp(&(b.edition, b.fact, &b.country, b.source))
        });
        self.peacekeeping.sort_by(|a, b| {
            (a.edition, a.year, a.org, &a.metric).cmp(&(b.edition, b.year, b.org, &b.metric))
        });
        self.stated_totals.sort_by(|a, b| (a.edition, &a.subject).cmp(&(b.edition, &b.subject)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison as it reads in words: split at whitespace, lower-case each letter, join.
    fn words_folded(s: &str) -> String {
        s.split_whitespace().map(|w| w.chars().map(lower_latin).collect::<String>()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn names_match_whatever_their_case_and_whitespace_and_nothing_else_does() {
        let spellings = [
            "Côte d'Ivoire", "CÔTE D'IVOIRE", " côte  d'ivoire ", "côte\td'ivoire\n", "Cote d'Ivoire", "côte d'ivoir",
            "côte d'ivoiree", "", " ", "Korea, Republic of", "korea,  republic of", "KOREA,REPUBLIC OF", "Œland",
            "œland", "Ÿ", "ÿ", "a b", "ab", "a  b ", "A\u{a0}B",
        ];
        for a in spellings {
            for b in spellings {
                assert_eq!(same_name(a, b), words_folded(a) == words_folded(b), "{a:?} against {b:?}");
            }
        }
        assert!(same_name("Côte d'Ivoire", "  CÔTE   D'IVOIRE"));
        assert!(!same_name("ab", "a b"));
    }
}
