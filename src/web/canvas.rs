//! The plotters backend that draws on a browser canvas.
//!
//! A chart is hundreds of backend calls (hatched swatches, grid lines, country outlines), and
//! each one crosses into JavaScript. So this backend sets a piece of context state (colours,
//! line width, font, text anchor) only when it differs from what the context already has, and
//! it strokes a run of lines that share one stroke style as a single path. Colours and font
//! sizes are written with integer arithmetic: no float formatting is linked for them.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontTransform,
};
use crate::render::css::{font_css, Paint};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What went wrong in a canvas call (it only fails for a detached or lost context).
#[derive(Debug)]
pub struct CanvasError(pub String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type Failure = DrawingErrorKind<CanvasError>;

fn failed(e: JsValue) -> Failure {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_else(|| "canvas call failed".into())))
}

/// The canvas context state this backend last set, so that repeats can be skipped.
#[derive(Default)]
struct Applied {
    fill: Option<Paint>,
    stroke: Option<(Paint, u32)>,
    font: String,
    anchor: Option<(u8, u8)>,
}

pub struct CanvasBackend<'f> {
    context: CanvasRenderingContext2d,
    /// The CSS family that stands in for plotters' generic sans-serif (all chart text).
    sans_serif: &'f str,
    size: (u32, u32),
    applied: Applied,
    /// A path begun with the applied stroke style and not yet stroked.
    open_lines: bool,
}

impl<'f> CanvasBackend<'f> {
    /// `None` when the canvas has no 2D context (another context type was taken from it).
    pub fn new(canvas: &HtmlCanvasElement, sans_serif: &'f str) -> Option<CanvasBackend<'f>> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        // Round joins: a thick outline around a jagged coast (a hovered country) makes mitred
        // spikes that reach into the sea and the neighbours.
        context.set_line_join("round");
        Some(CanvasBackend {
            context,
            sans_serif,
            size: (canvas.width(), canvas.height()),
            applied: Applied::default(),
            open_lines: false,
        })
    }

    /// Makes the whole canvas transparent (a highlight layer starts from nothing).
    pub fn clear(&self) {
        self.context.clear_rect(0.0, 0.0, f64::from(self.size.0), f64::from(self.size.1));
    }

    fn set_fill(&mut self, paint: Paint) {
        if self.applied.fill != Some(paint) {
            self.context.set_fill_style_str(&paint.css());
            self.applied.fill = Some(paint);
        }
    }

    fn set_stroke(&mut self, paint: Paint, width: u32) {
        let (old_paint, old_width) = self.applied.stroke.unzip();
        if old_paint != Some(paint) {
            self.context.set_stroke_style_str(&paint.css());
        }
        if old_width != Some(width) {
            self.context.set_line_width(f64::from(width));
        }
        self.applied.stroke = Some((paint, width));
    }

    /// Starts any drawing but a line's: `None` when the colour is invisible (nothing to draw),
    /// else the lines gathered so far are stroked first, so the order of what is drawn is kept.
    fn begin_shape(&mut self, color: BackendColor) -> Option<Paint> {
        let paint = Paint::of(color);
        if paint.invisible() {
            return None;
        }
        self.finish_lines();
        Some(paint)
    }

    fn set_paint(&mut self, paint: Paint, fill: bool, stroke_width: u32) {
        if fill {
            self.set_fill(paint);
        } else {
            self.set_stroke(paint, stroke_width);
        }
    }

    /// Strokes the lines gathered so far.
    fn finish_lines(&mut self) {
        if self.open_lines {
            self.context.stroke();
            self.open_lines = false;
        }
    }

    /// Adds a polyline to the open path, stroking the previous path first if its style differs.
    fn add_lines(&mut self, points: impl Iterator<Item = (f64, f64)>, style: &impl BackendStyle) {
        let paint = Paint::of(style.color());
        if paint.invisible() {
            return;
        }
        let width = style.stroke_width();
        if self.applied.stroke != Some((paint, width)) {
            self.finish_lines();
        }
        if !self.open_lines {
            self.set_stroke(paint, width);
            self.context.begin_path();
            self.open_lines = true;
        }
        self.trace(points);
    }

    /// Adds `points` to the current path as one polyline; false when there are none.
    fn trace(&self, mut points: impl Iterator<Item = (f64, f64)>) -> bool {
        let Some((x, y)) = points.next() else { return false };
        self.context.move_to(x, y);
        for (x, y) in points {
            self.context.line_to(x, y);
        }
        true
    }
}

fn at((x, y): BackendCoord) -> (f64, f64) {
    (f64::from(x), f64::from(y))
}

impl DrawingBackend for CanvasBackend<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failure> {
        self.finish_lines();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        let Some(paint) = self.begin_shape(color) else { return Ok(()) };
        self.set_fill(paint);
        let (x, y) = at(point);
        self.context.fill_rect(x, y, 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Failure> {
        // A level or upright line of odd width sits on pixel centres, so it is drawn sharp.
        let (mut a, mut b) = (at(from), at(to));
        if style.stroke_width() % 2 == 1 {
            if from.0 == to.0 {
                a.0 += 0.5;
                b.0 += 0.5;
            }
            if from.1 == to.1 {
                a.1 += 0.5;
                b.1 += 0.5;
            }
        }
        self.add_lines([a, b].into_iter(), style);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.add_lines(path.into_iter().map(at), style);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let Some(paint) = self.begin_shape(style.color()) else { return Ok(()) };
        let (x, y) = at(upper_left);
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        self.set_paint(paint, fill, style.stroke_width());
        if fill {
            self.context.fill_rect(x, y, w, h);
        } else {
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), Failure> {
        let Some(paint) = self.begin_shape(style.color()) else { return Ok(()) };
        self.context.begin_path();
        if self.trace(vertices.into_iter().map(at)) {
            self.set_fill(paint);
            self.context.close_path();
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let Some(paint) = self.begin_shape(style.color()) else { return Ok(()) };
        self.set_paint(paint, fill, style.stroke_width());
        let (x, y) = at(center);
        self.context.begin_path();
        self.context.arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU).map_err(failed)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Failure> {
        let Some(paint) = self.begin_shape(style.color()) else { return Ok(()) };
        self.set_fill(paint);
        let family = style.family();
        let family = match family {
            FontFamily::SansSerif => self.sans_serif,
            ref other => other.as_str(),
        };
        let font = font_css(style.style().as_str(), style.size(), family);
        if self.applied.font != font {
            self.context.set_font(&font);
            self.applied.font = font;
        }
        let anchor = style.anchor();
        let key = (anchor.h_pos as u8, anchor.v_pos as u8);
        if self.applied.anchor != Some(key) {
            // left/right, not start/end: those follow the canvas's direction, which a
            // right-to-left host page would flip.
            self.context.set_text_align(match anchor.h_pos {
                HPos::Left => "left",
                HPos::Right => "right",
                HPos::Center => "center",
            });
            self.context.set_text_baseline(match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            self.applied.anchor = Some(key);
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let (x, y) = at(pos);
        if quarter_turns == 0 {
            return self.context.fill_text(text, x, y).map_err(failed);
        }
        // The state above is set before save(), so restore() leaves it as `applied` says.
        self.context.save();
        let drawn = self
            .context
            .translate(x, y)
            .and_then(|()| self.context.rotate(f64::from(quarter_turns) * std::f64::consts::FRAC_PI_2))
            .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
        self.context.restore();
        drawn.map_err(failed)
    }
}
