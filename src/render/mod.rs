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

use crate::model::measure::{self, Weight};
use crate::model::text::{LegendPlace, TextLine, LEGEND_LINE};
use crate::model::figure::Figure;
use crate::model::line::{metrics, LegendEntry, LegendMark, LineChart, Panel, Point, Series};
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
    let scale = scale_for(dpr);
    root.fill(&palette.background)?;
    let title_font = bold(metrics::TITLE_FONT * scale.u, palette.text);
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

/// Draws any laid-out chart with its highlight: the base, then the overlay.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    draw_base(root, figure, state, palette)?;
    draw_overlay(root, figure, state, palette)
}

/// Whether the figure draws its highlight on an overlay of its own ([`draw_overlay`]), so a
/// hover redraws only that. The others draw it in their base: a highlighted band of
/// tier-changes fades the rest, a matrix cell marks its whole row and column, and a
/// tier-history step under the guide would need its risers drawn again.
pub fn highlight_on_overlay(figure: &Figure) -> bool {
    matches!(figure, Figure::Line(_) | Figure::Bars(_) | Figure::Stacks(_) | Figure::Map(_))
}

/// The chart under its overlay. It does not depend on `state` where the highlight is on the
/// overlay.
pub fn draw_base<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    match figure {
        Figure::Line(chart) => draw_line_chart(root, chart, palette),
        Figure::Bars(chart) => bars::draw_bar_chart(root, chart, palette),
        Figure::Steps(chart) => steps::draw_step_chart(root, chart, state, palette),
        Figure::Stacks(chart) => stacks::draw_stack_chart(root, chart, palette),
        Figure::Map(map) => map::draw_tier_map(root, map, palette),
        Figure::Flows(chart) => flows::draw_flow_chart(root, chart, state, palette),
        Figure::Matrix(chart) => matrix::draw_matrix(root, chart, state, palette),
    }
}

/// Whether [`draw_overlay`] would draw nothing: nothing is active or pinned, and no line chart
/// point carries a correction ring or revision frame. The loader then hides the overlay instead
/// of clearing it, so a chart nobody has hovered never allocates the overlay's pixels.
pub fn overlay_is_blank(figure: &Figure, state: &ViewState) -> bool {
    if !highlight_on_overlay(figure) {
        return true;
    }
    if state.active.or(state.pinned).is_some() {
        return false;
    }
    if let Figure::Line(chart) = figure {
        for series in &chart.series {
            for p in &series.points {
                if p.cite.printed.is_some() || p.revised {
                    return false;
                }
            }
        }
    }
    true
}

/// What is drawn over the base, on a transparent surface: the active item's highlight (else
/// the pinned one's), for figures where [`highlight_on_overlay`] holds, and a line chart's
/// correction rings and revision frames. Whatever the composed chart has under its data (a
/// bar's row band) is drawn here with that row's data over it again, so the two layers look
/// like one drawing.
pub fn draw_overlay<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    let active = state.active.or(state.pinned);
    match (figure, active) {
        (Figure::Line(chart), _) => draw_line_overlay(root, chart, active, palette),
        (Figure::Bars(chart), Some(i)) => bars::draw_bar_highlight(root, chart, i, palette),
        (Figure::Stacks(chart), Some(i)) => stacks::draw_stack_highlight(root, chart, i, palette),
        (Figure::Map(map), Some(i)) => map::draw_map_highlight(root, map, i, palette),
        _ => Ok(()),
    }
}

/// The sizes an overlay shares with its base (which gets them from [`begin`]).
fn scale_for(dpr: f64) -> Scale {
    let u = dpr.max(0.5);
    Scale { u, label: metrics::LABEL_FONT * u, hairline: u.round().max(1.0) as u32 }
}

pub fn draw_line_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline: thin } = begin(root, chart.size.dpr, &chart.title_lines, &chart.subtitle_lines, palette)?;

    for entry in &chart.legend {
        draw_legend_entry(root, entry, palette, u)?;
    }

    let grid = ShapeStyle::from(&palette.grid).stroke_width(thin);
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
        if panel.x_labels {
            let every = year_label_stride(panel.x.step(), u, label);
            for (i, year) in chart.years.iter().enumerate() {
                if shows_year_label(i, every, chart.years.len()) {
                    draw_year_label(root, panel, *year, i, palette.muted, u, label)?;
                }
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
            draw_point(root, series, p, POINT * u, palette)?;
        }
    }
    Ok(())
}

/// What goes over a line chart's data: the active year (a guide through each panel, its year
/// label in the text colour, its points enlarged), then the rings of corrected values and the
/// frames of revised ones, sized to their points. The guide can go over the data because lines
/// meet it only at the year's own points (a run never spans a year without data), which are
/// drawn again on top of it. The rings and frames are here, not in the base, so that an
/// enlarged point's ring replaces its small one instead of showing inside it.
fn draw_line_overlay<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    active: Option<usize>,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline } = scale_for(chart.size.dpr);
    if let Some(index) = active {
        let guide = ShapeStyle::from(&palette.guide).stroke_width((1.5 * u).round().max(1.0) as u32);
        for panel in &chart.panels {
            // Per panel, so the guide never crosses a panel's title.
            let x = panel.x.position_from_index(index);
            root.draw(&PathElement::new(vec![pt(x, panel.top_dev), pt(x, panel.bottom_dev)], guide))?;
            let every = year_label_stride(panel.x.step(), u, label);
            if panel.x_labels && shows_year_label(index, every, chart.years.len()) {
                if let Some(year) = chart.years.get(index) {
                    draw_year_label(root, panel, *year, index, palette.text, u, label)?;
                }
            }
        }
        for series in &chart.series {
            for p in series.points.iter().filter(|p| p.year_index == index) {
                draw_point(root, series, p, ACTIVE_POINT * u, palette)?;
            }
        }
    }
    let mark = ShapeStyle::from(&palette.text).stroke_width(hairline);
    for series in &chart.series {
        for p in series.points.iter().filter(|p| p.cite.printed.is_some() || p.revised) {
            let radius = if Some(p.year_index) == active { ACTIVE_POINT } else { POINT };
            let r = (radius + 3.0) * u;
            if p.cite.printed.is_some() {
                // Corrected values carry a ring, so they differ from printed ones without colour.
                root.draw(&Circle::new(pt(p.x_dev, p.y_dev), r as i32, mark))?;
            }
            if p.revised {
                // Revised values carry a square frame: a different shape from the correction ring.
                root.draw(&Rectangle::new([pt(p.x_dev - r, p.y_dev - r), pt(p.x_dev + r, p.y_dev + r)], mark))?;
            }
        }
    }
    Ok(())
}

/// A line chart's point radius, and the active year's, in CSS pixels.
const POINT: f64 = 3.5;
const ACTIVE_POINT: f64 = 6.0;

/// Which year labels a panel shows: every `every`-th, and always the last.
fn shows_year_label(index: usize, every: usize, count: usize) -> bool {
    index % every == 0 || index + 1 == count
}

fn draw_year_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    year: u16,
    index: usize,
    color: RGBColor,
    u: f64,
    label: f64,
) -> DrawResult<DB> {
    root.draw(&Text::new(
        year.to_string(),
        pt(panel.x.position_from_index(index), panel.bottom_dev + 6.0 * u),
        font(label, color, HPos::Center, VPos::Top),
    ))
}

/// A point's marker at `radius`.
fn draw_point<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &Series,
    p: &Point,
    radius: f64,
    palette: &Palette,
) -> DrawResult<DB> {
    draw_marker(root, series.style, (p.x_dev, p.y_dev), radius, palette.series(series.style), palette.background, series.hollow)
}

/// A legend sample's middle (its marker), in CSS pixels from the entry's left; the line runs
/// twice as far, 4 px short of the label.
const SAMPLE_MIDDLE: f64 = 12.0;
/// The dashed sample's dashes, from the entry's left: two each side of the marker (radius 4).
const SAMPLE_DASHES: [(f64, f64); 4] = [(0.0, 3.0), (5.0, 8.0), (16.0, 19.0), (21.0, 24.0)];

fn draw_legend_entry<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entry: &LegendEntry,
    palette: &Palette,
    u: f64,
) -> DrawResult<DB> {
    let label = metrics::LABEL_FONT * u;
    let place = &entry.place;
    let y = place.y_dev + label / 2.0;
    let sample_middle = place.x_dev + SAMPLE_MIDDLE * u;
    let mark = ShapeStyle::from(&palette.text).stroke_width(u.round().max(1.0) as u32);
    let mut text_color = palette.text;
    let mut struck = false;
    match &entry.mark {
        LegendMark::Series { dashed, hollow, shown, .. } => {
            // A hidden group keeps its entry, drawn in the muted colour and struck through.
            let color = if *shown { palette.series(entry.style) } else { palette.muted };
            let style = ShapeStyle::from(&color).stroke_width((2.0 * u).round().max(1.0) as u32);
            // The marker hides the middle of the sample, so a dashed sample is drawn as two
            // whole dashes each side of it: a dash pattern from its start left one dash and a
            // stub, which read as the solid sample.
            let dashes: &[(f64, f64)] = if *dashed { &SAMPLE_DASHES } else { &[(0.0, 2.0 * SAMPLE_MIDDLE)] };
            for &(from, to) in dashes {
                root.draw(&PathElement::new(vec![pt(place.x_dev + from * u, y), pt(place.x_dev + to * u, y)], style))?;
            }
            draw_marker(root, entry.style, (sample_middle, y), 4.0 * u, color, palette.background, *hollow || !*shown)?;
            if !*shown {
                text_color = palette.muted;
                struck = true;
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
    draw_legend_label(root, place, text_color, struck, u)
}

/// A legend entry's label right of its sample, a line at a time (long ones wrap), struck
/// through in its own colour for a hidden group. The line charts and tier-history share it.
fn draw_legend_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    place: &LegendPlace,
    color: RGBColor,
    struck: bool,
    u: f64,
) -> DrawResult<DB> {
    let label = metrics::LABEL_FONT * u;
    let x0 = place.x_dev + metrics::LEGEND_SAMPLE * u;
    for (k, text) in place.lines.iter().enumerate() {
        let top = place.y_dev + k as f64 * LEGEND_LINE * label;
        if struck {
            let text_width = measure::width(text, label, Weight::Regular);
            let strike = ShapeStyle::from(&color).stroke_width(u.round().max(1.0) as u32);
            root.draw(&PathElement::new(vec![pt(x0, top + label / 2.0), pt(x0 + text_width, top + label / 2.0)], strike))?;
        }
        root.draw(&Text::new(text.clone(), pt(x0, top), font(label, color, HPos::Left, VPos::Top)))?;
    }
    Ok(())
}

/// Show every n-th year label so labels never collide on narrow screens.
fn year_label_stride(step: f64, u: f64, label_font: f64) -> usize {
    let needed = measure::width("0000", label_font, Weight::Regular) + 8.0 * u;
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
