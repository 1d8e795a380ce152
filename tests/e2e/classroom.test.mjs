// The classroom page (www/classroom.html) opened from disk, as from a USB stick: one chart
// filling the window in large type, one click to switch chart, edition, language and theme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { makeSite, launch, openPage, waitForState, shadow, repo, shotsDir } from "./harness.mjs";

const require = createRequire(join(repo, "package.json"));
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const www = (name) => readFileSync(join(repo, "www", name), "utf8");

let browser, site;
before(async () => {
  site = makeSite({ "classroom.html": www("classroom.html"), "classroom.js": www("classroom.js"), "classroom.css": www("classroom.css") });
  browser = await launch();
});
after(async () => { await browser?.close(); });

const url = (hash = "") => `${pathToFileURL(site).href}/classroom.html${hash}`;

// The chart's state once it has settled after a click.
async function settled(p) {
  await p.waitForFunction(() => {
    const c = document.getElementById("chart");
    return c.getAttribute("data-tipviz-state") === "ready" && c.shadowRoot.querySelector("canvas").getAttribute("aria-label");
  }, null, { timeout: 15000 });
  // fit() may set a new height after ready; wait for the redraw it causes.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p.evaluate(() => {
    const c = document.getElementById("chart");
    const canvas = c.shadowRoot.querySelector("canvas");
    const rect = c.getBoundingClientRect();
    const px = canvas.getContext("2d").getImageData(2, 2, 1, 1).data;
    return {
      chart: c.getAttribute("chart"), lang: c.getAttribute("lang"), theme: c.getAttribute("theme"),
      label: canvas.getAttribute("aria-label"), rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      zoom: canvas.currentCSSZoom, backing: canvas.width, local: canvas.clientWidth, hostLocal: c.shadowRoot.querySelector(".box").clientWidth, corner: [px[0], px[1], px[2]],
      pressed: [...document.querySelectorAll("button[aria-pressed=true]")].map((b) => b.textContent),
      scroll: document.scrollingElement.scrollHeight - innerHeight, htmlLang: document.documentElement.lang,
      // The height the page gave the chart, and the one it drew at (more when its rows need it).
      asked: Number(c.getAttribute("height")), drawn: parseFloat(canvas.style.height),
    };
  });
}

const click = (p, name) => p.getByRole("button", { name, exact: true }).click();

test("from disk: the chart fills the window beside the buttons, crisp and in large type", async () => {
  const { page: p, context, log } = await openPage(browser, url(), { width: 1280, height: 800 });
  const s = await settled(p);
  assert.equal(s.chart, "enforcement");
  assert.ok(s.rect.right >= 1280 - 20 && s.rect.bottom >= 800 - 24 && s.rect.top <= 16, `fills the window: ${JSON.stringify(s.rect)}`);
  assert.ok((s.rect.right - s.rect.left) * (s.rect.bottom - s.rect.top) >= 0.6 * 1280 * 800, "at least 60% of the window");
  assert.ok(s.scroll <= 0, "no scrolling");
  assert.ok(s.zoom >= 1.2, `labels enlarged (zoom ${s.zoom})`);
  assert.equal(s.backing, Math.round(s.local * s.zoom), "drawn at the zoomed resolution, not blown up");
  // Large for a projector, though a little smaller on a short screen so the whole panel fits
  // (see the next test); 19 px on a taller one.
  assert.ok(await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector("button")).fontSize)) >= 17, "large buttons");
  assert.deepEqual(log.requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), [], "nothing fetched");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await p.screenshot({ path: join(shotsDir, "classroom-en-light.png") });
  await context.close();
});

// A laptop or projector of 1280 × 800 or 1366 × 768: every chart's panel, in every language,
// shows all its buttons down to the theme without scrolling (at 19 px the regions and editions
// pushed Language and Theme below the window); a taller screen keeps 19 px type.
test("on a short wide screen the whole panel fits without scrolling, for every chart and language", async () => {
  for (const [width, height] of [[1280, 800], [1366, 768]]) {
    const { page: p, context, log } = await openPage(browser, url(), { width, height });
    await settled(p);
    for (const lang of ["English", "Français", "Español"]) {
      await click(p, lang);
      await settled(p);
      const charts = await p.evaluate(() => [...document.querySelectorAll("#charts button")].map((b) => b.textContent));
      assert.equal(charts.length, 8);
      for (const chart of charts) {
        await click(p, chart);
        await settled(p);
        const fit = await p.evaluate(() => {
          const header = document.getElementById("controls"), themes = document.querySelectorAll("#themes button");
          return { scroll: header.scrollHeight - header.clientHeight, lastBottom: themes[themes.length - 1].getBoundingClientRect().bottom, height: innerHeight };
        });
        assert.ok(fit.scroll <= 0 && fit.lastBottom <= fit.height, `${width}×${height} ${lang} ${chart}: ${JSON.stringify(fit)}`);
      }
    }
    assert.ok(await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector("button")).fontSize)) >= 17);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
  const { page: p, context } = await openPage(browser, url(), { width: 1920, height: 1080 });
  await settled(p);
  assert.equal(await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector("button")).fontSize)), 19);
  await context.close();
});

// Opened at a chart whose rows need more height than the large type leaves (the widget grows
// past the height the page gave it): the page zooms it less, so it still fits the window.
test("opened at the countries' counts, the chart zooms less so its rows fit the window", async () => {
  const { page: p, context } = await openPage(browser, url("#chart=country-enforcement&lang=en&theme=light"), { width: 1280, height: 800 });
  const s = await settled(p);
  assert.equal(s.chart, "country-enforcement");
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await settled(p);
  assert.equal(after.drawn, after.asked, "drawn at the height the page gave it");
  assert.ok(after.zoom >= 1 && after.rect.bottom <= 800 && after.scroll <= 0, `fits the window: ${JSON.stringify(after)}`);
  await context.close();
});

test("one click switches the chart and its editions, regions or countries; the choice is kept in the address", async () => {
  const { page: p, context, log } = await openPage(browser, url(), { width: 1280, height: 800 });
  await settled(p);
  const seen = new Set();
  for (const [name, chart] of [["Countries' counts, 2019", "country-enforcement"], ["World map of tiers", "tier-map"],
    ["A country's tier over time", "tier-history"], ["Tiers by region", "tier-summary"], ["Who moved tier", "tier-changes"],
    ["Conventions", "ratifications"], ["Peacekeepers", "peacekeeping"], ["Prosecutions and convictions", "enforcement"]]) {
    await click(p, name);
    const s = await settled(p);
    assert.equal(s.chart, chart);
    assert.ok(s.pressed.includes(name), `${name} is shown pressed`);
    // A chart whose rows need more than the window, even at 1×, is drawn at 1× at the height
    // they need and the page scrolls; rows are never squeezed off the canvas.
    if (s.drawn > s.asked) {
      assert.equal(s.zoom, 1, `${chart}: taller than its rows allow at 1×, so not zoomed`);
      assert.ok(s.rect.bottom > 800 && s.scroll > 0, `${chart}: the page scrolls to the chart's last row`);
    } else {
      assert.ok(s.rect.bottom >= 800 - 24 && s.scroll <= 0, `${chart} fills the window`);
    }
    // Drawn for the box it is in, inside its border (not wider, clipped) at the zoomed
    // resolution (not blurred).
    assert.equal(s.local, s.hostLocal, `${chart}: canvas as wide as the widget`);
    assert.equal(s.backing, Math.round(s.local * s.zoom), `${chart}: crisp`);
    seen.add(s.label);
  }
  assert.equal(seen.size, 8, "eight different charts");

  await click(p, "World map of tiers");
  assert.match((await settled(p)).label, /^Tier placements in the 2025 TIP Report/);
  await click(p, "2024");
  assert.match((await settled(p)).label, /^Tier placements in the 2024 TIP Report/);
  await click(p, "Europe");
  let s = await settled(p);
  assert.match(s.label, /2024 TIP Report: Europe/);
  assert.ok(s.pressed.includes("2024") && s.pressed.includes("Europe") && !s.pressed.includes("2025"), s.pressed.join(", "));

  await click(p, "Who moved tier");
  await click(p, "2001 → 2002");
  assert.match((await settled(p)).label, /^Tier changes, 2001 to 2002/);
  await click(p, "A country's tier over time");
  assert.match((await settled(p)).label, /Jamaica, Kazakhstan and Mexico/);
  await click(p, "Myanmar, Thailand");
  assert.match((await settled(p)).label, /Burma|Myanmar/);
  await click(p, "Prosecutions and convictions");
  await click(p, "Both editions");
  assert.equal(await p.getAttribute("#chart", "edition"), "compare");
  assert.match(await p.evaluate(() => location.hash), /chart=enforcement&edition=compare/);

  // Reopened with that address, the page shows the same chart.
  await p.reload();
  s = await settled(p);
  assert.equal(s.chart, "enforcement");
  assert.ok(s.pressed.includes("Both editions"));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("language and theme switch in one click; everything is reachable and operable from the keyboard", async () => {
  const { page: p, context, log } = await openPage(browser, url("#chart=tier-map"), { width: 1280, height: 800 });
  let s = await settled(p);
  assert.deepEqual(s.corner, [255, 255, 255]);
  await click(p, "Français");
  s = await settled(p);
  assert.equal(s.lang, "fr");
  assert.equal(s.htmlLang, "fr");
  assert.match(s.label, /^Catégories du Rapport TIP 2025/);
  assert.ok(s.pressed.includes("Carte des catégories"), "the page's own words in French");
  await click(p, "Sombre");
  s = await settled(p);
  assert.equal(s.theme, "dark");
  assert.deepEqual(s.corner, [24, 26, 31], "the chart is dark");
  assert.equal(s.local, s.hostLocal, "after switching language and theme, the chart still fits its box");
  assert.equal(s.backing, Math.round(s.local * s.zoom));
  assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(17, 19, 24)", "and so is the page");
  await p.screenshot({ path: join(shotsDir, "classroom-fr-dark.png") });

  // Keyboard only: Tab to a chart button, Enter; focus stays on it after the switch.
  await p.keyboard.press("Tab");
  let guard = 0;
  while (guard++ < 20 && !(await p.evaluate(() => document.activeElement.textContent === "Catégories par région"))) await p.keyboard.press("Tab");
  await p.keyboard.press("Enter");
  s = await settled(p);
  assert.equal(s.chart, "tier-summary");
  assert.equal(await p.evaluate(() => document.activeElement.textContent), "Catégories par région", "focus stays on the pressed button");
  const ring = await p.evaluate(() => { const st = getComputedStyle(document.activeElement); return [st.outlineStyle, parseFloat(st.outlineWidth)]; });
  assert.deepEqual(ring, ["solid", 4]);
  // On into the chart: Tab reaches its canvas, the arrow keys read it.
  for (let i = 0; i < 30 && !(await p.evaluate(() => document.activeElement.id === "chart")); i++) await p.keyboard.press("Tab");
  await p.keyboard.press("ArrowRight");
  assert.ok(await p.getAttribute("#chart", "data-active"), "the chart answers the arrow keys");
  await click(p, "Español");
  s = await settled(p);
  assert.equal(s.lang, "es");
  assert.ok(s.pressed.includes("Español") && s.pressed.includes("Niveles por región"));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("the classroom page on a tall screen puts the buttons above the chart, and axe finds no violations in either theme", async () => {
  for (const [colorScheme, hash] of [["light", "#chart=tier-summary&lang=es"], ["dark", "#chart=tier-changes&theme=auto"]]) {
    const { page: p, context } = await openPage(browser, url(hash), { width: 700, height: 1000, colorScheme });
    const s = await settled(p);
    const header = await p.evaluate(() => document.querySelector("header").getBoundingClientRect().bottom);
    assert.ok(s.rect.top >= header, "the chart is under the buttons");
    assert.ok(s.rect.right >= 700 - 20 && s.rect.left <= 20, "full width");
    await p.addScriptTag({ content: AXE });
    const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 4).join(", ")}`));
    assert.deepEqual(violations, [], violations.join("\n"));
    await context.close();
  }
});

test("on a phone a tap that changes the chart brings it into view, and an address opened in the same tab shows its view", async () => {
  const { page: p, context, log } = await openPage(browser, url(), { width: 390, height: 844 });
  await settled(p);
  // The buttons fill the screen above the chart: without scrolling, the tap changed nothing in view.
  await click(p, "Who moved tier");
  let s = await settled(p);
  assert.equal(s.chart, "tier-changes");
  await p.waitForFunction(() => document.getElementById("chart").getBoundingClientRect().top < innerHeight / 2, null, { timeout: 3000 });
  assert.ok(await p.evaluate(() => document.activeElement?.textContent) === "Who moved tier", "focus stays on the button pressed");

  // A bookmark followed in the same tab changes only the hash.
  await p.evaluate(() => { location.hash = "#chart=peacekeeping&org=osce&lang=fr"; });
  await p.waitForFunction(() => document.getElementById("chart").getAttribute("lang") === "fr");
  s = await settled(p);
  assert.equal(s.chart, "peacekeeping");
  assert.equal(await p.getAttribute("#chart", "org"), "osce");
  assert.equal(s.htmlLang, "fr");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
