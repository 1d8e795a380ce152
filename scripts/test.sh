#!/bin/sh
# Runs every test: native (data rules, codec, model, golden images), wasm in headless
# Chromium, and end-to-end pages driven by playwright-core over file:// and http.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh test
echo "== native tests"
cargo test
echo "== bundle"
sh scripts/build.sh
echo "== wasm tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
echo "== the benchmark's statistics"
node --test bench/compare.test.mjs
echo "== end-to-end tests (playwright-core, /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/
