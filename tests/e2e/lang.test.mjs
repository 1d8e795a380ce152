// lang="fr" and lang="es" in a real browser: the widget's own controls, messages, tooltip,
// announcements and accessible name follow the language, and so do the chart's numbers and
// words (the native test tests/i18n.rs holds every chart to that; this checks the page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { makeSite, launch, openPage, waitForState, shadow, screenshot, liveText, page } from "./harness.mjs";

const NNBSP = "\u202f";

const pages = {
  // A phone page with the usual 8 px margins.
  "fr-phone.html": page(`<div style="padding:0 8px"><tip-chart id="e" chart="country-enforcement" lang="fr"></tip-chart></div>`),
  "fr.html": page(`<tip-chart id="e" chart="enforcement" lang="fr"></tip-chart>
<tip-chart id="m" chart="tier-map" lang="fr"></tip-chart>
<tip-chart id="bad" chart="enforcement" lang="fr" years="2030"></tip-chart>
<tip-chart id="c" chart="tier-changes" region="africa" lang="fr"></tip-chart>
<tip-chart id="r" chart="ratifications" country="JAM,MEX,NLD" lang="fr"></tip-chart>`),
  "es.html": page(`<tip-chart id="e" chart="enforcement" lang="es"></tip-chart>
<tip-chart id="s" chart="tier-summary" lang="es"></tip-chart>
<tip-chart id="bad" chart="camembert" lang="es"></tip-chart>`),
  "switch.html": page(`<tip-chart id="e" chart="enforcement"></tip-chart>`),
};

let browser, base;
before(async () => {
  base = pathToFileURL(makeSite(pages)).href;
  browser = await launch();
});
after(async () => { await browser?.close(); });

const buttons = (p, sel) => shadow(p, sel, (el) => Array.from(el.shadowRoot.querySelectorAll(".bar button:not(.help-open)")).map((b) => b.textContent));
const tooltip = (p, sel) => shadow(p, sel, (el) => el.shadowRoot.querySelector(".tip").textContent);
const message = (p, sel) => shadow(p, sel, (el) => el.shadowRoot.querySelector(".message").textContent);
const label = (p, sel) => shadow(p, sel, (el) => el.shadowRoot.querySelector("canvas").getAttribute("aria-label"));

test("French: buttons, accessible name, readout with French numbers and sources, the error message", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/fr.html`, { width: 900 });
  for (const id of ["#e", "#m", "#c", "#r"]) await waitForState(p, id, "ready");
  await waitForState(p, "#bad", "error");
  assert.deepEqual(await buttons(p, "#e"), ["Télécharger le CSV", "Télécharger le PNG"]);
  // Screen readers switch voice for the widget, whatever the page's language.
  assert.equal(await shadow(p, "#e", (el) => el.shadowRoot.querySelector(".box").getAttribute("lang")), "fr");
  assert.match(await label(p, "#e"), /\(graphique ; Tab ici, puis les flèches pour lire les valeurs ; \? pour l'aide clavier\)$/);
  assert.match(await label(p, "#m"), /le nom d'un pays pour lire/);

  // The last year by keyboard: every value with French digit groups, the source in French.
  const d = await p.evaluate(() => window.TipViz.data());
  await p.locator("#e canvas[role=img]").focus();
  await p.keyboard.press("End");
  const sentence = await liveText(p, "#e");
  const row = d.enforcement.find((r) => r.edition === 2025 && r.scope === "global" && r.metric === "victims" && r.year === 2024);
  const french = String(row.value).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  assert.ok(sentence.includes(`Victimes identifiées : ${french}`) || sentence.includes(`Victimes identifiées: ${french}`), sentence);
  assert.ok(sentence.includes("Rapport TIP 2025") && /lignes? \d/.test(sentence), sentence);
  // French sets a space before the semicolons between values, as before colons.
  assert.ok(sentence.includes(` ; Victimes identifiées : ${french}`), sentence);

  assert.ok((await tooltip(p, "#e")).includes("Source : Rapport TIP 2025"), await tooltip(p, "#e"));

  // A refused value: the frame of the message in French, the value as typed.
  const text = await message(p, "#bad");
  assert.ok(text.startsWith("Ce graphique ne peut pas être affiché"), text);
  assert.ok(text.includes('years="2030" ne peut pas servir'), text);

  // Hiding a series is announced with an agreeing participle ("Poursuites masqué" did not agree).
  const first = p.locator("#e").locator(".toggle").first();
  const name = await first.textContent();
  await first.click();
  assert.equal(await liveText(p, "#e"), `Série masquée : ${name}`);
  await first.click();
  assert.equal(await liveText(p, "#e"), `Série affichée : ${name}`);

  // Type-ahead that finds nothing says so in French.
  await p.locator("#m canvas[role=img]").focus();
  await p.keyboard.type("qqz");
  assert.equal(await liveText(p, "#m"), "Aucun pays ne commence par « qqz ».");
  await screenshot(p, "#e", "lang-enforcement-fr.png");
  await screenshot(p, "#m", "lang-map-fr.png");
  await screenshot(p, "#c", "lang-changes-fr.png");
  await screenshot(p, "#r", "lang-ratifications-fr.png");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("on a 320 px phone the French buttons keep their words on one line", async () => {
  const { page: p, context } = await openPage(browser, `${base}/fr-phone.html`, { width: 320, height: 700, dpr: 2 });
  await waitForState(p, "#e", "ready");
  const heights = await shadow(p, "#e", (el) => Array.from(el.shadowRoot.querySelectorAll(".bar button")).map((b) => b.getBoundingClientRect().height));
  assert.equal(heights.length, 3);
  assert.ok(heights.every((h) => h < 30), `one line each: ${heights}`);
  await context.close();
});

test("Spanish: buttons, the legend toggle's announcement, a refused chart, and a dark chart to look at", async () => {
  const { page: p, context, log } = await openPage(browser, `${base}/es.html`, { width: 900, colorScheme: "dark" });
  for (const id of ["#e", "#s"]) await waitForState(p, id, "ready");
  await waitForState(p, "#bad", "error");
  assert.deepEqual(await buttons(p, "#s"), ["Descargar CSV", "Descargar PNG"]);
  const text = await message(p, "#bad");
  assert.ok(text.startsWith("Este gráfico no se puede mostrar"), text);
  assert.ok(text.includes('chart="camembert" no es un valor que tipviz conozca. Valores aceptados: enforcement'), text);

  // Hiding a series: the button's title and the announcement in Spanish.
  const first = p.locator("#e").locator(".toggle").first();
  const name = await first.textContent();
  assert.equal(await first.getAttribute("title"), `Ocultar ${name}`);
  await first.click();
  assert.equal(await liveText(p, "#e"), `Serie oculta: ${name}`);
  assert.equal(await first.getAttribute("title"), `Mostrar ${name}`);
  await first.click();
  assert.equal(await liveText(p, "#e"), `Serie visible: ${name}`);
  await first.click();
  await screenshot(p, "#e", "lang-enforcement-es-dark.png");
  await screenshot(p, "#s", "lang-summary-es-dark.png");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("changing lang at runtime redraws in the new language and keeps working", async () => {
  const { page: p, context } = await openPage(browser, `${base}/switch.html`);
  await waitForState(p, "#e", "ready");
  assert.deepEqual(await buttons(p, "#e"), ["Download CSV", "Download PNG"]);
  await p.evaluate(() => document.querySelector("#e").setAttribute("lang", "es"));
  await p.waitForFunction(() => document.querySelector("#e").shadowRoot.querySelector(".bar button:not(.help-open)").textContent === "Descargar CSV");
  assert.equal(await shadow(p, "#e", (el) => el.shadowRoot.querySelector(".box").getAttribute("lang")), "es");
  await p.evaluate(() => document.querySelector("#e").setAttribute("lang", "de"));
  await waitForState(p, "#e", "error");
  // An unknown language is reported in English, naming the languages there are.
  assert.match(await message(p, "#e"), /lang="de" is not a value tipviz knows\. Accepted values: en, fr, es\./);
  await context.close();
});
