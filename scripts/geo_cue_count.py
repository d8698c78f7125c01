"""How often each register cue of ``knowledge/geo_countries.csv`` (the ``cues`` column: "Township", "$#", "a.m.")
fires in an article whose country it names, and in one of another country: over LGL (even articles = tune, odd =
check) and the world sets. An article's country is the one most of its gold toponyms lie in (at least half of them,
by their GeoNames ids); an article with no such country counts as wrong ("None").

    python3 scripts/geo_cue_count.py                     # the packaged cues
    python3 scripts/geo_cue_count.py --candidates FILE   # lines "CC cue" (a '#' in a cue stands for a number)

Prints per cue: right / wrong on even, odd and world, with the countries of the wrong articles.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from geoparse import DEFAULT, read_corpus  # noqa: E402

WORLD = [ROOT / "benchmarks" / "data" / f"world_toponyms{s}.xml" for s in ("", "2", "3", "4", "5", "6", "7", "8")]


def article_countries(corpus: Path, world: list[Path]) -> dict[str, list[tuple[str, str | None]]]:
    """{even, odd, world: [(text, country of most of its gold toponyms or None)]}."""
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    by_gid: dict[int, str] = {}
    for i, g in enumerate(gz.col_gid):
        if g and g not in by_gid and gz[i].cc:
            by_gid[g] = gz[i].cc

    def country(a: dict) -> str | None:
        c = Counter(by_gid[t["geonameid"]] for t in a["toponyms"] if t["geonameid"] in by_gid)
        if not c:
            return None
        cc, n = c.most_common(1)[0]
        return cc if n >= 0.5 * sum(c.values()) else None

    out: dict[str, list[tuple[str, str | None]]] = {"even": [], "odd": [], "world": []}
    for n, a in enumerate(read_corpus(corpus)):
        out["odd" if n % 2 else "even"].append((a["text"], country(a)))
    for path in world:
        out["world"].extend((a["text"], country(a)) for a in read_corpus(path))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--candidates", help='a file of lines "CC cue" to count instead of the packaged cues')
    args = ap.parse_args(argv)
    from sitrep.resolve.gazetteer import _cue_patterns, get_gazetteer

    if args.candidates:
        cues = []
        for line in Path(args.candidates).read_text(encoding="utf-8").splitlines():
            if line.strip():
                cc, cue = line.strip().split(None, 1)
                cues.append((cc, cue, _cue_patterns(Path(args.candidates), 0, cue)[0]))
    else:
        cues = [(cc, p.pattern, p) for cc, pats in sorted(get_gazetteer().cues.items()) for p in pats]
    sets = article_countries(Path(args.corpus), WORLD)
    for cc, cue, pat in cues:
        cells = []
        for name, arts in sets.items():
            hits = [c for text, c in arts if pat.search(text)]
            wrong = Counter(str(c) for c in hits if c != cc)
            cells.append(f"{name} {len(hits) - sum(wrong.values())}/{sum(wrong.values())}"
                         + (f" {dict(wrong.most_common(3))}" if wrong else ""))
        print(f"{cc} {cue!r:28s} " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
