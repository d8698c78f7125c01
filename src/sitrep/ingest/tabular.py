"""Incident exports given to ``sitrep ingest``: sitrep's own (jsonl, csv, geojson), ACLED and UCDP GED
CSV files are recognised by their first bytes and imported as incidents with their sources, instead of
being read as one prose report.

    sniff(data) -> "sitrep-jsonl" | "sitrep-csv" | "sitrep-geojson" | "acled" | "ucdp" | "parquet" | None
    incident_records(data, kind, source) -> Iterator[(incident record, sources)]

A record has the shape ``Store.incidents`` returns (``location`` an object) plus ``sources``
[{document_id, title, url, published, source}]. sitrep's JSON Lines export comes back field for field
(export -> ingest -> export is the identity); the CSV layouts lose what their columns do not hold (see
docs/data-dictionary.md, "Reading exports back").
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from sitrep import errors

ACLED_MARK = {"event_id_cnty", "event_date", "inter1", "sub_event_type"}
UCDP_MARK = {"relid", "type_of_violence", "side_a", "where_prec"}
SITREP_MARK = {"id", "n_sources", "documents", "geo_precision", "last_updated"}


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def sniff(data: bytes) -> str | None:
    """Which incident export ``data`` is, from its first line; None for anything else (a report)."""
    if data[:4] == b"PAR1":
        return "parquet"
    head = _text(data[:65536]).lstrip()
    first = head.split("\n", 1)[0].strip()
    if first.startswith("{"):
        if head.startswith('{"type": "FeatureCollection"') and '"n_sources"' in head:
            return "sitrep-geojson"
        try:
            rec = json.loads(first)
        except json.JSONDecodeError:
            return None
        if isinstance(rec, dict) and "n_sources" in rec and "sources" in rec and "text" not in rec:
            return "sitrep-jsonl"
        return None
    try:
        header = {h.strip() for h in next(csv.reader([first]))}
    except (csv.Error, StopIteration):
        return None
    for kind, mark in (("acled", ACLED_MARK), ("ucdp", UCDP_MARK), ("sitrep-csv", SITREP_MARK)):
        if mark <= header:
            return kind
    return None


def incident_records(data: bytes, kind: str, source: str) -> Iterator[tuple[dict, list[dict]]]:
    """(incident record, sources) of every row of an export; IngestError E118 for what cannot be read."""
    from sitrep.ingest import tabular_rows

    if kind == "sitrep-jsonl":
        for lineno, line in enumerate(_text(data).splitlines(), 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise errors.IngestError(f"{source}:{lineno}: not JSON: {exc.msg}",
                                             code=errors.E105_BAD_JSON) from exc
                yield tabular_rows.from_jsonl(rec)
        return
    if kind == "sitrep-geojson":
        for feat in json.loads(_text(data)).get("features") or []:
            yield tabular_rows.from_feature(feat)
        return
    read = {"sitrep-csv": tabular_rows.from_csv, "acled": tabular_rows.from_acled, "ucdp": tabular_rows.from_ucdp}
    if kind not in read:
        raise errors.IngestError(f"{source}: a {kind} export cannot be imported; export jsonl, csv or geojson "
                                 f"and ingest that", code=errors.E118_INCIDENT_EXPORT)
    for row in csv.DictReader(io.StringIO(_text(data), newline="")):
        yield read[kind](row)
