"""GeoParquet 1.0: the flat incident record, a WKB ``geometry`` column (null without coordinates) with
the ``geo`` file metadata that geopandas, GDAL and DuckDB spatial read as geometry, dates as dates,
``last_updated`` as a UTC timestamp, and ``sitrep:schema_version`` in the file metadata. Written in
row groups of 5,000, so memory stays flat however many incidents there are."""
from __future__ import annotations

import json
import struct
from collections.abc import Iterable
from datetime import date, datetime
from typing import IO

from sitrep.export.writers import SCHEMA_VERSION, flat_record

ROW_GROUP = 5000


def schema():
    import pyarrow as pa

    fields = [
        ("id", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()), ("event_type", pa.string()),
        ("sub_event_type", pa.string()), ("weapons", pa.list_(pa.string())), ("actor1", pa.string()),
        ("actor2", pa.string()), ("target", pa.string()), ("location", pa.string()), ("country", pa.string()),
        ("country_code", pa.string()), ("admin1", pa.string()), ("latitude", pa.float64()),
        ("longitude", pa.float64()), ("geo_precision", pa.int8()), ("fatalities", pa.int32()),
        ("fatalities_low", pa.int32()), ("fatalities_high", pa.int32()), ("injured", pa.int32()),
        ("claimed", pa.bool_()), ("claimant", pa.string()), ("n_sources", pa.int32()),
        ("documents", pa.list_(pa.string())), ("first_reported", pa.date32()),
        ("last_updated", pa.timestamp("ms", tz="UTC")), ("geometry", pa.binary()),
    ]
    geo = {"version": "1.0.0", "primary_column": "geometry",
           # no "crs": GeoParquet's default, OGC:CRS84 (WGS 84, longitude first)
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}}}
    meta = {b"geo": json.dumps(geo).encode(), b"sitrep:schema_version": SCHEMA_VERSION.encode()}
    return pa.schema(fields, metadata=meta)


def wkb_point(lon: float | None, lat: float | None) -> bytes | None:
    """Little-endian WKB of a 2D point; None without coordinates."""
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _instant(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def parquet_row(inc: dict, sources: list[dict]) -> dict:
    row = flat_record(inc, sources)
    row["date"] = _day(row["date"])
    row["first_reported"] = _day(row["first_reported"])
    row["last_updated"] = _instant(row["last_updated"])
    row["geometry"] = wkb_point(row["longitude"], row["latitude"])
    return row


def write_parquet(pairs: Iterable[tuple[dict, list[dict]]], out: IO, ctx=None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = schema()
    n = 0
    buf: list[dict] = []
    with pq.ParquetWriter(out, sch) as writer:
        for inc, srcs in pairs:
            row = parquet_row(inc, srcs)
            buf.append(row)
            n += 1
            if len(buf) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(buf, schema=sch))
                buf.clear()
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=sch))
    return n
