//! Drawing category-over-years charts (`tier-history`). Every position comes from
//! [`StepChart`]'s layout.

use super::theme::Palette;
use super::{begin, draw_legend_label, draw_marker, font, pt, DrawResult, Scale};
use crate::model::bars::bar_metrics::GAP;
use crate::model::steps::{PointKind, StepChart, StepLegendMark};
use crate::model::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// A ring of dashes around (x, y): the mark of an inferred value.
fn dashed_ring<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    r: f64,
    style: ShapeStyle,
) -> DrawResult<DB> {
    const DASHES: usize = 8;
    for d in 0..DASHES {
        let start = d as f64 * std::f64::consts::TAU / DASHES as f64;
        let arc: Vec<(i32, i32)> = (0..=3)
            .map(|k| start + k as f64 * std::f64::consts::TAU / DASHES as f64 / 2.0 / 3.0)
            .map(|a| pt(x + r * a.cos(), y + r * a.sin()))
            .collect();
        root.draw(&PathElement::new(arc, style))?;
    }
    Ok(())
}

/// A point's mark: the series' marker, hollow for external values, ringed for inferred
/// (dashed) and corrected (solid) ones.
#[allow(clippy::too_many_arguments)]
fn draw_point<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: usize,
    at: (f64, f64),
    radius: f64,
    kind: PointKind,
    color: RGBColor,
    palette: &Palette,
    u: f64,
) -> DrawResult<DB> {
    draw_marker(root, style, at, radius, color, palette.background, kind == PointKind::External)?;
    let ring = ShapeStyle::from(&palette.text).stroke_width(u.round().max(1.0) as u32);
    match kind {
        PointKind::Corrected => root.draw(&Circle::new(pt(at.0, at.1), (radius + 3.0 * u) as i32, ring)),
        PointKind::Inferred => dashed_ring(root, at, radius + 3.0 * u, ring),
        PointKind::Printed | PointKind::External => Ok(()),
    }
}

pub fn draw_step_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &StepChart,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline } = begin(root, chart.size.dpr, &chart.title, &chart.subtitle, palette)?;

    for entry in &chart.legend {
        let place = &entry.place;
        let y = place.y_dev + label / 2.0;
        let middle = (place.x_dev + 11.0 * u, y);
        match entry.mark {
            StepLegendMark::Series { style } => {
                let color = palette.series(style);
                let stroke = ShapeStyle::from(&color).stroke_width((2.0 * u).round().max(1.0) as u32);
                root.draw(&PathElement::new(vec![pt(place.x_dev, y), pt(place.x_dev + 22.0 * u, y)], stroke))?;
                draw_marker(root, style, middle, 4.0 * u, color, palette.background, false)?;
            }
            StepLegendMark::Kind(kind) => draw_point(root, 0, middle, 3.5 * u, kind, palette.muted, palette, u)?,
        }
        draw_legend_label(root, place, palette.text, false, u)?;
    }

    let plot = &chart.plot;
    for gap in &chart.gaps {
        let shade = ShapeStyle::from(&palette.grid.mix(0.55)).filled();
        root.draw(&Rectangle::new([pt(gap.rect.left, gap.rect.top), pt(gap.rect.right, gap.rect.bottom)], shade))?;
        if let Some(text) = &gap.label {
            root.draw(&Text::new(
                text.clone(),
                pt((gap.rect.left + gap.rect.right) / 2.0, gap.rect.top + 4.0 * u),
                font(label, palette.muted, HPos::Center, VPos::Top),
            ))?;
        }
    }
    let grid = ShapeStyle::from(&palette.grid).stroke_width(hairline);
    for row in &chart.rows {
        root.draw(&PathElement::new(vec![pt(plot.left, row.y_dev), pt(plot.right, row.y_dev)], grid))?;
        root.draw(&Text::new(
            row.label.clone(),
            pt(plot.left - GAP * u, row.y_dev),
            font(label, palette.text, HPos::Right, VPos::Center),
        ))?;
    }

    let highlight = state.active.or(state.pinned);
    if let Some(i) = highlight.filter(|i| *i < chart.years.len()) {
        let x = chart.x.position_from_index(i);
        let guide = ShapeStyle::from(&palette.guide).stroke_width((1.5 * u).round().max(1.0) as u32);
        root.draw(&PathElement::new(vec![pt(x, plot.top), pt(x, plot.bottom)], guide))?;
    }
    for (i, year) in chart.years.iter().enumerate() {
        let active = Some(i) == highlight;
        if !chart.year_labels.contains(&i) {
            continue;
        }
        let color = if active { palette.text } else { palette.muted };
        root.draw(&Text::new(
            year.to_string(),
            pt(chart.x.position_from_index(i), plot.bottom + 6.0 * u),
            font(label, color, HPos::Center, VPos::Top),
        ))?;
    }

    for series in &chart.series {
        let color = palette.series(series.style);
        let stroke = ShapeStyle::from(&color).stroke_width((2.0 * u).round().max(1.0) as u32);
        for run in series.runs().into_iter().filter(|r| r.len() > 1) {
            root.draw(&PathElement::new(run.iter().map(|p| pt(p.x_dev, p.y_dev)).collect::<Vec<_>>(), stroke))?;
        }
    }
    for series in &chart.series {
        let color = palette.series(series.style);
        for p in &series.points {
            let radius = if Some(p.year_index) == highlight { 5.5 } else { 3.5 } * u;
            draw_point(root, series.style, (p.x_dev, p.y_dev), radius, p.kind, color, palette, u)?;
        }
    }
    Ok(())
}
