//! Checks of the palettes as readers with common colour-vision deficiencies see them.
//!
//! Each colour is taken to linear RGB, passed through the Machado, Oliveira & Fernandes (2009)
//! simulation matrix at full severity for protanopia, deuteranopia and tritanopia, back to
//! sRGB, and compared in CIELAB with CIEDE2000. A ΔE00 of about 2.3 is a just-noticeable
//! difference between two patches side by side; the thresholds below ask for several times
//! that, because tiers are read from small shapes and from a legend across the map.
//! `cargo test --lib vision -- --nocapture` prints the table the README quotes.

use super::{Palette, DARK, LIGHT};
use plotters::style::RGBColor;

type Matrix = [[f64; 3]; 3];

/// Machado et al. (2009), severity 1.0, for linear RGB.
const PROTANOPIA: Matrix = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTERANOPIA: Matrix = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITANOPIA: Matrix = [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];
const IDENTITY: Matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

pub const VISIONS: [(&str, Matrix); 4] =
    [("typical", IDENTITY), ("protanopia", PROTANOPIA), ("deuteranopia", DEUTERANOPIA), ("tritanopia", TRITANOPIA)];

fn to_linear(v: u8) -> f64 {
    let s = v as f64 / 255.0;
    if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
}

/// WCAG 2 relative luminance and contrast ratio.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let lum = |c: RGBColor| 0.2126 * to_linear(c.0) + 0.7152 * to_linear(c.1) + 0.0722 * to_linear(c.2);
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// CIELAB (D65) of a colour as seen through `m`.
pub fn lab(c: RGBColor, m: &Matrix) -> [f64; 3] {
    let rgb = [to_linear(c.0), to_linear(c.1), to_linear(c.2)];
    let seen: Vec<f64> = m.iter().map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0)).collect();
    let (r, g, b) = (seen[0], seen[1], seen[2]);
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005).
pub fn ciede2000(a: [f64; 3], b: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let (l1, a1, b1) = (a[0], a[1], a[2]);
    let (l2, a2, b2) = (b[0], b[1], b[2]);
    let c_bar = ((a1 * a1 + b1 * b1).sqrt() + (a2 * a2 + b2 * b2).sqrt()) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = ((a1p * a1p + b1 * b1).sqrt(), (a2p * a2p + b2 * b2).sqrt());
    let hue = |b: f64, a: f64| if b == 0.0 && a == 0.0 { 0.0 } else { deg(b.atan2(a)).rem_euclid(360.0) };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * rad(dh / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let cp_bar = (c1p + c2p) / 2.0;
    let hp_bar = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(hp_bar - 30.0).cos() + 0.24 * rad(2.0 * hp_bar).cos() + 0.32 * rad(3.0 * hp_bar + 6.0).cos()
        - 0.20 * rad(4.0 * hp_bar - 63.0).cos();
    let d_theta = 30.0 * (-((hp_bar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cp_bar.powi(7) / (cp_bar.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_bar;
    let sh = 1.0 + 0.015 * cp_bar * t;
    let rt = -rad(2.0 * d_theta).sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dhh / sh).powi(2) + rt * (dc / sc) * (dhh / sh)).sqrt()
}

/// The smallest CIEDE2000 difference between any two of `colours` for a reader with `m`,
/// and which pair it is.
pub fn closest_pair(colours: &[RGBColor], m: &Matrix) -> (f64, usize, usize) {
    let mut best = (f64::INFINITY, 0, 0);
    for i in 0..colours.len() {
        for j in i + 1..colours.len() {
            let d = ciede2000(lab(colours[i], m), lab(colours[j], m));
            if d < best.0 {
                best = (d, i, j);
            }
        }
    }
    best
}

fn palettes() -> [(&'static str, &'static Palette); 2] {
    [("light", &LIGHT), ("dark", &DARK)]
}

/// Tier fills must stay this far apart (ΔE00) under every simulated vision: well above the
/// just-noticeable 2.3, so that a country's tier can be matched to the legend by colour as
/// well as by its pattern.
const TIER_MIN_DELTA_E: f64 = 15.0;
/// Series colours are lines and markers that also differ by shape and dash.
const SERIES_MIN_DELTA_E: f64 = 10.0;
/// "Not in the list" must not be mistaken for any tier.
const NO_TIER_MIN_DELTA_E: f64 = 12.0;

#[test]
fn ciede2000_matches_the_published_test_data() {
    // Sharma, Wu & Dalal (2005), table 1, pairs 1, 7, 17 and 25.
    let cases = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644),
    ];
    for (a, b, expected) in cases {
        let d = ciede2000(a, b);
        assert!((d - expected).abs() < 1e-3, "{a:?} {b:?}: {d} vs {expected}");
    }
    // The simulation keeps greys grey and a white white.
    for (name, m) in VISIONS {
        let white = lab(RGBColor(255, 255, 255), &m);
        assert!((white[0] - 100.0).abs() < 0.5 && white[1].abs() < 1.5 && white[2].abs() < 1.5, "{name}: {white:?}");
    }
}

#[test]
fn simulated_deficiencies_do_collapse_red_and_green() {
    // The check can fail: a pure red and a green of similar lightness are far apart for a
    // typical reader and close for a deuteranope or protanope.
    let (red, green) = (RGBColor(200, 60, 40), RGBColor(100, 110, 30));
    let typical = ciede2000(lab(red, &IDENTITY), lab(green, &IDENTITY));
    let deutan = ciede2000(lab(red, &DEUTERANOPIA), lab(green, &DEUTERANOPIA));
    let protan = ciede2000(lab(red, &PROTANOPIA), lab(green, &PROTANOPIA));
    assert!(typical > 40.0, "{typical}");
    assert!(deutan < TIER_MIN_DELTA_E && protan < TIER_MIN_DELTA_E, "deutan {deutan}, protan {protan}");
}

#[test]
fn tier_and_series_colours_stay_apart_for_common_colour_vision_deficiencies() {
    let tiers = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "special case"];
    let mut failures = Vec::new();
    for (theme, palette) in palettes() {
        let fills = palette.tier_fills.fills;
        let series: Vec<RGBColor> = (0..4).map(|i| palette.series(i)).collect();
        for (vision, m) in VISIONS {
            let (d, i, j) = closest_pair(&fills, &m);
            let none = fills
                .iter()
                .map(|f| ciede2000(lab(*f, &m), lab(palette.no_tier, &m)))
                .fold(f64::INFINITY, f64::min);
            let (ds, si, sj) = closest_pair(&series, &m);
            println!(
                "{theme:5} {vision:12} tiers closest ΔE00 {d:5.1} ({} / {}), tiers vs not listed {none:5.1}, series closest {ds:5.1} ({si}/{sj})",
                tiers[i], tiers[j]
            );
            if d < TIER_MIN_DELTA_E {
                failures.push(format!("{theme} {vision}: {} and {} are ΔE00 {d:.1} apart", tiers[i], tiers[j]));
            }
            if none < NO_TIER_MIN_DELTA_E {
                failures.push(format!("{theme} {vision}: a tier is ΔE00 {none:.1} from 'not in the list'"));
            }
            if ds < SERIES_MIN_DELTA_E {
                failures.push(format!("{theme} {vision}: series {si} and {sj} are ΔE00 {ds:.1} apart"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
