//! A flow diagram between two columns of ordered categories (tiers in two editions): a node
//! per category on each side, its height proportional to its count, and a band from each
//! left node to each right node its members moved to. Below it, lists of the members that
//! changed, so a reader finds a country by name. Used by `tier-changes`.
//!
//! Items, in keyboard order: the bands (by left node, then right node), then the list
//! entries in reading order. Both sides share one scale, so a band is as thick at both ends.

use crate::i18n::{self, tr, trf};
use super::bars::Rect;
use super::figure::{NameList, Readout};
use super::scale::clamp;
use super::line::metrics::{LABEL_FONT, PAD};
use super::measure::{self, Weight};
use super::line::Size;
use super::table::DataTable;
use super::text::{first_named, heading, TextLine};

/// What hovering or choosing an item tells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemText {
    pub heading: String,
    pub values: Vec<String>,
    /// The value that lists the members, for a tooltip that may show only the first ones.
    pub list: Option<NameList>,
    pub sources: Vec<String>,
    pub selection: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowNodeInput {
    pub label: String,
    /// For narrow canvases.
    pub short_label: String,
    /// The fill (a tier's index); `None` for "not in this list".
    pub category: Option<usize>,
}

/// Which way the members of a band moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Up,
    Down,
    /// Between categories outside the ranking (to or from a special case).
    Other,
    Entering,
    Leaving,
}

/// A member by id, with every name type-ahead should find it by (the display name first).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowBandInput {
    pub from: usize,
    pub to: usize,
    pub change: Change,
    pub members: Vec<Member>,
    pub text: ItemText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowEntryInput {
    /// As listed: `Jamaica 2 → 1`.
    pub label: String,
    /// The end of `label` kept whole where the label must be shortened (`2 → 1`): the name is
    /// cut instead, so a phone still shows the change.
    pub kept_end: String,
    /// The band the member moved along.
    pub band: usize,
    pub member: Member,
    pub text: ItemText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowListInput {
    pub title: String,
    /// What the list says when nobody is in it.
    pub empty: String,
    pub entries: Vec<FlowEntryInput>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowChartInput {
    /// The reader's language, for the words the layout writes itself.
    pub lang: crate::i18n::Lang,
    pub title: String,
    pub subtitle: String,
    /// Above each column: the editions.
    pub from_title: String,
    pub to_title: String,
    pub left: Vec<FlowNodeInput>,
    pub right: Vec<FlowNodeInput>,
    pub bands: Vec<FlowBandInput>,
    pub lists: Vec<FlowListInput>,
    /// What members are ("countries").
    pub unit: String,
}

fn count_of(bands: &[FlowBandInput], node: usize, left: bool) -> usize {
    bands.iter().filter(|b| if left { b.from == node } else { b.to == node }).map(|b| b.members.len()).sum()
}

impl FlowChartInput {
    pub fn total(&self) -> usize {
        self.bands.iter().map(|b| b.members.len()).sum()
    }

    fn moved(&self, change: Change) -> usize {
        self.bands.iter().filter(|b| b.change == change).map(|b| b.members.len()).sum()
    }

    /// A short text alternative: how many moved which way, and the largest movement.
    pub fn summary(&self) -> String {
        let lang = self.lang;
        if self.bands.is_empty() {
            return format!("{}. {}", self.title, i18n::no_values(lang));
        }
        let mut parts = vec![super::text::summary_opening(&self.title, &self.subtitle)];
        // (what moved, in words for one country, for more); French and Spanish verbs agree
        // with the count ("1 pays est monté"), and French counts zero as one.
        let counts = [
            (Change::Same, tr!(lang, "stayed in their tier", "est resté dans sa catégorie", "se mantuvo en su nivel"),
                tr!(lang, "stayed in their tier", "sont restés dans leur catégorie", "se mantuvieron en su nivel")),
            (Change::Up, tr!(lang, "moved up", "est monté", "subió"), tr!(lang, "moved up", "sont montés", "subieron")),
            (Change::Down, tr!(lang, "moved down", "est descendu", "bajó"), tr!(lang, "moved down", "sont descendus", "bajaron")),
            (Change::Other,
                tr!(lang, "moved to or from a special case", "est passé vers ou depuis un cas particulier", "pasó a o desde un caso especial"),
                tr!(lang,
                    "moved to or from a special case",
                    "sont passés vers ou depuis un cas particulier",
                    "pasaron a o desde un caso especial")),
            (Change::Entering, tr!(lang, "entered the list", "est entré dans la liste", "entró en la lista"),
                tr!(lang, "entered the list", "sont entrés dans la liste", "entraron en la lista")),
            (Change::Leaving, tr!(lang, "left the list", "a quitté la liste", "salió de la lista"),
                tr!(lang, "left the list", "ont quitté la liste", "salieron de la lista")),
        ]
        .iter()
        .filter(|(c, _, _)| self.bands.iter().any(|b| b.change == *c) || matches!(c, Change::Up | Change::Down))
        .map(|(c, one, many)| {
            let n = self.moved(*c);
            let singular = n == 1 || (n == 0 && lang == crate::i18n::Lang::Fr);
            format!("{n} {}", if singular { one } else { many })
        })
        .collect::<Vec<_>>();
        parts.push(trf!(lang, "Of {0} {1}, {2}.", "Sur {0} {1}, {2}.", "De {0} {1}, {2}.";
            self.total().to_string(), self.unit, counts.join(", ")));
        let largest = self.bands.iter().filter(|b| b.change != Change::Same).max_by_key(|b| b.members.len());
        if let Some(b) = largest {
            parts.push(trf!(lang,
                "The largest movement: {0}, {1} {2}.",
                "Le plus grand mouvement : {0}, {1} {2}.",
                "El mayor movimiento: {0}, {1} {2}.";
                b.text.heading, b.members.len().to_string(), self.unit));
        }
        parts.push(tr!(lang,
            "Use the arrow keys to step through the bands and then the countries listed; type a name to jump to it.",
            "Les flèches du clavier parcourent les flux puis les pays listés ; tapez un nom pour y aller.",
            "Las flechas del teclado recorren los flujos y luego los países listados; escriba un nombre para ir a él."
        ).into());
        parts.join(" ")
    }

    /// One row per band.
    pub fn wide_table(&self) -> DataTable {
        let lang = self.lang;
        let columns = [
            self.from_title.as_str(),
            self.to_title.as_str(),
            tr!(lang, "Count", "Nombre", "Número"),
            tr!(lang, "Members", "Membres", "Miembros"),
            i18n::source_column(lang),
        ]
            .map(String::from)
            .to_vec();
        let mut rows = Vec::with_capacity(self.bands.len());
        for b in &self.bands {
            let mut names = Vec::with_capacity(b.members.len());
            for m in &b.members {
                names.push(m.names.first().map_or(m.id.as_str(), String::as_str));
            }
            rows.push(vec![
                self.left.get(b.from).map_or(String::new(), |n| n.label.clone()),
                self.right.get(b.to).map_or(String::new(), |n| n.label.clone()),
                b.members.len().to_string(),
                crate::i18n::name_list(&names),
                b.text.sources.join("; "),
            ]);
        }
        DataTable { columns, rows }
    }
}

pub mod flow_metrics {
    /// Node width.
    pub const NODE: f64 = 12.0;
    /// Between nodes in a column.
    pub const NODE_GAP: f64 = 10.0;
    /// A node label's line height, as a multiple of the label font.
    pub const NODE_LINE: f64 = 1.25;
    /// Between a label and its node, and around the lists.
    pub const GAP: f64 = 8.0;
    /// The diagram's height when the canvas leaves it the choice, and its limits.
    pub const DIAGRAM_COMFORT: f64 = 300.0;
    pub const DIAGRAM_MIN: f64 = 150.0;
    pub const DIAGRAM_MAX: f64 = 460.0;
    /// Below this span between the columns, labels switch to their short form.
    pub const SPAN_MIN: f64 = 120.0;
    /// Line height of a list's title and of its rows of entries.
    pub const LIST_ROW: f64 = 18.0;
    /// Thin bands are hit-tested as if this thick, so a band of one country can be hovered.
    pub const HIT_MIN: f64 = 6.0;
}

/// A node placed in its column.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowNode {
    pub rect: Rect,
    pub category: Option<usize>,
    pub label: TextLine,
    /// The count, "(98)", on a line of its own under the name (a line lower, at the same x)
    /// where the two do not fit on one: cut at its end, a phone's "Nivel 2 (10…" read as
    /// another number.
    pub count: Option<String>,
    /// Left column labels are right-aligned at `label.x_dev`.
    pub left: bool,
}

/// A band's two ends; its edges run between them along a smooth S curve.
#[derive(Debug, Clone, PartialEq)]
pub struct BandShape {
    pub x0: f64,
    pub x1: f64,
    pub top0: f64,
    pub bottom0: f64,
    pub top1: f64,
    pub bottom1: f64,
}

impl BandShape {
    /// The band's top and bottom at `x` (between `x0` and `x1`).
    pub fn edges_at(&self, x: f64) -> (f64, f64) {
        let t = if self.x1 > self.x0 { ((x - self.x0) / (self.x1 - self.x0)).clamp(0.0, 1.0) } else { 0.0 };
        let s = t * t * (3.0 - 2.0 * t);
        (self.top0 + (self.top1 - self.top0) * s, self.bottom0 + (self.bottom1 - self.bottom0) * s)
    }

    /// The outline as a polygon: the top edge left to right, the bottom edge back.
    pub fn outline(&self, steps: usize) -> Vec<(f64, f64)> {
        let steps = steps.max(1);
        // Along the top edge left to right, then back along the bottom edge.
        let x_at = |i: usize| self.x0 + (self.x1 - self.x0) * i as f64 / steps as f64;
        let mut points = Vec::with_capacity(2 * (steps + 1));
        for i in 0..=steps {
            points.push((x_at(i), self.edges_at(x_at(i)).0));
        }
        for i in (0..=steps).rev() {
            points.push((x_at(i), self.edges_at(x_at(i)).1));
        }
        points
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowBand {
    pub shape: BandShape,
    /// The fill: the left node's category, or the right node's for members entering.
    pub category: Option<usize>,
    pub input: FlowBandInput,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowEntry {
    pub rect: Rect,
    pub text: TextLine,
    pub input: FlowEntryInput,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowChart {
    pub size: Size,
    pub title: Vec<TextLine>,
    pub subtitle: Vec<TextLine>,
    /// The editions above the columns: left-aligned and right-aligned.
    pub column_titles: [TextLine; 2],
    pub nodes: Vec<FlowNode>,
    pub bands: Vec<FlowBand>,
    /// List titles (bold) and "none" lines (muted).
    pub list_titles: Vec<TextLine>,
    pub list_empty: Vec<TextLine>,
    pub entries: Vec<FlowEntry>,
}

/// Moves label centres apart so no two are closer than `spacing`, keeping them inside
/// `[low, high]` where the room allows; the order is kept.
fn spread(centres: &mut [f64], spacing: f64, low: f64, high: f64) {
    for i in 1..centres.len() {
        centres[i] = centres[i].max(centres[i - 1] + spacing);
    }
    if let Some(last) = centres.last().copied() {
        if last > high {
            let shift = last - high;
            for c in centres.iter_mut() {
                *c -= shift;
            }
            for i in (0..centres.len().saturating_sub(1)).rev() {
                centres[i] = centres[i].min(centres[i + 1] - spacing);
            }
            if let Some(first) = centres.first().copied() {
                if first < low {
                    for c in centres.iter_mut() {
                        *c += low - first;
                    }
                }
            }
        }
    }
}

struct Lists {
    titles: Vec<TextLine>,
    empty: Vec<TextLine>,
    entries: Vec<FlowEntry>,
    bottom: f64,
}

/// An entry's label in `room`: whole, or with the name cut and its kept end whole.
fn entry_text(entry: &FlowEntryInput, room: f64, font: f64) -> String {
    let label = &entry.label;
    let whole = measure::fit(label, room, font, Weight::Regular);
    if whole == *label {
        return whole;
    }
    match label.strip_suffix(entry.kept_end.as_str()) {
        Some(head) if !entry.kept_end.is_empty() => {
            let end = format!(" {}", entry.kept_end);
            let head_room = room - measure::width(&end, font, Weight::Regular);
            format!("{}{end}", measure::fit(head.trim_end(), head_room, font, Weight::Regular)).trim_start().to_owned()
        }
        _ => whole,
    }
}

/// The lists under the diagram, entries flowing left to right and wrapping.
fn lay_out_lists(input: &FlowChartInput, width: f64, top: f64, u: f64) -> Lists {
    use flow_metrics::*;
    let font = LABEL_FONT * u;
    let right_edge = (width - PAD * u).max(PAD * u);
    let room = (right_edge - PAD * u).max(4.0 * measure::letter(font, Weight::Regular));
    let separator = 2.0 * measure::letter(font, Weight::Regular);
    let row = LIST_ROW * u;
    let (mut titles, mut empty, mut entries) = (Vec::new(), Vec::new(), Vec::new());
    let mut y = top;
    for list in &input.lists {
        // Titles wrap: cut, "In the 2025 list, not in the 2024 list" lost its year on a phone.
        for text in measure::wrap(&list.title, room, font, Weight::Bold) {
            titles.push(TextLine { text, x_dev: PAD * u, y_dev: y });
            y += row;
        }
        if list.entries.is_empty() {
            for text in measure::wrap(&list.empty, room, font, Weight::Regular) {
                empty.push(TextLine { text, x_dev: PAD * u, y_dev: y });
                y += row;
            }
        } else {
            let mut x = PAD * u;
            for entry in &list.entries {
                let text = entry_text(entry, room, font);
                let w = measure::width(&text, font, Weight::Regular);
                if x > PAD * u && x + w > right_edge {
                    x = PAD * u;
                    y += row;
                }
                let rect = Rect { left: x - 2.0 * u, top: y - 2.0 * u, right: x + w + 2.0 * u, bottom: y + row - 2.0 * u };
                entries.push(FlowEntry { rect, text: TextLine { text, x_dev: x, y_dev: y }, input: entry.clone() });
                x += w + separator;
            }
            y += row;
        }
        y += GAP * u;
    }
    Lists { titles, empty, entries, bottom: y }
}

impl FlowChart {
    /// Where the diagram starts: below the heading and the column titles.
    fn diagram_top(input: &FlowChartInput, width: f64, u: f64) -> (Vec<TextLine>, Vec<TextLine>, f64, f64) {
        let (title, subtitle, y) = heading(&input.title, &input.subtitle, width, u);
        let titles_y = y + flow_metrics::GAP * u;
        (title, subtitle, titles_y, titles_y + (LABEL_FONT + 10.0) * u)
    }

    /// The canvas height, in CSS pixels, with room for a comfortable diagram and every list.
    pub fn preferred_height_css(input: &FlowChartInput, width_css: f64) -> f64 {
        FlowChart::height_for_diagram_css(input, width_css, flow_metrics::DIAGRAM_COMFORT)
    }

    /// The least canvas height at which the diagram keeps its minimum height and the lists
    /// under it fit: below it the lists would run off the canvas.
    pub fn minimum_height_css(input: &FlowChartInput, width_css: f64) -> f64 {
        FlowChart::height_for_diagram_css(input, width_css, flow_metrics::DIAGRAM_MIN)
    }

    fn height_for_diagram_css(input: &FlowChartInput, width_css: f64, diagram: f64) -> f64 {
        let width = width_css.max(0.0);
        let (_, _, _, top) = FlowChart::diagram_top(input, width, 1.0);
        let lists = lay_out_lists(input, width, top + diagram + 2.0 * flow_metrics::GAP, 1.0);
        (lists.bottom + PAD).ceil()
    }

    pub fn layout(input: &FlowChartInput, size: Size) -> FlowChart {
        use flow_metrics::*;
        let u = size.dpr.max(0.5);
        let width = size.width_dev() as f64;
        let height = size.height_dev() as f64;
        let font = LABEL_FONT * u;
        let (title, subtitle, titles_y, diagram_top) = FlowChart::diagram_top(input, width, u);

        // The lists' height does not depend on where they start.
        let lists_height = lay_out_lists(input, width, 0.0, u).bottom;
        let room = height - PAD * u - diagram_top - 2.0 * GAP * u - lists_height;
        let diagram_height = clamp(room, DIAGRAM_MIN * u, DIAGRAM_MAX * u);

        // Labels: full where the columns keep a useful span between them, short otherwise.
        let content = (width - 2.0 * PAD * u).max(0.0);
        let label_text = |n: &FlowNodeInput, side_count: usize, short: bool| {
            format!("{} ({side_count})", if short { &n.short_label } else { &n.label })
        };
        let labels_for = |short: bool| -> (Vec<String>, Vec<String>) {
            let mut labels = (Vec::with_capacity(input.left.len()), Vec::with_capacity(input.right.len()));
            for (i, n) in input.left.iter().enumerate() {
                labels.0.push(label_text(n, count_of(&input.bands, i, true), short));
            }
            for (i, n) in input.right.iter().enumerate() {
                labels.1.push(label_text(n, count_of(&input.bands, i, false), short));
            }
            labels
        };
        let widest = |labels: &(Vec<String>, Vec<String>)| {
            measure::widest(&labels.0, font, Weight::Regular).max(measure::widest(&labels.1, font, Weight::Regular))
        };
        let mut labels = labels_for(false);
        let full_width = widest(&labels);
        let mut label_width = full_width.min(0.3 * content);
        // Short labels too where a full one would be cut (French names the Watch List at length).
        let short = content - 2.0 * (label_width + GAP * u + NODE * u) < SPAN_MIN * u || full_width > label_width;
        if short {
            labels = labels_for(true);
            label_width = widest(&labels).min(0.3 * content);
        }
        let left_node_x = PAD * u + label_width + GAP * u;
        let right_node_x = (width - PAD * u - label_width - GAP * u - NODE * u).max(left_node_x + NODE * u);

        // One scale for both columns, leaving room for the gaps of the fuller one.
        let shown = |side: &[FlowNodeInput], left: bool| -> Vec<usize> {
            let mut shown = Vec::new();
            for i in 0..side.len() {
                if count_of(&input.bands, i, left) > 0 {
                    shown.push(i);
                }
            }
            shown
        };
        let (left_shown, right_shown) = (shown(&input.left, true), shown(&input.right, false));
        let most_nodes = left_shown.len().max(right_shown.len()).max(1);
        let total = input.total().max(1) as f64;
        let per_member = ((diagram_height - (most_nodes - 1) as f64 * NODE_GAP * u) / total).max(0.0);

        let mut nodes = Vec::new();
        let mut node_tops = [vec![f64::NAN; input.left.len()], vec![f64::NAN; input.right.len()]];
        for (side, (list, shown, x)) in
            [(&input.left, &left_shown, left_node_x), (&input.right, &right_shown, right_node_x)].into_iter().enumerate()
        {
            let left = side == 0;
            let mut y = diagram_top;
            let mut centres = Vec::new();
            let first = nodes.len();
            for &i in shown {
                let h = count_of(&input.bands, i, left) as f64 * per_member;
                node_tops[side][i] = y;
                let rect = Rect { left: x, top: y, right: x + NODE * u, bottom: y + h };
                let full = if left { &labels.0[i] } else { &labels.1[i] };
                let label_x = if left { x - GAP * u } else { x + (NODE + GAP) * u };
                let (text, count) = if !measure::within(measure::width(full, font, Weight::Regular), label_width) {
                    let name = if short { &list[i].short_label } else { &list[i].label };
                    (measure::fit(name, label_width, font, Weight::Regular), Some(format!("({})", count_of(&input.bands, i, left))))
                } else {
                    (full.clone(), None)
                };
                let label = TextLine { text, x_dev: label_x, y_dev: 0.0 };
                nodes.push(FlowNode { rect, category: list[i].category, label, count, left });
                centres.push(y + h / 2.0);
                y += h + NODE_GAP * u;
            }
            // Labels of thin neighbouring nodes would overlap: spread them.
            // A label of two lines takes two, centred on the node.
            let line = NODE_LINE * LABEL_FONT * u;
            let two_lines = nodes[first..].iter().any(|n| n.count.is_some());
            let span = if two_lines { 2.0 * line } else { line };
            spread(&mut centres, span, diagram_top + span / 2.0, diagram_top + diagram_height.max(span) - span / 2.0);
            for (node, centre) in nodes[first..].iter_mut().zip(centres) {
                node.label.y_dev = if node.count.is_some() { centre - line / 2.0 } else { centre };
            }
        }

        // Each band leaves its left node in the order of the right nodes, and arrives in the
        // order of the left nodes, so bands cross as little as they can.
        let mut left_offset = node_tops[0].clone();
        let mut right_offset = node_tops[1].clone();
        let mut order: Vec<usize> = (0..input.bands.len()).collect();
        crate::sort::sort_by_key(&mut order, |&b| (input.bands[b].from, input.bands[b].to));
        let mut shapes: Vec<Option<BandShape>> = vec![None; input.bands.len()];
        for &b in &order {
            let band = &input.bands[b];
            let h = band.members.len() as f64 * per_member;
            let top0 = left_offset[band.from];
            left_offset[band.from] += h;
            shapes[b] = Some(BandShape { x0: left_node_x + NODE * u, x1: right_node_x, top0, bottom0: top0 + h, top1: 0.0, bottom1: 0.0 });
        }
        crate::sort::sort_by_key(&mut order, |&b| (input.bands[b].to, input.bands[b].from));
        for &b in &order {
            let h = input.bands[b].members.len() as f64 * per_member;
            if let Some(shape) = shapes[b].as_mut() {
                shape.top1 = right_offset[input.bands[b].to];
                shape.bottom1 = shape.top1 + h;
            }
            right_offset[input.bands[b].to] += h;
        }
        let mut bands = Vec::with_capacity(input.bands.len());
        for (band, shape) in input.bands.iter().zip(shapes) {
            let Some(shape) = shape else { continue };
            let category = match band.change {
                Change::Entering => input.right.get(band.to).and_then(|n| n.category),
                _ => input.left.get(band.from).and_then(|n| n.category),
            };
            bands.push(FlowBand { shape, category, input: band.clone() });
        }

        let lists = lay_out_lists(input, width, diagram_top + diagram_height + 2.0 * GAP * u, u);
        let column_titles = [
            TextLine { text: input.from_title.clone(), x_dev: left_node_x + NODE * u, y_dev: titles_y },
            TextLine { text: input.to_title.clone(), x_dev: right_node_x, y_dev: titles_y },
        ];
        FlowChart {
            size,
            title,
            subtitle,
            column_titles,
            nodes,
            bands,
            list_titles: lists.titles,
            list_empty: lists.empty,
            entries: lists.entries,
        }
    }

    pub fn item_count(&self) -> usize {
        self.bands.len() + self.entries.len()
    }

    /// The band or list entry at CSS pixel (`x_css`, `y_css`). Over a node, the band that
    /// leaves or arrives at that height; between the columns, the band there or, failing one,
    /// the nearest within a few pixels (a band of one country is thin).
    pub fn item_at(&self, x_css: f64, y_css: f64) -> Option<usize> {
        let (x, y) = (x_css * self.size.dpr, y_css * self.size.dpr);
        if let Some(i) = self.entries.iter().position(|e| x >= e.rect.left && x < e.rect.right && y >= e.rect.top && y < e.rect.bottom) {
            return Some(self.bands.len() + i);
        }
        let tolerance = flow_metrics::HIT_MIN * self.size.dpr.max(0.5) / 2.0;
        let node = self.nodes.iter().find(|n| x >= n.rect.left && x < n.rect.right && y >= n.rect.top && y < n.rect.bottom);
        if let Some(node) = node {
            // The ends of the bands are the node's height split in order.
            let at_left = node.left;
            return self.bands.iter().position(|b| {
                let (x_end, (top, bottom)) = if at_left {
                    (b.shape.x0, (b.shape.top0, b.shape.bottom0))
                } else {
                    (b.shape.x1, (b.shape.top1, b.shape.bottom1))
                };
                let touches = if at_left { (node.rect.right - x_end).abs() < 1e-6 } else { (node.rect.left - x_end).abs() < 1e-6 };
                touches && y >= top && y < bottom
            });
        }
        // Where bands cross, the thinner one is drawn on top and wins.
        let mut inside: Option<usize> = None;
        let mut nearest: Option<(usize, f64)> = None;
        for (i, b) in self.bands.iter().enumerate() {
            if x < b.shape.x0 || x > b.shape.x1 {
                continue;
            }
            let (top, bottom) = b.shape.edges_at(x);
            if y >= top && y < bottom {
                if inside.map_or(true, |j| b.input.members.len() < self.bands[j].input.members.len()) {
                    inside = Some(i);
                }
                continue;
            }
            let distance = if y < top { top - y } else { y - bottom };
            if distance <= tolerance && nearest.map_or(true, |(_, d)| distance < d) {
                nearest = Some((i, distance));
            }
        }
        inside.or(nearest.map(|(i, _)| i))
    }

    /// The band an item is, or is listed under.
    pub fn band_of(&self, index: usize) -> Option<usize> {
        if index < self.bands.len() {
            Some(index)
        } else {
            self.entries.get(index - self.bands.len()).map(|e| e.input.band)
        }
    }

    pub fn readout(&self, index: usize) -> Option<Readout> {
        let u = self.size.dpr;
        let (text, x, y, rows) = if let Some(b) = self.bands.get(index) {
            let mid = (b.shape.x0 + b.shape.x1) / 2.0;
            let (top, _) = b.shape.edges_at(mid);
            (&b.input.text, mid, top, None)
        } else {
            let e = self.entries.get(index - self.bands.len())?;
            (&e.input.text, (e.rect.left + e.rect.right) / 2.0, e.rect.top, Some((e.rect.top / u, e.rect.bottom / u)))
        };
        Some(Readout {
            index,
            heading: text.heading.clone(),
            values: text.values.clone(),
            sources: text.sources.clone(),
            x_css: x / u,
            y_css: y / u,
            rows,
            selection: text.selection.clone(),
            list: text.list.clone(),
        })
    }

    /// For type-ahead: the list entry of the member `typed` names, else the band a member so
    /// named moved along (countries that kept their tier are in no list).
    pub fn item_by_name(&self, typed: &str) -> Option<usize> {
        // The shown name first, then the code and the other spellings.
        let named = |m: &Member| -> Vec<String> {
            let shown = m.names.first().unwrap_or(&m.id);
            std::iter::once(shown).chain(Some(&m.id)).chain(m.names.iter().skip(1)).cloned().collect()
        };
        let mut items: Vec<usize> = Vec::new();
        let mut names: Vec<Vec<String>> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            items.push(self.bands.len() + i);
            names.push(named(&e.input.member));
        }
        for (i, b) in self.bands.iter().enumerate() {
            for m in &b.input.members {
                items.push(i);
                names.push(named(m));
            }
        }
        first_named(typed, &names).map(|found| items[found])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str) -> Member {
        Member { id: id.into(), names: vec![format!("Name {id}"), format!("Alias {id}")] }
    }

    fn text(heading: &str) -> ItemText {
        ItemText { heading: heading.into(), values: vec!["v".into()], list: None, sources: vec!["s".into()], selection: vec![] }
    }

    fn node(label: &str, category: Option<usize>) -> FlowNodeInput {
        FlowNodeInput { label: label.into(), short_label: label[..1].into(), category }
    }

    /// A: 3 stay, 1 goes to B; B: 2 stay, 2 go to A; one enters into B.
    fn input() -> FlowChartInput {
        let band = |from, to, change, ids: &[&str]| FlowBandInput {
            from,
            to,
            change,
            members: ids.iter().map(|id| member(id)).collect(),
            text: text(&format!("{from}->{to}")),
        };
        let bands = vec![
            band(0, 0, Change::Same, &["a1", "a2", "a3"]),
            band(0, 1, Change::Down, &["a4"]),
            band(1, 0, Change::Up, &["b1", "b2"]),
            band(1, 1, Change::Same, &["b3", "b4"]),
            band(2, 1, Change::Entering, &["n1"]),
        ];
        let entry = |band: usize, id: &str| FlowEntryInput { label: format!("Name {id}"), kept_end: String::new(), band, member: member(id), text: text(id) };
        FlowChartInput { lang: Default::default(),
            title: "Title".into(),
            subtitle: "Subtitle".into(),
            from_title: "2024".into(),
            to_title: "2025".into(),
            left: vec![node("Alpha", Some(0)), node("Beta", Some(1)), node("Not listed", None)],
            right: vec![node("Alpha", Some(0)), node("Beta", Some(1)), node("Not listed", None)],
            bands,
            lists: vec![
                FlowListInput { title: "Up".into(), empty: "None".into(), entries: vec![entry(2, "b1"), entry(2, "b2")] },
                FlowListInput { title: "Down".into(), empty: "None".into(), entries: vec![entry(1, "a4")] },
                FlowListInput { title: "Leaving".into(), empty: "None left.".into(), entries: vec![] },
            ],
            unit: "countries".into(),
        }
    }

    const DESKTOP: Size = Size { width_css: 720.0, height_css: 480.0, dpr: 1.0 };

    #[test]
    fn nodes_are_as_tall_as_their_counts_and_bands_equally_thick_at_both_ends() {
        let chart = FlowChart::layout(&input(), DESKTOP);
        // The empty "not listed" node on the right is not drawn.
        assert_eq!(chart.nodes.len(), 5);
        let heights: Vec<f64> = chart.nodes.iter().map(|n| n.rect.bottom - n.rect.top).collect();
        let per = heights[0] / 4.0;
        let expected = [4.0, 4.0, 1.0, 5.0, 4.0];
        for (h, e) in heights.iter().zip(expected) {
            assert!((h - e * per).abs() < 1e-9, "{heights:?}");
        }
        for b in &chart.bands {
            let (left, right) = (b.shape.bottom0 - b.shape.top0, b.shape.bottom1 - b.shape.top1);
            assert!((left - right).abs() < 1e-9);
            assert!((left - b.input.members.len() as f64 * per).abs() < 1e-9);
        }
        // Bands fill each node exactly, in order.
        let into_right_alpha: Vec<&FlowBand> = chart.bands.iter().filter(|b| b.input.to == 0).collect();
        assert_eq!(into_right_alpha[0].shape.top1, chart.nodes[3].rect.top);
        assert!((into_right_alpha[1].shape.bottom1 - chart.nodes[3].rect.bottom).abs() < 1e-9);
        // Everything sits inside the canvas.
        let lowest = chart.entries.iter().map(|e| e.rect.bottom).chain(chart.list_empty.iter().map(|l| l.y_dev)).fold(0.0, f64::max);
        assert!(lowest <= 480.0, "{lowest}");
    }

    #[test]
    fn band_edges_follow_an_s_curve_from_end_to_end() {
        let s = BandShape { x0: 0.0, x1: 100.0, top0: 10.0, bottom0: 20.0, top1: 50.0, bottom1: 60.0 };
        assert_eq!(s.edges_at(0.0), (10.0, 20.0));
        assert_eq!(s.edges_at(100.0), (50.0, 60.0));
        assert_eq!(s.edges_at(50.0), (30.0, 40.0));
        let outline = s.outline(10);
        assert_eq!(outline.len(), 22);
        assert_eq!(outline[0], (0.0, 10.0));
        assert_eq!(outline[21], (0.0, 20.0));
    }

    #[test]
    fn pointing_finds_bands_between_columns_on_nodes_and_entries_at_dpr_1_and_2() {
        for dpr in [1.0, 2.0] {
            let chart = FlowChart::layout(&input(), Size { dpr, ..DESKTOP });
            for (i, b) in chart.bands.iter().enumerate() {
                // Near the ends bands lie side by side in node order.
                for share in [0.05, 0.95] {
                    let x = b.shape.x0 + (b.shape.x1 - b.shape.x0) * share;
                    let (top, bottom) = b.shape.edges_at(x);
                    assert_eq!(chart.item_at(x / dpr, (top + bottom) / 2.0 / dpr), Some(i), "dpr {dpr} band {i} at {share}");
                }
                // On the left node, at the band's end.
                let node = chart.nodes.iter().find(|n| n.left && (n.rect.right - b.shape.x0).abs() < 1e-9 && n.rect.top <= b.shape.top0 && b.shape.bottom0 <= n.rect.bottom + 1e-9).unwrap();
                let x = (node.rect.left + node.rect.right) / 2.0;
                assert_eq!(chart.item_at(x / dpr, (b.shape.top0 + b.shape.bottom0) / 2.0 / dpr), Some(i));
            }
            for (i, e) in chart.entries.iter().enumerate() {
                let (x, y) = ((e.rect.left + e.rect.right) / 2.0, (e.rect.top + e.rect.bottom) / 2.0);
                let index = chart.item_at(x / dpr, y / dpr).unwrap();
                assert_eq!(index, chart.bands.len() + i);
                assert_eq!(chart.band_of(index), Some(e.input.band));
                assert_eq!(chart.readout(index).unwrap().heading, e.input.member.id);
            }
            // Where "down" (1 member) crosses "up" (2), the thinner band, drawn on top, wins.
            let (down, up) = (&chart.bands[1].shape, &chart.bands[2].shape);
            let crossing = (0..=100)
                .map(|i| down.x0 + (down.x1 - down.x0) * i as f64 / 100.0)
                .find(|&x| {
                    let (d, u) = (down.edges_at(x), up.edges_at(x));
                    let y = (d.0 + d.1) / 2.0;
                    y >= u.0 && y < u.1
                })
                .unwrap();
            let (top, bottom) = down.edges_at(crossing);
            assert_eq!(chart.item_at(crossing / dpr, (top + bottom) / 2.0 / dpr), Some(1));
            // Left of the labels: nothing.
            assert_eq!(chart.item_at(2.0, chart.nodes[0].label.y_dev / dpr), None);
        }
    }

    #[test]
    fn a_thin_band_is_found_from_a_few_pixels_away() {
        let mut input = input();
        // 1 of 300 members: a sliver.
        input.bands[0].members = (0..296).map(|i| member(&format!("m{i}"))).collect();
        let chart = FlowChart::layout(&input, DESKTOP);
        let thin = &chart.bands[1];
        assert!(thin.shape.bottom0 - thin.shape.top0 < 2.0);
        // Just after it leaves its node, with the gap between nodes below it.
        let x = thin.shape.x0 + 2.0;
        let (_, bottom) = thin.shape.edges_at(x);
        assert_eq!(chart.item_at(x, bottom + 2.0), Some(1));
    }

    #[test]
    fn lists_wrap_and_an_empty_list_says_so() {
        let chart = FlowChart::layout(&input(), Size { width_css: 110.0, ..DESKTOP });
        assert_eq!(chart.list_titles.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["Up", "Down", "Leaving"]);
        assert_eq!(chart.list_empty[0].text, "None left.");
        // A long "none" sentence wraps rather than being cut.
        let mut long = input();
        long.lists[2].empty = "None: every country the 2024 list places here is in the 2025 list too.".into();
        let wrapped = FlowChart::layout(&long, Size { width_css: 300.0, ..DESKTOP });
        assert!(wrapped.list_empty.len() > 1);
        assert_eq!(wrapped.list_empty.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "), long.lists[2].empty);
        // Two entries do not fit one 90 px row.
        assert!(chart.entries[1].rect.top > chart.entries[0].rect.top);
        assert!(chart.entries.iter().all(|e| e.rect.right <= 110.0));
    }

    #[test]
    fn labels_of_thin_nodes_do_not_overlap_and_shorten_on_a_phone() {
        let mut input = input();
        input.bands[0].members = (0..200).map(|i| member(&format!("m{i}"))).collect();
        let chart = FlowChart::layout(&input, Size { width_css: 320.0, ..DESKTOP });
        for side in [true, false] {
            let ys: Vec<f64> = chart.nodes.iter().filter(|n| n.left == side).map(|n| n.label.y_dev).collect();
            for pair in ys.windows(2) {
                assert!(pair[1] - pair[0] >= LABEL_FONT * 1.25 - 1e-9, "{ys:?}");
            }
        }
        let wide = FlowChart::layout(&input, DESKTOP);
        assert!(wide.nodes[0].label.text.starts_with("Alpha ("), "{}", wide.nodes[0].label.text);
    }

    #[test]
    fn type_ahead_prefers_listed_entries_then_bands() {
        let chart = FlowChart::layout(&input(), DESKTOP);
        let n = chart.bands.len();
        assert_eq!(chart.item_by_name("name b2"), Some(n + 1));
        assert_eq!(chart.item_by_name("A4"), Some(n + 2));
        assert_eq!(chart.item_by_name("alias a"), Some(n + 2));
        // Not listed (stayed): its band.
        assert_eq!(chart.item_by_name("Name a2"), Some(0));
        assert_eq!(chart.item_by_name("zzz"), None);
        assert_eq!(chart.item_by_name("  "), None);
    }

    #[test]
    fn summary_counts_each_way_and_names_the_largest_movement() {
        let s = input().summary();
        assert!(s.contains("Of 9 countries, 5 stayed in their tier, 2 moved up, 1 moved down, 1 entered the list."), "{s}");
        assert!(s.contains("The largest movement: 1->0, 2 countries."), "{s}");
        let t = input().wide_table();
        assert_eq!(t.columns, ["2024", "2025", "Count", "Members", "Source"]);
        assert_eq!(t.rows[2], ["Beta", "Alpha", "2", "Name b1, Name b2", "s"]);
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        for (w, h, dpr) in [(0.0, 0.0, 1.0), (1.0, 1.0, 3.0), (30.0, 500.0, 2.0), (5000.0, 20.0, 1.0), (20000.0, 20000.0, 4.0)] {
            let chart = FlowChart::layout(&input(), Size { width_css: w, height_css: h, dpr });
            let _ = chart.item_at(10.0, 10.0);
            for i in 0..=chart.item_count() {
                let _ = chart.readout(i);
            }
        }
        assert_eq!(FlowChart::layout(&FlowChartInput::default(), DESKTOP).item_count(), 0);
        let empty = FlowChartInput { title: "T".into(), unit: "countries".into(), ..Default::default() };
        assert_eq!(empty.summary(), "T. No values to show.");
    }
}
