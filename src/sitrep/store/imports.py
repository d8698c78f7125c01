"""Incidents imported whole (from an export: ``sitrep.ingest.tabular``), not extracted: each keeps its
id and fields, each of its sources becomes a document (a stub holding the headline when the store does
not have the report), and each (incident, document) pair a mention carrying the incident's fields, so a
later report can still merge into it. One transaction per incident; an id already stored is skipped."""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from sitrep.store.records import MENTION_COLUMNS

_INCIDENT_COLUMNS = (
    "id", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "actor2", "target",
    "location_name", "country", "country_code", "admin1", "latitude", "longitude", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high", "injured_best", "claimed", "claimant", "n_sources",
    "first_reported", "last_updated", "search",
)


def _q(cols) -> str:
    return ", ".join("?" for _ in cols)


def _fields(rec: dict) -> dict:
    loc = rec.get("location") or {}
    claimed = rec.get("claimed")
    return {
        "date": rec.get("date"), "date_precision": rec.get("date_precision"), "event_type": rec.get("event_type"),
        "sub_event_type": rec.get("sub_event_type"), "weapons": json.dumps(list(rec.get("weapons") or [])),
        "actor1": rec.get("actor1"), "actor2": rec.get("actor2"), "target": rec.get("target"),
        "location_name": loc.get("name"), "country": loc.get("country"),
        "country_code": (loc.get("country_code") or "").upper() or None, "admin1": loc.get("admin1"),
        "latitude": loc.get("latitude"), "longitude": loc.get("longitude"), "geo_precision": loc.get("geo_precision"),
        "fatalities_low": rec.get("fatalities_low"), "fatalities_best": rec.get("fatalities_best", rec.get("fatalities")),
        "fatalities_high": rec.get("fatalities_high"), "injured_best": rec.get("injured"),
        "claimed": None if claimed is None else int(bool(claimed)), "claimant": rec.get("claimant"),
    }


def _ensure_document(c, src: dict, origin: str, now: str) -> None:
    doc_id = src["document_id"]
    if c.one("SELECT id FROM documents WHERE id = ?", (doc_id,)):
        return
    text = src.get("title") or doc_id
    sha = hashlib.sha256(f"sitrep-import:{doc_id}".encode()).hexdigest()
    c.execute("INSERT INTO documents (id, sha256, title, url, published, source, path, body_start, text, meta, "
              "n_mentions, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (doc_id, sha, src.get("title"), src.get("url"), src.get("published"), src.get("source"), None, 0,
               text, json.dumps({"imported_from": origin}), 0, now))


def import_incident(store, rec: dict, sources: list[dict], origin: str) -> str:
    """Store one exported incident with its sources; "new" or "duplicate" (its id is stored)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    fields = _fields(rec)
    titles = [src.get("title") for src in sources]
    search = " | ".join(str(x) for x in (
        fields["event_type"], fields["sub_event_type"], fields["actor1"], fields["actor2"], fields["target"],
        fields["location_name"], fields["country"], fields["admin1"], fields["claimant"],
        " ".join(json.loads(fields["weapons"])), *titles) if x).lower()
    row = {**fields, "id": rec["id"], "n_sources": rec.get("n_sources") or len(sources),
           "first_reported": rec.get("first_reported"), "last_updated": rec.get("last_updated") or now,
           "search": search}
    with store.conn.transaction() as c:
        if c.one("SELECT id FROM incidents WHERE id = ?", (rec["id"],)):
            return "duplicate"
        c.execute(f"INSERT INTO incidents ({', '.join(_INCIDENT_COLUMNS)}) VALUES ({_q(_INCIDENT_COLUMNS)})",
                  [row[k] for k in _INCIDENT_COLUMNS])
        for src in sources:
            _ensure_document(c, src, origin, now)
            _link(c, rec["id"], src["document_id"], fields, origin, now)
        c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                  (rec["id"], sources[0]["document_id"] if sources else None, now, "created",
                   json.dumps({"imported_from": origin})))
    return "new"


def _link(c, inc_id: str, doc_id: str, fields: dict, origin: str, now: str) -> None:
    """A mention of the document carrying the incident's fields, linked to the incident."""
    idx = int(c.scalar("SELECT count(*) FROM mentions WHERE document_id = ?", (doc_id,)) or 0)
    m = {k: None for k in MENTION_COLUMNS}
    m.update({k: v for k, v in fields.items() if k in m})
    m.update({"id": f"{doc_id}#{inc_id}", "document_id": doc_id, "idx": idx, "incident_id": inc_id,
              "denied": 0, "attempted": 0, "hedged": 0, "evidence": "[]", "field_spans": "{}",
              "notes": json.dumps([f"imported from {origin}"])})
    c.execute(f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({_q(MENTION_COLUMNS)})",
              [m[k] for k in MENTION_COLUMNS])
    c.execute("INSERT INTO incident_sources (incident_id, mention_id, document_id, linked_at, score, reasons) "
              "VALUES (?, ?, ?, ?, ?, ?)", (inc_id, m["id"], doc_id, now, None, json.dumps([f"imported from {origin}"])))
