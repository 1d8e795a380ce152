//! Golden images: the default views drawn by the same code as the canvas, into SVG, compared
//! with the files in tests/golden/. On a difference the new drawing is written next to the
//! golden as `<name>.changed.svg` for review; `UPDATE_GOLDEN=1 cargo test --test golden`
//! accepts it.
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use std::path::PathBuf;
use tipviz::model::line::{Size, MIN_PLOT};
use tipviz::model::view::ViewState;
use tipviz::render;
use tipviz::widget::Widget;

/// A widget configured with `attributes`, which must be valid.
fn configured(attributes: &[(&str, &str)]) -> Widget {
    let attributes: Vec<(String, String)> = attributes.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    let mut widget = Widget::default();
    widget.configure(&attributes).unwrap();
    widget
}

fn draw(attributes: &[(&str, &str)], size: Size, state: ViewState, dark: bool) -> String {
    let mut widget = configured(attributes);
    widget.resize(size);
    let figure = widget.figure().unwrap();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width_dev(), size.height_dev())).into_drawing_area();
        render::draw(&root, figure, &state, render::palette(dark)).unwrap();
        root.present().unwrap();
    }
    svg
}

fn check(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let golden = dir.join(format!("{name}.svg"));
    let changed = dir.join(format!("{name}.changed.svg"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, svg).unwrap();
        let _ = std::fs::remove_file(&changed);
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("{} is missing; run UPDATE_GOLDEN=1 cargo test --test golden", golden.display()));
    if expected != svg {
        std::fs::write(&changed, svg).unwrap();
        panic!("{name} differs from its golden image; review {} and accept with UPDATE_GOLDEN=1", changed.display());
    }
    let _ = std::fs::remove_file(&changed);
}

const DESKTOP: Size = Size { width_css: 720.0, height_css: 440.0, dpr: 1.0 };

#[test]
fn enforcement_default_view() {
    check("enforcement-default", &draw(&[("chart", "enforcement")], DESKTOP, ViewState::default(), false));
}

#[test]
fn enforcement_hovering_2019_in_dark_on_a_phone_at_dpr_3() {
    let phone = Size { width_css: 360.0, height_css: 300.0, dpr: 3.0 };
    let state = ViewState { active: Some(1), pinned: None };
    check("enforcement-phone-dark-2019", &draw(&[("chart", "enforcement")], phone, state, true));
}

#[test]
fn enforcement_comparing_editions_with_2023_active() {
    let state = ViewState { active: Some(5), pinned: None };
    check("enforcement-compare-2023", &draw(&[("chart", "enforcement"), ("edition", "compare")], DESKTOP, state, false));
}

#[test]
fn enforcement_regions_small_multiples() {
    let wide = Size { width_css: 960.0, height_css: 560.0, dpr: 1.0 };
    check("enforcement-regions", &draw(&[("chart", "enforcement"), ("scope", "regions")], wide, ViewState::default(), false));
}

#[test]
fn enforcement_labor_both_on_a_log_scale_in_dark() {
    let attributes = [("chart", "enforcement"), ("labor", "both"), ("scale", "log")];
    check("enforcement-labor-log-dark", &draw(&attributes, DESKTOP, ViewState::default(), true));
}

/// The text of every element of a drawing, trimmed.
fn texts(svg: &str) -> Vec<&str> {
    svg.split('>').filter_map(|s| s.split('<').next()).map(str::trim).filter(|t| !t.is_empty()).collect()
}

#[test]
fn golden_drawing_contains_the_chart_text() {
    let svg = draw(&[("chart", "enforcement")], DESKTOP, ViewState::default(), false);
    let texts = texts(&svg);
    for text in ["Global law-enforcement data", "Prosecutions and convictions", "Victims identified", "2018", "2024", "150k", "20k"] {
        assert!(texts.contains(&text), "missing {text} in {texts:?}");
    }
}

#[test]
fn country_enforcement_ranked_default_view() {
    let attributes = [("chart", "country-enforcement")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("country-enforcement-ranked", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn country_enforcement_jamaica_default_view() {
    let attributes = [("chart", "country-enforcement"), ("country", "JAM")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("country-enforcement-jamaica", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn country_enforcement_kazakhstan_pinned_in_dark_on_a_phone_at_dpr_2() {
    let attributes = [("chart", "country-enforcement"), ("country", "KAZ")];
    let size = Size { width_css: 360.0, height_css: preferred_height(&attributes, 360.0), dpr: 2.0 };
    let state = ViewState { active: None, pinned: Some(2) };
    check("country-enforcement-kazakhstan-phone-dark", &draw(&attributes, size, state, true));
}

#[test]
fn bar_chart_drawing_contains_what_the_reader_must_see() {
    let attributes = [("chart", "country-enforcement"), ("metric", "prosecutions")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    let svg = draw(&attributes, size, ViewState::default(), false);
    let texts = texts(&svg);
    for text in ["Prosecutions in the 2019 TIP Report narratives, Jamaica to Namibia", "Kazakhstan", "not reported", "6 defendants"] {
        assert!(texts.contains(&text), "missing {text} in {texts:?}");
    }
    // Four countries have no prosecutions value: four placeholders, none drawn as a bar. Three
    // did not report; Namibia's sections are not in the source file.
    assert_eq!(texts.iter().filter(|t| **t == "not reported").count(), 3);
    assert_eq!(texts.iter().filter(|t| **t == "not in the source").count(), 1);
}

/// The canvas height a chart asks for at `width_css`, as the loader sizes it.
fn preferred_height(attributes: &[(&str, &str)], width_css: f64) -> f64 {
    configured(attributes).preferred_height_css(width_css).unwrap()
}

#[test]
fn tier_history_for_jamaica_mexico_and_kazakhstan() {
    let attributes = [("chart", "tier-history"), ("country", "JAM,MEX,KAZ")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    let state = ViewState { active: Some(2018 - 2001), pinned: None };
    check("tier-history-jam-mex-kaz", &draw(&attributes, size, state, false));
}

#[test]
fn tier_history_drawing_names_the_tiers_and_the_gaps() {
    let attributes = [("chart", "tier-history"), ("country", "JAM")];
    let svg = draw(&attributes, DESKTOP, ViewState::default(), false);
    let texts = texts(&svg);
    for text in ["Tier placements 2001–2025: Jamaica", "Tier 1", "Tier 2 Watch List", "Special case", "2001", "2025", "Kelley &amp; Heiss tier history"] {
        assert!(texts.contains(&text), "missing {text} in {texts:?}");
    }
    // The widest run of editions without data, 2020-2023, says so; the two-edition gaps are
    // too narrow for the words at this width and are only shaded.
    assert_eq!(texts.iter().filter(|t| **t == "no data").count(), 1);
}

#[test]
fn tier_summary_2025_by_region() {
    let attributes = [("chart", "tier-summary")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("tier-summary-2025", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn tier_summary_compare_on_a_phone_in_dark_with_a_segment_pinned() {
    let attributes = [("chart", "tier-summary"), ("edition", "compare")];
    let size = Size { width_css: 360.0, height_css: preferred_height(&attributes, 360.0), dpr: 2.0 };
    let state = ViewState { active: None, pinned: Some(2) };
    check("tier-summary-compare-phone-dark", &draw(&attributes, size, state, true));
}

#[test]
fn tier_map_world_2025() {
    let wide = Size { width_css: 960.0, height_css: 520.0, dpr: 1.0 };
    check("tier-map-world-2025", &draw(&[("chart", "tier-map")], wide, ViewState::default(), false));
}

#[test]
fn tier_map_europe_on_a_phone_in_dark_with_ukraine_hovered() {
    let attributes = [("chart", "tier-map"), ("region", "europe"), ("highlight", "Moldova")];
    let phone = Size { width_css: 360.0, height_css: 480.0, dpr: 2.0 };
    let state = ViewState { active: Some(item_named(&attributes, phone, "Ukraine")), pinned: None };
    check("tier-map-europe-phone-dark", &draw(&attributes, phone, state, true));
}

/// The widget's item for a typed name, as type-ahead finds it.
fn item_named(attributes: &[(&str, &str)], size: Size, name: &str) -> usize {
    let mut widget = configured(attributes);
    widget.resize(size);
    widget.figure().unwrap().item_by_name(name).unwrap()
}

#[test]
fn tier_changes_2024_to_2025() {
    let attributes = [("chart", "tier-changes")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("tier-changes-2024-2025", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn tier_changes_2014_to_2015_in_africa_on_a_phone_in_dark_with_a_country_pinned() {
    let attributes = [("chart", "tier-changes"), ("from", "2014"), ("to", "2015"), ("region", "africa")];
    let size = Size { width_css: 360.0, height_css: preferred_height(&attributes, 360.0), dpr: 2.0 };
    let pinned = item_named(&attributes, size, "Nigeria");
    check("tier-changes-africa-phone-dark", &draw(&attributes, size, ViewState { active: None, pinned: Some(pinned) }, true));
}

#[test]
fn ratifications_matrix_of_every_chart_with_p29_highlighted() {
    let attributes = [("chart", "ratifications"), ("instrument", "p029")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("ratifications-all-p29", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn ratifications_2025_on_a_phone_in_dark_with_pakistan_hovered() {
    let attributes = [("chart", "ratifications"), ("edition", "2025")];
    let phone = Size { width_css: 360.0, height_css: preferred_height(&attributes, 360.0), dpr: 2.0 };
    let state = ViewState { active: Some(item_named(&attributes, phone, "Pakistan")), pinned: None };
    check("ratifications-2025-phone-dark", &draw(&attributes, phone, state, true));
}

#[test]
fn ratifications_timeline_with_denmark_hovered() {
    let attributes = [("chart", "ratifications"), ("view", "timeline"), ("instrument", "c029")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    let state = ViewState { active: Some(item_named(&attributes, size, "Denmark")), pinned: None };
    check("ratifications-timeline", &draw(&attributes, size, state, false));
}

#[test]
fn peacekeeping_default_view() {
    let attributes = [("chart", "peacekeeping")];
    let size = Size { height_css: preferred_height(&attributes, 720.0), ..DESKTOP };
    check("peacekeeping-default", &draw(&attributes, size, ViewState::default(), false));
}

#[test]
fn peacekeeping_un_allegations_and_victims_on_a_phone_in_dark() {
    let attributes = [("chart", "peacekeeping"), ("org", "un"), ("metric", "allegations,victims")];
    let phone = Size { width_css: 360.0, height_css: preferred_height(&attributes, 360.0), dpr: 2.0 };
    let state = ViewState { active: Some(4), pinned: None };
    check("peacekeeping-un-phone-dark", &draw(&attributes, phone, state, true));
}

/// The base and the overlay of one chart, drawn apart as the browser draws them on two canvases.
fn layers(attributes: &[(&str, &str)], state: ViewState) -> (String, String, bool) {
    let mut widget = configured(attributes);
    widget.resize(DESKTOP);
    let figure = widget.figure().unwrap();
    let mut drawn = [String::new(), String::new()];
    for (layer, svg) in drawn.iter_mut().enumerate() {
        let root = SVGBackend::with_string(svg, (DESKTOP.width_dev(), DESKTOP.height_dev())).into_drawing_area();
        let palette = render::palette(false);
        if layer == 0 {
            render::draw_base(&root, figure, &state, palette).unwrap();
        } else {
            render::draw_overlay(&root, figure, &state, palette).unwrap();
        }
        root.present().unwrap();
    }
    let [base, overlay] = drawn;
    // The browser skips an overlay it is told is blank: it must draw nothing then.
    assert_eq!(render::overlay_is_blank(figure, &state), draws_nothing(&overlay), "{attributes:?} {state:?}");
    (base, overlay, render::highlight_on_overlay(figure))
}

/// An SVG with nothing drawn in it has no shapes and no text.
fn draws_nothing(svg: &str) -> bool {
    !["<path", "<polyline", "<polygon", "<rect", "<circle", "<line", "<text"].iter().any(|tag| svg.contains(tag))
}

// A hover in the browser redraws only the overlay, so for the charts that draw their highlight
// there, the base must be the same whatever is highlighted, and the highlight must show on the
// overlay. The others (tier-changes' faded bands, the ratifications matrix, tier-history's
// steps) redraw their base, and their overlay stays empty.
#[test]
fn a_hover_changes_only_the_overlay_of_charts_that_have_one() {
    let charts: [&[(&str, &str)]; 8] = [
        &[("chart", "enforcement")],
        &[("chart", "country-enforcement")],
        &[("chart", "peacekeeping")],
        &[("chart", "tier-summary")],
        &[("chart", "tier-map"), ("region", "europe")],
        &[("chart", "tier-changes")],
        &[("chart", "ratifications")],
        &[("chart", "tier-history"), ("country", "JAM,MEX")],
    ];
    for attributes in charts {
        let (base, overlay, layered) = layers(attributes, ViewState::default());
        let expected_layered = !["tier-changes", "ratifications", "tier-history"].contains(&attributes[0].1);
        assert_eq!(layered, expected_layered, "{attributes:?}");
        let mut highlights_seen = 0;
        for index in [0, 1, 3] {
            for state in [ViewState { active: Some(index), pinned: None }, ViewState { active: None, pinned: Some(index) }] {
                let (hovered_base, hovered_overlay, _) = layers(attributes, state);
                if layered {
                    assert_eq!(hovered_base, base, "{attributes:?}: the base changed with {state:?}");
                    assert_ne!(hovered_overlay, overlay, "{attributes:?}: no highlight on the overlay for {state:?}");
                    highlights_seen += 1;
                } else {
                    assert!(draws_nothing(&hovered_overlay), "{attributes:?}: something on the overlay for {state:?}");
                    highlights_seen += usize::from(hovered_base != base);
                }
            }
        }
        assert!(highlights_seen > 0, "{attributes:?}: no highlight drawn anywhere");
        if !attributes.iter().any(|(_, v)| *v == "enforcement") {
            assert!(draws_nothing(&overlay), "{attributes:?}: an overlay with nothing highlighted draws nothing");
        }
    }
}

/// How far down the laid-out figure's rows, lists or cells reach, in device pixels.
fn content_bottom(figure: &tipviz::model::figure::Figure) -> f64 {
    use tipviz::model::figure::Figure;
    let mut bottom: f64 = 0.0;
    match figure {
        Figure::Bars(chart) => chart.rows.iter().for_each(|r| bottom = bottom.max(r.band.bottom)),
        Figure::Stacks(chart) => chart.rows.iter().for_each(|r| bottom = bottom.max(r.band.bottom)),
        Figure::Flows(chart) => {
            chart.entries.iter().for_each(|e| bottom = bottom.max(e.rect.bottom));
            // A list's title and its "none" line: text lines from their top (14 px at DPR 2).
            chart.list_titles.iter().chain(&chart.list_empty).for_each(|l| bottom = bottom.max(l.y_dev + 28.0));
        }
        Figure::Matrix(chart) => bottom = chart.content_bottom() * chart.size.dpr,
        _ => {}
    }
    bottom
}

// A page's `height` below a chart's minimum is raised to it (the loader asks for
// `minimum_height`): at the minimum every row, list entry and cell is on the canvas, every
// line chart panel keeps a plot of `MIN_PLOT`, tier-history's rows a line and a half and the
// map a 140 px frame, one that shows a region and not mostly its neighbours; 60 px less would
// put some rows below the canvas, where they used to pile up at the bottom edge, squeeze labels
// together, leave the map no room under its legend, or shrink a region's map into a narrowed
// frame (before frames were narrowed, it widened Europe to Canada and Japan).
#[test]
fn at_its_minimum_height_a_chart_keeps_every_row_on_the_canvas() {
    let charts: [&[(&str, &str)]; 12] = [
        &[("chart", "country-enforcement")],
        &[("chart", "peacekeeping")],
        &[("chart", "tier-summary"), ("edition", "compare")],
        &[("chart", "tier-changes")],
        &[("chart", "ratifications")],
        &[("chart", "enforcement")],
        &[("chart", "enforcement"), ("lang", "fr")],
        &[("chart", "enforcement"), ("scope", "regions"), ("metric", "victims")],
        &[("chart", "tier-history"), ("country", "JAM")],
        &[("chart", "tier-map")],
        &[("chart", "tier-map"), ("region", "europe")],
        &[("chart", "tier-map"), ("region", "africa")],
    ];
    for width_css in [720.0, 360.0] {
        for attributes in charts {
            let mut widget = configured(attributes);
            let minimum = widget.minimum_height_css(width_css).unwrap();
            if let Some(preferred) = widget.preferred_height_css(width_css) {
                assert!(minimum <= preferred, "{attributes:?}: minimum {minimum} above preferred {preferred}");
            }
            for (height_css, fits) in [(minimum, true), (minimum - 60.0, false)] {
                use tipviz::model::figure::Figure;
                widget.resize(Size { width_css, height_css, dpr: 2.0 });
                let figure = widget.figure().unwrap();
                let height_dev = height_css * 2.0;
                let shown = match figure {
                    Figure::Line(chart) => {
                        let shortest = chart.panels.iter().map(|p| p.bottom_dev - p.top_dev).fold(f64::INFINITY, f64::min);
                        (shortest >= MIN_PLOT * 2.0 - 1.0, format!("shortest plot {shortest}"))
                    }
                    Figure::Steps(chart) => {
                        // A row label a line and a half from the next one does not touch it.
                        let gap = chart.rows[1].y_dev - chart.rows[0].y_dev;
                        (gap >= tipviz::model::steps::MIN_ROW * 2.0 - 1.0, format!("rows {gap} apart"))
                    }
                    Figure::Map(map) => {
                        // Shorter, a region's frame is narrowed to keep the neighbours beside it
                        // to [`MAX_WIDENING`], and the region is drawn smaller.
                        use tipviz::model::map::{MAX_WIDENING, MIN_FRAME};
                        let frame = map.frame.bottom - map.frame.top;
                        let shown = frame >= MIN_FRAME * 2.0 - 1.0 && map.widened <= MAX_WIDENING + 1e-9 && !map.inset();
                        (shown, format!("a frame {frame} high, {} times the view's width, inset {}", map.widened, map.inset()))
                    }
                    _ => {
                        let bottom = content_bottom(figure);
                        (bottom <= height_dev, format!("content reaches {bottom} of {height_dev}"))
                    }
                };
                assert_eq!(shown.0, fits, "{attributes:?} at {width_css}x{height_css} px: {}", shown.1);
            }
        }
    }
}

// A legend label or bar-group heading too long for a row wraps onto lines of its own instead
// of running off the canvas: Spanish's "Valor corregido (pase el puntero para ver el
// impreso)" and "Personal de mantenimiento de la paz y de apoyo…" did at 320 px. Every line
// keeps the text's words in order and ends inside the right padding. The bar charts' labels
// and value labels are whole too.
#[test]
fn legend_labels_and_group_headings_stay_inside_the_canvas_on_a_phone() {
    use tipviz::model::figure::Figure;
    use tipviz::model::line::metrics::{LABEL_FONT, LEGEND_SAMPLE, PAD};
    use tipviz::model::measure::{width, TextWidths, Weight};
    use tipviz::model::text::LegendPlace;
    // Asserts the entry fits; 1 when it took more than one line.
    let fits = |place: &LegendPlace, label: &str, width_dev: f64, u: f64, what: &str| {
        assert_eq!(place.lines.join(" "), label, "{what}: the lines say the whole label");
        for line in &place.lines {
            let right = place.x_dev + LEGEND_SAMPLE * u + width(line, LABEL_FONT * u, Weight::Regular);
            assert!(right <= width_dev - PAD * u + 1e-6, "{what}: \"{line}\" ends at {right} of {width_dev}");
        }
        usize::from(place.lines.len() > 1)
    };
    // The estimate, and DejaVu Sans as the browser measured its samples (regular at 12 px,
    // then bold at 15 px).
    let dejavu = TextWidths::laid_out(&[3.81, 72.8, 79.13, 76.35, 183.9, 130.38, 5.22, 107.82, 105.99, 104.37, 257.35, 182.08]).unwrap();
    let mut wraps_by_font = Vec::new();
    for (font, widths) in [("estimated", TextWidths::ESTIMATED), ("DejaVu", dejavu)] {
        let mut wrapped = 0;
        for lang in ["en", "fr", "es"] {
            for chart in [
                &[("chart", "enforcement")][..],
                &[("chart", "tier-history"), ("country", "JAM,MEX,KAZ,NAM")],
                &[("chart", "peacekeeping")],
                &[("chart", "country-enforcement"), ("country", "JAM")],
            ] {
                for width_css in [320.0, 360.0] {
                    let mut attributes = chart.to_vec();
                    attributes.push(("lang", lang));
                    let mut widget = configured(&attributes);
                    widget.set_text_widths(widths);
                    widget.resize(Size { width_css, height_css: 600.0, dpr: 2.0 });
                    let what = format!("{attributes:?} at {width_css} px, {font} widths");
                    let width_dev = width_css * 2.0;
                    widget.measuring(|| match widget.figure().unwrap() {
                        Figure::Line(c) => wrapped += c.legend.iter().map(|e| fits(&e.place, &e.label, width_dev, 2.0, &what)).sum::<usize>(),
                        Figure::Steps(c) => {
                            wrapped += c.legend.iter().map(|e| fits(&e.place, &e.label, width_dev, 2.0, &what)).sum::<usize>();
                            // The last year's label, centred on its year, ends inside the canvas.
                            let last = *c.year_labels.last().unwrap();
                            let right = c.x.position_from_index(last) + width(&c.years[last].to_string(), LABEL_FONT * 2.0, Weight::Regular) / 2.0;
                            assert!(right <= width_dev - 2.0 * 2.0 + 1e-6, "{what}: the year {} ends at {right}", c.years[last]);
                        }
                        Figure::Bars(c) => {
                            for group in &c.groups {
                                for line in &group.heading {
                                    let right = line.x_dev + width(&line.text, LABEL_FONT * 2.0, Weight::Bold);
                                    assert!(right <= width_dev - PAD * 2.0 + 1e-6, "{what}: heading \"{}\" ends at {right}", line.text);
                                }
                                wrapped += usize::from(group.heading.len() > 1);
                            }
                            // Every label and value label is whole ("92,682 perso…" and
                            // "previous reporti…" were cut at 320 px).
                            for row in &c.rows {
                                let drawn = width(&row.label, LABEL_FONT * 2.0, Weight::Regular);
                                let (left, right) = if c.labels_above { (row.label_x_dev, row.label_x_dev + drawn) } else { (row.label_x_dev - drawn, row.label_x_dev) };
                                assert!(!row.label.ends_with('…') && left >= PAD * 2.0 - 1e-6 && right <= width_dev - PAD * 2.0 + 1e-6, "{what}: label \"{}\" spans {left} to {right}", row.label);
                                let right = row.value_label_x_dev + width(&row.value_label, LABEL_FONT * 2.0, Weight::Regular);
                                assert!(!row.value_label.ends_with('…') && right <= width_dev - PAD * 2.0 + 1e-6, "{what}: value \"{}\" ends at {right}", row.value_label);
                            }
                        }
                        _ => unreachable!(),
                    });
                }
            }
        }
        wraps_by_font.push(wrapped);
    }
    assert!(wraps_by_font[0] > 0, "some label needed more than one line");
    // DejaVu's measured widths are narrower than the estimate: fewer labels need a second line.
    assert!(wraps_by_font[1] < wraps_by_font[0], "{wraps_by_font:?}");
}

// Every tier-changes node says how many countries it holds, whole: cut at its end on a 320 px
// phone, Spanish's "Nivel 2 (106)" read "Nivel 2 (10…". Where name and count do not fit on one
// line the count gets a line of its own, and it is the count the wide layout prints.
#[test]
fn tier_changes_node_counts_stay_whole_on_a_phone() {
    use tipviz::model::figure::Figure;
    let mut own_line = 0;
    for lang in ["en", "fr", "es"] {
        let mut counts_by_width = Vec::new();
        for width_css in [720.0, 360.0, 320.0] {
            let mut widget = configured(&[("chart", "tier-changes"), ("lang", lang)]);
            widget.resize(Size { width_css, height_css: 900.0, dpr: 2.0 });
            let Figure::Flows(chart) = widget.figure().unwrap() else { unreachable!() };
            let mut counts = Vec::new();
            for node in &chart.nodes {
                let count = node.count.clone().unwrap_or_else(|| node.label.text.clone());
                let digits = count.rsplit('(').next().unwrap().strip_suffix(')').unwrap_or("");
                assert!(!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()), "{lang} at {width_css} px: {:?} / {:?}", node.label.text, node.count);
                own_line += usize::from(node.count.is_some());
                counts.push((node.left, digits.to_owned()));
            }
            counts_by_width.push(counts);
        }
        assert!(counts_by_width.iter().all(|c| *c == counts_by_width[0]), "{lang}: the counts differ between widths: {counts_by_width:?}");
    }
    assert!(own_line > 0, "some count needed a line of its own");
}

// On a narrow screen the ratifications matrix names each row: beside the cells a 320 px phone
// cut every country to its first letter ("B…"), so the name goes on a line above its row.
#[test]
fn ratifications_rows_keep_a_readable_name_on_a_phone() {
    use tipviz::model::figure::Figure;
    let mut above = 0;
    for lang in ["en", "es"] {
        for width_css in [320.0, 360.0, 720.0] {
            let mut widget = configured(&[("chart", "ratifications"), ("lang", lang)]);
            widget.resize(Size { width_css, height_css: 2000.0, dpr: 2.0 });
            let Figure::Matrix(chart) = widget.figure().unwrap() else { unreachable!() };
            for label in &chart.row_labels {
                let kept = label.text.trim_end_matches('…').chars().count();
                assert!(!label.text.ends_with('…') || kept >= 7, "{lang} at {width_css} px: {:?}", label.text);
            }
            above += usize::from(chart.row_labels_above);
        }
    }
    assert!(above > 0 && above < 6, "names go above the rows on phones only ({above} of 6)");
}

// A hovered country's strong outline goes round its larger pieces only: round each islet of
// Canada's Arctic or Alaska's panhandle it merged into a dark blot (a browser audit).
#[test]
fn a_hovered_country_is_outlined_without_its_islets() {
    let attributes = [("chart", "tier-map")];
    let mut widget = configured(&attributes);
    widget.resize(DESKTOP);
    let Some(tipviz::model::figure::Figure::Map(map)) = widget.figure() else { panic!("a map") };
    let canada = map.countries.iter().position(|c| c.input.id == "CAN").unwrap();
    let pieces = &map.countries[canada].pieces;
    let extent = |piece: &Vec<(f64, f64)>| {
        let (xs, ys): (Vec<f64>, Vec<f64>) = piece.iter().copied().unzip();
        let span = |v: &[f64]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max) - v.iter().cloned().fold(f64::INFINITY, f64::min);
        span(&xs).max(span(&ys))
    };
    let large = pieces.iter().filter(|p| extent(p) >= 6.0 * DESKTOP.dpr).count();
    assert!(large > 0 && large < pieces.len(), "Canada has islets and larger pieces: {large} of {}", pieces.len());
    let (_, overlay, on_overlay) = layers(&attributes, ViewState { active: Some(canada), pinned: None });
    assert!(on_overlay);
    // Two strokes (the background's, then the text colour's) round each larger piece.
    assert_eq!(overlay.matches("<polyline").count(), 2 * large);
}
