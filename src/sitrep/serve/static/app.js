// sitrep map page: filters, table, loading and the router. The map, the timeline and the incident page are
// modules of their own (map.js, timeline.js, detail.js). Plain JS modules, no libraries, no network beyond
// this server (tiles only if configured). Article text is untrusted: it only reaches the page as text nodes.
import { $, clear, el, fmt, getJSON, placeLabel, setStatus } from "./util.js";
import { state } from "./state.js";
import { drawLegend, drawMap, fitToData, setupMapInteraction, viewBbox } from "./map.js";
import { drawTimeline, setTimelineData, setupTimeline } from "./timeline.js";
import { showIncident } from "./detail.js";

const PAGE = 50;
const MAP_LIMIT = 1000;

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

let viewTimer = null;
function viewChanged() {
  if (!state.useBbox) return;
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => { state.offset = 0; refresh({ fit: false }); }, 300);
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
    setTimelineData(tl);
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

// ---------------------------------------------------------------- router
function openIncident(id) { location.hash = "#/incident/" + encodeURIComponent(id); }

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

async function start() {
  setupMapInteraction({ open: openIncident, viewChanged });
  setupTimeline({ onRange: setDates });
  setupFilters();
  try { state.config = await getJSON("/api/config"); } catch (e) { state.config = { tiles: null }; }
  try { state.countries = await getJSON("/static/countries.geojson"); } catch (e) { state.countries = null; }
  window.addEventListener("hashchange", route);
  await loadStats();
  await refresh({ fit: true });
  route();
}

start();
