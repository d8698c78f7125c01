"""``sitrep serve [--db URL] [--host HOST] [--port PORT] [--token TOKEN]``: the HTTP API and the web map.

Reading is open. ``POST /api/documents`` needs ``Authorization: Bearer <token>``; the token is
``--token`` or the ``SITREP_TOKEN`` environment variable (without one, writing is off). Online map
tiles are used only when ``--tiles`` or ``SITREP_TILES`` gives a ``https://…/{z}/{x}/{y}.png`` template."""
from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("SITREP_DB"),
                   help="SQLite path or postgresql:// URL (default: $SITREP_DB, else sitrep.sqlite)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None, help="write token for POST /api/documents (default: $SITREP_TOKEN)")
    p.add_argument("--tiles", default=None, help="online tile URL template (default: $SITREP_TILES; none: offline)")


def run(args: argparse.Namespace) -> int:
    from sitrep.commands import existing_store
    from sitrep.errors import SitrepError

    try:
        existing_store(args.db)
    except SitrepError as exc:
        print(f"sitrep serve: {exc}", file=sys.stderr)
        return 2
    return serve(args.db, host=args.host, port=args.port, token=args.token, tiles=args.tiles)


def serve(db: str | None, *, host: str, port: int, token: str | None = None, tiles: str | None = None,
          store=None) -> int:
    import uvicorn

    from sitrep.errors import SitrepError
    from sitrep.serve import create_app

    try:
        app = create_app(db, token=token, store=store, tiles_url=tiles)
    except SitrepError as exc:
        print(f"sitrep serve: {exc}", file=sys.stderr)
        return 1
    where = "postgresql" if db and db.startswith(("postgres://", "postgresql://")) else (db or "sitrep.sqlite")
    write = "on (bearer token)" if app.state.token else "off (set SITREP_TOKEN to enable POST /api/documents)"
    print(f"sitrep: serving {where} on http://{host}:{port}  (API docs: /docs; writing {write})", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        print(f"sitrep serve: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return 1
    return 0
