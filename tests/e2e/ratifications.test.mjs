// The `ratifications` and `peacekeeping` charts in a real browser: every cell read with the
// keyboard, known cells hovered (year, kind, source), the timeline, the Protocol panel, CSV and
// what bad values say. Expected values come from TipViz.data(), not from this file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, thousands, liveText, page } from "./harness.mjs";

const pages = {
  "matrix.html": page(`<tip-chart id="m" chart="ratifications" edition="2025"></tip-chart>`),
  "all.html": page(`<tip-chart id="a" chart="ratifications" instrument="p029" sort="year"></tip-chart>`),
  "sorted.html": page(`<tip-chart id="y" chart="ratifications" edition="2018" instrument="palermo" sort="year"></tip-chart>`),
  "timeline.html": page(`<tip-chart id="t" chart="ratifications" view="timeline" country="Denmark"></tip-chart>`),
  "peace.html": page(`<tip-chart id="p" chart="peacekeeping"></tip-chart>`),
  "bad.html": page(`<tip-chart id="edition" chart="ratifications" edition="2019"></tip-chart>
<tip-chart id="instrument" chart="ratifications" instrument="c98"></tip-chart>
<tip-chart id="sort" chart="ratifications" sort="size"></tip-chart>
<tip-chart id="view" chart="peacekeeping" view="timeline"></tip-chart>
<tip-chart id="org" chart="peacekeeping" org="eu"></tip-chart>
<tip-chart id="victims" chart="peacekeeping" org="osce" metric="victims"></tip-chart>
<tip-chart id="ok" chart="ratifications" edition="2024" height="300"></tip-chart>`),
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

const data = (p) => p.evaluate(async () => await window.TipViz.data());

// Every item's live-region sentence and heading, stepping with the arrow keys from the first.
async function readAll(p, selector, max = 400) {
  await shadow(p, selector, (el) => el.shadowRoot.querySelector("canvas").focus());
  await p.keyboard.press("Home");
  const items = [];
  for (let i = 0; i < max; i++) {
    const sentence = await liveText(p, selector);
    if (items.length && items[items.length - 1].sentence === sentence) break;
    items.push({ sentence, heading: await p.getAttribute(selector, "data-active") });
    await p.keyboard.press("ArrowRight");
  }
  return items;
}

// Steps with the keys to the item whose sentence passes `match`, reads where its tooltip is
// anchored, clears the keyboard state and moves the pointer there: a real hover on that item.
async function hoverItem(p, selector, match) {
  await shadow(p, selector, (el) => el.shadowRoot.querySelector("canvas").focus());
  await p.keyboard.press("Home");
  for (let i = 0; i < 400 && !match(await liveText(p, selector)); i++) await p.keyboard.press("ArrowRight");
  assert.ok(match(await liveText(p, selector)), "the item is reachable with the keys");
  // Where the widget anchors the active item's readout (its centre, its top), in the canvas'
  // CSS pixels: the item is at the canvas' corner plus that.
  const anchor = await shadow(p, selector, (el) => {
    const r = el._tipviz.handle.readout(NaN, NaN, NaN, NaN);
    const canvas = el.shadowRoot.querySelector("canvas").getBoundingClientRect();
    return { x: canvas.left + r.x, y: canvas.top + r.y };
  });
  await p.keyboard.press("Escape");
  await p.mouse.move(anchor.x, anchor.y + 5);
  return liveText(p, selector);
}

const KIND_MARK = { ratification: "", accession: " (a)", acceptance: " (A)" };

test("the 2025 matrix: every year cell with its kind and line, empty cells not party, lost cells not in the source", async () => {
  for (const dpr of [1, 2]) {
    const { page: p, context, log } = await openPage(browser, `${base}/matrix.html`, { dpr });
    await waitForState(p, "#m", "ready");
    const d = await data(p);
    const name = (id) => d.countries.find((c) => c.id === id).name;
    const rows = d.ratifications.filter((r) => r.edition === 2025);
    const countries = [...new Set(rows.map((r) => r.country))];
    const facts = d.protocol_parties.filter((f) => f.edition === 2025);
    const items = await readAll(p, "#m");
    assert.equal(items.length, countries.length * 8 + facts.length, "a keyboard stop per cell and per Protocol fact");
    for (const r of rows) {
      const item = items.find((i) => i.heading.startsWith(`${name(r.country)}: `) && i.sentence.includes(`: ${r.year}: ${r.kind}`));
      assert.ok(item, `${r.country} ${r.instrument} ${r.year}`);
      assert.ok(item.sentence.includes(`2025 TIP Report, ${r.source.file} line${item.sentence.includes(`${r.source.file} lines`) ? "s" : ""} ${r.source.line}`), item.sentence);
      if (r.in_force) assert.ok(item.sentence.includes(`entry into force: ${r.in_force}`), item.sentence);
    }
    // Cells without a row: "not party" for what the chart leaves empty, "not in the source" for
    // the C182 and C189 cells the text lost; they never share a wording.
    const notParty = items.filter((i) => i.sentence.includes("not party as of the 2025 TIP Report"));
    const absent = items.filter((i) => i.sentence.includes("not in the source:"));
    assert.equal(absent.length, countries.length * 2);
    assert.equal(notParty.length + absent.length + rows.length, countries.length * 8);
    assert.ok(notParty.length > 0);

    // Hover Pakistan's P29 cell: the year, the kind, the entry-into-force note and the line.
    const p29 = rows.find((r) => r.country === "PAK" && r.instrument === "p029");
    const sentence = await hoverItem(p, "#m", (s) => s.startsWith(`${name("PAK")}: ILO Protocol of 2014`));
    assert.ok(sentence.includes(`${p29.year}: ${p29.kind}`), sentence);
    assert.ok(sentence.includes(p29.in_force), sentence);
    assert.ok(sentence.includes(`${p29.source.file} line ${p29.source.line}`), sentence);
    assert.equal(await p.getAttribute("#m", "data-active-year"), String(p29.year));
    await p.mouse.down(); await p.mouse.up();
    const selected = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => e.detail));
    assert.deepEqual([selected.at(-1).country, selected.at(-1).instrument, selected.at(-1).year, selected.at(-1).kind], ["PAK", "p029", p29.year, p29.kind]);

    // The accession mark of the UN TIP Protocol cell is in the table view's twin as printed.
    const som = rows.find((r) => r.country === "SOM" && r.instrument === "palermo");
    const cells = await shadow(p, "#m", (el) => [...el.shadowRoot.querySelectorAll(".sr tr")].map((tr) => [...tr.children].map((c) => c.textContent)));
    const somRow = cells.find((c) => c[0] === name("SOM"));
    assert.equal(somRow[2], `${som.year}${KIND_MARK[som.kind]}`);
    assert.equal(somRow[8], "not in the source");

    // The CSV: one row per cell with its status, then the Protocol facts with their lines.
    const csv = (await shadow(p, "#m", (el) => el._tipviz.csv())).trim().split("\r\n");
    assert.equal(csv[0], "edition,country,country_name,instrument,status,year,kind,in_force,value,note,source_file,source_line");
    assert.equal(csv.length, 1 + countries.length * 8 + facts.length);
    const count = facts.find((f) => f.fact === "parties_count");
    assert.ok(csv.some((l) => l.startsWith(`2025,,,palermo,parties_count,,,,${count.value},`) && l.endsWith(`${count.source.file},${count.source.line}`)), csv.join("\n"));
    assert.ok(csv.filter((l) => l.includes(",not_in_source,")).length === countries.length * 2);
    if (dpr === 1) await screenshot(p, "#m", "ratifications-2025.png");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
    await context.close();
  }
});

test("the Protocol panel: each source's count of parties, the non-parties and the joined country", async () => {
  const { page: p, context } = await openPage(browser, `${base}/all.html`, { width: 1000 });
  await waitForState(p, "#a", "ready");
  const d = await data(p);
  const items = await readAll(p, "#a");
  for (const f of d.protocol_parties) {
    const found = f.fact === "parties_count"
      ? items.find((i) => i.heading.startsWith(`${f.value} parties to the UN TIP Protocol`))
      : items.find((i) => i.heading.startsWith(`${d.countries.find((c) => c.id === f.country).name}: `) && i.sentence.includes(f.note.slice(0, 30)));
    assert.ok(found, `${f.fact} ${f.country ?? f.value}`);
    assert.ok(found.sentence.includes(`${f.source.file} line ${f.source.line}`), found.sentence);
  }
  await screenshot(p, "#a", "ratifications-all-p29.png");
  await context.close();
});

test("sort=\"year\" orders a chart's rows by the highlighted instrument's year, oldest first", async () => {
  const { page: p, context } = await openPage(browser, `${base}/sorted.html`, { width: 1000 });
  await waitForState(p, "#y", "ready");
  const d = await data(p);
  const name = (id) => d.countries.find((c) => c.id === id).name;
  const listed = d.ratifications.filter((r) => r.edition === 2018 && r.instrument === "palermo");
  // The rows in keyboard order: the first cell of each country, in the order met.
  const rows = [];
  for (const item of await readAll(p, "#y")) {
    const country = item.heading.split(":")[0];
    if (listed.some((r) => name(r.country) === country) && !rows.includes(country)) rows.push(country);
  }
  assert.equal(rows.length, listed.length, "every country of the 2018 chart is a row");
  const years = rows.map((country) => listed.find((r) => name(r.country) === country).year);
  assert.ok(new Set(years).size >= 3, `the years differ, so the order is a real test: ${years}`);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), rows.join(", "));
  assert.notDeepEqual(rows, [...rows].sort(), "not merely alphabetical");
  await context.close();
});

test("the timeline: one country's events by year, C29 and P29 far apart", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page: p, context, log } = await openPage(browser, `${base}/timeline.html`, { width: 390, height: 900, colorScheme, dpr: 2 });
    await waitForState(p, "#t", "ready");
    const d = await data(p);
    const rows = d.ratifications.filter((r) => r.country === "DNK");
    const facts = d.protocol_parties;
    const items = await readAll(p, "#t");
    assert.equal(items.length, rows.length + facts.length, "an event per year cell, then the Protocol facts");
    const c29 = rows.find((r) => r.instrument === "c029"), p29 = rows.find((r) => r.instrument === "p029");
    const sentence = await hoverItem(p, "#t", (s) => s.startsWith("Denmark: ILO Convention 29"));
    assert.ok(sentence.includes(`${c29.year}: ${c29.kind}`), sentence);
    assert.ok(sentence.includes(`line ${c29.source.line}`), sentence);
    assert.ok(items.some((i) => i.sentence.startsWith("Denmark: ILO Protocol of 2014") && i.sentence.includes(`${p29.year}: ${p29.kind}`)));
    await screenshot(p, "#t", `ratifications-timeline-${colorScheme}.png`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test("peacekeeping: every organisation's personnel, missions and allegations with their lines; victims where given", async () => {
  for (const { width, colorScheme } of [{ width: 1280, colorScheme: "light" }, { width: 390, colorScheme: "dark" }]) {
    const { page: p, context, log } = await openPage(browser, `${base}/peace.html`, { width, height: 1200, colorScheme });
    await waitForState(p, "#p", "ready");
    const d = await data(p);
    const items = await readAll(p, "#p");
    const label = { un: "UN", osce: "OSCE", nato: "NATO" };
    for (const v of d.peacekeeping.filter((x) => ["personnel", "missions", "allegations"].includes(x.metric))) {
      const s = items.find((i) => i.heading.startsWith(`${label[v.org]}, ${v.year}: `) && i.sentence.includes(`: ${thousands(v.value)} ${v.metric}`));
      assert.ok(s, `${v.org} ${v.year} ${v.metric}`);
      assert.ok(s.sentence.includes(`${v.edition} TIP Report, ${v.source.file} line ${v.source.line}`), s.sentence);
    }
    const victims = d.peacekeeping.filter((x) => x.metric === "victims");
    const years = [...new Set(d.peacekeeping.map((x) => x.year))];
    const victimItems = items.filter((i) => i.heading.includes("victims identified"));
    assert.equal(victimItems.length, years.length, "a victims bar per table year for the UN");
    for (const v of victims) {
      const children = d.peacekeeping.find((x) => x.metric === "children" && x.edition === v.edition);
      assert.ok(victimItems.some((i) => i.sentence.includes(`${thousands(v.value)}, ${children.value} children`)), v.year);
    }
    assert.equal(victimItems.filter((i) => i.sentence.includes("not in the source")).length, years.length - victims.length);
    const csv = (await shadow(p, "#p", (el) => el._tipviz.csv())).trim().split("\r\n");
    assert.equal(csv.length, 1 + d.peacekeeping.length);
    const png = await shadow(p, "#p", (el) => el._tipviz.png());
    assert.ok(png.startsWith("data:image/png;base64,") && png.length > 1000, "a PNG of the chart");
    await screenshot(p, "#p", `peacekeeping-${colorScheme}-${width}.png`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test("bad values name the attribute and what it accepts", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/bad.html`, { height: 2000 });
  await waitForState(p, "#ok", "ready");
  const message = (id) => shadow(p, id, (el) => el.shadowRoot.querySelector(".message").textContent);
  for (const id of ["#edition", "#instrument", "#sort", "#view", "#org", "#victims"]) await waitForState(p, id, "error");
  assert.match(await message("#edition"), /edition="2019" is not a value tipviz knows\. Accepted values: 2018, 2024, 2025, all\./);
  assert.match(await message("#instrument"), /instrument="c98" is not a value tipviz knows\. Accepted values: palermo, opsc, opac, c029, p029, c105, c182, c189\./);
  assert.match(await message("#sort"), /sort="size" is not a value tipviz knows\. Accepted values: country, year\./);
  assert.match(await message("#view"), /view="timeline" cannot be used: only chart="ratifications" has a timeline view\. Accepted values: chart, table\./);
  assert.match(await message("#org"), /org="eu" is not a value tipviz knows\. Accepted values: un, osce, nato, all\./);
  assert.match(await message("#victims"), /org="osce" cannot be used: the tables give victims for the UN only\./);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
