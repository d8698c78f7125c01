// The map: Web Mercator projection, offline country outlines (SVG), incident markers, pan and zoom.
// Online tiles only when the server is configured with a tile URL.
import { $, clear, color, el, fmt, svg } from "./util.js";
import { state } from "./state.js";

const hooks = { open: () => {}, viewChanged: () => {} };

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

export function viewBbox() {
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

export function fitToData({ all = true } = {}) {
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
    fitBounds(-150, -50, 160, 70); // no located incident: the world
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

export function drawMap() {
  const map = $("map");
  if (!state.view) return;
  clear(map);
  const [w, h] = mapSize();
  map.setAttribute("viewBox", `0 0 ${w} ${h}`);
  if (state.config.tiles) drawTiles(map, w, h);
  map.appendChild(graticule(w, h));
  if (state.countries && !state.config.tiles) drawCountries(map, w, h);
  map.appendChild(markers(w, h));
  $("map-note").textContent = mapNote();
  map.dataset.zoom = state.view.zoom.toFixed(2);
}

function graticule(w, h) {
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
  return svg("path", { class: "graticule", d });
}

function drawCountries(map, w, h) {
  const g = svg("g", { class: "countries" });
  for (const f of state.countries.features) {
    const p = svg("path", { class: "country", d: geometryPath(f.geometry), "data-iso3": f.properties.iso3 });
    p.appendChild(svg("title", {}, f.properties.name));
    g.appendChild(p);
  }
  map.appendChild(g);
  if (state.view.zoom < 4) return;
  for (const f of state.countries.features) {
    const c = labelPoint(f.geometry);
    if (!c) continue;
    const [x, y] = toScreen(c[0], c[1]);
    if (x < 0 || y < 0 || x > w || y > h) continue;
    map.appendChild(svg("text", { class: "label", x: x.toFixed(1), y: y.toFixed(1), "text-anchor": "middle" },
      f.properties.name));
  }
}

function markers(w, h) {
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
    const loc = (p.location && p.location.name) || p.location || "unknown place";  // geojson: a name
    c.appendChild(svg("title", {}, `${fmt(p.date)} · ${fmt(p.sub_event_type || p.event_type)} · ${loc}` +
      ` · killed: ${fmt(p.fatalities_best ?? p.fatalities)} · ${fmt(p.n_sources)} source(s)`));
    c.addEventListener("click", (ev) => { ev.stopPropagation(); hooks.open(p.id); });
    c.addEventListener("keydown", (ev) => { if (ev.key === "Enter") hooks.open(p.id); });
    g.appendChild(c);
  }
  return g;
}

function mapNote() {
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
  return notes.join(" · ");
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

export function drawLegend() {
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

export function setupMapInteraction({ open, viewChanged }) {
  hooks.open = open;
  hooks.viewChanged = viewChanged;
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
    if (moved) hooks.viewChanged();
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
  $("zoom-fit").addEventListener("click", () => { fitToData(); drawMap(); hooks.viewChanged(); });
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
  hooks.viewChanged();
}
