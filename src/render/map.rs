//! Drawing the tier map. Every position, pattern segment and marker comes from [`TierMap`]'s
//! layout; this only chooses colours and line widths.

use super::theme::Palette;
use super::{begin, font, pt, DrawResult, Scale};
use crate::data::Tier;
use crate::model::geo::{self, Point};
use crate::model::map::{map_metrics, MapCountry, TierMap};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

fn points(ring: &[Point]) -> Vec<(i32, i32)> {
    ring.iter().map(|p| pt(p.0, p.1)).collect()
}

fn closed(ring: &[Point]) -> Vec<(i32, i32)> {
    let mut out = points(ring);
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

/// A neighbour's fill in a region's zoom: the tier's colour most of the way to the
/// background, so the region's countries stand out and the neighbours' tiers still read.
/// Opaque, not plotters' `mix` (alpha), which would let the land show through a marker.
fn fainter(color: RGBColor, background: RGBColor) -> RGBColor {
    let mix = |c: u8, b: u8| ((c as f64) * 0.45 + (b as f64) * 0.55).round() as u8;
    RGBColor(mix(color.0, background.0), mix(color.1, background.1), mix(color.2, background.2))
}

/// The fill a country is drawn with.
fn country_fill(c: &MapCountry, palette: &Palette) -> RGBColor {
    let fill = palette.tier(c.input.tier);
    if c.context { fainter(fill, palette.background) } else { fill }
}

fn stroke(color: RGBColor, width: f64) -> ShapeStyle {
    ShapeStyle::from(&color).stroke_width(width.round().max(1.0) as u32)
}

/// The pattern over a fill: background-coloured lines and dots.
fn draw_pattern<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[[Point; 2]],
    dots: &[Point],
    palette: &Palette,
    u: f64,
) -> DrawResult<DB> {
    let line = stroke(palette.background, 1.2 * u);
    for [a, b] in lines {
        root.draw(&PathElement::new(vec![pt(a.0, a.1), pt(b.0, b.1)], line))?;
    }
    let dot = ShapeStyle::from(&palette.background).filled();
    let r = (1.1 * u).round().max(1.0) as i32;
    for d in dots {
        root.draw(&Circle::new(pt(d.0, d.1), r, dot))?;
    }
    Ok(())
}

/// A small country's marker: its shape says the tier, as the patterns do for larger ones.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    tier: Option<Tier>,
    (x, y): Point,
    r: f64,
    fill: RGBColor,
    palette: &Palette,
    edge_width: f64,
) -> DrawResult<DB> {
    let fill = ShapeStyle::from(&fill).filled();
    let edge = stroke(palette.text, edge_width);
    let shape: Vec<(i32, i32)> = match tier {
        Some(Tier::Two) => vec![pt(x - r, y - r), pt(x + r, y - r), pt(x + r, y + r), pt(x - r, y + r)],
        Some(Tier::WatchList) => vec![pt(x, y - r * 1.25), pt(x + r * 1.2, y + r * 0.85), pt(x - r * 1.2, y + r * 0.85)],
        Some(Tier::Three) => vec![pt(x, y - r * 1.35), pt(x + r * 1.35, y), pt(x, y + r * 1.35), pt(x - r * 1.35, y)],
        Some(Tier::Special) => vec![
            pt(x - r * 1.2, y - r * 0.5),
            pt(x + r * 1.2, y - r * 0.5),
            pt(x + r * 1.2, y + r * 0.5),
            pt(x - r * 1.2, y + r * 0.5),
        ],
        Some(Tier::One) | None => {
            root.draw(&Circle::new(pt(x, y), r.round() as i32, fill))?;
            return root.draw(&Circle::new(pt(x, y), r.round() as i32, edge));
        }
    };
    root.draw(&Polygon::new(shape.clone(), fill))?;
    let mut ring = shape;
    ring.push(ring[0]);
    root.draw(&PathElement::new(ring, edge))
}

fn outline<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, c: &MapCountry, style: ShapeStyle) -> DrawResult<DB> {
    for piece in &c.pieces {
        root.draw(&PathElement::new(closed(piece), style))?;
    }
    Ok(())
}

/// The pieces a strong outline goes round: the larger ones only, since round each islet of a
/// fjord coast or an archipelago (Alaska's panhandle, Canada's Arctic) a thick line merges
/// into a dark blot. A country made only of small pieces keeps them all.
fn major_pieces(c: &MapCountry, least: f64) -> Vec<&Vec<Point>> {
    let mut major = Vec::with_capacity(c.pieces.len());
    for piece in &c.pieces {
        if geo::bounds([piece]).is_some_and(|[x0, y0, x1, y1]| x1 - x0 >= least || y1 - y0 >= least) {
            major.push(piece);
        }
    }
    if major.is_empty() {
        major.extend(c.pieces.iter());
    }
    major
}

fn outline_pieces<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, pieces: &[&Vec<Point>], style: ShapeStyle) -> DrawResult<DB> {
    for piece in pieces {
        root.draw(&PathElement::new(closed(piece), style))?;
    }
    Ok(())
}

/// Pieces narrower and shorter than this many CSS pixels get no strong outline.
const OUTLINED_PIECE: f64 = 6.0;

pub fn draw_tier_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &TierMap,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, .. } = begin(root, map.size.dpr, &map.title, &map.subtitle, palette)?;

    // Fills and patterns, largest country first so enclaves stay visible; borders in the
    // background colour keep neighbours with the same tier apart.
    let border = stroke(palette.background, 0.6 * u);
    for &i in &map.draw_order {
        let c = &map.countries[i];
        let fill = ShapeStyle::from(&country_fill(c, palette)).filled();
        for piece in &c.pieces {
            root.draw(&Polygon::new(points(piece), fill))?;
        }
        draw_pattern(root, &c.pattern_lines, &c.pattern_dots, palette, u)?;
        outline(root, c, border)?;
    }

    if map.inset() {
        let f = map.frame;
        root.draw(&Rectangle::new([pt(f.left, f.top), pt(f.right, f.bottom)], stroke(palette.grid, u)))?;
    }

    // Highlighted countries: a strong outline in the text colour.
    let strong = stroke(palette.text, 2.0 * u);
    for c in map.countries.iter().filter(|c| c.input.highlighted) {
        outline_pieces(root, &major_pieces(c, OUTLINED_PIECE * u), strong)?;
    }
    // Markers moved aside from crowded places: a thin line back to a dot where the country is.
    let leader = stroke(palette.text, 0.8 * u);
    let home_dot = ShapeStyle::from(&palette.text).filled();
    for c in map.countries.iter().filter(|c| c.marker.is_some() && c.anchor != c.home) {
        root.draw(&PathElement::new(vec![pt(c.home.0, c.home.1), pt(c.anchor.0, c.anchor.1)], leader))?;
        root.draw(&Circle::new(pt(c.home.0, c.home.1), (1.5 * u).round().max(1.0) as i32, home_dot))?;
    }
    for c in map.countries.iter().filter(|c| c.marker.is_some()) {
        let r = c.marker.unwrap_or(map_metrics::MARKER_RADIUS * u);
        let width = if c.input.highlighted { 2.0 * u } else { 0.8 * u };
        draw_marker(root, c.input.tier, c.anchor, r, country_fill(c, palette), palette, width)?;
    }

    let swatch_edge = stroke(palette.muted, 0.8 * u);
    for item in &map.legend {
        let s = item.swatch;
        root.draw(&Rectangle::new(
            [pt(s.left, s.top), pt(s.right, s.bottom)],
            ShapeStyle::from(&palette.tier(item.tier)).filled(),
        ))?;
        draw_pattern(root, &item.pattern_lines, &item.pattern_dots, palette, u)?;
        root.draw(&Rectangle::new([pt(s.left, s.top), pt(s.right, s.bottom)], swatch_edge))?;
        if item.tier.is_some() {
            // The marker shape small countries get, at the swatch's right end.
            let r = 3.0 * u;
            let at = (s.right + 1.0 * u - r * 1.6, (s.top + s.bottom) / 2.0);
            draw_marker(root, item.tier, at, r, palette.tier(item.tier), palette, 0.8 * u)?;
        }
        root.draw(&Text::new(
            item.label.clone(),
            pt(item.text_x_dev, item.text_y_dev),
            font(label, palette.text, HPos::Left, VPos::Center),
        ))?;
    }
    for line in &map.notes {
        root.draw(&Text::new(
            line.text.clone(),
            pt(line.x_dev, line.y_dev),
            font(map_metrics::NOTE_FONT * u, palette.muted, HPos::Left, VPos::Top),
        ))?;
    }
    Ok(())
}

/// The active country over the base: a double outline (the background under the text colour)
/// that reads on any fill, and a ring around its marker or where a tiny country is.
pub fn draw_map_highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &TierMap,
    index: usize,
    palette: &Palette,
) -> DrawResult<DB> {
    let Some(c) = map.countries.get(index) else { return Ok(()) };
    let u = map.size.dpr.max(0.5);
    let pieces = major_pieces(c, OUTLINED_PIECE * u);
    outline_pieces(root, &pieces, stroke(palette.background, 4.0 * u))?;
    outline_pieces(root, &pieces, stroke(palette.text, 2.0 * u))?;
    if c.marker.is_some() || c.area_dev < 200.0 * u * u {
        let r = (map_metrics::MARKER_HIT * u).round() as i32;
        root.draw(&Circle::new(pt(c.anchor.0, c.anchor.1), r, stroke(palette.text, 2.0 * u)))?;
    }
    Ok(())
}
