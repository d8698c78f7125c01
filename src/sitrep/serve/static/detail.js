// The incident page: its fields, claims, merge reasons, and what each source says, with the words every
// field came from highlighted. Article text goes in as text nodes only.
import { $, clear, el, fmt, getJSON, placeLabel, safeHref } from "./util.js";

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

function markedText(text, spans, from = 0) {
  // the document from offset `from` (its body: after a title line or a "FILE:" header) with its evidence
  // marked, built from text nodes only
  const frag = el("div", { class: "fulltext" });
  const cuts = spans.map((s) => [Math.max(from, s.start), Math.min(text.length, s.end)])
    .filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  let pos = from;
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

function fieldList(inc, where) {
  const loc = inc.location || {};
  const dl = el("dl");
  field(dl, "Incident", inc.id);
  field(dl, "Date", inc.date ? `${inc.date} (precision: ${fmt(inc.date_precision)})` : null);
  field(dl, "Type", [inc.event_type, inc.sub_event_type].filter(Boolean).join(" / "));
  field(dl, "Weapons", (inc.weapons || []).join(", "));
  field(dl, "Actor", inc.actor1_written ? `${inc.actor1_written} (${inc.actor1})` : inc.actor1);
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
  return dl;
}

function claimsAndReasons(view, inc) {
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
}

function sourceBox(src) {
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
      // the title is the heading above; the body is shown without its header line
      const from = Math.max(0, Math.min(Number(doc.body_start) || 0, (doc.text || "").length));
      btn.replaceWith(markedText(doc.text || "", spans, from));
    } catch (e) {
      btn.replaceWith(el("p", { class: "status error", text: "could not load the report: " + e.message }));
    }
  });
  box.appendChild(btn);
  return box;
}

export async function showIncident(id) {
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
  view.appendChild(fieldList(inc, where));
  claimsAndReasons(view, inc);
  view.appendChild(el("h3", { text: "What each source says" }));
  for (const src of inc.sources || []) view.appendChild(sourceBox(src));
  document.body.dataset.incident = inc.id;
}
