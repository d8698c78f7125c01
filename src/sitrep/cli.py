"""The ``sitrep`` command line: each command lives in ``sitrep.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``; only the module of the command run is imported."""
from __future__ import annotations

import argparse
import importlib
import sys

# name -> (module, one-line help). One explicit table, no import side effects.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("sitrep.commands.extract", "extract events from reports (text, seed layout, JSON Lines, stdin)"),
    "geocode": ("sitrep.commands.geocode", "find and resolve toponyms in text, or resolve given spans"),
    "timex": ("sitrep.commands.timex", "find and normalise temporal expressions"),
    "ingest": ("sitrep.commands.ingest", "extract and store reports in the incident database"),
    "incidents": ("sitrep.commands.incidents", "list incidents from the database with filters"),
    "export": ("sitrep.commands.export", "export incidents: csv, acled, ucdp, geojson, jsonl, parquet"),
    "serve": ("sitrep.commands.serve", "serve the HTTP API and the web map"),
    "demo": ("sitrep.commands.demo", "bundled reports -> SQLite -> summary table -> serve the map"),
    "watch": ("sitrep.commands.watch", "poll RSS/Atom/JSON feeds and ingest new items"),
    "batch": ("sitrep.commands.batch", "extract a large corpus on Dask into Parquet and the store"),
}


DESCRIPTION = ("sitrep turns news reports of attacks into a sourced, geocoded incident database: extract events "
               "from reports, store them, list, export and serve them on a web map. Offline, on one CPU.")
EPILOG = ("First time? 'sitrep demo' stores the bundled reports and opens the map on http://127.0.0.1:8000 "
          "(the first run builds a place-name cache once, about 30 s). 'sitrep COMMAND --help' tells more.")


def build_parser(load: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the command being run (``load``) imports its module to add its arguments."""
    parser = argparse.ArgumentParser(prog="sitrep", description=DESCRIPTION, epilog=EPILOG)
    from sitrep import __version__

    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        if name == load:
            _load(module).add_arguments(p)
    return parser


def _load(module: str):
    return importlib.import_module(module)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(load=command)
    args = parser.parse_args(argv)
    if not getattr(args, "_module", None):
        parser.print_help()
        return 2
    from sitrep.knowledge import freeze_tables

    # a command's loaded tables out of the cycle collector's passes (freeze_tables); the setting is put back after
    # it, for a caller that runs commands in its own process (the tests)
    before = freeze_tables()
    try:
        return int(_load(args._module).run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        freeze_tables(before)


if __name__ == "__main__":
    sys.exit(main())
