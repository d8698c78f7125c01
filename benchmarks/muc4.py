"""Run sitrep over MUC-4 documents in their raw layout and score role fillers with CEAF-REE (GRIT).

    python3 benchmarks/muc4.py --docs ../shared/data/muc4/docs/tst1-muc3 ../shared/data/muc4/docs/tst2-muc4 \\
        --keys ../shared/data/muc4/keys/key-tst1.v7 ../shared/data/muc4/keys/key-tst2.v4

Prints each role's P/R/F1 (strict and head-noun match), incident date / type / location accuracy, and
ends with the CEAF-REE line ``micro P=0.XXX R=0.XXX F1=0.XXX``. ``--oracle`` scores the gold as the
prediction (a check of the scorer: 1.000). ``--limit N`` takes the first N documents that have keys.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.evaluation import muc4  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", nargs="+", required=True, help="MUC-4 document files (raw layout)")
    ap.add_argument("--keys", nargs="+", required=True, help="MUC-4 answer-key files")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents with keys")
    ap.add_argument("--oracle", action="store_true", help="score the gold as prediction (scorer check)")
    ap.add_argument("--errors", action="store_true", help="print per-document misses and false alarms")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    docs: dict[str, muc4.MucDoc] = {}
    for path in args.docs:
        for d in muc4.read_docs(path):
            docs[d.id] = d
    templates: list[muc4.Template] = []
    for path in args.keys:
        templates += muc4.read_keys(path)
    by_doc = muc4.templates_by_doc(templates)
    ids = [i for i in docs if i in by_doc]
    missing = [i for i in by_doc if i not in docs]
    if missing:
        print(f"warning: {len(missing)} keyed documents not in --docs (e.g. {missing[0]})", file=sys.stderr)
    if args.limit:
        ids = ids[: args.limit]
    golds = {i: muc4.gold_entities(by_doc[i], docs[i].text) for i in ids}
    temps = {i: by_doc[i] for i in ids}
    n_rel = sum(1 for i in ids if any(t.relevant for t in by_doc[i]))
    print(f"MUC-4: {len(ids)} documents ({n_rel} with incidents), "
          f"{sum(len(e) for g in golds.values() for e in g.values())} gold entities")

    if args.oracle:
        preds = {i: {r: [list(e) for e in ents] for r, ents in g.items()} for i, g in golds.items()}
        incidents = {
            i: [muc4.PredictedIncident(
                date=(t.date_range or (None, None))[1] or (t.date_range or (None, None))[0],
                type=(t.incident_types or [None])[0], location=(t.location_names or [None])[0])
                for t in by_doc[i] if t.relevant]
            for i in ids
        }
        seconds = 0.0
    else:
        preds, incidents, seconds = muc4.predict([docs[i] for i in ids], verbose=args.verbose)
        print(f"extraction: {seconds:.1f} s, {len(ids) / max(seconds, 1e-9):.1f} documents/s")

    if args.errors:
        for i in ids:
            for role in muc4.ROLES:
                g = [[muc4.normalize_mention(m) for m in e] for e in golds[i][role]]
                p = [muc4.normalize_mention(e[0]) for e in preds.get(i, {}).get(role, [])]
                miss = [e[0] for e in g if not any(m in e for m in p)]
                fa = [m for m in p if not any(m in e for e in g)]
                if miss or fa:
                    print(f"{i} {role:8} miss={miss} false={fa}")

    strict = muc4.ceaf_ree(preds, golds, "strict")
    head = muc4.ceaf_ree(preds, golds, "head")
    print(f"{'role':8} {'P':>6} {'R':>6} {'F1':>6}   head-noun: {'P':>6} {'R':>6} {'F1':>6}   gold  pred")
    for role in muc4.ROLES:
        s, h = strict.roles[role], head.roles[role]
        print(f"{role:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}              "
              f"{h.precision:6.3f} {h.recall:6.3f} {h.f1:6.3f}   {s.r_den:4d}  {s.p_den:4d}")
    print(f"head-noun match: {head.line()}")
    acc = muc4.incident_accuracy(incidents, temps)
    print(f"incident fields over {acc['templates']} gold templates: date={acc['date']:.3f} "
          f"type={acc['type']:.3f} location={acc['location']:.3f}")
    print(f"CEAF-REE strict, micro over {', '.join(muc4.ROLES)}:")
    print(strict.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
