// The bench's paired comparison: the interval and the verdict it prints decide whether the
// README may say "faster", so they are checked here against cases worked by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { medianInterval, paired, comparisons } from "./compare.mjs";

test("the 95% interval of 15 values is their 4th smallest to their 4th largest", () => {
  // For n = 15, P(Binomial(15, 1/2) <= 3) = 0.0176 and P(<= 4) = 0.0592: rank 4 on each side.
  const values = [15, 3, 9, 1, 12, 7, 5, 14, 2, 8, 11, 6, 13, 4, 10];
  const interval = medianInterval(values);
  assert.equal(interval.low, 4);
  assert.equal(interval.high, 12);
  assert.ok(Math.abs(interval.coverage - (1 - 2 * 0.0176)) < 0.001, `coverage ${interval.coverage}`);
});

test("too few values give no interval, and no verdict", () => {
  assert.equal(medianInterval([1, 2, 3, 4, 5]), null);
  assert.equal(paired([1, 2, 3], [2, 3, 4]).verdict, "too few rounds");
});

test("differences are taken round by round, and only a whole interval below 0 is 'faster'", () => {
  // A peer that is slow in some rounds and fast in others: per round, ours is always 2 ms less.
  const theirs = [100, 140, 95, 160, 110, 150, 90, 130, 120, 105, 145, 99, 135, 125, 115];
  const ours = theirs.map((t) => t - 2);
  const faster = paired(ours, theirs);
  assert.equal(faster.verdict, "faster");
  assert.equal(faster.median, -2);
  assert.equal(faster.wins, 15);
  // Shuffled, the same numbers no longer pair up: the medians differ by 2 ms, but the rounds
  // disagree and the interval straddles 0.
  const shuffled = [...ours.slice(7), ...ours.slice(0, 7)];
  assert.equal(paired(shuffled, theirs).verdict, "level within noise");
  assert.equal(paired(theirs.map((t) => t + 3), theirs).verdict, "slower");
});

test("each tipviz view is compared with every peer's page of the same view, and no other", () => {
  const rounds = (base) => Array.from({ length: 8 }, (_, i) => base + i);
  const samples = {
    baseline: { drawn: rounds(40) },
    "tipviz/lines": { drawn: rounds(100) },
    "tipviz/stacks": { drawn: rounds(110) },
    "uplot/lines": { drawn: rounds(105) },
    "uplot/stacks": { drawn: rounds(108) },
    "chart.js/lines": { drawn: rounds(150) },
  };
  const found = comparisons(samples, "drawn").map((c) => `${c.view} ${c.peer} ${c.median} ${c.verdict}`);
  assert.deepEqual(found, ["lines uplot -5 faster", "lines chart.js -50 faster", "stacks uplot 2 slower"]);
});
