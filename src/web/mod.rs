//! The only code that touches wasm-bindgen and web-sys: a thin handle around [`Widget`] that
//! the loader script (`www/loader.js`) drives. Results cross as plain JS objects; nothing here
//! throws on user input (bad options come back as an error object, drawing errors as `Error`).

mod canvas;

use crate::model::line::Size;
use crate::model::measure::TextWidths;
use crate::model::spec::{self, Lang, SpecError, Theme, View};
use crate::model::view::KeyOutcome;
use crate::render;
use crate::widget::Widget;
use js_sys::{Array, Object, Reflect};
use plotters::prelude::IntoDrawingArea;
use canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn strings(items: &[String]) -> JsValue {
    let array = Array::new();
    for item in items {
        array.push(&JsValue::from_str(item));
    }
    array.into()
}

/// `{key: text, ...}` from pairs of texts.
fn text_object<K: AsRef<str>, V: AsRef<str>>(fields: &[(K, V)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k.as_ref()), &JsValue::from_str(v.as_ref()));
    }
    o.into()
}

fn error_object(e: &SpecError, lang: Lang) -> JsValue {
    object(&[
        ("attribute", e.attribute.as_str().into()),
        ("value", e.shown_value().into()),
        ("accepted", strings(&e.accepted)),
        ("message", e.message(lang).into()),
    ])
}

impl TipWidget {
    /// The plotters backend over `canvas`, drawing text in the widget's font.
    fn backend<'a>(&'a self, canvas: &HtmlCanvasElement) -> Result<CanvasBackend<'a>, JsError> {
        CanvasBackend::new(canvas, &self.font_family).ok_or_else(|| JsError::new("no 2D canvas context"))
    }
}

fn drawing_failed<E: std::fmt::Display>(e: E) -> JsError {
    JsError::new(&format!("drawing failed: {e}"))
}

/// What [`TipWidget::draw_overlay`] did (the loader reads the numbers).
pub const OVERLAY_UNUSED: u32 = 0;
pub const OVERLAY_BLANK: u32 = 1;
pub const OVERLAY_DRAWN: u32 = 2;

/// The family chart text is drawn in until the loader passes the widget's.
const DEFAULT_FONT_FAMILY: &str = "sans-serif";

#[wasm_bindgen]
pub struct TipWidget {
    core: Widget,
    dark: bool,
    /// The `lang` asked for, kept through a bad configure so its message is in that language.
    lang: Lang,
    /// The CSS font family the chart's text is drawn in: the widget's own, so the page's
    /// `--tipviz-font` reaches the chart and the browser loads one font, not two.
    font_family: String,
}

#[wasm_bindgen]
impl TipWidget {
    #[wasm_bindgen(constructor)]
    pub fn new() -> TipWidget {
        TipWidget { core: Widget::default(), dark: false, lang: Lang::En, font_family: DEFAULT_FONT_FAMILY.into() }
    }

    /// `pairs` is `[name, value, name, value, …]`. Returns `null`, or the error to show.
    pub fn configure(&mut self, pairs: Vec<String>) -> JsValue {
        let mut attributes: Vec<(String, String)> = Vec::with_capacity(pairs.len() / 2);
        let mut pairs = pairs.into_iter();
        while let Some(name) = pairs.next() {
            attributes.push((name, pairs.next().unwrap_or_default()));
        }
        // A bad `lang` itself is reported in English.
        self.lang = spec::parse_lang(&spec::Attributes(&attributes)).unwrap_or_default();
        match self.core.configure(&attributes) {
            Ok(()) => JsValue::NULL,
            Err(e) => error_object(&e, self.lang),
        }
    }

    /// The words of the loader's controls, messages and key help in the reader's language, as
    /// `{key: text}` (see [`crate::i18n::widget_words`]). After a bad attribute the language
    /// asked for still holds, if it is itself valid.
    pub fn words(&self) -> JsValue {
        let words = crate::i18n::widget_words(self.lang, self.core.searches());
        text_object(&words)
    }

    /// `light`, `dark` or `auto` (the loader resolves `auto` with `prefers-color-scheme`).
    pub fn theme(&self) -> String {
        match self.core.spec().map(|s| s.theme) {
            Some(Theme::Light) => "light",
            Some(Theme::Dark) => "dark",
            _ => "auto",
        }
        .into()
    }

    pub fn view(&self) -> String {
        match self.core.spec().map(|s| s.view) {
            Some(View::Table) => "table",
            _ => "chart",
        }
        .into()
    }

    pub fn set_dark(&mut self, dark: bool) {
        self.dark = dark;
    }

    /// The loader passes the widget box's computed `font-family`, which the browser has
    /// already resolved and serialised; a blank one keeps the generic family.
    pub fn set_font_family(&mut self, family: &str) {
        let family = family.trim();
        self.font_family = if family.is_empty() { DEFAULT_FONT_FAMILY } else { family }.into();
    }

    /// The widths of [`crate::model::measure::SAMPLES`] as the browser lays them out in the
    /// widget's font, in CSS pixels: each sample regular at the label size, then each bold at
    /// the title size. Anything else (none, a font that measured 0) keeps the estimate.
    pub fn set_text_widths(&mut self, widths: &[f64]) {
        self.core.set_text_widths(TextWidths::laid_out(widths).unwrap_or_default());
    }

    /// Any numbers: the widget makes them finite and in range (`Size::sanitized`).
    pub fn resize(&mut self, width_css: f64, height_css: f64, dpr: f64) {
        self.core.resize(Size { width_css, height_css, dpr });
    }

    /// Draws the chart into `canvas`, whose backing store the loader has sized to CSS size ×
    /// DPR: all of it but what `draw_overlay` draws.
    pub fn draw(&self, canvas: HtmlCanvasElement) -> Result<(), JsError> {
        let Some(figure) = self.core.figure() else { return Ok(()) };
        let root = self.backend(&canvas)?.into_drawing_area();
        let drawn = self.core.measuring(|| render::draw_base(&root, figure, &self.core.state, render::palette(self.dark)));
        drawn.map_err(drawing_failed)?;
        root.present().map_err(drawing_failed)
    }

    /// Draws what goes over the chart on `overlay` (a transparent canvas the size of the
    /// chart's, laid over it), for charts whose highlight is drawn there. Returns
    /// [`OVERLAY_DRAWN`] after clearing and drawing it; [`OVERLAY_BLANK`] when there is nothing
    /// to show, leaving the canvas alone for the loader to hide; and [`OVERLAY_UNUSED`] for the
    /// charts whose `draw` includes the highlight, so a hover draws the chart again.
    pub fn draw_overlay(&self, overlay: HtmlCanvasElement) -> Result<u32, JsError> {
        let Some(figure) = self.core.figure().filter(|f| render::highlight_on_overlay(f)) else { return Ok(OVERLAY_UNUSED) };
        if render::overlay_is_blank(figure, &self.core.state) {
            return Ok(OVERLAY_BLANK);
        }
        let backend = self.backend(&overlay)?;
        backend.clear();
        let root = backend.into_drawing_area();
        let drawn = self.core.measuring(|| render::draw_overlay(&root, figure, &self.core.state, render::palette(self.dark)));
        drawn.map_err(drawing_failed)?;
        root.present().map_err(drawing_failed)?;
        Ok(OVERLAY_DRAWN)
    }

    pub fn pointer(&mut self, x_css: f64, y_css: f64) -> bool {
        self.core.pointer(x_css, y_css)
    }

    pub fn leave(&mut self) -> bool {
        self.core.leave()
    }

    /// Returns the pinned year index, or -1 when the click was off the plots.
    pub fn click(&mut self, x_css: f64, y_css: f64) -> i32 {
        self.core.click(x_css, y_css).map_or(-1, |i| i as i32)
    }

    /// Type-ahead: the index of the item now active, or -1 when nothing matches `typed`.
    pub fn find(&mut self, typed: &str) -> i32 {
        self.core.find(typed).map_or(-1, |i| i as i32)
    }

    /// What type-ahead searches (`country`, `region`, `country or edition`), or "" for nothing.
    pub fn searches(&self) -> String {
        self.core.searches().unwrap_or("").into()
    }

    /// `ignored`, `moved`, `selected` or `cleared`.
    pub fn key(&mut self, key: &str) -> String {
        match self.core.key(key) {
            KeyOutcome::Ignored => "ignored",
            KeyOutcome::Moved => "moved",
            KeyOutcome::Selected => "selected",
            KeyOutcome::Cleared => "cleared",
        }
        .into()
    }

    /// `[x, y]`, the active item's anchor on the canvas in CSS pixels, or null: what a key
    /// brings into view, without placing a tooltip or writing a sentence.
    pub fn anchor(&self) -> JsValue {
        match self.core.readout() {
            Some(r) => Array::of2(&r.x_css.into(), &r.y_css.into()).into(),
            None => JsValue::NULL,
        }
    }

    /// Whether the pointer at (`x`, `y`) has reached the tooltip (see [`Widget::tip_covers`]).
    pub fn tip_covers(&self, x: f64, y: f64) -> bool {
        self.core.tip_covers(x, y)
    }

    /// `null`, or `{heading, index, values, sources, source, sentence, x, y, selection, tip}` for
    /// the active item: `source` is the tooltip's "Source: …" line ("" for none), (`x`, `y`)
    /// the item's anchor on the canvas, `selection` the
    /// `tipviz:select` detail (`{year: "2021"}`, ...), and `tip` where the tooltip goes for a
    /// pointer at (`x`, `y`) on the canvas (NaN for none: at the item), with the canvas rows
    /// `visible_top` to `visible_bottom` on screen (NaN: all of them), as insets in the
    /// tooltip's zone, `{left, right, top, bottom, width}`, each a number or null, and `values`:
    /// the values the tooltip shows where its list of names is cut to fit (else null).
    pub fn readout(&self, x: f64, y: f64, visible_top: f64, visible_bottom: f64) -> JsValue {
        let Some(r) = self.core.readout() else { return JsValue::NULL };
        let pointer = (x.is_finite() && y.is_finite()).then_some((x, y));
        // NaN (keys, no pointer): the whole canvas counts as on screen.
        let visible = if visible_top.is_finite() && visible_bottom.is_finite() { (visible_top, visible_bottom) } else { (f64::NEG_INFINITY, f64::INFINITY) };
        let lang = self.core.lang();
        let source = r.source_line(lang);
        let inset = |v: Option<f64>| v.map_or(JsValue::NULL, JsValue::from);
        let tip = match self.core.tip_place(&r, source.as_deref(), pointer, visible) {
            None => JsValue::NULL,
            Some(t) => {
                // A list cut to fit: the tooltip's own values; the rest of the readout keeps it whole.
                let values = match (t.names_shown, &r.list) {
                    (Some(shown), Some(list)) => strings(&list.shortened(&r.values, shown, lang)),
                    _ => JsValue::NULL,
                };
                object(&[
                    ("left", inset(t.left)),
                    ("right", inset(t.right)),
                    ("top", inset(t.top)),
                    ("bottom", inset(t.bottom)),
                    ("width", t.width.into()),
                    ("values", values),
                ])
            }
        };
        object(&[
            ("heading", r.heading.as_str().into()),
            ("index", (r.index as u32).into()),
            ("values", strings(&r.values)),
            ("sources", strings(&r.sources)),
            ("source", source.unwrap_or_default().into()),
            ("sentence", r.sentence(lang).into()),
            ("x", r.x_css.into()),
            ("y", r.y_css.into()),
            ("selection", text_object(&r.selection)),
            ("tip", tip),
        ])
    }

    /// The height in CSS pixels the chart needs at `width_css`, or 0 for "no preference".
    pub fn preferred_height(&self, width_css: f64) -> f64 {
        self.core.preferred_height_css(width_css).unwrap_or(0.0)
    }

    /// The least height in CSS pixels at which nothing runs off the canvas at `width_css`, or 0
    /// for a chart that scales to any height.
    pub fn minimum_height(&self, width_css: f64) -> f64 {
        self.core.minimum_height_css(width_css).unwrap_or(0.0)
    }

    /// Shows or hides a legend group; returns whether it is now shown.
    pub fn toggle(&mut self, key: &str) -> bool {
        self.core.toggle(key)
    }

    /// `[{key, label, shown, x, y, width, height}]`: the legend entries that toggle, in CSS
    /// pixels, for the loader's buttons over the drawn legend.
    pub fn toggles(&self) -> JsValue {
        let targets = self.core.figure().map(|f| f.toggle_targets()).unwrap_or_default();
        targets
            .iter()
            .map(|t| {
                let [x, y, w, h] = t.rect_css;
                object(&[
                    ("key", t.key.as_str().into()),
                    ("label", t.label.as_str().into()),
                    ("shown", t.shown.into()),
                    ("x", x.into()),
                    ("y", y.into()),
                    ("width", w.into()),
                    ("height", h.into()),
                ])
            })
            .collect::<Array>()
            .into()
    }

    pub fn title(&self) -> String {
        self.core.title()
    }

    pub fn summary(&self) -> String {
        self.core.summary()
    }

    pub fn csv(&self) -> String {
        self.core.csv()
    }

    /// `{columns, rows}` of the table shown by `view="table"` and to screen readers; `rows`
    /// is packed into one string ([`crate::model::table::DataTable::packed_rows`]).
    pub fn table(&self) -> JsValue {
        let table = self.core.wide_table();
        object(&[("columns", strings(&table.columns)), ("rows", table.packed_rows().into())])
    }
}

impl Default for TipWidget {
    fn default() -> Self {
        Self::new()
    }
}

/// The whole dataset as JSON text (DESIGN section 4); the loader parses it for `TipViz.data()`.
#[wasm_bindgen(js_name = datasetJson)]
pub fn dataset_json() -> String {
    crate::export::dataset_json(crate::data::dataset())
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.into()
}
