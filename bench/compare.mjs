// Paired comparison of tipviz with each peer, round by round. The bench runs every page once
// per round, one after another, so a round's loads share the machine's state (other work,
// thermal, caches): the difference within a round is a fairer sample than two medians taken
// apart. For each view and peer this gives the median of the per-round differences, a 95%
// confidence interval for it that assumes nothing about their distribution (the sign test's
// order statistics), and how many rounds tipviz won. "Faster" is claimed only when the whole
// interval is below zero.
//
// `node bench/compare.mjs [results.json]` prints the comparison for a finished run
// (bench/results/latest.json by default); bench/run.mjs prints it after its table.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// P(X <= k) for X ~ Binomial(n, 1/2).
function binomialAtMost(n, k) {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

// The distribution-free interval for the median of `values`: the r-th smallest and r-th
// largest, with r the largest rank whose two tails each hold at most 2.5%. Null when there are
// too few values for any such interval (fewer than 6).
export function medianInterval(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  let rank = 0;
  while (rank + 1 <= n && binomialAtMost(n, rank) <= 0.025) rank++;
  if (rank === 0) return null;
  return { low: sorted[rank - 1], high: sorted[n - rank], coverage: 1 - 2 * binomialAtMost(n, rank - 1) };
}

export function median(values) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Per-round differences ours[i] − theirs[i] (negative: ours is lower, i.e. faster).
export function paired(ours, theirs) {
  const differences = [];
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    if (Number.isFinite(ours[i]) && Number.isFinite(theirs[i])) differences.push(ours[i] - theirs[i]);
  }
  const interval = medianInterval(differences);
  const wins = differences.filter((d) => d < 0).length;
  let verdict = "too few rounds";
  if (interval) verdict = interval.high < 0 ? "faster" : interval.low > 0 ? "slower" : "level within noise";
  return { rounds: differences.length, median: median(differences), interval, wins, verdict };
}

// Every tipviz view against every peer's page of the same view, for one measure.
export function comparisons(samples, measure) {
  const out = [];
  for (const name of Object.keys(samples)) {
    const [library, view] = name.split("/");
    if (library !== "tipviz" || !view) continue;
    for (const peer of Object.keys(samples)) {
      const [peerLibrary, peerView] = peer.split("/");
      if (peerLibrary === "tipviz" || peerView !== view) continue;
      out.push({ view, peer: peerLibrary, ...paired(samples[name][measure] || [], samples[peer][measure] || []) });
    }
  }
  return out;
}

const signed = (n) => (n > 0 ? "+" : n < 0 ? "−" : "±") + Math.abs(n).toFixed(1);

export function comparisonTable(samples) {
  const lines = [
    "| view | peer | measure | rounds | tipviz − peer, median ms | 95% interval ms | rounds tipviz was ahead | verdict |",
    "|---|---|---|---:|---:|---|---:|---|",
  ];
  const measures = [["drawn", "navigation → drawn"], ["hover", "hover → readout"], ["hoverRendered", "hover → frame rendered"]];
  for (const [measure, label] of measures) {
    if (!Object.values(samples).some((s) => s[measure] && s[measure].length)) continue;
    for (const c of comparisons(samples, measure)) {
      const interval = c.interval ? `${signed(c.interval.low)} to ${signed(c.interval.high)}` : "–";
      lines.push(`| ${c.view} | ${c.peer} | ${label} | ${c.rounds} | ${signed(c.median)} | ${interval} | ${c.wins} of ${c.rounds} | ${c.verdict} |`);
    }
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] || new URL("results/latest.json", import.meta.url);
  const { samples } = JSON.parse(readFileSync(file, "utf8"));
  console.log(comparisonTable(samples));
}
