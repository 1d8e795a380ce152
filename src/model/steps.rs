//! Ordered categories over report years: a row per category (Tier 1 at the top, down to a
//! "special case" row), a column per year, one series of markers per subject. Used by
//! `tier-history`.
//!
//! Not built on the line chart: its y axis is a number scale with numeric ticks, while here y
//! is a fixed list of named rows, and every point carries its own mark (how the value is
//! known) rather than one style per series.

use crate::i18n::{self, tr, trf};
use super::bars::{bar_metrics, Rect};
use super::text::{first_named, heading, LegendFlow, LegendPlace, TextLine};
use super::figure::Readout;
use super::format::describe_documents;
use super::line::metrics::{LABEL_FONT, PAD, X_AXIS};
use super::measure::{self, Weight};
use super::line::Size;
use super::scale::CategoryScale;
use super::table::DataTable;

/// How a point's value is known, drawn as a different mark so it shows without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PointKind {
    /// Printed in the document: a filled marker.
    Printed,
    /// Inferred from a sentence: a filled marker in a dashed ring.
    Inferred,
    /// Supplied or corrected by the dataset: a filled marker in a solid ring.
    Corrected,
    /// From another data set than the reports: a hollow marker.
    External,
}

/// Where a point comes from: the document in words, the file and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSource {
    /// `2019 TIP Report`, or a data set's title.
    pub document: String,
    pub file: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepPointInput {
    pub year_index: usize,
    /// The category row, 0 at the top.
    pub row: usize,
    pub kind: PointKind,
    /// The value in words for the readout and table, without the series label:
    /// `Tier 2 (printed), down from Tier 1 in 2015`.
    pub text: String,
    pub source: StepSource,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepSeriesInput {
    /// Stable id (a country id).
    pub key: String,
    pub label: String,
    /// Other names the subject goes by, for type-ahead.
    pub aliases: Vec<String>,
    /// Palette colour and marker shape.
    pub style: usize,
    /// In year order, at most one per year.
    pub points: Vec<StepPointInput>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepChartInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub years: Vec<u16>,
    /// Row labels, top to bottom, as (full, short for narrow screens).
    pub rows: Vec<(String, String)>,
    pub series: Vec<StepSeriesInput>,
    /// What each mark means, for the legend; only kinds that some point has are shown.
    pub kind_labels: Vec<(PointKind, String)>,
    /// What a readout says for a series without a point that year.
    pub missing_text: String,
    /// Written inside the shaded band of years without any data, where it fits.
    pub gap_label: String,
}

/// Below this CSS width the rows use their short labels.
const NARROW_CSS: f64 = 520.0;

impl StepChartInput {
    fn point(&self, series: usize, year_index: usize) -> Option<&StepPointInput> {
        self.series.get(series)?.points.iter().find(|p| p.year_index == year_index)
    }

    /// A short text alternative: what is shown, and each series' span and latest value.
    pub fn summary(&self) -> String {
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return format!("{}. {}", self.title, i18n::no_values(self.lang));
        };
        let lang = self.lang;
        let span = trf!(lang, "{0} to {1}", "de {0} à {1}", "de {0} a {1}"; first.to_string(), last.to_string());
        let mut parts = vec![format!("{}, {span}. {}", self.title, self.subtitle.trim_end_matches('.')) + "."];
        for s in &self.series {
            let (Some(a), Some(b)) = (s.points.first(), s.points.last()) else {
                parts.push(trf!(lang, "{0}: no data.", "{0} : aucune donnée.", "{0}: sin datos."; s.label));
                continue;
            };
            let row = |p: &StepPointInput| self.rows.get(p.row).map_or("", |r| r.0.as_str()).to_owned();
            let year = |p: &StepPointInput| self.years.get(p.year_index).copied().unwrap_or_default().to_string();
            parts.push(trf!(lang,
                "{0}: {1} editions with data, {2} to {3}; {4} in {2}, {5} in {3}.",
                "{0} : {1} éditions avec des données, de {2} à {3} ; {4} en {2}, {5} en {3}.",
                "{0}: {1} ediciones con datos, de {2} a {3}; {4} en {2}, {5} en {3}.";
                s.label, s.points.len().to_string(), year(a), year(b), row(a), row(b)));
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the editions.",
            "Les flèches du clavier parcourent les éditions.",
            "Las flechas del teclado recorren las ediciones."
        ).into());
        parts.join(" ")
    }

    /// One row per year, one column per series, plus the sources.
    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let mut columns = vec![tr!(lang, "Edition", "Édition", "Edición").to_owned()];
        for s in &self.series {
            columns.push(s.label.clone());
        }
        columns.push(i18n::source_column(lang).to_owned());
        let mut rows = Vec::with_capacity(self.years.len());
        for (i, year) in self.years.iter().enumerate() {
            let mut row = vec![year.to_string()];
            let mut cites = Vec::new();
            for s in 0..self.series.len() {
                match self.point(s, i) {
                    Some(p) => {
                        row.push(p.text.clone());
                        cites.push((p.source.document.as_str(), p.source.file.as_str(), p.source.line));
                    }
                    None => row.push(self.missing_text.clone()),
                }
            }
            row.push(describe_documents(&cites, lang).join("; "));
            rows.push(row);
        }
        DataTable { columns, rows }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowLine {
    /// The label as drawn (full or short, by width).
    pub label: String,
    pub y_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepPoint {
    pub year_index: usize,
    pub row: usize,
    pub kind: PointKind,
    pub x_dev: f64,
    pub y_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepSeries {
    pub key: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub style: usize,
    pub points: Vec<StepPoint>,
}

impl StepSeries {
    /// Runs of points in consecutive years: a line joins the points of a run and never
    /// crosses a year without data.
    pub fn runs(&self) -> Vec<&[StepPoint]> {
        super::line::consecutive_runs(&self.points, |p| p.year_index)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepLegendMark {
    /// A series: its colour, line and marker shape.
    Series { style: usize },
    /// A kind of point: its mark.
    Kind(PointKind),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepLegendEntry {
    pub mark: StepLegendMark,
    pub label: String,
    /// Where it is, and the label's lines as drawn.
    pub place: LegendPlace,
}

/// A run of years without any data, shaded so the gap reads as "no data", not as a drop.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub rect: Rect,
    /// Drawn inside when it fits.
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepChart {
    pub size: Size,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    pub legend: Vec<StepLegendEntry>,
    /// The plotting area; row labels are right-aligned left of it.
    pub plot: Rect,
    pub rows: Vec<RowLine>,
    pub years: Vec<u16>,
    pub x: CategoryScale,
    /// The years whose labels are printed under the plot (every n-th, so they never collide).
    pub year_labels: Vec<usize>,
    pub gaps: Vec<Gap>,
    pub series: Vec<StepSeries>,
    /// Readout lines per year, one per series.
    readouts: Vec<Vec<String>>,
    /// Sources per year.
    sources: Vec<Vec<String>>,
}

/// The least spacing of the category rows in CSS pixels: a label and half a line of air.
pub const MIN_ROW: f64 = 1.5 * LABEL_FONT;

impl StepChart {
    pub fn layout(input: &StepChartInput, size: Size) -> StepChart {
        use bar_metrics::GAP;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let font = LABEL_FONT * u;
        // A year label, the widest text under the axis.
        let year_width = measure::width("0000", font, Weight::Regular);
        let text_width = (width - 2.0 * PAD * u).max(0.0);

        let (title, subtitle, y) = heading(&input.title, &input.subtitle, width, u);
        let legend_top = y + GAP * u;

        // Legend: the series, then the marks that occur.
        let mut marks: Vec<(StepLegendMark, String)> = Vec::new();
        for s in &input.series {
            marks.push((StepLegendMark::Series { style: s.style }, s.label.clone()));
        }
        for (kind, label) in &input.kind_labels {
            if input.series.iter().any(|s| s.points.iter().any(|p| p.kind == *kind)) {
                marks.push((StepLegendMark::Kind(*kind), label.clone()));
            }
        }
        let mut flow = LegendFlow::new(width, u, legend_top);
        let mut legend = Vec::with_capacity(marks.len());
        for (mark, label) in marks {
            let place = flow.place(&label);
            legend.push(StepLegendEntry { mark, label, place });
        }
        let legend_bottom = flow.bottom();

        let short = size.width_css < NARROW_CSS;
        let mut longest = 0.0_f64;
        for (long, brief) in &input.rows {
            longest = longest.max(measure::width(if short { brief } else { long }, font, Weight::Regular));
        }
        let label_width = longest.min(0.4 * text_width);
        let left = PAD * u + label_width + GAP * u;
        let right = (width - PAD * u).max(left + 1.0);
        let top = legend_bottom + GAP * u;
        let bottom = (height - X_AXIS * u).max(top + 1.0);
        let plot = Rect { left, top, right, bottom };

        let count = input.years.len();
        let inner = (right - left) / (count.max(1) as f64 * 2.0).max(2.0);
        // The last year's label, centred on it, ends 2 px inside the canvas: with only the
        // half step, a phone cut the "5" of 2025.
        let last_inner = inner.max(year_width / 2.0 + 2.0 * u - PAD * u);
        let xs = CategoryScale { count, range: (left + inner, right - last_inner) };
        let row_count = input.rows.len().max(1);
        let row_height = (bottom - top) / row_count as f64;
        let mut rows = Vec::with_capacity(input.rows.len());
        for (r, (long, brief)) in input.rows.iter().enumerate() {
            let label = if short { brief.clone() } else { long.clone() };
            rows.push(RowLine { label, y_dev: top + (r as f64 + 0.5) * row_height });
        }

        let needed = year_width + 8.0 * u;
        let stride = (needed / xs.step().abs().max(1.0)).ceil().max(1.0) as usize;
        let year_labels = (0..count).step_by(stride).collect();

        // Several series on one row sit side by side, so equal values do not hide each other.
        let k = input.series.len().max(1);
        let spacing = (row_height * 0.6 / k as f64).min(6.0 * u);
        let mut series = Vec::with_capacity(input.series.len());
        for (i, s) in input.series.iter().enumerate() {
            let offset = (i as f64 - (k as f64 - 1.0) / 2.0) * spacing;
            let mut points = Vec::new();
            for p in &s.points {
                if p.year_index >= count {
                    continue;
                }
                points.push(StepPoint {
                    year_index: p.year_index,
                    row: p.row,
                    kind: p.kind,
                    x_dev: xs.position_from_index(p.year_index),
                    y_dev: top + (p.row.min(row_count - 1) as f64 + 0.5) * row_height + offset,
                });
            }
            series.push(StepSeries { key: s.key.clone(), label: s.label.clone(), aliases: s.aliases.clone(), style: s.style, points });
        }

        let has_data = |i: usize| input.series.iter().any(|s| s.points.iter().any(|p| p.year_index == i));
        let mut gaps = Vec::new();
        let half = xs.step().abs() / 2.0;
        let mut i = 0;
        while i < count && !input.series.is_empty() {
            if has_data(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < count && !has_data(i) {
                i += 1;
            }
            let rect = Rect {
                left: (xs.position_from_index(start) - half).max(left),
                top,
                right: (xs.position_from_index(i - 1) + half).min(right),
                bottom,
            };
            let fits = measure::width(&input.gap_label, font, Weight::Regular) + 4.0 * u <= rect.right - rect.left;
            gaps.push(Gap { rect, label: fits.then(|| input.gap_label.clone()) });
        }

        let mut readouts = Vec::with_capacity(count);
        let mut sources = Vec::with_capacity(count);
        for i in 0..count {
            let mut texts = Vec::with_capacity(input.series.len());
            let mut cites = Vec::new();
            for (s, series) in input.series.iter().enumerate() {
                match input.point(s, i) {
                    Some(p) => {
                        texts.push(i18n::labelled(&series.label, &p.text, input.lang));
                        cites.push((p.source.document.as_str(), p.source.file.as_str(), p.source.line));
                    }
                    None => texts.push(i18n::labelled(&series.label, &input.missing_text, input.lang)),
                }
            }
            readouts.push(texts);
            sources.push(describe_documents(&cites, input.lang));
        }

        StepChart {
            size,
            title,
            subtitle,
            legend,
            plot,
            rows,
            years: input.years.clone(),
            x: xs,
            year_labels,
            gaps,
            series,
            readouts,
            sources,
        }
    }

    pub fn item_count(&self) -> usize {
        self.years.len()
    }

    /// The year under a pointer at CSS pixel (`x_css`, `y_css`): anywhere over the plot or
    /// its year labels.
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let u = self.size.dpr.max(0.5);
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        let p = &self.plot;
        if x < p.left || x > p.right || y < p.top || y > p.bottom + X_AXIS * u {
            return None;
        }
        self.x.index_from_position(x)
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let year = *self.years.get(index)?;
        let top = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(|p| p.year_index == index))
            .map(|p| p.y_dev)
            .fold(f64::INFINITY, f64::min);
        let top = if top.is_finite() { top } else { self.plot.top };
        Some(Readout {
            index,
            heading: year.to_string(),
            values: self.readouts.get(index).cloned().unwrap_or_default(),
            sources: self.sources.get(index).cloned().unwrap_or_default(),
            x_css: self.x.position_from_index(index) / self.size.dpr,
            y_css: top / self.size.dpr,
            rows: None,
            selection: vec![("year".to_owned(), year.to_string())],
            list: None,
        })
    }

    /// Type-ahead: a year (`201` finds 2010), or a series by label, key or alias, which finds
    /// the last year it has a point in (its latest known value, what a reader looks for first).
    pub fn item_by_name(&self, typed: &str) -> Option<usize> {
        let mut names: Vec<Vec<&str>> = Vec::new();
        let mut targets = Vec::new();
        for s in &self.series {
            let Some(last) = s.points.last() else { continue };
            names.push(
                std::iter::once(s.label.as_str())
                    .chain(Some(s.key.as_str()))
                    .chain(s.aliases.iter().map(String::as_str))
                    .collect(),
            );
            targets.push(last.year_index);
        }
        let years: Vec<String> = self.years.iter().map(u16::to_string).collect();
        for (i, year) in years.iter().enumerate() {
            names.push(vec![year.as_str()]);
            targets.push(i);
        }
        first_named(typed, &names).map(|i| targets[i])
    }

    /// The height, in CSS pixels, that gives every row room at `width_css`.
    pub fn preferred_height_css(input: &StepChartInput, width_css: f64) -> f64 {
        Self::height_for_rows_css(input, width_css, 44.0)
    }

    /// The least height at which the rows' labels (Tier 1 to Special case) do not overprint.
    pub fn minimum_height_css(input: &StepChartInput, width_css: f64) -> f64 {
        Self::height_for_rows_css(input, width_css, MIN_ROW)
    }

    fn height_for_rows_css(input: &StepChartInput, width_css: f64, row: f64) -> f64 {
        let probe = StepChart::layout(input, Size { width_css, height_css: 0.0, dpr: 1.0 });
        (probe.plot.top + input.rows.len() as f64 * row + X_AXIS + PAD).ceil()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(line: u32) -> StepSource {
        StepSource { document: "2025 TIP Report".into(), file: "f.txt".into(), line }
    }

    fn point(year_index: usize, row: usize, kind: PointKind) -> StepPointInput {
        StepPointInput { year_index, row, kind, text: format!("row {row}"), source: source(year_index as u32 + 1) }
    }

    fn input() -> StepChartInput {
        StepChartInput { lang: Default::default(),
            title: "Title".into(),
            subtitle: "Subtitle".into(),
            years: (2001..=2010).collect(),
            rows: vec![("Row A".into(), "A".into()), ("Row B".into(), "B".into()), ("Row C".into(), "C".into())],
            series: vec![
                StepSeriesInput {
                    key: "a".into(),
                    label: "Alpha".into(),
                    aliases: vec!["First".into()],
                    style: 0,
                    points: vec![
                        point(0, 0, PointKind::External),
                        point(1, 1, PointKind::External),
                        point(5, 1, PointKind::Printed),
                        point(6, 2, PointKind::Inferred),
                    ],
                },
                StepSeriesInput {
                    key: "b".into(),
                    label: "Beta".into(),
                    aliases: Vec::new(),
                    style: 1,
                    points: vec![point(1, 1, PointKind::Printed), point(7, 2, PointKind::Printed)],
                },
            ],
            kind_labels: vec![
                (PointKind::Printed, "printed".into()),
                (PointKind::Inferred, "inferred".into()),
                (PointKind::Corrected, "corrected".into()),
                (PointKind::External, "external".into()),
            ],
            missing_text: "no data".into(),
            gap_label: "none".into(),
        }
    }

    const DESKTOP: Size = Size { width_css: 720.0, height_css: 440.0, dpr: 1.0 };

    #[test]
    fn lines_join_consecutive_years_only() {
        let chart = StepChart::layout(&input(), DESKTOP);
        let runs: Vec<Vec<usize>> =
            chart.series[0].runs().iter().map(|r| r.iter().map(|p| p.year_index).collect()).collect();
        assert_eq!(runs, [vec![0, 1], vec![5, 6]]);
        assert_eq!(chart.series[1].runs().len(), 2);
    }

    #[test]
    fn rows_run_top_to_bottom_and_equal_values_sit_side_by_side() {
        let chart = StepChart::layout(&input(), DESKTOP);
        assert!(chart.rows.windows(2).all(|w| w[0].y_dev < w[1].y_dev));
        let (a, b) = (&chart.series[0].points[1], &chart.series[1].points[0]);
        assert_eq!((a.year_index, b.year_index), (1, 1));
        assert_eq!(a.x_dev, b.x_dev);
        assert!(a.y_dev < b.y_dev && b.y_dev - a.y_dev < 20.0, "{} {}", a.y_dev, b.y_dev);
        assert!(((a.y_dev + b.y_dev) / 2.0 - chart.rows[1].y_dev).abs() < 1e-9);
    }

    #[test]
    fn years_without_any_data_are_shaded_gaps() {
        let chart = StepChart::layout(&input(), DESKTOP);
        assert_eq!(chart.gaps.len(), 2);
        let x = |i| chart.x.position_from_index(i);
        let first = &chart.gaps[0].rect;
        assert!(first.left < x(2) && first.right > x(4) && first.right < x(5));
        let last = &chart.gaps[1].rect;
        assert!(last.left > x(6) && last.right <= chart.plot.right);
    }

    #[test]
    fn the_legend_shows_the_series_and_only_the_marks_that_occur() {
        let chart = StepChart::layout(&input(), DESKTOP);
        let labels: Vec<&str> = chart.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Alpha", "Beta", "printed", "inferred", "external"]);
    }

    #[test]
    fn readout_lists_every_series_with_sources_and_hit_testing_finds_the_year_at_dpr_1_and_2() {
        for dpr in [1.0, 2.0] {
            let chart = StepChart::layout(&input(), Size { dpr, ..DESKTOP });
            for i in 0..chart.item_count() {
                let x_css = chart.x.position_from_index(i) / dpr;
                let y_css = (chart.plot.top + chart.plot.bottom) / 2.0 / dpr;
                assert_eq!(chart.item_at(x_css, y_css), Some(i));
            }
            assert_eq!(chart.item_at(chart.plot.left / dpr - 2.0, chart.plot.bottom / dpr - 5.0), None);
            assert_eq!(chart.item_at(300.0, 2.0), None);
            let readout = chart.readout(1).unwrap();
            assert_eq!(readout.heading, "2002");
            assert_eq!(readout.values, ["Alpha: row 1", "Beta: row 1"]);
            assert_eq!(readout.sources, ["2025 TIP Report, f.txt line 2"]);
            assert_eq!(readout.selection, [("year".to_owned(), "2002".to_owned())]);
            assert_eq!(chart.readout(3).unwrap().values, ["Alpha: no data", "Beta: no data"]);
        }
    }

    #[test]
    fn type_ahead_finds_a_year_or_a_series_latest_point() {
        let chart = StepChart::layout(&input(), DESKTOP);
        let year = |typed: &str| chart.item_by_name(typed).map(|i| chart.years[i]);
        assert_eq!(year("2"), Some(2001));
        assert_eq!(year("2007"), Some(2007));
        assert_eq!(year("201"), Some(2010));
        // Each series' own last point (Alpha 2007, Beta 2008), by key and by alias as well.
        assert_eq!(year("alp"), Some(2007));
        assert_eq!(year("B"), Some(2008));
        assert_eq!(year("first"), Some(2007));
        assert_eq!(year("Gamma"), None);
        assert_eq!(year("1999"), None);
    }

    #[test]
    fn narrow_screens_use_short_row_labels() {
        let phone = StepChart::layout(&input(), Size { width_css: 360.0, height_css: 400.0, dpr: 3.0 });
        assert_eq!(phone.rows[0].label, "A");
        assert_eq!(StepChart::layout(&input(), DESKTOP).rows[0].label, "Row A");
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        for (w, h, dpr) in [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (5000.0, 20.0, 1.0), (20000.0, 20000.0, 4.0)] {
            let chart = StepChart::layout(&input(), Size { width_css: w, height_css: h, dpr });
            let _ = chart.item_at(10.0, 10.0);
            for i in 0..=chart.item_count() {
                let _ = chart.readout(i);
            }
        }
        let empty = StepChart::layout(&StepChartInput::default(), DESKTOP);
        assert_eq!(empty.item_count(), 0);
        assert!(empty.gaps.is_empty());
    }

    #[test]
    fn summary_and_table_tell_the_same_facts() {
        let input = input();
        let summary = input.summary();
        assert!(summary.starts_with("Title, 2001 to 2010. Subtitle."), "{summary}");
        assert!(summary.contains("Alpha: 4 editions with data, 2001 to 2007; Row A in 2001, Row C in 2007."), "{summary}");
        let table = input.wide_table();
        assert_eq!(table.columns, ["Edition", "Alpha", "Beta", "Source"]);
        assert_eq!(table.rows[1], ["2002", "row 1", "row 1", "2025 TIP Report, f.txt line 2"]);
        assert_eq!(table.rows[2], ["2003", "no data", "no data", ""]);
    }
}
