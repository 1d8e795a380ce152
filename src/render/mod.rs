//! Drawing: a thin layer that turns a laid-out chart into plotters primitives. Generic over
//! plotters' `DrawingBackend`, so the same code draws on the canvas in the browser and into
//! SVG in the golden tests. All positions come from the model; nothing is computed here that
//! hit-testing would need to know.

pub mod bars;
pub mod css;
pub mod flows;
pub mod stacks;
pub mod steps;
pub mod map;
pub mod matrix;
pub mod theme;

use crate::model::text::TextLine;
use crate::model::figure::Figure;
use crate::model::line::{metrics, LegendEntry, LegendMark, LineChart};
use crate::model::view::ViewState;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use theme::Palette;

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn font(size_dev: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (FontFamily::SansSerif, size_dev).into_font().color(&color).pos(Pos::new(h, v))
}

fn pt(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A layout rectangle as plotters' two corners.
fn corners(r: &crate::model::bars::Rect) -> [(i32, i32); 2] {
    [pt(r.left, r.top), pt(r.right, r.bottom)]
}

/// The sizes every chart's drawing derives from the device-pixel ratio.
#[derive(Clone, Copy)]
struct Scale {
    /// Device pixels per CSS pixel (at least 0.5).
    u: f64,
    /// The label font size in device pixels.
    label: f64,
    /// A one-CSS-pixel line, never thinner than one device pixel.
    hairline: u32,
}

/// Starts every chart the same way: the background, then its title (bold) and subtitle
/// (muted), line by line as the layout wrapped them.
fn begin<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    dpr: f64,
    title: &[TextLine],
    subtitle: &[TextLine],
    palette: &Palette,
) -> Result<Scale, DrawingAreaErrorKind<DB::ErrorType>> {
    let u = dpr.max(0.5);
    let scale = Scale { u, label: metrics::LABEL_FONT * u, hairline: u.round().max(1.0) as u32 };
    root.fill(&palette.background)?;
    let title_font = bold(metrics::TITLE_FONT * u, palette.text);
    for line in title {
        root.draw(&Text::new(line.text.clone(), pt(line.x_dev, line.y_dev), title_font.clone()))?;
    }
    let subtitle_font = font(scale.label, palette.muted, HPos::Left, VPos::Top);
    for line in subtitle {
        root.draw(&Text::new(line.text.clone(), pt(line.x_dev, line.y_dev), subtitle_font.clone()))?;
    }
    Ok(scale)
}

/// Bold sans-serif, anchored at its top left: headings and list titles.
fn bold(size_dev: f64, color: RGBColor) -> TextStyle<'static> {
    (FontFamily::SansSerif, size_dev).into_font().style(FontStyle::Bold).color(&color)
}

/// Draws any laid-out chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    match figure {
        Figure::Line(chart) => draw_line_chart(root, chart, state, palette),
        Figure::Bars(chart) => bars::draw_bar_chart(root, chart, state, palette),
        Figure::Steps(chart) => steps::draw_step_chart(root, chart, state, palette),
        Figure::Stacks(chart) => stacks::draw_stack_chart(root, chart, state, palette),
        Figure::Map(map) => map::draw_tier_map(root, map, state, palette),
        Figure::Flows(chart) => flows::draw_flow_chart(root, chart, state, palette),
        Figure::Matrix(chart) => matrix::draw_matrix(root, chart, state, palette),
    }
}

pub fn draw_line_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline: thin } = begin(root, chart.size.dpr, &chart.title_lines, &chart.subtitle_lines, palette)?;

    for entry in &chart.legend {
        draw_legend_entry(root, entry, palette, u)?;
    }

    let grid = ShapeStyle::from(&palette.grid).stroke_width(thin);
    let highlight = state.active.or(state.pinned);
    for panel in &chart.panels {
        root.draw(&Text::new(
            panel.title.clone(),
            pt(panel.left_dev, panel.top_dev - metrics::PANEL_TITLE * u + 2.0 * u),
            font(label, palette.text, HPos::Left, VPos::Top),
        ))?;
        for tick in &panel.ticks {
            root.draw(&PathElement::new(vec![pt(panel.left_dev, tick.y_dev), pt(panel.right_dev, tick.y_dev)], grid))?;
            root.draw(&Text::new(
                tick.label.clone(),
                pt(panel.left_dev - 6.0 * u, tick.y_dev),
                font(label, palette.muted, HPos::Right, VPos::Center),
            ))?;
        }
    }
    for panel in &chart.panels {
        // The active year: a guide over the grid and under the data, per panel so it never
        // crosses a title.
        if let Some(i) = highlight {
            let x = panel.x.position_from_index(i);
            let guide = ShapeStyle::from(&palette.guide).stroke_width((1.5 * u).round().max(1.0) as u32);
            root.draw(&PathElement::new(vec![pt(x, panel.top_dev), pt(x, panel.bottom_dev)], guide))?;
        }
        if panel.x_labels {
            let every = year_label_stride(panel.x.step(), u, label);
            for (i, year) in chart.years.iter().enumerate() {
                if i % every != 0 && i + 1 != chart.years.len() {
                    continue;
                }
                let color = if Some(i) == highlight { palette.text } else { palette.muted };
                root.draw(&Text::new(
                    year.to_string(),
                    pt(panel.x.position_from_index(i), panel.bottom_dev + 6.0 * u),
                    font(label, color, HPos::Center, VPos::Top),
                ))?;
            }
        }
    }

    for series in &chart.series {
        let color = palette.series(series.style);
        let width = if series.hollow { 1.5 } else { 2.0 };
        let stroke = ShapeStyle::from(&color).stroke_width((width * u).round().max(1.0) as u32);
        for run in series.runs().into_iter().filter(|r| r.len() > 1) {
            let points: Vec<(i32, i32)> = run.iter().map(|p| pt(p.x_dev, p.y_dev)).collect();
            if series.dashed {
                root.draw(&DashedPathElement::new(points, (6.0 * u) as i32, (4.0 * u) as i32, stroke))?;
            } else {
                root.draw(&PathElement::new(points, stroke))?;
            }
        }
        for p in &series.points {
            let active = Some(p.year_index) == highlight;
            let radius = if active { 6.0 } else { 3.5 } * u;
            draw_marker(root, series.style, (p.x_dev, p.y_dev), radius, color, palette.background, series.hollow)?;
            let mark = ShapeStyle::from(&palette.text).stroke_width(thin);
            if p.cite.printed.is_some() {
                // Corrected values carry a ring, so they differ from printed ones without colour.
                root.draw(&Circle::new(pt(p.x_dev, p.y_dev), (radius + 3.0 * u) as i32, mark))?;
            }
            if p.revised {
                // Revised values carry a square frame: a different shape from the correction ring.
                let r = radius + 3.0 * u;
                root.draw(&Rectangle::new([pt(p.x_dev - r, p.y_dev - r), pt(p.x_dev + r, p.y_dev + r)], mark))?;
            }
        }
    }
    Ok(())
}

fn draw_legend_entry<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entry: &LegendEntry,
    palette: &Palette,
    u: f64,
) -> DrawResult<DB> {
    let label = metrics::LABEL_FONT * u;
    let y = entry.y_dev + label / 2.0;
    let sample_middle = entry.x_dev + 11.0 * u;
    let mark = ShapeStyle::from(&palette.text).stroke_width(u.round().max(1.0) as u32);
    let mut text_color = palette.text;
    match &entry.mark {
        LegendMark::Series { dashed, hollow, shown, .. } => {
            // A hidden group keeps its entry, drawn in the muted colour and struck through.
            let color = if *shown { palette.series(entry.style) } else { palette.muted };
            let style = ShapeStyle::from(&color).stroke_width((2.0 * u).round().max(1.0) as u32);
            let line = vec![pt(entry.x_dev, y), pt(entry.x_dev + 22.0 * u, y)];
            if *dashed {
                root.draw(&DashedPathElement::new(line, (5.0 * u) as i32, (3.0 * u) as i32, style))?;
            } else {
                root.draw(&PathElement::new(line, style))?;
            }
            draw_marker(root, entry.style, (sample_middle, y), 4.0 * u, color, palette.background, *hollow || !*shown)?;
            if !*shown {
                text_color = palette.muted;
                let text_width = entry.width_dev - (metrics::LEGEND_SAMPLE + metrics::LEGEND_GAP) * u;
                let strike = ShapeStyle::from(&palette.muted).stroke_width(u.round().max(1.0) as u32);
                let x0 = entry.x_dev + metrics::LEGEND_SAMPLE * u;
                root.draw(&PathElement::new(vec![pt(x0, y), pt(x0 + text_width, y)], strike))?;
            }
        }
        LegendMark::CorrectedRing => {
            root.draw(&Circle::new(pt(sample_middle, y), (6.5 * u) as i32, mark))?;
        }
        LegendMark::RevisionFrame => {
            let r = 6.5 * u;
            root.draw(&Rectangle::new([pt(sample_middle - r, y - r), pt(sample_middle + r, y + r)], mark))?;
        }
    }
    root.draw(&Text::new(
        entry.label.clone(),
        pt(entry.x_dev + metrics::LEGEND_SAMPLE * u, entry.y_dev),
        font(label, text_color, HPos::Left, VPos::Top),
    ))
}

/// Show every n-th year label so labels never collide on narrow screens.
fn year_label_stride(step: f64, u: f64, label_font: f64) -> usize {
    let needed = 4.0 * metrics::CHAR_WIDTH * label_font + 8.0 * u;
    (needed / step.abs().max(1.0)).ceil().max(1.0) as usize
}

/// Marker shapes cycle with the series, so series differ by shape as well as colour.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: usize,
    (x, y): (f64, f64),
    r: f64,
    color: RGBColor,
    background: RGBColor,
    hollow: bool,
) -> DrawResult<DB> {
    // Hollow markers: the background colour inside a coloured outline.
    let (fill, edge) = if hollow {
        (ShapeStyle::from(&background).filled(), ShapeStyle::from(&color).stroke_width((r / 2.5).round().max(1.0) as u32))
    } else {
        (ShapeStyle::from(&color).filled(), ShapeStyle::from(&background).stroke_width((r / 3.0).round().max(1.0) as u32))
    };
    let points: Vec<(i32, i32)> = match style % 4 {
        0 => {
            if hollow {
                root.draw(&Circle::new(pt(x, y), r as i32, fill))?;
                return root.draw(&Circle::new(pt(x, y), r as i32, edge));
            }
            root.draw(&Circle::new(pt(x, y), r as i32, edge))?;
            return root.draw(&Circle::new(pt(x, y), r as i32, fill));
        }
        1 => vec![pt(x - r, y - r), pt(x + r, y - r), pt(x + r, y + r), pt(x - r, y + r)],
        2 => vec![pt(x, y - r * 1.2), pt(x + r * 1.1, y + r * 0.8), pt(x - r * 1.1, y + r * 0.8)],
        _ => vec![pt(x, y - r * 1.3), pt(x + r * 1.3, y), pt(x, y + r * 1.3), pt(x - r * 1.3, y)],
    };
    root.draw(&Polygon::new(points.clone(), fill))?;
    if hollow {
        let mut closed = points;
        closed.push(closed[0]);
        root.draw(&PathElement::new(closed, edge))?;
    }
    Ok(())
}

pub fn palette(dark: bool) -> &'static Palette {
    if dark {
        &theme::DARK
    } else {
        &theme::LIGHT
    }
}
