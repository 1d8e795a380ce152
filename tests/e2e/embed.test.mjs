// The embed contract end to end: one script tag and one element on a page opened from disk or
// over http, at devicePixelRatio 1 and 2, read the way a user or a screen reader reads it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { makeSite, serve, launch, openPage, waitForState, shadow, screenshot, thousands, sweep, assertNothingLeaves, snapshot, pixelsDiffering } from "./harness.mjs";

const SEED_2025 = "001_bb56f66af96aedbd.txt";

const pages = {
  "one.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body><tip-chart id="c1" chart="enforcement"></tip-chart></body></html>`,
  "many.html": `<!doctype html><html><head><meta charset="utf-8"></head><body>
<tip-chart id="good" chart="enforcement"></tip-chart>
<div id="div" data-tipviz="enforcement" data-scope="africa" data-edition="2024"></div>
<tip-chart id="nochart" chart="nope"></tip-chart>
<tip-chart id="badedition" chart="enforcement" edition="1999"></tip-chart>
<tip-chart id="xss" chart="enforcement" scope="<img src=x onerror=alert(1)>"></tip-chart>
${Array.from({ length: 7 }, (_, i) => `<tip-chart id="n${i}" chart="enforcement" height="200"></tip-chart>`).join("\n")}
<script src="tipviz.js"></script></body></html>`,
  // The state each chart has when the page's next task runs and at its first frame.
  "first.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body><tip-chart id="c1" chart="enforcement"></tip-chart><script>
var chart = document.getElementById("c1");
window.__states = {};
setTimeout(function () { window.__states.nextTask = chart.getAttribute("data-tipviz-state"); }, 0);
requestAnimationFrame(function () { window.__states.firstFrame = chart.getAttribute("data-tipviz-state"); });
</script></body></html>`,
  // The layouts a CMS puts a chart in: beside a sidebar in a flex row, two in a row, at the
  // top of a tall flex column, in a grid column, in a block with margins.
  "layouts.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0;width:1200px">
<div style="display:flex"><div style="flex:0 0 200px">sidebar</div><tip-chart id="beside" chart="tier-summary"></tip-chart></div>
<div style="display:flex;gap:20px"><tip-chart id="left" chart="tier-summary"></tip-chart><tip-chart id="right" chart="enforcement"></tip-chart></div>
<div style="display:flex;flex-direction:column;height:1200px"><tip-chart id="column" chart="tier-summary"></tip-chart><p id="after">after</p></div>
<div style="display:flex"><tip-chart id="fixed" chart="tier-summary" style="flex:0 0 400px"></tip-chart></div>
<div style="display:grid;grid-template-columns:200px auto"><div>side</div><tip-chart id="grid" chart="tier-summary"></tip-chart></div>
<div><tip-chart id="margins" chart="tier-summary" style="margin:0 40px;padding:10px;border:2px solid"></tip-chart></div>
</body></html>`,
  // The page narrows the chart in the same script that added it, after it was connected.
  "narrowed.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body><script>
var chart = document.createElement("tip-chart");
chart.id = "c1";
chart.setAttribute("chart", "enforcement");
document.body.appendChild(chart);
chart.style.width = "320px";
</script></body></html>`,
  // Tooltips near every edge: a wide chart, and a phone-sized one with long sources.
  "tips.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:8px"><tip-chart id="wide" chart="enforcement"></tip-chart>
<div style="width:320px"><tip-chart id="narrow" chart="tier-summary"></tip-chart></div></body></html>`,
  // One chart of each kind, for the highlight layer.
  "kinds.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0;width:720px">
<tip-chart id="enforcement" chart="enforcement" height="360"></tip-chart>
<tip-chart id="ranked" chart="country-enforcement" height="360"></tip-chart>
<tip-chart id="peacekeeping" chart="peacekeeping" height="360"></tip-chart>
<tip-chart id="summary" chart="tier-summary" height="360"></tip-chart>
<tip-chart id="map" chart="tier-map" region="europe" height="360"></tip-chart>
<tip-chart id="changes" chart="tier-changes" height="360"></tip-chart>
<tip-chart id="matrix" chart="ratifications" height="360"></tip-chart>
<tip-chart id="history" chart="tier-history" country="JAM,MEX" height="360"></tip-chart></body></html>`,
  // Heights too small for the rows of a bar chart, the panels of a line chart, the tier rows of
  // tier-history and the map under its legend, and a height that fits.
  "short.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0;width:720px">
<tip-chart id="bars" chart="peacekeeping" height="200"></tip-chart>
<tip-chart id="lines" chart="enforcement" height="200"></tip-chart>
<tip-chart id="steps" chart="tier-history" country="JAM" height="200"></tip-chart>
<tip-chart id="map" chart="tier-map" height="200"></tip-chart>
<tip-chart id="region" chart="tier-map" region="europe" height="360"></tip-chart>
<tip-chart id="tall" chart="enforcement" height="420"></tip-chart></body></html>`,
  // A chart at the top, then charts and a bad one far down a long page.
  "long.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head>
<body style="margin:0;width:720px">
<tip-chart id="top" chart="enforcement"></tip-chart>
<div style="height:3000px"></div>
<tip-chart id="far" chart="tier-summary"></tip-chart>
<tip-chart id="farbad" chart="tier-summary" edition="1999"></tip-chart>
<div style="height:3000px"></div>
<tip-chart id="farther" chart="tier-map"></tip-chart>
<div style="height:3000px"></div>
<tip-chart id="farthest" chart="peacekeeping" height="900"></tip-chart></body></html>`,
  "esm.html": `<!doctype html><html><head><meta charset="utf-8"></head><body>
<tip-chart id="m" chart="enforcement" scope="europe"></tip-chart>
<tip-chart id="t" chart="enforcement" view="table"></tip-chart>
<script type="module">import TipViz from "./npm/tipviz.mjs"; window.__esm = TipViz;</script></body></html>`,
};

let browser, site, server;
before(async () => {
  site = makeSite(pages);
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origins = () => ({ file: pathToFileURL(site).href, http: server.origin });

async function onlyOwnFiles(log, base, page, context) {
  await assertNothingLeaves(page, context, log, base);
  // The browser's own favicon probe is not the page's doing.
  const foreign = log.requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(foreign, [], "requests outside the page's own files");
  const own = log.requests.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length).replace(/^\//, ""));
  assert.ok(own.every((p) => ["one.html", "many.html", "first.html", "narrowed.html", "esm.html", "tipviz.js", "npm/tipviz.mjs", "favicon.ico"].includes(p)), `unexpected: ${own}`);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
}

for (const scheme of ["file", "http"]) {
  for (const dpr of [1, 2]) {
    test(`one script tag and one element over ${scheme}:// at DPR ${dpr}`, async () => {
      const base = origins()[scheme];
      const { page, context, log } = await openPage(browser, `${base}/one.html`, { dpr });
      await waitForState(page, "#c1", "ready");

      const canvas = await shadow(page, "#c1", (el) => { const root = el.shadowRoot;
        const c = root.querySelector("canvas");
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let inked = 0, blue = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked++;
          // The first series colour (prosecutions), allowing for anti-aliasing.
          if (Math.abs(data[i] - 0) < 30 && Math.abs(data[i + 1] - 94) < 30 && Math.abs(data[i + 2] - 184) < 30) blue++;
        }
        return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, inked, blue };
      });
      assert.equal(canvas.width, Math.round(canvas.cssWidth * dpr), "backing store = CSS width × DPR");
      assert.equal(canvas.height, Math.round(canvas.cssHeight * dpr), "backing store = CSS height × DPR");
      assert.ok(canvas.inked > 5000 * dpr * dpr, `chart is drawn (${canvas.inked} inked pixels)`);
      assert.ok(canvas.blue > 200 * dpr, `prosecutions line is drawn (${canvas.blue} pixels)`);

      // Expected values come from the dataset the bundle carries, cross-checked by the data tests.
      const rows = await page.evaluate(async () => (await window.TipViz.data()).enforcement
        .filter((r) => r.edition === 2025 && r.scope === "global"));
      const cell = (year, metric) => rows.find((r) => r.year === year && r.metric === metric);
      assert.equal(cell(2024, "prosecutions").value, 15791, "2025 edition, 2024 prosecutions as printed");

      const { seen, at } = await sweep(page, "#c1");
      assert.deepEqual([...seen.keys()], ["2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
      for (const [yearText, sentence] of seen) {
        const year = Number(yearText);
        for (const [metric, label] of [["prosecutions", "Prosecutions"], ["convictions", "Convictions"], ["victims", "Victims identified"]]) {
          assert.ok(sentence.includes(`${label}: ${thousands(cell(year, metric).value)}`), `${year} ${metric} in: ${sentence}`);
        }
        assert.ok(sentence.includes(`2025 TIP Report, ${SEED_2025} line ${cell(year, "prosecutions").source.line}`), sentence);
      }
      // The corrected 2019 victims figure says what was printed and why.
      assert.match(seen.get("2019"), /Victims identified: 118,932 \(printed as 111,932; misprint\)/);

      // The tooltip shows the same year and values.
      await page.mouse.move(at.get("2024").x, at.get("2024").y);
      const tip = await shadow(page, "#c1", (el) => { const root = el.shadowRoot; const t = root.querySelector(".tip"); return { hidden: t.hidden, text: t.textContent }; });
      assert.equal(tip.hidden, false);
      assert.match(tip.text, /^2024Prosecutions: 15,791/);

      // Keyboard: Tab focuses the chart, arrows step through years, Escape clears.
      await page.mouse.move(0, 0);
      await page.keyboard.press("Tab");
      const focused = await shadow(page, "#c1", (el) => el.shadowRoot.activeElement && el.shadowRoot.activeElement.tagName);
      assert.equal(focused, "CANVAS");
      await page.keyboard.press("ArrowRight");
      assert.equal(await page.getAttribute("#c1", "data-active-year"), "2018");
      await page.keyboard.press("ArrowRight");
      const live2019 = await shadow(page, "#c1", (el) => el.shadowRoot.querySelector("[role=status]").textContent);
      assert.equal(live2019, seen.get("2019"));
      await page.keyboard.press("End");
      assert.equal(await page.getAttribute("#c1", "data-active-year"), "2024");
      await page.keyboard.press("Enter");
      const selected = await page.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select"));
      assert.equal(selected.length, 1);
      assert.equal(selected[0].detail.year, 2024);
      await page.keyboard.press("Escape");
      assert.equal(await page.getAttribute("#c1", "data-active-year"), null);
      assert.equal(await shadow(page, "#c1", (el) => el.shadowRoot.querySelector(".tip").hidden), true);

      await screenshot(page, "#c1", `one-${scheme}-dpr${dpr}.png`);
      await onlyOwnFiles(log, base, page, context);
      await context.close();
    });
  }
}

test("many widgets, script at the end of body, bad attributes contained", async () => {
  const base = origins().http;
  const { page, context, log } = await openPage(browser, `${base}/many.html`, { width: 900, height: 3000 });
  await page.evaluate(() => { window.__trap = 0; window.alert = () => { window.__trap++; }; });
  for (const id of ["good", "div", "n0", "n6"]) await waitForState(page, `#${id}`, "ready");
  for (const id of ["nochart", "badedition", "xss"]) await waitForState(page, `#${id}`, "error");

  const message = (id) => shadow(page, `#${id}`, (el) => el.shadowRoot.querySelector(".message").textContent);
  assert.equal(await message("nochart"),
    "This chart cannot be shown" + 'chart="nope" is not a value tipviz knows. Accepted values: enforcement, country-enforcement, tier-map, tier-history, tier-summary, tier-changes, ratifications, peacekeeping.');
  assert.match(await message("badedition"), /edition="1999" is not a value tipviz knows\. Accepted values: latest, compare, 2024, 2025\./);
  const xss = await message("xss");
  assert.ok(xss.includes('scope="<img src=x onerror=alert(1)>"'), xss);
  assert.match(xss, /Accepted values: global, regions, africa, east-asia-pacific, europe, near-east, south-central-asia, western-hemisphere\./);
  assert.equal(await shadow(page, "#xss", (el) => el.shadowRoot.querySelectorAll("img").length), 0, "markup stays text");

  const errors = await page.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:error"));
  assert.deepEqual(errors.map((e) => [e.id, e.detail.attribute]).sort(), [["badedition", "edition"], ["nochart", "chart"], ["xss", "scope"]]);

  // The data-* form draws the 2024 edition's Africa table.
  const divTitle = await shadow(page, "#div", (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-label"));
  assert.match(divTitle, /^Africa law-enforcement data/);

  // Attributes can change at any time: fixing a bad one recovers, changing a good one redraws.
  await page.evaluate(() => document.getElementById("badedition").setAttribute("edition", "2024"));
  await waitForState(page, "#badedition", "ready");
  await page.evaluate(() => document.getElementById("good").setAttribute("scope", "europe"));
  await page.waitForFunction(() => document.getElementById("good").shadowRoot.querySelector("canvas").getAttribute("aria-label").startsWith("Europe"));
  await page.evaluate(() => document.getElementById("div").setAttribute("data-scope", "near-east"));
  await page.waitForFunction(() => document.getElementById("div").shadowRoot.querySelector("canvas").getAttribute("aria-label").startsWith("Near East"));
  // A data-tipviz element taken out of the page lets go of its chart; put back, it draws again.
  await page.evaluate(() => { window.__div = document.getElementById("div"); window.__div.remove(); });
  await page.waitForFunction(() => window.__div.shadowRoot.childElementCount === 0);
  await page.evaluate(() => document.body.appendChild(window.__div));
  await waitForState(page, "#div", "ready");
  assert.match(await shadow(page, "#div", (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-label")), /^Near East/);
  // Breaking a good one leaves screen readers nothing of the old chart, only the message.
  const spoken = () => shadow(page, "#good", (el) => ({
    tables: el.shadowRoot.querySelectorAll("table").length,
    summary: el.shadowRoot.querySelector("p.sr").textContent,
    label: el.shadowRoot.querySelector("canvas").getAttribute("aria-label"),
  }));
  assert.equal((await spoken()).tables, 1);
  await page.evaluate(() => document.getElementById("good").setAttribute("scope", "mars"));
  await waitForState(page, "#good", "error");
  assert.deepEqual(await spoken(), { tables: 0, summary: "", label: null });
  await page.evaluate(() => document.getElementById("good").setAttribute("scope", "europe"));
  await waitForState(page, "#good", "ready");

  // Resizing the container re-lays out the chart.
  const before = await shadow(page, "#n0", (el) => el.shadowRoot.querySelector("canvas").width);
  await page.evaluate(() => { document.getElementById("n0").style.width = "420px"; });
  // The canvas fills the box inside its 1px border: 418 CSS pixels of a 420px element.
  await page.waitForFunction(() => document.getElementById("n0").shadowRoot.querySelector("canvas").width === 418);
  assert.notEqual(before, 418);

  assert.equal(await page.evaluate(() => window.__trap), 0, "no script from an attribute ran");
  await screenshot(page, "#xss", "bad-attribute.png");
  await onlyOwnFiles(log, base, page, context);
  await context.close();
});

test("in a flex row, beside another chart, in a grid or a block with margins, a chart fills its room; in a tall flex column it keeps its height", async () => {
  const { page: p, context, log } = await openPage(browser, `${origins().file}/layouts.html`, { width: 1200, height: 900 });
  const ids = ["beside", "left", "right", "column", "fixed", "grid", "margins"];
  for (const id of ids) await waitForState(p, `#${id}`, "ready");
  const boxes = await p.evaluate((list) => Object.fromEntries(list.map((id) => {
    const host = document.getElementById(id);
    const r = host.getBoundingClientRect(), c = host.shadowRoot.querySelector("canvas").getBoundingClientRect();
    return [id, { left: r.left, right: r.right, height: r.height, canvas: c.width, canvasHeight: c.height }];
  })), ids);
  // Beside a 200 px sidebar: the rest of the row, not the width of its buttons.
  assert.equal(boxes.beside.left, 200);
  assert.equal(boxes.beside.right, 1200);
  assert.ok(boxes.beside.canvas > 990, `${boxes.beside.canvas} px canvas`);
  // Two in a row share it.
  assert.ok(Math.abs((boxes.left.right - boxes.left.left) - (boxes.right.right - boxes.right.left)) <= 1, JSON.stringify([boxes.left, boxes.right]));
  assert.equal(boxes.right.right, 1200);
  // A tall column does not stretch the widget: its paragraph follows the chart.
  assert.ok(boxes.column.height < boxes.column.canvasHeight + 60, `a ${boxes.column.height} px host round a ${boxes.column.canvasHeight} px chart`);
  // What the page sets wins; a grid column and margins are kept.
  assert.equal(boxes.fixed.right - boxes.fixed.left, 400);
  assert.equal(boxes.grid.right, 1200);
  assert.deepEqual([boxes.margins.left, boxes.margins.right], [40, 1160]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a page load draws each chart once: no second drawing when nothing changed", async () => {
  // Counts drawings (each starts by filling the whole canvas) from the first script on.
  const init = () => {
    window.__drawings = 0;
    const fillRect = CanvasRenderingContext2D.prototype.fillRect;
    CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
      if (w === this.canvas.width && h === this.canvas.height) window.__drawings++;
      return fillRect.call(this, x, y, w, h);
    };
  };
  const { page: p, context } = await openPage(browser, `${server.origin}/one.html`, { init });
  await waitForState(p, "#c1", "ready");
  const drawings = await p.evaluate(() => new Promise((resolve) => {
    let frames = 0;
    const next = () => (++frames < 10 ? requestAnimationFrame(next) : resolve(window.__drawings));
    requestAnimationFrame(next);
  }));
  assert.equal(drawings, 1, "drawings of one chart over the load and ten frames after it");
  await context.close();
});

test("a chart narrowed in the script that added it is drawn at the narrower width", async () => {
  // The widget reads its width when it is connected (before its text is laid out); a page that
  // resizes it before the first draw must still get a chart that fits.
  const { page: p, context, log } = await openPage(browser, `${server.origin}/narrowed.html`);
  await waitForState(p, "#c1", "ready");
  const sizes = await p.evaluate(() => new Promise((resolve) => {
    let frames = 0;
    const next = () => {
      if (++frames < 5) { requestAnimationFrame(next); return; }
      const root = document.getElementById("c1").shadowRoot;
      resolve({ canvas: root.querySelector("canvas").getBoundingClientRect().width, box: root.querySelector(".box").clientWidth });
    };
    requestAnimationFrame(next);
  }));
  assert.equal(sizes.box, 318, "the box inside a 320 px host, within its 1 px border");
  assert.equal(sizes.canvas, sizes.box, "the canvas fills the box");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("moving within one item, the pointer never ends up under the tooltip; a chart scrolled half out of view shows its tooltip in view", async () => {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/tips.html`, { width: 900, height: 1400 });
  await waitForState(p, "#wide", "ready");
  const rectOf = (id) => shadow(p, id, (el) => {
    const tip = el.shadowRoot.querySelector(".tip"), c = el.shadowRoot.querySelector("canvas").getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    return { hidden: tip.hidden, left: t.left, right: t.right, top: t.top, bottom: t.bottom, canvas: { x: c.x, y: c.y, width: c.width, height: c.height }, active: el.getAttribute("data-active") };
  });
  const { canvas } = await rectOf("#wide");
  // Sweep left to right across the top panel, 6 px a move, without leaving the chart: several
  // moves stay on one year, which is wider than the 12 px gap beside the tooltip.
  const y = canvas.y + canvas.height * 0.3;
  let stays = 0, last = null;
  await p.mouse.move(canvas.x + 2, y);
  for (let x = canvas.x + 40; x < canvas.x + canvas.width - 10; x += 6) {
    await p.mouse.move(x, y);
    const t = await rectOf("#wide");
    if (t.hidden) continue;
    if (last === t.active) stays++;
    last = t.active;
    const under = x >= t.left - 1 && x <= t.right + 1 && y >= t.top - 1 && y <= t.bottom + 1;
    assert.ok(!under, `pointer at ${x.toFixed(0)} (${t.active}) under the tooltip ${JSON.stringify(t)}`);
  }
  assert.ok(stays > 20, `many moves within one year (${stays})`);

  // The phone-sized tier summary scrolled so that its top half is above the window: a readout
  // low in the chart goes below the pointer, where it can be read, not above it off screen.
  const { page: q, context: phone } = await openPage(browser, `${server.origin}/tips.html`, { width: 360, height: 520 });
  await waitForState(q, "#narrow", "ready");
  // 900 px tall, so that 500 px of it stay in view below the window's top.
  await q.evaluate(() => {
    document.getElementById("narrow").setAttribute("height", "900");
    document.body.appendChild(document.createElement("div")).style.height = "2000px";
  });
  await q.waitForFunction(() => document.getElementById("narrow").shadowRoot.querySelector("canvas").getBoundingClientRect().height >= 890);
  const top = await q.evaluate(() => document.getElementById("narrow").getBoundingClientRect().top + scrollY);
  await q.evaluate((t) => scrollTo(0, t + 400), top);
  const seen = await shadow(q, "#narrow", (el) => { const c = el.shadowRoot.querySelector("canvas").getBoundingClientRect(); return { x: c.x, y: c.y, bottom: c.bottom }; });
  assert.ok(seen.y < -350 && seen.bottom > 480, `the chart's top is out of view, its rest fills the window (${JSON.stringify(seen)})`);
  let checked = 0;
  for (const fx of [0.25, 0.4, 0.55]) {
    for (let vy = 20; vy <= 200; vy += 12) {
      await q.mouse.move(1, 1);
      await q.mouse.move(seen.x + 320 * fx, vy);
      const t = await shadow(q, "#narrow", (el) => { const tip = el.shadowRoot.querySelector(".tip"), r = tip.getBoundingClientRect(); return { hidden: tip.hidden, top: r.top, bottom: r.bottom, height: r.height }; });
      if (t.hidden) continue;
      checked++;
      assert.ok(t.top >= -0.5 && t.bottom <= 520.5, `tooltip in the window at ${fx}, ${vy}: ${JSON.stringify(t)}`);
    }
  }
  assert.ok(checked >= 3, `tooltips shown (${checked})`);
  assert.deepEqual(log.pageErrors, []);
  await phone.close();
  await context.close();
});

test("the tooltip stays inside the chart and clear of the pointer: beside it, or across the chart above or below it when the sides are narrow", async () => {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/tips.html`, { width: 900, height: 1400 });
  for (const id of ["#wide", "#narrow"]) {
    await waitForState(p, id, "ready");
    const canvas = await shadow(p, id, (el) => { const r = el.shadowRoot.querySelector("canvas").getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
    let shown = 0, leftOf = null, across = null;
    for (let fy = 0.05; fy < 1; fy += 0.15) {
      for (let fx = 0.03; fx < 1; fx += 0.06) {
        const x = canvas.x + canvas.width * fx, y = canvas.y + canvas.height * fy;
        // From outside the chart, so the item under the pointer becomes active here (within
        // one item the tooltip stays where the item was entered).
        await p.mouse.move(1, 1);
        await p.mouse.move(x, y);
        const got = await shadow(p, id, (el) => {
          const root = el.shadowRoot, tip = root.querySelector(".tip"), box = root.querySelector(".box");
          if (tip.hidden) return null;
          const t = tip.getBoundingClientRect(), b = box.getBoundingClientRect();
          // The box's padding edge, where the widget places things, 4 px in from it, down to
          // 4 px above the chart's bottom (the download buttons are under it).
          const zone = { left: b.left + box.clientLeft + 4, top: b.top + box.clientTop + 4 };
          zone.right = zone.left + box.clientWidth - 8;
          zone.bottom = root.querySelector("canvas[role=img]").getBoundingClientRect().bottom - 4;
          return { tip: { left: t.left, right: t.right, top: t.top, bottom: t.bottom, width: t.width, height: t.height }, zone, spill: tip.scrollWidth - tip.clientWidth };
        });
        if (!got) continue;
        shown++;
        const { tip, zone, spill } = got;
        const where = `${id} pointer at ${fx.toFixed(2)}, ${fy.toFixed(2)}: tooltip ${JSON.stringify(tip)} in ${JSON.stringify(zone)}`;
        assert.ok(tip.left >= zone.left - 0.5 && tip.right <= zone.right + 0.5, `inside horizontally; ${where}`);
        assert.ok(tip.top >= zone.top - 0.5 && tip.bottom <= zone.bottom + 0.5, `inside vertically, not cut at the chart's edge; ${where}`);
        // A long file name wraps inside the tooltip rather than running past its edge.
        assert.ok(spill <= 0, `no text past the tooltip's edge (${spill} px); ${where}`);
        // Never a column of two or three words a line: at least 240 px wide, or a few lines.
        assert.ok(tip.width >= 240 - 0.5 || tip.height <= 6 * 17 + 14 || tip.width >= zone.right - zone.left - 0.5, `readable width; ${where}`);
        const besideRight = Math.abs(tip.left - (x + 12)) <= 1, besideLeft = Math.abs(tip.right - (x - 12)) <= 1;
        if (besideRight || besideLeft) {
          // Beside: 12 px right of the pointer, or left of it when there is more room there
          // (and less than a usual tooltip on the right); the top 8 px above the pointer,
          // unless that would cross the chart's top or bottom.
          const roomRight = zone.right - (x + 12), roomLeft = x - 12 - zone.left;
          const rightFirst = roomRight >= 320 || roomRight >= roomLeft;
          if (besideLeft) leftOf = { x, y };
          if (besideRight !== rightFirst) {
            // Only when the first side has no readable room.
            assert.ok((rightFirst ? roomRight : roomLeft) < 240, `the side with more room first; ${where}`);
          }
          assert.ok(tip.width <= Math.max(120, besideRight ? roomRight : roomLeft) + 0.5, `as wide as the room on its side at most; ${where}`);
          const top = Math.max(zone.top, Math.min(y - 8, zone.bottom - tip.height));
          assert.ok(Math.abs(tip.top - top) <= 1, `8 px above the pointer or against an edge; ${where}`);
        } else {
          // Across the chart: 12 px above or below the pointer, never over it.
          assert.ok(tip.bottom <= y - 12 + 1 || tip.top >= y + 12 - 1, `above or below the pointer, clear of it; ${where}`);
          across = { x, y };
        }
        if (id === "#wide") assert.ok(tip.width <= 320 + 0.5, `a short readout keeps the usual width; ${where}`);
      }
    }
    assert.ok(shown >= 10, `${id}: tooltips shown at ${shown} points`);
    // For a reader to look at: the last place where the tooltip went left of the pointer on
    // the wide chart, and across the phone-sized one.
    const look = id === "#wide" ? leftOf : across;
    assert.ok(look, `${id}: some tooltip went ${id === "#wide" ? "left of the pointer" : "above or below it"}`);
    await p.mouse.move(1, 1);
    await p.mouse.move(look.x, look.y);
    await screenshot(p, id, `tooltip-${id.slice(1)}-${id === "#wide" ? "left-of-pointer" : "across"}.png`);
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a chart is drawn before the page's next task: the first frame never shows it loading", async () => {
  // The engine is inflated, compiled and started in the script's own microtasks, and the chart
  // drawn in the microtask after its element is parsed (an asynchronous start painted an empty
  // box first and drew a frame or more later).
  const { page: p, context, log } = await openPage(browser, `${server.origin}/first.html`);
  await p.waitForFunction(() => window.__states.firstFrame !== undefined && window.__states.nextTask !== undefined);
  assert.deepEqual(await p.evaluate(() => window.__states), { nextTask: "ready", firstFrame: "ready" });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("a chart far down a long page waits to be drawn until it comes near the window, the browser is idle, or the page prints", async () => {
  // Idle callbacks never come here, so only scrolling and printing can draw the far charts.
  const noIdle = () => { window.requestIdleCallback = () => 0; };
  const { page: p, context, log } = await openPage(browser, `${server.origin}/long.html`, { init: noIdle, height: 800 });
  await waitForState(p, "#top", "ready");
  // Its attributes are read at once: a bad one says so without waiting.
  await waitForState(p, "#farbad", "error");
  const inked = (sel) => shadow(p, sel, (el) => {
    const c = el.shadowRoot.querySelector("canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
    return n;
  });
  await p.waitForTimeout(500);
  assert.equal(await p.getAttribute("#far", "data-tipviz-state"), "loading");
  assert.equal(await inked("#far"), 0, "nothing drawn far down the page");
  // Already named for a screen reader.
  assert.match(await shadow(p, "#far", (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-label") || ""), /^Tier placements by region/);
  // Its box already holds about the chart's height, so the page below it moves little.
  const reserved = (await p.locator("#far").boundingBox()).height;
  assert.ok(reserved >= 300, `reserved ${reserved} px`);
  // Scrolled to within a screen of it: drawn, readable, the others still waiting.
  await p.evaluate(() => document.getElementById("far").scrollIntoView());
  await waitForState(p, "#far", "ready");
  assert.ok(await inked("#far") > 10000, "drawn once near");
  assert.match(await shadow(p, "#far", (el) => el.shadowRoot.querySelector(".sr table")?.textContent || ""), /Africa/);
  assert.equal(await p.getAttribute("#farther", "data-tipviz-state"), "loading");
  // Keyboard focus draws it, even where the page keeps it from scrolling into view.
  await shadow(p, "#farther", (el) => el.shadowRoot.querySelector("canvas").focus({ preventScroll: true }));
  await waitForState(p, "#farther", "ready");
  assert.equal(await p.getAttribute("#farthest", "data-tipviz-state"), "loading");
  // A height the page sets is reserved as it is, so nothing below moves when it is drawn.
  const canvasHeight = (sel) => shadow(p, sel, (el) => Math.round(el.shadowRoot.querySelector("canvas").getBoundingClientRect().height));
  assert.equal(await canvasHeight("#farthest"), 900);
  // Printing draws every chart, however far down.
  await p.emulateMedia({ media: "print" });
  await waitForState(p, "#farthest", "ready");
  assert.equal(await canvasHeight("#farthest"), 900);
  await p.emulateMedia({ media: "screen" });
  assert.deepEqual(log.pageErrors, []);
  await context.close();

  // With idle time, every chart is drawn soon without scrolling, in page order.
  const second = await openPage(browser, `${server.origin}/long.html`, { height: 800 });
  await waitForState(second.page, "#farthest", "ready");
  assert.equal(await second.page.evaluate(() => window.scrollY), 0);
  const order = await second.page.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:ready").map((e) => e.id));
  assert.deepEqual(order, ["top", "far", "farther", "farthest"]);
  await second.context.close();
});

test("TipViz.mount returns a handle with update, csv, png and destroy", async () => {
  const base = origins().file;
  const { page, context, log } = await openPage(browser, `${base}/one.html`);
  await waitForState(page, "#c1", "ready");
  const result = await page.evaluate(async () => {
    const host = document.createElement("div");
    host.id = "mounted";
    document.body.appendChild(host);
    const handle = window.TipViz.mount(host, { chart: "enforcement", scope: "south-central-asia", metrics: ["convictions"] });
    await new Promise((resolve) => host.addEventListener("tipviz:ready", resolve, { once: true }));
    const csv = handle.csv();
    handle.update({ edition: "2024" });
    const csv2024 = handle.csv();
    const png = handle.png();
    handle.destroy();
    return { version: window.TipViz.version, csv, csv2024, png: png.slice(0, 22), emptied: host.shadowRoot.childNodes.length };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  const lines = result.csv.trim().split("\r\n");
  assert.equal(lines[0], "edition,scope,year,metric,value,printed,note,source_file,source_line");
  assert.equal(lines.length, 1 + 7, "one row per drawn value: 7 years of convictions");
  assert.ok(lines.slice(1).every((l) => l.startsWith("2025,south-central-asia,") && l.includes(",convictions,") && l.includes(SEED_2025)));
  assert.ok(result.csv2024.split("\r\n")[1].startsWith("2024,south-central-asia,2017,convictions,"));
  assert.equal(result.png, "data:image/png;base64,");
  assert.equal(result.emptied, 0);
  await onlyOwnFiles(log, base, page, context);
  await context.close();
});

test("the ES module build renders, and TipViz.csv gives every table with its sources", async () => {
  const base = origins().http;
  const { page, context, log } = await openPage(browser, `${base}/esm.html`);
  await waitForState(page, "#m", "ready");
  await waitForState(page, "#t", "ready");
  // view="table": no canvas, a visible table of the same facts, and the summary for screen readers.
  const asTable = await shadow(page, "#t", (el) => ({
    canvasHidden: el.shadowRoot.querySelector("canvas").hidden,
    rows: [...el.shadowRoot.querySelectorAll(".table tbody tr")].map((tr) => tr.textContent),
    head: [...el.shadowRoot.querySelectorAll(".table thead th")].map((th) => th.textContent),
    summary: el.shadowRoot.querySelector("p.sr").textContent,
    tables: el.shadowRoot.querySelectorAll("table").length,
  }));
  assert.equal(asTable.canvasHidden, true);
  assert.equal(asTable.tables, 1, "the visible table has no hidden twin to be read twice");
  assert.deepEqual(asTable.head, ["Year", "Prosecutions", "Convictions", "Victims identified", "Source"]);
  assert.equal(asTable.rows.length, 7);
  assert.match(asTable.rows[6], /^202415,7917,975102,0272025 TIP Report, 001_bb56f66af96aedbd\.txt line 789$/);
  assert.match(asTable.summary, /Prosecutions rose from 11,096 in 2018 to 15,791 in 2024\./);
  const result = await page.evaluate(async () => {
    const TipViz = window.__esm;
    const data = await TipViz.data();
    const tables = Object.keys(data).filter((k) => Array.isArray(data[k]));
    const csv = {};
    for (const t of tables) csv[t] = { text: await TipViz.csv(t), rows: data[t].length };
    let unknown = null;
    try { await TipViz.csv("nope"); } catch (e) { unknown = e.message; }
    return { tables, csv, unknown, label: document.getElementById("m").shadowRoot.querySelector("canvas").getAttribute("aria-label") };
  });
  assert.match(result.label, /^Europe law-enforcement data/);
  for (const t of ["countries", "tiers", "enforcement", "country_enforcement", "ratifications", "protocol_parties", "peacekeeping", "sources"]) {
    assert.ok(result.tables.includes(t), `table ${t} exported`);
  }
  for (const [name, { text, rows }] of Object.entries(result.csv)) {
    const lines = text.trimEnd().split("\r\n");
    assert.ok(rows > 0, `${name} has rows`);
    if (name !== "sources" && name !== "countries") {
      assert.ok(lines[0].split(",").includes("source_file") && lines[0].split(",").includes("source_line"), `${name}: ${lines[0]}`);
    }
  }
  // Kazakhstan's 2025 tier is a correction: the CSV says so next to the value.
  const tiers = result.csv.tiers.text;
  assert.match(tiers, /\r\nKAZ,2025,2,corrected,Kazakhstan,,"corrected: missing from the global list/);
  assert.match(result.unknown, /unknown table "nope"; tables: .*tiers/);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

// A hover draws the highlight on a canvas of its own, over the chart's, so the chart is not
// drawn again for it; the charts whose highlight changes their whole drawing (tier-changes
// fades the other bands, a ratifications cell marks its row and column, tier-history's steps
// run under the guide) draw the chart again instead. Either way the reader sees the highlight,
// and the PNG download has what the reader sees.
test("every chart kind shows its highlight; where it is on the overlay the chart under it is not redrawn; the PNG has it", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/kinds.html`, { height: 800 });
  const snap = (id, key, composed) => snapshot(p, `#${id}`, key, { composed });
  const differing = (a, b) => pixelsDiffering(p, a, b);
  const expected = { enforcement: true, ranked: true, peacekeeping: true, summary: true, map: true, changes: false, matrix: false, history: false };
  for (const [id, layered] of Object.entries(expected)) {
    await waitForState(p, `#${id}`, "ready");
    await p.locator(`#${id}`).scrollIntoViewIfNeeded();
    await snap(id, "seen", true);
    await snap(id, "chart", false);
    // Nothing highlighted: the overlay is hidden, unless it has something of its own (the
    // enforcement chart's correction rings), so it holds no pixels before a first hover.
    const overlayShownIdle = () => shadow(p, `#${id}`, (el) => !el.shadowRoot.querySelector("canvas.overlay").hidden);
    assert.equal(await overlayShownIdle(), id === "enforcement", `${id}: the overlay is shown before a hover only where it has rings`);
    // Counts drawings of the chart's own canvas (each starts by filling all of it).
    await shadow(p, `#${id}`, (el) => {
      const canvas = el.shadowRoot.querySelector("canvas[role=img]");
      window.__chartDrawings = 0;
      canvas.getContext("2d").fillRect = function (x, y, w, h) {
        if (w === canvas.width && h === canvas.height) window.__chartDrawings++;
        return CanvasRenderingContext2D.prototype.fillRect.call(this, x, y, w, h);
      };
    });
    // The first place on a grid over the chart that makes something active. Whole pixels: a
    // click's offsetX/Y are rounded, a move's are not, and the two must hit the same item.
    const box = await p.locator(`#${id}`).boundingBox();
    let at = null;
    for (let fy = 0.3; fy < 0.9 && !at; fy += 0.05) {
      for (let fx = 0.15; fx < 0.9 && !at; fx += 0.05) {
        const point = { x: Math.round(box.x + box.width * fx), y: Math.round(box.y + box.height * fy) };
        await p.mouse.move(point.x, point.y);
        if (await p.locator(`#${id}`).getAttribute("data-active")) at = point;
      }
    }
    assert.ok(at, `${id}: something is active under the pointer`);
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await overlayShownIdle(), layered, `${id}: the overlay is shown only where it holds the highlight`);
    await snap(id, "hovered", true);
    await snap(id, "hoveredChart", false);
    assert.ok(await differing("seen", "hovered") > 0, `${id}: the highlight shows`);
    const chartDrawings = await p.evaluate(() => window.__chartDrawings);
    if (layered) {
      assert.equal(chartDrawings, 0, `${id}: hovering never drew the chart's own canvas`);
      assert.equal(await differing("chart", "hoveredChart"), 0, `${id}: the chart under the highlight is as it was`);
    } else {
      assert.ok(chartDrawings > 0, `${id}: the chart is drawn again with its highlight`);
      assert.ok(await differing("chart", "hoveredChart") > 0, `${id}: and the drawing changed`);
    }
    await shadow(p, `#${id}`, (el) => { delete el.shadowRoot.querySelector("canvas[role=img]").getContext("2d").fillRect; });
    // The pointer leaves: nothing is highlighted, and the overlay is hidden again.
    await p.mouse.move(1, 1);
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await overlayShownIdle(), id === "enforcement", `${id}: the overlay is hidden again once the pointer left`);
    await snap(id, "left", true);
    assert.equal(await differing("seen", "left"), 0, `${id}: and the chart looks as before the hover`);
    // Pinned by a click, the highlight stays when the pointer goes to the download button.
    await p.mouse.click(at.x, at.y);
    await snap(id, "pinned", true);
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.locator(`#${id}`).getByRole("button", { name: "Download PNG" }).click(),
    ]);
    const png = "data:image/png;base64," + readFileSync(await download.path()).toString("base64");
    await p.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const c = document.createElement("canvas");
      c.width = image.width;
      c.height = image.height;
      const context = c.getContext("2d");
      context.drawImage(image, 0, 0);
      window.__snaps.png = context.getImageData(0, 0, c.width, c.height).data;
    }, png);
    assert.equal(await differing("pinned", "png"), 0, `${id}: the PNG is what the reader sees, highlight included`);
    assert.ok(await differing("chart", "png") > 0, `${id}: the PNG has the highlight`);
    await screenshot(p, `#${id}`, `overlay-${id}-pinned.png`);
  }
  await context.close();
});

// A readout pinned near the chart's bottom stays over the chart: it used to cover the download
// buttons under it, which the pointer then goes to.
test("a readout pinned at the chart's bottom leaves the download buttons in view", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/short.html`);
  for (const id of ["#bars", "#lines"]) {
    await waitForState(p, id, "ready");
    await p.locator(id).scrollIntoViewIfNeeded();
    const canvas = await p.locator(`${id} canvas[role=img]`).boundingBox();
    // The lowest place over the chart that makes something active, then a click pins it.
    let at = null;
    for (let y = canvas.y + canvas.height - 4; y > canvas.y + canvas.height / 2 && !at; y -= 4) {
      await p.mouse.move(canvas.x + canvas.width * 0.6, y);
      if (await p.locator(id).getAttribute("data-active")) at = y;
    }
    assert.ok(at, `${id}: something is active near the bottom`);
    await p.mouse.click(canvas.x + canvas.width * 0.6, at);
    const button = p.locator(id).getByRole("button", { name: "Download PNG" });
    await button.hover();
    const rects = await shadow(p, id, (el) => {
      const rect = (node) => { const r = node.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
      const tip = el.shadowRoot.querySelector(".tip");
      return { tip: tip.hidden ? null : rect(tip), bar: rect(el.shadowRoot.querySelector(".bar")), canvas: rect(el.shadowRoot.querySelector("canvas[role=img]")) };
    });
    assert.ok(rects.tip, `${id}: the pinned readout stays shown`);
    assert.ok(rects.tip.bottom <= rects.canvas.bottom, `${id}: the readout ends on the chart: ${JSON.stringify(rects)}`);
    assert.ok(rects.tip.bottom <= rects.bar.top, `${id}: and above the buttons`);
    await screenshot(p, id, `pinned-bottom-${id.slice(1)}.png`);
  }
  await context.close();
});

// Rows drawn below the canvas used to pile up on its bottom edge, text over text: a height too
// small for a chart's rows is raised to what they need, and a chart that scales keeps it.
test("a height too small for a chart's rows, panels or map is raised to fit them; a height that fits is kept", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/short.html`);
  for (const id of ["#bars", "#lines", "#steps", "#map", "#region", "#tall"]) await waitForState(p, id, "ready");
  const heightOf = (id) => shadow(p, id, (el) => el.shadowRoot.querySelector("canvas[role=img]").getBoundingClientRect().height);
  assert.equal(await heightOf("#tall"), 420);
  const map = await heightOf("#map");
  assert.ok(map > 280 && map < 420, `the map's legend and notes take most of 200 px; a frame under them needs more: ${map}`);
  // The enforcement chart's two panels under its heading and legend each keep a plot with
  // room for three tick labels; tier-history's five tier rows keep a line and a half each.
  const lines = await heightOf("#lines");
  assert.ok(lines > 260 && lines < 360, `two panels need more than 200 px, and no more than their minimum: ${lines}`);
  const steps = await heightOf("#steps");
  assert.ok(steps > 200 && steps < 300, `five tier rows under a three-line subtitle and a legend: ${steps}`);
  await screenshot(p, "#lines", "short-height-raised-lines.png");
  await screenshot(p, "#steps", "short-height-raised-steps.png");
  await screenshot(p, "#map", "short-height-raised-map.png");
  // Europe in a 720 × 360 box spanned Canada to Japan, Europe a third of it: a region's frame
  // is kept deep enough that the view shows at most half as much again of its neighbours.
  const region = await heightOf("#region");
  assert.ok(region > 420 && region < 640, `Europe's frame needs more than 360 px, and no more than its preferred height: ${region}`);
  await screenshot(p, "#region", "short-height-raised-region.png");
  const bars = await heightOf("#bars");
  assert.ok(bars > 400, `peacekeeping's 18 rows and three headings need more than 200 px: ${bars}`);
  // The last row is on the canvas: End steps to it, and its readout sits inside the chart.
  await p.locator("#bars canvas[role=img]").focus();
  await p.keyboard.press("End");
  assert.match(await p.locator("#bars").getAttribute("data-active"), /^UN, 2024: victims identified/);
  const tip = await shadow(p, "#bars", (el) => {
    const box = el.shadowRoot.querySelector("canvas[role=img]").getBoundingClientRect();
    const t = el.shadowRoot.querySelector(".tip").getBoundingClientRect();
    return { top: t.top - box.top, height: box.height };
  });
  assert.ok(tip.top < tip.height - 20, `the last row's readout is inside the canvas: ${JSON.stringify(tip)}`);
  await screenshot(p, "#bars", "short-height-raised.png");
  await context.close();
});
