//! The tier map: a world (or one region's) choropleth of TIP Report tiers in the Equal Earth
//! projection, laid out in device pixels, hit-tested by country and read out with the change
//! since the previous edition. Used by `tier-map`.
//!
//! Colour is never the only encoding: each tier also has its own fill pattern (computed here
//! as clipped line and dot segments, so drawing stays a thin layer), markers of small countries
//! differ by shape, and countries not in the edition's list are plain light grey.

use crate::i18n::{self, tr, trf, Lang};
use super::bars::Rect;
use super::text::{capitalized, first_named, heading, TextLine};
use super::figure::Readout;
use super::geo::{self, Point};
use super::line::metrics::{LABEL_FONT, PAD};
use super::measure::{self, Weight};
use super::line::{Cite, Size};
use super::table::DataTable;
use crate::data::{Movement, Region, Tier, TierBasis};
use std::sync::OnceLock;

/// Spacing of the map in CSS pixels; multiplied by DPR at layout time.
pub mod map_metrics {
    /// A country whose drawn area is below this many square CSS pixels gets a marker.
    pub const MARKER_AREA: f64 = 40.0;
    /// A marker's drawn radius, and the radius within which it wins a hit-test.
    pub const MARKER_RADIUS: f64 = 4.0;
    pub const MARKER_HIT: f64 = 8.0;
    /// Markers closer than this (centre to centre) are moved apart, with a leader line home.
    pub const MARKER_SPACING: f64 = 13.0;
    /// Markers (their size, spacing and the area below which a country gets one) are full size
    /// on a map at least this many CSS pixels per projected unit (the world map about 640 px
    /// wide, every region zoom), and shrink in proportion below it, to
    /// [`MARKER_SCALE_MIN`]: on a phone's world map full-size markers did not fit near
    /// their countries and spread over the oceans on long leader lines.
    pub const MARKER_FULL_SCALE: f64 = 110.0;
    pub const MARKER_SCALE_MIN: f64 = 0.55;
    /// Space around the zoomed region's bounds, as a share of their size.
    pub const ZOOM_PADDING: f64 = 0.06;
    /// Legend rows: swatch size, row height and the gap between entries.
    pub const SWATCH_W: f64 = 26.0;
    pub const SWATCH_H: f64 = 14.0;
    pub const LEGEND_ROW: f64 = 20.0;
    pub const LEGEND_GAP: f64 = 16.0;
    pub const NOTE_FONT: f64 = 11.0;
    /// Pattern spacing.
    pub const HATCH: f64 = 5.0;
    pub const DOTS: f64 = 6.0;
}

/// What the legend says about a country not in the edition's list.
pub fn not_listed(lang: Lang) -> &'static str {
    tr!(lang, "Not in this edition's list", "Absent de la liste de cette édition", "No figura en la lista de esta edición")
}

/// How a tier is drawn besides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Plain,
    Dots,
    Hatch,
    CrossHatch,
    Lines,
}

pub fn pattern(tier: Option<Tier>) -> Pattern {
    match tier {
        Some(Tier::One) | None => Pattern::Plain,
        Some(Tier::Two) => Pattern::Dots,
        Some(Tier::WatchList) => Pattern::Hatch,
        Some(Tier::Three) => Pattern::CrossHatch,
        Some(Tier::Special) => Pattern::Lines,
    }
}

/// The change between two editions as a one-word id for the CSV (`upgraded`, `downgraded`,
/// `unchanged`, `changed`, `new`, `dropped`) and the sentence a readout shows in the reader's
/// language, such as "Tier 2 Watch List in 2024 → Tier 2 in 2025: upgraded". Empty when there
/// is no previous edition to compare with.
pub fn change(previous: Option<(u16, Option<Tier>)>, edition: u16, tier: Option<Tier>, lang: Lang) -> (&'static str, String) {
    let Some((before, was)) = previous else { return ("", String::new()) };
    let (before, edition) = (before.to_string(), edition.to_string());
    match (was, tier) {
        (Some(a), Some(b)) => {
            let (id, word) = movement_words(a.movement(b), lang);
            let (a, b) = (i18n::tier(a, lang), i18n::tier(b, lang));
            (id, trf!(lang, "{0} in {1} → {2} in {3}: {4}", "{0} en {1} → {2} en {3} : {4}", "{0} en {1} → {2} en {3}: {4}";
                a, before, b, edition, word))
        }
        (None, Some(b)) => ("new", trf!(lang,
            "not in the {0} list → {1} in {2}",
            "absent de la liste {0} → {1} en {2}",
            "no figura en la lista de {0} → {1} en {2}";
            before, i18n::tier(b, lang), edition)),
        (Some(a), None) => ("dropped", trf!(lang,
            "{0} in {1} → not in the {2} list",
            "{0} en {1} → absent de la liste {2}",
            "{0} en {1} → no figura en la lista de {2}";
            i18n::tier(a, lang), before, edition)),
        (None, None) => ("", trf!(lang,
            "not in the {0} or {1} list",
            "absent des listes {0} et {1}",
            "no figura en las listas de {0} ni de {1}";
            before, edition)),
    }
}

/// A tier movement as a CSV id and as a word in the reader's language.
pub fn movement_words(movement: Movement, lang: Lang) -> (&'static str, &'static str) {
    match movement {
        Movement::Same => ("unchanged", tr!(lang, "unchanged", "inchangé", "sin cambio")),
        Movement::Up => ("upgraded", tr!(lang, "upgraded", "relevé", "ascendido")),
        Movement::Down => ("downgraded", tr!(lang, "downgraded", "abaissé", "descendido")),
        Movement::Other => ("changed", tr!(lang, "changed", "modifié", "cambiado")),
    }
}

/// One country as the chart kind supplies it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountryInput {
    pub id: String,
    pub name: String,
    /// Other spellings, for type-ahead.
    pub aliases: Vec<String>,
    /// `None` where the edition's list does not place the country.
    pub tier: Option<Tier>,
    pub basis: Option<TierBasis>,
    /// The previous edition's placement, where there is a previous edition.
    pub previous: Option<(u16, Option<Tier>)>,
    /// The placement's note in a few words (the CSV keeps it whole).
    pub note: String,
    pub cite: Option<Cite>,
    /// Named in `highlight`: outlined strongly.
    pub highlighted: bool,
}

impl MapCountryInput {
    /// The change since the previous edition, or why there is none to tell (rather than
    /// leave the reader, or an empty table cell, to wonder).
    fn change_words(&self, edition: u16, lang: Lang) -> String {
        let (_, sentence) = change(self.previous, edition, self.tier, lang);
        if !sentence.is_empty() {
            return sentence;
        }
        trf!(lang,
            "no full tier list before {0} in the data",
            "pas de liste complète des catégories avant {0} dans les données",
            "no hay lista completa de niveles antes de {0} en los datos";
            edition.to_string())
    }

    /// Everything a reader should know about the country, one line each.
    pub fn readout_values(&self, edition: u16, lang: Lang) -> Vec<String> {
        let year = edition.to_string();
        let mut values = vec![match self.tier {
            Some(t) => trf!(lang, "{0} in {1}", "{0} en {1}", "{0} en {1}"; i18n::tier(t, lang), year),
            None => not_in_list(edition, lang),
        }];
        values.push(self.change_words(edition, lang));
        let basis = match self.basis {
            Some(TierBasis::Inferred) => Some(tr!(lang,
                "placement inferred from the narrative",
                "classement déduit du récit de pays",
                "clasificación deducida de la narrativa del país")),
            Some(TierBasis::Corrected) => Some(tr!(lang,
                "placement corrected by tipviz",
                "classement corrigé par tipviz",
                "clasificación corregida por tipviz")),
            Some(TierBasis::External) => Some(tr!(lang,
                "placement from Kelley & Heiss",
                "classement selon Kelley & Heiss",
                "clasificación según Kelley & Heiss")),
            _ => None,
        };
        match (basis, self.note.is_empty()) {
            (Some(b), false) => values.push(i18n::labelled(b, &self.note, lang)),
            (Some(b), true) => values.push(b.to_owned()),
            (None, false) => values.push(i18n::note(&self.note, lang)),
            (None, true) => {}
        }
        values
    }
}

/// The projection's central meridian: Greenwich, except for a zoom that would otherwise be
/// split by the antimeridian (East Asia and the Pacific).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Centre {
    Greenwich,
    Pacific,
}

impl Centre {
    pub fn of(region: Option<Region>) -> Centre {
        if region == Some(Region::EastAsiaPacific) { Centre::Pacific } else { Centre::Greenwich }
    }

    /// In degrees east.
    pub fn meridian(self) -> f64 {
        match self {
            Centre::Greenwich => 0.0,
            Centre::Pacific => 150.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierMapInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub edition: u16,
    /// The zoom, or `None` for the world.
    pub region: Option<Region>,
    /// Ids of the countries the zoom fits (the region's); empty for the world.
    pub focus: Vec<String>,
    /// Where the projection is centred.
    pub centre: Centre,
    /// Every country to draw, in keyboard order (alphabetical by name).
    pub countries: Vec<MapCountryInput>,
    /// The outlines' credit, drawn under the legend.
    pub credit: String,
}

impl TierMapInput {
    /// The countries the view is about, in keyboard order: the region's in a zoom (its
    /// neighbours are drawn for context only), else all. The summary, the screen-reader table
    /// and the CSV list these.
    pub fn countries_about(&self) -> Vec<&MapCountryInput> {
        let mut about = Vec::with_capacity(self.countries.len());
        for c in &self.countries {
            if self.focus.is_empty() || self.focus.contains(&c.id) {
                about.push(c);
            }
        }
        about
    }

    pub fn summary(&self) -> String {
        let lang = self.lang;
        let mut parts = vec![super::text::summary_opening(&self.title, &self.subtitle)];
        let about = self.countries_about();
        let mut counts = Vec::new();
        for &t in Tier::ALL {
            let n = about.iter().filter(|c| c.tier == Some(t)).count();
            if n > 0 {
                counts.push(format!("{n} {}", i18n::tier(t, lang)));
            }
        }
        if !counts.is_empty() {
            parts.push(trf!(lang, "Shown: {0}.", "Affichés : {0}.", "Se muestran: {0}."; counts.join(", ")));
        }
        let mut unlisted = Vec::new();
        let mut changed = Vec::new();
        for c in &about {
            match (c.previous, c.tier) {
                (_, None) => unlisted.push(c.name.as_str()),
                (Some((_, Some(was))), Some(now)) => {
                    let movement = was.movement(now);
                    if matches!(movement, Movement::Up | Movement::Down) {
                        changed.push(format!("{} {}", c.name, movement_words(movement, lang).1));
                    }
                }
                _ => {}
            }
        }
        if !unlisted.is_empty() {
            parts.push(i18n::labelled(&capitalized(&not_in_list(self.edition, lang)), &i18n::name_list(&unlisted), lang) + ".");
        }
        match changed.len() {
            0 => {}
            1..=12 => parts.push(trf!(lang,
                "Changes since the previous edition: {0}.",
                "Changements depuis l'édition précédente : {0}.",
                "Cambios desde la edición anterior: {0}.";
                changed.join(", "))),
            n => parts.push(trf!(lang,
                "{0} countries moved up or down a tier since the previous edition.",
                "{0} pays ont changé de catégorie depuis l'édition précédente.",
                "{0} países cambiaron de nivel desde la edición anterior.";
                n.to_string())),
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the countries in alphabetical order.",
            "Les flèches du clavier parcourent les pays par ordre alphabétique.",
            "Las flechas del teclado recorren los países en orden alfabético."
        ).into());
        parts.join(" ")
    }

    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let columns = [
            tr!(lang, "Country", "Pays", "País"),
            tr!(lang, "Tier", "Catégorie", "Nivel"),
            tr!(lang, "Change", "Changement", "Cambio"),
            i18n::source_column(lang),
        ]
        .map(String::from)
        .to_vec();
        let mut rows = Vec::new();
        for c in self.countries_about() {
            rows.push(vec![
                c.name.clone(),
                c.tier.map_or_else(|| not_in_list(self.edition, lang), |t| i18n::tier(t, lang).to_owned()),
                c.change_words(self.edition, lang),
                c.cite.as_ref().map(|cite| cite.describe(lang)).unwrap_or_default(),
            ]);
        }
        DataTable { columns, rows }
    }
}

/// One country laid out: its outline in device pixels, clipped to the map frame.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountry {
    pub input: MapCountryInput,
    pub pieces: Vec<Vec<Point>>,
    /// Bounds of `pieces`, `[min_x, min_y, max_x, max_y]`, for the hit-test prefilter.
    pub bbox: [f64; 4],
    /// Drawn area in square device pixels.
    pub area_dev: f64,
    /// Where the tooltip anchors and the marker sits.
    pub anchor: Point,
    /// Where the country is: the anchor, unless its marker was moved aside from its neighbours'
    /// (then a leader line joins the two).
    pub home: Point,
    /// A marker for a country too small to hover: its drawn radius.
    pub marker: Option<f64>,
    /// The tier's pattern, clipped to the outline: line segments and dot centres.
    pub pattern_lines: Vec<[Point; 2]>,
    pub pattern_dots: Vec<Point>,
    /// A neighbour drawn around a region's zoom for context only (the summary, table and CSV
    /// leave it out): drawn fainter, so the region's own countries stand out.
    pub context: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub tier: Option<Tier>,
    pub label: String,
    pub swatch: Rect,
    pub pattern_lines: Vec<[Point; 2]>,
    pub pattern_dots: Vec<Point>,
    /// Where the label starts (left, vertically centred on the swatch).
    pub text_x_dev: f64,
    pub text_y_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierMap {
    pub size: Size,
    pub edition: u16,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    /// The map's frame; nothing of the map is drawn outside it.
    pub frame: Rect,
    /// The countries at least partly inside the frame, in keyboard order.
    pub countries: Vec<MapCountry>,
    /// Largest first, so enclaves are drawn over their hosts.
    pub draw_order: Vec<usize>,
    pub legend: Vec<LegendItem>,
    /// "Tiers differ by pattern…" and the outlines' credit, under the legend.
    pub notes: Vec<TextLine>,
    /// How many times the view's own width (or height) the frame shows: 1 for the world and
    /// for a frame of the view's shape, at most [`MAX_WIDENING`] at the least height.
    pub widened: f64,
    lang: Lang,
}

/// The tier's pattern over some rings (device pixels), aligned to the canvas so neighbours
/// with the same tier continue each other's lines.
fn pattern_of(tier: Option<Tier>, rings: &[Vec<Point>], u: f64) -> (Vec<[Point; 2]>, Vec<Point>) {
    use map_metrics::{DOTS, HATCH};
    match pattern(tier) {
        Pattern::Plain => (Vec::new(), Vec::new()),
        Pattern::Hatch => (geo::hatch(rings, 45.0, HATCH * u, 0.0), Vec::new()),
        Pattern::CrossHatch => {
            let mut lines = geo::hatch(rings, 45.0, HATCH * u, 0.0);
            lines.extend(geo::hatch(rings, -45.0, HATCH * u, 0.0));
            (lines, Vec::new())
        }
        Pattern::Lines => (geo::hatch(rings, 0.0, (HATCH - 1.0) * u, 0.0), Vec::new()),
        Pattern::Dots => {
            let step = DOTS * u;
            let mut dots = Vec::new();
            for [a, b] in geo::hatch(rings, 0.0, step, step / 2.0) {
                let row = (a.1 / step).floor() as i64;
                let offset = if row % 2 == 0 { 0.0 } else { step / 2.0 };
                let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
                let mut x = ((x0 - offset) / step).ceil() * step + offset;
                while x <= x1 {
                    dots.push((x, a.1));
                    x += step;
                }
            }
            (Vec::new(), dots)
        }
    }
}

/// Sutherland–Hodgman against the frame.
fn clip_to(ring: &[Point], r: &Rect) -> Vec<Point> {
    // Most rings of a world map lie wholly inside: four clipping passes would only copy them.
    if ring.len() >= 3 && ring.iter().all(|p| p.0 >= r.left && p.0 <= r.right && p.1 >= r.top && p.1 <= r.bottom) {
        return ring.to_vec();
    }
    let edges: [(usize, f64, bool); 4] = [(0, r.left, true), (0, r.right, false), (1, r.top, true), (1, r.bottom, false)];
    let mut current = ring.to_vec();
    for (axis, at, keep_above) in edges {
        if current.len() < 3 {
            return Vec::new();
        }
        let get = |p: &Point| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: &Point| if keep_above { get(p) >= at } else { get(p) <= at };
        let mut out = Vec::with_capacity(current.len() + 4);
        for i in 0..current.len() {
            let (a, b) = (current[i], current[(i + 1) % current.len()]);
            let cross = || {
                let t = (at - get(&a)) / (get(&b) - get(&a));
                let q = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
                if axis == 0 {
                    (at, q.1)
                } else {
                    (q.0, at)
                }
            };
            match (inside(&a), inside(&b)) {
                (true, true) => out.push(b),
                (true, false) => out.push(cross()),
                (false, true) => {
                    out.push(cross());
                    out.push(b);
                }
                (false, false) => {}
            }
        }
        current = out;
    }
    if current.len() >= 3 {
        current
    } else {
        Vec::new()
    }
}

/// A country's rings and anchor with longitudes measured from `central_meridian`, cut again
/// where the new edge of the map (the central meridian's antimeridian) crosses them.
pub fn rotated(shape: &geo::Shape, central_meridian: f64) -> (Vec<Vec<Point>>, Point) {
    let wrap = |(lon, lat): Point| ((lon - central_meridian + 540.0).rem_euclid(360.0) - 180.0, lat);
    if central_meridian == 0.0 {
        return (shape.rings.clone(), shape.anchor);
    }
    let mut rings = Vec::with_capacity(shape.rings.len());
    for ring in &shape.rings {
        let mut wrapped = Vec::with_capacity(ring.len());
        for &p in ring {
            wrapped.push(wrap(p));
        }
        rings.extend(geo::cut_at_antimeridian(&wrapped));
    }
    (rings, wrap(shape.anchor))
}

/// A country's outline as the map draws it with one central meridian: its rings and anchor
/// in longitude/latitude measured from that meridian, and the same points projected (Equal
/// Earth, unit sphere), ring for ring and point for point.
pub struct Outline {
    /// The shape's own rings on Greenwich (not copied), new ones on another centre.
    pub rings: std::borrow::Cow<'static, [Vec<Point>]>,
    pub anchor: Point,
    pub projected: Vec<Vec<Point>>,
    pub projected_anchor: Point,
}

/// The outline of country `id` centred on `centre` (see [`outlines`]).
fn outline(id: &str, centre: Centre) -> Option<&'static Outline> {
    geo::shape_index(id).and_then(|i| outlines(centre).get(i))
}

/// Every shape's [`Outline`] centred on `centre`, in [`geo::shapes`]' order: made once per
/// centre and kept, because projecting its 17,636 points was a fifth of a map's layout and
/// came again at every resize and for every map on the page.
fn outlines(centre: Centre) -> &'static [Outline] {
    static MADE: [OnceLock<Vec<Outline>>; 2] = [OnceLock::new(), OnceLock::new()];
    MADE[centre as usize].get_or_init(|| {
        let shapes = geo::shapes();
        let mut made = Vec::with_capacity(shapes.len());
        for shape in shapes.iter() {
            let (rings, anchor) = match centre {
                Centre::Greenwich => (std::borrow::Cow::Borrowed(shape.rings.as_slice()), shape.anchor),
                Centre::Pacific => {
                    let (rings, anchor) = rotated(shape, centre.meridian());
                    (std::borrow::Cow::Owned(rings), anchor)
                }
            };
            let mut projected = Vec::with_capacity(rings.len());
            for ring in rings.iter() {
                let mut points = Vec::with_capacity(ring.len());
                for &p in ring {
                    points.push(geo::equal_earth(p));
                }
                projected.push(points);
            }
            made.push(Outline { projected, projected_anchor: geo::equal_earth(anchor), rings, anchor });
        }
        made
    })
}

/// Which rings a zoom fits for one country: its largest ring and the rings near it, so
/// overseas parts (French Guiana for France, Chukotka beyond 180° for Russia) do not stretch
/// the view.
fn main_rings(rings: &[Vec<Point>]) -> Vec<usize> {
    let Some(largest) = rings.iter().max_by(|a, b| geo::area(a).total_cmp(&geo::area(b))) else {
        return Vec::new();
    };
    let Some(home) = geo::bounds([largest]) else { return Vec::new() };
    const NEAR: f64 = 12.0;
    let mut near = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        let close = geo::bounds([ring]).is_some_and(|b| {
            b[0] <= home[2] + NEAR && b[2] >= home[0] - NEAR && b[1] <= home[3] + NEAR && b[3] >= home[1] - NEAR
        });
        if close {
            near.push(r);
        }
    }
    near
}

/// The `q` quantile of some values (nearest rank); 0 when empty.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    crate::sort::sort_by(values, f64::total_cmp);
    values[((values.len() - 1) as f64 * q).round() as usize]
}

/// Projected bounds `[x0, y0, x1, y1]` (y north) the frame must show. A zoom fits its
/// countries' main rings, but only their points within `ZOOM_REACH`° of the middle 80% of
/// the countries' anchors, so one vast country (Russia in Europe) cannot shrink the rest.
fn view_bounds(input: &TierMapInput) -> [f64; 4] {
    const ZOOM_REACH: f64 = 20.0;
    let zoomed = !input.focus.is_empty();
    // Each country's outline, with the rings the view must fit.
    let mut kept: Vec<(&Outline, Vec<usize>)> = Vec::new();
    for c in input.countries_about() {
        let Some(outline) = outline(&c.id, input.centre) else { continue };
        let rings = if zoomed { main_rings(&outline.rings) } else { (0..outline.rings.len()).collect() };
        kept.push((outline, rings));
    }
    let mut window = [-180.0, -90.0, 180.0, 90.0];
    if zoomed {
        let (mut lons, mut lats) = (Vec::with_capacity(kept.len()), Vec::with_capacity(kept.len()));
        for (outline, _) in &kept {
            lons.push(outline.anchor.0);
            lats.push(outline.anchor.1);
        }
        window = [
            quantile(&mut lons, 0.1) - ZOOM_REACH,
            quantile(&mut lats, 0.1) - ZOOM_REACH,
            quantile(&mut lons, 0.9) + ZOOM_REACH,
            quantile(&mut lats, 0.9) + ZOOM_REACH,
        ];
    }
    let within = |p: &Point| p.0 >= window[0] && p.0 <= window[2] && p.1 >= window[1] && p.1 <= window[3];
    // The projected points whose longitude/latitude is in the window.
    let mut shown: Vec<Point> = Vec::new();
    for (outline, rings) in &kept {
        for &r in rings {
            for (p, &q) in outline.rings[r].iter().zip(&outline.projected[r]) {
                if within(p) {
                    shown.push(q);
                }
            }
        }
        if within(&outline.anchor) {
            shown.push(outline.projected_anchor);
        }
    }
    let [x0, y0, x1, y1] = geo::bounds([&shown]).unwrap_or([-2.7066, -1.3173, 2.7066, 1.3173]);
    if !zoomed {
        return [x0, y0, x1, y1];
    }
    let pad = map_metrics::ZOOM_PADDING * (x1 - x0).max(y1 - y0);
    [x0 - pad, y0 - pad, x1 + pad, y1 + pad]
}

/// The legend entries: every tier, then "not in this edition's list".
fn legend_entries(lang: Lang) -> Vec<(Option<Tier>, String)> {
    let mut entries = Vec::with_capacity(Tier::ALL.len() + 1);
    for &t in Tier::ALL {
        entries.push((Some(t), i18n::tier(t, lang).to_owned()));
    }
    entries.push((None, not_listed(lang).to_owned()));
    entries
}

/// `not in the 2025 list`.
fn not_in_list(edition: u16, lang: Lang) -> String {
    trf!(lang, "not in the {0} list", "absent de la liste {0}", "no figura en la lista de {0}"; edition.to_string())
}

/// Under a region's map, after the pattern note.
pub fn context_note(lang: Lang) -> &'static str {
    tr!(lang,
        "Countries outside the region are drawn fainter.",
        "Les pays hors de la région sont estompés.",
        "Los países fuera de la región se muestran atenuados.")
}

pub fn pattern_note(lang: Lang) -> &'static str {
    tr!(lang,
        "Tiers differ by pattern as well as colour: Tier 1 plain, Tier 2 dots, Watch List diagonal lines, Tier 3 \
         cross-hatch, special case horizontal lines. Countries too small to point at are shown as marks of \
         different shapes.",
        "Les catégories se distinguent par le motif autant que par la couleur : catégorie 1 unie, catégorie 2 \
         points, liste de surveillance rayures obliques, catégorie 3 quadrillage, cas particulier rayures \
         horizontales. Les pays trop petits pour être pointés sont des repères de formes différentes.",
        "Los niveles se distinguen por la trama además del color: Nivel 1 liso, Nivel 2 puntos, lista de \
         vigilancia rayas diagonales, Nivel 3 cuadrícula, caso especial rayas horizontales. Los países demasiado \
         pequeños para señalarlos se muestran como marcas de formas distintas.")
}

/// The header, legend and notes laid out for a width, around the map.
struct Furniture {
    title: Vec<TextLine>,
    subtitle: Vec<TextLine>,
    /// Where the map may start.
    map_top: f64,
    legend: Vec<LegendSlot>,
    /// The note lines, wrapped.
    notes: Vec<String>,
    /// The height the legend and notes take under the map.
    below: f64,
}

/// A legend entry's place: `x` from the left, `dy` below the legend's top.
struct LegendSlot {
    tier: Option<Tier>,
    label: String,
    x: f64,
    dy: f64,
}

/// The projected bounds the frame shows, and how many times the view's own width or height
/// that is. A zoom is widened (or heightened) to the frame's shape, so a phone's tall frame
/// shows more of the region's surroundings instead of empty bands above and below; the world
/// keeps its own shape.
fn fitted_bounds(input: &TierMapInput, [x0, y0, x1, y1]: [f64; 4], frame: &Rect) -> ([f64; 4], f64) {
    let (fw, fh) = (frame.right - frame.left, frame.bottom - frame.top);
    let (w, h) = (x1 - x0, y1 - y0);
    if input.focus.is_empty() || fw <= 0.0 || fh <= 0.0 || w <= 0.0 || h <= 0.0 {
        return ([x0, y0, x1, y1], 1.0);
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (fitted_w, fitted_h) = if w / h < fw / fh { (h * fw / fh, h) } else { (w, w * fh / fw) };
    ([cx - fitted_w / 2.0, cy - fitted_h / 2.0, cx + fitted_w / 2.0, cy + fitted_h / 2.0], (fitted_w / w).max(fitted_h / h))
}

/// A region's frame no wider than [`MAX_WIDENING`] times the region at the frame's height,
/// centred. A wide, flat box would otherwise show more neighbours than region (Africa at 1400
/// × 560 px spanned Brazil to Australia); the sides stay empty instead.
fn narrowed_to_the_region(input: &TierMapInput, [x0, y0, x1, y1]: [f64; 4], frame: Rect) -> Rect {
    let (w, h) = (x1 - x0, y1 - y0);
    if input.focus.is_empty() || w <= 0.0 || h <= 0.0 {
        return frame;
    }
    let widest = (frame.bottom - frame.top) * w / h * MAX_WIDENING;
    let cut = ((frame.right - frame.left - widest) / 2.0).max(0.0);
    Rect { left: frame.left + cut, right: frame.right - cut, ..frame }
}

/// The least empty band (CSS pixels) beside a narrowed frame for the frame to get an edge.
pub const INSET_BAND_MIN: f64 = 16.0;

/// Moves markers that would overlap apart, so every one can be seen and pointed at: markers
/// with the fewest close neighbours keep their place; each other one takes the first free
/// spot on rings around its territory, tried first away from its neighbours. The country's
/// `home` keeps where it really is, for a leader line. `u`: device pixels per CSS pixel of the
/// markers' size.
fn spread_markers(countries: &mut [MapCountry], frame: &Rect, u: f64) {
    let spacing = map_metrics::MARKER_SPACING * u;
    let mut markers = Vec::new();
    let mut anchors = Vec::new();
    for (i, c) in countries.iter().enumerate() {
        match c.marker {
            Some(_) => markers.push(i),
            None => anchors.push(c.anchor),
        }
    }
    let home = |i: usize| countries[i].home;
    let near = |i: usize, reach: f64| {
        let mut found = Vec::new();
        for &j in &markers {
            if j != i && closer_than(home(i), home(j), reach) {
                found.push(j);
            }
        }
        found
    };
    let mut order = Vec::with_capacity(markers.len());
    for &i in &markers {
        order.push((near(i, spacing).len(), i));
    }
    crate::sort::sort_by(&mut order, |a, b| a.0.cmp(&b.0).then(home(a.1).1.total_cmp(&home(b.1).1)).then(home(a.1).0.total_cmp(&home(b.1).0)));
    let margin = spacing / 2.0;
    let fits = |p: Point| {
        p.0 >= frame.left + margin && p.0 <= frame.right - margin && p.1 >= frame.top + margin && p.1 <= frame.bottom - margin
    };
    // Nor may a marker cover the point another country's readout anchors to (where a reader
    // finds it, and where keyboard focus puts the tooltip).
    let clear = (map_metrics::MARKER_RADIUS * 1.35 + 2.0) * u;
    let mut placed: Vec<Point> = Vec::new();
    let mut spots = Vec::new();
    for &(_, i) in &order {
        let at = home(i);
        let free = |p: Point, placed: &[Point]| {
            !placed.iter().any(|&q| closer_than(p, q, spacing - 1e-9)) && !anchors.iter().any(|&a| closer_than(p, a, clear))
        };
        // Away from the neighbours' middle; straight up when there are none or it is ambiguous.
        let crowd = near(i, 3.0 * spacing);
        let away = if crowd.is_empty() {
            -std::f64::consts::FRAC_PI_2
        } else {
            let n = crowd.len() as f64;
            let (mut mx, mut my) = (0.0, 0.0);
            for &j in &crowd {
                mx += home(j).0 / n;
                my += home(j).1 / n;
            }
            if dist((mx, my), at) < 1e-6 { -std::f64::consts::FRAC_PI_2 } else { (at.1 - my).atan2(at.0 - mx) }
        };
        // Its own place first, then rings of spots around it, each ring tried from the
        // preferred direction outwards: 0, +1, -1, +2, -2, ... steps.
        let mut spot = at;
        if !free(at, &placed) {
            'rings: for ring in 1..=60usize {
                let radius = ring as f64 * spacing / 2.0;
                let steps = 12 + 6 * ring.min(6);
                for k in 0..steps {
                    let turn = if k % 2 == 0 { k / 2 } else { steps - (k + 1) / 2 };
                    let angle = away + turn as f64 * std::f64::consts::TAU / steps as f64;
                    let p = (at.0 + radius * angle.cos(), at.1 + radius * angle.sin());
                    if (p == at || fits(p)) && free(p, &placed) {
                        spot = p;
                        break 'rings;
                    }
                }
            }
        }
        placed.push(spot);
        spots.push((i, spot));
    }
    for (i, spot) in spots {
        countries[i].anchor = spot;
    }
}

fn dist(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// `dist(a, b) < reach`, without the square root: marker placement asks it some 100,000
/// times per map.
fn closer_than(a: Point, b: Point, reach: f64) -> bool {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    dx * dx + dy * dy < reach * reach
}

/// The least height of the map's frame, in CSS pixels.
pub const MIN_FRAME: f64 = 140.0;

/// How far a flat frame may widen a zoom: to one and a half times the region's own width.
/// Flatter, the frame shows more of the neighbours than of the region (Europe at 720 × 360 px
/// spanned Canada to Japan), so a region map's least height keeps its frame at least this deep,
/// and a frame flatter than that (a capped height in a wide box) is narrowed.
pub const MAX_WIDENING: f64 = 1.5;

impl TierMap {
    /// Lays out the header, legend and notes for a width.
    fn furniture(input: &TierMapInput, width: f64, u: f64) -> Furniture {
        use map_metrics::*;
        let text_width = (width - 2.0 * PAD * u).max(0.0);
        let (title, subtitle, y) = heading(&input.title, &input.subtitle, width, u);
        let map_top = y + 4.0 * u;
        // Legend entries flow left to right and wrap; positions relative to the legend's top.
        let mut legend = Vec::new();
        let (mut x, mut row) = (PAD * u, 0.0);
        for (tier, label) in legend_entries(input.lang) {
            let w = (SWATCH_W + 6.0) * u + measure::width(&label, LABEL_FONT * u, Weight::Regular);
            if x > PAD * u && x + w > width - PAD * u {
                x = PAD * u;
                row += 1.0;
            }
            legend.push(LegendSlot { tier, label, x, dy: row * LEGEND_ROW * u });
            x += w + LEGEND_GAP * u;
        }
        let legend_height = (row + 1.0) * LEGEND_ROW * u;
        let note_font = NOTE_FONT * u;
        let mut notes = measure::wrap(pattern_note(input.lang), text_width, note_font, Weight::Regular);
        if !input.focus.is_empty() {
            notes.extend(measure::wrap(context_note(input.lang), text_width, note_font, Weight::Regular));
        }
        notes.extend(measure::wrap(&input.credit, text_width, note_font, Weight::Regular));
        let below = 6.0 * u + legend_height + notes.len() as f64 * NOTE_FONT * 1.35 * u + PAD * u;
        Furniture { title, subtitle, map_top, legend, notes, below }
    }

    /// The height (CSS pixels) at which the map fills the width at this width.
    pub fn preferred_height_css(input: &TierMapInput, width_css: f64) -> f64 {
        Self::heights_css(input, width_css).0
    }

    /// The least height (CSS pixels): the title, legend and notes, and a map frame of
    /// [`MIN_FRAME`], or for a region deeper where a flatter one would widen the view more than
    /// [`MAX_WIDENING`] (never more than the preferred height; the world keeps its shape and
    /// shrinks instead). Below it the frame shrinks to nothing under the legend.
    pub fn minimum_height_css(input: &TierMapInput, width_css: f64) -> f64 {
        Self::heights_css(input, width_css).1
    }

    /// The preferred and the least height, from one layout of the header, legend and notes
    /// and one look at the view's bounds.
    fn heights_css(input: &TierMapInput, width_css: f64) -> (f64, f64) {
        const MAX_HEIGHT_SHARE: f64 = 0.75;
        const MIN_HEIGHT_CAP: f64 = 420.0;
        // With its title, legend and buttons the widget then fits a laptop's window (about 780
        // CSS pixels): at 1400 px wide every region map used to be 1,186 px tall.
        const MAX_HEIGHT_CAP: f64 = 560.0;
        let furniture = TierMap::furniture(input, width_css.max(0.0), 1.0);
        let map_width = (width_css - 2.0 * PAD).max(0.0);
        let [x0, y0, x1, y1] = view_bounds(input);
        let ratio = if x1 > x0 { (y1 - y0) / (x1 - x0) } else { 0.5 };
        // The frame that shows the view in its own shape. A tall region (the Americas) would
        // make a desktop map taller than a screen; past the cap the zoom widens to fill the box.
        let natural = map_width * ratio;
        let cap = (map_width * MAX_HEIGHT_SHARE).clamp(MIN_HEIGHT_CAP, MAX_HEIGHT_CAP);
        let preferred = (furniture.map_top + natural.min(cap) + furniture.below).ceil();
        let least_frame = if input.focus.is_empty() { MIN_FRAME } else { MIN_FRAME.max(natural / MAX_WIDENING) };
        (preferred, (furniture.map_top + least_frame + furniture.below).ceil().min(preferred))
    }

    pub fn layout(input: &TierMapInput, size: Size) -> TierMap {
        use map_metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let Furniture { title, subtitle, map_top, legend: entries, notes: note_lines, below } =
            TierMap::furniture(input, width, u);
        // Every country's points are looked at for these: once per layout.
        let view = view_bounds(input);
        let frame = narrowed_to_the_region(
            input,
            view,
            Rect { left: PAD * u, top: map_top, right: (width - PAD * u).max(PAD * u), bottom: (height - below).max(map_top) },
        );

        // Fit the view into the frame, centred, y flipped.
        let ([x0, y0, x1, y1], widened) = fitted_bounds(input, view, &frame);
        let (fw, fh) = (frame.right - frame.left, frame.bottom - frame.top);
        let scale = (fw / (x1 - x0).max(1e-9)).min(fh / (y1 - y0).max(1e-9)).max(1e-9);
        let left = frame.left + (fw - (x1 - x0) * scale) / 2.0;
        let top = frame.top + (fh - (y1 - y0) * scale) / 2.0;
        let to_dev = |(x, y): Point| (left + (x - x0) * scale, top + (y1 - y) * scale);
        // Device pixels per CSS pixel of a marker's size and spacing.
        let marker_u = u * (scale / u / MARKER_FULL_SCALE).clamp(MARKER_SCALE_MIN, 1.0);
        let inside = |p: Point| p.0 >= frame.left && p.0 <= frame.right && p.1 >= frame.top && p.1 <= frame.bottom;

        let mut countries = Vec::new();
        for c in &input.countries {
            let Some(outline) = outline(&c.id, input.centre) else { continue };
            // Small before clipping: a big country cut by the frame's edge is not a marker.
            let mut whole_area = 0.0;
            let mut pieces = Vec::new();
            let mut area_dev = 0.0;
            // The largest piece inside the frame (the last of equal ones).
            let mut largest: Option<(usize, f64)> = None;
            for ring in outline.projected.iter() {
                let mut on_screen = Vec::with_capacity(ring.len());
                for &p in ring {
                    on_screen.push(to_dev(p));
                }
                whole_area += geo::area(&on_screen);
                let piece = clip_to(&on_screen, &frame);
                if piece.len() < 3 {
                    continue;
                }
                let area = geo::area(&piece);
                area_dev += area;
                if largest.map_or(true, |(_, most)| area.total_cmp(&most).is_ge()) {
                    largest = Some((pieces.len(), area));
                }
                pieces.push(piece);
            }
            let mut anchor = to_dev(outline.projected_anchor);
            if !inside(anchor) {
                // Partly outside the frame: anchor on the largest piece that is inside.
                match largest {
                    Some((piece, _)) => anchor = geo::centroid(&pieces[piece]),
                    None => continue,
                }
            }
            let marker = (whole_area < MARKER_AREA * marker_u * marker_u && inside(anchor)).then_some(MARKER_RADIUS * marker_u);
            let bbox = geo::bounds(&pieces).unwrap_or([anchor.0, anchor.1, anchor.0, anchor.1]);
            let (pattern_lines, pattern_dots) = pattern_of(c.tier, &pieces, u);
            countries.push(MapCountry {
                input: c.clone(),
                pieces,
                bbox,
                area_dev,
                anchor,
                home: anchor,
                marker,
                pattern_lines,
                pattern_dots,
                context: !input.focus.is_empty() && !input.focus.contains(&c.id),
            });
        }
        spread_markers(&mut countries, &frame, marker_u);
        let mut draw_order: Vec<usize> = (0..countries.len()).collect();
        crate::sort::sort_by(&mut draw_order, |&a, &b| countries[b].area_dev.total_cmp(&countries[a].area_dev));

        let legend_top = frame.bottom + 6.0 * u;
        let mut legend = Vec::with_capacity(entries.len());
        let mut legend_bottom = legend_top;
        for LegendSlot { tier, label, x, dy } in entries {
            let swatch = Rect {
                left: x,
                top: legend_top + dy + (LEGEND_ROW - SWATCH_H) / 2.0 * u,
                right: x + SWATCH_W * u,
                bottom: legend_top + dy + (LEGEND_ROW + SWATCH_H) / 2.0 * u,
            };
            let ring = vec![
                (swatch.left, swatch.top),
                (swatch.right, swatch.top),
                (swatch.right, swatch.bottom),
                (swatch.left, swatch.bottom),
            ];
            let (pattern_lines, pattern_dots) = pattern_of(tier, &[ring], u);
            legend_bottom = legend_bottom.max(swatch.bottom);
            legend.push(LegendItem {
                tier,
                label,
                swatch,
                pattern_lines,
                pattern_dots,
                text_x_dev: swatch.right + 6.0 * u,
                text_y_dev: (swatch.top + swatch.bottom) / 2.0,
            });
        }
        let legend_bottom = legend_bottom + 3.0 * u;
        let mut notes = Vec::with_capacity(note_lines.len());
        for (i, text) in note_lines.into_iter().enumerate() {
            notes.push(TextLine { text, x_dev: PAD * u, y_dev: legend_bottom + i as f64 * NOTE_FONT * 1.35 * u });
        }
        TierMap { size, edition: input.edition, title, subtitle, frame, countries, draw_order, legend, notes, widened, lang: input.lang }
    }

    /// Whether the frame is narrowed, with bands of at least [`INSET_BAND_MIN`] beside it (a
    /// region in a wide box), so it is drawn with an edge: the countries it cuts read as cut on
    /// purpose. A few pixels' narrowing (a phone just past the widening) needs no edge.
    pub fn inset(&self) -> bool {
        self.frame.left > (PAD + INSET_BAND_MIN) * self.size.dpr.max(0.5)
    }

    pub fn item_count(&self) -> usize {
        self.countries.len()
    }

    /// The country under a pointer at CSS pixel (`x_css`, `y_css`): a marker drawn there, else
    /// the smallest country whose outline contains the point, else (over the sea) the nearest
    /// marker within its hover radius. A marker's wider reach never takes a country's own
    /// ground from it (North Macedonia beside Kosovo's marker).
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let dpr = self.size.dpr.max(1e-9);
        let p = (x_css * self.size.dpr, y_css * self.size.dpr);
        let f = &self.frame;
        if !(p.0 >= f.left && p.0 <= f.right && p.1 >= f.top && p.1 <= f.bottom) {
            return None;
        }
        let reach = map_metrics::MARKER_HIT * dpr.max(0.5);
        // The nearest marker in reach (the first of equally near ones).
        let mut marker: Option<(usize, f64, f64)> = None;
        for (i, c) in self.countries.iter().enumerate() {
            let Some(r) = c.marker else { continue };
            let d = dist(c.anchor, p);
            if d <= reach && marker.map_or(true, |(_, _, nearest)| d.total_cmp(&nearest).is_lt()) {
                marker = Some((i, r, d));
            }
        }
        // The largest marker shape reaches 1.35 radii from its centre (see render::map).
        if let Some((i, r, d)) = marker {
            if d <= r * 1.35 {
                return Some(i);
            }
        }
        self.draw_order
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                let c = &self.countries[i];
                let [x0, y0, x1, y1] = c.bbox;
                p.0 >= x0 && p.0 <= x1 && p.1 >= y0 && p.1 <= y1 && geo::contains(&c.pieces, p)
            })
            .or(marker.map(|(i, _, _)| i))
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let c = self.countries.get(index)?;
        Some(Readout {
            index,
            heading: c.input.name.clone(),
            values: {
                let mut values = c.input.readout_values(self.edition, self.lang);
                // A neighbour drawn around a region's zoom is in the keyboard order too: say it
                // is not one of the region's countries the summary and table count.
                if c.context {
                    values.push(tr!(self.lang,
                        "outside the region, drawn for context",
                        "hors de la région, dessiné pour situer",
                        "fuera de la región, dibujado como contexto").to_owned());
                }
                values
            },
            sources: c.input.cite.iter().map(|cite| cite.describe(self.lang)).collect(),
            x_css: c.anchor.0 / self.size.dpr,
            y_css: c.anchor.1 / self.size.dpr,
            rows: None,
            selection: vec![("country".to_owned(), c.input.id.clone())],
            list: None,
        })
    }

    /// The first country, in keyboard order, that `prefix` names exactly (id, name or alias,
    /// as [`crate::data::Country::is_named`] compares), else whose name starts with it, else
    /// one of whose aliases does; for type-ahead.
    pub fn item_by_name(&self, prefix: &str) -> Option<usize> {
        let mut names = Vec::with_capacity(self.countries.len());
        for c in &self.countries {
            let mut spellings = vec![c.input.name.as_str(), c.input.id.as_str()];
            for alias in &c.input.aliases {
                spellings.push(alias.as_str());
            }
            names.push(spellings);
        }
        first_named(prefix, &names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capitalized_phrase_starts_with_an_ascii_letter_in_every_language() {
        // `capitalized` upper-cases ASCII only.
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            assert!(not_in_list(2025, lang).starts_with(|c: char| c.is_ascii_lowercase()), "{lang:?}");
        }
    }

    fn country(id: &str, name: &str, tier: Option<Tier>) -> MapCountryInput {
        MapCountryInput {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            tier,
            basis: tier.map(|_| TierBasis::Printed),
            previous: Some((2024, Some(Tier::WatchList))),
            note: String::new(),
            cite: Some(Cite { edition: 2025, file: "f.txt".into(), line: 7, printed: None, note: String::new() }),
            highlighted: false,
        }
    }

    /// Every dataset country with the given tiers, alphabetical, like the chart kind builds it.
    fn world(focus: &[&str]) -> TierMapInput {
        let dataset = crate::data::dataset();
        let mut countries: Vec<MapCountryInput> = dataset
            .countries
            .iter()
            .map(|c| {
                let tier = match &*c.id {
                    "AND" | "KIR" => None,
                    "BRA" => Some(Tier::Two),
                    "MLT" => Some(Tier::One),
                    _ => Some(Tier::Three),
                };
                let mut input = country(&c.id, &c.name, tier);
                input.aliases = c.aliases.iter().map(|a| a.to_string()).collect();
                input
            })
            .collect();
        crate::sort::sort_by(&mut countries, |a, b| a.name.cmp(&b.name));
        TierMapInput { lang: Default::default(),
            title: "Tiers".into(),
            subtitle: "Sub".into(),
            edition: 2025,
            region: None,
            focus: focus.iter().map(|s| s.to_string()).collect(),
            centre: Centre::Greenwich,
            countries,
            credit: "Outlines: credit".into(),
        }
    }

    const WIDE: Size = Size { width_css: 960.0, height_css: 520.0, dpr: 1.0 };

    fn index_of(map: &TierMap, id: &str) -> usize {
        map.countries.iter().position(|c| c.input.id == id).unwrap()
    }

    /// The CSS point of a projected longitude/latitude in this layout, found by projecting
    /// through a country's anchor is not enough; recompute from the frame instead.
    fn css_of(map: &TierMap, input: &TierMapInput, lon_lat: Point) -> Point {
        // Same arithmetic as `layout`.
        let ([x0, y0, x1, y1], _) = fitted_bounds(input, view_bounds(input), &map.frame);
        let f = &map.frame;
        let (fw, fh) = (f.right - f.left, f.bottom - f.top);
        let scale = (fw / (x1 - x0)).min(fh / (y1 - y0));
        let left = f.left + (fw - (x1 - x0) * scale) / 2.0;
        let top = f.top + (fh - (y1 - y0) * scale) / 2.0;
        let (x, y) = geo::equal_earth(rotated(&geo::Shape { id: String::new(), rings: Vec::new(), anchor: lon_lat }, input.centre.meridian()).1);
        ((left + (x - x0) * scale) / map.size.dpr, (top + (y1 - y) * scale) / map.size.dpr)
    }

    #[test]
    fn every_country_is_drawn_inside_the_frame_in_alphabetical_order() {
        let input = world(&[]);
        let map = TierMap::layout(&input, WIDE);
        assert_eq!(map.item_count(), 190);
        for pair in map.countries.windows(2) {
            assert!(pair[0].input.name <= pair[1].input.name);
        }
        let f = map.frame;
        for c in &map.countries {
            for p in c.pieces.iter().flatten() {
                assert!(p.0 >= f.left - 1e-6 && p.0 <= f.right + 1e-6 && p.1 >= f.top - 1e-6 && p.1 <= f.bottom + 1e-6);
            }
        }
        // No piece runs across the map: the antimeridian cut worked after projection too.
        let frame_width = f.right - f.left;
        for c in &map.countries {
            for piece in &c.pieces {
                let b = geo::bounds([piece]).unwrap();
                assert!(b[2] - b[0] < frame_width * 0.6, "{} spans {:?}", c.input.id, b);
            }
        }
    }

    #[test]
    fn hit_testing_finds_a_big_country_and_a_small_territory_marker_at_dpr_1_and_2() {
        let input = world(&[]);
        for dpr in [1.0, 2.0] {
            let map = TierMap::layout(&input, Size { dpr, ..WIDE });
            let brazil = index_of(&map, "BRA");
            let (x, y) = css_of(&map, &input, (-50.0, -10.0));
            assert_eq!(map.item_at(x, y), Some(brazil), "dpr {dpr}");
            let readout = map.readout(brazil).unwrap();
            assert_eq!(readout.heading, "Brazil");
            assert_eq!(readout.values[0], "Tier 2 in 2025");
            assert_eq!(readout.values[1], "Tier 2 Watch List in 2024 → Tier 2 in 2025: upgraded");
            assert_eq!(readout.sources, vec!["2025 TIP Report, f.txt line 7"]);
            assert_eq!(readout.selection, vec![("country".to_owned(), "BRA".to_owned())]);

            for (id, off) in [("MLT", (5.0, -3.0)), ("MAC", (-2.0, 1.0))] {
                let i = index_of(&map, id);
                let c = &map.countries[i];
                assert!(c.marker.is_some(), "{id} has no marker at dpr {dpr}");
                let (x, y) = (c.anchor.0 / dpr, c.anchor.1 / dpr);
                // Within the hover radius, a few pixels off the island (on the side away from
                // Hong Kong, whose marker is the nearer one east of Macau).
                assert_eq!(map.item_at(x + off.0, y + off.1), Some(i), "{id} dpr {dpr}");
            }
            // The open sea is nothing; so is the title.
            let (x, y) = css_of(&map, &input, (-30.0, 0.0));
            assert_eq!(map.item_at(x, y), None);
            assert_eq!(map.item_at(20.0, 12.0), None);
        }
    }

    /// The world and every zoom, on a desktop and on phones, at DPR 1, 2 and 3.
    fn every_view() -> Vec<(String, TierMapInput, Size)> {
        let dataset = crate::data::dataset();
        let mut views = Vec::new();
        for region in std::iter::once(None).chain(Region::ALL.iter().map(Some)) {
            let focus: Vec<&str> = dataset
                .countries
                .iter()
                .filter(|c| region.is_some_and(|r| c.region == Some(*r)))
                .map(|c| &*c.id)
                .collect();
            let mut input = world(&focus);
            input.centre = Centre::of(region.copied());
            for size in [
                WIDE,
                Size { width_css: 360.0, height_css: 480.0, dpr: 2.0 },
                Size { width_css: 360.0, height_css: TierMap::preferred_height_css(&input, 360.0), dpr: 3.0 },
            ] {
                views.push((region.map_or("world", |r| r.id()).to_owned(), input.clone(), size));
            }
        }
        views
    }

    #[test]
    fn markers_never_overlap_and_each_is_hit_by_pointing_at_it() {
        for (name, input, size) in every_view() {
            let map = TierMap::layout(&input, size);
            let u = size.dpr;
            let markers: Vec<(usize, &MapCountry)> = map.countries.iter().enumerate().filter(|(_, c)| c.marker.is_some()).collect();
            assert!(!markers.is_empty(), "{name}");
            for (k, (i, a)) in markers.iter().enumerate() {
                // Markers shrink on a narrow world map, and their spacing with them.
                let marker_u = a.marker.unwrap() / map_metrics::MARKER_RADIUS;
                assert!(marker_u >= map_metrics::MARKER_SCALE_MIN * u - 1e-9 && marker_u <= u + 1e-9, "{name} {size:?}");
                for (_, b) in &markers[k + 1..] {
                    let d = dist(a.anchor, b.anchor);
                    assert!(d >= map_metrics::MARKER_SPACING * marker_u - 1e-6, "{name} {size:?}: {} and {} {d}", a.input.id, b.input.id);
                }
                let (x, y) = (a.anchor.0 / u, a.anchor.1 / u);
                assert_eq!(map.item_at(x, y), Some(*i), "{name} {size:?}: {}", a.input.id);
                let f = map.frame;
                assert!(a.anchor.0 >= f.left && a.anchor.0 <= f.right && a.anchor.1 >= f.top && a.anchor.1 <= f.bottom);
            }
        }
        // A marker's reach never takes a country's own ground, and no marker is drawn over the
        // point a country's readout anchors to: pointing there finds that country (or a
        // smaller one drawn over it).
        for (name, input, size) in every_view() {
            let map = TierMap::layout(&input, size);
            let u = size.dpr;
            for (i, c) in map.countries.iter().enumerate().filter(|(_, c)| c.marker.is_none()) {
                if !geo::contains(&c.pieces, c.anchor) {
                    continue;
                }
                let hit = map.item_at(c.anchor.0 / u, c.anchor.1 / u).unwrap();
                assert!(hit == i || map.countries[hit].area_dev < c.area_dev, "{name} {size:?}: {} found {}", c.input.id, map.countries[hit].input.id);
            }
        }
        // The crowded places: every small Caribbean state and the Balkans' small countries
        // keep a marker of their own, near home.
        let map = TierMap::layout(&world(&[]), WIDE);
        let moved: Vec<&str> =
            map.countries.iter().filter(|c| c.marker.is_some() && c.anchor != c.home).map(|c| c.input.id.as_str()).collect();
        assert!(!moved.is_empty(), "the Caribbean is crowded at this size");
        for id in ["ATG", "LCA", "VCT", "BRB", "ABW", "CUW", "SXM"] {
            let c = &map.countries[index_of(&map, id)];
            assert!(c.marker.is_some(), "{id}");
            assert!(dist(c.anchor, c.home) < 6.0 * map_metrics::MARKER_SPACING, "{id} stays near home");
        }
    }

    #[test]
    fn on_a_phone_s_world_map_markers_stay_near_their_countries() {
        // Full-size markers did not fit near Europe's and the Caribbean's countries on a phone
        // and spread over the oceans on leader lines up to 270 CSS px long.
        let input = world(&[]);
        for width in [320.0, 360.0, 390.0, 480.0, 640.0, 960.0] {
            let size = Size { width_css: width, height_css: TierMap::preferred_height_css(&input, width), dpr: 3.0 };
            let map = TierMap::layout(&input, size);
            let mut leaders: Vec<f64> = map.countries.iter().filter(|c| c.marker.is_some()).map(|c| dist(c.anchor, c.home) / 3.0).collect();
            crate::sort::sort_by(&mut leaders, f64::total_cmp);
            let longest = leaders.last().copied().unwrap_or(0.0);
            let most = leaders[leaders.len() * 9 / 10];
            assert!(longest <= 60.0 && most <= 30.0, "{width} px: leaders up to {longest:.0} CSS px, 90% up to {most:.0}");
        }
    }

    #[test]
    fn a_zoom_fills_the_frame_whatever_its_shape() {
        let dataset = crate::data::dataset();
        let focus: Vec<&str> =
            dataset.countries.iter().filter(|c| c.region == Some(Region::Europe)).map(|c| &*c.id).collect();
        let input = world(&focus);
        let drawn_bounds = |map: &TierMap| geo::bounds(map.countries.iter().flat_map(|c| &c.pieces)).unwrap();
        // A tall box shows more of the surroundings: land reaches across the frame both ways.
        let map = TierMap::layout(&input, Size { width_css: 360.0, height_css: 480.0, dpr: 2.0 });
        let (drawn, f) = (drawn_bounds(&map), map.frame);
        assert!(drawn[3] - drawn[1] > 0.9 * (f.bottom - f.top), "{drawn:?} in {f:?}");
        assert!(drawn[2] - drawn[0] > 0.9 * (f.right - f.left), "{drawn:?} in {f:?}");
        assert!(!map.inset());
        // A box much flatter than Europe narrows the frame, centred and edged, rather than
        // showing the world from Canada to Japan beside it; land still fills its height (the
        // open Arctic may leave a strip).
        let map = TierMap::layout(&input, Size { width_css: 1200.0, height_css: 400.0, dpr: 1.0 });
        let (drawn, f) = (drawn_bounds(&map), map.frame);
        assert!(drawn[3] - drawn[1] > 0.9 * (f.bottom - f.top), "{drawn:?} in {f:?}");
        assert!(f.right - f.left < 600.0, "{f:?}");
        assert!(((f.left + f.right) / 2.0 - 600.0).abs() < 1.0, "{f:?}");
        assert!(map.inset() && map.widened <= MAX_WIDENING + 1e-9, "{}", map.widened);
        for far in ["CAN", "USA", "JPN", "KOR"] {
            assert!(map.countries.iter().all(|c| c.input.id != far), "{far} drawn in Europe's zoom");
        }
    }

    #[test]
    fn countries_without_a_tier_read_as_such() {
        let map = TierMap::layout(&world(&[]), WIDE);
        let andorra = index_of(&map, "AND");
        let readout = map.readout(andorra).unwrap();
        assert_eq!(readout.values[0], "not in the 2025 list");
        assert_eq!(readout.values[1], "Tier 2 Watch List in 2024 → not in the 2025 list");
        assert_eq!(pattern(None), Pattern::Plain);
        assert!(map.countries[andorra].pattern_lines.is_empty() && map.countries[andorra].pattern_dots.is_empty());
        assert_eq!(map.legend.last().unwrap().label, not_listed(Lang::En));
        assert_eq!(map.legend.len(), 6);
    }

    #[test]
    fn patterns_differ_by_tier_and_stay_inside_the_outline() {
        let map = TierMap::layout(&world(&[]), WIDE);
        let brazil = &map.countries[index_of(&map, "BRA")];
        assert!(!brazil.pattern_dots.is_empty() && brazil.pattern_lines.is_empty());
        for &d in &brazil.pattern_dots {
            assert!(geo::contains(&brazil.pieces, d) || brazil.pieces.iter().flatten().any(|p| (p.1 - d.1).abs() < 1e-6));
        }
        let russia = &map.countries[index_of(&map, "RUS")];
        assert!(russia.pattern_lines.len() > 20);
        let kinds: Vec<Pattern> = Tier::ALL.iter().map(|&t| pattern(Some(t))).collect();
        for (i, a) in kinds.iter().enumerate() {
            assert!(kinds[i + 1..].iter().all(|b| b != a), "{kinds:?}");
        }
    }

    #[test]
    fn a_tall_region_asks_for_no_more_than_three_quarters_of_a_desktop_width() {
        let dataset = crate::data::dataset();
        let focus: Vec<&str> = dataset
            .countries
            .iter()
            .filter(|c| c.region == Some(Region::WesternHemisphere))
            .map(|c| &*c.id)
            .collect();
        let input = world(&focus);
        let furniture = TierMap::furniture(&input, 960.0, 1.0);
        let desktop = TierMap::preferred_height_css(&input, 960.0);
        assert!(desktop - furniture.map_top - furniture.below <= 0.75 * 940.0 + 1.0, "{desktop}");
        // Every country of the region is still inside the frame at that height.
        let map = TierMap::layout(&input, Size { width_css: 960.0, height_css: desktop, dpr: 1.0 });
        for id in &focus {
            let c = map.countries.iter().find(|c| c.input.id == *id).unwrap();
            let (x, y) = c.anchor;
            assert!(x >= map.frame.left && x <= map.frame.right && y >= map.frame.top && y <= map.frame.bottom, "{id}");
        }
        // A phone keeps the region's own shape up to the floor of the cap.
        let phone = TierMap::preferred_height_css(&input, 360.0);
        assert!(phone > TierMap::furniture(&input, 360.0, 1.0).map_top + 340.0, "{phone}");
    }

    #[test]
    fn region_zoom_keeps_the_region_inside_the_frame() {
        let dataset = crate::data::dataset();
        for region in Region::ALL {
            let focus: Vec<&str> =
                dataset.countries.iter().filter(|c| c.region == Some(*region)).map(|c| &*c.id).collect();
            let mut input = world(&focus);
            input.centre = Centre::of(Some(*region));
            for size in [WIDE, Size { width_css: 360.0, height_css: 420.0, dpr: 2.0 }] {
                let map = TierMap::layout(&input, size);
                for id in &focus {
                    let Some(c) = map.countries.iter().find(|c| c.input.id == *id) else {
                        panic!("{id} is not drawn in the {} zoom", region.id())
                    };
                    let f = map.frame;
                    let (x, y) = c.anchor;
                    assert!(x >= f.left && x <= f.right && y >= f.top && y <= f.bottom, "{id} in {}", region.id());
                    // Hovering the anchor (a marker, or usually inside the outline) never
                    // finds a far-away country.
                    if c.marker.is_some() {
                        assert_eq!(map.item_at(x / size.dpr, y / size.dpr).map(|i| &map.countries[i].input.id), Some(&c.input.id));
                    }
                }
                // A zoom draws fewer countries than the world and the region's are bigger.
                assert!(map.item_count() < 190, "{}", region.id());
            }
        }
    }

    #[test]
    fn a_map_on_a_wide_screen_fits_a_laptop_window_with_its_region_whole() {
        let dataset = crate::data::dataset();
        let mut views = vec![(world(&[]), Vec::new())];
        for region in Region::ALL {
            let focus: Vec<&str> =
                dataset.countries.iter().filter(|c| c.region == Some(*region)).map(|c| &*c.id).collect();
            let mut input = world(&focus);
            input.centre = Centre::of(Some(*region));
            views.push((input, focus));
        }
        for (input, focus) in &views {
            for width in [1400.0, 1920.0, 2560.0] {
                let height = TierMap::preferred_height_css(input, width);
                // The canvas; the widget's buttons take about 40 px more.
                assert!(height <= 740.0, "{width} px wide: {height} px tall");
                let map = TierMap::layout(input, Size { width_css: width, height_css: height, dpr: 1.0 });
                for id in focus {
                    let c = map.countries.iter().find(|c| c.input.id == *id).unwrap();
                    let (x, y) = c.anchor;
                    let f = map.frame;
                    assert!(x >= f.left && x <= f.right && y >= f.top && y <= f.bottom, "{id} at {width} px");
                }
            }
        }
    }

    #[test]
    fn a_zoom_draws_its_neighbours_as_context_and_says_so_under_the_legend() {
        let dataset = crate::data::dataset();
        let focus: Vec<&str> =
            dataset.countries.iter().filter(|c| c.region == Some(Region::Europe)).map(|c| &*c.id).collect();
        let mut input = world(&focus);
        input.centre = Centre::of(Some(Region::Europe));
        let map = TierMap::layout(&input, WIDE);
        let neighbours: Vec<&str> = map.countries.iter().filter(|c| c.context).map(|c| &*c.input.id).collect();
        for c in &map.countries {
            assert_eq!(c.context, !focus.contains(&&*c.input.id), "{}", c.input.id);
        }
        assert!(neighbours.contains(&"DZA") && neighbours.contains(&"EGY"), "{neighbours:?}");
        let says = |map: &TierMap| map.notes.iter().any(|n| n.text.contains("fainter"));
        assert!(says(&map));
        // The world has no neighbours: every country drawn in full, and no such note.
        let world_map = TierMap::layout(&world(&[]), WIDE);
        assert!(world_map.countries.iter().all(|c| !c.context));
        assert!(!says(&world_map));
    }

    #[test]
    fn type_ahead_finds_names_aliases_and_prefixes() {
        let map = TierMap::layout(&world(&[]), WIDE);
        let name = |i: Option<usize>| i.map(|i| map.countries[i].input.id.clone());
        assert_eq!(name(map.item_by_name("bra")), Some("BRA".into()));
        assert_eq!(name(map.item_by_name("Braz")), Some("BRA".into()));
        assert_eq!(name(map.item_by_name("  united   STATES ")), Some("USA".into()));
        assert_eq!(name(map.item_by_name("Uni")), Some("ARE".into()), "United Arab Emirates comes first");
        assert_eq!(name(map.item_by_name("xkx")), Some("XKX".into()));
        assert_eq!(map.item_by_name(""), None);
        assert_eq!(map.item_by_name("Atlantis"), None);
    }

    #[test]
    fn changes_between_editions_are_named() {
        let c = |a, b| change(Some((2024, a)), 2025, b, Lang::En).0;
        assert_eq!(c(Some(Tier::Three), Some(Tier::WatchList)), "upgraded");
        assert_eq!(c(Some(Tier::One), Some(Tier::Two)), "downgraded");
        assert_eq!(c(Some(Tier::Two), Some(Tier::Two)), "unchanged");
        assert_eq!(c(Some(Tier::Special), Some(Tier::Three)), "changed");
        assert_eq!(c(None, Some(Tier::Three)), "new");
        assert_eq!(change(None, 2025, Some(Tier::One), Lang::En), ("", String::new()));
        let (id, sentence) = change(Some((2024, Some(Tier::Three))), 2025, Some(Tier::WatchList), Lang::Fr);
        assert_eq!(id, "upgraded", "the CSV keeps its ids in every language");
        assert_eq!(sentence, "Catégorie 3 en 2024 → Liste de surveillance de la catégorie 2 en 2025 : relevé");
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        let input = world(&[]);
        for (w, h, dpr) in [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (5000.0, 20.0, 1.0), (2000.0, 2000.0, 2.0)] {
            let map = TierMap::layout(&input, Size { width_css: w, height_css: h, dpr });
            let _ = map.item_at(10.0, 10.0);
            for i in 0..=map.item_count() {
                let _ = map.readout(i);
            }
        }
        let preferred = TierMap::preferred_height_css(&input, 960.0);
        assert!(preferred > 400.0 && preferred < 800.0, "{preferred}");
    }

    #[test]
    fn summary_and_table_say_what_the_map_shows() {
        let input = world(&[]);
        let summary = input.summary();
        assert!(summary.contains("Not in the 2025 list: Andorra, Kiribati."), "{summary}");
        assert!(summary.contains("1 Tier 1"), "{summary}");
        let table = input.wide_table();
        assert_eq!(table.rows.len(), 190);
        assert_eq!(table.columns, ["Country", "Tier", "Change", "Source"]);
    }
}
