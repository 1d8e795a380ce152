// A host page with aggressive global CSS (`* { all: unset }`, fonts, letter-spacing,
// line-height, direction: rtl, writing-mode, rules on canvas/div/span with !important, the
// widget's own custom property names) against the same widgets on a plain page: screenshots
// match pixel for pixel within a small tolerance, so neither the layout nor the canvas text
// (measured from sample text in the widget's own font, reset so no page style reaches it)
// is distorted.
// `zoom` and `transform` on the host scale the widget, as they should, and the pointer still
// finds each year.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { makeSite, serve, launch, openPage, waitForState, shadow, screenshot, sweep, assertNothingLeaves } from "./harness.mjs";

// A serif face for the web-font test, from the fonts Debian's chromium brings with it.
const SERIF_FILES = ["/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"];
const SERIF_FILE = SERIF_FILES.find((f) => existsSync(f));
if (!SERIF_FILE) throw new Error(`no serif font for the web-font test: looked for ${SERIF_FILES.join(", ")}`);

const WIDGETS = [
  ["enforcement", 'chart="enforcement" labor="both" metrics="prosecutions,convictions"'],
  ["country", 'chart="country-enforcement" country="Jamaica"'],
  ["map", 'chart="tier-map" region="europe" highlight="Ukraine"'],
  ["changes", 'chart="tier-changes"'],
  ["ratifications", 'chart="ratifications" edition="2025"'],
  ["message", 'chart="enforcement" scope="<b>mars</b>"'],
];
const FRAMES = WIDGETS.map(([id, attrs]) => `<div class="frame"><tip-chart id="${id}" ${attrs} theme="light" height="340"></tip-chart></div>`).join("\n");

const FRAME_CSS = ".frame { display: block; width: 700px; margin: 0 0 24px 0; padding: 0; }\n";
const HOSTILE_CSS = `
* { all: unset; }
html, body { display: block; font: italic 700 31px/3.7 "Comic Sans MS", fantasy, serif; letter-spacing: 6px; word-spacing: 30px;
  color: #f0f; background: #222; direction: rtl; text-transform: uppercase; text-align: justify; text-shadow: 2px 2px red;
  font-variant: small-caps; -webkit-text-stroke: 1px red; text-indent: 40px; cursor: crosshair;
  font-feature-settings: "smcp"; hyphens: auto; }
:root { --tv-text: #f00; --tv-bg: #000; --tv-border: lime; --tv-accent: orange; --tv-muted: red; --tv-tip: #0f0; }
head, script, link, style { display: none; }
canvas { width: 10px !important; height: 10px !important; filter: invert(1) !important; image-rendering: pixelated !important; }
div, span, p, table, td, th, button, strong, b, caption { padding: 20px !important; border: 7px dotted red !important;
  font-size: 40px !important; box-sizing: content-box !important; line-height: 9 !important; }
tip-chart { box-sizing: content-box; line-height: 5; font-size: 50px; letter-spacing: 1em; writing-mode: vertical-rl;
  white-space: pre; }
`;

const html = (css) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="frame.css">${css ? '<link rel="stylesheet" href="hostile.css">' : ""}
<script src="tipviz.js"></script></head><body>
${FRAMES}
<div class="frame" id="datahost" data-tipviz="enforcement" data-theme="light" data-height="300"></div>
</body></html>`;

let browser, server;
before(async () => {
  const site = makeSite({
    "plain.html": html(false),
    "hostile.html": html(true),
    "frame.css": FRAME_CSS,
    "hostile.css": HOSTILE_CSS,
    "zoom.html": `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="zoom.css"><script src="tipviz.js"></script></head><body>
<tip-chart id="zoomed" chart="enforcement" height="300"></tip-chart><tip-chart id="scaled" chart="enforcement" height="300"></tip-chart><tip-chart id="plain" chart="enforcement" height="300"></tip-chart></body></html>`,
    "serif.ttf": readFileSync(SERIF_FILE),
    // The chart's text follows --tipviz-font, like the rest of the widget. "Brand Serif" is
    // a web font the page adds (and so starts loading) only when the test says so.
    "fonts.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script>
<style>body { margin: 0; } tip-chart { display: block; width: 600px; } .brand { --tipviz-font: "Brand Serif", monospace; }</style></head><body>
<tip-chart id="system" chart="enforcement" height="300"></tip-chart>
<tip-chart id="mono" chart="enforcement" height="300" style="--tipviz-font: monospace"></tip-chart>
<tip-chart id="brand" class="brand" chart="enforcement" height="300"></tip-chart>
<script>window.brandFace = new FontFace("Brand Serif", "url(serif.ttf)");</script></body></html>`,
    "zoom.css": "body { margin: 0; } tip-chart { width: 600px; } #zoomed { zoom: 1.5; } #scaled { transform: scale(0.75) rotate(0.5deg); transform-origin: 0 0; }",
  });
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Decodes two PNG screenshots in a blank page and counts pixels that differ by more than a
// little in any channel (anti-aliasing of the same drawing varies by a few levels at most).
// An element at a fractional position on one page is captured a pixel wider or shifted: the
// best of the offsets -1..1 in each direction over the common area is taken.
async function compare(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = (src) => new Promise((resolve, reject) => { const i = new Image(); i.onload = () => resolve(i); i.onerror = reject; i.src = src; });
    const pixels = (img) => { const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
      const ctx = c.getContext("2d"); ctx.drawImage(img, 0, 0); return ctx.getImageData(0, 0, c.width, c.height).data; };
    const [ia, ib] = [await load(a), await load(b)];
    if (Math.abs(ia.width - ib.width) > 1 || Math.abs(ia.height - ib.height) > 1) return { size: [ia.width, ia.height, ib.width, ib.height], diff: 1 };
    const [pa, pb] = [pixels(ia), pixels(ib)];
    const w = Math.min(ia.width, ib.width) - 2, h = Math.min(ia.height, ib.height) - 2;
    let best = 1;
    for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) {
      let differ = 0;
      for (let y = 1; y < h; y++) for (let x = 1; x < w; x++) {
        const i = (y * ia.width + x) * 4, j = ((y + dy) * ib.width + x + dx) * 4;
        if (Math.max(Math.abs(pa[i] - pb[j]), Math.abs(pa[i + 1] - pb[j + 1]), Math.abs(pa[i + 2] - pb[j + 2])) > 24) differ++;
      }
      best = Math.min(best, differ / (w * h));
    }
    return { size: [ia.width, ia.height, ib.width, ib.height], diff: best };
  }, [`data:image/png;base64,${a.toString("base64")}`, `data:image/png;base64,${b.toString("base64")}`]);
}

async function shots(url) {
  const { page, context, log } = await openPage(browser, url, { width: 1000, height: 1000 });
  for (const [id] of WIDGETS) await waitForState(page, `#${id}`, id === "message" ? "error" : "ready");
  await waitForState(page, "#datahost", "ready");
  const images = {};
  for (const [id] of WIDGETS) images[id] = await page.locator(`#${id}`).screenshot();
  // The tooltip (HTML styled by the widget) over the same point of the chart.
  await page.locator("#enforcement").scrollIntoViewIfNeeded();
  const box = await page.locator("#enforcement").boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
  await page.waitForFunction(() => document.getElementById("enforcement").getAttribute("data-active-year"));
  images.tooltip = await page.locator("#enforcement").screenshot();
  const inner = await shadow(page, "#datahost", (el) => {
    const box = el.shadowRoot.querySelector(".box"), c = el.shadowRoot.querySelector("canvas");
    return { canvas: c.getBoundingClientRect().width, box: box.clientWidth, direction: getComputedStyle(c).direction };
  });
  return { page, context, log, images, inner };
}

test("a page restyling everything it can reach leaves the widgets looking the same", async () => {
  const plain = await shots(`${server.origin}/plain.html`);
  const hostile = await shots(`${server.origin}/hostile.html`);
  for (const id of [...WIDGETS.map(([id]) => id), "tooltip"]) {
    const { size, diff } = await compare(plain.page, plain.images[id], hostile.images[id]);
    // HTML text (the tooltip) at a fractional position is anti-aliased a little differently.
    assert.ok(diff < (id === "tooltip" ? 0.01 : 0.002), `${id}: ${(diff * 100).toFixed(2)}% of pixels differ (sizes ${size})`);
  }
  await screenshot(hostile.page, "#enforcement", "pagecss-hostile-tooltip.png");
  await screenshot(hostile.page, "#map", "pagecss-hostile-map.png");
  // A host the page pads and borders (div { padding; border }) keeps the whole canvas inside
  // the widget's box; and the canvas reads left to right inside an RTL page.
  assert.equal(hostile.inner.canvas, hostile.inner.box, "the canvas is as wide as the box inside the padded host");
  assert.equal(hostile.inner.direction, "ltr");
  assert.equal(plain.inner.canvas, plain.inner.box);
  await screenshot(hostile.page, "#datahost", "pagecss-hostile-padded-div.png");
  for (const s of [plain, hostile]) {
    await assertNothingLeaves(s.page, s.context, s.log, server.origin);
    await s.context.close();
  }
});

test("zoom and transform on the host scale the widget and the pointer finds each year where it is drawn", async () => {
  const { page, context, log } = await openPage(browser, `${server.origin}/zoom.html`, { width: 1100, height: 1600 });
  // Where along the width each year first comes under the pointer, as a share of the width:
  // the same on a scaled chart as on the plain one beside it.
  const shares = async (id) => {
    await waitForState(page, id, "ready");
    const box = await page.locator(id).boundingBox();
    const { seen, at } = await sweep(page, id);
    assert.deepEqual([...seen.keys()], ["2018", "2019", "2020", "2021", "2022", "2023", "2024"], `${id}: every year under the pointer`);
    return Object.fromEntries([...at].map(([year, p]) => [year, (p.x - box.x) / box.width]));
  };
  const plain = await shares("#plain");
  for (const id of ["#zoomed", "#scaled"]) {
    const scaled = await shares(id);
    for (const year of Object.keys(plain)) {
      assert.ok(Math.abs(scaled[year] - plain[year]) < 0.02, `${id}: ${year} found at ${scaled[year].toFixed(3)} of the width, drawn at ${plain[year].toFixed(3)}`);
    }
  }
  await screenshot(page, "#zoomed", "pagecss-zoomed.png");
  await assertNothingLeaves(page, context, log, server.origin);
  await context.close();
});

test("the chart's text is drawn in the widget's font, and again when the page's web font arrives", async () => {
  const { page, context, log } = await openPage(browser, `${server.origin}/fonts.html`, { width: 700, height: 1000 });
  for (const id of ["#system", "#mono", "#brand"]) await waitForState(page, id, "ready");
  // Canvas pixels are kept in the page under a name; `differing` counts the channels in
  // which two of them differ (the same chart at the same size, so only text can differ).
  const keep = (id, name) => page.evaluate(([id, name]) => {
    const c = document.getElementById(id).shadowRoot.querySelector("canvas");
    (window.kept ||= {})[name] = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  }, [id, name]);
  const differing = (a, b) => page.evaluate(([a, b]) => {
    const [x, y] = [window.kept[a], window.kept[b]];
    if (x.length !== y.length) return -1;
    let n = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
    return n;
  }, [a, b]);
  await keep("system", "system");
  await keep("mono", "mono");
  await keep("brand", "fallback");
  assert.ok(await differing("system", "mono") > 2000, "--tipviz-font: monospace changes the chart's text");
  assert.equal(await differing("mono", "fallback"), 0, "until the web font is there, its fallback (monospace) is used");
  await page.evaluate(async () => { document.fonts.add(window.brandFace); await window.brandFace.load(); });
  // The redraw comes at the frame after the fonts' loadingdone event.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await keep("brand", "brand");
  assert.ok(await differing("brand", "fallback") > 2000, "the chart was drawn again in the web font once it loaded");
  // A chart drawn from the start with the font loaded looks the same.
  await page.evaluate(() => { const c = document.createElement("tip-chart"); c.id = "late"; c.className = "brand";
    c.setAttribute("chart", "enforcement"); c.setAttribute("height", "300"); document.body.appendChild(c); });
  await waitForState(page, "#late", "ready");
  await keep("late", "late");
  assert.equal(await differing("brand", "late"), 0, "the redrawn chart matches one drawn with the font loaded");
  await screenshot(page, "#brand", "pagecss-web-font.png");
  await screenshot(page, "#system", "pagecss-system-font.png");
  await assertNothingLeaves(page, context, log, server.origin);
  await context.close();
});
