// Shared set-up for the end-to-end tests: a temporary site holding dist/tipviz.js and pages
// that contain nothing but the script tag and the elements, served over file:// and a
// loopback http server, opened in Debian's Chromium through playwright-core.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, extname } from "node:path";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const shotsDir = join(repo, "tests", "e2e", "shots");

export function makeSite(pages) {
  const bundle = join(repo, "dist", "tipviz.js");
  if (!existsSync(bundle)) throw new Error("dist/tipviz.js is missing: run scripts/build.sh first");
  const dir = mkdtempSync(join(tmpdir(), "tipviz-e2e-"));
  copyFileSync(bundle, join(dir, "tipviz.js"));
  mkdirSync(join(dir, "npm"));
  copyFileSync(join(repo, "dist", "npm", "tipviz.mjs"), join(dir, "npm", "tipviz.mjs"));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return dir;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css" };

export async function serve(dir, headers = {}) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    // Chromium probes /favicon.ico on its own; answer it so it logs no 404.
    if (pathname === "/favicon.ico") { res.writeHead(204); res.end(); return; }
    const path = join(dir, pathname);
    if (!path.startsWith(dir) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream", "cache-control": "no-store", ...headers });
    res.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", ...extraArgs],
  });
}

// A page with everything it does recorded: requests (and web sockets), console errors, page
// errors, every touch of cookies and web storage, and the tipviz events fired anywhere in the
// document.
// `init`, when given, is a function run in the page before its own scripts (traps, counters).
export async function openPage(browser, url, { dpr = 1, width = 900, height = 900, colorScheme = "light", init = null } = {}) {
  const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const log = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("websocket", (w) => log.requests.push(w.url()));
  page.on("console", (m) => { if (m.type() === "error") log.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  await page.addInitScript(trapStorage);
  await page.addInitScript(() => {
    window.__tipvizEvents = [];
    for (const type of ["tipviz:ready", "tipviz:error", "tipviz:select", "tipviz:toggle"]) {
      document.addEventListener(type, (e) => {
        window.__tipvizEvents.push({ type, id: e.target.id, detail: e.detail });
      });
    }
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  // Every test that closes its context checks that nothing left and nothing was stored.
  const origin = url.startsWith("file:") ? "file://" : new URL(url).origin;
  const close = context.close.bind(context);
  context.close = async () => {
    if (!page.isClosed()) await assertNothingLeaves(page, context, log, origin, { consoleErrors: false, pageErrors: false });
    return close();
  };
  return { page, context, log };
}

// Runs in the page before any of its scripts: every read or write of document.cookie and every
// use of localStorage, sessionStorage, indexedDB, the Cache API and service workers is noted
// in window.__storageTouches (the storage still works; tipviz must simply never touch it).
function trapStorage() {
  const touches = window.__storageTouches = [];
  const watch = (target, name, what) => {
    const owner = [target, Object.getPrototypeOf(target)].find((o) => o && Object.getOwnPropertyDescriptor(o, name));
    const desc = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (!desc || !desc.configurable) return;
    Object.defineProperty(target, name, {
      configurable: true,
      get() { touches.push(`${what} read`); return desc.get ? desc.get.call(this) : desc.value; },
      set(v) { touches.push(`${what} write`); if (desc.set) desc.set.call(this, v); },
    });
  };
  watch(Document.prototype, "cookie", "document.cookie");
  for (const name of ["localStorage", "sessionStorage", "indexedDB", "caches", "cookieStore"]) watch(window, name, name);
  if (window.navigator) watch(Navigator.prototype, "serviceWorker", "navigator.serviceWorker");
}

// Asserts that nothing left the page and nothing was stored: every request is for the page's
// own files under `base` (or data:/blob: URLs the bundle makes itself), no cookie or storage
// was touched, the browser context holds no cookies or stored origins, and there were no
// page or console errors. openPage's context.close() runs it too (requests against the
// page's origin, errors left to each test).
export async function assertNothingLeaves(page, context, log, base, { consoleErrors = true, pageErrors = true } = {}) {
  const foreign = log.requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "requests outside the page's own files");
  assert.deepEqual(await page.evaluate(() => window.__storageTouches), [], "cookies or storage touched");
  const state = await context.storageState();
  assert.deepEqual(state.cookies, [], "cookies set");
  assert.deepEqual(state.origins.filter((o) => o.localStorage.length), [], "localStorage written");
  if (pageErrors) assert.deepEqual(log.pageErrors, []);
  if (consoleErrors) assert.deepEqual(log.consoleErrors, []);
}

export async function waitForState(page, selector, state) {
  await page.waitForFunction(
    ([sel, st]) => { const el = document.querySelector(sel); return el && el.getAttribute("data-tipviz-state") === st; },
    [selector, state], { timeout: 15000 });
}

// Runs `fn(hostElement, arg)` in the page; `fn` reaches the widget through el.shadowRoot.
export function shadow(page, selector, fn, arg) {
  return page.locator(selector).evaluate(fn, arg);
}

export async function screenshot(page, selector, name) {
  mkdirSync(shotsDir, { recursive: true });
  await page.locator(selector).screenshot({ path: join(shotsDir, name) });
}

export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function liveText(page, selector) {
  return shadow(page, selector, (el) => el.shadowRoot.querySelector("[role=status]").textContent);
}

// The live region's sentence for each year, collected by sweeping the pointer across the
// canvas at `heightShare` of its height; also where each year was first found.
export async function sweep(page, selector, heightShare = 0.45) {
  const box = await page.locator(selector).boundingBox();
  const seen = new Map();
  const at = new Map();
  const y = box.y + box.height * heightShare;
  for (let x = box.x + 2; x < box.x + box.width - 2; x += 6) {
    await page.mouse.move(x, y);
    const year = await page.getAttribute(selector, "data-active-year");
    if (year && !seen.has(year)) {
      seen.set(year, await liveText(page, selector));
      at.set(year, { x, y });
    }
  }
  return { seen, at };
}

// Keeps a copy of a widget's chart pixels in the page, under `key`: as the reader sees them
// (the chart's canvas with the overlay over it when shown), or with `composed: false` the
// chart's canvas alone. Copies stay in the page (a chart is a million bytes of pixels).
export function snapshot(page, selector, key, { composed = true } = {}) {
  return shadow(page, selector, (el, [key, composed]) => {
    const chart = el.shadowRoot.querySelector("canvas[role=img]");
    const overlay = el.shadowRoot.querySelector("canvas.overlay");
    const both = document.createElement("canvas");
    both.width = chart.width;
    both.height = chart.height;
    const context = both.getContext("2d");
    context.drawImage(chart, 0, 0);
    if (composed && overlay && !overlay.hidden) context.drawImage(overlay, 0, 0);
    (window.__snaps ||= {})[key] = context.getImageData(0, 0, both.width, both.height).data;
  }, [key, composed]);
}

// How many bytes of two snapshots differ by more than `tolerance` (-1: different sizes).
export function pixelsDiffering(page, a, b, tolerance = 2) {
  return page.evaluate(([a, b, tolerance]) => {
    const [x, y] = [window.__snaps[a], window.__snaps[b]];
    if (x.length !== y.length) return -1;
    let n = 0;
    for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - y[i]) > tolerance) n++;
    return n;
  }, [a, b, tolerance]);
}

// Pixels of the widget's chart as the reader sees it, for comparing two drawings.
export async function canvasPixels(page, selector) {
  await snapshot(page, selector, "pixels");
  return page.evaluate(() => Array.from(window.__snaps.pixels));
}

// Pixels of the widget's chart canvas alone (without the overlay).
export async function baseCanvasPixels(page, selector) {
  await snapshot(page, selector, "pixels", { composed: false });
  return page.evaluate(() => Array.from(window.__snaps.pixels));
}

// A test page: nothing but the script tag and the given elements.
export const page = (body) => `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0">${body}</body></html>`;

// What the widget calls tiers and regions, by the dataset's ids.
export const TIER_LABELS = { "1": "Tier 1", "2": "Tier 2", "2WL": "Tier 2 Watch List", "3": "Tier 3", special: "Special case" };
export const REGION_LABELS = {
  "africa": "Africa", "east-asia-pacific": "East Asia & Pacific", "europe": "Europe", "near-east": "Near East",
  "south-central-asia": "South & Central Asia", "western-hemisphere": "Western Hemisphere",
};

// WCAG relative luminance and contrast of two CSS rgb() colours.
export function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
