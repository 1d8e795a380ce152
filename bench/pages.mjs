// The benchmark's pages: the same two views built with tipviz and with each peer library,
// from the same numbers (read from data/ at run time), plus an empty baseline page.
//
// Each page sets `window.__drawn` (performance.now()) once its chart is drawn and defines
// `window.__tip()`, the text of whatever the library shows on hover (tooltip or live
// legend), so the runner measures every library the same way.
import { readFileSync } from "node:fs";
import { join } from "node:path";

// A small CSV reader for data/ (quoted fields may hold commas and doubled quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

export const METRICS = ["prosecutions", "convictions", "victims"];
export const METRIC_LABELS = { prosecutions: "Prosecutions", convictions: "Convictions", victims: "Victims identified" };
export const TIERS = ["1", "2", "2WL", "3", "special"];
export const TIER_LABELS = { "1": "Tier 1", "2": "Tier 2", "2WL": "Tier 2 Watch List", "3": "Tier 3", special: "Special case" };
export const REGION_LABELS = {
  "africa": "Africa", "east-asia-pacific": "East Asia & Pacific", "europe": "Europe", "near-east": "Near East",
  "south-central-asia": "South & Central Asia", "western-hemisphere": "Western Hemisphere",
};

// (a) the 2025 edition's global law-enforcement rows, 2018-2024; (b) 2025 tier counts per region.
export function benchData(repo) {
  const enforcement = parseCsv(readFileSync(join(repo, "data", "enforcement.csv"), "utf8"));
  const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
  const lines = Object.fromEntries(METRICS.map((m) => [m, years.map((y) => {
    const row = enforcement.find((r) => r.edition === "2025" && r.scope === "global" && r.metric === m && Number(r.year) === y);
    return row ? Number(row.value) : null;
  })]));
  const countries = parseCsv(readFileSync(join(repo, "data", "countries.csv"), "utf8"));
  const region = Object.fromEntries(countries.map((c) => [c.id, c.region]));
  const tiers = parseCsv(readFileSync(join(repo, "data", "tiers.csv"), "utf8")).filter((t) => t.edition === "2025");
  const regions = Object.keys(REGION_LABELS);
  const stacks = Object.fromEntries(TIERS.map((t) => [t, regions.map((r) => tiers.filter((p) => p.tier === t && region[p.country] === r).length)]));
  return { years, lines, regions: regions.map((r) => REGION_LABELS[r]), stacks };
}

const shell = (head, body, script) => `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width">${head}
<style>body{margin:0;font-family:sans-serif}#chart{width:760px;height:440px;position:relative}</style></head>
<body><div id="chart"></div>${body}<script>${script}</script></body></html>`;

// Marks the chart drawn after the frame that paints it.
const DRAWN = "requestAnimationFrame(function(){window.__drawn=performance.now();});";

export function pages(data) {
  // The numbers and labels every page's script starts with.
  const series = `var D=${JSON.stringify(data)};var M=${JSON.stringify(METRICS)};var ML=${JSON.stringify(METRIC_LABELS)};` +
    `var T=${JSON.stringify(TIERS)};var TL=${JSON.stringify(TIER_LABELS)};`;
  const out = {};

  out["baseline"] = {
    files: [],
    html: shell("", "", `window.__tip=function(){return "";};window.addEventListener("load",function(){${DRAWN}});`),
  };

  // tipviz: the element is the whole integration; `tipviz:ready` fires after its first draw.
  const tipviz = (attrs) => shell(`<script src="tipviz.js"></script>`, "",
    `document.getElementById("chart").outerHTML='<tip-chart id="chart" ${attrs} style="display:block;width:760px"></tip-chart>';` +
    `document.addEventListener("tipviz:ready",function(){${DRAWN}},{once:true});` +
    `window.__tip=function(){var t=document.getElementById("chart").shadowRoot.querySelector(".tip");return t&&!t.hidden?t.textContent:"";};`);
  out["tipviz/lines"] = { files: ["tipviz.js"], html: tipviz(`chart="enforcement" height="440"`) };
  out["tipviz/stacks"] = { files: ["tipviz.js"], html: tipviz(`chart="tier-summary" height="440"`) };

  // Chart.js: two stacked panels would need two charts; one chart with two y axes is what a
  // Chart.js user would build, so that is what is measured.
  const chartjsTip = `window.__tip=function(){var t=chart.tooltip;return t&&t.opacity>0?(t.title||[]).join(" ")+" "+(t.body||[]).map(function(b){return b.lines.join(" ");}).join(" "):"";};`;
  const chartjsLines = series + `var c=document.createElement("canvas");document.getElementById("chart").appendChild(c);
var chart=new Chart(c,{type:"line",data:{labels:D.years,datasets:M.map(function(m){return {label:ML[m],data:D.lines[m],yAxisID:m==="victims"?"y1":"y"};})},
options:{animation:false,responsive:true,maintainAspectRatio:false,interaction:{mode:"index",intersect:false},
scales:{y:{beginAtZero:true},y1:{beginAtZero:true,position:"right"}}}});${DRAWN}
${chartjsTip}`;
  const chartjsStacks = series + `var c=document.createElement("canvas");document.getElementById("chart").appendChild(c);
var chart=new Chart(c,{type:"bar",data:{labels:D.regions,datasets:T.map(function(t){return {label:TL[t],data:D.stacks[t]};})},
options:{indexAxis:"y",animation:false,responsive:true,maintainAspectRatio:false,scales:{x:{stacked:true},y:{stacked:true}}}});${DRAWN}
${chartjsTip}`;
  out["chart.js/lines"] = { files: ["chart.umd.min.js"], html: shell(`<script src="chart.umd.min.js"></script>`, "", chartjsLines) };
  out["chart.js/stacks"] = { files: ["chart.umd.min.js"], html: shell(`<script src="chart.umd.min.js"></script>`, "", chartjsStacks) };

  // uPlot has no tooltip; its legend shows the hovered values live, which is its readout.
  const uplotTip = `window.__tip=function(){var l=document.querySelector(".u-legend");return u.cursor.idx==null?"":l.textContent;};`;
  const uplotHead = `<link rel="stylesheet" href="uPlot.min.css"><script src="uPlot.iife.min.js"></script>`;
  const uplotLines = series + `var colors=["#005eb8","#c44e00","#007a5e"];
var u=new uPlot({width:760,height:400,scales:{x:{time:false}},axes:[{},{scale:"y"},{scale:"y1",side:1}],
series:[{label:"Year"}].concat(M.map(function(m,i){return {label:ML[m],stroke:colors[i],scale:m==="victims"?"y1":"y"};}))},
[D.years].concat(M.map(function(m){return D.lines[m];})),document.getElementById("chart"));${DRAWN}
${uplotTip}`;
  // uPlot draws no bars out of the box; stacked horizontal bars need its bars path builder
  // and hand-stacked data: a user would write about this much.
  const uplotStacks = series + `var colors=["#005aa0","#00766c","#a05200","#aa1e2d","#5f5f5f"];
var xs=D.regions.map(function(_,i){return i;});var acc=xs.map(function(){return 0;});
var stacked=T.map(function(t){return D.stacks[t].map(function(v,i){acc[i]+=v;return acc[i];});});
var bars=uPlot.paths.bars({size:[0.6]});
var u=new uPlot({width:760,height:400,scales:{x:{time:false}},
axes:[{values:function(_,ticks){return ticks.map(function(i){return D.regions[i]||"";});}},{}],
series:[{label:"Region"}].concat(T.map(function(t,i){return {label:TL[t],fill:colors[i],stroke:colors[i],paths:bars,
value:function(_,v,s,idx){return idx==null?"":String(D.stacks[t][idx]);}};}).reverse())},
[xs].concat(stacked.slice().reverse()),document.getElementById("chart"));${DRAWN}
${uplotTip}`;
  out["uplot/lines"] = { files: ["uPlot.iife.min.js", "uPlot.min.css"], html: shell(uplotHead, "", uplotLines) };
  out["uplot/stacks"] = { files: ["uPlot.iife.min.js", "uPlot.min.css"], html: shell(uplotHead, "", uplotStacks) };

  const echartsTip = `window.__tip=function(){var d=document.getElementById("chart").children;for(var i=0;i<d.length;i++){if(d[i].tagName==="DIV"&&!d[i].querySelector("canvas")&&d[i].style.display!=="none"&&d[i].style.opacity!=="0")return d[i].textContent;}return "";};`;
  const echartsLines = series + `var chart=echarts.init(document.getElementById("chart"));chart.on("finished",function(){if(!window.__drawn){${DRAWN}}});
chart.setOption({animation:false,tooltip:{trigger:"axis",transitionDuration:0,showDelay:0},legend:{},xAxis:{type:"category",data:D.years},
yAxis:[{type:"value"},{type:"value"}],series:M.map(function(m){return {name:ML[m],type:"line",data:D.lines[m],yAxisIndex:m==="victims"?1:0};})});` + echartsTip;
  const echartsStacks = series + `var chart=echarts.init(document.getElementById("chart"));chart.on("finished",function(){if(!window.__drawn){${DRAWN}}});
chart.setOption({animation:false,tooltip:{trigger:"item",transitionDuration:0,showDelay:0},legend:{},yAxis:{type:"category",data:D.regions},xAxis:{type:"value"},
series:T.map(function(t){return {name:TL[t],type:"bar",stack:"all",data:D.stacks[t]};})});` + echartsTip;
  out["echarts/lines"] = { files: ["echarts.min.js"], html: shell(`<script src="echarts.min.js"></script>`, "", echartsLines) };
  out["echarts/stacks"] = { files: ["echarts.min.js"], html: shell(`<script src="echarts.min.js"></script>`, "", echartsStacks) };

  const vegaHead = `<script src="vega.min.js"></script><script src="vega-lite.min.js"></script><script src="vega-embed.min.js"></script>`;
  const vegaTip = `window.__tip=function(){var t=document.getElementById("vg-tooltip-element");return t&&t.classList.contains("visible")?t.textContent:"";};`;
  // A tooltip per year, as Vega-Lite's own multi-series example builds it: a rule per year
  // with the pivoted values, picked by the nearest pointer position.
  const vegaLines = series + `var values=[];M.forEach(function(m){D.years.forEach(function(y,i){values.push({year:y,metric:ML[m],value:D.lines[m][i]});});});
vegaEmbed("#chart",{$schema:"https://vega.github.io/schema/vega-lite/v6.json",width:680,height:360,data:{values:values},
encoding:{x:{field:"year",type:"ordinal"}},layer:[
{mark:{type:"line",point:true},encoding:{y:{field:"value",type:"quantitative"},color:{field:"metric"}}},
{transform:[{pivot:"metric",value:"value",groupby:["year"]}],mark:"rule",
params:[{name:"hover",select:{type:"point",fields:["year"],nearest:true,on:"pointermove",clear:"pointerout"}}],
encoding:{opacity:{condition:{value:0.3,param:"hover",empty:false},value:0},
tooltip:[{field:"year",type:"ordinal"}].concat(M.map(function(m){return {field:ML[m],type:"quantitative"};}))}}]},
{actions:false,renderer:"canvas"}).then(function(){${DRAWN}});` + vegaTip;
  const vegaStacks = series + `var values=[];T.forEach(function(t){D.regions.forEach(function(r,i){values.push({region:r,tier:TL[t],count:D.stacks[t][i]});});});
vegaEmbed("#chart",{$schema:"https://vega.github.io/schema/vega-lite/v6.json",width:600,height:360,data:{values:values},
mark:{type:"bar",tooltip:true},encoding:{y:{field:"region",type:"nominal"},x:{field:"count",type:"quantitative",stack:true},color:{field:"tier"}}},
{actions:false,renderer:"canvas"}).then(function(){${DRAWN}});` + vegaTip;
  const vegaFiles = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];
  out["vega-lite/lines"] = { files: vegaFiles, html: shell(vegaHead, "", vegaLines) };
  out["vega-lite/stacks"] = { files: vegaFiles, html: shell(vegaHead, "", vegaStacks) };

  const plotlyTip = `window.__tip=function(){var h=document.querySelector("#chart .hoverlayer");return h?h.textContent:"";};`;
  const plotlyLines = series + `Plotly.newPlot("chart",M.map(function(m){return {x:D.years,y:D.lines[m],name:ML[m],type:"scatter",mode:"lines+markers",yaxis:m==="victims"?"y2":"y"};}),
{width:760,height:440,hovermode:"x unified",yaxis2:{overlaying:"y",side:"right"}},{displayModeBar:false}).then(function(){${DRAWN}});` + plotlyTip;
  const plotlyStacks = series + `Plotly.newPlot("chart",T.map(function(t){return {y:D.regions,x:D.stacks[t],name:TL[t],type:"bar",orientation:"h"};}),
{width:760,height:440,barmode:"stack"},{displayModeBar:false}).then(function(){${DRAWN}});` + plotlyTip;
  out["plotly/lines"] = { files: ["plotly.min.js"], html: shell(`<script src="plotly.min.js"></script>`, "", plotlyLines) };
  out["plotly/stacks"] = { files: ["plotly.min.js"], html: shell(`<script src="plotly.min.js"></script>`, "", plotlyStacks) };
  return out;
}

// Where each page's files come from.
export const SOURCES = {
  "tipviz.js": "../dist/tipviz.js",
  "chart.umd.min.js": "node_modules/chart.js/dist/chart.umd.min.js",
  "uPlot.iife.min.js": "node_modules/uplot/dist/uPlot.iife.min.js",
  "uPlot.min.css": "node_modules/uplot/dist/uPlot.min.css",
  "echarts.min.js": "node_modules/echarts/dist/echarts.min.js",
  "vega.min.js": "node_modules/vega/build/vega.min.js",
  "vega-lite.min.js": "node_modules/vega-lite/build/vega-lite.min.js",
  "vega-embed.min.js": "node_modules/vega-embed/build/vega-embed.min.js",
  "plotly.min.js": "node_modules/plotly.js-dist-min/plotly.min.js",
};
