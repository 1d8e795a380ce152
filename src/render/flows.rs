//! Drawing the flow diagram (`tier-changes`). Bands, nodes and list entries are where the
//! layout put them; the highlighted band and entry are drawn over the rest.

use super::stacks::draw_swatch;
use super::theme::Palette;
use super::{begin, bold, corners, font, pt, DrawResult, Scale};
use crate::model::flows::{flow_metrics::NODE_LINE, FlowChart};
use crate::model::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Points along each band edge: enough for a smooth curve at any width.
const CURVE_STEPS: usize = 32;

pub fn draw_flow_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &FlowChart,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline } = begin(root, chart.size.dpr, &chart.title, &chart.subtitle, palette)?;
    let fills = &palette.tier_fills;
    let bold = bold(label, palette.text);
    let [from, to] = &chart.column_titles;
    root.draw(&Text::new(from.text.clone(), pt(from.x_dev, from.y_dev), bold.clone().pos(plotters::style::text_anchor::Pos::new(HPos::Right, VPos::Top))))?;
    root.draw(&Text::new(to.text.clone(), pt(to.x_dev, to.y_dev), bold.clone()))?;

    let current = state.active.or(state.pinned);
    let highlighted_band = current.and_then(|i| chart.band_of(i));
    let fill_of = |category: Option<usize>| category.map_or(palette.no_tier, |c| fills.fill(c));

    // The widest bands first, so thin ones stay visible on top where bands cross.
    let mut order: Vec<usize> = (0..chart.bands.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(chart.bands[i].input.members.len()));
    let faded = if highlighted_band.is_some() { 0.18 } else { 0.38 };
    for &i in &order {
        let band = &chart.bands[i];
        let points: Vec<(i32, i32)> = band.shape.outline(CURVE_STEPS).into_iter().map(|(x, y)| pt(x, y)).collect();
        root.draw(&Polygon::new(points, fill_of(band.category).mix(faded).filled()))?;
    }
    if let Some(band) = highlighted_band.and_then(|i| chart.bands.get(i)) {
        let outline = band.shape.outline(CURVE_STEPS);
        let points: Vec<(i32, i32)> = outline.iter().map(|&(x, y)| pt(x, y)).collect();
        root.draw(&Polygon::new(points.clone(), fill_of(band.category).mix(0.75).filled()))?;
        let mut closed = points;
        closed.push(closed[0]);
        root.draw(&PathElement::new(closed, ShapeStyle::from(&palette.text).stroke_width(hairline)))?;
    }

    for node in &chart.nodes {
        match node.category {
            Some(category) => draw_swatch(root, &node.rect, category, fills, u)?,
            None => {
                let frame = corners(&node.rect);
                root.draw(&Rectangle::new(frame, ShapeStyle::from(&palette.no_tier).filled()))?;
                root.draw(&Rectangle::new(frame, ShapeStyle::from(&palette.guide).stroke_width(hairline)))?;
            }
        }
        let h = if node.left { HPos::Right } else { HPos::Left };
        root.draw(&Text::new(node.label.text.clone(), pt(node.label.x_dev, node.label.y_dev), font(label, palette.text, h, VPos::Center)))?;
        if let Some(count) = &node.count {
            let y = node.label.y_dev + NODE_LINE * label;
            root.draw(&Text::new(count.clone(), pt(node.label.x_dev, y), font(label, palette.text, h, VPos::Center)))?;
        }
    }

    for title in &chart.list_titles {
        root.draw(&Text::new(title.text.clone(), pt(title.x_dev, title.y_dev), bold.clone()))?;
    }
    for line in &chart.list_empty {
        root.draw(&Text::new(line.text.clone(), pt(line.x_dev, line.y_dev), font(label, palette.muted, HPos::Left, VPos::Top)))?;
    }
    let active_entry = current.and_then(|i| i.checked_sub(chart.bands.len()));
    for (i, entry) in chart.entries.iter().enumerate() {
        let in_band = highlighted_band == Some(entry.input.band);
        if Some(i) == active_entry {
            let r = &entry.rect;
            root.draw(&Rectangle::new([pt(r.left, r.top), pt(r.right, r.bottom)], ShapeStyle::from(&palette.grid).filled()))?;
            root.draw(&Rectangle::new(
                [pt(r.left, r.top), pt(r.right, r.bottom)],
                ShapeStyle::from(&palette.text).stroke_width((2.0 * u).round().max(1.0) as u32),
            ))?;
        } else if in_band {
            // The other countries of the highlighted band are underlined.
            let y = entry.rect.bottom - u;
            root.draw(&PathElement::new(vec![pt(entry.text.x_dev, y), pt(entry.rect.right - 2.0 * u, y)], ShapeStyle::from(&palette.text).stroke_width(hairline)))?;
        }
        root.draw(&Text::new(entry.text.text.clone(), pt(entry.text.x_dev, entry.text.y_dev), font(label, palette.text, HPos::Left, VPos::Top)))?;
    }
    Ok(())
}
