//! Build step: `data/*.csv` → validate and cross-check → compact bytes in `$OUT_DIR/dataset.bin`,
//! which `src/data/mod.rs` embeds. The parsing, checks and codec live in `src/data/` and are
//! shared with the runtime and the tests through `#[path]`, so there is one definition of each.

#[path = "src/data/assemble.rs"]
mod assemble;
#[path = "src/data/checks.rs"]
mod checks;
#[path = "src/data/codec.rs"]
mod codec;
#[allow(dead_code)]
#[path = "src/data/records.rs"]
mod records;
#[allow(dead_code)] // helpers the runtime tests use
#[path = "src/data/source.rs"]
mod source;

use std::path::Path;

fn main() {
    let data_dir = Path::new("data");
    for name in assemble::INPUT_FILES {
        println!("cargo:rerun-if-changed=data/{name}");
    }
    for shared in ["assemble", "checks", "codec", "records", "source"] {
        println!("cargo:rerun-if-changed=src/data/{shared}.rs");
    }
    let dataset = match assemble::assemble(data_dir) {
        Ok(dataset) => dataset,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("the dataset in data/ failed {} check(s); see the lines above", errors.len());
            std::process::exit(1);
        }
    };
    let bytes = codec::encode(&dataset);
    // Validate the bytes with the runtime decoder before embedding them.
    match codec::decode(&bytes) {
        Ok(decoded) if decoded == dataset => {}
        Ok(_) => panic!("codec round trip changed the dataset"),
        Err(e) => panic!("codec cannot read what it wrote: {e}"),
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.bin");
    std::fs::write(&out, &bytes).expect("write dataset.bin");
}
