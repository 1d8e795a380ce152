//! The chart kinds' common surface: whatever a chart kind builds (a [`FigureInput`]) is laid
//! out for a size (a [`Figure`]) and then hit-tested, stepped through with keys and read out
//! the same way, so the widget, the web layer and the loader never need to know which kind
//! of chart they hold.

use super::bars::{BarChart, BarChartInput};
use super::flows::{FlowChart, FlowChartInput};
use super::line::{LineChart, LineChartInput, Size};
use super::stacks::{StackChart, StackChartInput};
use super::steps::{StepChart, StepChartInput};
use super::map::{TierMap, TierMapInput};
use super::matrix::{MatrixChart, MatrixInput};
use super::table::DataTable;

/// What hovering or focusing one item (a year, a bar) shows, in the tooltip and the live region.
#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    /// The item's position in keyboard order.
    pub index: usize,
    /// What the item is: `2021`, or `Jamaica: convictions, reporting period`.
    pub heading: String,
    /// One line per value, with units, corrections and revisions spelled out.
    pub values: Vec<String>,
    /// Where the values come from; each source once.
    pub sources: Vec<String>,
    /// Where to anchor a tooltip, in CSS pixels.
    pub x_css: f64,
    pub y_css: f64,
    /// The item's rows (top, bottom) in CSS pixels, where it is a row, a bar or a cell a
    /// tooltip above or below the pointer should leave in sight; `None` for items as tall as
    /// the chart (a year's column) or of no simple shape.
    pub rows: Option<(f64, f64)>,
    /// What `tipviz:select` reports when the item is chosen: (name, value) pairs such as
    /// `("year", "2021")` or `("country", "JAM")`.
    pub selection: Vec<(String, String)>,
    /// The value that lists names, if one does.
    pub list: Option<NameList>,
}

/// A readout value that lists names (a region's 24 Tier 2 countries), kept as names too: a
/// tooltip with no room on screen for them all shows the first ones and how many more. The
/// live region, the table, the CSV and `tipviz:select` keep the whole list.
#[derive(Debug, Clone, PartialEq)]
pub struct NameList {
    /// Which of the readout's values it is.
    pub value: usize,
    pub names: Vec<String>,
}

impl NameList {
    pub fn new(value: usize, names: &[&str]) -> NameList {
        let mut owned = Vec::with_capacity(names.len());
        for name in names {
            owned.push((*name).to_owned());
        }
        NameList { value, names: owned }
    }

    /// The readout's values with this list cut to its first `shown` names and "and N more".
    pub fn shortened(&self, values: &[String], shown: usize, lang: crate::i18n::Lang) -> Vec<String> {
        let mut out = values.to_vec();
        let shown = shown.min(self.names.len());
        if let Some(value) = out.get_mut(self.value) {
            let mut first = Vec::with_capacity(shown);
            for name in &self.names[..shown] {
                first.push(name.as_str());
            }
            let more = match self.names.len() - shown {
                1 => crate::i18n::tr!(lang, "… and 1\u{a0}more", "… et 1\u{a0}autre", "… y 1\u{a0}más").to_owned(),
                n => crate::i18n::trf!(lang, "… and {0}\u{a0}more", "… et {0}\u{a0}autres", "… y {0}\u{a0}más"; n.to_string()),
            };
            *value = crate::i18n::name_list(&first) + " " + &more;
        }
        out
    }
}

impl Readout {
    /// The text for a live region: one sentence a screen reader can speak.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        let mut sentence = crate::i18n::labelled(&self.heading, &self.values.join(crate::i18n::separator(lang)), lang) + ".";
        if let Some(source) = self.source_line(lang) {
            sentence = sentence + " " + &source + ".";
        }
        sentence
    }

    /// "Source: …", when the values have sources: the tooltip's last line, and the sentence's.
    pub fn source_line(&self, lang: crate::i18n::Lang) -> Option<String> {
        if self.sources.is_empty() {
            return None;
        }
        Some(crate::i18n::trf!(lang, "Source: {0}", "Source : {0}", "Fuente: {0}"; self.sources.join("; ")))
    }
}

/// A legend entry that hides and shows a group of series.
#[derive(Debug, Clone, PartialEq)]
pub struct ToggleTarget {
    /// The group's key, as [`crate::widget::Widget::toggle`] takes it.
    pub key: String,
    pub label: String,
    pub shown: bool,
    /// The entry's box in CSS pixels: `[x, y, width, height]`.
    pub rect_css: [f64; 4],
}

/// A chart kind's output before layout.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureInput {
    Line(LineChartInput),
    Bars(BarChartInput),
    Steps(StepChartInput),
    Stacks(StackChartInput),
    Map(TierMapInput),
    Flows(FlowChartInput),
    Matrix(MatrixInput),
}

impl FigureInput {
    /// What type-ahead searches, for "No country starts with …"; `None` where it searches
    /// nothing. Known before any layout, so the loader's words can say it.
    pub fn searches(&self) -> Option<&'static str> {
        match self {
            FigureInput::Map(_) | FigureInput::Flows(_) | FigureInput::Matrix(_) => Some("country"),
            FigureInput::Steps(_) => Some("country or edition"),
            FigureInput::Stacks(_) => Some("region"),
            FigureInput::Line(_) | FigureInput::Bars(_) => None,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            FigureInput::Line(l) => &l.title,
            FigureInput::Bars(b) => &b.title,
            FigureInput::Steps(s) => &s.title,
            FigureInput::Stacks(s) => &s.title,
            FigureInput::Map(m) => &m.title,
            FigureInput::Flows(f) => &f.title,
            FigureInput::Matrix(m) => &m.title,
        }
    }

    /// A short text alternative: what is shown and the main finding.
    pub fn summary(&self) -> String {
        match self {
            FigureInput::Line(l) => l.summary(),
            FigureInput::Bars(b) => b.summary(),
            FigureInput::Steps(s) => s.summary(),
            FigureInput::Stacks(s) => s.summary(),
            FigureInput::Map(m) => m.summary(),
            FigureInput::Flows(f) => f.summary(),
            FigureInput::Matrix(m) => m.summary(),
        }
    }

    /// The same facts as the chart, for `view="table"` and screen readers.
    pub fn wide_table(&self) -> DataTable {
        match self {
            FigureInput::Line(l) => l.wide_table(),
            FigureInput::Bars(b) => b.wide_table(),
            FigureInput::Steps(s) => s.wide_table(),
            FigureInput::Stacks(s) => s.wide_table(),
            FigureInput::Map(m) => m.wide_table(),
            FigureInput::Flows(f) => f.wide_table(),
            FigureInput::Matrix(m) => m.wide_table(),
        }
    }

    /// The legend groups a reader can hide, as (key, label); empty where nothing toggles.
    pub fn toggles(&self) -> Vec<(String, String)> {
        match self {
            FigureInput::Line(l) => l.legend_groups(),
            FigureInput::Bars(_)
            | FigureInput::Steps(_)
            | FigureInput::Stacks(_)
            | FigureInput::Map(_)
            | FigureInput::Flows(_)
            | FigureInput::Matrix(_) => Vec::new(),
        }
    }

    /// The height (CSS pixels) the chart needs at this width when the page does not set one:
    /// small multiples stack into more rows on a phone.
    pub fn preferred_height_css(&self, width_css: f64) -> Option<f64> {
        match self {
            FigureInput::Line(l) => l.preferred_height_css(width_css),
            FigureInput::Bars(b) => Some(BarChart::preferred_height_css(b, width_css)),
            FigureInput::Steps(s) => Some(StepChart::preferred_height_css(s, width_css)),
            FigureInput::Stacks(s) => Some(StackChart::preferred_height_css(s, width_css)),
            FigureInput::Map(m) => Some(TierMap::preferred_height_css(m, width_css)),
            FigureInput::Flows(f) => Some(FlowChart::preferred_height_css(f, width_css)),
            FigureInput::Matrix(m) => Some(MatrixChart::preferred_height_css(m, width_css)),
        }
    }

    /// The least height (CSS pixels) at this width at which nothing runs off the canvas and no
    /// labels overprint: rows, lists and panels keep a minimum size, and the map a minimum
    /// frame under its legend and notes. A page's `height` below it is raised to it.
    pub fn minimum_height_css(&self, width_css: f64) -> f64 {
        match self {
            FigureInput::Bars(b) => BarChart::minimum_height_css(b, width_css),
            FigureInput::Stacks(s) => StackChart::minimum_height_css(s, width_css),
            FigureInput::Flows(f) => FlowChart::minimum_height_css(f, width_css),
            // Its rows have one height: what it prefers is what it needs.
            FigureInput::Matrix(m) => MatrixChart::preferred_height_css(m, width_css),
            FigureInput::Line(l) => l.minimum_height_css(width_css),
            FigureInput::Steps(s) => StepChart::minimum_height_css(s, width_css),
            FigureInput::Map(m) => TierMap::minimum_height_css(m, width_css),
        }
    }

    pub fn layout(&self, size: Size, hidden: &[String]) -> Figure {
        match self {
            FigureInput::Line(l) => Figure::Line(LineChart::layout(l, size, hidden)),
            FigureInput::Bars(b) => Figure::Bars(BarChart::layout(b, size)),
            FigureInput::Steps(s) => Figure::Steps(StepChart::layout(s, size)),
            FigureInput::Stacks(s) => Figure::Stacks(StackChart::layout(s, size)),
            FigureInput::Map(m) => Figure::Map(TierMap::layout(m, size)),
            FigureInput::Flows(f) => Figure::Flows(FlowChart::layout(f, size)),
            FigureInput::Matrix(m) => Figure::Matrix(MatrixChart::layout(m, size)),
        }
    }
}

/// A chart laid out for one size, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Line(LineChart),
    Bars(BarChart),
    Steps(StepChart),
    Stacks(StackChart),
    Map(TierMap),
    Flows(FlowChart),
    Matrix(MatrixChart),
}

impl Figure {
    /// How many items the arrow keys step through.
    pub fn item_count(&self) -> usize {
        match self {
            Figure::Line(l) => l.years.len(),
            Figure::Bars(b) => b.item_count(),
            Figure::Steps(s) => s.item_count(),
            Figure::Stacks(s) => s.item_count(),
            Figure::Map(m) => m.item_count(),
            Figure::Flows(f) => f.item_count(),
            Figure::Matrix(m) => m.item_count(),
        }
    }

    /// The item under the pointer at CSS pixel (x, y).
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        match self {
            Figure::Line(l) => l.year_at(x_css, y_css),
            Figure::Bars(b) => b.item_at(x_css, y_css),
            Figure::Steps(s) => s.item_at(x_css, y_css),
            Figure::Stacks(s) => s.item_at(x_css, y_css),
            Figure::Map(m) => m.item_at(x_css, y_css),
            Figure::Flows(f) => f.item_at(x_css, y_css),
            Figure::Matrix(m) => m.item_at(x_css, y_css),
        }
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        match self {
            Figure::Line(l) => l.readout(index),
            Figure::Bars(b) => b.readout(index),
            Figure::Steps(s) => s.readout(index),
            Figure::Stacks(s) => s.readout(index),
            Figure::Map(m) => m.readout(index),
            Figure::Flows(f) => f.readout(index),
            Figure::Matrix(m) => m.readout(index),
        }
    }

    /// The item a typed name or prefix names, for type-ahead: a country of the tier map by
    /// id, name or alias (exact first, then by prefix); a year or a country of the step chart;
    /// a region of the stacked bars. `None` for charts without names.
    pub fn item_by_name(&self, prefix: &str) -> Option<usize> {
        match self {
            Figure::Map(m) => m.item_by_name(prefix),
            Figure::Flows(f) => f.item_by_name(prefix),
            Figure::Matrix(m) => m.item_by_name(prefix),
            Figure::Steps(s) => s.item_by_name(prefix),
            Figure::Stacks(s) => s.item_by_name(prefix),
            Figure::Line(_) | Figure::Bars(_) => None,
        }
    }

    /// Where the legend entries that toggle are, so the web layer can put real buttons over them.
    pub fn toggle_targets(&self) -> Vec<ToggleTarget> {
        match self {
            Figure::Line(l) => l.toggle_targets(),
            Figure::Bars(_)
            | Figure::Steps(_)
            | Figure::Stacks(_)
            | Figure::Map(_)
            | Figure::Flows(_)
            | Figure::Matrix(_) => Vec::new(),
        }
    }
}
