"""``sitrep ingest PATH...``: read reports, extract their events, store them (one transaction per
document; idempotent by content hash, so an interrupted batch can simply be run again).

With ``--events FILE.jsonl`` the events come from a file of FORMAT.md records (``sitrep extract``
output, or another extractor's) instead of being extracted here; each record's ``document`` names
its report."""
from __future__ import annotations

import argparse
import os
import sys

DEFAULT_DB = "sitrep.sqlite"


def db_url(value: str | None) -> str:
    """``--db`` wins, then ``SITREP_DB``, then ``DATABASE_URL``, then ./sitrep.sqlite."""
    return value or os.environ.get("SITREP_DB") or os.environ.get("DATABASE_URL") or DEFAULT_DB


def add_db_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=None,
                   help="SQLite file or postgresql://... URL (default: $SITREP_DB, $DATABASE_URL, ./sitrep.sqlite)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders, globs, .tar.gz/.zip, .html, feeds, .jsonl, or - for stdin")
    add_db_argument(p)
    p.add_argument("--events", metavar="FILE", default=None,
                   help="JSON Lines of FORMAT.md event records to store instead of extracting")
    p.add_argument("--published", metavar="YYYY-MM-DD", default=None,
                   help="report date for inputs that do not carry one")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary")


def _events_by_document(path: str) -> dict[str, list[dict]]:
    import json

    from sitrep import errors

    out: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise errors.IngestError(f"{path}:{lineno}: not JSON: {exc.msg}", code=errors.E105_BAD_JSON) from exc
            if not isinstance(rec, dict) or not rec.get("document"):
                raise errors.IngestError(f"{path}:{lineno}: each event needs a \"document\" id",
                                         code=errors.E105_BAD_JSON)
            out.setdefault(str(rec["document"]), []).append(rec)
    return out


def _import_exports(paths: list[str], store, counts: dict, incidents: set, quiet: bool) -> list[str]:
    """Import the files among ``paths`` that are incident exports (sitrep's, ACLED, UCDP: see
    ``sitrep.ingest.tabular``) as incidents with their sources; returns the other paths."""
    from sitrep import errors
    from sitrep.ingest.tabular import incident_records, sniff
    from sitrep.store.imports import import_incident

    rest = []
    for path in paths:
        try:
            with open(path, "rb") as fh:
                kind = sniff(fh.read(65536))
        except OSError:
            kind = None
        if kind is None:
            rest.append(path)
            continue
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            for rec, sources in incident_records(data, kind, path):
                status = import_incident(store, rec, sources or [{"document_id": f"import-{rec['id']}"}], kind)
                counts["imported" if status == "new" else "duplicate"] += 1
                incidents.add(rec["id"])
                if not quiet:
                    print(f"{status} {rec['id']} (imported from a {kind} export)", flush=True)
        except (errors.SitrepError, ValueError, KeyError) as exc:
            counts["failed"] += 1
            print(f"failed {path}: {exc}", file=sys.stderr, flush=True)
    return rest


def run(args: argparse.Namespace) -> int:
    from sitrep import errors
    from sitrep.commands.progress import DocumentProgress, count_inputs, prepare_places
    from sitrep.ingest.sources import read_any
    from sitrep.ingest.text import ReadFailure, parse_date_arg
    from sitrep.store import open_store

    published = parse_date_arg(args.published)
    try:
        store = open_store(db_url(args.db))
    except errors.SitrepError as exc:
        print(f"sitrep ingest: {exc}", file=sys.stderr)
        return 2
    if args.events:
        from sitrep.store.records import mention_from_record

        try:
            events = _events_by_document(args.events)
        except (OSError, errors.SitrepError) as exc:
            print(f"sitrep ingest: {exc}", file=sys.stderr)
            return 2

        def extracted(docs):
            for doc in docs:
                yield doc, [mention_from_record(r, doc.id) for r in events.get(doc.id, [])], None
    else:
        from sitrep.pipeline import extract_documents as extracted
    counts = {"new": 0, "duplicate": 0, "updated": 0, "failed": 0, "imported": 0}
    incidents: set[str] = set()
    paths = _import_exports(args.paths, store, counts, incidents, args.quiet)

    def documents():
        for item in read_any(paths, published=published):
            if isinstance(item, ReadFailure):
                counts["failed"] += 1
                print(f"failed {item}", file=sys.stderr, flush=True)
                continue
            yield item

    if not args.events and paths:
        prepare_places("ingest", quiet=args.quiet)
    bar = DocumentProgress("storing", count_inputs(paths), quiet=args.quiet).start()
    try:
        for doc, mentions, error in bar.track(extracted(documents())):
            if error:  # one document's extraction error never stops the batch
                counts["failed"] += 1
                print(f"failed {doc.id}: {error}", file=sys.stderr, flush=True)
                continue
            try:
                res = store.ingest(doc, mentions)
            except errors.SitrepError as exc:
                counts["failed"] += 1
                print(f"failed {doc.id}: {exc}", file=sys.stderr, flush=True)
                continue
            counts[res.status] += 1
            incidents.update(res.incidents)
            if not args.quiet:
                print(f"{res.status} {res.document_id} -> {', '.join(res.incidents) or 'no events'}", flush=True)
    finally:
        bar.stop()
        store.close()
    imported = f"{counts['imported']} incidents imported from exports, " if counts["imported"] else ""
    print(f"documents: {counts['new']} new, {counts['updated']} updated, {counts['duplicate']} already stored, "
          f"{counts['failed']} failed; {imported}{len(incidents)} incidents touched", flush=True)
    return min(counts["failed"], 100)  # the number of inputs that failed, as the README says

