#!/bin/sh
# Installs what the build and tests need, skipping what is already there. Safe to re-run.
#   scripts/setup.sh build   – wasm32 target, the wasm-bindgen CLI matching Cargo.lock, npm packages
#   scripts/setup.sh test    – the above plus Debian chromium/chromium-driver
set -eu
cd "$(dirname "$0")/.."
what="${1:-build}"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The bundle rebuilds the standard library for size (scripts/build.sh), which needs its source.
if ! rustup component list --installed | grep -q '^rust-src'; then
  echo "setup: adding the rust-src component"
  rustup component add rust-src
fi

# The CLI must be exactly the library version in Cargo.lock (they share a schema).
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wbg" ]; then
  echo "setup: installing wasm-bindgen-cli $wbg (have: ${have:-none}); this takes about 2 minutes"
  # Not --locked: the registry index here lacks one locked transitive version (see README).
  # --force: cargo's own record may say "installed" while the binary is gone or another version.
  cargo install --force wasm-bindgen-cli --version "$wbg" --no-default-features
fi

# The bundler minifies with terser; the browser tests drive Chromium with playwright-core.
if [ ! -d node_modules/terser ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = "test" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "setup: installing Debian chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
