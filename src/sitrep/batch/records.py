"""Documents and mentions <-> Arrow tables, losslessly, so that the Parquet partitions can be merged
into the store later exactly as if extraction had just happened.

Each mention row has flat columns an analyst can query (``event_type``, ``date``, ``latitude`` ...)
and ``mention_json``, the whole ``EventMention`` as JSON (spans, place, timex, counts, roles)."""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from sitrep.model import Count, Document, EventMention, Place, RoleFiller, Span, Timex


def _default(o):
    if isinstance(o, date):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def mention_to_json(m: EventMention) -> str:
    return json.dumps(asdict(m), default=_default, ensure_ascii=False)


def _span(d) -> Span | None:
    return Span(int(d["start"]), int(d["end"]), d["text"]) if d else None


def _spans(items) -> list[Span]:
    return [_span(d) for d in items or []]


def _count(d) -> Count:
    d = d or {}
    return Count(low=d.get("low"), best=d.get("best"), high=d.get("high"), spans=_spans(d.get("spans")))


def _date(v) -> date | None:
    return date.fromisoformat(v) if v else None


def mention_from_json(text: str) -> EventMention:
    d = json.loads(text)
    place = d.get("place")
    if place:
        place = Place(**{**place, "span": _span(place.get("span"))})
    timex = Timex(**d["timex"]) if d.get("timex") else None
    return EventMention(
        document_id=d["document_id"], trigger=_span(d["trigger"]), sentence_index=d["sentence_index"],
        event_type=d["event_type"], sub_event_type=d["sub_event_type"], weapons=list(d.get("weapons") or []),
        actor1=d.get("actor1"), actor2=d.get("actor2"), target=d.get("target"),
        place_text=_span(d.get("place_text")), place=place, timex=timex, date=_date(d.get("date")),
        date_precision=d.get("date_precision"), fatalities=_count(d.get("fatalities")),
        injured=_count(d.get("injured")), claimed=d.get("claimed"), claimant=d.get("claimant"),
        denied=bool(d.get("denied")), attempted=bool(d.get("attempted")),
        reported_by=list(d.get("reported_by") or []), hedged=bool(d.get("hedged")),
        generic=bool(d.get("generic")), evidence=_spans(d.get("evidence")),
        field_spans={k: _spans(v) for k, v in (d.get("field_spans") or {}).items()},
        roles={k: [RoleFiller(**r) for r in v] for k, v in (d.get("roles") or {}).items()},
        notes=list(d.get("notes") or []),
    )


def mention_schema():
    import pyarrow as pa

    return pa.schema([
        ("document_id", pa.string()), ("idx", pa.int32()), ("event_type", pa.string()),
        ("sub_event_type", pa.string()), ("weapons", pa.list_(pa.string())), ("actor1", pa.string()),
        ("target", pa.string()), ("location_name", pa.string()), ("country", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int32()),
        ("date", pa.string()), ("date_precision", pa.string()), ("fatalities_best", pa.int64()),
        ("injured_best", pa.int64()), ("claimed", pa.bool_()), ("mention_json", pa.string()),
    ])


def document_schema():
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("url", pa.string()), ("source", pa.string()), ("path", pa.string()), ("body_start", pa.int64()),
        ("meta_json", pa.string()), ("n_mentions", pa.int32()), ("error", pa.string()),
    ])


def mention_rows(mentions: list[EventMention]) -> dict[str, list]:
    cols: dict[str, list] = {f: [] for f in mention_schema().names}
    counters: dict[str, int] = {}
    for m in mentions:
        idx = counters.get(m.document_id, 0)
        counters[m.document_id] = idx + 1
        p = m.place
        for k, v in (("document_id", m.document_id), ("idx", idx), ("event_type", m.event_type),
                     ("sub_event_type", m.sub_event_type), ("weapons", list(m.weapons)), ("actor1", m.actor1),
                     ("target", m.target), ("location_name", p.name if p else None),
                     ("country", p.country if p else None), ("latitude", p.latitude if p else None),
                     ("longitude", p.longitude if p else None), ("geo_precision", p.geo_precision if p else None),
                     ("date", m.date.isoformat() if m.date else None), ("date_precision", m.date_precision),
                     ("fatalities_best", m.fatalities.best), ("injured_best", m.injured.best),
                     ("claimed", m.claimed), ("mention_json", mention_to_json(m))):
            cols[k].append(v)
    return cols


def document_row(doc: Document, n_mentions: int, error: str | None) -> dict:
    return {
        "id": doc.id, "text": doc.text, "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None, "url": doc.url,
        "source": doc.source, "path": doc.path, "body_start": doc.body_start,
        "meta_json": json.dumps(doc.meta, default=str, ensure_ascii=False), "n_mentions": n_mentions, "error": error,
    }


def document_from_row(row: dict) -> Document:
    return Document(id=row["id"], text=row["text"], title=row["title"], published=_date(row["published"]),
                    url=row["url"], source=row["source"], path=row["path"], body_start=int(row["body_start"] or 0),
                    meta=json.loads(row["meta_json"] or "{}"))
