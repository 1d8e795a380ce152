//! Drawing stacked bars (`tier-summary`). Positions come from [`StackChart`]'s layout; the
//! hatching inside a segment is decoration derived from its rectangle and category.

use super::theme::{Palette, TierFills};
use super::{begin, corners, bold, font, pt, scale_for, DrawResult, Scale};
use crate::model::bars::Rect;
use crate::model::measure::{self, Weight};
use crate::model::stacks::{Segment, StackChart, StackRow};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The hatching of each category, so segments differ without colour: none, rising
/// diagonals, horizontals, cross-hatching, verticals.
#[derive(Clone, Copy, PartialEq)]
enum Hatch {
    Rising,
    Falling,
    Horizontal,
    Vertical,
}

fn hatches(category: usize) -> &'static [Hatch] {
    match category {
        0 => &[],
        1 => &[Hatch::Rising],
        2 => &[Hatch::Horizontal],
        3 => &[Hatch::Rising, Hatch::Falling],
        _ => &[Hatch::Vertical],
    }
}

/// Hatch lines clipped to `r`, `step` apart.
fn hatch_lines(r: &Rect, hatch: Hatch, step: f64) -> Vec<[(f64, f64); 2]> {
    let mut lines = Vec::new();
    if step <= 0.0 || r.right <= r.left || r.bottom <= r.top {
        return lines;
    }
    match hatch {
        Hatch::Horizontal => {
            let mut y = r.top + step / 2.0;
            while y < r.bottom {
                lines.push([(r.left, y), (r.right, y)]);
                y += step;
            }
        }
        Hatch::Vertical => {
            let mut x = r.left + step / 2.0;
            while x < r.right {
                lines.push([(x, r.top), (x, r.bottom)]);
                x += step;
            }
        }
        Hatch::Rising => {
            // Lines x + y = c; anchored to the page so neighbouring segments line up.
            let mut c = ((r.left + r.top) / step).ceil() * step;
            while c < r.right + r.bottom {
                let (x0, x1) = ((c - r.bottom).max(r.left), (c - r.top).min(r.right));
                if x1 > x0 {
                    lines.push([(x0, c - x0), (x1, c - x1)]);
                }
                c += step;
            }
        }
        Hatch::Falling => {
            // Lines x - y = c.
            let mut c = ((r.left - r.bottom) / step).ceil() * step;
            while c < r.right - r.top {
                let (x0, x1) = ((c + r.top).max(r.left), (c + r.bottom).min(r.right));
                if x1 > x0 {
                    lines.push([(x0, x0 - c), (x1, x1 - c)]);
                }
                c += step;
            }
        }
    }
    lines
}

pub(super) fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &Rect,
    category: usize,
    fills: &TierFills,
    u: f64,
) -> DrawResult<DB> {
    let fill = fills.fill(category);
    root.draw(&Rectangle::new(corners(r), ShapeStyle::from(&fill).filled()))?;
    let ink = ShapeStyle::from(&fills.ink.mix(0.7)).stroke_width(u.round().max(1.0) as u32);
    for hatch in hatches(category) {
        for [a, b] in hatch_lines(r, *hatch, 5.0 * u) {
            root.draw(&PathElement::new(vec![pt(a.0, a.1), pt(b.0, b.1)], ink))?;
        }
    }
    Ok(())
}

pub fn draw_stack_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &StackChart,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline } = begin(root, chart.size.dpr, &chart.title, &chart.subtitle, palette)?;
    let fills = &palette.tier_fills;
    for entry in &chart.legend {
        draw_swatch(root, &entry.swatch, entry.category, fills, u)?;
        root.draw(&Text::new(entry.label.clone(), pt(entry.x_dev, entry.y_dev), font(label, palette.text, HPos::Left, VPos::Top)))?;
    }
    let heading_font = bold(label, palette.text);
    for heading in &chart.headings {
        root.draw(&Text::new(heading.text.clone(), pt(heading.x_dev, heading.y_dev), heading_font.clone()))?;
    }

    let baseline = ShapeStyle::from(&palette.guide).stroke_width(hairline);
    for row in &chart.rows {
        draw_row_text(root, row, chart.baseline_x_dev, baseline, label, u, palette)?;
    }
    for s in &chart.segments {
        draw_segment(root, s, palette, label, hairline, u)?;
    }
    Ok(())
}

/// The active segment over the base: its row's band under the row, the row drawn again over
/// it, and a ring around the segment.
pub fn draw_stack_highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &StackChart,
    index: usize,
    palette: &Palette,
) -> DrawResult<DB> {
    let Some(segment) = chart.segments.get(index) else { return Ok(()) };
    let Scale { u, label, hairline } = scale_for(chart.size.dpr);
    let inside = |band: &Rect, r: &Rect| band.top <= r.top && r.bottom <= band.bottom;
    if let Some(row) = chart.rows.iter().find(|r| inside(&r.band, &segment.rect)) {
        root.draw(&Rectangle::new(corners(&row.band), ShapeStyle::from(&palette.grid).filled()))?;
        let baseline = ShapeStyle::from(&palette.guide).stroke_width(hairline);
        draw_row_text(root, row, chart.baseline_x_dev, baseline, label, u, palette)?;
        for s in &chart.segments {
            if inside(&row.band, &s.rect) {
                draw_segment(root, s, palette, label, hairline, u)?;
            }
        }
    }
    let ring = ShapeStyle::from(&palette.text).stroke_width((2.0 * u).round().max(1.0) as u32);
    let r = &segment.rect;
    let around = Rect { left: r.left - u, top: r.top - 2.0 * u, right: r.right + u, bottom: r.bottom + 2.0 * u };
    root.draw(&Rectangle::new(corners(&around), ring))
}

/// A row's label, its tick on the baseline and its total.
fn draw_row_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    row: &StackRow,
    baseline_x: f64,
    baseline: ShapeStyle,
    label: f64,
    u: f64,
    palette: &Palette,
) -> DrawResult<DB> {
    root.draw(&Text::new(row.label.clone(), pt(row.label_right_dev, row.center_y_dev), font(label, palette.text, HPos::Right, VPos::Center)))?;
    root.draw(&PathElement::new(vec![pt(baseline_x, row.band.top + 2.0 * u), pt(baseline_x, row.band.bottom - 2.0 * u)], baseline))?;
    root.draw(&Text::new(row.total.clone(), pt(row.total_x_dev, row.center_y_dev), font(label, palette.text, HPos::Left, VPos::Center)))
}

/// A segment: its hatched swatch, a background-coloured right edge that keeps it apart from
/// the next, and its count on a knockout in its own fill.
fn draw_segment<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &Segment,
    palette: &Palette,
    label: f64,
    hairline: u32,
    u: f64,
) -> DrawResult<DB> {
    let fills = &palette.tier_fills;
    draw_swatch(root, &s.rect, s.category, fills, u)?;
    let separator = ShapeStyle::from(&palette.background).stroke_width(hairline);
    root.draw(&PathElement::new(vec![pt(s.rect.right, s.rect.top), pt(s.rect.right, s.rect.bottom)], separator))?;
    if let Some(text) = &s.label {
        let fill = fills.fill(s.category);
        let (cx, cy) = ((s.rect.left + s.rect.right) / 2.0, (s.rect.top + s.rect.bottom) / 2.0);
        let half = (measure::width(text, label, Weight::Regular) + 4.0 * u) / 2.0;
        let knockout = Rect { left: cx - half, top: cy - label * 0.6, right: cx + half, bottom: cy + label * 0.6 };
        root.draw(&Rectangle::new(corners(&knockout), ShapeStyle::from(&fill).filled()))?;
        root.draw(&Text::new(text.clone(), pt(cx, cy), font(label, fills.ink, HPos::Center, VPos::Center)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatch_lines_stay_inside_their_rectangle() {
        let r = Rect { left: 10.0, top: 20.0, right: 47.0, bottom: 38.0 };
        for hatch in [Hatch::Rising, Hatch::Falling, Hatch::Horizontal, Hatch::Vertical] {
            let lines = hatch_lines(&r, hatch, 5.0);
            assert!(!lines.is_empty());
            for [a, b] in lines {
                for (x, y) in [a, b] {
                    assert!(x >= r.left - 1e-9 && x <= r.right + 1e-9 && y >= r.top - 1e-9 && y <= r.bottom + 1e-9);
                }
            }
        }
        assert!(hatch_lines(&Rect { left: 5.0, top: 5.0, right: 5.0, bottom: 9.0 }, Hatch::Rising, 5.0).is_empty());
    }
}
