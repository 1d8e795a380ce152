//! `country-enforcement`: the 2019 narratives' law-enforcement counts.
//! SKELETON: being written.

use crate::data::Dataset;
use crate::model::bars::BarChartInput;
use crate::model::spec::{Attributes, SpecError};
use crate::model::table::DataTable;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryEnforcementSpec {
    /// The country id, or `None` for the ranked comparison of all narrative countries.
    pub country: Option<String>,
}

pub fn parse(attrs: &Attributes, dataset: &Dataset) -> Result<CountryEnforcementSpec, SpecError> {
    let _ = dataset;
    Ok(CountryEnforcementSpec { country: attrs.given("country").map(str::to_owned) })
}

pub fn bar_input(_dataset: &Dataset, spec: &CountryEnforcementSpec) -> BarChartInput {
    BarChartInput { title: spec.country.clone().unwrap_or_default(), ..Default::default() }
}

pub fn table(_dataset: &Dataset, _spec: &CountryEnforcementSpec) -> DataTable {
    DataTable::default()
}
