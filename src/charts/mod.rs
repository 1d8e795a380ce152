//! One module per chart kind: spec → the model of what to draw.

pub mod enforcement;

use crate::data::Dataset;
use crate::model::line::LineChartInput;
use crate::model::spec::{ChartSpec, Spec};
use crate::model::table::DataTable;

/// Everything a chart kind derives from the dataset and its spec, before any layout.
pub struct Built {
    pub line: LineChartInput,
    pub table: DataTable,
}

pub fn build(dataset: &Dataset, spec: &Spec) -> Built {
    match &spec.chart {
        ChartSpec::Enforcement(e) => {
            Built { line: enforcement::line_input(dataset, e), table: enforcement::table(dataset, e) }
        }
    }
}

/// The editions a chart can be asked for, so the spec parser can list them in its message.
pub fn editions(dataset: &Dataset) -> Vec<u16> {
    enforcement::editions(dataset)
}
