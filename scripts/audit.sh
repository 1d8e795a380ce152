#!/bin/sh
# Supply-chain audit (README, "Supply chain"). Lists what ships in dist/tipviz.js, then checks
# Cargo.lock and package-lock.json against the advisory databases when they can be reached.
# Exit status: 1 when an advisory is found; 0 otherwise, including when advisory data is
# unavailable (offline, or the registry proxy refuses the audit endpoint), which is said
# plainly rather than passed off as "no vulnerabilities".
#   TIPVIZ_ADVISORY_DB=/path/to/advisory-db  a vendored RustSec database (used without fetching)
set -u
cd "$(dirname "$0")/.."
found=0

echo "== What ships: the crates the wasm is built from (no npm package ships; npm is test tooling only)"
cargo tree --locked --offline -e normal --target wasm32-unknown-unknown --prefix none 2>/dev/null | sed 's/ (\*)$//' | sort -u \
  || echo "cargo tree could not run offline; see Cargo.lock"

echo "== Rust advisories (Cargo.lock)"
if command -v cargo-deny >/dev/null 2>&1; then
  out=$(cargo deny --locked check advisories 2>&1); rc=$?
  echo "$out" | tail -20
  if echo "$out" | grep -qiE "failed to fetch|unable to fetch|could not resolve|network"; then
    echo "audit: RustSec advisory data unavailable (no network to the advisory database): Rust crates NOT checked"
  elif [ $rc -ne 0 ]; then found=1; fi
elif command -v cargo-audit >/dev/null 2>&1; then
  if [ -n "${TIPVIZ_ADVISORY_DB:-}" ]; then
    out=$(cargo audit --no-fetch --db "$TIPVIZ_ADVISORY_DB" --deny warnings 2>&1); rc=$?
  else
    out=$(cargo audit --deny warnings 2>&1); rc=$?
  fi
  echo "$out" | tail -20
  if echo "$out" | grep -qiE "couldn't fetch|failed to fetch|error fetching|unable to fetch|could not resolve|network"; then
    echo "audit: RustSec advisory data unavailable (no network to the advisory database; set TIPVIZ_ADVISORY_DB to a vendored copy): Rust crates NOT checked"
  elif [ $rc -ne 0 ]; then found=1; fi
else
  echo "audit: neither cargo-deny nor cargo-audit is installed (cargo install --locked cargo-audit): Rust crates NOT checked"
fi

echo "== npm advisories (package-lock.json: test tooling, never shipped)"
if command -v npm >/dev/null 2>&1; then
  # --package-lock-only: reads the lock file, never touches node_modules.
  out=$(npm audit --package-lock-only --audit-level=high 2>&1); rc=$?
  echo "$out" | grep -v "Unknown user config" | tail -20
  if echo "$out" | grep -qiE "audit endpoint returned an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|network|Method Not Allowed"; then
    echo "audit: npm advisory data unavailable (the registry's audit endpoint cannot be reached from here): npm packages NOT checked"
  elif [ $rc -ne 0 ]; then found=1; fi
else
  echo "audit: npm is not installed: npm packages NOT checked"
fi

[ $found -eq 0 ] && echo "audit: no advisory found in the data that could be reached" || echo "audit: ADVISORIES FOUND (see above)"
exit $found
