// The tier charts in a real browser: `tier-map`, `tier-history` and `tier-summary`. Expected
// tiers, sources and counts come from `TipViz.data()`; positions to point at come from the
// widget's own readout (where it anchors the tooltip: inside the country, or on its marker).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, liveText } from "./harness.mjs";

const page = (body) => `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0">${body}</body></html>`;

const pages = {
  "typeahead.html": page(`<tip-chart id="m" chart="tier-map"></tip-chart>
<tip-chart id="h" chart="tier-history" country="JAM,KAZ"></tip-chart>
<tip-chart id="s" chart="tier-summary"></tip-chart>`),
};

const TIER_LABELS = { "1": "Tier 1", "2": "Tier 2", "2WL": "Tier 2 Watch List", "3": "Tier 3", "special": "Special case" };
const REGION_LABELS = {
  "africa": "Africa", "east-asia-pacific": "East Asia & Pacific", "europe": "Europe", "near-east": "Near East",
  "south-central-asia": "South & Central Asia", "western-hemisphere": "Western Hemisphere",
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

const data = (p) => p.evaluate(async () => window.TipViz.data());
const active = (p, sel) => p.getAttribute(sel, "data-active");
const tooltip = (p, sel) => shadow(p, sel, (el) => {
  const tip = el.shadowRoot.querySelector(".tip");
  return tip.hidden ? null : tip.textContent;
});
const selects = (p) => p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => ({ id: e.id, ...e.detail })));

test("type-ahead: names, aliases, Backspace, the pause that starts a new search, no match, and the old keys", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/typeahead.html`, { width: 1000 });
  for (const id of ["#m", "#h", "#s"]) await waitForState(p, id, "ready");
  const d = await data(p);
  const country = (id) => d.countries.find((c) => c.id === id);
  const byName = (name) => d.countries.find((c) => c.name === name);

  // The map: a prefix finds the first country in alphabetical order, like the arrow keys show it.
  await p.locator("#m canvas").focus();
  await p.keyboard.type("kaz");
  assert.equal(await active(p, "#m"), country("KAZ").name);
  assert.ok((await liveText(p, "#m")).startsWith(`${country("KAZ").name}: `));
  assert.ok((await tooltip(p, "#m")).startsWith(country("KAZ").name), "the tooltip shows the country typed");
  // Backspace edits the search: "nigeri" is Nigeria, one letter less is exactly Niger.
  await p.waitForTimeout(1100);
  await p.keyboard.type("nigeri");
  assert.equal(await active(p, "#m"), country("NGA").name);
  await p.keyboard.press("Backspace");
  assert.equal(await active(p, "#m"), country("NER").name);
  // An alias finds its country.
  await p.waitForTimeout(1100);
  const myanmar = d.countries.find((c) => c.aliases.includes("Myanmar"));
  await p.keyboard.type("myanm");
  assert.equal(await active(p, "#m"), myanmar.name);
  // After a pause the next letters start a new search instead of extending "myanm".
  await p.waitForTimeout(1100);
  await p.keyboard.type("jam");
  assert.equal(await active(p, "#m"), country("JAM").name);
  // Names with spaces: Space belongs to the search once it has started.
  await p.waitForTimeout(1100);
  await p.keyboard.type("united s");
  assert.equal(await active(p, "#m"), country("USA").name);
  // No match: announced, and the country the last match found stays.
  await p.waitForTimeout(1100);
  await p.keyboard.type("qqz");
  assert.equal(await liveText(p, "#m"), "No country starts with \u201cqqz\u201d.");
  const q = d.countries.map((c) => c.name).filter((n) => n.startsWith("Q")).sort()[0];
  assert.equal(await active(p, "#m"), q);
  // The old keys still work: the arrow steps to the next name, Space (no search going) pins,
  // Escape clears.
  await p.waitForTimeout(1100);
  const names = d.countries.map((c) => c.name).sort();
  await p.keyboard.press("ArrowRight");
  const next = await active(p, "#m");
  assert.equal(next, names[names.indexOf(q) + 1], "the arrow steps on in alphabetical order");
  await p.keyboard.press(" ");
  assert.equal((await selects(p)).at(-1).country, byName(next).id);
  await p.keyboard.press("Escape");
  assert.equal(await active(p, "#m"), null);
  const label = await shadow(p, "#m", (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-label"));
  assert.match(label, /type the name of a country/);

  // tier-history: a country finds its latest edition; digits find an edition.
  await p.locator("#h canvas").focus();
  await p.keyboard.type("kaz");
  const latestKaz = Math.max(...d.tiers.filter((t) => t.country === "KAZ").map((t) => t.edition));
  assert.equal(await p.getAttribute("#h", "data-active-year"), String(latestKaz));
  await p.waitForTimeout(1100);
  await p.keyboard.type("2012");
  assert.equal(await p.getAttribute("#h", "data-active-year"), "2012");
  await p.waitForTimeout(1100);
  await p.keyboard.type("mex");
  assert.equal(await liveText(p, "#h"), "No country or edition starts with \u201cmex\u201d.", "only the countries drawn");

  // tier-summary: a region name finds its first segment.
  await p.locator("#s canvas").focus();
  await p.keyboard.type("eur");
  const heading = await active(p, "#s");
  assert.ok(heading.startsWith(`${REGION_LABELS.europe}, 2025: `), heading);
  const tier = Object.keys(TIER_LABELS).find((t) => heading.endsWith(`: ${TIER_LABELS[t]}`));
  const count = d.tiers.filter((t) => t.edition === 2025 && t.tier === tier && country(t.country).region === "europe").length;
  assert.ok((await liveText(p, "#s")).startsWith(`${heading}: ${count} of the `), await liveText(p, "#s"));
  await p.waitForTimeout(1100);
  await p.keyboard.type("x");
  assert.equal(await liveText(p, "#s"), "No region starts with \u201cx\u201d.");

  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
