//! Colours for light and dark pages. Series colours keep at least 3:1 contrast against their
//! background and differ in lightness as well as hue, so they survive the common colour-vision
//! deficiencies; markers differ by shape too.

use plotters::style::RGBColor;

pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub guide: RGBColor,
    series: [RGBColor; 4],
}

impl Palette {
    pub fn series(&self, index: usize) -> RGBColor {
        self.series[index % self.series.len()]
    }
}

pub const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(26, 26, 26),
    muted: RGBColor(88, 88, 88),
    grid: RGBColor(226, 226, 226),
    guide: RGBColor(140, 140, 140),
    series: [RGBColor(0, 94, 184), RGBColor(196, 78, 0), RGBColor(0, 122, 94), RGBColor(166, 51, 125)],
};

pub const DARK: Palette = Palette {
    background: RGBColor(24, 26, 31),
    text: RGBColor(236, 236, 236),
    muted: RGBColor(176, 176, 176),
    grid: RGBColor(58, 61, 68),
    guide: RGBColor(150, 150, 150),
    series: [RGBColor(108, 178, 255), RGBColor(255, 158, 87), RGBColor(60, 207, 165), RGBColor(229, 140, 195)],
};

/// Fills for the tier segments of `tier-summary` (Tier 1, 2, 2 Watch List, 3, special case),
/// and the ink for the counts and hatching drawn on them. Segments also differ by hatching,
/// so the fills are never the only difference.
pub struct TierFills {
    pub fills: [RGBColor; 5],
    pub ink: RGBColor,
}

pub const TIER_FILLS_LIGHT: TierFills = TierFills {
    fills: [RGBColor(0, 90, 160), RGBColor(0, 118, 108), RGBColor(160, 82, 0), RGBColor(170, 30, 45), RGBColor(95, 95, 95)],
    ink: RGBColor(255, 255, 255),
};

pub const TIER_FILLS_DARK: TierFills = TierFills {
    fills: [
        RGBColor(110, 170, 255),
        RGBColor(80, 200, 180),
        RGBColor(240, 170, 70),
        RGBColor(255, 135, 135),
        RGBColor(185, 185, 185),
    ],
    ink: RGBColor(24, 26, 31),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn series_and_text_contrast_with_the_background() {
        for palette in [&LIGHT, &DARK] {
            for i in 0..4 {
                let c = contrast(palette.series(i), palette.background);
                assert!(c >= 3.0, "series {i}: {c:.2}");
            }
            assert!(contrast(palette.text, palette.background) >= 7.0);
            assert!(contrast(palette.muted, palette.background) >= 4.5);
        }
    }

    #[test]
    fn tier_fills_contrast_with_the_background_and_carry_their_ink() {
        for (palette, fills) in [(&LIGHT, &TIER_FILLS_LIGHT), (&DARK, &TIER_FILLS_DARK)] {
            for (i, fill) in fills.fills.iter().enumerate() {
                let c = contrast(*fill, palette.background);
                assert!(c >= 3.0, "tier fill {i} against the background: {c:.2}");
                let c = contrast(*fill, fills.ink);
                assert!(c >= 4.5, "count on tier fill {i}: {c:.2}");
            }
        }
    }
}
