// The timeline: incidents per day, week, month or year, the bin chosen from the range in view.
// Wheel or +/- zooms (around the pointer), shift+wheel, the arrows (buttons or keys) or the edge notes pan, a click or a drag
// across bars filters by date. It opens on where the data is dense; "all" shows every date.
import { $, clear, svg } from "./util.js";
import { state } from "./state.js";

const DAY = 86400000;
const MAX_BINS = 150;        // the finest unit that gives at most this many bins in view
const UNITS = [["day", 1], ["week", 7], ["month", 30.44], ["year", 365.25]];
const DENSE = 0.8;          // the first view holds at least this share of the incidents
const PAD = { top: 8, bottom: 18, left: 4, right: 4 };

const tl = { view: null, extent: null, dense: null, layout: null, onRange: () => {} };

const ms = (day) => Date.parse(day + "T00:00:00Z");
const iso = (t) => new Date(t).toISOString().slice(0, 10);

export function chooseUnit(spanDays) {
  for (const [unit, days] of UNITS) if (spanDays / days <= MAX_BINS) return unit;
  return "year";
}

function binStart(t, unit) {
  const d = new Date(t);
  if (unit === "year") return Date.UTC(d.getUTCFullYear(), 0, 1);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  return t;
}

function nextBin(t, unit) {
  const d = new Date(t);
  if (unit === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (unit === "week" ? 7 : 1) * DAY;
}

// the shortest run of days holding 80% of the incidents: the first view, so that a few far-away dates
// do not squeeze the rest into a sliver; padded by a tenth on each side
function denseRange(rows) {
  const total = rows.reduce((a, r) => a + r.count, 0);
  let best = [0, rows.length - 1], sum = 0, j = 0;
  for (let i = 0; i < rows.length; i++) {
    while (j < rows.length && sum < DENSE * total) sum += rows[j++].count;
    if (sum < DENSE * total) break;
    if (ms(rows[j - 1].day) - ms(rows[i].day) < ms(rows[best[1]].day) - ms(rows[best[0]].day)) best = [i, j - 1];
    sum -= rows[i].count;
  }
  const a = ms(rows[best[0]].day), b = ms(rows[best[1]].day) + DAY;
  const pad = Math.max(DAY, (b - a) / 10);
  return [a - pad, b + pad];
}

// new data: keep the user's view when it still overlaps the data, else open on the dense part
export function setTimelineData(rows) {
  const sorted = rows.filter((r) => r.day).slice().sort((a, b) => (a.day < b.day ? -1 : 1));
  state.timeline = sorted;
  if (!sorted.length) { tl.extent = tl.view = null; return; }
  const first = ms(sorted[0].day), last = ms(sorted[sorted.length - 1].day) + DAY;
  tl.extent = [first - 3 * DAY, last + 3 * DAY];
  tl.dense = denseRange(sorted);
  if (!tl.view || tl.view[1] < first || tl.view[0] > last) tl.view = tl.dense.slice();
}

function setView(a, b) {
  const [lo, hi] = tl.extent;
  const span = Math.min(Math.max(b - a, 3 * DAY), Math.max(hi - lo, 3 * DAY));
  let s = Math.max(lo, Math.min(a, hi - span));
  if (hi - lo < span) s = (lo + hi - span) / 2;
  tl.view = [s, s + span];
  drawTimeline();
}

export function zoomTimeline(factor, atFraction = 0.5) {
  if (!tl.view) return;
  const [a, b] = tl.view;
  const pivot = a + (b - a) * atFraction;
  setView(pivot - (pivot - a) * factor, pivot + (b - pivot) * factor);
}

export function panTimeline(fraction) {
  if (!tl.view) return;
  const [a, b] = tl.view, d = (b - a) * fraction;
  setView(a + d, b + d);
}

function bins(unit) {
  const out = new Map();
  for (const r of state.timeline) {
    const s = binStart(ms(r.day), unit);
    const b = out.get(s) || { start: s, end: nextBin(s, unit), count: 0, fatalities: 0 };
    b.count += r.count;
    b.fatalities += r.fatalities || 0;
    out.set(s, b);
  }
  return [...out.values()];
}

export function drawTimeline() {
  const node = $("timeline");
  clear(node);
  const w = node.clientWidth || 800, h = node.clientHeight || 110;
  node.setAttribute("viewBox", `0 0 ${w} ${h}`);
  if (!tl.view) {
    node.appendChild(svg("text", { x: 10, y: 20, class: "axis" }, "no dated incidents"));
    tl.layout = null;
    return;
  }
  const [a, b] = tl.view;
  const unit = chooseUnit((b - a) / DAY);
  const x = (t) => PAD.left + (t - a) / (b - a) * (w - PAD.left - PAD.right);
  const visible = bins(unit).filter((s) => s.end > a && s.start < b);
  const max = Math.max(1, ...visible.map((s) => s.count));
  const { date_from: df, date_to: dt } = state.filters;
  for (const s of visible) {
    const from = iso(s.start), to = iso(s.end - DAY);
    const x0 = Math.max(PAD.left, x(s.start)), x1 = Math.min(w - PAD.right, x(s.end));
    const bh = Math.max(2, (h - PAD.top - PAD.bottom) * s.count / max);
    const inRange = (!df || to >= df) && (!dt || from <= dt);
    const r = svg("rect", {
      class: "bar" + (inRange ? "" : " out"), x: (x0 + 0.5).toFixed(1), y: (h - PAD.bottom - bh).toFixed(1),
      width: Math.max(1, x1 - x0 - 1).toFixed(1), height: bh.toFixed(1), "data-from": from, "data-to": to,
    });
    r.appendChild(svg("title", {}, `${from}${to !== from ? " – " + to : ""}: ${s.count} incident(s), ${s.fatalities} killed`));
    node.appendChild(r);
  }
  drawAxis(node, unit, x, w, h);
  drawEdgeNotes(node, w);
  tl.layout = { x, a, b, w, unit };
  Object.assign(node.dataset, { unit, from: iso(a), to: iso(b - 1) });
  $("tl-unit").textContent = `one bar per ${unit}`;
}

function drawAxis(node, unit, x, w, h) {
  const [a, b] = tl.view;
  const fmt = (t) => (unit === "year" ? iso(t).slice(0, 4) : unit === "month" ? iso(t).slice(0, 7) : iso(t));
  const minGap = unit === "year" ? 40 : unit === "month" ? 60 : 80;
  const width = unit === "year" ? 30 : unit === "month" ? 45 : 66;  // a label's width in px
  let last = -Infinity;
  for (let t = binStart(a, unit); t < b; t = nextBin(t, unit)) {
    const px = x(t);
    if (px < PAD.left || px - last < minGap || px > w - width) continue;
    node.appendChild(svg("line", { class: "tick", x1: px.toFixed(1), x2: px.toFixed(1), y1: h - PAD.bottom, y2: h - PAD.bottom + 4 }));
    node.appendChild(svg("text", { class: "axis", x: (px + 2).toFixed(1), y: h - 4 }, fmt(t)));
    last = px;
  }
}

// "← 3 earlier" / "2 later →": incidents outside the view, a click pans to them
function drawEdgeNotes(node, w) {
  const [a, b] = tl.view;
  const before = state.timeline.filter((r) => ms(r.day) + DAY <= a);
  const after = state.timeline.filter((r) => ms(r.day) >= b);
  const n = (rs) => rs.reduce((s, r) => s + r.count, 0);
  const note = (cls, text, xPos, anchor, target) => {
    const t = svg("text", { class: "edge " + cls, x: xPos, y: 12, "text-anchor": anchor }, text);
    t.addEventListener("pointerdown", (ev) => { ev.stopPropagation(); target(); });
    node.appendChild(t);
  };
  const span = b - a;
  if (before.length) {
    const to = ms(before[before.length - 1].day);
    note("before", `← ${n(before)} earlier`, 6, "start", () => setView(to - span / 2, to + span / 2));
  }
  if (after.length) {
    const to = ms(after[0].day);
    note("after", `${n(after)} later →`, w - 6, "end", () => setView(to - span / 2, to + span / 2));
  }
}

function dayAt(clientX) {
  const node = $("timeline");
  if (!tl.layout) return null;
  const r = node.getBoundingClientRect();
  const px = (clientX - r.left) * tl.layout.w / r.width;
  const { a, b, w } = tl.layout;
  return a + (px - PAD.left) / (w - PAD.left - PAD.right) * (b - a);
}

export function setupTimeline({ onRange }) {
  tl.onRange = onRange;
  const node = $("timeline");
  let brush = null;
  node.addEventListener("pointerdown", (ev) => {
    const t = dayAt(ev.clientX);
    if (t === null) return;
    brush = { a: t, b: t, rect: null };
    node.setPointerCapture(ev.pointerId);
  });
  node.addEventListener("pointermove", (ev) => {
    if (!brush) return;
    brush.b = dayAt(ev.clientX);
    const { x, unit } = tl.layout;
    const lo = binStart(Math.min(brush.a, brush.b), unit), hi = nextBin(binStart(Math.max(brush.a, brush.b), unit), unit);
    if (!brush.rect) { brush.rect = svg("rect", { class: "brush", y: 0 }); node.appendChild(brush.rect); }
    brush.rect.setAttribute("x", x(lo).toFixed(1));
    brush.rect.setAttribute("width", (x(hi) - x(lo)).toFixed(1));
    brush.rect.setAttribute("height", String(node.viewBox.baseVal.height || 110));
  });
  node.addEventListener("pointerup", () => {
    if (!brush || !tl.layout) { brush = null; return; }
    const { unit } = tl.layout;
    const lo = binStart(Math.min(brush.a, brush.b), unit);
    const hi = nextBin(binStart(Math.max(brush.a, brush.b), unit), unit) - DAY;
    brush = null;
    tl.onRange(iso(lo), iso(hi));
  });
  node.addEventListener("pointercancel", () => { brush = null; drawTimeline(); });
  node.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    if (!tl.layout) return;
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      panTimeline((ev.deltaX || ev.deltaY) > 0 ? 0.15 : -0.15);
      return;
    }
    const t = dayAt(ev.clientX);
    zoomTimeline(ev.deltaY < 0 ? 0.7 : 1 / 0.7, (t - tl.layout.a) / (tl.layout.b - tl.layout.a));
  }, { passive: false });
  node.addEventListener("keydown", (ev) => {  // the timeline has focus: arrows pan, + and - zoom
    const act = { ArrowLeft: () => panTimeline(-0.25), ArrowRight: () => panTimeline(0.25),
      "+": () => zoomTimeline(0.5), "=": () => zoomTimeline(0.5), "-": () => zoomTimeline(2) }[ev.key];
    if (act) { ev.preventDefault(); act(); }
  });
  $("tl-in").addEventListener("click", () => zoomTimeline(0.5));
  $("tl-out").addEventListener("click", () => zoomTimeline(2));
  $("tl-left").addEventListener("click", () => panTimeline(-0.5));
  $("tl-right").addEventListener("click", () => panTimeline(0.5));
  $("tl-dense").addEventListener("click", () => { if (tl.dense) setView(...tl.dense); });
  $("tl-all").addEventListener("click", () => { if (tl.extent) setView(...tl.extent); });
  $("tl-clear").addEventListener("click", () => tl.onRange("", ""));
  window.addEventListener("resize", () => drawTimeline());
}
