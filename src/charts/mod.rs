//! One module per chart kind: its attributes → its spec → the model of what to draw.

pub mod country_enforcement;
pub mod enforcement;
pub mod tier_changes;
pub mod peacekeeping;
pub mod ratifications;
pub mod tier_history;
pub mod tier_summary;
pub mod tier_map;

use crate::data::Dataset;
use crate::model::figure::FigureInput;
use crate::model::spec::{ChartSpec, Spec};
use crate::model::table::DataTable;

/// Everything a chart kind derives from the dataset and its spec, before any layout.
pub struct Built {
    pub figure: FigureInput,
    /// One row per drawn value with its edition, source and correction: the CSV download.
    pub table: DataTable,
}

pub fn build(dataset: &Dataset, spec: &Spec) -> Built {
    match &spec.chart {
        ChartSpec::Enforcement(e) => Built {
            figure: FigureInput::Line(enforcement::line_input(dataset, e)),
            table: enforcement::table(dataset, e),
        },
        ChartSpec::CountryEnforcement(c) => Built {
            figure: FigureInput::Bars(country_enforcement::bar_input(dataset, c)),
            table: country_enforcement::table(dataset, c),
        },
        ChartSpec::TierHistory(t) => Built {
            figure: FigureInput::Steps(tier_history::step_input(dataset, t)),
            table: tier_history::table(dataset, t),
        },
        ChartSpec::TierSummary(t) => Built {
            figure: FigureInput::Stacks(tier_summary::stack_input(dataset, t)),
            table: tier_summary::table(dataset, t),
        },
        ChartSpec::TierMap(m) => {
            Built { figure: FigureInput::Map(tier_map::input(dataset, m)), table: tier_map::table(dataset, m) }
        }
        ChartSpec::TierChanges(c) => Built {
            figure: FigureInput::Flows(tier_changes::flow_input(dataset, c)),
            table: tier_changes::table(dataset, c),
        },
        ChartSpec::Ratifications(r) => Built {
            figure: FigureInput::Matrix(ratifications::matrix_input(dataset, r)),
            table: ratifications::table(dataset, r),
        },
        ChartSpec::Peacekeeping(p) => Built {
            figure: FigureInput::Bars(peacekeeping::bar_input(dataset, p)),
            table: peacekeeping::table(dataset, p),
        },
    }
}
