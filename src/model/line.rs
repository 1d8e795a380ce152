//! A line chart over report years, in one or more panels: stacked panels that share the x
//! axis, or a grid of small multiples. What to draw and where, in device pixels, plus the
//! inverse used for hover and keys. Panels let series of very different magnitude
//! (convictions vs victims) each keep a readable y axis without a misleading second axis on
//! the same plot.

use super::figure::{Readout, ToggleTarget};
use super::format::describe_sources;
use crate::i18n::{self, tr, trf, Lang, Numbers};
use super::measure::{self, Weight};
use super::text::{heading, LegendFlow, LegendPlace, TextLine};
use super::scale::{ticks_for, CategoryScale, ValueScale, ValueScaleKind};

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
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}, {} {}", i18n::tip_report(self.edition, lang), self.file, i18n::lines(&[self.line], lang))
    }
}


#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    /// Stable id (a metric id, or metric and edition), used in CSV and events.
    pub key: String,
    /// What the tooltip and table call it.
    pub label: String,
    /// The legend entry the series belongs to; series sharing one are shown and hidden
    /// together (the six regions of one metric, for example).
    pub group: String,
    pub group_label: String,
    pub panel: usize,
    /// Palette colour and marker shape. Chosen by the chart kind per quantity, so the same
    /// quantity looks the same whichever other series are shown with it.
    pub style: usize,
    /// Drawn with a dashed line (labor-only counts).
    pub dashed: bool,
    /// Drawn with hollow markers (the earlier edition when two are compared).
    pub hollow: bool,
    /// The series (by index) holding an earlier edition's values of the same quantity; where
    /// they differ this series' point is marked as revised and the readout gives both.
    pub revises: Option<usize>,
    /// The series (by index) this one is a part of; the readout gives the share.
    pub share_of: Option<usize>,
    /// One entry per year of the chart; `None` where the source has no value (drawn as a gap).
    pub values: Vec<Option<(u64, Cite)>>,
}

impl SeriesInput {
    /// A plain series: its own legend entry, solid line, filled markers.
    pub fn new(key: &str, label: &str, panel: usize, style: usize, values: Vec<Option<(u64, Cite)>>) -> SeriesInput {
        SeriesInput {
            key: key.to_owned(),
            label: label.to_owned(),
            group: key.to_owned(),
            group_label: label.to_owned(),
            panel,
            style,
            dashed: false,
            hollow: false,
            revises: None,
            share_of: None,
            values,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChartInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub years: Vec<u16>,
    pub panel_titles: Vec<String>,
    pub series: Vec<SeriesInput>,
    pub scale: ValueScaleKind,
    /// Panels as a grid of small multiples, each with its own year axis, rather than stacked
    /// over one shared year axis.
    pub grid: bool,
    /// All panels use one y scale, so their heights compare directly.
    pub shared_y: bool,
}

/// The drawing surface: CSS size and devicePixelRatio. Layout works in device pixels so the
/// canvas backing store can be CSS size × DPR and every line stays crisp.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width_css: f64,
    pub height_css: f64,
    pub dpr: f64,
}

/// The largest CSS size laid out, and the device pixel ratios accepted: beyond them a canvas
/// cannot be allocated anyway, and an infinite or absurd size sent the map's fitting loops on
/// for ever (found by tests/fuzz.rs).
pub const MAX_CSS: f64 = 16_384.0;
pub const DPR_RANGE: (f64, f64) = (0.1, 8.0);

impl Size {
    /// The same size with every number finite and in range: zero, negative or NaN lengths
    /// become 1 CSS pixel, a missing DPR 1, and everything is clamped to what a canvas can be.
    pub fn sanitized(self) -> Size {
        let length = |v: f64| if v.is_nan() || v < 1.0 { 1.0 } else { v.min(MAX_CSS) };
        let dpr = if self.dpr.is_finite() && self.dpr > 0.0 { self.dpr.clamp(DPR_RANGE.0, DPR_RANGE.1) } else { 1.0 };
        Size { width_css: length(self.width_css), height_css: length(self.height_css), dpr }
    }

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
    /// Width of the legend's line-and-marker sample, and the gap after each entry.
    pub const LEGEND_SAMPLE: f64 = 28.0;
    pub const LEGEND_GAP: f64 = 18.0;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub y_dev: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: String,
    pub left_dev: f64,
    pub right_dev: f64,
    pub top_dev: f64,
    pub bottom_dev: f64,
    /// Years along this panel.
    pub x: CategoryScale,
    /// Whether this panel prints the year labels under it.
    pub x_labels: bool,
    pub y: ValueScale,
    pub ticks: Vec<Tick>,
}

impl Panel {
    /// The panel's hover band: the plot plus its title above and its year labels (or the gap)
    /// below, so the pointer finds a year anywhere near the plot.
    fn hit_band(&self, u: f64) -> (f64, f64, f64, f64) {
        let below = if self.x_labels { metrics::X_AXIS } else { metrics::PANEL_GAP };
        (self.left_dev, self.right_dev, self.top_dev - metrics::PANEL_TITLE * u, self.bottom_dev + below * u)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year_index: usize,
    pub value: u64,
    pub x_dev: f64,
    pub y_dev: f64,
    pub cite: Cite,
    /// The earlier edition printed a different value for this year.
    pub revised: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub key: String,
    pub label: String,
    /// Index into the palette and marker shapes, so colour is never the only difference.
    pub style: usize,
    pub dashed: bool,
    pub hollow: bool,
    pub panel: usize,
    pub points: Vec<Point>,
}

impl Series {
    /// Runs of points in consecutive years: a line is drawn within a run, never across a gap.
    pub fn runs(&self) -> Vec<&[Point]> {
        consecutive_runs(&self.points, |p| p.year_index)
    }
}

/// Splits points (in year order) into runs of consecutive years, so lines are drawn within a
/// run and never across a year without data.
pub fn consecutive_runs<T>(points: &[T], year_index: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || year_index(&points[i]) != year_index(&points[i - 1]) + 1 {
            runs.push(&points[start..i]);
            start = i;
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// What a legend entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegendMark {
    /// A group of series, drawn with their line and marker; `shown` is false once toggled off.
    Series { group: String, dashed: bool, hollow: bool, shown: bool },
    /// The ring that marks values the dataset corrects.
    CorrectedRing,
    /// The frame that marks values an edition revised.
    RevisionFrame,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub mark: LegendMark,
    pub label: String,
    pub style: usize,
    /// Where it is, and the label's lines as drawn.
    pub place: LegendPlace,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub size: Size,
    pub title: String,
    pub subtitle: String,
    /// Title and subtitle wrapped to the width.
    pub title_lines: Vec<TextLine>,
    pub subtitle_lines: Vec<TextLine>,
    pub years: Vec<u16>,
    pub panels: Vec<Panel>,
    /// The series shown (hidden groups are left out).
    pub series: Vec<Series>,
    pub legend: Vec<LegendEntry>,
    /// Readout text per shown series and year, worked out once at layout.
    readouts: Vec<Vec<String>>,
    lang: Lang,
}

/// How many small multiples fit side by side at this CSS width.
fn grid_columns(width_css: f64, panels: usize) -> usize {
    let fit = if width_css >= 900.0 {
        3
    } else if width_css >= 560.0 {
        2
    } else {
        1
    };
    fit.min(panels.max(1))
}

impl LineChart {
    pub fn layout(input: &LineChartInput, size: Size, hidden: &[String]) -> LineChart {
        use metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let mut shown = Vec::with_capacity(input.series.len());
        for s in &input.series {
            shown.push(!hidden.contains(&s.group));
        }

        // y ranges from the shown values only, so hiding a large series lets the rest fill the panel.
        let panel_count = input.panel_titles.len().max(1);
        let mut ranges = vec![(f64::INFINITY, 0.0f64); panel_count];
        for (s, &shown) in input.series.iter().zip(&shown) {
            if !shown {
                continue;
            }
            let range = &mut ranges[s.panel.min(panel_count - 1)];
            for (v, _) in s.values.iter().flatten() {
                let v = *v as f64;
                if v > 0.0 {
                    range.0 = range.0.min(v);
                }
                range.1 = range.1.max(v);
            }
        }
        if input.shared_y {
            let all = ranges.iter().fold((f64::INFINITY, 0.0f64), |a, r| (a.0.min(r.0), a.1.max(r.1)));
            ranges.iter_mut().for_each(|r| *r = all);
        }
        let (title_lines, subtitle_lines, legend_top) = heading(&input.title, &input.subtitle, width, u);
        // The panels start under the legend (never empty: every group has an entry).
        let (legend, panels_top) = legend_entries(input, &shown, width, u, legend_top);

        let columns = if input.grid { grid_columns(size.width_css, panel_count) } else { 1 };
        let rows = panel_count.div_ceil(columns);
        let panels_bottom = if input.grid { height } else { (height - X_AXIS * u).max(panels_top + 1.0) };
        let cell_height = (panels_bottom - panels_top).max(1.0) / rows as f64;

        // Fewer ticks in a short panel, so their labels keep a line and more apart.
        let shortest_plot_css = cell_height / u - PANEL_TITLE - cell_margin(input.grid);
        let tick_target = ((shortest_plot_css / (1.8 * LABEL_FONT)).floor() as usize).clamp(2, 4);
        let numbers = Numbers(input.lang);
        let mut panel_ticks = Vec::with_capacity(ranges.len());
        // Every label has a character, so one digit is the least a tick needs room for.
        let font = LABEL_FONT * u;
        let mut widest_tick = measure::width("0", font, Weight::Regular);
        for &(lo, hi) in &ranges {
            let ticks = ticks_for(input.scale, lo, hi, tick_target);
            for &t in &ticks {
                widest_tick = widest_tick.max(measure::width(&numbers.compact(t), font, Weight::Regular));
            }
            panel_ticks.push(ticks);
        }
        let tick_room = widest_tick + 8.0 * u;
        let cell_width = (width - PAD * u).max(1.0) / columns as f64;
        let mut panels = Vec::with_capacity(panel_count);
        for p in 0..panel_count {
            let (row, column) = (p / columns, p % columns);
            let cell_left = column as f64 * cell_width;
            let left = cell_left + PAD * u + tick_room;
            let right = (cell_left + cell_width - PAD * u).max(left + 1.0);
            let top = panels_top + row as f64 * cell_height + PANEL_TITLE * u;
            let x_labels = input.grid || p + 1 == panel_count;
            let below = if input.grid { X_AXIS } else if x_labels { 0.0 } else { PANEL_GAP };
            let bottom = (panels_top + (row + 1) as f64 * cell_height - below * u).max(top + 1.0);
            // Half a year step of air so the first and last markers are not on the frame.
            let inner = (right - left) / (input.years.len().max(1) as f64 * 2.0).max(2.0);
            let x = CategoryScale { count: input.years.len(), range: (left + inner, right - inner) };
            let y = ValueScale::new(input.scale, &panel_ticks[p], (bottom, top));
            let mut ticks: Vec<Tick> = Vec::new();
            for &t in &panel_ticks[p] {
                let Some(y_dev) = y.position_from_value(t) else { continue };
                // A label closer than a line to the one below would overprint it (a log
                // scale's 1-2-5 steps in a short panel): that tick is left out.
                if ticks.last().is_some_and(|below| (below.y_dev - y_dev).abs() < 1.2 * LABEL_FONT * u) {
                    continue;
                }
                ticks.push(Tick { y_dev, label: numbers.compact(t) });
            }
            panels.push(Panel {
                title: input.panel_titles.get(p).cloned().unwrap_or_default(),
                left_dev: left,
                right_dev: right,
                top_dev: top,
                bottom_dev: bottom,
                x,
                x_labels,
                y,
                ticks,
            });
        }

        let value_at = |s: usize, i: usize| input.series[s].values.get(i).and_then(|v| v.as_ref()).map(|(v, _)| *v);
        let mut series = Vec::new();
        let mut readouts = Vec::new();
        for (index, s) in input.series.iter().enumerate() {
            if !shown[index] {
                continue;
            }
            let panel = &panels[s.panel.min(panel_count - 1)];
            let mut points = Vec::new();
            for (i, v) in s.values.iter().enumerate() {
                let Some((value, cite)) = v else { continue };
                let Some(y_dev) = panel.y.position_from_value(*value as f64) else { continue };
                let revised = s.revises.is_some_and(|old| value_at(old, i).is_some_and(|o| o != *value));
                points.push(Point { year_index: i, value: *value, x_dev: panel.x.position_from_index(i), y_dev, cite: cite.clone(), revised });
            }
            series.push(Series {
                key: s.key.clone(),
                label: s.label.clone(),
                style: s.style,
                dashed: s.dashed,
                hollow: s.hollow,
                panel: s.panel.min(panel_count - 1),
                points,
            });
            let mut texts = Vec::with_capacity(input.years.len());
            for y in 0..input.years.len() {
                texts.push(value_text(input, index, y));
            }
            readouts.push(texts);
        }

        LineChart {
            size,
            title: input.title.clone(),
            subtitle: input.subtitle.clone(),
            title_lines,
            subtitle_lines,
            years: input.years.clone(),
            panels,
            series,
            legend,
            readouts,
            lang: input.lang,
        }
    }

    /// The legend entries that toggle; none when there is only one group.
    pub fn toggle_targets(&self) -> Vec<ToggleTarget> {
        let u = self.size.dpr.max(0.5);
        let groups = self.legend.iter().filter(|e| matches!(e.mark, LegendMark::Series { .. })).count();
        if groups < 2 {
            return Vec::new();
        }
        self.legend
            .iter()
            .filter_map(|e| match &e.mark {
                LegendMark::Series { group, shown, .. } => Some(ToggleTarget {
                    key: group.clone(),
                    label: e.label.clone(),
                    shown: *shown,
                    rect_css: [
                        e.place.x_dev / u - 4.0,
                        e.place.y_dev / u - 4.0,
                        e.place.width_dev / u - metrics::LEGEND_GAP + 8.0,
                        e.place.height_dev(u) / u,
                    ],
                }),
                _ => None,
            })
            .collect()
    }

    /// The year under a pointer at CSS pixel (`x_css`, `y_css`), if it is over a panel.
    pub fn year_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let u = self.size.dpr.max(0.5);
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        let panel = self.panels.iter().find(|p| {
            let (left, right, top, bottom) = p.hit_band(u);
            x >= left && x <= right && y >= top && y <= bottom
        })?;
        panel.x.index_from_position(x)
    }

    pub fn readout(&self, year_index: usize) -> Option<Readout> {
        let year = *self.years.get(year_index)?;
        let values: Vec<String> = self.readouts.iter().filter_map(|r| r.get(year_index).cloned()).collect();
        let mut cites = Vec::new();
        let mut top = f64::INFINITY;
        let mut anchor_panel = None;
        for s in &self.series {
            if let Some(p) = s.points.iter().find(|p| p.year_index == year_index) {
                if anchor_panel.map_or(true, |a| a == s.panel) {
                    anchor_panel = Some(s.panel);
                    top = top.min(p.y_dev);
                }
                cites.push((p.cite.edition, p.cite.file.as_str(), p.cite.line));
            }
        }
        let sources = describe_sources(&cites, self.lang);
        let panel = &self.panels[anchor_panel.unwrap_or(0).min(self.panels.len().saturating_sub(1))];
        if !top.is_finite() {
            top = panel.top_dev;
        }
        Some(Readout {
            index: year_index,
            heading: year.to_string(),
            values,
            sources,
            x_css: panel.x.position_from_index(year_index) / self.size.dpr,
            y_css: top / self.size.dpr,
            rows: None,
            selection: vec![("year".to_owned(), year.to_string())],
            list: None,
        })
    }
}

/// Legend entries flow left to right under the subtitle, wrapping when a row is full: one per
/// group of series, then the marks for corrected and revised values where any are shown.
/// Returns them and the y where the legend ends.
fn legend_entries(input: &LineChartInput, shown: &[bool], width: f64, u: f64, top: f64) -> (Vec<LegendEntry>, f64) {
    let mut marks: Vec<(LegendMark, String, usize)> = Vec::new();
    for (i, s) in input.series.iter().enumerate() {
        let known = marks.iter().any(|(m, _, _)| matches!(m, LegendMark::Series { group, .. } if *group == s.group));
        if !known {
            let mark = LegendMark::Series { group: s.group.clone(), dashed: s.dashed, hollow: s.hollow, shown: shown[i] };
            marks.push((mark, s.group_label.clone(), s.style));
        }
    }
    // Whether any shown series has a corrected value, and whether any revises another.
    let (mut any_corrected, mut any_revised) = (false, false);
    for (s, &shown) in input.series.iter().zip(shown) {
        if !shown {
            continue;
        }
        any_corrected |= s.values.iter().any(|v| v.as_ref().is_some_and(|(_, cite)| cite.printed.is_some()));
        if let Some(old) = s.revises {
            for (new, old) in s.values.iter().zip(&input.series[old].values) {
                if let (Some((a, _)), Some((b, _))) = (new, old) {
                    any_revised |= a != b;
                }
            }
        }
    }
    if any_corrected {
        let label = tr!(
            input.lang,
            "Corrected value (hover for what was printed)",
            "Valeur corrigée (survoler pour la valeur imprimée)",
            "Valor corregido (pase el puntero para ver el impreso)"
        );
        marks.push((LegendMark::CorrectedRing, label.to_owned(), 0));
    }
    if any_revised {
        let label = tr!(
            input.lang,
            "Revised since the earlier edition",
            "Révisée depuis l'édition précédente",
            "Revisado desde la edición anterior"
        );
        marks.push((LegendMark::RevisionFrame, label.to_owned(), 0));
    }

    let mut flow = LegendFlow::new(width, u, top);
    let mut entries = Vec::with_capacity(marks.len());
    for (mark, label, style) in marks {
        let place = flow.place(&label);
        entries.push(LegendEntry { mark, label, style, place });
    }
    (entries, flow.bottom())
}

/// A correction's reason for a readout: its first clause without the asides in brackets or
/// the "corrected:" prefix ("misprint"); the CSV keeps the whole note, with the lines it
/// cites and the arithmetic, which filled a tooltip of 300 px and was all read out.
fn reason_in_brief(note: &str) -> String {
    let note = note.strip_prefix("corrected:").unwrap_or(note);
    let (mut brief, mut depth) = (String::with_capacity(note.len()), 0usize);
    for ch in note.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => break,
            _ if depth == 0 => brief.push(ch),
            _ => {}
        }
    }
    // One space between words, none at the ends (a bracket's removal leaves two).
    let mut tidy = String::with_capacity(brief.len());
    for word in brief.split_whitespace() {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    tidy
}

/// A brief reason in the reader's language where it is one of the dataset's kinds of
/// correction ("misprint"); any other reason is the dataset's own words, kept as written.
fn reason_words(brief: &str, lang: Lang) -> String {
    match brief {
        "misprint" => tr!(lang, "misprint", "coquille", "errata").to_owned(),
        _ => brief.to_owned(),
    }
}

/// The readout line for series `s` in year `i`: value, correction, revision, share.
fn value_text(input: &LineChartInput, s: usize, i: usize) -> String {
    let series = &input.series[s];
    let value_of = |s: usize| input.series.get(s).and_then(|x| x.values.get(i)).and_then(|v| v.as_ref());
    let (lang, numbers) = (input.lang, Numbers(input.lang));
    let Some((value, cite)) = value_of(s) else {
        return i18n::labelled(&series.label, not_in_the_source(lang), lang);
    };
    let mut text = i18n::labelled(&series.label, &numbers.whole(*value), lang);
    if let Some(printed) = &cite.printed {
        text.push_str(&trf!(lang, " (printed as {0}; {1})", " (imprimé : {0} ; {1})", " (impreso: {0}; {1})";
            printed_number(printed, numbers), reason_words(&reason_in_brief(&cite.note), lang)));
    }
    if *value == 0 && input.scale == ValueScaleKind::Log {
        text.push_str(tr!(
            lang,
            " (not drawn: a log scale has no zero)",
            " (non tracé : une échelle logarithmique n'a pas de zéro)",
            " (no dibujado: una escala logarítmica no tiene cero)"
        ));
    }
    if let Some((old_value, old_cite)) = series.revises.and_then(value_of) {
        if old_value != value {
            text.push_str(&trf!(lang,
                ", revised from {0} in the {1} edition",
                ", révisé (contre {0} dans l'édition {1})",
                ", revisado (frente a {0} en la edición {1})";
                numbers.whole(*old_value), old_cite.edition.to_string()));
        }
    }
    if let Some((total, _)) = series.share_of.and_then(value_of) {
        if *total > 0 {
            text.push_str(&trf!(lang, " ({0} of the total)", " ({0} du total)", " ({0} del total)";
                numbers.percent(*value, *total)));
        }
    }
    text
}

/// A printed value as the reader's language writes numbers, or as printed when it is not one.
fn printed_number(printed: &str, numbers: Numbers) -> String {
    printed.parse().map(|n| numbers.whole(n)).unwrap_or_else(|_| printed.to_owned())
}

/// What a table cell or readout says where the source has no value.
pub fn not_in_the_source(lang: Lang) -> &'static str {
    tr!(lang, "not in the source", "absent de la source", "no figura en la fuente")
}

/// What a row of panels has under its plot besides the plot: the year axis in a grid, else at
/// most the gap between stacked panels (the last one's year axis is under all of them).
fn cell_margin(grid: bool) -> f64 {
    if grid {
        metrics::X_AXIS
    } else {
        metrics::PANEL_GAP
    }
}

/// The least height of a panel's plot in CSS pixels: three tick labels a line and more apart.
pub const MIN_PLOT: f64 = 48.0;

impl LineChartInput {
    /// The least height (CSS pixels) at which every panel's plot keeps [`MIN_PLOT`]: below it
    /// the panels' titles, ticks and lines run into each other.
    pub fn minimum_height_css(&self, width_css: f64) -> f64 {
        use metrics::*;
        let (_, _, legend_top) = heading(&self.title, &self.subtitle, width_css, 1.0);
        let shown = vec![true; self.series.len()];
        let (_, legend_bottom) = legend_entries(self, &shown, width_css, 1.0, legend_top);
        let panels = self.panel_titles.len().max(1);
        let columns = if self.grid { grid_columns(width_css, panels) } else { 1 };
        let rows = panels.div_ceil(columns) as f64;
        let axis = if self.grid { 0.0 } else { X_AXIS };
        (legend_bottom + rows * (PANEL_TITLE + MIN_PLOT + cell_margin(self.grid)) + axis).ceil()
    }

    /// Small multiples need a minimum height per row of panels; stacked panels fit the
    /// widget's default height.
    pub fn preferred_height_css(&self, width_css: f64) -> Option<f64> {
        if !self.grid {
            return None;
        }
        let panels = self.panel_titles.len().max(1);
        let rows = panels.div_ceil(grid_columns(width_css, panels));
        // Title, subtitle and a legend row, then about 190 px per row of panels.
        Some((110.0 + rows as f64 * 190.0).max(self.minimum_height_css(width_css)))
    }

    /// Legend groups as (key, label), in legend order.
    pub fn legend_groups(&self) -> Vec<(String, String)> {
        let mut groups: Vec<(String, String)> = Vec::new();
        for s in &self.series {
            if !groups.iter().any(|(k, _)| *k == s.group) {
                groups.push((s.group.clone(), s.group_label.clone()));
            }
        }
        groups
    }

    /// How many values a series revises, summed over the chart: (revised, compared).
    fn revision_counts(&self) -> (usize, usize) {
        let mut counts = (0, 0);
        for s in &self.series {
            let Some(old) = s.revises.and_then(|o| self.series.get(o)) else { continue };
            for (new, old) in s.values.iter().zip(&old.values) {
                if let (Some((a, _)), Some((b, _))) = (new, old) {
                    counts.1 += 1;
                    if a != b {
                        counts.0 += 1;
                    }
                }
            }
        }
        counts
    }

    /// A short description for assistive technology: what is shown and how each series moved.
    pub fn summary(&self) -> String {
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return format!("{}. {}", self.title, i18n::no_values(self.lang));
        };
        let (lang, numbers) = (self.lang, Numbers(self.lang));
        let span = trf!(lang, "{0} to {1}", "de {0} à {1}", "de {0} a {1}"; first.to_string(), last.to_string());
        let mut parts = vec![format!("{}, {span}. {}.", self.title, self.subtitle)];
        for s in &self.series {
            // The first and the last year with a value.
            let (mut first, mut last) = (None, None);
            for (y, v) in self.years.iter().zip(&s.values) {
                if let Some((v, _)) = v {
                    first = first.or(Some((*y, *v)));
                    last = Some((*y, *v));
                }
            }
            if let (Some((first_year, a)), Some((last_year, b))) = (first, last) {
                let (a_text, b_text) = (numbers.whole(a), numbers.whole(b));
                let (from, to) = (first_year.to_string(), last_year.to_string());
                parts.push(match b.cmp(&a) {
                    std::cmp::Ordering::Greater => trf!(lang,
                        "{0} rose from {1} in {2} to {3} in {4}.",
                        "{0} : hausse de {1} en {2} à {3} en {4}.",
                        "{0}: subió de {1} en {2} a {3} en {4}.";
                        s.label, a_text, from, b_text, to),
                    std::cmp::Ordering::Less => trf!(lang,
                        "{0} fell from {1} in {2} to {3} in {4}.",
                        "{0} : baisse de {1} en {2} à {3} en {4}.",
                        "{0}: bajó de {1} en {2} a {3} en {4}.";
                        s.label, a_text, from, b_text, to),
                    std::cmp::Ordering::Equal => trf!(lang,
                        "{0} stayed at {1} from {2} to {3}.",
                        "{0} : stable à {1} de {2} à {3}.",
                        "{0}: se mantuvo en {1} de {2} a {3}.";
                        s.label, a_text, from, to),
                });
            }
        }
        let (revised, compared) = self.revision_counts();
        if compared > 0 {
            parts.push(trf!(lang,
                "{0} of the {1} values both editions print differ between them.",
                "{0} des {1} valeurs imprimées dans les deux éditions diffèrent de l'une à l'autre.",
                "{0} de los {1} valores que imprimen ambas ediciones difieren entre ellas.";
                revised.to_string(), compared.to_string()));
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the years.",
            "Les flèches du clavier parcourent les années.",
            "Las flechas del teclado recorren los años."
        ).into());
        parts.join(" ")
    }

    /// One row per year, one column per series, plus the sources: what `view="table"` and the
    /// screen-reader table show. Corrected values say so in the cell.
    pub fn wide_table(&self) -> super::table::DataTable {
        let (lang, numbers) = (self.lang, Numbers(self.lang));
        let mut columns = vec![tr!(lang, "Year", "Année", "Año").to_owned()];
        for s in &self.series {
            columns.push(s.label.clone());
        }
        columns.push(i18n::source_column(lang).to_owned());
        let mut rows = Vec::with_capacity(self.years.len());
        for (i, year) in self.years.iter().enumerate() {
            let mut row = vec![year.to_string()];
            let mut sources: Vec<String> = Vec::new();
            for s in &self.series {
                row.push(match &s.values[i] {
                    None => not_in_the_source(lang).to_owned(),
                    Some((v, cite)) => {
                        let source = cite.describe(lang);
                        if !sources.contains(&source) {
                            sources.push(source);
                        }
                        match &cite.printed {
                            None => numbers.whole(*v),
                            Some(p) => trf!(lang,
                                "{0} (corrected; printed as {1})",
                                "{0} (corrigé ; imprimé : {1})",
                                "{0} (corregido; impreso: {1})";
                                numbers.whole(*v), printed_number(p, numbers)),
                        }
                    }
                });
            }
            row.push(sources.join("; "));
            rows.push(row);
        }
        super::table::DataTable { columns, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_s_reason_is_read_out_in_brief() {
        let copied = "corrected: the 2024 edition's Western Hemisphere table (lines 1189-1195) is a verbatim copy of its South and Central Asia table (lines 1156-1162; printed 8,105 is the South and Central Asia figure); value = 2024 global row (line 826) minus the other five 2024 regions = 1,570";
        assert_eq!(reason_in_brief(copied), "the 2024 edition's Western Hemisphere table is a verbatim copy of its South and Central Asia table");
        assert_eq!(reason_in_brief("corrected: misprint; the six 2025 regional tables sum to 118,932"), "misprint");
        assert_eq!(reason_in_brief("no brackets, no clauses"), "no brackets, no clauses");
    }

    fn cite(line: u32) -> Cite {
        Cite { edition: 2025, file: "f.txt".into(), line, printed: None, note: String::new() }
    }

    fn input() -> LineChartInput {
        LineChartInput { lang: Default::default(),
            title: "T".into(),
            subtitle: "S".into(),
            years: vec![2018, 2019, 2020],
            panel_titles: vec!["A".into(), "B".into()],
            series: vec![
                SeriesInput::new("a", "A", 0, 0, vec![Some((10, cite(1))), None, Some((30, cite(3)))]),
                SeriesInput::new("b", "B", 1, 1, vec![Some((1000, cite(1))), Some((2000, cite(2))), Some((500, cite(3)))]),
            ],
            scale: ValueScaleKind::Linear,
            grid: false,
            shared_y: false,
        }
    }

    #[test]
    fn device_pixels_scale_with_dpr() {
        let one = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 1.0 }, &[]);
        let two = LineChart::layout(&input(), Size { width_css: 600.0, height_css: 400.0, dpr: 2.0 }, &[]);
        assert_eq!(two.size.width_dev(), 1200);
        assert!((two.panels[0].x.position_from_index(1) - 2.0 * one.panels[0].x.position_from_index(1)).abs() < 1e-6);
        // Hit-testing is in CSS pixels, so the same CSS point names the same year at any DPR.
        let x_css = one.panels[0].x.position_from_index(2);
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
        assert!(plain.legend.iter().all(|e| matches!(e.mark, LegendMark::Series { .. })));
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
