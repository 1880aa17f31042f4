// The live city page that `GET /` sends a browser. One self-contained document: inline CSS and JS,
// no fonts, tiles or scripts from elsewhere, so it works offline and on a projector with no network.
// The script reads /city/outline.json once and polls /city/now.json; every value from the data is
// put in with textContent or SVG attributes, never as HTML, because grievance text is user input.
// (No backticks or dollar-brace in the script: this file is itself a template string.)

const STYLE = `
:root { color-scheme: light; --ink: #1d2530; --muted: #5b6675; --line: #d9dee5; --panel: #ffffff; --bg: #f3f5f8; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Devanagari", sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; align-items: baseline; gap: 1.5rem; padding: 0.8rem 1.4rem; background: #14213d; color: #fff; flex-wrap: wrap; }
header h1 { font-size: 1.25rem; margin: 0; font-weight: 650; }
#clock { font-size: 1.6rem; font-variant-numeric: tabular-nums; font-weight: 600; }
#mode, #status { color: #c9d3e6; font-size: 0.9rem; }
#status.down { color: #ffb4a8; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; padding: 1rem 1.4rem; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; }
section h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.side { display: grid; gap: 1rem; align-content: start; }
#map { width: 100%; height: auto; display: block; background: #eef3ea; border-radius: 6px; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; color: var(--muted); font-size: 0.82rem; margin-top: 0.4rem; }
.legend i { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; vertical-align: -0.1rem; margin-right: 0.3rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
td { padding: 0.22rem 0.3rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chip { display: inline-block; min-width: 2.6rem; text-align: center; border-radius: 4px; padding: 0 0.35rem; font-weight: 650; color: #111; border: 1px solid rgba(0,0,0,0.15); }
.bar { position: relative; height: 0.7rem; background: #e6eaf0; border-radius: 4px; min-width: 6rem; }
.bar span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 4px; background: #3c8dde; }
.bar span.over { background: #d9342b; }
.bar b { position: absolute; top: -2px; bottom: -2px; width: 2px; background: #14213d; }
ol { margin: 0; padding-left: 1.2rem; font-size: 0.88rem; }
ol li { margin: 0.25rem 0; }
.muted { color: var(--muted); }
footer { padding: 0 1.4rem 1rem; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`

const SCRIPT = `
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var POLL_MS = 2000;
  var outline = null;
  var project = null;
  function el(name, attrs, text) {
    var node = document.createElement(name);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function svg(name, attrs) {
    var node = document.createElementNS(SVG, name);
    for (var k in attrs || {}) node.setAttribute(k, String(attrs[k]));
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function clockText(iso) { return iso.slice(0, 10) + ' ' + iso.slice(11, 19) + ' IST'; }

  function drawOutline(o) {
    var b = o.bounds;
    var pad = 0.01;
    var k = Math.cos(((b.minLat + b.maxLat) / 2) * Math.PI / 180);
    var width = 1000;
    var spanX = (b.maxLon - b.minLon + 2 * pad) * k;
    var spanY = b.maxLat - b.minLat + 2 * pad;
    var height = Math.round(width * spanY / spanX);
    project = function (lon, lat) {
      return [((lon - b.minLon + pad) * k / spanX) * width, ((b.maxLat + pad - lat) / spanY) * height];
    };
    var map = document.getElementById('map');
    map.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    var base = document.getElementById('outline');
    clear(base);
    o.paths.forEach(function (path) {
      var d = path.map(function (p, i) { var xy = project(p[0], p[1]); return (i ? 'L' : 'M') + xy[0].toFixed(1) + ' ' + xy[1].toFixed(1); }).join(' ');
      base.appendChild(svg('path', { d: d, fill: 'none', stroke: '#9aa9bb', 'stroke-width': 2.2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', opacity: 0.75 }));
    });
    o.stops.forEach(function (s) {
      var xy = project(s.lon, s.lat);
      var dot = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 2.6, fill: '#ffffff', stroke: '#7b8797', 'stroke-width': 1 });
      var title = svg('title', {});
      title.textContent = s.name;
      dot.appendChild(title);
      base.appendChild(dot);
    });
  }

  function drawLayers(now) {
    if (!project) return;
    var gauges = document.getElementById('gauge-layer');
    var stations = document.getElementById('station-layer');
    var buses = document.getElementById('bus-layer');
    clear(gauges); clear(stations); clear(buses);
    now.gauges.forEach(function (g) {
      var xy = project(g.lon, g.lat);
      var over = g.level !== null && g.level > g.threshold;
      var size = 9;
      var shape = svg('rect', { x: (xy[0] - size).toFixed(1), y: (xy[1] - size).toFixed(1), width: size * 2, height: size * 2, rx: 3, fill: over ? '#d9342b' : '#3c8dde', stroke: '#14213d', 'stroke-width': 1.2, 'data-gauge': g.code });
      var title = svg('title', {});
      title.textContent = g.name + ': ' + (g.level === null ? 'no reading' : g.level.toFixed(2) + ' m') + ' (alert at ' + g.threshold + ' m)';
      shape.appendChild(title);
      gauges.appendChild(shape);
    });
    now.buses.forEach(function (v) {
      var xy = project(v.lon, v.lat);
      var bus = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 5, fill: '#1f5fbf', stroke: '#ffffff', 'stroke-width': 1.5, 'data-bus': v.id });
      var title = svg('title', {});
      title.textContent = 'Route ' + v.routeId + ' to ' + v.label;
      bus.appendChild(title);
      buses.appendChild(bus);
    });
    now.stations.forEach(function (s) {
      var xy = project(s.lon, s.lat);
      var group = svg('g', { 'data-station': s.code });
      group.appendChild(svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 16, fill: s.color || '#bbbbbb', stroke: '#14213d', 'stroke-width': 1.5, opacity: 0.92 }));
      var label = svg('text', { x: xy[0].toFixed(1), y: (xy[1] + 5).toFixed(1), 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: '#111' });
      label.textContent = s.aqi === null ? '–' : String(s.aqi);
      group.appendChild(label);
      var title = svg('title', {});
      title.textContent = s.name + ': AQI ' + (s.aqi === null ? 'not enough data' : s.aqi + ' (' + s.category + ')');
      group.appendChild(title);
      stations.appendChild(group);
    });
  }

  function fillTables(now) {
    var air = document.getElementById('air');
    clear(air);
    now.stations.forEach(function (s) {
      var row = el('tr', { 'data-station-row': s.code });
      row.appendChild(el('td', {}, s.name));
      var cell = el('td', { class: 'num' });
      var chip = el('span', { class: 'chip' }, s.aqi === null ? '–' : String(s.aqi));
      chip.style.background = s.color || '#dddddd';
      cell.appendChild(chip);
      row.appendChild(cell);
      row.appendChild(el('td', { class: 'muted' }, s.category || 'not enough data'));
      air.appendChild(row);
    });
    var floods = document.getElementById('floods');
    clear(floods);
    now.gauges.forEach(function (g) {
      var row = el('tr', { 'data-gauge-row': g.code });
      row.appendChild(el('td', {}, g.name));
      var barCell = el('td', {});
      var bar = el('div', { class: 'bar' });
      var top = Math.max(g.danger || 0, g.threshold * 1.5);
      var fill = el('span', { class: g.level !== null && g.level > g.threshold ? 'over' : '' });
      fill.style.width = (g.level === null ? 0 : Math.min(100, (g.level / top) * 100)).toFixed(1) + '%';
      var mark = el('b', { title: 'alert level' });
      mark.style.left = ((g.threshold / top) * 100).toFixed(1) + '%';
      bar.appendChild(fill);
      bar.appendChild(mark);
      barCell.appendChild(bar);
      row.appendChild(barCell);
      row.appendChild(el('td', { class: 'num' }, g.level === null ? '–' : g.level.toFixed(2) + ' / ' + g.threshold + ' m'));
      floods.appendChild(row);
    });
    var list = document.getElementById('grievances');
    clear(list);
    now.grievances.forEach(function (r) {
      var item = el('li', { 'data-grievance': r.id });
      item.appendChild(el('strong', {}, r.service));
      item.appendChild(document.createTextNode(' · ' + r.status + ' · ' + r.requested.slice(11, 16) + ' · '));
      item.appendChild(el('span', { class: 'muted' }, r.address));
      list.appendChild(item);
    });
    document.getElementById('buses').textContent = String(now.buses.length);
  }

  function show(now) {
    document.getElementById('clock').textContent = clockText(now.clock.now);
    document.getElementById('clock').setAttribute('data-now', now.clock.now);
    document.getElementById('mode').textContent = now.clock.mode === 'fixed' ? 'fixed clock (moves only when told)' : 'live clock';
    drawLayers(now);
    fillTables(now);
  }

  function status(text, down) {
    var node = document.getElementById('status');
    node.textContent = text;
    node.className = down ? 'down' : '';
  }

  function getJson(path) {
    return fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' }).then(function (res) {
      if (!res.ok) throw new Error(path + ' answered ' + res.status);
      return res.json();
    });
  }

  function tick() {
    var next = outline ? Promise.resolve(outline) : getJson('/city/outline.json').then(function (o) { outline = o; drawOutline(o); return o; });
    next
      .then(function () { return getJson('/city/now.json'); })
      .then(function (now) { show(now); status('updated ' + new Date().toLocaleTimeString('en-GB'), false); })
      .catch(function () { status('the sandbox is not answering; retrying', true); })
      .then(function () { setTimeout(tick, POLL_MS); });
  }
  tick();
})();
`

/** The whole page. */
export const CITY_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thane Kit sandbox · live city</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Thane Kit sandbox · live city</h1>
  <span id="clock" aria-live="polite">loading…</span>
  <span id="mode"></span>
  <span id="status"></span>
</header>
<main>
  <section>
    <h2>Thane: bus routes, stops, buses (<span id="buses">0</span>), air-quality stations and flood gauges</h2>
    <svg id="map" viewBox="0 0 1000 800" role="img" aria-label="Map of Thane drawn from the bus network">
      <g id="outline"></g><g id="gauge-layer"></g><g id="bus-layer"></g><g id="station-layer"></g>
    </svg>
    <div class="legend">
      <span><i style="background:#00B050"></i>AQI Good</span><span><i style="background:#92D050"></i>Satisfactory</span>
      <span><i style="background:#FFFF00"></i>Moderately polluted</span><span><i style="background:#FF9900"></i>Poor</span>
      <span><i style="background:#FF0000"></i>Very poor</span><span><i style="background:#C00000"></i>Severe</span>
      <span><i style="background:#1f5fbf"></i>bus</span><span><i style="background:#3c8dde;border-radius:2px"></i>flood gauge</span>
      <span><i style="background:#d9342b;border-radius:2px"></i>above alert level</span>
    </div>
  </section>
  <div class="side">
    <section><h2>Air quality (CPCB AQI, 24 h)</h2><table><tbody id="air"></tbody></table></section>
    <section><h2>Flood gauges (water level against the alert level)</h2><table><tbody id="floods"></tbody></table></section>
    <section><h2>Recent grievances</h2><ol id="grievances"></ol></section>
  </div>
</main>
<footer>Synthetic data from the Thane Kit sandbox: realistic in shape, not real Thane records. Machines: ask GET / for JSON (Accept: application/json), or read /city/now.json.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`
