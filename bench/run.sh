#!/bin/sh
# Runs the benchmark: installs the peer libraries from bench/package-lock.json, builds
# dist/tipviz.js, then measures every page (see bench/run.mjs). Optional argument: loads per
# page (default 15). Writes bench/results/latest.md and latest.json.
set -eu
cd "$(dirname "$0")/.."
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
[ -d bench/node_modules ] || npm ci --prefix bench --no-audit --no-fund
sh scripts/build.sh
node bench/run.mjs "$@"
