"""Scale figures for the store and cross-report merging (printed, never asserted).

1. merge time for 100,000 mentions (``sitrep.merge.across.Clusterer``, blocking by day and country),
   with pairwise P / R against the synthetic gold;
2. the store's own ingest path (SQL blocking + merging + change log) for ``--store-mentions`` mentions;
3. p95 latency of filtered incident queries on 100,000 incidents in SQLite (``sitrep.store.synthetic.fill``),
   through ``Store.incidents`` and, when the server is importable, through the HTTP API.

    python3 benchmarks/store_scale.py [--mentions 100000] [--incidents 100000] [--db URL]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.merge.across import Clusterer  # noqa: E402
from sitrep.store import open_store  # noqa: E402
from sitrep.store.synthetic import PLACES, fill, mention_features  # noqa: E402


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 20 else max(xs)


def merge_figures(n: int) -> None:
    feats, gold = mention_features(n, seed=1)
    t0 = time.perf_counter()
    c = Clusterer()
    pred = [c.add(f)[0] for f in feats]
    dt = time.perf_counter() - t0
    # pairwise P / R over cross-report pairs
    def pairs(labels):
        by: dict[int, list[int]] = {}
        for i, lab in enumerate(labels):
            by.setdefault(lab, []).append(i)
        return {(a, b) for m in by.values() for i, a in enumerate(m) for b in m[i + 1:]}
    gp, pp = pairs(gold), pairs(pred)
    tp = len(gp & pp)
    print(f"merge: {n} mentions -> {len(c.reps)} incidents (gold {len(set(gold))}) in {dt:.2f} s "
          f"({n / dt:,.0f} mentions/s, {c.comparisons:,} comparisons); pairwise P={tp / max(1, len(pp)):.3f} "
          f"R={tp / max(1, len(gp)):.3f}")


def store_ingest_figures(url: str, n: int) -> None:
    from sitrep.model import Count, Document, EventMention, Place, Span

    feats, _ = mention_features(n, seed=2)
    store = open_store(url)
    t0 = time.perf_counter()
    for i, f in enumerate(feats):
        text = f"Report {i}\nFILE: An attack near {f.location_name} on {f.date}."
        doc = Document(id=f"b{i}", text=text, title=f"Report {i}", published=f.date)
        span = Span(text.index("An attack"), text.index("An attack") + 9, "An attack")
        place = Place(f.location_name, f.latitude, f.longitude, country=f.country, country_code=f.country_code,
                      geo_precision=f.geo_precision)
        m = EventMention(document_id=doc.id, trigger=span, sentence_index=0, event_type=f.event_type,
                         sub_event_type=f.sub_event_type or "", weapons=sorted(f.weapons), actor1=f.actor1,
                         target=f.target, place=place, date=f.date, date_precision="day", fatalities=Count(best=1),
                         evidence=[span])
        store.ingest(doc, [m])
    dt = time.perf_counter() - t0
    print(f"store ingest ({store.dialect}): {n} single-mention documents in {dt:.2f} s "
          f"({n / dt:,.0f} documents/s, one transaction each) -> {store.count_incidents()} incidents")
    store.close()


QUERIES = [
    lambda d: {"date_from": d, "date_to": d + timedelta(days=30)},
    lambda d: {"date_from": d, "date_to": d + timedelta(days=90), "country": "IQ"},
    lambda d: {"bbox": (40.0, 30.0, 46.0, 37.0), "date_from": d},
    lambda d: {"event_type": "Air/drone strike", "date_from": d, "date_to": d + timedelta(days=60)},
    lambda d: {"actor": "islamic", "claimed": True},
    lambda d: {"q": "checkpoint", "country": "SY"},
]


def query_figures(url: str, n: int, runs: int) -> None:
    store = open_store(url)
    have = store.count_incidents()
    if have < n:
        t0 = time.perf_counter()
        fill(store, n - have)
        print(f"fill: {n - have} synthetic incidents in {time.perf_counter() - t0:.1f} s")
    times: list[float] = []
    base = date(2022, 1, 1)
    for i in range(runs):
        kw = QUERIES[i % len(QUERIES)](base + timedelta(days=(i * 37) % 700))
        t0 = time.perf_counter()
        store.incidents(limit=100, **kw)
        store.count_incidents(**kw)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"store query (page of 100 + total) on {store.count_incidents():,} incidents ({store.dialect}): "
          f"p50 {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms over {runs} queries")
    try:
        from fastapi.testclient import TestClient

        from sitrep.serve.app import create_app
    except Exception as exc:  # the server is another module; report and go on
        print(f"HTTP API p95: skipped ({type(exc).__name__}: {exc})")
        store.close()
        return
    client = TestClient(create_app(store=store))
    times = []
    for i in range(runs):
        kw = QUERIES[i % len(QUERIES)](base + timedelta(days=(i * 37) % 700))
        params = {k: (",".join(map(str, v)) if isinstance(v, tuple) else str(v).lower() if isinstance(v, bool)
                      else str(v)) for k, v in kw.items()}
        t0 = time.perf_counter()
        r = client.get("/api/incidents", params=params)
        times.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            print(f"HTTP API: {r.status_code} {r.text[:200]}")
            break
    print(f"HTTP API GET /api/incidents (filtered) on {n:,} incidents: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95(times):.1f} ms over {len(times)} requests")
    store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--store-mentions", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--db", default=None, help="database for the query figures (default: a temporary SQLite file)")
    args = ap.parse_args(argv)
    print(f"places: {len(PLACES)}; python {sys.version.split()[0]}")
    merge_figures(args.mentions)
    with tempfile.TemporaryDirectory() as tmp:
        store_ingest_figures(str(Path(tmp) / "ingest.sqlite"), args.store_mentions)
        query_figures(args.db or str(Path(tmp) / "scale.sqlite"), args.incidents, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
