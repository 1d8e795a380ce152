// tipviz loader: the browser lifecycle around the wasm `TipWidget` handle. It owns only DOM
// work (shadow root, canvas sizing, events, ARIA, downloads); every chart decision is made in
// Rust. scripts/bundle.mjs wraps this file together with the wasm-bindgen glue (which defines
// `wasm_bindgen`) and `loadWasmBytes()` (the inlined, gzip-compressed wasm).
//
// Rules this file keeps: no network, no storage, no eval, no inline style attributes (styles go
// through adoptedStyleSheets or CSSOM so a strict CSP allows them), host-page text is only ever
// inserted with textContent, and nothing is thrown into the host page.

// The engine is compiled and instantiated synchronously once its bytes are inflated: with
// WebAssembly.instantiate every step would wait for a task of its own, and the first chart
// would come a frame or two later (a 678 KB module compiles in about 4 ms).
var started = null;
function start() {
  if (!started) {
    started = loadWasmBytes().then(function (bytes) {
      wasm_bindgen.initSync({ module: bytes });
    });
  }
  return started;
}

// Chart text is laid out by the widths of the font it is drawn in: one sample per group of
// characters the engine measures by (model::measure::SAMPLES; a test keeps the two equal),
// regular at the charts' label size and bold at their title size.
var WIDTH_SAMPLES = [" ", "ijlftrI.,:;'!|()-/", "mwMW@%\u2014", "0123456789", "ABCDEFGHJKLNOPQRSTUVXYZ", "abcdeghknopqsuvxyz"];
var LABEL_PX = 12, TITLE_PX = 15;

var STYLE_TEXT = [
  // A chart reads left to right whatever the page's writing mode: a vertical host made the
  // box as wide as the viewport. (!important in the shadow tree wins over the page's rules.)
  // The width a block would take wherever the page puts it: in a flex row (a CMS's sidebar
  // layout) an element's width is its content's, and a chart sized to its buttons is 302 px.
  ":host{display:block;position:relative;contain:content;min-width:120px;width:-moz-available;width:-webkit-fill-available;width:stretch;writing-mode:horizontal-tb !important;}",
  ":host([hidden]){display:none;}",
  // `all` leaves `direction` alone: an RTL host would flip the box's own text and controls,
  // so the box sets it back (the canvas backend aligns text left/right, not start/end).
  ".box{all:initial;direction:ltr;unicode-bidi:isolate;display:block;position:relative;box-sizing:border-box;width:100%;",
  "font:var(--tipviz-font-size,14px)/1.4 var(--tipviz-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);",
  "color:var(--tv-text);background:var(--tv-bg);border:1px solid var(--tv-border);border-radius:6px;overflow:hidden;}",
  ".box.light{--tv-text:#1a1a1a;--tv-muted:#585858;--tv-bg:#ffffff;--tv-border:var(--tipviz-border-light,var(--tipviz-border,#d0d0d0));--tv-accent:var(--tipviz-accent-light,var(--tipviz-accent,#005eb8));--tv-tip:#ffffff;--tv-hover:rgba(0,0,0,.06);}",
  ".box.dark{--tv-text:#ececec;--tv-muted:#b0b0b0;--tv-bg:#181a1f;--tv-border:var(--tipviz-border-dark,var(--tipviz-border,#44474f));--tv-accent:var(--tipviz-accent-dark,var(--tipviz-accent,#6cb2ff));--tv-tip:#23262d;--tv-hover:rgba(255,255,255,.08);}",
  "canvas{display:block;outline:none;touch-action:pan-y;}",
  "canvas:focus-visible{outline:3px solid var(--tv-accent);outline-offset:-3px;}",
  // The highlight's own canvas, over the chart's (the box is its containing block and the
  // chart's canvas sits at the box's top left); pointer events go through to the chart.
  ".overlay{position:absolute;left:0;top:0;pointer-events:none;}",
  // The tooltip is placed by flex spacers, not by measuring it: the spacers around it shrink
  // when it would cross the box's edge, so it stays inside without a layout in the handler.
  // The zone covers the chart's canvas, not the buttons under it: a readout pinned near the
  // chart's bottom would hide them on the way to "Download PNG".
  ".tipzone{position:absolute;inset:4px 4px auto;height:calc(var(--chart-height,100%) - 8px);display:flex;flex-direction:column;pointer-events:none;z-index:1;}",
  ".tipzone::before{content:'';flex:0 1 var(--tip-above,0px);min-height:0;}",
  ".tipzone::after{content:'';flex:0 1 var(--tip-below,0px);min-height:0;}",
  ".tiprow{display:flex;flex:none;}",
  ".tiprow::before{content:'';flex:0 1 var(--tip-before,0px);min-width:0;}",
  ".tiprow::after{content:'';flex:0 1 var(--tip-after,0px);min-width:0;}",
  ".tip{flex:none;box-sizing:border-box;max-width:var(--tip-width,320px);padding:6px 8px;",
  "background:var(--tv-tip);color:var(--tv-text);border:1px solid var(--tv-border);border-radius:4px;",
  "box-shadow:0 2px 8px rgba(0,0,0,.25);font-size:12px;white-space:normal;overflow-wrap:anywhere;}",
  ".tip b{display:block;font-size:13px;}",
  ".tip .src{color:var(--tv-muted);margin-top:4px;}",
  ".toggles{position:absolute;left:0;top:0;width:0;height:0;}",
  // An item's row and a little more: the part of the chart a key brings into view.
  ".reveal{position:absolute;width:1px;height:48px;visibility:hidden;pointer-events:none;}",
  ".toggle{all:initial;position:absolute;box-sizing:border-box;cursor:pointer;border-radius:4px;color:transparent;font-size:1px;}",
  ".toggle:hover{background:var(--tv-hover);}",
  ".toggle:focus-visible{outline:3px solid var(--tv-accent);outline-offset:0;}",
  ".message{padding:16px;color:var(--tv-text);}",
  ".message strong{display:block;margin-bottom:4px;}",
  // On a phone a long button ("Télécharger le CSV") moves to a row of its own, whole.
  ".bar{display:flex;flex-wrap:wrap;gap:6px;justify-content:flex-end;padding:4px 8px 6px;}",
  ".bar button{white-space:nowrap;}",
  "button{all:initial;font:inherit;font-size:12px;color:var(--tv-text);cursor:pointer;padding:2px 8px;",
  "border:1px solid var(--tv-border);border-radius:4px;}",
  "button:focus-visible{outline:3px solid var(--tv-accent);outline-offset:1px;}",
  ".table{overflow:auto;max-height:480px;padding:8px;}",
  "table{border-collapse:collapse;font-size:13px;color:var(--tv-text);}",
  "caption{text-align:left;font-weight:bold;padding-bottom:6px;}",
  // Numbers right-aligned so their digits line up; words (names, lists, sources) left.
  "th,td{border-bottom:1px solid var(--tv-border);padding:3px 8px;text-align:left;vertical-align:top;}",
  ".num{text-align:right;}",
  // Text in the widget's font whose widths layout measures by (see textWidths): out of
  // sight and of the accessibility tree, and untouched by the page's spacing or transforms.
  ".measure{all:initial;position:absolute;left:0;top:0;visibility:hidden;pointer-events:none;contain:layout style;font-family:inherit;}",
  // (`all: initial` resets visibility too: each part hides itself.)
  ".measure span{all:initial;visibility:hidden;white-space:pre;font-family:inherit;font-size:" + LABEL_PX + "px;}",
  ".measure span.b{font-weight:bold;font-size:" + TITLE_PX + "px;}",
  ".measure i{all:initial;visibility:hidden;display:inline-block;width:100px;}",
  ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}",
  "[hidden]{display:none !important;}"
].join("");

// Accessibility (issue 7): the key help panel, a focusable table region, print and reduced
// motion. Kept apart from the rules above; the functions that use them are further down.
STYLE_TEXT += [
  ".help{margin:0 8px 8px;padding:10px 12px;background:var(--tv-tip);color:var(--tv-text);",
  "border:1px solid var(--tv-border);border-radius:6px;font-size:13px;}",
  ".help:focus-visible,.table:focus-visible{outline:3px solid var(--tv-accent);outline-offset:-3px;}",
  ".help .title{display:block;font-weight:bold;font-size:14px;margin:0 0 6px;}",
  ".help dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0 0 8px;}",
  ".help dt,.help dd{margin:0;}",
  "kbd{font:inherit;font-size:12px;border:1px solid var(--tv-muted);border-radius:3px;padding:0 4px;white-space:nowrap;}",
  ".help-open{min-width:1.6em;text-align:center;font-weight:bold;}",
  // WCAG 2.5.8: targets at least 24 CSS pixels high.
  ".bar button,.help button{box-sizing:border-box;min-height:24px;}",
  "@media (prefers-reduced-motion: reduce){*,*::before,*::after{animation:none !important;transition:none !important;scroll-behavior:auto !important;}}",
  "@media print{:host{break-inside:avoid;page-break-inside:avoid;}",
  ".bar,.tip,.toggles,.help{display:none !important;}",
  "canvas{max-width:100% !important;height:auto !important;}",
  ".table{max-height:none;overflow:visible;}}",
  // view="table" in a narrow box (a phone): each row is a card, each value under its column's
  // name, instead of a table wider than the screen with its counts and sources out of sight.
  // The cells keep their table roles (display:block would drop them), and the names drawn
  // before the values are not read out: the column headers are.
  ".table{container-type:inline-size;}",
  "@container (max-width:480px){",
  ".table table,.table tbody,.table tr,.table th,.table td{display:block;}",
  ".table caption{display:block;text-align:left;}",
  ".table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);}",
  ".table tr{border-bottom:1px solid var(--tv-border);padding:6px 0;}",
  ".table th,.table td{border:0;padding:1px 0;text-align:left;}",
  ".table td::before,.table th[scope=row]::before{content:attr(data-label) \": \" / \"\";font-weight:bold;}",
  ".box:lang(fr) .table td::before,.box:lang(fr) .table th[scope=row]::before{content:attr(data-label) \"\u00a0: \" / \"\";}}"
].join("");

var sheet = null;
function applyStyles(root) {
  // Constructed sheets are not inline styles, so a CSP without 'unsafe-inline' allows them.
  if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function") {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE_TEXT);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch (e) { /* fall back to a <style> element */ }
  }
  var style = document.createElement("style");
  style.textContent = STYLE_TEXT;
  root.appendChild(style);
}

function el(tag, className, parent) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}

function fire(target, name, detail) {
  try {
    target.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true, composed: true }));
  } catch (e) { /* a host listener's exception must not break the widget */ }
}

var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
var liveWidgets = new Set();
if (darkQuery && darkQuery.addEventListener) {
  darkQuery.addEventListener("change", function () {
    liveWidgets.forEach(function (w) { w.render(); });
  });
}

// A chart's height when the page sets none and the chart asks for none of its own: 62% of the
// width, 300 to 520 px.
function defaultHeight(width) {
  return Math.min(520, Math.max(300, width * 0.62));
}

// `template` with `{0}` replaced by `value` as plain text (a function replacer, so `$&` and
// the like in what a reader typed stay as typed).
function fill(template, value) {
  return String(template).replace("{0}", function () { return String(value); });
}

// The widget's words come from the engine in the reader's language; these few are needed
// before it has started (or if it cannot start), so the loader holds them itself.
var STARTUP_WORDS = {
  en: { title: "tipviz could not start", text: "The chart engine failed to load: {0}. If this page sets a Content-Security-Policy, its script-src must allow 'wasm-unsafe-eval'." },
  fr: { title: "tipviz n'a pas pu démarrer", text: "Le moteur des graphiques n'a pas pu se charger : {0}. Si cette page définit une Content-Security-Policy, son script-src doit autoriser 'wasm-unsafe-eval'." },
  es: { title: "tipviz no pudo iniciarse", text: "El motor de los gráficos no pudo cargarse: {0}. Si esta página define una Content-Security-Policy, su script-src debe permitir 'wasm-unsafe-eval'." }
};
var ENGLISH_WORDS = { lang_code: "en", download_csv: "Download CSV", download_png: "Download PNG", stopped: "tipviz stopped", internal_error: "Internal error: {0}" };

// One widget: a shadow root on `host`, options from `readOptions()` (name/value pairs).
function Controller(host, readOptions) {
  this.host = host;
  this.readOptions = readOptions;
  this.handle = null;
  this.frame = 0;
  this.error = null;
  this.typed = "";
  this.root = host.shadowRoot || host.attachShadow({ mode: "open" });
  this.root.textContent = "";
  applyStyles(this.root);
  var box = this.box = el("div", "box light", this.root);
  this.canvas = el("canvas", null, box);
  // Laid out with the canvas by the width read below, so reading the samples' widths later
  // forces no layout of its own.
  this.samples = el("div", "measure", box);
  this.samples.setAttribute("aria-hidden", "true");
  ["", "b"].forEach(function (weight) {
    WIDTH_SAMPLES.forEach(function (text) { el("span", weight, this.samples).textContent = text; }, this);
  }, this);
  el("i", null, this.samples);
  this.measureBeforeContent();
  this.canvas.tabIndex = 0;
  this.canvas.setAttribute("role", "img");
  // A hover redraws only this, where the engine draws the highlight apart (see drawOverlay).
  this.overlay = el("canvas", "overlay", box);
  this.overlay.setAttribute("aria-hidden", "true");
  this.overlay.hidden = true;
  // Real buttons over the drawn legend entries that hide and show series: they take Tab,
  // Enter and Space, and tell screen readers whether each series is shown (aria-pressed).
  this.toggles = el("div", "toggles", box);
  this.toggleButtons = {};
  // Where the active item is, for scrolling it into view (see revealActive).
  this.revealMark = el("div", "reveal", box);
  this.revealMark.hidden = true;
  this.tipZone = el("div", "tipzone", box);
  this.tip = el("div", "tip", el("div", "tiprow", this.tipZone));
  this.tip.hidden = true;
  this.message = el("div", "message", box);
  this.message.setAttribute("role", "alert");
  this.message.hidden = true;
  this.tableBox = el("div", "table", box);
  this.tableBox.hidden = true;
  this.bar = el("div", "bar", box);
  this.words = ENGLISH_WORDS;
  this.csvButton = el("button", null, this.bar);
  this.pngButton = el("button", null, this.bar);
  this.labelButtons();
  this.addKeyHelp();
  this.summary = el("p", "sr", box);
  this.summary.id = "tipviz-summary";
  this.canvas.setAttribute("aria-describedby", "tipviz-summary");
  this.srTable = el("div", "sr", box);
  this.live = el("div", "sr", box);
  this.live.setAttribute("role", "status");
  this.live.setAttribute("aria-live", "polite");
  this.listen();
  liveWidgets.add(this);
  this.setState("loading");
  var self = this;
  start().then(function () {
    if (self.destroyed) return;
    // A trap here (which should never happen) stops this widget, not the page: thrown inside
    // this callback it would be an unhandled rejection in the host page.
    try {
      self.handle = new wasm_bindgen.TipWidget();
    } catch (err) {
      self.stopped(err);
      return;
    }
    self.configure();
  }, function (err) {
    self.setState("error");
    var words = STARTUP_WORDS[String(self.option("lang") || "").trim().toLowerCase()] || STARTUP_WORDS.en;
    self.showMessage(words.title, fill(words.text, err && err.message || err));
  });
}

Controller.prototype.labelButtons = function () {
  this.box.setAttribute("lang", this.words.lang_code || "en");
  this.csvButton.textContent = this.words.download_csv;
  this.pngButton.textContent = this.words.download_png;
  this.labelKeyHelp();
};

// Mirrors the widget's state on the host, for host CSS and for tests: loading, ready, error.
Controller.prototype.setState = function (state) {
  try { this.host.setAttribute("data-tipviz-state", state); } catch (e) { /* detached host */ }
};

Controller.prototype.listen = function () {
  var self = this;
  var canvas = this.canvas;
  this.resizeObserver = new ResizeObserver(function () {
    // Reports before the engine is ready are covered by the first draw, and the first report
    // after it comes at the width it drew: no redraw for either.
    if (!self.handle || self.drawnWidth === self.width()) return;
    self.schedule();
  });
  this.resizeObserver.observe(this.host);
  // The readout follows the pointer at once; the highlight is drawn at the next frame, once
  // however many moves arrived before it (a fast mouse sends several per frame).
  // A pointer's offsetX/Y count the page's CSS zoom on the widget (Chromium, Firefox); the
  // chart's layout is in the widget's own CSS pixels. The zoom is read when the pointer comes
  // in, not at every move, where it could cost a style update.
  var zoom = 1;
  function local(e) { return [e.offsetX / zoom, e.offsetY / zoom]; }
  canvas.addEventListener("pointerenter", function () { zoom = self.cssZoom(); });
  canvas.addEventListener("pointermove", function (e) {
    var at = self.pointerAt = local(e);
    self.keyView = null;
    // The canvas rows on screen, from where the event lands in the canvas and in the window
    // (no layout read): a chart scrolled half out of view gets its tooltip in view.
    var above = (e.offsetY - e.clientY) / zoom;
    self.pointerView = [above, above + (window.innerHeight || 0) / zoom];
    if (!self.call(function (h) { return h.pointer(at[0], at[1]); })) {
      // Within one item the tooltip stays put until the pointer reaches it; then it moves
      // clear of it (a year or a bar can be wider than the room beside the tooltip).
      if (!self.tip.hidden && self.call(function (h) { return h.tip_covers(at[0], at[1]); })) self.showReadout();
      return;
    }
    self.showReadout();
    self.drawAtFrame();
  });
  canvas.addEventListener("pointerleave", function () {
    self.pointerAt = null;
    if (self.call(function (h) { return h.leave(); })) self.refresh();
  });
  canvas.addEventListener("click", function (e) {
    zoom = self.cssZoom();
    var at = local(e);
    var index = self.call(function (h) { return h.click(at[0], at[1]); });
    self.refresh();
    if (index !== undefined && index >= 0) self.fireSelect();
  });
  canvas.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    self.pointerAt = null;
    if (self.typeAhead(e.key)) { e.preventDefault(); return; }
    var outcome = self.call(function (h) { return h.key(e.key); });
    if (!outcome || outcome === "ignored") return;
    e.preventDefault();
    self.revealActive();
    self.refresh();
    if (outcome === "selected") self.fireSelect();
  });
  // Tabbing to a chart still waiting far down the page draws it (see defer).
  canvas.addEventListener("focus", function () { self.undefer(); });
  canvas.addEventListener("blur", function () {
    if (self.call(function (h) { return h.leave(); })) self.refresh();
  });
  this.csvButton.addEventListener("click", function () {
    self.download(new Blob([self.csv()], { type: "text/csv;charset=utf-8" }), "csv");
  });
  this.pngButton.addEventListener("click", function () {
    self.composed().toBlob(function (blob) { if (blob) self.download(blob, "png"); }, "image/png");
  });
};

// Type-ahead on charts whose items have names (countries, regions, editions): printable keys
// build a search that resets after a second without typing; Backspace edits it; Space
// belongs to the search only once one has started (else it pins, as before). Returns whether
// the key was taken.
var TYPE_AHEAD_MS = 1000;
Controller.prototype.typeAhead = function (key) {
  var noun = this.call(function (h) { return h.searches(); });
  var typing = !!this.typed;
  var printable = key.length === 1 && (key !== " " || typing);
  if (!noun || !(printable || (key === "Backspace" && typing))) {
    this.typed = "";
    return false;
  }
  this.typed = key === "Backspace" ? this.typed.slice(0, -1) : this.typed + key;
  var self = this;
  clearTimeout(this.typedTimer);
  this.typedTimer = setTimeout(function () { self.typed = ""; }, TYPE_AHEAD_MS);
  if (!this.typed) return true;
  var typed = this.typed;
  var found = this.call(function (h) { return h.find(typed); });
  if (found === undefined) return true;
  if (found >= 0) {
    this.revealActive();
    this.refresh();
  }
  // Typographic quotes: the typed text is read out as typed, whatever quotes it contains.
  else this.live.textContent = fill(this.words.no_match, typed);
  return true;
};

// Calls into wasm; a trap (which should never happen) becomes a message, not a page error.
Controller.prototype.call = function (fn) {
  if (!this.handle || this.error) return undefined;
  try {
    return fn(this.handle);
  } catch (err) {
    this.stopped(err);
    return undefined;
  }
};

// The engine threw: this widget lets go of it and says so; other widgets carry on.
Controller.prototype.stopped = function (err) {
  this.handle = null;
  this.setState("error");
  this.showMessage(this.words.stopped, fill(this.words.internal_error, err && err.message || err));
};

Controller.prototype.configure = function () {
  if (!this.handle) return;
  var pairs = [];
  this.readOptions().forEach(function (p) { pairs.push(String(p[0]), String(p[1])); });
  var problem = this.call(function (h) { return h.configure(pairs); });
  if (problem === undefined) return;
  this.words = this.call(function (h) { return h.words(); }) || this.words;
  this.labelButtons();
  this.error = problem;
  if (problem) {
    this.showMessage(this.words.cannot_show, problem.message);
    this.setState("error");
    fire(this.host, "tipviz:error", {
      attribute: problem.attribute, value: problem.value, accepted: problem.accepted.slice(), message: problem.message
    });
    return;
  }
  this.message.hidden = true;
  if (this.deferred) {
    this.defer();
    return;
  }
  this.render();
  // After render(): the summary describes the laid-out chart.
  this.fillTables();
  this.labelTableRegion();
  this.setState("ready");
  fire(this.host, "tipviz:ready", { chart: this.option("chart") });
};

Controller.prototype.option = function (name) {
  var found = null;
  this.readOptions().forEach(function (p) { if (String(p[0]).toLowerCase() === name) found = String(p[1]); });
  return found;
};

Controller.prototype.showMessage = function (title, text) {
  this.canvas.hidden = true;
  this.overlay.hidden = true;
  this.toggles.hidden = true;
  this.tip.hidden = true;
  this.tableBox.hidden = true;
  this.bar.hidden = true;
  this.closeKeyHelp(false);
  this.message.hidden = false;
  // Nothing of the previous chart stays for screen readers: the message is all there is.
  this.summary.textContent = "";
  this.srTable.textContent = "";
  this.tableBox.textContent = "";
  this.canvas.removeAttribute("aria-label");
  this.message.textContent = "";
  el("strong", null, this.message).textContent = title;
  el("span", null, this.message).textContent = text;
  this.box.className = "box " + (darkQuery && darkQuery.matches ? "dark" : "light");
};

Controller.prototype.isDark = function () {
  var theme = this.call(function (h) { return h.theme(); });
  return theme === "dark" || (theme === "auto" && !!(darkQuery && darkQuery.matches));
};

// A widget more than this many screens below the top of the window when the page lays it out
// is configured (its attribute errors show at once) but drawn only when it comes within a
// screen of the window, or when the browser is idle, whichever comes first: a long article with
// a dozen charts is ready to read and scroll before the charts far down it are drawn (drawing
// all of the demo gallery's 27 charts held its DOMContentLoaded back to 1.5 s). Printing, a PNG
// asked for by script and keyboard focus draw it at once.
var FAR_SCREENS = 2;
var nearObserver = null, waitingHosts = new Map(), waitingForIdle = [], idleAsked = false;
Controller.prototype.defer = function () {
  // Named already: a screen reader's user who tabs to it hears what it is (the title needs no
  // layout; the summary and table come with the drawing).
  this.labelCanvas();
  // The height the page asked for, else roughly the height it will take, so the page below
  // does not jump much when it is drawn (the chart's own height needs its text laid out).
  var width = this.width();
  var requested = parseFloat(this.option("height"));
  this.canvas.style.width = width + "px";
  this.canvas.style.height = Math.round(Math.min(requested > 0 ? requested : defaultHeight(width), 4000)) + "px";
  if (!nearObserver && window.IntersectionObserver) {
    nearObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting && waitingHosts.has(e.target)) waitingHosts.get(e.target).undefer(); });
    }, { rootMargin: "100% 0px" });
  }
  waitingHosts.set(this.host, this);
  if (nearObserver) nearObserver.observe(this.host);
  if (waitingForIdle.indexOf(this) < 0) waitingForIdle.push(this);
  whenIdle();
};

// Draws a deferred widget now (its configuration is current); nothing for one already drawn.
Controller.prototype.undefer = function () {
  if (!this.deferred) return;
  this.deferred = false;
  waitingHosts.delete(this.host);
  if (nearObserver) nearObserver.unobserve(this.host);
  var i = waitingForIdle.indexOf(this);
  if (i >= 0) waitingForIdle.splice(i, 1);
  if (!this.destroyed) this.configure();
};

// One waiting widget per idle period, in page order, so the page stays responsive between them.
function whenIdle() {
  if (idleAsked || !waitingForIdle.length) return;
  idleAsked = true;
  if (window.requestIdleCallback) window.requestIdleCallback(drawOneWaiting, { timeout: 2000 });
  else setTimeout(drawOneWaiting, 200);
}
function drawOneWaiting() {
  idleAsked = false;
  if (waitingForIdle.length) waitingForIdle[0].undefer();
  whenIdle();
}

Controller.prototype.schedule = function () {
  var self = this;
  if (this.frame) return;
  this.frame = requestAnimationFrame(function () {
    self.frame = 0;
    self.render();
  });
};

// Sizes the canvas to the container (backing store = CSS size × devicePixelRatio) and draws.
Controller.prototype.render = function () {
  if (!this.handle || this.error || this.deferred) return;
  // This draw covers any redraw still waiting for a frame.
  if (this.frame) {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
  var dark = !printing && this.isDark();
  this.box.className = "box " + (dark ? "dark" : "light");
  var asTable = this.call(function (h) { return h.view(); }) === "table";
  this.canvas.hidden = asTable;
  this.overlay.hidden = true;
  this.toggles.hidden = asTable;
  this.tableBox.hidden = !asTable;
  this.bar.hidden = false;
  if (asTable) return;
  // On paper, no wider than a portrait page's text: a chart drawn at a wide screen's width
  // would be shrunk onto the page with all its text.
  var width = printing ? Math.min(this.width(), PRINT_WIDTH) : this.width();
  // The chart's text in the box's font (the page's --tipviz-font, else the system stack):
  // style is fresh after width() laid the box out, so reading it costs no second layout.
  // Layout measures text by that font's widths, so they are set before any height is asked.
  var family = getComputedStyle(this.box).fontFamily;
  var widths = this.textWidths(family);
  this.call(function (h) { h.set_font_family(family); h.set_text_widths(widths); });
  var requested = parseFloat(this.option("height"));
  // A preferred height is the least the chart needs or more; not asked when the page sets one
  // (it is a full layout for the matrix).
  var preferred = requested > 0 ? 0 : this.call(function (h) { return h.preferred_height(width); }) || 0;
  var height = preferred;
  if (!preferred) {
    // A height too small for a chart's rows or panels (the page's, or the default when a
    // legend wraps on a phone) is raised to what they need: drawn smaller, rows pile up at
    // the canvas's bottom edge and panels run into each other.
    var least = this.call(function (h) { return h.minimum_height(width); }) || 0;
    height = Math.max(requested > 0 ? requested : defaultHeight(width), least);
  }
  height = Math.round(Math.min(height, 4000));
  var dpr = this.drawingDpr(width, height);
  var canvas = this.canvas;
  canvas.style.width = width + "px";
  canvas.style.height = height + "px";
  var deviceWidth = Math.round(width * dpr), deviceHeight = Math.round(height * dpr);
  if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
  if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
  this.tipZone.style.setProperty("--chart-height", height + "px");
  var overlay = this.overlay;
  overlay.style.width = canvas.style.width;
  overlay.style.height = canvas.style.height;
  if (overlay.width !== deviceWidth) overlay.width = deviceWidth;
  if (overlay.height !== deviceHeight) overlay.height = deviceHeight;
  if (!printing) this.watchDpr(window.devicePixelRatio || 1);
  this.call(function (h) { h.set_dark(dark); h.resize(width, height, dpr); });
  this.drawNow();
  this.drawnWidth = width;
  this.placeToggles();
  this.showReadout();
};

// The CSS width to draw at: the host's, else the box's, else a default.
// The box's inner width: the host's clientWidth would count padding a page gives the host
// (and the box's border), and a canvas that wide is cut off at the right.
Controller.prototype.width = function () {
  var early = this.widthBeforeContent;
  if (early) {
    this.widthBeforeContent = 0;
    return early;
  }
  return Math.max(120, Math.floor(this.box.clientWidth || this.host.clientWidth || 600));
};

// Reads the width while the box holds only its canvas, for the first draw in the same task.
// Measured later, the box's text (buttons, summary, screen-reader table) would be laid out
// twice: once forced here, once in the frame. A width gone stale by the first draw is fixed
// by the ResizeObserver; one kept past this task is dropped.
Controller.prototype.measureBeforeContent = function () {
  var self = this;
  this.widthBeforeContent = this.width();
  // The same layout says where the widget is: far below the screen, it waits (see defer).
  var top = this.host.getBoundingClientRect().top;
  this.deferred = top > FAR_SCREENS * (window.innerHeight || 0) && window.innerHeight > 0;
  // The text samples were laid out by the same layout: their widths cost nothing now.
  this.textWidths(getComputedStyle(this.box).fontFamily);
  setTimeout(function () { self.widthBeforeContent = 0; }, 0);
};

// The widths of the samples in `family`, regular at LABEL_PX then bold at TITLE_PX (CSS
// pixels), read from the widget's own sample text once per family on the page, when its box
// is first laid out.
// DOM text, not the canvas's measureText, which works out every glyph's ink bounds too: the
// samples' ~150 glyphs cost about 5 ms on a page's first chart that way. A page zoom scales
// what is read; the 100 px reference box undoes it.
var measuredFonts = {};
Controller.prototype.textWidths = function (family) {
  var known = measuredFonts[family];
  if (known) return known;
  // Shown only while read: no layout or paint of it on later frames. Read again (a font that
  // has loaded since, another family), showing it lays it out at once.
  var samples = this.samples, nodes = samples.children, n = WIDTH_SAMPLES.length;
  samples.hidden = false;
  var scale = nodes[2 * n].getBoundingClientRect().width / 100;
  var widths = [];
  // Not laid out (a hidden or detached widget): nothing to read yet, and nothing kept.
  if (scale > 0) {
    for (var i = 0; i < 2 * n; i++) widths.push(nodes[i].getBoundingClientRect().width / scale);
    measuredFonts[family] = widths;
  }
  samples.hidden = true;
  return widths;
};

// Keeps one button per toggling legend entry, over the entry; buttons are reused by key so
// the one with focus keeps it when the chart is redrawn.
Controller.prototype.placeToggles = function () {
  var targets = this.call(function (h) { return h.toggles(); }) || [];
  var self = this, keep = {};
  targets.forEach(function (t) {
    var button = self.toggleButtons[t.key];
    if (!button) {
      button = self.toggleButtons[t.key] = el("button", "toggle", self.toggles);
      button.type = "button";
      button.addEventListener("click", function () { self.toggle(t.key); });
    }
    keep[t.key] = true;
    button.textContent = t.label;
    button.setAttribute("aria-pressed", t.shown ? "true" : "false");
    button.title = fill(t.shown ? self.words.hide : self.words.show, t.label);
    button.style.left = t.x + "px";
    button.style.top = t.y + "px";
    button.style.width = t.width + "px";
    button.style.height = t.height + "px";
  });
  Object.keys(this.toggleButtons).forEach(function (key) {
    if (!keep[key]) { self.toggleButtons[key].remove(); delete self.toggleButtons[key]; }
  });
};

Controller.prototype.toggle = function (key) {
  var shown = this.call(function (h) { return h.toggle(key); });
  if (shown === undefined) return;
  this.render();
  var button = this.toggleButtons[key];
  var label = button ? button.textContent : key;
  this.live.textContent = fill(shown ? this.words.shown : this.words.hidden, label);
  fire(this.host, "tipviz:toggle", { chart: this.option("chart"), series: key, shown: shown });
};

// devicePixelRatio changes when the page is zoomed or moved to another screen.
Controller.prototype.watchDpr = function (dpr) {
  if (this.dprWatched === dpr || !window.matchMedia) return;
  var self = this;
  if (this.dprQuery) this.dprQuery.removeEventListener("change", this.dprListener);
  this.dprWatched = dpr;
  this.dprQuery = window.matchMedia("(resolution: " + dpr + "dppx)");
  this.dprListener = function () { self.schedule(); };
  this.dprQuery.addEventListener("change", this.dprListener);
};

Controller.prototype.drawAtFrame = function () {
  var self = this;
  if (this.hoverFrame) return;
  this.hoverFrame = requestAnimationFrame(function () {
    self.hoverFrame = 0;
    self.drawHighlight();
  });
};

// Draws the engine's current state at the current size; a hover redraw still waiting for a
// frame has nothing left to do.
Controller.prototype.drawNow = function () {
  this.cancelHoverFrame();
  var canvas = this.canvas;
  this.call(function (h) { h.draw(canvas); });
  this.layered = this.drawOverlay();
  // Chromium prints a canvas stacked on another as if it hid it (an enforcement chart with its
  // correction rings came out blank), so on paper the overlay is drawn into the chart itself.
  if (printing && !this.overlay.hidden) {
    canvas.getContext("2d").drawImage(this.overlay, 0, 0);
    this.overlay.hidden = true;
  }
};

// Draws what goes over the chart on the overlay canvas and shows it, or hides it when there is
// nothing to show (never cleared or drawn then, it holds no pixels until a first hover);
// returns whether the highlight goes there. Charts whose highlight changes the whole drawing
// (tier-changes fades the other bands) leave the overlay alone: their `draw` includes it.
var OVERLAY_UNUSED = 0, OVERLAY_DRAWN = 2;
Controller.prototype.drawOverlay = function () {
  var overlay = this.overlay;
  var outcome = this.call(function (h) { return h.draw_overlay(overlay); });
  overlay.hidden = outcome !== OVERLAY_DRAWN;
  return outcome !== undefined && outcome !== OVERLAY_UNUSED;
};

// After the highlight moved: only the overlay is drawn again where it holds the highlight.
// Redrawing the whole chart for a hover cost 0.7 to 1.3 ms per frame on the benchmark's
// charts, and 3 to 5 ms on the world map (measured at devicePixelRatio 1).
Controller.prototype.drawHighlight = function () {
  if (!this.layered) {
    this.drawNow();
    return;
  }
  this.cancelHoverFrame();
  this.drawOverlay();
};

Controller.prototype.cancelHoverFrame = function () {
  if (!this.hoverFrame) return;
  cancelAnimationFrame(this.hoverFrame);
  this.hoverFrame = 0;
};

Controller.prototype.refresh = function () {
  this.drawHighlight();
  this.showReadout();
};

// Keys move among items that a tall chart may hold below the window's edge: the item comes
// into view as a focused element would (the page scrolls as little as it can), and its tooltip
// is then placed in the canvas rows on screen. One layout read per key; a pointer's move
// reads none.
Controller.prototype.revealActive = function () {
  var at = this.call(function (h) { return h.anchor(); });
  if (at) {
    var mark = this.revealMark;
    mark.style.left = at[0] + "px";
    mark.style.top = Math.max(0, at[1] - 8) + "px";
    mark.hidden = false;
    mark.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
    mark.hidden = true;
  }
  var rect = this.canvas.getBoundingClientRect(), zoom = this.cssZoom();
  this.keyView = [-rect.top / zoom, ((window.innerHeight || 0) - rect.top) / zoom];
};

Controller.prototype.showReadout = function () {
  var at = this.pointerAt || [NaN, NaN], view = (this.pointerAt ? this.pointerView : this.keyView) || [NaN, NaN];
  var r = this.call(function (h) { return h.readout(at[0], at[1], view[0], view[1]); });
  if (!r) {
    this.tip.hidden = true;
    this.host.removeAttribute("data-active");
    this.host.removeAttribute("data-active-year");
    return;
  }
  this.host.setAttribute("data-active", r.heading);
  if (r.selection.year) this.host.setAttribute("data-active-year", r.selection.year);
  else this.host.removeAttribute("data-active-year");
  this.tip.textContent = "";
  el("b", null, this.tip).textContent = r.heading;
  // A list of names with no room on screen comes cut ("… and 80 more"); the live region
  // below still reads it whole.
  (r.tip && r.tip.values || r.values).forEach(function (v) { el("div", null, this.tip).textContent = v; }, this);
  if (r.source) el("div", "src", this.tip).textContent = r.source;
  this.tip.hidden = false;
  if (r.tip) this.placeTip(r.tip);
  if (this.live.textContent !== r.sentence) this.live.textContent = r.sentence;
};

// The engine works out where the tooltip goes from its text and the pointer (model::tip):
// beside the pointer, or above or below it across the chart when neither side has the room,
// as insets in the zone (the chart's canvas inset 4px). Spacers set those insets and shrink
// when the tooltip is taller or wider than guessed, so it stays inside. No size is read, so
// the handler forces no layout: the frame lays the tooltip out, once.
Controller.prototype.placeTip = function (place) {
  var style = this.tipZone.style;
  var fromBottom = place.bottom !== null, fromRight = place.right !== null;
  style.setProperty("--tip-above", (fromBottom ? 0 : place.top) + "px");
  style.setProperty("--tip-below", (fromBottom ? place.bottom : 0) + "px");
  style.setProperty("--tip-before", (fromRight ? 0 : place.left) + "px");
  style.setProperty("--tip-after", (fromRight ? place.right : 0) + "px");
  style.setProperty("--tip-width", place.width + "px");
  style.justifyContent = fromBottom ? "flex-end" : "flex-start";
  // "safe": a tooltip taller than the zone runs off its bottom, not its top; a browser
  // without the keyword ignores this and keeps flex-end.
  if (fromBottom) style.justifyContent = "safe flex-end";
  this.tip.parentNode.style.justifyContent = fromRight ? "flex-end" : "flex-start";
};

// tipviz:select carries what was chosen (`year`, `country`, ...) plus the values shown for it.
Controller.prototype.fireSelect = function () {
  var r = this.call(function (h) { return h.readout(NaN, NaN, NaN, NaN); });
  if (!r) return;
  var detail = { chart: this.option("chart"), label: r.heading, values: r.values.slice(), sources: r.sources.slice() };
  Object.keys(r.selection).forEach(function (k) {
    detail[k] = k === "year" ? Number(r.selection[k]) : r.selection[k];
  });
  fire(this.host, "tipviz:select", detail);
};

// The chart's accessible name (its title, what it is, how to read it); returns the title.
Controller.prototype.labelCanvas = function () {
  var title = this.call(function (h) { return h.title(); }) || "";
  this.canvas.setAttribute("aria-label", title + " (" + this.words.chart_role + (this.words.separator || "; ") + this.words.how_to_read + ")");
  return title;
};

Controller.prototype.fillTables = function () {
  var table = this.call(function (h) { return h.table(); });
  var title = this.labelCanvas();
  var summary = this.call(function (h) { return h.summary(); }) || "";
  this.summary.textContent = summary;
  // The visible table of view="table" is the only one then; otherwise a hidden twin of the chart.
  var asTable = this.call(function (h) { return h.view(); }) === "table";
  [this.tableBox, this.srTable].forEach(function (target) {
    target.textContent = "";
    if (!table || (asTable ? target !== this.tableBox : target !== this.srTable)) return;
    var rows = unpackRows(table.rows);
    var numeric = table.columns.map(function (c, i) {
      return i > 0 && rows.every(function (row) { return NUMBER_CELL.test(row[i] || "0"); });
    });
    var t = el("table");
    el("caption", null, t).textContent = title;
    // The visible table may be shown as cards on a phone (see the stylesheet): explicit roles
    // keep it a table for screen readers, and each cell names its column for the eye.
    var visible = target === this.tableBox;
    var role = function (node, name) { if (visible) node.setAttribute("role", name); return node; };
    role(t, "table");
    var headRow = role(el("tr", null, role(el("thead", null, t), "rowgroup")), "row");
    table.columns.forEach(function (c, i) {
      var th = role(el("th", numeric[i] ? "num" : null, headRow), "columnheader");
      th.scope = "col";
      th.textContent = c;
    });
    var body = role(el("tbody", null, t), "rowgroup");
    rows.forEach(function (row) {
      var tr = role(el("tr", null, body), "row");
      row.forEach(function (cell, i) {
        var td = role(el(i === 0 ? "th" : "td", numeric[i] ? "num" : null, tr), i === 0 ? "rowheader" : "cell");
        if (i === 0) td.scope = "row";
        if (visible) td.setAttribute("data-label", table.columns[i]);
        td.textContent = cell;
      });
    });
    // Built apart and attached once: one insertion into the page, not one per cell.
    target.appendChild(t);
  }, this);
};

// A table cell that holds a number in any of the three languages' writings (1,234; 1 234;
// 1.234; 13 %; −5), perhaps with a note in brackets ("118,932 (corrected; printed as
// 111,932)"), or nothing.
var NUMBER_CELL = /^[-\u2212]?[\d.,\s\u00a0\u202f]*%?( \(.*\))?$/;

// The engine's table rows, packed in one string: each cell ends with U+001F, each row with
// U+001E (one string crosses from wasm instead of one per cell).
function unpackRows(packed) {
  var rows = packed.split("\x1e");
  rows.pop();
  return rows.map(function (row) {
    var cells = row.split("\x1f");
    cells.pop();
    return cells;
  });
}

Controller.prototype.csv = function () {
  return this.call(function (h) { return h.csv(); }) || "";
};

Controller.prototype.png = function () {
  return this.composed().toDataURL("image/png");
};

// The chart as the reader sees it: its canvas with the overlay drawn over it.
Controller.prototype.composed = function () {
  this.undefer();
  if (this.overlay.hidden) return this.canvas;
  var both = document.createElement("canvas");
  both.width = this.canvas.width;
  both.height = this.canvas.height;
  var context = both.getContext("2d");
  context.drawImage(this.canvas, 0, 0);
  context.drawImage(this.overlay, 0, 0);
  return both;
};

Controller.prototype.download = function (blob, extension) {
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "tipviz-" + (this.option("chart") || "chart") + "." + extension;
  this.root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
};

Controller.prototype.destroy = function () {
  this.destroyed = true;
  this.undefer();
  liveWidgets.delete(this);
  if (this.frame) cancelAnimationFrame(this.frame);
  if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
  clearTimeout(this.typedTimer);
  if (this.resizeObserver) this.resizeObserver.disconnect();
  if (this.dprQuery) this.dprQuery.removeEventListener("change", this.dprListener);
  if (this.handle) { try { this.handle.free(); } catch (e) { /* already freed */ } }
  this.handle = null;
  this.root.textContent = "";
};

Controller.prototype.reconfigure = function () {
  this.error = null;
  if (!this.handle) return;
  this.configure();
};

// ---- Accessibility (issue 7): key help, the table as a focusable region, print resolution ----

// The keys the help panel lists: what to press (the engine's key names, or symbols the same in
// every language) and what it does (the engine's words). `key_type` exists only for charts
// with type-ahead.
var HELP_KEYS = [
  [null, "← → ↑ ↓", "key_arrows"],
  ["keycap_home_end", null, "key_home_end"],
  ["keycap_enter", null, "key_enter"],
  ["keycap_escape", null, "key_escape"],
  ["keycap_letters", null, "key_type"],
  ["keycap_tab", null, "key_tab"],
  [null, "?", "key_help"]
];

// A "?" button first in the button bar and the panel it opens, in the flow between the chart
// and the bar (so a short chart never clips it). The panel is a non-modal dialog: Tab leaves
// it as it leaves any part of the widget.
Controller.prototype.addKeyHelp = function () {
  var self = this;
  var button = this.helpButton = el("button", "help-open");
  button.type = "button";
  button.textContent = "?";
  button.hidden = true;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "tipviz-help");
  this.bar.insertBefore(button, this.bar.firstChild);
  var panel = this.help = el("div", "help");
  panel.id = "tipviz-help";
  panel.hidden = true;
  panel.tabIndex = -1;
  panel.setAttribute("role", "dialog");
  this.box.insertBefore(panel, this.bar);
  button.addEventListener("click", function () { self.toggleKeyHelp(button); });
  // Capture, so "?" reaches the help before type-ahead takes it as a letter.
  this.box.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || !self.words.key_help_open) return;
    var inHelp = !panel.hidden && panel.contains(e.target);
    if (e.key === "?" && (e.target === self.canvas || e.target === button || inHelp)) {
      e.preventDefault();
      e.stopPropagation();
      self.toggleKeyHelp(inHelp ? self.helpOpener : e.target);
    } else if (e.key === "Escape" && inHelp) {
      e.preventDefault();
      e.stopPropagation();
      self.closeKeyHelp(true);
    } else if (e.key === "Escape" && !panel.hidden && e.target === self.canvas) {
      self.closeKeyHelp(false); // and the canvas clears its pin as usual
    }
  }, true);
  // Focus moving to something outside the widget closes the panel (it stays where it is).
  this.box.addEventListener("focusout", function (e) {
    if (!panel.hidden && e.relatedTarget && !self.root.contains(e.relatedTarget)) self.closeKeyHelp(false);
  });
};

// Names the button with the engine's words (called whenever they change); the panel is filled
// when it opens, so a page load builds none of it.
Controller.prototype.labelKeyHelp = function () {
  if (!this.help) return;
  var words = this.words;
  var usable = !!words.key_help_open && !!this.handle && this.call(function (h) { return h.view(); }) !== "table";
  this.helpButton.hidden = !usable;
  // Announced only where the key does something.
  if (!usable) {
    this.canvas.removeAttribute("aria-keyshortcuts");
    this.closeKeyHelp(false);
    return;
  }
  this.canvas.setAttribute("aria-keyshortcuts", "?");
  this.helpButton.setAttribute("aria-label", words.key_help_open);
  this.helpButton.title = words.key_help_open;
  if (!this.help.hidden) this.fillKeyHelp();
};

// Builds the panel in the current words, unless it already holds them.
Controller.prototype.fillKeyHelp = function () {
  // Tab reaches legend buttons only on charts that have them.
  var legend = Object.keys(this.toggleButtons).length > 0;
  if (this.helpFilledWith === this.words && this.helpLegend === legend) return;
  this.helpLegend = legend;
  var words = this.helpFilledWith = this.words;
  var panel = this.help;
  panel.textContent = "";
  var title = el("span", "title", panel);
  title.id = "tipviz-help-title";
  panel.setAttribute("aria-labelledby", title.id);
  title.textContent = words.key_help_title;
  var list = el("dl", null, panel);
  HELP_KEYS.forEach(function (k) {
    if (!words[k[2]] || (k[0] && !words[k[0]])) return;
    var keys = el("dt", null, list);
    (k[1] || words[k[0]]).split(k[1] ? " " : ", ").forEach(function (name, i) {
      if (i) keys.appendChild(document.createTextNode(" "));
      el("kbd", null, keys).textContent = name;
    });
    el("dd", null, list).textContent = words[k[2] === "key_tab" && !legend ? "key_tab_buttons" : k[2]];
  });
  var self = this;
  var close = el("button", "help-close", panel);
  close.type = "button";
  close.textContent = words.close;
  close.addEventListener("click", function () { self.closeKeyHelp(true); });
};

Controller.prototype.toggleKeyHelp = function (opener) {
  if (!this.help.hidden) { this.closeKeyHelp(true); return; }
  this.helpOpener = opener || this.canvas;
  this.fillKeyHelp();
  this.help.hidden = false;
  this.helpButton.setAttribute("aria-expanded", "true");
  this.help.focus();
};

// Hides the panel; `returnFocus` puts focus back where the panel was opened from.
Controller.prototype.closeKeyHelp = function (returnFocus) {
  if (!this.help || this.help.hidden) return;
  this.help.hidden = true;
  this.helpButton.setAttribute("aria-expanded", "false");
  var back = this.helpOpener && this.helpOpener.isConnected && !this.helpOpener.hidden ? this.helpOpener : this.canvas;
  if (returnFocus && !back.hidden) back.focus();
};

// view="table": the visible table scrolls inside its box, so the box takes focus (arrow keys
// scroll it) and is a named region; the chart view keeps its hidden twin for screen readers.
Controller.prototype.labelTableRegion = function () {
  var box = this.tableBox;
  if (box.hidden || !box.firstChild) {
    box.removeAttribute("tabindex");
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
    return;
  }
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", this.call(function (h) { return h.title(); }) || "");
};

// Printing: every widget is redrawn in the light theme with its backing store at print
// resolution (300 dpi: CSS px × 300/96, never less than the screen's), capped to a pixel count
// canvases allow, and redrawn for the screen afterwards. Chromium fires beforeprint/afterprint
// for the print dialog; the media query covers print previews and emulation.
var PRINT_DPR = 300 / 96;
// A4's and US Letter's width less the print dialog's usual margins and a page's own, in CSS px.
var PRINT_WIDTH = 680;
var MAX_PRINT_PIXELS = 16e6;
var printing = false;
function setPrinting(on) {
  if (printing === on) return;
  printing = on;
  liveWidgets.forEach(function (w) { w.closeKeyHelp(false); if (w.deferred) w.undefer(); else w.render(); });
}
// A web font named in --tipviz-font may arrive after a chart was drawn in a fallback font:
// canvas text is not re-laid out by the browser, so the charts are measured and drawn again.
if (document.fonts && document.fonts.addEventListener) {
  document.fonts.addEventListener("loadingdone", function () {
    measuredFonts = {};
    liveWidgets.forEach(function (w) { w.schedule(); });
  });
}

window.addEventListener("beforeprint", function () { setPrinting(true); });
window.addEventListener("afterprint", function () { setPrinting(false); });
var printQuery = window.matchMedia ? window.matchMedia("print") : null;
if (printQuery && printQuery.addEventListener) {
  printQuery.addEventListener("change", function (e) { setPrinting(e.matches); });
}

// The CSS zoom the page puts on the widget, all its ancestors' together (1 where the browser
// does not say).
Controller.prototype.cssZoom = function () {
  var zoom = this.canvas.currentCSSZoom;
  return zoom > 0 ? zoom : 1;
};

// The device pixels per CSS pixel to draw a `width` × `height` chart at: the screen's, times
// any CSS zoom the page puts on the widget (the classroom page enlarges charts that way), so a
// zoomed chart stays crisp; for print, 300 dpi.
Controller.prototype.drawingDpr = function (width, height) {
  var screen = (window.devicePixelRatio || 1) * this.cssZoom();
  if (!printing) return screen;
  var cap = Math.sqrt(MAX_PRINT_PIXELS / Math.max(1, width * height));
  return Math.max(screen, Math.min(PRINT_DPR, cap));
};

function attributePairs(element, prefix) {
  var pairs = [];
  for (var i = 0; i < element.attributes.length; i++) {
    var a = element.attributes[i];
    if (!prefix) pairs.push([a.name, a.value]);
    else if (a.name.indexOf(prefix) === 0 && a.name.length > prefix.length) pairs.push([a.name.slice(prefix.length), a.value]);
  }
  return pairs;
}

// <div data-tipviz="enforcement" data-scope="global">: the same options as data-* attributes.
function dataAttributePairs(element) {
  var pairs = attributePairs(element, "data-").filter(function (p) {
    return p[0] !== "tipviz" && p[0] !== "active" && p[0] !== "active-year" && p[0] !== "tipviz-state";
  });
  pairs.unshift(["chart", element.getAttribute("data-tipviz") || ""]);
  return pairs;
}

// Every attribute a chart reads (a native test holds this list to the Rust parsers), and the
// loader's own `height`.
var OBSERVED = ["chart", "lang", "theme", "view", "scope", "edition", "metrics", "labor", "years", "scale", "axis",
  "country", "region", "from", "to", "highlight", "metric", "org", "instrument", "sort", "height"];

if (window.customElements && !window.customElements.get("tip-chart")) {
  var TipChart = function () { return Reflect.construct(HTMLElement, [], TipChart); };
  TipChart.prototype = Object.create(HTMLElement.prototype);
  TipChart.prototype.constructor = TipChart;
  Object.setPrototypeOf(TipChart, HTMLElement);
  Object.defineProperty(TipChart, "observedAttributes", { get: function () { return OBSERVED; } });
  TipChart.prototype.connectedCallback = function () {
    if (this._tipviz) return;
    var self = this;
    this._tipviz = new Controller(this, function () { return attributePairs(self); });
  };
  TipChart.prototype.disconnectedCallback = function () {
    var self = this;
    // Moving an element fires disconnect then connect: only tear down if it stays out.
    Promise.resolve().then(function () {
      if (!self.isConnected && self._tipviz) { self._tipviz.destroy(); self._tipviz = null; }
    });
  };
  TipChart.prototype.attributeChangedCallback = function () {
    if (this._tipviz) this._tipviz.reconfigure();
  };
  window.customElements.define("tip-chart", TipChart);
}

// data-tipviz elements with a widget: a Map, so a removal anywhere in the page checks these
// few instead of searching what was removed.
var mountedDivs = new Map();
function scan(root) {
  var nodes = (root || document).querySelectorAll("[data-tipviz]");
  for (var i = 0; i < nodes.length; i++) mountDataElement(nodes[i]);
}

function mountDataElement(node) {
  if (mountedDivs.has(node) || node.localName === "tip-chart") return;
  var controller = new Controller(node, function () { return dataAttributePairs(node); });
  var observer = new MutationObserver(function () { controller.reconfigure(); });
  observer.observe(node, { attributes: true, attributeFilter: ["data-tipviz"].concat(OBSERVED.map(function (n) { return "data-" + n; })) });
  mountedDivs.set(node, { controller: controller, observer: observer });
}

// As disconnectedCallback does for <tip-chart>: a data-tipviz element taken out of the page
// (and not put back in the same task) lets go of its engine, observers and redraws.
function unmountDataElement(node) {
  var mounted = mountedDivs.get(node);
  if (!mounted || node.isConnected) return;
  mounted.observer.disconnect();
  mounted.controller.destroy();
  mountedDivs.delete(node);
}

function watchDocument() {
  scan(document);
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        if (n.hasAttribute("data-tipviz")) mountDataElement(n);
        scan(n);
      });
    });
    var removed = records.some(function (r) { return r.removedNodes.length > 0; });
    // After this task, so an element moved elsewhere in the page keeps its widget.
    if (removed && mountedDivs.size) {
      Promise.resolve().then(function () { mountedDivs.forEach(function (_, node) { unmountDataElement(node); }); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchDocument);
else watchDocument();

function optionPairs(options) {
  var pairs = [];
  Object.keys(options || {}).forEach(function (k) {
    var v = options[k];
    if (Array.isArray(v)) v = v.join(",");
    if (v !== undefined && v !== null) pairs.push([k, String(v)]);
  });
  return pairs;
}

var datasetText = null;

var TipViz = {
  version: VERSION,
  ready: null,
  // Mounts a chart into any element with options given as an object; returns a handle.
  mount: function (element, options) {
    var current = optionPairs(options);
    var controller = new Controller(element, function () { return current; });
    return {
      update: function (more) {
        var merged = {};
        current.forEach(function (p) { merged[p[0]] = p[1]; });
        Object.keys(more || {}).forEach(function (k) { merged[k] = more[k]; });
        current = optionPairs(merged);
        controller.reconfigure();
      },
      destroy: function () { controller.destroy(); },
      csv: function () { return controller.csv(); },
      png: function () { return controller.png(); }
    };
  },
  // The whole dataset as plain objects (DESIGN section 4), once the engine has started.
  data: function () {
    return start().then(function () {
      // Built once in wasm (about 1 MB of text); each caller gets its own parsed copy.
      if (!datasetText) datasetText = wasm_bindgen.datasetJson();
      return JSON.parse(datasetText);
    });
  },
  // One table of the dataset as CSV text; every row keeps its source columns.
  csv: function (table) {
    return TipViz.data().then(function (data) {
      var rows = data[table];
      if (!Array.isArray(rows)) {
        var names = Object.keys(data).filter(function (k) { return Array.isArray(data[k]); });
        throw new Error("TipViz.csv: unknown table \"" + String(table) + "\"; tables: " + names.join(", "));
      }
      return rowsToCsv(rows);
    });
  }
};

// Nested objects become prefixed columns (source.file → source_file), lists join with "|".
function flatten(value, prefix, out) {
  Object.keys(value).forEach(function (key) {
    var v = value[key], name = prefix ? prefix + "_" + key : key;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v, name, out);
    else out[name] = Array.isArray(v) ? v.join("|") : v;
  });
  return out;
}

function rowsToCsv(rows) {
  var flat = rows.map(function (r) { return flatten(r, "", {}); });
  var columns = [];
  flat.forEach(function (r) { Object.keys(r).forEach(function (k) { if (columns.indexOf(k) < 0) columns.push(k); }); });
  var field = function (v) {
    var text = v === null || v === undefined ? "" : String(v);
    if (/^[=+@]/.test(text) || (/^-/.test(text) && isNaN(Number(text)))) text = "'" + text;
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  };
  return [columns.join(",")].concat(flat.map(function (r) {
    return columns.map(function (c) { return field(r[c]); }).join(",");
  })).join("\r\n") + "\r\n";
}
TipViz.ready = start().then(function () { return TipViz; });
// A page that never awaits TipViz.ready must not get an "uncaught (in promise)" error when the
// engine cannot start (a CSP without 'wasm-unsafe-eval'): each widget already says why.
// Whoever awaits it still gets the rejection.
TipViz.ready.catch(function () {});
