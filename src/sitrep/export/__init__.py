"""Exports of the incident database: csv, acled, ucdp, geojson, jsonl, parquet.

    write(store, fmt, out, **filters) -> int        # writes to a text or binary file object; returns rows
    FORMATS                                         # the format names

ACLED and UCDP GED exports use those datasets' column names and codes (see ``acled.py`` / ``ucdp.py``)
so scripts written for them read sitrep's exports unchanged.
"""
from __future__ import annotations

from sitrep.export.writers import BINARY_FORMATS, FORMATS, rows_for, write

__all__ = ["BINARY_FORMATS", "FORMATS", "rows_for", "write"]
