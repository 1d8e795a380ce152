// Turns the wasm-bindgen output into the shipped files listed in wasm-pack.toml: the wasm,
// gzip-compressed by scripts/build.sh, is inlined as base64 (no fetch, so file:// works) and
// wrapped with the loader, then minified with terser (the one npm package the build uses). Prints each
// file's size and SHA-384 (Subresource Integrity, also written beside each file as <file>.sri) and
// fails past its budget. Also writes pkg/tipviz.readable.js: the classic script before
// minification, for reading and debugging (and for the test that makes the engine trap).
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync, gunzipSync, brotliCompressSync, constants } from "node:zlib";
import { createHash } from "node:crypto";
import { minify } from "terser";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const at = (p) => join(root, p);

// The few TOML forms the manifest uses: [[output]] tables of `key = "string" | number`.
function readManifest(text) {
  const outputs = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    if (line === "[[output]]") { outputs.push({}); continue; }
    const m = line.match(/^([a-z_]+)\s*=\s*(?:"([^"]*)"|(\d+))$/);
    if (!m || !outputs.length) throw new Error(`wasm-pack.toml: cannot read line: ${raw}`);
    outputs[outputs.length - 1][m[1]] = m[2] !== undefined ? m[2] : Number(m[3]);
  }
  return outputs;
}

const version = JSON.parse(readFileSync(at("www/version.json"), "utf8")).version;
// Indentation, blank lines and whole-line // comments go from the readable copy (neither file
// has a string or template literal spanning lines, which this would change; checked).
function compact(js) {
  if (/`[^`]*\n/.test(js.replace(/`[^`\n]*`/g, ""))) throw new Error("bundle: a template literal spans lines");
  return js.split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("//")).join("\n");
}

const glue = compact(readFileSync(at("pkg/tipviz.js"), "utf8"));
const wasm = readFileSync(at("pkg/tipviz_bg.wasm"));
const loader = compact(readFileSync(at("www/loader.js"), "utf8"));
// Compressed by scripts/build.sh (tools/squeeze, zopfli); checked against the wasm it packs.
const wasmGzip = readFileSync(at("pkg/tipviz_bg.wasm.gz"));
if (!gunzipSync(wasmGzip).equals(wasm)) throw new Error("bundle: pkg/tipviz_bg.wasm.gz does not hold pkg/tipviz_bg.wasm: run scripts/build.sh");
const wasmBase64 = wasmGzip.toString("base64");

const bytesLoader = `
var WASM_GZIP_BASE64 = "${wasmBase64}";
// Resolves to the wasm's bytes. Writing the compressed bytes to a DecompressionStream and
// reading it out (rather than piping a Blob's stream or reading a Response) keeps every step in
// microtasks: in Chromium the bytes are there before the page's next task, so the engine can be
// compiled and started before the browser first paints the page.
function loadWasmBytes() {
  var bytes;
  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(WASM_GZIP_BASE64);
  else {
    var text = atob(WASM_GZIP_BASE64);
    bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  var inflate = new DecompressionStream("gzip");
  var writer = inflate.writable.getWriter();
  // A failure surfaces through the reader; these two promises must not reject unheard.
  writer.write(bytes).catch(function () {});
  writer.close().catch(function () {});
  var reader = inflate.readable.getReader();
  // The gzip trailer ends with the inflated size, so each chunk goes straight to its place.
  var end = bytes.length;
  var wasm = new Uint8Array((bytes[end - 4] | (bytes[end - 3] << 8) | (bytes[end - 2] << 16) | (bytes[end - 1] << 24)) >>> 0);
  var at = 0;
  function next(result) {
    if (result.done) return wasm;
    wasm.set(result.value, at);
    at += result.value.length;
    return reader.read().then(next);
  }
  return reader.read().then(next);
}`;

// No "//# allFunctionsCalledOnLoad" compile hint: since the engine starts synchronously, the
// hint's eager compilation of every function lengthened the script's parse, which the first
// chart waits for, by more than it saved (31 interleaved loads: 3 to 6 ms later).
const header = `/*! tipviz ${version} | charts of human-trafficking policy data from the U.S. TIP Reports and UNODC.
    Code: MIT OR Apache-2.0. Data sources and licences (including the MIT notice of the Kelley/Heiss tier
    history): call TipViz.data().sources, or see the project README. */\n`;

const body = `var VERSION = ${JSON.stringify(version)};\n${glue}\n${bytesLoader}\n${loader}\n`;

// Every character past ASCII written as a \u escape (the bundle has them only in string
// literals and comments): a script served without a charset is decoded in the page's own
// encoding, so on a page in windows-1252 the key help's arrows would otherwise turn to
// mojibake. An ASCII script also stays one byte per character in the browser.
function ascii(js) {
  return js.replace(/[^\x00-\x7f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function build(format) {
  if (format === "classic") {
    return `${header}(function () {\n"use strict";\n${body}if (!window.TipViz) window.TipViz = TipViz;\n})();\n`;
  }
  if (format === "esm") {
    return `${header}${body}if (!window.TipViz) window.TipViz = TipViz;\nexport { TipViz };\nexport default TipViz;\n`;
  }
  throw new Error(`wasm-pack.toml: unknown format ${format}`);
}

// Minified, the loader and glue are 4 KB smaller after gzip (15.7 → 11.6 KB) and 20 KB less
// to parse before the script runs, which the first chart waits for (about 3 ms in 21 loads).
// Property names are kept: the glue reaches wasm's exports and the page's DOM by name.
async function minified(js, format) {
  const out = await minify(js, {
    module: format === "esm",
    compress: { passes: 2 },
    mangle: true,
    format: { comments: /^!/, ascii_only: true },
  });
  return out.code + "\n";
}

writeFileSync(at("pkg/tipviz.readable.js"), ascii(build("classic")));

let failed = false;
const rows = [];
for (const output of readManifest(readFileSync(at("wasm-pack.toml"), "utf8"))) {
  const text = ascii(await minified(build(output.format), output.format));
  mkdirSync(dirname(at(output.file)), { recursive: true });
  writeFileSync(at(output.file), text);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  const br = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const sri = "sha384-" + createHash("sha384").update(text).digest("base64");
  // For <script integrity="…">: the hash changes with every build that changes a byte.
  writeFileSync(at(`${output.file}.sri`), sri + "\n");
  rows.push({ file: output.file, raw, gzip: gz, brotli: br, budget: output.gzip_budget, sri });
  if (gz > output.gzip_budget) {
    failed = true;
    console.error(`${output.file}: ${gz} bytes gzip is over its budget of ${output.gzip_budget} (wasm-pack.toml)`);
  }
}

// The npm package: the module plus a manifest and the licence notices.
writeFileSync(at("dist/npm/package.json"), JSON.stringify({
  name: "tipviz", version, description: "Embeddable, source-cited charts of human-trafficking policy data.",
  type: "module", main: "tipviz.mjs", module: "tipviz.mjs", exports: { ".": "./tipviz.mjs" },
  files: ["tipviz.mjs", "LICENSES.md"], license: "(MIT OR Apache-2.0)", sideEffects: true
}, null, 2) + "\n");
copyFileSync(at("www/LICENSES.md"), at("dist/npm/LICENSES.md"));
copyFileSync(at("dist/tipviz.js"), at("www/tipviz.js"));

console.log("file                      raw      gzip -9  brotli   budget   SRI");
for (const r of rows) {
  console.log(`${r.file.padEnd(24)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)} ${String(r.brotli).padStart(8)} ${String(r.budget).padStart(8)}   ${r.sri}`);
}
console.log(`Subresource Integrity: <script src="tipviz.js" integrity="${rows[0].sri}" crossorigin="anonymous"></script> (also in ${rows[0].file}.sri)`);
if (failed) process.exit(1);
