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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    Africa,
    EastAsiaPacific,
    Europe,
    NearEast,
    SouthCentralAsia,
    WesternHemisphere,
}

impl Region {
    pub const ALL: [Region; 6] = [
        Region::Africa,
        Region::EastAsiaPacific,
        Region::Europe,
        Region::NearEast,
        Region::SouthCentralAsia,
        Region::WesternHemisphere,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::EastAsiaPacific => "east-asia-pacific",
            Region::Europe => "europe",
            Region::NearEast => "near-east",
            Region::SouthCentralAsia => "south-central-asia",
            Region::WesternHemisphere => "western-hemisphere",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.id() == id)
    }

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

/// The seven columns of the reports' law-enforcement tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    Prosecutions,
    ProsecutionsLabor,
    Convictions,
    ConvictionsLabor,
    Victims,
    VictimsLabor,
    Legislation,
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Metric::Prosecutions,
        Metric::ProsecutionsLabor,
        Metric::Convictions,
        Metric::ConvictionsLabor,
        Metric::Victims,
        Metric::VictimsLabor,
        Metric::Legislation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Metric::Prosecutions => "prosecutions",
            Metric::ProsecutionsLabor => "prosecutions_labor",
            Metric::Convictions => "convictions",
            Metric::ConvictionsLabor => "convictions_labor",
            Metric::Victims => "victims",
            Metric::VictimsLabor => "victims_labor",
            Metric::Legislation => "legislation",
        }
    }

    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == id)
    }

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
    pub printed: Option<String>,
    /// Why a value was corrected, or another remark; empty when there is none.
    pub note: String,
    pub source: SourceRef,
}

impl EnforcementValue {
    pub fn is_corrected(&self) -> bool {
        self.printed.is_some()
    }
}

/// The whole embedded dataset. Tables are sorted so that lookups and the encoding are
/// deterministic (see `sort` in the build step).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dataset {
    pub sources: Vec<SourceFile>,
    pub enforcement: Vec<EnforcementValue>,
}

impl Dataset {
    pub fn source(&self, source: SourceRef) -> &SourceFile {
        &self.sources[source.file as usize]
    }

    /// Puts every table in its canonical order.
    pub fn sort(&mut self) {
        self.enforcement
            .sort_by(|a, b| (a.scope, a.metric, a.year, a.edition).cmp(&(b.scope, b.metric, b.year, b.edition)));
    }
}
