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
    /// Tier fills for every tier chart, with the ink for counts and patterns drawn on them.
    pub tier_fills: TierFills,
    /// Countries not in an edition's list: close to the background on purpose, and plain.
    pub no_tier: RGBColor,
}

impl Palette {
    /// The tier map's fill for a tier, or for a country the edition does not place.
    pub fn tier(&self, tier: Option<crate::data::Tier>) -> RGBColor {
        use crate::data::Tier;
        match tier {
            Some(Tier::One) => self.tier_fills.fills[0],
            Some(Tier::Two) => self.tier_fills.fills[1],
            Some(Tier::WatchList) => self.tier_fills.fills[2],
            Some(Tier::Three) => self.tier_fills.fills[3],
            Some(Tier::Special) => self.tier_fills.fills[4],
            None => self.no_tier,
        }
    }

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
    tier_fills: TIER_FILLS_LIGHT,
    no_tier: RGBColor(222, 222, 222),
};

pub const DARK: Palette = Palette {
    background: RGBColor(24, 26, 31),
    text: RGBColor(236, 236, 236),
    muted: RGBColor(176, 176, 176),
    grid: RGBColor(58, 61, 68),
    guide: RGBColor(150, 150, 150),
    series: [RGBColor(108, 171, 255), RGBColor(255, 158, 87), RGBColor(60, 218, 163), RGBColor(203, 148, 191)],
    tier_fills: TIER_FILLS_DARK,
    no_tier: RGBColor(70, 73, 80),
};

/// Fills for tiers (Tier 1, 2, 2 Watch List, 3, special case, in `Tier::ALL` order) in the
/// map and the stacked bars, and the ink for counts and hatching drawn on them. Tiers also
/// differ by pattern, so the fills are never the only difference. The fills were chosen (by a
/// search close to the earlier blue, teal, amber, red and grey) so that every pair stays at
/// least ΔE00 15 apart for typical vision and simulated protanopia, deuteranopia and
/// tritanopia; `theme/vision.rs` holds the check.
pub struct TierFills {
    pub fills: [RGBColor; 5],
    pub ink: RGBColor,
}

impl TierFills {
    /// The fill of a category (a tier's position in `Tier::ALL`); past the end, the last.
    pub fn fill(&self, category: usize) -> RGBColor {
        self.fills[category.min(self.fills.len() - 1)]
    }
}

const TIER_FILLS_LIGHT: TierFills = TierFills {
    fills: [RGBColor(1, 106, 179), RGBColor(0, 69, 95), RGBColor(161, 105, 1), RGBColor(154, 7, 39), RGBColor(95, 95, 95)],
    ink: RGBColor(255, 255, 255),
};

const TIER_FILLS_DARK: TierFills = TierFills {
    fills: [
        RGBColor(109, 136, 255),
        RGBColor(80, 207, 245),
        RGBColor(246, 178, 70),
        RGBColor(254, 97, 126),
        RGBColor(185, 185, 185),
    ],
    ink: RGBColor(24, 26, 31),
};

#[cfg(test)]
mod tests {
    use super::*;

    use super::vision::contrast;

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

    #[test]
    fn tier_fills_contrast_with_the_background_and_differ_from_no_tier() {
        use crate::data::Tier;
        for palette in [&LIGHT, &DARK] {
            for &tier in Tier::ALL {
                let fill = palette.tier(Some(tier));
                let c = contrast(fill, palette.background);
                assert!(c >= 3.0, "{tier:?}: {c:.2}");
                // A tier never looks like "not in the list".
                assert!(contrast(fill, palette.no_tier) >= 2.0, "{tier:?} vs no tier");
            }
            // "Not in the list" is visible against the page, but quieter than any tier.
            let none = contrast(palette.no_tier, palette.background);
            assert!((1.2..3.0).contains(&none), "{none:.2}");
        }
    }
}

#[cfg(test)]
mod vision;
