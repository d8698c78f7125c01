"""One thin SQL layer over SQLite and PostgreSQL.

Queries are written once with ``?`` placeholders and portable types; the PostgreSQL connection
rewrites the placeholders for psycopg. Rows come back as plain dicts. Values stay portable:
dates are ISO ``TEXT``, booleans ``INTEGER`` 0/1/NULL, lists and objects JSON ``TEXT``.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitrep import errors

# Portable type names in the schema, per dialect.
TYPES = {
    "sqlite": {"autoid": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL", "bigint": "INTEGER"},
    "postgresql": {"autoid": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION", "bigint": "BIGINT"},
}


class Connection:
    """A single connection used under a lock (one writer, as datasette does for SQLite)."""

    dialect = "sqlite"

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._depth = 0
        self._writer: int | None = None  # the thread inside a write transaction
        self.commits = 0  # write transactions committed through this connection
        self._local = threading.local()
        self._readers: list[Any] = []
        self._readers_lock = threading.Lock()

    # reads ---------------------------------------------------------------------------------
    def _open_reader(self) -> Any:  # pragma: no cover - abstract
        """A connection of its own for one thread's reads, or None to read on the shared one."""
        return None

    def _reader(self) -> Any:
        """Outside a write transaction, each thread reads on its own connection: readers never queue behind
        the writer or each other (SQLite WAL snapshots, PostgreSQL sessions). Inside one, the shared
        connection, so a transaction sees its own writes."""
        if self._writer == threading.get_ident():
            return None
        conn = getattr(self._local, "conn", False)
        if conn is False:
            conn = self._open_reader()
            self._local.conn = conn
            if conn is not None:
                with self._readers_lock:
                    self._readers.append(conn)
        return conn

    def _reader_execute(self, conn, sql: str, params: Sequence[Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _close_readers(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing is best effort
                    pass
            self._readers.clear()
        self._local = threading.local()

    # implemented by subclasses -------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _begin(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _commit(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _rollback(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # shared --------------------------------------------------------------------------------
    def ddl(self, sql: str) -> str:
        return sql.format(**TYPES[self.dialect])

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; nested calls join the outer one. Rolls back on any error."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self._begin()
            self._depth = 1
            self._writer = threading.get_ident()
            try:
                yield self
            except BaseException:
                self._depth = 0
                self._writer = None
                self._rollback()
                raise
            self._depth = 0
            self._writer = None
            self._commit()
            self.commits += 1

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.lock:
            self._execute(sql, params)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        reader = self._reader()
        if reader is not None:
            cur = self._reader_execute(reader, sql, params)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        with self.lock:
            cur = self._execute(sql, params)
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        reader = self._reader()
        if reader is not None:
            row = self._reader_execute(reader, sql, params).fetchone()
            return row[0] if row else None
        with self.lock:
            row = self._execute(sql, params).fetchone()
            return row[0] if row else None

    def data_version(self) -> Any:
        """A value that changes whenever any connection (this process or another) commits; None when the
        database cannot tell cheaply (then callers use a short time-to-live)."""
        return None

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.lock:
            for r in rows:
                self._execute(sql, r)

    def table_exists(self, name: str) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError


class SQLiteConnection(Connection):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise errors.StoreError(f"cannot open {path}: folder {parent} does not exist", code=errors.E601_STORE_OPEN)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.Error as exc:
            raise errors.StoreError(f"cannot open SQLite file {path}: {exc}", code=errors.E601_STORE_OPEN) from exc

    def _execute(self, sql, params):
        return self.conn.execute(sql, tuple(params))

    def _open_reader(self):
        if self.path == ":memory:" or self.path.startswith("file:"):
            return None
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA query_only=ON")
        return conn

    def _reader_execute(self, conn, sql, params):
        return conn.execute(sql, tuple(params))

    def data_version(self):
        if self.path == ":memory:":
            return None
        with self._readers_lock:
            if getattr(self, "_version_conn", None) is None:
                self._version_conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self._readers.append(self._version_conn)
            return self._version_conn.execute("PRAGMA data_version").fetchone()[0]

    def _begin(self):
        # IMMEDIATE takes the write lock now, so two writers queue instead of failing at commit.
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self):
        self.conn.execute("COMMIT")

    def _rollback(self):
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def many(self, sql, rows):
        with self.lock:
            self.conn.executemany(sql, [tuple(r) for r in rows])

    def table_exists(self, name: str) -> bool:
        return bool(self.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", (name,)))

    def close(self):
        with self.lock:
            self._version_conn = None
            self._close_readers()
            self.conn.close()


_QMARK = re.compile(r"\?")


def _pg_sql(sql: str) -> str:
    return _QMARK.sub("%s", sql.replace("%", "%%"))


class PostgresConnection(Connection):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg

        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            safe = re.sub(r"//[^@/]*@", "//***@", url)
            raise errors.StoreError(f"cannot connect to PostgreSQL at {safe}: {exc}", code=errors.E602_STORE_CONNECT) from exc
        self._sqlcache: dict[str, str] = {}

    def _sql(self, sql: str) -> str:
        out = self._sqlcache.get(sql)
        if out is None:
            out = self._sqlcache[sql] = _pg_sql(sql)
        return out

    def _execute(self, sql, params):
        return self.conn.execute(self._sql(sql), tuple(params), prepare=False)

    def _open_reader(self):
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    def _reader_execute(self, conn, sql, params):
        return conn.execute(self._sql(sql), tuple(params), prepare=False)

    def _begin(self):
        self.conn.execute("BEGIN")

    def _commit(self):
        self.conn.execute("COMMIT")

    def _rollback(self):
        self.conn.execute("ROLLBACK")

    def many(self, sql, rows):
        with self.lock, self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def table_exists(self, name: str) -> bool:
        return bool(self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)))

    def close(self):
        with self.lock:
            self._close_readers()
            self.conn.close()


def connect(url: str | None) -> Connection:
    """``None`` / a path -> SQLite file; ``postgresql://`` or ``postgres://`` -> PostgreSQL."""
    if url and url.startswith(("postgresql://", "postgres://")):
        return PostgresConnection(url)
    if url and url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteConnection(url or "sitrep.sqlite")
