//! Text placed by layout: lines at device-pixel positions, legends that flow and wrap, and the
//! wrapped title and subtitle every chart starts with. Widths come from [`super::measure`].

use crate::data::fold_name;
use super::line::metrics::{LABEL_FONT, LEGEND_GAP, LEGEND_ROW, LEGEND_SAMPLE, PAD, TITLE_FONT};
use super::measure::{self, Weight};

/// Line heights as multiples of their font size.
pub const TITLE_LINE: f64 = 1.3;
pub const SUBTITLE_LINE: f64 = 1.4;
/// A line of text, anchored at its top left, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x_dev: f64,
    pub y_dev: f64,
}

/// Spacing of a wrapped legend label's lines, as a multiple of the label font.
pub const LEGEND_LINE: f64 = 1.35;

/// A legend entry's place in a legend that flows left to right (device pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct LegendPlace {
    pub x_dev: f64,
    pub y_dev: f64,
    /// The sample, the widest line of the label and the gap after it.
    pub width_dev: f64,
    /// The label as drawn: one line, or more when the label alone is wider than a row.
    pub lines: Vec<String>,
}

impl LegendPlace {
    /// From the entry's top to the next row's: a row, and a line more for each wrapped line.
    pub fn height_dev(&self, u: f64) -> f64 {
        (LEGEND_ROW + self.lines.len().saturating_sub(1) as f64 * LEGEND_LINE * LABEL_FONT) * u
    }
}

/// Places legend entries, each a sample then its label, left to right, starting a row where
/// the next would cross the right padding. A label too long for a row of its own is wrapped at
/// spaces (on a phone, Spanish's "Valor corregido (pase el puntero…)" ran off the canvas).
pub struct LegendFlow {
    u: f64,
    right: f64,
    x: f64,
    y: f64,
    bottom: f64,
}

impl LegendFlow {
    /// A legend across `width` (device pixels) whose first row starts at `top`.
    pub fn new(width: f64, u: f64, top: f64) -> LegendFlow {
        LegendFlow { u, right: width - PAD * u, x: PAD * u, y: top, bottom: top }
    }

    /// The next entry's place.
    pub fn place(&mut self, label: &str) -> LegendPlace {
        let (u, left) = (self.u, PAD * self.u);
        let font = LABEL_FONT * u;
        let sample = LEGEND_SAMPLE * u;
        let lines = if !measure::within(sample + measure::width(label, font, Weight::Regular), self.right - left) {
            measure::wrap(label, self.right - left - sample, font, Weight::Regular)
        } else {
            vec![label.to_owned()]
        };
        let w = sample + measure::widest(&lines, font, Weight::Regular) + LEGEND_GAP * u;
        if self.x + w > self.right && self.x > left {
            self.x = left;
            self.y = self.bottom;
        }
        let place = LegendPlace { x_dev: self.x, y_dev: self.y, width_dev: w, lines };
        self.bottom = self.bottom.max(self.y + place.height_dev(u));
        self.x += w;
        place
    }

    /// Where the legend ends: under its last row, or at its top when it has no entry.
    pub fn bottom(&self) -> f64 {
        self.bottom
    }
}

/// `text` cut to `max_chars` characters, ending in "…" when cut: for text read outside the
/// canvas (a readout), where characters, not pixels, are what a reader takes in.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    if max_chars == 0 {
        return String::new();
    }
    text.chars().take(max_chars - 1).chain(Some('…')).collect()
}

/// A chart's title and subtitle wrapped to the width (device pixels) from the top-left
/// padding, and the y where the subtitle ends.
pub fn heading(title: &str, subtitle: &str, width_dev: f64, u: f64) -> (Vec<TextLine>, Vec<TextLine>, f64) {
    let text_width = (width_dev - 2.0 * PAD * u).max(0.0);
    let mut y = PAD * u;
    let mut lines = |text: &str, font: f64, weight: Weight, step: f64| -> Vec<TextLine> {
        let wrapped = measure::wrap(text, text_width, font, weight);
        let mut lines = Vec::with_capacity(wrapped.len());
        for text in wrapped {
            lines.push(TextLine { text, x_dev: PAD * u, y_dev: y });
            y += step;
        }
        lines
    };
    let title = lines(title, TITLE_FONT * u, Weight::Bold, TITLE_FONT * TITLE_LINE * u);
    let subtitle = lines(subtitle, LABEL_FONT * u, Weight::Regular, LABEL_FONT * SUBTITLE_LINE * u);
    (title, subtitle, y)
}

/// Type-ahead over named items, each given as its names with the one shown first (then
/// codes and aliases): the first item one of whose names `typed` spells out whole, else the
/// first whose shown name starts with it, else the first with any name that does. Case,
/// accents and runs of spaces are ignored; nothing typed finds nothing.
pub fn first_named<S: AsRef<str>>(typed: &str, items: &[Vec<S>]) -> Option<usize> {
    let folded = typed_form(typed);
    if folded.is_empty() {
        return None;
    }
    let starts = |name: &S| typed_form(name.as_ref()).starts_with(&folded);
    items
        .iter()
        .position(|names| names.iter().any(|n| typed_form(n.as_ref()) == folded))
        .or_else(|| items.iter().position(|names| names.first().is_some_and(starts)))
        .or_else(|| items.iter().position(|names| names.iter().any(starts)))
}

/// A name as type-ahead compares it: folded ([`fold_name`]), with the accented Latin letters
/// the three languages write as their plain letters, so "tunez" finds "Túnez" and "etats"
/// "États-Unis": not every reader's keyboard types accents.
fn typed_form(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    for c in fold_name(name).chars() {
        match c {
            'à'..='å' => plain.push('a'),
            'æ' => plain.push_str("ae"),
            'ç' => plain.push('c'),
            'è'..='ë' => plain.push('e'),
            'ì'..='ï' => plain.push('i'),
            'ñ' => plain.push('n'),
            'ò'..='ö' | 'ø' => plain.push('o'),
            'œ' => plain.push_str("oe"),
            'ù'..='ü' => plain.push('u'),
            'ý' | 'ÿ' => plain.push('y'),
            _ => plain.push(c),
        }
    }
    plain
}

/// The text with its first letter in capitals, for a phrase of ours that starts a sentence.
/// ASCII only: our phrases start with an ASCII letter, and full case mapping
/// (`char::to_uppercase`) would add its 12 KB table to the wasm.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}

/// The first sentences of a chart's summary: its title, then its subtitle as a sentence.
pub fn summary_opening(title: &str, subtitle: &str) -> String {
    format!("{title}. {}.", subtitle.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_ahead_prefers_a_whole_name_then_the_shown_name_then_any_name() {
        let items = vec![vec!["Niger", "NER"], vec!["Nigeria", "NGA"], vec!["Türkiye", "TUR", "Turkey"]];
        assert_eq!(first_named("niger", &items), Some(0));
        assert_eq!(first_named("NIGERI", &items), Some(1));
        assert_eq!(first_named("nga", &items), Some(1));
        assert_eq!(first_named("turk", &items), Some(2), "by the alias");
        assert_eq!(first_named("n", &items), Some(0));
        assert_eq!(first_named("  ", &items), None);
        assert_eq!(first_named("x", &items), None);
    }

    #[test]
    fn type_ahead_finds_accented_names_typed_without_their_accents_and_with_them() {
        let items = vec![vec!["Túnez", "TUN", "Tunisia"], vec!["États-Unis", "USA"], vec!["Hémisphère occidental"], vec!["Curaçao"]];
        assert_eq!(first_named("tunez", &items), Some(0));
        assert_eq!(first_named("TÚN", &items), Some(0));
        assert_eq!(first_named("etats", &items), Some(1));
        assert_eq!(first_named("hemi", &items), Some(2));
        assert_eq!(first_named("curacao", &items), Some(3));
        assert_eq!(first_named("Curaçao", &items), Some(3), "a whole name typed with its accents");
    }

    #[test]
    fn the_heading_wraps_and_says_where_it_ends() {
        let (title, subtitle, bottom) = heading("Title", "one two three four five six seven", 200.0, 1.0);
        assert_eq!(title.len(), 1);
        assert!(subtitle.len() > 1, "{subtitle:?}");
        let last = subtitle.last().unwrap();
        assert!((bottom - (last.y_dev + LABEL_FONT * SUBTITLE_LINE)).abs() < 1e-9);
        assert!(subtitle.iter().all(|l| measure::width(&l.text, LABEL_FONT, Weight::Regular) <= 200.0 - 2.0 * PAD));
    }
}
