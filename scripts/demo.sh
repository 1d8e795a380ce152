#!/bin/sh
# Builds the bundle and serves the demo gallery on http://127.0.0.1:8000/ (Ctrl-C stops it).
# The same pages also work opened straight from disk: www/index.html.
set -eu
cd "$(dirname "$0")/.."
sh scripts/build.sh
port="${PORT:-8000}"
echo
echo "Demo gallery:  http://127.0.0.1:$port/index.html"
echo "From disk:     file://$(pwd)/www/index.html"
cd www && exec python3 -m http.server "$port" --bind 127.0.0.1
