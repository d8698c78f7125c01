"""Export formats as a registry: each format registers its name, file extension, media type and
writer (as datasette's output renderers do). ``sitrep export --format`` and the API's ``format=`` take
their choices from here.

    FORMATS["csv"]            -> ExportFormat(name, extension, media_type, binary, writer, description)
    names()                   -> the format names, in registration order
    write(store, fmt, out, *, bom=False, **filters) -> int      stream every matching incident
    write_pairs(fmt, pairs, out, ctx) -> int                       write given (incident, sources) pairs

A writer is ``writer(pairs, out, ctx) -> int``: it takes (incident, sources) pairs, a text stream (a
binary one when ``binary``) and an ``ExportContext``, and returns how many incidents it wrote.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from sitrep import errors
from sitrep.export.acled import acled_row
from sitrep.export.parquet import write_parquet
from sitrep.export.ucdp import ucdp_row
from sitrep.export.writers import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    UCDP_COLUMNS,
    csv_row,
    geojson_feature,
    jsonl_record,
    spreadsheet_safe,
)

Pairs = Iterable[tuple[dict, list[dict]]]


@dataclass
class ExportContext:
    """What a writer may need beyond one incident: ``bom`` (a UTF-8 byte order mark first, so
    spreadsheets read Arabic and accents right), ``yearly`` (UCDP active_year totals)."""

    bom: bool = False
    yearly: dict | None = None


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    media_type: str
    binary: bool
    writer: Callable[[Pairs, IO, ExportContext], int]
    description: str


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    if fmt.name in FORMATS:
        raise ValueError(f"export format {fmt.name!r} is registered twice")
    FORMATS[fmt.name] = fmt
    return fmt


def names() -> tuple[str, ...]:
    return tuple(FORMATS)


def get(name: str) -> ExportFormat:
    fmt = FORMATS.get(name)
    if fmt is None:
        raise errors.SitrepError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}",
                                 code=errors.E711_BAD_FORMAT)
    return fmt


# ---- writers ----------------------------------------------------------------------------------------
def _table_writer(row_fn, columns: list[str]):
    def write_table(pairs: Pairs, out: IO, ctx: ExportContext) -> int:
        if ctx.bom:
            out.write("\ufeff")
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(columns)
        n = 0
        for inc, srcs in pairs:
            row = row_fn(inc, srcs, ctx)
            w.writerow(["" if row[k] is None else spreadsheet_safe(row[k]) for k in columns])
            n += 1
        return n
    return write_table


def write_jsonl(pairs: Pairs, out: IO, ctx: ExportContext) -> int:
    n = 0
    for inc, srcs in pairs:
        out.write(json.dumps(jsonl_record(inc, srcs), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(pairs: Pairs, out: IO, ctx: ExportContext, members: dict | None = None) -> int:
    """A FeatureCollection, streamed; every incident, ``geometry: null`` when it has no coordinates.
    ``members``: extra top-level members (the API's total / limit / cursor)."""
    out.write('{"type": "FeatureCollection", ')
    for k, v in (members or {}).items():
        out.write(f"{json.dumps(k)}: {json.dumps(v)}, ")
    out.write('"features": [')
    n = 0
    for inc, srcs in pairs:
        out.write(("," if n else "") + "\n" + json.dumps(geojson_feature(inc, srcs), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# One explicit table, in the order the CLI and the API list them.
register(ExportFormat("csv", "csv", "text/csv; charset=utf-8", False, _table_writer(csv_row, CSV_COLUMNS),
                      "sitrep's columns, one incident a row"))
register(ExportFormat("acled", "csv", "text/csv; charset=utf-8", False, _table_writer(acled_row, ACLED_COLUMNS),
                      "ACLED's columns and codes"))
register(ExportFormat("ucdp", "csv", "text/csv; charset=utf-8", False, _table_writer(ucdp_row, UCDP_COLUMNS),
                      "UCDP GED's columns and codes"))
register(ExportFormat("geojson", "geojson", "application/geo+json", False, write_geojson,
                      "GeoJSON FeatureCollection (RFC 7946)"))
register(ExportFormat("jsonl", "jsonl", "application/x-ndjson", False, write_jsonl,
                      "JSON Lines: FORMAT.md records with their sources (sitrep ingest reads them back)"))
register(ExportFormat("parquet", "parquet", "application/vnd.apache.parquet", True, write_parquet,
                      "GeoParquet 1.0"))


# ---- from the store ---------------------------------------------------------------------------------
def pairs_from_store(store, filters: dict, batch: int = 2000) -> Iterator[tuple[dict, list[dict]]]:
    """Every matching incident with its sources and place feature, in id order, by keyset pages."""
    after = None
    while True:
        page = store.incidents(limit=batch, after=after, order="id", **filters)
        if not page:
            return
        yield from with_sources(store, page)
        if len(page) < batch:
            return
        after = page[-1]["id"]


def with_sources(store, page: list[dict]) -> Iterator[tuple[dict, list[dict]]]:
    ids = [i["id"] for i in page]
    srcs = store.sources_of(ids)
    feats = store.place_features(ids)
    for inc in page:
        yield {**inc, "place_feature": feats.get(inc["id"])}, srcs.get(inc["id"], [])


def context_for(store, fmt: str, *, bom: bool = False) -> ExportContext:
    return ExportContext(bom=bom, yearly=store.fatalities_by_year() if fmt == "ucdp" else None)


def write_pairs(fmt: str, pairs: Pairs, out: IO, ctx: ExportContext | None = None) -> int:
    return get(fmt).writer(pairs, out, ctx or ExportContext())


def write(store, fmt: str, out: IO, *, bom: bool = False, **filters) -> int:
    """Write the incidents matching ``filters`` (as ``Store.incidents`` takes them) in ``fmt`` to
    ``out`` (a text stream; a binary one for binary formats). Returns how many were written."""
    spec = get(fmt)
    return spec.writer(pairs_from_store(store, filters), out, context_for(store, fmt, bom=bom))
