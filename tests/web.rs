//! In headless Chromium: the wasm draws into a real canvas, and pixels land where the pure
//! layout says they should. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use tipviz::model::line::Size;
use tipviz::web::{TipWidget, OVERLAY_BLANK, OVERLAY_DRAWN, OVERLAY_UNUSED};
use tipviz::widget::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const SIZE: Size = Size { width_css: 640.0, height_css: 400.0, dpr: 2.0 };

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width(SIZE.width_dev());
    canvas.set_height(SIZE.height_dev());
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 4] {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(x.round(), y.round(), 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2], data[3]]
}

/// The same attributes given to the wasm handle (as the loader passes them) and to a native
/// model of the same size, whose layout says where the drawing's pixels should be.
fn configured(pairs: &[&str]) -> (TipWidget, Widget) {
    let mut handle = TipWidget::new();
    assert!(handle.configure(pairs.iter().map(|s| s.to_string()).collect()).is_null());
    handle.resize(SIZE.width_css, SIZE.height_css, SIZE.dpr);
    let attributes: Vec<(String, String)> = pairs.chunks(2).map(|p| (p[0].to_owned(), p[1].to_owned())).collect();
    let mut model = Widget::default();
    model.configure(&attributes).unwrap();
    model.resize(SIZE);
    (handle, model)
}

/// As [`configured`], with the chart drawn into a fresh canvas.
fn drawn(pairs: &[&str]) -> (TipWidget, Widget, HtmlCanvasElement) {
    let (handle, model) = configured(pairs);
    let canvas = canvas();
    handle.draw(canvas.clone()).unwrap();
    (handle, model, canvas)
}

const ENFORCEMENT: [&str; 2] = ["chart", "enforcement"];

#[wasm_bindgen_test]
fn markers_are_drawn_where_the_layout_puts_them() {
    let (_, model, canvas) = drawn(&ENFORCEMENT);
    let chart = model.line_chart().unwrap();
    let prosecutions = chart.series.iter().find(|s| s.key == "prosecutions").unwrap();
    let last = prosecutions.points.last().unwrap();
    assert_eq!(chart.years[last.year_index], 2024);
    assert_eq!(last.value, 15_791);
    let [r, g, b, a] = pixel(&canvas, last.x_dev, last.y_dev);
    assert_eq!(a, 255);
    assert!(r < 40 && (70..120).contains(&g) && b > 150, "2024 prosecutions marker is blue, got {r},{g},{b}");

    // Halfway between the plot's top and the prosecutions line, at the first year, is background.
    let panel = &chart.panels[prosecutions.panel];
    let first = &prosecutions.points[0];
    let empty_y = (panel.top_dev + first.y_dev) / 2.0 - 12.0;
    assert_eq!(pixel(&canvas, first.x_dev + 3.0, empty_y), [255, 255, 255, 255]);
}

#[wasm_bindgen_test]
fn hovering_the_2024_marker_reads_its_value_and_source() {
    let (mut handle, model) = configured(&ENFORCEMENT);
    let chart = model.line_chart().unwrap();
    let x_css = chart.panels[0].x.position_from_index(6) / SIZE.dpr;
    let y_css = chart.panels[0].top_dev / SIZE.dpr + 10.0;
    assert!(handle.pointer(x_css, y_css));
    let readout = handle.readout(x_css, y_css, f64::NAN, f64::NAN);
    let get = |k: &str| js_sys::Reflect::get(&readout, &k.into()).unwrap();
    assert_eq!(get("heading").as_string().as_deref(), Some("2024"));
    let sentence = get("sentence").as_string().unwrap();
    assert!(sentence.contains("Prosecutions: 15,791"), "{sentence}");
    assert!(sentence.contains("2025 TIP Report, 001_bb56f66af96aedbd.txt line 789"), "{sentence}");
    // The tooltip's source line, and where it goes: 2024 is the last year, near the right
    // edge, so the tooltip sits 12 px left of the pointer (its zone is inset 4 px).
    let source = get("source").as_string().unwrap();
    assert!(source.starts_with("Source: 2025 TIP Report, 001_bb56f66af96aedbd.txt line"), "{source}");
    let tip = get("tip");
    let inset = |k: &str| js_sys::Reflect::get(&tip, &k.into()).unwrap();
    let zone_width = SIZE.width_css - 8.0;
    assert_eq!(inset("right").as_f64(), Some(zone_width - (x_css - 4.0 - 12.0)));
    assert!(inset("left").is_null());
    assert_eq!(inset("top").as_f64(), Some(y_css - 4.0 - 8.0));
}

#[wasm_bindgen_test]
fn the_hovered_year_is_drawn_on_the_overlay_and_nowhere_else() {
    let (mut handle, model, canvas) = drawn(&ENFORCEMENT);
    let chart = model.line_chart().unwrap();
    let prosecutions = chart.series.iter().find(|s| s.key == "prosecutions").unwrap();
    let last = prosecutions.points.last().unwrap();
    let overlay = self::canvas();
    // Nothing active: the overlay holds only what always goes over the data (rings, frames).
    assert_eq!(handle.draw_overlay(overlay.clone()).unwrap(), OVERLAY_DRAWN);
    assert_eq!(pixel(&overlay, last.x_dev, last.y_dev)[3], 0, "no highlight yet");
    let guide_x = chart.panels[0].x.position_from_index(last.year_index);
    let guide_y = (chart.panels[0].top_dev + last.y_dev) / 2.0;
    assert_eq!(pixel(&overlay, guide_x, guide_y)[3], 0);

    assert!(handle.pointer(guide_x / SIZE.dpr, chart.panels[0].top_dev / SIZE.dpr + 10.0));
    let chart_under = pixel(&canvas, guide_x, guide_y);
    assert_eq!(handle.draw_overlay(overlay.clone()).unwrap(), OVERLAY_DRAWN);
    // The enlarged marker, in the series' blue, is on the overlay; so is the grey guide.
    let [r, g, b, a] = pixel(&overlay, last.x_dev + 4.5 * SIZE.dpr, last.y_dev);
    assert_eq!(a, 255, "the enlarged 2024 marker reaches 4.5 px from its centre");
    assert!(r < 40 && (70..120).contains(&g) && b > 150, "in blue, got {r},{g},{b}");
    let [r, g, b, a] = pixel(&overlay, guide_x, guide_y);
    assert_eq!(a, 255);
    assert!(r == g && g == b && (120..160).contains(&r), "the guide is grey, got {r},{g},{b}");
    // Elsewhere the overlay is clear, and the chart's own canvas was not touched.
    let first = &prosecutions.points[0];
    assert_eq!(pixel(&overlay, first.x_dev, first.y_dev)[3], 0);
    assert_eq!(pixel(&canvas, guide_x, guide_y), chart_under);
}

#[wasm_bindgen_test]
fn a_chart_that_draws_its_own_highlight_leaves_the_overlay_alone() {
    let (mut handle, _model, _canvas) = drawn(&["chart", "tier-changes"]);
    let overlay = marked_canvas();
    handle.key("End");
    assert_eq!(handle.draw_overlay(overlay.clone()).unwrap(), OVERLAY_UNUSED);
    assert_eq!(pixel(&overlay, 5.0, 5.0), [255, 0, 0, 255], "not cleared, not drawn on");
}

// With nothing highlighted, a bar chart's overlay has nothing to show: it is left alone (the
// loader hides it), so it is never cleared and needs no pixels until a hover.
#[wasm_bindgen_test]
fn an_overlay_with_nothing_to_show_is_left_alone_until_a_hover() {
    let (mut handle, _model, _canvas) = drawn(&["chart", "tier-summary"]);
    let overlay = marked_canvas();
    assert_eq!(handle.draw_overlay(overlay.clone()).unwrap(), OVERLAY_BLANK);
    assert_eq!(pixel(&overlay, 5.0, 5.0), [255, 0, 0, 255], "not cleared, not drawn on");
    handle.key("Home");
    assert_eq!(handle.draw_overlay(overlay.clone()).unwrap(), OVERLAY_DRAWN);
    assert_eq!(pixel(&overlay, 5.0, 5.0)[3], 0, "cleared before the highlight is drawn");
}

/// A canvas with a red square in its top-left corner, to see whether it was touched.
fn marked_canvas() -> HtmlCanvasElement {
    let marked = canvas();
    let ctx: CanvasRenderingContext2d = marked.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.set_fill_style_str("#ff0000");
    ctx.fill_rect(0.0, 0.0, 10.0, 10.0);
    marked
}

#[wasm_bindgen_test]
fn dark_theme_paints_a_dark_background() {
    let (mut handle, _) = configured(&ENFORCEMENT);
    handle.set_dark(true);
    let canvas = canvas();
    handle.draw(canvas.clone()).unwrap();
    assert_eq!(pixel(&canvas, 3.0, 3.0), [24, 26, 31, 255]);
}

#[wasm_bindgen_test]
fn bad_options_come_back_as_an_error_object_not_an_exception() {
    let mut handle = TipWidget::new();
    let error = handle.configure(vec!["chart".into(), "enforcement".into(), "scope".into(), "mars".into()]);
    let get = |k: &str| js_sys::Reflect::get(&error, &k.into()).unwrap().as_string();
    assert_eq!(get("attribute").as_deref(), Some("scope"));
    assert_eq!(get("value").as_deref(), Some("mars"));
    // Nothing to draw, and drawing or hovering now is harmless.
    handle.resize(300.0, 200.0, 1.0);
    assert!(handle.draw(canvas()).is_ok());
    assert!(!handle.pointer(10.0, 10.0));
    assert!(handle.readout(f64::NAN, f64::NAN, f64::NAN, f64::NAN).is_null());
}

#[wasm_bindgen_test]
fn country_bars_are_drawn_where_the_layout_puts_them_and_absent_ones_stay_empty() {
    let (_, model, canvas) = drawn(&["chart", "country-enforcement", "country", "KAZ"]);
    let Some(tipviz::model::figure::Figure::Bars(chart)) = model.figure() else { panic!("a bar chart") };
    let first = chart.rows[0].bar.as_ref().expect("Kazakhstan reports investigations");
    let [r, g, b, _] = pixel(&canvas, (first.left + first.right) / 2.0, (first.top + first.bottom) / 2.0);
    assert!(r < 40 && (70..120).contains(&g) && b > 150, "investigations bar is the first series colour, got {r},{g},{b}");
    let absent = chart.rows.iter().find(|row| row.bar.is_none()).expect("prosecutions were not reported");
    let boxed = absent.placeholder.as_ref().unwrap();
    assert_eq!(pixel(&canvas, (boxed.left + boxed.right) / 2.0, (boxed.top + boxed.bottom) / 2.0), [255, 255, 255, 255], "not reported is an empty box, not a bar");
}

#[wasm_bindgen_test]
fn tier_change_bands_and_nodes_are_painted_where_the_layout_puts_them() {
    let (_, model, canvas) = drawn(&["chart", "tier-changes", "theme", "light"]);
    let Some(tipviz::model::figure::Figure::Flows(chart)) = model.figure() else { panic!("a flow diagram") };
    // Tier 1 has no hatching: its left node is solid Tier 1 blue.
    let tier1 = chart.nodes.iter().find(|n| n.left && n.category == Some(0)).unwrap();
    let [r, g, b, _] = pixel(&canvas, (tier1.rect.left + tier1.rect.right) / 2.0, (tier1.rect.top + tier1.rect.bottom) / 2.0);
    assert!(r < 20 && (96..116).contains(&g) && (169..190).contains(&b), "Tier 1 node, got {r},{g},{b}");
    // The widest band (Tier 2 stays Tier 2) is a light tint of Tier 2's dark teal over white
    // (a Tier 1 tint would be far bluer: b − r above 60).
    let widest = chart.bands.iter().max_by_key(|b| b.input.members.len()).unwrap();
    let x = (widest.shape.x0 + widest.shape.x1) / 2.0;
    let (top, bottom) = widest.shape.edges_at(x);
    let [r, g, b, _] = pixel(&canvas, x, (top + bottom) / 2.0);
    let (r, g, b) = (r as i32, g as i32, b as i32);
    assert!((140..175).contains(&r) && (18..36).contains(&(g - r)) && (26..48).contains(&(b - r)), "Tier 2 band tint, got {r},{g},{b}");
    // Between the nodes of the left column there is only background.
    let (upper, lower) = (&chart.nodes[0].rect, &chart.nodes[1].rect);
    assert_eq!(pixel(&canvas, (upper.left + upper.right) / 2.0, (upper.bottom + lower.top) / 2.0), [255, 255, 255, 255]);
}

#[wasm_bindgen_test]
fn matrix_cells_are_drawn_where_the_layout_puts_them_and_not_party_stays_empty() {
    let (mut handle, model, canvas) = drawn(&["chart", "ratifications", "edition", "2025"]);
    let Some(tipviz::model::figure::Figure::Matrix(chart)) = model.figure() else { panic!("a matrix") };
    use tipviz::model::matrix::CellKind;
    // Inside a cell's corner, clear of its centred text.
    let corner = |kind: fn(&CellKind) -> bool| {
        let m = chart.marks.iter().find(|m| kind(&m.kind)).expect("such a cell");
        pixel(&canvas, m.rect.left + 3.0 * SIZE.dpr, m.rect.bottom - 3.0 * SIZE.dpr)
    };
    assert_eq!(corner(|k| matches!(k, CellKind::Year { .. })), [226, 226, 226, 255], "a year cell is tinted");
    assert_eq!(corner(|k| *k == CellKind::NotParty), [255, 255, 255, 255], "not party is an empty outlined box");
    // The hovered cell's readout names the year and the line.
    let year_cell = chart.marks.iter().find(|m| matches!(m.kind, CellKind::Year { .. })).unwrap();
    let (x, y) = ((year_cell.rect.left + year_cell.rect.right) / 2.0 / SIZE.dpr, (year_cell.rect.top + 2.0) / SIZE.dpr);
    assert!(handle.pointer(x, y));
    let readout = handle.readout(f64::NAN, f64::NAN, f64::NAN, f64::NAN);
    let sentence = js_sys::Reflect::get(&readout, &"sentence".into()).unwrap().as_string().unwrap();
    assert!(sentence.contains("2025 TIP Report, 001_bb56f66af96aedbd.txt line"), "{sentence}");
}

// The loader passes the samples' widths as the page laid them out; a narrow face lets the
// peacekeeping chart's Spanish title and subtitle take fewer lines on a phone, so it asks
// for less height, and widths that cannot be right (a font that measured 0, a short list)
// leave the estimate in place.
#[wasm_bindgen_test]
fn text_widths_from_the_page_change_the_layout_and_bad_ones_are_ignored() {
    let mut handle = TipWidget::new();
    assert!(handle.configure(vec!["chart".into(), "peacekeeping".into(), "lang".into(), "es".into()]).is_null());
    let estimated = handle.preferred_height(320.0);
    // Liberation Sans Narrow's samples, regular at 12 px then bold at 15 px, from the browser.
    let narrow = [2.74, 48.73, 61.35, 54.73, 153.08, 94.65, 3.42, 67.85, 77.59, 68.41, 194.73, 128.51];
    handle.set_text_widths(&narrow);
    let measured = handle.preferred_height(320.0);
    assert!(measured < estimated, "{measured} < {estimated}");
    for bad in [&[0.0; 12][..], &narrow[..11], &[]] {
        handle.set_text_widths(bad);
        assert_eq!(handle.preferred_height(320.0), estimated);
    }
}
