//! Number formatting for labels, tooltips and tables.

/// `15791` → `15,791`. (Locale-specific separators come with the `lang` work.)
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Axis labels: `15000` → `15k`, `120000` → `120k`, small numbers as they are.
pub fn compact(n: f64) -> String {
    if n >= 1_000_000.0 {
        let m = n / 1_000_000.0;
        if m.fract() == 0.0 { format!("{m}M") } else { format!("{m:.1}M") }
    } else if n >= 1_000.0 && (n / 1_000.0).fract() == 0.0 {
        format!("{}k", n / 1_000.0)
    } else if n >= 1_000.0 {
        format!("{:.1}k", n / 1_000.0)
    } else {
        format!("{}", n.round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(133_948), "133,948");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn compact_axis_labels() {
        assert_eq!(compact(0.0), "0");
        assert_eq!(compact(5_000.0), "5k");
        assert_eq!(compact(2_500.0), "2.5k");
        assert_eq!(compact(20.0), "20");
    }
}
