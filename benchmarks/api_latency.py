"""API latency: p50 / p95 / p99 of filtered ``/api/incidents`` queries over HTTP (uvicorn on 127.0.0.1,
one keep-alive httpx client) on N synthetic incidents in SQLite (``sitrep.store.synthetic.fill``).

    python3 benchmarks/api_latency.py                 # 100,000 incidents, 200 requests per query
    python3 benchmarks/api_latency.py --n 20000 --runs 50

Prints figures; asserts nothing about time."""
from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

QUERIES = {
    "date range (1 month)": {"date_from": "2023-03-01", "date_to": "2023-03-31"},
    "country + type": {"country": "Iraq", "type": "Air/drone strike"},
    "bbox + date range": {"bbox": "38,29,49,38", "date_from": "2022-06-01", "date_to": "2022-12-31"},
    "actor + claimed": {"actor": "islamic resistance", "claimed": "true"},
    "text": {"q": "checkpoint mosul"},
    "all filters": {"date_from": "2022-01-01", "date_to": "2023-12-31", "bbox": "35,25,50,40",
                    "country": "Iraq", "type": "Explosions/Remote violence", "actor": "islamic",
                    "claimed": "true", "q": "base"},
    "geojson, 1 month, limit 1000": {"date_from": "2023-03-01", "date_to": "2023-03-31", "format": "geojson",
                                     "limit": "1000"},
    "no filter, page 100": {"offset": "5000", "limit": "50"},
}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="synthetic incidents (default 100,000)")
    ap.add_argument("--runs", type=int, default=200, help="requests per query (default 200)")
    ap.add_argument("--db", help="SQLite file to use (filled when it holds fewer than --n incidents)")
    args = ap.parse_args(argv)

    import httpx
    import uvicorn

    from sitrep.serve import create_app
    from sitrep.store import open_store
    from sitrep.store.synthetic import fill

    warnings.simplefilter("ignore")
    tmp = None
    if args.db:
        path = Path(args.db)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="sitrep-api-bench-")
        path = Path(tmp.name) / "bench.sqlite"
    store = open_store(str(path))
    have = store.count_incidents()
    if have < args.n:
        t0 = time.perf_counter()
        fill(store, args.n - have)
        print(f"filled {args.n - have:,} synthetic incidents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    n = store.count_incidents()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(None, store=store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)

    print(f"sitrep API latency: SQLite, {n:,} incidents, {args.runs} requests per query, HTTP over 127.0.0.1")
    print(f"{'query':32} {'matches':>8} {'rows':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    all_times: list[float] = []
    filtered: list[float] = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, params in QUERIES.items():
                r = client.get("/api/incidents", params=params)  # warm-up, and the sizes
                r.raise_for_status()
                body = r.json()
                rows = len(body["features"] if "features" in body else body["items"])
                times = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    r = client.get("/api/incidents", params=params)
                    r.content  # noqa: B018 - read the whole body
                    times.append((time.perf_counter() - t0) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"{name}: HTTP {r.status_code}: {r.text[:200]}")
                all_times += times
                if name != "no filter, page 100":
                    filtered += times
                print(f"{name:32} {body['total']:>8,} {rows:>5} {statistics.median(times):>8.1f} "
                      f"{pct(times, 95):>8.1f} {pct(times, 99):>8.1f}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()
        if tmp:
            tmp.cleanup()
    print(f"{'filtered queries, together':32} {'':>8} {'':>5} {statistics.median(filtered):>8.1f} "
          f"{pct(filtered, 95):>8.1f} {pct(filtered, 99):>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
