// Small DOM and fetch helpers shared by the page's modules.
// Article text is untrusted: it only ever reaches the page through textContent / createTextNode.

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

export function $(id) { return document.getElementById(id); }

export function el(tag, attrs, ...children) {
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

export function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

export function color(type) { return TYPE_COLORS[type] || OTHER_COLOR; }

export function fmt(v) { return v === null || v === undefined || v === "" ? "–" : String(v); }

// "Kirkuk, Iraq"; a country-level place is named once ("Iraq", not "Iraq, Iraq")
export function placeLabel(parts) { return [...new Set(parts.filter(Boolean))].join(", "); }

export function setStatus(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    let detail = r.statusText;
    try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(`${r.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return r.json();
}

export function safeHref(url) {
  // only http(s) links from article metadata; anything else (javascript:, data:) is shown as text
  try {
    const u = new URL(url, location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) { return null; }
}
