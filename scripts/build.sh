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
# The wasm is inlined gzip-compressed; zopfli makes that gzip about 5% smaller than zlib's -9.
cargo run --quiet --release --manifest-path tools/squeeze/Cargo.toml -- pkg/tipviz_bg.wasm pkg/tipviz_bg.wasm.gz
node scripts/bundle.mjs
