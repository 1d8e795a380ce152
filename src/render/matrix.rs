//! Drawing the matrix and the timeline (`ratifications`). Positions come from [`MatrixChart`];
//! how a cell looks says what it holds without colour: a year in a tinted box, a dash in an
//! outlined box, "?" over hatching.

use super::theme::Palette;
use super::{begin, bold, corners, font, pt, DrawResult, Scale};
use crate::model::bars::Rect;
use crate::model::line::metrics::LABEL_FONT;
use crate::model::matrix::{CellKind, LegendMark, MatrixChart, MatrixView};
use crate::model::view::ViewState;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Rising diagonals clipped to `r`: the "not in the source" texture.
fn hatch<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Rect, color: RGBColor, u: f64) -> DrawResult<DB> {
    let step = 5.0 * u;
    let style = ShapeStyle::from(&color).stroke_width(u.round().max(1.0) as u32);
    let mut c = ((r.left + r.top) / step).ceil() * step;
    while c < r.right + r.bottom {
        let (x0, x1) = ((c - r.bottom).max(r.left), (c - r.top).min(r.right));
        if x1 > x0 {
            root.draw(&PathElement::new(vec![pt(x0, c - x0), pt(x1, c - x1)], style))?;
        }
        c += step;
    }
    Ok(())
}

/// A cell of the matrix, or a legend sample of one.
fn draw_cell<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &Rect,
    kind: CellKind,
    label: Option<&str>,
    palette: &Palette,
    u: f64,
) -> DrawResult<DB> {
    let hairline = u.round().max(1.0) as u32;
    let center = pt((r.left + r.right) / 2.0, (r.top + r.bottom) / 2.0);
    let text = |color| font(LABEL_FONT * u, color, HPos::Center, VPos::Center);
    match kind {
        CellKind::Year { marked, note, .. } => {
            root.draw(&Rectangle::new(corners(r), ShapeStyle::from(&palette.grid).filled()))?;
            if let Some(label) = label {
                root.draw(&Text::new(label.to_owned(), center, text(palette.text)))?;
            }
            if marked {
                // A corner triangle: accession or acceptance, even where "(a)" does not fit.
                let s = 7.0 * u;
                root.draw(&Polygon::new(
                    vec![pt(r.right - s, r.top), pt(r.right, r.top), pt(r.right, r.top + s)],
                    ShapeStyle::from(&palette.text).filled(),
                ))?;
            }
            if note {
                root.draw(&Circle::new(pt(r.right - 4.0 * u, r.bottom - 4.0 * u), (2.0 * u) as i32, ShapeStyle::from(&palette.text).filled()))?;
            }
        }
        CellKind::NotParty => {
            root.draw(&Rectangle::new(corners(r), ShapeStyle::from(&palette.muted).stroke_width(hairline)))?;
            if let Some(label) = label {
                root.draw(&Text::new(label.to_owned(), center, text(palette.text)))?;
            }
        }
        CellKind::Absent => {
            hatch(root, r, palette.guide, u)?;
            if let Some(label) = label {
                // A knockout so the "?" reads over the hatching.
                let k = Rect { left: center.0 as f64 - 6.0 * u, top: r.top + 3.0 * u, right: center.0 as f64 + 6.0 * u, bottom: r.bottom - 3.0 * u };
                root.draw(&Rectangle::new(corners(&k), ShapeStyle::from(&palette.background).filled()))?;
                root.draw(&Text::new(label.to_owned(), center, text(palette.muted)))?;
            }
        }
    }
    Ok(())
}

/// A timeline event: a square for a ratification, a triangle for a kind mark.
fn draw_event<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Rect, marked: bool, color: RGBColor) -> DrawResult<DB> {
    let style = ShapeStyle::from(&color).filled();
    if marked {
        root.draw(&Polygon::new(
            vec![pt((r.left + r.right) / 2.0, r.top - 1.0), pt(r.right + 1.0, r.bottom), pt(r.left - 1.0, r.bottom)],
            style,
        ))
    } else {
        root.draw(&Rectangle::new(corners(r), style))
    }
}

pub fn draw_matrix<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &MatrixChart,
    state: &ViewState,
    palette: &Palette,
) -> DrawResult<DB> {
    let Scale { u, label, hairline } = begin(root, chart.size.dpr, &chart.title, &chart.subtitle, palette)?;
    let bold = bold(label, palette.text);

    for entry in &chart.legend {
        let s = &entry.sample;
        match entry.mark {
            LegendMark::Year => draw_cell(root, s, CellKind::Year { year: 0, marked: false, note: false }, Some("1999"), palette, u)?,
            LegendMark::Marked => draw_cell(root, s, CellKind::Year { year: 0, marked: true, note: false }, Some("(a)"), palette, u)?,
            LegendMark::Note => draw_cell(root, s, CellKind::Year { year: 0, marked: false, note: true }, None, palette, u)?,
            LegendMark::NotParty => draw_cell(root, s, CellKind::NotParty, Some("—"), palette, u)?,
            LegendMark::Absent => draw_cell(root, s, CellKind::Absent, Some("?"), palette, u)?,
            LegendMark::Event | LegendMark::MarkedEvent => {
                let side = 9.0 * u;
                let (cx, cy) = ((s.left + s.right) / 2.0, (s.top + s.bottom) / 2.0);
                let r = Rect { left: cx - side / 2.0, top: cy - side / 2.0, right: cx + side / 2.0, bottom: cy + side / 2.0 };
                draw_event(root, &r, entry.mark == LegendMark::MarkedEvent, palette.series(0))?;
            }
        }
        root.draw(&Text::new(entry.label.clone(), pt(entry.x_dev, entry.y_dev), font(label, palette.text, HPos::Left, VPos::Top)))?;
    }

    if let Some(band) = &chart.highlight {
        root.draw(&Rectangle::new(corners(band), ShapeStyle::from(&palette.grid).filled()))?;
        root.draw(&Rectangle::new(corners(band), ShapeStyle::from(&palette.guide).stroke_width(hairline)))?;
    }
    let muted = ShapeStyle::from(&palette.grid).stroke_width(hairline);
    for band in &chart.bands {
        root.draw(&PathElement::new(vec![pt(band.left, band.bottom), pt(band.right, band.bottom)], muted))?;
    }
    for &x in &chart.ticks {
        root.draw(&PathElement::new(vec![pt(x, chart.plot.top), pt(x, chart.plot.bottom)], muted))?;
    }
    let header_bold = super::bold(chart.header_font, palette.text);
    for h in &chart.headers {
        let style = if h.bold {
            header_bold.clone().pos(Pos::new(HPos::Center, VPos::Center))
        } else {
            font(chart.header_font, palette.muted, HPos::Center, VPos::Center)
        };
        root.draw(&Text::new(h.text.clone(), pt(h.x_dev, h.y_dev), style))?;
    }
    let row_label_side = if chart.row_labels_above { HPos::Left } else { HPos::Right };
    for l in &chart.row_labels {
        let style = if l.bold { bold.clone().pos(Pos::new(row_label_side, VPos::Center)) } else { font(label, palette.text, row_label_side, VPos::Center) };
        root.draw(&Text::new(l.text.clone(), pt(l.x_dev, l.y_dev), style))?;
    }
    for h in &chart.group_headings {
        root.draw(&Text::new(h.text.clone(), pt(h.x_dev, h.y_dev), font(label, palette.muted, HPos::Left, VPos::Top)))?;
    }

    let active = state.active.or(state.pinned);
    let active_key = active.and_then(|i| chart.marks.get(i)).map(|m| m.key.as_str());
    for mark in &chart.marks {
        match chart.view {
            MatrixView::Grid => draw_cell(root, &mark.rect, mark.kind, mark.label.as_deref(), palette, u)?,
            MatrixView::Timeline => {
                let marked = matches!(mark.kind, CellKind::Year { marked: true, .. });
                draw_event(root, &mark.rect, marked, palette.series(0))?;
                if let Some(text) = &mark.label {
                    let at = pt(mark.rect.right + 3.0 * u, (mark.rect.top + mark.rect.bottom) / 2.0);
                    root.draw(&Text::new(text.clone(), at, font(label, palette.text, HPos::Left, VPos::Center)))?;
                }
            }
        }
    }
    // On the timeline, the hovered country's other events get a thin ring, so the time
    // between its joining one instrument and another can be read.
    if chart.view == MatrixView::Timeline {
        if let Some(key) = active_key {
            let ring = ShapeStyle::from(&palette.text).stroke_width(hairline);
            for m in chart.marks.iter().filter(|m| m.key == key) {
                let r = Rect { left: m.rect.left - 2.0 * u, top: m.rect.top - 2.0 * u, right: m.rect.right + 2.0 * u, bottom: m.rect.bottom + 2.0 * u };
                root.draw(&Rectangle::new(corners(&r), ring))?;
            }
        }
    }

    if let Some(title) = &chart.panel_title {
        root.draw(&Text::new(title.text.clone(), pt(title.x_dev, title.y_dev), bold.clone()))?;
    }
    for h in &chart.panel_headings {
        root.draw(&Text::new(h.text.clone(), pt(h.x_dev, h.y_dev), font(label, palette.muted, HPos::Left, VPos::Top)))?;
    }
    for chip in &chart.chips {
        root.draw(&Rectangle::new(corners(&chip.rect), ShapeStyle::from(&palette.guide).stroke_width(hairline)))?;
        let at = pt(chip.rect.left + 6.0 * u, (chip.rect.top + chip.rect.bottom) / 2.0);
        root.draw(&Text::new(chip.text.clone(), at, font(label, palette.text, HPos::Left, VPos::Center)))?;
    }

    // The focus ring last, over everything.
    let rect = active.and_then(|i| match chart.marks.get(i) {
        Some(m) => Some(m.rect),
        None => chart.chips.get(i - chart.marks.len()).map(|c| c.rect),
    });
    if let Some(r) = rect {
        let ring = ShapeStyle::from(&palette.text).stroke_width((2.0 * u).round().max(1.0) as u32);
        let r = Rect { left: r.left - 2.0 * u, top: r.top - 2.0 * u, right: r.right + 2.0 * u, bottom: r.bottom + 2.0 * u };
        root.draw(&Rectangle::new(corners(&r), ring))?;
    }
    Ok(())
}
