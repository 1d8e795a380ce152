// The classroom page: one chart at a time, filling the window, with one-click buttons for the
// chart, its editions (or countries, regions, organisations), the language and the theme. The
// charts' own words come from tipviz in the language chosen; this page's few words are below.
// The choice is kept in the address (#chart=tier-map&edition=2024&lang=fr) so a lesson can be
// bookmarked; nothing is fetched or stored, so the page works from disk or a USB stick.
(function () {
  "use strict";

  var WORDS = {
    en: {
      heading: "Human trafficking: the reports' numbers", language: "Language", theme: "Theme", chart: "Chart",
      light: "Light", dark: "Dark", auto: "Auto",
      charts: {
        "enforcement": "Prosecutions and convictions", "country-enforcement": "Countries' counts, 2019",
        "tier-map": "World map of tiers", "tier-history": "A country's tier over time", "tier-summary": "Tiers by region",
        "tier-changes": "Who moved tier", "ratifications": "Conventions", "peacekeeping": "Peacekeepers"
      },
      edition: "Edition", compare: "Both editions", all: "All", region: "Region", world: "World", country: "Country",
      ranked: "All countries", countries: "Countries", years: "Editions", organisation: "Organisation",
      regions: { "africa": "Africa", "east-asia-pacific": "East Asia & Pacific", "europe": "Europe", "near-east": "Near East",
        "south-central-asia": "South & Central Asia", "western-hemisphere": "Western Hemisphere" }
    },
    fr: {
      heading: "La traite des êtres humains : les chiffres des rapports", language: "Langue", theme: "Thème", chart: "Graphique",
      light: "Clair", dark: "Sombre", auto: "Auto",
      charts: {
        "enforcement": "Poursuites et condamnations", "country-enforcement": "Chiffres par pays, 2019",
        "tier-map": "Carte des catégories", "tier-history": "La catégorie d'un pays dans le temps", "tier-summary": "Catégories par région",
        "tier-changes": "Qui a changé de catégorie", "ratifications": "Conventions", "peacekeeping": "Maintien de la paix"
      },
      edition: "Édition", compare: "Les deux éditions", all: "Toutes", region: "Région", world: "Monde", country: "Pays",
      ranked: "Tous les pays", countries: "Pays", years: "Éditions", organisation: "Organisation",
      regions: { "africa": "Afrique", "east-asia-pacific": "Asie de l'Est et Pacifique", "europe": "Europe", "near-east": "Proche-Orient",
        "south-central-asia": "Asie du Sud et centrale", "western-hemisphere": "Hémisphère occidental" }
    },
    es: {
      heading: "La trata de personas: las cifras de los informes", language: "Idioma", theme: "Tema", chart: "Gráfico",
      light: "Claro", dark: "Oscuro", auto: "Auto",
      charts: {
        "enforcement": "Procesamientos y condenas", "country-enforcement": "Cifras por país, 2019",
        "tier-map": "Mapa de niveles", "tier-history": "El nivel de un país en el tiempo", "tier-summary": "Niveles por región",
        "tier-changes": "Quién cambió de nivel", "ratifications": "Convenios", "peacekeeping": "Mantenimiento de la paz"
      },
      edition: "Edición", compare: "Ambas ediciones", all: "Todas", region: "Región", world: "Mundo", country: "País",
      ranked: "Todos los países", countries: "Países", years: "Ediciones", organisation: "Organización",
      regions: { "africa": "África", "east-asia-pacific": "Asia oriental y el Pacífico", "europe": "Europa", "near-east": "Cercano Oriente",
        "south-central-asia": "Asia meridional y central", "western-hemisphere": "Hemisferio occidental" }
    }
  };
  var LANG_NAMES = { en: "English", fr: "Français", es: "Español" };
  // The countries on the buttons, as each language names them (the chart names them itself).
  var COUNTRY_NAMES = {
    fr: { Jamaica: "Jamaïque", Kazakhstan: "Kazakhstan", Kenya: "Kenya", Mexico: "Mexique", Malaysia: "Malaisie", Myanmar: "Myanmar",
      Thailand: "Thaïlande", Nigeria: "Nigéria", Ghana: "Ghana", Moldova: "Moldavie", Ukraine: "Ukraine" },
    es: { Jamaica: "Jamaica", Kazakhstan: "Kazajistán", Kenya: "Kenia", Mexico: "México", Malaysia: "Malasia", Myanmar: "Myanmar",
      Thailand: "Tailandia", Nigeria: "Nigeria", Ghana: "Ghana", Moldova: "Moldavia", Ukraine: "Ucrania" }
  };
  function names(list) {
    return function (w, lang) {
      return list.split(", ").map(function (n) { return (COUNTRY_NAMES[lang] || {})[n] || n; }).join(", ");
    };
  }
  var REGIONS = ["africa", "east-asia-pacific", "europe", "near-east", "south-central-asia", "western-hemisphere"];

  // For each chart, its rows of choices: the attribute, the row's label (a key of WORDS) and
  // the choices as [value, label]; a label that is a function gets the words. An empty value
  // removes the attribute (the chart's default).
  var CHARTS = {
    "enforcement": [["edition", "edition", [["", "2025"], ["2024", "2024"], ["compare", function (w) { return w.compare; }]]]],
    "country-enforcement": [["country", "country", [["", function (w) { return w.ranked; }], ["JAM", names("Jamaica")], ["KAZ", names("Kazakhstan")],
      ["KEN", names("Kenya")], ["MEX", names("Mexico")], ["MYS", names("Malaysia")]]]],
    "tier-map": [["edition", "edition", [["", "2025"], ["2024", "2024"]]], ["region", "region", regionChoices()]],
    "tier-history": [["country", "countries", ["Jamaica, Kazakhstan, Mexico", "Myanmar, Thailand", "Nigeria, Kenya, Ghana", "Moldova, Ukraine"]
      .map(function (list, i) { return [i ? list : "", names(list)]; })]],
    "tier-summary": [["edition", "edition", [["", "2025"], ["2024", "2024"], ["compare", function (w) { return w.compare; }]]],
      ["region", "region", regionChoices()]],
    "tier-changes": [["from", "years", [["", "2024 → 2025"], ["2014", "2014 → 2015"], ["2009", "2009 → 2010"], ["2001", "2001 → 2002"]]],
      ["region", "region", regionChoices()]],
    "ratifications": [["edition", "edition", [["", function (w) { return w.all; }], ["2018", "2018"], ["2024", "2024"], ["2025", "2025"]]]],
    "peacekeeping": [["org", "organisation", [["", function (w) { return w.all; }], ["un", "UN"], ["osce", "OSCE"], ["nato", "NATO"]]]]
  };
  // tier-changes compares `from` with the edition after it.
  var CHANGES_TO = { "": "", "2014": "2015", "2009": "2010", "2001": "2002" };

  function regionChoices() {
    return [["", function (w) { return w.world; }]].concat(REGIONS.map(function (r) {
      return [r, function (w) { return w.regions[r]; }];
    }));
  }

  var state = { chart: "enforcement", lang: "en", theme: "auto", options: {} };
  var chart = document.getElementById("chart");
  var stage = document.getElementById("stage");

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (CHARTS[params.get("chart")]) state.chart = params.get("chart");
    if (WORDS[params.get("lang")]) state.lang = params.get("lang");
    if (["light", "dark", "auto"].indexOf(params.get("theme")) >= 0) state.theme = params.get("theme");
    CHARTS[state.chart].forEach(function (row) {
      var value = params.get(row[0]);
      if (value !== null && row[2].some(function (c) { return c[0] === value; })) state.options[row[0]] = value;
    });
  }

  function writeHash() {
    var params = new URLSearchParams();
    params.set("chart", state.chart);
    Object.keys(state.options).forEach(function (k) { if (state.options[k]) params.set(k, state.options[k]); });
    params.set("lang", state.lang);
    params.set("theme", state.theme);
    try { history.replaceState(null, "", "#" + params.toString()); } catch (e) { /* some file:// settings refuse it */ }
  }

  function button(parent, label, pressed, onClick, lang) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    if (lang) b.lang = lang;
    b.addEventListener("click", onClick);
    parent.appendChild(b);
    return b;
  }

  // Redraws the controls (keeping focus on the button that was pressed) and the chart.
  function update(focusLabel) {
    var w = WORDS[state.lang];
    document.documentElement.lang = state.lang;
    document.documentElement.setAttribute("data-theme", state.theme);
    document.title = w.heading + " – tipviz";
    document.getElementById("heading").textContent = w.heading;
    document.getElementById("lang-label").textContent = w.language;
    document.getElementById("theme-label").textContent = w.theme;
    document.getElementById("chart-label").textContent = w.chart;
    var focused = null;
    var keep = function (b, key) { if (key === focusLabel) focused = b; };

    var langs = document.getElementById("langs");
    langs.textContent = "";
    Object.keys(LANG_NAMES).forEach(function (code) {
      keep(button(langs, LANG_NAMES[code], code === state.lang, function () { state.lang = code; update("lang:" + code); }, code), "lang:" + code);
    });
    var themes = document.getElementById("themes");
    themes.textContent = "";
    ["light", "dark", "auto"].forEach(function (t) {
      keep(button(themes, w[t], t === state.theme, function () { state.theme = t; update("theme:" + t); }), "theme:" + t);
    });
    var charts = document.getElementById("charts");
    charts.textContent = "";
    Object.keys(CHARTS).forEach(function (name) {
      keep(button(charts, w.charts[name], name === state.chart, function () {
        if (state.chart !== name) { state.chart = name; state.options = {}; }
        update("chart:" + name);
        bringChartIntoView();
      }), "chart:" + name);
    });
    var options = document.getElementById("options");
    options.textContent = "";
    CHARTS[state.chart].forEach(function (row) {
      var group = document.createElement("div");
      group.className = "group";
      group.setAttribute("role", "group");
      var label = document.createElement("span");
      label.className = "label";
      label.id = "row-" + row[0];
      label.textContent = w[row[1]];
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      var choices = document.createElement("span");
      group.appendChild(choices);
      row[2].forEach(function (c) {
        var text = typeof c[1] === "function" ? c[1](w, state.lang) : c[1];
        var key = "option:" + row[0] + "=" + c[0];
        keep(button(choices, text, (state.options[row[0]] || "") === c[0], function () {
          state.options[row[0]] = c[0];
          update(key);
          bringChartIntoView();
        }), key);
      });
      options.appendChild(group);
    });
    if (focused) focused.focus();
    configureChart();
    writeHash();
    fit();
  }

  // On a phone the buttons sit above the chart and can fill the screen: a tap that changes the
  // chart would change nothing in view. So the chart is scrolled up when little of it shows
  // (focus stays on the button pressed).
  function bringChartIntoView() {
    if (getComputedStyle(document.body).flexDirection !== "column") return;
    var top = stage.getBoundingClientRect().top;
    if (top < window.innerHeight * 0.6) return;
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    stage.scrollIntoView({ block: "start", behavior: calm ? "auto" : "smooth" });
  }

  function configureChart() {
    needed = 0;
    var wanted = { chart: state.chart, lang: state.lang, theme: state.theme };
    Object.keys(state.options).forEach(function (k) { if (state.options[k]) wanted[k] = state.options[k]; });
    if (state.chart === "tier-changes" && wanted.from) wanted.to = CHANGES_TO[wanted.from];
    if (state.chart === "tier-history" && !wanted.country) wanted.country = "Jamaica, Kazakhstan, Mexico";
    // Chart options not wanted any more go first, so the widget never sees a mix of two charts
    // (the page's own attributes stay: id, style with the zoom, height).
    var own = ["id", "style", "class", "height"];
    Array.prototype.slice.call(chart.attributes).forEach(function (a) {
      if (own.indexOf(a.name) < 0 && a.name.indexOf("data-") !== 0 && !(a.name in wanted)) chart.removeAttribute(a.name);
    });
    Object.keys(wanted).forEach(function (k) {
      if (chart.getAttribute(k) !== wanted[k]) chart.setAttribute(k, wanted[k]);
    });
  }

  // Large type: the chart is laid out about 700 CSS pixels wide and zoomed to its space (up to
  // 2×, less if the space is short), so its labels grow with the screen. It takes the height
  // the window leaves, less the widget's own button bar and border (measured).
  var around = 40;
  // The height (CSS pixels, before the zoom) the chart drew at when that was more than it was
  // given: tipviz raises a height too small for a chart's rows. Zoomed less, such a chart still
  // fits the window. Forgotten when the chart or its options change.
  var needed = 0;
  function fit() {
    var style = getComputedStyle(stage);
    var width = stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var room = stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    var shadow = chart.shadowRoot;
    var canvas = shadow && shadow.querySelector("canvas[role=img]");
    if (canvas && !canvas.hidden && canvas.clientHeight > 0) {
      around = Math.max(0, chart.offsetHeight - canvas.clientHeight);
      var drawn = parseFloat(canvas.style.height) || 0;
      if (drawn > parseFloat(chart.getAttribute("height"))) needed = Math.max(needed, drawn);
    }
    var zoom = Math.max(1, Math.min(2, width / 700, room / 440, needed > 0 ? room / (needed + around) : 2));
    zoom = Math.floor(zoom * 20) / 20;
    if (chart.style.zoom !== String(zoom)) chart.style.zoom = String(zoom);
    var height = Math.max(200, Math.floor(room / zoom - around));
    if (chart.getAttribute("height") !== String(height)) chart.setAttribute("height", String(height));
  }

  readHash();
  update(null);
  // A bookmark or link to another view opened in the same tab changes only the hash.
  window.addEventListener("hashchange", function () { state.options = {}; readHash(); update(null); });
  window.addEventListener("resize", fit);
  chart.addEventListener("tipviz:ready", fit);
  // The widget grows past the height fit() gave it when the chart's rows need more; fit()
  // then zooms it less. (Its second pass sets nothing new, so this settles.)
  if (window.ResizeObserver) new ResizeObserver(function () { fit(); }).observe(chart);
})();
