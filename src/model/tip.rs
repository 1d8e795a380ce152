//! Where a readout's tooltip goes, worked out from its text before it is shown, so the
//! pointer's handler reads no size from the page (that would force a layout on every move).
//!
//! The tooltip sits beside the pointer when it fits there at a readable width; a long readout
//! (a region's 24 countries) widens, up to [`WIDEST`], to stay within a short chart. Where
//! neither side has the room (the middle of a phone-sized chart) it spans the chart above or
//! below the pointer instead of becoming a narrow column taller than the chart. The height is
//! estimated with the widget's measured text widths ([`measure`]); the loader's flex spacers
//! still keep the real box inside the chart if the estimate is off. A list of names with no
//! room on screen anywhere is cut to the names that fit and "… and N more".

use super::figure::NameList;
use super::measure::{self, Weight};
use crate::i18n::Lang;

/// The tooltip's CSS (`.tip` in the loader): 12 px text, a 13 px bold heading, line height
/// 1.4, 6 px by 8 px padding inside a 1 px border, the source 4 px below the values.
const TEXT_PX: f64 = 12.0;
const HEADING_PX: f64 = 13.0;
const LINE_HEIGHT: f64 = 1.4;
const PAD_X: f64 = 8.0;
const PAD_Y: f64 = 6.0;
const BORDER: f64 = 1.0;
const SOURCE_GAP: f64 = 4.0;

/// The usual widest tooltip, and the widest a long one grows to (about 100 characters a line).
pub const USUAL: f64 = 320.0;
pub const WIDEST: f64 = 640.0;
const WIDTH_STEP: f64 = 80.0;
/// Narrower than this beside the pointer, a readout of more than a few lines goes above or
/// below instead: a column of two or three words a line is hard to read.
const NARROWEST_BESIDE: f64 = 240.0;
const FEW_LINES_HEIGHT: f64 = 6.0 * TEXT_PX * LINE_HEIGHT;
/// Never narrower than this, even where the room is less (it then covers the pointer).
const NARROWEST: f64 = 120.0;
/// The gaps between the pointer and the tooltip, as the loader has always kept them: 12 px
/// beside it, the top 8 px above it; above or below, 12 px clear of it.
const GAP_BESIDE: f64 = 12.0;
const RAISE: f64 = 8.0;
const GAP_STACKED: f64 = 12.0;

/// The tooltip's text as the loader shows it.
pub struct TipText<'a> {
    pub heading: &'a str,
    pub values: &'a [String],
    /// The source line ("Source: …"), if any.
    pub source: Option<&'a str>,
    /// The value that lists names, which may be cut where the whole readout fits nowhere.
    pub list: Option<&'a NameList>,
    pub lang: Lang,
    /// The hovered item's rows (top, bottom) in the zone, where it is a bar, a row or a cell:
    /// a tooltip above or below the pointer leaves them in sight.
    pub item_rows: Option<(f64, f64)>,
}

/// Where the tooltip goes in its zone (the chart's area, `zone_width` × `zone_height`), as
/// CSS insets: `left` or `right` from the zone's edges, `top` or `bottom`; at most `width`
/// wide (the text wraps). The loader's spacers shrink an inset that would push it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TipPlace {
    pub left: Option<f64>,
    pub right: Option<f64>,
    pub top: Option<f64>,
    pub bottom: Option<f64>,
    pub width: f64,
    /// The estimated height at that width.
    pub height: f64,
    /// How many of the listed names it shows, where it cannot show them all.
    pub names_shown: Option<usize>,
}

impl TipPlace {
    /// Where the tooltip is estimated to be in a zone `zone_width` × `zone_height`, as
    /// [left, top, right, bottom]: at its widest, pushed inside the zone as the loader's
    /// spacers push it.
    pub fn rect(&self, zone_width: f64, zone_height: f64) -> [f64; 4] {
        let left = match (self.left, self.right) {
            (Some(left), _) => left,
            (None, Some(right)) => zone_width - right - self.width,
            (None, None) => 0.0,
        };
        let top = match (self.top, self.bottom) {
            (Some(top), _) => top,
            (None, Some(bottom)) => zone_height - bottom - self.height,
            (None, None) => 0.0,
        };
        let left = left.min(zone_width - self.width).max(0.0);
        let top = top.min(zone_height - self.height).max(0.0);
        [left, top, left + self.width, top + self.height]
    }
}

/// The tooltip's height at `width` (its border box), by the widths layout measures text by.
pub fn height(text: &TipText, width: f64) -> f64 {
    let room = (width - 2.0 * (PAD_X + BORDER)).max(1.0);
    let lines = |s: &str, px: f64, weight: Weight| measure::wrap(s, room, px, weight).len().max(1) as f64;
    let mut h = 2.0 * (PAD_Y + BORDER) + lines(text.heading, HEADING_PX, Weight::Bold) * HEADING_PX * LINE_HEIGHT;
    for value in text.values {
        h += lines(value, TEXT_PX, Weight::Regular) * TEXT_PX * LINE_HEIGHT;
    }
    if let Some(source) = text.source {
        h += SOURCE_GAP + lines(source, TEXT_PX, Weight::Regular) * TEXT_PX * LINE_HEIGHT;
    }
    h
}

/// The estimate runs high: the browser also breaks lines at hyphens and slashes, and the
/// measured widths carry a margin. A tooltip is taken to fit a room this much smaller than its
/// estimate (the loader's spacers still keep a taller one inside the chart).
const ESTIMATE_SLACK: f64 = 0.94;

/// The narrowest width that keeps the tooltip within `height_room`, with its height: the usual
/// width (or `most`, if less), then wider by steps up to `most`.
fn fitting(text: &TipText, most: f64, height_room: f64) -> Option<(f64, f64)> {
    let most = most.max(NARROWEST);
    let mut w = USUAL.min(most);
    loop {
        let h = height(text, w);
        if h * ESTIMATE_SLACK <= height_room {
            return Some((w, h));
        }
        if w >= most {
            return None;
        }
        w = (w + WIDTH_STEP).min(most);
    }
}

/// The most names of `list` that keep `text` within `height_room` at `width` (or [`WIDEST`])
/// with "… and N more" after them, with the height; at least one name, and `None` for a list
/// of one name, which there is nothing to cut from.
fn names_that_fit(text: &TipText, list: &NameList, width: f64, height_room: f64) -> Option<(usize, f64)> {
    let width = width.min(WIDEST);
    let height_with = |shown: usize| {
        let values = list.shortened(text.values, shown, text.lang);
        height(&TipText { values: &values, ..*text }, width)
    };
    // Binary search: the height grows with the names shown. No slack here: a list cut to fit
    // the window should not then run past it.
    let (mut fits, mut too_many) = (1, list.names.len());
    if too_many <= fits {
        return None;
    }
    while too_many - fits > 1 {
        let mid = (fits + too_many) / 2;
        if height_with(mid) <= height_room { fits = mid } else { too_many = mid }
    }
    Some((fits, height_with(fits)))
}

/// The least part of the zone worth placing in: a window showing less of the chart than this
/// is ignored.
const LEAST_VISIBLE: f64 = 80.0;

/// Places `text` for a pointer at (`x`, `y`) in a zone `zone_width` × `zone_height`, of which
/// the rows `visible` (top, bottom) are on screen: a chart scrolled half out of the window
/// gets its tooltip where it can be read.
pub fn place(text: &TipText, zone_width: f64, zone_height: f64, visible: (f64, f64), x: f64, y: f64) -> TipPlace {
    let (top_edge, bottom_edge) = {
        let (top, bottom) = (visible.0.max(0.0), visible.1.min(zone_height));
        if bottom - top >= LEAST_VISIBLE.min(zone_height) { (top, bottom) } else { (0.0, zone_height) }
    };
    let mut place = TipPlace { left: None, right: None, top: None, bottom: None, width: 0.0, height: 0.0, names_shown: None };
    let room_right = zone_width - (x + GAP_BESIDE);
    let room_left = x - GAP_BESIDE;
    // Beside the pointer, the side with more room first (and the right whenever it holds the
    // usual width): the first side where it fits at a readable width, or short enough for
    // the width not to matter; else the first where it fits at all, kept in case nothing else
    // does.
    let right_first = room_right >= USUAL || room_right >= room_left;
    let sides = if right_first { [(true, room_right), (false, room_left)] } else { [(false, room_left), (true, room_right)] };
    let mut beside = None;
    let mut beside_readable = false;
    for &(right, room) in &sides {
        if let Some((w, h)) = fitting(text, room.min(WIDEST), bottom_edge - top_edge) {
            beside_readable = w >= NARROWEST_BESIDE || h <= FEW_LINES_HEIGHT;
            if beside_readable || beside.is_none() {
                beside = Some((right, w, h));
            }
            if beside_readable {
                break;
            }
        }
    }
    // Otherwise above or below the pointer, across the chart, on the side with more room (what
    // does not fit there fits nowhere); then narrow beside it; and with no room anywhere, from
    // the chart's top over the pointer at the narrowest width that fits its height (else the
    // widest, its list of names cut to fit). Above or below, it keeps clear of the item's rows,
    // not only of the pointer: 12 px under a pointer near the top of a row covered the row's
    // lower half (a phone's bar chart). An item taller than a third of the chart is kept clear
    // of the pointer only.
    let (clear_top, clear_bottom) = match text.item_rows {
        Some((top, bottom)) if bottom - top <= zone_height / 3.0 => (y.min(top), y.max(bottom)),
        _ => (y, y),
    };
    let room_above = clear_top - GAP_STACKED - top_edge;
    let room_below = bottom_edge - (clear_bottom + GAP_STACKED);
    let above = room_above >= room_below;
    let stacked = if beside_readable {
        None
    } else {
        fitting(text, zone_width.min(WIDEST), room_above.max(room_below)).map(|(w, h)| (above, w, h))
    };
    if let (Some((right, w, h)), None) = (beside, stacked) {
        if right {
            place.left = Some(x + GAP_BESIDE);
        } else {
            place.right = Some(zone_width - (x - GAP_BESIDE));
        }
        // Against the chart's bottom the loader's spacers push it up by its real height; only a
        // window's bottom edge above the chart's needs the estimate.
        let top = (y - RAISE).max(top_edge);
        place.top = Some(if bottom_edge < zone_height { top.min(bottom_edge - h).max(top_edge) } else { top });
        place.width = w;
        place.height = h;
        return place;
    }
    let (w, h) = match stacked {
        Some((above, w, h)) => {
            if above {
                place.bottom = Some(zone_height - (clear_top - GAP_STACKED));
            } else {
                place.top = Some(clear_bottom + GAP_STACKED);
            }
            (w, h)
        }
        None => {
            place.top = Some(top_edge);
            let widest = zone_width.max(NARROWEST);
            let room = bottom_edge - top_edge;
            match fitting(text, widest, room) {
                Some(fits) => fits,
                None => match text.list.and_then(|list| names_that_fit(text, list, widest, room)) {
                    Some((shown, h)) => {
                        place.names_shown = Some(shown);
                        (widest.min(WIDEST), h)
                    }
                    None => (widest, height(text, widest)),
                },
            }
        }
    };
    place.left = Some((x - w / 2.0).clamp(0.0, (zone_width - w).max(0.0)));
    place.width = w;
    place.height = h;
    place
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::measure::tests::dejavu;

    /// A tier summary's readout: the count, then the names.
    fn names(n: usize) -> Vec<String> {
        let all = ["Albania", "Armenia", "Azerbaijan", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Greece", "Hungary"];
        let list: Vec<&str> = (0..n).map(|i| all[i % all.len()]).collect();
        vec![format!("{n} of the 45 countries placed in Europe"), list.join(", ")]
    }

    fn text_of<'a>(values: &'a [String], source: Option<&'a str>) -> TipText<'a> {
        TipText { heading: "Europe, 2025: Tier 2", values, source, list: None, lang: Lang::En, item_rows: None }
    }

    /// The whole zone on screen.
    const ALL: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);

    const SOURCE: &str = "Source: 2025 TIP Report, 001_bb56f66af96aedbd.txt lines 625, 627, 629, 631, 633";

    #[test]
    fn a_short_readout_sits_beside_the_pointer_at_the_usual_width() {
        measure::using(dejavu(), || {
            let values = vec!["Prosecutions: 12,345".to_owned(), "Convictions: 6,789".to_owned()];
            let text = text_of(&values, Some(SOURCE));
            let at_left = place(&text, 900.0, 400.0, ALL, 100.0, 200.0);
            assert_eq!((at_left.left, at_left.top, at_left.width), (Some(112.0), Some(192.0), USUAL));
            // Near the right edge it goes left of the pointer, 12 px clear.
            let at_right = place(&text, 900.0, 400.0, ALL, 800.0, 200.0);
            assert_eq!((at_right.left, at_right.right, at_right.width), (None, Some(112.0), USUAL));
        });
    }

    #[test]
    fn a_long_list_widens_to_fit_a_short_chart_instead_of_being_cut() {
        measure::using(dejavu(), || {
            // The Europe tier summary at 1280 px: a 139 px zone, 24 names.
            let values = names(24);
            let text = text_of(&values, Some(SOURCE));
            assert!(height(&text, USUAL) > 139.0, "at the usual width it is taller than the chart");
            let placed = place(&text, 1270.0, 139.0, ALL, 870.0, 118.0);
            assert!(placed.width > USUAL && placed.width <= WIDEST, "{placed:?}");
            assert!(placed.height <= 139.0, "{placed:?}");
            // Beside the pointer, on whichever side has the room.
            let clear_of_pointer = match (placed.left, placed.right) {
                (Some(left), None) => left >= 870.0 + GAP_BESIDE && left + placed.width <= 1270.0,
                (None, Some(right)) => 1270.0 - right <= 870.0 - GAP_BESIDE && 1270.0 - right - placed.width >= 0.0,
                _ => false,
            };
            assert!(clear_of_pointer, "{placed:?}");
        });
    }

    #[test]
    fn mid_chart_on_a_phone_a_long_readout_spans_the_chart_clear_of_the_pointer() {
        measure::using(dejavu(), || {
            let values = names(24);
            let text = text_of(&values, Some(SOURCE));
            // 390 px phone: a 380 px zone, pointer in the middle, low in the chart.
            let placed = place(&text, 380.0, 420.0, ALL, 190.0, 380.0);
            assert!(placed.width >= 300.0, "not a narrow column: {placed:?}");
            assert_eq!(placed.top, None);
            let bottom_edge = 420.0 - placed.bottom.unwrap();
            assert!(bottom_edge <= 380.0 - GAP_STACKED, "above the pointer: {placed:?}");
            assert!(bottom_edge - placed.height >= 0.0, "inside the chart: {placed:?}");
            // High in the chart it goes below.
            let placed = place(&text, 380.0, 420.0, ALL, 190.0, 40.0);
            assert_eq!(placed.top, Some(40.0 + GAP_STACKED));
            assert!(placed.top.unwrap() + placed.height <= 420.0, "{placed:?}");
            // A short readout stays beside, narrow as the room is.
            let values = vec!["Tier 1".to_owned()];
            let short = text_of(&values, None);
            let placed = place(&short, 380.0, 420.0, ALL, 190.0, 200.0);
            assert!(placed.top == Some(192.0) && placed.width < NARROWEST_BESIDE, "{placed:?}");
        });
    }

    #[test]
    fn above_or_below_the_pointer_it_leaves_the_hovered_row_in_sight() {
        measure::using(dejavu(), || {
            let values = names(24);
            // A phone's bar chart: the pointer near the top of a 24 px row (300 to 324), high in
            // the chart, so the readout goes below: below the row, not 12 px under the pointer.
            let row = TipText { item_rows: Some((300.0, 324.0)), ..text_of(&values, Some(SOURCE)) };
            let placed = place(&row, 380.0, 1200.0, ALL, 190.0, 302.0);
            assert_eq!(placed.top, Some(324.0 + GAP_STACKED), "{placed:?}");
            // Low in the chart it goes above the row's top.
            let placed = place(&row, 380.0, 400.0, ALL, 190.0, 322.0);
            assert_eq!(placed.bottom, Some(400.0 - (300.0 - GAP_STACKED)), "{placed:?}");
            // An item taller than a third of the chart is only kept clear of the pointer.
            let column = TipText { item_rows: Some((0.0, 1200.0)), ..text_of(&values, Some(SOURCE)) };
            assert_eq!(place(&column, 380.0, 1200.0, ALL, 190.0, 302.0).top, Some(302.0 + GAP_STACKED));
        });
    }

    #[test]
    fn a_chart_scrolled_half_out_of_the_window_gets_its_tooltip_on_screen() {
        measure::using(dejavu(), || {
            let values = names(24);
            let text = text_of(&values, Some(SOURCE));
            // A phone: the pointer low in a 600 px chart would put the readout above it...
            let whole = place(&text, 380.0, 600.0, ALL, 190.0, 420.0);
            assert!(whole.bottom.is_some(), "{whole:?}");
            // ...but the chart's top 300 px are scrolled out of the window: it goes below.
            let scrolled = place(&text, 380.0, 600.0, (300.0, 900.0), 190.0, 420.0);
            assert_eq!(scrolled.top, Some(420.0 + GAP_STACKED), "{scrolled:?}");
            // Beside the pointer it stays inside what is shown too.
            let values = vec!["Prosecutions: 12,345".to_owned(), "Convictions: 6,789".to_owned()];
            let short = text_of(&values, Some(SOURCE));
            let beside = place(&short, 900.0, 600.0, (0.0, 300.0), 100.0, 290.0);
            assert!(beside.top.unwrap() + beside.height <= 300.0, "{beside:?}");
            // A sliver on screen is ignored.
            assert_eq!(place(&short, 900.0, 600.0, (580.0, 600.0), 100.0, 290.0), place(&short, 900.0, 600.0, ALL, 100.0, 290.0));
        });
    }

    #[test]
    fn the_estimated_box_is_where_the_insets_put_it() {
        let placed = TipPlace { left: None, right: Some(100.0), top: None, bottom: Some(50.0), width: 300.0, height: 120.0, names_shown: None };
        assert_eq!(placed.rect(900.0, 400.0), [500.0, 230.0, 800.0, 350.0]);
        // Pushed inside the zone, as the spacers push it.
        let placed = TipPlace { left: Some(700.0), right: None, top: Some(350.0), bottom: None, width: 300.0, height: 120.0, names_shown: None };
        assert_eq!(placed.rect(900.0, 400.0), [600.0, 280.0, 900.0, 400.0]);
    }

    #[test]
    fn with_no_room_anywhere_it_covers_the_pointer_from_the_top_rather_than_run_off() {
        measure::using(dejavu(), || {
            let values = names(40);
            let text = text_of(&values, Some(SOURCE));
            let placed = place(&text, 380.0, 240.0, ALL, 190.0, 120.0);
            assert_eq!(placed.top, Some(0.0));
            assert!(placed.left.unwrap() >= 0.0 && placed.left.unwrap() + placed.width <= 380.0, "{placed:?}");
        });
    }

    #[test]
    fn a_list_too_long_for_the_screen_shows_the_names_that_fit_and_how_many_more() {
        measure::using(dejavu(), || {
            // A tier-changes band of some 90 countries on a 320 px phone: 568 px of a 955 px
            // chart on screen.
            let all = ["Albania", "Argentina", "Bosnia and Herzegovina", "Congo, Republic of", "Ecuador", "Greece"];
            let names: Vec<&str> = (0..98).map(|i| all[i % all.len()]).collect();
            let list = NameList::new(1, &names);
            let values = vec!["98 countries stayed".to_owned(), crate::i18n::name_list(&names)];
            let text = TipText { list: Some(&list), ..text_of(&values, Some(SOURCE)) };
            let visible = (200.0, 768.0);
            assert!(height(&text, 310.0) > 568.0, "whole, it is taller than the window");
            let placed = place(&text, 310.0, 955.0, visible, 150.0, 400.0);
            let shown = placed.names_shown.expect("cut");
            assert!(shown > 10 && shown < 98, "{placed:?}");
            assert_eq!(placed.top, Some(200.0), "{placed:?}");
            assert!(placed.height <= 568.0, "{placed:?}");
            let cut = list.shortened(&values, shown, Lang::En);
            assert!(cut[1].starts_with("Albania; Argentina; Bosnia and Herzegovina; Congo, Republic of; "), "{}", cut[1]);
            assert!(cut[1].ends_with(&format!(" … and {}\u{a0}more", 98 - shown)), "{}", cut[1]);
            // One more name would not have fitted.
            let more = list.shortened(&values, shown + 1, Lang::En);
            assert!(height(&TipText { values: &more, ..text }, placed.width) > 568.0);
            // With the whole chart on screen and room to spare, the list stays whole.
            let tall = place(&text, 310.0, 1400.0, ALL, 150.0, 40.0);
            assert_eq!(tall.names_shown, None, "{tall:?}");
            // Without a list to cut, it stays whole and runs past the window, as before.
            let plain = TipText { list: None, ..text };
            assert_eq!(place(&plain, 310.0, 955.0, visible, 150.0, 400.0).names_shown, None);
        });
    }

    #[test]
    fn a_cut_list_says_how_many_more_in_the_readers_language() {
        let list = NameList::new(1, &["Albania", "Armenia", "Azerbaijan"]);
        let values = vec!["3".to_owned(), "Albania, Armenia, Azerbaijan".to_owned(), "note".to_owned()];
        assert_eq!(list.shortened(&values, 1, Lang::En), ["3", "Albania … and 2\u{a0}more", "note"]);
        assert_eq!(list.shortened(&values, 2, Lang::Fr)[1], "Albania, Armenia … et 1\u{a0}autre");
        assert_eq!(list.shortened(&values, 1, Lang::Fr)[1], "Albania … et 2\u{a0}autres");
        assert_eq!(list.shortened(&values, 2, Lang::Es)[1], "Albania, Armenia … y 1\u{a0}más");
    }

    #[test]
    fn the_estimate_grows_with_the_text_and_shrinks_with_the_width() {
        measure::using(dejavu(), || {
            let short = names(4);
            let long = names(24);
            assert!(height(&text_of(&long, None), 320.0) > height(&text_of(&short, None), 320.0));
            assert!(height(&text_of(&long, None), 640.0) < height(&text_of(&long, None), 320.0));
            // One line of heading and one of value: padding, border and two line heights.
            let one = vec!["Tier 1".to_owned()];
            let h = height(&TipText { heading: "2025", values: &one, source: None, list: None, lang: Lang::En, item_rows: None }, 320.0);
            assert!((h - (14.0 + 13.0 * 1.4 + 12.0 * 1.4)).abs() < 1e-9, "{h}");
        });
    }
}
