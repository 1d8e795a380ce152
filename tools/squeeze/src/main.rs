//! `squeeze IN OUT`: writes IN gzip-compressed with zopfli to OUT.
//!
//! The engine ships gzip-compressed inside `tipviz.js` and the browser inflates it with its own
//! `DecompressionStream`, so any valid gzip stream will do. Zopfli searches much harder than
//! zlib's level 9 for the same format: about 5% fewer bytes on the wire for one build step.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: squeeze IN OUT");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(input) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("squeeze: cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut packed = Vec::new();
    if let Err(e) = zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, data.as_slice(), &mut packed) {
        eprintln!("squeeze: compressing {input} failed: {e}");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(output, &packed) {
        eprintln!("squeeze: cannot write {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
