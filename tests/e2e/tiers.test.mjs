// The tier charts in a real browser: `tier-map`, `tier-history` and `tier-summary`. Expected
// tiers, sources and counts come from `TipViz.data()`; positions to point at come from the
// widget's own readout (where it anchors the tooltip: inside the country, or on its marker).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, liveText, sweep, canvasPixels, page, TIER_LABELS, REGION_LABELS } from "./harness.mjs";

const pages = {
  "maps.html": page(`<tip-chart id="m24" chart="tier-map" edition="2024"></tip-chart>
<tip-chart id="m25" chart="tier-map" edition="2025"></tip-chart>`),
  "history.html": page(`<tip-chart id="h" chart="tier-history" country="Jamaica, KAZ, mexico"></tip-chart>`),
  "summary.html": page(`<tip-chart id="s" chart="tier-summary" edition="compare"></tip-chart>`),
  "europe.html": page(`<tip-chart id="eu" chart="tier-map" region="europe"></tip-chart>`),
  "africa.html": page(`<tip-chart id="af" chart="tier-map" region="africa"></tip-chart>`),
  "bad.html": page(`<tip-chart id="country" chart="tier-history" country="Atlantis"></tip-chart>
<tip-chart id="nocountry" chart="tier-history"></tip-chart>
<tip-chart id="mapedition" chart="tier-map" edition="2019"></tip-chart>
<tip-chart id="sumedition" chart="tier-summary" edition="2030"></tip-chart>
<tip-chart id="mapregion" chart="tier-map" region="mars"></tip-chart>
<tip-chart id="sumregion" chart="tier-summary" region="antarctica"></tip-chart>
<tip-chart id="highlight" chart="tier-map" highlight="Brazil, Atlantis"></tip-chart>
<tip-chart id="ok" chart="tier-summary" region="europe"></tip-chart>`),
  "shots.html": page(`<tip-chart id="a" chart="tier-map" region="western-hemisphere" highlight="Jamaica"></tip-chart>
<tip-chart id="b" chart="tier-map" region="europe"></tip-chart>
<tip-chart id="c" chart="tier-history" country="JAM,KAZ,MEX"></tip-chart>
<tip-chart id="d" chart="tier-summary"></tip-chart>`),
  "typeahead.html": page(`<tip-chart id="m" chart="tier-map"></tip-chart>
<tip-chart id="h" chart="tier-history" country="JAM,KAZ"></tip-chart>
<tip-chart id="s" chart="tier-summary"></tip-chart>`),
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
const RANK = { "1": 1, "2": 2, "2WL": 3, "3": 4 };

// Where the widget anchors a country's (or segment's) readout, in page coordinates: the
// point a reader would hover. Asked of the widget, then the widget is left as it was.
function anchorOf(p, sel, name) {
  return shadow(p, sel, (el, name) => {
    const h = el._tipviz.handle;
    if (h.find(name) < 0) return null;
    const r = h.readout(NaN, NaN, NaN, NaN);
    h.leave();
    const box = el.shadowRoot.querySelector("canvas").getBoundingClientRect();
    return { x: box.left + r.x, y: box.top + r.y, heading: r.heading };
  }, name);
}

// The map's sentence for a country in an edition, from the dataset.
function mapSentence(d, id, edition) {
  const name = d.countries.find((c) => c.id === id).name;
  const now = d.tiers.find((t) => t.country === id && t.edition === edition);
  const before = d.tiers.find((t) => t.country === id && t.edition === edition - 1);
  const change = edition === 2024 ? "no full tier list before 2024 in the data"
    : `${TIER_LABELS[before.tier]} in 2024 → ${TIER_LABELS[now.tier]} in 2025: ` +
      (before.tier === now.tier ? "unchanged" : !(now.tier in RANK && before.tier in RANK) ? "changed"
        : RANK[now.tier] < RANK[before.tier] ? "upgraded" : "downgraded");
  return { name, now, start: `${name}: ${TIER_LABELS[now.tier]} in ${edition}; ${change}`,
    source: `Source: ${edition} TIP Report, ${now.source.file} line ${now.source.line}.` };
}

const selects = (p) => p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:select").map((e) => ({ id: e.id, ...e.detail })));

test("type-ahead: names, aliases, Backspace, the pause that starts a new search, no match, and the old keys", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/typeahead.html`, { width: 1000 });
  for (const id of ["#m", "#h", "#s"]) await waitForState(p, id, "ready");
  const d = await data(p);
  const country = (id) => d.countries.find((c) => c.id === id);
  const byName = (name) => d.countries.find((c) => c.name === name);

  // The map: a prefix finds the first country in alphabetical order, like the arrow keys show it.
  await p.locator("#m canvas[role=img]").focus();
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
  await p.locator("#h canvas[role=img]").focus();
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
  await p.locator("#s canvas[role=img]").focus();
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

test("tier-map: hovering Jamaica, Kazakhstan and small territories in 2024 and 2025 reads tier, change and source", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/maps.html`, { width: 1000, height: 1400 });
  for (const id of ["#m24", "#m25"]) await waitForState(p, id, "ready");
  const d = await data(p);
  // Small territories: by the widget's own rule they get a marker (checked below by pixels
  // and by hovering off the island).
  // The Caribbean's small states sit close together: each keeps its own marker.
  const small = ["MLT", "BHR", "ATG", "LCA", "VCT", "BRB", "ABW", "CUW", "SXM"];
  for (const [sel, edition] of [["#m24", 2024], ["#m25", 2025]]) {
    for (const id of ["JAM", "KAZ", ...small]) {
      const want = mapSentence(d, id, edition);
      const at = await anchorOf(p, sel, want.name);
      assert.ok(at, `${want.name} is on the ${edition} map`);
      await p.mouse.move(at.x, at.y);
      assert.equal(await active(p, sel), want.name, `${edition}: hovering ${id}`);
      const live = await liveText(p, sel);
      assert.ok(live.startsWith(want.start), `${live}\nshould start with\n${want.start}`);
      assert.ok(live.endsWith(want.source), `${live}\nshould end with\n${want.source}`);
      const tip = await tooltip(p, sel);
      assert.ok(tip.startsWith(want.name) && tip.includes(TIER_LABELS[want.now.tier]) && tip.includes(want.now.source.file), tip);
      if (want.now.basis === "corrected") {
        // Kazakhstan 2025: no tier printed for it; the dataset places it, and says so.
        assert.ok(live.includes("; placement corrected by tipviz: "), live);
        assert.ok(tip.includes("placement corrected by tipviz"), tip);
      }
      if (small.includes(id)) {
        // A marker is drawn there (not the background), and pointing off its centre finds it.
        const [corner, mark] = await shadow(p, sel, (el, pt) => {
          const c = el.shadowRoot.querySelector("canvas"), box = c.getBoundingClientRect();
          const px = (x, y) => Array.from(c.getContext("2d").getImageData(Math.round(x), Math.round(y), 1, 1).data).join(",");
          return [px(2, c.height - 2), px(pt.x - box.left, pt.y - box.top)];
        }, at);
        assert.notEqual(mark, corner, `${id}'s marker is drawn`);
        await p.mouse.move(at.x + 2, at.y - 2);
        assert.equal(await active(p, sel), want.name, `${id}'s marker is hoverable off its centre`);
      }
      await p.mouse.move(0, 0);
    }
  }
  const kaz = d.tiers.find((t) => t.country === "KAZ" && t.edition === 2025);
  assert.equal(kaz.basis, "corrected", "the dataset corrects Kazakhstan's 2025 placement");
  // Clicking a country selects it.
  const jam = await anchorOf(p, "#m25", "Jamaica");
  await p.mouse.click(jam.x, jam.y);
  assert.deepEqual((await selects(p)).map((e) => [e.id, e.country]).at(-1), ["m25", "JAM"]);
  // The CSV has every country of the edition with its source line.
  const csv = (await shadow(p, "#m24", (el) => el._tipviz.csv())).trim().split("\r\n");
  const listed = d.tiers.filter((t) => t.edition === 2024);
  assert.ok(listed.length > 150);
  for (const t of listed) {
    assert.ok(csv.some((l) => l.startsWith(`2024,${t.country},`) && l.endsWith(`,${t.source.file},${t.source.line}`)), t.country);
  }
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test("tier-map region=europe on a phone: every Balkan country can be pointed at and the zoom fills the canvas", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/europe.html`, { width: 360, dpr: 2, colorScheme: "dark" });
  await waitForState(p, "#eu", "ready");
  const d = await data(p);
  for (const id of ["ALB", "BIH", "HRV", "XKX", "MNE", "MKD", "SRB", "SVN"]) {
    const name = d.countries.find((c) => c.id === id).name;
    const at = await anchorOf(p, "#eu", name);
    await p.mouse.move(at.x, at.y);
    assert.equal(await active(p, "#eu"), name, id);
    assert.ok((await liveText(p, "#eu")).startsWith(`${name}: `));
  }
  // Land is drawn from the left edge of the map to the right: no empty band at the sides.
  // Rows down the map, above its legend (a single row may cross open sea at a side).
  const row = await shadow(p, "#eu", (el) => {
    const c = el.shadowRoot.querySelector("canvas"), g = c.getContext("2d");
    const bg = Array.from(g.getImageData(1, 1, 1, 1).data).join(",");
    let first = c.width, last = -1;
    for (let share = 0.2; share < 0.65; share += 0.025) {
      const line = g.getImageData(0, Math.round(c.height * share), c.width, 1).data;
      for (let x = 0; x < c.width; x++) {
        if (Array.from(line.slice(4 * x, 4 * x + 4)).join(",") === bg) continue;
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
    return { first, last, width: c.width };
  });
  assert.ok(row.last - row.first > 0.8 * row.width, JSON.stringify(row));
  // A screen reader gets the region's countries, not the neighbours drawn around them.
  const europe = d.countries.filter((c) => c.region === "europe").map((c) => c.name).sort();
  const listed = await shadow(p, "#eu", (el) => [...el.shadowRoot.querySelectorAll(".sr table tbody th")].map((th) => th.textContent));
  assert.deepEqual([...listed].sort(), europe);
  await screenshot(p, "#eu", "tiers-map-europe-phone-hover.png");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("tier-map region=africa on a wide screen: the whole widget fits a laptop window, Africa in an edged frame between empty sides", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/africa.html`, { width: 1400, height: 800 });
  await waitForState(p, "#af", "ready");
  // The whole widget, buttons included, fits the window (it was 1,186 px of canvas).
  const box = await p.locator("#af").boundingBox();
  assert.ok(box.height <= 800, `the widget is ${box.height} px tall`);
  // Across the middle of the map: background, the frame's edge, land, the frame's edge,
  // background again; the frame centred.
  const row = await shadow(p, "#af", (el) => {
    const c = el.shadowRoot.querySelector("canvas"), g = c.getContext("2d");
    const bg = Array.from(g.getImageData(1, 1, 1, 1).data).join(",");
    const line = g.getImageData(0, Math.round(c.height * 0.4), c.width, 1).data;
    const inked = [];
    for (let x = 0; x < c.width; x++) if (Array.from(line.slice(4 * x, 4 * x + 4)).join(",") !== bg) inked.push(x);
    return { first: inked[0], last: inked[inked.length - 1], count: inked.length, width: c.width };
  });
  assert.ok(row.first > 0.1 * row.width && row.last < 0.9 * row.width, `empty sides: ${JSON.stringify(row)}`);
  assert.ok(Math.abs(row.first + row.last - row.width) < 4, `centred: ${JSON.stringify(row)}`);
  assert.ok(row.count > 0.1 * row.width, `land between: ${JSON.stringify(row)}`);
  // Those first and last inked columns are the frame's edges: one colour all the way down the
  // map, where land would change with the height.
  const edges = await shadow(p, "#af", (el, [first, last]) => {
    const c = el.shadowRoot.querySelector("canvas"), g = c.getContext("2d");
    const column = (x) => new Set([0.15, 0.3, 0.45, 0.6, 0.75].map((h) => Array.from(g.getImageData(x, Math.round(c.height * h), 1, 1).data).join(",")));
    return [[...column(first)], [...column(last)]];
  }, [row.first, row.last]);
  assert.equal(edges[0].length, 1, `left edge: ${JSON.stringify(edges)}`);
  // Alike, to a grey level of anti-aliasing (the round line joins shade the two a level apart).
  const [left, right] = [edges[0][0].split(",").map(Number), edges[1].map((c) => c.split(",").map(Number))];
  assert.ok(right.length === 1 && right[0].every((v, i) => Math.abs(v - left[i]) <= 2), `both edges drawn alike: ${JSON.stringify(edges)}`);
  // Africa's countries can still be pointed at, those at its edges included.
  const d = await data(p);
  for (const id of ["SEN", "ZAF", "SOM", "EGY", "MDG"]) {
    const name = d.countries.find((c) => c.id === id).name;
    const at = await anchorOf(p, "#af", name);
    assert.ok(at.x > box.x + row.first && at.x < box.x + row.last, `${id} inside the frame`);
    await p.mouse.move(at.x, at.y);
    assert.equal(await active(p, "#af"), name, id);
  }
  await screenshot(p, "#af", "tiers-map-africa-1400.png");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("tier-history: every edition 2001-2025 for three countries, gaps as no data, external and corrected tiers with sources", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/history.html`, { width: 900 });
  await waitForState(p, "#h", "ready");
  const d = await data(p);
  const ids = ["JAM", "KAZ", "MEX"];
  const { seen } = await sweep(p, "#h", 0.6);
  const last = Math.max(...d.tiers.map((t) => t.edition));
  assert.deepEqual([...seen.keys()].map(Number), Array.from({ length: last - 2000 }, (_, i) => 2001 + i), "every edition from 2001");
  let gaps = 0, external = 0;
  for (const [year, sentence] of seen) {
    const placed = ids.map((id) => d.tiers.find((t) => t.country === id && t.edition === Number(year)));
    if (placed.every((t) => !t)) gaps++;
    ids.forEach((id, k) => {
      const name = d.countries.find((c) => c.id === id).name;
      const t = placed[k];
      if (!t) {
        assert.ok(sentence.includes(`${name}: no data for this edition`), `${year} ${id}: ${sentence}`);
        return;
      }
      assert.ok(sentence.includes(`${name}: ${TIER_LABELS[t.tier]} (`), `${year} ${id}: ${sentence}`);
      // The source: the file, and the line among that document's lines.
      const file = t.source.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      assert.match(sentence, new RegExp(`${file} lines? [0-9, ]*\\b${t.source.line}\\b`), `${year} ${id}`);
      if (t.basis === "external") {
        external++;
        assert.ok(sentence.includes(`${name}: ${TIER_LABELS[t.tier]} (external history`), sentence);
        assert.ok(sentence.includes(d.sources.find((s) => s.file === t.source.file).title), sentence);
      }
      if (t.basis === "corrected") assert.match(sentence, new RegExp(`${name}: ${TIER_LABELS[t.tier]} \\((corrected|supplied by the dataset)`));
    });
  }
  assert.ok(gaps >= 4, `editions without data read as such (${gaps})`);
  assert.ok(external >= 15 * 2, `2001-2015 from Kelley & Heiss (${external})`);
  // The keyboard reaches the same editions.
  await p.locator("#h canvas[role=img]").focus();
  await p.keyboard.press("End");
  assert.equal(await p.getAttribute("#h", "data-active-year"), String(last));
  await p.keyboard.press("Enter");
  assert.equal((await selects(p)).at(-1).year, last);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("tier-summary: hovering a segment reads its count and countries, clicking selects the region", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/summary.html`, { width: 900, height: 1400 });
  await waitForState(p, "#s", "ready");
  const d = await data(p);
  const region = (id) => d.countries.find((c) => c.id === id).region;
  const name = (id) => d.countries.find((c) => c.id === id).name;
  // Every drawn segment of Africa, both editions: step the widget to find where each is.
  const segments = await shadow(p, "#s", (el) => {
    const h = el._tipviz.handle, box = el.shadowRoot.querySelector("canvas").getBoundingClientRect(), out = [];
    h.find("Africa");
    for (let r = h.readout(NaN, NaN, NaN, NaN); r && r.selection.region === "africa"; ) {
      out.push({ x: box.left + r.x, y: box.top + r.y + 4, heading: r.heading, ...r.selection });
      h.key("ArrowRight");
      const next = h.readout(NaN, NaN, NaN, NaN);
      if (next.index === r.index) break;
      r = next;
    }
    h.leave();
    return out;
  });
  assert.ok(segments.length >= 6, `${segments.length} segments`);
  assert.deepEqual([...new Set(segments.map((s) => s.edition))], ["2024", "2025"]);
  for (const s of segments) {
    await p.mouse.move(s.x, s.y);
    assert.equal(await active(p, "#s"), s.heading);
    const placed = d.tiers.filter((t) => t.edition === Number(s.edition) && region(t.country) === "africa");
    const members = placed.filter((t) => t.tier === s.tier).map((t) => name(t.country)).sort();
    const live = await liveText(p, "#s");
    // Names are listed apart by semicolons when one holds a comma ("Gambia, The").
    const separator = members.some((m) => m.includes(",")) ? "; " : ", ";
    assert.ok(live.startsWith(`${REGION_LABELS.africa}, ${s.edition}: ${TIER_LABELS[s.tier]}: ${members.length} of the ${placed.length} countries placed in ${REGION_LABELS.africa}; ${members.join(separator)}.`), live);
    assert.ok((await tooltip(p, "#s")).includes(members[0]));
  }
  const third = segments.find((s) => s.tier === "3");
  await p.mouse.click(third.x, third.y);
  const selected = (await selects(p)).at(-1);
  assert.deepEqual([selected.region, selected.tier, selected.edition], ["africa", "3", third.edition]);
  // The CSV counts agree with the dataset.
  const csv = (await shadow(p, "#s", (el) => el._tipviz.csv())).trim().split("\r\n").slice(1).map((l) => l.split(","));
  const editions = [...new Set(csv.map((row) => Number(row[0])))];
  assert.equal(csv.length, editions.length * 6 * 5, "a row per edition, region and tier");
  for (const [edition, reg, tier, count] of csv) {
    const n = d.tiers.filter((t) => t.edition === Number(edition) && t.tier === tier && region(t.country) === reg).length;
    assert.equal(Number(count), n, `${edition} ${reg} ${tier}`);
  }
  const total = csv.reduce((sum, row) => sum + Number(row[3]), 0);
  assert.equal(total, d.tiers.filter((t) => editions.includes(t.edition) && region(t.country)).length, "every placed country counted once");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("bad country, edition, region and highlight values show their message inside the widget box", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/bad.html`);
  await waitForState(p, "#ok", "ready");
  const ids = ["country", "nocountry", "mapedition", "sumedition", "mapregion", "sumregion", "highlight"];
  for (const id of ids) await waitForState(p, `#${id}`, "error");
  const shown = (id) => shadow(p, `#${id}`, (el) => {
    const m = el.shadowRoot.querySelector(".message"), host = el.getBoundingClientRect(), box = m.getBoundingClientRect();
    const inside = box.width > 0 && box.left >= host.left && box.right <= host.right + 0.5 && box.top >= host.top;
    return { text: m.textContent, visible: !m.hidden && inside, canvas: !el.shadowRoot.querySelector("canvas").hidden };
  });
  const expect = {
    country: /country="Atlantis" is not a country or territory tipviz knows/,
    nocountry: /country.*is required/,
    mapedition: /edition="2019".*Jamaica to Namibia.*2024, 2025, latest/,
    sumedition: /edition="2030" is not a value tipviz knows\. Accepted values: 2024, 2025, latest, compare\./,
    mapregion: /region="mars" is not a value tipviz knows\. Accepted values: africa, east-asia-pacific, europe, near-east, south-central-asia, western-hemisphere\./,
    sumregion: /region="antarctica" is not a value tipviz knows\. Accepted values: africa, east-asia-pacific, europe, near-east, south-central-asia, western-hemisphere\./,
    highlight: /highlight="Atlantis" is not a country or territory tipviz knows/,
  };
  for (const id of ids) {
    const m = await shown(id);
    assert.match(m.text, expect[id], id);
    assert.ok(m.visible && !m.canvas, `${id}: the message, not a chart, inside the box`);
  }
  const errors = await p.evaluate(() => window.__tipvizEvents.filter((e) => e.type === "tipviz:error").map((e) => e.id + ":" + e.detail.attribute));
  assert.deepEqual(errors.sort(), ["country:country", "highlight:highlight", "mapedition:edition", "mapregion:region",
    "nocountry:country", "sumedition:edition", "sumregion:region"]);
  await screenshot(p, "#mapedition", "tier-map-bad-edition.png");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("screenshots at phone and desktop sizes, light and dark", async () => {
  for (const [width, scheme, dpr] of [[360, "dark", 2], [1000, "light", 1], [360, "light", 3], [1000, "dark", 1]]) {
    const { page: p, context, log } = await openPage(browser, `${base}/shots.html`, { width, colorScheme: scheme, dpr, height: 900 });
    for (const id of ["#a", "#b", "#c", "#d"]) await waitForState(p, id, "ready");
    for (const [id, what] of [["#a", "map-americas"], ["#b", "map-europe"], ["#c", "history"], ["#d", "summary"]]) {
      const canvas = await shadow(p, id, (el) => {
        const c = el.shadowRoot.querySelector("canvas");
        return { width: c.width, cssWidth: c.clientWidth };
      });
      assert.equal(canvas.width, Math.round(canvas.cssWidth * dpr), "the backing store follows devicePixelRatio");
      assert.ok(canvas.cssWidth <= width, `${id} fits the ${width}px screen`);
      await screenshot(p, id, `tiers-${what}-${width}-${scheme}.png`);
    }
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});
