#!/bin/sh
# Builds dist/tipviz.js (one classic script, wasm and dataset inside), dist/npm/ (ES module
# package) and www/tipviz.js (for the demo gallery). Fails if a size budget is exceeded.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh build
# The standard library is rebuilt with the bundle, sized like our own code and with panics that
# stop at once instead of formatting a message nobody sees in a browser: 11.6 KB less gzip
# (and without the source file names such a message would cite: 0.1 KB).
# These are unstable options of the stable compiler, hence RUSTC_BOOTSTRAP (see README,
# "Toolchain notes"). Its own target directory, so the wasm tests' build is not thrown away.
RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  cargo build --release --target wasm32-unknown-unknown --target-dir target/bundle \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
rm -rf pkg && mkdir -p pkg dist
# No wasm-opt: Debian's binaryen 108 corrupts wasm-bindgen output (see README).
wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
  --out-dir pkg target/bundle/wasm32-unknown-unknown/release/tipviz.wasm
# The wasm is inlined gzip-compressed; zopfli makes that gzip about 5% smaller than zlib's -9.
cargo run --quiet --release --manifest-path tools/squeeze/Cargo.toml -- pkg/tipviz_bg.wasm pkg/tipviz_bg.wasm.gz
node scripts/bundle.mjs
