// Many widgets and long sessions: 30 widgets of every kind on one page; 1,000 TipViz.mount /
// destroy cycles, 1,000 add/remove cycles of <tip-chart> and data-tipviz elements and 10,000
// hovers leave the JS heap and the wasm memory flat after a forced GC; attribute changes in a
// tight loop add no listener or observer. The wasm memory is read from the instance that the page's own
// WebAssembly.Instance constructor makes (an init script wraps it), so tipviz exposes no test hook.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { makeSite, serve, launch, openPage, waitForState, shadow, assertNothingLeaves } from "./harness.mjs";

const KINDS = [
  'chart="enforcement"', 'chart="enforcement" scope="regions" metric="victims"', 'chart="enforcement" edition="compare" labor="both"',
  'chart="country-enforcement" country="Jamaica"', 'chart="country-enforcement"', 'chart="tier-map"', 'chart="tier-map" region="europe"',
  'chart="tier-history" country="Jamaica, Kazakhstan, Mexico"', 'chart="tier-summary" edition="compare"', 'chart="tier-changes"',
  'chart="tier-changes" from="2014" to="2015"', 'chart="ratifications"', 'chart="ratifications" view="timeline"', 'chart="peacekeeping"',
  'chart="enforcement" view="table"',
];
const THIRTY = Array.from({ length: 30 }, (_, i) => `<tip-chart id="w${i}" ${KINDS[i % KINDS.length]} theme="${i % 2 ? "dark" : "light"}" height="260"></tip-chart>`);

// Counts what a widget could leak: listeners on long-lived targets (window, document, media
// queries), elements observed by ResizeObserver and MutationObserver; and keeps the wasm memory.
function instrument() {
  const ids = new WeakMap();
  let next = 0;
  const id = (o) => { if (!ids.has(o)) ids.set(o, ++next); return ids.get(o); };
  const longLived = (t) => t === window || t === document || t === document.documentElement || t === document.body
    || (typeof MediaQueryList !== "undefined" && t instanceof MediaQueryList);
  const capture = (o) => (typeof o === "boolean" ? o : !!(o && o.capture));
  const listeners = new Set();
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn && longLived(this)) listeners.add(`${id(this)}|${type}|${id(fn)}|${capture(opts)}`);
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (fn) listeners.delete(`${id(this)}|${type}|${id(fn)}|${capture(opts)}`);
    return remove.call(this, type, fn, opts);
  };
  const observed = {};
  for (const name of ["ResizeObserver", "MutationObserver"]) {
    const proto = window[name].prototype, targets = new Map();
    observed[name] = targets;
    const { observe, disconnect } = proto;
    proto.observe = function (target, options) {
      if (!targets.has(this)) targets.set(this, new Set());
      targets.get(this).add(target);
      return observe.call(this, target, options);
    };
    proto.disconnect = function () { targets.delete(this); return disconnect.call(this); };
    if (proto.unobserve) {
      const { unobserve } = proto;
      proto.unobserve = function (target) { targets.get(this)?.delete(target); return unobserve.call(this, target); };
    }
  }
  window.__counts = () => ({
    listeners: listeners.size,
    resizeObserved: [...observed.ResizeObserver.values()].reduce((n, s) => n + s.size, 0),
    mutationObserved: [...observed.MutationObserver.values()].reduce((n, s) => n + s.size, 0),
  });
  // The loader instantiates synchronously (wasm-bindgen's initSync): keep the instance's memory.
  const OriginalInstance = WebAssembly.Instance;
  WebAssembly.Instance = function Instance(module, imports) {
    const instance = new OriginalInstance(module, imports);
    window.__wasmMemory = instance.exports.memory;
    return instance;
  };
  WebAssembly.Instance.prototype = OriginalInstance.prototype;
}

let browser, server;
before(async () => {
  const site = makeSite({
    "thirty.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head><body>\n${THIRTY.join("\n")}\n</body></html>`,
    "long.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head><body>
<tip-chart id="live" chart="enforcement" height="300"></tip-chart><div id="slot"></div></body></html>`,
  });
  server = await serve(site);
  browser = await launch(["--js-flags=--expose-gc"]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("30 widgets of every kind on one page all draw", async () => {
  const { page, context, log } = await openPage(browser, `${server.origin}/thirty.html`, { height: 1000 });
  for (let i = 0; i < 30; i++) await waitForState(page, `#w${i}`, "ready");
  for (let i = 0; i < 30; i++) {
    const drawn = await shadow(page, `#w${i}`, (el) => {
      const root = el.shadowRoot, c = root.querySelector("canvas");
      if (c.hidden) return root.querySelectorAll(".table tbody tr").length * 1000;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k] - d[0]) + Math.abs(d[k + 1] - d[1]) + Math.abs(d[k + 2] - d[2]) > 60) inked++;
      return inked;
    });
    assert.ok(drawn > 3000, `#w${i} (${KINDS[i % KINDS.length]}) draws: ${drawn}`);
  }
  await assertNothingLeaves(page, context, log, server.origin);
  await context.close();
});

test("mount/destroy, add/remove and hover cycles leave memory, listeners and observers flat", async (t) => {
  const { page, context, log } = await openPage(browser, `${server.origin}/long.html`, { init: instrument });
  await waitForState(page, "#live", "ready");
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await page.evaluate(() => { window.gc(); window.gc(); });
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const rest = await page.evaluate(() => ({ wasmBytes: window.__wasmMemory.buffer.byteLength, ...window.__counts() }));
    // usedSize is V8's heap; embedderHeapUsedSize (where Chromium reports it) is Blink's, where
    // DOM nodes such as a leaked shadow root and canvas would live.
    return { jsHeap: heap.usedSize, domHeap: heap.embedderHeapUsedSize ?? 0, ...rest };
  };

  const mountCycles = (n) => page.evaluate(async (n) => {
    const slot = document.getElementById("slot"), kinds = ["enforcement", "tier-summary", "peacekeeping", "country-enforcement"];
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const host = slot.appendChild(document.createElement("div"));
      host.style.width = "480px";
      const ready = new Promise((resolve) => host.addEventListener("tipviz:ready", resolve, { once: true }));
      const handle = window.TipViz.mount(host, { chart: kinds[i % kinds.length], height: 200 });
      await ready;
      handle.destroy();
      host.remove();
    }
    return performance.now() - started;
  }, n);
  const elementCycles = (n) => page.evaluate(async (n) => {
    const slot = document.getElementById("slot");
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      // Every other one is the data-* form, which the document's MutationObserver mounts and
      // unmounts (each with its own attribute observer).
      const el = document.createElement(i % 2 ? "div" : "tip-chart");
      const prefix = i % 2 ? "data-" : "";
      el.setAttribute(i % 2 ? "data-tipviz" : "chart", i % 4 === 1 ? "tier-history" : "enforcement");
      el.setAttribute(`${prefix}country`, "Jamaica");
      el.setAttribute(`${prefix}height`, "200");
      const ready = new Promise((resolve) => el.addEventListener("tipviz:ready", resolve, { once: true }));
      slot.appendChild(el);
      await ready;
      el.remove();
      // disconnectedCallback lets go on the next microtask; the data-* form after the
      // document observer has seen the removal.
      await (i % 2 ? new Promise((r) => setTimeout(r, 0)) : Promise.resolve());
    }
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - started;
  }, n);
  const hovers = (n) => page.evaluate((n) => {
    const el = document.getElementById("live"), canvas = el.shadowRoot.querySelector("canvas");
    const box = canvas.getBoundingClientRect();
    const started = performance.now();
    const years = new Set();
    for (let i = 0; i < n; i++) {
      // Back and forth across the plot, a pixel at a time, as a pointer sweeps.
      const w = Math.floor(box.width - 40), k = i % w;
      const x = box.left + 20 + (Math.floor(i / w) % 2 ? w - k : k);
      canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: box.top + box.height * 0.45, bubbles: true }));
      const year = el.getAttribute("data-active-year");
      if (year) years.add(year);
    }
    canvas.dispatchEvent(new PointerEvent("pointerleave"));
    return { ms: performance.now() - started, years: years.size };
  }, n);
  const attributeLoop = (n) => page.evaluate((n) => {
    const el = document.getElementById("live");
    const values = [["scope", "europe"], ["scope", "africa"], ["theme", "dark"], ["theme", "light"], ["edition", "2024"],
      ["edition", "latest"], ["scope", "<bad>"], ["chart", "tier-summary"], ["chart", "enforcement"], ["height", "250"]];
    const started = performance.now();
    for (let i = 0; i < n; i++) el.setAttribute(...values[i % values.length]);
    el.setAttribute("chart", "enforcement");
    el.setAttribute("scope", "global");
    return performance.now() - started;
  }, n);

  // Warm-up: the first widgets grow the wasm heap to its working size, caches fill. Twice
  // through: mounts that follow the hovers and attribute changes can need one more page of
  // wasm heap once (a higher-water mark for the allocator, flat over 4,000 mounts after it).
  for (let round = 0; round < 2; round++) {
    await mountCycles(50);
    await elementCycles(50);
    await hovers(1000);
    await attributeLoop(100);
  }
  await waitForState(page, "#live", "ready");
  const before = await measure();

  const mountMs = await mountCycles(1000);
  const afterMount = await measure();
  const elementMs = await elementCycles(1000);
  const afterElements = await measure();
  const hover = await hovers(10000);
  const afterHovers = await measure();
  const attributeMs = await attributeLoop(1000);
  await waitForState(page, "#live", "ready");
  const afterAttributes = await measure();

  const MB = (b) => (b / 1048576).toFixed(2);
  const report = { before, afterMount, afterElements, afterHovers, afterAttributes };
  for (const [name, m] of Object.entries(report)) {
    t.diagnostic(`${name}: JS heap ${MB(m.jsHeap)} MB, DOM heap ${MB(m.domHeap)} MB, wasm memory ${MB(m.wasmBytes)} MB, listeners ${m.listeners}, resize-observed ${m.resizeObserved}, mutation-observed ${m.mutationObserved}`);
  }
  t.diagnostic(`1,000 mount/destroy ${Math.round(mountMs)} ms; 1,000 add/remove ${Math.round(elementMs)} ms; 10,000 hovers ${Math.round(hover.ms)} ms; 1,000 attribute changes ${Math.round(attributeMs)} ms`);

  assert.equal(hover.years, 7, "the hovers found every year");
  for (const [name, m] of Object.entries(report).filter(([name]) => name !== "before")) {
    // A leak of one widget per cycle (a shadow root, a canvas, its listeners) would be tens
    // of megabytes over 1,000 cycles; the bound leaves room for V8's own bookkeeping.
    assert.ok(m.jsHeap - before.jsHeap < 2 * 1048576, `${name}: JS heap grew ${MB(m.jsHeap - before.jsHeap)} MB`);
    assert.ok(m.domHeap - before.domHeap < 2 * 1048576, `${name}: DOM heap grew ${MB(m.domHeap - before.domHeap)} MB`);
    assert.equal(m.wasmBytes, before.wasmBytes, `${name}: wasm memory grew from ${before.wasmBytes} to ${m.wasmBytes} bytes`);
    assert.deepEqual([m.listeners, m.resizeObserved, m.mutationObserved], [before.listeners, before.resizeObserved, before.mutationObserved],
      `${name}: listeners and observers`);
  }
  // One live widget: one observed host (the listeners are held flat above).
  assert.equal(before.resizeObserved, 1);
  assert.equal(await page.getAttribute("#live", "data-tipviz-state"), "ready");
  await assertNothingLeaves(page, context, log, server.origin);
  await context.close();
});
