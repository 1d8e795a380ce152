//! A line chart over report years, in one or more stacked panels that share the x axis:
//! what to draw and where, in device pixels, plus the inverse used for hover and keys.
//! Panels let series of very different magnitude (convictions vs victims) each keep a
//! readable y axis without a misleading second axis on the same plot.

use super::figure::Readout;
use super::format::{compact, thousands};
use super::scale::{nice_ticks, CategoryScale, LinearScale};

/// Where a value comes from, as shown in tooltips, tables and CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub edition: u16,
    pub file: String,
    pub line: u32,
    /// The printed text, where the dataset corrects it.
    pub printed: Option<String>,
    pub note: String,
}

impl Cite {
    pub fn describe(&self) -> String {
        format!("{} TIP Report, {} line {}", self.edition, self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    /// Stable id (a metric id), used in CSV and events.
    pub key: String,
    pub label: String,
    pub panel: usize,
    /// Palette colour and marker shape. Chosen by the chart kind per quantity, so the same
    /// quantity looks the same whichever other series are shown with it.
    pub style: usize,
    /// One entry per year of the chart; `None` where the source has no value (drawn as a gap).
    pub values: Vec<Option<(u64, Cite)>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChartInput {
    pub title: String,
    pub subtitle: String,
    pub years: Vec<u16>,
    pub panel_titles: Vec<String>,
    pub series: Vec<SeriesInput>,
}

/// The drawing surface: CSS size and devicePixelRatio. Layout works in device pixels so the
/// canvas backing store can be CSS size × DPR and every line stays crisp.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
}

impl Size {
    pub fn width_dev(&self) -> u32 {
        (self.width_css * self.dpr).round().max(1.0) as u32
    }
    pub fn height_dev(&self) -> u32 {
        (self.height_css * self.dpr).round().max(1.0) as u32
    }
}

/// Font sizes and spacing in CSS pixels; multiplied by DPR at layout time.
pub mod metrics {
    pub const TITLE_FONT: f64 = 15.0;
    pub const LABEL_FONT: f64 = 12.0;
    pub const PAD: f64 = 10.0;
    pub const LEGEND_ROW: f64 = 22.0;
    pub const PANEL_TITLE: f64 = 20.0;
    pub const X_AXIS: f64 = 24.0;
    pub const PANEL_GAP: f64 = 10.0;
    /// Average glyph advance as a share of the font size, for sans-serif digits and letters;
    /// used to reserve room for labels before the browser measures them.
    pub const CHAR_WIDTH: f64 = 0.6;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub y_dev: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: String,
    pub top_dev: f64,
    pub bottom_dev: f64,
    pub y: LinearScale,
    pub ticks: Vec<Tick>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year_index: usize,
    pub value: u64,
    pub x_dev: f64,
    pub y_dev: f64,
    pub cite: Cite,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub key: String,
    pub label: String,
    /// Index into the palette and marker shapes, so colour is never the only difference.
    pub style: usize,
    pub panel: usize,
    pub points: Vec<Point>,
}

impl Series {
    /// Runs of points in consecutive years: a line is drawn within a run, never across a gap.
    pub fn runs(&self) -> Vec<&[Point]> {
        let mut runs = Vec::new();
        let mut start = 0;
        for i in 1..=self.points.len() {
            if i == self.points.len() || self.points[i].year_index != self.points[i - 1].year_index + 1 {
                runs.push(&self.points[start..i]);
                start = i;
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    }
}

/// What a legend entry stands for: a series, or the ring that marks corrected values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendMark {
    Series,
    CorrectedRing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub mark: LegendMark,
    pub label: String,
    pub style: usize,
    pub x_dev: f64,
    pub y_dev: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub size: Size,
    pub title: String,
    pub subtitle: String,
    pub years: Vec<u16>,
    pub x: CategoryScale,
    pub plot_left_dev: f64,
    pub plot_right_dev: f64,
    pub panels: Vec<Panel>,
    pub series: Vec<Series>,
    pub legend: Vec<LegendEntry>,
}

impl LineChart {
    pub fn layout(input: &LineChartInput, size: Size, _hidden: &[String]) -> LineChart {
        use metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;

        let panel_count = input.panel_titles.len().max(1);
        let panel_max: Vec<f64> = (0..panel_count)
            .map(|p| {
                input
                    .series
                    .iter()
                    .filter(|s| s.panel == p)
                    .flat_map(|s| s.values.iter().flatten().map(|(v, _)| *v as f64))
                    .fold(0.0, f64::max)
            })
            .collect();
        let panel_ticks: Vec<Vec<f64>> = panel_max.iter().map(|&m| nice_ticks(m, 4)).collect();
        let widest_tick = panel_ticks.iter().flatten().map(|t| compact(*t).len()).max().unwrap_or(1);

        let plot_left = PAD * u + widest_tick as f64 * CHAR_WIDTH * LABEL_FONT * u + 8.0 * u;
        let plot_right = (width - 2.0 * PAD * u).max(plot_left + 1.0);
        // Leave half a year step of air so the first and last markers are not on the frame.
        let inner = (plot_right - plot_left) / (input.years.len().max(1) as f64 * 2.0).max(2.0);
        let x = CategoryScale { count: input.years.len(), range: (plot_left + inner, plot_right - inner) };

        // Legend entries flow left to right, wrapping when the row is full.
        let mut legend = Vec::new();
        let legend_top = PAD * u + TITLE_FONT * u * 1.3 + LABEL_FONT * u * 1.4;
        let (mut lx, mut ly) = (PAD * u, legend_top);
        let any_corrected =
            input.series.iter().flat_map(|s| s.values.iter().flatten()).any(|(_, cite)| cite.printed.is_some());
        let entries = input
            .series
            .iter()
            .map(|s| (LegendMark::Series, s.label.clone(), s.style))
            .chain(any_corrected.then(|| (LegendMark::CorrectedRing, "Corrected value (hover for what was printed)".to_owned(), 0)));
        for (mark, label, style) in entries {
            let w = (28.0 + label.chars().count() as f64 * CHAR_WIDTH * LABEL_FONT + 18.0) * u;
            if lx + w > width - PAD * u && lx > PAD * u {
                lx = PAD * u;
                ly += LEGEND_ROW * u;
            }
            legend.push(LegendEntry { mark, label, style, x_dev: lx, y_dev: ly });
            lx += w;
        }

        let panels_top = ly + LEGEND_ROW * u;
        let panels_bottom = (height - X_AXIS * u).max(panels_top + 1.0);
        let slot = (panels_bottom - panels_top) / panel_count as f64;
        let panels: Vec<Panel> = (0..panel_count)
            .map(|p| {
                let top = panels_top + p as f64 * slot + PANEL_TITLE * u;
                let bottom = (panels_top + (p + 1) as f64 * slot - if p + 1 < panel_count { PANEL_GAP * u } else { 0.0 })
                    .max(top + 1.0);
                let ticks = &panel_ticks[p];
                let y = LinearScale::new((0.0, *ticks.last().unwrap_or(&1.0)), (bottom, top));
                Panel {
                    title: input.panel_titles.get(p).cloned().unwrap_or_default(),
                    top_dev: top,
                    bottom_dev: bottom,
                    y,
                    ticks: ticks.iter().map(|&t| Tick { y_dev: y.position_from_value(t), label: compact(t) }).collect(),
                }
            })
            .collect();

        let series = input
            .series
            .iter()
            .map(|s| {
                let panel = s.panel.min(panel_count - 1);
                let points = s
                    .values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.as_ref().map(|(value, cite)| (i, *value, cite)))
                    .map(|(i, value, cite)| Point {
                        year_index: i,
                        value,
                        x_dev: x.position_from_index(i),
                        y_dev: panels[panel].y.position_from_value(value as f64),
                        cite: cite.clone(),
                    })
                    .collect();
                Series { key: s.key.clone(), label: s.label.clone(), style: s.style, panel, points }
            })
            .collect();

        LineChart {
            size,
            title: input.title.clone(),
            subtitle: input.subtitle.clone(),
            years: input.years.clone(),
            x,
            plot_left_dev: plot_left,
            plot_right_dev: plot_right,
            panels,
            series,
            legend,
        }
    }

    pub fn toggle_targets(&self) -> Vec<(String, String, bool, [f64; 4])> {
        Vec::new()
    }

    /// The year under a pointer at CSS pixel (`x_css`, `y_css`), if it is over the plots.
    pub fn year_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        let top = self.panels.first()?.top_dev - metrics::PANEL_TITLE * self.size.dpr;
        let bottom = self.panels.last()?.bottom_dev + metrics::X_AXIS * self.size.dpr;
        if y < top || y > bottom || x < self.plot_left_dev || x > self.plot_right_dev {
            return None;
        }
        self.x.index_from_position(x)
    }

    pub fn readout(&self, year_index: usize) -> Option<Readout> {
        let year = *self.years.get(year_index)?;
        let mut values = Vec::new();
        let mut sources: Vec<String> = Vec::new();
        let mut top = f64::INFINITY;
        for s in &self.series {
            let point = s.points.iter().find(|p| p.year_index == year_index);
            match point {
                None => values.push(format!("{}: not in the source", s.label)),
                Some(p) => {
                    top = top.min(p.y_dev);
                    let mut text = format!("{}: {}", s.label, thousands(p.value));
                    if let Some(printed) = &p.cite.printed {
                        let printed = printed.parse().map(thousands).unwrap_or_else(|_| printed.clone());
                        text.push_str(&format!(" (printed as {printed}; {})", p.cite.note));
                    }
                    values.push(text);
                    let source = p.cite.describe();
                    if !sources.contains(&source) {
                        sources.push(source);
                    }
                }
            }
        }
        if !top.is_finite() {
            top = self.panels.first().map_or(0.0, |p| p.top_dev);
        }
        Some(Readout {
            index: year_index,
            heading: year.to_string(),
            values,
            sources,
            x_css: self.x.position_from_index(year_index) / self.size.dpr,
            y_css: top / self.size.dpr,
            selection: vec![("year".to_owned(), year.to_string())],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(line: u32) -> Cite {
        Cite { edition: 2025, file: "f.txt".into(), line, printed: None, note: String::new() }
    }

    fn input() -> LineChartInput {
        LineChartInput {
            title: "T".into(),
            subtitle: "S".into(),
            years: vec![2018, 2019, 2020],
            panel_titles: vec!["A".into(), "B".into()],
            series: vec![
                SeriesInput { key: "a".into(), label: "A".into(), panel: 0, style: 0, values: vec![Some((10, cite(1))), None, Some((30, cite(3)))] },
                SeriesInput { key: "b".into(), label: "B".into(), panel: 1, style: 1, values: vec![Some((1000, cite(1))), Some((2000, cite(2))), Some((500, cite(3)))] },
            ],
        }
    }

    #[test]
    fn device_pixels_scale_with_dpr() {
        let one = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        let two = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 2.0 }, &[]);
        assert_eq!(two.size.width_dev(), 1200);
        assert!((two.x.position_from_index(1) - 2.0 * one.x.position_from_index(1)).abs() < 1e-6);
        // Hit-testing is in CSS pixels, so the same CSS point names the same year at any DPR.
        let x_css = one.x.position_from_index(2);
        let y_css = one.panels[0].top_dev + 5.0;
        assert_eq!(one.year_at(x_css, y_css), Some(2));
        assert_eq!(two.year_at(x_css, y_css), Some(2));
    }

    #[test]
    fn a_missing_value_breaks_the_line() {
        let chart = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        let runs: Vec<usize> = chart.series[0].runs().iter().map(|r| r.len()).collect();
        assert_eq!(runs, vec![1, 1]);
        assert_eq!(chart.series[1].runs().len(), 1);
        let readout = chart.readout(1).unwrap();
        assert_eq!(readout.values, vec!["A: not in the source", "B: 2,000"]);
    }

    #[test]
    fn panels_stack_without_overlap_and_values_fall_inside_their_panel() {
        let chart = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        assert!(chart.panels[0].bottom_dev < chart.panels[1].top_dev);
        for s in &chart.series {
            let panel = &chart.panels[s.panel];
            for p in &s.points {
                assert!(p.y_dev >= panel.top_dev - 0.5 && p.y_dev <= panel.bottom_dev + 0.5);
            }
        }
    }

    #[test]
    fn the_legend_explains_the_correction_ring_only_when_a_value_is_corrected() {
        let plain = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        assert!(plain.legend.iter().all(|e| e.mark == LegendMark::Series));
        let mut corrected = input();
        corrected.series[1].values[0].as_mut().unwrap().1.printed = Some("999".into());
        let chart = LineChart::layout(&corrected, Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        assert_eq!(chart.legend.last().unwrap().mark, LegendMark::CorrectedRing);
    }

    #[test]
    fn pointer_outside_the_plots_hits_nothing() {
        let chart = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        assert_eq!(chart.year_at(2.0, 200.0), None);
        assert_eq!(chart.year_at(300.0, 2.0), None);
    }

    #[test]
    fn tiny_sizes_do_not_panic() {
        for (w, h) in [(0.0, 0.0), (1.0, 1.0), (30.0, 500.0), (5000.0, 20.0)] {
            let chart = LineChart::layout(&input(), Size { width_css: w, height_css: h, dpr: 3.0 }, &[]);
            let _ = chart.year_at(10.0, 10.0);
            let _ = chart.readout(0);
        }
    }
}

impl LineChartInput {
    /// A short description for assistive technology: what is shown and how each series moved.
    /// Legend groups as (key, label), in legend order; toggling needs at least two.
    pub fn legend_groups(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    pub fn summary(&self) -> String {
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return format!("{}. No values to show.", self.title);
        };
        let mut parts = vec![format!("{}, {first} to {last}. {}.", self.title, self.subtitle)];
        for s in &self.series {
            let present: Vec<(u16, u64)> =
                self.years.iter().zip(&s.values).filter_map(|(y, v)| v.as_ref().map(|(v, _)| (*y, *v))).collect();
            if let (Some(&(first_year, a)), Some(&(last_year, b))) = (present.first(), present.last()) {
                let trend = match b.cmp(&a) {
                    std::cmp::Ordering::Greater => "rose",
                    std::cmp::Ordering::Less => "fell",
                    std::cmp::Ordering::Equal => "stayed",
                };
                parts.push(format!(
                    "{} {trend} from {} in {} to {} in {}.",
                    s.label,
                    thousands(a),
                    first_year,
                    thousands(b),
                    last_year
                ));
            }
        }
        parts.push("Use the arrow keys to step through the years.".into());
        parts.join(" ")
    }

    /// One row per year, one column per series, plus the sources: what `view="table"` and the
    /// screen-reader table show. Corrected values say so in the cell.
    pub fn wide_table(&self) -> super::table::DataTable {
        let mut columns = vec!["Year".to_owned()];
        columns.extend(self.series.iter().map(|s| s.label.clone()));
        columns.push("Source".to_owned());
        let rows = self
            .years
            .iter()
            .enumerate()
            .map(|(i, year)| {
                let mut row = vec![year.to_string()];
                let mut sources: Vec<String> = Vec::new();
                for s in &self.series {
                    row.push(match &s.values[i] {
                        None => "not in the source".to_owned(),
                        Some((v, cite)) => {
                            let source = cite.describe();
                            if !sources.contains(&source) {
                                sources.push(source);
                            }
                            match &cite.printed {
                                None => thousands(*v),
                                Some(p) => {
                                    let p = p.parse().map(thousands).unwrap_or_else(|_| p.clone());
                                    format!("{} (corrected; printed as {p})", thousands(*v))
                                }
                            }
                        }
                    });
                }
                row.push(sources.join("; "));
                row
            })
            .collect();
        super::table::DataTable { columns, rows }
    }
}
