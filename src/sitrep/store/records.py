"""Dataclasses <-> rows. The store keeps portable values: ISO dates, 0/1 booleans, JSON text."""
from __future__ import annotations

import hashlib
import json
import os
from datetime import date

from sitrep.model import Count, Document, EventMention, Place, Span

MENTION_COLUMNS = (
    "id", "document_id", "idx", "incident_id", "event_type", "sub_event_type", "weapons", "actor1", "actor2",
    "target", "location_name", "country", "country_code", "admin1", "latitude", "longitude", "geo_precision",
    "place_feature", "date", "date_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "injured_low", "injured_best", "injured_high", "claimed", "claimant", "denied", "attempted", "hedged",
    "trigger_span", "sentence", "evidence", "field_spans", "notes",
)

INCIDENT_FIELDS = (
    "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "actor2", "target",
    "location_name", "country", "country_code", "admin1", "latitude", "longitude", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high", "injured_low", "injured_best", "injured_high",
    "claimed", "claimant", "n_sources", "first_reported",
)


def content_hash(doc: Document) -> str:
    return doc.meta.get("sha256") or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def source_key(doc: Document) -> str:
    """What a document is a version of: its URL when known; else its file (absolute path, archive member,
    JSON Lines row id); else (stdin, a posted text with no id) its content. Two files that share a name are two
    sources; a later version of the same source replaces the earlier one."""
    if doc.meta.get("source_key"):
        return str(doc.meta["source_key"])
    part = f"#part{doc.meta['section'].split('/')[0]}" if doc.meta.get("section") else ""
    if doc.url and doc.url.strip():
        return "url:" + doc.url.strip() + part
    if doc.path and doc.path not in ("-", "stdin"):
        return f"path:{os.path.abspath(doc.path)}#{doc.id}"
    return "sha256:" + content_hash(doc)


def _bool(v: bool | None) -> int | None:
    return None if v is None else int(bool(v))


def _spans(spans: list[Span]) -> list[dict]:
    return [s.to_dict() for s in spans]


def mention_sentence(doc: Document, m: EventMention) -> dict | None:
    """The passage a mention came from, for display: the ``sentence`` field span when the
    extractor gave one, else the evidence extent widened to the surrounding line / full stops."""
    given = m.field_spans.get("sentence")
    if given:
        return given[0].to_dict()
    spans = list(m.evidence) or ([m.trigger] if m.trigger else [])
    if not spans:
        return None
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    text = doc.text
    lo = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
             text.rfind("\n", 0, start) + 1, doc.body_start if start >= doc.body_start else 0)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    hi = min(hi, len(text))
    return {"start": lo, "end": hi, "text": text[lo:hi]}


def mention_row(doc: Document, m: EventMention, idx: int) -> dict:
    p: Place | None = m.place
    f: Count = m.fatalities
    inj: Count = m.injured
    return {
        "id": f"{doc.id}#{idx}", "document_id": doc.id, "idx": idx, "incident_id": None,
        "event_type": m.event_type, "sub_event_type": m.sub_event_type, "weapons": json.dumps(list(m.weapons)),
        "actor1": m.actor1, "actor2": m.actor2, "target": m.target,
        "location_name": p.name if p else (m.place_text.text if m.place_text else None),
        "country": p.country if p else None,
        "country_code": (p.country_code or "").upper() or None if p else None,
        "admin1": p.admin1 if p else None,
        "latitude": p.latitude if p else None, "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None, "place_feature": p.feature if p else None,
        "date": m.date.isoformat() if m.date else None,
        "date_precision": (m.date_precision or "day") if m.date else None,
        "fatalities_low": f.low, "fatalities_best": f.best, "fatalities_high": f.high,
        "injured_low": inj.low, "injured_best": inj.best, "injured_high": inj.high,
        "claimed": _bool(m.claimed), "claimant": m.claimant, "denied": int(m.denied),
        "attempted": int(m.attempted), "hedged": int(m.hedged),
        "trigger_span": json.dumps(m.trigger.to_dict()) if m.trigger else None,
        "sentence": json.dumps(mention_sentence(doc, m)),
        "evidence": json.dumps(_spans(m.evidence)),
        "field_spans": json.dumps({k: _spans(v) for k, v in m.field_spans.items()}),
        "notes": json.dumps(list(m.notes)),
    }


def mention_from_record(rec: dict, document_id: str | None = None) -> EventMention:
    """A FORMAT.md event record (as ``sitrep extract`` writes it) -> EventMention, so events
    extracted elsewhere can be stored with their documents. A record with ``actor1_acled`` (a doer of no known
    group, whose actor1 is written as the text's noun: records.doer_noun) is stored as the Unidentified Armed Group,
    as extraction keeps it internally (merge and the store read that)."""
    from sitrep.extract.mentions import UNIDENTIFIED

    def span(d: dict) -> Span:
        return Span(int(d["start"]), int(d["end"]), str(d.get("text", "")))

    evidence = [span(e) for e in rec.get("evidence") or []]
    loc = rec.get("location") or {}
    place = None
    if loc.get("latitude") is not None and loc.get("longitude") is not None:
        place = Place(name=loc.get("name") or "", latitude=float(loc["latitude"]), longitude=float(loc["longitude"]),
                      country=loc.get("country"), country_code=loc.get("country_code"), admin1=loc.get("admin1"),
                      geo_precision=int(loc.get("geo_precision") or 1), feature=loc.get("feature"))
    fat = rec.get("fatalities_range") or rec.get("fatalities")
    if not isinstance(fat, dict) and ("fatalities_low" in rec or "fatalities_high" in rec):
        fat = {"low": rec.get("fatalities_low"), "best": fat, "high": rec.get("fatalities_high")}
    if isinstance(fat, dict):
        fatalities = Count(low=fat.get("low"), best=fat.get("best"), high=fat.get("high"))
    else:
        fatalities = Count(best=fat) if fat is not None else Count()
    d = rec.get("date")
    m = EventMention(
        document_id=document_id or str(rec.get("document")),
        trigger=evidence[0] if evidence else Span(0, 0, ""), sentence_index=int(rec.get("sentence_index") or 0),
        event_type=rec.get("event_type") or "", sub_event_type=rec.get("sub_event_type") or "",
        weapons=list(rec.get("weapons") or []), actor2=rec.get("actor2"),
        actor1=UNIDENTIFIED if rec.get("actor1_acled") else rec.get("actor1"),
        target=rec.get("target"), place=place, date=date.fromisoformat(d[:10]) if d else None,
        date_precision=rec.get("date_precision") or ("day" if d else None), fatalities=fatalities,
        claimed=rec.get("claimed"), claimant=rec.get("claimant"), evidence=evidence,
        field_spans={k: [span(s) for s in v] for k, v in (rec.get("field_spans") or {}).items()},
    )
    place_spans = m.field_spans.get("location") or m.field_spans.get("place")
    if place_spans:
        m.place_text = place_spans[0]
    if place is None and loc.get("name"):
        m.notes.append(f"place not resolved: {loc['name']}")
    return m
