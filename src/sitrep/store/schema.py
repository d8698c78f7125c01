"""The incident database schema, as numbered migrations. Each migration runs once, in its own
transaction, and is recorded in ``schema_version``. Never edit a released migration: add one.

Types are portable (see ``dialect.TYPES``): dates are ISO text, booleans 0/1/NULL integers, lists
and objects JSON text, so the same queries run on SQLite and PostgreSQL.
"""
from __future__ import annotations

from sitrep import errors
from sitrep.store.dialect import Connection

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "documents, mentions, incidents, sources, claims, change log", [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT, url TEXT, published TEXT, source TEXT, path TEXT,
            body_start INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            meta TEXT,
            n_mentions INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_published ON documents (published)",
        """CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            date TEXT, date_precision TEXT,
            event_type TEXT, sub_event_type TEXT,
            weapons TEXT NOT NULL DEFAULT '[]',
            actor1 TEXT, actor2 TEXT, target TEXT,
            location_name TEXT, country TEXT, country_code TEXT, admin1 TEXT,
            latitude {real}, longitude {real}, geo_precision INTEGER,
            fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
            injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
            claimed INTEGER, claimant TEXT,
            n_sources INTEGER NOT NULL DEFAULT 0,
            first_reported TEXT, last_updated TEXT NOT NULL,
            search TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX incidents_date ON incidents (date)",
        "CREATE INDEX incidents_lonlat ON incidents (longitude, latitude)",
        "CREATE INDEX incidents_country ON incidents (country_code)",
        "CREATE INDEX incidents_type ON incidents (event_type)",
        """CREATE TABLE mentions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            incident_id TEXT REFERENCES incidents (id),
            event_type TEXT, sub_event_type TEXT,
            weapons TEXT NOT NULL DEFAULT '[]',
            actor1 TEXT, actor2 TEXT, target TEXT,
            location_name TEXT, country TEXT, country_code TEXT, admin1 TEXT,
            latitude {real}, longitude {real}, geo_precision INTEGER, place_feature TEXT,
            date TEXT, date_precision TEXT,
            fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
            injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
            claimed INTEGER, claimant TEXT, denied INTEGER NOT NULL DEFAULT 0,
            attempted INTEGER NOT NULL DEFAULT 0, hedged INTEGER NOT NULL DEFAULT 0,
            trigger_span TEXT, sentence TEXT, evidence TEXT NOT NULL DEFAULT '[]',
            field_spans TEXT NOT NULL DEFAULT '{{}}', notes TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX mentions_document ON mentions (document_id)",
        "CREATE INDEX mentions_incident ON mentions (incident_id)",
        """CREATE TABLE incident_sources (
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            mention_id TEXT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            linked_at TEXT NOT NULL,
            score {real},
            reasons TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (incident_id, mention_id)
        )""",
        "CREATE INDEX incident_sources_document ON incident_sources (document_id)",
        """CREATE TABLE claims (
            id {autoid},
            incident_id TEXT NOT NULL REFERENCES incidents (id),
            mention_id TEXT NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            status TEXT NOT NULL,
            claimant TEXT,
            published TEXT,
            evidence TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX claims_incident ON claims (incident_id)",
        """CREATE TABLE changes (
            id {autoid},
            incident_id TEXT,
            document_id TEXT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            field TEXT, old TEXT, new TEXT,
            detail TEXT
        )""",
        "CREATE INDEX changes_incident ON changes (incident_id)",
    ]),
    (2, "documents.source_key: a document is identified by its source (URL, else path), not its file name", [
        "ALTER TABLE documents ADD COLUMN source_key TEXT",
        "UPDATE documents SET source_key = 'legacy:' || id",
        "CREATE INDEX documents_source_key ON documents (source_key)",
    ]),
    (3, "indexes in the API's order (date DESC, id): a page of 50 reads 50 index entries, not every match", [
        "CREATE INDEX incidents_recent ON incidents (date DESC, id)",
        "CREATE INDEX incidents_country_recent ON incidents (country_code, date DESC, id)",
    ]),
    (4, "reported_totals: cumulative counts a report gives (\"28,000 killed since 2015\"), never incidents", [
        """CREATE TABLE reported_totals (
            id {autoid},
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            casualty TEXT NOT NULL,
            count_low INTEGER, count_best INTEGER, count_high INTEGER,
            span_text TEXT, area_text TEXT,
            reported_by TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '[]',
            published TEXT
        )""",
        "CREATE INDEX reported_totals_document ON reported_totals (document_id)",
    ]),
    (5, "mentions by date: merging finds an incident by any member dated near a new mention", [
        "CREATE INDEX mentions_date ON mentions (date)",
    ]),
]

LATEST = MIGRATIONS[-1][0]


def migrate(conn: Connection) -> int:
    """Bring the database to the latest schema; returns the version it is at."""
    with conn.transaction():
        if not conn.table_exists("schema_version"):
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, description TEXT, applied_at TEXT)")
    current = conn.scalar("SELECT max(version) FROM schema_version") or 0
    if current > LATEST:
        raise errors.StoreError(
            f"the database is at schema version {current}, newer than this sitrep ({LATEST}); upgrade sitrep",
            code=errors.E603_SCHEMA_NEWER,
        )
    from datetime import UTC, datetime

    for version, description, statements in MIGRATIONS:
        if version <= current:
            continue
        with conn.transaction():
            # re-check under the write lock: another process may have migrated meanwhile
            if (conn.scalar("SELECT max(version) FROM schema_version") or 0) >= version:
                continue
            for stmt in statements:
                conn.execute(conn.ddl(stmt))
            conn.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                         (version, description, datetime.now(UTC).isoformat(timespec="seconds")))
    return LATEST
