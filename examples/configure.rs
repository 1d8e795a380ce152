//! A profiling tool, not a test: does what the wasm widget does when a page mounts a chart
//! (new widget → configure(attributes) → resize → layout), natively, so that
//! `valgrind --tool=callgrind` can count its instructions. Instruction counts repeat from run
//! to run where wall-clock time on a busy machine does not. `scripts/profile-configure.sh`
//! runs every scenario and prints the counts.
//!
//! ```text
//! configure [--warm] [--dump] name=value ...
//! ```
//!
//! - without `--warm`, the measured call is the first in the process, so it includes decoding
//!   the dataset's tables (as a page's first chart does);
//! - `--warm` configures the same attributes once before the measured call, so only the
//!   chart's own work is counted (as a second chart on the page, or a re-configure);
//! - `--dump` prints everything the widget shows (title, summary, CSV, table, the laid-out
//!   figure), to compare the output before and after a change.
//!
//! Only [`measured`] is counted: run callgrind with `--collect-atstart=no
//! --toggle-collect='configure::measured*'`.

use tipviz::model::line::Size;
use tipviz::widget::Widget;

/// The benchmark page's chart size (bench/pages.mjs).
const SIZE: Size = Size { width_css: 760.0, height_css: 440.0, dpr: 1.0 };

/// One widget mounted, as the loader does it.
#[inline(never)]
fn mount(attributes: &[(String, String)]) -> Widget {
    let mut widget = Widget::default();
    if let Err(e) = widget.configure(attributes) {
        eprintln!("configure failed: {}", e.message(widget.lang()));
        std::process::exit(2);
    }
    widget.resize(SIZE);
    widget
}

/// The call callgrind counts.
#[inline(never)]
fn measured(attributes: &[(String, String)]) -> Widget {
    mount(attributes)
}

fn main() {
    let mut warm = false;
    let mut dump = false;
    let mut attributes = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--warm" => warm = true,
            "--dump" => dump = true,
            pair => {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                attributes.push((name.to_owned(), value.to_owned()));
            }
        }
    }
    if warm {
        drop(std::hint::black_box(mount(&attributes)));
    }
    let widget = measured(std::hint::black_box(&attributes));
    if dump {
        println!("title: {}\nsummary: {}\nsearches: {:?}", widget.title(), widget.summary(), widget.searches());
        println!("csv:\n{}", widget.csv());
        println!("table: {:?}", widget.wide_table());
        println!("figure: {:#?}", widget.figure());
    } else {
        println!("{}", widget.title());
    }
}
