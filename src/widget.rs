//! One widget's state from attributes to readout, with no browser in sight: the web layer
//! forwards attributes, sizes, pointer positions and keys here and draws what comes back.

use crate::charts;
use crate::model::figure::{Figure, FigureInput, Readout};
use crate::model::line::Size;
use crate::model::measure::{self, TextWidths};
use crate::model::spec::{self, Spec, SpecError};
use crate::model::table::DataTable;
use crate::model::tip::{self, TipPlace, TipText};
use crate::model::view::{KeyOutcome, ViewState};
use std::cell::Cell;

/// The tooltip's zone is the canvas inset this much (the loader's `.tipzone`).
const TIP_INSET: f64 = 4.0;

#[derive(Default)]
pub struct Widget {
    spec: Option<Spec>,
    /// What the spec shows, before layout.
    input: Option<FigureInput>,
    figure: Option<Figure>,
    size: Option<Size>,
    /// Legend groups the reader has hidden, by key; kept across resizes, reset by new options.
    hidden: Vec<String>,
    /// How wide text runs in the widget's font; every layout and drawing measures by them.
    text_widths: TextWidths,
    /// Where the tooltip was last placed, in its zone: [left, top, right, bottom].
    tip_rect: Cell<Option<[f64; 4]>>,
    pub state: ViewState,
}

impl Widget {
    /// Applies a new set of attributes. On error the previous chart is dropped, so the
    /// widget never shows data for options it was not given.
    pub fn configure(&mut self, attributes: &[(String, String)]) -> Result<(), SpecError> {
        let previous = self.spec.take().map(|s| s.chart);
        self.input = None;
        self.figure = None;
        self.hidden.clear();
        let lang = spec::parse_lang(&spec::Attributes(attributes))?;
        let dataset = charts::dataset_in(lang);
        let spec = spec::parse(attributes, dataset)?;
        self.input = Some(charts::build(dataset, &spec));
        // A pin made on other options (or in another language, whose names sort otherwise)
        // would point at an unrelated item; a theme change keeps it.
        if previous.as_ref() != Some(&spec.chart) {
            self.state = ViewState::default();
        }
        self.spec = Some(spec);
        self.relayout();
        Ok(())
    }

    pub fn spec(&self) -> Option<&Spec> {
        self.spec.as_ref()
    }

    /// The reader's language of the chart shown (English before a valid configure).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.spec.as_ref().map(|s| s.lang).unwrap_or_default()
    }

    /// A new canvas size (made finite and in range first); the same size again (a resize
    /// observer echoing the height the chart asked for) does not lay out again.
    pub fn resize(&mut self, size: Size) {
        let size = size.sanitized();
        if self.size == Some(size) && self.figure.is_some() {
            return;
        }
        self.size = Some(size);
        self.relayout();
    }

    /// Text widths measured in the widget's font (the browser's); a change lays the chart out
    /// again.
    pub fn set_text_widths(&mut self, widths: TextWidths) {
        if self.text_widths != widths {
            self.text_widths = widths;
            self.relayout();
        }
    }

    /// Runs `f` measuring text by this widget's widths: drawing does, for the few widths it
    /// works out itself.
    pub fn measuring<R>(&self, f: impl FnOnce() -> R) -> R {
        measure::using(self.text_widths, f)
    }

    fn relayout(&mut self) {
        // A tooltip placed on the old layout is not where the next readout will put it.
        self.tip_rect.set(None);
        self.figure = match (&self.input, self.size) {
            (Some(input), Some(size)) => Some(measure::using(self.text_widths, || input.layout(size, &self.hidden))),
            _ => None,
        };
        self.state.clamp(self.item_count());
    }

    fn item_count(&self) -> usize {
        self.figure.as_ref().map_or(0, Figure::item_count)
    }

    /// The size last given to [`Widget::resize`].
    pub fn size(&self) -> Option<Size> {
        self.size
    }

    pub fn figure(&self) -> Option<&Figure> {
        self.figure.as_ref()
    }

    /// The laid-out line chart, when the widget holds one (tests and probes use it).
    pub fn line_chart(&self) -> Option<&crate::model::line::LineChart> {
        match self.figure.as_ref()? {
            Figure::Line(chart) => Some(chart),
            _ => None,
        }
    }

    /// Pointer moved to CSS pixel (x, y). Returns whether what is shown changed.
    pub fn pointer(&mut self, x_css: f64, y_css: f64) -> bool {
        let hit = self.figure.as_ref().and_then(|f| f.item_at(x_css, y_css));
        let changed = hit != self.state.active;
        self.state.active = hit;
        changed
    }

    /// Click or tap: pins the item under the pointer, or clears the pin off the plot.
    pub fn click(&mut self, x_css: f64, y_css: f64) -> Option<usize> {
        let hit = self.figure.as_ref().and_then(|f| f.item_at(x_css, y_css));
        self.state.pinned = hit;
        self.state.active = hit;
        hit
    }

    pub fn leave(&mut self) -> bool {
        self.tip_rect.set(None);
        let changed = self.state.active.is_some();
        self.state.active = None;
        changed
    }

    pub fn key(&mut self, key: &str) -> KeyOutcome {
        let count = self.item_count();
        self.state.key(key, count)
    }

    /// Type-ahead: moves to the first item `typed` names, as an arrow key would (active, not
    /// pinned), and returns it; on no match nothing changes.
    pub fn find(&mut self, typed: &str) -> Option<usize> {
        let found = self.figure.as_ref()?.item_by_name(typed)?;
        self.state.active = Some(found);
        Some(found)
    }

    /// What type-ahead searches on this chart (`country`, `region`), if anything.
    pub fn searches(&self) -> Option<&'static str> {
        self.input.as_ref()?.searches()
    }

    /// Shows or hides one legend group; returns whether it is now shown. Unknown keys do
    /// nothing (and report `false`).
    pub fn toggle(&mut self, key: &str) -> bool {
        let known = self.input.as_ref().is_some_and(|i| i.toggles().iter().any(|(k, _)| k == key));
        if !known {
            return false;
        }
        let shown = if let Some(i) = self.hidden.iter().position(|k| k == key) {
            self.hidden.remove(i);
            true
        } else {
            self.hidden.push(key.to_owned());
            false
        };
        self.relayout();
        shown
    }

    /// What to show for the active item, or else the pinned one.
    pub fn readout(&self) -> Option<Readout> {
        let index = self.state.active.or(self.state.pinned)?;
        self.figure.as_ref()?.readout(index)
    }

    /// Where `readout`'s tooltip, ending with `source` (its [`Readout::source_line`]), goes for
    /// a pointer at (`x_css`, `y_css`) on the canvas, or at the item's anchor for keys, with the
    /// canvas rows `visible` (top, bottom) on screen. Its zone is the canvas inset 4 px (the
    /// loader's `.tipzone`), and the insets returned are the zone's. Remembers where it put the
    /// tooltip, for [`Widget::tip_covers`].
    pub fn tip_place(&self, readout: &Readout, source: Option<&str>, pointer: Option<(f64, f64)>, visible: (f64, f64)) -> Option<TipPlace> {
        let size = self.size?;
        let (x, y) = pointer.unwrap_or((readout.x_css, readout.y_css));
        let item_rows = readout.rows.map(|(top, bottom)| (top - TIP_INSET, bottom - TIP_INSET));
        let text = TipText { heading: &readout.heading, values: &readout.values, source, list: readout.list.as_ref(), lang: self.lang(), item_rows };
        let (width, height) = (size.width_css - 2.0 * TIP_INSET, size.height_css - 2.0 * TIP_INSET);
        let visible = (visible.0 - TIP_INSET, visible.1 - TIP_INSET);
        let place = self.measuring(|| tip::place(&text, width, height, visible, x - TIP_INSET, y - TIP_INSET));
        self.tip_rect.set(Some(place.rect(width, height)));
        Some(place)
    }

    /// Whether a pointer at (`x_css`, `y_css`) is on (or within a few pixels of) where the
    /// tooltip was last put: the loader then places it again, clear of the pointer, which
    /// moving within one wide item (a year, a long bar) would otherwise slide under it.
    pub fn tip_covers(&self, x_css: f64, y_css: f64) -> bool {
        const NEAR: f64 = 4.0;
        let (x, y) = (x_css - TIP_INSET, y_css - TIP_INSET);
        self.tip_rect.get().is_some_and(|[left, top, right, bottom]| {
            x >= left - NEAR && x <= right + NEAR && y >= top - NEAR && y <= bottom + NEAR
        })
    }

    pub fn summary(&self) -> String {
        self.input.as_ref().map(|i| i.summary()).unwrap_or_default()
    }

    pub fn title(&self) -> String {
        self.input.as_ref().map(|i| i.title().to_owned()).unwrap_or_default()
    }

    /// The height the chart asks for at this width, when the page sets none.
    pub fn preferred_height_css(&self, width_css: f64) -> Option<f64> {
        let width_css = Size { width_css, height_css: 1.0, dpr: 1.0 }.sanitized().width_css;
        self.measuring(|| self.input.as_ref()?.preferred_height_css(width_css))
    }

    /// The least height at this width at which nothing runs off the canvas or overprints, once
    /// a chart is configured (see [`FigureInput::minimum_height_css`]).
    pub fn minimum_height_css(&self, width_css: f64) -> Option<f64> {
        let width_css = Size { width_css, height_css: 1.0, dpr: 1.0 }.sanitized().width_css;
        Some(self.measuring(|| self.input.as_ref().map(|i| i.minimum_height_css(width_css)))?)
    }

    pub fn csv(&self) -> String {
        match (&self.spec, &self.input) {
            (Some(spec), Some(input)) => charts::csv_table(charts::dataset_in(spec.lang), spec, input).to_csv(),
            _ => String::new(),
        }
    }

    /// The per-item table (`view="table"`, screen readers); empty before a valid configure.
    pub fn wide_table(&self) -> DataTable {
        self.input.as_ref().map(|i| i.wide_table()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::spec::attrs;

    const SIZE: Size = Size { width_css: 720.0, height_css: 600.0, dpr: 1.0 };

    #[test]
    fn the_tooltip_is_placed_clear_of_the_pointer_and_knows_when_the_pointer_reaches_it() {
        let mut widget = Widget::default();
        widget.configure(&attrs(&[("chart", "enforcement")])).unwrap();
        widget.resize(SIZE);
        let chart = widget.line_chart().unwrap();
        let (x, y) = (chart.panels[0].x.position_from_index(1) / SIZE.dpr, chart.panels[0].top_dev / SIZE.dpr + 20.0);
        assert!(widget.pointer(x, y));
        let readout = widget.readout().unwrap();
        assert!(!widget.tip_covers(x + 40.0, y), "nothing placed yet, so nothing covers");
        let source = readout.source_line(widget.lang());
        let place = widget.tip_place(&readout, source.as_deref(), Some((x, y)), (f64::NEG_INFINITY, f64::INFINITY)).unwrap();
        assert_eq!(place.left, Some(x - 4.0 + 12.0), "12 px right of the pointer");
        assert!(!widget.tip_covers(x, y), "the pointer is clear of it");
        // Moving right within the same year reaches it.
        assert!(widget.tip_covers(x + 40.0, y));
        assert!(!widget.tip_covers(x + 40.0, y + place.height + 40.0), "below it is clear");
        // Leaving the chart, or a new layout, forgets it.
        widget.leave();
        assert!(!widget.tip_covers(x + 40.0, y));
    }

    #[test]
    fn a_pin_survives_a_theme_change_but_not_other_options() {
        let mut widget = Widget::default();
        widget.configure(&attrs(&[("chart", "tier-summary")])).unwrap();
        widget.resize(SIZE);
        widget.key("End");
        widget.key("Enter");
        let pinned = widget.state.pinned;
        assert!(pinned.is_some());
        widget.configure(&attrs(&[("chart", "tier-summary"), ("theme", "dark")])).unwrap();
        assert_eq!(widget.state.pinned, pinned);
        // Another edition has other segments: the pin would name an unrelated one.
        widget.configure(&attrs(&[("chart", "tier-summary"), ("edition", "compare"), ("theme", "dark")])).unwrap();
        assert_eq!(widget.state, ViewState::default());
    }
}
