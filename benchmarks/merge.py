"""Pairwise merge precision / recall of cross-report merging on MUC-4.

Gold: MUC-4 answer keys; templates of different reports that share incident date, location and type
describe the same incident (one gold cluster). Mentions: one per relevant key template, built from
its key fields (date range -> date and precision, location path, type, physical target, perpetrator
organisation, instrument types) -- ``--noisy`` drops target / perpetrator / instrument from a share of
them, the way reports leave fields out. They arrive in report-date order and
``sitrep.merge.across.Clusterer`` merges them with the same rules the store uses.

    python3 benchmarks/merge.py [--shared ../shared] [--noisy 0.3]

Prints the number of mentions, gold cross-report pairs, predicted pairs, P / R / F1, and timing.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.evaluation import muc4  # noqa: E402
from sitrep.merge.across import Clusterer, Features  # noqa: E402


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def _location(t: muc4.Template) -> str | None:
    vals = t.values("INCIDENT: LOCATION")
    if not vals:
        return None
    v = vals[0].split("/")[0]
    parts = [re.sub(r"\([^)]*\)", "", p).strip().lstrip("?").strip() for p in v.split(":")]
    return ": ".join(p for p in parts if p) or None


def _first(fillers: list[list[str]]) -> str | None:
    return fillers[0][0] if fillers and fillers[0] else None


def mention(t: muc4.Template, published: date | None, rng: random.Random, noisy: float) -> Features | None:
    rng_ = t.date_range
    if not rng_ or not t.incident_types:
        return None
    lo, hi = rng_
    if lo is None:  # "- 04 FEB 90": on or before; reports of this kind give the week
        d, prec = hi, "week"
    elif lo == hi:
        d, prec = lo, "day"
    else:
        d, prec = lo, "day" if (hi - lo).days == 0 else ("week" if (hi - lo).days <= 6 else "month")
    loc = _location(t)
    country = loc.split(":")[0].strip() if loc else None
    weapons = frozenset(v.split(":")[0].strip().lower() for v in t.values("INCIDENT: INSTRUMENT TYPE"))
    target = _first(t.fillers("PHYS TGT: ID")) or _first(t.fillers("HUM TGT: DESCRIPTION"))
    actor = _first(t.fillers("PERP: ORGANIZATION ID"))
    if noisy and rng.random() < noisy:
        target = None
    if noisy and rng.random() < noisy:
        actor = None
    if noisy and rng.random() < noisy:
        weapons = frozenset()
    return Features(
        key=f"{t.doc_id}/{t.number}", documents=frozenset([t.doc_id]), date=d, date_precision=prec,
        event_type=t.incident_types[0], sub_event_type=None, country_code=country, country=country,
        location_name=loc, target=target, actor1=actor, weapons=weapons,
    )


def gold_key(t: muc4.Template) -> tuple:
    return (" ".join(t.values("INCIDENT: DATE")[:1]), _location(t), t.incident_types[0] if t.incident_types else None)


def pairs(clusters: dict[str, str], features: list[Features]) -> set[tuple[str, str]]:
    by: dict[str, list[Features]] = {}
    for f in features:
        by.setdefault(clusters[f.key], []).append(f)
    out = set()
    for members in by.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.documents != b.documents:
                    out.add(tuple(sorted((a.key, b.key))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help="the shared folder (default ../shared or $SITREP_SHARED)")
    ap.add_argument("--noisy", type=float, default=0.0, help="drop target / actor / weapons with this probability")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print this many false merges and misses")
    args = ap.parse_args(argv)
    root = shared_dir(args.shared) / "data" / "muc4"
    if not root.is_dir():
        print(f"needs {root} (MUC-4 docs and keys)", file=sys.stderr)
        return 2
    published: dict[str, date | None] = {}
    for p in sorted((root / "docs").iterdir()):
        for d in muc4.read_docs(p):
            published[d.id] = d.report_date
    templates = [t for p in sorted((root / "keys").iterdir()) for t in muc4.read_keys(p) if t.relevant]
    rng = random.Random(args.seed)
    feats: list[tuple[date, Features, tuple]] = []
    for t in templates:
        f = mention(t, published.get(t.doc_id), rng, args.noisy)
        if f is not None:
            feats.append((published.get(t.doc_id) or f.date, f, gold_key(t)))
    feats.sort(key=lambda x: (x[0], x[1].key))
    features = [f for _, f, _ in feats]
    gold = {f.key: repr(g) for _, f, g in feats}
    t0 = time.perf_counter()
    c = Clusterer()
    pred: dict[str, str] = {}
    for f in features:
        ci, _ = c.add(f)
        pred[f.key] = str(ci)
    elapsed = time.perf_counter() - t0
    gp, pp = pairs(gold, features), pairs(pred, features)
    tp = len(gp & pp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"MUC-4 keys: {len(features)} mentions from {len({f.documents for f in features})} reports; "
          f"gold cross-report pairs {len(gp)}, predicted {len(pp)}, correct {tp}")
    print(f"pairwise merge  P={p:.3f} R={r:.3f} F1={f1:.3f}  (noisy={args.noisy}, {c.comparisons} comparisons, "
          f"{elapsed * 1000:.0f} ms)")
    if args.errors:
        by_key = {f.key: f for f in features}
        for a, b in sorted(pp - gp)[: args.errors]:
            print("false merge:", gold[a], "|", gold[b], "|", by_key[a].target, "/", by_key[b].target)
        for a, b in sorted(gp - pp)[: args.errors]:
            print("missed:", gold[a], "|", by_key[a].date, by_key[b].date, by_key[a].target, "/", by_key[b].target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
