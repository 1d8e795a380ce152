//! Pure Rust, natively tested: chart specs, scales, layout, hit-testing, text alternatives,
//! table rows. Nothing here knows about the browser.

pub mod bars;
pub mod figure;
pub mod flows;
pub mod format;
pub mod geo;
pub mod line;
pub mod measure;
pub mod map;
pub mod matrix;
pub mod scale;
pub mod spec;
pub mod stacks;
pub mod steps;
pub mod table;
pub mod text;
pub mod tip;
pub mod view;
