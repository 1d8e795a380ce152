//! How wide a run of text is drawn, for layout: label columns, wrapped titles and legends,
//! labels cut with "…".
//!
//! Characters are grouped by how wide sans-serif faces draw them (spaces, narrow letters and
//! marks, wide letters, digits, other capitals, other small letters), and each group has one
//! advance as a share of the font size. Natively (unit and golden tests) every group is
//! estimated at 0.6 (bold 0.62). In the browser the loader lays out each group's sample in
//! the widget's own font and reads its width, so a label is cut or wrapped where it really
//! runs out of room, in whatever font the page gives the widget. A per-group average, not a
//! per-character table: measuring about 200 characters one by one on a canvas cost 10–20 ms
//! on a page's first chart; the dozen samples, laid out as text beside the canvas, a fraction
//! of a millisecond.
//!
//! Layout reads the widths of the widget being laid out: [`using`] sets them while it runs.

use super::line::metrics::{LABEL_FONT, TITLE_FONT};
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// The characters the browser measures for each group, in group order. Characters outside
/// the samples are grouped by kind: digits, capitals and small letters (Latin-1's accented
/// letters with them); anything else counts as wide.
pub const SAMPLES: [&str; GROUPS] = [" ", "ijlftrI.,:;'!|()-/", "mwMW@%\u{2014}", "0123456789", "ABCDEFGHJKLNOPQRSTUVXYZ", "abcdeghknopqsuvxyz"];
const GROUPS: usize = 6;
const SPACE: usize = 0;
const NARROW: usize = 1;
const WIDE: usize = 2;
const DIGIT: usize = 3;
const CAPITAL: usize = 4;
const SMALL: usize = 5;

/// The estimate before anything is measured: an average advance for sans-serif text.
pub const ESTIMATE: f64 = 0.6;
/// Bold glyphs run wider.
pub const ESTIMATE_BOLD: f64 = 0.62;
/// Measured widths are averages over a group; a word of the group's wider letters runs
/// a few percent over them, so they are taken this much wider.
const MEASURED_MARGIN: f64 = 1.04;

/// The group a character's width is taken from (a test holds this to [`SAMPLES`]).
fn group_of(c: char) -> usize {
    match c {
        ' ' => SPACE,
        '0'..='9' => DIGIT,
        'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')' | '-' | '/' => NARROW,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '\u{2014}' => WIDE,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => CAPITAL,
        'a'..='z' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => SMALL,
        _ => WIDE,
    }
}

/// Advances of each group as a share of the font size, regular and bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextWidths {
    regular: [f64; GROUPS],
    bold: [f64; GROUPS],
}

impl Default for TextWidths {
    fn default() -> Self {
        TextWidths::ESTIMATED
    }
}

impl TextWidths {
    pub const ESTIMATED: TextWidths = TextWidths { regular: [ESTIMATE; GROUPS], bold: [ESTIMATE_BOLD; GROUPS] };

    /// From the browser's measurements: each sample's width in pixels, regular at
    /// `regular_px` and bold at `bold_px`. `None` unless every width is a finite, positive
    /// number of plausible size (a font that failed to load can measure 0).
    fn measured(regular: &[f64], regular_px: f64, bold: &[f64], bold_px: f64) -> Option<TextWidths> {
        Some(TextWidths { regular: per_em(regular, regular_px)?, bold: per_em(bold, bold_px)? })
    }

    /// From the loader's measurements: the samples regular at the label size, then bold at
    /// the title size (CSS pixels), as a page lays them out.
    pub fn laid_out(widths: &[f64]) -> Option<TextWidths> {
        if widths.len() != 2 * GROUPS {
            return None;
        }
        TextWidths::measured(&widths[..GROUPS], LABEL_FONT, &widths[GROUPS..], TITLE_FONT)
    }

    fn em(&self, c: char, weight: Weight) -> f64 {
        let groups = if weight == Weight::Bold { &self.bold } else { &self.regular };
        groups[group_of(c)]
    }
}

fn per_em(widths: &[f64], px: f64) -> Option<[f64; GROUPS]> {
    if widths.len() != GROUPS || !(px.is_finite() && px > 0.0) {
        return None;
    }
    let mut em = [0.0; GROUPS];
    for (g, sample) in SAMPLES.iter().enumerate() {
        let share = widths[g] / (sample.chars().count() as f64 * px);
        if !(0.05..=3.0).contains(&share) {
            return None;
        }
        em[g] = share * MEASURED_MARGIN;
    }
    Some(em)
}

thread_local! {
    static CURRENT: Cell<TextWidths> = const { Cell::new(TextWidths::ESTIMATED) };
}

/// Runs `f` with `widths` as the widths layout measures text by, then restores those before.
pub fn using<R>(widths: TextWidths, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(widths));
    let result = f();
    CURRENT.with(|c| c.set(before));
    result
}

/// The width of `text` drawn at `font_px` (any unit: the result is in the same).
pub fn width(text: &str, font_px: f64, weight: Weight) -> f64 {
    CURRENT.with(|c| {
        let widths = c.get();
        // Counted rather than summed for the estimate: n × 0.6 em, the figure layouts (and the
        // golden images) had before widths were measured, not a sum a rounding away from it.
        if widths == TextWidths::ESTIMATED {
            let per_char = if weight == Weight::Bold { ESTIMATE_BOLD } else { ESTIMATE };
            return text.chars().count() as f64 * per_char * font_px;
        }
        let mut em = 0.0;
        for ch in text.chars() {
            em += widths.em(ch, weight);
        }
        em * font_px
    })
}

/// The width of one small letter: what a column "n characters wide" is counted in.
pub fn letter(font_px: f64, weight: Weight) -> f64 {
    CURRENT.with(|c| c.get().em('n', weight)) * font_px
}

/// Whether a width fits in `room`. The tolerance keeps a column sized for a text exactly
/// from refusing that text over a rounding error.
pub fn within(text_width: f64, room: f64) -> bool {
    text_width <= room + 1e-6
}

/// `text` cut to fit `room`, ending in "…" when cut (nothing when not even that fits).
pub fn fit(text: &str, room: f64, font_px: f64, weight: Weight) -> String {
    if within(width(text, font_px, weight), room) {
        return text.to_owned();
    }
    let mark = width("…", font_px, weight);
    if !within(mark, room) {
        return String::new();
    }
    let mut cut = clip(text, room - mark, font_px, weight);
    cut.push('…');
    cut
}

/// The longest start of `text` that fits in `room`, without a mark (short labels beside a bar).
pub fn clip(text: &str, room: f64, font_px: f64, weight: Weight) -> String {
    let widths = CURRENT.with(Cell::get);
    let mut used = 0.0;
    let mut cut = String::new();
    for ch in text.chars() {
        used += widths.em(ch, weight) * font_px;
        if !within(used, room) {
            break;
        }
        cut.push(ch);
    }
    cut
}

/// Each of `texts` cut to fit `room` as [`fit`] cuts it, except that a text whose cut shows
/// no more than the start of another ("République de …" beside "République de Corée", for
/// Moldova) is cut in the middle instead, keeping its end ("Répu…Moldova").
pub fn fit_apart(texts: &[&str], room: f64, font_px: f64, weight: Weight) -> Vec<String> {
    let mut fitted = Vec::with_capacity(texts.len());
    for text in texts {
        fitted.push(fit(text, room, font_px, weight));
    }
    for (i, text) in texts.iter().enumerate() {
        if fitted[i] != *text && reads_as_another(&fitted[i], text, texts) {
            fitted[i] = fit_middle(text, room, font_px, weight);
        }
    }
    fitted
}

/// Whether what a cut text shows is the start of another, different text too.
pub fn reads_as_another(shown: &str, text: &str, texts: &[&str]) -> bool {
    let visible = shown.trim_end_matches('…').trim_end();
    texts.iter().any(|other| *other != text && other.starts_with(visible))
}

/// `text` cut in the middle to fit `room`: its start, "…", and its end, where names differ
/// ("République de Corée", "République de Moldova"). The end is the most whole words that
/// leave three letters for the start, else as many letters as 60% of the room holds.
fn fit_middle(text: &str, room: f64, font_px: f64, weight: Weight) -> String {
    let mark = width("…", font_px, weight);
    if !within(mark, room) {
        return String::new();
    }
    let words_room = room - mark - 3.0 * letter(font_px, weight);
    let mut end_start = text.len();
    for (i, _) in text.match_indices(' ').rev() {
        if !within(width(&text[i + 1..], font_px, weight), words_room) {
            break;
        }
        end_start = i + 1;
    }
    if end_start == text.len() {
        let widths = CURRENT.with(Cell::get);
        let end_room = (room - mark) * 0.6;
        let mut used = 0.0;
        for (i, ch) in text.char_indices().rev() {
            used += widths.em(ch, weight) * font_px;
            if !within(used, end_room) {
                break;
            }
            end_start = i;
        }
    }
    let end = &text[end_start..];
    let start = clip(&text[..end_start], room - mark - width(end, font_px, weight), font_px, weight);
    format!("{start}…{end}")
}

/// `text` in lines that fit `room`, broken at spaces; a word longer than a line gets a line
/// of its own.
pub fn wrap(text: &str, room: f64, font_px: f64, weight: Weight) -> Vec<String> {
    let space = width(" ", font_px, weight);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in unbreakable_words(text) {
        let word = word.as_str();
        let word_width = width(word, font_px, weight);
        if !line.is_empty() && !within(line_width + space + word_width, room) {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if !line.is_empty() {
            line.push(' ');
            line_width += space;
        }
        line.push_str(word);
        line_width += word_width;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text`'s words, with French spaced punctuation kept on the word before it (and « on the
/// word after it): a line never starts with ": Europe" or ends with "«".
fn unbreakable_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let glued_before = word.starts_with([':', ';', '?', '!', '»']);
        match words.last_mut() {
            Some(last) if glued_before || last.ends_with('«') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// The widest of `texts` at one font.
pub fn widest<S: AsRef<str>>(texts: &[S], font_px: f64, weight: Weight) -> f64 {
    let mut most = 0.0_f64;
    for text in texts {
        most = most.max(width(text.as_ref(), font_px, weight));
    }
    most
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// What DejaVu Sans (the font Debian's Chromium draws these charts in) measured for each
    /// sample, at 12 px regular and 15 px bold, in the e2e browser.
    pub fn dejavu() -> TextWidths {
        TextWidths::measured(&[3.81, 72.8, 79.13, 76.35, 183.9, 130.38], 12.0, &[5.22, 107.82, 105.99, 104.37, 257.35, 182.08], 15.0).unwrap()
    }

    #[test]
    fn french_spaced_punctuation_stays_with_its_word_when_text_wraps() {
        let title = "Catégories du Rapport TIP 2025 : Europe";
        for room in (60..400).step_by(5) {
            for line in wrap(title, room as f64, 12.0, Weight::Bold) {
                assert!(!line.starts_with(':'), "{room}: {line}");
            }
        }
        assert_eq!(wrap("« qqz » ne commence", 1.0, 12.0, Weight::Regular), ["« qqz »", "ne", "commence"]);
    }

    #[test]
    fn names_that_would_be_cut_alike_are_cut_in_the_middle() {
        let names = ["République de Corée", "République de Moldova", "République centrafricaine", "Malte"];
        for room in [100.0, 115.0] {
            let fitted = using(dejavu(), || fit_apart(&names, room, 12.0, Weight::Regular));
            assert_eq!(fitted[3], "Malte");
            for (name, shown) in names.iter().zip(&fitted) {
                assert!(using(dejavu(), || width(shown, 12.0, Weight::Regular)) <= room + 1e-6, "{shown}");
                assert!(!reads_as_another(shown, name, &names), "{room}: {shown} could be another of {names:?}");
            }
            assert!(fitted[1].ends_with("Moldova") && fitted[1].starts_with("Rép"), "{fitted:?}");
            // Cut from its end, Moldova would have shown no more than the start of Corée.
            let plain = using(dejavu(), || fit(names[1], room, 12.0, Weight::Regular));
            assert!(reads_as_another(&plain, names[1], &names), "{room}: {plain}");
        }
    }

    #[test]
    fn the_estimate_counts_characters() {
        assert!((width("Prosecutions", 12.0, Weight::Regular) - 12.0 * 0.6 * 12.0).abs() < 1e-9);
        assert!((width("Prosecutions", 15.0, Weight::Bold) - 12.0 * 0.62 * 15.0).abs() < 1e-9);
        assert_eq!(fit("Convictions", 7.0 * 6.0, 10.0, Weight::Regular), "Convic…");
        assert_eq!(wrap("As printed in the 2025 TIP Report", 16.0 * 6.0, 10.0, Weight::Regular), vec!["As printed in", "the 2025 TIP", "Report"]);
    }

    #[test]
    fn measured_widths_follow_the_letters() {
        using(dejavu(), || {
            let narrow = width("illit", 12.0, Weight::Regular);
            let wide = width("mmmmm", 12.0, Weight::Regular);
            assert!(narrow < wide / 2.0, "{narrow} {wide}");
            // Measured in the browser: "Prosecutions" 76.1 px, "Tier 2 Watch List" 100.0 px.
            let prosecutions = width("Prosecutions", 12.0, Weight::Regular);
            assert!((76.1..76.1 * 1.1).contains(&prosecutions), "{prosecutions}");
            let watch_list = width("Tier 2 Watch List", 12.0, Weight::Regular);
            assert!((100.0..100.0 * 1.1).contains(&watch_list), "{watch_list}");
        });
        // Restored afterwards.
        assert_eq!(width("mmmmm", 10.0, Weight::Regular), 30.0);
    }

    #[test]
    fn a_column_sized_for_a_text_holds_it_whole() {
        // 14 × 7.2 is 100.79999… in floating point; the label must still fit whole.
        for n in [7, 14, 28] {
            let label = "x".repeat(n);
            let room = n as f64 * ESTIMATE * 12.0;
            assert_eq!(fit(&label, room, 12.0, Weight::Regular), label);
        }
    }

    #[test]
    fn the_loader_gives_regular_then_bold() {
        let widths = [3.81, 72.8, 79.13, 76.35, 183.9, 130.38, 5.22, 107.82, 105.99, 104.37, 257.35, 182.08];
        assert_eq!(TextWidths::laid_out(&widths), Some(dejavu()));
        assert_eq!(TextWidths::laid_out(&widths[..11]), None);
        assert_eq!(TextWidths::laid_out(&[]), None);
    }

    #[test]
    fn implausible_measurements_keep_the_estimate() {
        assert!(TextWidths::measured(&[0.0; 6], 12.0, &[5.0; 6], 15.0).is_none());
        assert!(TextWidths::measured(&[5.0; 5], 12.0, &[5.0; 6], 15.0).is_none());
        assert!(TextWidths::measured(&[f64::NAN; 6], 12.0, &[5.0; 6], 15.0).is_none());
        assert!(TextWidths::measured(&[5.0; 6], 0.0, &[5.0; 6], 15.0).is_none());
    }

    #[test]
    fn cuts_and_wraps_stay_in_their_room() {
        using(dejavu(), || {
            for room in [20.0, 45.0, 80.0, 130.0] {
                let cut = fit("Personal de mantenimiento de la paz", room, 12.0, Weight::Regular);
                assert!(width(&cut, 12.0, Weight::Regular) <= room + 1e-6, "{cut}");
                for line in wrap("Personal de mantenimiento de la paz y de apoyo", room, 12.0, Weight::Bold) {
                    assert!(!line.contains(' ') || width(&line, 12.0, Weight::Bold) <= room + 1e-6, "{line}");
                }
            }
            assert_eq!(fit("Tier 1", 200.0, 12.0, Weight::Regular), "Tier 1");
            // The longest start that fits with its "…".
            let name = "Korea, Democratic People's Republic of";
            let cut = fit(name, 60.0, 12.0, Weight::Regular);
            let kept = cut.trim_end_matches('…');
            assert!(cut.ends_with('…') && name.starts_with(kept) && width(&cut, 12.0, Weight::Regular) <= 60.0, "{cut}");
            let one_more: String = name.chars().take(kept.chars().count() + 1).chain(Some('…')).collect();
            assert!(width(&one_more, 12.0, Weight::Regular) > 60.0, "{cut}");
            assert_eq!(fit("Tier 1", 1.0, 12.0, Weight::Regular), "");
        });
    }

    #[test]
    fn every_sample_is_measured_for_its_own_group() {
        for (g, sample) in SAMPLES.iter().enumerate() {
            for c in sample.chars() {
                assert_eq!(group_of(c), g, "{c:?}");
            }
        }
    }

    #[test]
    fn the_loader_measures_these_samples() {
        let loader = include_str!("../../www/loader.js");
        let line = loader.lines().find(|l| l.starts_with("var WIDTH_SAMPLES = [")).expect("the loader's WIDTH_SAMPLES");
        let mut written = Vec::new();
        for sample in SAMPLES {
            let mut text = String::from('"');
            for c in sample.chars() {
                if c.is_ascii() {
                    text.push(c);
                } else {
                    text += &format!("\\u{:04x}", c as u32);
                }
            }
            written.push(text + "\"");
        }
        assert_eq!(line, format!("var WIDTH_SAMPLES = [{}];", written.join(", ")));
        // Measured at the sizes the charts draw labels and titles at.
        assert!(loader.contains(&format!("var LABEL_PX = {LABEL_FONT}, TITLE_PX = {TITLE_FONT};")));
    }

    #[test]
    fn letters_outside_the_samples_are_grouped_by_kind() {
        assert_eq!(group_of('é'), SMALL);
        assert_eq!(group_of('Ô'), CAPITAL);
        assert_eq!(group_of('7'), DIGIT);
        assert_eq!(group_of('…'), WIDE);
        assert_eq!(group_of('×'), WIDE);
        assert_eq!(group_of('l'), NARROW);
    }
}
