//! Horizontal stacked bars: titled groups of labelled bars, each bar split into segments of
//! ordered categories (tiers), a total at the bar end. Segments are the items the pointer and
//! the keys step through. Used by `tier-summary`.
//!
//! All bars share one scale, so lengths compare across groups (they count the same thing).

use crate::i18n::{self, tr};
use super::bars::{bar_metrics, Rect};
use super::text::{first_named, heading, TextLine};
use super::figure::{NameList, Readout};
use super::line::metrics::{LABEL_FONT, LEGEND_GAP, LEGEND_ROW, PAD};
use super::measure::{self, Weight};
use super::line::Size;
use super::scale::{clamp, LinearScale};
use super::table::DataTable;

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentInput {
    /// Index into [`StackChartInput::categories`]: the fill and pattern.
    pub category: usize,
    pub count: u64,
    /// What the segment is: `Africa, 2025: Tier 2 Watch List`.
    pub heading: String,
    /// The count in words, then the members (the readout may be long).
    pub values: Vec<String>,
    /// The value that lists the members, for a tooltip that may show only the first ones.
    pub list: Option<NameList>,
    pub sources: Vec<String>,
    pub selection: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StackBarInput {
    /// Beside the bar (`2025`).
    pub label: String,
    /// In category order; zero counts are kept for the table but not drawn.
    pub segments: Vec<SegmentInput>,
}

impl StackBarInput {
    pub fn total(&self) -> u64 {
        self.segments.iter().map(|s| s.count).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StackGroupInput {
    /// Drawn above the group's bars.
    pub title: String,
    pub bars: Vec<StackBarInput>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StackChartInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    /// Category names in stacking order, for the legend and the table.
    pub categories: Vec<String>,
    pub groups: Vec<StackGroupInput>,
    /// What a total counts, for the summary ("countries").
    pub unit: String,
    /// The table's names for a group, a bar, a category and a segment's members ("Region",
    /// "Edition", "Tier", "Countries"), so a reader of the table knows what each column is.
    pub table_columns: [String; 4],
    /// The chart's main finding in a sentence, read first in the summary; empty for none.
    pub finding: String,
}

impl StackChartInput {
    /// Whether any bar has a segment of `category` (zero counts are not drawn).
    fn drawn(&self, category: usize) -> bool {
        self.groups.iter().any(|g| g.bars.iter().any(|b| b.segments.iter().any(|s| s.category == category && s.count > 0)))
    }

    /// A short text alternative: each bar's total and its counts per category.
    pub fn summary(&self) -> String {
        let lang = self.lang;
        if self.groups.iter().all(|g| g.bars.is_empty()) {
            return format!("{}. {}", self.title, i18n::no_values(lang));
        }
        let mut parts = vec![super::text::summary_opening(&self.title, &self.subtitle)];
        if !self.finding.is_empty() {
            parts.push(self.finding.clone());
        }
        for group in &self.groups {
            for bar in &group.bars {
                let mut counts = String::new();
                for (i, s) in bar.segments.iter().enumerate() {
                    if i > 0 {
                        counts.push_str(", ");
                    }
                    let category = self.categories.get(s.category).map_or("", String::as_str);
                    // "Tier 2: 32", not "Tier 2 32", which reads as one number.
                    counts.push_str(&i18n::labelled(category, &s.count.to_string(), lang));
                }
                let bar_name = format!("{} {}", group.title, bar.label);
                parts.push(i18n::labelled(&bar_name, &format!("{} {} ({counts}).", bar.total(), self.unit), lang));
            }
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the segments.",
            "Les flèches du clavier parcourent les segments.",
            "Las flechas del teclado recorren los segmentos."
        ).into());
        parts.join(" ")
    }

    /// One row per segment, zero counts included.
    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let [group, bar, category, members] = &self.table_columns;
        let columns = vec![
            group.clone(),
            bar.clone(),
            category.clone(),
            tr!(lang, "Count", "Nombre", "Número").to_owned(),
            members.clone(),
            i18n::source_column(lang).to_owned(),
        ];
        let mut rows = Vec::new();
        for group in &self.groups {
            for bar in &group.bars {
                for s in &bar.segments {
                    rows.push(vec![
                        group.title.clone(),
                        bar.label.clone(),
                        self.categories.get(s.category).cloned().unwrap_or_default(),
                        s.count.to_string(),
                        s.values.get(1).cloned().unwrap_or_default(),
                        s.sources.join("; "),
                    ]);
                }
            }
        }
        DataTable { columns, rows }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The group (region) the segment's bar is in.
    pub group: usize,
    pub category: usize,
    pub rect: Rect,
    /// The count, drawn inside when it fits.
    pub label: Option<String>,
    pub input: SegmentInput,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StackRow {
    pub group: usize,
    pub label: String,
    pub label_right_dev: f64,
    /// The whole row; hit-testing covers the row's height over each segment.
    pub band: Rect,
    pub center_y_dev: f64,
    /// Where the total is drawn, left-aligned.
    pub total: String,
    pub total_x_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SwatchEntry {
    pub category: usize,
    pub label: String,
    pub swatch: Rect,
    pub x_dev: f64,
    pub y_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StackChart {
    pub size: Size,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    pub legend: Vec<SwatchEntry>,
    pub headings: Vec<TextLine>,
    /// Every group's title, by group index (for type-ahead).
    pub group_titles: Vec<String>,
    pub rows: Vec<StackRow>,
    /// Every drawn segment in reading order (bar by bar, left to right): the keyboard order.
    pub segments: Vec<Segment>,
    /// Where bars start, for the baseline.
    pub baseline_x_dev: f64,
}

const SWATCH: f64 = 14.0;

impl StackChart {
    /// Title, subtitle and legend; returns where the groups start.
    fn top(input: &StackChartInput, width: f64, u: f64) -> (Vec<TextLine>, Vec<TextLine>, Vec<SwatchEntry>, f64) {
        use bar_metrics::GAP;
        let (title, subtitle, y) = heading(&input.title, &input.subtitle, width, u);
        let (mut x, mut ly) = (PAD * u, y + GAP * u);
        let mut legend = Vec::new();
        for (category, label) in input.categories.iter().enumerate() {
            // A tier no bar holds (Europe has no special case) would name a colour the chart
            // never draws.
            if !input.drawn(category) {
                continue;
            }
            let w = (SWATCH + 6.0) * u + measure::width(label, LABEL_FONT * u, Weight::Regular) + LEGEND_GAP * u;
            if x + w > width - PAD * u && x > PAD * u {
                x = PAD * u;
                ly += LEGEND_ROW * u;
            }
            let swatch = Rect { left: x, top: ly, right: x + SWATCH * u, bottom: ly + LABEL_FONT * u };
            legend.push(SwatchEntry { category, label: label.clone(), swatch, x_dev: x + (SWATCH + 6.0) * u, y_dev: ly });
            x += w;
        }
        let end = if legend.is_empty() { ly } else { ly + LEGEND_ROW * u };
        (title, subtitle, legend, end + GAP * u)
    }

    fn rows_height(input: &StackChartInput, row: f64, u: f64) -> f64 {
        let bars: usize = input.groups.iter().map(|g| g.bars.len()).sum();
        let headings = input.groups.iter().filter(|g| !g.title.is_empty()).count() as f64;
        bars as f64 * row + headings * bar_metrics::GROUP_TITLE * u
    }

    /// The canvas height, in CSS pixels, at which every bar gets a comfortable row.
    pub fn preferred_height_css(input: &StackChartInput, width_css: f64) -> f64 {
        StackChart::height_for_rows_css(input, width_css, bar_metrics::ROW_COMFORT + 4.0)
    }

    /// The least canvas height at which every bar keeps its minimum row: below it the rows
    /// would run off the canvas.
    pub fn minimum_height_css(input: &StackChartInput, width_css: f64) -> f64 {
        StackChart::height_for_rows_css(input, width_css, bar_metrics::ROW_MIN)
    }

    fn height_for_rows_css(input: &StackChartInput, width_css: f64, row: f64) -> f64 {
        let (_, _, _, top) = StackChart::top(input, width_css.max(0.0), 1.0);
        (top + StackChart::rows_height(input, row, 1.0) + PAD).ceil()
    }

    pub fn layout(input: &StackChartInput, size: Size) -> StackChart {
        use bar_metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let font = LABEL_FONT * u;
        let (title, subtitle, legend, rows_top) = StackChart::top(input, width, u);

        // What the bars need room for: how many, the widest label, the largest total (whose
        // digits are also the widest total text).
        let (mut bar_count, mut widest_label, mut largest) = (0, 0.0_f64, 0);
        for group in &input.groups {
            for bar in &group.bars {
                bar_count += 1;
                widest_label = widest_label.max(measure::width(&bar.label, font, Weight::Regular));
                largest = largest.max(bar.total());
            }
        }
        let total_width = if bar_count == 0 { 0.0 } else { measure::width(&largest.to_string(), font, Weight::Regular) };
        let room = height - PAD * u - rows_top - StackChart::rows_height(input, 0.0, u);
        let row_height = clamp(room / bar_count.max(1) as f64, ROW_MIN * u, ROW_MAX * u);

        let content = (width - 2.0 * PAD * u).max(0.0);
        let label_width = widest_label.min(LABEL_SHARE_MAX * content);
        let label_right = PAD * u + label_width;
        let bar_left = label_right + GAP * u;
        let bar_span = (width - PAD * u - total_width - GAP * u - bar_left).max(0.0);
        let scale = LinearScale::new((0.0, largest as f64), (bar_left, bar_left + bar_span));

        let mut headings = Vec::new();
        let mut rows = Vec::new();
        let mut segments = Vec::new();
        let mut y = rows_top;
        for (g, group) in input.groups.iter().enumerate() {
            if !group.title.is_empty() {
                headings.push(TextLine {
                    text: group.title.clone(),
                    x_dev: PAD * u,
                    y_dev: y + (GROUP_TITLE - LABEL_FONT - 5.0) * u,
                });
                y += GROUP_TITLE * u;
            }
            for bar in &group.bars {
                let band = Rect { left: PAD * u, top: y, right: (width - PAD * u).max(PAD * u), bottom: y + row_height };
                let thickness = row_height * 0.72;
                let top = y + (row_height - thickness) / 2.0;
                let mut running = 0u64;
                for s in &bar.segments {
                    if s.count == 0 {
                        continue;
                    }
                    let left = scale.position_from_value(running as f64);
                    running += s.count;
                    let right = scale.position_from_value(running as f64);
                    let rect = Rect { left, top, right, bottom: top + thickness };
                    let text = s.count.to_string();
                    let fits = measure::width(&text, font, Weight::Regular) + 6.0 * u <= right - left && thickness >= LABEL_FONT * u;
                    segments.push(Segment { group: g, category: s.category, rect, label: fits.then_some(text), input: s.clone() });
                }
                let end = scale.position_from_value(running as f64);
                rows.push(StackRow {
                    group: g,
                    label: measure::clip(&bar.label, label_width, font, Weight::Regular),
                    label_right_dev: label_right,
                    band,
                    center_y_dev: y + row_height / 2.0,
                    total: bar.total().to_string(),
                    total_x_dev: end + GAP * u,
                });
                y += row_height;
            }
        }
        let mut group_titles = Vec::with_capacity(input.groups.len());
        for group in &input.groups {
            group_titles.push(group.title.clone());
        }
        StackChart { size, title, subtitle, legend, headings, group_titles, rows, segments, baseline_x_dev: bar_left }
    }

    pub fn item_count(&self) -> usize {
        self.segments.len()
    }

    /// The segment under a pointer at CSS pixel (`x_css`, `y_css`): over its width, anywhere
    /// in its row's height.
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        let row = self.rows.iter().find(|r| y >= r.band.top && y < r.band.bottom)?;
        self.segments.iter().position(|s| {
            s.rect.top >= row.band.top && s.rect.bottom <= row.band.bottom && x >= s.rect.left && x < s.rect.right
        })
    }

    /// Type-ahead over the group titles (regions): the first segment of the group whose
    /// title `typed` spells out or starts.
    pub fn item_by_name(&self, typed: &str) -> Option<usize> {
        let names: Vec<Vec<&str>> = self.group_titles.iter().map(|t| vec![t.as_str()]).collect();
        let group = first_named(typed, &names)?;
        self.segments.iter().position(|s| s.group == group)
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let s = self.segments.get(index)?;
        Some(Readout {
            index,
            heading: s.input.heading.clone(),
            values: s.input.values.clone(),
            sources: s.input.sources.clone(),
            x_css: (s.rect.left + s.rect.right) / 2.0 / self.size.dpr,
            y_css: s.rect.top / self.size.dpr,
            rows: Some((s.rect.top / self.size.dpr, s.rect.bottom / self.size.dpr)),
            selection: s.input.selection.clone(),
            list: s.input.list.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(category: usize, count: u64) -> SegmentInput {
        SegmentInput {
            category,
            count,
            heading: format!("C{category}"),
            values: vec![format!("{count} members"), "a, b".into()],
            list: None,
            sources: vec!["s".into()],
            selection: vec![("category".into(), category.to_string())],
        }
    }

    fn input() -> StackChartInput {
        StackChartInput { lang: Default::default(),
            finding: String::new(),
            table_columns: ["Group".into(), "Bar".into(), "Category".into(), "Members".into()],
            title: "Title".into(),
            subtitle: "Subtitle".into(),
            categories: vec!["One".into(), "Two".into(), "Three".into()],
            groups: vec![
                StackGroupInput {
                    title: "G1".into(),
                    bars: vec![
                        StackBarInput { label: "x".into(), segments: vec![segment(0, 10), segment(1, 0), segment(2, 30)] },
                        StackBarInput { label: "y".into(), segments: vec![segment(0, 1), segment(1, 19), segment(2, 0)] },
                    ],
                },
                StackGroupInput {
                    title: "G2".into(),
                    bars: vec![StackBarInput { label: "x".into(), segments: vec![segment(0, 2), segment(1, 2), segment(2, 2)] }],
                },
            ],
            unit: "members".into(),
        }
    }

    const DESKTOP: Size = Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 };

    #[test]
    fn segments_stack_in_order_on_one_shared_scale_and_zero_counts_are_not_drawn() {
        let chart = StackChart::layout(&input(), DESKTOP);
        assert_eq!(chart.item_count(), 2 + 2 + 3);
        let (a, b) = (&chart.segments[0].rect, &chart.segments[1].rect);
        assert_eq!(a.right, b.left);
        assert!(((b.right - b.left) / (a.right - a.left) - 3.0).abs() < 1e-9);
        // A bar of 20 is half as long as a bar of 40.
        let first_end = chart.segments[1].rect.right - chart.baseline_x_dev;
        let second_end = chart.segments[3].rect.right - chart.baseline_x_dev;
        assert!((first_end / second_end - 2.0).abs() < 1e-9);
        assert_eq!(chart.rows[0].total, "40");
        assert!(chart.rows[0].total_x_dev > chart.segments[1].rect.right);
        assert_eq!(chart.headings.len(), 2);
        assert!(chart.rows.last().unwrap().band.bottom <= 400.0);
    }

    #[test]
    fn counts_are_written_inside_segments_wide_enough() {
        let chart = StackChart::layout(&input(), Size { width_css: 320.0, ..DESKTOP });
        assert_eq!(chart.segments[1].label.as_deref(), Some("30"));
        // One of 40 on a phone is a sliver without room for its digit.
        let sliver = &chart.segments[2];
        assert_eq!(sliver.input.count, 1);
        assert_eq!(sliver.label, None);
    }

    #[test]
    fn hit_testing_finds_the_segment_at_dpr_1_and_2() {
        for dpr in [1.0, 2.0] {
            let chart = StackChart::layout(&input(), Size { dpr, ..DESKTOP });
            for (i, s) in chart.segments.iter().enumerate() {
                let x = (s.rect.left + s.rect.right) / 2.0 / dpr;
                let row = chart.rows.iter().find(|r| r.band.top <= s.rect.top && s.rect.bottom <= r.band.bottom).unwrap();
                for y in [row.band.top + 0.5, row.center_y_dev, row.band.bottom - 0.5] {
                    assert_eq!(chart.item_at(x, y / dpr), Some(i), "dpr {dpr} segment {i}");
                }
                assert_eq!(chart.readout(i).unwrap().heading, s.input.heading);
            }
            // Past the bar's end, over a label or a heading: nothing.
            let row = &chart.rows[0];
            assert_eq!(chart.item_at((row.total_x_dev + 2.0) / dpr, row.center_y_dev / dpr), None);
            assert_eq!(chart.item_at(12.0, row.center_y_dev / dpr), None);
            assert_eq!(chart.item_at(300.0, chart.headings[1].y_dev / dpr + 2.0), None);
        }
    }

    #[test]
    fn type_ahead_finds_the_first_segment_of_a_group() {
        let chart = StackChart::layout(&input(), DESKTOP);
        // G1 has four drawn segments (the zero counts are not drawn), so G2 starts at 4.
        assert_eq!(chart.item_by_name("g2"), Some(4));
        assert_eq!(chart.readout(4).unwrap().heading, "C0");
        assert_eq!(chart.item_by_name("G"), Some(0));
        assert_eq!(chart.item_by_name("H"), None);
    }

    #[test]
    fn the_preferred_height_fits_every_row() {
        let preferred = StackChart::preferred_height_css(&input(), 360.0);
        let chart = StackChart::layout(&input(), Size { width_css: 360.0, height_css: preferred, dpr: 2.0 });
        assert!(chart.rows.last().unwrap().band.bottom <= preferred * 2.0);
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        for (w, h, dpr) in [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (5000.0, 20.0, 1.0), (20000.0, 20000.0, 4.0)] {
            let chart = StackChart::layout(&input(), Size { width_css: w, height_css: h, dpr });
            let _ = chart.item_at(10.0, 10.0);
            for i in 0..=chart.item_count() {
                let _ = chart.readout(i);
            }
        }
        assert_eq!(StackChart::layout(&StackChartInput::default(), DESKTOP).item_count(), 0);
    }

    #[test]
    fn summary_and_table_tell_the_counts() {
        let input = input();
        assert!(input.summary().contains("G1 x: 40 members (One: 10, Two: 0, Three: 30)."), "{}", input.summary());
        let table = input.wide_table();
        assert_eq!(table.rows.len(), 9);
        assert_eq!(table.rows[0], ["G1", "x", "One", "10", "a, b", "s"]);
    }
}
