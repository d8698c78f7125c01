// Renders /openapi.json as a plain list of operations (no CDN, text nodes only).
"use strict";

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined && text !== null) n.textContent = String(text);
  return n;
}

function schemaText(s) {
  if (!s) return "";
  if (s.anyOf) return s.anyOf.map(schemaText).join(" | ");
  if (s.$ref) return s.$ref.split("/").pop();
  if (s.enum) return s.enum.join(" | ");
  return s.format ? `${s.type} (${s.format})` : s.type || "";
}

async function main() {
  const box = document.getElementById("ops");
  let spec;
  try {
    spec = await (await fetch("/openapi.json")).json();
  } catch (e) {
    box.appendChild(el("p", "status error", "could not load /openapi.json: " + e.message));
    return;
  }
  box.appendChild(el("p", null, `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""}`));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const div = el("section", "op");
      const h = el("h3");
      h.appendChild(el("span", "method " + method, method.toUpperCase()));
      h.appendChild(el("code", null, path));
      div.appendChild(h);
      if (op.summary) div.appendChild(el("p", null, op.summary));
      const params = op.parameters || [];
      if (params.length) {
        const ul = el("ul");
        for (const p of params) {
          const li = el("li");
          li.appendChild(el("code", null, p.name));
          li.appendChild(document.createTextNode(
            ` (${p.in}${p.required ? ", required" : ""}) ${schemaText(p.schema)} — ${p.description || ""}`));
          ul.appendChild(li);
        }
        div.appendChild(ul);
      }
      if (op.requestBody) {
        const ref = schemaText(op.requestBody.content["application/json"].schema);
        const schema = (spec.components.schemas || {})[ref];
        const p = el("p", null, `JSON body: ${ref}`);
        div.appendChild(p);
        if (schema) {
          const ul = el("ul");
          for (const [name, prop] of Object.entries(schema.properties || {})) {
            const li = el("li");
            li.appendChild(el("code", null, name));
            const req = (schema.required || []).includes(name) ? ", required" : "";
            li.appendChild(document.createTextNode(` ${schemaText(prop)}${req} — ${prop.description || ""}`));
            ul.appendChild(li);
          }
          div.appendChild(ul);
        }
      }
      box.appendChild(div);
    }
  }
}

document.addEventListener("DOMContentLoaded", main);
