//! Horizontal bars: labelled rows in titled groups, each row one value (or an absent value
//! with the reason), hit-tested by row. Used by `country-enforcement`.
//!
//! Values are labelled at the bar ends instead of read off an axis: groups may count
//! different things (cases, suspects, victims), so each group gets its own scale and an axis
//! would invite comparing lengths across groups.

use crate::i18n::{self, tr, trf, Lang};
use super::figure::Readout;
use super::measure::{self, Weight};
use super::text::{capitalized, heading, TextLine};
use super::line::metrics::{LABEL_FONT, PAD};
use super::line::{Cite, Size};
use super::scale::{clamp, LinearScale};
use super::table::DataTable;

/// Spacing of bar charts in CSS pixels; multiplied by DPR at layout time.
pub mod bar_metrics {
    /// Rows never get thinner than this; when they do not fit, the chart runs past the
    /// bottom and [`super::BarChart::preferred_height_css`] says how tall to make the canvas.
    pub const ROW_MIN: f64 = 18.0;
    /// The row height `preferred_height_css` plans for.
    pub const ROW_COMFORT: f64 = 24.0;
    /// Rows stop growing here, so a few bars on a tall canvas do not turn into slabs.
    pub const ROW_MAX: f64 = 32.0;
    /// A group's heading line.
    pub const GROUP_TITLE: f64 = 24.0;
    /// Each further line of a heading too long for one (as a multiple of the label font).
    pub const GROUP_TITLE_LINE: f64 = 1.35;
    /// Extra space above every heading but the first, so a heading sits with the rows it names.
    pub const GROUP_GAP: f64 = 10.0;
    /// Between the label column and the bars, and between a bar's end and its value label.
    pub const GAP: f64 = 8.0;
    /// A bar's thickness as a share of its row.
    pub const BAR_SHARE: f64 = 0.62;
    /// The label column takes at most this share of the width, so a long country name cannot
    /// squeeze the bars to nothing.
    pub const LABEL_SHARE_MAX: f64 = 0.38;
    /// The value labels past the longest bar may always take this share of the width, and
    /// more where short labels leave room (Spanish peacekeeping on a phone: "ONU 2017" beside
    /// "131, de ellas 21 niños"), as long as the bars keep [`BAR_SPAN_MIN_SHARE`].
    pub const VALUE_SHARE_GRANTED: f64 = 0.34;
    /// The least share of the width the bars keep when values take the labels' spare room.
    pub const BAR_SPAN_MIN_SHARE: f64 = 0.2;
    /// Beside the bars a label may be shortened to this share of its width; where more than
    /// [`LABELS_CUT_SHARE_MAX`] of the labels would lose more, every label goes on a line
    /// above its bar.
    pub const LABEL_KEPT_MIN: f64 = 0.9;
    pub const LABELS_CUT_SHARE_MAX: f64 = 0.25;
    /// The line a label takes above its bar, as a multiple of the label font, where labels
    /// are too long for a column beside the bars (a phone).
    pub const LABEL_LINE: f64 = 1.3;
}

/// What an absent value's placeholder says, beside its outlined box.
pub fn not_reported(lang: Lang) -> &'static str {
    tr!(lang, "not reported", "non communiqué", "no comunicado")
}

/// One bar: a value with its unit and source, or the reason there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct BarInput {
    /// Beside the bar: a country name, or a period in the source's own words.
    pub label: String,
    /// `None` where the source gives no value; drawn as a placeholder, never as a zero bar.
    pub value: Option<u64>,
    /// The value with its unit, as shown at the bar end ("36 cases"). For an absent value,
    /// what its placeholder says when that is not "not reported" ("not in the source").
    pub value_text: String,
    /// What the bar is, for tooltips and live regions: "Jamaica: investigations, reporting period".
    pub heading: String,
    /// The source's remark on a value, or why a value is absent.
    pub note: String,
    /// More lines for the readout, such as other counts the source gives for the same item.
    pub details: Vec<String>,
    /// Where the value (or the statement that it was not reported) is printed; `None` where
    /// the source says nothing at all.
    pub cite: Option<Cite>,
    /// What `tipviz:select` reports for this bar.
    pub selection: Vec<(String, String)>,
}

impl BarInput {
    /// Why the value is absent, without the "not reported:" or "absent:" the dataset's notes
    /// start with (the placeholder says it).
    fn reason(&self) -> &str {
        let note = self.note.as_str();
        note.strip_prefix("not reported:").or_else(|| note.strip_prefix("absent:")).map_or(note, str::trim_start)
    }

    /// What an absent value's placeholder says.
    pub fn absent_label(&self, lang: Lang) -> &str {
        if self.value_text.is_empty() {
            not_reported(lang)
        } else {
            &self.value_text
        }
    }

    /// The value as one line of text: "36 cases", or "not reported: <reason>".
    pub fn value_line(&self, lang: Lang) -> String {
        match self.value {
            Some(_) => self.value_text.clone(),
            None if self.note.is_empty() => self.absent_label(lang).to_owned(),
            None => i18n::labelled(self.absent_label(lang), self.reason(), lang),
        }
    }

    /// Everything a reader should know about the bar, one line each.
    pub fn readout_values(&self, lang: Lang) -> Vec<String> {
        let mut values = vec![self.value_line(lang)];
        if self.value.is_some() && !self.note.is_empty() {
            values.push(i18n::note(&self.note, lang));
        }
        values.extend(self.details.iter().cloned());
        values
    }
}

/// Bars under one heading, sharing one scale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarGroup {
    /// Drawn above the group; empty for a chart of one group that needs no heading.
    pub title: String,
    pub bars: Vec<BarInput>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChartInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub groups: Vec<BarGroup>,
}

impl BarChartInput {
    /// A short text alternative: what is shown, the largest value of each group and what is
    /// not reported.
    pub fn summary(&self) -> String {
        let lang = self.lang;
        if self.groups.iter().all(|g| g.bars.is_empty()) {
            return format!("{}. {}", self.title, i18n::no_values(lang));
        }
        let mut parts = vec![super::text::summary_opening(&self.title, &self.subtitle)];
        for group in &self.groups {
            // The first of equal values, so the sentence names the bar drawn highest.
            let largest =
                group.bars.iter().filter(|b| b.value.is_some()).fold(None, |best: Option<&BarInput>, b| match best {
                    Some(best) if best.value >= b.value => Some(best),
                    _ => Some(b),
                });
            if let Some(bar) = largest {
                parts.push(if group.title.is_empty() {
                    trf!(lang, "Largest is {0}, {1}.", "La plus grande valeur : {0}, {1}.", "El mayor valor: {0}, {1}.";
                        bar.label, bar.value_text)
                } else {
                    trf!(lang,
                        "{0}: largest is {1}, {2}.",
                        "{0} : la plus grande valeur est {1}, {2}.",
                        "{0}: el mayor valor es {1}, {2}.";
                        group.title, bar.label, bar.value_text)
                });
            }
        }
        // Absent values by what their placeholder says ("not reported", "not in the source").
        let mut absent: Vec<(&str, Vec<&str>)> = Vec::new();
        for group in &self.groups {
            for bar in &group.bars {
                if bar.value.is_some() {
                    continue;
                }
                match absent.iter_mut().find(|(label, _)| *label == bar.absent_label(lang)) {
                    Some((_, headings)) => headings.push(&bar.heading),
                    None => absent.push((bar.absent_label(lang), vec![&bar.heading])),
                }
            }
        }
        for (label, headings) in absent {
            let lead = capitalized(label);
            match headings.len() {
                1..=8 => parts.push(format!("{lead}: {}.", headings.join("; "))),
                n => parts.push(trf!(lang, "{0} values: {1}.", "{0} valeurs : {1}.", "{0} valores: {1}."; n.to_string(), label)),
            }
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the bars.",
            "Les flèches du clavier parcourent les barres.",
            "Las flechas del teclado recorren las barras."
        ).into());
        parts.join(" ")
    }

    /// The same facts as the chart, one row per bar in drawing order.
    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let grouped = self.groups.iter().any(|g| !g.title.is_empty());
        let mut columns: Vec<String> = Vec::new();
        if grouped {
            columns.push(tr!(lang, "Group", "Groupe", "Grupo").into());
        }
        columns.extend(
            [
                tr!(lang, "Item", "Élément", "Elemento"),
                tr!(lang, "Value", "Valeur", "Valor"),
                tr!(lang, "Note", "Note", "Nota"),
                i18n::source_column(lang),
            ]
            .map(String::from),
        );
        let mut rows = Vec::new();
        for group in &self.groups {
            for bar in &group.bars {
                let mut row = Vec::new();
                if grouped {
                    row.push(group.title.clone());
                }
                let mut notes: Vec<&str> = Vec::new();
                if bar.value.is_some() && !bar.note.is_empty() {
                    notes.push(&bar.note);
                }
                for detail in &bar.details {
                    notes.push(detail);
                }
                row.push(bar.label.clone());
                row.push(bar.value_line(lang));
                row.push(notes.join("; "));
                row.push(bar.cite.as_ref().map(|c| c.describe(lang)).unwrap_or_default());
                rows.push(row);
            }
        }
        DataTable { columns, rows }
    }
}

/// A rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupLayout {
    /// The heading's lines, wrapped to the width; none for an untitled group.
    pub heading: Vec<TextLine>,
    /// Maps the group's values to x; bars start at `range.0`.
    pub scale: LinearScale,
    /// The vertical extent of the group's rows, for the zero line.
    pub rows_top_dev: f64,
    pub rows_bottom_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub group: usize,
    /// The label as drawn, shortened with "…" when it does not fit.
    pub label: String,
    /// Beside the bar, the label column's right edge, where labels are right-aligned; above
    /// the bar ([`BarChart::labels_above`]), where the label starts.
    pub label_x_dev: f64,
    /// The middle of the label's line: the bar's middle when beside it.
    pub label_y_dev: f64,
    /// The whole row: what hit-testing and the highlight cover.
    pub band: Rect,
    /// The filled bar; `None` for an absent value.
    pub bar: Option<Rect>,
    /// The outlined empty box that stands for an absent value.
    pub placeholder: Option<Rect>,
    /// The value with its unit, or "not reported", as drawn (shortened to fit).
    pub value_label: String,
    /// Where the value label starts, left-aligned and vertically centred on the row.
    pub value_label_x_dev: f64,
    pub center_y_dev: f64,
    /// The bar as given, for readouts.
    pub input: BarInput,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub size: Size,
    /// Each label on a line of its own above its bar, left-aligned: where many labels would lose
    /// much of themselves in a column beside the bars ("previous reporting period" on a phone).
    pub labels_above: bool,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    pub groups: Vec<GroupLayout>,
    /// Every bar, top to bottom: the keyboard order.
    pub rows: Vec<BarRow>,
    lang: Lang,
}

/// The title and subtitle, wrapped to the width, and where the rows may start.
fn header_of(input: &BarChartInput, width_dev: f64, u: f64) -> (Vec<TextLine>, Vec<TextLine>, f64) {
    let (title, subtitle, bottom) = heading(&input.title, &input.subtitle, width_dev, u);
    (title, subtitle, bottom + bar_metrics::GAP * u)
}

/// A group heading's lines, wrapped at the width (on a phone, Spanish's "Personal de
/// mantenimiento de la paz y de apoyo…" ran off the canvas).
fn heading_lines(title: &str, width_dev: f64, u: f64) -> Vec<String> {
    measure::wrap(title, (width_dev - 2.0 * PAD * u).max(0.0), LABEL_FONT * u, Weight::Bold)
}

/// What the rows need room for at scale `u`: the widest label, the widest value text, and
/// whether labels go on lines of their own above their bars. Only a value's text needs room
/// past the longest bar: an absent value's words follow a short placeholder and are fitted to
/// the room after it. Labels go above where more than [`bar_metrics::LABELS_CUT_SHARE_MAX`]
/// of them would lose more than a tenth of themselves in the column beside the bars: a few
/// long names in a ranked list ("Korea, Democratic People's Republic of") are shortened
/// rather than doubling the height of every row.
fn text_room(input: &BarChartInput, width_dev: f64, u: f64) -> (f64, f64, bool) {
    use bar_metrics::{LABELS_CUT_SHARE_MAX, LABEL_KEPT_MIN, LABEL_SHARE_MAX};
    let font = LABEL_FONT * u;
    let column = LABEL_SHARE_MAX * (width_dev - 2.0 * PAD * u).max(0.0);
    let (mut widest_label, mut widest_value, mut rows, mut cut) = (0.0_f64, 0.0_f64, 0, 0);
    for group in &input.groups {
        for bar in &group.bars {
            let label = measure::width(&bar.label, font, Weight::Regular);
            widest_label = widest_label.max(label);
            rows += 1;
            cut += usize::from(LABEL_KEPT_MIN * label > column);
            if bar.value.is_some() {
                widest_value = widest_value.max(measure::width(&bar.value_text, font, Weight::Regular));
            }
        }
    }
    (widest_label, widest_value, cut as f64 > LABELS_CUT_SHARE_MAX * rows as f64)
}

fn label_line(u: f64) -> f64 {
    bar_metrics::LABEL_LINE * LABEL_FONT * u
}

/// How many bar rows the chart has, over all its groups.
fn row_count(input: &BarChartInput) -> usize {
    let mut rows = 0;
    for group in &input.groups {
        rows += group.bars.len();
    }
    rows
}

/// The height the group headings take, gaps included.
fn headings_height(input: &BarChartInput, width_dev: f64, u: f64) -> f64 {
    use bar_metrics::{GROUP_GAP, GROUP_TITLE, GROUP_TITLE_LINE};
    let (mut height, mut headings) = (0.0, 0usize);
    for group in &input.groups {
        if !group.title.is_empty() {
            let extra_lines = heading_lines(&group.title, width_dev, u).len().saturating_sub(1);
            height += GROUP_TITLE + extra_lines as f64 * GROUP_TITLE_LINE * LABEL_FONT;
            headings += 1;
        }
    }
    (height + headings.saturating_sub(1) as f64 * GROUP_GAP) * u
}

impl BarChart {
    /// The canvas height, in CSS pixels, at which every row gets a comfortable height at
    /// `width_css` (titles wrap, so the header grows as the width shrinks).
    pub fn preferred_height_css(input: &BarChartInput, width_css: f64) -> f64 {
        BarChart::height_for_rows_css(input, width_css, bar_metrics::ROW_COMFORT)
    }

    /// The least canvas height at which every row keeps its minimum height: below it the
    /// rows would run off the canvas.
    pub fn minimum_height_css(input: &BarChartInput, width_css: f64) -> f64 {
        BarChart::height_for_rows_css(input, width_css, bar_metrics::ROW_MIN)
    }

    fn height_for_rows_css(input: &BarChartInput, width_css: f64, row: f64) -> f64 {
        let (_, _, rows_top) = header_of(input, width_css.max(0.0), 1.0);
        let rows = row_count(input);
        let (_, _, labels_above) = text_room(input, width_css.max(0.0), 1.0);
        let row = row + if labels_above { label_line(1.0) } else { 0.0 };
        (rows_top + headings_height(input, width_css.max(0.0), 1.0) + rows as f64 * row + PAD).ceil()
    }

    pub fn layout(input: &BarChartInput, size: Size) -> BarChart {
        use bar_metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let (title, subtitle, rows_top) = header_of(input, width, u);

        // What the rows need room for: how many, the widest label, the widest value text.
        let font = LABEL_FONT * u;
        let row_count = row_count(input);
        let (widest_label, widest_value, labels_above) = text_room(input, width, u);
        let label_line = if labels_above { label_line(u) } else { 0.0 };
        let room = height - PAD * u - rows_top - headings_height(input, width, u);
        let row_height = clamp(room / row_count.max(1) as f64 - label_line, ROW_MIN * u, ROW_MAX * u);

        let content = (width - 2.0 * PAD * u).max(0.0);
        let label_width = if labels_above { 0.0 } else { widest_label.min(LABEL_SHARE_MAX * content) };
        let label_right = PAD * u + label_width;
        let bar_left = label_right + GAP * u;
        let value_room = (content - label_width - 2.0 * GAP * u - BAR_SPAN_MIN_SHARE * content).max(VALUE_SHARE_GRANTED * content);
        let value_width = widest_value.min(value_room);
        let bar_span = (width - PAD * u - value_width - GAP * u - bar_left).max(0.0);
        let text_right = width - PAD * u;
        // Above its bar a label starts just right of the bars' baseline.
        let (label_x, label_room) = if labels_above {
            let x = bar_left + 3.0 * u;
            (x, (text_right - x).max(0.0))
        } else {
            (label_right, label_width)
        };

        // Every row's label fitted together, so that two cut alike are told apart.
        let mut label_texts: Vec<&str> = Vec::with_capacity(row_count);
        for group in &input.groups {
            for bar in &group.bars {
                label_texts.push(&bar.label);
            }
        }
        let mut labels = measure::fit_apart(&label_texts, label_room, font, Weight::Regular).into_iter();

        let mut groups = Vec::new();
        let mut rows = Vec::new();
        let mut y = rows_top;
        for (g, group) in input.groups.iter().enumerate() {
            let mut heading = Vec::new();
            if !group.title.is_empty() {
                if groups.iter().any(|g: &GroupLayout| !g.heading.is_empty()) {
                    y += GROUP_GAP * u;
                }
                // The last line's bottom a few pixels above the first row.
                for text in heading_lines(&group.title, width, u) {
                    if !heading.is_empty() {
                        y += GROUP_TITLE_LINE * LABEL_FONT * u;
                    }
                    heading.push(TextLine { text, x_dev: PAD * u, y_dev: y + (GROUP_TITLE - LABEL_FONT - 5.0) * u });
                }
                y += GROUP_TITLE * u;
            }
            let max = group.bars.iter().filter_map(|b| b.value).max().unwrap_or(0) as f64;
            let scale = LinearScale::new((0.0, max), (bar_left, bar_left + bar_span));
            let rows_top_dev = y;
            for bar in &group.bars {
                let label_y = y + label_line / 2.0;
                let band_top = y;
                y += label_line;
                let band = Rect { left: PAD * u, top: band_top, right: text_right.max(PAD * u), bottom: y + row_height };
                let thickness = row_height * BAR_SHARE;
                let top = y + (row_height - thickness) / 2.0;
                let (bar_rect, placeholder, end, text) = match bar.value {
                    Some(v) => {
                        let right = scale.position_from_value(v as f64).max(bar_left);
                        (
                            Some(Rect { left: bar_left, top, right, bottom: top + thickness }),
                            None,
                            right,
                            bar.value_text.as_str(),
                        )
                    }
                    None => {
                        let right = bar_left + thickness;
                        (None, Some(Rect { left: bar_left, top, right, bottom: top + thickness }), right, bar.absent_label(input.lang))
                    }
                };
                let value_label_x_dev = end + GAP * u;
                rows.push(BarRow {
                    group: g,
                    label: labels.next().unwrap_or_default(),
                    label_x_dev: label_x,
                    label_y_dev: if labels_above { label_y } else { y + row_height / 2.0 },
                    band,
                    bar: bar_rect,
                    placeholder,
                    value_label: measure::fit(text, text_right - value_label_x_dev, font, Weight::Regular),
                    value_label_x_dev,
                    center_y_dev: y + row_height / 2.0,
                    input: bar.clone(),
                });
                y += row_height;
            }
            groups.push(GroupLayout { heading, scale, rows_top_dev, rows_bottom_dev: y });
        }
        BarChart { size, labels_above, title, subtitle, groups, rows, lang: input.lang }
    }

    pub fn item_count(&self) -> usize {
        self.rows.len()
    }

    /// The row under a pointer at CSS pixel (`x_css`, `y_css`): anywhere across its band.
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        self.rows.iter().position(|r| x >= r.band.left && x <= r.band.right && y >= r.band.top && y < r.band.bottom)
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let row = self.rows.get(index)?;
        let end = row.bar.or(row.placeholder).map_or(row.band.left, |r| r.right);
        Some(Readout {
            index,
            heading: row.input.heading.clone(),
            values: row.input.readout_values(self.lang),
            sources: row.input.cite.iter().map(|c| c.describe(self.lang)).collect(),
            x_css: end / self.size.dpr,
            y_css: row.band.top / self.size.dpr,
            rows: Some((row.band.top / self.size.dpr, row.band.bottom / self.size.dpr)),
            selection: row.input.selection.clone(),
            list: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Numbers;

    fn bar(label: &str, value: Option<u64>, line: u32) -> BarInput {
        BarInput {
            label: label.into(),
            value,
            value_text: value.map(|v| format!("{} cases", Numbers(Lang::En).whole(v))).unwrap_or_default(),
            heading: format!("X: {label}"),
            note: if value.is_none() { "not reported: the text says so".into() } else { String::new() },
            details: Vec::new(),
            cite: Some(Cite { edition: 2019, file: "f.txt".into(), line, printed: None, note: String::new() }),
            selection: vec![("label".into(), label.into())],
        }
    }

    fn input() -> BarChartInput {
        BarChartInput { lang: Default::default(),
            title: "Title".into(),
            subtitle: "Subtitle".into(),
            groups: vec![
                BarGroup {
                    title: "A".into(),
                    bars: vec![bar("one", Some(40), 1), bar("two", Some(10), 2), bar("three", None, 3)],
                },
                BarGroup { title: "B".into(), bars: vec![bar("four", Some(5), 4), bar("five", Some(1000), 5)] },
            ],
        }
    }

    const DESKTOP: Size = Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 };

    fn length(r: &BarRow) -> f64 {
        r.bar.map_or(0.0, |b| b.right - b.left)
    }

    #[test]
    fn rows_follow_each_other_without_overlap() {
        let chart = BarChart::layout(&input(), DESKTOP);
        assert_eq!(chart.item_count(), 5);
        for pair in chart.rows.windows(2) {
            assert!(pair[0].band.bottom <= pair[1].band.top + 1e-9, "{:?} overlaps {:?}", pair[0].band, pair[1].band);
        }
        // The second group's heading sits between the groups.
        let heading = &chart.groups[1].heading[0];
        assert!(heading.y_dev >= chart.rows[2].band.bottom && heading.y_dev < chart.rows[3].band.top);
        // And everything fits in the canvas at this size.
        assert!(chart.rows.last().unwrap().band.bottom <= 400.0);
    }

    #[test]
    fn bar_length_is_proportional_to_value_within_a_group() {
        let chart = BarChart::layout(&input(), DESKTOP);
        let (one, two) = (length(&chart.rows[0]), length(&chart.rows[1]));
        assert!(one > 0.0);
        assert!((one / two - 4.0).abs() < 1e-9, "{one} / {two}");
        // Each group has its own scale: its largest bar is full length whatever its value.
        assert!((length(&chart.rows[4]) - one).abs() < 1e-9);
        // The longest bar leaves room for its whole value label.
        assert_eq!(chart.rows[4].value_label, "1,000 cases");
        assert_eq!(chart.rows[0].value_label, "40 cases");
        // Bars start at the same x and end before the value labels.
        for r in chart.rows.iter().filter(|r| r.bar.is_some()) {
            assert_eq!(r.bar.unwrap().left, chart.rows[0].bar.unwrap().left);
            assert!(r.value_label_x_dev > r.bar.unwrap().right);
            assert!(r.bar.unwrap().right <= 600.0 - PAD);
        }
    }

    #[test]
    fn absent_rows_have_no_bar_but_an_outlined_placeholder_that_says_so() {
        let chart = BarChart::layout(&input(), DESKTOP);
        let absent = &chart.rows[2];
        assert_eq!(absent.bar, None);
        assert!(absent.placeholder.is_some());
        assert_eq!(absent.value_label, "not reported");
        assert!(chart.rows.iter().filter(|r| r.input.value.is_some()).all(|r| r.placeholder.is_none()));
        let readout = chart.readout(2).unwrap();
        assert_eq!(readout.values, vec!["not reported: the text says so"]);
        assert_eq!(readout.sources, vec!["2019 TIP Report, f.txt line 3"]);
        // The row's own band, for a tooltip above or below to leave in sight.
        let dpr = DESKTOP.dpr;
        assert_eq!(readout.rows, Some((absent.band.top / dpr, absent.band.bottom / dpr)));
    }

    #[test]
    fn hit_testing_returns_the_row_under_the_pointer_at_dpr_1_and_2() {
        for dpr in [1.0, 2.0] {
            let chart = BarChart::layout(&input(), Size { dpr, ..DESKTOP });
            for (i, row) in chart.rows.iter().enumerate() {
                let y_css = (row.band.top + row.band.bottom) / 2.0 / dpr;
                // The whole band counts: over the label, the bar, and the empty space after it.
                for x_css in [15.0, row.bar.or(row.placeholder).unwrap().left / dpr + 1.0, 580.0] {
                    assert_eq!(chart.item_at(x_css, y_css), Some(i), "dpr {dpr}, row {i}, x {x_css}");
                }
                assert_eq!(chart.readout(i).unwrap().heading, row.input.heading);
            }
            // The title and the gap of a group heading are not rows.
            assert_eq!(chart.item_at(300.0, 12.0), None);
            let heading = &chart.groups[1].heading[0];
            assert_eq!(chart.item_at(300.0, heading.y_dev / dpr + 2.0), None);
        }
    }

    #[test]
    fn labels_too_long_for_a_column_go_above_their_bars() {
        let mut long = input();
        for bar in &mut long.groups[0].bars {
            bar.label = format!("{}: the previous reporting period", bar.label);
        }
        // Beside the bars where they fit whole, right-aligned at the column's edge.
        let wide = BarChart::layout(&long, Size { width_css: 900.0, height_css: 400.0, dpr: 1.0 });
        assert!(!wide.labels_above);
        assert!(wide.rows.iter().all(|r| !r.label.ends_with('…') && r.label_y_dev == r.center_y_dev));
        // On a phone each label gets a line above its bar, whole, inside the canvas and inside
        // its row's band, so hovering the label reads the row.
        for dpr in [1.0, 2.0] {
            let phone = Size { width_css: 320.0, height_css: 600.0, dpr };
            let chart = BarChart::layout(&long, phone);
            assert!(chart.labels_above);
            for row in &chart.rows {
                assert_eq!(row.label, row.input.label);
                let right = row.label_x_dev + measure::width(&row.label, LABEL_FONT * dpr, Weight::Regular);
                assert!(right <= (320.0 - PAD) * dpr + 1e-9, "{} ends at {right}", row.label);
                let mark = row.bar.or(row.placeholder).unwrap();
                assert!(row.label_y_dev > row.band.top && row.label_y_dev + LABEL_FONT * dpr / 2.0 <= mark.top + 1e-9, "{row:?}");
                assert_eq!(chart.item_at(row.label_x_dev / dpr + 2.0, row.label_y_dev / dpr), chart.rows.iter().position(|r| r == row));
            }
            // The preferred height makes room for the label lines.
            let preferred = BarChart::preferred_height_css(&long, 320.0);
            let tall = BarChart::layout(&long, Size { height_css: preferred, ..phone });
            let last = tall.rows.last().unwrap();
            assert!(last.band.bottom <= preferred * dpr + 1e-9);
            assert!(last.band.bottom - last.band.top >= (bar_metrics::ROW_COMFORT + bar_metrics::LABEL_LINE * LABEL_FONT) * dpr - 1e-9);
        }
        // One long name among short ones stays beside the bars, shortened: the other rows keep
        // their single line.
        let mut one_long = input();
        one_long.groups[0].bars[0].label = "Korea, Democratic People's Republic of".into();
        let chart = BarChart::layout(&one_long, Size { width_css: 320.0, height_css: 400.0, dpr: 1.0 });
        assert!(!chart.labels_above);
        assert!(chart.rows[0].label.ends_with('…') && chart.rows[1].label == "two", "{:?}", chart.rows[0].label);
        // A label longer than the whole line is still shortened, to the line.
        long.groups[0].bars[0].label = "Korea, Democratic People's Republic of, and then some more words".into();
        let chart = BarChart::layout(&long, Size { width_css: 320.0, height_css: 400.0, dpr: 1.0 });
        let label = &chart.rows[0].label;
        assert!(label.ends_with('…'), "{label}");
        assert!(chart.rows[0].label_x_dev + measure::width(label, LABEL_FONT, Weight::Regular) <= 320.0 - PAD + 1e-9);
    }

    #[test]
    fn short_labels_leave_their_room_to_long_values_on_a_phone() {
        let mut wide_values = input();
        for bar in &mut wide_values.groups[0].bars {
            bar.value_text = format!("{} personnel, all told", bar.value.unwrap_or(0) * 2317);
        }
        let phone = Size { width_css: 320.0, height_css: 400.0, dpr: 1.0 };
        let chart = BarChart::layout(&wide_values, phone);
        let longest = &chart.rows[0];
        assert_eq!(longest.value_label, "92680 personnel, all told");
        assert!(longest.value_label_x_dev + measure::width(&longest.value_label, LABEL_FONT, Weight::Regular) <= 320.0 - PAD + 1e-9);
        // The bars keep their least share of the width.
        let bar = longest.bar.unwrap();
        assert!(bar.right - bar.left >= bar_metrics::BAR_SPAN_MIN_SHARE * (320.0 - 2.0 * PAD) - 1e-9, "{bar:?}");
        // Long labels and long values together: the labels go above their bars, and the
        // values keep their room.
        let mut both = wide_values.clone();
        for bar in &mut both.groups[0].bars {
            bar.label = format!("{} with a long name", bar.label);
        }
        let stacked = BarChart::layout(&both, phone);
        assert!(stacked.labels_above);
        let bar = stacked.rows[0].bar.unwrap();
        assert!(bar.right - bar.left >= bar_metrics::BAR_SPAN_MIN_SHARE * (320.0 - 2.0 * PAD) - 1e-9, "{bar:?}");
        assert_eq!(stacked.rows[0].value_label, "92680 personnel, all told");
    }

    #[test]
    fn many_rows_keep_a_minimum_height_and_the_preferred_height_fits_them() {
        let mut many = input();
        many.groups[0].bars = (0..40).map(|i| bar(&format!("row {i}"), Some(i), i as u32)).collect();
        let chart = BarChart::layout(&many, DESKTOP);
        let band = &chart.rows[0].band;
        assert!(band.bottom - band.top >= bar_metrics::ROW_MIN - 1e-9);
        let preferred = BarChart::preferred_height_css(&many, 600.0);
        assert!(preferred > 400.0);
        let tall = BarChart::layout(&many, Size { height_css: preferred, ..DESKTOP });
        assert!(tall.rows.last().unwrap().band.bottom <= preferred);
    }

    #[test]
    fn titles_wrap_on_narrow_screens() {
        let mut wordy = input();
        wordy.subtitle = "As reported; units differ between countries, so compare with care".into();
        let chart = BarChart::layout(&wordy, Size { width_css: 240.0, height_css: 400.0, dpr: 2.0 });
        assert!(chart.subtitle.len() > 1);
        for line in &chart.subtitle {
            assert!(measure::width(&line.text, LABEL_FONT * 2.0, Weight::Regular) <= 480.0 - 2.0 * PAD * 2.0);
        }
        assert!(chart.rows[0].band.top > chart.subtitle.last().unwrap().y_dev);
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        for (w, h, dpr) in
            [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (5000.0, 20.0, 1.0), (20000.0, 20000.0, 4.0)]
        {
            let chart = BarChart::layout(&input(), Size { width_css: w, height_css: h, dpr });
            let _ = chart.item_at(10.0, 10.0);
            for i in 0..=chart.item_count() {
                let _ = chart.readout(i);
            }
        }
        let empty = BarChart::layout(&BarChartInput::default(), DESKTOP);
        assert_eq!(empty.item_count(), 0);
    }

    #[test]
    fn summary_and_table_tell_the_same_facts() {
        let input = input();
        let summary = input.summary();
        assert!(summary.starts_with("Title. Subtitle."), "{summary}");
        assert!(summary.contains("A: largest is one, 40 cases."), "{summary}");
        assert!(summary.contains("B: largest is five, 1,000 cases."), "{summary}");
        assert!(summary.contains("Not reported: X: three."), "{summary}");
        let table = input.wide_table();
        assert_eq!(table.columns, ["Group", "Item", "Value", "Note", "Source"]);
        assert_eq!(table.rows.len(), 5);
        assert_eq!(table.rows[0], ["A", "one", "40 cases", "", "2019 TIP Report, f.txt line 1"]);
        assert_eq!(table.rows[2][2], "not reported: the text says so");
    }
}
