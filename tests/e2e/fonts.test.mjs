// Chart text is laid out by the widths of the font it is drawn in: the loader measures the
// engine's sample texts in the widget's font, so a label column, a legend entry or a wrapped
// title ends where its text ends, in a narrow face, a wide one or the system's. Read from the
// legend's toggle buttons, which the layout places over each entry, and from the canvas
// pixels under and beside them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { makeSite, serve, launch, openPage, waitForState, shadow, screenshot } from "./harness.mjs";

// Faces Debian's chromium brings with it: narrow, monospaced (wide for its size) and the
// system stack (DejaVu Sans here).
const FONTS = [
  ["narrow", "'Liberation Sans Narrow'"],
  ["mono", "'DejaVu Sans Mono'"],
  ["system", ""],
];

let browser, server;
before(async () => {
  const charts = FONTS.map(([id, family]) =>
    `<tip-chart id="${id}" chart="enforcement" style="display:block;width:640px;${family ? `--tipviz-font:${family}` : ""}"></tip-chart>`).join("\n");
  const site = makeSite({
    "fonts.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head><body style="margin:0">${charts}</body></html>`,
    // Created where nothing is laid out (a closed tab, a collapsed section): no widths to read
    // until it is shown.
    "later.html": `<!doctype html><html><head><meta charset="utf-8"><script src="tipviz.js"></script></head><body style="margin:0">
<div id="tab" style="display:none"><tip-chart id="late" chart="enforcement" style="display:block;width:640px;--tipviz-font:'Liberation Serif'"></tip-chart></div></body></html>`,
  });
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("legend entries end where their labels end, in a narrow, a wide and the system font", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/fonts.html`);
  const widths = {};
  for (const [id] of FONTS) {
    await waitForState(p, `#${id}`, "ready");
    const found = await shadow(p, `#${id}`, (el) => {
      const canvas = el.shadowRoot.querySelector("canvas[role=img]");
      const family = getComputedStyle(el.shadowRoot.querySelector(".box")).fontFamily;
      const context = document.createElement("canvas").getContext("2d");
      context.font = `12px ${family}`;
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const background = pixels.data.slice(0, 3);
      // Whether any pixel in the CSS-pixel box differs from the background (text is drawn).
      const inked = (left, top, right, bottom) => {
        for (let y = Math.round(top * scale); y < Math.round(bottom * scale); y++) {
          for (let x = Math.round(left * scale); x < Math.round(right * scale); x++) {
            const i = (y * pixels.width + x) * 4;
            if (Math.abs(pixels.data[i] - background[0]) + Math.abs(pixels.data[i + 1] - background[1]) + Math.abs(pixels.data[i + 2] - background[2]) > 90) return true;
          }
        }
        return false;
      };
      const origin = canvas.getBoundingClientRect();
      return [...el.shadowRoot.querySelectorAll("button.toggle")].map((b) => {
        const r = b.getBoundingClientRect();
        const [left, top, right] = [r.left - origin.left, r.top - origin.top, r.right - origin.left];
        return {
          label: b.textContent,
          family,
          measured: context.measureText(b.textContent).width,
          // The button spans the 28 px sample, the label and 4 px either side.
          laidOut: r.width - 28 - 8,
          inkNearItsEnd: inked(right - 20, top + 4, right - 4, top + 16),
          inkJustPast: inked(right + 1, top + 2, right + 9, top + 18),
          left,
        };
      });
    });
    assert.ok(found.length >= 2, `${id}: the legend has toggle buttons`);
    // The text the widths are read from is laid out but never seen.
    const shown = await shadow(p, `#${id}`, (el) => [...el.shadowRoot.querySelectorAll(".measure *")].filter((n) => n.checkVisibility({ visibilityProperty: true })).map((n) => n.textContent));
    assert.deepEqual(shown, [], `${id}: no sample text shows`);
    for (const entry of found) {
      const what = `${id} (${entry.family}): "${entry.label}" measures ${entry.measured.toFixed(1)} px, laid out ${entry.laidOut.toFixed(1)} px`;
      assert.ok(entry.laidOut >= entry.measured - 0.5, `${what}: the entry holds its label`);
      assert.ok(entry.laidOut <= entry.measured * 1.12 + 1, `${what}: and not much more`);
      assert.ok(entry.inkNearItsEnd, `${what}: the drawn label reaches the entry's end`);
      assert.ok(!entry.inkJustPast, `${what}: and stops before it`);
    }
    widths[id] = found[0].laidOut;
    await screenshot(p, `#${id}`, `font-${id}.png`);
  }
  // The same label takes the room its face needs.
  assert.ok(widths.narrow < widths.system && widths.system < widths.mono, JSON.stringify(widths));
  await context.close();
});

test("a widget first laid out while hidden measures its font once it is shown", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/later.html`);
  await waitForState(p, "#late", "ready");
  await p.evaluate(() => { document.getElementById("tab").style.display = "block"; });
  const entry = () => shadow(p, "#late", (el) => {
    const button = el.shadowRoot.querySelector("button.toggle");
    if (!button) return null;
    const context = document.createElement("canvas").getContext("2d");
    context.font = `12px ${getComputedStyle(el.shadowRoot.querySelector(".box")).fontFamily}`;
    return { measured: context.measureText(button.textContent).width, laidOut: button.getBoundingClientRect().width - 28 - 8 };
  });
  await p.waitForFunction(() => document.querySelector("#late").shadowRoot.querySelector("button.toggle")?.getBoundingClientRect().width > 0);
  await p.waitForTimeout(100);
  const found = await entry();
  assert.ok(found && found.laidOut >= found.measured - 0.5 && found.laidOut <= found.measured * 1.12 + 1, JSON.stringify(found));
  await context.close();
});
