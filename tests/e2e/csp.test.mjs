// www/csp.html under the strict policy the README documents, as an HTTP header and as the
// page's own <meta>: every chart kind draws, reads values, downloads, and the browser reports
// no violation. Without 'wasm-unsafe-eval' the widget says what the policy lacks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { makeSite, serve, launch, openPage, waitForState, shadow, assertNothingLeaves, repo } from "./harness.mjs";

const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const CHARTS = ["enforcement", "country-enforcement", "tier-map", "tier-history", "tier-summary", "tier-changes",
  "ratifications", "timeline", "peacekeeping", "data"];

const VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
};

let browser, site, strict, noWasm;
before(async () => {
  const html = readFileSync(join(repo, "www", "csp.html"), "utf8");
  assert.ok(html.includes(`content="${POLICY}"`), "the demo page carries the documented policy");
  const sri = readFileSync(join(repo, "dist", "tipviz.js.sri"), "utf8").trim();
  const sriPage = (hash) => `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js" integrity="${hash}" crossorigin="anonymous"></script></head>
<body><tip-chart id="c" chart="enforcement"></tip-chart></body></html>`;
  site = makeSite({
    "csp.html": html, "nowasm.html": html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""),
    "sri.html": sriPage(sri), "badsri.html": sriPage(`sha384-${Buffer.alloc(48, 7).toString("base64")}`),
  });
  copyFileSync(join(repo, "www", "gallery.css"), join(site, "gallery.css"));
  writeFileSync(join(site, "index.html"), "");
  strict = await serve(site, { "content-security-policy": POLICY });
  noWasm = await serve(site, { "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await noWasm?.close();
});

async function everyChartWorks(page) {
  for (const id of CHARTS) await waitForState(page, `#${id}`, "ready");
  await waitForState(page, "#table", "ready");
  await waitForState(page, "#bad", "error");
  for (const id of CHARTS) {
    const probe = await shadow(page, `#${id}`, (el) => {
      const root = el.shadowRoot, c = root.querySelector("canvas"), box = root.querySelector(".box");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const bg = [d[0], d[1], d[2]];
      let inked = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 60) inked++;
      // The constructed stylesheet applied: the box's border radius and the hidden tooltip.
      return { inked, radius: getComputedStyle(box).borderTopLeftRadius, tip: getComputedStyle(root.querySelector(".tip")).display };
    });
    assert.ok(probe.inked > 3000, `${id} draws under the policy (${probe.inked} inked pixels)`);
    assert.deepEqual([probe.radius, probe.tip], ["6px", "none"], `${id}: the widget's styles apply`);
  }
  assert.ok(await shadow(page, "#table", (el) => el.shadowRoot.querySelectorAll(".table tbody tr").length) > 3, "view=table");
  assert.match(await shadow(page, "#bad", (el) => el.shadowRoot.querySelector(".message").textContent), /scope="mars"/);

  // Hover: the tooltip is placed through CSSOM (element.style), which the policy allows.
  await page.locator("#enforcement").scrollIntoViewIfNeeded();
  const box = await page.locator("#enforcement").boundingBox();
  let year = null;
  for (let x = box.x + 60; x < box.x + box.width - 20 && !year; x += 8) {
    await page.mouse.move(x, box.y + box.height * 0.45);
    year = await page.getAttribute("#enforcement", "data-active-year");
  }
  assert.match(year || "", /^20\d\d$/);
  const tip = await shadow(page, "#enforcement", (el) => { const t = el.shadowRoot.querySelector(".tip"); return { shown: getComputedStyle(t).display, left: t.getBoundingClientRect().left, host: el.getBoundingClientRect().left }; });
  assert.equal(tip.shown, "block");
  // Placed beside the pointer, not left at the box's corner.
  assert.ok(tip.left - tip.host > 60, `the tooltip moved with the pointer: ${JSON.stringify(tip)}`);
  // Keyboard and legend buttons (absolutely placed through CSSOM too).
  const toggles = await shadow(page, "#enforcement", (el) => [...el.shadowRoot.querySelectorAll("button.toggle")].map((b) => b.getBoundingClientRect().width));
  assert.ok(toggles.length >= 2 && toggles.every((w) => w > 10), `legend buttons sized: ${toggles}`);

  // Downloads go through a blob: link; the CSV arrives whole.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    shadow(page, "#peacekeeping", (el) => [...el.shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Download CSV").click()),
  ]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv.split("\r\n")[0], /source/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
}

test("every chart works under the strict policy sent as a header", async () => {
  const { page, context, log } = await openPage(browser, `${strict.origin}/csp.html`, { height: 1000, init: VIOLATIONS });
  await everyChartWorks(page);
  await assertNothingLeaves(page, context, log, strict.origin);
  await context.close();
});

test("every chart works under the page's own <meta> policy, from disk", async () => {
  const base = pathToFileURL(site).href;
  const { page, context, log } = await openPage(browser, `${base}/csp.html`, { height: 1000, init: VIOLATIONS });
  await everyChartWorks(page);
  await assertNothingLeaves(page, context, log, base);
  await context.close();
});

test("without 'wasm-unsafe-eval' the widget says which directive is missing, and throws nothing", async () => {
  const { page, context, log } = await openPage(browser, `${noWasm.origin}/nowasm.html`, { init: VIOLATIONS });
  await waitForState(page, "#enforcement", "error");
  const text = await shadow(page, "#enforcement", (el) => el.shadowRoot.querySelector(".message").textContent);
  assert.match(text, /^tipviz could not start/);
  assert.match(text, /script-src must allow 'wasm-unsafe-eval'/);
  assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith("script-src")), "the browser reports the blocked compile");
  // Chromium logs the refusal itself; nothing is thrown into the page.
  await assertNothingLeaves(page, context, log, noWasm.origin, { consoleErrors: false });
  await context.close();
});

test("the SHA-384 the build prints (dist/tipviz.js.sri) is the one browsers check", async () => {
  const { page, context, log } = await openPage(browser, `${strict.origin}/sri.html`, { init: VIOLATIONS });
  await waitForState(page, "#c", "ready");
  await assertNothingLeaves(page, context, log, strict.origin);
  await context.close();
  const bad = await openPage(browser, `${strict.origin}/badsri.html`);
  await bad.page.waitForLoadState("load");
  assert.equal(await bad.page.evaluate(() => typeof window.TipViz), "undefined", "a script with another hash is refused");
  assert.ok(bad.log.consoleErrors.some((e) => /integrity/i.test(e)), bad.log.consoleErrors.join("\n"));
  await bad.context.close();
});
