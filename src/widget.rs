//! One widget's state from attributes to readout, with no browser in sight: the web layer
//! forwards attributes, sizes, pointer positions and keys here and draws what comes back.

use crate::charts::{self, Built};
use crate::data::dataset;
use crate::model::line::{LineChart, Readout, Size};
use crate::model::spec::{self, Spec, SpecError};
use crate::model::view::{KeyOutcome, ViewState};

#[derive(Default)]
pub struct Widget {
    spec: Option<Spec>,
    built: Option<Built>,
    chart: Option<LineChart>,
    size: Option<Size>,
    pub state: ViewState,
}

impl Widget {
    /// Applies a new set of attributes. On error the previous chart is dropped, so the
    /// widget never shows data for options it was not given.
    pub fn configure(&mut self, attributes: &[(String, String)]) -> Result<(), SpecError> {
        self.spec = None;
        self.built = None;
        self.chart = None;
        let spec = spec::parse(attributes, &charts::editions(dataset()))?;
        self.built = Some(charts::build(dataset(), &spec));
        self.spec = Some(spec);
        self.relayout();
        Ok(())
    }

    pub fn spec(&self) -> Option<&Spec> {
        self.spec.as_ref()
    }

    pub fn resize(&mut self, size: Size) {
        self.size = Some(size);
        self.relayout();
    }

    fn relayout(&mut self) {
        self.chart = match (&self.built, self.size) {
            (Some(built), Some(size)) => Some(LineChart::layout(&built.line, size)),
            _ => None,
        };
        self.state.clamp(self.built.as_ref().map_or(0, |b| b.line.years.len()));
    }

    pub fn chart(&self) -> Option<&LineChart> {
        self.chart.as_ref()
    }

    /// Pointer moved to CSS pixel (x, y). Returns whether what is shown changed.
    pub fn pointer(&mut self, x_css: f64, y_css: f64) -> bool {
        let hit = self.chart.as_ref().and_then(|c| c.year_at(x_css, y_css));
        let changed = hit != self.state.active;
        self.state.active = hit;
        changed
    }

    /// Click or tap: pins the year under the pointer, or clears the pin off the plot.
    pub fn click(&mut self, x_css: f64, y_css: f64) -> Option<usize> {
        let hit = self.chart.as_ref().and_then(|c| c.year_at(x_css, y_css));
        self.state.pinned = hit;
        self.state.active = hit;
        hit
    }

    pub fn leave(&mut self) -> bool {
        let changed = self.state.active.is_some();
        self.state.active = None;
        changed
    }

    pub fn key(&mut self, key: &str) -> KeyOutcome {
        let count = self.built.as_ref().map_or(0, |b| b.line.years.len());
        self.state.key(key, count)
    }

    /// What to show for the active point, or else the pinned one.
    pub fn readout(&self) -> Option<Readout> {
        let index = self.state.active.or(self.state.pinned)?;
        self.chart.as_ref()?.readout(index)
    }

    pub fn summary(&self) -> String {
        self.built.as_ref().map(|b| b.line.summary()).unwrap_or_default()
    }

    pub fn title(&self) -> String {
        self.built.as_ref().map(|b| b.line.title.clone()).unwrap_or_default()
    }

    pub fn csv(&self) -> String {
        self.built.as_ref().map(|b| b.table.to_csv()).unwrap_or_default()
    }

    /// The per-year table (`view="table"`, screen readers); empty before a valid configure.
    pub fn wide_table(&self) -> crate::model::table::DataTable {
        self.built.as_ref().map(|b| b.line.wide_table()).unwrap_or_default()
    }
}
