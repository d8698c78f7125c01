"""Cross-report merging on real news: ECB+ topics whose two seminal events are violent.

Each topic's articles (two real events of the same kind, several outlets each) are extracted by sitrep with no
publication date given (the date comes from the text), ingested in a fixed shuffled order into a fresh store,
and scored:

* document level: pairs of articles that share an incident vs pairs that report the same seminal event
  (pairwise P / R / F1), and incidents that mix articles of the two events (must be 0);
* mention level: each sitrep event maps to the gold action mentions its triggers overlap (annotated sentences
  only); the incidents are scored against the gold cross-document chains with MUC, B3, CEAF-e and CoNLL F1 on
  the mentions found; mention recall is printed apart.

The topics and why they are violent, and the tune / check split, are in ``sitrep.evaluation.ecbplus``; the
merge weights were chosen on the tune topics only (``python3 -m sitrep.evaluation.train_merge``).

    python3 benchmarks/merge_ecb.py [--shared ../shared] [--split check|tune|all]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.evaluation import ecbplus as E  # noqa: E402


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def _f(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(topics: dict[int, list[E.Extracted]], rules=None) -> dict:
    """Scores over the topics (pairs and mentions pooled; chains never cross topics)."""
    doc = {"tp": 0, "predicted": 0, "gold": 0, "mixed": 0, "incidents": 0, "articles_with_events": 0}
    key: list[set] = []
    response: list[set] = []
    total = 0
    per_topic = {}
    for t, extracted in topics.items():
        events = E.ingest(extracted, rules)
        d = E.document_scores(extracted, events)
        per_topic[t] = d
        for k in doc:
            doc[k] += d[k]
        k, r, n = E.mention_clusters(extracted, events)
        key += k
        response += r
        total += n
    found = sum(len(c) for c in key)
    moved = total_events = 0
    for extracted in topics.values():  # the same articles in reverse order: same incidents, same ids?
        forward, backward = E.ingest(extracted, rules), E.ingest(list(reversed(extracted)), rules)
        for doc_id, evs in forward.items():
            total_events += len(evs)
            moved += sum(1 for (a, _), (b, _) in zip(evs, backward[doc_id], strict=True) if a != b)
    return {"order": (moved, total_events), "doc": doc, "doc_prf": _f(doc["tp"], doc["predicted"], doc["gold"]), "per_topic": per_topic,
            "mentions": E.conll(key, response), "found": found, "gold_mentions": total}


def report(name: str, s: dict, n_articles: int) -> None:
    d = s["doc"]
    p, r, f = s["doc_prf"]
    print(f"{name}: {n_articles} articles, {d['articles_with_events']} with events, {d['incidents']} incidents")
    print(f"  document pairs: P {p:.3f} R {r:.3f} F1 {f:.3f} ({d['tp']} of {d['predicted']} predicted, "
          f"{d['gold']} gold); mixed incidents {d['mixed']}")
    for t, x in s["per_topic"].items():
        tp, pr, gd = x["tp"], x["predicted"], x["gold"]
        print(f"    topic {t:2d}: pairs {tp}/{pr} predicted, {gd} gold, mixed {x['mixed']}, incidents {x['incidents']}")
    m = s["mentions"]
    print(f"  mentions found {s['found']} of {s['gold_mentions']} (recall {s['found'] / max(1, s['gold_mentions']):.3f})")
    print(f"  reverse arrival order: {s['order'][0]} of {s['order'][1]} events in another incident id")
    print("  on found mentions: " + "  ".join(f"{k} P {v[0]:.3f} R {v[1]:.3f} F1 {v[2]:.3f}" for k, v in m.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--split", choices=("check", "tune", "all"), default="all")
    args = ap.parse_args(argv)
    root = shared_dir(args.shared) / "data" / "realnews" / "ecbplus"
    if not root.is_dir():
        print(f"ECB+ not found at {root}", file=sys.stderr)
        return 2
    splits = {"tune": E.TUNE_TOPICS, "check": E.CHECK_TOPICS}
    if args.split != "all":
        splits = {args.split: splits[args.split]}
    for t, why in sorted(E.VIOLENT_TOPICS.items()):
        print(f"topic {t:2d} ({'tune' if t in E.TUNE_TOPICS else 'check'}): {why}")
    for name, topic_ids in splits.items():
        t0 = time.perf_counter()
        topics = {t: E.extract(E.read_topic(root, t)) for t in topic_ids}
        t1 = time.perf_counter()
        s = score(topics)
        t2 = time.perf_counter()
        report(f"{name} topics {', '.join(map(str, topic_ids))}", s, sum(len(v) for v in topics.values()))
        print(f"  extraction {t1 - t0:.1f} s, ingest and scoring {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
