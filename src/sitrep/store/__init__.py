"""The incident database: SQLite file by default, PostgreSQL by URL, one schema with migrations.

    store = open_store("sitrep.sqlite")          # or "postgresql://user:pw@host/db"
    result = store.ingest(doc, mentions)         # one transaction; idempotent by content hash
    store.incidents(date_from=..., bbox=..., country=..., event_type=..., actor=..., claimed=..., q=...)
    store.incident(id), store.documents(), store.document(id), store.stats(), store.timeline(...)
"""
from __future__ import annotations

from sitrep.store.core import IngestResult, Store
from sitrep.store.dialect import connect

__all__ = ["IngestResult", "Store", "open_store"]


def open_store(url: str | None = None) -> Store:
    """None or a path -> SQLite file (WAL); ``postgresql://...`` -> PostgreSQL. Runs migrations."""
    return Store(connect(url))
