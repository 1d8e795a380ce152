//! CSS text for the canvas: colours and fonts as a 2D context takes them, written with integer
//! arithmetic so that no float formatting is linked into the wasm for them.

use plotters_backend::BackendColor;
use std::fmt::Write;

/// A colour as the canvas is given it: alpha in thousandths, so that equal colours compare
/// equal and the CSS text needs no float formatting.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    rgb: (u8, u8, u8),
    alpha_milli: u16,
}

impl Paint {
    pub fn of(color: BackendColor) -> Paint {
        let alpha = if color.alpha.is_finite() { color.alpha.clamp(0.0, 1.0) } else { 1.0 };
        Paint { rgb: color.rgb, alpha_milli: (alpha * 1000.0).round() as u16 }
    }

    pub fn invisible(self) -> bool {
        self.alpha_milli == 0
    }

    /// `#rrggbb` when opaque, else `rgba(r,g,b,0.ddd)`.
    pub fn css(self) -> String {
        let (r, g, b) = self.rgb;
        let mut text = String::with_capacity(24);
        // Writing to a String cannot fail.
        let _ = if self.alpha_milli >= 1000 {
            write!(text, "#{r:02x}{g:02x}{b:02x}")
        } else {
            write!(text, "rgba({r},{g},{b},0.{:03})", self.alpha_milli)
        };
        text
    }
}

/// A font size in CSS syntax, to hundredths of a pixel (`12px`, `18.75px`).
pub fn font_css(style: &str, size: f64, family: &str) -> String {
    let hundredths = (size.max(0.0) * 100.0).round() as u64;
    let mut text = String::with_capacity(40);
    let _ = write!(text, "{style} {}", hundredths / 100);
    match hundredths % 100 {
        0 => {}
        f if f % 10 == 0 => {
            let _ = write!(text, ".{}", f / 10);
        }
        f => {
            let _ = write!(text, ".{f:02}");
        }
    }
    let _ = write!(text, "px {family}");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_written_without_float_formatting() {
        let opaque = Paint::of(BackendColor { alpha: 1.0, rgb: (0, 94, 184) });
        assert_eq!(opaque.css(), "#005eb8");
        let mixed = Paint::of(BackendColor { alpha: 0.7, rgb: (10, 20, 30) });
        assert_eq!(mixed.css(), "rgba(10,20,30,0.700)");
        assert!(Paint::of(BackendColor { alpha: 0.0004, rgb: (1, 2, 3) }).invisible());
        assert_eq!(Paint::of(BackendColor { alpha: f64::NAN, rgb: (1, 2, 3) }).css(), "#010203");
    }

    #[test]
    fn font_sizes_keep_two_decimals_at_most() {
        assert_eq!(font_css("bold", 15.0, "sans-serif"), "bold 15px sans-serif");
        assert_eq!(font_css("normal", 18.75, "sans-serif"), "normal 18.75px sans-serif");
        assert_eq!(font_css("normal", 13.5, "sans-serif"), "normal 13.5px sans-serif");
        assert_eq!(font_css("normal", 12.0 * 1.333_333, "sans-serif"), "normal 16px sans-serif");
        assert_eq!(font_css("normal", 12.05, "sans-serif"), "normal 12.05px sans-serif");
    }
}
