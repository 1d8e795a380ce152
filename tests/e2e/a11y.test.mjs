// Accessibility end to end (issue 7): axe-core over the demo gallery in light and dark and over
// every chart kind in French and Spanish; what a screen reader gets; the key help; focus rings
// at 3:1; host CSS that cannot reach inside while custom properties can; print at 300 dpi;
// reduced motion.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { contrast, makeSite, serve, launch, openPage, waitForState, shadow, screenshot, page, repo, liveText } from "./harness.mjs";

const require = createRequire(join(repo, "package.json"));
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const KINDS = [
  ["enforcement", ""],
  ["country-enforcement", ""],
  ["tier-map", ""],
  ["tier-history", ` country="Jamaica, Kazakhstan"`],
  ["tier-summary", ""],
  ["tier-changes", ""],
  ["ratifications", ` edition="2018"`],
  ["peacekeeping", ""],
];
const everyKind = (lang, theme) => page(`<main>${KINDS.map(([chart, more], i) =>
  `<tip-chart id="k${i}" chart="${chart}" lang="${lang}" theme="${theme}" height="320"${more}></tip-chart>`).join("\n")}
<tip-chart id="t" chart="tier-summary" view="table" lang="${lang}" theme="${theme}"></tip-chart>
<tip-chart id="bad" chart="enforcement" edition="1999" lang="${lang}" theme="${theme}"></tip-chart></main>`)
  .replace("<html>", `<html lang="${lang}"><title>tipviz ${lang}</title>`);

const pages = {
  "fr.html": everyKind("fr", "light"),
  "es.html": everyKind("es", "dark"),
  "keys-en.html": page(`<main><tip-chart id="c" chart="tier-map" height="360"></tip-chart><button id="after">after</button></main>`),
  "keys-legend.html": page(`<main><tip-chart id="lines" chart="enforcement"></tip-chart><tip-chart id="bars" chart="tier-summary"></tip-chart></main>`),
  "keys-fr.html": page(`<main><tip-chart id="c" chart="tier-map" lang="fr" height="360"></tip-chart><button id="after">après</button></main>`),
  "reader.html": page(`<main>
<tip-chart id="e" chart="enforcement" height="300"></tip-chart>
<tip-chart id="ch" chart="tier-changes"></tip-chart>
<tip-chart id="pk" chart="peacekeeping" height="400"></tip-chart></main>`),
  "focus.html": page(`<main><tip-chart id="l" chart="enforcement" theme="light" height="260"></tip-chart>
<tip-chart id="d" chart="enforcement" theme="dark" height="260"></tip-chart>
<tip-chart id="tl" chart="enforcement" view="table" theme="light"></tip-chart>
<tip-chart id="td" chart="enforcement" view="table" theme="dark"></tip-chart></main>`),
  "hostile.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<style>
  tip-chart * { color: red !important; font-family: "Comic Sans MS", cursive !important; display: none !important; }
  tip-chart { color: red; font: italic 40px/5 "Comic Sans MS", cursive; letter-spacing: 9px; text-transform: uppercase; }
  canvas { display: none !important; }
  button { display: none !important; background: red !important; }
  table, th, td, p, div { color: red !important; font-size: 40px !important; }
  *:focus, *:focus-visible { outline: none !important; }
  #branded { --tipviz-accent: #b00020; --tipviz-font: Georgia, serif; --tipviz-font-size: 17px; --tipviz-border: #b00020; }
</style><script src="tipviz.js"></script></head><body>
<tip-chart id="hostile" chart="enforcement" height="260"></tip-chart>
<tip-chart id="branded" chart="enforcement" height="260"></tip-chart>
</body></html>`,
  "plain.html": page(`<tip-chart id="hostile" chart="enforcement" height="260"></tip-chart>`),
  "themes.html": page(`<main><tip-chart id="auto" chart="tier-summary" height="260"></tip-chart>
<tip-chart id="light" chart="tier-summary" theme="light" height="260"></tip-chart>
<tip-chart id="dark" chart="tier-summary" theme="dark" height="260"></tip-chart></main>`),
  "print.html": page(`<main><h1>Print</h1><tip-chart id="p" chart="enforcement" theme="dark" height="300"></tip-chart>
<tip-chart id="m" chart="tier-map" height="400"></tip-chart></main>`),
};

let browser, site, server, gallery;
before(async () => {
  site = makeSite(pages);
  server = await serve(site);
  // The demo gallery as shipped: www/ with the tipviz.js the build put there.
  gallery = await serve(join(repo, "www"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await gallery?.close();
});

async function allSettled(p) {
  await p.waitForFunction(() => {
    const all = [...document.querySelectorAll("tip-chart, [data-tipviz]")];
    return all.length > 0 && all.every((e) => ["ready", "error"].includes(e.getAttribute("data-tipviz-state")));
  }, null, { timeout: 60000 });
}

// axe-core's violations on the page, open shadow roots included, as readable lines.
async function axeViolations(p) {
  await p.addScriptTag({ content: AXE });
  const violations = await p.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`) }));
  });
  return violations.map((v) => `${v.id} (${v.help}):\n  ${v.nodes.slice(0, 5).join("\n  ")}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core: the demo gallery has no violations in the ${colorScheme} theme`, async () => {
    const { page: p, context, log } = await openPage(browser, `${gallery.origin}/index.html`, { colorScheme, width: 1000, height: 900 });
    await allSettled(p);
    // The scan must have widgets' insides to look at: the shadow roots are open and filled.
    const inside = await p.evaluate(() => [...document.querySelectorAll("tip-chart")].filter((e) => e.shadowRoot && e.shadowRoot.querySelector("canvas, table, .message")).length);
    assert.ok(inside >= 20, `widgets with content: ${inside}`);
    const violations = await axeViolations(p);
    assert.deepEqual(violations, [], violations.join("\n"));
    if (colorScheme === "dark") {
      await p.locator("#tier-map-europe").scrollIntoViewIfNeeded();
      await screenshot(p, "#tier-map-europe", "a11y-gallery-dark-map.png");
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: join(repo, "tests", "e2e", "shots", "a11y-gallery-dark-top.png") });
    }
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  });
}

for (const [file, lang, colorScheme] of [["fr.html", "fr", "light"], ["es.html", "es", "dark"]]) {
  test(`axe-core: every chart kind in ${lang} (${colorScheme}), a table view and a message have no violations`, async () => {
    const { page: p, context, log } = await openPage(browser, `${server.origin}/${file}`, { colorScheme, width: 900, height: 900 });
    await allSettled(p);
    for (let i = 0; i < KINDS.length; i++) {
      assert.equal(await p.getAttribute(`#k${i}`, "data-tipviz-state"), "ready", KINDS[i][0]);
    }
    // Open one key help panel too, so its markup is checked.
    await p.locator("#k0").locator("canvas[role=img]").focus();
    await p.keyboard.press("?");
    assert.equal(await shadow(p, "#k0", (el) => el.shadowRoot.querySelector(".help").hidden), false);
    const violations = await axeViolations(p);
    assert.deepEqual(violations, [], violations.join("\n"));
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

test("screen readers: a named canvas, a summary with the main finding, a table with headers, a live region that follows the arrow keys", async () => {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/reader.html`, { height: 1200 });
  const findings = {
    "#e": /Prosecutions rose from [\d,]+ in 2018 to [\d,]+ in 2024\./,
    "#ch": /The largest movement: Tier 2 Watch List \(2024\) → Tier 2 \(2025\), \d+ countries\./,
    "#pk": /Allegations of sexual exploitation and abuse: largest is UN 2024, \d+ allegations\./,
  };
  for (const [id, finding] of Object.entries(findings)) {
    await waitForState(p, id, "ready");
    const a = await shadow(p, id, (el) => {
      const root = el.shadowRoot;
      const canvas = root.querySelector("canvas");
      const described = root.getElementById(canvas.getAttribute("aria-describedby"));
      const table = root.querySelector(".sr table");
      return {
        role: canvas.getAttribute("role"), label: canvas.getAttribute("aria-label"), tabIndex: canvas.tabIndex,
        summary: described && described.textContent,
        caption: table && table.caption && table.caption.textContent,
        colHeaders: table ? [...table.querySelectorAll("thead th")].map((th) => [th.scope, th.textContent]) : [],
        rowHeaders: table ? [...table.querySelectorAll("tbody tr")].map((tr) => tr.firstElementChild.tagName + ":" + tr.firstElementChild.scope) : [],
      };
    });
    assert.equal(a.role, "img", id);
    assert.equal(a.tabIndex, 0, `${id} is in the tab order`);
    assert.match(a.label, /\(chart; Tab here and use the arrow keys/, id);
    assert.match(a.summary, finding, id);
    assert.ok(a.caption && a.label.startsWith(a.caption), `${id}: the table's caption is the chart's title`);
    assert.ok(a.colHeaders.length >= 3 && a.colHeaders.every(([scope, text]) => scope === "col" && text), `${id}: ${JSON.stringify(a.colHeaders)}`);
    assert.ok(a.rowHeaders.length >= 3 && a.rowHeaders.every((h) => h === "TH:row"), `${id}: every row starts with a row header`);
  }
  // The live region says what the arrow keys reach, each time.
  await p.locator("#e").locator("canvas[role=img]").focus();
  const heard = [];
  for (const key of ["ArrowRight", "ArrowRight", "End", "ArrowLeft"]) {
    await p.keyboard.press(key);
    heard.push(await liveText(p, "#e"));
  }
  assert.match(heard[0], /^2018/);
  assert.match(heard[1], /^2019/);
  assert.match(heard[2], /^2024/);
  assert.match(heard[3], /^2023/);
  assert.equal(new Set(heard).size, 4, heard.join(" | "));
  assert.equal(await shadow(p, "#e", (el) => el.shadowRoot.querySelector("[role=status]").getAttribute("aria-live")), "polite");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

// The key help in one language: `?` on the chart, then the button; focus in, Escape and Close
// give it back, Tab leaves.
async function keyHelp(file, words) {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/${file}`, { height: 800 });
  await waitForState(p, "#c", "ready");
  assert.equal(await shadow(p, "#c", (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-keyshortcuts")), "?");
  const active = () => shadow(p, "#c", (el) => {
    const a = el.shadowRoot.activeElement;
    return a ? (a.className || a.tagName.toLowerCase()) : (document.activeElement && document.activeElement.id);
  });
  const panel = () => shadow(p, "#c", (el) => {
    const h = el.shadowRoot.querySelector(".help");
    return {
      hidden: h.hidden, role: h.getAttribute("role"),
      // The panel is filled (and named) when it first opens.
      name: h.getAttribute("aria-labelledby") && el.shadowRoot.getElementById(h.getAttribute("aria-labelledby")).textContent,
      filled: h.childElementCount > 0,
      keys: [...h.querySelectorAll("dt")].map((dt) => dt.textContent),
      texts: [...h.querySelectorAll("dd")].map((dd) => dd.textContent),
      close: h.querySelector("button") && h.querySelector("button").textContent,
      expanded: el.shadowRoot.querySelector(".help-open").getAttribute("aria-expanded"),
    };
  });
  const button = await shadow(p, "#c", (el) => {
    const b = el.shadowRoot.querySelector(".help-open");
    return { text: b.textContent, label: b.getAttribute("aria-label"), hidden: b.hidden };
  });
  assert.deepEqual(button, { text: "?", label: words.open, hidden: false });
  assert.deepEqual(await panel(), { hidden: true, role: "dialog", name: null, keys: [], texts: [], close: null, expanded: "false", filled: false },
    "closed at first, and not built until it opens");

  await p.locator("#c").locator("canvas[role=img]").focus();
  await p.keyboard.press("?");
  let state = await panel();
  assert.equal(state.hidden, false, "? opens the key help");
  assert.equal(state.role, "dialog");
  assert.equal(state.name, words.title);
  assert.equal(state.expanded, "true");
  assert.deepEqual(state.texts, words.texts);
  assert.deepEqual(state.keys, words.keys);
  assert.equal(state.close, words.close);
  assert.equal(await active(), "help", "focus moved into the panel");
  // Type-ahead did not take the "?" as a letter.
  assert.equal(await liveText(p, "#c"), "");
  await screenshot(p, "#c", `a11y-key-help-${file.replace(".html", "")}.png`);

  await p.keyboard.press("Escape");
  assert.equal((await panel()).hidden, true, "Escape closes it");
  assert.equal(await active(), "canvas", "focus is back on the chart");

  // The visible button opens it too; Close gives focus back to the button.
  await shadow(p, "#c", (el) => el.shadowRoot.querySelector(".help-open").focus());
  await p.keyboard.press("Enter");
  assert.equal((await panel()).hidden, false);
  assert.equal(await active(), "help");
  await p.keyboard.press("Tab");
  assert.equal(await active(), "help-close", "Tab reaches Close");
  await p.keyboard.press("Enter");
  assert.equal((await panel()).hidden, true, "Close closes it");
  assert.equal(await active(), "help-open", "focus is back on the ? button");

  // No trap: from the open panel, Tab goes on through the widget's buttons and out of it.
  await p.keyboard.press("Enter");
  const visited = [];
  for (let i = 0; i < 8 && (await active()) !== "after"; i++) {
    await p.keyboard.press("Tab");
    visited.push(await active());
  }
  assert.equal(visited[visited.length - 1], "after", `Tab left the widget: ${visited.join(" → ")}`);
  assert.equal((await panel()).hidden, true, "leaving the widget closes the panel");

  // "?" on the chart toggles: open, then closed again with focus on the chart.
  await p.locator("#c").locator("canvas[role=img]").focus();
  await p.keyboard.press("?");
  await p.keyboard.press("?");
  assert.equal((await panel()).hidden, true);
  assert.equal(await active(), "canvas");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
}

test("key help in English: ? opens it on the chart, focus moves in, Escape and Close return focus, Tab leaves", async () => {
  await keyHelp("keys-en.html", {
    open: "Keyboard help (?)", title: "Keyboard", close: "Close",
    keys: ["← → ↑ ↓", "Home End", "Enter Space", "Esc", "a–z", "Tab", "?"],
    texts: ["step through the values", "first or last value", "pin the value and announce it", "clear the pin, close this help",
      "type a country to jump to it", "this help's button and downloads", "show or hide this help"],
  });
});

test("key help in French: the engine's words and the French key names", async () => {
  await keyHelp("keys-fr.html", {
    open: "Aide clavier (?)", title: "Clavier", close: "Fermer",
    keys: ["← → ↑ ↓", "Début Fin", "Entrée Espace", "Échap", "a–z", "Tab", "?"],
    texts: ["parcourir les valeurs", "première ou dernière valeur", "épingler la valeur et l'annoncer", "retirer l'épingle, fermer cette aide",
      "taper le nom d'un pays pour y aller", "bouton de cette aide et téléchargements", "afficher ou masquer cette aide"],
  });
});

test("the key help names the legend buttons only on a chart that has them", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/keys-legend.html`, { height: 800 });
  const tabLine = async (id) => {
    await waitForState(p, id, "ready");
    await p.locator(id).locator("canvas[role=img]").focus();
    await p.keyboard.press("?");
    return shadow(p, id, (el) => [...el.shadowRoot.querySelectorAll(".help dt")].map((dt, i) => [dt.textContent, el.shadowRoot.querySelectorAll(".help dd")[i].textContent]).find(([key]) => key === "Tab")[1]);
  };
  assert.equal(await tabLine("#lines"), "legend buttons and downloads");
  assert.equal(await tabLine("#bars"), "this help's button and downloads");
  await context.close();
});

// Tabs through a widget from its start and reads each focused part's outline; at the "?"
// button it opens the key help (Enter) to read the panel's and Close's rings too.
async function focusRings(p, id) {
  const read = () => shadow(p, id, (el) => {
    const a = el.shadowRoot.activeElement;
    if (!a) return null;
    const style = getComputedStyle(a);
    return { what: a.className || a.tagName.toLowerCase(), color: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
      visible: a.matches(":focus-visible"), bg: getComputedStyle(el.shadowRoot.querySelector(".box")).backgroundColor };
  });
  const rings = [];
  await p.locator(id).evaluate((el) => { el.tabIndex = -1; el.focus(); });
  for (let i = 0; i < 12; i++) {
    await p.keyboard.press("Tab");
    const ring = await read();
    if (!ring) break;
    rings.push(ring);
    if (ring.what === "help-open") {
      await p.keyboard.press("Enter");
      rings.push(await read());
      await p.keyboard.press("Tab");
      rings.push(await read());
      await p.keyboard.press("Enter");
    }
  }
  return rings;
}

test("focus is visible at 3:1 on every focusable part in both themes (chart, legend, buttons, key help, table)", async () => {
  const { page: p, context } = await openPage(browser, `${server.origin}/focus.html`, { height: 1400 });
  for (const id of ["#l", "#d", "#tl", "#td"]) await waitForState(p, id, "ready");
  for (const id of ["#l", "#d"]) {
    const rings = await focusRings(p, id);
    const kinds = new Set(rings.map((r) => r.what));
    for (const want of ["help", "canvas", "toggle", "help-open", "help-close"]) assert.ok(kinds.has(want) || [...kinds].some((k) => k.split(" ").includes(want)), `${id}: ${want} reached (${[...kinds]})`);
    for (const r of rings) {
      assert.ok(r.visible && r.style === "solid" && r.width >= 2, `${id} ${r.what}: ${JSON.stringify(r)}`);
      const c = contrast(r.color, r.bg);
      assert.ok(c >= 3, `${id} ${r.what}: outline ${r.color} on ${r.bg} is ${c.toFixed(2)}:1`);
    }
  }
  // view="table": the scrolling table is reached by Tab and shows its focus too.
  for (const id of ["#tl", "#td"]) {
    const rings = await focusRings(p, id);
    const table = rings.find((r) => r.what === "table");
    assert.ok(table, `${id}: the table region takes focus (${rings.map((r) => r.what)})`);
    assert.ok(contrast(table.color, table.bg) >= 3, `${id}: ${table.color} on ${table.bg}`);
    assert.ok(!rings.some((r) => r.what === "help-open"), `${id}: no key help for a table`);
    const shortcut = await shadow(p, id, (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-keyshortcuts"));
    assert.equal(shortcut, null, `${id}: no "?" shortcut announced where it does nothing`);
  }
  await context.close();
});

test("host CSS cannot restyle the widget's inside; its custom properties can, on purpose", async () => {
  const look = (p, id) => shadow(p, id, (el) => {
    const root = el.shadowRoot;
    const pick = (node) => { const s = getComputedStyle(node); return { display: s.display, color: s.color, font: s.fontFamily, size: s.fontSize, spacing: s.letterSpacing, transform: s.textTransform }; };
    const canvas = root.querySelector("canvas");
    return { canvas: pick(canvas), button: pick(root.querySelector(".bar button:not([hidden])")),
      box: pick(root.querySelector(".box")), cell: pick(root.querySelector(".sr td")) };
  });
  const { page: plain, context: c1 } = await openPage(browser, `${server.origin}/plain.html`);
  await waitForState(plain, "#hostile", "ready");
  const expected = await look(plain, "#hostile");
  await c1.close();

  const { page: p, context, log } = await openPage(browser, `${server.origin}/hostile.html`);
  await waitForState(p, "#hostile", "ready");
  await waitForState(p, "#branded", "ready");
  const got = await look(p, "#hostile");
  assert.deepEqual(got, expected, "the hostile page's rules change nothing inside the widget");
  assert.ok(await shadow(p, "#hostile", (el) => el.shadowRoot.querySelector("canvas").getBoundingClientRect().width) > 300, "the canvas is shown");
  assert.notEqual(got.button.color, "rgb(255, 0, 0)");

  // The focus ring is the widget's own, even where the page removes outlines.
  await p.locator("#hostile").locator("canvas[role=img]").focus();
  await p.keyboard.press("ArrowRight");
  const ring = (id) => shadow(p, id, (el) => {
    const c = el.shadowRoot.querySelector("canvas");
    return { color: getComputedStyle(c).outlineColor, style: getComputedStyle(c).outlineStyle };
  });
  assert.deepEqual(await ring("#hostile"), { color: "rgb(0, 94, 184)", style: "solid" });

  // A host that sets the documented custom properties gets its brand colour and font.
  await p.locator("#branded").locator("canvas[role=img]").focus();
  await p.keyboard.press("ArrowRight");
  assert.deepEqual(await ring("#branded"), { color: "rgb(176, 0, 32)", style: "solid" });
  const branded = await look(p, "#branded");
  assert.match(branded.box.font, /Georgia/);
  assert.equal(branded.box.size, "17px");
  assert.equal(await shadow(p, "#branded", (el) => getComputedStyle(el.shadowRoot.querySelector(".box")).borderTopColor), "rgb(176, 0, 32)");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("themes: auto follows the reader's colour scheme live, light and dark stay as asked", async () => {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/themes.html`, { colorScheme: "light", height: 1000 });
  for (const id of ["#auto", "#light", "#dark"]) await waitForState(p, id, "ready");
  const corners = () => p.evaluate(() => ["auto", "light", "dark"].map((id) => {
    const c = document.getElementById(id).shadowRoot.querySelector("canvas");
    const px = c.getContext("2d").getImageData(2, 2, 1, 1).data;
    return [px[0], px[1], px[2]].join(",");
  }));
  const [white, dark] = ["255,255,255", "24,26,31"];
  assert.deepEqual(await corners(), [white, white, dark]);
  await p.emulateMedia({ colorScheme: "dark" });
  await p.waitForFunction(() => document.getElementById("auto").shadowRoot.querySelector(".box").className === "box dark");
  assert.deepEqual(await corners(), [dark, white, dark], "auto turned dark without a reload");
  await p.emulateMedia({ colorScheme: "light" });
  await p.waitForFunction(() => document.getElementById("auto").shadowRoot.querySelector(".box").className === "box light");
  assert.deepEqual(await corners(), [white, white, dark]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("print: each chart is redrawn at 300 dpi in the light theme for printing, and back afterwards; the PDF is made", async () => {
  const { page: p, context, log } = await openPage(browser, `${server.origin}/print.html`, { width: 800, height: 900 });
  await waitForState(p, "#p", "ready");
  await waitForState(p, "#m", "ready");
  const backing = (id) => shadow(p, id, (el) => {
    const c = el.shadowRoot.querySelector("canvas");
    const px = c.getContext("2d").getImageData(2, 2, 1, 1).data;
    const style = getComputedStyle(el.shadowRoot.querySelector(".bar"));
    return { width: c.width, height: c.height, cssWidth: parseFloat(c.style.width), cssHeight: parseFloat(c.style.height),
      corner: [px[0], px[1], px[2]], box: el.shadowRoot.querySelector(".box").className, bar: style.display };
  });
  const screen = await backing("#p");
  assert.equal(screen.width, screen.cssWidth, "DPR 1 on screen");
  assert.deepEqual(screen.corner, [24, 26, 31], "the dark theme on screen");

  await p.emulateMedia({ media: "print" });
  await p.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const widths = [];
  for (const id of ["#p", "#m"]) {
    const printed = await backing(id);
    widths.push(printed.width);
    assert.equal(printed.width, Math.round(printed.cssWidth * 300 / 96), `${id}: backing store at 300 dpi`);
    assert.equal(printed.height, Math.round(printed.cssHeight * 300 / 96), `${id}: backing store at 300 dpi`);
    assert.deepEqual(printed.corner, [255, 255, 255], `${id}: printed on white`);
    assert.equal(printed.box, "box light");
    assert.equal(printed.bar, "none", `${id}: no buttons on paper`);
    // Drawn for a portrait page's width, not the 800 px window's: shrunk onto the page, its
    // text would be about half size.
    assert.ok(printed.cssWidth <= 680, `${id}: ${printed.cssWidth} px wide on paper`);
  }
  // Chromium prints a canvas under another as blank, so the correction rings of the overlay
  // are drawn into the chart itself: where the overlay is opaque, the chart has its pixels.
  const rings = await shadow(p, "#p", (el) => {
    const [chart, overlay] = el.shadowRoot.querySelectorAll("canvas");
    const top = overlay.getContext("2d").getImageData(0, 0, overlay.width, overlay.height).data;
    const base = chart.getContext("2d").getImageData(0, 0, chart.width, chart.height).data;
    let opaque = 0, same = 0;
    for (let i = 0; i < top.length; i += 4) {
      if (top[i + 3] !== 255) continue;
      opaque++;
      if (base[i] === top[i] && base[i + 1] === top[i + 1] && base[i + 2] === top[i + 2]) same++;
    }
    return { hidden: overlay.hidden, opaque, same };
  });
  assert.ok(rings.hidden, "no canvas over the chart on paper");
  assert.ok(rings.opaque > 50 && rings.same === rings.opaque, `the rings' ${rings.opaque} pixels are in the chart (${rings.same})`);
  const pdf = await p.pdf({ format: "A4", printBackground: false });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 50000, `the PDF holds the charts' images (${pdf.length} bytes)`);
  // The images in the PDF are the 300 dpi drawings (image dictionaries name their width).
  const images = (pdf.toString("latin1").match(/\/Width (\d+)/g) || []).map((m) => Number(m.split(" ")[1]));
  for (const w of widths) assert.ok(images.includes(w), `an image ${w} pixels wide in the PDF (found ${images})`);
  await p.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await p.emulateMedia({ media: "screen" });
  assert.deepEqual(await backing("#p"), screen, "back to the screen drawing");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

// Every element's running transitions and animations, shadow roots included.
function motion(p) {
  return p.evaluate(() => {
    const found = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll("*")) {
        const s = getComputedStyle(node);
        const longest = (list) => Math.max(...list.split(",").map((t) => parseFloat(t) || 0));
        if (longest(s.transitionDuration) > 0 || (s.animationName !== "none" && longest(s.animationDuration) > 0) || s.scrollBehavior === "smooth") {
          found.push(`${node.localName}.${node.className}: transition ${s.transitionDuration}, animation ${s.animationName}, scroll ${s.scrollBehavior}`);
        }
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

test("reduced motion: with prefers-reduced-motion the gallery, the widgets and the classroom page move nothing", async () => {
  for (const [origin, path] of [[gallery.origin, "/index.html"], [gallery.origin, "/classroom.html"]]) {
    const context = await browser.newContext({ reducedMotion: "reduce", viewport: { width: 1000, height: 800 } });
    const p = await context.newPage();
    await p.goto(origin + path);
    await allSettled(p);
    await p.locator("tip-chart").first().locator("canvas[role=img]").focus();
    await p.keyboard.press("?");
    assert.deepEqual(await motion(p), [], path);
    await context.close();
  }
  // The probe sees motion where there is some: the classroom's buttons ease their colours
  // for readers who have not asked for less motion.
  const context = await browser.newContext({ reducedMotion: "no-preference", viewport: { width: 1000, height: 800 } });
  const p = await context.newPage();
  await p.goto(gallery.origin + "/classroom.html");
  await allSettled(p);
  assert.ok((await motion(p)).length > 0, "transitions are found when motion is allowed");
  await context.close();
});

test("view=\"table\" on a phone: each row is a card with its column names, and the accessibility tree still has a table with headers", async () => {
  const phone = await openPage(browser, `${server.origin}/fr.html`, { width: 320, height: 700 });
  const p = phone.page;
  await waitForState(p, "#t", "ready");
  const layout = await shadow(p, "#t", (el) => {
    const box = el.shadowRoot.querySelector(".table");
    const cell = box.querySelector("tbody td");
    return {
      overflow: box.scrollWidth - box.clientWidth,
      rowDisplay: getComputedStyle(box.querySelector("tbody tr")).display,
      label: getComputedStyle(cell, "::before").content,
      cellRight: cell.getBoundingClientRect().right, boxRight: box.getBoundingClientRect().right,
    };
  });
  assert.equal(layout.rowDisplay, "block", "rows are cards");
  assert.ok(layout.overflow <= 1, `nothing out of sight to the right (${layout.overflow} px)`);
  assert.match(layout.label, /^"Édition\u00a0: "/, "a value is shown under its column's name, with French spacing");
  // What Chromium gives assistive technology: still a table, its cells under their headers,
  // and the drawn column names not read out a second time.
  const cdp = await phone.context.newCDPSession(p);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const roles = new Set(nodes.map((n) => n.role?.value));
  for (const role of ["table", "row", "columnheader", "rowheader", "cell"]) assert.ok(roles.has(role), `${role} in the tree`);
  const cells = nodes.filter((n) => n.role?.value === "cell").map((n) => n.name?.value || "");
  assert.ok(cells.includes("2025"), "a cell's name is its value");
  assert.ok(!cells.some((name) => name.includes("Édition")), "the drawn column name is not part of the cell's name");
  await screenshot(p, "#t", "a11y-table-phone-fr.png");
  await phone.context.close();

  // On a wide screen the same table is a table, numbers right-aligned and words left.
  const wide = await openPage(browser, `${server.origin}/fr.html`, { width: 900, height: 700 });
  await waitForState(wide.page, "#t", "ready");
  const aligned = await shadow(wide.page, "#t", (el) => {
    const cells = el.shadowRoot.querySelectorAll(".table tbody tr:first-child td");
    return { display: getComputedStyle(el.shadowRoot.querySelector(".table tbody tr")).display, align: [...cells].map((c) => getComputedStyle(c).textAlign) };
  });
  assert.equal(aligned.display, "table-row");
  assert.deepEqual(aligned.align, ["right", "left", "right", "left", "left"], "edition, tier, count, countries, source");
  await wide.context.close();
  // A column of numbers stays right-aligned where one of them carries a note: the 2019 victims
  // figure the dataset corrects ("118,932 (corrected; printed as 111,932)").
  const lines = await openPage(browser, `${server.origin}/focus.html`, { width: 1000, height: 700 });
  await waitForState(lines.page, "#tl", "ready");
  const columns = await shadow(lines.page, "#tl", (el) => {
    const table = el.shadowRoot.querySelector(".table table");
    const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    return heads.map((head, i) => [head, [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[i]).map((c) => [c.textContent, getComputedStyle(c).textAlign])]);
  });
  const victims = columns.find(([head]) => head.startsWith("Victims identified"));
  assert.ok(victims[1].some(([text]) => /\(corrected/.test(text)), "the corrected value is in the column");
  assert.ok(victims[1].every(([, align]) => align === "right"), JSON.stringify(victims));
  await lines.context.close();
});
