// The `tier-changes` flow diagram in a real browser: bands read their counts and countries,
// the lists read each country's tiers in both editions, selection, partial editions and the
// messages for bad values. Expected values come from TipViz.data(), the cited dataset.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, liveText, page, TIER_LABELS } from "./harness.mjs";

const pages = {
  "default.html": page(`<tip-chart id="c" chart="tier-changes"></tip-chart>`),
  "kelley.html": page(`<tip-chart id="k" chart="tier-changes" from="2001" to="2002" region="europe" theme="dark"></tip-chart>`),
  "partial.html": page(`<tip-chart id="p" chart="tier-changes" from="2019" to="2024"></tip-chart>`),
  "phone.html": page(`<tip-chart id="m" chart="tier-changes" from="2014" to="2015" region="africa"></tip-chart>`),
  "bad.html": page(`<tip-chart id="gap" chart="tier-changes" from="2016"></tip-chart>
<tip-chart id="backwards" chart="tier-changes" from="2025" to="2024"></tip-chart>
<tip-chart id="region" chart="tier-changes" region="Oceania"></tip-chart>
<tip-chart id="ok" chart="tier-changes" region="near-east" height="420"></tip-chart>`),
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

// Each country's placement in `edition`, by id.
async function placements(p, edition) {
  return p.evaluate(async (e) => {
    const d = await window.TipViz.data();
    return Object.fromEntries(d.tiers.filter((t) => t.edition === e).map((t) => [t.country, t]));
  }, edition);
}

// The live-region sentence of every item the pointer finds on a vertical line through the
// middle of the diagram, by item index.
async function sweepBands(p, selector) {
  const box = await p.locator(selector).boundingBox();
  const seen = new Map();
  for (let y = box.y + 40; y < box.y + box.height; y += 3) {
    await p.mouse.move(box.x + box.width / 2, y);
    const active = await p.getAttribute(selector, "data-active");
    if (active !== null && !seen.has(active)) seen.set(active, await liveText(p, selector));
  }
  return seen;
}

// Every item in keyboard order, read from the live region.
async function readAll(p, selector) {
  await p.locator(selector).locator("canvas[role=img]").focus();
  await p.keyboard.press("Home");
  const sentences = [];
  for (let i = 0; i < 400; i++) {
    const s = await liveText(p, selector);
    if (sentences[sentences.length - 1] === s) break;
    sentences.push(s);
    await p.keyboard.press("ArrowRight");
  }
  return sentences;
}

test("hovering a band reads how many countries moved between which tiers, as the data places them", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/default.html`);
  await waitForState(p, "#c", "ready");
  const [before, after] = [await placements(p, 2024), await placements(p, 2025)];
  const bands = [...(await sweepBands(p, "#c")).values()].filter((s) => / \(2024\) → /.test(s));
  assert.ok(bands.length >= 8, `bands found by the pointer: ${bands.length}`);
  for (const sentence of bands) {
    const m = sentence.match(/^(.+) \(2024\) → (.+) \(2025\): (\d+) countr(?:y|ies) (stayed|moved up|moved down|moved); (.+?)(?:; |\. Source)/);
    assert.ok(m, sentence);
    const [, from, to, count] = m;
    const members = Object.keys(before).filter((id) => after[id] && TIER_LABELS[before[id].tier] === from && TIER_LABELS[after[id].tier] === to);
    assert.equal(Number(count), members.length, sentence);
    assert.ok(sentence.includes("Source: 2024 TIP Report, ") && sentence.includes("2025 TIP Report, "), sentence);
  }
  // Kazakhstan's 2025 tier is supplied by the dataset (missing from the printed list): the
  // band that carries it says so.
  assert.equal(after.KAZ.basis, "corrected");
  const kazBand = `${TIER_LABELS[before.KAZ.tier]} (2024) → ${TIER_LABELS[after.KAZ.tier]} (2025)`;
  const kaz = bands.find((s) => s.startsWith(kazBand));
  assert.ok(kaz, `the ${kazBand} band was hovered`);
  assert.match(kaz, /Kazakhstan 2025: supplied by the dataset, not printed/);
  await screenshot(p, "#c", "changes-default.png");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test("the lists read each country's tier in both editions; Enter and a click select it", async () => {
  const { page: p, context } = await openPage(browser, `${base}/default.html`);
  await waitForState(p, "#c", "ready");
  const [before, after] = [await placements(p, 2024), await placements(p, 2025)];
  const rank = { "1": 0, "2": 1, "2WL": 2, "3": 3 };
  const upgraded = Object.keys(before).filter((id) => after[id] && rank[after[id].tier] < rank[before[id].tier]);
  const downgraded = Object.keys(before).filter((id) => after[id] && rank[after[id].tier] > rank[before[id].tier]);
  const sentences = await readAll(p, "#c");
  const listed = sentences.filter((s) => /^[^:]+: 2024: /.test(s));
  assert.equal(listed.length, upgraded.length + downgraded.length, "one keyboard stop per country that moved");
  assert.equal(sentences.filter((s) => s.includes("; moved up.")).length, upgraded.length);
  assert.equal(sentences.filter((s) => s.includes("; moved down.")).length, downgraded.length);
  // The last stop is the last country moved down, alphabetically; its sentence is complete.
  const names = await p.evaluate(async () => Object.fromEntries((await window.TipViz.data()).countries.map((c) => [c.id, c.name])));
  const last = downgraded.sort((a, b) => (names[a] < names[b] ? -1 : 1)).at(-1);
  const lastSentence = sentences.at(-1);
  assert.equal(lastSentence,
    `${names[last]}: 2024: ${TIER_LABELS[before[last].tier]} (printed); 2025: ${TIER_LABELS[after[last].tier]} (printed); moved down. ` +
    `Source: 2024 TIP Report, ${before[last].source.file} line ${before[last].source.line}; ` +
    `2025 TIP Report, ${after[last].source.file} line ${after[last].source.line}.`);
  await p.keyboard.press("Enter");
  let selected = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => e.detail));
  assert.deepEqual([selected[0].country, selected[0].from_tier, selected[0].to_tier], [last, before[last].tier, after[last].tier]);

  // A click on a listed name: find one under the pointer along the list rows' left edge.
  await p.keyboard.press("Escape");
  const box = await p.locator("#c").boundingBox();
  let clicked = null;
  for (let y = box.y + box.height * 0.55; y < box.y + box.height && !clicked; y += 4) {
    await p.mouse.move(box.x + 14, y);
    const s = await liveText(p, "#c");
    if (/^[^:]+: 2024: /.test(s) && (await p.getAttribute("#c", "data-active")) !== null) {
      await p.mouse.click(box.x + 14, y);
      clicked = s.split(":")[0];
    }
  }
  assert.ok(clicked, "a listed country was found under the pointer");
  selected = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => e.detail));
  assert.equal(names[selected.at(-1).country], clicked);
  await context.close();
});

test("between full lists, countries in one list only enter or leave; partial editions limit the comparison", async () => {
  const { page: p, context } = await openPage(browser, `${base}/kelley.html`, { colorScheme: "dark" });
  await waitForState(p, "#k", "ready");
  const europe = await p.evaluate(async () => (await window.TipViz.data()).countries.filter((c) => c.region === "europe").map((c) => c.id));
  const [y2001, y2002] = [await placements(p, 2001), await placements(p, 2002)];
  const entering = europe.filter((id) => !y2001[id] && y2002[id]);
  assert.ok(entering.length > 0);
  const sentences = await readAll(p, "#k");
  const entered = sentences.filter((s) => s.endsWith("entered the list.") || s.includes("; entered the list. Source"));
  assert.equal(entered.length, entering.length, entered.join("\n"));
  for (const s of entered) assert.match(s, /^[^:]+: 2001: not in the list; 2002: Tier /);
  const summary = await shadow(p, "#k", (el) => el.shadowRoot.querySelector("p.sr").textContent);
  assert.match(summary, new RegExp(`${entering.length} entered the list`));
  assert.match(summary, /2001–2015 tiers come from Kelley and Heiss's tier history/);
  await screenshot(p, "#k", "changes-kelley-dark.png");
  await context.close();

  const partial = await openPage(browser, `${base}/partial.html`);
  await waitForState(partial.page, "#p", "ready");
  const placed2019 = Object.keys(await placements(partial.page, 2019)).length;
  const text = await shadow(partial.page, "#p", (el) => el.shadowRoot.querySelector("p.sr").textContent);
  assert.match(text, new RegExp(`Of ${placed2019} countries`));
  assert.match(text, /the 2019 tiers here are only those of the narratives Jamaica to Namibia/);
  await partial.context.close();
});

test("on a phone the diagram fits the width and the chart asks for the height its lists need", async () => {
  const { page: p, context } = await openPage(browser, `${base}/phone.html`, { width: 360, height: 1800, dpr: 2 });
  await waitForState(p, "#m", "ready");
  const size = await shadow(p, "#m", (el) => { const c = el.shadowRoot.querySelector("canvas"); return [c.clientWidth, c.clientHeight]; });
  assert.ok(size[0] <= 360, `width ${size[0]}`);
  const sentences = await readAll(p, "#m");
  assert.ok(sentences.some((s) => s.startsWith("South Sudan: 2014: not in the list; 2015: Tier 3")), sentences.join("\n"));
  // Every listed country is inside the canvas and found by the pointer (data-active names
  // what is under it).
  const listed = sentences.filter((s) => /^[^:]+: 2014: /.test(s)).map((s) => s.split(":")[0]);
  const box = await p.locator("#m").boundingBox();
  assert.ok(box.y + box.height <= 1800, "the whole chart is in the viewport");
  const found = new Set();
  for (let y = box.y + box.height * 0.45; y < box.y + box.height; y += 9) {
    for (let x = box.x + 12; x < box.x + box.width; x += 28) {
      await p.mouse.move(x, y);
      const active = await p.getAttribute("#m", "data-active");
      if (listed.includes(active)) found.add(active);
    }
  }
  assert.deepEqual([...found].sort(), [...listed].sort());
  await screenshot(p, "#m", "changes-africa-phone.png");
  await context.close();
});


test("on a phone a band's list too long for the window is cut to the names that fit; the live region keeps them all", async () => {
  const { page: p, context } = await openPage(browser, `${base}/default.html`, { width: 320, height: 568, dpr: 2 });
  await waitForState(p, "#c", "ready");
  const box = await p.locator("#c").boundingBox();
  let longest = null;
  // Scroll each part of the diagram into the window in turn and hover down its middle.
  for (let top = 0; top < box.height; top += 300) {
    await p.evaluate((y) => window.scrollTo(0, y), box.y + top);
    for (let y = 20; y < 560; y += 6) {
      await p.mouse.move(160, y);
      if (!/ \(2024\) → /.test((await p.getAttribute("#c", "data-active")) ?? "")) continue;
      await p.evaluate(() => new Promise(requestAnimationFrame));
      const tip = await shadow(p, "#c", (el) => {
        const t = el.shadowRoot.querySelector(".tip");
        const r = t.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, list: t.querySelectorAll("div")[1]?.textContent ?? "" };
      });
      assert.ok(tip.top >= 0 && tip.bottom <= 568, `tooltip ${tip.top}–${tip.bottom} in a 568 px window`);
      const sentence = await liveText(p, "#c");
      const count = Number(sentence.match(/: (\d+) countr/)[1]);
      if (!longest || count > longest.count) longest = { count, tip, sentence };
    }
  }
  assert.ok(longest && longest.count >= 80, `the widest band was hovered (${longest?.count})`);
  const m = longest.tip.list.match(/^(.+) … and (\d+)\u00a0more$/);
  assert.ok(m, `cut with how many more: ${longest.tip.list.slice(-60)}`);
  const separator = m[1].includes("; ") ? "; " : ", ";
  const shown = m[1].split(separator);
  assert.equal(shown.length + Number(m[2]), longest.count, "the names shown and the number more make the band's count");
  // The live region reads the whole list, which starts with the names the tooltip shows.
  const whole = longest.sentence.split(/countries stayed; /)[1].split(/; [A-Z][a-z]+ 2025: |\. Source/)[0];
  assert.ok(whole.startsWith(m[1] + separator), whole.slice(0, 80));
  assert.equal(whole.split(separator).length, longest.count, "every name is read out");
  await context.close();
});
test("on a phone the arrow keys bring the chosen entry into view, with its tooltip on screen", async () => {
  const { page: p, context } = await openPage(browser, `${base}/default.html`, { width: 390, height: 640, dpr: 1 });
  await waitForState(p, "#c", "ready");
  await p.locator("#c").locator("canvas[role=img]").focus();
  const startY = await p.evaluate(() => scrollY);
  await p.keyboard.press("End");
  const chosen = await p.getAttribute("#c", "data-active");
  assert.match(await liveText(p, "#c"), /^[^:]+: 2024: .+; 2025: .+; moved down\./, "End chose the last entry of the lists");
  const canvas = await shadow(p, "#c", (el) => { const r = el.shadowRoot.querySelector("canvas").getBoundingClientRect(); return [r.top, r.bottom]; });
  const tip = await shadow(p, "#c", (el) => { const r = el.shadowRoot.querySelector(".tip").getBoundingClientRect(); return [r.top, r.bottom]; });
  assert.ok(canvas[1] - canvas[0] > 640, `the chart is taller than the window: ${canvas}`);
  assert.ok(await p.evaluate(() => scrollY) > startY, "the page scrolled");
  assert.ok(tip[0] >= 0 && tip[1] <= 640, `the tooltip ${tip} is in the window`);
  // The entry is on screen, where the pointer finds it, and the tooltip is not over it.
  let found = null;
  for (let y = 2; y < 640 && found === null; y += 4) {
    for (let x = 10; x < 380 && found === null; x += 20) {
      await p.mouse.move(x, y);
      if ((await p.getAttribute("#c", "data-active")) === chosen) found = y;
    }
  }
  assert.ok(found !== null, `${chosen} is found by the pointer in the 640 px window`);
  assert.ok(found < tip[0] || found > tip[1], `the tooltip ${tip} leaves ${chosen} at ${found} in sight`);
  await screenshot(p, "#c", "changes-keys-phone.png");
  await context.close();
});

test("bad from, to and region values explain themselves inside their own box", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/bad.html`);
  await waitForState(p, "#ok", "ready");
  for (const id of ["#gap", "#backwards", "#region"]) await waitForState(p, id, "error");
  const message = (id) => shadow(p, id, (el) => el.shadowRoot.querySelector(".message").textContent);
  assert.match(await message("#gap"), /from="2016" cannot be used: the dataset holds no tier placements from the 2016 edition\. Accepted values: 2001, .*2015, 2018, 2019, 2024, 2025\.$/);
  assert.match(await message("#backwards"), /from="2025" cannot be used: it is later than to="2024"; give the earlier edition as from\./);
  assert.match(await message("#region"), /region="Oceania" is not a value tipviz knows\. Accepted values: africa, east-asia-pacific, europe, near-east, south-central-asia, western-hemisphere\.$/);
  const errors = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:error").map((e) => e.detail.attribute));
  assert.deepEqual(errors.sort(), ["from", "from", "region"]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
