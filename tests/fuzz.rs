//! Property tests that fuzz what a page can hand tipviz: attribute names and values (typed by
//! people who are not programmers, or by a hostile page), option combinations drawn from the
//! real accepted values, canvas sizes from 0 to absurd, pointer positions, keys and type-ahead;
//! and the dataset decoder, with the real `dataset.bin` truncated and mutated. Nothing may
//! panic: bad input is an error message, damaged bytes an `Err`.
//!
//! `cargo test --test fuzz` runs a bounded number of cases (a few seconds). The longer run:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz` (see README, "Fuzzing").
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use proptest::prelude::*;
use proptest::sample::select;
use tipviz::data::{decode, DATASET_BYTES};
use tipviz::model::line::Size;
use tipviz::model::spec::CHARTS;
use tipviz::render;
use tipviz::widget::Widget;

/// Every attribute the loader observes (the list a native test pins to the parsers), plus
/// names nobody reads and odd spellings.
const NAMES: &[&str] = &[
    "chart", "lang", "theme", "view", "scope", "edition", "metrics", "labor", "years", "scale", "axis", "country",
    "region", "from", "to", "highlight", "metric", "org", "instrument", "sort", "height", "CHART", "Edition", "onload",
    "style", "id", "",
];

/// Real values of every attribute, so combinations reach deep into each chart's parser and
/// layout, and hostile ones (markup, Unicode tricks, numbers out of range).
const VALUES: &[&str] = &[
    // common
    "light", "dark", "auto", "chart", "table", "timeline", "en", "fr", "es",
    // enforcement
    "global", "regions", "africa", "east-asia-pacific", "europe", "near-east", "south-central-asia",
    "western-hemisphere", "prosecutions", "convictions", "victims", "legislation", "total", "labor", "both", "latest",
    "compare", "linear", "log", "shared", "independent", "2018", "2019", "2020", "2019-2023", "2019–2023", "2024-2018",
    "2030", "2001", "2014", "2015", "2016", "2024", "2025", "all",
    // countries and the others
    "JAM", "Jamaica", "KAZ", "kazakhstan", "Korea", "Korea, Republic of", "South Korea", "France", "Iran", "Denmark",
    "Ukraine, MDA", "Jamaica, KAZ, mexico", "Namibia", "investigations", "personnel", "missions", "allegations", "un",
    "osce", "nato", "palermo", "opsc", "opac", "c029", "P29", "c105", "c182", "c189", "country", "year",
    // hostile
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
    "\u{202e}dnalreviS", "Jam\u{200b}aica", "e\u{301}\u{301}\u{301}\u{301}", "\u{0}", "\r\n", "NaN", "Infinity",
    "-Infinity", "1e308", "-1e308", "-1", "0", "00", "+2024", "2024.5", "", " ", ",", ",,, ,", "-", "–", "🇯🇲",
];

const KEYS: &[&str] = &["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "Enter", " ", "Escape", "Tab", "a"];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(VALUES).prop_map(str::to_owned),
        2 => proptest::collection::vec(select(VALUES), 1..5).prop_map(|v| v.join(", ")),
        2 => any::<String>(),
        1 => (select(VALUES), 1usize..20_000).prop_map(|(v, n)| v.repeat(n)),
    ]
}

fn attributes() -> impl Strategy<Value = Vec<(String, String)>> {
    // Usually a real chart first, so the other attributes are read by its parser.
    let chart = prop_oneof![4 => select(CHARTS).prop_map(str::to_owned), 1 => value()];
    let name = prop_oneof![5 => select(NAMES).prop_map(str::to_owned), 1 => "[a-zA-Z-]{0,10}"];
    (chart, proptest::collection::vec((name, value()), 0..6)).prop_map(|(chart, mut rest)| {
        rest.insert(0, ("chart".to_owned(), chart));
        rest
    })
}

fn length() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => 0.0f64..2500.0,
        1 => Just(0.0),
        1 => Just(1.0),
        1 => Just(-5.0),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(1e308),
        1 => 2500.0f64..100_000.0,
    ]
}

fn size() -> impl Strategy<Value = Size> {
    let dpr = prop_oneof![Just(1.0), Just(2.0), Just(0.0), Just(f64::NAN), 0.25f64..5.0, Just(1e9)];
    (length(), length(), dpr).prop_map(|(width_css, height_css, dpr)| Size { width_css, height_css, dpr })
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![8 => -50.0f64..2500.0, 1 => Just(f64::NAN), 1 => Just(f64::NEG_INFINITY), 1 => Just(1e300)]
}

/// A backend that draws nothing (it only walks each path), so drawing at any size costs only the
/// layout's own work; text is measured as the canvas code estimates it (0.6 em).
struct NullBackend {
    size: (u32, u32),
}

impl DrawingBackend for NullBackend {
    type ErrorType = std::io::Error;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, _: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, _: &S, _: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, _: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        path.into_iter().for_each(drop);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, _: BackendCoord, _: u32, _: &S, _: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, _: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        vert.into_iter().for_each(drop);
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, _: &str, _: &T, _: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let em = style.size();
        Ok(((text.chars().count() as f64 * em * 0.6) as u32, em as u32))
    }
}

/// Draws the widget's figure (if any) the way the canvas would, without pixels.
fn draw(widget: &Widget, dark: bool) {
    let Some(figure) = widget.figure() else { return };
    let size = widget.size().expect("a figure has a size");
    let root = NullBackend { size: (size.width_dev(), size.height_dev()) }.into_drawing_area();
    render::draw(&root, figure, &widget.state, render::palette(dark)).expect("drawing into a null backend cannot fail");
    root.present().unwrap();
}

/// What a page does with a widget: configure, size, point, click, type, toggle, read.
fn exercise(attributes: &[(String, String)], sizes: &[Size], points: &[(f64, f64)], keys: &[&str], typed: &str) {
    let mut widget = Widget::default();
    match widget.configure(attributes) {
        Err(e) => {
            // An error never leaves a chart from other options, and its message is safe to show.
            assert!(widget.figure().is_none() && widget.csv().is_empty());
            // In the language asked for (English when `lang` is itself the bad value).
            let lang = tipviz::model::spec::parse_lang(&tipviz::model::spec::Attributes(attributes)).unwrap_or_default();
            let message = e.message(lang);
            assert!(!message.is_empty());
            assert!(!e.shown_value().chars().any(char::is_control), "{message:?}");
            // Capped at 60 characters and an ellipsis, each invisible one written as `[U+200B]`.
            assert!(e.shown_value().chars().count() <= 60 * 8 + 1, "a value shown in a message is capped");
            assert!(!e.shown_value().contains(['\u{202E}', '\u{2066}', '\u{200B}']), "{message:?}");
            assert!(message.chars().count() < 4_000, "message is {} chars", message.chars().count());
            widget.resize(sizes[0]);
            assert!(widget.figure().is_none());
            assert!(widget.readout().is_none());
        }
        Ok(()) => {
            let csv = widget.csv();
            assert!(csv.lines().next().is_some_and(|head| !head.is_empty()), "a CSV has a header");
            let _ = (widget.title(), widget.summary(), widget.wide_table());
            for size in sizes {
                let _ = widget.preferred_height_css(size.width_css);
                widget.resize(*size);
                let figure = widget.figure().expect("a configured widget lays out at any size");
                let count = figure.item_count();
                draw(&widget, size.width_css > 900.0);
                for &(x, y) in points {
                    widget.pointer(x, y);
                    if let Some(r) = widget.readout() {
                        assert!(r.index < count);
                        assert!(!r.heading.is_empty());
                        let _ = r.sentence(widget.lang());
                    }
                    if let Some(hit) = widget.click(x, y) {
                        assert!(hit < count);
                    }
                }
                for key in keys {
                    widget.key(key);
                    if let Some(r) = widget.readout() {
                        assert!(r.index < count);
                    }
                }
                if widget.searches().is_some() {
                    if let Some(found) = widget.find(typed) {
                        assert!(found < count);
                    }
                }
                let toggles = widget.figure().unwrap().toggle_targets();
                if let Some(t) = toggles.first() {
                    let key = t.key.clone();
                    widget.toggle(&key);
                    draw(&widget, false);
                    widget.toggle(&key);
                }
                widget.toggle(typed);
                widget.leave();
                draw(&widget, true);
            }
        }
    }
}

proptest! {
    // Bounded for `cargo test` (a few seconds); PROPTEST_CASES raises it for the long run.
    #![proptest_config(ProptestConfig { cases: cases(64), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_widget_never_panics(
        attributes in attributes(),
        sizes in proptest::collection::vec(size(), 1..4),
        points in proptest::collection::vec((coordinate(), coordinate()), 0..12),
        keys in proptest::collection::vec(select(KEYS), 0..8),
        typed in prop_oneof![select(VALUES).prop_map(str::to_owned), any::<String>()],
    ) {
        exercise(&attributes, &sizes, &points, &keys, &typed);
    }

    #[test]
    fn fuzz_reconfiguring_one_widget_never_panics(
        sets in proptest::collection::vec(attributes(), 2..6),
        size in size(),
        keys in proptest::collection::vec(select(KEYS), 0..6),
    ) {
        // Attribute changes on a live widget: state (pins, hidden series) from one set of
        // options must never index into another's figure.
        let mut widget = Widget::default();
        for attributes in &sets {
            let ok = widget.configure(attributes).is_ok();
            widget.resize(size);
            assert_eq!(widget.figure().is_some(), ok);
            for key in &keys {
                widget.key(key);
            }
            if let (Some(r), Some(figure)) = (widget.readout(), widget.figure()) {
                assert!(r.index < figure.item_count());
            }
            draw(&widget, false);
        }
    }

    #[test]
    fn fuzz_decoder_refuses_damaged_bytes_without_panicking(
        cut in 0usize..DATASET_BYTES.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let mut bytes = DATASET_BYTES.to_vec();
        for (at, byte, how) in edits {
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        let _ = decode(&bytes); // may decode to other values; must not panic
        prop_assert!(decode(&DATASET_BYTES[..cut]).is_err(), "a truncated dataset is refused");
    }

    #[test]
    fn fuzz_decoder_on_arbitrary_bytes(tail in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = DATASET_BYTES[..5].to_vec(); // the magic and the current format version
        bytes.extend(&tail);
        prop_assert!(decode(&tail).is_err() || tail.starts_with(b"TIPV"));
        let _ = decode(&bytes);
    }
}

/// PROPTEST_CASES when set (the long run), else the bounded default.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A fixed set of the hostile values in every attribute, so these exact inputs are always
/// run, whatever the random cases draw.
#[test]
fn every_hostile_value_in_every_attribute() {
    let sizes = [
        Size { width_css: 640.0, height_css: 400.0, dpr: 1.0 },
        Size { width_css: 0.0, height_css: 0.0, dpr: 0.0 },
        Size { width_css: f64::NAN, height_css: 1e308, dpr: 2.0 },
    ];
    let points = [(10.0, 10.0), (320.0, 200.0), (f64::NAN, 5.0), (-1.0, 1e300)];
    let hostile = &VALUES[VALUES.iter().position(|v| v.starts_with("<img")).unwrap()..];
    let huge = "<script>".repeat(12_500); // 100 KB
    for chart in CHARTS {
        let mut base = vec![("chart".to_owned(), chart.to_string())];
        if *chart == "tier-history" {
            base.push(("country".to_owned(), "JAM".to_owned()));
        }
        exercise(&base, &sizes, &points, KEYS, "ja");
        for name in NAMES {
            let with = |value: &str| {
                let mut attributes = base.clone();
                attributes.push((name.to_string(), value.to_owned()));
                attributes
            };
            // An attribute that takes any junk is one this chart does not read: it draws the
            // default chart, exercised above, so the hostile values go only where they are read.
            if Widget::default().configure(&with("\u{1}junk")).is_ok() {
                continue;
            }
            for value in hostile.iter().copied().chain([huge.as_str()]) {
                exercise(&with(value), &sizes[..1], &points, &["End", "Enter"], value);
            }
        }
    }
}

/// Regression: a country list was split at commas and every run of pieces joined and looked up
/// (quadratic), so a pasted 100 KB "a,a,a,…" kept a page busy for minutes; and one 100 KB name
/// was scanned once per spelling of every country.
#[test]
fn a_pasted_100_kb_list_is_refused_at_once() {
    let comma_list = "a,".repeat(50_000);
    let one_word = "x".repeat(100_000);
    for (chart, name) in [("tier-history", "country"), ("tier-map", "highlight"), ("ratifications", "country"), ("country-enforcement", "country")] {
        for value in [&comma_list, &one_word] {
            let started = std::time::Instant::now();
            let attributes = [("chart".to_owned(), chart.to_owned()), (name.to_owned(), value.clone())];
            let err = Widget::default().configure(&attributes).unwrap_err();
            assert_eq!(err.attribute, name);
            let message = err.message(tipviz::i18n::Lang::Fr);
            assert!(message.chars().count() < 1_000, "{chart}: {message}");
            let took = started.elapsed();
            assert!(took < std::time::Duration::from_secs(2), "{chart} {name}: {took:?}");
        }
    }
}

/// Regression: an infinite width (which the wasm boundary let through as any finite number
/// up to 1e308, and a native caller as is) kept the map's fitting loop running for ever.
#[test]
fn absurd_sizes_are_laid_out_at_once() {
    for chart in CHARTS {
        let mut attributes = vec![("chart".to_owned(), chart.to_string())];
        if *chart == "tier-history" {
            attributes.push(("country".to_owned(), "JAM".to_owned()));
        }
        for v in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e308, 0.0, -1.0] {
            let started = std::time::Instant::now();
            let mut widget = Widget::default();
            widget.configure(&attributes).unwrap();
            let _ = widget.preferred_height_css(v);
            widget.resize(Size { width_css: v, height_css: v, dpr: v });
            let size = widget.size().unwrap();
            assert!(size.width_css >= 1.0 && size.width_css <= 16_384.0 && size.dpr > 0.0 && size.dpr <= 8.0, "{size:?}");
            draw(&widget, false);
            assert!(started.elapsed() < std::time::Duration::from_secs(5), "{chart} at {v}: {:?}", started.elapsed());
        }
    }
}
