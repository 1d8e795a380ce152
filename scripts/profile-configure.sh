#!/bin/sh
# Counts the instructions of one widget configure (+ resize and layout) per chart with
# callgrind, natively (examples/configure.rs). Counts repeat from run to run, unlike
# wall-clock time on a shared machine, so before/after comparisons are meaningful.
#   sh scripts/profile-configure.sh            – every scenario, cold and warm
#   sh scripts/profile-configure.sh --dump DIR – also writes each scenario's output to DIR
# "cold" is the first chart in a fresh process (the dataset's tables decode inside it);
# "warm" is the same chart configured again once the dataset is decoded.
set -eu
cd "$(dirname "$0")/.."
dump=""
if [ "${1:-}" = "--dump" ]; then dump="$2"; mkdir -p "$dump"; fi
cargo build --release --example configure --quiet
bin="${CARGO_TARGET_DIR:-target}/release/examples/configure"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() { # mode, attributes...
  mode=$1; shift
  flag=""; [ "$mode" = warm ] && flag="--warm"
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
    --toggle-collect='configure::measured*' "$bin" $flag "$@" >/dev/null 2>"$out/log"
  grep -o 'Collected : [0-9]*' "$out/log" | awk '{print $3}'
}

printf '%-48s %14s %14s\n' scenario cold warm
while read -r name attributes; do
  [ -z "$name" ] && continue
  # shellcheck disable=SC2086 # the attributes are words on purpose
  printf '%-48s %14s %14s\n' "$name" "$(count cold $attributes)" "$(count warm $attributes)"
  if [ -n "$dump" ]; then "$bin" --dump $attributes >"$dump/$name.txt"; fi
done <<'SCENARIOS'
tier-summary             chart=tier-summary height=440
enforcement              chart=enforcement height=440
tier-map                 chart=tier-map
tier-history             chart=tier-history country=JAM
tier-changes             chart=tier-changes
ratifications            chart=ratifications
peacekeeping             chart=peacekeeping
country-enforcement      chart=country-enforcement
tier-summary-fr          chart=tier-summary lang=fr
tier-map-es              chart=tier-map lang=es
tier-history-4           chart=tier-history country=JAM,MEX,KOR,DEU
tier-summary-compare     chart=tier-summary edition=compare
SCENARIOS
