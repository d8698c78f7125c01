"""Time values on real web news that no TimeML annotator saw: an audit judged by hand (issue 13, session 41).

    python3 benchmarks/timex_audit.py            # scores the judgements against this checkout
    python3 benchmarks/timex_audit.py --dump     # every DATE / TIME sitrep finds, with context, for judging
    python3 benchmarks/timex_audit.py --errors   # the judged rows this checkout gets wrong, by kind

The pages: the English news pages of ``../shared/data/ingestion`` with a known publication date, taken as the
document's creation time (DCT): trafilatura's ``cache/`` (main text by sitrep's own HTML reader; the date from
``evaldata.json`` where it gives one, else the page's own metadata as trafilatura reads it) and newspaper4k's
``txt/`` with the ``publish_date`` of ``metadata/`` (pages in other languages and pages with no date left out).
Split by a rule fixed before any page was read: the SHA-1 of the file name, even = TUNE, odd = CHECK.

The judgements (``benchmarks/data/timex_audit.csv``): one row per DATE / TIME expression sitrep found at the
commit named in the file's header, or per date expression it missed that the judge saw: ``source, split, start,
end, text, sitrep_value, judged, kind``. ``judged`` is the right TimeML value, ``SPURIOUS`` (not a temporal
expression of the page, or not a DATE / TIME), or the value of a ``MISSED`` row (``kind`` starts with
``missed``). ``kind`` names the error kind of a row sitrep got wrong at judging time. Prints per split: value
accuracy on the judged spans sitrep finds (the value it gives now against the judged one), detection precision
(judged spans found that are not spurious, of all found among the judged rows), the misses seen that are now found,
and rows whose span no longer appears (new finds are unjudged: counted, to judge with --dump).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from sitrep.resolve.time import DocumentTimes, event_date  # noqa: E402

JUDGED = ROOT / "benchmarks" / "data" / "timex_audit.csv"
FIELDS = ["source", "split", "start", "end", "text", "sitrep_value", "judged", "kind"]


def shared_dir() -> Path:
    env = os.environ.get("SITREP_SHARED")
    return Path(env) if env else (ROOT / ".." / "shared").resolve()


def split_of(name: str) -> str:
    """The fixed split: SHA-1 of the file name even = tune, odd = check."""
    return "tune" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "check"


def trafilatura_pages(base: Path) -> list[tuple[str, str, date]]:
    from sitrep.ingest.html import read_html

    given = {v["file"]: v.get("date") for v in json.loads((base / "evaldata.json").read_text()).values()}
    out = []
    for p in sorted((base / "cache").glob("*.html")):
        doc = read_html(p.read_bytes(), str(p))
        dct = date.fromisoformat(given[p.name]) if given.get(p.name) else doc.published
        if dct is not None:
            out.append((p.name, doc.text, dct))
    return out


def newspaper_pages(base: Path) -> list[tuple[str, str, date]]:
    out = []
    for p in sorted((base / "metadata").glob("*.json")):
        meta = json.loads(p.read_text(encoding="utf-8"))
        txt = base / "txt" / f"{p.stem}.txt"
        if meta.get("language") != "en" or not meta.get("publish_date") or not txt.exists():
            continue
        out.append((f"{p.stem}.txt", txt.read_text(encoding="utf-8"), date.fromisoformat(meta["publish_date"][:10])))
    return out


def pages() -> list[tuple[str, str, date]]:
    base = shared_dir() / "data" / "ingestion"
    if not base.exists():
        raise SystemExit(f"no {base}: the audit needs ../shared")
    return trafilatura_pages(base / "trafilatura") + newspaper_pages(base / "newspaper4k")


def finds(text: str, dct: date, nlp) -> dict[tuple[int, int], tuple[str, str]]:
    """(start, end) -> (type, value) of every DATE / TIME sitrep finds, event-relative ones applied to the DCT."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timex import sentence_parses

    dt = DocumentTimes(text, dct, parses=sentence_parses(text, nlp), signals=False)
    out = {}
    for t in dt.find():
        if t.type not in ("DATE", "TIME"):
            continue
        value = t.value
        if t.anchor == "event":
            d = event_date(t, dct)
            value = d.isoformat() if d else value
        out[(t.start, t.end)] = (t.type, value)
    return out


def dump(nlp) -> None:
    for name, text, dct in pages():
        for (s, e), (typ, value) in sorted(finds(text, dct, nlp).items()):
            ctx = text[max(0, s - 90):e + 60].replace("\n", " | ")
            print(json.dumps({"source": name, "split": split_of(name), "dct": dct.isoformat(), "start": s, "end": e,
                              "text": text[s:e], "type": typ, "value": value, "ctx": ctx}, ensure_ascii=False))


def read_judged(path: Path = JUDGED) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def score(nlp, show_errors: bool = False) -> dict[str, Counter]:
    rows = read_judged()
    docs = {name: (text, dct) for name, text, dct in pages()}
    found = {name: finds(text, dct, nlp) for name, (text, dct) in docs.items()}
    out: dict[str, Counter] = {"tune": Counter(), "check": Counter()}
    errs: Counter = Counter()
    for r in rows:
        c = out[r["split"]]
        span = (int(r["start"]), int(r["end"]))
        text, _ = docs[r["source"]]
        c["text_moved"] += text[span[0]:span[1]] != r["text"]
        got = found[r["source"]].get(span)
        if r["kind"].startswith("missed"):
            c["missed_seen"] += 1
            c["missed_now_found"] += got is not None
            c["missed_now_right"] += got is not None and got[1] == r["judged"]
            continue
        c["judged_found"] += 1
        if got is None:
            c["gone"] += 1
            continue
        c["still_found"] += 1
        if r["judged"] == "SPURIOUS":
            c["spurious"] += 1
            errs[(r["split"], "SPURIOUS", r["kind"])] += 1
            continue
        c["valued"] += 1
        c["right"] += got[1] == r["judged"]
        if got[1] != r["judged"]:
            errs[(r["split"], "WRONG", r["kind"])] += 1
            if show_errors:
                print(f"  {r['split']} {r['source']} {r['text']!r}: {got[1]} judged {r['judged']} ({r['kind']})")
    for name, spans in found.items():
        judged = {(int(r["start"]), int(r["end"])) for r in rows if r["source"] == name}
        out[split_of(name)]["unjudged_new"] += sum(s not in judged for s in spans)
    if show_errors:
        for k, n in sorted(errs.items(), key=lambda kv: -kv[1]):
            print(f"  {n:3d} {k}")
    return out


def report(counts: dict[str, Counter]) -> None:
    for split, c in counts.items():
        acc = c["right"] / c["valued"] if c["valued"] else 0.0
        prec = c["valued"] / c["still_found"] if c["still_found"] else 0.0
        print(f"{split}: value accuracy {acc:.3f} ({c['right']}/{c['valued']}), detection precision {prec:.3f} "
              f"({c['valued']}/{c['still_found']}), misses seen {c['missed_seen']} (now found "
              f"{c['missed_now_found']}, right {c['missed_now_right']}), judged spans gone {c['gone']}, "
              f"unjudged new {c['unjudged_new']}, texts moved {c['text_moved']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-parse", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timex import load_parser

    nlp = load_parser(not args.no_parse)
    if args.dump:
        dump(nlp)
        return
    report(score(nlp, args.errors))


if __name__ == "__main__":
    main()
