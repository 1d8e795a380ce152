//! The embedded dataset: built from `data/` by `build.rs`, each table decoded on first read.

mod codec;
mod records;
#[cfg(not(target_arch = "wasm32"))]
pub mod assemble;
#[cfg(not(target_arch = "wasm32"))]
mod checks;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

pub use codec::{decode, decode_embedded, encode, DecodeError};
pub use records::*;

use std::sync::OnceLock;

/// The encoded dataset, as `build.rs` wrote it.
pub static DATASET_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The dataset, decoded on first use, each table (but the sources) when first read. The
/// bytes were verified by the build step with this same decoder, so a failure here means the
/// binary itself is damaged.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| codec::decode_embedded(DATASET_BYTES))
}
