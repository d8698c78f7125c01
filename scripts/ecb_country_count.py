"""Count country disagreements between the reports of one ECB+ seminal event.

For each topic and seminal event (ECB+ ``ecb`` / ``ecbplus`` component), the countries sitrep gives the events
of each of its articles; a pair of articles of one seminal event whose events are all placed, each in countries the
other never uses, is a disagreement (the kind that splits one real event into incidents across reports). Prints
each disagreeing seminal event with the place names behind each country, and the counts by split.

    python3 scripts/ecb_country_count.py [--split tune|check|neither|all] [--cache FILE]

``neither``: the ECB+ topics that are in neither split (their seminal events are not both violent, but the
reports of arrests, trials and deaths still yield events). The extraction is cached (pickle) when ``--cache`` is given.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluation import ecbplus as E


def _topics(split: str, root: Path) -> list[int]:
    every = sorted(int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    named = {"tune": list(E.TUNE_TOPICS), "check": list(E.CHECK_TOPICS),
             "neither": [t for t in every if t not in E.TUNE_TOPICS and t not in E.CHECK_TOPICS]}
    return every if split == "all" else named[split]


def _places(root: Path, topics: list[int], cache: str | None) -> dict:
    """(topic, event) -> article id -> [(country code, place name, place as written)]."""
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            got = pickle.load(fh)
        if all(any(k[0] == t for k in got) or (t, None) in got for t in topics):
            return got
    out: dict = {}
    for t in topics:
        print(f"topic {t}", file=sys.stderr)
        out[(t, None)] = {}
        for x in E.extract(E.read_topic(root, t)):
            rows = [((ev.place.country_code if ev.place else None), (ev.place.name if ev.place else None),
                     (ev.place_text.text if ev.place_text else None)) for ev in x.events]
            out.setdefault((t, x.article.event), {})[x.article.id] = rows
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(out, fh)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--split", choices=("tune", "check", "neither", "all"), default="neither")
    ap.add_argument("--cache", default=None)
    args = ap.parse_args(argv)
    root = Path(args.shared) / "data" / "realnews" / "ecbplus"
    topics = _topics(args.split, root)
    got = _places(root, topics, args.cache)
    pairs = Counter()
    for (t, ev), arts in sorted(got.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if ev is None or t not in topics:
            continue
        ccs = {a: {r[0] for r in rows if r[0]} for a, rows in arts.items()}
        placed = [a for a in sorted(ccs) if ccs[a] and all(r[0] for r in arts[a])]
        n = sum(1 for i, a in enumerate(placed) for b in placed[i + 1:] if not ccs[a] & ccs[b])
        pairs["placed pairs"] += len(placed) * (len(placed) - 1) // 2
        pairs["disjoint pairs"] += n
        if not n:
            continue
        names: dict[str, Counter] = {}
        for rows in arts.values():
            for cc, name, written in rows:
                if cc:
                    names.setdefault(cc, Counter())[f"{name} <- {written!r}"] += 1
        print(f"topic {t} {ev}: {n} disjoint pairs of {len(placed)} placed articles")
        for cc, c in sorted(names.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"    {cc}: " + "; ".join(f"{k} x{v}" for k, v in c.most_common(6)))
    print(f"{args.split}: " + ", ".join(f"{k} {v}" for k, v in pairs.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
