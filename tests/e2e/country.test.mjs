// The `country-enforcement` chart in a real browser: one country's counts with their units and
// sources, the ranked comparison, what is not reported, and what a bad country says.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, thousands, liveText, page } from "./harness.mjs";

const pages = {
  "jamaica.html": page(`<tip-chart id="j" chart="country-enforcement" country="jamaica"></tip-chart>`),
  "kazakhstan.html": page(`<tip-chart id="k" chart="country-enforcement" country="KAZ" theme="dark"></tip-chart>`),
  "ranked.html": page(`<tip-chart id="r" chart="country-enforcement"></tip-chart>`),
  "bad.html": page(`<tip-chart id="atlantis" chart="country-enforcement" country="Atlantis"></tip-chart>
<tip-chart id="france" chart="country-enforcement" country="France"></tip-chart>
<tip-chart id="metric" chart="country-enforcement" metric="arrests"></tip-chart>
<tip-chart id="ok" chart="country-enforcement" country="Mexico"></tip-chart>`),
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

async function narrativeRows(p, country) {
  return p.evaluate(async (c) => (await window.TipViz.data()).country_enforcement.filter((r) => r.country === c), country);
}

// Every row's live-region sentence, by stepping with the arrow keys from the first.
async function readAll(p, selector) {
  await p.locator(selector).focus();
  await p.keyboard.press("Tab");
  const sentences = [];
  await p.keyboard.press("Home");
  for (let i = 0; i < 60; i++) {
    const s = await liveText(p, selector);
    if (sentences[sentences.length - 1] === s) break;
    sentences.push(s);
    await p.keyboard.press("ArrowDown");
  }
  return sentences;
}

test("one country: every count with its unit, period and source line", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/jamaica.html`);
  await waitForState(p, "#j", "ready");
  const rows = await narrativeRows(p, "JAM");
  const sentences = await readAll(p, "#j");
  assert.equal(sentences.length, rows.length, "one keyboard stop per narrative count");
  for (const r of rows) {
    const unit = r.value === 1 ? r.unit.replace(/s$/, "") : r.unit;
    const found = sentences.find((s) => s.startsWith(`Jamaica: ${r.metric}, `) && s.includes(`: ${thousands(r.value)} ${unit}`) &&
      s.includes(`2019 TIP Report, ${r.source.file} line ${r.source.line}.`));
    assert.ok(found, `${r.metric} ${r.period_label} ${r.value} ${r.unit} in ${sentences.join("\n")}`);
    // The period in the printed words, as the label or, where the label names it by its
    // distance ("two periods earlier" for "the year before that"), after it.
    assert.ok(found.startsWith(`Jamaica: ${r.metric}, ${r.period_label}: `) || found.includes(`; period as printed: ${r.period_label}.`), found);
  }
  // The two ways the narrative names the period two back read alike on the bars.
  const twoBack = sentences.filter((s) => s.includes("period as printed: the year before that") || s.includes("period as printed: two years ago"));
  assert.equal(twoBack.length, 2, sentences.join("\n"));
  assert.equal(new Set(twoBack.map((s) => s.split(":")[1].split(", ")[1])).size, 1, twoBack.join("\n"));
  // Hovering the first bar shows the same in the tooltip; the pin fires tipviz:select.
  await p.keyboard.press("Home");
  await p.keyboard.press("Enter");
  const selected = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => e.detail));
  assert.deepEqual([selected[0].country, selected[0].metric, selected[0].period], ["JAM", "investigations", "reporting period"]);
  const csv = (await shadow(p, "#j", (el) => el._tipviz.csv())).trim().split("\r\n");
  assert.equal(csv.length, 1 + rows.length, "one CSV row per drawn bar");
  assert.ok(csv.some((l) => l.startsWith("2019,JAM,Jamaica,investigations,0,reporting period,36,cases,")), csv.join("\n"));
  await screenshot(p, "#j", "country-jamaica.png");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test("a count the narrative does not give is shown as not reported, with the reason", async () => {
  const { page: p, context } = await openPage(browser, `${base}/kazakhstan.html`);
  await waitForState(p, "#k", "ready");
  const missing = (await narrativeRows(p, "KAZ")).find((r) => r.metric === "prosecutions" && r.period === 0);
  assert.equal(missing.value, null);
  const sentences = await readAll(p, "#k");
  const s = sentences.find((x) => x.startsWith("Kazakhstan: prosecutions, reporting period: not reported"));
  assert.ok(s, sentences.join("\n"));
  assert.ok(s.includes("did not report the number of prosecutions"), s);
  assert.ok(s.includes(`line ${missing.source.line}`), s);
  await screenshot(p, "#k", "country-kazakhstan-dark.png");
  await context.close();
});

test("no country: all narrative countries ranked by convictions, not reported last", async () => {
  const { page: p, context } = await openPage(browser, `${base}/ranked.html`);
  await waitForState(p, "#r", "ready");
  const sentences = await readAll(p, "#r");
  const rows = await p.evaluate(async () => (await window.TipViz.data()).country_enforcement);
  const countries = new Set(rows.map((r) => r.country));
  const withConvictions = new Set(rows.filter((r) => r.metric === "convictions" && r.period === 0 && r.value !== null).map((r) => r.country));
  assert.equal(sentences.length, countries.size, "every country with a 2019 narrative");
  assert.ok(sentences[0].startsWith("Kenya: convictions, "), sentences[0]);
  const values = sentences.map((s) => { const m = s.match(/^[^:]+: [^:]+: (\d[\d,]*) /); return m ? Number(m[1].replace(/,/g, "")) : null; });
  const reported = values.filter((v) => v !== null);
  assert.equal(reported.length, withConvictions.size, "a bar for every country whose narrative gives convictions");
  assert.deepEqual(reported, [...reported].sort((a, b) => b - a), "largest first");
  assert.ok(values.slice(reported.length).every((v) => v === null), "not reported after every reported value");
  const subtitle = await shadow(p, "#r", (el) => el.shadowRoot.querySelector("p.sr").textContent);
  assert.match(subtitle, /units differ/);
  const height = await shadow(p, "#r", (el) => el.shadowRoot.querySelector("canvas").clientHeight);
  assert.ok(height > 800, `the ranked list gets the height it needs (${height}px)`);
  await context.close();
});

test("an unknown country, a country without a narrative and a bad metric explain themselves", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/bad.html`);
  await waitForState(p, "#ok", "ready");
  const message = (id) => shadow(p, id, (el) => el.shadowRoot.querySelector(".message").textContent);
  for (const id of ["#atlantis", "#france", "#metric"]) await waitForState(p, id, "error");
  const atlantis = await message("#atlantis");
  assert.match(atlantis, /country="Atlantis" is not a country or territory tipviz knows/);
  assert.match(atlantis, /Jamaica \(JAM\)/);
  assert.match(await message("#france"), /country="France" is France, which tipviz knows, but this chart's source has no narrative for it/);
  assert.match(await message("#metric"), /metric="arrests" is not a value tipviz knows\. Accepted values: investigations, prosecutions, convictions, victims\./);
  const errors = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:error").map((e) => e.detail.attribute));
  assert.deepEqual(errors.sort(), ["country", "country", "metric"]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
