//! Scales map data values to device pixels and back. Each is a small `Copy` value with both
//! directions, so drawing and hit-testing use the very same mapping.

/// `x.clamp(lo, hi)` for bounds in order by construction. `f64::clamp` asserts that order,
/// and the assertion's message alone brings float Debug formatting into the wasm.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// A continuous scale from a value domain to a pixel range (the range may be inverted, as
/// y axes are: larger values are higher up, at smaller pixel rows).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        // A flat domain (one value, or all zeros) would divide by zero; widen it instead.
        let domain = if domain.1 > domain.0 { domain } else { (domain.0, domain.0 + 1.0) };
        LinearScale { domain, range }
    }

    pub fn position_from_value(&self, value: f64) -> f64 {
        let t = (value - self.domain.0) / (self.domain.1 - self.domain.0);
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    pub fn value_from_position(&self, position: f64) -> f64 {
        let t = (position - self.range.0) / (self.range.1 - self.range.0);
        self.domain.0 + t * (self.domain.1 - self.domain.0)
    }
}

/// Round tick values from 0 up to at least `max`, about `target` of them, with a step of
/// 1, 2 or 5 times a power of ten. Counts never start above zero: these are totals.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw_step = max / target.max(1) as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let mut step = 10.0 * magnitude;
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * magnitude >= raw_step {
            step = m * magnitude;
            break;
        }
    }
    let step = step.max(1.0); // counts are whole numbers
    let count = (max / step).ceil() as usize;
    let mut ticks = Vec::with_capacity(count + 1);
    for i in 0..=count {
        ticks.push(i as f64 * step);
    }
    ticks
}

/// How values map to heights: in proportion, or by orders of magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueScaleKind {
    #[default]
    Linear,
    Log,
}

/// A y scale of either kind. A log scale cannot place zero; such values have no position and
/// the chart leaves them out of the line (their readout says why).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueScale {
    Linear(LinearScale),
    /// Maps log10 of the value linearly.
    Log(LinearScale),
}

impl ValueScale {
    /// A scale whose domain runs over `ticks` (the first and last tick are the ends).
    pub fn new(kind: ValueScaleKind, ticks: &[f64], range: (f64, f64)) -> ValueScale {
        let first = ticks.first().copied().unwrap_or(0.0);
        let last = ticks.last().copied().unwrap_or(1.0);
        match kind {
            ValueScaleKind::Linear => ValueScale::Linear(LinearScale::new((first, last), range)),
            ValueScaleKind::Log => ValueScale::Log(LinearScale::new((first.max(1.0).log10(), last.max(1.0).log10()), range)),
        }
    }

    pub fn position_from_value(&self, value: f64) -> Option<f64> {
        match self {
            ValueScale::Linear(s) => Some(s.position_from_value(value)),
            ValueScale::Log(s) if value > 0.0 => Some(s.position_from_value(value.log10())),
            ValueScale::Log(_) => None,
        }
    }
}

/// Ticks for a scale of `kind` covering the values `min..=max` (min = smallest positive value).
pub fn ticks_for(kind: ValueScaleKind, min: f64, max: f64, target: usize) -> Vec<f64> {
    match kind {
        ValueScaleKind::Linear => nice_ticks(max, target),
        ValueScaleKind::Log => log_ticks(min, max),
    }
}

/// Powers of ten from just below `min` to just above `max` (both positive), with 2× and 5×
/// steps added when the span is short enough that powers alone would leave the axis bare.
pub fn log_ticks(min: f64, max: f64) -> Vec<f64> {
    let max = if max.is_finite() && max >= 1.0 { max } else { 10.0 };
    let min = if min.is_finite() && min >= 1.0 { min.min(max) } else { 1.0 };
    let low = min.log10().floor() as i32;
    let mut high = max.log10().ceil() as i32;
    if high <= low {
        high = low + 1;
    }
    let mut ticks = Vec::new();
    for power in low..=high {
        let base = 10f64.powi(power);
        ticks.push(base);
        if high - low <= 2 && power < high {
            ticks.push(2.0 * base);
            ticks.push(5.0 * base);
        }
    }
    // Trim the extra steps beyond the data, keeping one tick at or above max.
    while ticks.len() > 2 && ticks[ticks.len() - 2] >= max {
        ticks.pop();
    }
    ticks
}

/// Evenly spaced categories (report years) across a pixel range, with the nearest-category
/// inverse used by hover and touch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryScale {
    pub count: usize,
    pub range: (f64, f64),
}

impl CategoryScale {
    pub fn position_from_index(&self, index: usize) -> f64 {
        if self.count <= 1 {
            return (self.range.0 + self.range.1) / 2.0;
        }
        self.range.0 + index as f64 * self.step()
    }

    pub fn step(&self) -> f64 {
        if self.count <= 1 {
            self.range.1 - self.range.0
        } else {
            (self.range.1 - self.range.0) / (self.count - 1) as f64
        }
    }

    /// The category whose position is nearest, if `position` lies within half a step of the
    /// first or last one.
    pub fn index_from_position(&self, position: f64) -> Option<usize> {
        if self.count == 0 || !position.is_finite() {
            return None;
        }
        let half = self.step().abs() / 2.0;
        let (lo, hi) = (self.range.0.min(self.range.1), self.range.0.max(self.range.1));
        if position < lo - half || position > hi + half {
            return None;
        }
        if self.count == 1 {
            return Some(0);
        }
        let t = ((position - self.range.0) / self.step()).round();
        Some(clamp(t, 0.0, (self.count - 1) as f64) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_inverts_its_own_mapping() {
        let y = LinearScale::new((0.0, 20_000.0), (400.0, 100.0));
        assert_eq!(y.position_from_value(0.0), 400.0);
        assert_eq!(y.position_from_value(20_000.0), 100.0);
        for v in [0.0, 1.0, 9_876.0, 15_791.0] {
            assert!((y.value_from_position(y.position_from_value(v)) - v).abs() < 1e-6);
        }
    }

    #[test]
    fn flat_domain_does_not_divide_by_zero() {
        let y = LinearScale::new((0.0, 0.0), (100.0, 0.0));
        assert!(y.position_from_value(0.0).is_finite());
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(15_791.0, 4), vec![0.0, 5_000.0, 10_000.0, 15_000.0, 20_000.0]);
        assert_eq!(nice_ticks(27.0, 4), vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(nice_ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(3.0, 8), vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn log_ticks_span_the_decades_of_the_data() {
        assert_eq!(log_ticks(3_000.0, 120_000.0), vec![1_000.0, 10_000.0, 100_000.0, 1_000_000.0]);
        assert_eq!(log_ticks(250.0, 900.0), vec![100.0, 200.0, 500.0, 1_000.0]);
        assert_eq!(log_ticks(0.0, 0.0), vec![1.0, 2.0, 5.0, 10.0]);
    }

    #[test]
    fn a_log_scale_places_decades_evenly_and_zero_nowhere() {
        let y = ValueScale::new(ValueScaleKind::Log, &[10.0, 1_000.0], (300.0, 100.0));
        assert_eq!(y.position_from_value(10.0), Some(300.0));
        assert_eq!(y.position_from_value(100.0), Some(200.0));
        assert_eq!(y.position_from_value(0.0), None);
        let linear = ValueScale::new(ValueScaleKind::Linear, &[0.0, 10.0], (100.0, 0.0));
        assert_eq!(linear.position_from_value(5.0), Some(50.0));
    }

    #[test]
    fn pixel_to_year_picks_the_nearest_and_rejects_far_outside() {
        let x = CategoryScale { count: 7, range: (100.0, 700.0) };
        assert_eq!(x.position_from_index(3), 400.0);
        assert_eq!(x.index_from_position(100.0), Some(0));
        assert_eq!(x.index_from_position(149.0), Some(0));
        assert_eq!(x.index_from_position(151.0), Some(1));
        assert_eq!(x.index_from_position(745.0), Some(6));
        assert_eq!(x.index_from_position(40.0), None);
        assert_eq!(x.index_from_position(760.0), None);
        for i in 0..7 {
            assert_eq!(x.index_from_position(x.position_from_index(i)), Some(i));
        }
    }
}
