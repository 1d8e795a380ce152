// The `enforcement` chart's options in a real browser: comparing editions, labor counts,
// small multiples by region, legend toggles, pinning, and what bad values say.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { contrast, makeSite, launch, openPage, waitForState, shadow, screenshot, thousands, sweep, liveText, canvasPixels, baseCanvasPixels, page, REGION_LABELS } from "./harness.mjs";

const pages = {
  "compare.html": page(`<tip-chart id="c" chart="enforcement" edition="compare"></tip-chart>`),
  "labor.html": page(`<tip-chart id="l" chart="enforcement" labor="both" metrics="prosecutions" years="2020-2024"></tip-chart>`),
  "regions.html": page(`<tip-chart id="r" chart="enforcement" scope="regions" metric="convictions"></tip-chart>`),
  "toggle.html": page(`<tip-chart id="t" chart="enforcement"></tip-chart>`),
  "focus.html": page(`<tip-chart id="fl" chart="enforcement" theme="light" height="300"></tip-chart>
<tip-chart id="fd" chart="enforcement" theme="dark" height="300"></tip-chart>`),
  "bad.html": page(`<tip-chart id="b1" chart="enforcement" labor="forced"></tip-chart>
<tip-chart id="b2" chart="enforcement" years="2030-2031"></tip-chart>
<tip-chart id="b3" chart="enforcement" scope="regions" metrics="victims,convictions"></tip-chart>
<tip-chart id="ok" chart="enforcement" scale="log" height="320"></tip-chart>`),
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

async function enforcementRows(p) {
  return p.evaluate(async () => (await window.TipViz.data()).enforcement);
}

test("edition=compare reads both editions' values, the revision and the correction", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/compare.html`);
  await waitForState(p, "#c", "ready");
  const rows = await enforcementRows(p);
  const cell = (edition, year, metric) => rows.find((r) => r.edition === edition && r.scope === "global" && r.year === year && r.metric === metric);
  const { seen } = await sweep(p, "#c");
  assert.deepEqual([...seen.keys()], ["2018", "2019", "2020", "2021", "2022", "2023"], "the years both editions print");

  // Convictions in 2023: printed 7,115 by the 2024 edition and revised to 7,145 by the 2025 one.
  const old = cell(2024, 2023, "convictions"), revised = cell(2025, 2023, "convictions");
  assert.notEqual(old.value, revised.value);
  const s2023 = seen.get("2023");
  assert.ok(s2023.includes(`Convictions, 2024 edition: ${thousands(old.value)}`), s2023);
  assert.ok(s2023.includes(`Convictions, 2025 edition: ${thousands(revised.value)}, revised from ${thousands(old.value)} in the 2024 edition`), s2023);
  assert.ok(s2023.includes(`2024 TIP Report, ${old.source.file} line ${old.source.line}`), s2023);
  assert.ok(s2023.includes(`2025 TIP Report, ${revised.source.file} line ${revised.source.line}`), s2023);

  // 2019 victims: the 2025 edition's misprint is corrected; the reader gets both numbers and why.
  const victims = cell(2025, 2019, "victims");
  assert.equal(victims.printed, "111932");
  assert.match(seen.get("2019"), /Victims identified, 2025 edition: 118,932 \(printed as 111,932; misprint\)/);

  // The table view's twin (screen-reader table) has a column per series and edition.
  const headers = await shadow(p, "#c", (el) => [...el.shadowRoot.querySelectorAll(".sr th[scope=col]")].map((th) => th.textContent));
  assert.deepEqual(headers.slice(0, 3), ["Year", "Prosecutions, 2024 edition", "Prosecutions, 2025 edition"]);
  const summary = await shadow(p, "#c", (el) => el.shadowRoot.querySelector("p.sr").textContent);
  assert.match(summary, /\d+ of the 18 values both editions print differ between them\./);

  await screenshot(p, "#c", "enforcement-compare.png");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test("labor=both gives the labor-only count and its share; years limits the range", async () => {
  const { page: p, context } = await openPage(browser, `${base}/labor.html`);
  await waitForState(p, "#l", "ready");
  const rows = await enforcementRows(p);
  const cell = (year, metric) => rows.find((r) => r.edition === 2025 && r.scope === "global" && r.year === year && r.metric === metric);
  const { seen } = await sweep(p, "#l");
  assert.deepEqual([...seen.keys()], ["2020", "2021", "2022", "2023", "2024"]);
  const total = cell(2022, "prosecutions").value, labor = cell(2022, "prosecutions_labor").value;
  const share = labor * 100 / total;
  const shown = share < 10 ? share.toFixed(1) : share.toFixed(0);
  assert.ok(seen.get("2022").includes(`Prosecutions (labor only): ${thousands(labor)} (${shown}% of the total)`), seen.get("2022"));
  const csv = await shadow(p, "#l", (el) => el._tipviz.csv());
  const lines = csv.trim().split("\r\n");
  assert.equal(lines.length, 1 + 5 * 2, "one CSV row per drawn value");
  assert.ok(lines.some((l) => l.startsWith(`2025,global,2022,prosecutions_labor,${labor},`)), csv);
  await context.close();
});

test("scope=regions draws six panels; every region is read out; a phone gets one column", async () => {
  for (const [width, columns] of [[1000, 3], [380, 1]]) {
    const { page: p, context } = await openPage(browser, `${base}/regions.html`, { width });
    await waitForState(p, "#r", "ready");
    const rows = await enforcementRows(p);
    await p.locator("#r").focus();
    await p.keyboard.press("Tab");
    await p.keyboard.press("End");
    const sentence = await liveText(p, "#r");
    assert.ok(sentence.startsWith("2024: Africa: "), sentence);
    const regions = rows.filter((r) => r.edition === 2025 && r.year === 2024 && r.metric === "convictions" && r.scope !== "global");
    assert.equal(regions.length, 6);
    for (const r of regions) {
      assert.ok(sentence.includes(`${REGION_LABELS[r.scope]}: ${thousands(r.value)}`), `${r.scope} ${r.value} in ${sentence}`);
    }
    const height = await shadow(p, "#r", (el) => el.shadowRoot.querySelector("canvas").clientHeight);
    assert.equal(height, 110 + (6 / columns) * 190, `${columns} column(s) at ${width}px`);
    await screenshot(p, "#r", `enforcement-regions-${width}.png`);
    await context.close();
  }
});

test("legend entries are buttons: they hide and show series by keyboard and mouse", async () => {
  const { page: p, context } = await openPage(browser, `${base}/toggle.html`);
  await waitForState(p, "#t", "ready");
  const buttons = await shadow(p, "#t", (el) => [...el.shadowRoot.querySelectorAll("button.toggle")].map((b) => [b.textContent, b.getAttribute("aria-pressed")]));
  assert.deepEqual(buttons, [["Prosecutions", "true"], ["Convictions", "true"], ["Victims identified", "true"]]);
  const before = await canvasPixels(p, "#t");

  // Tab: the chart, then the first legend button; Space hides prosecutions.
  await p.keyboard.press("Tab");
  await p.keyboard.press("Tab");
  const focused = await shadow(p, "#t", (el) => el.shadowRoot.activeElement && el.shadowRoot.activeElement.textContent);
  assert.equal(focused, "Prosecutions");
  await p.keyboard.press("Space");
  assert.equal(await shadow(p, "#t", (el) => el.shadowRoot.querySelector("button.toggle").getAttribute("aria-pressed")), "false");
  assert.equal(await liveText(p, "#t"), "Prosecutions hidden");
  const hidden = await canvasPixels(p, "#t");
  assert.notDeepEqual(hidden, before, "the drawing changed");
  const { seen } = await sweep(p, "#t");
  assert.ok(!seen.get("2024").includes("Prosecutions"), seen.get("2024"));
  assert.ok(seen.get("2024").includes("Convictions: "), seen.get("2024"));

  // A click on the same entry shows it again; focus styling is visible (outline).
  const box = await shadow(p, "#t", (el) => { const r = el.shadowRoot.querySelector("button.toggle").getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
  await p.mouse.click(box.x, box.y);
  assert.equal(await shadow(p, "#t", (el) => el.shadowRoot.querySelector("button.toggle").getAttribute("aria-pressed")), "true");
  assert.deepEqual(await canvasPixels(p, "#t"), before, "showing it again restores the drawing");
  const toggles = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:toggle").map((e) => e.detail));
  assert.deepEqual(toggles.map((d) => [d.series, d.shown]), [["prosecutions", false], ["prosecutions", true]]);
  await context.close();
});

test("a burst of pointer moves: the readout follows the last one at once, and the highlight is redrawn once, at the next frame, on the overlay alone", async () => {
  const { page: p, context } = await openPage(browser, `${base}/toggle.html`);
  await waitForState(p, "#t", "ready");
  const { at } = await sweep(p, "#t");
  await p.mouse.move(0, 0);
  const before = await canvasPixels(p, "#t");
  const chartBefore = await baseCanvasPixels(p, "#t");
  const points = [...at.values()].map(({ x, y }) => [x, y]);
  const burst = await shadow(p, "#t", async (el, points) => {
    const canvas = el.shadowRoot.querySelector("canvas[role=img]");
    const overlay = el.shadowRoot.querySelector("canvas.overlay");
    // A drawing of the chart starts by filling its whole canvas with the background; one of
    // the overlay, by clearing the whole overlay.
    const drawings = { chart: 0, overlay: 0 };
    const chartContext = canvas.getContext("2d");
    const overlayContext = overlay.getContext("2d");
    chartContext.fillRect = function (x, y, w, h) {
      if (w === canvas.width && h === canvas.height) drawings.chart++;
      return CanvasRenderingContext2D.prototype.fillRect.call(this, x, y, w, h);
    };
    overlayContext.clearRect = function (x, y, w, h) {
      if (w === overlay.width && h === overlay.height) drawings.overlay++;
      return CanvasRenderingContext2D.prototype.clearRect.call(this, x, y, w, h);
    };
    const box = canvas.getBoundingClientRect();
    for (const [x, y] of points) {
      canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true }));
    }
    const atOnce = { year: el.getAttribute("data-active-year"), tip: !el.shadowRoot.querySelector(".tip").hidden, drawings: { ...drawings } };
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    delete chartContext.fillRect;
    delete overlayContext.clearRect;
    return { atOnce, afterFrame: drawings, moves: points.length, inside: points.every(([x]) => x > box.left) };
  }, points);
  assert.ok(burst.moves >= 7 && burst.inside, "one move over each year");
  assert.deepEqual(burst.atOnce, { year: "2024", tip: true, drawings: { chart: 0, overlay: 0 } }, "the readout is current before any frame; nothing drawn yet");
  assert.deepEqual(burst.afterFrame, { chart: 0, overlay: 1 }, "one drawing of the overlay for the whole burst, none of the chart");
  assert.notDeepEqual(await canvasPixels(p, "#t"), before, "the highlight is drawn");
  assert.deepEqual(await baseCanvasPixels(p, "#t"), chartBefore, "the chart under the highlight is as it was");
  await context.close();
});

test("a click on the plot pins that year and tipviz:select carries it", async () => {
  const { page: p, context } = await openPage(browser, `${base}/toggle.html`);
  await waitForState(p, "#t", "ready");
  const { at } = await sweep(p, "#t");
  await p.mouse.click(at.get("2021").x, at.get("2021").y);
  await p.mouse.move(0, 0);
  assert.equal(await p.getAttribute("#t", "data-active-year"), "2021", "the pin stays after the pointer leaves");
  const selected = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => e.detail));
  assert.equal(selected.length, 1);
  assert.equal(selected[0].year, 2021);
  assert.equal(selected[0].chart, "enforcement");
  assert.ok(selected[0].values.some((v) => v.startsWith("Prosecutions: ")));
  await context.close();
});

test("bad option values explain themselves inside their own box; the others still draw", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/bad.html`);
  await waitForState(p, "#ok", "ready");
  const message = (id) => shadow(p, id, (el) => el.shadowRoot.querySelector(".message").textContent);
  for (const id of ["#b1", "#b2", "#b3"]) await waitForState(p, id, "error");
  assert.match(await message("#b1"), /labor="forced" is not a value tipviz knows\. Accepted values: total, labor, both\./);
  assert.match(await message("#b2"), /years="2030-2031" cannot be used: no year in that range is in this table\./);
  assert.match(await message("#b3"), /metrics="victims,convictions" cannot be used: scope="regions" draws one metric per chart/);
  const { seen } = await sweep(p, "#ok");
  assert.equal(seen.size, 7);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the keyboard focus ring is drawn over the chart and stands out in light and dark", async () => {
  const { page: p, context } = await openPage(browser, `${base}/focus.html`);
  await waitForState(p, "#fl", "ready");
  await waitForState(p, "#fd", "ready");
  const focusedTag = (id) => shadow(p, id, (el) => el.shadowRoot.activeElement && el.shadowRoot.activeElement.tagName);
  for (const id of ["#fl", "#fd"]) {
    const canvas = p.locator(id).locator("canvas[role=img]");
    // Tab through the page (the previous widget's legend and download buttons) to this chart.
    for (let i = 0; i < 12 && (await focusedTag(id)) !== "CANVAS"; i++) await p.keyboard.press("Tab");
    assert.equal(await focusedTag(id), "CANVAS", `${id} has focus`);
    const focused = await canvas.screenshot();
    const colours = await shadow(p, id, (el) => {
      const c = el.shadowRoot.querySelector("canvas");
      const style = getComputedStyle(c);
      return { ring: style.outlineColor, style: style.outlineStyle, bg: getComputedStyle(el.shadowRoot.querySelector(".box")).backgroundColor };
    });
    // Same scroll position, focus removed: the pixels that change are the ring.
    await shadow(p, id, (el) => el.shadowRoot.activeElement.blur());
    const blurred = await canvas.screenshot();
    assert.notDeepEqual(focused, blurred, `${id}: the focus ring is visible over the chart`);
    assert.equal(colours.style, "solid");
    assert.ok(contrast(colours.ring, colours.bg) >= 3, `${id}: ring ${colours.ring} on ${colours.bg}`);
    await shadow(p, id, (el) => el.shadowRoot.querySelector("canvas").focus());
  }
  await context.close();
});
