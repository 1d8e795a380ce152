// Hostile values in every attribute the loader observes (markup, scripts, `javascript:`, 100 KB
// strings, Unicode tricks, numbers out of range): each is shown as inert text, no script from
// a value ever runs (a trap on window is never called), other widgets on the page still draw,
// and an engine that throws stops one widget, never the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeSite, serve, launch, openPage, waitForState, shadow, screenshot, assertNothingLeaves, repo } from "./harness.mjs";

// The loader's own list (a native test pins it to what the Rust parsers read).
const loaderText = readFileSync(join(repo, "www", "loader.js"), "utf8");
const OBSERVED = loaderText.match(/var OBSERVED = \[([^\]]*)\]/)[1].match(/"([^"]+)"/g).map((s) => s.slice(1, -1));

// A chart whose parser reads each attribute, so the value is really parsed, not ignored.
const READER = {
  lang: "enforcement", theme: "enforcement", view: "enforcement", scope: "enforcement", edition: "enforcement",
  metrics: "enforcement", labor: "enforcement", years: "enforcement", scale: "enforcement", axis: "enforcement",
  height: "enforcement", country: "tier-history", region: "tier-map", highlight: "tier-map", from: "tier-changes",
  to: "tier-changes", metric: "peacekeeping", org: "peacekeeping", instrument: "ratifications", sort: "ratifications",
};

const HOSTILE = [
  "<img src=x onerror=__trap('img')>",
  "<script>__trap('script')</script>",
  "\"><svg onload=__trap('svg')>",
  "javascript:__trap('href')",
  "' onmouseover='__trap(\"attr\")' x='",
  "\u202Eelbisivni\u202C trap",      // right-to-left override
  "Jam\u200Baica",                    // zero-width space
  "Z\u0336\u0337\u0338\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B\u030C\u030D\u030E",
  "NaN", "Infinity", "-Infinity", "1e308", "-1",
  "A".repeat(100 * 1024),              // 100 KB
];
const ATTR_ESCAPES = { "&": "&amp;", "\"": "&quot;", "<": "&lt;", ">": "&gt;" };
const attr = (v) => v.replace(/[&"<>]/g, (c) => ATTR_ESCAPES[c]);

// What the widget promises to show of a value: control characters dropped, 60 characters at
// most and an ellipsis, invisible format characters written out as [U+XXXX], at most two
// combining marks in a row.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u;
const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/u;
function shown(value) {
  const chars = Array.from(value).filter((c) => !/\p{Cc}/u.test(c));
  let marks = 0;
  const out = chars.slice(0, 60).filter((c) => (marks = COMBINING.test(c) ? marks + 1 : 0) <= 2)
    .map((c) => INVISIBLE.test(c) ? `[U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}]` : c).join("");
  return chars.length > 60 ? out + "\u2026" : out;
}

const cases = [];
for (const name of OBSERVED) {
  HOSTILE.forEach((value, i) => {
    const chart = name === "chart" ? value : READER[name];
    assert.ok(chart, `the test knows a chart that reads ${name}`);
    const extra = chart === "tier-history" && name !== "country" ? " country=\"JAM\"" : "";
    cases.push({ id: `${name}-${i}`, name, value, html: name === "chart"
      ? `<tip-chart id="${name}-${i}" chart="${attr(value)}"></tip-chart>`
      : `<tip-chart id="${name}-${i}" chart="${chart}"${extra} ${name}="${attr(value)}"></tip-chart>` });
  });
}
// The data-* form reads the same values through its own path.
HOSTILE.forEach((value, i) => cases.push({ id: `data-${i}`, name: "scope", value,
  html: `<div id="data-${i}" data-tipviz="enforcement" data-scope="${attr(value)}"></div>` }));
const GOOD = ["enforcement", "country-enforcement", "tier-map", "tier-summary", "tier-changes", "ratifications", "peacekeeping"];

const TRAP = () => {
  window.__trapped = [];
  window.__trap = (what) => window.__trapped.push(String(what));
  window.alert = () => window.__trapped.push("alert");
};

let browser, site, server;
before(async () => {
  // The shipped script before minification (the build writes it beside the wasm): the names
  // this test patches are mangled in dist/tipviz.js.
  const bundle = readFileSync(join(repo, "pkg", "tipviz.readable.js"), "utf8");
  // The engine throwing inside one widget, as a wasm trap (a Rust panic, panic = "abort")
  // would: every pointer move on #boom throws a WebAssembly.RuntimeError.
  const marker = "self.handle = new wasm_bindgen.TipWidget();";
  assert.ok(bundle.includes(marker), "the loader creates its handle where the test expects");
  // And #ctor's engine throws when the widget is created.
  const throwing = bundle.replace(marker, `${marker} if (self.host.id === "boom") self.handle.pointer = function () { throw new WebAssembly.RuntimeError("unreachable"); };`)
    .replace("new wasm_bindgen.TipWidget()", `(self.host.id === "ctor" ? (function () { throw new WebAssembly.RuntimeError("unreachable"); })() : new wasm_bindgen.TipWidget())`);
  site = makeSite({
    "hostile.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head><body>
${GOOD.map((c) => `<tip-chart id="good-${c}" chart="${c}" height="260"></tip-chart>`).join("\n")}
${cases.map((c) => c.html).join("\n")}
</body></html>`,
    "boom.html": `<!doctype html><html><head><meta charset="utf-8"><script src="throwing.js"></script></head><body>
<tip-chart id="ctor" chart="enforcement" height="100"></tip-chart>
<tip-chart id="boom" chart="enforcement" height="300"></tip-chart><tip-chart id="ok" chart="enforcement" height="300"></tip-chart></body></html>`,
  });
  writeFileSync(join(site, "throwing.js"), throwing);
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const inked = (page, selector) => shadow(page, selector, (el) => {
  const c = el.shadowRoot.querySelector("canvas");
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
  return n;
});

test(`${HOSTILE.length} hostile values in each of ${OBSERVED.length} attributes and data-scope: inert text, no script runs, other widgets draw`, async () => {
  const { page, context, log } = await openPage(browser, `${server.origin}/hostile.html`, { height: 1200, init: TRAP });
  await page.waitForFunction((n) => document.querySelectorAll("[data-tipviz-state=ready], [data-tipviz-state=error]").length === n,
    GOOD.length + cases.length, { timeout: 60000 });
  for (const c of GOOD) {
    assert.equal(await page.getAttribute(`#good-${c}`, "data-tipviz-state"), "ready", c);
    assert.ok(await inked(page, `#good-${c}`) > 3000, `${c} still draws beside ${cases.length} hostile widgets`);
  }

  const results = await page.evaluate((ids) => ids.map((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    const message = root.querySelector(".message");
    return {
      id, state: el.getAttribute("data-tipviz-state"), hidden: message.hidden, text: message.textContent,
      // Elements inside the message other than the title and the text, and anything a value
      // could have made: none may exist.
      extra: [...message.querySelectorAll("*")].map((n) => n.localName).filter((n) => n !== "strong" && n !== "span"),
      made: root.querySelectorAll("img, script, svg, iframe, object, embed, a, [onerror], [onload], [onmouseover]").length,
      inside: (() => { const a = message.getBoundingClientRect(), b = el.getBoundingClientRect();
        return message.hidden || (a.left >= b.left - 1 && a.right <= b.right + 1); })(),
    };
  }), cases.map((c) => c.id));
  const errors = await page.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:error"));
  let failed = 0;
  for (const [i, r] of results.entries()) {
    const c = cases[i];
    assert.deepEqual([r.extra, r.made], [[], 0], `${c.id}: markup from a value became elements`);
    assert.ok(r.inside, `${c.id}: the message stays inside the widget`);
    if (r.state === "ready") {
      // Only `height` takes numbers the loader reads itself (NaN and -1 fall back to the
      // default, Infinity and 1e308 are capped).
      assert.equal(c.name, "height", `${c.id} drew a chart for ${JSON.stringify(c.value.slice(0, 40))}`);
      continue;
    }
    failed++;
    assert.equal(r.state, "error", c.id);
    assert.ok(r.text.startsWith("This chart cannot be shown"), `${c.id}: ${r.text.slice(0, 200)}`);
    // Lists (metrics, org, …) name their first unknown word; other attributes the whole value.
    const word = c.value.split(/[, ]/).find((w) => w) || c.value;
    const expected = [shown(c.value), shown(word)].find((v) => r.text.includes(`${c.name}="${v}"`));
    assert.ok(expected !== undefined, `${c.id}: the value as typed, as text: ${r.text.slice(0, 300)}`);
    assert.ok(r.text.length < 2000, `${c.id}: a 100 KB value is cut (${r.text.length} chars)`);
    const event = errors.find((e) => e.id === c.id);
    assert.ok(event, `${c.id}: tipviz:error fired`);
    assert.equal(event.detail.attribute, c.name);
    assert.equal(event.detail.value, expected);
  }
  assert.equal(failed, cases.length - HOSTILE.length, "every value refused except in height");
  // Height: NaN, -1 and 100 KB of letters fall back to the default; Infinity and 1e308 are capped.
  const heights = await page.evaluate(() => [...document.querySelectorAll("[id^=height-]")].map((el) => el.shadowRoot.querySelector("canvas").clientHeight));
  assert.ok(heights.every((h) => h >= 100 && h <= 4000), `heights ${heights}`);

  // The right-to-left override no longer reverses the rest of the message.
  const rtl = cases.findIndex((c) => c.name === "scope" && c.value.startsWith("\u202E"));
  assert.match(results[rtl].text, /scope="\[U\+202E\]elbisivni\[U\+202C\] trap" is not a value tipviz knows/);
  await screenshot(page, `#${cases[rtl].id}`, "hostile-rtl-message.png");
  await screenshot(page, `#${cases.find((c) => c.name === "scope" && c.value.startsWith("Z")).id}`, "hostile-combining-message.png");

  // The same values set from script on a live widget, in a tight loop, then a good value again.
  const live = await page.evaluate(async (values) => {
    const el = document.getElementById("good-enforcement");
    for (const v of values) for (const name of ["scope", "years", "edition", "lang"]) { el.setAttribute(name, v); el.removeAttribute(name); el.setAttribute(name, v); el.removeAttribute(name); }
    for (const v of values) el.setAttribute("scope", v);
    const refused = el.getAttribute("data-tipviz-state");
    el.setAttribute("scope", "europe");
    return { refused, after: el.getAttribute("data-tipviz-state") };
  }, HOSTILE);
  assert.deepEqual(live, { refused: "error", after: "ready" });
  assert.ok(await inked(page, "#good-enforcement") > 3000);

  // TipViz.mount with hostile keys and values.
  const mounted = await page.evaluate(async (values) => {
    const out = [];
    for (const v of values) {
      const host = document.body.appendChild(document.createElement("div"));
      const handle = window.TipViz.mount(host, { chart: "enforcement", scope: v, [v.slice(0, 50)]: v });
      await new Promise((r) => setTimeout(r, 0));
      out.push([host.getAttribute("data-tipviz-state"), host.shadowRoot.querySelectorAll("img, script, svg").length]);
      handle.destroy();
      host.remove();
    }
    return out;
  }, HOSTILE);
  assert.ok(mounted.every(([state, made]) => state === "error" && made === 0), JSON.stringify(mounted));

  // Hovering the widgets that draw (a value could only act through events, and only a drawn
  // chart has a readout and tooltip): still nothing runs, and the tooltips show.
  const drawn = await page.evaluate(() => [...document.querySelectorAll("[id^=height-], [id^=good-]")]
    .filter((el) => el.getAttribute("data-tipviz-state") === "ready").map((el) => el.id));
  assert.ok(drawn.length >= GOOD.length, drawn.join());
  let tips = 0;
  for (const id of drawn) {
    await page.locator(`#${id}`).hover();
    tips += await page.evaluate((id) => !document.getElementById(id).shadowRoot.querySelector(".tip").hidden, id);
  }
  assert.ok(tips > 0, "some hovered widget showed its tooltip");
  assert.deepEqual(await page.evaluate(() => window.__trapped), [], "no script from a value ran");
  await assertNothingLeaves(page, context, log, server.origin);
  const own = new Set(log.requests.map((u) => new URL(u).pathname));
  assert.deepEqual([...own].sort(), ["/hostile.html", "/tipviz.js"], "the img src=x was never fetched");
  await context.close();
});

test("an engine that throws stops one widget with a message; the page and the other widgets go on", async () => {
  const { page, context, log } = await openPage(browser, `${server.origin}/boom.html`, { init: TRAP });
  await waitForState(page, "#boom", "ready");
  await waitForState(page, "#ok", "ready");
  await waitForState(page, "#ctor", "error");
  assert.equal(await shadow(page, "#ctor", (el) => el.shadowRoot.querySelector(".message").textContent), "tipviz stoppedInternal error: unreachable");
  const box = await page.locator("#boom").boundingBox();
  for (let x = box.x + 100; x < box.x + box.width - 50; x += 40) await page.mouse.move(x, box.y + box.height / 2);
  await waitForState(page, "#boom", "error");
  const message = await shadow(page, "#boom", (el) => ({ text: el.shadowRoot.querySelector(".message").textContent, canvas: el.shadowRoot.querySelector("canvas").hidden }));
  assert.equal(message.text, "tipviz stoppedInternal error: unreachable");
  assert.equal(message.canvas, true);
  // The other widget still reads values under the pointer and by keyboard.
  const ok = await page.locator("#ok").boundingBox();
  let year = null;
  for (let x = ok.x + 60; x < ok.x + ok.width - 20 && !year; x += 10) {
    await page.mouse.move(x, ok.y + ok.height * 0.45);
    year = await page.getAttribute("#ok", "data-active-year");
  }
  assert.match(year || "", /^20\d\d$/, "the other widget still answers the pointer");
  await screenshot(page, "#boom", "hostile-engine-stopped.png");
  assert.deepEqual(log.pageErrors, [], "nothing was thrown into the page");
  await assertNothingLeaves(page, context, log, server.origin);
  await context.close();
});

test("a page saved in a legacy encoding and opened from disk gets the widget's text right", async () => {
  // A file:// page has no charset header, so the script is decoded in the page's encoding:
  // the bundle must not depend on it (it is all ASCII, its other characters \u-escaped).
  writeFileSync(join(site, "legacy.html"), Buffer.from(`<!doctype html><html><head><meta charset="windows-1252">
<script src="tipviz.js"></script></head><body><p>Caf\xe9</p>
<tip-chart id="c" chart="enforcement" height="300"></tip-chart></body></html>`, "latin1"));
  const { page, context, log } = await openPage(browser, `file://${join(site, "legacy.html")}`);
  await waitForState(page, "#c", "ready");
  assert.equal(await page.evaluate(() => [document.characterSet, document.querySelector("p").textContent].join(" ")), "windows-1252 Caf\u00e9");
  await page.locator("#c").locator("canvas[role=img]").focus();
  await page.keyboard.press("?");
  const keys = await shadow(page, "#c", (el) => [...el.shadowRoot.querySelectorAll(".help dt")].map((dt) => dt.textContent));
  assert.ok(keys.includes("\u2190 \u2192 \u2191 \u2193"), `the key help's arrows: ${JSON.stringify(keys)}`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
