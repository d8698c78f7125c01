"""What the HTTP routes do, as plain functions over a ``Store``: parse filters, shape GeoJSON, cut a
source sentence into highlighted / plain segments, ingest a posted text. The routes stay thin and
these functions are testable without HTTP.

The store never parses text and the routes never extract: ``ingest_text`` is the one place where a
posted report goes through ``sitrep.pipeline.extract_document`` and then ``Store.ingest``, the same
path ``sitrep ingest`` takes.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep import errors, filters
from sitrep.errors import (  # noqa: F401 (re-exported)
    E701_BAD_FILTER,
    E702_NO_TOKEN,
    E703_BAD_TOKEN,
    E704_BAD_DOCUMENT,
    E705_NO_PIPELINE,
    E706_TOO_LARGE,
)

ServeError = errors.ServeError


MAX_LIMIT = 1000
TOTALS_MAX_AGE_S = 2.0  # a page's total and /api/stats may lag the stored reports by this much; pages never do


@dataclass(frozen=True)
class IncidentFilters:
    """The filters that ``/api/incidents``, ``/api/timeline`` and the map share."""

    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    claimed: bool | str | None = None  # True, False (a report says unclaimed) or "unknown"
    q: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from, "date_to": self.date_to, "bbox": self.bbox,
            "country": self.country, "event_type": self.event_type, "actor": self.actor,
            "claimed": self.claimed, "q": self.q,
        }


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` -> a tuple, or ServeError E701 saying what is wrong."""
    return filters.parse_bbox(value, error=ServeError, code=E701_BAD_FILTER)


MAX_OFFSET = 2 ** 62  # SQLite and PostgreSQL integers are 64-bit: a larger offset is refused, never a 500


def clean_text_filter(value: str | None) -> str | None:
    if value is None:
        return None
    if "\x00" in value:  # SQLite would cut the pattern at the NUL and match everything
        raise ServeError("a filter value cannot contain a NUL character", code=E701_BAD_FILTER)
    value = value.strip()
    return value or None


def make_filters(*, date_from: date | None = None, date_to: date | None = None, bbox: str | None = None,
                 country: str | None = None, event_type: str | None = None, actor: str | None = None,
                 claimed: bool | None = None, q: str | None = None) -> IncidentFilters:
    if date_from and date_to and date_from > date_to:
        raise ServeError(f"date_from {date_from} is after date_to {date_to}", code=E701_BAD_FILTER)
    return IncidentFilters(
        date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox),
        country=clean_text_filter(country), event_type=clean_text_filter(event_type),
        actor=clean_text_filter(actor), claimed=claimed, q=clean_text_filter(q),
    )


def list_incidents(store, filters: IncidentFilters, *, limit: int = 100, offset: int = 0,
                   cursor: str | None = None, updated_since: str | None = None) -> dict:
    """A page of incidents: newest first with ``offset``, or in id order from ``cursor`` (keyset
    paging for full pulls: "start" for the first page, then each page's ``next_cursor`` until it is
    null). ``updated_since``: an ISO timestamp; only incidents changed at or after it."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    kw = {**filters.as_kwargs(), "updated_since": updated_since}
    if cursor is not None:
        after = None if cursor in ("", CURSOR_START) else cursor
        items = store.incidents(**kw, limit=limit, after=after, order="id")
        nxt = items[-1]["id"] if len(items) == limit else None
        return {"total": store.count_incidents(**kw), "limit": limit, "offset": 0, "cursor": cursor,
                "next_cursor": nxt, "items": items}
    items = store.incidents(**kw, limit=limit, offset=offset)
    if len(items) < limit and (items or offset == 0):
        total = offset + len(items)  # a short page is the last one: no second query needed
    else:
        total = store.count_incidents(**kw, max_age_s=TOTALS_MAX_AGE_S)
    return {"total": total, "limit": limit, "offset": offset, "cursor": None, "next_cursor": None, "items": items}


CURSOR_START = "start"


def export_page(store, page: dict, fmt: str) -> tuple[bytes, str, str]:
    """A page of incidents in an export format of the registry: (body, media type, file name)."""
    import io

    from sitrep.export import get
    from sitrep.export.registry import context_for, with_sources

    spec = get(fmt)
    pairs = with_sources(store, page["items"])
    ctx = context_for(store, fmt)
    if spec.binary:
        buf = io.BytesIO()
        spec.writer(pairs, buf, ctx)
        return buf.getvalue(), spec.media_type, f"incidents.{spec.extension}"
    text = io.StringIO()
    if fmt == "geojson":
        members = {k: page[k] for k in ("total", "limit", "offset", "next_cursor")}
        spec.writer(pairs, text, ctx, members)
    else:
        spec.writer(pairs, text, ctx)
    return text.getvalue().encode("utf-8"), spec.media_type, f"incidents.{spec.extension}"


# ---- evidence highlighting ---------------------------------------------------------------------

def highlight_segments(sentence: dict, spans: list[dict]) -> list[dict]:
    """Cut ``sentence`` ({start, end, text}, offsets into the document) into consecutive segments
    ``{"text", "highlight", "fields"}``: highlighted segments are the parts covered by ``spans`` (each
    {start, end} in document offsets, with an optional ``field`` name such as ``fatalities``), and
    ``fields`` names every field whose words they are. Overlapping spans split into pieces; spans
    outside the sentence are ignored. The text is returned as plain strings: the page must insert it
    as text, never as HTML."""
    s_start, text = int(sentence["start"]), sentence["text"]
    s_end = s_start + len(text)
    cuts: list[tuple[int, int, str | None]] = []
    for sp in spans:
        try:
            a, b = max(int(sp["start"]), s_start), min(int(sp["end"]), s_end)
        except (KeyError, TypeError, ValueError):
            continue
        if a < b:
            cuts.append((a - s_start, b - s_start, sp.get("field")))
    points = sorted({0, len(text), *(a for a, _, _ in cuts), *(b for _, b, _ in cuts)})
    out: list[dict] = []
    for lo, hi in zip(points, points[1:], strict=False):
        covering = [f for a, b, f in cuts if a <= lo and hi <= b]
        fields = sorted({f for f in covering if f})
        hl = bool(covering)
        if out and out[-1]["highlight"] == hl and out[-1]["fields"] == fields:
            out[-1]["text"] += text[lo:hi]
        else:
            out.append({"text": text[lo:hi], "highlight": hl, "fields": fields})
    return out


def sentence_around(text: str, start: int, end: int, floor: int = 0) -> dict:
    """The sentence(s) of ``text`` that hold ``[start, end)``: cut at ., !, ? followed by white
    space, and at line breaks, never before ``floor`` (the body start, after a ``FILE:`` header)
    unless the span itself is before it; surrounding white space trimmed."""
    floor = floor if start >= floor else 0
    a = max(0, min(start, len(text)))
    while a > floor:
        ch = text[a - 1]
        if ch == "\n" or (ch in ".!?" and text[a].isspace()):
            break
        a -= 1
    b = max(end, a)
    while b < len(text):
        ch = text[b]
        if ch == "\n":
            break
        b += 1
        if ch in ".!?" and (b >= len(text) or text[b].isspace()):
            break
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return {"start": a, "end": b, "text": text[a:b]}


def word_spans(mention: dict) -> list[dict]:
    """The words that support a mention's fields (``field_spans``, each tagged with its field); the
    evidence spans when the extractor gave no field spans."""
    out = []
    for name, spans in (mention.get("field_spans") or {}).items():
        if name == "sentence":
            continue
        for sp in spans or []:
            if isinstance(sp, dict) and "start" in sp and "end" in sp:
                out.append({"start": int(sp["start"]), "end": int(sp["end"]), "field": name})
    if not out:
        out = [{"start": int(sp["start"]), "end": int(sp["end"]), "field": None}
               for sp in mention.get("evidence") or [] if isinstance(sp, dict)]
    return out


def passages(text: str | None, mention: dict, words: list[dict], body_start: int = 0) -> list[dict]:
    """The sentences to show for a mention: each evidence span widened to whole sentences, plus the
    sentence of any supporting word outside them; merged, in text order. Without the document text,
    the stored ``sentence``."""
    if not text:
        sent = mention.get("sentence")
        if isinstance(sent, dict) and sent.get("text") is not None and sent.get("start") is not None:
            return [{"start": int(sent["start"]), "end": int(sent["start"]) + len(sent["text"]),
                     "text": sent["text"]}]
        return []
    ranges = []
    for sp in list(mention.get("evidence") or []) + words:
        try:
            s = sentence_around(text, int(sp["start"]), int(sp["end"]), body_start)
        except (KeyError, TypeError, ValueError):
            continue
        if s["start"] < s["end"]:
            ranges.append((s["start"], s["end"]))
    ranges.sort()
    merged: list[list[int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [{"start": a, "end": b, "text": text[a:b]} for a, b in merged]


def _written_doer(inc: dict) -> str | None:
    """For an incident whose doer is of no known group (actor1 "Unidentified Armed Group", ACLED's category), the
    doer as its first source writes it ("gunmen", "Maoist rebels": records.written_doer, from the words of its actor1
    span); None otherwise. The page shows both."""
    from sitrep.extract.mentions import UNIDENTIFIED
    from sitrep.records import written_doer

    if inc.get("actor1") != UNIDENTIFIED:
        return None
    for src in inc.get("sources") or []:
        for m in src.get("mentions") or []:
            for sp in (m.get("field_spans") or {}).get("actor1") or []:
                if isinstance(sp, dict) and sp.get("text"):
                    return written_doer(str(sp["text"]))
    return None


def incident_detail(store, incident_id: str) -> dict | None:
    """One incident; each source mention gets ``highlighted``: its sentences, each cut into segments
    with the words that support a field highlighted (see ``highlight_segments``)."""
    inc = store.incident(incident_id)
    if inc is None:
        return None
    inc["actor1_written"] = _written_doer(inc)
    for src in inc.get("sources") or []:
        text, body_start = None, 0
        doc_id = src.get("document_id")
        if doc_id is not None:
            doc = store.document(doc_id)
            if doc:
                text, body_start = doc.get("text"), int(doc.get("body_start") or 0)
        for m in src.get("mentions") or []:
            words = word_spans(m)
            m["highlighted"] = [{"sentence": s, "segments": highlight_segments(s, words)}
                                for s in passages(text, m, words, body_start)]
    return inc


# ---- writing ----------------------------------------------------------------------------------

def configured_token(token: str | None) -> str | None:
    """The write token: the one given, else ``SITREP_TOKEN`` from the environment; None disables
    writing. Blank values count as none."""
    tok = token if token is not None else os.environ.get("SITREP_TOKEN")
    if tok is None or not tok.strip():
        return None
    return tok.strip()


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise ServeError E702 (no token configured) or E703 (missing / wrong bearer token)."""
    import hmac

    if expected is None:
        raise ServeError("writing is disabled: start the server with SITREP_TOKEN set", code=E702_NO_TOKEN)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ServeError("send 'Authorization: Bearer <token>'", code=E703_BAD_TOKEN)
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ServeError("wrong token", code=E703_BAD_TOKEN)


def ingest_text(store, text: str, *, doc_id: str | None = None, title: str | None = None,
                published: date | None = None, url: str | None = None, source: str | None = None,
                extract=None) -> dict:
    """Store one posted report: text -> Document -> ``pipeline.extract_document`` -> ``store.ingest``.

    ``extract`` defaults to ``sitrep.pipeline.extract_document``. Returns
    ``{"document_id", "status", "incidents"}``."""
    from sitrep.ingest.text import MAX_BYTES, document_from_text, sections

    if not isinstance(text, str) or not text.strip():
        raise ServeError("the document has no text", code=E704_BAD_DOCUMENT)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ServeError(f"the document is over the {MAX_BYTES // (1024 * 1024)} MB limit for one report",
                         code=E704_BAD_DOCUMENT)
    if doc_id is None:
        doc_id = "api-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    try:
        doc = document_from_text(text, doc_id, title=title, published=published, url=url, source=source)
    except errors.IngestError as exc:
        raise ServeError(str(exc).split("] ", 1)[-1], code=E704_BAD_DOCUMENT) from exc
    if doc_id and not doc_id.startswith("api-"):
        doc.meta["source_key"] = f"api:{doc_id}" if not url else f"url:{url.strip()}"  # the client's name for it
    if extract is None:
        extract = pipeline_extract()
    results = []
    for part in sections(doc):  # a book-length text is read in sections, as ``sitrep ingest`` does
        if part is not doc and "source_key" in doc.meta:
            part.meta["source_key"] = f"{doc.meta['source_key']}#{part.meta['section']}"
        stored = store.stored(part)
        if stored is None:
            try:
                mentions = extract(part)
            except errors.SitrepError as exc:
                raise ServeError(str(exc).split("] ", 1)[-1], code=E704_BAD_DOCUMENT) from exc
            stored = store.ingest(part, mentions)
        results.append(stored)
    out = {"document_id": results[0].document_id, "status": results[0].status,
           "incidents": sorted({i for r in results for i in r.incidents})}
    if len(results) > 1:
        out["documents"] = [{"document_id": r.document_id, "status": r.status} for r in results]
    return out


class ExtractionProcess:
    """Extraction of posted reports in a process of its own (spawned at the first POST, kept): spaCy's parse is
    CPU-bound and holds the interpreter lock, so run in the server process it starves every read being served
    (reads during two POST clients: p95 735 ms in the same process)."""

    def __init__(self):
        self._pool = None
        self._lock = __import__("threading").Lock()

    def __call__(self, doc):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            pool = self._pool
        try:
            return pool.submit(_extract_document, doc).result()
        except BrokenProcessPool as exc:  # the worker died (memory?): a new one next time
            with self._lock:
                self._pool = None
            raise ServeError("the extraction process failed; try again", code=E705_NO_PIPELINE) from exc

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _extract_document(doc):
    return pipeline_extract()(doc)


def pipeline_extract():
    """``sitrep.pipeline.extract_document``, or ServeError E705 when the pipeline is not there."""
    try:
        from sitrep.pipeline import extract_document
    except ImportError as exc:
        raise ServeError(f"the extraction pipeline is not available: {exc}", code=E705_NO_PIPELINE) from exc
    return extract_document
