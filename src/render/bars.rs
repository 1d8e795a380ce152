//! Drawing horizontal bar charts. SKELETON: being written.

use super::theme::Palette;
use super::DrawResult;
use crate::model::bars::BarChart;
use crate::model::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;

pub fn draw_bar_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    _chart: &BarChart,
    _state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    root.fill(&palette.background)
}
