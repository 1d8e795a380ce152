//! Horizontal bars: labelled rows in titled groups, each row one value (or an absent value
//! with the reason), hit-tested by row. Used by `country-enforcement`.
//! SKELETON: the interface the widget relies on; the layout is being written.

use super::figure::Readout;
use super::line::Size;
use super::table::DataTable;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChartInput {
    pub title: String,
    pub subtitle: String,
}

impl BarChartInput {
    pub fn summary(&self) -> String {
        self.title.clone()
    }

    pub fn wide_table(&self) -> DataTable {
        DataTable::default()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub size: Size,
}

impl BarChart {
    pub fn layout(_input: &BarChartInput, size: Size) -> BarChart {
        BarChart { size }
    }

    pub fn item_count(&self) -> usize {
        0
    }

    pub fn item_at(&self, _x_css: f64, _y_css: f64) -> Option<usize> {
        None
    }

    pub fn readout(&self, _index: usize) -> Option<Readout> {
        None
    }
}
