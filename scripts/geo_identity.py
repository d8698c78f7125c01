"""Whether a change to the resolver leaves every answer as it was: the ``Place`` (name, point, country, admin1,
GeoNames id, feature, precision, source, span and reason) that ``resolve_spans`` gives each gold toponym of LGL and of
the world sets, written to a file before the change and compared after it; also the CPU articles/s of each corpus.

    python3 scripts/geo_identity.py --write /tmp/before.tsv      # on the code before the change
    python3 scripts/geo_identity.py --compare /tmp/before.tsv    # after it: exit status 1 on any difference
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from geoparse import DEFAULT, read_corpus  # noqa: E402

WORLD = [ROOT / "benchmarks" / "data" / f"world_toponyms{s}.xml" for s in ("", "2", "3", "4", "5", "6", "7", "8")]


def answers(corpora: list[Path]) -> list[str]:
    """One line per gold toponym with coordinates: corpus, article, span, the resolver's answer (repr)."""
    from sitrep.resolve.gazetteer import get_gazetteer
    from sitrep.resolve.place import resolve_spans

    get_gazetteer()
    lines = []
    for path in corpora:
        articles = read_corpus(path)
        t0 = time.process_time()
        for a in articles:
            gold = [t for t in a["toponyms"] if t["lat"] is not None]
            if not gold:
                continue
            for t, p in zip(gold, resolve_spans(a["text"], [(t["start"], t["end"]) for t in gold]), strict=True):
                lines.append(f"{path.name}\t{a['id']}\t{t['start']}\t{t['end']}\t{p!r}")
        seconds = time.process_time() - t0
        print(f"{path.name}: {len(articles)} articles, {len(articles) / seconds:.1f} articles/s (CPU)", file=sys.stderr)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", help="write the answers to this file")
    group.add_argument("--compare", help="compare the answers with this file")
    ap.add_argument("--corpus", action="append", help="corpora in the LGL layout (default: LGL and world 1-7)")
    args = ap.parse_args(argv)
    corpora = [Path(c) for c in args.corpus] if args.corpus else [DEFAULT, *WORLD]
    lines = answers(corpora)
    if os.environ.get("GEO_DUMP"):
        Path(os.environ["GEO_DUMP"]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} answers written to {args.write}")
        return 0
    before = Path(args.compare).read_text(encoding="utf-8").splitlines()
    moved = [(b, a) for b, a in zip(before, lines, strict=False) if b != a]
    for b, a in moved[:20]:
        print(f"- {b}\n+ {a}")
    same = not moved and len(before) == len(lines)
    print(f"{len(lines)} answers, {len(before)} before: {'identical' if same else f'{len(moved)} differ'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
