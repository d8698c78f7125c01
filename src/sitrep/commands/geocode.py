"""``sitrep geocode``: find and resolve toponyms, or resolve given spans.

Plain-text mode (default): ``sitrep geocode FILE... [--country IRAQ]`` reads text files (or stdin) and
prints one JSON line per toponym found: ``{"document", "start", "end", "text", "name", "latitude",
"longitude", "country", "admin1", "geonameid", "feature", "precision", "where_prec", "reason"}``.

Span mode: ``sitrep geocode --spans [FILE.jsonl]`` reads JSON Lines ``{"id", "text", "spans": [[start,
end], ...]}`` (other keys ignored) and writes, one line per input line and in the input's order,
``{"id", "spans": [{"start", "end", "name", "latitude", "longitude", "geonameid", "feature", "precision"}
or null]}``. A span the resolver abstains on keeps its best reading and adds ``"abstained": true`` and
the ``reason``. A line that is not valid input gets ``{"id", "error"}`` and the batch goes on; the exit
status is 1 when any line failed.
"""
from __future__ import annotations

import argparse
import json
import sys

from sitrep import errors


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="text files (plain mode) or one JSON Lines file (--spans); '-' or none: stdin")
    p.add_argument("--spans", action="store_true", help="span mode: JSON Lines {id, text, spans} in, resolutions out")
    p.add_argument("--country", help="default country for plain mode (name or ISO code), a small bonus only")
    p.add_argument("--abstentions", action="store_true", help="plain mode: also print readings the resolver abstained on")


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _span_mode(args: argparse.Namespace) -> int:
    from sitrep.resolve.place import resolve_spans

    failed = 0
    paths = args.paths or ["-"]
    for path in paths:
        for lineno, line in enumerate(_read(path).splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise ValueError('needs an object with a "text" string')
                spans = row.get("spans") or []
                pairs = []
                for sp in spans:
                    if not (isinstance(sp, list | tuple) and len(sp) == 2 and all(isinstance(x, int) for x in sp)):
                        raise ValueError(f"span {sp!r} is not [start, end]")
                    pairs.append((sp[0], sp[1]))
            except (json.JSONDecodeError, ValueError) as exc:
                failed += 1
                rid = row.get("id") if isinstance(locals().get("row"), dict) else None
                print(json.dumps({"id": rid, "error": f"[{errors.E105_BAD_JSON}] {path}:{lineno}: {exc}"}), flush=True)
                row = None
                continue
            places = resolve_spans(row["text"], pairs)
            out = []
            for (s, e), p in zip(pairs, places, strict=True):
                if p is None:
                    out.append(None)
                    continue
                item = {"start": s, "end": e, "name": p.name, "latitude": p.latitude, "longitude": p.longitude,
                        "geonameid": p.geonameid, "feature": p.feature, "precision": p.geo_precision}
                if (p.reason or "").startswith("abstain"):
                    item["abstained"] = True
                    item["reason"] = p.reason
                out.append(item)
            print(json.dumps({"id": row.get("id"), "spans": out}, ensure_ascii=False), flush=True)
            row = None
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    from sitrep.commands.progress import prepare_places

    prepare_places("geocode")
    if args.spans:
        return _span_mode(args)
    from pathlib import Path

    from sitrep.resolve.place import geocode_text, ucdp_where_prec

    failed = 0
    for path in args.paths or ["-"]:
        try:
            text = _read(path)
        except (OSError, UnicodeDecodeError) as exc:
            failed += 1
            print(f"sitrep geocode: [{errors.E106_UNREADABLE}] {path}: {exc}", file=sys.stderr)
            continue
        doc = "stdin" if path == "-" else Path(path).stem
        for p in geocode_text(text, default_country=args.country, include_abstentions=args.abstentions):
            print(json.dumps({
                "document": doc, "start": p.span.start, "end": p.span.end, "text": p.span.text, "name": p.name,
                "latitude": p.latitude, "longitude": p.longitude, "country": p.country, "admin1": p.admin1,
                "geonameid": p.geonameid, "feature": p.feature, "precision": p.geo_precision,
                "where_prec": ucdp_where_prec(p), "reason": p.reason,
            }, ensure_ascii=False), flush=True)
    return 1 if failed else 0
