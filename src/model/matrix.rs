//! A matrix of named rows (in titled groups) × named columns, each cell a year, "not party"
//! or "not in the source"; or the same year cells as events on a time axis, one row per
//! column (`MatrixView::Timeline`). Under either, a panel of facts drawn as chips. Used by
//! `ratifications`.
//!
//! Not built on the stacked or step charts: those place values on a scale, while a matrix cell
//! is text in a fixed grid, and a timeline event has to stay apart from its neighbours a year
//! away. Every cell, event and chip is an item: hovered, stepped to with the keys, read out.

use crate::i18n::{self, tr, trf, Lang};
use super::bars::{bar_metrics::GAP, Rect};
use super::figure::Readout;
use super::line::metrics::{LABEL_FONT, LEGEND_ROW, PAD, X_AXIS};
use super::measure::{self, Weight};
use super::line::Size;
use super::scale::{clamp, LinearScale};
use super::table::DataTable;
use super::text::{first_named, heading, TextLine};

/// What a cell holds. Each looks different without colour: text, a dash, or hatching and "?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A year. `marked`: a kind mark other than plain ratification (accession, acceptance);
    /// `note`: an entry-into-force note.
    Year { year: u16, marked: bool, note: bool },
    /// A source says the row is not party (an empty cell of a chart that gives full status,
    /// or a list of non-parties).
    NotParty,
    /// The sources do not say.
    Absent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CellInput {
    pub row: usize,
    pub column: usize,
    pub kind: CellKind,
    /// What the cell shows when it is wide enough: `2020 (a)`.
    pub text: String,
    pub heading: String,
    pub values: Vec<String>,
    pub sources: Vec<String>,
    pub selection: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowInput {
    /// Stable id (a country id); events of one row are highlighted together.
    pub key: String,
    pub label: String,
    /// Other names type-ahead finds the row by (the English name in a French chart).
    pub aliases: Vec<String>,
    /// Index into `MatrixInput::groups`.
    pub group: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnInput {
    /// For the matrix header: a few characters (`C29`).
    pub short: String,
    /// For the timeline's row labels and the table (`ILO C29`).
    pub label: String,
}

/// One fact of the panel: a count, a country named in a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ChipInput {
    pub text: String,
    pub heading: String,
    pub values: Vec<String>,
    pub sources: Vec<String>,
    pub selection: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChipGroupInput {
    /// What the chips are ("Not party, 2025 TIP Report list"); with no chips, a statement.
    pub title: String,
    pub chips: Vec<ChipInput>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixView {
    #[default]
    Grid,
    Timeline,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    pub view: MatrixView,
    pub columns: Vec<ColumnInput>,
    /// Group headings, in order; rows name theirs by index.
    pub groups: Vec<String>,
    pub rows: Vec<RowInput>,
    /// Row by row, column by column.
    pub cells: Vec<CellInput>,
    /// A column drawn emphasised.
    pub highlight: Option<usize>,
    pub panel_title: String,
    pub panel: Vec<ChipGroupInput>,
}

/// What the legend explains, drawn with the same marks as the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendMark {
    Year,
    Marked,
    Note,
    NotParty,
    Absent,
    /// Timeline events: a square, and a triangle for a kind mark.
    Event,
    MarkedEvent,
}

impl LegendMark {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            LegendMark::Year => tr!(lang, "year of ratification", "année de ratification", "año de ratificación"),
            LegendMark::Marked | LegendMark::MarkedEvent => tr!(lang,
                "accession (a) or acceptance (A)",
                "adhésion (a) ou acceptation (A)",
                "adhesión (a) o aceptación (A)"),
            LegendMark::Note => tr!(lang, "entry-into-force note", "note d'entrée en vigueur", "nota de entrada en vigor"),
            LegendMark::NotParty => not_party(lang),
            LegendMark::Absent => crate::model::line::not_in_the_source(lang),
            LegendMark::Event => tr!(lang,
                "ratification (no mark printed)",
                "ratification (sans marque imprimée)",
                "ratificación (sin marca impresa)"),
        }
    }
}

/// What a cell says for a country that is not party to an instrument.
pub fn not_party(lang: Lang) -> &'static str {
    tr!(lang, "not party", "non partie", "no es parte")
}

impl LegendMark {
}

impl MatrixInput {
    /// A short text alternative: what is shown and how many cells of each kind.
    pub fn summary(&self) -> String {
        let (mut years, mut not_party, mut absent) = (0, 0, 0);
        for cell in &self.cells {
            match cell.kind {
                CellKind::Year { .. } => years += 1,
                CellKind::NotParty => not_party += 1,
                CellKind::Absent => absent += 1,
            }
        }
        let lang = self.lang;
        let mut parts = vec![super::text::summary_opening(&self.title, &self.subtitle)];
        // Counts after their nouns: no plural to agree with a count of one.
        parts.push(trf!(lang,
            "Rows: {0}; instruments: {1}; cells with a year: {2}; not party: {3}; not in the source: {4}.",
            "Lignes : {0} ; instruments : {1} ; cases avec une année : {2} ; non partie : {3} ; absentes de la source : {4}.",
            "Filas: {0}; instrumentos: {1}; celdas con un año: {2}; no es parte: {3}; no figuran en la fuente: {4}.";
            self.rows.len().to_string(), self.columns.len().to_string(), years.to_string(),
            not_party.to_string(), absent.to_string()));
        let mut facts = Vec::with_capacity(self.panel.len());
        for g in &self.panel {
            let mut chips = Vec::with_capacity(g.chips.len());
            for chip in &g.chips {
                chips.push(chip.text.as_str());
            }
            facts.push(if chips.is_empty() { g.title.clone() } else { i18n::labelled(&g.title, &chips.join(", "), lang) });
        }
        if !facts.is_empty() {
            // A fact may be a whole sentence already ("… names no new parties."): one full stop.
            let facts = facts.join(i18n::separator(lang));
            parts.push(i18n::labelled(&self.panel_title, facts.trim_end_matches('.'), lang) + ".");
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the cells.",
            "Les flèches du clavier parcourent les cases.",
            "Las flechas del teclado recorren las celdas."
        ).into());
        parts.join(" ")
    }

    /// One row per matrix row, a column per instrument, then the panel's facts.
    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let mut columns = vec![tr!(lang, "Country", "Pays", "País").to_owned(), tr!(lang, "Chart", "Graphique", "Gráfico").to_owned()];
        for c in &self.columns {
            columns.push(c.label.clone());
        }
        columns.push(i18n::source_column(lang).to_owned());
        let mut rows = Vec::with_capacity(self.rows.len());
        for (r, row) in self.rows.iter().enumerate() {
            let mut out = vec![row.label.clone(), self.groups.get(row.group).cloned().unwrap_or_default()];
            let mut sources: Vec<&String> = Vec::new();
            for c in 0..self.columns.len() {
                let Some(cell) = self.cells.iter().find(|x| x.row == r && x.column == c) else {
                    out.push(String::new());
                    continue;
                };
                out.push(match cell.kind {
                    CellKind::Year { .. } => cell.text.clone(),
                    CellKind::NotParty => not_party(lang).to_owned(),
                    CellKind::Absent => crate::model::line::not_in_the_source(lang).to_owned(),
                });
                for s in &cell.sources {
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
            }
            let mut joined = String::new();
            for (i, s) in sources.iter().enumerate() {
                if i > 0 {
                    joined.push_str("; ");
                }
                joined.push_str(s);
            }
            out.push(joined);
            rows.push(out);
        }
        for group in &self.panel {
            for chip in &group.chips {
                let mut out = vec![chip.text.clone(), group.title.clone()];
                out.resize(2 + self.columns.len(), String::new());
                out.push(chip.sources.join("; "));
                rows.push(out);
            }
        }
        DataTable { columns, rows }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub mark: LegendMark,
    pub label: String,
    /// The sample's box.
    pub sample: Rect,
    pub x_dev: f64,
    pub y_dev: f64,
}

/// A cell of the matrix or an event of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Index into the input's cells.
    pub cell: usize,
    pub kind: CellKind,
    pub rect: Rect,
    /// The text drawn inside (matrix) or beside (timeline, few events); `None` when it does
    /// not fit.
    pub label: Option<String>,
    /// The row key, so one country's events can be highlighted together.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub group: usize,
    pub index: usize,
    pub rect: Rect,
    pub text: String,
}

/// A label drawn right-aligned at `x_dev` (row labels) or centred (column headers, ticks).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x_dev: f64,
    pub y_dev: f64,
    pub bold: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixChart {
    pub size: Size,
    pub view: MatrixView,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    pub legend: Vec<LegendEntry>,
    /// Column headers (matrix, centred) or the time axis' ticks (timeline, centred).
    pub headers: Vec<Label>,
    /// The headers' font size in device pixels: the labels' own, or a little smaller where a
    /// column is too narrow for its code (on a phone "OPSC" and "OPAC" were both cut to "OP…").
    pub header_font: f64,
    /// The x of each tick line (timeline), from the plot's top to its bottom.
    pub ticks: Vec<f64>,
    pub plot: Rect,
    /// Row labels, right-aligned left of the cells; left-aligned above them where
    /// `row_labels_above`.
    pub row_labels: Vec<Label>,
    /// On a narrow screen each row's label has a line of its own above its cells: beside
    /// them, a 320 px phone cut the country names to their first letter ("B…").
    pub row_labels_above: bool,
    pub group_headings: Vec<TextLine>,
    /// The band drawn behind the highlighted column (matrix) or row (timeline).
    pub highlight: Option<Rect>,
    /// Rows of the timeline, for their separators.
    pub bands: Vec<Rect>,
    /// In keyboard order: the matrix row by row; the timeline instrument by instrument, by year.
    pub marks: Vec<Mark>,
    pub panel_title: Option<TextLine>,
    pub panel_headings: Vec<TextLine>,
    pub chips: Vec<Chip>,
    input: Box<MatrixInput>,
}

/// Matrix and timeline spacing in CSS pixels.
mod metrics {
    pub const ROW: f64 = 24.0;
    pub const HEADER: f64 = 22.0;
    pub const GROUP_TITLE: f64 = 26.0;
    /// Narrowest column: a four-digit year and a little air.
    pub const COLUMN_MIN: f64 = 34.0;
    pub const COLUMN_MAX: f64 = 96.0;
    /// Column headers may shrink to this share of the labels' size before they are cut.
    pub const HEADER_FONT_MIN_SHARE: f64 = 0.8;
    /// A timeline event's side, and the air between stacked events.
    pub const EVENT: f64 = 9.0;
    pub const EVENT_GAP: f64 = 2.0;
    /// Tick labels on the time axis are at least this many year labels' widths apart
    /// (centre to centre), so there is a gap between them.
    pub const TICK_LABEL_SPACING: f64 = 1.3;
    pub const CHIP: f64 = 22.0;
    pub const CHIP_GAP: f64 = 6.0;
    pub const SAMPLE: f64 = 16.0;
    /// Fewer characters of a country's name beside its row, and the name goes above it.
    pub const LABEL_MIN_CHARS: usize = 8;
    /// The line a name above its row takes.
    pub const LABEL_ABOVE: f64 = 16.0;
}

/// Highlighted headers and labels are drawn bold.
fn weight(bold: bool) -> Weight {
    if bold {
        Weight::Bold
    } else {
        Weight::Regular
    }
}

fn contains(r: &Rect, x: f64, y: f64) -> bool {
    x >= r.left && x < r.right && y >= r.top && y < r.bottom
}

impl MatrixChart {
    /// The canvas height (CSS pixels) at which everything fits at this width.
    pub fn preferred_height_css(input: &MatrixInput, width_css: f64) -> f64 {
        let chart = MatrixChart::layout(input, Size { width_css, height_css: 0.0, dpr: 1.0 });
        chart.content_bottom().ceil() + PAD
    }

    /// How far down the chart reaches (rows, axis, fact chips, headings), in CSS pixels.
    pub fn content_bottom(&self) -> f64 {
        let chips = self.chips.iter().map(|c| c.rect.bottom).fold(0.0, f64::max);
        let headings = self.panel_headings.iter().map(|h| h.y_dev + LABEL_FONT * 1.4).fold(0.0, f64::max);
        let u = self.size.dpr.max(0.5);
        let axis = if self.view == MatrixView::Timeline { X_AXIS * u } else { 0.0 };
        (self.plot.bottom + axis).max(chips).max(headings) / self.size.dpr.max(0.5)
    }

    pub fn layout(input: &MatrixInput, size: Size) -> MatrixChart {
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let font = LABEL_FONT * u;
        let (title, subtitle, y) = heading(&input.title, &input.subtitle, width, u);
        let (legend, y) = legend(input, width, y + GAP * u, u);
        let mut chart = MatrixChart {
            size,
            view: input.view,
            title,
            subtitle,
            legend,
            headers: Vec::new(),
            header_font: font,
            ticks: Vec::new(),
            plot: Rect { left: PAD * u, top: y, right: width - PAD * u, bottom: y },
            row_labels: Vec::new(),
            row_labels_above: false,
            group_headings: Vec::new(),
            highlight: None,
            bands: Vec::new(),
            marks: Vec::new(),
            panel_title: None,
            panel_headings: Vec::new(),
            chips: Vec::new(),
            input: Box::new(input.clone()),
        };
        match input.view {
            MatrixView::Grid => chart.grid(width, y, u, font),
            MatrixView::Timeline => chart.timeline(width, y, u, font),
        }
        let below = chart.plot.bottom + if input.view == MatrixView::Timeline { X_AXIS * u } else { 0.0 };
        chart.panel(width, below + GAP * u, u, font);
        chart
    }

    fn grid(&mut self, width: f64, top: f64, u: f64, font: f64) {
        use metrics::*;
        let input = &self.input;
        let n = input.columns.len().max(1) as f64;
        let content = (width - 2.0 * PAD * u).max(0.0);
        // A cell holds at least a year.
        let mut widest_text = measure::width("0000", font, Weight::Regular);
        for cell in &input.cells {
            widest_text = widest_text.max(measure::width(&cell.text, font, Weight::Regular));
        }
        let full_column = clamp(widest_text + 10.0 * u, COLUMN_MIN * u, COLUMN_MAX * u);
        let mut longest_label = 0.0_f64;
        for row in &input.rows {
            longest_label = longest_label.max(measure::width(&row.label, font, Weight::Regular));
        }
        // Columns first: the years are the data; long country names are cut with "…".
        let room = (content - GAP * u).max(0.0);
        let mut column = if longest_label.min(0.4 * room) + n * full_column <= room {
            full_column
        } else {
            clamp((room - (0.3 * room).min(longest_label)) / n, COLUMN_MIN * u, full_column)
        };
        let mut label_width = (room - n * column).max(0.0).min(longest_label);
        let mut left = PAD * u + label_width + GAP * u;
        // Too few letters beside the rows: the names go above them and the cells take the width.
        let above = label_width < LABEL_MIN_CHARS as f64 * measure::letter(font, Weight::Regular) && longest_label > label_width;
        if above {
            (label_width, left) = (content, PAD * u);
            column = (content / n).min(full_column);
        }
        self.row_labels_above = above;
        let header_top = top;
        let mut widest_header = 0.0_f64;
        for (c, col) in input.columns.iter().enumerate() {
            widest_header = widest_header.max(measure::width(&col.short, font, weight(input.highlight == Some(c))));
        }
        self.header_font = font * clamp((column - 2.0 * u) / widest_header.max(1e-9), HEADER_FONT_MIN_SHARE, 1.0);
        for (c, col) in input.columns.iter().enumerate() {
            let x = left + (c as f64 + 0.5) * column;
            self.headers.push(Label {
                text: measure::fit(&col.short, column - 2.0 * u, self.header_font, weight(input.highlight == Some(c))),
                x_dev: x,
                y_dev: header_top + HEADER * u / 2.0,
                bold: input.highlight == Some(c),
            });
        }
        let mut y = header_top + HEADER * u;
        let row_height = ROW * u;
        let mut group = None;
        let mut row_top = vec![0.0; input.rows.len()];
        // Cut names told apart: "Congo, …" twice would not say which Congo a row is.
        let mut names = Vec::with_capacity(input.rows.len());
        for row in &input.rows {
            names.push(row.label.as_str());
        }
        let mut fitted = measure::fit_apart(&names, label_width, font, Weight::Regular).into_iter();
        for (r, row) in input.rows.iter().enumerate() {
            if group != Some(row.group) && input.groups.len() > 1 {
                let text = input.groups.get(row.group).cloned().unwrap_or_default();
                for line in measure::wrap(&text, content, font, Weight::Regular) {
                    self.group_headings.push(TextLine { text: line, x_dev: PAD * u, y_dev: y + 8.0 * u });
                    y += (GROUP_TITLE - 8.0) * u;
                }
                y += 8.0 * u;
            }
            group = Some(row.group);
            let text = fitted.next().unwrap_or_default();
            if above {
                self.row_labels.push(Label { text, x_dev: PAD * u, y_dev: y + LABEL_ABOVE * u / 2.0, bold: false });
                y += LABEL_ABOVE * u;
            } else {
                self.row_labels.push(Label { text, x_dev: PAD * u + label_width, y_dev: y + row_height / 2.0, bold: false });
            }
            row_top[r] = y;
            y += row_height;
        }
        self.plot = Rect { left, top: header_top, right: left + n * column, bottom: y };
        if let Some(c) = input.highlight {
            let x = left + c as f64 * column;
            self.highlight = Some(Rect { left: x, top: header_top, right: x + column, bottom: y });
        }
        for (i, cell) in input.cells.iter().enumerate() {
            let Some(&top) = row_top.get(cell.row) else { continue };
            let x = left + cell.column as f64 * column;
            let rect = Rect { left: x + u, top: top + u, right: x + column - u, bottom: top + row_height - u };
            let room = rect.right - rect.left - 4.0 * u;
            let label = match cell.kind {
                CellKind::Year { year, .. } if !measure::within(measure::width(&cell.text, font, Weight::Regular), room) => Some(year.to_string()),
                CellKind::Year { .. } => Some(cell.text.clone()),
                CellKind::NotParty => Some("—".to_owned()),
                CellKind::Absent => Some("?".to_owned()),
            };
            let key = input.rows.get(cell.row).map(|r| r.key.clone()).unwrap_or_default();
            self.marks.push(Mark { cell: i, kind: cell.kind, rect, label, key });
        }
    }

    fn timeline(&mut self, width: f64, top: f64, u: f64, font: f64) {
        use metrics::*;
        let input = &self.input;
        let content = (width - 2.0 * PAD * u).max(0.0);
        let mut longest = 0.0_f64;
        for (c, column) in input.columns.iter().enumerate() {
            longest = longest.max(measure::width(&column.label, font, weight(input.highlight == Some(c))));
        }
        let label_width = longest.min(0.3 * content);
        let left = PAD * u + label_width + GAP * u;
        let right = (width - PAD * u).max(left + 1.0);
        // The first and last years of the events, and how many events there are.
        let (mut first, mut last, mut event_count) = (u16::MAX, 0, 0);
        for cell in &input.cells {
            if let CellKind::Year { year, .. } = cell.kind {
                first = first.min(year);
                last = last.max(year);
                event_count += 1;
            }
        }
        if event_count == 0 {
            (first, last) = (2000, 2025);
        }
        let event = EVENT * u;
        let few = event_count <= input.columns.len();
        // With few events each carries its year to its right; the axis leaves room for it.
        let year_width = measure::width("0000", font, Weight::Regular);
        let label_room = if few { year_width + 4.0 * u } else { 0.0 };
        let (axis_left, axis_right) = (left + event, (right - event - label_room).max(left + event));
        // Round years around the events, so the axis starts and ends on a labelled tick: every
        // decade where the labels have room, else fewer (a phone's axis ran "19501970…" together).
        let (mut from, mut to, mut step) = (first, last, 10u16);
        for candidate in [10u16, 20, 25, 50, 100] {
            step = candidate;
            from = (first / step) * step;
            to = from + (last - from).div_ceil(step).max(1) * step;
            let spacing = (axis_right - axis_left) * f64::from(step) / f64::from(to - from);
            if spacing >= year_width * TICK_LABEL_SPACING {
                break;
            }
        }
        let x = LinearScale::new((from as f64, to as f64), (axis_left, axis_right));
        let mut y = top + GAP * u;
        for (c, column) in input.columns.iter().enumerate() {
            // Events of this instrument, by year; each goes on the lowest level where it
            // clears the events already placed, so neighbours a year apart never overlap.
            let mut events = Vec::new();
            for (i, cell) in input.cells.iter().enumerate() {
                if let (true, CellKind::Year { year, .. }) = (cell.column == c, cell.kind) {
                    events.push((i, year));
                }
            }
            crate::sort::sort_by_key(&mut events, |&(i, year)| (year, input.cells[i].row));
            let mut level_ends: Vec<f64> = Vec::new();
            let mut placed = Vec::new();
            for (i, year) in events {
                let cx = x.position_from_value(year as f64);
                let level = match level_ends.iter().position(|&end| cx - event / 2.0 >= end + EVENT_GAP * u) {
                    Some(l) => l,
                    None => {
                        level_ends.push(f64::NEG_INFINITY);
                        level_ends.len() - 1
                    }
                };
                level_ends[level] = cx + event / 2.0 + label_room;
                placed.push((i, cx, level));
            }
            let levels = level_ends.len().max(1) as f64;
            let band_height = (levels * (event + EVENT_GAP * u) + 10.0 * u).max(ROW * u);
            let band = Rect { left: PAD * u, top: y, right, bottom: y + band_height };
            self.row_labels.push(Label {
                text: measure::fit(&column.label, label_width, font, weight(input.highlight == Some(c))),
                x_dev: PAD * u + label_width,
                y_dev: y + band_height / 2.0,
                bold: input.highlight == Some(c),
            });
            if input.highlight == Some(c) {
                self.highlight = Some(Rect { left, ..band });
            }
            let stack_top = y + (band_height - levels * (event + EVENT_GAP * u) + EVENT_GAP * u) / 2.0;
            for (i, cx, level) in placed {
                let cell = &input.cells[i];
                let ty = stack_top + level as f64 * (event + EVENT_GAP * u);
                let rect = Rect { left: cx - event / 2.0, top: ty, right: cx + event / 2.0, bottom: ty + event };
                let key = input.rows.get(cell.row).map(|r| r.key.clone()).unwrap_or_default();
                let label = match cell.kind {
                    CellKind::Year { year, .. } if few => Some(year.to_string()),
                    _ => None,
                };
                self.marks.push(Mark { cell: i, kind: cell.kind, rect, label, key });
            }
            self.bands.push(band);
            y += band_height;
        }
        self.plot = Rect { left, top, right, bottom: y };
        let mut year = from;
        while year <= to {
            let px = x.position_from_value(year as f64);
            self.ticks.push(px);
            self.headers.push(Label { text: year.to_string(), x_dev: px, y_dev: y + X_AXIS * u / 2.0, bold: false });
            year += step;
        }
    }

    fn panel(&mut self, width: f64, top: f64, u: f64, font: f64) {
        use metrics::*;
        if self.input.panel.is_empty() {
            return;
        }
        let content = (width - 2.0 * PAD * u).max(0.0);
        let mut y = top + GAP * u;
        self.panel_title = Some(TextLine { text: self.input.panel_title.clone(), x_dev: PAD * u, y_dev: y });
        y += ROW * u;
        for (g, group) in self.input.panel.iter().enumerate() {
            for line in measure::wrap(&group.title, content, font, Weight::Regular) {
                self.panel_headings.push(TextLine { text: line, x_dev: PAD * u, y_dev: y });
                y += LABEL_FONT * 1.4 * u;
            }
            y += 4.0 * u;
            let mut x = PAD * u;
            for (index, chip) in group.chips.iter().enumerate() {
                let text = measure::fit(&chip.text, content - 12.0 * u, font, Weight::Regular);
                let w = measure::width(&text, font, Weight::Regular) + 12.0 * u;
                if x + w > width - PAD * u && x > PAD * u {
                    x = PAD * u;
                    y += CHIP * u + CHIP_GAP * u;
                }
                self.chips.push(Chip { group: g, index, rect: Rect { left: x, top: y, right: x + w, bottom: y + CHIP * u }, text });
                x += w + CHIP_GAP * u;
            }
            if !group.chips.is_empty() {
                y += CHIP * u + CHIP_GAP * u;
            }
            y += 4.0 * u;
        }
    }

    pub fn item_count(&self) -> usize {
        self.marks.len() + self.chips.len()
    }

    /// The cell, event or chip under a pointer at CSS pixel (`x_css`, `y_css`). Timeline events
    /// are small, so the nearest one within a few pixels counts.
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        if let Some(chip) = self.chips.iter().position(|c| contains(&c.rect, x, y)) {
            return Some(self.marks.len() + chip);
        }
        match self.view {
            MatrixView::Grid => self.marks.iter().position(|m| contains(&m.rect, x, y)),
            MatrixView::Timeline => {
                let reach = 4.0 * self.size.dpr.max(0.5);
                self.marks
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        x >= m.rect.left - reach && x < m.rect.right + reach && y >= m.rect.top - reach && y < m.rect.bottom + reach
                    })
                    .map(|(i, m)| {
                        let (cx, cy) = ((m.rect.left + m.rect.right) / 2.0, (m.rect.top + m.rect.bottom) / 2.0);
                        (i, (cx - x).powi(2) + (cy - y).powi(2))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(i, _)| i)
            }
        }
    }

    /// The input cell behind a mark, for tests and the renderer.
    pub fn cell(&self, mark: &Mark) -> &CellInput {
        &self.input.cells[mark.cell]
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let dpr = self.size.dpr;
        if let Some(mark) = self.marks.get(index) {
            let cell = self.input.cells.get(mark.cell)?;
            return Some(Readout {
                index,
                heading: cell.heading.clone(),
                values: cell.values.clone(),
                sources: cell.sources.clone(),
                x_css: (mark.rect.left + mark.rect.right) / 2.0 / dpr,
                y_css: mark.rect.top / dpr,
                rows: Some((mark.rect.top / dpr, mark.rect.bottom / dpr)),
                selection: cell.selection.clone(),
                list: None,
            });
        }
        let chip = self.chips.get(index - self.marks.len())?;
        let input = self.input.panel.get(chip.group)?.chips.get(chip.index)?;
        Some(Readout {
            index,
            heading: input.heading.clone(),
            values: input.values.clone(),
            sources: input.sources.clone(),
            x_css: (chip.rect.left + chip.rect.right) / 2.0 / dpr,
            y_css: chip.rect.top / dpr,
            rows: Some((chip.rect.top / dpr, chip.rect.bottom / dpr)),
            selection: input.selection.clone(),
            list: None,
        })
    }

    /// For type-ahead: the first cell of the row a country name or code names, else the panel
    /// chip whose text it starts (matched as [`super::text::first_named`] does).
    pub fn item_by_name(&self, typed: &str) -> Option<usize> {
        let mut items: Vec<usize> = Vec::new();
        let mut names: Vec<Vec<&str>> = Vec::new();
        for (row, r) in self.input.rows.iter().enumerate() {
            if let Some(i) = self.marks.iter().position(|m| self.input.cells[m.cell].row == row) {
                items.push(i);
                let mut spellings = vec![r.label.as_str(), r.key.as_str()];
                for alias in &r.aliases {
                    spellings.push(alias.as_str());
                }
                names.push(spellings);
            }
        }
        for (i, chip) in self.chips.iter().enumerate() {
            items.push(self.marks.len() + i);
            names.push(vec![chip.text.as_str()]);
        }
        first_named(typed, &names).map(|found| items[found])
    }
}

/// The legend: only marks that occur.
fn legend(input: &MatrixInput, width: f64, top: f64, u: f64) -> (Vec<LegendEntry>, f64) {
    let has = |f: &dyn Fn(&CellKind) -> bool| input.cells.iter().any(|c| f(&c.kind));
    let candidates: &[(LegendMark, bool)] = match input.view {
        MatrixView::Grid => &[
            (LegendMark::Year, has(&|k| matches!(k, CellKind::Year { .. }))),
            (LegendMark::Marked, has(&|k| matches!(k, CellKind::Year { marked: true, .. }))),
            (LegendMark::Note, has(&|k| matches!(k, CellKind::Year { note: true, .. }))),
            (LegendMark::NotParty, has(&|k| *k == CellKind::NotParty)),
            (LegendMark::Absent, has(&|k| *k == CellKind::Absent)),
        ],
        MatrixView::Timeline => &[
            (LegendMark::Event, has(&|k| matches!(k, CellKind::Year { marked: false, .. }))),
            (LegendMark::MarkedEvent, has(&|k| matches!(k, CellKind::Year { marked: true, .. }))),
        ],
    };
    let mut marks = Vec::with_capacity(candidates.len());
    for &(mark, shown) in candidates {
        if shown {
            marks.push(mark);
        }
    }
    let sample = metrics::SAMPLE * u;
    let (mut x, mut y) = (PAD * u, top);
    let mut entries = Vec::new();
    for mark in marks {
        let label = mark.label(input.lang).to_owned();
        let w = sample * 2.0 + 6.0 * u + measure::width(&label, LABEL_FONT * u, Weight::Regular) + 14.0 * u;
        if x + w > width - PAD * u && x > PAD * u {
            x = PAD * u;
            y += LEGEND_ROW * u;
        }
        let box_ = Rect { left: x, top: y - 2.0 * u, right: x + sample * 2.0, bottom: y + sample };
        entries.push(LegendEntry { mark, label, sample: box_, x_dev: x + sample * 2.0 + 6.0 * u, y_dev: y });
        x += w;
    }
    let bottom = if entries.is_empty() { top } else { y + LEGEND_ROW * u };
    (entries, bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize, column: usize, kind: CellKind) -> CellInput {
        let text = match kind {
            CellKind::Year { year, marked: true, .. } => format!("{year} (a)"),
            CellKind::Year { year, .. } => year.to_string(),
            _ => String::new(),
        };
        CellInput {
            row,
            column,
            kind,
            text,
            heading: format!("r{row} c{column}"),
            values: vec!["v".into()],
            sources: vec![format!("s{row}")],
            selection: vec![("row".into(), row.to_string())],
        }
    }

    fn year(y: u16) -> CellKind {
        CellKind::Year { year: y, marked: false, note: false }
    }

    fn input(view: MatrixView) -> MatrixInput {
        let columns = ["A", "B", "C"].map(|c| ColumnInput { short: c.into(), label: format!("Instrument {c}") }).to_vec();
        let rows = vec![
            RowInput { key: "X".into(), label: "Xland".into(), aliases: vec![], group: 0 },
            RowInput { key: "Y".into(), label: "Yland".into(), aliases: vec!["Why".into()], group: 1 },
        ];
        let cells = vec![
            cell(0, 0, year(2004)),
            cell(0, 1, CellKind::Year { year: 2005, marked: true, note: false }),
            cell(0, 2, CellKind::NotParty),
            cell(1, 0, year(2004)),
            cell(1, 1, year(1932)),
            cell(1, 2, CellKind::Absent),
        ];
        MatrixInput { lang: Default::default(),
            title: "T".into(),
            subtitle: "S".into(),
            view,
            columns,
            groups: vec!["G1".into(), "G2".into()],
            rows,
            cells,
            highlight: Some(1),
            panel_title: "Panel".into(),
            panel: vec![ChipGroupInput {
                title: "Facts".into(),
                chips: vec![ChipInput {
                    text: "182 parties".into(),
                    heading: "h".into(),
                    values: vec![],
                    sources: vec!["p".into()],
                    selection: vec![],
                }],
            }],
        }
    }

    const DESKTOP: Size = Size { width_css: 640.0, height_css: 480.0, dpr: 1.0 };

    #[test]
    fn matrix_cells_sit_in_their_row_and_column_and_read_out_in_reading_order() {
        for dpr in [1.0, 2.0] {
            let chart = MatrixChart::layout(&input(MatrixView::Grid), Size { dpr, ..DESKTOP });
            assert_eq!(chart.item_count(), 7);
            // Same column, same x; same row, same y; columns left to right.
            let m = &chart.marks;
            assert_eq!(m[0].rect.left, m[3].rect.left);
            assert_eq!(m[0].rect.top, m[1].rect.top);
            assert!(m[0].rect.right <= m[1].rect.left && m[1].rect.right <= m[2].rect.left);
            assert!(m[2].rect.bottom <= m[3].rect.top, "rows follow each other");
            // A group heading separates the rows of two groups.
            assert_eq!(chart.group_headings.len(), 2);
            assert!(chart.group_headings[1].y_dev > m[2].rect.bottom && chart.group_headings[1].y_dev < m[3].rect.top);
            for (i, mark) in m.iter().enumerate() {
                let (x, y) = ((mark.rect.left + mark.rect.right) / 2.0 / dpr, (mark.rect.top + mark.rect.bottom) / 2.0 / dpr);
                assert_eq!(chart.item_at(x, y), Some(i));
                assert_eq!(chart.readout(i).unwrap().heading, chart.cell(mark).heading);
            }
            // The highlighted column's band covers its cells.
            let band = chart.highlight.unwrap();
            assert!(band.left <= m[1].rect.left && band.right >= m[1].rect.right);
            assert!(chart.headers[1].bold && !chart.headers[0].bold);
        }
    }

    #[test]
    fn not_party_and_not_in_the_source_are_drawn_differently() {
        let chart = MatrixChart::layout(&input(MatrixView::Grid), DESKTOP);
        assert_eq!(chart.marks[2].label.as_deref(), Some("—"));
        assert_eq!(chart.marks[5].label.as_deref(), Some("?"));
        assert_eq!(chart.marks[1].label.as_deref(), Some("2005 (a)"));
        let legend: Vec<LegendMark> = chart.legend.iter().map(|e| e.mark).collect();
        assert_eq!(legend, [LegendMark::Year, LegendMark::Marked, LegendMark::NotParty, LegendMark::Absent]);
        let table = input(MatrixView::Grid).wide_table();
        assert_eq!(table.rows[0][2..5], ["2004", "2005 (a)", "not party"]);
        assert_eq!(table.rows[1][4], "not in the source");
        assert_eq!(table.rows[2][0], "182 parties");
    }

    #[test]
    fn cut_row_names_that_would_read_alike_are_cut_in_the_middle() {
        let mut congos = input(MatrixView::Grid);
        congos.rows[0].label = "Congo, Democratic Republic of the".into();
        congos.rows[1].label = "Congo, Republic of".into();
        congos.groups = vec!["G".into()];
        congos.rows[1].group = 0;
        let chart = MatrixChart::layout(&congos, Size { width_css: 230.0, ..DESKTOP });
        let [first, second] = [&chart.row_labels[0].text, &chart.row_labels[1].text];
        assert!(first.contains('…') && second.contains('…'), "{first} / {second}");
        assert_ne!(first, second);
        // Neither shows only what both start with.
        assert!(first.ends_with("the") && second.ends_with("of"), "{first} / {second}");
    }

    #[test]
    fn narrow_columns_keep_the_year_and_cut_the_country() {
        let mut wide = input(MatrixView::Grid);
        wide.rows[0].label = "Central African Republic and more words".into();
        let chart = MatrixChart::layout(&wide, Size { width_css: 200.0, ..DESKTOP });
        assert_eq!(chart.marks[1].label.as_deref(), Some("2005"), "the kind mark is drawn as a corner, not text");
        assert!(chart.row_labels[0].text.ends_with('…'));
        assert!(chart.plot.right <= 200.0 - PAD + 1e-9);
    }

    #[test]
    fn timeline_places_events_by_year_and_stacks_neighbours() {
        let chart = MatrixChart::layout(&input(MatrixView::Timeline), DESKTOP);
        // Four year cells become four events; not party and absent cells are not events.
        assert_eq!(chart.marks.len(), 4);
        let center = |m: &Mark| (m.rect.left + m.rect.right) / 2.0;
        let by_heading = |h: &str| chart.marks.iter().find(|m| chart.cell(m).heading == h).unwrap();
        // The two 2004 events of instrument A are one above the other at the same x.
        let (a, b) = (by_heading("r0 c0"), by_heading("r1 c0"));
        assert_eq!(center(a), center(b));
        assert!(a.rect.bottom <= b.rect.top);
        // 1932 lies left of 2005 on the shared axis, in proportion.
        let (old, new) = (by_heading("r1 c1"), by_heading("r0 c1"));
        assert!(center(old) < center(new));
        let per_year = (center(a) - center(old)) / (2004.0 - 1932.0);
        assert!((center(new) - center(a) - per_year).abs() < 1e-6);
        // The axis starts and ends on decades around the events.
        assert_eq!(chart.headers.first().unwrap().text, "1930");
        assert_eq!(chart.headers.last().unwrap().text, "2010");
        // The pointer a few pixels off an event still finds it.
        assert_eq!(chart.item_at(center(old) + 5.0, old.rect.top - 2.0), chart.marks.iter().position(|m| m == old));
        assert_eq!(chart.item_at(center(old) + 40.0, old.rect.top - 20.0), None);
    }

    #[test]
    fn chips_follow_the_marks_in_keyboard_order() {
        let chart = MatrixChart::layout(&input(MatrixView::Grid), DESKTOP);
        let chip = &chart.chips[0];
        assert!(chip.rect.top > chart.plot.bottom);
        let i = chart.item_at((chip.rect.left + 3.0) / 1.0, chip.rect.top + 3.0).unwrap();
        assert_eq!(i, chart.marks.len());
        assert_eq!(chart.readout(i).unwrap().sources, ["p"]);
        assert_eq!(chart.item_by_name("yla"), Some(3));
        assert_eq!(chart.item_by_name("why"), Some(3), "by an alias");
        assert_eq!(chart.item_by_name("182"), Some(6));
        let preferred = MatrixChart::preferred_height_css(&input(MatrixView::Grid), 640.0);
        assert!(preferred >= chip.rect.bottom);
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        for view in [MatrixView::Grid, MatrixView::Timeline] {
            for (w, h, dpr) in [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (20000.0, 20000.0, 4.0)] {
                let chart = MatrixChart::layout(&input(view), Size { width_css: w, height_css: h, dpr });
                let _ = chart.item_at(10.0, 10.0);
                for i in 0..=chart.item_count() {
                    let _ = chart.readout(i);
                }
            }
            let empty = MatrixChart::layout(&MatrixInput { view, ..MatrixInput::default() }, DESKTOP);
            assert_eq!(empty.item_count(), 0);
        }
    }
}
