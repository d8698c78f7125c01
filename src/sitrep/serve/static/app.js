// sitrep map page. Plain JS, no libraries, no network beyond this server (tiles only if configured).
// Article text is untrusted: it only ever reaches the page through textContent / createTextNode.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const TYPE_COLORS = {
  "Explosions/Remote violence": "#e8590c",
  "Battles": "#1971c2",
  "Violence against civilians": "#862e9c",
  "Strategic developments": "#2b8a3e",
  "Riots": "#c2255c",
  "Protests": "#f59f00",
};
const OTHER_COLOR = "#495057";
const PAGE = 50;
const MAP_LIMIT = 1000;

const state = {
  filters: { date_from: "", date_to: "", country: "", type: "", actor: "", claimed: "", q: "" },
  useBbox: false,
  offset: 0,
  features: [],
  timeline: [],
  config: { tiles: null },
  view: null, // {lon, lat, zoom}
  countries: null,
  fitted: false,
  seq: 0,
};

// ---------------------------------------------------------------- small helpers
function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function color(type) { return TYPE_COLORS[type] || OTHER_COLOR; }

function fmt(v) { return v === null || v === undefined || v === "" ? "–" : String(v); }
// "Kirkuk, Iraq"; a country-level place is named once ("Iraq", not "Iraq, Iraq")
function placeLabel(parts) { return [...new Set(parts.filter(Boolean))].join(", "); }

function setStatus(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    let detail = r.statusText;
    try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(`${r.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return r.json();
}

function safeHref(url) {
  // only http(s) links from article metadata; anything else (javascript:, data:) is shown as text
  try {
    const u = new URL(url, location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) { return null; }
}

function queryString(extra, { withDates = true } = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) {
    if (!withDates && (k === "date_from" || k === "date_to")) continue;
    if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  }
  if (state.useBbox && state.view) p.set("bbox", viewBbox().map((x) => x.toFixed(4)).join(","));
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p.toString();
}

// ---------------------------------------------------------------- projection (Web Mercator)
const TILE = 256;
const MAX_LAT = 85.05112878;

function project(lon, lat, zoom) {
  const s = TILE * Math.pow(2, zoom);
  const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  return [(lon + 180) / 360 * s, (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2 * s];
}

function unproject(x, y, zoom) {
  const s = TILE * Math.pow(2, zoom);
  const lon = x / s * 360 - 180;
  const n = Math.PI - 2 * Math.PI * y / s;
  return [lon, 180 / Math.PI * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
}

function mapSize() {
  const m = $("map");
  return [m.clientWidth || 800, m.clientHeight || 460];
}

function toScreen(lon, lat) {
  const [w, h] = mapSize();
  const [cx, cy] = project(state.view.lon, state.view.lat, state.view.zoom);
  const [x, y] = project(lon, lat, state.view.zoom);
  return [x - cx + w / 2, y - cy + h / 2];
}

function fromScreen(px, py) {
  const [w, h] = mapSize();
  const [cx, cy] = project(state.view.lon, state.view.lat, state.view.zoom);
  return unproject(px - w / 2 + cx, py - h / 2 + cy, state.view.zoom);
}

function viewBbox() {
  const [w, h] = mapSize();
  const [lon0, lat1] = fromScreen(0, 0);
  const [lon1, lat0] = fromScreen(w, h);
  const clampLon = (v) => Math.max(-180, Math.min(180, v));
  const clampLat = (v) => Math.max(-90, Math.min(90, v));
  return [clampLon(lon0), clampLat(lat0), clampLon(lon1), clampLat(lat1)];
}

function fitBounds(minLon, minLat, maxLon, maxLat) {
  const [w, h] = mapSize();
  const pad = 40;
  let zoom = 10;
  for (; zoom > 1; zoom -= 0.25) {
    const [x0, y0] = project(minLon, maxLat, zoom);
    const [x1, y1] = project(maxLon, minLat, zoom);
    if (x1 - x0 <= w - 2 * pad && y1 - y0 <= h - 2 * pad) break;
  }
  zoom = Math.min(zoom, 8);
  const [x0, y0] = project(minLon, maxLat, zoom);
  const [x1, y1] = project(maxLon, minLat, zoom);
  const [lon, lat] = unproject((x0 + x1) / 2, (y0 + y1) / 2, zoom);
  state.view = { lon, lat, zoom };
}

function median(xs) {
  const v = xs.slice().sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

function fitToData({ all = true } = {}) {
  let pts = state.features.filter((f) => f.geometry).map((f) => f.geometry.coordinates);
  if (!all && pts.length >= 4) {
    // first view: the main cluster (within 25 degrees of the median point) when it holds most incidents,
    // so a few far-away incidents do not shrink the map; the "fit" button shows everything
    const mlon = median(pts.map((p) => p[0])), mlat = median(pts.map((p) => p[1]));
    const near = pts.filter((p) => Math.abs(p[0] - mlon) <= 25 && Math.abs(p[1] - mlat) <= 25);
    if (near.length >= 0.75 * pts.length) pts = near;
  }
  if (pts.length) {
    const lons = pts.map((p) => p[0]);
    const lats = pts.map((p) => p[1]);
    let [a, b, c, d] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    if (c - a < 4) { a -= 2; c += 2; }
    if (d - b < 4) { b -= 2; d += 2; }
    fitBounds(a, b, c, d);
  } else {
    fitBounds(25, 12, 63, 42); // the region the shipped outlines cover
  }
}

// ---------------------------------------------------------------- map drawing
function ringPath(ring) {
  let d = "";
  for (let i = 0; i < ring.length; i++) {
    const [x, y] = toScreen(ring[i][0], ring[i][1]);
    d += (i ? "L" : "M") + x.toFixed(1) + " " + y.toFixed(1);
  }
  return d + "Z";
}

function geometryPath(g) {
  if (!g) return "";
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polys.map((poly) => poly.map(ringPath).join("")).join("");
}

function markerRadius(props) {
  const f = Number(props.fatalities_best ?? props.fatalities ?? 0) || 0;
  return Math.min(30, 5 + 3 * Math.sqrt(f));
}

function drawMap() {
  const map = $("map");
  if (!state.view) return;
  clear(map);
  const [w, h] = mapSize();
  map.setAttribute("viewBox", `0 0 ${w} ${h}`);

  if (state.config.tiles) drawTiles(map, w, h);

  const grat = svg("path", { class: "graticule" });
  let d = "";
  const step = state.view.zoom >= 5 ? 2 : state.view.zoom >= 3 ? 5 : 10;
  for (let lon = -180; lon <= 180; lon += step) {
    const [x] = toScreen(lon, 0);
    if (x >= -1 && x <= w + 1) d += `M${x.toFixed(1)} 0V${h}`;
  }
  for (let lat = -80; lat <= 80; lat += step) {
    const [, y] = toScreen(0, lat);
    if (y >= -1 && y <= h + 1) d += `M0 ${y.toFixed(1)}H${w}`;
  }
  grat.setAttribute("d", d);
  map.appendChild(grat);

  if (state.countries && !state.config.tiles) {
    const g = svg("g", { class: "countries" });
    for (const f of state.countries.features) {
      const p = svg("path", { class: "country", d: geometryPath(f.geometry) });
      const t = svg("title");
      t.textContent = f.properties.name;
      p.appendChild(t);
      g.appendChild(p);
    }
    map.appendChild(g);
    if (state.view.zoom >= 4.5) {
      for (const f of state.countries.features) {
        const c = labelPoint(f.geometry);
        if (!c) continue;
        const [x, y] = toScreen(c[0], c[1]);
        if (x < 0 || y < 0 || x > w || y > h) continue;
        const lbl = svg("text", { class: "label", x: x.toFixed(1), y: y.toFixed(1), "text-anchor": "middle" });
        lbl.textContent = f.properties.name;
        map.appendChild(lbl);
      }
    }
  }

  const g = svg("g", { class: "markers" });
  const feats = state.features.filter((f) => f.geometry)
    .slice().sort((a, b) => markerRadius(b.properties) - markerRadius(a.properties));
  for (const f of feats) {
    const [lon, lat] = f.geometry.coordinates;
    const [x, y] = toScreen(lon, lat);
    if (x < -40 || y < -40 || x > w + 40 || y > h + 40) continue;
    const p = f.properties;
    const c = svg("circle", {
      class: "marker", cx: x.toFixed(1), cy: y.toFixed(1), r: markerRadius(p).toFixed(1),
      fill: color(p.event_type), tabindex: 0, role: "link", "data-id": p.id,
    });
    const t = svg("title");
    const loc = (p.location && p.location.name) || p.location || "unknown place";  // geojson: a name
    t.textContent = `${fmt(p.date)} · ${fmt(p.sub_event_type || p.event_type)} · ${loc}` +
      ` · killed: ${fmt(p.fatalities_best ?? p.fatalities)} · ${fmt(p.n_sources)} source(s)`;
    c.appendChild(t);
    c.addEventListener("click", (ev) => { ev.stopPropagation(); openIncident(p.id); });
    c.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openIncident(p.id); });
    g.appendChild(c);
  }
  map.appendChild(g);
  const located = state.features.filter((f) => f.geometry);
  const missing = state.features.length - located.length;
  const [lon0, lat0, lon1, lat1] = viewBbox();
  const outside = located.filter((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return lon < lon0 || lon > lon1 || lat < lat0 || lat > lat1;
  }).length;
  const notes = [];
  if (outside) notes.push(`${outside} incident(s) outside this view ("fit" shows all)`);
  if (missing) notes.push(`${missing} without coordinates, in the table only`);
  $("map-note").textContent = notes.join(" · ");
}

function labelPoint(geom) {
  let best = null;
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  for (const poly of polys) {
    const ring = poly[0];
    if (!best || ring.length > best.length) best = ring;
  }
  if (!best) return null;
  let sx = 0, sy = 0;
  for (const [x, y] of best) { sx += x; sy += y; }
  return [sx / best.length, sy / best.length];
}

function drawTiles(map, w, h) {
  const z = Math.max(0, Math.min(18, Math.round(state.view.zoom)));
  const scale = Math.pow(2, state.view.zoom - z);
  const [cx, cy] = project(state.view.lon, state.view.lat, state.view.zoom);
  const size = TILE * scale;
  const x0 = Math.floor((cx - w / 2) / size), x1 = Math.floor((cx + w / 2) / size);
  const y0 = Math.floor((cy - h / 2) / size), y1 = Math.floor((cy + h / 2) / size);
  const n = Math.pow(2, z);
  const g = svg("g", { class: "tiles" });
  for (let tx = x0; tx <= x1; tx++) {
    for (let ty = Math.max(0, y0); ty <= Math.min(n - 1, y1); ty++) {
      const wx = ((tx % n) + n) % n;
      const href = state.config.tiles.replace("{z}", z).replace("{x}", wx).replace("{y}", ty);
      g.appendChild(svg("image", {
        href, x: (tx * size - cx + w / 2).toFixed(1), y: (ty * size - cy + h / 2).toFixed(1),
        width: size + 0.5, height: size + 0.5,
      }));
    }
  }
  map.appendChild(g);
}

function drawLegend() {
  const ul = $("legend");
  clear(ul);
  const types = new Set(state.features.map((f) => f.properties.event_type).filter(Boolean));
  for (const t of types) {
    const sw = el("span", { class: "sw" });
    sw.style.background = color(t);
    ul.appendChild(el("li", {}, sw, t));
  }
  ul.appendChild(el("li", { class: "size" }, "circle area: people killed"));
}

function setupMapInteraction() {
  const map = $("map");
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.classList && ev.target.classList.contains("marker")) return;
    drag = { x: ev.clientX, y: ev.clientY, view: { ...state.view }, moved: false };
    map.setPointerCapture(ev.pointerId);
    map.classList.add("dragging");
  });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
    const [cx, cy] = project(drag.view.lon, drag.view.lat, drag.view.zoom);
    const [lon, lat] = unproject(cx - dx, cy - dy, drag.view.zoom);
    state.view = { lon, lat, zoom: drag.view.zoom };
    drawMap();
  });
  const end = () => {
    if (!drag) return;
    const moved = drag.moved;
    drag = null;
    map.classList.remove("dragging");
    if (moved) viewChanged();
  };
  map.addEventListener("pointerup", end);
  map.addEventListener("pointercancel", end);
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = map.getBoundingClientRect();
    zoomAt(ev.clientX - r.left, ev.clientY - r.top, ev.deltaY < 0 ? 0.5 : -0.5);
  }, { passive: false });
  $("zoom-in").addEventListener("click", () => { const [w, h] = mapSize(); zoomAt(w / 2, h / 2, 1); });
  $("zoom-out").addEventListener("click", () => { const [w, h] = mapSize(); zoomAt(w / 2, h / 2, -1); });
  $("zoom-fit").addEventListener("click", () => { fitToData(); drawMap(); viewChanged(); });
  window.addEventListener("resize", () => drawMap());
}

function zoomAt(px, py, dz) {
  const [lon, lat] = fromScreen(px, py);
  const zoom = Math.max(1, Math.min(12, state.view.zoom + dz));
  // keep the point under the cursor fixed
  const [w, h] = mapSize();
  const [x, y] = project(lon, lat, zoom);
  const [clon, clat] = unproject(x - (px - w / 2), y - (py - h / 2), zoom);
  state.view = { lon: clon, lat: clat, zoom };
  drawMap();
  viewChanged();
}

let viewTimer = null;
function viewChanged() {
  if (!state.useBbox) return;
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => { state.offset = 0; refresh({ fit: false }); }, 300);
}

// ---------------------------------------------------------------- timeline
function binning(days) {
  if (!days.length) return null;
  const first = new Date(days[0] + "T00:00:00Z"), last = new Date(days[days.length - 1] + "T00:00:00Z");
  const span = (last - first) / 86400000;
  return span > 3 * 366 ? "month" : span > 120 ? "week" : "day";
}

function binStart(day, unit) {
  const d = new Date(day + "T00:00:00Z");
  if (unit === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (unit === "week") return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000);
  return d;
}

function binEnd(start, unit) {
  if (unit === "month") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  if (unit === "week") return new Date(start.getTime() + 6 * 86400000);
  return start;
}

function iso(d) { return d.toISOString().slice(0, 10); }

function drawTimeline() {
  const tl = $("timeline");
  clear(tl);
  const w = tl.clientWidth || 800, h = tl.clientHeight || 110;
  tl.setAttribute("viewBox", `0 0 ${w} ${h}`);
  const rows = state.timeline;
  const unit = binning(rows.map((r) => r.day));
  if (!unit) {
    const t = svg("text", { x: 10, y: 20, class: "axis" });
    t.textContent = "no dated incidents";
    tl.appendChild(t);
    return;
  }
  const bins = new Map();
  for (const r of rows) {
    const s = iso(binStart(r.day, unit));
    const b = bins.get(s) || { from: s, to: iso(binEnd(new Date(s + "T00:00:00Z"), unit)), count: 0, fatalities: 0 };
    b.count += r.count;
    b.fatalities += r.fatalities;
    bins.set(s, b);
  }
  // continuous axis: one slot per unit from the first to the last bin
  const keys = [...bins.keys()].sort();
  const slots = [];
  let cur = new Date(keys[0] + "T00:00:00Z");
  const lastKey = keys[keys.length - 1];
  while (iso(cur) <= lastKey && slots.length < 2000) {
    const k = iso(cur);
    slots.push(bins.get(k) || { from: k, to: iso(binEnd(cur, unit)), count: 0, fatalities: 0 });
    cur = unit === "month" ? new Date(Date.UTC(cur.getUTCFullYear(), cur.getUTCMonth() + 1, 1))
      : new Date(cur.getTime() + (unit === "week" ? 7 : 1) * 86400000);
  }
  const top = 8, bottom = 18, left = 4, right = 4;
  const bw = (w - left - right) / slots.length;
  const max = Math.max(...slots.map((s) => s.count), 1);
  const { date_from: df, date_to: dt } = state.filters;
  slots.forEach((s, i) => {
    const bh = s.count ? Math.max(2, (h - top - bottom) * s.count / max) : 0;
    const inRange = (!df || s.to >= df) && (!dt || s.from <= dt);
    const r = svg("rect", {
      class: "bar" + (inRange ? "" : " out"), x: (left + i * bw + 0.5).toFixed(1), y: (h - bottom - bh).toFixed(1),
      width: Math.max(1, bw - 1).toFixed(1), height: bh.toFixed(1), "data-from": s.from, "data-to": s.to,
      "data-index": i,
    });
    const t = svg("title");
    t.textContent = `${s.from}${s.to !== s.from ? " – " + s.to : ""}: ${s.count} incident(s), ${s.fatalities} killed`;
    r.appendChild(t);
    tl.appendChild(r);
  });
  // axis labels: first, middle, last
  for (const i of [0, Math.floor(slots.length / 2), slots.length - 1]) {
    const t = svg("text", { class: "axis", x: (left + i * bw + bw / 2).toFixed(1), y: h - 4,
      "text-anchor": i === 0 ? "start" : i === slots.length - 1 ? "end" : "middle" });
    t.textContent = unit === "month" ? slots[i].from.slice(0, 7) : slots[i].from;
    tl.appendChild(t);
  }
  tl._slots = { slots, left, bw };
}

function setupTimelineInteraction() {
  const tl = $("timeline");
  let brush = null;
  const slotAt = (clientX) => {
    const info = tl._slots;
    if (!info) return -1;
    const r = tl.getBoundingClientRect();
    const x = (clientX - r.left) * ((tl.viewBox.baseVal && tl.viewBox.baseVal.width) || r.width) / r.width;
    return Math.max(0, Math.min(info.slots.length - 1, Math.floor((x - info.left) / info.bw)));
  };
  tl.addEventListener("pointerdown", (ev) => {
    const i = slotAt(ev.clientX);
    if (i < 0) return;
    brush = { a: i, b: i, rect: null };
    tl.setPointerCapture(ev.pointerId);
  });
  tl.addEventListener("pointermove", (ev) => {
    if (!brush) return;
    brush.b = slotAt(ev.clientX);
    const info = tl._slots;
    const lo = Math.min(brush.a, brush.b), hi = Math.max(brush.a, brush.b);
    if (!brush.rect) { brush.rect = svg("rect", { class: "brush", y: 0 }); tl.appendChild(brush.rect); }
    brush.rect.setAttribute("x", (info.left + lo * info.bw).toFixed(1));
    brush.rect.setAttribute("width", ((hi - lo + 1) * info.bw).toFixed(1));
    brush.rect.setAttribute("height", String(tl.viewBox.baseVal.height || 110));
  });
  const end = () => {
    if (!brush) return;
    const info = tl._slots;
    const lo = Math.min(brush.a, brush.b), hi = Math.max(brush.a, brush.b);
    brush = null;
    if (!info) return;
    setDates(info.slots[lo].from, info.slots[hi].to);
  };
  tl.addEventListener("pointerup", end);
  tl.addEventListener("pointercancel", () => { brush = null; drawTimeline(); });
  $("tl-clear").addEventListener("click", () => setDates("", ""));
}

function setDates(from, to) {
  state.filters.date_from = from;
  state.filters.date_to = to;
  $("f-date-from").value = from;
  $("f-date-to").value = to;
  state.offset = 0;
  refresh({ fit: false });
}

// ---------------------------------------------------------------- table
function drawTable(features, total) {
  const tbody = $("incidents-table").querySelector("tbody");
  clear(tbody);
  for (const f of features) {
    const p = f.properties;
    const loc = typeof p.location === "string" ? { name: p.location, country: p.country } : p.location || {};
    const where = placeLabel([loc.name, loc.country]);
    const link = el("a", { href: "#/incident/" + encodeURIComponent(p.id), text: fmt(p.date) });
    const tr = el("tr", { "data-id": p.id },
      el("td", {}, link),
      el("td", { text: [p.event_type, p.sub_event_type].filter(Boolean).join(" / ") || "–" }),
      el("td", { text: where || "–" }),
      el("td", { text: fmt(p.actor1) }),
      el("td", { text: fmt(p.target) }),
      el("td", { class: "num", text: fmt(p.fatalities_best ?? p.fatalities) }),
      el("td", { text: p.claimed === true ? `yes${p.claimant ? " (" + p.claimant + ")" : ""}` : p.claimed === false ? "no" : "–" }),
      el("td", { class: "num", text: fmt(p.n_sources) }),
    );
    tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") openIncident(p.id); });
    tbody.appendChild(tr);
  }
  const end = Math.min(total, state.offset + features.length);
  $("page-info").textContent = total ? `${state.offset + 1}–${end} of ${total}` : "no incidents match";
  $("page-prev").disabled = state.offset <= 0;
  $("page-next").disabled = end >= total;
}

// ---------------------------------------------------------------- loading
async function refresh({ fit }) {
  const seq = ++state.seq;
  setStatus("loading…");
  try {
    const [page, tl] = await Promise.all([
      getJSON("/api/incidents?" + queryString({ format: "geojson", limit: PAGE, offset: state.offset })),
      getJSON("/api/timeline?" + queryString({}, { withDates: false })),
    ]);
    // the map shows every match (up to MAP_LIMIT), the table one page
    let mapPage = page;
    if (page.total > page.features.length) {
      mapPage = await getJSON("/api/incidents?" + queryString({ format: "geojson", limit: MAP_LIMIT, offset: 0 }));
    }
    if (seq !== state.seq) return; // a newer request won
    state.features = mapPage.features;
    state.timeline = tl;
    if (fit || !state.view) fitToData({ all: false });
    drawMap();
    drawLegend();
    drawTimeline();
    drawTable(page.features, page.total);
    const shown = page.total > MAP_LIMIT ? ` (map shows the newest ${MAP_LIMIT})` : "";
    setStatus(`${page.total} incident(s) match${shown}`);
    document.body.dataset.loaded = String(seq);
  } catch (e) {
    if (seq === state.seq) setStatus("could not load incidents: " + e.message, true);
  }
}

async function loadStats() {
  try {
    const st = await getJSON("/api/stats");
    const t = st.totals || {};
    $("totals").textContent = `${fmt(t.incidents)} incidents from ${fmt(t.documents)} reports · ` +
      `${fmt(t.fatalities)} killed · ${fmt(st.first_date)} to ${fmt(st.last_date)}`;
    const cs = $("f-country");
    for (const c of st.by_country || []) {
      if (!c.country) continue;
      cs.appendChild(el("option", { value: c.country, text: `${c.country} (${c.count})` }));
    }
    const ts = $("f-type");
    for (const c of st.by_type || []) {
      if (!c.event_type) continue;
      ts.appendChild(el("option", { value: c.event_type, text: `${c.event_type} (${c.count})` }));
    }
  } catch (e) {
    setStatus("could not load statistics: " + e.message, true);
  }
}

function setupFilters() {
  const form = $("filters");
  const ids = { date_from: "f-date-from", date_to: "f-date-to", country: "f-country", type: "f-type",
    actor: "f-actor", claimed: "f-claimed", q: "f-q" };
  let timer = null;
  const apply = () => {
    for (const [k, id] of Object.entries(ids)) state.filters[k] = $(id).value.trim();
    state.useBbox = $("f-bbox").checked;
    state.offset = 0;
    refresh({ fit: false });
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  form.addEventListener("change", apply);
  form.addEventListener("input", (ev) => {
    if (ev.target.type === "search") { clearTimeout(timer); timer = setTimeout(apply, 350); }
  });
  form.addEventListener("reset", () => setTimeout(() => { apply(); }, 0));
  $("page-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh({ fit: false }); });
  $("page-next").addEventListener("click", () => { state.offset += PAGE; refresh({ fit: false }); });
}

// ---------------------------------------------------------------- incident page
function openIncident(id) { location.hash = "#/incident/" + encodeURIComponent(id); }

function field(dl, name, value) {
  if (value === null || value === undefined || value === "") return;
  dl.appendChild(el("dt", { text: name }));
  dl.appendChild(el("dd", { text: value }));
}

function sentenceNode(item) {
  // item.segments: [{text, highlight}] cut by the server; every piece goes in as a text node
  const p = el("p", { class: "sentence" });
  for (const seg of item.segments) {
    if (seg.highlight) {
      const fields = (seg.fields || []).join(", ");
      p.appendChild(el("mark", { class: "evidence", title: fields || null, "data-fields": fields || null, text: seg.text }));
    }
    else p.appendChild(document.createTextNode(seg.text));
  }
  return p;
}

function markedText(text, spans) {
  // the whole document with its evidence marked, built from text nodes only
  const frag = el("div", { class: "fulltext" });
  const cuts = spans.map((s) => [Math.max(0, s.start), Math.min(text.length, s.end)])
    .filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  let pos = 0;
  for (const [a0, b] of cuts) {
    const a = Math.max(a0, pos);
    if (a >= b) continue;
    if (a > pos) frag.appendChild(document.createTextNode(text.slice(pos, a)));
    frag.appendChild(el("mark", { class: "evidence", text: text.slice(a, b) }));
    pos = b;
  }
  if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
  return frag;
}

async function showIncident(id) {
  const view = $("incident-view");
  $("main-view").hidden = true;
  view.hidden = false;
  clear(view);
  view.appendChild(el("p", {}, el("a", { href: "#/", text: "← back to the map" })));
  let inc;
  try {
    inc = await getJSON("/api/incidents/" + encodeURIComponent(id));
  } catch (e) {
    view.appendChild(el("p", { class: "status error", text: "could not load incident: " + e.message }));
    return;
  }
  const loc = inc.location || {};
  const where = placeLabel([loc.name, loc.admin1, loc.country]);
  view.appendChild(el("h2", { text: `${fmt(inc.sub_event_type || inc.event_type)} — ${where || "place unknown"}, ${fmt(inc.date)}` }));
  const dl = el("dl");
  field(dl, "Incident", inc.id);
  field(dl, "Date", inc.date ? `${inc.date} (precision: ${fmt(inc.date_precision)})` : null);
  field(dl, "Type", [inc.event_type, inc.sub_event_type].filter(Boolean).join(" / "));
  field(dl, "Weapons", (inc.weapons || []).join(", "));
  field(dl, "Actor", inc.actor1);
  field(dl, "Target", inc.target);
  field(dl, "Location", where ? `${where}${loc.latitude != null ? ` (${Number(loc.latitude).toFixed(3)}, ${Number(loc.longitude).toFixed(3)})` : ""} · geo precision ${fmt(loc.geo_precision)}` : null);
  const fat = inc.fatalities;
  if (fat && typeof fat === "object") {
    field(dl, "Killed", fat.best == null && fat.low == null ? "not reported" :
      `best ${fmt(fat.best)} (low ${fmt(fat.low)}, high ${fmt(fat.high)})`);
  } else field(dl, "Killed", fmt(fat));
  field(dl, "Claimed", inc.claimed === true ? `yes${inc.claimant ? " — " + inc.claimant : ""}` : inc.claimed === false ? "no one has claimed it" : "not said");
  field(dl, "Sources", String((inc.sources || []).length));
  field(dl, "First reported", inc.first_reported);
  field(dl, "Last updated", inc.last_updated);
  view.appendChild(dl);

  if ((inc.claims || []).length) {
    view.appendChild(el("h3", { text: "Claims" }));
    const ul = el("ul");
    for (const c of inc.claims) {
      ul.appendChild(el("li", { text: `${fmt(c.status)}${c.claimant ? ": " + c.claimant : ""} — in ${fmt(c.document_id)} (${fmt(c.published)})` }));
    }
    view.appendChild(ul);
  }
  if ((inc.merge_reasons || []).length > 1) {
    view.appendChild(el("h3", { text: "Why these reports are one incident" }));
    const ul = el("ul", { class: "reasons" });
    for (const m of inc.merge_reasons) {
      const rs = (m.reasons || []).map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("; ");
      ul.appendChild(el("li", { text: `${m.document_id}: ${rs || "first report"}` }));
    }
    view.appendChild(ul);
  }

  view.appendChild(el("h3", { text: "What each source says" }));
  for (const src of inc.sources || []) {
    const box = el("section", { class: "source", "data-document": src.document_id });
    box.appendChild(el("h4", { text: src.title || src.document_id }));
    const meta = el("p", { class: "meta" });
    meta.appendChild(document.createTextNode(`${src.document_id} · published ${fmt(src.published)}`));
    const href = src.url ? safeHref(src.url) : null;
    if (href) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", text: src.url }));
    } else if (src.url) {
      meta.appendChild(document.createTextNode(" · " + src.url));
    }
    box.appendChild(meta);
    const spans = [];
    for (const m of src.mentions || []) {
      for (const item of m.highlighted || []) box.appendChild(sentenceNode(item));
      const fs = Object.entries(m.field_spans || {}).filter(([k]) => k !== "sentence").flatMap(([, v]) => v);
      for (const e of fs.length ? fs : m.evidence || []) spans.push(e);
    }
    const btn = el("button", { type: "button", class: "fullbtn", text: "Show the whole report" });
    btn.addEventListener("click", async () => {
      btn.disabled = true;
      try {
        const doc = await getJSON("/api/documents/" + encodeURIComponent(src.document_id));
        btn.replaceWith(markedText(doc.text || "", spans));
      } catch (e) {
        btn.replaceWith(el("p", { class: "status error", text: "could not load the report: " + e.message }));
      }
    });
    box.appendChild(btn);
    view.appendChild(box);
  }
  document.body.dataset.incident = inc.id;
}

function showMain() {
  $("incident-view").hidden = true;
  $("main-view").hidden = false;
  delete document.body.dataset.incident;
  drawMap();
  drawTimeline();
}

function route() {
  const m = location.hash.match(/^#\/incident\/(.+)$/);
  if (m) showIncident(decodeURIComponent(m[1]));
  else showMain();
}

// ---------------------------------------------------------------- start
async function start() {
  setupMapInteraction();
  setupTimelineInteraction();
  setupFilters();
  try { state.config = await getJSON("/api/config"); } catch (e) { state.config = { tiles: null }; }
  try { state.countries = await getJSON("/static/countries.geojson"); } catch (e) { state.countries = null; }
  window.addEventListener("hashchange", route);
  await loadStats();
  await refresh({ fit: true });
  route();
}

document.addEventListener("DOMContentLoaded", start);
