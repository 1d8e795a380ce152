//! Drawing horizontal bar charts. Every position comes from [`BarChart`]'s layout.

use super::theme::Palette;
use super::{begin, corners, bold, font, pt, scale_for, DrawResult, Scale};
use crate::model::bars::{BarChart, BarRow};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

pub fn draw_bar_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { label, hairline, .. } = begin(root, chart.size.dpr, &chart.title, &chart.subtitle, palette)?;
    let heading_font = bold(label, palette.text);
    let baseline = ShapeStyle::from(&palette.guide).stroke_width(hairline);
    for group in &chart.groups {
        for line in &group.heading {
            root.draw(&Text::new(line.text.clone(), pt(line.x_dev, line.y_dev), heading_font.clone()))?;
        }
        if group.rows_bottom_dev > group.rows_top_dev {
            let x = group.scale.range.0;
            root.draw(&PathElement::new(vec![pt(x, group.rows_top_dev), pt(x, group.rows_bottom_dev)], baseline))?;
        }
    }

    for row in &chart.rows {
        draw_row(root, row, chart.labels_above, palette, label, hairline)?;
    }
    Ok(())
}

/// The active row over the base: a band under the row, with a pointer mark at its left edge
/// so it shows without relying on colour, and the row drawn again over the band.
pub fn draw_bar_highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    index: usize,
    palette: &Palette,
) -> DrawResult<DB> {
    let Some(row) = chart.rows.get(index) else { return Ok(()) };
    let Scale { u, label, hairline } = scale_for(chart.size.dpr);
    root.draw(&Rectangle::new(corners(&row.band), ShapeStyle::from(&palette.grid).filled()))?;
    root.draw(&Rectangle::new(corners(&row.band), ShapeStyle::from(&palette.guide).stroke_width(hairline)))?;
    let (x, y, r) = (row.band.left + 2.0 * u, row.center_y_dev, 4.0 * u);
    root.draw(&Polygon::new(vec![pt(x, y - r), pt(x + r, y), pt(x, y + r)], ShapeStyle::from(&palette.text).filled()))?;
    draw_row(root, row, chart.labels_above, palette, label, hairline)
}

/// A row's label, bar (or the outline that stands for a missing value) and value label.
fn draw_row<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    row: &BarRow,
    labels_above: bool,
    palette: &Palette,
    label: f64,
    hairline: u32,
) -> DrawResult<DB> {
    let align = if labels_above { HPos::Left } else { HPos::Right };
    root.draw(&Text::new(row.label.clone(), pt(row.label_x_dev, row.label_y_dev), font(label, palette.text, align, VPos::Center)))?;
    if let Some(bar) = &row.bar {
        // A reported zero has no length; its value label says "0".
        if bar.right - bar.left >= 0.5 {
            root.draw(&Rectangle::new(corners(bar), ShapeStyle::from(&palette.series(row.group)).filled()))?;
        }
    }
    if let Some(placeholder) = &row.placeholder {
        root.draw(&Rectangle::new(corners(placeholder), ShapeStyle::from(&palette.muted).stroke_width(hairline)))?;
    }
    let color = if row.bar.is_some() { palette.text } else { palette.muted };
    root.draw(&Text::new(
        row.value_label.clone(),
        pt(row.value_label_x_dev, row.center_y_dev),
        font(label, color, HPos::Left, VPos::Center),
    ))
}
