//! tipviz: embeddable, source-cited charts of human-trafficking policy data.
//!
//! Data flows one way: `data/*.csv` → `build.rs` (validate, cross-check, encode) → bytes in
//! the binary → [`data::Dataset`] → chart model ([`charts`], [`model`], pure Rust) → drawing
//! ([`render`], plotters) → a canvas. Pointer and key events flow back through the same
//! model's inverse scales. Only `web` (wasm32 only) touches the browser.
//!
//! Code that runs in the browser fills its vectors with plain loops rather than
//! `map(..).collect()` chains: each chain is its own copy of the standard library's iterator
//! code, and every copy is bytes to send and a function to compile on a page's first chart
//! (see "How it is built" in the README for how to find them).

pub mod charts;
pub mod data;
pub mod export;
pub mod i18n;
pub mod model;
pub mod render;
mod sort;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
