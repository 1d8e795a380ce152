// The benchmark: tipviz against Chart.js, uPlot, ECharts, Vega-Lite and Plotly, on the same two
// views, in one headless Chromium session. Run `sh bench/run.sh` (installs the peers from
// bench/package-lock.json and builds dist/tipviz.js first), or `node bench/run.mjs [loads]`.
//
// Per page and load: a fresh browser context (empty cache; the server sends no-store), pages
// interleaved round by round. Measured: navigation → chart drawn (the frame after the library
// says it has drawn), main-thread script time (CDP ScriptDuration) and JS heap used at that
// point, then hover latency: the pointer alternates between two points with different
// readouts and the time from the pointermove event to the first animation frame at which the
// readout text has changed is taken, and the time to the end of that frame's rendering (a
// message posted from that frame's callback runs after the frame's style, layout and paint),
// which counts the work a library leaves to the frame. Once per page, memory (JS heap + array-buffer and wasm
// backing stores, after a forced GC) after load and after 1,000 hovers.
import { launch, serve } from "../tests/e2e/harness.mjs";
import { mkdirSync, writeFileSync, readFileSync, copyFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { benchData, pages, SOURCES } from "./pages.mjs";
import { median, comparisonTable } from "./compare.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const LOADS = Number(process.argv[2] || 15);
const HOVERS_PER_LOAD = 10;
const LONG_HOVERS = 1000;
const site = join(here, "results", "site");

for (const [name, from] of Object.entries(SOURCES)) {
  if (!existsSync(join(here, from))) {
    console.error(`missing ${from}: run \`npm ci --prefix bench\` and \`sh scripts/build.sh\` (or sh bench/run.sh)`);
    process.exit(1);
  }
  mkdirSync(site, { recursive: true });
  copyFileSync(join(here, from), join(site, name));
}
const all = pages(benchData(repo));
for (const [name, p] of Object.entries(all)) {
  writeFileSync(join(site, `${name.replace("/", "-")}.html`), p.html);
}

function bytes(files) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const b = readFileSync(join(site, f));
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
    brotli += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  }
  return { raw, gzip, brotli };
}

const server = await serve(site);
const origin = server.origin;

// --expose-gc: memory is read after a forced collection.
const browser = await launch(["--js-flags=--expose-gc"]);

// In the page: time from each pointermove to the first frame whose readout differs from the
// one before the move, and to the end of that frame's rendering.
const INSTRUMENT = () => {
  window.__latencies = [];
  window.__rendered = [];
  window.__waiting = null;
  const afterFrame = new MessageChannel();
  let renderStart = 0;
  afterFrame.port1.onmessage = () => { window.__rendered.push(performance.now() - renderStart); window.__waiting = null; };
  window.addEventListener("pointermove", (e) => {
    if (window.__waiting) return;
    const before = window.__tip();
    const start = e.timeStamp;
    window.__waiting = true;
    const check = () => {
      if (window.__tip() !== before) {
        window.__latencies.push(performance.now() - start);
        renderStart = start;
        afterFrame.port2.postMessage(0);
      } else if (performance.now() - start > 1000) {
        window.__latencies.push(Infinity);
        window.__waiting = null;
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true });
};

async function open(name) {
  const context = await browser.newContext({ viewport: { width: 800, height: 520 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${origin}/${name.replace("/", "-")}.html`);
  await page.waitForFunction(() => window.__drawn !== undefined, null, { timeout: 30000 });
  return { context, page, cdp };
}

async function metrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { scriptMs: m.ScriptDuration * 1000, heap: m.JSHeapUsedSize };
}

async function memory(page, cdp) {
  await page.evaluate(() => window.gc && window.gc());
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize + (usage.backingStorageSize || 0);
}

// Two points with different readouts, found once per page by scanning the chart.
async function hoverPoints(page) {
  const box = await page.locator("#chart").boundingBox();
  const found = [];
  for (let fy = 0.2; fy <= 0.85 && found.length < 2; fy += 0.05) {
    for (let fx = 0.1; fx <= 0.9 && found.length < 2; fx += 0.04) {
      const point = { x: box.x + box.width * fx, y: box.y + box.height * fy };
      await page.mouse.move(point.x, point.y);
      await page.waitForTimeout(30);
      const text = await page.evaluate(() => window.__tip());
      if (text && !found.some((f) => f.text === text) && (found.length === 0 || Math.abs(found[0].x - point.x) > 40)) found.push({ ...point, text });
    }
  }
  await page.mouse.move(0, 0);
  return found.length === 2 ? found : null;
}

async function hoverLatencies(page, points, count) {
  await page.evaluate(() => { window.__latencies = []; window.__rendered = []; });
  for (let i = 0; i < count; i++) {
    const p = points[i % 2];
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => !window.__waiting, null, { timeout: 5000 });
  }
  return page.evaluate(() => ({ readout: window.__latencies, rendered: window.__rendered }));
}


const names = Object.keys(all);
const points = {};
for (const name of names) {
  if (name === "baseline") continue;
  const { context, page } = await open(name);
  points[name] = await hoverPoints(page);
  if (!points[name]) console.error(`${name}: no two hover points with different readouts were found`);
  await context.close();
}

const samples = Object.fromEntries(names.map((n) => [n, { drawn: [], scriptMs: [], heap: [], hover: [], hoverRendered: [] }]));
for (let round = 0; round < LOADS; round++) {
  // Interleaved, and rotated each round so no library always runs first.
  const order = names.slice(round % names.length).concat(names.slice(0, round % names.length));
  for (const name of order) {
    const { context, page, cdp } = await open(name);
    const s = samples[name];
    s.drawn.push(await page.evaluate(() => window.__drawn));
    const m = await metrics(cdp);
    s.scriptMs.push(m.scriptMs);
    s.heap.push(m.heap);
    if (points[name]) {
      const hovers = await hoverLatencies(page, points[name], HOVERS_PER_LOAD);
      s.hover.push(median(hovers.readout));
      s.hoverRendered.push(median(hovers.rendered));
    }
    await context.close();
  }
  process.stderr.write(`round ${round + 1}/${LOADS}\n`);
}

const memoryAfter = {};
for (const name of names) {
  const { context, page, cdp } = await open(name);
  const loaded = await memory(page, cdp);
  let hovered = NaN;
  if (points[name]) {
    await hoverLatencies(page, points[name], LONG_HOVERS);
    hovered = await memory(page, cdp);
  }
  memoryAfter[name] = { loaded, hovered };
  await context.close();
}

const version = browser.version();
await browser.close();
await server.close();

const baseline = median(samples.baseline.drawn);
const rows = names.map((name) => {
  const s = samples[name];
  return {
    name,
    bytes: bytes(all[name].files),
    drawnMs: median(s.drawn),
    netDrawnMs: median(s.drawn) - baseline,
    scriptMs: median(s.scriptMs),
    heapMB: median(s.heap) / 1e6,
    memoryLoadedMB: memoryAfter[name].loaded / 1e6,
    memoryHoveredMB: memoryAfter[name].hovered / 1e6,
    hoverMs: median(s.hover),
    hoverRenderedMs: median(s.hoverRendered),
  };
});

const kb = (n) => (n / 1000).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const mb = (n) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const date = new Date().toISOString().slice(0, 10);
const table = [
  `Chromium ${version}, ${date}, ${LOADS} loads per page (medians), ${HOVERS_PER_LOAD} hovers per load.`,
  "",
  "| page | JS+wasm+CSS raw KB | gzip -9 KB | brotli -q 11 KB | navigation → drawn ms | net of baseline ms | script ms | JS heap MB | heap+buffers after load MB | after 1,000 hovers MB | hover → readout ms | hover → frame rendered ms |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.name} | ${kb(r.bytes.raw)} | ${kb(r.bytes.gzip)} | ${kb(r.bytes.brotli)} | ${ms(r.drawnMs)} | ${ms(r.netDrawnMs)} | ${ms(r.scriptMs)} | ${mb(r.heapMB)} | ${mb(r.memoryLoadedMB)} | ${mb(r.memoryHoveredMB)} | ${ms(r.hoverMs)} | ${ms(r.hoverRenderedMs)} |`),
  "",
  "tipviz against each peer, round by round (negative: tipviz took less time; the interval is the",
  "distribution-free 95% interval for the median difference; \"faster\" only when all of it is below 0):",
  "",
  comparisonTable(samples),
].join("\n");
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "latest.md"), table + "\n");
writeFileSync(join(here, "results", "latest.json"), JSON.stringify({ chromium: version, date, loads: LOADS, rows, samples }, null, 1));
console.log(table);
