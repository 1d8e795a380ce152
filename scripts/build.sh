#!/bin/sh
# Builds dist/tipviz.js (one classic script, wasm and dataset inside), dist/npm/ (ES module
# package) and www/tipviz.js (for the demo gallery). Fails if a size budget is exceeded.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh build
cargo build --release --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg dist
# No wasm-opt: Debian's binaryen 108 corrupts wasm-bindgen output (see README).
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir pkg target/wasm32-unknown-unknown/release/tipviz.wasm
node scripts/bundle.mjs
