"""Exports of the incident database: csv, acled, ucdp, geojson, jsonl, parquet (GeoParquet).

    write(store, fmt, out, *, bom=False, **filters) -> int    # to a text or binary file object; returns rows
    FORMATS                                                   # name -> ExportFormat (extension, media type, writer)
    names()                                                   # the format names (the CLI's and API's choices)

Each format registers itself in ``sitrep.export.registry``. ACLED and UCDP GED exports use those
datasets' column names and codes (``acled.py`` / ``ucdp.py``) so scripts written for them read
sitrep's exports unchanged; every column is described in ``docs/data-dictionary.md``.
"""
from __future__ import annotations

from sitrep.export.registry import FORMATS, ExportContext, ExportFormat, get, names, write, write_pairs

BINARY_FORMATS = tuple(name for name, f in FORMATS.items() if f.binary)

__all__ = ["BINARY_FORMATS", "FORMATS", "ExportContext", "ExportFormat", "get", "names", "write", "write_pairs",
           "to_string"]


def to_string(store, fmt: str, **filters) -> str:
    """A text format as a string (small exports, tests)."""
    import io

    s = io.StringIO()
    write(store, fmt, s, **filters)
    return s.getvalue()
