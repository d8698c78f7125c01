"""Sweep weights of ``knowledge/geo_scoring.toml`` on a geoparsing corpus (LGL XML layout), given the gold spans:
accuracy@161 km on the even articles (tune: choose there) and the odd ones (check: report there).

    python3 scripts/geo_sweep.py [CORPUS.xml] --set context.cluster=0,1,2 --set context.cluster_km=25,50

Every combination of the values is run under a knowledge folder holding only the changed geo_scoring.toml (the
other files are the packaged ones), so nothing in the repository is written.
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from geoparse import DEFAULT, km, read_corpus  # noqa: E402


def halves(articles: list[dict]) -> tuple[float, float]:
    from sitrep.resolve.place import resolve_spans

    tally = [[0, 0], [0, 0]]
    for n, a in enumerate(articles):
        gold = [t for t in a["toponyms"] if t["lat"] is not None]
        if not gold:
            continue
        for t, p in zip(gold, resolve_spans(a["text"], [(t["start"], t["end"]) for t in gold]), strict=True):
            tally[n % 2][0] += 1
            tally[n % 2][1] += p is not None and km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161
    return tally[0][1] / tally[0][0], tally[1][1] / tally[1][0]


def with_values(raw: str, values: dict[str, str]) -> str:
    """``raw`` (geo_scoring.toml) with ``section.key = value`` replaced for each of ``values``."""
    for name, v in values.items():
        section, key = name.split(".", 1)
        head = re.search(rf"^\[{re.escape(section)}\]", raw, re.M)
        if not head:
            raise SystemExit(f"no section [{section}]")
        line = re.compile(rf"^({re.escape(key)}\s*=\s*)[^#\n]*?(\s*(?:#.*)?)$", re.M)
        m = line.search(raw, head.end())
        if not m:
            raise SystemExit(f"no key {name}")
        raw = raw[:m.start()] + m.group(1) + v + m.group(2) + raw[m.end():]
    return raw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=V1,V2")
    args = ap.parse_args(argv)
    from sitrep.knowledge import Knowledge, knowledge_path, use_knowledge

    articles = read_corpus(Path(args.corpus))
    raw = knowledge_path("geo_scoring.toml").read_text(encoding="utf-8")
    grid = [(s.split("=", 1)[0], s.split("=", 1)[1].split(",")) for s in args.set]
    print(f"packaged: even {halves(articles)[0]:.4f}, odd {halves(articles)[1]:.4f}")
    for combo in itertools.product(*(vs for _, vs in grid)):
        values = dict(zip((n for n, _ in grid), combo, strict=True))
        with tempfile.TemporaryDirectory(prefix="geo-sweep-") as tmp:
            Path(tmp, "geo_scoring.toml").write_text(with_values(raw, values), encoding="utf-8")
            with use_knowledge(Knowledge(tmp)):
                even, odd = halves(articles)
        print(" ".join(f"{k}={v}" for k, v in values.items()) + f": even {even:.4f}, odd {odd:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
